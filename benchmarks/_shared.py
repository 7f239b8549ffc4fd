"""Where benchmarks find ../shared (training and evaluation data that is never committed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    return Path(os.environ.get("DIRECTDUIDELIJK_SHARED", REPO.parent / "shared"))


def require_shared(*parts: str) -> Path:
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        print(f"skipped: {path} not found (set DIRECTDUIDELIJK_SHARED to the shared data folder)")
        sys.exit(0)
    return path
