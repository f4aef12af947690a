"""Prose pulled out of markup and code, with a map from every character back to the file.

Readers of website formats (HTML, JSX, Vue, i18n JSON …) walk a real parse tree and feed
a ``ProseBuilder`` the text a reader of the page would see: text nodes, string and
template literals. The builder joins the pieces into paragraphs, keeps for each character
the offset in the original file it came from (``OriginMap``), records interpolations as
visible placeholders («{company}»), and puts language versions (i18n ``ru``/``kk``/``en``
keys) one after the other so that the segmenter sees a Kazakh and a Russian version.
"""

from __future__ import annotations

import bisect
import re
import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from policylint import patterns
from policylint.model import InputError, SourceText

# ----------------------------------------------------------------------- offset maps


class OriginMap(Sequence[int]):
    """``map[i]`` = offset in the original file of character ``i`` of the extracted text.

    Stored as runs (text start, original start, length) — extracted prose is made of
    long contiguous stretches of the file — so a 10 MB page costs a few thousand runs
    rather than millions of integers."""

    def __init__(self, runs: list[tuple[int, int, int]], length: int, end_origin: int):
        self._starts = [run[0] for run in runs]
        self._runs = runs
        self._length = length
        self._end = end_origin

    def __len__(self) -> int:
        return self._length + 1

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index >= self._length:
            return self._end
        k = bisect.bisect_right(self._starts, index) - 1
        text_start, origin_start, length = self._runs[k]
        return origin_start + min(index - text_start, max(length - 1, 0))


class ByteOffsets:
    """Character offsets of UTF-8 byte offsets into ``text`` (tree-sitter counts bytes).

    Lookups in document order cost the bytes between them; checkpoints make a jump back
    cheap, so a one-line 5 MB bundle is not decoded over and over."""

    _STEP = 1 << 14

    def __init__(self, text: str):
        self.data = text.encode("utf-8")
        self._ascii = len(self.data) == len(text)
        self._checkpoints: list[tuple[int, int]] = [(0, 0)]
        self._last = (0, 0)

    def __call__(self, byte: int) -> int:
        if self._ascii:
            return byte
        last_byte, last_char = self._last
        if byte < last_byte:
            k = bisect.bisect_right(self._checkpoints, (byte, float("inf"))) - 1
            last_byte, last_char = self._checkpoints[k]
        char = last_char + len(self.data[last_byte:byte].decode("utf-8", "ignore"))
        if byte - self._checkpoints[-1][0] >= self._STEP:
            self._checkpoints.append((byte, char))
        self._last = (byte, char)
        return char


# ----------------------------------------------------------------------- the builder

#: Language keys of i18n dictionaries and ``lang`` switches, as the language they mean.
LANGUAGE_KEYS = {
    "ru": "ru", "ru-ru": "ru", "ru_ru": "ru", "rus": "ru", "russian": "ru",
    "kk": "kk", "kz": "kk", "kk-kz": "kk", "kk_kz": "kk", "kaz": "kk", "kazakh": "kk", "qq": "kk",
    "en": "en", "en-us": "en", "en_us": "en", "en-gb": "en", "eng": "en", "english": "en",
}
#: The order language versions are laid out in.
_VERSION_ORDER = {None: 0, "kk": 1, "ru": 2, "en": 3}
#: Switches between Kazakh and Russian per kk/ru paragraph from which paragraphs
#: without language keys are taken to alternate (``ProseBuilder.build``).
_SWITCHES_PER_PARAGRAPH = 0.25

_SPACE_RUN = patterns.compile(r"\s+")
_LINE_BREAK_RUN = patterns.compile(r"[ \t\f\v\u00a0]*\n[\s]*")


def language_key(key: str | None) -> str | None:
    """The language an i18n key names (``"kz"`` → ``"kk"``), or None."""
    return LANGUAGE_KEYS.get(key.strip().lower()) if key else None


@dataclass
class _Paragraph:
    lang: str | None
    chunks: list[str] = field(default_factory=list)
    #: (offset in the paragraph, offset in the original, length) per chunk.
    runs: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0
    placeholders: list[tuple[int, int]] = field(default_factory=list)

    def append(self, text: str, origin: int, length_in_origin: int | None = None) -> None:
        if not text:
            return
        self.chunks.append(text)
        self.runs.append((self.length, origin, len(text) if length_in_origin is None else length_in_origin))
        self.length += len(text)

    @property
    def blank(self) -> bool:
        return not any(chunk.strip() for chunk in self.chunks)


class ProseBuilder:
    """Collects prose pieces of one file into a ``SourceText``.

    ``text()`` appends to the current paragraph, ``paragraph()`` starts a new one (in a
    given language, for i18n versions), ``placeholder()`` appends an interpolation."""

    def __init__(self, path: str, original: str, encoding: str = "utf-8"):
        self.path = path
        self.original = original
        self.encoding = encoding
        self._paragraphs: list[_Paragraph] = [_Paragraph(None)]
        self._lang: str | None = None

    # -- building

    def paragraph(self, lang: str | None = None) -> None:
        """End the current paragraph; the next text starts a new one in ``lang``
        (``None``: the language of the enclosing block, if any)."""
        if lang is not None:
            self._lang = lang
        current = self._paragraphs[-1]
        if current.blank:
            current.chunks.clear(), current.runs.clear(), current.placeholders.clear()
            current.length, current.lang = 0, self._lang
        else:
            self._paragraphs.append(_Paragraph(self._lang))

    def language(self, lang: str | None) -> None:
        """Set the language of the paragraphs that follow (``None``: unknown)."""
        self._lang = lang
        self.paragraph()
        self._paragraphs[-1].lang = lang

    def text(self, text: str, start: int, *, keep_lines: bool = False) -> None:
        """Append ``text``, which is ``original[start:start + len(text)]`` (or reads as
        that stretch: e.g. a decoded string literal of the same length). White space is
        collapsed; with ``keep_lines`` a blank line starts a new paragraph and a single
        line break stays a line break (template literals, Markdown)."""
        if keep_lines and "\n" in text:
            pos = 0
            for match in _LINE_BREAK_RUN.finditer(text):
                self._inline(text[pos : match.start()], start + pos)
                if match.group().count("\n") > 1:
                    self.paragraph()
                elif self._paragraphs[-1].length:
                    self._paragraphs[-1].append("\n", start + match.start(), 1)
                pos = match.end()
            self._inline(text[pos:], start + pos)
            return
        self._inline(text, start)

    def mapped_text(self, text: str, origin: Sequence[int], *, keep_lines: bool = False) -> None:
        """Append ``text`` whose character ``i`` came from ``origin[i]`` (decoded escapes,
        entities): pieces that map one-to-one are appended as runs."""
        if not text:
            return
        run_start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or origin[i] != origin[i - 1] + 1:
                self.text(text[run_start:i], origin[run_start], keep_lines=keep_lines)
                run_start = i

    def _inline(self, text: str, start: int) -> None:
        paragraph = self._paragraphs[-1]
        pos = 0
        for match in _SPACE_RUN.finditer(text):
            paragraph.append(text[pos : match.start()], start + pos)
            if paragraph.length and not paragraph.chunks[-1][-1:].isspace():
                paragraph.append(" ", start + match.start(), 1)
            pos = match.end()
        paragraph.append(text[pos:], start + pos)

    def space(self, at: int) -> None:
        """A word break between two inline pieces (``<br>``, a tag between words)."""
        paragraph = self._paragraphs[-1]
        if paragraph.length and not paragraph.chunks[-1][-1:].isspace():
            paragraph.append(" ", at, 1)

    def placeholder(self, name: str, start: int, end: int) -> None:
        """A value filled in at run time (``${company}``, ``{{ $operator }}``), shown as
        «{name}» and remembered, so rules can tell it from an unfilled blank."""
        paragraph = self._paragraphs[-1]
        label = "{" + (_SPACE_RUN.sub(" ", name).strip()[:60] or "…") + "}"
        begin = paragraph.length
        paragraph.append(label, start, max(end - start, 1))
        paragraph.placeholders.append((begin, paragraph.length))

    # -- result

    def has_text(self) -> bool:
        return any(not p.blank for p in self._paragraphs)

    def build(self, kind: str = "source") -> SourceText:
        """The collected prose; language versions laid out one after the other.

        Paragraphs under language keys are ordered kk, ru, en (unkeyed ones first). In
        a file with no key at all whose paragraphs keep switching between Kazakh and
        Russian (a string per language picked by ``lang === 'kk' ? … : …``), paragraphs
        are ordered the same way by their detected language, so that the segmenter sees
        one version per language. A file in one language, or with one block per
        language, is left as it is."""
        paragraphs = [p for p in self._paragraphs if not p.blank]
        if any(p.lang for p in paragraphs):
            paragraphs.sort(key=lambda p: _VERSION_ORDER.get(p.lang, 4))
        else:
            paragraphs = self._by_detected_language(paragraphs)
        chunks: list[str] = []
        runs: list[tuple[int, int, int]] = []
        placeholders: list[tuple[int, int]] = []
        length = 0
        for paragraph in paragraphs:
            if length:  # the paragraph break points at the end of the paragraph before
                last = runs[-1]
                runs.append((length, last[1] + last[2], 1))
                chunks.append("\n\n")
                length += 2
            runs.extend((length + offset, origin, size) for offset, origin, size in paragraph.runs)
            placeholders.extend((length + a, length + b) for a, b in paragraph.placeholders)
            text = "".join(paragraph.chunks).rstrip()
            chunks.append(text)
            length += len(text)
        text = "".join(chunks)
        runs = runs or [(0, 0, 0)]
        origin = OriginMap(runs, len(text), len(self.original))
        return SourceText(
            self.path, text, self.encoding, original=self.original, origin=origin,
            kind=kind, placeholders=placeholders,
        )

    @staticmethod
    def _by_detected_language(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
        """Paragraphs ordered by their detected language if Kazakh and Russian ones
        alternate: at least two switches, and a switch per four kk/ru paragraphs (one
        misread heading in a Kazakh text makes two switches, not an alternation). A
        paragraph without letters stays with the one before it."""
        from policylint.segment import clause_language  # the segmenter's own test

        languages: list[str | None] = []
        for paragraph in paragraphs:
            lang = clause_language("".join(paragraph.chunks))
            languages.append(lang if lang in _VERSION_ORDER else (languages[-1] if languages else None))
        bilingual = [lang for lang in languages if lang in ("kk", "ru")]
        switches = sum(1 for a, b in zip(bilingual, bilingual[1:]) if a != b)
        if switches < max(2, _SWITCHES_PER_PARAGRAPH * len(bilingual)):
            return paragraphs
        order = sorted(range(len(paragraphs)), key=lambda i: _VERSION_ORDER[languages[i]])
        return [paragraphs[i] for i in order]


# --------------------------------------------------------------- what counts as prose

_CYRILLIC_WORD = patterns.compile(r"[\u0400-\u04ff]{2,}")
_LATIN_WORD = patterns.compile(r"[A-Za-z]{2,}")
#: A token of code rather than prose: CSS classes (``text-sm``, ``md:flex``), paths,
#: identifiers with dots or underscores, calls, URLs.
_CODE_TOKEN = patterns.compile(
    r"[\w@#$%&*+=/\\.:;,\-\[\]()<>{}'\"|!?^~`]*[-_:/\\.=()\[\]{}<>$#@|][\w@#$%&*+=/\\.:;,\-\[\]()<>{}'\"|!?^~`]*"
)
_URL_OR_EMAIL = patterns.compile(r"\s*(?:[a-z][a-z0-9+.-]*:\S+|\S+@\S+\.\w+|/\S*|\./\S*)\s*", re.IGNORECASE)


def is_prose(text: str) -> bool:
    """True for a string a reader of the page would read: Cyrillic words, or an English
    sentence; False for class names, keys, paths, URLs, identifiers and code."""
    if _URL_OR_EMAIL.fullmatch(text):
        return False
    if _CYRILLIC_WORD.search(text):
        return True
    words = text.split()
    if len(_LATIN_WORD.findall(text)) < 3 or len(words) < 3:
        return False
    code = sum(1 for w in words if _CODE_TOKEN.fullmatch(w) and not w.rstrip(".,;:!?").isalpha())
    return code < 0.3 * len(words)


# ------------------------------------------------------ template syntax inside text

#: Template directives that print a value (Blade/Jinja/Twig/Vue/Angular ``{{ … }}``,
#: Blade ``{!! … !!}``, Svelte/JSX-like ``{…}``), and directives that only steer the
#: template (``{% … %}``, ``{# … #}``, ``{{-- … --}}``, Blade ``@if(...)``/``@endif``,
#: Svelte ``{#if …}``/``{/if}``/``{:else}``).
_TEMPLATE = patterns.compile(
    r"(?P<comment>\{\{--.*?--\}\}|\{#.*?#\}|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\})"
    r"|(?P<tag>\{%.*?%\}|\{[#:/@][a-z][^{}]*\}|@(?:if|elseif|else|endif|foreach|endforeach|for|endfor|"
    r"isset|endisset|auth|endauth|section|endsection|yield|extends|include|push|endpush|stack|"
    r"csrf|php|endphp|unless|endunless|switch|case|break|endswitch|lang|component|endcomponent)"
    r"\b(?:\s*\((?:[^()]|\([^()]*\))*\))?)"
    r"|(?P<print>\{\{\{?(?P<expr1>.*?)\}?\}\}|\{!!(?P<expr2>.*?)!!\}|\$\{(?P<expr3>[^{}]*)\})",
    re.DOTALL,
)
_EXPRESSION_NAME = patterns.compile(r"[A-Za-z_$][\w$]*(?:(?:\.|->|::|\?\.)[A-Za-z_$][\w$]*)*")
#: A printed call to a translation function: ``{{ __('privacy.title') }}``, ``{{ t("…") }}``.
_TRANSLATION_CALL = patterns.compile(r"""^\s*(?:__|trans|t|\$t|_|gettext|lang|@lang)\s*\(\s*['"]([^'"]+)['"]""")


def expression_label(expression: str) -> str:
    """A short readable name for an interpolated expression: ``$company->name`` →
    ``company.name``; a translation call → its key."""
    call = _TRANSLATION_CALL.match(expression)
    if call:
        return call.group(1)
    match = _EXPRESSION_NAME.search(expression)
    if not match:
        return expression.strip()
    return match.group().lstrip("$").replace("->", ".").replace("::", ".").replace("?.", ".")


def template_pieces(text: str) -> Iterator[tuple[str, int, int, str | None]]:
    """Split text that may hold template syntax into ``(kind, start, end, label)``:
    kind ``"text"`` for prose, ``"value"`` for a printed expression (label = its
    name), ``"directive"`` for control syntax and template comments (dropped)."""
    pos = 0
    for match in _TEMPLATE.finditer(text):
        if match.start() > pos:
            yield "text", pos, match.start(), None
        if match.group("print") is not None:
            expression = match.group("expr1") or match.group("expr2") or match.group("expr3") or ""
            yield "value", match.start(), match.end(), expression_label(expression)
        else:
            yield "directive", match.start(), match.end(), None
        pos = match.end()
    if pos < len(text):
        yield "text", pos, len(text), None


def add_template_text(builder: ProseBuilder, text: str, start: int, *, keep_lines: bool = False) -> None:
    """Append a text node of a template: prose as text, printed values as placeholders,
    directives as word breaks. HTML character references are decoded in place."""
    for kind, a, b, label in template_pieces(text):
        if kind == "text":
            decoded, origin = decode_entities(text[a:b], start + a)
            builder.mapped_text(decoded, origin, keep_lines=keep_lines)
        elif kind == "value":
            builder.placeholder(label or "…", start + a, start + b)
        else:
            builder.space(start + a)


# ----------------------------------------------------------- decoding with offsets

_ENTITY = patterns.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def decode_entities(text: str, start: int) -> tuple[str, list[int]]:
    """HTML character references decoded (``&nbsp;`` → NBSP, ``&laquo;`` → «), with the
    original offset of each resulting character."""
    if "&" not in text:
        return text, list(range(start, start + len(text) + 1))
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for match in _ENTITY.finditer(text):
        out.append(text[pos : match.start()])
        origin.extend(range(start + pos, start + match.start()))
        decoded = html.unescape(match.group())
        out.append(decoded)
        origin.extend([start + match.start()] * len(decoded))
        pos = match.end()
    out.append(text[pos:])
    origin.extend(range(start + pos, start + len(text) + 1))
    return "".join(out), origin


_ESCAPE = patterns.compile(
    r"\\(?:u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|.)", re.DOTALL
)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": "", "\n": "", "\r\n": ""}


def decode_escapes(text: str, start: int) -> tuple[str, list[int]]:
    """The value of the body of a C-like string literal (JS, JSON, Python, PHP, Kotlin):
    ``\\n``, ``\\u0430``, ``\\x41``, ``\\"`` decoded, with the original offset of each
    resulting character."""
    if "\\" not in text:
        return text, list(range(start, start + len(text) + 1))
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for match in _ESCAPE.finditer(text):
        out.append(text[pos : match.start()])
        origin.extend(range(start + pos, start + match.start()))
        body = match.group()[1:]
        if body in _SIMPLE_ESCAPES:
            value = _SIMPLE_ESCAPES[body]
        elif body[0] == "u":
            digits = body[1:].strip("{}")
            value = chr(int(digits, 16)) if int(digits, 16) <= 0x10FFFF else ""
        elif body[0] == "x":
            value = chr(int(body[1:], 16))
        elif body.isdigit():
            value = chr(int(body, 8))
        else:
            value = body
        out.append(value)
        origin.extend([start + match.start()] * len(value))
        pos = match.end()
    out.append(text[pos:])
    origin.extend(range(start + pos, start + len(text) + 1))
    return "".join(out), origin


def short_reason(error: Exception) -> str:
    """A short one-line reason for a library's exception."""
    text = " ".join(str(error).split())
    return (text[:120] + "…" if len(text) > 120 else text) or type(error).__name__


def no_prose(path: str) -> InputError:
    """The error of a document format (DOCX, PDF) in which no text was found."""
    return InputError(path, "no_text", "no text found in the file")


def paged_source(path: str, parts: list[str], noun: str) -> SourceText:
    """Pages or paragraphs, one after the other on lines of their own."""
    starts: list[int] = []
    offset = 0
    for part in parts:
        starts.append(offset)
        offset += len(part) + 1
    return SourceText(path, "\n".join(parts), page_starts=starts, page_noun=noun, kind="document")
