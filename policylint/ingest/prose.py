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
import html
import re
from collections.abc import Callable, Iterator, Sequence
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
            current.chunks.clear()
            current.runs.clear()
            current.placeholders.clear()
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

#: A piece of template text: ``(kind, start, end, label)``. Kinds: ``"text"`` (prose),
#: ``"string"`` (the body of a quoted literal that the template prints as prose: a
#: translation call whose argument is the sentence itself, Django ``{% trans "…" %}``),
#: ``"value"`` (a printed expression; ``label`` is its readable name), ``"directive"``
#: (control syntax, template comments, code: dropped, read as a word break).
Piece = tuple[str, int, int, str | None]

#: The longest a template construct runs: an opener without its closer within this
#: many characters is a stray brace in prose. It also keeps every scan linear.
MAX_CONSTRUCT = 4000
#: Characters of directive arguments (``@if(...)``) scanned per file at most: a
#: hostile file of ten million unclosed ``@if(`` costs this much, then the rest of its
#: directives are read without arguments.
_ARGUMENT_BUDGET = 200_000

#: Openers of template syntax → (closer, kind): Blade and Handlebars comments; printed
#: values of Blade, Jinja, Twig, Nunjucks, Liquid, Vue, Angular, Handlebars (``{{ }}``,
#: ``{{{ }}}``, ``{!! !!}``); tags and comments of Jinja, Django, Twig, Liquid
#: (``{% %}``, ``{# #}``); ERB/EJS (``<%= %>``, ``<% %>``, ``<%# %>``); JS ``${}``.
_DELIMITERS: dict[str, tuple[str, str]] = {
    "{{--": ("--}}", "comment"),
    "{{!--": ("--}}", "comment"),
    "{{!": ("}}", "comment"),
    "{{{": ("}}}", "value"),
    "{{": ("}}", "value"),
    "{!!": ("!!}", "value"),
    "{%": ("%}", "tag"),
    "{#": ("#}", "comment"),
    "<%#": ("%>", "comment"),
    "<%=": ("%>", "value"),
    "<%-": ("%>", "value"),
    "<%": ("%>", "tag"),
    "${": ("}", "value"),
}
#: Blade directives. Only these names: an ``@`` in prose is far more often a Telegram
#: handle or an e-mail (the ``@`` must not follow a letter, dot or hyphen).
_BLADE_DIRECTIVES = (
    "if", "elseif", "else", "endif", "unless", "endunless", "isset", "endisset", "empty",
    "endempty", "auth", "endauth", "guest", "endguest", "foreach", "endforeach", "forelse",
    "endforelse", "for", "endfor", "while", "endwhile", "switch", "case", "break",
    "continue", "endswitch", "section", "endsection", "yield", "extends", "include",
    "includeIf", "includeWhen", "parent", "push", "endpush", "prepend", "endprepend",
    "stack", "component", "endcomponent", "slot", "endslot", "props", "csrf", "method",
    "lang", "choice", "json", "vite", "verbatim", "endverbatim", "php", "endphp",
    "livewire", "livewireStyles", "livewireScripts",
)
_OPENER = patterns.compile(
    "|".join(re.escape(opener) for opener in sorted(_DELIMITERS, key=len, reverse=True))
    + r"|(?<![\w.@-])@(?P<blade>"
    + "|".join(sorted(_BLADE_DIRECTIVES, key=len, reverse=True))
    + r")\b"
)
#: A quoted string literal of JS, PHP, Python, Twig (``body`` without the quotes).
_QUOTED = r"""(?P<q>['"`])(?P<body>(?:\\.|(?!(?P=q))[^\\])*)(?P=q)"""
#: What a printed expression may be to print a sentence: a call of a translation
#: function (Laravel ``__``/``trans``/``@lang``, vue-i18n ``$t``, svelte-i18n ``$_``,
#: gettext ``_``), a translation filter (Twig ``'…'|trans``, Liquid ``'…' | t``), or a
#: bare literal (``{"…"}`` in Svelte, ``{{ '…' }}``).
_TRANSLATED = (
    patterns.compile(
        r"\s*(?:__|trans|translate|t|\$t|\$tc|i18n\.t|\$i18n\.t|_|\$_|gettext|lang|@lang|choice)"
        rf"\s*\(\s*{_QUOTED}\s*[,)]",
        re.DOTALL,
    ),
    patterns.compile(rf"\s*{_QUOTED}\s*\|\s*(?:trans|translate|t)\b", re.DOTALL),
    patterns.compile(rf"\s*{_QUOTED}\s*$", re.DOTALL),
)
#: Django ``{% trans "…" %}`` / ``{% translate "…" noop %}`` (``as var`` only stores it).
_TRANS_TAG = patterns.compile(rf"-?\s*(?:trans|translate)\s+{_QUOTED}(?P<rest>.*)", re.DOTALL)
_STORED = patterns.compile(r"\bas\s+\w+")
#: Django ``{% comment %}`` … ``{% endcomment %}`` and Blade ``@php`` … ``@endphp``:
#: blocks that may span markup.
_COMMENT_TAG = patterns.compile(r"-?\s*comment\b")
_END_COMMENT = patterns.compile(r"\{%-?\s*endcomment\s*-?%\}")
_END_PHP = patterns.compile(r"(?<![\w.@-])@endphp\b")
#: Handlebars/Mustache control inside ``{{ }}``: ``{{#if}}``, ``{{/if}}``, ``{{^x}}``,
#: ``{{> partial}}``, ``{{else}}``.
_MUSTACHE_CONTROL = patterns.compile(r"\s*(?:[#/^>]|else\b)")
#: Svelte blocks and tags ``{#if}``, ``{:else}``, ``{/if}``, ``{@html …}``, and JS
#: comments ``{/* … */}`` (MDX).
_BRACE_CONTROL = patterns.compile(r"\s*(?:[#:@]|/)")
_EXPRESSION_NAME = patterns.compile(r"[A-Za-z_$][\w$]*(?:(?:\.|->|::|\?\.)[A-Za-z_$][\w$]*)*")
_STRING_END = {
    "'": patterns.compile(rf"'(?:\\.|[^\\'\n]){{0,{MAX_CONSTRUCT}}}'"),
    '"': patterns.compile(rf'"(?:\\.|[^\\"\n]){{0,{MAX_CONSTRUCT}}}"'),
    "`": patterns.compile(rf"`(?:\\.|[^\\`]){{0,{MAX_CONSTRUCT}}}`", re.DOTALL),
}
_BRACE_STOP = patterns.compile(r"[{}'\"`]")
_PARENTHESIS_STOP = patterns.compile(r"[()'\"]")


def _translated(expression: str) -> re.Match[str] | None:
    for pattern in _TRANSLATED:
        match = pattern.match(expression)
        if match:
            return match
    return None


def expression_label(expression: str) -> str:
    """A short readable name for an interpolated expression: ``$company->name`` →
    ``company.name``; a translation call or filter → its key."""
    translated = _translated(expression)
    if translated:
        return translated.group("body")
    match = _EXPRESSION_NAME.search(expression)
    if not match:
        return expression.strip()
    return match.group().lstrip("$").replace("->", ".").replace("::", ".").replace("?.", ".")


def _literal_piece(literal: re.Match[str], offset: int, start: int, end: int) -> Piece:
    """A printed literal: its body as prose when it is a sentence (Laravel and gettext
    use the source sentence as the key), else a placeholder named by the key."""
    body = literal.group("body")
    if is_prose(body):
        return "string", offset + literal.start("body"), offset + literal.end("body"), None
    return "value", start, end, body


def _value_piece(text: str, start: int, end: int, inner_start: int, inner_end: int) -> Piece:
    """The piece a printed expression ``text[inner_start:inner_end]`` reads as."""
    expression = text[inner_start:inner_end]
    literal = _translated(expression)
    if literal and not (literal.group("q") == "`" and "${" in literal.group("body")):
        return _literal_piece(literal, inner_start, start, end)
    return "value", start, end, expression_label(expression) or "…"


def _string_end(text: str, start: int) -> int | None:
    """The end of the string literal whose opening quote is ``text[start]``, or None."""
    match = _STRING_END[text[start]].match(text, start)
    return match.end() if match else None


class _Scan:
    """State of one scan of a template: where the next closer of each kind lies (one
    lookup serves every opener before it, and an opener with no closer ahead makes
    later ones fail at once: ten thousand stray ``{{`` cost one search), and the budget
    left for directive arguments."""

    def __init__(self, text: str):
        self.text = text
        self._next: dict[str | re.Pattern[str], int] = {}
        self.budget = _ARGUMENT_BUDGET

    def closer(self, closer: str | re.Pattern[str], start: int) -> tuple[int, int] | None:
        """``(start, end)`` of the first ``closer`` at or after ``start`` within
        ``MAX_CONSTRUCT`` characters, or None."""
        known = self._next.get(closer)
        if known is None or -1 < known < start:
            if isinstance(closer, str):
                known = self.text.find(closer, start)
            else:
                match = closer.search(self.text, start)
                known = match.start() if match else -1
            self._next[closer] = known
        if known == -1 or known - start > MAX_CONSTRUCT:
            return None
        if isinstance(closer, str):
            return known, known + len(closer)
        match = closer.match(self.text, known)
        return (known, match.end()) if match else None

    def arguments_end(self, start: int) -> int | None:
        """The end of the parenthesised arguments opening at ``text[start]``, quoted
        strings skipped, or None if they do not close within ``MAX_CONSTRUCT``."""
        text, depth, pos = self.text, 0, start
        limit = min(len(text), start + MAX_CONSTRUCT, start + self.budget)
        while True:
            match = _PARENTHESIS_STOP.search(text, pos, limit)
            if match is None:
                self.budget -= limit - start
                return None
            char, pos = match.group(), match.end()
            if char in "'\"":
                pos = _string_end(text, match.start()) or pos
            elif char == "(":
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    self.budget -= pos - start
                    return pos


def template_constructs(text: str) -> Iterator[tuple[str, int, int, Piece]]:
    """Constructs of the delimited template dialects (Blade, Jinja/Django, Twig,
    Liquid, Handlebars, Vue, ERB/EJS) in ``text``: ``(kind, start, end, piece)``, kind
    ``"comment"``, ``"tag"`` or ``"value"``, and the piece the construct reads as."""
    scan = _Scan(text)
    pos = 0
    while True:
        opener = _OPENER.search(text, pos)
        if opener is None:
            return
        construct: tuple[str, int, int, Piece] | None
        if opener.group("blade"):
            construct = _blade_directive(scan, opener)
        else:
            closer, kind = _DELIMITERS[opener.group()]
            found = scan.closer(closer, opener.end())
            construct = None if found is None else _delimited(scan, kind, opener, found)
        if construct is None:
            pos = opener.start() + 1
            continue
        yield construct
        pos = construct[2]


def _delimited(
    scan: _Scan, kind: str, opener: re.Match[str], closer: tuple[int, int]
) -> tuple[str, int, int, Piece]:
    text, start, inner_start = scan.text, opener.start(), opener.end()
    inner_end, end = closer
    inner = text[inner_start:inner_end]
    if kind == "value" and not _MUSTACHE_CONTROL.match(inner):
        return kind, start, end, _value_piece(text, start, end, inner_start, inner_end)
    if kind == "tag" and _COMMENT_TAG.match(inner):
        closing = scan.closer(_END_COMMENT, end)
        if closing is not None:
            return "comment", start, closing[1], ("directive", start, closing[1], None)
    trans = _TRANS_TAG.match(inner) if kind == "tag" else None
    if trans and not _STORED.search(trans.group("rest")):
        return kind, start, end, _literal_piece(trans, inner_start, start, end)
    return "comment" if kind == "comment" else "tag", start, end, ("directive", start, end, None)


def _blade_directive(scan: _Scan, opener: re.Match[str]) -> tuple[str, int, int, Piece]:
    text, start, end, name = scan.text, opener.start(), opener.end(), opener.group("blade")
    arguments = end
    while arguments < len(text) and text[arguments] in " \t":
        arguments += 1
    if arguments < len(text) and text[arguments] == "(":
        close = scan.arguments_end(arguments)
        if close is not None:
            if name in ("lang", "choice"):
                return "value", start, close, _value_piece(text, start, close, start, close)
            return "tag", start, close, ("directive", start, close, None)
    if name == "php":  # a block of PHP code up to @endphp
        closing = scan.closer(_END_PHP, end)
        if closing is not None:
            return "comment", start, closing[1], ("directive", start, closing[1], None)
    return "tag", start, end, ("directive", start, end, None)


def brace_expressions(text: str, depth: int = 0) -> tuple[list[tuple[int, int]], int]:
    """Spans of the single-brace expressions of Svelte, Astro and MDX (``{…}``, braces
    included) in ``text``, and the brace depth at its end. With ``depth`` > 0, ``text``
    continues an expression opened before it (JSX inside an Astro expression splits it
    into several text nodes): the first span then starts at 0; an expression still
    open at the end runs to the end. Quoted strings inside expressions are skipped."""
    spans: list[tuple[int, int]] = []
    opened = 0
    pos = 0
    while True:
        match = _BRACE_STOP.search(text, pos)
        if match is None:
            break
        char, pos = match.group(), match.end()
        if char == "{":
            if depth == 0:
                opened = match.start()
            depth += 1
        elif depth == 0:  # a closing brace or a quote in prose
            continue
        elif char == "}":
            depth -= 1
            if depth == 0:
                spans.append((opened, pos))
        else:
            pos = _string_end(text, match.start()) or pos
    if depth:
        spans.append((opened, len(text)))
    return spans, depth


def _brace_piece(text: str, start: int, end: int) -> Piece:
    """The piece a complete single-brace expression ``text[start:end]`` reads as."""
    if _BRACE_CONTROL.match(text, start + 1, end - 1):
        return "directive", start, end, None
    return _value_piece(text, start, end, start + 1, end - 1)


class TemplateText:
    """Reads the text of one template in document order: prose as text, printed
    values as placeholders, directives as word breaks, HTML character references
    decoded in place.

    ``syntax``: ``"template"`` for the delimited dialects (``{{ }}``, ``{% %}``,
    ``@if``, ``<%= %>`` …), ``"braces"`` for single-brace expressions (Svelte, Astro,
    MDX), ``"plain"`` for none. With braces, an expression left open by one text goes
    on in the next: ``depth`` carries it (a walker of nested markup saves and restores
    it around each element, since JSX inside an expression has its own text)."""

    def __init__(self, syntax: str = "template"):
        self.syntax = syntax
        self.depth = 0

    def pieces(self, text: str) -> list[Piece]:
        """``text`` split into consecutive pieces (see ``Piece``)."""
        if self.syntax == "template":
            constructs = [(start, end, piece) for _kind, start, end, piece in template_constructs(text)]
        elif self.syntax == "braces":
            carried = self.depth > 0
            spans, self.depth = brace_expressions(text, self.depth)
            constructs = [
                (start, end, ("directive", start, end, None))
                if (carried and start == 0) or (self.depth and end == len(text))
                else (start, end, _brace_piece(text, start, end))
                for start, end in spans
            ]
        else:
            constructs = []
        pieces: list[Piece] = []
        pos = 0
        for start, end, piece in constructs:
            if start > pos:
                pieces.append(("text", pos, start, None))
            pieces.append(piece)
            pos = end
        if pos < len(text):
            pieces.append(("text", pos, len(text), None))
        return pieces

    def add(
        self, builder: ProseBuilder, text: str, origin: int | Sequence[int], *, keep_lines: bool = False
    ) -> None:
        """Append ``text``: ``original[origin:origin + len(text)]`` (HTML character
        references are then decoded), or text already decoded whose character ``i``
        came from ``origin[i]`` (Markdown after the parser)."""
        start = origin if isinstance(origin, int) else None
        offsets = range(origin, origin + len(text) + 1) if isinstance(origin, int) else origin
        for kind, a, b, label in self.pieces(text):
            if kind == "text":
                piece = text[a:b]
                if start is None:
                    builder.mapped_text(piece, offsets[a:b], keep_lines=keep_lines)
                elif "&" in piece:
                    decoded, references = decode_entities(piece, start + a)
                    builder.mapped_text(decoded, references, keep_lines=keep_lines)
                else:
                    builder.text(piece, start + a, keep_lines=keep_lines)
            elif kind == "string":
                decoded, escapes = decode_escapes(text[a:b], a)
                builder.mapped_text(decoded, [offsets[i] for i in escapes[: len(decoded)]], keep_lines=keep_lines)
            elif kind == "value":
                builder.placeholder(label or "…", offsets[a], offsets[b - 1] + 1)
            else:
                builder.space(offsets[a])


def template_pieces(text: str) -> list[Piece]:
    """``text`` of a delimited template dialect split into pieces (see ``Piece``)."""
    return TemplateText().pieces(text)


# ----------------------------------------------------------- decoding with offsets

_ENTITY = patterns.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def _decode(text: str, start: int, pattern: re.Pattern[str],
            value: Callable[[str], str]) -> tuple[str, list[int]]:
    """``text`` with every match of ``pattern`` replaced by ``value(match)``; each
    resulting character keeps the original offset it came from (a replacement: its
    match's start)."""
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        out.append(text[pos : match.start()])
        origin.extend(range(start + pos, start + match.start()))
        decoded = value(match.group())
        out.append(decoded)
        origin.extend([start + match.start()] * len(decoded))
        pos = match.end()
    out.append(text[pos:])
    origin.extend(range(start + pos, start + len(text) + 1))
    return "".join(out), origin


def decode_entities(text: str, start: int) -> tuple[str, list[int]]:
    """HTML character references decoded (``&nbsp;`` → NBSP, ``&laquo;`` → «), with the
    original offset of each resulting character."""
    if "&" not in text:
        return text, list(range(start, start + len(text) + 1))
    return _decode(text, start, _ENTITY, html.unescape)


_ESCAPE = patterns.compile(
    r"\\(?:u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|.)", re.DOTALL
)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": "", "\n": "", "\r\n": ""}


def _escape_value(escape: str) -> str:
    """What one backslash escape (``\\n``, ``\\u0430``, ``\\x41``, ``\\101``, ``\\"``) stands for."""
    body = escape[1:]
    if body in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[body]
    if body[0] == "u" and len(body) > 1:
        code = int(body[1:].strip("{}"), 16)
        return chr(code) if code <= 0x10FFFF else ""
    if body[0] == "x" and len(body) > 1:
        return chr(int(body[1:], 16))
    if body.isdigit():
        return chr(int(body, 8))
    return body


def decode_escapes(text: str, start: int) -> tuple[str, list[int]]:
    """The value of the body of a C-like string literal (JS, JSON, Python, PHP, Kotlin):
    ``\\n``, ``\\u0430``, ``\\x41``, ``\\"`` decoded, with the original offset of each
    resulting character."""
    if "\\" not in text:
        return text, list(range(start, start + len(text) + 1))
    return _decode(text, start, _ESCAPE, _escape_value)


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
