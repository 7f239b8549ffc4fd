"""The CI renderers (sarif, github, junit, lines) and the JSON report on one fixed set of results.

Snapshots live in tests/snapshots/; run with UPDATE_SNAPSHOTS=1 to rewrite them, then review
the diff by eye.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from directduidelijk.baseline import fingerprint
from directduidelijk.checking import DocumentError, DocumentResult
from directduidelijk.engine.rule import Examples, Rule
from directduidelijk.findings import Finding, Fix, Severity
from directduidelijk.gate import evaluate_all
from directduidelijk.report import RENDERERS, RenderContext, ToolInfo, renderer
from directduidelijk.report import github, sarif

SNAPSHOTS = Path(__file__).parent / "snapshots"


def make_rule(rule_id, title, severity, what, why, rule_set="direct-duidelijk", source=None):
    return Rule(id=rule_id, rule_set=rule_set, title=title, kind="woordenlijst", severity=severity,
                scope="zin", message="", suggestion=None, what=what, why=why, source=source,
                examples=Examples(wrong=["fout"], right=["goed"]))


RULES = {
    "ambtelijke-taal": make_rule("ambtelijke-taal", "Ambtelijk: woorden als 'middels', 'teneinde'",
                                 Severity.WARNING, "Zoekt ambtelijke woorden.", "Lezers haken af.",
                                 source="https://www.directduidelijk.nl"),
    "lange-zin": make_rule("lange-zin", "Lange zin", Severity.ERROR, "Telt de woorden per zin.",
                           "Lange zinnen zijn moeilijk."),
    "lijdende-vorm": make_rule("lijdende-vorm", "Lijdende vorm", Severity.SUGGESTION,
                               "Zoekt zinnen in de lijdende vorm.", "Actief is duidelijker."),
}


def finding(rule, severity, message, text, sentence, line, column, end_column, *, page=None, paragraph=1,
            suggestion=None, fix=None, end_line=None):
    return Finding(rule=rule, severity=severity, message=message, suggestion=suggestion, text=text,
                   sentence=sentence, line=line, column=column, end_line=end_line or line,
                   end_column=end_column, page=page, paragraph=paragraph, fix=fix)


def sample_results() -> list[DocumentResult]:
    metrics = {"words": 120, "sentences": 9, "paragraphs": 4, "avg_sentence_length": 13.3,
               "syllables_per_word": 1.6, "flesch_douma": 61.5, "brouwer": 58.0,
               "lint_score": 41.2, "lint_level": 2}
    brief = DocumentResult("brieven/bezwaar café.md", "md", metrics=dict(metrics), findings=[
        finding("ambtelijke-taal", Severity.WARNING, "'middels' is ambtelijke taal.", "middels",
                "Wij vragen u middels dit formulier te reageren vóór 1 maart.", 3, 13, 19, paragraph=2,
                suggestion="Schrijf: met.", fix=Fix("met", "veilig")),
        finding("lange-zin", Severity.ERROR,
                "Deze zin heeft 27 woorden (35% meer dan 20).\nMaak er twee zinnen van.",
                "Indien u het niet eens bent met de hoogte van de aanslag, dan kunt u binnen zes weken na "
                "de dagtekening van deze brief schriftelijk bezwaar maken bij het college.",
                "Indien u het niet eens bent met de hoogte van de aanslag, dan kunt u binnen zes weken na "
                "de dagtekening van deze brief schriftelijk bezwaar maken bij het college.",
                5, 1, 41, end_line=6, paragraph=3),
        finding("lijdende-vorm", Severity.SUGGESTION, "Lijdende vorm: 'wordt behandeld'.", "wordt behandeld",
                "Uw aanvraag wordt behandeld door een medewerker.", 8, 12, 26, paragraph=4,
                suggestion="Wie doet het? Bijvoorbeeld: Een medewerker behandelt uw aanvraag."),
    ])
    besluit = DocumentResult("besluit.docx", "docx", metrics={**metrics, "flesch_douma": 38.0, "lint_level": 4},
                             findings=[
        finding("ambtelijke-taal", Severity.WARNING, "'teneinde' is ambtelijke taal.", "teneinde",
                "Teneinde uw aanvraag te beoordelen, hebben wij uw loonstrook nodig.", 4, 1, 8, paragraph=4,
                suggestion="Schrijf: om."),
    ])
    rapport = DocumentResult("stukken/rapport.pdf", "pdf", metrics=dict(metrics), findings=[
        finding("lijdende-vorm", Severity.SUGGESTION, "Lijdende vorm: 'is besloten'.", "is besloten",
                "Er is besloten de regeling te verlengen.", 12, 4, 14, page=2, paragraph=7),
    ])
    kapot = DocumentResult("kapot.docx", "docx", error=DocumentError(
        "beschadigd", "Het bestand is beschadigd: word/document.xml ontbreekt."))
    schoon = DocumentResult("schoon.txt", "txt", metrics=dict(metrics), findings=[])
    return [brief, besluit, rapport, kapot, schoon]


def sample_context(results=None) -> RenderContext:
    results = results if results is not None else sample_results()
    tool = ToolInfo("directduidelijk", "0.1.0", {"name": "nl_directduidelijk", "version": "1.0.0",
                                                 "source": "bundled", "lint_compatible": False})
    gates = evaluate_all(results, Severity.ERROR, {"min-flesch-douma": 50, "max-lint-niveau": 3})
    return RenderContext(tool=tool, rules=dict(RULES), fail_on=Severity.ERROR, options={"gates": gates})


def fixed_help(rule):
    return f"# {rule.title}\n\n{rule.what}\n\n{rule.why}"


@pytest.fixture
def rendered(monkeypatch):
    # The SARIF help text comes from the engine's `uitleg`; fix it so the snapshot does not
    # change whenever a rule's explanation is improved (test_sarif_help_uses_uitleg covers the real one).
    monkeypatch.setattr(sarif, "help_text", fixed_help)

    def render(name):
        return renderer(name).render(sample_results(), sample_context())
    return render


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} ontbreekt: draai de test met UPDATE_SNAPSHOTS=1 en bekijk het bestand."
    assert text == path.read_text(encoding="utf-8"), f"{name} wijkt af van de snapshot (UPDATE_SNAPSHOTS=1 om te vernieuwen)"


@pytest.mark.parametrize("name, snapshot", [
    ("json", "report.json"), ("sarif", "report.sarif"), ("github", "github.txt"),
    ("junit", "junit.xml"), ("lines", "lines.txt"),
])
def test_snapshot(rendered, name, snapshot):
    assert name in RENDERERS
    check_snapshot(snapshot, rendered(name))


# ------------------------------------------------------------------------------ SARIF


def test_sarif_structure(rendered):
    log = json.loads(rendered("sarif"))
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "directduidelijk" and driver["version"] == "0.1.0"
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == ["ambtelijke-taal", "lange-zin", "lijdende-vorm"]
    for rule in driver["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"} <= set(rule)
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", rule["name"])
        assert rule["help"]["text"] and rule["help"]["markdown"]
    assert driver["rules"][0]["name"] == "AmbtelijkeTaal"
    assert driver["rules"][0]["shortDescription"]["text"] == RULES["ambtelijke-taal"].title
    assert driver["rules"][0]["fullDescription"]["text"] == "Zoekt ambtelijke woorden."
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == ["warning", "error", "note"]

    results = run["results"]
    assert len(results) == 5
    for result in results:
        assert {"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"} <= set(result)
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert "\\" not in location["artifactLocation"]["uri"]
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert re.fullmatch(r"[0-9a-f]{64}", result["partialFingerprints"]["directduidelijk/v1"])

    first = results[0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "brieven/bezwaar%20caf%C3%A9.md"
    # Our end column is inclusive (13..19 = "middels"); SARIF's is exclusive.
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 13, "endLine": 3, "endColumn": 20, "snippet": {"text": "middels"}}
    assert first["message"]["text"] == "'middels' is ambtelijke taal.\nBeter: Schrijf: met."
    assert first["partialFingerprints"]["directduidelijk/v1"] == fingerprint(
        "ambtelijke-taal", "Wij vragen u middels dit formulier te reageren vóór 1 maart.")
    assert results[4]["properties"]["page"] == 2

    notifications = run["invocations"][0]["toolExecutionNotifications"]
    unreadable = [n for n in notifications if n["descriptor"]["id"] == "beschadigd"]
    assert unreadable[0]["message"]["text"] == "kapot.docx: Het bestand is beschadigd: word/document.xml ontbreekt."
    assert unreadable[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "kapot.docx"
    thresholds = [n for n in notifications if n["descriptor"]["id"] == "drempel"]
    assert len(thresholds) == 2 and all(n["message"]["text"].startswith("besluit.docx: ") for n in thresholds)


def test_sarif_help_uses_uitleg_or_falls_back():
    rule = RULES["lange-zin"]
    try:
        from directduidelijk.engine.explain import explain
    except ImportError:
        assert sarif.help_text(rule) == "Telt de woorden per zin.\n\nLange zinnen zijn moeilijk."
    else:
        assert sarif.help_text(rule) == explain(rule)


def test_sarif_absolute_paths_become_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = DocumentResult(str(tmp_path / "map" / "brief.txt"), "txt", metrics={}, findings=[
        finding("lange-zin", Severity.ERROR, "Lang.", "x", "x", 1, 1, 1)])
    log = json.loads(sarif.render([result], RenderContext(tool=ToolInfo("directduidelijk", "0.1.0"))))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "map/brief.txt"
    # A rule that the context does not know still gets a minimal descriptor.
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["name"] == "LangeZin"


# ------------------------------------------------------------------------------ GitHub


def test_github_escaping():
    assert github.escape_data("50% klaar\r\nnu") == "50%25 klaar%0D%0Anu"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations(rendered):
    lines = rendered("github").splitlines()
    assert lines[0] == "::group::brieven/bezwaar café.md"
    assert lines[1] == ("::warning file=brieven/bezwaar café.md,line=3,col=13,endLine=3,endColumn=19,"
                        "title=ambtelijke-taal%3A Ambtelijk%3A woorden als 'middels'%2C 'teneinde'::"
                        "'middels' is ambtelijke taal.%0ABeter: Schrijf: met.")
    assert lines[2].startswith("::error file=brieven/bezwaar café.md,line=5,col=1,endLine=6,endColumn=41,")
    assert lines[2].endswith("::Deze zin heeft 27 woorden (35%25 meer dan 20).%0AMaak er twee zinnen van.")
    assert lines[3].startswith("::notice ")
    # Groups open and close in pairs; a document without findings gets no group.
    assert sum(1 for l in lines if l.startswith("::group::")) == sum(1 for l in lines if l == "::endgroup::") == 4
    assert "::group::schoon.txt" not in lines
    assert "::error file=kapot.docx,title=directduidelijk%3A niet gelezen::Het bestand is beschadigd%3A" not in lines
    assert "::error file=kapot.docx,title=directduidelijk%3A niet gelezen::Het bestand is beschadigd: word/document.xml ontbreekt." in lines
    # Every workflow command is on one line: no raw newline inside any message.
    assert all(l.startswith("::") or l.startswith("directduidelijk: ") for l in lines)


# ------------------------------------------------------------------------------ JUnit


def test_junit_structure(rendered):
    root = ET.fromstring(rendered("junit"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "directduidelijk"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["brieven/bezwaar café.md", "besluit.docx", "stukken/rapport.pdf",
                                              "kapot.docx", "schoon.txt"]
    assert all(c.get("classname") == "directduidelijk" for c in cases)
    brief, besluit, rapport, kapot, schoon = cases
    failure = brief.find("failure")
    assert failure is not None and failure.get("type") == "fout"
    listed = failure.text.strip().splitlines()
    assert listed == [
        "brieven/bezwaar café.md:3:13 ambtelijke-taal 'middels' is ambtelijke taal.",
        "brieven/bezwaar café.md:5:1 lange-zin Deze zin heeft 27 woorden (35% meer dan 20). Maak er twee zinnen van.",
        "brieven/bezwaar café.md:8:12 lijdende-vorm Lijdende vorm: 'wordt behandeld'.",
    ]
    # Below the fail level, but under two metric thresholds: a failure too.
    assert besluit.find("failure") is not None and "drempel" in besluit.find("failure").text
    # Only a suggestion: passes, with the finding kept as output.
    assert rapport.find("failure") is None and "lijdende-vorm" in rapport.find("system-out").text
    assert kapot.find("error").get("type") == "beschadigd"
    assert len(schoon) == 0
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "2", "1")


def test_junit_fail_level_follows_context():
    results = sample_results()
    context = sample_context(results)
    context.fail_on = Severity.SUGGESTION
    context.options = {}
    root = ET.fromstring(renderer("junit").render(results, context))
    assert root.get("failures") == "3"


# ------------------------------------------------------------------------------ lines


def test_lines(rendered):
    lines = rendered("lines").splitlines()
    assert lines[0] == "brieven/bezwaar café.md:3:13: ambtelijke-taal: 'middels' is ambtelijke taal."
    assert lines[1] == ("brieven/bezwaar café.md:5:1: lange-zin: Deze zin heeft 27 woorden (35% meer dan 20). "
                        "Maak er twee zinnen van.")
    assert "kapot.docx: fout: Het bestand is beschadigd: word/document.xml ontbreekt." in lines
    pattern = re.compile(r"^[^:]+:\d+:\d+: [a-z0-9-]+: .+$")
    finding_lines = [l for l in lines if not l.startswith(("kapot.docx", "besluit.docx: drempel"))]
    assert len(finding_lines) == 5 and all(pattern.match(l) for l in finding_lines)
    assert not any("schoon.txt" in l for l in lines)


def test_empty_run_renders():
    context = RenderContext(tool=ToolInfo("directduidelijk", "0.1.0"))
    assert renderer("lines").render([], context) == ""
    assert json.loads(renderer("sarif").render([], context))["runs"][0]["results"] == []
    assert ET.fromstring(renderer("junit").render([], context)).get("tests") == "0"
    assert renderer("github").render([], context) == "directduidelijk: 0 bevindingen in 0 documenten.\n"
