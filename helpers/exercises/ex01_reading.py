"""Checks for notebook 01 · Reading an article."""

from __future__ import annotations

from ..article import WORD
from ..quotes import quoted_share
from ..reading import WEEKDAYS
from . import correct, exercise, not_yet


@exercise("01.1")
def paragraphs(answer, article):
    expected = len(article.paragraphs)
    if not isinstance(answer, int) or isinstance(answer, bool):
        return not_yet("Give a whole number, e.g. with len(...).")
    if answer == expected:
        return correct(f"The body has {expected} paragraphs; headline, subheadings and scraper lines are not body.")
    if answer == expected + len(article.subheadings):
        return not_yet("You counted the subheadings as paragraphs. A subheading is a title, not a paragraph.")
    if answer in (expected + len(article.subheadings) + 1, expected + 1) and article.title is not None:
        return not_yet("You counted the headline. Which blocks are body text?")
    if answer >= expected + len(article.boilerplate) and article.boilerplate:
        return not_yet("Did you count the lines the website added (article.boilerplate)?")
    return not_yet("Count the items of article.paragraphs: the body, without headline and subheadings.")


@exercise("01.2")
def longest_sentence(answer, article):
    if not isinstance(answer, str):
        return not_yet("Give the sentence itself, as a string.")
    lengths = [len(WORD.findall(s)) for s in article.sentences]
    longest = max(lengths)
    if str(answer).strip() in {str(s) for s, n in zip(article.sentences, lengths) if n == longest}:
        return correct(f"That sentence has {longest} words, the most of any sentence in the body.")
    by_characters = max(article.sentences, key=len)
    if str(answer).strip() == str(by_characters):
        return not_yet("That is the longest in characters. Count words instead (article.words, or split the sentence).")
    if str(answer).strip() in {str(p) for p in article.paragraphs}:
        return not_yet("That is a whole paragraph. Look inside article.sentences.")
    return not_yet("Measure every sentence in article.sentences in words and keep the largest.")


@exercise("01.3")
def weekdays(answer, article):
    if not isinstance(answer, (list, set, tuple)):
        return not_yet("Give a list of day names, such as ['Monday'].")
    mentioned = {w.capitalize() for w in WORD.findall(article.text) if w.capitalize() in WEEKDAYS}
    given = {str(a).strip().capitalize() for a in answer}
    if given == mentioned:
        return correct(f"The article mentions {', '.join(d for d in WEEKDAYS if d in mentioned) or 'no weekday'}.")
    if given < mentioned:
        return not_yet("Some days are missing. Did you search the headline and every paragraph, in any case?")
    if given - mentioned:
        return not_yet(f"{', '.join(sorted(given - mentioned))}: not in the text. Answer from the text, not from a calendar.")
    return not_yet("Search the whole text for the seven day names.")


@exercise("01.4")
def most_quoted_paragraph(answer, article):
    shares = [quoted_share(p) for p in article.paragraphs]
    best = max(shares)
    winners = [k for k, s in enumerate(shares) if s == best]
    if not isinstance(answer, int) or isinstance(answer, bool):
        return not_yet("Give the paragraph's index (a whole number, counting from 0).")
    if answer in winners:
        return correct(f"{best:.0%} of paragraph {answer}'s words are inside quotation marks.")
    if answer - 1 in winners:
        return not_yet("Off by one: Python counts paragraphs from 0.")
    words = [len(WORD.findall(p)) for p in article.paragraphs]
    if 0 <= answer < len(words) and words[answer] == max(words):
        return not_yet("That is the longest paragraph. The question is about the share of words inside quotes.")
    return not_yet("Compute quoted_share(p) for every paragraph p and pick the largest share.")


@exercise("01.5")
def body_quoted_share(answer, article):
    if not isinstance(answer, (int, float)) or isinstance(answer, bool):
        return not_yet("Give a number between 0 and 1.")
    expected = quoted_share(article.body)
    if abs(answer - expected) < 0.005:
        return correct(f"{expected:.1%} of the body's words stand inside quotation marks.")
    if abs(answer - 100 * expected) < 0.5:
        return not_yet("That is a percentage. Give the share as a number between 0 and 1.")
    if abs(answer - quoted_share(article.text)) < 0.005:
        return not_yet("You measured the whole text, headline and subheadings included. Use the body only.")
    return not_yet("Use quoted_share on the body (article.body).")
