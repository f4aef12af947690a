"""БИН/БСН and ИИН/ЖСН: find 12-digit identifiers and check their structure.

A number counts as an identifier when a label stands right before it («БИН:
251140031036», «(БСН 2202 4003 7922)»), when the previous clause is nothing but the
label (tables and definition lists: «БИН:» / «251140031036»), or — for a bare 12-digit
number with a valid structure — when the same clause names an organisation or its
requisites («ТОО «Бектек» 251140031036», «Реквизиты: 251140031036»). A labelled
number of the wrong length is reported with structure "malformed".
"""

from __future__ import annotations

import re

from policylint import patterns
from policylint.analyze.operator import extract_operators
from policylint.model import Document, Identifier, Span

_BIN_LABELS = ("БИН", "БСН", "BIN")
_IIN_LABELS = ("ИИН", "ЖСН", "IIN")

_ABBR = r"(?:БИН|БСН|ИИН|ЖСН|BIN|IIN)"
_FULL = (
    r"(?i:бизнес[-\s]идентификационн\w*\s+номер\w*|индивидуальн\w*\s+идентификационн\w*"
    r"\s+номер\w*|бизнес[-\s]сәйкестендіру\s+нөмір\w*|жеке\s+сәйкестендіру\s+нөмір\w*)"
)
#: A label: «БИН», «БИН/ИИН», «ИИН (БИН)», «БСН-і», «бизнес-идентификационный номер».
_LABEL = (
    rf"(?<!\w)(?P<label>{_ABBR}(?:\s*(?:/|\\|или|немесе|\()\s*{_ABBR}\)?)?(?:-\w+)?"
    rf"|{_FULL})(?!\w)"
)
#: Digits, possibly in groups separated by single spaces («2511 4003 1036»).
_NUMBER = r"(?P<number>(?<![\d+])\d+(?:[ \u00a0]\d+)*)(?![\d])"
#: Between label and number: spaces, or a colon/dash and spaces or a line break («БИН:⏎…»).
_SEPARATOR = r"[ \t\u00a0]{0,3}(?:[:№#=–—-]\s{0,4})?"

_LABELLED = patterns.compile(_LABEL + _SEPARATOR + _NUMBER)
#: A clause that consists of a label only («БИН:»): the number is in the next clause.
_LABEL_ONLY = patterns.compile(r"\s*" + _LABEL + r"\s*[:：]?\s*")
_NUMBER_AT_START = patterns.compile(r"\s*" + _NUMBER)
_DIGIT_RUN = patterns.compile(r"\d+")
#: Words that make a bare 12-digit number in their clause an identifier, besides a
#: legal name: «Реквизиты: …», «Деректемелер: …».
_REQUISITES = patterns.compile(r"реквизит|деректеме", re.I)
_BARE = patterns.compile(r"(?<![\d+\-./])\d{12}(?![\d\-./])")

_WEIGHTS = (tuple(range(1, 12)), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))
#: Labelled numbers shorter than this are not taken as identifiers at all.
_MIN_MALFORMED_DIGITS = 6


def check_digit_ok(digits: str) -> bool:
    """True if ``digits`` is 12 digits and the check digit (LAW.md) holds."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    values = [int(c) for c in digits]
    for weights in _WEIGHTS:
        remainder = sum(v * w for v, w in zip(values[:11], weights, strict=True)) % 11
        if remainder != 10:
            return remainder == values[11]
    return False


def structure(digits: str) -> str:
    """What the digits say: "bin" (digit 5 is 4/5/6), "iin" (0–3, with a valid birth
    date and century digit) or "malformed"."""
    if len(digits) != 12 or not digits.isdigit() or not 1 <= int(digits[2:4]) <= 12:
        return "malformed"
    kind = digits[4]
    if kind in "456":
        return "bin"
    if kind in "0123" and 1 <= int(digits[4:6]) <= 31 and digits[6] in "123456":
        return "iin"
    return "malformed"


def _label_kind(label: str) -> str | None:
    """ "BIN", "IIN", or None for an ambiguous «БИН/ИИН» label."""
    upper = label.upper()
    has_bin = any(x in upper for x in _BIN_LABELS) or upper.startswith("БИЗНЕС")
    has_iin = any(x in upper for x in _IIN_LABELS) or upper.startswith(("ИНДИВИД", "ЖЕКЕ"))
    if has_bin == has_iin:
        return None
    return "BIN" if has_bin else "IIN"


def _take_number(match: re.Match[str]) -> tuple[str, int, int] | None:
    """Digits and relative span of the identifier in a ``number`` group.

    Space-separated groups are joined while they add up to at most 12 digits and the
    first group is short (a 12-digit block is not continued): «2511 4003 1036» and
    «251140031036 2020» yield 12 digits, «2511 4003 103» the 11 (malformed) ones.
    """
    start = match.start("number")
    groups = list(_DIGIT_RUN.finditer(match.group("number")))
    digits, end = groups[0].group(), start + groups[0].end()
    if len(digits) <= 6:
        for group in groups[1:]:
            if len(digits) + len(group.group()) > 12:
                break
            digits += group.group()
            end = start + group.end()
    if len(digits) < _MIN_MALFORMED_DIGITS:
        return None
    return digits, start, end


def _identifier(digits: str, label: str | None, span: Span, clause: int) -> Identifier:
    return Identifier(digits, label, structure(digits), check_digit_ok(digits), span, clause)


def extract_identifiers(doc: Document) -> list[Identifier]:
    """All БИН/ИИН identifiers of ``doc`` in document order."""
    found: list[Identifier] = []
    text = doc.text
    org_clauses: set[int] | None = None  # clauses naming an organisation, found on demand
    # Set when the previous clause is a label only: (label kind,), kind None if ambiguous.
    pending: tuple[str | None] | None = None
    for clause in doc.clauses:
        start = clause.span.start
        body = text[start : clause.span.end]
        taken: list[tuple[int, int]] = []

        if pending is not None:
            head = _NUMBER_AT_START.match(body)
            number = _take_number(head) if head else None
            if number:
                digits, a, b = number
                found.append(
                    _identifier(digits, pending[0], Span(start + a, start + b), clause.index)
                )
                taken.append((a, b))
        only = _LABEL_ONLY.fullmatch(body)
        pending = (_label_kind(only.group("label")),) if only else None
        if only:
            continue

        for match in _LABELLED.finditer(body):
            number = _take_number(match)
            if number is None:
                continue
            digits, _, b = number
            a = match.start("label")
            found.append(
                _identifier(
                    digits,
                    _label_kind(match.group("label")),
                    Span(start + a, start + b),
                    clause.index,
                )
            )
            taken.append((a, b))

        for match in _BARE.finditer(body):
            a, b = match.span()
            if any(a < y and x < b for x, y in taken) or structure(match.group()) == "malformed":
                continue
            if org_clauses is None:
                org_clauses = {name.clause for name in extract_operators(doc)}
            if clause.index in org_clauses or _REQUISITES.search(body):
                found.append(
                    _identifier(match.group(), None, Span(start + a, start + b), clause.index)
                )
    found.sort(key=lambda x: x.span)
    return found
