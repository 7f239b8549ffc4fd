"""Renderers: each turns the same check results into one output format.

Every text renderer is a module with ``render(results, context) -> str``; the CLI
picks one by name from RENDERERS and imports it only when used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

JSON_REPORT_VERSION = 1

# Format name -> module implementing render(results, context) -> str.
# "rich" (the terminal report) is handled by report.terminal, which prints to a console.
RENDERERS: dict[str, str] = {
    "json": "directduidelijk.report.json_report",
    "html": "directduidelijk.report.html_document",
    "sarif": "directduidelijk.report.sarif",
    "github": "directduidelijk.report.github",
    "junit": "directduidelijk.report.junit",
    "lines": "directduidelijk.report.lines",
}


@dataclass(frozen=True, slots=True)
class ToolInfo:
    name: str
    version: str
    model: dict | None = None  # {"name", "version", "source", "lint_compatible"}
    rule_sets: tuple[str, ...] = ()


@dataclass(slots=True)
class RenderContext:
    tool: ToolInfo
    rules: dict[str, Any] = field(default_factory=dict)  # rule id -> Rule (for SARIF descriptions)
    fail_on: Any = None  # Severity
    options: dict[str, Any] = field(default_factory=dict)


def renderer(name: str):
    return importlib.import_module(RENDERERS[name])
