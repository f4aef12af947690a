"""Ingest: read one input (a file path or ``"-"`` for standard input) into a ``SourceText``.

Readers are chosen by file suffix; plain text and Markdown are read by ``text.read_text``,
and so is any suffix without a reader of its own. Every problem with the input becomes an
``InputError`` with a one-line message, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from policylint.ingest.text import read_text
from policylint.model import InputError, SourceText

#: Inputs larger than this are refused (``too_large``).
MAX_BYTES = 20 * 1024 * 1024

Reader = Callable[[str, bytes], SourceText]

#: Reader per lower-case file suffix; unknown suffixes are read as plain text.
READERS: dict[str, Reader] = {".txt": read_text, ".text": read_text, ".md": read_text}


def _too_large(path: str, size: int) -> InputError:
    return InputError(path, "too_large", f"{size / 1024 / 1024:.1f} MB is over the 20 MB limit")


def _read_bytes(path: str) -> bytes:
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


def read_source(path: str, data: bytes | None = None) -> SourceText:
    """Read ``path`` (or decode ``data`` already read from it) into a ``SourceText``."""
    if data is None:
        data = _read_bytes(path)
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    if not data:
        raise InputError(path, "empty", "the file is empty")
    suffix = os.path.splitext(path)[1].lower()
    return READERS.get(suffix, read_text)(path, data)
