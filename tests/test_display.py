"""helpers.display: tables that fit the screen, and course errors shown as one line in a notebook."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from helpers import load_article, primer, show_table
from helpers.display import TABLE_CSS, Table, course_error_handler, one_line, setup_notebook
from helpers.errors import ArticleNotFoundError, CourseError
from tools.notebooks import KERNELSPEC

ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="module")
def table():
    return primer.paragraph_overview(load_article())


def test_long_text_is_shortened_with_the_whole_text_one_click_away(table):
    markup = show_table(table)._repr_html_()
    lede = str(table.loc[1, "text"])
    assert len(lede) > 70
    assert f"<details><summary>{lede[:60]}" in markup  # the shortened text is the summary...
    assert f"</summary>{lede}</details>" in markup  # ...and the whole text is inside
    assert markup.count("<tr>") == len(table) + 1


def test_numbers_align_right_text_left_and_missing_values_show_as_pandas_shows_them(table):
    markup = show_table(table)._repr_html_()
    assert '<th class="num">words</th>' in markup and '<th class="text">text</th>' in markup
    assert '<td class="num">&lt;NA&gt;</td>' in markup and '<td class="text">NaN</td>' in markup
    assert "<th>paragraph</th>" in markup and "<tr><th>1</th>" in markup  # the index, from 1


def test_the_plain_text_is_the_shortened_table(table):
    text = repr(show_table(table))
    assert all(len(line) < 260 for line in text.splitlines())
    assert "…" in text and str(table.loc[1, "text"]) not in text


def test_the_table_itself_is_unchanged(table):
    shown = show_table(table)
    assert isinstance(shown, Table) and shown.data is table
    with pytest.raises(TypeError, match="DataFrame"):
        show_table([1, 2, 3])


def test_article_text_is_escaped():
    article = load_article(ARTICLES / "city_council.txt")
    markup = show_table(primer.paragraph_overview(article), width=20)._repr_html_()
    assert "<script" not in markup.lower() and "&lt;script&gt;" in markup
    assert "<b>" not in markup


def test_decimals_as_pandas_shows_them():
    markup = show_table(pd.DataFrame({"share": [0.4321, float("nan")]}))._repr_html_()
    assert '<td class="num">0.43</td>' in markup and '<td class="num">NaN</td>' in markup


def test_the_css_wraps_and_left_aligns_tables():
    for rule in ("text-align: left", "white-space: normal", "max-width: 100%", "table.dataframe", "table.course-table"):
        assert rule in TABLE_CSS


def test_setup_outside_a_notebook_changes_only_pandas(capsys):
    setup_notebook()
    assert pd.get_option("display.max_rows") == 200
    assert capsys.readouterr().out == ""


def test_one_line_is_one_line():
    error = ArticleNotFoundError("No article at 'x.txt'.\nCheck the name.")
    assert one_line(error) == "ArticleNotFoundError: No article at 'x.txt'. Check the name."
    assert one_line(CourseError()) == "CourseError"


def test_the_handler_prints_the_line_without_a_kernel(capsys):
    error = ArticleNotFoundError("No article at 'x.txt'")
    assert course_error_handler(object(), type(error), error, None) == ["ArticleNotFoundError: No article at 'x.txt'"]
    assert capsys.readouterr().err == "ArticleNotFoundError: No article at 'x.txt'\n"


@pytest.mark.kernel
def test_in_a_notebook_a_course_error_is_one_line_and_other_errors_keep_their_traceback(tmp_path):
    """Run cells in a real kernel: the course's error shows one line; Python's own errors are untouched."""
    from tools.solutions import execute

    nb = new_notebook(cells=[
        new_code_cell("from helpers import load_article, setup_notebook\nsetup_notebook()"),
        new_code_cell('load_article("no_such_article.txt")', metadata={"tags": ["raises-exception"]}),
        new_code_cell("{}['missing']", metadata={"tags": ["raises-exception"]}),
        new_code_cell("print('still running')"),
    ], metadata={"kernelspec": dict(KERNELSPEC)})
    execute(nb, tmp_path)
    setup, course, python, after = (cell.outputs for cell in nb.cells)
    assert any("<style>" in o.get("data", {}).get("text/html", "") for o in setup)
    assert [o.output_type for o in course] == ["error"]
    assert course[0].ename == "ArticleNotFoundError"
    assert course[0].traceback == [one_line(ArticleNotFoundError(course[0].evalue))]
    assert course[0].traceback[0].startswith("ArticleNotFoundError: No article at 'no_such_article.txt'")
    assert "seeds/" in course[0].traceback[0]  # where it looked
    assert python[0].ename == "KeyError" and len(python[0].traceback) > 1  # a normal report
    assert after[0].text == "still running\n"


def test_a_small_sample_says_how_small():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers import plots

    ax = plots.bar_chart({"women": 2, "men": 4}, title="Speakers by gender", xlabel="gender", ylabel="speakers", n=6)
    assert ax.get_title() == "Speakers by gender (n = 6)"
    ax = plots.histogram([1, 2, 2, 3], title="Lengths", xlabel="words", n=4)
    assert ax.get_title() == "Lengths (n = 4)"
    assert plots.bar_chart({"a": 1}, title="T", xlabel="x", ylabel="y").get_title() == "T"
    plt.close("all")
