"""Several articles side by side: :func:`analyse_corpus` runs the course's method on each.

For instructors comparing articles (two outlets' reports of the same day, a
week of coverage): one row per article with the numbers the notebooks teach,

* structure: ``words``, ``paragraphs``, ``sentences``;
* quotation: ``quotes`` and ``quote_share`` (the share of the text inside
  quotation marks, see :func:`helpers.quoted_share`);
* sources: ``attributions`` and how many are ``direct`` (a full quoted
  statement), ``partial`` (a quoted fragment) or ``indirect`` (paraphrase),
  and the ``top_sources`` (most often credited first);
* labels: ``contested_uses`` (contested terms of
  ``helpers/data/contested_terms.json`` anywhere) and ``narrator_contested``
  (those in the article's own voice, outside quotation marks), of which
  ``narrator_armenian`` and ``narrator_azerbaijani`` are the words Armenian
  and Azerbaijani sources prefer (the narrator-voice test, both ways);
* what the comparison of notebook 06 needs: ``headline_gap`` (figures the
  headline states in its own voice while the body only attributes them, see
  :func:`helpers.reading.headline_figures`), ``first_voice`` and ``last_voice`` (the first and last source
  credited), ``loaded_verbs`` (attributions with a loaded reporting verb);
* readability of the body: ``fk_grade`` (Flesch-Kincaid) and ``flesch``
  (reading ease);
* ``warnings`` of :func:`helpers.load_article` (HTML markup, unclosed quotes)
  and ``error``: a file that cannot be read as an article gets a row with the
  reason instead of stopping the whole corpus.

Every number comes from the same helpers the notebooks use, so a surprising
value can be checked in the notebook on that article.  Example::

    from helpers.corpus import analyse_corpus
    table = analyse_corpus(["seeds/karabakh_2023-09-19.txt", "my_articles/other.txt"])
    table[["name", "quote_share", "narrator_contested", "fk_grade"]]
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .article import load_article
from .errors import CourseError
from .framing import CONTESTED_TERMS, NARRATOR, label_uses, narrator_uses
from .quotes import quoted_share
from .reading import headline_figures
from .readability import readability_scores
from .sources import find_attributions

__all__ = ["analyse_corpus", "analyse_article", "COLUMNS", "ATTRIBUTION_KINDS", "TOP_SOURCES"]

#: Kinds of attribution counted in their own columns (see helpers.sources).
ATTRIBUTION_KINDS = ["direct", "partial", "indirect"]
#: How many of the most frequent sources ``top_sources`` lists.
TOP_SOURCES = 3
#: The columns of :func:`analyse_corpus`, in order.
COLUMNS = ["name", "words", "paragraphs", "sentences", "quotes", "quote_share", "attributions",
           *ATTRIBUTION_KINDS, "top_sources", "contested_uses", "narrator_contested", "narrator_armenian",
           "narrator_azerbaijani", "headline_gap", "first_voice", "last_voice", "loaded_verbs", "fk_grade", "flesch",
           "warnings", "error"]
_TEXT_COLUMNS = ("name", "quote_share", "top_sources", "first_voice", "last_voice", "fk_grade", "flesch", "error")


def analyse_article(path_or_article) -> dict:
    """One row of :func:`analyse_corpus`: the numbers for one article (a path or an Article)."""
    if isinstance(path_or_article, (str, Path)):
        article = load_article(path_or_article)
    else:
        article = path_or_article
    row = {
        "name": article.name,
        "words": len(article.words),
        "paragraphs": len(article.paragraphs),
        "sentences": len(article.sentences),
        "quotes": sum(1 for q in article.quotes if q.level == 0),
        "quote_share": quoted_share(article),
    }
    attributions = find_attributions(article)
    kinds = Counter(a.kind for a in attributions)
    sources = Counter(a.source or a.speaker for a in attributions)
    row["attributions"] = len(attributions)
    row.update({kind: kinds.get(kind, 0) for kind in ATTRIBUTION_KINDS})
    # most frequent first; ties in order of first appearance
    row["top_sources"] = "; ".join(f"{name} ({n})" for name, n in sources.most_common(TOP_SOURCES))
    uses = label_uses(article, CONTESTED_TERMS, attributions)
    row["contested_uses"] = len(uses)
    row["narrator_contested"] = sum(1 for use in uses if use.voice == NARRATOR)
    own = narrator_uses(article, attributions=attributions)  # the list as the file is now, with each term's side
    row["narrator_armenian"] = sum(u.side == "Armenian sources" for u in own)
    row["narrator_azerbaijani"] = sum(u.side == "Azerbaijani sources" for u in own)
    row["headline_gap"] = int(headline_figures(article)["finding"].str.startswith("stated in the headline").sum())
    row["first_voice"] = attributions[0].source if attributions else ""
    row["last_voice"] = attributions[-1].source if attributions else ""
    row["loaded_verbs"] = sum(a.rating == "loaded" for a in attributions)
    if article.paragraphs:
        with warnings.catch_warnings():  # short texts: the table is for comparing, not for warnings
            warnings.simplefilter("ignore")
            try:
                scores = readability_scores(article)
            except ValueError:  # a body without words
                scores = None
        if scores is not None:
            row["fk_grade"] = scores["flesch_kincaid_grade"]
            row["flesch"] = scores["flesch_reading_ease"]
    row["warnings"] = len(article.warnings)
    return row


def analyse_corpus(paths: Iterable) -> pd.DataFrame:
    """Analyse every article in ``paths``: a DataFrame with one row per article (see :data:`COLUMNS`).

    ``paths`` are files (str or Path), folders (their ``*.txt`` files, in
    name order) or articles already loaded (:class:`~helpers.Article`).  A
    file that cannot be read as an article (missing, empty, not UTF-8,
    binary, too large, a pipe or a device, unreadable) gets a row with its
    ``name`` and the reason in ``error``; the other columns of that row are
    empty.  Nothing is read before it is known to be an ordinary file, so a
    pipe in the folder never makes the table wait.
    """
    rows = []
    for path in _expand(paths):
        try:
            rows.append(analyse_article(path))
        except (CourseError, OSError) as err:  # every article problem is a CourseError; OSError: the unforeseen
            rows.append({"name": getattr(path, "name", None) or Path(path).name, "error": " ".join(str(err).split())})
    table = pd.DataFrame(rows, columns=COLUMNS)
    counts = [c for c in COLUMNS if c not in _TEXT_COLUMNS]
    table[counts] = table[counts].astype("Int64")  # whole numbers, empty (<NA>) on a row with an error
    table.index = range(1, len(table) + 1)
    return table


def _expand(paths: Iterable) -> list:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out = []
    for path in paths:
        if not isinstance(path, (str, Path)):  # an Article
            out.append(path)
            continue
        folder = Path(path)
        out.extend(sorted(folder.glob("*.txt")) if folder.is_dir() else [path])
    return out
