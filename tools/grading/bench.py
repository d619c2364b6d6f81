"""Grading speed: a class of 30 notebooks 01, graded, against running each of them once.

    .venv/bin/python -m tools.grading.bench        (make bench runs it)

The class is 30 copies of the student edition of notebook 01 with the first
exercise solved.  "Running them once" is what an instructor would otherwise
do: execute each notebook top to bottom in a fresh kernel, one after another
(``tools.solutions.execute``).  Both are measured in this one run, so the
ratio does not depend on how busy the machine is.
"""

from __future__ import annotations

import copy
import shutil
import sys
import tempfile
import time
from pathlib import Path



def main(n: int = 30) -> int:
    import nbformat

    from tools.grading.cli import grade_folder
    from tools.grading.exercises import course_exercises
    from tools.notebooks import read_notebook, solution_notebooks, student_path
    from tools.solutions import execute

    solution = next(p for p in solution_notebooks() if p.name.startswith("01_"))
    student = read_notebook(student_path(solution))
    solved = {c.get("id"): c for c in read_notebook(solution).cells}
    first = next(e for e in course_exercises(solution) if e.checked)
    for index, cell in enumerate(student.cells):
        if cell.get("id") in first.cell_ids and cell.cell_type == "code":
            student.cells[index] = copy.deepcopy(solved[cell.get("id")])
    folder = Path(tempfile.mkdtemp(prefix="bench-grade-"))
    try:
        for k in range(n):
            (folder / f"student{k:02d}").mkdir()
            nbformat.write(student, str(folder / f"student{k:02d}" / student_path(solution).name))
        start = time.perf_counter()
        for path in sorted(folder.rglob("*.ipynb")):
            execute(nbformat.read(str(path), as_version=4), path.parent)
        plain = time.perf_counter() - start
        start = time.perf_counter()
        results, _ = grade_folder(folder, workers=2)
        graded = time.perf_counter() - start
        assert len(results) == n and all(not r.problem for r in results), [r.problem for r in results]
        start = time.perf_counter()
        grade_folder(folder, workers=1)
        one = time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"grading {n} notebooks 01: {graded:.1f} s on 2 processes, {one:.1f} s on 1; "
          f"running each once, one after another: {plain:.1f} s")
    print(f"ratio graded / run once: {graded / plain:.2f} (2 processes), {one / plain:.2f} (1 process); target < 3")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
