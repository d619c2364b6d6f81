"""The solved course as a static website: ``make html`` writes ``build/html/``.

* ``NN_topic.html`` -- each solution notebook with its stored outputs
  (nothing is re-executed: the pages show exactly what nbval tested);
* ``exercises/NN_topic_exercises.html`` and ``exercises/NN_topic_exercises.ipynb`` -- the student
  edition, as a page to read and as the notebook to download;
* ``index.html`` -- the course map: number, title and time of each notebook
  (read from the notebook's first cell, ``# NN · Title`` and
  ``**Time:** about N minutes``), with links to both editions.

Open ``build/html/index.html`` in a browser, project it, or upload the folder
to any web space.  Links between notebooks (``02_framing.ipynb``) are
rewritten to point at the pages (``02_framing.html``).

    python -m tools.html [--out build/html] [--notebooks notebooks]
"""

from __future__ import annotations

import argparse
import copy
import functools
import html
import re
import shutil
import sys
import time
from pathlib import Path

from .notebooks import student_path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build" / "html"

_HEADING = re.compile(r"^#\s+(\d+)\s*·\s*(.+?)\s*$", re.MULTILINE)
_TIME = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", re.IGNORECASE)
_NOTEBOOK_LINK = re.compile(r'href="((?:\./|\.\./|exercises/)*\d\d_[\w-]+)\.ipynb(#[^"]*)?"')
_COURSE_MAP_LINK = re.compile(r'href="(?:(?:\.\./)+README\.md|(?:\.\./)*START_HERE\.md)(?:#[^"]*)?"')

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; color: #222; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ text-align: left; padding: .45em .7em; border-bottom: 1px solid #ddd; }}
  th {{ background: #f3f3f3; }}
  td.num, th.num {{ text-align: right; white-space: nowrap; }}
  td.links {{ white-space: nowrap; }}
  a {{ color: #0072B2; }}
</style>
</head>
<body>
<h1>{title}</h1>
{intro}
<table>
<thead><tr><th class="num">#</th><th>Notebook</th><th class="num">Time</th>{extra_heads}</tr></thead>
<tbody>
{rows}
</tbody>
<tfoot><tr><td></td><td><strong>Total</strong></td><td class="num"><strong>{total}</strong></td>{extra_cells}</tr></tfoot>
</table>
</body>
</html>
"""


def solution_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The notebooks ``NN_topic.ipynb`` of ``folder``, in course order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def notebook_info(nb) -> dict:
    """Number, title and minutes of a notebook, read from its header cell.

    The header is the first markdown cell with a ``# NN · Title`` heading (a
    student edition has a note before it).  Returns
    ``{"number": "01", "title": "Reading an article", "minutes": 45}``; a
    missing part is ``None``.
    """
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    first = next((source for source in markdown if _HEADING.search(source)), markdown[0] if markdown else "")
    heading = _HEADING.search(first)
    minutes = _TIME.search(first)
    return {
        "number": heading.group(1) if heading else None,
        "title": heading.group(2) if heading else None,
        "minutes": int(minutes.group(1)) if minutes else None,
    }


@functools.lru_cache(maxsize=1)
def make_exporter():
    """One nbconvert HTML exporter (JupyterLab's look), made once and reused for every page."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab")


def render_html(nb, target: Path, exporter=None, course_map: str = "index.html") -> Path:
    """Write ``nb`` as an HTML page (stored outputs only, nothing runs); return ``target``.

    Links to notebooks (``NN_topic.ipynb``, ``../NN_topic.ipynb``,
    ``exercises/NN_topic.ipynb``) become links to their pages, and the navigation's link to the course map in ``README.md``
    becomes a link to ``course_map`` (the site's index page).
    """
    exporter = exporter or make_exporter()
    body, _ = exporter.from_notebook_node(nb)
    body = _NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)
    body = _COURSE_MAP_LINK.sub(f'href="{course_map}"', body)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def without_outputs(nb):
    """A copy of ``nb`` with every output and execution count removed."""
    clean = copy.deepcopy(nb)
    for cell in clean.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return clean


def write_index(out_dir: Path, notebooks: list[Path], title: str, student: dict[str, Path] | None = None) -> Path:
    """Write ``out_dir/index.html``: the course map with links to each notebook's page.

    ``notebooks`` are the notebooks whose pages (same name, ``.html``) sit in
    ``out_dir``.  ``student`` maps a notebook's file name to its student
    edition page; the downloadable ``.ipynb`` sits beside that page.
    """
    import nbformat

    rows, total = [], 0
    for path in notebooks:
        info = notebook_info(nbformat.read(path, as_version=4))
        total += info["minutes"] or 0
        title_text = html.escape(info["title"] or path.stem)
        minutes = f"{info['minutes']} min" if info["minutes"] else "?"
        cells = [
            f'<td class="num">{html.escape(info["number"] or path.name[:2])}</td>',
            f'<td><a href="{html.escape(path.with_suffix(".html").name)}">{title_text}</a></td>',
            f'<td class="num">{minutes}</td>',
        ]
        if student is not None:
            page = student.get(path.name)
            if page is None:
                cells.append("<td>—</td>")
            else:
                rel = page.relative_to(out_dir).as_posix()
                nb_rel = page.with_suffix(".ipynb").relative_to(out_dir).as_posix()
                cells.append(f'<td class="links"><a href="{html.escape(rel)}">read</a> · '
                             f'<a href="{html.escape(nb_rel)}" download>download .ipynb</a></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    hours, rest = divmod(total, 60)
    intro = ("<p>Each notebook below shows the analysis with its results. The student edition has the "
             "same notebook with the exercise solutions removed, to work through in JupyterLab.</p>"
             if student is not None else "")
    page = _PAGE.format(
        title=html.escape(title), intro=intro, rows="\n".join(rows),
        total=f"{hours} h {rest:02d} min" if hours else f"{rest} min",
        extra_heads="<th>Student edition</th>" if student is not None else "",
        extra_cells="<td></td>" if student is not None else "",
    )
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def build_site(notebooks: Path = NOTEBOOKS, out: Path = BUILD) -> Path:
    """Render every solution notebook and its student edition into ``out``; return the index path."""
    import nbformat

    sources = solution_notebooks(notebooks)
    if not sources:
        raise SystemExit(f"make html: no notebooks NN_topic.ipynb found in {notebooks}")
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("[0-9][0-9]_*.html"), *out.glob("exercises/[0-9][0-9]_*.*")]:
        stale.unlink()  # pages of a notebook that was renamed or removed
    exporter = make_exporter()
    student: dict[str, Path] = {}
    for source in sources:
        render_html(nbformat.read(source, as_version=4), out / source.with_suffix(".html").name, exporter)
        edition = student_path(source)
        if edition.is_file():
            page = out / "exercises" / edition.with_suffix(".html").name
            render_html(without_outputs(nbformat.read(edition, as_version=4)), page, exporter, "../index.html")
            shutil.copyfile(edition, page.with_suffix(".ipynb"))
            student[source.name] = page
        else:
            print(f"note: no student edition for {source.name} (run make student)", file=sys.stderr)
    return write_index(out, sources, "Media analysis: the course map", student)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.html", description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="folder of the solution notebooks")
    parser.add_argument("--out", type=Path, default=BUILD, help="folder of the website")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    index = build_site(args.notebooks, args.out)
    pages = len(list(index.parent.rglob("*.html")))
    print(f"Wrote {pages} pages in {time.perf_counter() - started:.1f} s. Open {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
