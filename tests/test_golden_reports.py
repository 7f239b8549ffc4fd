"""Golden JSON reports for sample letters: any change in what we report shows up in review.

Regenerate after an intended change with UPDATE_GOLDEN=1 and read the diff by eye.
The tool and model versions are left out, so only real changes in findings show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = [
    "corpora/brieven/bijstand-toekenning-slecht.docx",
    "corpora/brieven/bijstand-toekenning-goed.md",
    "corpora/brieven/woz-aanslag-slecht.pdf",
    "corpora/brieven/betaling-herinnering-slecht.txt",
    "corpora/voorstellen/bestuursvoorstel-speelplekken-slecht.docx",
]


def report_for(sample: str) -> dict:
    completed = subprocess.run([sys.executable, "-m", "directduidelijk", "check", "--format", "json", sample],
                               cwd=REPO, capture_output=True, text=True, timeout=300)
    assert completed.returncode in (0, 1), completed.stderr
    report = json.loads(completed.stdout)
    report["tool"] = {"name": report["tool"]["name"]}  # versions change without the findings changing
    return report


@pytest.mark.parametrize("sample", SAMPLES)
def test_report_matches_golden(sample):
    assert (REPO / sample).exists(), sample
    golden = GOLDEN / (Path(sample).name + ".json")
    report = report_for(sample)
    if os.environ.get("UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"{golden.name} did not exist and was written now: review it and commit it")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert report == expected, f"report for {sample} changed; if intended, run with UPDATE_GOLDEN=1 and review"
