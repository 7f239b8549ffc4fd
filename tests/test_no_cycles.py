"""A checked document is freed by reference counting alone: no reference cycle keeps its analysis
(spaCy Docs, spans, token tables) alive until the cyclic garbage collector runs. In an audit those
waited in the young generations and were walked by every collection."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from shared_session import shared_session

from directduidelijk.readers import Input

LETTERS = Path(__file__).resolve().parent.parent / "corpora" / "brieven"


def test_checked_documents_are_freed_without_the_garbage_collector(monkeypatch):
    session = shared_session()
    session.load_language()
    engine = session.engine
    refs: list[weakref.ref] = []
    original = engine.check

    def check(analysed):
        refs.extend(weakref.ref(doc) for doc in analysed.docs if doc is not None)
        return original(analysed)

    monkeypatch.setattr(engine, "check", check)
    names = ["bijstand-toekenning-slecht.docx", "betaling-herinnering-slecht.md"]
    enabled = gc.isenabled()
    gc.disable()
    try:
        results = [len(result.findings) for result in session.check([Input(str(LETTERS / name)) for name in names])]
        alive = sum(ref() is not None for ref in refs)
    finally:
        if enabled:
            gc.enable()
    assert len(results) == 2 and all(results) and refs
    assert alive == 0
