"""The lemma of a separable verb includes its particle, as in the UD Dutch treebanks.

``Hij brak de blokkade door`` -> the lemma of *brak* is *doorbreken*, not *breken*; ``vindt ... plaats``
-> *plaatsvinden*. The trained lemmatizer only sees the verb's own form, so this small component, run
after the parser and the lemmatizers, joins a ``compound:prt`` particle to the verb's lemma.

Registered as the spaCy factory ``separable_verb_lemma`` through the ``spacy_factories`` entry point in
pyproject.toml, so a plain ``spacy.load()`` of the bundled model finds it when directduidelijk is installed.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from directduidelijk.language.verbforms import strip_particle

FACTORY = "separable_verb_lemma"


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
            verb.lemma_ = particle + lemma
    return doc


@Language.factory(FACTORY, requires=["token.dep", "token.pos", "token.lemma"], assigns=["token.lemma"])
def make_separable_verb_lemma(nlp: Language, name: str):
    return join_particles
