"""Run an audit: discover, skip what is unchanged, check the rest in parallel, store, export.

The parent process keeps nothing per document: each record goes straight into the
SQLite store, so memory stays flat however large the archive is.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from directduidelijk import __version__
from directduidelijk.audit import worker
from directduidelijk.audit.discovery import discover, top_folder
from directduidelijk.audit.store import AuditStore

STORE_NAME = "resultaten.sqlite"
# Documents per task: their blocks go through spaCy in one batch (up to 256 texts), which is
# faster than one document at a time. An interruption loses at most the batches in flight.
BATCH_DOCUMENTS = 8
# Allocations between two collections of the youngest generation while an audit checks (Python's
# default is 700).
GC_THRESHOLD = 10_000


@dataclass
class AuditOptions:
    roots: list[Path]
    output: Path
    workers: int = 1
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    force: bool = False  # --opnieuw
    seconds_per_document: float | None = 120.0
    dask_address: str | None = None
    session_args: dict = field(default_factory=dict)
    progress: bool = True


@dataclass
class AuditSummary:
    found: int = 0
    checked: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    store: Path | None = None
    exports: list[Path] = field(default_factory=list)


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def run_audit(options: AuditOptions, session=None, on_record: Callable[[dict], None] | None = None) -> AuditSummary:
    from directduidelijk.session import CheckSession

    started = time.perf_counter()
    if session is None:
        session = CheckSession.open(**options.session_args)
    fingerprint = session.fingerprint()  # from the model's meta.json: the model itself is not loaded yet
    store_path = options.output / STORE_NAME
    # A store from an earlier run is opened to skip what is unchanged; a new one is only created once
    # the model has loaded, so an audit that stops on a broken model leaves no empty store behind.
    store = AuditStore(store_path) if store_path.exists() else None
    summary = AuditSummary(store=store_path)
    pending: list[str] = []
    for path in discover(options.roots, options.include, options.exclude):
        summary.found += 1
        text_path = str(path)
        digest = _sha256(path)
        if (store is not None and not options.force and digest
                and store.is_current(text_path, digest, fingerprint)):
            summary.skipped += 1
            continue
        pending.append(text_path)
    if pending and not options.dask_address:
        # Load the model only when there is something to check, and before the first document, so a
        # model that cannot be loaded stops the audit with its own message instead of failing every
        # document. Forked workers inherit it (one copy, shared).
        try:
            session.load_language()
        except BaseException:
            if store is not None:
                store.close()
            raise
    if store is None:
        store = AuditStore(store_path)
    run_id = store.start_run(__version__, f"{session.model['name']} {session.model['version']}", fingerprint,
                             [str(r) for r in options.roots])

    progress = _Progress(len(pending), enabled=options.progress)

    def save(records: list[dict]) -> None:
        """Store the records of one batch in one transaction, then count them."""
        store.save_batch([(record, top_folder(record["path"], options.roots)) for record in records],
                         fingerprint, run_id)
        for record in records:
            summary.checked += 1
            if record.get("error"):
                summary.failed += 1
            words = (record.get("metrics") or {}).get("words") or 0
            summary.words += words
            progress.advance(words, bool(record.get("error")))
            if on_record is not None:
                on_record(record)

    # The cyclic garbage collector walks every object it tracks, the whole language model among
    # them, and checking allocates many small objects: freeze what is loaded now (forked workers
    # inherit it, and their copy-on-write pages stay shared) and collect less often while checking.
    thresholds = gc.get_threshold()
    if pending:
        gc.freeze()
        gc.set_threshold(max(thresholds[0], GC_THRESHOLD), *thresholds[1:])
    try:
        if options.dask_address:
            _run_dask(pending, options, save)
        elif options.workers <= 1 or len(pending) <= 1:
            for start in range(0, len(pending), BATCH_DOCUMENTS):
                save(worker.check_paths(pending[start:start + BATCH_DOCUMENTS], lambda: session,
                                        options.seconds_per_document))
        else:
            _run_processes(pending, options, session, save)
    finally:
        if pending:
            gc.set_threshold(*thresholds)
            gc.unfreeze()
        progress.close()
        store.finish_run(run_id, summary.checked, summary.skipped, summary.failed)
        summary.seconds = time.perf_counter() - started

    from directduidelijk.audit.exports import export_all

    summary.exports = export_all(store, options.output, options.roots)
    store.close()
    return summary


def _read(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def _run_processes(pending: list[str], options: AuditOptions, session, save: Callable[[list[dict]], None]) -> None:
    """Local worker processes. Forked workers inherit the parent's session with its model loaded."""
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    worker.adopt_session(session, options.session_args)
    queue: deque[str] = deque(pending)
    suspects: deque[str] = deque()
    # Small batches while few files are left, so every worker keeps something to do.
    batch = max(1, min(BATCH_DOCUMENTS, len(pending) // (options.workers * 2)))

    while queue or suspects:
        # Files in flight when a worker died are retried one at a time, so the file
        # that kills a worker is found and recorded while all others go on.
        isolating = bool(suspects)
        source = suspects if isolating else queue
        limit = 1 if isolating else options.workers * 2
        size = 1 if isolating else batch
        executor = ProcessPoolExecutor(max_workers=1 if isolating else options.workers, mp_context=context)
        in_flight: dict[Future, list[str]] = {}
        broken = False

        def fill() -> None:
            while source and len(in_flight) < limit:
                paths = [source.popleft() for _ in range(min(size, len(source)))]
                future = executor.submit(worker.audit_paths, paths, options.session_args, options.seconds_per_document)
                in_flight[future] = paths

        try:
            fill()
            while in_flight:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    paths = in_flight.pop(future)
                    try:
                        records = future.result()
                    except BrokenProcessPool:
                        in_flight[future] = paths
                        raise
                    except Exception as error:  # e.g. a result that could not be sent back
                        records = [_error_record(path, "Het bestand kon niet worden gecontroleerd "
                                                       f"({type(error).__name__}).") for path in paths]
                    save(records)
                fill()
        except BrokenProcessPool:
            broken = True
            for paths in in_flight.values():
                for path in paths:
                    if isolating:
                        save([_error_record(path, "Het controleren van dit bestand liet het programma vastlopen.")])
                    else:
                        suspects.append(path)
        finally:
            executor.shutdown(wait=not broken, cancel_futures=True)


def _error_record(path: str, message: str) -> dict:
    return {"path": path, "sha256": _sha256(Path(path)) or "", "format": None, "seconds": 0.0,
            "error": {"code": "onleesbaar", "message": message}}


def _run_dask(pending: list[str], options: AuditOptions, save: Callable[[list[dict]], None]) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        from directduidelijk.session import SessionError

        raise SessionError("Voor --dask is dask.distributed nodig: pip install 'directduidelijk[dask]'.") from None
    client = Client(options.dask_address)
    try:
        batch = max(8, 4 * sum(client.nthreads().values()))
        paths = iter(pending)
        futures = as_completed()
        in_flight = 0

        def feed() -> None:
            nonlocal in_flight
            for path in paths:
                data = _read(path)
                if data is None:
                    save([worker.audit_path(path, options.session_args)])
                    continue
                futures.add(client.submit(worker.audit_remote, path, data, options.session_args,
                                          options.seconds_per_document, pure=False))
                in_flight += 1
                if in_flight >= batch:
                    return

        feed()
        for future in futures:
            save([future.result()])
            future.release()
            in_flight -= 1
            feed()
    finally:
        client.close()


class _Progress:
    """A rich progress bar on a terminal; silent otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.failed = 0
        self.words = 0
        self.started = time.perf_counter()
        self.bar = None
        if enabled and sys.stdout.isatty() and total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("Controleren"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} woorden/s"), TextColumn("nog"), TimeRemainingColumn(),
                TextColumn("{task.fields[failed]} niet gelezen"),
            )
            self.task = self.bar.add_task("audit", total=total, rate="0", failed=0)
            self.bar.start()

    def advance(self, words: int, failed: bool) -> None:
        self.words += words
        self.failed += int(failed)
        if self.bar is not None:
            rate = self.words / max(1e-6, time.perf_counter() - self.started)
            self.bar.update(self.task, advance=1, rate=f"{rate:,.0f}".replace(",", "."), failed=self.failed)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
