"""The command line as users and CI meet it: exit codes, bad inputs, formats, config."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from policylint.cli import main
from tests.helpers import ROOT, SEEDS

SEED0 = str(SEEDS / "000_f6ca1e19d33ce886.txt")
SEED3 = str(SEEDS / "003_773249eee23e4afc.txt")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = runner.invoke(main, list(args), input=stdin, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_findings_exit_1_and_json_contract() -> None:
    code, out, _ = run("check", "--format", "json", SEED0)
    assert code == 1
    report = json.loads(out)
    assert report["tool"] == "policylint"
    (file,) = report["files"]
    assert file["languages"] == ["ru"] and file["jurisdiction"] == "KZ" and file["skipped"] is None
    dl003 = next(f for f in file["findings"] if f["rule"] == "DL003")
    assert dl003["line"] == 413 and dl003["severity"] == "error"
    assert "72" in dl003["excerpt"] and dl003["law"]
    assert set(report["summary"]) == {"files", "errors", "warnings", "infos", "unreadable"}


def test_fail_on_never_and_select(tmp_path: Path) -> None:
    assert run("check", "--fail-on", "never", SEED0, cwd=tmp_path)[0] == 0
    code, out, _ = run("check", "--format", "json", "--select", "DL003", SEED0, cwd=tmp_path)
    assert code == 1
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"DL003"}
    code, out, _ = run("check", "--format", "json", "--select", "DL", "--ignore", "DL003", SEED0)
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"DL004"}


def test_bad_inputs_are_one_line_errors_and_exit_3(tmp_path: Path) -> None:
    binary = tmp_path / "logo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    unrelated = tmp_path / "menu.txt"
    unrelated.write_text("Каталог\nДоставка и оплата\nКонтакты\nВойти\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run("check", "--format", "json", str(binary), str(empty), str(unrelated),
                         str(missing), SEED3)
    assert code == 3
    report = json.loads(out)
    errors = {Path(f["path"]).name: f["error"]["code"] for f in report["files"] if "error" in f}
    assert errors == {"logo.txt": "binary", "empty.txt": "empty", "menu.txt": "not_policy",
                      "missing.txt": "not_found"}
    linted = [f for f in report["files"] if "findings" in f]
    assert len(linted) == 1 and linted[0]["findings"], "the good file is still linted"
    assert report["summary"]["unreadable"] == 4
    assert "Traceback" not in out + err


def test_text_report_names_each_bad_file_on_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, _ = run("check", str(missing))
    assert code == 3
    lines = [line for line in out.splitlines() if "nope.txt" in line]
    assert len(lines) == 1 and "Traceback" not in out


def test_stdin_and_cp1251() -> None:
    text = Path(SEED3).read_text(encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "-", stdin=text.encode("cp1251"))
    assert code == 1
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert {"OP004", "OP008", "DL005"} <= rules


def test_folder_is_searched_and_parallel_equals_serial(tmp_path: Path) -> None:
    serial = json.loads(run("check", "--format", "json", "--jobs", "1", str(SEEDS))[1])
    parallel = json.loads(run("check", "--format", "json", "--jobs", "2", str(SEEDS))[1])
    policies = [f["path"] for f in serial["files"] if f["path"].endswith(".txt")]
    assert len(policies) == 5  # and expected.yaml, read as an i18n dictionary
    assert serial == parallel


def test_config_file_and_bad_config(tmp_path: Path) -> None:
    (tmp_path / ".policylint.toml").write_text('ignore = ["DL"]\nfail-on = "never"\nlang = "en"\n')
    code, out, _ = run("check", "--format", "json", SEED0, cwd=tmp_path)
    assert code == 0
    findings = json.loads(out)["files"][0]["findings"]
    assert findings and not any(f["rule"].startswith("DL") for f in findings)
    assert all(re.search(r"\b[a-z]{4,}\b", f["message"]) for f in findings), "messages in English"
    (tmp_path / ".policylint.toml").write_text('fail-on = "sometimes"\n')
    code, _, err = run("check", SEED0, cwd=tmp_path)
    assert code == 2 and "fail-on" in err and "Traceback" not in err


def test_usage_error_exit_2() -> None:
    assert run("check", "--format", "pdf", SEED0)[0] == 2
    assert run("check", "--statistics", "--format", "sarif", SEED0)[0] == 2
    assert run("rules", "XX999")[0] == 2


def test_statistics_and_formats() -> None:
    code, out, _ = run("check", "--statistics", "--format", "json", SEED0)
    counts = {row["rule"]: row["count"] for row in json.loads(out)["statistics"]}
    assert counts["DL003"] == 1
    for fmt in ("text", "jsonl", "github", "junit", "markdown", "sarif"):
        code, out, _ = run("check", "--format", fmt, "--lang", "kk", SEED0)
        assert code == 1 and "DL003" in out, fmt


def test_rules_list_and_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "DL004" in out and "OP001" in out
    for lang, word in (("ru", "Закон"), ("kk", "Заң"), ("en", "Law")):
        code, out, _ = run("rules", "DL004", "--lang", lang)
        assert code == 0 and word in out and "[kk]" in out and "[ru]" in out


def test_eval_scores_the_corpus() -> None:
    code, out, _ = run("eval", "--format", "json", str(ROOT / "corpora"))
    assert code == 0
    assert json.loads(out)


def test_console_script_runs_as_a_process() -> None:
    """The installed entry point, as pre-commit and CI call it (no traceback, exit 1)."""
    result = subprocess.run(
        [sys.executable, "-m", "policylint", "check", "--format", "github", SEED0],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::")


def test_configured_operator_facts_are_compared(tmp_path: Path) -> None:
    """[operator] in the configuration: the policy must state exactly these facts."""
    config = tmp_path / ".policylint.toml"
    config.write_text('[operator]\nname = "ТОО «Бектек»"\nbin = "251140031036"\n'
                      'email = "privacy@bektek.kz"\n', encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--select", "OP007", SEED0, cwd=tmp_path)
    assert json.loads(out)["files"][0]["findings"] == []
    config.write_text('[operator]\nbin = "220240037922"\n', encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--select", "OP007", SEED0, cwd=tmp_path)
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert "220240037922" in finding["message"] and "251140031036" in finding["message"]
