"""What each course notebook asks: its exercises, read from the solution notebook.

An exercise is a markdown heading ``### Exercise N.M · title`` followed by its
cells up to the next heading.  From the solution notebook we learn, for each
exercise, its id (``"01.3"``), its title and kind (the heading's tag:
``judgement``, ``compute`` or ``written``), the **answer name** its check reads
(``check("01.3", weekdays, article)`` -> ``weekdays``), and the id of its
written-answer cell, if it has one.  Grading trusts only this, never the
student's copy of the check cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..notebooks import has_tag, markdown_lines, read_notebook, solution_notebooks
from ..student import ANSWER_STUB, BEGIN, END, SOLUTION_TAG, check_calls

__all__ = ["Exercise", "HEADING", "KINDS", "course_exercises", "exercise_blocks", "identify_notebook"]

#: An exercise heading: ``### Exercise 1.3 · Which days?`` -> number 1, part 3, title.
HEADING = re.compile(r"^###\s+Exercise\s+(?P<n>\d+)\.(?P<m>\d+)\s*[·:.\-–—]?\s*(?P<title>.*)$")
#: Any markdown heading (it ends an exercise's block).
ANY_HEADING = re.compile(r"^#{1,3}\s")
#: The kinds an exercise heading is tagged with.
KINDS = ("judgement", "compute", "written")


@dataclass
class Exercise:
    """One exercise of a course notebook, as its solution notebook defines it."""

    id: str
    title: str
    notebook: str
    kind: str = ""
    answer_name: str | None = None
    written_cell: str | None = None
    cell_ids: list[str] = field(default_factory=list)

    @property
    def checked(self) -> bool:
        """True when a check computes a verdict (False for a written answer alone)."""
        return self.answer_name is not None


def _heading(cell) -> re.Match | None:
    if cell.cell_type != "markdown":
        return None
    for line in markdown_lines(cell.source):
        match = HEADING.match(line.strip())
        if match:
            return match
    return None


def _ends_block(cell) -> bool:
    return cell.cell_type == "markdown" and any(ANY_HEADING.match(line) for line in markdown_lines(cell.source))


def exercise_blocks(nb) -> dict[str, tuple[int, list[int]]]:
    """``{exercise id: (index of the heading cell, [indexes of the cells after it, up to the next heading])}``."""
    blocks, current = {}, None
    for index, cell in enumerate(nb.cells):
        match = _heading(cell)
        if match:
            current = f"{int(match['n']):02d}.{match['m']}"
            blocks[current] = (index, [])
            continue
        if current is not None and _ends_block(cell) and not has_tag(cell, SOLUTION_TAG) \
                and BEGIN not in cell.source:
            current = None
            continue
        if current is not None:
            blocks[current][1].append(index)
    return blocks


def _is_written_answer(cell) -> bool:
    return cell.cell_type == "markdown" and (has_tag(cell, SOLUTION_TAG) or BEGIN in cell.source
                                             or cell.source.strip() == ANSWER_STUB)


def course_exercises(solution: Path) -> list[Exercise]:
    """The exercises of one solution notebook, in order."""
    nb = read_notebook(solution)
    exercises = []
    for exercise_id, (heading, cells) in exercise_blocks(nb).items():
        match = _heading(nb.cells[heading])
        tags = nb.cells[heading].metadata.get("tags", [])
        kind = next((t for t in tags if t in KINDS), "")
        found = Exercise(exercise_id, match["title"].strip(), solution.name, kind,
                         cell_ids=[nb.cells[heading].get("id", "")] + [nb.cells[i].get("id", "") for i in cells])
        for i in cells:
            cell = nb.cells[i]
            if cell.cell_type == "code":
                for call_id, arguments in check_calls(cell.source):
                    if call_id == exercise_id and arguments and found.answer_name is None:
                        found.answer_name = arguments[0]
            elif _is_written_answer(cell) and found.written_cell is None:
                found.written_cell = cell.get("id")
        exercises.append(found)
    return exercises


def identify_notebook(nb, solutions: list[Path] | None = None, file_name: str = "") -> Path | None:
    """Which course notebook a submission is a copy of (whatever its file name).

    The cells of a student edition keep the ids of the solution notebook's
    cells, so the notebook sharing most cell ids wins; failing that, the
    exercise headings it contains, then a ``NN_`` number in the file name.
    """
    solutions = solution_notebooks() if solutions is None else solutions
    ids = {cell.get("id") for cell in nb.cells}
    best, best_share = None, 0.0
    for solution in solutions:
        theirs = {cell.get("id") for cell in read_notebook(solution).cells}
        share = len(ids & theirs) / max(1, len(theirs))
        if share > best_share:
            best, best_share = solution, share
    if best is not None and best_share >= 0.3:
        return best
    numbers = {f"{int(m['n']):02d}" for c in nb.cells if (m := _heading(c))}
    by_number = {s.name[:2]: s for s in solutions}
    if len(numbers) == 1 and numbers <= by_number.keys():
        return by_number[numbers.pop()]
    named = re.search(r"(?<!\d)(\d{2})_", file_name)
    if named and named[1] in by_number:
        return by_number[named[1]]
    return None
