"""The rule catalogue: rule definitions read from the YAML files in ``rules/``.

A rule file holds a list of rules. Each rule has an ``id`` (e.g. ``DL004``), a
``severity``, a ``kind`` (how the engine checks it, see ``policylint.rules.kinds``) and
texts in Russian, Kazakh and English: ``title``, ``message`` (a template filled with
the finding's ``params``), ``law`` (the citation), ``fix`` (what to write instead) and
``rationale``. A rule whose findings differ in kind may give ``variants``: messages by
variant name, chosen by the finding's ``variant`` param. ``examples`` hold failing and passing snippets in RU and KK that the test
suite runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policylint.resources import cached, load_yaml, rules_dir

LANGS = ("ru", "kk", "en")


class RuleError(Exception):
    """A rule file is malformed (reported as a configuration error, exit code 2)."""


@dataclass
class Rule:
    id: str
    severity: str
    kind: str
    title: dict[str, str]
    message: dict[str, str]
    law: dict[str, str]
    fix: dict[str, str] = field(default_factory=dict)
    rationale: dict[str, str] = field(default_factory=dict)
    #: Kind-specific settings (topics, facts, limits ...), as written in the YAML.
    spec: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    variants: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = ""

    @property
    def group(self) -> str:
        """The letter prefix: "DL" for "DL004"."""
        return self.id.rstrip("0123456789")

    def text(self, name: str, lang: str, params: dict[str, str] | None = None) -> str:
        """``title``/``message``/``law``/``fix``/``rationale`` in ``lang`` (falls back to
        Russian), with ``{placeholders}`` filled from ``params``."""
        texts: dict[str, str] = getattr(self, name)
        if name == "message" and params and params.get("variant") in self.variants:
            texts = self.variants[params["variant"]]
        template = texts.get(lang) or texts.get("ru") or ""
        try:
            return template.format_map(_Defaulting(params or {}))
        except (ValueError, IndexError):
            return template


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "…"


_TEXT_FIELDS = ("title", "message", "law", "fix", "rationale")
_META_FIELDS = {"id", "severity", "kind", "examples", "variants", *_TEXT_FIELDS}


def _parse_rule(raw: dict[str, Any], source: str) -> Rule:
    try:
        rule_id = str(raw["id"])
        severity = raw["severity"]
        kind = raw["kind"]
    except (KeyError, TypeError) as exc:
        raise RuleError(f"{source}: rule without {exc}") from None
    if severity not in ("error", "warning", "info"):
        raise RuleError(f"{source}: {rule_id}: unknown severity {severity!r}")
    texts = {}
    for name in _TEXT_FIELDS:
        value = raw.get(name) or {}
        if not isinstance(value, dict):
            raise RuleError(f"{source}: {rule_id}: {name} must map ru/kk/en to text")
        texts[name] = {k: str(v).strip() for k, v in value.items()}
    for name in ("title", "message", "law"):
        missing = [lang for lang in LANGS if not texts[name].get(lang)]
        if missing:
            raise RuleError(f"{source}: {rule_id}: {name} lacks {', '.join(missing)}")
    return Rule(
        id=rule_id,
        severity=severity,
        kind=kind,
        spec={k: v for k, v in raw.items() if k not in _META_FIELDS},
        examples=raw.get("examples") or {},
        variants=raw.get("variants") or {},
        source=source,
        **texts,
    )


def _load_files(paths: list[Path]) -> dict[str, Rule]:
    catalog: dict[str, Rule] = {}
    for path in paths:
        data = load_yaml(path) or []
        if not isinstance(data, list):
            raise RuleError(f"{path}: expected a list of rules")
        for raw in data:
            rule = _parse_rule(raw, str(path))
            if rule.id in catalog:
                raise RuleError(f"{path}: {rule.id} is defined twice")
            catalog[rule.id] = rule
    return catalog


def rule_files(extra_dirs: list[Path] | None = None) -> list[Path]:
    """The shipped rule files (``rules/*.yaml``) followed by those in ``extra_dirs``."""
    files = sorted(rules_dir().glob("*.yaml"))
    for folder in extra_dirs or []:
        files.extend(sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder])
    return files


def load_catalog(extra_dirs: list[Path] | None = None) -> dict[str, Rule]:
    """All rules by id, in file order. Cached on disk until a rule file changes."""
    files = rule_files(extra_dirs)
    return cached("catalog", files, lambda: _load_files(files))
