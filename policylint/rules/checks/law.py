"""Checks of how a policy cites and borrows law: CT002 (Law 94-V mis-cited), CT003
(cited articles that do not exist or do not say what the sentence claims), FL003 (GDPR
notions presented as the law) and CH002 (contradictory terms for changing the policy)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policylint import patterns
from policylint.analyze import lexicon as lexicon_module
from policylint.analyze.lexicon import FORMS_TABLE, Lexicon, build_lexicon
from policylint.model import Document, Facts, Finding, LawCitation
from policylint.resources import cached, data_path, load_yaml
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence, collect
from policylint.rules.kinds import excerpt, finding_at

# ------------------------------------------------------------------ the statute table

ARTICLES_FILE = "articles_94v.yaml"
#: The last article of Law 94-V; articles added later are inserted with hyphens (23-1).
LAST_ARTICLE = 31


@dataclass(frozen=True)
class Article:
    """One article of Law 94-V as ``rules/data/articles_94v.yaml`` describes it."""

    number: str
    title: dict[str, str]
    paragraphs: frozenset[str]
    subparagraphs: dict[str, frozenset[str]]
    #: True: the whole numbering is confirmed; else the paragraphs whose sub-paragraphs are.
    settled: bool | frozenset[str]
    topics: frozenset[str]

    def paragraphs_settled(self) -> bool:
        return self.settled is True

    def subparagraphs_settled(self, paragraph: str) -> bool:
        return self.settled is True or (
            isinstance(self.settled, frozenset) and paragraph in self.settled
        )


@dataclass(frozen=True)
class Statute:
    articles: dict[str, Article]
    #: 152-FZ article numbers that policies copy («ст. 10.1»): not articles of 94-V.
    foreign_articles: frozenset[str]
    #: Topic → the articles that mainly govern it (for messages).
    homes: dict[str, tuple[str, ...]]
    #: Notions the law does not have at all.
    foreign: frozenset[str]
    vocabulary: Lexicon


def _numbers(values: list[Any]) -> frozenset[str]:
    return frozenset(str(v) for v in values)


def _build_statute() -> Statute:
    data = load_yaml(data_path(ARTICLES_FILE))
    articles = {}
    for number, spec in data["articles"].items():
        settled = spec.get("settled", False)
        articles[str(number)] = Article(
            str(number),
            spec["title"],
            _numbers(spec.get("paragraphs", [])),
            {str(k): _numbers(v) for k, v in (spec.get("subparagraphs") or {}).items()},
            settled if isinstance(settled, bool) else _numbers(settled),
            frozenset(spec.get("topics", [])),
        )
    topics = data["topics"]
    homes = {name: tuple(str(h) for h in spec.get("home", ())) for name, spec in topics.items()}
    foreign = frozenset(name for name, spec in topics.items() if spec.get("foreign"))
    phrases = {
        name: {lang: spec[lang] for lang in ("ru", "kk", "en") if lang in spec}
        for name, spec in topics.items()
    }
    foreign_articles = _numbers(list(data.get("foreign_articles") or {}))
    return Statute(articles, foreign_articles, homes, foreign, build_lexicon(phrases))


@functools.cache
def statute() -> Statute:
    """The table of Law 94-V, with its vocabulary compiled (cached on disk)."""
    table = data_path(FORMS_TABLE)
    inputs = [data_path(ARTICLES_FILE), Path(lexicon_module.__file__)]
    inputs += [table] if table.exists() else []
    return cached("articles-94v", inputs, _build_statute)


# ----------------------------------------------------------------- CT002 misquotes

#: What ``LawCitation.detail`` reports wrong in a mention of 94-V, in message order.
MISQUOTES = ("wrong_number", "wrong_date", "wrong_kk_title")


def _misquotes(citation: LawCitation) -> list[str]:
    found = set((citation.detail or "").split(","))
    return [problem for problem in MISQUOTES if problem in found]


def misquoted_law(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """CT002: Law 94-V named with a wrong number or date, or with the mistranslated
    Kazakh title «Жеке деректер …»."""
    bad = [c for c in facts.citations if c.law == "94-V" and _misquotes(c)]
    if not bad:
        return []
    places = [Evidence(c.span, c.clause, c) for c in bad]
    return [finding_at(rule, doc, places, {"variant": _misquotes(bad[0])[0]})]


# -------------------------------------------------------------------- CT003 citations

#: Where a sentence ends: . ! ? … ; followed by a capital (so «ст. 10» does not end one).
_SENTENCE_END = patterns.compile(r"[.!?…;]\s+(?=[«\"“(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
#: Quoted titles and aliases, and the law's own title written without quotes: their
#: words («… и их защите», «… оларды қорғау туралы») say nothing about the sentence.
_QUOTED = patterns.compile(r"«[^«»]{0,160}»|\"[^\"]{0,160}\"|“[^”]{0,160}”")
_LAW_TITLE = patterns.compile(
    r"о\s+персональных\s+данных\s+и\s+их\s+защите|(?:дербес|жеке)\s+деректер\s+ж[әə]не\s+"
    r"оларды\s+қорғау\s+туралы",
    re.IGNORECASE,
)


def _split_numbers(text: str | None) -> list[str]:
    """Numbers of a cited list: "7,9" → 7, 9; a range "20-22" → 20, 21, 22; an
    inserted article "23-1" stays as it is."""
    numbers: list[str] = []
    for part in (text or "").split(","):
        first, _, last = part.partition("-")
        if last.isdigit() and first.isdigit() and int(last) > int(first):
            numbers.extend(str(n) for n in range(int(first), int(last) + 1))
        elif part:
            numbers.append(part)
    return numbers


def _cannot_exist(number: str, table: Statute) -> bool:
    """An article number that is not in Law 94-V and that no amendment could have added:
    one above the last article (later ones are inserted with hyphens, as 23-1), or a
    152-FZ article number copied into the policy («ст. 10.1»)."""
    if number in table.foreign_articles:
        return True
    main = re.match(r"\d+", number)
    return main is not None and (int(main.group()) > LAST_ARTICLE or number == main.group())


def _sentence(doc: Document, citation: LawCitation, facts: Facts) -> str:
    """The sentence holding ``citation``, with law titles, quotes and the clause's
    citations blanked out."""
    clause = doc.clauses[citation.clause]
    base = clause.span.start
    text = doc.clause_text(clause)
    at = citation.span.start - base
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start() + 1
            break
    chars = list(text)
    for other in facts.citations:
        if other.clause == citation.clause:
            first, last = other.span.start - base, other.span.end - base
            chars[first:last] = " " * (last - first)
    body = "".join(chars)
    body = _QUOTED.sub(lambda m: " " * len(m.group()), body)
    body = _LAW_TITLE.sub(lambda m: " " * len(m.group()), body)
    return body[start:end]


@dataclass(frozen=True)
class _Problem:
    variant: str
    params: dict[str, str]


def _numbering_problem(citation: LawCitation, table: Statute) -> _Problem | None:
    """An article, paragraph or sub-paragraph that does not exist."""
    numbers = _split_numbers(citation.article)
    for number in numbers:
        if number.replace(".", "-") not in table.articles and _cannot_exist(number, table):
            return _Problem("no_article", {"article": number})
    if len(numbers) != 1 or numbers[0].replace(".", "-") not in table.articles:
        return None
    article = table.articles[numbers[0].replace(".", "-")]
    paragraphs = _split_numbers(citation.paragraph)
    for paragraph in paragraphs:
        if article.paragraphs_settled() and paragraph not in article.paragraphs:
            return _Problem("no_paragraph", {"article": article.number, "paragraph": paragraph})
    if len(paragraphs) > 1:
        return None
    key = paragraphs[0] if paragraphs else "0"
    for sub in _split_numbers(citation.subparagraph):
        if article.subparagraphs_settled(key) and sub not in article.subparagraphs.get(key, ()):
            params = {"article": article.number, "paragraph": key, "subparagraph": sub}
            return _Problem("no_subparagraph", params)
    return None


def _topic_problem(
    citation: LawCitation, doc: Document, facts: Facts, table: Statute
) -> _Problem | None:
    """The sentence attributes to the cited article a notion 94-V does not have, or
    speaks only of things other articles govern."""
    articles = [table.articles[n] for n in _split_numbers(citation.article) if n in table.articles]
    if not articles:
        return None
    sentence = _sentence(doc, citation, facts)
    found: dict[str, str] = {}
    for name in table.homes:
        spans = table.vocabulary.search(name, sentence)
        if spans:
            found[name] = " ".join(sentence[spans[0][0] : spans[0][1]].split())
    label = ",".join(a.number for a in articles)
    foreign = [name for name in found if name in table.foreign]
    if foreign:
        return _Problem("foreign_notion", {"article": label, "notion": found[foreign[0]]})
    if not found or any(article.topics & found.keys() for article in articles):
        return None
    homes = sorted({h for name in found for h in table.homes[name]}, key=_article_order)
    titles = {f"title_{lang}": articles[0].title.get(lang, "") for lang in ("ru", "kk")}
    return _Problem("wrong_article", {"article": label, "expected": ", ".join(homes), **titles})


def _article_order(number: str) -> tuple[int, int]:
    main, _, sub = number.partition("-")
    return int(main), int(sub or 0)


def citation_mismatch(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """CT003: cited articles of 94-V that do not exist, or whose sentence speaks of a
    notion the law does not have or of what other articles govern. One finding, at the
    first such citation, with the others as related places."""
    table = statute()
    bad: list[tuple[LawCitation, _Problem]] = []
    for citation in facts.citations:
        if citation.law != "94-V" or not citation.article:
            continue
        problem = _numbering_problem(citation, table) or _topic_problem(
            citation, doc, facts, table
        )
        if problem is not None:
            bad.append((citation, problem))
    if not bad:
        return []
    places = [Evidence(c.span, c.clause, c) for c, _ in bad]
    first = bad[0][1]
    return [finding_at(rule, doc, places, {"variant": first.variant, **first.params})]


# ------------------------------------------------------------------- FL003 GDPR-isms

#: GDPR notions presented as the law (RULES.md, FL003), in the order they are listed.
GDPR_TOPICS = (
    "fl_legitimate_interest",
    "fl_portability",
    "fl_dpo",
    "fl_forgotten",
    "fl_object",
    "fl_scc",
)
#: The 72-hour term for reporting a breach (GDPR Art. 33).
GDPR_BREACH_HOURS = 72


def _overlaps(evidence: Evidence, others: list[Evidence]) -> bool:
    return any(
        o.span.start < evidence.span.end and evidence.span.start < o.span.end for o in others
    )


def gdpr_isms(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """FL003: legitimate interests as a legal basis, data portability, a DPO, the right
    to be forgotten or to object, a 72-hour breach term, standard contractual clauses.

    «… прав и законных интересов оператора или третьих лиц» is 152-FZ's wording (Art.
    6(1)(7)) and is reported by FL002, not here.
    """
    copied_152 = collect({"topic": "fl_152_construct", "definitions": True}, doc, facts)
    places: list[Evidence] = []
    for topic in GDPR_TOPICS:
        found = [e for e in collect({"topic": topic}, doc, facts) if not _overlaps(e, copied_152)]
        places.extend(found[:1])
    breach_72 = [
        Evidence(d.span, d.clause, d)
        for d in facts.deadlines
        if d.obligation in ("breach_authority", "breach_subject")
        and d.unit == "hour"
        and d.amount == GDPR_BREACH_HOURS
    ]
    places.extend(breach_72[:1])
    if not places:
        return []
    places.sort(key=lambda e: e.span.start)
    items = "; ".join(f"«{excerpt(doc, e.span, 60)}»" for e in places)
    return [finding_at(rule, doc, places, {"items": items})]


# -------------------------------------------------------------- CH002 change notices


def change_notice_contradiction(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """CH002: the policy may be changed "without prior notice", yet elsewhere changes
    are announced a number of days in advance. Reported at the first, with the second
    as the related place."""
    silent = collect({"topic": "ch_no_notice"}, doc, facts)
    if not silent:
        return []
    notices = collect({"topic": "ch_advance_notice"}, doc, facts)
    notices += [
        Evidence(d.span, d.clause, d)
        for d in facts.deadlines
        if d.obligation == "policy_change_notice"
    ]
    # A notice term in the same clause is an exception to it, not a contradiction.
    silent_clauses = {s.clause for s in silent}
    notices = [n for n in notices if n.clause not in silent_clauses]
    if not notices:
        return []
    notice = min(notices, key=lambda e: e.span.start)
    params = {"other": excerpt(doc, notice.span), "line": str(doc.locate(notice.span.start).line)}
    return [finding_at(rule, doc, [silent[0], notice], params)]
