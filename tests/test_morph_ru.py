"""Russian word forms from pymorphy3 (the source of rules/data/ru_forms.json)."""

from __future__ import annotations

import subprocess
import sys

from policylint.analyze.morph_ru import word_forms


def test_noun_forms() -> None:
    forms = word_forms("передача")
    assert {"передача", "передачи", "передаче", "передачу", "передачей", "передачами"} <= set(forms)


def test_verb_forms_stay_in_the_lexeme() -> None:
    forms = set(word_forms("отозвать"))
    assert {"отозвать", "отозвал", "отозвав", "отозванный", "отзовет"} <= forms
    assert "отзывать" not in forms  # the other aspect is another lexeme


def test_participle_stands_for_participles_only() -> None:
    forms = set(word_forms("данных"))
    assert {"данные", "данных", "данными", "данный", "данная"} <= forms
    assert not {"дать", "дал", "давший"} & forms


def test_unlikely_parses_are_ignored() -> None:
    # «при» is also an imperative of «переть» and «с» an abbreviation.
    assert word_forms("при") == ["при"]
    assert word_forms("с") == ["с", "со"]


def test_forms_are_folded_and_sorted() -> None:
    forms = word_forms("Статьёй")
    assert forms == sorted(forms)
    assert "статьей" in forms and not any("ё" in f or f != f.lower() for f in forms)


def test_importing_does_not_load_pymorphy3() -> None:
    code = "import sys, policylint.analyze.morph_ru; print('pymorphy3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
