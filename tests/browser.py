"""Headless Chromium (Debian package 'chromium') for tests of the HTML pages we write.

Loads a local file, writes a screenshot and the rendered DOM, and collects console
errors from Chromium's log. Tests skip when Chromium is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1280,1600"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@dataclass
class PageLoad:
    dom: str
    console_errors: list[str]
    screenshot: Path


def load(page: Path, name: str, profile: Path) -> PageLoad:
    binary = chromium()
    assert binary, "chromium not installed"
    ARTEFACTS.mkdir(exist_ok=True)
    screenshot = ARTEFACTS / f"{name}.png"
    common = [binary, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([*common, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    shot = subprocess.run([*common, f"--screenshot={screenshot}", page.as_uri()], capture_output=True, text=True,
                          timeout=120)
    log = dom.stderr + shot.stderr
    errors = [line for line in log.splitlines()
              if re.search(r"CONSOLE|Uncaught|Failed to load resource", line) and "ERROR" in line.upper()]
    return PageLoad(dom.stdout, errors, screenshot)
