"""``text``: the report for a person at a terminal, rendered with rich.

Per file a header, then each finding as ``path:line:col`` + severity + rule + message,
with the excerpt, the law, the fix and the related places below; a summary at the end.
"""

from __future__ import annotations

import io
import shutil
import sys

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text

from policylint.report.common import (
    FileView,
    Item,
    Place,
    Report,
    file_details,
    label,
    summary_line,
)

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_INDENT = 4
_DEFAULT_WIDTH = 100


def _console(buffer: io.StringIO, color: bool | None) -> Console:
    """A console writing to ``buffer``. ``color`` None: colour only on a terminal (rich
    still honours NO_COLOR and FORCE_COLOR)."""
    tty = sys.stdout.isatty()
    # A given height too spares rich asking the terminal for its size at every print.
    width, height = shutil.get_terminal_size((_DEFAULT_WIDTH, 25)) if tty else (_DEFAULT_WIDTH, 25)
    if color is None:
        force_terminal = True if tty else None
    else:
        force_terminal = color
    return Console(
        file=buffer,
        width=width,
        height=height,
        force_terminal=force_terminal,
        no_color=False if color else None,
        highlight=False,
        markup=False,
        emoji=False,
    )


class _Indented:
    """``text`` wrapped to the width left after an indent of ``_INDENT`` spaces, each
    line indented. (Like rich's ``Padding``, without its measuring and line padding.)"""

    def __init__(self, text: Text):
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = Segment(" " * _INDENT)
        width = options.max_width - _INDENT
        for line in console.render_lines(self.text, options.update_width(width), pad=False):
            yield indent
            yield from line
            yield Segment.line()


def _position(path: str, place: Place) -> Text:
    text = Text(f"{path}:{place.line}:{place.column}", style="bold")
    if place.label is not None:
        text.append(f" ({place.label})", style="dim")
    return text


def _header(view: FileView, lang: str) -> Text:
    header = Text(view.path, style="bold underline")
    details = file_details(view, lang)
    if details:
        header.append("  " + " · ".join(details), style="dim")
    return header


def _print_item(console: Console, path: str, item: Item, lang: str) -> None:
    line = _position(path, item.start)
    line.append(" ")
    line.append(label(item.severity, lang), style=_SEVERITY_STYLE[item.severity])
    line.append(" ")
    line.append(item.rule, style="bold")
    line.append(" " + item.message)
    console.print(line, soft_wrap=True)
    details: list[Text] = []
    if item.start.excerpt:
        details.append(Text(item.start.excerpt, style="dim"))
    if item.law:
        details.append(Text.assemble((f"{label('law', lang)}: ", "bold"), item.law))
    if item.fix:
        details.append(Text.assemble((f"{label('fix', lang)}: ", "bold green"), item.fix))
    for place in item.related:
        details.append(
            Text.assemble((f"{label('related', lang)}: ", "bold"), _position(path, place))
        )
    for detail in details:
        console.print(_Indented(detail))


def _print_statistics(console: Console, report: Report) -> None:
    from rich import box  # only --statistics pays for importing rich's tables
    from rich.table import Table

    lang = report.lang
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
    table.add_column(label("count", lang), justify="right")
    table.add_column(label("rule", lang))
    table.add_column(label("severity", lang))
    table.add_column(label("title", lang))
    for stat in report.statistics or []:
        table.add_row(
            str(stat.count),
            stat.rule,
            Text(label(stat.severity, lang), style=_SEVERITY_STYLE[stat.severity]),
            stat.title,
        )
    console.print(table)


def render(report: Report) -> str:
    buffer = io.StringIO()
    console = _console(buffer, report.color)
    lang = report.lang
    if report.statistics is not None:
        _print_statistics(console, report)
    else:
        for view in report.files:
            if view.error is not None:
                console.print(
                    Text(f"{view.path}: {view.error.message}", style="red"), soft_wrap=True
                )
            elif view.skipped is None and not view.items:
                line = Text("✓ ", style="green") + _header(view, lang)
                line.append(f"  {label('clean', lang)}", style="green")
                console.print(line, soft_wrap=True)
            elif view.items:
                console.print(_header(view, lang), soft_wrap=True)
                for item in view.items:
                    _print_item(console, view.path, item, lang)
                console.print()
    summary = report.summary
    style = "bold red" if summary.errors or summary.unreadable else "bold"
    console.print(Text(summary_line(summary, lang), style=style), soft_wrap=True)
    # Wrapped lines come padded to the console width; trailing spaces only get in the way.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
