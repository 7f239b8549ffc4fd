"""`--annoteer`: a copy of the Word document with a comment on every finding.

Each finding becomes a Word comment (python-docx's comments API) anchored on exactly
the flagged words: runs are split at the finding's edges, with their formatting copied,
so nothing else in the document changes. One summary comment on the first paragraph
gives the level, the scores and the counts per rule. The original file is never touched.
"""

from __future__ import annotations

import copy
import io
import os
from collections import Counter
from pathlib import Path

from directduidelijk.checking import DocumentResult
from directduidelijk.document import Block, BlockKind
from directduidelijk.findings import Finding
from directduidelijk.report.terminal import LEVEL_NAMES, dutch_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_P, _T, _TAB, _BR, _CR = W + "p", W + "t", W + "tab", W + "br", W + "cr"
_NOBREAK_HYPHEN = W + "noBreakHyphen"
AUTHOR = "directduidelijk"
INITIALS = "DD"


class AnnotationError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _child_lengths(r) -> list[tuple[object, int]]:
    """(child, visible length) inside one visible run, counted as the reader counts text."""
    pieces = []
    for child in r:
        if child.tag == _T:
            pieces.append((child, len(child.text or "")))
        elif child.tag in (_TAB, _BR, _CR, _NOBREAK_HYPHEN):
            pieces.append((child, 1))
        else:
            pieces.append((child, 0))
    return pieces


def run_map(p) -> list[tuple[object, int, int]]:
    """Every visible w:r of a paragraph with its [start, end) in the text the reader produced.

    The reader's own mapping, so hidden text, field instructions and deleted text count
    exactly as they did when the findings were made.
    """
    from directduidelijk.readers.docx import paragraph_runs

    return paragraph_runs(p)


def _split_run(r, at: int) -> tuple[object, object]:
    """Split a run at a visible-text offset; both halves keep the run properties."""
    right = copy.deepcopy(r)
    left_pieces = _child_lengths(r)
    right_children = list(right)
    position = 0
    for index, (child, length) in enumerate(left_pieces):
        right_child = right_children[index]
        if child.tag == W + "rPr":
            continue
        if position + length <= at:
            right.remove(right_child)  # wholly left
        elif position >= at:
            r.remove(child)  # wholly right
        else:  # split inside this w:t
            cut = at - position
            child.text, right_child.text = child.text[:cut], child.text[cut:]
            child.set(XML_SPACE, "preserve")
            right_child.set(XML_SPACE, "preserve")
        position += length
    r.addnext(right)
    return r, right


def _anchor_runs(p, start: int, end: int):
    """Split runs so that [start, end) of the paragraph text is covered by whole runs."""
    for boundary in (start, end):
        for r, run_start, run_end in run_map(p):
            if run_start < boundary < run_end:
                _split_run(r, boundary - run_start)
                break
    covered = [r for r, run_start, run_end in run_map(p) if run_end > start and run_start < end and run_end > run_start]
    return covered


def _paragraph_for(word, block: Block, paragraphs: dict):
    ref = block.source_ref or {}
    if ref.get("part") != "body" or ref.get("paragraph_index") is None:
        return None
    return paragraphs.get(ref["paragraph_index"])


def _raw_range(block: Block, start: int, end: int) -> tuple[int, int]:
    """Block-text offsets to offsets in the paragraph's own text (the reader strips bullets and spaces)."""
    first = block.position(start).column - 1
    last = block.end_position(end).column  # exclusive
    return first, max(first + 1, last)


def comment_text(finding: Finding) -> str:
    text = f"{finding.message}"
    if finding.suggestion:
        text += f"\nBeter: {finding.suggestion}"
    text += f"\n[{finding.rule}, {finding.severity.value}]"
    return text


def summary_text(result: DocumentResult) -> str:
    metrics = result.metrics or {}
    counts = Counter(f.rule for f in result.findings)
    lines = ["Controle door directduidelijk (Direct Duidelijk, taalniveau B1)."]
    if metrics.get("lint_level") is not None:
        approx = " (benadering)" if metrics.get("lint_approximation") else ""
        lines.append(f"LiNT-II: {dutch_number(metrics.get('lint_score'))}, niveau "
                     f"{LEVEL_NAMES.get(metrics['lint_level'], metrics['lint_level'])}{approx}.")
    if metrics.get("cefr_estimate"):
        lines.append(f"Geschat taalniveau: {metrics['cefr_estimate']}.")
    lines.append(f"{dutch_number(metrics.get('words'))} woorden, {dutch_number(metrics.get('sentences'))} zinnen, "
                 f"gemiddeld {dutch_number(metrics.get('avg_sentence_length'))} woorden per zin. "
                 f"Flesch-Douma {dutch_number(metrics.get('flesch_douma'))}, Brouwer {dutch_number(metrics.get('brouwer'))}.")
    if counts:
        lines.append("Bevindingen: " + ", ".join(f"{rule} {count}" for rule, count in counts.most_common()) + ".")
    else:
        lines.append("Geen bevindingen.")
    return "\n".join(lines)


def annotate(source: Path, result: DocumentResult, target: Path) -> int:
    """Write a commented copy of ``source`` to ``target``; returns the number of comments."""
    import docx

    if result.document is None:
        raise AnnotationError("Het document is niet bewaard voor het maken van opmerkingen.")
    if Path(target).resolve() == Path(source).resolve():
        raise AnnotationError("Kies een ander bestand voor --annoteer: het origineel blijft altijd zoals het is.")
    word = docx.Document(io.BytesIO(Path(source).read_bytes()))
    from docx.text.run import Run

    body = word.element.body
    paragraphs = dict(enumerate(body.iter(_P)))
    blocks = result.document.blocks
    placed = 0
    # From the end of each paragraph backwards, so splitting runs never moves a later anchor.
    for finding in sorted(result.findings, key=lambda f: (f.block_index, -f.start)):
        if not 0 <= finding.block_index < len(blocks):
            continue
        block = blocks[finding.block_index]
        p = _paragraph_for(word, block, paragraphs)
        if p is None:
            continue
        start, end = (finding.start, finding.end) if finding.end > finding.start else (0, len(block.text))
        raw_start, raw_end = _raw_range(block, start, end)
        runs = _anchor_runs(p, raw_start, raw_end)
        if not runs:
            continue
        parent = p  # python-docx needs a parent for Run objects; the paragraph serves
        word.add_comment([Run(runs[0], parent), Run(runs[-1], parent)], text=comment_text(finding),
                         author=AUTHOR, initials=INITIALS)
        placed += 1
    first = next((b for b in blocks if b.kind not in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER)
                  and _paragraph_for(word, b, paragraphs) is not None), None)
    if first is not None:
        p = _paragraph_for(word, first, paragraphs)
        runs = [r for r, s, e in run_map(p) if e > s]
        if runs:
            word.add_comment([Run(runs[0], p), Run(runs[-1], p)], text=summary_text(result),
                             author=AUTHOR, initials=INITIALS)
    target = Path(target)
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    word.save(str(temporary))
    os.replace(temporary, target)
    return placed
