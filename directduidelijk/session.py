"""A check session: configuration, rules, engine and language pipeline, loaded once.

The CLI's check and baseline commands, and every audit worker, open one session
and run any number of documents through it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from directduidelijk import __version__
from directduidelijk.checking import DocumentResult, check_inputs
from directduidelijk.readers import Input


class SessionError(Exception):
    """A problem opening the session (model, rules, configuration), with a Dutch message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def load_language(model: str | None, required: set[str] | None = None):
    """Load the pipeline once per process, add our sentence boundaries, switch off what no rule needs."""
    from directduidelijk.language.pipeline import ModelNotFoundError, load_pipeline
    from directduidelijk.language.sentences import add_sentence_boundaries

    try:
        nlp, info = load_pipeline(model)
    except ModelNotFoundError as error:
        raise SessionError(str(error)) from None
    add_sentence_boundaries(nlp)
    if required is not None:
        for name in list(nlp.pipe_names):
            if name.startswith("dd_") or name in required or name in ("tok2vec", "transformer"):
                continue
            nlp.disable_pipe(name)
    model_record = {"name": info.name, "version": info.version, "source": info.source,
                    "lint_compatible": info.lint_compatible}
    return nlp, model_record


def _stable(value):
    """JSON for what json cannot write, the same in every process (sets have no fixed order)."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):  # enums (Severity)
        return value.value
    return repr(value) if not isinstance(value, (str, int, float)) else value


@dataclass
class CheckSession:
    config: object
    rules: list
    engine: object
    nlp: object
    model: dict
    _fingerprint: str | None = field(default=None, repr=False)

    @classmethod
    def open(cls, *, config_file: Path | None = None, start: Path | None = None,
             overrides: dict | None = None, model: str | None = None) -> "CheckSession":
        from directduidelijk.config import load_config
        from directduidelijk.engine import RuleEngine, load_rules

        config = load_config(start or Path.cwd(), config_file, overrides or {})
        rules = load_rules(config)
        engine = RuleEngine(rules, config)
        nlp, model_record = load_language(model or getattr(config, "model", None), engine.required_components())
        return cls(config, rules, engine, nlp, model_record)

    @property
    def fail_on(self):
        return self.config.fail_on

    def check(self, items: list[Input], *, keep_documents: bool = False) -> Iterator[DocumentResult]:
        return check_inputs(items, self.engine, self.nlp, keep_documents=keep_documents,
                            model_name=self.model["name"], lint_compatible=self.model.get("lint_compatible"))

    def tool_info(self):
        from directduidelijk.report import ToolInfo

        return ToolInfo("directduidelijk", __version__, self.model,
                        tuple(sorted({rule.rule_set for rule in self.rules if rule.enabled})))

    def fingerprint(self) -> str:
        """Changes whenever a result could change: tool, model, enabled rules and their settings."""
        if self._fingerprint is None:
            rules = [
                {"id": r.id, "set": r.rule_set, "severity": r.severity.value, "enabled": r.enabled,
                 "settings": r.settings, "data": r.data, "message": r.message, "suggestion": r.suggestion}
                for r in sorted(self.rules, key=lambda r: (r.rule_set, r.id))
            ]
            payload = json.dumps({"tool": __version__, "model": self.model, "rules": rules},
                                 sort_keys=True, default=_stable, ensure_ascii=False)
            self._fingerprint = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
        return self._fingerprint
