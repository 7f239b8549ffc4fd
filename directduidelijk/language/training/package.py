"""Copy a trained pipeline into the package (directduidelijk/language/model/nl_directduidelijk).

Writes meta.json (training data, licence, attribution, test-set accuracy), LICENSE and README.md next
to the model files. Only what spacy.load needs is written (spaCy never saves optimizer state).
"""

from __future__ import annotations

import datetime
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "model" / "nl_directduidelijk"
VERSION = "1.3.0"

SOURCES = [
    {"name": "UD Dutch Alpino", "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
     "license": "CC BY-SA 4.0",
     "author": "Gosse Bouma, Gertjan van Noord (University of Groningen); Alpino Treebank, Lassy Small"},
    {"name": "UD Dutch LassySmall", "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
     "license": "CC BY-SA 4.0",
     "author": "Gosse Bouma, Gertjan van Noord (University of Groningen); Lassy Small corpus (Nederlandse Taalunie)"},
]

TRAINING_DATA = (
    "UD Dutch Alpino (current dev file; partial 2017 train file) and UD Dutch LassySmall (current dev and "
    "test files; 2017 v2.0-era train file with sentences overlapping current dev/test removed), about "
    "150,700 tokens / 9,804 sentences. Every 10th sentence of the current-scheme files is held out as our dev "
    "set (401 sentences, 7,059 tokens); the other current-scheme sentences are used twice. The 2017 files "
    "were brought to the current UD Dutch scheme: labels (flat:name->flat, possessives->nmod:poss, "
    "door-agents->obl:agent, passive subjects->nsubj:pass), heads (coordinators under the following conjunct "
    "and punctuation under the phrase it delimits, as in UD 2; every copula but zijn, copular worden "
    "included, as main verb with xcomp; moeten as aux; laten/willen/gaan as main verbs), tags (ordinals ADJ, als SCONJ, zowel CCONJ), and with a "
    "teacher parser trained on the current files only: obl->obl:arg, obj->expl:pv, ccomp->xcomp, "
    "fixed->flat in names, where the teacher found the same head. Evaluated on UD Dutch Alpino test "
    "(596 sentences, 11,046 tokens), which was never used for training or tuning."
)

LICENSE_TEXT = """nl_directduidelijk - Dutch spaCy pipeline of directduidelijk
Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)
https://creativecommons.org/licenses/by-sa/4.0/

This trained model is a derived work of the Universal Dependencies Dutch treebanks, which are
distributed under CC BY-SA 4.0. It is therefore distributed under the same licence; the source code of
directduidelijk is licensed separately (see the LICENSE file of the project).

Attribution
-----------
* UD Dutch Alpino - https://github.com/UniversalDependencies/UD_Dutch-Alpino
  Gosse Bouma and Gertjan van Noord, University of Groningen. Based on the Alpino Treebank
  (van der Beek et al. 2002) and Lassy Small material. Licence CC BY-SA 4.0.
* UD Dutch LassySmall - https://github.com/UniversalDependencies/UD_Dutch-LassySmall
  Gosse Bouma and Gertjan van Noord, University of Groningen. Based on the Lassy Small corpus
  (van Noord et al. 2013, Nederlandse Taalunie). Licence CC BY-SA 4.0.
  Bouma, G. and van Noord, G. (2017). Increasing return on annotation investment: the automatic
  construction of a Universal Dependency treebank for Dutch. Proceedings of the NoDaLiDa 2017
  Workshop on Universal Dependencies.

Changes: the treebanks were converted to spaCy's format, older (2017) labels were harmonised with
the current UD guidelines, and a statistical model (tagger, morphology, dependency parser, lemmatizer)
was trained on them. The model contains no treebank sentences, but its weights are derived from them.

You may share and adapt this model, also commercially, provided you give appropriate credit, indicate
changes, and distribute your contributions under the same licence (CC BY-SA 4.0).
"""


def _readme(meta: dict) -> str:
    perf = meta["performance"]
    lines = [
        "# nl_directduidelijk", "",
        meta["description"], "",
        f"Version {meta['version']}, spaCy {meta['spacy_version']}. Licence CC BY-SA 4.0 (see LICENSE): "
        "derived from the UD Dutch Alpino and LassySmall treebanks (University of Groningen).", "",
        "Load with `directduidelijk.language.pipeline.load_pipeline()` (adds the letter tokenizer exceptions) "
        "or plainly with `spacy.load(path)`.", "",
        f"Training data: {meta['directduidelijk']['training_data']}", "",
        "Accuracy on UD Dutch Alpino test (raw text in, pipeline tokenization):", "",
        "| measure | % |", "|---|---|",
    ]
    for key, label in (("pos_acc", "POS (UPOS)"), ("morph_acc", "morphology"), ("dep_uas", "UAS"),
                       ("dep_las", "LAS (punct excluded)"), ("dep_las_with_punct", "LAS (all tokens)"),
                       ("sents_f", "sentence F"), ("lemma_acc", "lemma (case and _ ignored)"),
                       ("passive_precision", "passive precision"), ("passive_recall", "passive recall"),
                       ("passive_f1", "passive F1")):
        lines.append(f"| {label} | {100 * perf[key]:.2f} |")
    lines += ["", "Reproduce: `python -m directduidelijk.language.training all` "
              "(see directduidelijk/language/training/README.md).", ""]
    return "\n".join(lines)


def use_rule_lemmatizer(nlp):
    """Replace the trained lemmatizer by spaCy's Dutch rule lemmatizer; its tables are saved with the model."""
    from spacy.lookups import load_lookups

    index = nlp.pipe_names.index("lemmatizer") if "lemmatizer" in nlp.pipe_names else len(nlp.pipe_names)
    if "lemmatizer" in nlp.pipe_names:
        nlp.remove_pipe("lemmatizer")
    lem = nlp.add_pipe("lemmatizer", config={"mode": "rule"}, last=index == len(nlp.pipe_names))
    required, _ = lem.get_lookups_config("rule")
    lem.initialize(lookups=load_lookups("nl", required))
    return nlp


def add_separable_verb_lemma(nlp):
    """Check verb and adjective lemmas against the lexicon, then join separable particles to the verb's
    lemma (UD convention: brak ... door -> doorbreken)."""
    from directduidelijk.language.lemmas import CHECKED_FACTORY, FACTORY

    if CHECKED_FACTORY not in nlp.pipe_names:
        nlp.add_pipe(CHECKED_FACTORY, before=FACTORY if FACTORY in nlp.pipe_names else None,
                     last=FACTORY not in nlp.pipe_names)
    if FACTORY not in nlp.pipe_names:
        nlp.add_pipe(FACTORY, last=True)
    return nlp


def use_hybrid_lemmatizer(nlp):
    """Keep the trained edit-tree lemmatizer, but where it has no edit tree for a token (it would copy the
    word), let spaCy's Dutch rule lemmatizer (spacy-lookups-data tables, saved with the model) decide."""
    from spacy.lookups import load_lookups

    trained = nlp.get_pipe("lemmatizer")
    trained.backoff = None
    nlp.get_pipe_config("lemmatizer")["backoff"] = None
    if "rule_lemmatizer" not in nlp.pipe_names:
        lem = nlp.add_pipe("lemmatizer", name="rule_lemmatizer", config={"mode": "rule", "overwrite": False},
                           after="lemmatizer")
        required, _ = lem.get_lookups_config("rule")
        lem.initialize(lookups=load_lookups("nl", required))
    return nlp


AUGMENTATION = (" Augmented: each training sentence with subject 'hij' was added once more in the polite form "
                "'u' (kan->kunt, is->bent, zijn->uw), because the treebanks hardly contain 'u', which letters are full of.")


def performance(scores: dict) -> dict:
    return {
        "pos_acc": scores["pos"], "morph_acc": scores["morph"], "dep_uas": scores["uas"],
        "dep_las": scores["las"], "dep_las_with_punct": scores["las_with_punct"],
        "sents_f": scores["sents_f"], "lemma_acc": scores["lemma"],
        "passive_precision": scores["passive_precision"], "passive_recall": scores["passive_recall"],
        "passive_f1": scores["passive_f1"],
    }


def update_performance(target: Path, scores: dict) -> None:
    """Write the test figures of the packaged pipeline itself (with every component it ships) into its
    meta.json and README."""
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = performance(scores)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (target / "README.md").write_text(_readme(meta), encoding="utf-8")
    print(json.dumps(meta["performance"], indent=2), file=sys.stderr)


def package(model: Path, scores: dict, *, lemmatizer: str = "trained", config_name: str = "efficiency",
            training_minutes: float | None = None, augmented: bool = True, target: Path = TARGET) -> Path:
    import spacy

    from directduidelijk.language.tokenizer import customise_tokenizer

    nlp = spacy.load(model)
    customise_tokenizer(nlp)  # saved with the model: plain spacy.load(path) gets the letter exceptions too
    if lemmatizer == "rule":
        use_rule_lemmatizer(nlp)
    elif lemmatizer == "hybrid":
        use_hybrid_lemmatizer(nlp)
    add_separable_verb_lemma(nlp)
    meta = dict(nlp.meta)
    meta.update({
        "lang": "nl",
        "name": "directduidelijk",
        "version": VERSION,
        "spacy_version": ">=3.8.0,<3.9.0",
        "description": ("Dutch pipeline of directduidelijk (plain-language checker): tok2vec, "
                        + ("tagger (Alpino XPOS), " if "tagger" in nlp.pipe_names else "")
                        + "morphologizer (UPOS + features), dependency parser (also sentence boundaries), "
                        "trained edit-tree lemmatizer"
                        + (" with spaCy's Dutch rule lemmatizer where it has no edit tree"
                           if "rule_lemmatizer" in nlp.pipe_names else "")
                        + ", verb and adjective lemmas checked against a Dutch word list (wordfreq), separable "
                        "particles joined to the verb's lemma. CPU-optimised, trained from scratch "
                        "without pretrained vectors on UD Dutch Alpino + LassySmall."),
        "author": "directduidelijk",
        "url": "",
        "license": "CC BY-SA 4.0",
        "sources": SOURCES,
        "performance": performance(scores),
        "directduidelijk": {
            "training_data": TRAINING_DATA + (AUGMENTATION if augmented else ""),
            "augmented_polite_form": augmented,
            "test_set": "UD Dutch Alpino test (nl_alpino-ud-test.conllu), 596 sentences, 11,046 tokens",
            "evaluation": ("benchmarks/pipeline_accuracy.py: raw text in, aligned to gold tokens; spaCy scorer for "
                           "POS/morph/UAS/LAS (punct excluded)/sentence F; lemma compared case-insensitively "
                           "ignoring underscores; passive = sentence has an aux:pass token"),
            "config": config_name,
            "lemmatizer": lemmatizer,
            "training_minutes": training_minutes,
            "packaged": datetime.date.today().isoformat(),
        },
    })
    meta.pop("performance_per_type", None)
    nlp.meta.clear()
    nlp.meta.update(meta)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    (target / "LICENSE").write_text(LICENSE_TEXT, encoding="utf-8")
    (target / "README.md").write_text(_readme(meta), encoding="utf-8")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"packaged {model} -> {target} ({size / 1e6:.1f} MB)", file=sys.stderr)
    print(json.dumps(meta["performance"], indent=2), file=sys.stderr)
    return target
