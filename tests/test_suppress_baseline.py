"""Inline suppressions in real file formats, and baselines through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylint.cli import main

CLAUSE_RU = "6.1. Обращения субъектов принимаются по адресу bektek.privacy@gmail.com."
INTRO = "1.1. Оператор персональных данных — ТОО «Бектек», БИН 251140031036, обрабатывает персональные данные пользователей."

FILES = {
    "privacy.html": f"<main>\n<p>{INTRO}</p>\n<!-- policylint: disable=OP008 -- ящик переносится на домен -->\n<p>{CLAUSE_RU}</p>\n</main>\n",
    "page.tsx": f"export default () => (\n  <main>\n    <p>{INTRO}</p>\n    {{/* policylint: disable-next=OP008 -- временный ящик */}}\n    <p>{CLAUSE_RU}</p>\n  </main>\n);\n",
    "text.py": f'# policylint: disable-file=OP008 -- почта поддержки\nTEXT = """{INTRO}\n\n{CLAUSE_RU}"""\n',
    "privacy.blade.php": f"<p>{INTRO}</p>\n{{{{-- policylint: disable=OP008 -- временно --}}}}\n<p>{CLAUSE_RU}</p>\n",
}


def _check(path: Path, *args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "OP008,PL", *args, str(path)])
    return result.exit_code, json.loads(result.output)


@pytest.mark.parametrize("name", sorted(FILES))
def test_suppression_in_each_comment_syntax(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(FILES[name], encoding="utf-8")
    _, report = _check(path)
    rules = [f["rule"] for f in report["files"][0]["findings"]]
    assert "OP008" not in rules and "PL001" not in rules, report
    unsuppressed = tmp_path / f"plain{path.suffix}"
    unsuppressed.write_text(FILES[name].replace("policylint:", "note:"), encoding="utf-8")
    _, report = _check(unsuppressed)
    assert "OP008" in [f["rule"] for f in report["files"][0]["findings"]], report


def test_unused_suppression_points_at_the_comment(tmp_path: Path) -> None:
    path = tmp_path / "privacy.html"
    path.write_text(FILES["privacy.html"].replace("bektek.privacy@gmail.com", "privacy@bektek.kz"), encoding="utf-8")
    _, report = _check(path)
    unused = [f for f in report["files"][0]["findings"] if f["rule"] == "PL001"]
    assert len(unused) == 1 and unused[0]["line"] == 3 and "policylint: disable=OP008" in unused[0]["excerpt"]


def test_baseline_hides_known_findings_and_shows_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "privacy.html"
    path.write_text(FILES["privacy.html"].replace("policylint:", "note:"), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = CliRunner().invoke(main, ["check", "--select", "OP008", "--write-baseline", str(baseline), str(path)])
    assert result.exit_code == 0 and baseline.is_file()
    code, report = _check(path, "--baseline", str(baseline))
    assert report["files"][0]["findings"] == [] and code == 0
    # Lines moved: the finding is still the known one.
    path.write_text("<p>Вступление.</p>\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    code, report = _check(path, "--baseline", str(baseline))
    assert report["files"][0]["findings"] == [] and code == 0
    # Without the baseline it is still there.
    code, report = _check(path)
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["OP008"]


def test_unreadable_baseline_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--baseline", str(bad), str(tmp_path)])
    assert result.exit_code == 2
