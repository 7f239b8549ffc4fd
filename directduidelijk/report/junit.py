"""JUnit XML for CI systems (GitLab, Jenkins, Azure): one testsuite per run, one testcase per document.

A document with findings at or above the fail level (or below a metric threshold) is a
<failure> listing the findings one per line; an unreadable file is an <error>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from directduidelijk.findings import Severity
from directduidelijk.report.lines import display_path, gate_reasons, one_line


def finding_line(path: str, finding) -> str:
    return f"{path}:{finding.line}:{finding.column} {finding.rule} {one_line(finding.message)}"


def render(results, context) -> str:
    fail_on = context.fail_on or Severity.ERROR
    suites = ET.Element("testsuites", name="directduidelijk")
    suite = ET.SubElement(suites, "testsuite", name="directduidelijk")
    failures = errors = 0
    for result in results:
        path = display_path(result.path)
        case = ET.SubElement(suite, "testcase", classname="directduidelijk", name=path)
        if result.error is not None:
            errors += 1
            error = ET.SubElement(case, "error", message=one_line(result.error.message), type=result.error.code)
            error.text = f"{path}: {result.error.message}"
            continue
        failing = [f for f in result.findings if f.severity.rank >= fail_on.rank]
        reasons = gate_reasons(context, result.path)
        lines = [finding_line(path, f) for f in result.findings]
        if failing or reasons:
            failures += 1
            parts = []
            if failing:
                parts.append(f"{len(failing)} {'bevinding' if len(failing) == 1 else 'bevindingen'} "
                             f"met ernst {fail_on.value} of zwaarder")
            if reasons:
                parts.append(f"{len(reasons)} {'drempel' if len(reasons) == 1 else 'drempels'} niet gehaald")
            failure = ET.SubElement(case, "failure", message="; ".join(parts), type=fail_on.value)
            failure.text = "\n".join(lines + [f"{path}: drempel: {one_line(r)}" for r in reasons]) + "\n"
        elif lines:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(lines) + "\n"
    count = str(len(results))
    for element in (suites, suite):
        element.set("tests", count)
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    suite.set("skipped", "0")
    ET.indent(suites, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
