"""One house style for every chart in the course.

* Colours come from the Okabe-Ito palette, which stays distinguishable for
  readers with the common forms of colour blindness.
* Every chart has a title and labelled axes (the functions insist on them).
* A chart of a small sample says how small: ``n=6`` adds "(n = 6)" to its title.
* Charts are a picture of a table: notebooks show the numbers beside them.

Each function draws on a new figure (or on ``ax`` if you give one) and returns
the matplotlib ``Axes`` so you can adjust it.  End the notebook cell with
``plt.show()`` so the figure appears once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib
import matplotlib.pyplot as plt

__all__ = ["PALETTE", "use_house_style", "bar_chart", "stacked_bar_chart", "line_chart", "histogram"]

#: Okabe & Ito (2008), "Color Universal Design": black is left out for bars.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def use_house_style() -> None:
    """Set the course's chart style: palette, sizes, fonts, no clutter."""
    plt.rcParams.update({
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "figure.figsize": (8, 4),
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.alpha": 0.3,
        "svg.hashsalt": "media-analysis-course",
    })


def _title(title: str, n: int | None) -> str:
    """The title, with the size of the sample when it is given: "Speakers by gender (n = 6)"."""
    return title if n is None else f"{title} (n = {n})"


def _require_labels(title, xlabel, ylabel):
    for what, value in (("title", title), ("xlabel", xlabel), ("ylabel", ylabel)):
        if not value or not str(value).strip():
            raise ValueError(f"every course chart needs a {what}: pass {what}='...'")


def _axes(ax):
    if ax is None:
        _, ax = plt.subplots()
    return ax


def bar_chart(values: Mapping, *, title: str, xlabel: str, ylabel: str, horizontal: bool = False,
              color: str | Sequence[str] | None = None, ax=None, annotate: bool = True, n: int | None = None):
    """Bars for a mapping (or pandas Series) of label -> number, in the order given (``n``: the sample size)."""
    _require_labels(title, xlabel, ylabel)
    ax = _axes(ax)
    pairs = list(values.items())  # works for a dict and a pandas Series
    labels = [str(k) for k, _ in pairs]
    numbers = [v for _, v in pairs]
    colors = color or PALETTE[0]
    if horizontal:
        bars = ax.barh(labels, numbers, color=colors)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
    else:
        bars = ax.bar(labels, numbers, color=colors)
        ax.grid(axis="x", visible=False)
        if max((len(label) for label in labels), default=0) > 8:
            ax.tick_params(axis="x", labelrotation=30)
            for tick in ax.get_xticklabels():
                tick.set_horizontalalignment("right")
    if annotate:
        ax.bar_label(bars, fmt=_number_format(numbers), padding=2)
    ax.set(title=_title(title, n), xlabel=xlabel, ylabel=ylabel)
    return ax


def stacked_bar_chart(table, *, title: str, xlabel: str, ylabel: str, horizontal: bool = False, ax=None,
                      n: int | None = None):
    """Stacked bars for a pandas DataFrame: one bar per row, one colour per column (``n``: the sample size)."""
    _require_labels(title, xlabel, ylabel)
    ax = _axes(ax)
    kind = "barh" if horizontal else "bar"
    table.plot(kind=kind, stacked=True, ax=ax, color=PALETTE[: len(table.columns)], rot=0, width=0.8)
    if horizontal:
        ax.invert_yaxis()
    ax.set(title=_title(title, n), xlabel=xlabel, ylabel=ylabel)
    ax.legend(title=table.columns.name, frameon=False, bbox_to_anchor=(1.0, 1.0), loc="upper left")
    return ax


def line_chart(x: Sequence, y: Sequence, *, title: str, xlabel: str, ylabel: str, label: str | None = None,
               marker: str = "o", ax=None, **kwargs):
    """A line with markers (for values along the article, paragraph by paragraph)."""
    _require_labels(title, xlabel, ylabel)
    ax = _axes(ax)
    ax.plot(list(x), list(y), marker=marker, label=label, **kwargs)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if label:
        ax.legend(frameon=False)
    return ax


def histogram(values: Sequence[float], *, title: str, xlabel: str, ylabel: str = "Count", bins=10, ax=None,
              n: int | None = None):
    """A histogram with the course colours and white edges between bins (``n``: the sample size)."""
    _require_labels(title, xlabel, ylabel)
    ax = _axes(ax)
    ax.hist(list(values), bins=bins, color=PALETTE[0], edgecolor="white")
    ax.set(title=_title(title, n), xlabel=xlabel, ylabel=ylabel)
    return ax


def _number_format(numbers) -> str:
    return "%d" if all(float(n).is_integer() for n in numbers) else "%.2f"
