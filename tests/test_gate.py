"""The gate: findings at or above the fail level and metric thresholds decide the exit code."""

from directduidelijk.checking import DocumentError, DocumentResult
from directduidelijk.findings import Finding, Severity
from directduidelijk.gate import evaluate, evaluate_all, exit_code

METRICS = {"words": 200, "sentences": 15, "avg_sentence_length": 13.3, "flesch_douma": 58.4,
           "brouwer": 55.0, "lint_score": 44.0, "lint_level": 3}


def finding(severity):
    return Finding(rule="r", severity=severity, message="m", suggestion=None, text="t", sentence="s",
                   line=1, column=1, end_line=1, end_column=1, page=None, paragraph=1)


def doc(*severities, metrics=None, path="brief.md"):
    return DocumentResult(path, "md", metrics=dict(metrics or METRICS),
                          findings=[finding(s) for s in severities])


def test_no_findings_no_thresholds_passes():
    gate = evaluate(doc(), Severity.ERROR, {})
    assert gate.passed and gate.reasons == []


def test_findings_below_fail_level_pass():
    assert evaluate(doc(Severity.WARNING, Severity.SUGGESTION), Severity.ERROR, {}).passed
    gate = evaluate(doc(Severity.WARNING, Severity.SUGGESTION), Severity.WARNING, {})
    assert not gate.passed and gate.reasons == ["1 bevinding met ernst waarschuwing of zwaarder."]
    gate = evaluate(doc(Severity.WARNING, Severity.SUGGESTION), Severity.SUGGESTION, {})
    assert gate.reasons == ["2 bevindingen met ernst suggestie of zwaarder."]


def test_max_lint_level():
    assert evaluate(doc(), Severity.ERROR, {"max-lint-niveau": 3}).passed
    gate = evaluate(doc(), Severity.ERROR, {"max-lint-niveau": 2})
    assert not gate.passed
    assert gate.reasons == ["LiNT-niveau is 3; dat is hoger dan toegestaan (max-lint-niveau = 2)."]


def test_min_flesch_douma_and_sentence_length():
    gate = evaluate(doc(), Severity.ERROR, {"min-flesch-douma": 60, "max-gemiddelde-zinslengte": 12})
    assert not gate.passed
    assert gate.reasons == [
        "Flesch-Douma is 58,4; dat is lager dan toegestaan (min-flesch-douma = 60).",
        "Gemiddelde zinslengte is 13,3; dat is hoger dan toegestaan (max-gemiddelde-zinslengte = 12).",
    ]
    assert evaluate(doc(), Severity.ERROR, {"min-flesch-douma": 58.4}).passed  # the limit itself is allowed


def test_findings_per_100_words():
    result = doc(*[Severity.SUGGESTION] * 5)  # 5 in 200 words = 2.5 per 100
    assert evaluate(result, Severity.ERROR, {"max-bevindingen-per-100-woorden": 3}).passed
    assert not evaluate(result, Severity.ERROR, {"max-bevindingen-per-100-woorden": 2}).passed


def test_missing_metric_is_not_judged():
    metrics = {**METRICS, "lint_level": None}
    gate = evaluate(doc(metrics=metrics), Severity.ERROR, {"max-lint-niveau": 1})
    assert gate.passed
    assert gate.to_dict()["thresholds"] == [
        {"name": "max-lint-niveau", "metric": "lint_level", "limit": 1, "value": None, "passed": True}]


def test_exit_codes():
    good, bad = doc(path="goed.md"), doc(Severity.ERROR, path="fout.md")
    unreadable = DocumentResult("kapot.docx", "docx", error=DocumentError("beschadigd", "Kapot."))
    assert exit_code([good], evaluate_all([good], Severity.ERROR, {})) == 0
    assert exit_code([good, bad], evaluate_all([good, bad], Severity.ERROR, {})) == 1
    # A threshold alone gives exit code 1 too.
    assert exit_code([good], evaluate_all([good], Severity.ERROR, {"max-lint-niveau": 2})) == 1
    # An unreadable file wins: exit code 2.
    results = [good, bad, unreadable]
    gates = evaluate_all(results, Severity.ERROR, {})
    assert "kapot.docx" not in gates
    assert exit_code(results, gates) == 2


def test_thresholds_per_path():
    strict, loose = doc(path="nieuw/brief.md"), doc(path="oud/brief.md")
    gates = evaluate_all([strict, loose], Severity.ERROR,
                         lambda path: {"max-lint-niveau": 2} if path.startswith("nieuw/") else {})
    assert not gates["nieuw/brief.md"].passed and gates["oud/brief.md"].passed


# ------------------------------------------------------------------------------ end to end, via the CLI

import json  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

import pytest  # noqa: E402

LONG = ("Indien u het niet eens bent met de hoogte van de aanslag die u van ons heeft ontvangen, dan kunt u "
        "binnen zes weken na de dagtekening van deze brief schriftelijk bezwaar maken bij het college.")
SHORT = "Beste meneer Jansen,\n\nWij hebben uw brief ontvangen. Wij bellen u volgende week.\n"
RULES = ["--selecteer", "lange-zin", "--selecteer", "ambtelijke-taal"]


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory):
    """A blank Dutch spaCy pipeline: enough for lange-zin and ambtelijke-taal, fast and independent
    of the bundled model (that one has its own tests)."""
    spacy = pytest.importorskip("spacy")
    path = tmp_path_factory.mktemp("model") / "nl_blank"
    spacy.blank("nl").to_disk(path)
    return str(path)


@pytest.fixture
def cli(blank_model, capsys, monkeypatch, tmp_path):
    from directduidelijk.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args, model=True):
        argv = ["directduidelijk", *args]
        if model and args and args[0] in ("check", "baseline"):
            argv[2:2] = ["--model", blank_model]
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as done:
            main()
        out, err = capsys.readouterr()
        return done.value.code, out, err
    return run


def write(path, text):
    from pathlib import Path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")
    return str(path)


def test_cli_findings_and_fail_level(cli):
    write("brief.md", SHORT + "\n" + LONG + "\n")
    code, out, _ = cli("check", *RULES, "--format", "lines", "brief.md")
    assert code == 1
    assert "brief.md:5:1: lange-zin: " in out
    code, out, _ = cli("check", "--selecteer", "ambtelijke-taal", "--format", "lines", "brief.md")
    assert code == 0 and "ambtelijke-taal" in out  # 'Indien' is a warning: below the default fail level
    code, _, _ = cli("check", "--selecteer", "ambtelijke-taal", "--fail-on", "waarschuwing", "brief.md")
    assert code == 1


def test_cli_thresholds_give_exit_1_and_are_reported(cli):
    write("goed.md", SHORT)
    assert cli("check", *RULES, "goed.md")[0] == 0
    code, out, _ = cli("check", *RULES, "--min-flesch-douma", "150", "goed.md")
    assert code == 1
    assert "Drempel niet gehaald: Flesch-Douma is" in out and "min-flesch-douma = 150" in out
    assert "Nog niet in orde." in out
    code, out, _ = cli("check", *RULES, "--min-flesch-douma", "150", "--format", "json", "goed.md")
    document = json.loads(out)["documents"][0]
    assert code == 1
    assert document["gate"]["passed"] is False
    assert document["gate"]["reasons"][0].startswith("Flesch-Douma is ")


def test_cli_thresholds_from_config_and_per_file(cli):
    write("nieuw/brief.md", SHORT)
    write("oud/brief.md", SHORT)
    write(".directduidelijk.toml", '[drempels]\nmax-gemiddelde-zinslengte = 3\n\n'
                                   '[per-bestand."oud/*"]\ndrempels = { max-gemiddelde-zinslengte = 40 }\n')
    code, out, _ = cli("check", *RULES, "--format", "json", "nieuw/brief.md", "oud/brief.md")
    gates = {d["path"]: d["gate"]["passed"] for d in json.loads(out)["documents"]}
    assert code == 1
    assert gates == {"nieuw/brief.md": False, "oud/brief.md": True}
    # The command line wins over the configuration.
    assert cli("check", *RULES, "--max-gemiddelde-zinslengte", "40", "nieuw/brief.md")[0] == 0


def test_cli_unreadable_file_gives_exit_2(cli):
    write("brief.md", LONG + "\n")
    code, out, err = cli("check", *RULES, "--format", "junit", "brief.md", "weg.docx")
    assert code == 2
    assert "weg.docx" in err
    root = ET.fromstring(out)
    assert root.get("errors") == "1" and root.get("failures") == "1"


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "lines", "json"])
def test_cli_every_format_renders(cli, fmt):
    write("brief.md", SHORT + "\n" + LONG + "\n")
    code, out, _ = cli("check", *RULES, "--format", fmt, "--output", "rapport.out", "brief.md")
    assert code == 1 and out == ""
    from pathlib import Path

    text = Path("rapport.out").read_text(encoding="utf-8")
    assert "lange-zin" in text
    if fmt in ("sarif", "json"):
        json.loads(text)
    if fmt == "junit":
        ET.fromstring(text)


def test_cli_suppression_markdown(cli):
    write("brief.md", SHORT + "\n<!-- directduidelijk: uit lange-zin -->\n" + LONG
          + "\n<!-- directduidelijk: aan -->\n\n" + LONG.replace("college", "college van B&W") + "\n")
    code, out, _ = cli("check", *RULES, "--format", "json", "brief.md")
    findings = [f for f in json.loads(out)["documents"][0]["findings"] if f["rule"] == "lange-zin"]
    assert [f["line"] for f in findings] == [9]  # only the second sentence, after 'aan'
    assert code == 1


def test_cli_suppression_text_file(cli):
    write("brief.txt", SHORT + "\n# directduidelijk: uit lange-zin, ambtelijke-taal\n" + LONG + "\n")
    code, out, _ = cli("check", *RULES, "--format", "lines", "brief.txt")
    assert code == 0 and out == ""
    write("zonder.txt", SHORT + "\n" + LONG + "\n")
    assert cli("check", *RULES, "zonder.txt")[0] == 1


def test_cli_placeholders_keep_the_writers_text(cli):
    sentence = LONG.replace("de aanslag", "de aanslag {{ aanslagnummer }} van [NAAM]")
    write("sjabloon.md", "Beste «Aanhef» «Achternaam»,\n\n" + sentence + "\n")
    code, out, _ = cli("check", *RULES, "--format", "json", "sjabloon.md")
    findings = json.loads(out)["documents"][0]["findings"]
    long = [f for f in findings if f["rule"] == "lange-zin"]
    assert code == 1 and long
    assert "{{ aanslagnummer }}" in long[0]["sentence"] and "[NAAM]" in long[0]["sentence"]
    assert not any("Naama" in f["text"] or "Naama" in f["sentence"] for f in findings)
