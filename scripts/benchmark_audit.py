#!/usr/bin/env python3
"""Measure ``policylint audit`` at scale (a script, not a timed test).

Builds a corpus of ``--documents`` inputs (default 2,000) from the seeds and the website
fixtures of the test suite — each copy varied (another operator e-mail, deadline, clause
order, a line added) so no two are the same text — in a folder per organisation, then runs
``policylint audit`` on it as a new process with 1 worker and with ``--jobs`` workers, and
reports documents/s, the peak resident memory of the whole process tree, and the size of the
SQLite history per 1,000 documents. Target: ≥ 50 documents/s on 2 cores.

    python scripts/benchmark_audit.py [--documents 2000] [--jobs N] [--format text|json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_DOCS_PER_SECOND = 50.0
#: Website fixtures of the test suite that hold a policy, by folder.
FIXTURE_FOLDERS = ("tests/data/web", "tests/data/office")
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".md", ".tsx", ".jsx", ".ts", ".json", ".vue",
                     ".php", ".py", ".docx", ".pdf", ".yaml", ".po", ".sql", ".kt", ".svelte"}


def _templates() -> list[Path]:
    found = sorted((ROOT / "corpora" / "seeds").glob("*.txt"))
    for folder in FIXTURE_FOLDERS:
        found.extend(
            p for p in sorted((ROOT / folder).rglob("*"))
            if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and p.stat().st_size > 2000
        )
    return found


def _vary(text: str, k: int, rng: random.Random) -> str:
    """Another organisation's copy of a policy: e-mails, numbers of days and one line
    changed, so every document differs."""
    text = re.sub(r"[\w.-]+@([\w-]+)\.kz", lambda m: f"privacy{k}@{m.group(1)}.kz", text)
    text = re.sub(r"(\d+) (рабочих|календарных) дн", lambda m: f"{rng.choice([5, 10, 15, 30])} {m.group(2)} дн", text)
    return text + f"\n\nРедакция № {k} от {1 + k % 28:02d}.0{1 + k % 9}.2026.\n"


def build_corpus(folder: Path, documents: int, seed: int = 7) -> dict[str, int]:
    """``documents`` varied copies of the templates; counts by suffix."""
    rng = random.Random(seed)
    templates = _templates()
    counts: dict[str, int] = {}
    for k in range(documents):
        template = templates[k % len(templates)]
        target = folder / f"org{k:05d}" / template.name
        target.parent.mkdir(parents=True)
        if template.suffix.lower() in (".docx", ".pdf"):
            shutil.copy(template, target)
        else:
            target.write_text(_vary(template.read_text(encoding="utf-8", errors="replace"), k, rng),
                              encoding="utf-8")
        counts[template.suffix] = counts.get(template.suffix, 0) + 1
    return counts


def run_audit(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    """One audit as a new process: seconds, documents/s, peak memory of the process tree."""
    db = out.parent / f"{out.name}.sqlite"
    command = [sys.executable, "-m", "policylint", "audit", str(corpus), "--out", str(out),
               "--db", str(db), "--jobs", str(jobs), "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 3):
        raise SystemExit(f"policylint audit failed ({done.returncode}): {done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    lines = sum(1 for _ in open(out / "results.jsonl", encoding="utf-8"))
    return {"jobs": jobs, "documents": lines, "seconds": round(seconds, 2),
            "docs_per_second": round(lines / seconds, 1),
            "peak_rss_mb": round(max(peak, before) / 1024, 1),  # the largest single process
            "sqlite_mb_per_1000": round(db.stat().st_size / 2**20 / lines * 1000, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policylint-audit-bench-") as tmp:
        corpus = Path(tmp) / "sites"
        counts = build_corpus(corpus, args.documents)
        runs = [run_audit(corpus, Path(tmp) / f"out{jobs}", jobs) for jobs in sorted({1, args.jobs})]
    result = {"documents": args.documents, "formats": counts, "cpus": os.cpu_count(), "runs": runs,
              "target_docs_per_second": TARGET_DOCS_PER_SECOND}
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(f"corpus: {args.documents} documents ({', '.join(f'{n} {s}' for s, n in sorted(counts.items()))})")
        for run in runs:
            print(f"jobs {run['jobs']}: {run['documents']} documents in {run['seconds']} s = "
                  f"{run['docs_per_second']} docs/s; peak memory {run['peak_rss_mb']} MB (largest process); "
                  f"SQLite {run['sqlite_mb_per_1000']} MB per 1,000 documents")
        best = max(r["docs_per_second"] for r in runs)
        verdict = "meets" if best >= TARGET_DOCS_PER_SECOND else "MISSES"
        print(f"target ≥ {TARGET_DOCS_PER_SECOND:.0f} docs/s on {os.cpu_count()} cores: {verdict} ({best})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
