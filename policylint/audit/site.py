"""The audit's reports for people and scripts: ``index.html`` (summary, charts, the table
of sites), ``docs/<id>.html`` (a policy with its findings highlighted), ``findings.csv``
and ``summary.json``.

Every page is one self-contained file (CSS and JS from ``assets/`` inlined, charts as
inline SVG drawn here), so the report can be mailed, archived or opened offline, and a
strict Content-Security-Policy forbids it to load anything. Everything that comes from
a policy or a site (text, paths, excerpts, messages, error messages) is HTML-escaped and
only ever placed in element text or quoted attributes; no audited data is put into a
script. Skipped and unreadable documents get no page of their own: their row in the
index says why.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from policylint.audit.sources import is_url
from policylint.model import SEVERITY_RANK
from policylint.report.common import label

SEVERITIES = ("error", "warning", "info")
STATUSES = ("ok", "skipped", "error")
CSV_COLUMNS = ("source", "site", "path", "rule", "severity", "title", "line", "column",
               "location", "message", "law", "excerpt", "fix", "state")
_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'")
#: The worst sites shown in the chart.
_WORST_SITES = 10
#: Rules shown in the chart of changes (the most changed first).
_CHANGED_RULES = 15
#: Cells a spreadsheet would run as a formula if they started with these characters.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Words of these reports that policylint/report/common.py has no label for.
_TEXT: dict[str, dict[str, str]] = {
    "ru": {
        "audit": "Аудит политик конфиденциальности",
        "summary": "Сводка",
        "documents": "Документы",
        "findings": "Выявленные проблемы",
        "total": "Всего",
        "status-ok": "проверен",
        "status-skipped": "пропущен",
        "status-error": "ошибка чтения",
        "no-policy": "нет текста политики",
        "errors": "Ошибки",
        "warnings": "Предупреждения",
        "infos": "Замечания",
        "site": "Сайт",
        "path": "Документ",
        "status": "Статус",
        "new": "Новые",
        "fixed": "Исправлено",
        "new-badge": "новое",
        "since": "с прошлого аудита",
        "no-previous": "Предыдущего аудита нет — сравнивать не с чем.",
        "filter": "Фильтр: сайт, путь, статус…",
        "any-severity": "любой уровень",
        "any-status": "любой статус",
        "changed-only": "изменились с прошлого аудита",
        "shown": "Показано {shown} из {total}",
        "by-rule": "Проблемы по правилам",
        "by-severity": "Проблемы по уровню",
        "worst": "Сайты с наибольшим числом проблем (первые 10)",
        "changes": "Изменения с прошлого аудита по правилам",
        "no-changes": "С прошлого аудита ничего не изменилось.",
        "sites": "Сайты и документы",
        "back": "← Сводка аудита",
        "text": "Текст политики",
        "no-text": "Текст документа недоступен.",
        "list": "Все проблемы документа",
        "panel": "Пояснение",
        "panel-hint": "Нажмите на выделенный фрагмент текста, чтобы увидеть пояснение.",
        "fixed-list": "Исправлено с прошлого аудита",
        "started": "Начат",
        "finished": "Завершён",
        "version": "Версия",
        "previous": "Предыдущий аудит",
        "jobs": "Процессов",
        "excerpt": "Фрагмент",
        "source": "Источник",
        "state-first_run": "первый аудит",
        "state-new_source": "новый источник",
        "state-changed": "изменился",
        "state-unchanged": "без изменений",
    },
    "kk": {
        "audit": "Құпиялылық саясаттарының аудиті",
        "summary": "Қорытынды",
        "documents": "Құжаттар",
        "findings": "Анықталған мәселелер",
        "total": "Барлығы",
        "status-ok": "тексерілді",
        "status-skipped": "өткізілді",
        "status-error": "оқу қатесі",
        "no-policy": "саясат мәтіні жоқ",
        "errors": "Қателер",
        "warnings": "Ескертулер",
        "infos": "Ақпарат",
        "site": "Сайт",
        "path": "Құжат",
        "status": "Күйі",
        "new": "Жаңа",
        "fixed": "Түзетілді",
        "new-badge": "жаңа",
        "since": "өткен аудиттен бері",
        "no-previous": "Алдыңғы аудит жоқ — салыстыратын ештеңе жоқ.",
        "filter": "Сүзгі: сайт, жол, күйі…",
        "any-severity": "кез келген деңгей",
        "any-status": "кез келген күй",
        "changed-only": "өткен аудиттен бері өзгергендер",
        "shown": "{total} ішінен {shown} көрсетілді",
        "by-rule": "Ережелер бойынша мәселелер",
        "by-severity": "Деңгейі бойынша мәселелер",
        "worst": "Мәселесі ең көп сайттар (алғашқы 10)",
        "changes": "Өткен аудиттен бергі өзгерістер (ережелер бойынша)",
        "no-changes": "Өткен аудиттен бері ештеңе өзгерген жоқ.",
        "sites": "Сайттар мен құжаттар",
        "back": "← Аудит қорытындысы",
        "text": "Саясат мәтіні",
        "no-text": "Құжат мәтіні қолжетімсіз.",
        "list": "Құжаттағы барлық мәселелер",
        "panel": "Түсініктеме",
        "panel-hint": "Түсініктемені көру үшін мәтіннің белгіленген үзіндісін басыңыз.",
        "fixed-list": "Өткен аудиттен бері түзетілгендер",
        "started": "Басталды",
        "finished": "Аяқталды",
        "version": "Нұсқа",
        "previous": "Алдыңғы аудит",
        "jobs": "Процестер",
        "excerpt": "Үзінді",
        "source": "Дереккөз",
        "state-first_run": "алғашқы аудит",
        "state-new_source": "жаңа дереккөз",
        "state-changed": "өзгерді",
        "state-unchanged": "өзгеріссіз",
    },
    "en": {
        "audit": "Privacy policy audit",
        "summary": "Summary",
        "documents": "Documents",
        "findings": "Findings",
        "total": "Total",
        "status-ok": "checked",
        "status-skipped": "skipped",
        "status-error": "read error",
        "no-policy": "no policy text",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Infos",
        "site": "Site",
        "path": "Document",
        "status": "Status",
        "new": "New",
        "fixed": "Fixed",
        "new-badge": "new",
        "since": "since the last run",
        "no-previous": "No earlier run to compare with.",
        "filter": "Filter: site, path, status…",
        "any-severity": "any severity",
        "any-status": "any status",
        "changed-only": "changed since the last run",
        "shown": "Showing {shown} of {total}",
        "by-rule": "Findings by rule",
        "by-severity": "Findings by severity",
        "worst": "Worst sites (top 10)",
        "changes": "Changes since the last run, by rule",
        "no-changes": "Nothing changed since the last run.",
        "sites": "Sites and documents",
        "back": "← Audit summary",
        "text": "Policy text",
        "no-text": "The document's text is not available.",
        "list": "All findings in this document",
        "panel": "Explanation",
        "panel-hint": "Click a highlighted passage of the text to see the explanation.",
        "fixed-list": "Fixed since the last run",
        "started": "Started",
        "finished": "Finished",
        "version": "Version",
        "previous": "Previous run",
        "jobs": "Jobs",
        "excerpt": "Excerpt",
        "source": "Source",
        "state-first_run": "first run",
        "state-new_source": "new source",
        "state-changed": "changed",
        "state-unchanged": "unchanged",
    },
}


def _text(key: str, lang: str) -> str:
    return _TEXT[lang][key]


def _e(value: Any) -> str:
    """``value`` as HTML text or a quoted attribute value (``None`` → empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a change object, which may be a dataclass or a plain dict."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


@cache
def _asset(name: str) -> str:
    return (resources.files("policylint.audit") / "assets" / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ model


@dataclass
class _Finding:
    """A finding of a record with what the pages add: its number on the page (for
    anchors) and whether it is new since the last run ("new", "unchanged", or "" when
    there is nothing to compare with)."""

    number: int
    data: Mapping[str, Any]
    state: str

    @property
    def severity(self) -> str:
        severity = self.data.get("severity")
        return severity if severity in SEVERITY_RANK else "info"

    def span(self, size: int) -> tuple[int, int] | None:
        """``[start, end)`` clamped into a text of ``size`` characters, None if unknown."""
        start, end = self.data.get("start"), self.data.get("end")
        if not isinstance(start, int):
            return None
        start = min(max(start, 0), size)
        end = min(max(end if isinstance(end, int) else start, start), size)
        return start, end


@dataclass
class _Row:
    """One record, digested once for every output."""

    record: Mapping[str, Any]
    page: str | None
    findings: list[_Finding]
    counts: Counter[str]
    state: str
    new: int
    fixed: list[Mapping[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> str:
        return str(self.record.get("status") or "error")

    @property
    def changed(self) -> bool:
        return self.state == "new_source" or bool(self.new or self.fixed)


def _page_name(record: Mapping[str, Any]) -> str:
    """``<id>.html``; an id that is not a plain token is replaced by a hash so that no
    record can name a file outside ``docs/``."""
    ident = str(record.get("id") or "")
    if not ident or not all(c.isascii() and (c.isalnum() or c in "-_") for c in ident):
        ident = hashlib.sha1(str(record.get("source")).encode("utf-8")).hexdigest()[:12]
    return f"{ident}.html"


def _states(findings: list[Mapping[str, Any]], change: Any) -> list[str]:
    state = _attr(change, "state") if change is not None else None
    if state in (None, "first_run"):
        return [""] * len(findings)
    if state == "new_source":
        return ["new"] * len(findings)
    new = {_attr(item, "fingerprint") for item in _attr(change, "new") or ()}
    return ["new" if item.get("fingerprint") in new else "unchanged" for item in findings]


def _rows(records: list[dict], changes: dict[str, Any] | None) -> list[_Row]:
    rows = []
    for record in records:
        findings = list(record.get("findings") or ())
        change = changes.get(str(record.get("source"))) if changes else None
        states = _states(findings, change)
        items = [_Finding(number, data, state)
                 for number, (data, state) in enumerate(zip(findings, states, strict=True))]
        items.sort(key=lambda f: (f.data.get("line") or 0, f.data.get("column") or 0))
        state = str(_attr(change, "state") or "") if change is not None else ""
        rows.append(_Row(
            record=record,
            page=f"docs/{_page_name(record)}" if record.get("status") == "ok" else None,
            findings=items,
            counts=Counter(f.severity for f in items),
            state=state,
            new=states.count("new"),
            fixed=list(_attr(change, "fixed") or ()) if state != "first_run" else [],
        ))
    rows.sort(key=lambda r: (*(-r.counts[s] for s in SEVERITIES), str(r.record.get("site")),
                             str(r.record.get("path"))))
    return rows


# ------------------------------------------------------------------------------ pages


def _page(title: str, lang: str, body: str, script: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_asset('site.css')}</style>\n</head>\n"
        f"<body>\n{body}\n<script>\n{_asset(script)}</script>\n</body>\n</html>\n"
    )


def _severity_badge(severity: str, lang: str) -> str:
    return f'<span class="badge sev-{severity}">{_e(label(severity, lang))}</span>'


def _card(value: Any, name: str, css: str = "") -> str:
    return (f'<div class="card {css}"><span class="value">{_e(value)}</span>'
            f'<span class="name">{_e(name)}</span></div>')


def _meta(parts: Iterable[str]) -> str:
    return '<p class="meta">' + "".join(f"<span>{part}</span>" for part in parts if part) + "</p>"


def _external_link(source: Any) -> str:
    """A link to an audited URL (only http/https: nothing else may become an href)."""
    if isinstance(source, str) and is_url(source):
        return f'<a href="{_e(source)}" rel="noopener noreferrer" target="_blank">{_e(source)}</a>'
    return _e(source)


# ------------------------------------------------------------------------------ charts


class _Part(NamedTuple):
    value: int
    css: str
    tooltip: str


class _Bar(NamedTuple):
    label: str
    parts: list[_Part]


class _Frame(NamedTuple):
    """A chart's geometry in SVG units: the whole width, the room for the labels and
    how many characters of a label fit there (the rest is cut, the full label is the
    tooltip)."""

    width: int
    label_width: int
    label_chars: int


#: Charts that share a row with others, and the one that spans the page.
_NARROW = _Frame(400, 140, 18)
_WIDE = _Frame(1000, 440, 58)
_ROW_HEIGHT = 22
_BAR_HEIGHT = 14


def _svg(frame: _Frame, caption: str, rows: int, content: list[str]) -> str:
    height = rows * _ROW_HEIGHT + 8
    return (f'<svg class="chart" viewBox="0 0 {frame.width} {height}" role="img" '
            f'aria-label="{_e(caption)}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{_e(caption)}</title>{''.join(content)}</svg>")


def _bar_label(frame: _Frame, y: int, text: str) -> str:
    short = text if len(text) <= frame.label_chars else text[: frame.label_chars - 1] + "…"
    return (f'<text x="{frame.label_width - 8}" y="{y + _BAR_HEIGHT - 3}" text-anchor="end">'
            f"{_e(short)}<title>{_e(text)}</title></text>")


def _rect(x: float, y: int, width: float, part: _Part) -> str:
    return (f'<rect class="{part.css}" x="{x:.1f}" y="{y}" width="{width:.1f}" '
            f'height="{_BAR_HEIGHT}"><title>{_e(part.tooltip)}</title></rect>')


def _value(x: float, y: int, text: str, anchor: str = "start") -> str:
    return f'<text x="{x:.1f}" y="{y + _BAR_HEIGHT - 3}" text-anchor="{anchor}">{_e(text)}</text>'


def _bar_chart(frame: _Frame, caption: str, bars: list[_Bar], empty: str) -> str:
    """Horizontal bars, each stacked from its parts, scaled to the longest."""
    longest = max((sum(p.value for p in bar.parts) for bar in bars), default=0)
    if not longest:
        return f'<p class="muted">{_e(empty)}</p>'
    room = frame.width - frame.label_width - 50
    content = []
    for row, bar in enumerate(bars):
        y = 4 + row * _ROW_HEIGHT
        content.append(_bar_label(frame, y, bar.label))
        x = float(frame.label_width)
        for part in bar.parts:
            width = part.value / longest * room
            if part.value:
                content.append(_rect(x, y, width, part))
            x += width
        content.append(_value(x + 5, y, str(sum(p.value for p in bar.parts))))
    return _svg(frame, caption, len(bars), content)


def _change_chart(frame: _Frame, caption: str, rows: list[tuple[str, int, int]], empty: str) -> str:
    """Fixed findings to the left of an axis, new ones to the right, per label."""
    longest = max((max(new, fixed) for _, new, fixed in rows), default=0)
    if not longest:
        return f'<p class="muted">{_e(empty)}</p>'
    half = (frame.width - frame.label_width - 70) / 2
    axis = frame.label_width + 35 + half
    content = []
    for row, (name, new, fixed) in enumerate(rows):
        y = 4 + row * _ROW_HEIGHT
        content.append(_bar_label(frame, y, name))
        fixed_width, new_width = fixed / longest * half, new / longest * half
        if fixed:
            content.append(_rect(axis - fixed_width, y, fixed_width, _Part(fixed, "bar-fixed", f"−{fixed}")))
            content.append(_value(axis - fixed_width - 5, y, f"−{fixed}", "end"))
        if new:
            content.append(_rect(axis, y, new_width, _Part(new, "bar-new", f"+{new}")))
            content.append(_value(axis + new_width + 5, y, f"+{new}"))
    height = len(rows) * _ROW_HEIGHT + 8
    content.append(f'<line class="axis" x1="{axis:.1f}" x2="{axis:.1f}" y1="0" y2="{height}"/>')
    return _svg(frame, caption, len(rows), content)


def _rule_bars(rows: list[_Row]) -> list[_Bar]:
    """A bar per rule that found something, the most frequent first, coloured by the
    rule's highest severity."""
    counts: Counter[str] = Counter()
    severity_of: dict[str, str] = {}
    titles: dict[str, str] = {}
    for row in rows:
        for finding in row.findings:
            rule = str(finding.data.get("rule"))
            counts[rule] += 1
            titles.setdefault(rule, str(finding.data.get("title") or ""))
            if SEVERITY_RANK[finding.severity] > SEVERITY_RANK.get(severity_of.get(rule, ""), 0):
                severity_of[rule] = finding.severity
    bars = []
    for rule, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        name = f"{rule} · {titles[rule]}" if titles[rule] else rule
        bars.append(_Bar(name, [_Part(count, f"sev-{severity_of[rule]}", f"{name}: {count}")]))
    return bars


def _severity_totals(rows: list[_Row]) -> Counter[str]:
    totals: Counter[str] = Counter()
    for row in rows:
        totals.update(row.counts)
    return totals


def _severity_bars(rows: list[_Row], lang: str) -> list[_Bar]:
    totals = _severity_totals(rows)
    return [_Bar(label(s, lang), [_Part(totals[s], f"sev-{s}", f"{label(s, lang)}: {totals[s]}")])
            for s in SEVERITIES]


def _worst_site_bars(rows: list[_Row], lang: str) -> list[_Bar]:
    """The sites with the most errors (then warnings, infos), stacked by severity."""
    sites: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        sites[str(row.record.get("site"))].update(row.counts)
    worst = sorted((kv for kv in sites.items() if sum(kv[1].values())),
                   key=lambda kv: (*(-kv[1][s] for s in SEVERITIES), kv[0]))[:_WORST_SITES]
    return [_Bar(site, [_Part(counts[s], f"sev-{s}", f"{site} — {label(s, lang)}: {counts[s]}")
                        for s in SEVERITIES])
            for site, counts in worst]


def _charts(rows: list[_Row], comparing: bool, lang: str) -> str:
    clean = label("clean", lang)
    if comparing:
        legend = (f'<p class="legend"><i class="fixed"></i>{_e(_text("fixed", lang))}'
                  f'<i class="new"></i>{_e(_text("new", lang))}</p>')
        changes = _change_chart(_NARROW, _text("changes", lang), _rule_changes(rows),
                                _text("no-changes", lang)) + legend
    else:
        changes = f'<p class="muted">{_e(_text("no-previous", lang))}</p>'
    boxes = [
        ("by-severity", "", _bar_chart(_NARROW, _text("by-severity", lang), _severity_bars(rows, lang), clean)),
        ("worst", "", _bar_chart(_NARROW, _text("worst", lang), _worst_site_bars(rows, lang), clean)),
        ("changes", "", changes),
        ("by-rule", "wide", _bar_chart(_WIDE, _text("by-rule", lang), _rule_bars(rows), clean)),
    ]
    return '<div class="charts">' + "".join(
        f'<section class="chart-box {css}" id="chart-{key}"><h3>{_e(_text(key, lang))}</h3>{chart}</section>'
        for key, css, chart in boxes
    ) + "</div>"


def _rule_changes(rows: list[_Row]) -> list[tuple[str, int, int]]:
    """(rule, new, fixed) for the most changed rules."""
    new: Counter[str] = Counter()
    fixed: Counter[str] = Counter()
    for row in rows:
        new.update(str(f.data.get("rule")) for f in row.findings if f.state == "new")
        fixed.update(str(_attr(item, "rule")) for item in row.fixed)
    rules = sorted(set(new) | set(fixed), key=lambda r: (-(new[r] + fixed[r]), r))
    return [(rule, new[rule], fixed[rule]) for rule in rules[:_CHANGED_RULES]]


# ------------------------------------------------------------------------------ index


def _status_cell(row: _Row, lang: str) -> str:
    record, status = row.record, row.status
    reason = ""
    if status == "error":
        error = record.get("error")
        reason = f"{_attr(error, 'code') or ''}: {_attr(error, 'message') or ''}".strip(": ")
    elif status == "skipped":
        skipped = record.get("skipped")
        reason = _text("no-policy", lang) if skipped == "no policy text" else str(skipped or "")
    name = _text(f"status-{status}", lang) if status in STATUSES else status
    extra = f'<span class="reason">{_e(reason)}</span>' if reason else ""
    return f'<td class="status status-{_e(status)}" data-sort="{_e(status)}">{_e(name)}{extra}</td>'


def _num_cell(value: int, css: str) -> str:
    return f'<td class="num {css}" data-sort="{value}">{value}</td>'


def _index_row(row: _Row, comparing: bool, lang: str) -> str:
    record = row.record
    path = _e(record.get("path"))
    path_html = f'<a href="{_e(row.page)}">{path}</a>' if row.page else path
    cells = [
        f"<td>{_e(record.get('site'))}</td>",
        f'<td class="path">{path_html}</td>',
        _status_cell(row, lang),
        f"<td>{_e(', '.join(record.get('languages') or ()))}</td>",
        *(_num_cell(row.counts[s], f"sev-{s}") for s in SEVERITIES),
    ]
    if comparing:
        cells += [_num_cell(row.new, "new"), _num_cell(len(row.fixed), "fixed")]
    severities = " ".join(s for s in SEVERITIES if row.counts[s])
    return (f'<tr data-status="{_e(row.status)}" data-severities="{severities}" '
            f'data-changed="{int(row.changed)}">{"".join(cells)}</tr>')


def _sites_table(rows: list[_Row], comparing: bool, lang: str) -> str:
    texts = [_text(key, lang) for key in ("site", "path", "status")] + [label("languages", lang).capitalize()]
    numbers = [_text(key, lang) for key in ("errors", "warnings", "infos")]
    if comparing:
        numbers += [_text("new", lang), _text("fixed", lang)]
    head = "".join(f'<th data-type="text" scope="col">{_e(name)}</th>' for name in texts) + "".join(
        f'<th data-type="number" class="num" scope="col">{_e(name)}</th>' for name in numbers
    )
    severity_options = "".join(f'<option value="{s}">{_e(label(s, lang))}</option>' for s in SEVERITIES)
    status_options = "".join(
        f'<option value="{s}">{_e(_text(f"status-{s}", lang))}</option>' for s in STATUSES
    )
    if comparing:
        status_options += f'<option value="changed">{_e(_text("changed-only", lang))}</option>'
    controls = (
        '<div class="controls" id="controls" hidden>'
        f'<input id="filter-text" type="search" placeholder="{_e(_text("filter", lang))}" '
        f'aria-label="{_e(_text("filter", lang))}">'
        f'<select id="filter-severity" aria-label="{_e(label("severity", lang))}">'
        f'<option value="">{_e(_text("any-severity", lang))}</option>{severity_options}</select>'
        f'<select id="filter-status" aria-label="{_e(_text("status", lang))}">'
        f'<option value="">{_e(_text("any-status", lang))}</option>{status_options}</select>'
        f'<span id="shown" class="muted" aria-live="polite" '
        f'data-template="{_e(_text("shown", lang))}"></span></div>'
    )
    body = "\n".join(_index_row(row, comparing, lang) for row in rows)
    return (f'{controls}<div class="table-wrap"><table id="sites"><thead><tr>{head}</tr></thead>'
            f"<tbody>\n{body}\n</tbody></table></div>")


def _cards(rows: list[_Row], comparing: bool, lang: str) -> str:
    statuses = Counter(row.status for row in rows)
    severities = _severity_totals(rows)
    cards = [_card(len(rows), _text("documents", lang))]
    cards += [_card(statuses[s], _text(f"status-{s}", lang), f"status-{s}") for s in STATUSES]
    cards += [_card(severities[s], _text(key, lang), f"sev-{s}")
              for s, key in zip(SEVERITIES, ("errors", "warnings", "infos"), strict=True)]
    if comparing:
        since = _text("since", lang)
        cards.append(_card(sum(row.new for row in rows), f"{_text('new', lang)} {since}", "new"))
        cards.append(_card(sum(len(row.fixed) for row in rows), f"{_text('fixed', lang)} {since}", "fixed"))
    return '<div class="cards" id="cards">' + "".join(cards) + "</div>"


def _run_meta(run: Mapping[str, Any], lang: str) -> str:
    fields = [("started", "started_at"), ("finished", "finished_at"),
              ("previous", "previous_run_started_at"), ("jobs", "jobs"), ("version", "tool_version")]
    return _meta(f"{_e(_text(name, lang))}: {_e(run[key])}"
                 for name, key in fields if run.get(key) is not None)


def _index_page(rows: list[_Row], comparing: bool, run: Mapping[str, Any], lang: str) -> str:
    title = _text("audit", lang)
    body = (
        f"<header><h1>{_e(title)}</h1>{_run_meta(run, lang)}</header>\n<main>\n"
        f"<h2>{_e(_text('summary', lang))}</h2>{_cards(rows, comparing, lang)}\n"
        f"{_charts(rows, comparing, lang)}\n"
        f"<h2>{_e(_text('sites', lang))}</h2>{_sites_table(rows, comparing, lang)}\n</main>"
        f"<footer>policylint {_e(run.get('tool_version'))}</footer>"
    )
    return _page(title, lang, body, "index.js")


# ----------------------------------------------------------------------- document pages


def _highlight(text: str, findings: list[_Finding]) -> str:
    """``text`` escaped, with every stretch covered by findings in one ``<mark>`` that
    names all of them (``data-f``): overlapping and nested findings split the text into
    segments. A finding of no length (an omission) is a flag at its place. Each finding
    gets an anchor ``m-<n>`` where it starts."""
    size = len(text)
    starts: dict[int, list[_Finding]] = defaultdict(list)
    ends: dict[int, list[_Finding]] = defaultdict(list)
    points: dict[int, list[_Finding]] = defaultdict(list)
    for finding in findings:
        span = finding.span(size)
        if span is None:
            continue
        start, end = span
        (points[start] if start == end else starts[start]).append(finding)
        if start != end:
            ends[end].append(finding)
    cuts = sorted({0, size, *starts, *ends, *points})
    active: dict[int, _Finding] = {}
    out: list[str] = []
    for position, following in zip(cuts, [*cuts[1:], None], strict=True):
        for finding in ends.get(position, ()):
            del active[finding.number]
        for finding in points.get(position, ()):
            out.append(f'<span class="anchor" id="m-{finding.number}"></span>')
            out.append(_mark([finding], "", "point"))
        for finding in starts.get(position, ()):
            active[finding.number] = finding
            out.append(f'<span class="anchor" id="m-{finding.number}"></span>')
        if following is None:
            break
        piece = _e(text[position:following])
        out.append(_mark(list(active.values()), piece) if active else piece)
    return "".join(out)


def _mark(findings: list[_Finding], content: str, extra: str = "") -> str:
    worst = max((f.severity for f in findings), key=SEVERITY_RANK.__getitem__)
    classes = [f"sev-{worst}", extra, "multi" if len(findings) > 1 else "",
               "new" if any(f.state == "new" for f in findings) else ""]
    tip = "; ".join(f"{f.data.get('rule')}: {f.data.get('title') or f.data.get('message') or ''}"
                    for f in findings)
    numbers = " ".join(str(f.number) for f in findings)
    return (f'<mark class="{" ".join(c for c in classes if c)}" data-f="{numbers}" tabindex="0" '
            f'role="button" title="{_e(tip)}">{content}</mark>')


def _details(rows: Iterable[tuple[str, Any]]) -> str:
    return "<dl>" + "".join(f"<dt>{_e(name)}</dt><dd>{value}</dd>" for name, value in rows if value) + "</dl>"


def _where(data: Mapping[str, Any], lang: str) -> str:
    where = f"{label('line', lang)} {_e(data.get('line'))}:{_e(data.get('column'))}"
    if data.get("location"):
        where += f" ({_e(data.get('location'))})"
    return where


def _finding_item(finding: _Finding, linked: bool, lang: str) -> str:
    data = finding.data
    where = _where(data, lang)
    if linked:
        where = f'<a href="#m-{finding.number}">{where}</a>'
    new = f'<span class="badge new">{_e(_text("new-badge", lang))}</span>' if finding.state == "new" else ""
    related = "<br>".join(
        f"{_where(place, lang)}: <q>{_e(place.get('excerpt'))}</q>" for place in data.get("related") or ()
    )
    details = _details([
        (label("law", lang), _e(data.get("law"))),
        (label("fix", lang), _e(data.get("fix"))),
        (_text("excerpt", lang), f"<q>{_e(data.get('excerpt'))}</q>" if data.get("excerpt") else ""),
        (label("related", lang), related),
    ])
    return (
        f'<li class="finding sev-{finding.severity}" id="d-{finding.number}" data-state="{finding.state}">'
        f'<div class="head">{_severity_badge(finding.severity, lang)} <code>{_e(data.get("rule"))}</code> '
        f'<strong>{_e(data.get("title"))}</strong> {new} <span class="where">{where}</span></div>'
        f'<p class="message">{_e(data.get("message"))}</p>{details}</li>'
    )


def _fixed_item(item: Any, lang: str) -> str:
    severity = _attr(item, "severity")
    severity = severity if severity in SEVERITY_RANK else "info"
    excerpt = _attr(item, "excerpt")
    return (
        f'<li class="finding"><div class="head">{_severity_badge(severity, lang)} '
        f'<code>{_e(_attr(item, "rule"))}</code></div>'
        f'<p class="message">{_e(_attr(item, "message"))}</p>'
        + _details([(_text("excerpt", lang), f"<q>{_e(excerpt)}</q>" if excerpt else "")])
        + "</li>"
    )


def _doc_page(row: _Row, lang: str) -> str:
    record = row.record
    text = record.get("text")
    counts = ", ".join(f"{_e(label(s, lang))}: {row.counts[s]}" for s in SEVERITIES)
    parts = [
        f"{_e(_text('site', lang))}: {_e(record.get('site'))}",
        f"{_e(_text('source', lang))}: {_external_link(record.get('source'))}",
        counts,
        f"{_e(label('languages', lang))}: {_e(', '.join(record.get('languages') or ()))}"
        if record.get("languages") else "",
        f"{_e(label('jurisdiction', lang))}: {_e(record.get('jurisdiction'))}"
        if record.get("jurisdiction") else "",
        _e(_text(f"state-{row.state}", lang)) if f"state-{row.state}" in _TEXT[lang] else "",
    ]
    if isinstance(text, str):
        policy = f'<pre class="policy" id="text">{_highlight(text, row.findings)}</pre>'
        marked = {f.number for f in row.findings if f.span(len(text)) is not None}
    else:
        policy = f'<p class="muted">{_e(_text("no-text", lang))}</p>'
        marked = set()
    findings = "".join(_finding_item(f, f.number in marked, lang) for f in row.findings)
    fixed = ""
    if row.fixed:
        fixed = (f'<h2>{_e(_text("fixed-list", lang))} ({len(row.fixed)})</h2>'
                 '<ul class="findings fixed-list">'
                 + "".join(_fixed_item(item, lang) for item in row.fixed) + "</ul>")
    panel = (f'<aside class="panel" id="panel" hidden aria-live="polite"><h3>{_e(_text("panel", lang))}</h3>'
             f'<ul class="findings" id="panel-list"><li class="muted">{_e(_text("panel-hint", lang))}</li>'
             "</ul></aside>")
    body = (
        f'<header><a href="../index.html">{_e(_text("back", lang))}</a>'
        f"<h1>{_e(record.get('path'))}</h1>{_meta(parts)}</header>\n<main>\n"
        f'<h2>{_e(_text("text", lang))}</h2><div class="layout">{policy}{panel}</div>\n'
        f'<h2>{_e(_text("list", lang))} ({len(row.findings)})</h2>'
        f'<ol class="findings" id="findings">{findings or "<li>" + _e(label("clean", lang)) + "</li>"}</ol>'
        f"{fixed}\n</main>"
    )
    return _page(f"{record.get('path')} — {_text('audit', lang)}", lang, body, "doc.js")


# ------------------------------------------------------------------------ CSV and JSON


def _csv_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _write_csv(path: Path, rows: list[_Row]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            record = row.record
            for finding in row.findings:
                data = finding.data
                values = {
                    "source": record.get("source"), "site": record.get("site"),
                    "path": record.get("path"), "severity": finding.severity, "state": finding.state,
                }
                writer.writerow(_csv_cell(values[c] if c in values else data.get(c)) for c in CSV_COLUMNS)


def _rule_totals(rows: list[_Row]) -> dict[str, dict[str, Any]]:
    """Per rule: its findings, the documents it found something in, new and fixed."""
    rules: dict[str, dict[str, Any]] = {}

    def entry(rule_id: Any, title: Any, severity: Any) -> dict[str, Any]:
        return rules.setdefault(str(rule_id), {"title": title, "severity": severity, "findings": 0,
                                               "documents": 0, "new": 0, "fixed": 0})

    for row in rows:
        for finding in row.findings:
            rule = entry(finding.data.get("rule"), finding.data.get("title"), finding.severity)
            rule["findings"] += 1
            rule["new"] += finding.state == "new"
        for rule_id in {str(f.data.get("rule")) for f in row.findings}:
            rules[rule_id]["documents"] += 1
        for item in row.fixed:
            entry(_attr(item, "rule"), _attr(item, "title"), _attr(item, "severity"))["fixed"] += 1
    return dict(sorted(rules.items()))


def _site_totals(rows: list[_Row]) -> dict[str, dict[str, Any]]:
    sites: dict[str, dict[str, Any]] = {}
    for row in rows:
        site = sites.setdefault(str(row.record.get("site")), {
            "documents": 0, "status": dict.fromkeys(STATUSES, 0),
            "findings": dict.fromkeys(SEVERITIES, 0), "new": 0, "fixed": 0,
        })
        site["documents"] += 1
        site["status"][row.status] = site["status"].get(row.status, 0) + 1
        for severity in SEVERITIES:
            site["findings"][severity] += row.counts[severity]
        site["new"] += row.new
        site["fixed"] += len(row.fixed)
    return dict(sorted(sites.items()))


def _summary(rows: list[_Row], comparing: bool, run: Mapping[str, Any]) -> dict[str, Any]:
    statuses = Counter(row.status for row in rows)
    severities = _severity_totals(rows)
    changes = {
        "previous_run_started_at": run.get("previous_run_started_at"),
        "new": sum(row.new for row in rows),
        "fixed": sum(len(row.fixed) for row in rows),
        "unchanged": sum(f.state == "unchanged" for row in rows for f in row.findings),
        "sources": dict(Counter(row.state or "unknown" for row in rows)),
    }
    return {
        "tool": "policylint",
        "run": dict(run),
        "documents": {"total": len(rows), **{s: statuses[s] for s in STATUSES}},
        "findings": {"total": sum(severities.values()), **{s: severities[s] for s in SEVERITIES}},
        "rules": _rule_totals(rows),
        "sites": _site_totals(rows),
        "changes": changes if comparing else None,
    }


# -------------------------------------------------------------------------------- API


def write_reports(out_dir: Path, records: list[dict], *, changes: dict[str, Any] | None,
                  run: dict, lang: str = "ru") -> None:
    """Write ``index.html``, ``docs/<id>.html`` (documents read and linted),
    ``findings.csv`` and ``summary.json`` into ``out_dir``.

    ``changes`` maps a record's ``source`` to what changed since the last run (a
    dataclass or a dict with ``state``, ``new``, ``fixed``, ``unchanged``); None when
    there is no earlier run. Findings are "new" when their fingerprint is among the
    change's ``new`` (all of a ``new_source``'s), "unchanged" otherwise, and carry no
    state on a first run.
    """
    if lang not in _TEXT:
        raise ValueError(f"unknown report language: {lang!r}")
    out_dir = Path(out_dir)
    docs = out_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    comparing = changes is not None
    rows = _rows(records, changes)
    for row in rows:
        if row.page is not None:
            (out_dir / row.page).write_text(_doc_page(row, lang), encoding="utf-8")
    _write_csv(out_dir / "findings.csv", rows)
    summary = _summary(rows, comparing, run)
    (out_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    (out_dir / "index.html").write_text(_index_page(rows, comparing, run, lang), encoding="utf-8")
