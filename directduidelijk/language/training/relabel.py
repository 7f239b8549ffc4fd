"""Bring the 2017 train files closer to the current UD labels with a teacher trained on current files.

The 2017 files (more than half of our training tokens) predate several label refinements of UD Dutch:
``obl:arg`` (prepositional objects), ``expl:pv`` (inherent reflexives) and others cannot be recovered
by rules from the old labels. A parser trained on the current-scheme files only (the teacher) parses
each 2017 sentence on its gold tokens; where the teacher attaches a token to the same head as the
gold tree and proposes a label that refines the gold label (see ``REFINEMENTS``), the refined label is
taken. Heads, tags and everything else of the gold tree stay as they are.

    python -m directduidelijk.language.training.relabel --teacher training-output/fast-cur/model-best \
        --report                      # print the confusion on the 2017 files (no files written)
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

# gold (2017) label -> the current label that refines it, taken where the teacher agrees on the head
REFINEMENTS = {
    "obl": {"obl:arg"},          # prepositional objects (wachten op, bestaan uit)
    "obj": {"expl:pv"},          # inherent reflexives (zich bevinden, zich vestigen)
    "ccomp": {"xcomp"},          # te-infinitives of control and raising verbs
    "fixed": {"flat"},           # multiword names (Eerste Wereldoorlog, Vlaamse Gemeenschap)
}
REFLEXIVES = {"zich", "zichzelf", "me", "mij", "mezelf", "mijzelf", "je", "jezelf", "ons", "onszelf", "u",
              "uzelf", "hem", "haar", "hen"}
def teacher_parses(nlp, sents):
    """For each sentence the teacher's (head index or -1, label, POS, morph) per gold token."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=[c[1] for c in s]) for s in sents]
    out = []
    for doc in nlp.pipe(docs, batch_size=64):
        out.append([(t.head.i if t.head.i != t.i else -1, t.dep_, t.pos_, str(t.morph)) for t in doc])
    return out


def relabel(sents, parses, refinements=REFINEMENTS):
    """Return the sentences with refined labels and a Counter of the changes made."""
    changes = collections.Counter()
    new_sents = []
    for sent, pred in zip(sents, parses):
        new = [list(c) for c in sent]
        for i, cols in enumerate(new):
            head, label, pos, morph = pred[i]
            if head != int(cols[6]) - 1 or label not in refinements.get(cols[7], ()):
                continue
            if label == "expl:pv" and cols[1].lower() not in REFLEXIVES:
                continue
            changes[f"{cols[7]} -> {label}"] += 1
            cols[7] = label
            if label == "flat" and cols[1][:1].isupper() and pos == "PROPN" and cols[3] != "PROPN":
                # current files tag the parts of a multiword name PROPN (the head too, see below)
                cols[3], cols[5] = "PROPN", "_"
                changes["name part -> PROPN"] += 1
        for i, cols in enumerate(new):  # the head of a relabelled name chain
            if any(c[7] == "flat" and c[6] == str(i + 1) and c[3] == "PROPN" for c in new) and \
                    cols[1][:1].isupper() and cols[3] in ("NOUN", "ADJ") and pred[i][2] == "PROPN":
                cols[3], cols[5] = "PROPN", "_"
                changes["name head -> PROPN"] += 1
        new_sents.append(new)
    return new_sents, changes


def relabel_old_files(sents, teacher_path: str):
    import spacy

    nlp = spacy.load(teacher_path, exclude=["lemmatizer"])
    new, changes = relabel(sents, teacher_parses(nlp, sents))
    print("relabelled 2017 sentences:", dict(changes), file=sys.stderr)
    return new


def confusion(sents, predictions):
    """(gold label, teacher label) counts where the teacher found the gold head."""
    counts = collections.Counter()
    for sent, pred in zip(sents, predictions):
        for i, cols in enumerate(sent):
            head, label = pred[i][:2]
            if head == int(cols[6]) - 1 and label != cols[7]:
                counts[(cols[7], label)] += 1
    return counts


def main(argv=None) -> int:
    from directduidelijk.language.training.__main__ import shared_dir
    from directduidelijk.language.training.convert import _is_tree, harmonise, read_conllu
    import spacy

    parser = argparse.ArgumentParser()
    parser.add_argument("--teacher", required=True)
    parser.add_argument("--shared")
    args = parser.parse_args(argv)
    nlp = spacy.load(args.teacher, exclude=["lemmatizer"])
    total = collections.Counter()
    n = 0
    for path in sorted((shared_dir(args.shared) / "ud-dutch" / "train").glob("*.2017*.conllu")):
        sents = [harmonise(s, True) for s in read_conllu(path) if _is_tree(s)]
        n += sum(len(s) for s in sents)
        total += confusion(sents, teacher_parses(nlp, sents))
    print(f"{n} tokens in the 2017 files; label disagreements where the teacher found the gold head:")
    for (gold, label), count in total.most_common(40):
        print(f"  {gold:>14} -> {label:<14} {count:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
