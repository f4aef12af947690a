"""Russian word forms from pymorphy3, loaded lazily.

Creating ``pymorphy3.MorphAnalyzer`` costs ~130 ms, so ``policylint check`` never does it
for the shipped rules: their words come from the generated table
``rules/data/ru_forms.json`` (``scripts/build_ru_forms.py``). This module is the fallback
for words missing from the table, and the source the table is built from.
"""

from __future__ import annotations

import functools
from typing import Any

#: Parses less likely than this share of the best parse are ignored: «при» is also an
#: imperative of «переть», «с» an abbreviation; their forms would only add noise.
MIN_SCORE_SHARE = 0.01

#: Verb forms that stand for their own kind of form only: the phrase word «данных»
#: stands for данный, данные, дан … (passive participles), not for дать, дал, давший.
_OWN_FORMS_ONLY = {"PRTF": {"PRTF", "PRTS"}, "PRTS": {"PRTF", "PRTS"}, "GRND": {"GRND"}}


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@functools.cache
def analyzer() -> Any:
    """The shared ``pymorphy3.MorphAnalyzer``, created on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=4096)
def word_forms(word: str) -> list[str]:
    """All forms of the lexemes of ``word``, folded and sorted.

    «передача» → передача, передачи, передаче, передачу, передачей, передачами, …;
    «отозвать» → отозвать, отозвал, отзову, отозванный, … (its own lexeme only).
    """
    parses = analyzer().parse(_fold(word))
    best = max(p.score for p in parses)
    forms: set[str] = {_fold(word)}
    for parse in parses:
        if parse.score < best * MIN_SCORE_SHARE:
            continue
        kinds = _OWN_FORMS_ONLY.get(parse.tag.POS)
        forms.update(
            _fold(form.word)
            for form in parse.lexeme
            if kinds is None or (form.tag.POS in kinds and form.tag.voice == parse.tag.voice)
        )
    return sorted(forms)
