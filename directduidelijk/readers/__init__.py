"""Readers turn a file (or standard input) into the neutral Document model.

Each format has one module with a ``read(data: bytes, path: str, fmt: str) -> Document``
function. Problems that make a file unreadable raise ReadError with a code and a
Dutch message; problems that do not stop the check go into Document.warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from directduidelijk.document import Document

# Refuse larger inputs outright, before parsing (a letter is a few hundred kB).
MAX_INPUT_BYTES = 50 * 1024 * 1024

SUPPORTED_SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md"}


class ReadError(Exception):
    """A file that cannot be checked. ``code`` is stable (JSON), ``message`` is Dutch (B1)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# Stable error codes, documented in the README (exit code 2 for all of them).
ERROR_CODES = {
    "niet-gevonden": "Het bestand bestaat niet.",
    "geen-toegang": "Het bestand kan niet worden geopend.",
    "onbekend-type": "Dit soort bestand kan directduidelijk niet lezen.",
    "beschadigd": "Het bestand is beschadigd.",
    "versleuteld": "Het bestand is beveiligd met een wachtwoord.",
    "gescand": "De PDF heeft geen tekstlaag (gescand).",
    "leeg": "Het bestand bevat geen tekst.",
    "te-groot": "Het bestand is te groot.",
}


def format_for(name: str) -> str | None:
    return SUPPORTED_SUFFIXES.get(Path(name).suffix.lower())


def read_path(path: str | Path, format_hint: str | None = None) -> Document:
    """Read a file from disk. Never modifies it."""
    path = Path(path)
    fmt = format_hint or format_for(path.name)
    if fmt is None:
        raise ReadError(
            "onbekend-type",
            f"Dit soort bestand ({path.suffix or 'zonder extensie'}) kan directduidelijk niet lezen. "
            "Gebruik .docx, .pdf, .txt of .md.",
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("niet-gevonden", "Het bestand bestaat niet.") from None
    except OSError as error:
        raise ReadError("geen-toegang", f"Het bestand kan niet worden geopend ({error.strerror}).") from None
    if path.is_dir():
        raise ReadError("onbekend-type", "Dit is een map, geen bestand.")
    if size > MAX_INPUT_BYTES:
        raise ReadError(
            "te-groot",
            f"Het bestand is te groot ({size // (1024 * 1024)} MB). De grens is {MAX_INPUT_BYTES // (1024 * 1024)} MB.",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError("geen-toegang", f"Het bestand kan niet worden geopend ({error.strerror}).") from None
    return read_bytes(data, str(path), fmt)


def read_bytes(data: bytes, path: str, fmt: str) -> Document:
    """Read content already in memory (standard input, audit workers)."""
    if len(data) > MAX_INPUT_BYTES:
        raise ReadError("te-groot", "Het bestand is te groot.")
    if not data.strip():
        raise ReadError("leeg", "Het bestand is leeg.")
    if fmt == "docx":
        from directduidelijk.readers import docx as reader
    elif fmt == "pdf":
        from directduidelijk.readers import pdf as reader
    elif fmt in ("txt", "md"):
        from directduidelijk.readers import text as reader
    else:
        raise ReadError("onbekend-type", f"Onbekend formaat '{fmt}'.")
    document = reader.read(data, path, fmt)
    document.number_blocks()
    if not any(block.text.strip() for block in document.blocks):
        raise ReadError("leeg", "Het bestand bevat geen tekst.")
    from directduidelijk.readers.language_check import dutch_warning

    warning = dutch_warning(document)
    if warning and warning not in document.warnings:
        document.warnings.append(warning)
    return document


@dataclass(frozen=True)
class Input:
    """One thing to check: a path on disk, or standard input ('-')."""

    name: str
    data: bytes | None = None  # set for standard input
    format: str | None = None
