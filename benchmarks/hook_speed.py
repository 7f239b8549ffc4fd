"""Speed of directduidelijk as a pre-commit hook. Prints figures; not a test.

    python benchmarks/hook_speed.py [--model NAME_OR_PATH] [--repeat 5] [--files 10]

1. Quick commands (target < 0.3 s, no spaCy import): `--help`, `regels`, `uitleg lijdende-vorm`.
2. Cold start: checking a one-page letter in a fresh process, against a fresh process that only
   loads the language model (target: at most 1.5x).
3. Many files in one invocation share one model: N files in one call against N calls.

Every figure is the median wall time of --repeat fresh processes (the first run is a warm-up,
so the operating system's file cache is warm, as it is for a hook that runs every commit).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LETTER = REPO / "corpora" / "brieven" / "bezwaar-ontvangst-slecht.md"

SPACY_PROBE = (
    "import sys, atexit\n"
    "atexit.register(lambda: print('SPACY-IMPORTED' if 'spacy' in sys.modules else 'SPACY-NOT-IMPORTED', file=sys.stderr))\n"
    "sys.argv = ['directduidelijk', *sys.argv[1:]]\n"
    "from directduidelijk.cli import main\n"
    "main()\n"
)

# Where a cold check spends its time, step by step, in one fresh process.
BREAKDOWN = r"""
import sys, time
steps = []
t = time.perf_counter()
def step(name):
    global t
    now = time.perf_counter(); steps.append((name, now - t)); t = now
import directduidelijk.cli; step("import cli (typer, rich)")
import spacy; step("import spaCy")
from pathlib import Path
from directduidelijk.config import load_config
from directduidelijk.engine import load_rules, RuleEngine
config = load_config(Path(sys.argv[1]).resolve().parent, None, {}); rules = load_rules(config); step("configuration + YAML rules")
engine = RuleEngine(rules, config); step("rule engine (word lists, built-in checks)")
from directduidelijk.session import load_language
nlp, _ = load_language(sys.argv[2] or None, engine.required_components()); step("load model")
try:
    from directduidelijk.readability.lint import word_data
    word_data(); step("LiNT-II word data")
except ImportError:
    pass
from directduidelijk.checking import check_inputs
from directduidelijk.readers import Input
list(check_inputs([Input(sys.argv[1])], engine, nlp)); step("read + analyse + rules + metrics")
for name, seconds in steps:
    print(f"{name}\t{seconds:.3f}")
"""

LOAD_MODEL_ONLY = (
    "import sys\n"
    "from directduidelijk.language.pipeline import load_pipeline\n"
    "nlp, info = load_pipeline(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None)\n"
    "nlp('Dit is een zin.')\n"  # make sure the model is really usable, like a check is
)


def command_prefix() -> list[str]:
    script = shutil.which("directduidelijk")
    return [script] if script else [sys.executable, "-m", "directduidelijk"]


def timed(args: list[str], repeat: int, expect: tuple[int, ...] = (0, 1)) -> float:
    env = {**os.environ, "NO_COLOR": "1"}
    times = []
    for run in range(repeat + 1):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, env=env, cwd=REPO)
        elapsed = time.perf_counter() - start
        if done.returncode not in expect:
            sys.exit(f"failed ({done.returncode}): {' '.join(args)}\n{done.stderr.decode(errors='replace')[-2000:]}")
        if run or repeat == 0:  # the first run warms the file cache
            times.append(elapsed)
    return statistics.median(times)


def imports_spacy(args: list[str]) -> bool:
    done = subprocess.run([sys.executable, "-c", SPACY_PROBE, *args], capture_output=True, text=True, cwd=REPO)
    return "SPACY-IMPORTED" in done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="model for check (default: what directduidelijk picks)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=10, help="files for the many-files test")
    options = parser.parse_args()
    prefix = command_prefix()
    model_args = ["--model", options.model] if options.model else []
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, command: {' '.join(prefix)}")
    print(f"median of {options.repeat} runs after one warm-up\n")

    print("1. quick commands (target < 0.30 s, spaCy not imported)")
    for args in (["--help"], ["regels"], ["uitleg", "lijdende-vorm"]):
        seconds = timed(prefix + args, options.repeat, expect=(0,))
        spacy = imports_spacy(args)
        verdict = "ok" if seconds < 0.3 and not spacy else "TOO SLOW" if seconds >= 0.3 else "IMPORTS SPACY"
        print(f"   directduidelijk {' '.join(args):<24} {seconds:6.3f} s  spaCy imported: {'yes' if spacy else 'no '}  {verdict}")

    print("\n2. cold start: one-page letter against loading the model alone (target <= 1.5x)")
    words = len(LETTER.read_text(encoding="utf-8").split())
    load = timed([sys.executable, "-c", LOAD_MODEL_ONLY, options.model or ""], options.repeat, expect=(0,))
    check = timed(prefix + ["check", *model_args, "--format", "json", str(LETTER)], options.repeat)
    ratio = check / load
    print(f"   load model only (fresh process)            {load:6.3f} s")
    print(f"   check {LETTER.name} ({words} words)  {check:6.3f} s")
    print(f"   ratio check / load                          {ratio:6.2f}x  {'ok' if ratio <= 1.5 else 'ABOVE TARGET'}")
    done = subprocess.run([sys.executable, "-c", BREAKDOWN, str(LETTER), options.model or ""], capture_output=True,
                          text=True, cwd=REPO)
    if done.returncode == 0:
        print("   where the time goes (one fresh process):")
        for line in done.stdout.splitlines():
            name, seconds = line.split("\t")
            print(f"     {name:<42} {float(seconds):6.3f} s")
    else:
        print(f"   (breakdown failed: {done.stderr.strip().splitlines()[-1:]})")

    print(f"\n3. many files share one model ({options.files} copies of the letter)")
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(options.files):
            path = Path(folder) / f"brief-{number:02d}.md"
            # Different text per copy, so nothing can be cached by content.
            path.write_text(LETTER.read_text(encoding="utf-8") + f"\n\nKenmerk {number}.\n", encoding="utf-8")
            paths.append(str(path))
        one_call = timed(prefix + ["check", *model_args, "--format", "json", *paths], options.repeat)
        separate = sum(timed(prefix + ["check", *model_args, "--format", "json", path], 0) for path in paths)
    per_extra = (one_call - check) / max(options.files - 1, 1)
    print(f"   {options.files} files in one invocation                {one_call:6.3f} s  "
          f"({per_extra:.3f} s per extra file)")
    print(f"   {options.files} separate invocations                   {separate:6.3f} s")
    print(f"   one invocation is {separate / one_call:.1f}x faster")


if __name__ == "__main__":
    main()
