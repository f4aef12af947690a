"""Segment: clauses, numbering, headings, sections, definitions, languages, language
versions and pairs of clauses across versions — on the five seed policies."""

from __future__ import annotations

import functools
import itertools

import pytest

from policylint.model import Clause, Document
from policylint.segment import clause_language
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEEDS = [path.read_text(encoding="utf-8") for path in seed_paths()]


@functools.cache
def doc(seed: int) -> Document:
    return seed_doc(seed)


def clause(seed: int, start: str, occurrence: int = 0) -> Clause:
    """The clause of seed ``seed`` whose text starts with ``start``."""
    d = doc(seed)
    found = [c for c in d.clauses if d.clause_text(c).startswith(start)]
    return found[occurrence]


def text(seed: int, c: Clause) -> str:
    return doc(seed).clause_text(c)


def line_of(seed: int, offset: int) -> int:
    return doc(seed).locate(offset).line


# ------------------------------------------------------------------------ clauses


@pytest.mark.parametrize("seed", range(5))
def test_clauses_are_sorted_and_do_not_overlap(seed: int) -> None:
    d = doc(seed)
    assert [c.index for c in d.clauses] == list(range(len(d.clauses)))
    spans = [c.span for c in d.clauses]
    assert all(s.start < s.end for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for c in d.clauses:
        assert d.clause_at(c.span.start) is c
        assert d.clause_at(c.span.end - 1) is c


def test_a_bare_section_number_joins_its_heading_in_seed_000() -> None:
    c = clause(0, "1\n")
    assert text(0, c) == "1\n\nОбщие положения"
    assert (c.number, c.heading) == ("1", True)
    assert line_of(0, c.span.start) == 14


def test_a_sentence_broken_by_a_page_break_is_one_clause_in_seed_002() -> None:
    c = clause(2, "7) Пайдаланушылардың дербес деректерін")
    body = text(2, c)
    assert "одан әрі таратылуын\n\nшектеу шартымен Компанияның" in body
    assert line_of(2, c.span.start) == 39
    assert line_of(2, c.span.end) == 41
    assert not any(text(2, other).startswith("шектеу шартымен") for other in doc(2).clauses)


@pytest.mark.parametrize(
    "seed, start, continued",
    [
        (2, "2.6. Пайдаланушы Дербес деректерді", "\n\nКомпанияның Пайдаланушы келісімінде"),
        (2, "2.3. При использовании Сервисов", "(далее -\n\nПерсональные данные Пользователя)"),
        (2, "5.1. Компания басқа интернет-ресурстардың", "сайттарға,\n\nқосымшаларға, өнімдерге"),
        (3, "принимать правовые, организационные", "к ним,\n\nуничтожения, изменения"),
        (3, "7.11.2 Оператор обязан в срок", "\n\nобработки, о наличии запретов"),
    ],
)
def test_continuation_lines_join_the_clause_before(seed: int, start: str, continued: str) -> None:
    assert continued in text(seed, clause(seed, start))


def test_list_items_starting_in_lower_case_are_not_joined_in_seed_004() -> None:
    item = clause(4, "жеткізуді жүзеге асыру, сервистік қызмет көрсету")
    assert text(4, item) == "жеткізуді жүзеге асыру, сервистік қызмет көрсету"
    assert text(4, doc(4).clauses[item.index - 1]).startswith("Ниеттестік бағдарламасына")


def test_a_heading_in_capitals_broken_in_two_is_one_heading_in_seed_002() -> None:
    kk = clause(2, "3. ҚҰПИЯЛЫЛЫҚТЫ САҚТАУ ҮШІН ПАЙДАЛАНЫЛАТЫН")
    assert text(2, kk) == "3. ҚҰПИЯЛЫЛЫҚТЫ САҚТАУ ҮШІН ПАЙДАЛАНЫЛАТЫН\n\nҚАУІПСІЗДІК ШАРАЛАРЫ"
    ru = clause(2, "3. МЕРЫ БЕЗОПАСНОСТИ, ИСПОЛЬЗУЕМЫЕ ДЛЯ")
    assert text(2, ru).endswith("\n\nСОХРАНЕНИЯ КОНФИДЕНЦИАЛЬНОСТИ")
    assert kk.heading and ru.heading


# ---------------------------------------------------------------------- numbering


@pytest.mark.parametrize(
    "seed, start, number",
    [
        (0, "4.1Идентификационные данные", "4.1"),
        (0, "10.4. Действия при инцидентах безопасности", "10.4"),
        (3, "7.11.1 Согласие на обработку", "7.11.1"),
        (1, "2.10. Дербес деректер субъектісі (бұдан әрі - Субъект)", "2.10"),
        (1, "3.3.1. Қазақстан Республикасының заңдарына", "3.3.1"),
        (2, "1) Пайдаланушы келісіміне сәйкес", "1"),
        (2, "10) Пайдаланушыға дербестендірілген", "10"),
        (3, "1.1. Персональные данные - сведения", "1.1"),  # «- 1.1.» in the source
        (2, "5.1 Компания не несет ответственность", "5.1"),
        (0, "privacy.title", None),
        (0, "251140031036", None),
    ],
)
def test_clause_numbers(seed: int, start: str, number: str | None) -> None:
    assert clause(seed, start).number == number


def test_items_in_running_text_stay_in_one_clause_in_seed_002() -> None:
    c = clause(2, "4) Тұғырнамада көрсетілетін")
    assert c.number == "4"
    assert "; 5) акцияларға, конкурстарға" in text(2, c)


def test_restarting_numbers_keep_document_order_in_seed_004() -> None:
    numbered = [c.number for c in doc(4).clauses if c.number is not None][:10]
    assert numbered == ["1", "2", "3", "4", "1", "1", "2", "3", "4", "1"]
    titles = [text(4, c) for c in doc(4).clauses if c.number == "1" and c.heading]
    assert titles[:2] == [
        "1. ЖАЛПЫ ЕРЕЖЕЛЕР",
        "1. ДЕРБЕС ДЕРЕКТЕРДІ ӨҢДЕУДІҢ МАҚСАТТАРЫ МЕН ҚАҒИДАТТАРЫ",
    ]


# ----------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    "seed, start",
    [
        (2, "1. ЖАЛПЫ ЕРЕЖЕЛЕР"),
        (1, "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ"),
        (1, "3. Оператордың негізгі құқықтары мен міндеттері"),
        (1, "3. ОСНОВНЫЕ ПРАВА и ОБЯЗАННОСТИ"),
        (0, "Порядок реализации прав"),
        (0, "Возрастное ограничение"),
        (0, "10.4. Действия при инцидентах безопасности"),
        (0, "4.1Идентификационные данные"),
        (3, "1. Определение терминов"),
        (3, "Политика конфиденциальности персональных данных"),
        (4, "«ЭСПЕРАНС-РК» ЖШС-НІҢ ДЕРБЕС ДЕРЕКТЕРДІ"),
        (4, "1. Дербес деректерді бұғаттау"),
    ],
)
def test_headings(seed: int, start: str) -> None:
    assert clause(seed, start).heading


@pytest.mark.parametrize(
    "seed, start",
    [
        (0, "1. Немедленно принимает меры по локализации инцидента"),  # a list after «…Оператор:»
        (0, "3. Направить заявление почтой по юридическому адресу Оператора"),
        (
            0,
            "Товарищество с ограниченной ответственностью «Бектек»",
        ),  # after «Полное наименование:»
        (0, "ДанныеЦель сбораОбязательность"),  # a table row
        (0, "История заказов и их статусы"),  # a bullet
        (0, "Срок рассмотрения обращений: 1 рабочий день"),
        (1, "3.1. Оператор құқылы:"),
        (2, "1) Пайдаланушы келісіміне сәйкес"),
        (4, "1. Дербес деректерді сақтау келесі тәсілдермен жүзеге асырылады:"),
    ],
)
def test_not_headings(seed: int, start: str) -> None:
    assert not clause(seed, start).heading


# ---------------------------------------------------------------------- sections


def test_subheadings_stay_in_their_top_level_section_in_seed_000() -> None:
    section_2 = clause(0, "2\n\nОсновные понятия и определения")
    assert clause(0, "2.8. Трансграничная передача персональных данных").section == section_2.index
    section_11 = clause(0, "11\n\nПрава субъекта персональных данных")
    for start in (
        "Порядок реализации прав",
        "Для реализации своих прав",
        "11.7. Право на переносимость",
    ):
        assert clause(0, start).section == section_11.index
    assert section_11.section == section_11.index


def test_sections_before_the_first_heading_in_seed_000() -> None:
    assert clause(0, "privacy.title").section is None
    assert clause(0, "Настоящая Политика конфиденциальности разработана").section is None


def test_each_restarted_heading_opens_a_section_in_seed_004() -> None:
    heading = clause(4, "1. ДЕРБЕС ДЕРЕКТЕРДІ ӨҢДЕУДІҢ МАҚСАТТАРЫ")
    assert clause(4, "Компанияның дербес деректерді өңдеуі мынадай").section == heading.index
    assert clause(4, "жеткізуді жүзеге асыру, сервистік").section == heading.index


def test_sections_do_not_cross_language_versions_in_seed_001() -> None:
    title = clause(1, "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ")
    assert title.section == title.index
    ru_general = clause(1, "1. ОБЩИЕ ПОЛОЖЕНИЯ")
    assert clause(1, "Настоящая политика конфиденциальности в части").section == ru_general.index
    assert (
        clause(1, "Дербес деректерді өңдеу бөлігіндегі").section
        == clause(1, "1. Жалпы ережелер").index
    )


# ------------------------------------------------------------------- definitions


def test_definitions_section_of_seed_000() -> None:
    d = doc(0)
    heading = clause(0, "2\n\nОсновные понятия и определения")
    end = clause(0, "3\n\nПринципы обработки персональных данных")
    inside = d.clauses[heading.index + 1 : end.index]
    assert inside and all(c.definition for c in inside)
    transfer = clause(0, "2.8. Трансграничная передача персональных данных")
    assert transfer.definition
    assert d.clauses[transfer.index + 1].definition
    assert text(0, d.clauses[transfer.index + 1]).startswith(
        "Передача персональных данных оператором"
    )


def test_cross_border_section_of_seed_000_is_not_definitions() -> None:
    heading = clause(0, "14\n\nТрансграничная передача данных")
    assert not heading.definition
    assert not clause(0, "14.1. Условия трансграничной передачи").definition
    assert not clause(0, "Трансграничная передача персональных данных на территорию").definition


@pytest.mark.parametrize(
    "seed, heading, first, after",
    [
        (3, "1. Определение терминов", "1.1. Персональные данные", "2.1. Настоящая Политика"),
        (
            1,
            "2. Саясатта қолданылатын негізгі ұғымдар",
            "2.1. Дербес деректерді",
            "3.1. Оператор құқылы:",
        ),
        (
            1,
            "2. ОСНОВНЫЕ ПОНЯТИЯ",
            "2.1. Автоматизированная обработка",
            "3.1. Оператор имеет право:",
        ),
    ],
)
def test_definitions_sections(seed: int, heading: str, first: str, after: str) -> None:
    assert not clause(seed, heading).definition
    assert clause(seed, first).definition
    assert not clause(seed, after).definition


def test_no_definitions_in_seed_002() -> None:
    assert not any(c.definition for c in doc(2).clauses)


# ---------------------------------------------------------------------- languages


@pytest.mark.parametrize(
    "seed, start, lang",
    [
        (2, "1.1. «AITU - Sauda» ЖШС", "kk"),  # «бұдан əрі» with a Latin schwa in the source
        (2, "1.1. ТОО «AITU - Sauda»", "ru"),
        (2, "1. ЖАЛПЫ ЕРЕЖЕЛЕР", "kk"),  # no Kazakh letter: the words vote
        (2, "1. ОБЩИЕ ПОЛОЖЕНИЯ", "ru"),
        (1, "Құпиялылық саясаты", "kk"),
        (1, "Политика конфиденциальности", "ru"),
        (4, "Мен мыналарды растаймын:", "kk"),
        (4, "4) жынысы;", "kk"),  # too short to tell: the language of its version
        (4, "«ЭСПЕРАНС-РК» ЖШС\n", "kk"),
        (0, "Шифрование SSL/TLS (HTTPS)", "ru"),
        (0, "privacy@bektek.kz", "other"),
        (0, "251140031036", "other"),
        (0, "mdai.gov.kz", "other"),
    ],
)
def test_clause_languages(seed: int, start: str, lang: str) -> None:
    d = doc(seed)
    found = [c for c in d.clauses if (d.clause_text(c) + "\n").startswith(start)]
    assert found[0].lang == lang


def test_language_of_latin_text() -> None:
    assert "Apple ID, мыналарды" in SEEDS[2]
    assert clause_language("Apple ID") == "en"
    assert clause_language("AITU - Sauda") == "en"
    assert clause_language("www.dosmart.kz") == "other"


@pytest.mark.parametrize("seed, expected", [(1, 0.99), (2, 0.99), (4, 0.99)])
def test_kazakh_clauses_of_kazakh_versions(seed: int, expected: float) -> None:
    d = doc(seed)
    kk = next(v for v in d.versions if v.lang == "kk")
    prose = [
        c for c in d.clauses[kk.first : kk.end] if c.lang != "other" and len(d.clause_text(c)) > 40
    ]
    share = sum(c.lang == "kk" for c in prose) / len(prose)
    assert share >= expected


# ---------------------------------------------------------------------- versions


@pytest.mark.parametrize(
    "seed, langs",
    [(0, ["ru"]), (1, ["kk", "ru"]), (2, ["kk", "ru"]), (3, ["ru"]), (4, ["kk"])],
)
def test_versions(seed: int, langs: list[str]) -> None:
    d = doc(seed)
    assert [v.lang for v in d.versions] == langs
    assert d.versions[0].first == 0 and d.versions[-1].end == len(d.clauses)
    assert all(a.end == b.first for a, b in itertools.pairwise(d.versions))
    for index, version in enumerate(d.versions):
        assert all(c.version == index for c in d.clauses[version.first : version.end])


@pytest.mark.parametrize(
    "seed, russian_start",
    [(1, "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ"), (2, "Политика конфиденциальности")],
)
def test_the_russian_version_starts_at_its_title(seed: int, russian_start: str) -> None:
    d = doc(seed)
    assert d.clause_text(d.clauses[d.versions[1].first]) == russian_start


def test_the_bilingual_title_at_the_top_of_seed_001_is_absorbed() -> None:
    d = doc(1)
    assert d.clause_text(d.clauses[0]) == "Политика конфиденциальности"
    assert d.clauses[0].lang == "ru"
    assert d.clauses[0].version == 0
    assert d.versions[0].lang == "kk"


def test_short_bilingual_text_still_has_two_versions() -> None:
    # Seed 001, clause 11.1 and 11.2 in both languages.
    kk = [c for c in doc(1).clauses if c.version == 0 and c.number in ("11.1", "11.2")]
    ru = [c for c in doc(1).clauses if c.version == 1 and c.number in ("11.1", "11.2")]
    parts = [
        "Құпиялылық саясаты",
        *(text(1, c) for c in kk),
        "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ",
        *(text(1, c) for c in ru),
    ]
    small = doc_from_text("\n\n".join(parts))
    assert [v.lang for v in small.versions] == ["kk", "ru"]
    assert [(small.clauses[a].number, small.clauses[b].number) for a, b in small.pairs] == [
        (None, None),
        ("11.1", "11.1"),
        ("11.2", "11.2"),
    ]


# ------------------------------------------------------------------------- pairs


def pair_of(seed: int, c: Clause) -> Clause:
    d = doc(seed)
    partners = [b for a, b in d.pairs if a == c.index] + [a for a, b in d.pairs if b == c.index]
    assert len(partners) == 1
    return d.clauses[partners[0]]


def test_pairs_by_number_in_seed_001() -> None:
    kk = clause(1, "3.2.4. осы органның сұрау салуы бойынша")
    ru = pair_of(1, kk)
    assert ru.number == "3.2.4" and ru.version == 1
    assert "алған күннен бастап 30 күн ішінде хабарлауға" in text(1, kk)
    assert "тридцати календарных дней" in text(1, ru)


def test_pairs_of_unnumbered_clauses_by_order_in_seed_001() -> None:
    kk = clause(1, "Дербес деректерді өңдеу бөлігіндегі осы Құпиялылық саясаты")
    assert text(1, pair_of(1, kk)).startswith("Настоящая политика конфиденциальности в части")
    kk_10 = clause(1, "Дербес деректерге қол жеткізген Оператор мен өзге де тұлғалар")
    assert text(1, pair_of(1, kk_10)).startswith("Оператор и иные лица, получившие доступ")


def test_pairs_in_seed_002() -> None:
    d = doc(2)
    assert all(d.clauses[a].version == 0 and d.clauses[b].version == 1 for a, b in d.pairs)
    kk_28 = clause(2, "2.8. Дербес деректерді жинау, өңдеу")
    assert text(2, pair_of(2, kk_28)).startswith("2.8. Сбор, обработка Персональных данных")
    # «3.4» appears twice in each version: first with first, second with second.
    assert text(2, pair_of(2, clause(2, "3.4.", 0))).startswith(
        "3.4. Компания обеспечивает наличие"
    )
    assert text(2, pair_of(2, clause(2, "3.4.", 1))).startswith("3.4. Сервисы обеспечивают защиту")
    # The Russian version has no 1.2 and no 1.6.
    for number in ("1.2", "1.6"):
        kk = next(c for c in d.clauses if c.number == number)
        assert not any(kk.index in pair for pair in d.pairs)


@pytest.mark.parametrize("seed", [0, 3, 4])
def test_no_pairs_in_monolingual_seeds(seed: int) -> None:
    assert doc(seed).pairs == []


# ------------------------------------------------------------- the statute texts

LAW = {
    lang: f"/work/shared/law/94-V.{lang}.{year}.md" for lang, year in (("ru", 2021), ("kk", 2020))
}


@functools.cache
def law(lang: str) -> Document:
    with open(LAW[lang], encoding="utf-8") as handle:
        return doc_from_text(handle.read(), LAW[lang])


def law_clause(lang: str, start: str) -> Clause:
    d = law(lang)
    return next(c for c in d.clauses if d.clause_text(c).startswith(start))


@pytest.mark.parametrize(
    "lang, chapter, article, term",
    [
        (
            "ru",
            "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ",
            "Статья 1. Основные понятия, используемые в настоящем Законе",
            "11-1) уполномоченный орган в сфере защиты персональных данных",
        ),
        (
            "kk",
            "1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР",
            "1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар",
            "11-1) дербес деректерді қорғау саласында уәкілетті орган",
        ),
    ],
)
def test_chapters_and_articles_of_the_law(lang: str, chapter: str, article: str, term: str) -> None:
    assert law_clause(lang, chapter).heading
    heading = law_clause(lang, article)
    assert heading.heading and not heading.definition
    definition = law_clause(lang, term)
    assert definition.number == "11-1"
    assert definition.definition and definition.section == heading.index
    assert all(c.lang == lang for c in law(lang).clauses if c.lang != "other")
