"""Checks for notebook 05 · Readability.

Every check recomputes the answer with :mod:`helpers.readability` on the
article being studied, so it stays right on any article.  A reading that the
machine cannot mark (the note to an editor) has no check; a rewrite is checked
for what a machine can see: the attribution survives, the quotations are the
source's words, no contested term stands in the reporter's own voice, and the
grade goes down.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Collection

from ..errors import ReadabilityWarning
from ..quotes import find_quotes
from ..readability import compare_methods, compare_scores, readability_scores, word_drivers
from ..readability.views import (
    EXAMPLE_REWRITES, MODEL_REWRITE, gunning_candidates, hard_because, name_candidates, rewrite_target,
    side_table, sides_for,
)
from . import complete, correct, exercise, is_number, not_yet


def _quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadabilityWarning)  # a short text's warnings are not the student's fault
        return function(*args, **kwargs)


def _close(a: float, b: float, tolerance: float = 0.05) -> bool:
    return abs(a - b) <= tolerance


def _words(answer) -> list[str] | None:
    """A list of strings from a list, tuple or set answer (None for anything else)."""
    if isinstance(answer, str) or not isinstance(answer, Collection):
        return None
    return [str(a).strip() for a in answer]


@exercise("05.1")
def reading_ease_by_hand(answer, article):
    if not is_number(answer):
        return not_yet("Give a number: the result of the formula, computed from the counts in counts.")
    s = _quiet(readability_scores, article)
    expected = s["flesch_reading_ease"]
    if _close(answer, expected):
        return correct(f"{expected:.2f}, as textstat computes it: 206.835 − 1.015 × {s['words']}/{s['sentences']} "
                       f"− 84.6 × {s['syllables']}/{s['words']}.")
    if _close(answer, s["flesch_kincaid_grade"]):
        return not_yet("That is the Flesch-Kincaid grade. Reading ease has its own constants: 206.835, 1.015 and 84.6.")
    course_sentences = len(article.sentences)
    with_course_sentences = 206.835 - 1.015 * s["words"] / course_sentences - 84.6 * s["syllables"] / s["words"]
    if course_sentences != s["sentences"] and _close(answer, with_course_sentences):
        return not_yet("You divided by len(article.sentences), the course's sentences. textstat's score uses its "
                       "own sentence count: counts['sentences'].")
    if _close(answer, 206.835 - 1.015 * s["words"] / s["sentences"] - 84.6 * s["words"] / s["syllables"]):
        return not_yet("The second ratio is upside down: syllables per word is syllables / words.")
    if _close(answer, 206.835 - 1.015 * s["words"] / s["sentences"] - 0.846 * s["syllables"] / s["words"]):
        return not_yet("84.6 multiplies syllables per word (0.846 would multiply syllables per 100 words).")
    return not_yet("206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words), "
                   "with the counts of textstat's method.")


_DIRECTIONS = {"harder": "harder", "more difficult": "harder", "easier": "easier", "same": "same",
               "the same": "same", "no change": "same"}
_CAUSES = {"sentences": "sentences", "sentence": "sentences", "words": "words", "syllables": "syllables",
           "syllable": "syllables", "hard words": "hard words", "letters": "letters",
           "coefficient": "coefficient", "smog sample": "SMOG sample", "sample": "SMOG sample"}


@exercise("05.2")
def two_tools(answer, article):
    given = _words(answer)
    if given is None or len(given) != 2:
        return not_yet('Give a list of two strings: ["harder" or "easier", the cause that moves the score most].')
    direction = _DIRECTIONS.get(given[0].lower())
    cause = _CAUSES.get(given[1].lower())
    if direction is None or cause is None:
        return not_yet('The first string is "harder" or "easier"; the second one of the causes in the table: '
                       '"sentences", "words", "syllables", "hard words", "letters", "coefficient", "SMOG sample".')
    table = _quiet(compare_methods, article)
    row = table.loc["Flesch reading ease"]
    expected_direction = "same" if abs(row["difference"]) < 0.05 else "harder" if row["difference"] < 0 else "easier"
    steps = table.attrs["steps"]["Flesch reading ease"]
    expected_cause = max(steps, key=lambda c: abs(steps[c])) if steps else "none"
    if direction != expected_direction:
        if {direction, expected_direction} == {"harder", "easier"}:
            return not_yet("Reading ease runs the other way from the grades: a lower reading ease means a harder "
                           "text. Compare the two reading-ease numbers again.")
        return not_yet("Compare the textstat and original columns of the reading-ease row.")
    if cause != expected_cause:
        change = steps.get(cause, 0.0)
        return not_yet(f"{cause} moves reading ease by {change:+.2f}. Which cause in the row moves it most "
                       "(the largest number, whatever its sign)?")
    return correct(f"By the formula as Flesch defined it the article reads {direction} "
                   f"({row['original']:.1f} against {row['textstat']:.1f}), and {cause} explain most of the "
                   f"difference ({steps[cause]:+.2f}). Two tools, two answers: report which one you used.")


@exercise("05.3")
def gunning_hard_words(answer, article):
    from ..readability.original_rules import analyse

    given = _words(answer)
    if given is None:
        return not_yet('Give a list of words, such as ["word", "other"]: the candidates that Gunning counts as hard.')
    candidates = gunning_candidates(article)
    decided = {w.text: w for w in analyse(article).words if w.text in candidates}
    expected = {w for w in candidates if decided[w].hard}
    lower = {c.lower(): c for c in candidates}
    unknown = [g for g in given if g.lower() not in lower]
    if unknown:
        return not_yet(f"{unknown[0]!r} is not one of the candidates: choose among {', '.join(candidates)}.")
    chosen = {lower[g.lower()] for g in given}
    if chosen == expected:
        return correct("Gunning counts " + (", ".join(sorted(expected)) or "none of them") + ". He leaves out "
                       + "; ".join(f"{w} ({decided[w].hard_reason or 'a figure, read as easy number words'})"
                                   for w in candidates if w not in expected) + ".")
    wrong = sorted(chosen - expected)
    if wrong:
        word = decided[wrong[0]]
        why = {"capitalised": "it is capitalised: Gunning leaves capitalised words out"}.get(
            word.hard_reason, f"Gunning leaves it out: {word.hard_reason}" if word.hard_reason else
            "a figure is read as easy number words")
        return not_yet(f"{wrong[0]} has {word.syllables} syllables, but {why}.")
    missing = sorted(expected - chosen)
    return not_yet(f"{missing[0]} is a hard word for Gunning: {decided[missing[0]].syllables} syllables, not "
                   "capitalised, not an -ed or -es form, not made of short easy words.")


@exercise("05.4")
def long_enough_samples(answer, article):
    given = _words(answer)
    if given is None:
        return not_yet('Give a list of sides, as the side table names them: ["...", "..."] (an empty list if none).')
    table = side_table(article, sides_for(article))
    long_enough = {side for side in table.index if table.loc[side, "sample"] != "too short"}
    chosen = set(given)
    unknown = sorted(chosen - set(table.index))
    if unknown:
        return not_yet(f"{unknown[0]!r} is not a side of the table: copy the side's name as the table writes it.")
    if chosen == long_enough:
        short = sorted(set(table.index) - long_enough)
        return correct(f"{len(long_enough)} side(s) reach 100 words; {', '.join(short) or 'none'} do not. "
                       "A grade on fewer words is a number without a meaning: compare the long samples only, "
                       "and even those with care.")
    if chosen - long_enough:
        side = sorted(chosen - long_enough)[0]
        return not_yet(f"{side} has {int(table.loc[side, 'words'])} words: fewer than the 100 the formulas' "
                       "authors recommend.")
    if "not classified" in long_enough - chosen:
        return not_yet("'not classified' is a group of sentences too: if it has 100 words, its sample is long enough.")
    return not_yet("Some side with 100 words or more is missing: read the words column.")


@exercise("05.5")
def length_or_names(answer, article):
    given = _words(answer)
    table = hard_because(article)
    expected = table.attrs["answer"]
    if given is None or len(given) != len(expected):
        return not_yet(f'Give a list of {len(expected)} strings, one per sentence of the table, each "length" '
                       'or "names".')
    given = [g.lower() for g in given]
    if any(g not in ("length", "names") for g in given):
        return not_yet('Each answer is "length" or "names".')
    if given == expected:
        parts = "; ".join(f"sentence {s}: length {a:+.1f}, names {b:+.1f}"
                          for s, (a, b) in zip(table.index, table.attrs["parts"]))
        return correct(f"Grades added beyond a 20-word sentence, and by the names' extra syllables: {parts}. "
                       "Splitting a long sentence lowers the grade; writing around a name does not make it easier "
                       "to read.")
    k = next(i for i, (g, e) in enumerate(zip(given, expected)) if g != e)
    length, names = table.attrs["parts"][k]
    return not_yet(f"Look again at sentence {table.index[k]}: {table['words'].iloc[k]} words (each "
                   f"word beyond 20 adds 0.39 grade), and its names ({table['names'].iloc[k]}): each syllable "
                   "beyond one per name adds 11.8 ÷ words. Which adds more?")


@exercise("05.6")
def which_are_names(answer, article):
    given = _words(answer)
    if given is None:
        return not_yet('Give a list of the candidates that are names, such as ["Word", "Other"].')
    candidates = name_candidates(article)
    drivers = _quiet(word_drivers, article, "original").set_index("word")
    expected = {w for w in candidates if bool(drivers.loc[w, "name"])}
    lower = {c.lower(): c for c in candidates}
    unknown = [g for g in given if g.lower() not in lower]
    if unknown:
        return not_yet(f"{unknown[0]!r} is not one of the candidates: choose among {', '.join(candidates)}.")
    chosen = {lower[g.lower()] for g in given}
    if chosen == expected:
        return correct("Names: " + ", ".join(sorted(expected)) + ". The others are capitalised, but a title, an "
                       "institution, a month, a day or a platform is not a name a reader takes in as one unit: "
                       "the course's name counts leave them out.")
    wrong = sorted(chosen - expected)
    if wrong:
        return not_yet(f"{wrong[0]} is capitalised, but is it the name of a person, a place or a group? Titles, "
                       "institutions, months, days and platforms are not.")
    return not_yet(f"{sorted(expected - chosen)[0]} names a person, a place or a group: it belongs in the list.")


# --- rewrites ------------------------------------------------------------------------------------

_DEMAND = re.compile(r"\b(must|should|has to|have to|needs? to|ought to)\b", re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def rewrite_problems(original: str, rewrite: str) -> list[str]:
    """What a plain-language rewrite of ``original`` breaks, first problem first (empty: nothing).

    The rules of notebook 05, section 9, as far as a machine can see them:
    the source stays named, with a reporting verb; words in quotation marks are
    the source's words; no contested term in the reporter's own voice (the
    narrator-voice test of notebook 02, :func:`helpers.framing.narrator_uses`);
    no demand ("must", "should") in the reporter's own voice; the names kept.
    """
    from ..article import load_article
    from ..framing import narrator_uses
    from ..sources import find_attributions

    problems = []
    before = load_article(text=original)
    after = load_article(text=rewrite)
    sources = [a for a in find_attributions(before) if a.mention != "pronoun"] or find_attributions(before)
    found = find_attributions(after)
    if sources:
        stems = {w.lower()[:6] for a in sources for w in re.findall(r"[^\W\d_]{4,}", a.source)}
        named = any(stem in rewrite.lower() for stem in stems)
        if not found or not named:
            who = " or ".join(dict.fromkeys(a.source for a in sources))
            problems.append(f"The attribution is lost: the original credits these words to {who}. Name the source "
                            "and say who says it, with a reporting verb (\"... , the ministry said\").")
    originals = _plain(" ".join(q.text for q in find_quotes(original)))
    for quote in find_quotes(rewrite):
        if _plain(quote.text).rstrip(".,") not in originals:
            problems.append(f"“{quote.text}” is not a quotation from the original. Words inside quotation marks "
                            "must stay exactly as the source said them: paraphrase without quotation marks "
                            "instead, and keep who said it.")
            break
    uses = narrator_uses(after, attributions=found)
    if uses:
        use = uses[0]
        problems.append(f"“{use.text}” stands in the reporter's own voice (sentence {(use.sentence or 0) + 1}). "
                        "A contested term stays inside quotation marks, credited to whoever uses it.")
    covered = set()
    for a in found:
        for k, sentence in enumerate(after.sentences):
            if sentence.start <= a.start < sentence.end or any(
                    sentence.start <= s < sentence.end for s, _ in a.quotes):
                covered.add(k)
    quote_spans = [(q.start, q.end) for q in after.quotes]
    for k, sentence in enumerate(after.sentences):
        demand = next((m for m in _DEMAND.finditer(after.text, sentence.start, sentence.end)
                       if not any(s <= m.start() < e for s, e in quote_spans)), None)
        if demand and k not in covered:
            problems.append(f"Sentence {k + 1} says what {demand.group(0)} happen in your own voice: “"
                            f"{sentence}” Add who demands it (\"..., it said\").")
            break
    names = _quiet(word_drivers, original, "original")
    missing = sorted({w for w in names.loc[names["name"], "word"] if w.split("-")[0].lower()[:6] not in
                      rewrite.lower()})
    if missing:
        problems.append(f"Your rewrite drops {', '.join(missing)}. Keep the names: they say who acts and where.")
    return problems


def _kept_quotations(original: str, rewrite: str) -> int:
    originals = _plain(" ".join(q.text for q in find_quotes(original)))
    return sum(1 for q in find_quotes(rewrite) if _plain(q.text).rstrip(".,") in originals)


@exercise("05.7")
def which_rewrite(answer, article):
    if not article.is_seed:
        return complete("The three rewrites are of a paragraph of the course article: compare them with the rules "
                        "of section 9 before you rewrite a paragraph of your own article.")
    if not isinstance(answer, str) or answer.strip().upper() not in EXAMPLE_REWRITES:
        return not_yet(f"Give one letter as a string: {', '.join(repr(k) for k in EXAMPLE_REWRITES)}.")
    letter = answer.strip().upper()
    original = str(article.paragraphs[EXAMPLE_PARAGRAPH])
    verdicts = {k: rewrite_problems(original, text) for k, text in EXAMPLE_REWRITES.items()}
    good = [k for k, problems in verdicts.items() if not problems]
    if letter in good:
        return correct(f"Rewrite {letter} keeps the source, quotes only the source's own words, leaves the "
                       "contested words in quotation marks and credits every demand. "
                       + " ".join(f"{k}: {verdicts[k][0]}" for k in EXAMPLE_REWRITES if verdicts[k]))
    return not_yet(f"Rewrite {letter}: {verdicts[letter][0]}")


#: The paragraph the three example rewrites of Exercise 5.7 rewrite (0-based: paragraph 7 as a reader counts).
EXAMPLE_PARAGRAPH = 6


def rewrite_paragraph(article) -> int | None:
    """The paragraph of Exercise 5.8 (0-based): :func:`helpers.readability.views.rewrite_target`, leaving out on
    the course article the paragraph of Exercise 5.7."""
    return rewrite_target(article, skip=(EXAMPLE_PARAGRAPH,) if article.is_seed else ())


@exercise("05.8")
def plain_language_rewrite(answer, article):
    k = rewrite_paragraph(article)
    if k is None:
        return complete("No paragraph of this article names a source, so there is no attribution to keep: rewrite "
                        "any paragraph and compare the scores yourself.")
    if not isinstance(answer, str) or not answer.strip():
        return not_yet("Write your rewrite as a string: rewrite = \"\"\"...\"\"\"")
    original = str(article.paragraphs[k])
    if _plain(answer) == _plain(original):
        return not_yet("That is the original paragraph. Rewrite it: shorter sentences, shorter and more common words.")
    if not re.search(r"[.!?]", answer):
        return not_yet("End your sentences with full stops: without them the formula reads one endless sentence.")
    both = _quiet(compare_scores, {"original": original, "rewrite": answer})
    before, after = both.loc["original"], both.loc["rewrite"]
    if after["words"] < before["words"] / 2:
        return not_yet(f"Your rewrite keeps {after['words']} of {before['words']} words. A plain rewrite may be "
                       "shorter, but it keeps the information: who said what, to whom, and why.")
    problems = rewrite_problems(original, answer)
    if problems:
        return not_yet(problems[0])
    target = 10.0 if before["flesch_kincaid_grade"] > 11 else before["flesch_kincaid_grade"] - 1
    if after["flesch_kincaid_grade"] > target:
        return not_yet(f"Grade {after['flesch_kincaid_grade']:.1f} (original {before['flesch_kincaid_grade']:.1f}); "
                       f"aim for {target:.0f} or below. Split the longest sentences and swap long words for short "
                       "common ones.")
    kept = _kept_quotations(original, answer)
    quotations = (f"{kept} quotation(s) kept word for word" if kept else
                  "no quotation kept: the source's words are reported, still credited")
    return correct(f"Grade {before['flesch_kincaid_grade']:.1f} → {after['flesch_kincaid_grade']:.1f}, reading ease "
                   f"{before['flesch_reading_ease']:.1f} → {after['flesch_reading_ease']:.1f}, "
                   f"{before['words']} → {after['words']} words in {before['sentences']} → {after['sentences']} "
                   f"sentences; the source still named, {quotations}, no contested term in your own voice. "
                   "Now read it as a reader would: is it still the same story?")


__all__ = ["rewrite_problems", "rewrite_paragraph", "EXAMPLE_PARAGRAPH", "MODEL_REWRITE"]
