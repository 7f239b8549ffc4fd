"""Does the checker score the edited (Simple) side of the Amsterdam corpus as easier?

Measures only (never tune on this set). For each of the 48 documents, the Complex and
the Simple sentences are joined into one text each and checked with the default rules.

Run: python benchmarks/amsterdam_simplification.py
Also measures the 95-item lexical simplification set: how many of the hard words do
our word rules (ambtelijke-taal, moeilijk-woord) flag in their sentence?
"""

from __future__ import annotations

import csv
import time
from collections import Counter, defaultdict

from _shared import require_shared

from directduidelijk.readers import Input
from directduidelijk.session import CheckSession


def main() -> None:
    folder = require_shared("eval", "amsterdam-municipal-simplification")
    pairs: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"Complex": [], "Simple": []})
    with open(folder / "complex-simple-v1-anonymized.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pairs[row["Document ID"]]["Complex"].append(row["Complex"].strip())
            pairs[row["Document ID"]]["Simple"].append(row["Simple"].strip())

    started = time.perf_counter()
    session = CheckSession.open()
    session.load_language()  # (loaded on first use otherwise: the time below would leave it out)
    print(f"model: {session.model['name']} {session.model['version']} (loaded in {time.perf_counter() - started:.2f} s)")
    items = []
    for document_id, sides in sorted(pairs.items(), key=lambda kv: int(kv[0])):
        for side in ("Complex", "Simple"):
            text = "\n\n".join(sides[side])
            items.append(Input(f"{document_id}-{side}.txt", data=text.encode("utf-8"), format="txt"))
    results = {r.path: r for r in session.check(items)}

    lint_easier = density_easier = both = 0
    rule_delta: Counter[str] = Counter()
    complex_density_total = simple_density_total = 0.0
    for document_id in pairs:
        complex_result = results[f"{document_id}-Complex.txt"]
        simple_result = results[f"{document_id}-Simple.txt"]
        c_metrics, s_metrics = complex_result.metrics, simple_result.metrics
        c_density = len(complex_result.findings) / max(1, c_metrics["words"]) * 100
        s_density = len(simple_result.findings) / max(1, s_metrics["words"]) * 100
        complex_density_total += c_density
        simple_density_total += s_density
        lint_ok = (s_metrics.get("lint_score") is not None and c_metrics.get("lint_score") is not None
                   and s_metrics["lint_score"] < c_metrics["lint_score"])
        density_ok = s_density < c_density
        lint_easier += lint_ok
        density_easier += density_ok
        both += lint_ok and density_ok
        for finding in complex_result.findings:
            rule_delta[finding.rule] += 1
        for finding in simple_result.findings:
            rule_delta[finding.rule] -= 1
    n = len(pairs)
    print(f"documents: {n}")
    print(f"Simple has lower lint_score: {lint_easier}/{n}")
    print(f"Simple has fewer findings per 100 words: {density_easier}/{n}")
    print(f"both: {both}/{n}   (target: at least 44 of 48)")
    print(f"mean findings per 100 words: Complex {complex_density_total / n:.2f}, Simple {simple_density_total / n:.2f}")
    print("findings Complex minus Simple per rule:", dict(rule_delta.most_common()))

    # Lexical set: sentence \t hard word \t substitutes...
    flagged = total = 0
    missed = []
    lexical = folder / "contextualized-lexical-simplification-hobo-evaluation-set-2022.tsv"
    rows = [line.split("\t") for line in lexical.read_text(encoding="utf-8").splitlines() if line.strip()]
    inputs = [Input(f"lex-{i}.txt", data=row[0].encode("utf-8"), format="txt") for i, row in enumerate(rows)]
    for row, result in zip(rows, session.check(inputs)):
        hard = row[1].strip().lower()
        total += 1
        hit = any(f.rule in ("ambtelijke-taal", "moeilijk-woord") and hard in f.text.lower() for f in result.findings)
        flagged += hit
        if not hit:
            missed.append(hard)
    print(f"lexical set: hard word flagged by ambtelijke-taal/moeilijk-woord in {flagged}/{total} sentences")
    print("missed (first 30):", missed[:30])


if __name__ == "__main__":
    main()
