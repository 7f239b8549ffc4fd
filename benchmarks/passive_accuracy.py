"""Precision, recall and F1 of the `lijdende-vorm` check per sentence.

1. corpora/gold/zinnen.jsonl (our own sentences, field `lijdende_vorm`);
2. ../shared/ud-dutch/test/nl_alpino-ud-test.conllu: gold = the sentence has an aux:pass token in
   the treebank; our check runs on our model's parse of the raw sentence text.

For both it also prints the parse-alone baseline (the model predicts an aux:pass token).
Measuring only: nothing here feeds back into the check.

    python benchmarks/passive_accuracy.py [--model NAME_OR_PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import REPO, shared_dir  # noqa: E402

from directduidelijk.engine.builtin.passive import find_passives  # noqa: E402
from directduidelijk.language.pipeline import load_pipeline  # noqa: E402


def read_conllu(path: Path) -> list[tuple[str, bool]]:
    """(raw text, gold passive) per sentence."""
    sentences = []
    text, passive, words = None, False, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append((text or " ".join(words), passive))
            text, passive, words = None, False, []
            continue
        if line.startswith("# text ="):
            text = line[len("# text ="):].strip()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append(cols[1])
        if cols[7] == "aux:pass":
            passive = True
    if words:
        sentences.append((text or " ".join(words), passive))
    return sentences


def scores(gold: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, predicted))
    fp = sum(p and not g for g, p in zip(gold, predicted))
    fn = sum(g and not p for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def show(name: str, result: dict[str, float]) -> None:
    print(f"  {name:<34} P={result['precision']:.3f} R={result['recall']:.3f} F1={result['f1']:.3f}"
          f"  (tp={result['tp']} fp={result['fp']} fn={result['fn']})")


def evaluate(nlp, items: list[tuple[str, bool]], title: str, errors: int) -> None:
    texts = [text for text, _ in items]
    gold = [label for _, label in items]
    check, baseline = [], []
    started = time.perf_counter()
    wrong = []
    for (text, label), doc in zip(items, nlp.pipe(texts, batch_size=128)):
        found = bool(find_passives(doc[:]))
        check.append(found)
        baseline.append(any(t.dep_ == "aux:pass" for t in doc))
        if found != label:
            wrong.append(("FP" if found else "FN", text))
    elapsed = time.perf_counter() - started
    print(f"{title}: {len(items)} sentences, {sum(gold)} passive (gold), {elapsed:.1f} s")
    show("lijdende-vorm check", scores(gold, check))
    show("parse alone (aux:pass predicted)", scores(gold, baseline))
    for kind, text in wrong[:errors]:
        print(f"    {kind}: {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: as the checker loads it)")
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified sentences per set")
    args = parser.parse_args()
    nlp, info = load_pipeline(args.model)
    print(f"model: {info.name} {info.version} ({info.source})")

    gold_path = REPO / "corpora" / "gold" / "zinnen.jsonl"
    if gold_path.is_file():
        items = []
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if record.get("lijdende_vorm") is not None:
                    items.append((record["zin"], bool(record["lijdende_vorm"])))
        evaluate(nlp, items, "corpora/gold/zinnen.jsonl", args.errors)
    else:
        print(f"skipped: {gold_path} not found")

    test_path = shared_dir() / "ud-dutch" / "test" / "nl_alpino-ud-test.conllu"
    if test_path.is_file():
        evaluate(nlp, read_conllu(test_path), "UD Dutch Alpino test", args.errors)
    else:
        print(f"skipped: {test_path} not found (set DIRECTDUIDELIJK_SHARED)")


if __name__ == "__main__":
    main()
