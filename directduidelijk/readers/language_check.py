"""A cheap check that a text is Dutch: counts of common function words per language.

No language-identification library needed: function words ("de", "het", "the", "der",
"les") make up a large share of any running text, and the sets below do not overlap, so
the language with the most hits is almost always the right one.
"""

from __future__ import annotations

import itertools
import re

from directduidelijk.document import FURNITURE_KINDS, Document

WARNING = (
    "De tekst lijkt niet Nederlands. De controle is bedoeld voor Nederlandse tekst; "
    "de uitkomsten kunnen niet kloppen."
)

_FUNCTION_WORDS = {
    "nl": """de het een en van dat niet zijn voor met ook aan om bij je jij we wij ons onze uw u
        naar maar nog dan wordt worden werd geen deze dit die wat hebben heeft kunt kunnen
        moet moeten zal zullen wel al hun ze zij hem haar mij mijn ook er hier daar waar wanneer
        omdat als tot uit over door na tegen tussen zonder heel veel meer welke ik zo nu""",
    "en": """the and of to that is are was were be been being with for on at by from this these
        those which who whom what when where why how not no yes you your we our they their it its
        he she his her have has had do does did will would shall should can could may might must
        there here than then but or if because about into through after before""",
    "de": """der die das und ist nicht mit sich des dem den ein eine einer eines auf für von zu
        im ich sie wir ihr ihnen uns unser auch es wird werden wurde sind war hat haben kann
        können muss müssen aber oder wenn weil bei nach aus über durch noch nur schon sehr""",
    "fr": """le la les et des du un une est sont pas pour avec sur dans par que qui ce cette ces
        il elle ils elles nous vous votre vos leur leurs mais ou donc car ne au aux été être
        avoir fait plus très sans sous entre chez""",
}

# Words that occur in more than one list tell nothing: drop them everywhere.
_counts: dict[str, int] = {}
for _words in _FUNCTION_WORDS.values():
    for _word in set(_words.split()):
        _counts[_word] = _counts.get(_word, 0) + 1
LEXICON = {
    language: frozenset(word for word in words.split() if _counts[word] == 1)
    for language, words in _FUNCTION_WORDS.items()
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MAX_WORDS = 2000
MIN_WORDS = 40  # shorter texts: too little evidence, no warning
MIN_HITS = 15
DUTCH_SHARE = 0.4


# word -> its language (the lists no longer share a word; the first list wins all the same)
_LANGUAGE_OF: dict[str, str] = {}
for _language, _words in LEXICON.items():
    for _word in _words:
        _LANGUAGE_OF.setdefault(_word, _language)


def language_scores(text: str, max_words: int = MAX_WORDS) -> tuple[int, dict[str, int]]:
    """(number of words looked at, function-word hits per language)."""
    scores = dict.fromkeys(LEXICON, 0)
    if max_words < 1:
        max_words = 1  # as before: the first word is always looked at
    if len(text) < 2 * max_words:  # a word and a separator per word: no more than max_words words
        words = _WORD.findall(text)
    else:
        words = [match.group(0) for match in itertools.islice(_WORD.finditer(text), max_words)]
    for language in filter(None, map(_LANGUAGE_OF.get, map(str.lower, words))):
        scores[language] += 1
    return len(words), scores


def dutch_warning(document: Document) -> str | None:
    """The Dutch warning when the text is clearly in another language, else None."""
    text = "\n".join(block.text for block in document.blocks if block.kind not in FURNITURE_KINDS)
    words, scores = language_scores(text)
    hits = sum(scores.values())
    if words < MIN_WORDS or hits < MIN_HITS:
        return None
    if scores["nl"] / hits >= DUTCH_SHARE:
        return None
    return WARNING
