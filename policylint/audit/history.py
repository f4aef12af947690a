"""The history of audits in one SQLite file: what each run found, and what changed.

Audits are repeated (every quarter, say) over mostly the same sites; the report's
question is "what is new, what was fixed, which policies were rewritten". So every run
keeps its documents and findings, and a finding is the same across runs when its
source, rule and fingerprint (rule + clause wording) are — counted as a multiset, so
that two equal findings in one policy stay two.

The file must outlive crashes of long runs: it is in WAL mode with ``synchronous=FULL``
and each record is one transaction, so a kill loses at most the record being written,
and a resumed run skips what is already recorded. The schema is versioned with
``PRAGMA user_version`` and migrated forward on open.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from policylint import __version__
from policylint.model import SEVERITY_RANK

#: Schema migrations: ``MIGRATIONS[n]`` holds the statements that take a database from
#: version ``n`` to ``n + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE runs (
            id           INTEGER PRIMARY KEY,
            started_at   TEXT NOT NULL,
            finished_at  TEXT,
            status       TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
            tool_version TEXT NOT NULL,
            args         TEXT NOT NULL,
            out_dir      TEXT NOT NULL
        )""",
        "CREATE INDEX runs_by_out_dir ON runs (out_dir, id)",
        """CREATE TABLE documents (
            run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            source        TEXT NOT NULL,
            site          TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'error')),
            content_hash  TEXT,
            languages     TEXT NOT NULL,
            jurisdiction  TEXT,
            error_code    TEXT,
            error_message TEXT,
            skipped       TEXT,
            path          TEXT,
            PRIMARY KEY (run_id, source)
        )""",
        """CREATE TABLE findings (
            run_id      INTEGER NOT NULL,
            source      TEXT NOT NULL,
            rule        TEXT NOT NULL,
            severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
            fingerprint TEXT NOT NULL,
            line        INTEGER,
            "column"    INTEGER,
            message     TEXT,
            excerpt     TEXT,
            FOREIGN KEY (run_id, source) REFERENCES documents (run_id, source) ON DELETE CASCADE
        )""",
        "CREATE INDEX findings_identity ON findings (source, rule, fingerprint)",
        "CREATE INDEX findings_by_document ON findings (run_id, source)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

RUN_STATUSES = ("running", "finished", "interrupted")
#: Columns of a finding kept in the history, in table order.
FINDING_FIELDS = ("rule", "severity", "fingerprint", "line", "column", "message", "excerpt")
_FINDING_COLUMNS = ", ".join(f'"{name}"' for name in FINDING_FIELDS)
#: Severities, worst first.
SEVERITIES = tuple(sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True))
_SEVERITY_BY_RANK = {rank: name for name, rank in SEVERITY_RANK.items()}
#: How long a writer waits for another process holding the file, in seconds.
BUSY_TIMEOUT = 30.0


class HistoryError(Exception):
    """The history file cannot be used (not a database, from a newer policylint …):
    a one-line message for the user."""


@dataclass
class SourceChange:
    """How one source compares with the previous run.

    ``state``: ``first_run`` (no previous run to compare with: ``new`` stays empty),
    ``new_source`` (not in the previous run: all its findings are ``new``), ``gone``
    (only in the previous run: ``status_now`` is None), ``changed`` (findings, status or
    content differ) or ``unchanged``. Findings of a source that is gone, or now an error
    or skipped, are not counted as ``fixed``: nobody saw them go.
    Findings are dicts with the keys of ``FINDING_FIELDS``."""

    source: str
    site: str
    state: str
    content_changed: bool
    new: list[dict[str, Any]] = field(default_factory=list)
    fixed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    status_before: str | None = None
    status_now: str | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _identity(finding: dict[str, Any]) -> tuple[str, str]:
    return finding["rule"], finding["fingerprint"]


def _difference(findings: list[dict[str, Any]], other: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
    """Findings of ``findings`` beyond the counts in ``other`` (multiset difference;
    of equal findings the later ones in the list are the extra ones)."""
    left = Counter(other)
    extra = []
    for finding in findings:
        key = _identity(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            extra.append(finding)
    return extra


def compare(source: str, before: dict[str, Any] | None, now: dict[str, Any] | None) -> SourceChange:
    """The change of one source between two runs; ``before``/``now`` are its document
    (with a ``findings`` list) in the previous and the current run, None if absent."""
    if now is None:
        if before is None:
            raise ValueError(f"{source}: in neither run")
        return SourceChange(source, before["site"], "gone", False, status_before=before["status"])
    if before is None:
        return SourceChange(
            source, now["site"], "new_source", False, new=list(now["findings"]), status_now=now["status"]
        )
    counts_before = Counter(map(_identity, before["findings"]))
    counts_now = Counter(map(_identity, now["findings"]))
    new = _difference(now["findings"], counts_before)
    # Findings of a policy that could not be read now are unknown, not fixed.
    fixed = _difference(before["findings"], counts_now) if now["status"] == "ok" else []
    content_changed = None not in (before["content_hash"], now["content_hash"]) and (
        before["content_hash"] != now["content_hash"]
    )
    changed = bool(new or fixed or content_changed or before["status"] != now["status"])
    return SourceChange(
        source,
        now["site"],
        "changed" if changed else "unchanged",
        content_changed,
        new=new,
        fixed=fixed,
        unchanged=sum((counts_before & counts_now).values()),
        status_before=before["status"],
        status_now=now["status"],
    )


class History:
    """The audit history in the SQLite file at ``path`` (created and migrated on open).
    Safe to share between threads of one process; several processes may use one file
    (writers wait up to ``BUSY_TIMEOUT`` for each other)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as error:
            raise HistoryError(f"{self.path}: cannot open the history: {error}") from None
        try:
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as error:
            self._db.close()
            raise HistoryError(f"{self.path}: not a usable history database: {error}") from None
        except HistoryError:
            self._db.close()
            raise

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``IMMEDIATE``) so that two writers
        queue instead of failing half-way."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def _migrate(self) -> None:
        with self._transaction() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"{self.path}: the history has schema version {version}, newer than this "
                    f"policylint's ({SCHEMA_VERSION}); upgrade policylint"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number]:
                    db.execute(statement)
            # PRAGMA takes no parameters; the value is our own integer.
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def schema_version(self) -> int:
        return self._query("PRAGMA user_version")[0][0]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---------------------------------------------------------------------- runs

    def start_run(self, args: dict[str, Any], out_dir: str, resume: bool = False) -> int:
        """A new run's id; with ``resume``, the id of the latest run into ``out_dir``
        if that one did not finish (it is marked running again)."""
        out_dir = os.path.abspath(out_dir)
        with self._transaction() as db:
            if resume:
                latest = db.execute(
                    "SELECT id, status FROM runs WHERE out_dir = ? ORDER BY id DESC LIMIT 1", (out_dir,)
                ).fetchone()
                if latest is not None and latest["status"] != "finished":
                    db.execute(
                        "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?", (latest["id"],)
                    )
                    return latest["id"]
            row = db.execute(
                "INSERT INTO runs (started_at, status, tool_version, args, out_dir) "
                "VALUES (?, 'running', ?, ?, ?) RETURNING id",
                (_now(), __version__, json.dumps(args, ensure_ascii=False, sort_keys=True, default=str), out_dir),
            ).fetchone()
            return int(row[0])

    def finish_run(self, run_id: int, status: str = "finished") -> None:
        if status not in RUN_STATUSES[1:]:
            raise ValueError(f"a run ends as one of {RUN_STATUSES[1:]}, not {status!r}")
        with self._transaction() as db:
            db.execute("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", (status, _now(), run_id))

    def run(self, run_id: int) -> dict[str, Any] | None:
        """The run's row (``args`` decoded), or None."""
        rows = self._query("SELECT * FROM runs WHERE id = ?", (run_id,))
        if not rows:
            return None
        run = dict(rows[0])
        run["args"] = json.loads(run["args"])
        return run

    def previous_run(self, run_id: int) -> int | None:
        """The latest finished run before ``run_id`` that audited any of its sources."""
        rows = self._query(
            """
            SELECT earlier.id FROM runs AS earlier
            WHERE earlier.id < ? AND earlier.status = 'finished' AND EXISTS (
                SELECT 1 FROM documents AS now
                JOIN documents AS before ON before.run_id = earlier.id AND before.source = now.source
                WHERE now.run_id = ?)
            ORDER BY earlier.id DESC LIMIT 1
            """,
            (run_id, run_id),
        )
        return rows[0][0] if rows else None

    # ----------------------------------------------------------------- documents

    def done_sources(self, run_id: int) -> set[str]:
        return {row[0] for row in self._query("SELECT source FROM documents WHERE run_id = ?", (run_id,))}

    def add(self, run_id: int, record: dict[str, Any]) -> None:
        """Store one audit record (a line of ``results.jsonl``) in one transaction; a
        source recorded again in the same run (a resumed run) replaces its old record."""
        error = record.get("error") or {}
        document = (
            run_id,
            record["source"],
            record.get("site") or "",
            record["status"],
            record.get("content_hash"),
            json.dumps(record.get("languages") or []),
            record.get("jurisdiction"),
            error.get("code"),
            error.get("message"),
            record.get("skipped"),
            record.get("path"),
        )
        findings = [
            (run_id, record["source"], *(finding.get(name) for name in FINDING_FIELDS))
            for finding in record.get("findings") or ()
        ]
        with self._transaction() as db:
            db.execute("DELETE FROM documents WHERE run_id = ? AND source = ?", (run_id, record["source"]))
            db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", document)
            db.executemany(
                f"INSERT INTO findings (run_id, source, {_FINDING_COLUMNS}) "
                f"VALUES (?, ?, {', '.join('?' * len(FINDING_FIELDS))})",
                findings,
            )

    def documents(self, run_id: int) -> dict[str, dict[str, Any]]:
        """The run's documents by source, each with its ``findings`` (in line order)."""
        documents: dict[str, dict[str, Any]] = {}
        for row in self._query("SELECT * FROM documents WHERE run_id = ?", (run_id,)):
            document = dict(row)
            document["languages"] = json.loads(document["languages"])
            document["findings"] = []
            documents[document["source"]] = document
        rows = self._query(
            f"SELECT source, {_FINDING_COLUMNS} FROM findings WHERE run_id = ? ORDER BY rowid", (run_id,)
        )
        for row in rows:
            documents[row["source"]]["findings"].append({name: row[name] for name in FINDING_FIELDS})
        for document in documents.values():
            document["findings"].sort(key=lambda finding: (finding["line"] or 0, finding["column"] or 0))
        return documents

    # ------------------------------------------------------------------- changes

    def changes(self, run_id: int) -> dict[str, SourceChange]:
        """Per source (of this run and of the previous one), what changed since the
        previous run."""
        now = self.documents(run_id)
        previous = self.previous_run(run_id)
        if previous is None:
            return {
                source: SourceChange(source, document["site"], "first_run", False, status_now=document["status"])
                for source, document in now.items()
            }
        before = self.documents(previous)
        return {source: compare(source, before.get(source), now.get(source)) for source in {**before, **now}}

    def summary(self, run_id: int, worst: int = 10) -> dict[str, Any]:
        """Totals of a run for the report: documents by status and by error code,
        findings by severity and by rule (most frequent first), and the ``worst`` sites
        (most errors, then warnings, then infos)."""
        documents = self._counts(
            "SELECT status, COUNT(*) FROM documents WHERE run_id = ? GROUP BY status", run_id)
        error_codes = self._counts(
            "SELECT error_code, COUNT(*) AS n FROM documents WHERE run_id = ? AND error_code IS NOT NULL "
            "GROUP BY error_code ORDER BY n DESC, error_code", run_id)
        severities = self._counts(
            "SELECT severity, COUNT(*) FROM findings WHERE run_id = ? GROUP BY severity", run_id)
        worst_first = "CASE severity " + " ".join(
            f"WHEN '{name}' THEN {rank}" for name, rank in SEVERITY_RANK.items()) + " END"
        rules = [
            {"rule": row["rule"], "severity": _SEVERITY_BY_RANK[row["rank"]], "findings": row["n"],
             "sources": row["sources"]}
            for row in self._query(
                f"SELECT rule, MAX({worst_first}) AS rank, COUNT(*) AS n, COUNT(DISTINCT source) AS sources "
                "FROM findings WHERE run_id = ? GROUP BY rule ORDER BY n DESC, rule", (run_id,))
        ]
        return {
            "run": self.run(run_id),
            "documents": {"total": sum(documents.values()), **{s: documents[s] for s in ("ok", "skipped", "error")}},
            "error_codes": dict(error_codes),
            "findings": {"total": sum(severities.values()), **{s: severities[s] for s in SEVERITIES}},
            "rules": rules,
            "worst_sites": self._worst_sites(run_id, worst),
        }

    def _counts(self, sql: str, run_id: int) -> Counter[str]:
        """``{key: count}`` from a query of ``(key, count)`` rows, in the query's order."""
        return Counter({row[0]: row[1] for row in self._query(sql, (run_id,))})

    def _worst_sites(self, run_id: int, limit: int) -> list[dict[str, Any]]:
        sites: dict[str, Counter[str]] = defaultdict(Counter)
        rows = self._query(
            "SELECT d.site, f.severity, COUNT(*) AS n FROM findings AS f "
            "JOIN documents AS d ON d.run_id = f.run_id AND d.source = f.source "
            "WHERE f.run_id = ? GROUP BY d.site, f.severity",
            (run_id,),
        )
        for row in rows:
            sites[row["site"]][row["severity"]] = row["n"]
        ranked = sorted(sites.items(), key=lambda item: ([-item[1][s] for s in SEVERITIES], item[0]))
        return [
            {"site": site, **{s: counts[s] for s in SEVERITIES}, "total": sum(counts.values())}
            for site, counts in ranked[:limit]
        ]
