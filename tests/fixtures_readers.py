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
