"""The course to hand out, without solutions: ``make student-pack`` writes ``build/student-pack.zip``.

::

    python -m tools.student_pack [--out build/student-pack.zip]

The zip holds one folder, ``reading-the-news-closely/``, with

* ``notebooks/exercises/NN_topic_exercises.ipynb`` -- the student editions, generated
  afresh from the solution notebooks (``tools.student``), with a first cell that
  says the worked solutions are with the teacher;
* ``notebooks/START_HERE.md`` -- the start page and course map, without the
  links to the solution notebooks;
* ``helpers/`` (the package, its word lists and data), ``seeds/`` (the articles),
  ``lab/`` (the JupyterLab settings), ``requirements.txt``, ``pyproject.toml``
  and a short ``README.md`` saying how to install and start.

No solution notebook, no text between ``### BEGIN SOLUTION`` and ``### END SOLUTION``
and no cell tagged ``solution`` goes in: the pack is checked before it is written,
and written atomically (:func:`helpers.files.write_bytes`), so a failed build never
leaves half a zip.  The same notebooks give the same zip, byte for byte.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import zipfile
from pathlib import Path

import nbformat

from .notebooks import NOTEBOOKS_DIR, ROOT, notebook_text, relative, solution_notebooks
from .student import ANSWER_STUB, BEGIN, END, NOTE_ID, SOLUTION_TAG, build_student_edition
from .timing import MAP_BEGIN, MAP_END, all_timings, rewrite_between, start_page_map

__all__ = ["PACK", "FOLDER", "pack_files", "build_pack", "problems", "main"]

PACK = ROOT / "build" / "student-pack.zip"
#: The folder the zip unpacks into.
FOLDER = "reading-the-news-closely"
#: Every file of the pack gets this time, so that the same content gives the same zip.
STAMP = (2023, 9, 19, 0, 0, 0)
SOLUTIONS_BLOCK = re.compile(r"<!-- solutions -->.*?<!-- end of solutions -->\n?", re.DOTALL)
SKIP = re.compile(r"(^|/)(__pycache__|\.ipynb_checkpoints)(/|$)|\.pyc$|(^|/)\.")

PACK_NOTE = (
    "> **Student edition.** Answer each exercise where it says `# YOUR CODE HERE`: replace every `...` "
    "with your answer, run the cell, then run the `check(...)` cell below it. Your teacher has the "
    "worked solutions."
)

README = """# Reading the news closely: the student pack

A course in media analysis, in Jupyter notebooks, on one news article. This pack holds the notebooks
to work in (`notebooks/exercises/`), the course's helper package (`helpers/`) and the articles
(`seeds/`). Your teacher has the worked solutions.

## Install (once)
You need Python 3.10 or newer. In a terminal, in this folder:

```bash
python -m venv .venv
.venv\\Scripts\\activate            # macOS/Linux: source .venv/bin/activate
python -m pip install -r requirements.txt
```

## Start
```bash
jupyter lab notebooks --LabApp.app_settings_dir=lab --LabApp.default_url=/lab/tree/START_HERE.md
```
JupyterLab opens on the start page: where to begin and the course map. Begin with notebook 00.
After the installation everything works offline.
"""


def _pack_notebook(text: str) -> str:
    """A student notebook as it goes into the pack.

    Its first cell points to the teacher, not to a solution file; a written answer's
    cell, already emptied to *Your answer here.*, loses the ``solution`` tag it kept
    from the solution notebook (nothing in the pack is tagged as a solution).
    """
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        if cell.get("id") == NOTE_ID:
            cell.source = PACK_NOTE
        tags = cell.get("metadata", {}).get("tags", [])
        if SOLUTION_TAG in tags and cell.source.strip() in (ANSWER_STUB, ""):
            cell.metadata["tags"] = [t for t in tags if t != SOLUTION_TAG]
            if not cell.metadata["tags"]:
                del cell.metadata["tags"]
    return notebook_text(nb)


def _start_page(timings) -> str:
    text = (NOTEBOOKS_DIR / "START_HERE.md").read_text(encoding="utf-8")
    text = SOLUTIONS_BLOCK.sub("", text)
    return rewrite_between(text, start_page_map(timings, solutions=False))


def _tree(folder: Path, under: str) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not SKIP.search(rel):
            files[f"{under}/{rel}"] = path.read_bytes()
    return files


def pack_files(notebooks: list[Path] | None = None) -> dict[str, bytes]:
    """Every file of the pack, by its path inside the pack folder (nothing is written)."""
    notebooks = solution_notebooks() if notebooks is None else list(notebooks)
    files: dict[str, bytes] = {}
    for name, text in build_student_edition(notebooks).items():
        files[f"notebooks/exercises/{name}"] = _pack_notebook(text).encode("utf-8")
    files["notebooks/START_HERE.md"] = _start_page(all_timings()).encode("utf-8")
    files.update(_tree(ROOT / "helpers", "helpers"))
    files.update(_tree(ROOT / "seeds", "seeds"))
    files["lab/overrides.json"] = (ROOT / "lab" / "overrides.json").read_bytes()
    for name in ("requirements.txt", "pyproject.toml"):
        files[name] = (ROOT / name).read_bytes()
    files["README.md"] = README.encode("utf-8")
    return dict(sorted(files.items()))


def problems(files: dict[str, bytes]) -> list[str]:
    """Solution material in the pack's files (empty when the pack is safe to hand out)."""
    found = []
    for name, data in files.items():
        if name.endswith(".ipynb"):
            if not (name.startswith("notebooks/exercises/") and name.endswith("_exercises.ipynb")):
                found.append(f"{name}: not a student edition")
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            for index, cell in enumerate(nb.cells, start=1):
                if SOLUTION_TAG in cell.get("metadata", {}).get("tags", []):
                    found.append(f"{name}, cell {index}: a cell tagged '{SOLUTION_TAG}'")
                if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
                    found.append(f"{name}, cell {index}: stored outputs")
        if BEGIN.encode() in data or END.encode() in data:
            found.append(f"{name}: contains a solution marker")
    return found


def build_pack(out: Path = PACK, notebooks: list[Path] | None = None) -> Path:
    """Write the pack to ``out`` (atomically); raise ValueError if solution material would go in."""
    from helpers.files import write_bytes

    files = pack_files(notebooks)
    found = problems(files)
    if found:
        raise ValueError("the student pack would hold solution material:\n  " + "\n  ".join(found))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=STAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    write_bytes(out, buffer.getvalue())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.student_pack", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=PACK, help="where to write the zip (default: build/student-pack.zip)")
    args = parser.parse_args(argv)
    try:
        path = build_pack(args.out)
    except ValueError as error:
        print(f"make student-pack: {error}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    notebooks = sum(name.endswith(".ipynb") for name in names)
    print(f"Wrote {relative(path)}: {len(names)} files, {notebooks} student notebooks, no solutions.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
