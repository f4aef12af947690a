"""Every rule's own examples (LanguageTool style): each failing example makes the rule
fire, each passing example keeps it silent. The rule runs alone on the example, or with
the rules its ``with`` names (the PL rules judge other rules' suppressions)."""

from __future__ import annotations

import pytest

from policylint.model import SourceText
from policylint.pipeline import Linter
from policylint.rules.catalog import load_catalog

CATALOG = load_catalog()
CASES = [
    pytest.param(rule.id, outcome, example["lang"], example["text"], example.get("with", []),
                 id=f"{rule.id}-{outcome}-{example['lang']}-{n}")
    for rule in CATALOG.values()
    for outcome in ("fail", "pass")
    for n, example in enumerate(rule.examples.get(outcome, []))
]


@pytest.mark.parametrize("rule_id, outcome, lang, text, companions", CASES)
def test_example(
    linter: Linter, rule_id: str, outcome: str, lang: str, text: str, companions: list[str]
) -> None:
    running = {rule_id, *companions}
    result = Linter(linter.catalog, linter.lexicon, lambda rid, path: rid in running).lint_source(
        SourceText("<example>", text), require_policy=False
    )
    fired = [f.rule for f in result.findings]
    if outcome == "fail":
        assert rule_id in fired, f"{rule_id} did not fire on: {text}"
    else:
        assert rule_id not in fired, f"{rule_id} fired on a passing example: {text}"


@pytest.mark.parametrize("rule", CATALOG.values(), ids=lambda r: r.id)
def test_rule_has_examples_in_both_languages(rule) -> None:
    for outcome in ("fail", "pass"):
        langs = [e["lang"] for e in rule.examples.get(outcome, [])]
        assert langs.count("ru") >= 2 and langs.count("kk") >= 2, (rule.id, outcome, langs)
