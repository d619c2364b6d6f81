"""Run the whole course on another article: ``make course ARTICLE=path/to/article.txt``.

Every solution notebook (``notebooks/NN_topic.ipynb``) starts with a cell
tagged ``parameters`` that holds ``ARTICLE = None`` (the course article).
This tool

1. checks the article first with :func:`helpers.load_article`, so a missing,
   empty, binary, non-UTF-8 or oversized file, a folder or a pipe stops
   everything with one clear line;
2. copies each notebook, clears every stored output (a cell the run does not
   reach shows nothing, never the course article's results), and adds a cell
   tagged ``injected-parameters`` right after the ``parameters`` cell
   (papermill's convention) that sets ``ARTICLE = r"/absolute/path/of/the/article.txt"``;
3. executes the copy top to bottom in a fresh kernel (:func:`tools.solutions.execute`,
   the runner of ``make solutions``), working in the article's output folder;
   the kernel's environment names that folder in ``COURSE_OUTPUT_DIR``, so the
   brief and the sides table of notebook 07 are written there too, never into
   the project's ``build/``;
4. writes the executed notebook and an HTML page of it to
   ``<out>/<article key>/`` (``build/course/`` by default) with an ``index.html``
   that marks every notebook that failed or did not run.  The key is the article's
   :attr:`~helpers.article.Article.key`: its file name and a fingerprint of its
   path, so ``a/report.txt`` and ``b/report.txt`` never share a folder.

``notebooks/`` is only read, never changed.  A notebook that fails is reported
by name and cell, and its page says so at the top; the others still run; the
exit code is then 1.  Ctrl-C stops the whole run at once (exit code 130): the
notebooks not run are marked so on the index.

The article's path can be given on the command line or in the environment
variable ``ARTICLE`` (what ``make course`` does, so that no shell ever reads the
path: quotes, ``$`` or backticks in a file name are only characters)::

    python -m tools.course path/to/article.txt [--out build/course] [--notebooks notebooks]
    ARTICLE=path/to/article.txt python -m tools.course
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import CourseError as HelpersCourseError

from .notebooks import BUILD_DIR, NOTEBOOKS_DIR, ROOT, notebook_info, solution_notebooks

__all__ = [
    "ROOT", "NOTEBOOKS", "BUILD", "CELL_TIMEOUT", "USAGE", "CourseError", "UsageError", "Outcome",
    "solution_notebooks", "check_article", "article_folder", "inject_article", "failing_cell", "status_cell", "mark_page",
    "course_notebook", "write_course_index", "run_course", "main",
]

NOTEBOOKS = NOTEBOOKS_DIR
BUILD = BUILD_DIR / "course"
#: Longest time one cell may run before the notebook is reported as stuck.
CELL_TIMEOUT = 600
#: The environment variable of the kernel that names the run's output folder (read by helpers.brief).
OUTPUT_ENV = "COURSE_OUTPUT_DIR"

USAGE = "usage: make course ARTICLE=path/to/article.txt   (or: python -m tools.course path/to/article.txt)"


class CourseError(HelpersCourseError):
    """Something the teacher must fix before the course can run (a one-line message)."""


class UsageError(CourseError):
    """No article was named."""


@dataclass
class Outcome:
    """What happened to one notebook: ``status`` is "ok", "failed" or "not run"."""

    notebook: str
    ok: bool
    message: str = ""
    status: str = ""

    def __post_init__(self):
        self.status = self.status or ("ok" if self.ok else "failed")


def check_article(path: str):
    """Load the article once with :func:`helpers.load_article`; return it (``article.path`` is absolute).

    Raises :class:`CourseError` with the helper's own one-line message when the
    file cannot be read as an article.
    """
    from helpers import load_article

    if not path or not path.strip():
        raise UsageError(USAGE)
    try:
        article = load_article(path)
    except (HelpersCourseError, OSError) as err:  # every article problem is a CourseError; OSError: the unforeseen
        raise CourseError(f"cannot use ARTICLE={path}: {one_line(err)}") from None
    for warning in article.warnings:
        print(f"note: {one_line(warning)}", file=sys.stderr)
    return article


def article_folder(article, out: Path) -> Path:
    """The folder of one article's run: ``out/<article.key>``."""
    return Path(out) / article.key


def one_line(error) -> str:
    """An error (or text) as a single line."""
    text = " ".join(str(error).split())
    return text or (type(error).__name__ if isinstance(error, BaseException) else "")


def inject_article(nb, article_path: Path):
    """Add the ``injected-parameters`` cell after the ``parameters`` cell (in place); return ``nb``.

    An older injected cell (from an earlier run) is replaced.  The path is written
    as a Python string literal that means exactly that path, whatever it holds.
    """
    import nbformat

    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    where = next((i for i, c in enumerate(nb.cells)
                  if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if where is None:
        raise CourseError("it has no code cell tagged 'parameters' (ARTICLE = None), so the article cannot be set")
    text = str(article_path)
    plain = not any(ch in text for ch in "\"\\\n\r") and text.isprintable()
    value = f'r"{text}"' if plain else repr(text)
    cell = nbformat.v4.new_code_cell(f"# Parameters injected by make course\nARTICLE = {value}")
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(where + 1, cell)
    return nb


def failing_cell(nb) -> str:
    """Describe the first cell with an error output: its number (as in the original notebook) and first line."""
    cells = [c for c in nb.cells if not _tagged(c, "injected-parameters") and not _tagged(c, "course-status")]
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "error":
                evalue = one_line(output.get("evalue", ""))[:200]
                first = next((line for line in cell.source.splitlines() if line.strip()), "")
                return f"cell {number} ({first.strip()[:60]!r}) raised {output.get('ename')}" + (f": {evalue}" if evalue else "")
    return "a cell failed"


def _tagged(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def status_cell(message: str):
    """A markdown cell for the top of a page that did not finish: says so, and that nothing below is a result."""
    import nbformat

    cell = nbformat.v4.new_markdown_cell(
        "> **This notebook did not finish on this article.** " + html.escape(message) + "\n>\n"
        "> The cells after the failure were not run and show no output: nothing below it is a result.")
    cell.metadata["tags"] = ["course-status"]
    return cell


def mark_page(nb):
    """A copy of ``nb`` for a web page: every bidirectional control character shown as ``[U+202E]``.

    Such invisible characters can make an article's text display in another
    order than it is stored; on the course's pages they are visible instead.
    """
    from helpers.article import mark_bidi_controls

    page = copy.deepcopy(nb)
    for cell in page.cells:
        cell.source = mark_bidi_controls(cell.source)
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = _marked(output["text"], mark_bidi_controls)
            if "evalue" in output:
                output["evalue"] = mark_bidi_controls(output["evalue"])
            if "traceback" in output:
                output["traceback"] = [mark_bidi_controls(line) for line in output["traceback"]]
            for kind, value in output.get("data", {}).items():
                if kind.startswith("text/") or kind == "application/javascript":
                    output["data"][kind] = _marked(value, mark_bidi_controls)
    return page


def _marked(value, mark):
    return [mark(v) for v in value] if isinstance(value, list) else mark(value)


def course_notebook(source: Path, article_path: Path, out_dir: Path, exporter=None) -> Outcome:
    """Execute one notebook on the article into ``out_dir`` (notebook and HTML page).

    Raises ``KeyboardInterrupt`` on Ctrl-C (nothing of the interrupted notebook is written).
    """
    import nbformat

    from tools.html import render_html
    from tools.solutions import execute

    nb = nbformat.read(source, as_version=4)
    try:
        inject_article(nb, article_path)
    except CourseError as err:
        return Outcome(source.name, False, str(err))
    nb.metadata["course"] = {"article": article_path.name}
    outcome = Outcome(source.name, True)
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    try:  # the same fresh kernel of this environment as make solutions; every output cleared first
        execute(nb, out_dir, CELL_TIMEOUT, env={OUTPUT_ENV: str(out_dir)})
    except CellTimeoutError:
        outcome = Outcome(source.name, False, f"a cell ran longer than {CELL_TIMEOUT} s ({failing_cell(nb)})")
    except CellExecutionError:
        outcome = Outcome(source.name, False, failing_cell(nb))
    except DeadKernelError as err:
        outcome = Outcome(source.name, False, f"the kernel died: {one_line(err)}")
    except Exception as err:  # the kernel could not start, ...: report it like any failure
        outcome = Outcome(source.name, False, f"could not run: {type(err).__name__}: {one_line(err)}")
    if not outcome.ok:
        nb.cells.insert(0, status_cell(outcome.message))
    target = out_dir / source.name
    from tools.notebooks import write_notebook

    write_notebook(target, nb)
    render_html(mark_page(nb), target.with_suffix(".html"), exporter=exporter)
    return outcome


_INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #222; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ text-align: left; padding: .45em .7em; border-bottom: 1px solid #ddd; vertical-align: top; }}
  th {{ background: #f3f3f3; }}
  td.num {{ text-align: right; white-space: nowrap; }}
  .failed {{ color: #a40000; font-weight: bold; }}
  .notrun {{ color: #666; font-style: italic; }}
  a {{ color: #0072B2; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{summary}</p>
<table>
<thead><tr><th class="num">#</th><th>Notebook</th><th>Status</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def write_course_index(out_dir: Path, sources: list[Path], outcomes: dict[str, Outcome], title: str) -> Path:
    """Write ``out_dir/index.html``: every notebook with its status (ran, FAILED with why, not run)."""
    import nbformat

    from helpers.article import mark_bidi_controls
    from helpers.files import write_text

    def esc(text) -> str:
        return html.escape(mark_bidi_controls(str(text)), quote=True)

    rows, failed, missing = [], 0, 0
    for source in sources:
        info = notebook_info(nbformat.read(source, as_version=4))
        name = info["title"] or source.stem
        outcome = outcomes.get(source.name) or Outcome(source.name, False, "not run", status="not run")
        page = out_dir / source.with_suffix(".html").name
        link = f'<a href="{esc(page.name)}">{esc(name)}</a>' if page.is_file() else esc(name)
        if outcome.status == "ok":
            status = "ran"
        elif outcome.status == "not run":
            missing += 1
            status = f'<span class="notrun">not run: {esc(outcome.message)}</span>'
        else:
            failed += 1
            status = f'<span class="failed">FAILED</span>: {esc(outcome.message)}'
        rows.append(f'<tr><td class="num">{esc(info["number"] or source.name[:2])}</td><td>{link}</td>'
                    f"<td>{status}</td></tr>")
    if failed or missing:
        summary = (f"{failed} notebook(s) failed and {missing} did not run: their pages show only what ran "
                   "before the failure, never results of another article.")
    else:
        summary = f"All {len(sources)} notebooks ran on this article."
    target = out_dir / "index.html"
    write_text(target, _INDEX.format(title=esc(title), summary=esc(summary), rows="\n".join(rows)), newline="\n")
    return target


def run_course(article: str, notebooks: Path = NOTEBOOKS, out: Path = BUILD) -> int:
    """Run every solution notebook on ``article``; return the exit code (0 = all ran, 1 = one failed, 130 = Ctrl-C)."""
    loaded = check_article(article)
    article_path = Path(loaded.path)
    sources = solution_notebooks(notebooks)
    if not sources:
        raise CourseError(f"no notebooks NN_topic.ipynb found in {notebooks}")
    from tools.html import make_exporter

    out_dir = article_folder(loaded, Path(out).resolve())
    out_dir.mkdir(parents=True, exist_ok=True)
    # Pages and briefs of an earlier run must not pass for this one's (a sides table filled in is kept).
    for stale in [*out_dir.glob("[0-9][0-9]_*.ipynb"), *out_dir.glob("[0-9][0-9]_*.html"), *out_dir.glob("brief_*")]:
        if stale.is_file():
            stale.unlink()
    exporter = make_exporter()
    print(f"Running {len(sources)} notebooks on {loaded.name} into {out_dir}")
    outcomes: dict[str, Outcome] = {}
    title = f"The course on {loaded.name}"
    try:
        for source in sources:
            started = time.perf_counter()
            outcome = course_notebook(source, article_path, out_dir, exporter)
            took = time.perf_counter() - started
            print(f"  {'ok  ' if outcome.ok else 'FAIL'} {source.name} ({took:.1f} s)"
                  f"{': ' + outcome.message if outcome.message else ''}", flush=True)
            outcomes[source.name] = outcome
    except KeyboardInterrupt:
        for source in sources:
            outcomes.setdefault(source.name, Outcome(source.name, False, "the run was interrupted (Ctrl-C)",
                                                     status="not run"))
        write_course_index(out_dir, sources, outcomes, title)
        ran = sum(o.status != "not run" for o in outcomes.values())
        print(f"make course: interrupted (Ctrl-C) after {ran} of {len(sources)} notebooks; the others were not "
              f"run (marked on {out_dir / 'index.html'})", file=sys.stderr)
        return 130
    write_course_index(out_dir, sources, outcomes, title)
    failed = [o for o in outcomes.values() if not o.ok]
    if failed:
        for o in failed:
            print(f"make course: {o.notebook} failed on {loaded.name}: {o.message}", file=sys.stderr)
        return 1
    print(f"All {len(outcomes)} notebooks ran. Open {out_dir / 'index.html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.course", description=__doc__.split("\n\n")[0], usage=USAGE)
    parser.add_argument("article", nargs="?", default=None,
                        help="path of a plain-text (UTF-8) article (default: the environment variable ARTICLE)")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="folder of the solution notebooks")
    parser.add_argument("--out", type=Path, default=BUILD, help="output folder (one subfolder per article)")
    args = parser.parse_args(argv)
    article = args.article if args.article is not None else os.environ.get("ARTICLE", "")
    try:
        return run_course(article, args.notebooks, args.out)
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
