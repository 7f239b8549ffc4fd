"""Audit speed, resumability and memory on a generated archive of letters.

Run: python benchmarks/audit_speed.py [--documents 2000] [--workers 1 2]
Builds benchmarks/output/archief/ (not committed) from the letters in corpora/, varied
(names, dates, amounts, paragraph order, folders per afdeling), then prints:
  documents/s and words/s per worker count, the ratio of the audit's end-to-end time
  to spaCy's own nlp.pipe over the same texts with the same model (same process count),
  the time of a re-run with nothing changed, and peak memory (parent and workers).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "benchmarks" / "output"
AFDELINGEN = ["burgerzaken", "belastingen", "sociaal-domein", "vergunningen", "openbare-ruimte"]
NAMES = ["Jansen", "De Vries", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "Bos", "Vos"]


def source_texts() -> list[str]:
    texts = []
    for path in sorted((REPO / "corpora").rglob("*")):
        if path.suffix == ".md" and "gold" not in path.parts and path.name != "README.md":
            texts.append(path.read_text(encoding="utf-8"))
    if not texts:
        sys.exit("no .txt/.md letters in corpora/ to build an archive from")
    return texts


def vary(text: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 4:
        middle = paragraphs[2:-2]
        rng.shuffle(middle)
        paragraphs = paragraphs[:2] + middle + paragraphs[-2:]
    varied = "\n\n".join(paragraphs)
    for name in NAMES:
        varied = varied.replace(name, rng.choice(NAMES))
    return varied + f"\n\nKenmerk: {rng.randint(100000, 999999)}\n"


def build_archive(count: int, seed: int = 7) -> Path:
    archive = OUTPUT / f"archief-{count}"
    if archive.exists() and sum(1 for _ in archive.rglob("*.txt")) + sum(1 for _ in archive.rglob("*.docx")) >= count:
        return archive
    shutil.rmtree(archive, ignore_errors=True)
    rng = random.Random(seed)
    texts = source_texts()
    from docx import Document as WordDocument

    for number in range(count):
        folder = archive / AFDELINGEN[number % len(AFDELINGEN)] / f"{2020 + number % 6}"
        folder.mkdir(parents=True, exist_ok=True)
        text = vary(texts[number % len(texts)], rng)
        if number % 5 == 0:  # one in five as Word
            document = WordDocument()
            for paragraph in text.split("\n\n"):
                document.add_paragraph(paragraph.replace("\n", " ").lstrip("#- ").strip())
            document.save(folder / f"brief-{number:05d}.docx")
        else:
            (folder / f"brief-{number:05d}.txt").write_text(text, encoding="utf-8")
    return archive


def run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def pipe_baseline(archive: Path, workers: int) -> tuple[float, int]:
    """spaCy's own nlp.pipe over the same block texts, same model, same number of processes."""
    from directduidelijk.audit.discovery import discover
    from directduidelijk.language.pipeline import load_pipeline
    from directduidelijk.readers import read_path

    texts = []
    for path in discover([archive]):
        document = read_path(path)
        texts.extend(block.text for block in document.blocks if block.text.strip())
    nlp, _ = load_pipeline()
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256, n_process=workers):
        pass
    return time.perf_counter() - started, words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    archive = build_archive(args.documents)
    print(f"archive: {archive} ({args.documents} documents)")
    for workers in args.workers:
        report = OUTPUT / f"rapport-{workers}"
        shutil.rmtree(report, ignore_errors=True)
        command = [sys.executable, "-m", "directduidelijk", "audit", str(archive), "--output", str(report),
                   "--workers", str(workers)]
        first = run(command)
        rerun = run(command)
        peak_children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        import sqlite3

        connection = sqlite3.connect(report / "resultaten.sqlite")
        documents, words, failed = connection.execute(
            "SELECT COUNT(*), COALESCE(SUM(words), 0), SUM(status = 'fout') FROM documents").fetchone()
        connection.close()
        pipe_seconds, _ = pipe_baseline(archive, workers)
        print(f"workers {workers}: {documents} documents ({failed} failed), {words} words in {first:.1f} s "
              f"= {documents / first:.1f} documents/s, {words / first:,.0f} words/s")
        print(f"  nlp.pipe alone over the same texts: {pipe_seconds:.1f} s; audit / pipe = {first / pipe_seconds:.2f} "
              f"(target <= 1.3; the audit time includes interpreter start, model load, reading and writing)")
        print(f"  re-run with nothing changed: {rerun:.1f} s = {rerun / first:.1%} of the first run (target <= 5 %)")
        print(f"  peak memory of the largest process (rusage children): {peak_children_mb:.0f} MB")


if __name__ == "__main__":
    main()
