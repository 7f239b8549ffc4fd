"""Document counts and the classic Dutch readability formulas.

Flesch-Douma and Brouwer are computed here from our own counts rather than with
textstat: textstat drops sentences of two words or fewer ("Bel ons.") and counts
syllables by hyphenation, which undercounts Dutch (idee -> 1). Both matter for
letters, which are full of short sentences. benchmarks/readability_compare.py
prints the difference.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from directduidelijk.language.analysis import AnalysedDocument
from directduidelijk.language.syllables import count_syllables


@dataclass(slots=True)
class Metrics:
    words: int
    sentences: int
    paragraphs: int
    avg_sentence_length: float
    syllables_per_word: float
    flesch_douma: float | None
    brouwer: float | None

    def as_dict(self) -> dict:
        return asdict(self)


def flesch_douma(syllables_per_100_words: float, words_per_sentence: float) -> float:
    return 206.84 - 0.77 * syllables_per_100_words - 0.93 * words_per_sentence


def brouwer(syllables_per_100_words: float, words_per_sentence: float) -> float:
    return 195 - (2 / 3) * syllables_per_100_words - 2 * words_per_sentence


def compute_metrics(analysed: AnalysedDocument) -> Metrics:
    sentences = analysed.body_sentences()
    words = [text for sentence in sentences for text in sentence.word_texts()]
    paragraphs = len({s.block_index for s in sentences})
    word_count = len(words)
    sentence_count = len(sentences)
    if not word_count or not sentence_count:
        return Metrics(word_count, sentence_count, paragraphs, 0.0, 0.0, None, None)
    # A number or code ("2026", "WOZ") still counts as a word of at least one syllable.
    syllables = sum(max(1, count_syllables(word)) for word in words)
    per_word = syllables / word_count
    per_sentence = word_count / sentence_count
    return Metrics(
        words=word_count,
        sentences=sentence_count,
        paragraphs=paragraphs,
        avg_sentence_length=round(per_sentence, 1),
        syllables_per_word=round(per_word, 2),
        flesch_douma=round(flesch_douma(per_word * 100, per_sentence), 1),
        brouwer=round(brouwer(per_word * 100, per_sentence), 1),
    )


def document_metrics(analysed: AnalysedDocument, *, model_name: str | None = None,
                     lint_compatible: bool | None = None) -> dict:
    """All document-level figures for the report: counts, Flesch-Douma, Brouwer and LiNT-II."""
    from directduidelijk.readability.lint import compute_lint

    figures = compute_metrics(analysed).as_dict()
    lint = compute_lint(analysed, model_name=model_name, lint_compatible=lint_compatible)
    figures.update(lint.as_metrics())  # lint_score, lint_level, lint_approximation, cefr_estimate
    return figures
