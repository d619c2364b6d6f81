"""Checks for notebook 03 · Framing II: frames, codebooks and coders.

Sentence and paragraph numbers are the ones the tables show, from 1.
"""

from __future__ import annotations

import math

from ..agreement import cohen_kappa_parts
from ..codebooks import check_coding, load_codebook, load_example_codings, load_paragraph_codings, thin_evidence
from ..framing import word_in_context
from . import complete, correct, exercise, is_number, is_whole_number, not_yet

#: The words of Exercise 03.1: what the security list finds with "forces", "Security Council" and "defen*".
SECURITY_WORDS = ["force", "Security Council", "defender"]
#: On the course article: where those words do not speak of armed force (the answer of 03.1).
SEED_FALSE_POSITIVES = {5, 19, 21, 28}
#: The item of Exercise 03.3.
KAPPA_ITEM = "C2"


@exercise("03.1")
def false_positives(answer, article):
    if not isinstance(answer, (list, set, tuple)) or not all(is_whole_number(a) for a in answer):
        return not_yet("Give a list of sentence numbers (from the table's 'sentence' column).")
    rows = word_in_context(article, SECURITY_WORDS)
    found = {int(s) for s in rows["sentence"].dropna()}
    given = set(answer)
    if not given:
        return not_yet("An empty list says every hit speaks of armed force. Read the context of each row again.")
    if given - found:
        return not_yet(f"Sentence {sorted(given - found)[0]} is not in the table: choose among its rows.")
    if not article.is_seed:
        return complete("A machine cannot tell a false positive; compare your rows with a classmate's.")
    if given == SEED_FALSE_POSITIVES:
        return correct("\"agreements in force\" (in effect), the \"Security Council\" twice (a body, not armed "
                       "security) and the \"rights defender\" (an ombudsman): the list counted letters, not meanings.")
    missing = SEED_FALSE_POSITIVES - given
    extra = given - SEED_FALSE_POSITIVES
    if extra:
        return not_yet(f"In sentence {sorted(extra)[0]} the word does speak of armed force or the forces of a "
                       "party: the count is right there.")
    return not_yet(f"{len(missing)} false positive(s) still counted: read the rows of \"Security Council\" and "
                   "\"force\" again (what is a \"Security Council\"? what is an agreement \"in force\"?).")


@exercise("03.2")
def conflict_coding(answer, article):
    if not isinstance(answer, dict):
        return not_yet("Give a dict: question id -> (\"yes\" or \"no\", [sentence numbers]).")
    problems = check_coding(answer, article=article, only="conflict")
    if problems:
        return not_yet("Not complete yet: " + "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else ""))
    thin = thin_evidence(answer, article)
    if thin:
        return not_yet("Read this evidence again: " + "; ".join(thin[:2]))
    message = "Every question answered, every yes backed by a sentence that can show it. "
    if article.is_seed:
        coder_a = load_example_codings()["semetko_valkenburg"]["coder A"]
        differ = [q for q in ("C1", "C2", "C3", "C4") if _yes(answer[q]) != _yes(coder_a[q])]
        if differ:
            message += (f"You and coder A answer {', '.join(differ)} differently: not a mistake, a question to "
                        "discuss. Which sentence would convince the other coder?")
        else:
            message += "You answer as coder A does; compare your sentences with theirs, and with coder B below."
    else:
        message += "A machine cannot mark a reading: compare it with a second coder's."
    return complete(message)


def _yes(value) -> bool:
    value = value[0] if isinstance(value, (tuple, list)) else value
    return str(value).strip().lower() in {"yes", "y", "1", "true"}


@exercise("03.3")
def kappa_by_hand(answer, article):
    if not is_number(answer):
        return not_yet("Give kappa as a number (between -1 and 1).")
    codings = load_paragraph_codings()
    a, b = codings["coder A"][KAPPA_ITEM], codings["coder B"][KAPPA_ITEM]
    parts = cohen_kappa_parts(a, b)
    if math.isclose(answer, parts["kappa"], abs_tol=0.005):
        return correct(f"kappa = ({parts['p_o']:.2f} - {parts['p_e']:.2f}) / (1 - {parts['p_e']:.2f}) = "
                       f"{parts['kappa']:.2f}, below the raw agreement of {parts['p_o']:.0%}.")
    if math.isclose(answer, parts["p_o"], abs_tol=0.005) or math.isclose(answer, 100 * parts["p_o"], abs_tol=0.5):
        return not_yet("That is the percent agreement p_o. Kappa corrects it for the agreement expected by chance.")
    if math.isclose(answer, parts["p_e"], abs_tol=0.005):
        return not_yet("That is p_e, the chance agreement. Now use kappa = (p_o - p_e) / (1 - p_e).")
    if math.isclose(answer, parts["p_o"] - parts["p_e"], abs_tol=0.005):
        return not_yet("Nearly: divide (p_o - p_e) by (1 - p_e), the most agreement possible beyond chance.")
    return not_yet("p_e = yes_a × yes_b + (1 − yes_a) × (1 − yes_b); kappa = (p_o − p_e) / (1 − p_e).")


@exercise("03.4")
def entman_row(answer, article):
    if not isinstance(answer, dict) or not answer:
        return not_yet("Give a dict: function id (problem, cause, moral, remedy) -> (what the actor says, [sentences]).")
    book = load_codebook("entman")
    unknown = [f for f in answer if f not in book.index]
    if unknown:
        return not_yet(f"{unknown[0]!r} is not a function; the ids are: {', '.join(book.index)}.")
    filled = {f: v for f, v in answer.items() if isinstance(v, (tuple, list)) and v and v[0]}
    if len(filled) < 2:
        return not_yet("Fill in at least two of the four functions (leave out one the actor does not perform).")
    for function, value in filled.items():
        evidence = list(value[1]) if len(value) > 1 else []
        if not evidence:
            return not_yet(f"{function}: cite the sentence numbers that show it.")
        bad = [n for n in evidence if not is_whole_number(n) or not 1 <= n <= len(article.sentences)]
        if bad:
            return not_yet(f"{function}: {bad[0]!r} is not a sentence number of this article (1 to "
                           f"{len(article.sentences)}).")
        if not isinstance(value[0], str) or len(value[0].split()) < 2:
            return not_yet(f"{function}: say in a few words what the actor says, not one word.")
    thin = thin_evidence({"x": ("yes", [n for v in filled.values() for n in v[1]])}, article,
                         codebook=_one_question())
    if thin:
        return not_yet("Read this evidence again: " + thin[0].split(": ", 1)[1])
    return complete(f"{len(filled)} function(s) filled in, each with sentences that can show it. Whether the row is "
                    "right is a reading: compare it with the instructor guide and with a classmate's row.")


def _one_question():
    import pandas as pd

    return pd.DataFrame({"question": ["evidence"]}, index=pd.Index(["x"], name="id"))


@exercise("03.5")
def not_codable_indicators(answer, article):
    if not isinstance(answer, (list, set, tuple)) or not all(isinstance(a, str) for a in answer):
        return not_yet("Give a list of indicator ids, such as [\"W1\", \"P1\"].")
    book = load_codebook("peace_war")
    given = {a.strip().upper() for a in answer}
    unknown = sorted(given - set(book.index))
    if unknown:
        return not_yet(f"{unknown[0]} is not an indicator id (W1 to W13, P1 to P13).")
    expected = set(book.index[book["codable from one article"] == "no"])
    if given == expected:
        return correct(f"{', '.join(sorted(expected, key=_order))}: they describe an outlet's coverage over time "
                       "(before the fighting, after the ceasefire). One article cannot show them: code them n/a.")
    if not given:
        return not_yet("Some indicators describe what an outlet does over weeks, not what one article says.")
    extra = sorted(given - expected, key=_order)
    if extra:
        return not_yet(f"{extra[0]} can be read in this one text: what would you look for in its sentences?")
    return not_yet("Some are missing: look for the indicators that speak of before the fighting and after the ceasefire.")


def _order(qid: str):
    return (qid[0], int(qid[1:]))
