"""--annoteer: Word comments on exactly the flagged words; everything else survives."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from directduidelijk.report.word_comments import annotate, run_map
from shared_session import check_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_letter(path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Gemeente Weidevoorde"
    document.sections[0].footer.paragraphs[0].text = "Postbus 1, 1234 AB Weidevoorde"
    document.add_paragraph("Geachte heer Jansen,")
    paragraph = document.add_paragraph("U kunt ")
    paragraph.add_run("midd").bold = True  # the flagged word spans two runs with different formatting
    paragraph.add_run("els dit formulier uw aanvraag doen.")
    document.add_heading("Wat moet u doen?", level=2)
    document.add_paragraph("Stuur het formulier teneinde uw geld te krijgen.", style="List Bullet")
    soft = document.add_paragraph("Wij hebben uw brief ontvangen.")
    soft.add_run().add_break(WD_BREAK.LINE)
    soft.add_run("Wij nemen inzake uw vraag snel contact op.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Bedrag"
    table.cell(0, 1).text = "U ontvangt het geld middels een overboeking."
    existing = document.add_paragraph("Met vriendelijke groet,")
    document.add_comment(existing.runs[0], text="Een opmerking van een collega.", author="Collega")
    document.save(path)


def anchored_texts(word) -> dict[int, str]:
    texts: dict[int, str] = {}
    for p in word.element.body.iter(W + "p"):
        active: dict[str, list[str]] = {}
        for element in p.iter():
            if element.tag == W + "commentRangeStart":
                active[element.get(W + "id")] = []
            elif element.tag == W + "commentRangeEnd":
                identifier = element.get(W + "id")
                texts[int(identifier)] = "".join(active.pop(identifier, []))
            elif element.tag == W + "t":
                for pieces in active.values():
                    pieces.append(element.text or "")
    return texts


def formatted_characters(word) -> list[list[tuple[str, bool]]]:
    """Per paragraph: every character with its run's bold flag (what a reader sees)."""
    result = []
    for p in word.element.body.iter(W + "p"):
        characters = []
        for r, start, end in run_map(p):
            bold = r.find(f"{W}rPr/{W}b") is not None
            text = "".join(t.text or "" for t in r.iter(W + "t"))
            characters.extend((c, bold) for c in text)
        result.append(characters)
    return result


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("word")
    source = folder / "brief.docx"
    make_letter(source)
    original_bytes = source.read_bytes()
    result = check_path(source)
    target = folder / "brief-nagekeken.docx"
    placed = annotate(source, result, target)
    return source, original_bytes, result, target, placed


def test_original_is_untouched(annotated):
    source, original_bytes, *_ = annotated
    assert source.read_bytes() == original_bytes


def test_every_finding_is_a_comment_on_its_words(annotated):
    source, _, result, target, placed = annotated
    word = docx.Document(target)
    comments = {c.comment_id: c for c in word.comments}
    ours = [c for c in comments.values() if c.author == "directduidelijk"]
    assert placed == len([f for f in result.findings if f.block_index >= 0])
    assert len(ours) == placed + 1  # plus the summary comment
    anchors = anchored_texts(word)
    flagged = {f.text for f in result.findings}
    assert {"middels", "teneinde", "inzake"} <= flagged
    for comment in ours:
        if comment.text.startswith("Controle door directduidelijk"):
            continue
        assert anchors[comment.comment_id] in flagged
    # a finding inside a table cell and in a list item are anchored too
    anchored = set(anchors.values())
    assert "middels" in anchored and "teneinde" in anchored


def test_text_formatting_tables_headers_and_existing_comments_survive(annotated):
    source, _, _, target, _ = annotated
    before, after = docx.Document(source), docx.Document(target)
    assert formatted_characters(before) == formatted_characters(after)
    assert [p.text for p in before.paragraphs] == [p.text for p in after.paragraphs]
    assert len(before.tables) == len(after.tables)
    assert after.tables[0].cell(0, 1).text == before.tables[0].cell(0, 1).text
    assert after.sections[0].header.paragraphs[0].text == "Gemeente Weidevoorde"
    assert after.sections[0].footer.paragraphs[0].text == "Postbus 1, 1234 AB Weidevoorde"
    assert any(c.author == "Collega" and c.text == "Een opmerking van een collega." for c in after.comments)
    assert after.paragraphs[3].style.name == "List Bullet"


def test_summary_comment_gives_level_and_counts(annotated):
    _, _, _, target, _ = annotated
    summary = [c.text for c in docx.Document(target).comments if c.text.startswith("Controle door directduidelijk")]
    assert len(summary) == 1
    assert "Bevindingen:" in summary[0] and "ambtelijke-taal" in summary[0]


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed (Debian package libreoffice-writer-nogui)")
def test_libreoffice_opens_the_annotated_copy(annotated, tmp_path):
    _, _, _, target, _ = annotated
    office = shutil.which("soffice") or shutil.which("libreoffice")
    completed = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profiel", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(target)], capture_output=True, text=True, timeout=180)
    converted = tmp_path / (target.stem + ".txt")
    assert converted.exists(), completed.stderr
    text = converted.read_text(encoding="utf-8", errors="replace")
    assert "middels dit formulier" in text and "Wat moet u doen?" in text
