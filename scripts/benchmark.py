#!/usr/bin/env python3
"""Measure policylint's speed and memory on this machine (a script, not a timed test).

Reports, as new processes:
- the median wall time of ``policylint check SEED`` (text report; ``--seed-format json``
  for the JSON one) for each seed, stdout to a file, next to
  the median of ``python -c "import click, rich"`` measured in the same run;
- batch throughput: the seeds copied ``--repeat`` times into a temporary folder and
  linted once with ``--jobs`` = CPU count, first run (empty cache) and warm run;
- the peak resident memory of any single process.

Then gives a verdict for each target: one seed ≤ 3× the bare import; batch ≥ 50
documents/s on 2 cores; peak memory ≤ 150 MB per process. Exit code 0 when all targets
are met, 1 when one is missed, 2 when policylint cannot be run.

    python scripts/benchmark.py [--runs 9] [--repeat 200] [--format text|json]
                                [--seed-format text|json] [--seeds corpora/seeds] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

SEED_RATIO_LIMIT = 3.0
BATCH_DOCS_PER_SECOND = 50.0
PEAK_MEMORY_MB = 150.0
#: Files in the seeds folder that are annotations, not documents.
NOT_DOCUMENTS = (".yaml", ".yml", ".json")

#: Runs a command as its child and prints its wall time, exit code and peak RSS (of the
#: command and every descendant it waited for) as JSON. A fresh wrapper per run keeps
#: ``RUSAGE_CHILDREN`` about that one command.
_WRAPPER = """
import json, resource, subprocess, sys, time
with open(sys.argv[1], "wb") as out:
    start = time.perf_counter()
    done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
print(json.dumps({
    "rc": done.returncode,
    "seconds": seconds,
    "maxrss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "stderr": done.stderr.decode("utf-8", "replace")[-4000:],
}))
"""


class BenchmarkError(Exception):
    """policylint could not be run; the message says why."""


@dataclass
class Run:
    seconds: float
    peak_mb: float


@dataclass
class Series:
    """Repeated runs of one command."""

    name: str
    median_ms: float
    min_ms: float
    max_ms: float
    peak_mb: float

    @classmethod
    def of(cls, name: str, runs: list[Run]) -> Series:
        times = [run.seconds * 1000 for run in runs]
        peak = max(run.peak_mb for run in runs)
        return cls(
            name,
            *(
                round(value, 1)
                for value in (statistics.median(times), min(times), max(times), peak)
            ),
        )


@dataclass
class Batch:
    documents: int
    jobs: int
    first_seconds: float
    warm_seconds: float
    peak_mb: float

    @property
    def first_rate(self) -> float:
        return self.documents / self.first_seconds

    @property
    def warm_rate(self) -> float:
        return self.documents / self.warm_seconds


@dataclass
class Verdict:
    target: str
    measured: str
    passed: bool


def measure(
    command: list[str], env: dict[str, str], output: Path | None = None, lint: bool = True
) -> Run:
    """Run ``command`` once in a fresh wrapper. For policylint (``lint``), exit codes 0
    and 1 are success; anything else, or a traceback, raises BenchmarkError."""
    target = str(output) if output is not None else os.devnull
    wrapper = subprocess.run(
        [sys.executable, "-c", _WRAPPER, target, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(wrapper.stdout)
    allowed = (0, 1) if lint else (0,)
    if result["rc"] not in allowed or "Traceback (most recent call last)" in result["stderr"]:
        lines = [line for line in result["stderr"].splitlines() if line.strip()]
        reason = lines[-1] if lines else "no error output"
        raise BenchmarkError(f"`{' '.join(command)}` failed (exit {result['rc']}): {reason}")
    rss_bytes = result["maxrss"] * (1 if sys.platform == "darwin" else 1024)
    return Run(result["seconds"], rss_bytes / 2**20)


def find_seeds(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise BenchmarkError(f"seeds folder not found: {folder}")
    seeds = sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.suffix not in NOT_DOCUMENTS
    )
    if not seeds:
        raise BenchmarkError(f"no seed documents in {folder}")
    return seeds


def check_report(path: Path, documents: int) -> None:
    """The JSON report in ``path`` must come from policylint and cover ``documents``."""
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchmarkError(f"policylint did not write a JSON report: {exc}") from None
    files = report.get("summary", {}).get("files") if isinstance(report, dict) else None
    if files != documents:
        raise BenchmarkError(f"the report covers {files} files, expected {documents}")


def run_benchmark(args: argparse.Namespace, policylint: str, workdir: Path) -> dict[str, Any]:
    seeds = find_seeds(args.seeds)
    # Installed packages have their bytecode compiled; measure start-up that way even
    # where the environment disables writing it (the first run writes it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["POLICYLINT_CACHE_DIR"] = str(workdir / "cache")
    report_path = workdir / "report.json"

    first = measure([policylint, "check", "--format", "json", str(seeds[0])], env, report_path)
    check_report(report_path, 1)

    bare = [sys.executable, "-c", "import click, rich"]
    runs: dict[str, list[Run]] = {"bare": []}
    for _ in range(args.runs):
        runs["bare"].append(measure(bare, env, lint=False))
        for seed in seeds:
            command = [policylint, "check", "--format", args.seed_format, str(seed)]
            runs.setdefault(seed.name, []).append(measure(command, env))
    baseline = Series.of('python -c "import click, rich"', runs.pop("bare"))
    singles = [
        Series.of(f"policylint check ({args.seed_format}) {name}", seed_runs)
        for name, seed_runs in runs.items()
    ]

    batch_dir = workdir / "batch"
    batch_dir.mkdir()
    for copy in range(args.repeat):
        for seed in seeds:
            shutil.copyfile(seed, batch_dir / f"{copy:04d}_{seed.name}")
    documents = args.repeat * len(seeds)
    command = [policylint, "check", "--format", "json", "--jobs", str(args.jobs), str(batch_dir)]
    batch_env = dict(env, POLICYLINT_CACHE_DIR=str(workdir / "batch-cache"))
    cold = measure(command, batch_env, report_path)
    check_report(report_path, documents)
    warm = measure(command, batch_env, report_path)
    batch = Batch(documents, args.jobs, cold.seconds, warm.seconds, max(cold.peak_mb, warm.peak_mb))

    slowest = max(singles, key=lambda series: series.median_ms)
    ratio = slowest.median_ms / baseline.median_ms
    peak = max([s.peak_mb for s in singles] + [batch.peak_mb, first.peak_mb])
    verdicts = [
        Verdict(
            f"one seed ≤ {SEED_RATIO_LIMIT:g}× bare import"
            f" ({SEED_RATIO_LIMIT * baseline.median_ms:.0f} ms)",
            f"slowest seed {slowest.median_ms:.0f} ms ({ratio:.2f}×)",
            ratio <= SEED_RATIO_LIMIT,
        ),
        Verdict(
            f"batch ≥ {BATCH_DOCS_PER_SECOND:g} documents/s on 2 cores"
            f" (here {os.cpu_count()} CPUs, --jobs {args.jobs})",
            f"{batch.first_rate:.0f} documents/s on the first run, {batch.warm_rate:.0f} warm",
            batch.first_rate >= BATCH_DOCS_PER_SECOND,
        ),
        Verdict(
            f"peak memory ≤ {PEAK_MEMORY_MB:g} MB per process",
            f"{peak:.0f} MB",
            peak <= PEAK_MEMORY_MB,
        ),
    ]
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "policylint": policylint,
        },
        "runs": args.runs,
        "baseline": asdict(baseline),
        "first_run_ms": round(first.seconds * 1000, 1),
        "seeds": [asdict(series) for series in singles],
        "batch": {
            **asdict(batch),
            "first_rate": round(batch.first_rate, 1),
            "warm_rate": round(batch.warm_rate, 1),
        },
        "verdicts": [asdict(verdict) for verdict in verdicts],
        "passed": all(verdict.passed for verdict in verdicts),
    }


def format_text(result: dict[str, Any]) -> str:
    machine = result["machine"]
    lines = [
        f"policylint benchmark: {machine['cpus']} CPUs, Python {machine['python']},"
        f" {result['runs']} runs per command",
        "",
        f"{'command':<52} {'median':>9} {'min':>9} {'max':>9} {'peak RSS':>9}",
    ]
    for series in [result["baseline"], *result["seeds"]]:
        lines.append(
            f"{series['name']:<52} {series['median_ms']:>6.0f} ms {series['min_ms']:>6.0f} ms"
            f" {series['max_ms']:>6.0f} ms {series['peak_mb']:>6.0f} MB"
        )
    lines.append(f"(first run of one seed, empty cache: {result['first_run_ms']:.0f} ms)")
    batch = result["batch"]
    lines += [
        "",
        f"batch: {batch['documents']} documents, --jobs {batch['jobs']}:"
        f" first run {batch['first_seconds']:.1f} s ({batch['first_rate']:.0f} documents/s),"
        f" warm {batch['warm_seconds']:.1f} s ({batch['warm_rate']:.0f} documents/s),"
        f" peak {batch['peak_mb']:.0f} MB per process",
        "",
        "targets:",
    ]
    for verdict in result["verdicts"]:
        mark = "PASS" if verdict["passed"] else "FAIL"
        lines.append(f"  {mark}  {verdict['target']}: {verdict['measured']}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command (default 9)")
    parser.add_argument(
        "--repeat", type=int, default=200, help="copies of the seeds in the batch (default 200)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--seed-format",
        choices=("text", "json"),
        default="text",
        help="report format of the timed one-seed checks (default text, as in the target)",
    )
    parser.add_argument(
        "--seeds", type=Path, default=Path("corpora/seeds"), help="default corpora/seeds"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="default: CPU count")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.repeat < 1 or args.jobs < 1:
        parser.error("--runs, --repeat and --jobs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The console script installed beside this interpreter, not a version-manager shim
    # (pyenv's is a bash script that would add 10–20 ms to every measured run).
    beside = Path(sys.executable).with_name("policylint")
    policylint = str(beside) if beside.is_file() else shutil.which("policylint")
    if policylint is None:
        print(
            "benchmark: `policylint` is not on PATH; install it first: pip install -e .",
            file=sys.stderr,
        )
        return 2
    try:
        with tempfile.TemporaryDirectory(prefix="policylint-bench-") as workdir:
            result = run_benchmark(args, policylint, Path(workdir))
    except BenchmarkError as exc:
        print(f"benchmark: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.format == "json" else format_text(result))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
