"""Configuration: `[tool.directduidelijk]` in pyproject.toml or a `.directduidelijk.toml`.

Found from the checked file's folder upwards (the nearest file wins; in one folder
`.directduidelijk.toml` beats `pyproject.toml`), or given with `--config FILE`.
Keys are Dutch and kebab-case; every key is documented in docs/instellingen.md.
Unknown keys are an error that names the key and, when there is one, a close match.

This module imports neither spaCy nor YAML: `regels` and `uitleg` stay fast.
"""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from directduidelijk.findings import Severity

CONFIG_FILE = ".directduidelijk.toml"
PYPROJECT = "pyproject.toml"

# Metric thresholds on the whole document (`[drempels]`): key -> (metric name, "max" | "min").
METRIC_THRESHOLDS: dict[str, tuple[str, str]] = {
    "max-lint-niveau": ("lint_level", "max"),
    "max-lint-score": ("lint_score", "max"),
    "min-flesch-douma": ("flesch_douma", "min"),
    "min-brouwer": ("brouwer", "min"),
    "max-gemiddelde-zinslengte": ("avg_sentence_length", "max"),
    "max-bevindingen-per-100-woorden": ("findings_per_100_words", "max"),
}

# Keys allowed at the top level, and the subset allowed inside `[per-bestand."glob"]`.
TOP_LEVEL_KEYS = (
    "selecteer", "negeer", "ernst", "instellingen", "extra-regels", "woordenschat",
    "faal-op", "drempels", "per-bestand", "basislijn", "genre", "profiel", "model",
    "profielen", "huisstijl", "huisstijl-bestanden",
)
PER_FILE_KEYS = ("selecteer", "negeer", "ernst", "instellingen", "woordenschat", "drempels", "genre", "profiel")
# Accepted spellings that mean the same key.
ALIASES = {"per-file": "per-bestand", "fail-on": "faal-op", "baseline": "basislijn"}


class ConfigError(Exception):
    """A problem in a configuration file, with a Dutch message naming the file and key."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class Config:
    select: list[str] = field(default_factory=list)  # rule ids or set names; empty = default set
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # rule id -> ernst
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule id -> instellingen
    extra_rules: list[Path] = field(default_factory=list)  # resolved against the config file
    vocabulary: dict[str, str | None] = field(default_factory=dict)  # accepted term -> explanation
    fail_on: Severity = Severity.ERROR
    thresholds: dict[str, float] = field(default_factory=dict)  # "max-lint-niveau" -> 2, ...
    per_file: dict[str, dict[str, Any]] = field(default_factory=dict)  # glob -> validated raw partial config
    baseline: Path | None = None
    genre: str | None = None
    profile: str | None = None
    model: str | None = None
    source: Path | None = None  # the file this came from (None: defaults only)
    # The validated table as written (Dutch keys), for modules that read their own keys:
    # profielen, huisstijl, huisstijl-bestanden (directduidelijk.profiles).
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """Folder that relative paths and per-file globs are relative to."""
        return self.source.parent if self.source is not None else Path.cwd()

    def matching_globs(self, path: str | Path) -> tuple[str, ...]:
        """The `per-bestand` globs that match ``path``, in the order of the file."""
        if not self.per_file or not path or str(path) == "-":
            return ()
        candidates = _path_candidates(Path(path), self.root)
        found = []
        for pattern in self.per_file:
            if any(_glob_match(candidate, pattern) for candidate in candidates):
                found.append(pattern)
        return tuple(found)

    def for_path(self, path: str | Path) -> "Config":
        """This configuration with every matching `per-bestand` section applied (later sections win)."""
        globs = self.matching_globs(path)
        if not globs:
            return self
        result = replace(self, per_file={})
        for pattern in globs:
            result = _apply(result, self.per_file[pattern], origin=self.source, overriding=True)
        return result


def _path_candidates(path: Path, root: Path) -> list[str]:
    candidates = [path.as_posix()]
    try:
        absolute = path if path.is_absolute() else (Path.cwd() / path)
        candidates.append(absolute.resolve().relative_to(root.resolve()).as_posix())
    except (ValueError, OSError):
        pass
    candidates.append(path.name)
    return candidates


def _glob_match(candidate: str, pattern: str) -> bool:
    pattern = pattern.replace("\\", "/")
    if fnmatch.fnmatchcase(candidate, pattern):
        return True
    # "**/x" also matches "x" at the top; "map/**" everything below map/.
    if pattern.startswith("**/") and fnmatch.fnmatchcase(candidate, pattern[3:]):
        return True
    return PurePosixPath(candidate).match(pattern) if "/" in pattern and not pattern.startswith("/") else False


# --------------------------------------------------------------------------- loading


def find_config(start: Path | None) -> tuple[Path, dict] | None:
    """Walk from ``start`` (a file or folder) up to the filesystem root; the nearest config wins."""
    folder = Path(start or Path.cwd()).resolve()
    if folder.is_file() or not folder.exists() and folder.suffix:
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own, _read_toml(own)
        pyproject = candidate / PYPROJECT
        if pyproject.is_file():
            data = _read_toml(pyproject)
            section = data.get("tool", {}).get("directduidelijk") if isinstance(data.get("tool"), dict) else None
            if isinstance(section, dict):
                return pyproject, section
    return None


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{_show(path)}: dit is geen geldig TOML-bestand ({error}).") from None
    except OSError as error:
        raise ConfigError(f"{_show(path)}: het bestand kan niet worden gelezen ({error.strerror}).") from None


def _explicit(path: Path) -> dict:
    if not path.is_file():
        raise ConfigError(f"Het instellingenbestand '{path}' bestaat niet.")
    data = _read_toml(path)
    tool = data.get("tool")
    if isinstance(tool, dict) and "directduidelijk" in tool:
        section = tool["directduidelijk"]
        if not isinstance(section, dict):
            raise ConfigError(f"{_show(path)}: [tool.directduidelijk] moet een tabel zijn.")
        return section
    if path.name == PYPROJECT:
        return {}
    return data


def load_config(start: Path | None = None, explicit: Path | None = None, overrides: dict | None = None) -> Config:
    """Find, read and validate the configuration; ``overrides`` (same Dutch keys) come from the command line."""
    if explicit is not None:
        source: Path | None = Path(explicit).resolve()
        raw = _explicit(source)
    else:
        found = find_config(start)
        source, raw = found if found else (None, {})
    config = _apply(Config(source=source), raw, origin=source, overriding=False)
    if overrides:
        config = _apply(config, overrides, origin=None, overriding=True)
    return config


def _show(path: Path | None) -> str:
    if path is None:
        return "de opdrachtregel"
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _where(origin: Path | None, key: str) -> str:
    return f"{_show(origin)}, '{key}'" if origin is not None else f"de optie '{key}'"


def _unknown_key(origin: Path | None, key: str, allowed: tuple[str, ...] | list[str], section: str = "") -> ConfigError:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    hint = f" Bedoelt u '{close[0]}'?" if close else f" Geldige sleutels: {', '.join(allowed)}."
    place = f" in [{section}]" if section else ""
    return ConfigError(f"{_show(origin)}: de sleutel '{key}'{place} bestaat niet.{hint}")


def _string_list(value: Any, origin: Path | None, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{_where(origin, key)}: geef een lijst met namen, bijvoorbeeld {key} = [\"lange-zin\"].")
    return [item.strip() for item in value]


def _severity(value: Any, origin: Path | None, key: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError:
        raise ConfigError(
            f"{_where(origin, key)}: '{value}' is geen geldige ernst. Kies uit: fout, waarschuwing, suggestie."
        ) from None


def _apply(config: Config, raw: dict, *, origin: Path | None, overriding: bool) -> Config:
    """Validate ``raw`` and lay it over ``config``; returns a new Config."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{_show(origin)}: de instellingen moeten een tabel zijn.")
    allowed = TOP_LEVEL_KEYS if not (overriding and origin is not None) else PER_FILE_KEYS
    result = replace(
        config,
        select=list(config.select), ignore=list(config.ignore), severity=dict(config.severity),
        settings={k: dict(v) for k, v in config.settings.items()}, extra_rules=list(config.extra_rules),
        vocabulary=dict(config.vocabulary), thresholds=dict(config.thresholds), per_file=dict(config.per_file),
        raw=dict(config.raw),
    )
    base = origin.parent if origin is not None else Path.cwd()
    for raw_key, value in raw.items():
        key = ALIASES.get(raw_key, raw_key)
        if key in allowed:
            result.raw[key] = value
        if key not in allowed:
            if key in TOP_LEVEL_KEYS:
                raise ConfigError(f"{_show(origin)}: de sleutel '{key}' kan niet per bestand worden ingesteld.")
            raise _unknown_key(origin, raw_key, allowed)
        if key == "selecteer":
            result.select = _string_list(value, origin, key)
        elif key == "negeer":
            names = _string_list(value, origin, key)
            result.ignore = result.ignore + [n for n in names if n not in result.ignore] if overriding else names
            if overriding:
                # Ignoring a rule here also undoes an earlier explicit selection of that rule.
                result.select = [n for n in result.select if n not in names]
        elif key == "faal-op":
            result.fail_on = _severity(value, origin, key)
        elif key == "ernst":
            if not isinstance(value, dict):
                raise ConfigError(f"{_where(origin, key)}: geef een tabel, bijvoorbeeld [ernst] lange-zin = \"fout\".")
            for rule_id, level in value.items():
                result.severity[rule_id] = _severity(level, origin, f"ernst.{rule_id}")
        elif key == "instellingen":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(
                    f"{_where(origin, key)}: geef per regel een tabel, bijvoorbeeld "
                    "[instellingen.lange-zin] drempels = { waarschuwing = 18, fout = 22 }."
                )
            for rule_id, settings in value.items():
                merged = dict(result.settings.get(rule_id, {}))
                merged.update(settings)
                result.settings[rule_id] = merged
        elif key == "extra-regels":
            result.extra_rules = result.extra_rules + [
                (base / name).resolve() for name in _string_list(value, origin, key)
            ]
        elif key == "woordenschat":
            result.vocabulary.update(_vocabulary(value, origin))
        elif key == "drempels":
            if not isinstance(value, dict):
                raise ConfigError(f"{_where(origin, key)}: geef een tabel, bijvoorbeeld [drempels] max-lint-niveau = 2.")
            for name, number in value.items():
                if name not in METRIC_THRESHOLDS:
                    raise _unknown_key(origin, name, tuple(METRIC_THRESHOLDS), section="drempels")
                if isinstance(number, bool) or not isinstance(number, (int, float)):
                    raise ConfigError(f"{_where(origin, f'drempels.{name}')}: '{number}' is geen getal.")
                result.thresholds[name] = number
        elif key == "per-bestand":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(
                    f"{_where(origin, key)}: geef per patroon een tabel, bijvoorbeeld "
                    "[per-bestand.\"oud/*.docx\"] negeer = [\"lijdende-vorm\"]."
                )
            for pattern, partial in value.items():
                # Validate now, so a typo shows up before any file is checked.
                _apply(Config(source=origin), partial, origin=origin or Path("per-bestand"), overriding=True)
                result.per_file[pattern] = partial
        elif key == "basislijn":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{_where(origin, key)}: geef een bestandsnaam.")
            result.baseline = (base / value).resolve()
        elif key == "profielen":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(
                    f"{_where(origin, key)}: geef per profiel een tabel, bijvoorbeeld "
                    "[profielen.brief-bewoners] max-woorden = 600."
                )
        elif key == "huisstijl":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{_where(origin, key)}: geef de naam van een huisstijl of een bestand.")
        elif key == "huisstijl-bestanden":
            _string_list(value, origin, key)
        elif key in ("genre", "profiel", "model"):
            if not isinstance(value, str):
                raise ConfigError(f"{_where(origin, key)}: geef een naam (tekst).")
            attribute = {"genre": "genre", "profiel": "profile", "model": "model"}[key]
            setattr(result, attribute, value)
    return result


def _vocabulary(value: Any, origin: Path | None) -> dict[str, str | None]:
    """`woordenschat`: a table term -> explanation ("" for none), or a list of terms."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return {term: None for term in value}
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return {term: (explanation or None) for term, explanation in value.items()}
    raise ConfigError(
        f"{_where(origin, 'woordenschat')}: geef een tabel met woord = \"uitleg\" (of \"\"), "
        "bijvoorbeeld Wmo = \"Wet maatschappelijke ondersteuning\"."
    )
