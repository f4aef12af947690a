"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

from policylint.model import Document, SourceText
from policylint.pipeline import build_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"


def doc_from_text(text: str, path: str = "<test>") -> Document:
    """A Document built by the real normalise and segment stages from ``text``."""
    return build_document(SourceText(path, text))


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_doc(number: int) -> Document:
    """Document for seed ``number`` (0..4) read as UTF-8 text."""
    path = seed_paths()[number]
    return doc_from_text(path.read_text(encoding="utf-8"), str(path))


def line_column(text: str, needle: str, after: str = "", occurrence: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the ``occurrence``-th ``needle`` in a file's ``text``,
    searched from ``after`` — where a finding on that phrase must point."""
    index = text.index(after) - 1 if after else -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def extracted_place(source: SourceText, needle: str) -> tuple[int, int]:
    """Where ``needle`` of the extracted prose comes from in the original file."""
    location = source.locate(source.text.index(needle))
    return location.line, location.column


def paragraphs(source: SourceText) -> list[str]:
    return source.text.split("\n\n")
