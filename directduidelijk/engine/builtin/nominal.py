"""`naamwoordstijl-het`: a verb made into a noun with "het ... van" ("het indienen van een bezwaar"),
and "-ing van" with an empty verb ("de behandeling van uw aanvraag vindt plaats").

The word list rule `naamwoordstijl` (rules/direct-duidelijk/naamwoordstijl.yaml) covers fixed
light-verb expressions (een besluit nemen, overgaan tot betaling); this check covers the pattern.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from directduidelijk.engine.builtin._common import char_span, lemma, sentences
from directduidelijk.engine.hits import Hit, builtin

# Nouns in -en that are no nominalised verb in "het X van".
NOT_INFINITIVES = frozenset({
    "leven", "wapen", "teken", "examen", "laken", "wezen", "verleden", "vermogen", "vertrouwen", "verlangen",
    "eten", "wegen", "gebouwen", "regen", "morgen", "keukens", "kussen", "wonen", "molen", "ogen", "gegeven",
    "bodem", "open", "verloop", "heden", "zegel", "deken", "bezwaren", "middelen", "pensioen", "seizoen",
    "miljoen", "fatsoen", "kampioen", "wagen", "ijzeren", "kosten", "volgen", "toeslagen", "regelingen",
})
EMPTY_VERBS = frozenset({"plaatsvinden", "vinden", "geschieden", "gebeuren", "volgen", "starten", "beginnen"})


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
    # A noun whose lemma is its own form: a nominalised infinitive ("het indienen").
    return token.pos_ == "NOUN" and lemma(token) == form and not token.morph.get("Number") == ["Plur"]


def find_nominal(span: Span) -> list[tuple[list[Token], str, str]]:
    """(tokens to mark, the verb, kind) for each pattern."""
    tokens = list(span)
    found = []
    for i, token in enumerate(tokens):
        if token.lower_ == "het":
            # het [tijdig|volledig ...] indienen van
            for j in range(i + 1, min(i + 4, len(tokens) - 1)):
                if _is_infinitive(tokens[j]) and tokens[j + 1].lower_ == "van":
                    found.append(([token, tokens[j], tokens[j + 1]], tokens[j].lower_, "het"))
                    break
                if tokens[j].pos_ not in ("ADJ", "ADV"):
                    break
        if token.lower_.endswith("ing") and token.pos_ == "NOUN" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "van":
            root = span.root
            verb = lemma(root)
            prt = next((c for c in root.children if c.dep_ == "compound:prt"), None)
            if (verb in EMPTY_VERBS and (verb != "vinden" or (prt is not None and prt.lower_ == "plaats"))
                    and token.head == root and token.dep_.startswith("nsubj")):
                found.append(([token, tokens[i + 1]], token.lower_, "ing"))
    return found


@builtin("naamwoordstijl-het")
def check_nominal(analysed, rule, context) -> Iterator[Hit]:
    for sentence in sentences(analysed, rule):
        for tokens, verb, kind in find_nominal(sentence.span):
            start, end = char_span(tokens)
            text = sentence.span.doc.text[start:end]
            suggestion = None
            if kind == "het":
                suggestion = f"Gebruik het werkwoord: '{verb}' in plaats van '{text}'. Zeg wie het doet."
            else:
                suggestion = f"Gebruik het werkwoord dat in '{verb}' zit, en zeg wie het doet."
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "werkwoord": verb}, suggestion=suggestion)
