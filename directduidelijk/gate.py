"""The gate: does a run pass? Decides the exit code.

A document fails when it has findings at or above the fail level, or when one of its
metrics is outside a threshold (`[drempels]` in the configuration or `--max-lint-niveau`
and friends on the command line): max-lint-niveau, min-flesch-douma,
max-gemiddelde-zinslengte, ...

Exit codes (as in the foundation): 0 in order, 1 findings or thresholds, 2 a file could
not be read (wins over 1).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

# Threshold key -> (metric, "max" | "min", Dutch name of the figure).
THRESHOLDS: dict[str, tuple[str, str, str]] = {
    "max-lint-niveau": ("lint_level", "max", "LiNT-niveau"),
    "max-lint-score": ("lint_score", "max", "LiNT-score"),
    "min-flesch-douma": ("flesch_douma", "min", "Flesch-Douma"),
    "min-brouwer": ("brouwer", "min", "Brouwer"),
    "max-gemiddelde-zinslengte": ("avg_sentence_length", "max", "Gemiddelde zinslengte"),
    "max-bevindingen-per-100-woorden": ("findings_per_100_words", "max", "Aantal bevindingen per 100 woorden"),
}


def _number(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}".replace(".", ",")
    return str(int(value))


@dataclass(slots=True)
class ThresholdCheck:
    key: str
    metric: str
    limit: float
    value: float | None
    passed: bool

    def reason(self) -> str:
        _metric, kind, label = THRESHOLDS[self.key]
        word = "hoger" if kind == "max" else "lager"
        return (f"{label} is {_number(self.value)}; dat is {word} dan toegestaan "
                f"({self.key} = {_number(self.limit)}).")

    def to_dict(self) -> dict:
        return {"name": self.key, "metric": self.metric, "limit": self.limit, "value": self.value,
                "passed": self.passed}


@dataclass(slots=True)
class GateResult:
    passed: bool
    failing_findings: int = 0
    checks: list[ThresholdCheck] = field(default_factory=list)
    finding_reason: str | None = None

    @property
    def threshold_reasons(self) -> list[str]:
        return [check.reason() for check in self.checks if not check.passed]

    @property
    def reasons(self) -> list[str]:
        return ([self.finding_reason] if self.finding_reason else []) + self.threshold_reasons

    def to_dict(self) -> dict:
        """The JSON form (`documents[].gate`, an addition to version 1 of the report)."""
        return {"passed": self.passed, "reasons": self.reasons,
                "thresholds": [check.to_dict() for check in self.checks]}


def metric_value(result, metric: str) -> float | None:
    metrics = result.metrics or {}
    if metric == "findings_per_100_words":
        words = metrics.get("words") or 0
        return round(100 * len(result.findings) / words, 1) if words else None
    value = metrics.get(metric)
    return None if value is None or isinstance(value, bool) else value


def evaluate(result, fail_on, thresholds: Mapping[str, float]) -> GateResult | None:
    """The gate for one document; None for an unreadable one (that is exit code 2 anyway)."""
    if result.error is not None:
        return None
    failing = sum(1 for f in result.findings if f.severity.rank >= fail_on.rank)
    checks = []
    for key, limit in thresholds.items():
        if key not in THRESHOLDS or limit is None:
            continue
        metric, kind, _label = THRESHOLDS[key]
        value = metric_value(result, metric)
        if value is None:  # the figure is not available (e.g. no LiNT-II with this model): not judged
            checks.append(ThresholdCheck(key, metric, limit, None, True))
            continue
        passed = value <= limit if kind == "max" else value >= limit
        checks.append(ThresholdCheck(key, metric, limit, value, passed))
    reason = None
    if failing:
        reason = (f"{failing} {'bevinding' if failing == 1 else 'bevindingen'} met ernst "
                  f"{fail_on.value} of zwaarder.")
    return GateResult(not failing and all(c.passed for c in checks), failing, checks, reason)


def evaluate_all(results, fail_on, thresholds: Mapping[str, float] | Callable[[str], Mapping[str, float]]
                 ) -> dict[str, GateResult]:
    """Gate per document path; ``thresholds`` may be a function of the path (per-file configuration)."""
    gates: dict[str, GateResult] = {}
    for result in results:
        limits = thresholds(result.path) if callable(thresholds) else thresholds
        gate = evaluate(result, fail_on, limits or {})
        if gate is not None:
            gates[result.path] = gate
    return gates


def exit_code(results, gates: Mapping[str, GateResult]) -> int:
    if any(result.error is not None for result in results):
        return EXIT_UNREADABLE
    if any(not gate.passed for gate in gates.values()):
        return EXIT_FINDINGS
    return EXIT_OK


def thresholds_from_config(config, extra: Mapping[str, float] | None = None) -> Callable[[str], dict]:
    """Thresholds per document: `[drempels]`, with `[per-bestand."glob".drempels]` applied for that path."""
    def for_path(path: str) -> dict:
        limits = dict(getattr(config, "thresholds", {}) or {})
        for_path_method = getattr(config, "for_path", None)
        if for_path_method is not None and path != "-":
            limits = dict(getattr(for_path_method(path), "thresholds", limits) or {})
        if extra:
            limits.update(extra)
        return limits
    return for_path
