"""Inline suppressions: ``policylint: disable=CODES -- reason`` in a comment.

The directive is found in any comment syntax of the file it sits in (``<!-- -->``,
``{/* */}``, ``//``, ``#``, ``--``, ``{# #}``, ``{{-- --}}``). Three forms:

- ``disable-file=CODES``  every finding of those rules in the file;
- ``disable-next=CODES``  findings in the next paragraph (clause) after the comment;
- ``disable=CODES``       findings in the paragraphs on the comment's line, or — for a
  comment on a line of its own — in the next paragraph.

CODES are rule ids or prefixes (``OP008``, ``DL``, ``ALL``), comma-separated. A reason after
`` -- `` is expected; a suppression without one is reported (PL002), and so is one that
suppressed nothing of the rules that ran (PL001).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from policylint import patterns
from policylint.model import Document, Finding, Span

_DIRECTIVE = patterns.compile(
    r"policylint:\s*(?P<kind>disable-file|disable-next|disable)\s*=\s*"
    r"(?P<codes>[A-Za-z]+\d*(?:\s*,\s*[A-Za-z]+\d*)*)"
    r"(?:\s+--(?![>}])\s*(?P<reason>.*?))?"
    r"\s*(?:-->|\*/\s*\}?|--\}\}|#\}|%\}|\?>)?[ \t]*$",
    re.MULTILINE,
)
#: A comment opener before the directive on its line.
_COMMENT_OPENER = patterns.compile(r"<!--|//|/\*|#|--|\{#|\{\{--|;|%")
UNUSED, NO_REASON = "PL001", "PL002"


@dataclass
class Suppression:
    kind: str
    codes: list[str]
    reason: str
    start: int
    end: int
    used: set[str] = field(default_factory=set)

    def covers(self, rule: str) -> str | None:
        """The code of this suppression that names ``rule``, if any."""
        return next((c for c in self.codes if c == "ALL" or rule.startswith(c)), None)


def find_suppressions(text: str) -> list[Suppression]:
    """Directives in the comments of a file's text."""
    if "policylint:" not in text:
        return []
    found = []
    for match in _DIRECTIVE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        opener = _COMMENT_OPENER.search(text, line_start, match.start())
        if not opener:
            continue
        codes = [c.strip().upper() for c in match.group("codes").split(",")]
        reason = (match.group("reason") or "").strip()
        found.append(Suppression(match.group("kind"), codes, reason, opener.start(), match.end()))
    return found


def _clause_ranges(doc: Document) -> list[tuple[int, int]]:
    """Each clause's ``[start, end)`` in the original file."""
    source, norm = doc.source, doc.norm

    def original(offset: int) -> int:
        at = norm.source_offset(offset)
        return source.origin[at] if source.origin is not None else at

    return [(original(c.span.start), original(max(c.span.end - 1, c.span.start)) + 1) for c in doc.clauses]


def _targets(suppression: Suppression, doc: Document, ranges: list[tuple[int, int]]) -> set[int] | None:
    """Indices of the clauses a suppression applies to (None: the whole file)."""
    if suppression.kind == "disable-file":
        return None
    text = doc.source.file_text
    line_start = text.rfind("\n", 0, suppression.start) + 1
    line_end = text.find("\n", suppression.end)
    line_end = len(text) if line_end == -1 else line_end
    alone = not text[line_start : suppression.start].strip() and not text[suppression.end : line_end].strip()
    if suppression.kind == "disable" and not alone:
        return {k for k, (a, b) in enumerate(ranges) if a < line_end and b > line_start}
    after = [k for k, (a, _) in enumerate(ranges) if a >= line_end]
    return {min(after, key=lambda k: ranges[k][0])} if after else set()


def apply_suppressions(
    doc: Document,
    findings: list[Finding],
    selected: Callable[[str], bool],
    catalog_ids: list[str],
) -> list[Finding]:
    """``findings`` without the suppressed ones, plus PL001/PL002 findings about the
    suppressions themselves (when those rules are selected)."""
    suppressions = find_suppressions(doc.source.file_text) if doc.source.page_starts is None else []
    if not suppressions:
        return findings
    ranges = _clause_ranges(doc)
    starts = [c.span.start for c in doc.clauses]
    targets = [_targets(s, doc, ranges) for s in suppressions]
    kept: list[Finding] = []
    for finding in findings:
        clause = bisect.bisect_right(starts, finding.span.start) - 1
        silenced = False
        for suppression, target in zip(suppressions, targets):
            code = suppression.covers(finding.rule)
            if code and (target is None or clause in target):
                suppression.used.add(code)
                silenced = True
        if not silenced:
            kept.append(finding)
    for suppression in suppressions:
        unused = [
            code for code in suppression.codes
            if code not in suppression.used
            and any(selected(rule) for rule in catalog_ids if code == "ALL" or rule.startswith(code))
        ]
        place = (suppression.start, suppression.end)
        if unused and selected(UNUSED):
            kept.append(Finding(UNUSED, "info", _anchor(doc, ranges, suppression.start),
                                params={"codes": ", ".join(unused)}, file_span=place))
        if not suppression.reason and selected(NO_REASON):
            kept.append(Finding(NO_REASON, "info", _anchor(doc, ranges, suppression.start),
                                params={"codes": ", ".join(suppression.codes)}, file_span=place))
    return kept


def _anchor(doc: Document, ranges: list[tuple[int, int]], offset: int) -> Span:
    """A span of the policy text near an original-file offset (for sorting and for
    formats that need one); the report shows the comment itself via ``file_span``."""
    k = bisect.bisect_right([a for a, _ in ranges], offset) - 1
    clause = doc.clauses[max(k, 0)] if doc.clauses else None
    return Span(clause.span.start, clause.span.start) if clause else Span(0, 0)
