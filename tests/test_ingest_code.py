"""Code readers: the prose of JS/TS/JSX/TSX, Python, PHP, Kotlin and SQL sources in
document order, escapes decoded, interpolations kept as run-time values, languages from
i18n keys and language tests, and every character (hence every finding) placed on its
line and column in the original file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from policylint.ingest import read_source
from policylint.ingest.code import add_script, key_language
from policylint.ingest.prose import ProseBuilder
from policylint.model import InputError, SourceText
from policylint.pipeline import Linter, build_document
from policylint.report.common import excerpt
from tests.helpers import extracted_place, line_column, paragraphs

DATA = Path(__file__).parent / "data" / "web" / "code"


def fixture_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")




def read(name: str) -> SourceText:
    return read_source(str(DATA / name))






def values(source: SourceText) -> list[str]:
    return [source.text[a:b] for a, b in source.placeholders]


def read_snippet(suffix: str, code: str) -> SourceText:
    return read_source(f"snippet{suffix}", code.encode("utf-8"))


# ------------------------------------------------------------ Next.js page (TSX)

PAGE = "app/privacy/page.tsx"


def test_page_reads_jsx_text_clause_strings_and_template_literals() -> None:
    source = read(PAGE)
    parts = paragraphs(source)
    assert "1. Общие положения" in parts
    assert "2.1. Оператор обрабатывает следующие персональные данные Пользователя:" in parts
    # the array of clause strings: one paragraph per string, in the order written
    items = [parts.index("фамилия, имя, отчество;"), parts.index("адрес доставки заказов;")]
    assert items == sorted(items)
    # entities decoded, inline <strong>{company}</strong> joined into the clause
    assert (
        "1.1. Настоящая Политика конфиденциальности (далее — «Политика») является официальным "
        "документом {company} (далее — «Оператор»)" in source.text
    )
    # a multi-line template literal keeps its line break, the indentation does not leak
    assert "запрос о предоставлении информации, касающейся\nобработки его персональных данных" in source.text
    assert "• {item}" in parts  # <li>{item}</li> of the .map()
    assert "По вопросам персональных данных: {privacyEmail}\nБИН: 251140031036" in source.text  # <br />
    for code in ("TODO", "text-3xl", "next/link", "@/components", "mailto:", "prose-slate"):
        assert code not in source.text
    assert set(values(source)) == {"{company}", "{item}", "{privacyEmail}"}


def test_page_characters_map_to_their_place_in_the_file() -> None:
    text = fixture_text(PAGE)
    source = read(PAGE)
    for needle in ("Настоящая Политика", "Какие данные мы собираем", "адрес доставки заказов;", "БИН: 2511"):
        assert extracted_place(source, needle) == line_column(text, needle)
    # inside a template literal, on its second line
    assert extracted_place(source, "обработки его персональных данных, по адресу") == line_column(
        text, "обработки его персональных данных, по адресу"
    )
    # a decoded entity maps to the entity
    assert extracted_place(source, "«Политика»") == line_column(text, "&laquo;Политика")
    # a prop of a component is text of its own
    assert extracted_place(source, "Изменения Политики") == line_column(text, "Изменения Политики")


def test_page_findings_point_into_the_file(linter: Linter) -> None:
    text = fixture_text(PAGE)
    result = linter.lint_path(str(DATA / PAGE))
    doc = result.document
    assert result.error is None and doc is not None
    runtime = next(f for f in result.findings if f.rule == "DOC001")
    assert runtime.severity == "info"
    assert tuple(doc.locate(runtime.span.start))[:2] == line_column(text, "{company}</strong>")
    assert line_column(text, "${company} запрос") in [tuple(doc.locate(span.start))[:2] for span in runtime.related]
    responsible = next(f for f in result.findings if f.rule == "RP001")
    assert excerpt(doc, responsible.span).startswith("Как ТОО «Бектек» собирает")
    assert tuple(doc.locate(responsible.related[0].start))[:2] == line_column(text, "ТОО «Бектек»\";")


# ------------------------------------------------------- i18n object (TypeScript)

MESSAGES = "messages/privacy.ts"


def test_i18n_object_gives_language_versions_and_pairs(linter: Linter) -> None:
    doc = linter.lint_path(str(DATA / MESSAGES)).document
    assert doc is not None
    assert [v.lang for v in doc.versions] == ["kk", "ru", "en"]
    pairs = {(doc.clause_text(doc.clauses[a]), doc.clause_text(doc.clauses[b])) for a, b in doc.pairs}
    assert ("Құпиялылық саясаты", "Политика конфиденциальности") in pairs
    assert ("1. Жалпы ережелер", "1. Общие положения") in pairs
    assert "next-intl" not in doc.source.text and "AbstractIntlMessages" not in doc.source.text


def test_versions_with_different_deadlines_fire_bl001_at_the_kazakh_clause(linter: Linter) -> None:
    text = fixture_text(MESSAGES)
    result = linter.lint_path(str(DATA / MESSAGES))
    doc = result.document
    [finding] = [f for f in result.findings if f.rule == "BL001"]
    assert tuple(doc.locate(finding.span.start))[:2] == line_column(text, "он бес жұмыс күні")
    assert tuple(doc.locate(finding.related[0].start))[:2] == line_column(text, "десяти рабочих дней")
    shown = excerpt(doc, finding.span)
    assert shown.startswith("3.1. Оператор Субъектінің") and '"' not in shown


# ------------------------------------------------ React component with ternaries

def test_ternaries_per_string_are_grouped_into_a_kazakh_and_a_russian_version(linter: Linter) -> None:
    text = fixture_text("privacy.jsx")
    doc = linter.lint_path(str(DATA / "privacy.jsx")).document
    assert [v.lang for v in doc.versions] == ["kk", "ru"]
    assert doc.pairs
    kk_clause = next(c for c in doc.clauses if doc.clause_text(c).startswith("1.2. Пайдаланушылардың"))
    ru_clause = next(c for c in doc.clauses if doc.clause_text(c).startswith("1.2. Доступ"))
    assert (kk_clause.index, ru_clause.index) in doc.pairs
    assert tuple(doc.locate(kk_clause.span.start))[:2] == line_column(text, "1.2. Пайдаланушылардың")


def test_a_test_on_a_language_literal_sets_both_branches() -> None:
    source = read_snippet(
        ".ts",
        "export const title = lang === 'kk' ? 'Дербес деректерді өңдеу саясаты' : 'Политика обработки данных';\n"
        "export const body = locale !== \"ru\" ? 'Оператор деректерді қорғайды' : 'Оператор защищает данные';\n",
    )
    assert paragraphs(source) == [
        "Дербес деректерді өңдеу саясаты",
        "Оператор деректерді қорғайды",
        "Политика обработки данных",
        "Оператор защищает данные",
    ]


def test_keyed_values_restore_the_outer_language() -> None:
    source = read_snippet(
        ".js",
        "module.exports = {\n"
        "  consent: { ru: 'Согласие на обработку данных', kz: 'Деректерді өңдеуге келісім' },\n"
        "  footer: 'Общий текст подвала сайта',\n"
        "};\n",
    )
    # the unkeyed value after the keyed ones is no longer Kazakh: unkeyed text comes first
    assert paragraphs(source) == [
        "Общий текст подвала сайта",
        "Деректерді өңдеуге келісім",
        "Согласие на обработку данных",
    ]


@pytest.mark.parametrize(
    "key, lang",
    [("kz", "kk"), ("ru-RU", "ru"), ("body_kk", "kk"), ("title.ru", "ru"), ("textKz", "kk"),
     ("$text_en", "en"), ("menu", None), ("title", None), ("t: String", None)],
)
def test_key_language(key: str, lang: str | None) -> None:
    assert key_language(key) == lang


# ----------------------------------------------------------------- Django (Python)

MIGRATION = "pages/migrations/0007_privacy_policy_text.py"


def test_django_migration_reads_string_literals_but_not_docstrings_or_prints() -> None:
    text = fixture_text(MIGRATION)
    source = read(MIGRATION)
    parts = paragraphs(source)
    assert "1. Общие положения" in parts  # textwrap.dedent indentation does not leak
    assert any(p.startswith("1.1. Настоящая Политика конфиденциальности персональных данных") for p in parts)
    assert (
        "По вопросам обработки персональных данных пишите на {settings.PRIVACY_EMAIL}. "
        "Ответ направляется в течение десяти рабочих дней." in parts
    )
    assert "Data migration" not in source.text and "Обновляю страницу" not in source.text
    assert "0006_page_footer" not in source.text and "privacy" not in source.text.split("\n")[0]
    assert extracted_place(source, "7.11.2 Оператор обязан") == line_column(text, "7.11.2 Оператор обязан")
    assert extracted_place(source, "десяти рабочих дней") == line_column(text, "десяти рабочих дней")


def test_python_string_forms() -> None:
    source = read_snippet(
        ".py",
        'A = "Оператор \\"Бектек\\"\\tобрабатывает данные"\n'
        "B = r'Сырая строка \\n без экранирования'\n"
        "C = f'Срок: {{не значение}} {days} рабочих дней'\n"
        "D = b'\\xd0'  # bytes\n"
        "E = ('Первая часть '\n     'второй части')\n",
    )
    assert paragraphs(source) == [
        'Оператор "Бектек" обрабатывает данные',
        "Сырая строка \\n без экранирования",
        "Срок: {не значение} {days} рабочих дней",
        "Первая часть второй части",
    ]


# ------------------------------------------------------------------ Laravel (PHP)

LARAVEL = "resources/lang/ru/privacy.php"


def test_laravel_array_reads_php_quoting_and_placeholders() -> None:
    text = fixture_text(LARAVEL)
    source = read(LARAVEL)
    assert "(далее — 'Закон о ПД')" in source.text  # single quotes: \' decoded
    assert 'официальным документом {company} (далее — "Оператор")' in source.text  # \" decoded
    assert "веб-сайта {site}." in source.text  # {$site}
    assert "3.1. Срок рассмотрения претензии: 15 рабочих дней.\n3.2. Вы вправе" in source.text  # nowdoc
    assert "text-sm" not in source.text and "Политика конфиденциальности (страница" not in source.text
    assert values(source) == ["{date}", "{company}", "{site}"]
    assert extracted_place(source, "3.2. Вы вправе") == line_column(text, "3.2. Вы вправе")
    assert extracted_place(source, "'Закон о ПД'") == line_column(text, "\\'Закон о ПД")


WORDPRESS = "wp-theme/page-privacy.php"


def test_php_page_reads_its_html_and_what_php_prints(linter: Linter) -> None:
    text = fixture_text(WORDPRESS)
    source = read(WORDPRESS)
    assert "1. Общие положения" in paragraphs(source)
    assert "{company}(далее — «Оператор»)." in source.text  # echo esc_html( $company )
    assert "1.2. Политика распространяется на все персональные данные" in source.text  # echo '…'
    assert "Срок рассмотрения обращений: {d} рабочий день" in paragraphs(source)  # printf('<p>…</p>')
    assert values(source) == ["{company}", "{company_bin}", "{d}"]
    for code in ("get_header", "Template Name", "site-main", "Срок ответа задаётся"):
        assert code not in source.text
    assert extracted_place(source, "2. Контактная информация") == line_column(text, "2. Контактная информация")
    assert extracted_place(source, "Срок рассмотрения обращений") == line_column(text, "Срок рассмотрения обращений")
    result = linter.lint_path(str(DATA / WORDPRESS))
    assert result.error is None and result.document.languages == ["ru"]


# ---------------------------------------------------------- Compose screen (Kotlin)

KOTLIN = "android/PrivacyScreen.kt"


def test_kotlin_screen_versions_raw_strings_and_templates(linter: Linter) -> None:
    text = fixture_text(KOTLIN)
    source = read(KOTLIN)
    assert "1.1. {company} (бұдан әрі – Компания)" in source.text  # $company in a raw string
    assert "Байланыс: {company.lowercase}\nЭлектрондық пошта: info@esperans.kz" in source.text  # trimMargin
    assert "Открыт экран" not in source.text and "androidx" not in source.text
    assert extracted_place(source, "1.2. Компания обязана") == line_column(text, "1.2. Компания обязана")
    doc = build_document(source)
    assert {v.lang for v in doc.versions} == {"kk", "ru"} and doc.pairs
    kk = next(v for v in doc.versions if v.lang == "kk")
    heading = next(c for c in doc.clauses[kk.first : kk.end] if doc.clause_text(c) == "1. ЖАЛПЫ ЕРЕЖЕЛЕР")
    assert tuple(doc.locate(heading.span.start))[:2] == line_column(text, "1. ЖАЛПЫ ЕРЕЖЕЛЕР")


# --------------------------------------------------------------------- SQL seed

SQL = "seed_privacy.sql"


def test_sql_rows_take_the_language_of_their_language_column() -> None:
    text = fixture_text(SQL)
    doc = build_document(read(SQL))
    assert [v.lang for v in doc.versions] == ["kk", "ru"]
    assert doc.pairs
    assert "1.2. Компания 'Сервистер' арқылы" in doc.source.text  # '' decoded
    assert "cms_pages" not in doc.source.text and "privacy" not in doc.source.text
    clause = next(c for c in doc.clauses if doc.clause_text(c).startswith("1.3. Доступ"))
    assert tuple(doc.locate(clause.span.start))[:2] == line_column(text, "1.3. Доступ")
    assert doc.source.text.endswith("Как Компания обрабатывает и защищает персональные данные Пользователей")


def test_sql_columns_named_by_language() -> None:
    source = read_snippet(
        ".sql",
        "INSERT INTO pages (slug, body_ru, body_kk) VALUES ('x', 'Текст политики', 'Саясат мәтіні');\n"
        "UPDATE pages SET body = 'Жаңартылған мәтін' WHERE lang = 'kk';\n",
    )
    assert paragraphs(source) == ["Саясат мәтіні", "Жаңартылған мәтін", "Текст политики"]


# ------------------------------------------------------------ no prose, bundles

def test_a_component_without_prose_is_skipped(linter: Linter) -> None:
    assert read("components/Button.tsx").text == ""
    result = linter.lint_path(str(DATA / "components/Button.tsx"))
    assert result.skipped == "no policy text" and result.error is None


def test_a_minified_5mb_bundle_is_read_in_bounded_time() -> None:
    chunk = (
        'function a{0}(e,t){{var n=e.map(function(r){{return r.id+"-"+t}});console.log("debug",n);'
        'return n.length>0?{{type:"x",msg:"Ошибка загрузки {0}"}}:null}}'
        'var c{0}=(0,r.jsx)("p",{{className:"mt-2 text-sm",children:"Оператор обрабатывает персональные данные"}});'
    )
    parts, size, n = [], 0, 0
    while size < 5_000_000:
        parts.append(chunk.format(n))
        size += len(parts[-1].encode())
        n += 1
    started = time.monotonic()
    source = read_source("static/chunks/main.js", "".join(parts).encode())
    assert time.monotonic() - started < 30
    assert source.text.count("Оператор обрабатывает персональные данные") == n
    assert "debug" not in source.text and "text-sm" not in source.text


# ------------------------------------------------------ fragments, adversarial input

def test_a_script_fragment_maps_to_the_whole_file() -> None:
    page = '<template><p>x</p></template>\n<script>\nexport default { ru: "Политика конфиденциальности" }\n</script>\n'
    start = page.index("<script>") + len("<script>")
    builder = ProseBuilder("Privacy.vue", page)
    add_script(builder, page[start : page.index("</script>")], start, "javascript")
    source = builder.build()
    assert source.text == "Политика конфиденциальности"
    assert source.locate(0) == source.locate_original(page.index("Политика"))


@pytest.mark.parametrize(
    "suffix, data",
    [
        (".tsx", "const a = `Оператор ${company.name обрабатывает".encode()),
        (".jsx", "<p>Оператор <b>обрабатывает {x} данные".encode()),
        (".js", b'const s = "\\ud800 \\u{110000} \\x4"; "\\'),
        (".py", 'x = """Незакрытая строка\n'.encode()),
        (".php", "<?php echo 'Оператор ; <<<EOT\n".encode()),
        (".kt", 'val s = "Оператор ${'.encode()),
        (".sql", "INSERT INTO t VALUES ('Оператор".encode()),
        (".ts", b"(" * 200_000),
        (".py", b"[" * 200_000),
        (".js", bytes(range(1, 32)) * 50),
        (".ts", b"\xff\xfe\x00junk\x00\x01"),
        (".php", b"<?php " + "'Строка', ".encode() * 20_000),
        # 29 bytes found by fuzzing on which tree-sitter-typescript 0.23 loops for minutes
        (".ts", b"\n{y<[''>r'\n[E\">/*\n}\\uk%(a)s*/"),
    ],
    ids=[
        "unterminated-template", "unclosed-jsx", "bad-escapes", "unterminated-docstring",
        "unterminated-php", "unterminated-kotlin", "unterminated-sql", "deep-parens", "deep-lists",
        "control-bytes", "nul-bytes", "long-php-list", "parser-loop",
    ],
)
def test_broken_or_hostile_code_gives_text_or_an_input_error(suffix: str, data: bytes) -> None:
    started = time.monotonic()
    try:
        source = read_source(f"hostile{suffix}", data)
    except InputError as error:
        assert error.code in ("binary", "encoding", "unreadable") and "\n" not in error.message
    else:
        assert isinstance(source, SourceText)
        if source.text:
            assert all(0 <= source.origin[i] <= len(source.original) for i in range(0, len(source.text) + 1, 97))
    assert time.monotonic() - started < 10
