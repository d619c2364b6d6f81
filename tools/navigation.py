"""Navigation cells: previous · course map · next, written from the notebooks themselves.

Every notebook's second cell is a markdown cell tagged ``navigation``.  This
script rewrites it from the list of notebooks, reading each neighbour's title
from its H1 heading, so adding or renaming a notebook never leaves a stale link::

    python -m tools.navigation        # or: make nav

The solution notebooks link to solution neighbours; the student edition
(written by ``make student``) links to student neighbours in
``notebooks/exercises/``.  A test fails when a navigation cell is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

from .notebooks import has_tag, read_notebook, relative, solution_notebooks, title_of, write_notebook

__all__ = ["TAG", "MARKER", "navigation_source", "titles", "set_navigation", "update_navigation", "main"]

TAG = "navigation"
#: The first line of every navigation cell (invisible when rendered).
MARKER = "<!-- navigation: written by `make nav`, do not edit by hand -->"


def _link_text(title: str) -> str:
    return title.replace("[", r"\[").replace("]", r"\]")


def navigation_source(names: list[str], titles: list[str], index: int, course_map: str) -> str:
    """The markdown of the navigation cell of notebook ``index`` among ``names`` (file names).

    ``course_map`` is the relative link to the course map (``START_HERE.md``, the start page inside
    the folder JupyterLab serves, so the link works in JupyterLab).
    """
    parts = []
    if index > 0:
        parts.append(f"[← {_link_text(titles[index - 1])}]({names[index - 1]})")
    parts.append(f"[Course map]({course_map})")
    if index + 1 < len(names):
        parts.append(f"[{_link_text(titles[index + 1])} →]({names[index + 1]})")
    return MARKER + "\n" + " · ".join(parts)


def titles(paths: list[Path], notebooks: dict | None = None) -> list[str]:
    """The H1 title of each notebook (its file name when it has none)."""
    notebooks = notebooks or {}
    return [title_of(notebooks.get(p) or read_notebook(p), fallback=Path(p).stem) for p in paths]


def set_navigation(nb, source: str) -> bool:
    """Put ``source`` into the notebook's navigation cell; True if anything changed.

    A notebook without one gets a navigation cell after its first cell.
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown" and has_tag(cell, TAG):
            if cell.source == source:
                return False
            cell.source = source
            return True
    cell = nbformat.v4.new_markdown_cell(source, metadata={"tags": [TAG]})
    cell.id = TAG
    nb.cells.insert(min(1, len(nb.cells)), cell)
    return True


def update_navigation(paths: list[Path] | None = None) -> list[Path]:
    """Rewrite the navigation cell of every solution notebook; return the files that changed."""
    paths = solution_notebooks() if paths is None else list(paths)
    notebooks = {p: read_notebook(p) for p in paths}
    names = [p.name for p in paths]
    all_titles = titles(paths, notebooks)
    changed = []
    for index, path in enumerate(paths):
        nb = notebooks[path]
        if set_navigation(nb, navigation_source(names, all_titles, index, "START_HERE.md")):
            write_notebook(path, nb)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.navigation", description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=None,
                        help="folder of the solution notebooks (default: notebooks/)")
    args = parser.parse_args(argv)
    paths = solution_notebooks(args.dir)
    if not paths:
        print("No solution notebooks (notebooks/NN_topic.ipynb) found.")
        return 0
    changed = update_navigation(paths)
    for path in changed:
        print(f"navigation updated: {relative(path)}")
    print(f"{len(paths)} notebooks, {len(changed)} navigation cells rewritten.")
    if changed:
        print("The student edition has its own navigation: run `make student` to update it.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
