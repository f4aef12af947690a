"""``policylint rules``: the catalogue as a list, and one rule's page (what it checks,
why, the article, the fix, and its failing and passing examples)."""

from __future__ import annotations

from policylint.rules.catalog import Rule

_LABELS = {
    "ru": {"severity": "Серьёзность", "law": "Закон", "why": "Почему", "fix": "Как исправить",
           "fail": "Нарушение", "pass": "Правильно", "message": "Сообщение"},
    "kk": {"severity": "Маңыздылығы", "law": "Заң", "why": "Неге", "fix": "Қалай түзету",
           "fail": "Бұзушылық", "pass": "Дұрыс", "message": "Хабарлама"},
    "en": {"severity": "Severity", "law": "Law", "why": "Why", "fix": "Fix",
           "fail": "Fails", "pass": "Passes", "message": "Message"},
}


def list_rules(catalog: dict[str, Rule], lang: str) -> str:
    """One line per rule: id, severity, title, article."""
    width = max((len(r.id) for r in catalog.values()), default=5)
    lines = [
        f"{rule.id:<{width}}  {rule.severity:<7}  {rule.text('title', lang)}  [{rule.text('law', lang)}]"
        for rule in catalog.values()
    ]
    return "\n".join(lines) + "\n"


def explain_rule(rule: Rule, lang: str) -> str:
    """A rule's page in ``lang``, with its RU and KK examples."""
    labels = _LABELS[lang]
    parts = [
        f"{rule.id}: {rule.text('title', lang)}",
        f"{labels['severity']}: {rule.severity}",
        f"{labels['law']}: {rule.text('law', lang)}",
        "",
        f"{labels['message']}: {rule.text('message', lang)}",
    ]
    if rule.rationale:
        parts += ["", f"{labels['why']}: {rule.text('rationale', lang)}"]
    if rule.fix:
        parts += ["", f"{labels['fix']}: {rule.text('fix', lang)}"]
    for outcome in ("fail", "pass"):
        examples = rule.examples.get(outcome, [])
        if examples:
            parts += ["", f"{labels[outcome]}:"]
            for example in examples:
                text = " ".join(example["text"].split())
                parts.append(f"  [{example['lang']}] {text}")
    return "\n".join(parts) + "\n"
