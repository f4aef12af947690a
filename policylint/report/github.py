"""``github``: GitHub Actions workflow commands that annotate the changed files.

``::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message``
(``::warning`` for warnings, ``::notice`` for infos).
"""

from __future__ import annotations

from collections.abc import Mapping

from policylint.report.common import FileView, Item, Report, label

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape the message part of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a ``key=value`` property of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, properties: Mapping[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def _annotation(view: FileView, item: Item, lang: str) -> str:
    lines = [item.message]
    if item.law:
        lines.append(f"{label('law', lang)}: {item.law}")
    if item.fix:
        lines.append(f"{label('fix', lang)}: {item.fix}")
    properties = {
        "file": view.path,
        "line": item.start.line,
        "col": item.start.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "title": item.rule,
    }
    return _command(_COMMAND[item.severity], properties, "\n".join(lines))


def render(report: Report) -> str:
    commands: list[str] = []
    for view in report.files:
        if view.error is not None:
            properties = {"file": view.path, "title": view.error.code}
            commands.append(_command("error", properties, view.error.message))
        commands.extend(_annotation(view, item, report.lang) for item in view.items)
    return "".join(command + "\n" for command in commands)
