"""Legal names of the operator/owner: a legal form together with a name.

Russian puts the form first («ТОО «Бектек»», «Товарищество с ограниченной
ответственностью «Бектек»», «ИП Иванов И.И.»); Kazakh usually puts it after the quoted
name («"AITU - Sauda" ЖШС», ««ЭСПЕРАНС-РК» ЖШС-НІҢ») but also before it («ЖШС «…»»,
«Жеке кәсіпкер Иванов»). The forms are listed in ``rules/data/legal_forms.yaml``. A form
with no name after it («ТОО и АО», «юридическое лицо») is not a legal name.

An individual is reported (form "individual") only when introduced as the operator with
a full name including the patronymic: «Оператор — Иванов Иван Иванович».
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from policylint import patterns
from policylint.model import Document, OperatorName, Span
from policylint.resources import load_data

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zа-яёәғқңөұүһіə"
#: A quoted name; «…» may nest one level («Компания «Альфа»»).
_QUOTED = (
    r"«(?:[^«»\n]|«[^«»\n]*»){1,100}»"
    r"|[“„”\"](?:[^“”„\"«»\n]){1,100}[”“\"]"
    r"|'[^'\n]{1,100}'"
)
_INITIALS = rf"[{_UPPER}]\.\s?[{_UPPER}]\.?"
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_PATRONYMIC = rf"[{_UPPER}][{_LOWER}]+(?:вич|вна|чна|ұлы|улы|қызы|кызы)"
_INDIVIDUAL = patterns.compile(
    r"(?<!\w)(?:Оператор(?:ом)?|Владел\w+\s+[Сс]айта)\s*(?:[:—–-]|является)\s*"
    r"(?:(?:физическое\s+лицо|гражданин\w*\s+(?:РК|Республики\s+Казахстан))\s*,?\s*)?"
    rf"(?P<name>{_SURNAME}\s+[{_UPPER}][{_LOWER}]+\s+{_PATRONYMIC})(?!\w)"
)
_KEY_LETTERS = str.maketrans("қәəөүұғңіһё", "кааоуугнихе")


@dataclass(frozen=True)
class _Forms:
    """The compiled form vocabulary."""

    pattern: re.Pattern[str]
    abbreviations: dict[str, str]
    full_names: tuple[tuple[re.Pattern[str], str], ...]
    kk_clauses_only: frozenset[str]


def _phrase(text: str) -> str:
    """Regex for a vocabulary phrase: spaces match any whitespace, "*" a word ending."""
    return r"\s+".join(re.escape(word).replace(r"\*", r"\w*") for word in text.split())


def _alternation(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


@functools.cache
def _forms() -> _Forms:
    data = load_data("legal_forms.yaml")
    abbreviations: dict[str, str] = {}
    full_names: list[tuple[re.Pattern[str], str]] = []
    ru_abbr: list[str] = []
    kk_abbr: list[str] = []
    ru_full: list[str] = []
    kk_full: list[str] = []
    for canonical, spec in data["forms"].items():
        for abbr in spec.get("ru", ()):
            abbreviations[abbr] = canonical
            ru_abbr.append(re.escape(abbr))
        for abbr in spec.get("kk", ()):
            abbreviations[abbr] = canonical
            kk_abbr.append(re.escape(abbr))
        for key, bucket in (("full_ru", ru_full), ("full_kk", kk_full)):
            for phrase in spec.get(key, ()):
                bucket.append(_phrase(phrase))
                full_names.append((patterns.compile(_phrase(phrase), re.I), canonical))

    qualifier = rf"(?:(?i:{_alternation([_phrase(q) for q in data['qualifiers']])})\s+)?"
    all_abbr = _alternation(ru_abbr + kk_abbr)
    stop = _alternation([re.escape(w) for w in data["name_stopwords"]] + ru_abbr + kk_abbr)
    token = rf"(?!(?:{stop})(?!\w))[{_UPPER}0-9][\w&]*(?:-[\w&]+)*"
    # Unquoted: up to three capitalised words, or a surname with initials.
    unquoted = rf"{token}(?:\s+{_INITIALS}|(?:\s+{token}){{0,2}})"
    form_first = (
        rf"(?P<form1>{all_abbr}|(?i:{_alternation(ru_full + kk_full)}))(?:-\w+)?\s+{qualifier}"
        rf"(?:(?P<quoted1>{_QUOTED})|(?P<plain>{unquoted}))"
    )
    name_first = (
        rf"(?P<quoted2>{_QUOTED})\s+{qualifier}"
        rf"(?P<form2>{_alternation(kk_abbr)}|(?i:{_alternation(kk_full)}))(?:-\w+)?"
    )
    pattern = patterns.compile(rf"(?<![\w-])(?:{form_first}|{name_first})(?!\w)")
    return _Forms(
        pattern,
        abbreviations,
        tuple(full_names),
        frozenset(data.get("kk_clauses_only", ())),
    )


def _canonical(forms: _Forms, written: str) -> str:
    if written in forms.abbreviations:
        return forms.abbreviations[written]
    for full, canonical in forms.full_names:
        if full.fullmatch(written):
            return canonical
    raise ValueError(f"unknown legal form {written!r}")


def extract_operators(doc: Document) -> list[OperatorName]:
    """All legal names (form + name) in ``doc``, in document order."""
    forms = _forms()
    found: list[OperatorName] = []
    text = doc.text
    for clause in doc.clauses:
        start = clause.span.start
        body = text[start : clause.span.end]
        for match in forms.pattern.finditer(body):
            written = match.group("form1") or match.group("form2")
            if written in forms.kk_clauses_only and clause.lang != "kk":
                continue
            quoted = match.group("quoted1") or match.group("quoted2")
            name = quoted[1:-1].strip() if quoted else match.group("plain")
            if not any(ch.isalpha() for ch in name):
                continue
            span = Span(start + match.start(), start + match.end())
            found.append(
                OperatorName(_canonical(forms, written), written, name, span, clause.index)
            )
        for match in _INDIVIDUAL.finditer(body):
            span = Span(start + match.start("name"), start + match.end("name"))
            found.append(OperatorName("individual", "", match.group("name"), span, clause.index))
    found.sort(key=lambda x: x.span)
    return found


def name_key(name: str) -> str:
    """A key to compare names: case, quotes, spaces and hyphens ignored, and Kazakh
    letters mapped to Russian ones («AITU - Sauda» = «AITU-Sauda», «Қазпошта» = «Казпошта»)."""
    folded = name.casefold().translate(_KEY_LETTERS)
    return "".join(ch for ch in folded if ch.isalnum())


# ----------------------------------------------------------- run-time values

#: A value filled in at run time that may well be the operator's name or details.
_OPERATOR_VALUE = patterns.compile(
    r"compan|operator|org|firm|name|brand|owner|legal|entity|requisit|rekvizit|bin|iin|bsn"
    r"|address|addr|email|mail|phone|tel|contact|site|наимен|компан|оператор|реквизит",
    re.IGNORECASE,
)
#: Run-time values that are something else: dates, versions, counters, links.
_OTHER_VALUE = patterns.compile(r"date|year|time|day|version|count|url|link|href|lang|locale", re.IGNORECASE)


def injected_operator_values(doc: Document) -> list[Span]:
    """Run-time values («{company.name}», «{{ $operator }}») that may state the operator:
    by their name, or by the clause they sit in naming the operator."""
    found = []
    for span in doc.runtime_placeholders():
        clause = doc.clause_at(span.start)
        around = doc.clause_text(clause) if clause is not None else ""
        name = doc.text[span.start : span.end]
        if _OPERATOR_VALUE.search(name) or (_OPERATOR_VALUE.search(around) and not _OTHER_VALUE.search(name)):
            found.append(span)
    return found
