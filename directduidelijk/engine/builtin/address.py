"""`aanspreekvorm`: the reader addressed as u and as je/jij in one document; and `men`.

The form used most is the document's choice; every use of the other form is a finding.
Generic "je" ("dan weet je het") counts as je too: it still mixes the tone.
`men` (and "de aanvrager" where the letter speaks to the reader) gets a suggestion to address
the reader directly; not "u als aanvrager", which does address the reader.
Words between quotation marks do not count: a quoted example ("Schrijf: ‘U krijgt een boete.’")
is not the document's own way of addressing the reader.
"""

from __future__ import annotations

from collections.abc import Iterator

from directduidelijk.engine.builtin._common import sentences
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.engine.kinds import quoted_tokens
from directduidelijk.findings import Severity
from directduidelijk.language.tokentable import token_table

FORMAL = frozenset({"u", "uw", "uzelf", "uwe"})
INFORMAL = frozenset({"je", "jij", "jou", "jouw", "jezelf", "jullie", "jouwe"})
THIRD_PERSON_READER = frozenset({"aanvrager", "belanghebbende", "verzoeker", "indiener", "bezwaarmaker",
                                 "geadresseerde", "ondergetekende"})
_CANDIDATES = FORMAL | INFORMAL | THIRD_PERSON_READER | {"men"}


def _form(token) -> str | None:
    word = token.lower_
    if word in FORMAL:
        return "u"
    if word in INFORMAL:
        return "je"
    return None


def _is_men(token) -> bool:
    return token.lower_ == "men" and (token.pos_ in ("PRON", "PROPN", "NOUN", "X", "SYM", "")
                                      or token.dep_.startswith("nsubj"))


@builtin("aanspreekvorm")
def check_address(analysed, rule, context) -> Iterator[Hit]:
    uses: dict[str, list] = {"u": [], "je": []}
    others = []
    quoted: dict[int, frozenset[int]] = {}
    for sentence in sentences(analysed, rule):
        doc = sentence.span.doc
        if id(doc) not in quoted:
            quoted[id(doc)] = quoted_tokens(doc)
        inside = quoted[id(doc)]
        lower = token_table(doc).lower
        span = sentence.span
        # only these words can be a finding: a Token for them alone
        for token in [doc[i] for i in range(span.start, span.end) if lower[i] in _CANDIDATES]:
            if token.i in inside:
                continue
            form = _form(token)
            if form:
                uses[form].append((sentence, token))
            elif _is_men(token):
                others.append((sentence, token, "men"))
            elif (token.lower_ in THIRD_PERSON_READER and token.pos_ == "NOUN"
                  and not (token.i > 0 and doc[token.i - 1].lower_ == "als")):  # "u als aanvrager"
                others.append((sentence, token, "lezer"))
    if uses["u"] and uses["je"]:
        first_u = uses["u"][0][1]
        first_je = uses["je"][0][1]
        if len(uses["u"]) != len(uses["je"]):
            majority = "u" if len(uses["u"]) > len(uses["je"]) else "je"
        else:
            first = min((uses["u"][0][0].block_index, first_u.i), (uses["je"][0][0].block_index, first_je.i))
            majority = "u" if first == (uses["u"][0][0].block_index, first_u.i) else "je"
        minority = "je" if majority == "u" else "u"
        for sentence, token in uses[minority]:
            yield Hit(sentence.block_index, token.idx, token.idx + len(token.text), sentence,
                      values={"tekst": token.text, "vorm": majority, "andere": minority,
                              "meestal": "u/uw" if majority == "u" else "je/jij/jouw",
                              "uitleg": f"de tekst spreekt de lezer meestal aan met "
                                        f"'{'u' if majority == 'u' else 'je'}'."})
    addressed = bool(uses["u"] or uses["je"])
    for sentence, token, kind in others:
        if kind == "lezer" and not addressed:
            continue
        yield Hit(sentence.block_index, token.idx, token.idx + len(token.text), sentence,
                  values={"tekst": token.text, "vorm": "u",
                          "uitleg": "zo praat de tekst over de lezer, niet tegen de lezer." if kind == "lezer"
                          else "met 'men' spreekt u de lezer niet direct aan."},
                  severity=Severity.SUGGESTION,
                  suggestion="Spreek de lezer direct aan: schrijf 'u' (of 'wij' als u de organisatie bedoelt).")
