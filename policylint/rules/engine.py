"""Run the selected rules of the catalogue over one analysed document."""

from __future__ import annotations

from typing import Callable, Iterable

from policylint.model import Document, Facts, Finding
from policylint.rules.catalog import Rule
from policylint.rules.kinds import KINDS

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
    active = [r for r in rules if selected(r.id)]
    for rule in active:
        if foreign and rule.group not in FOREIGN_JURISDICTION_GROUPS:
            continue
        by_rule[rule.id] = KINDS[rule.kind](rule, doc, facts)
    for rule in active:
        if any(by_rule.get(other) for other in rule.spec.get("not_with", ())):
            by_rule[rule.id] = []
    findings = [f for found in by_rule.values() for f in found]
    return sorted(findings, key=lambda f: (f.span.start, f.rule))
