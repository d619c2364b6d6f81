"""Codebooks: published questionnaires for framing, answered with evidence.

A codebook turns "this article frames the events as a conflict" into a list of
questions that two people can answer separately and then compare.  Three
codebooks ship as plain CSV files in ``helpers/data/`` (open them: the
citation is on top):

* ``semetko_valkenburg.csv`` -- Semetko & Valkenburg (2000): 20 yes/no
  questions for five generic news frames.  A frame's score is the mean of its
  answers (yes = 1, no = 0): 0 means no indicator of the frame, 1 every one.
* ``peace_war_indicators.csv`` -- Lee & Maslog (2005): 13 indicators of war
  journalism and 13 of peace journalism; count the ones present on each side.
* ``entman_functions.csv`` -- Entman (1993): the four things a frame does
  (problem definition, causal interpretation, moral evaluation, treatment
  recommendation), filled in for each actor.

A coding is a dict from question id to an answer and the **sentence numbers**
(indexes into ``article.sentences``) that show it::

    coding = {
        "C1": ("yes", [0, 9]),    # disagreement between parties: sentences 0 and 9
        "C4": ("no", []),         # no winners and losers
        ...
    }

Every "yes" needs evidence: :func:`check_coding` lists what is missing or
wrong, and the scoring functions refuse a coding with problems.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .text import shorten
from .errors import CodingError

__all__ = [
    "CodingError", "CODEBOOKS", "load_codebook", "check_coding", "coding_answers", "coding_table",
    "frame_scores", "peace_war_tally", "peace_war_lean", "entman_table", "load_example_codings",
]

DATA = Path(__file__).resolve().parent / "data"
#: Codebook name -> file in helpers/data/.
CODEBOOKS = {
    "semetko_valkenburg": "semetko_valkenburg.csv",
    "peace_war": "peace_war_indicators.csv",
    "entman": "entman_functions.csv",
}
YES = {"yes", "y", "1", "true"}
NO = {"no", "n", "0", "false"}


def load_codebook(name: str = "semetko_valkenburg") -> pd.DataFrame:
    """A codebook as a table, one row per question (``name``: see :data:`CODEBOOKS`).

    The comment lines at the top of the file (the citation) are skipped;
    ``table.attrs["source"]`` keeps them.
    """
    if name not in CODEBOOKS:
        raise ValueError(f"unknown codebook {name!r}; the codebooks are: {', '.join(CODEBOOKS)}")
    with open(DATA / CODEBOOKS[name], encoding="utf-8", newline="") as file:
        lines = file.read().splitlines()
    comments = [line.lstrip("# ").rstrip() for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    table = pd.DataFrame(rows).set_index("id")
    table.attrs["source"] = " ".join(comments)
    return table


def _codebook(codebook) -> pd.DataFrame:
    return load_codebook(codebook) if isinstance(codebook, str) else codebook


def _answer(value) -> tuple[int | None, list]:
    """(1 for yes / 0 for no / None if unreadable, evidence list) from any accepted way of writing an answer."""
    evidence: list = []
    if isinstance(value, (tuple, list)):
        if not value:
            return None, []
        value, evidence = value[0], (list(value[1]) if len(value) > 1 and value[1] is not None else [])
    if isinstance(value, bool) or value in (0, 1):
        return int(value), evidence
    if isinstance(value, str) and value.strip().lower() in YES | NO:
        return (1 if value.strip().lower() in YES else 0), evidence
    return None, evidence


def _evidence_problems(where: str, evidence, n_sentences: int | None) -> list[str]:
    problems = []
    if not isinstance(evidence, (list, tuple)):
        return [f"{where}: evidence must be a list of sentence numbers, like [3, 7]"]
    for item in evidence:
        if isinstance(item, bool) or not isinstance(item, int):
            problems.append(f"{where}: evidence {item!r} is not a sentence number (an int)")
        elif n_sentences is not None and not 0 <= item < n_sentences:
            problems.append(f"{where}: there is no sentence {item} (the article has sentences 0 to "
                            f"{n_sentences - 1})")
    return problems


def check_coding(coding: Mapping, codebook="semetko_valkenburg", article=None, only=None) -> list[str]:
    """Everything wrong with a coding, as sentences (an empty list: the coding is complete).

    Checks that every question of the codebook is answered yes or no, that no
    unknown id is used, that every "yes" cites at least one sentence, and (with
    ``article``) that the sentence numbers exist.  ``only`` restricts the check
    to some questions: a list of ids and/or frame names (``only=["conflict"]``).
    """
    book = _codebook(codebook)
    if only is not None:
        only = [only] if isinstance(only, str) else list(only)
        group = book["frame"] if "frame" in book.columns else book.iloc[:, 0]
        book = book[book.index.isin(only) | group.isin(only)]
    if not isinstance(coding, Mapping):
        return ["a coding is a dict: question id -> (\"yes\" or \"no\", [sentence numbers])"]
    n_sentences = len(article.sentences) if article is not None else None
    problems = []
    for qid in coding:
        if qid not in book.index:
            problems.append(f"{qid!r} is not a question of this codebook (ids: {', '.join(book.index)})")
    for qid in book.index:
        if qid not in coding:
            problems.append(f"{qid} is not answered")
            continue
        answer, evidence = _answer(coding[qid])
        if answer is None:
            problems.append(f"{qid}: answer \"yes\" or \"no\", not {coding[qid]!r}")
            continue
        problems += _evidence_problems(qid, evidence, n_sentences)
        if answer == 1 and not evidence:
            problems.append(f"{qid} is \"yes\" but cites no sentence: give the sentence numbers that show it")
    return problems


def _require_valid(coding, book, article) -> None:
    problems = check_coding(coding, book, article)
    if problems:
        raise CodingError("the coding cannot be scored yet:\n- " + "\n- ".join(problems))


def coding_answers(coding: Mapping, codebook="semetko_valkenburg") -> list[int]:
    """The answers as 1 (yes) and 0 (no) in the codebook's question order (ready for ``cohen_kappa``)."""
    book = _codebook(codebook)
    _require_valid(coding, book, None)
    return [_answer(coding[qid])[0] for qid in book.index]


def coding_table(coding: Mapping, codebook="semetko_valkenburg", article=None) -> pd.DataFrame:
    """One row per answered question: its group, the question, the answer, the sentences and (with ``article``) their text."""
    book = _codebook(codebook)
    group = "frame" if "frame" in book.columns else book.columns[0]
    text_column = "question" if "question" in book.columns else "indicator"
    rows = []
    for qid in book.index:
        if qid not in coding:
            continue
        answer, evidence = _answer(coding[qid])
        row = {"id": qid, group: book.loc[qid, group], text_column: book.loc[qid, text_column],
               "answer": {1: "yes", 0: "no"}.get(answer, "?"), "sentences": ", ".join(map(str, evidence))}
        if article is not None:
            row["evidence"] = " / ".join(shorten(article.sentences[i], 70) for i in evidence
                                         if isinstance(i, int) and 0 <= i < len(article.sentences))
        rows.append(row)
    return pd.DataFrame(rows).set_index("id")


def frame_scores(coding: Mapping, article=None, codebook="semetko_valkenburg") -> pd.DataFrame:
    """Semetko & Valkenburg frame scores: for each frame, the mean of its yes (1) / no (0) answers.

    Columns: ``questions`` (how many), ``yes`` (how many answered yes),
    ``score`` (yes / questions, 0 to 1) and ``sentences`` (the evidence cited
    by the yes answers).  Raises :class:`CodingError` listing every problem if
    the coding is incomplete or a yes lacks evidence.
    """
    book = _codebook(codebook)
    _require_valid(coding, book, article)
    rows = []
    for frame, questions in book.groupby("frame", sort=False):
        answers = [_answer(coding[qid]) for qid in questions.index]
        yes = sum(answer for answer, _ in answers)
        cited = sorted({i for answer, evidence in answers if answer == 1 for i in evidence})
        rows.append({"frame": frame, "questions": len(answers), "yes": yes, "score": yes / len(answers),
                     "sentences": ", ".join(map(str, cited))})
    return pd.DataFrame(rows).set_index("frame")


def peace_war_tally(coding: Mapping, article=None) -> pd.DataFrame:
    """Lee & Maslog's indicators counted: how many war and how many peace indicators are present.

    One row per orientation ("war", "peace") with ``present``, ``of`` (the
    number of indicators) and ``indicators`` (the ids answered yes).
    """
    book = load_codebook("peace_war")
    _require_valid(coding, book, article)
    rows = []
    for orientation, indicators in book.groupby("orientation", sort=False):
        present = [qid for qid in indicators.index if _answer(coding[qid])[0] == 1]
        rows.append({"orientation": orientation, "present": len(present), "of": len(indicators),
                     "indicators": ", ".join(present)})
    return pd.DataFrame(rows).set_index("orientation")


def peace_war_lean(coding: Mapping, article=None) -> str:
    """"war journalism", "peace journalism" or "balanced": the side with more indicators present."""
    tally = peace_war_tally(coding, article)["present"]
    if tally["war"] > tally["peace"]:
        return "war journalism"
    if tally["peace"] > tally["war"]:
        return "peace journalism"
    return "balanced"


def entman_table(codings: Mapping, article=None) -> pd.DataFrame:
    """Entman's four functions as a table: one row per actor, one column per function.

    ``codings`` maps an actor to ``{function id: (what the actor says, [sentence numbers])}``
    with the ids of ``entman_functions.csv`` (problem, cause, moral, remedy).
    A function an actor does not perform may be left out (the cell says "—").
    Every filled-in function needs evidence; a cell reads "text [s. 3, 7]".
    """
    book = load_codebook("entman")
    n_sentences = len(article.sentences) if article is not None else None
    problems, rows = [], []
    for actor, functions in codings.items():
        row = {"actor": actor}
        for fid in functions:
            if fid not in book.index:
                problems.append(f"{actor}: {fid!r} is not a function (ids: {', '.join(book.index)})")
        for fid in book.index:
            value = functions.get(fid)
            if not value or not value[0]:
                row[book.loc[fid, "function"]] = "—"
                continue
            text, evidence = value[0], list(value[1]) if len(value) > 1 else []
            problems += _evidence_problems(f"{actor}, {fid}", evidence, n_sentences)
            if not evidence:
                problems.append(f"{actor}, {fid}: cite the sentence numbers that show it")
            row[book.loc[fid, "function"]] = f"{text} [s. {', '.join(map(str, evidence))}]"
        rows.append(row)
    if problems:
        raise CodingError("the Entman table cannot be filled in yet:\n- " + "\n- ".join(problems))
    return pd.DataFrame(rows).set_index("actor")


def load_example_codings() -> dict:
    """Worked codings of the course article (``helpers/data/codings_seed.json``).

    Keys: "semetko_valkenburg" (two coders, "coder A" and "coder B", who
    coded independently), "peace_war" and "entman".  Sentence numbers refer
    to the course article only.
    """
    with open(DATA / "codings_seed.json", encoding="utf-8") as file:
        data = json.load(file)
    data.pop("about", None)
    return data
