"""Normalise source text for matching, keeping a map from every character back to the source.

In order: line endings become ``\\n``; words hyphenated across a line break are joined;
odd spaces become spaces and invisible characters go; Latin look-alike letters inside
Cyrillic words become Cyrillic (Kazakh ``ə`` → ``ә`` everywhere); Markdown links and
escapes are unwrapped; list markers at line starts are removed; runs of spaces collapse;
page chrome before the policy (shop notices, menus, prices) is dropped. Case and ``ё``
are kept: matchers handle them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from policylint import patterns
from policylint.model import NormalizedText, SourceText
from policylint.resources import load_data

#: What replaces a regex match: text, a group number (that group is kept with its own
#: source offsets), or a sequence of both.
_Replacement = str | int | tuple[str | int, ...]


class _Builder:
    """Text under normalisation and the source offset of each character (and of its end).

    Every edit is a regex substitution, so offsets are carried by slices, never computed:
    unchanged text keeps its offsets; a replacement of the same length maps character
    by character; any other inserted text maps to the start of what it replaces.
    """

    def __init__(self, text: str):
        self.text = text
        self.origin: list[int] = list(range(len(text) + 1))

    def sub(
        self,
        pattern: re.Pattern[str] | type[_MixedWords],
        replace: Callable[[re.Match[str]], _Replacement],
    ) -> None:
        """Replace every match of ``pattern`` by ``replace(match)``."""
        text, old = self.text, self.origin
        parts: list[str] = []
        origin: list[int] = []
        last = 0
        for match in pattern.finditer(text):
            start, end = match.span()
            new = replace(match)
            if new == match.group():
                continue
            parts.append(text[last:start])
            origin.extend(old[last:start])
            if isinstance(new, str) and len(new) == end - start:
                parts.append(new)
                origin.extend(old[start:end])
            else:
                for piece in new if isinstance(new, tuple) else (new,):
                    if isinstance(piece, int):
                        piece_start, piece_end = match.span(piece)
                        parts.append(text[piece_start:piece_end])
                        origin.extend(old[piece_start:piece_end])
                    else:
                        parts.append(piece)
                        origin.extend([old[start]] * len(piece))
            last = end
        if not parts:
            return
        parts.append(text[last:])
        origin.extend(old[last:])
        self.text = "".join(parts)
        self.origin = origin

    def drop_prefix(self, end: int) -> None:
        """Remove ``text[:end]``."""
        if end > 0:
            self.text = self.text[end:]
            self.origin = self.origin[end:]

    def result(self) -> NormalizedText:
        return NormalizedText(self.text, self.origin)


# ---------------------------------------------------------------- characters and words

_LOWER = "a-zа-яёәғқңөұүһіə"
_CR = patterns.compile(r"\r\n?")
#: A word broken by a line break (PDF hyphenation): «обра-\nботки», only between
#: lower-case letters so that «Интернет-\nПлатформа» keeps its hyphen.
_BLANK = r"[ \t\u00a0\u202f]*"
_HYPHENATION = patterns.compile(
    rf"(?<=[{_LOWER}])[-\u00ad\u2010]{_BLANK}\n(?:{_BLANK}\n)?{_BLANK}(?=[{_LOWER}])"
)
_CHAR_MAP = {
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008", " "),
    **dict.fromkeys("\u2009\u200a\u202f\u205f\u3000\t", " "),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff", ""),
    **dict.fromkeys("\f\v\x85\u2028\u2029", "\n"),
    **dict.fromkeys([chr(c) for c in (*range(0x09), *range(0x0E, 0x20), 0x7F)], ""),
    "\u0259": "\u04d9",  # Latin schwa ə → Cyrillic ә
    "\u018f": "\u04d8",  # Ə → Ә
}
_SPECIAL_CHARS = patterns.compile("[" + re.escape("".join(_CHAR_MAP)) + "]")

#: A word holding both Latin and Cyrillic letters (the lookaheads stay inside the word).
_MIXED_WORD = patterns.compile(r"\b(?=[^\W\d_]*?[A-Za-z])(?=[^\W\d_]*?[\u0400-\u04ff])[^\W\d_]+")
_LATIN_RUN = patterns.compile(r"[A-Za-z]+")
_LETTER = patterns.compile(r"[^\W\d_]")


class _MixedWords:
    """Finds what ``_MIXED_WORD.finditer`` finds, trying it only at the start of words
    with a Latin letter (rare in these texts, so much faster)."""

    @staticmethod
    def finditer(text: str) -> Iterator[re.Match[str]]:
        done = 0
        for latin in _LATIN_RUN.finditer(text):
            start = latin.start()
            if start < done:
                continue  # in the word matched last
            while start and _LETTER.match(text, start - 1):
                start -= 1
            match = _MIXED_WORD.match(text, start)
            if match:
                done = match.end()
                yield match


_LOOKALIKE_LATIN = "aeopcxyikmhtbABEKMHOPCTXI"
_LOOKALIKES = str.maketrans(_LOOKALIKE_LATIN, "аеорсхуікмһтьАВЕКМНОРСТХІ")
_NOT_LOOKALIKE = patterns.compile(r"[dfgjlnqrsuvwzDFGJLNQRSUVWYZ]")


def _cyrillic_word(match: re.Match[str]) -> str:
    """The word with its Latin look-alike letters made Cyrillic («Кoмпания», «бiлдiре»),
    if it is mostly Cyrillic and every Latin letter in it has a Cyrillic twin: «CookiesДо»
    (glued table cells) stays as it is."""
    word = match.group()
    latin = sum(1 for ch in word if ch.isascii())
    if _NOT_LOOKALIKE.search(word) or latin > len(word) - latin:
        return word
    return word.translate(_LOOKALIKES)


# ------------------------------------------------------------------ markup and layout

#: ``<http://www.jukte.kz>``, ``<mailto:…>``, ``<name@host.kz>``
_AUTOLINK = patterns.compile(
    r"<((?:https?://|www\.|mailto:)[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>"
)
_MD_LINK = patterns.compile(r"\[([^\]\n]+)\]\(([^()\s]*)\)")
_MD_ESCAPE = patterns.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_ABSOLUTE_URL = patterns.compile(r"(?:https?://|www\.|mailto:)", re.IGNORECASE)
_BULLETS = "•▪◦·‣⁃●○■□►▸\uf0a7\uf0b7"
#: Leading spaces and list markers, repeated («  • • История заказов», «- 1.1.»): bullets,
#: and dashes or an asterisk followed by a space.
_LINE_START = patterns.compile(
    rf"^(?=[ {_BULLETS}\-–—−*]) *(?:(?:[{_BULLETS}]|[-–—−*](?= )) *)*", re.MULTILINE
)
_MD_HEADING = patterns.compile(r"^ {0,3}#{1,6}(?: +|$)", re.MULTILINE)
#: Spaces at a line end (removed) or a run of them inside a line (one space is kept).
_SPACES = patterns.compile(r" +(?:(?P<line_end>)(?![^\n])|(?<=  ))")


def _link(match: re.Match[str]) -> _Replacement:
    """``[text](#)`` → ``text``; ``[text](https://x.kz)`` → ``text https://x.kz``."""
    target = match.group(2)
    if not _ABSOLUTE_URL.match(target) or target == match.group(1):
        return 1
    return (1, " ", 2)


# ------------------------------------------------------------------------ page chrome

#: A line that belongs to the policy itself: it is never page chrome.
_POLICY_WORDS = patterns.compile(
    r"политик|положени|конфиденциальн|персональн|соглашени|оферт|құпиял|саясат|дербес|келісім"
    r"|privacy|policy|personal|terms",
    re.IGNORECASE,
)
_BARE_NUMBER = patterns.compile(r"\d{1,3}\.?")
_SENTENCE_PUNCTUATION = patterns.compile(r"[.:;!?]")
_CITY_MAX = 40


@dataclass(frozen=True)
class _Chrome:
    phrases: re.Pattern[str]
    shapes: re.Pattern[str]
    city_label: re.Pattern[str]
    max_length: int
    max_lines: int


@functools.cache
def _chrome() -> _Chrome:
    """The chrome vocabulary of ``rules/data/page_chrome.yaml``, compiled once."""
    data = load_data("page_chrome.yaml")
    phrases = {p for group in data["phrases"].values() for p in group}
    # Longest first; ties in a fixed order so that the pattern (and its cache entry, see
    # policylint.patterns) is the same in every run.
    by_length = sorted(phrases, key=lambda p: (-len(p), p))
    phrase = "|".join(re.escape(p) for p in by_length)
    labels = "|".join(re.escape(label) for label in data["city_labels"])
    between = r"[\W\d_]*"  # punctuation and counters: «Войти | Регистрация», «Корзина (0)»
    return _Chrome(
        phrases=patterns.compile(
            rf"{between}(?:{phrase})(?:{between}(?:{phrase}))*{between}", re.IGNORECASE
        ),
        shapes=patterns.compile("|".join(f"(?:{shape})" for shape in data["shapes"]), re.IGNORECASE),
        city_label=patterns.compile(rf"(?:{labels})(?:\W.*)?", re.IGNORECASE),
        max_length=int(data["max_line_length"]),
        max_lines=int(data["max_lines"]),
    )


def _chrome_end(text: str) -> int:
    """Offset where the policy starts after leading page-chrome lines (0 if none).

    Lines are dropped only while each is short and matches the chrome vocabulary (or is
    the value after a «Ваш город» label), and only if a line of the policy follows. A bare
    number right before the policy is kept: it may be its first section number."""
    chrome = _chrome()
    dropped: list[tuple[int, str]] = []
    after_label = False
    position = 0
    for _ in range(chrome.max_lines):
        if position >= len(text):
            return 0
        end = text.find("\n", position)
        end = len(text) if end == -1 else end
        line, start, position = text[position:end].strip(), position, end + 1
        if not line:
            continue
        if len(line) > chrome.max_length or _POLICY_WORDS.search(line):
            break
        if after_label and len(line) <= _CITY_MAX and not _SENTENCE_PUNCTUATION.search(line):
            after_label = False
        elif chrome.city_label.fullmatch(line):
            after_label = True
        elif chrome.phrases.fullmatch(line) or chrome.shapes.fullmatch(line):
            after_label = False
        else:
            break
        dropped.append((start, line))
    else:
        return 0
    if not dropped:
        return 0
    cut = start
    while dropped and _BARE_NUMBER.fullmatch(dropped[-1][1]):
        cut = dropped.pop()[0]
    return cut


# ------------------------------------------------------------------------------ main


def normalize(source: SourceText) -> NormalizedText:
    """``source.text`` normalised for matching, with ``to_source`` offsets into it."""
    builder = _Builder(source.text)
    if "\r" in builder.text:
        builder.sub(_CR, lambda m: "\n")
    builder.sub(_HYPHENATION, lambda m: "")
    builder.sub(_SPECIAL_CHARS, lambda m: _CHAR_MAP[m.group()])
    builder.sub(_MixedWords, _cyrillic_word)
    if "<" in builder.text:
        builder.sub(_AUTOLINK, lambda m: 1)
    if "](" in builder.text:
        builder.sub(_MD_LINK, _link)
    if "\\" in builder.text:
        builder.sub(_MD_ESCAPE, lambda m: 1)
    if source.path.lower().endswith((".md", ".markdown")):
        builder.sub(_MD_HEADING, lambda m: "")
    builder.sub(_LINE_START, lambda m: "")
    builder.sub(_SPACES, lambda m: "" if m.group("line_end") is not None else " ")
    builder.drop_prefix(_chrome_end(builder.text))
    return builder.result()
