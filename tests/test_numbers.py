"""Amounts in digits and number words (RU, KK): ``policylint.analyze.numbers``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policylint.analyze.numbers import AMOUNT, parse_amount

AMOUNT_RE = re.compile(AMOUNT, re.IGNORECASE)


def forms(value: float, words: str) -> list[tuple[str, float]]:
    """(word, value) for each of the space-separated ``words``."""
    return [(word, value) for word in words.split()]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # digits, as the seeds and the statute write them
        ("30", 30),
        ("72", 72),
        ("15", 15),
        ("7 (семи)", 7),
        ("10 (десять)", 10),
        ("1 (одного)", 1),
        ("7 (жеті)", 7),
        ("3-х", 3),
        ("5-ти", 5),
        ("1,5", 1.5),
        # Russian words in every case and gender
        *forms(1, "один одного одному одним одном одна одной одну одно"),
        *forms(2, "два две двух двум двумя"),
        *forms(3, "три трёх трех трём трем тремя"),
        *forms(4, "четыре четырёх четырех четырьмя"),
        *forms(5, "пять пяти пятью"),
        ("шесть", 6),
        ("семи", 7),
        ("восьми", 8),
        ("девяти", 9),
        ("десять", 10),
        ("десяти", 10),
        ("пятнадцать", 15),
        ("пятнадцати", 15),
        ("двадцать", 20),
        ("двадцати", 20),
        *forms(30, "тридцать тридцати тридцатью"),
        *forms(40, "сорок сорока"),
        *forms(60, "шестьдесят шестидесяти"),
        *forms(90, "девяносто девяноста"),
        *forms(100, "сто ста"),
        ("двадцати пяти", 25),
        ("тридцати одного", 31),
        ("сто пятнадцать", 115),
        ("трёхсот шестидесяти пяти", 365),
        ("полутора", 1.5),
        ("Трёх", 3),
        # Kazakh words and compounds
        *forms(1, "бір біреу"),
        ("екі", 2),
        ("үш", 3),
        ("төрт", 4),
        ("бес", 5),
        ("алты", 6),
        ("жеті", 7),
        ("сегіз", 8),
        ("тоғыз", 9),
        ("он", 10),
        ("он бес", 15),
        ("жиырма", 20),
        ("жиырма бес", 25),
        ("отыз", 30),
        ("қырық", 40),
        ("елу", 50),
        ("алпыс", 60),
        ("жетпіс", 70),
        ("сексен", 80),
        ("тоқсан", 90),
        ("жүз", 100),
        ("үш жүз алпыс бес", 365),
        ("бір жарым", 1.5),
        ("ҮШ", 3),
    ],
)
def test_parse_amount(text: str, value: float) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize(
    "text",
    [
        # Kazakh words that only start like numbers
        "үшін",
        "жүзеге",
        "оның",
        "бесінші",
        "бірге",
        "біріктіру",
        "онда",
        # not one number
        "двадцать пятнадцать",
        "пятнадцать три",
        "бес он",
        "жиырма жүз",
        "7 (далее)",
        "",
        "рабочих дней",
        "v1.2",
    ],
)
def test_not_an_amount(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("sentence", "amounts"),
    [
        # seed 002 (KK, verbatim with its NBSPs and Latin «ə»): «бір» and «үш» are whole
        # number words (only a unit after them makes a period); «үшін», «жүзеге» are not
        (
            (
                "Пайдаланушы\xa0 келісімі бойынша оларды жинау жəне өңдеу мақсатына қол жеткізу "
                "үшін қажетті мерзім ішінде жəне\xa0 егер қандай да бір қолданылатын заңнамада "
                "анағұрлым қысқа мерзім белгіленбесе, көрсетілген\xa0 Пайдаланушы келісімінің "
                "қолданылуы тоқтатылғаннан кейін үш жыл ішінде жүзеге асырады."
            ),
            ["бір ", "үш "],
        ),
        # seed 001 (KK): «біріктірілген» is no number
        (
            (
                "Саясат мәтініндегі жоғарыда аталған деректер Жеке деректердің жалпы ұғымымен "
                "біріктірілген."
            ),
            [],
        ),
        # statute art. 25 (RU)
        ("8) в течение одного рабочего дня:", ["8", "одного "]),
        # seed 002 (RU)
        ("по истечении 7 (семи) календарных", ["7 (семи)"]),
    ],
)
def test_amount_pattern_finds_whole_words(sentence: str, amounts: list[str]) -> None:
    assert [m.group() for m in AMOUNT_RE.finditer(sentence)] == amounts


@given(st.text())
def test_parse_amount_never_crashes(text: str) -> None:
    value = parse_amount(text)
    assert value is None or value >= 0


@given(st.integers(min_value=0, max_value=9999))
def test_digits_parse_to_their_value(number: int) -> None:
    assert parse_amount(str(number)) == number


KK_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60}
KK_UNITS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7}
RU_TENS = {"двадцати": 20, "тридцати": 30, "сорока": 40, "шестидесяти": 60}
RU_UNITS = {"одного": 1, "двух": 2, "трех": 3, "пяти": 5, "семи": 7}


@given(st.sampled_from(sorted(KK_TENS)), st.sampled_from(sorted(KK_UNITS)))
def test_kazakh_compounds(tens: str, unit: str) -> None:
    assert parse_amount(f"{tens} {unit}") == KK_TENS[tens] + KK_UNITS[unit]


@given(st.sampled_from(sorted(RU_TENS)), st.sampled_from(sorted(RU_UNITS)))
def test_russian_compounds(tens: str, unit: str) -> None:
    assert parse_amount(f"{tens} {unit}") == RU_TENS[tens] + RU_UNITS[unit]
