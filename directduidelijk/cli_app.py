"""The typer app: every command's options, with their Dutch help texts.

Each command only declares its options and calls the function of the same command in
`directduidelijk.cli`, which does the work. `cli.main()` runs the common command lines
without this module (importing typer, rich and pydantic takes longer than the command itself);
the help of a command, usage errors, `baseline`, `audit` and unusual spellings of options come
here. The main help screen (`directduidelijk --help`) is printed by `cli.quick_help` from
`cli.HELP_*`: a change to a command's docstring or to the options here belongs there too, and
`cli.QUICK_OPTIONS` lists every option of check, regels and uitleg (tests/test_cli_quick.py
compares them all).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.rich_utils as rich_utils

from directduidelijk import __version__, cli

# Typer's help screens in Dutch.
rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"
rich_utils.OPTIONS_PANEL_TITLE = "Opties"
rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
rich_utils.ERRORS_PANEL_TITLE = "Fout"
rich_utils.ABORTED_TEXT = "Afgebroken."
rich_utils.REQUIRED_LONG_STRING = "[verplicht]"
rich_utils.DEFAULT_STRING = "[standaard: {}]"

app = typer.Typer(
    name="directduidelijk",
    help="Controleert brieven en voorstellen op duidelijke taal (Direct Duidelijk, taalniveau B1).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _done(code: int) -> None:
    raise typer.Exit(code)


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
    _done(cli.check(
        files=files, output_format=output_format, output=output, fail_on=fail_on, model=model, config_file=config_file,
        select=select, ignore=ignore, fix=fix, dry_run=dry_run, baseline_file=baseline_file, max_lint_level=max_lint_level,
        min_flesch_douma=min_flesch_douma, max_sentence_length=max_sentence_length, annotate_to=annotate_to, genre=genre,
    ))


@app.command("baseline")
def baseline_command(
    files: Annotated[list[str], typer.Argument(help="De bestanden waarvan u de huidige bevindingen accepteert.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Het baselinebestand (standaard: 'basislijn' uit de instellingen, anders .directduidelijk-baseline.json).")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="Taalmodel: naam van een geïnstalleerd spaCy-model of een map.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Leg de huidige bevindingen vast. Daarna meldt 'check --baseline' alleen nieuwe bevindingen."""
    _done(cli.baseline(files=files, output=output, model=model, config_file=config_file))


@app.command("regels")
def rules_command(
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Toon alle regels: id, set, ernst en titel."""
    _done(cli.rules(config_file=config_file))


@app.command("uitleg")
def explain_command(
    rule_id: Annotated[str, typer.Argument(help="Het id van de regel, bijvoorbeeld lijdende-vorm.", show_default=False)],
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Instellingenbestand (.toml).")] = None,
) -> None:
    """Leg een regel uit: wat hij doet, waarom, en voorbeelden."""
    _done(cli.explain(rule_id=rule_id, config_file=config_file))


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
    _done(cli.audit(folders=folders, output=output, workers=workers, include=include, exclude=exclude, force=force,
                    seconds=seconds, dask=dask, model=model, config_file=config_file))


def run() -> int:
    """Run the app on sys.argv; the exit code (typer.Exit is turned into its code)."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    return code if isinstance(code, int) else cli.EXIT_OK
