"""`tangconstructie`: words that belong together held far apart.

- article/determiner ... noun: "de door de raad op 3 maart vastgestelde regeling";
- finite verb ... particle, participle or infinitive (the right bracket):
  "Wij hebben uw aanvraag voor een parkeervergunning op 3 maart in goede orde ontvangen."

Distance = words between the two ends (punctuation not counted), from the dependency parse.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from directduidelijk.engine.builtin._common import char_span, is_finite, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import is_word


def _words_between(doc, first: int, last: int) -> int:
    return sum(1 for t in doc[first + 1:last] if is_word(t))


def find_tangs(span: Span, article_gap: int = 5, verb_gap: int = 8) -> list[tuple[Token, Token, str, int]]:
    """(left end, right end, kind, words between) for every tang at or above the gaps."""
    doc = span.doc
    found = []
    for token in span:
        # article/determiner ... noun
        if token.dep_ == "det" and token.pos_ in ("DET", "PRON") and token.head.i > token.i:
            noun = token.head
            gap = _words_between(doc, token.i, noun.i)
            # only when there is a phrase in between, not a row of plain adjectives
            between = doc[token.i + 1:noun.i]
            phrase = any(t.dep_ in ("obl", "obl:agent", "nmod", "case", "advmod", "obj", "nummod") for t in between)
            if gap >= article_gap and phrase and noun.pos_ in ("NOUN", "PROPN", "X"):
                found.append((token, noun, "lidwoord", gap))
        # finite verb ... right bracket
        if is_finite(token) and token.pos_ in ("AUX", "VERB"):
            ends: list[Token] = []
            if token.dep_ in ("aux", "aux:pass", "cop") and token.head.i > token.i and token.head.pos_ in ("VERB", "AUX"):
                ends.append(token.head)
            for child in token.children:
                if child.dep_ == "compound:prt" and child.i > token.i:
                    ends.append(child)
            for end in ends:
                if not span.start <= end.i < span.end:
                    continue
                gap = _words_between(doc, token.i, end.i)
                if gap >= verb_gap:
                    found.append((token, end, "werkwoord", gap))
    return found


@builtin("tangconstructie")
def check_tang(analysed, rule, context) -> Iterator[Hit]:
    article_gap = int(setting(rule, "lidwoord_afstand", 5))
    verb_gap = int(setting(rule, "werkwoord_afstand", 8))
    for sentence in sentences(analysed, rule):
        for left, right, kind, gap in find_tangs(sentence.span, article_gap, verb_gap):
            start, end = char_span([left, right])
            text = sentence.span.doc.text[start:end]
            pair = f"{left.text} ... {right.text}"
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "paar": pair, "waarde": gap, "soort": kind,
                              "drempel": article_gap if kind == "lidwoord" else verb_gap},
                      extra={"parts": [(left.idx, left.idx + len(left.text)), (right.idx, right.idx + len(right.text))]})
