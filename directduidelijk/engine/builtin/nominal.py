"""`naamwoordstijl-het`: a verb made into a noun with "het ... van" ("het indienen van een bezwaar"),
"-ing van" with an empty verb ("de behandeling van uw aanvraag vindt plaats", "de beëindiging van
de huur gaat in"), and any noun as the subject of plaatsvinden or geschieden ("de uitvoering
geschiedt door ...", "betaling dient te geschieden", "er vindt een herbeoordeling plaats").

The word list rule `naamwoordstijl` (rules/direct-duidelijk/naamwoordstijl.yaml) covers fixed
light-verb expressions (een besluit nemen, overgaan tot betaling); this check covers the pattern.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, lemma, lemma_without_particle, sentences
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text
from directduidelijk.language.tokentable import token_table
from directduidelijk.language.verbforms import strip_particle, verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Nouns in -en that are no nominalised verb in "het X van".
NOT_INFINITIVES = frozenset({
    "leven", "wapen", "teken", "examen", "laken", "wezen", "verleden", "vermogen", "vertrouwen", "verlangen",
    "eten", "wegen", "gebouwen", "regen", "morgen", "keukens", "kussen", "wonen", "molen", "ogen", "gegeven",
    "bodem", "open", "verloop", "heden", "zegel", "deken", "bezwaren", "middelen", "pensioen", "seizoen",
    "miljoen", "fatsoen", "kampioen", "wagen", "ijzeren", "kosten", "volgen", "toeslagen", "regelingen",
})
EMPTY_VERBS = frozenset({"plaatsvinden", "geschieden", "gebeuren", "volgen", "starten", "beginnen", "ingaan"})
# With these the event noun carries the meaning whatever it is ("de vergadering vindt plaats",
# "de uitvoering geschiedt"): nominal style also without "van".
BARE_EMPTY_VERBS = frozenset({"plaatsvinden", "geschieden"})
# Verbs the lemmatiser often leaves inflected.
_FORMS = {form: verb for verb in ("geschieden", "plaatsvinden") for form in verb_forms(verb)}
# A modal or 'dienen' whose xcomp is the empty verb: "betaling dient te geschieden".
_CARRIERS = frozenset({"dienen", "moeten", "kunnen", "zullen", "gaan", "mogen", "behoren"})
# Action nouns without -ing that often hide a verb before plaatsvinden/geschieden.
OTHER_ACTIONS = frozenset({
    "controle", "inspectie", "evaluatie", "registratie", "publicatie", "overdracht", "verkoop", "aankoop",
    "bouw", "sloop", "aanleg", "aanpak", "keuze", "overleg", "afgifte", "uitgifte", "inname", "opname",
    "afname", "uitleg", "ontvangst", "analyse", "selectie", "reparatie", "installatie", "consultatie",
    "afweging", "aanvraag", "betaling", "uitbetaling", "terugbetaling", "levering", "vervanging",
    "gesprek", "bijeenkomst", "bezoek", "onderzoek", "herstel", "onderhoud", "toets", "test", "start",
    "afspraak", "verhoor", "inspraak",
})
# Nouns in -ing that name a thing or group, not an action.
NOT_ACTIONS = frozenset({
    "woning", "koning", "ring", "leerling", "omgeving", "afdeling", "vereniging", "stichting", "instelling",
    "richting", "regering", "kring", "zending", "tekening", "rekening",
})


def _is_infinitive(token: Token) -> bool:
    form = token.lower_
    if not form.endswith("en") or len(form) < 5 or form in NOT_INFINITIVES:
        return False
    if form.endswith(("oosten", "westen", "noorden", "zuiden")):
        return False  # het noordoosten van
    if "Inf" in token.morph.get("VerbForm") or token.tag_.startswith("WW|inf"):
        return True
    if token.pos_ == "VERB":
        return True
    # A noun whose lemma is its own form: a nominalised infinitive ("het indienen"). Also a noun the
    # tagger calls plural ("het plaatsen van een hek"): after "het" it cannot be a plural.
    return token.pos_ == "NOUN" and (lemma(token) == form or token.morph.get("Number") == ["Plur"])


def _is_action_at(table, lemmas: list[str], i: int) -> bool:
    """_is_action of token i from the token table."""
    form = table.lower[i]
    if form.endswith("ing"):
        return len(table.text[i]) > 5 and form not in NOT_ACTIONS
    return lemmas[i] in OTHER_ACTIONS


def find_nominal(span: Span) -> list[tuple[list[Token], str, str]]:
    """(tokens to mark, the verb, kind) for each pattern."""
    # Only 'het' and a noun that names an action can start a pattern (every branch below needs
    # one): found in the token table, so most sentences make no Token at all.
    table = token_table(span.doc)
    lemmas = table.plain_lemmas()
    lower, pos = table.lower, table.pos
    starts = [i - span.start for i in range(span.start, span.end)
              if lower[i] == "het" or (pos[i] == "NOUN" and _is_action_at(table, lemmas, i))]
    if not starts:
        return []
    tokens = list(span)
    found = []
    for i in starts:
        token = tokens[i]
        if token.lower_ == "het":
            # het [tijdig|volledig ...] indienen van
            for j in range(i + 1, min(i + 4, len(tokens) - 1)):
                if _is_infinitive(tokens[j]) and tokens[j + 1].lower_ == "van":
                    found.append(([token, tokens[j], tokens[j + 1]], tokens[j].lower_, "het"))
                    break
                if tokens[j].pos_ not in ("ADJ", "ADV"):
                    break
        if token.pos_ == "NOUN" and (token.dep_.startswith("nsubj") or _before_plaats(token)
                                     or _object_of_bare_empty_verb(token)):
            hit = _empty_verb_subject(token, tokens, i)
            if hit is not None:
                found.append(hit)
                continue
        if token.pos_ == "NOUN" and _is_action(token) and i + 2 < len(tokens) and tokens[i + 1].lower_ == "door" \
                and tokens[i + 2].pos_ in ("DET", "PROPN", "NOUN", "PRON") and not _is_passive_agent(tokens[i + 1]):
            # "na goedkeuring door de brandweer": the doer hides behind a noun
            found.append(([token, tokens[i + 1]], token.lower_, "door"))
    return found


def _is_action(noun: Token) -> bool:
    table = token_table(noun.doc)
    return _is_action_at(table, table.plain_lemmas(), noun.i)


def _is_passive_agent(door: Token) -> bool:
    """'door' that belongs to a passive verb ("de aanvraag wordt door de gemeente behandeld"), not to the noun."""
    phrase = door.head
    if phrase.dep_ == "obl:agent":
        return True
    verb = phrase.head
    # a door-phrase on a verb is its agent only when that verb is passive ("Na controle door de gemeente
    # krijgt u het geld": the parser may hang the phrase on 'krijgt', which has no agent)
    return (verb.pos_ in ("VERB", "AUX") and phrase.dep_.startswith("obl")
            and any(child.dep_ == "aux:pass" for child in verb.children))


def _object_of_bare_empty_verb(noun: Token) -> bool:
    """"Er heeft een inspectie plaatsgevonden", "vindt terugbetaling plaats": the parser sometimes
    makes the subject of plaatsvinden or geschieden its object; these verbs take none."""
    return noun.dep_ == "obj" and noun.head.pos_ == "VERB" and _verb_with_particle(noun.head)[0] in BARE_EMPTY_VERBS


def _before_plaats(noun: Token) -> bool:
    """"Er vindt een controle plaats": the parser often reads "controle plaats" as one noun phrase
    (controle as nmod, amod or compound of plaats, plaats as subject or object of vinden)."""
    head = noun.head
    return (noun.dep_ in ("nmod", "amod", "compound") and head.lower_ == "plaats" and head.i == noun.i + 1
            and head.head.pos_ == "VERB" and lemma_without_particle(head.head, "plaats") == "vinden")


def _verb_with_particle(verb: Token) -> tuple[str, Token | None]:
    """The verb's lemma with its separable particle: vindt ... plaats -> plaatsvinden, gaat ... in -> ingaan."""
    base = _FORMS.get(verb.lower_) or lemma(verb)
    prt = next((c for c in verb.children if c.dep_ == "compound:prt"
                or (c.dep_ == "obj" and c.lower_ == "plaats" and strip_particle(base, "plaats") == "vinden")), None)
    if prt is None and verb.i + 1 < len(verb.doc):
        # the parser may take the particle for a preposition ("gaat in op 1 september"): the word right
        # after the verb counts when verb and particle make an empty verb
        after = verb.doc[verb.i + 1]
        if after.pos_ == "ADP" and after.lower_ + base in EMPTY_VERBS:
            prt = after
    if prt is not None and not base.startswith(prt.lower_):
        return prt.lower_ + base, prt
    return base, prt


def _empty_verb_subject(noun: Token, tokens: list[Token], i: int) -> tuple[list[Token], str, str] | None:
    """A noun as the subject of an empty verb: the verb is its head, or the xcomp of a modal head."""
    head = noun.head
    if not _is_action(noun):
        return None
    action = noun.lower_.endswith("ing")
    if _before_plaats(noun):
        verb = head.head
        return sorted([verb, noun, head], key=lambda t: t.i), noun.lower_, "ing"
    candidates = [head]
    if lemma(head) in _CARRIERS:
        candidates += [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    with_van = i + 1 < len(tokens) and tokens[i + 1].lower_ == "van"
    for verb in candidates:
        name, prt = _verb_with_particle(verb)
        if name not in EMPTY_VERBS:
            continue
        if name in BARE_EMPTY_VERBS or (action and with_van):
            marked = [noun, verb] + ([prt] if prt is not None else [])
            if with_van:
                marked.append(tokens[i + 1])
            return sorted(marked, key=lambda t: t.i), noun.lower_, "ing"
    return None


@builtin("naamwoordstijl-het")
def check_nominal(analysed, rule, context) -> Iterator[Hit]:
    for sentence in sentences(analysed, rule):
        for tokens, verb, kind in find_nominal(sentence.span):
            start, end = char_span(tokens)
            text = doc_text(sentence.span.doc)[start:end]
            suggestion = None
            if kind == "het":
                suggestion = f"Gebruik het werkwoord: '{verb}' in plaats van '{text}'. Zeg wie het doet."
            elif kind == "door":
                suggestion = (f"Zeg wie wat doet, met het werkwoord dat in '{verb}' zit: "
                              "'als de brandweer het goedkeurt' in plaats van 'na goedkeuring door de brandweer'.")
            else:
                suggestion = f"Gebruik het werkwoord dat in '{verb}' zit, en zeg wie het doet."
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "werkwoord": verb}, suggestion=suggestion)
