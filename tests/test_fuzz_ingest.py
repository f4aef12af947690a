"""Fuzzing the readers: whatever the bytes, every format gives a ``SourceText`` whose
offsets stay inside the file — or a clean ``InputError``; linting never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylint.ingest import READERS, read_source
from policylint.model import InputError
from policylint.pipeline import Linter

SUFFIXES = sorted(READERS)
#: Pieces real policy files are made of, in every syntax the readers know.
FRAGMENTS = [
    "<p>", "</p>", "<li>", "<div class='x'>", "</div>", "<!--", "-->", "<script>", "</script>",
    "{{ $company }}", "{% trans \"Оператор\" %}", "@if($x)", "${operator}", "{", "}", "`", "'", '"',
    "\\", "\\u0430", "&laquo;", "&nbsp;", "&#x", "msgid ", "msgstr ", "ru:", "kk:", "- ", "# ", "|",
    "\n", "\r\n", "  ", "1.1. ", "Оператор обрабатывает персональные данные", "дербес деректер",
    "ТОО «Бектек», БИН 251140031036", "в течение 30 рабочих дней", "privacy@bektek.kz", "ә", "і",
    "<?php", "?>", "\"\"\"", "/*", "*/", "//", "--", "INSERT INTO t VALUES ('", "');", "[", "]",
    ":", ",", "{\"ru\": ", "<template>", "</template>", "<i18n>", "---", "import x from 'y'",
]

text_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=60).map("".join)


def _check(linter: Linter, suffix: str, data: bytes) -> None:
    path = f"fuzz{suffix}"
    try:
        source = read_source(path, data)
    except InputError as error:
        assert error.code and error.message and "\n" not in error.message
        return
    assert len(source.origin or source.text) >= len(source.text)
    original = source.file_text
    for offset in range(0, len(source.text) + 1, max(1, len(source.text) // 20)):
        where = source.locate(offset)
        assert where.line >= 1 and where.column >= 1
        if source.origin is not None:
            assert 0 <= source.origin[offset] <= len(original)
    result = linter.lint_source(source)
    assert result.error is None or result.error.code == "not_policy"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(SUFFIXES), text=text_like)
def test_any_text_in_any_format(linter: Linter, suffix: str, text: str) -> None:
    _check(linter, suffix, text.encode("utf-8"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=400))
def test_any_bytes_in_any_format(linter: Linter, suffix: str, data: bytes) -> None:
    _check(linter, suffix, data)
