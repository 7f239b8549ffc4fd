"""Find the salutation (aanhef), the closing (afsluiting) and the signature of a letter.

Shared by all readers: it only looks at block kinds and texts, so it works the same for
.docx, .pdf, .txt and .md. Blocks are re-labelled in place; a block that holds two parts
(e.g. "Met vriendelijke groet," and the name on the next line, joined into one paragraph
because there was no blank line) is split in two, keeping exact source positions.
"""

from __future__ import annotations

import re

from directduidelijk.document import Block, BlockKind, Document, Segment

# Salutations: "Geachte heer Jansen,", "Beste Sanne,", "Hallo,", "Dag meneer De Vries,".
_AANHEF = re.compile(
    r"(geachte?|beste|hallo|dag|lieve|goedemorgen|goedemiddag|hoi)\b[^.!?:;\n]{0,80}?,",
    re.IGNORECASE,
)
# "Geachte heer Jansen" without a comma is still a salutation; "Dag" without a comma is not
# (it starts ordinary sentences: "Dag en nacht ...").
_AANHEF_NO_COMMA = re.compile(r"(geachte?|beste)\b[^.!?:;,]{0,60}", re.IGNORECASE)

_AFSLUITING = re.compile(
    r"(met\s+(vriendelijke|hartelijke|collegiale|beste|warme)\s+groet(en)?"
    r"|(vriendelijke|hartelijke|beste|warme)\s+groet(en)?"
    r"|met\s+groet(en)?|hoogachtend|groet(en|jes)?"
    r")(?!\w)\s*[,.]?",
    re.IGNORECASE,
)
# "namens burgemeester en wethouders," is part of the signature after a greeting; only
# without any greeting does it count as the closing.
_AFSLUITING_NAMENS = re.compile(
    r"namens\s+(de\s+)?(burgemeester|het\s+college|de\s+directie|dezen)[^,\n]{0,80}\s*,?", re.IGNORECASE)

# How far into the document a salutation may start (address block, date, subject first).
_AANHEF_SEARCH_BLOCKS = 25
# A signature is a few short lines: a name, a job title, a department.
_SIGNATURE_MAX_BLOCKS = 6
# Long enough for "de burgemeester en wethouders van Duinhaven, namens dezen, het hoofd van ..."
_SIGNATURE_MAX_WORDS = 20
_SHORT_PART_WORDS = 10

_LABELLABLE = (BlockKind.PARAGRAPH, BlockKind.HEADING)


def label_letter_parts(document: Document) -> None:
    """Re-label aanhef, afsluiting and signature blocks of ``document`` in place."""
    blocks = document.blocks
    _label_aanhef(blocks)
    _label_letterhead(blocks)
    _label_afsluiting(blocks)


def _label_letterhead(blocks: list[Block]) -> None:
    """Short blocks above the aanhef (address, date, kenmerk, 'Onderwerp') are the letterhead.

    They are not sentences to judge: initials and postcodes are no unexplained abbreviations,
    and "Ons kenmerk" is no hard word. Headings stay headings; a long paragraph above the
    aanhef (a real introduction) stays body text.
    """
    aanhef = next((i for i, b in enumerate(blocks) if b.kind == BlockKind.AANHEF), None)
    if aanhef is None:
        return
    for block in blocks[:aanhef]:
        if block.kind == BlockKind.PARAGRAPH and _words(block.text) <= 15 and not block.text.rstrip().endswith(
                (".", "!", "?")):
            block.kind = BlockKind.LETTERHEAD


def _words(text: str) -> int:
    return len(text.split())


def _label_aanhef(blocks: list[Block]) -> None:
    seen = 0
    for index, block in enumerate(blocks):
        if block.kind in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER):
            continue
        seen += 1
        if seen > _AANHEF_SEARCH_BLOCKS:
            return
        if block.kind != BlockKind.PARAGRAPH:
            continue
        text = block.text
        lead = len(text) - len(text.lstrip())
        match = _AANHEF.match(text, lead)
        if match:
            if text.rstrip().endswith(",") and _words(text) <= _SHORT_PART_WORDS:
                block.kind = BlockKind.AANHEF  # also "Beste bewoner, beste ondernemer,"
                return
            # "Geachte heer Jansen,⏎U heeft ..." in one paragraph: split at the line break.
            for comma in re.finditer(",", text[:match.end() + 40]):
                cut = comma.end()
                if _words(text[:cut]) <= _SHORT_PART_WORDS and _starts_segment(block, cut):
                    head, tail = split_block(block, cut)
                    head.kind = BlockKind.AANHEF
                    blocks[index:index + 1] = [head, tail]
                    return
            continue
        match = _AANHEF_NO_COMMA.fullmatch(text.strip())
        if match and _words(text) <= 6:
            block.kind = BlockKind.AANHEF
            return


def _label_afsluiting(blocks: list[Block]) -> None:
    for pattern in (_AFSLUITING, _AFSLUITING_NAMENS):
        if _label_afsluiting_with(blocks, pattern):
            return


def _label_afsluiting_with(blocks: list[Block], pattern: re.Pattern) -> bool:
    # The closing is near the end: search backwards and take the last one.
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block.kind not in _LABELLABLE:
            continue
        text = block.text
        lead = len(text) - len(text.lstrip())
        match = pattern.match(text, lead)
        if not match:
            continue
        rest = text[match.end():]
        if rest.strip():
            # The name joined onto the closing ("Met vriendelijke groet, Jan Jansen"):
            # split when the remainder is short enough to be a signature.
            if _words(rest) > _SIGNATURE_MAX_WORDS or rest.strip()[-1:] in ".?!":
                continue
            head, tail = split_block(block, match.end())
            head.kind = BlockKind.AFSLUITING
            tail.kind = BlockKind.SIGNATURE
            blocks[index:index + 1] = [head, tail]
            index += 1
        else:
            block.kind = BlockKind.AFSLUITING
        _label_signature(blocks, index + 1)
        return True
    return False


def _label_signature(blocks: list[Block], start: int) -> None:
    labelled = 0
    for block in blocks[start:]:
        if block.kind in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER):
            continue
        if labelled >= _SIGNATURE_MAX_BLOCKS or block.kind not in (*_LABELLABLE, BlockKind.SIGNATURE):
            return
        text = block.text.strip()
        if _words(text) > _SIGNATURE_MAX_WORDS or text[-1:] in ".?!:" and not _is_initials_end(text):
            return
        # "Bijlage: ..." or "P.S." after the signature are not part of it.
        if re.match(r"(bijlage|bijlagen|p\.\s?s\.|ps\b|cc\b|kopie)", text, re.IGNORECASE):
            return
        block.kind = BlockKind.SIGNATURE
        labelled += 1


def _is_initials_end(text: str) -> bool:
    # "J.P. de Vries" ends without a full stop, but "drs. J." ends with one.
    return bool(re.search(r"\b[A-Z]\.$", text))


def _starts_segment(block: Block, offset: int) -> bool:
    """True when the first non-space character at or after ``offset`` starts a source line."""
    text = block.text
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return any(segment.start == offset for segment in block.segments)


def split_block(block: Block, offset: int) -> tuple[Block, Block]:
    """Split ``block`` at ``offset`` (whitespace around the cut is dropped).

    Both halves keep exact source positions: segments before the cut stay with the head,
    the tail gets a segment at its first character plus the later ones, shifted.
    """
    text = block.text
    head_text = text[:offset].rstrip()
    tail_start = offset
    while tail_start < len(text) and text[tail_start].isspace():
        tail_start += 1
    tail_text = text[tail_start:].rstrip()
    head_segments = tuple(s for s in block.segments if s.start < max(len(head_text), 1))
    first = block.position(tail_start)
    tail_segments = [Segment(0, first.line, first.column, first.page)]
    tail_segments += [
        Segment(s.start - tail_start, s.line, s.column, s.page)
        for s in block.segments
        if s.start > tail_start
    ]
    head = Block(block.kind, head_text, head_segments or block.segments[:1], 0,
                 dict(block.source_ref) if block.source_ref else None, block.level)
    tail = Block(block.kind, tail_text, tuple(tail_segments), 0,
                 dict(block.source_ref) if block.source_ref else None, block.level)
    return head, tail
