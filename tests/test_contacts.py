"""Contacts: ``policylint.analyze.contacts``.

Texts are lines of the seed policies, quoted verbatim (NBSPs as ``\\xa0``) and checked
below to occur in them, or a seed line with one contact changed to show one format at a
time.
"""

from __future__ import annotations

import pytest

from policylint.analyze.contacts import extract_contacts, is_free_mail
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths())
BEKTEK_ADDRESS = (
    "Республика Казахстан, Актюбинская область, Хромтауский район, г. Хромтау, Проспект Абая, "
    "д. 4, кв. 145, почтовый индекс 031100"
)

Row = tuple[str, str, bool]  # kind, value, valid


def contacts(text: str) -> list[Row]:
    return [(c.kind, c.value, c.valid) for c in extract_contacts(doc_from_text(text))]


def seed_contacts(number: int) -> set[Row]:
    return {(c.kind, c.value, c.valid) for c in extract_contacts(seed_doc(number))}


# ---------------------------------------------------------------- seed policies

SEED_LINES = [
    pytest.param(
        "Для реализации своих прав направьте заявление на email:privacy@bektek.kz",
        [("email", "privacy@bektek.kz", True)],
        id="000-glued-email",
    ),
    pytest.param(
        "По вопросам персональных данных:privacy@bektek.kz",
        [("email", "privacy@bektek.kz", True)],
        id="000-glued-after-word",
    ),
    pytest.param(
        "1.8. Настоящая Политика применяется только к Сайту bektek.kz и связанным с ним сервисам.",
        [("url", "bektek.kz", True)],
        id="000-bare-domain",
    ),
    pytest.param("mdai.gov.kz", [("url", "mdai.gov.kz", True)], id="000-gov-domain"),
    pytest.param(
        "Юридический адрес: " + BEKTEK_ADDRESS,
        [("address", BEKTEK_ADDRESS, True)],
        id="000-address",
    ),
    pytest.param(
        "Редакция документа: 2.0",
        [],
        id="000-version-number",
    ),
    pytest.param(
        "11.3.\xa0\xa0 Актуальная версия Политики в свободном доступе расположена в сети "
        "Интернет по адресу\xa0https:///amart.kz/learning/",
        [("url", "https:///amart.kz/learning/", False)],
        id="001-triple-slash",
    ),
    pytest.param(
        "1.2. Настоящая политика Оператора в отношении обработки персональных данных (далее – "
        "Политика) применяется ко всей информации, которую Оператор может получить о "
        "посетителях веб-сайта\xa0https://amart.kz/.",
        [("url", "https://amart.kz", True)],
        id="001-trailing-slash-and-dot",
    ),
    pytest.param(
        "Действующая\xa0 редакция настоящей Политики размещается на сайте Компании по следующей "
        "ссылке:\xa0 www.dosmart.kz.",
        [("url", "www.dosmart.kz", True)],
        id="002-www",
    ),
    pytest.param(
        "Для\xa0 отзыва согласия Пользователю необходимо в соответствии с условиями "
        "Пользовательского\xa0 соглашения подать письменное заявление в адрес Компании, "
        "указанный в Пользовательском\xa0 соглашении.",
        [],
        id="002-address-elsewhere",
    ),
    pytest.param(
        "5.9. Все предложения или вопросы по поводу настоящей Политики конфиденциальности "
        "следует сообщать по адресу: 010000, РК, город Астана, Нажмиденова 39.",
        [("address", "010000, РК, город Астана, Нажмиденова 39", True)],
        id="003-address",
    ),
    pytest.param(
        "- 1.6. Интернет-платформа - Интернет-сайт, расположенный на сервере в г. Алматы и "
        "имеющий адрес в сети Интернет <https://jukte.kz>, на котором представлены услуги",
        [("url", "https://jukte.kz", True)],
        id="003-city-is-not-an-address",
    ),
    pytest.param(
        "16.3. Актуальная версия Политики в свободном доступе расположена в сети Интернет по "
        "адресу <https://jukte-front.vercel.app/registration>.",
        [("url", "https://jukte-front.vercel.app/registration", True)],
        id="003-markdown-url",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_LINES)
def test_seed_lines(text: str, expected: list[Row]) -> None:
    assert text in SEED_TEXT
    assert contacts(text) == expected


def test_seed_000() -> None:
    assert seed_contacts(0) == {
        ("email", "privacy@bektek.kz", True),
        ("email", "info@bektek.kz", True),
        ("url", "bektek.kz", True),
        ("url", "mdai.gov.kz", True),
        ("address", BEKTEK_ADDRESS, True),
    }
    addresses = [c for c in extract_contacts(seed_doc(0)) if c.kind == "address"]
    assert len(addresses) == 2  # 1.4 and 22, each given once


def test_seed_001_same_contacts_in_both_versions_but_one_broken_url() -> None:
    assert seed_contacts(1) == {
        ("url", "https://amart.kz", True),
        ("url", "https:///amart.kz/learning/", False),
        ("email", "support@amart.kz", True),
        ("email", "info@amart.kz", True),
    }


def test_seed_002_only_the_website() -> None:
    assert seed_contacts(2) == {("url", "www.dosmart.kz", True)}


def test_seed_003() -> None:
    assert seed_contacts(3) == {
        ("url", "http://www.jukte.kz", True),
        ("url", "https://www.jukte.kz", True),
        ("url", "https://jukte.kz", True),
        ("url", "https://jukte-front.vercel.app/registration", True),
        ("email", "kanat.jukte@gmail.com", True),
        ("address", "010000, РК, город Астана, Нажмиденова 39", True),
    }


def test_seed_004_no_contacts() -> None:
    assert seed_contacts(4) == set()


def test_span_is_the_contact_only() -> None:
    doc = doc_from_text("Для реализации своих прав направьте заявление на email:privacy@bektek.kz")
    (email,) = extract_contacts(doc)
    assert doc.text[email.span.start : email.span.end] == "privacy@bektek.kz"


# ----------------------------------------------------------------------- formats


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Общий телефон: +7 (701) 123-45-67", ("phone", "+77011234567", True)),
        ("Общий телефон: +7 701 123 45 67", ("phone", "+77011234567", True)),
        ("Общий телефон: +7(701)1234567", ("phone", "+77011234567", True)),
        ("Общий телефон: 8 (727) 356-12-34", ("phone", "+77273561234", True)),
        ("Общий телефон: 8 7172 55 66 77", ("phone", "+77172556677", True)),
        ("Общий email: Info@Bektek.KZ", ("email", "info@bektek.kz", True)),
        ("Общий email: info@@bektek.kz", ("email", "info@@bektek.kz", False)),
        ("Общий email: info @bektek.kz", ("email", "info @bektek.kz", False)),
        ("Сайт: http//bektek.kz", ("url", "http//bektek.kz", False)),
        ("Сайт: HTTPS://Bektek.kz/Privacy", ("url", "https://bektek.kz/Privacy", True)),
        ("Сайт: (см. www.bektek.kz)", ("url", "www.bektek.kz", True)),
        (
            "Сайт: [политика](https://bektek.kz/privacy?lang=ru).",
            ("url", "https://bektek.kz/privacy?lang=ru", True),
        ),
    ],
)
def test_formats(line: str, expected: Row) -> None:
    assert contacts(line) == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "Файлы policy.pdf и index.html",
        "4.5. Срок рассмотрения претензии: 15 рабочих дней",
        "Данные систем аналитики (Яндекс.Метрика)",
        "ТОО.kz",
        "Гражданский кодекс РК — статьи 115, 141-144",
        "БИН: 251140031036",
    ],
)
def test_not_contacts(line: str) -> None:
    assert contacts(line) == []


@pytest.mark.parametrize(
    ("line", "address"),
    [
        (
            "Мекенжайы: 050000, Алматы қ., Абай даңғылы, 10 үй, 5 кеңсе.",
            "050000, Алматы қ., Абай даңғылы, 10 үй, 5 кеңсе",
        ),
        (
            "Юридический адрес: г. Алматы, ул. Жибек Жолы, 50, офис 12.",
            "г. Алматы, ул. Жибек Жолы, 50, офис 12",
        ),
        (
            "Заңды мекенжайы: Ақтөбе облысы, Хромтау ауданы, Хромтау қаласы, Абай даңғылы, 4 үй",
            "Ақтөбе облысы, Хромтау ауданы, Хромтау қаласы, Абай даңғылы, 4 үй",
        ),
    ],
)
def test_addresses(line: str, address: str) -> None:
    assert contacts(line) == [("address", address, True)]


@pytest.mark.parametrize(
    "line",
    [
        "Юридический адрес: г. Алматы",
        "Хранение осуществляется на серверах в г. Астана, Республика Казахстан.",
        "Ақтөбе облысы, Хромтау ауданы",
    ],
)
def test_a_city_or_region_alone_is_not_an_address(line: str) -> None:
    assert contacts(line) == []


# -------------------------------------------------------------------- free mail


@pytest.mark.parametrize(
    "email", ["kanat.jukte@gmail.com", "Info@Mail.ru", "x@yandex.kz", "x@bk.ru", "x@inbox.ru"]
)
def test_free_mail(email: str) -> None:
    assert is_free_mail(email)


@pytest.mark.parametrize(
    "email", ["privacy@bektek.kz", "support@amart.kz", "x@mail.company.kz", "x@gmail.com.kz"]
)
def test_company_mail(email: str) -> None:
    assert not is_free_mail(email)
