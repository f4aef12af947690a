"""Prose in i18n dictionaries and data files: JSON, YAML, gettext PO.

Message catalogues hold a policy as values under keys: ``{"ru": {"privacy": {…}},
"kz": {…}}``, Rails/Symfony ``ru:``/``kk:`` YAML trees, a ``locale/kk/LC_MESSAGES``
catalogue. Keys are never read; values that read as prose become paragraphs, in the
language of the nearest language key, with every character mapped to its place in the
file (escapes, quotes, folded and literal block scalars included) and message
placeholders (``{{company}}``, ``%{company}``, ``%(company)s``) kept as run-time values.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from policylint import patterns
from policylint.ingest.code import (
    Piece,
    add_pieces,
    add_script,
    c_escapes,
    decode,
    display,
    key_language,
    split_values,
)
from policylint.ingest.prose import ProseBuilder, is_prose, language_key
from policylint.ingest.text import decode_source
from policylint.model import InputError, SourceText

# ------------------------------------------------------------------------- JSON


def add_json(builder: ProseBuilder, source: str, start: int) -> None:
    """Append the prose of the JSON ``source`` sitting at offset ``start`` of the file."""
    add_script(builder, source, start, "json")


# ------------------------------------------------------------------------- YAML

#: YAML parser: libyaml's when PyYAML was built with it (it is much faster).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Collections nested deeper are refused: libyaml's time grows with the square of the
#: depth of flow collections (``[[[[…``), and no message catalogue nests this deep.
MAX_YAML_DEPTH = 500
#: An escape of a double-quoted YAML scalar.
_YAML_ESCAPE = patterns.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|\r?\n[ \t]*|.)")
#: How far ahead the source of the next character of a scalar is looked for.
_ALIGN_WINDOW = 256


def align(value: str, raw: str, start: int, double_quoted: bool) -> list[int]:
    """File offset of each character of the scalar ``value`` that YAML decoded from
    ``raw`` (the scalar's source, at offset ``start``), plus one for its end.

    Characters are matched in order. Quotes, block indicators, indentation and escaped
    line breaks in the source decode to nothing and are stepped over; a line break
    folded into a space, or a space from an escape, maps to the source's white space or
    escape; a character not found near the current place stays there."""
    origin: list[int] = []
    j, n = 0, len(raw)
    for ch in value:
        k, limit = j, min(n, j + _ALIGN_WINDOW)
        escape = None
        while k < limit:
            if double_quoted and raw[k] == "\\":
                escape = _YAML_ESCAPE.match(raw, k)
                if escape is not None and escape.group()[1] in "\r\n":  # a line continuation
                    k, escape = escape.end(), None
                    continue
                break
            if raw[k] == ch or (ch.isspace() and raw[k].isspace()):
                break
            k += 1
        if k >= limit:
            origin.append(start + min(j, max(n - 1, 0)))
            continue
        origin.append(start + k)
        j = escape.end() if escape is not None else k + 1
    origin.append(start + n)
    return origin


@dataclass
class _Collection:
    """A mapping or sequence being read: its language, and for a mapping whether the
    next node is a key (and the language that key names)."""

    mapping: bool
    lang: str | None
    expect_key: bool = True
    key_lang: str | None = None
    #: A mapping or sequence used as a key: nothing in it is read.
    in_key: bool = False

    def child_language(self) -> str | None:
        return (self.key_lang or self.lang) if self.mapping else self.lang

    def took_child(self) -> None:
        """After a key, its value comes; after a value, the next key."""
        if self.mapping:
            self.expect_key = not self.expect_key
            if self.expect_key:
                self.key_lang = None


def _yaml_error(builder: ProseBuilder, start: int, error: yaml.YAMLError) -> InputError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return InputError(builder.path, "unreadable", f"invalid YAML: {problem}")
    line = builder.original.count("\n", 0, start + mark.index) + 1
    return InputError(builder.path, "unreadable", f"invalid YAML at line {line}: {problem}")


def _events(builder: ProseBuilder, source: str, start: int) -> Iterator[yaml.Event]:
    """The YAML parser's events (a stream: no tree is built, so aliases are not
    expanded and nesting costs no recursion), parse errors as ``InputError``."""
    try:
        yield from yaml.parse(source, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise _yaml_error(builder, start, error) from None


def add_yaml(builder: ProseBuilder, source: str, start: int) -> None:
    """Append the prose of the YAML ``source`` sitting at offset ``start`` of the file:
    the string scalars (not keys), in the language of the nearest language key."""
    stack: list[_Collection] = []
    current: str | None = None
    for event in _events(builder, source, start):
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            if stack:
                stack[-1].took_child()
            continue
        if not isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
            continue
        parent = stack[-1] if stack else None
        in_key = parent is not None and (parent.in_key or (parent.mapping and parent.expect_key))
        lang = parent.child_language() if parent is not None else None
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_YAML_DEPTH:
                message = f"YAML nested deeper than {MAX_YAML_DEPTH} levels"
                raise InputError(builder.path, "unreadable", message)
            stack.append(_Collection(isinstance(event, yaml.MappingStartEvent), lang, in_key=in_key))
            continue
        scalar = isinstance(event, yaml.ScalarEvent)
        if scalar and parent is not None and parent.mapping and parent.expect_key:
            parent.key_lang = key_language(event.value)
        elif scalar and not in_key:
            pieces = _scalar_pieces(event, source, start)
            if is_prose(display(pieces)):
                if lang != current:
                    builder.language(lang)
                    current = lang
                builder.paragraph()
                add_pieces(builder, pieces)
                builder.paragraph()
        if parent is not None:
            parent.took_child()
    if current is not None:
        builder.language(None)


def _scalar_pieces(event: yaml.ScalarEvent, source: str, start: int) -> list[Piece]:
    raw = source[event.start_mark.index : event.end_mark.index]
    origin = align(event.value, raw, start + event.start_mark.index, event.style == '"')
    return split_values(event.value, origin)


def read_yaml(path: str, data: bytes) -> SourceText:
    text, encoding = decode_source(data, path)
    builder = ProseBuilder(path, text, encoding)
    add_yaml(builder, text, 0)
    return builder.build()


# --------------------------------------------------------------------------- PO

#: A line of a PO entry holding a string: ``msgstr[1] "…"`` or a continuation ``"…"``.
_PO_STRING = patterns.compile(
    r'[ \t]*(?:(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*)?"((?:[^"\\]|\\.)*)"\s*'
)


@dataclass
class _Lines:
    """The lines of a file as polib counts them (``str.splitlines``), with the offset
    where each starts."""

    lines: list[str]
    starts: list[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        lines = text.splitlines(keepends=True)
        return cls(lines, [0, *itertools.accumulate(map(len, lines))])


def _po_strings(lines: _Lines, first_line: int) -> dict[str, list[Piece]]:
    """The strings of the entry starting at line ``first_line`` (1-based), by keyword
    (``msgid``, ``msgstr``, ``msgstr[0]`` …), decoded, each character mapped to the file."""
    strings: dict[str, list[Piece]] = {}
    keyword = None
    for number in range(first_line - 1, len(lines.lines)):
        line = lines.lines[number]
        match = _PO_STRING.fullmatch(line)
        if match is None:
            if keyword is not None and not line.lstrip().startswith("#"):
                break  # a blank line or the next entry
            continue
        if match.group(1):
            if match.group(1) in strings:
                break  # the next entry, with no blank line between
            keyword = match.group(1)
        if keyword is not None:
            at = lines.starts[number] + match.start(2)
            strings.setdefault(keyword, []).append(Piece(*decode(match.group(2), at, (c_escapes,))))
    return strings


def _po_language(path: str, metadata: dict[str, str]) -> str | None:
    """The catalogue's language: its ``Language`` header, else a directory of its path
    (``locale/kk/LC_MESSAGES/django.po``, ``kk.po``)."""
    header = metadata.get("Language", "").replace("_", "-")
    parts = [os.path.splitext(os.path.basename(path))[0], *reversed(os.path.dirname(path).split(os.sep))]
    from_header = language_key(header) or language_key(header.split("-")[0])
    return from_header or next(filter(None, map(language_key, parts)), None)


def read_po(path: str, data: bytes) -> SourceText:
    """A gettext catalogue: per entry the translation (or, untranslated, fuzzy or in a
    ``.pot`` template, the source text), plural forms included; obsolete entries and
    the header are not read."""
    import polib

    text, encoding = decode_source(data, path)
    try:  # polib takes a string without a line break for a file name
        catalog = polib.pofile(text if "\n" in text else text + "\n")
    except (OSError, ValueError, UnicodeError) as error:
        raise InputError(path, "unreadable", f"invalid PO file: {error}") from None
    template = path.lower().endswith(".pot")
    builder = ProseBuilder(path, text, encoding)
    lang = None if template else _po_language(path, catalog.metadata)
    if lang:
        builder.language(lang)
    lines = _Lines.of(text)
    for entry in catalog:
        if entry.obsolete:
            continue
        strings = _po_strings(lines, entry.linenum)
        has_translation = bool(entry.msgstr or any(entry.msgstr_plural.values()))
        translated = not template and "fuzzy" not in entry.flags and has_translation
        keywords = [k for k in strings if k.startswith("msgstr")] if translated else ["msgid", "msgid_plural"]
        for keyword in keywords:
            pieces = [p for piece in strings.get(keyword, []) for p in split_values(piece.text, piece.origin)]
            if is_prose(display(pieces)):
                builder.paragraph()
                add_pieces(builder, pieces)
                builder.paragraph()
    return builder.build()
