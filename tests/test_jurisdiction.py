"""A policy governed by another state's law gets JR001 and no Kazakhstan completeness
findings; a Kazakhstan policy that imports 152-FZ wording stays a KZ policy."""

from __future__ import annotations

from policylint.model import SourceText
from policylint.pipeline import Linter

RUSSIAN_POLICY = """Политика в отношении обработки персональных данных

1. Общие положения

1.1. Настоящая политика обработки персональных данных составлена в соответствии с требованиями Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» и определяет порядок обработки персональных данных и меры по обеспечению безопасности персональных данных, предпринимаемые ООО «Ромашка» (далее – Оператор).

1.2. Оператор ставит своей важнейшей целью и условием осуществления своей деятельности соблюдение прав и свобод человека и гражданина при обработке его персональных данных.

2. Основные понятия

2.1. Персональные данные – любая информация, относящаяся прямо или косвенно к определенному или определяемому физическому лицу (субъекту персональных данных).
"""

KAZAKH_OPERATOR_WITH_IMPORTS = RUSSIAN_POLICY.replace(
    "ООО «Ромашка»", "ТОО «Бектек», БИН 251140031036,"
)


def lint(text: str):
    return Linter.load().lint_source(SourceText("<policy>", text))


def test_foreign_policy_gets_only_jr001_and_hygiene() -> None:
    result = lint(RUSSIAN_POLICY)
    assert result.jurisdiction == "RU"
    rules = {f.rule for f in result.findings}
    assert "JR001" in rules
    assert {r[:2] for r in rules} <= {"JR", "DO"}, rules


def test_kazakhstan_operator_importing_152_fz_is_a_kz_policy() -> None:
    result = lint(KAZAKH_OPERATOR_WITH_IMPORTS)
    assert result.jurisdiction == "KZ"
    rules = {f.rule for f in result.findings}
    assert "JR001" not in rules
    assert "FL001" in rules  # 152-FZ cited as the applicable law
    assert "OP005" in rules  # completeness rules run again
