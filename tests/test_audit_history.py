"""The SQLite history of audits: runs, resume, what changed between runs, crash safety."""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from policylint.audit.history import (
    FINDING_FIELDS,
    SCHEMA_VERSION,
    History,
    HistoryError,
    SourceChange,
)

from .helpers import ROOT, seed_paths

# Findings as the audit records them, with the real wording of seeds 003 (RU) and 002 (KK).
OP004 = {
    "rule": "OP004", "severity": "warning", "fingerprint": "4f0c" * 8, "line": 17, "column": 1,
    "message": "«БИН 790716303091»: подписан как БИН, но по пятой цифре (0–3) это ИИН физического лица или ИП.",
    "excerpt": "1.9. Продавец – ИП «Jukte», являющееся владельцем Интернет-платформы, БИН 790716303091.",
}
SC002 = {
    "rule": "SC002", "severity": "error", "fingerprint": "9a1e" * 8, "line": 63, "column": 1,
    "message": "Оператор отказывается отвечать за безопасность или утечку данных, которые он сам получает и хранит.",
    "excerpt": "3.4. Продавец не несет ответственности за убытки, которые Покупатель может понести в результате того…",
}
DL005 = {
    "rule": "DL005", "severity": "warning", "fingerprint": "77d2" * 8, "line": 103, "column": 5,
    "message": "Срок «30 дней» для ответа уполномоченному органу перенесён из российского 152-ФЗ.",
    "excerpt": "сообщать в уполномоченный орган по защите прав субъектов персональных данных по запросу этого органа",
}
PU003 = {
    "rule": "PU003", "severity": "warning", "fingerprint": "0b3c" * 8, "line": 35, "column": 1,
    "message": "Перечень данных или целей оставлен открытым («Любая иная персональная информация»).",
    "excerpt": "2.3. Любая иная персональная информация не оговоренная выше (история покупок, используемые браузеры…)",
}
PU003_AGAIN = {**PU003, "line": 41, "excerpt": "2.7. Любая иная персональная информация …"}
LC001_KK = {
    "rule": "LC001", "severity": "warning", "fingerprint": "c4a9" * 8, "line": 7, "column": 1,
    "message": "Саясат дербес деректер базасы Қазақстан Республикасының аумағында орналасқанын айтпайды.",
    "excerpt": "1.2. Осы Саясат Қазақстан Республикасының заңнамасына, оның ішінде дербес деректерді қорғау "
               "мəселелерін реттейтін заңнамасына сəйкес əзірленді.",
}


def record(source: str, findings: list[dict[str, Any]], *, text: str = "v1", status: str = "ok",
           error: dict[str, str] | None = None) -> dict[str, Any]:
    """An audit record as the orchestrator writes it to results.jsonl."""
    site = source.split("/")[2] if "://" in source else source.split("/")[0]
    return {
        "id": hashlib.sha1(source.encode()).hexdigest()[:12],
        "source": source, "site": site, "path": source, "status": status, "error": error,
        "skipped": None, "languages": ["ru", "kk"], "jurisdiction": "KZ",
        "content_hash": None if error else hashlib.sha256(f"{source}:{text}".encode()).hexdigest(),
        "text": None if error else text,
        "findings": [{**finding, "title": "…", "law": "94-V", "fix": None, "related": []} for finding in findings],
        "fetch": None, "elapsed_ms": 12.5,
    }


def keys(findings: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(finding["rule"], finding["line"]) for finding in findings]


@pytest.fixture
def history(tmp_path: Path) -> History:
    with History(tmp_path / "history" / "audits.sqlite") as opened:
        yield opened


def audit(history: History, out_dir: Path, records: list[dict[str, Any]]) -> int:
    run = history.start_run({"sources": [r["source"] for r in records], "jobs": 2}, str(out_dir))
    for one in records:
        history.add(run, one)
    history.finish_run(run)
    return run


# ------------------------------------------------------------------------- schema


def test_schema_is_versioned_and_the_file_is_in_wal_mode(history: History) -> None:
    assert history.schema_version == SCHEMA_VERSION == 1
    with sqlite3.connect(history.path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in other.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"runs", "documents", "findings"}


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "audits.sqlite"
    with History(path) as first:
        run = audit(first, tmp_path, [record("https://jukte.kz/privacy", [OP004])])
    with History(path) as again:
        assert again.done_sources(run) == {"https://jukte.kz/privacy"}
        assert again.run(run)["args"] == {"jobs": 2, "sources": ["https://jukte.kz/privacy"]}


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "audits.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(HistoryError, match="newer than this policylint"):
        History(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "audits.sqlite"
    path.write_text("Политика конфиденциальности\n" * 200, encoding="utf-8")
    with pytest.raises(HistoryError, match="not a usable history database"):
        History(path)


def test_foreign_keys_hold(history: History) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        history.add(999, record("https://jukte.kz/privacy", [OP004]))


# ------------------------------------------------------------------------ changes


def test_changes_between_two_runs(history: History, tmp_path: Path) -> None:
    jukte, aitu, gone, fresh = (f"https://{site}/privacy" for site in ("jukte.kz", "aitu.kz", "old.kz", "new.kz"))
    first = audit(history, tmp_path, [
        record(jukte, [OP004, SC002, PU003, PU003_AGAIN]),
        record(aitu, [LC001_KK]),
        record(gone, [DL005]),
    ])
    # The policy of jukte.kz was rewritten: SC002 fixed, DL005 new, one PU003 of two fixed.
    second = audit(history, tmp_path, [
        record(jukte, [OP004, DL005, PU003], text="v2"),
        record(aitu, [LC001_KK]),
        record(fresh, [OP004, SC002]),
    ])
    assert history.previous_run(second) == first and history.previous_run(first) is None
    changes = history.changes(second)
    assert set(changes) == {jukte, aitu, gone, fresh}

    rewritten = changes[jukte]
    assert (rewritten.state, rewritten.content_changed, rewritten.unchanged) == ("changed", True, 2)
    assert keys(rewritten.new) == [("DL005", 103)]
    assert keys(rewritten.fixed) == [("PU003", 41), ("SC002", 63)]
    assert rewritten.new[0] == {name: DL005[name] for name in FINDING_FIELDS}
    assert (rewritten.status_before, rewritten.status_now) == ("ok", "ok")

    assert changes[aitu] == SourceChange(aitu, "aitu.kz", "unchanged", False, [], [], 1, "ok", "ok")
    assert changes[gone] == SourceChange(gone, "old.kz", "gone", False, status_before="ok", status_now=None)
    assert changes[fresh].state == "new_source" and keys(changes[fresh].new) == [("OP004", 17), ("SC002", 63)]


def test_first_run_has_nothing_to_compare(history: History, tmp_path: Path) -> None:
    run = audit(history, tmp_path, [record("https://jukte.kz/privacy", [OP004])])
    change = history.changes(run)["https://jukte.kz/privacy"]
    assert (change.state, change.new, change.fixed, change.status_now) == ("first_run", [], [], "ok")


def test_content_change_alone_is_a_change(history: History, tmp_path: Path) -> None:
    source = "https://aitu.kz/kk/privacy"
    audit(history, tmp_path, [record(source, [LC001_KK])])
    same = audit(history, tmp_path, [record(source, [LC001_KK])])
    assert history.changes(same)[source].state == "unchanged"
    edited = audit(history, tmp_path, [record(source, [LC001_KK], text="1.2. Осы Саясат жаңартылды.")])
    change = history.changes(edited)[source]
    assert (change.state, change.content_changed, change.new, change.fixed) == ("changed", True, [], [])


def test_a_site_that_went_down_has_not_fixed_its_findings(
    history: History, tmp_path: Path
) -> None:
    source = "https://jukte.kz/privacy"
    audit(history, tmp_path, [record(source, [OP004])])
    down = audit(history, tmp_path, [record(source, [], status="error",
                                            error={"code": "network", "message": "cannot resolve host jukte.kz"})])
    change = history.changes(down)[source]
    assert (change.state, change.status_before, change.status_now, change.content_changed) == (
        "changed", "ok", "error", False)
    assert (change.fixed, change.new, change.unchanged) == ([], [], 0)
    back = audit(history, tmp_path, [record(source, [OP004])])
    assert keys(history.changes(back)[source].new) == [("OP004", 17)]  # unseen last time


def test_previous_run_skips_unfinished_runs_and_other_sources(history: History, tmp_path: Path) -> None:
    source = "https://jukte.kz/privacy"
    finished = audit(history, tmp_path, [record(source, [OP004])])
    audit(history, tmp_path, [record("https://other.kz/privacy", [SC002])])
    broken = history.start_run({}, str(tmp_path))
    history.add(broken, record(source, [SC002]))
    history.finish_run(broken, "interrupted")
    latest = audit(history, tmp_path, [record(source, [OP004])])
    assert history.previous_run(latest) == finished


# ------------------------------------------------------------------------- resume


def test_resume_continues_the_interrupted_run(history: History, tmp_path: Path) -> None:
    sources = [f"https://site{number}.kz/privacy" for number in range(5)]
    out_dir = tmp_path / "audit-2025q3"
    run = history.start_run({"sources": sources}, str(out_dir))
    for source in sources[:2]:
        history.add(run, record(source, [OP004]))
    history.finish_run(run, "interrupted")

    assert history.start_run({}, str(tmp_path / "elsewhere"), resume=True) != run
    resumed = history.start_run({"sources": sources}, str(out_dir), resume=True)
    assert resumed == run and history.run(run)["status"] == "running"
    assert history.done_sources(resumed) == set(sources[:2])
    history.add(run, record(sources[1], [OP004, SC002]))  # recorded again: replaced, not doubled
    for source in sources[2:]:
        history.add(run, record(source, []))
    history.finish_run(run)

    assert history.start_run({}, str(out_dir), resume=True) != run  # a finished run is not resumed
    assert history.summary(run)["findings"] == {"total": 3, "error": 1, "warning": 2, "info": 0}


# ------------------------------------------------------------------------ summary


def test_summary_totals(history: History, tmp_path: Path) -> None:
    run = audit(history, tmp_path, [
        record("https://jukte.kz/privacy", [OP004, SC002, PU003, PU003_AGAIN]),
        record("https://jukte.kz/kk/privacy", [LC001_KK]),
        record("https://aitu.kz/privacy", [SC002, DL005]),
        record("https://down.kz/privacy", [], status="error", error={"code": "network", "message": "no answer in 20 s"}),
        record("https://gone.kz/privacy", [], status="error", error={"code": "http", "message": "HTTP 404 Not Found"}),
    ])
    summary = history.summary(run, worst=2)
    assert summary["run"]["status"] == "finished"
    assert summary["documents"] == {"total": 5, "ok": 3, "skipped": 0, "error": 2}
    assert summary["error_codes"] == {"http": 1, "network": 1}
    assert summary["findings"] == {"total": 7, "error": 2, "warning": 5, "info": 0}
    assert summary["rules"][:2] == [
        {"rule": "PU003", "severity": "warning", "findings": 2, "sources": 1},
        {"rule": "SC002", "severity": "error", "findings": 2, "sources": 2},
    ]
    assert summary["worst_sites"] == [
        {"site": "jukte.kz", "error": 1, "warning": 4, "info": 0, "total": 5},
        {"site": "aitu.kz", "error": 1, "warning": 1, "info": 0, "total": 2},
    ]


# -------------------------------------------------------------------------- crash


WRITER = """
import sys
sys.path.insert(0, {root!r})
from tests.test_audit_history import record, OP004, SC002, DL005, PU003, LC001_KK
from policylint.audit.history import History

history = History({db!r})
run = history.start_run({{"sources": "many"}}, {out!r})
for number in range(100000):
    source = f"https://site{{number}}.kz/privacy"
    history.add(run, record(source, [OP004, SC002, DL005, PU003, LC001_KK] * 2))
    print(source, flush=True)
"""


def test_committed_records_survive_a_killed_writer(tmp_path: Path) -> None:
    db = tmp_path / "audits.sqlite"
    script = WRITER.format(root=str(ROOT), db=str(db), out=str(tmp_path))
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        committed = [writer.stdout.readline().strip() for _ in range(30)]
    finally:
        writer.kill()  # SIGKILL: no cleanup, no checkpoint, maybe mid-transaction
        writer.wait(10)
    committed += [line.strip() for line in writer.stdout]  # written before the kill landed
    writer.stdout.close()
    with History(db) as survivor:
        run = 1
        assert survivor.run(run)["status"] == "running"
        done = survivor.done_sources(run)
        assert set(committed) <= done and len(done) - len(committed) <= 1
        documents = survivor.documents(run)
        assert all(len(documents[source]["findings"]) == 10 for source in done)
        assert survivor.start_run({}, str(tmp_path), resume=True) == run
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --------------------------------------------------------------------------- size


def synthetic_records(count: int, per_record: int = 8) -> list[dict[str, Any]]:
    """``count`` records with ``per_record`` findings whose messages and excerpts are
    lines of the seed policies (real lengths, real Cyrillic)."""
    lines = [
        line.strip()[:300]
        for path in seed_paths()
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.strip()) > 40
    ]
    rules = ["DL004", "DL005", "OP004", "PU003", "SC002", "LC001", "CB001", "DOC004", "LV002", "XB001"]
    severities = itertools.cycle(["error", "warning", "warning", "info"])
    texts = itertools.cycle(lines)
    records = []
    for number in range(count):
        findings = []
        for index in range(per_record):
            excerpt = next(texts)
            findings.append({
                "rule": rules[(number + index) % len(rules)], "severity": next(severities),
                "fingerprint": hashlib.md5(excerpt.encode()).hexdigest(), "line": 10 + 7 * index, "column": 1,
                "message": next(texts)[:160], "excerpt": excerpt,
            })
        records.append(record(f"https://shop{number}.kz/privacy", findings))
    return records


def test_size_per_thousand_records(tmp_path: Path) -> None:
    """A quarter's audit of 1,000 sites with 8 findings each stays a few megabytes
    (measured on 200: each record is one synced transaction, ~4 ms)."""
    db = tmp_path / "audits.sqlite"
    with History(db) as history:
        audit(history, tmp_path, synthetic_records(200))
    per_thousand = db.stat().st_size * 1000 / 200
    print(f"history size per 1,000 records of 8 findings: {per_thousand / 2**20:.2f} MB")
    assert per_thousand < 8 * 2**20
