"""The README is written in plain Dutch (B1): it passes our own checker without errors."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_readme_passes_our_own_checker():
    completed = subprocess.run([sys.executable, "-m", "directduidelijk", "check", "--format", "lines", "README.md"],
                               cwd=REPO, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    warnings = [line for line in completed.stdout.splitlines() if line.strip()]
    assert len(warnings) <= 5, "\n".join(warnings)


def test_readme_has_the_two_set_up_lines_and_ci_runs_the_test_line():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install . && directduidelijk check corpora/" in readme
    assert 'pip install ".[test]" && python -m pytest' in readme
    sample = readme.split("pip install . && directduidelijk check ")[1].split()[0]
    assert (REPO / sample).exists()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet ".[test]"' in ci and "python -m pytest" in ci and '"$status" -eq 5' in ci
