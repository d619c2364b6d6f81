"""The source table: one row per attribution, for reading, counting and a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from ..article import as_article
from ..words import count_words
from ..datafiles import DATA_DIR
from .analysis import find_attributions
from .channels import channel_medium

__all__ = ["source_table", "export_source_table", "seed_sources", "add_sides", "TABLE_COLUMNS"]

#: The columns of :func:`source_table`, in order.
TABLE_COLUMNS = ["paragraph", "speaker", "source", "mention", "title", "verb", "speech act", "stance", "rating",
                 "kind", "channel", "medium", "quote", "quotations", "quoted words", "editorial words", "start",
                 "sentence"]


def source_table(article):
    """One row per attribution: who, how (verb, its speech act, stance and rating, kind, channel), the first
    quotation and the sentence.

    ``quoted words`` counts the words of all the attribution's quotations, except the outlet's
    own words inside them (``editorial words``: an editor's note, words in [brackets]; see
    :func:`helpers.quotes.editorial_insertions`).  Save the
    table for a spreadsheet with ``.to_csv(...)`` or :func:`export_source_table`.
    """
    import pandas as pd

    article = as_article(article)
    rows = []
    for a in find_attributions(article):
        words = sum(count_words(article.text, s, e) for s, e in a.quotes)
        editorial = sum(count_words(article.text, s, e) for s, e in a.editorial)
        rows.append({
            "paragraph": a.paragraph, "speaker": a.speaker, "source": a.source, "mention": a.mention,
            "title": a.title or "", "verb": a.verb, "speech act": a.speech_act, "stance": a.stance,
            "rating": a.rating, "kind": a.kind,
            "channel": a.channel or "", "medium": channel_medium(a.channel), "quote": a.quote or "",
            "quotations": len(a.quotes), "quoted words": words - editorial, "editorial words": editorial,
            "start": a.start, "sentence": a.sentence,
        })
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table.index = range(1, len(table) + 1)
    return table


def export_source_table(article, path) -> Path:
    """Write the source table to ``path`` as CSV (UTF-8 with a byte-order mark, so spreadsheets read it)."""
    from ..files import write_text  # atomic: an error (text that cannot be encoded, ...) leaves the old file whole

    path = Path(path)
    write_text(path, source_table(article).to_csv(index_label="row", lineterminator="\n"), encoding="utf-8-sig",
               newline="\n")
    return path


def seed_sources(path: Path | str = DATA_DIR / "seed_sources.csv"):
    """The course article's sources with their side and type (``helpers/data/seed_sources.csv``).

    For another article, copy the file, write one row per source and pass its path.
    """
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False)[["source", "side", "type", "note"]]


def add_sides(table, sides=None):
    """The source table with ``side`` and ``type`` columns from a sides table ("not classified" if missing)."""
    sides = seed_sources() if sides is None else sides
    side = dict(zip(sides["source"], sides["side"]))
    kind = dict(zip(sides["source"], sides["type"]))
    out = table.copy()
    out["side"] = [side.get(s, "not classified") for s in out["source"]]
    out["type"] = [kind.get(s, "not classified") for s in out["source"]]
    return out
