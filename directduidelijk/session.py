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


def _model_record(info) -> dict:
    return {"name": info.name, "version": info.version, "source": info.source,
            "lint_compatible": info.lint_compatible}


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
    return nlp, _model_record(info)


def identify_language(model: str | None) -> dict | None:
    """The model record load_language would give, without importing spaCy (None: only loading tells).
    A model that is not there raises SessionError here already, before any work starts."""
    from directduidelijk.language.pipeline import ModelNotFoundError, identify

    try:
        info = identify(model)
    except ModelNotFoundError as error:
        raise SessionError(str(error)) from None
    return _model_record(info) if info is not None else None


def _stable(value):
    """JSON for what json cannot write, the same in every process (sets have no fixed order)."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):  # enums (Severity)
        return value.value
    return repr(value) if not isinstance(value, (str, int, float)) else value


@dataclass
class CheckSession:
    """``nlp`` is loaded on first use: an audit that finds every document unchanged needs only
    ``model`` (read from the model's meta.json) and never imports spaCy."""

    config: object
    rules: list
    engine: object
    _nlp: object
    model: dict
    _model_spec: str | None = field(default=None, repr=False)
    _required: set[str] | None = field(default=None, repr=False)
    _fingerprint: str | None = field(default=None, repr=False)

    @classmethod
    def open(cls, *, config_file: Path | None = None, start: Path | None = None,
             overrides: dict | None = None, model: str | None = None) -> "CheckSession":
        from directduidelijk.config import load_config
        from directduidelijk.engine import RuleEngine, load_rules

        config = load_config(start or Path.cwd(), config_file, overrides or {})
        rules = load_rules(config)
        engine = RuleEngine(rules, config)
        spec = model or getattr(config, "model", None)
        required = engine.required_components()
        model_record = identify_language(spec)  # resolved now: a missing model fails before any work
        if model_record is None:  # no readable meta.json: load now, so a broken model fails early too
            nlp, model_record = load_language(spec, required)
            return cls(config, rules, engine, nlp, model_record, spec, required)
        return cls(config, rules, engine, None, model_record, spec, required)

    @property
    def nlp(self):
        """The language pipeline, loaded (once) when it is first needed."""
        if self._nlp is None:
            nlp, loaded = load_language(self._model_spec, self._required)
            if loaded != self.model:
                raise SessionError(
                    f"Het taalmodel is veranderd tijdens het starten ({self.model['name']} "
                    f"{self.model['version']} werd {loaded['name']} {loaded['version']}). Start opnieuw.")
            self._nlp = nlp
        return self._nlp

    def load_language(self) -> None:
        """Load the pipeline now (SessionError when it cannot be loaded)."""
        self.nlp  # noqa: B018

    @property
    def language_loaded(self) -> bool:
        return self._nlp is not None

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
