"""The topic lexicon: finds topics (``rules/topics/*.yaml``) in a document.

A topic file maps topic names to phrase lists per language::

    cross_border:
      ru: ["трансграничная передача", "передача ~4 за пределы Республики Казахстан"]
      kk: ["трансшекаралық беру", "шет мемлекеттердің аумағына беру"]
      en: ["cross-border transfer"]
      negatable: true    # default: matches in negated statements get ``negated=True``

Phrase language
---------------
- ``a b``: the words in this order, adjacent; only whitespace, quotes («»"“”„),
  brackets and hyphens may stand between them (not commas or full stops).
- ``a ~N b``: up to N other words between ``a`` and ``b``, in the same sentence
  (commas allowed; ``.`` ``!`` ``?`` ``…`` and ``;`` end a sentence).
- ``(a|b c|d*)``: alternatives for one slot; each alternative is itself a phrase.
  ``(a|b)?``: the same, or nothing.
- ``word*``: ``word`` followed by any letters (a prefix).
- ``=word``: exactly this form, not inflected.
- a plain word is inflected by the language of its list:
  ``ru``: every form of the word's lexemes from pymorphy3 (передача → передачи,
  передачу, передачей …; a participle only as a participle: «данных» → данный, данные,
  not дать); ``kk``: the Kazakh stem followed by any letters (келісімді → келісім,
  келісімін, келісімдерін …; аумағына → аумақ…, аумағ…; see ``stem_kk``), while
  invariable words (үшін, және, тек …) match only themselves; ``en``: the word with an
  optional plural -s/-es.
  A hyphenated word is a sequence of words (``веб-форм*`` = ``веб`` ``форм*``, joined by
  a hyphen or a space). Words with digits or Latin letters in ``ru``/``kk`` lists, and
  Cyrillic words in ``en`` lists, match literally.
- ``re:<regex>``: the whole phrase is a raw regular expression (Python ``re``, written
  in lower case). It runs on the folded text (below) of the whole document with the
  clauses joined by ``\x00`` (so ``(?<![^\x00])`` anchors at a clause start); a match
  that runs into the next clause is dropped. Raw regexes are compiled in every process
  and scan the whole text (~1 ms each per policy): use them rarely.

Matching ignores case, treats ё as е and Latin ə as ә (the text is *folded*), and works
on whole words: a phrase never starts or ends inside a longer word. Every topic's
phrases (all languages) run on every clause, so a clause whose language was misdetected
still matches. Of overlapping matches of a topic in a clause the first one wins, the
longest of those starting at the same place. Matches of ``negatable`` topics are judged
by ``negation.is_negated`` in the clause's language.

How it is fast: ``re.compile`` costs ~4 µs per pattern character, so one big regex per
topic would cost ~50 ms per dozen topics on every start of ``policylint check``.
Instead phrases compile into word *slots* (a set of exact forms, or stem/prefix
beginnings) matched against an index of the document's words, and nothing is compiled
on a warm start. Russian forms come from the generated table ``rules/data/ru_forms.json``
(``scripts/build_ru_forms.py``); pymorphy3 is loaded only for words missing from it.
The compiled lexicon is cached on disk (``resources.cached``).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policylint import patterns
from policylint.analyze import morph_ru, stem_kk
from policylint.analyze.negation import is_negated
from policylint.model import Document, Span, TopicMatch
from policylint.resources import cached, data_path, load_yaml, rules_dir

LANGS = ("ru", "kk", "en")
FORMS_TABLE = "ru_forms.json"

#: A word and the separator after it.
_WORD_AND_GAP = patterns.compile(r"(\w+)(\W*)")
#: What may separate adjacent words of a phrase, besides whitespace.
_GAP_MARKS = frozenset('«»"“”„()[]-‐‑')
#: What ends a sentence (but a lone "." between two words, as in "т.е" or "3.2", does
#: not); \x00 separates clauses.
_SENTENCE_ENDS = frozenset(".!?;…\x00")
_RUSSIAN = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC = _RUSSIAN | frozenset("әғқңөұүһі")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")


def _written_in(word: str, letters: frozenset[str]) -> bool:
    return bool(word) and letters.issuperset(word)


#: Most alternatives one phrase may expand to (``(a|b) (c|d)`` is four).
MAX_EXPANSION = 256


class LexiconError(ValueError):
    """A topic file or phrase is malformed."""


def fold(text: str) -> str:
    """Lower-case ``text`` with ё → е and ə → ә, keeping its length (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters (İ)
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("ё", "е").replace("ə", "ә")


# ------------------------------------------------------------------------ phrases


@dataclass(frozen=True)
class Slot:
    """What one word of a phrase accepts: one of ``forms``, or a word that starts with
    one of ``beginnings`` and goes on with letters only."""

    forms: frozenset[str] = frozenset()
    beginnings: tuple[str, ...] = ()


#: A phrase compiled to a sequence of (slot, gap before it): gap 0 means adjacent, N
#: means up to N words between in the same sentence. The first gap is unused.
SlotSequence = tuple[tuple[Slot, int], ...]


def _split(text: str, separator: str) -> list[str]:
    """Split at ``separator`` outside parentheses. Splitting a phrase into words (at
    spaces), a group also ends a word: ``(алдын ала)?(хабарламай*|ескертусіз)`` is two."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if separator == " " and depth == 0 and current.endswith((")", ")?")) and ch != "?":
            parts.append(current)
            current = ""
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            raise LexiconError(f"unbalanced ')' in {text!r}")
        if ch == separator and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    if depth:
        raise LexiconError(f"unbalanced '(' in {text!r}")
    parts.append(current)
    return parts


#: Gives the forms of a Russian word.
FormsSource = Callable[[str], list[str]]


def _word_slots(word: str, lang: str, forms: FormsSource) -> list[Slot]:
    """Slots for one phrase word (several for a hyphenated word)."""
    exact = word.startswith("=")
    prefix = word.endswith("*")
    body = word[exact : len(word) - prefix]
    parts = body.split("-")
    if not all(parts) or any(ch in body for ch in "()|~=*?"):
        raise LexiconError(f"bad word {word!r}")
    if any(not _CYRILLIC.isdisjoint(part) and not _LATIN.isdisjoint(part) for part in parts):
        raise LexiconError(f"{word!r} mixes Cyrillic and Latin letters (a look-alike?)")
    slots = [_part_slot(part, lang, forms, exact) for part in parts[:-1]]
    if prefix:
        slots.append(Slot(beginnings=(parts[-1],)))
    else:
        slots.append(_part_slot(parts[-1], lang, forms, exact))
    return slots


def _part_slot(word: str, lang: str, forms: FormsSource, exact: bool) -> Slot:
    if exact:
        return Slot(frozenset({word}))
    if lang == "ru" and _written_in(word, _RUSSIAN):
        return Slot(frozenset(forms(word)))
    if lang == "kk" and _written_in(word, _CYRILLIC):
        if word in stem_kk.INVARIABLE:
            return Slot(frozenset({word}))
        return Slot(beginnings=stem_kk.stem_variants(word))
    if lang == "en" and _written_in(word, _LATIN) and len(word) > 2:
        return Slot(frozenset({word, word + "s", word + "es"}))
    return Slot(frozenset({word}))


def _group_options(word: str, lang: str, forms: FormsSource) -> list[SlotSequence]:
    """The sequences a ``(a|b c)`` group stands for; ``(…)?`` also stands for nothing.
    Single-word alternatives merge into one slot, so groups do not multiply."""
    optional = word.endswith("?")
    inner = word[1:-2] if optional else word[1:-1]
    options = [
        option
        for alternative in _split(inner, "|")
        for option in _expand(alternative.strip(), lang, forms)
    ]
    single = [option[0][0] for option in options if len(option) == 1]
    merged = Slot(
        frozenset().union(*(slot.forms for slot in single)),
        tuple(sorted({b for slot in single for b in slot.beginnings})),
    )
    options = [option for option in options if len(option) > 1]
    if single:
        options.insert(0, ((merged, 0),))
    return options + [()] if optional else options


def _expand(phrase: str, lang: str, forms: FormsSource) -> list[SlotSequence]:
    words = [w for w in _split(phrase, " ") if w]
    if not words or words[0].startswith("~") or words[-1].startswith("~"):
        raise LexiconError(f"a phrase starts and ends with a word: {phrase!r}")
    # Sequences so far, each with the distance allowed before its next word.
    states: list[tuple[SlotSequence, int]] = [((), 0)]
    previous = ""
    for word in words:
        if word.startswith("~"):
            if not word[1:].isdigit() or previous.startswith("~"):
                raise LexiconError(f"bad distance {word!r} in {phrase!r}")
            states = [(sequence, gap + int(word[1:])) for sequence, gap in states]
        else:
            if word.startswith("(") and word.endswith((")", ")?")):
                options = _group_options(word, lang, forms)
            else:
                options = [tuple((slot, 0) for slot in _word_slots(word, lang, forms))]
            states = [
                (sequence, gap)
                if not option  # an optional group left out
                else ((sequence + ((option[0][0], gap),) + option[1:] if sequence else option), 0)
                for (sequence, gap), option in itertools.product(states, options)
            ]
            if len(states) > MAX_EXPANSION:
                raise LexiconError(f"too many alternatives in {phrase!r}")
        previous = word
    if any(not sequence for sequence, _ in states):
        raise LexiconError(f"a phrase must match at least one word: {phrase!r}")
    return [sequence for sequence, _ in states]


def table_forms(table: dict[str, list[str]]) -> FormsSource:
    """Russian forms from ``table``, or from pymorphy3 for words missing from it."""
    return lambda word: table.get(word) or morph_ru.word_forms(word)


def compile_phrase(phrase: str, lang: str, forms: FormsSource | None = None) -> list[SlotSequence]:
    """Compile one phrase of language ``lang`` (see the module docstring) to the slot
    sequences it stands for, one per combination of alternatives.

    ``forms`` gives Russian word forms (default: the forms table, then pymorphy3).
    Raw ``re:`` phrases are not compiled here (see ``Topic.raw``).
    """
    if phrase.startswith("re:"):
        raise LexiconError(f"a raw regex is not a phrase: {phrase!r}")
    return _expand(fold(phrase.strip()), lang, forms or table_forms(load_forms_table()))


# -------------------------------------------------------------------------- lexicon


@dataclass
class Topic:
    """A compiled topic: slot sequences (as indices into ``Lexicon.slots``) and the raw
    regexes, compiled on first use."""

    name: str
    sequences: list[tuple[tuple[int, int], ...]]
    raw: str | None = None
    negatable: bool = True
    _raw_pattern: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    def raw_pattern(self) -> re.Pattern[str] | None:
        if self.raw is not None and self._raw_pattern is None:
            self._raw_pattern = patterns.compile(self.raw)
        return self._raw_pattern


@dataclass
class Lexicon:
    """Compiled topics sharing one table of slots."""

    slots: list[Slot]
    topics: dict[str, Topic]
    #: Word form → ids of the slots listing it; beginning → ids of the slots with it.
    by_form: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    by_beginning: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    #: Every head of every beginning, from the shortest beginning's length on.
    heads: frozenset[str] = field(init=False, repr=False, compare=False)
    shortest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, list[int]] = {}
        by_beginning: dict[str, list[int]] = {}
        for slot_id, slot in enumerate(self.slots):
            for form in slot.forms:
                by_form.setdefault(form, []).append(slot_id)
            for beginning in slot.beginnings:
                by_beginning.setdefault(beginning, []).append(slot_id)
        self.by_form = {form: tuple(ids) for form, ids in by_form.items()}
        self.by_beginning = {b: tuple(ids) for b, ids in by_beginning.items()}
        self.shortest = min(map(len, by_beginning), default=0)
        self.heads = frozenset(
            b[:k] for b in by_beginning for k in range(self.shortest, len(b) + 1)
        )

    def __contains__(self, name: object) -> bool:
        return name in self.topics

    def __len__(self) -> int:
        return len(self.topics)

    def search(self, topic: str, text: str) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of ``topic`` in any ``text``, in order, not overlapping.

        Callers ask about many topics in one text in a row: the word index of the last
        text is kept for that."""
        global _last_index
        if _last_index is None or _last_index[0] is not self or _last_index[1] != text:
            _last_index = (self, text, _Words(fold(text)))
        return _last_index[2].find(self, self.topics[topic])


def read_topic_files(files: list[Path]) -> dict[str, dict[str, Any]]:
    """Topic name → spec as in a topic file. A topic defined in several files gets the
    phrases of all of them."""
    merged: dict[str, dict[str, Any]] = {}
    for path in files:
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            raise LexiconError(f"{path}: expected a mapping of topic names")
        for name, spec in data.items():
            if not isinstance(spec, dict):
                raise LexiconError(f"{path}: topic {name!r} must be a mapping")
            topic = merged.setdefault(str(name), {})
            for key, value in spec.items():
                if key in LANGS and isinstance(value, list):
                    topic.setdefault(key, []).extend(value)
                else:
                    topic[key] = value
    return merged


def _compile_topics(specs: dict[str, dict[str, Any]], forms: FormsSource) -> Lexicon:
    slot_ids: dict[Slot, int] = {}
    topics: dict[str, Topic] = {}
    for name, spec in specs.items():
        unknown = set(spec) - {*LANGS, "negatable"}
        if unknown:
            raise LexiconError(f"topic {name!r}: unknown keys {sorted(unknown)}")
        sequences: list[tuple[tuple[int, int], ...]] = []
        raw: list[str] = []
        for lang in LANGS:
            phrases = spec.get(lang) or []
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise LexiconError(f"topic {name!r}: {lang} must be a list of strings")
            for phrase in phrases:
                if phrase.startswith("re:"):
                    raw.append(f"(?:{phrase[3:]})")
                    continue
                try:
                    compiled = compile_phrase(phrase, lang, forms)
                except LexiconError as exc:
                    raise LexiconError(f"topic {name!r}: {exc}") from None
                for sequence in compiled:
                    ids = tuple((slot_ids.setdefault(s, len(slot_ids)), g) for s, g in sequence)
                    if ids not in sequences:
                        sequences.append(ids)
        raw_source = "|".join(raw) or None
        if raw_source is not None:
            if any(ch.isupper() for ch in re.sub(r"\\.", "", raw_source)):
                raise LexiconError(f"topic {name!r}: write raw regexes in lower case")
            try:
                patterns.compile(raw_source)
            except re.error as exc:
                raise LexiconError(f"topic {name!r}: bad regex: {exc}") from None
        topics[name] = Topic(name, sequences, raw_source, bool(spec.get("negatable", True)))
    return Lexicon(list(slot_ids), topics)


def topic_files() -> list[Path]:
    """The shipped topic files."""
    return sorted((rules_dir() / "topics").glob("*.yaml"))


def load_forms_table() -> dict[str, list[str]]:
    """The generated Russian forms table (empty if it does not exist yet)."""
    path = data_path(FORMS_TABLE)
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def build_lexicon(topics: dict[str, dict[str, Any]]) -> Lexicon:
    """A lexicon from topic specs written as in a topic file
    (``{"cross_border": {"ru": [...], "kk": [...]}}``). Not cached."""
    return _compile_topics(topics, table_forms(load_forms_table()))


def load_lexicon(extra_files: list[Path] | None = None) -> Lexicon:
    """The shipped topics plus those in ``extra_files``, compiled (cached on disk)."""
    files = topic_files() + [Path(p) for p in extra_files or []]
    code = [Path(__file__), Path(stem_kk.__file__), Path(morph_ru.__file__)]
    table = data_path(FORMS_TABLE)
    inputs = files + code + ([table] if table.exists() else [])
    return cached("lexicon", inputs, lambda: build_lexicon(read_topic_files(files)))


def required_ru_words(topics: dict[str, dict[str, Any]]) -> list[str]:
    """The Russian words that ``topics`` (specs as in a topic file) inflect: the words
    the forms table must hold."""
    words: set[str] = set()

    def record(word: str) -> list[str]:
        words.add(word)
        return [word]

    _compile_topics(topics, record)
    return sorted(words)


# -------------------------------------------------------------------------- matching


_last_index: tuple["Lexicon", str, "_Words"] | None = None


def _gap_kind(gap: str) -> tuple[bool, bool]:
    """May the words around ``gap`` stand next to each other in a phrase; are they in
    one sentence?"""
    adjacent = all(ch.isspace() or ch in _GAP_MARKS for ch in gap)
    return adjacent, gap == "." or _SENTENCE_ENDS.isdisjoint(gap)


class _Words:
    """The words of a folded text, indexed for slot look-ups."""

    def __init__(self, text: str):
        self.text = text
        self.words: list[str] = []
        self.starts: list[int] = []
        #: adjacent[i], same_sentence[i]: may words i and i + 1 stand next to each
        #: other in a phrase; are they in one sentence?
        self.adjacent: list[bool] = []
        self.same_sentence: list[bool] = []
        pairs = _WORD_AND_GAP.findall(text)
        if pairs:
            # Matches follow one another from the first word on, so the running sum of
            # word and gap lengths gives, at every other step, the next word start.
            self.words = [word for word, _ in pairs]
            gaps = [gap for _, gap in pairs]
            first = _WORD_AND_GAP.search(text).start()  # type: ignore[union-attr]
            lengths = map(len, itertools.chain.from_iterable(pairs[:-1]))
            self.starts = list(itertools.accumulate(lengths, initial=first))[::2]
            kinds = {gap: _gap_kind(gap) for gap in set(gaps)}
            self.adjacent = [kinds[gap][0] for gap in gaps]
            self.same_sentence = [kinds[gap][1] for gap in gaps]
        self.index: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.index.setdefault(word, []).append(i)
        self._candidates: dict[int, frozenset[int]] | None = None

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.words[i])

    def _all_candidates(self, lexicon: Lexicon) -> dict[int, frozenset[int]]:
        """Slot id → positions of the words the slot accepts, for every slot accepting
        some word of the text (one pass over the distinct words)."""
        by_form, by_beginning = lexicon.by_form, lexicon.by_beginning
        heads, shortest = lexicon.heads, lexicon.shortest
        positions: dict[int, list[int]] = {}
        for word, at in self.index.items():
            ids = set(by_form.get(word, ()))
            for k in range(shortest, len(word) + 1):  # walk the heads the word begins with
                head = word[:k]
                if head not in heads:
                    break
                found = by_beginning.get(head)
                if found and (k == len(word) or word[k:].isalpha()):
                    ids.update(found)
            for slot_id in ids:
                positions.setdefault(slot_id, []).extend(at)
        return {slot_id: frozenset(p) for slot_id, p in positions.items()}

    def _extend(self, options: list[frozenset[int]], gaps: list[int], k: int, i: int) -> int:
        """Match slots ``k + 1 …`` after word ``i``: the last word's index, or -1."""
        if k + 1 == len(options):
            return i
        gap, accepted = gaps[k + 1], options[k + 1]
        for j in range(i + 1, min(len(self.words), i + 2 + gap)):
            if not (self.adjacent[j - 1] if gap == 0 else self.same_sentence[j - 1]):
                return -1
            if j in accepted:
                last = self._extend(options, gaps, k + 1, j)
                if last >= 0:
                    return last
        return -1

    def _add_matches(
        self, options: list[frozenset[int]], gaps: list[int], found: list[tuple[int, int]]
    ) -> None:
        """Append to ``found`` the spans of the phrase with these slot options."""
        if not any(gaps[1:]):
            # Adjacent words only: start from the rarest slot's candidates.
            n, adjacent = len(options), self.adjacent
            rarest = min(range(n), key=lambda k: len(options[k]))
            for p in options[rarest]:
                i = p - rarest
                if (
                    i >= 0
                    and all(i + k in options[k] for k in range(n))
                    and all(adjacent[i : i + n - 1])
                ):
                    found.append((self.starts[i], self.end(i + n - 1)))
            return
        for i in sorted(options[0]):
            last = self._extend(options, gaps, 0, i)
            if last >= 0:
                found.append((self.starts[i], self.end(last)))

    def find(self, lexicon: Lexicon, topic: Topic) -> list[tuple[int, int]]:
        """Matches ``(start, end)`` of ``topic``: the first of overlapping ones, the
        longest of those starting together."""
        found: list[tuple[int, int]] = []
        known = self._candidates
        if known is None:
            known = self._candidates = self._all_candidates(lexicon)
        for sequence in topic.sequences:
            options: list[frozenset[int]] = []
            for slot_id, _ in sequence:
                accepted = known.get(slot_id)
                if not accepted:
                    break  # a word of the phrase is not in the text at all
                options.append(accepted)
            else:
                self._add_matches(options, [gap for _, gap in sequence], found)
        raw = topic.raw_pattern()
        if raw is not None:
            found.extend(m.span() for m in raw.finditer(self.text) if m.end() > m.start())
        found.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int]] = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept


def _negated(text: str, start: int, end: int, lang: str) -> bool:
    if lang == "other":
        return is_negated(text, start, end, "ru") or is_negated(text, start, end, "kk")
    return is_negated(text, start, end, lang)


def match_topics(doc: Document, lexicon: Lexicon) -> dict[str, list[TopicMatch]]:
    """Every topic's matches in ``doc``, in document order; topics without matches are
    left out. Spans are in ``doc.text``; ``negated`` is set for negatable topics by the
    clause's language (by both Russian and Kazakh rules for "other")."""
    texts = [fold(doc.clause_text(clause)) for clause in doc.clauses]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    words = _Words("\x00".join(texts))
    # (clause, start, end in the clause, topic), then judged clause by clause.
    located: list[tuple[int, int, int, Topic]] = []
    for topic in lexicon.topics.values():
        for start, end in words.find(lexicon, topic):
            index = bisect.bisect_right(starts, start) - 1
            start, end = start - starts[index], end - starts[index]
            if end <= len(texts[index]):  # else a raw regex ran into the next clause
                located.append((index, start, end, topic))
    located.sort(key=lambda item: item[:3])
    found: dict[str, list[TopicMatch]] = {}
    for index, start, end, topic in located:
        clause = doc.clauses[index]
        negated = topic.negatable and _negated(texts[index], start, end, clause.lang)
        span = Span(clause.span.start + start, clause.span.start + end)
        found.setdefault(topic.name, []).append(TopicMatch(topic.name, span, clause.index, negated))
    return found
