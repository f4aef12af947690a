"""The rule kinds: most rules are data of one of these shapes (DESIGN.md, after Vale).

- ``required``:    some evidence must exist (``require``), else one finding at ``anchor``
                   (or the document start).
- ``forbidden``:   evidence that must not exist (``match``); each match spec may add
                   ``inside`` (contexts it must be near) and the rule ``unless``
                   (excusing statements that clear a match near them).
- ``conditional``: if evidence ``if`` exists, evidence ``then`` must too (each ``then``
                   spec may carry a ``scope``: clause, list, section, version or
                   document); ``satisfied: any`` is content with one trigger meeting it.
- ``limit``:       an extracted deadline must not exceed ``max_days``.
- ``consistency``: extracted values of one kind must agree (``compare`` names which).
- ``check``:       a Python function in ``policylint.rules.checks.<module>`` for what
                   no kind fits (``check: module.function``).

Every kind reports at most one finding per document for the same problem: the first
place, with the other places as ``related``.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from policylint.model import Deadline, Document, Facts, Finding, Span
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence, collect, collect_any, within

MAX_RELATED = 8


def excerpt(doc: Document, span: Span, limit: int = 120) -> str:
    """The text of ``span`` on one line, shortened to ``limit`` characters."""
    text = " ".join(doc.text[span.start : span.end].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def document_start(doc: Document) -> Span:
    """Where omissions are reported when no better anchor exists: the first clause."""
    for clause in doc.clauses:
        return clause.span
    return Span(0, 0)


def finding_at(
    rule: Rule,
    doc: Document,
    places: list[Evidence],
    params: dict[str, str] | None = None,
) -> Finding:
    """A finding at the first of ``places``, the rest as related places."""
    first = places[0]
    related = [p.span for p in places[1 : 1 + MAX_RELATED]]
    return Finding(
        rule.id,
        rule.severity,  # type: ignore[arg-type]
        first.span,
        related,
        {"found": excerpt(doc, first.span), **(params or {})},
    )


def _scoped(
    specs: list[dict[str, Any]], doc: Document, facts: Facts
) -> list[tuple[str, list[Evidence]]]:
    return [(spec.get("scope", "document"), collect(spec, doc, facts)) for spec in specs]


def required(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """A required fact or topic is missing. With ``unless_injected``, a policy whose
    operator details are filled in at run time is not called incomplete: DOC001 reports
    those values as unresolved instead."""
    if collect_any(rule.spec["require"], doc, facts):
        return []
    if rule.spec.get("unless_injected") and facts.injected_operator:
        return []
    anchors = collect_any(rule.spec.get("anchor", []), doc, facts)
    span = anchors[0].span if anchors else document_start(doc)
    return [Finding(rule.id, rule.severity, span)]  # type: ignore[arg-type]


def _near_any(found: Evidence, contexts: list[tuple[str, list[Evidence]]], doc: Document) -> bool:
    return any(within(found, evidence, scope, doc) for scope, evidence in contexts)


def forbidden(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """Also names, as a related place, the context that makes a match a problem (the
    «нет трансграничной передачи» statement a foreign service contradicts)."""
    matches: list[Evidence] = []
    context: dict[Evidence, Evidence] = {}
    for spec in rule.spec["match"]:
        found = collect({k: v for k, v in spec.items() if k != "inside"}, doc, facts)
        if "inside" in spec:
            contexts = _scoped(spec["inside"], doc, facts)
            found = [m for m in found if _near_any(m, contexts, doc)]
            for match in found:
                near = [e for scope, ev in contexts for e in ev if within(match, [e], scope, doc)]
                context[match] = near[0]
        matches.extend(found)
    matches.sort(key=lambda e: (e.span.start, e.span.end))
    if "unless" in rule.spec:
        excuses = _scoped(rule.spec["unless"], doc, facts)
        matches = [m for m in matches if not _near_any(m, excuses, doc)]
    if not matches:
        return []
    finding = finding_at(rule, doc, matches)
    reason = context.get(matches[0])
    if reason is not None and reason.span not in finding.related and reason.clause != matches[0].clause:
        finding.related.insert(0, reason.span)
    return [finding]


def conditional(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    triggers = collect_any(rule.spec["if"], doc, facts)
    if not triggers:
        return []
    needed = _scoped(rule.spec["then"], doc, facts)
    unmet = [t for t in triggers if not _near_any(t, needed, doc)]
    if rule.spec.get("satisfied") == "any" and len(unmet) < len(triggers):
        return []
    return [finding_at(rule, doc, unmet)] if unmet else []


def _format_period(deadline: Deadline, doc: Document) -> str:
    return excerpt(doc, deadline.span, 60)


def limit(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """Deadlines of the given obligations that exceed ``max_days``."""
    max_days = float(rule.spec["max_days"])
    spec = {"fact": "deadlines", **rule.spec.get("where", {})}
    late = [e for e in collect(spec, doc, facts) if e.item.days() > max_days]
    if not late:
        return []
    return [finding_at(rule, doc, late, {"period": _format_period(late[0].item, doc)})]


#: Obligations that are all "handling of a subject's request": deadlines for them are
#: compared with each other when the requests go to the same channel.
REQUEST_OBLIGATIONS = {"subject_info", "complaint", "refusal"}


def _deadline_group(deadline: Deadline, doc: Document) -> tuple[Any, ...] | None:
    if deadline.bound != "max":
        return None
    version = doc.clauses[deadline.clause].version
    if deadline.obligation in REQUEST_OBLIGATIONS and deadline.channel:
        return (version, "requests", deadline.channel)
    return (version, deadline.obligation)


def _compare_deadlines(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """The same obligation (or requests sent to one channel) with different periods."""
    wanted = set(rule.spec.get("obligations", ())) or None
    groups: dict[tuple[Any, ...], list[Deadline]] = {}
    for deadline in facts.deadlines:
        if wanted and deadline.obligation not in wanted:
            continue
        key = _deadline_group(deadline, doc)
        if key is not None:
            groups.setdefault(key, []).append(deadline)
    # Requests with a channel also conflict with channel-less ones of the same obligation.
    for key, members in list(groups.items()):
        if key[1] == "requests":
            for obligation in {d.obligation for d in members}:
                members.extend(groups.pop((key[0], obligation), []))
    for members in groups.values():
        first = members[0]
        for other in members[1:]:
            if other.days() != first.days() and other.span != first.span:
                places = [Evidence(other.span, other.clause), Evidence(first.span, first.clause)]
                params = {
                    "period": _format_period(other, doc),
                    "other": _format_period(first, doc),
                    "line": str(doc.locate(first.span.start).line),
                }
                return [finding_at(rule, doc, places, params)]
    return []


COMPARISONS: dict[str, Callable[[Rule, Document, Facts], list[Finding]]] = {
    "deadlines": _compare_deadlines,
}


def consistency(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    return COMPARISONS[rule.spec["compare"]](rule, doc, facts)


def check(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    module_name, _, function_name = rule.spec["check"].rpartition(".")
    module = importlib.import_module(f"policylint.rules.checks.{module_name}")
    return getattr(module, function_name)(rule, doc, facts)


KINDS: dict[str, Callable[[Rule, Document, Facts], list[Finding]]] = {
    "required": required,
    "forbidden": forbidden,
    "conditional": conditional,
    "limit": limit,
    "consistency": consistency,
    "check": check,
}
