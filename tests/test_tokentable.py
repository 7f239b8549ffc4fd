"""The token table (language/tokentable.py) holds exactly the Token attributes the checks read."""

from __future__ import annotations

from pathlib import Path

from directduidelijk.engine.builtin._common import is_finite, is_participle, lemma
from directduidelijk.language.analysis import is_word
from directduidelijk.language.tokentable import token_table

LETTERS = Path(__file__).resolve().parent.parent / "corpora" / "brieven"

SENTENCES = [
    "De door de raad op 3 maart vastgestelde regeling wordt per 1 januari 2025 van kracht.",
    "U stuurt het formulier voor 1 mei terug, of u logt in met DigiD.",
    "Wij hebben uw aanvraag, uw brief van 3 maart, het bewijs en de foto's in goede orde ontvangen.",
    "Zie www.duinhaven.nl of mail naar info@duinhaven.nl; bel 14 0123 (ma-vr).",
    "",
]


def test_table_equals_the_token_attributes(nlp):
    texts = [*SENTENCES, (LETTERS / "bezwaar-ontvangst-slecht.md").read_text(encoding="utf-8")]
    for doc in nlp.pipe(texts):
        table = token_table(doc)
        assert token_table(doc) is table  # kept with the Doc
        lemmas = table.plain_lemmas()
        for token in doc:
            i = token.i
            assert (table.text[i], table.lower[i], table.pos[i], table.tag[i], table.dep[i], table.lemma[i],
                    table.head[i], table.idx[i]) == (token.text, token.lower_, token.pos_, token.tag_, token.dep_,
                                                     token.lemma_, token.head.i, token.idx)
            assert (table.punct[i], table.space[i], table.alpha[i]) == (token.is_punct, token.is_space,
                                                                         token.is_alpha)
            assert (table.finite[i], table.participle[i], table.word[i], lemmas[i]) == (
                is_finite(token), is_participle(token), is_word(token), lemma(token))
            assert table.morph_finite[i] == ("Fin" in token.morph.get("VerbForm"))
        assert len(table.text) == len(doc)
