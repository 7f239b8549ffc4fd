"""Find the documents to audit: recursively, with include/exclude globs."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from directduidelijk.readers import SUPPORTED_SUFFIXES


def _is_skipped_name(name: str) -> bool:
    # Word lock files (~$brief.docx), editor backups and hidden files are not documents.
    return name.startswith("~$") or name.startswith(".") or name.endswith("~")


def discover(roots: list[Path], include: list[str] | None = None, exclude: list[str] | None = None) -> Iterator[Path]:
    """Yield supported files under the roots, sorted per folder so runs are repeatable."""
    include = include or []
    exclude = exclude or []
    seen: set[Path] = set()
    for root in roots:
        root = Path(root)
        if root.is_file():
            candidates = [root]
            base = root.parent
        else:
            candidates = _walk(root)
            base = root
        for path in candidates:
            if path in seen:
                continue
            relative = path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()
            if path.suffix.lower() not in SUPPORTED_SUFFIXES or _is_skipped_name(path.name):
                continue
            if include and not any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern)
                                   for pattern in include):
                continue
            if any(fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern) for pattern in exclude):
                continue
            seen.add(path)
            yield path


def _walk(root: Path) -> Iterator[Path]:
    for folder, directories, files in os.walk(root):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            yield Path(folder) / name


def top_folder(path: str, roots: list[Path]) -> str:
    """The first folder below the audit root (for example the afdeling), or '.'."""
    candidate = Path(path)
    for root in roots:
        root = Path(root)
        if root.is_dir() and candidate.is_relative_to(root):
            parts = candidate.relative_to(root).parts
            return parts[0] if len(parts) > 1 else "."
    return "."
