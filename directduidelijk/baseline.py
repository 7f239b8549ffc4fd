"""Baseline: accept today's findings, report only new ones.

A baseline file records the current findings of a set of documents. A finding is
identified by (path, rule, fingerprint), where the fingerprint hashes the rule and the
normalised sentence text (lowercased, whitespace collapsed) -- not line numbers, so
adding a paragraph above does not make old findings "new". Matching counts, so a
sentence that occurs twice needs two entries.

Paths are stored relative to the folder of the baseline file, with forward slashes,
so the file works on every machine and in CI.

This module imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BASELINE_VERSION = 1
DEFAULT_NAME = ".directduidelijk-baseline.json"


class BaselineError(Exception):
    """The baseline file cannot be used; the message is Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def normalise_sentence(text: str) -> str:
    return " ".join((text or "").lower().split())


def fingerprint(rule: str, sentence: str) -> str:
    return hashlib.sha256(f"{rule}\0{normalise_sentence(sentence)}".encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    sentence: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)


@dataclass(slots=True)
class Baseline:
    entries: list[Entry]
    folder: Path  # paths in entries are relative to this folder
    tool: dict = field(default_factory=dict)

    def to_json(self) -> str:
        data = {
            "version": BASELINE_VERSION,
            "tool": self.tool,
            "entries": [
                {"path": e.path, "rule": e.rule, "fingerprint": e.fingerprint, "sentence": e.sentence}
                for e in sorted(self.entries, key=lambda e: (e.path, e.rule, e.fingerprint, e.sentence))
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def save(self, path: Path) -> None:
        path = Path(path)
        temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        temporary.write_text(self.to_json(), encoding="utf-8")
        os.replace(temporary, path)


@dataclass(slots=True)
class Outcome:
    matched: int
    new: int
    stale: list[Entry]

    def summary(self) -> dict:
        return {"matched": self.matched, "new": self.new, "stale": len(self.stale)}

    def note(self) -> str | None:
        count = len(self.stale)
        if not count:
            return None
        what = "oude melding bestaat" if count == 1 else "oude meldingen bestaan"
        return f"{count} {what} niet meer; maak de baseline opnieuw."


def relative_key(document_path: str, folder: Path) -> str:
    """The document's path relative to the baseline folder, with forward slashes."""
    if document_path == "-":
        return "-"
    absolute = Path(os.path.abspath(document_path))
    try:
        relative = os.path.relpath(absolute, os.path.abspath(folder))
    except ValueError:  # another drive (Windows)
        return absolute.as_posix()
    return Path(relative).as_posix().replace("\\", "/")


def build(results, baseline_path: Path, tool: dict | None = None) -> Baseline:
    folder = Path(baseline_path).resolve().parent
    entries = []
    for result in results:
        if result.error is not None:
            continue
        key = relative_key(result.path, folder)
        for finding in result.findings:
            entries.append(Entry(key, finding.rule, fingerprint(finding.rule, finding.sentence),
                                 normalise_sentence(finding.sentence)))
    return Baseline(entries, folder, dict(tool or {}))


def load(path: Path) -> Baseline:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"De baseline '{path}' bestaat niet. Maak hem met: directduidelijk baseline BESTANDEN --output {path}"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"De baseline '{path}' kan niet worden gelezen ({type(error).__name__}).") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("entries"), list):
        raise BaselineError(f"De baseline '{path}' heeft een onbekende vorm. Maak hem opnieuw met 'directduidelijk baseline'.")
    entries = []
    for item in data["entries"]:
        try:
            entries.append(Entry(str(item["path"]), str(item["rule"]), str(item["fingerprint"]),
                                 str(item.get("sentence", ""))))
        except (KeyError, TypeError):
            raise BaselineError(f"De baseline '{path}' bevat een onvolledige regel. Maak hem opnieuw.") from None
    tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
    return Baseline(entries, path.resolve().parent, tool)


def apply(baseline: Baseline, results, active_rules: set[str] | None = None) -> Outcome:
    """Remove findings that the baseline knows (in place) and report what is left over.

    Stale entries are only counted for documents checked in this run: a pre-commit hook
    that checks two changed files does not call the other files' entries stale. Likewise,
    with ``active_rules`` given, entries of rules that did not run (--selecteer) are not stale.
    """
    remaining = Counter(entry.key for entry in baseline.entries)
    checked: set[str] = set()
    matched = new = 0
    for result in results:
        if result.error is not None:
            continue
        key_path = relative_key(result.path, baseline.folder)
        checked.add(key_path)
        kept = []
        for finding in result.findings:
            key = (key_path, finding.rule, fingerprint(finding.rule, finding.sentence))
            if remaining[key] > 0:
                remaining[key] -= 1
                matched += 1
            else:
                kept.append(finding)
                new += 1
        result.findings = kept
    stale: list[Entry] = []
    seen: Counter = Counter()
    for entry in baseline.entries:
        if entry.path not in checked or (active_rules is not None and entry.rule not in active_rules):
            continue
        seen[entry.key] += 1
        if seen[entry.key] <= remaining[entry.key]:
            stale.append(entry)
    return Outcome(matched, new, stale)


def configured_path(explicit: str | Path | None, config) -> Path | None:
    """--baseline FILE, else `basislijn = "..."` / `baseline = "..."` from the configuration."""
    if explicit is not None:
        return Path(explicit)
    value = getattr(config, "baseline", None)
    return Path(value) if value else None


def stale_lines(outcome: Outcome, limit: int = 10) -> list[str]:
    """The note about stale entries plus the first few of them, for the terminal or stderr."""
    note = outcome.note()
    if note is None:
        return []
    lines = [note]
    counts = Counter(entry.key for entry in outcome.stale)
    first = {}
    for entry in outcome.stale:
        first.setdefault(entry.key, entry)
    for key, entry in list(first.items())[:limit]:
        sentence = entry.sentence if len(entry.sentence) <= 60 else entry.sentence[:57] + "..."
        times = f" ({counts[key]}x)" if counts[key] > 1 else ""
        lines.append(f"  {entry.path}: {entry.rule}{times}: {sentence}")
    if len(first) > limit:
        lines.append(f"  ... en nog {len(first) - limit}.")
    return lines
