"""Analyse a segmented document into facts: deadlines, identifiers, the operator,
contacts, foreign services, law citations, topic matches and the jurisdiction."""

from __future__ import annotations

import re

from policylint import patterns
from policylint.analyze.citations import extract_citations
from policylint.analyze.contacts import extract_contacts
from policylint.analyze.deadlines import extract_deadlines
from policylint.analyze.identifiers import extract_identifiers
from policylint.analyze.jurisdiction import decide_jurisdiction
from policylint.analyze.lexicon import Lexicon, match_topics
from policylint.analyze.operator import extract_operators, injected_operator_values
from policylint.analyze.services import extract_services
from policylint.model import Document, Facts

#: Words that show a text is about personal data at all (RU, KK, EN).
_POLICY_VOCABULARY = patterns.compile(
    r"персональн\w*\s+данн|дербес\s+деректер|personal\s+data|конфиденциальн|құпиялылық"
    r"|privacy|обработк\w*\s+данных|деректерді\s+өңдеу",
    re.IGNORECASE,
)


def looks_like_policy(doc: Document, minimum: int = 2) -> bool:
    """True if the text uses personal-data vocabulary at least ``minimum`` times."""
    count = 0
    for _ in _POLICY_VOCABULARY.finditer(doc.text):
        count += 1
        if count >= minimum:
            return True
    return False


def analyze(doc: Document, lexicon: Lexicon) -> Facts:
    """Run every extractor over ``doc``."""
    contacts = extract_contacts(doc)
    facts = Facts(
        deadlines=extract_deadlines(doc, contacts),
        identifiers=extract_identifiers(doc),
        operators=extract_operators(doc),
        contacts=contacts,
        services=extract_services(doc),
        citations=extract_citations(doc),
        topics=match_topics(doc, lexicon),
        injected_operator=injected_operator_values(doc),
    )
    facts.jurisdiction = decide_jurisdiction(doc, facts)
    return facts
