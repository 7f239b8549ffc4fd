"""Precision and recall per rule on our own annotated sentences (corpora/gold/zinnen.jsonl).

Run: python benchmarks/rules_gold.py
Sentence-level rules (lijdende-vorm, tangconstructie) are scored per sentence; word rules
(ambtelijke-taal, naamwoordstijl) per annotated span: a gold span counts as found when a
finding of that rule overlaps it, and a finding counts as correct when it overlaps a gold span.
Word flags on plain B1 sentences (b1_eenvoudig) measure false alarms.

A phrase the gold marks both ambtelijk and naamwoordstijl ('draagt zorg voor', 'stelt … in kennis van',
'in overweging genomen') is in one of our two lists only (tests/test_wordlists.py checks that), so the
writer gets one finding for it, not two saying the same (see docs/regels-schrijven.md). Such a span
counts as found for both labels when either rule flags it; the line also gives how many spans were
found that way and the recall without them. Precision counts only the rule's own flags.

Every gold sentence has a `split`: "dev" (two of every three of the first 411) or "heldout" (every
third), or "heldout2" (a second held-out set of 229 sentences, written before a round of list changes).
Figures are printed for dev, heldout, heldout2, dev+heldout (the old "all") and all; the example errors
(missed, outside gold, FP/FN) come from dev only, so that word lists are grown on dev and the held-out
sets stay an honest measure. `--split heldout` (or heldout2, all) lists the errors of another split
instead (only for a final check, never for finding words to add); `--show-heldout` is the old spelling
of `--split all`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from directduidelijk.readers import Input
from directduidelijk.session import CheckSession

GOLD = Path(__file__).resolve().parent.parent / "corpora" / "gold" / "zinnen.jsonl"
WORD_RULES = ("ambtelijke-taal", "moeilijk-woord")
NOMINAL_RULES = ("naamwoordstijl", "naamwoordstijl-het")


def prf(tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def spans_of(sentence: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Character spans of the gold phrases; "stelt … in kennis van" spans its first to last part."""
    spans = []
    lowered = sentence.lower()
    for phrase in phrases:
        parts = [part.strip().lower() for part in phrase.replace("...", "…").split("…") if part.strip()]
        cursor, first, last = 0, None, None
        for part in parts:
            index = lowered.find(part, cursor)
            if index < 0:
                first = None
                break
            first = index if first is None else first
            last = index + len(part)
            cursor = last
        spans.append((first, last) if first is not None else (-1, -1))
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


SPLITS = ("dev", "heldout", "heldout2", "dev+heldout", "all")


def in_split(row: dict, split: str) -> bool:
    own = row.get("split", "dev")
    if split == "all":
        return True
    if split == "dev+heldout":
        return own in ("dev", "heldout")
    return own == split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "heldout2", "all"), default="dev",
                        help="list the example errors of this split (default dev; the held-out sets only for a final check)")
    parser.add_argument("--show-heldout", action="store_true", help="the same as --split all")
    args = parser.parse_args()
    listed = {"all" if args.show_heldout else args.split}

    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    session = CheckSession.open()
    counts = {split: sum(in_split(row, split) for row in rows) for split in SPLITS}
    print(f"gold sentences: {len(rows)} (dev {counts['dev']}, heldout {counts['heldout']}, heldout2 {counts['heldout2']}); "
          f"model {session.model['name']} {session.model['version']}")
    inputs = [Input(f"{row['id']}.txt", data=row["zin"].encode("utf-8"), format="txt") for row in rows]
    results = list(session.check(inputs))
    pairs = list(zip(rows, results))

    def sentence_rule(rule: str, field: str) -> None:
        for split in SPLITS:
            tp = fp = fn = 0
            errors = []
            for row, result in pairs:
                if not in_split(row, split):
                    continue
                predicted = any(f.rule == rule for f in result.findings)
                gold = bool(row.get(field))
                tp += predicted and gold
                fp += predicted and not gold
                fn += gold and not predicted
                if predicted != gold:
                    errors.append(("FP" if predicted else "FN", row["zin"]))
            print(f"{rule:18s} {split:11s} {prf(tp, fp, fn)}")
            if split in listed:
                for kind, sentence in errors[:8]:
                    print(f"    {kind}: {sentence}")

    def span_rule(rules: tuple[str, ...], field: str, label: str, other_rules: tuple[str, ...], other_field: str) -> None:
        for split in SPLITS:
            tp_gold = fn = tp_pred = fp = shared = 0
            missed, wrong = [], []
            for row, result in pairs:
                if not in_split(row, split):
                    continue
                gold_spans = spans_of(row["zin"], row.get(field) or [])
                predicted = [(f.column - 1, f.end_column) for f in result.findings if f.rule in rules]
                texts = [f.text for f in result.findings if f.rule in rules]
                other = [(f.column - 1, f.end_column) for f in result.findings if f.rule in other_rules]
                both = set(row.get(field) or []) & set(row.get(other_field) or [])
                for span, phrase in zip(gold_spans, row.get(field) or []):
                    if span[0] < 0:
                        if split in listed:
                            print(f"    (gold phrase not found in its sentence: {phrase!r})")
                        continue
                    if any(overlaps(span, p) for p in predicted):
                        tp_gold += 1
                    elif phrase in both and any(overlaps(span, p) for p in other):
                        tp_gold += 1  # one phrase, both labels: one finding of either rule (see the docstring)
                        shared += 1
                    else:
                        fn += 1
                        missed.append(phrase)
                for span, text in zip(predicted, texts):
                    if any(overlaps(span, g) for g in gold_spans):
                        tp_pred += 1
                    else:
                        fp += 1
                        wrong.append(text)
            recall = tp_gold / (tp_gold + fn) if tp_gold + fn else 0.0
            precision = tp_pred / (tp_pred + fp) if tp_pred + fp else 0.0
            strict = (tp_gold - shared) / (tp_gold + fn) if tp_gold + fn else 0.0
            print(f"{label:18s} {split:11s} P {precision:.3f}  R {recall:.3f}  (gold spans {tp_gold + fn}, "
                  f"found {tp_gold}, {shared} of them by the other rule [R {strict:.3f} without]; "
                  f"flags {tp_pred + fp}, outside gold {fp})")
            if split in listed:
                print(f"    missed: {missed[:40]}")
                print(f"    outside gold: {wrong[:40]}")

    sentence_rule("lijdende-vorm", "lijdende_vorm")
    sentence_rule("tangconstructie", "tangconstructie")
    span_rule(("ambtelijke-taal",), "ambtelijk", "ambtelijke-taal", NOMINAL_RULES, "naamwoordstijl")
    span_rule(NOMINAL_RULES, "naamwoordstijl", "naamwoordstijl", ("ambtelijke-taal",), "ambtelijk")

    for split in SPLITS:
        plain = [(row, result) for row, result in pairs if row.get("b1_eenvoudig") and in_split(row, split)]
        flags = sum(1 for _, result in plain for f in result.findings if f.rule in WORD_RULES)
        print(f"plain B1 {split:11s} sentences: {len(plain)}; word flags (ambtelijke-taal + moeilijk-woord): "
              f"{flags} = {flags / max(1, len(plain)) * 10:.2f} per 10 sentences (target: at most 1)")
        if split in listed:
            examples = [(f.rule, f.text, row["zin"]) for row, result in plain for f in result.findings
                        if f.rule in WORD_RULES]
            for example in examples[:12]:
                print("   ", example)


if __name__ == "__main__":
    main()
