"""Word (.docx) reader.

python-docx opens the package and resolves styles; the body is walked as XML (w:p and
w:tbl in document order, also inside content controls) because doc.paragraphs skips tables
and python-docx's paragraph.text leaves out field results inside complex fields.

Before python-docx sees the file, the zip is checked: a .docx is a zip, and a small zip
can inflate to gigabytes. First the sizes the zip directory declares, then every member
is inflated once in small chunks and its checksum verified: Python's zipfile never returns
more than a member declares, but a member that lies about its size would still be
inflated in one piece when python-docx reads it whole.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from directduidelijk.document import Block, BlockKind, Document, Segment
from directduidelijk.readers import ReadError
from directduidelijk.readers.letter_parts import label_letter_parts

# Limits on the unpacked package (a long letter with images is a few MB).
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_PART_UNCOMPRESSED = 100 * 1024 * 1024
# XML parts are parsed into trees many times their size: a lower limit for them.
MAX_XML_PART_UNCOMPRESSED = 40 * 1024 * 1024
MAX_MEMBERS = 5000
# A part that inflates more than this factor and is big is a zip bomb, not a letter.
MAX_RATIO = 200
RATIO_CHECK_FROM = 10 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_WORD = "Dit is geen geldig Word-bestand. Open het in Word en sla het opnieuw op als .docx."

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = W + "p", W + "tbl", W + "tr", W + "tc"
_R, _T, _TAB, _BR, _CR = W + "r", W + "t", W + "tab", W + "br", W + "cr"
_FLDCHAR, _FLDSIMPLE, _INSTR = W + "fldChar", W + "fldSimple", W + "instrText"
_NOBREAK_HYPHEN, _SOFT_HYPHEN, _SYM = W + "noBreakHyphen", W + "softHyphen", W + "sym"
_SDT, _SDTCONTENT, _CUSTOMXML = W + "sdt", W + "sdtContent", W + "customXml"
_PPR, _PSTYLE, _NUMPR, _NUMID, _ILVL, _OUTLINE = (
    W + "pPr", W + "pStyle", W + "numPr", W + "numId", W + "ilvl", W + "outlineLvl")
_VAL = W + "val"
_TXBX = W + "txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RPR, _VANISH = W + "rPr", W + "vanish"
_FLDCHARTYPE = W + "fldCharType"
# Containers whose runs are visible text; deleted text (w:del, w:moveFrom) is not.
_RUN_CONTAINERS = {W + name for name in (
    "hyperlink", "fldSimple", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo")}
_SKIP = {W + name for name in ("del", "moveFrom", "pPr", "rPr")}

_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title": 1, "titel": 1, "subtitle": 2, "ondertitel": 2}
_LIST_STYLE = re.compile(r"^(?:list|lijst)\b", re.IGNORECASE)
# Bullets typed by hand at the start of a paragraph.
_MANUAL_BULLET = re.compile(r"^([•▪◦·–\-*]|\d{1,3}[.)]|[a-z]\))\s+(?=\S)")


def read(data: bytes, path: str, fmt: str = "docx") -> Document:
    check_package(data)
    word = _open(data)
    reader = _DocxReader(word)
    document = Document(path=path, format="docx")
    try:
        document.title = word.core_properties.title or None
    except Exception:  # core properties are optional and sometimes malformed
        document.title = None
    try:
        headers, footers = reader.headers_and_footers()
        body = reader.body_blocks()
    except ReadError:
        raise
    except Exception:  # malformed XML inside a valid zip
        raise ReadError("beschadigd", _NOT_WORD) from None
    document.blocks = headers + body + footers
    label_letter_parts(document)
    _number_lines(document)
    return document


# --- safety checks ------------------------------------------------------------------------


def check_package(data: bytes) -> None:
    """Refuse what is not a safe .docx before any XML is parsed."""
    if data.startswith(_OLE_MAGIC):
        # Word encrypts a .docx by wrapping it in an OLE compound file with an
        # "EncryptedPackage" stream; other OLE files are old binary .doc files.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(
                "versleuteld",
                "Het Word-bestand is beveiligd met een wachtwoord. "
                "Haal de beveiliging weg in Word en probeer het opnieuw.",
            )
        raise ReadError(
            "onbekend-type",
            "Dit is een oud Word-bestand (.doc). Open het in Word en sla het op als .docx.",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, NotImplementedError ("zip file version"), struct errors, ...
        raise ReadError("beschadigd", _NOT_WORD) from None
    try:
        _check_members(archive)
    except ReadError:
        raise
    except Exception:  # a zip directory that python's zipfile chokes on
        raise ReadError("beschadigd", _NOT_WORD) from None
    finally:
        archive.close()


def _check_members(archive: zipfile.ZipFile) -> None:
    """Sizes, compression ratio and checksums of every member, before any XML is parsed."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ReadError("te-groot", "Het Word-bestand bevat te veel onderdelen. Is het wel een brief?")
    total = 0
    for member in members:
        total += member.file_size
        is_xml = member.filename.endswith((".xml", ".rels"))
        part_limit = MAX_XML_PART_UNCOMPRESSED if is_xml else MAX_PART_UNCOMPRESSED
        if member.file_size > part_limit or total > MAX_TOTAL_UNCOMPRESSED:
            raise ReadError(
                "te-groot",
                "Het Word-bestand is uitgepakt veel te groot "
                f"({_megabytes(max(member.file_size, total))} MB). Het wordt niet gelezen.",
            )
        if (member.file_size > RATIO_CHECK_FROM
                and member.file_size > MAX_RATIO * max(member.compress_size, 1)):
            raise ReadError(
                "te-groot",
                "Het Word-bestand is verdacht sterk ingepakt (een 'zipbom'). Het wordt niet gelezen.",
            )
        if member.flag_bits & 0x1:
            raise ReadError("versleuteld", "Het Word-bestand is beveiligd met een wachtwoord.")
    names = {member.filename for member in members}
    if "word/document.xml" not in names and not _has_main_document(archive, names):
        raise ReadError("beschadigd", f"{_NOT_WORD} De hoofdtekst (word/document.xml) ontbreekt.")
    for member in members:
        _verify_member(archive, member)


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def _verify_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Inflate one member in 1 MB chunks; its size and checksum must match the directory."""
    try:
        with archive.open(member) as stream:
            while stream.read(1024 * 1024):
                pass
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError):
        raise ReadError("beschadigd", f"{_NOT_WORD} Een onderdeel van het bestand is beschadigd.") from None
    except RuntimeError:  # zipfile: "File ... is encrypted, password required"
        raise ReadError("versleuteld", "Het Word-bestand is beveiligd met een wachtwoord.") from None


def _has_main_document(archive: zipfile.ZipFile, names: set[str]) -> bool:
    # A few tools name the main part differently; the package relationships say which it is.
    if "_rels/.rels" not in names or archive.getinfo("_rels/.rels").file_size > 1024 * 1024:
        return False
    rels = archive.read("_rels/.rels").decode("utf-8", "replace")
    match = re.search(r'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"', rels) or re.search(
        r'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"', rels)
    return bool(match) and match.group(1) in names


def _open(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError:
        # python-docx: "file '...' is not a Word file, content type is ..." (e.g. a renamed .xlsx).
        raise ReadError("onbekend-type", f"{_NOT_WORD} Het is een ander soort Office-bestand.") from None
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile):
        raise ReadError("beschadigd", _NOT_WORD) from None
    except Exception:  # lxml syntax errors and the like
        raise ReadError("beschadigd", _NOT_WORD) from None


# --- reading ------------------------------------------------------------------------------


class _DocxReader:
    def __init__(self, word):
        self.word = word
        self.styles = _StyleInfo(word)

    # body

    def body_blocks(self) -> list[Block]:
        body = self.word.element.body
        # Keyed by the element itself: the dict keeps lxml's proxies alive, so lookups hit.
        index = {p: i for i, p in enumerate(body.iter(_P))}
        blocks: list[Block] = []
        table_counter = [0]
        for element in _block_children(body):
            if element.tag == _P:
                block = self._paragraph_block(element, {"part": "body", "paragraph_index": index[element]})
                if block:
                    blocks.append(block)
                blocks.extend(self._textbox_blocks(element, index))
            else:
                table = table_counter[0]
                table_counter[0] += 1
                blocks.extend(self._table_blocks(element, table, index))
        return blocks

    def _textbox_blocks(self, p, index: dict) -> list[Block]:
        """Paragraphs in text boxes anchored in ``p`` (an address window, a call-out), after it.

        Word stores a text box twice (DrawingML and a VML fallback); only the first is read.
        """
        blocks = []
        for content in p.iter(_TXBX):
            if any(ancestor.tag in (_FALLBACK, _TXBX) for ancestor in content.iterancestors()):
                continue
            for element in _block_children(content):
                if element.tag == _P:
                    block = self._paragraph_block(
                        element, {"part": "body", "paragraph_index": index.get(element), "textbox": True})
                    if block:
                        blocks.append(block)
        return blocks

    def _table_blocks(self, table, number: int, index: dict, kind: BlockKind = BlockKind.TABLE_CELL,
                      part: str = "body") -> list[Block]:
        blocks = []
        rows = [child for child in _block_children(table, (_TR,))]
        for r, row in enumerate(rows):
            cells = list(_block_children(row, (_TC,)))
            for c, cell in enumerate(cells):
                paragraphs = 0
                for element in _block_children(cell):
                    if element.tag == _P:
                        ref = {"part": part, "table": number, "row": r, "cell": c, "paragraph": paragraphs,
                               "paragraph_index": index.get(element)}
                        paragraphs += 1
                        block = self._paragraph_block(element, ref, force_kind=kind)
                        if block:
                            blocks.append(block)
                    else:  # a table inside a cell: its cells are read in place
                        blocks.extend(self._table_blocks(element, number, index, kind, part))
        return blocks

    def _paragraph_block(self, p, source_ref: dict, force_kind: BlockKind | None = None) -> Block | None:
        raw = paragraph_text(p)
        text = raw.strip()
        if not text:
            return None
        start = len(raw) - len(raw.lstrip())
        style_id, num_level, outline = _paragraph_properties(p)
        kind, level = BlockKind.PARAGRAPH, None
        heading_level = self.styles.heading_level(style_id)
        if outline is not None and outline < 9:
            heading_level = outline + 1
        if heading_level is not None:
            kind, level = BlockKind.HEADING, heading_level
        elif num_level is not None or self.styles.is_list(style_id):
            kind, level = BlockKind.LIST_ITEM, (num_level or 0) + 1
        else:
            bullet = _MANUAL_BULLET.match(text)
            if bullet:
                kind, level = BlockKind.LIST_ITEM, 1
                start += bullet.end()
                text = text[bullet.end():]
        if force_kind is not None:
            kind = force_kind
        # One segment per source line (soft line breaks); "line" is filled in by _number_lines.
        segments = [Segment(0, 0, start + 1)]
        for match in re.finditer("\n", raw):
            offset = match.end() - start
            if 0 < offset < len(text):
                segments.append(Segment(offset, 0, match.end() + 1))
        text = text.replace("\n", " ")
        return Block(kind, text, tuple(segments), source_ref=source_ref, level=level)

    # headers and footers

    def headers_and_footers(self) -> tuple[list[Block], list[Block]]:
        headers: list[Block] = []
        footers: list[Block] = []
        seen: set[str] = set()
        for s, section in enumerate(self.word.sections):
            for kind_name, attr_h, attr_f in (
                ("default", "header", "footer"),
                ("first", "first_page_header", "first_page_footer"),
                ("even", "even_page_header", "even_page_footer"),
            ):
                for attr, target, kind in ((attr_h, headers, BlockKind.PAGE_HEADER),
                                           (attr_f, footers, BlockKind.PAGE_FOOTER)):
                    part_object = getattr(section, attr)
                    # Linked headers have no part of their own; asking for their
                    # paragraphs would create one.
                    if part_object.is_linked_to_previous:
                        continue
                    part = part_object.part
                    if str(part.partname) in seen:
                        continue
                    seen.add(str(part.partname))
                    target.extend(self._furniture_blocks(part.element, kind, {
                        "part": "header" if kind == BlockKind.PAGE_HEADER else "footer",
                        "section": s, "type": kind_name, "partname": str(part.partname)}))
        return headers, footers

    def _furniture_blocks(self, root, kind: BlockKind, base_ref: dict) -> list[Block]:
        index = {p: i for i, p in enumerate(root.iter(_P))}
        blocks = []
        for element in _block_children(root):
            if element.tag == _P:
                block = self._paragraph_block(element, {**base_ref, "paragraph_index": index[element]},
                                              force_kind=kind)
                if block:
                    blocks.append(block)
            else:
                for block in self._table_blocks(element, 0, index, kind, base_ref["part"]):
                    block.source_ref = {**base_ref, **(block.source_ref or {}), "part": base_ref["part"]}
                    blocks.append(block)
        return blocks


def _block_children(parent, tags: tuple[str, ...] = (_P, _TBL)):
    """Children with the given tags in order, looking through content controls and custom XML."""
    for child in parent:
        tag = child.tag
        if tag in tags:
            yield child
        elif tag in (_SDT, _SDTCONTENT, _CUSTOMXML):
            yield from _block_children(child, tags)


def paragraph_text(p) -> str:
    """Visible text of a w:p: runs, hyperlinks, field results (simple and complex).

    Soft line breaks come out as "\\n" (the caller turns them into spaces); tabs as a space.
    Text inside field instructions (e.g. 'MERGEFIELD Naam'), hidden and deleted text is left out.
    A block's column minus one is an offset in this text.
    """
    return "".join(text for _, text in _visible_pieces(p))


def paragraph_runs(p) -> list[tuple[object, int, int]]:
    """(w:r element, start, end) offsets of each run's visible text in ``paragraph_text(p)``.

    For writers that go back into the file (Word comments): a finding at block column c
    (1-based) with length n covers the runs that overlap [c - 1, c - 1 + n).
    """
    runs: list[tuple[object, int, int]] = []
    offset = 0
    for run, text in _visible_pieces(p):
        if runs and runs[-1][0] is run:
            runs[-1] = (run, runs[-1][1], offset + len(text))
        elif text:
            runs.append((run, offset, offset + len(text)))
        offset += len(text)
    return runs


def _visible_pieces(p) -> list[tuple[object, str]]:
    pieces: list[tuple[object, str]] = []
    # Stack of complex fields: True while in the instruction part (before "separate").
    fields: list[bool] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                run(child)
            elif tag in _RUN_CONTAINERS:
                walk(child)
            # everything else (w:del, w:pPr, bookmarks, drawings, text boxes) is not paragraph text

    def run(r) -> None:
        hidden = _is_hidden(r)
        for child in r:
            tag = child.tag
            if tag == _FLDCHAR:
                kind = child.get(_FLDCHARTYPE)
                if kind == "begin":
                    fields.append(True)
                elif kind == "separate" and fields:
                    fields[-1] = False
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if hidden or any(fields):
                continue  # hidden text (template notes) or a field instruction
            if tag == _T:
                pieces.append((r, child.text or ""))
            elif tag == _TAB:
                pieces.append((r, " "))
            elif tag in (_BR, _CR):
                pieces.append((r, "\n"))
            elif tag == _NOBREAK_HYPHEN:
                pieces.append((r, "-"))
            # w:softHyphen is invisible; w:sym is a symbol-font picture, w:instrText an instruction

    walk(p)
    walk = None  # walk calls itself through its closure: break that cycle, so refcounting frees it all
    return pieces


def _is_hidden(r) -> bool:
    rpr = r.find(_RPR)
    if rpr is None:
        return False
    vanish = rpr.find(_VANISH)
    return vanish is not None and vanish.get(_VAL) not in ("0", "false", "off")


def _paragraph_properties(p) -> tuple[str | None, int | None, int | None]:
    """(style id, list level if numbered/bulleted, outline level) from the paragraph's own pPr."""
    ppr = p.find(_PPR)
    if ppr is None:
        return None, None, None
    style = ppr.find(_PSTYLE)
    style_id = style.get(_VAL) if style is not None else None
    num_level = None
    numpr = ppr.find(_NUMPR)
    if numpr is not None:
        num_id = numpr.find(_NUMID)
        # numId 0 switches numbering off (e.g. a list style with numbering removed).
        if num_id is None or num_id.get(_VAL) != "0":
            ilvl = numpr.find(_ILVL)
            num_level = _int(ilvl.get(_VAL)) if ilvl is not None else 0
    outline_element = ppr.find(_OUTLINE)
    outline = _int(outline_element.get(_VAL)) if outline_element is not None else None
    return style_id, num_level, outline


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _StyleInfo:
    """Heading level and list-ness per paragraph style id, following base styles."""

    def __init__(self, word):
        self._styles = {}
        try:
            for style in word.styles:
                if style.style_id:
                    self._styles[style.style_id] = style
        except Exception:  # a broken styles part: fall back to plain paragraphs
            pass
        self._heading: dict[str | None, int | None] = {}
        self._list: dict[str | None, bool] = {}

    def _chain(self, style_id: str | None):
        style = self._styles.get(style_id) if style_id else None
        depth = 0
        while style is not None and depth < 10:
            yield style
            try:
                style = style.base_style
            except Exception:
                return
            depth += 1

    def heading_level(self, style_id: str | None) -> int | None:
        if style_id not in self._heading:
            level = None
            for style in self._chain(style_id):
                name = (style.name or "").strip()
                match = _HEADING_STYLE.match(name)
                if match:
                    level = int(match.group(1))
                    break
                if name.lower() in _TITLE_STYLES:
                    level = _TITLE_STYLES[name.lower()]
                    break
                outline = _style_outline(style)
                if outline is not None and outline < 9:
                    level = outline + 1
                    break
            self._heading[style_id] = level
        return self._heading[style_id]

    def is_list(self, style_id: str | None) -> bool:
        if style_id not in self._list:
            result = False
            for style in self._chain(style_id):
                if _LIST_STYLE.match(style.name or ""):
                    # "List Paragraph" (Lijstalinea) is only a list with numbering; the
                    # numPr check in _paragraph_properties covers that case.
                    result = "paragraph" not in (style.name or "").lower() and "alinea" not in (
                        style.name or "").lower()
                    break
                ppr = style.element.find(_PPR)
                if ppr is not None and ppr.find(_NUMPR) is not None:
                    result = True
                    break
            self._list[style_id] = result
        return self._list[style_id]


def _style_outline(style) -> int | None:
    ppr = style.element.find(_PPR)
    if ppr is None:
        return None
    outline = ppr.find(_OUTLINE)
    return _int(outline.get(_VAL)) if outline is not None else None


def _number_lines(document: Document) -> None:
    """For .docx, a segment's line is the block's paragraph ordinal (as shown to the user)."""
    ordinal = furniture = 0
    for block in document.blocks:
        if block.kind in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER):
            furniture += 1
            line = furniture
        else:
            ordinal += 1
            line = ordinal
        block.segments = tuple(Segment(s.start, line, s.column, s.page) for s in block.segments)
