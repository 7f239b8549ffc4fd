"""Batch audits of document archives: discovery -> per-document pure function
(local processes or Dask) -> SQLite store -> exports (CSV, JSONL, HTML)."""
