"""readability.lint.mean is statistics.mean to the last bit and of the same type (LiNT-II scores and
the JSON report must not move by a rounding), only without its Fractions."""

from __future__ import annotations

import random
import statistics

from directduidelijk.readability.lint import mean


def test_mean_equals_statistics_mean_in_value_and_type():
    rng = random.Random(7)
    cases = [[2, 4], [1, 2], [3], [0.1, 0.2, 0.3], [1e308, 1e308], [-5.5, 2], [True, False], [float("nan"), 1.0],
             [float("inf"), 1.0], [5e-324, 5e-324, 0.0]]
    for _ in range(3000):
        n = rng.randint(1, 30)
        kind = rng.randrange(4)
        if kind == 0:
            cases.append([rng.randint(0, 60) for _ in range(n)])
        elif kind == 1:
            cases.append([rng.choice((rng.randint(0, 9), rng.uniform(-8, 2))) for _ in range(n)])
        elif kind == 2:
            cases.append([round(rng.uniform(-8, 0), rng.randint(0, 6)) for _ in range(n)])
        else:
            cases.append([rng.uniform(-1e3, 1e3) * 10.0 ** rng.randint(-300, 300) for _ in range(n)])
    for values in cases:
        ours, theirs = mean(values), statistics.mean(values)
        assert type(ours) is type(theirs) and repr(ours) == repr(theirs), values


def test_language_scores_as_the_word_by_word_loop():
    from directduidelijk.readers import language_check as check

    def loop(text, max_words):
        scores = dict.fromkeys(check.LEXICON, 0)
        count = 0
        for match in check._WORD.finditer(text):
            count += 1
            word = match.group(0).lower()
            for language, words in check.LEXICON.items():
                if word in words:
                    scores[language] += 1
                    break
            if count >= max_words:
                break
        return count, scores

    rng = random.Random(3)
    alphabet = "ab cdeDIE Het ÉÜ ß'  1_2\n\tΣΑ İ-x the der les, .'s"
    texts = ["", "De brief van de gemeente. The letter of the council. " * 300]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(2000)]
    for text in texts:
        for max_words in (check.MAX_WORDS, 0, 1, 2, 3, 17):
            assert check.language_scores(text, max_words) == loop(text, max_words), (text, max_words)
