"""The JSON report is a versioned contract: these keys must stay (extend, never break)."""

import json

from directduidelijk.checking import DocumentError, DocumentResult
from directduidelijk.findings import Finding, Fix, Severity
from directduidelijk.report import RenderContext, ToolInfo
from directduidelijk.report import json_report

FINDING_KEYS = {"rule", "severity", "message", "suggestion", "text", "sentence", "line", "column",
                "end_line", "end_column", "location"}


def sample_results():
    finding = Finding(
        rule="ambtelijke-taal", severity=Severity.WARNING, message="'middels' is ambtelijke taal.",
        suggestion="Schrijf: met.", text="middels", sentence="U kunt middels dit formulier reageren.",
        line=3, column=8, end_line=3, end_column=14, page=None, paragraph=2, block_index=1, start=7, end=14,
        fix=Fix("met", "veilig"),
    )
    ok = DocumentResult("brief.md", "md", metrics={"words": 6, "sentences": 1, "paragraphs": 1,
                                                   "avg_sentence_length": 6.0, "syllables_per_word": 1.5,
                                                   "flesch_douma": 90.0, "brouwer": 83.0},
                        findings=[finding])
    bad = DocumentResult("kapot.pdf", "pdf", error=DocumentError("beschadigd", "Het bestand is beschadigd."))
    return [ok, bad]


def render():
    tool = ToolInfo("directduidelijk", "0.1.0", {"name": "m", "version": "1", "source": "bundled",
                                                 "lint_compatible": False})
    return json.loads(json_report.render(sample_results(), RenderContext(tool=tool)))


def test_top_level_contract():
    report = render()
    assert report["version"] == 1
    assert report["tool"]["name"] == "directduidelijk"
    assert report["tool"]["model"]["source"] == "bundled"
    assert report["summary"] == {"documents": 2, "findings": 1, "errors": 1,
                                 "by_severity": {"fout": 0, "waarschuwing": 1, "suggestie": 0}}


def test_document_and_finding_contract():
    ok, bad = render()["documents"]
    assert {"path", "format", "metrics", "findings"} <= set(ok)
    assert {"words", "sentences", "paragraphs", "avg_sentence_length", "syllables_per_word",
            "flesch_douma", "brouwer"} <= set(ok["metrics"])
    finding = ok["findings"][0]
    assert FINDING_KEYS <= set(finding)
    assert finding["severity"] == "waarschuwing"
    assert finding["location"] == {"page": None, "paragraph": 2}
    assert finding["fix"] == {"replacement": "met", "applicability": "veilig"}
    assert bad["error"] == {"code": "beschadigd", "message": "Het bestand is beschadigd."}
    assert "metrics" not in bad and "findings" not in bad


def test_non_ascii_is_kept_readable():
    text = json_report.render(sample_results(), RenderContext(tool=ToolInfo("directduidelijk", "0.1.0")))
    assert "\\u" not in text
