"""Syllable counting accuracy: our Dutch counter against pyphen (what textstat uses).

Run: python benchmarks/syllables_accuracy.py
Gold: corpora/gold/lettergrepen.tsv (words and counts written by the team).
"""

from __future__ import annotations

from pathlib import Path

import pyphen

from directduidelijk.language.syllables import count_syllables

GOLD = Path(__file__).resolve().parent.parent / "corpora" / "gold" / "lettergrepen.tsv"


def pyphen_count(dictionary: pyphen.Pyphen, word: str) -> int:
    return len(dictionary.inserted(word).split("-"))


def main() -> None:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, count = line.split("\t")[:2]
        rows.append((word, int(count)))
    dictionary = pyphen.Pyphen(lang="nl_NL")
    ours = sum(count_syllables(w) == c for w, c in rows)
    theirs = sum(pyphen_count(dictionary, w) == c for w, c in rows)
    total_gold = sum(c for _, c in rows)
    print(f"words: {len(rows)}, syllables in gold: {total_gold}")
    print(f"directduidelijk exact: {ours}/{len(rows)} = {ours / len(rows):.1%}, "
          f"total syllables {sum(count_syllables(w) for w, _ in rows)}")
    print(f"pyphen (textstat) exact: {theirs}/{len(rows)} = {theirs / len(rows):.1%}, "
          f"total syllables {sum(pyphen_count(dictionary, w) for w, _ in rows)}")
    misses = [(w, c, count_syllables(w)) for w, c in rows if count_syllables(w) != c]
    print("our misses (word, gold, ours):", misses)
    pyphen_misses = [(w, c, pyphen_count(dictionary, w)) for w, c in rows if pyphen_count(dictionary, w) != c]
    print("pyphen misses (first 20):", pyphen_misses[:20])


if __name__ == "__main__":
    main()
