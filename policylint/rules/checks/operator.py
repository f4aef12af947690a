"""Checks of the operator's identity (OP004, OP007, OP008)."""

from __future__ import annotations

from policylint.analyze.contacts import is_free_mail
from policylint.analyze.operator import name_key
from policylint.model import Document, Facts, Finding, Identifier
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


def operator_consistency(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """OP007: different legal names (form + name) or different BINs for the operator."""
    first_name = facts.operators[0] if facts.operators else None
    for other in facts.operators[1:]:
        assert first_name is not None
        if (other.form, name_key(other.name)) != (first_name.form, name_key(first_name.name)):
            return [_pair(rule, doc, other, first_name)]
    valid_ids = [i for i in facts.identifiers if i.valid and i.structure == "bin"]
    for other in valid_ids[1:]:
        if other.value != valid_ids[0].value:
            return [_pair(rule, doc, other, valid_ids[0])]
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
