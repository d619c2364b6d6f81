"""Checks for notebook 06 · Comparing coverage.

Most exercises ask for a prediction before the table is shown: which articles
will show a headline-versus-body gap, which mix both sides' words, whether
the frame dictionaries can tell the two naming variants apart.  Each check
compares the prediction with what the comparison finds on the corpus in use
(``check("06.M", answer, comparison)``), so it stays right on a teacher's own
corpus.  Sentence numbers are the ones the tables show, from 1.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..article import load_article
from ..variants import course_variants, switch_table
from . import correct, exercise, is_whole_number, not_yet

#: The sentences Exercise 06.1 asks about (the course article's numbering, from 1).
SWITCH_SENTENCES = (2, 10, 12)
#: The rows of the comparison the checks read.
GAP_ROW = "fact in headline, attributed in body"
MISSING_ROW = "figures the body never gives"
NAMING_ROWS = ("Armenian sources' words", "Azerbaijani sources' words")
#: The column Exercise 06.4 asks about (on another corpus: its third column), and the row.
EVIDENCE_ARTICLE = "Azerbaijani voices only"
EVIDENCE_COLUMN = 3
EVIDENCE_ROW = "Armenian sources' words"


def _comparison(given):
    """The comparison the notebook passed (a long table); the default corpus's when none was given."""
    if isinstance(given, pd.DataFrame) and {"row", "article", "value"} <= set(given.columns):
        return given
    return _default_comparison().copy()


@functools.lru_cache(maxsize=1)
def _default_comparison():
    """The comparison of the default corpus (the course article and its variants), made once per kernel."""
    from ..compare import compare, load_corpus

    return compare(load_corpus())


def _labels(comparison) -> list[str]:
    return list(dict.fromkeys(comparison["article"]))


def _value(comparison, row: str, article: str) -> str:
    cell = comparison[(comparison["row"] == row) & (comparison["article"] == article)]
    return str(cell["value"].iloc[0]) if len(cell) else ""


def _labels_answer(answer, labels):
    """(the answer as a set of labels, or a hint when it is not a list of the comparison's labels)."""
    if not isinstance(answer, (list, tuple, set)) or not all(isinstance(a, str) for a in answer):
        return None, "Give a list of article names as the columns show them, such as [\"original\"]."
    unknown = [a for a in answer if a not in labels]
    if unknown:
        return None, (f"{unknown[0]!r} is not a column of the comparison. The columns are: "
                      f"{', '.join(repr(x) for x in labels)} (spelled exactly so).")
    return set(answer), ""


@exercise("06.1")
def switches_in_reported_speech(answer, comparison):
    if not isinstance(answer, (list, tuple, set)) or not all(is_whole_number(a) for a in answer):
        return not_yet("Give a list of sentence numbers (as the table shows them, from 1), such as [10].")
    given = set(answer)
    others = sorted(given - set(SWITCH_SENTENCES))
    if others:
        return not_yet(f"The question is about sentences {', '.join(map(str, SWITCH_SENTENCES))} only; "
                       f"{others[0]} is not one of them.")
    table = switch_table(load_article(), flags=True)
    flagged = {int(n) for n, flag in zip(table["sentence"], table["reported speech"])
               if isinstance(n, int) and n in SWITCH_SENTENCES and not flag.startswith("no")}
    if given == flagged:
        return correct("Sentence 2 ends with \"Armenian separatist authorities announced\": that the towns are under fire "
                       "is their statement in the reporter's words, so switching its names rewords what they said (the "
                       "switch of the speakers' own name is the narrator's naming of them). Sentences 10 and 12 "
                       "credit no one: there the names are the narrator's alone.")
    if not given:
        return not_yet("An empty list says no switch touches reported speech. Read each sentence to its end: does a "
                       "reporting verb (\"said\", \"announced\", \"according to\") credit its content to a source?")
    wrong = sorted(given - flagged)
    if wrong:
        return not_yet(f"Sentence {wrong[0]} has no reporting verb: nobody is credited with its content, so its names "
                       "are the narrator's own. Look for the sentence whose last words say who announced it.")
    return not_yet("One sentence is missing: which of them ends by saying who announced its content?")


@exercise("06.2")
def headline_gap_prediction(answer, comparison):
    comparison = _comparison(comparison)
    labels = _labels(comparison)
    given, hint = _labels_answer(answer, labels)
    if given is None:
        return not_yet(hint)
    expected = {a for a in labels if _value(comparison, GAP_ROW, a) not in ("", "none")}
    missing = {a for a in labels if _value(comparison, MISSING_ROW, a) not in ("", "none")}
    if given == expected:
        extra = (f" {', '.join(sorted(missing))}: no gap, but worse: the body never gives the figures at all."
                 if missing else "")
        return correct(f"The gap is in: {', '.join(a for a in labels if a in expected) or 'none'}.{extra} Now check "
                       "it in the table below, and read the sentences behind the cells.")
    wrong_missing = sorted(given & missing - expected)
    if wrong_missing:
        return not_yet(f"In {wrong_missing[0]!r} the body never gives the headline's figures: read its recipe. A gap "
                       "needs the figures in the body, credited to a source there.")
    credited = [a for a in sorted(given - expected) if "according to" in _value(comparison, "headline", a)
                or a == "headline attributed"]
    if credited:
        return not_yet(f"The headline of {credited[0]!r} already credits its figures to a source: read it to its "
                       "end. Is it then stating them in its own voice?")
    if given - expected:
        return not_yet(f"Read the recipe of {sorted(given - expected)[0]!r} again: does it keep the figures in the "
                       "body, in a source's words?")
    return not_yet("Some are missing. Which recipes leave both the headline and the body's quotation of the figures "
                   "as they are?")


@exercise("06.3")
def mixed_naming_prediction(answer, comparison):
    comparison = _comparison(comparison)
    labels = _labels(comparison)
    given, hint = _labels_answer(answer, labels)
    if given is None:
        return not_yet(hint)
    expected = {a for a in labels if all(_value(comparison, row, a) not in ("", "0") for row in NAMING_ROWS)}
    if given == expected:
        return correct("Leaving out one side's voices leaves the narrator's own sentences, and their mix of both "
                       "vocabularies, as they were; only the naming switch gives a narrator one side's words alone.")
    switched = sorted((given - expected) & {"Armenian names", "Azerbaijani names"})
    if switched:
        return not_yet(f"{switched[0]!r} switched every name of the list to one side's. Which words of the other "
                       "side are left outside quotation marks?")
    voices = sorted((expected - given) & {"Armenian voices only", "Azerbaijani voices only"})
    if voices:
        return not_yet(f"{voices[0]!r} keeps only one side's voices, but whose words does its narrator use in "
                       "the sentences it keeps? Voices and names are two different choices.")
    return not_yet("Not yet: for each article, ask whether its narrator uses words of both sides' lists "
                   "(naming_table in notebook 02 lists them).")


@exercise("06.5")
def frames_tell_naming_apart(answer, comparison):
    if not isinstance(answer, str) or answer.strip().lower() not in ("yes", "no"):
        return not_yet("Answer \"yes\" or \"no\".")
    from ..compare import compare

    variants = {v.key: v for v in course_variants()}
    pair = [variants["Armenian names"], variants["Azerbaijani names"]]
    table = compare(_corpus_of(pair))
    frames = table[table["section"] == "frames"]
    values = [list(frames.loc[frames["article"] == v.key, "value"]) for v in pair]
    expected = "yes" if values[0] != values[1] else "no"
    if answer.strip().lower() == expected:
        if expected == "no":
            return correct("The frame rows are the same for both: the dictionaries hold words for fighting, law or "
                           "victims, not the names of places and sides. A frame dictionary cannot see a naming choice; "
                           "the narrator-voice test can.")
        return correct("The frame rows differ: some switched names are words of a frame dictionary.")
    if expected == "no":
        return not_yet("Look at what the frame dictionaries contain (lexicon_table in notebook 03): are place names "
                       "and names of the sides among their words?")
    return not_yet("Look at the words the switch changes: is any of them a word of a frame dictionary?")


def _corpus_of(variants):
    """A corpus of the given variants only (for a check that needs them whatever the notebook compares)."""
    from ..compare import Corpus, Entry, course_sides
    from ..provenance import provenance_record
    from ..variants import switched_sides

    entries = []
    for v in variants:
        article = v.article()
        entries.append(Entry(v.key, v.name, article, provenance=provenance_record(article.provenance, None), variant=v))
    return Corpus(entries, switched_sides(course_sides()))


def _evidence_target(comparison):
    labels = _labels(comparison)
    return EVIDENCE_ARTICLE if EVIDENCE_ARTICLE in labels else labels[min(EVIDENCE_COLUMN, len(labels)) - 1]


@exercise("06.4")
def sentence_behind_a_cell(answer, comparison):
    from ..compare import evidence

    comparison = _comparison(comparison)
    if not isinstance(answer, pd.DataFrame):
        return not_yet("Store the table that evidence(comparison, row, article) returns (the row and the article are "
                       "strings, in quotation marks).")
    target = _evidence_target(comparison)
    expected = evidence(comparison, EVIDENCE_ROW, target)
    if list(answer.columns) == list(expected.columns) and answer.equals(expected):
        first = expected["evidence"].iloc[0] if len(expected) else "(none: the cell has no evidence)"
        return correct(f"The cell says {expected.attrs.get('value', '')!r}; the first sentence behind it: "
                       f"«{first[:90]}». Any cell of the comparison opens this way: read the sentence before you "
                       "quote the number.")
    rows = list(dict.fromkeys(comparison["row"]))
    for row in [EVIDENCE_ROW] + [r for r in rows if r != EVIDENCE_ROW]:
        for article in _labels(comparison):
            other = evidence(comparison, row, article)
            if list(answer.columns) == list(other.columns) and answer.equals(other):
                return not_yet(f"That is the evidence of another cell (row {row!r}, article {article!r}). The question "
                               f"asks for the row {EVIDENCE_ROW!r} of the article {target!r}.")
    return not_yet(f"Call evidence(comparison, {EVIDENCE_ROW!r}, {target!r}) and store what it returns.")
