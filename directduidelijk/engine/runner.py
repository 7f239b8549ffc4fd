"""RuleEngine: runs the enabled rules over an analysed document and returns Findings.

Compiled matchers are cached per rule and spaCy vocab, so a session compiles each rule
once, however many documents it checks. `per-bestand` sections of the configuration are
applied per document path (the rule variants are cached per combination of globs).
Suppression: `directduidelijk: uit [regel ...]` ... `directduidelijk: aan [regel ...]`
directives in the document switch rules off between those lines.
"""

from __future__ import annotations

import copy
import os
import re
import string
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from directduidelijk.engine.hits import CheckContext, Hit
from directduidelijk.engine.kinds import RunState, allowed_kinds, kind_module
from directduidelijk.engine.loader import RuleError, configure_rule, load_vocabulary
from directduidelijk.findings import Finding, Fix, Severity

if TYPE_CHECKING:
    from directduidelijk.config import Config
    from directduidelijk.engine.rule import Rule
    from directduidelijk.language.analysis import AnalysedDocument

_FORMATTER = string.Formatter()


class _Missing(dict):
    """format_map helper: remembers which placeholders had no value and leaves them visible."""

    def __init__(self, values: dict):
        super().__init__(values)
        self.missing: list[str] = []

    def __missing__(self, key: str) -> str:
        self.missing.append(key)
        return "{" + key + "}"


def format_template(template: str | None, values: dict[str, Any]) -> tuple[str | None, bool]:
    """(text, complete): ``complete`` is False when a placeholder had no value."""
    if template is None:
        return None, True
    mapping = _Missing(values)
    try:
        text = template.format_map(mapping)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template, False
    return text, not mapping.missing


class RuleEngine:
    def __init__(self, rules: list["Rule"], config: "Config | None" = None, *, strict: bool = False):
        """``strict``: an exception in a rule's check propagates (tests). Otherwise the document
        gets a Dutch warning and the other rules still run."""
        from directduidelijk.config import Config

        self.strict = strict
        self.config = config or Config()
        self.rules = list(rules)
        self.vocabulary = load_vocabulary(self.config)
        self.warnings: list[str] = []
        self._compiled: dict[tuple[str, int], Any] = {}
        self._variants: dict[tuple[str, ...], tuple[list["Rule"], CheckContext]] = {}
        self._variants[()] = ([r for r in self.rules if r.enabled], CheckContext(vocabulary=dict(self.vocabulary)))
        for rule in self.enabled_rules:
            module = kind_module(rule.kind)
            if module.__name__.endswith(".ingebouwd"):
                from directduidelijk.engine.kinds.ingebouwd import check_for, load_builtins

                if check_for(rule) is None:
                    problem = load_builtins()
                    self.warnings.append(
                        f"{rule.origin}, regel '{rule.id}': de controle '{rule.data['controle']}' bestaat (nog) niet"
                        + (f" ({problem})" if problem else "") + "; deze regel doet niets."
                    )

    @property
    def enabled_rules(self) -> list["Rule"]:
        return self._variants[()][0]

    def required_components(self) -> set[str]:
        """spaCy components the enabled rules (including per-file selections) need."""
        needed: set[str] = set()
        rules = {r.id: r for r in self.enabled_rules}
        if self.config.per_file:
            # A per-file section may switch rules on; keep what they need as well.
            for partial in self.config.per_file.values():
                if partial.get("selecteer"):
                    rules.update({r.id: r for r in self.rules})
                    break
        for rule in rules.values():
            needed |= kind_module(rule.kind).requires(rule)
        return needed

    # ------------------------------------------------------------------ per path

    def _for_path(self, path: str, genre: str | None = None) -> tuple[list["Rule"], CheckContext]:
        globs = self.config.matching_globs(path) if self.config.per_file else ()
        key = (*globs, f"genre={genre}") if genre else globs
        if key not in self._variants:
            config = self.config.for_path(path)
            profile = _profile_settings(genre, config)
            rules = []
            for rule in self.rules:
                variant = copy.copy(rule)
                variant.data = dict(rule.data)
                configure_rule(variant, config)
                if rule.id in profile:
                    # The genre's profile sits over the YAML settings and under [instellingen].
                    explicit = config.settings.get(rule.id, {})
                    variant.settings = {**variant.settings,
                                        **{k: v for k, v in profile[rule.id].items() if k not in explicit}}
                if variant.enabled:
                    rules.append(variant)
            vocabulary = dict(self.vocabulary)
            vocabulary.update(config.vocabulary)
            self._variants[key] = (rules, CheckContext(vocabulary=vocabulary))
        return self._variants[key]

    def _compiled_for(self, rule: "Rule", vocab) -> Any:
        key = (rule.id, id(vocab))
        if key not in self._compiled:
            self._compiled[key] = kind_module(rule.kind).compile(rule, vocab)
        return self._compiled[key]

    # ------------------------------------------------------------------ checking

    def check(self, analysed: "AnalysedDocument") -> list[Finding]:
        """All findings for one analysed document, in document order."""
        document = analysed.document
        genre = getattr(getattr(analysed, "genre", None), "name", None)
        rules, context = self._for_path(document.path, genre)
        docs = [doc for doc in analysed.docs if doc is not None]
        if not docs:
            return []
        vocab = docs[0].vocab
        state = RunState(analysed, context)
        literal_spans: dict[int, list[tuple[int, int]]] = {}
        suppressed = suppression_regions(getattr(document, "directives", None) or [])
        findings: list[Finding] = []
        for rule in rules:
            compiled = self._compiled_for(rule, vocab)  # a bad pattern is a RuleError: always raised
            kinds = allowed_kinds(rule)
            found: list[Finding] = []
            try:
                for hit in kind_module(rule.kind).run(rule, compiled, state):
                    if not 0 <= hit.block_index < len(document.blocks):
                        continue
                    if document.blocks[hit.block_index].kind not in kinds:
                        continue
                    if _inside_literal(hit, document.blocks[hit.block_index], literal_spans):
                        continue  # a template field or inline code is not a word to judge
                    finding = self.finding(rule, hit, state)
                    if suppressed and is_suppressed(finding, suppressed):
                        continue
                    found.append(finding)
            except Exception as error:  # noqa: BLE001 - one broken check must not cost the other rules
                if self.strict or os.environ.get("DIRECTDUIDELIJK_DEBUG"):
                    raise
                note = (f"De regel '{rule.id}' kon dit document niet controleren ({type(error).__name__}). "
                        "Meld dit aan de beheerders.")
                if note not in document.warnings:
                    document.warnings.append(note)
                continue
            findings.extend(found)
        findings.sort(key=Finding.sort_key)
        return findings

    def finding(self, rule: "Rule", hit: Hit, state: RunState) -> Finding:
        from directduidelijk.language.analysis import doc_text as text_of  # (spaCy is loaded by now)

        block = state.analysed.block(hit.block_index)
        start, end = hit.start, max(hit.start, hit.end)
        text = block.text[start:end]
        sentence = hit.sentence or state.sentence_at(hit.block_index, start)
        sentence_text = sentence.text if sentence is not None else text
        values = dict(hit.values)
        doc = state.analysed.docs[hit.block_index]
        doc_text = text_of(doc) if doc is not None else None
        if doc_text is not None and doc_text != block.text and isinstance(values.get("tekst"), str):
            # spaCy saw placeholders masked; show the writer's own words.
            values["tekst"] = _original_text(values["tekst"], doc_text, block.text, start)
        extra = dict(hit.extra) if hasattr(hit, "extra") else {}
        extra.update(values.pop("_extra", {}) or {})
        values.setdefault("tekst", text)
        values["zin"] = sentence_text
        if isinstance(values.get("alternatief"), (list, tuple)):
            from directduidelijk.engine.kinds.woordenlijst import join_alternatives

            values["alternatief"] = join_alternatives(values["alternatief"])
        message, _ = format_template(rule.message, values)
        if hit.suggestion is not None:
            suggestion: str | None = hit.suggestion
        else:
            suggestion, complete = format_template(rule.suggestion, values)
            if not complete or ("{alternatief}" in (rule.suggestion or "") and not values.get("alternatief")):
                suggestion = None
        if rule.data.get("fixed_severity") or hit.severity is None:
            severity = rule.severity
        else:
            severity = hit.severity
        begin = block.position(start)
        finish = block.end_position(end) if end > start else begin
        fix = None
        if hit.replacement is not None:
            fix = Fix(hit.replacement, "veilig" if hit.fix_safe else "onveilig")
        if sentence is not None:
            extra.setdefault("sentence_start", sentence.start)  # block offset of the sentence (terminal report)
        for key in ("waarde", "drempel", "alternatief", "toelichting"):
            if key in values and key not in extra:
                extra[key] = values[key]
        return Finding(
            rule=rule.id, severity=severity, message=message or "", suggestion=suggestion, text=text,
            sentence=sentence_text, line=begin.line, column=begin.column, end_line=finish.line,
            end_column=finish.column, page=begin.page, paragraph=block.paragraph, block_index=hit.block_index,
            start=start, end=end, fix=fix, rule_set=rule.rule_set, extra=extra,
        )


def _literal_spans(block) -> list[tuple[int, int]]:
    from directduidelijk.placeholders import find_placeholders

    return [*find_placeholders(block.text), *getattr(block, "protected", ())]


def _inside_literal(hit: Hit, block, cache: dict[int, list[tuple[int, int]]]) -> bool:
    if hit.block_index not in cache:
        cache[hit.block_index] = _literal_spans(block)
    return any(start <= hit.start and hit.end <= end for start, end in cache[hit.block_index])


def _original_text(shown: str, masked: str, original: str, near: int) -> str:
    """The original slice for a text taken from the masked string (same offsets)."""
    if masked[near:near + len(shown)] == shown:
        return original[near:near + len(shown)]
    index = masked.find(shown)
    return original[index:index + len(shown)] if index >= 0 else shown


def _profile_settings(genre: str | None, config: "Config") -> dict[str, dict]:
    """Rule settings from the genre's profile (e.g. lange-zin thresholds for a raadsvoorstel)."""
    if not genre:
        return {}
    try:
        from directduidelijk.profiles import profile_rule_settings

        return profile_rule_settings(genre, config)
    except Exception:  # noqa: BLE001 - a broken profile is reported by the genre step, not here
        return {}


# ---------------------------------------------------------------------- suppression

_DIRECTIVE = re.compile(r"^\s*(uit|aan)\b[\s:]*(.*)$", re.IGNORECASE)


def suppression_regions(directives: Iterable[tuple[int, str]]) -> list[tuple[str | None, int, float]]:
    """(rule id or None for all, first line, last line) for every `uit` ... `aan` region."""
    regions: list[tuple[str | None, int, float]] = []
    open_at: dict[str | None, int] = {}
    for line, text in sorted(directives, key=lambda d: d[0]):
        match = _DIRECTIVE.match(text or "")
        if not match:
            continue
        action = match.group(1).lower()
        ids = [name for name in re.split(r"[\s,]+", match.group(2).strip().rstrip("-> ").strip()) if name]
        targets: list[str | None] = ids or [None]
        if action == "uit":
            for target in targets:
                open_at.setdefault(target, line)
        else:
            closing = list(open_at) if not ids else targets
            for target in closing:
                if target in open_at:
                    regions.append((target, open_at.pop(target), line))
    for target, line in open_at.items():
        regions.append((target, line, float("inf")))
    return regions


def is_suppressed(finding: Finding, regions: list[tuple[str | None, int, float]]) -> bool:
    return any(
        (target is None or target == finding.rule or target == finding.rule_set) and first <= finding.line <= last
        for target, first, last in regions
    )


__all__ = ["RuleEngine", "RuleError", "Severity", "format_template", "suppression_regions"]
