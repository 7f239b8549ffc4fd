"""The neutral document model every reader produces and every later stage reads.

A Document is an ordered list of Blocks. Each Block has its text and enough source
location to point back into the original file: for .txt/.md the line and column,
for .docx the paragraph number, for .pdf the page and the line on the page.
Rules never see the file format.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "kop"
    PARAGRAPH = "alinea"
    LIST_ITEM = "opsomming"
    TABLE_CELL = "tabelcel"
    AANHEF = "aanhef"
    AFSLUITING = "afsluiting"
    SIGNATURE = "ondertekening"
    PAGE_HEADER = "koptekst"
    PAGE_FOOTER = "voettekst"
    # Address, date, kenmerk and subject lines above the salutation of a letter.
    LETTERHEAD = "briefhoofd"


# Body text that rules check by default; the rest only when a rule asks for it.
BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL})
# Never part of the reading text (page furniture).
FURNITURE_KINDS = frozenset({BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER})


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of block text that sits contiguously in the source.

    ``start`` is the offset in the block text where the run begins; ``line`` and
    ``column`` (1-based) are where that character is in the source. For .docx the
    line is the paragraph number and the column the character in that paragraph;
    for .pdf the line is the line on the page.
    """

    start: int
    line: int
    column: int
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int
    page: int | None


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: str
    segments: tuple[Segment, ...]
    # Ordinal of the block among the document's blocks (1-based), shown as "alinea".
    paragraph: int = 0
    # Format-specific anchor for writers that go back into the source (Word comments):
    # e.g. {"part": "body", "paragraph_index": 12} or {"table": 0, "row": 1, "cell": 2, ...}.
    source_ref: dict | None = None
    level: int | None = None  # heading level or list depth, when known
    # Stretches of the text that are literal, not prose (Markdown `code`): never judged.
    protected: tuple[tuple[int, int], ...] = ()

    @property
    def page(self) -> int | None:
        return self.segments[0].page if self.segments else None

    @property
    def is_body(self) -> bool:
        return self.kind in BODY_KINDS

    def position(self, offset: int) -> Position:
        """Source position of the character at ``offset`` in the block text."""
        if not self.segments:
            return Position(1, offset + 1, None)
        starts = [s.start for s in self.segments]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        segment = self.segments[index]
        return Position(segment.line, segment.column + (offset - segment.start), segment.page)

    def end_position(self, end_offset: int) -> Position:
        """Source position of the last character of a span ending (exclusive) at ``end_offset``."""
        return self.position(max(0, end_offset - 1))


@dataclass(slots=True)
class Document:
    path: str
    format: str  # "docx" | "pdf" | "txt" | "md"
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    # Dutch, user-facing notes from the reader that do not stop the check (e.g. "niet Nederlands").
    warnings: list[str] = field(default_factory=list)
    # Set by the reader when known (title from docx core properties, pdf metadata).
    title: str | None = None
    # In-file instructions for the checker, as (source line, text after "directduidelijk:"):
    # from Markdown comments `<!-- directduidelijk: ... -->` and .txt lines starting with
    # `# directduidelijk:` or `// directduidelijk:`. Readers only record them; rules decide.
    directives: list[tuple[int, str]] = field(default_factory=list)

    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.is_body]

    def number_blocks(self) -> None:
        """Give every non-furniture block its 1-based paragraph ordinal."""
        counter = 0
        for block in self.blocks:
            if block.kind in FURNITURE_KINDS:
                block.paragraph = 0
                continue
            counter += 1
            block.paragraph = counter


def join_lines(
    parts: list[tuple[str, int, int]], page: int | None = None, separator: str = " "
) -> tuple[str, tuple[Segment, ...]]:
    """Join source lines into one block text, remembering where each line came from.

    ``parts`` holds (text, line, column) for each source line; lines are joined with
    ``separator`` (a space: a wrapped line is one paragraph, and spaCy should not see
    newlines inside a sentence).
    """
    pieces: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for index, (text, line, column) in enumerate(parts):
        if index:
            pieces.append(separator)
            offset += len(separator)
        segments.append(Segment(offset, line, column, page))
        pieces.append(text)
        offset += len(text)
    return "".join(pieces), tuple(segments)
