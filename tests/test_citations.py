"""Law citations: ``policylint.analyze.citations``.

Texts are lines of the seed policies, quoted verbatim (NBSPs as ``\\xa0``) and checked
below to occur in them, or a seed line with one thing changed (the number, date or title
of the law; another state's law in place of 94-V) to show one case at a time.
"""

from __future__ import annotations

import pytest

from policylint.analyze.citations import extract_citations
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths())

# law, article, paragraph, subparagraph, detail
Row = tuple[str, str | None, str | None, str | None, str | None]


def citations(text: str) -> list[Row]:
    doc = doc_from_text(text)
    return [
        (c.law, c.article, c.paragraph, c.subparagraph, c.detail) for c in extract_citations(doc)
    ]


def seed_rows(number: int) -> list[Row]:
    return [
        (c.law, c.article, c.paragraph, c.subparagraph, c.detail)
        for c in extract_citations(seed_doc(number))
    ]


LAW_94 = ("94-V", None, None, None, None)

# ---------------------------------------------------------------- seed policies

SEED_LINES = [
    pytest.param(
        "  • Закон РК от 21 мая 2013 года № 94-V «О персональных данных и их защите» (с "
        "изменениями и дополнениями по состоянию на 2024 год)",
        [LAW_94],
        id="000-full-citation",
    ),
    pytest.param(
        "1.2. Политика разработана в соответствии с требованиями Закона Республики Казахстан от "
        "21 мая 2013 года № 94-V «О персональных данных и их защите» (далее — «Закон о ПД»), "
        "Конституции Республики Казахстан, Гражданского кодекса Республики Казахстан и иных "
        "нормативных правовых актов Республики Казахстан в области защиты персональных данных.",
        [
            LAW_94,
            ("constitution", None, None, None, None),
            ("civil_code", None, None, None, None),
        ],
        id="000-alias-definition",
    ),
    pytest.param(
        "  • Конституция Республики Казахстан — статья 18 (право на неприкосновенность частной "
        "жизни)",
        [("constitution", "18", None, None, None)],
        id="000-constitution",
    ),
    pytest.param(
        "  • Гражданский кодекс РК — статьи 115, 141-144 (нематериальные блага и их защита)",
        [("civil_code", "115,141-144", None, None, None)],
        id="000-civil-code-list",
    ),
    pytest.param(
        "  • Закон РК «Об информатизации» от 24 ноября 2015 года № 418-V",
        [("informatization", None, None, None, None)],
        id="000-informatization",
    ),
    pytest.param(
        "6.4. Законные интересы Оператора (статья 9 пункт 1 подпункт 5 Закона о ПД)",
        [("94-V", "9", "1", "5", None)],
        id="000-article-first",
    ),
    pytest.param(
        "Срок рассмотрения заявления: 1 рабочий день с момента получения (в соответствии с "
        "подпунктом 5 пункта 1 статьи 25 Закона о ПД).",
        [("94-V", "25", "1", "5", None)],
        id="000-subparagraph-first",
    ),
    pytest.param(
        "В соответствии со статьями 7 и 9 Закона о ПД, обработка персональных данных "
        "осуществляется на следующих правовых основаниях:",
        [("94-V", "7,9", None, None, None)],
        id="000-article-list",
    ),
    pytest.param(
        "В соответствии со статьями 20-22 Закона о ПД, Оператор применяет комплекс мер по "
        "защите персональных данных:",
        [("94-V", "20-22", None, None, None)],
        id="000-article-range",
    ),
    pytest.param(
        "Важное ограничение (пункт 10 статьи 7 Закона о ПД)",
        [("94-V", "7", "10", None, None)],
        id="000-paragraph-first",
    ),
    pytest.param(
        "В соответствии со статьёй 22 Гражданского кодекса РК:",
        [("civil_code", "22", None, None, None)],
        id="000-civil-code-article",
    ),
    pytest.param(
        "  • Административную: штрафы по КоАП РК (статья 79)",
        [("admin_code", "79", None, None, None)],
        id="000-code-before-article",
    ),
    pytest.param(
        "  • Уголовную: за незаконный сбор и распространение данных (статья 147 УК РК)",
        [("criminal_code", "147", None, None, None)],
        id="000-criminal-code",
    ),
    pytest.param(
        "Дербес деректерді өңдеу бөлігіндегі осы Құпиялылық саясаты «Дербес деректер және "
        "оларды қорғау туралы» 21.05.2013 жылғы Қазақстан Республикасы Заңының (бұдан әрі - "
        "Заң) талаптарына сәйкес жасалған",
        [LAW_94],
        id="001-kk-title-date-head",
    ),
    pytest.param(
        "4.5. Дербес деректер және оларды қорғау туралы заңның 15-бабының 1,2-бөлігінде "
        "көрсетілген дербес деректердің арнайы санаттарының қатарынан",
        [("94-V", "15", "1,2", None, None)],
        id="001-kk-article-part",
    ),
    pytest.param(
        "Настоящая политика конфиденциальности в части обработки персональных данных "
        "составлена в соответствии с требованиями\xa0Закон Республики Казахстан от 21 мая 2013 "
        "года № 94 - V «О персональных данных и их защите» (с изменениями и дополнениями по "
        "состоянию на 03.03.2023 г.) (далее - Закон)",
        [LAW_94],
        id="001-spaced-number-amendment-date",
    ),
    pytest.param(
        "Настоящая Политика конфиденциальности персональных данных (далее – Политика "
        "конфиденциальности) является публичным Договором, заключенным между владельцем "
        "Интернет-платформа ИП “Jukte” (Продавец) и Покупателем в соответствии со ст.387 "
        "Гражданского кодекса Республики Казахстан, основана на Законе Республики Казахстан «О "
        "персональных данных и их защите»",
        [("civil_code", "387", None, None, None), LAW_94],
        id="003-civil-code-and-title",
    ),
    pytest.param(
        "7.10. Обработка персональных данных, разрешенных для распространения, из числа "
        "специальных категорий персональных данных, указанных в ч. 1 ст. 10 Закона о "
        "персональных данных, допускается, если соблюдаются запреты и условия, предусмотренные "
        "ст. 10.1 Закона о персональных данных.",
        [("94-V", "10", "1", None, None), ("94-V", "10.1", None, None, None)],
        id="003-152fz-articles-cited-as-94v",
    ),
    pytest.param(
        "[Статья 12. Накопление и хранение персональных данных](#)",
        [("94-V", "12", None, None, None)],
        id="003-heading-link",
    ),
    pytest.param(
        "11.6. Осуществляется обработка персональных данных, подлежащих опубликованию или "
        "обязательному раскрытию в соответствии с законом [Статья 9. Сбор, обработка "
        "персональных данных без согласия субъекта](#)",
        [("94-V", "9", None, None, None)],
        id="003-heading-link-in-sentence",
    ),
    pytest.param(
        "  3. Осы Саясатта пайдаланылатын терминдер 2013 жылғы 21 мамырдағы «Дербес деректер "
        "және оларды қорғау туралы» Қазақстан Республикасының Заңының 12-бабының 2-тармағында "
        "(бұдан әрі - «Дербес деректер туралы заң»)",
        [("94-V", "12", "2", None, None)],
        id="004-kk-law-then-article",
    ),
    pytest.param(
        "«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының 2013 жылғы 21 "
        "мамырдағы № 94-V Заңына және Қазақстан Республикасының өзге де нормативтік құқықтық "
        "актілеріне (бұдан әрі бірге - Заң) сәйкес,",
        [LAW_94],
        id="004-kk-full-citation",
    ),
    pytest.param(
        "  4. Саясат дербес деректерді қорғау және өңдеу саласындағы нормативтік және құқықтық "
        "құжаттардың: Қазақстан Республикасының Конституциясының, Қазақстан Республикасының "
        "«Дербес деректер туралы», «Ақпараттандыру туралы» заңдарының",
        [
            ("constitution", None, None, None, None),
            LAW_94,
            ("informatization", None, None, None, None),
        ],
        id="004-kk-short-titles",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_LINES)
def test_seed_lines(text: str, expected: list[Row]) -> None:
    assert text in SEED_TEXT
    assert citations(text) == expected


def test_seed_000_articles() -> None:
    articles = {
        (law, article, paragraph, sub)
        for law, article, paragraph, sub, _ in seed_rows(0)
        if article
    }
    assert articles == {
        ("94-V", "1", None, None),
        ("94-V", "5", None, None),
        ("94-V", "7", None, None),
        ("94-V", "7", "10", None),
        ("94-V", "7,9", None, None),
        ("94-V", "8", None, None),
        ("94-V", "8", "2", None),
        ("94-V", "9", "1", "1"),
        ("94-V", "9", "1", "2"),
        ("94-V", "9", "1", "3"),
        ("94-V", "9", "1", "5"),
        ("94-V", "11,15", None, None),
        ("94-V", "12", None, None),
        ("94-V", "14", None, None),
        ("94-V", "16", None, None),
        ("94-V", "20-22", None, None),
        ("94-V", "24", None, None),
        ("94-V", "25", None, None),
        ("94-V", "25", "1", "5"),
        ("94-V", "29", None, None),
        ("constitution", "18", None, None),
        ("civil_code", "22", None, None),
        ("civil_code", "115,141-144", None, None),
        ("civil_code", "396", None, None),
        ("admin_code", "79", None, None),
        ("criminal_code", "147", None, None),
    }
    laws = {law for law, article, *_ in seed_rows(0) if article is None}
    assert laws == {
        "94-V",
        "constitution",
        "civil_code",
        "informatization",
        "e_document",
        "tax_code",
        "civil_procedure_code",
    }


def test_seed_001_both_versions_cite_article_15() -> None:
    articles = [
        (law, article, paragraph) for law, article, paragraph, *_ in seed_rows(1) if article
    ]
    assert articles == [("94-V", "15", "1,2"), ("94-V", "15", None)] * 2
    assert {row for row in seed_rows(1) if row[1] is None} == {LAW_94}


def test_seed_002_names_no_law() -> None:
    assert seed_rows(2) == []


def test_seed_003() -> None:
    assert [row for row in seed_rows(3) if row[1]] == [
        ("civil_code", "387", None, None, None),
        ("94-V", "10", "1", None, None),
        ("94-V", "10.1", None, None, None),
        ("94-V", "10.1", None, None, None),
        ("94-V", "12", None, None, None),
        ("94-V", "12", None, None, None),
        ("94-V", "9", None, None, None),
    ]


def test_seed_004() -> None:
    assert [row for row in seed_rows(4) if row[1]] == [("94-V", "12", "2", None, None)]
    assert all(detail is None for *_, detail in seed_rows(4))


def test_bare_law_word_resolves_to_the_defined_alias() -> None:
    text = (
        "Закон Республики Казахстан от 21 мая 2013 года № 94 - V «О персональных данных и их "
        "защите» (далее - Закон)\n\n"
        "4.6. Согласие Пользователя на обработку персональных данных, разрешенных для "
        "распространения, оформляется отдельно от других согласий на обработку его "
        "персональных данных. При этом соблюдаются условия, предусмотренные, в частности, ст. "
        "15 Закона."
    )
    assert citations(text) == [LAW_94, ("94-V", "15", None, None, None)]


def test_article_span_covers_the_law_named_with_it() -> None:
    doc = doc_from_text("Важное ограничение (пункт 10 статьи 7 Закона о ПД)")
    (citation,) = extract_citations(doc)
    assert doc.text[citation.span.start : citation.span.end] == "пункт 10 статьи 7 Закона о ПД"


# ------------------------------------------------------------------ mis-citations


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        (
            "  • Закон РК от 21 мая 2013 года № 94-IV «О персональных данных и их защите»",
            "wrong_number",
        ),
        (
            "  • Закон РК от 21 мая 2014 года № 94-V «О персональных данных и их защите»",
            "wrong_date",
        ),
        (
            "  • Закон РК от 21 мая 2014 года № 94-IV «О персональных данных и их защите»",
            "wrong_number,wrong_date",
        ),
        (
            "«Жеке деректер және оларды қорғау туралы» 21.05.2013 жылғы Қазақстан Республикасы "
            "Заңының (бұдан әрі - Заң) талаптарына сәйкес жасалған",
            "wrong_kk_title",
        ),
        (
            "«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының 2014 жылғы 21 "
            "мамырдағы № 94-V Заңына",
            "wrong_date",
        ),
    ],
)
def test_mis_cited_law(text: str, detail: str) -> None:
    assert citations(text) == [("94-V", None, None, None, detail)]


# -------------------------------------------------------------------- foreign law


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.2. Политика разработана в соответствии с требованиями Федерального закона от "
            "27.07.2006 № 152-ФЗ «О персональных данных»",
            [("152-FZ", None, None, None, None)],
        ),
        (
            "Оператор до начала обработки персональных данных уведомляет Роскомнадзор о своём "
            "намерении осуществлять обработку персональных данных.",
            [("152-FZ", None, None, None, "regulator")],
        ),
        (
            "6.4. Законные интересы Оператора (статья 6 пункт 1 подпункт f GDPR)",
            [("GDPR", "6", "1", None, None)],
        ),
        (
            "1.2. Политика разработана в соответствии с Общим регламентом по защите данных",
            [("GDPR", None, None, None, None)],
        ),
        (
            "1.2. Политика разработана в соответствии с Законом Республики Узбекистан «О "
            "персональных данных» № ЗРУ-547",
            [("UZ-547", None, None, None, None)],
        ),
        (
            "1.2. Политика разработана в соответствии с Законом Республики Беларусь от 7 мая "
            "2021 г. № 99-З «О защите персональных данных»",
            [("BY-99-Z", None, None, None, None)],
        ),
        (
            "1.2. Политика разработана в соответствии с Законом Кыргызской Республики «Об "
            "информации персонального характера»",
            [("KG", None, None, None, None)],
        ),
        (
            "1.2. Осы Саясат Ресей Федерациясының 2006 жылғы 27 шілдедегі № 152-ФЗ «Дербес "
            "деректер туралы» Федералдық заңына сәйкес әзірленді.",
            [("152-FZ", None, None, None, None)],
        ),
        (
            "1.2. Осы Саясат Өзбекстан Республикасының «Дербес деректер туралы» № ЗРУ-547 "
            "Заңына сәйкес әзірленді.",
            [("UZ-547", None, None, None, None)],
        ),
    ],
)
def test_foreign_law(text: str, expected: list[Row]) -> None:
    assert citations(text) == expected


def test_alias_of_a_foreign_law() -> None:
    text = (
        "1.2. Политика разработана в соответствии с требованиями Федерального закона от "
        "27.07.2006 № 152-ФЗ «О персональных данных» (далее — Закон о персональных данных).\n\n"
        "7.11. При этом соблюдаются условия, предусмотренные, в частности, ст. 10.1 Закона о "
        "персональных данных."
    )
    assert citations(text) == [
        ("152-FZ", None, None, None, None),
        ("152-FZ", "10.1", None, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Обработка необходима для выполнения обязанностей, возложенных на Оператора "
            "законодательством Республики Казахстан, в том числе: Налоговым кодексом РК, Законом "
            "о бухгалтерском учёте, Законом о защите прав потребителей и иными нормативными "
            "правовыми актами.",
            [("tax_code", None, None, None, None)],
            id="000-laws-without-an-id",
        ),
        pytest.param(
            "4.10.\xa0\xa0 Согласие на обработку персональных данных, разрешенных для "
            "распространения, прекращает свое действие с момента поступления Оператору "
            "требования, указанного в пункте 4.9. настоящей Политики в отношении обработки "
            "персональных данных.",
            [],
            id="001-own-numbering",
        ),
    ],
)
def test_laws_we_do_not_track(text: str, expected: list[Row]) -> None:
    assert text in SEED_TEXT
    assert citations(text) == expected


def test_the_policys_own_article_is_not_a_law_article() -> None:
    assert citations("В соответствии со статьёй 5 настоящей Политики") == []
