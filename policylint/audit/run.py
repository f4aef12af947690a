"""One audit run: inputs to workers, records streamed to ``results.jsonl`` and the history,
progress on the terminal, reports at the end.

Files are linted by worker processes that load the rules once (``LocalWorkers``) or by the
workers of a Dask cluster (``DaskWorkers``); URLs are fetched in threads of this process,
politely per host, and their bytes handed to the workers. Every finished input is appended
to ``results.jsonl`` and committed to the history before the next is taken, so Ctrl-C or a
crash loses nothing already done, and ``--resume`` goes on from there.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from policylint.audit.records import build_record, error_record
from policylint.audit.sources import Source
from policylint.model import InputError

RESULTS = "results.jsonl"


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build its linter (picklable: it travels to Dask workers)."""

    lang: str = "ru"
    config_file: str | None = None
    cwd: str = "."


# ------------------------------------------------------------------------- workers

_linters: dict[Settings, Any] = {}


def _linter(settings: Settings):  # -> (Linter, resolve)
    """The linter of this worker process for ``settings``, built on first use."""
    if settings not in _linters:
        import functools

        from policylint.config import load_config
        from policylint.pipeline import Linter
        from policylint.report.common import prepare_one

        config = load_config(Path(settings.config_file) if settings.config_file else None,
                             Path(settings.cwd)).merged(lang=settings.lang)
        linter = Linter.load(config.extend_rules, config.is_selected, config.operator)
        resolve = functools.partial(prepare_one, catalog=linter.catalog, lang=settings.lang,
                                    root=Path(settings.cwd))
        _linters[settings] = (linter, resolve)
    return _linters[settings]


def audit_one(source: Source, data: bytes | None, fetch: dict | None, suffix: str | None,
              settings: Settings) -> dict[str, Any]:
    """Lint one input in a worker and return its record (never raises)."""
    from policylint.ingest import read_bytes

    started = time.perf_counter()
    try:
        linter, resolve = _linter(settings)
        if data is None:
            data = read_bytes(source.ref)
        result = linter.lint_path(source.ref, data, suffix)
        elapsed = (time.perf_counter() - started) * 1000
        return build_record(source, result, resolve(result), data, fetch, elapsed)
    except InputError as error:
        return error_record(source, error, fetch)
    except Exception as exc:  # a bug must not lose the other inputs
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return error_record(source, InputError(source.ref, "internal", message), fetch)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops the run in order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Workers(Protocol):
    def submit(self, source: Source, data: bytes | None, fetch: dict | None, suffix: str | None,
               done: Callable[[Any], None]) -> None: ...
    def close(self, cancel: bool = False) -> None: ...


class LocalWorkers:
    """Worker processes on this machine (forked: they share the loaded rules)."""

    def __init__(self, jobs: int, settings: Settings):
        import multiprocessing

        _linter(settings)  # loaded once here, inherited by every forked worker
        self.settings = settings
        self.pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_ignore_interrupts)

    def submit(self, source, data, fetch, suffix, done) -> None:
        future = self.pool.submit(audit_one, source, data, fetch, suffix, self.settings)
        future.add_done_callback(done)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=not cancel, cancel_futures=cancel)


class DaskWorkers:
    """The workers of a Dask cluster (``distributed``). File contents are read here and
    sent along, so workers on other machines need only policylint installed."""

    def __init__(self, scheduler: str, settings: Settings):
        from distributed import Client

        self.client = Client(scheduler, set_as_default=False)
        self.settings = settings

    def submit(self, source, data, fetch, suffix, done) -> None:
        if data is None and not source.is_url:
            from policylint.ingest import read_bytes

            try:
                data = read_bytes(source.ref)
            except InputError as error:
                done(_Finished(error_record(source, error, fetch)))
                return
        future = self.client.submit(audit_one, source, data, fetch, suffix, self.settings, pure=False)
        future.add_done_callback(done)

    def close(self, cancel: bool = False) -> None:
        self.client.close()


@dataclass
class _Finished:
    """A record that needs no worker, shaped like a finished future."""

    record: dict[str, Any]

    def result(self) -> dict[str, Any]:
        return self.record


# ------------------------------------------------------------------------ progress


class Progress:
    """A rich progress bar (rate, ETA) on a terminal; plain lines otherwise."""

    def __init__(self, total: int, done: int, enabled: bool = True):
        self.total, self.done, self.errors = total, done, 0
        self.started = time.monotonic()
        self.start_done = done
        self._last_line = 0.0
        self._bar = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn("audit"), BarColumn(), MofNCompleteColumn(),
                            TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
                            TimeRemainingColumn(), TextColumn("{task.fields[errors]}"),
                            console=Console(stderr=True))
            self._task = self._bar.add_task("audit", total=total, completed=done, rate="", errors="")
            self._bar.start()
        self.enabled = enabled

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return (self.done - self.start_done) / elapsed if elapsed > 0 else 0.0

    def advance(self, record: dict[str, Any]) -> None:
        self.done += 1
        self.errors += record["status"] == "error"
        if self._bar is not None:
            errors = f"{self.errors} unreadable" if self.errors else ""
            self._bar.update(self._task, completed=self.done, rate=f"{self.rate():.1f} docs/s", errors=errors)
        elif self.enabled and (time.monotonic() - self._last_line >= 5 or self.done == self.total):
            self._last_line = time.monotonic()
            rate = self.rate()
            eta = (self.total - self.done) / rate if rate else 0
            print(f"audit: {self.done}/{self.total} ({100 * self.done // max(self.total, 1)}%), "
                  f"{rate:.1f} docs/s, ETA {int(eta) // 60}:{int(eta) % 60:02d}, "
                  f"{self.errors} unreadable", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# --------------------------------------------------------------------- results file


def read_results(path: Path) -> list[dict[str, Any]]:
    """The records in ``results.jsonl``; a last line cut short by a crash is dropped
    (and cut from the file, so appending goes on cleanly)."""
    if not path.exists():
        return []
    records, good_end = [], 0
    with open(path, "rb") as handle:
        for line in handle:
            try:
                records.append(json.loads(line))
            except ValueError:
                break
            good_end += len(line)
    if good_end != path.stat().st_size:
        with open(path, "r+b") as handle:
            handle.truncate(good_end)
    return records


# ---------------------------------------------------------------------------- run


@dataclass
class AuditResult:
    records: list[dict[str, Any]]
    run_id: int
    interrupted: bool = False
    changes: dict[str, Any] = field(default_factory=dict)
    elapsed: float = 0.0
    #: When the run compared with started (None on a first run).
    previous_started_at: str | None = None
    #: The run as the history recorded it (started_at, finished_at, tool_version …).
    run: dict[str, Any] = field(default_factory=dict)


def run_audit(
    sources: list[Source],
    out_dir: Path,
    db_path: Path,
    *,
    jobs: int,
    settings: Settings,
    executor: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    progress: bool = True,
    fetcher_options: dict[str, Any] | None = None,
) -> AuditResult:
    """Audit ``sources`` into ``out_dir``; see the module docstring."""
    from policylint.audit.history import History

    out_dir.mkdir(parents=True, exist_ok=True)
    results_path = out_dir / RESULTS
    previous = read_results(results_path) if resume else []
    if not resume:
        results_path.write_text("", encoding="utf-8")
    wanted = {s.ref for s in sources}
    done = {r["source"] for r in previous if r["source"] in wanted}
    todo = [s for s in sources if s.ref not in done]
    started = time.monotonic()
    args = {"sources": [s.ref for s in sources], "jobs": jobs, "executor": executor, "lang": settings.lang}
    with History(db_path) as history:
        run_id = history.start_run(args, str(out_dir.resolve()), resume=resume)
        recorded = history.done_sources(run_id)
        for record in previous:
            if record["source"] in wanted and record["source"] not in recorded:
                history.add(run_id, record)
        bar = Progress(len(sources), len(done), progress)
        interrupted = False
        try:
            _process(todo, results_path, history, run_id, bar, jobs, settings, executor,
                     scheduler, fetcher_options or {})
        except KeyboardInterrupt:
            interrupted = True
        finally:
            bar.close()
        history.finish_run(run_id, "interrupted" if interrupted else "finished")
        records = [r for r in read_results(results_path) if r["source"] in wanted]
        changes = history.changes(run_id) if not interrupted else {}
        previous_id = history.previous_run(run_id)
        previous_run = history.run(previous_id) if previous_id is not None else None
        run = history.run(run_id) or {}
    return AuditResult(records, run_id, interrupted, changes, time.monotonic() - started,
                       previous_run["started_at"] if previous_run else None, run)


def _process(todo: list[Source], results_path: Path, history: Any, run_id: int, bar: Progress,
             jobs: int, settings: Settings, executor: str, scheduler: str | None,
             fetcher_options: dict[str, Any]) -> None:
    """Run every input of ``todo`` and record each as it finishes."""
    if not todo:
        return
    events: queue.Queue[tuple[str, Source, Any]] = queue.Queue()
    workers: Workers = (DaskWorkers(scheduler or "", settings) if executor == "dask"
                        else LocalWorkers(jobs, settings))
    urls = [s for s in todo if s.is_url]
    fetcher = fetch_pool = None
    cancel = True
    try:
        for source in todo:
            if not source.is_url:
                workers.submit(source, None, None, None,
                               lambda future, source=source: events.put(("done", source, future)))
        if urls:
            from policylint.audit.fetch import Fetcher

            fetcher = Fetcher(**fetcher_options)
            fetch_pool = ThreadPoolExecutor(min(16, 4 * max(jobs, 1)), thread_name_prefix="fetch")
            for source in urls:
                fetch_pool.submit(_fetch, fetcher, source).add_done_callback(
                    lambda future, source=source: events.put(("fetched", source, future)))
        remaining = len(todo)
        with open(results_path, "a", encoding="utf-8") as results:
            while remaining:
                kind, source, future = events.get()
                if kind == "fetched":
                    outcome = future.result()
                    if isinstance(outcome, dict):  # the fetch failed: its error record
                        _write(outcome, results, history, run_id, bar)
                        remaining -= 1
                    else:
                        data, fetch, suffix = outcome
                        workers.submit(source, data, fetch, suffix,
                                       lambda f, source=source: events.put(("done", source, f)))
                    continue
                try:
                    record = future.result()
                except Exception as exc:  # a worker died (killed, out of memory)
                    error = InputError(source.ref, "internal", f"worker failed ({type(exc).__name__}: {exc})")
                    record = error_record(source, error)
                _write(record, results, history, run_id, bar)
                remaining -= 1
        cancel = False
    finally:
        if fetch_pool is not None:
            fetch_pool.shutdown(wait=not cancel, cancel_futures=cancel)
        if fetcher is not None:
            fetcher.close()
        workers.close(cancel=cancel)


def _fetch(fetcher: Any, source: Source) -> tuple[bytes, dict, str] | dict[str, Any]:
    """Fetch a URL in a thread: its bytes, fetch details and reader suffix, or (when it
    fails) the error record."""
    try:
        fetched = fetcher.get(source.ref)
    except InputError as error:
        return error_record(source, error)
    except Exception as exc:  # a bug: never lose the audit to one site
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return error_record(source, InputError(source.ref, "internal", message))
    details = {"url": fetched.url, "final_url": fetched.final_url, "status": fetched.status,
               "content_type": fetched.content_type, "encoding": fetched.encoding,
               "bytes": len(fetched.data), "elapsed_ms": round(fetched.elapsed_ms, 1)}
    return fetched.data, details, fetched.suffix


def _write(record: dict[str, Any], results: Any, history: Any, run_id: int, bar: Progress) -> None:
    """Keep one finished record: a line of ``results.jsonl`` (flushed) and a row set in
    the history (committed)."""
    results.write(json.dumps(record, ensure_ascii=False) + "\n")
    results.flush()
    history.add(run_id, record)
    bar.advance(record)


def default_db(out_dir: Path) -> Path:
    """The history database: beside the report folder, shared by the audits kept there."""
    return out_dir.resolve().parent / "policylint-history.sqlite"


def default_jobs() -> int:
    return os.cpu_count() or 1
