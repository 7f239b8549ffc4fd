"""`directduidelijk audit` end to end: real model, real files, interrupted and resumed, Dask, browser."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import browser

REPO = Path(__file__).resolve().parent.parent
LETTERS = REPO / "corpora" / "brieven"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archief")
    for index, source in enumerate(sorted(LETTERS.glob("*"))):
        if source.suffix not in (".md", ".docx", ".pdf", ".txt"):
            continue
        folder = root / ("belastingen" if "woz" in source.name or "betaling" in source.name else "sociaal-domein")
        folder.mkdir(exist_ok=True)
        shutil.copy(source, folder / source.name)
    (root / "sociaal-domein" / "kapot.docx").write_bytes(b"dit is geen word-bestand")
    (root / "sociaal-domein" / "~$lock.docx").write_bytes(b"lock")
    return root


def audit(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "directduidelijk", "audit", *args],
                          capture_output=True, text=True, timeout=timeout)


def count_documents(store: Path) -> tuple[int, int]:
    connection = sqlite3.connect(store)
    try:
        return connection.execute("SELECT COUNT(*), SUM(status = 'fout') FROM documents").fetchone()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def report(archive, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("rapport")
    completed = audit(str(archive), "--output", str(output), "--workers", "2")
    assert completed.returncode == 0, completed.stderr
    return output


def test_audit_writes_store_and_exports(archive, report):
    expected = len([p for p in archive.rglob("*") if p.is_file() and not p.name.startswith("~$")])
    documents, failed = count_documents(report / "resultaten.sqlite")
    assert documents == expected and failed == 1  # kapot.docx is recorded, the audit went on
    header = (report / "resultaten.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "lint_level" in header and "lijdende-vorm" in header and "error" in header
    assert (report / "bevindingen.jsonl").stat().st_size > 0
    page = (report / "rapport.html").read_text(encoding="utf-8")
    assert "sociaal-domein" in page and "belastingen" in page and page.count("<svg") >= 4


def test_rerun_skips_everything_unchanged(archive, report):
    completed = audit(str(archive), "--output", str(report), "--workers", "2")
    assert completed.returncode == 0
    assert "0 gecontroleerd, " in " ".join(completed.stdout.split())  # a comma, not a thousands dot


def test_kill_minus_nine_loses_only_documents_in_flight(archive, tmp_path):
    output = tmp_path / "rapport"
    process = subprocess.Popen([sys.executable, "-m", "directduidelijk", "audit", str(archive), "--output",
                                str(output), "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = output / "resultaten.sqlite"
    deadline = time.time() + 300
    while time.time() < deadline:
        if store.exists():
            try:
                if count_documents(store)[0] >= 3:
                    break
            except sqlite3.Error:
                pass
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(store)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    done_before = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    connection.close()
    assert done_before >= 3
    completed = audit(str(archive), "--output", str(output), "--workers", "1")
    assert completed.returncode == 0, completed.stderr
    total = len([p for p in archive.rglob("*") if p.is_file() and not p.name.startswith("~$")])
    assert count_documents(store)[0] == total
    assert f"{done_before} niet veranderd" in completed.stdout


def test_dask_local_cluster(archive, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from directduidelijk.audit.runner import AuditOptions, run_audit

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        options = AuditOptions(roots=[archive], output=tmp_path / "dask", progress=False,
                               dask_address=cluster.scheduler_address,
                               session_args={"start": archive})
        summary = run_audit(options)
    assert summary.checked == summary.found and summary.failed == 1
    assert (tmp_path / "dask" / "rapport.html").exists()


def test_missing_folder_is_a_usage_error(tmp_path):
    completed = audit(str(tmp_path / "bestaat-niet"), "--output", str(tmp_path / "uit"))
    assert completed.returncode == 2 and "bestaat niet" in completed.stderr


@pytest.mark.skipif(browser.chromium() is None, reason="Chromium is not installed (Debian package chromium)")
def test_audit_report_in_a_real_browser(report, tmp_path):
    loaded = browser.load(report / "rapport.html", "audit-rapport", tmp_path / "profiel")
    assert loaded.console_errors == []
    assert loaded.dom.count("<svg") >= 4 and loaded.dom.count("<rect") >= 8
    assert loaded.screenshot.stat().st_size > 10_000


def test_rules_fingerprint_is_the_same_in_every_process():
    code = "from directduidelijk.session import CheckSession; print(CheckSession.open().fingerprint())"
    prints = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                             env={**__import__("os").environ, "PYTHONHASHSEED": seed}).stdout.strip()
              for seed in ("1", "2", "3")}
    assert len(prints) == 1 and "" not in prints


# A re-run that finds every document unchanged needs no language model: it must not even import spaCy.
PROBE = """
import json, sys
from directduidelijk.cli import main
sys.argv = ["directduidelijk", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code
else:
    code = 0
print(json.dumps({"code": code, "spacy": "spacy" in sys.modules}), file=sys.stderr)
"""


def probe_audit(*args: str) -> tuple[dict, subprocess.CompletedProcess]:
    completed = subprocess.run([sys.executable, "-c", PROBE, "audit", *args],
                               capture_output=True, text=True, timeout=900)
    return json.loads(completed.stderr.strip().splitlines()[-1]), completed


def test_rerun_of_unchanged_documents_imports_no_spacy_and_writes_the_same_exports(tmp_path):
    folder = tmp_path / "archief"
    (folder / "burgerzaken").mkdir(parents=True)
    for name in ("betaling-herinnering-slecht.md", "wmo-uitnodiging-goed.md", "woz-aanslag-slecht.docx"):
        shutil.copy(LETTERS / name, folder / "burgerzaken" / name)
    output = tmp_path / "rapport"
    first, completed = probe_audit(str(folder), "--output", str(output), "--workers", "2")
    assert first == {"code": 0, "spacy": True}, completed.stderr
    before = {name: (output / name).read_text(encoding="utf-8") for name in ("resultaten.csv", "bevindingen.jsonl")}
    for name in (*before, "rapport.html"):
        (output / name).unlink()

    probe, completed = probe_audit(str(folder), "--output", str(output), "--workers", "2")
    assert probe == {"code": 0, "spacy": False}, completed.stderr
    assert "0 gecontroleerd" in completed.stdout
    assert {name: (output / name).read_text(encoding="utf-8") for name in before} == before
    assert "burgerzaken" in (output / "rapport.html").read_text(encoding="utf-8")
    connection = sqlite3.connect(output / "resultaten.sqlite")
    try:
        runs = connection.execute("SELECT tool_version, model, rules_fingerprint, checked, skipped FROM runs "
                                  "ORDER BY id").fetchall()
        stored = {row[0] for row in connection.execute("SELECT DISTINCT rules_fingerprint FROM documents")}
    finally:
        connection.close()
    # The lazy run records the same tool, model and fingerprint as the run that loaded the model.
    assert runs[1][:3] == runs[0][:3] and stored == {runs[1][2]} and runs[1][3:] == (0, 3)

    changed = folder / "burgerzaken" / "wmo-uitnodiging-goed.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nWij nemen uw aanvraag in behandeling.\n",
                       encoding="utf-8")
    probe, completed = probe_audit(str(folder), "--output", str(output), "--workers", "1")
    assert probe == {"code": 0, "spacy": True} and "1 gecontroleerd" in completed.stdout
    lines = (output / "bevindingen.jsonl").read_text(encoding="utf-8").splitlines()
    assert any("betaling-herinnering-slecht.md" in line for line in lines)
    assert any("in behandeling" in line for line in lines)


def test_model_that_cannot_be_loaded_stops_the_audit_before_any_document(archive, tmp_path):
    model = tmp_path / "kapot-model"
    model.mkdir()
    (model / "meta.json").write_text(json.dumps({"lang": "nl", "name": "kapot", "version": "1.0.0"}))
    (model / "config.cfg").write_text("[nlp\n")
    completed = audit(str(archive), "--output", str(tmp_path / "uit"), "--model", str(model))
    assert completed.returncode == 2 and "kan niet worden geladen" in " ".join(completed.stderr.split())
    assert not (tmp_path / "uit" / "resultaten.sqlite").exists()  # no empty store left behind
    missing = audit(str(archive), "--output", str(tmp_path / "uit2"), "--model", str(tmp_path / "geen"))
    assert missing.returncode == 2 and "niet gevonden" in " ".join(missing.stderr.split())


def test_session_loads_the_model_on_first_use_with_the_identity_it_reported():
    code = ("import sys; from directduidelijk.session import CheckSession; s = CheckSession.open(); "
            "record = dict(s.model); print('spacy' in sys.modules, s.language_loaded); s.load_language(); "
            "from directduidelijk.language.pipeline import load_pipeline; info = load_pipeline(s._model_spec)[1]; "
            "print(s.model == record == {'name': info.name, 'version': info.version, 'source': info.source, "
            "'lint_compatible': info.lint_compatible}, s.nlp is s.nlp)")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert completed.stdout.split() == ["False", "False", "True", "True"], completed.stderr
