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
(as the tables show them, from 1) that show it::

    coding = {
        "C1": ("yes", [1, 10]),   # disagreement between parties: sentences 1 and 10
        "C4": ("no", []),         # no winners and losers
        "H5": ("n/a", []),        # cannot be answered from this text (no pictures)
        ...
    }

Every "yes" needs evidence: :func:`check_coding` lists what is missing or
wrong, :func:`thin_evidence` flags a cited sentence that cannot support an
item (a fragment such as "‘Azerbaijan."), and the scoring functions refuse a
coding with problems.  "n/a" (not applicable) is left out of scores and of
agreement: it is not a "no".

**Which problem?**  Semetko & Valkenburg ask about "the issue/problem", but in
a conflict story each side defines a different one.  The course's rule
(:data:`PROBLEM_RULE`): code the problem as the article's lede defines it, and
note where a source defines another.
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
    "thin_evidence", "load_paragraph_codings", "load_class_codings", "PROBLEM_RULE", "NOT_APPLICABLE",
    "compare_codings", "compare_scores", "unit_table", "entman_long",
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
#: How to write "this question cannot be answered from this text".
NOT_APPLICABLE = "n/a"
NA_WORDS = {"n/a", "na", "not applicable", "not codable"}
#: The codebook's rule for "the issue/problem" of Semetko & Valkenburg's questions.
PROBLEM_RULE = ("Code the problem as the article's lede defines it (here: Azerbaijan's military operation and "
                "its effects). Where a source defines another problem (for Baku: the mines and \"terrorism\"), "
                "code it under that source in the Entman table, not as the story's problem.")
#: Words that name an actor, for thin_evidence (besides capitalised names).
ACTOR_WORDS = ("government", "forces", "army", "authorities", "ministry", "civilian", "people", "side",
               "parties", "troops", "leaders", "president", "minister", "spokesperson")


def load_codebook(name: str = "semetko_valkenburg") -> pd.DataFrame:
    """A codebook as a table, one row per question (``name``: see :data:`CODEBOOKS`).

    The comment lines at the top of the file (the citation) are skipped;
    ``table.attrs["source"]`` keeps them.
    """
    if name not in CODEBOOKS:
        raise CodingError(f"unknown codebook {name!r}; the codebooks are: {', '.join(CODEBOOKS)}")
    with open(DATA / CODEBOOKS[name], encoding="utf-8", newline="") as file:
        lines = file.read().splitlines()
    comments = [line.lstrip("# ").rstrip() for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    table = pd.DataFrame(rows).set_index("id")
    table.attrs["source"] = " ".join(comments)
    return table


def _codebook(codebook) -> pd.DataFrame:
    return load_codebook(codebook) if isinstance(codebook, str) else codebook


def _answer(value):
    """(1 for yes / 0 for no / "n/a" / None if unreadable, evidence list) from any accepted way of writing an answer."""
    evidence: list = []
    if isinstance(value, (tuple, list)):
        if not value:
            return None, []
        value, evidence = value[0], (list(value[1]) if len(value) > 1 and value[1] is not None else [])
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return int(value), evidence
    if isinstance(value, str) and value.strip().lower() in YES | NO:
        return (1 if value.strip().lower() in YES else 0), evidence
    if isinstance(value, str) and value.strip().lower() in NA_WORDS:
        return NOT_APPLICABLE, evidence
    return None, evidence


def _evidence_problems(where: str, evidence, n_sentences: int | None) -> list[str]:
    problems = []
    if not isinstance(evidence, (list, tuple)):
        return [f"{where}: evidence must be a list of sentence numbers, like [3, 7]"]
    for item in evidence:
        if isinstance(item, bool) or not isinstance(item, int):
            problems.append(f"{where}: evidence {item!r} is not a sentence number (an int)")
        elif n_sentences is not None and not 1 <= item <= n_sentences:
            problems.append(f"{where}: there is no sentence {item} (the tables number the article's sentences "
                            f"1 to {n_sentences})")
    return problems


def check_coding(coding: Mapping, codebook="semetko_valkenburg", article=None, only=None) -> list[str]:
    """Everything wrong with a coding, as sentences (an empty list: the coding is complete).

    Checks that every question of the codebook is answered yes, no or n/a, that no
    unknown id is used, that every "yes" cites at least one sentence, and (with
    ``article``) that the sentence numbers (from 1) exist.  It cannot judge the
    reading; :func:`thin_evidence` flags evidence that cannot support an item.  ``only`` restricts the check
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
            problems.append(f"{qid}: answer \"yes\", \"no\" or \"n/a\", not {coding[qid]!r}")
            continue
        problems += _evidence_problems(qid, evidence, n_sentences)
        if answer == 1 and not evidence:
            problems.append(f"{qid} is \"yes\" but cites no sentence: give the sentence numbers that show it")
    return problems


def _sentence_words(sentence) -> list[str]:
    return [w.strip("“”\"'‘’«»()[].,;:!?…") for w in str(sentence).split()]


def _reporting_forms() -> set[str]:
    from .datafiles import read_csv

    forms = set()
    for row in read_csv("reporting_verbs.csv"):
        for column in ("forms", "participles"):
            forms.update(w.lower() for w in (row.get(column) or "").split())
    return forms


def thin_evidence(coding: Mapping, article, codebook="semetko_valkenburg") -> list[str]:
    """Cited sentences that cannot support an item, as sentences to read (an empty list: none found).

    A sentence is flagged when it has fewer than four words (a fragment such
    as "‘Azerbaijan."), or when it names no party (no capitalised name after
    its first word, no word such as "government", "forces", "civilians") and
    holds no reporting verb.  A flag is a prompt to re-read, not a verdict.
    """
    book = _codebook(codebook)
    verbs = _reporting_forms()
    problems = []
    for qid in book.index:
        if qid not in coding:
            continue
        answer, evidence = _answer(coding[qid])
        if answer != 1:
            continue
        for number in evidence:
            if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= len(article.sentences):
                continue
            words = [w for w in _sentence_words(article.sentences[number - 1]) if w]
            if len(words) < 4:
                problems.append(f"{qid}: sentence {number} («{' '.join(words)}») is a fragment of "
                                f"{len(words)} word{'s' if len(words) != 1 else ''}: it cannot show the item")
                continue
            named = any(w[:1].isupper() for w in words[1:]) or any(
                w.lower().startswith(actor) for w in words for actor in ACTOR_WORDS)
            reported = any(w.lower() in verbs for w in words)
            if not named and not reported:
                problems.append(f"{qid}: sentence {number} names no party and holds no reporting verb: "
                                "does it really show the item?")
    return problems


def _require_valid(coding, book, article) -> None:
    problems = check_coding(coding, book, article)
    if problems:
        raise CodingError("the coding cannot be scored yet:\n- " + "\n- ".join(problems))


def coding_answers(coding: Mapping, codebook="semetko_valkenburg") -> list[int]:
    """The answers as 1 (yes), 0 (no) and ``None`` (n/a) in the codebook's question order (ready for ``cohen_kappa``)."""
    book = _codebook(codebook)
    _require_valid(coding, book, None)
    return [None if _answer(coding[qid])[0] == NOT_APPLICABLE else _answer(coding[qid])[0] for qid in book.index]


def coding_table(coding: Mapping, codebook="semetko_valkenburg", article=None) -> pd.DataFrame:
    """One row per answered question: its group, the question, the answer, the sentences (from 1) and (with ``article``) their text."""
    book = _codebook(codebook)
    group = "frame" if "frame" in book.columns else book.columns[0]
    text_column = "question" if "question" in book.columns else "indicator"
    rows = []
    for qid in book.index:
        if qid not in coding:
            continue
        answer, evidence = _answer(coding[qid])
        row = {"id": qid, group: book.loc[qid, group], text_column: book.loc[qid, text_column],
               "answer": {1: "yes", 0: "no", NOT_APPLICABLE: NOT_APPLICABLE}.get(answer, "?"),
               "sentences": ", ".join(map(str, evidence))}
        if article is not None:
            row["evidence"] = " / ".join(shorten(article.sentences[i - 1], 70) for i in evidence
                                         if isinstance(i, int) and 1 <= i <= len(article.sentences))
        rows.append(row)
    return pd.DataFrame(rows).set_index("id")


def frame_scores(coding: Mapping, article=None, codebook="semetko_valkenburg") -> pd.DataFrame:
    """Semetko & Valkenburg frame scores: for each frame, the mean of its yes (1) / no (0) answers.

    Columns: ``questions`` (how many), ``answered`` (not n/a), ``yes`` (how
    many answered yes), ``score`` (yes / answered, 0 to 1; n/a is left out,
    not counted as no) and ``sentences`` (the evidence cited by the yes
    answers).  Raises :class:`CodingError` listing every problem if the coding
    is incomplete or a yes lacks evidence.
    """
    book = _codebook(codebook)
    _require_valid(coding, book, article)
    rows = []
    for frame, questions in book.groupby("frame", sort=False):
        answers = [_answer(coding[qid]) for qid in questions.index]
        answered = [a for a, _ in answers if a != NOT_APPLICABLE]
        yes = sum(answered)
        cited = sorted({i for answer, evidence in answers if answer == 1 for i in evidence})
        rows.append({"frame": frame, "questions": len(answers), "answered": len(answered), "yes": yes,
                     "score": yes / len(answered) if answered else float("nan"),
                     "sentences": ", ".join(map(str, cited))})
    return pd.DataFrame(rows).set_index("frame")


def peace_war_tally(coding: Mapping, article=None) -> pd.DataFrame:
    """Lee & Maslog's indicators counted: how many war and how many peace indicators are present.

    One row per orientation ("war", "peace") with ``present``, ``of`` (the
    number of indicators that could be coded, n/a left out), ``not codable``
    (the n/a ids: indicators that need coverage over time) and ``indicators``
    (the ids answered yes).
    """
    book = load_codebook("peace_war")
    _require_valid(coding, book, article)
    rows = []
    for orientation, indicators in book.groupby("orientation", sort=False):
        present = [qid for qid in indicators.index if _answer(coding[qid])[0] == 1]
        skipped = [qid for qid in indicators.index if _answer(coding[qid])[0] == NOT_APPLICABLE]
        rows.append({"orientation": orientation, "present": len(present), "of": len(indicators) - len(skipped),
                     "not codable": ", ".join(skipped), "indicators": ", ".join(present)})
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
    with the ids of ``entman_functions.csv`` (problem, cause, moral, remedy);
    sentence numbers as the tables show them, from 1.
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
    coded independently), "peace_war", "entman" and "by_paragraph" (see
    :func:`load_paragraph_codings`).  Sentence numbers (from 1) refer to the
    course article only.
    """
    from .datafiles import read_json

    data = json.loads(json.dumps(read_json("codings_seed.json")))  # a fresh copy
    data.pop("about", None)
    return data


def load_paragraph_codings() -> dict[str, dict[str, list]]:
    """Two coders' answers to five questions for each body paragraph of the course article.

    ``{coder: {item: [answer for paragraph 1, 2, ...]}}`` with 1 for yes and 0
    for no: ready for :func:`helpers.agreement.reliability_by_item`.
    """
    units = load_example_codings()["by_paragraph"]
    return {coder: units[coder] for coder in ("coder A", "coder B")}


def load_class_codings(path) -> dict[str, dict[str, list]]:
    """A class's codings from a CSV file with the columns ``coder,unit,item,answer``.

    One row per answer; ``answer`` is yes/no/1/0 (empty or n/a: not answered).
    Returns ``{coder: {item: [answers in unit order]}}`` for
    :func:`helpers.agreement.reliability_by_item`.  The template
    ``helpers/data/class_codings_template.csv`` holds the course's two
    coders; a teacher replaces its rows with the class's.
    """
    from pathlib import Path as _Path

    path = _Path(path)
    if not path.is_file():
        raise CodingError(f"no class coding file at {path}: copy helpers/data/class_codings_template.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    needed = {"coder", "unit", "item", "answer"}
    if not rows or not needed <= set(rows[0]):
        raise CodingError(f"{path.name}: the columns must be coder,unit,item,answer")
    units = sorted({row["unit"].strip() for row in rows}, key=lambda u: (len(u), u))
    coders = list(dict.fromkeys(row["coder"].strip() for row in rows))
    items = list(dict.fromkeys(row["item"].strip() for row in rows))
    table = {c: {i: [None] * len(units) for i in items} for c in coders}
    position = {u: k for k, u in enumerate(units)}
    for number, row in enumerate(rows, start=2):
        answer, _ = _answer(row["answer"].strip())
        if answer is None and row["answer"].strip():
            raise CodingError(f"{path.name}, line {number}: answer yes, no or n/a, not {row['answer']!r}")
        value = None if answer in (None, NOT_APPLICABLE) else answer
        table[row["coder"].strip()][row["item"].strip()][position[row["unit"].strip()]] = value
    return table


def compare_codings(first: Mapping, second: Mapping, names=("coder A", "coder B"),
                    codebook="semetko_valkenburg") -> pd.DataFrame:
    """Two codings side by side, narrow: one row per question, each coder's answer and sentences (from 1)."""
    book = _codebook(codebook)
    rows = []
    for qid in book.index:
        row = {"id": qid}
        for name, coding in zip(names, (first, second)):
            answer, evidence = _answer(coding.get(qid, ()))
            row[name] = {1: "yes", 0: "no", NOT_APPLICABLE: NOT_APPLICABLE}.get(answer, "?")
            row[f"{name}: sentences"] = ", ".join(map(str, evidence))
        row["agree"] = "yes" if row[names[0]] == row[names[1]] else "NO"
        rows.append(row)
    return pd.DataFrame(rows).set_index("id")


def compare_scores(codings: Mapping[str, Mapping], article=None) -> pd.DataFrame:
    """Each coder's Semetko & Valkenburg frame scores side by side (rounded to two decimals)."""
    return pd.DataFrame({name: frame_scores(coding, article)["score"].round(2) for name, coding in codings.items()})


def unit_table(codings: Mapping[str, Mapping[str, list]], item: str, unit: str = "paragraph") -> pd.DataFrame:
    """One item's answers unit by unit (numbered from 1), one column per coder, "yes"/"no"."""
    columns = {coder: ["yes" if v == 1 else "no" if v == 0 else "" for v in answers[item]]
               for coder, answers in codings.items()}
    table = pd.DataFrame(columns)
    table.index = pd.RangeIndex(1, len(table) + 1, name=unit)
    return table


def entman_long(codings: Mapping, article=None, actor: str | None = None) -> pd.DataFrame:
    """Entman's functions one row per actor and function (narrow): actor, function, what they say, sentences."""
    entman_table(codings, article)  # the same checks: refuses a cell without evidence
    book = load_codebook("entman")
    rows = []
    for name, functions in codings.items():
        if actor is not None and name != actor:
            continue
        for fid in book.index:
            value = functions.get(fid)
            if value and value[0]:
                rows.append({"actor": name, "function": book.loc[fid, "function"], "what they say": value[0],
                             "sentences": ", ".join(map(str, value[1]))})
    table = pd.DataFrame(rows, columns=["actor", "function", "what they say", "sentences"])
    table.index = range(1, len(table) + 1)
    return table
