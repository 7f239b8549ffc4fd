"""Exports of the audit store: resultaten.csv, bevindingen.jsonl and rapport.html.

Each is written to a temporary file and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from directduidelijk.audit.store import AuditStore

METRIC_COLUMNS = ["words", "sentences", "paragraphs", "avg_sentence_length", "syllables_per_word",
                  "flesch_douma", "brouwer", "lint_score", "lint_level", "cefr_estimate"]


def _atomic_writer(path: Path):
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    return temporary, open(temporary, "w", encoding="utf-8", newline="")


def export_csv(store: AuditStore, output: Path) -> Path:
    target = output / "resultaten.csv"
    counts = store.rule_counts()
    rules = sorted({rule for per_document in counts.values() for rule in per_document})
    temporary, handle = _atomic_writer(target)
    with handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "folder", "format", "genre", *METRIC_COLUMNS, "findings", *rules, "error_code", "error"])
        for row in store.documents():
            metrics = json.loads(row["metrics"]) if row["metrics"] else {}
            per_rule = counts.get(row["path"], {})
            writer.writerow([
                row["path"], row["folder"], row["format"] or "", row["genre"] or "",
                *[_cell(metrics.get(column)) for column in METRIC_COLUMNS],
                row["findings"], *[per_rule.get(rule, 0) for rule in rules],
                row["error_code"] or "", row["error_message"] or "",
            ])
    os.replace(temporary, target)
    return target


def _cell(value) -> str:
    return "" if value is None else str(value)


def export_jsonl(store: AuditStore, output: Path) -> Path:
    target = output / "bevindingen.jsonl"
    temporary, handle = _atomic_writer(target)
    with handle:
        for path, record in store.finding_records():
            if record.startswith("{\"") and "\"path\": " not in record:
                # the stored text is json.dumps(finding, ensure_ascii=False): put the path in front
                # without parsing and writing it again (the same line as the branch below)
                handle.write(f'{{"path": {json.dumps(path, ensure_ascii=False)}, {record[1:]}\n')
            else:
                handle.write(json.dumps({"path": path, **json.loads(record)}, ensure_ascii=False) + "\n")
    os.replace(temporary, target)
    return target


def export_all(store: AuditStore, output: Path, roots: list[Path]) -> list[Path]:
    from directduidelijk.audit.html_report import export_html

    return [export_csv(store, output), export_jsonl(store, output), export_html(store, output)]
