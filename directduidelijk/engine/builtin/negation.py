"""`dubbele-ontkenning`: two negations in one clause ("niet onmogelijk", "geen ... niet")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import char_span, sentences
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.analysis import doc_text
from directduidelijk.language.tokentable import token_table

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATORS = frozenset({"niet", "geen", "nooit", "niemand", "niets", "nergens", "noch", "geeneen"})
# A second negation that only counts next to a first one: "niet zonder reden".
WEAK_NEGATORS = frozenset({"zonder"})
# Words that begin with on- but are no negation of an adjective.
NOT_NEGATIVE_ON = frozenset({
    "onder", "onderaan", "ongeveer", "ons", "onze", "onlangs", "ontvangen", "ontzettend", "onderling",
    "onmiddellijk", "onderweg", "ondanks", "ongeacht", "onderhands", "ontroerend", "ontspannen", "ontevreden",
})
CLAUSE_BREAK_DEPS = frozenset({"mark"})
CLAUSE_BREAK_WORDS = frozenset({",", ";", ":", "en", "maar", "of", "want", "dus", "omdat", "als", "dat", "die",
                                "wat", "waar", "wanneer", "terwijl", "zodat", "tenzij", "hoewel", "doordat",
                                "waarom", "hoe", "wie", "welke", "waardoor", "waarmee", "nadat", "voordat", "zolang"})


@lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    from directduidelijk.wordfreq_nl import zipf

    return zipf(word) >= 2.5


def is_negative_adjective(token: Token) -> bool:
    """onmogelijk, onbelangrijk, onduidelijk: on- + a known adjective."""
    form = token.lower_
    if token.pos_ not in ("ADJ", "ADV") or not form.startswith("on") or form in NOT_NEGATIVE_ON:
        return False
    if form.startswith("ont"):
        return False
    rest = form[2:]
    return len(rest) >= 4 and _known(rest)


def _breaks_between(tokens: list[Token], first: int, second: int) -> bool:
    for token in tokens[first + 1:second]:
        if token.lower_ in CLAUSE_BREAK_WORDS or token.dep_ in CLAUSE_BREAK_DEPS:
            return True
    return False


def find_double_negations(span) -> list[tuple[Token, Token]]:
    from spacy.tokens import Span

    if isinstance(span, Span) and not any(word in NEGATORS for word in token_table(span.doc).lower[span.start:span.end]):
        return []  # no negator, no pair (the common case: no Token made)
    tokens = list(span)
    pairs: list[tuple[Token, Token]] = []
    negators = [i for i, t in enumerate(tokens) if t.lower_ in NEGATORS]
    for n, i in enumerate(negators):
        token = tokens[i]
        # "niet alleen ..., maar ook": no negation of the whole.
        if token.lower_ == "niet" and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("alleen", "enkel", "slechts"):
            continue
        # niet/geen + on-adjective within three words: "niet onmogelijk", "geen onbelangrijke rol"
        for j in range(i + 1, min(i + 4, len(tokens))):
            if is_negative_adjective(tokens[j]):
                if not _breaks_between(tokens, i, j):
                    pairs.append((token, tokens[j]))
                break
        # a second negator in the same clause
        for j in [k for k in negators[n + 1:]] + [k for k, t in enumerate(tokens) if k > i and t.lower_ in WEAK_NEGATORS]:
            if tokens[j].lower_ in WEAK_NEGATORS and token.lower_ != "niet":
                continue
            if tokens[j].lower_ == "niet" and j + 1 < len(tokens) and tokens[j + 1].lower_ in ("alleen", "enkel"):
                continue
            if token.lower_ == "noch" or tokens[j].lower_ == "noch":
                continue  # "noch A noch B", "geen A noch B": one negation in two parts
            if not _breaks_between(tokens, i, j) and j - i <= 12:
                pairs.append((token, tokens[j]))
                break
    # one finding per first negation
    seen: set[int] = set()
    unique = []
    for a, b in pairs:
        if a.i not in seen:
            seen.add(a.i)
            unique.append((a, b))
    return unique


@builtin("dubbele-ontkenning")
def check_double_negation(analysed, rule, context) -> Iterator[Hit]:
    for sentence in sentences(analysed, rule):
        for first, second in find_double_negations(sentence.span):
            start, end = char_span([first, second])
            text = doc_text(sentence.span.doc)[start:end]
            yield Hit(sentence.block_index, start, end, sentence, values={"tekst": text},
                      extra={"parts": [(first.idx, first.idx + len(first.text)),
                                       (second.idx, second.idx + len(second.text))]})
