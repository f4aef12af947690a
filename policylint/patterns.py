"""``compile``: ``re.compile`` whose slow part is cached on disk between runs.

Python's ``re`` parses a pattern and builds its matcher code in Python; policylint's
extractors compile some 150 patterns, a few of them large, which took ≈ 60 ms of every
``policylint check``. Here what ``re`` builds (flags, matcher code, groups) is kept in
one cache file per Python build and handed to ``_sre.compile`` on later runs: the
pattern objects are the same as ``re.compile``'s. Without a cache folder, or when the
interpreter's ``re`` internals are not the expected ones, this is plain ``re.compile``.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import os
import pickle
import re
import sys
from typing import Any

try:  # CPython's internals, as re.compile uses them (3.11+)
    import _sre
    from re import _compiler, _parser

    _USABLE = hasattr(_compiler, "_code") and hasattr(_parser, "parse")
except ImportError:
    _USABLE = False

#: Entries kept at most; past that, the file is rewritten with this run's patterns only.
_MAX_ENTRIES = 1000

_Key = tuple[str, int]
_table: dict[_Key, tuple[Any, ...]] | None = None
_used: set[_Key] = set()
_added = False


def _cache_file() -> str | None:
    import zlib

    from policylint.resources import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    build = zlib.crc32(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())
    return os.path.join(folder, f"patterns-v2-{sys.implementation.cache_tag}-{build:08x}.pickle")


def _load() -> dict[_Key, tuple[Any, ...]]:
    table: dict[_Key, tuple[Any, ...]] = {}
    path = _cache_file()
    if path is not None:
        try:
            with open(path, "rb") as handle:
                table = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or corrupt: start afresh
            table = {}
        atexit.register(_save, path)
    return table


def _save(path: str) -> None:
    """Write the table back if this run added patterns (forked workers never do: they
    leave without running ``atexit``)."""
    if not _added or _table is None:
        return
    table = _table if len(_table) <= _MAX_ENTRIES else {k: _table[k] for k in _used}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a cache must never break a run
        with contextlib.suppress(OSError):
            os.remove(tmp)


def _build(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` passes to ``_sre.compile``, besides the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = array.array("I", _compiler._code(parsed, flags))  # loads far faster than a list
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a ``str`` pattern."""
    global _table, _added
    if not _USABLE or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    if _table is None:
        _table = _load()
    key = (pattern, int(flags))
    parts = _table.get(key)
    if parts is None:
        parts = _table[key] = _build(pattern, int(flags))
        _added = True
    _used.add(key)
    flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, indexgroup)
