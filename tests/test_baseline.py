"""Baseline: record today's findings, later report only new ones and list stale entries."""

import json

import pytest

from directduidelijk import baseline
from directduidelijk.checking import DocumentError, DocumentResult
from directduidelijk.findings import Finding, Severity


def finding(rule, sentence, line=1):
    return Finding(rule=rule, severity=Severity.WARNING, message="m", suggestion=None, text=sentence,
                   sentence=sentence, line=line, column=1, end_line=line, end_column=len(sentence),
                   page=None, paragraph=line)


def test_fingerprint_ignores_case_and_whitespace_but_not_digits():
    a = baseline.fingerprint("lange-zin", "Wij  betalen\nvóór 1 maart.")
    assert a == baseline.fingerprint("lange-zin", "wij betalen vóór 1 maart. ")
    assert a != baseline.fingerprint("lange-zin", "Wij betalen vóór 2 maart.")
    assert a != baseline.fingerprint("lijdende-vorm", "Wij betalen vóór 1 maart.")
    assert len(a) == 64


def test_round_trip_and_paths_relative_to_baseline_folder(tmp_path, monkeypatch):
    (tmp_path / "brieven").mkdir()
    monkeypatch.chdir(tmp_path / "brieven")
    results = [DocumentResult("a.md", "md", metrics={}, findings=[finding("r", "Zin een."), finding("r", "Zin een.")]),
               DocumentResult("kapot.docx", "docx", error=DocumentError("beschadigd", "Kapot."))]
    target = tmp_path / ".directduidelijk-baseline.json"
    built = baseline.build(results, target, {"name": "directduidelijk", "version": "0.1.0"})
    built.save(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"]["name"] == "directduidelijk"
    assert [e["path"] for e in data["entries"]] == ["brieven/a.md", "brieven/a.md"]
    assert set(data["entries"][0]) == {"path", "rule", "fingerprint", "sentence"}
    loaded = baseline.load(target)
    assert loaded.entries == built.entries


def test_only_new_findings_remain_and_line_numbers_do_not_matter(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = [DocumentResult("a.md", "md", metrics={}, findings=[
        finding("r", "Dit was al zo.", line=3), finding("r", "Dit was al zo.", line=9),
        finding("q", "Weg.", line=5)])]
    known = baseline.build(old, tmp_path / "b.json")
    # Two paragraphs added at the top: every line moved; one old sentence gone, one new finding.
    now = [DocumentResult("a.md", "md", metrics={}, findings=[
        finding("r", "Dit was al zo.", line=5), finding("r", "Dit  was AL zo.", line=11),
        finding("r", "Dit was al zo.", line=12), finding("s", "Nieuw.", line=14)])]
    outcome = baseline.apply(known, now)
    assert outcome.summary() == {"matched": 2, "new": 2, "stale": 1}
    assert [(f.rule, f.line) for f in now[0].findings] == [("r", 12), ("s", 14)]
    assert outcome.stale[0].rule == "q"
    assert outcome.note() == "1 oude melding bestaat niet meer; maak de baseline opnieuw."


def test_stale_only_for_documents_in_this_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    known = baseline.build([DocumentResult("a.md", "md", metrics={}, findings=[finding("r", "A.")]),
                            DocumentResult("b.md", "md", metrics={}, findings=[finding("r", "B.")])],
                           tmp_path / "b.json")
    # A pre-commit hook checks only the changed file b.md, which is now clean.
    now = [DocumentResult("b.md", "md", metrics={}, findings=[])]
    outcome = baseline.apply(known, now)
    assert outcome.summary() == {"matched": 0, "new": 0, "stale": 1}
    assert outcome.stale[0].path == "b.md"
    assert baseline.Outcome(0, 0, outcome.stale * 2).note() == \
        "2 oude meldingen bestaan niet meer; maak de baseline opnieuw."


def test_same_file_from_another_folder_matches(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    known = baseline.build([DocumentResult("sub/a.md", "md", metrics={}, findings=[finding("r", "A.")])],
                           tmp_path / "b.json")
    monkeypatch.chdir(tmp_path / "sub")
    now = [DocumentResult("a.md", "md", metrics={}, findings=[finding("r", "A.")])]
    assert baseline.apply(baseline.Baseline(known.entries, tmp_path), now).summary() == \
        {"matched": 1, "new": 0, "stale": 0}


@pytest.mark.parametrize("content, fragment", [
    (None, "bestaat niet"),
    ("{niet json", "kan niet worden gelezen"),
    ('{"version": 99, "entries": []}', "onbekende vorm"),
    ('{"version": 1, "entries": [{"path": "a.md"}]}', "onvolledige"),
])
def test_bad_baseline_files(tmp_path, content, fragment):
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError) as error:
        baseline.load(path)
    assert fragment in error.value.message


# ------------------------------------------------------------------------------ end to end, via the CLI

from pathlib import Path  # noqa: E402

from test_gate import LONG, RULES, SHORT, blank_model, cli, write  # noqa: E402,F401  (fixtures)

SECOND = ("Wij verzoeken u vriendelijk om het formulier dat bij deze brief is gevoegd volledig in te vullen, "
          "te ondertekenen en binnen twee weken na vandaag aan ons terug te sturen per post.")


def test_cli_baseline_adoption(cli):
    write("brieven/a.md", SHORT + "\n" + LONG + "\n\n" + SECOND + "\n")
    write("brieven/b.md", SHORT)
    assert cli("check", *RULES, "brieven/a.md", "brieven/b.md")[0] == 1

    code, out, _ = cli("baseline", "brieven/a.md", "brieven/b.md", "--output", ".directduidelijk-baseline.json")
    assert code == 0 and "Baseline geschreven" in out
    data = json.loads(Path(".directduidelijk-baseline.json").read_text(encoding="utf-8"))
    assert "brieven/a.md" in {e["path"] for e in data["entries"]}
    assert {e["rule"] for e in data["entries"]} >= {"lange-zin"}

    # Today's findings are accepted; a paragraph added above does not change that.
    write("brieven/a.md", SHORT + "\nNog een korte zin.\n\n" + LONG + "\n\n" + SECOND + "\n")
    code, out, err = cli("check", *RULES, "--baseline", ".directduidelijk-baseline.json", "--format", "json",
                         "brieven/a.md", "brieven/b.md")
    report = json.loads(out)
    assert code == 0, out
    assert report["summary"]["findings"] == 0
    assert report["summary"]["baseline"]["new"] == 0 and report["summary"]["baseline"]["stale"] == 0
    assert err == ""

    # A new long sentence is reported; a removed one is a stale entry, with a note.
    write("brieven/a.md", SHORT + "\n" + LONG + "\n\n" + LONG.replace("college", "college van B&W") + "\n")
    code, out, err = cli("check", *RULES, "--baseline", ".directduidelijk-baseline.json", "--format", "lines",
                         "brieven/a.md")
    assert code == 1
    # Only the changed sentence (line 7) is new: its long sentence and its 'Indien'.
    assert {line.split(": ")[1] for line in out.splitlines()} == {"lange-zin", "ambtelijke-taal"}
    assert {line.split(":")[1] for line in out.splitlines()} == {"7"}
    assert "oude melding" in err and "maak de baseline opnieuw" in err


def test_cli_baseline_from_configuration(cli):
    write("a.md", SHORT + "\n" + LONG + "\n")
    write("pyproject.toml", '[tool.directduidelijk]\nbaseline = "lint/basis.json"\n')
    Path("lint").mkdir()
    code, out, _ = cli("baseline", "a.md")
    assert code == 0 and Path("lint/basis.json").is_file()
    assert json.loads(Path("lint/basis.json").read_text(encoding="utf-8"))["entries"][0]["path"] == "../a.md"
    code, out, _ = cli("check", *RULES, "a.md")
    assert code == 0, out
    assert "In orde." in out


def test_cli_missing_baseline_is_a_usage_error(cli):
    write("a.md", SHORT)
    code, out, err = cli("check", *RULES, "--baseline", "bestaat-niet.json", "a.md")
    assert code == 2
    assert "bestaat-niet.json" in err and "directduidelijk baseline" in err
