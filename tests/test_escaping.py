"""Article text is data, never markup: everything that shows it as HTML escapes it.

The test article ``tests/articles/city_council.txt`` contains
``<script>alert(1)</script>``, ``<b>Buses first</b>`` and ``&``.  Every place
that turns article text into HTML must show those characters (``&lt;script&gt;``)
and never emit a raw tag from the article.

Besides the explicit tests of :mod:`helpers.display`, a sweep calls every
public function of every helpers module that takes just an article, and
checks the HTML of whatever it returns (pandas tables, ``HTML`` objects,
records shown with ``evidence_table``) -- so a table added to a module later
is checked too.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers import evidence_table, find_quotes, highlight, load_article
from helpers.display import highlight_html

ARTICLE_PATH = Path(__file__).resolve().parent / "articles" / "city_council.txt"
RAW = ["<script>alert(1)</script>", "<b>Buses first</b>"]
ESCAPED = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Buses first&lt;/b&gt;"]
#: Modules with their own tests of HTML (display) or that draw or check rather than show text.
NOT_SWEPT = {"display", "plots", "exercises", "spans"}
#: Functions that are called for what they set or write, not for what they show.
SIDE_EFFECT_PREFIXES = ("load_", "use_", "setup", "write", "save", "export", "set_")


@pytest.fixture(scope="module")
def article():
    return load_article(ARTICLE_PATH)


def assert_safe(markup: str, where: str) -> None:
    """No tag from the article survives in ``markup``; helpers never emit scripts of their own either."""
    for raw in RAW:
        assert raw not in markup, f"{where}: raw {raw!r} from the article"
    assert "<script" not in markup.lower(), f"{where}: a <script> tag in the HTML"
    assert "<b>buses" not in markup.lower(), f"{where}: the article's <b> tag rendered"


def test_the_test_article_really_contains_markup(article):
    assert all(raw in article.text for raw in RAW) and "Main Street & Harbor Road" in article.text
    assert any("HTML markup" in w for w in article.warnings)


def test_highlight_escapes_highlighted_and_plain_text(article):
    quotes = find_quotes(article)
    markup = highlight_html(article.text, quotes, [q.open_mark for q in quotes])
    assert_safe(markup, "highlight_html")
    for escaped in ESCAPED:
        assert escaped in markup
    assert "Main Street &amp; Harbor Road" in markup
    assert highlight(article.text, quotes).data == highlight_html(article.text, quotes)


def test_markup_inside_a_highlighted_span_and_in_a_label_is_escaped():
    text = 'He wrote "<script>alert(1)</script>" & left.'
    quote = find_quotes(text)[0]
    assert quote.text == "<script>alert(1)</script>"
    markup = highlight_html(text, [quote], labels=['<b onmouseover="x">source</b>'])
    assert '<mark style="background:#cce3f0" title="&lt;b onmouseover=&quot;x&quot;&gt;source&lt;/b&gt;">' \
           "&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in markup
    assert_safe(markup, "highlight_html with a label")


def test_evidence_tables_escape_article_text(article):
    sentences = [{"sentence": s, "words": len(s.split())} for s in article.sentences]
    table = evidence_table(sentences)
    with pd.option_context("display.max_colwidth", None):  # as setup_notebook() sets it: whole sentences
        shown = table._repr_html_()
    for markup in (shown, table.to_html()):
        assert_safe(markup, "evidence_table")
        assert any(escaped in markup for escaped in ESCAPED)


def html_of(result) -> list[str]:
    """The HTML a notebook would show for ``result`` (a table, an HTML object, records...)."""
    if hasattr(result, "_repr_html_"):
        markup = result._repr_html_()
        pages = [result.to_html()] if callable(getattr(result, "to_html", None)) and \
            not isinstance(result, (pd.DataFrame, pd.Series)) else []  # a whole page (a report)
        return [m for m in [markup, *pages] if m]
    if isinstance(result, tuple):  # several results, as (table, notes)
        return [m for part in result for m in html_of(part)]
    if isinstance(result, list) and result and not isinstance(result[0], (str, int, float)):
        try:
            return html_of(evidence_table(result))
        except (TypeError, AttributeError, ValueError):
            return []
    if isinstance(result, dict):
        return [m for value in result.values() for m in html_of(value)]
    return []


def article_functions():
    """(module name, function name, function) for every public one-argument function of helpers' modules."""
    found = []
    for info in pkgutil.iter_modules(helpers.__path__):
        if info.name in NOT_SWEPT or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"helpers.{info.name}")
        for name in getattr(module, "__all__", []):
            function = getattr(module, name, None)
            if not inspect.isfunction(function) or name.startswith(SIDE_EFFECT_PREFIXES):
                continue
            params = list(inspect.signature(function).parameters.values())
            required = [p for p in params if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
            if len(required) == 1:
                found.append((info.name, name, function))
    return found


def test_every_table_a_helper_shows_escapes_the_article(article):
    shown, escaped_in = [], set()
    for module, name, function in article_functions():
        with warnings.catch_warnings(), pd.option_context("display.max_colwidth", None):
            warnings.simplefilter("ignore")
            try:
                result = function(article)
            except (TypeError, ValueError, AttributeError, KeyError, OSError):
                continue  # a function for other input (a list of codings, a mapping of texts, a file name...)
            markups = html_of(result)
        for markup in markups:
            assert_safe(markup, f"helpers.{module}.{name}")
            shown.append(f"{module}.{name}")
            if ESCAPED[0] in markup:
                escaped_in.add(f"{module}.{name}")
    # the sweep must really see the course's tables, or it proves nothing
    assert {"reading.sentence_table", "reading.paragraph_table", "reading.quote_table", "sources.source_table",
            "framing.label_table", "readability.sentence_scores"} <= set(shown), shown
    assert "reading.sentence_table" in escaped_in  # the <script> sentence is shown, escaped


def test_pandas_styler_needs_escape_html():
    """Why helpers must not return a bare ``DataFrame.style``: pandas' Styler does not escape by default."""
    frame = pd.DataFrame({"sentence": RAW})
    assert RAW[0] in frame.style._repr_html_()  # the trap
    assert RAW[0] not in frame.style.format(escape="html")._repr_html_()  # the fix
    assert RAW[0] not in frame._repr_html_()  # a plain table is safe
