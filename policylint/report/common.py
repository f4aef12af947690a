"""What every report format shares: findings resolved into printable items.

``prepare`` turns the pipeline's ``FileResult``s into ``FileView``s whose ``Item``s carry
everything a format prints (location in the original file, excerpt, message, law, fix),
so that the format modules only lay text out. Only the standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from policylint import patterns
from policylint.model import (
    SEVERITY_RANK,
    Document,
    FileResult,
    InputError,
    Location,
    Span,
)

if TYPE_CHECKING:
    from policylint.rules.catalog import Rule

LANGS = ("ru", "kk", "en")
#: Formats that can show ``--statistics`` instead of findings.
STATISTICS_FORMATS = ("text", "json", "jsonl", "markdown")
#: Longest excerpt, in characters, before it is trimmed around the finding with «…».
EXCERPT_WIDTH = 240

_WHITESPACE = patterns.compile(r"\s+")
_NON_WORD = patterns.compile(r"[\W_]+")
#: How far a trimmed excerpt edge may move to land on a word boundary.
_WORD_SLACK = 20


@dataclass
class Place:
    """A place in the original file with the clause text there."""

    line: int
    column: int
    excerpt: str
    label: str | None = None
    #: Offset of the place in the file's prose (``SourceText.text``): where an HTML
    #: report highlights it.
    offset: int = 0


@dataclass
class Item:
    """One finding, resolved for output."""

    rule: str
    severity: str
    title: str
    message: str
    law: str
    fix: str | None
    start: Place
    end_line: int
    end_column: int
    related: list[Place] = field(default_factory=list)
    #: End offset in the file's prose (see ``Place.offset``).
    end_offset: int = 0


@dataclass
class FileView:
    """One input as the reports show it. ``path`` is already relative to the root."""

    path: str
    languages: list[str]
    jurisdiction: str | None
    items: list[Item]
    skipped: str | None = None
    error: InputError | None = None


@dataclass
class Summary:
    files: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    unreadable: int = 0
    skipped: int = 0


@dataclass
class Stat:
    """How many findings one rule produced (``--statistics``)."""

    rule: str
    severity: str
    count: int
    title: str


@dataclass
class Report:
    """Everything a format module needs to render."""

    files: list[FileView]
    summary: Summary
    catalog: dict[str, Rule]
    lang: str = "ru"
    root: Path | None = None
    color: bool | None = None
    #: Counts per rule when ``--statistics`` was asked for, else None.
    statistics: list[Stat] | None = None
    #: Rule ids to describe in SARIF even if they found nothing.
    selected_rules: list[str] | None = None


# ---------------------------------------------------------------------------- labels

_LABELS: dict[str, dict[str, str]] = {
    "ru": {
        "law": "Закон",
        "fix": "Как исправить",
        "related": "См. также",
        "languages": "языки",
        "jurisdiction": "юрисдикция",
        "clean": "замечаний нет",
        "skipped": "пропущен: нет текста политики",
        "error": "ошибка",
        "warning": "предупреждение",
        "info": "замечание",
        "line": "Строка",
        "severity": "Уровень",
        "rule": "Правило",
        "message": "Сообщение",
        "count": "Кол-во",
        "title": "Название",
        "report": "Отчёт policylint",
        "statistics": "Статистика по правилам",
        "unreadable": "не удалось прочитать",
    },
    "kk": {
        "law": "Заң",
        "fix": "Түзету",
        "related": "Қараңыз",
        "languages": "тілдер",
        "jurisdiction": "юрисдикция",
        "clean": "ескертпе жоқ",
        "skipped": "өткізілді: саясат мәтіні жоқ",
        "error": "қате",
        "warning": "ескерту",
        "info": "ақпарат",
        "line": "Жол",
        "severity": "Деңгей",
        "rule": "Ереже",
        "message": "Хабарлама",
        "count": "Саны",
        "title": "Атауы",
        "report": "policylint есебі",
        "statistics": "Ережелер бойынша статистика",
        "unreadable": "оқылмады",
    },
    "en": {
        "law": "Law",
        "fix": "Fix",
        "related": "See also",
        "languages": "languages",
        "jurisdiction": "jurisdiction",
        "clean": "no problems",
        "skipped": "skipped: no policy text",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "line": "Line",
        "severity": "Severity",
        "rule": "Rule",
        "message": "Message",
        "count": "Count",
        "title": "Title",
        "report": "policylint report",
        "statistics": "Statistics per rule",
        "unreadable": "unreadable",
    },
}


def label(key: str, lang: str) -> str:
    """A fixed word of the reports (``"law"`` → "Закон" / "Заң" / "Law")."""
    return _LABELS[lang][key]


def _ru_plural(count: int, one: str, few: str, many: str) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return one
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return few
    return many


def summary_line(summary: Summary, lang: str) -> str:
    """ "3 ошибки, 1 предупреждение, 0 замечаний в 2 файлах" in ``lang``."""
    s = summary
    if lang == "ru":
        text = (
            f"{s.errors} {_ru_plural(s.errors, 'ошибка', 'ошибки', 'ошибок')}, "
            f"{s.warnings} "
            f"{_ru_plural(s.warnings, 'предупреждение', 'предупреждения', 'предупреждений')}, "
            f"{s.infos} {_ru_plural(s.infos, 'замечание', 'замечания', 'замечаний')} "
            f"в {s.files} {_ru_plural(s.files, 'файле', 'файлах', 'файлах')}"
        )
        extras = [("не удалось прочитать", s.unreadable), ("пропущено", s.skipped)]
    elif lang == "kk":
        text = f"{s.files} файлда: {s.errors} қате, {s.warnings} ескерту, {s.infos} ақпарат"
        extras = [("оқылмады", s.unreadable), ("өткізілді", s.skipped)]
    else:
        text = (
            f"{s.errors} error{'s' * (s.errors != 1)}, "
            f"{s.warnings} warning{'s' * (s.warnings != 1)}, "
            f"{s.infos} info{'s' * (s.infos != 1)} "
            f"in {s.files} file{'s' * (s.files != 1)}"
        )
        extras = [("unreadable", s.unreadable), ("skipped", s.skipped)]
    return text + "".join(f"; {word}: {n}" for word, n in extras if n)


# ----------------------------------------------------------------------- resolution


def display_path(path: str, root: Path | None) -> str:
    """``path`` relative to ``root`` with ``/`` separators (absolute if outside
    ``root``); URLs and ``-`` are returned as given, and every path without ``root``."""
    if root is None or path == "-" or "://" in path:
        return path
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return absolute.as_posix()


def excerpt(doc: Document, span: Span, width: int = EXCERPT_WIDTH) -> str:
    """The clause containing ``span`` as one line with whitespace collapsed, trimmed
    to about ``width`` characters around the span with «…»."""
    text = doc.text
    clause = doc.clause_at(span.start)
    if clause is not None:
        start, end = min(clause.span.start, span.start), max(clause.span.end, span.end)
    else:
        start, end = max(0, span.start - width), min(len(text), span.end + width)
    pieces: list[str] = []
    for piece in (text[start : span.start], text[span.start : span.end], text[span.end : end]):
        piece = _WHITESPACE.sub(" ", piece)
        if piece.startswith(" ") and "".join(pieces).endswith(" "):
            piece = piece[1:]
        pieces.append(piece)
    joined = "".join(pieces)
    line = joined.strip()
    lead = len(joined) - len(joined.lstrip())
    focus_start = min(max(len(pieces[0]) - lead, 0), len(line))
    focus_end = min(max(len(pieces[0]) + len(pieces[1]) - lead, focus_start), len(line))
    return _trim(line, focus_start, focus_end, width)


def _trim(line: str, focus_start: int, focus_end: int, width: int) -> str:
    """``line`` cut to ``width`` characters around ``[focus_start, focus_end)``."""
    if len(line) <= width:
        return line
    if focus_end - focus_start >= width:
        low, high = focus_start, focus_start + width
    else:
        low = max(0, focus_start - (width - (focus_end - focus_start)) // 2)
        high = min(len(line), low + width)
        low = max(0, high - width)
    if low > 0:
        space = line.find(" ", low, min(focus_start, low + _WORD_SLACK))
        low = space + 1 if space != -1 else low
    if high < len(line):
        space = line.rfind(" ", max(focus_end, high - _WORD_SLACK), high)
        high = space if space != -1 else high
    return "…" * (low > 0) + line[low:high].strip() + "…" * (high < len(line))


def _place(doc: Document | None, offset: int, span: Span) -> Place:
    if doc is None:
        return Place(1, 1, "")
    where: Location = doc.locate(offset)
    return Place(where.line, where.column, excerpt(doc, span), where.label, doc.norm.source_offset(offset))


def _file_place(doc: Document, span: tuple[int, int]) -> Place:
    """A place given by offsets in the original file (an inline comment)."""
    where = doc.source.locate_original(span[0])
    text = doc.source.file_text[span[0] : span[1]]
    return Place(where.line, where.column, _WHITESPACE.sub(" ", text).strip(), None, 0)


def _rule_text(
    rule: Rule | None, name: str, lang: str, params: dict[str, str] | None = None
) -> str:
    return rule.text(name, lang, params) if rule is not None else ""


def prepare(
    results: Iterable[FileResult], catalog: dict[str, Rule], lang: str, root: Path | None
) -> list[FileView]:
    """Resolve every finding of ``results``; items sorted by line, column, rule."""
    views: list[FileView] = []
    for result in results:
        doc = result.document
        items: list[Item] = []
        for finding in result.findings:
            rule = catalog.get(finding.rule)
            end = doc.locate(finding.span.end) if doc is not None else Location(1, 1)
            start = _place(doc, finding.span.start, finding.span)
            if finding.file_span is not None and doc is not None:
                start, end = _file_place(doc, finding.file_span), doc.source.locate_original(finding.file_span[1])
            items.append(
                Item(
                    rule=finding.rule,
                    severity=finding.severity,
                    title=_rule_text(rule, "title", lang),
                    message=_rule_text(rule, "message", lang, finding.params) or finding.rule,
                    law=_rule_text(rule, "law", lang),
                    fix=finding.fix or _rule_text(rule, "fix", lang) or None,
                    start=start,
                    end_line=end.line,
                    end_column=end.column,
                    related=[_place(doc, span.start, span) for span in finding.related],
                    end_offset=doc.norm.source_offset(finding.span.end) if doc is not None else 0,
                )
            )
        items.sort(key=lambda item: (item.start.line, item.start.column, item.rule))
        views.append(
            FileView(
                path=display_path(result.path, root),
                languages=doc.languages if doc is not None else [],
                jurisdiction=result.jurisdiction,
                items=items,
                skipped=result.skipped,
                error=result.error,
            )
        )
    return views


def prepare_one(
    result: FileResult, *, catalog: dict[str, Rule], lang: str, root: Path | None
) -> FileView:
    """One result resolved for output (what batch workers send back)."""
    return prepare([result], catalog, lang, root)[0]


def fingerprint(rule: str, excerpt: str) -> str:
    """Hash of the rule id and the excerpt with case, punctuation and spacing ignored:
    the same for the same clause wherever it moves in the file (SARIF
    ``partialFingerprints``, baselines, audit history)."""
    normalised = " ".join(_NON_WORD.sub(" ", excerpt.casefold()).split())
    return hashlib.sha256(f"{rule}\0{normalised}".encode()).hexdigest()[:32]


def file_details(view: FileView, lang: str) -> list[str]:
    """«languages: kk, ru», «jurisdiction: KZ» — what a report says under a file's name."""
    details = []
    if view.languages:
        details.append(f"{label('languages', lang)}: {', '.join(view.languages)}")
    if view.jurisdiction:
        details.append(f"{label('jurisdiction', lang)}: {view.jurisdiction}")
    return details


def summarize(files: list[FileView]) -> Summary:
    summary = Summary(files=len(files))
    for view in files:
        summary.unreadable += view.error is not None
        summary.skipped += view.skipped is not None
        for item in view.items:
            if item.severity == "error":
                summary.errors += 1
            elif item.severity == "warning":
                summary.warnings += 1
            else:
                summary.infos += 1
    return summary


def statistics(files: list[FileView]) -> list[Stat]:
    """Findings counted per rule, most frequent first (then by rule id)."""
    stats: dict[str, Stat] = {}
    for view in files:
        for item in view.items:
            stat = stats.setdefault(item.rule, Stat(item.rule, item.severity, 0, item.title))
            stat.count += 1
            if SEVERITY_RANK[item.severity] > SEVERITY_RANK[stat.severity]:
                stat.severity = item.severity
    return sorted(stats.values(), key=lambda s: (-s.count, s.rule))
