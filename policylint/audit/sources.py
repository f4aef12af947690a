"""What an audit reads: folders, globs, files, URLs and ``@list.txt`` files of them."""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from policylint.ingest import find_files


class SourceError(Exception):
    """A source argument that cannot be used (a usage error: exit code 2)."""


@dataclass(frozen=True)
class Source:
    """One input of an audit. ``ref`` is the path or URL; ``site`` groups inputs by
    organisation: the host of a URL, or the first folder under an audited folder."""

    ref: str
    site: str
    display: str

    @property
    def is_url(self) -> bool:
        return is_url(self.ref)

    @property
    def id(self) -> str:
        """A stable short id: the name of the document's page in the report."""
        return hashlib.sha1(self.ref.encode("utf-8")).hexdigest()[:12]


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _url_source(url: str) -> Source:
    host = (urlsplit(url).hostname or url).lower().removeprefix("www.")
    return Source(url, host, url)


def _file_source(path: Path, folder: Path | None, cwd: Path) -> Source:
    resolved = path.resolve()
    try:
        display = str(resolved.relative_to(cwd))
    except ValueError:
        display = str(resolved)
    if folder is not None:
        parts = path.relative_to(folder).parts
        site = parts[0] if len(parts) > 1 else path.stem
    else:
        site = path.stem
    return Source(str(resolved), site, display)


def _from_list(list_file: Path) -> list[str]:
    """The sources named in a list file, one per line; ``#`` starts a comment; relative
    paths are taken against the list's folder."""
    try:
        lines = list_file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{list_file}: cannot read the list of sources ({error})") from None
    entries = []
    for line in lines:
        entry = line.split(" #")[0].strip()
        if not entry or entry.startswith("#"):
            continue
        entries.append(entry if is_url(entry) or os.path.isabs(entry) else str(list_file.parent / entry))
    return entries


def expand_sources(arguments: list[str], cwd: Path | None = None) -> list[Source]:
    """Every input the arguments name, once each, in the order given."""
    cwd = cwd or Path.cwd()
    sources: dict[str, Source] = {}

    def add(source: Source) -> None:
        sources.setdefault(source.ref, source)

    pending = list(arguments)
    while pending:
        argument = pending.pop(0)
        if argument.startswith("@"):
            pending[0:0] = _from_list(Path(argument[1:]))
        elif is_url(argument):
            add(_url_source(argument))
        elif Path(argument).is_dir():
            folder = Path(argument)
            for path in find_files(folder):
                add(_file_source(path, folder, cwd))
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise SourceError(f"{argument}: the pattern matches no files")
            pending[0:0] = matches
        else:  # a file; a missing one is reported in the audit as not found
            add(_file_source(Path(argument), None, cwd))
    return list(sources.values())
