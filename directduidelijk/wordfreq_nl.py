"""Dutch word frequencies on wordfreq's Zipf scale, without importing wordfreq for plain words.

    from directduidelijk.wordfreq_nl import zipf
    zipf("gemeente")   # == wordfreq.zipf_frequency("gemeente", "nl")

Importing wordfreq takes about 0.2 s (ftfy, langcodes, regex) and loading its Dutch list another
0.1 s: a large part of checking one letter from a cold start, as a pre-commit hook does. For a
word of lowercase letters only (a-z and the accented letters of Dutch and its loanwords),
wordfreq's answer depends on nothing but that word's entry in its Dutch list. Those answers are
kept in a sorted table in the user's cache folder (next to the YAML cache), built once per
installed wordfreq (about 0.5 s) and loaded in a few hundredths of a second. Spaces and hyphens
separate tokens for wordfreq ("wet maatschappelijke ondersteuning", "e-mail", "woz-"); the
frequencies of such tokens are combined the way wordfreq does. Every other word (capitals,
digits, apostrophes) goes to wordfreq itself, and so does everything when there is no usable
cache (DIRECTDUIDELIJK_GEEN_CACHE, no writable folder, a wordfreq that computes differently):
the answers are the same, only slower.
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from pathlib import Path

# Lowercase letters whose words wordfreq keeps as one token, unchanged (NFC, casefold, no digits).
PLAIN_WORD = re.compile(r"[a-zàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ]+")
# Plain words with spaces and hyphens around or between them: wordfreq's tokens are the words.
PLAIN_PHRASE = re.compile(r"[a-zàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ -]*")
_SEPARATOR = re.compile(r"[ -]+")
_FORMAT = "3"


def zipf(word: str) -> float:
    """wordfreq.zipf_frequency(word, "nl")."""
    if PLAIN_PHRASE.fullmatch(word):
        table = _table()
        if table is not None:
            if PLAIN_WORD.fullmatch(word):
                return zipf_from_frequencies([table.frequency(word)])
            return zipf_from_frequencies([table.frequency(part) for part in _tokens(word)])
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


def _tokens(text: str) -> list[str]:
    return [part for part in _SEPARATOR.split(text) if part]


class _Table:
    """Sorted words and their frequency in centibels (wordfreq's own unit: 10 ** (-cB / 100))."""

    __slots__ = ("words", "values")

    def __init__(self, text: str):
        cells = text.rstrip("\n").replace("\t", "\n").split("\n")
        self.words = cells[0::2]
        self.values = cells[1::2]
        if not self.values or len(self.words) != len(self.values) or not self.values[-1].isdigit():
            raise ValueError("damaged word-frequency table")

    def frequency(self, word: str) -> float | None:
        index = bisect.bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return 10 ** (-int(self.values[index]) / 100)  # wordfreq's cB_to_freq
        return None


def _wordfreq_files() -> list[Path] | None:
    """wordfreq's code and Dutch list, found without importing it (they key the cache)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    package = Path(spec.origin).parent
    files = [package / "__init__.py", package / "tokens.py", package / "data" / "large_nl.msgpack.gz"]
    return files if all(path.is_file() for path in files) else None


def _cache_file() -> Path | None:
    import hashlib

    if os.environ.get("DIRECTDUIDELIJK_GEEN_CACHE"):
        return None
    files = _wordfreq_files()
    if files is None:
        return None
    stamp = "|".join(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files)
    key = hashlib.sha1(f"{_FORMAT}|{stamp}".encode()).hexdigest()[:16]
    base = os.environ.get("DIRECTDUIDELIJK_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "directduidelijk" / f"wordfreq-nl-{key}.tsv"


@lru_cache(maxsize=1)
def _table() -> _Table | None:
    path = _cache_file()
    if path is None:
        return None
    try:
        return _Table(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # missing or damaged (UnicodeDecodeError is a ValueError): build it again
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(path.parent, os.W_OK):
        return None  # building the table for one process costs more than asking wordfreq
    text = build_table()
    if text is None:
        return None
    try:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # the table still serves this process
    return _Table(text)


def zipf_from_frequencies(frequencies: list[float | None]) -> float:
    """What wordfreq.zipf_frequency(word, "nl") computes from the list frequencies of the word's
    tokens (None: not in the list); wordfreq 3's word_frequency, then freq_to_zipf."""
    import math

    minimum = 10**0.0 / 1e9  # zipf_to_freq(0.0), the default minimum
    if not frequencies or any(frequency is None for frequency in frequencies):
        freq = minimum
    else:
        one_over_result = 0.0
        for frequency in frequencies:
            one_over_result += 1.0 / frequency
        unrounded = max(1.0 / one_over_result, minimum)
        leading_zeroes = math.floor(-math.log(unrounded, 10))
        freq = round(unrounded, leading_zeroes + 3)
    return round(math.log(freq, 10) + 9, 2)


def build_table() -> str | None:
    """The table's text: plain words of wordfreq's Dutch list with their frequency, sorted.

    Checked against wordfreq itself: every word's frequency, and the Zipf value of a sample of
    words and phrases (in the list and not). None when anything differs, so that every lookup
    then goes to wordfreq.
    """
    import random

    from wordfreq import get_frequency_dict, get_frequency_list, lossy_tokenize, zipf_frequency

    frequencies = get_frequency_dict("nl", "best")
    centibels: dict[str, int] = {}
    for index, bucket in enumerate(get_frequency_list("nl", "best")):
        for word in bucket:
            if PLAIN_WORD.fullmatch(word):
                centibels[word] = index  # a later bucket wins, as in get_frequency_dict
    words = sorted(centibels)
    if not words or len(words) != sum(1 for word in frequencies if PLAIN_WORD.fullmatch(word)):
        return None
    if any(10 ** (-centibels[word] / 100) != frequencies[word] for word in words):
        return None
    chooser = random.Random(len(words))
    samples = [chooser.choice(words) for _ in range(300)]
    samples += [chooser.choice(" -").join(chooser.choice(words) for _ in range(chooser.randint(2, 3)))
                for _ in range(100)]
    samples += ["qxzjvw", "gemeentezzq", "ëéèqx", "gemeente qxzjvw", "e-mail", "woz-", "-ontvanke", " - ", ""]
    for sample in samples:
        parts = _tokens(sample)
        if lossy_tokenize(sample, "nl") != parts:
            return None
        if zipf_frequency(sample, "nl") != zipf_from_frequencies([frequencies.get(part) for part in parts]):
            return None
    return "".join(f"{word}\t{centibels[word]}\n" for word in words)
