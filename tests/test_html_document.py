"""--format html: the document with highlighted findings, self-contained and accessible."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import browser

REPO = Path(__file__).resolve().parent.parent
LETTER = REPO / "corpora" / "brieven" / "bijstand-toekenning-slecht.md"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("html") / "brief.html"
    completed = subprocess.run([sys.executable, "-m", "directduidelijk", "check", "--format", "html",
                                "--output", str(target), str(LETTER)], capture_output=True, text=True, timeout=300)
    assert completed.returncode in (0, 1), completed.stderr
    return target


def test_page_is_self_contained_and_marks_findings(page):
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert not re.search(r"""(src|href)=["']https?://""", html), "no network resources"
    assert "<script" not in html
    marks = re.findall(r'<mark class="(f-[a-z]+)[^"]*" tabindex="0"', html)
    assert len(marks) >= 10
    assert {"f-woorden", "f-lijdend", "f-lengte"} <= set(marks)
    assert 'role="tooltip"' in html and "Beter:" in html
    assert "Flesch-Douma" in html and "Bevindingen per regel" in html


def test_every_tooltip_is_reachable_by_keyboard(page):
    html = page.read_text(encoding="utf-8")
    described = re.findall(r'aria-describedby="(tip-\d+)"', html)
    tips = set(re.findall(r'role="tooltip" id="(tip-\d+)"', html))
    assert described and set(described) == tips
    assert "mark:focus .tip" in html


def test_pdf_and_txt_input_work_too(tmp_path):
    for source in (REPO / "corpora" / "brieven" / "woz-aanslag-slecht.pdf",
                   REPO / "corpora" / "brieven" / "bijstand-toekenning-slecht.txt"):
        target = tmp_path / (source.stem + ".html")
        completed = subprocess.run([sys.executable, "-m", "directduidelijk", "check", "--format", "html",
                                    "--output", str(target), str(source)], capture_output=True, text=True, timeout=300)
        assert completed.returncode in (0, 1), completed.stderr
        assert "<mark" in target.read_text(encoding="utf-8")


@pytest.mark.skipif(browser.chromium() is None, reason="Chromium is not installed (Debian package chromium)")
def test_page_in_a_real_browser(page, tmp_path):
    loaded = browser.load(page, "html-document", tmp_path / "profiel")
    assert loaded.console_errors == []
    assert loaded.dom.count("<mark") >= 10
    assert loaded.screenshot.exists() and loaded.screenshot.stat().st_size > 10_000
