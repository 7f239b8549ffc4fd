"""Readers: real .docx, .pdf, .txt and .md files in, blocks with exact source positions out."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from directduidelijk.document import BlockKind, Document
from directduidelijk.readers import read_bytes, read_path
from directduidelijk.readers.language_check import WARNING as NOT_DUTCH
from fixtures_readers import docx_bytes_with_body, letter_docx


def kinds_and_texts(document: Document) -> list[tuple[BlockKind, str]]:
    return [(block.kind, block.text) for block in document.blocks]


def block_with(document: Document, text: str):
    matches = [block for block in document.blocks if text in block.text]
    assert matches, f"no block contains {text!r}: {kinds_and_texts(document)}"
    return matches[0]


def at(block, offset: int) -> tuple[int, int]:
    position = block.position(offset)
    return position.line, position.column


def assert_positions_match_source(document: Document, lines: list[str]) -> None:
    """Every non-space character of every block sits at its (line, column) in the source."""
    for block in document.blocks:
        for offset, char in enumerate(block.text):
            if char.isspace():
                continue
            position = block.position(offset)
            source = lines[position.line - 1][position.column - 1]
            assert source == char, (block.text, offset, position)


# --- .docx ----------------------------------------------------------------------------------


@pytest.fixture
def letter(tmp_path: Path) -> tuple[Path, Document]:
    path = letter_docx(tmp_path / "brief.docx")
    return path, read_path(path)


def test_docx_blocks_in_reading_order(letter):
    _, document = letter
    assert kinds_and_texts(document) == [
        (BlockKind.PAGE_HEADER, "Gemeente Utrecht - Afdeling Belastingen"),
        (BlockKind.HEADING, "Uw aanvraag voor bijzondere bijstand"),
        (BlockKind.AANHEF, "Beste «Naam»,"),
        (BlockKind.HEADING, "Wat hebben wij besloten?"),
        (BlockKind.PARAGRAPH, "Wij hebben uw aanvraag ontvangen. U krijgt het geld binnen twee weken."),
        (BlockKind.HEADING, "Neem mee:"),
        (BlockKind.LIST_ITEM, "uw paspoort"),
        (BlockKind.LIST_ITEM, "een recente foto"),
        (BlockKind.TABLE_CELL, "Bedrag"),
        (BlockKind.TABLE_CELL, "Datum"),
        (BlockKind.TABLE_CELL, "€ 250"),
        (BlockKind.TABLE_CELL, "1 april"),
        (BlockKind.TABLE_CELL, "of eerder"),
        (BlockKind.PARAGRAPH, "Datum van deze brief: 3 maart 2025"),
        (BlockKind.PARAGRAPH, "Kijk op www.utrecht.nl."),
        (BlockKind.AFSLUITING, "Met vriendelijke groet,"),
        (BlockKind.SIGNATURE, "Jan Jansen"),
        (BlockKind.SIGNATURE, "Teamleider Belastingen"),
        (BlockKind.PAGE_FOOTER, "Postbus 16200, 3500 CE Utrecht"),
    ]


def test_docx_heading_levels_and_furniture_is_not_body(letter):
    _, document = letter
    assert [b.level for b in document.blocks if b.kind == BlockKind.HEADING] == [1, 1, 2]
    assert all(not b.is_body for b in document.blocks if b.kind in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER))
    assert "Postbus" not in " ".join(b.text for b in document.body_blocks())


def test_docx_mergefield_result_without_instruction(letter):
    _, document = letter
    text = " ".join(block.text for block in document.blocks)
    assert "«Naam»" in text
    assert "MERGEFIELD" not in text and "MERGEFORMAT" not in text
    assert "DATE" not in text


def test_docx_source_refs_find_the_paragraph_again(letter):
    path, document = letter
    import docx
    from docx.text.paragraph import Paragraph

    word = docx.Document(str(path))
    all_paragraphs = list(word.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))
    for block in document.blocks:
        ref = block.source_ref
        if ref["part"] != "body":
            continue
        paragraph = Paragraph(all_paragraphs[ref["paragraph_index"]], None)
        # python-docx's own text of that paragraph (which misses simple-field results) starts
        # like the block, or holds it (a split-off signature).
        assert block.text[:8] in paragraph.text
    cell = block_with(document, "of eerder")
    assert cell.source_ref["table"] == 0 and cell.source_ref["row"] == 1
    assert cell.source_ref["cell"] == 1 and cell.source_ref["paragraph"] == 1
    assert word.tables[0].rows[1].cells[1].paragraphs[1].text == "of eerder"
    # The empty paragraph between the intro and "Neem mee:" is counted.
    assert block_with(document, "Neem mee").source_ref["paragraph_index"] == 5


def test_docx_positions_are_paragraph_and_character(letter):
    _, document = letter
    intro = block_with(document, "Wij hebben")
    offset = intro.text.index("U krijgt")  # after the soft line break
    position = intro.position(offset)
    assert (position.line, position.column) == (intro.paragraph, offset + 1)
    assert intro.paragraph == 4
    signature = block_with(document, "Jan Jansen")
    # Split off the closing paragraph: column is still the character in that Word paragraph.
    assert signature.position(0).column == len("Met vriendelijke groet,") + 2
    assert signature.position(0).line == signature.paragraph
    assert all(b.page is None for b in document.blocks)


def test_docx_does_not_modify_input(letter, tmp_path):
    path, _ = letter
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    read_path(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_docx_numbering_and_nested_content_controls():
    body = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        "<w:r><w:t>tweede niveau</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>In een inhoudsbesturingselement.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>• met de hand getypt</w:t></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>weg</w:delText></w:r></w:del><w:r><w:t>blijft</w:t></w:r></w:p>"
    )
    document = read_bytes(docx_bytes_with_body(body), "x.docx", "docx")
    assert kinds_and_texts(document) == [
        (BlockKind.LIST_ITEM, "tweede niveau"),
        (BlockKind.PARAGRAPH, "In een inhoudsbesturingselement."),
        (BlockKind.LIST_ITEM, "met de hand getypt"),
        (BlockKind.PARAGRAPH, "blijft"),
    ]
    assert document.blocks[0].level == 2
    assert document.blocks[2].position(0).column == 3  # after "• "


# --- .txt -----------------------------------------------------------------------------------

LETTER_TXT = """Gemeente Utrecht
Postbus 16200

Onderwerp: uw aanvraag

Geachte mevrouw De Vries,

Wij hebben uw aanvraag ontvangen. U krijgt
  binnen acht weken een besluit.
U moet meenemen:
- uw paspoort
- een recente
  foto
# directduidelijk: uit lange-zin

Met vriendelijke groet,

J. de Vries
Teamleider
"""


def test_txt_paragraphs_lists_and_letter_parts(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER_TXT, encoding="utf-8")
    document = read_path(path)
    assert kinds_and_texts(document) == [
        (BlockKind.LETTERHEAD, "Gemeente Utrecht Postbus 16200"),
        (BlockKind.HEADING, "Onderwerp: uw aanvraag"),
        (BlockKind.AANHEF, "Geachte mevrouw De Vries,"),
        (BlockKind.PARAGRAPH,
         "Wij hebben uw aanvraag ontvangen. U krijgt binnen acht weken een besluit. U moet meenemen:"),
        (BlockKind.LIST_ITEM, "uw paspoort"),
        (BlockKind.LIST_ITEM, "een recente foto"),
        (BlockKind.AFSLUITING, "Met vriendelijke groet,"),
        (BlockKind.SIGNATURE, "J. de Vries Teamleider"),
    ]
    assert document.directives == [(14, "uit lange-zin")]
    assert_positions_match_source(document, LETTER_TXT.split("\n"))


def test_txt_word_on_wrapped_line_has_exact_line_and_column(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER_TXT, encoding="utf-8")
    block = block_with(read_path(path), "binnen acht weken")
    position = block.position(block.text.index("weken"))
    assert (position.line, position.column) == (9, 15)  # "  binnen acht weken": w at column 15
    foto = block_with(read_path(path), "recente foto")
    assert at(foto, foto.text.index("foto")) == (13, 3)


@pytest.mark.parametrize("encoded, text", [
    ("\ufeffDe cliënt krijgt een brief.".encode("utf-8"), "De cliënt krijgt een brief."),
    ("De cliënt krijgt een brief.".encode("cp1252"), "De cliënt krijgt een brief."),
    ("Één “cliënt” – € 5".encode("cp1252"), "Één “cliënt” – € 5"),
    ("De cliënt krijgt een brief.".encode("utf-16"), "De cliënt krijgt een brief."),
])
def test_txt_encodings(encoded, text):
    document = read_bytes(encoded, "brief.txt", "txt")
    assert document.blocks[0].text == text
    assert at(document.blocks[0], 0) == (1, 1)  # a stripped BOM is not a column


def test_txt_crlf_line_numbers():
    data = "Eerste regel van de alinea\r\nen de tweede.\r\n\r\nNieuwe alinea.\r\n".encode()
    document = read_bytes(data, "brief.txt", "txt")
    assert [b.text for b in document.blocks] == ["Eerste regel van de alinea en de tweede.", "Nieuwe alinea."]
    assert at(document.blocks[0], document.blocks[0].text.index("tweede")) == (2, 7)
    assert at(document.blocks[1], 0) == (4, 1)


# --- .md ------------------------------------------------------------------------------------

LETTER_MD = """---
titel: proef
---
# Uw **aanvraag** ##

Geachte heer Jansen,

> Een *citaat* met [een link](https://www.utrecht.nl)
> op twee regels &amp; zo.

- item een
  met `vervolg`
- item **twee**
  1. genest

<!-- directduidelijk: uit lange-zin -->
<!-- gewoon commentaar -->

| Wat | Wanneer |
|-----|---------|
| Het *besluit* | 1 april |

```
code wordt overgeslagen
```

Setext kop
----------

Met vriendelijke groet,

Jan Jansen
"""


def test_markdown_blocks_and_kinds(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text(LETTER_MD, encoding="utf-8")
    document = read_path(path)
    assert kinds_and_texts(document) == [
        (BlockKind.HEADING, "Uw aanvraag"),
        (BlockKind.AANHEF, "Geachte heer Jansen,"),
        (BlockKind.PARAGRAPH, "Een citaat met een link op twee regels & zo."),
        (BlockKind.LIST_ITEM, "item een met vervolg"),
        (BlockKind.LIST_ITEM, "item twee"),
        (BlockKind.LIST_ITEM, "genest"),
        (BlockKind.TABLE_CELL, "Wat"),
        (BlockKind.TABLE_CELL, "Wanneer"),
        (BlockKind.TABLE_CELL, "Het besluit"),
        (BlockKind.TABLE_CELL, "1 april"),
        (BlockKind.HEADING, "Setext kop"),
        (BlockKind.AFSLUITING, "Met vriendelijke groet,"),
        (BlockKind.SIGNATURE, "Jan Jansen"),
    ]
    assert [b.level for b in document.blocks if b.kind == BlockKind.LIST_ITEM] == [1, 1, 2]
    assert block_with(document, "Het besluit").source_ref == {"table": 0, "row": 1, "cell": 0}
    assert document.directives == [(16, "uit lange-zin")]


def test_markdown_positions_skip_markup(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text(LETTER_MD, encoding="utf-8")
    document = read_path(path)
    lines = LETTER_MD.split("\n")
    for block in document.blocks:
        for offset, char in enumerate(block.text):
            if char.isspace() or char == "&":
                continue
            position = block.position(offset)
            assert lines[position.line - 1][position.column - 1] == char, (block.text, offset)
    quote = block_with(document, "citaat")
    assert at(quote, quote.text.index("twee")) == (9, 6)
    assert at(quote, quote.text.index("citaat")) == (8, 8)
    heading = document.blocks[0]
    assert at(heading, heading.text.index("aanvraag")) == (4, 8)


# --- language -------------------------------------------------------------------------------

ENGLISH = (
    "Dear Mr Smith,\n\nThank you for your application. We have looked at it carefully and we are "
    "happy to tell you that it has been approved. The money will be paid into your bank account "
    "within two weeks. If you have any questions about this letter, please call us on the number "
    "at the top of this page or send us an email. We will answer within five working days.\n"
)


def test_english_text_gets_the_dutch_warning():
    assert NOT_DUTCH in read_bytes(ENGLISH.encode(), "letter.txt", "txt").warnings


def test_dutch_text_and_short_text_get_no_warning():
    assert read_bytes((LETTER_TXT * 3).encode(), "brief.txt", "txt").warnings == []
    assert read_bytes(b"Thank you for your letter.", "x.txt", "txt").warnings == []


# --- .pdf -----------------------------------------------------------------------------------

from directduidelijk.readers import pdf as pdf_reader  # noqa: E402
from fixtures_readers import letter_pdf  # noqa: E402


@pytest.fixture(scope="module")
def pdf_letter(tmp_path_factory) -> tuple[Path, Document]:
    path = letter_pdf(tmp_path_factory.mktemp("pdf") / "brief.pdf")
    return path, read_path(path)


def body_text(document: Document) -> str:
    return " ".join(block.text for block in document.blocks if block.kind not in (
        BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER))


def test_pdf_blocks_in_reading_order(pdf_letter):
    _, document = pdf_letter
    header, footer = BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER
    assert document.pages == 3
    assert kinds_and_texts(document) == [
        (header, "Gemeente Utrecht | Belastingen"),
        (BlockKind.AANHEF, "Geachte heer Jansen,"),
        (BlockKind.HEADING, "Wat hebben wij besloten?"),
        (BlockKind.PARAGRAPH,
         "Wij hebben uw brief over het besluit van de gemeenteraad ontvangen. Het gaat over de "
         "WOZ-waarde van uw woning in Noord-Holland. Stuur ons een e-mail als u vragen heeft."),
        (BlockKind.PARAGRAPH,
         "Wij werken efficiënt en geven u een specifieke uitleg over de flexibele regeling en de "
         "specifieke afspraken."),
        (footer, "Pagina 1 van 3"),
        (header, "Gemeente Utrecht | Belastingen"),
        (BlockKind.PARAGRAPH, "U krijgt het volgende van ons:"),
        (BlockKind.LIST_ITEM, "een brief met het besluit over uw aanvraag voor de bijzondere bijstand"),
        (BlockKind.LIST_ITEM, "een overzicht van de bedragen"),
        (BlockKind.LIST_ITEM, "eerst leest u de brief"),
        (BlockKind.PARAGRAPH, "Dit is een gewone alinea na de opsomming. Zij loopt over twee regels."),
        (footer, "Pagina 2 van 3"),
        (header, "Gemeente Utrecht | Belastingen"),
        (BlockKind.PARAGRAPH, "Heeft u nog vragen? Bel ons dan op 14 030."),
        (BlockKind.AFSLUITING, "Met vriendelijke groet,"),
        (BlockKind.SIGNATURE, "Jan Jansen Teamleider Belastingen"),
        (footer, "Pagina 3 van 3"),
    ]


def test_pdf_running_headers_and_page_numbers_are_not_body(pdf_letter):
    _, document = pdf_letter
    assert "Pagina" not in body_text(document) and "Belastingen |" not in body_text(document)
    assert [b.page for b in document.blocks if b.kind == BlockKind.PAGE_FOOTER] == [1, 2, 3]
    assert all(not b.is_body for b in document.blocks if b.kind == BlockKind.PAGE_HEADER)


def test_pdf_ligatures_and_gaps(pdf_letter):
    _, document = pdf_letter
    text = body_text(document)
    assert not set("ﬀﬁﬂﬃﬄ") & set(text)
    assert "efficiënt" in text and "effi ciënt" not in text
    assert text.count("specifieke") == 2  # one with a ﬁ glyph, one broken over a line ("speciﬁ⏎eke")


def test_pdf_positions_are_page_line_column(pdf_letter):
    _, document = pdf_letter
    block = block_with(document, "gemeenteraad")
    # "raad" is the start of the second line of the paragraph (line 5 on page 1: header,
    # salutation, heading and the first line come before it).
    position = block.position(block.text.index("gemeenteraad") + len("gemeente"))
    assert (position.page, position.line, position.column) == (1, 5, 1)
    position = block.position(block.text.index("Holland"))
    assert (position.page, position.line, position.column) == (1, 7, 1)
    gap = block_with(document, "efficiënt")
    # After the repaired gap, "ciënt" keeps its own column in the line "Wij werken effi ciënt ...".
    position = gap.position(gap.text.index("ciënt"))
    assert (position.page, position.line, position.column) == (1, 9, len("Wij werken effi ") + 1)
    bullet = block_with(document, "bijzondere bijstand")
    position = bullet.position(0)
    assert (position.page, position.line, position.column) == (2, 3, 3)  # after "• "
    assert all(segment.page is not None for b in document.blocks for segment in b.segments)


def test_pdf_input_not_modified(pdf_letter):
    path, _ = pdf_letter
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    read_path(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


@pytest.mark.parametrize("left, right, joined", [
    ("gemeente", "raad", True),
    ("waardepeil", "datum", True),
    ("bijzon", "dere", True),
    ("kinderopvang", "toeslag", True),
    ("WOZ", "waarde", False),
    ("AOW", "leeftijd", False),
    ("e", "mail", False),
    ("Noord", "Holland", False),
    ("ex", "partner", False),
    ("oud", "wethouder", False),
    ("auto", "ongeluk", False),
    ("zee", "egel", False),
    ("tv", "programma", False),
])
def test_dehyphenation_decisions(left, right, joined):
    assert pdf_reader.dehyphenate(left, right) is joined


def test_pdf_paragraph_runs_on_to_next_page_and_separate_bullet(tmp_path):
    pages = [
        [("p", ["Dit is het begin van een lange alinea die doorloopt"] * 1 + ["op de volgende"])],
        [("p", ["pagina en daar eindigt."]), ("p", ["Nieuwe alinea."])],
    ]
    path = letter_pdf(tmp_path / "door.pdf", pages=pages, header="Kenmerk 2025-{page}", footer="- {page} -")
    document = read_path(path)
    body = [b for b in document.blocks if b.is_body]
    assert [b.text for b in body] == [
        "Dit is het begin van een lange alinea die doorloopt op de volgende pagina en daar eindigt.",
        "Nieuwe alinea.",
    ]
    assert [s.page for s in body[0].segments] == [1, 1, 2]
    assert [b.text for b in document.blocks if b.kind == BlockKind.PAGE_FOOTER] == ["- 1 -", "- 2 -"]
    assert [b.text for b in document.blocks if b.kind == BlockKind.PAGE_HEADER] == [
        "Kenmerk 2025-1", "Kenmerk 2025-2"]


def test_pdf_single_page_number_is_furniture_and_tab_bullets_are_list_items(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "tab.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, "Neem dit mee:")
    for number, text in enumerate(["uw paspoort", "een foto"]):
        y = 686 - 14 * number
        pdf.drawString(90, y, "-")  # the marker a tab away from its text
        pdf.drawString(120, y, text)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(280, 40, "Pagina 1 van 1")
    pdf.showPage()
    pdf.save()
    document = read_path(path)
    assert kinds_and_texts(document) == [
        (BlockKind.PARAGRAPH, "Neem dit mee:"),
        (BlockKind.LIST_ITEM, "uw paspoort"),
        (BlockKind.LIST_ITEM, "een foto"),
        (BlockKind.PAGE_FOOTER, "Pagina 1 van 1"),
    ]
    item = document.blocks[1]
    assert (item.position(0).line, item.position(0).column) == (2, 1)  # visual row 2, the text's column


def test_pdf_page_cap_warns(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    document = read_path(letter_pdf(tmp_path / "lang.pdf"))
    assert document.pages == 2
    assert any("eerste 2 pagina's" in warning for warning in document.warnings)
    assert "Met vriendelijke groet" not in body_text(document)


# --- the sample letters in corpora/ ---------------------------------------------------------

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
CORPUS_FILES = sorted(p for folder in ("brieven", "voorstellen") for p in (CORPORA / folder).glob("*.*")
                      if p.suffix in (".docx", ".pdf", ".txt", ".md"))


def test_corpora_are_there():
    assert len(CORPUS_FILES) >= 20
    assert {p.suffix for p in CORPUS_FILES} == {".docx", ".pdf", ".txt", ".md"}


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_reads_cleanly(path):
    document = read_path(path)
    assert document.warnings == []  # Dutch, complete
    assert sum(len(b.text.split()) for b in document.body_blocks()) > 80
    if path.parent.name == "brieven":
        kinds = [b.kind for b in document.blocks]
        assert BlockKind.AANHEF in kinds and BlockKind.AFSLUITING in kinds and BlockKind.SIGNATURE in kinds
        assert kinds.index(BlockKind.AANHEF) < kinds.index(BlockKind.AFSLUITING) < kinds.index(
            BlockKind.SIGNATURE)


def _expected(stem: str) -> dict:
    import yaml

    path = CORPORA / "verwacht" / f"{stem}.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


@pytest.mark.parametrize("path", [p for p in CORPUS_FILES if p.suffix == ".pdf"], ids=lambda p: p.name)
def test_corpus_pdf_expected_features(path):
    expected = _expected(path.stem).get("pdf") or {}
    document = read_path(path)
    text = body_text(document)
    words = set(re.findall(r"[\w-]+", text))
    if "paginas" in expected:
        assert document.pages == expected["paginas"]
    for word in expected.get("woorden_heel_na_herstel", []):
        assert word in words, word
    for furniture in expected.get("kop_en_voet_niet_in_tekst", []):
        assert furniture not in text
        assert any(furniture in b.text for b in document.blocks if not b.is_body)
    assert not set("ﬀﬁﬂﬃﬄ") & set(text)
    # No end-of-line hyphen left behind ("groente- en fruitafval" is Dutch spelling).
    assert not re.search(r"\b[a-z]+- (?!en |of |tot |t/m )[a-z]", text)


def test_corpus_letter_parts_agree_across_formats():
    stems = sorted({p.stem for p in CORPUS_FILES if p.parent.name == "brieven"})
    for stem in stems:
        seen = {}
        for path in (p for p in CORPUS_FILES if p.stem == stem):
            document = read_path(path)
            seen[path.suffix] = [(b.kind, b.text) for b in document.blocks
                                 if b.kind in (BlockKind.AANHEF, BlockKind.AFSLUITING)]
        assert len({tuple(v) for v in seen.values()}) == 1, (stem, seen)


def _draw_lines(path: Path, columns: list[tuple[float, list[str]]], top: float = 700) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    for x, lines in columns:
        for number, text in enumerate(lines):
            pdf.drawString(x, top - 14 * number, text)
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_table_is_read_row_by_row(tmp_path):
    labels = ["Datum", "Ons kenmerk", "Onderwerp"]
    values = ["3 maart 2026", "WV/2026/12", "Uw aanvraag voor een"]
    path = _draw_lines(tmp_path / "tabel.pdf", [(72, labels), (220, values + ["parkeervergunning"])])
    document = read_path(path)
    assert kinds_and_texts(document) == [
        (BlockKind.TABLE_CELL, "Datum"), (BlockKind.TABLE_CELL, "3 maart 2026"),
        (BlockKind.TABLE_CELL, "Ons kenmerk"), (BlockKind.TABLE_CELL, "WV/2026/12"),
        (BlockKind.TABLE_CELL, "Onderwerp"),
        (BlockKind.TABLE_CELL, "Uw aanvraag voor een parkeervergunning"),  # a wrapped cell stays one
    ]
    assert (document.blocks[1].position(0).line, document.blocks[1].position(0).column) == (1, 1)


def test_pdf_two_text_columns_are_not_a_table(tmp_path):
    left = [f"Dit is regel {n} van de linker kolom met lopende tekst erin" for n in range(1, 9)]
    right = [f"En dit is regel {n} van de rechter kolom met meer tekst" for n in range(1, 9)]
    document = read_path(_draw_lines(tmp_path / "kolommen.pdf", [(40, left), (310, right)]))
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert document.blocks[0].text.startswith("Dit is regel 1") and "regel 8 van de linker" in document.blocks[0].text


def test_docx_hidden_text_and_text_boxes():
    textbox = (
        '<w:p><w:r><w:t>Anker.</w:t></w:r><w:r>'
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/'
        'word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>Mevrouw De Vries</w:t></w:r></w:p>'
        '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        '<w:txbxContent><w:p><w:r><w:t>Mevrouw De Vries</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    hidden = ('<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Vul hier de naam in. </w:t></w:r>'
              '<w:r><w:t>Zichtbaar.</w:t></w:r></w:p>')
    document = read_bytes(docx_bytes_with_body(textbox + hidden), "x.docx", "docx")
    assert kinds_and_texts(document) == [
        (BlockKind.PARAGRAPH, "Anker."),
        (BlockKind.PARAGRAPH, "Mevrouw De Vries"),  # once, although Word stores it twice
        (BlockKind.PARAGRAPH, "Zichtbaar."),
    ]
    assert document.blocks[1].source_ref == {"part": "body", "paragraph_index": 1, "textbox": True}


# --- letter parts ---------------------------------------------------------------------------


def txt_kinds(text: str) -> list[tuple[BlockKind, str]]:
    return kinds_and_texts(read_bytes(text.encode(), "brief.txt", "txt"))


def test_salutation_joined_to_the_first_paragraph_is_split_at_the_line_break():
    document = read_bytes(b"Geachte heer Jansen,\nU heeft ons een brief gestuurd.\nWij reageren snel.",
                          "brief.txt", "txt")
    assert kinds_and_texts(document) == [
        (BlockKind.AANHEF, "Geachte heer Jansen,"),
        (BlockKind.PARAGRAPH, "U heeft ons een brief gestuurd. Wij reageren snel."),
    ]
    assert (document.blocks[1].position(0).line, document.blocks[1].position(0).column) == (2, 1)
    assert document.blocks[1].position(document.blocks[1].text.index("Wij")).line == 3


def test_not_a_salutation_or_closing():
    kinds = txt_kinds("Dag en nacht werken wij aan uw aanvraag, ook in het weekend.\n\n"
                      "Groeten uit Utrecht is de naam van ons blad.\n")
    assert [kind for kind, _ in kinds] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_closing_with_name_on_one_line_and_signature_limits():
    kinds = txt_kinds("Geachte mevrouw,\n\nDit is de brief.\n\nMet vriendelijke groet, Jan Jansen\n\n"
                      "Teamleider\n\nBijlage: het besluit\n")
    assert kinds == [
        (BlockKind.AANHEF, "Geachte mevrouw,"),
        (BlockKind.PARAGRAPH, "Dit is de brief."),
        (BlockKind.AFSLUITING, "Met vriendelijke groet,"),
        (BlockKind.SIGNATURE, "Jan Jansen"),
        (BlockKind.SIGNATURE, "Teamleider"),
        (BlockKind.PARAGRAPH, "Bijlage: het besluit"),
    ]


def test_namens_line_after_the_greeting_is_signature():
    kinds = txt_kinds("Beste Sanne,\n\nDit is de brief.\n\nHoogachtend,\n\n"
                      "namens burgemeester en wethouders van Weidevoorde,\n\nmr. A. de Boer\n")
    assert [kind for kind, _ in kinds] == [
        BlockKind.AANHEF, BlockKind.PARAGRAPH, BlockKind.AFSLUITING, BlockKind.SIGNATURE, BlockKind.SIGNATURE]


def test_pdf_hyphen_before_en_and_between_numbers(tmp_path):
    pages = [[("p", ["Wij halen groente-", "en fruitafval op in de periode 2025-", "2026 en daarna ook."])]]
    document = read_path(letter_pdf(tmp_path / "streep.pdf", pages=pages, header=None, footer=None))
    assert document.blocks[0].text == "Wij halen groente- en fruitafval op in de periode 2025-2026 en daarna ook."


def test_docx_headers_and_footers_of_all_sections_once_each(tmp_path):
    import docx
    from docx.enum.section import WD_SECTION

    word = docx.Document()
    first = word.sections[0]
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Briefhoofd eerste pagina"
    first.header.paragraphs[0].text = "Kop vervolgpagina's"
    first.footer.paragraphs[0].text = "Voet sectie 1"
    word.add_paragraph("Tekst in sectie een.")
    second = word.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Kop bijlage"
    # second.footer stays linked to the first section's footer: it must not come twice.
    word.add_paragraph("Tekst in de bijlage.")
    path = tmp_path / "secties.docx"
    word.save(path)
    document = read_path(path)
    furniture = [(b.kind, b.text, b.source_ref["section"], b.source_ref["type"])
                 for b in document.blocks if not b.is_body]
    assert sorted(furniture) == sorted([
        (BlockKind.PAGE_HEADER, "Kop vervolgpagina's", 0, "default"),
        (BlockKind.PAGE_HEADER, "Briefhoofd eerste pagina", 0, "first"),
        (BlockKind.PAGE_HEADER, "Kop bijlage", 1, "default"),
        (BlockKind.PAGE_FOOTER, "Voet sectie 1", 0, "default"),
    ])
    assert [b.text for b in document.body_blocks()] == ["Tekst in sectie een.", "Tekst in de bijlage."]


@pytest.mark.parametrize("name, data", [
    ("brief.txt", LETTER_TXT.encode()),
    ("brief.md", LETTER_MD.encode()),
])
def test_text_input_not_modified(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    before = os.stat(path).st_mtime_ns
    read_path(path)
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before


def test_pdf_title_from_document_information(tmp_path):
    path = tmp_path / "titel.pdf"
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setTitle("Uw aanslag 2026")
    pdf.drawString(72, 700, "Dit is de tekst van de brief.")
    pdf.showPage()
    pdf.save()
    assert read_path(path).title == "Uw aanslag 2026"
    assert read_path(letter_pdf(tmp_path / "zonder.pdf")).title is None  # reportlab's "untitled"


def test_docx_paragraph_runs_map_block_columns_to_runs(letter):
    """The Word-comments writer finds the runs of a finding from paragraph_index and column."""
    import docx

    from directduidelijk.readers.docx import paragraph_runs

    path, document = letter
    block = block_with(document, "U krijgt het geld")
    word = docx.Document(str(path))
    p = list(word.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))[
        block.source_ref["paragraph_index"]]
    start = block.position(block.text.index("geld")).column - 1
    covering = [(run, s, e) for run, s, e in paragraph_runs(p) if s <= start < e]
    assert len(covering) == 1
    run, run_start, _ = covering[0]
    assert "".join(run.itertext())[start - run_start:start - run_start + 4] == "geld"


def test_pdf_numbered_bold_heading_is_a_heading(tmp_path):
    pages = [[("h", "2. Aanleiding"), ("p", ["De raad heeft gevraagd om een voorstel."]),
              ("bullet", ("1.", ["eerst dit"]))]]
    document = read_path(letter_pdf(tmp_path / "kop.pdf", pages=pages, header=None, footer=None))
    assert kinds_and_texts(document) == [
        (BlockKind.HEADING, "2. Aanleiding"),
        (BlockKind.PARAGRAPH, "De raad heeft gevraagd om een voorstel."),
        (BlockKind.LIST_ITEM, "eerst dit"),
    ]


def test_every_salutation_is_labelled_by_the_reader():
    # Genre detection and the structure checks rely on this label; they have no fallback of their own.
    from directduidelijk.readers import read_bytes

    for salutation in ("Geacht college,", "Beste bewoner, beste ondernemer,", "Geachte heer Jansen,"):
        document = read_bytes(f"{salutation}\n\nWij werken in uw straat.\n".encode(), "x.md", "md")
        assert document.blocks[0].kind == BlockKind.AANHEF, salutation
