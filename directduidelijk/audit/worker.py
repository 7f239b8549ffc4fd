"""The per-document work of an audit: a pure function of (path, bytes, session).

Workers (local processes or Dask) open one CheckSession each and keep it; the parent
process only receives small JSON-able records and writes them to the store.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from directduidelijk.readers import Input, format_for

_SESSION = None
_SESSION_KEY: tuple | None = None


class DocumentTimeout(Exception):
    pass


def session_for(session_args: dict):
    """The process-wide session for these arguments (opened once, reused)."""
    global _SESSION, _SESSION_KEY
    key = tuple(sorted((k, repr(v)) for k, v in session_args.items()))
    if _SESSION is None or _SESSION_KEY != key:
        from directduidelijk.session import CheckSession

        session = CheckSession.open(**session_args)
        session.load_language()  # here, not inside the first document's check: a worker only opens one to check
        _SESSION, _SESSION_KEY = session, key
    return _SESSION


def adopt_session(session, session_args: dict) -> None:
    """Give this process an already opened session (forked workers inherit it)."""
    global _SESSION, _SESSION_KEY
    _SESSION = session
    _SESSION_KEY = tuple(sorted((k, repr(v)) for k, v in session_args.items()))


@contextmanager
def time_limit(seconds: float | None):
    """Interrupt a document that takes too long (only possible in a main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _new_record(path: str, data: bytes) -> dict:
    return {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "format": format_for(path), "size": len(data)}


def _fill_record(record: dict, result) -> None:
    from directduidelijk.report.json_report import finding_to_dict

    if result.error is not None:
        record["error"] = {"code": result.error.code, "message": result.error.message}
    else:
        record["metrics"] = result.metrics
        record["findings"] = [finding_to_dict(f) for f in result.findings]
        record["genre"] = result.genre
        record["warnings"] = result.warnings


def audit_bytes(path: str, data: bytes, session, seconds_limit: float | None = None) -> dict:
    """Check one document's bytes; always returns a record, never raises."""
    started = time.perf_counter()
    record = _new_record(path, data)
    try:
        with time_limit(seconds_limit):
            result = next(session.check([Input(path, data=data, format=format_for(path))]))
    except DocumentTimeout:
        record["error"] = {"code": "te-lang", "message": f"De controle duurde langer dan {seconds_limit:g} seconden."}
    except Exception as error:  # one document must never stop an audit
        record["error"] = {"code": "onleesbaar", "message": f"Het bestand kon niet worden gecontroleerd ({type(error).__name__})."}
    else:
        _fill_record(record, result)
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


def audit_batch(items: list[tuple[str, bytes]], session, seconds_limit: float | None = None) -> list[dict]:
    """Check several documents in one stream (spaCy batches their blocks together); one record each.

    The time limit applies to the whole batch: when it runs out, or anything goes wrong, the
    documents without a record yet are checked one at a time with their own limit, so only a
    document that is too slow on its own is recorded as 'te-lang'. spaCy works on the batch as a
    whole, so ``seconds`` of a document checked in a batch is its share of the batch's time, in
    proportion to its words.
    """
    records: list[dict] = []
    if len(items) > 1:
        started = time.perf_counter()
        try:
            with time_limit(seconds_limit):
                inputs = [Input(path, data=data, format=format_for(path)) for path, data in items]
                for (path, data), result in zip(items, session.check(inputs), strict=False):
                    record = _new_record(path, data)
                    _fill_record(record, result)
                    records.append(record)
        except Exception:  # noqa: BLE001 - incl. DocumentTimeout: the rest goes one by one below
            pass
        elapsed = time.perf_counter() - started
        words = [max(1, (record.get("metrics") or {}).get("words") or 0) for record in records]
        for record, count in zip(records, words, strict=True):
            record["seconds"] = round(elapsed * count / sum(words), 4)
    for path, data in items[len(records):]:
        records.append(audit_bytes(path, data, session, seconds_limit))
    return records


def unreadable_record(path: str, error: OSError) -> dict:
    return {"path": path, "sha256": "", "format": format_for(path), "size": None,
            "error": {"code": "geen-toegang", "message": f"Het bestand kan niet worden geopend ({error.strerror})."},
            "seconds": 0.0}


def audit_path(path: str, session_args: dict, seconds_limit: float | None = None) -> dict:
    """Worker entry point for local processes: read the file here, not in the parent."""
    return audit_paths([path], session_args, seconds_limit)[0]


def audit_paths(paths: list[str], session_args: dict, seconds_limit: float | None = None) -> list[dict]:
    """Worker entry point for a batch of files: read here, checked in one stream; records in order."""
    return check_paths(paths, lambda: session_for(session_args), seconds_limit)


def check_paths(paths: list[str], get_session, seconds_limit: float | None = None) -> list[dict]:
    """Read and check ``paths`` as one batch; ``get_session`` is only called when a file was readable."""
    records: dict[int, dict] = {}
    items: list[tuple[str, bytes]] = []
    readable: list[int] = []
    for number, path in enumerate(paths):
        try:
            items.append((path, Path(path).read_bytes()))
            readable.append(number)
        except OSError as error:
            records[number] = unreadable_record(path, error)
    if not items:
        return [records[number] for number in range(len(paths))]
    for number, record in zip(readable, audit_batch(items, get_session(), seconds_limit), strict=True):
        records[number] = record
    return [records[number] for number in range(len(paths))]


def audit_remote(path: str, data: bytes, session_args: dict, seconds_limit: float | None = None) -> dict:
    """Worker entry point for Dask: the bytes travel with the task (no shared disk needed)."""
    return audit_bytes(path, data, session_for(session_args), seconds_limit)
