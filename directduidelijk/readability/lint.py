"""LiNT-II readability score for Dutch, ported from the lint_ii package (EUPL-1.2).

LiNT-II (Kim, Pander Maat et al.) predicts how hard a Dutch text is from four features:

- mean log word frequency of content words (SUBTLEX-NL, proper nouns excluded);
- mean of the maximum syntactic dependency length per sentence;
- mean number of content words per clause (finite verb);
- the proportion of concrete nouns among the nouns with a known semantic type.

    score = 100 - clamp(-4.20782 + 17.283729 * freq - 1.624415 * sdl
                        - 2.536780 * content_words_per_clause + 16.001231 * concrete, 0, 100)

Higher is harder. Levels: 1 [0, 34), 2 [34, 46), 3 [46, 58), 4 [58, 100].
The coefficients were fitted with spaCy's nl_core_news_lg 3.7 parses and the noun list
``nouns_sem_types_20251118``; with any other pipeline the score is an approximation.

The feature definitions follow ``lint_ii/core/word_features.py`` and ``sentence_analysis.py``
exactly; the word data is in ``directduidelijk/data/lint_ii`` (see its NOTICE).
We cannot depend on lint_ii itself (it pins older spaCy/numpy and loads nl_core_news_lg at import).
"""

from __future__ import annotations

import bisect
import gzip
import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from directduidelijk.language.analysis import AnalysedDocument

DATA = Path(__file__).resolve().parent.parent / "data" / "lint_ii"


def mean(values: list) -> float | int:
    """statistics.mean, to the last bit and of the same type, without its Fractions (it ran once per
    sentence and cost more than the rest of the LiNT features together).

    ints and floats are exact ratios with a power of two below; their sum over a common denominator
    is an exact integer, and int / int is correctly rounded, as float(Fraction) is. All ints and a
    whole mean give an int, as statistics.mean does. Anything else (nan, inf, bool, numpy) goes to
    statistics.mean itself."""
    kinds = set(map(type, values))
    if kinds == {int}:
        total = sum(values)
        whole, rest = divmod(total, len(values))
        return total / len(values) if rest else whole
    if not values or not kinds <= {int, float} or not all(map(math.isfinite, values)):
        return statistics.mean(values)
    ratios = [value.as_integer_ratio() for value in values]
    common = max(denominator for _, denominator in ratios)  # a power of two: every other one divides it
    total = sum(numerator * (common // denominator) for numerator, denominator in ratios)
    return total / (common * len(values))

COEFFICIENTS = {
    "const": -4.207827812539932,
    "mean_log_word_freq": 17.283729064021745,
    "mean_max_sdl": -1.624415134700866,
    "mean_content_words": -2.5367797224712945,
    "proportion_concrete": 16.00123133524857,
}
LEVEL_CUTOFFS = (34.0, 46.0, 58.0)
# log10(1 / total_count * 1e9): the frequency of a word SUBTLEX-NL does not have.
ZERO_COUNT_FREQUENCY = 1.359228547196266
# The pipeline the coefficients were fitted on; any other gives an approximation.
REFERENCE_MODEL = "nl_core_news_lg"

CONCRETE, ABSTRACT, UNDEFINED, UNKNOWN = "concrete", "abstract", "undefined", "unknown"
_SEM = {"c": CONCRETE, "a": ABSTRACT, "u": UNDEFINED}


# ── word data ────────────────────────────────────────────────────────────────


class _SortedTable:
    """A read-only mapping over a sorted TSV file: loading is a few string splits, lookups
    a binary search (much faster to load than a dict of 437,000 words)."""

    __slots__ = ("keys", "columns")

    def __init__(self, path: Path, width: int):
        text = gzip.open(path, "rb").read().decode("utf-8")
        if text.startswith("#"):
            text = text.split("\n", 1)[1]
        cells = text.rstrip("\n").replace("\t", "\n").split("\n")
        self.keys = cells[0::width]
        self.columns = [cells[i::width] for i in range(1, width)]
        if any(a > b for a, b in zip(self.keys, self.keys[1:])):
            order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
            self.keys = [self.keys[i] for i in order]
            self.columns = [[column[i] for i in order] for column in self.columns]

    def row(self, key: str) -> list[str] | None:
        index = bisect.bisect_left(self.keys, key)
        if index < len(self.keys) and self.keys[index] == key:
            return [column[index] for column in self.columns]
        return None

    def __len__(self) -> int:
        return len(self.keys)


class _Frequencies:
    __slots__ = ("table",)

    def __init__(self, table: _SortedTable):
        self.table = table

    def get(self, word: str, default: float | None = None) -> float | None:
        row = self.table.row(word)
        return default if row is None else math.log10(int(row[0])) + ZERO_COUNT_FREQUENCY

    def __contains__(self, word: str) -> bool:
        return self.table.row(word) is not None

    def __len__(self) -> int:
        return len(self.table)


class _Nouns:
    __slots__ = ("table",)

    def __init__(self, table: _SortedTable):
        self.table = table

    def get(self, word: str, default=None) -> tuple[str, str | None] | None:
        row = self.table.row(word)
        return default if row is None else (_SEM[row[0]], row[1] or None)

    def __len__(self) -> int:
        return len(self.table)


@dataclass(frozen=True, slots=True)
class WordData:
    frequency: _Frequencies  # word -> log10 frequency per billion words (.get)
    skiplist: frozenset[str]
    nouns: _Nouns  # word -> (super semantic type, compound head) (.get)
    manner_adverbs: frozenset[str]
    measurement_units: frozenset[str]


def _lines(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


@lru_cache(maxsize=1)
def word_data() -> WordData:
    """Load the LiNT-II word data once (about 0.2 s)."""
    return WordData(
        frequency=_Frequencies(_SortedTable(DATA / "subtlex_wordfreq.tsv.gz", 2)),
        skiplist=frozenset(_lines("subtlex_skiplist.txt")),
        nouns=_Nouns(_SortedTable(DATA / "nouns_sem_types_20251118.tsv.gz", 4)),
        manner_adverbs=frozenset(_lines("manner_adverbs.txt")),
        measurement_units=frozenset(_lines("measurement_units.txt")),
    )


# ── token features (lint_ii/core/word_features.py) ──────────────────────────


def _lemma(token: Token) -> str:
    # Alpino-style lemmas mark compound parts with '_' (basis_niveau); nl_core_news does not.
    return token.lemma_.lower().replace("_", "")


def _has_cgn_tag(token: Token) -> bool:
    return "|" in token.tag_ or token.tag_ in {"LET", "BW", "VG", "TSW", "SPEC", "TW", "VZ", "N", "WW", "ADJ", "LID", "VNW"}


def is_numeral(token: Token) -> bool:
    if _has_cgn_tag(token):
        return "TW" in token.tag_
    return token.pos_ == "NUM" or bool(token.morph.get("NumType"))


def is_finite_verb(token: Token) -> bool:
    """A finite verb (CGN tag WW|pv; without CGN tags: VerbForm=Fin)."""
    if _has_cgn_tag(token):
        return "WW|pv" in token.tag_
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def is_content_word(token: Token, data: WordData | None = None) -> bool:
    """NOUN, PROPN, VERB, ADJ or a manner adverb; not numerals, not copulas."""
    data = data or word_data()
    if is_numeral(token):
        return False
    if token.dep_ == "cop":
        return False
    return token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") or token.lower_ in data.manner_adverbs


def word_frequency(token: Token, data: WordData | None = None) -> float | None:
    """SUBTLEX-NL log frequency of a content word (not a name); compounds count as their head."""
    data = data or word_data()
    if token.pos_ == "PROPN" or not is_content_word(token, data):
        return None
    text = token.lower_
    if _lemma(token) in data.skiplist or text in data.skiplist:
        return None
    if token.pos_ == "NOUN":  # lint_ii: nouns (NOUN/PROPN; PROPN already returned)
        noun = data.nouns.get(text)
        if noun is not None and noun[1]:
            text = noun[1]
    return data.frequency.get(text, ZERO_COUNT_FREQUENCY)


def noun_type(token: Token, data: WordData | None = None) -> str | None:
    """Semantic type of a noun: concrete, abstract, undefined or unknown; None if not a noun."""
    data = data or word_data()
    if token.pos_ not in ("NOUN", "PROPN"):
        if "SPEC" in token.tag_ and token.lower_ in data.measurement_units:
            return CONCRETE
        return None
    entry = data.nouns.get(token.lower_) or data.nouns.get(_lemma(token))
    if entry is not None:
        return entry[0]
    if token.ent_type_ in ("PERSON", "GPE", "PER", "LOC"):
        return CONCRETE
    if token.ent_type_ == "ORG":
        return ABSTRACT
    return UNKNOWN


def _heads(token: Token) -> list[Token]:
    current = token
    while current.dep_ == "conj" and current.head != current:
        current = current.head
    if current.dep_ == "nsubj" and len(current.head.conjuncts) > 0:
        return [current.head, *current.head.conjuncts]
    return [current.head]


def dependency_length(token: Token) -> int:
    """Intervening non-punctuation tokens between a word and its head (0 when adjacent)."""
    if token.dep_ == "punct":
        return 0
    doc = token.doc
    lengths = []
    for head in _heads(token):
        low, high = sorted((token.i, head.i))
        length = sum(1 for t in doc[low:high] if t.dep_ != "punct") - 1
        lengths.append(max(length, 0))
    return max(lengths)


# ── sentence features (lint_ii/core/sentence_analysis.py) ───────────────────


@dataclass(slots=True)
class SentenceFeatures:
    frequencies: list[float]
    max_sdl: int | None
    content_words: int
    finite_verbs: int
    concrete: int
    abstract: int
    undefined: int
    unknown: int
    rare_words: list[tuple[str, float]] = field(default_factory=list)

    @property
    def mean_log_word_frequency(self) -> float | None:
        return mean(self.frequencies) if self.frequencies else None

    @property
    def content_words_per_clause(self) -> float | None:
        return self.content_words / self.finite_verbs if self.finite_verbs else None

    @property
    def proportion_concrete(self) -> float | None:
        total = self.concrete + self.abstract + self.undefined
        return self.concrete / total if total else None

    @property
    def score(self) -> float | None:
        return lint_score(self.mean_log_word_frequency, self.max_sdl, self.content_words_per_clause,
                          self.proportion_concrete)


def sentence_features(tokens: Span | Iterable[Token], data: WordData | None = None) -> SentenceFeatures:
    data = data or word_data()
    if isinstance(tokens, Span):
        return _facts_for(tokens.doc, data).features(tokens.start, tokens.end)
    tokens = list(tokens)
    frequencies: list[float] = []
    rare: list[tuple[str, float]] = []
    types = {CONCRETE: 0, ABSTRACT: 0, UNDEFINED: 0, UNKNOWN: 0}
    content = finite = 0
    sdls: list[int] = []
    for token in tokens:
        freq = word_frequency(token, data)
        if freq is not None:
            frequencies.append(freq)
            rare.append((token.text, freq))
        kind = noun_type(token, data)
        if kind is not None:
            types[kind] += 1
        if is_content_word(token, data):
            content += 1
        if is_finite_verb(token):
            finite += 1
        if not token.is_punct:
            sdls.append(dependency_length(token))
    return _features(frequencies, sdls, content, finite, types, rare)


def _features(frequencies, sdls, content, finite, types, rare) -> SentenceFeatures:
    """One sentence's LiNT-II features from its counts (shared by the token and the array path)."""
    return SentenceFeatures(
        frequencies=frequencies,
        max_sdl=max(sdls) if len(sdls) >= 2 else None,
        content_words=content,
        finite_verbs=finite,
        concrete=types[CONCRETE],
        abstract=types[ABSTRACT],
        undefined=types[UNDEFINED],
        unknown=types[UNKNOWN],
        rare_words=sorted(rare, key=lambda item: item[1])[:5],
    )


class _DocFacts:
    """The token features of one Doc from integer arrays, each distinct token looked up once.

    Gives the same SentenceFeatures as the per-token path above: word_frequency, noun_type,
    is_content_word and is_finite_verb depend only on a token's form, lemma, tags, dependency
    label, morphology and entity type, so they are memoised on those hashes (per WordData);
    dependency lengths come from the head indices and a prefix count of non-punct tokens.
    """

    __slots__ = ("doc", "facts", "is_punct", "dep", "head", "before", "orth")

    def __init__(self, doc, data: WordData):
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        self.doc = doc
        if not len(doc):
            self.facts, self.is_punct, self.dep, self.head, self.before, self.orth = [], [], [], [], [0], []
            return
        array = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, MORPH, ENT_TYPE, IS_PUNCT, ORTH, HEAD])
        columns = array[:, :7].tolist()
        self.is_punct = array[:, 7].tolist()
        self.orth = array[:, 8].tolist()
        self.dep = array[:, 4].tolist()
        relative = array[:, 9].astype("int64").tolist()  # uint64 in the array: wraps to negative offsets
        self.head = [i + offset for i, offset in enumerate(relative)]
        memo = _memo_for(data)
        facts = []
        for i, key in enumerate(columns):
            key = tuple(key)
            value = memo.get(key)
            if value is None:
                token = doc[i]
                value = (word_frequency(token, data), noun_type(token, data), is_content_word(token, data),
                         is_finite_verb(token))
                if len(memo) > 100_000:
                    memo.clear()
                memo[key] = value
            facts.append(value)
        self.facts = facts
        punct = _hashes()["punct"]
        before = [0]
        count = 0
        for value in self.dep:
            count += value != punct
            before.append(count)
        self.before = before  # before[k]: tokens with dep != punct among doc[0:k]

    def dependency_length(self, i: int, labels: dict[str, int] | None = None) -> int:
        labels = labels or _hashes()
        dep, head = self.dep, self.head
        if dep[i] == labels["punct"]:
            return 0
        current = i
        conj = labels["conj"]
        while dep[current] == conj and head[current] != current:
            current = head[current]
        if dep[current] != labels["nsubj"]:
            other = head[current]
            low, high = (i, other) if i <= other else (other, i)
            return max(0, self.before[high] - self.before[low] - 1)
        heads = [head[current]]
        conjuncts = self.doc[head[current]].conjuncts  # a subject of coordinated verbs: each verb
        if len(conjuncts) > 0:
            heads = [head[current], *(t.i for t in conjuncts)]
        before = self.before
        longest = 0
        for other in heads:
            low, high = (i, other) if i <= other else (other, i)
            longest = max(longest, before[high] - before[low] - 1)
        return longest

    def features(self, start: int, end: int) -> SentenceFeatures:
        frequencies: list[float] = []
        rare: list[tuple[str, float]] = []
        types = {CONCRETE: 0, ABSTRACT: 0, UNDEFINED: 0, UNKNOWN: 0}
        content = finite = 0
        sdls: list[int] = []
        strings = self.doc.vocab.strings
        facts, is_punct, orth = self.facts, self.is_punct, self.orth
        labels = _hashes()
        for i in range(start, end):
            freq, kind, is_content, is_finite = facts[i]
            if freq is not None:
                frequencies.append(freq)
                rare.append((strings[orth[i]], freq))
            if kind is not None:
                types[kind] += 1
            if is_content:
                content += 1
            if is_finite:
                finite += 1
            if not is_punct[i]:
                sdls.append(self.dependency_length(i, labels))
        return _features(frequencies, sdls, content, finite, types, rare)


_MEMO: dict[int, tuple[WordData, dict]] = {}


def _memo_for(data: WordData) -> dict:
    entry = _MEMO.get(id(data))
    if entry is None or entry[0] is not data:
        _MEMO.clear()  # one WordData per process in practice
        entry = _MEMO[id(data)] = (data, {})
    return entry[1]


def _hashes() -> dict[str, int]:
    # The StringStore gives spaCy's symbol ids for labels such as nsubj (not the string hash).
    from spacy.strings import StringStore

    global _LABELS
    if _LABELS is None:
        strings = StringStore()
        _LABELS = {label: strings[label] for label in ("punct", "conj", "nsubj")}
    return _LABELS


_LABELS: dict[str, int] | None = None


# (Doc, WordData, facts) last asked for: sentences are asked for block by block. One tuple,
# replaced as a whole, so threads (Dask) never see a Doc with another Doc's facts.
_LAST_FACTS: tuple = (None, None, None)


def _facts_for(doc, data: WordData) -> _DocFacts:
    global _LAST_FACTS
    last = _LAST_FACTS
    if last[0] is doc and last[1] is data:
        return last[2]
    facts = _DocFacts(doc, data)
    _LAST_FACTS = (doc, data, facts)
    return facts


# ── score and level (lint_ii/core/lint_scorer.py) ───────────────────────────


def lint_score(freq_log: float | None, max_sdl: float | None, content_words_per_clause: float | None,
               proportion_concrete: float | None) -> float | None:
    """The LiNT-II formula; None when any feature is missing (lint_ii's guard rail)."""
    features = (freq_log, max_sdl, content_words_per_clause, proportion_concrete)
    if any(value is None for value in features):
        return None
    raw = (COEFFICIENTS["const"]
           + COEFFICIENTS["mean_log_word_freq"] * freq_log
           + COEFFICIENTS["mean_max_sdl"] * max_sdl
           + COEFFICIENTS["mean_content_words"] * content_words_per_clause
           + COEFFICIENTS["proportion_concrete"] * proportion_concrete)
    return min(100.0, max(0.0, 100.0 - raw))


def lint_level(score: float | None) -> int | None:
    if score is None:
        return None
    for level, cutoff in enumerate(LEVEL_CUTOFFS, start=1):
        if score < cutoff:
            return level
    return 4


# ── document ─────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class LintResult:
    score: float | None
    level: int | None
    # (index into AnalysedDocument.sentences, score, level) for each body sentence
    per_sentence: list[tuple[int, float | None, int | None]]
    features: dict[str, Any]
    approximation: bool
    model_name: str | None = None
    mean_sentence_length: float | None = None  # words per body sentence, for the CEFR estimate

    @property
    def cefr_estimate(self) -> str | None:
        return estimate_cefr(self.score, self.mean_sentence_length)

    def as_metrics(self) -> dict[str, Any]:
        """The fields for the JSON report's metrics."""
        return {
            "lint_score": None if self.score is None else round(self.score, 1),
            "lint_level": self.level,
            "lint_approximation": self.approximation,
            "cefr_estimate": self.cefr_estimate,
        }


def is_reference_model(model_name: str | None) -> bool:
    return bool(model_name) and model_name.split("-")[0].removeprefix("nl_") in ("core_news_lg",)


def compute_lint(analysed: "AnalysedDocument", model_name: str | None = None, *,
                 body_only: bool = True, lint_compatible: bool | None = None) -> LintResult:
    """LiNT-II for a document (body text: paragraphs, list items, table cells) and per sentence.

    ``model_name`` is the spaCy pipeline's name (e.g. ``nl.meta['name']`` with its language:
    "nl_core_news_lg" or "nl_directduidelijk"); the result is marked as an approximation
    unless it is nl_core_news_lg, on whose parses the coefficients were fitted (or unless
    ``lint_compatible`` says otherwise, e.g. ``PipelineInfo.lint_compatible``).
    """
    global _LAST_FACTS
    data = word_data()
    body = set(id(s) for s in analysed.body_sentences()) if body_only else None
    per_sentence: list[tuple[int, float | None, int | None]] = []
    features: list[SentenceFeatures] = []
    lengths: list[int] = []
    for index, sentence in enumerate(analysed.sentences):
        if body is not None and id(sentence) not in body:
            continue
        feats = sentence_features(sentence.span, data)
        features.append(feats)
        score = feats.score
        per_sentence.append((index, score, lint_level(score)))
        lengths.append(len(sentence.word_texts()))
    _LAST_FACTS = (None, None, None)  # keep no Doc alive after the document
    result = _document_result(features, per_sentence, model_name)
    if lint_compatible is not None:
        result.approximation = not lint_compatible
    result.mean_sentence_length = mean(lengths) if lengths else None
    result.features["mean_sentence_length"] = result.mean_sentence_length
    return result


def compute_lint_for_spans(spans: Iterable[Span], model_name: str | None = None) -> LintResult:
    """LiNT-II over plain sentence spans (benchmarks, tests)."""
    data = word_data()
    features = [sentence_features(span, data) for span in spans]
    per_sentence = [(i, f.score, lint_level(f.score)) for i, f in enumerate(features)]
    return _document_result(features, per_sentence, model_name)


def _document_result(features: list[SentenceFeatures], per_sentence: list[tuple[int, float | None, int | None]],
                     model_name: str | None) -> LintResult:
    frequencies = [freq for f in features for freq in f.frequencies]
    sdls = [f.max_sdl for f in features if f.max_sdl is not None]
    cwcs = [c for f in features if (c := f.content_words_per_clause) is not None]
    concrete = sum(f.concrete for f in features)
    known = concrete + sum(f.abstract + f.undefined for f in features)
    values = {
        "mean_log_word_frequency": mean(frequencies) if frequencies else None,
        "mean_max_sdl": mean(sdls) if sdls else None,
        "content_words_per_clause": mean(cwcs) if cwcs else None,
        "proportion_concrete_nouns": concrete / known if known else None,
    }
    score = lint_score(values["mean_log_word_frequency"], values["mean_max_sdl"],
                       values["content_words_per_clause"], values["proportion_concrete_nouns"])
    values["sentences"] = len(features)
    return LintResult(score=score, level=lint_level(score), per_sentence=per_sentence, features=values,
                      approximation=not is_reference_model(model_name), model_name=model_name)


# ── estimated CEFR level (method: docs/niveau.md) ───────────────────────────


def estimate_cefr(lint_score: float | None, mean_sentence_length: float | None = None) -> str | None:
    """An estimated CEFR-style level (A2, B1, B2, C1) from LiNT-II and mean sentence length.

    An estimate, not a measurement: LiNT-II levels were fitted on text comprehension by
    Dutch secondary-school pupils and adults, not on CEFR levels. Method (docs/niveau.md):

    1. LiNT-II level 1 -> B1 (A2 when the score is below 20 and sentences average at most
       10 words), level 2 -> B2, level 3 -> B2, level 4 -> C1;
    2. sentences that average more than 20 words move the estimate one step up (not past C1).
    """
    level = lint_level(lint_score)
    if level is None:
        return None
    steps = ("A2", "B1", "B2", "C1")
    rank = {1: 1, 2: 2, 3: 2, 4: 3}[level]
    if level == 1 and lint_score < 20 and mean_sentence_length is not None and mean_sentence_length <= 10:
        rank = 0
    if mean_sentence_length is not None and mean_sentence_length > 20:
        rank = min(rank + 1, 3)
    return steps[rank]
