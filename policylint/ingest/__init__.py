"""Ingest: read one input (a file path or ``"-"`` for standard input) into a ``SourceText``.

Readers are chosen by file suffix and imported only when a file of their kind comes
(the parsers of website formats are not loaded to lint a ``.txt``):

- ``text``     plain text, in any of the encodings policies come in;
- ``markup``   HTML and templates (Blade, Jinja/Django, Twig), Vue and Svelte components;
- ``markdown`` Markdown and MDX;
- ``code``     string literals and JSX text of JS/TS, Python, PHP, Kotlin, SQL;
- ``data``     i18n dictionaries: JSON, YAML, gettext PO;
- ``word``     DOCX;
- ``pdf``      PDF.

Any suffix without a reader is read as plain text. Every problem with the input becomes
an ``InputError`` with a one-line message, never a traceback.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from policylint.model import InputError, SourceText

#: Inputs larger than this are refused (``too_large``).
MAX_BYTES = 20 * 1024 * 1024

Reader = Callable[[str, bytes], SourceText]

#: Reader per lower-case file suffix: "module:function" in this package, or
#: "module:function:grammar" for a reader that takes the grammar to parse with. A
#: two-part suffix wins over its last part (``.blade.php`` is a template, ``.php`` code).
READERS: dict[str, str] = {
    **dict.fromkeys((".txt", ".text"), "text:read_text"),
    **dict.fromkeys(
        (".html", ".htm", ".xhtml", ".blade.php", ".jinja", ".jinja2", ".j2", ".twig",
         ".njk", ".liquid", ".hbs", ".erb", ".ejs"),
        "markup:read_html",
    ),
    ".vue": "markup:read_vue",
    ".svelte": "markup:read_svelte",
    ".astro": "markup:read_svelte",
    **dict.fromkeys((".md", ".markdown", ".mdx"), "markdown:read_markdown"),
    **dict.fromkeys((".js", ".jsx", ".mjs", ".cjs"), "code:read_code:javascript"),
    ".ts": "code:read_code:typescript",
    ".tsx": "code:read_code:tsx",
    ".py": "code:read_code:python",
    ".php": "code:read_code:php",
    **dict.fromkeys((".kt", ".kts"), "code:read_code:kotlin"),
    ".sql": "code:read_code:sql",
    ".json": "code:read_code:json",
    **dict.fromkeys((".yaml", ".yml"), "data:read_yaml"),
    **dict.fromkeys((".po", ".pot"), "data:read_po"),
    ".docx": "word:read_docx",
    ".pdf": "pdf:read_pdf",
}
_DEFAULT_READER = "text:read_text"
#: Suffixes read by a reader of website code and markup: such a file may hold no policy
#: (it is then skipped, not an error).
SOURCE_SUFFIXES = frozenset(
    suffix for suffix, reader in READERS.items() if reader.split(":")[0] in ("markup", "markdown", "code", "data")
)


def suffix_of(path: str) -> str:
    """The suffix that picks the reader: ``.blade.php`` before ``.php``."""
    name = os.path.basename(path).lower()
    second = os.path.splitext(os.path.splitext(name)[0])[1]
    if second and second + os.path.splitext(name)[1] in READERS:
        return second + os.path.splitext(name)[1]
    return os.path.splitext(name)[1]


#: Folders never searched: dependencies, build output, caches, virtual environments.
SKIPPED_FOLDERS = frozenset(
    {"node_modules", "vendor", "bower_components", "__pycache__", "venv", "env", "dist",
     "build", "out", "coverage", "site-packages", "target"}
)


def find_files(folder: Path) -> list[Path]:
    """Files under ``folder`` of a format policylint reads, sorted; hidden files and
    folders, dependencies and build output are left out."""
    return [
        path
        for path in sorted(folder.rglob("*"))
        if suffix_of(path.name) in READERS
        and not any(
            part.startswith(".") or part in SKIPPED_FOLDERS
            for part in path.relative_to(folder).parts[:-1]
        )
        and not path.name.startswith(".")
        and path.is_file()
    ]


def reader_for(suffix: str) -> Reader:
    """The reader function for files with ``suffix`` (imported on first use)."""
    module, function, *grammar = READERS.get(suffix, _DEFAULT_READER).split(":")
    reader = getattr(importlib.import_module(f"policylint.ingest.{module}"), function)
    return functools.partial(reader, grammar=grammar[0]) if grammar else reader


def _too_large(path: str, size: int) -> InputError:
    return InputError(path, "too_large", f"{size / 1024 / 1024:.1f} MB is over the 20 MB limit")


def read_bytes(path: str) -> bytes:
    """The raw bytes of ``path`` (standard input for ``"-"``), at most ``MAX_BYTES + 1``."""
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise InputError(path, "unreadable", "no standard input")
            return stream.read(MAX_BYTES + 1)
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise _too_large(path, size)
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(path, "not_found", "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "unreadable", "is a directory, not a file") from None
    except PermissionError:
        raise InputError(path, "unreadable", "permission denied") from None
    except (OSError, ValueError) as error:  # ValueError: a closed standard input
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise InputError(path, "unreadable", f"cannot read: {reason}") from None


def read_source(path: str, data: bytes | None = None, suffix: str | None = None) -> SourceText:
    """Read ``path`` (or decode ``data`` already read from it) into a ``SourceText``;
    ``suffix`` picks the reader when the path has no telling one (a fetched URL)."""
    if data is None:
        data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    suffix = suffix or suffix_of(path)
    if not data:
        if suffix in SOURCE_SUFFIXES:  # an empty component or dictionary: nothing to lint
            return SourceText(path, "", kind="source")
        raise InputError(path, "empty", "the file is empty")
    return reader_for(suffix)(path, data)
