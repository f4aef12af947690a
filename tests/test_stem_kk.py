"""The Kazakh stemmer, on words from seeds 001/002/004 and the Kazakh text of Law 94-V."""

from __future__ import annotations

import pytest

from policylint.analyze.stem_kk import stem, stem_variants

STEMS = {
    "дерек": [
        "деректерді",
        "деректердің",
        "деректерін",
        "деректерінің",
        "деректерімді",
        "деректері",
    ],
    "келісім": ["келісімді", "келісімін", "келісімнің", "келісіммен", "келісімі", "келісім"],
    "бер": ["беру", "беруге", "беруді", "беруі"],
    "бұғатта": ["бұғаттау", "бұғаттауды", "бұғаттауға", "бұғаттаудан"],
    "жой": ["жою", "жоюды", "жоюға"],
    "өтініш": ["өтініштерді", "өтінішке", "өтініш", "өтініші", "өтініштерін", "өтінішті"],
    "тарат": ["тарату", "таратуға"],
    "мерзім": ["мерзімі", "мерзімдері", "мерзімде", "мерзімін"],
    "тұлға": ["тұлғаларға", "тұлғалардың", "тұлғаның", "тұлғаларымен"],
    "заңнама": ["заңнамасына", "заңнамаға", "заңнамасының"],
    "заң": ["заң", "заңына", "заңда", "заңының", "заңдарында"],
    "аумақ": ["аумағына", "аумағында", "аумағындағы"],
    "өңде": ["өңдеу", "өңдеуге", "өңдеудің", "өңдеуді"],
    "сақта": ["сақтау", "сақтауға", "сақтауды"],
    "мемлекет": ["мемлекеттердің", "мемлекеттің"],
    "оператор": ["оператордың", "операторға"],
    "республика": ["республикасы", "республикасының"],
    "қазақстан": ["қазақстан"],
    "трансшекаралық": ["трансшекаралық"],
}


@pytest.mark.parametrize(
    "word, expected", [(word, base) for base, words in STEMS.items() for word in words]
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_different_words_do_not_collide() -> None:
    assert len({stem(words[0]) for words in STEMS.values()}) == len(STEMS)
    # Derivations keep their own stems: сақтау "storage" / сақтандыру "insurance",
    # беру "giving" / беруші "giver", дерек "datum" / дерекқор "database".
    assert stem("сақтандыру") != stem("сақтау")
    assert stem("беруші") != stem("беру")
    assert stem("дерекқорды") != stem("деректерді")


def test_capitals_are_stemmed_like_small_letters() -> None:
    assert stem("ДЕРЕКТЕРДІ") == "дерек"


@pytest.mark.parametrize(
    "word, expected",
    [
        ("хабарлама", "хабарлама"),
        ("бағдарламасы", "бағдарлама"),
        ("сауалнама", "сауалнама"),
        ("қосымшаларын", "қосымша"),
    ],
)
def test_nouns_ending_in_ma_keep_it(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_never_shorter_than_three_letters() -> None:
    assert stem("заңына") == "заң"
    assert stem("жою") == "жой"
    assert all(len(stem(w)) >= 3 for words in STEMS.values() for w in words)


def test_invariable_words_are_kept() -> None:
    assert stem("үшін") == "үшін"
    assert stem("үшінші") == "үшінші"


def test_variants_allow_the_consonant_change_before_vowels() -> None:
    assert stem_variants("аумағына") == ("аумақ", "аумағ")
    assert stem_variants("деректерді") == ("дерек", "дерег")
    assert stem_variants("жоюды") == ("жой", "жою")
    assert stem_variants("келісімді") == ("келісім",)
