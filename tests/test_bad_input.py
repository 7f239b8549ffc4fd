"""Bad input: every case ends in a clean ReadError with a stable code and a Dutch message
(or, for text that is not Dutch, a warning) — never a traceback, never a changed file."""

from __future__ import annotations

import io
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from directduidelijk.readers import ERROR_CODES, ReadError, read_bytes, read_path
from directduidelijk.readers.language_check import WARNING as NOT_DUTCH
from fixtures_readers import docx_bytes_with_body, letter_docx, letter_pdf

DUTCH_WORDS = {"het", "de", "een", "is", "niet", "geen", "bestand", "dit", "kan", "met", "van", "op"}
ENGLISH = (
    "Dear Mr Smith,\n\nThank you for your application. We have looked at it carefully and we are "
    "happy to tell you that it has been approved. The money will be paid into your bank account "
    "within two weeks. If you have any questions about this letter, please call us on the number "
    "at the top of this page or send us an email. We will answer within five working days.\n"
)


def assert_dutch(message: str) -> None:
    words = {word.strip(".,:;()'").lower() for word in message.split()}
    assert words & DUTCH_WORDS, message
    assert "Traceback" not in message and "Error" not in message, message


def read_error(path: Path) -> ReadError:
    """Read ``path`` expecting a ReadError; also check that the file was not touched."""
    before = (path.read_bytes(), os.stat(path).st_mtime_ns) if path.is_file() else None
    with pytest.raises(ReadError) as caught:
        read_path(path)
    if before is not None:
        assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    error = caught.value
    assert error.code in ERROR_CODES
    assert_dutch(error.message)
    return error


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def docx_bytes(tmp_path: Path) -> bytes:
    return letter_docx(tmp_path / "goed.docx").read_bytes()


def rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """A copy of a zip with some members replaced (None: left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


# --- files and types ------------------------------------------------------------------------


def test_missing_file(tmp_path):
    assert read_error(tmp_path / "bestaat-niet.docx").code == "niet-gevonden"


@pytest.mark.parametrize("name", ["brief.odt", "brief.rtf", "brief"])
def test_unsupported_type(tmp_path, name):
    assert read_error(write(tmp_path / name, b"Een gewone tekst.")).code == "onbekend-type"


def test_directory_named_like_a_letter(tmp_path):
    (tmp_path / "map.txt").mkdir()
    assert read_error(tmp_path / "map.txt").code == "onbekend-type"


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt", ".md"])
def test_empty_file(tmp_path, suffix):
    assert read_error(write(tmp_path / f"leeg{suffix}", b"")).code == "leeg"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_whitespace_only_file(tmp_path, suffix):
    assert read_error(write(tmp_path / f"spaties{suffix}", b" \n\t\r\n   \n")).code == "leeg"


def test_markdown_with_only_code_and_comments_is_empty(tmp_path):
    path = write(tmp_path / "code.md", b"```\nprint('x')\n```\n\n<!-- alleen commentaar -->\n")
    assert read_error(path).code == "leeg"


def test_binary_named_txt(tmp_path):
    path = write(tmp_path / "plaatje.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert read_error(path).code == "onbekend-type"


def test_english_text_is_read_with_a_warning(tmp_path):
    document = read_path(write(tmp_path / "letter.txt", ENGLISH.encode()))
    assert NOT_DUTCH in document.warnings
    assert_dutch(NOT_DUTCH)


# --- .docx ----------------------------------------------------------------------------------


def test_random_bytes_named_docx(tmp_path):
    error = read_error(write(tmp_path / "brief.docx", os.urandom(4096)))
    assert error.code == "beschadigd"
    assert "geen geldig Word-bestand" in error.message


def test_text_named_docx(tmp_path):
    assert read_error(write(tmp_path / "brief.docx", b"Geachte heer,\nDit is tekst.")).code == "beschadigd"


def test_zip_without_document_xml(tmp_path):
    data = rezip(docx_bytes(tmp_path), {"word/document.xml": None})
    error = read_error(write(tmp_path / "brief.docx", data))
    assert error.code == "beschadigd"
    assert "word/document.xml" in error.message


def test_plain_zip_named_docx(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notities.txt", "Een gewone zip.")
    assert read_error(write(tmp_path / "brief.docx", out.getvalue())).code == "beschadigd"


def test_broken_xml_in_docx(tmp_path):
    data = rezip(docx_bytes(tmp_path), {"word/document.xml": b"<w:document><w:body><w:p>kapot"})
    assert read_error(write(tmp_path / "brief.docx", data)).code == "beschadigd"


def test_spreadsheet_renamed_to_docx(tmp_path):
    source = docx_bytes(tmp_path)
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )
    error = read_error(write(tmp_path / "brief.docx", rezip(source, {"[Content_Types].xml": types})))
    assert error.code in ("onbekend-type", "beschadigd")


def _bomb(size: int, name: str = "word/document.xml") -> bytes:
    """A valid-looking .docx whose ``name`` inflates to ``size`` bytes (written in chunks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            member.write(b"<?xml version='1.0'?><w:document>")
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def test_zip_bomb_is_refused_quickly_and_without_inflating(tmp_path):
    data = _bomb(300 * 1024 * 1024)  # 300 MB of XML, about 300 kB zipped
    assert len(data) < 2 * 1024 * 1024
    path = write(tmp_path / "bom.docx", data)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = read_error(path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code == "te-groot"
    assert elapsed < 2.0
    assert peak < 20 * 1024 * 1024  # a few copies of the zipped file at most, never the XML


def test_small_but_extremely_compressed_part_is_refused(tmp_path):
    # 20 MB of spaces: under the size limits, but inflating ~1000 times is not a letter.
    error = read_error(write(tmp_path / "bom.docx", _bomb(20 * 1024 * 1024, "word/media/plaatje.xml")))
    assert error.code == "te-groot"


def test_zip_that_lies_about_its_sizes(tmp_path):
    """Sizes in the zip directory say 1 kB, the data inflates to 50 MB: stopped, not inflated."""
    source = docx_bytes(tmp_path)
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        real = archive.read("word/document.xml")
    payload = real.replace(b"</w:body>", b"<!--" + b" " * (50 * 1024 * 1024) + b"--></w:body>")
    data = bytearray(rezip(source, {"word/document.xml": payload}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    declared = (1024).to_bytes(4, "little")
    # Patch the uncompressed size in the local header (offset 22) and the central directory.
    local = info.header_offset
    data[local + 22:local + 26] = declared
    entry = bytes(data).find(b"PK\x01\x02", 0)
    while entry != -1:
        name_length = int.from_bytes(data[entry + 28:entry + 30], "little")
        if data[entry + 46:entry + 46 + name_length] == b"word/document.xml":
            data[entry + 24:entry + 28] = declared
        entry = bytes(data).find(b"PK\x01\x02", entry + 4)
    tracemalloc.start()
    try:
        error = read_error(write(tmp_path / "liegt.docx", bytes(data)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code == "beschadigd"
    assert peak < 30 * 1024 * 1024


def test_encrypted_docx(tmp_path):
    # Word stores a password-protected .docx as an OLE compound file with an EncryptedPackage stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(2048)
    error = read_error(write(tmp_path / "geheim.docx", ole))
    assert error.code == "versleuteld"
    assert "wachtwoord" in error.message


def test_old_binary_doc_named_docx(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(2048)
    error = read_error(write(tmp_path / "oud.docx", ole))
    assert error.code == "onbekend-type"
    assert ".docx" in error.message


def test_docx_with_only_empty_paragraphs_is_empty(tmp_path):
    data = docx_bytes_with_body("<w:p/><w:p><w:r><w:t xml:space='preserve'>   </w:t></w:r></w:p>")
    assert read_error(write(tmp_path / "leeg.docx", data)).code == "leeg"


# --- .pdf -----------------------------------------------------------------------------------


@pytest.fixture
def good_pdf(tmp_path) -> bytes:
    return letter_pdf(tmp_path / "goed.pdf").read_bytes()


@pytest.mark.parametrize("keep", [0.5, 0.1, 0.02])
def test_truncated_pdf(tmp_path, good_pdf, keep):
    path = write(tmp_path / "half.pdf", good_pdf[: int(len(good_pdf) * keep)])
    assert read_error(path).code == "beschadigd"


def test_random_bytes_named_pdf(tmp_path):
    assert read_error(write(tmp_path / "ruis.pdf", os.urandom(4096))).code == "beschadigd"


def test_pdf_header_with_garbage(tmp_path):
    data = b"%PDF-1.7\n" + os.urandom(8192)
    assert read_error(write(tmp_path / "ruis.pdf", data)).code == "beschadigd"


def test_encrypted_pdf(tmp_path):
    path = letter_pdf(tmp_path / "geheim.pdf", encrypt="geheim")  # a user password
    error = read_error(path)
    assert error.code == "versleuteld"
    assert "wachtwoord" in error.message


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = letter_pdf(tmp_path / "eigenaar.pdf", encrypt=StandardEncryption("", ownerPassword="baas"))
    assert "gemeenteraad" in " ".join(block.text for block in read_path(path).blocks)


def test_scanned_pdf_without_text_layer(tmp_path):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # a "scanned page": graphics only
    pdf.drawImage(ImageReader(io.BytesIO(_tiny_png())), 100, 100, width=200, height=200)
    pdf.showPage()
    pdf.save()
    error = read_error(path)
    assert error.code == "gescand"
    assert "tekstherkenning" in error.message


def _tiny_png() -> bytes:
    """A 2x2 grey PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _cid_pdf() -> bytes:
    """A one-page PDF whose text uses a Type0 font without a ToUnicode map."""
    content = b"BT /F1 12 Tf 72 700 Td <0041004200430044> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Geheim /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Geheim "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_whose_font_has_no_unicode_map(tmp_path):
    error = read_error(write(tmp_path / "cid.pdf", _cid_pdf()))
    assert error.code == "beschadigd"
    assert "lettertype" in error.message


def test_bad_bytes_through_read_bytes_never_raise_anything_else():
    """Standard input and audit workers use read_bytes: the same clean errors."""
    for fmt, data in [("docx", b"PK\x03\x04kapot"), ("pdf", b"%PDF-1.4 kapot"), ("txt", b"\x00\x01\x02" * 50)]:
        with pytest.raises(ReadError) as caught:
            read_bytes(data, f"-.{fmt}", fmt)
        assert_dutch(caught.value.message)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
def test_damaged_files_give_read_errors_only(tmp_path, fmt):
    """Random damage (flipped bytes, cut-off ends, repeated pieces): a Document or a ReadError."""
    import random

    if fmt == "docx":
        data = docx_bytes(tmp_path)
    elif fmt == "pdf":
        data = letter_pdf(tmp_path / "goed.pdf").read_bytes()
    else:
        data = (Path(__file__).parent / "test_readers.py").read_bytes()
    rng = random.Random(20260522)
    for _ in range(40):
        damaged = bytearray(data)
        how = rng.choice(["flip", "cut", "repeat"])
        if how == "flip":
            for _ in range(rng.randint(1, 20)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        elif how == "cut":
            damaged = damaged[: rng.randrange(len(damaged))]
        else:
            at = rng.randrange(len(damaged))
            damaged = damaged[:at] + damaged[at:at + rng.randint(1, 500)] * 3 + damaged[at:]
        try:
            read_bytes(bytes(damaged), f"kapot.{fmt}", fmt)
        except ReadError as error:
            assert error.code in ERROR_CODES
            assert_dutch(error.message)
