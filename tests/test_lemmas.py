"""Separable verbs get their particle in the lemma (UD Dutch convention), once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from directduidelijk.language.lemmas import CHECKED_FACTORY, FACTORY, check_lemmas, join_particles


def parsed(words, pos, heads, deps, lemmas):
    nlp = spacy.blank("nl")
    return Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas)


def test_particle_joined_to_the_verb_lemma():
    doc = parsed(["De", "vergadering", "vindt", "morgen", "plaats", "."],
                 ["DET", "NOUN", "VERB", "ADV", "ADP", "PUNCT"],
                 [1, 2, 2, 2, 2, 2], ["det", "nsubj", "ROOT", "advmod", "compound:prt", "punct"],
                 ["de", "vergadering", "vinden", "morgen", "plaats", "."])
    join_particles(doc)
    assert doc[2].lemma_ == "plaatsvinden"
    assert doc[4].lemma_ == "plaats"


def test_no_double_particle_and_no_join_without_a_verb():
    doc = parsed(["Wij", "vullen", "het", "in"], ["PRON", "VERB", "PRON", "ADP"], [1, 1, 1, 1],
                 ["nsubj", "ROOT", "obj", "compound:prt"], ["wij", "invullen", "het", "in"])
    join_particles(doc)
    assert doc[1].lemma_ == "invullen"
    doc = parsed(["de", "weg", "op"], ["DET", "NOUN", "ADP"], [1, 1, 1], ["det", "ROOT", "compound:prt"],
                 ["de", "weg", "op"])
    join_particles(doc)
    assert doc[1].lemma_ == "weg"


def test_factories_found_by_plain_spacy():
    nlp = spacy.blank("nl")
    nlp.add_pipe(CHECKED_FACTORY)
    nlp.add_pipe(FACTORY)
    assert nlp.pipe_names == [CHECKED_FACTORY, FACTORY]


def test_two_particles_for_one_verb_leave_the_lemma_alone():
    doc = parsed(["Het", "gesprek", "vindt", "plaats", "bij", "u", "thuis"],
                 ["DET", "NOUN", "VERB", "NOUN", "ADP", "PRON", "ADV"],
                 [1, 2, 2, 2, 5, 2, 2], ["det", "nsubj", "ROOT", "compound:prt", "case", "obl", "compound:prt"],
                 ["het", "gesprek", "vinden", "plaats", "bij", "u", "thuis"])
    join_particles(doc)
    assert doc[2].lemma_ == "vinden"


def test_a_preposition_or_noun_taken_for_a_particle_is_not_joined():
    # "Zij kregen van de gemeente ..." with 'van' parsed as compound:prt: no verb 'vankrijgen'
    doc = parsed(["Zij", "kregen", "van", "ons"], ["PRON", "VERB", "ADP", "PRON"], [1, 1, 1, 1],
                 ["nsubj", "ROOT", "compound:prt", "obl"], ["zij", "krijgen", "van", "ons"])
    join_particles(doc)
    assert doc[1].lemma_ == "krijgen"


def test_unseen_verb_forms_get_their_infinitive_from_the_lexicon():
    from directduidelijk.language.lemmas import check_lemma

    # lemmas as an edit-tree lemmatizer guesses them for forms it has not seen
    assert check_lemma("getraind", "getraind", "VERB") == "trainen"
    assert check_lemma("openbaarde", "openbaran", "VERB") == "openbaren"
    assert check_lemma("lachte", "lacht", "VERB") == "lachen"
    assert check_lemma("benadeeld", "benadeeld", "VERB") == "benadelen"   # not the noun 'benadeelden'
    assert check_lemma("thuisgebleven", "thuisgebleven", "VERB") == "thuisblijven"
    # a known infinitive stays, even when our rules could not produce the form (strong verbs)
    assert check_lemma("dronk", "drinken", "VERB") == "drinken"
    assert check_lemma("verstuurd", "versturen", "VERB") == "versturen"


def test_adjectives_lose_their_inflection_only_when_the_base_is_a_word():
    from directduidelijk.language.lemmas import check_lemma

    assert check_lemma("gezonde", "gezonde", "ADJ") == "gezond"
    assert check_lemma("zeldzame", "zeldzame", "ADJ") == "zeldzaam"
    assert check_lemma("trager", "trag", "ADJ") == "traag"
    assert check_lemma("ander", "ander", "ADJ") == "ander"    # not 'and'
    assert check_lemma("beste", "goed", "ADJ") == "goed"      # the lemmatizer's own answer is kept
    assert check_lemma("NOS", "NOS", "ADJ") == "NOS"          # only lowercase words are checked


def test_a_plural_verb_read_as_a_noun_after_a_subject_pronoun_is_the_verb():
    doc = parsed(["Wij", "verzoeken", "u", "te", "betalen"], ["PRON", "NOUN", "PRON", "ADP", "VERB"],
                 [1, 1, 1, 4, 1], ["nsubj", "ROOT", "obj", "mark", "xcomp"],
                 ["wij", "verzoeken", "u", "te", "betalen"])
    check_lemmas(doc)
    assert (doc[1].pos_, doc[1].lemma_) == ("VERB", "verzoeken")
    doc = parsed(["Wij", "burgers", "klagen"], ["PRON", "NOUN", "VERB"], [1, 2, 2], ["det", "nsubj", "ROOT"],
                 ["wij", "burger", "klagen"])
    check_lemmas(doc)
    assert doc[1].pos_ == "NOUN"  # 'burgers' is no verb form
