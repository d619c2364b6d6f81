"""The small tables and examples of notebook 00 ("Notebooks and Python for reading the news").

* :func:`paragraph_overview` -- one row per body paragraph, numbered from 1 as a
  reader counts: its words, its quotations, its first quotation and the length
  of its longest one (missing where a paragraph quotes no one).
* :func:`three_pieces` -- three pieces of the article (words and sentences) to
  tell apart: a tool's "sentence" is not always what a reader calls one.
"""

from __future__ import annotations

import pandas as pd

from .article import WORD, Article, as_article

__all__ = ["paragraph_overview", "three_pieces"]


def paragraph_overview(article: Article) -> pd.DataFrame:
    """One row per body paragraph, its number (from 1) as the index.

    Columns: ``words``; ``quotations`` (how many quotations start in it);
    ``first quotation`` (its text, or NaN: the paragraph quotes no one);
    ``longest quotation (words)`` (or <NA>); ``text`` (the whole paragraph).
    """
    article = as_article(article)
    rows = []
    for index, paragraph in enumerate(article.paragraphs):
        quotes = [q for q in article.quotes if paragraph.start <= q.start < paragraph.end]
        rows.append({
            "words": len(WORD.findall(paragraph)),
            "quotations": len(quotes),
            "first quotation": quotes[0].text if quotes else None,
            "longest quotation (words)": max(len(WORD.findall(q.text)) for q in quotes) if quotes else None,
            "text": str(paragraph),
        })
    table = pd.DataFrame(rows, columns=["words", "quotations", "first quotation", "longest quotation (words)", "text"])
    table["longest quotation (words)"] = table["longest quotation (words)"].astype("Int64")
    table["first quotation"] = table["first quotation"].astype("str").where(table["first quotation"].notna())
    table.index = pd.RangeIndex(1, len(table) + 1, name="paragraph")
    return table


def three_pieces(article: Article) -> list[str]:
    """Three pieces of the body to tell apart: its longest word, its shortest sentence, its first word.

    The shortest sentence is the one with the fewest characters (the first such).
    """
    article = as_article(article)
    words = [str(w) for w in article.words]
    longest_word = max(words, key=len) if words else ""
    shortest_sentence = str(min(article.sentences, key=len)) if article.sentences else ""
    return [longest_word, shortest_sentence, words[0] if words else ""]
