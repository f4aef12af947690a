"""Checks that compare the Kazakh and Russian versions of a bilingual policy (BL001–BL003).

The segmenter pairs the clauses of the two versions (``Document.pairs``: by clause
number first, then by order). Facts of paired clauses are compared. A pair of clauses
with the same number is trusted; a pair made by order alone may be misaligned, so a
difference found there counts only if the value is absent from the whole other version.
Facts in clauses without a partner are compared version against version. The checks
run only on a document with a Kazakh and a Russian version of comparable length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence

from policylint import patterns
from policylint.model import Contact, Deadline, Document, Facts, Finding
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence
from policylint.rules.kinds import excerpt, finding_at

#: A fact compared across versions, and what it reduces to: (group, comparable value).
Fact = Deadline | Contact
Key = tuple[Hashable, Hashable]
Values = dict[Hashable, dict[Hashable, Fact]]

_DIGITS = patterns.compile(r"\d+")
_URL_HOST = patterns.compile(r"^(?:[a-z]+:/+)?(?:www\.)?([^/?#:]+)", re.IGNORECASE)

#: The shorter version must have at least this share of the longer one's text: a short
#: passage in another language (site chrome, a consent form) is not a translation.
MIN_LENGTH_RATIO = 0.5


def _length(doc: Document, version: int) -> int:
    return sum(c.span.end - c.span.start for c in doc.clauses if c.version == version)


def _versions(doc: Document) -> tuple[int, int] | None:
    """Indices of the Kazakh and the Russian version (the longest of each language),
    if the document has both and they are of comparable length."""
    lengths = {i: _length(doc, i) for i in range(len(doc.versions))}
    kk = [i for i, v in enumerate(doc.versions) if v.lang == "kk"]
    ru = [i for i, v in enumerate(doc.versions) if v.lang == "ru"]
    if not kk or not ru:
        return None
    pair = max(kk, key=lengths.__getitem__), max(ru, key=lengths.__getitem__)
    short, long = sorted(lengths[i] for i in pair)
    return pair if long and short >= MIN_LENGTH_RATIO * long else None


def _pairs(doc: Document, versions: tuple[int, int]) -> list[tuple[int, int]]:
    """Clause pairs (Kazakh clause, Russian clause) between the two versions."""
    kk, ru = versions
    out = []
    for a, b in doc.pairs:
        va, vb = doc.clauses[a].version, doc.clauses[b].version
        if (va, vb) == (kk, ru):
            out.append((a, b))
        elif (va, vb) == (ru, kk):
            out.append((b, a))
    return out


def _differences(
    doc: Document,
    versions: tuple[int, int],
    items: Sequence[Fact],
    key: Callable[[Fact], Key | None],
) -> tuple[Fact, Fact] | None:
    """The first pair of facts (one per version) that should agree and do not."""
    kk, ru = versions
    by_clause: dict[int, list[tuple[Key, Fact]]] = {}
    in_version: dict[int, set[Key]] = {kk: set(), ru: set()}
    for item in items:
        k = key(item)
        version = doc.clauses[item.clause].version
        if k is None or version not in in_version:
            continue
        by_clause.setdefault(item.clause, []).append((k, item))
        in_version[version].add(k)

    def groups(clause: int) -> Values:
        found: Values = {}
        for (group, value), item in by_clause.get(clause, []):
            found.setdefault(group, {}).setdefault(value, item)
        return found

    paired: set[int] = set()
    for a, b in _pairs(doc, versions):
        paired.update((a, b))
        number = doc.clauses[a].number
        trusted = number is not None and number == doc.clauses[b].number
        ga, gb = groups(a), groups(b)
        for group in ga.keys() & gb.keys():
            only_a = [v for v in ga[group] if v not in gb[group]]
            only_b = [v for v in gb[group] if v not in ga[group]]
            if not trusted:
                only_a = [v for v in only_a if (group, v) not in in_version[ru]]
                only_b = [v for v in only_b if (group, v) not in in_version[kk]]
            if only_a and only_b:
                return ga[group][only_a[0]], gb[group][only_b[0]]
    # Facts of clauses without a partner: version against version.
    loose: dict[int, Values] = {kk: {}, ru: {}}
    for clause, entries in by_clause.items():
        if clause in paired:
            continue
        version = doc.clauses[clause].version
        for (group, value), item in entries:
            loose[version].setdefault(group, {}).setdefault(value, item)
    for group in loose[kk].keys() & loose[ru].keys():
        only_a = [v for v in loose[kk][group] if (group, v) not in in_version[ru]]
        only_b = [v for v in loose[ru][group] if (group, v) not in in_version[kk]]
        if only_a and only_b:
            return loose[kk][group][only_a[0]], loose[ru][group][only_b[0]]
    return None


def _report(
    rule: Rule, doc: Document, found: tuple[Fact, Fact], value: Callable[[Fact], str]
) -> Finding:
    """One finding at whichever of the two places comes first, the other related.
    The ``variant`` param names the language of the version the finding is in."""
    here, there = sorted(found, key=lambda fact: fact.span.start)
    places = [Evidence(here.span, here.clause), Evidence(there.span, there.clause)]
    params = {
        "variant": doc.versions[doc.clauses[here.clause].version].lang,
        "value": value(here),
        "other": value(there),
        "line": str(doc.locate(there.span.start).line),
    }
    return finding_at(rule, doc, places, params)


# ------------------------------------------------------------------------- BL001


def _deadline_key(deadline: Fact) -> Key | None:
    """A deadline by its obligation and its (amount, unit); "N days" is N calendar days."""
    if not isinstance(deadline, Deadline) or deadline.obligation == "other":
        return None
    unit = "calendar_day" if deadline.unit == "day" else deadline.unit
    return deadline.obligation, (deadline.amount, unit)


def _compare_versions(
    rule: Rule,
    doc: Document,
    items: Sequence[Fact],
    key: Callable[[Fact], Key | None],
    show: Callable[[Fact], str],
) -> list[Finding]:
    """One finding for the first fact that differs between the KK and RU versions."""
    versions = _versions(doc)
    found = _differences(doc, versions, items, key) if versions is not None else None
    return [] if found is None else [_report(rule, doc, found, show)]


def deadlines(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """BL001: the versions give different periods for the same obligation."""
    return _compare_versions(
        rule, doc, facts.deadlines, _deadline_key, lambda d: excerpt(doc, d.span, 60)
    )


# ------------------------------------------------------------------------- BL002


def _contact_key(contact: Fact) -> Key | None:
    """E-mails and phones as normalised; a website by its host (language versions may
    link to /kk/ and /ru/ pages); an address by its numbers (postcode, house), since
    street names are written differently in Kazakh and Russian."""
    if not isinstance(contact, Contact) or not contact.valid:
        return None
    if contact.kind == "url":
        m = _URL_HOST.match(contact.value)
        return ("url", m.group(1).lower()) if m else None
    if contact.kind == "address":
        numbers = tuple(_DIGITS.findall(contact.value))
        return ("address", numbers) if numbers else None
    return contact.kind, contact.value.lower()


def contacts(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """BL002: the versions give different e-mails, phones, addresses or websites."""
    return _compare_versions(
        rule, doc, facts.contacts, _contact_key,
        lambda c: c.value if isinstance(c, Contact) else "",
    )


# ------------------------------------------------------------------------- BL003

#: Each version must have at least this many numbered clauses to be compared.
MIN_NUMBERED = 3
#: A list item «1) …», «- 2) …»: translators split and merge such enumerations, so their
#: numbers are not compared (only clause numbers «3.», «3.4.», «3.4.1»).
_LIST_ITEM = patterns.compile(r"\s*(?:[-–—•*]\s*)?\d+\)")


def _inline(number: str, text: str) -> bool:
    """True if ``number`` starts a clause inside a paragraph of ``text`` («… 1.2. Настоящая
    Политика …»): the segmenter left two clauses in one paragraph."""
    return re.search(rf"(?<![\w.]){re.escape(number)}(?:[.)](?!\d)|\s)", text) is not None


def _missing(doc: Document, have: list[int], other: list[int], other_text: str) -> list[int]:
    """Clauses of ``have`` whose number is absent from the clauses ``other``, not written
    inline there, and not at the end (a version that stops early is truncated, not
    missing a clause)."""
    other_numbers = {doc.clauses[i].number for i in other}
    shared = [n for n, i in enumerate(have) if doc.clauses[i].number in other_numbers]
    if not shared:
        return []
    first, last = shared[0], shared[-1]
    return [
        i
        for n, i in enumerate(have)
        if first < n < last
        and doc.clauses[i].number not in other_numbers
        and not _inline(doc.clauses[i].number or "", other_text)
    ]


def _version_text(doc: Document, version: int) -> str:
    clauses = [c for c in doc.clauses if c.version == version]
    return doc.text[clauses[0].span.start : clauses[-1].span.end] if clauses else ""


def missing_clauses(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """BL003: a numbered clause of one version has no counterpart in the other."""
    versions = _versions(doc)
    if versions is None:
        return []
    numbered = {
        v: [
            c.index
            for c in doc.clauses
            if c.version == v and c.number is not None and not _LIST_ITEM.match(doc.clause_text(c))
        ]
        for v in versions
    }
    if any(len(clauses) < MIN_NUMBERED for clauses in numbered.values()):
        return []
    texts = {v: _version_text(doc, v) for v in versions}
    kk, ru = versions
    missing = [(i, "kk") for i in _missing(doc, numbered[kk], numbered[ru], texts[ru])] + [
        (i, "ru") for i in _missing(doc, numbered[ru], numbered[kk], texts[kk])
    ]
    if not missing:
        return []
    missing.sort()
    places = [Evidence(doc.clauses[i].span, i) for i, _ in missing]
    first, lang = missing[0]
    params = {"variant": lang, "number": doc.clauses[first].number or ""}
    return [finding_at(rule, doc, places, params)]
