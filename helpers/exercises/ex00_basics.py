"""Checks for notebook 00 · Notebooks and Python for reading the news."""

from __future__ import annotations

from ..article import available_seeds
from ..primer import three_pieces
from . import choice, correct, exercise, not_yet

KIND_WORDS = ("word", "sentence")


@exercise("00.1")
def word_or_sentence(answer, article):
    """Exercise 0.1: which of the three printed pieces is a word, which a sentence?"""
    pieces = three_pieces(article)
    expected = ["word", "sentence", "word"]
    if not isinstance(answer, (list, tuple)) or len(answer) != len(pieces):
        return not_yet(f"Give a list of {len(pieces)} strings, one for A, B and C, each \"word\" or \"sentence\".")
    given = [choice(a) for a in answer]
    unknown = [a for a in given if a not in KIND_WORDS]
    if unknown:
        return not_yet(f"Each answer is \"word\" or \"sentence\" (found {unknown[0]!r}).")
    if given == expected:
        return correct(f"A ({pieces[0]}) and C ({pieces[2]}) are words. B ({pieces[1]}) is a sentence to the tool: "
                       "it stands in article.sentences. A reader may not call it one: look at its marks, and at how "
                       "many words it has, before you trust an average sentence length.")
    if given[1] == "word":
        return not_yet("Look at B again: where does it start and end? Test it yourself: "
                       "B in article.sentences, B in article.words.")
    if given[0] == "sentence":
        return not_yet("A is long, but does it have a space or a full stop in it? A word can be long and "
                       "still be one word (hyphens keep it whole).")
    return not_yet("C has no full stop and no space. Is it a sentence or a word?")


@exercise("00.2")
def paragraph_two(answer, article):
    """Exercise 0.2: paragraph 2 as the tables number it is article.paragraphs[1]."""
    if not isinstance(answer, str):
        return not_yet("Give the paragraph itself: a string from article.paragraphs.")
    paragraphs = [str(p) for p in article.paragraphs]
    text = str(answer)
    if len(paragraphs) < 2:
        return not_yet("This article has only one paragraph; there is no paragraph 2 to find.")
    if text == paragraphs[1]:
        return correct("Paragraph 2 of the tables is article.paragraphs[1]: Python counts from 0, a reader from 1.")
    if len(paragraphs) > 2 and text == paragraphs[2]:
        return not_yet("That is paragraph 3 as a reader counts. Python counts from 0: [0] is paragraph 1.")
    if text == paragraphs[0]:
        return not_yet("That is paragraph 1, the lede. Which index does the next paragraph have?")
    if text in paragraphs:
        return not_yet("That is another paragraph. Paragraph 2 is the one right after the lede.")
    return not_yet("Take one item of article.paragraphs with square brackets: article.paragraphs[...].")


@exercise("00.3")
def missing_value(answer, article):
    """Exercise 0.3: NaN in "first quotation" means the paragraph quotes no one."""
    if not isinstance(answer, str):
        return not_yet('Give one letter as a string, such as "a".')
    picked = choice(answer)
    if picked == "b":
        return correct("NaN marks a missing value: the paragraph has no quotation, so it has no first "
                       "quotation to show. It is not zero and not an error: a missing value is information.")
    hints = {
        "a": "Look at the column 'words' in the same row: did the tool read the paragraph?",
        "c": "If the paragraph quoted the word NaN, it would appear between quotation marks in the text. "
             "Read the paragraph: does it quote anyone?",
        "d": "The column 'words' of that row has a number. What does the column 'quotations' say?",
    }
    return not_yet(hints.get(picked, 'Answer with one of the letters "a", "b", "c" or "d".'))


@exercise("00.4")
def key_error(answer, article):
    """Exercise 0.4: KeyError: 'quotes' means the table has no column of that name."""
    if not isinstance(answer, str):
        return not_yet('Give one letter as a string, such as "a".')
    picked = choice(answer)
    if picked == "c":
        return correct("A KeyError names the key that was not found: the table has no column 'quotes'. Its "
                       "column is called 'quotations'. Look at the table's header and copy the name exactly.")
    hints = {
        "a": "The error is about the table, not the article: which word does the last line quote?",
        "b": "Restarting changes nothing here: the same line would ask for the same missing name. Read the last line.",
        "d": "Python is fine; it tells you precisely what it could not find. Read the last line.",
    }
    return not_yet(hints.get(picked, 'Answer with one of the letters "a", "b", "c" or "d".'))


@exercise("00.5")
def course_error(answer, article):
    """Exercise 0.5: the one-line ArticleNotFoundError lists the article names that exist."""
    if not isinstance(answer, str):
        return not_yet('Give the file name as a string, in quotation marks: "...".')
    name = answer.strip().replace("\\", "/").split("/")[-1]
    seeds = available_seeds()
    if name in seeds:
        return correct(f"load_article({name!r}) finds the article: the message said which name was missing "
                       "and listed the names that exist.")
    if name == "karabakh.txt":
        return not_yet("That is the name that was not found. The end of the message lists the names that exist.")
    if not name.endswith(".txt"):
        return not_yet("The course's articles are .txt files; the message lists their full names.")
    return not_yet("Copy one of the names the message lists after \"the course's articles (in seeds/) are:\".")

