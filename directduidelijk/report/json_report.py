"""The JSON report: a stable, versioned contract. Extend it; never rename or remove a field.

Version 1 fields are listed in docs/json-rapport.md.
"""

from __future__ import annotations

import json

from directduidelijk.checking import DocumentResult
from directduidelijk.findings import Finding, Severity
from directduidelijk.report import JSON_REPORT_VERSION, RenderContext, ToolInfo


def finding_to_dict(finding: Finding) -> dict:
    record = {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "text": finding.text,
        "sentence": finding.sentence,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "location": {"page": finding.page, "paragraph": finding.paragraph},
        # Additions in version 1 (extensions, never removed):
        "rule_set": finding.rule_set,
        "fix": None if finding.fix is None else {
            "replacement": finding.fix.replacement, "applicability": finding.fix.applicability,
        },
    }
    return record


def document_to_dict(result: DocumentResult) -> dict:
    record: dict = {"path": result.path, "format": result.format}
    if result.error is not None:
        record["error"] = {"code": result.error.code, "message": result.error.message}
        return record
    record["metrics"] = result.metrics
    record["findings"] = [finding_to_dict(f) for f in result.findings]
    record["warnings"] = list(result.warnings)
    record["genre"] = result.genre
    return record


def summary(results: list[DocumentResult]) -> dict:
    findings = [f for r in results for f in r.findings]
    by_severity = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    return {
        "documents": len(results),
        "findings": len(findings),
        "errors": sum(1 for r in results if r.error is not None),
        "by_severity": by_severity,
    }


def build_report(results: list[DocumentResult], tool: ToolInfo) -> dict:
    tool_record = {"name": tool.name, "version": tool.version}
    if tool.model is not None:
        tool_record["model"] = tool.model
    if tool.rule_sets:
        tool_record["rule_sets"] = list(tool.rule_sets)
    return {
        "version": JSON_REPORT_VERSION,
        "tool": tool_record,
        "documents": [document_to_dict(r) for r in results],
        "summary": summary(results),
    }


def render(results: list[DocumentResult], context: RenderContext) -> str:
    report = build_report(results, context.tool)
    add_gate_and_baseline(report, results, context.options or {})
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def add_gate_and_baseline(report: dict, results: list[DocumentResult], options: dict) -> None:
    """Additions to version 1: `documents[].gate` {passed, reasons, thresholds} (gate.py) and
    `summary.baseline` {matched, new, stale} when the check ran with --baseline."""
    gates = options.get("gates") or {}
    for result, record in zip(results, report["documents"]):
        gate = gates.get(result.path) if result.error is None else None
        if gate is not None:
            record["gate"] = gate.to_dict()
    if options.get("baseline") is not None:
        report["summary"]["baseline"] = options["baseline"]
