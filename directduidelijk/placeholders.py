"""Template placeholders are not words to judge.

Standard letters are templates: ``{{ naam }}``, ``[NAAM]``, ``[naam invullen]``,
``«Veld»`` (Word MERGEFIELD results, as the .docx reader shows them) and ``<<datum>>``.
Left as they are, the parser sees brackets, capitals that look like abbreviations and
long snake_case "words"; rules would flag them as hard words or odd sentences.

``mask_placeholders`` replaces each placeholder by a neutral, capitalised pseudo-name
of exactly the same length ("Naam", padded with lowercase letters: "Naamaaaa"), so every
character offset stays valid and the parser treats it as a name (PROPN).

Not placeholders: single braces ``{naam}``, ``<naam>``, ``$NAAM$``, Markdown links
``[tekst](adres)``, references ``[1]`` and lowercase text in brackets like ``[sic]``.
"""

from __future__ import annotations

import re

# Words that make a lowercase text in square brackets a placeholder: [naam invullen], [datum].
FILL_WORDS = (
    "invullen", "invoegen", "in te vullen", "aanvullen", "naam", "voornaam", "achternaam", "datum",
    "adres", "postcode", "woonplaats", "plaats", "bedrag", "kenmerk", "nummer", "dossiernummer",
    "zaaknummer", "bsn", "telefoonnummer", "e-mailadres", "aanhef", "functie", "afdeling",
    "handtekening", "ondertekenaar", "termijn", "jaar", "maand", "veld",
)

_BRACKET_BODY = r"[^\[\]\n]{1,80}"
PLACEHOLDER = re.compile(
    r"\{\{[^{}\n]{0,100}\}\}"          # {{ naam }}, {{aanvrager.naam}}
    r"|«[^«»\n]{1,100}»"               # «Veld» (Word MERGEFIELD)
    r"|<<[^<>\n]{1,100}>>"             # <<datum>>
    rf"|\[\[(?P<double>{_BRACKET_BODY})\]\]"    # [[NAAM]]
    rf"|\[(?P<square>{_BRACKET_BODY})\](?![(\[:])"  # [NAAM], [naam invullen]; not [tekst](url) or [ref]: url
)

_UPPER_BODY = re.compile(r"[A-ZÀ-Þ0-9_ .\-/&']+")
_SNAKE = re.compile(r"[a-zà-ÿ0-9]+(?:_[a-zà-ÿ0-9]+)+")

PSEUDO_NAME = "Naam"


def _is_square_placeholder(body: str) -> bool:
    stripped = body.strip()
    if not stripped:
        return False
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 2 and _UPPER_BODY.fullmatch(stripped) and not stripped.replace(" ", "").isdigit():
        return True  # [NAAM], [DATUM BRIEF], [KENMERK_2]
    if _SNAKE.fullmatch(stripped):
        return True  # [naam_aanvrager]
    lowered = stripped.lower()
    words = re.findall(r"[\w-]+", lowered)
    return any(word in FILL_WORDS for word in words) or any(
        phrase in lowered for phrase in FILL_WORDS if " " in phrase)


def pseudo_name(length: int) -> str:
    """A capitalised name of exactly ``length`` characters ("Naam", "Naamaaa"; "Na" for 2)."""
    if length <= len(PSEUDO_NAME):
        return PSEUDO_NAME[:length]
    return PSEUDO_NAME + "a" * (length - len(PSEUDO_NAME))


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the placeholders in ``text``, left to right, never overlapping."""
    spans = []
    for match in PLACEHOLDER.finditer(text):
        square = match.group("square") or match.group("double")
        if square is not None and not _is_square_placeholder(square):
            continue
        spans.append(match.span())
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def mask_placeholders(text: str, extra: list[tuple[int, int]] | tuple = ()) -> str:
    """``text`` with every placeholder replaced by a pseudo-name of the same length.

    ``extra`` are more spans to mask the same way (inline code in Markdown: `json`).
    The result has exactly the same length, so offsets into it are offsets into ``text``.
    A placeholder of one character cannot occur (the shortest is three: ``[X]`` is not one,
    ``«V»`` is); anything shorter than two characters would be kept as it is.
    """
    if not text:
        return text
    spans = find_placeholders(text)
    if extra:
        spans = _merge([*spans, *((s, e) for s, e in extra if 0 <= s < e <= len(text))])
    if not spans:
        return text
    parts = []
    position = 0
    for start, end in spans:
        length = end - start
        parts.append(text[position:start])
        parts.append(pseudo_name(length) if length >= 2 else text[start:end])
        position = end
    parts.append(text[position:])
    masked = "".join(parts)
    assert len(masked) == len(text)
    return masked
