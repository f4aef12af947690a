"""Checks of where data are kept (LC003)."""

from __future__ import annotations

from policylint.model import Document, Facts, Finding
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence, collect
from policylint.rules.kinds import finding_at

#: A foreign state's name counts as a storage place when a storage word is in its
#: clause, or in the next clause when the state stands alone as a label (a table row
#: such as «🇪🇺 ЕС» followed by «Резервное хранение»).
LABEL_WORDS = 4


def storage_contradiction(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """LC003: storage in Kazakhstan stated, and storage abroad named elsewhere."""
    local = collect({"topic": "localization"}, doc, facts)
    if not local:
        return []
    storage_clauses = {m.clause for m in facts.topic("storage")}
    abroad = collect({"topic": "storage_abroad"}, doc, facts)
    for place in facts.services:
        if place.kind != "country" or not place.foreign:
            continue
        label = len(doc.clause_text(doc.clauses[place.clause]).split()) <= LABEL_WORDS
        if place.clause in storage_clauses or (label and place.clause + 1 in storage_clauses):
            abroad.append(Evidence(place.span, place.clause))
    abroad = [a for a in abroad if a.clause not in {e.clause for e in local}]
    if not abroad:
        return []
    abroad.sort(key=lambda e: e.span.start)
    return [finding_at(rule, doc, [abroad[0], local[0]])]
