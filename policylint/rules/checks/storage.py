"""Checks of where data are kept (LC003)."""

from __future__ import annotations

from policylint.model import Document, Facts, Finding, ServiceMention, TopicMatch
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence, collect
from policylint.rules.kinds import finding_at

#: A foreign state counts as a place of storage when a storage word stands within this
#: many characters of it, or, when the state stands alone as a label (a table row such
#: as «🇪🇺 ЕС» followed by «Резервное хранение»), in the next clause.
NEAR = 80
LABEL_WORDS = 4


def _near(place: ServiceMention, matches: list[TopicMatch]) -> bool:
    return any(
        m.clause == place.clause
        and (abs(m.span.start - place.span.end) <= NEAR or abs(place.span.start - m.span.end) <= NEAR)
        for m in matches
    )


def _transfer_destination(place: ServiceMention, transfers: list[TopicMatch]) -> bool:
    """«РФ аумағына трансшекаралық беруге»: the state is where data are sent, not kept."""
    return any(
        m.clause == place.clause and 0 <= m.span.start - place.span.end <= 40 for m in transfers
    )


def _stored_abroad(doc: Document, facts: Facts) -> list[Evidence]:
    storage = facts.topic("storage")
    transfers = facts.topics.get("cross_border", [])
    found = collect({"topic": "storage_abroad"}, doc, facts)
    for place in facts.services:
        if place.kind != "country" or not place.foreign or _transfer_destination(place, transfers):
            continue
        label = len(doc.clause_text(doc.clauses[place.clause]).split()) <= LABEL_WORDS
        next_clause = [m for m in storage if m.clause == place.clause + 1]
        if _near(place, storage) or (label and next_clause):
            found.append(Evidence(place.span, place.clause))
    return sorted(found, key=lambda e: e.span.start)


def storage_contradiction(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """LC003: storage in Kazakhstan stated, and storage abroad named elsewhere."""
    local = collect({"topic": "localization"}, doc, facts)
    abroad = _stored_abroad(doc, facts) if local else []
    return [finding_at(rule, doc, [abroad[0], local[0]])] if abroad else []
