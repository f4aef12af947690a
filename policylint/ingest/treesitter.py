"""Tree-sitter parsers of the grammars policylint reads (wheels from PyPI), loaded on
first use, and an iterative walk that survives markup nested thousands deep."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterator
from functools import cache

from policylint.model import InputError

#: Grammar name → (module, function returning the language pointer).
GRAMMARS = {
    "html": ("tree_sitter_html", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "python": ("tree_sitter_python", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "kotlin": ("tree_sitter_kotlin", "language"),
    "sql": ("tree_sitter_sql", "language"),
    "json": ("tree_sitter_json", "language"),
}


@cache
def parser(grammar: str):  # -> tree_sitter.Parser
    """A parser for ``grammar`` (a key of ``GRAMMARS``)."""
    import tree_sitter

    module, function = GRAMMARS[grammar]
    language = tree_sitter.Language(getattr(importlib.import_module(module), function)())
    return tree_sitter.Parser(language)


#: Time a parse may take: tree-sitter can loop for minutes on some broken input.
PARSE_SECONDS = 3.0
PARSE_SECONDS_PER_MB = 3.0
_CHUNK = 1 << 16


def parse(grammar: str, data: bytes, path: str = "<input>"):  # -> tree_sitter.Tree
    """``data`` parsed with ``grammar``, or ``InputError`` when the parser takes too long.
    (The time limit needs the callback form of ``parse``: with plain bytes tree-sitter
    ignores ``progress_callback``.)"""
    deadline = time.monotonic() + PARSE_SECONDS + PARSE_SECONDS_PER_MB * len(data) / 1e6
    try:
        return parser(grammar).parse(
            lambda at, point: data[at : at + _CHUNK],
            progress_callback=lambda at, has_error: time.monotonic() > deadline,
        )
    except ValueError:  # the parse was halted
        raise InputError(path, "unreadable", f"the {grammar} parser gave up on this file") from None


def walk(root, descend: Callable[[object], bool] = lambda node: True) -> Iterator[object]:
    """Nodes under ``root`` in document order (pre-order), without recursion; the
    children of a node are visited only if ``descend(node)`` is true."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if node.child_count and descend(node):
            stack.extend(reversed(node.children))
