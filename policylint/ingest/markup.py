"""HTML pages, server templates, Vue and Svelte/Astro components: the text a visitor
of the page reads, each character mapped back to the file.

The markup is parsed with tree-sitter-html, which keeps exact offsets and recovers from
what real pages are made of (unclosed ``<p>``, Word's ``<o:p>`` soup, stray ``>``).
Template syntax is masked before parsing — ``<``, ``>`` and ``&`` inside ``{{ … }}`` or
``<% … %>`` become spaces of the same length, template comments become blank — so
that ``{{ $company->name }}`` or ``{#if a < b}`` cannot open a bogus tag; the text is then
read from the unmasked original, where ``prose.TemplateText`` turns printed values into
placeholders and drops directives.

Layout follows the browser: block elements start paragraphs, inline elements join, a
``<li>`` starts with "• ", a table row is one paragraph with its cells joined by "; ",
``<br>`` breaks the line; scripts, styles, navigation and hidden elements are skipped.
"""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from policylint import patterns
from policylint.ingest import treesitter
from policylint.ingest.prose import (
    MAX_CONSTRUCT,
    ByteOffsets,
    ProseBuilder,
    TemplateText,
    brace_expressions,
    language_key,
    template_constructs,
)
from policylint.ingest.text import decode_source, looks_like_prose
from policylint.model import InputError, SourceText

if TYPE_CHECKING:
    from tree_sitter import Node, Tree

#: Elements whose content a visitor does not read as the page's text (``head`` is read
#: for its ``<title>`` only). ``template`` is inert in a page, but rendered in a Vue
#: component (``<template v-if>``, slots).
_SKIPPED = frozenset(
    {"script", "style", "template", "noscript", "svg", "math", "iframe", "frame", "frameset",
     "object", "embed", "applet", "canvas", "audio", "video", "picture", "map", "select",
     "datalist", "nav", "xml", "textarea"}
)
_HEADS = frozenset({"head", "svelte:head"})
#: Elements that start a paragraph of their own.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "button", "caption", "center",
     "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
     "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table",
     "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "option", "output"}
)
#: Children that make a table cell part of the page layout rather than a cell of data:
#: such a cell's blocks are paragraphs (old sites set the whole page in a table).
_LAYOUT_CONTENT = frozenset({"table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"})
_MAX_DATA_CELL_BLOCKS = 4
_CELLS = frozenset({"td", "th"})
#: Inline components of Vue/Svelte/Astro projects (links, icons, i18n wrappers); other
#: components (``<PolicySection>``, ``<v-card-text>``) are laid out as blocks.
_INLINE_COMPONENTS = frozenset({"i18n", "i18n-t", "trans", "translate", "fa", "font-awesome-icon"})
#: ``style`` declarations that hide an element (spaces removed, lower case).
_HIDING_STYLES = ("display:none", "visibility:hidden", "mso-hide:all")
#: Script ``type`` values that are JavaScript (anything else is data or a template).
_SCRIPT_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "text/babel", "text/typescript"})
_TYPESCRIPT = frozenset({"ts", "typescript"})

#: Inside a delimited template construct (``{{ }}``, ``{% %}``, ``<% %>``) every
#: character that markup reads is masked; inside a single-brace expression only
#: comparisons and arrows (JSX tags inside an Astro or MDX expression are markup).
_TEMPLATE_MASK = str.maketrans("<>&", "   ")
_COMPARISON = patterns.compile(r"<(?![A-Za-z/!>])|(?<=[=-])>|>(?==)|(?<=\s)>(?=\s)")
_NOT_LINE_END = patterns.compile(r"[^\r\n]")
_END_TAG = patterns.compile(r"</[A-Za-z]")
_RAW_ELEMENTS = ("script", "style")
_CHARSET = patterns.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
#: Bytes of a page searched for a ``<meta charset>`` (the HTML standard's prescan
#: looks at 1024; generators put long comments first).
CHARSET_PRESCAN = 4096
_TAGS = ("start_tag", "self_closing_tag")


def front_matter(text: str, fences: tuple[str, ...] = ("---",)) -> tuple[int, int, int, int] | None:
    """A front-matter block at the start of ``text`` (Astro component script,
    Markdown YAML/TOML metadata): ``(block start, body start, body end, block end)``,
    or None."""
    first_end = text.find("\n")
    fence = text[: first_end if first_end != -1 else len(text)].strip()
    if first_end == -1 or fence not in fences:
        return None
    pos = first_end + 1
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        if text[pos:line_end].strip() == fence:
            return 0, first_end + 1, pos, line_end
        pos = line_end + 1
    return None


def blank(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` made blank, line breaks kept (offsets stay)."""
    return _blanked(text, [(start, end)])


def _masked(source: str, syntax: str) -> str:
    """``source`` with template syntax masked for the HTML parser (same length)."""
    if syntax == "template":
        spans = [(start, end, kind == "comment") for kind, start, end, _piece in template_constructs(source)]
    elif syntax in ("svelte", "jsx"):
        spans = [(start, end, False) for start, end in brace_expressions(source)[0]]
    else:
        return source
    parts: list[str] = []
    pos = 0
    for start, end, comment in spans:
        construct = source[start:end]
        if end - start > MAX_CONSTRUCT or not _safe_to_mask(construct, comment):
            continue
        parts.append(source[pos:start])
        if comment:
            parts.append(_NOT_LINE_END.sub(" ", construct))
        elif syntax == "template":
            parts.append(construct.translate(_TEMPLATE_MASK))
        else:
            parts.append(_COMPARISON.sub(" ", construct))
        pos = end
    parts.append(source[pos:])
    return "".join(parts)


def _safe_to_mask(construct: str, comment: bool) -> bool:
    """False if masking ``construct`` would hide the boundary of a script or style (a
    stray ``{{`` whose ``}}`` lies past a ``</script>``), or — for a printed value or a
    directive — any end tag."""
    lower = construct.lower()
    balanced = all(lower.count("<" + name) == lower.count("</" + name) for name in _RAW_ELEMENTS)
    return balanced and (comment or not _END_TAG.search(construct))


# ------------------------------------------------------------------------ decoding


def decode_markup(data: bytes, path: str) -> tuple[str, str]:
    """``(text, encoding)`` of a markup file: like plain text, except that a page
    which is not UTF-8 is decoded with the code page its ``<meta charset>`` declares
    (guessing would take a Kazakh KZ-1048 page for cp1251) — if that reads as prose: a
    page that declares windows-1252 but is cp1251 is guessed like a text file."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _single_byte(meta_charset(data[:CHARSET_PRESCAN]))
        if declared is not None:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                text = ""
            if text and looks_like_prose(text):
                return decode_source(text.encode("utf-8"), path)[0], declared
    return decode_source(data, path)


def _above_tags(node: object) -> bool:
    """Whether a walk looking for start tags goes into ``node``."""
    return cast("Node", node).type not in _TAGS


def meta_charset(head: bytes) -> str | None:
    """The charset label (lower case, as written) that a ``<meta charset>`` or
    ``<meta http-equiv="Content-Type">`` in ``head`` — a page's first bytes — declares,
    or None. Script and style content is not markup, so a ``<meta>`` in a string there
    does not count."""
    text = head.decode("latin-1")  # the markup is ASCII in every such code page
    tree = treesitter.parse("html", text.encode("utf-8"))
    offsets = ByteOffsets(text)
    for node in cast("Iterator[Node]", treesitter.walk(tree.root_node, _above_tags)):
        if node.type not in _TAGS or _tag_name(node, text, offsets).lower() != "meta":
            continue
        attributes = _attributes(node, text, offsets)
        declared = attributes.get("charset")
        if declared is None and attributes.get("http-equiv", "").lower() == "content-type":
            match = _CHARSET.search(attributes.get("content", ""))
            declared = match.group(1) if match else None
        if declared and declared.strip():
            return declared.strip().lower()
    return None


def _single_byte(label: str | None) -> str | None:
    """The codec name of a declared charset a markup file can be decoded with (not a
    UTF-16/32 label: such bytes would not have held an ASCII ``<meta>``)."""
    if label is None:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


# ------------------------------------------------------------------------ parsing

#: Time allowed to parse a fragment: a base plus a rate per megabyte (a real 20 MB
#: page parses in under 2 s). tree-sitter-html's cost grows with the square of the
#: nesting depth; a page nested a hundred thousand deep would take minutes.
_PARSE_SECONDS = 2.0
_PARSE_SECONDS_PER_MB = 0.5
#: Elements nested deeper than this are flattened when a parse runs out of time.
_MAX_DEPTH = 256
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_TAG = patterns.compile(r"<(/?)([A-Za-z][^\s/<>]*)[^<>]*>")
#: Characters outside the Basic Multilingual Plane (emoji): UTF-16 counts them twice.
_ASTRAL = patterns.compile("[\U00010000-\U0010ffff]")
_CHUNK = 1 << 16

Offsets = Callable[[int], int]


class _TooSlow(Exception):
    """Parsing ran out of its time."""


def _half(byte: int) -> int:
    return byte >> 1


def _parse_within(text: str) -> tuple[Tree, Offsets]:
    """Parse ``text`` as HTML within the time allowed for its size: the tree and the
    map from the parser's byte offsets to character offsets. Text without emoji is
    parsed as UTF-16, where a character is two bytes (no map to maintain)."""
    if _ASTRAL.search(text) is None:
        data, encoding, offsets = text.encode("utf-16-le"), "utf16le", _half
    else:
        byte_offsets = ByteOffsets(text)
        data, encoding, offsets = byte_offsets.data, "utf8", byte_offsets
    deadline = time.monotonic() + _PARSE_SECONDS + _PARSE_SECONDS_PER_MB * len(text) / 1e6
    parser = treesitter.parser("html")
    try:
        tree = parser.parse(
            lambda byte, _point: data[byte : byte + _CHUNK],
            encoding=encoding,
            progress_callback=lambda _byte, _error: time.monotonic() > deadline,
        )
    except ValueError:  # cancelled by the progress callback
        parser.reset()
        raise _TooSlow from None
    return tree, offsets


def _deep_tags(text: str) -> list[tuple[int, int]]:
    """Spans of the tags of elements nested deeper than ``_MAX_DEPTH`` in ``text``."""
    spans: list[tuple[int, int]] = []
    depth = 0
    for tag in _TAG.finditer(text):
        closing = tag.group(1)
        void = tag.group(2).lower() in _VOID_ELEMENTS or tag.group().endswith("/>")
        if closing:
            depth = max(depth - 1, 0)
        if depth >= _MAX_DEPTH:
            spans.append(tag.span())
        if not closing and not void:
            depth += 1
    return spans


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` made blank (same length)."""
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(_NOT_LINE_END.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _parse(text: str, path: str) -> tuple[Tree, Offsets, list[tuple[int, int]]]:
    """The HTML tree of ``text`` and its offsets map; when ``text`` is nested too deep
    to parse in time, of ``text`` with its deep tags blanked, whose spans come third
    (the text of those elements is then read as text of the element at that depth)."""
    try:
        return (*_parse_within(text), [])
    except _TooSlow:
        deep = _deep_tags(text)
    try:
        return (*_parse_within(_blanked(text, deep)), deep)
    except _TooSlow:
        raise InputError(path, "unreadable", "the markup is too large or too deeply nested to parse in time") from None


# --------------------------------------------------------------------- the walker


def _tag_name(tag: Node, text: str, offsets: Offsets) -> str:
    """The name of a start tag as written (``PolicySection``, ``o:p``)."""
    name = tag.child(1) if tag.child_count > 1 else None
    if name is None or name.type != "tag_name":
        return ""
    return text[offsets(name.start_byte) : offsets(name.end_byte)]


def _attributes(tag: Node, text: str, offsets: Offsets) -> dict[str, str]:
    """Attributes of a start tag, names in lower case (a bare attribute → "")."""
    attributes: dict[str, str] = {}
    for attribute in tag.named_children:
        if attribute.type != "attribute" or not attribute.named_child_count:
            continue
        name = attribute.named_children[0]
        value = attribute.named_children[-1] if attribute.named_child_count > 1 else None
        if value is not None and value.type == "quoted_attribute_value":
            value = value.named_children[0] if value.named_child_count else None
        key = text[offsets(name.start_byte) : offsets(name.end_byte)].lower()
        attributes[key] = "" if value is None else text[offsets(value.start_byte) : offsets(value.end_byte)]
    return attributes


def _hidden(attributes: dict[str, str]) -> bool:
    style = "".join(attributes.get("style", "").lower().split())
    return (
        "hidden" in attributes
        or attributes.get("aria-hidden", "").lower() == "true"
        or any(declaration in style for declaration in _HIDING_STYLES)
    )


def _is_block(name: str) -> bool:
    """Whether an element starts a paragraph: HTML blocks, and components (a name with
    a hyphen or a capital) that are not links, icons or i18n wrappers. Namespaced tags
    (Word's ``<o:p>``, ``<st1:metricconverter>``) are inline."""
    lower = name.lower()
    if lower in _BLOCKS:
        return True
    if ":" in name or not ("-" in name or name[:1].isupper()):
        return False
    return not ("link" in lower or lower.endswith("icon") or lower in _INLINE_COMPONENTS)


@dataclass(slots=True)
class _Frame:
    """What leaving an element undoes."""

    depth: int = 0  # brace depth of the enclosing text (Svelte, Astro)
    block: bool = False
    row: bool = False
    cell: bool = False
    pre: bool = False
    head: bool = False
    title: bool = False
    error: bool = False


class _Walker:
    """Reads one HTML fragment (a page, a component, a template) into a builder."""

    def __init__(self, builder: ProseBuilder, source: str, start: int, syntax: str, component: str | None = None):
        self.builder = builder
        self.source = source
        self.start = start
        self.component = component
        self.template = TemplateText({"template": "template", "svelte": "braces", "jsx": "braces"}.get(syntax, "plain"))
        self.tree, self.offsets, flattened = _parse(_masked(source, syntax), builder.path)
        if flattened:
            self.source = _blanked(source, flattened)
        self.last_end = 0  # byte where the last leaf ended: a gap after it is white space
        self.run_start = self.run_end = 0  # characters of adjacent text and entity nodes not yet added
        self.rows: list[bool] = []  # per open table row: whether it has text yet
        self.separator: int | None = None  # where a cell starts whose "; " awaits its text
        self.cells = 0  # data cells open
        self.pre = 0
        self.head = 0  # <head> elements open, not counting a <title> inside
        self.errors = 0  # ERROR nodes open: markup the parser could not place
        self.markup_open = False  # inside one, after "</" or "<!" until ">"

    # -- positions and text

    def _origin(self, byte: int) -> int:
        return self.start + self.offsets(byte)

    def _written(self, node: Node) -> str:
        return self.source[self.offsets(node.start_byte) : self.offsets(node.end_byte)]

    def _synthetic(self, text: str, node: Node) -> None:
        """Text the browser shows that is not in the file ("• ", "; "), mapped to ``node``."""
        at = self._origin(node.start_byte)
        self.builder.mapped_text(text, [at] * len(text))

    def _break(self, entering: bool) -> None:
        """A block boundary: a new paragraph; inside a table cell, a word break
        before a block (after one, the cell separator or the next block follows)."""
        if not self.cells:
            self.builder.paragraph()
        elif entering:
            self._space(self.last_end)

    def _space(self, byte: int) -> None:
        """A word break, unless a cell separator is due (it breaks the words itself)."""
        if self.separator is None:
            self.builder.space(self._origin(byte))

    def _add_text(self, node: Node) -> None:
        """Collect a text or character-reference node: adjacent ones are read as one
        text (a template construct or a word may run across them)."""
        start, end = self.offsets(node.start_byte), self.offsets(node.end_byte)
        if start != self.run_end:
            self._flush()
            self.run_start = start
        self.run_end = end

    def _flush(self) -> None:
        if self.run_end == self.run_start:
            return
        text = self.source[self.run_start : self.run_end]
        if self.rows and text.strip():
            self.rows[-1] = True
            if self.separator is not None:  # cells without text get no separator
                self.builder.mapped_text("; ", [self.separator] * 2)
                self.separator = None
        self.template.add(self.builder, text, self.start + self.run_start, keep_lines=self.pre > 0)
        self.run_start = self.run_end

    # -- traversal

    def run(self, root: Node | None = None) -> None:
        """Read the subtree under ``root`` (the whole fragment by default), iteratively:
        a page nested a hundred thousand elements deep is walked like a flat one."""
        cursor = (root or self.tree.root_node).walk()
        frames: list[_Frame] = []
        while True:
            node = cursor.node
            assert node is not None
            frame = self._enter(node, len(frames))
            if frame is not None:
                if cursor.goto_first_child():
                    frames.append(frame)
                    continue
                self._leave(frame)
            while True:
                if not frames:
                    self._flush()
                    return
                if cursor.goto_next_sibling():
                    break
                cursor.goto_parent()
                self._leave(frames.pop())

    def _leaf(self, node: Node) -> None:
        """A node read whole: white space the parser left between it and the last one
        is a word break."""
        if node.start_byte > self.last_end:
            self._flush()
            self._space(self.last_end)
        self.last_end = max(self.last_end, node.end_byte)

    def _enter(self, node: Node, level: int) -> _Frame | None:
        """Start reading ``node``: a frame if its children are to be read, else None."""
        kind = node.type
        if kind in ("text", "entity"):
            self._leaf(node)
            if not self.head:
                self._add_text(node)
            return None
        self._flush()
        if kind == "element":
            return self._enter_element(node, level)
        if kind in ("document", "fragment"):
            return _Frame(depth=self.template.depth)
        if kind == "ERROR" and node.child_count:  # markup the parser could not place
            self.errors += 1
            return _Frame(depth=self.template.depth, error=True)
        self._leaf(node)
        if kind == "ERROR" or not node.is_named:
            self._loose_token(node, kind)
        elif kind == "start_tag" and self.errors:
            self._loose_tag(node)
        elif kind == "script_element" and self.component is not None:
            self._script(node)
        return None

    def _loose_token(self, node: Node, kind: str) -> None:
        """A token of markup the parser could not place: the inside of an orphan end
        tag (``</div>`` closing what an earlier part of the file opened) or of a bogus
        comment (Word's ``<![if !supportLists]>``) is skipped; anything else is text
        (``возраст > 18 лет``)."""
        if kind in ("</", "<!"):
            self.markup_open = True
        elif kind == ">" and self.markup_open:
            self.markup_open = False
        elif not self.markup_open and kind in ("ERROR", ">"):
            self._add_text(node)

    def _loose_tag(self, tag: Node) -> None:
        """A start tag the parser could not make an element of still starts a block."""
        name = _tag_name(tag, self.source, self.offsets)
        if _is_block(name):
            self._break(entering=True)
            if name.lower() == "li" and not self.cells:
                self._synthetic("• ", tag)

    def _enter_element(self, node: Node, level: int) -> _Frame | None:
        tag = node.child(0)
        if tag is None or tag.type not in _TAGS:
            return _Frame(depth=self.template.depth)  # an orphan end tag's element
        name = _tag_name(tag, self.source, self.offsets)
        lower = name.lower()
        attributes = _attributes(tag, self.source, self.offsets) if tag.named_child_count > 1 else {}
        if self.component == "vue" and level == 1:
            return self._vue_block(node, lower, attributes)
        skipped = lower in _SKIPPED and not (lower == "template" and self.component == "vue")
        if skipped or _hidden(attributes) or (self.head and lower != "title"):
            self._leaf(node)
            return None
        frame = _Frame(depth=self.template.depth)
        self.template.depth = 0
        if lower in _HEADS:
            self.head += 1
            frame.head = True
        elif lower == "title" and self.head:  # the one part of <head> that is read
            self.head -= 1
            frame.title = True
            self._break(entering=True)
            frame.block = True
        elif lower == "br":
            if self.cells:
                self._space(node.start_byte)
            else:
                self.builder.text("\n", self._origin(node.start_byte), keep_lines=True)
        elif lower == "tr":
            self.builder.paragraph()
            self.rows.append(False)
            frame.row = True
        elif lower in _CELLS and self.rows and not self._layout_cell(node):
            if self.rows[-1]:
                self.separator = self._origin(node.start_byte)
            self.cells += 1
            frame.cell = True
        elif _is_block(name):
            self._break(entering=True)
            frame.block = True
            if lower == "li" and not self.cells:
                self._synthetic("• ", node)
            elif lower == "pre":
                self.pre += 1
                frame.pre = True
        return frame

    def _leave(self, frame: _Frame) -> None:
        self._flush()
        self.template.depth = frame.depth
        if frame.head:
            self.head -= 1
        if frame.title:
            self.head += 1
        if frame.error:
            self.errors -= 1
            self.markup_open = False
        if frame.pre:
            self.pre -= 1
        if frame.cell:
            self.cells -= 1
        if frame.row:
            self.rows.pop()
            self.separator = None
            self.builder.paragraph()
        if frame.block:
            self._break(entering=False)

    def _layout_cell(self, cell: Node) -> bool:
        """A cell that holds a part of the page rather than a value: headings, lists,
        tables, or many paragraphs among its children."""
        blocks = 0
        for child in cell.named_children:
            if child.type != "element" or child.child(0) is None:
                continue
            name = _tag_name(child.child(0), self.source, self.offsets).lower()
            if name in _LAYOUT_CONTENT:
                return True
            blocks += name in _BLOCKS
        return blocks > _MAX_DATA_CELL_BLOCKS

    # -- components

    def _content(self, node: Node) -> tuple[int, str]:
        """Offset and text of what is between an element's start and end tags."""
        first, last = node.child(0), node.child(node.child_count - 1)
        end = last.start_byte if last.type == "end_tag" and node.child_count > 1 else node.end_byte
        start = self.offsets(first.end_byte)
        return start, self.source[start : self.offsets(max(end, first.end_byte))]

    def _script(self, node: Node) -> None:
        """A component's ``<script>``: its string literals, by the script readers."""
        attributes = _attributes(node.child(0), self.source, self.offsets)
        if attributes.get("type", "").lower() not in _SCRIPT_TYPES or "src" in attributes:
            return
        from policylint.ingest.code import add_script

        start, code = self._content(node)
        grammar = "typescript" if attributes.get("lang", "").lower() in _TYPESCRIPT else "javascript"
        add_script(self.builder, code, self.start + start, grammar)

    def _vue_block(self, node: Node, name: str, attributes: dict[str, str]) -> _Frame | None:
        """A top-level block of a Vue single-file component: the ``<template>`` is read
        as markup, an ``<i18n>`` block as its JSON or YAML messages; other custom
        blocks (``<docs>``) are not the page."""
        self._leaf(node)
        if name == "template" and attributes.get("lang", "html").lower() == "html":
            self.last_end = node.start_byte
            return _Frame()
        if name == "i18n" and "src" not in attributes:
            self._i18n(node, attributes)
        return None

    def _i18n(self, node: Node, attributes: dict[str, str]) -> None:
        from policylint.ingest.data import add_json, add_yaml

        start, messages = self._content(node)
        lang = language_key(attributes.get("locale"))
        if lang:
            self.builder.language(lang)
        read = add_yaml if attributes.get("lang", "json").lower() in ("yaml", "yml") else add_json
        read(self.builder, messages, self.start + start)
        if lang:
            self.builder.language(None)
        self.builder.paragraph()


# ------------------------------------------------------------------------ readers


def add_html(builder: ProseBuilder, source: str, start: int, *, template: bool = True) -> None:
    """Append the prose of the HTML fragment ``source``, which lies at offset ``start``
    of the file (the HTML parts of a PHP file); ``template``: it may hold template
    syntax (Blade, Jinja, Twig, Vue mustaches …)."""
    _Walker(builder, source, start, "template" if template else "plain").run()


def add_markup(builder: ProseBuilder, source: str, start: int, syntax: str) -> None:
    """Like ``add_html`` for a fragment in ``syntax``: ``"template"``, ``"plain"``,
    ``"svelte"`` (single-brace expressions) or ``"jsx"`` (single-brace expressions
    that may hold markup: Astro, MDX)."""
    _Walker(builder, source, start, syntax).run()


def read_html(path: str, data: bytes) -> SourceText:
    """An HTML page or a server template (Blade, Jinja/Django, Twig, Liquid, Nunjucks,
    Handlebars, ERB, EJS)."""
    text, encoding = decode_markup(data, path)
    builder = ProseBuilder(path, text, encoding)
    add_html(builder, text, 0)
    return builder.build(kind="source")


def read_vue(path: str, data: bytes) -> SourceText:
    """A Vue single-file component: its ``<template>``, ``<script>`` string literals and
    ``<i18n>`` messages."""
    text, encoding = decode_markup(data, path)
    builder = ProseBuilder(path, text, encoding)
    _Walker(builder, text, 0, "template", component="vue").run()
    return builder.build(kind="source")


def read_svelte(path: str, data: bytes) -> SourceText:
    """A Svelte or Astro component: markup with ``{…}`` expressions, ``<script>``
    string literals, and Astro's front-matter script."""
    text, encoding = decode_markup(data, path)
    builder = ProseBuilder(path, text, encoding)
    astro = path.lower().endswith(".astro")
    markup = text
    fence = front_matter(text) if astro else None
    if fence is not None:
        from policylint.ingest.code import add_script

        block_start, body_start, body_end, block_end = fence
        add_script(builder, text[body_start:body_end], body_start, "typescript")
        builder.paragraph()
        markup = blank(text, block_start, block_end)
    _Walker(builder, markup, 0, "jsx" if astro else "svelte", component="astro" if astro else "svelte").run()
    return builder.build(kind="source")
