"""`opsomming-in-zin`: three or more parallel items in one sentence; a bulleted list reads better."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text, is_word
from directduidelijk.language.tokentable import token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLASS = {"NOUN": "n", "PROPN": "n", "PRON": "n", "X": "n", "NUM": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "a"}
ITEM_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "PRON", "X"})


def _item_words(token: Token, exclude: set[int]) -> list[Token]:
    return [t for t in token.subtree if t.i not in exclude and is_word(t)]


def find_listings(span: Span, min_items: int = 3, min_words_short: float = 4, always_items: int = 4
                  ) -> list[tuple[Token, list[Token]]]:
    """(head of the coordination, its items) for coordinations that would read better as a list.

    Three items count when they average at least ``min_words_short`` words ("uw naam, adres en
    woonplaats" is fine); ``always_items`` or more items always count.
    """
    found = []
    doc = span.doc
    table = token_table(doc)
    dep, head, pos = table.dep, table.head, table.pos
    conjunct_count: dict[int, int] = {}  # token -> its children labelled conj (token.children)
    for k in range(len(dep)):
        if dep[k] == "conj" and head[k] != k:
            conjunct_count[head[k]] = conjunct_count.get(head[k], 0) + 1
    for i in range(span.start, span.end):
        # the tests below on the table first: a Token only for a head with enough conjuncts
        if dep[i] == "conj" or 1 + conjunct_count.get(i, 0) < min_items or pos[i] not in ITEM_POS:
            continue
        token = doc[i]
        # UD: every conjunct hangs from the first one ("A, B en C": B and C are conj of A)
        conjuncts = sorted((c for c in token.children if c.dep_ == "conj"), key=lambda t: t.i)
        items = [token, *conjuncts]
        if len(items) < min_items or token.pos_ not in ITEM_POS:
            continue
        # items of one kind: the parser sometimes hangs a conjunct on the wrong word
        kinds = [CLASS.get(item.pos_, item.pos_) for item in items]
        if sum(1 for kind in kinds[1:] if kind == kinds[0]) < len(conjuncts) - 1 or kinds[1] != kinds[0] and kinds[-1] != kinds[0]:
            continue
        # a list has commas between its items: "A, B en C"; not "A en B van C en D"
        commas = sum(1 for c in conjuncts for g in c.children if g.dep_ == "punct" and g.text == "," and g.i < c.i)
        if commas < len(items) - 2:
            continue
        lengths = []
        for item in items:
            inner = {t.i for other in items if other != item and other in item.subtree for t in other.subtree}
            lengths.append(len(_item_words(item, inner)))
        if len(items) >= always_items or sum(lengths) / len(items) >= min_words_short:
            found.append((token, items))
    return found


COORDINATORS = frozenset({"en", "of", "en/of"})
STOP_BACK_POS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PUNCT"})


def _finite(token: Token) -> bool:
    # a form in -en may be an infinitive the tagger called finite ("bellen, mailen of langskomen")
    return "Fin" in token.morph.get("VerbForm") and token.pos_ in ("VERB", "AUX") and not token.lower_.endswith("en")


def find_comma_listings(span: Span, min_items: int = 3, min_words_short: float = 4, always_items: int = 4
                        ) -> list[tuple[int, int, int]]:
    """Listings from punctuation alone, for when the parse misses the coordination:
    "A, B, C en D" with short middle parts without a finite verb. (first token, last token, items)."""
    table = token_table(span.doc)
    first = span.start
    texts = table.text[first:span.end]  # position n here is token first + n
    if "," not in texts:
        return []
    lowers, pos, punct = table.lower[first:span.end], table.pos[first:span.end], table.punct[first:span.end]
    # _finite(token) per position
    finite = [fin and p in ("VERB", "AUX") and not low.endswith("en")
              for fin, p, low in zip(table.morph_finite[first:span.end], pos, lowers, strict=True)]
    count = len(texts)
    found = []
    i = 0
    while i < count:
        if texts[i] != ",":
            i += 1
            continue
        commas = [i]
        j = i + 1
        segment_start = j
        ok = True
        end_item = None
        while j < count:
            if texts[j] == ",":
                if segment_start == j or j - segment_start > 8 or any(finite[segment_start:j]):
                    ok = False
                    break
                commas.append(j)
                segment_start = j + 1
            elif lowers[j] in COORDINATORS:
                if segment_start == j or j - segment_start > 8 or any(finite[segment_start:j]):
                    ok = False
                    break
                # the last item: up to 8 words, until punctuation or a finite verb
                k = j + 1
                while k < count and k - j <= 8 and not punct[k] and not finite[k]:
                    k += 1
                end_item = k - 1
                break
            j += 1
        if not ok or end_item is None or end_item <= j:
            i = commas[-1] + 1 if ok else j
            continue
        # the first item: back from the first comma over the words of a noun phrase
        b = i - 1
        while b > 0 and pos[b - 1] not in STOP_BACK_POS and i - b < 8:
            b -= 1
        items = len(commas) + 2
        if len(commas) < 2:
            i = end_item + 1
            continue  # three items are left to the parse; from commas alone only four or more
        positions = range(count)  # sliced and indexed like the token list it stands for (b may be -1)
        words = sum(1 for n in positions[b:end_item + 1] if not punct[n] and lowers[n] not in COORDINATORS)
        if items >= min_items and (items >= always_items or words / items >= min_words_short):
            found.append((first + positions[b], first + end_item, items))
        i = end_item + 1
    return found


@builtin("opsomming-in-zin")
def check_listing(analysed, rule, context) -> Iterator[Hit]:
    min_items = int(setting(rule, "min_onderdelen", 3))
    min_words = float(setting(rule, "min_woorden_per_onderdeel", 4))
    always = int(setting(rule, "altijd_vanaf", 4))
    for sentence in sentences(analysed, rule):
        covered: list[tuple[int, int]] = []
        for head, items in find_listings(sentence.span, min_items, min_words, always):
            tokens = [t for item in items for t in (item.left_edge, item.right_edge)]
            tokens = [t for t in tokens if t.i >= sentence.span.start and t.i < sentence.span.end]
            start, end = char_span(tokens)
            text = doc_text(sentence.span.doc)[start:end]
            covered.append((start, end))
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": text, "waarde": len(items), "aantal": len(items)})
        doc = sentence.span.doc
        for first, last, count in find_comma_listings(sentence.span, min_items, min_words, always):
            start, end = char_span([doc[first], doc[last]])
            if any(s < end and start < e for s, e in covered):
                continue
            yield Hit(sentence.block_index, start, end, sentence,
                      values={"tekst": doc_text(doc)[start:end], "waarde": count, "aantal": count})
