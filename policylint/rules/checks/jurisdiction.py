"""JR001: the document is governed by another state's law."""

from __future__ import annotations

from policylint.analyze.jurisdiction import FOREIGN_LAW_STATES
from policylint.model import Document, Facts, Finding
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence
from policylint.rules.kinds import finding_at

#: How the foreign laws (policylint.analyze.jurisdiction) are named in messages.
LAW_NAMES = {"152-FZ": "152-ФЗ", "GDPR": "GDPR", "UZ-547": "ЗРУ-547", "BY-99-Z": "99-З"}


def foreign_jurisdiction(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """JR001: the analysis decided the document is governed by another state's law."""
    if facts.jurisdiction == "KZ":
        return []
    cited = [c for c in facts.citations if c.law in FOREIGN_LAW_STATES]
    places = [Evidence(c.span, c.clause) for c in cited] or [Evidence(doc.clauses[0].span, 0)]
    law = LAW_NAMES.get(cited[0].law, cited[0].law) if cited else facts.jurisdiction
    return [finding_at(rule, doc, places, {"law": law})]
