"""The rule engine: YAML rules (rules/) -> validated Rule objects -> Findings.

    from directduidelijk.engine import RuleEngine, load_rules, rules_directory
    rules = load_rules(config)          # every rule, rule.enabled from the configuration
    engine = RuleEngine(rules, config)  # compiles matchers lazily, once per spaCy vocab
    findings = engine.check(analysed)   # sorted in document order

Importing this package does not import spaCy (`regels` and `uitleg` stay fast);
RuleEngine is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from directduidelijk.engine.loader import RuleError, load_rules, load_vocabulary, rules_directory

if TYPE_CHECKING:
    from directduidelijk.engine.runner import RuleEngine

__all__ = ["RuleEngine", "RuleError", "load_rules", "load_vocabulary", "rules_directory"]


def __getattr__(name: str):
    if name == "RuleEngine":
        from directduidelijk.engine.runner import RuleEngine

        return RuleEngine
    raise AttributeError(name)
