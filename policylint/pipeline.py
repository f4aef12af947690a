"""One input through the whole pipeline: ingest → normalise → segment → analyse → rules."""

from __future__ import annotations

from policylint.model import Document, SourceText
from policylint.normalize import normalize
from policylint.segment import segment


def build_document(source: SourceText) -> Document:
    """Normalise and segment an ingested source."""
    return segment(source, normalize(source))
