"""Command line: wires readers -> language -> rules -> reports. No logic of its own.

Heavy modules (spaCy, the model, the rule engine) are imported inside the commands,
so `--help`, `regels` and `uitleg` stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.rich_utils as rich_utils

from directduidelijk import __version__

# Typer's help screens in Dutch.
rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
rich_utils.OPTIONS_PANEL_TITLE = "Opties"
rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
rich_utils.ERRORS_PANEL_TITLE = "Fout"
rich_utils.ABORTED_TEXT = "Afgebroken."
rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
rich_utils.DEFAULT_STRING = "[standaard: {}]"

# Exit codes (documented in the README).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE_OR_USAGE = 2
EXIT_INTERNAL = 3

app = typer.Typer(
    name="directduidelijk",
    help="Controleert brieven en voorstellen op duidelijke taal (Direct Duidelijk, taalniveau B1).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class UsageProblem(Exception):
    """A problem with how the command was used (exit code 2), with a Dutch message."""


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _say_error(message: str) -> None:
    _stderr_console().print(f"[bold red]directduidelijk:[/] {message}", markup=True, highlight=False)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"directduidelijk {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool],
        typer.Option("--versie", "--version", help="Toon de versie.", callback=_version_callback, is_eager=True),
    ] = None,
) -> None:
    """Controleert brieven en voorstellen op duidelijke taal (Direct Duidelijk, taalniveau B1)."""


def open_session(config_file: Path | None, start: Path | None, overrides: dict, model: str | None):
    from directduidelijk.session import CheckSession, SessionError

    try:
        return CheckSession.open(config_file=config_file, start=start, overrides=overrides, model=model)
    except SessionError as error:
        raise UsageProblem(error.message) from None


def load_configuration(config_file: Path | None, first_input: str | None, overrides: dict):
    from directduidelijk.config import load_config

    start = Path(first_input).resolve().parent if first_input and first_input != "-" else Path.cwd()
    return load_config(start, config_file, overrides)


@app.command("check")
def check_command(
    files: Annotated[list[str], typer.Argument(help="Bestanden om te controleren (.docx, .pdf, .txt, .md). Gebruik - voor tekst uit standaardinvoer.", show_default=False)],
    output_format: Annotated[str, typer.Option("--format", "-f", help="Uitvoer: rich, json, sarif, github, junit, lines, html.")] = "rich",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Schrijf het rapport naar dit bestand.")] = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="Vanaf welke ernst de opdracht mislukt: fout, waarschuwing of suggestie.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Taalmodel: naam van een geïnstalleerd spaCy-model of een map.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--selecteer", help="Alleen deze regels of sets.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--negeer", help="Deze regels of sets overslaan.")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Vervang veilige ambtelijke woorden in .md- en .txt-bestanden en toon de wijzigingen.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Met --fix: toon alleen wat er zou veranderen.")] = False,
    baseline_file: Annotated[Optional[Path], typer.Option("--baseline", help="Meld alleen bevindingen die niet in deze baseline staan (zie 'directduidelijk baseline').")] = None,
    max_lint_level: Annotated[Optional[int], typer.Option("--max-lint-niveau", help="Mislukt als het LiNT-niveau van een document hoger is.")] = None,
    min_flesch_douma: Annotated[Optional[float], typer.Option("--min-flesch-douma", help="Mislukt als de Flesch-Douma-score van een document lager is.")] = None,
    max_sentence_length: Annotated[Optional[float], typer.Option("--max-gemiddelde-zinslengte", help="Mislukt als een document gemiddeld langere zinnen heeft.")] = None,
    annotate_to: Annotated[Optional[Path], typer.Option("--annoteer", help="Schrijf een kopie van het Word-bestand met een opmerking bij elke bevinding.")] = None,
    genre: Annotated[Optional[str], typer.Option("--genre", help="Soort document: brief, bestuursvoorstel, raadsvoorstel of anders (standaard: herkennen).")] = None,
) -> None:
    """Controleer een of meer documenten."""
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

    raise typer.Exit(gate.exit_code(results, gates))


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


@app.command("baseline")
def baseline_command(
    files: Annotated[list[str], typer.Argument(help="De bestanden waarvan u de huidige bevindingen accepteert.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Het baselinebestand (standaard: 'basislijn' uit de instellingen, anders .directduidelijk-baseline.json).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Taalmodel: naam van een geïnstalleerd spaCy-model of een map.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Leg de huidige bevindingen vast. Daarna meldt 'check --baseline' alleen nieuwe bevindingen."""
    from directduidelijk.baseline import DEFAULT_NAME, build
    from directduidelijk.checking import expand_inputs

    first = files[0] if files else None
    start = Path(first).resolve().parent if first and first != "-" else None
    session = open_session(config_file, start, {}, model)
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
    raise typer.Exit(EXIT_UNREADABLE_OR_USAGE if documents < len(results) else EXIT_OK)


@app.command("regels")
def rules_command(
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Toon alle regels: id, set, ernst en titel."""
    from rich.console import Console
    from rich.table import Table

    from directduidelijk.engine import load_rules

    config = load_configuration(config_file, None, {})
    rules = load_rules(config)
    ordered = sorted(rules, key=lambda r: (r.rule_set, r.id))
    console = Console(highlight=False)
    if not console.is_terminal:
        # Piped or redirected: one plain line per rule, easy to grep and never cut off.
        for rule in ordered:
            sys.stdout.write("\t".join((rule.id, rule.rule_set, rule.severity.value, rule.kind,
                                        "ja" if rule.enabled else "nee", rule.title)) + "\n")
        return
    table = Table(show_header=True, header_style="bold", box=None)
    for column in ("id", "set", "ernst", "soort", "aan"):
        table.add_column(column, no_wrap=True)  # ids must stay whole: people copy them
    table.add_column("titel")
    for rule in ordered:
        table.add_row(rule.id, rule.rule_set, rule.severity.value, rule.kind, "ja" if rule.enabled else "nee", rule.title)
    console.print(table)


@app.command("uitleg")
def explain_command(
    rule_id: Annotated[str, typer.Argument(help="Het id van de regel, bijvoorbeeld lijdende-vorm.", show_default=False)],
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Leg een regel uit: wat hij doet, waarom, en voorbeelden."""
    import difflib

    from rich.console import Console
    from rich.markdown import Markdown

    from directduidelijk.engine import load_rules
    from directduidelijk.engine.explain import explain

    config = load_configuration(config_file, None, {})
    rules = {rule.id: rule for rule in load_rules(config)}
    if rule_id not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=1)
        hint = f" Bedoelt u '{close[0]}'?" if close else " Zie 'directduidelijk regels' voor de lijst."
        raise UsageProblem(f"De regel '{rule_id}' bestaat niet.{hint}")
    text = explain(rules[rule_id])
    console = Console(highlight=False)
    if console.is_terminal:
        console.print(Markdown(text))
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command("audit")
def audit_command(
    folders: Annotated[list[Path], typer.Argument(help="Mappen (of bestanden) om te controleren.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Map voor het rapport: resultaten.sqlite, resultaten.csv, bevindingen.jsonl en rapport.html.")],
    workers: Annotated[int, typer.Option("--workers", "-w", help="Aantal processen tegelijk (standaard: alle kernen).")] = 0,
    include: Annotated[Optional[list[str]], typer.Option("--alleen", help="Alleen bestanden die passen op dit patroon, bijvoorbeeld '*.docx'.")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--behalve", help="Sla bestanden over die passen op dit patroon, bijvoorbeeld 'archief/*'.")] = None,
    force: Annotated[bool, typer.Option("--opnieuw", help="Controleer alles opnieuw, ook wat niet veranderd is.")] = False,
    seconds: Annotated[float, typer.Option("--tijdslimiet", help="Maximaal aantal seconden per document.")] = 120.0,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Adres van een Dask-cluster, bijvoorbeeld tcp://10.0.0.5:8786.")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Taalmodel: naam van een geïnstalleerd spaCy-model of een map.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Controleer een heel archief: parallel, te hervatten, met een rapport in HTML, CSV en JSON."""
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
    session = open_session(config_file, session_args["start"], {}, model)
    try:
        summary = run_audit(options, session=session)
    except SessionError as error:
        raise UsageProblem(error.message) from None
    console = Console(highlight=False)
    rate = summary.words / summary.seconds if summary.seconds else 0
    console.print(
        f"{summary.found} documenten gevonden: {summary.checked} gecontroleerd, "
        f"{summary.skipped} niet veranderd (overgeslagen), {summary.failed} niet gelezen. "
        f"{summary.words:,} woorden in {summary.seconds:.1f} s ({rate:,.0f} woorden per seconde).".replace(",", ".")
    )
    for path in summary.exports:
        console.print(f"Geschreven: {path}")


def main() -> None:
    """Entry point: run the app and turn every problem into a Dutch message and an exit code."""
    try:
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_OK)
    except typer.Exit as done:
        sys.exit(done.exit_code)
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
        if isinstance(error, typer.exceptions.TyperException) and hasattr(error, "format_message"):
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
