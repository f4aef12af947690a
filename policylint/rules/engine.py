"""Run the selected rules of the catalogue over one analysed document."""

from __future__ import annotations

from typing import Callable, Iterable

from policylint.model import Document, Facts, Finding
from policylint.rules.catalog import Rule
from policylint.rules.kinds import KINDS, excerpt

#: Rules that still run on a document governed by another state's law (RULES.md, JR001).
FOREIGN_JURISDICTION_GROUPS = ("JR", "DOC")


def run_rules(
    doc: Document,
    facts: Facts,
    rules: Iterable[Rule],
    selected: Callable[[str], bool] = lambda rule_id: True,
) -> list[Finding]:
    """Findings of every selected rule, in document order.

    A rule whose ``not_with`` lists another rule that fired is dropped (e.g. LC001 is
    not raised together with LC002).
    """
    foreign = facts.jurisdiction != "KZ"
    by_rule: dict[str, list[Finding]] = {}
    active = [r for r in rules if selected(r.id) and r.kind in KINDS]
    for rule in active:
        if foreign and rule.group not in FOREIGN_JURISDICTION_GROUPS:
            continue
        by_rule[rule.id] = KINDS[rule.kind](rule, doc, facts)
    for rule in active:
        if any(by_rule.get(other) for other in rule.spec.get("not_with", ())):
            by_rule[rule.id] = []
    findings = [f for found in by_rule.values() for f in found]
    catalog = {rule.id: rule for rule in active}
    document_facts = fact_values(doc, facts)
    partners = paired_clauses(doc)
    for finding in findings:
        finding.fix = finding.fix or suggest_fix(catalog[finding.rule], doc, document_facts)
        add_other_version(finding, doc, partners)
    return sorted(findings, key=lambda f: (f.span.start, f.rule))


def paired_clauses(doc: Document) -> dict[int, int]:
    """Clause index → the matching clause in the other language version."""
    partners: dict[int, int] = {}
    for first, second in doc.pairs:
        partners.setdefault(first, second)
        partners.setdefault(second, first)
    return partners


def add_other_version(finding: Finding, doc: Document, partners: dict[int, int]) -> None:
    """In a bilingual document, a finding also names the matching clause of the other
    language version (RULES.md, BL), unless it already lists a place there."""
    clause = doc.clause_at(finding.span.start)
    partner = partners.get(clause.index) if clause is not None else None
    if partner is None:
        return
    span = doc.clauses[partner].span
    if not any(span.start <= s.start < max(span.end, span.start + 1) for s in finding.related):
        finding.related.append(span)


def fact_values(doc: Document, facts: Facts) -> dict[str, str]:
    """What the document already states about its operator, for filling fixes."""
    values: dict[str, str] = {}
    if facts.operators:
        values["operator"] = excerpt(doc, facts.operators[0].span, 80)
    valid = [i.value for i in facts.identifiers if i.valid]
    if valid:
        values["bin"] = valid[0]
    emails = [c.value for c in facts.contacts if c.kind == "email" and c.valid]
    if emails:
        values["email"] = emails[0]
    addresses = [c.value for c in facts.contacts if c.kind == "address"]
    if addresses:
        values["address"] = addresses[0]
    return values


def suggest_fix(rule: Rule, doc: Document, values: dict[str, str]) -> str | None:
    """The rule's fix in the policy's own language(s), filled with ``values``.

    Placeholders the document gives no value for stay visible as «…».
    """
    langs = [lang for lang in doc.languages if lang in rule.fix] or ["ru"]
    texts = [rule.text("fix", lang, values) for lang in langs]
    return "\n".join(t for t in texts if t) or None
