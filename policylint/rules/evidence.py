"""Evidence: the places in a document that a rule condition refers to.

A rule's YAML names evidence with small mappings, for example::

    - topic: cross_border              # lexicon matches (rules/topics/*.yaml)
    - topic: cross_border
      negated: only                    # only negated statements ("не осуществляет …")
    - fact: deadlines                  # extracted facts, filtered by their fields
      obligation: [subject_info, refusal]
    - fact: contacts
      kind: [email, phone, address]

By default a topic counts only where it is stated positively (not negated) and outside
definitions of terms: "2.8. Трансграничная передача — …" defines, it does not promise.
``definitions: true`` includes definitions, ``negated: any`` includes both polarities,
``headings: false`` leaves out headings («Передача данных третьим лицам» names a section,
it does not allow a transfer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from policylint.model import Document, Facts, Span

FACT_LISTS = ("deadlines", "identifiers", "operators", "contacts", "services", "citations")


@dataclass(frozen=True)
class Evidence:
    """One place that satisfies an evidence spec."""

    span: Span
    clause: int
    item: Any = None


class EvidenceError(ValueError):
    """An evidence spec in a rule file is malformed."""


def _matches_filters(item: Any, filters: dict[str, Any]) -> bool:
    for name, wanted in filters.items():
        value = getattr(item, name)
        if isinstance(wanted, list):
            if value not in wanted:
                return False
        elif value != wanted:
            return False
    return True


def collect(spec: dict[str, Any], doc: Document, facts: Facts) -> list[Evidence]:
    """All evidence for one spec, in document order."""
    if "topic" in spec:
        polarity = spec.get("negated", False)
        with_definitions = spec.get("definitions", False)
        with_headings = spec.get("headings", True)
        found = []
        for match in facts.topics.get(spec["topic"], ()):
            if polarity == "only" and not match.negated:
                continue
            if polarity is False and match.negated:
                continue
            clause = doc.clauses[match.clause]
            if (not with_definitions and clause.definition) or (not with_headings and clause.heading):
                continue
            found.append(Evidence(match.span, match.clause, match))
        return found
    if "fact" in spec:
        name = spec["fact"]
        if name not in FACT_LISTS:
            raise EvidenceError(f"unknown fact {name!r}")
        filters = {k: v for k, v in spec.items() if k != "fact"}
        items = [x for x in getattr(facts, name) if _matches_filters(x, filters)]
        return [Evidence(x.span, x.clause, x) for x in items]
    raise EvidenceError(f"evidence needs 'topic' or 'fact': {spec!r}")


def collect_any(specs: Iterable[dict[str, Any]], doc: Document, facts: Facts) -> list[Evidence]:
    """Evidence for any of ``specs``, merged in document order."""
    found: list[Evidence] = []
    for spec in specs:
        found.extend(collect(spec, doc, facts))
    return sorted(found, key=lambda e: (e.span.start, e.span.end))


def list_intro(doc: Document, index: int, reach: int = 12) -> int | None:
    """The clause that introduces the list holding clause ``index``: the nearest
    preceding clause ending with a colon («…при выполнении одного из условий:»)."""
    for back in range(index - 1, max(-1, index - 1 - reach), -1):
        clause = doc.clauses[back]
        if clause.heading:
            return None
        if doc.clause_text(clause).rstrip().endswith(":"):
            return back
    return None


def within(evidence: Evidence, others: list[Evidence], scope: str, doc: Document) -> bool:
    """True if any of ``others`` lies in the same ``scope`` as ``evidence``: "clause";
    "list" (the clause or the intro of the list it belongs to); "section"; "version";
    or "document"."""
    if scope == "document":
        return bool(others)
    clause = doc.clauses[evidence.clause]
    intro = list_intro(doc, evidence.clause) if scope == "list" else None
    for other in others:
        other_clause = doc.clauses[other.clause]
        if scope in ("clause", "list") and other.clause in (evidence.clause, intro):
            return True
        if scope == "section" and (
            other.clause == evidence.clause
            or (clause.section is not None and other_clause.section == clause.section)
            or other.clause == clause.section
        ):
            return True
        if scope == "version" and other_clause.version == clause.version:
            return True
    return False
