"""rapport.html: one self-contained page (no network, no scripts) with SVG charts.

Charts are drawn as inline SVG in Python, so the page needs nothing from outside and
works in any browser, also offline and in locked-down government environments.
"""

from __future__ import annotations

import html
import json
import os
import statistics
from collections import Counter, defaultdict
from pathlib import Path

from directduidelijk import __version__
from directduidelijk.audit.store import AuditStore

LEVEL_LABELS = {1: "1 makkelijk", 2: "2 redelijk makkelijk", 3: "3 moeilijk", 4: "4 heel moeilijk"}
LENGTH_BINS = [(0, 10), (10, 15), (15, 20), (20, 25), (25, 30), (30, 10_000)]
PALETTE = ["#1d5fa7", "#2f8f5b", "#b35c00", "#a3262a", "#6b4fa0", "#4a4a4a"]


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _number(value, decimals: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return f"{value:.{decimals}f}".replace(".", ",")


def bar_chart(title: str, items: list[tuple[str, float]], *, horizontal: bool = False, unit: str = "") -> str:
    """A simple accessible SVG bar chart (role=img with a title and a description)."""
    if not items:
        return f'<figure><figcaption>{_e(title)}</figcaption><p>Geen gegevens.</p></figure>'
    maximum = max(value for _, value in items) or 1
    description = "; ".join(f"{label}: {_number(value, 1) if isinstance(value, float) else value}{unit}"
                            for label, value in items)
    if horizontal:
        row, label_width, width = 24, 260, 720
        height = row * len(items) + 10
        bars = []
        for index, (label, value) in enumerate(items):
            length = (width - label_width - 60) * value / maximum
            y = index * row + 5
            bars.append(
                f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" class="label">{_e(label)}</text>'
                f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 8}" '
                f'fill="{PALETTE[0]}"><title>{_e(label)}: {_e(value)}</title></rect>'
                f'<text x="{label_width + length + 6:.1f}" y="{y + 15}" class="value">{_e(_fmt(value))}</text>'
            )
    else:
        width, height, bottom = 720, 260, 40
        slot = (width - 40) / len(items)
        bars = []
        for index, (label, value) in enumerate(items):
            bar_height = (height - bottom - 30) * value / maximum
            x = 30 + index * slot + slot * 0.15
            y = height - bottom - bar_height
            bars.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{bar_height:.1f}" '
                f'fill="{PALETTE[index % len(PALETTE)]}"><title>{_e(label)}: {_e(value)}</title></rect>'
                f'<text x="{x + slot * 0.35:.1f}" y="{y - 6:.1f}" text-anchor="middle" class="value">{_e(_fmt(value))}</text>'
                f'<text x="{x + slot * 0.35:.1f}" y="{height - bottom + 18}" text-anchor="middle" class="label">{_e(label)}</text>'
            )
    return (
        f'<figure><figcaption>{_e(title)}</figcaption>'
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{_e(title)}">'
        f'<title>{_e(title)}</title><desc>{_e(description)}</desc>{"".join(bars)}</svg></figure>'
    )


def _fmt(value) -> str:
    return _number(value, 1) if isinstance(value, float) else _number(value)


def _collect(store: AuditStore) -> dict:
    documents = []
    for row in store.documents():
        metrics = json.loads(row["metrics"]) if row["metrics"] else {}
        documents.append({
            "path": row["path"], "folder": row["folder"], "status": row["status"], "format": row["format"],
            "error": row["error_message"], "findings": row["findings"] or 0, "metrics": metrics,
        })
    rule_totals: Counter[str] = Counter()
    per_document_rules: dict[str, Counter] = defaultdict(Counter)
    for path, rules in store.rule_counts().items():
        for rule, count in rules.items():
            rule_totals[rule] += count
            per_document_rules[path][rule] += count
    return {"documents": documents, "rule_totals": rule_totals, "per_document_rules": per_document_rules}


def _hardness(document: dict) -> tuple:
    metrics = document["metrics"]
    words = metrics.get("words") or 0
    density = document["findings"] / words * 100 if words else 0
    return (metrics.get("lint_score") or 0, density)


def render_html(store: AuditStore) -> str:
    data = _collect(store)
    documents = data["documents"]
    readable = [d for d in documents if d["status"] == "ok"]
    failed = [d for d in documents if d["status"] != "ok"]
    run = store.last_run() or {}

    levels = Counter(d["metrics"].get("lint_level") for d in readable)
    level_items = [(LEVEL_LABELS[level], levels.get(level, 0)) for level in (1, 2, 3, 4)]
    if levels.get(None):
        level_items.append(("onbekend", levels[None]))

    lengths = [d["metrics"].get("avg_sentence_length") or 0 for d in readable]
    length_items = []
    for low, high in LENGTH_BINS:
        label = f"{low}–{high}" if high < 10_000 else f"{low}+"
        length_items.append((label, sum(1 for value in lengths if low <= value < high)))

    rule_items = data["rule_totals"].most_common(15)

    folders: dict[str, list[dict]] = defaultdict(list)
    for document in readable:
        folders[document["folder"]].append(document)
    folder_rows = []
    folder_items = []
    for folder, members in sorted(folders.items()):
        words = sum(m["metrics"].get("words") or 0 for m in members)
        findings = sum(m["findings"] for m in members)
        lint_scores = [m["metrics"]["lint_score"] for m in members if m["metrics"].get("lint_score") is not None]
        mean_lint = statistics.fmean(lint_scores) if lint_scores else None
        mean_length = statistics.fmean(m["metrics"].get("avg_sentence_length") or 0 for m in members)
        per_100 = findings / words * 100 if words else 0.0
        folder_items.append((folder, round(per_100, 1)))
        folder_rows.append(
            f"<tr><td>{_e(folder)}</td><td>{len(members)}</td><td>{_number(words)}</td>"
            f"<td>{_number(mean_lint)}</td><td>{_number(mean_length)}</td><td>{_number(per_100)}</td></tr>"
        )

    hardest = sorted(readable, key=_hardness, reverse=True)[:25]
    hardest_rows = []
    for document in hardest:
        metrics = document["metrics"]
        rules = ", ".join(f"{rule} ({count})" for rule, count in
                          data["per_document_rules"][document["path"]].most_common())
        hardest_rows.append(
            f"<tr><td>{_e(document['path'])}</td><td>{_number(metrics.get('lint_score'))}</td>"
            f"<td>{_e(metrics.get('lint_level') or '–')}</td><td>{_number(metrics.get('words'))}</td>"
            f"<td>{_number(metrics.get('avg_sentence_length'))}</td><td>{document['findings']}</td>"
            f"<td>{_e(rules) or '–'}</td></tr>"
        )
    failed_rows = "".join(f"<tr><td>{_e(d['path'])}</td><td>{_e(d['error'])}</td></tr>" for d in failed)

    total_words = sum(d["metrics"].get("words") or 0 for d in readable)
    total_findings = sum(d["findings"] for d in readable)
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport directduidelijk</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; line-height: 1.5; }}
h1, h2 {{ line-height: 1.2; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f0f0f0; }}
figure {{ margin: 1.5rem 0; }}
figcaption {{ font-weight: bold; margin-bottom: .5rem; }}
svg .label {{ font-size: 13px; fill: #1a1a1a; }}
svg .value {{ font-size: 12px; fill: #1a1a1a; }}
.kerncijfers {{ display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }}
.kerncijfers li {{ background: #eef3f9; padding: .75rem 1rem; border-radius: .25rem; }}
.kerncijfers strong {{ display: block; font-size: 1.4rem; }}
a:focus, summary:focus {{ outline: 3px solid #1d5fa7; }}
</style>
</head>
<body>
<main>
<h1>Rapport directduidelijk</h1>
<p>Gemaakt met directduidelijk {_e(__version__)}, taalmodel {_e(run.get('model', 'onbekend'))}.</p>
<ul class="kerncijfers">
<li><strong>{_number(len(documents))}</strong> documenten</li>
<li><strong>{_number(len(failed))}</strong> niet gelezen</li>
<li><strong>{_number(total_words)}</strong> woorden</li>
<li><strong>{_number(total_findings)}</strong> bevindingen</li>
</ul>
<h2>Hoe moeilijk zijn de documenten?</h2>
{bar_chart("Documenten per LiNT-II-niveau", level_items)}
{bar_chart("Documenten per gemiddelde zinslengte (woorden per zin)", length_items)}
<h2>Wat komt het vaakst voor?</h2>
{bar_chart("De meest gevonden regels", rule_items, horizontal=True)}
<h2>Per map</h2>
{bar_chart("Bevindingen per 100 woorden, per map", folder_items, horizontal=True)}
<table>
<thead><tr><th scope="col">Map</th><th scope="col">Documenten</th><th scope="col">Woorden</th>
<th scope="col">Gemiddelde LiNT-II</th><th scope="col">Woorden per zin</th><th scope="col">Bevindingen per 100 woorden</th></tr></thead>
<tbody>{"".join(folder_rows)}</tbody>
</table>
<h2>De 25 moeilijkste documenten</h2>
<table>
<thead><tr><th scope="col">Document</th><th scope="col">LiNT-II</th><th scope="col">Niveau</th><th scope="col">Woorden</th>
<th scope="col">Woorden per zin</th><th scope="col">Bevindingen</th><th scope="col">Regels</th></tr></thead>
<tbody>{"".join(hardest_rows)}</tbody>
</table>
<h2>Niet gelezen</h2>
{"<table><thead><tr><th scope='col'>Document</th><th scope='col'>Reden</th></tr></thead><tbody>" + failed_rows + "</tbody></table>" if failed else "<p>Alle documenten zijn gelezen.</p>"}
</main>
</body>
</html>
"""


def export_html(store: AuditStore, output: Path) -> Path:
    target = output / "rapport.html"
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    temporary.write_text(render_html(store), encoding="utf-8")
    os.replace(temporary, target)
    return target
