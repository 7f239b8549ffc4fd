"""`tangconstructie`: words that belong together held far apart.

- article/determiner ... noun: "de door de raad op 3 maart vastgestelde regeling";
- finite verb ... particle, participle or infinitive (the right bracket):
  "Wij hebben uw aanvraag voor een parkeervergunning op 3 maart in goede orde ontvangen."

Distance = words between the two ends (punctuation not counted), from the dependency parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, is_finite, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text, is_word
from directduidelijk.language.verbforms import strip_particle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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
                if any(is_finite(t) and t.pos_ in ("VERB", "AUX") for t in doc[token.i + 1:end.i]):
                    continue  # another clause in between: the parse joined the wrong verbs
                gap = _words_between(doc, token.i, end.i)
                if gap >= verb_gap:
                    found.append((token, end, "werkwoord", gap))
    _lexical_tangs(span, found, article_gap, verb_gap)
    return found


PARTICLES = frozenset({"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "terug", "uit",
                       "voor", "weg", "vast", "neer", "samen", "tegen", "vrij", "binnen", "buiten", "los", "terecht"})
DETERMINERS = frozenset({"de", "het", "een", "deze", "die", "dit", "dat", "uw", "onze", "ons", "zijn", "haar", "hun"})


def _zipf(word: str) -> float:
    from directduidelijk.wordfreq_nl import zipf

    return zipf(word)


def _infinitives(finite: Token) -> set[str]:
    """The lemma and guesses from the form: stuurt -> sturen, zet -> zetten, haalt -> halen."""
    guesses = {(finite.lemma_ or finite.text).lower().replace("_", "")}
    form = finite.lower_
    stem = form[:-1] if form.endswith("t") and len(form) > 3 else form
    guesses.add(stem + "en")
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        guesses.add(stem[:-2] + stem[-1] + "en")
    if len(stem) >= 2 and stem[-1] == "f":
        guesses.add(stem[:-1] + "ven")
    if len(stem) >= 2 and stem[-1] == "s":
        guesses.add(stem[:-1] + "zen")
    guesses.add(stem + stem[-1:] + "en")
    return guesses


def _lexical_tangs(span: Span, found: list, article_gap: int, verb_gap: int) -> None:
    """Tangs the parse missed, from word order: a determiner straight before a preposition
    ("de door de raad ... vastgestelde regeling"), and a finite verb with its particle at the
    end of the sentence ("U stuurt het formulier ... op.")."""
    doc = span.doc
    tokens = list(span)
    have = {(a.i, b.i) for a, b, _kind, _gap in found}
    lefts = {a.i for a, _b, _kind, _gap in found}
    # determiner + preposition ... inflected adjective/participle + noun
    for n, token in enumerate(tokens[:-2]):
        if token.lower_ not in DETERMINERS or token.i in lefts or tokens[n + 1].pos_ != "ADP":
            continue
        for m in range(n + 2, min(len(tokens) - 1, n + 25)):
            word = tokens[m]
            if is_finite(word) or word.is_punct:
                break
            nxt = tokens[m + 1]
            if word.pos_ in ("ADJ", "VERB") and word.lower_.endswith(("e", "en")) and nxt.pos_ in ("NOUN", "PROPN"):
                gap = _words_between(doc, token.i, nxt.i)
                if gap >= article_gap and (token.i, nxt.i) not in have:
                    found.append((token, nxt, "lidwoord", gap))
                break
    # finite verb ... sentence-final particle
    words = [t for t in tokens if not t.is_punct]
    if len(words) < 3:
        return
    last = words[-1]
    if last.lower_ not in PARTICLES:
        return
    # the nearest finite verb before the particle ("zet u ... en stuurt u het terug": stuurt)
    finite = next((t for t in reversed(tokens) if t.i < last.i and t.pos_ == "VERB" and (
        is_finite(t) or (t.lower_.endswith("t") and not t.dep_ in ("amod", "acl")))), None)
    if finite is None or finite.i > last.i or any(l.i == finite.i for l, _r, _k, _g in found if _r.i == last.i):
        return
    if any(is_finite(t) or t.pos_ == "SCONJ" or t.text in ",;:" for t in doc[finite.i + 1:last.i]):
        return
    particle = last.lower_
    if max(_zipf(particle + strip_particle(verb, particle)) for verb in _infinitives(finite)) < 2.5:
        return  # no separable verb: "Daar rekenen wij op."
    gap = _words_between(doc, finite.i, last.i)
    if gap >= verb_gap and (finite.i, last.i) not in have:
        found.append((finite, last, "werkwoord", gap))


@builtin("tangconstructie")
def check_tang(analysed, rule, context) -> Iterator[Hit]:
    article_gap = int(setting(rule, "lidwoord_afstand", 5))
    verb_gap = int(setting(rule, "werkwoord_afstand", 8))
    for sentence in sentences(analysed, rule):
        for left, right, kind, gap in find_tangs(sentence.span, article_gap, verb_gap):
            start, end = char_span([left, right])
            text = doc_text(sentence.span.doc)[start:end]
            pair = f"{left.text} ... {right.text}"
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "paar": pair, "waarde": gap, "soort": kind,
                              "drempel": article_gap if kind == "lidwoord" else verb_gap},
                      extra={"parts": [(left.idx, left.idx + len(left.text)), (right.idx, right.idx + len(right.text))]})
