"""Small helpers shared by the built-in checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from directduidelijk.document import BODY_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from directduidelijk.engine.rule import Rule
    from directduidelijk.language.analysis import AnalysedDocument, Sentence


def allowed_kinds(rule: "Rule") -> frozenset[str]:
    return frozenset(BODY_KINDS) | frozenset(getattr(rule, "also_kinds", ()) or ())


def sentences(analysed: "AnalysedDocument", rule: "Rule") -> Iterator["Sentence"]:
    """The sentences the rule may see: body text plus the block kinds in its `ook`."""
    kinds = allowed_kinds(rule)
    for sentence in analysed.sentences:
        if analysed.document.blocks[sentence.block_index].kind in kinds:
            yield sentence


def setting(rule: "Rule", name: str, default: Any) -> Any:
    settings = getattr(rule, "settings", None) or {}
    value = settings.get(name, default)
    return default if value is None else value


def lemma(token: "Token") -> str:
    """Lower-case lemma without Alpino's compound marks (aan_nemen -> aannemen)."""
    value = token.lemma_ or token.text
    return value.lower().replace("_", "")


def lemma_without_particle(token: "Token", particle: str) -> str:
    """The verb's lemma without its separable particle: models that follow UD write it in the lemma
    ('vindt ... plaats' -> plaatsvinden); checks that join particle and verb themselves need 'vinden'."""
    from directduidelijk.language.verbforms import strip_particle

    return strip_particle(lemma(token), particle)


def is_participle(token: "Token") -> bool:
    if "Part" in token.morph.get("VerbForm"):
        return True
    return token.tag_.startswith("WW|vd")


def is_finite(token: "Token") -> bool:
    if "Fin" in token.morph.get("VerbForm"):
        return True
    return token.tag_.startswith("WW|pv")


def char_span(tokens: "list[Token]") -> tuple[int, int]:
    """Character offsets in the block text from the first to the last token."""
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def span_text(span: "Span | list[Token]") -> str:
    tokens = list(span)
    if not tokens:
        return ""
    doc = tokens[0].doc
    start, end = char_span(tokens)
    from directduidelijk.language.analysis import doc_text  # (this module imports no spaCy)

    return doc_text(doc)[start:end]
