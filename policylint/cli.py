"""Command line: ``policylint check`` and ``policylint rules``.

Exit codes (CONTRACT.md): 0 nothing at or above ``--fail-on``; 1 findings at or above
it; 2 usage or configuration error; 3 some inputs could not be read (the others were
still linted and reported).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from policylint import __version__
from policylint.model import SEVERITY_RANK

if TYPE_CHECKING:
    from policylint.audit.run import AuditResult
    from policylint.report.common import FileView

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3

def _expand(paths: tuple[str, ...]) -> list[str]:
    """Files to lint: folders are searched recursively for files of every format
    policylint reads; missing paths are kept so that they are reported as unreadable."""
    from policylint.ingest import find_files

    found: list[str] = []
    for raw in paths or ("-",):
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found.extend(str(p) for p in find_files(path))
        else:
            found.append(raw)
    return found


def _exit_code(results: list[FileView], fail_on: str) -> int:
    if any(r.error for r in results):
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    worst = max((SEVERITY_RANK[f.severity] for r in results for f in r.items), default=0)
    return EXIT_FINDINGS if worst >= threshold else EXIT_OK


def _usage_error(message: str) -> "click.exceptions.Exit":
    click.echo(f"policylint: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylint")
def main() -> None:
    """Lint website privacy policies against Kazakhstan's Law 94-V «On personal data
    and their protection» (Russian and Kazakh)."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "jsonl", "sarif", "github", "junit", "markdown"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to FILE instead of standard output.")
@click.option("--lang", type=click.Choice(["ru", "kk", "en"]), help="Language of messages.")
@click.option("--select", help="Rule codes or prefixes to run (e.g. DL,CB0).")
@click.option("--ignore", help="Rule codes or prefixes to skip.")
@click.option("--extend-select", help="Codes or prefixes added to the selection.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1.  [default: error]")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Configuration file (default: nearest .policylint.toml or pyproject.toml).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False),
              help="Record the current findings as the baseline in FILE (exit 0).")
@click.option("--statistics", is_flag=True, help="Counts per rule instead of findings.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel workers.  [default: CPU count]")
def check(paths: tuple[str, ...], fmt: str, output: str | None, lang: str | None,
          select: str | None, ignore: str | None, extend_select: str | None,
          fail_on: str | None, config_file: str | None, baseline_file: str | None,
          write_baseline_file: str | None, statistics: bool, jobs: int | None) -> None:
    """Lint policy files, folders (recursively) or standard input (-): plain text,
    DOCX, PDF, HTML and templates, Markdown, JS/TS/JSX, Vue, Svelte, i18n JSON/YAML/PO,
    Python, PHP, Kotlin and SQL sources."""
    from policylint.analyze.lexicon import LexiconError
    from policylint.baseline import (
        BaselineError,
        load_baseline,
        subtract_baseline,
        write_baseline,
    )
    from policylint.config import ConfigError, load_config
    from policylint.pipeline import Linter, lint_paths
    from policylint.report import STATISTICS_FORMATS, render
    from policylint.report.common import prepare_one
    from policylint.rules.catalog import RuleError

    if statistics and fmt not in STATISTICS_FORMATS:
        raise _usage_error(f"--statistics works with {', '.join(STATISTICS_FORMATS)}, not {fmt}")
    try:
        config = load_config(Path(config_file) if config_file else None, Path.cwd()).merged(
            select=select, ignore=ignore, extend_select=extend_select, fail_on=fail_on, lang=lang
        )
        linter = Linter.load(config.extend_rules, config.is_selected, config.operator)
        baseline = load_baseline(Path(baseline_file)) if baseline_file else None
    except (ConfigError, RuleError, LexiconError, BaselineError) as error:
        raise _usage_error(str(error)) from None

    resolve = functools.partial(prepare_one, catalog=linter.catalog, lang=config.lang, root=Path.cwd())
    if not paths and sys.stdin.isatty():
        raise _usage_error("no input: give files, folders, or - for standard input")
    results = list(lint_paths(linter, _expand(paths), jobs, resolve))
    if write_baseline_file:
        count = write_baseline(Path(write_baseline_file), results)
        click.echo(f"policylint: {count} findings recorded in {write_baseline_file}", err=True)
        raise click.exceptions.Exit(EXIT_INPUT if any(r.error for r in results) else EXIT_OK)
    if baseline is not None:
        results = subtract_baseline(results, baseline)
    selected_rules = [rule_id for rule_id in linter.catalog if config.is_selected(rule_id)]
    report = render(results, fmt, catalog=linter.catalog, lang=config.lang,
                    statistics=statistics, root=Path.cwd(),
                    color=False if output else None, selected_rules=selected_rules)
    if output:
        Path(output).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    raise click.exceptions.Exit(_exit_code(results, config.fail_on))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for index.html, docs/, findings.csv, results.jsonl, summary.json.")
@click.option("--db", "db_file", type=click.Path(dir_okay=False),
              help="History database.  [default: policylint-history.sqlite beside --out]")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel workers.  [default: CPU count]")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786) for --executor dask.")
@click.option("--resume", is_flag=True, help="Go on with an interrupted audit in the same --out.")
@click.option("--lang", type=click.Choice(["ru", "kk", "en"]), help="Language of messages and reports.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Configuration file (default: nearest .policylint.toml or pyproject.toml).")
@click.option("--timeout", type=click.FloatRange(min=1), default=20.0, show_default=True,
              help="Seconds allowed for fetching one URL.")
@click.option("--per-host", type=click.IntRange(min=1), default=2, show_default=True,
              help="Requests at a time to one host.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
def audit(sources: tuple[str, ...], out_dir: str, db_file: str | None, jobs: int | None,
          executor: str, scheduler: str | None, resume: bool, lang: str | None,
          config_file: str | None, timeout: float, per_host: int, quiet: bool) -> None:
    """Audit many policies — folders, globs, files, URLs, @list.txt — into a report
    folder, with the history of earlier audits (what is new, fixed, unchanged)."""
    from policylint.audit.run import Settings, default_db, default_jobs, run_audit
    from policylint.audit.site import write_reports
    from policylint.audit.sources import SourceError, expand_sources
    from policylint.config import ConfigError, load_config

    if executor == "dask" and not scheduler:
        raise _usage_error("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        config = load_config(Path(config_file) if config_file else None, Path.cwd()).merged(lang=lang)
        inputs = expand_sources(list(sources))
    except (ConfigError, SourceError) as error:
        raise _usage_error(str(error)) from None
    if not inputs:
        raise _usage_error("no inputs: the sources name no files or URLs")
    out = Path(out_dir)
    settings = Settings(config.lang, config_file, str(Path.cwd()))
    outcome = run_audit(
        inputs, out, Path(db_file) if db_file else default_db(out), jobs=jobs or default_jobs(),
        settings=settings, executor=executor, scheduler=scheduler, resume=resume,
        progress=not quiet, fetcher_options={"timeout": timeout, "per_host": per_host},
    )
    if outcome.interrupted:
        click.echo(f"policylint: interrupted; {len(outcome.records)} of {len(inputs)} inputs are in "
                   f"{out / 'results.jsonl'} — run again with --resume to go on", err=True)
        raise click.exceptions.Exit(130)
    run = {"started_at": outcome.run.get("started_at"), "finished_at": outcome.run.get("finished_at"),
           "tool_version": outcome.run.get("tool_version", __version__),
           "sources": len(inputs), "jobs": jobs or default_jobs(), "executor": executor,
           "previous_run_started_at": outcome.previous_started_at}
    write_reports(out, outcome.records, changes=outcome.changes or None, run=run, lang=config.lang)
    click.echo(_audit_summary(outcome, out), err=True)
    raise click.exceptions.Exit(EXIT_INPUT if any(r["status"] == "error" for r in outcome.records) else EXIT_OK)


def _audit_summary(outcome: "AuditResult", out: Path) -> str:
    """Two lines for the terminal: what the audit found and what changed."""
    records = outcome.records
    status = {k: sum(r["status"] == k for r in records) for k in ("ok", "skipped", "error")}
    findings = sum(len(r["findings"]) for r in records)
    rate = len(records) / outcome.elapsed if outcome.elapsed else 0.0
    lines = [f"policylint: {len(records)} inputs ({status['ok']} linted, {status['skipped']} skipped, "
             f"{status['error']} unreadable), {findings} findings, {rate:.1f} docs/s"]
    changes = list((outcome.changes or {}).values())
    if changes and any(c.state != "first_run" for c in changes):
        new = sum(len(c.new) for c in changes)
        fixed = sum(len(c.fixed) for c in changes)
        changed = sum(c.state in ("changed", "new_source") for c in changes)
        lines.append(f"since the last run: {new} new, {fixed} fixed findings; {changed} inputs changed")
    lines.append(f"report: {out / 'index.html'}")
    return "\n".join(lines)


@main.command()
@click.argument("rule_id", required=False)
@click.option("--lang", type=click.Choice(["ru", "kk", "en"]), default="ru", show_default=True)
def rules(rule_id: str | None, lang: str) -> None:
    """List the rules, or explain one (what, why, article, examples, fix)."""
    from policylint.report.rules_page import explain_rule, list_rules
    from policylint.rules.catalog import load_catalog

    catalog = load_catalog()
    if rule_id is None:
        click.echo(list_rules(catalog, lang), nl=False)
        return
    rule = catalog.get(rule_id.upper())
    if rule is None:
        raise _usage_error(f"unknown rule {rule_id!r}; see 'policylint rules'")
    click.echo(explain_rule(rule, lang), nl=False)


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def evaluate(corpus: str, fmt: str) -> None:
    """Score the linter against an annotated corpus (expected.yaml files): per rule
    true/false positives, misses, precision and recall."""
    from policylint.evaluate import format_scores, score_corpus
    from policylint.pipeline import Linter

    click.echo(format_scores(score_corpus(Path(corpus), Linter.load()), fmt), nl=False)
