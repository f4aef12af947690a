"""``markdown``: a report to paste into a pull-request comment (a table per file;
files without policy text are only counted in the summary)."""

from __future__ import annotations

from policylint.report.common import FileView, Report, file_details, label, summary_line

_ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def _cell(text: str) -> str:
    """Text safe inside a table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _file_section(view: FileView, lang: str) -> list[str]:
    lines = [f"### `{view.path}`", ""]
    if view.error is not None:
        return [*lines, f"❌ {label('unreadable', lang)}: {_cell(view.error.message)}", ""]
    details = file_details(view, lang)
    if details:
        lines += [" · ".join(details), ""]
    if not view.items:
        return [*lines, f"✅ {label('clean', lang)}", ""]
    header = [label(key, lang) for key in ("line", "severity", "rule", "message", "law")]
    lines += ["| " + " | ".join(header) + " |", "|---:|---|---|---|---|"]
    for item in view.items:
        position = f"{item.start.line}:{item.start.column}"
        if item.start.label is not None:
            position += f" ({item.start.label})"
        severity = f"{_ICON[item.severity]} {label(item.severity, lang)}"
        row = [position, severity, f"`{item.rule}`", _cell(item.message), _cell(item.law)]
        lines.append("| " + " | ".join(row) + " |")
    return [*lines, ""]


def _statistics(report: Report) -> list[str]:
    lang = report.lang
    header = [label(key, lang) for key in ("count", "rule", "severity", "title")]
    lines = [f"### {label('statistics', lang)}", "", "| " + " | ".join(header) + " |"]
    lines.append("|---:|---|---|---|")
    for stat in report.statistics or []:
        severity = f"{_ICON[stat.severity]} {label(stat.severity, lang)}"
        lines.append(f"| {stat.count} | `{stat.rule}` | {severity} | {_cell(stat.title)} |")
    return [*lines, ""]


def render(report: Report) -> str:
    lines = [
        f"## {label('report', report.lang)}",
        "",
        f"**{summary_line(report.summary, report.lang)}**",
        "",
    ]
    if report.statistics is not None:
        lines += _statistics(report)
    else:
        for view in report.files:
            if view.skipped is None:
                lines += _file_section(view, report.lang)
    return "\n".join(lines).rstrip("\n") + "\n"
