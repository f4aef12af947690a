"""``json`` (the report promised in CONTRACT.md) and ``jsonl`` (one finding a line)."""

from __future__ import annotations

import json
from typing import Any

from policylint import __version__
from policylint.report.common import FileView, Item, Place, Report, Stat, Summary


def _place(place: Place) -> dict[str, Any]:
    data: dict[str, Any] = {"line": place.line, "column": place.column}
    if place.label is not None:
        data["location"] = place.label
    data["excerpt"] = place.excerpt
    return data


def finding_dict(item: Item) -> dict[str, Any]:
    """A finding as in CONTRACT.md (``location`` only for paged sources)."""
    data: dict[str, Any] = {
        "rule": item.rule,
        "severity": item.severity,
        "message": item.message,
        "law": item.law,
        "line": item.start.line,
        "column": item.start.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
    }
    if item.start.label is not None:
        data["location"] = item.start.label
    data["excerpt"] = item.start.excerpt
    data["related"] = [_place(place) for place in item.related]
    data["fix"] = item.fix
    return data


def file_dict(view: FileView) -> dict[str, Any]:
    if view.error is not None:
        return {
            "path": view.path,
            "error": {"code": view.error.code, "message": view.error.message},
        }
    return {
        "path": view.path,
        "languages": view.languages,
        "jurisdiction": view.jurisdiction,
        "findings": [finding_dict(item) for item in view.items],
        "skipped": view.skipped,
    }


def summary_dict(summary: Summary) -> dict[str, int]:
    return {
        "files": summary.files,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "infos": summary.infos,
        "unreadable": summary.unreadable,
    }


def _stat_dict(stat: Stat) -> dict[str, Any]:
    return {"rule": stat.rule, "severity": stat.severity, "count": stat.count, "title": stat.title}


def render(report: Report) -> str:
    data: dict[str, Any] = {"tool": "policylint", "version": __version__}
    if report.statistics is not None:
        data["statistics"] = [_stat_dict(stat) for stat in report.statistics]
    else:
        data["files"] = [file_dict(view) for view in report.files]
    data["summary"] = summary_dict(report.summary)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report: Report) -> str:
    """One JSON object a line: each finding with ``path``, each unreadable input as
    ``{"path", "error"}``; with statistics, one line per rule."""
    if report.statistics is not None:
        records = [_stat_dict(stat) for stat in report.statistics]
    else:
        records = []
        for view in report.files:
            if view.error is not None:
                records.append(file_dict(view))
            records.extend({"path": view.path, **finding_dict(item)} for item in view.items)
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
