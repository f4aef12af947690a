"""``policylint audit`` end to end: a folder of mixed files and local URLs, the reports,
the history across two runs, resume after Ctrl-C, and the same audit on a Dask cluster."""

from __future__ import annotations

import csv
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policylint.audit.run import Settings, read_results, run_audit
from policylint.audit.sources import expand_sources
from tests.helpers import seed_paths

ROOT = Path(__file__).resolve().parents[1]


class _Site(http.server.BaseHTTPRequestHandler):
    """Serves the seeds as HTML pages, plus a 404 and a Windows-1251 page."""

    pages: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _page(text: str) -> str:
    paragraphs = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return f"<!doctype html><html><head><title>Политика</title></head><body><main>{paragraphs}</main></body></html>"


@pytest.fixture(scope="module")
def site_server():
    seeds = seed_paths()
    _Site.pages = {
        "/privacy": (200, "text/html; charset=utf-8", _page(seeds[3].read_text(encoding="utf-8")).encode()),
        "/kk/privacy": (200, "text/html", _page(seeds[4].read_text(encoding="utf-8")).encode("utf-8")),
        "/cp1251": (200, "text/html; charset=windows-1251",
                    _page(seeds[1].read_text(encoding="utf-8")).encode("cp1251", "replace")),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder per organisation, as an auditor keeps them."""
    seeds = seed_paths()
    folder = tmp_path / "sites"
    for k, seed in enumerate(seeds):
        (folder / f"org{k}").mkdir(parents=True)
        shutil.copy(seed, folder / f"org{k}" / "policy.txt")
    (folder / "org0" / "Button.tsx").write_text("export const B = () => <b className='x'>{label}</b>;\n")
    (folder / "broken").mkdir()
    (folder / "broken" / "policy.pdf").write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    return folder


def _audit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "policylint", "audit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_audit_of_files_and_urls_then_a_second_run_shows_changes(tmp_path: Path, corpus: Path, site_server: str) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# partner sites\n{site_server}/privacy\n{site_server}/kk/privacy\n"
                    f"{site_server}/cp1251\n{site_server}/missing\n", encoding="utf-8")
    out = tmp_path / "report"
    first = _audit(str(corpus), f"@{urls}", "--out", str(out), "--jobs", "2", cwd=tmp_path)
    assert first.returncode == 3, first.stderr  # the broken PDF and the 404 are unreadable
    for name in ("index.html", "findings.csv", "results.jsonl", "summary.json"):
        assert (out / name).is_file(), name
    assert (tmp_path / "policylint-history.sqlite").is_file()
    records = {r["source"]: r for r in read_results(out / "results.jsonl")}
    assert len(records) == 11
    statuses = {r["path"].split("/")[-1]: r["status"] for r in records.values()}
    assert statuses["missing"] == "error" and statuses["policy.pdf"] == "error"
    assert statuses["Button.tsx"] == "skipped"
    web = records[f"{site_server}/privacy"]
    assert web["status"] == "ok" and web["findings"] and web["site"] == "127.0.0.1"
    assert records[f"{site_server}/missing"]["error"]["code"] == "http"
    assert records[f"{site_server}/cp1251"]["fetch"]["encoding"].lower() in ("windows-1251", "cp1251")
    for record in records.values():
        for finding in record["findings"]:
            assert 0 <= finding["start"] <= finding["end"] <= len(record["text"])
    with open(out / "findings.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(r["findings"]) for r in records.values())

    # The organisation fixes one problem and the seed of another site is replaced.
    policy = corpus / "org3" / "policy.txt"
    text = policy.read_text(encoding="utf-8")
    before = {f["rule"] for f in records[str(policy.resolve())]["findings"]}
    policy.write_text(text + "\nДанные передаются в Google Analytics (США).\n", encoding="utf-8")
    second = _audit(str(corpus), f"@{urls}", "--out", str(out), "--jobs", "2", cwd=tmp_path)
    assert "since the last run" in second.stderr, second.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary, summary
    after = {r["source"]: r for r in read_results(out / "results.jsonl")}
    changed = after[str(policy.resolve())]
    assert changed["content_hash"] != records[str(policy.resolve())]["content_hash"]
    assert {f["rule"] for f in changed["findings"]} != before or "new" in (out / "index.html").read_text(encoding="utf-8")


def test_interrupted_audit_resumes_without_losing_or_repeating(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for k in range(150):
        seed = seed_paths()[k % 5]
        (folder / f"org{k:03d}").mkdir(parents=True)
        shutil.copy(seed, folder / f"org{k:03d}" / "policy.txt")
    out = tmp_path / "report"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "policylint", "audit", str(folder), "--out", str(out), "--jobs", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    results = out / "results.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not results.exists() or results.stat().st_size < 2000):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "--resume" in stderr
    partial = read_results(results)
    assert 0 < len(partial) < 150

    resumed = _audit(str(folder), "--out", str(out), "--jobs", "2", "--resume", cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    final = read_results(results)
    assert len(final) == 150
    assert len({r["source"] for r in final}) == 150
    assert [r["source"] for r in final[: len(partial)]] == [r["source"] for r in partial]


def test_the_same_audit_on_a_local_dask_cluster(tmp_path: Path, corpus: Path) -> None:
    import distributed
    sources = expand_sources([str(corpus)])
    settings = Settings("ru", None, str(tmp_path))
    local = run_audit(sources, tmp_path / "local", tmp_path / "local.sqlite", jobs=2,
                      settings=settings, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = run_audit(sources, tmp_path / "dask", tmp_path / "dask.sqlite", jobs=2,
                           settings=settings, executor="dask", scheduler=cluster.scheduler_address,
                           progress=False)

    def outcome(result):
        return {r["source"]: (r["status"], sorted(f["fingerprint"] for f in r["findings"]))
                for r in result.records}

    assert outcome(remote) == outcome(local)
    assert len(remote.records) == len(sources)
