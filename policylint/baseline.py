"""Baselines: adopt policylint on an existing site without fixing everything on day one.

``--write-baseline FILE`` records every current finding; ``--baseline FILE`` then reports
only findings not recorded there. A finding is known by its file, rule and fingerprint
(the rule and the clause wording, not the line), so edits elsewhere in the file do not
bring old findings back, while a new problem — or the same one in a new clause — shows.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from policylint import __version__
from policylint.report.common import FileView, Item, fingerprint

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read (a usage error, exit code 2)."""


def _key(view: FileView, item: Item) -> tuple[str, str, str]:
    return (view.path, item.rule, fingerprint(item.rule, item.start.excerpt))


def write_baseline(path: Path, views: list[FileView]) -> int:
    """Record the findings of ``views`` in ``path``; returns how many."""
    entries = [
        {"path": view.path, "rule": item.rule, "fingerprint": _key(view, item)[2],
         "line": item.start.line, "message": item.message}
        for view in views
        for item in view.items
    ]
    document = {"tool": "policylint", "version": __version__, "format": FORMAT_VERSION,
                "findings": entries}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(entries)


def load_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    """The recorded findings of a baseline file, as a multiset of keys."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        entries = document["findings"]
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in entries)
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error}") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a policylint baseline (write one with --write-baseline)") from None


def subtract_baseline(views: list[FileView], baseline: Counter[tuple[str, str, str]]) -> list[FileView]:
    """``views`` without the findings the baseline knows (each recorded finding hides one
    equal finding, so a second copy of a known problem still shows)."""
    remaining = Counter(baseline)
    result = []
    for view in views:
        items = []
        for item in view.items:
            key = _key(view, item)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                items.append(item)
        result.append(replace(view, items=items))
    return result
