"""Checks for notebook 04 · Sources: who speaks, how, and for whom.

Most exercises of this notebook are readings of the course article (is this a
statement or an action? which party does this source speak for?).  On the
course article they are checked against the hand annotation and the course's
sides table; on another article there is no such reference, and the check
answers "Complete" with what the tool found to compare with.
"""

from __future__ import annotations

import re

from ..brief import display_voices, editor_notes, load_sides, statement_or_action
from ..evaluation import load_annotation, locate_speakers
from ..sides import NOT_CLASSIFIED, classify, heard_by, read_sides
from ..sources import find_attributions, source_table
from . import complete, correct, exercise, is_whole_number, not_yet

STATEMENT, ACTION = "statement", "action"


def _words(text) -> str:
    """Lower case, one space, the apostrophes and quotation marks made plain, brackets and end stops dropped."""
    text = str(text).replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"[()\[\]“”\"«»]", " ", text)
    return " ".join(text.split()).strip(" .,;")


# --------------------------------------------------------------------------- 4.1 statement or action


def _annotated_statement(article, sentence: str) -> bool:
    """True when the hand annotation of the course article has an attribution whose speaker stands in ``sentence``."""
    gold = load_annotation("seed")
    start = article.text.find(sentence)
    return any(start <= s < start + len(sentence) for s, _ in locate_speakers(article, gold))


@exercise("04.1")
def statement_or_action_check(answer, article):
    candidates = statement_or_action(article)
    n = len(candidates)
    if not n:
        return correct("No sentence of this article names a person or a source.") if answer in ([], None) else \
            not_yet("No sentence of this article names anyone: the answer is an empty list [].")
    if not isinstance(answer, (list, tuple)) or len(answer) != n:
        return not_yet(f"Give a list of {n} words, one per sentence of the table, in its order: "
                       f"\"{STATEMENT}\" or \"{ACTION}\".")
    given = [str(a).strip().lower() for a in answer]
    if any(g not in (STATEMENT, ACTION) for g in given):
        return not_yet(f"Use only the words \"{STATEMENT}\" and \"{ACTION}\".")
    if not article.is_seed:
        tool = [STATEMENT if any(a.sentence in s or s in a.sentence for a in find_attributions(article)) else ACTION
                for s in candidates["sentence"]]
        differ = [k for k, (g, t) in enumerate(zip(given, tool), start=1) if g != t]
        return complete("The tool reads " + ", ".join(f"sentence {k} as {t}" for k, t in enumerate(tool, start=1))
                        + (f". You disagree on {', '.join(map(str, differ))}: read those again; the tool can be "
                           "wrong (it knows only its verb list)." if differ else ". You agree everywhere."))
    expected = [STATEMENT if _annotated_statement(article, s) else ACTION for s in candidates["sentence"]]
    if given == expected:
        return correct("Pashinian convening his Security Council, the EU setting up a mission and the telephone call "
                       "are actions: we learn what was done, not what was said (of the call, only that they talked). "
                       "The Kremlin's words and Paris's request are statements: a request is made in words, and the "
                       "reader learns what Paris asked for.")
    if all(g == STATEMENT for g in given):
        return not_yet("A sentence can name someone without reporting their words. For each one, ask: do I learn "
                       "what this person or institution said, or only what they did?")
    wrong = [k for k, (g, e) in enumerate(zip(given, expected), start=1) if g != e]
    hints = []
    for k in wrong:
        sentence = candidates.loc[k, "sentence"]
        if "requested" in sentence:
            hints.append(f"sentence {k}: a request is a speech act; the reader learns what Paris asked for")
        elif "discussed" in sentence:
            hints.append(f"sentence {k}: we learn that they talked, not what anyone said; the spokesperson's "
                         "account comes in the next sentence")
    detail = "; ".join(hints) if hints else f"look again at sentence{'s' if len(wrong) > 1 else ''} " + \
        ", ".join(map(str, wrong))
    return not_yet(f"{len(wrong)} of {n} differ from the hand annotation: {detail}.")


# --------------------------------------------------------------------------- 4.2 the outlet's words


@exercise("04.2")
def outlet_words(answer, article):
    notes = editor_notes(article)
    if not len(notes):
        if answer in (None, ""):
            return correct("No quotation of this article holds a note of the outlet's: every word in quotation "
                           "marks can be read as the source's.")
        return not_yet("The tool finds no outlet's note inside a quotation in this article: the answer is None. "
                       "Read the quotations yourself too: a note without the word \"note\" escapes it.")
    if not isinstance(answer, str) or not answer.strip():
        return not_yet("Copy the outlet's words, as a string, from the quotation of the table above.")
    given = _words(answer)
    for row in notes.to_dict("records"):
        note, quotation = _words(row["the outlet's words"]), _words(row["quotation"])
        if given == note:
            outlet, own, printed = row["the outlet's"], row["the source's"], row["words in quotation marks"]
            return correct(f"These {outlet} words explain a name for the reader: the outlet speaks, inside the "
                           f"source's quotation marks. Without them the source's own words are {own}, not "
                           f"{printed}: a count of quoted words must leave them out.")
        if given == quotation:
            return not_yet("That is the whole quotation. Which of its words can the source not have said: who "
                           "would explain the source's own name for the region to the reader?")
        if given and given in note:
            return not_yet("Part of it. The outlet's note is the whole bracket: start where the explanation starts.")
        if given and note in given:
            return not_yet("Too much: keep only the bracket the outlet inserted, not the source's words around it.")
        if given and given in quotation:
            return not_yet("Those words are the source's: they name the region as the source names it. Look for "
                           "the words that explain that name to the reader.")
    return not_yet("Copy the words exactly from the quotation shown in the table (the brackets may be left out).")


# --------------------------------------------------------------------------- 4.3 which party


#: Exercise 4.3: the sources of the course article whose party the student decides, with the text's evidence.
PARTY_QUESTIONS = ["Armenia", "Gegham Stepanyan", "Nazeli Baghdasaryan", "Armenian separatist authorities"]
_PARTY_EVIDENCE = {
    "Gegham Stepanyan": "the text calls him “the rights defender of the separatist region”: an official in "
                        "Karabakh, not in Yerevan",
    "Nazeli Baghdasaryan": "she is “Nikol Pashinian’s spokesperson”, and Pashinian is Armenia's Prime Minister",
    "Armenia": "the country's name stands for its government, which says it has no troops in Nagorno Karabakh",
    "Armenian separatist authorities": "the narrator's words for the authorities in Karabakh",
}


@exercise("04.3")
def which_party(answer, article):
    if not isinstance(answer, (list, tuple)) or len(answer) != len(PARTY_QUESTIONS):
        return not_yet(f"Give a list of {len(PARTY_QUESTIONS)} parties, one per source, in the order of the list: "
                       + ", ".join(PARTY_QUESTIONS) + ".")
    answer = dict(zip(PARTY_QUESTIONS, answer))
    if not article.is_seed:
        return complete("These sources belong to the course article; for yours, write its sides table (notebook 07) "
                        "and note the evidence for each decision.")
    sides = read_sides()
    expected = {s: p for s, p in zip(sides["source"], sides["party"]) if s in PARTY_QUESTIONS}
    wrong = [s for s in PARTY_QUESTIONS if _words(answer[s]) != _words(expected[s])]
    if not wrong:
        return correct("The article itself tells the two apart: Armenia's government (the country, its Prime "
                       "Minister and his spokesperson) and the Karabakh Armenian authorities (the authorities there "
                       "and their rights defender). Whether to group them is a further choice.")
    known = {_words(p) for p in sides["party"]}
    unknown = [s for s in wrong if _words(answer[s]) not in known]
    if unknown:
        return not_yet(f"For {unknown[0]}, use one of the parties: " + ", ".join(dict.fromkeys(sides["party"])) + ".")
    return not_yet("Read the evidence again. " + "; ".join(f"{s}: {_PARTY_EVIDENCE[s]}" for s in wrong) + ".")


# --------------------------------------------------------------------------- 4.4 recount with a decision


@exercise("04.4")
def recount(answer, article):
    table = source_table(article)
    sides, _ = load_sides(article)
    before = heard_by(classify(table, sides), "party")
    try:
        columns = set(answer.columns)
        index = list(answer.index)
    except AttributeError:
        return not_yet("Give the table that heard_by(...) returns: recount = heard_by(classify(table, my_sides), "
                       "\"party\").")
    if "attributions" not in columns or answer.index.name != "party":
        return not_yet("Count by party: heard_by(classify(table, my_sides), \"party\").")
    unresolved = [s for s in table["source"] if s.endswith("(unresolved)")]
    if not unresolved:
        if answer.equals(before):
            return correct("This article has no unresolved pronoun: your decision changes nothing.")
        return not_yet("This article has no unresolved pronoun: the recount is the table by party as it is.")
    if NOT_CLASSIFIED in index:
        return not_yet("A row is still \"not classified\": write your decision with assign(sides, "
                       "\"they (unresolved)\", party) and count again with the new table.")
    gained = [p for p in index if p in before.index and answer.loc[p, "attributions"] > before.loc[p, "attributions"]]
    gained += [p for p in index if p not in before.index]
    if not article.is_seed:
        return complete(f"You gave the unresolved pronoun to {', '.join(gained) or 'a party'}. Say in your notes "
                        "which words of the text support that reading.")
    if gained == ["Karabakh Armenian authorities"]:
        top = list(answer["attributions"][answer["attributions"] == answer["attributions"].max()].index)
        return correct(f"The sentence before names the only plural candidate, “its separatist allies”: the "
                       f"Karabakh Armenian side. With your decision the party heard most is still "
                       f"{' and '.join(top)}: the finding does not hang on this one row.")
    if gained == ["Armenia's government"]:
        return not_yet("In this text Armenia is singular (“For its part, Armenia ...”): it cannot be “they”. Read "
                       "the sentence before for a plural.")
    return not_yet("Read the sentence before “they indicated on X”: which plural does it name, and which party "
                   "do they belong to?")


# --------------------------------------------------------------------------- 4.5 headline and subheadings


def _part_name(part: str) -> str:
    """ "headline" -> "The headline", "subheading 1" -> "Subheading 1" """
    return "The headline" if part == "headline" else part[:1].upper() + part[1:]


@exercise("04.5")
def display_parties(answer, article):
    sides, _ = load_sides(article)
    voices = display_voices(article, sides)
    if not len(voices):
        return correct("This article has no headline or subheading.") if answer in ([], None) else \
            not_yet("This article has no headline or subheading: the answer is an empty list [].")
    parts = list(voices["part"])
    if not isinstance(answer, (list, tuple)) or len(answer) != len(parts):
        return not_yet(f"Give a list of {len(parts)} answers, one per part in the order of the table ("
                       + ", ".join(parts) + "): a party, or \"none\".")
    answer = dict(zip(parts, answer))
    rows = voices.to_dict("records")
    wrong = []
    for row in rows:
        accepted = {_words(x) for x in row["party"].split(", ") + row["credited in the body to"].split(", ")}
        value = answer[row["part"]]
        given = {"none"} if value is None else {_words(x) for x in str(value).split(",")}
        if not given <= accepted:
            wrong.append(row)
    if not wrong:
        quoting = [r for r in rows if r["party"] != "none"]
        if not quoting:
            return correct("No headline or subheading quotes anyone: the display type is all in the outlet's words.")
        return correct(". ".join(f"{_part_name(r['part'])} quotes {r['party']} (“{r['quoted']}”)" for r in quoting) +
                       (". The other parts are in the outlet's words" if len(quoting) < len(rows) else "") +
                       ". A reader who stops at the display type meets these voices first.")
    row = wrong[0]
    if row["party"] == "none":
        return not_yet(f"The {row['part']} puts no words in quotation marks: it speaks in the outlet's words "
                       "(\"none\"), whatever it is about.")
    return not_yet(f"The {row['part']} quotes “{row['quoted'].split(' | ')[0]}”. Find those words in the body: "
                   "who is credited with them there? A part can be about one side and quote another.")


# --------------------------------------------------------------------------- 4.6 the rebuttal


#: Exercise 4.6: a claim of the course article (by key) and the paragraph (from 1) whose statement answers it.
REBUTTALS = {"withdrawal": 8, "civilians": 2}  # the answer is the list of the values, in this order


@exercise("04.6")
def rebuttal(answer, article):
    if not isinstance(answer, (list, tuple)) or len(answer) != len(REBUTTALS):
        return not_yet("Give a list of two paragraph numbers, as the tables show them (from 1): the one that "
                       "answers the demand for withdrawal, then the one that contradicts Baku on civilians.")
    answer = dict(zip(REBUTTALS, answer))
    if not all(is_whole_number(v) for v in answer.values()):
        return not_yet("Give each paragraph as a whole number, as the tables show it (paragraph 1 is the first).")
    if not article.is_seed:
        return complete("These claims belong to the course article; in yours, look for pairs of claim and "
                        "counter-claim and note which verb introduces each.")
    if answer == REBUTTALS:
        return correct("The article sets Armenia's statement that it has no armed troops there (paragraph 8) "
                       "against the demand for “withdrawal”, and Baku's assurance that it targets “legitimate "
                       "military targets” and not civilians (paragraph 6) against the rights defender's “Civilian "
                       "infrastructure is also targeted” (paragraph 2), which the reader has already read. Neither "
                       "counter-statement comes with a rebuttal verb (denied, rejected): the text uses “ured” "
                       "(assured) and “ensuring”.")
    hints = []
    if answer["withdrawal"] != REBUTTALS["withdrawal"]:
        hints.append("withdrawal: " + ("Pashinian speaks of the border; which sentence says where Armenia's troops "
                                       "are?" if answer["withdrawal"] == 9 else
                                       "which party says it has no armed troops in Nagorno Karabakh?"))
    if answer["civilians"] != REBUTTALS["civilians"]:
        hints.append("civilians: " + ("that is Baku's own assurance; which earlier statement says the opposite?"
                                      if answer["civilians"] == 6 else
                                      "who says that civilian infrastructure is targeted, and where?"))
    off_by_one = all(answer[k] == v - 1 for k, v in REBUTTALS.items())
    return not_yet("Paragraphs are numbered from 1, as in the tables." if off_by_one else "; ".join(hints))


# --------------------------------------------------------------------------- 4.7 is "warned" fair?


#: Exercise 4.7: the three "warned" sentences of the course article, and a reading to compare with.
WARNED_READINGS = {
    1: "announcement or accusation: the authorities report an attack under way; “warned” adds a danger to come",
    2: "announcement: Baku reports operations it has already launched; a warning would come before them",
    3: "demand or condition: the ministry names what it wants; “warned” adds a threat the words do not state",
}
SPEECH_ACTS = ("warning", "announcement", "demand", "accusation", "reassurance")


@exercise("04.7")
def warned_fair(answer, article):
    if not isinstance(answer, (list, tuple)) or not answer:
        return not_yet("Give a list with the speech act you read in each sentence, in the order of the table: "
                       f"one of {', '.join(SPEECH_ACTS)}.")
    if not article.is_seed:
        return complete("Compare your readings with a classmate's and with the original statements, where you can "
                        "find them.")
    if len(answer) != len(WARNED_READINGS):
        return not_yet(f"Read every sentence: give {len(WARNED_READINGS)} readings, one per row of the table.")
    answer = dict(zip(WARNED_READINGS, answer))
    unknown = [k for k in WARNED_READINGS if str(answer[k]).strip().lower() not in SPEECH_ACTS]
    if unknown:
        return not_yet(f"For sentence {unknown[0]}, name the speech act with one of: {', '.join(SPEECH_ACTS)}.")
    if str(answer[2]).strip().lower() == "warning":
        return not_yet("Sentence 2: Baku reports operations it “had launched”. A warning comes before the danger "
                       "it announces: what does Baku do in these words?")
    return complete("Compare with one reading: " + " ".join(f"({k}) {v}." for k, v in WARNED_READINGS.items()) +
                    " The verb is the translation's; the original statements would settle it.")
