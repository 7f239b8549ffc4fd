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
