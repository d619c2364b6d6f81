"""How long does ``make html`` take?  Prints the figure (not a test: pytest does not collect it).

    .venv/bin/python tests/bench_html.py

Runs ``python -m tools.html`` (every solution notebook, its student edition,
the pages of docs/) into a temporary folder, in a fresh process as ``make
html`` does, and prints its time on the wall clock and in CPU, with the
target: under 60 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 60  # seconds


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "tools.html", "--out", tmp], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"make html failed:\n{errors}")
        pages = len(list(Path(tmp).rglob("*.html")))
    print(f"make html: {pages} pages in {wall:.1f} s ({usage.ru_utime + usage.ru_stime:.1f} s CPU); "
          f"target under {TARGET} s: " + ("met" if wall < TARGET else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
