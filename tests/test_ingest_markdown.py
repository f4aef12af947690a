"""Markdown and MDX: a policy reads as its rendered page (front matter and code left
out, list markers and table rows laid out, inline markup gone) and every character of
the prose points at the place in the file it came from, even through escapes, character
references, links and tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint.ingest import read_source
from policylint.model import InputError, SourceText
from policylint.pipeline import Linter
from tests.helpers import line_column, seed_paths
from tests.test_ingest_markup import DATA, assert_true_to_file, located


def markdown(text: str, name: str = "policy.md") -> SourceText:
    source = read_source(name, text.encode("utf-8"))
    assert_true_to_file(source)
    return source


def at(source: SourceText, phrase: str) -> int:
    """Offset in the file of the first character of ``phrase`` of the prose."""
    assert source.origin is not None
    return source.origin[source.text.index(phrase)]


# ============================================================================ the fixture


def test_policy_page_reads_as_rendered() -> None:
    source = read_source(str(DATA / "privacy.md"))
    text = source.text
    assert text.startswith("Политика конфиденциальности персональных данных\n\nНастоящая Политика")
    for hidden in ("layout: page", "permalink", "localStorage", "```", "## ", "**", "|---"):
        assert hidden not in text  # front matter, the code block, markup
    assert "\n\n• 1.1. Персональные данные - сведения" in text
    assert (
        "\n\nЦель обработки; Персональные данные; Срок хранения\n\n"
        "Оформление и доставка заказа; ФИО, телефон, адрес доставки; 3 года\n\n"
        "Информирование об акциях; адрес электронной почты (e-mail); до отзыва согласия\n\n"
        "Статистика посещений | аналитика; IP-адрес, cookie _ym_uid; 1 год\n\n"
    ) in text
    assert text.endswith("пишите на kanat.jukte@gmail.com.\nОтвет направляется в течение 30 дней.")


@pytest.mark.parametrize(
    ("rule", "phrase"),
    [("OP008", "kanat.jukte@gmail.com"), ("DL005", "30 дней с даты получения"), ("CN004", "безоговорочное согласие")],
)
def test_policy_findings_point_at_their_words(linter: Linter, rule: str, phrase: str) -> None:
    result = linter.lint_path(str(DATA / "privacy.md"))
    original = (DATA / "privacy.md").read_text(encoding="utf-8")
    assert located(result, rule) == line_column(original, phrase)


def test_seed_as_markdown_finds_what_the_seed_finds(linter: Linter) -> None:
    """Seed 003 is Markdown-like already ("- 1.1." items, <https://…> links)."""
    seed = seed_paths()[3]
    as_markdown = linter.lint_source(read_source("policy.md", seed.read_bytes()))
    as_text = linter.lint_path(str(seed))
    assert {f.rule for f in as_markdown.findings} == {f.rule for f in as_text.findings}


def test_cp1251_markdown() -> None:
    text = "# Политика конфиденциальности\n\nОператор обрабатывает **персональные данные** Покупателя.\n"
    source = read_source("policy.md", text.encode("cp1251"))
    assert source.text == "Политика конфиденциальности\n\nОператор обрабатывает персональные данные Покупателя."


# ===================================================================== inline markup


def test_inline_markup_is_removed_and_offsets_stay_true() -> None:
    text = (
        "Оператор **ТОО «Бектек»** _обрабатывает_ [персональные данные](https://bektek.kz/pd \"Данные\") "
        "и `cookie _ga` ![логотип](logo.png) &laquo;как&nbsp;указано&raquo; \\*ниже\\*."
    )
    source = markdown(text)
    assert source.text == "Оператор ТОО «Бектек» обрабатывает персональные данные и cookie _ga «как указано» *ниже*."
    assert at(source, "персональные данные") == text.index("персональные данные")
    assert at(source, "«как") == text.index("&laquo;")
    assert at(source, "*ниже") == text.index("*ниже")  # the escaped star, after its backslash
    assert at(source, ".") == text.rindex(".")


def test_link_destinations_do_not_take_the_place_of_words() -> None:
    text = "См. [раздел 3](#s3 'Цели обработки') о сроках, [адрес][contacts] и <privacy@bektek.kz>: сроки.\n\n[contacts]: /contacts"
    source = markdown(text)
    assert source.text == "См. раздел 3 о сроках, адрес и privacy@bektek.kz: сроки."
    assert at(source, "о сроках") == text.index("о сроках")
    assert at(source, "сроки.") == text.index("сроки.")


def test_line_breaks() -> None:
    text = "Первая строка  \nвторая строка\\\nтретья\nчетвёртая<br>пятая"
    assert markdown(text).text == "Первая строка\nвторая строка\nтретья четвёртая\nпятая"


def test_crlf_file() -> None:
    text = "# Заголовок\r\n\r\n1. Первый пункт\r\n2. Второй\r\n   продолжение\r\n"
    source = markdown(text)
    assert source.text == "Заголовок\n\n1. Первый пункт\n\n2. Второй продолжение"
    assert source.locate(source.text.index("продолжение")) == (5, 4, None)


# ============================================================================= blocks


def test_lists_keep_their_numbers_and_get_bullets() -> None:
    text = "1. Первый\n2) Второй\n   - вложенный\n     * глубже\n\n10. Десятый\n\n> - в цитате\n"
    source = markdown(text)
    assert source.text == "1. Первый\n\n2) Второй\n\n• вложенный\n\n• глубже\n\n10. Десятый\n\n• в цитате"
    assert at(source, "• вложенный") == text.index("- вложенный")
    assert at(source, "• глубже") == text.index("* глубже")
    assert at(source, "10.") == text.index("10.")


def test_headings_quotes_and_setext() -> None:
    text = "Политика\n========\n\n### 2. Термины ###\n\n> Цитата\n> продолжение\n\n---\n\nКонец"
    source = markdown(text)
    assert source.text == "Политика\n\n2. Термины\n\nЦитата продолжение\n\nКонец"
    assert at(source, "продолжение") == text.index("продолжение")


def test_table_rows_skip_empty_cells() -> None:
    text = "| Данные | | Срок |\n|---|---|---|\n| ФИО |  | 3 года |\n|  | e-mail | |\n"
    source = markdown(text)
    assert source.text == "Данные; Срок\n\nФИО; 3 года\n\ne-mail"
    assert text.index("ФИО") < at(source, "; 3 года") < text.index("3 года")  # between the cells


def test_code_and_front_matter_are_not_prose() -> None:
    text = "+++\ntitle = 'Политика'\n+++\nТекст.\n\n    код отступом\n\n~~~\nкод\n~~~\n\nКонец."
    assert markdown(text).text == "Текст.\n\nКонец."


def test_html_blocks_are_read_by_the_html_reader() -> None:
    text = "Текст.\n\n<div class=\"note\">\n<p>Оператор &laquo;Бектек&raquo;</p>\n<script>var x = 1;</script>\n</div>\n\n- <b>пункт</b> <span>списка</span>\n"
    source = markdown(text)
    assert source.text == "Текст.\n\nОператор «Бектек»\n\n• пункт списка"
    assert at(source, "«Бектек»") == text.index("&laquo;")


def test_liquid_values_of_jekyll_pages() -> None:
    source = markdown("Оператор {{ site.company }}, {% if site.bin %}БИН {{ site.bin }}{% endif %}.")
    assert source.text == "Оператор {site.company}, БИН {site.bin} ."  # a directive is a word break
    assert len(source.placeholders) == 2


# ================================================================================ MDX


def test_mdx_page(linter: Linter) -> None:
    path = DATA / "privacy.mdx"
    original = path.read_text(encoding="utf-8")
    source = read_source(str(path))
    for code in ("import", "export", "Callout", "TODO", "updated", "Steps", "{/*"):
        assert code not in source.text
    assert source.text.startswith("Политика конфиденциальности {frontmatter.company}\n\n")
    assert "\n\nВ случае утечки или несанкционированного доступа" in source.text  # a component's children
    assert "оператор {props.operatorName} ответит в срок." in source.text
    result = linter.lint_source(source)
    assert located(result, "DL003") == line_column(original, "72 часов")
    assert located(result, "CN001") == line_column(original, "Используя Сайт")


def test_mdx_expressions() -> None:
    text = (
        "export const company = 'ТОО «Бектек»'\n\n"
        "Оператор {company} {/* комментарий */} обрабатывает данные.\n\n"
        "{items.map((item) => <li key={item.id}>Пункт {item.name}</li>)}\n"
    )
    source = markdown(text, "policy.mdx")
    assert source.text == "Оператор {company} обрабатывает данные.\n\nПункт {item.name}"


# ========================================================================= robustness

FRAGMENTS = [
    "# ", "## ", "- ", "* ", "1. ", "2) ", "> ", "| a | b |\n|---|---|\n", "|", "**", "_", "`", "```\n",
    "[", "](", ")", "![", "<", ">", "<br>", "<div>", "</div>", "&laquo;", "&", "\\", "\n", "\n\n", "\r\n",
    "  \n", "{", "}", "{{ x }}", "---\n", "import x from 'y'\n", "Оператор обрабатывает ", "персональные данные",
    "http://bektek.kz", "privacy@bektek.kz", "ә",
]
markdown_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=10), max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(suffix=st.sampled_from([".md", ".mdx"]), text=markdown_like)
def test_any_markdown_reads_into_the_file_or_fails_cleanly(suffix: str, text: str) -> None:
    try:
        source = read_source("fuzz" + suffix, text.encode("utf-8"))
    except InputError as error:
        assert "\n" not in error.message
        return
    assert source.origin is None or all(0 <= source.origin[i] <= len(source.file_text) for i in range(len(source.text) + 1))

