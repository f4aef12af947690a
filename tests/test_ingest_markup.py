"""HTML pages, server templates, Vue, Svelte and Astro components: a page reads as a
visitor sees it (navigation, scripts, hidden blocks and template syntax left out, list
items and table rows laid out), every character of the prose points at the place in the
file it came from, and findings are reported at the line and column of their words.

The fixtures in ``data/web/markup`` are the shapes real sites have (a WordPress theme, a
Laravel view pasted from Word, Django, Twig, a Vue component with ``<i18n>`` blocks, a
Svelte and an Astro page, an old cp1251 page laid out with tables), filled with the
wording of the seed policies.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylint.ingest import read_source
from policylint.ingest.markup import add_html, front_matter, read_html
from policylint.ingest.prose import ProseBuilder, TemplateText, template_pieces
from policylint.model import FileResult, InputError, SourceText
from policylint.pipeline import NO_POLICY_TEXT, Linter
from tests.helpers import line_column, seed_paths

DATA = Path(__file__).parent / "data" / "web" / "markup"
#: Characters the reader writes that are not in the file: list bullets, the separator
#: of table cells, and the white space between words and lines.
SYNTHETIC = frozenset("•; \n")


def lint(linter: Linter, name: str) -> FileResult:
    result = linter.lint_path(str(DATA / name))
    assert result.error is None, result.error
    return result




def located(result: FileResult, rule: str) -> tuple[int, int]:
    finding = next(f for f in result.findings if f.rule == rule)
    assert result.document is not None
    where = result.document.locate(finding.span.start)
    return where.line, where.column


def origin_of(source: SourceText, phrase: str) -> str:
    """The stretch of the original file that ``phrase`` of the extracted text came from."""
    assert source.origin is not None
    start = source.text.index(phrase)
    return source.file_text[source.origin[start] : source.origin[start + len(phrase) - 1] + 1]


def assert_true_to_file(source: SourceText) -> None:
    """Every character of the prose maps to itself in the file — or to the character
    reference, backslash escape or placeholder it came from, or is a synthetic bullet,
    separator or space."""
    assert source.origin is not None
    original = source.file_text
    placeholder_chars = {i for start, end in source.placeholders for i in range(start, end)}
    for index, char in enumerate(source.text):
        at = source.origin[index]
        if index in placeholder_chars or char in SYNTHETIC or char.isspace() or original[at] == char:
            continue
        if original[at] == "&":
            reference = original[at : at + 40]  # a reference is at most 33 characters
            assert char in html.unescape(reference), (index, char, reference)
        else:
            assert original[at] == "\\", (index, char, original[at : at + 20])


def html_source(markup: str, name: str = "page.html") -> SourceText:
    return read_source(name, markup.encode("utf-8"))


# ============================================================== the fixtures, read


@pytest.mark.parametrize("name", sorted(path.name for path in DATA.iterdir()))
def test_every_character_comes_from_its_place_in_the_file(name: str) -> None:
    source = read_source(str(DATA / name))
    assert source.kind == "source"
    assert_true_to_file(source)
    assert "<" not in source.text.replace("<http", "")  # no tags, only the seed's <http…> links
    for reference in ("&laquo;", "&nbsp;", "&mdash;", "&#8212;", "&copy;"):
        assert reference not in source.text


def test_wordpress_page_reads_as_the_visitor_sees_it() -> None:
    text = read_source(str(DATA / "wordpress-privacy.html")).text
    assert text.startswith("Политика конфиденциальности персональных данных — Jukte\n\n")  # <title>
    for chrome in ("Каталог мебели", "Доставка и оплата", "Меню", "ym(", "cnArgs", "console.log",
                   "wp--preset", "mc.yandex.ru", "Поделиться политикой", "Запись обновлена"):
        assert chrome not in text  # navigation, scripts, styles, aria-hidden, display: none
    assert "© 2024 ИП «Jukte», БИН 790716303091\nг. Алматы, e-mail: kanat.jukte@gmail.com" in text
    assert "Мы используем cookie для улучшения работы сайта" in text  # the cookie banner is read
    assert "\n\n• 1.1. Персональные данные - сведения" in text


def test_wordpress_page_finds_what_the_seed_as_plain_text_finds(linter: Linter) -> None:
    page = lint(linter, "wordpress-privacy.html")
    seed = linter.lint_path(str(seed_paths()[3]))
    assert {f.rule for f in page.findings} == {f.rule for f in seed.findings}


@pytest.mark.parametrize(
    ("rule", "phrase", "occurrence"),
    [
        ("SC002", "не несет ответственности за убытки", 0),
        ("CN004", "безоговорочное согласие", 0),
        ("OP008", "kanat.jukte@gmail.com с пометкой", 0),
        ("DL005", "30 дней с даты получения", 0),
        ("CB003", "исполнения договора, стороной которого", 1),
    ],
)
def test_wordpress_findings_point_at_their_words(linter: Linter, rule: str, phrase: str, occurrence: int) -> None:
    original = (DATA / "wordpress-privacy.html").read_text(encoding="utf-8")
    assert located(lint(linter, "wordpress-privacy.html"), rule) == line_column(original, phrase, occurrence=occurrence)


def test_wordpress_finding_excerpts_hold_no_markup(linter: Linter) -> None:
    result = lint(linter, "wordpress-privacy.html")
    assert result.document is not None
    for finding in result.findings:
        excerpt = result.document.text[finding.span.start : finding.span.end]
        assert "<" not in excerpt and ">" not in excerpt and "&" not in excerpt, (finding.rule, excerpt)


def test_blade_view_pasted_from_word(linter: Linter) -> None:
    path = DATA / "privacy.blade.php"
    assert b"\r\n" in path.read_bytes()
    source = read_source(str(path))
    for residue in ("[if", "endif", "mso-", "o:p", "Старая редакция", "Текст вставлен", "@section", "@if"):
        assert residue not in source.text
    # __('…') prints its sentence: prose, mapped into the string literal
    assert source.text.startswith("Политика конфиденциальности\n\n")
    assert origin_of(source, "Политика конфиденциальности") == "Политика конфиденциальности"
    assert source.file_text[source.origin[0] - 4 : source.origin[0]] == "__('"
    # Word's list numbers are the visible numbers of the items
    assert "\n\n2. Уведомляет уполномоченный орган в течение 72 часов\n\n" in source.text
    assert "Редакция от {policy.updated_at.format}" in source.text
    assert "Реквизиты: {company.requisites_html}" in source.text
    result = linter.lint_source(source)
    original = path.read_text(encoding="utf-8")
    assert located(result, "DL003") == line_column(original, "72 часов")
    assert located(result, "AU001") == line_column(original, "Министерство цифрового развития")
    assert located(result, "CN001") == line_column(original, "Используя Сайт, регистрируясь")
    runtime = [f for f in result.findings if f.rule == "DOC001"]
    assert [f.severity for f in runtime] == ["info"]  # values filled in at run time, not leftovers


def test_django_template_translations(linter: Linter) -> None:
    path = DATA / "django-privacy.html"
    original = path.read_text(encoding="utf-8")
    source = read_source(str(path))
    # {% trans "…" %} with a sentence is prose; with a key it is a placeholder
    assert "\n\nҚұпиялылық саясаты\n\n{privacy.updated}: {policy.updated}\n\n" in source.text
    assert source.origin[source.text.index("Құпиялылық саясаты\n\n{")] == original.index('Құпиялылық саясаты" %}</h1>')
    # {% blocktrans %} is prose with its variables as placeholders
    assert "1.1. «{company_name}» ЖШС (бұдан əрі – «Компания»)" in source.text
    assert "Құрметті {name}, сіздің деректеріңіз қорғалған." in source.text
    for dropped in ("мерзімсіз сақтайды", "заңгерлер бекіткен", "pages:contacts", "blocktrans", "endif"):
        assert dropped not in source.text  # {% comment %}, {# #}, {% url %}, tags
    result = linter.lint_source(source)
    assert result.document is not None and result.document.languages == ["kk"]
    assert located(result, "SC002") == line_column(original, "қауіпсіздігіне")
    assert located(result, "TP001") == line_column(original, "қазіргі уақытта да, болашақта да")


def test_twig_page(linter: Linter) -> None:
    path = DATA / "privacy.twig"
    original = path.read_text(encoding="utf-8")
    source = read_source(str(path))
    assert source.text.startswith("{privacy.title} — {app_name}\n\n{privacy.title}\n\n«ЭСПЕРАНС-РК»")
    assert "Сұрақтар бойынша: info@esperans.kz" in source.text  # '…'|trans of a sentence
    result = linter.lint_source(source)
    assert located(result, "CN003") == line_column(original, "кемінде 10 жұмыс күні")
    assert located(result, "CN004") == line_column(original, "сөзсіз келісім")


def test_vue_component_with_i18n_blocks(linter: Linter) -> None:
    path = DATA / "PrivacyPolicy.vue"
    original = path.read_text(encoding="utf-8")
    source = read_source(str(path))
    assert source.text.startswith("{privacy.general}\n\n{privacy.intro}\n\n")  # $t keys in the template
    assert "Профиль" in source.text  # a nested <template v-if> renders
    assert "scss" not in source.text and "max-width" not in source.text
    kazakh, russian = source.text.index("Құпиялылық саясаты"), source.text.index("ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ")
    assert kazakh < russian
    result = linter.lint_source(source)
    assert result.document is not None and result.document.languages == ["kk", "ru"]
    assert located(result, "BL002") == line_column(original, "support@amart.kz")
    assert located(result, "OP007") == line_column(original, "ТОО «Электронный магазин гозакупок»")
    assert located(result, "DOC003") == line_column(original, "https:///amart.kz/learning/")


def test_vue_yaml_messages_and_blocks_that_are_not_the_page() -> None:
    component = (
        '<template lang="pug">\np Шаблон на Pug не читается\n</template>\n'
        '<i18n lang="yaml">\nkk:\n  title: Құпиялылық саясаты\nru:\n  title: Политика конфиденциальности\n</i18n>\n'
        '<i18n src="./privacy.json"></i18n>\n<docs>\n# Документация компонента\n</docs>\n'
    )
    source = read_source("Policy.vue", component.encode("utf-8"))
    assert source.text == "Құпиялылық саясаты\n\nПолитика конфиденциальности"
    assert source.origin[0] == component.index("Құпиялылық")


def test_svelte_page(linter: Linter) -> None:
    path = DATA / "PrivacyPolicy.svelte"
    original = path.read_text(encoding="utf-8")
    source = read_source(str(path))
    assert "Оператор персональных данных — {company}, БИН 251140031036." in source.text
    assert "\n\n• {purpose.title}\n\nЦели обработки указаны в разделе 3." in source.text
    assert "ТОО «Бектек»" in source.text  # the script's string literal
    for code in ("#if", "/if", ":else", "#each", "purposes.length", "onMount", "position: fixed", "accepted"):
        assert code not in source.text
    result = linter.lint_source(source)
    assert located(result, "DL003") == line_column(original, "72 часов")
    assert located(result, "CH001") == line_column(original, "Продолжение использования Сайта")


def test_astro_page() -> None:
    source = read_source(str(DATA / "privacy.astro"))
    assert source.text.startswith("«AITU - Sauda» ЖШС")  # front matter, read as a script
    assert "Дербес деректер операторы: {company}." in source.text
    assert "Саясат Сервистерге ғана қолданылады." in source.text  # JSX inside an expression
    for code in ("BaseLayout", "sections.length", "&&", "import", "section.title"):
        assert code not in source.text


def test_layout_component_without_prose_is_skipped(linter: Linter) -> None:
    result = linter.lint_path(str(DATA / "DefaultLayout.vue"))
    assert result.skipped == NO_POLICY_TEXT and result.error is None


def test_cp1251_page_laid_out_with_tables(linter: Linter) -> None:
    path = DATA / "privacy-cp1251.html"
    source = read_source(str(path))
    assert source.encoding == "cp1251"
    assert "Главная Каталог Конфиденциальность\n\nПолитика конфиденциальности персональных данных\n\n2.2.1." in source.text
    assert "\n\nДанные; Цель\n\nФ.И.О., телефон; оформление заказа доставка\n\n" in source.text
    result = linter.lint_source(source)
    original = path.read_bytes().decode("cp1251")
    assert located(result, "SC002") == line_column(original, "не несет ответственности за убытки")
    assert located(result, "OP004") == line_column(original, "БИН 790716303091")


# ================================================================ layout, piece by piece


def test_blocks_lists_rows_and_line_breaks() -> None:
    markup = (
        "<div><h2>3. Цели</h2><p>Оператор <b>обрабатывает</b>\n<i>данные</i>:<br>для доставки"
        "<ul><li>ФИО<li>телефон</ul>"
        "<table>\n<tr>\n  <th>Данные</th>\n  <th></th> <th>Срок</th></tr><tr><td>ФИО</td><td>3 года</td></tr></table>"
        "<pre>строка 1\nстрока 2</pre></div>"
    )
    source = html_source(markup)
    assert source.text == (
        "3. Цели\n\nОператор обрабатывает данные:\nдля доставки\n\n• ФИО\n\n• телефон\n\n"
        "Данные; Срок\n\nФИО; 3 года\n\nстрока 1\nстрока 2"
    )
    assert source.origin[source.text.index("• ФИО")] == markup.index("<li>ФИО")
    assert source.origin[source.text.index("; Срок")] == markup.index("<th>Срок")


def test_inline_tags_join_words_without_inventing_spaces() -> None:
    source = html_source("<p><b>Опера</b>тор  <span>ТОО</span>\n\t«Бектек»</p>")
    assert source.text == "Оператор ТОО «Бектек»"


def test_character_references_decode_to_their_place() -> None:
    markup = "<p>ТОО&nbsp;&laquo;Бектек&raquo; &#8212; оператор &amp; владелец</p>"
    source = html_source(markup)
    assert source.text == "ТОО «Бектек» — оператор & владелец"
    assert source.origin[source.text.index("«")] == markup.index("&laquo;")
    assert source.origin[source.text.index("—")] == markup.index("&#8212;")


@pytest.mark.parametrize(
    "hidden",
    [
        "<nav>Меню сайта</nav>", "<div hidden>Меню сайта</div>", '<div aria-hidden="true">Меню сайта</div>',
        '<p style="display: none">Меню сайта</p>', "<p style='mso-hide:all'>Меню сайта</p>",
        "<script>var s = '</p>Меню сайта';</script>", "<style>p::before { content: 'Меню сайта' }</style>",
        "<noscript>Меню сайта</noscript>", "<svg><text>Меню сайта</text></svg>", "<template><p>Меню сайта</p></template>",
        "<!-- Меню сайта -->", "<select><option>Меню сайта</option></select>",
    ],
)
def test_what_a_visitor_does_not_read_is_skipped(hidden: str) -> None:
    source = html_source(f"<p>Оператор обрабатывает данные.</p>{hidden}<p>Конец.</p>")
    assert source.text == "Оператор обрабатывает данные.\n\nКонец."


def test_head_gives_only_its_title() -> None:
    source = html_source(
        "<html><head><meta name='description' content='Политика'><title>Политика | Бектек</title>"
        "<xml><o:Author>Иванов</o:Author></xml>Петров</head><body><p>Текст.</p></body></html>"
    )
    assert source.text == "Политика | Бектек\n\nТекст."


def test_components_are_blocks_links_and_word_tags_are_inline() -> None:
    source = html_source(
        "<PolicySection>Раздел 1</PolicySection><v-card-text>Текст <router-link to='/'>ссылка</router-link>"
        " и <NuxtLink to='/'>ещё</NuxtLink></v-card-text>"
        "<p>Срок <st1:metricconverter ProductID='30 дней'>30 дней</st1:metricconverter>.<o:p></o:p></p>"
    )
    assert source.text == "Раздел 1\n\nТекст ссылка и ещё\n\nСрок 30 дней."


def test_broken_markup_of_real_pages() -> None:
    source = html_source(
        "</div></td><p>Первый абзац<p>Второй абзац <![if !supportLists]>1.<![endif]> пункт"
        "<p>возраст > 18 лет<li>элемент"
    )
    assert source.text == "Первый абзац\n\nВторой абзац 1. пункт\n\nвозраст > 18 лет\n\n• элемент"


def test_layout_cells_keep_their_paragraphs() -> None:
    source = html_source(
        "<table><tr><td><a href='/'>Главная</a></td><td><h1>Политика</h1><p>1.1. Первый.</p><p>1.2. Второй.</p>"
        "</td></tr></table>"
    )
    assert source.text == "Главная\n\nПолитика\n\n1.1. Первый.\n\n1.2. Второй."


def test_fragment_at_an_offset_of_a_file() -> None:
    """The HTML parts of a PHP file are read at their offsets in the file."""
    php = "<?php $title = 'x'; ?>\n<p>Оператор {{ $company }} обрабатывает &laquo;данные&raquo;</p>"
    start = php.index("\n") + 1
    builder = ProseBuilder("page.php", php)
    add_html(builder, php[start:], start, template=False)
    source = builder.build()
    assert source.text == "Оператор {{ $company }} обрабатывает «данные»"
    assert source.locate(source.text.index("обрабатывает")) == (2, php[start:].index("обрабатывает") + 1, None)


# ===================================================================== template syntax


def pieces(text: str, syntax: str = "template") -> list[tuple[str, str, str | None]]:
    return [(kind, text[a:b], label) for kind, a, b, label in TemplateText(syntax).pieces(text)]


def test_printed_values_are_placeholders_and_directives_are_dropped() -> None:
    assert pieces("ТОО {{ $company->name }} @if($user->isAdmin()) (админ) @endif{!! $bin !!}") == [
        ("text", "ТОО ", None),
        ("value", "{{ $company->name }}", "company.name"),
        ("text", " ", None),
        ("directive", "@if($user->isAdmin())", None),
        ("text", " (админ) ", None),
        ("directive", "@endif", None),
        ("value", "{!! $bin !!}", "bin"),
    ]
    assert pieces("<%= t('privacy.title') %><% if x %>{{#if a}}{{/if}}{# c #}") == [
        ("value", "<%= t('privacy.title') %>", "privacy.title"),
        ("directive", "<% if x %>", None),
        ("directive", "{{#if a}}", None),
        ("directive", "{{/if}}", None),
        ("directive", "{# c #}", None),
    ]


@pytest.mark.parametrize(
    ("construct", "expected"),
    [
        ("{{ __('Оператор обрабатывает данные') }}", ("string", "Оператор обрабатывает данные", None)),
        ("{{ __('privacy.title') }}", ("value", "{{ __('privacy.title') }}", "privacy.title")),
        ("@lang('Срок хранения данных')", ("string", "Срок хранения данных", None)),
        ('{% trans "Құпиялылық саясаты" %}', ("string", "Құпиялылық саясаты", None)),
        ('{% translate "privacy.title" noop %}', ("value", '{% translate "privacy.title" noop %}', "privacy.title")),
        ('{% trans "Саясат" as title %}', ("directive", '{% trans "Саясат" as title %}', None)),
        ("{{ 'Срок хранения'|trans }}", ("string", "Срок хранения", None)),
        ("{{ 'privacy.title' | t }}", ("value", "{{ 'privacy.title' | t }}", "privacy.title")),
        ("{{ $t('privacy.title') }}", ("value", "{{ $t('privacy.title') }}", "privacy.title")),
        ("{{ _(\"Оператор \\\"Бектек\\\"\") }}", ("string", 'Оператор \\"Бектек\\"', None)),
    ],
)
def test_translated_sentences_are_prose_and_keys_are_placeholders(
    construct: str, expected: tuple[str, str, str | None]
) -> None:
    assert pieces(construct) == [expected]


def test_escapes_of_a_translated_sentence_are_decoded() -> None:
    source = html_source("<p>{{ __(\"Оператор \\\"Бектек\\\" обрабатывает\") }}</p>")
    assert source.text == 'Оператор "Бектек" обрабатывает'


def test_e_mails_and_handles_are_not_directives() -> None:
    text = "Пишите на dpo@auth.kz, privacy@php.kz или в Telegram @include_bot и @support."
    assert pieces(text) == [("text", text, None)]


def test_comments_may_hold_markup() -> None:
    source = html_source(
        "<p>Текст.</p>{{-- <p>Старое</p> --}}{% comment %}<p>Удалено</p>{% endcomment %}"
        "@php $x = '<p>'; @endphp<p>Конец.</p>",
        "page.blade.php",
    )
    assert source.text == "Текст.\n\nКонец."


def test_stray_braces_stay_text() -> None:
    text = "Пример {{ без закрытия и {% тоже"
    assert pieces(text) == [("text", text, None)]
    assert pieces("{" * 10_000) == [("text", "{" * 10_000, None)]


def test_template_syntax_does_not_break_the_markup() -> None:
    source = html_source(
        "<p>{{ $a->b > 1 ? 'да' : 'нет' }} и {% if a < b %}меньше{% endif %}</p><p>Конец</p>"
    )
    assert source.text == "{a.b} и меньше\n\nКонец"


def test_svelte_expressions() -> None:
    assert pieces("Оператор {company} {#if a < b}да{:else}нет{/if} {@html body} {$_('privacy.title')}", "braces") == [
        ("text", "Оператор ", None),
        ("value", "{company}", "company"),
        ("text", " ", None),
        ("directive", "{#if a < b}", None),
        ("text", "да", None),
        ("directive", "{:else}", None),
        ("text", "нет", None),
        ("directive", "{/if}", None),
        ("text", " ", None),
        ("directive", "{@html body}", None),
        ("text", " ", None),
        ("value", "{$_('privacy.title')}", "privacy.title"),
    ]
    assert pieces("{'Оператор обрабатывает данные'} {/* заметка */}", "braces") == [
        ("string", "Оператор обрабатывает данные", None),
        ("text", " ", None),
        ("directive", "{/* заметка */}", None),
    ]


def test_an_expression_open_across_texts_is_code() -> None:
    reader = TemplateText("braces")
    opening, closing = "Список: {items.map((item) =>", ")} конец"
    assert [(kind, opening[a:b]) for kind, a, b, _ in reader.pieces(opening)] == [
        ("text", "Список: "),
        ("directive", "{items.map((item) =>"),
    ]
    assert reader.depth == 1
    assert [(kind, closing[a:b]) for kind, a, b, _ in reader.pieces(closing)] == [
        ("directive", ")}"),
        ("text", " конец"),
    ]
    assert reader.depth == 0


def test_template_pieces_of_plain_prose() -> None:
    assert template_pieces("Оператор обрабатывает данные.") == [("text", 0, 29, None)]


# ============================================================================ decoding


def test_declared_code_page_is_used() -> None:
    """A Kazakh page in KZ-1048 that says so is not taken for cp1251."""
    text = "Дербес деректер субъектісінің құқықтары: өз деректеріне қол жеткізу, оларды өзгерту және жою."
    page = f'<html><head><meta charset="kz1048"></head><body><p>{text}</p></body></html>'
    source = read_source("page.html", page.encode("kz1048"))
    assert source.text == text and source.encoding == "kz1048"


def test_unquoted_meta_charset() -> None:
    text = "Оператор обрабатывает данные."
    source = read_source("page.htm", f"<meta charset=windows-1251><p>{text}</p>".encode("cp1251"))
    assert source.text == text and source.encoding == "cp1251"


def test_a_wrong_declaration_is_not_believed() -> None:
    """Cyrillic bytes that a page declares as windows-1252 would read as «Ïîëèòèêà»."""
    text = "Политика конфиденциальности: Оператор обрабатывает персональные данные Покупателя."
    page = f'<meta charset="windows-1252"><p>{text}</p>'
    source = read_source("page.html", page.encode("cp1251"))
    assert source.text == text and source.encoding != "cp1252"


def test_declared_charset_of_an_utf8_page_is_not_needed() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Оператор</p>'
    assert read_source("page.html", page.encode("utf-8")).text == "Оператор"


def test_front_matter() -> None:
    assert front_matter("---\nconst a = 1;\n---\n<p>x</p>") == (0, 4, 17, 20)
    assert front_matter("<p>---</p>") is None
    assert front_matter("---\nunclosed") is None


# ========================================================================== robustness


def test_ten_megabyte_page_in_bounded_time() -> None:
    paragraph = "<p class='p'>1.1. Оператор <b>ТОО&nbsp;&laquo;Бектек&raquo;</b> обрабатывает персональные данные.</p>\n"
    page = ("<html><body>" + paragraph * (10_000_000 // len(paragraph.encode("utf-8"))) + "</body></html>").encode()
    started = time.monotonic()
    source = read_html("big.html", page)
    assert time.monotonic() - started < 30
    assert source.text.count("1.1. Оператор ТОО «Бектек» обрабатывает персональные данные.") > 50_000


def test_hundred_thousand_nested_divs_in_bounded_time() -> None:
    page = "<div>" * 100_000 + "<p>Оператор обрабатывает персональные данные.</p>" + "</div>" * 100_000
    started = time.monotonic()
    source = read_html("deep.html", page.encode())
    assert time.monotonic() - started < 30
    assert source.text == "Оператор обрабатывает персональные данные."
    assert source.origin[0] == page.index("Оператор")


#: Pieces real pages and components are made of.
FRAGMENTS = [
    "<p>", "</p>", "<li>", "<br>", "<table><tr><td>", "</td><td>", "<div hidden>", "</div>", "<!--", "-->",
    "<script>", "</script>", "<template>", "</template>", "<i18n>", "</i18n>", "<![if !x]>", "&laquo;",
    "&nbsp;", "&#x", "&", "<", ">", "{{ $company }}", "{{", "}}", "{%", "%}", "{% trans \"Текст\" %}", "@if(",
    ")", "{#if a < b}", "{/if}", "{", "}", "'", '"', "`", "\\", "---\n", "\n", "\r\n", "Оператор обрабатывает ",
    "персональные данные", "дербес деректер", "ә", "<Policy>", "</Policy>", "<%= x %>",
]
markup_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=50).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from([".html", ".blade.php", ".twig", ".vue", ".svelte", ".astro"]),
    text=markup_like,
)
def test_any_markup_reads_into_the_file_or_fails_cleanly(suffix: str, text: str) -> None:
    try:
        source = read_source("fuzz" + suffix, text.encode("utf-8"))
    except InputError as error:
        assert "\n" not in error.message
        return
    assert source.origin is None or all(0 <= source.origin[i] <= len(source.file_text) for i in range(len(source.text) + 1))
    for index in range(len(source.text)):
        source.locate(index)
