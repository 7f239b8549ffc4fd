"""Readability measures beyond the simple formulas in metrics.py: LiNT-II and an estimated level."""

from directduidelijk.readability.lint import LintResult, compute_lint, estimate_cefr, lint_level, lint_score

__all__ = ["LintResult", "compute_lint", "estimate_cefr", "lint_level", "lint_score"]
