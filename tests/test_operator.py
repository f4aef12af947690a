"""Legal names of the operator: ``policylint.analyze.operator``.

Texts are lines of the seed policies (checked below to occur in them), or a seed line
with the legal name swapped for another real organisation's, to show one form at a time.
"""

from __future__ import annotations

import pytest

from policylint.analyze.operator import extract_operators, name_key
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths())

Name = tuple[str, str, str]  # form, form as written, name


def names(text: str) -> list[Name]:
    return [(o.form, o.form_text, o.name) for o in extract_operators(doc_from_text(text))]


def seed_names(number: int) -> set[Name]:
    return {(o.form, o.form_text, o.name) for o in extract_operators(seed_doc(number))}


# ---------------------------------------------------------------- seed policies

SEED_LINES = [
    pytest.param(
        "1.1. Настоящая Политика конфиденциальности (далее — «Политика») является официальным "
        "документом ТОО «Бектек» (далее — «Оператор», «Компания», «мы»)",
        [("LLP", "ТОО", "Бектек")],
        id="000-too",
    ),
    pytest.param(
        "Товарищество с ограниченной ответственностью «Бектек»",
        [("LLP", "Товарищество с ограниченной ответственностью", "Бектек")],
        id="000-full-form",
    ),
    pytest.param(
        "«Электрондық коммерция орталығы» ЖШС (бұдан әрі – Оператор)",
        [("LLP", "ЖШС", "Электрондық коммерция орталығы")],
        id="001-kk-name-first",
    ),
    pytest.param(
        "1.1. «AITU - Sauda» ЖШС (бұдан əрі – «Компания»)",
        [("LLP", "ЖШС", "AITU - Sauda")],
        id="002-kk-latin-schwa",
    ),
    pytest.param(
        "1.1. ТОО «AITU - Sauda» (далее – «Компания»)",
        [("LLP", "ТОО", "AITU - Sauda")],
        id="002-ru",
    ),
    pytest.param(
        "является публичным Договором, заключенным между владельцем Интернет-платформа "
        "ИП “Jukte” (Продавец) и Покупателем",
        [("IE", "ИП", "Jukte")],
        id="003-curly-quotes",
    ),
    pytest.param(
        "«ЭСПЕРАНС-РК» ЖШС-НІҢ ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУҒА ЖӘНЕ ӨҢДЕУГЕ ҚАТЫСТЫ САЯСАТЫ",
        [("LLP", "ЖШС", "ЭСПЕРАНС-РК")],
        id="004-case-ending",
    ),
    pytest.param(
        "  2. «ЭСПЕРАНС-РК» ЖШҚ (бұдан әрі – Компания)",
        [("LLP", "ЖШҚ", "ЭСПЕРАНС-РК")],
        id="004-zhshk",
    ),
    pytest.param(
        "Мен дербес деректер субъектісі бола отырып, «ЭСПЕРАНС-РК» ЖШС-не заңнамаға қайшы "
        "келмейтін тәсілдермен",
        [("LLP", "ЖШС", "ЭСПЕРАНС-РК")],
        id="004-dative",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_LINES)
def test_seed_lines(text: str, expected: list[Name]) -> None:
    assert text in SEED_TEXT
    assert names(text) == expected


def test_seed_documents() -> None:
    assert seed_names(0) == {
        ("LLP", "ТОО", "Бектек"),
        ("LLP", "Товарищество с ограниченной ответственностью", "Бектек"),
    }
    assert seed_names(1) == {
        ("LLP", "ЖШС", "Электрондық коммерция орталығы"),
        ("LLP", "ТОО", "Электронный магазин гозакупок"),
    }
    assert seed_names(2) == {("LLP", "ЖШС", "AITU - Sauda"), ("LLP", "ТОО", "AITU - Sauda")}
    assert seed_names(3) == {("IE", "ИП", "Jukte")}
    assert seed_names(4) == {("LLP", "ЖШС", "ЭСПЕРАНС-РК"), ("LLP", "ЖШҚ", "ЭСПЕРАНС-РК")}


# ------------------------------------------------------------------- other forms

FRAME = "1.1. Настоящая Политика является официальным документом {} (далее — «Оператор»)."
KK_FRAME = "1.1. {} (бұдан әрі – «Компания») осы Құпиялылық саясатын әзірледі."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("АО «Казпочта»", ("JSC", "АО", "Казпочта")),
        ("Акционерного общества «Kaspi Bank»", ("JSC", "Акционерного общества", "Kaspi Bank")),
        ("АО Kaspi Bank", ("JSC", "АО", "Kaspi Bank")),
        ("ИП «Jukte»", ("IE", "ИП", "Jukte")),
        ("ИП Иванов И.И.", ("IE", "ИП", "Иванов И.И.")),
        (
            "индивидуального предпринимателя Сейткали Айгерим Нурлановны",
            ("IE", "индивидуального предпринимателя", "Сейткали Айгерим Нурлановны"),
        ),
        (
            "ОО „Казахстанское общество защиты прав“",
            ("PA", "ОО", "Казахстанское общество защиты прав"),
        ),
        ('ОЮЛ "Ассоциация интернет-компаний"', ("ALE", "ОЮЛ", "Ассоциация интернет-компаний")),
        (
            "РГП на ПХВ «Государственная техническая служба»",
            ("SE", "РГП", "Государственная техническая служба"),
        ),
        ("ГКП 'Алматы Су'", ("SE", "ГКП", "Алматы Су")),
        ("ТОО «Компания «Альфа-2»»", ("LLP", "ТОО", "Компания «Альфа-2»")),
    ],
)
def test_russian_forms(name: str, expected: Name) -> None:
    assert names(FRAME.format(name)) == [expected]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('"AITU - Sauda" ЖШС', ("LLP", "ЖШС", "AITU - Sauda")),
        ("ЖШС «AITU - Sauda»", ("LLP", "ЖШС", "AITU - Sauda")),
        ("«Kaspi Bank» АҚ", ("JSC", "АҚ", "Kaspi Bank")),
        ("ЖК «Jukte»", ("IE", "ЖК", "Jukte")),
        ("Жеке кәсіпкер Сейтқали", ("IE", "Жеке кәсіпкер", "Сейтқали")),
        ("«Болашақ-2030» ҚБ", ("PA", "ҚБ", "Болашақ-2030")),
        (
            "«Электрондық коммерция орталығы» жауапкершілігі шектеулі серіктестігі",
            ("LLP", "жауапкершілігі шектеулі серіктестігі", "Электрондық коммерция орталығы"),
        ),
    ],
)
def test_kazakh_forms(name: str, expected: Name) -> None:
    assert names(KK_FRAME.format(name)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # seed 001: the operator is «юридическое лицо», a kind of person, not a name
        "2.7. Оператор базы, содержащей персональные данные (далее – Оператор) – юридическое "
        "лицо, осуществляющие сбор, обработку и защиту персональных данных.",
        # RULES.md, OP001: forms listed without names
        "No legal name of the operator/owner (legal form + name: ТОО/ЖШС, АО/АҚ, ИП/ЖК, "
        "ОО/ҚБ, full name of an individual).",
        "Компания может быть ТОО и АО, юридическим лицом или ИП.",
        # «ЖК» in Russian is a residential complex, not «жеке кәсіпкер»
        "Юридический адрес: г. Астана, ЖК «Хайвилл», офис 5.",
        # seed 000: the director is not the operator
        "Руководитель: Бекмуратова Аэлита Адильбековна (Директор)",
    ],
)
def test_no_legal_name(text: str) -> None:
    assert names(text) == []


def test_individual_introduced_as_the_operator() -> None:
    text = "Оператор — Бекмуратова Аэлита Адильбековна, ИИН 790716303091."
    assert names(text) == [("individual", "", "Бекмуратова Аэлита Адильбековна")]


def test_span_covers_form_and_name() -> None:
    doc = doc_from_text("В настоящей Политике — ТОО «Бектек» (БИН: 251140031036).")
    (name,) = extract_operators(doc)
    assert doc.text[name.span.start : name.span.end] == "ТОО «Бектек»"


# --------------------------------------------------------------------- name_key


def test_name_key_same_name_in_both_versions_of_seed_002() -> None:
    kk, ru = sorted(extract_operators(seed_doc(2)), key=lambda o: o.form_text)
    assert name_key(kk.name) == name_key(ru.name) == "aitusauda"


def test_name_key_different_names_in_seed_001() -> None:
    kk_names = {name_key(o.name) for o in extract_operators(seed_doc(1))}
    assert len(kk_names) == 2  # «Электрондық коммерция орталығы» ≠ «Электронный магазин …»


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("AITU - Sauda", "AITU-Sauda"),
        ("AITU - Sauda", "aitu sauda"),
        ("ЭСПЕРАНС-РК", "Эсперанс РК"),
        ("Қазпошта", "Казпошта"),
        ("Өнім Әлемі", "Оним Алеми"),
        ("Ұлттық Ғарыш Үйі", "Улттык Гарыш Уйи"),
        ("Əлем", "Әлем"),  # Latin schwa as in seed 002
    ],
)
def test_name_key_equal(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Бектек") != name_key("Бектек Групп")
