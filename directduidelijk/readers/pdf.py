"""PDF reader (pdfminer.six).

pdfminer gives text lines with their boxes; this module turns them back into what the
writer typed: paragraphs across hard-wrapped lines, running headers/footers and page
numbers apart from the body, end-of-line hyphenation joined (gemeente-⏎raad →
gemeenteraad, WOZ-waarde stays), ligatures normalised (ﬁ → fi) and ligature gaps
repaired ("effi ciënt" → "efficiënt"), bullets as list items.

Positions: a segment's line is the line number on its page (1-based, counting visual
rows of text from the top, headers included, as a reader counts them) and its column the character in that line after
ligature normalisation; every segment carries its page.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from directduidelijk.document import Block, BlockKind, Document, Segment
from directduidelijk.readers import ReadError
from directduidelijk.readers.letter_parts import label_letter_parts

MAX_PAGES = 500
# Share of the page height at the top and bottom where running headers/footers live.
FURNITURE_BAND = 0.12
FURNITURE_LINES = 3  # only the first/last few lines of a page can be furniture

_NOT_PDF = "Dit is geen geldig PDF-bestand. Open het opnieuw en sla het op als PDF."
_BROKEN = "Het PDF-bestand is beschadigd of niet volledig. Sla het opnieuw op als PDF en probeer het nog eens."
_SCANNED = (
    "De PDF heeft geen tekstlaag. Is het een scan? Gebruik het originele document of maak "
    "de tekst eerst leesbaar met tekstherkenning (OCR)."
)

_NO_UNICODE = (
    "De tekst in deze PDF is niet leesbaar: het lettertype zegt niet welke letters er staan. "
    "Maak de PDF opnieuw vanuit het originele document."
)
_CID = re.compile(r"\(cid:\d+\)")

_LIGATURES = {char: unicodedata.normalize("NFKC", char) for char in "ﬀﬁﬂﬃﬄﬅﬆ"}
_LIGATURE_RE = re.compile("[" + "".join(_LIGATURES) + "]")
# Characters that look like spaces to a reader but not to str.split.
_SPACES = str.maketrans({"\u00a0": " ", "\t": " ", "\u2007": " ", "\u202f": " "})

_BULLET = re.compile(r"^([•●▪■◦○·‣⁃–—\-*\uf0b7\uf0a7]|\d{1,3}[.)]|[a-z][.)])(\s+|(?=[A-Za-z]{2}))(?=\S)")
_BULLET_ONLY = re.compile(r"^([•●▪■◦○·‣⁃–—\-*\uf0b7\uf0a7]|\d{1,3}[.)]|[a-z][.)])$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|blz\.?|blad|page|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?"
    r"|[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"|\d{1,4}\s*(?:/|van)\s*\d{1,4})$",
    re.IGNORECASE,
)
_SENTENCE_END = ".!?:"
# Prefixes that keep their hyphen in Dutch (ex-partner, oud-wethouder, niet-roker).
_HYPHEN_PREFIXES = {"ex", "oud", "niet", "vice", "adjunct", "interim", "anti", "non", "co", "pro", "semi", "sub"}
_VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")


@dataclass
class _Line:
    text: str
    page: int
    number: int  # pdfminer's line index on the page (unique, reading order)
    row: int  # the visual line on the page, 1-based from the top: the "line" users see
    column: int  # 1-based column of text[0] in the normalised line
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    page_height: float = 0.0
    box: int = 0  # pdfminer text box the line came from
    # Set for lines of a table (side-by-side boxes whose rows line up), read row by row:
    # cell_start marks the first line of each cell.
    cell: bool = False
    cell_start: bool = False
    # (offset in text, column) where the text is not contiguous with the line (repaired gaps)
    breaks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def read(data: bytes, path: str, fmt: str = "pdf") -> Document:
    if b"%PDF-" not in data[:1024]:
        raise ReadError("beschadigd", _NOT_PDF)
    document = Document(path=path, format="pdf")
    pages, _, page_count = _extract_lines(data, document)
    if page_count == 0:
        raise ReadError("beschadigd", _BROKEN)
    if not any(line.text for page in pages for line in page):
        raise ReadError("gescand", _SCANNED)
    document.pages = page_count
    document.title = _title(data)
    furniture = _find_furniture(pages)
    body: list[_Line] = []
    blocks_per_page: dict[int, tuple[list[Block], list[Block]]] = {}
    for page_lines in pages:
        for line in page_lines:
            kind = furniture.get((line.page, line.number))
            if kind is None:
                body.append(line)
                continue
            headers, footers = blocks_per_page.setdefault(line.page, ([], []))
            block = Block(kind, line.text, _segments_for([line]), source_ref={"page": line.page})
            (headers if kind == BlockKind.PAGE_HEADER else footers).append(block)
    for line in body:
        _repair_ligature_gaps(line)
    body = _read_tables(_merge_bullet_markers(body))
    paragraphs = _paragraphs(body)
    body_size = _body_size(body)
    heading_sizes = sorted({round(p[0].size * 2) / 2 for p in paragraphs if _is_heading(p, body_size)},
                           reverse=True)

    # Page furniture goes around the body blocks of its page, so the order stays the page order.
    paragraphs_per_page: dict[int, list[list[_Line]]] = {}
    for paragraph in paragraphs:
        paragraphs_per_page.setdefault(paragraph[0].page, []).append(paragraph)
    blocks: list[Block] = []
    for page in range(1, page_count + 1):
        headers, footers = blocks_per_page.get(page, ([], []))
        blocks.extend(headers)
        for paragraph in paragraphs_per_page.get(page, []):
            blocks.append(_paragraph_block(paragraph, body_size, heading_sizes))
        blocks.extend(footers)
    document.blocks = blocks
    label_letter_parts(document)
    return document


# --- extraction ---------------------------------------------------------------------------


def _extract_lines(data: bytes, document: Document) -> tuple[list[list[_Line]], list[float], int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    # pdfminer logs harmless complaints about odd files; they are not for our users.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[list[_Line]] = []
    heights: list[float] = []
    count = 0
    glyph_counts: tuple[list[int], list[int]] = ([0], [0])  # (unreadable glyphs, readable characters)
    try:
        # all_texts: also group text inside figures (Word puts some text in form XObjects).
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True)):
            count += 1
            if count > MAX_PAGES:
                count -= 1
                document.warnings.append(
                    f"Het document is lang: alleen de eerste {MAX_PAGES} pagina's zijn gecontroleerd."
                )
                break
            heights.append(layout.height)
            pages.append(_page_lines(layout, count, glyph_counts))
    except PDFPasswordIncorrect:
        raise ReadError("versleuteld", "De PDF is beveiligd met een wachtwoord. "
                        "Haal de beveiliging weg en probeer het opnieuw.") from None
    except PDFEncryptionError:
        raise ReadError("versleuteld", "De PDF is versleuteld op een manier die directduidelijk niet kan openen. "
                        "Haal de beveiliging weg en probeer het opnieuw.") from None
    except (PDFException, PSException, EOFError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, AssertionError, RecursionError, ZeroDivisionError, OverflowError, OSError):
        if count:
            # Later pages are broken: keep what was read, and say so.
            document.warnings.append(
                f"De PDF is na pagina {count} beschadigd. Alleen de pagina's daarvoor zijn gecontroleerd."
            )
        else:
            raise ReadError("beschadigd", _BROKEN) from None
    except Exception:  # pdfminer raises many kinds of errors on broken files
        raise ReadError("beschadigd", _BROKEN) from None
    unreadable, readable = glyph_counts[0][0], glyph_counts[1][0]
    if unreadable and unreadable > readable:
        raise ReadError("beschadigd", _NO_UNICODE)
    if unreadable:
        document.warnings.append(
            "Een deel van de tekst in de PDF kan niet worden gelezen: het lettertype zegt niet welke "
            "letters er staan. Die stukken zijn niet gecontroleerd."
        )
    return pages, heights, count


def _title(data: bytes) -> str | None:
    """The title in the PDF's document information, when there is one."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
        value = resolve1(info[0].get("Title")) if info else None
        if isinstance(value, bytes):
            value = decode_text(value)  # PDFDocEncoding or UTF-16 with a byte order mark
        if not isinstance(value, str) or value.strip().lower() in ("", "untitled", "(anonymous)"):
            return None  # tools that fill in a title nobody chose
        return value.strip()
    except Exception:  # the title is a nicety; a broken info dictionary is no reason to stop
        return None


def _page_lines(layout, page: int, counts: tuple[list[int], list[int]]) -> list[_Line]:
    from pdfminer.layout import LTChar, LTTextBox, LTTextLineHorizontal

    raw: list = []
    boxes = [0]

    def collect(item) -> None:
        if isinstance(item, LTTextLineHorizontal):
            raw.append((item, boxes[0]))
            return
        if isinstance(item, LTTextBox):
            boxes[0] += 1
        try:
            children = list(item)
        except TypeError:
            return
        for child in children:
            collect(child)

    for item in layout:
        collect(item)
    lines: list[_Line] = []
    unreadable, readable = counts
    for number, (item, box) in enumerate(raw, start=1):
        text = item.get_text().rstrip("\n").translate(_SPACES)
        text = _LIGATURE_RE.sub(lambda m: _LIGATURES[m.group(0)], text)
        if "(cid:" in text:
            # A font without a map to Unicode: pdfminer can only name the glyph numbers.
            unreadable[0] += sum(len(match) for match in _CID.findall(text))
            text = _CID.sub("", text)
        readable[0] += len(text)
        stripped = text.strip()
        chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
        size = statistics.median(c.size for c in chars) if chars else item.height
        bold = bool(chars) and all(_is_bold(c.fontname) for c in chars)
        lines.append(_Line(
            text=stripped, page=page, number=number, row=0, column=len(text) - len(text.lstrip()) + 1,
            x0=item.x0, y0=item.y0, x1=item.x1, y1=item.y1, size=size, bold=bold,
            page_height=layout.height, box=box,
        ))
    lines = [line for line in lines if line.text]
    _number_rows(lines)
    return lines


def _number_rows(lines: list[_Line]) -> None:
    """Visual line numbers: lines whose vertical middles are close share a row."""
    row = 0
    previous_middle = None
    previous_height = 0.0
    for line in sorted(lines, key=lambda item: (-(item.y0 + item.y1) / 2, item.x0)):
        middle = (line.y0 + line.y1) / 2
        if previous_middle is None or previous_middle - middle > min(previous_height, line.height) / 2:
            row += 1
            previous_middle, previous_height = middle, line.height
        line.row = row


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(mark in name for mark in ("bold", "black", "heavy", "semibold", ",b")) or name.endswith("-bd")


# --- page furniture -----------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _find_furniture(pages: list[list[_Line]]) -> dict[tuple[int, int], BlockKind]:
    """Lines that are running headers/footers or page numbers, by (page, line number)."""
    candidates: list[tuple[_Line, BlockKind]] = []
    for lines in pages:
        if not lines:
            continue
        height = lines[0].page_height or max(line.y1 for line in lines)
        by_height = sorted(lines, key=lambda line: -line.y1)
        for line in by_height[:FURNITURE_LINES]:
            if line.y0 >= height * (1 - FURNITURE_BAND):
                candidates.append((line, BlockKind.PAGE_HEADER))
        for line in by_height[::-1][:FURNITURE_LINES]:
            if line.y1 <= height * FURNITURE_BAND:
                candidates.append((line, BlockKind.PAGE_FOOTER))
    pages_per_key: dict[str, set[int]] = {}
    for line, _ in candidates:
        pages_per_key.setdefault(_furniture_key(line.text), set()).add(line.page)
    result: dict[tuple[int, int], BlockKind] = {}
    for line, kind in candidates:
        repeated = len(pages_per_key[_furniture_key(line.text)]) >= 2
        if repeated or _PAGE_NUMBER.match(line.text):
            result[(line.page, line.number)] = kind
    return result


# --- lines to paragraphs ------------------------------------------------------------------


def _merge_bullet_markers(lines: list[_Line]) -> list[_Line]:
    """A bullet drawn apart from its text (a tab away) becomes one line with it.

    pdfminer often groups such markers into a column of their own, so the text is looked
    for on the same row to the right. The merged line takes the marker's place in the
    order, keeps the marker's x0 (for the hanging indent) and the text's own row and
    columns; the marker is cut off again when the list item is built.
    """
    partners: dict[int, int] = {}
    taken: set[int] = set()
    for index, line in enumerate(lines):
        if not _BULLET_ONLY.match(line.text):
            continue
        best = None
        for other_index in range(max(0, index - 60), min(len(lines), index + 60)):
            other = lines[other_index]
            if (other_index in taken or other_index == index or other.page != line.page
                    or other.row != line.row or other.x0 <= line.x1 or _BULLET_ONLY.match(other.text)):
                continue
            if best is None or other.x0 < lines[best].x0:
                best = other_index
        if best is not None and lines[best].x0 - line.x1 < 6 * line.size:
            partners[index] = best
            taken.add(best)
    result: list[_Line] = []
    for index, line in enumerate(lines):
        if index in taken:
            continue
        if index not in partners:
            result.append(line)
            continue
        text_line = lines[partners[index]]
        shift = len(line.text) + 1
        result.append(_Line(
            text=line.text + " " + text_line.text, page=line.page, number=text_line.number,
            row=text_line.row, column=text_line.column - shift, x0=line.x0,
            y0=min(line.y0, text_line.y0), x1=text_line.x1, y1=max(line.y1, text_line.y1),
            size=text_line.size, bold=text_line.bold, page_height=text_line.page_height,
            box=text_line.box, breaks=[(offset + shift, column) for offset, column in text_line.breaks],
        ))
    return result


def _read_tables(lines: list[_Line]) -> list[_Line]:
    """Read side-by-side text boxes whose rows line up (a table) row by row.

    pdfminer returns each table column as a box of its own, so a kenmerk block or a
    financial table would come out as "Datum Kenmerk Onderwerp 3 maart 2026 ...": one long
    non-sentence. Row by row, each cell becomes its own block, like a Word table cell.
    """
    runs: list[list[_Line]] = []
    for line in lines:
        if runs and runs[-1][-1].page == line.page and runs[-1][-1].box == line.box:
            runs[-1].append(line)
        else:
            runs.append([line])
    result: list[_Line] = []
    used: set[int] = set()
    for index, run in enumerate(runs):
        if index in used:
            continue
        group = [run]
        # pdfminer may put another box between the columns of a table: look a little ahead.
        for following in range(index + 1, min(len(runs), index + 12)):
            if following not in used and _beside(group, runs[following]):
                group.append(runs[following])
                used.add(following)
        if len(group) >= 2 and not _text_columns(group):
            result.extend(_row_by_row(group))
        else:
            for other in group:
                result.extend(other)
    return result


def _text_columns(group: list[list[_Line]]) -> bool:
    """Columns of running text (a two-column page), not a table: long runs of long lines."""
    return all(
        len(run) >= 6 and statistics.median(len(line.text.split()) for line in run) >= 6 for run in group)


def _beside(group: list[list[_Line]], run: list[_Line]) -> bool:
    if run[0].page != group[0][0].page:
        return False
    x0 = min(line.x0 for line in run)
    if any(abs(x0 - min(line.x0 for line in other)) < 20 for other in group):
        return False  # same left edge: one below the other, not a column beside it
    rows = {line.row for line in run}
    group_rows = {line.row for other in group for line in other}
    shared = len(rows & group_rows)
    return shared >= 2 and shared >= 0.5 * min(len(rows), len(group_rows))


def _row_by_row(group: list[list[_Line]]) -> list[_Line]:
    column_of = {id(line): column for column, run in enumerate(group) for line in run}
    ordered = sorted((line for run in group for line in run), key=lambda line: (line.row, line.x0))
    columns_per_row: dict[int, set[int]] = {}
    for line in ordered:
        columns_per_row.setdefault(line.row, set()).add(column_of[id(line)])
    previous: _Line | None = None
    for line in ordered:
        line.cell = True
        column = column_of[id(line)]
        # A wrapped cell: the next row holds only this column, right under its previous line.
        continues = (previous is not None and column_of[id(previous)] == column
                     and previous.row == line.row - 1 and columns_per_row[line.row] == {column})
        line.cell_start = not continues
        previous = line
    return ordered


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    right_edge: dict[int, float] = {}
    for line in lines:
        right_edge[line.page] = max(right_edge.get(line.page, 0.0), line.x1)
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if current and _starts_new_paragraph(current, line, right_edge):
            paragraphs.append(current)
            current = []
        current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _starts_new_paragraph(current: list[_Line], line: _Line, right_edge: dict[int, float]) -> bool:
    previous = current[-1]
    first = current[0]
    if line.cell or previous.cell:
        return line.cell_start or line.cell != previous.cell
    if _BULLET.match(line.text):
        return True
    if abs(line.size - previous.size) > 0.15 * previous.size or line.bold != previous.bold:
        return True
    if line.page != previous.page:
        # A paragraph that runs on to the next page: no closing punctuation, lowercase start.
        return previous.text[-1] in _SENTENCE_END or not line.text[0].islower()
    gap = previous.y0 - line.y1
    if gap < -previous.height / 2 or gap > 0.5 * min(previous.height, line.height) + 1:
        return True  # a blank line's worth of space, or a jump up (next column)
    in_list = bool(_BULLET.match(first.text))
    char_width = previous.size * 0.5
    if in_list:
        # Continuation lines of a list item hang to the right of the marker.
        return line.x0 <= first.x0 + char_width / 2
    if len(current) >= 2 and line.x0 - previous.x0 > 2 * char_width:
        return True  # first-line indent of a new paragraph
    width = right_edge.get(previous.page, previous.x1) - first.x0
    if previous.text[-1] in _SENTENCE_END and previous.x1 < first.x0 + 0.7 * width and len(current) >= 1:
        return True  # a short line that ends a sentence ends the paragraph
    return False


def _body_size(lines: list[_Line]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


def _is_heading(paragraph: list[_Line], body_size: float) -> bool:
    marker = _BULLET.match(paragraph[0].text)
    if len(paragraph) > 2 or (marker and not marker.group(1)[0].isdigit()):
        return False  # a bullet is a list item; "2. Aanleiding" in bold can be a heading
    text = " ".join(line.text for line in paragraph)
    if len(text.split()) > 14 or text[-1] in ".,;":
        return False
    size = paragraph[0].size
    return size >= body_size * 1.15 or (all(line.bold for line in paragraph) and size >= body_size * 0.95)


def _paragraph_block(paragraph: list[_Line], body_size: float, heading_sizes: list[float]) -> Block:
    kind, level = BlockKind.PARAGRAPH, None
    first = paragraph[0]
    if _is_heading(paragraph, body_size):
        kind = BlockKind.HEADING
        size = round(first.size * 2) / 2
        level = heading_sizes.index(size) + 1 if size in heading_sizes else len(heading_sizes) + 1
    marker = _BULLET.match(first.text)
    lines = list(paragraph)
    if first.cell:
        kind, level, marker = BlockKind.TABLE_CELL, None, None
    if marker and kind == BlockKind.PARAGRAPH:
        kind, level = BlockKind.LIST_ITEM, 1
        cut = marker.end()
        lines[0] = _Line(**{**first.__dict__, "text": first.text[cut:], "column": first.column + cut,
                            "breaks": [(o - cut, c) for o, c in first.breaks if o >= cut]})
    text, segments = _join(lines)
    return Block(kind, text, segments, source_ref={"page": first.page, "line": first.row}, level=level)


def _segments_for(lines: list[_Line]) -> tuple[Segment, ...]:
    return _join(lines)[1]


# --- joining lines: hyphenation and ligature gaps -----------------------------------------


def _join(lines: list[_Line]) -> tuple[str, tuple[Segment, ...]]:
    text = ""
    segments: list[Segment] = []
    for index, line in enumerate(lines):
        if index:
            text, separator = _join_point(text, line.text)
            text += separator
        start = len(text)
        segments.append(Segment(start, line.row, line.column, line.page))
        for offset, column in line.breaks:
            segments.append(Segment(start + offset, line.row, column, line.page))
        text += line.text
    return text, tuple(segments)


_TRAILING_WORD = re.compile(r"([^\W\d_]+)-$")
_LEADING_WORD = re.compile(r"^([^\W\d_]+)")
_LIGATURE_END = re.compile(r"([^\W\d_]*(?:fi|fl|ff))$")


def _join_point(text: str, following: str) -> tuple[str, str]:
    """(text with a line-end hyphen dropped or kept, separator) for joining two lines."""
    if text.endswith("\u00ad"):  # a soft hyphen marks a break inside a word
        return text[:-1], ""
    before = _TRAILING_WORD.search(text)
    after = _LEADING_WORD.match(following)
    if before and after and not text.endswith(" -"):
        if after.group(1) in ("en", "of", "tot") and following[len(after.group(1)):][:1] == " ":
            return text, " "  # "groente-⏎en fruitafval": the hyphen stands for a left-out part
        if dehyphenate(before.group(1), after.group(1)):
            return text[:-1], ""
        return text, ""  # a real hyphen: WOZ-⏎waarde → WOZ-waarde
    if text.endswith("-") and following[:1].isalnum() and not text.endswith(" -"):
        return text, ""  # "2025-⏎2026"-like: keep the hyphen, no space
    ligature = _LIGATURE_END.search(text)
    if ligature and after and _is_ligature_gap(ligature.group(1), after.group(1)):
        return text, ""
    return text, " "


def dehyphenate(left: str, right: str) -> bool:
    """True when "left-⏎right" is one word broken at the line end, False for a real hyphen."""
    if len(left) < 2 or not right[:1].islower():
        return False  # e-mail, Noord-Holland
    if left.isupper() or any(char.isupper() for char in left[1:]):
        return False  # WOZ-waarde, AOW-leeftijd
    if left.lower() in _HYPHEN_PREFIXES:
        return False
    if left[-1].lower() in _VOWELS and right[0].lower() in _VOWELS:
        return False  # Dutch spelling keeps a hyphen between clashing vowels: zee-egel, auto-ongeluk
    joined = (left + right).lower()
    if _zipf(joined) >= 1.0:
        return True
    # Unknown as one word but two known words (tv-programma, btw-nummer): a real hyphen.
    return not (_zipf(left.lower()) >= 2.0 and _zipf(right.lower()) >= 2.0)


def _is_ligature_gap(left: str, right: str) -> bool:
    """"effi ciënt": joined it is a known word, while the two pieces are not both words."""
    if not right[:1].islower():
        return False
    joined = (left + right).lower()
    if _zipf(joined) < 1.5:
        return False
    return not (_zipf(left.lower()) >= 2.0 and _zipf(right.lower()) >= 2.0)


_GAP_IN_LINE = re.compile(r"([^\W\d_]*(?:fi|fl|ff)) ([^\W\d_]+)")


def _repair_ligature_gaps(line: _Line) -> None:
    """Remove spaces that pdfminer put after a ligature glyph inside a word."""
    if not any(pair in line.text for pair in ("fi ", "fl ", "ff ")):
        return
    text = line.text
    pieces: list[str] = []
    breaks: list[tuple[int, int]] = []
    position = 0
    removed = 0
    for match in _GAP_IN_LINE.finditer(text):
        if not _is_ligature_gap(match.group(1), match.group(2)):
            continue
        space = match.start(2) - 1
        pieces.append(text[position:space])
        position = space + 1
        removed += 1
        # The rest of the line now starts one character earlier in the text than in the line.
        breaks.append((space, line.column + space + 1))
    if not removed:
        return
    pieces.append(text[position:])
    line.text = "".join(pieces)
    # Offsets of later breaks shift left by the spaces removed before them.
    line.breaks = [(offset - index, column) for index, (offset, column) in enumerate(breaks)]


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from directduidelijk.wordfreq_nl import zipf

    return zipf(word)
