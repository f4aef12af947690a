"""A small Kazakh stemmer for matching topic phrases.

Kazakh is suffixing: a noun takes plural, then possessive, then case endings
(деректер-і-нің = "of its data"), and a verb's noun form ends in -у (бер-у "giving",
бер-у-ге "to giving"). ``stem`` strips those endings from the end, one slot at a time
(case, then possessive, then plural, then the verbal noun), choosing the longest ending
whose first letter fits the letter before it (Kazakh picks -лар / -дар / -тар by that
letter), and never leaves fewer than three letters. A few roots that merely end like a
suffix (келісім, мерзім, мәтін …) are kept whole, and invariable words (үшін, және …)
are not stemmed at all.

``stem_variants`` gives the beginnings a matcher looks for: the stem, also with the
consonant change of Kazakh before vowel endings (аумақ → аумағы, дерек → дерегі,
жой- → жою); any ending letters may follow.
"""

from __future__ import annotations

from collections.abc import Callable

VOWELS = set("аәеёиоөұүыіэя")
#: Letters that end a syllable like a consonant (у and ю included: беру-і, жою-ы).
CONSONANTS = set("бвгғджзйклмнңпрстфхһцчшщую")
#: Consonants after which Kazakh endings start with a voiceless letter (-тар, -тың, -қа).
VOICELESS = set("кқпстфхцчшщбвгд")
NASALS = set("мнң")
#: у, ю and й behave like voiced consonants (беру-ді, жою-ды).
LIQUIDS = set("лрйую")
VOICED = LIQUIDS | NASALS | set("зжғ")
#: Marks a possessive of the third person (-ы, -і, -сы, -сі), after which case endings
#: take an extra н (деректері-н, келісімі-не, аумағы-нда).
AFTER_POSSESSIVE_3 = set("ыі")

MIN_STEM = 3

# fmt: off
#: Roots that end like a suffix: stripping would cut into the root.
ROOTS = frozenset({
    "келісім", "мерзім", "бөлім", "өнім", "білім", "тізім", "құрылым", "ұйым", "мәтін",
    "орын", "заң", "оператор", "компьютер", "провайдер",
})
#: Endings that mark a root as a whole: country names (Қазақстан is not Қазақс-тан).
ROOT_ENDINGS = ("стан",)

#: Words that do not inflect (postpositions, conjunctions, particles, ordinal "third"):
#: matched exactly, so «тек» does not match «текст».
INVARIABLE = frozenset({
    "және", "немесе", "не", "мен", "бен", "пен", "үшін", "тек", "ғана", "қана", "арқылы",
    "бойынша", "туралы", "сияқты", "дейін", "кейін", "бірақ", "егер", "да", "де", "та",
    "те", "ал", "әрі", "осы", "сол", "бұл", "оның", "ішінде", "сондай", "ақ", "үшінші",
    "жоқ", "емес", "сөзсіз",
})
# fmt: on


#: A test on the part of the word before an ending: may the ending follow it?
Fits = Callable[[str], bool]
#: One slot of endings: groups of endings with the test they share.
Slot = list[tuple[tuple[str, ...], Fits]]


def _after(letters: set[str]) -> Fits:
    return lambda before: before[-1:] in letters


def _after_possessive_1_2(before: str) -> bool:
    return before[-2:] in ("ым", "ім", "ың", "ің")


# Slots are stripped from the end of the word inwards; within a slot the longest
# fitting ending wins.
_CASE: Slot = [
    (("ның", "нің"), _after(VOWELS | NASALS)),
    (("дың", "дің"), _after(LIQUIDS | set("зж"))),
    (("тың", "тің"), _after(VOICELESS)),
    (("ға", "ге"), _after(VOWELS | VOICED)),
    (("қа", "ке"), _after(VOICELESS)),
    (("на", "не", "н", "нда", "нде", "ндағы", "ндегі"), _after(AFTER_POSSESSIVE_3)),
    (("а", "е"), _after_possessive_1_2),
    (("ны", "ні"), _after(VOWELS)),
    (("ды", "ді"), _after(LIQUIDS | NASALS | set("зж"))),
    (("ты", "ті"), _after(VOICELESS)),
    (("да", "де", "дағы", "дегі"), _after(VOWELS | VOICED)),
    (("дан", "ден"), _after(VOWELS | (VOICED - NASALS))),
    (("нан", "нен"), _after(NASALS | AFTER_POSSESSIVE_3)),
    (("та", "те", "тағы", "тегі", "тан", "тен"), _after(VOICELESS)),
    (("мен",), _after(VOWELS | NASALS | LIQUIDS)),
    (("бен",), _after(set("зж"))),
    (("пен",), _after(VOICELESS)),
]
_POSSESSIVE: Slot = [
    (("ы", "і", "ым", "ім", "ың", "ің", "ымыз", "іміз", "ыңыз", "іңіз"), _after(CONSONANTS)),
    (("сы", "сі", "мыз", "міз", "ңыз", "ңіз"), _after(VOWELS)),
]
_PLURAL: Slot = [
    (("лар", "лер"), _after(VOWELS | set("рйу"))),
    (("дар", "дер"), _after(set("лмнңзж"))),
    (("тар", "тер"), _after(VOICELESS)),
]
_VERBAL_NOUN: Slot = [(("у",), _after(VOWELS | CONSONANTS))]
_SLOTS = (_CASE, _POSSESSIVE, _PLURAL, _VERBAL_NOUN)


def _strip_slot(word: str, slot: Slot) -> str:
    """``word`` without the longest ending of ``slot`` that fits, or unchanged."""
    best = word
    for endings, fits in slot:
        for ending in endings:
            before = word[: -len(ending)]
            if (
                word.endswith(ending)
                and len(before) >= MIN_STEM
                and len(before) < len(best)
                and any(ch in VOWELS for ch in before)
                and fits(before)
            ):
                best = before
    return best


#: A consonant voiced before a vowel ending, and its form at the end of a stem.
_DEVOICED = {"ғ": "қ", "г": "к", "б": "п"}


def stem(word: str) -> str:
    """The stem of a Kazakh word: деректердің → дерек, беруге → бер, жоюды → жой."""
    word = word.lower()
    if word in INVARIABLE:
        return word
    original = word
    for slot in _SLOTS:
        if word in ROOTS or word.endswith(ROOT_ENDINGS):
            break
        word = _strip_slot(word, slot)
    if word.endswith("ю") and word not in ROOTS:
        word = word[:-1] + "й"  # жою = жой + у
    elif word != original and word[-1] in _DEVOICED:
        word = word[:-1] + _DEVOICED[word[-1]]  # аумағ-ы → аумақ
    return word


#: Final consonants that alternate before a vowel ending (аумақ / аумағы, жой- / жою).
_ALTERNATING = {"қ": "қғ", "к": "кг", "п": "пб", "й": "йю"}


def stem_variants(word: str) -> tuple[str, ...]:
    """The beginnings every inflected form of ``word`` starts with: its stem, and the
    stem with the final consonant changed as before a vowel ending
    (аумағына → аумақ, аумағ; жоюды → жой, жою)."""
    base = stem(word)
    return tuple(base[:-1] + letter for letter in _ALTERNATING.get(base[-1], base[-1]))
