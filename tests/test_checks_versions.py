"""BL001–BL003: comparing the Kazakh and Russian versions of a policy.

Unit tests build documents by hand (clauses, versions, pairs, facts) so that each
decision of ``policylint.rules.checks.versions`` is tested on its own; the seed tests
run the whole pipeline.
"""

from __future__ import annotations

import pytest

from policylint.model import (
    Clause,
    Contact,
    Deadline,
    Document,
    Facts,
    NormalizedText,
    SourceText,
    Span,
    Version,
)
from policylint.pipeline import Linter
from policylint.rules.catalog import load_catalog
from policylint.rules.checks import versions
from tests.helpers import seed_paths

CATALOG = load_catalog()


def make_doc(
    paragraphs: list[tuple[str, str | None, str]], pairs: list[tuple[int, int]] | None = None
) -> Document:
    """A document of (lang, number, text) paragraphs; consecutive paragraphs of one
    language form a version. ``pairs`` default to clauses with equal numbers."""
    text, clauses, versions_ = "", [], []
    for index, (lang, number, body) in enumerate(paragraphs):
        if text:
            text += "\n\n"
        if not versions_ or versions_[-1].lang != lang:
            versions_.append(Version(lang, index, index))  # type: ignore[arg-type]
        versions_[-1].end = index + 1
        span = Span(len(text), len(text) + len(body))
        text += body
        clauses.append(Clause(index, span, lang, number, version=len(versions_) - 1))  # type: ignore[arg-type]
    if pairs is None:
        pairs = [
            (a.index, b.index)
            for a in clauses
            for b in clauses
            if a.version < b.version and a.number is not None and a.number == b.number
        ]
    source = SourceText("<test>", text)
    return Document(
        source, NormalizedText(text, list(range(len(text) + 1))), clauses, versions_, pairs
    )


def contact(doc: Document, clause: int, kind: str, value: str, valid: bool = True) -> Contact:
    body = doc.clause_text(doc.clauses[clause])
    start = doc.clauses[clause].span.start + max(body.find(value), 0)
    return Contact(kind, value, Span(start, start + len(value)), clause, valid)


def deadline(doc: Document, clause: int, obligation: str, amount: float, unit: str) -> Deadline:
    return Deadline(obligation, amount, unit, doc.clauses[clause].span, clause)


KK_111 = "11.1. Пайдаланушы support@amart.kz электрондық поштасының көмегімен Операторға хабарласа алады."
RU_111 = (
    "11.1. Пользователь может обратиться к Оператору с помощью электронной почты info@amart.kz."
)
RU_111_SAME = (
    "11.1. Пользователь может обратиться к Оператору с помощью электронной почты support@amart.kz."
)


def run(rule_id: str, doc: Document, facts: Facts):
    rule = CATALOG[rule_id]
    module, _, function = rule.spec["check"].rpartition(".")
    assert module == "versions"
    return getattr(versions, function)(rule, doc, facts)


# ------------------------------------------------------------------------ BL002


def test_bl002_numbered_pair_with_different_emails() -> None:
    doc = make_doc([("kk", "11.1", KK_111), ("ru", "11.1", RU_111)])
    facts = Facts(
        contacts=[
            contact(doc, 0, "email", "support@amart.kz"),
            contact(doc, 1, "email", "info@amart.kz"),
        ]
    )
    [finding] = run("BL002", doc, facts)
    assert finding.span == facts.contacts[0].span
    assert finding.related == [facts.contacts[1].span]
    assert finding.params["variant"] == "kk"
    message = CATALOG["BL002"].text("message", "ru", finding.params)
    assert "support@amart.kz" in message and "info@amart.kz" in message
    assert "казахской" in message


def test_bl002_same_contacts_and_single_version_are_silent() -> None:
    doc = make_doc([("kk", "11.1", KK_111), ("ru", "11.1", RU_111_SAME)])
    facts = Facts(
        contacts=[
            contact(doc, 0, "email", "support@amart.kz"),
            contact(doc, 1, "email", "support@amart.kz"),
        ]
    )
    assert run("BL002", doc, facts) == []
    one = make_doc([("ru", "11.1", RU_111), ("ru", "11.2", RU_111_SAME)])
    facts = Facts(
        contacts=[
            contact(one, 0, "email", "info@amart.kz"),
            contact(one, 1, "email", "support@amart.kz"),
        ]
    )
    assert run("BL002", one, facts) == []


def test_versions_of_comparable_length_only() -> None:
    """A short passage in the other language (site chrome, a form) is not a version."""
    doc = make_doc(
        [("ru", None, "Товар добавлен в корзину"), ("kk", "11.1", KK_111), ("ru", "11.1", RU_111)]
    )
    assert versions._versions(doc) == (1, 2)
    short = make_doc(
        [
            ("kk", "11.1", KK_111),
            ("kk", "11.2", KK_111),
            ("kk", "11.3", KK_111),
            ("ru", "11.1", RU_111),
        ]
    )
    assert versions._versions(short) is None


def test_bl002_websites_by_host_and_addresses_by_numbers() -> None:
    doc = make_doc(
        [
            (
                "kk",
                "2.3",
                "2.3. Сайт: https://amart.kz/kk/policy. Мекенжай: 010000, Астана қаласы, Нажмиденов көшесі, 39.",
            ),
            (
                "ru",
                "2.3",
                "2.3. Сайт: https://amart.kz/ru/policy. Адрес: 010000, город Астана, ул. Нажмиденова, 39.",
            ),
        ]
    )
    facts = Facts(
        contacts=[
            contact(doc, 0, "url", "https://amart.kz/kk/policy"),
            contact(doc, 0, "address", "010000, Астана қаласы, Нажмиденов көшесі, 39"),
            contact(doc, 1, "url", "https://amart.kz/ru/policy"),
            contact(doc, 1, "address", "010000, город Астана, ул. Нажмиденова, 39"),
        ]
    )
    assert run("BL002", doc, facts) == []
    moved = Facts(
        contacts=[
            *facts.contacts[:3],
            contact(doc, 1, "address", "010000, город Астана, ул. Нажмиденова, 41"),
        ]
    )
    [finding] = run("BL002", doc, moved)
    assert finding.params["other"].endswith("41")


def test_bl002_order_pair_needs_the_value_absent_from_the_other_version() -> None:
    """Clauses paired by order only may be misaligned: a difference counts only if the
    value appears nowhere in the other version."""
    paragraphs = [
        ("kk", None, "Хабарласу: support@amart.kz."),
        ("kk", None, "Сұрақтар: info@amart.kz."),
        ("ru", None, "Вопросы: info@amart.kz."),
        ("ru", None, "Контакты: support@amart.kz."),
    ]
    doc = make_doc(paragraphs, pairs=[(0, 2), (1, 3)])
    facts = Facts(
        contacts=[
            contact(doc, i, "email", v)
            for i, v in [
                (0, "support@amart.kz"),
                (1, "info@amart.kz"),
                (2, "info@amart.kz"),
                (3, "support@amart.kz"),
            ]
        ]
    )
    assert run("BL002", doc, facts) == []
    facts.contacts[3] = contact(doc, 3, "email", "help@amart.kz")
    facts.contacts[1] = contact(doc, 1, "email", "office@amart.kz")
    assert len(run("BL002", doc, facts)) == 1


def test_bl002_unpaired_clauses_compared_version_against_version() -> None:
    doc = make_doc(
        [("kk", None, "Байланыс: +7 727 123 45 67."), ("ru", None, "Телефон: +7 727 765 43 21.")],
        pairs=[],
    )
    facts = Facts(
        contacts=[
            contact(doc, 0, "phone", "+77271234567"),
            contact(doc, 1, "phone", "+77277654321"),
        ]
    )
    assert len(run("BL002", doc, facts)) == 1


def test_bl002_ignores_malformed_contacts() -> None:
    doc = make_doc(
        [
            ("kk", "11.3", "11.3. https:///amart.kz/learning/"),
            ("ru", "11.3", "11.3. https://amart.kz/learning/"),
        ]
    )
    facts = Facts(
        contacts=[
            contact(doc, 0, "url", "https:///amart.kz/learning/", valid=False),
            contact(doc, 1, "url", "https://amart.kz/learning"),
        ]
    )
    assert run("BL002", doc, facts) == []


# ------------------------------------------------------------------------ BL001


def test_bl001_same_period_in_words_and_units() -> None:
    """«30 күн» (no unit: calendar days) equals «тридцати календарных дней»."""
    doc = make_doc(
        [
            ("kk", "3.2.4", "3.2.4. 30 күн ішінде хабарлауға;"),
            ("ru", "3.2.4", "3.2.4. в течение тридцати календарных дней;"),
        ]
    )
    facts = Facts(
        deadlines=[
            deadline(doc, 0, "authority_reply", 30, "day"),
            deadline(doc, 1, "authority_reply", 30, "calendar_day"),
        ]
    )
    assert run("BL001", doc, facts) == []


def test_bl001_different_periods_for_one_obligation() -> None:
    doc = make_doc(
        [
            ("kk", "4.1", "4.1. бір жұмыс күні ішінде өзгертуге"),
            ("ru", "4.1", "4.1. в течение трех рабочих дней изменить"),
        ]
    )
    facts = Facts(
        deadlines=[
            deadline(doc, 0, "change_block_destroy", 1, "working_day"),
            deadline(doc, 1, "change_block_destroy", 3, "working_day"),
        ]
    )
    [finding] = run("BL001", doc, facts)
    assert finding.related == [doc.clauses[1].span]


def test_bl001_other_obligations_and_extra_deadlines_are_not_compared() -> None:
    doc = make_doc(
        [
            ("kk", "4.1", "4.1. бір жұмыс күні; үш жұмыс күні"),
            ("ru", "4.1", "4.1. одного рабочего дня; десяти дней"),
        ]
    )
    facts = Facts(
        deadlines=[
            deadline(doc, 0, "change_block_destroy", 1, "working_day"),
            deadline(doc, 0, "change_block_destroy", 3, "working_day"),
            deadline(doc, 1, "change_block_destroy", 1, "working_day"),
            deadline(doc, 1, "other", 10, "day"),
        ]
    )
    assert run("BL001", doc, facts) == []


# ------------------------------------------------------------------------ BL003

KK_3 = [("kk", f"3.{n}", f"3.{n}. Оператор {n}-міндетті орындайды.") for n in range(1, 5)]
RU_3 = [("ru", f"3.{n}", f"3.{n}. Оператор исполняет обязанность {n}.") for n in range(1, 5)]


def test_bl003_clause_missing_in_the_middle() -> None:
    doc = make_doc(KK_3 + [RU_3[0], RU_3[1], RU_3[3]])
    [finding] = run("BL003", doc, Facts())
    assert finding.span == doc.clauses[2].span
    assert finding.params == {**finding.params, "variant": "kk", "number": "3.3"}


def test_bl003_number_written_inside_a_paragraph_counts_as_present() -> None:
    merged = (
        "ru",
        "3.2",
        "3.2. Оператор исполняет обязанность 2. 3.3. Оператор исполняет обязанность 3.",
    )
    doc = make_doc(KK_3 + [RU_3[0], merged, RU_3[3]])
    assert run("BL003", doc, Facts()) == []


def test_bl003_truncated_version_is_not_a_missing_clause() -> None:
    doc = make_doc(KK_3 + RU_3[:3])
    assert run("BL003", doc, Facts()) == []


def test_bl003_list_items_are_not_compared() -> None:
    """Seed 002: the Kazakh version splits list item 8) into 8), 9), 10)."""
    items_kk = [("kk", str(n), f"{n}) {n}-мақсат;") for n in range(1, 11)]
    items_ru = [("ru", str(n), f"{n}) цель {n};") for n in range(1, 9)]
    doc = make_doc(KK_3[:2] + items_kk + KK_3[2:] + RU_3[:2] + items_ru + RU_3[2:])
    assert run("BL003", doc, Facts()) == []


def test_bl003_needs_numbering_in_both_versions() -> None:
    doc = make_doc(KK_3 + [RU_3[0], RU_3[3]])
    assert run("BL003", doc, Facts()) == []


# ------------------------------------------------------------------------ seeds


@pytest.fixture(scope="module")
def results():
    linter = Linter.load(selected=lambda rule_id, path: rule_id.startswith("BL"))
    return [linter.lint_path(str(path)) for path in seed_paths()]


def test_seed_001_contacts_differ_in_clause_11_1(results) -> None:
    result = results[1]
    [finding] = [f for f in result.findings if f.rule == "BL002"]
    doc = result.document
    assert doc.locate(finding.span.start).line == 207
    assert [doc.locate(s.start).line for s in finding.related] == [425]
    assert (finding.params["value"], finding.params["other"]) == (
        "support@amart.kz",
        "info@amart.kz",
    )


@pytest.mark.parametrize("seed", range(5))
def test_seeds_only_bl002_on_seed_001(results, seed: int) -> None:
    fired = {f.rule for f in results[seed].findings}
    assert fired == ({"BL002"} if seed == 1 else set())


@pytest.mark.parametrize("seed", [1, 2])
def test_bilingual_seeds_have_a_kazakh_and_a_russian_version(results, seed: int) -> None:
    assert versions._versions(results[seed].document) is not None
