"""The pre-commit hook, end to end, with the real ``pre-commit`` tool.

A throw-away website repository uses this checkout's ``.pre-commit-hooks.yaml`` (``repo:``
pointing at a snapshot of the working tree, as ``pre-commit try-repo`` does), installs the
git hook, and commits: a policy page with an error is refused, the fixed page is committed.
``pre-commit`` builds the hook's own virtualenv from this project (from PyPI for the
dependencies), so the first run takes a while; ``PRE_COMMIT_HOME`` is shared by the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: A policy page of a site whose configuration runs the operator and deadline rules.
PAGE = """<!doctype html>
<html lang="ru">
<head><meta charset="utf-8"><title>Политика конфиденциальности</title></head>
<body>
<nav><a href="/">Главная</a></nav>
<main>
<h1>Политика конфиденциальности</h1>
<p>1.1. Оператор персональных данных — ТОО «Бектек», БИН 251140031036, адрес: 050000,
г. Алматы, ул. Абая, 10. Электронная почта для обращений: privacy@bektek.kz.</p>
<p>6.2. Оператор обязан предоставить субъекту информацию о его персональных данных
в течение {days} рабочих дней с момента получения запроса.</p>
</main>
</body>
</html>
"""
CONFIG = """[tool.policylint]
select = ["OP", "DL"]
fail-on = "error"
"""


def _run(*args: str, cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def _snapshot(destination: Path, env: dict[str, str]) -> str:
    """A git repository holding this checkout's current files; its commit id."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=False
    )
    files = [f for f in listed.stdout.decode().split("\0") if f] if listed.returncode == 0 else []
    if not files:  # not a git checkout (an unpacked sdist): take the tree as it is
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and ".git" not in p.parts]
    for name in files:
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _run("git", "init", "-q", cwd=destination, env=env)
    _run("git", "add", "-A", cwd=destination, env=env)
    _run("git", "commit", "-q", "-m", "snapshot", cwd=destination, env=env)
    return _run("git", "rev-parse", "HEAD", cwd=destination, env=env).stdout.strip()


@pytest.fixture(scope="module")
def git_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit test")
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        HOME=str(home), PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-cache")),
        GIT_AUTHOR_NAME="Site Dev", GIT_AUTHOR_EMAIL="dev@example.kz",
        GIT_COMMITTER_NAME="Site Dev", GIT_COMMITTER_EMAIL="dev@example.kz",
        GIT_CONFIG_NOSYSTEM="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return env


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, git_env: dict[str, str]) -> tuple[Path, str]:
    """This checkout as a git repository for ``repo:`` (path, commit id)."""
    path = tmp_path_factory.mktemp("policylint-hook")
    return path, _snapshot(path, git_env)


def test_hook_blocks_a_policy_with_an_error_and_passes_the_fixed_one(
    tmp_path: Path, git_env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    repo, rev = hook_repo
    site = tmp_path / "site"
    (site / "public").mkdir(parents=True)
    _run("git", "init", "-q", cwd=site, env=git_env)
    (site / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: policylint\n",
        encoding="utf-8",
    )
    (site / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (site / "public" / "privacy.html").write_text(PAGE.format(days=10), encoding="utf-8")
    (site / "src").mkdir()
    (site / "src" / "Button.tsx").write_text(
        'export const Button = ({ label }: { label: string }) => <button className="btn btn-primary">{label}</button>;\n',
        encoding="utf-8",
    )
    _run("pre-commit", "install", cwd=site, env=git_env)
    _run("git", "add", "-A", cwd=site, env=git_env)

    refused = _run("git", "commit", "-m", "Add the privacy policy", cwd=site, env=git_env, check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "DL001" in output and "privacy.html" in output, output
    assert "public/privacy.html:11:1: DL001" in output or "privacy.html:11:" in output, output
    assert _run("git", "rev-list", "--all", cwd=site, env=git_env, check=False).stdout.strip() == ""

    (site / "public" / "privacy.html").write_text(PAGE.format(days=3), encoding="utf-8")
    _run("git", "add", "-A", cwd=site, env=git_env)
    accepted = _run("git", "commit", "-m", "Add the privacy policy", cwd=site, env=git_env, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr


def test_try_repo_runs_the_hook_on_a_file(
    tmp_path: Path, git_env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    """``pre-commit try-repo``, the way a developer tries the hook before adding it."""
    site = tmp_path / "site"
    site.mkdir()
    _run("git", "init", "-q", cwd=site, env=git_env)
    (site / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (site / "privacy.html").write_text(PAGE.format(days=10), encoding="utf-8")
    _run("git", "add", "-A", cwd=site, env=git_env)
    repo, rev = hook_repo
    result = _run("pre-commit", "try-repo", str(repo), "policylint", "--ref", rev, "--all-files",
                  cwd=site, env=git_env, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "DL001" in result.stdout
