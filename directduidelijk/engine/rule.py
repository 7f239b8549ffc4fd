"""A loaded, validated rule: the YAML fields with English attribute names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from directduidelijk.findings import Severity

KINDS = ("woordenlijst", "patroon", "afhankelijkheid", "meting", "ingebouwd", "structuur")
SCOPES = ("zin", "alinea", "document")


@dataclass(slots=True)
class Examples:
    wrong: list[str]  # fout
    right: list[str]  # goed


@dataclass(slots=True)
class Rule:
    id: str
    rule_set: str  # set
    title: str  # titel
    kind: str  # soort
    severity: Severity  # ernst
    scope: str  # bereik
    message: str  # melding (template)
    suggestion: str | None  # suggestie (template)
    what: str  # wat
    why: str  # waarom
    source: str | None  # bron
    examples: Examples  # voorbeelden
    also_kinds: tuple[str, ...] = ()  # ook: block kinds checked besides body text
    # Kind-specific data: woorden, patronen, markeer, meting, controle, instellingen, ...
    data: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)  # instellingen (merged with config)
    origin: str = ""  # file the rule came from, for error messages
    enabled: bool = True
