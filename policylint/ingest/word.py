"""Word documents (DOCX), read as Word shows them: all tracked changes accepted, the
numbers Word puts before numbered paragraphs written out (so clause numbers exist), one
paragraph or table row per line. A finding is located as "paragraph 12".

A DOCX is a ZIP archive that a hostile or broken file can make expensive: it is checked
(sizes, compression ratios, member count) before anything is inflated. Every problem is
an ``InputError``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.package import Package
from lxml import etree

from policylint import patterns
from policylint.ingest.prose import no_prose, paged_source, short_reason
from policylint.model import InputError, SourceText

#: A DOCX that unpacks to more than this is refused before it is unpacked.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
#: A member of at least ``RATIO_CHECKED_FROM`` bytes unpacked that is compressed more
#: than this many times is a zip bomb: real document XML compresses 5–20 times.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 1024 * 1024
#: More members than this is no document.
MAX_MEMBERS = 10_000
_MAIN_PART = "word/document.xml"
#: OLE compound files: an old binary .doc, or a password-protected DOCX (Word encrypts
#: the whole package into such a container).
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_CENTRAL_DIRECTORY_SIGNATURE = b"PK\x01\x02"
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_R, _T, _RPR, _PPR = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:pPr")
_VAL = qn("w:val")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
#: What an element inside a paragraph reads as.
_INLINE_TEXT = {
    qn("w:tab"): " ",
    qn("w:ptab"): " ",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
    qn("w:softHyphen"): "\u00ad",
}
#: Subtrees of a paragraph that are not its visible text: tracked deletions and the old
#: place of moved text (the document is read with changes accepted), properties,
#: drawings and text boxes (decoration, and their text would land inside the sentence),
#: references to notes and comments (kept in other parts, which are skipped).
_NOT_TEXT = frozenset({
    qn("w:del"), qn("w:moveFrom"), _PPR, _RPR, qn("w:drawing"), qn("w:pict"), qn("w:object"),
    f"{{{_MARKUP_COMPATIBILITY}}}AlternateContent", qn("w:footnoteReference"),
    qn("w:endnoteReference"), qn("w:commentReference"),
})
_OFF = frozenset({"0", "false", "off"})


def read_docx(path: str, data: bytes) -> SourceText:
    """The body of a Word document, one paragraph (or table row) per line; a manual
    line break (Shift+Enter) inside a paragraph stays a line break, as the clauses it
    often separates are lines to the segmenter too.

    "paragraph N" counts the paragraphs and table rows that hold text, in the order Word
    shows them. Empty paragraphs are left out of the count: they are spacing a reader
    does not see as paragraphs, so counting them would send the user past the place.
    """
    _check_package(path, data)
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if part.content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:
            raise InputError(
                path, "unreadable",
                f"a Word template or macro-enabled file, not a DOCX ({part.content_type}): save it as .docx",
            )
        body = part.element.body
        styles = part.styles.element
        try:
            numbering = part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except KeyError:
            numbering = None
    except InputError:
        raise
    except Exception as error:  # python-docx, lxml and zipfile raise many kinds
        raise InputError(path, "unreadable", f"damaged DOCX: {short_reason(error)}") from None
    if body is None:
        raise no_prose(path)
    paragraphs = [p for p in _WordText(styles, numbering).blocks(body) if p]
    if not paragraphs:
        raise no_prose(path)
    return paged_source(path, paragraphs, "paragraph")


def _check_package(path: str, data: bytes) -> None:
    """Refuse what is no DOCX, and zip bombs, from the archive's directory alone."""
    if data.startswith(_OLE_SIGNATURE):
        raise InputError(
            path, "unreadable",
            "a password-protected DOCX or an old .doc file: save it as DOCX without a password",
        )
    # Members are counted by the signature of their directory entries before zipfile
    # builds an object for each: 20 MB of empty members would cost seconds and 100 MB.
    # (Compressed data holds the 4-byte signature by chance about once in 4 GB.)
    listed = data.count(_CENTRAL_DIRECTORY_SIGNATURE)
    if listed > MAX_MEMBERS:
        raise InputError(
            path, "too_large", f"{listed} files in the DOCX archive, over the {MAX_MEMBERS} limit"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        if data.startswith(_ZIP_SIGNATURE):
            message = "damaged DOCX: the ZIP archive is truncated or corrupt"
            raise InputError(path, "unreadable", message) from None
        raise InputError(path, "unreadable", "not a DOCX file (not a ZIP archive)") from None
    if not any(member.filename == _MAIN_PART for member in members):
        raise InputError(path, "unreadable", f"not a Word document: no {_MAIN_PART} in the archive")
    if any(member.flag_bits & 0x1 for member in members):
        raise InputError(path, "unreadable", "encrypted DOCX archive")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            path, "too_large",
            f"the DOCX unpacks to {_megabytes(unpacked)}, over the {_megabytes(MAX_UNPACKED_BYTES)} "
            "limit (a zip bomb?)",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= RATIO_CHECKED_FROM and ratio > MAX_COMPRESSION_RATIO:
            raise InputError(
                path, "too_large",
                f"{member.filename} in the DOCX is compressed {ratio:,.0f} times, over the "
                f"{MAX_COMPRESSION_RATIO}:1 limit (a zip bomb?)",
            )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.3g} MB"


def _on(value: str) -> bool:
    """An on/off attribute value: "1", "true", "on" (any but "0", "false", "off")."""
    return value.lower() not in _OFF


def _flag(element: etree._Element | None) -> bool:
    """Whether an on/off property such as ``<w:vanish/>`` is present and on."""
    return element is not None and _on(element.get(_VAL, "true"))


def _int(value: str | None, default: int) -> int:
    """An integer attribute; a malformed one counts as missing (files are often sloppy)."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _WordText:
    """The text of a document body as Word shows it: numbers of numbered paragraphs,
    tracked changes accepted, hidden text and tables of contents left out."""

    def __init__(self, styles: etree._Element, numbering: etree._Element | None):
        self._styles = {s.get(qn("w:styleId")): s for s in styles.iterfind(qn("w:style"))}
        self._default_style = next(
            (
                s.get(qn("w:styleId")) for s in self._styles.values()
                if s.get(qn("w:type")) == "paragraph" and _on(s.get(qn("w:default"), "0"))
            ),
            None,
        )
        self._numbers = _Numbering(numbering, self._style_numbering)

    # -- blocks

    def blocks(self, container: etree._Element) -> Iterator[str]:
        """Paragraphs and table rows of ``container`` in document order, as lines.

        A paragraph whose mark is deleted (tracked) is joined to the next paragraph, as
        accepting the change does; the joined paragraph keeps the number of the mark
        that stays."""
        joined = ""
        for element in _content(container):
            if element.tag == _P:
                text = _inline_text(element)
                if _paragraph_mark_deleted(element):
                    joined += text
                    continue
                # Word numbers an empty numbered paragraph too: count it, show nothing.
                label = self._numbers.label(*self._numbering_of(element))
                text = joined + text
                yield (label + text).strip() if text.strip() else ""
                joined = ""
            elif element.tag == _TBL:
                if joined:
                    yield joined.strip()
                    joined = ""
                yield from self._rows(element)
        if joined:
            yield joined.strip()

    def _rows(self, table: etree._Element) -> Iterator[str]:
        """One line per row, its non-empty cells joined with "; "."""
        for row in _content(table):
            if row.tag != _TR or row.find(f"{qn('w:trPr')}/{qn('w:del')}") is not None:
                continue  # a deleted row (tracked) is gone once changes are accepted
            cells = [
                " ".join(" ".join(self.blocks(cell)).split())
                for cell in _content(row) if cell.tag == _TC
            ]
            yield "; ".join(cell for cell in cells if cell)

    # -- numbering

    def _numbering_of(self, paragraph: etree._Element) -> tuple[str | None, int]:
        """(numId, level) of a paragraph: its own ``w:numPr`` over its style's."""
        properties = paragraph.find(_PPR)
        own = properties.find(qn("w:numPr")) if properties is not None else None
        style_id = None
        if properties is not None and properties.find(qn("w:pStyle")) is not None:
            style_id = properties.find(qn("w:pStyle")).get(_VAL)
        num_id, level = self._style_numbering(style_id or self._default_style)
        if own is not None:
            num_id = _child_value(own, "w:numId") or num_id
            level = _int(_child_value(own, "w:ilvl"), level)
        return (None if num_id in (None, "0") else num_id), level

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int]:
        """(numId, level) a paragraph style gives, following ``w:basedOn``."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            numbering = style.find(f"{_PPR}/{qn('w:numPr')}")
            if numbering is not None and _child_value(numbering, "w:numId"):
                return _child_value(numbering, "w:numId"), _int(_child_value(numbering, "w:ilvl"), 0)
            style_id = _child_value(style, "w:basedOn")
        return None, 0


def _child_value(element: etree._Element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(_VAL)


def _content(element: etree._Element) -> Iterator[etree._Element]:
    """Children of a body, cell or row, looking through content controls and custom
    XML wrappers; a table of contents (a content control of that gallery) is skipped:
    it repeats the headings."""
    stack = [iter(element)]
    while stack:
        for child in stack[-1]:
            if child.tag == _SDT:
                gallery = child.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
                if gallery is None or "contents" not in (gallery.get(_VAL) or "").lower():
                    content = child.find(_SDT_CONTENT)
                    if content is not None:
                        stack.append(iter(content))
                        break
            elif child.tag == _CUSTOM_XML:
                stack.append(iter(child))
                break
            else:
                yield child
        else:
            stack.pop()


def _paragraph_mark_deleted(paragraph: etree._Element) -> bool:
    return paragraph.find(f"{_PPR}/{_RPR}/{qn('w:del')}") is not None


def _inline_text(paragraph: etree._Element) -> str:
    """The visible text of a paragraph's runs (tracked insertions in, deletions out)."""
    parts: list[str] = []
    stack = [iter(paragraph)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in _INLINE_TEXT:
                parts.append(_INLINE_TEXT[tag])
            elif tag in _NOT_TEXT or (tag == _R and _flag(child.find(f"{_RPR}/{qn('w:vanish')}"))):
                continue
            elif len(child):
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return "".join(parts)


# ------------------------------------------------------------------ list numbering


@dataclass
class _Level:
    """How one level of a Word list numbers its paragraphs."""

    format: str = "decimal"
    text: str = ""
    #: ``w:start``; zero when it is missing, as the standard says and Word shows.
    start: int = 0
    #: ``w:lvlRestart``: the level (1-based) whose use restarts this one; 0 never;
    #: None: any shallower level.
    restart: int | None = None
    #: ``w:isLgl``: every level's number shown in decimal ("1.1" under "I").
    legal: bool = False
    suffix: str = " "


@dataclass
class _List:
    """A ``w:num``: an abstract list definition, with its own overrides."""

    abstract: str | None
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


_PLACEHOLDER = patterns.compile(r"%([1-9])")
_BULLET = "• "
_RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
#: Larger numbers are written in digits (a hostile ``w:start`` of 10⁹ must not make a
#: billion letters).
_SPELLED_MAX = 10_000
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


class _Numbering:
    """The numbers Word shows before numbered paragraphs (``numbering.xml``).

    Counters belong to the abstract list, not to the ``w:num`` that points at it: Word
    continues one sequence through every ``w:num`` of the same abstract list, and a
    "restart numbering" is a new ``w:num`` with a ``w:startOverride``, applied when that
    ``w:num`` is first used."""

    def __init__(
        self,
        numbering: etree._Element | None,
        style_numbering: Callable[[str | None], tuple[str | None, int]],
    ):
        self._abstract_levels: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}
        self._lists: dict[str, _List] = {}
        self._style_numbering = style_numbering
        self._counters: dict[str, dict[int, int]] = {}
        self._pending_starts: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if numbering is None:
            return
        for abstract in numbering.iterfind(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            self._abstract_levels[key] = {
                _int(level.get(qn("w:ilvl")), 0): _level(level) for level in abstract.iterfind(qn("w:lvl"))
            }
            link = _child_value(abstract, "w:numStyleLink")
            if link:
                self._style_links[key] = link
        for num in numbering.iterfind(qn("w:num")):
            entry = _List(_child_value(num, "w:abstractNumId"))
            for override in num.iterfind(qn("w:lvlOverride")):
                index = _int(override.get(qn("w:ilvl")), 0)
                start = _child_value(override, "w:startOverride")
                if start is not None:
                    entry.starts[index] = _int(start, 1)
                level = override.find(qn("w:lvl"))
                if level is not None:
                    entry.levels[index] = _level(level)
            self._lists[num.get(qn("w:numId"))] = entry

    def label(self, num_id: str | None, index: int) -> str:
        """The number of the next paragraph of list ``num_id`` at level ``index``
        ("2.1. ", "• "), counting it; "" for an unnumbered paragraph."""
        entry = self._lists.get(num_id) if num_id else None
        abstract = self._abstract_of(entry)
        if entry is None or abstract is None:
            return ""
        levels = {**self._abstract_levels.get(abstract, {}), **entry.levels}
        level = levels.get(index)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract, {})
        pending = self._pending_starts.setdefault(abstract, {})
        if num_id not in self._used:
            self._used.add(num_id)
            pending.update(entry.starts)
        counters[index] = pending.pop(index) if index in pending else counters.get(index, level.start - 1) + 1
        for deeper, other in levels.items():
            if deeper > index and (other.restart is None or index < other.restart):
                counters.pop(deeper, None)
        if level.format == "bullet":
            return _BULLET
        text = _PLACEHOLDER.sub(
            lambda m: self._shown(levels, counters, int(m.group(1)) - 1, level.legal), level.text
        ).strip()
        return text + level.suffix if text else ""

    @staticmethod
    def _shown(levels: dict[int, _Level], counters: dict[int, int], index: int, legal: bool) -> str:
        level = levels.get(index, _Level())
        value = counters.get(index, level.start)
        return str(value) if legal else _format_number(value, level.format)

    def _abstract_of(self, entry: _List | None) -> str | None:
        """The abstract list of a ``w:num``, through a list style's ``numStyleLink``."""
        abstract = entry.abstract if entry else None
        if abstract in self._style_links and not self._abstract_levels.get(abstract):
            linked_num, _ = self._style_numbering(self._style_links[abstract])
            linked = self._lists.get(linked_num) if linked_num else None
            if linked is not None and linked.abstract not in self._style_links:
                return linked.abstract
        return abstract


def _level(element: etree._Element) -> _Level:
    suffix = _child_value(element, "w:suff")
    restart = _child_value(element, "w:lvlRestart")
    return _Level(
        format=_child_value(element, "w:numFmt") or "decimal",
        text=_child_value(element, "w:lvlText") or "",
        start=_int(_child_value(element, "w:start"), 0),
        restart=None if restart is None else _int(restart, 0),
        legal=_flag(element.find(qn("w:isLgl"))),
        suffix="" if suffix == "nothing" else " ",
    )


def _format_number(value: int, style: str) -> str:
    """``value`` written in a Word number format (unknown formats as decimals)."""
    if not 0 < value <= _SPELLED_MAX:
        return str(value)
    if style in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("russianLower", "russianUpper"):
        count = len(_RUSSIAN_LETTERS)
        letter = _RUSSIAN_LETTERS[(value - 1) % count] * ((value - 1) // count + 1)
        return letter.upper() if style == "russianUpper" else letter
    if style in ("lowerRoman", "upperRoman"):
        roman = []
        for amount, digits in _ROMAN:
            count, value = divmod(value, amount)
            roman.append(digits * count)
        return "".join(roman).upper() if style == "upperRoman" else "".join(roman)
    if style == "decimalZero":
        return f"{value:02d}"
    if style == "none":
        return ""
    return str(value)
