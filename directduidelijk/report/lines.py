"""`lines`: one finding per line, ``path:line:column: rule: message`` (like ruff's concise output).

Unreadable files appear as ``path: fout: message``. Easy to grep, and editors jump to the spot.
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: str) -> str:
    """The path as a user (or CI system) refers to it: relative to the working folder, forward slashes."""
    if path == "-":
        return path
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            pass
    text = candidate.as_posix()
    if os.sep != "/":
        text = text.replace(os.sep, "/")
    return text


def one_line(text: str) -> str:
    """A message on one line: newlines and tabs become spaces."""
    return " ".join(text.split())


def gate_reasons(context, path: str) -> list[str]:
    """Metric threshold reasons for this document (from gate.py via context.options), if any."""
    gates = (context.options or {}).get("gates") or {}
    gate = gates.get(path)
    return list(getattr(gate, "threshold_reasons", []) or []) if gate is not None else []


def render(results, context) -> str:
    out: list[str] = []
    for result in results:
        path = display_path(result.path)
        if result.error is not None:
            out.append(f"{path}: fout: {one_line(result.error.message)}")
            continue
        for finding in result.findings:
            out.append(f"{path}:{finding.line}:{finding.column}: {finding.rule}: {one_line(finding.message)}")
        for reason in gate_reasons(context, result.path):
            out.append(f"{path}: drempel: {one_line(reason)}")
    return "".join(line + "\n" for line in out)
