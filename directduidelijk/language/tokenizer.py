"""Tokenizer exceptions for what Dutch letters contain.

``customise_tokenizer(nlp)`` adjusts spaCy's tokenizer of any Dutch pipeline (our bundled model or an
installed nl_core_news_*), idempotently:

* abbreviations with dots stay one token (``bijv.``, ``o.a.``, ``d.w.z.``, ``i.p.v.``, ``art.`` ...),
  in lower case, with a capital and in capitals;
* ordinary words that spaCy's Dutch exceptions treat as abbreviations (``dat.``, ``u.``, ``al.``,
  ``pas.`` ...) are split again, so that a sentence ending in "... van u." keeps its full stop;
* ``4:8`` (article numbers), ``B&W``, ``WOZ-waarde``, e-mail addresses, URLs, amounts
  (``€ 1.250,00`` -> ``€`` ``1.250,00``; ``€1.250,-`` -> ``€`` ``1.250,-``), dates (``12-03-2025``)
  and kenmerk numbers (``2025/12345``, ``ZK-2025-0012``) stay whole, also at the end of a sentence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.symbols import ORTH


# Abbreviations as written in letters and decisions (lower-case form; capitalised forms are added).
ABBREVIATIONS: tuple[str, ...] = (
    "a.s.", "aanv.", "afd.", "alg.", "ald.", "art.", "arr.", "bijv.", "bijl.", "blz.", "b.v.", "bv.",
    "bijz.", "ca.", "cf.", "d.d.", "d.m.v.", "d.w.z.", "dhr.", "dr.", "drs.", "e.a.", "e.d.", "e.e.a.",
    "e.v.", "enz.", "etc.", "evt.", "excl.", "fa.", "fam.", "fig.", "geb.", "gem.", "ing.", "ir.",
    "i.c.", "i.c.m.", "i.h.a.", "i.o.m.", "i.p.v.", "i.s.m.", "i.v.m.", "i.z.", "incl.", "jl.", "jhr.",
    "lid.", "m.a.w.", "m.b.t.", "m.i.v.", "m.u.v.", "max.", "mevr.", "mr.", "mln.", "mld.", "mrd.",
    "n.a.v.", "n.v.t.", "nl.", "nr.", "nrs.", "o.a.", "o.b.v.", "o.i.d.", "o.l.v.", "o.m.", "o.v.v.",
    "ong.", "p.", "p.a.", "p.m.", "p.p.", "pag.", "prof.", "r.k.", "resp.", "sr.", "jr.", "st.",
    "str.", "t.a.v.", "t.b.v.", "t.g.v.", "t.o.v.", "t.w.", "t.z.t.", "tel.", "tgv.", "tlv.", "v.",
    "v.a.", "v.b.", "v.d.", "vgl.", "vnl.", "vlg.", "vs.", "vz.", "w.o.", "z.g.", "z.g.a.n.", "z.o.z.",
    "z.s.m.", "zgn.", "zg.", "zo.",
)

# Ordinary words that spaCy's Dutch exception list keeps together with a following dot.
NOT_ABBREVIATIONS: tuple[str, ...] = (
    "dat.", "Dat.", "al.", "Al.", "kon.", "pas.", "Pas.", "hand.", "top.", "me.", "ver.", "vol.",
    "best.", "u.", "U.", "min.", "pers.", "Belg.", "VS.", "3e.", "Tom.", "Sir.", "Max.", "lid.", "zo.",
    "Zo.", "st.",
)

# Tokens that must stay whole (and lose a trailing sentence full stop rather than split inside).
_WHOLE = [
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",                      # e-mail address
    r"\d{1,3}(?:\.\d{3})+(?:,(?:\d{2}|-{1,2}))?",          # 1.250,00  1.250,-
    r"\d+,(?:\d{2}|-{1,2})",                               # 12,50  12,-
    r"\d{1,2}-\d{1,2}-\d{2,4}",                            # 12-03-2025
    r"\d+:\d+[a-z]?",                                      # 4:8  (artikel 4:8 Awb)
    r"\d{4}/\d+(?:[-/]\d+)*",                              # 2025/12345
    r"[A-Z]{1,6}(?:-[A-Z0-9]+)*-\d[\d-]*[A-Z0-9]*",        # ZK-2025-0012
    r"[A-Z]{2,}-[a-zé]+(?:-[a-zé]+)*",                     # WOZ-waarde, AOW-uitkering
    r"[A-Z]&[A-Z]",                                        # B&W
]
_WHOLE_RE = re.compile(r"^(?:" + "|".join(_WHOLE) + r")$")


def _variants(abbr: str) -> set[str]:
    return {abbr, abbr[0].upper() + abbr[1:], abbr.upper()}


def _combined_token_match(previous):
    """One compiled regex (so spaCy can save it with a model): ours, or-ed with an existing token_match."""
    pattern = _WHOLE_RE.pattern
    if previous is not None:
        previous_pattern = getattr(getattr(previous, "__self__", None), "pattern", None)
        if previous_pattern is None:
            return None  # an arbitrary function: combine in Python below
        if previous_pattern == pattern:
            return previous
        pattern = f"(?:{pattern})|(?:{previous_pattern})"
    return re.compile(pattern).match


def customise_tokenizer(nlp: Language) -> Language:
    """Apply the letter exceptions to ``nlp.tokenizer``; calling it again changes nothing.

    Only special cases are added (an ordinary word such as ``dat.`` gets a special case that splits
    off the dot, which undoes spaCy's exception): that is cheap, unlike replacing ``tokenizer.rules``.
    """
    tokenizer = nlp.tokenizer
    rules = tokenizer.rules or {}
    wanted: dict[str, list[dict]] = {}
    for key in NOT_ABBREVIATIONS:
        if key in rules and key not in ABBREVIATIONS:
            wanted[key] = [{ORTH: key[:-1]}, {ORTH: "."}]
    for abbr in ABBREVIATIONS:
        for form in _variants(abbr):
            wanted[form] = [{ORTH: form}]
    for form in ("B&W", "b&w"):
        wanted[form] = [{ORTH: form}]
        wanted[form + "."] = [{ORTH: form}, {ORTH: "."}]
        wanted[form + ","] = [{ORTH: form}, {ORTH: ","}]
    for key, value in wanted.items():
        if rules.get(key) != value:
            tokenizer.add_special_case(key, value)

    previous = tokenizer.token_match
    combined = _combined_token_match(previous)
    if combined is None:
        def combined(text: str, _previous=previous):
            return _WHOLE_RE.match(text) or _previous(text)
    if combined is not previous:
        tokenizer.token_match = combined
    return nlp
