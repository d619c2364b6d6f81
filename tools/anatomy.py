"""How a course notebook is built: its exercises, their kinds, and the role of each cell.

One reading of the notebook serves the timing script (:mod:`tools.timing`), the list
of the Python each exercise needs (:mod:`tools.python_needs`) and the structure
tests (``tests/test_notebook_structure.py``), so they all agree on what an exercise is:

* an exercise starts at a markdown cell whose heading is ``### Exercise N.M · ...``
  and runs up to the next exercise heading or the next section heading (``## ``);
* its **kind** is the tag of its heading cell: ``judgement``, ``compute`` or ``written``;
* its **solution** cells hold ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` or carry
  the tag ``solution``; its **check** cell calls ``check("NN.M", ...)``; any other
  code cell in it shows **evidence** and is an ordinary cell of the notebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .notebooks import has_tag, markdown_lines
from .student import BEGIN, END, SOLUTION_TAG, check_calls, solution_regions

__all__ = ["KINDS", "EXERCISE_HEADING", "Exercise", "exercise_blocks", "code_lines", "solution_code",
           "is_solution", "is_check", "exercise_cells"]

#: The kinds of exercise (one tag on each exercise's heading cell); see helpers.exercises.KINDS.
KINDS = ("judgement", "compute", "written")
EXERCISE_HEADING = re.compile(r"^### Exercise (\d+)\.(\d+)\b")
SECTION_HEADING = re.compile(r"^##\s")


@dataclass
class Exercise:
    """One exercise of a notebook: ``id`` ("01.2"), the ``heading`` cell and the cells under it."""

    id: str
    heading: int
    cells: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # the kind tags of the heading (exactly one when right)
    title: str = ""

    @property
    def kind(self) -> str | None:
        """The exercise's kind when its heading carries exactly one kind tag, else None."""
        return self.kinds[0] if len(self.kinds) == 1 else None


def is_solution(cell) -> bool:
    """True for a cell with a worked answer (solution markers or the ``solution`` tag)."""
    return has_tag(cell, SOLUTION_TAG) or any(line.strip() in (BEGIN, END) for line in cell.source.splitlines())


def is_check(cell) -> bool:
    """True for a code cell that calls ``check("NN.M", ...)``."""
    return cell.cell_type == "code" and bool(check_calls(cell.source))


def exercise_blocks(nb) -> list[Exercise]:
    """The exercises of ``nb`` in order, each with the cells under its heading."""
    blocks: list[Exercise] = []
    current: Exercise | None = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            lines = markdown_lines(cell.source)
            heading = next((m for m in map(EXERCISE_HEADING.match, lines) if m), None)
            if heading:
                title = next(line for line in lines if EXERCISE_HEADING.match(line))
                current = Exercise(f"{int(heading[1]):02d}.{heading[2]}", index,
                                   kinds=[k for k in KINDS if has_tag(cell, k)], title=title[4:].strip())
                blocks.append(current)
                continue
            if any(SECTION_HEADING.match(line) for line in lines):
                current = None
                continue
        if current is not None:
            current.cells.append(index)
    return blocks


def exercise_cells(nb) -> set[int]:
    """Indexes of the cells that belong to an exercise as its solution or its check (not evidence)."""
    cells = set()
    for block in exercise_blocks(nb):
        cells |= {i for i in block.cells if is_solution(nb.cells[i]) or is_check(nb.cells[i])}
        cells.add(block.heading)
    return cells


def code_lines(source: str) -> list[str]:
    """The lines of code that count: not blank, not a comment, not a solution marker."""
    return [line for line in source.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def solution_code(cell) -> tuple[list[str], list[str]]:
    """(lines inside the solution regions, lines outside them) of a code cell, counting only real code."""
    lines = cell.source.splitlines()
    if has_tag(cell, SOLUTION_TAG) and not any(line.strip() in (BEGIN, END) for line in lines):
        return code_lines(cell.source), []
    inside, outside, position = [], [], 0
    for begin, end in solution_regions(lines):
        outside += lines[position:begin]
        inside += lines[begin + 1:end]
        position = end + 1
    outside += lines[position:]
    return code_lines("\n".join(inside)), code_lines("\n".join(outside))
