"""Checks for notebook 02 · Framing: labels, voices, frames and coders."""

from __future__ import annotations

import math

from ..agreement import cohen_kappa_parts, krippendorff_alpha
from ..codebooks import check_coding, coding_answers, load_example_codings
from ..framing import CONTESTED_TERMS, NARRATOR, frame_hits, find_term, label_uses, load_negation_words, narrator_uses
from . import correct, exercise, not_yet, is_whole_number


@exercise("02.1")
def separatist_in_own_voice(answer, article):
    if not is_whole_number(answer):
        return not_yet("Give a whole number: how many uses of the word are the narrator's.")
    uses = label_uses(article, ["separatist"])
    own = sum(u.voice == NARRATOR for u in uses)
    if answer == own:
        return correct(f"{own} of the {len(uses)} uses stand outside quotation marks: the article's own word.")
    if answer == len(uses) and own != len(uses):
        return not_yet("You counted every use. Keep only those whose voice is \"narrator\" (outside quotation marks).")
    if answer == len(uses) - own:
        return not_yet("You counted the quoted uses. The question asks for the narrator's own voice.")
    exact = sum(1 for u in uses if u.text.lower() == "separatist" and u.voice == NARRATOR)
    if answer == exact and exact != own:
        return not_yet("Word forms count too: \"separatists\" is the same label. label_uses finds them for you.")
    return not_yet("Use label_uses(article, [\"separatist\"]) and count the records whose voice is \"narrator\".")


@exercise("02.2")
def narrator_voice_test(answer, article):
    if not isinstance(answer, (list, set, tuple, frozenset)):
        return not_yet("Give a list (or set) of terms, such as [\"separatist\"].")
    expected = {u.term.lower() for u in narrator_uses(article)}
    given = {_term_of(str(a).strip().lower()) for a in answer}
    if given == expected:
        if not expected:
            return correct("The article passes the test: every contested term stands inside quotation marks.")
        return correct(f"In its own voice the article uses: {', '.join(sorted(expected))}. "
                       "Each is a choice a reader can question.")
    quoted_only = {t.lower() for t in CONTESTED_TERMS if label_uses(article, [t])} - expected
    if given & quoted_only:
        return not_yet(f"{', '.join(sorted(given & quoted_only))}: in this article only inside quotation marks. "
                       "Those are the sources' words, not the narrator's.")
    if given < expected:
        return not_yet("Some terms are missing. Run narrator_uses(article) and list the distinct terms.")
    return not_yet("List the distinct terms of narrator_uses(article): the contested words used outside quotation marks.")


def _term_of(word: str) -> str:
    """The entry of CONTESTED_TERMS that finds ``word`` (itself if none)."""
    for term in CONTESTED_TERMS:
        if find_term(word, term) == [(0, len(word))]:
            return term.lower()
    return word


@exercise("02.3")
def most_conflict_paragraph(answer, article, frame="conflict"):
    from ..framing import frame_presence, load_frame_lexicons

    if not is_whole_number(answer):
        return not_yet("Give the paragraph's index (a whole number, counting from 0).")
    lexicons = load_frame_lexicons()
    presence = frame_presence(article, lexicons)
    counts = presence[frame]
    best = counts.max()
    winners = [int(p) for p in counts.index if counts[p] == best]
    if best == 0:
        return correct("No paragraph has a word of the conflict list: any answer is as good as another.") \
            if answer in range(len(counts)) else not_yet("Give an index of article.paragraphs.")
    if answer in winners:
        hits = frame_hits(article, {frame: lexicons[frame]})
        words = hits.loc[hits["paragraph"] == answer, "text"].str.lower().tolist()
        others = f" (as many as paragraph(s) {', '.join(str(w) for w in winners if w != answer)})" \
            if len(winners) > 1 else ""
        return correct(f"Paragraph {answer} has {best} conflict word{'s' if best != 1 else ''}{others}: "
                       f"{', '.join(words)}.")
    if answer - 1 in winners:
        return not_yet("Off by one: paragraphs are counted from 0.")
    totals = presence[list(lexicons)].sum(axis=1)
    if 0 <= answer < len(totals) and totals[answer] == totals.max():
        return not_yet("That paragraph has the most frame words of all frames together. Look at the conflict column only.")
    return not_yet("Sort frame_presence(article) by its \"conflict\" column, or use .idxmax() on it.")


@exercise("02.4")
def negated_frame_sentences(answer, article):
    if not isinstance(answer, (list, set, tuple, frozenset)) or not all(is_whole_number(a) for a in answer):
        return not_yet("Give a list (or set) of sentence numbers (whole numbers).")
    hits = frame_hits(article)
    framed = {int(s) for s in hits["sentence"].dropna()}
    negated = {u.sentence for u in label_uses(article, load_negation_words()) if u.sentence is not None}
    expected = framed & negated
    given = set(answer)
    if given == expected:
        return correct(f"{len(expected)} sentence(s) hold a frame word and a negation: read each one before "
                       "trusting the frame count.")
    if given == negated:
        return not_yet("Those are all the sentences with a negation. Keep only those that also hold a frame word.")
    if given == framed:
        return not_yet("Those are all the sentences with a frame word. Keep only those that also hold a negation.")
    if {g - 1 for g in given} == expected or {g + 1 for g in given} == expected:
        return not_yet("Off by one: sentence numbers are indexes into article.sentences, from 0.")
    if given < expected:
        return not_yet("Some are missing. Did you use every negation word of load_negation_words()?")
    return not_yet("Take the sentence numbers of frame_hits(article) and of label_uses(article, "
                   "load_negation_words()), and keep the numbers in both.")


@exercise("02.5")
def conflict_coding(answer, article):
    if not isinstance(answer, dict):
        return not_yet("Give a dict: question id -> (\"yes\" or \"no\", [sentence numbers]).")
    problems = check_coding(answer, article=article, only="conflict")
    if problems:
        return not_yet("Not complete yet: " + "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else ""))
    if not article.is_seed:
        return correct("Every conflict question is answered, and every yes cites its sentences.")
    coder_a = load_example_codings()["semetko_valkenburg"]["coder A"]
    same = [q for q in ("C1", "C2", "C3", "C4") if _yes(answer[q]) == _yes(coder_a[q])]
    return correct(f"Complete, with evidence. You agree with coder A on {len(same)} of 4 questions "
                   f"({', '.join(same) or 'none'}); where you differ, compare your sentences with theirs.")


def _yes(value) -> bool:
    value = value[0] if isinstance(value, (tuple, list)) else value
    return str(value).strip().lower() in {"yes", "y", "1", "true"}


@exercise("02.6")
def kappa_by_hand(answer, article):
    if not isinstance(answer, (int, float)) or isinstance(answer, bool):
        return not_yet("Give kappa as a number (a float between -1 and 1).")
    codings = load_example_codings()["semetko_valkenburg"]
    a, b = coding_answers(codings["coder A"]), coding_answers(codings["coder B"])
    parts = cohen_kappa_parts(a, b)
    if math.isclose(answer, parts["kappa"], abs_tol=0.005):
        return correct(f"kappa = ({parts['p_o']:.2f} - {parts['p_e']:.2f}) / (1 - {parts['p_e']:.2f}) = "
                       f"{parts['kappa']:.2f}: lower than the raw agreement of {parts['p_o']:.0%}.")
    if math.isclose(answer, parts["p_o"], abs_tol=0.005) or math.isclose(answer, 100 * parts["p_o"], abs_tol=0.5):
        return not_yet("That is the percent agreement p_o. Kappa corrects it for the agreement expected by chance.")
    if math.isclose(answer, parts["p_o"] - parts["p_e"], abs_tol=0.005):
        return not_yet("Nearly: divide (p_o - p_e) by (1 - p_e), the most agreement possible beyond chance.")
    if math.isclose(answer, krippendorff_alpha([a, b]), abs_tol=0.005):
        return not_yet("That is Krippendorff's alpha. Cohen's p_e uses each coder's own yes-rate.")
    if math.isclose(answer, parts["p_e"], abs_tol=0.005):
        return not_yet("That is p_e, the chance agreement. Now compare it with p_o.")
    return not_yet("p_e = share of yes(A) x share of yes(B) + share of no(A) x share of no(B); "
                   "kappa = (p_o - p_e) / (1 - p_e).")
