"""Score the linter against an annotated corpus (``policylint eval CORPUS_DIR``).

A corpus folder holds policy files and, in any folder below it, an ``expected.yaml``
that annotates the files next to it (the format of ``corpora/seeds/expected.yaml``)::

    001_policy.txt:
      must:            # rule → 1-based line of the finding, or null if not pinned
        OP002: null
        BL002: 207
      may: [CH001]     # either outcome is accepted

Per rule, over all annotated files: a *true positive* is a rule in ``must`` that fired;
a *false positive* a rule that fired and is in neither ``must`` nor ``may``; a *miss*
(false negative) a rule in ``must`` that did not fire. Firings of ``may`` rules count as
neither. A rule counts once per file however often it fires. Only rules the catalogue
implements (and the linter's selection runs on that file) are scored; annotated rules
without an implementation are listed. Totals are micro-averaged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policylint.pipeline import Linter

ANNOTATIONS = "expected.yaml"


class AnnotationError(ValueError):
    """An ``expected.yaml`` is malformed."""


@dataclass
class RuleScore:
    """Counts for one rule (or the micro total). ``misplaced`` counts true positives
    whose first finding is not on the annotated line (when a line is pinned)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misplaced: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, other: RuleScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misplaced += other.misplaced


@dataclass(frozen=True)
class Outcome:
    """One scored (file, rule) that is not a plain hit: "fp", "fn" or "misplaced"."""

    file: str
    rule: str
    kind: str
    detail: str = ""


@dataclass
class Scores:
    """The result of ``score_corpus``."""

    folder: str
    files: list[str] = field(default_factory=list)
    rules: dict[str, RuleScore] = field(default_factory=dict)
    #: Annotated rule IDs the catalogue does not implement (not scored).
    not_implemented: list[str] = field(default_factory=list)
    #: Annotated files that could not be linted: (file, reason). Their must-entries
    #: count as misses.
    errors: list[tuple[str, str]] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> RuleScore:
        total = RuleScore()
        for score in self.rules.values():
            total.add(score)
        return total


def _annotation_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise AnnotationError(f"{folder}: no such folder")
    return sorted(folder.rglob(ANNOTATIONS))


def _read_annotations(path: Path) -> dict[str, tuple[dict[str, int | None], set[str]]]:
    """File name → (must: rule → line or None, may: rules) from one expected.yaml."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AnnotationError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise AnnotationError(f"{path}: expected a mapping of file names")
    annotations = {}
    for name, entry in data.items():
        entry = entry or {}
        if not isinstance(entry, dict):
            raise AnnotationError(f"{path}: {name}: expected 'must' and 'may'")
        must = entry.get("must") or {}
        if isinstance(must, list):
            must = dict.fromkeys(must)
        may = entry.get("may") or []
        if not isinstance(must, dict) or not isinstance(may, list):
            raise AnnotationError(f"{path}: {name}: 'must' is a mapping, 'may' a list")
        for rule, line in must.items():
            if line is not None and not isinstance(line, int):
                raise AnnotationError(f"{path}: {name}: {rule}: line must be a number or null")
        annotations[str(name)] = ({str(r): line for r, line in must.items()}, {str(r) for r in may})
    return annotations


def _score_file(
    scores: Scores,
    linter: Linter,
    path: Path,
    label: str,
    must: dict[str, int | None],
    may: set[str],
    missing_rules: set[str],
) -> None:
    def implemented(rule: str) -> bool:
        if rule not in linter.catalog:
            missing_rules.add(rule)
            return False
        return linter.selected(rule, str(path))

    expected = {rule: line for rule, line in must.items() if implemented(rule)}
    accepted = {rule for rule in may if implemented(rule)}
    result = linter.lint_path(str(path))
    fired: dict[str, int] = {}
    if result.error is not None:
        scores.errors.append((label, result.error.message))
    else:
        assert result.document is not None
        for finding in result.findings:
            fired.setdefault(finding.rule, result.document.locate(finding.span.start).line)
    for rule in sorted(set(expected) | set(fired)):
        score = scores.rules.setdefault(rule, RuleScore())
        if rule in expected and rule in fired:
            score.tp += 1
            line = expected[rule]
            if line is not None and fired[rule] != line:
                score.misplaced += 1
                detail = f"line {fired[rule]}, expected {line}"
                scores.outcomes.append(Outcome(label, rule, "misplaced", detail))
        elif rule in expected:
            score.fn += 1
            scores.outcomes.append(Outcome(label, rule, "fn"))
        elif rule not in accepted:
            score.fp += 1
            scores.outcomes.append(Outcome(label, rule, "fp", f"line {fired[rule]}"))
    scores.files.append(label)


def score_corpus(folder: Path, linter: Linter) -> Scores:
    """Lint every file named by an ``expected.yaml`` under ``folder`` (recursively) and
    score the findings against the annotations. Raises ``AnnotationError`` for a
    malformed annotation file or a missing folder."""
    folder = Path(folder)
    scores = Scores(str(folder))
    missing_rules: set[str] = set()
    root = folder if folder.is_dir() else folder.parent
    for annotation_file in _annotation_files(folder):
        for name, (must, may) in _read_annotations(annotation_file).items():
            path = annotation_file.parent / name
            label = path.relative_to(root).as_posix()
            _score_file(scores, linter, path, label, must, may, missing_rules)
    scores.rules = dict(sorted(scores.rules.items()))
    scores.not_implemented = sorted(missing_rules)
    return scores


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _score_dict(score: RuleScore) -> dict[str, Any]:
    return {
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
        "misplaced": score.misplaced,
        "precision": score.precision,
        "recall": score.recall,
    }


def _as_json(scores: Scores) -> str:
    data = {
        "folder": scores.folder,
        "files": scores.files,
        "rules": {rule: _score_dict(score) for rule, score in scores.rules.items()},
        "total": _score_dict(scores.total),
        "not_implemented": scores.not_implemented,
        "errors": [{"file": f, "reason": reason} for f, reason in scores.errors],
        "outcomes": [
            {"file": o.file, "rule": o.rule, "kind": o.kind, "detail": o.detail}
            for o in scores.outcomes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _as_text(scores: Scores) -> str:
    header = ("rule", "TP", "FP", "FN", "precision", "recall")
    rows = [
        (rule, str(s.tp), str(s.fp), str(s.fn), _ratio(s.precision), _ratio(s.recall))
        for rule, s in scores.rules.items()
    ]
    total = scores.total
    rows.append(
        (
            "total",
            str(total.tp),
            str(total.fp),
            str(total.fn),
            _ratio(total.precision),
            _ratio(total.recall),
        )
    )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    out = [f"{len(scores.files)} annotated files in {scores.folder}", "", line(header)]
    out.extend(line(row) for row in rows[:-1])
    out.append("-" * len(line(header)))
    out.append(line(rows[-1]))
    names = {"fp": "false positive", "fn": "missed", "misplaced": "wrong line"}
    if scores.outcomes:
        out += ["", "Misses and false positives:"]
        out.extend(
            f"  {o.file}: {o.rule} {names[o.kind]}" + (f" ({o.detail})" if o.detail else "")
            for o in scores.outcomes
        )
    if scores.errors:
        out += ["", "Files that could not be linted (their expected findings count as missed):"]
        out.extend(f"  {name}: {reason}" for name, reason in scores.errors)
    if scores.not_implemented:
        out += [
            "",
            "Annotated but not implemented (not scored): " + ", ".join(scores.not_implemented),
        ]
    return "\n".join(out) + "\n"


def format_scores(scores: Scores, fmt: str = "text") -> str:
    """The scores as a text table (per rule and micro total) or as JSON."""
    if fmt == "json":
        return _as_json(scores)
    if fmt == "text":
        return _as_text(scores)
    raise ValueError(f"unknown format {fmt!r} (text or json)")
