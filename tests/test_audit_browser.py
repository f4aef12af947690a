"""The audit report in a real headless Chromium: the summary renders, the table filters
and sorts, a click on a highlight explains the finding, nothing runs from a policy and
nothing is fetched from the network.

Needs Debian's ``chromium`` (/usr/bin/chromium) and the ``playwright`` package; CI installs
both, so a missing one is a failure, not a skip. Screenshots go to the test's tmp folder
and, when ``POLICYLINT_TEST_ARTIFACTS`` is set, into that folder as well.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policylint.audit.site import write_reports
from policylint.pipeline import Linter
from tests.test_audit_site import HOSTILE, RUN, audit_records, changes_for, hand_record

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: The report's folder and the records it was written from.
Report = tuple[Path, list[dict[str, Any]]]
#: How long to wait for anything on a local page, in milliseconds.
TIMEOUT = 10_000


class Browser:
    """One page of a headless Chromium, with what it logged and what it requested."""

    def __init__(self, page: Any, artifacts: list[Path]):
        self.page = page
        self.artifacts = artifacts
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def screenshot(self, name: str, full_page: bool = True) -> None:
        for folder in self.artifacts:
            self.page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: pip install playwright "
                    "(no 'playwright install': the test uses /usr/bin/chromium)")
    artifacts = [tmp_path]
    if os.environ.get("POLICYLINT_TEST_ARTIFACTS"):
        folder = Path(os.environ["POLICYLINT_TEST_ARTIFACTS"])
        folder.mkdir(parents=True, exist_ok=True)
        artifacts.append(folder)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(TIMEOUT)
            session = Browser(page, artifacts)
            yield session
        finally:
            chromium.close()
    assert session.problems == []
    assert session.dialogs == []
    assert [url for url in session.requests if not url.startswith("file://")] == []


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    records = audit_records(Linter.load())
    text = f"1. Общие положения\n\n1.1. {HOSTILE}\n\n1.2. Оператор обрабатывает персональные данные.\n"
    start = text.index("<script>")
    records.append(hand_record(text, [(start, start + len(HOSTILE))], id="0badf00d0004",
                               source="https://evil.example.kz/privacy", site="evil.example.kz",
                               path="https://evil.example.kz/privacy"))
    out = tmp_path_factory.mktemp("report")
    write_reports(out, records, changes=changes_for(records), run=RUN)
    return out, records


def visible_rows(browser: Browser) -> list[str]:
    """The first cells (sites) of the table rows a person sees, in order."""
    return browser.page.locator("#sites tbody tr:visible td:first-child").all_inner_texts()


def test_summary_filter_and_sort(browser: Browser, report: Report) -> None:
    out, records = report
    page = browser.page
    page.goto((out / "index.html").as_uri())
    assert page.locator("#chart-by-rule svg").is_visible()
    assert page.locator("#chart-worst svg rect").count() > 0
    cards = dict(zip(page.locator("#cards .name").all_inner_texts(),
                     page.locator("#cards .value").all_inner_texts(), strict=True))
    assert cards["Документы"] == str(len(records))
    assert cards["Ошибки"] == str(sum(f["severity"] == "error" for r in records for f in r["findings"]))
    assert page.locator("#shown").inner_text() == f"Показано {len(records)} из {len(records)}"
    browser.screenshot("audit-index")

    page.fill("#filter-text", "shop2.example")
    assert visible_rows(browser) == ["shop2.example.kz"]
    page.fill("#filter-text", "")
    page.select_option("#filter-status", "error")
    assert visible_rows(browser) == ["down.example.kz"]
    page.select_option("#filter-status", "changed")
    assert sorted(visible_rows(browser)) == ["shop0.example.kz", "shop1.example.kz"]
    page.select_option("#filter-status", "")
    page.select_option("#filter-severity", "error")
    with_errors = {r["site"] for r in records if any(f["severity"] == "error" for f in r["findings"])}
    assert set(visible_rows(browser)) == with_errors
    page.select_option("#filter-severity", "")
    assert len(visible_rows(browser)) == len(records)

    site_header = page.locator("#sites th", has_text="Сайт")
    site_header.locator("button").click()
    assert site_header.get_attribute("aria-sort") == "ascending"
    sites = sorted(r["site"] for r in records)
    assert visible_rows(browser) == sites
    site_header.locator("button").click()
    assert visible_rows(browser) == sites[::-1]
    page.locator("#sites th", has_text="Ошибки").locator("button").click()
    errors = [int(n) for n in page.locator("#sites tbody tr td:nth-child(5)").all_inner_texts()]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    browser.screenshot("audit-index-sorted")


def test_document_page_explains_a_highlight(browser: Browser, report: Report) -> None:
    out, records = report
    page = browser.page
    page.goto((out / "index.html").as_uri())
    page.locator("#sites a", has_text="shop1.example.kz").click()
    page.wait_for_url("**/docs/*.html")
    record = records[1]
    number, finding = next((n, f) for n, f in enumerate(record["findings"]) if f["rule"] == "CB001")
    panel = page.locator("#panel")
    assert panel.is_visible() and "CB001" not in panel.inner_text()

    page.locator(f'#text mark[data-f~="{number}"]').first.click()
    assert "CB001" in panel.inner_text()
    assert finding["fix"][:40] in " ".join(panel.inner_text().split())
    assert page.locator("#text mark.active").count() >= 1
    browser.screenshot("audit-document", full_page=False)  # the page is ~20,000 px long

    # The keyboard reaches a highlight and focus shows its explanation too.
    other_number, other = next((n, f) for n, f in enumerate(record["findings"])
                               if f["rule"] != "CB001" and f["end"] > f["start"])
    page.locator(f'#text mark[data-f~="{other_number}"]').first.focus()
    assert other["rule"] in panel.inner_text()

    # A line number in the list of findings leads to the highlight and explains it.
    page.locator(f'#d-{number} a[href="#m-{number}"]').click()
    assert "CB001" in panel.inner_text()
    assert page.evaluate("location.hash") == f"#m-{number}"


def test_a_hostile_policy_stays_text(browser: Browser, report: Report) -> None:
    out, _ = report
    page = browser.page
    page.goto((out / "docs" / "0badf00d0004.html").as_uri())
    assert HOSTILE in page.locator("#text").inner_text()
    assert page.locator("#text img, #text script, #text svg").count() == 0
    page.locator("#text mark").first.click()
    assert "TS000" in page.locator("#panel").inner_text()
    browser.screenshot("audit-hostile")

