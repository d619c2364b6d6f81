"""Checks for notebook 05 · Readability.

Every check recomputes the answer with :mod:`helpers.readability` on the
article being studied, so it stays right on any article.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Collection

from ..article import WORD
from ..quotes import find_quotes
from ..readability import (
    ReadabilityWarning, compare_scores, paragraph_scores, readability_scores, sentence_scores, word_drivers,
)
from . import correct, exercise, not_yet, is_number


def _scores(article) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadabilityWarning)  # a short article's warnings are not the student's fault
        return readability_scores(article)


def _close(a: float, b: float, tolerance: float = 0.05) -> bool:
    return abs(a - b) <= tolerance


@exercise("05.1")
def reading_ease_by_hand(answer, article):
    if not is_number(answer):
        return not_yet("Give a number: the result of the formula, computed from the counts in scores.")
    s = _scores(article)
    expected = s["flesch_reading_ease"]
    if _close(answer, expected):
        return correct(f"{expected:.2f}, as textstat computes it: 206.835 − 1.015 × {s['words']}/{s['sentences']} "
                       f"− 84.6 × {s['syllables']}/{s['words']}.")
    if _close(answer, s["flesch_kincaid_grade"]):
        return not_yet("That is the Flesch-Kincaid grade. Reading ease has its own constants: 206.835, 1.015 and 84.6.")
    course_sentences = len(article.sentences)
    with_course_sentences = 206.835 - 1.015 * s["words"] / course_sentences - 84.6 * s["syllables"] / s["words"]
    if course_sentences != s["sentences"] and _close(answer, with_course_sentences):
        return not_yet("You divided by len(article.sentences), the course's sentences. The score uses textstat's "
                       "own sentence count: scores['sentences'].")
    if _close(answer, 206.835 - 1.015 * s["words"] / s["sentences"] - 84.6 * s["words"] / s["syllables"]):
        return not_yet("The second ratio is upside down: syllables per word is syllables / words.")
    return not_yet("206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words), "
                   "with the counts from scores = readability_scores(article).")


@exercise("05.2")
def long_sentences(answer, article):
    if not isinstance(answer, int) or isinstance(answer, bool):
        return not_yet("Give a whole number of sentences (sum a True/False column, or len(...) of a filtered table).")
    lengths = sentence_scores(article)["words"]
    expected = int((lengths > 30).sum())
    course_lengths = [len(WORD.findall(s)) for s in article.sentences]
    by_course_words = sum(1 for n in course_lengths if n > 30)
    if answer == expected:
        return correct(f"{expected} of {len(lengths)} sentences are longer than 30 words: each adds "
                       "0.39 × its length to its grade.")
    if answer == by_course_words:
        return correct(f"{answer} sentences, counting the course's words; textstat's word count gives {expected}.")
    if answer == int((lengths >= 30).sum()):
        return not_yet("You included sentences of exactly 30 words. 'Longer than 30' means > 30.")
    if answer == int((lengths <= 30).sum()):
        return not_yet("You counted the short sentences. Which sentences are longer than 30 words?")
    return not_yet("Take the 'words' column of sentence_scores(article) and count the rows above 30.")


@exercise("05.3")
def hardest_paragraph(answer, article):
    if not isinstance(answer, int) or isinstance(answer, bool):
        return not_yet("Give the paragraph's index: a whole number, counting from 0.")
    table = paragraph_scores(article)
    grades = table["flesch_kincaid_grade"]
    winners = [int(k) for k in grades.index[grades == grades.max()]]
    if answer in winners:
        return correct(f"Paragraph {answer} scores grade {grades.max():.1f}, the highest: "
                       f"{table.loc[answer, 'words']} words in {table.loc[answer, 'sentences']} sentence(s).")
    if answer - 1 in winners:
        return not_yet("Off by one: Python counts paragraphs from 0, like paragraph_scores(article).")
    if 0 <= answer < len(table):
        if table.loc[answer, "words"] == table["words"].max():
            return not_yet("That is the longest paragraph. Length in words is not the grade: look at "
                           "flesch_kincaid_grade.")
        if answer == int(grades.idxmin()):
            return not_yet("That is the easiest paragraph (lowest grade). A higher grade means harder.")
    return not_yet("Find the row of paragraph_scores(article) with the largest flesch_kincaid_grade (idxmax()).")


@exercise("05.4")
def polysyllabic_names(answer, article):
    if isinstance(answer, str) or not isinstance(answer, Collection):
        return not_yet("Give a list or set of words, such as ['Stepanakert', ...].")
    table = word_drivers(article)
    expected = set(table.loc[table["proper_noun"] & table["polysyllabic"], "word"])
    given = {str(a).strip() for a in answer}
    lower = {w.lower(): w for w in expected}
    given = {lower.get(w.lower(), w) for w in given}
    if given == expected:
        plural = "s" if len(expected) != 1 else ""
        return correct(f"{len(expected)} name{plural} of 3 or more syllables. Each counts like a hard word, "
                       "although a news reader takes a name in as one unit.")
    extra, missing = given - expected, expected - given
    words = set(table["word"])
    if extra and extra <= set(table.loc[~table["polysyllabic"], "word"]):
        return not_yet(f"{sorted(extra)[0]} has fewer than 3 syllables. Keep the rows where polysyllabic is True.")
    if extra and extra <= set(table.loc[~table["proper_noun"], "word"]):
        return not_yet(f"{sorted(extra)[0]} is not flagged as a name (it is capitalised only at the start of a "
                       "sentence, or not at all). Keep the rows where proper_noun is True.")
    if extra - words:
        return not_yet(f"{sorted(extra - words)[0]!r} is not a word of word_drivers(article): copy the words "
                       "as the table writes them (textstat glues hyphenated words).")
    if missing and not extra:
        return not_yet(f"{len(missing)} name(s) missing. Filter word_drivers(article) on both columns: "
                       "proper_noun and polysyllabic.")
    return not_yet("Filter word_drivers(article): rows where proper_noun and polysyllabic are both True.")


@exercise("05.5")
def grade_with_names_as_one_syllable(answer, article):
    if not is_number(answer):
        return not_yet("Give the recomputed Flesch-Kincaid grade, a number.")
    s = _scores(article)
    table = word_drivers(article)
    names = table[table["proper_noun"]]
    extra_syllables = int((names["count"] * (names["syllables"] - 1)).sum())
    syllables = s["syllables"] - extra_syllables
    expected = 0.39 * s["words"] / s["sentences"] + 11.8 * syllables / s["words"] - 15.59
    if _close(answer, expected):
        return correct(f"Grade {expected:.2f} instead of {s['flesch_kincaid_grade']:.2f}: the names add "
                       f"{extra_syllables} syllables beyond one each, worth "
                       f"{s['flesch_kincaid_grade'] - expected:.2f} grades.")
    if _close(answer, s["flesch_kincaid_grade"]):
        return not_yet("That is the unchanged grade. Lower the syllable count: each name should count 1 syllable.")
    without = 0.39 * (s["words"] - names["count"].sum()) / s["sentences"] + 11.8 * (
        s["syllables"] - (names["count"] * names["syllables"]).sum()) / (s["words"] - names["count"].sum()) - 15.59
    if _close(answer, without):
        return not_yet("You removed the names altogether. Keep them as words, but count each as one syllable: "
                       "subtract count × (syllables − 1) for every name.")
    return not_yet("Syllables without the names' extra syllables: scores['syllables'] − sum of "
                   "count × (syllables − 1) over the proper nouns; then the Flesch-Kincaid formula.")


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


@exercise("05.6")
def plain_language_rewrite(answer, article):
    if not isinstance(answer, str) or not answer.strip():
        return not_yet("Write your rewrite as a string: rewrite = \"\"\"...\"\"\"")
    table = paragraph_scores(article)
    k = int(table["flesch_kincaid_grade"].idxmax())
    original = str(article.paragraphs[k])
    if _plain(answer) == _plain(original):
        return not_yet("That is the original paragraph. Rewrite it: shorter sentences, shorter and more common words.")
    if not re.search(r"[.!?]", answer):
        return not_yet("End your sentences with full stops: without them the formula reads one endless sentence.")
    both = compare_scores({"original": original, "rewrite": answer})
    before, after = both.loc["original"], both.loc["rewrite"]
    if after["words"] < before["words"] / 2:
        return not_yet(f"Your rewrite keeps {after['words']} of {before['words']} words. A plain rewrite may be "
                       "shorter, but it keeps the information: who said what, to whom, and why.")
    originals = _plain(" ".join(q.text for q in find_quotes(original)))
    for quote in find_quotes(answer):
        if _plain(quote.text).rstrip(".,") not in originals:
            return not_yet(f"“{quote.text}” is not a quotation from the original. Words inside quotation marks "
                           "must stay exactly as the source said them: paraphrase without quotation marks instead, "
                           "and keep who said it.")
    drivers = word_drivers(original)
    names = sorted(set(drivers.loc[drivers["proper_noun"], "word"]))
    missing = [n for n in names if n[:6].lower() not in answer.lower()]
    if missing:
        return not_yet(f"Your rewrite drops {', '.join(missing)}. Keep the names: they say who acts and where.")
    target = 10.0 if before["flesch_kincaid_grade"] > 11 else before["flesch_kincaid_grade"] - 1
    if after["flesch_kincaid_grade"] > target:
        return not_yet(f"Grade {after['flesch_kincaid_grade']:.1f} (original {before['flesch_kincaid_grade']:.1f}); "
                       f"aim for {target:.0f} or below. Split the longest sentences and swap long words for short "
                       "common ones.")
    return correct(f"Grade {before['flesch_kincaid_grade']:.1f} → {after['flesch_kincaid_grade']:.1f}, reading ease "
                   f"{before['flesch_reading_ease']:.1f} → {after['flesch_reading_ease']:.1f}, "
                   f"{before['words']} → {after['words']} words in {before['sentences']} → {after['sentences']} "
                   "sentences, names and quotations kept.")
