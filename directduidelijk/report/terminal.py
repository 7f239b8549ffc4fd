"""The terminal report (rich): a header with the figures per document, the findings in
document order with the flagged words highlighted, and a one-line verdict.

Without colour (NO_COLOR, or output to a file or pipe) severities are words and the
flagged words stand between » and «, so nothing depends on colour.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from directduidelijk.checking import DocumentResult
from directduidelijk.findings import Finding, Severity
from directduidelijk.report import ToolInfo

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}
LEVEL_NAMES = {1: "1 (makkelijk)", 2: "2 (redelijk makkelijk)", 3: "3 (moeilijk)", 4: "4 (heel moeilijk)"}


def dutch_number(value: float | int | None, decimals: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return f"{value:.{decimals}f}".replace(".", ",")


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def location_text(finding: Finding, fmt: str | None) -> str:
    parts = []
    if finding.page is not None:
        parts.append(f"pagina {finding.page}")
    if fmt in ("txt", "md", None):
        parts.append(f"regel {finding.line}, kolom {finding.column}")
    elif fmt == "pdf":
        parts.append(f"regel {finding.line}")
        parts.append(f"alinea {finding.paragraph}")
    else:
        parts.append(f"alinea {finding.paragraph}")
    return ", ".join(parts)


def highlighted_sentence(finding: Finding, plain: bool) -> Text:
    sentence = finding.sentence
    text = Text()
    index = sentence.find(finding.text) if finding.text and finding.text != sentence else -1
    if index < 0:
        text.append(sentence)
        return text
    text.append(sentence[:index])
    if plain:
        text.append("»" + finding.text + "«")
    else:
        text.append(finding.text, style="bold reverse")
    text.append(sentence[index + len(finding.text):])
    return text


def print_indented(console: Console, text: Text, indent: int) -> None:
    """Wrap to the console width with every line indented (no trailing padding)."""
    width = max(20, console.width - indent)
    for line in text.wrap(console, width):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def group_by_sentence(findings: list[Finding]) -> list[list[Finding]]:
    """Consecutive findings about the same sentence, so the sentence is shown once."""
    groups: list[list[Finding]] = []
    for finding in findings:
        if groups and groups[-1][0].block_index == finding.block_index and groups[-1][0].sentence == finding.sentence:
            groups[-1].append(finding)
        else:
            groups.append([finding])
    return groups


def _offset_in_sentence(finding: Finding) -> int:
    start = finding.extra.get("sentence_start") if finding.extra else None
    if isinstance(start, int):
        return finding.start - start
    return finding.sentence.find(finding.text) if finding.text else -1


def highlighted_sentence_all(findings: list[Finding], plain: bool) -> Text:
    """The sentence with the words of every finding in it marked (not the whole-sentence ones)."""
    sentence = findings[0].sentence
    spans = []
    for finding in findings:
        if not finding.text or len(finding.text) >= len(sentence):
            continue
        offset = _offset_in_sentence(finding)
        if offset >= 0 and sentence[offset:offset + len(finding.text)] == finding.text:
            spans.append((offset, offset + len(finding.text)))
    text = Text()
    cursor = 0
    for begin, end in sorted(spans):
        if begin < cursor:
            continue  # overlapping marks: the first one is enough
        text.append(sentence[cursor:begin])
        if plain:
            text.append("»" + sentence[begin:end] + "«")
        else:
            text.append(sentence[begin:end], style="bold reverse")
        cursor = end
    text.append(sentence[cursor:])
    return text


def metrics_line(result: DocumentResult) -> str:
    m = result.metrics or {}
    parts = [
        plural(m.get("words", 0), "woord", "woorden"),
        plural(m.get("sentences", 0), "zin", "zinnen"),
        f"gemiddeld {dutch_number(m.get('avg_sentence_length'))} woorden per zin",
        f"Flesch-Douma {dutch_number(m.get('flesch_douma'))}",
        f"Brouwer {dutch_number(m.get('brouwer'))}",
    ]
    if m.get("lint_level") is not None:
        approx = " (benadering)" if m.get("lint_approximation") else ""
        parts.append(f"LiNT-II {dutch_number(m.get('lint_score'))}, niveau {LEVEL_NAMES.get(m['lint_level'], m['lint_level'])}{approx}")
    if m.get("cefr_estimate"):
        parts.append(f"geschat taalniveau {m['cefr_estimate']}")
    return " · ".join(parts)


def render(results: list[DocumentResult], tool: ToolInfo, console: Console, fail_on: Severity,
           gates: dict | None = None) -> None:
    plain = console.no_color or not console.is_terminal
    for result in results:
        header = Text(result.path, style="bold")
        if result.error is not None:
            header.append(f"  kan niet worden gecontroleerd: {result.error.message}", style="red")
            console.print(header)
            console.print()
            continue
        if result.genre:
            header.append(f"  ({result.genre})")
        console.print(header)
        print_indented(console, Text(metrics_line(result), style="dim" if not plain else ""), 2)
        for warning in result.warnings:
            print_indented(console, Text("Let op: " + warning, style="yellow"), 2)
        if not result.findings:
            console.print("  Geen bevindingen.")
        for group in group_by_sentence(result.findings):
            first = group[0]
            head = Text()
            head.append(location_text(first, result.format), style="dim" if not plain else "")
            print_indented(console, head, 2)
            if first.sentence and len(first.sentence) > len(first.text):
                print_indented(console, Text("Zin: ") + highlighted_sentence_all(group, plain), 4)
            for finding in group:
                line = Text()
                line.append(finding.severity.value.upper() if plain else finding.severity.value,
                            style=SEVERITY_STYLE[finding.severity])
                line.append(f" {finding.rule}: ", style="magenta" if not plain else "")
                line.append(finding.message)
                if finding.suggestion:
                    line.append(" Beter: " + finding.suggestion, style="green" if not plain else "")
                print_indented(console, line, 4)
        gate = (gates or {}).get(result.path)
        for reason in (gate.threshold_reasons if gate is not None else []):
            console.print(Text("  Drempel niet gehaald: " + reason, style="bold red" if not plain else ""))
        console.print()
    console.print(verdict(results, fail_on, gates))
    if tool.model:
        console.print(Text(f"Taalmodel: {tool.model.get('name')} {tool.model.get('version', '')}".rstrip(),
                           style="dim" if not plain else ""))


def verdict(results: list[DocumentResult], fail_on: Severity, gates: dict | None = None) -> Text:
    findings = [f for r in results for f in r.findings]
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    unreadable = sum(1 for r in results if r.error is not None)
    failing = sum(1 for f in findings if f.severity.rank >= fail_on.rank)
    parts = [
        plural(counts[Severity.ERROR], "fout", "fouten"),
        plural(counts[Severity.WARNING], "waarschuwing", "waarschuwingen"),
        plural(counts[Severity.SUGGESTION], "suggestie", "suggesties"),
    ]
    text = Text(f"{', '.join(parts)} in {plural(len(results), 'document', 'documenten')}")
    if unreadable:
        text.append(f"; {plural(unreadable, 'bestand', 'bestanden')} niet gelezen", style="red")
    below = sum(1 for gate in (gates or {}).values() if gate.threshold_reasons)
    if below:
        text.append(f"; {plural(below, 'document haalt', 'documenten halen')} een drempel niet", style="red")
    if failing or unreadable or below:
        text.append(". Nog niet in orde.", style="bold red")
    else:
        text.append(". In orde.", style="bold green")
    return text
