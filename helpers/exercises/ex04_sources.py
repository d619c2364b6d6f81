"""Checks for notebook 04 · Sources: who speaks, how, and for whom."""

from __future__ import annotations

from ..evaluation import evaluation_table
from ..quotes import find_quotes
from ..sources import add_sides, find_attributions, find_people, seed_sources, source_table
from . import correct, exercise, not_yet


def _number(answer) -> bool:
    return isinstance(answer, (int, float)) and not isinstance(answer, bool)


def _sides_table(article):
    """The course's sides table for the course article; for another article, no sides yet."""
    if article.is_seed:
        return seed_sources()
    return seed_sources().iloc[0:0]


@exercise("04.1")
def partial_attributions(answer, article):
    found = find_attributions(article)
    kinds = [a.kind for a in found]
    expected = kinds.count("partial")
    if not isinstance(answer, int) or isinstance(answer, bool):
        return not_yet("Give a whole number: how many rows of the source table have kind 'partial'?")
    if answer == expected:
        return correct(f"{expected} of the {len(found)} attributions quote fragments inside the reporter's own "
                       "sentence: the reporter chooses which words to borrow.")
    body_quotes = [q for q in find_quotes(article) if q.level == 0 and article.paragraph_at(q.start) is not None]
    if answer == len(body_quotes) and answer != expected:
        return not_yet("That is the number of quotations. Count attributions: one speaker can have several "
                       "quotations, and some attributions have none.")
    if answer == kinds.count("direct") and answer != expected:
        return not_yet("Those are the direct ones: the whole statement in quotation marks. A partial attribution "
                       "mixes the reporter's words with quoted fragments.")
    if answer == len(found):
        return not_yet("That is every attribution. Keep only the rows whose kind is 'partial'.")
    return not_yet("Filter the attributions (or the source table) on kind == 'partial' and count them.")


@exercise("04.2")
def first_source(answer, article):
    found = find_attributions(article)
    if not found:
        return correct("This article credits no statement to anyone.") if answer in (None, "") else \
            not_yet("find_attributions finds no attribution in this article: the answer is None.")
    first = found[0]
    if not isinstance(answer, str):
        return not_yet("Give the source's name as a string, as in the source column.")
    if answer.strip() == first.source:
        where = "the lede" if first.paragraph == 0 else f"paragraph {first.paragraph}"
        return correct(f"{first.source} speaks first, in {where} ({first.verb}). The first voice sets the frame "
                       "the reader carries into the rest of the article.")
    if answer.strip() == first.speaker and first.speaker != first.source:
        return not_yet(f"“{first.speaker}” is how the text refers to the source. Who does it stand for? "
                       "Look at the source column.")
    if answer.strip() in {a.source for a in found}:
        return not_yet("That source speaks, but not first. The attributions are in reading order: take the first.")
    return not_yet("Take the first row of the source table (or find_attributions(article)[0]) and read its source.")


@exercise("04.3")
def quoted_words_by_side(answer, article):
    table = add_sides(source_table(article), _sides_table(article))
    expected = {side: int(words) for side, words in table.groupby("side")["quoted words"].sum().items()}
    try:
        given = {str(side): int(words) for side, words in dict(answer).items()}
    except (TypeError, ValueError):
        return not_yet("Give a dictionary (or a pandas Series) from side to number of quoted words.")
    if given == expected:
        top = max(expected, key=expected.get) if expected else "no side"
        return correct(f"Most quoted words: {top}. Quoted words measure how much room each side gets "
                       "in its own words.")
    counts = {side: int(n) for side, n in table.groupby("side").size().items()}
    if given == counts:
        return not_yet("Those are numbers of attributions. Add up the 'quoted words' column per side instead.")
    if set(given) != set(expected):
        return not_yet(f"The sides should be: {', '.join(sorted(expected))}. Group the table by 'side'.")
    return not_yet("Group the table by 'side' and sum the 'quoted words' column.")


@exercise("04.5")
def loaded_share(answer, article):
    found = find_attributions(article)
    if not _number(answer):
        return not_yet("Give a number between 0 and 1.")
    if not found:
        return correct("No attributions, no verbs to audit.") if answer == 0 else not_yet("There are no attributions.")
    expected = sum(a.rating == "loaded" for a in found) / len(found)
    if abs(answer - expected) < 0.005:
        return correct(f"{expected:.0%} of the attributions use a verb that characterises the statement. "
                       "Compare with a style guide's advice: “said” adds nothing.")
    if abs(answer - 100 * expected) < 0.5:
        return not_yet("That is a percentage. Give a share between 0 and 1.")
    verbs = {a.verb.lower() for a in found}
    by_verb = sum(a.rating == "loaded" for a in {a.verb.lower(): a for a in found}.values()) / len(verbs)
    if abs(answer - by_verb) < 0.005:
        return not_yet("You counted each verb once. Count attributions: a verb used three times counts three times.")
    return not_yet("Count the attributions whose rating is 'loaded' and divide by the number of attributions.")


@exercise("04.4")
def silent_people(answer, article):
    people = find_people(article)
    expected = {p.name for p in people if not p.speaks}
    if not isinstance(answer, (list, tuple, set)):
        return not_yet("Give a list of names, such as ['Ana Ruiz'].")
    given = {str(name).strip() for name in answer}
    if given == expected:
        if not expected:
            return correct("Every named person in this article speaks.")
        return correct(f"Named but never quoted: {', '.join(sorted(expected))}. They act in the story; "
                       "the reader does not hear them.")
    speakers = {p.name for p in people if p.speaks}
    if given & speakers:
        return not_yet(f"Quoted at least once: {', '.join(sorted(given & speakers))}. Look at the attributions column.")
    if given < expected:
        return not_yet("Some are missing: keep every person with 0 attributions.")
    return not_yet("Use find_people(article) and keep the names whose attributions are 0.")


@exercise("04.6")
def f1_score(answer, article):
    row = evaluation_table(["seed"]).loc["seed"]
    precision, recall = float(row["precision"]), float(row["recall"])
    expected = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if not _number(answer):
        return not_yet("Give a number between 0 and 1.")
    if abs(answer - expected) < 0.002:
        return correct(f"F1 = {expected:.3f}: one number that is high only when both precision and recall are.")
    if abs(answer - (precision + recall) / 2) < 0.002 and precision != recall:
        return not_yet("That is the ordinary (arithmetic) mean. F1 is the harmonic mean: 2·P·R / (P + R).")
    return not_yet("Use the seed row of the evaluation table: F1 = 2 × precision × recall / (precision + recall).")
