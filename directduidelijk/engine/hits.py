"""What a rule kind or built-in check returns before it becomes a Finding.

A Hit is a span in one block's text plus the values the message template needs.
The engine turns hits into Findings (positions, message, severity, suggestion), so
every kind and check shares one conversion.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from directduidelijk.engine.rule import Rule
    from directduidelijk.findings import Severity
    from directduidelijk.language.analysis import AnalysedDocument, Sentence


@dataclass(slots=True)
class Hit:
    block_index: int
    start: int  # character offsets in the block text, end exclusive
    end: int
    sentence: "Sentence | None" = None
    # Values for the {placeholders} in melding/suggestie: tekst, alternatief, waarde, drempel, ...
    values: dict[str, Any] = field(default_factory=dict)
    severity: "Severity | None" = None  # overrides the rule's ernst (meting thresholds)
    suggestion: str | None = None  # overrides the rule's suggestie when set
    replacement: str | None = None  # for --fix: text that replaces [start, end)
    fix_safe: bool = False
    # Copied into Finding.extra, e.g. {"parts": [(start, end), ...]}: the matched words of a
    # gapped expression ("dient ... te"), to highlight only those.
    extra: dict[str, Any] = field(default_factory=dict)


# A built-in check: (analysed document, its rule with instellingen, shared resources) -> hits.
BuiltinCheck = Callable[["AnalysedDocument", "Rule", "CheckContext"], Iterable[Hit]]

BUILTIN_CHECKS: dict[str, BuiltinCheck] = {}


def builtin(name: str) -> Callable[[BuiltinCheck], BuiltinCheck]:
    """Register a built-in check under the name a YAML rule uses in `controle:`."""

    def register(check: BuiltinCheck) -> BuiltinCheck:
        BUILTIN_CHECKS[name] = check
        return check

    return register


@dataclass(slots=True)
class CheckContext:
    """Shared, loaded-once resources a check may need (vocabulary from config, word data)."""

    vocabulary: dict[str, str | None] = field(default_factory=dict)  # accepted term -> explanation
    settings: dict[str, Any] = field(default_factory=dict)
