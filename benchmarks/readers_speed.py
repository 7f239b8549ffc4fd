"""How fast are the readers? Prints seconds per file and per page/paragraph.

    python benchmarks/readers_speed.py            # the corpora plus generated long files
    python benchmarks/readers_speed.py --pages 100

Generated files need python-docx (always installed) and reportlab (test extra) for the PDF.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from directduidelijk.readers import read_path  # noqa: E402

PARAGRAPH = (
    "Wij hebben uw aanvraag voor bijzondere bijstand ontvangen en bekeken. U krijgt binnen acht "
    "weken een besluit van ons. Heeft u vragen over deze brief? Bel ons dan op werkdagen."
)


def timed(path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    document = read_path(path)
    return time.perf_counter() - started, len(document.blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50, help="pages in the generated PDF")
    parser.add_argument("--paragraphs", type=int, default=1000, help="paragraphs in the generated .docx")
    options = parser.parse_args()

    read_path(ROOT / "corpora" / "brieven" / "woz-aanslag-slecht.pdf")  # warm up (word list)
    print(f"{'bestand':55} {'sec':>7} {'blokken':>8}")
    for path in sorted((ROOT / "corpora").glob("*/*.*")):
        if path.suffix in (".docx", ".pdf", ".txt", ".md"):
            seconds, blocks = timed(path)
            print(f"{str(path.relative_to(ROOT)):55} {seconds:7.3f} {blocks:8d}")

    with tempfile.TemporaryDirectory() as folder:
        import docx

        document = docx.Document()
        for number in range(options.paragraphs):
            document.add_paragraph(PARAGRAPH, style="List Bullet" if number % 7 == 0 else None)
        path = Path(folder) / "lang.docx"
        document.save(path)
        seconds, blocks = timed(path)
        print(f"{'gegenereerd: ' + str(options.paragraphs) + ' alinea’s .docx':55} {seconds:7.3f} {blocks:8d}"
              f"   ({1000 * seconds / options.paragraphs:.2f} ms per alinea)")
        try:
            from fixtures_readers import letter_pdf
        except ImportError:
            print("reportlab ontbreekt: geen PDF-meting")
            return
        lines = [PARAGRAPH[i:i + 80] for i in range(0, len(PARAGRAPH), 80)]
        page = [("p", lines)] * 8
        path = letter_pdf(Path(folder) / "lang.pdf", pages=[page] * options.pages)
        seconds, blocks = timed(path)
        print(f"{'gegenereerd: ' + str(options.pages) + ' pagina’s .pdf':55} {seconds:7.3f} {blocks:8d}"
              f"   ({seconds / options.pages:.3f} s per pagina)")


if __name__ == "__main__":
    main()
