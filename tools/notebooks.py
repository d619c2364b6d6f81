"""Finding, reading and writing the course notebooks, always the same way.

This module is the one place for the facts every tool shares:

* :data:`ROOT` (the course folder) and the folders under it: :data:`NOTEBOOKS_DIR`,
  :data:`EXERCISES_DIR`, :data:`BUILD_DIR`;
* the **solution notebooks** are ``notebooks/NN_topic.ipynb`` (two digits, an
  underscore, a lower-case topic; a copy such as ``01_reading-Copy1.ipynb`` is
  not one): :func:`solution_notebooks` lists them in course order, for every tool
  (student edition, navigation, ``make solutions``, ``make course``, ``make html``);
* the **student edition** of each is ``notebooks/exercises/NN_topic_exercises.ipynb``
  (:func:`student_path`): its own name, so its tab in JupyterLab is told apart from the solution's;
* a notebook's number, title and time, from its header cell (``# NN · Title``,
  ``**Time:** about N minutes``): :func:`notebook_info`, and :func:`title_of`.

Every tool writes notebooks with :func:`write_notebook`: the JSON layout
JupyterLab itself uses (one-space indent, sorted keys, a final newline, ``\\n``
line endings), so a notebook written twice is the same file byte for byte and
``git status`` stays clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from helpers.files import write_text

__all__ = [
    "ROOT", "NOTEBOOKS_DIR", "EXERCISES_DIR", "BUILD_DIR", "NOTEBOOK_NAME", "KERNELSPEC", "LANGUAGE_INFO",
    "STUDENT_SUFFIX",
    "solution_notebooks", "student_path", "notebook_number", "read_notebook", "notebook_text",
    "write_notebook", "has_tag", "cells_tagged", "markdown_lines", "title_of", "notebook_info",
    "minimal_metadata", "strip_cell_metadata", "ensure_ids", "relative",
]

#: The top folder of the course (the one with the Makefile).
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
EXERCISES_DIR = NOTEBOOKS_DIR / "exercises"
#: Where the tools write what they build (``build/course/``, ``build/html/``); never committed.
BUILD_DIR = ROOT / "build"
#: The file name of a solution notebook: ``01_reading.ipynb``.
NOTEBOOK_NAME = re.compile(r"(?P<number>\d{2})_[a-z0-9_]+\.ipynb")

#: The kernel every notebook runs on.
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
#: What a notebook says about its language (no version number: that differs between machines).
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
#: Cell metadata that records a particular run or view, not the notebook's content.
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "collapsed", "scrolled")


def solution_notebooks(folder: Path | None = None) -> list[Path]:
    """The solution notebooks in ``folder`` (``notebooks/``), in course order."""
    folder = NOTEBOOKS_DIR if folder is None else Path(folder)
    return sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.fullmatch(p.name) and p.is_file())


#: What the student edition adds to the solution notebook's name: ``01_reading_exercises.ipynb``.
STUDENT_SUFFIX = "_exercises"


def student_path(solution: Path, exercises_dir: Path | None = None) -> Path:
    """Where the student edition of a solution notebook lives.

    ``notebooks/01_reading.ipynb`` -> ``notebooks/exercises/01_reading_exercises.ipynb``: a name of
    its own, so that a student's tab never looks like the solution's.
    """
    solution = Path(solution)
    folder = solution.parent / "exercises" if exercises_dir is None else Path(exercises_dir)
    return folder / f"{solution.stem}{STUDENT_SUFFIX}{solution.suffix}"


def notebook_number(path: Path) -> str:
    """The two-digit number of a notebook: ``"01"`` for ``01_reading.ipynb``."""
    match = NOTEBOOK_NAME.fullmatch(Path(path).name)
    if not match:
        raise ValueError(f"{Path(path).name} is not named like a course notebook (NN_topic.ipynb)")
    return match["number"]


def relative(path: Path) -> str:
    """``path`` relative to the course folder when it is inside it (for messages)."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook (nbformat 4)."""
    return nbformat.read(str(path), as_version=4)


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The notebook as the exact text every course tool writes."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def write_notebook(path: Path, nb: nbformat.NotebookNode) -> bool:
    """Write ``nb`` to ``path`` unless the file already holds exactly that; True if it was written.

    The write is atomic (:func:`helpers.files.write_text`): Ctrl-C or a full disk
    never leaves half a notebook.
    """
    path = Path(path)
    text = notebook_text(nb)
    if path.exists() and path.read_text(encoding="utf-8").replace("\r\n", "\n") == text:
        return False
    write_text(path, text, newline="\n")
    return True


def has_tag(cell, tag: str) -> bool:
    """True when ``cell`` carries the tag ``tag``."""
    return tag in cell.get("metadata", {}).get("tags", [])


def cells_tagged(nb, tag: str) -> list[int]:
    """Indexes of the cells that carry ``tag``."""
    return [index for index, cell in enumerate(nb.cells) if has_tag(cell, tag)]


def markdown_lines(source: str) -> list[str]:
    """The lines of a markdown text outside fenced code blocks (```)."""
    lines, fenced = [], False
    for line in source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


_NUMBERED = re.compile(r"(\d+)\s*·\s*(.+)")
_TIME = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", re.IGNORECASE)


def notebook_info(nb) -> dict:
    """What a notebook's header cell says: ``{"heading", "number", "title", "minutes"}``.

    The header is the first markdown cell with an H1 line (``# 01 · Reading an
    article``, outside code fences; a student edition has a note before it).
    ``heading`` is the whole H1 text, ``number`` and ``title`` its two parts
    (``"01"``, ``"Reading an article"``), ``minutes`` the number in
    ``**Time:** about N minutes`` of the same cell.  A missing part is ``None``.
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in markdown_lines(cell.source):
            if line.startswith("# "):
                heading = line[2:].strip()
                numbered = _NUMBERED.fullmatch(heading)
                minutes = _TIME.search(cell.source)
                return {"heading": heading, "number": numbered.group(1) if numbered else None,
                        "title": numbered.group(2).strip() if numbered else heading,
                        "minutes": int(minutes.group(1)) if minutes else None}
    return {"heading": None, "number": None, "title": None, "minutes": None}


def title_of(nb, fallback: str = "") -> str:
    """The text of the notebook's H1 heading (``"01 · Reading an article"``), or ``fallback``."""
    return notebook_info(nb)["heading"] or fallback


def minimal_metadata(nb) -> None:
    """Keep only the notebook metadata the course needs: the kernel and the language (no version)."""
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)})


def strip_cell_metadata(cell) -> None:
    """Drop metadata that records a run or a view (timings, collapsed/scrolled state) from one cell."""
    for key in VOLATILE_CELL_METADATA:
        cell.metadata.pop(key, None)


def ensure_ids(nb) -> None:
    """Give every cell an id (nbformat 4.5), derived from its position when it has none.

    Ids that exist are kept, so they never change from one run to the next.
    """
    nb.nbformat, nb.nbformat_minor = 4, max(5, nb.get("nbformat_minor", 5))
    taken = {cell.get("id") for cell in nb.cells}
    for index, cell in enumerate(nb.cells):
        if not cell.get("id"):
            new, extra = f"cell-{index}", 0
            while new in taken:
                extra += 1
                new = f"cell-{index}-{extra}"
            cell["id"] = new
            taken.add(new)
