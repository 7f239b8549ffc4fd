"""Accuracy of the Dutch pipeline on the UD Dutch Alpino test set (../shared/ud-dutch/test/).

Prints UPOS, morphology (full feature string), UAS, LAS (spaCy convention: punctuation excluded;
also with punctuation), sentence-boundary F, lemma accuracy (case-insensitive, underscores ignored:
mee_nemen = meenemen) and passive voice per sentence from the parse alone (gold: the sentence has an
aux:pass token; predicted: a token in the sentence's character range was parsed as aux:pass).

The text is tokenized by the pipeline itself (raw text in, aligned to the gold tokens as spaCy's
``Example`` does); gold tokens without a one-to-one predicted token count as errors.

    python benchmarks/pipeline_accuracy.py                      # the bundled model
    python benchmarks/pipeline_accuracy.py --model PATH|NAME
    python benchmarks/pipeline_accuracy.py --compare-lemmatizers  # + rule/lookup lemmatizers (dev and test)

``--compare-lemmatizers`` swaps the trained edit-tree lemmatizer for spaCy's Dutch rule and lookup
lemmatizers (spacy-lookups-data tables) on the same POS predictions. The choice is made on our own
dev split (every 10th sentence of ../shared/ud-dutch/train); the test figures are only reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._shared import require_shared  # noqa: E402


def norm_lemma(text: str) -> str:
    return text.lower().replace("_", "")


def gold_docs(vocab, sents):
    from directduidelijk.language.training.convert import sentences_to_docs

    return sentences_to_docs(vocab, sents)


def raw_test_sents(path: Path):
    from directduidelijk.language.training.convert import read_conllu

    return list(read_conllu(path))


def evaluate(nlp, sents, raw_lemmas=True) -> dict:
    """Score ``nlp`` on the sentences (lists of conllu rows), grouped 10 to a document."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    golds = gold_docs(nlp.vocab, sents)
    # gold lemmas straight from the file (with underscores), compared after normalising
    gold_lemmas = [c[2] for s in sents for c in s]
    preds = list(nlp.pipe((g.text for g in golds), batch_size=64))
    examples = [Example(p, g) for p, g in zip(preds, golds)]
    scorer = Scorer(nlp)
    scores = scorer.score(examples)

    lemma_ok = lemma_n = 0
    las_p_ok = las_p_n = 0
    tp = fp = fn = tn = 0
    k = 0
    for ex in examples:
        pred, gold = ex.predicted, ex.reference
        align = ex.alignment.x2y  # predicted -> gold
        gold2pred = {}
        y2x = ex.alignment.y2x
        for i in range(len(pred)):
            targets = [int(t) for t in align[i]]
            if len(targets) == 1 and len(y2x[int(targets[0])]) == 1:
                gold2pred[targets[0]] = i
        for j, gtok in enumerate(gold):
            glemma = gold_lemmas[k + j]
            lemma_n += 1
            las_p_n += 1
            i = gold2pred.get(j)
            if i is None:
                continue
            ptok = pred[i]
            if norm_lemma(ptok.lemma_) == norm_lemma(glemma):
                lemma_ok += 1
            ph = gold2pred.get(gtok.head.i)
            if ph is not None and ptok.head.i == ph and ptok.dep_.lower() == gtok.dep_.lower():
                las_p_ok += 1
        k += len(gold)
        for gsent in gold.sents:
            gold_passive = any(t.dep_ == "aux:pass" for t in gsent)
            pred_passive = any(t.dep_ == "aux:pass" for t in pred
                               if t.idx >= gsent.start_char and t.idx < gsent.end_char)
            if gold_passive and pred_passive:
                tp += 1
            elif pred_passive:
                fp += 1
            elif gold_passive:
                fn += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pos": scores.get("pos_acc"), "morph": scores.get("morph_acc"),
        "uas": scores.get("dep_uas"), "las": scores.get("dep_las"),
        "las_with_punct": las_p_ok / las_p_n,
        "sents_f": scores.get("sents_f"),
        "lemma": lemma_ok / lemma_n,
        "passive_precision": precision, "passive_recall": recall, "passive_f1": f1,
        "passive_counts": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
        "sentences": sum(len(list(g.sents)) for g in golds), "tokens": lemma_n,
    }


def swap_lemmatizer(nlp, mode: str):
    """A copy of the pipeline's config with spaCy's Dutch rule/lookup lemmatizer instead of ours."""
    import spacy
    from spacy.lookups import load_lookups

    nlp2 = spacy.blank("nl")  # not used for processing: only to get the lemmatizer
    name = f"{mode}_lemmatizer"
    if "lemmatizer" in nlp.pipe_names:
        nlp.disable_pipe("lemmatizer")
    if name not in nlp.pipe_names:
        lem = nlp.add_pipe("lemmatizer", name=name, config={"mode": mode})
        required, _ = lem.get_lookups_config(mode)
        lem.initialize(lookups=load_lookups("nl", required))
    for other in nlp.pipe_names:
        if other.endswith("_lemmatizer") and other != name:
            nlp.disable_pipe(other)
    nlp.enable_pipe(name)
    del nlp2
    return nlp


def fmt(v):
    return f"{100 * v:6.2f}" if isinstance(v, float) else str(v)


def print_scores(title: str, s: dict) -> None:
    print(f"\n{title}  ({s['sentences']} sentences, {s['tokens']} tokens)")
    for key, label in (("pos", "POS (UPOS)"), ("morph", "morphology (feats)"), ("uas", "UAS"),
                       ("las", "LAS (punct excluded)"), ("las_with_punct", "LAS (all tokens)"),
                       ("sents_f", "sentence F"), ("lemma", "lemma (case/_ ignored)"),
                       ("passive_precision", "passive precision"), ("passive_recall", "passive recall"),
                       ("passive_f1", "passive F1")):
        print(f"  {label:26s} {fmt(s[key])} %")
    print(f"  passive counts             {s['passive_counts']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="nl_directduidelijk", help="package name or path (default: bundled)")
    parser.add_argument("--compare-lemmatizers", action="store_true")
    parser.add_argument("--dev", action="store_true",
                        help="also score our dev split (every 10th sentence of the current-scheme train files): "
                             "the split models are chosen on")
    parser.add_argument("--dev-only", action="store_true",
                        help="score only our dev split, not the test set: for choosing between models "
                             "without seeing their test figures")
    parser.add_argument("--json", type=Path, help="also write the test figures as JSON here")
    args = parser.parse_args(argv)

    from directduidelijk.language.pipeline import load_pipeline

    test_path = require_shared("ud-dutch", "test", "nl_alpino-ud-test.conllu")
    t0 = time.perf_counter()
    nlp, info = load_pipeline(args.model)
    print(f"model: {info.name} {info.version} ({info.source}); pipes: {nlp.pipe_names}")
    if args.dev_only:
        from directduidelijk.language.training.convert import load_split

        _, dev, _, _ = load_split(test_path.parent.parent, dev_from="current")
        print_scores("our dev split (current-scheme train files, every 10th sentence)", evaluate(nlp, dev))
        return 0
    test = raw_test_sents(test_path)
    scores = evaluate(nlp, test)
    print_scores(f"UD Dutch Alpino test set ({test_path.name})", scores)
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2))
    dev = None
    if args.dev or args.compare_lemmatizers:
        from directduidelijk.language.training.convert import load_split

        _, dev, _, _ = load_split(test_path.parent.parent, dev_from="current")
    if args.dev:
        print_scores("our dev split (current-scheme train files, every 10th sentence)", evaluate(nlp, dev))
    if args.compare_lemmatizers:
        print("\nlemmatizer comparison (same POS predictions; lemma accuracy, case/_ ignored)")
        print(f"  {'lemmatizer':34s} {'dev (own split)':>16s} {'test':>8s}")
        rows = ([("trainable edit-tree", None), ("edit-tree, rule lemmatizer where no tree", "hybrid")]
                + [(f"spaCy Dutch {m} + lookups-data", m) for m in ("rule", "lookup")])
        for label, mode in rows:
            import spacy
            fresh = spacy.load(nlp.path if getattr(nlp, "path", None) else args.model)
            from directduidelijk.language.tokenizer import customise_tokenizer
            customise_tokenizer(fresh)
            if mode == "hybrid":
                from directduidelijk.language.training.package import use_hybrid_lemmatizer

                use_hybrid_lemmatizer(fresh)
            elif mode:
                swap_lemmatizer(fresh, mode)
            d = evaluate(fresh, dev)["lemma"]
            t = evaluate(fresh, test)["lemma"]
            print(f"  {label:34s} {fmt(d):>14s} % {fmt(t):>6s} %")
    print(f"\n(total time {time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
