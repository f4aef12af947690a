"""DOC001–DOC004: document hygiene checks, on hand-built documents and on the seeds."""

from __future__ import annotations

import pytest

from policylint.analyze.lexicon import load_lexicon, match_topics
from policylint.model import Contact, Document, Facts, Span
from policylint.pipeline import Linter
from policylint.rules.catalog import load_catalog
from policylint.rules.checks import hygiene
from tests.helpers import seed_paths
from tests.test_checks_versions import make_doc

CATALOG = load_catalog()


# ------------------------------------------------------------------------ DOC001


@pytest.mark.parametrize(
    "text, found",
    [
        ("privacy.title", "privacy.title"),
        ("Обновлено: privacy.lastUpdate", "privacy.lastUpdate"),
        ("Оператор — {{company}}.", "{{company}}"),
        ("Оператор — ${OPERATOR}.", "${OPERATOR}"),
        ("Оператор — {company_name}.", "{company_name}"),
        ("Адрес: [юридический адрес Оператора].", "[юридический адрес Оператора]"),
        ("Адрес: [ЗАПОЛНИТЕ].", "[ЗАПОЛНИТЕ]"),
        ("БСН: [толтырыңыз].", "[толтырыңыз]"),
        ("БИН: ____________", "____________"),
        ("БИН: ХХХХХХХХХХХХ", "ХХХХХХХХХХХХ"),
    ],
)
def test_doc001_finds_placeholders(text: str, found: str) -> None:
    doc = make_doc([("ru", None, text)])
    [place] = hygiene._placeholders(doc)
    assert doc.text[place.span.start : place.span.end] == found


@pytest.mark.parametrize(
    "text",
    [
        "Сайт bektek.kz и почта privacy@bektek.kz.",
        "bektek.kz",
        "mdai.gov.kz",
        "policy.pdf",
        "[Статья 12. Накопление и хранение персональных данных](#)",
        "по протоколу TLS v1.2, т.е. e.g. защищённо",
        "Подробнее — в разделе [1] и (#).",
        "[Статья 9. Сбор, обработка персональных данных без согласия субъекта]",
        "Адрес сайта: <https://jukte.kz>.",
    ],
)
def test_doc001_ignores_ordinary_text(text: str) -> None:
    assert hygiene._placeholders(make_doc([("ru", None, text)])) == []


def test_doc001_one_finding_with_the_other_keys_related() -> None:
    doc = make_doc(
        [
            ("ru", None, "privacy.title"),
            ("ru", None, "privacy.lastUpdate"),
            ("ru", None, "Настоящая Политика конфиденциальности определяет порядок обработки."),
        ]
    )
    [finding] = hygiene.placeholders(CATALOG["DOC001"], doc, Facts())
    assert finding.params["found"] == "privacy.title"
    assert finding.related == [doc.clauses[1].span]


# ------------------------------------------------------------------------ DOC002


def numbered(lang: str, *paragraphs: str) -> list[tuple[str, str | None, str]]:
    """Paragraphs with the clause numbers a segmenter gives them ("1)" → "1")."""
    out = []
    for p in paragraphs:
        m = hygiene._LEAD_NUMBER.match(p)
        is_number = m is not None and (m.group(2) or m.end() == len(p) or p[m.end()].isspace())
        out.append((lang, m.group(1) if m and is_number else None, p))
    return out


def numbering(doc: Document):
    return hygiene.numbering(CATALOG["DOC002"], doc, Facts())


def test_doc002_duplicate_clause_number() -> None:
    doc = make_doc(
        numbered(
            "ru", "3.3. Процедуры.", "3.4. Договоры с третьими лицами.", "3.4. Протокол HTTPS."
        )
    )
    [finding] = numbering(doc)
    assert finding.span == doc.clauses[2].span
    assert finding.related == [doc.clauses[1].span]
    assert finding.params["variant"] == "duplicate" and finding.params["number"] == "3.4"


def test_doc002_each_version_has_its_own_numbering() -> None:
    doc = make_doc(
        numbered("kk", "1.1. Жалпы.", "1.2. Мақсат.") + numbered("ru", "1.1. Общие.", "1.2. Цель.")
    )
    assert numbering(doc) == []


def test_doc002_restart_of_top_level_numbers() -> None:
    doc = make_doc(
        numbered(
            "kk",
            "1. ЖАЛПЫ ЕРЕЖЕЛЕР",
            "2. Компания деректерді өңдейді.",
            "3. Терминдер Заңдағы мағынада.",
            "1. ДЕРБЕС ДЕРЕКТЕРДІ ӨҢДЕУДІҢ МАҚСАТТАРЫ",
        )
    )
    [finding] = numbering(doc)
    assert finding.params["variant"] == "restart" and finding.span == doc.clauses[3].span


@pytest.mark.parametrize(
    "paragraphs",
    [
        # lists after a sub-clause or an introduction ending with a colon
        (
            "10.4. Действия при инцидентах",
            "В случае утечки Оператор:",
            "1. Принимает меры",
            "2. Уведомляет",
            "11",
            "Права субъекта",
            "18.1. Способы отзыва согласия",
            "1. Направить заявление",
            "2. Через личный кабинет",
        ),
        # «1)» lists restart after any paragraph
        (
            "3.2. Способы защиты:",
            "1) предотвращение доступа;",
            "2) обнаружение доступа.",
            "Компания также обеспечивает:",
            "1) конфиденциальность;",
            "2) целостность.",
        ),
        # sub-numbers and markdown bullets
        (
            "1. Определение терминов",
            "- 1.1. Персональные данные",
            "- 1.2. Неличные данные",
            "7.11. Согласие",
            "7.11.1 Согласие предоставляется",
            "7.11.2 Оператор публикует",
            "8. Принципы",
        ),
    ],
)
def test_doc002_ordinary_lists_are_fine(paragraphs) -> None:
    assert numbering(make_doc(numbered("ru", *paragraphs))) == []


# ------------------------------------------------------------------------ DOC003


def test_doc003_one_finding_for_the_same_malformed_url() -> None:
    doc = make_doc(
        [
            ("kk", "11.3", "11.3. https:///amart.kz/learning/"),
            ("ru", "11.3", "11.3. https:///amart.kz/learning/"),
        ]
    )
    bad = [
        Contact(
            "url", "https:///amart.kz/learning/", Span(c.span.start + 6, c.span.end), c.index, False
        )
        for c in doc.clauses
    ]
    good = Contact("email", "info@amart.kz", Span(0, 1), 0, True)
    [finding] = hygiene.malformed_contacts(CATALOG["DOC003"], doc, Facts(contacts=[good, *bad]))
    assert finding.span == bad[0].span and finding.related == [bad[1].span]
    assert "https:///amart.kz/learning/" in CATALOG["DOC003"].text("message", "ru", finding.params)


# ------------------------------------------------------------------------ DOC004

LEXICON = load_lexicon()


def dated(text: str) -> bool:
    doc = make_doc([("ru", None, p) for p in text.split("\n\n")])
    facts = Facts(topics=match_topics(doc, LEXICON))
    return hygiene.no_edition(CATALOG["DOC004"], doc, facts) == []


@pytest.mark.parametrize(
    "text",
    [
        "Редакция документа: 2.0",
        "Дата публикации: 19 января 2026 г.",
        "Последнее обновление: 01.02.2026",
        "Настоящая Политика утверждена приказом № 12 от 15.01.2026 и вступает в силу с 01.02.2026.",
        "Редакция № 3 от 01.03.2026",
        "Осы Саясат 2026 жылғы 1 ақпаннан бастап күшіне енеді.",
        "Соңғы жаңартылған күні: 19.01.2026",
        "Last updated: 19 January 2026",
    ],
)
def test_doc004_date_or_version_of_the_policy(text: str) -> None:
    assert dated(text)


@pytest.mark.parametrize(
    "text",
    [
        "1.5. Новая редакция Политики вступает в силу с момента (даты) ее опубликования.",
        "Закон Республики Казахстан от 21 мая 2013 года № 94-V (с изменениями и дополнениями по состоянию на 03.03.2023 г.).",
        "Саясаттың жаңа редакциясы ол жарияланған кезден (күннен) бастап күшіне енеді.",
        "Политика действует бессрочно до замены ее новой версией.",
        "Сервисы используют протокол TLS версии 1.2.",
        "privacy.lastUpdate",
    ],
)
def test_doc004_no_date_of_the_policy(text: str) -> None:
    assert not dated(text)


# ------------------------------------------------------------------------ seeds

EXPECTED = {
    "DOC001": {0},
    "DOC002": {2, 4},
    "DOC003": {1},
    "DOC004": {1, 2, 3, 4},
}


@pytest.fixture(scope="module")
def results():
    linter = Linter.load(selected=lambda rule_id, path: rule_id.startswith("DOC"))
    return [linter.lint_path(str(path)) for path in seed_paths()]


@pytest.mark.parametrize("seed", range(5))
def test_seed_findings(results, seed: int) -> None:
    fired = {f.rule for f in results[seed].findings}
    assert fired == {rule for rule, seeds in EXPECTED.items() if seed in seeds}


def test_seed_000_keys_at_the_top(results) -> None:
    result = results[0]
    [finding] = [f for f in result.findings if f.rule == "DOC001"]
    lines = [result.document.locate(s.start).line for s in [finding.span, *finding.related]]
    assert lines == [1, 3, 5]


def test_seed_001_malformed_url_in_both_versions(results) -> None:
    result = results[1]
    [finding] = [f for f in result.findings if f.rule == "DOC003"]
    lines = [result.document.locate(s.start).line for s in [finding.span, *finding.related]]
    assert lines == [211, 429]
