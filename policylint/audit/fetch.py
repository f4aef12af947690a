"""Fetch policy pages over HTTP(S) for an audit, politely and within hard limits.

An audit visits thousands of sites, some broken, slow or hostile. Whatever a server
does, ``fetch`` returns a ``Fetched`` or raises ``InputError`` with a one-line message
within a bounded time and memory:

- every attempt has a wall-clock deadline: a server that trickles a byte now and then
  never trips httpx's per-read timeout, so a watchdog shuts the socket when time is up;
- the body is capped while it streams (``Content-Length`` is only a hint: chunked and
  compressed bodies are counted as they are decoded);
- only transient failures are retried (connect errors, timeouts, 429/502/503/504), with
  exponential back-off, jitter and ``Retry-After``;
- text is decoded here (charset from the header, else ``<meta>``, else policylint's own
  detector) and passed on as UTF-8, so the readers never see a legacy code page.
"""

from __future__ import annotations

import email.message
import email.utils
import errno
import io
import random
import socket
import ssl
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any, Self

import httpx

from policylint import __version__
from policylint.ingest import MAX_BYTES
from policylint.ingest.markup import CHARSET_PRESCAN, meta_charset
from policylint.ingest.text import decode
from policylint.model import InputError

DEFAULT_USER_AGENT = f"policylint/{__version__} (+privacy-policy audit)"
#: What an audit asks for: policy pages in Russian and Kazakh first.
_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5",
    "Accept-Language": "ru,kk;q=0.9,en;q=0.5",
}
MAX_REDIRECTS = 10
#: Longest wait a ``Retry-After`` header can impose on one retry, in seconds.
RETRY_AFTER_CAP = 30.0
#: Statuses that mean "try again later".
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})

#: Reader suffix per media type.
SUFFIX_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/json": ".json",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
#: Suffixes whose bytes are decoded here and passed on as UTF-8.
TEXT_SUFFIXES = frozenset({".html", ".txt", ".md", ".json"})
#: Media types that say nothing about the content: the body is sniffed instead.
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass
class Fetched:
    """A fetched policy: ``data`` is UTF-8 for text types and the raw bytes for PDF and
    DOCX; ``suffix`` picks the reader (``policylint.ingest.read_source``)."""

    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str | None
    data: bytes
    suffix: str
    elapsed_ms: float
    #: Requests made, retries included.
    attempts: int = 1


class _Retry(Exception):
    """A transient failure: ``error`` is raised if no retry is left; ``wait`` is the
    server's ``Retry-After`` in seconds, if it sent one."""

    def __init__(self, error: InputError, wait: float | None = None):
        super().__init__(error.message)
        self.error = error
        self.wait = wait


class _Watchdog:
    """Ends one request attempt when its wall-clock time is up.

    httpx's timeouts bound each read, not the whole exchange. The watchdog learns the
    socket of every connection the attempt opens (through httpcore's ``trace``
    extension, redirects included) and shuts it down at the deadline, which wakes a
    read blocked on it. A kept-alive connection that is reused is not traced: for it
    only the ``expired`` flag checked between body chunks holds, and a server that
    trickles its headers is bounded by the read timeout alone — hence ``new_client``
    keeps no connection alive."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        with self._lock:
            # After TLS the plain socket is detached into the TLS one: keep the latest.
            self._socket = sock
            if self.expired:
                self._shut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shut()

    def _shut(self) -> None:
        if self._socket is None:
            return
        try:
            # The plain socket call: an SSLSocket's own shutdown() would unwrap TLS
            # under the feet of the thread reading from it.
            socket.socket.shutdown(self._socket, socket.SHUT_RDWR)
        except OSError:
            pass  # already closed

    def __enter__(self) -> Self:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._socket = None  # the connection may go back to the pool: never touch it
        self._timer.cancel()


def _seconds(value: float | None) -> str:
    return "∞" if value is None else f"{value:g}"


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.1f}".removesuffix(".0") + " MB"
    return f"{count / 2**10:.1f}".removesuffix(".0") + " KB"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _status_error(url: str, status: int, reason: str) -> InputError:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = reason
    return InputError(url, "http", f"HTTP {status} {phrase}".strip())


def _check_url(url: str) -> httpx.URL:
    """The parsed URL, or ``unreadable`` if it is not an absolute http(s) URL."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError, TypeError) as error:
        raise InputError(url, "unreadable", f"bad URL: {_one_line(str(error))}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InputError(url, "unreadable", "bad URL: not an absolute http(s) URL")
    if parsed.port is not None and not 0 < parsed.port < 2**16:
        raise InputError(url, "unreadable", f"bad URL: no port {parsed.port}")
    return parsed


def parse_content_type(value: str) -> tuple[str, str | None]:
    """``(media type, charset)`` of a Content-Type value; ``""`` for a missing or
    malformed type."""
    message = email.message.Message()
    message["content-type"] = value
    params = message.get_params() or [("", "")]
    media_type = params[0][0].strip().lower()
    charset = message.get_content_charset()
    return (media_type if "/" in media_type else ""), charset


def _decode_declared(data: bytes, label: str | None) -> str | None:
    """``data`` decoded with a declared charset, or None if the label is unknown or
    the bytes are not valid in it (a page that lies about its charset)."""
    if not label:
        return None
    try:
        return data.decode(label)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_text(url: str, data: bytes, header_charset: str | None, suffix: str) -> tuple[str, str]:
    """``(text, encoding)``: a byte-order mark first (as browsers do), then the header's
    charset, then an HTML page's ``<meta>``, then policylint's detector."""
    if not data.startswith(_BOMS):
        declared = [header_charset]
        if suffix == ".html":
            declared.append(meta_charset(data[:CHARSET_PRESCAN]))
        for label in declared:
            text = _decode_declared(data, label)
            if text is not None and label is not None:
                return text, label
    return decode(data, url)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _sniff(url: str, data: bytes, media_type: str) -> str:
    """The reader suffix of a body served without a useful type: PDF and DOCX by their
    signatures; with no type at all, markup or plain text."""
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return ".docx"
    if not media_type:
        start = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return ".html" if start.startswith((b"<!doctype html", b"<html")) else ".txt"
    raise InputError(url, "unsupported", f"unsupported content type {media_type}")


def _retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _too_large(url: str, size: int | None, max_bytes: int) -> InputError:
    amount = f"{_size(size)} is" if size is not None else "the answer is"
    return InputError(url, "too_large", f"{amount} over the {_size(max_bytes)} limit")


def _read_body(url: str, response: httpx.Response, max_bytes: int, watchdog: _Watchdog) -> bytes:
    """The decoded body, refused as soon as it passes ``max_bytes``."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, int(declared), max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, None, max_bytes)
        if watchdog.expired:
            raise _deadline_error(url, watchdog)
        chunks.append(chunk)
    return b"".join(chunks)


def _deadline_error(url: str, watchdog: _Watchdog) -> InputError:
    return InputError(url, "network", f"no complete answer in {_seconds(watchdog.seconds)} s")


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _host_of(error: httpx.HTTPError, url: str) -> str:
    """The host the failed request went to (after redirects, it is not ``url``'s)."""
    try:
        return error.request.url.host or url
    except RuntimeError:  # an error raised before any request was built
        return url


def _connect_error(url: str, error: httpx.ConnectError) -> InputError | _Retry:
    """Name why a connection failed; DNS and TLS failures are not retried (they do not
    heal in seconds), refused or reset connections are."""
    host = _host_of(error, url)
    for cause in _causes(error):
        if isinstance(cause, socket.gaierror):
            if cause.errno == socket.EAI_AGAIN:
                return _Retry(InputError(url, "network", f"cannot resolve host {host} (DNS failure)"))
            return InputError(url, "network", f"cannot resolve host {host}")
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = f": {cause.verify_message}" if cause.verify_message else ""
            return InputError(url, "network", f"TLS error: certificate verify failed{detail}")
        if isinstance(cause, ssl.SSLError):
            return InputError(url, "network", f"TLS error: {cause.reason or _one_line(str(cause))}")
        if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
            return _Retry(InputError(url, "network", f"connection refused by {host}"))
        if isinstance(cause, OSError) and cause.strerror:
            return _Retry(InputError(url, "network", f"cannot connect to {host}: {cause.strerror}"))
    return _Retry(InputError(url, "network", f"cannot connect to {host}: {_one_line(str(error))}"))


def _transport_error(
    url: str, error: httpx.HTTPError | httpx.StreamError, client: httpx.Client, watchdog: _Watchdog
) -> InputError | _Retry:
    """An httpx exception as a one-line ``InputError``, wrapped in ``_Retry`` when
    trying again may help."""
    if watchdog.expired:  # whatever broke, the watchdog broke it
        return _deadline_error(url, watchdog)
    if isinstance(error, httpx.StreamError):  # a stream read twice: a bug, but no traceback
        return InputError(url, "internal", f"{type(error).__name__}: {_one_line(str(error))}")
    if isinstance(error, httpx.TooManyRedirects):
        return InputError(url, "http", f"too many redirects (more than {client.max_redirects})")
    if isinstance(error, httpx.UnsupportedProtocol):
        return InputError(url, "http", f"redirected to a URL that is not http(s): {_host_of(error, url)}")
    if isinstance(error, httpx.ConnectTimeout):
        return _Retry(InputError(url, "network", f"no answer in {_seconds(client.timeout.connect)} s (connecting)"))
    if isinstance(error, httpx.TimeoutException):
        return _Retry(InputError(url, "network", f"no answer in {_seconds(client.timeout.read)} s"))
    if isinstance(error, httpx.ConnectError):
        return _connect_error(url, error)
    if isinstance(error, httpx.NetworkError):
        return _Retry(InputError(url, "network", f"connection lost: {_one_line(str(error))}"))
    if isinstance(error, httpx.DecodingError):
        return InputError(url, "network", f"cannot decode the answer: {_one_line(str(error))}")
    if isinstance(error, httpx.ProtocolError):
        return InputError(url, "network", f"bad HTTP answer: {_one_line(str(error))}")
    return InputError(url, "network", f"{type(error).__name__}: {_one_line(str(error))}")


def _attempt(url: str, client: httpx.Client, max_bytes: int, total_timeout: float) -> Fetched:
    """One request (redirects followed) within ``total_timeout`` seconds of wall-clock time."""
    with _Watchdog(total_timeout) as watchdog:
        try:
            with client.stream(
                "GET", url, follow_redirects=True, extensions={"trace": watchdog.trace}
            ) as response:
                status = response.status_code
                if status in TRANSIENT_STATUSES:
                    error = _status_error(url, status, response.reason_phrase)
                    raise _Retry(error, _retry_after(response.headers.get("retry-after")))
                if not 200 <= status < 300:
                    raise _status_error(url, status, response.reason_phrase)
                media_type, charset = parse_content_type(response.headers.get("content-type", ""))
                suffix = SUFFIX_BY_TYPE.get(media_type)
                if suffix is None and media_type not in _UNTYPED:
                    raise InputError(url, "unsupported", f"unsupported content type {media_type}")
                data = _read_body(url, response, max_bytes, watchdog)
                final_url = str(response.url)
        except (httpx.HTTPError, httpx.StreamError) as error:
            raise _transport_error(url, error, client, watchdog) from None
        except (UnicodeError, ValueError) as error:  # a host name the resolver refuses ("a..kz")
            raise InputError(url, "unreadable", f"bad host name: {_one_line(str(error))}") from None
    suffix = suffix or _sniff(url, data, media_type)
    encoding = None
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(url, data, charset, suffix)
        data = text.encode("utf-8")
    return Fetched(url, final_url, status, media_type, encoding, data, suffix, elapsed_ms=0.0)


def _delay(backoff: float, attempt: int, wait: float | None) -> float:
    """Exponential back-off with jitter (so that workers hitting one host spread out),
    at least what ``Retry-After`` asked, up to ``RETRY_AFTER_CAP``."""
    delay = backoff * 2**attempt * (1 + random.random() / 2)
    if wait is not None:
        delay = max(delay, min(wait, RETRY_AFTER_CAP))
    return delay


def new_client(
    *, timeout: float = 20.0, user_agent: str = DEFAULT_USER_AGENT, verify: ssl.SSLContext | bool = True
) -> httpx.Client:
    """A client fit for ``fetch``: redirects followed (at most ``MAX_REDIRECTS``), no
    limit on connections (the callers' threads are the limit) and no keep-alive, so
    that every request opens a connection the deadline watchdog can see."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": user_agent, **_REQUEST_HEADERS},
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
        verify=verify,
    )


def fetch(
    url: str,
    client: httpx.Client,
    *,
    max_bytes: int = MAX_BYTES,
    retries: int = 2,
    backoff: float = 0.5,
    total_timeout: float = 60.0,
) -> Fetched:
    """Fetch ``url`` with ``client`` (best made by ``new_client``), following redirects
    (up to the client's ``max_redirects``), retrying transient failures ``retries``
    times. Each attempt must end within ``total_timeout`` seconds (a deadline is not
    retried: the server answered, too slowly). Raises ``InputError`` with code ``network``, ``http``,
    ``too_large``, ``unsupported``, ``encoding``/``binary`` (text that does not decode)
    or ``unreadable`` (a bad URL)."""
    _check_url(url)
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            fetched = _attempt(url, client, max_bytes, total_timeout)
        except _Retry as retry:
            if attempt >= retries:
                raise retry.error from None
            time.sleep(_delay(backoff, attempt, retry.wait))
            attempt += 1
            continue
        fetched.attempts = attempt + 1
        fetched.elapsed_ms = (time.monotonic() - started) * 1000
        return fetched


class Fetcher:
    """Fetches URLs from many threads with one shared client (``new_client``), at most
    ``per_host`` requests at a time to one host (keyed by the host of the URL asked
    for). Connections are not kept alive: an audited site gets a request or two."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        total_timeout: float | None = None,
        per_host: int = 2,
        max_bytes: int = MAX_BYTES,
        retries: int = 2,
        backoff: float = 0.5,
        user_agent: str = DEFAULT_USER_AGENT,
    ):
        self.per_host = per_host
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        #: Wall-clock limit of one attempt: a slow but steady 20 MB PDF needs more than
        #: the per-read ``timeout``.
        self.total_timeout = total_timeout if total_timeout is not None else 3 * timeout
        self._client = new_client(timeout=timeout, user_agent=user_agent)
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._slots_lock = threading.Lock()

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        with self._slots_lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with slot:
            yield

    def get(self, url: str) -> Fetched:
        """Fetch ``url`` once a slot for its host is free (retries keep the slot, so a
        struggling host is not hit by other workers meanwhile)."""
        host = _check_url(url).host.lower()
        with self._host_slot(host):
            return fetch(
                url,
                self._client,
                max_bytes=self.max_bytes,
                retries=self.retries,
                backoff=self.backoff,
                total_timeout=self.total_timeout,
            )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
