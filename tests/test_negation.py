"""Negation of topic matches, on sentences from the seed policies."""

from __future__ import annotations

import pytest

from policylint.analyze.negation import _kk_negative_form, is_negated
from tests.helpers import seed_paths


def seed_line(seed: int, fragment: str) -> str:
    """The line of seed ``seed`` that contains ``fragment`` (real policy wording)."""
    for line in seed_paths()[seed].read_text(encoding="utf-8").splitlines():
        if fragment in line:
            return line
    raise AssertionError(f"{fragment!r} not in seed {seed}")


def negated(text: str, match: str, lang: str) -> bool:
    start = text.index(match)
    return is_negated(text, start, start + len(match), lang)


NEGATED = [
    # Seed 000: the cue «не» before the match.
    (0, "Оператор не осуществляет сбор", "копий документов", "ru"),
    # Seed 001 RU: the match is the subject; the verb after a long enumeration.
    (1, "Оператором не осуществляется", "специальных категорий", "ru"),
    # Seed 001 KK: -майды after the match.
    (1, "арнайы санаттарын өңдеуді жүзеге асырмайды", "арнайы санаттарын", "kk"),
    # Seed 004 KK: -пайды after the match.
    (4, "үшінші тұлғаларға ашпайды және таратпайды", "үшінші тұлғаларға", "kk"),
    # Seed 001 RU: никогда / ни / не before the match.
    (1, "никогда, ни при каких условиях не будут переданы", "третьим лицам", "ru"),
    # Seed 001 RU: the subject, then «не будут переданы».
    (1, "никогда, ни при каких условиях не будут переданы", "Персональные данные", "ru"),
    # Seed 003: «Если не использовать cookies, …».
    (3, "Если не использовать cookies", "cookies", "ru"),
    # Seed 003: «не разглашать без …».
    (3, "не разглашать без предварительного", "предварительного письменного разрешения", "ru"),
]

NOT_NEGATED = [
    # Seed 002 RU: a positive list of verbs before the match.
    (2, "включая трансграничную передачу", "трансграничную передачу", "ru"),
    # Seed 004 KK: «қайшы келмейтін» before, «сауалнама» after, «беремін» at the end.
    (4, "РФ аумағына трансшекаралық беруге", "трансшекаралық беруге", "kk"),
    (4, "заңнамаға қайшы келмейтін тәсілдермен", "заңнамаға", "kk"),
    # Seed 002 KK: «қоса алғанда» ("including") is no negation.
    (2, "(трансшекаралық беруді қоса алғанда)", "трансшекаралық беруді", "kk"),
    # Seed 004 KK: «қоспағанда» marks an exception, not a negation.
    (4, "заңда көзделген жағдайларды қоспағанда", "заңда", "kk"),
    # Seed 004 KK: the negated verb is about the notice, not the transfer («кезінде»).
    (4, "трансшекаралық беруі кезінде Субъектіні", "трансшекаралық беруі", "kk"),
    # Seed 003: «не отвечающих» is a participle of another phrase; the verb is positive.
    (3, "14.2. Трансграничная передача", "Трансграничная передача", "ru"),
    # Seed 003: «не позднее» is a bound, not a negation.
    (3, "в срок не позднее трех рабочих дней", "трех рабочих дней", "ru"),
    # Seed 002 KK: nouns in -ма/-ме (қосымша, хабарлама, бағдарлама) are not negative verbs.
    (2, "Дербес деректерді жинау мен өңдеудің қосымша мақсаттары", "Дербес деректерді", "kk"),
    (1, "Push-хабарламаларды және SMS-хабарламаларды", "электрондық хаттарды", "kk"),
    (4, "ниеттестік бағдарламасына қатысу", "ниеттестік", "kk"),
]


@pytest.mark.parametrize("seed, fragment, match, lang", NEGATED)
def test_negated_statements(seed: int, fragment: str, match: str, lang: str) -> None:
    assert negated(seed_line(seed, fragment), match, lang)


@pytest.mark.parametrize("seed, fragment, match, lang", NOT_NEGATED)
def test_positive_statements(seed: int, fragment: str, match: str, lang: str) -> None:
    assert not negated(seed_line(seed, fragment), match, lang)


# Words from the seeds and the Kazakh statute.
# fmt: off
KK_NEGATIVE_VERBS = [
    "асырмайды", "ашпайды", "таратпайды", "берілмейді", "бермейтін", "болмаған",
    "таратпауға", "қолданылмайды", "табылмайтын", "жоқ", "емес",
]
KK_NOT_NEGATIVE = [
    "хабарлама", "хабарламаларды", "бағдарламасы", "бағдарламасына", "бағдарламасының",
    "сауалнама", "қосымша", "қосымшаларын", "дербес", "ажырамас", "береді",
]
# fmt: on


@pytest.mark.parametrize("word", KK_NEGATIVE_VERBS)
def test_kazakh_negative_verb_forms(word: str) -> None:
    assert _kk_negative_form(word)


@pytest.mark.parametrize("word", KK_NOT_NEGATIVE)
def test_kazakh_nouns_in_ma_are_not_negative(word: str) -> None:
    assert not _kk_negative_form(word)


def test_if_not_otherwise_provided_is_a_formula() -> None:
    # Seed 001: «… обязаны не раскрывать третьим лицам …, если иное не предусмотрено законом.»
    line = seed_line(1, "обязаны не раскрывать третьим лицам")
    assert negated(line, "третьим лицам", "ru")
    assert negated(line, "согласия субъекта", "ru")  # «без согласия»
    assert not negated(line, "законом", "ru")


def test_only_the_sentence_of_the_match_counts() -> None:
    # Seed 000 1.7: «не согласен» is in the first sentence, «Продолжение использования» in
    # the next one.
    line = seed_line(0, "1.7. Если Пользователь не согласен")
    assert negated(line, "условиями настоящей Политики", "ru")
    assert not negated(line, "Продолжение использования", "ru")


def test_other_languages_are_never_negated() -> None:
    line = seed_line(0, "Оператор не осуществляет сбор")
    assert not negated(line, "копий документов", "en")
    assert not negated(line, "копий документов", "other")
