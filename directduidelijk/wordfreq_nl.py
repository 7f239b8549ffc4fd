"""Dutch word frequencies on wordfreq's Zipf scale, without importing wordfreq for plain words.

    from directduidelijk.wordfreq_nl import zipf
    zipf("gemeente")   # == wordfreq.zipf_frequency("gemeente", "nl")

Importing wordfreq takes about 0.2 s (ftfy, langcodes, regex) and loading its Dutch list another
0.1 s: a large part of checking one letter from a cold start, as a pre-commit hook does. For a
word of lowercase letters only (a-z and the accented letters of Dutch and its loanwords),
wordfreq's answer depends on nothing but that word's entry in its Dutch list. Those answers are
kept in a sorted table in the user's cache folder (next to the YAML cache), built once per
installed wordfreq (about 0.5 s) and loaded in a few hundredths of a second. Every other word
(capitals, digits, hyphens, apostrophes) goes to wordfreq itself, and so does everything when
there is no usable cache (DIRECTDUIDELIJK_GEEN_CACHE, no writable folder, an unexpected
wordfreq): the answers are the same, only slower.
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache
from pathlib import Path

# Lowercase letters whose words wordfreq keeps as one token, unchanged (NFC, casefold, no digits).
PLAIN_WORD = re.compile(r"[a-zàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ]+")
_FORMAT = "1"


def zipf(word: str) -> float:
    """wordfreq.zipf_frequency(word, "nl")."""
    if PLAIN_WORD.fullmatch(word):
        table = _table()
        if table is not None:
            return table.get(word)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


class _Table:
    __slots__ = ("words", "values")

    def __init__(self, text: str):
        cells = text.rstrip("\n").replace("\t", "\n").split("\n")
        self.words = cells[0::2]
        self.values = cells[1::2]

    def get(self, word: str) -> float:
        index = bisect.bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return float(self.values[index])
        return 0.0  # wordfreq: a word that is not in the list has Zipf 0 (minimum 0)


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
    except (OSError, UnicodeDecodeError):
        pass
    text = build_table()
    if text is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # no writable cache: the table still serves this process
    return _Table(text)


def _single_token_zipf(frequency: float) -> float:
    """What wordfreq.zipf_frequency computes for a word that is one token with this frequency."""
    import math

    freq = 1.0 / (0.0 + 1.0 / frequency)
    unrounded = max(freq, 10**0.0 / 1e9)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


def build_table() -> str | None:
    """The table's text: plain words of wordfreq's Dutch list with their Zipf value, sorted.

    Checked against wordfreq itself on a sample of words (in the list and not); None when
    anything differs, so that every lookup then goes to wordfreq.
    """
    import random

    from wordfreq import get_frequency_dict, lossy_tokenize, zipf_frequency

    frequencies = get_frequency_dict("nl", "best")
    words = sorted(word for word in frequencies if PLAIN_WORD.fullmatch(word))
    values = [_single_token_zipf(frequencies[word]) for word in words]
    sample = random.Random(len(words)).sample(range(len(words)), min(400, len(words)))
    for index in sample:
        word = words[index]
        if lossy_tokenize(word, "nl") != [word] or zipf_frequency(word, "nl") != values[index]:
            return None
    for word in ("qxzjvw", "gemeentezzq", "ëéèqx"):
        if word not in frequencies and zipf_frequency(word, "nl") != 0.0:
            return None
    return "".join(f"{word}\t{value!r}\n" for word, value in zip(words, values))
