"""`make html` (tools/html.py): the solved course as a static website.

First on small notebooks written here (stored outputs that would fail if
re-run, article text with HTML characters), then on the course's own
notebooks: every notebook listed, every link resolves, built in under 60 s.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest

from tools import html as site

ROOT = Path(__file__).resolve().parent.parent
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)


def local_links(page: Path) -> list[str]:
    """The links of a page that point at files of the site (not the web, not anchors in the page)."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return [href for href in parser.links
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


def make_notebook(path: Path, number: str, title: str, minutes: int, *cells) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNEL
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {number} · {title}\n\n**Time:** about {minutes} minutes"), *cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def small_site(tmp_path_factory, city_council_path):
    """Two notebooks (one with a student edition) rendered into a site."""
    from helpers import find_quotes
    from helpers.display import highlight_html

    text = city_council_path.read_text(encoding="utf-8")
    base = tmp_path_factory.mktemp("site")
    notebooks = base / "notebooks"
    stored = nbformat.v4.new_code_cell("raise RuntimeError('this cell must not run again')", execution_count=3)
    stored.outputs = [nbformat.v4.new_output("stream", name="stdout", text="stored result 42\n"),
                      nbformat.v4.new_output("display_data", data={"text/html": highlight_html(text, find_quotes(text)),
                                                                   "text/plain": "<IPython.core.display.HTML object>"})]
    nav = nbformat.v4.new_markdown_cell("[Course map](START_HERE.md) · next: [Two](02_two.ipynb)")
    make_notebook(notebooks / "01_one.ipynb", "01", "One <of> two & more", 30, nav, stored)
    make_notebook(notebooks / "02_two.ipynb", "02", "Two", 45, nbformat.v4.new_code_cell("x = 1"))
    student = nbformat.v4.new_code_cell("# YOUR CODE HERE\nanswer = ...", execution_count=1)
    student.outputs = [nbformat.v4.new_output("stream", name="stdout", text="leftover output\n")]
    student_nav = nbformat.v4.new_markdown_cell("[Course map](../START_HERE.md) · [solved](../01_one.ipynb)")
    make_notebook(notebooks / "exercises" / "01_one_exercises.ipynb", "01", "One <of> two & more", 30, student_nav, student)
    out = base / "html"
    (out / "exercises").mkdir(parents=True)
    (out / "09_removed.html").write_text("a page of a notebook that no longer exists")
    (out / "exercises" / "09_removed.ipynb").write_text("{}")
    index = site.build_site(notebooks, out)
    return {"out": out, "index": index, "notebooks": notebooks}


def test_index_lists_each_notebook_with_its_number_title_and_time(small_site):
    index = small_site["index"].read_text(encoding="utf-8")
    assert '<a href="01_one.html">One &lt;of&gt; two &amp; more</a>' in index
    assert '<a href="02_two.html">Two</a>' in index
    assert "30 min" in index and "45 min" in index and "1 h 15 min" in index
    assert 'href="exercises/01_one_exercises.html"' in index and 'href="exercises/01_one_exercises.ipynb"' in index


def test_every_link_of_the_site_resolves(small_site):
    assert broken_links(small_site["out"]) == []
    page = (small_site["out"] / "01_one.html").read_text(encoding="utf-8")
    assert 'href="02_two.html"' in page and 'href="index.html"' in page  # notebook and course-map links rewritten
    student_page = (small_site["out"] / "exercises" / "01_one_exercises.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in student_page and 'href="../01_one.html"' in student_page


def test_pages_of_removed_notebooks_are_deleted(small_site):
    assert sorted(p.name for p in small_site["out"].rglob("*.*")) == [
        "01_one.html", "01_one_exercises.html", "01_one_exercises.ipynb", "02_two.html", "index.html"]


def test_pages_show_stored_outputs_without_running_anything(small_site):
    page = (small_site["out"] / "01_one.html").read_text(encoding="utf-8")
    assert "stored result 42" in page
    assert "Traceback" not in page


def test_the_student_edition_page_has_no_outputs_and_its_notebook_can_be_downloaded(small_site):
    page = (small_site["out"] / "exercises" / "01_one_exercises.html").read_text(encoding="utf-8")
    assert "YOUR CODE HERE" in page and "leftover output" not in page
    copied = small_site["out"] / "exercises" / "01_one_exercises.ipynb"
    assert copied.read_bytes() == (small_site["notebooks"] / "exercises" / "01_one_exercises.ipynb").read_bytes()


def test_article_text_in_pages_is_escaped(small_site):
    page = (small_site["out"] / "01_one.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Buses first&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page and "<b>Buses first</b>" not in page
    assert "Main Street &amp; Harbor Road" in page


def test_notebook_info_reads_the_first_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 07 · A title · with a dot\n\nText.\n\n**Time:** about 50 minutes")]
    assert site.notebook_info(nb) == {"number": "07", "title": "A title · with a dot", "minutes": 50}
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("**Student edition**: a note before the header"))
    assert site.notebook_info(nb)["title"] == "A title · with a dot"
    nb.cells = [nbformat.v4.new_markdown_cell("No heading here")]
    assert site.notebook_info(nb) == {"number": None, "title": None, "minutes": None}


# --- the course's own notebooks ---------------------------------------------------------------------

def test_make_html_renders_the_whole_course_in_under_60_seconds(tmp_path):
    sources = site.solution_notebooks()
    if not sources:
        pytest.skip("no solution notebooks yet")
    started = time.perf_counter()
    index = site.build_site(site.NOTEBOOKS, tmp_path)
    took = time.perf_counter() - started
    assert took < 60, f"make html took {took:.1f} s"
    text = index.read_text(encoding="utf-8")
    for source in sources:
        info = site.notebook_info(nbformat.read(source, as_version=4))
        assert info["title"] and info["minutes"], f"{source.name}: first cell lacks '# NN · Title' or '**Time:** about N minutes'"
        assert f'href="{source.stem}.html"' in text
        assert re.search(rf">{info['minutes']} min<", text)
        page = (tmp_path / f"{source.stem}.html").read_text(encoding="utf-8")
        assert "<script>alert" not in page
    assert broken_links(tmp_path) == []
