"""Load and validate the YAML rule files; apply the configuration (selection, severity, settings).

Every problem is a RuleError with a Dutch message that names the file, the rule and
the field, e.g. "rules/x.yaml, regel 'lange-zin', veld 'ernst': 'hoog' is geen geldige
ernst. Kies uit: fout, waarschuwing, suggestie."

This module imports no spaCy: listing and explaining rules stays fast. Token patterns
are checked here for their shape only; spaCy checks them fully when the engine compiles
them (and reports through the same RuleError).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from directduidelijk.engine.rule import KINDS, SCOPES, Examples, Rule
from directduidelijk.findings import Severity

if TYPE_CHECKING:
    from directduidelijk.config import Config

DEFAULT_SET = "direct-duidelijk"
# Folders under rules/ that hold data, not rules.
DATA_FOLDERS = {"woordenschat", "data"}
RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BLOCK_KINDS = ("kop", "alinea", "opsomming", "tabelcel", "aanhef", "afsluiting", "ondertekening")
QUANTITIES = ("woorden", "lettergrepen", "letters", "bijzinnen", "afstand", "zinnen")
UNITS = ("woord", "zin", "alinea", "document")
# Which quantity can be counted per which unit.
QUANTITY_UNITS = {
    "woorden": ("zin", "alinea", "document"),
    "lettergrepen": ("woord", "zin", "alinea", "document"),
    "letters": ("woord", "zin", "alinea", "document"),
    "bijzinnen": ("zin", "alinea", "document"),
    "afstand": ("zin",),
    "zinnen": ("alinea", "document"),
}
UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X")

COMMON_FIELDS = ("id", "titel", "soort", "ernst", "bereik", "melding", "suggestie", "wat", "waarom", "bron",
                 "voorbeelden", "ook", "aan", "instellingen")
KIND_FIELDS = {
    "woordenlijst": ("woorden",),
    "patroon": ("patronen",),
    "afhankelijkheid": ("patronen", "markeer"),
    "meting": ("meting",),
    "ingebouwd": ("controle",),
    "structuur": ("controle", "secties"),
}
REQUIRED = ("id", "titel", "soort", "ernst", "melding", "wat", "waarom", "voorbeelden")
ENTRY_FIELDS = ("woord", "alternatief", "veilig", "woordsoort", "toelichting", "volgorde")
MAX_GAP = 6


class RuleError(Exception):
    """A rule file that cannot be used, with a Dutch message naming file, rule and field."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def rules_directory() -> Path:
    """The shipped rules: the installed package's rules_data, else the checkout's rules/."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rules_data"
    if installed.is_dir():
        return installed
    return package.parent / "rules"


def _show(path: Path) -> str:
    path = Path(path)
    for base in (rules_directory().parent, Path.cwd()):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return str(path)


def rule_files(directory: Path) -> list[Path]:
    """All .yaml/.yml files under ``directory`` except data folders and hidden or _private files."""
    files = []
    for path in sorted(directory.rglob("*")):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        parts = path.relative_to(directory).parts
        if any(part in DATA_FOLDERS or part.startswith((".", "_")) for part in parts):
            continue
        files.append(path)
    return files


_REGELS_LINE = re.compile(r"^regels\s*:", re.MULTILINE)
_CACHE_VERSION = "1"


def _cache_dir() -> Path | None:
    import os

    if os.environ.get("DIRECTDUIDELIJK_GEEN_CACHE"):
        return None
    base = os.environ.get("DIRECTDUIDELIJK_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "directduidelijk" / "yaml"


def read_yaml_cached(path: Path) -> Any:
    """read_yaml, with the parsed result kept as JSON in the user's cache folder.

    PyYAML needs ~0.3 s for the large word lists; JSON reads them in milliseconds, which keeps
    `regels`, `uitleg` and a pre-commit hook fast. The key is a hash of the file's content;
    any problem with the cache just means parsing the YAML again.
    """
    import hashlib
    import json
    import os

    folder = _cache_dir()
    if folder is None:
        return read_yaml(path)
    try:
        content = Path(path).read_bytes()
    except OSError:
        return read_yaml(path)  # reports the problem in Dutch
    key = hashlib.sha1(_CACHE_VERSION.encode() + b"|" + content).hexdigest()
    cached = folder / f"{key}.json"
    try:
        with open(cached, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        pass
    data = read_yaml(path)
    if not _string_keys(data):
        return data  # JSON would turn keys like `yes:` (True) or `1:` into strings
    try:
        text = json.dumps(data, ensure_ascii=False)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, cached)
    except (OSError, TypeError, ValueError):
        pass  # values JSON cannot hold (dates), or no writable cache: parse every time
    return data


def _string_keys(data: Any) -> bool:
    """True when every mapping in data has only string keys (so JSON gives it back unchanged)."""
    if isinstance(data, dict):
        return all(isinstance(key, str) and _string_keys(value) for key, value in data.items())
    if isinstance(data, list):
        return all(_string_keys(item) for item in data)
    return True


def is_rule_file(path: Path) -> bool:
    """Cheap test without parsing: a rule file has a top-level `regels:` key."""
    try:
        return bool(_REGELS_LINE.search(Path(path).read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return True  # let read_yaml report the problem


def read_yaml(path: Path) -> Any:
    import yaml  # only when a file is not in the cache: the import alone takes ~50 ms

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"{_show(path)}: het regelbestand bestaat niet.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"{_show(path)}: het regelbestand kan niet worden gelezen ({error}).") from None
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (regel {mark.line + 1}, kolom {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RuleError(f"{_show(path)}: dit is geen geldige YAML{where}: {problem}.") from None


def parse_file(path: Path, data: Any | None = None) -> list[Rule]:
    """Read and validate one rule file."""
    where = _show(path)
    if data is None:
        data = read_yaml(path)
    if not isinstance(data, dict):
        raise RuleError(f"{where}: het bestand moet de velden 'set' en 'regels' hebben.")
    unknown = [key for key in data if key not in ("set", "regels")]
    if unknown:
        raise RuleError(f"{where}: onbekend veld '{unknown[0]}'{_suggest(unknown[0], ('set', 'regels'))}")
    rule_set = data.get("set", DEFAULT_SET)
    if not isinstance(rule_set, str) or not RULE_ID.match(rule_set):
        raise RuleError(f"{where}, veld 'set': '{rule_set}' is geen geldige naam (kleine letters en streepjes).")
    entries = data.get("regels")
    if not isinstance(entries, list) or not entries:
        raise RuleError(f"{where}, veld 'regels': geef een lijst met minstens één regel.")
    rules = []
    for number, entry in enumerate(entries, start=1):
        rules.append(parse_rule(entry, where, rule_set, number))
    return rules


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f". Bedoelt u '{close[0]}'?" if close else "."


def parse_rule(entry: Any, where: str, rule_set: str, number: int = 1) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(f"{where}, regel {number}: een regel moet velden hebben (id, titel, soort, ...).")
    rule_id = entry.get("id")
    label = f"regel '{rule_id}'" if isinstance(rule_id, str) else f"regel {number}"

    def fail(field: str, problem: str) -> RuleError:
        return RuleError(f"{where}, {label}, veld '{field}': {problem}")

    for field in REQUIRED:
        if field not in entry or entry[field] in (None, ""):
            raise RuleError(f"{where}, {label}: het veld '{field}' ontbreekt.")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise fail("id", f"'{rule_id}' is geen geldig id. Gebruik kleine letters en streepjes, bijvoorbeeld 'lange-zin'.")
    kind = entry["soort"]
    if kind not in KINDS:
        raise fail("soort", f"'{kind}' is geen geldige soort. Kies uit: {', '.join(KINDS)}.")
    allowed = COMMON_FIELDS + KIND_FIELDS.get(kind, ())
    for field in entry:
        if field not in allowed:
            all_fields = COMMON_FIELDS + tuple(f for fields in KIND_FIELDS.values() for f in fields)
            if field in all_fields:
                raise fail(field, f"dit veld hoort niet bij soort '{kind}'.")
            raise RuleError(f"{where}, {label}: onbekend veld '{field}'{_suggest(str(field), all_fields)}")
    try:
        severity = Severity.parse(str(entry["ernst"]))
    except ValueError:
        raise fail("ernst", f"'{entry['ernst']}' is geen geldige ernst. Kies uit: fout, waarschuwing, suggestie.") from None
    scope = entry.get("bereik") or _default_scope(entry)
    if scope not in SCOPES:
        raise fail("bereik", f"'{scope}' is geen geldig bereik. Kies uit: {', '.join(SCOPES)}.")
    for field in ("titel", "melding", "wat", "waarom"):
        if not isinstance(entry[field], str):
            raise fail(field, "geef een tekst.")
    for field in ("suggestie", "bron"):
        if entry.get(field) is not None and not isinstance(entry[field], str):
            raise fail(field, "geef een tekst.")
    examples = entry["voorbeelden"]
    if not isinstance(examples, dict):
        raise fail("voorbeelden", "geef 'fout' en 'goed' met elk minstens één zin.")
    for field in examples:
        if field not in ("fout", "goed"):
            raise fail("voorbeelden", f"onbekend onderdeel '{field}'. Gebruik 'fout' en 'goed'.")
    lists = {}
    for side in ("fout", "goed"):
        sentences = examples.get(side)
        if isinstance(sentences, str):
            sentences = [sentences]
        if not isinstance(sentences, list) or not sentences or not all(isinstance(s, str) and s.strip() for s in sentences):
            raise fail("voorbeelden", f"geef bij '{side}' minstens één voorbeeldzin. Een regel zonder voorbeelden wordt niet geladen.")
        lists[side] = [s.strip() for s in sentences]
    also = entry.get("ook", [])
    if isinstance(also, str):
        also = [also]
    if not isinstance(also, list) or any(kind_name not in BLOCK_KINDS for kind_name in also):
        bad = next((k for k in also if k not in BLOCK_KINDS), also) if isinstance(also, list) else also
        raise fail("ook", f"'{bad}' is geen soort tekstblok. Kies uit: {', '.join(BLOCK_KINDS)}.")
    enabled = entry.get("aan", True)
    if not isinstance(enabled, bool):
        raise fail("aan", "geef true of false.")
    settings = entry.get("instellingen", {}) or {}
    if not isinstance(settings, dict):
        raise fail("instellingen", "geef een tabel met namen en waarden.")

    data: dict[str, Any] = {"default_enabled": enabled}
    validator = {
        "woordenlijst": _woordenlijst, "patroon": _patroon, "afhankelijkheid": _afhankelijkheid,
        "meting": _meting, "ingebouwd": _ingebouwd, "structuur": _ingebouwd,
    }[kind]
    validator(entry, data, settings, fail)
    return Rule(
        id=rule_id, rule_set=rule_set, title=entry["titel"].strip(), kind=kind, severity=severity, scope=scope,
        message=entry["melding"].strip(), suggestion=(entry.get("suggestie") or None) and entry["suggestie"].strip(),
        what=entry["wat"].strip(), why=entry["waarom"].strip(), source=(entry.get("bron") or None),
        examples=Examples(lists["fout"], lists["goed"]), also_kinds=tuple(also), data=data,
        settings=dict(settings), origin=where, enabled=enabled,
    )


def _default_scope(entry: dict) -> str:
    """`bereik` when the rule does not say: from `per` for a measurement, `document` for structure."""
    if entry.get("soort") == "structuur":
        return "document"
    measurement = entry.get("meting")
    first = measurement[0] if isinstance(measurement, list) and measurement else measurement
    if isinstance(first, dict) and first.get("per") in ("alinea", "document"):
        return first["per"]
    return "zin"


# --------------------------------------------------------------------------- kinds


def _woordenlijst(entry: dict, data: dict, settings: dict, fail) -> None:
    words = entry.get("woorden")
    if not isinstance(words, list) or not words:
        raise fail("woorden", "geef een lijst met minstens één woord.")
    checked = []
    for index, item in enumerate(words, start=1):
        if isinstance(item, str):
            item = {"woord": item}
        if not isinstance(item, dict) or not isinstance(item.get("woord"), str) or not item["woord"].strip():
            raise fail("woorden", f"item {index} heeft geen 'woord'.")
        name = item["woord"].strip()
        for key in item:
            if key not in ENTRY_FIELDS:
                raise fail("woorden", f"'{name}': onbekend veld '{key}'{_suggest(str(key), ENTRY_FIELDS)}")
        alternatives = item.get("alternatief", [])
        if isinstance(alternatives, str):
            alternatives = [alternatives]
        if not isinstance(alternatives, list) or not all(isinstance(a, str) for a in alternatives):
            raise fail("woorden", f"'{name}': 'alternatief' moet een lijst met woorden zijn.")
        pos = item.get("woordsoort", [])
        if isinstance(pos, str):
            pos = [pos]
        if not isinstance(pos, list) or any(p not in UPOS for p in pos):
            raise fail("woorden", f"'{name}': 'woordsoort' moet uit deze lijst komen: {', '.join(UPOS)}.")
        safe = item.get("veilig", False)
        if not isinstance(safe, bool):
            raise fail("woorden", f"'{name}': 'veilig' is true of false.")
        if safe and not alternatives:
            raise fail("woorden", f"'{name}': 'veilig: true' kan alleen met een alternatief (--fix neemt het eerste).")
        order = item.get("volgorde")
        if order not in (None, "vast", "vrij"):
            raise fail("woorden", f"'{name}': 'volgorde' is 'vast' of 'vrij'.")
        tokens = name.lower().split()
        if tokens[0] == "..." or tokens[-1] == "..." or any(
            a == b == "..." for a, b in zip(tokens, tokens[1:], strict=False)
        ):
            raise fail("woorden", f"'{name}': '...' mag alleen tussen twee woorden staan.")
        checked.append({
            "woord": name, "alternatief": [a.strip() for a in alternatives], "veilig": safe,
            "woordsoort": pos, "toelichting": item.get("toelichting"), "volgorde": order,
        })
    data["woorden"] = checked


def _token_pattern_shape(pattern: Any) -> bool:
    return isinstance(pattern, list) and bool(pattern) and all(isinstance(token, dict) for token in pattern)


def _patroon(entry: dict, data: dict, settings: dict, fail) -> None:
    patterns = entry.get("patronen")
    if not isinstance(patterns, list) or not patterns or not all(_token_pattern_shape(p) for p in patterns):
        raise fail("patronen", "geef een lijst met patronen; elk patroon is een lijst met tokens, zoals [{LOWER: er}, {LEMMA: worden}].")
    data["patronen"] = patterns


def _afhankelijkheid(entry: dict, data: dict, settings: dict, fail) -> None:
    patterns = entry.get("patronen")
    if not isinstance(patterns, list) or not patterns or not all(_token_pattern_shape(p) for p in patterns):
        raise fail("patronen", "geef een lijst met patronen van de DependencyMatcher (RIGHT_ID, RIGHT_ATTRS, ...).")
    names: set[str] = set()
    for pattern in patterns:
        ids = [node.get("RIGHT_ID") for node in pattern]
        if not all(isinstance(i, str) for i in ids):
            raise fail("patronen", "elke knoop heeft een RIGHT_ID nodig.")
        if any("LEFT_ID" in node for node in pattern[:1]) or any(
            "LEFT_ID" not in node or "REL_OP" not in node for node in pattern[1:]
        ):
            raise fail("patronen", "de eerste knoop heeft alleen RIGHT_ID en RIGHT_ATTRS; de andere ook LEFT_ID en REL_OP.")
        names.update(ids)
    mark = entry.get("markeer")
    if mark is None:
        mark = [pattern[0]["RIGHT_ID"] for pattern in patterns[:1]]
    if isinstance(mark, str):
        mark = [mark]
    if not isinstance(mark, list) or not mark or any(m not in names for m in mark):
        raise fail("markeer", f"noem knopen uit de patronen ({', '.join(sorted(names))}).")
    data["patronen"] = patterns
    data["markeer"] = mark


def _thresholds(value: Any, field: str, fail) -> dict[str, float]:
    if not isinstance(value, dict) or not value:
        raise fail(field, "geef drempels per ernst, bijvoorbeeld {waarschuwing: 20, fout: 25}.")
    result = {}
    for name, number in value.items():
        try:
            Severity.parse(str(name))
        except ValueError:
            raise fail(field, f"'{name}' is geen geldige ernst. Kies uit: fout, waarschuwing, suggestie.") from None
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise fail(field, f"de drempel voor '{name}' moet een getal zijn, niet '{number}'.")
        result[str(name).strip().lower()] = number
    return result


def validate_measurement(item: Any, fail, field: str = "meting") -> dict:
    if not isinstance(item, dict):
        raise fail(field, "geef grootheid, per en drempels.")
    for key in item:
        if key not in ("grootheid", "per", "drempels", "aandeel", "eenheid"):
            raise fail(field, f"onbekend onderdeel '{key}'{_suggest(str(key), ('grootheid', 'per', 'drempels', 'aandeel'))}")
    quantity = item.get("grootheid")
    if quantity not in QUANTITIES:
        raise fail(field, f"'{quantity}' is geen geldige grootheid. Kies uit: {', '.join(QUANTITIES)}.")
    unit = item.get("per")
    if unit not in UNITS:
        raise fail(field, f"'per: {unit}' kan niet. Kies uit: {', '.join(UNITS)}.")
    if unit not in QUANTITY_UNITS[quantity]:
        raise fail(field, f"'{quantity}' kan niet per {unit} worden gemeten. Kies uit: {', '.join(QUANTITY_UNITS[quantity])}.")
    thresholds = _thresholds(item.get("drempels"), field, fail)
    rate = item.get("aandeel")
    if rate is not None:
        if not isinstance(rate, dict) or set(rate) - {"max", "per_aantal"} or not all(
            isinstance(rate.get(k), (int, float)) and not isinstance(rate.get(k), bool) for k in ("max", "per_aantal")
        ) or rate["per_aantal"] <= 0:
            raise fail(field, "'aandeel' heeft 'max' en 'per_aantal' (getallen), bijvoorbeeld {max: 10, per_aantal: 100}.")
    return {"grootheid": quantity, "per": unit, "drempels": thresholds, "aandeel": rate,
            "eenheid": item.get("eenheid") or quantity}


def _meting(entry: dict, data: dict, settings: dict, fail) -> None:
    value = entry.get("meting")
    items = value if isinstance(value, list) else [value]
    if not items:
        raise fail("meting", "geef grootheid, per en drempels.")
    measurements = [validate_measurement(item, fail) for item in items]
    data["meting"] = measurements
    for key, setting in settings.items():
        _check_measurement_setting(key, setting, measurements, fail, "instellingen")


def measurement_setting_keys(measurements: list[dict]) -> list[str]:
    keys = ["drempels", "aandeel"]
    if len(measurements) > 1:
        keys += [f"drempels-{m['grootheid']}" for m in measurements]
    return keys


def _check_measurement_setting(key: str, value: Any, measurements: list[dict], fail, field: str) -> None:
    keys = measurement_setting_keys(measurements)
    if key not in keys:
        raise fail(field, f"onbekende instelling '{key}'{_suggest(key, keys)} Mogelijk: {', '.join(keys)}.")
    if key == "aandeel":
        validate_measurement({**{k: measurements[0][k] for k in ("grootheid", "per", "drempels")}, "aandeel": value},
                             fail, field)
    else:
        _thresholds(value, field, fail)


def _ingebouwd(entry: dict, data: dict, settings: dict, fail) -> None:
    name = entry.get("controle")
    if not isinstance(name, str) or not name.strip():
        raise fail("controle", "noem de ingebouwde controle, bijvoorbeeld 'lijdende-vorm'.")
    data["controle"] = name.strip()
    if "secties" in entry:
        data["secties"] = entry["secties"]


# --------------------------------------------------------------------------- all rules + config


def load_rules(config: "Config | None" = None, *, directory: Path | None = None) -> list[Rule]:
    """All shipped rules plus the configuration's extra rule files, with the configuration applied.

    Every rule is returned; ``rule.enabled`` says whether it runs. Raises RuleError for a bad
    rule file and ConfigError for configuration that names rules or sets that do not exist.
    """
    from directduidelijk.config import Config

    config = config or Config()
    shipped = directory or rules_directory()
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    extra_ids: set[str] = set()
    sources = [(path, False) for path in (rule_files(shipped) if shipped.is_dir() else [])]
    sources += [(Path(path), True) for path in config.extra_rules]
    for path, extra in sources:
        if not extra and not is_rule_file(path):
            continue  # a data file next to the rules (word lists for a built-in check)
        data = read_yaml_cached(path)
        if not extra and isinstance(data, dict) and "regels" not in data:
            continue
        for rule in parse_file(path, data):
            if rule.id in seen:
                raise RuleError(f"{rule.origin}, regel '{rule.id}': dit id bestaat al in {seen[rule.id]}.")
            seen[rule.id] = rule.origin
            if extra:
                extra_ids.add(rule.id)
            rules.append(rule)
    apply_config(rules, config, extra_ids)
    return rules


def apply_config(rules: list[Rule], config: "Config", extra_ids: set[str] | None = None) -> None:
    """Set enabled, severity and settings on each rule from the configuration (in place)."""
    from directduidelijk.config import ConfigError, _show as show_config

    extra_ids = extra_ids if extra_ids is not None else {r.id for r in rules if r.data.get("extra")}
    for rule in rules:
        if rule.id in extra_ids:
            rule.data["extra"] = True
    ids = {rule.id for rule in rules}
    sets = {rule.rule_set for rule in rules}
    where = show_config(config.source)

    def check_names(names: Iterable[str], key: str, allow_sets: bool = True) -> None:
        for name in names:
            if name in ids or (allow_sets and name in sets):
                continue
            choices = sorted(ids | sets) if allow_sets else sorted(ids)
            close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
            hint = f" Bedoelt u '{close[0]}'?" if close else " Zie 'directduidelijk regels' voor de lijst."
            kind = "regel of set" if allow_sets else "regel"
            raise ConfigError(f"{where}, '{key}': de {kind} '{name}' bestaat niet.{hint}")

    check_names(config.select, "selecteer")
    check_names(config.ignore, "negeer")
    check_names(config.severity, "ernst", allow_sets=False)
    check_names(config.settings, "instellingen", allow_sets=False)
    for pattern, partial in config.per_file.items():
        for key in ("selecteer", "negeer"):
            value = partial.get(key, [])
            check_names([value] if isinstance(value, str) else value, f"per-bestand.\"{pattern}\".{key}")
        check_names(partial.get("ernst", {}), f"per-bestand.\"{pattern}\".ernst", allow_sets=False)
        check_names(partial.get("instellingen", {}), f"per-bestand.\"{pattern}\".instellingen", allow_sets=False)

    by_id = {rule.id: rule for rule in rules}
    for rule_id, settings in config.settings.items():
        _check_settings(by_id[rule_id], settings, where)
    for partial in config.per_file.values():
        for rule_id, settings in partial.get("instellingen", {}).items():
            _check_settings(by_id[rule_id], settings, where)

    for rule in rules:
        configure_rule(rule, config)


def _check_settings(rule: Rule, settings: dict, where: str) -> None:
    from directduidelijk.config import ConfigError

    if rule.kind != "meting":
        return  # built-in checks take their own settings; they ignore what they do not know

    def fail(field: str, problem: str) -> ConfigError:
        return ConfigError(f"{where}, '[instellingen.{rule.id}]': {problem}")

    for key, value in settings.items():
        _check_measurement_setting(key, value, rule.data["meting"], fail, "instellingen")


def is_selected(rule: Rule, select: list[str], ignore: list[str]) -> bool:
    """Selection by id beats selection by set; an ignored id always loses."""
    if rule.id in ignore:
        return False
    if rule.id in select:
        return True
    if rule.rule_set in ignore:
        return False
    if select:
        return rule.rule_set in select
    return bool(rule.data.get("default_enabled", True)) and (
        rule.rule_set == DEFAULT_SET or bool(rule.data.get("extra"))
    )


def configure_rule(rule: Rule, config: "Config") -> None:
    """Apply selection, severity and settings of ``config`` to ``rule`` (in place)."""
    original = rule.data.setdefault("original", {"severity": rule.severity, "settings": dict(rule.settings)})
    rule.enabled = is_selected(rule, config.select, config.ignore)
    if rule.id in config.severity:
        rule.severity = config.severity[rule.id]
        rule.data["fixed_severity"] = True
    else:
        rule.severity = original["severity"]
        rule.data["fixed_severity"] = False
    settings = dict(original["settings"])
    settings.update(config.settings.get(rule.id, {}))
    rule.settings = settings


# --------------------------------------------------------------------------- vocabulary


def load_vocabulary(config: "Config | None" = None, *, directory: Path | None = None) -> dict[str, str | None]:
    """Accepted terms (term -> explanation or None): rules/woordenschat/*.yaml, then the configuration.

    A vocabulary file is a mapping term -> explanation, a list of terms, or a mapping with
    a list under `woorden`/`termen` whose items have `woord`/`term` and `uitleg`/`toelichting`.
    """
    folder = (directory or rules_directory()) / "woordenschat"
    vocabulary: dict[str, str | None] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.y*ml")):
            vocabulary.update(_vocabulary_file(path))
    if config is not None:
        vocabulary.update(config.vocabulary)
    return vocabulary


def _vocabulary_file(path: Path) -> dict[str, str | None]:
    data = read_yaml_cached(path)
    if isinstance(data, dict):
        for key in ("woorden", "termen", "woordenschat"):
            if isinstance(data.get(key), (list, dict)):
                data = data[key]
                break
    result: dict[str, str | None] = {}
    if isinstance(data, dict):
        for term, explanation in data.items():
            result[str(term)] = explanation if isinstance(explanation, str) and explanation else None
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, str):
                result[item] = None
            elif isinstance(item, dict):
                term = item.get("woord") or item.get("term")
                if isinstance(term, str):
                    explanation = item.get("uitleg") or item.get("toelichting")
                    result[term] = explanation if isinstance(explanation, str) else None
    return result
