"""`opsomming-in-zin`: three or more parallel items in one sentence; a bulleted list reads better."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from directduidelijk.engine.builtin._common import char_span, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import is_word

ITEM_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "PRON", "X"})


def _item_words(token: Token, exclude: set[int]) -> list[Token]:
    return [t for t in token.subtree if t.i not in exclude and is_word(t)]


def find_listings(span: Span, min_items: int = 3, min_words_short: int = 3, always_items: int = 4
                  ) -> list[tuple[Token, list[Token]]]:
    """(head of the coordination, its items) for coordinations that would read better as a list.

    Three items count when they average at least ``min_words_short`` words ("uw naam, adres en
    woonplaats" is fine); ``always_items`` or more items always count.
    """
    found = []
    for token in span:
        if token.dep_ == "conj":
            continue
        conjuncts = [c for c in token.children if c.dep_ == "conj"]
        # spaCy's Dutch trees may chain conjuncts (a -> b -> c); follow the chain.
        chain = list(conjuncts)
        for c in conjuncts:
            chain.extend(g for g in c.children if g.dep_ == "conj")
        items = [token, *sorted(set(chain), key=lambda t: t.i)]
        if len(items) < min_items or token.pos_ not in ITEM_POS:
            continue
        lengths = []
        for item in items:
            inner = {t.i for other in items if other is not item and other in item.subtree for t in other.subtree}
            lengths.append(len(_item_words(item, inner)))
        if len(items) >= always_items or sum(lengths) / len(items) >= min_words_short:
            found.append((token, items))
    return found


@builtin("opsomming-in-zin")
def check_listing(analysed, rule, context) -> Iterator[Hit]:
    min_items = int(setting(rule, "min_onderdelen", 3))
    min_words = float(setting(rule, "min_woorden_per_onderdeel", 3))
    always = int(setting(rule, "altijd_vanaf", 4))
    for sentence in sentences(analysed, rule):
        for head, items in find_listings(sentence.span, min_items, min_words, always):
            tokens = [t for item in items for t in (item.left_edge, item.right_edge)]
            tokens = [t for t in tokens if t.i >= sentence.span.start and t.i < sentence.span.end]
            start, end = char_span(tokens)
            text = sentence.span.doc.text[start:end]
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "waarde": len(items), "aantal": len(items)})
