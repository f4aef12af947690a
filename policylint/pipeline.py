"""One input through the whole pipeline: ingest → normalise → segment → analyse → rules.

``Linter`` holds what is loaded once per process (rule catalogue, topic lexicon,
configuration) and lints sources; ``lint_paths`` runs it over many inputs, in parallel
worker processes when there are several.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from policylint.analyze import analyze, looks_like_policy
from policylint.analyze.lexicon import Lexicon, load_lexicon
from policylint.ingest import read_source
from policylint.model import Document, FileResult, InputError, SourceText
from policylint.normalize import normalize
from policylint.rules.catalog import Rule, load_catalog
from policylint.rules.engine import run_rules
from policylint.segment import segment
from policylint.suppress import apply_suppressions

#: Why a file of website code was not linted (``skipped`` in the JSON report).
NO_POLICY_TEXT = "no policy text"


def build_document(source: SourceText) -> Document:
    """Normalise and segment an ingested source."""
    return segment(source, normalize(source))


@dataclass
class Linter:
    """Lints sources with one rule catalogue and lexicon.

    ``selected(rule_id, path)`` decides which rules run on which file (configuration,
    ``--select``/``--ignore``, per-file ignores).
    """

    catalog: dict[str, Rule]
    lexicon: Lexicon
    selected: Callable[[str, str], bool] = field(default=lambda rule_id, path: True)
    #: The ``[operator]`` facts of the configuration (name, bin, email).
    expected_operator: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(
        cls,
        extra_rule_dirs: list[Path] | None = None,
        selected: Callable[[str, str], bool] | None = None,
        expected_operator: dict[str, str] | None = None,
    ) -> "Linter":
        extra = extra_rule_dirs or []
        topic_files = [p for d in extra for p in sorted((d / "topics").glob("*.yaml"))]
        linter = cls(load_catalog(extra), load_lexicon(topic_files))
        if selected is not None:
            linter.selected = selected
        linter.expected_operator = dict(expected_operator or {})
        return linter

    def lint_source(self, source: SourceText, require_policy: bool = True) -> FileResult:
        """Findings for one ingested source. A file of website code without policy
        prose is skipped; a document (text, DOCX, PDF) that is no policy is an error."""
        if source.kind == "source" and not source.text.strip():
            return FileResult(source.path, skipped=NO_POLICY_TEXT)
        doc = build_document(source)
        if require_policy and not looks_like_policy(doc):
            if source.kind == "source":
                return FileResult(source.path, skipped=NO_POLICY_TEXT)
            error = InputError(source.path, "not_policy", "no privacy-policy text found")
            return FileResult(source.path, error=error)
        facts = analyze(doc, self.lexicon)
        facts.expected_operator = self.expected_operator
        def selected(rule_id: str) -> bool:
            return self.selected(rule_id, source.path)

        findings = run_rules(doc, facts, self.catalog.values(), selected)
        findings = apply_suppressions(doc, findings, selected, list(self.catalog))
        return FileResult(source.path, doc, findings, jurisdiction=facts.jurisdiction)

    def lint_path(self, path: str, data: bytes | None = None, suffix: str | None = None) -> FileResult:
        """Read and lint one file (``"-"`` is standard input), or ``data`` read from it
        (``suffix`` picks the reader for a URL); input problems become an error result
        instead of an exception."""
        try:
            return self.lint_source(read_source(path, data, suffix))
        except InputError as error:
            return FileResult(path, error=error)
        except Exception as exc:  # a bug must not stop or lose the rest of a batch
            message = f"internal error ({type(exc).__name__}: {exc}); please report it"
            return FileResult(path, error=InputError(path, "internal", message))


# ------------------------------------------------------------------ parallel batches

_worker: tuple[Linter, Callable[[FileResult], Any]] | None = None


def _init_worker(linter: Linter, transform: Callable[[FileResult], Any]) -> None:
    global _worker
    _worker = (linter, transform)
    # The inherited rules and lexicon live as long as the worker: keep them out of the
    # garbage collector's scans (and their memory pages shared with the parent).
    gc.freeze()


def _lint_in_worker(path: str) -> Any:
    assert _worker is not None
    linter, transform = _worker
    return transform(linter.lint_path(path))


def _keep(result: FileResult) -> FileResult:
    return result


def lint_paths(
    linter: Linter,
    paths: list[str],
    jobs: int | None = None,
    transform: Callable[[FileResult], Any] = _keep,
) -> Iterator[Any]:
    """Lint ``paths``, yielding ``transform(result)`` for each in order. With several
    inputs and ``jobs`` > 1 this runs in worker processes that each load the rules
    once; ``transform`` runs there too, so a batch can turn each result into its small
    report form instead of sending whole documents back."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(paths) <= 1 or "-" in paths:
        for path in paths:
            yield transform(linter.lint_path(path))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only batches pay for importing it

    chunk = max(1, min(16, len(paths) // (jobs * 4)))
    context = multiprocessing.get_context("fork")  # workers inherit the loaded rules
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(linter, transform)
    ) as pool:
        yield from pool.map(_lint_in_worker, paths, chunksize=chunk)
