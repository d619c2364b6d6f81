"""Run notebook 06 (comparing coverage) on a set of articles: ``make compare [ARTICLES=folder]``.

* ``make compare`` -- the default: the course article and the variants the
  course builds from it;
* ``make compare ARTICLES=path/to/folder`` -- every ``.txt`` article of the
  folder (and its subfolders), with its ``provenance.csv`` and ``sides.csv``;
* ``make compare ARTICLES=one.txt:two.txt`` -- several files, separated as
  in ``PATH`` (``:``; ``;`` on Windows).

The tool

1. reads the articles first with :func:`helpers.compare.load_corpus`, so an
   empty folder or a path that does not exist stops everything with one clear
   line (a file that cannot be read is only noted: the notebook gives it a row);
2. copies the notebook, adds a cell tagged ``injected-parameters`` after its
   ``parameters`` cell that sets ``ARTICLES`` (absolute paths, written as Python
   string literals: any character of a folder name is harmless);
3. executes the copy in a fresh kernel (:func:`tools.solutions.execute`, as
   ``make solutions`` and ``make course`` do), working in the output folder,
   which ``COURSE_OUTPUT_DIR`` names for the kernel (as in ``make course``);
   a notebook that fails gets a first cell saying so;
4. writes the executed notebook, an HTML page of it and an ``index.html`` to
   ``build/compare/<name>/``, where ``<name>`` is the folder's (or first
   file's) name followed by a short code of the full paths, so two folders of
   the same name never share an output folder.  The default run also writes
   the variants as ``.txt`` files into ``variants/`` there.

The make target passes ``ARTICLES`` through the environment (``COMPARE_ARTICLES``),
never through a shell command line.  ``--check`` reads the articles and prints
what would be compared and where, without running the notebook.

    python -m tools.compare [ARTICLES] [--out build/compare] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "06_comparing_coverage.ipynb"
BUILD = ROOT / "build" / "compare"
#: The environment variable the make target sets from ``ARTICLES``.
ENVIRONMENT = "COMPARE_ARTICLES"
#: The output folder of the default run.
DEFAULT_NAME = "course-article-and-variants"
CELL_TIMEOUT = 600


class CompareError(Exception):
    """Something the teacher must fix before the comparison can run (a one-line message)."""


def split_articles(value: str | None) -> list[str] | None:
    """``None`` for the default run; else the paths named by ``value``.

    A value that names an existing file or folder as a whole is one path (so
    a name with ``:`` in it still works); otherwise it is split at
    ``os.pathsep``.
    """
    if value is None or not value.strip():
        return None
    if Path(value).expanduser().exists():
        return [value]
    return [part for part in value.split(os.pathsep) if part.strip()]


def output_name(paths: list[Path] | None) -> str:
    """The folder name under ``build/compare/``: the first path's name and a code of all the full paths."""
    if paths is None:
        return DEFAULT_NAME
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", paths[0].stem if paths[0].suffix == ".txt" else paths[0].name).strip("-")
    code = hashlib.sha256("\n".join(str(p) for p in paths).encode("utf-8")).hexdigest()[:8]
    return f"{stem or 'articles'}-{code}"


def inject_articles(nb, paths: list[Path] | None):
    """Add the ``injected-parameters`` cell after the ``parameters`` cell (in place); return ``nb``."""
    import nbformat

    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    where = next((i for i, c in enumerate(nb.cells)
                  if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if where is None:
        raise CompareError(f"{NOTEBOOK.name} has no code cell tagged 'parameters' (ARTICLES = None)")
    if paths is None:
        value = "None"
    elif len(paths) == 1:
        value = repr(str(paths[0]))
    else:
        value = "[" + ", ".join(repr(str(p)) for p in paths) + "]"
    cell = nbformat.v4.new_code_cell(f"# Parameters injected by make compare\nARTICLES = {value}")
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(where + 1, cell)
    return nb


def check_articles(names: list[str] | None):
    """The corpus the notebook will compare (raises :class:`CompareError` with the helper's message)."""
    from helpers.compare import load_corpus
    from helpers.errors import CourseError

    try:
        return load_corpus(names)
    except (CourseError, ValueError, OSError) as err:
        raise CompareError(" ".join(str(err).split())) from None


def run(names: list[str] | None, out: Path = BUILD, notebook: Path = NOTEBOOK, check_only: bool = False) -> int:
    """Run the notebook on the articles ``names`` (``None``: the default); return the exit code."""
    paths = None if names is None else [Path(n).expanduser().resolve() for n in names]
    corpus = check_articles(None if paths is None else [str(p) for p in paths])
    out_dir = out / output_name(paths)
    print(f"Comparing {len(corpus.readable)} articles: {', '.join(corpus.labels)}")
    for entry in corpus.entries:
        if entry.article is None:
            print(f"  left out: {entry.label}: {entry.error}")
    for note in corpus.notes:
        print(f"note: {note}")
    print(f"Output folder: {out_dir}")
    if check_only:
        return 0
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from helpers.article import mark_bidi_controls
    from helpers.variants import write_variants
    from tools.course import OUTPUT_ENV, status_cell, failing_cell, mark_page, one_line
    from tools.html import render_html, write_index
    from tools.notebooks import write_notebook
    from tools.solutions import execute

    if not notebook.is_file():
        raise CompareError(f"no notebook at {notebook}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if paths is None:
        written = write_variants(out_dir / "variants", [e.variant for e in corpus.entries if e.variant is not None])
        print(f"  the variants as text files: {len(written)} in {out_dir / 'variants'}")
    nb = nbformat.read(notebook, as_version=4)
    inject_articles(nb, paths)
    started = time.perf_counter()
    ok, message = True, ""
    try:
        # the run's own folder, as make course does: anything the notebook writes goes there
        execute(nb, out_dir, CELL_TIMEOUT, env={OUTPUT_ENV: str(out_dir)})
    except CellExecutionError:
        ok, message = False, failing_cell(nb)
    except CellTimeoutError:
        ok, message = False, f"a cell ran longer than {CELL_TIMEOUT} s ({failing_cell(nb)})"
    except DeadKernelError as err:
        ok, message = False, f"the kernel died: {one_line(err)}"
    except Exception as err:  # the kernel could not start, ...
        ok, message = False, f"could not run: {type(err).__name__}: {one_line(err)}"
    if not ok:
        nb.cells.insert(0, status_cell(message))  # the page says it did not finish, before anything else
    target = out_dir / notebook.name
    write_notebook(target, nb)  # atomic: Ctrl-C never leaves half a notebook
    render_html(mark_page(nb), target.with_suffix(".html"))  # bidirectional controls shown, never applied
    write_index(out_dir, [target], title=mark_bidi_controls(f"Comparing coverage: {', '.join(corpus.labels)}"))
    took = time.perf_counter() - started
    if not ok:
        print(f"make compare: {notebook.name} failed: {message}", file=sys.stderr)
        return 1
    print(f"  ok   {notebook.name} ({took:.1f} s). Open {out_dir / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", default=None,
                        help=f"a folder, a .txt file, or files separated by {os.pathsep!r} (default: ${ENVIRONMENT}, "
                             "else the course article and its variants)")
    parser.add_argument("--out", type=Path, default=BUILD, help="output folder (one subfolder per set of articles)")
    parser.add_argument("--check", action="store_true", help="only read the articles and say what would run")
    args = parser.parse_args(argv)
    value = args.articles if args.articles is not None else os.environ.get(ENVIRONMENT)
    try:
        return run(split_articles(value), args.out, check_only=args.check)
    except CompareError as err:
        print(f"make compare: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("make compare: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
