"""The data that flows through the pipeline.

source file ─► SourceText ─► NormalizedText ─► Document (clauses) ─► Facts ─► Finding

Every stage only reads what the previous stages produced. Offsets are character
offsets: a ``Span`` is always into ``NormalizedText.text``; ``NormalizedText.to_source``
maps it back into ``SourceText.text``, and ``SourceText.locate`` maps that to a line and
column of the original file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Sequence

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

#: Language tags used for blocks, clauses and language versions.
Lang = Literal["ru", "kk", "en", "other"]


class Span(NamedTuple):
    """Half-open character range ``[start, end)`` in the normalised text."""

    start: int
    end: int


class Location(NamedTuple):
    """A place in the original file, 1-based. ``label`` is e.g. ``"page 3"`` for PDFs."""

    line: int
    column: int
    label: str | None = None


class InputError(Exception):
    """An input that cannot be linted. ``code`` is one of: ``not_found``, ``unreadable``,
    ``binary``, ``empty``, ``encoding``, ``not_policy``, ``no_text`` (a PDF without a
    text layer, a DOCX without paragraphs), ``too_large``, ``unsupported``,
    ``internal`` (a bug in policylint met on this input; the batch goes on)."""

    def __init__(self, path: str, code: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type, tuple[str, str, str]]:
        # Results travel back from worker processes: keep the three fields.
        return (InputError, (self.path, self.code, self.message))


# --------------------------------------------------------------------------- ingest


@dataclass
class SourceText:
    """Text read from one input.

    ``text`` is the prose to lint. For plain text it is the decoded file; for formats
    where prose is extracted from markup or code, ``origin[i]`` is the offset in
    ``original`` that ``text[i]`` came from (``origin`` has ``len(text) + 1`` entries).
    """

    path: str
    text: str
    encoding: str = "utf-8"
    original: str | None = None
    origin: Sequence[int] | None = None
    #: For paged formats: offsets in ``text`` where each page/paragraph starts, and the
    #: noun used in labels ("page", "paragraph").
    page_starts: Sequence[int] | None = None
    page_noun: str = "page"
    #: "document" (a policy file: text, DOCX, PDF) or "source" (a file of a website's
    #: code or markup, which may hold no policy at all and is then skipped).
    kind: str = "document"
    #: Spans of ``text`` holding values a website fills in at run time («{company}»).
    placeholders: Sequence[tuple[int, int]] = ()
    _line_starts: list[int] | None = field(default=None, repr=False)

    def locate(self, offset: int) -> Location:
        """Line and column in the original file of character ``offset`` of ``text``."""
        offset = max(0, min(offset, len(self.text)))
        if self.page_starts is not None:
            page = bisect.bisect_right(self.page_starts, offset)
            return Location(max(page, 1), 1, f"{self.page_noun} {max(page, 1)}")
        return self.locate_original(self.origin[offset] if self.origin is not None else offset)

    @property
    def file_text(self) -> str:
        """The text of the original file (the extracted text when nothing was extracted)."""
        return self.text if self.original is None else self.original

    def locate_original(self, offset: int) -> Location:
        """Line and column of ``offset`` in the original file's text."""
        if self._line_starts is None:
            original = self.file_text
            starts = [0]
            find = original.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset)
        return Location(line, offset - self._line_starts[line - 1] + 1)


# ------------------------------------------------------------------------ normalise


@dataclass
class NormalizedText:
    """The source text after normalisation (look-alike letters, spaces, hyphenation,
    page chrome removed). ``to_source[i]`` is the offset in ``SourceText.text`` of
    ``text[i]``; it has ``len(text) + 1`` entries so that span ends map too."""

    text: str
    to_source: Sequence[int]

    def source_offset(self, offset: int) -> int:
        return self.to_source[max(0, min(offset, len(self.text)))]


# -------------------------------------------------------------------------- segment


@dataclass
class Clause:
    """A paragraph-level unit: a numbered clause, a heading, a list item or a plain
    paragraph. Long paragraphs are not split; sentences are found on demand."""

    index: int
    span: Span
    lang: Lang
    #: Normalised clause number without the trailing dot ("3.2.1", "1)" → "1"), or None.
    number: str | None = None
    heading: bool = False
    #: True for a definition of a term ("2.8. Трансграничная передача – ..."), or a
    #: clause inside a section of definitions: it names things without promising them.
    definition: bool = False
    #: True for an item of a bulleted or dashed list (the marker is removed by normalise).
    list_item: bool = False
    #: Index of the heading clause that opens this clause's section, or None.
    section: int | None = None
    #: Index into ``Document.versions``.
    version: int = 0


@dataclass
class Version:
    """A language version of the document: clauses ``[first, end)`` in one language."""

    lang: Lang
    first: int
    end: int


@dataclass
class Document:
    source: SourceText
    norm: NormalizedText
    clauses: list[Clause]
    versions: list[Version]
    #: Pairs of clause indices (clause in one version, matching clause in the other).
    pairs: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def clause_text(self, clause: Clause) -> str:
        return self.norm.text[clause.span.start : clause.span.end]

    def clause_at(self, offset: int) -> Clause | None:
        """The clause containing normalised ``offset``."""
        if self._starts is None or len(self._starts) != len(self.clauses):
            self._starts = [c.span.start for c in self.clauses]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.clauses[i].span.start <= offset < max(
            self.clauses[i].span.end, self.clauses[i].span.start + 1
        ):
            return self.clauses[i]
        return None

    def runtime_placeholders(self) -> list[Span]:
        """Normalised spans of the values the website fills in at run time
        (``SourceText.placeholders``: «{company}» from ``${company}``)."""
        to_source = self.norm.to_source
        spans = []
        for start, end in self.source.placeholders:
            a = bisect.bisect_left(to_source, start)
            b = bisect.bisect_left(to_source, end, a)
            if a < b:
                spans.append(Span(a, b))
        return spans

    def locate(self, offset: int) -> Location:
        """Line/column in the original file of normalised ``offset``."""
        return self.source.locate(self.norm.source_offset(offset))

    @property
    def languages(self) -> list[str]:
        seen: list[str] = []
        for v in self.versions:
            if v.lang in ("ru", "kk", "en") and v.lang not in seen:
                seen.append(v.lang)
        return seen


# -------------------------------------------------------------------------- analyse

#: Obligations a deadline can govern (see RULES.md, DL section).
OBLIGATIONS = (
    "subject_info",  # reply to the subject's request for information / access (25(2)(6))
    "refusal",  # reasoned refusal (25(2)(7))
    "change_block_destroy",  # change/supplement, block, destroy on request (25(2)(8))
    "withdrawal",  # stop processing after consent is withdrawn
    "complaint",  # handling of the subject's complaints / claims / requests in general
    "breach_authority",  # breach notice to the authorised body (Law 44-VIII)
    "breach_subject",  # breach notice to the subjects
    "authority_reply",  # reply to a request of the authorised body
    "third_party_notice",  # notice to the subject of a transfer to a third party (Art. 19)
    "public_removal",  # removal of unlawful data from public sources (Art. 6)
    "publication",  # 152-FZ style: publish conditions of data allowed for distribution
    "policy_change_notice",  # notice of changes to the policy
    "withdrawal_notice",  # advance notice the subject must give to withdraw consent
    "retention",  # how long data are kept
    "other",
)

#: Units a deadline can be expressed in.
UNITS = ("working_day", "calendar_day", "day", "hour", "month", "year")


@dataclass(frozen=True)
class Deadline:
    """A period the policy promises: ``amount`` ``unit`` for ``obligation``.

    ``bound`` is "max" for "within / no later than", "min" for "at least N before",
    "exact" otherwise. ``channel`` is the e-mail / URL that the requests governed by the
    deadline are sent to, when the clause or its section names one.
    """

    obligation: str
    amount: float
    unit: str
    span: Span
    clause: int
    bound: str = "max"
    channel: str | None = None

    def days(self) -> float:
        """Length in days for comparing with a statutory limit in working days.

        As RULES.md asks, compare conservatively: "N days" with no unit counts as N
        calendar days, and a working day is taken as 24 hours (so 24 h passes a
        one-working-day limit and 48 h or 72 h do not).
        """
        per_unit = {"hour": 1 / 24, "month": 30.0, "year": 365.0}
        return self.amount * per_unit.get(self.unit, 1.0)

    @property
    def value(self) -> tuple[float, str]:
        """Comparable value: ("1 рабочий день" and "одного рабочего дня" are equal)."""
        return (self.amount, self.unit)


@dataclass(frozen=True)
class Identifier:
    """A 12-digit БИН/БСН or ИИН/ЖСН found in the text.

    ``label`` is the label next to it ("BIN" / "IIN" / None); ``structure`` is what the
    digits say ("bin", "iin", or "malformed"); ``valid`` tells if the check digit holds.
    """

    value: str
    label: str | None
    structure: str
    valid: bool
    span: Span
    clause: int


@dataclass(frozen=True)
class OperatorName:
    """A legal name: ``form`` canonical ("LLP", "JSC", "IE", "PA", ...), ``form_text``
    as written ("ТОО", "ЖШС"), ``name`` inside the quotes ("Бектек")."""

    form: str
    form_text: str
    name: str
    span: Span
    clause: int


@dataclass(frozen=True)
class Contact:
    """``kind`` is "email", "phone", "url" or "address"; ``value`` is normalised."""

    kind: str
    value: str
    span: Span
    clause: int
    valid: bool = True


@dataclass(frozen=True)
class ServiceMention:
    """A named foreign (or Kazakh) service with the country its data go to, or
    (``kind == "country"``) a foreign state named as a place data go to or are kept."""

    service: str
    country: str
    foreign: bool
    span: Span
    clause: int
    kind: str = "service"


@dataclass(frozen=True)
class LawCitation:
    """A citation of a law. ``law`` is "94-V", "152-FZ", "GDPR", "constitution", ...;
    ``article``/``paragraph``/``subparagraph`` as strings ("10.1", "2", "5")."""

    law: str
    span: Span
    clause: int
    article: str | None = None
    paragraph: str | None = None
    subparagraph: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class TopicMatch:
    """A match of a lexicon topic (rules/topics/*.yaml) in a clause."""

    topic: str
    span: Span
    clause: int
    negated: bool = False


@dataclass
class Facts:
    deadlines: list[Deadline] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    operators: list[OperatorName] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    services: list[ServiceMention] = field(default_factory=list)
    citations: list[LawCitation] = field(default_factory=list)
    topics: dict[str, list[TopicMatch]] = field(default_factory=dict)
    #: Values filled in at run time that may state the operator («{company.name}»):
    #: operator rules do not call such details missing.
    injected_operator: list[Span] = field(default_factory=list)
    jurisdiction: str = "KZ"
    #: What the repository's configuration says the policy must state about its
    #: operator (``[operator]``: name, bin, email); compared by OP007.
    expected_operator: dict[str, str] = field(default_factory=dict)

    def topic(self, name: str, *, negated: bool = False) -> list[TopicMatch]:
        """Matches of topic ``name`` (by default only the non-negated ones)."""
        return [m for m in self.topics.get(name, ()) if negated or not m.negated]


# -------------------------------------------------------------------------- findings


@dataclass
class Finding:
    """One problem found by one rule. ``params`` fill the rule's message template."""

    rule: str
    severity: Severity
    span: Span
    related: list[Span] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)
    fix: str | None = None
    #: ``(start, end)`` offsets in the original file, for a finding about something
    #: that is not part of the policy text (an inline suppression comment).
    file_span: tuple[int, int] | None = None


@dataclass
class FileResult:
    """What ``check`` reports for one input."""

    path: str
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    jurisdiction: str | None = None
    skipped: str | None = None
    error: InputError | None = None
