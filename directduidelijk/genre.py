"""What kind of document is this: a letter, a bestuursvoorstel, a raadsvoorstel, or something else.

Detection looks only at the Document (blocks and their kinds), so it works the same for every
file format and needs no language model:

- a letter has an aanhef ("Geachte ...", "Beste ..."), an afsluiting and a signature, an address
  block with a postcode, "Ons kenmerk" / "Uw brief van" lines;
- a proposal has the sections of a proposal template as headings (Beslispunten, Aanleiding,
  Argumenten, Kanttekeningen, Financiën, Communicatie, Vervolg, ...), says "Raadsvoorstel",
  "Aan de gemeenteraad", "Collegevoorstel", "Het college besluit", and names a portefeuillehouder.

The genre can be forced: ``--genre``, the setting ``genre = "brief"``, or a line in the document
``<!-- directduidelijk: genre=bestuursvoorstel -->``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from directduidelijk.document import BlockKind, Document
from directduidelijk.profiles import config_value, role_of

GENRES = ("brief", "bestuursvoorstel", "raadsvoorstel", "anders")
# Also accepted when forcing a genre.
GENRE_ALIASES = {
    "brief": "brief", "letter": "brief", "raadsinformatiebrief": "brief",
    "bestuursvoorstel": "bestuursvoorstel", "collegevoorstel": "bestuursvoorstel",
    "b-en-w-voorstel": "bestuursvoorstel", "voorstel": "bestuursvoorstel",
    "raadsvoorstel": "raadsvoorstel", "anders": "anders", "overig": "anders",
}


@dataclass(slots=True)
class Genre:
    name: str  # brief | bestuursvoorstel | raadsvoorstel | anders
    confidence: float  # 0..1
    reasons: list[str] = field(default_factory=list)  # Dutch, short
    forced: bool = False

    @property
    def is_letter(self) -> bool:
        return self.name == "brief"

    @property
    def is_proposal(self) -> bool:
        return self.name in ("bestuursvoorstel", "raadsvoorstel")

    def __str__(self) -> str:
        return self.name


class GenreError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def parse_genre(value: str) -> str:
    key = str(value).strip().lower()
    if key not in GENRE_ALIASES:
        raise GenreError(f"Onbekend genre '{value}'. Kies uit: {', '.join(GENRES)}.")
    return GENRE_ALIASES[key]


# --------------------------------------------------------------------------- wording signals

_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")
_LETTER_LINES = re.compile(
    r"^\s*(ons\s+kenmerk|uw\s+kenmerk|uw\s+brief\s+(van|d\.?d\.?)|uw\s+(e-?mail|aanvraag)\s+van|"
    r"kenmerk|zaaknummer|dossiernummer|aanslagnummer|klantnummer|bijlage\(?n?\)?|doorkiesnummer|"
    r"behandeld\s+door|contactpersoon|verzenddatum)\s*:?",
    re.IGNORECASE,
)
_SUBJECT_LINE = re.compile(r"^\s*(betreft|onderwerp)\s*:", re.IGNORECASE)
_RAAD_TITLE = re.compile(r"^\s*(raadsvoorstel|voorstel\s+aan\s+de\s+(gemeente)?raad|ontwerp-?raadsbesluit)\b",
                         re.IGNORECASE)
_COLLEGE_TITLE = re.compile(
    r"^\s*(collegevoorstel|bestuursvoorstel|b\s?(&|en)\s?w[- ]?(voorstel|advies|nota)|collegeadvies|"
    r"adviesnota|voorstel\s+aan\s+(het\s+college|burgemeester\s+en\s+wethouders))\b",
    re.IGNORECASE,
)
_RAAD_WORDS = re.compile(
    r"\b(aan\s+de\s+(gemeente)?raad|de\s+raad\s+besluit|raadsvergadering|raadsbesluit|"
    r"commissie\s+(bestuur|ruimte|samenleving|middelen)|besluitvormende\s+vergadering|"
    r"de\s+gemeenteraad\s+(besluit|wordt\s+voorgesteld)|beslispunten\s+raad|raadsvoorstel)\b",
    re.IGNORECASE,
)
_COLLEGE_WORDS = re.compile(
    r"\b(het\s+college\s+besluit|aan\s+het\s+college|collegevergadering|collegebesluit|"
    r"b\s?(&|en)\s?w[- ]?vergadering|besluit\s+(van\s+)?b\s?(&|en)\s?w|collegevoorstel|bestuursvoorstel)\b",
    re.IGNORECASE,
)
_PROPOSAL_META = re.compile(
    r"^\s*(portefeuillehouder|steller|opsteller|afdeling|team|registratienummer|zaaknummer|"
    r"agendapunt|datum\s+(vergadering|collegevergadering|raadsvergadering|b\s?(&|en)\s?w)|vergaderdatum|"
    r"programma|geheim|openbaar|behandeling)\s*:",
    re.IGNORECASE,
)
_DIRECTIVE = re.compile(r"\bgenre\s*[=:]\s*([\w-]+)", re.IGNORECASE)

# Roles that a proposal heading names; beslispunten and kanttekeningen weigh more.
_ROLE_WEIGHTS = {"beslispunten": 2.0, "kanttekeningen": 1.5, "argumenten": 1.5, "financien": 1.0,
                 "aanleiding": 1.0, "communicatie": 1.0, "vervolg": 1.0, "samenvatting": 0.5,
                 "doel": 1.0, "alternatieven": 1.0, "juridisch": 1.0, "participatie": 0.5,
                 "duurzaamheid": 0.5, "bijlagen": 0.0}


def heading_like(block) -> bool:
    """A heading, or a short paragraph that stands alone like one ("Beslispunten:", "3. Argumenten")."""
    if block.kind == BlockKind.HEADING:
        return True
    if block.kind != BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    return bool(text) and len(text.split()) <= 7 and text[-1] not in ".,;!?" and len(text) <= 70


def _document_of(item: Any) -> Document:
    return item if isinstance(item, Document) else item.document


def forced_genre(document: Document, config: Any = None) -> str | None:
    """A genre set in the document (directive) or in the configuration / --genre."""
    for _line, text in document.directives:
        match = _DIRECTIVE.search(text)
        if match and match.group(1).lower() in GENRE_ALIASES:
            return GENRE_ALIASES[match.group(1).lower()]
    value = config_value(config, "genre")
    if value and str(value).lower() not in ("auto", "automatisch"):
        return parse_genre(value)
    return None


def detect_genre(item: Any, config: Any = None, forced: str | None = None) -> Genre:
    """The genre of a Document or AnalysedDocument, with the reasons (in Dutch)."""
    document = _document_of(item)
    forced = parse_genre(forced) if forced else forced_genre(document, config)
    if forced:
        return Genre(forced, 1.0, ["genre opgegeven"], forced=True)

    letter = 0.0
    proposal = 0.0
    raad = 0.0
    college = 0.0
    letter_reasons: list[str] = []
    proposal_reasons: list[str] = []
    roles_seen: set[str] = set()
    blocks = [b for b in document.blocks if b.text.strip()]

    kinds = {b.kind for b in blocks}
    aanhef = next((b for b in blocks if b.kind == BlockKind.AANHEF), None)  # labelled by the readers
    if aanhef is not None:
        weight = 3.0
        if re.match(r"\s*(geachte?|beste)\s+(leden\s+van\s+de\s+(gemeente)?raad|raadsleden|raad|college)", aanhef.text,
                    re.IGNORECASE):
            weight = 3.0  # a letter to the council is still a letter
        letter += weight
        letter_reasons.append(f"aanhef '{aanhef.text.strip()[:40]}'")
    if BlockKind.AFSLUITING in kinds:
        letter += 2.0
        letter_reasons.append("afsluiting")
    if BlockKind.SIGNATURE in kinds:
        letter += 0.5
    head = blocks[:12]
    if any(_POSTCODE.search(b.text) for b in head):
        letter += 1.0
        letter_reasons.append("adres met postcode")
    if any(_LETTER_LINES.match(b.text) for b in head):
        letter += 1.0
        letter_reasons.append("kenmerkregel")

    for index, block in enumerate(blocks):
        text = block.text.strip()
        if index < 8 and _RAAD_TITLE.match(text):
            raad += 4
            proposal += 3
            proposal_reasons.append(f"'{text[:30]}'")
        elif index < 8 and _COLLEGE_TITLE.match(text):
            college += 4
            proposal += 3
            proposal_reasons.append(f"'{text[:30]}'")
        if block.kind in (BlockKind.PAGE_HEADER, BlockKind.PAGE_FOOTER):
            continue
        if _PROPOSAL_META.match(text):
            proposal += 0.75
            if re.match(r"\s*portefeuillehouder", text, re.IGNORECASE):
                proposal_reasons.append("portefeuillehouder")
        raad += len(_RAAD_WORDS.findall(text))
        college += len(_COLLEGE_WORDS.findall(text))
        if heading_like(block):
            role = role_of(text.rstrip(":"))
            if role and role not in roles_seen:
                roles_seen.add(role)
                proposal += _ROLE_WEIGHTS.get(role, 0.5)
    if roles_seen:
        proposal_reasons.append("koppen: " + ", ".join(sorted(roles_seen)))
    # Words alone ("aan de raad") are weak, the sections and titles carry the decision.
    proposal += min(raad + college, 3.0) * 0.5
    # A letter may have a heading or two that happen to be section names ("Vervolg").
    if letter >= 5 and len(roles_seen) <= 2 and not (raad >= 4 or college >= 4):
        proposal = min(proposal, 2.0)

    if proposal >= 3 and proposal > letter:
        name = "raadsvoorstel" if raad > college else "bestuursvoorstel"
        margin = proposal - letter
        reasons = proposal_reasons + ([f"{int(raad)}× de raad"] if raad else []) + (
            [f"{int(college)}× het college"] if college else [])
    elif letter >= 3:
        name, margin, reasons = "brief", letter - proposal, letter_reasons
    elif proposal >= 2 and proposal > letter:
        name = "raadsvoorstel" if raad > college else "bestuursvoorstel"
        margin, reasons = (proposal - letter) / 2, proposal_reasons
    elif letter >= 2:
        name, margin, reasons = "brief", (letter - proposal) / 2, letter_reasons
    else:
        name, margin, reasons = "anders", 1.0 - max(letter, proposal) / 3, ["geen aanhef en geen voorstelkoppen"]
    confidence = round(max(0.3, min(0.99, 0.5 + 0.08 * margin)), 2)
    return Genre(name, confidence, reasons[:6])


# ------------------------------------------------------------------------ per-document memory
# check_inputs determines the genre once (with the configuration) before the engine runs;
# the structure rules then read it back. One entry is enough: documents are checked one by one.

_CURRENT: list = [None, None, None]  # [document, config, genre]


def prepare(item: Any, config: Any = None) -> Genre:
    """Detect (or read the forced) genre and remember it, with the config, for this document."""
    document = _document_of(item)
    genre = detect_genre(document, config)
    _CURRENT[:] = [document, config, genre]
    return genre


def genre_for(item: Any) -> Genre:
    """The genre prepared for this document, or a fresh detection without configuration."""
    if getattr(item, "genre", None) is not None:
        return item.genre
    document = _document_of(item)
    if _CURRENT[0] is document:
        return _CURRENT[2]
    return detect_genre(document)


def config_for(item: Any) -> Any:
    if getattr(item, "genre", None) is not None:
        return getattr(item, "config", None)
    document = _document_of(item)
    return _CURRENT[1] if _CURRENT[0] is document else None


def prepare_for_engine(analysed: Any, engine: Any) -> Genre:
    """``prepare`` with the engine's configuration for this document's path (per-bestand applies)."""
    config = getattr(engine, "config", None)
    document = _document_of(analysed)
    if config is not None and hasattr(config, "for_path"):
        try:
            config = config.for_path(document.path)
        except Exception:  # noqa: BLE001 - a path the config cannot place: use the main config
            pass
    try:
        genre = prepare(document, config)
        _remember(analysed, genre, config)
        return genre
    except Exception as error:  # noqa: BLE001 - a bad genre/profile setting must not stop the check
        message = getattr(error, "message", None) or str(error)
        if message not in document.warnings:
            document.warnings.append(message)
        genre = detect_genre(document)
        _CURRENT[:] = [document, None, genre]
        _remember(analysed, genre, None)
        return genre


def _remember(analysed: Any, genre: Genre, config: Any) -> None:
    """Keep genre and configuration on the analysed document itself (safe with threads)."""
    if hasattr(analysed, "genre"):
        analysed.genre = genre
        analysed.config = config
