"""Normalise: look-alike letters, spaces, hyphenation, list markers, Markdown, page
chrome — and the offset map back to the source, checked on every seed."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policylint.model import NormalizedText, SourceText
from policylint.normalize import normalize
from policylint.segment import segment
from tests.helpers import doc_from_text, seed_paths

SEEDS = [path.read_text(encoding="utf-8") for path in seed_paths()]

#: Characters normalise may replace by another one (not counting deletions).
REPLACED = {("\u00a0", " "), ("\t", " "), ("\u0259", "\u04d9"), ("\u018f", "\u04d8"), ("\r", "\n")}


def seed_line(seed: int, start: str) -> str:
    """The whole line of seed ``seed`` that starts with ``start`` (real wording only)."""
    return next(line for line in SEEDS[seed].split("\n") if line.startswith(start))


def norm(text: str, path: str = "<test>") -> str:
    return normalize(SourceText(path, text)).text


def check_offsets(source: SourceText, result: NormalizedText) -> None:
    """``to_source`` has one entry per character plus the end, never goes back, stays
    inside the source, and points at the character each unchanged one came from."""
    assert len(result.to_source) == len(result.text) + 1
    assert all(a <= b for a, b in itertools.pairwise(result.to_source))
    assert all(0 <= offset <= len(source.text) for offset in result.to_source)
    for i, ch in enumerate(result.text):
        original = source.text[result.to_source[i]]
        assert ch == original or (original, ch) in REPLACED, (i, original, ch)


# ------------------------------------------------------------------------- letters


def test_latin_schwa_becomes_cyrillic_in_seed_002() -> None:
    line = seed_line(2, "1.1. «AITU - Sauda» ЖШС")
    assert "бұдан əрі" in line and "жəне" in line
    result = norm(line)
    assert "бұдан әрі" in result and "және" in result
    assert "ə" not in result
    assert result.startswith("1.1. «AITU - Sauda» ЖШС")


def test_capital_latin_schwa_in_seed_002() -> None:
    line = seed_line(2, "2. ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУ")
    assert "ЖƏНЕ" in line
    assert norm(line) == "2. ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУ ЖӘНЕ ӨҢДЕУ"


@pytest.mark.parametrize(
    "seed, line, typed",
    [
        # a Latin «o» typed inside «Политика»
        (3, "Политика конфиденциальности персональных данных", "Пoлитика"),
        # Latin «i» inside Kazakh words
        (2, "Құпиялылық саясаты", "Құпиялылық сaясaты"),
        (1, "2.1. Дербес деректерді автоматтандырылған өңдеу", "деректердi"),
        # a Latin capital «O» inside «ТОО»
        (0, "ТОО «Бектек»", "ТОO"),
        # Latin «p», «c», «x» in Russian words
        (3, "7.6. Геоданные.", "Геoдaнные"),
        (0, "Хранение персональных данных", "Xpанение"),
    ],
)
def test_latin_look_alikes_inside_cyrillic_words(seed: int, line: str, typed: str) -> None:
    assert line in SEEDS[seed]
    cyrillic = typed.translate(str.maketrans("opacxiOX", "орасхіОХ"))
    assert cyrillic in line
    mixed = line.replace(cyrillic, typed)
    assert norm(mixed) == norm(line)


@pytest.mark.parametrize(
    "seed, start, latin",
    [
        (2, "Apple ID, мыналарды қоса алғанда", ["Apple ID", "Facebook", "Google"]),
        (2, "1.1. «AITU - Sauda» ЖШС", ["AITU - Sauda"]),
        (2, "3.4. Сервистер интернет желісінде", ["TLS v1.2", "HTTPS"]),
        (1, "6.3. Оператор Пайдаланушы браузерінің", ["cookie", "JavaScript"]),
        (0, "CookiesДо 1 года", ["CookiesДо"]),
    ],
)
def test_latin_words_are_untouched(seed: int, start: str, latin: list[str]) -> None:
    result = norm(seed_line(seed, start))
    for word in latin:
        assert word in result


def test_case_and_yo_are_kept() -> None:
    line = seed_line(0, "1.8. Настоящая Политика применяется только к Сайту bektek.kz")
    assert norm(line) == line
    assert "несёт" in norm(line)


# -------------------------------------------------------------------------- spaces


def test_nbsp_and_double_spaces_in_seed_002_collapse() -> None:
    line = seed_line(2, "1.2. Осы Саясат Қазақстан Республикасының")
    assert "қорғау \u00a0мəселелерін" in line
    assert "қорғау мәселелерін" in norm(line)


def test_trailing_spaces_and_nbsp_only_lines_go() -> None:
    text = SEEDS[2][SEEDS[2].index("6.1. Өзін орындау") :]
    result = norm(text)
    assert "\u00a0" not in result
    assert all(line == line.strip() for line in result.split("\n"))
    assert "\n\n\n\n\n\n\n\nПолитика конфиденциальности\n" in result


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\u2060"])
def test_invisible_characters_and_soft_hyphens_are_removed(invisible: str) -> None:
    line = seed_line(3, "7.4. Фотографии.")
    assert norm(line.replace("Фото", "Фо" + invisible + "то")) == line


@pytest.mark.parametrize("space", ["\t", "\u2009", "\u202f", "\u2007", "\u3000"])
def test_odd_spaces_become_spaces(space: str) -> None:
    line = seed_line(3, "7.3. Номера телефонов.")
    assert norm(line.replace(" ", space)) == line


def test_crlf_and_cr_become_newlines_with_true_offsets() -> None:
    head = "\n".join(SEEDS[0].split("\n")[:40])
    for ending in ("\r\n", "\r"):
        source = SourceText("<test>", head.replace("\n", ending))
        result = normalize(source)
        assert "\r" not in result.text
        assert result.text == norm(head)
        check_offsets(source, result)


# ------------------------------------------------------------------- hyphenation


def test_pdf_hyphenation_between_lowercase_letters_is_joined() -> None:
    line = seed_line(0, "Обработка персональных данных осуществляется на законной")
    broken = line.replace("осуществляется", "осущест-\nвляется")
    assert norm(broken) == line
    broken_twice = line.replace("законной", "закон-  \n\nной")  # across a page break
    assert norm(broken_twice) == line


@pytest.mark.parametrize(
    "seed, line, compound",
    [
        (
            4,
            "«ЭСПЕРАНС-РК» ЖШС-НІҢ ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУҒА ЖӘНЕ ӨҢДЕУГЕ ҚАТЫСТЫ САЯСАТЫ",
            "ЖШС-НІҢ",
        ),
        (0, "IP-адресБезопасность, геолокация, аналитика", "IP-адрес"),
    ],
)
def test_hyphen_before_a_line_break_is_kept_unless_both_sides_are_lowercase(
    seed: int, line: str, compound: str
) -> None:
    assert line in SEEDS[seed]
    broken = line.replace(compound, compound.replace("-", "-\n"))
    assert norm(broken) == broken


def test_hyphenated_words_on_one_line_are_untouched() -> None:
    line = seed_line(3, "- 1.6. Интернет-платформа - Интернет-сайт")
    assert "Интернет-платформа - Интернет-сайт" in norm(line)
    kazakh = seed_line(2, "1.6. Компанияның жəне/немесе")
    assert "интернет-ресурстарын" in norm(kazakh)


# --------------------------------------------------------------------- list markers


@pytest.mark.parametrize(
    "seed, start, expected",
    [
        (0, "  • • История заказов", "История заказов и их статусы"),
        (0, "  • Необходимые:", "Необходимые: для работы сайта (авторизация, безопасность)"),
        (4, "  —\u00a0жеткізуді жүзеге асыру", "жеткізуді жүзеге асыру, сервистік қызмет көрсету"),
        (4, "   − қағаз тасығыштарда;", "қағаз тасығыштарда;"),
        (4, " • жеткізуді жүзеге асыру", "жеткізуді жүзеге асыру, сервистік қызмет көрсету"),
        (3, "- 1.8. Покупатель", "1.8. Покупатель – пользователь Интернет-платформы."),
        (3, "- на отзыв согласия", "на отзыв согласия на обработку персональных данных;"),
        (2, "- Пайдаланушы келісімін орындау", "Пайдаланушы келісімін орындау"),
    ],
)
def test_list_markers_at_line_start_are_removed(seed: int, start: str, expected: str) -> None:
    assert norm(seed_line(seed, start)).startswith(expected)


@pytest.mark.parametrize("marker", ["▪", "◦", "·", "\uf0b7", "–", "*"])
def test_other_bullet_characters(marker: str) -> None:
    line = seed_line(0, "  • Функциональные: для сохранения предпочтений")
    assert norm(line.replace("•", marker)) == "Функциональные: для сохранения предпочтений"


def test_dash_inside_a_line_is_kept() -> None:
    line = seed_line(3, "- 1.1. Персональные данные - сведения")
    assert norm(line).startswith("1.1. Персональные данные - сведения")


def test_numbered_list_items_keep_their_number() -> None:
    assert norm(seed_line(0, "  1. Немедленно принимает меры")) == (
        "1. Немедленно принимает меры по локализации инцидента"
    )


# ------------------------------------------------------------------------ markdown


def test_markdown_autolinks_and_links_in_seed_003() -> None:
    result = norm(SEEDS[3])
    assert "<https://jukte.kz>" in SEEDS[3]
    assert "сети Интернет https://jukte.kz, на котором" in result
    assert "по адресу https://jukte-front.vercel.app/registration." in result
    assert "\nСтатья 12. Накопление и хранение персональных данных\n" in result
    assert "](#)" not in result and "<http" not in result


def test_markdown_escapes_in_seed_003() -> None:
    line = seed_line(3, "2.3. Любая иная персональная информация")
    assert r"\(или\)" in line
    assert "физических и (или) юридических лиц.”" in norm(line)


def test_markdown_link_to_a_url_keeps_the_url() -> None:
    line = seed_line(3, "16.3. Актуальная версия Политики")
    linked = line.replace(
        "<https://jukte-front.vercel.app/registration>",
        "[jukte](https://jukte-front.vercel.app/registration)",
    )
    assert norm(linked) == norm(line).replace("https://", "jukte https://")


def test_markdown_heading_marks_only_in_markdown_files() -> None:
    text = "# " + SEEDS[3].strip()
    assert norm(text, "policy.md").startswith("Политика конфиденциальности персональных данных\n")
    assert norm(text, "policy.txt").startswith("# Политика")


# ---------------------------------------------------------------------- page chrome


def test_shop_chrome_before_the_kazakh_policy_in_seed_004() -> None:
    source = SourceText("<test>", SEEDS[4])
    result = normalize(source)
    assert result.text.startswith("«ЭСПЕРАНС-РК» ЖШС-НІҢ ДЕРБЕС ДЕРЕКТЕРДІ")
    for chrome in ("Топ-100", "Товар добавлен в корзину", "Ваш город", "Ашберн"):
        assert chrome not in result.text
    assert result.to_source[0] == SEEDS[4].index("«ЭСПЕРАНС-РК» ЖШС-НІҢ")
    check_offsets(source, result)


def test_counter_and_price_before_the_policy_in_seed_001() -> None:
    assert SEEDS[1].startswith("2\n1 102 118 ₸\n")
    assert norm(SEEDS[1]).startswith("Политика конфиденциальности\n\nҚұпиялылық саясаты\n")


def test_unrendered_i18n_keys_are_not_chrome() -> None:
    assert norm(SEEDS[0]).startswith("privacy.title\n\nprivacy.lastUpdate\n\nprivacy.legalBasis\n")


def test_chrome_inside_the_policy_is_kept() -> None:
    title = "«ЭСПЕРАНС-РК» ЖШС-НІҢ ДЕРБЕС ДЕРЕКТЕРДІ ЖИНАУҒА ЖӘНЕ ӨҢДЕУГЕ ҚАТЫСТЫ САЯСАТЫ"
    chrome = SEEDS[4][: SEEDS[4].index(title)]
    moved = title + "\n\n" + chrome + SEEDS[4][SEEDS[4].index(title) + len(title) :]
    assert norm(moved).startswith(title + "\n\nТоп-100\nТовар добавлен в корзину\n")


def test_a_section_number_before_the_policy_is_kept() -> None:
    text = SEEDS[0][SEEDS[0].index("1\n\nОбщие положения") :]
    assert norm(text).startswith("1\n\nОбщие положения\n\n1.1.")


def test_chrome_alone_is_not_dropped() -> None:
    chrome = SEEDS[4][: SEEDS[4].index("«ЭСПЕРАНС-РК»")]
    assert norm(chrome).startswith("Топ-100\n")


# -------------------------------------------------------------- offsets on the seeds


@pytest.mark.parametrize("seed", range(5))
def test_offsets_map_back_to_the_source(seed: int) -> None:
    source = SourceText(str(seed_paths()[seed]), SEEDS[seed])
    check_offsets(source, normalize(source))


@pytest.mark.parametrize("seed", range(5))
def test_clause_starts_locate_the_right_line(seed: int) -> None:
    doc = doc_from_text(SEEDS[seed])
    lines = SEEDS[seed].split("\n")
    for clause in doc.clauses:
        first_line = doc.clause_text(clause).split("\n")[0]
        line = lines[doc.locate(clause.span.start).line - 1]
        normalised_line = norm(line)
        assert normalised_line.startswith(first_line) or first_line.startswith(normalised_line), (
            clause.index,
            first_line,
            line,
        )


# ------------------------------------------------------------------------- property


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_normalize_and_segment_never_crash_and_keep_offsets(text: str) -> None:
    source = SourceText("<hypothesis>", text)
    result = normalize(source)
    assert len(result.to_source) == len(result.text) + 1
    assert all(a <= b for a, b in itertools.pairwise(result.to_source))
    assert all(0 <= offset <= len(text) for offset in result.to_source)
    doc = segment(source, result)
    spans = [c.span for c in doc.clauses]
    assert all(0 <= s.start < s.end <= len(result.text) for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "\n",
                "\r\n",
                " ",
                "\u00a0",
                "\t",
                "-",
                "•",
                "—",
                "ə",
                "o",
                "1.",
                "2)",
                "#",
                "<",
                ">",
                "[",
                "](#)",
                "\\(",
                "₸",
            ]
            + [line for line in SEEDS[2].split("\n")[:12]]
        ),
        max_size=60,
    )
)
def test_policy_like_fragments_never_crash(pieces: list[str]) -> None:
    text = "".join(pieces)
    source = SourceText("<hypothesis>.md", text)
    result = normalize(source)
    assert len(result.to_source) == len(result.text) + 1
    assert all(a <= b for a, b in itertools.pairwise(result.to_source))
    segment(source, result)
