"""PDF documents, read page by page from the text layer: the lines of a paragraph that
the layout wrapped are joined again (segment makes a clause of each line), running
headers and footers dropped; hyphenation is kept as the page shows it (normalise joins
hyphenated words). A finding is located as "page 3". At most ``MAX_PDF_PAGES`` pages are
read; a PDF without a text layer is an ``InputError`` ("no_text").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium

from policylint import patterns
from policylint.ingest.prose import paged_source, short_reason
from policylint.model import InputError, SourceText

#: A PDF longer than this is no policy; reading it would only cost time.
MAX_PDF_PAGES = 1000
#: Fewer letters than this per page on average: the pages are images (a scan).
MIN_LETTERS_PER_PAGE = 20
#: pdfium's error codes of ``FPDF_LoadMemDocument``.
_PDF_ERRORS = {
    2: "damaged PDF: cannot be read",
    3: "damaged PDF: not in PDF format",
    4: "encrypted PDF: a password is needed to open it",
    5: "encrypted PDF: unsupported security handler",
}
#: pdfium joins a word hyphenated at a line end and puts U+FFFE for the hyphen; the page
#: shows a hyphen and a line break, and normalise decides whether to join the word.
_PDF_HYPHEN = "\ufffe"
_PDF_LINE_BREAK = "\r\n"
#: The end of a line's first word: a space, or a hyphen where pdfium joined two lines.
_WORD_END = patterns.compile(r"[ \ufffe]")
#: A line that starts a list item or a numbered clause is never the rest of a line.
_ITEM_START = patterns.compile(r"\s*(?:[•▪◦●○■□►▸\uf0b7\uf0a7]|\d{1,3}(?:\.\d{1,3})*[.)]\s)")
#: A line spaced this much more than the page's usual line pitch starts a paragraph.
_PARAGRAPH_SPACING = 1.25
#: A line starting this share of the text width right of the left margin is centred or
#: set to the right (a heading, a running header): it is a paragraph of its own.
_OFF_MARGIN = 0.25
#: Width of a word space, as a share of the line height (generous: justified and
#: letter-spaced lines).
_SPACE_WIDTH = 0.5
#: A line found, digits aside, at the top (or bottom) of this share of the pages, and of
#: at least ``_RUNNING_MIN_PAGES``, is a running header (footer); so are at most
#: ``_RUNNING_MAX_LINES`` lines at each end of a page.
_RUNNING_SHARE = 0.5
_RUNNING_MIN_PAGES = 3
_RUNNING_MAX_LINES = 2
_DIGITS = patterns.compile(r"\d+")


def read_pdf(path: str, data: bytes) -> SourceText:
    """The text layer of a PDF, page after page; "page N" is the N-th page of the file.

    Lines of a paragraph wrapped by the layout are joined again (see ``_unwrapped``), so
    that a clause is one line, as in the source the PDF was made from; running headers
    and footers are dropped (``_without_running_lines``)."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "unreadable", "not a PDF file")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = _PDF_ERRORS.get(error.err_code, f"damaged PDF: {short_reason(error)}")
        raise InputError(path, "unreadable", message) from None
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise InputError(path, "too_large", f"{count} pages, over the {MAX_PDF_PAGES}-page limit")
        if count == 0:
            raise InputError(path, "unreadable", "damaged PDF: no pages")
        pages = [_page_text(path, document, index) for index in range(count)]
    finally:
        document.close()
    pages = _without_running_lines(pages)
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if letters < MIN_LETTERS_PER_PAGE * count:
        noun = "page" if count == 1 else "pages"
        raise InputError(
            path, "no_text", f"no text layer: {count} {noun} of images (a scan?) — run OCR first"
        )
    return paged_source(path, pages, "page")


def _page_text(path: str, document: pdfium.PdfDocument, index: int) -> str:
    """The text of one page, its pdfium objects closed however it ends."""
    try:
        page = document[index]
    except pdfium.PdfiumError:
        raise InputError(path, "unreadable", f"damaged PDF: page {index + 1} cannot be loaded") from None
    try:
        text_page = page.get_textpage()
        try:
            return _unwrapped(_lines(text_page))
        finally:
            text_page.close()
    except pdfium.PdfiumError:
        raise InputError(path, "unreadable", f"damaged PDF: no text on page {index + 1}") from None
    finally:
        page.close()


@dataclass
class _Line:
    """A line of a page's text layer and where it sits (PDF units, y upwards)."""

    text: str
    left: float = 0.0
    right: float = 0.0
    #: Bottoms of its first and last character: pdfium puts the two halves of a word
    #: hyphenated at a line end on one line, which then spans two lines of the page.
    first_baseline: float = 0.0
    last_baseline: float = 0.0
    height: float = 0.0
    #: Width of the line's first word: whether it would have fitted on the line before.
    first_word: float = 0.0


def _lines(text_page: pdfium.PdfTextPage) -> list[_Line]:
    """The lines pdfium found on a page, with their geometry when it can be had.

    pdfium counts the line breaks it generates as characters, so character ``i`` of the
    page's text is its character ``i``; should the two counts differ, the lines come
    without geometry and all their breaks are kept."""
    text = text_page.get_text_range()
    lines: list[_Line] = []
    located = len(text) == text_page.count_chars()
    start = 0
    for chunk in text.split(_PDF_LINE_BREAK):
        line = _Line(chunk)
        first = len(chunk) - len(chunk.lstrip())
        last = len(chunk.rstrip()) - 1
        if located and last >= first:
            left, bottom, _, top = text_page.get_charbox(start + first, loose=True)
            line.left, line.first_baseline, line.height = left, bottom, top - bottom
            _, line.last_baseline, line.right, _ = text_page.get_charbox(start + last, loose=True)
            word_end = _WORD_END.search(chunk, first)
            word_last = last if word_end is None else word_end.start() - 1
            line.first_word = text_page.get_charbox(start + word_last, loose=True)[2] - left
        lines.append(line)
        start += len(chunk) + len(_PDF_LINE_BREAK)
    return [line for line in lines if line.text.strip()]


def _unwrapped(lines: list[_Line]) -> str:
    """The lines of a page with the line breaks of wrapped paragraphs made spaces.

    A break is kept where a paragraph ends: the next line starts a list item or a
    numbered clause, is set apart by extra spacing, follows a centred or right-set line
    (a heading, a running header), or its first word would have fitted on the line
    before (so the line before ended on purpose). A break after a hyphen is kept too:
    normalise decides whether the word was hyphenated."""
    if not lines:
        return ""
    margin_left = min(line.left for line in lines)
    margin_right = max(line.right for line in lines)
    width = max(margin_right - margin_left, 1.0)
    pitches = sorted(
        before.last_baseline - after.first_baseline for before, after in zip(lines, lines[1:])
        if before.last_baseline > after.first_baseline
    )
    pitch = pitches[len(pitches) // 2] if pitches else 0.0

    def paragraph_ends(before: _Line, after: _Line) -> bool:
        return bool(
            not pitch  # no geometry
            or _ITEM_START.match(after.text)
            or before.text.rstrip().endswith(("-", _PDF_HYPHEN))
            or not 0 < before.last_baseline - after.first_baseline <= _PARAGRAPH_SPACING * pitch
            or before.left - margin_left > _OFF_MARGIN * width
            or margin_right - before.right > after.first_word + _SPACE_WIDTH * before.height
        )

    parts = [lines[0].text.strip()]
    for before, after in zip(lines, lines[1:]):
        parts.append("\n" if paragraph_ends(before, after) else " ")
        parts.append(after.text.strip())
    return "".join(parts).replace(_PDF_HYPHEN, "-\n")


def _without_running_lines(pages: list[str]) -> list[str]:
    """Pages without their running headers and footers («Страница 3 из 10», the title of
    the policy on every page): between two pages they would cut a sentence, or a word
    hyphenated across the page break, in two."""
    if len(pages) < _RUNNING_MIN_PAGES:
        return pages
    lines = [page.split("\n") for page in pages]

    def key(line: str) -> str:
        return _DIGITS.sub("#", " ".join(line.split()))

    def running(ends: list[list[str]]) -> set[str]:
        counts = Counter(found for end in ends for found in {key(line) for line in end})
        needed = max(_RUNNING_MIN_PAGES, _RUNNING_SHARE * len(pages))
        return {line for line, count in counts.items() if count >= needed and line}

    headers = running([page[:_RUNNING_MAX_LINES] for page in lines])
    footers = running([page[-_RUNNING_MAX_LINES:] for page in lines])
    kept = []
    for page in lines:
        first, end = 0, len(page)
        while first < min(_RUNNING_MAX_LINES, end) and key(page[first]) in headers:
            first += 1
        while end > max(first, len(page) - _RUNNING_MAX_LINES) and key(page[end - 1]) in footers:
            end -= 1
        kept.append("\n".join(page[first:end]))
    return kept
