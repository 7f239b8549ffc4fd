"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

One run; the driver lists the rules that occur in the results (with the full `uitleg`
text as help); each finding is a result with a region (SARIF ``endColumn`` is exclusive,
ours is inclusive, hence +1) and a line-independent fingerprint. Unreadable files are
tool execution notifications.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from directduidelijk.baseline import fingerprint
from directduidelijk.findings import Severity
from directduidelijk.report.lines import display_path, gate_reasons

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/directduidelijk/directduidelijk"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
FINGERPRINT_KEY = "directduidelijk/v1"


def artifact_uri(path: str) -> str:
    """A relative URI reference: forward slashes, spaces and non-ASCII percent-encoded."""
    return quote(display_path(path), safe="/-._~")


def pascal_case(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)


def help_text(rule) -> str:
    """The full `uitleg` text; wat + waarom when the explain module is not available."""
    try:
        from directduidelijk.engine.explain import explain

        text = explain(rule)
        if text:
            return text
    except Exception:  # noqa: BLE001 - a missing or failing explainer must not break the report
        pass
    parts = [getattr(rule, "what", "") or "", getattr(rule, "why", "") or ""]
    return "\n\n".join(part for part in parts if part)


def plain_text(markdown: str) -> str:
    """The `uitleg` Markdown as plain text: no heading marks, bold or code marks."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = line.replace("**", "").replace("`", "")
        lines.append(line)
    return "\n".join(lines)


def rule_descriptor(rule_id: str, rule, fallback_severity: Severity) -> dict:
    if rule is None:
        return {"id": rule_id, "name": pascal_case(rule_id),
                "shortDescription": {"text": rule_id},
                "defaultConfiguration": {"level": LEVEL[fallback_severity]}}
    descriptor = {
        "id": rule_id,
        "name": pascal_case(rule_id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.what or rule.title},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.rule_set]},
    }
    text = help_text(rule)
    if text:
        descriptor["help"] = {"text": plain_text(text), "markdown": text}
    if getattr(rule, "source", None):
        descriptor["helpUri"] = rule.source if str(rule.source).startswith(("http://", "https://")) else None
        if descriptor["helpUri"] is None:
            del descriptor["helpUri"]
    return descriptor


def result_record(finding, path: str, rule_index: int) -> dict:
    message = finding.message
    if finding.suggestion:
        message += "\nBeter: " + finding.suggestion
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column + 1,
        "snippet": {"text": finding.text},
    }
    record = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding.rule, finding.sentence)},
    }
    properties = {"severity": finding.severity.value, "paragraph": finding.paragraph}
    if finding.page is not None:
        properties["page"] = finding.page
    if finding.sentence:
        properties["sentence"] = finding.sentence
    record["properties"] = properties
    return record


def build_log(results, context) -> dict:
    rules = context.rules or {}
    used: dict[str, Severity] = {}
    for result in results:
        for finding in result.findings:
            used.setdefault(finding.rule, finding.severity)
    rule_ids = sorted(used)
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    descriptors = [rule_descriptor(rule_id, rules.get(rule_id), used[rule_id]) for rule_id in rule_ids]

    sarif_results: list[dict] = []
    notifications: list[dict] = []
    for result in results:
        path = artifact_uri(result.path)
        shown = display_path(result.path)
        if result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{shown}: {result.error.message}"},
                "descriptor": {"id": result.error.code},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}}}],
            })
            continue
        for finding in result.findings:
            sarif_results.append(result_record(finding, path, index[finding.rule]))
        for reason in gate_reasons(context, result.path):
            notifications.append({
                "level": "error",
                "message": {"text": f"{shown}: {reason}"},
                "descriptor": {"id": "drempel"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}}}],
            })

    driver = {
        "name": context.tool.name,
        "version": context.tool.version,
        "semanticVersion": context.tool.version,
        "informationUri": INFORMATION_URI,
        "language": "nl",
        "rules": descriptors,
    }
    invocation = {"executionSuccessful": True, "toolExecutionNotifications": notifications}
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "language": "nl",
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    if context.tool.model:
        run["properties"] = {"model": context.tool.model}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results, context) -> str:
    return json.dumps(build_log(results, context), ensure_ascii=False, indent=2) + "\n"
