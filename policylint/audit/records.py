"""The audit record: what an audit keeps of one input (a line of ``results.jsonl``).

Built in the worker that linted the input, so only this small JSON-ready dictionary
travels back. Fields (README, "Batch audits"): ``id``, ``source``, ``site``, ``path``,
``status`` (ok | skipped | error), ``error``, ``skipped``, ``content_hash``,
``languages``, ``jurisdiction``, ``text`` (the policy prose as a reader sees it),
``findings`` (with ``start``/``end`` offsets into ``text`` and a ``fingerprint``),
``fetch`` (for URLs) and ``elapsed_ms``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from policylint.model import FileResult, InputError
from policylint.report.common import FileView, Item, Place, fingerprint


def _place(place: Place) -> dict[str, Any]:
    return {"line": place.line, "column": place.column, "excerpt": place.excerpt,
            "location": place.label, "start": place.offset}


def _finding(item: Item) -> dict[str, Any]:
    return {
        "rule": item.rule, "severity": item.severity, "title": item.title,
        "message": item.message, "law": item.law, "fix": item.fix,
        "line": item.start.line, "column": item.start.column,
        "end_line": item.end_line, "end_column": item.end_column,
        "location": item.start.label, "excerpt": item.start.excerpt,
        "start": item.start.offset, "end": max(item.end_offset, item.start.offset),
        "fingerprint": fingerprint(item.rule, item.start.excerpt),
        "related": [_place(place) for place in item.related],
    }


def content_hash(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None


def build_record(
    source: Any,
    result: FileResult,
    view: FileView,
    data: bytes | None,
    fetch: dict[str, Any] | None,
    elapsed_ms: float,
) -> dict[str, Any]:
    """The record of one linted input (``source``: an ``audit.sources.Source``)."""
    error: InputError | None = result.error
    status = "error" if error else "skipped" if result.skipped else "ok"
    document = result.document
    return {
        "id": source.id,
        "source": source.ref,
        "site": source.site,
        "path": source.display,
        "status": status,
        "error": {"code": error.code, "message": error.message} if error else None,
        "skipped": result.skipped,
        "content_hash": content_hash(data),
        "languages": view.languages,
        "jurisdiction": view.jurisdiction,
        "text": document.source.text if document is not None else None,
        "findings": [_finding(item) for item in view.items],
        "fetch": fetch,
        "elapsed_ms": round(elapsed_ms, 1),
    }


def error_record(source: Any, error: InputError, fetch: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record of an input that could not even be read or fetched."""
    return build_record(source, FileResult(source.ref, error=error),
                        FileView(source.display, [], None, []), None, fetch, 0.0)
