"""Fetching policy pages: a local HTTP server plays the sites an audit meets — legacy
code pages, redirects, flaky and hostile servers, wrong content types. No test touches
the internet."""

from __future__ import annotations

import datetime
import gzip
import socket
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylint.audit.fetch import (
    SUFFIX_BY_TYPE,
    TEXT_SUFFIXES,
    Fetcher,
    fetch,
    meta_charset,
    new_client,
)
from policylint.ingest import read_source
from policylint.model import InputError

# Real wording of the seed policies (corpora/seeds/003 and 002).
RU_CLAUSE = (
    "Настоящая Политика конфиденциальности персональных данных (далее – Политика "
    "конфиденциальности) является публичным Договором, заключенным между владельцем "
    "Интернет-платформа ИП “Jukte” (Продавец) и Покупателем в соответствии со ст.387 "
    "Гражданского кодекса Республики Казахстан."
)
RU_EMAIL = "2.2.3. адрес электронной почты (e-mail);"
KK_CLAUSE = (
    "1.2. Осы Саясат Қазақстан Республикасының заңнамасына, оның ішінде дербес деректерді "
    "қорғау мəселелерін реттейтін заңнамасына сəйкес əзірленді."
)


def html_page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n{head}<title>Политика конфиденциальности</title>\n"
        f"</head>\n<body>\n<main class=\"policy\">\n{body}\n</main>\n</body>\n</html>\n"
    )


UTF8_PAGE = html_page(f"<h1>Политика конфиденциальности</h1>\n<p>{RU_CLAUSE}</p>\n<p lang=\"kk\">{KK_CLAUSE}</p>")
CP1251_BODY = f"<p>{RU_CLAUSE}</p>\n<ul><li>{RU_EMAIL}</li></ul>"
META_PAGE = html_page(CP1251_BODY, head='<meta charset="windows-1251">\n').encode("cp1251")
EQUIV_PAGE = html_page(
    CP1251_BODY, head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">\n'
).encode("cp1251")
BARE_CP1251 = html_page(CP1251_BODY).encode("cp1251")
PLAIN_CP1251 = f"ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ\n\n{RU_CLAUSE}\n{RU_EMAIL}\n".encode("cp1251")

#: The smallest PDF a viewer opens: one empty page.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

#: A tiny cap so that the size tests move kilobytes, not megabytes.
CAP = 64 * 1024


class Sites(BaseHTTPRequestHandler):
    """Routes of the test server; counters live on ``self.server``."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        with self.server.lock:
            self.server.hits[parts.path] += 1
        route = ROUTES.get(parts.path.split("/")[1] if parts.path.count("/") > 1 else parts.path.strip("/"))
        if route is None:
            self.send(404, "<h1>Страница не найдена</h1>".encode())
        else:
            try:
                route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up: that is what some tests want

    # ------------------------------------------------------------------ routes
    def utf8(self) -> None:
        self.send(200, UTF8_PAGE.encode())

    def meta_cp1251(self) -> None:
        self.send(200, META_PAGE, "text/html")

    def equiv_cp1251(self) -> None:
        self.send(200, EQUIV_PAGE, "text/html")

    def header_cp1251(self) -> None:
        self.send(200, BARE_CP1251, "text/html; charset=windows-1251")

    def lying_header(self) -> None:
        self.send(200, META_PAGE, "text/html; charset=utf-8")

    def plain_cp1251(self) -> None:
        self.send(200, PLAIN_CP1251, "text/plain")

    def redirect(self) -> None:
        hops = int(self.path.rsplit("/", 1)[1])
        target = "/utf8" if hops == 0 else f"/redirect/{hops - 1}"
        self.send(301 if hops % 2 else 302, b"", headers={"Location": target})

    def loop(self) -> None:
        self.send(302, b"", headers={"Location": "/loop"})

    def no_location(self) -> None:
        self.send(302, b"")

    def flaky(self) -> None:
        """503 with ``Retry-After`` for the first ``fail`` requests of one ``key``."""
        with self.server.lock:
            self.server.keys[self.query["key"]] += 1
            count = self.server.keys[self.query["key"]]
        if count <= int(self.query.get("fail", "1")):
            self.send(503, b"busy", "text/plain", {"Retry-After": self.query.get("after", "0")})
        else:
            self.send(200, UTF8_PAGE.encode())

    def trickle(self) -> None:
        """Declares 10 KB and sends a byte every 0.1 s: each read is quick, the whole never ends."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "10000")
        self.end_headers()
        for _ in range(10000):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)

    def trickle_headers(self) -> None:
        """Never finishes its headers: a header byte every 0.1 s."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        for _ in range(10000):
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.1)

    def chunked(self) -> None:
        """An endless chunked body (no Content-Length to refuse it early)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = (RU_CLAUSE + "\n").encode() * 20
        for _ in range(10000):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def declared_huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(3 * 2**30))
        self.end_headers()
        self.wfile.write(TINY_PDF)

    def gzip_bomb(self) -> None:
        """8 KB of gzip that inflates to 8 MB."""
        self.send(200, self.server.bomb, "text/plain; charset=utf-8", {"Content-Encoding": "gzip"})

    def gzipped(self) -> None:
        self.send(200, gzip.compress(UTF8_PAGE.encode()), headers={"Content-Encoding": "gzip"})

    def pdf(self) -> None:
        self.send(200, TINY_PDF, "application/pdf")

    def octet(self) -> None:
        self.send(200, TINY_PDF, "application/octet-stream")

    def untyped(self) -> None:
        self.send(200, UTF8_PAGE.encode(), content_type=None)

    def image(self) -> None:
        self.send(200, PNG, "image/png")

    def zip(self) -> None:
        self.send(200, b"PK\x03\x04" + b"\x00" * 60, "application/zip")

    def binary_as_text(self) -> None:
        self.send(200, PNG * 4, "text/plain")

    def concurrent(self) -> None:
        """Records how many requests are served at once."""
        with self.server.lock:
            self.server.active += 1
            self.server.peak = max(self.server.peak, self.server.active)
        time.sleep(0.15)
        with self.server.lock:
            self.server.active -= 1
        self.send(200, f"{RU_CLAUSE}\n".encode(), "text/plain; charset=utf-8")

    def garbage(self) -> None:
        self.wfile.write(b"\x00\xffSSH-2.0-OpenSSH\r\n\r\n")
        self.close_connection = True

    def hang_up(self) -> None:
        self.close_connection = True  # no answer at all

    def echo(self) -> None:
        """Serves whatever body and Content-Type the test put on the server."""
        body, content_type = self.server.echo
        self.send(200, body, content_type)

    def agent(self) -> None:
        self.send(200, self.headers.get("User-Agent", "").encode(), "text/plain; charset=utf-8")


ROUTES: dict[str, Callable[[Sites], None]] = {
    name.replace("_", "-"): getattr(Sites, name)
    for name in (
        "utf8", "meta_cp1251", "equiv_cp1251", "header_cp1251", "lying_header", "plain_cp1251",
        "redirect", "loop", "no_location", "flaky", "trickle", "trickle_headers", "chunked",
        "declared_huge", "gzip_bomb", "gzipped", "pdf", "octet", "untyped", "image", "zip",
        "binary_as_text", "concurrent", "garbage", "hang_up", "echo", "agent",
    )
}


class Server(ThreadingHTTPServer):
    """The test server, with counters the routes keep."""

    daemon_threads = True

    def __init__(self, bind: bool = True):
        super().__init__(("127.0.0.1", 0), Sites, bind_and_activate=bind)
        self.lock = threading.Lock()
        self.hits: Counter[str] = Counter()
        self.keys: Counter[str] = Counter()
        self.active = self.peak = 0
        self.bomb = gzip.compress(b" " * 8 * 2**20, compresslevel=9)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that give up (deadline, size cap) reset connections on purpose

    def start(self) -> None:
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set in the environment must not see the local test server."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    httpd = Server()
    httpd.start()
    yield httpd
    httpd.stop()


@pytest.fixture(scope="module")
def base(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(timeout=1.0, total_timeout=1.5, backoff=0.01, max_bytes=CAP) as shared:
        yield shared


def error_of(call: Callable[[], object]) -> InputError:
    with pytest.raises(InputError) as caught:
        call()
    return caught.value


# ---------------------------------------------------------------------- decoding


def test_utf8_page_passes_through(fetcher: Fetcher, base: str) -> None:
    page = fetcher.get(f"{base}/utf8")
    assert (page.status, page.content_type, page.suffix, page.encoding) == (200, "text/html", ".html", "utf-8")
    assert page.data.decode("utf-8") == UTF8_PAGE
    assert page.final_url == page.url == f"{base}/utf8"
    assert page.attempts == 1 and page.elapsed_ms > 0


@pytest.mark.parametrize("route", ["meta-cp1251", "equiv-cp1251", "header-cp1251", "lying-header"])
def test_windows_1251_declared_anywhere_is_passed_on_as_utf8(fetcher: Fetcher, base: str, route: str) -> None:
    page = fetcher.get(f"{base}/{route}")
    assert page.encoding == "windows-1251"
    text = page.data.decode("utf-8")
    assert RU_CLAUSE in text and RU_EMAIL in text


def test_undeclared_code_page_goes_to_the_detector_and_reads_as_a_policy(fetcher: Fetcher, base: str) -> None:
    page = fetcher.get(f"{base}/plain-cp1251")
    assert (page.suffix, page.encoding) == (".txt", "cp1251")
    source = read_source(f"{base}/plain-cp1251.txt", page.data)
    assert source.encoding == "utf-8"
    offset = source.text.index("адрес электронной почты")
    assert source.locate(offset)[:2] == (PLAIN_CP1251.decode("cp1251")[:offset].count("\n") + 1, 8)


def test_fetched_legacy_page_is_located_in_the_original_markup(fetcher: Fetcher, base: str) -> None:
    page = fetcher.get(f"{base}/meta-cp1251")
    source = read_source(f"privacy{page.suffix}", page.data)
    original = META_PAGE.decode("cp1251")
    where = original.index("адрес электронной почты")
    line = original.count("\n", 0, where) + 1
    column = where - original.rfind("\n", 0, where)
    assert source.locate(source.text.index("адрес электронной почты"))[:2] == (line, column)


def test_meta_charset_is_found_only_in_meta_tags() -> None:
    assert meta_charset(b'<html><head><META HTTP-EQUIV="content-type" CONTENT="text/html; CHARSET=KOI8-R">') == "koi8-r"
    assert meta_charset(b"<script>var s = '<meta charset=utf-8>';</script>") is None
    assert meta_charset(b"<p>charset=windows-1251</p>") is None


def test_gzip_is_decoded(fetcher: Fetcher, base: str) -> None:
    assert fetcher.get(f"{base}/gzipped").data.decode() == UTF8_PAGE


# ------------------------------------------------------------------ content types


def test_pdf_is_passed_on_raw(fetcher: Fetcher, base: str) -> None:
    page = fetcher.get(f"{base}/pdf")
    assert (page.suffix, page.content_type, page.encoding, page.data) == (".pdf", "application/pdf", None, TINY_PDF)


def test_untyped_bodies_are_sniffed(fetcher: Fetcher, base: str) -> None:
    assert fetcher.get(f"{base}/octet").suffix == ".pdf"
    page = fetcher.get(f"{base}/untyped")
    assert (page.suffix, page.content_type) == (".html", "")


@pytest.mark.parametrize(("route", "media_type"), [("image", "image/png"), ("zip", "application/zip")])
def test_other_types_are_unsupported(fetcher: Fetcher, base: str, route: str, media_type: str) -> None:
    error = error_of(lambda: fetcher.get(f"{base}/{route}"))
    assert (error.code, error.message) == ("unsupported", f"unsupported content type {media_type}")


def test_binary_served_as_text_is_refused(fetcher: Fetcher, base: str) -> None:
    assert error_of(lambda: fetcher.get(f"{base}/binary-as-text")).code == "binary"


BODIES = st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=500).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.sampled_from([META_PAGE, EQUIV_PAGE, BARE_CP1251, PLAIN_CP1251, TINY_PDF, PNG, b""]),
)
CONTENT_TYPES = st.one_of(
    st.none(),
    st.sampled_from([*SUFFIX_BY_TYPE, "application/octet-stream", "image/png", "text/csv", "html", ";"]).flatmap(
        lambda media_type: st.sampled_from(
            [media_type, f"{media_type}; charset=utf-8", f"{media_type}; charset=windows-1251",
             f"{media_type}; charset=x-no-such", f"{media_type}; charset=utf-16"]
        )
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES, content_type=CONTENT_TYPES)
def test_any_answer_gives_a_fetch_or_an_input_error(
    fetcher: Fetcher, base: str, server: Server, body: bytes, content_type: str | None
) -> None:
    server.echo = (body, content_type)
    try:
        page = fetcher.get(f"{base}/echo")
    except InputError as error:
        assert error.code in {"unsupported", "encoding", "binary"} and "\n" not in error.message
        return
    assert page.suffix in set(SUFFIX_BY_TYPE.values())
    if page.suffix in TEXT_SUFFIXES:
        page.data.decode("utf-8")
    else:
        assert page.data == body


# --------------------------------------------------------------------- redirects


def test_redirect_chain_keeps_the_final_url(fetcher: Fetcher, base: str) -> None:
    page = fetcher.get(f"{base}/redirect/4")
    assert page.final_url == f"{base}/utf8" and page.url == f"{base}/redirect/4"
    assert RU_CLAUSE in page.data.decode()


def test_redirect_loop_stops(fetcher: Fetcher, base: str) -> None:
    error = error_of(lambda: fetcher.get(f"{base}/loop"))
    assert (error.code, error.message) == ("http", "too many redirects (more than 10)")
    assert error.path == f"{base}/loop"


def test_redirect_without_location_is_an_http_error(fetcher: Fetcher, base: str) -> None:
    assert error_of(lambda: fetcher.get(f"{base}/no-location")).message == "HTTP 302 Found"


def test_not_found(fetcher: Fetcher, base: str) -> None:
    error = error_of(lambda: fetcher.get(f"{base}/privacy"))
    assert (error.code, error.message) == ("http", "HTTP 404 Not Found")


# ----------------------------------------------------------------------- retries


def test_503_then_200_is_retried_and_counted(fetcher: Fetcher, base: str, server: Server) -> None:
    page = fetcher.get(f"{base}/flaky?key=once")
    assert page.attempts == 2 and server.keys["once"] == 2
    assert RU_CLAUSE in page.data.decode()


def test_retry_after_is_honoured(base: str, server: Server) -> None:
    with Fetcher(timeout=2.0, backoff=0.01) as polite:
        started = time.monotonic()
        page = polite.get(f"{base}/flaky?key=wait&after=1")
    assert page.attempts == 2 and time.monotonic() - started >= 1.0


def test_retries_run_out(fetcher: Fetcher, base: str, server: Server) -> None:
    error = error_of(lambda: fetcher.get(f"{base}/flaky?key=down&fail=99"))
    assert (error.code, error.message) == ("http", "HTTP 503 Service Unavailable")
    assert server.keys["down"] == 3  # one request and two retries


def test_404_is_not_retried(fetcher: Fetcher, base: str, server: Server) -> None:
    error_of(lambda: fetcher.get(f"{base}/nothing-here"))
    assert server.hits["/nothing-here"] == 1


# ------------------------------------------------------------- limits and hostility


@pytest.mark.parametrize("route", ["trickle", "trickle-headers"])
def test_trickling_server_hits_the_deadline(fetcher: Fetcher, base: str, route: str) -> None:
    started = time.monotonic()
    error = error_of(lambda: fetcher.get(f"{base}/{route}"))
    assert (error.code, error.message) == ("network", "no complete answer in 1.5 s")
    assert 1.4 <= time.monotonic() - started < 2.5  # and it was not retried


@pytest.mark.parametrize("route", ["chunked", "gzip-bomb", "declared-huge"])
def test_size_cap_holds_while_streaming(fetcher: Fetcher, base: str, route: str) -> None:
    error = error_of(lambda: fetcher.get(f"{base}/{route}"))
    assert error.code == "too_large" and error.message.endswith("over the 64 KB limit")


def test_declared_size_is_named(fetcher: Fetcher, base: str) -> None:
    assert error_of(lambda: fetcher.get(f"{base}/declared-huge")).message == "3072 MB is over the 64 KB limit"


def test_user_agent_names_policylint(fetcher: Fetcher, base: str) -> None:
    agent = fetcher.get(f"{base}/agent").data.decode()
    assert agent.startswith("policylint/") and agent.endswith("(+privacy-policy audit)")


# ----------------------------------------------------------------- network errors


def test_connection_refused(base: str) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Fetcher(timeout=2.0, backoff=0.01) as quick:
        error = error_of(lambda: quick.get(f"http://127.0.0.1:{port}/privacy"))
    assert (error.code, error.message) == ("network", "connection refused by 127.0.0.1")


def test_unresolvable_host_fails_fast() -> None:
    """``.invalid`` never resolves; run in a thread so that a slow resolver fails the test
    instead of hanging it."""
    outcome: list[InputError] = []

    def attempt() -> None:
        with Fetcher(timeout=2.0, backoff=0.01) as quick:
            outcome.append(error_of(lambda: quick.get("https://nonexistent.invalid/privacy")))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "DNS lookup hung"
    assert (outcome[0].code, outcome[0].message) == ("network", "cannot resolve host nonexistent.invalid")


@pytest.mark.parametrize(
    "url",
    ["example.kz/privacy", "ftp://example.kz/privacy.txt", "http://", "https://[::1/", "http://127.0.0.1:99999/",
     "https://jukte..kz/privacy"],
)
def test_bad_urls_are_unreadable(fetcher: Fetcher, url: str) -> None:
    error = error_of(lambda: fetcher.get(url))
    assert error.code == "unreadable" and error.message.startswith(("bad URL", "bad host name"))


@pytest.mark.parametrize("route", ["garbage", "hang-up"])
def test_broken_answers_are_network_errors(fetcher: Fetcher, base: str, route: str) -> None:
    error = error_of(lambda: fetcher.get(f"{base}/{route}"))
    assert error.code == "network" and error.message.startswith("bad HTTP answer")


def self_signed_context(folder: Path) -> ssl.SSLContext:
    """A server TLS context with a freshly made self-signed certificate for 127.0.0.1
    (written to ``folder/cert.pem``)."""
    pytest.importorskip("cryptography")
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ssl.SSLContext]]:
    """An HTTPS copy of the sites with a self-signed certificate, and a client context
    that trusts it."""
    folder = tmp_path_factory.mktemp("tls")
    httpd = Server(bind=False)
    httpd.socket = self_signed_context(folder).wrap_socket(httpd.socket, server_side=True)
    httpd.server_bind()
    httpd.server_activate()
    httpd.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}", ssl.create_default_context(cafile=folder / "cert.pem")
    httpd.stop()


def test_untrusted_certificate_is_a_tls_error(tls_server: tuple[str, ssl.SSLContext]) -> None:
    with Fetcher(timeout=2.0, backoff=0.01) as quick:
        error = error_of(lambda: quick.get(f"{tls_server[0]}/utf8"))
    assert (error.code, error.message) == ("network", "TLS error: certificate verify failed: self-signed certificate")


def test_deadline_holds_over_tls(tls_server: tuple[str, ssl.SSLContext]) -> None:
    base, trusting = tls_server
    with new_client(timeout=1.0, verify=trusting) as client:
        assert fetch(f"{base}/utf8", client).data.decode() == UTF8_PAGE
        started = time.monotonic()
        error = error_of(lambda: fetch(f"{base}/trickle-headers", client, total_timeout=1.0))
    assert error.message == "no complete answer in 1 s" and time.monotonic() - started < 2.0


# -------------------------------------------------------------------- concurrency


def test_per_host_limit_holds_across_threads(base: str, server: Server) -> None:
    with Fetcher(timeout=5.0, per_host=2) as polite:
        results: list[int] = []

        def get(index: int) -> None:
            results.append(polite.get(f"{base}/concurrent?n={index}").status)

        workers = [threading.Thread(target=get, args=(index,)) for index in range(8)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(10)
    assert results == [200] * 8
    assert server.peak == 2


def test_fetch_works_with_a_plain_client(base: str) -> None:
    """``fetch`` on its own, with a client the caller made (redirects still followed)."""
    with httpx.Client(timeout=2.0) as client:
        page = fetch(f"{base}/redirect/1", client, retries=0)
    assert page.final_url == f"{base}/utf8" and page.suffix == ".html"
