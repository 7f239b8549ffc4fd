"""The quick path of the command line (cli.quick_command) against the typer app (cli_app).

`directduidelijk check`, `regels`, `uitleg` and `--versie` are read without typer, so a
pre-commit hook starts fast. These tests make sure that changes nothing: the quick parser
gives the command the same values as typer, refuses what it cannot read exactly like typer
(typer then handles it), both paths print the same, and the quick path really does not import
typer, rich or spaCy where that is claimed.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from directduidelijk import cli, cli_app

ROOT = Path(__file__).resolve().parents[1]
COMMAND_FUNCTIONS = {"check": "check", "regels": "rules", "uitleg": "explain"}


# ------------------------------------------------------------------------- the option table


def _kind(annotation) -> str:
    base = typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation
    if typing.get_origin(base) is typing.Union:
        base = next(arg for arg in typing.get_args(base) if arg is not type(None))
    if typing.get_origin(base) is list:
        return "list"
    return {bool: "flag", int: "int", float: "float", Path: "path", str: "text"}[base]


@pytest.mark.parametrize("command", sorted(cli.QUICK_OPTIONS))
def test_quick_options_are_the_typer_options(command):
    """Every option of the typer command is in the quick table with the same parameter and kind, and back."""
    import typer.main

    group = typer.main.get_command(cli_app.app)
    declared = group.commands[command]
    function = getattr(cli_app, {"check": "check_command", "regels": "rules_command", "uitleg": "explain_command"}[command])
    hints = typing.get_type_hints(function, include_extras=True)
    expected = {}
    positional = None
    for param in declared.params:
        if param.name == "help":
            continue
        if param.param_type_name == "argument":
            positional = param.name
            continue
        for option in (*param.opts, *param.secondary_opts):
            expected[option] = (param.name, _kind(hints[param.name]))
    assert cli.QUICK_OPTIONS[command] == expected
    name, quick_positional, _ = cli.QUICK_COMMANDS[command]
    assert name == COMMAND_FUNCTIONS[command]
    assert quick_positional == positional
    # The command function takes exactly the typer command's parameters.
    assert set(inspect.signature(getattr(cli, name)).parameters) == {p.name for p in declared.params} - {"help"}


# ------------------------------------------------------------------------- parsing: quick == typer

SAME_AS_TYPER = [
    ["check", "a.md"],
    ["check", "a.md", "b.docx", "--format", "json"],
    ["check", "--format=sarif", "-o", "out.sarif", "a.md", "-"],
    ["check", "-f", "lines", "--selecteer", "lange-zin", "--selecteer", "ambtelijke-taal", "--negeer=x", "a.md"],
    ["check", "--fix", "--dry-run", "a.md"],
    ["check", "a.md", "--max-lint-niveau", "2", "--min-flesch-douma", "60", "--max-gemiddelde-zinslengte", "15.5"],
    ["check", "--min-flesch-douma", "0", "--max-lint-niveau", "0", "a.md"],
    ["check", "--baseline", "b.json", "--config", "c.toml", "--model", "nl_x", "--genre", "brief",
     "--fail-on", "waarschuwing", "--annoteer", "x.docx", "a.docx"],
    ["check", "map met spatie/brief één.md", "--output=rapport.json"],
    ["regels"],
    ["regels", "--config", "x.toml"],
    ["uitleg", "lange-zin"],
    ["uitleg", "--config=x.toml", "lange-zin"],
    ["uitleg", "lange-zin", "--config", "x.toml"],
]

LEFT_TO_TYPER = [
    [], ["--help"], ["-h"], ["--versie", "regels"], ["baseline", "a.md"], ["audit", "map", "-o", "uit"],
    ["check"], ["check", "--help"], ["check", "a.md", "-h"], ["check", "-fjson", "a.md"], ["check", "-f=json", "a.md"],
    ["check", "--", "a.md"], ["check", "--format", "json", "--format", "lines", "a.md"],
    ["check", "--max-lint-niveau", "2.5", "a.md"], ["check", "--max-lint-niveau", "-1", "a.md"],
    ["check", "--max-lint-niveau", "02", "a.md"], ["check", "--min-flesch-douma", "1e3", "a.md"],
    ["check", "--min-flesch-douma", ".5", "a.md"], ["check", "--fix=ja", "a.md"], ["check", "--fix", "--fix", "a.md"],
    ["check", "--onbekend", "a.md"], ["check", "a.md", "--format"], ["check", "--format=", "a.md"],
    ["check", "--output", "-", "a.md"], ["check", "--selecteer", "-x", "a.md"], ["check", "--formaat", "json", "a.md"],
    ["regels", "extra"], ["regels", "--config"], ["regels", "--help"], ["regels", "-"],
    ["uitleg"], ["uitleg", "a", "b"], ["uitleg", "--help"], ["Check", "a.md"], ["chec", "a.md"],
]


def typer_values(monkeypatch, args):
    """The function typer calls for this command line and the values it passes."""
    calls = []
    with monkeypatch.context() as patch:
        for function in COMMAND_FUNCTIONS.values():
            patch.setattr(cli, function, lambda _name=function, **values: calls.append((_name, values)) or 0)
        patch.setattr(sys, "argv", ["directduidelijk", *args])
        assert cli_app.run() == 0
    assert len(calls) == 1
    return calls[0]


@pytest.mark.parametrize("args", SAME_AS_TYPER, ids=" ".join)
def test_quick_parser_gives_the_values_typer_gives(monkeypatch, args):
    quick = cli.quick_command(args)
    assert quick is not None, "deze opdrachtregel hoort snel te gaan"
    function, values = quick
    bound = inspect.signature(function).bind(**values)
    bound.apply_defaults()
    name, expected = typer_values(monkeypatch, args)
    assert function.__name__ == name
    # typer passes empty lists where nobody gave the option; the command treats both the same.
    expected = {key: (None if value == [] else value) for key, value in expected.items()}
    assert dict(bound.arguments) == expected
    for key, value in expected.items():
        assert type(bound.arguments[key]) is type(value), key


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=lambda args: " ".join(args) or "(niets)")
def test_unusual_command_lines_are_left_to_typer(args):
    assert cli.quick_command(args) is None


def test_on_windows_typer_expands_wildcards(monkeypatch):
    monkeypatch.setattr(cli.os, "name", "nt")
    assert cli.quick_command(["check", "brieven/*.docx"]) is None
    assert cli.quick_command(["check", "%USERPROFILE%/brief.md"]) is None
    assert cli.quick_command(["check", "brief.md"]) is not None


def test_shell_completion_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("_DIRECTDUIDELIJK_COMPLETE", "bash_complete")
    assert cli.quick_command(["regels"]) is None


# ------------------------------------------------------------------------- output: quick == typer


def run_main(monkeypatch, capsys, args, *, through_typer: bool):
    with monkeypatch.context() as patch:
        patch.setattr(sys, "argv", ["directduidelijk", *args])
        if through_typer:
            patch.setattr(cli, "run", lambda _args: cli_app.run())
        with pytest.raises(SystemExit) as done:
            cli.main()
    out, err = capsys.readouterr()
    return done.value.code, out, err


OUTPUT_CASES = [
    ["regels"],
    ["uitleg", "lijdende-vorm"],
    ["uitleg", "lange-zin", "--config", "pyproject.toml"],
    ["uitleg", "lijdende-vrom"],  # unknown rule: the Dutch error with a suggestion
    ["regels", "--config", "bestaat-niet.toml"],
    ["--versie"],
]


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
@pytest.mark.parametrize("args", OUTPUT_CASES, ids=" ".join)
def test_quick_and_typer_print_the_same(monkeypatch, capsys, args, terminal):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    if terminal:
        monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich treats the capture as a terminal
    else:
        monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
        monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert cli.quick_command(args) is not None or args == ["--versie"]
    quick = run_main(monkeypatch, capsys, args, through_typer=False)
    full = run_main(monkeypatch, capsys, args, through_typer=True)
    assert quick == full
    assert quick[1] or quick[2]


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory):
    spacy = pytest.importorskip("spacy")
    path = tmp_path_factory.mktemp("model") / "nl_blank"
    spacy.blank("nl").to_disk(path)
    return str(path)


LETTER = ("Beste meneer Jansen,\n\nIndien u het niet eens bent met dit besluit, dan kunt u binnen zes weken na de "
          "dagtekening van deze brief schriftelijk bezwaar maken bij het college van burgemeester en wethouders "
          "van de gemeente.\n\nMet vriendelijke groet,\n")


@pytest.mark.parametrize("extra", [["--format", "lines"], ["--format", "json", "--fail-on", "waarschuwing"],
                                   ["--max-gemiddelde-zinslengte", "10"], ["--format", "bestaat-niet"]],
                         ids=" ".join)
def test_quick_and_typer_check_the_same(monkeypatch, capsys, tmp_path, blank_model, extra):
    (tmp_path / "brief.md").write_text(LETTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    args = ["check", "--model", blank_model, "--selecteer", "lange-zin", "--selecteer", "ambtelijke-taal", *extra, "brief.md"]
    assert cli.quick_command(args) is not None
    quick = run_main(monkeypatch, capsys, args, through_typer=False)
    full = run_main(monkeypatch, capsys, args, through_typer=True)
    assert quick == full
    assert quick[0] in (0, 1, 2) and (quick[1] or quick[2])


# ------------------------------------------------------------------------- what is imported

IMPORT_PROBE = (
    "import sys, atexit\n"
    "atexit.register(lambda: print('MODULES', sorted(m for m in ('typer', 'rich', 'pydantic', 'spacy', 'directduidelijk.cli_app') if m in sys.modules),"
    " file=sys.stderr))\n"
    "sys.argv = ['directduidelijk', *sys.argv[1:]]\n"
    "from directduidelijk.cli import main\n"
    "main()\n"
)


def imported(args: list[str], cwd: Path = ROOT, **env: str) -> list[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    environment.update(env)
    done = subprocess.run([sys.executable, "-c", IMPORT_PROBE, *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    line = [line for line in done.stderr.splitlines() if line.startswith("MODULES")][-1]
    return eval(line.removeprefix("MODULES "))  # noqa: S307 - our own probe's list of names


@pytest.mark.parametrize("args", [["regels"], ["uitleg", "lijdende-vorm"], ["--versie"]], ids=" ".join)
def test_quick_commands_import_neither_typer_nor_rich_when_piped(args):
    assert imported(args) == []


def test_quick_commands_in_a_terminal_use_rich_but_not_typer():
    assert imported(["regels"], TTY_COMPATIBLE="1") == ["rich"]


def test_help_of_a_command_comes_from_typer_without_spacy():
    modules = imported(["check", "--help"])
    assert "directduidelijk.cli_app" in modules and "spacy" not in modules


def test_check_does_not_build_the_typer_app(tmp_path, blank_model):
    """spaCy imports typer itself (for its own command line), but our app is never built."""
    (tmp_path / "brief.md").write_text(LETTER, encoding="utf-8")
    modules = imported(["check", "--model", blank_model, "--format", "json", "brief.md"], cwd=tmp_path)
    assert "directduidelijk.cli_app" not in modules and "spacy" in modules


# ------------------------------------------------------------------------- --help without typer

HELP_PROBE = (
    "import sys, os\n"
    "module = sys.argv.pop(1) == 'module'\n"
    "through_typer = sys.argv.pop(1) == 'typer'\n"
    "if module:\n"
    "    sys.modules['__main__'].__package__ = 'directduidelijk'\n"
    "    sys.argv[0] = os.path.join('directduidelijk', '__main__.py')\n"
    "else:\n"
    "    sys.argv[0] = '/usr/local/bin/directduidelijk'\n"
    "from directduidelijk import cli, cli_app\n"
    "if through_typer:\n"
    "    cli.run = lambda args: cli_app.run()\n"
    "cli.main()\n"
)

HELP_ENVIRONMENTS = [
    {}, {"COLUMNS": "50"}, {"COLUMNS": "61"}, {"COLUMNS": "62"}, {"COLUMNS": "79"}, {"COLUMNS": "120"},
    {"COLUMNS": "250"}, {"NO_COLOR": "1"}, {"TTY_COMPATIBLE": "1"}, {"TTY_COMPATIBLE": "1", "COLUMNS": "70"},
    {"FORCE_COLOR": "1"}, {"GITHUB_ACTIONS": "true"}, {"PY_COLORS": "1", "NO_COLOR": "1"},
    {"TERMINAL_WIDTH": "60"}, {"_TYPER_FORCE_DISABLE_TERMINAL": "1", "FORCE_COLOR": "1"}, {"TERM": "dumb"},
]


def help_output(how: str, env: dict, module: bool, args=("--help",)) -> tuple[int, str, str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "GITHUB_ACTIONS", "PY_COLORS",
                                  "TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL")}
    environment.update(env)
    done = subprocess.run([sys.executable, "-c", HELP_PROBE, "module" if module else "script", how, *args],
                          capture_output=True, text=True, cwd=ROOT, env=environment, timeout=120)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("module", [False, True], ids=["script", "python -m"])
@pytest.mark.parametrize("env", HELP_ENVIRONMENTS, ids=lambda env: " ".join(f"{k}={v}" for k, v in env.items()) or "plain")
def test_quick_help_is_typers_help(env, module):
    quick = help_output("quick", env, module)
    assert quick == help_output("typer", env, module)
    assert quick[0] == 0 and "Opdrachten" in quick[1] and "uitleg" in quick[1]


def test_short_help_option_too():
    assert help_output("quick", {}, False, ["-h"]) == help_output("typer", {}, False, ["-h"])


def test_quick_help_does_not_import_typer():
    assert imported(["--help"]) == ["rich"]
    assert "directduidelijk.cli_app" in imported(["--help"], TERMINAL_WIDTH="60")  # typer's own layout


# ------------------------------------------------------------------------- the final garbage collection


def test_check_leaves_garbage_collection_alone_until_exit(monkeypatch, capsys, tmp_path, blank_model):
    import gc

    (tmp_path / "brief.md").write_text(LETTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, _ = run_main(monkeypatch, capsys, ["check", "--model", blank_model, "--format", "json", "brief.md"],
                          through_typer=False)
    assert code in (0, 1)
    assert cli._final_collection_skipped and gc.get_freeze_count() == 0 and gc.isenabled()


def test_at_exit_the_loaded_objects_are_frozen(tmp_path, blank_model):
    (tmp_path / "brief.md").write_text(LETTER, encoding="utf-8")
    code = ("import sys, gc, atexit\n"
            "atexit.register(lambda: print('FROZEN', gc.get_freeze_count() > 100000, file=sys.stderr))\n"
            "sys.argv = ['directduidelijk', *sys.argv[1:]]\n"
            "from directduidelijk.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code, "check", "--model", blank_model, "--format", "lines", "brief.md"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    assert "FROZEN True" in done.stderr
