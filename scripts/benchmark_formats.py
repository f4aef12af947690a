#!/usr/bin/env python3
"""What extraction adds to a single-file check (a script, not a timed test).

The same policy (a seed) is written as plain text, an HTML page, a Next.js page (TSX),
an i18n JSON file, a DOCX and a PDF (the committed test fixture of the seed), and each is checked
``--runs`` times as a new process (``policylint check --format json``). Prints the
median wall time per format and its difference from the plain-text check, plus the
in-process time of reading each file (``read_source``).

    python scripts/benchmark_formats.py [--runs 7]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seeds" / "003_773249eee23e4afc.txt"
OFFICE = ROOT / "tests" / "data" / "office"


def write_formats(folder: Path) -> dict[str, Path]:
    """The seed in each format; DOCX/PDF are the committed fixtures of the same seed."""
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    files = {"txt": folder / "policy.txt", "html": folder / "privacy.html",
             "tsx": folder / "page.tsx", "json": folder / "privacy.json"}
    files["txt"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    body = "\n".join(f"    <p>{html.escape(line)}</p>" for line in lines)
    files["html"].write_text(
        f"<!doctype html>\n<html lang=\"ru\">\n<head><meta charset=\"utf-8\"><title>Политика</title>"
        f"<script src=\"/app.js\"></script></head>\n<body>\n<nav><a href=\"/\">Главная</a></nav>\n"
        f"<main>\n{body}\n</main>\n<footer>© 2026</footer>\n</body>\n</html>\n", encoding="utf-8")
    items = ",\n".join(f"  {json.dumps(line, ensure_ascii=False)}" for line in lines)
    files["tsx"].write_text(
        f"const clauses: string[] = [\n{items}\n];\n\nexport default function Privacy() {{\n"
        f"  return <main className=\"prose\">{{clauses.map((c) => <p key={{c}}>{{c}}</p>)}}</main>;\n}}\n",
        encoding="utf-8")
    files["json"].write_text(json.dumps({"privacy": {"ru": {"clauses": lines}}}, ensure_ascii=False, indent=2),
                             encoding="utf-8")
    import docx  # python-docx, a dependency of policylint

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    files["docx"] = folder / "policy.docx"
    document.save(str(files["docx"]))
    files["pdf"] = OFFICE / "003_policy.pdf"
    return files


def time_check(path: Path, runs: int) -> float:
    """Median wall time (ms) of ``policylint check PATH`` as a new process."""
    command = [sys.executable, "-m", "policylint", "check", "--format", "json", "--fail-on", "never", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(command, capture_output=True, env=env)  # warm the caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_read(path: Path) -> float:
    """Median in-process time (ms) of reading ``path`` into a SourceText (warm)."""
    sys.path.insert(0, str(ROOT))
    from policylint.ingest import read_source

    data = path.read_bytes()
    read_source(str(path), data)
    times = []
    for _ in range(7):
        started = time.perf_counter()
        read_source(str(path), data)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policylint-formats-") as tmp:
        files = write_formats(Path(tmp))
        base = None
        print(f"{'format':6} {'check (ms)':>11} {'vs txt':>8} {'read (ms)':>10}")
        for name, path in files.items():
            check = time_check(path, args.runs)
            base = check if base is None else base
            print(f"{name:6} {check:11.0f} {check - base:+8.0f} {time_read(path):10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
