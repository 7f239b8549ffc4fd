"""Run the spaCy pipeline over documents: one Doc per block, sentences with their block.

All blocks of all documents go through one ``nlp.pipe`` stream (batched, as spaCy is
fastest that way); results come back per document as soon as its last block is done,
so a long run keeps nothing but the documents in flight.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from directduidelijk.document import FURNITURE_KINDS, Block, Document
from directduidelijk.placeholders import mask_placeholders

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


_TEXT_KEY = "directduidelijk.text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` without joining the tokens again: the text given to spaCy is kept in
    ``doc.user_data`` by analyse_documents (spaCy's Doc.text is always exactly that text)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def is_word(token: Token) -> bool:
    """A word for counting: not punctuation, space or a bare symbol."""
    if token.is_space or token.is_punct:
        return False
    return any(char.isalnum() for char in token.text)


# ORTH hash -> the token's text when it is a word (is_word depends on the text alone), else "".
_WORD_TEXTS: dict[int, str] = {}


def word_texts(span: Span) -> list[str]:
    """The texts of the words in ``span`` (as ``is_word``), without making a Token per word."""
    if not len(span):
        return []
    from spacy.attrs import ORTH

    known = _WORD_TEXTS
    texts = []
    for orth in span.to_array([ORTH])[:, 0].tolist():
        text = known.get(orth)
        if text is None:
            lexeme = span.vocab[orth]
            text = lexeme.text if not (lexeme.is_space or lexeme.is_punct) and any(
                char.isalnum() for char in lexeme.text) else ""
            if len(known) > 100_000:
                known.clear()
            known[orth] = text
        if text:
            texts.append(text)
    return texts


@dataclass(slots=True)
class Sentence:
    block_index: int
    span: Span
    # The block's original text: spaCy saw it with template placeholders masked, so
    # ``text`` reads from here to show what the writer wrote (same offsets).
    block_text: str = ""
    # word_texts(), computed on first use: metrics, LiNT-II and the measuring rules all need it.
    cached_words: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char

    @property
    def text(self) -> str:
        if self.block_text:
            return self.block_text[self.span.start_char:self.span.end_char]
        return self.span.text

    def words(self) -> list[Token]:
        return [token for token in self.span if is_word(token)]

    def word_texts(self) -> list[str]:
        if self.cached_words is None:
            self.cached_words = word_texts(self.span)
        return self.cached_words


@dataclass(slots=True)
class AnalysedDocument:
    document: Document
    docs: list[Doc | None]  # one per block; None for page headers/footers
    sentences: list[Sentence] = field(default_factory=list)
    # Set before the rules run: the detected (or forced) genre and the per-path configuration.
    genre: object = None
    config: object = None
    structure_view: object = None  # sections found by the structure checks, shared by all of them

    def block(self, index: int) -> Block:
        return self.document.blocks[index]

    def body_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if self.document.blocks[s.block_index].is_body]

    def sentences_of_kinds(self, kinds: Iterable[str]) -> list[Sentence]:
        wanted = set(kinds)
        return [s for s in self.sentences if self.document.blocks[s.block_index].kind in wanted]


def _collect_sentences(analysed: AnalysedDocument) -> None:
    for index, doc in enumerate(analysed.docs):
        if doc is None:
            continue
        block_text = analysed.document.blocks[index].text
        for span in doc.sents:
            if any(is_word(token) for token in span):
                analysed.sentences.append(Sentence(index, span, block_text))


def analyse_documents(
    documents: Iterable[Document], nlp: Language, *, batch_size: int = 256
) -> Iterator[AnalysedDocument]:
    """Analyse documents in one batched stream, yielding each when complete, in input order."""
    pending: dict[int, AnalysedDocument] = {}
    remaining: dict[int, int] = {}
    next_to_yield = 0

    def texts() -> Iterator[tuple[str, tuple[int, int]]]:
        for doc_number, document in enumerate(documents):
            slots: list[Doc | None] = [None] * len(document.blocks)
            pending[doc_number] = AnalysedDocument(document, slots)
            wanted = [i for i, b in enumerate(document.blocks) if b.kind not in FURNITURE_KINDS and b.text.strip()]
            remaining[doc_number] = len(wanted)
            for block_index in wanted:
                # Placeholders ({{ naam }}, [NAAM], «Veld») become a same-length pseudo-name,
                # so offsets stay valid and no rule judges them as words.
                block = document.blocks[block_index]
                masked = mask_placeholders(block.text, block.protected)
                yield masked, (doc_number, block_index, masked)

    def ready() -> Iterator[AnalysedDocument]:
        nonlocal next_to_yield
        while next_to_yield in pending and remaining.get(next_to_yield) == 0:
            analysed = pending.pop(next_to_yield)
            del remaining[next_to_yield]
            _collect_sentences(analysed)
            next_to_yield += 1
            yield analysed

    for doc, (doc_number, block_index, text) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
        doc.user_data[_TEXT_KEY] = text  # see doc_text()
        original = pending[doc_number].document.blocks[block_index].text
        if text != original:
            _masked_tokens_as_names(doc, original)
        pending[doc_number].docs[block_index] = doc
        remaining[doc_number] -= 1
        yield from ready()
    # Documents without any text to analyse never pass through the stream.
    yield from ready()


def _masked_tokens_as_names(doc: Doc, original: str) -> None:
    """A masked placeholder is a name, whatever the tagger made of the pseudo-name."""
    for token in doc:
        if token.pos_ != "PROPN" and token.text != original[token.idx:token.idx + len(token.text)]:
            token.pos_ = "PROPN"


def analyse_document(document: Document, nlp: Language) -> AnalysedDocument:
    return next(analyse_documents([document], nlp))
