"""The law checks (policylint/rules/checks/law.py) and the table of Law 94-V they read
(rules/data/articles_94v.yaml): CT002, CT003, FL003, CH002, and the SC/FL/CH near misses
the catalogue names."""

from __future__ import annotations

import pytest

from policylint.model import Finding, SourceText
from policylint.pipeline import Linter
from policylint.rules.checks import law


def run(linter: Linter, rule_id: str, text: str) -> list[Finding]:
    """The findings of one rule on ``text``."""
    only = Linter(linter.catalog, linter.lexicon, lambda rid, path: rid == rule_id)
    result = only.lint_source(SourceText("<test>", text), require_policy=False)
    return [f for f in result.findings if f.rule == rule_id]


# ------------------------------------------------------------------ the statute table


def test_table_has_every_article() -> None:
    articles = law.statute().articles
    expected = {str(n) for n in range(1, 32)} | {"23-1", "27-1"}
    assert set(articles) == expected


def test_table_topics_are_defined() -> None:
    table = law.statute()
    for article in table.articles.values():
        assert article.topics <= set(table.homes), article.number
        assert article.title["ru"] and article.title["kk"], article.number
    for name, homes in table.homes.items():
        assert all(h in table.articles for h in homes), name
        assert bool(homes) != (name in table.foreign), name


def test_table_numbering_from_the_statute() -> None:
    articles = law.statute().articles
    assert articles["9"].paragraphs == frozenset() and articles["9"].settled is True
    assert articles["16"].paragraphs == frozenset("12345")
    assert articles["25"].subparagraphs["1"] == frozenset()
    assert "10" in articles["25"].subparagraphs["2"]
    assert "11-1" in articles["1"].subparagraphs["0"]


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("7,9", ["7", "9"]),
        ("20-22", ["20", "21", "22"]),
        ("23-1", ["23-1"]),
        ("10.1", ["10.1"]),
        ("115,141-144", ["115", "141", "142", "143", "144"]),
        (None, []),
    ],
)
def test_split_numbers(text: str | None, numbers: list[str]) -> None:
    assert law._split_numbers(text) == numbers


# ------------------------------------------------------------------------------ CT003


@pytest.mark.parametrize(
    "text, variant",
    [
        (
            "6.4. Законные интересы Оператора (статья 9 пункт 1 подпункт 5 Закона о ПД)",
            "no_paragraph",
        ),
        (
            (
                "Срок рассмотрения заявления: 1 рабочий день (в соответствии с подпунктом 5 пункта 1 "
                "статьи 25 Закона о ПД)."
            ),
            "no_subparagraph",
        ),
        (
            (
                "При этом соблюдаются условия, предусмотренные, в частности, ст. 10.1 Закона о "
                "персональных данных."
            ),
            "no_article",
        ),
        (
            "Персональные данные обрабатываются в соответствии со статьей 35 Закона о ПД.",
            "no_article",
        ),
        (
            "Оператор назначает ответственное лицо в соответствии со ст. 22.1 Закона о ПД.",
            "no_article",
        ),
        (
            (
                "4.5. Обработка персональных данных, разрешенных для распространения, из числа "
                "специальных категорий персональных данных, указанных в ч. 1,2 ст. 15 Закона, допускается."
            ),
            "foreign_notion",
        ),
        (
            (
                "Осы Саясатта пайдаланылатын терминдер «Дербес деректер және оларды қорғау туралы» "
                "Қазақстан Республикасының Заңының 12-бабының 2-тармағында белгіленген мағыналарда "
                "қолданылады."
            ),
            "wrong_article",
        ),
        (
            "Согласие на обработку персональных данных даётся в соответствии со статьёй 10 Закона о ПД.",
            "wrong_article",
        ),
    ],
)
def test_ct003_fires(linter: Linter, text: str, variant: str) -> None:
    (finding,) = run(linter, "CT003", text)
    assert finding.params["variant"] == variant


def test_ct003_names_the_right_article(linter: Linter) -> None:
    text = (
        "Осы Саясатта пайдаланылатын терминдер «Дербес деректер және оларды қорғау туралы» "
        "Заңның 12-бабының 2-тармағында белгіленген мағыналарда қолданылады."
    )
    (finding,) = run(linter, "CT003", text)
    assert finding.params["expected"] == "1"
    assert finding.params["title_ru"] == "Накопление и хранение персональных данных"


@pytest.mark.parametrize(
    "text",
    [
        (
            "В соответствии со статьёй 8 Закона о ПД, согласие на сбор и обработку персональных данных "
            "может быть дано в письменной форме."
        ),
        (
            "Персональные данные хранятся в базе, находящейся на территории Республики Казахстан "
            "(пункт 2 статьи 12 Закона о ПД)."
        ),
        (
            "Трансграничная передача персональных данных осуществляется в соответствии со статьёй 16 "
            "Закона о ПД."
        ),
        "В соответствии со статьёй 24 Закона о ПД, Вы имеете следующие права:",
        "В соответствии со статьёй 25 Закона о ПД, Оператор обязан:",
        "В соответствии со статьёй 5 Закона о ПД, Оператор руководствуется следующими принципами:",
        (
            "В соответствии со статьёй 14 Закона о ПД, персональные данные используются исключительно "
            "для ранее заявленных целей их сбора."
        ),
        (
            "Нарушение законодательства о персональных данных влечёт ответственность (статья 29 Закона "
            "о ПД)."
        ),
        (
            "В соответствии со статьями 20-22 Закона о ПД, Оператор применяет комплекс мер по защите "
            "персональных данных:"
        ),
        # Art. 7 was amended after 2021 (paper copies): its paragraph numbers are not judged.
        "Важное ограничение (пункт 10 статьи 7 Закона о ПД)",
        # Sub-paragraphs of Art. 9 are cited without a paragraph: they exist.
        "Сбор без согласия допускается в случаях, предусмотренных подпунктом 5 статьи 9 Закона о ПД.",
        # An inserted article unknown to the table may have been added after 2021.
        "Обязанности оператора при нарушении безопасности установлены статьёй 22-1 Закона о ПД.",
        # Another law's article numbers are not 94-V's.
        (
            "Данное согласие является акцептом публичной оферты в соответствии со статьёй 396 "
            "Гражданского кодекса Республики Казахстан."
        ),
        (
            "Дербес деректерді трансшекаралық беру «Дербес деректер және оларды қорғау туралы» Заңның "
            "16-бабына сәйкес жүзеге асырылады."
        ),
        (
            "Субъект Заңның 8-бабының 2-тармағында көзделген жағдайларды қоспағанда, келісімін кері "
            "қайтарып ала алады."
        ),
    ],
)
def test_ct003_silent_on_correct_citations(linter: Linter, text: str) -> None:
    assert run(linter, "CT003", text) == []


def test_ct003_one_finding_with_the_others_related(linter: Linter) -> None:
    text = (
        "6.2. Исполнение договора (статья 9 пункт 1 подпункт 2 Закона о ПД)\n\n"
        "6.3. Соблюдение требований законодательства (статья 9 пункт 1 подпункт 1 Закона о ПД)\n\n"
        "6.4. Законные интересы Оператора (статья 9 пункт 1 подпункт 5 Закона о ПД)\n\n"
        "6.1. Согласие субъекта персональных данных (статья 8 Закона о ПД)"
    )
    (finding,) = run(linter, "CT003", text)
    assert len(finding.related) == 2


# ------------------------------------------------------------------------------ CT002


@pytest.mark.parametrize(
    "text, variant",
    [
        (
            "в соответствии с Законом РК от 21 мая 2013 года № 94-IV «О персональных данных и их защите»",
            "wrong_number",
        ),
        (
            "в соответствии с Законом РК от 21 мая 2015 года № 94-V «О персональных данных и их защите»",
            "wrong_date",
        ),
        (
            "«Жеке деректер және оларды қорғау туралы» Қазақстан Республикасы Заңына сәйкес",
            "wrong_kk_title",
        ),
    ],
)
def test_ct002_variants(linter: Linter, text: str, variant: str) -> None:
    (finding,) = run(linter, "CT002", text)
    assert finding.params["variant"] == variant


# ------------------------------------------------------------------------------ FL003


def test_fl003_lists_the_gdpr_isms_once(linter: Linter) -> None:
    text = (
        "6.4. Законные интересы Оператора\n\n"
        "11.7. Право на переносимость данных\n\n"
        "В случае утечки или несанкционированного доступа к персональным данным Оператор:\n\n"
        "2. Уведомляет уполномоченный орган в течение 72 часов\n\n"
        "При трансграничной передаче Оператор применяет стандартные договорные положения."
    )
    (finding,) = run(linter, "FL003", text)
    items = finding.params["items"]
    assert "Законные интересы Оператора" in items
    assert "переносимость" in items
    assert "стандартные договорные положения" in items
    assert len(finding.related) == len(items.split("; ")) - 1


@pytest.mark.parametrize(
    "text",
    [
        # 152-FZ's own formula is FL002's concern.
        (
            "11.4. Обработка персональных данных необходима для осуществления прав и законных интересов "
            "оператора или третьих лиц."
        ),
        # Contract necessity alone is not one of the listed GDPR-isms.
        (
            "Обработка необходима для заключения и исполнения договора, стороной которого является "
            "субъект персональных данных."
        ),
        (
            "Оператор уведомляет уполномоченный орган о нарушении безопасности персональных данных в "
            "течение 24 часов."
        ),
        (
            "Компания не назначает инспектора по защите данных и не предоставляет право на "
            "переносимость данных."
        ),
    ],
)
def test_fl003_silent(linter: Linter, text: str) -> None:
    assert run(linter, "FL003", text) == []


# ------------------------------------------------------------------------------ CH002


def test_ch002_reports_both_places(linter: Linter) -> None:
    text = (
        "21.1. Оператор вправе вносить изменения в настоящую Политику без предварительного "
        "уведомления Пользователей.\n\n"
        "21.2. Новая редакция Политики вступает в силу с момента её размещения на Сайте.\n\n"
        "Уведомление: О существенных изменениях Политики мы уведомим зарегистрированных "
        "пользователей по email не позднее чем за 7 дней до вступления изменений в силу."
    )
    (finding,) = run(linter, "CH002", text)
    assert len(finding.related) == 1
    assert finding.params["line"] == "5"
    assert "7 дней" in finding.params["other"]


def test_ch002_silent_on_an_exception_in_the_same_clause(linter: Linter) -> None:
    text = (
        "Оператор вправе вносить в Политику технические изменения без предварительного "
        "уведомления, а о существенных изменениях уведомляет пользователей за 7 дней до "
        "вступления их в силу."
    )
    assert run(linter, "CH002", text) == []


# ------------------------------------------------- near misses named by the catalogue


@pytest.mark.parametrize(
    "text",
    [
        (
            "Интернет-платформа не несет ответственность за сайты третьих лиц, на которые Покупатель "
            "может перейти по ссылкам, доступным на сайте."
        ),
        (
            "Использование неличных данных третьими лицами регулируется их собственными политиками "
            "конфиденциальности, и Интернет-платформа не несет ответственности за их использование."
        ),
        (
            "Продавец не несет ответственности за сведения, предоставленные Покупателем на интернет-сайте "
            "в общедоступной форме."
        ),
    ],
)
def test_sc002_link_and_service_disclaimers(linter: Linter, text: str) -> None:
    assert run(linter, "SC002", text) == []


def test_ch001_needs_both_clauses(linter: Linter) -> None:
    change = "Оператор вправе вносить изменения в настоящую Политику."
    use = "Продолжение использования Сайта после внесения изменений означает согласие с новой редакцией."
    assert run(linter, "CH001", change) == []
    assert run(linter, "CH001", use) == []
    assert len(run(linter, "CH001", f"{change}\n\n{use}")) == 1


def test_fl001_foreign_law_in_a_kazakhstan_policy(linter: Linter) -> None:
    text = (
        "ТОО «Бектек», БИН 251140031036, обрабатывает персональные данные в соответствии с "
        "Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных»."
    )
    assert len(run(linter, "FL001", text)) == 1
