"""Rule-based Dutch sentence boundaries, set before the parser so it respects them.

Letters are full of abbreviations (bijv., o.a., t.a.v.), numbers (3.500, 1,5), dates,
e-mail addresses and URLs. The tokenizer keeps those as single tokens (see
tokenizer.py), so a boundary is simply: a sentence-final punctuation token followed
by a token that can start a sentence. Every token gets an explicit is_sent_start,
so the result does not depend on the statistical model, and the parser can only
attach within these sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT_NAME = "dd_zinsgrenzen"

_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {'"', "'", "”", "’", ")", "»", "]"}
# Abbreviations that often end a sentence ("... papier, glas enz. Dan ...").
_SENTENCE_FINAL_ABBREVIATIONS = {"enz.", "etc.", "e.d.", "e.a.", "e.v.", "jl.", "a.s."}


def _can_start_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘(«[-–•€"


@Language.component(COMPONENT_NAME)
def set_sentence_boundaries(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    doc[0].is_sent_start = True
    boundary_pending = False
    for index in range(1, len(doc)):
        previous = doc[index - 1]
        token = doc[index]
        if previous.text in _FINAL or (
            previous.lower_ in _SENTENCE_FINAL_ABBREVIATIONS and _can_start_sentence(token.text)
        ):
            boundary_pending = True
        if boundary_pending and (token.is_space or token.text in _CLOSERS or token.text in _FINAL):
            # a closing quote, bracket or "?!" stays with the sentence it closes
            token.is_sent_start = False
            continue
        token.is_sent_start = boundary_pending and _can_start_sentence(token.text)
        boundary_pending = False
    return doc


def add_sentence_boundaries(nlp: Language) -> None:
    """Put the boundary component first in the pipeline (idempotent)."""
    if COMPONENT_NAME in nlp.pipe_names:
        return
    nlp.add_pipe(COMPONENT_NAME, first=True)
