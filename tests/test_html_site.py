"""`make html` (tools/html.py): the solved course as a static website that works offline.

First on a small project written here (two notebooks, stored outputs that would
fail if re-run, article text with HTML characters, a docs/ folder, a student
edition written by ``make student``), then on the course's own notebooks
(marked slow: CI runs them): every notebook listed, every page titled and
linked.  In Chromium with the network cut, no request fails, nothing comes from
the internet, and neither a 390 px phone nor a 1280x720 projector scrolls
sideways.  (How long ``make html`` takes is printed by ``make bench``: no test
asserts a time.)
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from tools import html as site
from tools import student

ROOT = Path(__file__).resolve().parent.parent
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


class _Links(HTMLParser):
    """Every link (<a href>) and every resource a page loads (script, style sheet, picture, frame, ...)."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in ("src", "data", "poster"):
            if attrs.get(name):
                self.resources.append(attrs[name])
        if tag == "link" and attrs.get("href"):
            self.resources.append(attrs["href"])
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parsed(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def local_links(page: Path) -> list[str]:
    """The links of a page that point at files of the site (not the web, not anchors in the page)."""
    return [href for href in parsed(page).links
            if not urlparse(href).scheme and not href.startswith(("#", "//", "mailto:"))]


def broken_links(folder: Path) -> list[str]:
    """Every local link of every page under ``folder`` whose target file does not exist."""
    broken = []
    for page in sorted(folder.rglob("*.html")):
        for href in local_links(page):
            target = (page.parent / unquote(href.split("#")[0])).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(folder)} -> {href}")
    return broken


def outside_resources(page: Path) -> list[str]:
    """What a page would load from outside the site: a script, style sheet, font or picture with an address."""
    text = page.read_text(encoding="utf-8")
    found = [r for r in parsed(page).resources if urlparse(r).scheme not in ("", "data") or r.startswith("//")]
    found += re.findall(r"""url\(\s*['"]?((?:https?:)?//[^)'"]+)""", text)  # CSS url(...) and @import url(...)
    found += re.findall(r"""@import\s+['"]((?:https?:)?//[^'"]+)""", text)
    return found


def make_notebook(path: Path, number: str, title: str, minutes: int, *cells, goals=("to count things",)) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNEL
    learn = "\n".join(f"- {goal};" for goal in goals)
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {number} · {title}\n\n**What you will learn**\n{learn}\n\n"
                                              f"**Time:** about {minutes} minutes"), *cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def navigation_cell(text: str):
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["tags"] = ["navigation"]
    return cell


@pytest.fixture(scope="module")
def project(tmp_path_factory, city_council_path):
    """A small course: two notebooks, the student edition written by make student, and docs/."""
    from helpers import find_quotes
    from helpers.display import highlight_html

    text = city_council_path.read_text(encoding="utf-8")
    base = tmp_path_factory.mktemp("project")
    notebooks = base / "notebooks"
    stored = nbformat.v4.new_code_cell("raise RuntimeError('this cell must not run again')", execution_count=3)
    stored.outputs = [nbformat.v4.new_output("stream", name="stdout", text="stored result 42\n"),
                      nbformat.v4.new_output("display_data", data={"text/html": highlight_html(text, find_quotes(text)),
                                                                   "text/plain": "<IPython.core.display.HTML object>"})]
    links = nbformat.v4.new_markdown_cell("See [the guide](../docs/instructor/README.md#rubrics), "
                                          "[the article's origin](../seeds/README.md) and [notebook 02](02_two.ipynb).")
    make_notebook(notebooks / "01_one.ipynb", "01", "One <of> two & more", 30,
                  navigation_cell("[Course map](../README.md#course-map) · [Two →](02_two.ipynb)"), links, stored,
                  goals=("to read a **table** of counts", "to trace a number"))
    exercise = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nanswer = 6 * 7\n### END SOLUTION", execution_count=1)
    exercise.outputs = [nbformat.v4.new_output("stream", name="stdout", text="solution output\n")]
    make_notebook(notebooks / "02_two.ipynb", "02", "Two", 45,
                  navigation_cell("[← One](01_one.ipynb) · [Course map](../README.md#course-map)"),
                  nbformat.v4.new_markdown_cell("### Exercise 2.1 · multiply"), exercise,
                  nbformat.v4.new_markdown_cell("The cost is $5 and $6 at most."))
    student.write_student_edition(site.solution_notebooks(notebooks), notebooks / "exercises")
    (base / "docs" / "instructor").mkdir(parents=True)
    (base / "docs" / "bibliography.md").write_text("# Bibliography\n\n- Entman, R. M. (1993). *Framing*.\n",
                                                   encoding="utf-8")
    (base / "docs" / "instructor" / "01_one.md").write_text("# 01 · One: notes\n\nDiscuss.\n", encoding="utf-8")
    (base / "docs" / "instructor" / "README.md").write_text(
        "# Instructor guide\n\nStart with [notebook 01](../../notebooks/01_one.ipynb) and the "
        "[bibliography](../bibliography.md).\n\n## Rubrics\n\n| grade | means |\n|---|---|\n| A | <b>all</b> |\n",
        encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def small_site(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    (out / "exercises").mkdir()
    (out / "09_removed.html").write_text("a page of a notebook that no longer exists")
    (out / "exercises" / "09_removed.ipynb").write_text("{}")
    index = site.build_site(project / "notebooks", out)
    return {"out": out, "index": index, "notebooks": project / "notebooks"}


def test_index_lists_each_notebook_with_its_number_title_time_and_goals(small_site):
    index = small_site["index"].read_text(encoding="utf-8")
    assert '<a href="01_one.html">One &lt;of&gt; two &amp; more</a>' in index
    assert '<a href="02_two.html">Two</a>' in index
    assert "30 min" in index and "45 min" in index and "1 h 15 min" in index
    assert "<li>to read a table of counts</li>" in index and "<li>to trace a number</li>" in index
    assert 'href="exercises/01_one_exercises.html"' in index and 'href="exercises/01_one_exercises.ipynb"' in index
    assert 'href="docs/instructor/index.html">Instructor guide<' in index
    assert 'href="docs/bibliography.html">Bibliography<' in index


def test_every_link_of_the_site_resolves(small_site):
    out = small_site["out"]
    assert broken_links(out) == []
    page = (out / "01_one.html").read_text(encoding="utf-8")
    assert 'href="02_two.html"' in page and 'href="index.html"' in page
    assert 'href="docs/instructor/index.html#rubrics"' in page  # a docs page, with its anchor
    assert 'title="in the course folder: seeds/README.md"' in page  # not on the site: named, not linked
    guide = (out / "docs" / "instructor" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../01_one.html"' in guide and 'href="../bibliography.html"' in guide
    assert '<li><a href="01_one.html">01 · One: notes</a></li>' in guide  # the guide lists its pages
    student_page = (out / "exercises" / "01_one_exercises.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in student_page and 'href="../01_one.html"' in student_page


def test_each_page_is_titled_with_its_notebooks_title(small_site):
    out = small_site["out"]
    assert parsed(out / "01_one.html").title == f"01 · One <of> two & more — {site.SITE_TITLE}"
    assert parsed(out / "exercises" / "02_two_exercises.html").title == f"02 · Two — {site.SITE_TITLE}"
    assert parsed(out / "docs" / "bibliography.html").title == f"Bibliography — {site.SITE_TITLE}"
    assert parsed(out / "index.html").title == site.SITE_TITLE


def nav_links(page: Path) -> list[list[tuple[str, str]]]:
    """The (href, text) of each navigation bar of a page."""
    text = page.read_text(encoding="utf-8")
    return [re.findall(r'<a class="[^"]*" href="([^"]*)">([^<]*)</a>', bar)
            for bar in re.findall(r'<nav class="site-nav[^"]*"[^>]*>(.*?)</nav>', text, re.S)]


def test_every_page_has_previous_next_and_course_map_at_top_and_bottom(small_site):
    out = small_site["out"]
    top, bottom = nav_links(out / "01_one.html")
    assert top == bottom == [("index.html", "Course map"), ("02_two.html", "02 · Two →"),
                             ("exercises/01_one_exercises.html", "Student edition")]
    top, _ = nav_links(out / "02_two.html")
    assert ("01_one.html", "← 01 · One &lt;of&gt; two &amp; more") in top
    top, _ = nav_links(out / "exercises" / "02_two_exercises.html")
    assert top == [("../index.html", "Course map"), ("01_one_exercises.html", "← 01 · One &lt;of&gt; two &amp; more"),
                   ("../02_two.html", "Solved notebook"), ("02_two_exercises.ipynb", "Download .ipynb")]
    top, bottom = nav_links(out / "docs" / "bibliography.html")
    assert ("../index.html", "Course map") in top and ("instructor/index.html", "Instructor guide") in bottom
    # the notebooks' own navigation cells give way to the bar
    assert "../README.md" not in (out / "01_one.html").read_text(encoding="utf-8")


def test_pages_of_removed_notebooks_are_deleted(small_site):
    assert sorted(p.relative_to(small_site["out"]).as_posix() for p in small_site["out"].rglob("*.*")) == [
        "01_one.html", "02_two.html", "docs/bibliography.html", "docs/instructor/01_one.html",
        "docs/instructor/index.html",
        "exercises/01_one_exercises.html", "exercises/01_one_exercises.ipynb", "exercises/02_two_exercises.html", "exercises/02_two_exercises.ipynb",
        "index.html"]


def test_pages_show_stored_outputs_without_running_anything(small_site):
    page = (small_site["out"] / "01_one.html").read_text(encoding="utf-8")
    assert "stored result 42" in page
    assert "Traceback" not in page


def test_the_student_edition_is_published_as_make_student_writes_it(small_site):
    out, notebooks = small_site["out"], small_site["notebooks"]
    page = (out / "exercises" / "02_two_exercises.html").read_text(encoding="utf-8")
    assert "YOUR CODE HERE" in page and "6 * 7" not in page and "solution output" not in page
    for name in ("01_one_exercises.ipynb", "02_two_exercises.ipynb"):
        assert (out / "exercises" / name).read_bytes() == (notebooks / "exercises" / name).read_bytes()


def test_an_edited_exercise_notebook_is_not_published_and_make_html_says_so(project):
    notebooks = project / "notebooks"
    edited = notebooks / "exercises" / "02_two_exercises.ipynb"
    generated = edited.read_text(encoding="utf-8")
    nb = nbformat.reads(generated, as_version=4)
    stub = next(c for c in nb.cells if c.cell_type == "code" and "YOUR CODE HERE" in c.source)
    stub.source = stub.source.replace("answer = ...", "answer = 41  # my answer")
    try:
        nbformat.write(nb, edited)
        editions, warnings = site.student_editions(site.solution_notebooks(notebooks), notebooks / "exercises")
    finally:
        edited.write_text(generated, encoding="utf-8")
    assert editions["02_two_exercises.ipynb"] == generated  # what build_site publishes: the generated edition
    assert len(warnings) == 1
    assert warnings[0].startswith("warning: exercises/02_two_exercises.ipynb was edited since `make student` wrote it")


def test_a_stale_exercise_notebook_gets_a_note_not_a_warning(project, tmp_path):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(project / "notebooks", notebooks)
    solution = nbformat.read(notebooks / "01_one.ipynb", as_version=4)
    solution.cells.append(nbformat.v4.new_markdown_cell("A new paragraph since make student ran."))
    nbformat.write(solution, notebooks / "01_one.ipynb")
    editions, warnings = site.student_editions(site.solution_notebooks(notebooks), notebooks / "exercises")
    assert "A new paragraph since make student ran." in editions["01_one_exercises.ipynb"]
    assert [w.split(":")[0] for w in warnings] == ["note"] and "run `make student`" in warnings[0]


def test_article_text_in_pages_is_escaped(small_site):
    page = (small_site["out"] / "01_one.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Buses first&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page and "<b>Buses first</b>" not in page
    assert "Main Street &amp; Harbor Road" in page
    guide = (small_site["out"] / "docs" / "instructor" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;all&lt;/b&gt;" in guide and "<th>grade</th>" in guide  # a docs table; raw HTML shown as text


def test_no_page_loads_anything_from_the_internet(small_site):
    pages = sorted(small_site["out"].rglob("*.html"))
    assert {p: outside_resources(p) for p in pages} == {p: [] for p in pages}
    assert all("<script src" not in p.read_text(encoding="utf-8") for p in pages)


def test_tex_math_is_reported_and_dollar_amounts_are_not(project):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Costs $5 and $6."), nbformat.v4.new_markdown_cell("`$x$` in code"),
                nbformat.v4.new_markdown_cell("Grade $= 0.39 \\times w$"), nbformat.v4.new_markdown_cell("$$a+b$$")]
    assert site.math_cells(nb) == [3, 4]
    assert site.math_cells(nbformat.read(project / "notebooks" / "02_two.ipynb", as_version=4)) == []


def test_notebook_info_reads_the_first_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 07 · A title · with a dot\n\nText.\n\n**Time:** about 50 minutes")]
    assert site.notebook_info(nb) == {"number": "07", "title": "A title · with a dot", "minutes": 50}
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("**Student edition**: a note before the header"))
    assert site.notebook_info(nb)["title"] == "A title · with a dot"
    nb.cells = [nbformat.v4.new_markdown_cell("No heading here")]
    assert site.notebook_info(nb) == {"number": None, "title": None, "minutes": None}


# --- the course's own notebooks ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def course_site(tmp_path_factory):
    if not site.solution_notebooks():
        pytest.skip("no solution notebooks yet")
    out = tmp_path_factory.mktemp("course_html")
    return site.build_site(site.NOTEBOOKS, out)


@pytest.mark.slow
def test_make_html_renders_the_whole_course(course_site):
    out = course_site.parent
    text = course_site.read_text(encoding="utf-8")
    for source in site.solution_notebooks():
        info = site.notebook_info(nbformat.read(source, as_version=4))
        assert info["title"] and info["minutes"], f"{source.name}: first cell lacks '# NN · Title' or '**Time:** about N minutes'"
        assert f'href="{source.stem}.html"' in text
        assert re.search(rf">{info['minutes']} min<", text)
        page = out / f"{source.stem}.html"
        assert parsed(page).title.startswith(f"{info['number']} · {info['title']} — ")
        assert "<script>alert" not in page.read_text(encoding="utf-8")
        assert (out / "exercises" / f"{source.stem}_exercises.html").is_file()
    assert {p.relative_to(out).as_posix() for p in out.glob("docs/**/*.html")} >= {
        "docs/bibliography.html", "docs/instructor/index.html"}
    assert broken_links(out) == []
    pages = sorted(out.rglob("*.html"))
    assert {p.name: outside_resources(p) for p in pages} == {p.name: [] for p in pages}


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
#: Page sizes the site must be readable at: a phone and a projector.
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "projector": {"width": 1280, "height": 720}}


def open_offline(chromium, out: Path, pages: list[Path], sample: dict[str, list[Path]]) -> dict[str, list]:
    """Open ``sample[size]`` of the site ``out`` in Chromium with the network cut, at each size of VIEWPORTS.

    Returns every request made, the failed ones, those that left the site, and the pages wider than the screen.
    """
    from playwright.sync_api import sync_playwright

    seen = {"requests": [], "failed": [], "outside": [], "overflow": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_FLAGS)
        try:
            for size, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport, offline=True)  # the network is cut
                context.route(lambda url: not url.startswith(("file:", "data:")),
                              lambda route: (seen["outside"].append(route.request.url), route.abort()))
                page = context.new_page()
                page.on("request", lambda request: seen["requests"].append(request.url))
                page.on("requestfailed", lambda request: seen["failed"].append(f"{request.url}: {request.failure}"))
                for path in sample[size]:
                    page.goto(path.as_uri(), wait_until="load")
                    width = page.evaluate("document.documentElement.scrollWidth")
                    if width > viewport["width"]:
                        seen["overflow"].append(f"{path.relative_to(out)} at {size}: {width} px wide")
                    nav = page.locator("nav.site-nav").first.bounding_box()
                    assert nav and nav["x"] >= 0 and nav["x"] + nav["width"] <= viewport["width"] + 1
                context.close()
        finally:
            browser.close()
    return seen


def site_pages(out: Path, index: Path) -> tuple[list[Path], dict[str, list[Path]]]:
    """Every page of a site, and which to open at each size: all on a phone, one of each kind on the projector."""
    notebooks, students, docs = (sorted(out.glob(pattern)) for pattern in
                                 ("[0-9][0-9]_*.html", "exercises/*.html", "docs/**/*.html"))
    pages = [index, *notebooks, *students, *docs]
    return pages, {"phone": pages, "projector": [index, notebooks[0], students[0], docs[0]]}


@pytest.mark.browser
def test_a_small_site_works_offline_in_chromium_at_phone_and_projector_sizes(chromium, small_site):
    pages, sample = site_pages(small_site["out"], small_site["index"])
    seen = open_offline(chromium, small_site["out"], pages, sample)
    assert len(seen["requests"]) >= len(pages) + len(sample["projector"])  # the pages were requested
    assert seen["failed"] == [] and seen["outside"] == [] and seen["overflow"] == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_course_site_works_offline_in_chromium_at_phone_and_projector_sizes(chromium, course_site):
    pages, sample = site_pages(course_site.parent, course_site)
    seen = open_offline(chromium, course_site.parent, pages, sample)
    assert len(seen["requests"]) >= len(pages) + len(sample["projector"])  # the pages were requested
    assert seen["failed"] == [] and seen["outside"] == [] and seen["overflow"] == []
