"""The audit store: one SQLite file, written one batch of documents per transaction.

WAL mode and a transaction per batch (the documents one worker task checked together) mean
that an interrupted run (Ctrl-C, kill -9) loses at most the batches in flight and never
leaves the file corrupt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    tool_version TEXT NOT NULL,
    model TEXT NOT NULL,
    rules_fingerprint TEXT NOT NULL,
    roots TEXT NOT NULL,
    checked INTEGER DEFAULT 0,
    skipped INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,
    folder TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rules_fingerprint TEXT NOT NULL,
    format TEXT,
    size INTEGER,
    status TEXT NOT NULL CHECK (status IN ('ok', 'fout')),
    error_code TEXT,
    error_message TEXT,
    genre TEXT,
    words INTEGER,
    sentences INTEGER,
    metrics TEXT,
    findings INTEGER DEFAULT 0,
    seconds REAL,
    run_id INTEGER REFERENCES runs(id),
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_path ON findings(path);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
CREATE VIEW IF NOT EXISTS errors AS
    SELECT path, format, error_code, error_message, checked_at FROM documents WHERE status = 'fout';
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class AuditStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(self.path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")
        self.connection.execute("PRAGMA foreign_keys=ON")
        self.connection.executescript(SCHEMA)
        self.connection.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )

    def close(self) -> None:
        self.connection.close()

    def start_run(self, tool_version: str, model: str, fingerprint: str, roots: list[str]) -> int:
        cursor = self.connection.execute(
            "INSERT INTO runs(started, tool_version, model, rules_fingerprint, roots) VALUES (?, ?, ?, ?, ?)",
            (now(), tool_version, model, fingerprint, json.dumps(roots, ensure_ascii=False)),
        )
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, checked: int, skipped: int, failed: int) -> None:
        self.connection.execute(
            "UPDATE runs SET finished = ?, checked = ?, skipped = ?, failed = ? WHERE id = ?",
            (now(), checked, skipped, failed, run_id),
        )

    def is_current(self, path: str, sha256: str, fingerprint: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM documents WHERE path = ? AND sha256 = ? AND rules_fingerprint = ?",
            (path, sha256, fingerprint),
        ).fetchone()
        return row is not None

    def save(self, record: dict, folder: str, fingerprint: str, run_id: int) -> None:
        """Replace one document's results atomically."""
        self.save_batch([(record, folder)], fingerprint, run_id)

    def save_batch(self, records: list[tuple[dict, str]], fingerprint: str, run_id: int) -> None:
        """Replace the results of several documents ((record, folder) each) in one transaction."""
        if len({record["path"] for record, _folder in records}) < len(records):  # a path twice: in order
            for record, folder in records:
                self.save_batch([(record, folder)], fingerprint, run_id)
            return
        checked_at = now()
        documents = []
        findings = []
        for record, folder in records:
            metrics = record.get("metrics")
            error = record.get("error")
            documents.append((
                record["path"], folder, record["sha256"], fingerprint, record.get("format"), record.get("size"),
                "fout" if error else "ok",
                error["code"] if error else None, error["message"] if error else None,
                record.get("genre"),
                metrics.get("words") if metrics else None, metrics.get("sentences") if metrics else None,
                json.dumps(metrics, ensure_ascii=False) if metrics else None,
                len(record.get("findings", [])), record.get("seconds"), run_id, checked_at,
            ))
            findings.extend((record["path"], f["rule"], f["severity"], json.dumps(f, ensure_ascii=False))
                            for f in record.get("findings", []))
        with self.connection:  # BEGIN ... COMMIT, or ROLLBACK on error
            self.connection.execute("BEGIN")
            self.connection.executemany("DELETE FROM findings WHERE path = ?", [(row[0],) for row in documents])
            self.connection.executemany(
                """INSERT OR REPLACE INTO documents(path, folder, sha256, rules_fingerprint, format, size, status,
                       error_code, error_message, genre, words, sentences, metrics, findings, seconds, run_id, checked_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                documents,
            )
            self.connection.executemany("INSERT INTO findings(path, rule, severity, record) VALUES (?, ?, ?, ?)",
                                        findings)

    def documents(self) -> Iterator[sqlite3.Row]:
        self.connection.row_factory = sqlite3.Row
        try:
            yield from self.connection.execute("SELECT * FROM documents ORDER BY path")
        finally:
            self.connection.row_factory = None

    def findings(self) -> Iterator[tuple[str, dict]]:
        for path, record in self.finding_records():
            yield path, json.loads(record)

    def finding_records(self) -> Iterator[tuple[str, str]]:
        """(path, the finding as the JSON text stored) in document order."""
        yield from self.connection.execute("SELECT path, record FROM findings ORDER BY path, id")

    def rule_counts(self) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for path, rule, count in self.connection.execute(
            "SELECT path, rule, COUNT(*) FROM findings GROUP BY path, rule"
        ):
            counts.setdefault(path, {})[rule] = count
        return counts

    def last_run(self) -> dict | None:
        self.connection.row_factory = sqlite3.Row
        try:
            row = self.connection.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
            return dict(row) if row else None
        finally:
            self.connection.row_factory = None
