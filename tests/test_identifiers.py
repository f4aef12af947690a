"""БИН/ИИН extraction and checking: ``policylint.analyze.identifiers``.

Texts are lines of the seed policies (checked below to occur in them) or those lines
with only the label or the digits changed, to show one variation at a time.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policylint.analyze.identifiers import (
    check_digit_ok,
    extract_identifiers,
    structure,
)
from tests.helpers import doc_from_text, seed_doc, seed_paths

SEED_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in seed_paths())


def found(text: str) -> list[tuple[str, str | None, str, bool]]:
    return [
        (i.value, i.label, i.structure, i.valid) for i in extract_identifiers(doc_from_text(text))
    ]


# ------------------------------------------------------------------ check digit


@pytest.mark.parametrize("digits", ["251140031036", "790716303091", "220240037922"])
def test_seed_identifiers_pass_the_check_digit(digits: str) -> None:
    assert digits in SEED_TEXT
    assert check_digit_ok(digits)


@pytest.mark.parametrize("digits", ["251140031037", "790716303090", "220240037921"])
def test_a_changed_last_digit_fails(digits: str) -> None:
    assert not check_digit_ok(digits)


def test_second_weights_are_used_when_the_first_sum_gives_10() -> None:
    # 2511400007: Σ dᵢ·i mod 11 = 10; with weights 3..11,1,2 it is 6
    assert check_digit_ok("251140000706")
    assert not check_digit_ok("251140000700")


def test_ten_twice_means_no_digit_is_valid() -> None:
    assert not any(check_digit_ok(f"25114000072{d}") for d in range(10))


@pytest.mark.parametrize("digits", ["25114003103", "2511400310361", "25114003103a", ""])
def test_not_twelve_digits_fails(digits: str) -> None:
    assert not check_digit_ok(digits)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_at_most_one_check_digit_fits_a_prefix(prefix: str) -> None:
    assert sum(check_digit_ok(prefix + str(d)) for d in range(10)) <= 1


# -------------------------------------------------------------------- structure


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("251140031036", "bin"),  # 2025-11, digit 5 = 4: resident legal entity
        ("220240037922", "bin"),
        ("251150031036", "bin"),  # 5: non-resident
        ("251160031036", "bin"),  # 6: joint individual entrepreneurship
        ("790716303091", "iin"),  # born 16.07.1979, digit 7 = 3 (a man of the 20th c.)
        ("251340031036", "malformed"),  # month 13
        ("251170031036", "malformed"),  # digit 5 = 7
        ("790700303091", "malformed"),  # day 00
        ("790716003091", "malformed"),  # century digit 0
        ("25114003103", "malformed"),
    ],
)
def test_structure(digits: str, expected: str) -> None:
    assert structure(digits) == expected


# ---------------------------------------------------------------- seed policies


def test_seed_000_three_times_the_bin() -> None:
    doc = seed_doc(0)
    ids = extract_identifiers(doc)
    assert [(i.value, i.label, i.structure, i.valid) for i in ids] == [
        ("251140031036", "BIN", "bin", True)
    ] * 3
    # «БИН:» and the number are separate paragraphs in 1.4; «(БИН: 251140031036)» in 2.3
    assert doc.text[ids[0].span.start : ids[0].span.end] == "251140031036"
    assert doc.text[ids[1].span.start : ids[1].span.end] == "БИН: 251140031036"


@pytest.mark.parametrize("number", [1, 2])
def test_seeds_001_002_name_identifiers_only_as_data_categories(number: int) -> None:
    # «ЖСН», «компанияның БСН/ЖСН», «ИИН», «БИН/ИИН компании» with no number
    assert extract_identifiers(seed_doc(number)) == []


def test_seed_003_labelled_bin_with_an_iin_structure() -> None:
    assert found(
        "- 1.9. Продавец – ИП «Jukte», являющееся владельцем Интернет-платформы, БИН 790716303091."
    ) == [("790716303091", "BIN", "iin", True)]
    assert [(i.label, i.structure) for i in extract_identifiers(seed_doc(3))] == [("BIN", "iin")]


def test_seed_004_kazakh_label() -> None:
    assert found("«ЭСПЕРАНС-РК» ЖШС\n\nБСН: 220240037922") == [("220240037922", "BIN", "bin", True)]
    assert len(extract_identifiers(seed_doc(4))) == 1


# --------------------------------------------------------------- label variants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("БИН: 251140031036", ("251140031036", "BIN", "bin", True)),
        ("ИИН: 790716303091", ("790716303091", "IIN", "iin", True)),
        ("ЖСН: 790716303091", ("790716303091", "IIN", "iin", True)),
        ("БИН/ИИН: 251140031036", ("251140031036", None, "bin", True)),
        ("БСН/ЖСН: 220240037922", ("220240037922", None, "bin", True)),
        ("БИН: 2511 4003 1036", ("251140031036", "BIN", "bin", True)),
        ("БИН: 25114003103", ("25114003103", "BIN", "malformed", False)),
        ("БИН: 2511400310361", ("2511400310361", "BIN", "malformed", False)),
    ],
)
def test_label_variants_of_the_seed_000_line(
    text: str, expected: tuple[str, str | None, str, bool]
) -> None:
    assert found(text) == [expected]


def test_label_alone_in_the_previous_paragraph() -> None:
    assert found("Полное наименование:\n\nБИН:\n\n251140031036\n\nЮридический адрес:") == [
        ("251140031036", "BIN", "bin", True)
    ]


def test_a_number_after_another_label_is_not_an_identifier() -> None:
    assert found("Руководитель:\n\n251140031036") == []


def test_unlabelled_number_next_to_the_legal_name() -> None:
    line = "В настоящей Политике — ТОО «Бектек» (251140031036)."
    assert found(line) == [("251140031036", None, "bin", True)]


def test_unlabelled_number_without_a_legal_name_is_ignored() -> None:
    assert found("Срок рассмотрения обращений: 251140031036") == []


def test_a_year_after_the_number_is_not_joined() -> None:
    # «БИН 251140031036 2025 года» keeps the 12 digits only
    assert found("БИН 251140031036 2025 года") == [("251140031036", "BIN", "bin", True)]
