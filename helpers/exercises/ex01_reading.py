"""Checks for notebook 01 · Reading an article.

Exercises 1.1, 1.2 and 1.6 ask about the course article itself: on another
article they answer "Complete" (a machine cannot mark a question the article
does not raise) and say what to ask of that article instead.  Exercises 1.7
and 1.8 are about short cases written for the course, the same on any article.
Exercise 1.9 is a written answer, discussed in ``docs/instructor/01_reading.md``.
"""

from __future__ import annotations

import re

from ..article import WORD
from ..reading import WEEKDAYS, _NUMBER, _figures, _value
from ..text import shorten
from . import complete, correct, exercise, is_whole_number, not_yet


def _letter(answer, letters: str) -> str | None:
    """"B", "b", " B) " -> "B"; anything else -> None."""
    if not isinstance(answer, str):
        return None
    match = re.fullmatch(r"\s*\(?([A-Za-z])\)?[.)]?\s*", answer)
    return match.group(1).upper() if match and match.group(1).upper() in letters else None


def _choices(answer, n: int, allowed: dict[str, str]):
    """A list of ``n`` answers, each one of ``allowed`` (any case, a few spellings), or a hint."""
    if not isinstance(answer, (list, tuple)):
        return None, f"Give a list of {n} strings, one per statement, such as {[next(iter(allowed))] * n}."
    if len(answer) != n:
        return None, f"Give exactly {n} answers, one per statement, in order (you gave {len(answer)})."
    out = []
    for k, item in enumerate(answer, start=1):
        key = " ".join(str(item).lower().replace("-", " ").split()) if isinstance(item, str) else None
        if key not in allowed:
            words = " or ".join(f"'{a}'" for a in dict.fromkeys(allowed.values()))
            return None, f"Answer {k} should be {words}."
        out.append(allowed[key])
    return out, ""


def _about_the_course_article(article, question: str):
    return complete(f"This question is about the course article. For your article, ask the same of its own "
                    f"text: {question}")


# --- 1 · Stop: the text's history --------------------------------------------------------------

@exercise("01.1")
def date_from_clues(answer, article):
    """What the text's own clues say about its date (options A to D in the notebook)."""
    if not article.is_seed:
        return _about_the_course_article(article, "which of its words date it, and how precisely?")
    letter = _letter(answer, "ABCD")
    if letter is None:
        return not_yet("Give one letter, A, B, C or D, as a string: \"A\".")
    if letter == "B":
        return correct("A Tuesday (“This Tuesday”), after Twitter became X (“X (ex-Twitter)”), after 2022 (the "
                       "agreements of “2020 and 2022”), about three years after September 2020: most probably a "
                       "Tuesday in September 2023. Which Tuesday the text cannot say: the date in the file name "
                       "is the course's label, to be confirmed by tracing.")
    if letter == "A":
        return not_yet("Where does the text itself give a day of the month? “This Tuesday” is a weekday; the date "
                       "you see is in the file name, which the course chose. A label is not a clue of the text.")
    if letter == "C":
        return not_yet("Read the sentence about 2020 again: the war of 2020 is the “previous” one, and it was "
                       "“three years” before. And look at the years of the agreements in paragraph 11.")
    return not_yet("The text has clues of its own: look at the dating_clues table (a weekday, the name of a "
                   "platform, the years it names).")


@exercise("01.2")
def broken_verbs(answer, article):
    """What made "ured" and "uring" (options A to C in the notebook)."""
    if not article.is_seed:
        return _about_the_course_article(article, "do any of its words look broken, and does the same "
                                                   "piece go missing each time?")
    letter = _letter(answer, "ABC")
    if letter is None:
        return not_yet("Give one letter, A, B or C, as a string: \"A\".")
    if letter == "B":
        return correct("That is the explanation the evidence supports best: both words lose exactly “ass”, and "
                       "no word of the text contains “ass”, the mark of a filter that deletes a rude word even "
                       "inside longer words (the “Scunthorpe problem”: such filters have blocked the name of "
                       "the town of Scunthorpe). It is evidence about the site that copied the text (provenance), "
                       "not about the translation. It stays a hypothesis until you see the page itself.")
    if letter == "A":
        return not_yet("A translation engine writes whole English words; it does not drop the same three letters "
                       "from two different words. Look at the occurrences table: which letters are missing, and "
                       "where else do they appear in the text?")
    return not_yet("Two slips of the keyboard that remove exactly the same three letters, which appear nowhere "
                   "else in the text? A rule that removes them everywhere explains it better.")


# --- 2 · The headline and the body -------------------------------------------------------------

_ATTRIBUTION = re.compile(r"\b(?:according to|says?|said|reports?|reported|claims?|counts?|gives?|tells?|"
                          r"announces?|states?|puts?)\b", re.IGNORECASE)
_SOURCE_BEFORE_COLON = re.compile(r"official|authorit|minist|ombudsman|defender|police|spokes|army|government|"
                                  r"agency|military|president|mayor|hospital|health", re.IGNORECASE)
#: Who gives the casualty figures in the course article's body.
_SEED_SOURCE = re.compile(r"stepanyan|ombudsman|rights defender|human rights|"
                          r"(?:karabakh|armenian|local|regional)\s+(?:armenian\s+)?(?:officials?|authorities|"
                          r"ombudsman|defender)", re.IGNORECASE)


def _own_voice_terms(text: str) -> list[str]:
    """Contested terms of the course's list that stand outside quotation marks in ``text``."""
    from ..framing import CONTESTED_TERMS, find_term
    from ..quotes import find_quotes

    masked = list(text)
    for q in find_quotes(text):
        for i in range(q.start, q.end):
            masked[i] = " "
    masked = "".join(masked)
    return [masked[a:b] for term in CONTESTED_TERMS for a, b in find_term(masked, term)]


@exercise("01.3")
def attributed_headline(answer, article):
    """A rewrite of the headline that keeps its figures and credits them to their source."""
    if not isinstance(answer, str) or not answer.strip():
        return not_yet("Write your headline as a string, between quotation marks.")
    text = " ".join(answer.split())
    if article.title is None:
        return complete("This article has no headline to rewrite; compare its first sentence with the body instead.")
    if len(WORD.findall(text)) > 30:
        return not_yet("A headline is short: keep it to at most 30 words.")
    if text == " ".join(str(article.title).split()):
        return not_yet("That is the headline as published. Rewrite it so that a reader sees who gives the figures.")
    figures = [f for f in _figures(article) if f["where"] == "headline" and f["counts"] in ("casualties", "people")]
    mine = {_value(m.group(0)) for m in _NUMBER.finditer(text)}
    missing = [f["figure"] for f in figures if f["value"] is not None and f["value"] not in mine]
    if missing:
        return not_yet(f"Keep the figures ({', '.join(missing)}): the exercise is about who gives them, "
                       "not about leaving them out.")
    before_colon = text.split(":", 1)[0] if ":" in text else ""
    if not _ATTRIBUTION.search(text) and not _SOURCE_BEFORE_COLON.search(before_colon):
        return not_yet("Your headline still states the figures in the outlet's own voice. Credit them to "
                       "their source: “…, says …” or “… according to …”.")
    if article.is_seed and not _SEED_SOURCE.search(text):
        return not_yet("Who gives the figures in the body? Name that source, by name or by role "
                       "(paragraph 2 says who), so that a reader can judge the claim.")
    loaded = _own_voice_terms(text)
    if loaded:
        return not_yet(f"“{loaded[0]}” stands in your headline's own voice. Put a side's word inside quotation "
                       "marks and credit it, or use a neutral description.")
    words = "" if not article.is_seed or "victim" in text.lower() else (
        " The body's word is “victims”, not “dead”: does your headline say more than the source did?")
    kept = "keeps the figures and credits them to a source" if figures else "credits its claim to a source"
    return complete(f"Your headline {kept}." + words +
                    " Compare it with the rubric in the instructor guide: source named, figures kept, no "
                    "side's word in the outlet's voice.")


# --- 3 · Structure -----------------------------------------------------------------------------

def _words(text: str) -> int:
    return len(WORD.findall(text))


@exercise("01.4")
def longest_sentence_words(answer, article):
    """The length in words of the body's longest sentence (the ``words`` column of the sentence table)."""
    if not is_whole_number(answer) and not (hasattr(answer, "item") and is_whole_number(answer.item())):
        return not_yet("Give a whole number of words: the largest value of the words column.")
    answer = int(answer)
    lengths = [_words(s) for s in article.sentences]
    expected = max(lengths)
    longest = article.sentences[lengths.index(expected)]
    if answer == expected:
        return correct(f"The longest sentence has {expected} words (paragraph {longest.paragraph + 1}): "
                       f"{shorten(longest, 80)} Read it: is it long because of the reporter, a source or the "
                       "translation?")
    if answer == max(len(s.split()) for s in article.sentences):
        return not_yet("You split the sentences at spaces, so a lone mark (a dash “–”, a “»”, a “(…)”) counted as "
                       "a word. Use the words column of the sentence table: the course's own word count.")
    if answer == max(len(s) for s in article.sentences):
        return not_yet("That is a length in characters. The question asks for words.")
    if answer == max(_words(p) for p in article.paragraphs):
        return not_yet("That is the longest paragraph. Look at the sentences.")
    if answer == len(article.sentences):
        return not_yet("That is how many sentences there are. The question asks how long the longest one is.")
    if answer == min(lengths):
        return not_yet("That is the shortest sentence. Take the largest value.")
    return not_yet("Take the largest value of the words column of the sentence table.")


# --- 5 · The timeline --------------------------------------------------------------------------

def _day_count(text: str, lower: bool = False) -> int:
    if lower:
        return sum(text.lower().count(day.lower()) for day in WEEKDAYS)
    return sum(text.count(day) for day in WEEKDAYS)


@exercise("01.5")
def day_mentions(answer, article):
    """How many times the whole text names a day of the week ("Monday's" and "Fridays" included)."""
    if not is_whole_number(answer):
        return not_yet("Give a whole number: the mentions of all seven days added up.")
    expected = _day_count(article.text)
    if answer in (expected, _day_count(article.text, lower=True)):
        named = ", ".join(f"{day} {article.text.count(day)}×" for day in WEEKDAYS if day in article.text)
        return correct(f"The text names a day of the week {expected} time{'' if expected == 1 else 's'} "
                       f"({named or 'never'}). Each is an "
                       "anchor of the timeline: which day is it, counted from the day of writing?")
    distinct = sum(1 for day in WEEKDAYS if day in article.text)
    if answer == distinct:
        return not_yet("That is how many different days are named. Count every mention: a day named twice counts twice.")
    if answer == _day_count(article.body):
        return not_yet("You searched the body only. The headline and subheadings belong to the text too: "
                       "search article.text.")
    as_words = sum(1 for w in WORD.findall(article.text) if w in WEEKDAYS)
    if answer == as_words:
        return not_yet("“Monday's” and “Fridays” name a day too. Count the day's name wherever it stands: "
                       "article.text.count(day).")
    return not_yet("For each day in WEEKDAYS, add article.text.count(day) to a running total.")


_TEXT_OR_OUTSIDE = {"text": "text", "the text": "text", "in the text": "text", "outside": "outside",
                    "outside the text": "outside", "from outside": "outside", "not in the text": "outside"}
#: Exercise 1.6: the five orderings of the notebook, and where each is known from.
ORDERINGS = ["text", "text", "outside", "text", "outside"]


@exercise("01.6")
def orderings(answer, article):
    """For five orderings of events, whether the text states them ("text") or not ("outside")."""
    if not article.is_seed:
        return _about_the_course_article(article, "which of its orderings does it state in words "
                                                   "(“earlier”, “then”, a day), and which would you add from outside?")
    given, hint = _choices(answer, len(ORDERINGS), _TEXT_OR_OUTSIDE)
    if given is None:
        return not_yet(hint)
    right = sum(g == e for g, e in zip(given, ORDERINGS))
    if right == len(ORDERINGS):
        return correct("Three orderings rest on words of the text (“three years after”, “on Monday” before “This "
                       "Tuesday”, “had earlier warned”); two do not (the day of the mine explosion, the time of "
                       "the telephone call). A timeline that uses them must say where they come from.")
    if all(g == "text" for g in given):
        return not_yet("Every ordering from the text? For each one, point to the words that state it. If you "
                       "cannot, the order comes from outside the text (your knowledge, another report).")
    return not_yet(f"{right} of {len(ORDERINGS)} right. For each statement, find the words in the text that give "
                   "the order (a day, “earlier”, “then”, “after”). No such words: the order comes from outside.")


# --- 6 · Voices --------------------------------------------------------------------------------

_PARTIAL_OR_SCARE = {"partial": "partial", "partial quotation": "partial", "partial quote": "partial",
                     "scare": "scare", "scare quote": "scare", "scare quotes": "scare"}
#: Exercise 1.7: the four sentences of the notebook (written for the course, not from any article).
QUOTE_KINDS = ["partial", "scare", "partial", "scare"]


@exercise("01.7")
def quote_kinds(answer, article):
    """Partial quotation or scare quote, for four short sentences written for the exercise."""
    given, hint = _choices(answer, len(QUOTE_KINDS), _PARTIAL_OR_SCARE)
    if given is None:
        return not_yet(hint)
    right = sum(g == e for g, e in zip(given, QUOTE_KINDS))
    if right == len(QUOTE_KINDS):
        return correct("Sentences 1 and 3 credit the quoted words to a speaker (the mayor, residents): partial "
                       "quotations. Sentences 2 and 4 name no speaker: the writer keeps a distance from the word, "
                       "with quotation marks in 2 and with “so-called” in 4.")
    if all(g == "scare" for g in given):
        return not_yet("A short quotation is not always a scare quote. Ask: does the sentence name someone who "
                       "said these words? Then they are that person's words: a partial quotation.")
    if all(g == "partial" for g in given):
        return not_yet("Look for the speaker. When no one in the sentence said the quoted word, whose distance "
                       "do the marks show?")
    return not_yet(f"{right} of {len(QUOTE_KINDS)} right. For each sentence: who said the quoted words? A named "
                   "speaker makes a partial quotation; no speaker, only the writer's distance, makes a scare quote.")


# --- 7 · Leave the page ------------------------------------------------------------------------

_FINDS = {"investigate": "investigate", "investigate the source": "investigate", "coverage": "coverage",
          "better coverage": "coverage", "find better coverage": "coverage", "original": "original",
          "the original": "original", "trace": "original", "copy": "copy", "a copy": "copy"}
#: Exercise 1.8: the five pages of the notebook (imagined for the exercise), and what each gives.
FINDS = ["copy", "investigate", "coverage", "original", "coverage"]
_FIND_HINTS = {
    0: "Page 1 is the same text on another website: however many sites carry it, it is one claim repeated, "
       "not a confirmation (the rubric's “beginning”).",
    1: "Page 2 says nothing about the events: it tells who stands behind the website. Reading what others say "
       "about a source is investigating it, by lateral reading.",
    2: "Page 3 is another outlet's own report, with its own reporters: better coverage, to compare with this "
       "article.",
    3: "Page 4 is the statement the article quotes for its casualty figures: the original, where a trace ends.",
    4: "Page 5 is another outlet's own report of the day, even if it comes from one side: coverage to compare, "
       "beside an outlet of the other side and an independent one, not the answer.",
}


@exercise("01.8")
def what_each_find_gives(answer, article):
    """For five pages a search might find: investigate, coverage, original or copy."""
    given, hint = _choices(answer, len(FINDS), _FINDS)
    if given is None:
        return not_yet(hint)
    wrong = [k for k, (g, e) in enumerate(zip(given, FINDS)) if g != e]
    if not wrong:
        return correct("Page 1 is a copy: the same claim again, not a confirmation. Page 2 is lateral reading "
                       "about the site. Pages 3 and 5 are better coverage to compare (page 5 comes from one side: "
                       "read it beside an outlet of the other side and an independent one). Page 4 is the "
                       "original of the casualty figures: the end of a trace.")
    if len(set(given)) == 1:
        return not_yet("The five pages do not all give the same thing. For each, ask: is it about the events "
                       "or about the website? Written by whom: the article's source, another outlet, or nobody new?")
    return not_yet(f"{len(FINDS) - len(wrong)} of {len(FINDS)} right. {_FIND_HINTS[wrong[0]]}")
