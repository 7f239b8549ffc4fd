"""Audit speed, resumability and memory on a generated archive of letters.

Run: python benchmarks/audit_speed.py [--documents 2000] [--workers 1 2] [--memory]
Builds benchmarks/output/archief/ (not committed) from the letters in corpora/, varied
(names, dates, amounts, paragraph order, folders per afdeling), then prints:
  documents/s and words/s per worker count, the ratio of the audit's end-to-end time
  to spaCy's own nlp.pipe over the same texts with the same model (same process count),
  the time of a re-run with nothing changed, and peak memory (parent and workers).
With --memory (e.g. --documents 10000 --workers 2) it only runs the audit, sampling the RSS of
the parent and of each worker once a second, and prints it at 10 %, 50 % and 100 % of the documents.
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


def pipe_texts(archive: Path) -> list[str]:
    """Exactly the texts the audit gives spaCy: analysed blocks, placeholders masked."""
    from directduidelijk.audit.discovery import discover
    from directduidelijk.document import FURNITURE_KINDS
    from directduidelijk.placeholders import mask_placeholders
    from directduidelijk.readers import read_path

    texts = []
    for path in discover([archive]):
        document = read_path(path)
        texts.extend(mask_placeholders(block.text, block.protected) for block in document.blocks
                     if block.kind not in FURNITURE_KINDS and block.text.strip())
    return texts


def pipe_baseline(texts: list[str], workers: int) -> float:
    """spaCy's own nlp.pipe over the same texts with the pipeline exactly as an audit worker has it
    (same model, same components switched off, our sentence-boundary component included), the
    same batch size as the checker (256 texts) and as many processes as the audit has workers."""
    from directduidelijk.session import CheckSession

    nlp = CheckSession.open(start=OUTPUT).nlp
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256, n_process=workers):
        pass
    return time.perf_counter() - started


def sample_memory(command: list[str], store: Path, total: int, interval: float = 1.0) -> list[tuple]:
    """Run the audit and sample (seconds, documents done, parent RSS MB, worker RSS MB each) until it ends."""
    import sqlite3

    import psutil

    samples = []
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            parent_mb = parent.memory_info().rss / 2**20
            workers_mb = [child.memory_info().rss / 2**20 for child in parent.children(recursive=True)]
        except psutil.Error:
            break
        done = 0
        if store.exists():
            try:
                connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=1)
                done = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                connection.close()
            except sqlite3.Error:
                done = samples[-1][1] if samples else 0
        samples.append((time.perf_counter() - started, done, parent_mb, workers_mb))
        time.sleep(interval)
    if process.wait() != 0:
        sys.exit(f"audit failed with exit code {process.returncode}")
    return samples


def memory_report(archive: Path, documents: int, workers: int) -> None:
    report = OUTPUT / f"rapport-geheugen-{workers}"
    shutil.rmtree(report, ignore_errors=True)
    command = [sys.executable, "-m", "directduidelijk", "audit", str(archive), "--output", str(report),
               "--workers", str(workers)]
    samples = sample_memory(command, report / "resultaten.sqlite", documents)
    print(f"memory over {documents} documents, {workers} workers ({len(samples)} samples, one per second):")
    print("  done    seconds  parent RSS  workers RSS (each)")
    # Samples while the workers ran (with --workers 1 the parent does the work itself).
    running = [s for s in samples if s[3]] if workers > 1 else samples
    running = running or samples
    for share in (0.10, 0.50, 1.00):
        # the first sample at or past the share; for 100 % the last one before the workers stopped
        target = share * documents
        sample = next((s for s in running if s[1] >= target), running[-1])
        workers_text = ", ".join(f"{mb:.0f}" for mb in sample[3]) or "-"
        print(f"  {share:>4.0%} {sample[1]:>6} {sample[0]:>7.0f} s {sample[2]:>8.0f} MB  {workers_text} MB")
    peak_parent = max(s[2] for s in samples)
    peak_worker = max((mb for s in samples for mb in s[3]), default=0.0)
    print(f"  peak: parent {peak_parent:.0f} MB, largest worker {peak_worker:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memory", action="store_true",
                        help="only sample the RSS of the audit's parent and workers over the run")
    args = parser.parse_args()
    archive = build_archive(args.documents)
    print(f"archive: {archive} ({args.documents} documents)")
    if args.memory:
        for workers in args.workers:
            memory_report(archive, args.documents, workers)
        return
    texts = pipe_texts(archive)
    # One one-line letter: an empty folder would not load the model (the audit loads it only when a
    # document needs checking).
    tiny = OUTPUT / "een-regel"
    tiny.mkdir(parents=True, exist_ok=True)
    (tiny / "brief.txt").write_text("U krijgt geld terug.\n", encoding="utf-8")
    shutil.rmtree(OUTPUT / "rapport-een-regel", ignore_errors=True)
    fixed = run([sys.executable, "-m", "directduidelijk", "audit", str(tiny), "--output",
                 str(OUTPUT / "rapport-een-regel"), "--workers", "1"])
    print(f"fixed cost (start-up, model load, exports) of an audit of one one-line letter: {fixed:.1f} s")
    for workers in args.workers:
        report = OUTPUT / f"rapport-{workers}"
        shutil.rmtree(report, ignore_errors=True)
        command = [sys.executable, "-m", "directduidelijk", "audit", str(archive), "--output", str(report),
                   "--workers", str(workers)]
        first = run(command)
        peak_children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        pipe_seconds = pipe_baseline(texts, workers)  # right after the audit: under the same load
        rerun = run(command)
        import sqlite3

        connection = sqlite3.connect(report / "resultaten.sqlite")
        documents, words, failed = connection.execute(
            "SELECT COUNT(*), COALESCE(SUM(words), 0), SUM(status = 'fout') FROM documents").fetchone()
        connection.close()
        print(f"workers {workers}: {documents} documents ({failed} failed), {words} words in {first:.1f} s "
              f"= {documents / first:.1f} documents/s, {words / first:,.0f} words/s")
        print(f"  nlp.pipe alone over the same texts: {pipe_seconds:.1f} s; audit / pipe = {first / pipe_seconds:.2f} "
              f"(target <= 1.3; the audit time includes interpreter start, model load, reading and writing)")
        print(f"  per-document work besides spaCy (audit - fixed cost - pipe) = "
              f"{(first - fixed - pipe_seconds) / pipe_seconds:.0%} of the pipe time")
        print(f"  re-run with nothing changed: {rerun:.1f} s = {rerun / first:.1%} of the first run (target <= 5 %)")
        print(f"  peak memory of the largest process (rusage children): {peak_children_mb:.0f} MB")


if __name__ == "__main__":
    main()
