"""`--fix` for .md and .txt: apply safe replacements only, show the diff, write atomically.

A fix is applied only when the finding says it is safe (`veilig`: one unambiguous
plain word, same meaning), and only when the source still holds exactly the flagged
text at that place. Everything that could change the meaning stays a suggestion.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from directduidelijk.findings import Finding

FIXABLE_FORMATS = ("md", "txt")


@dataclass
class FixResult:
    path: str
    original: str
    fixed: str
    applied: list[Finding]
    encoding: str
    bom: bool

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"{self.path} (nu)", tofile=f"{self.path} (verbeterd)",
        ))


def decode(data: bytes) -> tuple[str, str, bool]:
    """Decode like the text reader: UTF-8 (with or without BOM), else cp1252, else latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8", True
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding, False
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def plan_fixes(path: str, findings: list[Finding]) -> FixResult:
    data = Path(path).read_bytes()
    original, encoding, bom = decode(data)
    starts = _line_starts(original)
    edits: list[tuple[int, int, str, Finding]] = []
    for finding in findings:
        if finding.fix is None or finding.fix.applicability != "veilig":
            continue
        if not (1 <= finding.line <= len(starts) and 1 <= finding.end_line <= len(starts)):
            continue
        begin = starts[finding.line - 1] + finding.column - 1
        end = starts[finding.end_line - 1] + finding.end_column
        if original[begin:end] != finding.text:
            continue  # the source does not hold what we flagged here: never guess
        edits.append((begin, end, finding.fix.replacement, finding))
    edits.sort(key=lambda edit: edit[0])
    fixed_parts, applied, cursor = [], [], 0
    for begin, end, replacement, finding in edits:
        if begin < cursor:
            continue  # overlapping fixes: keep the first
        fixed_parts.append(original[cursor:begin])
        fixed_parts.append(replacement)
        applied.append(finding)
        cursor = end
    fixed_parts.append(original[cursor:])
    return FixResult(path, original, "".join(fixed_parts), applied, encoding, bom)


def write_fixed(result: FixResult) -> None:
    """Replace the file atomically, keeping its encoding, BOM and permissions."""
    target = Path(result.path)
    data = result.fixed.encode(result.encoding)
    if result.bom:
        data = b"\xef\xbb\xbf" + data
    temporary = target.with_name(f".{target.name}.directduidelijk-{os.getpid()}")
    temporary.write_bytes(data)
    try:
        os.chmod(temporary, target.stat().st_mode)
    except OSError:
        pass
    os.replace(temporary, target)
