"""Decode plain-text inputs: BOMs, UTF-8, UTF-16 without a BOM, legacy Cyrillic code pages.

The order matters and nothing is guessed silently: a byte-order mark decides; otherwise
strict UTF-8; otherwise UTF-16 when NUL bytes sit in alternate positions; only then a
charset detector restricted to Cyrillic code pages, whose result is accepted only if it
reads as Cyrillic/Latin prose. Anything else is an ``InputError``.
"""

from __future__ import annotations

import codecs

from policylint import patterns
from policylint.model import InputError, SourceText

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Code pages the detector may choose from. KZ-1048 is cp1251 with the Kazakh letters:
#: without it a Kazakh file in that code page decodes as cp1251 into «жјне ґѕдеумен».
CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic", "kz1048")

#: Share of NUL bytes in one byte parity that marks UTF-16 text without a BOM.
_UTF16_NUL_SHARE = 0.05
#: Share of control characters above which decoded "text" is binary.
_CONTROL_SHARE = 0.01
#: Below this many letters a text is too short to judge; it only must not look binary.
_MIN_LETTERS_TO_JUDGE = 20

_CONTROL = patterns.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: A carriage return that ends a line on its own (old Mac files).
_LONE_CR = patterns.compile(r"\r(?!\n)")
_LETTER = patterns.compile(r"[^\W\d_]")
_CYRILLIC_OR_LATIN = patterns.compile(r"[A-Za-z\u0400-\u04ff\u0259\u018f]")
_CYRILLIC = patterns.compile(r"[\u0400-\u04ff]")
#: Cyrillic letters of neither Russian nor Kazakh (Serbian, Macedonian, Ukrainian …): a
#: wrong code page produces them («РџРѕР»» is UTF-8 read as cp1251).
_FOREIGN_CYRILLIC = patterns.compile(r"(?![а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ])[\u0400-\u04ff]")
_WORD = patterns.compile(r"[^\W\d_]+")
_MIXED_WORD = patterns.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
#: Largest share of odd Cyrillic letters, and of Cyrillic words that hold Latin letters
#: too (a Latin-1 «Größe» read as cp1251 is «GrцЯe»).
_FOREIGN_SHARE = 0.01
_MIXED_SHARE = 0.05


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def looks_like_prose(text: str) -> bool:
    """True if ``text`` reads as Russian/Kazakh/Latin prose: mostly letters of those
    alphabets, mostly lower case (a wrong code page turns KOI8-R lower case into cp1251
    upper case), words in one script, and almost no control characters."""
    if _control_share(text) > _CONTROL_SHARE:
        return False
    letters = _LETTER.findall(text)
    if len(letters) < _MIN_LETTERS_TO_JUDGE:
        return True
    visible = sum(1 for ch in text if not ch.isspace())
    if len(letters) < 0.5 * visible:
        return False
    if len(_CYRILLIC_OR_LATIN.findall(text)) < 0.95 * len(letters):
        return False
    lower = sum(1 for ch in letters if ch.islower())
    if lower < len(letters) - lower:
        return False
    cyrillic = len(_CYRILLIC.findall(text))
    if len(_FOREIGN_CYRILLIC.findall(text)) > _FOREIGN_SHARE * cyrillic:
        return False
    cyrillic_words = [w for w in _WORD.findall(text) if _CYRILLIC.search(w)]
    mixed = sum(1 for w in cyrillic_words if _MIXED_WORD.search(w))
    return mixed <= _MIXED_SHARE * len(cyrillic_words)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            path, "encoding", f"invalid {encoding} at byte {error.start}; cannot decode the file"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """The encoding name if NUL bytes cluster in one byte parity (UTF-16 LE/BE)."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = max(len(data) // 2, 1)
    if odd > 4 * even and odd / half >= _UTF16_NUL_SHARE:
        return "utf-16-le"
    if even > 4 * odd and even / half >= _UTF16_NUL_SHARE:
        return "utf-16-be"
    return None


def _detect_cyrillic(data: bytes, path: str, bad_utf8: int) -> tuple[str, str]:
    """Decode with the best Cyrillic code page, if the result reads as prose
    (``bad_utf8``: where UTF-8 decoding failed, for the message)."""
    from charset_normalizer import from_bytes  # 50 ms to import: only for legacy files

    best = from_bytes(data, cp_isolation=list(CYRILLIC_ENCODINGS)).best()
    if best is not None:
        text = str(best)
        if looks_like_prose(text):
            return text, best.encoding
    message = f"invalid UTF-8 at byte {bad_utf8}, and no Cyrillic code page reads it as text"
    raise InputError(path, "encoding", message)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """``(text, encoding name)`` of a plain-text file, or ``InputError``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding.removesuffix("-sig"), path), encoding
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(path, "binary", "binary file (NUL bytes), not text")
        text = _strict(data, utf16, path)
        if not looks_like_prose(text):
            raise InputError(path, "encoding", f"looks like {utf16} but does not decode to text")
        return text, utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        bad_utf8 = error.start
    if _control_share(data.decode("latin-1")) > _CONTROL_SHARE:
        raise InputError(path, "binary", "binary file (control bytes), not text")
    return _detect_cyrillic(data, path, bad_utf8)


def decode_source(data: bytes, path: str) -> tuple[str, str]:
    """``(text, encoding)`` of a text-based file (plain text, markup, code) with lone
    carriage returns made line feeds — same length, so offsets stay true."""
    text, encoding = decode(data, path)
    return _LONE_CR.sub("\n", text), encoding


def read_text(path: str, data: bytes) -> SourceText:
    """A plain-text (or Markdown) input as ``SourceText``. Offsets stay true to the file:
    ``\\r\\n`` is kept (normalise maps it to ``\\n``), and a lone ``\\r`` becomes ``\\n`` —
    same length — so that ``SourceText.locate`` counts its lines."""
    text, encoding = decode_source(data, path)
    if _control_share(text) > _CONTROL_SHARE:
        raise InputError(path, "binary", "binary file (control characters), not text")
    if not text.strip():
        raise InputError(path, "empty", "the file holds no text")
    return SourceText(path, text, encoding)
