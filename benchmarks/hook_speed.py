"""Speed of directduidelijk as a pre-commit hook. Prints figures; not a test.

    python benchmarks/hook_speed.py [--model NAME_OR_PATH] [--repeat 5] [--files 10]

0. Reference on this machine, now: `python -c pass` and `python -c "import spacy"`.
1. Quick commands (target < 0.3 s; no spaCy, no typer): `--help`, `regels`, `uitleg lijdende-vorm`.
2. Cold start: checking a one-page letter in a fresh process, against a fresh process that only
   loads the language model (target: at most 1.5x). The two run in turn (A B A B ...), and the
   ratio is the median of the ratios per pair, so a machine that speeds up or slows down during
   the measurement does not tilt it.
3. Many files in one invocation share one model: N files in one call against N calls.

Every figure is the median of --repeat fresh processes after one warm-up run (so the operating
system's file cache is warm, as it is for a hook that runs every commit): wall-clock time, and the
processor time of the process (user + system) in brackets. On a busy machine the wall time grows
with the load; the processor time and the ratios hardly do, so compare those.
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

IMPORT_PROBE = (
    "import sys, atexit\n"
    "atexit.register(lambda: print('IMPORTED', ','.join(m for m in ('spacy', 'typer') if m in sys.modules),"
    " file=sys.stderr))\n"
    "sys.argv = ['directduidelijk', *sys.argv[1:]]\n"
    "from directduidelijk.cli import main\n"
    "main()\n"
)

# Where a cold check spends its time, step by step, in one fresh process (processor time).
BREAKDOWN = r"""
import sys, time
steps = []
t = time.process_time()
def step(name):
    global t
    now = time.process_time(); steps.append((name, now - t)); t = now
import directduidelijk.cli; step("import cli (no typer)")
import spacy; step("import spaCy")
from pathlib import Path
from directduidelijk.config import load_config
from directduidelijk.engine import load_rules, RuleEngine
config = load_config(Path(sys.argv[1]).resolve().parent, None, {}); rules = load_rules(config); step("configuration + rules (cached YAML)")
engine = RuleEngine(rules, config); step("rule engine (built-in checks)")
from directduidelijk.session import load_language
nlp, _ = load_language(sys.argv[2] or None, engine.required_components()); step("load model")
from directduidelijk.readability.lint import word_data
word_data(); step("LiNT-II word data")
from directduidelijk.wordfreq_nl import zipf
zipf("gemeente"); step("word frequencies (cached table)")
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


def run_once(args: list[str], expect: tuple[int, ...]) -> tuple[float, float | None]:
    """(wall seconds, processor seconds or None) of one fresh process."""
    env = {**os.environ, "NO_COLOR": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    errors = process.stderr.read()
    process.stderr.close()
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu: float | None = usage.ru_utime + usage.ru_stime
    else:
        process.wait()
        cpu = None
    wall = time.perf_counter() - start
    if process.returncode not in expect:
        sys.exit(f"failed ({process.returncode}): {' '.join(args)}\n{errors.decode(errors='replace')[-2000:]}")
    return wall, cpu


def timed_runs(commands: list[list[str]], repeat: int, expect: tuple[int, ...] = (0, 1)) -> list[list[tuple]]:
    """Each command `repeat` times (after one warm-up run each), in turn: A B A B ..."""
    for args in commands:
        run_once(args, expect)
    runs: list[list[tuple]] = [[] for _ in commands]
    for _ in range(max(repeat, 1)):
        for number, args in enumerate(commands):
            runs[number].append(run_once(args, expect))
    return runs


def median(runs: list[tuple], index: int) -> float | None:
    values = [run[index] for run in runs if run[index] is not None]
    return statistics.median(values) if values else None


def show(runs: list[tuple]) -> str:
    wall, cpu = median(runs, 0), median(runs, 1)
    return f"{wall:6.3f} s" + (f"  ({cpu:5.3f} s cpu)" if cpu is not None else "")


def imports(args: list[str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", IMPORT_PROBE, *args], capture_output=True, text=True, cwd=REPO)
    lines = [line for line in done.stderr.splitlines() if line.startswith("IMPORTED")]
    return set(filter(None, lines[-1].split(" ", 1)[1].split(","))) if lines else {"?"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="model for check (default: what directduidelijk picks)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=10, help="files for the many-files test")
    options = parser.parse_args()
    prefix = command_prefix()
    model_args = ["--model", options.model] if options.model else []
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg()) if hasattr(os, 'getloadavg') else '?'}, "
          f"command: {' '.join(prefix)}")
    print(f"median of {options.repeat} runs after one warm-up; wall time (processor time)\n")

    print("0. reference (this machine, now)")
    python_pass, python_spacy = timed_runs([[sys.executable, "-c", "pass"], [sys.executable, "-c", "import spacy"]],
                                           options.repeat, expect=(0,))
    print(f"   python -c pass                            {show(python_pass)}")
    print(f"   python -c 'import spacy'                  {show(python_spacy)}")

    print("\n1. quick commands (target < 0.30 s; spaCy and typer not imported)")
    for args in (["--help"], ["regels"], ["uitleg", "lijdende-vorm"]):
        (runs,) = timed_runs([prefix + args], options.repeat, expect=(0,))
        found = imports(args)
        seconds = median(runs, 0)
        verdict = "IMPORTS SPACY" if "spacy" in found else "ok" if seconds < 0.3 else "TOO SLOW"
        print(f"   directduidelijk {' '.join(args):<24} {show(runs)}  imports: {', '.join(sorted(found)) or 'neither'}"
              f"  {verdict}")

    print("\n2. cold start: one-page letter against loading the model alone (target <= 1.5x)")
    words = len(LETTER.read_text(encoding="utf-8").split())
    check_args = prefix + ["check", *model_args, "--format", "json", str(LETTER)]
    load, check = timed_runs([[sys.executable, "-c", LOAD_MODEL_ONLY, options.model or ""], check_args],
                             options.repeat)
    print(f"   load model only (fresh process)          {show(load)}")
    print(f"   check {LETTER.name} ({words} words) {show(check)}")
    wall_ratio = statistics.median(c[0] / l[0] for c, l in zip(check, load))
    cpu_ratio = (statistics.median(c[1] / l[1] for c, l in zip(check, load))
                 if all(run[1] for run in check + load) else None)
    print(f"   ratio check / load, median of pairs      {wall_ratio:6.2f}x"
          + (f"  ({cpu_ratio:4.2f}x cpu)" if cpu_ratio is not None else "")
          + f"  {'ok' if wall_ratio <= 1.5 else 'ABOVE TARGET'}")
    done = subprocess.run([sys.executable, "-c", BREAKDOWN, str(LETTER), options.model or ""], capture_output=True,
                          text=True, cwd=REPO)
    if done.returncode == 0:
        print("   where the processor time goes (one fresh process):")
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
        (together,) = timed_runs([prefix + ["check", *model_args, "--format", "json", *paths]], options.repeat)
        separate = sum(run_once(prefix + ["check", *model_args, "--format", "json", path], (0, 1))[0] for path in paths)
    one_call = median(together, 0)
    per_extra = (one_call - median(check, 0)) / max(options.files - 1, 1)
    print(f"   {options.files} files in one invocation              {show(together)}  "
          f"({per_extra:.3f} s per extra file)")
    print(f"   {options.files} separate invocations                 {separate:6.3f} s")
    print(f"   one invocation is {separate / one_call:.1f}x faster")


if __name__ == "__main__":
    main()
