#!/usr/bin/env python3
"""Make the PDF fixtures of tests/data/office/ from the seed policies (a dev tool).

The PDFs are committed: making them needs fpdf2 and Pillow, which are neither runtime
nor test dependencies (``pip install fpdf2`` brings both), and a Cyrillic TrueType font
(DejaVu Sans, Debian's ``fonts-dejavu-core``). Running the script again gives the same
files. What it makes, laid out as policies are when a shop exports them from Word:

- ``003_policy.pdf``: seed 003 (Russian) on A4 pages, justified and hyphenated, spaced
  paragraphs, with a running header and a "page N of M" footer;
- ``002_policy.pdf``: seed 002 (Kazakh) set ragged-right with a first-line indent and no
  space between paragraphs, hyphenated, with a running header and a page footer;
- ``scan.pdf``: three pages that are pictures of printed policy text, no text layer;
- ``encrypted.pdf``: opens only with a password;
- ``restricted.pdf``: an owner password that only forbids editing (opens without one).

    python scripts/make_office_fixtures.py [--fonts /usr/share/fonts/truetype/dejavu]
"""

from __future__ import annotations

import argparse
import io
import re
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import AccessPermission, EncryptionMethod
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"
OUT = ROOT / "tests" / "data" / "office"
#: A fixed date and file identifier: the same input makes the same bytes.
CREATED = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
FILE_ID = "<5e0d5ad1c0ffee0000000000000000a1><5e0d5ad1c0ffee0000000000000000a1>"

#: A heading line of a seed: «3. Цели сбора…», «1. ЖАЛПЫ ЕРЕЖЕЛЕР».
HEADING = re.compile(r"\d{1,2}\.\s+\S.{0,100}")
#: Where a hyphenating word processor may break a long word: between a vowel and a
#: syllable that starts with a consonant («ин-фор-ма-ци-я»), four letters from either end.
VOWELS = "аеёиоуыэюяәөұүі"
BREAK = re.compile(rf"(?<=[{VOWELS}])(?=[^\W\d_{VOWELS}ьъ][{VOWELS}])")
LONG_WORD = re.compile(r"[а-яёәғқңөұүһі]{10,}")


def hyphenate(text: str) -> str:
    """Soft hyphens in long words, so that the layout breaks words as Word would."""

    def soft_hyphens(match: re.Match[str]) -> str:
        word = match.group()
        points = [m.start() for m in BREAK.finditer(word) if 4 <= m.start() <= len(word) - 4]
        for point in reversed(points):
            word = word[:point] + "\u00ad" + word[point:]
        return word

    return LONG_WORD.sub(soft_hyphens, text)


class FixturePdf(FPDF):
    """An A4 PDF that comes out the same every time."""

    def __init__(self, unit: str = "mm"):
        super().__init__(format="A4", unit=unit)
        self.set_creation_date(CREATED)

    def file_id(self) -> str:
        return FILE_ID


class PolicyPdf(FixturePdf):
    """A policy with a running header and a "Страница N из M" footer."""

    def __init__(self, fonts: Path, header_text: str, page_word: str):
        super().__init__()
        self.header_text = header_text
        self.page_word = page_word
        self.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_margins(22, 20, 18)
        self.set_auto_page_break(True, margin=20)

    def header(self) -> None:
        self.set_font("DejaVu", size=8)
        self.cell(0, 5, self.header_text, align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=8)
        self.cell(0, 5, self.page_word.format(page=self.page_no(), pages="{nb}"), align="C")


def policy_pdf(fonts: Path, seed: Path, header_text: str, page_word: str, *, justified: bool) -> bytes:
    """The seed's paragraphs laid out: headings in bold, list items with a bullet.

    ``justified``: justified paragraphs with space between them; otherwise ragged-right
    paragraphs with a first-line indent and no space between them (the two ways Word
    documents are set)."""
    pdf = PolicyPdf(fonts, header_text, page_word)
    pdf.add_page()
    for line in seed.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if HEADING.fullmatch(line) and not line.endswith((";", ".")):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("DejaVu", size=10)
        text = "• " + line[2:] if line.startswith("- ") else line
        if justified:
            pdf.set_x(pdf.l_margin + (4 if text.startswith("•") else 0))
            pdf.multi_cell(0, 5, hyphenate(text), align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        else:
            pdf.set_x(pdf.l_margin + 8)
            pdf.write(5, hyphenate(text))
            pdf.ln(5)
    return bytes(pdf.output())


def scanned_page(fonts: Path, lines: list[str]) -> Image.Image:
    """A page of policy text as a black-and-white scan at 72 dpi."""
    page = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(fonts / "DejaVuSans.ttf"), 11)
    y = 60
    for line in lines:
        words, row = line.split(), ""
        for word in words:
            if draw.textlength(f"{row} {word}", font=font) > 480 and row:
                draw.text((60, y), row, font=font, fill=0)
                y, row = y + 16, word
            else:
                row = f"{row} {word}".strip()
        draw.text((60, y), row, font=font, fill=0)
        y += 24
        if y > 780:
            break
    return page.convert("1")


def scan_pdf(fonts: Path, seed: Path) -> bytes:
    paragraphs = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    pdf = FixturePdf(unit="pt")
    for page in range(3):
        image = scanned_page(fonts, paragraphs[page * 12 : page * 12 + 12])
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=595, h=842)
    return bytes(pdf.output())


def short_pdf(fonts: Path, seed: Path, owner: str, user: str | None) -> bytes:
    """A page of the seed's paragraphs (after the shop's page chrome that opens seed 004),
    encrypted with ``owner`` (and ``user``) passwords."""
    pdf = PolicyPdf(fonts, "", "{page}")
    pdf.set_encryption(
        owner_password=owner,
        user_password=user,
        encryption_method=EncryptionMethod.RC4,
        permissions=AccessPermission.PRINT_LOW_RES | AccessPermission.COPY,
    )
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines[7:20]:
        pdf.multi_cell(0, 5, line, align="J", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", type=Path, default=Path("/usr/share/fonts/truetype/dejavu"))
    fonts = parser.parse_args().fonts
    seeds = sorted(SEEDS.glob("*.txt"))
    OUT.mkdir(parents=True, exist_ok=True)
    made = {
        "003_policy.pdf": policy_pdf(
            fonts, seeds[3], "ИП «Jukte» · Политика конфиденциальности", "Страница {page} из {pages}",
            justified=True,
        ),
        "002_policy.pdf": policy_pdf(
            fonts, seeds[2], "«AITU - Sauda» ЖШС · Құпиялылық саясаты", "{page}-бет, барлығы {pages}",
            justified=False,
        ),
        "scan.pdf": scan_pdf(fonts, seeds[3]),
        "encrypted.pdf": short_pdf(fonts, seeds[4], owner="esperans-owner", user="esperans"),
        "restricted.pdf": short_pdf(fonts, seeds[4], owner="esperans-owner", user=None),
    }
    for name, data in made.items():
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
