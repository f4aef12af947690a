"""The seed policies produce exactly the expected findings (corpora/seeds/expected.yaml)
for every rule the catalogue implements."""

from __future__ import annotations

import pytest
import yaml

from policylint.pipeline import Linter
from tests.helpers import SEEDS

EXPECTED = yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_findings(linter: Linter, name: str) -> None:
    result = linter.lint_path(str(SEEDS / name))
    assert result.error is None, result.error
    implemented = set(linter.catalog)
    expected = EXPECTED[name]
    must = {rule: line for rule, line in expected["must"].items() if rule in implemented}
    may = set(expected.get("may") or [])
    fired = {}
    for finding in result.findings:
        fired.setdefault(finding.rule, result.document.locate(finding.span.start).line)
    missing = sorted(set(must) - set(fired))
    unexpected = sorted(set(fired) - set(must) - may)
    assert not missing and not unexpected, f"missing {missing}, unexpected {unexpected}"
    wrong_lines = {r: (fired[r], line) for r, line in must.items() if line and fired[r] != line}
    assert not wrong_lines, f"rule: (found at, expected at) {wrong_lines}"


def test_one_finding_per_rule(linter: Linter) -> None:
    """A rule fires at most once per document for the same problem (RULES.md)."""
    for name in EXPECTED:
        result = linter.lint_path(str(SEEDS / name))
        rules = [f.rule for f in result.findings]
        assert len(rules) == len(set(rules)), name
