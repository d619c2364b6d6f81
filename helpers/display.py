"""Showing evidence in a notebook: tables and highlighted text, always escaped.

Article text is data, not markup.  Everything here escapes it before it is
shown as HTML, so an article containing ``<script>`` or ``<b>`` shows those
characters and never runs or renders them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from .text import shorten

__all__ = ["setup_notebook", "highlight", "highlight_html", "evidence_table", "shorten"]

#: Colours for highlighted passages (light tints of the chart palette).
HIGHLIGHT_COLOURS = ["#cce3f0", "#fbe5bf", "#c2e7dc", "#f0d9e7", "#d5ecfa", "#f5d0b8"]


def setup_notebook() -> None:
    """Course settings for a notebook: full-width table cells and the chart house style."""
    from .plots import use_house_style

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.precision", 2)
    use_house_style()


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
