"""Whole-text scores, two ways, and why they differ.

* :func:`readability_scores` -- the seven scores and the counts behind them,
  ``method="textstat"`` (textstat's values) or ``method="original"`` (as published);
* :func:`compare_scores` -- several texts side by side;
* :func:`compare_methods` -- both methods side by side, each difference taken apart into its causes;
* :func:`count_differences` -- the words and sentences the two methods count differently, as evidence.

Every function says where a formula is not valid: in its result (a
``warnings`` list, column or ``DataFrame.attrs["warnings"]``) and as a
:class:`~helpers.errors.ReadabilityWarning`.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Mapping

from ..errors import ReadabilityError, ReadabilityWarning
from ..text import shorten
from . import original_rules, textstat_rules
from .formulas import (
    FORMULAS, MIN_SENTENCES_SMOG, MIN_WORDS, SCORE_LABELS, SCORE_NAMES, formula_inputs, score_inputs,
    score_original, score_textstat,
)

__all__ = ["readability_scores", "compare_scores", "compare_methods", "count_differences", "formula_table",
           "METHODS", "COUNT_NAMES", "CAUSES", "warn", "text_of", "check_method"]

#: The two ways of counting: textstat's, and each formula's author's.
METHODS = ("textstat", "original")
#: The counts every result carries, in the order the tables show them.
COUNT_NAMES = ["sentences", "words", "syllables", "polysyllabic_words", "complex_words", "difficult_words",
               "letters", "characters", "tokens"]
#: The causes a difference between the methods is put down to, in the order they are switched.
CAUSES = {
    "sentences": ("sentences",),
    "words": ("words", "tokens"),
    "syllables": ("syllables", "polysyllables"),
    "hard words": ("hard_words", "difficult_words"),
    "letters": ("letters", "characters"),
    "coefficient": ("coleman_liau", "dale_chall_constant"),
    "SMOG sample": ("polysyllables", "smog_sentences"),
}


def check_method(method: str) -> str:
    """``method`` if it is "textstat" or "original"; otherwise a clear ValueError."""
    if method not in METHODS:
        raise ValueError(f"method must be 'textstat' or 'original', not {method!r}")
    return method


def text_of(text_or_article) -> str:
    """The text to score: an Article's body paragraphs, or the string itself."""
    if hasattr(text_or_article, "paragraphs"):
        return text_or_article.body
    if not isinstance(text_or_article, str):
        raise TypeError(f"expected a string or an Article, not {type(text_or_article).__name__}")
    return text_or_article


def warn(notes, where: str = "") -> None:
    """Raise each note as a :class:`ReadabilityWarning` (``where`` says which text it is about)."""
    for note in notes:
        warnings.warn(f"{where}: {note}" if where else note, ReadabilityWarning, stacklevel=3)


def validity_notes(counts: dict, text: str, method: str) -> list[str]:
    """Where the formulas are not valid for these counts, in words (empty when they all are)."""
    notes = []
    if counts["words"] < MIN_WORDS:
        notes.append(f"short text: {counts['words']} words (the formulas' authors recommend samples of at least "
                     f"{MIN_WORDS} words)")
    if counts["sentences"] < MIN_SENTENCES_SMOG:
        notes.append(f"SMOG needs {MIN_SENTENCES_SMOG} sentences; this text has {counts['sentences']}"
                     + (" (scaled up to 30 from them)" if method == "original" else ""))
    if not re.search(r"[.!?]", text):
        notes.append("no sentence punctuation (. ! ?): the whole text counts as one sentence")
    return notes


@functools.lru_cache(maxsize=64)
def _textstat_result(text: str) -> dict:
    counts = textstat_rules.counts(text)
    if counts["words"] == 0:
        raise ReadabilityError(f"the text has no words, only punctuation or symbols: {shorten(text, 40)!r}")
    return {**score_textstat(counts), **counts}


def _score(text_or_article, method: str) -> dict:
    """Scores, counts and warning strings, without Python warnings."""
    check_method(method)
    text = text_of(text_or_article)
    if not text or text.isspace():
        raise ReadabilityError("the text is empty: there is nothing to score")
    if method == "textstat":
        result = dict(_textstat_result(textstat_rules.normalise_apostrophes(text)))
    else:
        analysis = original_rules.analyse(text_or_article)
        counts = analysis.counts()
        if counts["words"] == 0:
            raise ReadabilityError(f"the text has no words, only punctuation or symbols: {shorten(text, 40)!r}")
        result = {**score_original(counts), **counts}
    result["method"] = method
    result["warnings"] = validity_notes(result, text, method)
    return result


def readability_scores(text_or_article, method: str = "textstat") -> dict:
    """The seven classic readability scores of a text, with the counts behind them.

    ``text_or_article`` is a string or an :class:`~helpers.Article` (then its
    body paragraphs are scored; the headline, subheadings and boilerplate are left out).

    ``method="textstat"`` (the default) gives textstat's values, exactly (after
    ’ is replaced by '); ``method="original"`` counts as each formula's author
    defined it (:mod:`helpers.readability.original_rules`): the course's
    sentences, syllables as said, Gunning's and Dale-Chall's word rules, the
    published Coleman-Liau coefficient, SMOG on McLaughlin's 30-sentence sample.
    :func:`compare_methods` shows both side by side.

    Returns a dict with

    * the scores: ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
      ``smog_index``, ``coleman_liau_index``, ``automated_readability_index``,
      ``dale_chall_readability_score`` (formulas in :data:`FORMULAS`);
    * the counts: ``sentences``, ``words``, ``syllables``, ``polysyllabic_words``
      (3 syllables or more: SMOG), ``complex_words`` (Gunning Fog's hard words),
      ``difficult_words`` (Dale-Chall's unfamiliar words, repeats included),
      ``letters``, ``characters`` and ``tokens`` (ARI), and for "original"
      ``smog_sentences`` and ``smog_polysyllabic_words`` (McLaughlin's sample);
    * ``method`` and ``warnings``: a list of strings, empty when every formula is valid.

    A text shorter than :data:`MIN_WORDS` words or :data:`MIN_SENTENCES_SMOG`
    sentences, or without sentence punctuation, also raises a
    :class:`ReadabilityWarning`.  An empty text, or one without words, raises
    :class:`~helpers.errors.ReadabilityError` (a ValueError).
    """
    result = _score(text_or_article, method)
    warn(result["warnings"])
    return result


def compare_scores(texts: Mapping, method: str = "textstat"):
    """Score several texts side by side: one row per label in ``texts`` (label -> string or Article).

    Columns: ``words``, ``sentences``, the seven scores and ``warnings`` (the
    warnings joined by "; ", empty when there are none).  Each warning is also
    raised as a :class:`ReadabilityWarning`, starting with its text's label.
    """
    import pandas as pd

    rows = {}
    for label, text in texts.items():
        result = _score(text, method)
        rows[label] = {"words": result["words"], "sentences": result["sentences"],
                       **{name: result[name] for name in SCORE_NAMES}, "warnings": "; ".join(result["warnings"])}
        warn(result["warnings"], str(label))
    columns = ["words", "sentences", *SCORE_NAMES, "warnings"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns) if rows else pd.DataFrame(columns=columns)


def formula_table(columns=("formula", "fitted on")):
    """:data:`FORMULAS` as a table, one row per score (by its readable name), with the ``columns`` asked for.

    Columns available: formula (as published), textstat (what textstat does
    differently), scale, origin, fitted on.
    """
    import pandas as pd

    table = pd.DataFrame.from_dict(FORMULAS, orient="index")
    table.index = [SCORE_LABELS[name] for name in table.index]
    return table[list(columns)]


# --- why the two methods differ -----------------------------------------------------------------


def _causes(textstat_counts: dict, original_counts: dict, textstat_scores: dict, original_scores: dict):
    """For every score: the change each cause makes, switched one at a time from textstat's to the original."""
    start = formula_inputs(textstat_counts, "textstat")
    end = formula_inputs(original_counts, "original")
    whole_text = dict(end, polysyllables=original_counts["polysyllabic_words"],
                      smog_sentences=original_counts["sentences"])
    state = dict(start)
    previous = score_inputs(state)
    steps = {name: {} for name in SCORE_NAMES}
    for cause, keys in CAUSES.items():
        source = end if cause == "SMOG sample" else whole_text
        for key in keys:
            state[key] = source[key]
        if cause == "sentences":
            state["smog_sentences"] = original_counts["sentences"]
        current = score_inputs(state)
        for name in SCORE_NAMES:
            steps[name][cause] = current[name] - previous[name]
        previous = current
    for name in SCORE_NAMES:  # what the steps do not explain (textstat's 0.0 for a degenerate text)
        explained = sum(steps[name].values())
        rest = (original_scores[name] - textstat_scores[name]) - explained
        if abs(rest) > 1e-9:
            steps[name]["other"] = rest
    return steps


def compare_methods(text_or_article):
    """The seven scores by both methods, side by side, with the cause of every difference.

    One row per score (readable names).  Columns: ``textstat``, ``original``,
    ``difference`` (original − textstat) and ``causes``: the change each cause
    makes when it is switched from textstat's counting to the original one, in
    the order sentences, words, syllables, hard words, letters, coefficient,
    SMOG sample (largest first in the text; changes under 0.005 left out).
    The causes add up to the difference.

    ``attrs["warnings"]`` lists where the formulas are not valid for this text
    (also raised as :class:`ReadabilityWarning`); ``attrs["steps"]`` holds every
    change as numbers.
    """
    import pandas as pd

    ours = _score(text_or_article, "original")
    theirs = _score(text_or_article, "textstat")
    steps = _causes(theirs, ours, theirs, ours)
    rows = []
    for name in SCORE_NAMES:
        parts = sorted(((cause, change) for cause, change in steps[name].items() if abs(change) >= 0.005),
                       key=lambda item: -abs(item[1]))
        rows.append({"textstat": theirs[name], "original": ours[name], "difference": ours[name] - theirs[name],
                     "causes": "; ".join(f"{cause} {change:+.2f}" for cause, change in parts) or "none"})
    table = pd.DataFrame(rows, index=[SCORE_LABELS[name] for name in SCORE_NAMES])
    notes = list(dict.fromkeys(theirs["warnings"] + ours["warnings"]))
    table.attrs["warnings"] = notes
    table.attrs["steps"] = {SCORE_LABELS[name]: steps[name] for name in SCORE_NAMES}
    warn(notes)
    return table


def _examples(items, n: int = 4) -> str:
    items = list(dict.fromkeys(items))
    shown = ", ".join(items[:n])
    return shown + (f" (+{len(items) - n} more)" if len(items) > n else "")


def count_differences(text_or_article, examples: int = 4):
    """The counts of both methods side by side, each with examples of what is counted differently.

    One row per count: sentences, words, syllables, hard words (Gunning Fog),
    unfamiliar words (Dale-Chall), polysyllables (SMOG), letters (Coleman-Liau),
    characters (ARI).  Columns: ``textstat``, ``original`` and ``examples``:
    the words or sentences behind the difference (at most ``examples`` of each kind).
    """
    import pandas as pd

    theirs = _score(text_or_article, "textstat")
    ours = _score(text_or_article, "original")
    analysis = original_rules.analyse(text_or_article)
    syllables, hard_not, hard_only, unfamiliar_not = [], [], [], []
    for word in analysis.words:
        plain = textstat_rules.normalise_apostrophes(word.text)
        their_words = textstat_rules.words(plain)
        if not their_words:
            continue
        their_syllables = sum(textstat_rules.syllables(w) for w in their_words)
        if their_syllables != word.syllables:
            syllables.append(f"{word.text} {their_syllables}→{word.syllables}")
        their_hard = any(textstat_rules.is_difficult(w, 3) for w in their_words)
        if their_hard and not word.hard:
            hard_not.append(f"{word.text} ({word.hard_reason or 'under 3 syllables'})")
        elif word.hard and not their_hard:
            hard_only.append(f"{word.text} (on the Dale-Chall list, but {word.syllables} syllables)")
        their_difficult = any(textstat_rules.is_difficult(w, 0) for w in their_words)
        if their_difficult and not word.difficult:
            unfamiliar_not.append(f"{word.text} ({word.familiar_reason})")
    text = textstat_rules.normalise_apostrophes(text_of(text_or_article))
    dropped = [piece.strip() for piece, counted in textstat_rules.sentence_pieces(text) if not counted]
    split = [str(s) for s in analysis.sentences if textstat_rules.sentence_count(
        textstat_rules.normalise_apostrophes(str(s))) > 1]
    sentence_notes = []
    if dropped:
        sentence_notes.append("textstat drops pieces of 2 words or fewer: " + _examples(
            [f"“{shorten(p, 30)}”" for p in dropped], examples))
    if split:
        sentence_notes.append("textstat cuts at every full stop: " + _examples(
            [f"“{shorten(s, 50)}”" for s in split], examples))
    rows = [
        ("sentences", "sentences", "; ".join(sentence_notes)),
        ("words", "words", "hyphenated words, figures and initials are one word in both"),
        ("syllables", "syllables", _examples(syllables, examples)),
        ("hard words (Gunning Fog)", "complex_words", "not hard for Gunning: " + _examples(hard_not, examples)
         + ("; hard only for Gunning: " + _examples(hard_only, examples) if hard_only else "")),
        ("unfamiliar words (Dale-Chall)", "difficult_words",
         "familiar for Dale and Chall: " + _examples(unfamiliar_not, examples)),
        ("polysyllables (SMOG)", "polysyllabic_words",
         f"original: {ours['smog_polysyllabic_words']} in McLaughlin's sample of {ours['smog_sentences']} "
         f"sentences" if ours["smog_sentences"] != ours["sentences"] else "original: every sentence "
         "(fewer than 30)"),
        ("letters (Coleman-Liau)", "letters", "both: letters and digits"),
        ("characters (ARI)", "characters", "textstat also counts punctuation; original: letters and digits"),
    ]
    table = pd.DataFrame([{"count": label, "textstat": theirs[key], "original": ours[key], "examples": note}
                          for label, key, note in rows]).set_index("count")
    table.attrs["warnings"] = list(dict.fromkeys(theirs["warnings"] + ours["warnings"]))
    warn(table.attrs["warnings"])
    return table
