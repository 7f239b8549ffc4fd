"""Lemma post-processing after the trained lemmatizer: two spaCy components of the bundled model.

* ``checked_lemma``: the edit-tree lemmatizer guesses wrong on verbs and adjectives it has not seen
  (*getraind* -> getraind, *openbaarde* -> openbaran, *trager* -> trag). ``check_lemma`` keeps a lemma
  that is a Dutch word of the right shape; otherwise it takes the most frequent word (wordfreq) among
  the infinitives that have this form (``verbforms.infinitive_candidates``) or the adjective's base
  forms. A plural verb read as a noun next to a subject pronoun is the verb (*Wij verzoeken u*).
* ``separable_verb_lemma``: the particle of a separable verb joins the verb's lemma, as in the UD Dutch
  treebanks (``Hij brak de blokkade door`` -> *doorbreken*), when it is a known particle or the result
  is a word (not *van* or a noun the parser took for a particle: *kreeg leedvermaak*).

A check runs ``checked_lemma`` but not ``separable_verb_lemma``: the rules find separable verbs
themselves (verbforms), and the joins would follow any particle the parser guessed (*staat ... in orde*).
Both are registered through the ``spacy_factories`` entry points in pyproject.toml, so a plain
``spacy.load()`` of the bundled model finds them when directduidelijk is installed.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from directduidelijk.language.verbforms import (
    PARTICLES,
    adjective_candidates,
    infinitive_candidates,
    strip_particle,
    verb_forms,
)

FACTORY = "separable_verb_lemma"
CHECKED_FACTORY = "checked_lemma"


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


def _verb_read_as_noun(doc: Doc, token) -> bool:
    """'Wij verzoeken u', 'Verzoeken wij u': a plural verb that is also a plural noun, read as a noun
    right after (or right before) a subject pronoun at the start of a sentence, is the verb."""
    if not token.text.isalpha() or len(token) < 4:
        return False
    i = token.i
    pronoun_first = (i > 0 and doc[i - 1].is_sent_start and token.text.islower()
                     and doc[i - 1].lower_ in SUBJECT_PRONOUNS)
    verb_first = token.is_sent_start and i + 1 < len(doc) and doc[i + 1].lower_ in SUBJECT_PRONOUNS
    if not (pronoun_first or verb_first):
        return False
    form = token.lower_
    infinitive = check_lemma(form, form, "VERB")
    if form not in verb_forms(infinitive) or _zipf(infinitive) <= 0:
        return False  # no form of a known verb: 'Wij burgers'
    token.pos_ = "VERB"
    token.lemma_ = infinitive
    return True


def check_lemmas(doc: Doc) -> Doc:
    """The lexicon checks of this module on a parsed, lemmatised Doc (the ``checked_lemma`` component),
    in one pass over the tokens."""
    for token in doc:
        pos = token.pos_
        if pos == "NOUN":
            _verb_read_as_noun(doc, token)
        elif pos == "VERB" or pos == "ADJ":
            lemma = token.lemma_
            checked = check_lemma(token.text, lemma, pos)
            if checked != lemma:
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
            if particle in PARTICLES or _zipf(particle + lemma.lower()) > 0:
                verb.lemma_ = particle + lemma
    return doc


@Language.factory(FACTORY, requires=["token.dep", "token.pos", "token.lemma"], assigns=["token.lemma"])
def make_separable_verb_lemma(nlp: Language, name: str):
    return join_particles


@Language.factory(CHECKED_FACTORY, requires=["token.pos", "token.lemma"], assigns=["token.pos", "token.lemma"])
def make_checked_lemma(nlp: Language, name: str):
    return check_lemmas
