"""Services and foreign places: ``policylint.analyze.services`` and
``rules/data/services.yaml``.

Texts are lines of the seed policies, quoted verbatim (NBSPs as ``\\xa0``) and checked
below to occur in them, or a seed line with the service or the country changed.
"""

from __future__ import annotations

import re

import pytest

from policylint.analyze.services import extract_services
from policylint.resources import load_data
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths())

Row = tuple[str, str, str, bool]  # kind, name, country, foreign


def mentions(text: str) -> list[Row]:
    return [
        (m.kind, m.service, m.country, m.foreign) for m in extract_services(doc_from_text(text))
    ]


def seed_mentions(number: int) -> set[Row]:
    return {(m.kind, m.service, m.country, m.foreign) for m in extract_services(seed_doc(number))}


YANDEX = ("service", "Yandex.Metrica", "RU", True)
GOOGLE_ANALYTICS = ("service", "Google Analytics", "US", True)
RUSSIA = ("country", "Russia", "RU", True)
EU = ("country", "European Union", "EU", True)

# ---------------------------------------------------------------- seed policies

SEED_LINES = [
    pytest.param(
        "Мессенджеры (Telegram, WhatsApp)Оперативная связь, поддержкаОпционально",
        [("service", "Telegram", "AE", True), ("service", "WhatsApp", "US", True)],
        id="000-messengers",
    ),
    pytest.param("  • • Данные систем аналитики (Яндекс.Метрика)", [YANDEX], id="000-metrica"),
    pytest.param(
        "Платёжные системы (Kaspi, Halyk)Обработка платежейФИО, сумма, назначение платежа",
        [("service", "Kaspi", "KZ", False), ("service", "Halyk Bank", "KZ", False)],
        id="000-kazakh-banks",
    ),
    pytest.param("🇷🇺 Россия", [RUSSIA], id="000-flag-russia"),
    pytest.param("🇪🇺 ЕС", [EU], id="000-flag-eu"),
    pytest.param("🇰🇿 Казахстан", [], id="000-kazakhstan-is-not-foreign"),
    pytest.param(
        "4.2. Также на сайте происходит сбор и обработка обезличенных данных о посетителях "
        "(в т.ч. файлов «cookie») с помощью сервисов интернет-статистики (Яндекс Метрика и "
        "Гугл Аналитика и других).",
        [("service", "Yandex.Metrica", "RU", True), GOOGLE_ANALYTICS],
        id="001-ru",
    ),
    pytest.param(
        "4.2. Сондай-ақ сайтта интернет-статистика сервистерінің (Яндекс Метрика және Гугл "
        "Аналитика және басқалар) көмегімен келушілер туралы иесіздендірілген деректерді (оның "
        "ішінде «cookie» файлдарын) жинау және өңдеу жүргізіледі.",
        [YANDEX, GOOGLE_ANALYTICS],
        id="001-kk",
    ),
    pytest.param(
        "Apple ID, ID социальных сетей, включая, но не ограничиваясь: ВКонтакте, Facebook, "
        "Google,\xa0 иное;\xa0",
        [
            ("service", "Apple", "US", True),
            ("service", "VK", "RU", True),
            ("service", "Meta", "US", True),
            ("service", "Google", "US", True),
        ],
        id="002-social-ids",
    ),
    pytest.param(
        "16.3. Актуальная версия Политики в свободном доступе расположена в сети Интернет по "
        "адресу <https://jukte-front.vercel.app/registration>.",
        [("service", "Vercel", "US", True)],
        id="003-vercel-host",
    ),
    pytest.param("Топ-100", [], id="004-page-chrome-top-100"),
    pytest.param(
        "Мен дербес деректер субъектісі бола отырып, «ЭСПЕРАНС-РК» ЖШС-не заңнамаға қайшы "
        "келмейтін тәсілдермен менің дербес деректерімді жинауға, жүйелеуге, жинақтауға, "
        "сақтауға (нақтылау, жаңарту, өзгерту), пайдалануға, үшінші тұлғаларға беруге (оның "
        "ішінде РФ аумағына трансшекаралық беруге)",
        [RUSSIA],
        id="004-rf-territory",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_LINES)
def test_seed_lines(text: str, expected: list[Row]) -> None:
    assert text in SEED_TEXT
    assert mentions(text) == expected


def test_seed_documents() -> None:
    assert seed_mentions(0) == {
        ("service", "Telegram", "AE", True),
        ("service", "WhatsApp", "US", True),
        YANDEX,
        ("service", "Kaspi", "KZ", False),
        ("service", "Halyk Bank", "KZ", False),
        RUSSIA,
        EU,
    }
    assert seed_mentions(1) == {YANDEX, GOOGLE_ANALYTICS}
    assert seed_mentions(3) == {YANDEX, GOOGLE_ANALYTICS, ("service", "Vercel", "US", True)}
    assert seed_mentions(4) == {RUSSIA}


def test_span_of_a_host_includes_its_subdomains() -> None:
    doc = doc_from_text("адресу <https://jukte-front.vercel.app/registration>.")
    (vercel,) = extract_services(doc)
    assert doc.text[vercel.span.start : vercel.span.end] == "jukte-front.vercel.app"


# ------------------------------------------------------------- the service list

LISTED = [
    ("Яндекс.Метрика", "Yandex.Metrica", "RU"),
    ("Яндекс Метрикой", "Yandex.Metrica", "RU"),
    ("Yandex.Metrica", "Yandex.Metrica", "RU"),
    ("Гугл Аналитики", "Google Analytics", "US"),
    ("Google Analytics", "Google Analytics", "US"),
    ("Google Tag Manager", "Google Tag Manager", "US"),
    ("Google Ads", "Google Ads", "US"),
    ("Firebase", "Firebase", "US"),
    ("Google Cloud", "Google Cloud", "US"),
    ("Meta Pixel", "Meta Pixel", "US"),
    ("Facebook Pixel", "Meta Pixel", "US"),
    ("VK Pixel", "VK Pixel", "RU"),
    ("Пиксель ВКонтакте", "VK Pixel", "RU"),
    ("Top.Mail.Ru", "Top.Mail.Ru", "RU"),
    ("Рейтинг Mail.ru", "Top.Mail.Ru", "RU"),
    ("Hotjar", "Hotjar", "MT"),
    ("Mailchimp", "Mailchimp", "US"),
    ("SendGrid", "SendGrid", "US"),
    ("AWS", "Amazon Web Services", "US"),
    ("Amazon Web Services", "Amazon Web Services", "US"),
    ("Microsoft Azure", "Microsoft Azure", "US"),
    ("Cloudflare", "Cloudflare", "US"),
    ("Vercel", "Vercel", "US"),
    ("Netlify", "Netlify", "US"),
    ("OpenAI", "OpenAI", "US"),
    ("ChatGPT", "OpenAI", "US"),
    ("Telegram", "Telegram", "AE"),
    ("WhatsApp", "WhatsApp", "US"),
    ("Zoom", "Zoom", "US"),
    ("Stripe", "Stripe", "US"),
    ("Sentry", "Sentry", "US"),
    ("Backblaze", "Backblaze", "US"),
    ("Bitrix24", "Bitrix24", "RU"),
    ("amoCRM", "amoCRM", "RU"),
    ("Tilda", "Tilda", "RU"),
    ("Jivo", "Jivo", "RU"),
    ("Яндекс.Директ", "Yandex.Direct", "RU"),
    ("Mail.ru", "Mail.ru", "RU"),
    ("Gmail", "Gmail", "US"),
    ("Kaspi.kz", "Kaspi", "KZ"),
    ("Halyk Bank", "Halyk Bank", "KZ"),
    ("ps.kz", "ps.kz", "KZ"),
    ("hoster.kz", "hoster.kz", "KZ"),
    ("Казахтелеком", "Kazakhtelecom", "KZ"),
    ("Beeline KZ", "Beeline KZ", "KZ"),
]


@pytest.mark.parametrize(("written", "name", "country"), LISTED)
def test_listed_services(written: str, name: str, country: str) -> None:
    line = f"  • • Данные систем аналитики ({written})"
    assert mentions(line) == [("service", name, country, country != "KZ")]


def test_vocabulary_is_well_formed() -> None:
    data = load_data("services.yaml")
    seen: dict[str, str] = {}
    for spec in data["services"] + data["countries"]:
        code = spec.get("country") or spec["code"]
        assert re.fullmatch(r"[A-Z]{2}", code), spec["name"]
        for alias in spec.get("aliases", []) + spec.get("exact", []) + spec.get("hosts", []):
            key = alias.lower() if alias in spec.get("aliases", []) else alias
            assert seen.setdefault(key, spec["name"]) == spec["name"], f"{alias!r} used twice"


@pytest.mark.parametrize(
    "line",
    [
        "Пишите на kanat.jukte@gmail.com или ivan@mail.ru",  # e-mail domains
        "Вы можете отключить cookies в настройках браузера Google Chrome.",
        "Стоимость: 1 102 118 ₸ за Топ-100 товаров",
    ],
)
def test_not_services(line: str) -> None:
    assert mentions(line) == []


def test_hosting_in_kazakhstan_makes_a_service_kazakh() -> None:
    line = "Данные клиентов хранятся в amoCRM, размещённой на серверах в Республике Казахстан."
    assert mentions(line) == [("service", "amoCRM", "KZ", False)]
    assert mentions("Данные клиентов хранятся в amoCRM.") == [("service", "amoCRM", "RU", True)]


# --------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Трансграничная передача персональных данных на территорию Российской Федерации",
            [RUSSIA],
        ),
        ("Резервные копии хранятся на серверах в ЕС.", [EU]),
        (
            "Резервные копии хранятся в дата-центрах в Германии и Нидерландах.",
            [
                ("country", "Germany", "DE", True),
                ("country", "Netherlands", "NL", True),
            ],
        ),
        ("Данные хранятся на территории Республики Казахстан и Российской Федерации.", [RUSSIA]),
        ("Яндекс.Метрика (Россия)", [YANDEX, RUSSIA]),
        (
            "Деректер Ресейге және АҚШ-қа берілуі мүмкін.",
            [RUSSIA, ("country", "United States", "US", True)],
        ),
        ("Деректер Еуропалық одағында сақталады.", [EU]),
    ],
)
def test_countries_named_as_places(line: str, expected: list[Row]) -> None:
    assert mentions(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Политика составлена в соответствии с Федеральным законом № 152-ФЗ Российской Федерации.",
        "Оператор соблюдает действующее в РФ законодательство о персональных данных.",
        "Граждане Российской Федерации вправе обратиться к Оператору.",
        "Ресейдің заңнамасы қолданылмайды.",
        "Общий регламент ЕС по защите данных",
    ],
)
def test_countries_not_named_as_places(line: str) -> None:
    assert [m for m in mentions(line) if m[0] == "country"] == []
