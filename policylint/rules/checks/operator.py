"""Checks of the operator's identity (OP004, OP007, OP008)."""

from __future__ import annotations

import re
from typing import Any

from policylint import patterns
from policylint.analyze.contacts import is_free_mail
from policylint.analyze.operator import name_key
from policylint.model import Document, Facts, Finding, Identifier, OperatorName
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence
from policylint.rules.kinds import excerpt, finding_at

def _identifier_problem(identifier: Identifier, doc: Document, facts: Facts) -> str | None:
    """Why the identifier's kind is wrong, as a message key, or None."""
    if identifier.structure not in ("bin", "iin"):
        return None
    label = identifier.label.lower() if identifier.label else None
    if label and label != identifier.structure:
        return f"label_{identifier.structure}"
    same_clause_forms = {o.form for o in facts.operators if o.clause == identifier.clause}
    forms = same_clause_forms or {o.form for o in facts.operators}
    digit5 = identifier.value[4]
    if forms == {"IE"} and identifier.structure == "bin" and digit5 in "45":
        return "ie_with_bin"
    return None


def identifier_kind(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """OP004: a BIN labelled as IIN (or vice versa), or an IE with a legal-entity BIN."""
    for identifier in facts.identifiers:
        problem = _identifier_problem(identifier, doc, facts)
        if problem is not None:
            place = Evidence(identifier.span, identifier.clause)
            return [finding_at(rule, doc, [place], {"variant": problem})]
    return []


#: Words showing that a legal name in a clause is the operator's own (not a bank or a
#: service provider named as a recipient).
_OPERATOR_CUE = patterns.compile(
    r"далее|бұдан әрі|оператор|продавец|владел|собственник|меншік иесі|БИН|БСН|ИИН|ЖСН",
    re.IGNORECASE,
)


def operator_mentions(doc: Document, facts: Facts) -> list[OperatorName]:
    """Legal names that stand for the operator: introduced as such («(далее –
    Оператор)», «бұдан әрі – Компания»), next to a BIN, or in a version's opening."""
    openings = {v.first + k for v in doc.versions for k in range(3)}
    return [
        name
        for name in facts.operators
        if name.clause in openings or _OPERATOR_CUE.search(doc.clause_text(doc.clauses[name.clause]))
    ]


def operator_consistency(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """OP007: different legal names (form + name) or different BINs for the operator,
    or facts that differ from the configuration's ``[operator]``."""
    names = operator_mentions(doc, facts)
    for other in names[1:]:
        if (other.form, name_key(other.name)) != (names[0].form, name_key(names[0].name)):
            return [_pair(rule, doc, other, names[0])]
    if facts.expected_operator:
        return _differs_from_configuration(rule, doc, facts, names)
    valid_ids = [i for i in facts.identifiers if i.valid and i.structure == "bin"]
    for other in valid_ids[1:]:
        if other.value != valid_ids[0].value:
            return [_pair(rule, doc, other, valid_ids[0])]
    return []


def _differs_from_configuration(
    rule: Rule, doc: Document, facts: Facts, names: list[OperatorName]
) -> list[Finding]:
    """The policy states a name, BIN or e-mail, but none equal to the configured one."""
    expected = facts.expected_operator
    configured_name = name_key(expected.get("name", ""))
    emails = [c for c in facts.contacts if c.kind == "email"]
    wrong: dict[str, list[Any]] = {
        "name": [] if any(name_key(n.name) in configured_name for n in names) else names,
        "bin": [] if any(i.value == expected.get("bin") for i in facts.identifiers)
        else facts.identifiers,
        "email": [] if any(c.value == expected.get("email", "").lower() for c in emails)
        else emails,
    }
    for key, places in wrong.items():
        if key in expected and places:
            evidence = [Evidence(item.span, item.clause) for item in places]
            params = {"variant": f"config_{key}", "other": expected[key]}
            return [finding_at(rule, doc, evidence, params)]
    return []


def _pair(rule: Rule, doc: Document, here, there) -> Finding:  # type: ignore[no-untyped-def]
    places = [Evidence(here.span, here.clause), Evidence(there.span, there.clause)]
    params = {"other": excerpt(doc, there.span), "line": str(doc.locate(there.span.start).line)}
    return finding_at(rule, doc, places, params)


def free_mail_contact(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """OP008: the contact e-mail is on a free public mail service."""
    free = [
        Evidence(c.span, c.clause)
        for c in facts.contacts
        if c.kind == "email" and c.valid and is_free_mail(c.value)
    ]
    return [finding_at(rule, doc, free)] if free else []
