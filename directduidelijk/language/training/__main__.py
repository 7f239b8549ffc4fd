"""python -m directduidelijk.language.training {convert,train,evaluate,package,all} [options]

* convert  : ../shared/ud-dutch/*.conllu -> training-output/corpus/{train,dev,test}.spacy (own dev split,
             train augmented with polite-form copies unless --no-augment)
* train    : spacy train <config> on CPU -> training-output/<run>/model-best (log in training-output/<run>/train.log)
* evaluate : benchmarks/pipeline_accuracy.py on the test set for training-output/<run>/model-best
* package  : copy model-best into directduidelijk/language/model/nl_directduidelijk with meta, LICENSE, README
* all      : the shipped recipe: a teacher parser on the current-scheme files, convert with the 2017 files
             relabelled by it, train, package (use --seed 1 for the seed of model 1.2.0)

The shared data folder defaults to ../shared next to the repository; override it with
DIRECTDUIDELIJK_SHARED or --shared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
OUTPUT = REPO / "training-output"
CONFIGS = {"efficiency": HERE / "efficiency.cfg", "fast": HERE / "fast.cfg",
           "fast-tagger-avg-mp2": HERE / "fast-tagger-avg-mp2.cfg"}
DEFAULT_CONFIG = "fast-tagger-avg-mp2"  # the recipe of the shipped model 1.2.0
TEACHER_CONFIG = "fast"


def shared_dir(option: str | None) -> Path:
    if option:
        return Path(option).expanduser().resolve()
    return Path(os.environ.get("DIRECTDUIDELIJK_SHARED", REPO.parent / "shared")).resolve()


def cmd_convert(args) -> None:
    from directduidelijk.language.training.convert import convert

    convert(shared_dir(args.shared), corpus_dir(args), augment=not args.no_augment, dev_from=args.dev_from,
            upsample_current=args.upsample_current, include_old=not args.current_only,
            teacher=args.teacher)


def corpus_dir(args) -> Path:
    return OUTPUT / args.corpus


def cmd_train(args) -> None:
    config = CONFIGS.get(args.config, Path(args.config))
    out = OUTPUT / args.run
    out.mkdir(parents=True, exist_ok=True)
    corpus = corpus_dir(args)
    if not (corpus / "train.spacy").exists():
        cmd_convert(args)
    command = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(out),
               "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    if args.max_epochs is not None:
        command += ["--training.max_epochs", str(args.max_epochs)]
    if args.max_steps is not None:
        command += ["--training.max_steps", str(args.max_steps)]
    if args.seed is not None:
        command += ["--system.seed", str(args.seed)]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    start = time.time()
    with open(out / "train.log", "w") as log:
        print(f"training {config.name} -> {out} (log: {out / 'train.log'})", file=sys.stderr)
        subprocess.run(command, check=True, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    print(f"training took {(time.time() - start) / 60:.1f} min", file=sys.stderr)


def _evaluate_path(model: Path, shared: Path) -> dict:
    sys.path.insert(0, str(REPO))
    os.environ["DIRECTDUIDELIJK_SHARED"] = str(shared)
    from benchmarks.pipeline_accuracy import evaluate, print_scores, raw_test_sents
    from directduidelijk.language.pipeline import load_pipeline

    nlp, _ = load_pipeline(str(model))
    scores = evaluate(nlp, raw_test_sents(shared / "ud-dutch" / "test" / "nl_alpino-ud-test.conllu"))
    print_scores(f"test set, {model}", scores)
    return scores


def cmd_evaluate(args) -> dict:
    model = Path(args.model) if args.model else OUTPUT / args.run / "model-best"
    return _evaluate_path(model, shared_dir(args.shared))


def cmd_package(args) -> None:
    from directduidelijk.language.training.package import package, update_performance

    model = Path(args.model) if args.model else OUTPUT / args.run / "model-best"
    scores = _evaluate_path(model, shared_dir(args.shared))
    target = package(model, scores, lemmatizer=args.lemmatizer, config_name=args.config,
                     training_minutes=args.training_minutes, augmented=not args.no_augment)
    # the shipped pipeline has components model-best lacks (separable-verb lemmas): measure it as shipped
    update_performance(target, _evaluate_path(target, shared_dir(args.shared)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m directduidelijk.language.training", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["convert", "train", "evaluate", "package", "all"])
    parser.add_argument("--shared", help="the shared data folder (default: $DIRECTDUIDELIJK_SHARED or ../shared)")
    parser.add_argument("--config", default=DEFAULT_CONFIG, help=f"one of {sorted(CONFIGS)} or a .cfg path")
    parser.add_argument("--run", default="run", help="subfolder of training-output/ for this run")
    parser.add_argument("--model", help="evaluate/package this pipeline folder instead of <run>/model-best")
    parser.add_argument("--no-augment", action="store_true",
                        help="convert without the polite-form (u) copies of hij-sentences")
    parser.add_argument("--corpus", default="corpus", help="subfolder of training-output/ for the converted data")
    parser.add_argument("--dev-from", choices=["all", "current"], default="current",
                        help="hold out dev sentences from all train files or from the current-scheme files only")
    parser.add_argument("--upsample-current", type=int, default=2,
                        help="how often the current-scheme train sentences are repeated")
    parser.add_argument("--teacher", help="relabel the 2017 files with this pipeline (trained on current files only)")
    parser.add_argument("--current-only", action="store_true", help="leave out the 2017 train files")
    parser.add_argument("--max-epochs", type=int)
    parser.add_argument("--max-steps", type=int)
    parser.add_argument("--seed", type=int, help="random seed of the training (default: the config's, 0)")
    parser.add_argument("--lemmatizer", choices=["trained", "rule", "hybrid"], default="trained",
                        help="lemmatizer to ship (chosen on the dev split; see benchmarks/pipeline_accuracy.py)")
    parser.add_argument("--training-minutes", type=float, help="recorded in meta.json")
    args = parser.parse_args(argv)
    if args.step == "all":
        return cmd_all(args)
    if args.step == "convert":
        cmd_convert(args)
    if args.step == "train":
        cmd_train(args)
    if args.step == "evaluate":
        cmd_evaluate(args)
    if args.step == "package":
        cmd_package(args)
    return 0


def cmd_all(args) -> int:
    """The whole recipe of the shipped model: a teacher on the current-scheme files, the 2017 files
    relabelled with it, the model itself, packaged and measured."""
    start = time.time()
    teacher = argparse.Namespace(**vars(args))
    teacher.corpus, teacher.run, teacher.config = "corpus-current", "teacher", TEACHER_CONFIG
    teacher.current_only, teacher.upsample_current, teacher.teacher = True, 1, None
    cmd_convert(teacher)
    cmd_train(teacher)
    args.teacher = str(OUTPUT / "teacher" / "model-best")
    cmd_convert(args)
    cmd_train(args)
    if args.training_minutes is None:
        args.training_minutes = round((time.time() - start) / 60, 1)
    cmd_package(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
