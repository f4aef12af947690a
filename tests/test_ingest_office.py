"""Office documents: a DOCX reads as Word shows it (numbers of numbered paragraphs,
tracked changes accepted, tables row by row), a PDF as its pages show it (wrapped lines
of a paragraph joined), findings are located as "paragraph N" / "page N", and broken,
hostile or image-only files give one-line ``InputError``s quickly.

DOCX files are built here with python-docx (raw WordprocessingML where python-docx has
no API: numbering definitions, tracked changes). The PDFs are committed, made by
``scripts/make_office_fixtures.py`` from the seeds.
"""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylint.ingest import pdf, read_source, word
from policylint.model import FileResult, InputError, SourceText
from policylint.pipeline import Linter, build_document
from tests.helpers import seed_paths

DATA = Path(__file__).parent / "data" / "office"
SEED_RU = seed_paths()[3]  # 003: Russian, «ИП “Jukte”»
SEED_KK = seed_paths()[2]  # 002: Kazakh, «AITU - Sauda» ЖШС
SEED_KK_SHORT = seed_paths()[4]  # 004: Kazakh, «ЭСПЕРАНС-РК» ЖШС
#: The committed PDFs of seeds (scripts/make_office_fixtures.py).
PDF_SEEDS = [(SEED_RU, "003_policy.pdf"), (SEED_KK, "002_policy.pdf")]

#: A clause number the seed writes at a paragraph start: «2.», «2.2.», «2.2.1.».
_CLAUSE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,2})\.\s+(.+)")
#: Requisites of the operator of seed 003, as a shop puts them in a table at the end.
REQUISITES = [
    ("Продавец", "ИП «Jukte»"),
    ("БИН", "790716303091"),
    ("Адрес сайта", "https://jukte.kz"),
]
#: A tracked edit of seed 003: a lawyer replaced the deadline in this clause.
REVISED_CLAUSE = "необходимую информацию в течение 30 дней с даты получения такого запроса;"
INSERTED, DELETED = "30 дней", "10 рабочих дней"
#: A numbered clause the lawyer deleted whole (its runs and its paragraph mark), tracked.
DELETED_CLAUSE = "Продавец вправе передавать персональные данные Покупателя третьим лицам без его согласия."


def error_of(read: Callable[[], object]) -> InputError:
    with pytest.raises(InputError) as caught:
        read()
    assert "\n" not in caught.value.message
    return caught.value


def lint_bytes(linter: Linter, path: str, data: bytes) -> FileResult:
    return linter.lint_source(read_source(path, data))


def rule_ids(result: FileResult) -> set[str]:
    assert result.error is None, result.error
    return {finding.rule for finding in result.findings}


# ============================================================== building DOCX files


class WordFile:
    """A DOCX made the way Word saves one: lists through numbering definitions, tracked
    changes as ``w:ins``/``w:del``."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.numbering = self.document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        self._next_id = 90
        self._revision = 0

    def define_list(self, *levels: tuple[str, str], restart: bool = False, same_as: str | None = None) -> str:
        """A new list (``w:num``) with ``levels`` of (numFmt, lvlText), or one more
        ``w:num`` of the list ``same_as`` (restarted there when ``restart``)."""
        self._next_id += 1
        num_id = str(self._next_id)
        if same_as is None:
            abstract = num_id
            xml = "".join(
                f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{360 * (index + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
                for index, (fmt, text) in enumerate(levels)
            )
            self.add_definition(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}">'
                f'<w:multiLevelType w:val="multilevel"/>{xml}</w:abstractNum>'
            )
        else:
            abstract = same_as
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        self.numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
        ))
        return num_id

    def add_definition(self, xml: str) -> None:
        """A ``w:abstractNum``, put before the ``w:num`` elements as the schema wants."""
        self.numbering.find(qn("w:num")).addprevious(parse_xml(xml))

    def paragraph(
        self, text: str = "", *, num: str | None = None, level: int = 0, style: str | None = None
    ) -> Paragraph:
        paragraph = self.document.add_paragraph(text, style=style)
        if num is not None:
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = level
            numbering.get_or_add_numId().val = int(num)
        return paragraph

    def revise(self, paragraph: Paragraph, old: str, new: str) -> None:
        """Replace ``new`` in the paragraph's text by a tracked deletion of ``old`` and
        a tracked insertion of ``new``, as Word records an edit with Track Changes on."""
        text = paragraph.text
        before, after = text.split(new, 1)
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        paragraph.add_run(before)
        paragraph._p.append(self._change("del", old))
        paragraph._p.append(self._change("ins", new))
        paragraph.add_run(after)

    def delete_paragraph_tracked(self, paragraph: Paragraph) -> None:
        """Mark all of a paragraph deleted, its text and its paragraph mark."""
        text = paragraph.text
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        paragraph._p.append(self._change("del", text))
        self.delete_mark(paragraph)

    def delete_mark(self, paragraph: Paragraph) -> None:
        """Mark a paragraph's mark deleted: accepted, it joins the next paragraph."""
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:rPr {nsdecls("w")}><w:del w:id="{self._next_revision()}" w:author="Юрист" '
            f'w:date="2024-05-01T10:00:00Z"/></w:rPr>'
        ))

    def table(self, rows: list[tuple[str, ...]]) -> None:
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows):
            for cell, value in zip(row.cells, values):
                cell.text = value

    def data(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _next_revision(self) -> int:
        self._revision += 1
        return self._revision

    def _change(self, kind: str, text: str):
        tag = "w:delText" if kind == "del" else "w:t"
        return parse_xml(
            f'<w:{kind} {nsdecls("w")} w:id="{self._next_revision()}" w:author="Юрист" '
            f'w:date="2024-05-01T10:00:00Z"><w:r><{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'
            f"</w:{kind}>"
        )


def seed_lines(seed: Path) -> list[str]:
    """The seed's paragraphs as a reader sees them: list dashes are bullets."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    return ["• " + line[2:] if line.startswith("- ") else line for line in lines]


def seed_docx(seed: Path, *, edits: bool) -> bytes:
    """The seed as Word would hold it: clause numbers that follow on are Word numbering
    (the seed's own «4)» or «5.1» stay typed), dashes a bullet list, sections headings.
    With ``edits``: the tracked edits of seed 003, its requisites table, and a running
    header and footer."""
    word = WordFile()
    clauses = word.define_list(("decimal", "%1."), ("decimal", "%1.%2."), ("decimal", "%1.%2.%3."))
    bullets = word.define_list(("bullet", "\uf0b7"))
    counters: list[int] = []
    for line in seed_lines(seed):
        match = _CLAUSE.fullmatch(line)
        if match:
            number = [int(part) for part in match.group(1).split(".")]
            depth = len(number)
            follows = counters[: depth - 1] + [counters[depth - 1] + 1 if len(counters) >= depth else 1]
            if number == follows:
                counters = number
                if edits and match.group(1) == "5.2":
                    deleted = word.paragraph(DELETED_CLAUSE, num=clauses, level=1)
                    word.delete_paragraph_tracked(deleted)
                style = "Heading 2" if depth == 1 and len(match.group(2)) < 100 else None
                word.paragraph(match.group(2), num=clauses, level=depth - 1, style=style)
                continue
        if line.startswith("• "):
            paragraph = word.paragraph(line[2:], num=bullets)
        else:
            paragraph = word.paragraph(line)
        if edits and REVISED_CLAUSE in line:
            word.revise(paragraph, DELETED, INSERTED)
    if edits:
        word.table(REQUISITES)
        section = word.document.sections[0]
        section.header.paragraphs[0].text = "ИП «Jukte» · конфиденциально"
        section.footer.paragraphs[0].text = "Страница документа"
    return word.data()


@pytest.fixture(scope="module")
def seed_ru_docx() -> bytes:
    return seed_docx(SEED_RU, edits=True)


# ======================================================================== DOCX


def test_seed_as_docx_reads_as_the_seed(seed_ru_docx: bytes) -> None:
    """Word numbering gives back the seed's clause numbers, bullets read «• », the
    tracked edits are accepted, the table reads row by row, headers and footers stay out."""
    source = read_source("policy.docx", seed_ru_docx)
    rows = ["; ".join(row) for row in REQUISITES]
    assert source.text.split("\n") == seed_lines(SEED_RU) + rows
    assert source.kind == "document" and source.page_noun == "paragraph"
    assert DELETED not in source.text and DELETED_CLAUSE not in source.text
    assert "конфиденциально\n" not in source.text and "Страница" not in source.text


def test_kazakh_seed_as_docx_reads_as_the_seed() -> None:
    source = read_source("saiasat.docx", seed_docx(SEED_KK, edits=False))
    assert source.text.split("\n") == seed_lines(SEED_KK)


@pytest.mark.parametrize("seed, edits", [(SEED_RU, True), (SEED_KK, False)], ids=["ru", "kk"])
def test_seed_as_docx_gives_the_findings_of_the_text(linter: Linter, seed: Path, edits: bool) -> None:
    result = lint_bytes(linter, "policy.docx", seed_docx(seed, edits=edits))
    assert rule_ids(result) == rule_ids(linter.lint_path(str(seed)))


def test_docx_finding_is_located_by_paragraph(linter: Linter, seed_ru_docx: bytes) -> None:
    """DL005 (the 30-day reply to the authority) is in the paragraph a user counts to
    in Word: paragraphs with text, in order."""
    result = lint_bytes(linter, "policy.docx", seed_ru_docx)
    finding = next(f for f in result.findings if f.rule == "DL005")
    document = docx.Document(io.BytesIO(seed_ru_docx))
    shown = [p.text for p in document.paragraphs if p.text.strip()]
    expected = 1 + next(i for i, text in enumerate(shown) if text.startswith("сообщать в уполномоченный"))
    location = result.document.locate(finding.span.start)
    assert location == (expected, 1, f"paragraph {expected}")


def test_tracked_changes_read_as_accepted(seed_ru_docx: bytes) -> None:
    text = read_source("policy.docx", seed_ru_docx).text
    assert f"в течение {INSERTED} с даты получения" in text and DELETED not in text
    # The deleted clause is gone and took no number: the clause after it is still 5.2.
    assert DELETED_CLAUSE not in text
    clause = next(line for line in seed_lines(SEED_RU) if line.startswith("5.2. "))
    assert f"\n{clause}\n" in text


def test_deleted_and_moved_text_reads_once_at_its_new_place() -> None:
    """Nothing of a tracked deletion shows, not even a line break in it; text moved
    with Track Changes on reads at its new place only."""
    word = WordFile()
    revised = word.paragraph("Срок хранения персональных данных — ")
    revised._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="Юрист">'
        "<w:r><w:delText>пять лет</w:delText><w:br/></w:r></w:del>"
    ))
    revised._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="Юрист"><w:r><w:t>три года</w:t></w:r></w:ins>'
    ))
    revised.add_run(".")
    source = word.paragraph("Оператор передаёт данные третьим лицам ")
    source._p.append(parse_xml(
        f'<w:moveFrom {nsdecls("w")} w:id="3" w:author="Юрист">'
        "<w:r><w:t>с согласия субъекта</w:t></w:r></w:moveFrom>"
    ))
    target = word.paragraph("Только ")
    target._p.append(parse_xml(
        f'<w:moveTo {nsdecls("w")} w:id="4" w:author="Юрист">'
        "<w:r><w:t>с согласия субъекта</w:t></w:r></w:moveTo>"
    ))
    target.add_run(" оператор передаёт данные третьим лицам.")
    assert read_source("policy.docx", word.data()).text.split("\n") == [
        "Срок хранения персональных данных — три года.",
        "Оператор передаёт данные третьим лицам",
        "Только с согласия субъекта оператор передаёт данные третьим лицам.",
    ]


def test_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    word = WordFile()
    word.delete_mark(word.paragraph("Оператор обрабатывает персональные данные "))
    word.paragraph("на основании согласия субъекта.")
    source = read_source("policy.docx", word.data())
    assert source.text == "Оператор обрабатывает персональные данные на основании согласия субъекта."


def test_numbering_formats_restarts_and_styles() -> None:
    """Numbering as Word shows it: letters and roman numbers, a «restart numbering»
    (a new ``w:num`` with a start override), a list continued through a second
    ``w:num`` of the same definition, deeper levels restarting under a new parent,
    numbering from a paragraph style, and an empty numbered paragraph counted."""
    word = WordFile()
    parts = word.define_list(("upperRoman", "Раздел %1."), ("russianLower", "%2)"))
    word.paragraph("Общие положения", num=parts)
    word.paragraph("сбор персональных данных;", num=parts, level=1)
    word.paragraph("хранение персональных данных.", num=parts, level=1)
    word.paragraph("Права субъекта", num=parts)
    word.paragraph("на доступ к своим персональным данным;", num=parts, level=1)
    continued = word.define_list(same_as=parts)
    word.paragraph("Трансграничная передача", num=continued)
    restarted = word.define_list(same_as=parts, restart=True)
    word.paragraph("Жалпы ережелер", num=restarted)
    word.paragraph("", num=restarted)
    word.paragraph("Дербес деректерді қорғау", num=restarted)
    word.paragraph("Оператор хранит данные на территории Республики Казахстан.", style="List Number")
    word.paragraph("Оператор не передаёт данные третьим лицам.", style="List Number")
    word.paragraph("сайт использует файлы cookies.", style="List Bullet")
    assert read_source("policy.docx", word.data()).text.split("\n") == [
        "Раздел I. Общие положения",
        "а) сбор персональных данных;",
        "б) хранение персональных данных.",
        "Раздел II. Права субъекта",
        "а) на доступ к своим персональным данным;",
        "Раздел III. Трансграничная передача",
        "Раздел I. Жалпы ережелер",
        "Раздел III. Дербес деректерді қорғау",
        "1. Оператор хранит данные на территории Республики Казахстан.",
        "2. Оператор не передаёт данные третьим лицам.",
        "• сайт использует файлы cookies.",
    ]


def test_numbering_through_a_list_style() -> None:
    """Word's multilevel lists made with a list style: the ``w:num`` of the paragraphs
    points at a definition that only links to the style (``numStyleLink``); the levels
    are in the definition the style's own ``w:num`` points at."""
    word = WordFile()
    defined = word.define_list(("decimal", "%1."), ("decimal", "%1.%2."))
    word.document.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="PolicyClauses">'
        f'<w:name w:val="Policy clauses"/><w:pPr><w:numPr><w:numId w:val="{defined}"/></w:numPr></w:pPr>'
        "</w:style>"
    ))
    word.add_definition(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="200">'
        '<w:numStyleLink w:val="PolicyClauses"/></w:abstractNum>'
    )
    word.numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="200"><w:abstractNumId w:val="200"/></w:num>'
    ))
    word.paragraph("Общие положения", num="200")
    word.paragraph("Политика действует бессрочно.", num="200", level=1)
    text = read_source("policy.docx", word.data()).text
    assert text == "1. Общие положения\n1.1. Политика действует бессрочно."


def test_hostile_numbering_values_are_harmless() -> None:
    """A start of a billion letters is written in digits; a malformed level is level 0."""
    word = WordFile()
    letters = word.define_list(("lowerLetter", "%1)"))
    start = word.numbering.xpath(f'w:abstractNum[@w:abstractNumId="{letters}"]/w:lvl/w:start')[0]
    start.set(qn("w:val"), "1000000000")
    word.paragraph("сбор данных;", num=letters)
    word.paragraph("хранение данных.", num=letters)._p.pPr.numPr.ilvl.set(qn("w:val"), "первый")
    text = read_source("policy.docx", word.data()).text
    assert text == "1000000000) сбор данных;\n1000000001) хранение данных."


def test_word_template_is_named_as_such() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed_docx(SEED_KK_SHORT, edits=False))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(member, data)
    error = error_of(lambda: read_source("policy.docx", buffer.getvalue()))
    assert error.code == "unreadable" and error.message.startswith("a Word template")


def test_tabs_breaks_hidden_text_and_fields() -> None:
    """A tab reads as a space and a manual line break as a line break; hidden text and
    field codes are not shown; a field's result is."""
    word = WordFile()
    paragraph = word.paragraph()
    for run in (
        "<w:t>7.1.</w:t><w:tab/><w:t>Обращения направляются по адресу</w:t><w:br/>"
        '<w:t xml:space="preserve">e-mail: </w:t>',
        "<w:rPr><w:vanish/></w:rPr><w:t>внутренняя пометка юриста</w:t>",
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> HYPERLINK "mailto:info@jukte.kz" </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>info@jukte.kz</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}>{run}</w:r>'))
    source = read_source("policy.docx", word.data())
    assert source.text == "7.1. Обращения направляются по адресу\ne-mail: info@jukte.kz"
    assert source.locate(source.text.index("info@")).label == "paragraph 1"


def test_docx_without_text_is_no_text() -> None:
    word = WordFile()
    word.paragraph("")
    word.document.sections[0].header.paragraphs[0].text = "Политика конфиденциальности"
    assert error_of(lambda: read_source("empty.docx", word.data())).code == "no_text"


def test_not_a_zip_is_unreadable() -> None:
    error = error_of(lambda: read_source("policy.docx", SEED_RU.read_bytes()))
    assert (error.code, error.message) == ("unreadable", "not a DOCX file (not a ZIP archive)")


def test_truncated_docx_is_damaged(seed_ru_docx: bytes) -> None:
    error = error_of(lambda: read_source("policy.docx", seed_ru_docx[: len(seed_ru_docx) // 2]))
    assert error.code == "unreadable" and error.message.startswith("damaged DOCX")


def test_zip_without_a_word_document_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    error = error_of(lambda: read_source("policy.docx", buffer.getvalue()))
    assert error.code == "unreadable" and "word/document.xml" in error.message


def test_broken_xml_in_docx_is_damaged(seed_ru_docx: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed_ru_docx)) as source, zipfile.ZipFile(buffer, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            broken = member.filename == "word/document.xml"
            target.writestr(member, data[: len(data) // 2] if broken else data)
    error = error_of(lambda: read_source("policy.docx", buffer.getvalue()))
    assert error.code == "unreadable" and error.message.startswith("damaged DOCX: ")


def test_password_protected_docx_is_unreadable() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    error = error_of(lambda: read_source("policy.docx", ole))
    assert error.code == "unreadable" and "password" in error.message


def zip_of_zeros(megabytes: int, level: int) -> bytes:
    """A ZIP whose word/document.xml is ``megabytes`` of zeros, written in a stream."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "megabytes, level, message",
    [
        (300, 1, "unpacks to 300 MB, over the 100 MB limit"),
        (60, 9, "word/document.xml in the DOCX is compressed"),
    ],
    ids=["total-size", "ratio"],
)
def test_zip_bomb_is_refused_without_unpacking(megabytes: int, level: int, message: str) -> None:
    bomb = zip_of_zeros(megabytes, level)
    started = time.perf_counter()
    error = error_of(lambda: read_source("policy.docx", bomb))
    assert time.perf_counter() - started < 0.1
    assert error.code == "too_large" and message in error.message


def test_archive_of_many_files_is_refused_quickly() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(word.MAX_MEMBERS):
            archive.writestr(f"word/media/image{index}.png", b"")
    started = time.perf_counter()
    error = error_of(lambda: read_source("policy.docx", buffer.getvalue()))
    assert time.perf_counter() - started < 0.1
    assert error.code == "too_large" and "10001 files" in error.message


def test_size_limit_counts_every_part(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pictures count towards the unpacked size, not only the text of the document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed_docx(SEED_KK_SHORT, edits=False))) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            target.writestr(member, source.read(member))
        text_size = sum(member.file_size for member in source.infolist())
        target.writestr("word/media/image1.png", random.Random(4).randbytes(300_000))
    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", text_size + 100_000)
    error = error_of(lambda: read_source("policy.docx", buffer.getvalue()))
    assert error.code == "too_large" and "the DOCX unpacks to" in error.message


# ========================================================================= PDF


def test_pdf_pages_have_their_text_and_labels() -> None:
    source = read_source("policy.pdf", (DATA / "003_policy.pdf").read_bytes())
    with pdfium.PdfDocument(DATA / "003_policy.pdf") as document:
        assert len(source.page_starts) == len(document)
    assert source.page_noun == "page" and source.kind == "document"
    assert source.locate(0).label == "page 1"
    assert source.locate(len(source.text)).label == f"page {len(source.page_starts)}"


@pytest.mark.parametrize("seed, name", PDF_SEEDS, ids=["ru", "kk"])
def test_wrapped_lines_of_a_paragraph_are_joined(seed: Path, name: str) -> None:
    """Every paragraph of the seed that the layout wrapped (justified with spaced
    paragraphs in 003, ragged-right with first-line indents in 002) is one line again,
    but for those a page break cuts in two (segment joins those)."""
    source = read_source(name, (DATA / name).read_bytes())
    shown = set(source.text.split("\n")) | set(source.text.replace("-\n", "").split("\n"))
    paragraphs = [" ".join(line.split()) for line in seed_lines(seed)]
    cut = [paragraph for paragraph in paragraphs if paragraph not in shown]
    assert len(cut) <= len(source.page_starts) - 1


def test_running_headers_and_footers_are_dropped() -> None:
    """The title on top of every page and «Страница N из M» below it are gone, so the
    clause a page break cut («…Политики конфи-» | «денциальности следует сообщать…») is
    one clause again."""
    source = read_source("policy.pdf", (DATA / "003_policy.pdf").read_bytes())
    assert "Страница" not in source.text and "ИП «Jukte» · Политика" not in source.text
    document = build_document(source)
    clause = next(document.clause_text(c) for c in document.clauses if c.number == "5.9")
    assert clause == next(line for line in seed_lines(SEED_RU) if line.startswith("5.9. "))


@pytest.mark.parametrize("seed, name", PDF_SEEDS, ids=["ru", "kk"])
def test_seed_as_pdf_gives_the_findings_of_the_text(linter: Linter, seed: Path, name: str) -> None:
    assert rule_ids(linter.lint_path(str(DATA / name))) == rule_ids(linter.lint_path(str(seed)))


def letters(text: str) -> str:
    """Letters and digits only: a phrase compared across line breaks and hyphenation."""
    return "".join(ch for ch in text if ch.isalnum())


def page_of(pdf: Path, phrase: str) -> int:
    """The 1-based page of ``pdf`` whose text, read straight with pdfium, holds ``phrase``."""
    with pdfium.PdfDocument(pdf) as document:
        for index in range(len(document)):
            if letters(phrase) in letters(document[index].get_textpage().get_text_range()):
                return index + 1
    raise AssertionError(f"{phrase!r} is on no page")


@pytest.mark.parametrize(
    "name, rule",
    [
        ("003_policy.pdf", "DL005"),
        ("003_policy.pdf", "CB003"),
        ("002_policy.pdf", "CN004"),
        ("002_policy.pdf", "SC002"),
    ],
)
def test_pdf_finding_is_located_on_its_page(linter: Linter, name: str, rule: str) -> None:
    """The page of a finding is the page that shows the words it points at (the
    words before it too, so that the phrase is found once)."""
    result = linter.lint_path(str(DATA / name))
    finding = next(f for f in result.findings if f.rule == rule)
    source, norm = result.document.source, result.document.norm
    start, end = norm.source_offset(finding.span.start), norm.source_offset(finding.span.end)
    phrase = source.text[max(0, start - 40) : start].split(" ", 1)[-1] + source.text[start:end]
    page = page_of(DATA / name, phrase)
    assert result.document.locate(finding.span.start) == (page, 1, f"page {page}")


def test_scanned_pdf_is_no_text() -> None:
    error = error_of(lambda: read_source("scan.pdf", (DATA / "scan.pdf").read_bytes()))
    assert error.code == "no_text"
    assert error.message == "no text layer: 3 pages of images (a scan?) — run OCR first"


def test_encrypted_pdf_is_unreadable() -> None:
    error = error_of(lambda: read_source("secret.pdf", (DATA / "encrypted.pdf").read_bytes()))
    assert error.code == "unreadable" and error.message.startswith("encrypted PDF")


def test_pdf_with_only_an_owner_password_is_read() -> None:
    """Permissions (no editing) do not stop reading, as in any PDF viewer."""
    source = read_source("restricted.pdf", (DATA / "restricted.pdf").read_bytes())
    assert "«ЭСПЕРАНС-РК» ЖШҚ (бұдан әрі – Компания)" in source.text


@pytest.mark.parametrize("cut", [100, 2000, 0.5, -200], ids=["header", "start", "half", "no-trailer"])
def test_truncated_pdf_is_damaged(cut: float) -> None:
    data = (DATA / "003_policy.pdf").read_bytes()
    end = int(len(data) * cut) if isinstance(cut, float) else cut
    error = error_of(lambda: read_source("policy.pdf", data[:end]))
    assert error.code == "unreadable" and error.message.startswith("damaged PDF")


def test_not_a_pdf_is_unreadable() -> None:
    error = error_of(lambda: read_source("policy.pdf", SEED_RU.read_bytes()))
    assert (error.code, error.message) == ("unreadable", "not a PDF file")


def test_pdf_over_the_page_limit_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PDF_PAGES", 3)
    error = error_of(lambda: read_source("policy.pdf", (DATA / "003_policy.pdf").read_bytes()))
    assert error.code == "too_large" and "over the 3-page limit" in error.message


# ============================================================ any input, any damage


def mutated(data: bytes, edits: list[tuple[int, int]], cut: int) -> bytes:
    """``data`` with some bytes overwritten and the end cut off."""
    damaged = bytearray(data)
    for position, value in edits:
        damaged[position % len(damaged)] = value
    return bytes(damaged[: max(cut, 1)])


_EDITS = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_EDITS, cut=st.integers(1, 10**6))
def test_damaged_docx_gives_text_or_input_error(
    seed_ru_docx: bytes, edits: list[tuple[int, int]], cut: int
) -> None:
    try:
        assert isinstance(read_source("policy.docx", mutated(seed_ru_docx, edits, cut)), SourceText)
    except InputError:
        pass


@settings(max_examples=40, deadline=None)
@given(edits=_EDITS, cut=st.integers(1, 10**6))
def test_damaged_pdf_gives_text_or_input_error(edits: list[tuple[int, int]], cut: int) -> None:
    data = (DATA / "002_policy.pdf").read_bytes()
    try:
        assert isinstance(read_source("policy.pdf", mutated(data, edits, cut)), SourceText)
    except InputError:
        pass
