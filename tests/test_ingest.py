"""Ingest: every encoding a policy file arrives in decodes to the same text, and inputs
that cannot be linted give one-line errors with the right code, never a traceback."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint.ingest import MAX_BYTES, read_source
from policylint.ingest.text import looks_like_prose
from policylint.model import InputError
from tests.helpers import seed_paths

DATA = Path(__file__).parent / "data" / "ingest"

#: Seed 003 (Russian) fits every Cyrillic code page it is tested with; seed 002 is
#: Kazakh with Latin «ə»; seed 004 is Kazakh in Cyrillic letters.
RUSSIAN = seed_paths()[3].read_text(encoding="utf-8")
KAZAKH_SCHWA = seed_paths()[2].read_text(encoding="utf-8")
KAZAKH = seed_paths()[4].read_text(encoding="utf-8")
#: The part of seed 004 after the page chrome, up to the first line KZ-1048 cannot hold.
KAZAKH_POLICY = KAZAKH[
    KAZAKH.index("«ЭСПЕРАНС-РК» ЖШС-НІҢ") : KAZAKH.index("  3. Дербес деректер субъектілерінің")
]
#: Seed 003 without the quotes and dashes that KOI8-R lacks.
RUSSIAN_KOI8 = RUSSIAN.translate(str.maketrans("«»“”–—", '""""--'))


def error_for(path: str, data: bytes | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        read_source(path, data)
    assert "\n" not in str(caught.value)
    return caught.value


# ------------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    "text, data, encoding",
    [
        (RUSSIAN, RUSSIAN.encode("utf-8"), "utf-8"),
        (RUSSIAN, codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), "utf-8-sig"),
        (RUSSIAN, codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (RUSSIAN, codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16-be"),
        (RUSSIAN, codecs.BOM_UTF32_LE + RUSSIAN.encode("utf-32-le"), "utf-32-le"),
        (RUSSIAN, RUSSIAN.encode("cp1251"), "cp1251"),
        (RUSSIAN_KOI8, RUSSIAN_KOI8.encode("koi8_r"), "koi8_r"),
        (KAZAKH_SCHWA, KAZAKH_SCHWA.encode("utf-16-le"), "utf-16-le"),
        (KAZAKH_SCHWA, KAZAKH_SCHWA.encode("utf-16-be"), "utf-16-be"),
        (KAZAKH_SCHWA, codecs.BOM_UTF16_BE + KAZAKH_SCHWA.encode("utf-16-be"), "utf-16-be"),
        (KAZAKH_POLICY, KAZAKH_POLICY.encode("kz1048"), "kz1048"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf32le-bom",
        "cp1251",
        "koi8r",
        "utf16le-no-bom",
        "utf16be-no-bom",
        "utf16be-bom-kk",
        "kz1048",
    ],
)
def test_every_encoding_gives_the_same_text(text: str, data: bytes, encoding: str) -> None:
    source = read_source("policy.txt", data)
    assert source.text == text
    assert source.encoding == encoding


@pytest.mark.parametrize(
    "name, seed, lines",
    [
        ("003_head.cp1251.txt", 3, slice(0, 12)),
        ("004_head.kz1048.txt", 4, slice(8, 28)),
        ("002_head.utf16le-bom.txt", 2, slice(0, 11)),
    ],
)
def test_fixture_files_decode_to_the_seed_lines(name: str, seed: int, lines: slice) -> None:
    source = read_source(str(DATA / name))
    expected = seed_paths()[seed].read_text(encoding="utf-8").split("\n")[lines]
    assert source.text.replace("\r\n", "\n").split("\n") == expected


def test_crlf_is_kept_so_offsets_stay_true_to_the_file() -> None:
    source = read_source(str(DATA / "003_head.cp1251.txt"))
    assert "\r\n" in source.text
    title = source.text.index("Политика конфиденциальности персональных данных")
    assert source.locate(title).line == 3
    assert source.locate(source.text.index("1. Определение терминов")).line == 7


def test_old_mac_line_endings_count_as_lines() -> None:
    data = RUSSIAN.replace("\n", "\r").encode("utf-8")
    source = read_source("policy.txt", data)
    assert len(source.text) == len(RUSSIAN)
    assert source.locate(source.text.index("1. Определение терминов")).line == 7


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = KAZAKH_SCHWA.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    source = read_source("-")
    assert source.path == "-"
    assert source.text == KAZAKH_SCHWA


@pytest.mark.parametrize("stdin", [None, io.TextIOWrapper(io.BytesIO())], ids=["none", "closed"])
def test_missing_or_closed_standard_input(monkeypatch: pytest.MonkeyPatch, stdin) -> None:
    if stdin is not None:
        stdin.close()
    monkeypatch.setattr(sys, "stdin", stdin)
    assert error_for("-").code == "unreadable"


@pytest.mark.parametrize("name", ["policy.text", "policy.TXT", "privacy-policy", "policy.kk"])
def test_plain_text_suffixes_and_unknown_suffixes_read_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(RUSSIAN.encode("cp1251"))
    assert read_source(str(path)).text == RUSSIAN


# --------------------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    assert error_for(str(tmp_path / "absent.txt")).code == "not_found"


def test_directory(tmp_path: Path) -> None:
    error = error_for(str(tmp_path))
    assert error.code == "unreadable"
    assert "directory" in error.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    path.chmod(0)
    assert error_for(str(path)).code == "unreadable"


def test_binary_image() -> None:
    assert error_for(str(DATA / "pixel.png")).code == "binary"


def test_nul_bytes_outside_utf16_are_binary() -> None:
    data = RUSSIAN.encode("utf-8")
    assert error_for("policy.txt", data[:500] + b"\x00\x00\x00\x00" + data[500:]).code == "binary"


def test_many_control_characters_are_binary() -> None:
    lines = RUSSIAN.split("\n")
    data = "\x01\x02".join(lines).encode("utf-8")
    assert error_for("policy.txt", data).code == "binary"


@pytest.mark.parametrize(
    "data",
    [b"", b" \r\n\t\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
    ids=["zero-bytes", "whitespace", "bom-only", "utf16-whitespace"],
)
def test_empty(data: bytes) -> None:
    assert error_for("policy.txt", data).code == "empty"


def test_truncated_utf8_is_an_encoding_error() -> None:
    data = RUSSIAN.encode("utf-8")
    cut = data.index("данных".encode()) + 1  # inside the first «д»
    error = error_for("policy.txt", data[:cut])
    assert error.code == "encoding"
    assert f"byte {cut - 1}" in error.message


def test_misaligned_utf16_is_an_encoding_error() -> None:
    data = KAZAKH_SCHWA.encode("utf-16-le")[1:]
    assert error_for("policy.txt", data).code == "encoding"


def test_latin1_text_is_not_read_as_cyrillic() -> None:
    # The official German title of the GDPR, cited by policies that import it.
    title = (
        "Verordnung (EU) 2016/679 des Europäischen Parlaments und des Rates vom 27. April 2016 "
        "zum Schutz natürlicher Personen bei der Verarbeitung personenbezogener Daten, zum "
        "freien Datenverkehr und zur Aufhebung der Richtlinie 95/46/EG "
        "(Datenschutz-Grundverordnung)\n"
    )
    assert error_for("policy.txt", (title * 5).encode("latin-1")).code == "encoding"


def test_too_large_data() -> None:
    assert error_for("policy.txt", b" " * (MAX_BYTES + 1)).code == "too_large"


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "policy.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    error = error_for(str(path))
    assert error.code == "too_large"
    assert "20 MB" in error.message


# ----------------------------------------------------------------- wrong code pages


@pytest.mark.parametrize(
    "text",
    [
        KAZAKH_POLICY.encode("kz1048").decode("cp1251"),  # «жјне ґѕдеумен»
        RUSSIAN.encode("utf-8").decode("cp1251", errors="replace"),  # «РџРѕР»РёС‚РёРєР°»
        RUSSIAN_KOI8.encode("koi8_r").decode("cp1251"),  # lower case turned upper
    ],
    ids=["kz1048-as-cp1251", "utf8-as-cp1251", "koi8r-as-cp1251"],
)
def test_a_wrong_code_page_does_not_look_like_prose(text: str) -> None:
    assert not looks_like_prose(text)


@pytest.mark.parametrize("text", [RUSSIAN, KAZAKH, KAZAKH_SCHWA], ids=["ru", "kk", "kk-schwa"])
def test_the_seeds_look_like_prose(text: str) -> None:
    assert looks_like_prose(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_text_or_an_input_error(data: bytes) -> None:
    try:
        source = read_source("policy.txt", data)
    except InputError as error:
        assert error.code in {"binary", "empty", "encoding"}
    else:
        assert source.text.strip()
