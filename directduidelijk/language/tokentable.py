"""Token attributes of one Doc as plain Python lists, computed once per Doc and shared by the checks.

Walking a Span makes a new spaCy Token object per token, and every ``token.pos_`` or
``token.lower_`` looks a string up again; the built-in checks each walk every sentence, so
that added up to most of their time. ``token_table(doc)`` reads the attributes with one
``Doc.to_array`` and turns the hashes into strings through a shared memo; the checks scan these
lists and make Token objects only for the few tokens they report. The values are exactly the
Token attributes of the same name (``finite`` and ``participle`` as in engine/builtin/_common).

The table is kept in ``doc.user_data`` (like the block text and the quoted tokens).
Importing this module imports no spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "directduidelijk.tokens"

# Per vocab (by id): hash -> string, MORPH hash -> (VerbForm has Fin, has Part), ORTH hash -> is_word.
# Shared by all Docs of a process, so each distinct value is looked up once.
_STRINGS: dict[int, dict[int, str]] = {}
_VERBFORMS: dict[int, dict[int, tuple[bool, bool]]] = {}
_WORDS: dict[int, dict[int, bool]] = {}
_PLAIN: dict[object, str] = {}  # lemma (or ("", text) without one) -> lemma(token)
_LIMIT = 200_000


def _memo(memos: dict, vocab) -> dict:
    memo = memos.get(id(vocab))
    if memo is None or len(memo) > _LIMIT:
        if len(memos) > 4:
            memos.clear()
        memo = memos[id(vocab)] = {}
    return memo


class TokenTable:
    __slots__ = ("text", "lower", "pos", "tag", "dep", "lemma", "head", "punct", "space", "alpha", "idx",
                 "finite", "participle", "morph_finite", "word", "_plain_lemmas")

    def __init__(self, doc: "Doc"):
        self._plain_lemmas = None
        if not len(doc):
            for name in self.__slots__[:-1]:
                setattr(self, name, [])
            return
        import numpy
        from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        array = doc.to_array([ORTH, LOWER, POS, TAG, DEP, LEMMA, MORPH, IS_PUNCT, IS_SPACE, IS_ALPHA, IDX, HEAD])
        # column by column: tolist() of the transposed uint64 array is several times slower
        orth, lower, pos, tag, dep, lemma, morph, punct, space, alpha, idx = [array[:, c].tolist() for c in range(11)]
        # HEAD is an offset (uint64 in the array: a negative offset wraps); absolute index = i + offset
        self.head = (array[:, 11].astype("int64") + numpy.arange(len(doc), dtype="int64")).tolist()
        self.punct, self.space, self.alpha, self.idx = punct, space, alpha, idx  # 0/1 for the flags
        vocab = doc.vocab
        strings = vocab.strings
        memo = _memo(_STRINGS, vocab)
        get = memo.get

        def texts(values: list[int]) -> list[str]:
            out = [get(value) for value in values]
            if None in out:
                for k, text in enumerate(out):
                    if text is None:
                        value = values[k]
                        out[k] = memo[value] = strings[value] if value else ""
            return out

        self.text = texts(orth)
        self.lower = texts(lower)
        self.pos = texts(pos)
        self.tag = texts(tag)
        self.dep = texts(dep)
        self.lemma = texts(lemma)
        forms = _memo(_VERBFORMS, vocab)
        for value in set(morph).difference(forms):
            forms[value] = _verb_forms(strings[value] if value else "")
        flags = [forms[value] for value in morph]
        self.morph_finite = [flag[0] for flag in flags]  # "Fin" in token.morph.get("VerbForm")
        # is_finite(token) and is_participle(token) of engine/builtin/_common
        self.finite = [flag[0] or text.startswith("WW|pv") for flag, text in zip(flags, self.tag, strict=True)]
        self.participle = [flag[1] or text.startswith("WW|vd") for flag, text in zip(flags, self.tag, strict=True)]
        words = _memo(_WORDS, vocab)  # is_word depends on the text alone (punct and space are lexeme flags)
        for k in {k for k, value in enumerate(orth) if value not in words}:
            words[orth[k]] = not (punct[k] or space[k]) and any(char.isalnum() for char in self.text[k])
        self.word = [words[value] for value in orth]

    def plain_lemmas(self) -> list[str]:
        """Per token engine/builtin/_common.lemma(token): the lowercase lemma (else the text) without '_'."""
        if self._plain_lemmas is None:
            plain = _PLAIN
            if len(plain) > _LIMIT:
                plain.clear()
            out = []
            for lemma, text in zip(self.lemma, self.text, strict=True):
                key = (lemma, text) if not lemma else lemma
                value = plain.get(key)
                if value is None:
                    value = plain[key] = (lemma or text).lower().replace("_", "")
                out.append(value)
            self._plain_lemmas = out
        return self._plain_lemmas


def _verb_forms(features: str) -> tuple[bool, bool]:
    """(VerbForm has Fin, VerbForm has Part) of a FEATS string such as 'Number=Sing|VerbForm=Fin'."""
    for feature in features.split("|"):
        name, _, values = feature.partition("=")
        if name == "VerbForm":
            parts = values.split(",")
            return "Fin" in parts, "Part" in parts
    return False, False


def token_table(doc: "Doc") -> TokenTable:
    """The TokenTable of ``doc``, made on first use and kept with the Doc."""
    table = doc.user_data.get(_KEY)
    if table is None:
        table = doc.user_data[_KEY] = TokenTable(doc)
    return table
