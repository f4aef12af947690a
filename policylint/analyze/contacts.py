"""Contacts: e-mail addresses, phone numbers, URLs and postal addresses.

Values are normalised so that the same contact compares equal across places and
language versions: e-mails lower-cased, phones as ``+7`` and ten digits, URLs with the
scheme and host lower-cased and a bare trailing "/" dropped, addresses as written.
Malformed e-mails and URLs («https:///amart.kz/», «http//site.kz», «info@@site.kz»,
«info @site.kz») are kept with ``valid=False``.

A postal address needs more than a city: comma-separated address parts (postcode,
country, region, district, settlement, street, house/flat/office, "Street 39", a house
number) that include a settlement or region together with a postcode, street or house
part. «в г. Алматы» alone, or «в адрес Компании, указанный …», is not an address.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from policylint import patterns
from policylint.model import Contact, Document, Span
from policylint.resources import load_data

_TLDS = (
    "kz|ru|com|org|net|info|biz|io|app|dev|ai|co|me|su|uz|kg|by|ua|am|az|ge|tj|tm|eu|de|uk"
    "|us|cn|tr|ae|online|site|store|shop|pro|tech|cloud|edu|gov"
)
_CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
_EMAIL = (
    r"(?P<email>(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*[ \u00a0]?@{1,2}[ \u00a0]?"
    r"[A-Za-z0-9-]+(?:\.{1,2}[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9_]))"
)
#: A URL with a scheme (also a broken one: «http//», «https:///», «https: //») or www.
_URL = (
    rf"(?P<url>(?<![\w/])(?:(?i:https?|ftp)(?:[ \u00a0]?:[ \u00a0]?/{{1,4}}|/{{2,3}})|www\.)"
    rf"[^\s<>«»\"'\[\]{{}}|\\^`{_CYRILLIC}]+)"
)
#: A bare domain in lower case with a known top-level domain: «bektek.kz», «mdai.gov.kz».
_DOMAIN = (
    r"(?P<domain>(?<![\w.@/:-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    rf"(?:{_TLDS})(?:/[^\s<>«»\"'\[\]{{}}|\\^`{_CYRILLIC}]*)?(?![\w@-])"
    r"|(?<![\w.@/:-])(?:[а-яёәғқңөұүһі0-9-]+\.)+(?:рф|қаз|рус)(?!\w))"
)
_PHONE = (
    r"(?P<phone>(?<![\w+./-])(?:\+[ \u00a0]?7|8)(?:[ \u00a0()-]{0,3}\d){10}(?!\d)"
    r"|(?<![\w+./-])\+(?!7)[1-9]\d{0,2}(?:[ \u00a0()-]{0,3}\d){6,12}(?!\d))"
)
_CONTACT = patterns.compile("|".join((_EMAIL, _URL, _DOMAIN, _PHONE)))
#: Cheap test for a clause that may hold a contact (most clauses do not).
_CONTACT_HINT = patterns.compile(r"@|//|www\.|\.[a-zа-яё]|\d[\d \u00a0()-]{8}\d")

_VALID_EMAIL = patterns.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9_%+-]|\.(?!\.))*(?<!\.)@[A-Za-z0-9](?:[A-Za-z0-9-]|\.(?!\.))*"
    r"\.[A-Za-z]{2,}"
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST = rf"{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}"
_VALID_URL = patterns.compile(rf"(?:(?i:https?|ftp)://(?:www\.)?|www\.){_HOST}(?::\d+)?(?:[/?#]\S*)?")
_NON_DIGIT = patterns.compile(r"\D")
_TRAILING = ".,;:!?»\"'"

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_WORD = rf"[{_UP}0-9«\"][\w«»\"'-]*"
_NAMED = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_ADDRESS_PARTS = {
    "postcode": (
        r"(?:(?i:почтовый\s+индекс|индекс|пошта\s+индексі)\s*:?\s*)?(?<!\d)\d{6}(?![\d.,]\d)"
    ),
    "country": (
        r"(?:Республик[аи]\s+Казахстан|Қазақстан\s+Республикасы|Republic\s+of\s+Kazakhstan"
        r"|Казахстан|Қазақстан|Kazakhstan|РК|ҚР)(?!\w)"
    ),
    "region": (
        rf"[{_UP}][\w-]+\s+(?:облысы|(?i:обл(?:асть|асти|\.)))|(?i:обл(?:асть|\.))\s+[{_UP}][\w-]+"
    ),
    "district": (
        rf"[{_UP}][\w-]+\s+(?:ауданы|(?i:район|р-н))(?!\w)|(?i:район|р-н)\s+[{_UP}][\w-]+"
    ),
    "settlement": (
        r"(?i:г\.|гор\.|город|с\.|село|пос\.|пгт|посёлок|поселок)"
        rf"\s*[{_UP}][\w-]+(?:-[{_UP}][\w-]+)?"
        rf"|[{_UP}][\w-]+(?:[\s-][{_UP}][\w-]+)?\s+(?:қаласы|қ\.|ауылы|кенті)"
    ),
    "street": (
        r"(?i:ул\.|улица|пр\.|пр-т|просп\.|проспект|мкр\.?|микрорайон|б-р|бульвар|пер\.|переулок"
        rf"|шоссе|пл\.|площадь|наб\.|набережная|трасса|тракт)\s*{_NAMED}"
        rf"|{_NAMED}\s+(?:көшесі|к-сі|даңғылы|даң\.|шағын\s+ауданы|ы/а\.?|ш/а\.?|ш\.а\.|тұйығы)"
    ),
    "house": (
        r"(?i:д\.|дом|зд\.|здание|корп\.|корпус|стр\.|строение|кв\.|квартира|офис|оф\."
        r"|каб\.|кабинет|пом\.|помещение|н\.п\.|блок|этаж)\s*№?\s*\d+[\w/-]*"
        r"|\d+[\w/-]*\s*(?:үй|пәтер|кеңсе|қабат)(?!\w)|(?:үй|пәтер|кеңсе)\s*№?\s*\d+[\w/-]*"
    ),
    "numbered": rf"[{_UP}][\w-]+(?:\s+[{_UP}][\w-]+)?\s+\d+[\w/-]*",
    # a house number alone («ул. Жибек Жолы, 50»); like "numbered", it only extends a run
    "number": r"\d{1,4}(?:[/-]\d{1,4}|[а-яА-Я])?(?![\w.,]\d)",
}
_PART_GAP = patterns.compile(r"\s*[,;]?\s*")
#: Substrings (of the lower-cased clause) that a clause with an address must contain:
#: one of the place markers and one of the detail markers or a 6-digit postcode.
_PLACE_HINTS = (
    "г.",
    "гор",
    "город",
    "қаласы",
    "қ.",
    "с.",
    "село",
    "пос",
    "пгт",
    "ауыл",
    "кент",
    "обл",
)
_DETAIL_HINTS = (
    "ул.",
    "улиц",
    "пр.",
    "пр-т",
    "просп",
    "мкр",
    "микрорайон",
    "переул",
    "б-р",
    "бульвар",
    "шоссе",
    "пл.",
    "площад",
    "наб",
    "трасс",
    "тракт",
    "д.",
    "дом",
    "зд",
    "корп",
    "стр",
    "кв.",
    "квартир",
    "офис",
    "оф.",
    "каб",
    "пом",
    "н.п.",
    "блок",
    "этаж",
    "көше",
    "к-сі",
    "даң",
    "аудан",
    "ы/а",
    "ш/а",
    "ш.а.",
    "тұйығы",
    "үй",
    "пәтер",
    "кеңсе",
    "қабат",
)
_POSTCODE = patterns.compile(r"(?<!\d)\d{6}(?!\d)")
_PLACE_KINDS = {"settlement", "region"}
_DETAIL_KINDS = {"postcode", "street", "house"}


@functools.cache
def _address_part() -> re.Pattern[str]:
    """Compiled on first use: few clauses get past _may_hold_address."""
    return patterns.compile(
        "|".join(rf"(?P<{kind}>(?<![\w.])(?:{regex}))" for kind, regex in _ADDRESS_PARTS.items())
    )


@functools.cache
def _free_mail_domains() -> frozenset[str]:
    return frozenset(load_data("free_mail.yaml")["domains"])


def is_free_mail(email: str) -> bool:
    """True if ``email`` is on a free public mail service (gmail.com, mail.ru, …)."""
    return email.rpartition("@")[2].strip().lower() in _free_mail_domains()


def _strip_trailing(text: str) -> str:
    """Drop trailing punctuation; keep a ")" that closes a "(" inside the URL."""
    while text:
        unbalanced = text[-1] == ")" and text.count("(") < text.count(")")
        if text[-1] not in _TRAILING and not unbalanced:
            break
        text = text[:-1]
    return text


def _phone_value(raw: str) -> str:
    """«8 (727) 123-45-67» → "+77271234567"; international numbers keep their code."""
    digits = _NON_DIGIT.sub("", raw)
    return "+" + digits if raw.startswith("+") else "+7" + digits[1:]


def _normalise_url(url: str) -> str:
    """Scheme and host lower-cased, a bare trailing "/" dropped."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    host, slash, path = rest.partition("/")
    return scheme.lower() + separator + host.lower() + (slash + path if path else "")


def _may_hold_address(body: str) -> bool:
    lowered = body.lower()
    return any(hint in lowered for hint in _PLACE_HINTS) and (
        any(hint in lowered for hint in _DETAIL_HINTS) or _POSTCODE.search(body) is not None
    )


def _runs(body: str) -> Iterator[list[re.Match[str]]]:
    """Address parts of ``body`` grouped into runs separated only by commas/spaces."""
    run: list[re.Match[str]] = []
    for part in _address_part().finditer(body):
        if run and not _PART_GAP.fullmatch(body, run[-1].end(), part.start()):
            yield run
            run = []
        run.append(part)
    if run:
        yield run


def _addresses(body: str, offset: int, clause: int) -> list[Contact]:
    """Postal addresses in one clause."""
    found: list[Contact] = []
    if not _may_hold_address(body):
        return found
    for run in _runs(body):
        while run and run[0].lastgroup == "number":  # a house number does not start one
            run = run[1:]
        kinds = {part.lastgroup for part in run}
        if kinds & _PLACE_KINDS and kinds & _DETAIL_KINDS:
            a, b = run[0].start(), run[-1].end()
            found.append(Contact("address", body[a:b], Span(offset + a, offset + b), clause))
    return found


def extract_contacts(doc: Document) -> list[Contact]:
    """All contacts in ``doc``, in document order."""
    found: list[Contact] = []
    text = doc.text
    for clause in doc.clauses:
        start = clause.span.start
        body = text[start : clause.span.end]
        matches = _CONTACT.finditer(body) if _CONTACT_HINT.search(body) else ()
        for match in matches:
            kind = match.lastgroup
            raw = match.group()
            if kind == "email":
                value, valid = raw.lower(), _VALID_EMAIL.fullmatch(raw) is not None
            elif kind == "phone":
                value, valid = _phone_value(raw), True
            else:
                raw = _strip_trailing(raw)
                if not raw:
                    continue
                valid = kind == "domain" or _VALID_URL.fullmatch(raw) is not None
                value, kind = (_normalise_url(raw) if valid else raw), "url"
            span = Span(start + match.start(), start + match.start() + len(raw))
            found.append(Contact(kind, value, span, clause.index, valid))
        found.extend(_addresses(body, start, clause.index))
    found.sort(key=lambda c: c.span)
    return found
