"""Audit runner, store and exports, with a small stand-in session (no language model needed).

The end-to-end audit through the real pipeline is in tests/test_audit_cli.py.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path

import pytest

from directduidelijk.audit.discovery import discover, top_folder
from directduidelijk.audit.runner import AuditOptions, run_audit
from directduidelijk.checking import DocumentError, DocumentResult
from directduidelijk.findings import Finding, Severity


class StandInSession:
    """Counts words and flags the word 'middels'; crashes the process on 'CRASH'."""

    model = {"name": "stand-in", "version": "1", "source": "test", "lint_compatible": False}
    rules: list = []

    def __init__(self, fingerprint: str = "f1"):
        self._fingerprint = fingerprint
        self.checked: list[str] = []

    def fingerprint(self) -> str:
        return self._fingerprint

    def load_language(self) -> None:
        pass

    def check(self, items, keep_documents=False):
        for item in items:
            self.checked.append(item.name)
            text = item.data.decode("utf-8", "replace")
            if "CRASH" in text:
                os._exit(1)  # a worker dying on a pathological file
            if not text.strip():
                yield DocumentResult(item.name, "txt", error=DocumentError("leeg", "Het bestand is leeg."))
                continue
            words = text.split()
            findings = [
                Finding("ambtelijke-taal", Severity.WARNING, "'middels' is ambtelijke taal.", "Schrijf: met.",
                        "middels", text.strip(), 1, 1, 1, 7, None, 1)
                for word in words if word == "middels"
            ]
            yield DocumentResult(item.name, "txt",
                                 metrics={"words": len(words), "sentences": 1, "avg_sentence_length": len(words),
                                          "lint_score": 30.0 + len(words), "lint_level": 1},
                                 findings=findings)


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archief"
    (root / "burgerzaken").mkdir(parents=True)
    (root / "belastingen" / "2024").mkdir(parents=True)
    (root / "burgerzaken" / "a.txt").write_text("U kunt middels dit formulier reageren.", encoding="utf-8")
    (root / "burgerzaken" / "b.md").write_text("Bel ons gerust.", encoding="utf-8")
    (root / "belastingen" / "2024" / "c.txt").write_text("middels middels", encoding="utf-8")
    (root / "belastingen" / "leeg.txt").write_text("   ", encoding="utf-8")
    (root / "burgerzaken" / "~$a.docx").write_bytes(b"lock")
    (root / "burgerzaken" / "plaatje.png").write_bytes(b"png")
    return root


def options(archive: Path, output: Path, **extra) -> AuditOptions:
    return AuditOptions(roots=[archive], output=output, progress=False, **extra)


def test_discovery_skips_lock_files_and_other_types(archive):
    names = sorted(p.name for p in discover([archive]))
    assert names == ["a.txt", "b.md", "c.txt", "leeg.txt"]
    assert [p.name for p in discover([archive], include=["*.md"])] == ["b.md"]
    assert "c.txt" not in [p.name for p in discover([archive], exclude=["belastingen/*"])]


def test_top_folder_is_the_afdeling(archive):
    assert top_folder(str(archive / "belastingen" / "2024" / "c.txt"), [archive]) == "belastingen"


def test_store_exports_and_errors(archive, tmp_path):
    output = tmp_path / "rapport"
    summary = run_audit(options(archive, output), session=StandInSession())
    assert (summary.found, summary.checked, summary.skipped, summary.failed) == (4, 4, 0, 1)
    connection = sqlite3.connect(output / "resultaten.sqlite")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("SELECT COUNT(*) FROM findings").fetchone() == (3,)
    assert connection.execute("SELECT error_code FROM errors").fetchall() == [("leeg",)]
    rows = list(csv.DictReader(open(output / "resultaten.csv", encoding="utf-8")))
    by_name = {Path(r["path"]).name: r for r in rows}
    assert by_name["c.txt"]["ambtelijke-taal"] == "2"
    assert by_name["c.txt"]["folder"] == "belastingen"
    assert by_name["leeg.txt"]["error_code"] == "leeg"
    lines = (output / "bevindingen.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[0])["rule"] == "ambtelijke-taal"
    page = (output / "rapport.html").read_text(encoding="utf-8")
    assert "<svg" in page and "ambtelijke-taal" in page and "http" not in page.split("<body>")[1]


def test_rerun_skips_unchanged_and_rechecks_changed(archive, tmp_path):
    output = tmp_path / "rapport"
    run_audit(options(archive, output), session=StandInSession())
    (archive / "burgerzaken" / "b.md").write_text("Bel ons gerust, middels.", encoding="utf-8")
    session = StandInSession()
    summary = run_audit(options(archive, output), session=session)
    assert summary.skipped == 3 and summary.checked == 1
    assert [Path(p).name for p in session.checked] == ["b.md"]
    # other rules (a new fingerprint) or --opnieuw: everything again
    assert run_audit(options(archive, output), session=StandInSession("f2")).checked == 4
    assert run_audit(options(archive, output, force=True), session=StandInSession("f2")).checked == 4


def test_parallel_workers_survive_a_crashing_document(archive, tmp_path):
    (archive / "burgerzaken" / "crash.txt").write_text("CRASH", encoding="utf-8")
    output = tmp_path / "rapport"
    summary = run_audit(options(archive, output, workers=2), session=StandInSession())
    assert summary.found == 5 and summary.checked == 5
    connection = sqlite3.connect(output / "resultaten.sqlite")
    statuses = dict(connection.execute("SELECT path, status FROM documents").fetchall())
    assert statuses[str(archive / "burgerzaken" / "crash.txt")] == "fout"
    assert statuses[str(archive / "burgerzaken" / "a.txt")] == "ok"
    assert connection.execute("SELECT COUNT(*) FROM findings").fetchone() == (3,)


def test_input_files_are_not_modified(archive, tmp_path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in archive.rglob("*") if p.is_file()}
    run_audit(options(archive, tmp_path / "rapport"), session=StandInSession())
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in archive.rglob("*") if p.is_file()}
    assert before == after


class SlowSession(StandInSession):
    def check(self, items, keep_documents=False):
        import time

        for item in items:
            if b"traag" in item.data:
                time.sleep(5)
        yield from super().check(items, keep_documents)


def test_per_document_time_limit(archive, tmp_path):
    (archive / "burgerzaken" / "traag.txt").write_text("traag", encoding="utf-8")
    output = tmp_path / "rapport"
    summary = run_audit(options(archive, output, seconds_per_document=0.5), session=SlowSession())
    assert summary.checked == 5 and summary.failed == 2  # the slow one and the empty one
    connection = sqlite3.connect(output / "resultaten.sqlite")
    codes = dict(connection.execute("SELECT path, error_code FROM documents").fetchall())
    assert codes[str(archive / "burgerzaken" / "traag.txt")] == "te-lang"


class BrokenBatchSession(StandInSession):
    """Fails a whole stream when it meets 'kapot' (as a bug in one document would)."""

    def check(self, items, keep_documents=False):
        for result, item in zip(super().check(items, keep_documents), items):
            if b"kapot" in item.data:
                raise RuntimeError("bug")
            yield result


def test_batch_with_a_failing_document_checks_the_others_one_by_one(archive, tmp_path):
    from directduidelijk.audit.worker import audit_batch

    items = [("a.txt", b"middels een"), ("b.txt", b"kapot"), ("c.txt", b"middels middels")]
    records = audit_batch(items, BrokenBatchSession(), seconds_limit=None)
    assert [r["path"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert [len(r.get("findings", [])) for r in records] == [1, 0, 2]
    assert records[1]["error"]["code"] == "onleesbaar"
    assert all(r["sha256"] for r in records)


def test_batch_save_and_jsonl_export_match_one_by_one(tmp_path):
    from directduidelijk.audit.exports import export_jsonl
    from directduidelijk.audit.store import AuditStore

    findings = [
        {"rule": "ambtelijke-taal", "severity": "waarschuwing", "message": "'middels' is ambtelijke taal — „zo”.",
         "fix": None, "score": 1.5},
        {"rule": "x", "severity": "suggestie", "message": 'tekst met "path": erin', "line": 3},
        {"rule": "y", "severity": "suggestie", "path": "eigen"},  # a key the export adds itself
    ]
    records = [{"path": f"/a/{name}", "sha256": name, "format": "txt", "size": 1, "seconds": 0.1,
                "metrics": {"words": 2, "sentences": 1}, "findings": findings[:count]}
               for name, count in (("één.txt", 3), ("b.txt", 1), ("c.txt", 0))]
    records.append({"path": "/a/kapot.txt", "sha256": "", "format": "txt", "seconds": 0.0,
                    "error": {"code": "onleesbaar", "message": "Kapot."}})
    batch, single = AuditStore(tmp_path / "batch.sqlite"), AuditStore(tmp_path / "single.sqlite")
    run = batch.start_run("0", "model 1", "f1", ["/a"])
    assert single.start_run("0", "model 1", "f1", ["/a"]) == run
    batch.save_batch([(record, "a") for record in records], "f1", run)
    batch.save_batch([(records[1], "a")], "f1", run)  # again: replaced, not added
    for record in records:
        single.save(record, "a", "f1", run)

    def rows(store):
        return ([tuple(row)[:15] for row in store.documents()],
                list(store.connection.execute("SELECT path, rule, severity, record FROM findings ORDER BY path, id")))

    assert rows(batch) == rows(single)
    (tmp_path / "uit").mkdir()
    lines = export_jsonl(batch, tmp_path / "uit").read_text(encoding="utf-8").splitlines()
    assert lines == [json.dumps({"path": path, **finding}, ensure_ascii=False) for path, finding in single.findings()]
    assert len(lines) == 4 and 'tekst met \\"path\\": erin' in lines[2] and lines[3].startswith('{"path": "eigen"')


class BrokenModelSession(StandInSession):
    def load_language(self) -> None:
        from directduidelijk.session import SessionError

        raise SessionError("Het taalmodel kan niet worden geladen.")


def test_broken_model_leaves_no_new_store_and_keeps_an_earlier_one(archive, tmp_path):
    from directduidelijk.session import SessionError

    output = tmp_path / "rapport"
    with pytest.raises(SessionError):
        run_audit(options(archive, output), session=BrokenModelSession())
    assert not (output / "resultaten.sqlite").exists()

    run_audit(options(archive, output), session=StandInSession())
    store = output / "resultaten.sqlite"
    before = sqlite3.connect(store).execute("SELECT path, sha256 FROM documents ORDER BY path").fetchall()
    assert len(before) == 4
    (archive / "burgerzaken" / "b.md").write_text("Bel ons gerust, middels.", encoding="utf-8")
    with pytest.raises(SessionError):  # one changed file: the model is needed, and it is broken
        run_audit(options(archive, output), session=BrokenModelSession())
    assert sqlite3.connect(store).execute("SELECT path, sha256 FROM documents ORDER BY path").fetchall() == before
    # nothing changed since the earlier run: no model needed, the store answers
    assert run_audit(options(archive, output), session=StandInSession()).checked == 1


def test_audit_summary_keeps_its_commas_and_dots_only_thousands():
    from directduidelijk.cli import audit_summary_line

    assert audit_summary_line(2, 2, 0, 0, 340, 1.25, 272.0) == (
        "2 documenten gevonden: 2 gecontroleerd, 0 niet veranderd (overgeslagen), 0 niet gelezen. "
        "340 woorden in 1.2 s (272 woorden per seconde).")
    line = audit_summary_line(1500, 1400, 99, 1, 1234567, 100.0, 12345.6)
    assert "1400 gecontroleerd, 99 niet veranderd" in line
    assert "1.234.567 woorden" in line and "(12.346 woorden per seconde)" in line
