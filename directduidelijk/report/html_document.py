"""`--format html`: the document as readable HTML with every finding highlighted.

One colour per rule family (like Hemingway Editor); the message and the plain
alternative show on hover and on keyboard focus; a side panel has the scores and
the counts per rule. Self-contained: inline CSS, no scripts, no network.
"""

from __future__ import annotations

import html
from collections import Counter

from directduidelijk.checking import DocumentResult
from directduidelijk.document import BlockKind
from directduidelijk.findings import Finding
from directduidelijk.report import RenderContext
from directduidelijk.report.terminal import LEVEL_NAMES, dutch_number

# Rule family -> (class name, label). Colours are chosen for contrast >= 4.5:1 with black text.
FAMILIES = {
    "lengte": ("f-lengte", "Lengte", "#ffe08a"),
    "lijdende-vorm": ("f-lijdend", "Lijdende vorm", "#b9e3ff"),
    "woorden": ("f-woorden", "Woordkeus", "#ffc2d1"),
    "zinsbouw": ("f-zinsbouw", "Zinsbouw", "#c9f2c7"),
    "lezer": ("f-lezer", "Aanspreken", "#e0ccff"),
    "structuur": ("f-structuur", "Opbouw", "#ffd6a5"),
    "overig": ("f-overig", "Overig", "#e6e6e6"),
}
RULE_FAMILY = {
    "lange-zin": "lengte", "lange-alinea": "lengte", "lange-woorden": "lengte",
    "lijdende-vorm": "lijdende-vorm",
    "ambtelijke-taal": "woorden", "moeilijk-woord": "woorden", "afkorting": "woorden", "uitleg-begrip": "woorden",
    "naamwoordstijl": "zinsbouw", "naamwoordstijl-het": "zinsbouw", "tangconstructie": "zinsbouw",
    "dubbele-ontkenning": "zinsbouw", "opsomming-in-zin": "zinsbouw",
    "aanspreekvorm": "lezer",
}
STRUCTURE_RULES = {"kernboodschap", "actie-en-termijn", "contactgegevens", "aanhef-afsluiting",
                   "juridische-verwijzing", "secties", "beslispunten", "samenvatting-lengte", "kanttekeningen",
                   "sectie-lengte", "tussenkopjes", "kop-lengte"}

TAGS = {BlockKind.HEADING: "h2", BlockKind.LIST_ITEM: "li"}


def family_of(rule: str) -> tuple[str, str, str]:
    if rule in STRUCTURE_RULES:
        return FAMILIES["structuur"]
    return FAMILIES[RULE_FAMILY.get(rule, "overig")]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _tooltip(findings: list[Finding]) -> str:
    parts = []
    for finding in findings:
        line = f"<strong>{_e(finding.rule)}</strong> ({_e(finding.severity.value)}): {_e(finding.message)}"
        if finding.suggestion:
            line += f"<br>Beter: {_e(finding.suggestion)}"
        parts.append(line)
    return "<br>".join(parts)


def highlight_block(text: str, findings: list[Finding], counter: list[int]) -> str:
    """Wrap the flagged stretches of one block's text in focusable <mark> elements."""
    spans = [f for f in findings if 0 <= f.start < f.end <= len(text)]
    if not spans:
        return _e(text)
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        piece = text[left:right]
        covering = [f for f in spans if f.start <= left and right <= f.end]
        if not covering:
            out.append(_e(piece))
            continue
        # The narrowest finding decides the colour; wide (sentence) findings underline.
        narrowest = min(covering, key=lambda f: f.end - f.start)
        css, _, _ = family_of(narrowest.rule)
        wide = " breed" if narrowest.end - narrowest.start > 60 else ""
        counter[0] += 1
        tip_id = f"tip-{counter[0]}"
        labels = "; ".join(f"{f.rule}: {f.message}" + (f" Beter: {f.suggestion}" if f.suggestion else "")
                           for f in covering)
        out.append(
            f'<mark class="{css}{wide}" tabindex="0" aria-describedby="{tip_id}" title="{_e(labels)}">'
            f'{_e(piece)}<span class="tip" role="tooltip" id="{tip_id}">{_tooltip(covering)}</span></mark>'
        )
    return "".join(out)


def _document_section(result: DocumentResult, counter: list[int]) -> str:
    document = result.document
    by_block: dict[int, list[Finding]] = {}
    for finding in result.findings:
        by_block.setdefault(finding.block_index, []).append(finding)
    body = []
    in_list = False
    for index, block in enumerate(document.blocks if document else []):
        if block.kind in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER):
            continue
        tag = TAGS.get(block.kind, "p")
        if tag == "li" and not in_list:
            body.append("<ul>")
            in_list = True
        elif tag != "li" and in_list:
            body.append("</ul>")
            in_list = False
        css = f' class="blok-{block.kind.value}"'
        body.append(f"<{tag}{css}>{highlight_block(block.text, by_block.get(index, []), counter)}</{tag}>")
    if in_list:
        body.append("</ul>")
    document_level = [f for f in result.findings if f.block_index < 0]
    return "\n".join(body), document_level


def _side_panel(result: DocumentResult) -> str:
    metrics = result.metrics or {}
    rows = [
        ("Woorden", dutch_number(metrics.get("words"))),
        ("Zinnen", dutch_number(metrics.get("sentences"))),
        ("Woorden per zin", dutch_number(metrics.get("avg_sentence_length"))),
        ("Flesch-Douma", dutch_number(metrics.get("flesch_douma"))),
        ("Brouwer", dutch_number(metrics.get("brouwer"))),
    ]
    if metrics.get("lint_level") is not None:
        rows.append(("LiNT-II", f"{dutch_number(metrics.get('lint_score'))}, niveau "
                                f"{LEVEL_NAMES.get(metrics['lint_level'], metrics['lint_level'])}"))
    if metrics.get("cefr_estimate"):
        rows.append(("Geschat taalniveau", metrics["cefr_estimate"]))
    counts = Counter(f.rule for f in result.findings)
    rule_rows = "".join(
        f'<li><span class="staal {family_of(rule)[0]}"></span>{_e(rule)}: {count}</li>'
        for rule, count in counts.most_common()
    )
    figures = "".join(f"<dt>{_e(name)}</dt><dd>{_e(str(value))}</dd>" for name, value in rows)
    legend = "".join(f'<li><span class="staal {css}"></span>{_e(label)}</li>' for css, label, _ in FAMILIES.values())
    return (f'<aside aria-label="Cijfers"><h2>Cijfers</h2><dl>{figures}</dl>'
            f"<h2>Bevindingen per regel</h2><ul class='regels'>{rule_rows or '<li>Geen bevindingen.</li>'}</ul>"
            f"<h2>Kleuren</h2><ul class='regels'>{legend}</ul></aside>")


STYLE = """
body { font-family: Georgia, "Times New Roman", serif; color: #111; margin: 0; line-height: 1.6; }
.pagina { display: flex; gap: 2rem; max-width: 75rem; margin: 0 auto; padding: 1.5rem; }
article { flex: 3; min-width: 0; }
aside { flex: 1; font-family: system-ui, Arial, sans-serif; font-size: .95rem; border-left: 1px solid #bbb; padding-left: 1.25rem; }
h1, h2 { font-family: system-ui, Arial, sans-serif; line-height: 1.25; }
mark { position: relative; color: #111; border-radius: 2px; padding: 0 1px; }
mark.breed { background: none; text-decoration: underline 3px; text-underline-offset: 3px; }
mark:focus { outline: 3px solid #003f88; }
mark .tip { display: none; position: absolute; left: 0; top: 1.7em; z-index: 10; width: 24rem; max-width: 80vw;
  background: #fff; color: #111; border: 2px solid #333; padding: .5rem .75rem; font: .9rem/1.4 system-ui, Arial, sans-serif; }
mark:hover .tip, mark:focus .tip { display: block; }
dt { font-weight: bold; } dd { margin: 0 0 .5rem 0; }
ul.regels { list-style: none; padding: 0; }
.staal { display: inline-block; width: 1rem; height: 1rem; margin-right: .5rem; vertical-align: middle; border: 1px solid #555; }
.melding { background: #fff4e5; border-left: 4px solid #b35c00; padding: .5rem 1rem; }
"""


def _family_css() -> str:
    rules = []
    for css, _, colour in FAMILIES.values():
        rules.append(f"mark.{css} {{ background: {colour}; }} mark.{css}.breed {{ text-decoration-color: {colour}; "
                     f"background: none; }} .staal.{css} {{ background: {colour}; }}")
    # A wide underline needs a darker tone to be visible: draw it in the family colour on a tinted background.
    rules.append("mark.breed { background: rgba(0,0,0,.04); }")
    return "\n".join(rules)


def render(results: list[DocumentResult], context: RenderContext) -> str:
    counter = [0]
    sections = []
    for result in results:
        if result.error is not None:
            sections.append(f'<section class="pagina"><article><h1>{_e(result.path)}</h1>'
                            f'<p class="melding">Dit bestand kon niet worden gelezen: {_e(result.error.message)}</p>'
                            f"</article></section>")
            continue
        body, document_level = _document_section(result, counter)
        notes = "".join(f'<p class="melding"><strong>{_e(f.rule)}</strong>: {_e(f.message)}'
                        + (f" {_e(f.suggestion)}" if f.suggestion else "") + "</p>" for f in document_level)
        warnings = "".join(f'<p class="melding">Let op: {_e(w)}</p>' for w in result.warnings)
        sections.append(f'<div class="pagina"><article><h1>{_e(result.path)}</h1>{warnings}{notes}{body}</article>'
                        f"{_side_panel(result)}</div>")
    title = "Controle directduidelijk" if len(results) != 1 else f"Controle van {results[0].path}"
    return (f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
            f"<style>{STYLE}\n{_family_css()}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(sections) + "\n</main>\n</body>\n</html>\n")
