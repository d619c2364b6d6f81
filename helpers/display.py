"""Showing evidence in a notebook: tables, highlighted text and errors a student can read.

Article text is data, not markup.  Everything here escapes it before it is
shown as HTML, so an article containing ``<script>`` or ``<b>`` shows those
characters and never runs or renders them.

* :func:`setup_notebook` -- the course's settings for a notebook: tables that fit
  the screen (text left-aligned and wrapped), the chart style, and errors of the
  course (:class:`~helpers.errors.CourseError`) shown as one line, without a traceback.
* :func:`show_table` -- a table a student reads: long text shortened, the whole
  text one click away, numbers right-aligned.
* :func:`highlight` -- a text with passages highlighted.
* :func:`evidence_table` -- a table from records, rows numbered from 1.
"""

from __future__ import annotations

import html
import math
import sys
from collections.abc import Iterable

import pandas as pd

from .errors import CourseError
from .text import shorten

__all__ = ["setup_notebook", "show_table", "Table", "TABLE_CSS", "one_line", "course_error_handler",
           "highlight", "highlight_html", "evidence_table", "shorten"]

#: Colours for highlighted passages (light tints of the chart palette).
HIGHLIGHT_COLOURS = ["#cce3f0", "#fbe5bf", "#c2e7dc", "#f0d9e7", "#d5ecfa", "#f5d0b8"]

#: How the course's tables look in JupyterLab (and in the classic notebook): text
#: left-aligned and wrapped, no cell wider than a comfortable line, tables no wider
#: than the output area.  :func:`setup_notebook` adds it to the page once.
TABLE_CSS = """
.jp-OutputArea-output table.dataframe, .output_html table.dataframe,
.jp-OutputArea-output table.course-table, .output_html table.course-table {
  table-layout: auto; max-width: 100%; margin-left: 0;
}
.jp-OutputArea-output table.dataframe td, .jp-OutputArea-output table.dataframe th,
.output_html table.dataframe td, .output_html table.dataframe th,
.jp-OutputArea-output table.course-table td, .jp-OutputArea-output table.course-table th,
.output_html table.course-table td, .output_html table.course-table th {
  text-align: left; vertical-align: top; white-space: normal; overflow-wrap: anywhere; max-width: 36em;
}
.jp-OutputArea-output table.course-table td.num, .jp-OutputArea-output table.course-table th.num,
.output_html table.course-table td.num, .output_html table.course-table th.num {
  text-align: right; white-space: nowrap; overflow-wrap: normal;
}
table.course-table td.text { min-width: 12em; }
table.course-table details > summary { cursor: pointer; }
table.course-table details[open] > summary { color: #555; }
"""

#: Text longer than this (in characters) is shortened in :func:`show_table`.
TEXT_WIDTH = 70


def setup_notebook() -> None:
    """The course's settings for a notebook; the set-up cell of every notebook calls it.

    * pandas shows whole cells, up to 200 rows, two decimals;
    * tables fit the screen: text left-aligned and wrapped (:data:`TABLE_CSS`);
    * charts use the house style (:mod:`helpers.plots`);
    * an error of the course (a :class:`~helpers.errors.CourseError`: a file not
      found, a text that is not an article, ...) shows as one line that says what
      was wrong, without a traceback.  Any other error shows as usual.
    """
    from .plots import use_house_style

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.precision", 2)
    use_house_style()
    shell = _shell()
    if shell is not None:
        from IPython.display import HTML, display

        shell.set_custom_exc((CourseError,), course_error_handler)
        display(HTML(f"<style>{TABLE_CSS}</style>"))


def _shell():
    """The running IPython shell (a notebook's kernel), or None outside IPython."""
    module = sys.modules.get("IPython")
    if module is None:
        return None
    try:
        return module.get_ipython()
    except AttributeError:
        return None


# --- errors ------------------------------------------------------------------------------------

def one_line(error: BaseException) -> str:
    """``ArticleNotFoundError: No article at 'x.txt'. ...``: the error's kind and message on one line."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def course_error_handler(shell, etype, value, tb, tb_offset=None):
    """Show a course error as one line (IPython's custom exception handler; see :func:`setup_notebook`).

    The line is the whole report: a student reads what was wrong and where the
    course looked, not the inside of the helpers.  The cell still counts as
    failed, so "Run all" stops there, as it does for any error.
    """
    line = one_line(value)
    show = getattr(shell, "_showtraceback", None)
    if show is not None:
        show(etype, value, [line])
    else:  # not a kernel: print it where an error would go
        print(line, file=sys.stderr)
    return [line]


# --- tables ------------------------------------------------------------------------------------

class Table:
    """A table as a student reads it (made by :func:`show_table`).

    In a notebook it shows as HTML: text left-aligned and wrapped, long text
    shortened with "…" and the whole text one click away (▸), numbers
    right-aligned, missing values as pandas shows them (``NaN``, ``<NA>``).
    As plain text it is the shortened table.  ``data`` is the whole DataFrame.
    """

    def __init__(self, data: pd.DataFrame, width: int = TEXT_WIDTH):
        self.data = data
        self.width = width

    def _short(self, value):
        return shorten(value, self.width) if isinstance(value, str) else value

    def __repr__(self) -> str:
        short = self.data.copy()
        for column in short.columns:
            if not pd.api.types.is_numeric_dtype(short[column]) and not pd.api.types.is_bool_dtype(short[column]):
                short[column] = short[column].map(self._short)
        return short.to_string()

    def _repr_html_(self) -> str:
        data = self.data
        numeric = [pd.api.types.is_numeric_dtype(data[c]) and not pd.api.types.is_bool_dtype(data[c])
                   for c in data.columns]
        index_name = data.index.name if data.index.name is not None else ""
        head = [f"<th>{html.escape(str(index_name))}</th>"]
        head += [f'<th class="{"num" if num else "text"}">{html.escape(str(c))}</th>'
                 for c, num in zip(data.columns, numeric)]
        rows = []
        for label, row in zip(data.index, data.itertuples(index=False, name=None)):
            cells = [f"<th>{html.escape(_format(label))}</th>"]
            for value, num in zip(row, numeric):
                cells.append(f'<td class="{"num" if num else "text"}">{self._cell_html(value)}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return ('<table class="course-table">\n<thead><tr>' + "".join(head) + "</tr></thead>\n<tbody>\n"
                + "\n".join(rows) + "\n</tbody>\n</table>")

    def _cell_html(self, value) -> str:
        text = _format(value)
        if isinstance(value, str) and len(" ".join(value.split())) > self.width:
            return (f"<details><summary>{html.escape(shorten(value, self.width))}</summary>"
                    f"{html.escape(text)}</details>")
        return html.escape(text)


def _format(value) -> str:
    """A cell's text as pandas would show it: ``NaN`` or ``<NA>`` for a missing value, 2 decimals."""
    if value is pd.NA:
        return "<NA>"
    if value is None:
        return "None"
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value:.2f}"
    return str(value)


def show_table(table: pd.DataFrame, width: int = TEXT_WIDTH) -> Table:
    """Show ``table`` so that it fits the screen: text wrapped, long text cut at ``width`` characters.

    A shortened cell ends with "…"; click it (▸) to read the whole text.  The
    DataFrame itself is unchanged (``show_table(t).data is t``), so you can go
    on sorting and selecting ``t``.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"show_table expects a pandas DataFrame, not {type(table).__name__}")
    return Table(table, width)


# --- highlighted text --------------------------------------------------------------------------

def highlight_html(text: str, spans: Iterable, labels: Iterable[str] | None = None) -> str:
    """HTML of ``text`` with the ``spans`` (objects with ``start``/``end``) highlighted.

    Overlapping spans are merged into the first one.  ``labels`` (one per span)
    appear as a tooltip.  All text is escaped.
    """
    spans = list(spans)
    labels = list(labels) if labels is not None else [""] * len(spans)
    order = sorted(range(len(spans)), key=lambda k: (spans[k].start, -spans[k].end))
    pieces, position = [], 0
    colour_of: dict[str, str] = {}
    for k in order:
        span, label = spans[k], labels[k]
        if span.start < position:
            continue
        colour = colour_of.setdefault(label, HIGHLIGHT_COLOURS[len(colour_of) % len(HIGHLIGHT_COLOURS)])
        pieces.append(html.escape(text[position:span.start]))
        title = f' title="{html.escape(str(label), quote=True)}"' if label else ""
        pieces.append(f'<mark style="background:{colour}"{title}>{html.escape(text[span.start:span.end])}</mark>')
        position = span.end
    pieces.append(html.escape(text[position:]))
    body = "".join(pieces).replace("\n", "<br>\n")
    return f'<div style="line-height:1.6; max-width:50em">{body}</div>'


def highlight(text: str, spans: Iterable, labels: Iterable[str] | None = None):
    """Show ``text`` in the notebook with ``spans`` highlighted (see :func:`highlight_html`)."""
    from IPython.display import HTML

    return HTML(highlight_html(text, spans, labels))


def evidence_table(records: Iterable, columns: list[str] | None = None) -> pd.DataFrame:
    """A DataFrame from records (dicts or dataclasses), one row each, numbered from 1.

    pandas escapes cell text when it renders HTML, so article text is safe here.
    """
    rows = [r if isinstance(r, dict) else {k: getattr(r, k) for k in r.__dataclass_fields__} for r in records]
    table = pd.DataFrame(rows, columns=columns)
    table.index = range(1, len(table) + 1)
    return table
