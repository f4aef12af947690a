"""The topic lexicon: phrase language, matching on seed wording, caching, forms table."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policylint.analyze.lexicon import (
    FORMS_TABLE,
    LexiconError,
    build_lexicon,
    compile_phrase,
    load_lexicon,
    match_topics,
    topic_files,
)
from policylint.resources import data_path
from tests.helpers import ROOT, doc_from_text, seed_doc, seed_paths


def seed_line(seed: int, fragment: str) -> str:
    """The line of seed ``seed`` that contains ``fragment`` (real policy wording)."""
    for line in seed_paths()[seed].read_text(encoding="utf-8").splitlines():
        if fragment in line:
            return line
    raise AssertionError(f"{fragment!r} not in seed {seed}")


def found(text: str, lang: str, phrase: str) -> list[str]:
    """The pieces of ``text`` that ``phrase`` (of language ``lang``) matches."""
    lexicon = build_lexicon({"t": {lang: [phrase]}})
    return [text[start:end] for start, end in lexicon.search("t", text)]


# ----------------------------------------------------------------- phrase language

SEED_002_TRANSFER = seed_line(2, "включая трансграничную передачу")
SEED_003_TRANSFER = seed_line(3, "14.2. Трансграничная передача")
SEED_004_CONSENT = seed_line(4, "РФ аумағына трансшекаралық беруге")


def test_russian_words_match_all_their_forms() -> None:
    assert found(SEED_002_TRANSFER, "ru", "трансграничная передача") == ["трансграничную передачу"]
    assert found(SEED_003_TRANSFER, "ru", "трансграничная передача") == [
        "Трансграничная передача",
        "трансграничную передачу",
    ]


def test_adjacent_words_allow_brackets_but_not_commas() -> None:
    assert found(SEED_002_TRANSFER, "ru", "передает трансграничн*") == []
    assert found(SEED_002_TRANSFER, "ru", "включая трансграничн*") == ["включая трансграничную"]
    assert found(SEED_002_TRANSFER, "ru", "передает включая") == ["передает (включая"]
    assert found(SEED_002_TRANSFER, "ru", "собирает обрабатывает") == []
    assert found(SEED_002_TRANSFER, "ru", "собирает ~1 обрабатывает") == ["собирает, обрабатывает"]


def test_distance_counts_words_within_a_sentence() -> None:
    line = seed_line(0, "1.7. Если Пользователь не согласен")
    assert found(line, "ru", "сайт* ~4 сервис*") == ["Сайта и связанных с ним сервисов"]
    assert found(line, "ru", "сайт* ~3 сервис*") == []
    assert found(line, "ru", "сервис* ~3 продолжени*") == []  # a full stop between


def test_distance_with_inflected_words() -> None:
    assert found(SEED_003_TRANSFER, "ru", "передача ~4 на территори* иностранн* государств*") == [
        "передача персональных данных на территории иностранных государств"
    ]


def test_alternatives_may_have_several_words() -> None:
    assert found(SEED_003_TRANSFER, "ru", "только (при|в случае|если) наличи*") == [
        "только в случае наличия"
    ]


def test_optional_group() -> None:
    assert found(SEED_003_TRANSFER, "ru", "(только)? в случае наличия") == [
        "только в случае наличия"
    ]
    assert found(SEED_003_TRANSFER, "ru", "(лишь)? в случае наличия") == ["в случае наличия"]


def test_exact_and_prefix_words() -> None:
    assert found(SEED_003_TRANSFER, "ru", "=передачу") == ["передачу"]
    assert found(SEED_003_TRANSFER, "ru", "трансграничн*") == ["Трансграничная", "трансграничную"]
    assert found(SEED_003_TRANSFER, "ru", "граничн*") == []  # never inside a word


def test_kazakh_words_match_by_stem() -> None:
    assert found(SEED_004_CONSENT, "kk", "трансшекаралық беру") == ["трансшекаралық беруге"]
    assert found(SEED_004_CONSENT, "kk", "келісімді") == ["келісім", "келісіммен"]
    assert found(seed_line(4, "келісімінсіз"), "kk", "келісім")[0] == "келісімінсіз"
    # The final қ of the stem is ғ before a vowel ending: аумақ → аумағына.
    assert found(SEED_004_CONSENT, "kk", "аумақ") == ["аумағына"]


def test_case_and_yo_are_ignored() -> None:
    heading = seed_line(4, "ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУҒА")
    assert found(heading, "kk", "дербес деректер") == ["ДЕРБЕС ДЕРЕКТЕРДІ"]
    line = seed_line(0, "со статьёй 8")
    assert found(line, "ru", "статья") == ["статьёй"]
    assert found(line, "ru", "=статьёй") == ["статьёй"]


def test_hyphenated_words() -> None:
    line = seed_line(1, "Веб-сайт -")
    assert found(line, "ru", "веб-сайт") == ["Веб-сайт"]


def test_english_plural() -> None:
    line = seed_line(3, "Cookies — это")
    assert found(line, "en", "cookie")[:1] == ["Cookies"]


def test_raw_regex() -> None:
    line = seed_line(0, "№ 94-V")
    assert found(line, "ru", r"re:№\s*94\s*-?\s*[vв](?!\w)") == ["№ 94-V"]


def test_compile_phrase_returns_slot_sequences() -> None:
    sequences = compile_phrase("только (при|в случае) наличи*", "ru")
    assert [len(s) for s in sequences] == [3, 4]
    assert all(gap == 0 for sequence in sequences for _, gap in sequence)
    (_, second) = compile_phrase("передача ~4 пределы", "ru")[0]
    assert second[1] == 4


@pytest.mark.parametrize(
    "phrase",
    ["(при|если", "при|если)", "передача ~x пределы", "~3 передача", "передача ~3", "()", "(а)?"],
)
def test_malformed_phrases(phrase: str) -> None:
    with pytest.raises(LexiconError):
        compile_phrase(phrase, "ru")


@pytest.mark.parametrize(
    "spec, message",
    [
        ({"rus": ["передача"]}, "unknown keys"),
        ({"ru": "передача"}, "list of strings"),
        ({"ru": ["re:Политика"]}, "lower case"),  # the text is folded to lower case
        ({"ru": ["re:(политика"]}, "bad regex"),
        ({"kk": ["дербеc"]}, "mixes Cyrillic and Latin"),  # a Latin c
    ],
)
def test_malformed_topics(spec: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        build_lexicon({"t": spec})


# ------------------------------------------------------------------------ matching


def test_matches_carry_spans_clauses_and_negation() -> None:
    doc = seed_doc(1)
    lexicon = build_lexicon({"special": {"ru": ["специальн* категори*"], "kk": ["арнайы санат*"]}})
    matches = match_topics(doc, lexicon)["special"]
    for match in matches:
        assert doc.clause_at(match.span.start).index == match.clause

    def negated_in(clause_fragment: str) -> bool:
        (match,) = [m for m in matches if clause_fragment in doc.clause_text(doc.clauses[m.clause])]
        return match.negated

    assert negated_in("жүзеге асырмайды")
    assert negated_in("Оператором не осуществляется")
    assert not negated_in("из числа специальных категорий")  # «… допускается»
    assert not negated_in("арнайы санаттарының қатарынан")  # «… өңдеуге жол беріледі»


def test_negatable_false_keeps_every_match_positive() -> None:
    doc = seed_doc(1)
    lexicon = build_lexicon({"special": {"kk": ["арнайы санат*"], "negatable": False}})
    assert not any(m.negated for m in match_topics(doc, lexicon)["special"])


def test_every_language_runs_on_every_clause() -> None:
    doc = doc_from_text(SEED_003_TRANSFER)
    doc.clauses[0].lang = "kk"  # a misdetected clause
    lexicon = build_lexicon({"cross_border": {"ru": ["трансграничная передача"]}})
    assert len(match_topics(doc, lexicon)["cross_border"]) == 2


def test_overlapping_matches_keep_the_longest() -> None:
    doc = doc_from_text(SEED_003_TRANSFER)
    lexicon = build_lexicon(
        {"t": {"ru": ["трансграничная передача", "трансграничная передача персональных данных"]}}
    )
    first = match_topics(doc, lexicon)["t"][0]
    assert (
        doc.text[first.span.start : first.span.end] == "Трансграничная передача персональных данных"
    )


def test_topics_without_matches_are_left_out() -> None:
    lexicon = build_lexicon({"t": {"ru": ["трансграничная передача"]}})
    assert match_topics(doc_from_text(seed_line(4, "РФ аумағына")), lexicon) == {}


# ----------------------------------------------------------- loading and caching


def test_shipped_topics_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    lexicon = load_lexicon()
    assert "cross_border" in lexicon
    assert list(tmp_path.glob("lexicon-*.pickle"))
    again = load_lexicon()  # from the cache
    assert again.topics.keys() == lexicon.topics.keys()


def test_extra_topic_files_extend_topics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLINT_CACHE_DIR", str(tmp_path))
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        'cross_border:\n  ru: ["передавать ~3 в следующие страны"]\nmy_topic:\n  kk: ["аумақ"]\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon([extra])
    assert "my_topic" in lexicon
    line = seed_line(0, "может передавать данные в следующие страны")
    assert lexicon.search("cross_border", line) == [(line.index("передавать"), line.index(":"))]


# --------------------------------------------------------------- forms table


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_ru_forms", ROOT / "scripts" / "build_ru_forms.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_forms_table_is_up_to_date() -> None:
    """Fails after a topic file changes: run ``python scripts/build_ru_forms.py``."""
    script = _build_script()
    table = json.loads(data_path(FORMS_TABLE).read_text(encoding="utf-8"))
    assert table == script.build(), "run: python scripts/build_ru_forms.py"
    assert data_path(FORMS_TABLE).read_text(encoding="utf-8") == script.render(table)


def test_forms_table_rendering_is_deterministic() -> None:
    script = _build_script()
    table = {"передача": ["передачи", "передача"], "без": ["без", "безо"]}
    assert script.render(table) == script.render(dict(reversed(table.items())))
    assert list(json.loads(script.render(table))) == ["без", "передача"]


def test_check_path_does_not_load_pymorphy3(tmp_path: Path) -> None:
    """With the forms table current, even a cold compile of the shipped topics and a
    match run never create pymorphy3's analyser (~130 ms)."""
    code = (
        "import sys\n"
        "from policylint.analyze.lexicon import load_lexicon\n"
        "lexicon = load_lexicon()\n"
        f"text = open({str(seed_paths()[1])!r}, encoding='utf-8').read()\n"
        "assert any(lexicon.search(topic, text) for topic in lexicon.topics)\n"
        "print('pymorphy3' in sys.modules)\n"
    )
    env = {**os.environ, "POLICYLINT_CACHE_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.strip() == "False"
    assert topic_files()
