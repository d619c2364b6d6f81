"""Verdicts: the course's own checks on each student's answers.

For each exercise of a submission the verdict is one of

* ``correct`` / ``not yet`` / ``complete`` -- what ``helpers.exercises.check``
  says of the answer (``complete``: a reading the check cannot mark right or
  wrong; read it);
* ``not answered`` -- the answer is still the placeholder ``...``, or the name
  was never set;
* ``error`` -- one of the exercise's cells raised an error (or ran out of time);
* ``did not run`` -- the notebook stopped before the exercise (time limit,
  kernel died) or could not be run at all;
* ``written`` / ``not answered`` for a written answer (no check: an instructor reads it).

The checks run here, in the grading process, with the course's code: the
student's check cells and stored outputs are never read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..student import ANSWER_STUB, BEGIN, END
from .answers import Unsupported, decode
from .exercises import Exercise
from .run import RunResult

__all__ = ["VERDICTS", "Verdict", "Graded", "grade_run", "written_answer"]

#: Every verdict, in the order reports list them.
VERDICTS = ("correct", "complete", "not yet", "not answered", "error", "did not run", "written")


@dataclass
class Verdict:
    """One exercise of one submission."""

    exercise: str
    verdict: str
    message: str = ""
    answer: str = ""  # the answer as the student gave it, shortened (for the class summary)
    written: str = ""  # the text of a written answer


@dataclass
class Graded:
    """One submission, graded."""

    student: str
    path: str
    notebook: str  # the course notebook it is a copy of ("" when unknown)
    problem: str = ""
    verdicts: list[Verdict] = field(default_factory=list)
    seconds: float = 0.0
    network_cut: bool = False

    def count(self, verdict: str) -> int:
        return sum(v.verdict == verdict for v in self.verdicts)


def _shown(value, width: int = 120) -> str:
    text = " ".join(repr(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def written_answer(nb, exercise: Exercise) -> str:
    """The student's written answer to ``exercise`` ("" when it is still the placeholder or missing)."""
    if nb is None or exercise.written_cell is None:
        return ""
    for cell in nb.cells:
        if cell.get("id") == exercise.written_cell and cell.cell_type == "markdown":
            lines = [line for line in cell.source.splitlines() if line.strip() not in (BEGIN, END)]
            text = "\n".join(lines).strip()
            return "" if text in ("", ANSWER_STUB) else text
    return ""


def grade_run(run: RunResult, exercises: list[Exercise], article, nb=None) -> list[Verdict]:
    """The verdict of every exercise, from what the run recorded."""
    from helpers.exercises import check

    verdicts = []
    for exercise in exercises:
        cells = run.cells.get(exercise.id, [])
        errors = [run.errors[c] for c in cells if c in run.errors]
        if run.problem:
            verdicts.append(Verdict(exercise.id, "did not run", run.problem))
            continue
        if not exercise.checked:
            text = written_answer(nb, exercise)
            verdicts.append(Verdict(exercise.id, "written" if text else "not answered",
                                    "" if text else "No written answer yet.", written=text))
            continue
        if errors:
            verdicts.append(Verdict(exercise.id, "error", errors[0]))
            continue
        taken = run.answers.get(exercise.id)
        if taken is None or any(c in run.not_run for c in cells):
            reason = run.stopped or "the notebook stopped before this exercise"
            verdicts.append(Verdict(exercise.id, "did not run", reason))
            continue
        if taken.get("missing"):
            verdicts.append(Verdict(exercise.id, "not answered",
                                    f"The answer name {exercise.answer_name} was never set."))
            continue
        if "error" in taken:
            verdicts.append(Verdict(exercise.id, "not yet", f"The answer could not be read: {taken['error']}"))
            continue
        value = decode(taken["value"])
        if isinstance(value, Unsupported):
            verdicts.append(Verdict(exercise.id, "not yet",
                                    f"The answer is a {value.type}; give the kind of value the exercise asks for.",
                                    _shown(value)))
            continue
        feedback = check(exercise.id, value, article)
        verdict = {"unanswered": "not answered"}.get(feedback.status, feedback.status)
        verdicts.append(Verdict(exercise.id, verdict, feedback.message, "" if value is ... else _shown(value)))
    return verdicts


def read_quietly(path: Path):
    """The submission as a notebook, or None when it is not one (for reading written answers)."""
    try:
        return nbformat.read(str(path), as_version=4)
    except Exception:
        return None
