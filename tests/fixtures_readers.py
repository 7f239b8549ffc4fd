"""Builders for the reader tests: real .docx files (python-docx) and PDFs (reportlab).

Plain functions rather than fixtures so that both test_readers.py and test_bad_input.py
can build files in their own tmp_path.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# A MERGEFIELD as Word writes it: a complex field whose instruction must not show up,
# while its result «Naam» must.
MERGEFIELD_RUNS = (
    '<w:r {0}><w:t xml:space="preserve">Beste </w:t></w:r>'
    '<w:r {0}><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r {0}><w:instrText xml:space="preserve"> MERGEFIELD Naam \\* MERGEFORMAT </w:instrText></w:r>'
    '<w:r {0}><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r {0}><w:t>«Naam»</w:t></w:r>'
    '<w:r {0}><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r {0}><w:t>,</w:t></w:r>'
).format(nsdecls("w"))

SIMPLE_FIELD = (
    '<w:fldSimple {0} w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; ">'
    '<w:r><w:t>3 maart 2025</w:t></w:r></w:fldSimple>'
).format(nsdecls("w"))

HYPERLINK = (
    '<w:hyperlink {0} w:anchor="x"><w:r><w:t>www.utrecht.nl</w:t></w:r></w:hyperlink>'
).format(nsdecls("w"))


def letter_docx(path: Path) -> Path:
    """A letter with everything the reader must handle, in a known order."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Gemeente Utrecht - Afdeling Belastingen"
    section.footer.paragraphs[0].text = "Postbus 16200, 3500 CE Utrecht"

    document.add_paragraph("Uw aanvraag voor bijzondere bijstand", style="Title")  # block 1
    # Salutation made of a mail-merge field.
    salutation = document.add_paragraph()  # block 2
    for element in parse_xml(f"<w:p {nsdecls('w')}>{MERGEFIELD_RUNS}</w:p>"):
        salutation._p.append(element)
    document.add_paragraph("Wat hebben wij besloten?", style="Heading 1")  # block 3
    intro = document.add_paragraph("Wij hebben uw aanvraag ontvangen.")  # block 4
    intro.add_run().add_break()  # soft line break (w:br)
    intro.add_run("U krijgt het geld binnen twee weken.")
    document.add_paragraph("")  # empty: no block, but it counts in paragraph_index
    document.add_paragraph("Neem mee:", style="Heading 2")  # block 5
    document.add_paragraph("uw paspoort", style="List Bullet")  # block 6
    document.add_paragraph("een recente foto", style="List Number")  # block 7
    table = document.add_table(rows=2, cols=2)  # blocks 8-11
    table.cell(0, 0).text = "Bedrag"
    table.cell(0, 1).text = "Datum"
    table.cell(1, 0).text = "€ 250"
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "1 april"
    cell.add_paragraph("of eerder")  # second paragraph in the same cell: block 12
    dated = document.add_paragraph("Datum van deze brief: ")  # block 13
    for element in parse_xml(f"<w:p {nsdecls('w')}>{SIMPLE_FIELD}</w:p>"):
        dated._p.append(element)
    link = document.add_paragraph("Kijk op ")  # block 14
    for element in parse_xml(f"<w:p {nsdecls('w')}>{HYPERLINK}</w:p>"):
        link._p.append(element)
    link.add_run(".")
    closing = document.add_paragraph("Met vriendelijke groet,")  # block 15
    closing.add_run().add_break()
    closing.add_run("Jan Jansen")  # block 16 after the split
    document.add_paragraph("Teamleider Belastingen")  # block 17
    document.save(path)
    return path


def docx_bytes_with_body(body_xml: str) -> bytes:
    """A .docx whose body is replaced by ``body_xml`` (w:p / w:tbl elements)."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    sect = body[0] if len(body) else None
    for element in parse_xml(f"<w:body {nsdecls('w')}>{body_xml}</w:body>"):
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


# --- PDF ------------------------------------------------------------------------------------

A4_HEIGHT = 841.89
LEFT = 72
BODY_SIZE = 11
LEADING = 14


def _vera():
    """reportlab's bundled Vera TTF (has the ﬁ and ﬂ ligature glyphs), registered once."""
    import os

    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
        pdfmetrics.registerFont(TTFont("Vera", os.path.join(folder, "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", os.path.join(folder, "VeraBd.ttf")))
    return "Vera"


# Each page: a list of (kind, content). "p": lines of one paragraph; "gap": extra space;
# "bullet": (marker, lines) with a hanging indent; "h": a bold heading line;
# "pieces": one line drawn in pieces [(text, extra_gap_before)], to make ligature gaps.
LETTER_PAGES = [
    [
        ("p", ["Geachte heer Jansen,"]),
        ("h", "Wat hebben wij besloten?"),
        ("p", ["Wij hebben uw brief over het besluit van de gemeente-",
               "raad ontvangen. Het gaat over de WOZ-",
               "waarde van uw woning in Noord-",
               "Holland. Stuur ons een e-",
               "mail als u vragen heeft."]),
        ("pieces", [("Wij werken eﬃ".replace("ﬃ", "fﬁ"), 0), ("ciënt en geven u een", 4)]),
        ("p", ["speciﬁeke uitleg over de ﬂexibele regeling en de speciﬁ",
               "eke afspraken."]),
    ],
    [
        ("p", ["U krijgt het volgende van ons:"]),
        ("bullet", ("•", ["een brief met het besluit over uw aanvraag voor de",
                          "bijzondere bijstand"])),
        ("bullet", ("•", ["een overzicht van de bedragen"])),
        ("bullet", ("1.", ["eerst leest u de brief"])),
        ("p", ["Dit is een gewone alinea na de opsomming. Zij loopt over",
               "twee regels."]),
    ],
    [
        ("p", ["Heeft u nog vragen? Bel ons dan op 14 030."]),
        ("p", ["Met vriendelijke groet,"]),
        ("p", ["Jan Jansen", "Teamleider Belastingen"]),
    ],
]


def letter_pdf(path: Path, pages=LETTER_PAGES, header: str | None = "Gemeente Utrecht | Belastingen",
               footer: str | None = "Pagina {page} van {pages}", **canvas_options) -> Path:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _vera()
    pdf = canvas.Canvas(str(path), pagesize=(595.27, A4_HEIGHT), **canvas_options)
    for number, page in enumerate(pages, start=1):
        if header:
            pdf.setFont(font, 9)
            pdf.drawString(LEFT, A4_HEIGHT - 40, header.format(page=number, pages=len(pages)))
        if footer:
            pdf.setFont(font, 9)
            pdf.drawString(LEFT, 40, footer.format(page=number, pages=len(pages)))
        y = A4_HEIGHT - 100
        for kind, content in page:
            if kind == "h":
                pdf.setFont("VeraBd", 13)
                pdf.drawString(LEFT, y, content)
                y -= LEADING + 10
                continue
            pdf.setFont(font, BODY_SIZE)
            if kind == "p":
                for line in content:
                    pdf.drawString(LEFT, y, line)
                    y -= LEADING
            elif kind == "bullet":
                marker, lines = content
                pdf.drawString(LEFT + 10, y, marker)
                for line in lines:
                    pdf.drawString(LEFT + 28, y, line)
                    y -= LEADING
            elif kind == "pieces":
                x = LEFT
                for text, gap in content:
                    x += gap
                    pdf.drawString(x, y, text)
                    x += stringWidth(text, font, BODY_SIZE)
                y -= LEADING
                continue
            y -= 10  # paragraph gap
        pdf.showPage()
    pdf.save()
    return path
