"""Configuration: ``[tool.policylint]`` in ``pyproject.toml``, or ``.policylint.toml``.

``load_config`` reads an explicit ``--config`` file or the nearest configuration above
the linted folder; ``Config.merged`` applies command-line flags on top; and
``Config.is_selected`` decides whether a rule runs on a file (``select``/``ignore`` by
prefix, ``per-file-ignores`` by glob). Every problem in a configuration is a
``ConfigError`` with a one-line message naming the file and the key.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from policylint import patterns

CONFIG_FILE = ".policylint.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("ru", "kk", "en")

#: A rule id ("DL004") or selector: "ALL", a letter group ("DL"), or a group with
#: leading digits ("CB0").
_CODE = patterns.compile(r"(?P<group>[A-Z]+)(?P<digits>[0-9]*)")


class ConfigError(Exception):
    """A configuration problem (the CLI exits with code 2)."""


@dataclass
class Config:
    """The settings of one run. ``path`` is the file they were read from, if any."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    fail_on: str = "error"
    lang: str = "ru"
    extend_rules: list[Path] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    operator: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    @property
    def base_dir(self) -> Path:
        """The folder ``per-file-ignores`` patterns are relative to: the configuration
        file's folder, or the current directory without one."""
        return self.path.parent if self.path is not None else Path.cwd()

    def merged(self, **overrides: str | Iterable[str] | None) -> Config:
        """This configuration with command-line flags applied: ``select``, ``ignore``,
        ``fail_on`` and ``lang`` replace the configured values, ``extend_select`` adds
        to them. Codes may be given as one comma-separated string; None means "not
        given"."""
        changes: dict[str, Any] = {}
        for name, value in overrides.items():
            if name not in _CLI_OPTIONS:
                raise TypeError(f"merged() got an unexpected option {name!r}")
            if value is None:
                continue
            try:
                if name in ("fail_on", "lang"):
                    changes[name] = _choice(value, FAIL_ON if name == "fail_on" else LANGS)
                    continue
                items = value.split(",") if isinstance(value, str) else list(value)
                codes = _codes([item.strip() for item in items if item.strip()])
            except _Invalid as problem:
                raise ConfigError(f"--{name.replace('_', '-')} {problem}") from None
            changes[name] = self.extend_select + codes if name == "extend_select" else codes
        return replace(self, **changes)

    def is_selected(self, rule_id: str, path: str | None = None) -> bool:
        """True if rule ``rule_id`` runs (on ``path``, when given). Ignoring wins over
        selecting."""
        if not _any_selects([*self.select, *self.extend_select], rule_id):
            return False
        if _any_selects(self.ignore, rule_id):
            return False
        if path is None or not self.per_file_ignores:
            return True
        relative = _relative_path(path, self.base_dir)
        return not any(
            _any_selects(codes, rule_id) and glob_matches(pattern, relative)
            for pattern, codes in self.per_file_ignores.items()
        )


_CLI_OPTIONS = ("select", "ignore", "extend_select", "fail_on", "lang")


# ---------------------------------------------------------------------------- loading


def load_config(explicit: Path | None, start: Path) -> Config:
    """The configuration in ``explicit`` (a ``pyproject.toml`` with
    ``[tool.policylint]``, or a TOML file whose top level is that table), else the
    nearest one found upward from the folder ``start``, else the defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        data = _parse_toml(explicit)
        if explicit.name == PYPROJECT or "tool" in data:
            table = _policylint_table(data, explicit)
            if table is None:
                raise ConfigError(f"{explicit}: no [tool.policylint] table")
        else:
            table = data
        return _build(table, explicit)
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    return _build(table, path)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``.policylint.toml``, or ``pyproject.toml`` with a
    ``[tool.policylint]`` table, in ``start`` or a folder above it, with its table.
    The search stops at the top of a git repository."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate, _parse_toml(candidate)
        pyproject = directory / PYPROJECT
        if pyproject.is_file():
            table = _policylint_table(_parse_toml(pyproject), pyproject)
            if table is not None:
                return pyproject, table
        if (directory / ".git").exists():
            break
    return None


def _parse_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _policylint_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    tool = data.get("tool")
    if not isinstance(tool, dict) or "policylint" not in tool:
        return None
    table = tool["policylint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.policylint] must be a table")
    return table


def _build(table: dict[str, Any], path: Path) -> Config:
    """Validate ``table`` (read from ``path``) into a Config."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        parser = _KEYS.get(key)
        if parser is None:
            raise ConfigError(f"{path}: {_unknown_key(key)}")
        try:
            values[key.replace("-", "_")] = parser(value, path)
        except _Invalid as problem:
            raise ConfigError(f"{path}: '{key}' {problem}") from None
    return Config(**values, path=path.resolve())


def _unknown_key(key: str) -> str:
    from difflib import get_close_matches

    close = get_close_matches(key.replace("_", "-"), list(_KEYS), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(_KEYS)}"
    return f"unknown key '{key}'{hint}"


# --------------------------------------------------------------------------- values


class _Invalid(Exception):
    """A value problem; the message follows the key name ("'select' must be ...")."""


def _string_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Invalid("must be a list of strings")
    return value


def _codes(values: list[str]) -> list[str]:
    """``values`` checked as rule selectors."""
    for code in values:
        if not _CODE.fullmatch(code):
            raise _Invalid(
                f"has an invalid rule code '{code}' (use ALL, a prefix such as DL or CB0,"
                " or a rule id such as DL004)"
            )
    return values


def _code_list(value: Any, path: Path) -> list[str]:
    return _codes(_string_list(value))


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _Invalid(f"must be one of {', '.join(allowed)} (got {value!r})")
    return str(value)


def _rule_paths(value: Any, path: Path) -> list[Path]:
    resolved = []
    for entry in _string_list(value):
        target = (path.parent / Path(entry).expanduser()).resolve()
        if not target.exists():
            raise _Invalid(f"path not found: {entry}")
        resolved.append(target)
    return resolved


def _per_file_ignores(value: Any, path: Path) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise _Invalid('must be a table of "glob" = [rule codes]')
    ignores = {}
    for pattern, codes in value.items():
        try:
            ignores[pattern] = _code_list(codes, path)
        except _Invalid as problem:
            raise _Invalid(f"entry '{pattern}' {problem}") from None
    return ignores


def _operator(value: Any, path: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Invalid("must be a table of strings")
    for name, fact in value.items():
        if not isinstance(fact, str):
            raise _Invalid(f"entry '{name}' must be a string (quote it: {name} = \"{fact}\")")
    return dict(value)


#: Configuration keys (as written in TOML) and their parsers.
_KEYS: dict[str, Callable[[Any, Path], Any]] = {
    "select": _code_list,
    "ignore": _code_list,
    "extend-select": _code_list,
    "fail-on": lambda value, path: _choice(value, FAIL_ON),
    "lang": lambda value, path: _choice(value, LANGS),
    "extend-rules": _rule_paths,
    "per-file-ignores": _per_file_ignores,
    "operator": _operator,
}


# -------------------------------------------------------------------------- matching


def _any_selects(selectors: Iterable[str], rule_id: str) -> bool:
    """True if one of ``selectors`` selects ``rule_id``: "ALL"; the same letter group
    with the selector's digits leading the rule's ("CB0" selects CB001, not CBX001)."""
    rule = _CODE.fullmatch(rule_id)
    for selector in selectors:
        if selector == "ALL":
            return True
        match = _CODE.fullmatch(selector)
        if (
            match is not None
            and rule is not None
            and match["group"] == rule["group"]
            and rule["digits"].startswith(match["digits"])
        ):
            return True
    return False


def _relative_path(path: str, base: Path) -> str:
    """``path`` relative to ``base`` with ``/`` separators (absolute when outside)."""
    if path == "-" or "://" in path:
        return path
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        return absolute.as_posix()


def glob_matches(pattern: str, path: str) -> bool:
    """gitignore-like matching of a ``/``-separated relative ``path``.

    ``*`` and ``?`` do not cross ``/``; ``**`` does (``**/`` also matches no folder).
    A pattern with a ``/`` is anchored at the base folder and matches the path or a
    folder above it ("legacy", "legacy/", "legacy/**" all match "legacy/a.html"); a
    pattern without one matches any single path component ("*.tsx", "legacy").
    """
    pattern = pattern.removeprefix("./").strip("/")
    parts = path.split("/")
    regex = _glob_regex(pattern)
    if "/" not in pattern and "**" not in pattern:
        return any(regex.fullmatch(part) for part in parts)
    return any(regex.fullmatch("/".join(parts[:end])) for end in range(1, len(parts) + 1))


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : close]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return patterns.compile("".join(out))
