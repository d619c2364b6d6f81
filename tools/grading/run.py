"""Running one student notebook safely: a copy, a fresh kernel, time limits, no network.

:func:`run_submission` never touches the submitted file.  It builds a copy in a
temporary folder and runs it cell by cell in a new kernel of the course
environment:

* the grader's article is set right after the ``parameters`` cell (as
  ``make course`` does), so every student's answers are computed on the
  article the checks use;
* after each exercise's cells, a hidden cell records the value of the answer
  name the course's check reads (:mod:`.answers`); a last hidden cell writes
  them all to a JSON file;
* each cell may run ``cell_timeout`` seconds (then it is interrupted, marked
  as an error, and the next cell runs; the set-up cell, which imports the
  course, and the grader's own cells get at least :data:`SETUP_TIMEOUT`); the
  whole notebook ``notebook_timeout`` seconds (then the remaining cells do not run);
* where the platform allows it (Linux with ``unshare``), the kernel runs in a
  network namespace of its own, with no network; it talks to the grader over
  Unix sockets.

Students' code runs on the grader's machine with the grader's rights (apart from
the network): read the instructor guide before grading untrusted notebooks.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .answers import KERNEL_CODE, save_call, take_call
from .exercises import Exercise, exercise_blocks

__all__ = ["RunResult", "run_submission", "network_can_be_cut", "CELL_TIMEOUT", "NOTEBOOK_TIMEOUT"]

#: Seconds one cell of a submission may run before it is interrupted.
CELL_TIMEOUT = 60
#: Seconds a whole submission may run; the cells left after that do not run.
NOTEBOOK_TIMEOUT = 600
#: Seconds the set-up and parameters cells may run at least (importing the course can be slow on a busy machine).
SETUP_TIMEOUT = 120
GRADER_TAG = "course-grader"


@dataclass
class RunResult:
    """What happened when one submission ran."""

    problem: str = ""  # why the notebook could not be run at all ("" when it ran)
    answers: dict = field(default_factory=dict)  # exercise id -> {"value": ...} | {"missing": True} | {"error": ...}
    errors: dict = field(default_factory=dict)  # cell id -> one line: "NameError: name 'x' is not defined"
    not_run: set = field(default_factory=set)  # cell ids that never ran (time limit, kernel died)
    cells: dict = field(default_factory=dict)  # exercise id -> ids of the student's cells of that exercise
    seconds: float = 0.0
    network_cut: bool = False
    stopped: str = ""  # why the run stopped early ("" when every cell ran)


@functools.lru_cache(maxsize=1)
def network_can_be_cut() -> bool:
    """True when ``unshare -rn`` works here (Linux with user and network namespaces)."""
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _kernel_specs(cut_network: bool):
    from ..solutions import CurrentEnvironmentKernels

    class GradingKernels(CurrentEnvironmentKernels):
        """This environment's ``python3``, started with no network when ``cut_network``."""

        def get_kernel_spec(self, kernel_name):
            spec = super().get_kernel_spec("python3")
            if cut_network:
                spec.argv = ["unshare", "-rn", "--", *spec.argv]
            return spec

    return GradingKernels()


def _one_line(output) -> str:
    text = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".strip().rstrip(":")
    return " ".join(text.split())[:300]


def _plan(nb, exercises: list[Exercise], article_path: str | None, save_to: Path) -> tuple[list, dict]:
    """The cells to run (the student's code cells, with the grader's hidden cells in between), and
    the ids of each exercise's cells in the student's notebook."""
    def hidden(source: str):
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["tags"] = [GRADER_TAG]
        return cell

    student = [cell for cell in nb.cells if cell.cell_type in ("code", "markdown")]
    blocks = exercise_blocks(nbformat.from_dict({"cells": student}))
    after: dict[int, list[Exercise]] = {}
    at_end: list[Exercise] = []
    ids = {cell.get("id"): index for index, cell in enumerate(student)}
    cells_of: dict[str, list[str]] = {}
    for exercise in exercises:
        if exercise.id in blocks:
            heading, cells = blocks[exercise.id]
            members = [heading, *cells]
        else:  # the heading was deleted: the cells that kept the solution notebook's ids
            members = [ids[i] for i in exercise.cell_ids if i in ids]
        cells_of[exercise.id] = [student[i].get("id") for i in members]
        if not exercise.checked:
            continue
        if not members:
            at_end.append(exercise)
            continue
        after.setdefault(max(members), []).append(exercise)
    plan = [hidden(KERNEL_CODE)]
    for index, cell in enumerate(student):
        if cell.cell_type == "code":
            copy = nbformat.v4.new_code_cell(cell.source)
            copy["id"] = cell.get("id") or f"cell-{index}"
            copy.metadata["tags"] = list(cell.get("metadata", {}).get("tags", []))
            plan.append(copy)
            if "parameters" in copy.metadata["tags"]:
                plan.append(hidden(f"ARTICLE = {article_path!r}"))
        for exercise in after.get(index, []):
            plan.append(hidden(take_call(exercise.id, exercise.answer_name)))
    for exercise in at_end:
        plan.append(hidden(take_call(exercise.id, exercise.answer_name)))
    plan.append(hidden(save_call(str(save_to))))
    return plan, cells_of


def run_submission(path: Path | str, exercises: list[Exercise], *, article_path: str | None = None,
                   cell_timeout: float = CELL_TIMEOUT, notebook_timeout: float = NOTEBOOK_TIMEOUT,
                   cut_network: bool | None = None) -> RunResult:
    """Run a copy of the notebook at ``path``; record answers, errors and what did not run."""
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError
    from traitlets.config import Config

    result = RunResult()
    started = time.monotonic()
    try:
        nb = nbformat.read(str(path), as_version=4)
    except Exception as error:  # not JSON, not a notebook, unreadable: a row with the reason
        result.problem = f"cannot be opened as a notebook ({type(error).__name__}: {' '.join(str(error).split())[:150]})"
        return result
    for index, cell in enumerate(nb.cells):  # an old notebook (nbformat < 4.5) has no cell ids
        if not cell.get("id"):
            cell["id"] = f"cell-{index}"
    cut = network_can_be_cut() if cut_network is None else cut_network
    result.network_cut = cut
    with tempfile.TemporaryDirectory(prefix="course-grade-") as folder:
        folder = Path(folder)
        answers_file = folder / "answers.json"
        plan, result.cells = _plan(nb, exercises, article_path, answers_file)
        run = nbformat.v4.new_notebook(cells=plan)
        run.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        nbformat.write(run, str(folder / "submission.ipynb"))  # the copy that runs; the original stays as it was
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(folder / "kernel")}})
        def limit(cell) -> int:
            tags = cell.metadata.get("tags", [])
            slow = GRADER_TAG in tags or "setup" in tags or "parameters" in tags
            return int(max(cell_timeout, SETUP_TIMEOUT) if slow else cell_timeout)

        client = NotebookClient(run, kernel_name="python3", timeout_func=limit, allow_errors=True,
                                interrupt_on_timeout=True, record_timing=False, config=config,
                                error_on_timeout={"ename": "TimeoutError",
                                                  "evalue": f"the cell ran longer than {cell_timeout:g} s and was stopped",
                                                  "traceback": []},
                                resources={"metadata": {"path": str(folder)}},
                                extra_arguments=["--IPKernelApp.log_level=ERROR"])
        client.km = client.kernel_manager_class(kernel_name="python3", config=config,
                                                kernel_spec_manager=_kernel_specs(cut))
        env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "Agg"}
        try:
            with client.setup_kernel(env=env, cwd=str(folder)):
                deadline = time.monotonic() + notebook_timeout  # from the moment the kernel is ready
                for index, cell in enumerate(plan):
                    grader = GRADER_TAG in cell.metadata.get("tags", [])
                    if time.monotonic() > deadline and not grader:  # the grader's own cells take no time
                        result.not_run.add(cell.get("id"))
                        result.stopped = f"the notebook ran longer than {notebook_timeout:g} s"
                        continue
                    began = time.monotonic()
                    try:
                        client.execute_cell(cell, index)
                    except DeadKernelError:
                        result.stopped = "the kernel died (out of memory, or the code stopped Python)"
                        result.not_run.update(c.get("id") for c in plan[index:]
                                              if GRADER_TAG not in c.metadata.get("tags", []))
                        break
                    errors = [o for o in cell.outputs if o.get("output_type") == "error"]
                    if errors and not grader:
                        stopped = time.monotonic() - began >= limit(cell) - 0.5
                        result.errors[cell.get("id")] = (
                            f"TimeoutError: the cell ran longer than {limit(cell)} s and was stopped"
                            if stopped and errors[0].get("ename") in ("KeyboardInterrupt", "TimeoutError")
                            else _one_line(errors[0]))
        except Exception as error:  # the kernel could not start, ...
            result.problem = f"could not be run ({type(error).__name__}: {' '.join(str(error).split())[:150]})"
        if answers_file.is_file():
            try:
                result.answers = json.loads(answers_file.read_text(encoding="utf-8"))
            except ValueError:
                result.answers = {}
    result.seconds = time.monotonic() - started
    return result
