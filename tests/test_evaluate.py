"""Scoring the linter against an annotated corpus (policylint.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from policylint.evaluate import AnnotationError, format_scores, score_corpus
from policylint.pipeline import Linter
from tests.helpers import ROOT

POLICY_A = """Политика конфиденциальности

1.1. ТОО «Бектек» (далее — Оператор) обрабатывает персональные данные пользователей сайта bektek.kz.

1.2. Вопросы об обработке персональных данных направляйте по адресу [ЗАПОЛНИТЕ].

1.3. Оператор хранит персональные данные на территории Республики Казахстан.
"""

POLICY_B = """Политика конфиденциальности

Редакция № 2 от 01.02.2026

1.1. ТОО «Бектек» (далее — Оператор) обрабатывает персональные данные пользователей сайта.

1.2. Актуальная версия Политики расположена по адресу https:///bektek.kz/privacy.
"""


@pytest.fixture(scope="module")
def doc_linter() -> Linter:
    """Only the DOC rules run, so that the expected counts do not depend on others."""
    return Linter.load(selected=lambda rule_id, path: rule_id.startswith("DOC"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(POLICY_A, encoding="utf-8")
    (tmp_path / "expected.yaml").write_text(
        yaml.safe_dump(
            {
                "a.txt": {
                    # DOC001 fires on line 5 (hit); DOC004 fires at the start, line 1, not 2
                    # (hit on a wrong line); DOC003 does not fire (miss); XX999 does not exist.
                    "must": {"DOC001": 5, "DOC004": 2, "DOC003": None, "XX999": None},
                    "may": ["DOC002"],
                },
            }
        ),
        encoding="utf-8",
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text(POLICY_B, encoding="utf-8")
    # DOC004 does not fire (miss); DOC003 fires and is not expected (false positive).
    (sub / "expected.yaml").write_text(
        "b.txt:\n  must:\n    DOC004: null\n  may: [DOC001]\n", encoding="utf-8"
    )
    return tmp_path


def test_counts_per_rule(corpus: Path, doc_linter: Linter) -> None:
    scores = score_corpus(corpus, doc_linter)
    assert scores.files == ["a.txt", "sub/b.txt"]
    counts = {rule: (s.tp, s.fp, s.fn, s.misplaced) for rule, s in scores.rules.items()}
    assert counts == {
        "DOC001": (1, 0, 0, 0),
        "DOC003": (0, 1, 1, 0),
        "DOC004": (1, 0, 1, 1),
    }
    total = scores.total
    assert (total.tp, total.fp, total.fn) == (2, 1, 2)
    assert total.precision == pytest.approx(2 / 3)
    assert total.recall == pytest.approx(2 / 4)
    assert scores.rules["DOC001"].recall == 1.0
    assert scores.rules["DOC003"].precision == 0.0
    assert scores.not_implemented == ["XX999"]
    assert scores.errors == []


def test_may_counts_as_neither(corpus: Path, doc_linter: Linter) -> None:
    """DOC003 fires on b.txt and is in its ``may``: neither a hit nor a false positive."""
    expected = corpus / "sub" / "expected.yaml"
    expected.write_text("b.txt:\n  must: {}\n  may: [DOC003, DOC004]\n", encoding="utf-8")
    scores = score_corpus(corpus / "sub", doc_linter)
    assert scores.total.tp == scores.total.fp == scores.total.fn == 0


def test_missing_file_counts_its_expected_findings_as_missed(
    corpus: Path, doc_linter: Linter
) -> None:
    (corpus / "sub" / "b.txt").unlink()
    scores = score_corpus(corpus / "sub", doc_linter)
    assert [name for name, _ in scores.errors] == ["b.txt"]
    assert scores.rules["DOC004"].fn == 1


def test_text_and_json_reports(corpus: Path, doc_linter: Linter) -> None:
    scores = score_corpus(corpus, doc_linter)
    text = format_scores(scores)
    total_line = next(line for line in text.splitlines() if line.startswith("total"))
    assert total_line.split() == ["total", "2", "1", "2", "0.667", "0.500"]
    assert "sub/b.txt: DOC003 false positive" in text
    assert "a.txt: DOC004 wrong line (line 1, expected 2)" in text
    assert "not implemented" in text and "XX999" in text
    data = json.loads(format_scores(scores, "json"))
    assert data["total"]["tp"] == 2 and data["total"]["precision"] == pytest.approx(2 / 3)
    assert data["rules"]["DOC003"] == {
        "tp": 0,
        "fp": 1,
        "fn": 1,
        "misplaced": 0,
        "precision": 0.0,
        "recall": 0.0,
    }
    assert data["not_implemented"] == ["XX999"]
    with pytest.raises(ValueError):
        format_scores(scores, "xml")


def test_malformed_annotations(tmp_path: Path, doc_linter: Linter) -> None:
    (tmp_path / "expected.yaml").write_text("a.txt:\n  must: [1, 2\n", encoding="utf-8")
    with pytest.raises(AnnotationError):
        score_corpus(tmp_path, doc_linter)
    with pytest.raises(AnnotationError):
        score_corpus(tmp_path / "nowhere", doc_linter)


def test_whole_corpus_totals_are_consistent() -> None:
    linter = Linter.load()
    scores = score_corpus(ROOT / "corpora", linter)
    must_entries = 0
    for path in (ROOT / "corpora").rglob("expected.yaml"):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).values():
            must_entries += sum(rule in linter.catalog for rule in entry["must"])
    total = scores.total
    assert total.tp + total.fn == must_entries
    assert total.fp == sum(o.kind == "fp" for o in scores.outcomes)
    assert total.fn == sum(o.kind == "fn" for o in scores.outcomes)
    assert len(scores.files) >= 5 and not scores.errors
    annotated = {
        rule
        for path in (ROOT / "corpora").rglob("expected.yaml")
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).values()
        for rule in [*entry["must"], *(entry.get("may") or [])]
    }
    assert set(scores.not_implemented) == annotated - set(linter.catalog)
