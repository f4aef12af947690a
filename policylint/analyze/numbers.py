"""Amounts written in digits and/or number words, in Russian and Kazakh.

Number words are a closed class, so they are listed here in every case form instead of
being lemmatised. ``AMOUNT`` is a regex source (compile it with ``re.IGNORECASE``) that
matches one amount: «30», «3-х», «7 (семи)», «трёх (3)», «двадцати пяти», «он бес»,
«жиырма бес», «полутора». Words match only as whole words, so «үшін», «жүзеге», «оның»,
«бесінші» are not numbers. ``parse_amount`` turns such a string into its value.
"""

from __future__ import annotations

import re

from policylint import patterns

# Rank of a number word: a compound goes from higher to lower ranks («сто двадцать пять»).
_HUNDREDS, _TENS, _UNITS, _HALF = 3, 2, 1, 0

_RU_WORDS: dict[str, tuple[float, int]] = {}
_KK_WORDS: dict[str, tuple[float, int]] = {}


def _add(table: dict[str, tuple[float, int]], rank: int, forms: dict[float, str]) -> None:
    for value, words in forms.items():
        for word in words.split():
            table[word] = (value, rank)


_add(_RU_WORDS, _UNITS, {
    1: "один одного одному одним одном одна одной одною одну одно одни одних одними",
    2: "два две двух двум двумя двое двоих двоим двоими",
    3: "три трёх трех трём трем тремя трое троих троим троими",
    4: "четыре четырёх четырех четырём четырем четырьмя четверо четверых четверым",
    5: "пять пяти пятью пятеро пятерых",
    6: "шесть шести шестью шестеро шестерых",
    7: "семь семи семью семеро семерых",
    8: "восемь восьми восемью восьмью",
    9: "девять девяти девятью",
})
#: 10–19 fill the places of tens and units («сто пятнадцать», not «двадцать пятнадцать»).
_add(_RU_WORDS, _TENS, {
    10: "десять десяти десятью",
    **{
        value: f"{stem}ь {stem}и {stem}ью"
        for value, stem in {
            11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
            15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат",
            19: "девятнадцат",
        }.items()
    },
})
_RU_TEENS = frozenset(word for word, (value, _) in _RU_WORDS.items() if 10 <= value < 20)
_add(_RU_WORDS, _TENS, {
    20: "двадцать двадцати двадцатью",
    30: "тридцать тридцати тридцатью",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью",
    70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью восьмьюдесятью",
    90: "девяносто девяноста",
})
_add(_RU_WORDS, _HUNDREDS, {
    100: "сто ста",
    200: "двести двухсот двумстам двумястами двухстах",
    300: "триста трёхсот трехсот трёмстам тремстам тремястами трёхстах трехстах",
    400: "четыреста четырёхсот четырехсот четырёмстам четырьмстам четырьмястами "
    "четырёхстах четырехстах",
    500: "пятьсот пятисот пятистам пятьюстами пятистах",
    600: "шестьсот шестисот шестистам шестьюстами шестистах",
    700: "семьсот семисот семистам семьюстами семистах",
    800: "восемьсот восьмисот восьмистам восемьюстами восьмьюстами восьмистах",
    900: "девятьсот девятисот девятистам девятьюстами девятистах",
})
_add(_RU_WORDS, _UNITS, {1.5: "полтора полторы полутора"})

_add(_KK_WORDS, _UNITS, {
    1: "бір біреу",
    2: "екі екеу",
    3: "үш үшеу",
    4: "төрт төртеу",
    5: "бес бесеу",
    6: "алты алтау",
    7: "жеті жетеу",
    8: "сегіз сегізеу",
    9: "тоғыз тоғызау",
})
_add(_KK_WORDS, _TENS, {
    10: "он", 20: "жиырма", 30: "отыз", 40: "қырық", 50: "елу",
    60: "алпыс", 70: "жетпіс", 80: "сексен", 90: "тоқсан",
})
_add(_KK_WORDS, _HUNDREDS, {100: "жүз"})
_add(_KK_WORDS, _HALF, {0.5: "жарым"})

_WORDS = {**_RU_WORDS, **_KK_WORDS}


def _trie(words: list[str]) -> str:
    """A regex for ``words`` with common prefixes factored out, so that a position that
    starts no word fails at its first letter instead of being tried against every word."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if "" in node:
            return f"(?:{'|'.join(branches)})?" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(root)


_FIRST_LETTERS = "".join(sorted({word[0] for word in _WORDS}))
_MAX_WORDS = 4
#: One to four number words: «сто двадцать пять», «тридцати одного», «екі жүз елу», «он
#: бес», «бір жарым» (the trie appears once: large patterns are slow to compile).
#: Whether the words form a number is checked by ``parse_amount``.
_NUMBER_WORDS = rf"(?<![\w-])(?:{_trie(list(_WORDS))}(?![\w-])\s*){{1,{_MAX_WORDS}}}"
_NUMERAL = r"\d{1,4}(?:[.,]\d{1,2})?"
_RU_ENDING = r"(?:-?(?:ти|ми|ух|ех|ёх|х))?"
#: «30», «1,5», «3-х», «5-ти» (not part of a date, a version or a clause number).
_DIGITS = rf"(?<![\d.,:/]){_NUMERAL}{_RU_ENDING}(?!\d)"

#: One amount, optionally with its spelling or digits in brackets: «7 (семи)», «трёх (3)».
#: The leading look-ahead lets most positions of a text fail at once.
AMOUNT = (
    rf"(?=[\d{_FIRST_LETTERS}])(?:{_DIGITS}|{_NUMBER_WORDS})(?:\s*\([^()\n]{{1,40}}\))?"
)

_DIGITS_RE = patterns.compile(rf"({_NUMERAL}){_RU_ENDING}", re.IGNORECASE)
_SPELLED = patterns.compile(r"(?P<core>[^()]*?)\s*(?:\((?P<spelled>[^()\n]{1,40})\))?")


def _value(core: str) -> float | None:
    """Value of one amount without brackets, or None if it is not one."""
    core = core.strip()
    digits = _DIGITS_RE.fullmatch(core)
    if digits:
        return float(digits.group(1).replace(",", "."))
    words = core.lower().split()
    if not 0 < len(words) <= _MAX_WORDS or any(word not in _WORDS for word in words):
        return None
    start = _HUNDREDS + 1
    total, rank = 0.0, start
    for word in words:
        value, word_rank = _WORDS[word]
        if word_rank == _HALF:
            total += value
        elif word == "жүз":  # a Kazakh unit before it multiplies: «екі жүз»
            if rank not in (start, _UNITS):
                return None
            total, rank = (total or 1.0) * value, _HUNDREDS
        elif word_rank < rank:
            total, rank = total + value, word_rank
            if word in _RU_TEENS:  # «пятнадцать» takes no units after it
                rank = _UNITS
        else:
            return None
    return total


def parse_amount(text: str) -> float | None:
    """Value of ``text`` if the whole of it is one amount, else None. A spelling in
    brackets must be an amount too; the value is taken from the part before it.

    >>> parse_amount("тридцати"), parse_amount("7 (семи)"), parse_amount("жиырма бес")
    (30.0, 7.0, 25.0)
    """
    parts = _SPELLED.fullmatch(text.strip())
    if parts is None:
        return None
    spelled = parts.group("spelled")
    if spelled is not None and _value(spelled) is None:
        return None
    return _value(parts.group("core"))
