"""Command line: wires readers -> language -> rules -> reports. No logic of its own.

A pre-commit hook starts a new process for every commit, so start-up time counts. This module
imports only the standard library. `main()` reads the common command lines itself (see
`quick_command`: `check`, `regels`, `uitleg`, `--versie` with their usual options) and calls
the command functions below directly; `quick_help` prints the main help screen as typer would.
Everything else (the help of a command, usage errors, `baseline`, `audit`, unusual spellings
such as `-fjson` or `--`) goes to the typer app in `cli_app`, which declares the same commands
with their Dutch help texts and calls the same functions. Importing typer (with rich and
pydantic) takes longer than listing the rules. tests/test_cli_quick.py checks that both paths
read the same values and print the same.

Heavy modules (spaCy, the model, the rule engine, rich) are imported inside the commands, so
`regels` and `uitleg` never import spaCy, and rich is imported only when output needs it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

from directduidelijk import __version__

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE_OR_USAGE = 2
EXIT_INTERNAL = 3


class UsageProblem(Exception):
    """A problem with how the command was used (exit code 2), with a Dutch message."""


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _say_error(message: str) -> None:
    _stderr_console().print(f"[bold red]directduidelijk:[/] {message}", markup=True, highlight=False)


def _stdout_is_plain() -> bool:
    """True when rich would surely not treat stdout as a terminal, so rich need not be imported.

    Conservative: whenever rich might decide otherwise (FORCE_COLOR, TTY_COMPATIBLE, Jupyter),
    this says False and the caller asks rich itself.
    """
    import builtins

    if "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ or hasattr(builtins, "get_ipython"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    if isatty is None:
        return False
    try:
        return not isatty()
    except ValueError:
        return False


def _rich_stdout():
    """rich's console for stdout, or None when stdout is not a terminal (then print plain text)."""
    if _stdout_is_plain():
        return None
    from rich.console import Console

    console = Console(highlight=False)
    return console if console.is_terminal else None


# --------------------------------------------------------------------------- commands


def open_session(config_file: Path | None, start: Path | None, overrides: dict, model: str | None,
                 *, load_language: bool = True):
    """The session, with its language model loaded unless ``load_language`` is False (audit: only
    when a document needs checking); a model that is not there is reported either way."""
    from directduidelijk.session import CheckSession, SessionError

    try:
        session = CheckSession.open(config_file=config_file, start=start, overrides=overrides, model=model)
        if load_language:
            session.load_language()
    except SessionError as error:
        raise UsageProblem(error.message) from None
    return session


_final_collection_skipped = False


def skip_final_collection() -> None:
    """At exit, keep the interpreter's last garbage collection away from what is still alive.

    A process that loaded the language model ends with millions of objects (model, word lists,
    tables). Python's final collection walks all of them before the process ends: about 0.2 s
    of checking one letter from a cold start. gc.freeze() at exit moves them out of its way.
    They are still freed by reference counting as modules are torn down, and the operating
    system takes back the rest with the process. It happens at exit only, so a program that
    calls main() more than once (the tests) keeps collecting garbage as usual until it ends.
    """
    global _final_collection_skipped
    if not _final_collection_skipped:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _final_collection_skipped = True


def load_configuration(config_file: Path | None, first_input: str | None, overrides: dict):
    from directduidelijk.config import load_config

    start = Path(first_input).resolve().parent if first_input and first_input != "-" else Path.cwd()
    return load_config(start, config_file, overrides)


def check(
    files: list[str],
    output_format: str = "rich",
    output: Path | None = None,
    fail_on: str | None = None,
    model: str | None = None,
    config_file: Path | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fix: bool = False,
    dry_run: bool = False,
    baseline_file: Path | None = None,
    max_lint_level: int | None = None,
    min_flesch_douma: float | None = None,
    max_sentence_length: float | None = None,
    annotate_to: Path | None = None,
    genre: str | None = None,
) -> int:
    """`directduidelijk check`: check one or more documents; returns the exit code."""
    from directduidelijk.checking import expand_inputs
    from directduidelijk.findings import Severity
    from directduidelijk.report import RENDERERS, RenderContext, renderer

    if output_format != "rich" and output_format not in RENDERERS:
        raise UsageProblem(f"Onbekend formaat '{output_format}'. Kies uit: rich, {', '.join(sorted(RENDERERS))}.")
    overrides: dict = {}
    if select:
        overrides["selecteer"] = select
    if ignore:
        overrides["negeer"] = ignore
    if fail_on:
        overrides["faal-op"] = fail_on
    if genre:
        from directduidelijk.genre import GenreError, parse_genre

        try:
            overrides["genre"] = parse_genre(genre)
        except GenreError as error:
            raise UsageProblem(error.message) from None
    first = files[0] if files else None
    start = Path(first).resolve().parent if first and first != "-" else None
    session = open_session(config_file, start, overrides, model)
    skip_final_collection()
    for warning in getattr(session.engine, "warnings", []):
        _stderr_console().print(f"Let op: {warning}", markup=False, highlight=False)
    threshold: Severity = session.fail_on
    known = load_baseline(baseline_file, session.config)
    stdin_bytes = sys.stdin.buffer.read() if "-" in files else None
    items = expand_inputs(files, stdin_bytes)
    if annotate_to is not None and (len(files) != 1 or not files[0].lower().endswith(".docx")):
        raise UsageProblem("--annoteer werkt met precies één Word-bestand (.docx).")
    keep = output_format in ("html",) or annotate_to is not None
    results = list(session.check(items, keep_documents=keep))
    tool = session.tool_info()
    rules = session.rules

    for result in results:
        if result.error is not None:
            _say_error(f"{result.path}: {result.error.message}")
    if fix:
        apply_fixes(results, dry_run)
    if annotate_to is not None and results and results[0].error is None:
        from directduidelijk.report.word_comments import AnnotationError, annotate

        try:
            placed = annotate(Path(files[0]), results[0], annotate_to)
        except AnnotationError as error:
            raise UsageProblem(error.message) from None
        _stderr_console().print(f"Geschreven: {annotate_to} ({placed} opmerkingen en een samenvatting).")

    from directduidelijk import gate
    from directduidelijk.baseline import apply as apply_baseline, stale_lines

    active = {rule.id for rule in rules if rule.enabled}
    outcome = apply_baseline(known, results, active) if known is not None else None
    cli_limits = {key: value for key, value in (("max-lint-niveau", max_lint_level), ("min-flesch-douma", min_flesch_douma),
                                                ("max-gemiddelde-zinslengte", max_sentence_length)) if value is not None}
    gates = gate.evaluate_all(results, threshold, gate.thresholds_from_config(session.config, cli_limits))
    notes = stale_lines(outcome) if outcome is not None else []

    if output_format == "rich" and output is None:
        from rich.console import Console

        from directduidelijk.report import terminal

        console = Console(highlight=False)
        terminal.render(results, tool, console, threshold, gates=gates)
        for note in notes:
            console.print(note, markup=False, soft_wrap=True)
    elif output_format == "rich":
        from rich.console import Console

        from directduidelijk.report import terminal

        with open(output, "w", encoding="utf-8") as handle:
            console = Console(file=handle, no_color=True, width=100)
            terminal.render(results, tool, console, threshold, gates=gates)
            for note in notes:
                console.print(note, markup=False, soft_wrap=True)
    else:
        options = {"gates": gates, "baseline": outcome.summary() if outcome is not None else None}
        context = RenderContext(tool=tool, rules={rule.id: rule for rule in rules}, fail_on=threshold, options=options)
        text = renderer(output_format).render(results, context)
        write_output(text, output)
        for note in notes:
            _stderr_console().print(note, markup=False, highlight=False, soft_wrap=True)

    return gate.exit_code(results, gates)


def load_baseline(baseline_file: Path | None, config):
    """--baseline FILE or `basislijn` from the configuration; None when there is none."""
    from directduidelijk.baseline import BaselineError, configured_path, load

    path = configured_path(baseline_file, config)
    if path is None:
        return None
    try:
        return load(path)
    except BaselineError as error:
        raise UsageProblem(error.message) from None


def apply_fixes(results, dry_run: bool) -> None:
    """--fix: safe replacements in .md/.txt only; the diff goes to stderr so reports stay clean."""
    from directduidelijk.fixes import FIXABLE_FORMATS, plan_fixes, write_fixed

    console = _stderr_console()
    for result in results:
        if result.error is not None or result.path == "-":
            continue
        if result.format not in FIXABLE_FORMATS:
            console.print(f"{result.path}: --fix werkt alleen voor .md en .txt. Dit bestand blijft zoals het is.")
            continue
        plan = plan_fixes(result.path, result.findings)
        if not plan.applied:
            continue
        console.print(plan.diff(), markup=False, highlight=False, end="")
        if dry_run:
            console.print(f"{result.path}: {len(plan.applied)} veilige vervanging(en) gevonden (niets veranderd: --dry-run).")
        else:
            write_fixed(plan)
            # What was fixed is no longer a finding; the report shows what is left.
            result.findings = [f for f in result.findings if not any(f is done for done in plan.applied)]
            console.print(f"{result.path}: {len(plan.applied)} veilige vervanging(en) gedaan.")


def exit_code(results, threshold) -> int:
    if any(result.error is not None for result in results):
        return EXIT_UNREADABLE_OR_USAGE
    if any(f.severity.rank >= threshold.rank for result in results for f in result.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def write_output(text: str, output: Path | None) -> None:
    """Write the report to stdout or atomically to a file (never half a report)."""
    if output is None:
        sys.stdout.write(text)
        return
    output = Path(output)
    temporary = output.with_name(f".{output.name}.tmp-{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, output)


def baseline(files: list[str], output: Path | None = None, model: str | None = None,
             config_file: Path | None = None) -> int:
    """`directduidelijk baseline`: record the current findings; returns the exit code."""
    import typer

    from directduidelijk.baseline import DEFAULT_NAME, build
    from directduidelijk.checking import expand_inputs

    first = files[0] if files else None
    start = Path(first).resolve().parent if first and first != "-" else None
    session = open_session(config_file, start, {}, model)
    skip_final_collection()
    target = output or getattr(session.config, "baseline", None) or Path(DEFAULT_NAME)
    items = expand_inputs(files, sys.stdin.buffer.read() if "-" in files else None)
    results = list(session.check(items))
    for result in results:
        if result.error is not None:
            _say_error(f"{result.path}: {result.error.message}")
    tool = session.tool_info()
    known = build(results, Path(target), {"name": tool.name, "version": tool.version})
    known.save(Path(target))
    documents = sum(1 for result in results if result.error is None)
    typer.echo(f"Baseline geschreven: {target} ({len(known.entries)} bevindingen in {documents} documenten).")
    return EXIT_UNREADABLE_OR_USAGE if documents < len(results) else EXIT_OK


def rules(config_file: Path | None = None) -> int:
    """`directduidelijk regels`: every rule with id, set, severity and title."""
    from directduidelijk.engine import load_rules

    config = load_configuration(config_file, None, {})
    ordered = sorted(load_rules(config), key=lambda r: (r.rule_set, r.id))
    console = _rich_stdout()
    if console is None:
        # Piped or redirected: one plain line per rule, easy to grep and never cut off.
        for rule in ordered:
            sys.stdout.write("\t".join((rule.id, rule.rule_set, rule.severity.value, rule.kind,
                                        "ja" if rule.enabled else "nee", rule.title)) + "\n")
        return EXIT_OK
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None)
    for column in ("id", "set", "ernst", "soort", "aan"):
        table.add_column(column, no_wrap=True)  # ids must stay whole: people copy them
    table.add_column("titel")
    for rule in ordered:
        table.add_row(rule.id, rule.rule_set, rule.severity.value, rule.kind, "ja" if rule.enabled else "nee", rule.title)
    console.print(table)
    return EXIT_OK


def explain(rule_id: str, config_file: Path | None = None) -> int:
    """`directduidelijk uitleg`: what a rule does, why, and examples."""
    from directduidelijk.engine import load_rules
    from directduidelijk.engine.explain import explain as explain_rule

    config = load_configuration(config_file, None, {})
    by_id = {rule.id: rule for rule in load_rules(config)}
    if rule_id not in by_id:
        import difflib

        close = difflib.get_close_matches(rule_id, list(by_id), n=1)
        hint = f" Bedoelt u '{close[0]}'?" if close else " Zie 'directduidelijk regels' voor de lijst."
        raise UsageProblem(f"De regel '{rule_id}' bestaat niet.{hint}")
    text = explain_rule(by_id[rule_id])
    console = _rich_stdout()
    if console is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    from rich.markdown import Markdown

    console.print(Markdown(text))
    return EXIT_OK


def audit(folders: list[Path], output: Path, workers: int = 0, include: list[str] | None = None,
          exclude: list[str] | None = None, force: bool = False, seconds: float = 120.0, dask: str | None = None,
          model: str | None = None, config_file: Path | None = None) -> int:
    """`directduidelijk audit`: check a whole archive in parallel, resumable, with reports."""
    from rich.console import Console

    from directduidelijk.audit.runner import AuditOptions, run_audit
    from directduidelijk.session import SessionError

    missing = [str(folder) for folder in folders if not folder.exists()]
    if missing:
        raise UsageProblem(f"Deze map bestaat niet: {', '.join(missing)}.")
    if output.exists() and not output.is_dir():
        raise UsageProblem(f"{output} is een bestand. Geef bij --output een map op.")
    session_args = {"config_file": config_file, "start": folders[0].resolve() if folders[0].is_dir()
                    else folders[0].resolve().parent, "overrides": {}, "model": model}
    options = AuditOptions(
        roots=[folder.resolve() for folder in folders], output=output, workers=workers or (os.cpu_count() or 1),
        include=include or [], exclude=exclude or [], force=force, seconds_per_document=seconds or None,
        dask_address=dask, session_args=session_args,
    )
    session = open_session(config_file, session_args["start"], {}, model, load_language=False)
    try:
        summary = run_audit(options, session=session)
    except SessionError as error:
        raise UsageProblem(error.message) from None
    console = Console(highlight=False)
    rate = summary.words / summary.seconds if summary.seconds else 0
    console.print(audit_summary_line(summary.found, summary.checked, summary.skipped, summary.failed,
                                     summary.words, summary.seconds, rate))
    for path in summary.exports:
        console.print(f"Geschreven: {path}")
    return EXIT_OK


def _thousands(value: float) -> str:
    """A whole number with a dot between thousands, as Dutch writes it: 12.345."""
    return f"{round(value):,}".replace(",", ".")


def audit_summary_line(found: int, checked: int, skipped: int, failed: int, words: int, seconds: float,
                       rate: float) -> str:
    """The last line of an audit. Only the large numbers get a thousands dot; the commas between
    the parts of the sentence stay commas."""
    return (f"{found} documenten gevonden: {checked} gecontroleerd, "
            f"{skipped} niet veranderd (overgeslagen), {failed} niet gelezen. "
            f"{_thousands(words)} woorden in {seconds:.1f} s ({_thousands(rate)} woorden per seconde).")


# --------------------------------------------------------------------------- quick command lines

# Option -> (parameter, kind) per command, exactly as declared in cli_app (a test compares them).
# kind: "text", "path", "int", "float", "flag" (no value) or "list" (may be repeated).
QUICK_OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "check": {
        "--format": ("output_format", "text"), "-f": ("output_format", "text"),
        "--output": ("output", "path"), "-o": ("output", "path"),
        "--fail-on": ("fail_on", "text"),
        "--model": ("model", "text"),
        "--config": ("config_file", "path"),
        "--selecteer": ("select", "list"),
        "--negeer": ("ignore", "list"),
        "--fix": ("fix", "flag"),
        "--dry-run": ("dry_run", "flag"),
        "--baseline": ("baseline_file", "path"),
        "--max-lint-niveau": ("max_lint_level", "int"),
        "--min-flesch-douma": ("min_flesch_douma", "float"),
        "--max-gemiddelde-zinslengte": ("max_sentence_length", "float"),
        "--annoteer": ("annotate_to", "path"),
        "--genre": ("genre", "text"),
    },
    "regels": {"--config": ("config_file", "path")},
    "uitleg": {"--config": ("config_file", "path")},
}
# Command -> (function name in this module, name of the positional parameter, how many: "one"/"many"/None).
QUICK_COMMANDS: dict[str, tuple[str, str | None, str | None]] = {
    "check": ("check", "files", "many"),
    "regels": ("rules", None, None),
    "uitleg": ("explain", "rule_id", "one"),
}


_WINDOWS_EXPANDS = frozenset("~$%*?[")
_PLAIN_INT = re.compile(r"0|[1-9][0-9]*")
_PLAIN_FLOAT = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?")


def _convert(kind: str, value: str) -> Any:
    """A value as typer would convert it, or raise ValueError when typer should judge it."""
    if kind in ("text", "list"):
        return value
    if kind == "path":
        return Path(value)
    if kind == "int" and _PLAIN_INT.fullmatch(value):
        return int(value)
    if kind == "float" and _PLAIN_FLOAT.fullmatch(value):
        return float(value)
    raise ValueError(value)


def quick_command(args: list[str]) -> tuple[Callable[..., int], dict[str, Any]] | None:
    """(function, keyword arguments) for a plain command line, or None to let typer handle it.

    Only spellings that typer reads in exactly one way are accepted: `--option value`,
    `--option=value`, `-f value`, flags, and arguments (including `-` for standard input)
    before, between or after options. A value must not be empty or start with `-`, an option
    other than a list may appear once, and numbers must be plain digits. Anything else, and
    every error, goes to typer, which reports it in the usual way.
    """
    if not args or args[0] not in QUICK_COMMANDS or any(key.endswith("_COMPLETE") for key in os.environ):
        return None
    if os.name == "nt" and any(_WINDOWS_EXPANDS.intersection(arg) for arg in args):
        return None  # on Windows typer expands ~, %VAR%, $VAR and wildcards itself
    function_name, positional, count = QUICK_COMMANDS[args[0]]
    options = QUICK_OPTIONS[args[0]]
    values: dict[str, Any] = {}
    arguments: list[str] = []
    rest = args[1:]
    index = 0
    while index < len(rest):
        token = rest[index]
        index += 1
        if token == "-" or not token.startswith("-"):
            arguments.append(token)
            continue
        name, has_value, value = token.partition("=")
        if name not in options or (has_value and not name.startswith("--")):
            return None
        parameter, kind = options[name]
        if kind == "flag":
            if has_value or parameter in values:
                return None
            values[parameter] = True
            continue
        if not has_value:
            if index >= len(rest):
                return None
            value = rest[index]
            index += 1
        if not value or value.startswith("-"):
            return None
        try:
            converted = _convert(kind, value)
        except ValueError:
            return None
        if kind == "list":
            values.setdefault(parameter, []).append(converted)
        elif parameter in values:
            return None
        else:
            values[parameter] = converted
    if count is None and arguments:
        return None
    if count == "one":
        if len(arguments) != 1:
            return None
        values[positional] = arguments[0]
    if count == "many":
        if not arguments:
            return None
        values[positional] = arguments
    return globals()[function_name], values


class _QuietPipe:
    """Like click's PacifyFlushWrapper: after a broken pipe, flushing at exit stays silent."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            import errno

            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _run_quick(function: Callable[..., int], values: dict[str, Any]) -> int:
    """Run a command the way typer runs it (Ctrl-C: 130 without a message; broken pipe: 1)."""
    import errno

    try:
        return function(**values)
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        sys.stdout = _QuietPipe(sys.stdout)
        sys.stderr = _QuietPipe(sys.stderr)
        sys.exit(1)


# `directduidelijk --help`, as typer prints it (rich_utils.rich_format_help for this app).
HELP_TEXT = "Controleert brieven en voorstellen op duidelijke taal (Direct Duidelijk, taalniveau B1)."
HELP_OPTIONS = (("--versie,--version", "", "<bool>", "Toon de versie."),
                ("--help", "-h", "<bool>", "Show this message and exit."))
HELP_COMMANDS = (
    ("check", "Controleer een of meer documenten."),
    ("baseline", "Leg de huidige bevindingen vast. Daarna meldt 'check --baseline' alleen nieuwe bevindingen."),
    ("regels", "Toon alle regels: id, set, ernst en titel."),
    ("uitleg", "Leg een regel uit: wat hij doet, waarom, en voorbeelden."),
    ("audit", "Controleer een heel archief: parallel, te hervatten, met een rapport in HTML, CSV en JSON."),
)
HELP_TITLES = ("Opties", "Opdrachten")


def _program_name() -> str:
    """The program name in the usage line, as click finds it (click.utils._detect_program_name)."""
    main_module = sys.modules["__main__"]
    path = sys.argv[0]
    package = getattr(main_module, "__package__", None)
    if package in (None, "") or (os.name == "nt" and package == "" and not os.path.exists(path)
                                 and os.path.exists(f"{path}.exe")):
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    if name != "__main__":
        package = f"{package}.{name}"
    return f"python -m {package.lstrip('.')}"


def quick_help() -> bool:
    """Print the main help screen exactly as typer does, without importing typer; False when
    typer should print it (an environment that changes typer's layout, a very long usage line)."""
    import shutil

    if any(os.environ.get(name) for name in ("TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL")):
        return False
    usage = f"Usage: {_program_name()} [OPTIONS] COMMAND [ARGS]..."
    if len(usage) > max(min(shutil.get_terminal_size().columns, 80) - 2, 50):
        return False  # click would wrap it
    from rich.align import Align
    from rich.columns import Columns
    from rich.console import Console
    from rich.highlighter import RegexHighlighter
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.theme import Theme

    class OptionHighlighter(RegexHighlighter):
        highlights = [r"(^|\W)(?P<switch>\-\w+)(?![a-zA-Z0-9])", r"(^|\W)(?P<option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
                      r"(?P<types>\<[^\>]+\>)", r"(?P<usage>Usage: )"]

    class TypesHighlighter(RegexHighlighter):
        highlights = [r"^(?P<types_sep>(\[|<))", r"(?P<types_sep>\|)", r"(?P<types_sep>(\]|>))(\.\.\.)?$"]

    highlight, types = OptionHighlighter(), TypesHighlighter()
    force = True if any(os.environ.get(name) for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "PY_COLORS")) else None
    console = Console(theme=Theme({"option": "bold cyan", "switch": "bold green", "negative_option": "bold magenta",
                                   "negative_switch": "bold red", "types": "bold yellow", "types_sep": "dim",
                                   "usage": "yellow"}),
                      highlighter=highlight, color_system="auto", force_terminal=force, width=None)
    console.print(Padding(highlight(usage), 1), style="bold")
    console.print(Padding(Align(highlight(Text.from_markup(HELP_TEXT, style="")), pad=False), (0, 1, 1, 1)))
    options = Table(highlight=True, show_header=False, expand=True, box=None, show_lines=False, leading=0,
                    border_style=None, row_styles=None, pad_edge=False, padding=(0, 1))
    for long, short, kind, text in HELP_OPTIONS:
        options.add_row(highlight(long), highlight(short), Text(""), Text(""),
                        types(Text(kind, style="bold yellow", overflow="fold")),
                        Columns([highlight(Text.from_markup(text, style=""))]))
    console.print(Panel(options, border_style="dim", title=HELP_TITLES[0], title_align="left"))
    commands = Table(highlight=False, show_header=False, expand=True, box=None, show_lines=False, leading=0,
                     border_style=None, row_styles=None, pad_edge=False, padding=(0, 1))
    commands.add_column(style="bold cyan", no_wrap=True, width=max(len(name) for name, _ in HELP_COMMANDS))
    commands.add_column("Description", justify="left", no_wrap=False, ratio=10)
    for name, text in HELP_COMMANDS:
        commands.add_row(Text(name), highlight(Text.from_markup(text, style="")))
    console.print(Panel(commands, border_style="dim", title=HELP_TITLES[1], title_align="left"))
    sys.stdout.write("\n")  # click echoes the (empty) rest of the help text
    sys.stdout.flush()
    return True


def run(args: list[str]) -> int:
    """Run one command line; the exit code. Exceptions are left to main()."""
    if args in (["--versie"], ["--version"]):
        sys.stdout.write(f"directduidelijk {__version__}\n")
        sys.stdout.flush()
        return EXIT_OK
    if args in (["--help"], ["-h"]) and not any(key.endswith("_COMPLETE") for key in os.environ) and quick_help():
        return EXIT_OK
    quick = quick_command(args)
    if quick is not None:
        return _run_quick(*quick)
    from directduidelijk import cli_app

    return cli_app.run()


def main() -> None:
    """Entry point: run the command and turn every problem into a Dutch message and an exit code."""
    try:
        sys.exit(run(sys.argv[1:]))
    except UsageProblem as problem:
        _say_error(str(problem))
        sys.exit(EXIT_UNREADABLE_OR_USAGE)
    except KeyboardInterrupt:
        _say_error("Afgebroken.")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence: never a traceback
        kind = type(error).__name__
        if kind == "Abort":
            _say_error("Afgebroken.")
            sys.exit(130)
        typer = sys.modules.get("typer")
        if typer is not None and isinstance(error, typer.exceptions.TyperException) and hasattr(error, "format_message"):
            _say_error(usage_message(error))
            sys.exit(EXIT_UNREADABLE_OR_USAGE)
        message = getattr(error, "message", None)
        if message and kind in ("RuleError", "ConfigError"):
            _say_error(message)
            sys.exit(EXIT_UNREADABLE_OR_USAGE)
        _say_error(
            f"Er ging iets mis in directduidelijk zelf ({kind}: {error}). "
            "Meld dit aan de beheerders, met het bestand als dat kan."
        )
        if os.environ.get("DIRECTDUIDELIJK_DEBUG"):
            raise
        sys.exit(EXIT_INTERNAL)


def usage_message(error) -> str:
    """Click's usage errors in Dutch (its own texts are English)."""
    kind = type(error).__name__
    hint = " Zie 'directduidelijk --help'."
    if kind == "MissingParameter":
        name = getattr(getattr(error, "param", None), "name", "") or ""
        if name == "files":
            return "Geef een of meer bestanden op, of - voor standaardinvoer." + hint
        return f"Er ontbreekt een waarde: {name}." + hint
    if kind == "NoSuchOption":
        return f"De optie '{getattr(error, 'option_name', '')}' bestaat niet." + hint
    if kind == "BadParameter" or kind == "BadOptionUsage" or kind == "BadArgumentUsage":
        return f"Ongeldige waarde: {error.format_message()}" + hint
    text = error.format_message()
    if text.startswith("No such command"):
        command = text.split("'")[1] if "'" in text else ""
        return f"De opdracht '{command}' bestaat niet. Kies uit: check, regels, uitleg, baseline, audit." + hint
    return text + hint


def __getattr__(name: str):
    """`cli.app` (the typer app) for code that used it before the split: imported on first use."""
    if name == "app":
        from directduidelijk.cli_app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
