"""Coverage of our ambtelijke-taal list against reference lists in ../shared/wordlists.

The reference lists (T-Scan formal.data, Amsterdam 'moeilijke woorden', the CC BY Dutch style
guide's 'X → Y' pairs) are only measured against, never copied. For each list this prints:

  exact     the item is one of our entries (also as an inflected form of an entry word);
  flagged   our rule would flag the item's text (an entry occurs in it, e.g. 'van belang' in
            'het is van belang om te vermelden dat');

and the most frequent misses (wordfreq Zipf frequency for Dutch, if installed), which are the
candidates to consider writing an entry of our own for.

Usage:  python benchmarks/wordlist_coverage.py [--misses N] [--source tscan|amsterdam|styleguide]
The shared folder is ../shared relative to the repository root, or $DIRECTDUIDELIJK_SHARED.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RULE_DIR = ROOT / "rules" / "direct-duidelijk"
RULE_FILE = RULE_DIR / "ambtelijke-taal.yaml"
NAAMWOORD_FILE = RULE_DIR / "naamwoordstijl.yaml"


def shared_dir() -> Path:
    env = os.environ.get("DIRECTDUIDELIJK_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def norm(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"\(.*?\)", " ", text)  # 'aanbieden (van afval)' -> 'aanbieden'
    text = re.sub(r"[^\w'./\- ]+", " ", text)
    return " ".join(text.split()).strip(" .")


# --- reference lists -------------------------------------------------------------------------


def read_tscan(base: Path) -> list[str]:
    path = base / "tscan" / "formal.data"
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0]
        if word.strip():
            items.append(norm(word))
    return items


def read_amsterdam(base: Path) -> list[str]:
    path = base / "amsterdam-moeilijke-woorden" / "moeilijke woorden.txt"
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        # word lines; '[o.] ...' lines are definitions, single letters are alphabet headings
        if len(line) > 1 and not line.startswith("["):
            items.append(norm(line))
    return items


def read_styleguide(base: Path) -> list[str]:
    path = base / "dutch-style-guide-ccby" / "dutch-style-guide.md"
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.search(r"`([^`]+)`\s*(?:→|->)", line)
        if match:
            items.append(norm(match.group(1)))
    return items


SOURCES = {"tscan": read_tscan, "amsterdam": read_amsterdam, "styleguide": read_styleguide}


# --- our entries, with a rough stand-in for lemma matching ------------------------------------


VOWELS = "aeiouy"
PARTICLES = ("aan", "af", "bij", "door", "in", "mee", "mede", "na", "om", "op", "over", "tegen", "terug",
             "toe", "uit", "vast", "voor", "weg")
NO_GE = ("be", "ge", "her", "ont", "ver", "er")


def verb_stem(infinitive: str) -> str:
    """Dutch verb stem: zetten -> zet, beogen -> beoog, geven -> geef, realiseren -> realiseer."""
    stem = infinitive[:-2]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        return stem[:-1]
    if (len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] in "aeou"
            and stem[-3] not in VOWELS):
        stem = stem[:-1] + stem[-2] + stem[-1]  # open syllable: double the vowel
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif stem.endswith("z"):
        stem = stem[:-1] + "s"
    return stem


def word_forms(word: str) -> set[str]:
    """Inflected forms of one entry word: a crude stand-in for the engine's lemma matching."""
    forms = {word}
    if len(word) < 4 or not word.replace("ë", "e").replace("ï", "i").isalpha():
        return forms
    forms |= {word + "e", word + "en", word + "s", word + "n", word + "de"}
    if len(word) >= 6 and word[-1] not in VOWELS and word[-2] == word[-3] and word[-2] in "aeou":
        short = word[:-2] + word[-1]  # adequaat -> adequate, beoogd stays
        forms |= {short + "e", short + "en"}
    if word.endswith("en"):  # verb infinitive (or plural noun: harmless)
        stems = {verb_stem(word)}
        raw = word[:-2]
        if len(raw) >= 2 and raw[-1] not in VOWELS and raw[-2] in "aeouë":  # be-o-gen, initi-ë-ren
            stems.add(raw[:-2] + raw[-2].replace("ë", "e") * 2 + raw[-1])
        for stem in (s for s in stems if len(s) >= 4):  # 'innen' must not yield 'in'
            forms |= {stem, stem + "t", stem + "de", stem + "te", stem + "den", stem + "ten", stem + "d"}
            forms |= word_participles(word, stem)
    return forms


def word_participles(word: str, stem: str) -> set[str]:
    """Past participles: gegeven-like forms are not built, only the regular -d/-t ones."""
    forms = set()
    for particle in PARTICLES:
        if word.startswith(particle) and len(word) > len(particle) + 3:
            rest = stem[len(particle):]
            forms |= {particle + "ge" + rest + "d", particle + "ge" + rest + "t"}
    if word.startswith(NO_GE):
        return forms | {stem + "d", stem + "t"}
    diaeresis = {"i": "ï", "e": "ë"}.get(stem[0])
    body = diaeresis + stem[1:] if diaeresis else stem  # initieer -> geïnitieerd
    return forms | {"ge" + body + "d", "ge" + body + "t"}


def load_entries(path: Path = RULE_FILE) -> list[list[set[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (rule,) = data["regels"]
    entries = []
    for entry in rule["woorden"]:
        words = [w for w in norm(entry["woord"]).split() if w != "..."]
        entries.append([word_forms(w) for w in words])
    return entries


def exact(item: str, entries: list[list[set[str]]]) -> bool:
    words = item.split()
    return any(
        len(entry) == len(words) and all(w in forms for w, forms in zip(words, entry)) for entry in entries
    )


def flagged(item: str, entries: list[list[set[str]]]) -> bool:
    """An entry occurs in the item: single words anywhere, phrases with all words present in order."""
    words = item.split()
    for entry in entries:
        pos = 0
        for forms in entry:
            while pos < len(words) and words[pos] not in forms:
                pos += 1
            if pos == len(words):
                break
            pos += 1
        else:
            return True
    return False


def zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word, "nl")


def report(name: str, items: Iterable[str], entries, misses: int, extra=None) -> tuple[int, int, int, int]:
    unique = sorted({i for i in items if i})
    n_exact = sum(exact(i, entries) for i in unique)
    missed = [i for i in unique if not flagged(i, entries)]
    n_flagged = len(unique) - len(missed)
    print(f"{name:<11} {len(unique):>5} items   exact {n_exact:>4} ({100 * n_exact / len(unique):5.1f} %)"
          f"   flagged {n_flagged:>4} ({100 * n_flagged / len(unique):5.1f} %)")
    n_both = n_flagged + sum(flagged(i, extra) for i in missed) if extra else n_flagged
    if misses:
        ranked = sorted(missed, key=lambda w: (-zipf(w), w))[:misses]
        print("   most frequent misses: " + ", ".join(f"{w} ({zipf(w):.1f})" for w in ranked))
    return len(unique), n_exact, n_flagged, n_both


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=40, help="how many misses to show per list")
    parser.add_argument("--source", choices=sorted(SOURCES), action="append", help="only these lists")
    args = parser.parse_args(argv)

    base = shared_dir() / "wordlists"
    if not base.is_dir():
        print(f"Reference lists not found at {base}; set DIRECTDUIDELIJK_SHARED. Nothing to measure.")
        return 0
    entries = load_entries()
    extra = load_entries(NAAMWOORD_FILE) if NAAMWOORD_FILE.exists() else []
    print(f"ambtelijke-taal: {len(entries)} entries; references in {base}")
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        print("(wordfreq not installed: misses are listed alphabetically)")
    totals = [0, 0, 0, 0]
    for name in args.source or list(SOURCES):
        try:
            items = SOURCES[name](base)
        except FileNotFoundError as err:
            print(f"{name:<11} missing: {err.filename}")
            continue
        for k, v in enumerate(report(name, items, entries, args.misses, extra)):
            totals[k] += v
    if totals[0]:
        print(f"{'all':<11} {totals[0]:>5} items   exact {totals[1]:>4} ({100 * totals[1] / totals[0]:5.1f} %)"
              f"   flagged {totals[2]:>4} ({100 * totals[2] / totals[0]:5.1f} %)")
        print(f"flagged by ambtelijke-taal or naamwoordstijl ({len(extra)} entries): "
              f"{totals[3]} ({100 * totals[3] / totals[0]:.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
