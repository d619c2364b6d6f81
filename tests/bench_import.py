"""What does ``import helpers`` cost?  Prints the figures (not a test: pytest does not collect it).

    .venv/bin/python tests/bench_import.py [--runs 7]

Each statement runs in a fresh interpreter, side by side with the baseline
``import pandas, matplotlib.pyplot`` (what any notebook of tables and charts
pays anyway): the statements take turns, ``--runs`` times each, and the
figure is the median **CPU time** of the whole process (user + system, the
interpreter's own start included), which another program on the machine
slows much less than the wall clock.  The target: ``import helpers`` at most
1.1 times the baseline.  Also shown: importing every name of the package at
once (``from helpers import *``), and the imports of each notebook's set-up
cell, with whether nltk was loaded (textstat imports it; the course does not
need it).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.1
BASELINE = "import pandas, matplotlib.pyplot"
REPORT = "import json, sys; print(json.dumps('nltk' in sys.modules))"


def setup_imports(notebook: Path) -> str | None:
    """The import statements of a notebook's set-up cell (the first code cell that imports helpers)."""
    import nbformat

    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "code" and "from helpers" in cell.source:
            tree = ast.parse(cell.source)
            return "\n".join(ast.unparse(node) for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom)))
    return None


def cpu_seconds(code: str) -> tuple[float, bool]:
    """CPU time (user + system) of a fresh interpreter running ``code``, and whether it loaded nltk."""
    process = subprocess.Popen([sys.executable, "-c", f"{code}\n{REPORT}"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env={**os.environ, "MPLBACKEND": "Agg"})
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"this failed in a fresh interpreter:\n{code}")
    return usage.ru_utime + usage.ru_stime, json.loads(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per statement (default 7)")
    args = parser.parse_args(argv)
    statements = {"baseline: " + BASELINE: BASELINE, "import helpers": "import helpers",
                  "from helpers import * (every name at once)": "from helpers import *"}
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        code = setup_imports(notebook)
        if code:
            statements[f"set-up cell of {notebook.name}"] = code
    for code in statements.values():  # warm the bytecode and file caches once
        cpu_seconds(code)
    times: dict[str, list[float]] = {name: [] for name in statements}
    nltk: dict[str, bool] = {}
    for _ in range(args.runs):  # side by side: every statement once per round
        for name, code in statements.items():
            seconds, loaded = cpu_seconds(code)
            times[name].append(seconds)
            nltk[name] = loaded
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("Note: PYTHONDONTWRITEBYTECODE is set: every interpreter compiles the course's modules again (they "
              "have no .pyc), which a normal installation does once; unset it to measure what students get.")
    base = statistics.median(times["baseline: " + BASELINE])
    print(f"CPU time of a fresh interpreter, median of {args.runs} side by side (ratio to the baseline):")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {median:6.3f} s  {median / base:5.2f}x  {'nltk loaded  ' if nltk[name] else '             '}{name}")
    ratio = statistics.median(times["import helpers"]) / base
    print(f"import helpers: {ratio:.2f}x the baseline (target at most {TARGET}x): "
          + ("met" if ratio <= TARGET else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
