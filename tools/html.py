"""The solved course as a static website: ``make html`` writes ``build/html/``.

* ``index.html`` -- the course map: number, title, time and what each
  notebook teaches (read from its header cell: ``# NN · Title``, the *What
  you will learn* list, ``**Time:** about N minutes``), links to both editions,
  and the instructors' pages;
* ``NN_topic.html`` -- each solution notebook with its stored outputs
  (nothing is re-executed: the pages show exactly what nbval tested);
* ``exercises/NN_topic_exercises.html`` and ``exercises/NN_topic_exercises.ipynb`` -- the student
  edition as ``make student`` generates it from the solution notebook, as a
  page to read and as the notebook to download;
* ``docs/...html`` -- the pages of ``docs/`` (the instructor guide, the
  bibliography), Markdown rendered to HTML.

Every page is titled with its notebook's title and has the same navigation bar
at its top and bottom: the course map, the previous and the next notebook, the
other edition.  The pages work **offline**: no script, style or font comes from
the internet (nbconvert's JupyterLab look is inlined; MathJax and require.js
are left out, as no notebook needs them: formulas are written in plain text,
a TeX formula ``$...$`` would show as typed and ``make html`` says so).  Tables
and code scroll inside their box, so a phone (390 px wide) never scrolls the
page sideways.

``make html`` warns when an exercise notebook in ``notebooks/exercises/`` was
edited since ``make student`` wrote it (a student's answers): the site
publishes the generated student edition, never the edited file.

Open ``build/html/index.html`` in a browser, project it, or upload the folder
to any web space.  Links between the course's files (``02_framing.ipynb``,
``../docs/bibliography.md``, ``START_HERE.md``, the course map) become links
between the pages; a link to a file that is not on the site (``seeds/``)
becomes plain text naming it.

    python -m tools.html [--out build/html] [--notebooks notebooks]
"""

from __future__ import annotations

import argparse
import copy
import functools
import html
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from .notebooks import student_path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build" / "html"
#: The title of the site (the index page and every page's <title> after the page's own).
SITE_TITLE = "Reading the news closely: a media-analysis course"
#: The tag of the navigation cell that ``make nav`` and ``make student`` write (the site has its own bar).
NAVIGATION_TAG = "navigation"

_HEADING = re.compile(r"^#\s+(\d+)\s*·\s*(.+?)\s*$", re.MULTILINE)
_TIME = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", re.IGNORECASE)
_LEARN = re.compile(r"\*\*What you will learn\*\*\s*\n((?:\s*[-*]\s+.+\n?(?:\s{2,}\S.*\n?)*)+)", re.IGNORECASE)
_HREF = re.compile(r'(<a\b[^>]*?\s)href="([^"]*)"', re.IGNORECASE)
#: TeX math in markdown: $$...$$, $...$ (not "$5 and $6": no space after the opening $), \( \) and \[ \].
_MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$\w])\$(?=\S)[^$\n]+(?<=\S)\$(?!\w)|\\\(.+?\\\)|\\\[.+?\\\]", re.DOTALL)
_CODE_SPAN = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)

#: The site's own styles: the navigation bar, readable at a projector's 1280x720 and on a 390 px phone.
SITE_CSS = """
:root { --site-accent: #005a8c; }
.site-nav { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 16px; line-height: 1.5;
  display: flex; flex-wrap: wrap; align-items: baseline; gap: .3em 1.4em; padding: .6em 1rem; margin: 0;
  background: #eef3f7; border-bottom: 1px solid #c9d6e0; }
.site-nav.bottom { border-top: 1px solid #c9d6e0; border-bottom: none; margin-top: 2em; }
.site-nav a { color: var(--site-accent); text-decoration: none; }
.site-nav a:hover, .site-nav a:focus { text-decoration: underline; }
.site-nav .home { font-weight: 600; }
.site-nav .prev, .site-nav .next { overflow-wrap: anywhere; }
body.jp-Notebook main, body.site-page main { max-width: 70rem; margin: 0 auto; padding: 0 1rem; box-sizing: border-box; }
/* Nothing wider than the screen: wide tables, long lines of code and pictures scroll or shrink in their box. */
.jp-Cell, .jp-Cell-inputWrapper, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child,
.jp-OutputArea-output, .jp-InputArea, .jp-InputArea-editor, .jp-RenderedHTMLCommon { min-width: 0; max-width: 100%; }
.jp-OutputArea-output, .jp-InputArea-editor, .jp-RenderedHTMLCommon { overflow-x: auto; }
.jp-RenderedHTMLCommon table, main table { display: block; overflow-x: auto; max-width: 100%; }
.jp-RenderedHTMLCommon pre, .jp-InputArea-editor pre, .jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.jp-RenderedHTMLCommon img, .jp-OutputArea-output img { max-width: 100%; height: auto; }
/* A long word, address or piece of inline code breaks rather than widening the page. */
main p, main li, main td, main th, main code, main a { overflow-wrap: anywhere; }
@media (max-width: 700px) {
  .jp-InputPrompt, .jp-OutputPrompt { display: none; }
  .jp-Cell { padding: 4px 0; }
  .jp-RenderedHTMLCommon { padding-right: 0; }
}
/* The index and the instructors' pages */
body.site-page { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0;
  font-size: 17px; line-height: 1.55; }
body.site-page h1 { font-size: 1.7em; line-height: 1.25; margin: .8em 0 .4em; }
body.site-page a { color: var(--site-accent); }
body.site-page table { border-collapse: collapse; margin: 1em 0; }
body.site-page th, body.site-page td { text-align: left; vertical-align: top; padding: .45em .7em; border-bottom: 1px solid #ddd; }
body.site-page th { background: #f3f3f3; }
body.site-page td.num, body.site-page th.num { text-align: right; white-space: nowrap; }
body.site-page code { background: #f3f3f3; padding: 0 .2em; }
body.site-page pre { background: #f6f8fa; padding: .6em; overflow-x: auto; }
body.site-page details { margin-top: .2em; font-size: .92em; color: #444; }
body.site-page summary { cursor: pointer; }
body.site-page .learn { margin: .2em 0 0; padding-left: 1.2em; }
@media (max-width: 700px) {
  /* the course map as a list of cards: one notebook a block, nothing to scroll sideways */
  table.course-map, table.course-map tbody, table.course-map tr, table.course-map td { display: block; width: auto; }
  table.course-map thead { display: none; }
  table.course-map tr { border-bottom: 1px solid #ccc; padding: .5em 0; }
  table.course-map td { border: none; padding: .15em 0; text-align: left; }
  table.course-map td.num { text-align: left; }
  table.course-map td[data-label]::before { content: attr(data-label) ": "; color: #555; }
  table.course-map tfoot { display: block; }
}
"""

#: The template of the notebook pages: nbconvert's JupyterLab look, without anything loaded from the internet.
_NOTEBOOK_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style type="text/css">{{ resources.site.css }}</style>{%- endblock html_head_css -%}
{%- block body_header -%}{{ super() }}<!-- site navigation: top -->{%- endblock body_header -%}
{%- block body_footer -%}<!-- site navigation: bottom -->{{ super() }}{%- endblock body_footer -%}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body class="site-page">
{nav_top}
<main>
{body}
</main>
{nav_bottom}
</body>
</html>
"""


# --------------------------------------------------------------------------- reading the notebooks

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


def learning_goals(nb) -> list[str]:
    """The bullets of the header's *What you will learn* list, as plain text (markdown emphasis removed)."""
    header = next((c.source for c in nb.cells if c.cell_type == "markdown" and _HEADING.search(c.source)), "")
    match = _LEARN.search(header + "\n")
    if not match:
        return []
    items = re.split(r"\n\s*[-*]\s+", "\n" + match.group(1).strip())
    return [re.sub(r"[*_`]", "", " ".join(item.split())).rstrip(";.") for item in items if item.strip()]


def page_title(info: dict, fallback: str) -> str:
    """``"01 · Reading an article"`` (the notebook's own heading), or ``fallback``."""
    if info["number"] and info["title"]:
        return f"{info['number']} · {info['title']}"
    return info["title"] or fallback


def math_cells(nb) -> list[int]:
    """Markdown cells (numbered from 1) with TeX math, which the offline site shows as typed."""
    return [i for i, cell in enumerate(nb.cells, start=1)
            if cell.cell_type == "markdown" and _MATH.search(_CODE_SPAN.sub("", cell.source))]


def without_outputs(nb):
    """A copy of ``nb`` with every output and execution count removed."""
    clean = copy.deepcopy(nb)
    for cell in clean.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return clean


def without_navigation(nb):
    """A copy of ``nb`` without its navigation cell (the site's bar replaces it)."""
    clean = copy.deepcopy(nb)
    clean.cells = [c for c in clean.cells if NAVIGATION_TAG not in c.get("metadata", {}).get("tags", [])]
    return clean


# --------------------------------------------------------------------------- links and navigation

@dataclass
class Site:
    """Where the project's files appear on a site: ``root`` is the project folder, ``out`` the site's."""

    root: Path
    out: Path
    notebooks: Path
    #: Pages of the site, relative to ``out`` (POSIX paths), that links may point at.
    pages: set[str] = field(default_factory=set)

    def page_of(self, path: Path) -> str | None:
        """The page (relative to ``out``) that shows the project file ``path``, or None if the site has none."""
        path = Path(os.path.normpath(path))
        try:
            rel = PurePosixPath(path.relative_to(self.root).as_posix())
        except ValueError:
            return None
        try:
            in_notebooks = PurePosixPath(path.relative_to(self.notebooks).as_posix())
        except ValueError:
            in_notebooks = None
        if rel == PurePosixPath("README.md") or in_notebooks == PurePosixPath("START_HERE.md"):
            page = "index.html"
        elif in_notebooks is not None and path.suffix == ".ipynb":
            page = in_notebooks.with_suffix(".html").as_posix()
        elif rel.parts and rel.parts[0] == "docs" and rel.suffix == ".md":
            page = (rel.with_name("index.html") if rel.name == "README.md" else rel.with_suffix(".html")).as_posix()
        elif rel.parts and rel.parts[0] == "docs" and path.is_dir():
            page = (rel / "index.html").as_posix()
        else:
            return None
        return page if page in self.pages else None

    def link(self, source: Path, page: str, href: str) -> str | None:
        """``href`` as written in ``source`` (a project file), as a link from ``page``; None: not on the site."""
        parts = urlsplit(html.unescape(href))
        if parts.scheme or parts.netloc or href.startswith(("#", "/")) or not parts.path:
            return html.unescape(href)
        target = self.page_of(source.parent / unquote(parts.path))
        if target is None:
            return None
        relative = os.path.relpath(self.out / target, (self.out / page).parent)
        return quote(Path(relative).as_posix()) + (f"#{parts.fragment}" if parts.fragment else "")

    def rewrite_links(self, body: str, source: Path, page: str) -> str:
        """Every ``href`` of ``body`` (the page ``page`` made from ``source``) pointed at the site's pages."""

        def replace(match: re.Match) -> str:
            href = match.group(2)
            new = self.link(source, page, href)
            if new is None:  # a file of the project that is not on the site: say where it is instead
                where = os.path.normpath(source.parent / unquote(urlsplit(html.unescape(href)).path))
                try:
                    where = Path(where).relative_to(self.root).as_posix()
                except ValueError:
                    where = Path(where).name
                return f'{match.group(1)}title="{html.escape("in the course folder: " + where)}"'
            return f'{match.group(1)}href="{html.escape(new)}"'

        return _HREF.sub(replace, body)

    def href(self, page: str, target: str) -> str:
        """A link from ``page`` to ``target`` (both relative to ``out``)."""
        return quote(Path(os.path.relpath(self.out / target, (self.out / page).parent)).as_posix())


def navigation_bar(site: Site, page: str, links: list[tuple[str, str, str]], where: str) -> str:
    """The bar of links at the top (``where="top"``) or bottom of a page: ``links`` are (class, page, text)."""
    parts = [f'<a class="home" href="{site.href(page, "index.html")}">Course map</a>']
    for css_class, target, text in links:
        parts.append(f'<a class="{css_class}" href="{site.href(page, target)}">{html.escape(text)}</a>')
    label = "Course navigation" if where == "top" else "Course navigation (end of page)"
    return f'<nav class="site-nav {where}" aria-label="{label}">' + "\n".join(parts) + "</nav>"


# --------------------------------------------------------------------------- rendering

@functools.lru_cache(maxsize=1)
def make_exporter():
    """One nbconvert HTML exporter (JupyterLab's look, nothing from the internet), made once and reused."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="lab", template_file="course_site.html.j2",
                        extra_loaders=[DictLoader({"course_site.html.j2": _NOTEBOOK_TEMPLATE})])


def render_html(nb, target: Path, exporter=None, *, site: Site | None = None,
                source: Path | None = None, links: list[tuple[str, str, str]] | None = None) -> Path:
    """Write ``nb`` as an HTML page (stored outputs only, nothing runs); return ``target``.

    The page is titled with the notebook's heading and has the navigation bar
    (``links``: previous, next, the other edition).  Links to the course's
    files become links to their pages on ``site``; without a ``site`` (a page
    of ``make course``), links to the notebooks beside ``target`` and to the
    course map (``index.html`` beside it) are kept working.
    """
    exporter = exporter or make_exporter()
    if site is None:
        pages = {p.with_suffix(".html").name for p in solution_notebooks(NOTEBOOKS)} | {"index.html"}
        site = Site(ROOT, target.parent, NOTEBOOKS, pages)
        source = source or NOTEBOOKS / target.with_suffix(".ipynb").name
    source = source or site.notebooks / target.with_suffix(".ipynb").name
    page = target.relative_to(site.out).as_posix()
    nb = without_navigation(nb)
    info = notebook_info(nb)
    nb.metadata["title"] = f"{page_title(info, target.stem)} — {SITE_TITLE}"
    body, _ = exporter.from_notebook_node(nb, resources={"site": {"css": SITE_CSS}})
    body = site.rewrite_links(body, source, page)  # the notebook's own links; the bars' are the site's already
    for where in ("top", "bottom"):
        body = body.replace(f"<!-- site navigation: {where} -->", navigation_bar(site, page, links or [], where), 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def markdown_to_html(text: str) -> str:
    """Markdown (the docs' pages) as HTML; any raw HTML in it is shown as text, not rendered."""
    import mistune

    return mistune.create_markdown(escape=True, plugins=["table", "strikethrough", "footnotes", "url"])(text)


def doc_pages(root: Path) -> list[Path]:
    """The Markdown pages of ``root/docs`` (README.md of a folder first), in a stable order."""
    docs = root / "docs"
    if not docs.is_dir():
        return []
    return sorted(docs.rglob("*.md"), key=lambda p: (p.parent.relative_to(docs).parts, p.name != "README.md", p.name))


def doc_title(path: Path) -> str:
    """The first ``# heading`` of a Markdown page, or its file name."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("_", " ")


def render_doc(site: Site, path: Path, page: str) -> Path:
    """Write the Markdown page ``path`` of ``docs/`` as ``page`` of the site.

    A folder's ``README.md`` (its index page) ends with the list of the folder's other pages.
    """
    body = site.rewrite_links(markdown_to_html(path.read_text(encoding="utf-8")), path, page)
    if path.name == "README.md":
        others = [p for p in doc_pages(site.root) if p.parent == path.parent and p != path and site.page_of(p)]
        if others:
            body += "\n<h2>Pages</h2>\n<ul>\n" + "".join(
                f'<li><a href="{site.href(page, site.page_of(p))}">{html.escape(doc_title(p))}</a></li>\n'
                for p in others) + "</ul>\n"
    links = [("doc", p, t) for p, t in _doc_links(site)]
    nav = {where: navigation_bar(site, page, links, where) for where in ("top", "bottom")}
    text = _PAGE.format(title=html.escape(f"{doc_title(path)} — {SITE_TITLE}"), css=SITE_CSS,
                        nav_top=nav["top"], nav_bottom=nav["bottom"], body=body)
    target = site.out / page
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def _doc_links(site: Site) -> list[tuple[str, str]]:
    """(page, title) of the top-level pages of docs/ on the site: each folder's README and each page directly in docs/."""
    found = []
    for path in doc_pages(site.root):
        rel = path.relative_to(site.root / "docs")
        if len(rel.parts) == 1 or rel.name == "README.md":
            page = site.page_of(path)
            if page:
                found.append((page, doc_title(path)))
    return found


# --------------------------------------------------------------------------- the student edition

def student_editions(sources: list[Path], exercises: Path) -> tuple[dict[str, str], list[str]]:
    """The student edition of ``sources`` as ``make student`` generates it (text by file name), and warnings.

    A warning names each exercise notebook in ``exercises`` that was edited
    since ``make student`` wrote it (its hash is not the one recorded): the
    site shows the generated edition, not the edited file.
    """
    from tools import student

    texts = student.build_student_edition(sources)
    record_file = exercises / student.RECORD_NAME
    record = json.loads(record_file.read_text(encoding="utf-8")).get("sha256", {}) if record_file.is_file() else {}
    warnings = []
    for name, text in texts.items():
        existing = exercises / name
        if not existing.is_file():
            continue
        current = existing.read_text(encoding="utf-8")
        if student.text_hash(current) == student.text_hash(text):
            continue
        if student.text_hash(current) != record.get(name):
            warnings.append(f"warning: {existing.parent.name}/{name} was edited since `make student` wrote it "
                            "(a student's answers?): the site publishes the generated student edition, not that "
                            "file. Keep a copy of it if it matters, then run `make student FORCE=1`.")
        else:
            warnings.append(f"note: {existing.parent.name}/{name} is older than its solution notebook: the site "
                            "publishes the up-to-date student edition (run `make student` to update the file too).")
    return texts, warnings


# --------------------------------------------------------------------------- the index

def write_index(out_dir: Path, notebooks: list[Path], title: str, student: dict[str, Path] | None = None,
                docs: list[tuple[str, str]] | None = None) -> Path:
    """Write ``out_dir/index.html``: the course map with links to each notebook's page.

    ``notebooks`` are the notebooks whose pages (same name, ``.html``) sit in
    ``out_dir``.  ``student`` maps a notebook's file name to its student
    edition page; the downloadable ``.ipynb`` sits beside that page.  ``docs``
    are (page, title) of the instructors' pages.
    """
    import nbformat

    rows, total = [], 0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        info = notebook_info(nb)
        total += info["minutes"] or 0
        title_text = html.escape(info["title"] or path.stem)
        goals = learning_goals(nb)
        learn = ('<details><summary>What you will learn</summary><ul class="learn">'
                 + "".join(f"<li>{html.escape(g)}</li>" for g in goals) + "</ul></details>") if goals else ""
        minutes = f"{info['minutes']} min" if info["minutes"] else "?"
        cells = [
            f'<td class="num">{html.escape(info["number"] or path.name[:2])}</td>',
            f'<td><a href="{html.escape(path.with_suffix(".html").name)}">{title_text}</a>{learn}</td>',
            f'<td class="num" data-label="Time">{minutes}</td>',
        ]
        if student is not None:
            page = student.get(path.name)
            if page is None:
                cells.append('<td data-label="Student edition">—</td>')
            else:
                rel = page.relative_to(out_dir).as_posix()
                nb_rel = page.with_suffix(".ipynb").relative_to(out_dir).as_posix()
                cells.append(f'<td class="links" data-label="Student edition"><a href="{html.escape(rel)}">read</a> · '
                             f'<a href="{html.escape(nb_rel)}" download>download .ipynb</a></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    hours, rest = divmod(total, 60)
    total_text = f"{hours} h {rest:02d} min" if hours else f"{rest} min"
    intro = ("<p>One real news article, read closely, notebook by notebook. Each page below shows a notebook "
             "with its results; the student edition is the same notebook with the exercises open, to "
             "work through in JupyterLab.</p>" if student is not None else "")
    heads = '<th class="num">#</th><th>Notebook</th><th class="num">Time</th>'
    heads += "<th>Student edition</th>" if student is not None else ""
    foot = (f'<tr><td></td><td><strong>Total</strong></td><td class="num" data-label="Total">'
            f"<strong>{total_text}</strong></td>{'<td></td>' if student is not None else ''}</tr>")
    body = [f"<h1>{html.escape(title)}</h1>", intro, '<table class="course-map">', f"<thead><tr>{heads}</tr></thead>",
            "<tbody>", *rows, "</tbody>", f"<tfoot>{foot}</tfoot>", "</table>"]
    if docs:
        body += ["<h2>For instructors</h2>", "<ul>",
                 *[f'<li><a href="{html.escape(page)}">{html.escape(text)}</a></li>' for page, text in docs], "</ul>"]
    nav = '<nav class="site-nav top" aria-label="Course navigation"><a class="home" href="index.html">Course map</a>' + \
          "".join(f'<a class="doc" href="{html.escape(page)}">{html.escape(text)}</a>' for page, text in docs or []) + \
          "</nav>"
    page = _PAGE.format(title=html.escape(title), css=SITE_CSS, nav_top=nav, nav_bottom="", body="\n".join(body))
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


# --------------------------------------------------------------------------- the whole site

def build_site(notebooks: Path = NOTEBOOKS, out: Path = BUILD) -> Path:
    """Render every solution notebook, its student edition and the pages of ``docs/`` into ``out``.

    Returns the index page.  Warnings (an edited exercise notebook, TeX math)
    are printed to standard error.
    """
    import nbformat

    notebooks = Path(notebooks)
    sources = solution_notebooks(notebooks)
    if not sources:
        raise SystemExit(f"make html: no notebooks NN_topic.ipynb found in {notebooks}")
    root = notebooks.parent
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("[0-9][0-9]_*.html"), *out.glob("exercises/[0-9][0-9]_*.*"), *out.glob("docs/**/*.html")]:
        stale.unlink()  # pages of a notebook or a page that was renamed or removed
    exercises = notebooks / "exercises"
    editions, warnings = student_editions(sources, exercises)
    docs = doc_pages(root)
    site = Site(root, out, notebooks)
    student_name = {s.name: student_path(s, exercises).name for s in sources}  # 01_x.ipynb -> 01_x_exercises.ipynb
    site.pages = {"index.html", *(s.with_suffix(".html").name for s in sources),
                  *(f"exercises/{Path(name).with_suffix('.html').name}" for name in editions)}
    site.pages |= {p for p in (_doc_page(root, d) for d in docs) if p}
    solved = {s.name: nbformat.read(s, as_version=4) for s in sources}
    titles = {name: page_title(notebook_info(nb), Path(name).stem) for name, nb in solved.items()}
    names = [s.name for s in sources]
    exporter = make_exporter()
    student_pages: dict[str, Path] = {}
    for k, source in enumerate(sources):
        page = source.with_suffix(".html").name
        edition = student_name[source.name]
        prev_next = _neighbours(names, titles, k, "")
        other = [("edition", f"exercises/{Path(edition).with_suffix('.html').name}", "Student edition")] \
            if edition in editions else []
        render_html(solved[source.name], out / page, exporter, site=site, source=source, links=prev_next + other)
        for cell in math_cells(solved[source.name]):
            warnings.append(f"note: {source.name}, cell {cell}: TeX math shows as typed on the offline site "
                            "(no MathJax); write the formula in plain text (×, −, /).")
        if edition in editions:
            target = out / "exercises" / Path(edition).with_suffix(".html").name
            nb = without_outputs(nbformat.reads(editions[edition], as_version=4))
            students = [student_name[n] for n in names]
            links = _neighbours(students, {student_name[n]: t for n, t in titles.items()}, k, "exercises/", editions) + [
                ("edition", page, "Solved notebook"), ("download", f"exercises/{edition}", "Download .ipynb")]
            render_html(nb, target, exporter, site=site, source=exercises / edition, links=links)
            target.with_suffix(".ipynb").write_text(editions[edition], encoding="utf-8")
            student_pages[source.name] = target
        else:
            warnings.append(f"note: no student edition for {source.name} (run make student)")
    for path in docs:
        render_doc(site, path, _doc_page(root, path))
    for warning in warnings:
        print(warning, file=sys.stderr)
    return write_index(out, sources, SITE_TITLE, student_pages, _doc_links(site))


def _doc_page(root: Path, path: Path) -> str:
    rel = PurePosixPath(path.relative_to(root).as_posix())
    return (rel.with_name("index.html") if rel.name == "README.md" else rel.with_suffix(".html")).as_posix()


def _neighbours(names: list[str], titles: dict[str, str], k: int, folder: str,
                available: dict | None = None) -> list[tuple[str, str, str]]:
    """Links to the previous and next notebook (in ``folder`` of the site)."""
    links = []
    if k > 0 and (available is None or names[k - 1] in available):
        links.append(("prev", folder + Path(names[k - 1]).with_suffix(".html").name, f"← {titles[names[k - 1]]}"))
    if k + 1 < len(names) and (available is None or names[k + 1] in available):
        links.append(("next", folder + Path(names[k + 1]).with_suffix(".html").name, f"{titles[names[k + 1]]} →"))
    return links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.html", description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="folder of the solution notebooks")
    parser.add_argument("--out", type=Path, default=BUILD, help="folder of the website")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    from tools.student import StudentEditionError

    try:
        index = build_site(args.notebooks, args.out)
    except StudentEditionError as error:
        print(f"make html: cannot make the student edition: {error}", file=sys.stderr)
        return 2
    pages = len(list(index.parent.rglob("*.html")))
    print(f"Wrote {pages} pages in {time.perf_counter() - started:.1f} s. Open {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
