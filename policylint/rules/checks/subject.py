"""Checks of the subject's rights, consent and third parties (RT001–RT003, CN003, TP001).

A right counts as *described* when its wording (``rt_info``, ``rt_change`` …, see
rules/topics/subject.yaml) stands in a clause framed as a right of the subject: a
rights marker («имеет право», «вправе», «требовать», «құқылы», «талап етуге») in the
clause itself, in the intro of the list the clause belongs to, or in its section
heading — and that marker is not the operator's («Оператор имеет право:»).
"""

from __future__ import annotations

from policylint.model import Document, Facts, Finding
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence, collect, list_intro
from policylint.rules.kinds import document_start, finding_at

#: The core rights of Art. 24(1)(1)–(5): topic, and its name in RU / KK / EN.
CORE_RIGHTS: dict[str, tuple[str, str, str]] = {
    "rt_info": ("на информацию и доступ", "ақпарат алу және қол жеткізу", "information and access"),
    "rt_change": ("на изменение и дополнение", "өзгерту және толықтыру", "change and supplement"),
    "rt_block": ("на блокирование", "бұғаттау", "blocking"),
    "rt_destroy": ("на уничтожение", "жою", "destruction"),
    "cn_withdrawal": ("на отзыв согласия", "келісімді кері қайтарып алу", "withdrawal of consent"),
}
#: Rights whose description makes a rights section (RT001): withdrawal alone does not.
RIGHT_TOPICS = ("rt_info", "rt_change", "rt_block", "rt_destroy", "rt_protection")
#: Rights lists are read whatever their polarity: a condition inside a right («…, если
#: данные … не являются необходимыми») must not hide it.
ANY = "any"
#: A clause opening a bulleted list item («- …», «• …», «— …»).
#: How far back a bulleted list may reach for its head, and how far a channel may follow
#: the right it serves.
LIST_REACH = 12
CHANNEL_REACH = 2
REQUEST_REACH = 4


def _clauses_with(topic: str, doc: Document, facts: Facts, negated: bool | str = False) -> set[int]:
    """Indices of the clauses where ``topic`` matches (``negated`` as in evidence specs)."""
    return {e.clause for e in collect({"topic": topic, "negated": negated}, doc, facts)}


def _bullet_head(doc: Document, index: int) -> int | None:
    """The clause before a run of bulleted items that holds clause ``index``."""
    if not doc.clauses[index].list_item:
        return None
    for back in range(index - 1, max(-1, index - 1 - LIST_REACH), -1):
        if not doc.clauses[back].list_item:
            return back
    return None


def _framing_clauses(doc: Document, index: int) -> list[int]:
    """The clause itself, its list intro or bulleted-list head, and its section heading."""
    found = [index]
    for other in (list_intro(doc, index), _bullet_head(doc, index), doc.clauses[index].section):
        if other is not None and other not in found:
            found.append(other)
    return found


class Rights:
    """The subject's rights a document describes."""

    def __init__(self, doc: Document, facts: Facts):
        self.doc = doc
        self.facts = facts
        self.markers = _clauses_with("rt_marker", doc, facts, ANY)
        self.operator = _clauses_with("rt_operator_right", doc, facts, ANY)

    def framed(self, evidence: Evidence) -> bool:
        """Is ``evidence`` stated as a right of the subject?"""
        for index in _framing_clauses(self.doc, evidence.clause):
            if index in self.operator:
                return False
            if index in self.markers:
                return True
        return False

    def described(self, topic: str) -> list[Evidence]:
        """Places where the right of ``topic`` is described (withdrawal: any mention)."""
        if topic == "cn_withdrawal":
            return collect({"topic": topic}, self.doc, self.facts)
        found = collect({"topic": topic, "negated": ANY}, self.doc, self.facts)
        return [e for e in found if self.framed(e)]

    def any_right(self) -> list[Evidence]:
        """Every described right except withdrawal, plus appeals (Art. 30)."""
        places = [e for topic in RIGHT_TOPICS for e in self.described(topic)]
        places += collect({"topic": "rt_appeal"}, self.doc, self.facts)
        return sorted(places, key=lambda e: e.span.start)


def no_rights(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """RT001: the policy describes none of the subject's rights (withdrawal aside)."""
    if Rights(doc, facts).any_right():
        return []
    return [Finding(rule.id, rule.severity, document_start(doc))]  # type: ignore[arg-type]


def missing_core_rights(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """RT002: one finding listing the core rights of Art. 24(1)(1)–(5) not described."""
    rights = Rights(doc, facts)
    missing = [names for topic, names in CORE_RIGHTS.items() if not rights.described(topic)]
    if not missing:
        return []
    places = rights.any_right()[:1] or [Evidence(document_start(doc), 0)]
    params = {
        f"missing_{lang}": ", ".join(names[i] for names in missing)
        for i, lang in enumerate(("ru", "kk", "en"))
    }
    return [finding_at(rule, doc, places, params)]


def _channels(doc: Document, facts: Facts) -> set[int]:
    """Clauses naming a way to send a request: a contact, a form, «в письменной форме»."""
    clauses = {c.clause for c in facts.contacts if c.kind in ("email", "url", "address", "phone")}
    return clauses | _clauses_with("rt_channel", doc, facts)


def _near(index: int, targets: set[int], before: int, after: int) -> bool:
    return any(index - before <= t <= index + after for t in targets)


def no_rights_procedure(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """RT003: nothing says how the rights are exercised.

    A procedure is a channel (contact, form, «письменное заявление») given with a right
    other than withdrawal, with «для реализации своих прав», or with a request
    («запрос», «өтініш») near a described right.
    """
    rights = Rights(doc, facts)
    raw = {e.clause for t in RIGHT_TOPICS for e in collect({"topic": t}, doc, facts)}
    withdrawal_only = _clauses_with("cn_withdrawal", doc, facts) - raw
    channels = _channels(doc, facts) - withdrawal_only
    described = {e.clause for e in rights.any_right()}
    exercise = _clauses_with("rt_exercise", doc, facts)
    requests = _clauses_with("rt_request", doc, facts) & channels
    if (
        any(_near(c, channels, 0, CHANNEL_REACH) for c in described | exercise)
        or raw & channels
        or any(_near(c, described, REQUEST_REACH, REQUEST_REACH) for c in requests)
    ):
        return []
    anchor = rights.any_right()
    span = anchor[0].span if anchor else document_start(doc)
    return [Finding(rule.id, rule.severity, span)]  # type: ignore[arg-type]


def _excused(evidence: Evidence, doc: Document, lawful: set[int]) -> bool:
    return any(i in lawful for i in _framing_clauses(doc, evidence.clause))


def withdrawal_restricted(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """CN003: withdrawal needs advance notice, is paid, in person only, or barred outside
    the Art. 8(2) cases (the law contradicts it; an unfulfilled obligation)."""
    places = [
        Evidence(d.span, d.clause) for d in facts.deadlines if d.obligation == "withdrawal_notice"
    ]
    places += collect({"topic": "cn_withdrawal_restriction"}, doc, facts)
    lawful = _clauses_with("cn_lawful_exception", doc, facts)
    barred = collect({"topic": "cn_irrevocable"}, doc, facts)
    places += [e for e in barred if not _excused(e, doc, lawful)]
    if not places:
        return []
    places.sort(key=lambda e: (e.span.start, e.span.end))
    return [finding_at(rule, doc, places)]
