"""Markdown and MDX: the text the rendered page shows, each character mapped back to
the file.

markdown-it-py (CommonMark with tables) gives the blocks and their source lines, but
not where inside a line an inline token came from. The text of each token is therefore
aligned with the source from a cursor that only moves forward: a character of the
token matches the same character (or the backslash escape or character reference that
produced it), and markup between them (``**``, ``[``, ``](url)``, ``|``, ``>``) is
passed over. Links, images and inline HTML are skipped as wholes, so the text of a URL
never takes the place of the words after it.

Headings, paragraphs, list items ("• " for a bullet, the number as written for an
ordered item), block quotes and table rows (one paragraph, cells joined by "; ") are
paragraphs; code blocks and front matter are not the page's prose. HTML blocks go to
the HTML reader. MDX: ``import``/``export`` lines are code, JSX components keep the
text of their children, ``{expression}`` is a placeholder.
"""

from __future__ import annotations

import html
import re
import string

from markdown_it import MarkdownIt
from markdown_it.token import Token

from policylint import patterns
from policylint.ingest.markup import add_markup, blank, front_matter
from policylint.ingest.prose import ProseBuilder, TemplateText
from policylint.ingest.text import decode_source
from policylint.model import SourceText

_PARSER = MarkdownIt("commonmark").enable("table")
#: A character reference as CommonMark reads it (the semicolon is required).
_CHARACTER_REFERENCE = patterns.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset(string.punctuation)
#: The farthest the alignment passes over markup to find the next character of a
#: token; past it the character is mapped to the cursor (a text the parser rewrote).
_MAX_SKIP = 300
#: An MDX paragraph of ES module code at the top level.
_ESM = patterns.compile(r"(?:import|export)\b")
_LINE_BREAK = patterns.compile(r"<br\s*/?>", re.IGNORECASE)


class _Reader:
    """Reads the tokens of one Markdown/MDX file into a builder."""

    def __init__(self, builder: ProseBuilder, source: str, mdx: bool):
        self.builder = builder
        self.source = source
        self.mdx = mdx
        self.syntax = "braces" if mdx else "template"
        self.line_starts = [0]
        pos = source.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = source.find("\n", pos + 1)
        self.line_starts.append(len(source))
        self.cursor = 0
        self.item_pending = False  # the next paragraph continues a list item's marker
        self.row_text = False  # the table row has text: the next cell is after "; "
        self.separator: int | None = None  # where a cell starts whose "; " awaits its text
        self.depths: list[int] = []  # MDX: brace depths around open inline JSX elements

    def _line(self, number: int) -> int:
        return self.line_starts[min(number, len(self.line_starts) - 1)]

    def _seek(self, token: Token) -> int:
        """Move the cursor to the first line of ``token``; return the end of its lines."""
        if token.map is None:
            return len(self.source)
        self.cursor = max(self.cursor, self._line(token.map[0]))
        return self._line(token.map[1])

    def run(self, markdown: str) -> None:
        handlers = {
            "heading_open": self._break,
            "heading_close": self._break,
            "paragraph_open": self._paragraph,
            "paragraph_close": self._break,
            "list_item_open": self._list_item,
            "list_item_close": self._break,
            "tr_open": self._row,
            "tr_close": self._break,
            "th_open": self._cell,
            "td_open": self._cell,
            "inline": self._inline,
            "html_block": self._html_block,
            "fence": self._code_block,
            "code_block": self._code_block,
            "hr": self._break,
        }
        for token in _PARSER.parse(markdown):
            handler = handlers.get(token.type)
            if handler is not None:
                handler(token)

    # -- blocks

    def _break(self, token: Token) -> None:
        """The start or end of a block: a new paragraph."""
        self.item_pending = False
        self.builder.paragraph()

    def _paragraph(self, token: Token) -> None:
        if self.item_pending:
            self.item_pending = False
        else:
            self.builder.paragraph()

    def _list_item(self, token: Token) -> None:
        """A list item starts with its marker: "• " for a bullet, the number as
        written for an ordered item ("1.", "2)")."""
        self.builder.paragraph()
        self._seek(token)
        line_end = self._line(token.map[0] + 1) if token.map else len(self.source)
        marker = token.info + token.markup
        at = self.source.find(marker, self.cursor, line_end)
        if at == -1:
            return
        if token.info:
            self.builder.text(marker, at)
            self.builder.space(at + len(marker))
        else:
            self.builder.mapped_text("• ", [at, at])
        self.cursor = at + len(marker)
        self.item_pending = True

    def _row(self, token: Token) -> None:
        self.builder.paragraph()
        self._seek(token)
        self.row_text = False

    def _cell(self, token: Token) -> None:
        """A cell after one with text is joined by "; " — once it has text itself."""
        if self.row_text:
            self.separator = self.cursor

    def _code_block(self, token: Token) -> None:
        self.builder.paragraph()
        if token.map:
            self.cursor = max(self.cursor, self._line(token.map[1]))

    def _html_block(self, token: Token) -> None:
        """Raw HTML (or, in MDX, JSX) lines: read by the HTML reader from the file's
        own lines, so that offsets stay true even inside a list."""
        if token.map is None:
            return
        self.builder.paragraph()
        start, end = self._line(token.map[0]), self._line(token.map[1])
        add_markup(self.builder, self.source[start:end], start, "jsx" if self.mdx else "template")
        self.builder.paragraph()
        self.cursor = max(self.cursor, end)

    # -- inline content

    def _inline(self, token: Token) -> None:
        """The inline content of a block: its text aligned with the source, markup
        skipped, values of the template syntax (Liquid in Jekyll pages, MDX
        expressions) as placeholders."""
        end = self._seek(token)
        if self.mdx and token.level == 1 and _ESM.match(token.content):
            return
        if token.content.strip():
            self.row_text = True
            if self.separator is not None:
                self.builder.mapped_text("; ", [self.separator] * 2)
        self.separator = None
        template = TemplateText(self.syntax)
        self.depths.clear()
        for child in token.children or ():
            kind = child.type
            if kind == "text":
                self._text(child.content, end, template)
            elif kind == "code_inline":
                self._text(child.content, end, None)
            elif kind in ("softbreak", "hardbreak"):
                self._line_break(end, hard=kind == "hardbreak")
            elif kind == "html_inline":
                self._html_inline(child.content, end, template)
            elif kind == "image":
                self._skip_link(self.source.find("![", self.cursor, end), end)
            elif kind == "link_close":
                self._end_link(child, end)

    def _text(self, content: str, end: int, template: TemplateText | None) -> None:
        origin = self._align(content, end)
        if template is None:
            self.builder.mapped_text(content, origin)
        else:
            template.add(self.builder, content, origin)

    def _align(self, content: str, end: int) -> list[int]:
        """The offset in the source of each character of ``content``, found from the
        cursor on (which ends after the last one)."""
        source = self.source
        origin: list[int] = []
        pos = self.cursor
        i = 0
        while i < len(content):
            char = content[i]
            found = pos
            while found < end and found - pos <= _MAX_SKIP:
                here = source[found]
                if here == char or (here.isspace() and char.isspace()):
                    origin.append(found)
                    pos = found + 1
                    break
                if here == "\\" and char in _ESCAPABLE and source.startswith(char, found + 1):
                    origin.append(found + 1)
                    pos = found + 2
                    break
                reference = _CHARACTER_REFERENCE.match(source, found) if here == "&" else None
                if reference and content.startswith(decoded := html.unescape(reference.group()), i) and decoded:
                    origin.extend([found] * len(decoded))
                    i += len(decoded) - 1
                    pos = reference.end()
                    break
                found += 1
            else:
                origin.append(min(pos, max(end - 1, 0)))
            i += 1
        self.cursor = pos
        return origin

    def _line_break(self, end: int, hard: bool) -> None:
        newline = self.source.find("\n", self.cursor, end)
        at = newline if newline != -1 else self.cursor
        if hard:
            self.builder.text("\n", at, keep_lines=True)
        else:
            self.builder.space(at)
        self.cursor = at + 1 if newline != -1 else self.cursor

    def _html_inline(self, content: str, end: int, template: TemplateText) -> None:
        """An inline tag: ``<br>`` breaks the line. In MDX a JSX element inside an
        expression (``{items.map(item => <li>…</li>)}``) holds text of its own: the
        brace depth is saved at its start tag and restored at its end tag."""
        at = self.source.find(content, self.cursor, end)
        if at == -1:
            return
        if _LINE_BREAK.fullmatch(content):
            self.builder.text("\n", at, keep_lines=True)
        elif self.mdx and content.startswith("</"):
            template.depth = self.depths.pop() if self.depths else template.depth
        elif self.mdx and not content.endswith("/>") and not content.startswith("<!"):
            self.depths.append(template.depth)
            template.depth = 0
        self.cursor = at + len(content)

    def _end_link(self, token: Token, end: int) -> None:
        if token.markup == "autolink":
            close = self.source.find(">", self.cursor, end)
            self.cursor = close + 1 if close != -1 else self.cursor
        else:
            self._skip_link_tail(self.source.find("]", self.cursor, end), end)

    def _skip_link(self, start: int, end: int) -> None:
        """Move the cursor past the image that opens at ``start`` (``![``)."""
        if start != -1:
            self._skip_link_tail(self._matching(start + 1, end), end)

    def _skip_link_tail(self, bracket: int | None, end: int) -> None:
        """Move the cursor past the ``](destination "title")`` or ``][label]`` that
        follows the link text closing at ``bracket``."""
        if bracket is None or bracket == -1:
            return
        tail = self._matching(bracket + 1, end)
        self.cursor = max(self.cursor, bracket + 1 if tail is None else tail + 1)

    def _matching(self, start: int, end: int) -> int | None:
        """The offset of the bracket that closes the ``(`` or ``[`` at ``start``
        (escaped brackets skipped), or None."""
        opener = self.source[start : start + 1]
        closer = {"(": ")", "[": "]"}.get(opener)
        if closer is None:
            return None
        depth = 0
        pos = start
        limit = min(end, start + _MAX_SKIP)
        while pos < limit:
            char = self.source[pos]
            if char == "\\":
                pos += 2
                continue
            if char == opener:
                depth += 1
            elif char == closer:
                depth -= 1
                if depth == 0:
                    return pos
            pos += 1
        return None


def add_markdown(builder: ProseBuilder, source: str, *, mdx: bool = False) -> None:
    """Append the prose of the Markdown (or MDX) file ``source``."""
    markdown = source
    block = front_matter(source, ("---", "+++"))
    if block is not None:
        markdown = blank(source, block[0], block[3])
    _Reader(builder, source, mdx).run(markdown)


def read_markdown(path: str, data: bytes) -> SourceText:
    """A Markdown or MDX page."""
    text, encoding = decode_source(data, path)
    builder = ProseBuilder(path, text, encoding)
    add_markdown(builder, text, mdx=path.lower().endswith(".mdx"))
    return builder.build(kind="source")
