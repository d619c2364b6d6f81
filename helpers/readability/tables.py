"""The article sentence by sentence, paragraph by paragraph, voice by voice, side by side, word by word.

Every table numbers sentences and paragraphs from 1, as a reader counts
(``article.sentences[k]`` is sentence ``k + 1``), and says in
``DataFrame.attrs["warnings"]`` (and as a :class:`ReadabilityWarning`) where a
formula is not valid for it.  Every function takes ``method="textstat"`` or
``method="original"`` (see :func:`helpers.readability.readability_scores`).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from ..article import word_spans
from ..quotes import find_quotes
from ..spans import Span, split_blocks
from ..text import shorten
from . import original_rules, textstat_rules
from .formulas import MIN_WORDS
from .scores import _score, check_method, compare_scores, text_of, warn

__all__ = ["sentence_scores", "hardest_sentences", "paragraph_scores", "voice_scores", "side_sentences",
           "side_scores", "word_drivers", "sentence_length_distribution", "QUOTED_SENTENCE_SHARE",
           "SENTENCE_WARNING"]

#: A sentence counts as "quoted" when at least this share of its words stands inside quotation marks.
QUOTED_SENTENCE_SHARE = 0.5
#: Why one sentence's grade is not a grade level.
SENTENCE_WARNING = ("per-sentence grades: one sentence is far below the 100-word samples the formulas' authors "
                    "recommend; read a sentence's grade as a ranking (long and polysyllabic), not as a school grade")


def _with_warnings(table, notes: list[str]):
    table.attrs["warnings"] = list(dict.fromkeys(notes))
    warn(table.attrs["warnings"])
    return table


def _sentences_and_quotes(text_or_article):
    """(sentences as Spans with paragraph numbers, level-0 quotes) of an Article's body or of a string."""
    if hasattr(text_or_article, "sentences"):
        return list(text_or_article.sentences), [q for q in text_or_article.quotes if q.level == 0]
    text = text_of(text_or_article)
    return original_rules.text_sentences(text), [q for q in find_quotes(text) if q.level == 0]


def _quoted_share(sentence: Span, quote_starts: list[int], quote_ends: list[int]) -> float:
    """Share of the sentence's words that stand inside quotation marks (as :func:`helpers.quoted_share` counts)."""
    words = word_spans(sentence, offset=sentence.start)
    if not words:
        return 0.0
    inside = 0
    for word in words:
        k = bisect.bisect_right(quote_starts, word.start) - 1
        inside += k >= 0 and word.start < quote_ends[k]
    return inside / len(words)


def _sentence_counts(sentence: str, method: str) -> tuple[int, int, int, int]:
    """(words, syllables, polysyllabic words, difficult words) of one sentence."""
    if method == "textstat":
        words = textstat_rules.words(textstat_rules.normalise_apostrophes(sentence))
        per_word = [textstat_rules.syllables(w) for w in words]
        return (len(words), sum(per_word), sum(1 for n in per_word if n >= 3),
                sum(1 for w in words if textstat_rules.is_difficult(w, 0)))
    raise AssertionError("original counts come from the analysis")  # pragma: no cover


def sentence_scores(text_or_article, method: str = "textstat"):
    """One row per sentence (``article.sentences``, same order), with its counts and grade.

    Columns: ``sentence`` and ``paragraph`` (numbered from 1), ``text``,
    ``words``, ``syllables``, ``syllables_per_word``, ``polysyllabic_words``,
    ``difficult_words``, ``grade`` (Flesch-Kincaid for this one sentence, so
    words/sentences is simply its length; empty for a sentence without words),
    ``quoted_share`` (share of its words inside quotation marks, counted like
    :func:`helpers.quoted_share` but with the article's quotations, so a
    quotation that runs over two sentences counts in both) and ``voice``
    ("quoted" when that share is at least one half, else "narrator").
    The table's index is the sentence number.

    One sentence is far too short for a reliable score: read ``grade`` as "how
    long and how polysyllabic is this sentence", to find the hard ones
    (``attrs["warnings"]`` says so, and a :class:`ReadabilityWarning`).
    """
    import pandas as pd

    check_method(method)
    sentences, quotes = _sentences_and_quotes(text_or_article)
    quotes = sorted(quotes, key=lambda q: q.start)
    starts, ends = [q.start for q in quotes], [q.end for q in quotes]
    original = {}
    if method == "original":
        analysis = original_rules.analyse(text_or_article)
        for word in analysis.words:
            key = analysis.sentences[word.sentence].start
            n, syl, poly, diff = original.get(key, (0, 0, 0, 0))
            original[key] = (n + 1, syl + word.syllables, poly + (word.syllables >= 3), diff + word.difficult)
    rows = []
    for k, sentence in enumerate(sentences):
        if method == "original":
            n, syllables, polysyllabic, difficult = original.get(sentence.start, (0, 0, 0, 0))
        else:
            n, syllables, polysyllabic, difficult = _sentence_counts(sentence, method)
        share = _quoted_share(sentence, starts, ends)
        rows.append({
            "sentence": k + 1,
            "paragraph": sentence.paragraph + 1 if sentence.paragraph is not None else None,
            "text": str(sentence),
            "words": n,
            "syllables": syllables,
            "syllables_per_word": syllables / n if n else float("nan"),
            "polysyllabic_words": polysyllabic,
            "difficult_words": difficult,
            "grade": (0.39 * n + 11.8 * syllables / n - 15.59) if n else float("nan"),
            "quoted_share": share,
            "voice": "quoted" if share >= QUOTED_SENTENCE_SHARE else "narrator",
        })
    columns = ["sentence", "paragraph", "text", "words", "syllables", "syllables_per_word", "polysyllabic_words",
               "difficult_words", "grade", "quoted_share", "voice"]
    table = pd.DataFrame(rows, columns=columns, index=range(1, len(rows) + 1))
    return _with_warnings(table, [SENTENCE_WARNING] if rows else [])


def hardest_sentences(text_or_article, n: int = 5, min_words: int = 10, method: str = "textstat"):
    """The ``n`` sentences with the highest grade (rows of :func:`sentence_scores`, hardest first).

    Sentences under ``min_words`` words are left out: on a handful of words the
    syllable term swamps the formula, and a one-word fragment such as
    "Azerbaijan." (4 syllables) would come out at grade 32.
    """
    table = sentence_scores(text_or_article, method=method)
    notes = table.attrs["warnings"]
    table = table[table["words"] >= min_words]
    table = table.sort_values(["grade", "words"], ascending=False, kind="stable").head(n)
    table.attrs["warnings"] = notes
    return table


def paragraph_scores(text_or_article, method: str = "textstat"):
    """One row per body paragraph (numbered from 1): its counts and scores (each paragraph scored as a text).

    Columns: ``paragraph``, ``opening`` (the paragraph's first words), ``words``,
    ``sentences``, ``syllables_per_word``, ``flesch_reading_ease``,
    ``flesch_kincaid_grade`` and ``warnings`` (a paragraph is always short:
    compare paragraphs with one another, not with the norms).  A paragraph
    without words gets empty scores and says so.
    """
    import pandas as pd

    check_method(method)
    if hasattr(text_or_article, "paragraphs"):
        paragraphs = list(text_or_article.paragraphs)
    else:
        paragraphs = split_blocks(text_of(text_or_article))
    rows, notes = [], []
    for k, paragraph in enumerate(paragraphs):
        row = {"paragraph": k + 1, "opening": shorten(paragraph, 60)}
        try:
            result = _score(paragraph, method)
        except ValueError as error:
            rows.append({**row, "words": 0, "sentences": 0, "syllables_per_word": float("nan"),
                         "flesch_reading_ease": float("nan"), "flesch_kincaid_grade": float("nan"),
                         "warnings": str(error)})
            continue
        rows.append({**row, "words": result["words"], "sentences": result["sentences"],
                     "syllables_per_word": result["syllables"] / result["words"],
                     "flesch_reading_ease": result["flesch_reading_ease"],
                     "flesch_kincaid_grade": result["flesch_kincaid_grade"],
                     "warnings": "; ".join(result["warnings"])})
        if result["words"] < MIN_WORDS:
            notes.append(f"paragraph scores: every paragraph under {MIN_WORDS} words is too short for a stable "
                         "score; compare paragraphs with one another, not with the norms")
    columns = ["paragraph", "opening", "words", "sentences", "syllables_per_word", "flesch_reading_ease",
               "flesch_kincaid_grade", "warnings"]
    table = pd.DataFrame(rows, columns=columns, index=range(1, len(rows) + 1))
    return _with_warnings(table, notes)


def voice_scores(text_or_article, method: str = "textstat"):
    """Scores of the narrator's sentences and of the quoted sentences, side by side.

    Each sentence goes to one voice (see ``voice`` in :func:`sentence_scores`);
    the sentences of a voice are joined and scored as one text with
    :func:`compare_scores`.  Rows: "narrator" and "quoted" (a voice without
    words is left out).
    """
    import warnings as _warnings

    from ..errors import ReadabilityWarning

    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", ReadabilityWarning)  # the per-sentence warning is not about this table
        table = sentence_scores(text_or_article, method=method)
    table = table[table["words"] > 0]
    texts = {voice: " ".join(table.loc[table["voice"] == voice, "text"]) for voice in ("narrator", "quoted")}
    return compare_scores({voice: text for voice, text in texts.items() if text.strip()}, method=method)


def side_sentences(text_or_article, side_of: Mapping[str, str] | None = None, attributions=None):
    """The sentences that carry each side's statements.

    ``attributions`` are the article's attributions (records with ``source``,
    ``start``, ``end`` and ``quotes``, as :func:`helpers.find_attributions`
    returns them, which is called when they are not given).  A sentence belongs
    to an attribution when it holds the words naming the source or one of the
    attribution's quotations (a quotation over two sentences brings both).
    ``side_of`` maps a source to its side; a source missing from it is "not
    classified", and without ``side_of`` every source is a side of its own.

    One row per (side, sentence), in reading order within each side, sides in
    the order they first speak: ``side``, ``sentence`` (numbered from 1),
    ``sources`` (who speaks in it, for that side) and ``text``.  A sentence
    quoting two sides appears once for each.  The time taken grows with the
    length of the text, not with its square.
    """
    import pandas as pd

    from ..article import load_article

    article = text_or_article if hasattr(text_or_article, "sentences") else load_article(text=text_or_article)
    if attributions is None:
        from ..sources import find_attributions  # imported when needed: readability does not depend on sources

        attributions = find_attributions(article)
    sentences = article.sentences
    starts = [s.start for s in sentences]
    found: dict[tuple[str, int], list[str]] = {}
    for attribution in attributions:
        source = _field(attribution, "source")
        side = source if side_of is None else side_of.get(source, "not classified")
        spans = [(_field(attribution, "start"), _field(attribution, "end")), *(_field(attribution, "quotes") or [])]
        for start, end in spans:
            k = max(bisect.bisect_right(starts, start) - 1, 0)
            while k < len(sentences) and sentences[k].start < end:
                if sentences[k].end > start:
                    sources = found.setdefault((side, k), [])
                    if source not in sources:
                        sources.append(source)
                k += 1
    first: dict[str, int] = {}
    for side, k in found:
        first[side] = min(first.get(side, k), k)
    ordered = sorted(found, key=lambda key: (first[key[0]], key[1]))
    rows = [{"side": side, "sentence": k + 1, "sources": ", ".join(found[(side, k)]), "text": str(sentences[k])}
            for side, k in ordered]
    return pd.DataFrame(rows, columns=["side", "sentence", "sources", "text"])


def _field(record, name):
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)


def side_scores(text_or_article, side_of: Mapping[str, str] | None = None, attributions=None,
                method: str = "textstat"):
    """Scores of each side's sentences (see :func:`side_sentences`), joined and scored with :func:`compare_scores`.

    One row per side, in the order the sides first speak.  Every side's sample is
    small: read the ``words`` and ``warnings`` columns before comparing.
    """
    table = side_sentences(text_or_article, side_of, attributions)
    texts: dict[str, list[str]] = {}
    for side, text in zip(table["side"], table["text"]):
        texts.setdefault(side, []).append(text)
    joined = {side: " ".join(parts) for side, parts in texts.items()}
    return compare_scores({side: text for side, text in joined.items() if _has_words(text)}, method=method)


def _has_words(text: str) -> bool:
    return bool(textstat_rules.words(text))


def sentence_length_distribution(text_or_article, width: int = 10, method: str = "textstat"):
    """How many sentences are 1-10, 11-20, 21-30, ... words long (``width`` words per band).

    Columns: ``length`` (the band), ``sentences``, ``share`` (of all sentences)
    and ``example`` (the band's first sentence, shortened).  Every band from the
    first to the longest sentence's is listed, empty ones included.
    """
    import pandas as pd
    import warnings as _warnings

    from ..errors import ReadabilityWarning

    if width < 1:
        raise ValueError("width must be at least 1 word")
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore", ReadabilityWarning)  # lengths are counts, not grades
        table = sentence_scores(text_or_article, method=method)
    longest = int(table["words"].max()) if len(table) else 0
    rows = []
    for low in range(1, longest + 1, width):
        high = low + width - 1
        band = table[(table["words"] >= low) & (table["words"] <= high)]
        rows.append({"length": f"{low}–{high} words", "sentences": len(band),
                     "share": len(band) / len(table),
                     "example": shorten(band["text"].iloc[0], 80) if len(band) else ""})
    return pd.DataFrame(rows, columns=["length", "sentences", "share", "example"]).set_index("length")


# --- words ----------------------------------------------------------------------------------------


def word_drivers(text_or_article, method: str = "textstat"):
    """The words behind the scores: one row per distinct word.

    Columns:

    * ``word``, ``count`` (occurrences), ``syllables`` (each);
    * ``polysyllabic`` -- 3 syllables or more (drives SMOG, Fog, Flesch);
    * ``hard``         -- a hard word of Gunning Fog (textstat: polysyllabic and not on the
      Dale-Chall list; original: Gunning's rules, see :mod:`~helpers.readability.original_rules`);
    * ``difficult``    -- unfamiliar for Dale-Chall (textstat: not on the list; original:
      not on the list, not an inflection of a listed word, not a name, not a figure);
    * ``name``         -- a name of a person, place or group: capitalised somewhere other
      than at the start of a sentence, and not a title, institution, month, day or
      platform (``helpers/data/readability_not_names.json``).  Names are a known
      distortion: "Stepanakert" or "Pashinian" count as long words although a
      news reader takes them in as one unit;
    * ``in_dictionary`` -- syllables from the CMU dictionary (False: guessed, by
      hyphenation patterns for textstat, by rules for the original method);
    * ``example``      -- the first sentence it appears in, shortened.

    Words are textstat's (punctuation removed: "ex-Twitter" is "exTwitter") or,
    for the original method, the course's ("ex-Twitter").  Sorted by syllables,
    then count (the biggest drivers first).  Summing ``count`` gives the
    ``words`` of :func:`readability_scores` with the same method, and
    ``count × syllables`` its ``syllables``.
    """
    import pandas as pd

    check_method(method)
    skip = original_rules.not_names()
    found: dict[str, dict] = {}
    guessed = 0
    if method == "original":
        analysis = original_rules.analyse(text_or_article)
        for word in analysis.words:
            row = found.get(word.text)
            if row is None:
                row = found[word.text] = {
                    "word": word.text, "count": 0, "syllables": word.syllables,
                    "polysyllabic": word.syllables >= 3, "hard": word.hard, "difficult": word.difficult,
                    "name": False, "in_dictionary": word.source != "rules",
                    "example": shorten(analysis.sentences[word.sentence], 80)}
            row["count"] += 1
            row["name"] |= word.name
            row["hard"] |= word.hard
            row["difficult"] |= word.difficult
    else:
        sentences, _ = _sentences_and_quotes(text_or_article)
        for sentence in sentences:
            for position, word in enumerate(textstat_rules.words(textstat_rules.normalise_apostrophes(sentence))):
                row = found.get(word)
                if row is None:
                    syllables = textstat_rules.syllables(word)
                    row = found[word] = {
                        "word": word, "count": 0, "syllables": syllables, "polysyllabic": syllables >= 3,
                        "hard": textstat_rules.is_difficult(word, 3), "difficult": textstat_rules.is_difficult(word, 0),
                        "name": False, "in_dictionary": textstat_rules.in_dictionary(word),
                        "example": shorten(sentence, 80)}
                row["count"] += 1
                if position > 0 and word[:1].isupper() and word.lower() not in skip and \
                        word.lower().removesuffix("'s") not in skip and word != "I":
                    row["name"] = True
    columns = ["word", "count", "syllables", "polysyllabic", "hard", "difficult", "name", "in_dictionary", "example"]
    table = pd.DataFrame(list(found.values()), columns=columns)
    table = table.sort_values(["syllables", "count", "word"], ascending=[False, False, True], kind="stable")
    table = table.reset_index(drop=True)
    guessed = int(table.loc[~table["in_dictionary"].astype(bool), "count"].sum()) if len(table) else 0
    notes = []
    total = int(table["count"].sum()) if len(table) else 0
    if guessed:
        how = "hyphenation patterns (pyphen)" if method == "textstat" else "the course's rules"
        notes.append(f"word drivers: {guessed} of {total} words are not in the CMU dictionary; their syllables "
                     f"are guessed by {how}")
    if total < MIN_WORDS:
        notes.append(f"word drivers: {total} words, too few for the scores these words drive")
    return _with_warnings(table, notes)
