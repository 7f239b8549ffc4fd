"""Our Flesch-Douma agrees with textstat's where textstat is right, and differs where it is not."""

import re

import pytest

textstat = pytest.importorskip("textstat")

from directduidelijk.language.syllables import count_syllables  # noqa: E402
from directduidelijk.metrics import flesch_douma  # noqa: E402


def our_flesch_douma(text: str, sentences: int) -> float:
    words = re.findall(r"\w+", text)
    syllables = sum(count_syllables(word) for word in words)
    return flesch_douma(syllables / len(words) * 100, len(words) / sentences)


def textstat_flesch_douma(text: str) -> float:
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


def test_agrees_on_plain_sentences_of_three_words_or_more():
    # Every word here is hyphenated correctly by pyphen, and no sentence is short.
    text = ("De gemeente haalt het afval op maandag op. U zet de container voor acht uur aan de straat. "
            "Wij wensen u een fijne dag.")
    assert our_flesch_douma(text, 3) == pytest.approx(textstat_flesch_douma(text), abs=0.05)


def test_differs_where_textstat_undercounts_syllables():
    # idee and radio: pyphen finds 1 and 2 syllables, Dutch has 2 and 3.
    text = "Wij hebben een goed idee voor de radio. Luister morgen naar ons programma."
    assert our_flesch_douma(text, 2) < textstat_flesch_douma(text) - 1
