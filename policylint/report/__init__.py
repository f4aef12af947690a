"""Reports: render the results of ``check`` in one of ``FORMATS``.

Each format lives in its own module, imported only when asked for, so that
``--format json`` never imports rich.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from policylint.report.common import (
    LANGS,
    STATISTICS_FORMATS,
    FileView,
    Report,
    prepare,
    summarize,
)
from policylint.report.common import statistics as count_per_rule

if TYPE_CHECKING:
    from policylint.model import FileResult
    from policylint.rules.catalog import Rule

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "markdown")

#: Format → (module in this package, function in it).
_RENDERERS = {
    "text": ("text", "render"),
    "json": ("json_report", "render"),
    "jsonl": ("json_report", "render_jsonl"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
    "junit": ("junit", "render"),
    "markdown": ("markdown", "render"),
}

__all__ = ["FORMATS", "STATISTICS_FORMATS", "render"]


def render(
    results: list[FileResult] | list[FileView],
    fmt: str,
    *,
    catalog: dict[str, Rule],
    lang: str = "ru",
    statistics: bool = False,
    root: Path | None = None,
    color: bool | None = None,
    selected_rules: Iterable[str] | None = None,
) -> str:
    """The report on ``results`` in format ``fmt``. Results may come already resolved
    by ``common.prepare`` (a batch does that in its workers, so that documents are not
    kept in memory).

    ``catalog`` gives the rule texts, ``lang`` their language ("ru", "kk", "en").
    ``statistics`` shows counts per rule instead of findings (``STATISTICS_FORMATS``
    only). Paths are shown relative to ``root`` when given. ``color`` applies to
    ``text``: None detects a terminal. ``selected_rules`` lists rule ids that SARIF
    describes even when they found nothing.

    Raises ``ValueError`` for an unknown format or language, or ``statistics`` with a
    format that cannot show it.
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(LANGS)}")
    if statistics and fmt not in STATISTICS_FORMATS:
        raise ValueError(
            f"--statistics works with --format {', '.join(STATISTICS_FORMATS)}, not {fmt}"
        )
    files = [r for r in results if isinstance(r, FileView)]
    files += prepare([r for r in results if not isinstance(r, FileView)], catalog, lang, root)
    report = Report(
        files=files,
        summary=summarize(files),
        catalog=catalog,
        lang=lang,
        root=root,
        color=color,
        statistics=count_per_rule(files) if statistics else None,
        selected_rules=list(selected_rules) if selected_rules is not None else None,
    )
    module_name, function_name = _RENDERERS[fmt]
    module = importlib.import_module(f"policylint.report.{module_name}")
    output: str = getattr(module, function_name)(report)
    return output
