"""Lemma post-processing after the trained lemmatizer: separable verbs, and lemmas checked against a lexicon.

The lemma of a separable verb includes its particle, as in the UD Dutch treebanks.

``Hij brak de blokkade door`` -> the lemma of *brak* is *doorbreken*, not *breken*; ``vindt ... plaats``
-> *plaatsvinden*. The trained lemmatizer only sees the verb's own form, so this small component, run
after the parser and the lemmatizers, joins a ``compound:prt`` particle to the verb's lemma.

The component ``checked_lemma`` (before it): the trained (edit-tree) lemmatizer also guesses wrong on verbs and adjectives it has not seen
(*getraind* -> getraind, *openbaarde* -> openbaran, *trager* -> trag). ``check_lemma`` keeps a lemma that
is a Dutch word of the right shape; otherwise it takes the most frequent word (wordfreq) among the
infinitives that have this form (``verbforms.infinitive_candidates``) or the adjective's base forms.
A particle is joined only when the result is a word, or the particle is a known one (not *van* or a
noun the parser took for a particle: *kreeg leedvermaak*).

The checker's rules find separable verbs themselves (verbforms), so a check runs ``checked_lemma`` but
not ``separable_verb_lemma``, whose joins follow any particle the parser guessed (*staat ... in orde*).

Registered as the spaCy factories ``checked_lemma`` and ``separable_verb_lemma`` through the ``spacy_factories`` entry point in
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
CHECKED_FACTORY = "checked_lemma"
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
        # a candidate that is itself a form of another known one (benadeelden of benadelen) is not the verb
        known = [o for o in candidates if _zipf(o) > 0]
        candidates = [c for c in candidates if not any(c != o and c in verb_forms(o) for o in known)]
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


SUBJECT_PRONOUNS = frozenset({"ik", "jij", "je", "hij", "zij", "ze", "wij", "we", "u", "jullie"})


def _verb_read_as_noun(doc: Doc) -> None:
    """'Wij verzoeken u', 'Verzoeken wij u': a plural verb that is also a plural noun, read as a noun
    right after (or right before) a subject pronoun at the start of a sentence, is the verb."""
    for token in doc:
        if token.pos_ != "NOUN" or not token.text.isalpha() or len(token) < 4:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        pronoun_first = (before is not None and before.is_sent_start and token.text.islower()
                         and before.lower_ in SUBJECT_PRONOUNS)
        verb_first = token.is_sent_start and after is not None and after.lower_ in SUBJECT_PRONOUNS
        if not (pronoun_first or verb_first):
            continue
        infinitive = check_lemma(token.lower_, token.lower_, "VERB")
        if infinitive != token.lower_ or (token.lower_.endswith("en") and _zipf(token.lower_) > 0
                                           and token.lower_ in verb_forms(token.lower_)):
            token.pos_ = "VERB"
            token.lemma_ = infinitive


def check_lemmas(doc: Doc) -> Doc:
    """The lexicon checks of this module on a parsed, lemmatised Doc (the ``checked_lemma`` component)."""
    _verb_read_as_noun(doc)
    for token in doc:
        if token.pos_ in ("VERB", "ADJ"):
            checked = check_lemma(token.text, token.lemma_, token.pos_)
            if checked != token.lemma_:
                token.lemma_ = checked
    return doc


def join_particles(doc: Doc) -> Doc:
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


@Language.factory(CHECKED_FACTORY, requires=["token.pos", "token.lemma"], assigns=["token.pos", "token.lemma"])
def make_checked_lemma(nlp: Language, name: str):
    return check_lemmas
