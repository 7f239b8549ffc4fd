"""Speed of the Dutch pipeline: words/s with nlp.pipe on 1 and 2 processes, load time, size on disk.

The text is letter-like Dutch generated here from our own template sentences (deterministic), at least
100,000 words, in paragraphs of 1-4 sentences (as the checker sends blocks of a letter).

    python benchmarks/pipeline_speed.py                 # the bundled model
    python benchmarks/pipeline_speed.py --model PATH|NAME --words 150000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SUBJECTS = ["De gemeente", "Het college van B&W", "Wij", "Onze afdeling Belastingen", "De heffingsambtenaar",
            "Uw verhuurder", "De commissie bezwaarschriften", "Het Zorgloket", "Mevr. Jansen van team Wonen"]
OBJECTS = ["uw aanvraag", "het bezwaarschrift", "de aanslag gemeentelijke belastingen", "uw WOZ-waarde",
           "de vergunning voor de uitbouw", "uw verzoek om bijzondere bijstand", "de parkeervergunning",
           "het formulier", "de brief van 12-03-2025", "de beschikking met kenmerk ZK-2025-0012"]
VERBS_PAST = ["ontvangen", "beoordeeld", "behandeld", "afgewezen", "goedgekeurd", "verstuurd", "gecontroleerd"]
TIMES = ["binnen zes weken", "voor 1 januari 2026", "z.s.m.", "uiterlijk a.s. vrijdag", "in de loop van volgende week",
         "na ontvangst van deze brief", "vóór de vergadering van 3 maart"]
AMOUNTS = ["€ 1.250,00", "€ 85,50", "€ 12.400,-", "€ 310,00", "€ 47,25"]
TEMPLATES = [
    "{S} heeft {O} op {D} {V}.",
    "{O} wordt {T} door {s} {V}.",
    "U kunt {T} bezwaar maken tegen {o}, bijv. via www.gemeente.nl/bezwaar of per post.",
    "In deze brief leest u wat wij met {o} hebben gedaan en wat u nu moet doen.",
    "Het bedrag van {A} wordt {T} op uw rekening gestort.",
    "Heeft u vragen over {o}? Bel dan met {s} via 14 020 of mail naar info@gemeente.nl.",
    "Op grond van art. 4:8 Awb geven wij u de gelegenheid om uw zienswijze te geven.",
    "Wij hebben besloten om {o} toe te kennen, o.a. omdat u aan alle voorwaarden voldoet.",
    "Na een zorgvuldige afweging van alle belangen is besloten {o} niet te verlengen.",
    "Wilt u {T} de ontbrekende stukken sturen? Anders kunnen wij {o} niet in behandeling nemen.",
    "De kosten van {A} worden i.v.m. de nieuwe regels niet vergoed.",
    "U ontvangt {T} een nieuwe beschikking met daarin de hoogte van het bedrag.",
    "Met ingang van 1 juli 2026 gelden er andere tarieven voor de afvalstoffenheffing.",
    "Wij vragen u t.a.v. {o} contact op te nemen met dhr. De Vries van het team Vergunningen.",
    "Als u het niet eens bent met dit besluit, kunt u binnen zes weken een bezwaarschrift indienen.",
]
DATES = ["3 maart", "12-03-2025", "1 januari 2026", "28 februari", "15 juni 2025"]


def letter_text(words: int, seed: int = 20260301) -> list[str]:
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            t = rng.choice(TEMPLATES)
            o = rng.choice(OBJECTS)
            s = rng.choice(SUBJECTS)
            sentence = t.format(S=s, s=s[0].lower() + s[1:] if s not in ("Wij",) else "ons", O=o[0].upper() + o[1:],
                                o=o, V=rng.choice(VERBS_PAST), T=rng.choice(TIMES), A=rng.choice(AMOUNTS),
                                D=rng.choice(DATES))
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="nl_directduidelijk")
    parser.add_argument("--words", type=int, default=120_000)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args(argv)

    import spacy  # noqa: F401  (imported before timing: "load time in a running process")

    from directduidelijk.language import pipeline

    target, source = pipeline.resolve(args.model)
    t0 = time.perf_counter()
    nlp = spacy.load(target)
    first = time.perf_counter() - t0
    loads = []
    for _ in range(3):
        t0 = time.perf_counter()
        spacy.load(target)
        loads.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    nlp, info = pipeline.load_pipeline(args.model)
    via_loader = time.perf_counter() - t0
    print(f"model: {info.name} {info.version} ({info.source}) {target}; pipes: {nlp.pipe_names}")
    if isinstance(target, Path):
        print(f"size on disk: {dir_size(Path(target)) / 1e6:.1f} MB")
    print(f"spacy.load: first {first:.2f} s, again {min(loads):.2f}-{max(loads):.2f} s; "
          f"load_pipeline (incl. tokenizer exceptions) {via_loader:.2f} s")

    texts = letter_text(args.words)
    n_words = sum(len(t.split()) for t in texts)
    print(f"text: {len(texts)} paragraphs, {n_words} words (whitespace-separated), cpus: {os.cpu_count()}")
    list(nlp.pipe(texts[:200], batch_size=args.batch_size))  # warm-up
    for n_process in (1, 2):
        t0 = time.perf_counter()
        n_tokens = 0
        for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=n_process):
            n_tokens += len(doc)
        elapsed = time.perf_counter() - t0
        print(f"nlp.pipe n_process={n_process}: {elapsed:.1f} s, {n_words / elapsed:,.0f} words/s "
              f"({n_tokens / elapsed:,.0f} tokens/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
