"""One module per rule kind. Each module has the same three functions:

    requires(rule) -> set[str]                   spaCy components the rule needs
    compile(rule, vocab) -> object               done once per rule and vocab (cached by the engine)
    run(rule, compiled, state) -> Iterable[Hit]  hits in the blocks the rule may see

``RunState`` is made once per checked document and shared by all rules, so work that
several rules need (the blocks in scope, the sentences per block, which tokens sit
inside quotes) is done once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from directduidelijk.document import BODY_KINDS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from directduidelijk.engine.hits import CheckContext
    from directduidelijk.engine.rule import Rule
    from directduidelijk.language.analysis import AnalysedDocument, Sentence

# spaCy component names, per kind of annotation a rule needs.
POS_COMPONENTS = frozenset({"tok2vec", "tagger", "morphologizer", "attribute_ruler"})
# checked_lemma (the bundled model's lexicon check of lemmas, directduidelijk/language/lemmas.py) and the
# optional rule_lemmatizer belong with the lemmatizer: without them lemmas are the raw edit-tree guesses.
# (separable_verb_lemma is left off: the rules find separable verbs themselves.)
LEMMA_COMPONENTS = POS_COMPONENTS | {"lemmatizer", "trainable_lemmatizer", "rule_lemmatizer", "checked_lemma"}
PARSE_COMPONENTS = frozenset({"tok2vec", "parser"})
ALL_COMPONENTS = LEMMA_COMPONENTS | PARSE_COMPONENTS | {"ner", "senter"}

_OPENING_QUOTES = {"„", "“", "«", "‘", "‚", "‹"}
_CLOSING_QUOTES = {"”", "»", "’", "›", "“"}
_ELISIONS = {"t", "s", "n", "k", "m", "r", "t.", "s.", "n.", "ns", "er", "ie"}


def allowed_kinds(rule: "Rule") -> frozenset[str]:
    return frozenset(BODY_KINDS) | frozenset(rule.also_kinds)


class RunState:
    """Per-document data shared by all rules during one check."""

    def __init__(self, analysed: "AnalysedDocument", context: "CheckContext"):
        self.analysed = analysed
        self.context = context
        self.cache: dict[Any, Any] = {}
        self._sentences_by_block: dict[int, list["Sentence"]] = {}
        # Doc.text joins every token in Python; the block text is the same string, for free.
        self.doc_texts: dict[int, str] = {
            id(doc): analysed.document.blocks[index].text for index, doc in enumerate(analysed.docs) if doc is not None
        }
        for sentence in analysed.sentences:
            self._sentences_by_block.setdefault(sentence.block_index, []).append(sentence)
        for doc in analysed.docs:
            if doc is not None:  # with the block text: cheap, and checks that ask later need no Doc.text
                quoted_tokens(doc, self.doc_texts[id(doc)])

    def blocks(self, rule: "Rule") -> Iterator[tuple[int, "Doc"]]:
        """(block index, Doc) of every analysed block the rule may see, in document order."""
        kinds = allowed_kinds(rule)
        blocks = self.analysed.document.blocks
        for index, doc in enumerate(self.analysed.docs):
            if doc is not None and blocks[index].kind in kinds:
                yield index, doc

    def text(self, block_index: int) -> str:
        return self.analysed.document.blocks[block_index].text

    def sentences(self, block_index: int) -> list["Sentence"]:
        return self._sentences_by_block.get(block_index, [])

    def sentence_at(self, block_index: int, offset: int) -> "Sentence | None":
        sentences = self.sentences(block_index)
        for sentence in sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        # A zero-length hit at the very end, or between sentences: the nearest one before.
        before = [s for s in sentences if s.start <= offset]
        return before[-1] if before else (sentences[0] if sentences else None)

    def quoted(self, doc: "Doc") -> frozenset[int]:
        """Indices of tokens between quotation marks (the marks included)."""
        key = ("quoted", id(doc))
        if key not in self.cache:
            self.cache[key] = quoted_tokens(doc, self.doc_texts.get(id(doc)))
        return self.cache[key]


_QUOTE_CHARS = tuple(_OPENING_QUOTES | _CLOSING_QUOTES | {'"', "'"})


_QUOTED_KEY = "directduidelijk.quoted"


def quoted_tokens(doc: "Doc", text: str | None = None) -> frozenset[int]:
    """Indices of tokens between quotation marks; computed once per Doc (kept in doc.user_data,
    so every rule and check that asks gets the same set without walking the tokens again)."""
    cached = doc.user_data.get(_QUOTED_KEY)
    if cached is not None:
        return cached
    result = _quoted_tokens(doc, text)
    doc.user_data[_QUOTED_KEY] = result
    return result


def _quoted_tokens(doc: "Doc", text: str | None = None) -> frozenset[int]:
    text = doc.text if text is None else text
    if not any(char in text for char in _QUOTE_CHARS):
        return frozenset()
    inside: set[int] = set()
    open_at: int | None = None
    open_char = ""
    for token in doc:
        text = token.text
        if token.is_sent_start and open_at is not None:
            open_at = None  # a quote never spans sentences: an unmatched mark is not a quote
        if open_at is None:
            if text in _OPENING_QUOTES or text == '"' or _opens_single(token):
                open_at, open_char = token.i, text
            continue
        closes = (
            (open_char == '"' and text == '"')
            or (open_char == "'" and text == "'" and token.i > 0 and not doc[token.i - 1].whitespace_)
            or (open_char in _OPENING_QUOTES and text in _CLOSING_QUOTES)
        )
        if closes:
            inside.update(range(open_at, token.i + 1))
            open_at = None
    return frozenset(inside)


def _opens_single(token) -> bool:
    """A straight ' that opens a quote, not the apostrophe of 't, 's or zo'n."""
    if token.text != "'":
        return False
    doc = token.doc
    if token.i > 0 and not doc[token.i - 1].whitespace_:
        return False
    if token.i + 1 >= len(doc) or token.whitespace_:
        return False
    return doc[token.i + 1].lower_ not in _ELISIONS


_MODULES: dict[str, object] = {}


def kind_module(kind: str):
    """The module that implements a rule kind (imported on first use)."""
    module = _MODULES.get(kind)
    if module is None:
        import importlib

        try:
            module = importlib.import_module(f"directduidelijk.engine.kinds.{kind}")
        except ImportError:
            if kind != "structuur":
                raise
            # Structure checks may also be plain built-in checks (controle: ...).
            module = importlib.import_module("directduidelijk.engine.kinds.ingebouwd")
        _MODULES[kind] = module
    return module
