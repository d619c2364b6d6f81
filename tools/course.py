"""Run the whole course on another article: ``make course ARTICLE=path/to/article.txt``.

Every solution notebook (``notebooks/NN_topic.ipynb``) starts with a cell
tagged ``parameters`` that holds ``ARTICLE = None`` (the course article).
This tool

1. checks the article first with :func:`helpers.load_article`, so a missing,
   empty, binary or non-UTF-8 file stops everything with one clear line;
2. copies each notebook, adds a cell tagged ``injected-parameters`` right
   after the ``parameters`` cell (papermill's convention) that sets
   ``ARTICLE = r"/absolute/path/of/the/article.txt"``;
3. executes the copy top to bottom in a fresh kernel, working in the output
   folder, so files a notebook writes land there too;
4. writes the executed notebook and an HTML page of it to
   ``build/course/<article name>/`` with an ``index.html``.

``notebooks/`` is only read, never changed.  A notebook that fails is
reported by name and cell; the others still run; the exit code is then 1.

    python -m tools.course path/to/article.txt [--out build/course] [--notebooks notebooks]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build" / "course"
#: Longest time one cell may run before the notebook is reported as stuck.
CELL_TIMEOUT = 600

USAGE = "usage: make course ARTICLE=path/to/article.txt   (or: python -m tools.course path/to/article.txt)"


class CourseError(Exception):
    """Something the teacher must fix before the course can run (a one-line message)."""


class UsageError(CourseError):
    """No article was named."""


@dataclass
class Outcome:
    """What happened to one notebook."""

    notebook: str
    ok: bool
    message: str = ""


def solution_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The solution notebooks ``NN_topic.ipynb`` of ``folder``, in course order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def check_article(path: str) -> Path:
    """Load the article once with :func:`helpers.load_article`; return its absolute path.

    Raises :class:`CourseError` with the helper's own one-line message when the
    file cannot be read as an article.
    """
    from helpers import load_article
    from helpers.article import SEEDS_DIR

    if not path or not path.strip():
        raise UsageError(USAGE)
    try:
        article = load_article(path)
    except (ValueError, OSError) as err:  # ArticleError is a ValueError; missing files are OSErrors
        raise CourseError(f"cannot use ARTICLE={path}: {one_line(err)}") from None
    file = Path(path).expanduser()
    if not file.is_file():  # a bare name found in seeds/
        file = SEEDS_DIR / file.name
    for warning in article.warnings:
        print(f"note: {one_line(warning)}", file=sys.stderr)
    return file.resolve()


def one_line(error) -> str:
    """An error (or text) as a single line."""
    text = " ".join(str(error).split())
    return text or (type(error).__name__ if isinstance(error, BaseException) else "")


def inject_article(nb, article_path: Path):
    """Add the ``injected-parameters`` cell after the ``parameters`` cell (in place); return ``nb``.

    An older injected cell (from an earlier run) is replaced.
    """
    import nbformat

    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    where = next((i for i, c in enumerate(nb.cells)
                  if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if where is None:
        raise CourseError("it has no code cell tagged 'parameters' (ARTICLE = None), so the article cannot be set")
    text = str(article_path)
    value = f'r"{text}"' if '"' not in text and not text.endswith("\\") else repr(text)
    cell = nbformat.v4.new_code_cell(f"# Parameters injected by make course\nARTICLE = {value}")
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(where + 1, cell)
    return nb


def failing_cell(nb) -> str:
    """Describe the first cell with an error output: its number (as in the original notebook) and first line."""
    cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                evalue = one_line(output.get("evalue", ""))[:200]
                first = next((line for line in cell.source.splitlines() if line.strip()), "")
                return f"cell {number} ({first.strip()[:60]!r}) raised {output.get('ename')}" + (f": {evalue}" if evalue else "")
    return "a cell failed"


def run_notebook(source: Path, article_path: Path, out_dir: Path, exporter=None) -> Outcome:
    """Execute one notebook on the article into ``out_dir`` (notebook and HTML page)."""
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from tools.html import render_html
    from tools.solutions import execute

    nb = nbformat.read(source, as_version=4)
    try:
        inject_article(nb, article_path)
    except CourseError as err:
        return Outcome(source.name, False, str(err))
    nb.metadata["course"] = {"article": article_path.name}
    outcome = Outcome(source.name, True)
    try:
        execute(nb, out_dir, CELL_TIMEOUT)  # the same fresh kernel of this environment as make solutions
    except CellExecutionError:
        outcome = Outcome(source.name, False, failing_cell(nb))
    except CellTimeoutError:
        outcome = Outcome(source.name, False, f"a cell ran longer than {CELL_TIMEOUT} s ({failing_cell(nb)})")
    except DeadKernelError as err:
        outcome = Outcome(source.name, False, f"the kernel died: {one_line(err)}")
    except Exception as err:  # the kernel could not start, ...: report it like any failure
        outcome = Outcome(source.name, False, f"could not run: {type(err).__name__}: {one_line(err)}")
    target = out_dir / source.name
    nbformat.write(nb, target)
    render_html(nb, target.with_suffix(".html"), exporter=exporter)
    return outcome


def run_course(article: str, notebooks: Path = NOTEBOOKS, out: Path = BUILD) -> int:
    """Run every solution notebook on ``article``; return the exit code (0 = all ran)."""
    article_path = check_article(article)
    sources = solution_notebooks(notebooks)
    if not sources:
        raise CourseError(f"no notebooks NN_topic.ipynb found in {notebooks}")
    from tools.html import make_exporter, write_index

    out_dir = out / article_path.stem
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in [*out_dir.glob("[0-9][0-9]_*.ipynb"), *out_dir.glob("[0-9][0-9]_*.html")]:
        stale.unlink()  # pages of an earlier run must not pass for this one's
    exporter = make_exporter()
    print(f"Running {len(sources)} notebooks on {article_path.name} into {out_dir}")
    outcomes = []
    for source in sources:
        started = time.perf_counter()
        outcome = run_notebook(source, article_path, out_dir, exporter)
        took = time.perf_counter() - started
        print(f"  {'ok  ' if outcome.ok else 'FAIL'} {source.name} ({took:.1f} s){': ' + outcome.message if outcome.message else ''}")
        outcomes.append(outcome)
    written = [out_dir / s.name for s in sources if (out_dir / s.name).is_file()]
    write_index(out_dir, written, title=f"The course on {article_path.name}")
    failed = [o for o in outcomes if not o.ok]
    if failed:
        for o in failed:
            print(f"make course: {o.notebook} failed on {article_path.name}: {o.message}", file=sys.stderr)
        return 1
    print(f"All {len(outcomes)} notebooks ran. Open {out_dir / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.course", description=__doc__.split("\n\n")[0], usage=USAGE)
    parser.add_argument("article", nargs="?", default="", help="path of a plain-text (UTF-8) article")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="folder of the solution notebooks")
    parser.add_argument("--out", type=Path, default=BUILD, help="output folder (one subfolder per article)")
    args = parser.parse_args(argv)
    try:
        return run_course(args.article, args.notebooks, args.out)
    except UsageError:
        print(USAGE, file=sys.stderr)
        return 2
    except CourseError as err:
        print(f"make course: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("make course: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
