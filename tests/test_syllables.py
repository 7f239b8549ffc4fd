import pytest

from directduidelijk.language.syllables import count_syllables


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("idee", 2),  # pyphen says 1
        ("radio", 3),  # pyphen says 2
        ("ideeën", 3),
        ("reëel", 2),
        ("geïnteresseerd", 5),
        ("nieuw", 1),
        ("mooie", 2),
        ("koeien", 2),
        ("bijzondere", 4),
        ("parkeervergunning", 5),
        ("WOZ-waarde", 3),
        ("e-mail", 2),
        ("Gemeente", 3),
    ],
)
def test_dutch_syllables(word, expected):
    assert count_syllables(word) == expected


def test_tokens_without_letters_have_no_syllables():
    assert count_syllables("2026") == 0
    assert count_syllables("€") == 0
