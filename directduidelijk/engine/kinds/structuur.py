"""The `structuur` rule kind: checks on the build of a letter or a proposal.

A rule of this kind names its check in ``controle`` (default: the rule id) and may limit it
to genres with ``genres: [brief]``. Thresholds come, from low to high priority, from the
defaults below, the document's profile (``rules/profielen/*.yaml``, ``structuur:``), the rule's
``instellingen`` and the configuration.

Most of the work is done on the Document (block kinds, headings, word counts), so the checks
work the same for every file format; sentences come from the analysis when it is there.

The module has the engine's kind interface (``requires``, ``compile``, ``run(rule, compiled,
state)``), so the wiring is one entry in ``kind_module`` of engine/kinds/__init__.py::

    "structuur": importlib.import_module("directduidelijk.engine.kinds.structuur"),

``check_document(analysed, rule, context, config=...)`` runs one rule directly. Without a
config, the genre and configuration prepared by ``directduidelijk.genre.prepare`` (called in
``check_inputs``) are used. Every check is also registered in BUILTIN_CHECKS under its own
name, so a rule with ``soort: ingebouwd`` / ``controle: secties`` works too.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from directduidelijk.document import BODY_KINDS, FURNITURE_KINDS, Block, BlockKind, Document
from directduidelijk.engine.hits import Hit
from directduidelijk.findings import Severity
from directduidelijk.genre import Genre, config_for, detect_genre, genre_for, heading_like
from directduidelijk.profiles import (
    HouseStyle,
    Profile,
    best_house_style,
    configured_house_style,
    normalise,
    role_of,
    select_profile,
)

LETTER = ("brief",)
PROPOSALS = ("bestuursvoorstel", "raadsvoorstel")
ALL = ("brief", "bestuursvoorstel", "raadsvoorstel", "anders")

# Defaults per check; a profile or the configuration may change each of them.
DEFAULTS: dict[str, dict[str, Any]] = {
    "kernboodschap": {},
    "actie-en-termijn": {"lange-zin": 20, "max-meldingen": 3},
    "contactgegevens": {},
    "aanhef-afsluiting": {"aanspreekvorm": None},
    "juridische-verwijzing": {"max-meldingen": 5},
    "secties": {},
    "beslispunten": {"genummerd": True},
    "samenvatting-lengte": {"max-woorden": 150},
    "kanttekeningen": {},
    "sectie-lengte": {"factor": 3.0, "min-woorden": 400},
    "tussenkopjes": {"min-woorden": 400, "max-woorden-zonder-kop": 0},
    "kop-lengte": {"max-woorden": 8, "max-woorden-vraag": 10, "max-woorden-titel": 12, "algemene-koppen": [
        "algemeen", "overig", "overige", "overige zaken", "overige punten", "inleiding", "diversen", "varia",
        "toelichting", "informatie", "tekst", "opmerkingen", "bijzonderheden", "punt", "onderwerp"]},
    "document-lengte": {"max-woorden": None},
}
DEFAULT_GENRES: dict[str, tuple[str, ...]] = {
    "kernboodschap": LETTER, "actie-en-termijn": LETTER, "contactgegevens": LETTER,
    "aanhef-afsluiting": LETTER, "juridische-verwijzing": LETTER,
    "secties": PROPOSALS, "beslispunten": PROPOSALS, "samenvatting-lengte": PROPOSALS,
    "kanttekeningen": PROPOSALS, "sectie-lengte": PROPOSALS,
    "tussenkopjes": ALL, "kop-lengte": ALL, "document-lengte": ALL,
}

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=4096)
def count_words(text: str) -> int:
    # Cached: several structure rules count the same block texts.
    return sum(1 for word in _WORD.findall(text) if word.isdigit() or any(c.isalpha() for c in word))


# ------------------------------------------------------------------------------ the view


@dataclass(slots=True)
class DocSection:
    """A stretch of the document under one heading (top-level section)."""

    heading: int  # block index of the heading
    title: str
    role: str | None
    template_index: int | None  # position in the house template, when it matches
    blocks: list[int] = field(default_factory=list)  # body blocks (incl. sub-headings)
    words: int = 0


@dataclass(slots=True)
class View:
    analysed: Any
    document: Document
    genre: Genre
    profile: Profile
    config: Any
    house_style: HouseStyle | None = None
    sections: list[DocSection] = field(default_factory=list)
    heading_blocks: list[int] = field(default_factory=list)  # real headings and section-name lines
    body_words: int = 0
    _sentences: dict | None = None

    @property
    def blocks(self) -> list[Block]:
        return self.document.blocks

    def sentences(self, block_index: int) -> list[tuple[int, int, str]]:
        """(start, end, text) of the sentences of a block: from the analysis, else by punctuation."""
        by_block = getattr(self.analysed, "sentences", None)
        if by_block:
            if self._sentences is None:
                # The analysis already split every block once; doc.sents would split it again.
                self._sentences = {}
                for sentence in by_block:
                    self._sentences.setdefault(sentence.block_index, []).append(
                        (sentence.start, sentence.end, sentence.text))
            if block_index in self._sentences:
                return self._sentences[block_index]
        return split_sentences(self.blocks[block_index].text)

    def section_with_role(self, role: str) -> DocSection | None:
        return next((s for s in self.sections if s.role == role), None)


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[A-Z0-9\"'“‘(€ÀÉÖÜ])")


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    result = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start:match.start()].strip()
        if piece and not re.search(r"\b(bijv|o\.a|d\.d|t\.a\.v|nr|art|mr|drs|dr|ir|ing|mw|dhr|jl|z\.s\.m|m\.b\.t)\.$",
                                   piece, re.IGNORECASE):
            result.append((start, start + len(text[start:match.start()].rstrip()), piece))
            start = match.end()
    if text[start:].strip():
        result.append((start, len(text.rstrip()), text[start:].strip()))
    return result


_VIEW_CACHE: list = [None, None, None]  # [document, config, view]


def build_view(analysed: Any, config: Any = None) -> View:
    """The document's sections and genre, built once per analysed document and kept on it."""
    document = analysed if isinstance(analysed, Document) else analysed.document
    owner = analysed if not isinstance(analysed, Document) else document
    if config is None:
        config = config_for(owner)
    cached = getattr(analysed, "structure_view", None)
    if cached is None and _VIEW_CACHE[0] is document and _VIEW_CACHE[1] is config:
        cached = _VIEW_CACHE[2]  # a bare Document (tests, examples) has no slot of its own
    if cached is not None and cached.config is config:
        cached.analysed = analysed
        return cached
    genre = genre_for(owner) if config_for(owner) is config else detect_genre(document, config)
    profile = select_profile(genre.name, config)
    view = View(analysed, document, genre, profile, config)
    _find_sections(view)
    if hasattr(analysed, "structure_view"):
        analysed.structure_view = view
    else:
        _VIEW_CACHE[:] = [document, config, view]
    return view


def _find_sections(view: View) -> None:
    blocks = view.blocks
    view.body_words = sum(count_words(b.text) for b in blocks if b.kind in BODY_KINDS)
    candidates: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind == BlockKind.HEADING:
            candidates.append(index)
        elif heading_like(block) and (role_of(block.text.rstrip(":")) is not None):
            candidates.append(index)
    style = None
    if view.genre.is_proposal:
        style = configured_house_style(view.config)
        if style is None:
            titles = [blocks[i].text.rstrip(":") for i in candidates]
            text = " ".join(b.text for b in blocks[:40])
            style = best_house_style(titles, text, view.config, view.genre.name)
    view.house_style = style
    # Headings that name a section only count when they are real headings or name a known section.
    extra_roles = {}
    if style:
        for section in style.sections:
            if section.role:
                extra_roles.setdefault(section.role, ())
                extra_roles[section.role] += (section.name, *section.synonyms)
    for index, block in enumerate(blocks):
        if index in candidates or not heading_like(block) or block.kind != BlockKind.PARAGRAPH:
            continue
        if style and style.section_for(block.text.rstrip(":")) is not None:
            candidates.append(index)
    candidates.sort()
    view.heading_blocks = candidates

    # Top-level sections: headings at the level where section names are; deeper ones are sub-headings.
    def info(index: int) -> tuple[str | None, int | None]:
        title = blocks[index].text.strip().rstrip(":")
        if style:
            for number, section in enumerate(style.sections):
                if section.matches(title):
                    return section.role, number
            section = style.section_for(title)
            if section is not None:
                return section.role, style.sections.index(section)
        return role_of(title, extra_roles), None

    infos = {i: info(i) for i in candidates}
    known_levels = [blocks[i].level or 0 for i in candidates if infos[i][0] or infos[i][1] is not None]
    section_level = min(known_levels) if known_levels else None
    sections: list[DocSection] = []
    current: DocSection | None = None
    for index, block in enumerate(blocks):
        if index in infos:
            role, number = infos[index]
            level = block.level or 0
            is_sub = (section_level is not None and role is None and number is None
                      and level > section_level and current is not None)
            if not is_sub:
                current = DocSection(index, block.text.strip().rstrip(":"), role, number)
                sections.append(current)
                continue
        if current is not None and block.kind not in FURNITURE_KINDS and block.kind in (*BODY_KINDS, BlockKind.HEADING):
            current.blocks.append(index)
            if block.kind in BODY_KINDS:
                current.words += count_words(block.text)
    view.sections = sections


# ------------------------------------------------------------------------------ running


CheckFunction = Callable[[View, dict[str, Any]], list[Hit]]
CHECKS: dict[str, CheckFunction] = {}


def structure_check(name: str) -> Callable[[CheckFunction], CheckFunction]:
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = function
        return function

    return register


_SETTING_DIRECTIVE = re.compile(r"^\s*([a-z][a-z0-9-]*)\s+((?:[a-z][a-z0-9-]*\s*=\s*\S+\s*)+)$", re.IGNORECASE)


def document_settings(document: Document, check: str) -> dict[str, Any]:
    """Settings from the document itself: ``<!-- directduidelijk: tussenkopjes min-woorden=300 -->``."""
    result: dict[str, Any] = {}
    for _line, text in document.directives:
        match = _SETTING_DIRECTIVE.match(text or "")
        if not match or match.group(1).lower() != check:
            continue
        for key, value in re.findall(r"([a-z][a-z0-9-]*)\s*=\s*(\S+)", match.group(2), re.IGNORECASE):
            try:
                result[key.lower()] = int(value)
            except ValueError:
                try:
                    result[key.lower()] = float(value)
                except ValueError:
                    result[key.lower()] = value
    return result


def effective_settings(view: View, rule: Any, check: str) -> dict[str, Any]:
    """Defaults < profile < rule instellingen and configuration < the document's own directives."""
    data = getattr(rule, "data", {}) or {}
    settings = dict(DEFAULTS.get(check, {}))
    settings.update(view.profile.check_settings(check))
    settings.update(data.get("instellingen") or {})
    explicit = dict(getattr(rule, "settings", {}) or {})
    explicit.update(document_settings(view.document, check))
    settings.update(explicit)
    settings["_explicit"] = set(explicit)  # what the user set; wins over the house template
    return settings


def requires(rule: Any) -> set[str]:
    """Structure checks need no tagger or parser: blocks and sentence boundaries are enough."""
    return set()


def compile(rule: Any, vocab: Any = None) -> Any:  # noqa: A001 - the engine's kind interface
    check = (getattr(rule, "data", {}) or {}).get("controle") or getattr(rule, "id", "")
    if check not in CHECKS:
        raise ValueError(f"Onbekende structuurcontrole '{check}'. Kies uit: {', '.join(sorted(CHECKS))}.")
    return check


def run(*args: Any, **kwargs: Any) -> list[Hit]:
    """The engine's kind interface ``run(rule, compiled, state)``; also ``run(analysed, rule, context)``."""
    if args and hasattr(args[0], "data") and hasattr(args[0], "kind"):  # (rule, compiled, state)
        rule, _compiled, state = args[:3]
        return check_document(state.analysed, rule, getattr(state, "context", None), **kwargs)
    return check_document(*args, **kwargs)


def check_document(analysed: Any, rule: Any, context: Any = None, *, config: Any = None) -> list[Hit]:
    """Run the structure check a rule names; returns hits (the engine makes findings of them)."""
    data = getattr(rule, "data", {}) or {}
    check = data.get("controle") or getattr(rule, "id", "")
    function = CHECKS.get(check)
    if function is None:
        raise ValueError(f"Onbekende structuurcontrole '{check}'. Kies uit: {', '.join(sorted(CHECKS))}.")
    if config is None:
        config = getattr(context, "config", None)
        if config is None and context is not None:
            config = (getattr(context, "settings", None) or {}).get("config")
    document = analysed if isinstance(analysed, Document) else analysed.document
    if _is_example_blob(document):
        return _run_on_blob(document, rule, context, config)
    view = build_view(analysed, config)
    settings = effective_settings(view, rule, check)
    genres = settings.pop("genres", None) or data.get("genres") or DEFAULT_GENRES.get(check, ALL)
    if isinstance(genres, str):
        genres = [genres]
    if view.genre.name not in genres:
        return []
    return function(view, settings)


def _is_example_blob(document: Document) -> bool:
    """One block holding a whole Markdown document (a rule example run as one 'sentence')."""
    blocks = [b for b in document.blocks if b.kind not in FURNITURE_KINDS]
    return len(blocks) == 1 and "\n\n" in blocks[0].text


def _run_on_blob(document: Document, rule: Any, context: Any, config: Any) -> list[Hit]:
    """Read the block as Markdown, check that, and map the hits back into the one block."""
    index = next(i for i, b in enumerate(document.blocks) if b.kind not in FURNITURE_KINDS)
    text = document.blocks[index].text
    inner = example_document(text, document.path)
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)

    def offset(block: Block, at: int) -> int:
        position = block.position(at)
        return min(len(text), line_starts[min(position.line, len(line_starts)) - 1] + position.column - 1)

    hits = []
    for hit in check_document(inner, rule, context, config=config):
        block = inner.blocks[hit.block_index]
        start = offset(block, hit.start)
        end = offset(block, max(hit.start, hit.end - 1)) + (1 if hit.end > hit.start else 0)
        hits.append(Hit(index, start, end, values=hit.values, severity=hit.severity, suggestion=hit.suggestion))
    return hits


def example_document(text: str, path: str = "<voorbeeld>") -> Document:
    """A rule example (Markdown: blank lines between paragraphs, '# ' for headings) as a Document."""
    from directduidelijk.readers import read_bytes

    return read_bytes(text.encode("utf-8"), path, "md")


def run_example(text: str, rule: Any, nlp: Any = None, config: Any = None) -> list[Hit]:
    """Run one structure rule on one of its examples (for the generic example test)."""
    document = example_document(text)
    analysed: Any = document
    if nlp is not None:
        from directduidelijk.language.analysis import analyse_document

        analysed = analyse_document(document, nlp)
    return check_document(analysed, rule, None, config=config)


# ------------------------------------------------------------------------------ helpers


def _hit(view: View, index: int, start: int | None = None, end: int | None = None, *,
         severity: Severity | None = None, suggestion: str | None = None, **values: Any) -> Hit:
    text = view.blocks[index].text
    start = 0 if start is None else start
    if end is None:
        end = len(text)
        if end - start > 160:  # long block: point at its first sentence
            first = split_sentences(text[start:])
            end = start + (first[0][1] if first else 160)
    values.setdefault("tekst", text[start:end])
    return Hit(index, start, end, values=values, severity=severity, suggestion=suggestion)


def _body_indices(view: View) -> list[int]:
    return [i for i, b in enumerate(view.blocks) if b.kind in BODY_KINDS]


def _format_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")




def _aanhef_index(view: View) -> int | None:
    for index, block in enumerate(view.blocks):
        if block.kind == BlockKind.AANHEF:  # the readers label every salutation
            return index
    return None


def _afsluiting_index(view: View) -> int | None:
    for index in range(len(view.blocks) - 1, -1, -1):
        if view.blocks[index].kind == BlockKind.AFSLUITING:
            return index
    return None


def _letter_body(view: View) -> list[int]:
    """Body blocks of a letter between the aanhef and the afsluiting (when found)."""
    start = _aanhef_index(view)
    end = _afsluiting_index(view)
    return [i for i in _body_indices(view)
            if (start is None or i > start) and (end is None or i < end)
            and not (start is not None and i == start)]


# ============================================================================== letters

_FORMULAS = [
    r"hierbij\b",
    r"bij\s+deze(\s+brief)?\b",
    r"(met|in)\s+deze\s+brief\s+(\w+\s+){0,3}?(informeren|informeer|laten|laat|delen|deel|berichten|bericht|"
    r"reageren|reageer|geven|geef|willen|wil|sturen|stuur|ontvangt|krijgt|vragen|vraag|verzoeken|verzoek|"
    r"brengen|breng|sturen)\b",
    r"naar\s+aanleiding\s+van\b",
    r"(in|als)\s+(antwoord|reactie)\s+op\b",
    r"ter\s+beantwoording\s+van\b",
    r"onder\s+verwijzing\s+naar\b",
    r"refererend(e)?\s+aan\b",
    r"in\s+vervolg\s+op\b",
    r"(met\s+betrekking\s+tot|inzake|betreffende)\s+(uw|je|jouw)\b",
    r"graag\s+(informeren|informeer|laten|laat|berichten|bericht|delen|deel)\s+(wij|we|ik)\b",
    r"(wij|we|ik)\s+(willen|wil)\s+(u|je|jou)\s+(graag\s+|hierbij\s+|bij\s+deze\s+)?"
    r"(informeren|laten\s+weten|mededelen|berichten|erop\s+wijzen|wijzen)\b",
    r"(wij|we|ik)\s+(informeren|informeer|berichten|bericht)\s+(u|je|jou)\b",
    r"(wij|we|ik)\s+(delen|deel)\s+(u|je|jou)\s+(\w+\s+)?(mede|mee)\b",
    r"(u|je)\s+(ontvangt|krijgt)\s+(hierbij|bij\s+deze|deze\s+brief)\b",
    r"(wij|we|ik)\s+(hebben|heb)\s+(uw|je|jouw)\s+[^.]{0,80}?in\s+goede\s+orde\s+ontvangen\b",
    r"(wij|we|ik)\s+(bevestigen|bevestig)\s+(hierbij\s+)?(de\s+)?ontvangst\b",
    r"in\s+deze\s+brief\s+(leest|vindt|krijgt)\s+(u|je)\b",
]
_FORMULA = re.compile(r"\s*(?:" + "|".join(_FORMULAS) + ")", re.IGNORECASE)
_THAT = re.compile(r"\bdat\s+", re.IGNORECASE)


@structure_check("kernboodschap")
def check_core_message(view: View, settings: dict) -> list[Hit]:
    body = _letter_body(view)
    if _aanhef_index(view) is None:
        return []
    paragraphs = [i for i in body if view.blocks[i].kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]
    if not paragraphs:
        return []
    index = paragraphs[0]
    text = view.blocks[index].text
    match = _FORMULA.match(text)
    if not match:
        return []
    sentences = split_sentences(text)
    first_end = sentences[0][1] if sentences else len(text)
    clause_end = first_end
    comma = text.find(",", match.end())
    that = _THAT.search(text, match.end(), first_end)
    if that:
        clause_end = that.start() + len("dat")
    elif 0 <= comma < first_end:
        clause_end = comma
    if count_words(text[match.start():clause_end]) > 12:  # point at the formula, not the whole clause
        words = list(_WORD.finditer(text, match.end()))
        clause_end = words[min(1, len(words) - 1)].end() if words else match.end()
    start = len(text) - len(text.lstrip())
    suggestion = ("Begin met de boodschap zelf: wat heeft de gemeente besloten, of wat moet de lezer weten? "
                  "Bijvoorbeeld: 'U krijgt ...' of 'Wij hebben besloten dat ...'.")
    if that:
        suggestion = (f"Schrap '{text[start:clause_end].strip()}' en begin met de boodschap zelf. "
                      "Schrijf die als gewone zin, bijvoorbeeld: 'Uw aanvraag is goedgekeurd.'")
    return [_hit(view, index, start, clause_end, suggestion=suggestion,
                 formule=text[start:match.end()].strip())]


# ------------------------------------------------------------------------ action and deadline

_MONTHS = r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|" \
          r"jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
_DAYS = r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
_NUMBER_WORDS = r"(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|" \
                r"vijftien|twintig|dertig|zestig|negentig)"
_DEADLINE = re.compile(
    r"(\b(vóór|voor|uiterlijk|tot\s+en\s+met|t/m|tot|op|niet\s+later\s+dan|ten\s+laatste)\s+(op\s+)?"
    rf"({_DAYS}\s+)?\d{{1,2}}(e|ste|de)?\s+{_MONTHS}(\s+\d{{4}})?"
    rf"|\b\d{{1,2}}\s+{_MONTHS}(\s+\d{{4}})?"
    r"|\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b"
    rf"|\bbinnen\s+{_NUMBER_WORDS}\s+(werk)?(dagen|dag|weken|week|maanden|maand|jaar|uur)\b"
    rf"|\b(vóór|voor|uiterlijk|ten\s+laatste)\s+({_DAYS}|morgen|overmorgen|het\s+einde\s+van|eind|begin|half|medio)\b"
    r"|\b(vóór|voor|uiterlijk)\s+\d{1,2}[.:]\d{2}\s*uur"
    r"|\b(deze|volgende|komende)\s+(week|maand)\b|\bvandaag\b|\bmorgen\b"
    rf"|\buiterlijk\s+{_NUMBER_WORDS}\s+(werk)?(dagen|weken|maanden)\b"
    rf"|\b{_NUMBER_WORDS}\s+(werk)?(dagen|dag|weken|week|maanden|maand)\s+(voordat|vóór|voor|na|van\s+tevoren)\b"
    r"|\bvoordat\s+(u|je|wij|we)\b|\bvan\s+tevoren\b"
    r")",
    re.IGNORECASE,
)
_VAGUE_DEADLINE = re.compile(r"\b(zo\s+snel\s+mogelijk|z\.s\.m\.?|zo\s+spoedig\s+mogelijk|per\s+omgaande|"
                             r"op\s+korte\s+termijn|tijdig|spoedig|binnen\s+afzienbare\s+tijd|te\s+zijner\s+tijd)\b",
                             re.IGNORECASE)
_ACTION_VERBS = (r"stuur|vul|betaal|lever|meld|geef|onderteken|teken|upload|dien|reageer|vraag|regel|verleng|"
                 r"maak|zorg|bezorg|overleg|stort|schrijf|bevestig|kies|registreer|vraag")
_NOT_ACTION = re.compile(r"\b(contact\s+op|neem\s+contact|bel\s+(ons|met)|vragen\s+heeft|meer\s+weten|"
                         r"meer\s+informatie|hoeft\s+(u|je)\s+niets|niets\s+te\s+doen|u\s+hoeft)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(als|indien|wanneer|mocht|zodra|tenzij)\s+(u|je|jij|het|er)\b", re.IGNORECASE)


def _is_conditional(sentence: str, previous: str | None) -> bool:
    words = sentence.split()
    if _CONDITION.search(sentence):
        return True
    if words and words[0].lower() == "dan" or len(words) > 1 and words[1].lower() == "dan":
        return True
    if previous and previous.rstrip().endswith("?"):
        return True
    if previous and re.match(r"\s*dan\b", previous, re.IGNORECASE) and re.match(
            r"\s*(daar|daarvoor|hiervoor|dat)\b", sentence, re.IGNORECASE):
        return True
    return False


_ACTION_INFINITIVES = re.compile(
    r"\b(sturen|opsturen|terugsturen|toesturen|insturen|invullen|betalen|terugbetalen|overmaken|aanvullen|"
    r"aanleveren|inleveren|leveren|doorgeven|melden|aanmelden|afmelden|ondertekenen|tekenen|uploaden|indienen|"
    r"aanvragen|verlengen|regelen|reageren|laten\s+weten|bevestigen|afspreken|maken|meenemen|bellen|mailen|"
    r"opnemen|ophalen|inschrijven|registreren|kiezen|zorgen|geven|brengen|afgeven|bezorgen|storten|"
    r"verhuizen|verwijderen|opruimen|herstellen|vervangen|toesturen|zenden|verstrekken|overleggen|"
    r"kenbaar\s+te\s+maken|te\s+\w+en)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\b(u|je|jij)\s+(moet|moeten|dient|dienen)\b(?!\s+(niets|niet\b|geen))"
    r"|\b(moet|dient)\s+(u|je|jij)\b(?!\s+(niets|niet\b|geen))"
    r"|\b(verzoeken|vragen|verzoek|vraag)\s+(wij|we|ik)\s+(u|je|jou)\b"
    r"|\b(wordt|worden)\s+(u|je)\s+(\w+\s+)?(verzocht|gevraagd)\b"
    r"|\b(wordt|worden)\s+(u|je)\s+(\w+\s+)?in\s+de\s+gelegenheid\s+gesteld\b"
    r"|\b(u|je)\s+(wordt|worden)\s+(\w+\s+)?(verzocht|gevraagd|in\s+de\s+gelegenheid\s+gesteld)\b"
    r"|\bgelieve\b"
    r"|^\s*(wilt|wil)\s+(u|je|jij)\b",
    re.IGNORECASE,
)
# A question heading that sets a condition: the actions under it are for some readers only.
_CONDITION_HEADING = re.compile(r"^\s*(wilt|heeft|hebt|bent|kunt|krijgt|verandert|gaat|wil|mag|moet|is|zijn|"
                                r"komt|ontvangt|wordt|liever|geen)\b.*\?\s*$", re.IGNORECASE)


def _is_action(sentence: str) -> bool:
    if _NOT_ACTION.search(sentence):
        return False
    if re.match(rf"\s*({_ACTION_VERBS})\b", sentence, re.IGNORECASE):
        return True
    return bool(_REQUEST.search(sentence) and _ACTION_INFINITIVES.search(sentence))


def _deadline_in(text: str) -> re.Match | None:
    return _DEADLINE.search(text)


def _conditional_blocks(view: View, body: list[int]) -> set[int]:
    """Body blocks under a heading that is a condition ("Bent u het niet eens?")."""
    result: set[int] = set()
    conditional = False
    for index in range(body[0], body[-1] + 1) if body else []:
        block = view.blocks[index]
        if block.kind == BlockKind.HEADING or index in view.heading_blocks:
            conditional = bool(_CONDITION_HEADING.match(block.text))
        elif conditional:
            result.add(index)
    return result


@structure_check("actie-en-termijn")
def check_action_deadline(view: View, settings: dict) -> list[Hit]:
    """The letter asks the reader to act: is there a deadline with it, and is it easy to find?

    A letter usually asks once ("Stuur ons vóór 1 mei ...") and then explains how. So the check
    reports a missing deadline only when no request in the letter has one nearby (same, previous
    or next sentence), at the first request; and a deadline buried in a long sentence.
    """
    hits: list[Hit] = []
    long_sentence = int(settings.get("lange-zin") or 20)
    body = _letter_body(view)
    if not body:
        return []
    skip = _conditional_blocks(view, body)
    flat: list[tuple[int, int, int, str]] = []
    for index in body:
        for start, end, text in view.sentences(index):
            flat.append((index, start, end, text))
    actions: list[tuple[int, int, int, str, re.Match | None]] = []
    for number, (index, start, end, text) in enumerate(flat):
        if index in skip or not _is_action(text):
            continue
        previous = flat[number - 1][3] if number else None
        if _is_conditional(text, previous):
            continue
        following = flat[number + 1][3] if number + 1 < len(flat) else ""
        if text.rstrip().endswith("?") and re.match(r"\s*(\w+\s+){0,2}dan\b", following, re.IGNORECASE):
            continue  # "Wilt u meedoen? Meld u dan aan.": an offer, the action follows
        own = _deadline_in(text)
        near = own or _deadline_in(following) or (previous and _deadline_in(previous))
        actions.append((index, start, end, text, own if own else (near or None)))
        if own:
            words_before = count_words(text[:own.start()])
            words_after = count_words(text[own.end():])
            if count_words(text) > long_sentence and words_before > 8 and words_after > 5:
                hits.append(_hit(view, index, start + own.start(), start + own.end(),
                                 severity=Severity.SUGGESTION,
                                 probleem=f"De termijn '{own.group(0).strip()}' staat midden in een lange zin",
                                 suggestion="Zet wat de lezer moet doen en de termijn in een korte, eigen zin. "
                                            "Bijvoorbeeld: 'Stuur ons de gegevens vóór 1 maart 2026.'"))
    if actions and not any(deadline for *_rest, deadline in actions):
        index, start, end, text, _ = actions[0]
        vague = next((m for m in (_VAGUE_DEADLINE.search(a[3]) for a in actions) if m), None)
        if vague:
            problem = f"U vraagt de lezer iets te doen, maar '{vague.group(0)}' is geen duidelijke termijn"
        else:
            problem = "U vraagt de lezer iets te doen, maar u zegt niet vóór wanneer"
        hits.append(_hit(view, index, start, end, probleem=problem,
                         suggestion="Zet de datum in dezelfde of de volgende zin: 'Stuur het formulier vóór "
                                    "1 maart 2026 terug.' Of een termijn: 'binnen 6 weken na de datum van deze brief'."))
    hits.sort(key=lambda h: (h.block_index, h.start))
    return hits


# ------------------------------------------------------------------------------ contact

_PHONE_CANDIDATE = re.compile(r"(?<![\w.,/-])(\+31[\s-]?(\(0\)[\s-]?)?|0)\d[\d\s-]{6,13}\d(?![\w.,/-]?\d)")
_PHONE_SHORT = re.compile(r"\b(14\s?0\d{2,3}|0[89]00[\s-]?\d{4}(\d{3})?)\b")
_IBAN_BEFORE = re.compile(r"[A-Z]{2}\d{2}\s?[A-Z]{4}\s?$")


class _PhonePattern:
    """Dutch phone numbers: 10 digits starting with 0 (or +31 and 9 digits), 14 0xx(x), 0800/0900."""

    def search(self, text: str) -> bool:
        if _PHONE_SHORT.search(text):
            return True
        for match in _PHONE_CANDIDATE.finditer(text):
            if _IBAN_BEFORE.search(text[max(0, match.start() - 12):match.start()]):
                continue  # a bank account number (IBAN), not a phone number
            digits = re.sub(r"\D", "", match.group(0))
            if match.group(0).startswith("+31"):
                digits = "0" + digits[2:].lstrip("0")
            if len(digits) == 10 and digits.startswith("0"):
                return True
        return False


_PHONE = _PhonePattern()
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_WEB = re.compile(r"\b(www\.[\w-]+(\.[\w-]+)+|https?://\S+|[\w-]+\.(nl|com|org|eu|info)(/\S*)?)\b", re.IGNORECASE)


def find_contact(document: Document, kinds: frozenset | None = None) -> list[str]:
    """Kinds of contact details (telefoon, e-mail, website) in the blocks of these kinds (default: all)."""
    found: list[str] = []
    for block in document.blocks:
        if kinds is not None and block.kind not in kinds:
            continue
        for kind, pattern in (("telefoon", _PHONE), ("e-mail", _EMAIL), ("website", _WEB)):
            if pattern.search(block.text) and kind not in found:
                found.append(kind)
    return found


@structure_check("contactgegevens")
def check_contact(view: View, settings: dict) -> list[Hit]:
    """A contact line in the letter itself; letterhead or page footer alone gives a softer finding."""
    in_letter = find_contact(view.document, frozenset(k for k in BlockKind if k not in FURNITURE_KINDS))
    if in_letter:
        return []
    index = _afsluiting_index(view)
    if index is None:
        body = _letter_body(view) or _body_indices(view)
        if not body:
            return []
        index = body[-1]
    suggestion = ("Zet vóór de afsluiting hoe de lezer u bereikt: 'Heeft u vragen? Bel ons op 14 0123 "
                  "(op werkdagen van 9.00 tot 17.00 uur) of mail naar info@gemeente.nl.'")
    if find_contact(view.document, FURNITURE_KINDS):
        return [_hit(view, index, severity=Severity.SUGGESTION,
                     suggestion="Alleen de kop- of voettekst noemt een algemeen nummer of een website. "
                                "Zet in de brief zelf wie de lezer kan bellen of mailen, met nummer of e-mailadres.")]
    return [_hit(view, index, suggestion=suggestion)]


# ------------------------------------------------------------------------ aanhef and afsluiting

_U = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)
_JE = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
_GENERIC_SALUTATION = re.compile(
    r"\s*geachte\s+(heer\s*(/|,|of|en)\s*mevrouw|mevrouw\s*(/|,|of|en)\s*(meneer|heer)|dames\s+en\s+heren|"
    r"heer|mevrouw|bewoner(s|\(s\))?|bewoners|relatie|klant|aanvrager|belanghebbende)\s*,?\s*$",
    re.IGNORECASE,
)


def address_form(view: View) -> str | None:
    text = " ".join(view.blocks[i].text for i in _letter_body(view))
    u = len(_U.findall(text))
    je = len(_JE.findall(text))
    if je > u and je >= 2:
        return "je"
    if u:
        return "u"
    return None


@structure_check("aanhef-afsluiting")
def check_salutation(view: View, settings: dict) -> list[Hit]:
    hits: list[Hit] = []
    form = settings.get("aanspreekvorm") or address_form(view) or view.profile.address_form
    aanhef = _aanhef_index(view)
    if aanhef is not None:
        text = view.blocks[aanhef].text
        first = text.strip().split()[0].lower().strip(",") if text.strip() else ""
        if first in ("geachte", "geacht") and form == "je":
            hits.append(_hit(view, aanhef, probleem="'Geachte' is formeel en past niet bij een brief in de je-vorm",
                             suggestion="Schrijf 'Beste' of 'Hallo' met de naam: 'Beste Sevda,'."))
        elif first in ("hoi", "hallo", "lieve", "hey") and form == "u":
            hits.append(_hit(view, aanhef, probleem=f"'{text.split()[0].strip(',')}' past niet bij een brief in de u-vorm",
                             suggestion="Schrijf 'Beste' met de naam: 'Beste mevrouw De Vries,'."))
        elif _GENERIC_SALUTATION.match(text):
            hits.append(_hit(view, aanhef, severity=Severity.SUGGESTION,
                             probleem="De aanhef noemt de lezer niet bij naam",
                             suggestion="Gebruik als het kan de naam: 'Beste meneer Jansen,'. "
                                        "Schrijft u aan veel mensen? Dan kan 'Beste bewoner,'."))
    closing = _afsluiting_index(view)
    if closing is not None:
        text = view.blocks[closing].text.strip()
        lowered = text.lower()
        if lowered.startswith("hoogachtend"):
            hits.append(_hit(view, closing, severity=Severity.SUGGESTION,
                             probleem="'Hoogachtend' is ouderwets en afstandelijk",
                             suggestion="Schrijf 'Met vriendelijke groet,'."))
        elif re.match(r"(groetjes|doei|liefs|hartelijke\s+groetjes)\b", lowered) and form == "u":
            hits.append(_hit(view, closing, severity=Severity.SUGGESTION,
                             probleem=f"'{text.rstrip(',')}' past niet bij een brief in de u-vorm",
                             suggestion="Schrijf 'Met vriendelijke groet,'."))
    return hits


# ------------------------------------------------------------------------ legal references

_LAW = r"(?:\s+(?:van\s+)?(?:de\s+|het\s+)?(?:Awb|Pw|BW|Gemw|Wabo|Wob|Woo|Wet\s+WOZ|WOZ|Algemene\s+wet\s+bestuursrecht|Gemeentewet|Wmo(?:\s+2015)?|" \
       r"Participatiewet|Jeugdwet|Omgevingswet|Wet\s+[\w-]+(?:\s+[A-Z0-9][\w-]*){0,3}|" \
       r"[A-Z][\w-]*(?:wet|verordening|besluit|regeling)(?:\s+[A-Z0-9][\w-]*){0,3}))?"
_LEGAL = re.compile(
    r"(?:\b(?i:op\s+grond\s+van|ingevolge|krachtens|gelet\s+op|conform|volgens|zoals\s+bedoeld\s+in|"
    r"als\s+bedoeld\s+in|in\s+de\s+zin\s+van)\s+(?:het\s+|de\s+)?)?"
    r"\b(?i:artikel(?:en)?|art\.|artt\.)\s*\d+[a-z]?(?:[:.]\d+[a-z]?)*"
    r"(?:\s*(?:,|en|t/m|tot\s+en\s+met|juncto|jo\.?)\s*(?:artikel\s*)?\d+[a-z]?(?:[:.]\d+[a-z]?)*)*"
    r"(?:\s*,?\s*(?:(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste)\s+lid|lid\s+\d+))?"
    r"(?:\s*,?\s*(?:onder|sub|onderdeel)\s+[a-z0-9]+)?" + _LAW
    + r"|\b\d+:\d+[a-z]?\s+(?:Awb|BW)\b",
)


@structure_check("juridische-verwijzing")
def check_legal_reference(view: View, settings: dict) -> list[Hit]:
    hits: list[Hit] = []
    limit = int(settings.get("max-meldingen") or 5)
    for index in _letter_body(view):
        text = view.blocks[index].text
        for start, end, sentence in view.sentences(index):
            matches = list(_LEGAL.finditer(text, start, end))
            if not matches:
                continue
            first, last = matches[0], matches[-1]
            hits.append(_hit(view, index, first.start(), last.end(), verwijzing=text[first.start():last.end()],
                             suggestion="Leg in gewone woorden uit wat de regel betekent voor de lezer. "
                                        "Zet het wetsartikel zo nodig in een bijlage of in een voetnoot."))
            if len(hits) >= limit:
                return hits
    return hits


# ============================================================================== proposals


def _section_hint(style: HouseStyle | None) -> str:
    return f"de huisstijl van {style.title}" if style else "de huisstijl"


@structure_check("secties")
def check_sections(view: View, settings: dict) -> list[Hit]:
    style = view.house_style
    if style is None:
        return []
    hits: list[Hit] = []
    present = [s for s in view.sections if s.template_index is not None]
    seen: dict[int, DocSection] = {}
    for section in present:
        seen.setdefault(section.template_index, section)
    # Order: the longest run in template order stays; the others are out of place.
    order = [s.template_index for s in seen.values()]
    keep = set(_longest_increasing(order))
    names = [s.name for s in style.sections]
    for section in seen.values():
        if section.template_index in keep:
            continue
        before = [n for n in keep if n < section.template_index]
        after = [n for n in keep if n > section.template_index]
        where = []
        if before:
            where.append(f"na '{names[max(before)]}'")
        if after:
            where.append(f"vóór '{names[min(after)]}'")
        hits.append(_hit(view, section.heading,
                         probleem=f"De sectie '{section.title}' staat niet op de goede plaats",
                         suggestion=f"Zet deze sectie {' en '.join(where)}, zoals in {_section_hint(style)}."))
    required = [s.name for s in style.sections if s.required]
    if not seen and required:  # nothing of the template at all: one finding, not one per section
        body = _body_indices(view)
        if not body:
            return []
        names = ", ".join(f"'{name}'" for name in required)
        return [_hit(view, body[0],
                     probleem=f"Het voorstel volgt {_section_hint(style)} niet: er staan geen kopjes van de secties in",
                     suggestion=f"Gebruik de secties van {_section_hint(style)}, in deze volgorde: {names}.")]
    for number, section in seen.items():
        template_section = style.sections[number]
        if not template_section.required or template_section.role in ("kanttekeningen", "beslispunten", "onderwerp"):
            continue  # those have their own checks
        body = " ".join(view.blocks[i].text for i in section.blocks if view.blocks[i].kind in BODY_KINDS).strip()
        if not body or _EMPTY_SECTION.match(body):
            hits.append(_hit(view, section.heading,
                             probleem=f"De sectie '{section.title}' is leeg of zegt alleen '{body[:30] or 'niets'}'",
                             suggestion=_ROLE_HELP.get(template_section.role or "", "Vul deze sectie in.")
                             + " Is er echt niets over te zeggen? Schrijf dan in één zin waarom niet."))
    for number, template_section in enumerate(style.sections):
        if not template_section.required or number in seen:
            continue
        later = [seen[n] for n in sorted(seen) if n > number]
        earlier = [seen[n] for n in sorted(seen) if n < number]
        if later:
            anchor = later[0]
            index = anchor.heading
            where = f"vóór '{anchor.title}'"
        elif earlier:
            anchor = earlier[-1]
            index = (anchor.blocks or [anchor.heading])[-1]
            where = f"na '{anchor.title}'"
        else:
            body = _body_indices(view)
            if not body:
                continue
            index = body[0]
            where = "bovenaan"
        role_help = _ROLE_HELP.get(template_section.role or "", "")
        hits.append(_hit(view, index,
                         probleem=f"De sectie '{template_section.name}' ontbreekt",
                         suggestion=f"Voeg de sectie '{template_section.name}' toe, {where}. {role_help}".strip()))
    hits.sort(key=lambda h: (h.block_index, h.start))
    return hits


_EMPTY_SECTION = re.compile(
    r"^\s*(n\.?\s?v\.?\s?t\.?|nvt|niet\s+van\s+toepassing|geen|-+|–|p\.?m\.?|pm|nader\s+te\s+bepalen|"
    r"volgt(\s+later)?|nog\s+niet\s+bekend|n\.?t\.?b\.?)\s*[.!]?\s*$",
    re.IGNORECASE,
)

_ROLE_HELP = {
    "beslispunten": "Schrijf daar wat het bestuur besluit, genummerd: '1. in te stemmen met ...'.",
    "samenvatting": "Vat in een paar zinnen samen wat het voorstel is en waarom.",
    "aanleiding": "Schrijf waarom dit voorstel nu nodig is.",
    "argumenten": "Schrijf waarom dit besluit goed is: wat levert het op?",
    "kanttekeningen": "Noem de risico's en nadelen: wat kan er misgaan, en wie is het er niet mee eens?",
    "financien": "Schrijf wat het kost en waar het geld vandaan komt.",
    "communicatie": "Schrijf wie u informeert, hoe en wanneer.",
    "vervolg": "Schrijf wat er na het besluit gebeurt, en wanneer.",
    "participatie": "Schrijf wie er meedacht en wat er met hun inbreng is gedaan.",
}


def _longest_increasing(values: list[int]) -> list[int]:
    if not values:
        return []
    best: list[list[int]] = []
    for value in values:
        candidates = [run for run in best if run[-1] < value]
        chain = max(candidates, key=len) + [value] if candidates else [value]
        best.append(chain)
    return max(best, key=len)


_DECISION = re.compile(
    r"\b(in\s+te\s+stemmen|vast\s+te\s+stellen|beschikbaar\s+te\s+stellen|(\w+\s+)?te\s+\w+(en|n))\b"
    r"|^\s*(het\s+college|de\s+raad|wij|we)\s+(besluit|besluiten|stemt|stemmen|stelt|stellen|geeft|geven|kent|"
    r"trekt|wijst|verleent|neemt|gaat|keurt)\b"
    r"|^\s*(instemmen|vaststellen|beschikbaar\s+stellen|besluiten|akkoord\s+gaan|goedkeuren|aanwijzen|"
    r"verlenen|opdracht\s+geven|intrekken|wijzigen|toekennen|afwijzen|weigeren|verlagen|verhogen|benoemen|"
    r"delegeren|mandateren|machtigen|aangaan|sluiten|verkopen|kopen|aanbesteden|opheffen|oprichten)\b",
    re.IGNORECASE,
)
_VAGUE_DECISION = re.compile(
    r"kennis\s+te\s+nemen|kennisnemen|kennisname|ter\s+hand\s+te\s+nemen|(verdere|nadere)\s+uitwerking|"
    r"(nader|verder)\s+uit\s+te\s+werken|met\s+inachtneming\s+van\s+hetgeen|het\s+vervolgproces|"
    r"in\s+te\s+stemmen\s+met\s+de\s+(kaders|richting|uitgangspunten|hoofdlijnen|contouren|koers)\b|"
    r"nader\s+te\s+(bepalen|onderzoeken|bezien)|te\s+(onderzoeken|bespreken|overwegen|verkennen)\b|"
    r"zich\s+te\s+beraden|in\s+overweging\s+te\s+nemen|"
    r"(het\s+college|burgemeester\s+en\s+wethouders)\s+te\s+(vragen|verzoeken)",
    re.IGNORECASE,
)
_MONEY_DECISION = re.compile(r"\b(middelen|geld|budget|krediet|bedrag|gelden)\b[^.;]*?\b(beschikbaar|ter\s+beschikking)\s+te\s+stellen"
                             r"|\b(beschikbaar|ter\s+beschikking)\s+te\s+stellen\b[^.;]*?\b(middelen|budget|krediet)\b",
                             re.IGNORECASE)
_AMOUNT = re.compile(r"€\s?\d|\d[\d.,]*\s*(euro|miljoen|mln|duizend|k€)\b|\beuro\b", re.IGNORECASE)
_TE_INFINITIVE = re.compile(r"\bte\s+[a-zë]+(en|n)\b", re.IGNORECASE)
_INTRO_LINE = re.compile(r".*:\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(\d+|[a-z])[.)]\s+", re.IGNORECASE)


def _reported_by_sections(view: View, role: str) -> bool:
    """A missing section the house template requires is reported once, by `secties`."""
    template_section = view.house_style.section_with_role(role) if view.house_style else None
    return template_section is not None and template_section.required


@structure_check("beslispunten")
def check_decisions(view: View, settings: dict) -> list[Hit]:
    section = view.section_with_role("beslispunten")
    if section is None:
        if _reported_by_sections(view, "beslispunten"):
            return []
        body = _body_indices(view)
        if not body:
            return []
        anchor = view.sections[0].heading if view.sections else body[0]
        return [_hit(view, anchor, probleem="Het voorstel heeft geen beslispunten",
                     suggestion="Zet bovenaan een kopje 'Beslispunten' met genummerd wat het bestuur besluit: "
                                "'1. in te stemmen met ...'.")]
    hits: list[Hit] = []
    # Come first: before them only what the template puts before them (or a samenvatting).
    allowed: set[str | None] = {"samenvatting"}
    style = view.house_style
    if style:
        template_section = style.section_with_role("beslispunten")
        if template_section is not None:
            position = style.sections.index(template_section)
            allowed = {s.role for s in style.sections[:position]} | {None} if position else set()
    earlier = [s for s in view.sections if s.heading < section.heading and s.words > 0
               and (s.role not in allowed and s.role is not None)]
    if earlier:
        hits.append(_hit(view, section.heading, severity=Severity.WARNING,
                         probleem=f"De beslispunten staan pas na '{earlier[-1].title}'",
                         suggestion="Zet de beslispunten bovenaan. De lezer wil eerst weten wat hij besluit."))
    items = [i for i in section.blocks if view.blocks[i].kind == BlockKind.LIST_ITEM and (view.blocks[i].level or 1) <= 1]
    if not items:
        items = [i for i in section.blocks if view.blocks[i].kind in (BlockKind.PARAGRAPH, BlockKind.TABLE_CELL)
                 and not _INTRO_LINE.match(view.blocks[i].text)]
    if not items:
        hits.append(_hit(view, section.heading, probleem="Onder 'Beslispunten' staat geen besluit",
                         suggestion="Schrijf genummerd wat het bestuur besluit: '1. in te stemmen met ...'."))
        return hits
    if settings.get("genummerd", True) and len(items) > 1:
        plain = [i for i in items if view.blocks[i].kind != BlockKind.LIST_ITEM
                 and not _LEADING_NUMBER.match(view.blocks[i].text)]
        bullets = [i for i in items if view.blocks[i].kind == BlockKind.LIST_ITEM
                   and (view.blocks[i].source_ref or {}).get("list") in ("bullet", "opsomming", "ongenummerd")]
        if plain or bullets:
            hits.append(_hit(view, (plain or bullets)[0], severity=Severity.SUGGESTION,
                             probleem="De beslispunten zijn niet genummerd",
                             suggestion="Nummer de beslispunten (1, 2, 3). Dan kan iedereen er in de vergadering "
                                        "naar verwijzen."))
    for index in items:
        text = view.blocks[index].text
        offset = _LEADING_NUMBER.match(text).end() if _LEADING_NUMBER.match(text) else 0
        item = text[offset:]
        decisions = len(_TE_INFINITIVE.findall(item))
        if decisions >= 2 and (len(items) == 1 or count_words(item) >= 30) and not (
                view.blocks[index].kind == BlockKind.LIST_ITEM and len(items) > 1 and count_words(item) < 30):
            hits.append(_hit(view, index, offset,
                             probleem=f"Dit beslispunt bevat {decisions} besluiten in één zin",
                             suggestion="Zet elk besluit in een eigen, genummerd punt: '1. in te stemmen met ...', "
                                        "'2. een krediet beschikbaar te stellen van € ...'."))
        vague = _VAGUE_DECISION.search(item)
        money = _MONEY_DECISION.search(item)
        if vague:
            hits.append(_hit(view, index, offset + vague.start(), offset + vague.end(), severity=Severity.SUGGESTION,
                             probleem=f"'{vague.group(0)}' is vaag: zo staat er niet wat het bestuur besluit",
                             suggestion="Schrijf wat het bestuur besluit, met een werkwoord: 'in te stemmen met ...', "
                                        "'vast te stellen ...'. Is het alleen informatie? Maak er dan een "
                                        "informatienota of raadsinformatiebrief van."))
        if money and not _AMOUNT.search(item):
            hits.append(_hit(view, index, offset + money.start(), offset + money.end(),
                             probleem="Het beslispunt stelt geld beschikbaar, maar noemt geen bedrag",
                             suggestion="Noem het bedrag en waar het vandaan komt: 'een krediet beschikbaar te "
                                        "stellen van € 250.000 uit de reserve ...'."))
        if not vague and not _DECISION.search(item):
            hits.append(_hit(view, index, offset,
                             probleem="Dit beslispunt zegt niet wat het bestuur besluit",
                             suggestion="Begin met een werkwoord dat een besluit is: 'in te stemmen met ...', "
                                        "'vast te stellen ...', 'een krediet beschikbaar te stellen van € ...'."))
    return hits


@structure_check("samenvatting-lengte")
def check_summary_length(view: View, settings: dict) -> list[Hit]:
    section = view.section_with_role("samenvatting")
    if section is None:
        return []
    limit = int(settings.get("max-woorden") or 150)
    style = view.house_style
    template_section = style.section_with_role("samenvatting") if style else None
    if template_section and template_section.max_words and "max-woorden" not in settings.get("_explicit", ()):
        limit = template_section.max_words
    if section.words <= limit:
        return []
    return [_hit(view, section.heading, waarde=section.words, drempel=limit, sectie=section.title,
                 suggestion=f"Maak de samenvatting korter: hooguit {limit} woorden. Noem alleen het besluit, "
                            f"waarom het nodig is en wat het kost. De rest staat verderop.")]


_EMPTY_REMARKS = re.compile(
    r"^\s*(n\.?\s?v\.?\s?t\.?|nvt|niet\s+van\s+toepassing|geen|geen\s+bijzonderheden|-+|–|nee|"
    r"(er\s+zijn\s+)?geen\s+(kanttekeningen|risico'?s|nadelen)(\s+en\s+(kanttekeningen|risico'?s))?"
    r"(\s+te\s+melden)?|(er\s+zijn\s+)?geen\s+(kanttekeningen|risico'?s)\s+(bekend|voorzien))\s*[.!]?\s*$",
    re.IGNORECASE,
)


@structure_check("kanttekeningen")
def check_remarks(view: View, settings: dict) -> list[Hit]:
    section = view.section_with_role("kanttekeningen")
    if section is None:
        if _reported_by_sections(view, "kanttekeningen"):
            return []
        if not view.sections:
            return []
        anchor = next((s for s in view.sections if s.role in ("financien", "communicatie", "vervolg")),
                      view.sections[-1])
        return [_hit(view, anchor.heading, probleem="Het voorstel noemt geen kanttekeningen of risico's",
                     suggestion="Voeg vóór deze sectie een kopje 'Kanttekeningen' toe. " + _ROLE_HELP["kanttekeningen"])]
    body = [view.blocks[i].text for i in section.blocks if view.blocks[i].kind in BODY_KINDS]
    text = " ".join(body).strip()
    if not text or _EMPTY_REMARKS.match(text) or section.words < 3:
        return [_hit(view, section.heading,
                     probleem=f"De sectie '{section.title}' is leeg of zegt alleen dat er niets is",
                     suggestion=_ROLE_HELP["kanttekeningen"] + " Is er echt geen risico? Leg dan uit waarom niet.")]
    return []


@structure_check("sectie-lengte")
def check_section_length(view: View, settings: dict) -> list[Hit]:
    hits: list[Hit] = []
    known = [s.heading for s in view.sections if s.role or s.template_index is not None]
    first_known = known[0] if known else -1
    # The title block (name, portefeuillehouder, date) before the first real section does not count.
    sections = [s for s in view.sections if s.words > 0 and s.heading >= first_known]
    factor = float(settings.get("factor") or 3.0)
    minimum = int(settings.get("min-woorden") or 400)
    median = statistics.median([s.words for s in sections]) if len(sections) >= 3 else None
    style = view.house_style
    for section in sections:
        template_section = style.sections[section.template_index] if (
            style and section.template_index is not None) else None
        if (template_section and template_section.max_words and section.role != "samenvatting"
                and section.words > template_section.max_words):
            hits.append(_hit(view, section.heading, waarde=section.words, drempel=template_section.max_words,
                             probleem=f"De sectie '{section.title}' heeft {section.words} woorden; "
                                      f"{_section_hint(style)} staat er {template_section.max_words} toe",
                             suggestion="Maak deze sectie korter, of zet details in een bijlage."))
        elif median and section.words > factor * median and section.words > minimum:
            hits.append(_hit(view, section.heading, waarde=section.words, drempel=int(factor * median),
                             probleem=f"De sectie '{section.title}' is veel langer dan de andere "
                                      f"({section.words} woorden; de helft van de secties heeft er minder dan "
                                      f"{int(median)})",
                             suggestion="Maak deze sectie korter, verdeel haar met tussenkopjes, of zet details "
                                        "in een bijlage."))
    return hits


# ============================================================================== headings


@structure_check("tussenkopjes")
def check_subheadings(view: View, settings: dict) -> list[Hit]:
    minimum = int(settings.get("min-woorden") or 400)
    body = _letter_body(view) if view.genre.is_letter else _body_indices(view)
    if not body:
        return []
    words = sum(count_words(view.blocks[i].text) for i in body)
    headings = [i for i in view.heading_blocks if body[0] < i < body[-1]]
    hits: list[Hit] = []
    if words > minimum and not headings:
        hits.append(_hit(view, body[0], waarde=words, drempel=minimum,
                         probleem=f"De tekst heeft {_format_number(words)} woorden en geen tussenkopjes",
                         suggestion="Zet boven elk deel een kort kopje dat zegt wat er komt, bijvoorbeeld "
                                    "'Wat moet u doen?' of 'Wat kost het?'."))
        return hits
    stretch_limit = int(settings.get("max-woorden-zonder-kop") or 0)
    if stretch_limit:
        run_words, run_start = 0, None
        for index in range(body[0], body[-1] + 1):
            if index in view.heading_blocks:
                run_words, run_start = 0, None
                continue
            if view.blocks[index].kind in BODY_KINDS:
                run_start = index if run_start is None else run_start
                run_words += count_words(view.blocks[index].text)
                if run_words > stretch_limit:
                    hits.append(_hit(view, run_start, severity=Severity.SUGGESTION, waarde=run_words,
                                     drempel=stretch_limit,
                                     probleem=f"Hier staan meer dan {stretch_limit} woorden zonder tussenkopje",
                                     suggestion="Verdeel dit deel met een tussenkopje."))
                    run_words, run_start = -10**9, None
    return hits


@structure_check("kop-lengte")
def check_heading_length(view: View, settings: dict) -> list[Hit]:
    hits: list[Hit] = []
    limit = int(settings.get("max-woorden") or 8)
    title_limit = int(settings.get("max-woorden-titel") or 12)
    question_limit = int(settings.get("max-woorden-vraag") or limit)
    generic = {normalise(g) for g in settings.get("algemene-koppen") or []}
    first_body = next((i for i, b in enumerate(view.blocks) if b.kind in BODY_KINDS), len(view.blocks))
    style = view.house_style
    for index, block in enumerate(view.blocks):
        if block.kind != BlockKind.HEADING:
            continue
        words = count_words(block.text)
        is_title = index < first_body and (block.level or 1) <= 1
        is_question = block.text.rstrip().endswith("?")
        maximum = title_limit if is_title else (max(limit, question_limit) if is_question else limit)
        if words > maximum:
            hits.append(_hit(view, index, waarde=words, drempel=maximum,
                             probleem=f"De {'titel' if is_title else 'kop'} heeft {words} woorden",
                             suggestion=f"Maak de {'titel' if is_title else 'kop'} korter: hooguit {maximum} woorden. "
                                        "Zeg in een paar woorden wat er komt."))
            continue
        key = normalise(block.text)
        is_section = view.genre.is_proposal and (role_of(block.text) or (style and style.section_for(block.text)))
        if key in generic and not is_section:
            hits.append(_hit(view, index, severity=Severity.SUGGESTION,
                             probleem=f"De kop '{block.text.strip()}' zegt niet wat er komt",
                             suggestion="Schrijf een kop die zegt waar het deel over gaat, bijvoorbeeld "
                                        "'Wat verandert er voor u?' of 'Wat kost het?'."))
    return hits


@structure_check("document-lengte")
def check_document_length(view: View, settings: dict) -> list[Hit]:
    limit = settings.get("max-woorden") or view.profile.max_words
    if not limit:
        return []
    limit = int(limit)
    body = _letter_body(view) if view.genre.is_letter else _body_indices(view)
    words = sum(count_words(view.blocks[i].text) for i in body)
    if words <= limit or not body:
        return []
    what = {"brief": "een brief", "bestuursvoorstel": "een bestuursvoorstel",
            "raadsvoorstel": "een raadsvoorstel"}.get(view.genre.name, "dit soort document")
    return [_hit(view, body[0], waarde=words, drempel=limit,
                 probleem=f"De tekst heeft {_format_number(words)} woorden. Voor {what} is "
                          f"{_format_number(limit)} woorden de grens ({view.profile.title})",
                 suggestion="Maak de tekst korter: laat weg wat de lezer niet hoeft te weten, "
                            "of zet details in een bijlage.")]


def _register_builtins() -> None:
    from directduidelijk.engine.hits import BUILTIN_CHECKS

    for name in CHECKS:
        def builtin_check(analysed: Any, rule: Any, context: Any, _name: str = name) -> list[Hit]:
            return check_document(analysed, rule, context)

        builtin_check.requires = set()  # type: ignore[attr-defined]
        BUILTIN_CHECKS.setdefault(name, builtin_check)


_register_builtins()
