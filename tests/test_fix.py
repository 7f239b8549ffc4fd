"""--fix: only safe single-word replacements, capitalisation kept, written atomically; --dry-run changes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TEXT = (
    "# Uw aanvraag\n"
    "\n"
    "Wij hebben uw aanvraag reeds ontvangen.\n"
    "Teneinde uw aanvraag te behandelen, hebben wij meer gegevens nodig.\n"
    "U kunt middels dit formulier reageren.\n"
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "directduidelijk", "check", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def safe_fixes_in(path: Path) -> list[dict]:
    import json

    completed = subprocess.run([sys.executable, "-m", "directduidelijk", "check", "--format", "json", str(path)],
                               capture_output=True, text=True, timeout=300)
    findings = json.loads(completed.stdout)["documents"][0]["findings"]
    return [f for f in findings if f["fix"] and f["fix"]["applicability"] == "veilig"]


def test_dry_run_shows_a_diff_and_changes_nothing(tmp_path):
    letter = tmp_path / "brief.md"
    letter.write_text(TEXT, encoding="utf-8")
    before = letter.read_bytes()
    completed = run("--fix", "--dry-run", "brief.md", cwd=tmp_path)
    assert letter.read_bytes() == before
    if safe_fixes_in(letter):
        assert "+++ brief.md (verbeterd)" in completed.stderr
        assert "niets veranderd" in completed.stderr


def test_fix_applies_only_safe_replacements(tmp_path):
    letter = tmp_path / "brief.md"
    letter.write_text(TEXT, encoding="utf-8")
    safe = safe_fixes_in(letter)
    assert safe, "the shipped ambtelijke-taal list marks some single words as safe to replace"
    run("--fix", "brief.md", cwd=tmp_path)
    fixed = letter.read_text(encoding="utf-8")
    for finding in safe:
        assert finding["text"] not in fixed.splitlines()[finding["line"] - 1] or finding["fix"]["replacement"] in fixed
    # unsafe findings (several alternatives, phrases) stay as they were
    assert "middels" in fixed or any(f["text"] == "middels" for f in safe)
    assert fixed.startswith("# Uw aanvraag\n")
    assert not list(tmp_path.glob(".*tmp*")) and not list(tmp_path.glob(".brief.md.*"))


def test_fix_keeps_capitalisation_and_encoding(tmp_path):
    from directduidelijk.findings import Finding, Fix, Severity
    from directduidelijk.fixes import plan_fixes, write_fixed

    letter = tmp_path / "brief.txt"
    letter.write_bytes("\ufeffTeneinde dat te doen, zie cliënt.\n".encode("utf-8"))
    finding = Finding("ambtelijke-taal", Severity.WARNING, "", None, "Teneinde", "", 1, 1, 1, 8, None, 1,
                      fix=Fix("Om", "veilig"))
    stale = Finding("ambtelijke-taal", Severity.WARNING, "", None, "reeds", "", 1, 10, 1, 14, None, 1,
                    fix=Fix("al", "veilig"))  # the source does not hold 'reeds' there: never applied
    unsafe = Finding("ambtelijke-taal", Severity.WARNING, "", None, "cliënt", "", 1, 27, 1, 32, None, 1,
                     fix=Fix("klant", "onveilig"))
    plan = plan_fixes(str(letter), [finding, stale, unsafe])
    assert plan.applied == [finding]
    write_fixed(plan)
    assert letter.read_bytes() == "\ufeffOm dat te doen, zie cliënt.\n".encode("utf-8")
