"""Where the rule pack lives, and a small on-disk cache for data derived from it.

The top-level ``rules/`` folder is shipped inside the wheel as ``policylint/rulepack``;
in a source checkout it is read in place.
"""

from __future__ import annotations

import functools
import os
import pickle
import zlib
from pathlib import Path
from typing import Any, Callable

_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
def rules_dir() -> Path:
    """The folder holding the rule pack (rule YAML, topics/, data/)."""
    shipped = _PACKAGE_DIR / "rulepack"
    if shipped.is_dir():
        return shipped
    return _PACKAGE_DIR.parent / "rules"


def data_path(name: str) -> Path:
    """Path of a data file in ``rules/data/``."""
    return rules_dir() / "data" / name


def cache_dir() -> Path | None:
    """A writable per-user cache folder, or None when there is none."""
    root = os.environ.get("POLICYLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "policylint"
    )
    try:
        os.makedirs(root, exist_ok=True)
    except OSError:
        return None
    return Path(root) if os.access(root, os.W_OK) else None


def _fingerprint(paths: list[Path]) -> str:
    """A short key that changes when any of ``paths`` is renamed, resized or touched."""
    listing = "".join(
        f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n"
        for path in sorted(paths)
        for stat in (path.stat(),)
    ).encode()
    return f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}"


def cached(name: str, inputs: list[Path], build: Callable[[], Any]) -> Any:
    """Return ``build()``, cached on disk until any file in ``inputs`` changes.

    Used to keep YAML parsing and pattern compilation off the start-up path of
    ``policylint check``. Any cache problem silently falls back to building.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    from policylint import __version__

    path = folder / f"{name}-{__version__}-{_fingerprint(inputs)}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, stale or corrupt cache: rebuild
        pass
    value = build()
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


@functools.cache
def load_yaml(path: Path) -> Any:
    """Parse one YAML file (C loader when available)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def load_data(name: str) -> Any:
    """Parse ``rules/data/<name>`` (YAML), cached on disk."""
    path = data_path(name)
    return cached(f"data-{path.stem}", [path], lambda: load_yaml(path))
