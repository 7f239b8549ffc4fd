"""Kind `patroon`: spaCy Matcher token patterns from YAML (keys as in spaCy's documentation).

One Matcher per rule and vocab, with greedy="LONGEST"; overlapping matches are reduced to
the longest (spacy.util.filter_spans), and a match never crosses a sentence boundary.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.hits import Hit
from directduidelijk.engine.kinds import LEMMA_COMPONENTS, PARSE_COMPONENTS, POS_COMPONENTS

if TYPE_CHECKING:
    from directduidelijk.engine.kinds import RunState
    from directduidelijk.engine.rule import Rule

LEMMA_KEYS = {"LEMMA"}
POS_KEYS = {"POS", "TAG", "MORPH"}
PARSE_KEYS = {"DEP", "HEAD", "SENT_START", "IS_SENT_START"}


def components_for_keys(keys: set[str]) -> set[str]:
    needed: set[str] = set()
    if keys & LEMMA_KEYS:
        needed |= LEMMA_COMPONENTS
    if keys & POS_KEYS:
        needed |= POS_COMPONENTS
    if keys & PARSE_KEYS:
        needed |= PARSE_COMPONENTS
    return needed


def _keys(value) -> set[str]:
    keys: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            keys.add(str(key).upper())
            keys |= _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            keys |= _keys(inner)
    return keys


def requires(rule: "Rule") -> set[str]:
    return components_for_keys(_keys(rule.data["patronen"]))


def compile(rule: "Rule", vocab):
    from spacy.matcher import Matcher

    from directduidelijk.engine.loader import RuleError

    matcher = Matcher(vocab, validate=True)
    try:
        matcher.add(rule.id, rule.data["patronen"], greedy="LONGEST")
    except Exception as error:  # spaCy's MatchPatternError / ValueError with its own explanation
        detail = " ".join(str(error).split())[:400]
        raise RuleError(f"{rule.origin}, regel '{rule.id}', veld 'patronen': spaCy kan dit patroon niet gebruiken ({detail}).") from None
    return matcher


def run(rule: "Rule", matcher, state: "RunState") -> Iterator[Hit]:
    from spacy.util import filter_spans

    for block_index, doc in state.blocks(rule):
        spans = [span for span in matcher(doc, as_spans=True) if len(span) and _one_sentence(span)]
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            sentence = state.sentence_at(block_index, span.start_char)
            yield Hit(block_index, span.start_char, span.end_char, sentence=sentence, values={"tekst": span.text})


def _one_sentence(span) -> bool:
    return not any(token.is_sent_start for token in span[1:])
