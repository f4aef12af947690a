"""Which state's law governs the document (RULES.md, JR001).

A document that cites another state's personal-data law and shows no Kazakhstan marker
at all (no Law 94-V, no ТОО/ЖШС, no BIN/IIN, no mention of Kazakhstan or a .kz site) is
governed by that state's law. A document naming several jurisdictions including
Kazakhstan is a Kazakhstan policy; so is one that cites no law at all.
"""

from __future__ import annotations

import re

from policylint import patterns
from policylint.model import Document, Facts

#: Law ids from policylint.analyze.citations → the state they belong to.
FOREIGN_LAW_STATES = {"152-FZ": "RU", "GDPR": "EU", "UZ-547": "UZ", "BY-99-Z": "BY", "KG": "KG"}

_KZ_MARKER = patterns.compile(
    r"Республик\w*\s+Казахстан|Казахстан|Қазақстан|\bРК\b|\bҚР\b|Kazakhstan|\.kz\b",
    re.IGNORECASE,
)
#: Legal forms that exist only in Kazakhstan (an ООО is Russian; АО and ИП exist in
#: both, so they count only together with a BIN/IIN).
_KZ_ONLY_FORMS = {"LLP"}


def decide_jurisdiction(doc: Document, facts: Facts) -> str:
    """"KZ", or the code of the foreign state whose law governs the document."""
    if any(c.law == "94-V" for c in facts.citations):
        return "KZ"
    if facts.identifiers or any(o.form in _KZ_ONLY_FORMS for o in facts.operators):
        return "KZ"
    if _KZ_MARKER.search(doc.text):
        return "KZ"
    for citation in facts.citations:
        if citation.law in FOREIGN_LAW_STATES:
            return FOREIGN_LAW_STATES[citation.law]
    return "KZ"
