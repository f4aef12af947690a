"""Configuration: files, upward search, validation messages, selection logic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policylint.config import (
    Config,
    ConfigError,
    find_config,
    glob_matches,
    load_config,
)

DATA = Path(__file__).parent / "data" / "config"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository (the upward search stops at its top)."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------ every key


def test_every_key_is_read() -> None:
    path = DATA / "full.policylint.toml"
    config = load_config(path, DATA)
    assert config.select == ["DL", "CB0"]
    assert config.ignore == ["DOC004"]
    assert config.extend_select == ["OP001"]
    assert config.fail_on == "warning"
    assert config.lang == "kk"
    assert config.extend_rules == [(DATA / "extra-rules.yaml").resolve()]
    assert config.per_file_ignores == {"legacy/**": ["CH001"], "*.tsx": ["DL"]}
    assert config.operator == {
        "name": "ТОО «Пример»",
        "bin": "123456789012",
        "email": "privacy@example.kz",
    }
    assert config.path == path.resolve()
    assert config.base_dir == DATA.resolve()


def test_defaults() -> None:
    config = Config()
    assert (config.select, config.ignore, config.extend_select) == (["ALL"], [], [])
    assert (config.fail_on, config.lang, config.path) == ("error", "ru", None)
    assert (config.extend_rules, config.per_file_ignores, config.operator) == ([], {}, {})


def test_extend_rules_resolved_relative_to_the_config_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "compliance" / "rules").mkdir(parents=True)
    write(repo / "site" / ".policylint.toml", 'extend-rules = ["../compliance/rules/"]\n')
    monkeypatch.chdir(repo / "compliance")
    config = load_config(None, repo / "site")
    assert config.extend_rules == [(repo / "compliance" / "rules").resolve()]


# ----------------------------------------------------------------------- finding it


def test_nothing_found_gives_defaults(repo: Path) -> None:
    (repo / "site").mkdir()
    assert load_config(None, repo / "site") == Config()


def test_nearest_policylint_toml_upward(repo: Path) -> None:
    write(repo / ".policylint.toml", 'fail-on = "never"\n')
    write(repo / "site" / "deep" / ".policylint.toml", 'fail-on = "info"\n')
    (repo / "site" / "deep" / "er").mkdir()
    assert load_config(None, repo / "site" / "deep" / "er").fail_on == "info"
    assert load_config(None, repo / "site").fail_on == "never"


def test_pyproject_without_table_is_skipped(repo: Path) -> None:
    write(repo / ".policylint.toml", 'lang = "en"\n')
    write(
        repo / "app" / "pyproject.toml", '[project]\nname = "app"\n[tool.black]\nline-length = 99\n'
    )
    config = load_config(None, repo / "app")
    assert config.lang == "en"
    assert config.path == (repo / ".policylint.toml").resolve()


def test_pyproject_with_table_is_used(repo: Path) -> None:
    shutil.copy(DATA / "pyproject-example.toml", repo / "pyproject.toml")
    (repo / "site").mkdir()
    config = load_config(None, repo / "site")
    assert (config.ignore, config.fail_on, config.lang) == (["CB001"], "info", "en")
    assert config.per_file_ignores == {"site/old/*.html": ["DL004"]}
    assert config.path == (repo / "pyproject.toml").resolve()


def test_policylint_toml_beats_pyproject_in_the_same_folder(repo: Path) -> None:
    shutil.copy(DATA / "pyproject-example.toml", repo / "pyproject.toml")
    write(repo / ".policylint.toml", 'lang = "kk"\n')
    assert load_config(None, repo).lang == "kk"


def test_search_stops_at_the_top_of_the_repository(tmp_path: Path) -> None:
    write(tmp_path / ".policylint.toml", 'lang = "en"\n')
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "site").mkdir()
    assert find_config(tmp_path / "repo" / "site") is None
    assert load_config(None, tmp_path / "repo" / "site").lang == "ru"


def test_search_starts_from_the_folder_of_a_file(repo: Path) -> None:
    write(repo / "site" / ".policylint.toml", 'lang = "en"\n')
    page = write(repo / "site" / "privacy.html", "<p>…</p>")
    assert load_config(None, page).lang == "en"


def test_explicit_pyproject(tmp_path: Path) -> None:
    path = shutil.copy(DATA / "pyproject-example.toml", tmp_path / "pyproject.toml")
    config = load_config(Path(path), Path("/"))
    assert config.fail_on == "info"


def test_explicit_toml_with_tool_table_read_like_pyproject() -> None:
    config = load_config(DATA / "pyproject-example.toml", Path("/"))
    assert config.ignore == ["CB001"]


def test_explicit_file_wins_over_search(repo: Path) -> None:
    write(repo / ".policylint.toml", 'lang = "kk"\n')
    explicit = write(repo / "ci" / "strict.toml", 'fail-on = "info"\n')
    config = load_config(explicit, repo)
    assert (config.fail_on, config.lang) == ("info", "ru")


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('fail_on = "error"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
        (
            "colour = true\n",
            "unknown key 'colour'; expected one of: select, ignore, extend-select, fail-on,"
            " lang, extend-rules, per-file-ignores, operator",
        ),
        ('select = "DL"\n', "'select' must be a list of strings"),
        ("ignore = [1]\n", "'ignore' must be a list of strings"),
        (
            'extend-select = ["dl004"]\n',
            "'extend-select' has an invalid rule code 'dl004' (use ALL, a prefix such as DL"
            " or CB0, or a rule id such as DL004)",
        ),
        (
            'fail-on = "fatal"\n',
            "'fail-on' must be one of error, warning, info, never (got 'fatal')",
        ),
        ("fail-on = 1\n", "'fail-on' must be one of error, warning, info, never (got 1)"),
        ('lang = "de"\n', "'lang' must be one of ru, kk, en (got 'de')"),
        ('extend-rules = ["nowhere/"]\n', "'extend-rules' path not found: nowhere/"),
        ('extend-rules = "rules/"\n', "'extend-rules' must be a list of strings"),
        (
            'per-file-ignores = ["x"]\n',
            "'per-file-ignores' must be a table of \"glob\" = [rule codes]",
        ),
        (
            '[per-file-ignores]\n"legacy/**" = "CH001"\n',
            "'per-file-ignores' entry 'legacy/**' must be a list of strings",
        ),
        (
            '[per-file-ignores]\n"legacy/**" = ["CH-1"]\n',
            "'per-file-ignores' entry 'legacy/**' has an invalid rule code 'CH-1' (use ALL, a"
            " prefix such as DL or CB0, or a rule id such as DL004)",
        ),
        ('operator = "ТОО"\n', "'operator' must be a table of strings"),
        (
            "[operator]\nbin = 123456789012\n",
            "'operator' entry 'bin' must be a string (quote it: bin = \"123456789012\")",
        ),
    ],
)
def test_invalid_values(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".policylint.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, tmp_path)
    assert str(caught.value) == f"{path}: {message}"


def test_malformed_toml(tmp_path: Path) -> None:
    path = write(tmp_path / ".policylint.toml", 'select = ["DL"\nfail-on = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(path, tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: invalid TOML: ")
    assert "line" in message and "\n" not in message


def test_malformed_toml_found_by_search(repo: Path) -> None:
    path = write(repo / ".policylint.toml", "lang = \n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(None, repo)
    assert path.exists()


def test_explicit_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(missing, tmp_path)
    assert str(caught.value) == f"{missing}: config file not found"


def test_explicit_pyproject_without_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path, tmp_path)
    assert str(caught.value) == f"{path}: no [tool.policylint] table"


def test_tool_policylint_not_a_table(repo: Path) -> None:
    path = write(repo / "pyproject.toml", "[tool]\npolicylint = 5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(None, repo)
    assert str(caught.value) == f"{path}: [tool.policylint] must be a table"


def test_unknown_key_in_pyproject_table(repo: Path) -> None:
    path = write(repo / "pyproject.toml", '[tool.policylint.per-file-ignore]\n"a" = []\n')
    with pytest.raises(ConfigError) as caught:
        load_config(None, repo)
    assert (
        str(caught.value)
        == f"{path}: unknown key 'per-file-ignore' (did you mean 'per-file-ignores'?)"
    )


# ------------------------------------------------------------------- command line


def test_merged_cli_overrides_config() -> None:
    config = Config(select=["DL"], ignore=["DOC004"], extend_select=["OP001"], lang="kk")
    merged = config.merged(
        select="CB0, DL004", ignore="CH", extend_select="OP002,", fail_on="warning", lang=None
    )
    assert merged.select == ["CB0", "DL004"]
    assert merged.ignore == ["CH"]
    assert merged.extend_select == ["OP001", "OP002"]
    assert (merged.fail_on, merged.lang) == ("warning", "kk")
    assert config.select == ["DL"], "the original is left alone"


def test_merged_accepts_lists_and_nothing() -> None:
    config = Config(select=["DL"])
    assert config.merged(select=["OP", "CB"]).select == ["OP", "CB"]
    assert config.merged() == config
    assert config.merged(select=None, ignore=None) == config


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("fail_on", "fatal", "--fail-on must be one of error, warning, info, never (got 'fatal')"),
        ("lang", "de", "--lang must be one of ru, kk, en (got 'de')"),
        (
            "select",
            "DL,dl4",
            "--select has an invalid rule code 'dl4' (use ALL, a prefix such as DL or CB0,"
            " or a rule id such as DL004)",
        ),
        (
            "extend_select",
            "D L",
            "--extend-select has an invalid rule code 'D L' (use ALL, a prefix such as DL or"
            " CB0, or a rule id such as DL004)",
        ),
    ],
)
def test_merged_invalid_values(option: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Config().merged(**{option: value})
    assert str(caught.value) == message


def test_merged_rejects_unknown_options() -> None:
    with pytest.raises(TypeError):
        Config().merged(colour="yes")


# ---------------------------------------------------------------------- selection


@pytest.mark.parametrize(
    ("select", "ignore", "rule", "expected"),
    [
        (["ALL"], [], "DL004", True),
        (["DL"], [], "DL004", True),
        (["DL"], [], "DOC004", False),
        (["D"], [], "DL004", False),
        (["CB0"], [], "CB001", True),
        (["CB0"], [], "CB101", False),
        (["CB00"], [], "CB001", True),
        (["DL004"], [], "DL004", True),
        (["DL004"], [], "DL0041", True),
        (["DL004"], [], "DL005", False),
        (["ALL"], ["DOC004"], "DOC004", False),
        (["ALL"], ["DOC"], "DOC001", False),
        (["DL004"], ["DL"], "DL004", False),
        (["ALL"], ["ALL"], "DL004", False),
        ([], [], "DL004", False),
    ],
)
def test_prefix_selection(select: list[str], ignore: list[str], rule: str, expected: bool) -> None:
    assert Config(select=select, ignore=ignore).is_selected(rule) is expected


def test_extend_select_adds_to_select() -> None:
    config = Config(select=["DL"], extend_select=["OP001"])
    assert config.is_selected("OP001")
    assert config.is_selected("DL002")
    assert not config.is_selected("OP002")


def test_per_file_ignores_relative_to_config_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        repo / ".policylint.toml",
        '[per-file-ignores]\n"legacy/**" = ["CH001"]\n"*.tsx" = ["DL"]\n',
    )
    (repo / "legacy" / "old").mkdir(parents=True)
    config = load_config(None, repo)
    assert not config.is_selected("CH001", str(repo / "legacy" / "old" / "a.html"))
    assert config.is_selected("CH002", str(repo / "legacy" / "a.html"))
    assert config.is_selected("CH001", str(repo / "site" / "legacy" / "a.html"))
    assert not config.is_selected("DL004", str(repo / "site" / "App.tsx"))
    assert config.is_selected("DL004", str(repo / "site" / "App.jsx"))
    assert config.is_selected("CH001", None)
    # A path relative to the current directory is first made absolute.
    monkeypatch.chdir(repo / "legacy")
    assert not config.is_selected("CH001", "old/a.html")
    assert config.is_selected("CH001", "../site/a.html")


def test_per_file_ignores_without_config_file_use_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = Config(per_file_ignores={"legacy/**": ["CH"]})
    assert not config.is_selected("CH001", "legacy/a.html")
    assert not config.is_selected("CH001", str(tmp_path / "legacy" / "a.html"))
    assert config.is_selected("CH001", "site/a.html")
    assert config.is_selected("CH001", "https://example.kz/legacy/a.html")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("legacy/**", "legacy/a.html", True),
        ("legacy/**", "legacy/x/y/a.html", True),
        ("legacy/**", "src/legacy/a.html", False),
        ("legacy", "legacy/a.html", True),
        ("legacy/", "legacy/a.html", True),
        ("legacy", "src/legacy/a.html", True),
        ("./legacy/*", "legacy/a.html", True),
        ("**/legacy/*.html", "src/legacy/a.html", True),
        ("**/legacy/*.html", "legacy/a.html", True),
        ("**/*.tsx", "a/b/c.tsx", True),
        ("*.tsx", "a/b/c.tsx", True),
        ("*.tsx", "a/b/c.jsx", False),
        ("site/*.html", "site/privacy.html", True),
        ("site/*.html", "site/en/privacy.html", False),
        ("site/privacy.htm?", "site/privacy.html", True),
        ("site/[pq]rivacy.html", "site/privacy.html", True),
        ("site/[!p]rivacy.html", "site/privacy.html", False),
        ("site/priv+cy.html", "site/privacy.html", False),
    ],
)
def test_glob_patterns(pattern: str, path: str, expected: bool) -> None:
    assert glob_matches(pattern, path) is expected
