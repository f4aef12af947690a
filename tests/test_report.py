"""Report formats, on hand-made results (no real rules involved)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from policylint import __version__
from policylint.model import Document, FileResult, Finding, InputError, Span
from policylint.report import FORMATS, render
from policylint.report.common import Summary, excerpt, fingerprint, summary_line
from policylint.report.github import escape_data, escape_property
from policylint.rules.catalog import Rule
from tests.helpers import doc_from_text

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

POLICY = (
    "1. Общие положения\n"
    "\n"
    "1.1. Оператор ТОО «Пример» обрабатывает персональные данные пользователей.\n"
    "\n"
    "2. Сроки\n"
    "\n"
    "2.1. Ответ на запрос субъекта направляется в течение 30 календарных дней.\n"
    "\n"
    "2.2. Жалобы рассматриваются в течение 10 дней.\n"
)


def make_rule(rule_id: str, severity: str, **texts: dict[str, str]) -> Rule:
    defaults = {
        "title": {"ru": f"Заголовок {rule_id}", "kk": f"Атауы {rule_id}", "en": f"Title {rule_id}"},
        "message": {
            "ru": "Срок {days} дней",
            "kk": "{days} күн мерзімі",
            "en": "Deadline of {days} days",
        },
        "law": {"ru": "94-V, ст. 25 п. 2", "kk": "94-V, 25-бап 2-тармақ", "en": "94-V, art. 25(2)"},
        "fix": {"ru": "Укажите не более 3 рабочих дней", "en": "State at most 3 working days"},
        "rationale": {"ru": "Закон ограничивает срок.", "en": "The law limits the period."},
    }
    defaults.update(texts)
    return Rule(id=rule_id, severity=severity, kind="limit", **defaults)


CATALOG = {
    "DL004": make_rule("DL004", "error"),
    "OP001": make_rule(
        "OP001",
        "warning",
        message={
            "ru": "Оператор назван | неполно",
            "kk": "Оператор толық емес",
            "en": "Operator name incomplete",
        },
        fix={},
    ),
    "CB001": make_rule(
        "CB001", "info", message={"ru": "Замечание", "kk": "Ескертпе", "en": "Note"}
    ),
}


def span_of(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(start, start + len(needle))


@pytest.fixture
def doc() -> Document:
    return doc_from_text(POLICY, "site/privacy.txt")


@pytest.fixture
def results(doc: Document) -> list[FileResult]:
    """A policy with three findings (one with a related place and its own fix), an
    unreadable file, a skipped file and a clean one."""
    findings = [
        Finding(
            "DL004",
            "error",
            span_of(doc, "30 календарных дней"),
            related=[span_of(doc, "10 дней")],
            params={"days": "30"},
        ),
        Finding("OP001", "warning", span_of(doc, "ТОО «Пример»")),
        Finding(
            "CB001",
            "info",
            span_of(doc, "Жалобы"),
            fix="Жалобы рассматриваются в течение 3 рабочих дней.",
        ),
    ]
    return [
        FileResult("site/privacy.txt", doc, findings, jurisdiction="KZ"),
        FileResult(
            "docs/broken.pdf", error=InputError("docs/broken.pdf", "unreadable", "not a PDF file")
        ),
        FileResult(
            "src/App.tsx",
            doc_from_text("export default App;", "src/App.tsx"),
            skipped="no policy text",
        ),
        FileResult(
            "site/clean.txt",
            doc_from_text("1.1. Всё в порядке.", "site/clean.txt"),
            jurisdiction="KZ",
        ),
    ]


def report(results: list[FileResult], fmt: str, **options) -> str:
    options.setdefault("catalog", CATALOG)
    return render(results, fmt, **options)


# ------------------------------------------------------------------------------ json


def test_json_matches_the_contract(results: list[FileResult]) -> None:
    data = json.loads(report(results, "json"))
    assert list(data) == ["tool", "version", "files", "summary"]
    assert (data["tool"], data["version"]) == ("policylint", __version__)
    assert data["summary"] == {"files": 4, "errors": 1, "warnings": 1, "infos": 1, "unreadable": 1}
    policy, broken, skipped, clean = data["files"]
    assert list(policy) == ["path", "languages", "jurisdiction", "findings", "skipped"]
    assert (policy["path"], policy["languages"], policy["jurisdiction"], policy["skipped"]) == (
        "site/privacy.txt",
        ["ru"],
        "KZ",
        None,
    )
    assert broken == {
        "path": "docs/broken.pdf",
        "error": {"code": "unreadable", "message": "not a PDF file"},
    }
    assert skipped["skipped"] == "no policy text" and skipped["findings"] == []
    assert clean["findings"] == [] and clean["skipped"] is None


def test_json_finding_fields(results: list[FileResult]) -> None:
    findings = json.loads(report(results, "json"))["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["OP001", "DL004", "CB001"], "sorted by line"
    deadline = findings[1]
    assert list(deadline) == [
        "rule", "severity", "message", "law", "line", "column",
        "end_line", "end_column", "excerpt", "related", "fix",
    ]  # fmt: skip
    assert deadline == {
        "rule": "DL004",
        "severity": "error",
        "message": "Срок 30 дней",
        "law": "94-V, ст. 25 п. 2",
        "line": 7,
        "column": 54,
        "end_line": 7,
        "end_column": 73,
        "excerpt": "2.1. Ответ на запрос субъекта направляется в течение 30 календарных дней.",
        "related": [
            {"line": 9, "column": 39, "excerpt": "2.2. Жалобы рассматриваются в течение 10 дней."}
        ],
        "fix": "Укажите не более 3 рабочих дней",
    }
    assert findings[0]["fix"] is None, "no fix in the rule or the finding"
    assert findings[2]["fix"] == "Жалобы рассматриваются в течение 3 рабочих дней.", (
        "finding's fix wins"
    )


def test_json_is_indented_utf8(results: list[FileResult]) -> None:
    output = report(results, "json")
    assert "Срок 30 дней" in output and "\\u" not in output
    assert output.startswith('{\n  "tool": "policylint",')
    assert output.endswith("}\n")


def test_json_sorts_by_line_column_rule(doc: Document) -> None:
    span = span_of(doc, "Ответ")
    findings = [Finding(rule, "error", span) for rule in ("OP001", "DL004", "CB001")]
    findings.append(Finding("DL004", "error", span_of(doc, "Оператор")))
    data = json.loads(report([FileResult("p.txt", doc, findings)], "json"))
    assert [(f["line"], f["rule"]) for f in data["files"][0]["findings"]] == [
        (3, "DL004"),
        (7, "CB001"),
        (7, "DL004"),
        (7, "OP001"),
    ]


def test_json_language_and_unknown_rule(doc: Document) -> None:
    findings = [
        Finding("DL004", "error", span_of(doc, "30"), params={"days": "30"}),
        Finding("XX999", "info", Span(0, 1)),
    ]
    data = json.loads(report([FileResult("p.txt", doc, findings)], "json", lang="kk"))
    second, first = data["files"][0]["findings"]
    assert (first["message"], first["law"]) == ("30 күн мерзімі", "94-V, 25-бап 2-тармақ")
    assert first["fix"] == "Укажите не более 3 рабочих дней", "falls back to Russian"
    assert (second["rule"], second["message"], second["law"]) == ("XX999", "XX999", "")


def test_paged_source_has_location(doc: Document) -> None:
    doc.source.page_starts = [0, POLICY.index("2. Сроки")]
    findings = [Finding("DL004", "error", span_of(doc, "30"), related=[span_of(doc, "Оператор")])]
    found = json.loads(report([FileResult("p.pdf", doc, findings)], "json"))["files"][0][
        "findings"
    ][0]
    assert (found["line"], found["column"], found["location"]) == (2, 1, "page 2")
    assert list(found)[8] == "location"
    assert found["related"][0]["location"] == "page 1"


def test_paths_relative_to_root(tmp_path: Path, doc: Document) -> None:
    inside = str(tmp_path / "site" / "privacy.txt")
    results = [
        FileResult(inside, doc),
        FileResult("https://example.kz/privacy", doc),
        FileResult("-", doc),
    ]
    paths = [f["path"] for f in json.loads(report(results, "json", root=tmp_path))["files"]]
    assert paths == ["site/privacy.txt", "https://example.kz/privacy", "-"]


def test_json_statistics(results: list[FileResult], doc: Document) -> None:
    results[0].findings.append(Finding("OP001", "error", span_of(doc, "Оператор")))
    data = json.loads(report(results, "json", statistics=True))
    assert list(data) == ["tool", "version", "statistics", "summary"]
    assert data["statistics"] == [
        {"rule": "OP001", "severity": "error", "count": 2, "title": "Заголовок OP001"},
        {"rule": "CB001", "severity": "info", "count": 1, "title": "Заголовок CB001"},
        {"rule": "DL004", "severity": "error", "count": 1, "title": "Заголовок DL004"},
    ]
    assert data["summary"]["errors"] == 2


# ----------------------------------------------------------------------------- jsonl


def test_jsonl(results: list[FileResult]) -> None:
    lines = report(results, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r.get("rule") for r in records] == ["OP001", "DL004", "CB001", None]
    assert all(r["path"] == "site/privacy.txt" for r in records[:3])
    assert records[1]["line"] == 7 and "summary" not in records[1]
    assert records[3] == {
        "path": "docs/broken.pdf",
        "error": {"code": "unreadable", "message": "not a PDF file"},
    }


def test_jsonl_statistics(results: list[FileResult]) -> None:
    records = [json.loads(line) for line in report(results, "jsonl", statistics=True).splitlines()]
    assert {r["rule"]: r["count"] for r in records} == {"CB001": 1, "DL004": 1, "OP001": 1}


# ----------------------------------------------------------------------------- sarif


def test_sarif_is_valid(results: list[FileResult], tmp_path: Path) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    for root in (None, tmp_path):
        document = json.loads(report(results, "sarif", root=root))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
        assert errors == []
    assert document["runs"][0]["results"][1]["relatedLocations"], (
        "related places were validated too"
    )


def test_sarif_content(results: list[FileResult]) -> None:
    document = json.loads(report(results, "sarif", root=Path.cwd()))
    assert document["version"] == "2.1.0" and len(document["runs"]) == 1
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("policylint", __version__)
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["CB001", "DL004", "OP001"]
    rule = driver["rules"][1]
    assert rule["shortDescription"]["text"] == "Заголовок DL004"
    assert (
        "Закон ограничивает срок." in rule["help"]["text"]
        and "94-V, ст. 25 п. 2" in rule["help"]["text"]
    )
    assert "**Закон:** 94-V" in rule["help"]["markdown"]
    assert rule["properties"]["law"] == "94-V, ст. 25 п. 2"
    assert rule["properties"]["problem.severity"] == "error"
    assert rule["defaultConfiguration"]["level"] == "error"
    by_rule = {result["ruleId"]: result for result in run["results"]}
    assert {r: by_rule[r]["level"] for r in by_rule} == {
        "DL004": "error",
        "OP001": "warning",
        "CB001": "note",
    }
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    deadline = by_rule["DL004"]
    location = deadline["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "site/privacy.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 7,
        "startColumn": 54,
        "endLine": 7,
        "endColumn": 73,
        "snippet": {
            "text": "2.1. Ответ на запрос субъекта направляется в течение 30 календарных дней."
        },
    }
    related = deadline["relatedLocations"][0]
    assert related["id"] == 1 and related["physicalLocation"]["region"]["startLine"] == 9
    assert related["message"]["text"] == "2.2. Жалобы рассматриваются в течение 10 дней."
    assert list(deadline["partialFingerprints"]) == ["policylint/v1"]
    assert "Жалобы рассматриваются в течение 3 рабочих дней." in by_rule["CB001"]["message"]["text"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    levels = [(n["level"], n["descriptor"]["id"]) for n in invocation["toolExecutionNotifications"]]
    assert levels == [("error", "unreadable"), ("note", "skipped")]


def test_sarif_selected_rules_are_described(results: list[FileResult]) -> None:
    run = json.loads(report(results[1:], "sarif", selected_rules=["DL004", "OP001"]))["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["DL004", "OP001"]
    assert run["results"] == []


def test_sarif_all_readable_is_successful(results: list[FileResult]) -> None:
    run = json.loads(report(results[:1], "sarif"))["runs"][0]
    assert run["invocations"][0] == {"executionSuccessful": True, "toolExecutionNotifications": []}
    assert (
        "uriBaseId" not in run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    )


def test_sarif_fingerprints_survive_line_shifts() -> None:
    def fingerprints(text: str) -> tuple[list[str], list[int]]:
        doc = doc_from_text(text, "p.txt")
        findings = [
            Finding("DL004", "error", span_of(doc, "30 календарных")),
            Finding("OP001", "warning", span_of(doc, "ТОО")),
        ]
        run = json.loads(report([FileResult("p.txt", doc, findings)], "sarif"))["runs"][0]
        results = run["results"]
        return (
            [r["partialFingerprints"]["policylint/v1"] for r in results],
            [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results],
        )

    before, lines_before = fingerprints(POLICY)
    after, lines_after = fingerprints("0. Введение добавлено позже.\n\n\n" + POLICY)
    assert before == after
    assert lines_before != lines_after
    assert len(set(before)) == 2


def test_fingerprint_ignores_case_spacing_and_punctuation() -> None:
    assert fingerprint("DL004", "Срок — 30 дней.") == fingerprint("DL004", "срок 30  дней")
    assert fingerprint("DL004", "срок 30 дней") != fingerprint("DL005", "срок 30 дней")
    assert fingerprint("DL004", "срок 30 дней") != fingerprint("DL004", "срок 10 дней")


def test_sarif_repeated_finding_in_one_clause_gets_distinct_fingerprints(doc: Document) -> None:
    span = span_of(doc, "30 календарных дней")
    findings = [Finding("DL004", "error", span), Finding("DL004", "error", span)]
    results = json.loads(report([FileResult("p.txt", doc, findings)], "sarif"))["runs"][0][
        "results"
    ]
    first, second = (r["partialFingerprints"]["policylint/v1"] for r in results)
    assert first != second and first.split(":")[0] == second.split(":")[0]


# ---------------------------------------------------------------------------- github


def test_github_annotations(results: list[FileResult]) -> None:
    lines = report(results, "github", lang="en").splitlines()
    assert lines[0] == (
        "::warning file=site/privacy.txt,line=3,col=15,endLine=3,endColumn=27,title=OP001::"
        "Operator name incomplete%0ALaw: 94-V, art. 25(2)"
    )
    assert lines[1].startswith(
        "::error file=site/privacy.txt,line=7,col=54,endLine=7,endColumn=73,title=DL004::"
    )
    assert lines[1].endswith(
        "::Deadline of 30 days%0ALaw: 94-V, art. 25(2)%0AFix: State at most 3 working days"
    )
    assert lines[2].startswith("::notice file=site/privacy.txt,line=9,")
    assert lines[3] == "::error file=docs/broken.pdf,title=unreadable::not a PDF file"
    assert len(lines) == 4


def test_github_escaping(doc: Document) -> None:
    assert escape_data("100%\r\nok, a:b") == "100%25%0D%0Aok, a:b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    result = FileResult("dir,odd:name%.txt", doc, [Finding("OP001", "warning", Span(0, 1))])
    line = report([result], "github")
    assert line.startswith("::warning file=dir%2Codd%3Aname%25.txt,line=1,")
    assert "Оператор назван | неполно%0AЗакон: 94-V, ст. 25 п. 2" in line


# ----------------------------------------------------------------------------- junit


def test_junit(results: list[FileResult]) -> None:
    output = report(results, "junit")
    assert output.startswith("<?xml")
    root = ET.fromstring(output)
    assert root.tag == "testsuites"
    assert {key: root.get(key) for key in ("tests", "failures", "errors", "skipped")} == {
        "tests": "6",
        "failures": "3",
        "errors": "1",
        "skipped": "1",
    }
    policy, broken, skipped, clean = root.findall("testsuite")
    assert policy.get("name") == "site/privacy.txt" and policy.get("failures") == "3"
    failures = policy.findall("testcase/failure")
    assert [f.get("type") for f in failures] == ["OP001", "DL004", "CB001"]
    assert failures[1].get("message") == "Срок 30 дней"
    assert "Закон: 94-V, ст. 25 п. 2" in (failures[1].text or "")
    assert policy.findall("testcase")[1].get("name") == "DL004 7:54"
    error = broken.find("testcase/error")
    assert (
        error is not None
        and error.get("type") == "unreadable"
        and error.get("message") == "not a PDF file"
    )
    assert skipped.find("testcase/skipped") is not None
    assert len(clean.findall("testcase")) == 1 and clean.find("testcase/failure") is None


# -------------------------------------------------------------------------- markdown


def test_markdown(results: list[FileResult]) -> None:
    output = report(results, "markdown")
    assert output.startswith(
        "## Отчёт policylint\n\n**1 ошибка, 1 предупреждение, 1 замечание в 4 файлах;"
    )
    assert "### `site/privacy.txt`" in output
    assert "| Строка | Уровень | Правило | Сообщение | Закон |" in output
    assert "| 7:54 | 🔴 ошибка | `DL004` | Срок 30 дней | 94-V, ст. 25 п. 2 |" in output
    assert "Оператор назван \\| неполно" in output, "pipes in cells are escaped"
    assert "❌ не удалось прочитать: not a PDF file" in output
    assert "src/App.tsx" not in output, "skipped files are only counted"
    assert "### `site/clean.txt`" in output and "✅ замечаний нет" in output


def test_markdown_statistics(results: list[FileResult]) -> None:
    output = report(results, "markdown", statistics=True, lang="en")
    assert "| Count | Rule | Severity | Title |" in output
    assert "| 1 | `DL004` | 🔴 error | Title DL004 |" in output
    assert "site/privacy.txt" not in output


# ------------------------------------------------------------------------------ text


def test_text_plain(results: list[FileResult]) -> None:
    output = report(results, "text", color=False)
    assert "\x1b[" not in output
    lines = output.splitlines()
    assert lines[0] == "site/privacy.txt  языки: ru · юрисдикция: KZ"
    assert "site/privacy.txt:7:54 ошибка DL004 Срок 30 дней" in lines
    at = lines.index("site/privacy.txt:7:54 ошибка DL004 Срок 30 дней")
    assert lines[at + 1 : at + 5] == [
        "    2.1. Ответ на запрос субъекта направляется в течение 30 календарных дней.",
        "    Закон: 94-V, ст. 25 п. 2",
        "    Как исправить: Укажите не более 3 рабочих дней",
        "    См. также: site/privacy.txt:9:39",
    ]
    assert "docs/broken.pdf: not a PDF file" in lines
    assert "src/App.tsx" not in output
    assert "✓ site/clean.txt  языки: ru · юрисдикция: KZ  замечаний нет" in lines
    assert lines[-1] == (
        "1 ошибка, 1 предупреждение, 1 замечание в 4 файлах; не удалось прочитать: 1; пропущено: 1"
    )
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Law: 94-V, art. 25(2)",
                "Fix: State at most 3 working days",
                "See also:",
                "1 error, 1 warning, 1 info in 4 files",
            ],
        ),
        (
            "kk",
            [
                "Заң: 94-V, 25-бап 2-тармақ",
                "Түзету:",
                "Қараңыз:",
                "4 файлда: 1 қате, 1 ескерту, 1 ақпарат",
            ],
        ),
    ],
)
def test_text_languages(results: list[FileResult], lang: str, expected: list[str]) -> None:
    output = report(results, "text", color=False, lang=lang)
    for fragment in expected:
        assert fragment in output


def test_text_colour(results: list[FileResult]) -> None:
    assert "\x1b[" in report(results, "text", color=True)


def test_text_colour_auto_is_off_when_not_a_terminal(
    results: list[FileResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert "\x1b[" not in report(results, "text")


def test_text_keeps_location_lines_whole() -> None:
    doc = doc_from_text(
        "1.1. " + "слово " * 60 + "срок 30 дней " + "конец " * 60,
        "a/" + "long-name/" * 12 + "p.txt",
    )
    finding = Finding("DL004", "error", span_of(doc, "срок 30 дней"), params={"days": "30" * 30})
    lines = report([FileResult(doc.source.path, doc, [finding])], "text", color=False).splitlines()
    assert lines[1].startswith(doc.source.path + ":1:") and lines[1].endswith("30" * 30 + " дней")
    excerpt_lines = [line for line in lines[2:] if line.startswith("    ") and "Закон" not in line]
    assert all(len(line) <= 100 for line in excerpt_lines), "the excerpt wraps, indented"


def test_text_paged_location(doc: Document) -> None:
    doc.source.page_starts = [0, POLICY.index("2. Сроки")]
    output = report(
        [FileResult("p.pdf", doc, [Finding("DL004", "error", span_of(doc, "30"))])],
        "text",
        color=False,
    )
    assert "p.pdf:2:1 (page 2) ошибка DL004" in output


def test_text_statistics(results: list[FileResult]) -> None:
    output = report(results, "text", statistics=True, color=False, lang="en")
    header = next(line for line in output.splitlines() if "Count" in line)
    assert header.split() == ["Count", "Rule", "Severity", "Title"]
    assert any(
        line.split()[:4] == ["1", "DL004", "error", "Title"]
        for line in output.splitlines()
        if line.strip()
    )
    assert "site/privacy.txt:" not in output


# --------------------------------------------------------------------------- excerpt


def test_excerpt_collapses_whitespace() -> None:
    doc = doc_from_text("1.1.\tОператор   обрабатывает \t данные.\n", "p.txt")
    assert excerpt(doc, span_of(doc, "данные")) == "1.1. Оператор обрабатывает данные."


def test_excerpt_trims_around_the_span() -> None:
    text = "Начало " + "слово " * 80 + "ВАЖНО " + "хвост " * 80 + "конец."
    doc = doc_from_text(text, "p.txt")
    cut = excerpt(doc, span_of(doc, "ВАЖНО"))
    assert cut.startswith("…") and cut.endswith("…")
    assert "ВАЖНО" in cut and len(cut) <= 242
    middle = cut.index("ВАЖНО")
    assert abs(middle - (len(cut) - middle)) < 30, "the span sits near the middle"
    assert cut[1:].startswith("слово ") and cut[:-1].endswith(("хвост", "хвост ")), "cut at words"


def test_excerpt_at_the_start_and_end() -> None:
    text = "ВАЖНО " + "слово " * 80 + "КОНЕЦ"
    doc = doc_from_text(text, "p.txt")
    head = excerpt(doc, span_of(doc, "ВАЖНО"))
    tail = excerpt(doc, span_of(doc, "КОНЕЦ"))
    assert head.startswith("ВАЖНО") and head.endswith("…")
    assert tail.startswith("…") and tail.endswith("КОНЕЦ")


def test_excerpt_of_a_long_span_keeps_its_start() -> None:
    text = "Пролог. " + "длинный " * 100
    doc = doc_from_text(text, "p.txt")
    cut = excerpt(doc, Span(text.index("длинный"), len(text) - 1))
    assert cut.startswith("…длинный") or cut.startswith("Пролог.")
    assert cut.endswith("…") and len(cut) <= 242


# --------------------------------------------------------------------------- summary


@pytest.mark.parametrize(
    ("errors", "files", "expected"),
    [
        (1, 1, "1 ошибка, 0 предупреждений, 0 замечаний в 1 файле"),
        (2, 2, "2 ошибки, 0 предупреждений, 0 замечаний в 2 файлах"),
        (5, 11, "5 ошибок, 0 предупреждений, 0 замечаний в 11 файлах"),
        (11, 21, "11 ошибок, 0 предупреждений, 0 замечаний в 21 файле"),
        (22, 5, "22 ошибки, 0 предупреждений, 0 замечаний в 5 файлах"),
    ],
)
def test_russian_plurals(errors: int, files: int, expected: str) -> None:
    assert summary_line(Summary(files=files, errors=errors), "ru") == expected


def test_english_summary() -> None:
    line = summary_line(Summary(files=1, errors=1, warnings=2, infos=1, unreadable=1), "en")
    assert line == "1 error, 2 warnings, 1 info in 1 file; unreadable: 1"


# ---------------------------------------------------------------------------- render


def test_every_format_renders_empty_results() -> None:
    for fmt in FORMATS:
        assert isinstance(render([], fmt, catalog={}), str)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "html"}, "unknown format 'html'"),
        ({"fmt": "json", "lang": "de"}, "unknown language 'de'"),
        ({"fmt": "sarif", "statistics": True}, "--statistics works with --format"),
    ],
)
def test_render_rejects(options: dict, message: str) -> None:
    fmt = options.pop("fmt")
    with pytest.raises(ValueError, match=message):
        render([], fmt, catalog={}, **options)


def test_json_path_does_not_import_rich() -> None:
    code = (
        "import sys\n"
        "from policylint.model import FileResult, InputError\n"
        "from policylint.report import render\n"
        "for fmt in ('json', 'jsonl', 'sarif', 'github', 'junit', 'markdown'):\n"
        "    result = FileResult('x', error=InputError('x', 'unreadable', 'bad'))\n"
        "    render([result], fmt, catalog={})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'yaml', 'click')))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"
