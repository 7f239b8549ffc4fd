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

# hash -> string, shared by all Docs of a process (the same vocab in practice; keyed by vocab id too).
_STRINGS: dict[tuple[int, int], str] = {}
# MORPH hash -> (has VerbForm=Fin, has VerbForm=Part)
_VERBFORMS: dict[tuple[int, int], tuple[bool, bool]] = {}
_LIMIT = 200_000


class TokenTable:
    __slots__ = ("text", "lower", "pos", "tag", "dep", "lemma", "head", "punct", "space", "alpha", "idx",
                 "finite", "participle", "morph_finite", "word", "_plain_lemmas")

    def __init__(self, doc: "Doc"):
        self._plain_lemmas = None
        if not len(doc):
            for name in self.__slots__[:-1]:
                setattr(self, name, [])
            return
        from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        array = doc.to_array([ORTH, LOWER, POS, TAG, DEP, LEMMA, MORPH, IS_PUNCT, IS_SPACE, IS_ALPHA, IDX, HEAD])
        orth, lower, pos, tag, dep, lemma, morph = array[:, :7].T.tolist()
        self.punct = [bool(v) for v in array[:, 7].tolist()]
        self.space = [bool(v) for v in array[:, 8].tolist()]
        self.alpha = [bool(v) for v in array[:, 9].tolist()]
        self.idx = array[:, 10].tolist()
        relative = array[:, 11].astype("int64").tolist()  # uint64 in the array: wraps to negative offsets
        self.head = [i + offset for i, offset in enumerate(relative)]
        strings = doc.vocab.strings
        vocab_id = id(doc.vocab)
        memo = _STRINGS
        if len(memo) > _LIMIT:
            memo.clear()

        def texts(values: list[int]) -> list[str]:
            out = []
            for value in values:
                key = (vocab_id, value)
                text = memo.get(key)
                if text is None:
                    text = memo[key] = strings[value] if value else ""
                out.append(text)
            return out

        self.text = texts(orth)
        self.lower = texts(lower)
        self.pos = texts(pos)
        self.tag = texts(tag)
        self.dep = texts(dep)
        self.lemma = texts(lemma)
        forms = _VERBFORMS
        if len(forms) > _LIMIT:
            forms.clear()
        finite, participle, morph_finite = [], [], []
        for value, tag_text in zip(morph, self.tag, strict=True):
            key = (vocab_id, value)
            flags = forms.get(key)
            if flags is None:
                flags = forms[key] = _verb_forms(strings[value] if value else "")
            morph_finite.append(flags[0])
            finite.append(flags[0] or tag_text.startswith("WW|pv"))
            participle.append(flags[1] or tag_text.startswith("WW|vd"))
        self.finite = finite  # is_finite(token): VerbForm=Fin or a CGN finite-verb tag
        self.participle = participle  # is_participle(token)
        self.morph_finite = morph_finite  # "Fin" in token.morph.get("VerbForm")
        self.word = [not (p or s) and any(char.isalnum() for char in t)
                     for p, s, t in zip(self.punct, self.space, self.text, strict=True)]


    def plain_lemmas(self) -> list[str]:
        """Per token engine/builtin/_common.lemma(token): the lowercase lemma (else the text) without '_'."""
        if self._plain_lemmas is None:
            self._plain_lemmas = [(lemma or text).lower().replace("_", "")
                                  for lemma, text in zip(self.lemma, self.text, strict=True)]
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
