"""`tangconstructie`: words that belong together held far apart.

- article/determiner ... noun: "de door de raad op 3 maart vastgestelde regeling";
- finite verb ... particle, participle or infinitive (the right bracket):
  "Wij hebben uw aanvraag voor een parkeervergunning op 3 maart in goede orde ontvangen."

Distance = words between the two ends (punctuation not counted), from the dependency parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text
from directduidelijk.language.tokentable import token_table
from directduidelijk.language.verbforms import strip_particle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_PHRASE_DEPS = frozenset({"obl", "obl:agent", "nmod", "case", "advmod", "obj", "nummod"})


def find_tangs(span: Span, article_gap: int = 5, verb_gap: int = 8) -> list[tuple[Token, Token, str, int]]:
    """(left end, right end, kind, words between) for every tang at or above the gaps."""
    doc = span.doc
    table = token_table(doc)
    dep, pos, head, finite, word = table.dep, table.pos, table.head, table.finite, table.word
    found = []
    particles: dict[int, list[int]] | None = None
    for i in range(span.start, span.end):
        # article/determiner ... noun
        noun = head[i]
        if dep[i] == "det" and noun > i and pos[i] in ("DET", "PRON"):
            gap = sum(word[i + 1:noun])
            # only when there is a phrase in between, not a row of plain adjectives
            phrase = any(value in _PHRASE_DEPS for value in dep[i + 1:noun])
            if gap >= article_gap and phrase and pos[noun] in ("NOUN", "PROPN", "X"):
                found.append((doc[i], doc[noun], "lidwoord", gap))
        # finite verb ... right bracket
        if finite[i] and pos[i] in ("AUX", "VERB"):
            ends: list[int] = []
            if dep[i] in ("aux", "aux:pass", "cop") and head[i] > i and pos[head[i]] in ("VERB", "AUX"):
                ends.append(head[i])
            if particles is None:  # the particles per verb: token.children with compound:prt
                particles = {}
                for k, value in enumerate(dep):
                    if value == "compound:prt" and head[k] != k:
                        particles.setdefault(head[k], []).append(k)
            ends.extend(k for k in particles.get(i, ()) if k > i)
            for end in ends:
                if not span.start <= end < span.end:
                    continue
                if any(finite[k] and pos[k] in ("VERB", "AUX") for k in range(i + 1, end)):
                    continue  # another clause in between: the parse joined the wrong verbs
                gap = sum(word[i + 1:end])
                if gap >= verb_gap:
                    found.append((doc[i], doc[end], "werkwoord", gap))
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
    table = token_table(doc)
    lower, pos, dep, finite, punct, word = table.lower, table.pos, table.dep, table.finite, table.punct, table.word
    first, stop = span.start, span.end
    have = {(a.i, b.i) for a, b, _kind, _gap in found}
    lefts = {a.i for a, _b, _kind, _gap in found}
    # determiner + preposition ... inflected adjective/participle + noun
    for n in range(first, stop - 2):
        if lower[n] not in DETERMINERS or n in lefts or pos[n + 1] != "ADP":
            continue
        for m in range(n + 2, min(stop - 1, n + 25)):
            if finite[m] or punct[m]:
                break
            if pos[m] in ("ADJ", "VERB") and lower[m].endswith(("e", "en")) and pos[m + 1] in ("NOUN", "PROPN"):
                gap = sum(word[n + 1:m + 1])
                if gap >= article_gap and (n, m + 1) not in have:
                    found.append((doc[n], doc[m + 1], "lidwoord", gap))
                break
    # finite verb ... sentence-final particle
    words = [k for k in range(first, stop) if not punct[k]]
    if len(words) < 3:
        return
    last = words[-1]
    if lower[last] not in PARTICLES:
        return
    # the nearest finite verb before the particle ("zet u ... en stuurt u het terug": stuurt)
    verb = next((k for k in range(stop - 1, first - 1, -1) if k < last and pos[k] == "VERB" and (
        finite[k] or (lower[k].endswith("t") and dep[k] not in ("amod", "acl")))), None)
    if verb is None or verb > last or any(l.i == verb for l, _r, _k, _g in found if _r.i == last):
        return
    text = table.text
    if any(finite[k] or pos[k] == "SCONJ" or text[k] in ",;:" for k in range(verb + 1, last)):
        return
    particle = lower[last]
    if max(_zipf(particle + strip_particle(form, particle)) for form in _infinitives(doc[verb])) < 2.5:
        return  # no separable verb: "Daar rekenen wij op."
    gap = sum(word[verb + 1:last])
    if gap >= verb_gap and (verb, last) not in have:
        found.append((doc[verb], doc[last], "werkwoord", gap))


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
