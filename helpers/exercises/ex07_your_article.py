"""Checks for notebook 07 · Your article: the whole method, and a brief to hand in.

Every check computes the answer with the same helpers on the article in use,
so it stays right on any article a student chooses.
"""

from __future__ import annotations

import math
from collections import Counter

from ..brief import frame_summary, unidentified_attributions
from ..framing import CONTESTED_TERMS, find_term, label_uses, narrator_uses
from ..readability import hardest_sentences, paragraph_scores
from ..sources import find_attributions
from . import correct, exercise, not_yet, is_number, is_whole_number


@exercise("07.1")
def unidentified_sources(answer, article):
    if not is_whole_number(answer):
        return not_yet("Give a whole number: how many attributions come from a source the reader cannot identify.")
    found = find_attributions(article)
    unidentified = unidentified_attributions(article)
    expected = len(unidentified)
    if answer == expected:
        if not expected:
            return correct("Every statement is credited to a source the reader can identify by name, title or "
                           "institution.")
        return correct(f"{expected} of the {len(found)} attributions: a reader cannot tell who said these words. "
                       "Ask why each source is anonymous, and whether the text says so.")
    anonymous_mentions = sum(a.mention == "anonymous" for a in found)
    unresolved = sum(a.source.endswith("(unresolved)") for a in found)
    if answer == anonymous_mentions and anonymous_mentions != expected:
        return not_yet("An anonymous source can speak again through a pronoun (\"he added\"): count every "
                       "attribution whose source is an anonymous one, not only the rows whose mention is "
                       "\"anonymous\".")
    if answer == unresolved and unresolved != expected:
        return not_yet("You counted the unresolved pronouns. Anonymous sources (\"an official who asked not to "
                       "be named\") are unidentified too.")
    if answer == sum(a.mention == "pronoun" for a in found):
        return not_yet("Most pronouns are resolved to a named source (\"he\" is the minister). Count only the "
                       "sources ending in \"(unresolved)\" and the anonymous ones.")
    return not_yet("Look at the source and mention columns of the source table: a source is unidentified when it "
                   "ends in \"(unresolved)\" or when it was introduced with mention \"anonymous\".")


@exercise("07.2")
def top_source_share(answer, article):
    if not is_number(answer):
        return not_yet("Give a number between 0 and 1: the share of all attributions that go to the most quoted source.")
    found = find_attributions(article)
    if not found:
        return correct("This article credits no statement to anyone: the share is 0.") if answer == 0 else \
            not_yet("find_attributions finds no attribution in this article: the share is 0.")
    counts = Counter(a.source for a in found)
    top = counts.most_common(1)[0][1]
    expected = top / len(found)
    leaders = [source for source, n in counts.items() if n == top]
    if math.isclose(answer, expected, abs_tol=0.005):
        if len(leaders) == 1:
            return correct(f"{leaders[0]}: {top} of {len(found)} attributions ({expected:.0%}). Is one voice "
                           "dominant? Compare with the share of its side in the table by side.")
        return correct(f"{len(leaders)} sources tie with {top} of {len(found)} attributions each ({expected:.0%}), "
                       f"among them {leaders[0]}: no single source dominates. The table by side shows whether "
                       "one side does.")
    if math.isclose(answer, expected * 100, abs_tol=0.5):
        return not_yet("That looks like a percentage. Give a share between 0 and 1 (divide by 100).")
    if answer == top:
        return not_yet("That is the number of attributions of the most quoted source. Divide it by the number "
                       "of all attributions.")
    if math.isclose(answer, 1 / len(counts), abs_tol=0.005):
        return not_yet("You divided by the number of distinct sources. Divide by the number of attributions.")
    return not_yet("Count the attributions per source (value_counts() of the source column), take the largest "
                   "count and divide it by the number of attributions.")


@exercise("07.3")
def narrator_term_counts(answer, article):
    try:
        given = {_term_of(str(term)): int(n) for term, n in dict(answer).items()}
    except (TypeError, ValueError):
        return not_yet("Give a dictionary (or pandas Series) from contested term to the number of times the "
                       "narrator uses it, such as {\"separatist\": 2}.")
    given = {term: n for term, n in given.items() if n}
    expected = dict(Counter(u.term.lower() for u in narrator_uses(article)))
    if given == expected:
        if not expected:
            return correct("The article passes the narrator-voice test: every contested term of the list stands "
                           "inside a source's quotation marks.")
        return correct("In its own voice the article uses " + ", ".join(f"{t} ({n}×)" for t, n in expected.items())
                       + ". Quote these sentences as evidence in your brief.")
    everywhere = dict(Counter(u.term.lower() for u in label_uses(article, CONTESTED_TERMS)))
    if given == everywhere and everywhere != expected:
        return not_yet("You counted every use, quoted ones included. The test keeps only the uses outside "
                       "quotation marks (voice \"narrator\").")
    unknown = [t for t in given if t not in {c.lower() for c in CONTESTED_TERMS}]
    if unknown:
        return not_yet(f"{unknown[0]!r} is not an entry of CONTESTED_TERMS: use the list's entries as keys "
                       "(the use's term, not the words as written).")
    if set(given) == set(expected):
        return not_yet("The right terms, but not the right counts: count every use whose voice is \"narrator\".")
    return not_yet("Run narrator_uses(article) and count its records by term (collections.Counter of u.term).")


def _term_of(word: str) -> str:
    """The entry of CONTESTED_TERMS that finds ``word`` (itself, in lower case, if none)."""
    word = word.strip()
    for term in CONTESTED_TERMS:
        if find_term(word, term) == [(0, len(word))]:
            return term.lower()
    return word.lower()


@exercise("07.4")
def dominant_frame(answer, article):
    summary = frame_summary(article)
    top = int(summary["paragraphs"].max()) if len(summary) else 0
    if top == 0:
        return correct("No frame word occurs in the body: None is right.") if answer is None else \
            not_yet("No frame's words occur in this article's body: the answer is None.")
    if not isinstance(answer, str):
        return not_yet("Give the frame's name as a string, as in the index of frame_summary(article).")
    leaders = [frame for frame, n in summary["paragraphs"].items() if n == top]
    name = answer.strip().lower()
    if name in leaders:
        tie = f" (tied with {', '.join(f for f in leaders if f != name)})" if len(leaders) > 1 else ""
        return correct(f"“{name}” words occur in {top} of {len(article.paragraphs)} paragraphs{tie}. Now read "
                       "those paragraphs: does the text really frame the story that way?")
    if name not in summary.index:
        return not_yet(f"{answer!r} is not one of the frames: {', '.join(summary.index)}.")
    if summary.loc[name, "words"] == summary["words"].max():
        return not_yet("That frame has the most words. The question asks in how many paragraphs a frame's words "
                       "occur: a frame spread over the article weighs more than one dense paragraph.")
    return not_yet("Use the paragraphs column of frame_summary(article): which frame has the largest number?")


@exercise("07.5")
def paragraph_of_hardest_sentence(answer, article):
    hardest = hardest_sentences(article, n=1)
    if not len(hardest):
        return correct("No sentence has 10 words or more: None is right.") if answer is None else \
            not_yet("No sentence of this article has 10 words or more, so hardest_sentences finds none: "
                    "the answer is None.")
    if not is_whole_number(answer):
        return not_yet("Give the paragraph's number: a whole number, as the paragraph column shows it (from 1).")
    row = hardest.iloc[0]
    expected = int(row["paragraph"])
    if answer == expected:
        return correct(f"Paragraph {expected} holds the hardest sentence: {int(row['words'])} words, grade "
                       f"{row['grade']:.1f}. Start a plain-language rewrite there.")
    if answer == int(hardest.index[0]):
        return not_yet("That is the sentence's number (its row in sentence_scores). The question asks for "
                       "its paragraph: read the paragraph column.")
    grades = paragraph_scores(article)["flesch_kincaid_grade"]
    if answer == int(grades.idxmax()):
        return not_yet("That paragraph has the highest grade as a whole (exercise 4.3). The question asks "
                       "where the single hardest sentence stands: use hardest_sentences(article).")
    if answer == expected - 1:
        return not_yet("Off by one: the tables number paragraphs from 1, as a reader counts.")
    return not_yet("Take the first row of hardest_sentences(article) and read its paragraph column.")
