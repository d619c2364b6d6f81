"""``make grade SUBMISSIONS=folder/``: find the submissions, run them, grade them, write the report.

    python -m tools.grading SUBMISSIONS [--out FOLDER] [--article PATH]   (make grade SUBMISSIONS=... OUT=...)
                            [--cell-timeout S] [--notebook-timeout S] [--workers N]

Every file under SUBMISSIONS is a submission: a notebook is graded, anything
else gets a row with the reason.  The student's name is the first folder
under SUBMISSIONS (``alice/01_reading_exercises.ipynb`` -> alice) or, for a file
directly in it, the file name without the course notebook's name
(``alice-01_reading_exercises.ipynb`` -> alice).  Which course notebook a file
is does not depend on its name (a renamed file is recognised by its cells).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..notebooks import ROOT, solution_notebooks
from .exercises import course_exercises, identify_notebook
from .grade import Graded, grade_run, read_quietly
from .report import write_report
from .run import CELL_TIMEOUT, NOTEBOOK_TIMEOUT, RunResult, network_can_be_cut, run_submission

__all__ = ["find_submissions", "student_name", "grade_folder", "main"]

GUIDE = ROOT / "docs" / "instructor"
SKIP = re.compile(r"(^\.|^__pycache__$|^\.ipynb_checkpoints$)")


def find_submissions(folder: Path) -> list[Path]:
    """Every file under ``folder`` (hidden files and Jupyter's checkpoints left out), in a stable order."""
    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(SKIP.match(part) for part in parts) or not path.is_file():
            continue
        found.append(path)
    return found


def student_name(path: Path, folder: Path) -> str:
    """Who handed it in: the first folder under ``folder``, or the file name minus the notebook's name."""
    parts = path.relative_to(folder).parts
    if len(parts) > 1:
        return parts[0]
    stem = re.sub(r"(_exercises|_solved)$", "", path.stem)
    stem = re.sub(r"[-_ ]*\d{2}_[a-z0-9_]+$", "", stem) or stem
    return stem


def _run_one(job) -> RunResult:
    path, exercises, article, cell_timeout, notebook_timeout = job
    return run_submission(path, exercises, article_path=article, cell_timeout=cell_timeout,
                          notebook_timeout=notebook_timeout)


def grade_folder(folder: Path, *, article: str | None = None, cell_timeout: float = CELL_TIMEOUT,
                 notebook_timeout: float = NOTEBOOK_TIMEOUT, workers: int = 2) -> tuple[list[Graded], list]:
    """Grade every submission under ``folder``; return the graded submissions and the exercises seen."""
    from helpers import load_article

    article_object = load_article(article)
    solutions = solution_notebooks()
    exercises_of = {s.name: course_exercises(s) for s in solutions}
    jobs, graded = [], []
    names: dict[tuple[str, str], int] = {}
    for path in find_submissions(folder):
        student = student_name(path, folder)
        nb = read_quietly(path) if path.suffix == ".ipynb" else None
        if nb is None:
            why = ("not a notebook (a .ipynb file is expected)" if path.suffix != ".ipynb"
                   else "cannot be opened as a notebook (it is not valid notebook JSON)")
            graded.append(Graded(student, str(path), "", why))
            continue
        solution = identify_notebook(nb, solutions, path.name)
        if solution is None:
            graded.append(Graded(student, str(path), "", "not a notebook of this course"))
            continue
        key = (student, solution.name)
        names[key] = names.get(key, 0) + 1
        if names[key] > 1:  # two copies of one notebook from one student: keep both, apart
            student = f"{student} ({names[key]})"
        result = Graded(student, str(path), solution.name)
        graded.append(result)
        jobs.append((result, nb, exercises_of[solution.name],
                     (str(path), exercises_of[solution.name], article, cell_timeout, notebook_timeout)))
    # Fresh processes (spawn), not forks of this one: safe whatever threads the grader runs.
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=multiprocessing.get_context("spawn")) as pool:
        runs = list(pool.map(_run_one, [job for *_, job in jobs]))
    for (result, nb, exercises, _), run in zip(jobs, runs):
        result.problem = run.problem or run.stopped
        result.seconds, result.network_cut = run.seconds, run.network_cut
        result.verdicts = grade_run(run, exercises, article_object, nb)
    seen = sorted({r.notebook for r in graded if r.notebook})
    exercises = [e for name in seen for e in exercises_of[name]]
    for result in graded:
        if not result.verdicts and result.notebook:
            result.verdicts = grade_run(RunResult(problem=result.problem), exercises_of[result.notebook], article_object)
    return graded, exercises


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.grading", description=__doc__.split("\n")[0])
    parser.add_argument("submissions", nargs="?", type=Path, help="the folder of collected student notebooks")
    parser.add_argument("--out", type=Path, help="the report folder (default: build/grades/<folder name>)")
    parser.add_argument("--article", help="the article the checks use (default: the course article)")
    parser.add_argument("--cell-timeout", type=float, default=CELL_TIMEOUT, help="seconds per cell (default %(default)s)")
    parser.add_argument("--notebook-timeout", type=float, default=NOTEBOOK_TIMEOUT,
                        help="seconds per notebook (default %(default)s)")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                        help="notebooks run at the same time (default %(default)s)")
    args = parser.parse_args(argv)
    folder = args.submissions or (Path(os.environ["GRADE_SUBMISSIONS"]) if os.environ.get("GRADE_SUBMISSIONS") else None)
    if folder is None:
        print("usage: make grade SUBMISSIONS=path/to/folder   (or: python -m tools.grading path/to/folder)",
              file=sys.stderr)
        return 2
    if not folder.is_dir():
        print(f"cannot grade SUBMISSIONS={folder}: not a folder", file=sys.stderr)
        return 2
    out = args.out or (Path(os.environ["GRADE_OUT"]) if os.environ.get("GRADE_OUT") else
                       ROOT / "build" / "grades" / (folder.resolve().name or "class"))
    if not network_can_be_cut():
        print("note: the network cannot be cut on this machine; students' code runs with network access.",
              file=sys.stderr)
    start = time.perf_counter()
    graded, exercises = grade_folder(folder, article=args.article, cell_timeout=args.cell_timeout,
                                     notebook_timeout=args.notebook_timeout, workers=args.workers)
    write_report(graded, exercises, out, GUIDE)
    students = len({g.student for g in graded})
    problems = sum(bool(g.problem) for g in graded)
    print(f"{len(graded)} submissions from {students} students graded in {time.perf_counter() - start:.1f} s"
          f"{f'; {problems} with a problem (see the gradebook)' if problems else ''}.")
    print(f"report: {out / 'index.html'}")
    return 0
