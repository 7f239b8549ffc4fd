"""Genre profiles and house templates (huisstijlen), both YAML data in ``rules/``.

A *profile* holds the defaults for one kind of document: a letter to residents (B1, u-vorm,
at most two pages), a bestuursvoorstel, a raadsvoorstel. The structure checks take their
thresholds from it, and ``rule_settings`` gives the settings it sets for other rules
(``lange-zin``, ``lange-alinea``) for the engine to merge.

A *house template* is the ordered list of sections a municipality wants in its proposals,
each with synonyms, a role (beslispunten, samenvatting, kanttekeningen, ...), a required flag
and an optional maximum length.

Configuration (``[tool.directduidelijk]``)::

    profiel = "brief-bewoners"            # always use this profile (otherwise: from the genre)
    huisstijl = "weidevoorde"             # or a path to a YAML file; otherwise the best match
    huisstijl-bestanden = ["eigen.yaml"]  # extra house templates

    [tool.directduidelijk.profielen.brief-bewoners]
    max-woorden = 600
    [tool.directduidelijk.profielen.brief-bewoners.structuur.tussenkopjes]
    min-woorden = 300

A profile defined only in the configuration may name ``basis = "brief-bewoners"``.

The shipped files live in ``rules/data/profielen/`` and ``rules/data/huisstijlen/`` (the engine
does not read ``rules/data`` as rule files).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any



class ProfileError(Exception):
    """A profile or house template that cannot be used, with a Dutch message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ----------------------------------------------------------------------------- locations


def rules_dir() -> Path:
    """The shipped rules: ``directduidelijk/rules_data`` in a wheel, ``rules/`` in the repository."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "rules_data", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    return package.parent / "rules"


def data_dir(name: str) -> Path:
    """``rules/data/NAME`` (not read as rule files by the engine), or ``rules/NAME``."""
    base = rules_dir()
    for candidate in (base / "data" / name, base / name):
        if candidate.is_dir():
            return candidate
    return base / "data" / name


# ----------------------------------------------------------------------------- config access


def config_value(config: Any, *keys: str, default: Any = None) -> Any:
    """Read a setting from whatever the configuration object is.

    Looks at attributes (``profiel`` or ``profile``), then at the raw ``[tool.directduidelijk]``
    table (``config.raw``), then at a plain dict. Keys with dashes are also tried with underscores.
    """
    if config is None:
        return default
    names: list[str] = []
    for key in keys:
        names += [key, key.replace("-", "_")]
    for name in names:
        value = getattr(config, name, None) if not isinstance(config, dict) else None
        if value is not None and not callable(value):
            return value
    tables: list[dict] = []
    if isinstance(config, dict):
        tables.append(config)
    raw = getattr(config, "raw", None)
    if isinstance(raw, dict):
        tables.append(raw)
        nested = raw.get("tool", {}).get("directduidelijk") if isinstance(raw.get("tool"), dict) else None
        if isinstance(nested, dict):
            tables.append(nested)
    for table in tables:
        for name in names:
            if name in table and table[name] is not None:
                return table[name]
    return default


def config_base_dir(config: Any) -> Path:
    for name in ("path", "source", "file", "config_file"):
        value = getattr(config, name, None)
        if isinstance(value, (str, Path)) and str(value):
            path = Path(value)
            return path.parent if path.suffix else path
    return Path.cwd()


def deep_merge(base: dict, extra: dict) -> dict:
    result = copy.deepcopy(base)
    for key, value in (extra or {}).items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


# ----------------------------------------------------------------------------- headings


_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[a-z][.)]|[ivx]+[.)])\s+", re.IGNORECASE)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Heading text for comparison: no numbering, accents, punctuation or case."""
    text = _NUMBERING.sub("", text.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower().replace("’", "'").replace("&", " en ")
    text = re.sub(r"[^\w' ]+", " ", text)
    text = re.sub(r"'s\b", "s", text)
    return " ".join(text.split())


# Section roles the checks know, with the usual names. A house template may add synonyms.
SECTION_ROLES: dict[str, tuple[str, ...]] = {
    "beslispunten": (
        "beslispunten", "beslispunt", "besluit", "besluiten", "voorgesteld besluit", "voorgestelde besluiten",
        "te nemen besluit", "te nemen besluiten", "ontwerpbesluit", "conceptbesluit", "voorstel aan de raad",
        "voorstel aan het college", "het college besluit", "de raad besluit", "gevraagd besluit",
        "gevraagde besluiten", "beslissing", "beslissingen", "wat besluit u", "wat wordt er besloten",
        "wat besluit de raad", "wat besluit het college", "besluitpunten", "beslispunten college",
        "beslispunten raad", "voorstel",
    ),
    "samenvatting": (
        "samenvatting", "kernboodschap", "in het kort", "korte samenvatting", "essentie", "kern",
        "managementsamenvatting", "waar gaat het over", "kort gezegd", "de kern", "kernpunten",
        "samenvatting en kernboodschap",
    ),
    "aanleiding": ("aanleiding", "inleiding", "achtergrond", "context", "aanleiding en achtergrond", "waarom dit voorstel",
                   "probleemstelling", "wat is er aan de hand"),
    "doel": ("doel", "doelen", "beoogd effect", "beoogde effecten", "wat willen we bereiken", "doelstelling",
             "wat willen wij bereiken", "beoogd resultaat"),
    "argumenten": ("argumenten", "argumentatie", "onderbouwing", "toelichting", "toelichting op het voorstel",
                   "waarom dit besluit", "motivering", "argumenten en afwegingen", "afweging", "overwegingen"),
    "kanttekeningen": ("kanttekeningen", "risico's", "risicos", "kanttekeningen en risico's", "risico's en kanttekeningen",
                       "kanttekeningen en risicos", "risicos en kanttekeningen", "risico", "nadelen", "risico's en nadelen",
                       "aandachtspunten", "wat zijn de risico's", "wat kan er misgaan", "kanttekening"),
    "alternatieven": ("alternatieven", "alternatief", "andere mogelijkheden", "varianten", "scenario's", "opties"),
    "financien": ("financien", "financiele gevolgen", "financiele paragraaf", "kosten", "kosten en dekking",
                  "financiering", "dekking", "geld", "wat kost het", "financieel", "financiele consequenties",
                  "middelen", "kosten, baten en dekking", "financien en dekking"),
    "juridisch": ("juridische aspecten", "juridisch", "juridische gevolgen", "juridische grondslag", "wet- en regelgeving",
                  "juridische zaken", "bevoegdheid", "wettelijk kader"),
    "duurzaamheid": ("duurzaamheid", "klimaat", "duurzaamheid en klimaat"),
    "participatie": ("participatie", "inspraak", "betrokkenheid inwoners", "wie zijn betrokken", "draagvlak",
                     "betrokkenheid", "participatie en communicatie"),
    "communicatie": ("communicatie", "communicatie en participatie", "wie informeren we", "hoe communiceren we",
                     "informeren", "voorlichting", "externe communicatie"),
    "vervolg": ("vervolg", "vervolgstappen", "uitvoering", "planning", "wat gebeurt er hierna", "hoe verder",
                "vervolgproces", "uitvoering en planning", "planning en uitvoering", "tijdpad", "evaluatie",
                "vervolg en planning", "wat zijn de vervolgstappen", "wat gaan we doen"),
    "onderwerp": ("onderwerp", "titel"),
    "bijlagen": ("bijlagen", "bijlage", "bijlagen en achterliggende stukken", "achterliggende stukken",
                 "ter inzage gelegde stukken"),
}


def role_of(heading: str, extra: dict[str, tuple[str, ...]] | None = None) -> str | None:
    """The section role a heading names, or None."""
    key = normalise(heading)
    if not key:
        return None
    for role, names in (extra or {}).items():
        if key in {normalise(n) for n in names}:
            return role
    for role, names in SECTION_ROLES.items():
        if key in names:
            return role
    return None


# ----------------------------------------------------------------------------- profiles


@dataclass(slots=True)
class Profile:
    name: str
    title: str
    genre: str | None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def max_words(self) -> int | None:
        value = self.data.get("max-woorden")
        return int(value) if value else None

    @property
    def address_form(self) -> str | None:  # "u" | "je" | None
        return self.data.get("aanspreekvorm")

    @property
    def level(self) -> str | None:
        return self.data.get("taalniveau")

    def check_settings(self, check: str) -> dict[str, Any]:
        """Settings this profile gives a structure check (``structuur: {check: {...}}``)."""
        return dict((self.data.get("structuur") or {}).get(check) or {})

    def rule_settings(self, rule_id: str) -> dict[str, Any]:
        """Settings this profile gives another rule (``regels: {lange-zin: {...}}``), for the engine."""
        return dict((self.data.get("regels") or {}).get(rule_id) or {})


# Which profile a genre gets when the configuration names none.
GENRE_PROFILES = {
    "brief": "brief-bewoners",
    "bestuursvoorstel": "bestuursvoorstel",
    "raadsvoorstel": "raadsvoorstel",
    "anders": "algemeen",
}


@lru_cache(maxsize=8)
def _shipped_profiles(folder: str) -> dict[str, dict]:
    profiles: dict[str, dict] = {}
    path = Path(folder)
    if not path.is_dir():
        return profiles
    for file in sorted(path.glob("*.yaml")):
        data = _load_yaml(file)
        name = str(data.get("profiel") or file.stem)
        profiles[name] = data
    return profiles


def _load_yaml(file: Path) -> dict:
    from directduidelijk.engine.loader import RuleError, read_yaml_cached

    try:
        data = read_yaml_cached(file) or {}
    except RuleError as error:
        raise ProfileError(f"{file}: dit bestand kan niet worden gelezen ({error.message}).") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{file}: het bestand moet een lijst met sleutels en waarden zijn.")
    return data


def load_profiles(config: Any = None) -> dict[str, Profile]:
    """All profiles: the shipped ones with the configuration's changes, plus profiles from the configuration."""
    raw = {name: dict(data) for name, data in _shipped_profiles(str(data_dir("profielen"))).items()}
    overrides = config_value(config, "profielen", default={}) or {}
    if not isinstance(overrides, dict):
        raise ProfileError("De instelling 'profielen' moet een tabel zijn: [tool.directduidelijk.profielen.NAAM].")
    for name, extra in overrides.items():
        if not isinstance(extra, dict):
            raise ProfileError(f"De instelling 'profielen.{name}' moet een tabel zijn.")
        base_name = extra.get("basis")
        if name in raw:
            raw[name] = deep_merge(raw[name], extra)
        elif base_name:
            if base_name not in raw:
                raise ProfileError(f"Profiel '{name}': het basisprofiel '{base_name}' bestaat niet.")
            raw[name] = deep_merge(raw[base_name], {**extra, "profiel": name})
        else:
            raw[name] = dict(extra)
    return {
        name: Profile(name, str(data.get("titel") or name), data.get("genre"), data)
        for name, data in raw.items()
    }


def select_profile(genre: str | None, config: Any = None) -> Profile:
    """The profile for a document: the configured one, else the one for its genre."""
    profiles = load_profiles(config)
    wanted = config_value(config, "profiel", "profile")
    if isinstance(wanted, Profile):
        return wanted
    if wanted:
        if wanted not in profiles:
            names = ", ".join(sorted(profiles))
            raise ProfileError(f"Het profiel '{wanted}' bestaat niet. Kies uit: {names}.")
        return profiles[wanted]
    name = GENRE_PROFILES.get(genre or "anders", "algemeen")
    for profile in profiles.values():  # a configured profile may claim a genre as its default
        if profile.genre == genre and profile.data.get("standaard"):
            return profile
    return profiles.get(name) or Profile(name, name, genre, {})


# ----------------------------------------------------------------------------- house templates


@dataclass(slots=True)
class Section:
    name: str
    synonyms: tuple[str, ...]
    role: str | None
    required: bool
    max_words: int | None

    def matches(self, heading: str) -> bool:
        key = normalise(heading)
        return bool(key) and (key == normalise(self.name) or key in {normalise(s) for s in self.synonyms})


@dataclass(slots=True)
class HouseStyle:
    name: str
    title: str
    sections: list[Section]
    genres: tuple[str, ...] = ()
    recognise: tuple[str, ...] = ()  # words in the document that point at this template
    origin: str = ""

    def section_for(self, heading: str) -> Section | None:
        for section in self.sections:
            if section.matches(heading):
                return section
        role = role_of(heading)
        if role:
            for section in self.sections:
                if section.role == role:
                    return section
        return None

    def section_with_role(self, role: str) -> Section | None:
        return next((s for s in self.sections if s.role == role), None)


def parse_house_style(data: dict, origin: str = "") -> HouseStyle:
    name = str(data.get("huisstijl") or Path(origin).stem or "huisstijl")
    sections_data = data.get("secties")
    if not isinstance(sections_data, list) or not sections_data:
        raise ProfileError(f"{origin}: huisstijl '{name}' heeft geen lijst 'secties'.")
    sections: list[Section] = []
    for number, item in enumerate(sections_data, start=1):
        if isinstance(item, str):
            item = {"naam": item}
        if not isinstance(item, dict) or not item.get("naam"):
            raise ProfileError(f"{origin}: huisstijl '{name}', sectie {number}: het veld 'naam' ontbreekt.")
        synonyms = tuple(str(s) for s in item.get("synoniemen") or ())
        role = item.get("rol") or role_of(item["naam"]) or next(
            (r for r in (role_of(s) for s in synonyms) if r), None)
        max_words = item.get("max-woorden", item.get("max_woorden"))
        sections.append(Section(str(item["naam"]), synonyms, role, bool(item.get("verplicht", False)),
                                int(max_words) if max_words else None))
    return HouseStyle(name, str(data.get("titel") or name), sections,
                      tuple(data.get("genres") or ()), tuple(str(w) for w in data.get("herkenning") or ()), origin)


@lru_cache(maxsize=32)
def _house_style_file(path: str) -> HouseStyle:
    return parse_house_style(_load_yaml(Path(path)), path)


def load_house_styles(config: Any = None) -> dict[str, HouseStyle]:
    styles: dict[str, HouseStyle] = {}
    folder = data_dir("huisstijlen")
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    extra = config_value(config, "huisstijl-bestanden", "huisstijlen", default=[]) or []
    if isinstance(extra, str):
        extra = [extra]
    base = config_base_dir(config)
    for item in extra:
        path = Path(item)
        files.append(path if path.is_absolute() else base / path)
    for file in files:
        if not Path(file).is_file():
            raise ProfileError(f"Het huisstijlbestand '{file}' bestaat niet.")
        style = _house_style_file(str(file))
        styles[style.name] = style
    return styles


def configured_house_style(config: Any = None) -> HouseStyle | None:
    """The house template the configuration names (a name or a YAML path), or None."""
    wanted = config_value(config, "huisstijl", "house_style")
    if not wanted:
        return None
    if isinstance(wanted, HouseStyle):
        return wanted
    styles = load_house_styles(config)
    if wanted in styles:
        return styles[wanted]
    path = Path(str(wanted))
    if path.suffix in (".yaml", ".yml"):
        path = path if path.is_absolute() else config_base_dir(config) / path
        if path.is_file():
            return _house_style_file(str(path))
    names = ", ".join(sorted(styles))
    raise ProfileError(f"De huisstijl '{wanted}' bestaat niet. Kies uit: {names}, of geef een YAML-bestand op.")


def best_house_style(headings: list[str], text: str, config: Any = None,
                     genre: str | None = None) -> HouseStyle | None:
    """The shipped or configured template whose sections best match these headings.

    Exact section names and synonyms count 2, a known role counts 1, a recognition word
    (the municipality's name) counts 3. The generic template wins ties and weak matches.
    """
    styles = load_house_styles(config)
    lowered = text.lower()
    best: tuple[float, HouseStyle] | None = None
    for style in styles.values():
        if genre and style.genres and genre not in style.genres:
            continue
        score = 0.0
        for heading in headings:
            if any(section.matches(heading) for section in style.sections):
                score += 2
            elif style.section_for(heading) is not None:
                score += 1
        if any(word.lower() in lowered for word in style.recognise):
            score += 3
        if style.name == "algemeen":
            score += 0.5
        if best is None or score > best[0]:
            best = (score, style)
    return best[1] if best else None


def profile_rule_settings(genre: str | None, config: Any = None) -> dict[str, dict[str, Any]]:
    """Per rule id, the settings the document's profile gives other rules (``regels:`` in the profile).

    For the engine: lay these over a rule's YAML ``instellingen`` and under the configuration's
    ``[instellingen.RULE]``, so a raadsvoorstel gets its own ``lange-zin`` thresholds.
    """
    profile = select_profile(genre, config)
    return {rule_id: dict(settings or {}) for rule_id, settings in (profile.data.get("regels") or {}).items()}
