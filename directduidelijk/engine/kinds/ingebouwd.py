"""Kind `ingebouwd`: a named Python check from BUILTIN_CHECKS, switched and tuned from YAML.

`controle` names the check; the rule's `instellingen` (YAML, then the configuration) reach
the check as ``rule.settings``. Importing directduidelijk.engine.builtin registers the checks;
it is imported lazily. A check may declare the spaCy components it needs with an attribute
``requires`` (a set of names); without it the engine keeps the whole pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from directduidelijk.engine.hits import BUILTIN_CHECKS, Hit
from directduidelijk.engine.kinds import ALL_COMPONENTS

if TYPE_CHECKING:
    from directduidelijk.engine.kinds import RunState
    from directduidelijk.engine.rule import Rule

_import_error: str | None = None
_imported = False


def load_builtins() -> str | None:
    """Import the built-in checks once; returns why that failed, or None."""
    global _imported, _import_error
    if not _imported:
        _imported = True
        try:
            import directduidelijk.engine.builtin  # noqa: F401  (registers the checks)
        except ImportError as error:
            _import_error = str(error)
    return _import_error


def check_for(rule: "Rule"):
    load_builtins()
    return BUILTIN_CHECKS.get(rule.data["controle"])


def requires(rule: "Rule") -> set[str]:
    check = check_for(rule)
    declared = getattr(check, "requires", None)
    return set(declared) if declared is not None else set(ALL_COMPONENTS)


def compile(rule: "Rule", vocab=None):
    return check_for(rule)


def run(rule: "Rule", check, state: "RunState") -> Iterator[Hit]:
    if check is None:
        return
    yield from check(state.analysed, rule, state.context)
