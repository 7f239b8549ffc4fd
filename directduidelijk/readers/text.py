"""Plain text (.txt) and Markdown (.md) reader.

Locations are exact: every block keeps, per source line, the line number and the column
(1-based, in characters) of its first character, so a finding points into the file as an
editor shows it. Markdown block structure comes from markdown-it-py (CommonMark, already
installed with rich); the plain text it produces is then aligned back to the source
characters, so inline markup (**vet**, [links](...), `code`) is left out of the text while
offsets stay right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from directduidelijk.document import Block, BlockKind, Document, Segment, join_lines
from directduidelijk.readers import ReadError
from directduidelijk.readers.letter_parts import label_letter_parts

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TXT_DIRECTIVE = re.compile(r"^\s*(?:#|//)\s*directduidelijk:\s*(.*?)\s*$", re.IGNORECASE)
_MD_DIRECTIVE = re.compile(r"<!--\s*directduidelijk:\s*(.*?)\s*-->", re.IGNORECASE | re.DOTALL)
# List markers in plain text: dashes and bullets, "1." / "1)", "a)" / "a.".
_TXT_LIST_MARKER = re.compile(r"^(\s*)([-*+•–—▪◦·]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
_SETEXT_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
# Heading heuristics for plain text: short, one line, no closing punctuation.
_TXT_HEADING_MAX_WORDS = 10
_TXT_HEADING_MAX_CHARS = 80


def read(data: bytes, path: str, fmt: str) -> Document:
    text = decode(data)
    lines = _LINE_BREAK.split(text)
    document = Document(path=path, format=fmt)
    if fmt == "md":
        document.blocks = _markdown_blocks(lines, document)
    else:
        document.blocks = _text_blocks(lines, document)
    label_letter_parts(document)
    return document


# --- decoding -----------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (BOM stripped), UTF-16 with BOM (Notepad's "Unicode"), else cp1252, else latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("beschadigd", "Dit tekstbestand is beschadigd: de tekens kloppen niet.") from None
    if b"\x00" in data[:65536] or _looks_binary(data[:65536]):
        raise ReadError(
            "onbekend-type",
            "Dit lijkt geen tekstbestand. Controleer of u het goede bestand heeft gekozen.",
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def _looks_binary(sample: bytes) -> bool:
    # Control characters other than tab, newline, carriage return and form feed.
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


# --- plain text ---------------------------------------------------------------------------


def _text_blocks(lines: list[str], document: Document) -> list[Block]:
    # Paragraphs: runs of non-blank lines. Directive lines are recorded and act as blank lines.
    paragraphs: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    for number, line in enumerate(lines, start=1):
        directive = _TXT_DIRECTIVE.match(line)
        if directive:
            document.directives.append((number, directive.group(1)))
            line = ""
        if line.strip():
            current.append((line, number))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)

    blocks: list[Block] = []
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph) == 2 and _SETEXT_UNDERLINE.match(paragraph[1][0]):
            blocks.append(_text_block(BlockKind.HEADING, paragraph[:1], level=1 if "=" in paragraph[1][0] else 2))
            continue
        if len(paragraph) == 1 and _looks_like_heading(paragraph[0][0], paragraphs, index):
            blocks.append(_text_block(BlockKind.HEADING, paragraph))
            continue
        blocks.extend(_split_list_items(paragraph))
    return blocks


def _looks_like_heading(line: str, paragraphs: list, index: int) -> bool:
    text = line.strip()
    if index + 1 >= len(paragraphs):
        return False  # a heading is followed by text
    if _TXT_LIST_MARKER.match(line) or text[-1] in ".,;:!":
        return False
    if text[-1] == "?" and len(text.split()) > 8:
        return False  # short question headings ("Wat moet u doen?") are common in B1 letters
    if len(text) > _TXT_HEADING_MAX_CHARS or len(text.split()) > _TXT_HEADING_MAX_WORDS:
        return False
    return text[0].isupper() or text[0].isdigit()


def _split_list_items(paragraph: list[tuple[str, int]]) -> list[Block]:
    """One paragraph of lines → a paragraph and/or list items (each item with its continuation lines)."""
    groups: list[tuple[BlockKind, int | None, list[tuple[str, int, int]]]] = []
    for line, number in paragraph:
        marker = _TXT_LIST_MARKER.match(line)
        if marker:
            start = marker.end()
            depth = 1 + len(marker.group(1).expandtabs(4)) // 2
            groups.append((BlockKind.LIST_ITEM, depth, []))
        else:
            start = len(line) - len(line.lstrip())
            if not groups:
                groups.append((BlockKind.PARAGRAPH, None, []))
        groups[-1][2].append((line[start:].rstrip(), number, start + 1))
    blocks = []
    for kind, level, parts in groups:
        text, segments = join_lines(parts)
        blocks.append(Block(kind, text, segments, level=level))
    return blocks


def _text_block(kind: BlockKind, lines: list[tuple[str, int]], level: int | None = None) -> Block:
    parts = []
    for line, number in lines:
        start = len(line) - len(line.lstrip())
        parts.append((line.strip(), number, start + 1))
    text, segments = join_lines(parts)
    return Block(kind, text, segments, level=level)


# --- Markdown -----------------------------------------------------------------------------


@dataclass
class _ContentLine:
    text: str  # the line as markdown-it gives it (container markers removed)
    line: int  # 1-based source line
    column0: int  # 0-based column in the source line where ``text`` starts


def _markdown_blocks(lines: list[str], document: Document) -> list[Block]:
    from markdown_it import MarkdownIt

    lines = _blank_front_matter(lines)
    source = "\n".join(lines)
    for match in _MD_DIRECTIVE.finditer(source):
        document.directives.append((source.count("\n", 0, match.start()) + 1, match.group(1)))

    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = parser.parse(source)
    blocks: list[Block] = []
    list_depth = 0
    heading_level: int | None = None
    table = row = cell = -1
    row_cursor = 0
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = None
        elif kind == "table_open":
            table += 1
            row = -1
        elif kind == "tr_open":
            row += 1
            cell = -1
            row_cursor = 0
            row_line = token.map[0] if token.map else 0
        elif kind in ("th_open", "td_open"):
            cell += 1
        elif kind == "inline" and token.map:
            if table >= 0 and cell >= 0 and _inside_cell(token):
                source_line = lines[row_line]
                found = source_line.find(token.content, row_cursor) if token.content else -1
                column0 = found if found >= 0 else row_cursor
                row_cursor = column0 + len(token.content)
                content = [_ContentLine(token.content, row_line + 1, column0)]
                block = _inline_block(token, content, BlockKind.TABLE_CELL)
                if block:
                    block.source_ref = {"table": table, "row": row, "cell": cell}
                    blocks.append(block)
                continue
            content = _content_lines(token, lines)
            if heading_level is not None:
                block = _inline_block(token, content, BlockKind.HEADING, heading_level)
            elif list_depth:
                block = _inline_block(token, content, BlockKind.LIST_ITEM, list_depth)
            else:
                block = _inline_block(token, content, BlockKind.PARAGRAPH)
            if block:
                blocks.append(block)
        elif kind == "table_close":
            cell = -1
    return blocks


def _inside_cell(token) -> bool:
    # Inline tokens of table cells sit at nesting level 4 or deeper (table > tbody > tr > td).
    return token.level >= 4


def _blank_front_matter(lines: list[str]) -> list[str]:
    """Blank out a YAML front matter block (keeps line numbers)."""
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            return [""] * (end + 1) + lines[end + 1:]
    return lines


def _content_lines(token, lines: list[str]) -> list[_ContentLine]:
    """Where each line of an inline token's content starts in the source."""
    start = token.map[0]
    result = []
    for offset, content in enumerate(token.content.split("\n")):
        number = start + offset
        source = lines[number] if number < len(lines) else ""
        stripped_source = source.rstrip()
        stripped = content.rstrip()
        if stripped and stripped_source.endswith(stripped):
            column0 = len(stripped_source) - len(stripped)
        else:
            found = source.find(content.strip()) if content.strip() else -1
            column0 = found if found >= 0 else len(source) - len(source.lstrip())
            content = source[column0:] if found < 0 else content.strip()
        result.append(_ContentLine(content, number + 1, column0))
    return result


# Source regions that never show up in the text: link targets, HTML tags and comments.
_HIDDEN = re.compile(r"\]\([^)]*\)|<!--.*?-->|</?[A-Za-z][^>]*>")


def _inline_block(token, content: list[_ContentLine], kind: BlockKind, level: int | None = None) -> Block | None:
    """Plain text of an inline token, with every character mapped back to the source."""
    chars: list[str] = []
    positions: list[tuple[int, int] | None] = []  # (line, column) 1-based, None for separators
    searchable = [_HIDDEN.sub(lambda m: "\0" * len(m.group(0)), c.text) for c in content]
    line_index, cursor = 0, 0

    def emit_text(text: str) -> None:
        nonlocal cursor
        for char in text:
            position = None
            if line_index < len(content):
                found = searchable[line_index].find(char, cursor)
                if found >= 0:
                    cursor = found + 1
                    position = (content[line_index].line, content[line_index].column0 + found + 1)
            if position is None and positions and positions[-1] is not None:
                line, column = positions[-1]
                position = (line, column + 1)
            chars.append(char)
            positions.append(position)

    code_spans: list[tuple[int, int]] = []
    for child in token.children or []:
        if child.type == "code_inline":
            begin = len(chars)
            emit_text(child.content)
            code_spans.append((begin, len(chars)))
        elif child.type == "text":
            emit_text(child.content)
        elif child.type == "image":
            emit_text(child.content)  # the alt text
        elif child.type in ("softbreak", "hardbreak"):
            chars.append(" ")
            positions.append(None)
            line_index += 1
            cursor = 0
        # em/strong/link open and close, html_inline: markup only

    text = "".join(chars)
    left = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return None
    positions = positions[left:left + len(text)]
    segments: list[Segment] = []
    previous = None
    for offset, position in enumerate(positions):
        if position is None:
            previous = None
            continue
        if previous is None or position[0] != previous[0] or position[1] != previous[1] + 1:
            segments.append(Segment(offset, position[0], position[1]))
        previous = position
    if not segments:
        first = content[0] if content else _ContentLine("", 1, 0)
        segments.append(Segment(0, first.line, first.column0 + 1))
    protected = tuple((max(0, b - left), min(len(text), e - left)) for b, e in code_spans if e - left > 0)
    return Block(kind, text, tuple(segments), level=level, protected=protected)
