"""``sarif``: SARIF 2.1.0 for code-scanning services (one run, rule metadata, results
with stable ``partialFingerprints``; unreadable inputs as tool notifications)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from policylint import __version__
from policylint.report.common import FileView, Item, Place, Report, fingerprint, label

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/policylint/"
#: Key of the fingerprint in ``partialFingerprints``; bump the version if its recipe changes.
FINGERPRINT_KEY = "policylint/v1"
SRCROOT = "%SRCROOT%"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
#: GitHub code scanning's ``problem.severity`` values.
_PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _artifact(path: str, root: Path | None) -> dict[str, str]:
    """An artifactLocation: relative paths against %SRCROOT%, others as absolute URIs."""
    if "://" in path:
        return {"uri": path}
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    location = {"uri": quote(path, safe="/")}
    if root is not None:
        location["uriBaseId"] = SRCROOT
    return location


def _region(
    place: Place, end_line: int | None = None, end_column: int | None = None
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": place.line, "startColumn": place.column}
    if end_line is not None and end_column is not None:
        region["endLine"] = end_line
        region["endColumn"] = end_column
    if place.excerpt:
        region["snippet"] = {"text": place.excerpt}
    if place.label is not None:
        region["properties"] = {"location": place.label}
    return region


def _rule_descriptor(rule_id: str, severity: str, report: Report) -> dict[str, Any]:
    lang = report.lang
    rule = report.catalog.get(rule_id)
    descriptor: dict[str, Any] = {"id": rule_id}
    if rule is None:
        descriptor["defaultConfiguration"] = {"level": _LEVEL[severity]}
        return descriptor
    title, law = rule.text("title", lang), rule.text("law", lang)
    rationale, fix = rule.text("rationale", lang), rule.text("fix", lang)
    plain = [rationale, fix and f"{label('fix', lang)}: {fix}", f"{label('law', lang)}: {law}"]
    markdown = [
        f"**{title}**",
        rationale,
        fix and f"**{label('fix', lang)}:** {fix}",
        f"**{label('law', lang)}:** {law}",
    ]
    help_text = "\n\n".join(part for part in plain if part)
    descriptor.update(
        {
            "name": rule_id,
            "shortDescription": {"text": title},
            "fullDescription": {"text": help_text},
            "help": {"text": help_text, "markdown": "\n\n".join(p for p in markdown if p)},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {
                "tags": ["privacy", rule.group],
                "law": law,
                "problem.severity": _PROBLEM_SEVERITY[rule.severity],
            },
        }
    )
    return descriptor


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Descriptors of the selected rules (if given) and of every rule that fired."""
    severities: dict[str, str] = {}
    for rule_id in report.selected_rules or []:
        rule = report.catalog.get(rule_id)
        severities[rule_id] = rule.severity if rule is not None else "warning"
    for view in report.files:
        for item in view.items:
            severities.setdefault(item.rule, item.severity)
    ids = sorted(severities)
    descriptors = [_rule_descriptor(rule_id, severities[rule_id], report) for rule_id in ids]
    return descriptors, {rule_id: index for index, rule_id in enumerate(ids)}


def _result(
    view: FileView, item: Item, index: int, seen: dict[str, int], report: Report
) -> dict[str, Any]:
    artifact = _artifact(view.path, report.root)
    text = item.message
    if item.fix:
        text += f"\n{label('fix', report.lang)}: {item.fix}"
    key = fingerprint(item.rule, item.start.excerpt)
    seen[key] = seen.get(key, 0) + 1
    result: dict[str, Any] = {
        "ruleId": item.rule,
        "ruleIndex": index,
        "level": _LEVEL[item.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": _region(item.start, item.end_line, item.end_column),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f"{key}:{seen[key]}"},
    }
    properties = {name: value for name, value in (("law", item.law), ("fix", item.fix)) if value}
    if properties:
        result["properties"] = properties
    if item.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {"artifactLocation": artifact, "region": _region(place)},
                "message": {"text": place.excerpt or label("related", report.lang)},
            }
            for number, place in enumerate(item.related, start=1)
        ]
    return result


def _notification(view: FileView, report: Report) -> dict[str, Any]:
    if view.error is not None:
        level, text, code = "error", view.error.message, view.error.code
    else:
        level, text, code = "note", label("skipped", report.lang), "skipped"
    return {
        "level": level,
        "message": {"text": f"{view.path}: {text}"},
        "descriptor": {"id": code},
        "locations": [
            {"physicalLocation": {"artifactLocation": _artifact(view.path, report.root)}}
        ],
    }


def render(report: Report) -> str:
    descriptors, rule_index = _rules(report)
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for view in report.files:
        if view.error is not None or view.skipped is not None:
            notifications.append(_notification(view, report))
        seen: dict[str, int] = {}
        results.extend(
            _result(view, item, rule_index[item.rule], seen, report) for item in view.items
        )
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "policylint",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": report.summary.unreadable == 0,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if report.root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": report.root.resolve().as_uri() + "/"}}
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
