"""Document hygiene (DOC001–DOC004): template leftovers, clause numbering, malformed
contacts, no date or version of the policy."""

from __future__ import annotations

import re

from policylint import patterns
from policylint.model import Document, Facts, Finding, Span
from policylint.rules.catalog import Rule
from policylint.rules.evidence import Evidence
from policylint.rules.kinds import document_start, finding_at

# ------------------------------------------------------------------------- DOC001

#: Template syntax that a renderer should have replaced.
_TEMPLATE = patterns.compile(
    r"\{\{[^{}\n]{1,60}\}\}"  # {{company}}
    r"|\$\{[^{}\n]{1,60}\}"  # ${OPERATOR}
    r"|\{%[^%\n]{1,60}%\}|<%=?[^%\n]{1,60}%>"  # {% … %}, <%= … %>
    r"|(?<![\w{])\{[A-Za-z_][\w.]{0,40}\}(?!\})"  # {company_name}
    r"|%\([a-z_]+\)s"  # %(name)s
    r"|_{4,}"  # «____» blanks
    r"|(?<!\w)(?:X{4,}|Х{4,}|x{4,}|х{4,})(?!\w)"  # БИН XXXXXXXXXXXX
    r"|(?i:lorem ipsum)"
)
#: Every match of ``_TEMPLATE`` holds one of these or matches ``_LOREM``: clauses
#: without them are not searched.
_TEMPLATE_MARKS = ("{", "<%", "%(", "____", "XXXX", "ХХХХ", "xxxx", "хххх")
_LOREM = patterns.compile(r"(?i:lorem ipsum)")
#: A bracketed insertion note: «[ЗАПОЛНИТЕ]», «[юридический адрес Оператора]». A
#: Markdown link «[text](#)» is not one.
_BRACKETED = patterns.compile(r"\[([^\[\]\n]{2,60})\](?!\()")
_PLACEHOLDER_WORDS = patterns.compile(
    r"(?<!\w)(?:заполн|вставь|вставит|укаж|указать|впиш|наименовани|название|адрес|ф\.?и\.?о"
    r"|дат[аыуе](?!\w)|e-?mail|почт|телефон|бин(?!\w)|иин(?!\w)|компани|организаци|оператор"
    r"|сайт|город|номер|ссылк|толтыр|атау|мекенжай|жсн(?!\w)|бсн(?!\w)|name|address"
    r"|date(?!\w)|company|insert|enter|fill|phone|url(?!\w)|link(?!\w))",
    re.IGNORECASE,
)
_CAPS_NOTE = patterns.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ _-]+")
#: A dotted message key («privacy.title», «privacy.lastUpdate») in place of its text.
_KEY = patterns.compile(r"(?<![\w.@/:-])[a-z][a-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?![\w@/-])")
_CAMEL_OR_SNAKE = patterns.compile(r"[a-z0-9][A-Z]|_")
#: Last parts that make a dotted word a domain or a file name, not a message key.
_ENDINGS = (
    "kz ru com org net info biz io app dev ai co me su uz kg by ua am az ge eu de uk us cn tr ae"
    " online site store shop pro tech cloud edu gov"
    " html htm php pdf doc docx txt jpg jpeg png svg js ts json xml yaml yml md"
)
_NOT_KEY_ENDINGS = frozenset(_ENDINGS.split())


def _is_key(word: str, whole_clause: bool) -> bool:
    parts = word.split(".")
    if parts[-1].lower() in _NOT_KEY_ENDINGS:
        return False
    return whole_clause or any(_CAMEL_OR_SNAKE.search(part) for part in parts[1:])


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Spans of template leftovers in the text of one clause."""
    spans = []
    if any(mark in text for mark in _TEMPLATE_MARKS) or _LOREM.search(text):
        spans = [m.span() for m in _TEMPLATE.finditer(text)]
    for m in _BRACKETED.finditer(text):
        note = m.group(1).strip()
        letters = sum(ch.isalpha() for ch in note)
        caps = _CAPS_NOTE.fullmatch(note) is not None and letters >= 5
        if len(note.split()) <= 6 and (caps or _PLACEHOLDER_WORDS.search(note)):
            spans.append(m.span())
    spans.extend(
        m.span() for m in _KEY.finditer(text) if _is_key(m.group(), text.strip() == m.group())
    )
    return spans


def _placeholders(doc: Document) -> list[Evidence]:
    found = [
        Evidence(Span(clause.span.start + a, clause.span.start + b), clause.index)
        for clause in doc.clauses
        for a, b in _placeholder_spans(doc.clause_text(clause))
    ]
    return sorted(found, key=lambda e: e.span)


def placeholders(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """DOC001: unrendered template placeholders, blanks or i18n keys in the text. In a
    website's source code, values the site fills in at run time («{company}» from
    ``${company}``) are not leftovers: they are reported once, as unresolved (info),
    because the rules cannot see what the page will show there."""
    runtime = doc.runtime_placeholders()
    inside = lambda e: any(r.start <= e.span.start < r.end for r in runtime)  # noqa: E731
    found = [e for e in _placeholders(doc) if not inside(e)]
    findings = [finding_at(rule, doc, found)] if found else []
    if runtime:
        places = [Evidence(span, getattr(doc.clause_at(span.start), "index", 0)) for span in runtime]
        names = ", ".join(dict.fromkeys(doc.text[s.start : s.end] for s in runtime[:5]))
        finding = finding_at(rule, doc, places, {"variant": "runtime", "found": names})
        finding.severity = "info"
        findings.append(finding)
    return findings


# ------------------------------------------------------------------------- DOC002

#: The number at the start of a clause and what follows it: "." / ")" / nothing.
_LEAD_NUMBER = patterns.compile(r"\s*(?:[-–—•*]\s*)?(\d+(?:\.\d+)*)(\.|\))?")


def _style(doc: Document, index: int) -> str:
    """How clause ``index`` writes its number: ".", ")" or "" (a bare section number)."""
    m = _LEAD_NUMBER.match(doc.clause_text(doc.clauses[index]))
    return (m.group(2) or "") if m else ""


def _ends_intro(doc: Document, index: int) -> bool:
    return doc.clause_text(doc.clauses[index]).rstrip().endswith(":")


def _numbering_problem(doc: Document, version: int) -> tuple[str, list[Evidence]] | None:
    """The first numbering problem of one language version: a repeated multi-level
    number ("3.4" twice), or a top-level "N." numbering that starts again ("1. 2. 3. 4."
    then "1.") without a heading, a list introduction or a sub-clause in between."""
    seen: dict[str, Evidence] = {}
    last_top: tuple[int, Evidence] | None = None
    for clause in doc.clauses:
        if clause.version != version:
            continue
        if clause.number is None:
            if clause.heading or _ends_intro(doc, clause.index):
                last_top = None
            continue
        place = Evidence(clause.span, clause.index)
        if "." in clause.number:
            if clause.number in seen:
                return "duplicate", [place, seen[clause.number]]
            seen[clause.number] = place
            last_top = None
            continue
        if not clause.number.isdigit():
            continue
        style, value = _style(doc, clause.index), int(clause.number)
        if style == "." and last_top is not None and value <= last_top[0]:
            return "restart", [place, last_top[1]]
        if style != ")":
            last_top = None if _ends_intro(doc, clause.index) else (value, place)
    return None


def numbering(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """DOC002: duplicate or restarting clause numbers, within each language version."""
    problems = []
    for version in range(len(doc.versions) or 1):
        problem = _numbering_problem(doc, version)
        if problem is not None:
            problems.append(problem)
    if not problems:
        return []
    variant, places = problems[0]
    related = [p for _, more in problems[1:] for p in more]
    number = doc.clauses[places[0].clause].number or ""
    return [finding_at(rule, doc, places + related, {"variant": variant, "number": number})]


# ------------------------------------------------------------------------- DOC003


def malformed_contacts(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """DOC003: a malformed URL or e-mail; the same value elsewhere is related."""
    bad = [c for c in facts.contacts if not c.valid and c.kind in ("email", "url")]
    if not bad:
        return []
    places = [Evidence(c.span, c.clause) for c in bad]
    return [finding_at(rule, doc, places, {"value": bad[0].value})]


# ------------------------------------------------------------------------- DOC004

_YEAR = r"(?:19|20)\d{2}"
_RU_MONTH = r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*"
_KK_MONTH = (
    r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"
)
_EN_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
#: A calendar date: 19.01.2026, 2026-01-19, «19» января 2026, январь 2026,
#: 2026 жылғы 19 қаңтар, 19 January 2026, January 19, 2026.
_DATE = patterns.compile(
    rf"(?<!\d)(?:\d{{1,2}}[./-]\d{{1,2}}[./-]{_YEAR}|{_YEAR}-\d{{1,2}}-\d{{1,2}}"
    rf"|(?:«?\d{{1,2}}»?\s+)?(?<!\w){_RU_MONTH}\s+{_YEAR}"
    rf"|{_YEAR}\s*(?:ж\.|жылғы|жылы)?\s*«?\d{{1,2}}»?\s*{_KK_MONTH}|\d{{1,2}}\s+{_KK_MONTH}\s+{_YEAR}"
    rf"|{_EN_MONTH}\s+\d{{1,2}},?\s+{_YEAR}|\d{{1,2}}\s+{_EN_MONTH}\s+{_YEAR})(?!\d)",
    re.IGNORECASE,
)
#: A version label, and a version number right after it: «Редакция документа: 2.0».
_VERSION_LABEL = patterns.compile(r"редакц|верси|нұсқа|version", re.IGNORECASE)
_VERSION_AFTER = patterns.compile(r"\s*(?:№|:|-|–|—)?\s*(?:№\s*)?v?\d+(?:\.\d+)*(?!\d)", re.IGNORECASE)
#: How far from its label a date may stand (characters): after it («Дата публикации:
#: 19 января 2026 г.», «вступает в силу с 01.02.2026»), or before it in Kazakh word
#: order («2026 жылғы 1 ақпаннан бастап күшіне енеді»).
_DATE_AFTER, _DATE_BEFORE = 30, 40


def _dated(doc: Document, span: Span) -> bool:
    """True if a date or version number stands next to the edition label ``span``."""
    clause = doc.clause_at(span.start)
    lo, hi = (clause.span.start, clause.span.end) if clause else (0, len(doc.text))
    text = doc.text
    version_label = _VERSION_LABEL.search(text, span.start, span.end)
    if version_label and _VERSION_AFTER.match(text, span.end, hi):
        return True
    after = _DATE.search(text, span.end, min(hi, span.end + _DATE_AFTER + 30))
    if after and after.start() - span.end <= _DATE_AFTER:
        return True
    before = text[max(lo, span.start - _DATE_BEFORE - 30) : span.start]
    return any(len(before) - m.end() <= _DATE_BEFORE for m in _DATE.finditer(before))


def no_edition(rule: Rule, doc: Document, facts: Facts) -> list[Finding]:
    """DOC004: no date (publication, entry into force, last update) or version of the
    policy is stated."""
    labels = facts.topic("doc_edition_label")
    if any(_dated(doc, m.span) for m in labels):
        return []
    return [finding_at(rule, doc, [Evidence(document_start(doc), 0)])]
