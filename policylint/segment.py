"""Split normalised text into clauses, and find their structure and language.

A clause is one line of the normalised text (a numbered clause, a heading, a list item
or a paragraph), except that

- a line holding only a section number («1», then «Общие положения») joins the heading
  after it;
- a line that continues a sentence broken by a page break (it starts in lower case, or
  the line before stops mid-sentence) joins the clause before it, and the second line of
  a numbered heading in capitals joins the heading.

Each clause gets its number, heading mark, top-level section, definition mark and
language. Runs of clauses in one language form language versions (a Kazakh and a
Russian text in one file); clauses of two versions are paired by number, then by order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policylint import patterns
from policylint.model import (
    Clause,
    Document,
    Lang,
    NormalizedText,
    SourceText,
    Span,
    Version,
)

# -------------------------------------------------------------------- layout patterns

#: A clause number at a line start: «1.», «1.1.», «7.11.1», «4.1Идентификационные»,
#: «1)», «11-1)». A single-level number needs a dot or a bracket («2013 жылы» is none).
_NUMBER = patterns.compile(
    r"(\d{1,3}(?:\.\d{1,3})*(?:-\d{1,2}(?=[.)]))?)([.)])?(?=\s|$|[^\W\d_]|[«\"“(])"
)
#: A chapter or article heading named by its kind: «Глава 1.», «Статья 5.», «1-бап.».
_STRUCTURE = patterns.compile(
    r"(?:глава|раздел|статья|параграф)\s+\d+|\d+\s*-\s*(?:тарау|бөлім|бап)\b", re.IGNORECASE
)
#: A line holding only a number: a section number before its heading.
_BARE_NUMBER = patterns.compile(r"(\d{1,3})[.)]?")
_LINE = patterns.compile(r"[^\n]+")
_LETTER = patterns.compile(r"[^\W\d_]")
#: What a list marker removed by normalise looked like in the source.
_MARKER = patterns.compile(r"[•▪◦·‣⁃●○■□►▸\uf0a7\uf0b7*\-–—−]")
_SENTENCE_END = ".;:!?…"
#: A line ending in one of these stops mid-sentence: the next line continues it.
_OPEN_END = ",(-–—"
#: A heading that opens a section of definitions of terms.
_DEFINITIONS = patterns.compile(r"понят|термин|определени[йя]|ұғым|анықтама", re.IGNORECASE)

_HEADING_MAX = 120  # characters of a mixed-case heading (after its number)
_HEADING_MAX_WORDS = 16
_CAPS_HEADING_MAX = 250
_CAPS_MIN_LETTERS = 4
#: A line continuing in lower case follows a line at least this long (not a heading).
_CONTINUED_MIN = 60
#: A line continuing in upper case after a page break follows a line this long.
_LONG_LINE = 200

# ------------------------------------------------------------------- language patterns

_CYRILLIC = patterns.compile(r"[\u0400-\u04ff]+")
_LATIN = patterns.compile(r"[A-Za-z]+")
_KAZAKH_LETTERS = patterns.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
#: E-mails, URLs and domain names say nothing of the language.
_NOT_PROSE = patterns.compile(
    r"[^\s@]{1,64}@\S{1,255}|(?:https?://|www\.)\S+"
    r"|\b[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b"
)
_WORD = patterns.compile(r"[^\W\d_]+")
#: Share of Latin letters from which a clause is English («Шифрование SSL/TLS (HTTPS)» is
#: still Russian).
_LATIN_PROSE = 0.8
#: Share of Kazakh-specific letters among Cyrillic ones: from STRONG up a clause is
#: Kazakh; below WEAK, with no Kazakh word, Russian; otherwise words vote, and a tie
#: goes to Kazakh from TIE up.
_KAZAKH_STRONG = 0.06
_KAZAKH_WEAK = 0.01
_KAZAKH_TIE = 0.03
#: A Cyrillic clause with this many letters is sure of its language without a function word.
_SURE_LETTERS = 40
#: Frequent words of one language only: function words, and the words of headings that
#: have no Kazakh-specific letter («ЖАЛПЫ ЕРЕЖЕЛЕР»).
_KAZAKH_WORDS = frozenset({
    "және", "мен", "бен", "пен", "немесе", "осы", "бұл", "сол", "ол", "олар", "оның",
    "оларды", "олардың", "үшін", "туралы", "бойынша", "арқылы", "сәйкес", "кезде",
    "кезінде", "жағдайда", "тиіс", "мүмкін", "емес", "жоқ", "болып", "табылады", "жүзеге",
    "асырылады", "береді", "алады", "етеді", "деп", "дейін", "кейін", "ішінде", "жалпы",
    "ережелер", "ережелері", "саясат", "саясаты", "дербес", "деректер", "деректерді",
    "деректерін", "деректердің", "келісім", "келісімі", "келісімін", "мынадай",
    "мыналарды", "мына", "барлық", "басқа", "өз", "жшс", "бсн", "жсн",
})
_RUSSIAN_WORDS = frozenset({
    "и", "в", "во", "на", "с", "со", "по", "что", "для", "или", "от", "к", "из", "о", "об",
    "при", "как", "это", "его", "ее", "её", "их", "а", "также", "если", "данных", "данные",
    "персональных", "политика", "политики", "является", "может", "быть", "которые",
    "который", "общие", "положения", "права", "обязанности", "субъекта", "согласия",
    "целях",
})

#: A language version holds at least this many clauses and this share of the letters;
#: smaller islands of another language join the version around them.
_VERSION_MIN_CLAUSES = 3
_VERSION_MIN_SHARE = 0.10


@dataclass
class _Unit:
    """A clause under construction: ``[start, end)`` in the normalised text."""

    start: int
    end: int
    number: str | None = None
    #: "." or ")" after the number, "" for none.
    mark: str = ""
    #: A bare number line that no heading followed (a page number, a stray counter).
    bare: bool = False
    listed: bool = False
    in_block: bool = False
    caps: bool = False
    heading: bool = False
    #: For headings: 1 opens a top-level section, 2 is a subheading, 0 not decided yet.
    level: int = 0


@dataclass
class _Run:
    """Consecutive clauses in one language (``other`` while it has no language yet)."""

    lang: Lang
    first: int
    end: int
    letters: int


# ---------------------------------------------------------------------- line helpers


def _split_number(line: str) -> tuple[str | None, str, str]:
    """``(number, mark, body)`` of a line: «2.10. Дербес» → ("2.10", ".", "Дербес"),
    «4.1Идентификационные данные» → ("4.1", "", "Идентификационные данные")."""
    match = _NUMBER.match(line)
    if match is None or (match.group(2) is None and "." not in match.group(1)):
        return None, "", line
    return match.group(1), match.group(2) or "", line[match.end() :].lstrip()


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs matched by ``pattern`` hold."""
    return sum(map(len, pattern.findall(text)))


def _is_caps(body: str) -> bool:
    """Written in capitals: «ЖАЛПЫ ЕРЕЖЕЛЕР», «3. ОСНОВНЫЕ ПРАВА» (not «БИН:»)."""
    return body == body.upper() and _count(_WORD, body) >= _CAPS_MIN_LETTERS


def _caps_heading(body: str) -> bool:
    """A line in capitals that is a heading, not a label or an item («БСН: …», «…,»)."""
    return len(body) <= _CAPS_HEADING_MAX and ":" not in body and body[-1] not in ",;:"


def _heading_shaped(body: str) -> bool:
    """A short line with no final punctuation and no colon that starts in upper case:
    «Общие положения», «Действия при инцидентах безопасности»."""
    letter = _LETTER.search(body)
    return (
        letter is not None
        and letter.group().isupper()
        and len(body) <= _HEADING_MAX
        and len(body.split()) <= _HEADING_MAX_WORDS
        and ":" not in body
        and body[-1] not in _SENTENCE_END + _OPEN_END
    )


class _Lines:
    """The non-empty lines of the normalised text and their layout."""

    def __init__(self, source: SourceText, norm: NormalizedText):
        self.source = source.text
        self.norm = norm
        self.spans = [m.span() for m in _LINE.finditer(norm.text)]

    def text(self, i: int) -> str:
        start, end = self.spans[i]
        return self.norm.text[start:end]

    def gap_before(self, i: int) -> bool:
        """A blank line (or the start of the text) comes before line ``i``."""
        return i == 0 or self.spans[i][0] - self.spans[i - 1][1] > 1

    def in_block(self, i: int) -> bool:
        """Line ``i`` touches another line with no blank line between (a list, a table)."""
        last = i + 1 == len(self.spans)
        return not self.gap_before(i) or not (last or self.gap_before(i + 1))

    def listed(self, i: int) -> bool:
        """Line ``i`` began with a list marker in the source (normalise removed it)."""
        at = self.norm.to_source[self.spans[i][0]]
        begin = max(self.source.rfind("\n", 0, at), self.source.rfind("\r", 0, at)) + 1
        return _MARKER.search(self.source, begin, at) is not None


# -------------------------------------------------------------------------- clauses


def _continues(previous: _Unit, previous_text: str, line: str, gap: bool) -> bool:
    """Whether an unnumbered, unmarked ``line`` continues the clause before it: the
    second line of a numbered heading in capitals; a line in lower case after a long
    line that stops without final punctuation; any line after one ending in «,» «(» «-»;
    after a page break (``gap``), any line after a very long unfinished one."""
    if previous.heading:
        return previous.caps and previous.number is not None and _is_caps(line)
    if previous.bare or previous_text[-1] in _SENTENCE_END or _heading_shaped(previous_text):
        return False
    open_end = previous_text[-1] in _OPEN_END
    if line[0].islower():
        return open_end or len(previous_text) >= _CONTINUED_MIN
    return open_end or (gap and len(previous_text) >= _LONG_LINE)


def _numbered_heading(unit: _Unit, body: str, previous_text: str) -> bool:
    """Is a numbered line a heading? «10.4. Действия при инцидентах безопасности» and
    «1. ЖАЛПЫ ЕРЕЖЕЛЕР» are; «1) …» items and «1. Немедленно принимает меры …» inside a
    list (after «…Оператор:» or among other lines) are not."""
    if unit.mark == ")" or not _LETTER.search(body):
        return False
    if unit.caps:
        return _caps_heading(body)
    if not _heading_shaped(body):
        return False
    if unit.number is not None and "." in unit.number:
        return True
    return not unit.in_block and not previous_text.endswith(":")


def _line_unit(lines: _Lines, i: int, previous: _Unit | None, previous_text: str) -> _Unit | None:
    """The clause that line ``i`` starts, or None when it continues ``previous`` (whose
    end it then extends)."""
    start, end = lines.spans[i]
    line = lines.text(i)
    number, mark, body = _split_number(line)
    listed = lines.listed(i)
    if (
        previous is not None
        and number is None
        and not listed
        and _continues(previous, previous_text, line, lines.gap_before(i))
    ):
        previous.end = end
        return None
    unit = _Unit(start, end, number, mark, listed=listed, in_block=lines.in_block(i))
    unit.caps = _is_caps(body) and not listed
    if number is not None:
        unit.heading = _numbered_heading(unit, body, previous_text)
        unit.level = (2 if "." in number else 1) if unit.heading else 0
    elif unit.caps:
        unit.heading = _caps_heading(body)
        unit.level = 1 if unit.heading else 0
    return unit


def _units(lines: _Lines) -> list[_Unit]:
    """Lines grouped into clauses, with numbers and heading marks."""
    text = lines.norm.text
    units: list[_Unit] = []
    count = len(lines.spans)
    i = 0
    while i < count:
        previous = units[-1] if units else None
        previous_text = text[previous.start : previous.end] if previous else ""
        bare = _BARE_NUMBER.fullmatch(lines.text(i))
        following = lines.text(i + 1) if i + 1 < count else ""
        if bare and _heading_shaped(following) and _split_number(following)[0] is None:
            start, end = lines.spans[i][0], lines.spans[i + 1][1]
            units.append(_Unit(start, end, bare.group(1), heading=True, level=1))
            i += 2
            continue
        if bare:
            units.append(_Unit(*lines.spans[i], bare=True))
        else:
            unit = _line_unit(lines, i, previous, previous_text)
            if unit is not None:
                units.append(unit)
        i += 1
    _mark_plain_headings(units, text)
    return units


def _candidate(unit: _Unit, text: str) -> bool:
    """An unnumbered, unlisted, single-line unit shaped like a mixed-case heading (after
    «Глава 1.» or «1-бап.» if it starts so)."""
    structure = _STRUCTURE.match(text)
    words = text[structure.end() :].lstrip(" .") if structure else text
    return (
        unit.number is None
        and not (unit.listed or unit.bare or unit.caps)
        and "\n" not in text
        and _heading_shaped(words)
    )


def _mark_plain_headings(units: list[_Unit], text: str) -> None:
    """Unnumbered mixed-case headings: a heading-shaped line standing alone (not in a
    list or table, not the value after «Адрес:») that introduces text rather than
    another short line («Порядок реализации прав», «Возрастное ограничение»), or that
    names a chapter or article («Глава 1. Общие положения», «1-бап. …»)."""
    texts = [text[u.start : u.end] for u in units]
    for k, unit in enumerate(units):
        if not _candidate(unit, texts[k]) or unit.in_block:
            continue
        if k > 0 and texts[k - 1].endswith(":"):
            continue
        introduces = k + 1 < len(units) and not _candidate(units[k + 1], texts[k + 1])
        unit.heading = introduces or _STRUCTURE.match(texts[k]) is not None


# ------------------------------------------------------------------------- language


def _language(text: str) -> tuple[Lang, bool]:
    """The language of a clause and whether it is sure: a short Cyrillic clause with no
    Kazakh letter and no function word of either language («4) жынысы;») is not."""
    latin = _count(_LATIN, text)
    prose = _NOT_PROSE.sub(" ", text) if latin else text
    latin = _count(_LATIN, prose) if latin else 0
    cyrillic = _count(_CYRILLIC, prose)
    if cyrillic == 0 and latin == 0:
        return "other", True
    if latin >= _LATIN_PROSE * (latin + cyrillic):
        return "en", True
    kazakh_letters = len(_KAZAKH_LETTERS.findall(prose))
    share = kazakh_letters / cyrillic
    if share >= _KAZAKH_STRONG:
        return "kk", True
    words = [w.lower() for w in _WORD.findall(prose)]
    kazakh = sum(1 for w in words if w in _KAZAKH_WORDS)
    russian = sum(1 for w in words if w in _RUSSIAN_WORDS)
    sure = bool(kazakh or russian or kazakh_letters) or cyrillic >= _SURE_LETTERS
    if share < _KAZAKH_WEAK and kazakh == 0:
        return "ru", sure
    vote = kazakh - russian
    return ("kk" if vote > 0 or (vote == 0 and share >= _KAZAKH_TIE) else "ru"), sure


def clause_language(text: str) -> Lang:
    """``kk``, ``ru``, ``en`` for Latin prose, or ``other`` for text with no letters
    (numbers, e-mails, URLs)."""
    return _language(text)[0]


def _merge_neighbours(runs: list[_Run]) -> list[_Run]:
    """Adjacent runs of one language become one; ``other`` runs join a neighbour."""
    merged: list[_Run] = []
    for run in runs:
        if merged and (run.lang == merged[-1].lang or run.lang == "other"):
            merged[-1].end, merged[-1].letters = run.end, merged[-1].letters + run.letters
        elif merged and merged[-1].lang == "other":
            run.first, run.letters = merged[-1].first, run.letters + merged[-1].letters
            merged[-1] = run
        else:
            merged.append(run)
    return merged


def _versions(langs: list[Lang], letters: list[int]) -> list[Version]:
    """Language versions: runs of clauses in one language, after the runs too small to
    be a version (a bilingual title, a quote in the other language) join a neighbour."""
    if not langs:
        return [Version("other", 0, 0)]
    runs = _merge_neighbours([_Run(lang, i, i + 1, letters[i]) for i, lang in enumerate(langs)])
    total = sum(letters) or 1

    def small(run: _Run) -> bool:
        return (
            run.end - run.first < _VERSION_MIN_CLAUSES
            or run.letters < _VERSION_MIN_SHARE * total
        )

    while len(runs) > 1 and any(small(run) for run in runs):
        k = min((k for k, run in enumerate(runs) if small(run)), key=lambda k: runs[k].letters)
        victim = runs.pop(k)
        neighbours = [j for j in (k - 1, k) if 0 <= j < len(runs)]
        target = runs[max(neighbours, key=lambda j: runs[j].letters)]
        target.first, target.end = min(target.first, victim.first), max(target.end, victim.end)
        target.letters += victim.letters
        runs = _merge_neighbours(runs)
    return [Version(run.lang, run.first, run.end) for run in runs]


# -------------------------------------------------------------- sections and pairs


def _levels(units: list[_Unit], versions: list[Version]) -> None:
    """Levels of unnumbered mixed-case headings: top-level before the first numbered
    top-level heading of their version (a title) or in a version with none; else
    subheadings («Порядок реализации прав» inside section 11)."""
    for version in versions:
        first_numbered = next(
            (
                i
                for i in range(version.first, version.end)
                if units[i].level == 1 and units[i].number is not None
            ),
            version.end,
        )
        for i in range(version.first, version.end):
            if units[i].heading and units[i].level == 0:
                units[i].level = 1 if i < first_numbered else 2


def _sections(
    units: list[_Unit], clauses: list[Clause], texts: list[str], versions: list[Version]
) -> None:
    """Set ``section`` (the top-level heading a clause is under, within its version) and
    ``definition`` (inside a section of definitions, up to the next heading of the same
    or a higher level; the heading itself is not a definition)."""
    for version in versions:
        section: int | None = None
        definitions_level = 0
        for i in range(version.first, version.end):
            unit = units[i]
            if unit.heading:
                if definitions_level and unit.level <= definitions_level:
                    definitions_level = 0
                if unit.level == 1:
                    section = i
                if not definitions_level and _DEFINITIONS.search(texts[i]):
                    definitions_level = unit.level
                    clauses[i].section = section
                    continue
            clauses[i].section = section
            clauses[i].definition = bool(definitions_level)


def _anchor_keys(clauses: list[Clause], version: Version) -> dict[tuple[object, ...], int]:
    """Clause keys of one version: ("n", number, occurrence) for numbered clauses, and
    ("after", key of the nearest numbered clause before, position) for the others."""
    keys: dict[tuple[object, ...], int] = {}
    seen: dict[str, int] = {}
    anchor: tuple[object, ...] | None = None
    position = 0
    for i in range(version.first, version.end):
        number = clauses[i].number
        if number is not None:
            seen[number] = seen.get(number, 0) + 1
            anchor, position = ("n", number, seen[number]), 0
            keys[anchor] = i
        else:
            keys[("after", anchor, position)] = i
            position += 1
    return keys


def _pairs(clauses: list[Clause], versions: list[Version]) -> list[tuple[int, int]]:
    """Pairs of clauses of the Kazakh and the Russian version (first version first):
    same number (and occurrence), then unnumbered clauses by order after the same
    numbered clause."""
    kk = next((k for k, v in enumerate(versions) if v.lang == "kk"), None)
    ru = next((k for k, v in enumerate(versions) if v.lang == "ru"), None)
    if kk is None or ru is None:
        return []
    first, second = sorted((kk, ru))
    keys_first = _anchor_keys(clauses, versions[first])
    keys_second = _anchor_keys(clauses, versions[second])
    return sorted((i, keys_second[key]) for key, i in keys_first.items() if key in keys_second)


# ------------------------------------------------------------------------------ main


def segment(source: SourceText, norm: NormalizedText) -> Document:
    """The clauses, language versions and version pairs of a normalised text."""
    units = _units(_Lines(source, norm))
    texts = [norm.text[u.start : u.end] for u in units]
    languages = [_language(t) for t in texts]
    clauses = [
        Clause(k, Span(u.start, u.end), languages[k][0], u.number, u.heading, list_item=u.listed)
        for k, u in enumerate(units)
    ]
    letters = [_count(_WORD, t) for t in texts]
    versions = _versions([lang if sure else "other" for lang, sure in languages], letters)
    for index, version in enumerate(versions):
        for clause in clauses[version.first : version.end]:
            clause.version = index
            if not languages[clause.index][1] and version.lang in ("kk", "ru"):
                clause.lang = version.lang
    _levels(units, versions)
    _sections(units, clauses, texts, versions)
    return Document(source, norm, clauses, versions, _pairs(clauses, versions))
