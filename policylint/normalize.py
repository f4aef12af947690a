"""Normalise text, keeping a map back to the source. (Placeholder: identity — being
rewritten.)"""

from __future__ import annotations

from policylint.model import NormalizedText, SourceText


def normalize(source: SourceText) -> NormalizedText:
    return NormalizedText(source.text, list(range(len(source.text) + 1)))
