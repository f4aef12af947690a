"""Is a topic match stated negatively? («Оператор не осуществляет трансграничную
передачу», «… арнайы санаттарын өңдеуді жүзеге асырмайды»).

Only the sentence holding the match is looked at (it ends at . ! ? … before a space, at
; or at a blank line).

Russian
  - a cue shortly before the match (at most four words between): не, ни, никогда, нет,
    без, нельзя, отсутств…, запрещ…;
  - or, when the match stands before its verb («Трансграничная передача … не
    осуществляется», «Обработка специальных категорий …, касающихся …, Оператором не
    осуществляется»), a negated verb after it: «не» + a finite verb or short participle,
    отсутств…, запрещ…. Subordinate stretches («, которые не …», «, если …») are
    skipped; a positive verb first ends the search.
Kazakh (the verb comes last)
  - a negative verb form after the match, within eight words: -майды/-мейді/-байды/…,
    -маған/-меген/…, -майтын/-мейтін/…, -мау/-меу/… (also with endings: -мауға),
    -мады/-меді/…, -мас/-мес, and жоқ, емес, «тыйым салынады». A positive finite verb
    (жинайды, береді, асырылады) first ends the search, and so does a postposition of
    time, condition or purpose (кезінде, жағдайда, үшін …): the verb is then not about
    the match. The endings are spelled out, so nouns in -ма/-ме (хабарламасы,
    бағдарламаның, сауалнама, қосымша) are no negation;
  - or ешқашан / ешқандай / ешбір / ешкім… before the match.
Exceptions are not negations: a match after «за исключением», «кроме», «помимо» or
before «қоспағанда» names what is excepted from a negative rule («не передаёт …, за
исключением трансграничной передачи …» does state the transfer). Formulas are not
negations either: «если иное не предусмотрено», «не менее / не позднее …»,
«заңнамаға қайшы келмейтін» and «не противоречащ…» ("not contrary to the law").
Other languages (English) are never judged negated.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from policylint import patterns

BEFORE_WORDS = 4
RU_AFTER_WORDS = 16
KK_AFTER_WORDS = 8

#: Words, the marks , : ( ), and sentence ends (. ! ? … before a space, ;, a blank line).
_TOKEN = patterns.compile(r"(?P<end>[.!?…]+(?=\s|$)|;|\n\s*\n|\x00)|\w+(?:['’-]\w+)*|[,:()]")
_MARKS = frozenset(",:()")


def _words_only(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in _MARKS]


def _after_last_comma(tokens: list[str]) -> list[str]:
    return tokens[len(tokens) - tokens[::-1].index(",") :] if "," in tokens else tokens


# ------------------------------------------------------------------------- Russian

_RU_CUES = frozenset({"не", "ни", "никогда", "нет", "без", "нельзя"})
_RU_CUE_PREFIXES = ("отсутств", "запрещ")
#: «не» followed by these is a bound or a figure of speech, not a negation.
_RU_NOT_NEGATING = patterns.compile(
    r"только|менее|более|позднее|позже|ранее|дольше|реже|чаще|ограничива\w*|исключая|считая"
    r"|противореч\w*|зависимо"
)
_RU_EXCEPTIONS = frozenset({"исключением", "кроме", "помимо"})
#: Words that open a subordinate clause: its verbs are not the match's verb.
_RU_SUBORDINATE = patterns.compile(
    r"котор\w+|если|случае|когда|что|чтобы|где|куда|поскольку|пока|кроме|помимо|исключением"
    r"|включая"
)
#: Finite verbs and short participles (осуществляет, осуществляется, передают,
#: разрешена, запрещено) and modal words that act as the predicate.
_RU_PREDICATE = patterns.compile(
    r"\w+(?:[аеиуюя]тся|л(?:ся|ась|ось|ись)|[аяеу]ет|[аяеу]ют|ит|ят|ена|ено|ены|ована|овано"
    r"|ованы)|может|могут|будет|будут|вправе|должен|должна|должно|должны|обязан[аоы]?"
)


@functools.lru_cache(maxsize=4096)
def _ru_predicate(word: str) -> bool:
    return _RU_PREDICATE.fullmatch(word) is not None


@functools.lru_cache(maxsize=4096)
def _ru_subordinate(word: str) -> bool:
    return _RU_SUBORDINATE.fullmatch(word) is not None


def _ru_cue(word: str) -> bool:
    return word in _RU_CUES or word.startswith(_RU_CUE_PREFIXES)


def _ru_formula(preceding: list[str], following: list[str]) -> bool:
    """Is «не» between these words a bound or formula, not a negation («не менее»,
    «не позднее», «если иное не предусмотрено»)?"""
    bound = bool(following) and _RU_NOT_NEGATING.fullmatch(following[0]) is not None
    return bound or preceding[-1:] == ["иное"]


def _ru_negated_verb(words: list[str], i: int) -> bool:
    """Does the word at ``i`` start a negated predicate («не осуществляется»)?"""
    word = words[i]
    if word.startswith(_RU_CUE_PREFIXES):
        return True
    if word != "не" or i + 1 >= len(words):
        return False
    return _ru_predicate(words[i + 1]) and not _ru_formula(words[i - 1 : i], words[i + 1 : i + 2])


def _ru_cue_before(before: list[str]) -> bool:
    between: list[str] = []  # words between a cue and the match, the cue's neighbour last
    for back in range(len(before) - 1, -1, -1):
        word = before[back]
        if word in _MARKS:
            continue
        if (
            _ru_cue(word)
            and _RU_EXCEPTIONS.isdisjoint(between)
            and not (word == "не" and _ru_formula(before[back - 1 : back], between[-1:]))
        ):
            return True
        between.append(word)
        if len(between) > BEFORE_WORDS:
            return False
    return False


def _ru_verb_after(before: list[str], after: list[str]) -> bool:
    if any(_ru_predicate(w) for w in _after_last_comma(before)):
        return False  # the match follows its verb: a negation would stand before it
    counted = 0
    subordinate = False
    for i, word in enumerate(after):
        if word in _MARKS:
            subordinate = subordinate and word != ","
            continue
        if subordinate or _ru_subordinate(word):
            subordinate = True
            continue
        if _ru_negated_verb(after, i):
            return True
        if _ru_predicate(word):
            return False
        counted += 1
        if counted > RU_AFTER_WORDS:
            return False
    return False


def _ru(before: list[str], after: list[str]) -> bool:
    return _ru_cue_before(before) or _ru_verb_after(before, after)


# -------------------------------------------------------------------------- Kazakh

#: A negative verb form: stem + м/б/п + а/е + a negative ending (асыр-ма-йды,
#: таратпайды, берілмейтін, болмаған, таратпауға, бермес; but not дербес).
_KK_NEGATIVE = patterns.compile(
    r"\w{2,}(?:[мбп](?:айды|ейді|аймыз|ейміз|аймын|еймін|айсыз|ейсіз|айтын\w*|ейтін\w*"
    r"|аған\w*|еген\w*|ады|еді|адық|едік|(?:ау|еу)(?:[ғгдтн]?[аеыі][нң]?|мен)?)"
    r"|м(?:ас|ес|асқа|еске))"
)
_KK_NEGATIVE_WORDS = frozenset({"жоқ", "емес"})
#: Lexicalised negative forms: «ажырамас бөлігі» is "an integral part".
_KK_NOT_NEGATING = frozenset({"ажырамас"})
#: Exceptions to a negative rule follow the excepted words: «… жағдайларды қоспағанда».
_KK_EXCEPTIONS = frozenset({"қоспағанда"})
#: «заңнамаға қайшы келмейтін» — "not contrary to the law": no negation.
_KK_NOT_CONTRARY = "қайшы"
_KK_CUES_BEFORE = patterns.compile(r"ешқашан|ешқандай|ешбір|ешкім\w*|ешқайсы\w*")
#: Postpositions that make the match an adverbial of time, condition or purpose: the
#: verb after them is not about the match («трансшекаралық беруі кезінде … хабардар ету
#: талап етілмейді» — it is the notice that is not required).
_KK_ADVERBIAL = frozenset(
    {"кезінде", "кезде", "жағдайда", "жағдайларда", "үшін", "мақсатында", "кейін", "дейін", "соң"}
)
#: A positive finite verb of the third person: жинайды, өңдейді, береді, асырылады.
_KK_POSITIVE_VERB = patterns.compile(r"\w{2,}(?:[аы]йды|[еі]йді|ады|еді)")


@functools.lru_cache(maxsize=4096)
def _kk_negative_form(word: str) -> bool:
    if word in _KK_NEGATIVE_WORDS:
        return True
    return word not in _KK_NOT_NEGATING and _KK_NEGATIVE.fullmatch(word) is not None


@functools.lru_cache(maxsize=4096)
def _kk_positive_verb(word: str) -> bool:
    return _KK_POSITIVE_VERB.fullmatch(word) is not None


def _kk(before: list[str], after: list[str]) -> bool:
    if any(_KK_CUES_BEFORE.fullmatch(w) for w in _words_only(before)[-(BEFORE_WORDS + 1) :]):
        return True
    words = _words_only(after)[:KK_AFTER_WORDS]
    for i, word in enumerate(words):
        if word in _KK_EXCEPTIONS or word in _KK_ADVERBIAL:
            return False
        if word == "тыйым" and i + 1 < len(words) and words[i + 1].startswith("салын"):
            return True
        if _kk_negative_form(word):
            if i > 0 and words[i - 1] == _KK_NOT_CONTRARY:
                continue
            return True
        if _kk_positive_verb(word):
            return False
    return False


# -------------------------------------------------------------------------- public

_BY_LANG = {"ru": _ru, "kk": _kk}


@dataclass(frozen=True)
class _Tokens:
    """A text's words and , : ( ) marks, lower-cased, with the sentence each is in."""

    words: list[str]
    starts: list[int]
    sentences: list[int]


@functools.lru_cache(maxsize=8)
def _tokenise(text: str) -> _Tokens:
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lower-cased to two characters (İ)
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    tokens = _Tokens([], [], [])
    words, starts, sentences = tokens.words, tokens.starts, tokens.sentences
    sentence = 0
    for m in _TOKEN.finditer(lowered.replace("ё", "е").replace("’", "'")):
        if m.lastgroup:
            sentence += 1
        else:
            words.append(m.group())
            starts.append(m.start())
            sentences.append(sentence)
    return tokens


def is_negated(text: str, start: int, end: int, lang: str) -> bool:
    """True if the match ``text[start:end]`` is stated negatively, judged by the rules of
    ``lang`` ("ru" or "kk"; anything else is never negated)."""
    check = _BY_LANG.get(lang)
    tokens = _tokenise(text)
    if check is None or not tokens.words:
        return False
    first = bisect.bisect_left(tokens.starts, start)
    after = bisect.bisect_left(tokens.starts, end)
    sentence = tokens.sentences[min(first, len(tokens.words) - 1)]
    low = bisect.bisect_left(tokens.sentences, sentence)
    high = bisect.bisect_right(tokens.sentences, sentence)
    return check(tokens.words[low:first], tokens.words[after:high])
