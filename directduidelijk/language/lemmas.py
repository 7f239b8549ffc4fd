"""Lemma post-processing after the trained lemmatizer: separable verbs, and lemmas checked against a lexicon.

The lemma of a separable verb includes its particle, as in the UD Dutch treebanks.

``Hij brak de blokkade door`` -> the lemma of *brak* is *doorbreken*, not *breken*; ``vindt ... plaats``
-> *plaatsvinden*. The trained lemmatizer only sees the verb's own form, so this small component, run
after the parser and the lemmatizers, joins a ``compound:prt`` particle to the verb's lemma.

The trained (edit-tree) lemmatizer also guesses wrong on verbs and adjectives it has not seen
(*getraind* -> getraind, *openbaarde* -> openbaran, *trager* -> trag). ``check_lemma`` keeps a lemma that
is a Dutch word of the right shape; otherwise it takes the most frequent word (wordfreq) among the
infinitives that have this form (``verbforms.infinitive_candidates``) or the adjective's base forms.
A particle is joined only when the result is a word, or the particle is a known one (not *van* or a
noun the parser took for a particle: *kreeg leedvermaak*).

Registered as the spaCy factory ``separable_verb_lemma`` through the ``spacy_factories`` entry point in
pyproject.toml, so a plain ``spacy.load()`` of the bundled model finds it when directduidelijk is installed.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from directduidelijk.language.verbforms import (
    _PARTICLES,
    adjective_candidates,
    infinitive_candidates,
    strip_particle,
    verb_forms,
)

FACTORY = "separable_verb_lemma"
KNOWN_PARTICLES = frozenset(_PARTICLES)


def _zipf(word: str) -> float:
    from directduidelijk.wordfreq_nl import zipf

    return zipf(word)


def _plain(word: str) -> bool:
    return word.isalpha() and word.islower()


@lru_cache(maxsize=65536)
def check_lemma(form: str, lemma: str, pos: str) -> str:
    """The lemma, or a better one from the lexicon for a verb or adjective (lowercase words only)."""
    low = form.lower()
    if not _plain(low) or (lemma and not _plain(lemma.lower())):
        return lemma
    current = (lemma or low).lower()
    if pos == "VERB":  # (AUX is a closed class the lemmatizer knows; an odd AUX is a tagging error)
        if verb_forms(current) and _zipf(current) > 0:
            return lemma  # a known word that can be an infinitive (not a strong participle: gebleven)
        candidates = infinitive_candidates(low)
        # a candidate that is itself a form of another (benadeelden of benadelen) is not the verb
        candidates = [c for c in candidates if not any(c != o and c in verb_forms(o) for o in candidates)]
    elif pos == "ADJ":
        if current == low and not low.endswith("e") and _zipf(current) > 0:
            return lemma  # the form itself, and not inflected with -e: ander, best, zeker
        candidates = adjective_candidates(low)
    else:
        return lemma
    scored = [(_zipf(c), c) for c in candidates]
    best = max((pair for pair in scored if pair[0] > 0), default=None)
    if best is None:
        return lemma
    if pos == "ADJ":
        if current == low and best[0] < _zipf(low) - 1.0:
            return lemma  # an -e word far more frequent than its stem is a word of its own
        if current != low and _zipf(current) > 0 and best[0] < _zipf(current) + 1.5:
            return lemma  # the lemmatizer's own base form, unless a far more common one fits (trag -> traag)
    return best[1]


def join_particles(doc: Doc) -> Doc:
    for token in doc:
        if token.pos_ in ("VERB", "ADJ"):
            checked = check_lemma(token.text, token.lemma_, token.pos_)
            if checked != token.lemma_:
                token.lemma_ = checked
    particles: dict[int, list] = {}
    for token in doc:
        if token.dep_ == "compound:prt" and token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
            particles.setdefault(token.head.i, []).append(token)
    for verb_index, found in particles.items():
        if len(found) != 1:
            continue  # two particles for one verb is a parse error ("vindt plaats bij u thuis"): keep the lemma
        verb, particle = doc[verb_index], found[0].lower_
        lemma = verb.lemma_
        if lemma and particle.isalpha() and strip_particle(lemma.lower(), particle) == lemma.lower():
            if particle in KNOWN_PARTICLES or _zipf(particle + lemma.lower()) > 0:
                verb.lemma_ = particle + lemma
    return doc


@Language.factory(FACTORY, requires=["token.dep", "token.pos", "token.lemma"], assigns=["token.lemma"])
def make_separable_verb_lemma(nlp: Language, name: str):
    return join_particles
