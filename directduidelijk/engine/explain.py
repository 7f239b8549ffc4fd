"""A rule's documentation as Markdown, with fixed Dutch headings.

Used by `directduidelijk uitleg REGEL` and as the full description in SARIF. The order of
the headings is fixed: Wat het doet, Waarom, Voorbeeld (the `fout` examples), Beter (the
`goed` examples), Bron. No spaCy import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from directduidelijk.engine.rule import Rule

HEADINGS = ("Wat het doet", "Waarom", "Voorbeeld", "Beter", "Bron")


def _example(text: str) -> str:
    """One example: a list item, or a fenced block for a short document (structure rules)."""
    text = text.strip("\n")
    if "\n" in text:
        return "```text\n" + text + "\n```"
    return f"- {text}"


def header(rule: "Rule") -> str:
    state = "" if rule.enabled else " · staat uit"
    return f"**{rule.id}** · set {rule.rule_set} · ernst {rule.severity.value} · soort {rule.kind}{state}"


def _settings_lines(rule: "Rule") -> list[str]:
    lines = []
    if rule.kind == "meting":
        from directduidelijk.engine.kinds.meting import effective

        for measurement in effective(rule):
            limits = ", ".join(f"{name} boven {value}" for name, value in measurement["drempels"].items())
            line = f"- Meet: {measurement['grootheid']} per {measurement['per']} ({limits})."
            if measurement.get("aandeel"):
                rate = measurement["aandeel"]
                line += f" Bevinding als het vaker dan {rate['max']} keer per {rate['per_aantal']} gebeurt."
            lines.append(line)
    elif rule.kind == "woordenlijst":
        lines.append(f"- Woordenlijst met {len(rule.data.get('woorden', []))} woorden en uitdrukkingen.")
    elif rule.kind in ("ingebouwd", "structuur"):
        lines.append(f"- Controle: {rule.data.get('controle')}.")
        if rule.settings:
            shown = ", ".join(f"{k} = {_value(v)}" for k, v in sorted(rule.settings.items()))
            lines.append(f"- Instellingen: {shown}.")
    if rule.also_kinds:
        lines.append("- Kijkt ook naar: " + ", ".join(rule.also_kinds) + ".")
    return lines


def _value(value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def explain(rule: "Rule") -> str:
    """Markdown text: header line, then the five fixed headings."""
    parts = [f"# {rule.title}", "", header(rule), "", "## Wat het doet", "", rule.what.strip()]
    details = _settings_lines(rule)
    if details:
        parts += ["", *details]
    parts += ["", "## Waarom", "", rule.why.strip(), "", "## Voorbeeld", ""]
    parts += [_example(sentence) for sentence in rule.examples.wrong]
    parts += ["", "## Beter", ""]
    parts += [_example(sentence) for sentence in rule.examples.right]
    parts += ["", "## Bron", "", (rule.source or "Direct Duidelijk, schrijfwijzer.").strip(), ""]
    return "\n".join(parts)


def short_description(rule: "Rule") -> str:
    """One line for lists and SARIF shortDescription."""
    return rule.title
