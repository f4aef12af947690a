"""The audit's reports (policylint/audit/site.py): pages, highlights, escaping, CSV and
summary, on records built the way an audit builds them from the real seed policies."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint.audit import site
from policylint.audit.records import build_record
from policylint.audit.site import CSV_COLUMNS, write_reports
from policylint.audit.sources import Source
from policylint.pipeline import Linter
from policylint.report.common import prepare_one
from tests.helpers import SEEDS

RUN = {
    "started_at": "2025-03-03T09:00:00+05:00", "finished_at": "2025-03-03T09:04:12+05:00",
    "tool_version": "0.1.0", "sources": 0, "previous_run_started_at": "2025-02-03T09:00:00+05:00",
    "jobs": 2,
}
#: The bilingual seed (KK then RU) and a Russian one.
BILINGUAL_SEED = SEEDS / "001_3024b6d5ff9eebb7.txt"
RUSSIAN_SEED = SEEDS / "000_f6ca1e19d33ce886.txt"
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> \'><svg onload=alert(3)>'


def seed_record(linter: Linter, seed: Path, url: str) -> dict[str, Any]:
    """The audit record of ``seed`` as if it had been fetched from ``url``."""
    data = seed.read_bytes()
    result = linter.lint_path(str(seed))
    view = prepare_one(result, catalog=linter.catalog, lang="ru", root=None)
    host = url.split("/")[2]
    return build_record(Source(url, host, url), result, view, data, None, 40.0)


def audit_records(linter: Linter) -> list[dict[str, Any]]:
    """Every seed as a site, plus a site that could not be fetched and a component
    without policy text: what a real audit of a handful of sites gives."""
    records = [
        seed_record(linter, seed, f"https://shop{number}.example.kz/privacy")
        for number, seed in enumerate(sorted(SEEDS.glob("*.txt")))
    ]
    records.append({
        "id": "0badf00d0001", "source": "https://down.example.kz/privacy", "site": "down.example.kz",
        "path": "https://down.example.kz/privacy", "status": "error",
        "error": {"code": "network", "message": "DNS lookup failed for down.example.kz"},
        "skipped": None, "content_hash": None, "languages": [], "jurisdiction": None,
        "text": None, "findings": [], "fetch": None, "elapsed_ms": 3.0,
    })
    records.append({
        "id": "0badf00d0002", "source": "frontend/src/Footer.tsx", "site": "frontend",
        "path": "frontend/src/Footer.tsx", "status": "skipped", "error": None,
        "skipped": "no policy text", "content_hash": "0" * 64, "languages": [],
        "jurisdiction": None, "text": None, "findings": [], "fetch": None, "elapsed_ms": 1.0,
    })
    return records


@dataclass
class Change:
    """The shape of the orchestrator's change objects (attributes, not keys)."""

    state: str
    new: list[dict[str, Any]] = field(default_factory=list)
    fixed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0


def changes_for(records: list[dict[str, Any]]) -> dict[str, Any]:
    """First seed: two findings new, one fixed; second: a new source; the rest unchanged
    (half as dataclasses, half as dicts, as both must be accepted)."""
    first, second, *rest = records
    changes: dict[str, Any] = {
        first["source"]: Change("changed", new=first["findings"][:2], unchanged=len(first["findings"]) - 2,
                                fixed=[{"rule": "DL001", "severity": "warning", "fingerprint": "f" * 32,
                                        "message": "Срок хранения не указан",
                                        "excerpt": "Персональные данные хранятся бессрочно."}]),
        second["source"]: {"state": "new_source", "new": second["findings"], "fixed": [], "unchanged": 0},
    }
    for record in rest:
        changes[record["source"]] = {"state": "unchanged", "new": [], "fixed": [],
                                     "unchanged": len(record["findings"])}
    return changes


@pytest.fixture(scope="module")
def records(linter: Linter) -> list[dict[str, Any]]:
    return audit_records(linter)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, records: list[dict[str, Any]]) -> Path:
    out = tmp_path_factory.mktemp("audit")
    write_reports(out, records, changes=changes_for(records), run=RUN, lang="ru")
    return out


# ------------------------------------------------------------------------------ HTML parsing


class Page(HTMLParser):
    """A page's tags and attributes, and the policy text (``pre#text``) as pieces with
    the finding numbers of the ``<mark>`` around each."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.pieces: list[tuple[str, frozenset[int]]] = []
        self.ids: set[str] = set()
        self._in_text = 0
        self._marks: list[frozenset[int]] = []
        self._script = False
        self.scripts: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"] or "")
        if tag == "pre" and attributes.get("id") == "text":
            self._in_text = 1
        elif self._in_text:
            self._in_text += 1
            if tag == "mark":
                self._marks.append(frozenset(int(n) for n in (attributes.get("data-f") or "").split()))
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1
            if tag == "mark":
                self._marks.pop()
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.scripts.append(data)
        if self._in_text:
            self.pieces.append((data, self._marks[-1] if self._marks else frozenset()))

    def text(self) -> str:
        return "".join(piece for piece, _ in self.pieces)

    def coverage(self) -> list[frozenset[int]]:
        """For each character of the policy text, the findings highlighted over it."""
        return [numbers for piece, numbers in self.pieces for _ in piece]

    def attribute_values(self, name: str) -> Iterator[tuple[str, str]]:
        for tag, attributes in self.tags:
            if attributes.get(name) is not None:
                yield tag, attributes[name] or ""


def doc_page(out: Path, record: dict[str, Any]) -> Page:
    return Page((out / "docs" / f"{record['id']}.html").read_text(encoding="utf-8"))


def read_csv(out: Path) -> list[dict[str, str]]:
    with (out / "findings.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


# ------------------------------------------------------------------------------ the files


def test_writes_every_output_and_pages_only_for_read_documents(report: Path, records: list[dict]) -> None:
    assert (report / "index.html").is_file()
    assert (report / "summary.json").is_file()
    assert (report / "findings.csv").is_file()
    pages = {path.name for path in (report / "docs").iterdir()}
    assert pages == {f"{r['id']}.html" for r in records if r["status"] == "ok"}
    index = Page((report / "index.html").read_text(encoding="utf-8"))
    links = {value for tag, value in index.attribute_values("href") if tag == "a"}
    assert {f"docs/{r['id']}.html" for r in records if r["status"] == "ok"} <= links


def test_index_shows_totals_charts_and_a_row_per_source(report: Path, records: list[dict]) -> None:
    markup = (report / "index.html").read_text(encoding="utf-8")
    index = Page(markup)
    rows = [attrs for tag, attrs in index.tags if tag == "tr" and "data-status" in attrs]
    assert len(rows) == len(records)
    assert sorted(r["data-status"] for r in rows) == sorted(r["status"] for r in records)
    svg_ids = {attrs.get("id") for tag, attrs in index.tags if tag == "section"}
    assert {"chart-by-rule", "chart-by-severity", "chart-worst", "chart-changes"} <= svg_ids
    assert sum(tag == "svg" for tag, _ in index.tags) == 4
    errors = sum(f["severity"] == "error" for r in records for f in r["findings"])
    assert f'<span class="value">{errors}</span><span class="name">Ошибки</span>' in markup
    # The unreachable site says why, the skipped component says it has no policy text.
    assert "DNS lookup failed for down.example.kz" in markup
    assert "нет текста политики" in markup


def test_first_run_has_no_change_columns(tmp_path: Path, records: list[dict]) -> None:
    write_reports(tmp_path, records, changes=None, run={**RUN, "previous_run_started_at": None})
    markup = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Предыдущего аудита нет" in markup
    assert ">Новые<" not in markup
    assert {row["state"] for row in read_csv(tmp_path)} == {""}
    assert json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["changes"] is None


@pytest.mark.parametrize(("lang", "words"), [
    ("kk", ["Құпиялылық саясаттарының аудиті", "Сайттар мен құжаттар", "Ережелер бойынша мәселелер"]),
    ("en", ["Privacy policy audit", "Sites and documents", "Findings by rule"]),
])
def test_labels_follow_the_language(tmp_path: Path, records: list[dict], lang: str, words: list[str]) -> None:
    write_reports(tmp_path, records, changes=changes_for(records), run=RUN, lang=lang)
    markup = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in markup
    for word in words:
        assert word in markup


def test_every_language_has_every_label() -> None:
    keys = {lang: set(table) for lang, table in site._TEXT.items()}
    assert keys["ru"] == keys["kk"] == keys["en"]


# ------------------------------------------------------------------------ document pages


def test_document_page_highlights_real_findings_at_their_lines(report: Path, records: list[dict]) -> None:
    record = records[1]  # the bilingual seed
    page = doc_page(report, record)
    text = record["text"]
    assert page.text() == text
    coverage = page.coverage()
    for number, finding in enumerate(record["findings"]):
        start, end = finding["start"], finding["end"]
        assert f"m-{number}" in page.ids and f"d-{number}" in page.ids
        assert all(number in coverage[i] for i in range(start, end))
    # Yandex Metrica without a cross-border section (CB001) is marked on line 101 of the
    # seed file, where the service is named.
    seed_lines = BILINGUAL_SEED.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text_line in enumerate(seed_lines, 1) if "Яндекс Метрика" in text_line)
    number, finding = next((n, f) for n, f in enumerate(record["findings"]) if f["rule"] == "CB001")
    assert finding["line"] == line
    assert text[finding["start"]:finding["end"]] == "Яндекс Метрика"
    markup = (report / "docs" / f"{record['id']}.html").read_text(encoding="utf-8")
    assert f'<a href="#m-{number}">Строка {line}:' in markup


def test_new_findings_are_marked_and_fixed_ones_listed(report: Path, records: list[dict]) -> None:
    changed = records[0]
    page = doc_page(report, changed)
    states = {int(a["id"][2:]): a["data-state"] for t, a in page.tags if t == "li" and "data-state" in a}
    new = {f["fingerprint"] for f in changed["findings"][:2]}
    assert states == {n: "new" if f["fingerprint"] in new else "unchanged"
                      for n, f in enumerate(changed["findings"])}
    new_marks = [a for t, a in page.tags if t == "mark" and "new" in a["class"].split()]
    assert {int(n) for a in new_marks for n in a["data-f"].split()} >= {0, 1}
    markup = (report / "docs" / f"{changed['id']}.html").read_text(encoding="utf-8")
    assert "Исправлено с прошлого аудита (1)" in markup
    assert "Персональные данные хранятся бессрочно." in markup
    new_source = doc_page(report, records[1])
    assert {a["data-state"] for t, a in new_source.tags if t == "li" and "data-state" in a} == {"new"}


def hand_record(text: str, spans: list[tuple[int, int]], **extra: Any) -> dict[str, Any]:
    severities = ("error", "warning", "info")
    findings = [
        {"rule": f"TS{n:03d}", "severity": severities[n % 3], "title": f"Проверка {n}",
         "message": "Оператор не указал срок.", "law": "94-V, ст. 25", "fix": None,
         "line": 1, "column": 1 + start, "end_line": 1, "end_column": 1 + end, "location": None,
         "excerpt": text[start:end], "start": start, "end": end, "fingerprint": f"{n:032x}", "related": []}
        for n, (start, end) in enumerate(spans)
    ]
    record = {"id": "00000000abcd", "source": "policy.txt", "site": "policy.txt", "path": "policy.txt",
              "status": "ok", "error": None, "skipped": None, "languages": ["ru"], "jurisdiction": "KZ",
              "text": text, "findings": findings, "fetch": None, "elapsed_ms": 1.0}
    record.update(extra)
    return record


def test_overlapping_and_nested_findings_split_into_segments(tmp_path: Path) -> None:
    text = ("3.2. Оператор вправе передавать персональные данные третьим лицам без согласия "
            "Субъекта в случаях, предусмотренных законодательством Республики Казахстан.")
    operator = text.index("Оператор")
    third = text.index("третьим лицам")
    law = text.index("законодательством")
    spans = [(operator, law), (third, third + len("третьим лицам")), (third - 5, law + 5),
             (law, law), (0, len(text))]
    record = hand_record(text, spans)
    write_reports(tmp_path, [record], changes=None, run=RUN)
    page = doc_page(tmp_path, record)
    assert page.text() == text
    coverage = page.coverage()
    for position in range(len(text)):
        expected = {n for n, (start, end) in enumerate(spans) if start <= position < end}
        assert coverage[position] == expected, position
    marks = [a for t, a in page.tags if t == "mark"]
    point = [a for a in marks if "point" in a["class"]]
    assert [a["data-f"] for a in point] == ["3"]
    # A stretch under an error and a warning is coloured as an error and marked as shared.
    shared = next(a for a in marks if set(a["data-f"].split()) == {"0", "1", "2", "4"})
    assert "sev-error" in shared["class"] and "multi" in shared["class"]
    assert all(a["tabindex"] == "0" and a["role"] == "button" for a in marks)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_highlighting_keeps_the_text_and_covers_exactly_the_spans(tmp_path_factory: pytest.TempPathFactory,
                                                                  data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="аәбқ <>&\"'\n", min_size=0, max_size=60))
    bound = st.integers(min_value=-3, max_value=len(text) + 3)
    spans = data.draw(st.lists(st.tuples(bound, bound), max_size=6))
    record = hand_record(text, spans)
    out = tmp_path_factory.mktemp("prop")
    write_reports(out, [record], changes=None, run=RUN)
    page = doc_page(out, record)
    assert page.text() == text
    coverage = page.coverage()
    for position in range(len(text)):
        expected = set()
        for n, (start, end) in enumerate(spans):
            start = min(max(start, 0), len(text))
            if start <= position < min(max(end, start), len(text)):
                expected.add(n)
        assert coverage[position] == expected


# ------------------------------------------------------------------------------ escaping


def hostile_record() -> dict[str, Any]:
    text = ("1.1. Политика конфиденциальности ТОО «Пример».\n\n"
            f"1.2. {HOSTILE}\n\n"
            "1.3. Субъект вправе отозвать согласие, направив заявление на privacy@example.kz.\n")
    start = text.index("<script>")
    record = hand_record(text, [(start, start + len(HOSTILE))], source="javascript:alert(4)",
                         site=f"evil{HOSTILE}", path=f"site/{HOSTILE}.html", id="../../escape")
    finding = record["findings"][0]
    finding.update(message=f"</script><script>alert(5)</script>{HOSTILE}", fix=HOSTILE,
                   title=HOSTILE, law=HOSTILE, excerpt="=HYPERLINK(\"http://evil\")" + HOSTILE,
                   related=[{"line": 2, "column": 1, "excerpt": HOSTILE, "location": None, "start": 0}])
    return record


def broken_record() -> dict[str, Any]:
    return {"id": "0badf00d0003", "source": HOSTILE, "site": HOSTILE, "path": HOSTILE,
            "status": "error", "error": {"code": "unreadable", "message": HOSTILE}, "skipped": None,
            "languages": [], "jurisdiction": None, "text": None, "findings": [], "fetch": None}


def test_nothing_from_a_policy_becomes_markup(tmp_path: Path) -> None:
    records = [hostile_record(), broken_record()]
    write_reports(tmp_path, records, changes={HOSTILE: {"state": "changed", "new": [], "unchanged": 0,
                                                        "fixed": [{"rule": HOSTILE, "message": HOSTILE,
                                                                   "excerpt": HOSTILE, "severity": HOSTILE}]}},
                  run=RUN)
    pages = [tmp_path / "index.html", *(tmp_path / "docs").iterdir()]
    assert len(pages) == 2  # the id that walks out of docs/ got a safe name inside it
    expected_tags = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1",
                     "h2", "h3", "p", "span", "a", "div", "section", "svg", "text", "rect", "line",
                     "table", "thead", "tbody", "tr", "th", "td", "input", "select", "option", "pre",
                     "mark", "aside", "ul", "ol", "li", "code", "strong", "dl", "dt", "dd", "q", "br",
                     "script", "i"}
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        page = Page(markup)
        assert {tag for tag, _ in page.tags} <= expected_tags, path
        assert sum(tag == "script" for tag, _ in page.tags) == 1
        assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
        assert "alert" not in "".join(page.scripts)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
        assert "<img" not in markup and "<svg onload" not in markup
        assert not any(value.startswith("javascript:") for _, value in page.attribute_values("href"))
    document = doc_page(tmp_path, {"id": next((tmp_path / "docs").iterdir()).stem})
    assert HOSTILE in document.text()


def test_no_resource_leaves_the_machine(report: Path) -> None:
    for path in [report / "index.html", *(report / "docs").iterdir()]:
        markup = path.read_text(encoding="utf-8")
        page = Page(markup)
        assert not list(page.attribute_values("src")), path
        assert not any(tag == "link" for tag, _ in page.tags)
        for tag, value in page.attribute_values("href"):
            if value.startswith(("http://", "https://")):
                assert tag == "a"  # a link to an audited site, never a resource
        csp = next(a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy")
        assert csp.startswith("default-src 'none';") and "img-src data:" in csp
        style = markup[markup.index("<style>"):markup.index("</style>")]
        assert "url(" not in style and "@import" not in style


# ------------------------------------------------------------------------- CSV and JSON


def test_csv_has_a_row_per_finding_with_bom_and_states(report: Path, records: list[dict]) -> None:
    raw = (report / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(report)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == sum(len(r["findings"]) for r in records)
    first = records[0]
    states = [row["state"] for row in rows if row["source"] == first["source"]]
    assert states.count("new") >= 2 and set(states) == {"new", "unchanged"}
    cb001 = next(row for row in rows if row["rule"] == "CB001")
    assert cb001["site"] == "shop1.example.kz" and cb001["line"] == "101"
    assert "Яндекс Метрика" in cb001["excerpt"]


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    write_reports(tmp_path, [hostile_record()], changes=None, run=RUN)
    (row,) = read_csv(tmp_path)
    assert row["excerpt"].startswith("'=HYPERLINK")
    assert row["message"].startswith("</script>")


def test_summary_totals(report: Path, records: list[dict]) -> None:
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    findings = [f for r in records for f in r["findings"]]
    assert summary["documents"] == {"total": len(records), "ok": 5, "skipped": 1, "error": 1}
    assert summary["findings"]["total"] == len(findings)
    for severity in ("error", "warning", "info"):
        assert summary["findings"][severity] == sum(f["severity"] == severity for f in findings)
    assert sum(rule["findings"] for rule in summary["rules"].values()) == len(findings)
    assert summary["rules"]["CB001"]["documents"] == 1
    assert summary["rules"]["DL001"]["fixed"] == 1
    site_totals = summary["sites"]["shop0.example.kz"]
    assert site_totals["documents"] == 1 and site_totals["status"]["ok"] == 1
    assert sum(site_totals["findings"].values()) == len(records[0]["findings"])
    assert summary["sites"]["down.example.kz"]["status"]["error"] == 1
    changes = summary["changes"]
    assert changes["fixed"] == 1
    assert changes["new"] == 2 + len(records[1]["findings"])
    assert changes["sources"] == {"changed": 1, "new_source": 1, "unchanged": 5}
    assert summary["run"]["tool_version"] == "0.1.0"


# ------------------------------------------------------------------------------ robustness


def test_odd_records_still_give_pages(tmp_path: Path) -> None:
    """Offsets out of range or reversed, a missing text, unknown severities and missing
    keys are drawn as well as they can be, never a crash."""
    text = "Оператор обрабатывает персональные данные."
    odd = hand_record(text, [(-5, 3), (30, 10), (40, 400), (5, 5)])
    odd["findings"][0]["severity"] = "critical"
    odd["findings"].append({"rule": "X1"})
    no_text = {**hand_record("", [], id="00000000abce", source="b.txt"), "text": None}
    bare = {"id": "00000000abcf", "source": "c.txt", "status": "ok", "findings": [{"rule": "X2", "start": 0}]}
    write_reports(tmp_path, [odd, no_text, bare], changes={"c.txt": {"state": "changed"}}, run={})
    page = doc_page(tmp_path, odd)
    assert page.text() == text
    assert (tmp_path / "docs" / "00000000abce.html").is_file()
    assert len(read_csv(tmp_path)) == 6


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_reports(tmp_path, [], changes=None, run=RUN, lang="de")


def test_many_sites_write_quickly(tmp_path: Path, records: list[dict]) -> None:
    """400 documents of 18–35 thousand characters; 2,000 take about 2 s on the CI machine."""
    ok = [r for r in records if r["status"] == "ok"]
    many = []
    for number in range(400):
        record = dict(ok[number % len(ok)])
        record.update(id=f"{number:012x}", source=f"https://site{number}.kz/privacy", site=f"site{number}.kz")
        many.append(record)
    started = time.perf_counter()
    write_reports(tmp_path, many, changes=changes_for(many), run=RUN)
    assert time.perf_counter() - started < 10
    assert len(list((tmp_path / "docs").iterdir())) == 400
