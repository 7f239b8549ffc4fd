"""Our LiNT-II port against lint_ii's own output (../shared/eval/lint-ii-level-examples/*.json).

The example files hold, per sentence, the tokens lint_ii saw (lower-cased, with nl_core_news_lg's
tags and parts of speech), the word frequencies and noun types it found, its four features and its
score; and the document score and level. Two comparisons:

1. Port check, parser-independent: our word data and definitions applied to lint_ii's own tokens,
   tags and parts of speech (lemma = the word, which lint_ii only needs as a fallback) -> word
   frequencies, noun types, content words and finite verbs per sentence should match exactly.
2. Full run: the text (rebuilt from the tokens; original capitals are lost) through our own
   pipeline and compute_lint; per-sentence and document scores against lint_ii's. Differences
   come from our model's tags, lemmas and parses, not from the formula.

Measuring only; nothing is tuned to these files.

    python benchmarks/lint_compare.py [--model NAME_OR_PATH] [--sentences]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared  # noqa: E402

from directduidelijk.document import Block, BlockKind, Document, Segment  # noqa: E402
from directduidelijk.language.analysis import analyse_document  # noqa: E402
from directduidelijk.readability.lint import (  # noqa: E402
    compute_lint,
    lint_level,
    noun_type,
    sentence_features,
    word_data,
    word_frequency,
)


def sentence_text(sentence: dict) -> str:
    parts = []
    for feature in sentence["word_features"]:
        punct = feature.get("punctuation") or {}
        if feature.get("pos") == "PUNCT" and "standalone" not in punct:
            continue  # attached punctuation is carried by the neighbouring word
        word = punct.get("standalone") or (punct.get("leading", "") + feature["text"] + punct.get("trailing", ""))
        parts.append(word)
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


def port_check(files: list[Path]) -> None:
    vocab = spacy.blank("nl").vocab
    data = word_data()
    words = freq_same = freq_total = noun_same = noun_total = 0
    content_diff = finite_diff = 0
    mismatches: list[str] = []
    for path in files:
        for sentence in json.loads(path.read_text(encoding="utf-8"))["sentences"]:
            feats = sentence["word_features"]
            doc = Doc(vocab, words=[f["text"] for f in feats], pos=[f["pos"] for f in feats],
                      tags=[f["tag"] for f in feats], lemmas=[f["text"] for f in feats])
            for token, feature in zip(doc, feats):
                words += 1
                ours = word_frequency(token, data)
                theirs = feature.get("word_frequency")
                if theirs is not None or ours is not None:
                    freq_total += 1
                    if ours is not None and theirs is not None and abs(ours - theirs) < 1e-6:
                        freq_same += 1
                    elif len(mismatches) < 8:
                        mismatches.append(f"frequency {token.text!r} ({token.pos_}): ours {ours} lint_ii {theirs}")
                ours_type = noun_type(token, data)
                theirs_type = feature.get("super_sem_type")
                if ours_type is not None or theirs_type is not None:
                    noun_total += 1
                    if ours_type == theirs_type:
                        noun_same += 1
                    elif len(mismatches) < 16:
                        mismatches.append(f"noun type {token.text!r}: ours {ours_type} lint_ii {theirs_type}")
            ours_feats = sentence_features(doc, data)
            theirs_cwc = sentence["content_words_per_clause"]
            ours_cwc = ours_feats.content_words_per_clause
            if (theirs_cwc is None) != (ours_cwc is None) or (ours_cwc is not None and abs(ours_cwc - theirs_cwc) > 1e-9):
                content_diff += 1
    print("1. Port check on lint_ii's own tokens, tags and parts of speech")
    print(f"   tokens: {words}; word frequency equal: {freq_same}/{freq_total}; noun type equal: {noun_same}/{noun_total};"
          f" sentences with different content words per clause: {content_diff}")
    print("   (the files hold no lemmas, dependency labels or entity types: lint_ii's skip list and noun list are"
          " also looked up by lemma, copulas are no content words, and unlisted names get a type from NER;"
          " the differences below are of that kind)")
    for line in mismatches:
        print(f"   - {line}")


def full_run(files: list[Path], model: str | None, per_sentence: bool) -> None:
    from directduidelijk.language.pipeline import load_pipeline
    from directduidelijk.language.sentences import add_sentence_boundaries

    nlp, info = load_pipeline(model)
    add_sentence_boundaries(nlp)
    print(f"2. Full run with our pipeline: {info.name} {info.version} ({info.source});"
          f" LiNT-II approximation: {not info.lint_compatible}")
    print(f"   {'file':<12} {'lint_ii':>8} {'ours':>8} {'diff':>7}  level lint_ii/ours  sentences lint_ii/ours  "
          f"mean |diff| per sentence")
    all_diffs = []
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        sentences = record["sentences"]
        # One block per sentence keeps lint_ii's sentence division, so scores pair up.
        blocks = []
        offset_line = 1
        for sentence in sentences:
            text = sentence_text(sentence)
            blocks.append(Block(BlockKind.PARAGRAPH, text, (Segment(0, offset_line, 1),), paragraph=offset_line))
            offset_line += 1
        analysed = analyse_document(Document(path.name, "txt", blocks), nlp)
        result = compute_lint(analysed, model_name=info.name)
        # our per-sentence score: the mean over our sentences in that block (usually exactly one)
        ours_by_block: dict[int, list[float]] = {}
        for index, score, _level in result.per_sentence:
            if score is not None:
                ours_by_block.setdefault(analysed.sentences[index].block_index, []).append(score)
        diffs = []
        rows = []
        for number, sentence in enumerate(sentences):
            theirs = sentence["lint_score"]
            ours_list = ours_by_block.get(number)
            ours = statistics.mean(ours_list) if ours_list else None
            if theirs is not None and ours is not None:
                diffs.append(abs(theirs - ours))
            rows.append((number, theirs, ours, sentence_text(sentence)))
        all_diffs.extend(diffs)
        theirs_doc = record["document_lint_score"]
        ours_doc = result.score
        diff = "" if ours_doc is None else f"{ours_doc - theirs_doc:+7.1f}"
        print(f"   {path.stem:<12} {theirs_doc:8.1f} {ours_doc if ours_doc is None else round(ours_doc, 1):>8} {diff:>7}"
              f"  {record['document_difficulty_level']}/{lint_level(ours_doc)}                 "
              f"{record['sentence_count']}/{len(result.per_sentence)}                  "
              f"{statistics.mean(diffs) if diffs else float('nan'):.1f}")
        features = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.features.items()}
        print(f"      our features: {features}")
        if per_sentence:
            for number, theirs, ours, text in rows:
                t = "-" if theirs is None else f"{theirs:5.1f}"
                o = "-" if ours is None else f"{ours:5.1f}"
                print(f"      {number:3d} lint_ii {t:>5} ours {o:>5}  {text[:70]}")
    if all_diffs:
        print(f"   all sentences: mean |diff| {statistics.mean(all_diffs):.1f}, median {statistics.median(all_diffs):.1f},"
              f" max {max(all_diffs):.1f} (n={len(all_diffs)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--sentences", action="store_true", help="print every sentence's scores")
    args = parser.parse_args()
    folder = require_shared("eval", "lint-ii-level-examples")
    files = sorted(folder.glob("level*.json"))
    port_check(files)
    full_run(files, args.model, args.sentences)


if __name__ == "__main__":
    main()
