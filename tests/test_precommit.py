"""The pre-commit hook, run by pre-commit itself on a temporary git repository (slow: pre-commit
installs directduidelijk and spaCy into its own virtual environment, from PyPI), and a fast check
that the hook's quick commands do not import spaCy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "corpora" / "brieven"


# ------------------------------------------------------------------------- fast: no spaCy on import

FAST_IMPORTS = {
    # What `directduidelijk --help`, `regels` and `uitleg` import.
    "--help": "import directduidelijk.cli",
    "regels": "import directduidelijk.cli, directduidelijk.config, directduidelijk.engine",
    "uitleg": "import directduidelijk.cli, directduidelijk.config, directduidelijk.engine, directduidelijk.engine.explain",
    "gate": "import directduidelijk.gate, directduidelijk.baseline, directduidelijk.placeholders",
    "renderers": "import directduidelijk.report.sarif, directduidelijk.report.github, "
                 "directduidelijk.report.junit, directduidelijk.report.lines",
}


@pytest.mark.parametrize("command", sorted(FAST_IMPORTS))
def test_fast_commands_do_not_import_spacy(command):
    code = FAST_IMPORTS[command] + "; import sys; print(sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"{command} importeert {done.stdout.strip()}"


@pytest.mark.parametrize("args", [["--help"], ["regels"], ["uitleg", "lange-zin"]])
def test_fast_commands_run_without_spacy(args):
    code = ("import sys, runpy; sys.argv = ['directduidelijk', *sys.argv[1:]]\n"
            "try:\n    from directduidelijk.cli import main; main()\n"
            "except SystemExit as done:\n"
            "    print('SPACY' if 'spacy' in sys.modules else 'OK', file=sys.stderr); raise\n")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "OK", done.stderr


# ------------------------------------------------------------------------- slow: the real hook


def _tool(name: str) -> str | None:
    return shutil.which(name)


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory) -> tuple[Path, str]:
    """A clean clone of the checkout's committed HEAD (the hook as a user would get it)."""
    if _tool("git") is None:
        pytest.skip("git is niet geïnstalleerd")
    if _tool("pre-commit") is None:
        pytest.skip("pre-commit is niet geïnstalleerd (pip install -e '.[test]')")
    if not (ROOT / ".git").exists():
        pytest.skip("de broncode is geen git-checkout")
    source = tmp_path_factory.mktemp("hook-source") / "directduidelijk"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(source)], check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, check=True, capture_output=True,
                         text=True).stdout.strip()
    return source, rev


@pytest.fixture(scope="module")
def letters_repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("standaardbrieven")
    subprocess.run(["git", "init", "--quiet", str(repo)], check=True)
    shutil.copy(LETTERS / "bezwaar-ontvangst-slecht.md", repo / "slechte-brief.md")
    shutil.copy(LETTERS / "bezwaar-ontvangst-goed.md", repo / "goede-brief.md")
    (repo / "notities.py").write_text("print('geen brief')\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    return repo


def pre_commit_home(tmp_path_factory) -> str:
    # Shared between test runs (pytest keeps its temporary folders per user), so the virtual
    # environment with spaCy is built once per revision; override with PRE_COMMIT_HOME.
    return os.environ.get("PRE_COMMIT_HOME") or str(tmp_path_factory.getbasetemp().parent / "pre-commit-home")


def run_hook(source: tuple[Path, str], repo: Path, files: list[str], home: str) -> subprocess.CompletedProcess:
    path, rev = source
    env = {**os.environ, "PRE_COMMIT_HOME": home, "NO_COLOR": "1"}
    return subprocess.run(
        ["pre-commit", "try-repo", str(path), "directduidelijk", "--ref", rev, "--verbose", "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=1800,
    )


@pytest.mark.slow
def test_hook_fails_on_a_bad_letter_and_passes_a_good_one(hook_source, letters_repo, tmp_path_factory):
    home = pre_commit_home(tmp_path_factory)
    bad = run_hook(hook_source, letters_repo, ["slechte-brief.md"], home)
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert "directduidelijk" in output and "Failed" in output
    assert "lange-zin" in output or "ambtelijke-taal" in output, output

    good = run_hook(hook_source, letters_repo, ["goede-brief.md", "notities.py"], home)
    output = good.stdout + good.stderr
    assert good.returncode == 0, output
    assert "Passed" in output
