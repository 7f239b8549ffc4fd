"""GitHub Actions workflow commands: one annotation per finding, grouped per file.

``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``.
In the message ``%``, CR and LF are escaped; in the properties also ``:`` and ``,``.
"""

from __future__ import annotations

from directduidelijk.findings import Severity
from directduidelijk.report.lines import display_path, gate_reasons

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, properties: dict, message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}" if props else f"::{command}::{escape_data(message)}"


def title_for(finding, context) -> str:
    rule = (context.rules or {}).get(finding.rule)
    title = getattr(rule, "title", None)
    return f"{finding.rule}: {title}" if title else finding.rule


def render(results, context) -> str:
    out: list[str] = []
    for result in results:
        path = display_path(result.path)
        reasons = gate_reasons(context, result.path)
        if result.error is None and not result.findings and not reasons:
            continue
        out.append(f"::group::{escape_data(path)}")
        if result.error is not None:
            out.append(annotation("error", {"file": path, "title": "directduidelijk: niet gelezen"},
                                  result.error.message))
        for finding in result.findings:
            message = finding.message
            if finding.suggestion:
                message += "\nBeter: " + finding.suggestion
            out.append(annotation(COMMAND[finding.severity], {
                "file": path, "line": finding.line, "col": finding.column,
                "endLine": finding.end_line, "endColumn": finding.end_column,
                "title": title_for(finding, context),
            }, message))
        for reason in reasons:
            out.append(annotation("error", {"file": path, "title": "directduidelijk: drempel"}, reason))
        out.append("::endgroup::")
    findings = sum(len(r.findings) for r in results)
    unreadable = sum(1 for r in results if r.error is not None)
    summary = f"directduidelijk: {findings} {'bevinding' if findings == 1 else 'bevindingen'} in {len(results)} " \
              f"{'document' if len(results) == 1 else 'documenten'}"
    if unreadable:
        summary += f", {unreadable} niet gelezen"
    out.append(summary + ".")
    return "".join(line + "\n" for line in out)
