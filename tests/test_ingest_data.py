"""Data readers: i18n JSON, YAML and gettext PO catalogues give their values (never
their keys) as paragraphs in the language of their keys, message placeholders as
run-time values, and every character mapped back through escapes, quotes and block
scalars to its line and column in the file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from policylint.ingest import read_source
from policylint.ingest.data import MAX_YAML_DEPTH, add_json, add_yaml, align
from policylint.ingest.prose import ProseBuilder
from policylint.model import InputError, SourceText
from policylint.pipeline import Linter
from tests.helpers import extracted_place, line_column, paragraphs

DATA = Path(__file__).parent / "data" / "web" / "code"


def fixture_text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")








def values(source: SourceText) -> list[str]:
    return [source.text[a:b] for a, b in source.placeholders]


def error_for(name: str, data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        read_source(name, data)
    assert "\n" not in caught.value.message
    return caught.value


# ------------------------------------------------------------------------- JSON

JSON = "locales/privacy.json"


def test_json_dictionary_gives_a_version_per_language_key(linter: Linter) -> None:
    result = linter.lint_path(str(DATA / JSON))
    doc = result.document
    assert [v.lang for v in doc.versions] == ["kk", "ru", "en"]
    pairs = {(doc.clause_text(doc.clauses[a]), doc.clause_text(doc.clauses[b])) for a, b in doc.pairs}
    assert ("2. Саясатта қолданылатын негізгі ұғымдар", "2. Основные понятия") in pairs
    assert not [f for f in result.findings if f.rule.startswith("BL")]  # the versions agree
    for key in ("privacy", "definitions", "heading", "items"):
        assert key not in doc.source.text


def test_json_escapes_are_decoded_and_mapped_to_the_file() -> None:
    text = fixture_text(JSON)
    source = read_source(str(DATA / JSON))
    assert "пишите на «info@amart.kz» или звоните {phone}." in source.text
    assert values(source) == ["{phone}", "{phone}"]
    # after two \u00ab escapes the characters still land on their own columns
    assert extracted_place(source, "info@amart.kz» или") == line_column(text, "info@amart.kz\\u00bb или")
    assert extracted_place(source, "«info@amart.kz» или") == line_column(text, "\\u00abinfo@amart.kz\\u00bb или")
    assert extracted_place(source, "2.3. Веб-сайт -") == line_column(text, "2.3. Веб-сайт -")


def test_json_fragment_in_a_component_maps_to_the_whole_file() -> None:
    page = '<template><p/></template>\n<i18n lang="json">\n{"kk": {"title": "Құпиялылық саясаты"}}\n</i18n>\n'
    start = page.index("{")
    builder = ProseBuilder("Privacy.vue", page)
    add_json(builder, page[start : page.index("</i18n>")], start)
    source = builder.build()
    assert source.text == "Құпиялылық саясаты"
    assert source.locate(0).line == 3 and source.locate(0).column == page.index("Құп") - page.index("{") + 1


def test_json_surrogate_escapes_become_characters() -> None:
    data = b'{"ru": "\\u043f\\u043e\\u043b\\u0438\\u0442\\u0438\\u043a\\u0430 \\ud83d\\ude00 \\ud800"}'
    assert read_source("emoji.json", data).text == "политика \U0001f600 \ufffd"


def test_json_value_holding_html_is_read_as_the_page_shows_it() -> None:
    catalogue = (
        '{"ru": {"contacts": "<h3>Контакты</h3><p><strong>БИН:</strong> 251140031036</p>'
        '<ul><li>Оператор {{company}} обрабатывает данные</li>'
        '<li>Email: <a href=\\"mailto:privacy@bektek.kz\\">privacy@bektek.kz</a></li></ul>"}}'
    )
    source = read_source("locales/ru/common.json", catalogue.encode())
    assert paragraphs(source) == [
        "Контакты",
        "БИН: 251140031036",
        "• Оператор {company} обрабатывает данные",
        "• Email: privacy@bektek.kz",
    ]
    assert values(source) == ["{company}"]
    assert source.locate(source.text.index("privacy@")).column == catalogue.index("privacy@bektek.kz<") + 1


@pytest.mark.parametrize(
    "data",
    ['{"ru": "Незакрытая строка'.encode(), b"[" * 300_000, b'{"a": 1,,, ]]] "'],
    ids=["unterminated", "deep", "garbage"],
)
def test_broken_json_gives_text(data: bytes) -> None:
    assert isinstance(read_source("broken.json", data), SourceText)


# ------------------------------------------------------------------------- YAML

YAML = "privacy.yaml"


def test_yaml_translations_give_kazakh_and_russian_versions(linter: Linter) -> None:
    doc = linter.lint_path(str(DATA / YAML)).document
    assert [v.lang for v in doc.versions] == ["kk", "ru"]
    assert doc.pairs
    assert "privacy" not in doc.source.text and "analytics" not in doc.source.text


def test_yaml_scalars_of_every_style_map_to_the_file() -> None:
    text = fixture_text(YAML)
    source = read_source(str(DATA / YAML))
    parts = paragraphs(source)
    # folded (>): one line; literal (|): its lines; single quotes: '' is one quote
    assert parts[2].startswith("4.1. Тегі, Аты, Әкесінің аты") and "\n" not in parts[2]
    assert "4.4. Оператор нәсіліне" in source.text and "жүзеге асырмайды.\n4.7. Таратуға" in source.text
    assert "Вопросы о персональных данных '{company}': info@amart.kz" in parts
    assert 'файлов "cookie"' in source.text
    assert values(source) == ["{company}", "{company}"]
    for needle in ("ұялы телефон", "заңды мекенжайы.", "4.7. Таратуға", "юридический адрес.", "с помощью сервисов"):
        assert extracted_place(source, needle) == line_column(text, needle)
    assert extracted_place(source, '"cookie"') == line_column(text, '\\"cookie')
    assert extracted_place(source, "{company}': info") == line_column(text, "%{company}''")


def test_yaml_fragment_and_crlf_lines() -> None:
    page = "<i18n lang=\"yaml\">\r\nru:\r\n  body: Оператор обрабатывает\r\n    персональные данные\r\n</i18n>\r\n"
    start = page.index("ru:")
    builder = ProseBuilder("Privacy.vue", page)
    add_yaml(builder, page[start : page.index("</i18n>")], start)
    source = builder.build()
    assert source.text == "Оператор обрабатывает персональные данные"
    assert source.locate(source.text.index("персональные")) == source.locate_original(page.index("персональные"))


def test_align_steps_over_quotes_escapes_and_folding() -> None:
    raw = '"Оператор \\"ТОО\\"\\n  обязан\\\n  ответить"'
    value = 'Оператор "ТОО"\n обязанответить'
    origin = align(value, raw, 100, double_quoted=True)
    assert len(origin) == len(value) + 1
    assert [raw[o - 100] for o in origin[:8]] == list("Оператор")
    assert raw[origin[value.index('"')] - 100 : origin[value.index('"')] - 100 + 2] == '\\"'
    assert raw[origin[value.index("ответить")] - 100 :].startswith("ответить")


def test_yaml_syntax_error_names_its_line() -> None:
    error = error_for("broken.yaml", "ru:\n  title: Политика\n  body: [незакрытый\n".encode())
    assert error.code == "unreadable" and "line 4" in error.message


def test_deep_or_explosive_yaml_is_refused_or_read_once() -> None:
    started = time.monotonic()
    error = error_for("deep.yaml", b"[" * 5_000_000)
    assert error.code == "unreadable" and str(MAX_YAML_DEPTH) in error.message
    laughs = "a: &a [«Оператор обрабатывает данные», «Оператор обрабатывает данные»]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    source = read_source("laughs.yaml", laughs.encode())
    assert source.text.count("Оператор обрабатывает данные") == 2  # aliases are not expanded
    assert time.monotonic() - started < 5


# --------------------------------------------------------------------------- PO

PO = "locale/kk/LC_MESSAGES/django.po"


def test_po_catalogue_reads_translations_plurals_and_untranslated_source() -> None:
    text = fixture_text(PO)
    source = read_source(str(DATA / PO))
    parts = paragraphs(source)
    assert parts[0] == "Құпиялылық саясаты"
    assert (
        "{company} (бұдан әрі – Компания) өз қызметін жүзеге асыру кезінде дербес деректерді "
        "жинаумен және өңдеумен айналысады." in parts
    )
    assert parts.count("Жауап {days} жұмыс күні ішінде жіберіледі.") == 2  # both plural forms
    # a fuzzy translation is not shown: its source text is
    assert "Персональные данные хранятся не дольше, чем этого требуют цели обработки." in parts
    for hidden in ("Project-Id-Version", "Дербес деректер сақталады", "ескі редакциясы", "templates/"):
        assert hidden not in source.text
    # a msgstr continued over lines maps each line to its own line of the file
    assert extracted_place(source, "дербес деректерді жинаумен") == line_column(text, "дербес деректерді жинаумен")
    assert extracted_place(source, "сәттен бастап үш жұмыс") == line_column(text, "сәттен бастап үш жұмыс")


def test_po_language_comes_from_the_header_or_the_path(linter: Linter) -> None:
    doc = linter.lint_path(str(DATA / PO)).document
    assert [v.lang for v in doc.versions] == ["kk"]
    catalogue = 'msgid "Policy"\nmsgstr "Дербес деректерді өңдеу саясаты"\n'.encode()
    source = read_source("locale/kz/LC_MESSAGES/messages.po", catalogue)
    assert source.text == "Дербес деректерді өңдеу саясаты"


def test_po_template_reads_source_texts() -> None:
    template = (
        '#: privacy.html:3\nmsgid "Оператор обрабатывает персональные данные"\nmsgstr ""\n\n'
        '#: privacy.html:4\nmsgid "Ответ в течение %s рабочих дней"\nmsgstr ""\n'
    )
    source = read_source("django.pot", template.encode())
    assert paragraphs(source) == ["Оператор обрабатывает персональные данные", "Ответ в течение {%s} рабочих дней"]


@pytest.mark.parametrize(
    "data",
    ['msgid "Политика"\nmsgstr "Саясат\n'.encode(), b"msgid \xff\xfe\x00\x01", b"/etc/passwd", b'msgstr[x] "'],
    ids=["unterminated", "binary", "a-path", "bad-plural"],
)
def test_broken_po_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        source = read_source("broken.po", data)
    except InputError as error:
        assert error.code in ("unreadable", "binary", "encoding") and "\n" not in error.message
    else:
        assert source.text == ""
