"""Checks for notebook 07 · Your article: the whole method, and a brief to hand in.

Every check computes its reference with the same helpers on the article in
use, so it stays right on any article a student chooses.  Where the reference
is a reading only the course article has (who an unresolved pronoun stands
for), another article gets "Complete" with what to compare the answer with.
"""

from __future__ import annotations

from ..brief import hardest_table, load_sides, narrator_or_echo, paragraphs_with, unidentified_table
from ..quotes import quoted_share
from ..sides import classify, groupings, leaders, sides_frame
from ..sources import source_table
from . import complete, correct, exercise, is_whole_number, not_yet

#: Exercise 7.1 on the course article: the party the annotation gives the unresolved "they" (paragraph 8).
_SEED_UNRESOLVED = {8: "Karabakh Armenian authorities"}
_SEED_ALSO_ACCEPTED = {"armenian separatist authorities", "its separatist allies", "separatist allies",
                       "karabakh armenian authorities"}
#: Exercise 7.5: a sentence is "mostly quotation" when more than this share of its words stands in quotation marks.
MOSTLY_QUOTED = 0.5


def _plain(text) -> str:
    return " ".join(str(text).replace("’", "'").lower().split()).strip(" .,;")


@exercise("07.1")
def who_is_unidentified(answer, article):
    rows = unidentified_table(article)
    if not len(rows):
        return correct("Every statement is credited to a source the reader can identify: nothing to decide.") \
            if answer in ([], None) else not_yet("This article has no unidentified attribution: the answer is [].")
    if not isinstance(answer, (list, tuple)) or len(answer) != len(rows):
        return not_yet(f"Give a list of {len(rows)} reading(s), one per row of the table, in its order: the source "
                       "or party, or \"cannot tell\".")
    readings = list(zip(rows["paragraph"], answer))
    if any(reading is None or not str(reading).strip() for _, reading in readings):
        return not_yet("Write a reading for every row, or \"cannot tell\" where the text does not say.")
    if not article.is_seed:
        return complete("Compare each reading with the sentence before the pronoun: a reader may link a pronoun "
                        "the tool leaves unresolved, and an anonymous source stays anonymous however often it "
                        "speaks. Correct your sides table where you are sure, and say so in the brief.")
    paragraph = next(iter(_SEED_UNRESOLVED))
    given = _plain(next(reading for p, reading in readings if p == paragraph))
    if given in _SEED_ALSO_ACCEPTED:
        return correct("The sentence before ends with the only plural the text offers, “its separatist allies”: the "
                       "Karabakh Armenian side, whom Armenia's statement places there. The tool resolves pronouns to "
                       "named sources only, so it leaves this one open; a reader can link it, and should say so.")
    if given in {"armenia", "armenia's government", "the armenian government", "nikol pashinian"}:
        return not_yet("In this text Armenia is singular (“For its part, Armenia ...”, “its separatist allies”): "
                       "it cannot be “they”. Which plural does the sentence before name?")
    if given in {"cannot tell", "unknown", "anonymous"}:
        return not_yet("The source is not anonymous: the sentence before names a plural, “its separatist allies”. "
                       "Who are they?")
    return not_yet("Read the sentence before: which plural does it name, and for which party do they speak?")


@exercise("07.2")
def grouping_matters(answer, article):
    if not isinstance(answer, bool):
        return not_yet("Give True (the party heard most changes when parties are grouped into sides) or False.")
    sides, _ = load_sides(article)
    table = classify(source_table(article), sides)
    if not len(table):
        return correct("No one is heard in this article: grouping changes nothing.") if answer is False else \
            not_yet("No one is heard in this article, so grouping cannot change the finding: False.")
    if not (sides_frame(sides)["party"] != "").any():
        return not_yet("Fill in the party column of your sides table first (section 3), then compare the tables.")
    side_of = dict(zip(sides_frame(sides)["party"], sides_frame(sides)["side"]))
    by_party = leaders(table, "party")
    by_side = leaders(table, "side")
    expected = sorted(by_side) != sorted(dict.fromkeys(side_of.get(p, p) for p in by_party))
    if not len(groupings(sides)):
        expected = False
    said = f"with the parties apart, {' and '.join(by_party) or 'no one'} leads; grouped, {' and '.join(by_side) or 'no one'}"
    if answer == expected:
        if expected:
            return correct(f"It changes: {said}. A brief must say which grouping a finding uses, and give both.")
        return correct(f"It does not change ({said}): the finding holds either way. Say so in the brief.")
    return not_yet("Compare the first rows of the two tables, by party and by side: is the leader the same "
                   "party, or the side of that party?")


@exercise("07.3")
def echoes(answer, article):
    uses = narrator_or_echo(article)
    reported = uses["stands in"].str.startswith("reported words")
    expected = sorted(uses.index[reported])
    if not isinstance(answer, (list, tuple, set)) or not all(is_whole_number(k) for k in answer):
        return not_yet("Give a list of row numbers of the table (an empty list [] if none).")
    given = sorted(set(answer))
    if given == expected:
        if not expected:
            return correct("None of these uses stands in a source's reported words: each is the narrator's own "
                           "choice of word, to report as such.")
        where = "; ".join(f"Row {k}: “{uses.loc[k, 'words']}” ({uses.loc[k, 'stands in']})" for k in expected)
        return correct(f"{where}. There the narrator may be echoing the source's word without quotation marks; the "
                       "other uses are the narrator's own, in how it names a speaker or in its own sentence.")
    unknown = [k for k in given if k not in uses.index]
    if unknown:
        return not_yet(f"The table has no row {unknown[0]}: use the row numbers shown, 1 to {len(uses)}.")
    named = set(uses.index[uses["stands in"] == "the name of the speaker"])
    inferred = {k for k in uses.index if "implying" in uses.loc[k, "evidence"].lower()} - set(expected)
    if set(given) & inferred:
        return not_yet("“Implying” marks the reporter's own inference: the words after it are the narrator's, not "
                       "the source's.")
    if set(given) & named:
        return not_yet("Where the term is part of how the text names or describes the speaker (“X authorities "
                       "announced”, “Y, the rights defender of ...”), the narrator chose the name: the source is not "
                       "reported to have said it.")
    if len(given) == len(uses) and len(uses) > len(expected):
        return not_yet("Not every use: keep only those inside what a source is reported to have said.")
    if set(given) < set(expected):
        return not_yet("Some are missing. A statement can come before its speaker (“..., the army announced”) or "
                       "after “according to”: the words reported are the source's then too.")
    return not_yet("For each row, ask: is the term inside what a source is reported to say (after “accused”, "
                   "before “announced”, after “according to”), or in the narrator's own words?")


@exercise("07.4")
def security_or_conflict(answer, article):
    if not is_whole_number(answer):
        return not_yet("Give a whole number: in how many body paragraphs do security or conflict words occur?")
    both = paragraphs_with(article, ["security", "conflict"])
    expected = len(both)
    n = len(article.paragraphs)
    if answer == expected:
        missing = [k for k in range(1, n + 1) if k not in both]
        rest = f"; the others: {', '.join(map(str, missing))}" if missing else ""
        example = " (here “Security Council” and “agreements in force”)" if article.is_seed else ""
        return correct(f"{expected} of {n} paragraphs{rest}. Now read the words behind the count: a dictionary also "
                       f"counts words used in another sense{example}.")
    security, conflict = len(paragraphs_with(article, "security")), len(paragraphs_with(article, "conflict"))
    if answer == security + conflict and security + conflict != expected:
        return not_yet("You added the two counts: a paragraph with both kinds of word counts twice. Count each "
                       "paragraph once.")
    if answer in (security, conflict):
        return not_yet("That is one of the two frames alone. Count the paragraphs with words of either frame.")
    return not_yet("Use paragraphs_with(article, [\"security\", \"conflict\"]) and count its paragraphs with len(...).")


@exercise("07.5")
def mostly_quoted(answer, article):
    hardest = hardest_table(article)
    if not len(hardest):
        return correct("No sentence is long enough to score: nothing to rewrite.") if answer in ([], None) else \
            not_yet("No sentence of this article is long enough to score: the answer is [].")
    if not isinstance(answer, (list, tuple, set)) or not all(is_whole_number(k) for k in answer):
        return not_yet("Give a list of row numbers of the table (1, 2, 3), an empty list [] if none.")
    shares = {k: quoted_share(s) for k, s in hardest["sentence"].items()}
    expected = sorted(k for k, share in shares.items() if share > MOSTLY_QUOTED)
    given = sorted(set(answer))
    if given == expected:
        free = [k for k in hardest.index if k not in expected]
        return correct("Mostly quotation: " + (", ".join(f"sentence {k} ({shares[k]:.0%} quoted)" for k in expected)
                                               or "none") +
                       ". A rewrite may not change a source's words there. " +
                       (f"Start with sentence {free[0]}, where the reporter's own words can be cut." if free else
                        "Every hard sentence is a quotation: a rewrite can only paraphrase and attribute."))
    if len(given) == len(hardest) and len(expected) < len(hardest):
        return not_yet("Not all of them: in one the reporter's words (attribution, participles, context) are most "
                       "of the sentence. Count what stands inside the quotation marks.")
    return not_yet("For each sentence, compare the words inside quotation marks with the rest: which are mostly a "
                   "source's words?")
