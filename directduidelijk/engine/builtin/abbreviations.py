"""`afkorting`: an abbreviation not explained at its first use.

An abbreviation is all capitals (2-6 letters: WOZ, CJIB), capitals mixed with lower case
(KvK, DigiD), or letters with dots (o.a., t.a.v.). It is explained when the full form stands
next to it in brackets ("Centraal Justitieel Incassobureau (CJIB)" or "CJIB (Centraal ...)"),
when it is a well-known abbreviation (``bekende_afkortingen`` in rules/direct-duidelijk/
afkortingen.yaml), or when the user's vocabulary accepts it. For abbreviations listed with
their full form in that file (``afkortingen: [{afkorting, voluit}]``) the suggestion names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from directduidelijk.engine.builtin._common import sentences, setting
from directduidelijk.engine.hits import Hit, builtin
from directduidelijk.language.tokentable import token_table

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CAPS = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,5}$")
DOTTED = re.compile(r"^(?:[A-Za-z]{1,3}\.){2,5}$")
HYPHENATED = re.compile(r"^([A-Z][A-Za-z]{1,5})-[a-zà-ÿ]")
ROMAN = re.compile(r"^(?=[IVXLCDM]+$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
ALWAYS_FINE = frozenset({"OK", "TV", "CD", "DVD", "PC", "WC", "BV", "NV", "Ik"})


@lru_cache(maxsize=1)
def abbreviation_data() -> tuple[frozenset[str], dict[str, str]]:
    """(well-known abbreviations, abbreviation -> full form) from afkortingen.yaml, if present."""
    from directduidelijk.engine.loader import read_yaml_cached, rules_directory

    known: set[str] = set()
    full: dict[str, str] = {}
    for path in (rules_directory() / "direct-duidelijk" / "afkortingen.yaml",
                 Path(__file__).resolve().parents[3] / "rules" / "direct-duidelijk" / "afkortingen.yaml"):
        if not path.is_file():
            continue
        try:
            data = read_yaml_cached(path) or {}
        except Exception:  # noqa: BLE001 - the data file is optional
            continue
        for item in data.get("bekende_afkortingen") or []:
            known.add(str(item).lower())
        for item in data.get("afkortingen") or []:
            if isinstance(item, dict) and item.get("afkorting"):
                full[str(item["afkorting"]).lower()] = str(item.get("voluit") or "")
        break
    return frozenset(known), full


def abbreviation_of(token: Token) -> str | None:
    return abbreviation_in(token.text)


@lru_cache(maxsize=65536)
def abbreviation_in(text: str) -> str | None:
    """abbreviation_of for a token with this text (it depends on the text alone)."""
    match = HYPHENATED.match(text)
    if match and CAPS.match(match.group(1)):
        text = match.group(1)
    if CAPS.match(text) or DOTTED.match(text):
        if ROMAN.match(text) or text in ALWAYS_FINE:
            return None
        return text
    return None


POSTCODE_DIGITS = re.compile(r"^\d{4}$")
IBAN_START = re.compile(r"^[A-Z]{2}\d{2}$")
INITIALS = re.compile(r"^(?:[A-Z]\.){1,4}$")


def _not_an_abbreviation(token: Token) -> bool:
    """Postcode letters (1234 AB), the bank code in an IBAN (NL12 BANK 0123...), initials (P.J. Jansen)."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and POSTCODE_DIGITS.match(before.text) and len(token.text) == 2:
        return True
    if IBAN_START.match(token.text) or (before is not None and IBAN_START.match(before.text)):
        return True
    if token.text.isupper() and after is not None and after.text.isdigit() and len(after.text) >= 4 and before is not None \
            and IBAN_START.match(before.text):
        return True
    if INITIALS.match(token.text) and after is not None and after.text[:1].isupper():
        return True
    return False


def _bracketed_after(span: Span, token: Token) -> bool:
    doc = token.doc
    i = token.i + 1
    if i < len(doc) and doc[i].text == "(":
        words = [t for t in doc[i + 1:min(len(doc), i + 12)]]
        inside = []
        for t in words:
            if t.text == ")":
                break
            inside.append(t)
        return len([t for t in inside if t.is_alpha]) >= 1
    return False


def _bracketed_itself(token: Token) -> bool:
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "(" and token.i > 2


@builtin("afkorting")
def check_abbreviations(analysed, rule, context) -> Iterator[Hit]:
    known, full = abbreviation_data()
    extra_known = {str(w).lower() for w in setting(rule, "bekend", [])}
    vocabulary = {k.lower() for k in (context.vocabulary or {})}
    seen: set[str] = set()
    for sentence in sentences(analysed, rule):
        span = sentence.span
        doc = span.doc
        table = token_table(doc)
        texts, alpha = table.text, table.alpha
        words = [texts[i] for i in range(span.start, span.end) if alpha[i]]
        all_caps_sentence = len(words) > 2 and all(text.isupper() for text in words)
        for i in range(span.start, span.end):
            abbreviation = abbreviation_in(texts[i])
            if abbreviation is None or all_caps_sentence:
                continue
            token = doc[i]
            if _not_an_abbreviation(token):
                continue
            key = abbreviation.lower()
            if key in seen:
                continue
            seen.add(key)
            if key in known or key in extra_known or key in vocabulary or key.rstrip(".") in vocabulary:
                continue
            if _bracketed_after(sentence.span, token) or _bracketed_itself(token):
                continue
            voluit = full.get(key) or full.get(key.rstrip("."))
            if voluit and voluit.lower() in analysed.document.blocks[sentence.block_index].text.lower():
                continue
            suggestion = f"Schrijf de eerste keer voluit: {voluit} ({abbreviation})." if voluit else None
            start = token.idx
            yield Hit(sentence.block_index, start, start + len(abbreviation), sentence,
                      values={"tekst": abbreviation, "voluit": voluit or ""}, suggestion=suggestion)
