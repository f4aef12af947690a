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
