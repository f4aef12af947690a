"""Tree-sitter parsers of the grammars policylint reads (wheels from PyPI), loaded on
first use, and an iterative walk that survives markup nested thousands deep."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from functools import cache

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
    "yaml": ("tree_sitter_yaml", "language"),
}


@cache
def parser(grammar: str):  # -> tree_sitter.Parser
    """A parser for ``grammar`` (a key of ``GRAMMARS``)."""
    import tree_sitter

    module, function = GRAMMARS[grammar]
    language = tree_sitter.Language(getattr(importlib.import_module(module), function)())
    return tree_sitter.Parser(language)


def parse(grammar: str, data: bytes):  # -> tree_sitter.Tree
    return parser(grammar).parse(data)


def walk(root, descend: Callable[[object], bool] = lambda node: True) -> Iterator[object]:
    """Nodes under ``root`` in document order (pre-order), without recursion; the
    children of a node are visited only if ``descend(node)`` is true."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if node.child_count and descend(node):
            stack.extend(reversed(node.children))
