"""Checks for notebook 02 · Framing I: names, labels and the narrator's voice.

Sentence numbers are the ones the tables show, from 1.
"""

from __future__ import annotations

from ..framing import NARRATOR, label_uses, narrator_uses
from . import complete, correct, exercise, is_whole_number, not_yet

#: The categories of Exercise 02.3.
NAMING_SIDES = ("Armenian sources", "Azerbaijani sources", "mixed", "neither")
#: On the course article: the narrator's "separatist" uses that stand in reported (indirect) speech.
SEED_INDIRECT_SEPARATIST = {9}


def _separatist(article):
    return [u for u in label_uses(article, ["separatist"]) if u.voice == NARRATOR and u.sentence is not None]


@exercise("02.1")
def separatist_in_own_voice(answer, article):
    if not is_whole_number(answer):
        return not_yet("Give a whole number: how many uses of the word are the narrator's.")
    uses = label_uses(article, ["separatist"])
    own = sum(u.voice == NARRATOR for u in uses)
    if answer == own:
        return correct(f"{own} of the {len(uses)} uses stand outside quotation marks: the narrator's own word.")
    if answer == len(uses) and own != len(uses):
        return not_yet("You counted every use. Keep only those whose voice is \"narrator\" (outside quotation marks).")
    if answer == len(uses) - own:
        return not_yet("You counted the quoted uses. The question asks for the narrator's own voice.")
    exact = sum(1 for u in uses if u.text.lower() == "separatist" and u.voice == NARRATOR)
    if answer == exact and exact != own:
        return not_yet("Word forms count too: \"separatists\" is the same label. label_uses finds them for you.")
    return not_yet("Use label_uses(article, [\"separatist\"]) and count the records whose voice is \"narrator\".")


@exercise("02.2")
def separatist_indirect_speech(answer, article):
    if not isinstance(answer, (list, set, tuple)) or not all(is_whole_number(a) for a in answer):
        return not_yet("Give a list of sentence numbers (as the table shows them, from 1), such as [4].")
    given = set(answer)
    own = {u.sentence_number: u for u in _separatist(article)}
    if not given:
        return not_yet("An empty list says none is indirect speech. Read each sentence: does the word stand inside "
                       "what a source is reported to have said (after \"accused\", \"said that\", ...)?")
    strangers = sorted(given - set(own))
    if strangers:
        return not_yet(f"Sentence {strangers[0]} has no \"separatist\" in the narrator's voice: pick from the "
                       "sentences of the table above.")
    if not article.is_seed:
        return complete(f"You marked sentence(s) {', '.join(map(str, sorted(given)))} as indirect speech. A machine "
                        "cannot tell; check that a reporting verb introduces the source's words in each.")
    if given == SEED_INDIRECT_SEPARATIST:
        return correct("Sentence 9 reports the accusation of Azerbaijan's security services: \"separatist\" may be "
                       "their word, reported without quotation marks. In the others the narrator names the side itself.")
    if 2 in given:
        return not_yet("In sentence 2 the word describes the speakers (\"Armenian separatist authorities "
                       "announced\"): would they call themselves so? That is the narrator's label for the source.")
    if 17 in given:
        return not_yet("In sentence 17 \"implying that only its separatist allies\" is the reporter's own inference, "
                       "not Armenia's words: read the verb \"implying\".")
    return not_yet("Look for the sentence where the word stands inside what a source is reported to have said "
                   "(a reporting verb such as \"accused\" comes first).")


def _sentence_sides(article, number):
    sides = {u.side for u in narrator_uses(article) if u.sentence_number == number}
    party = sides & {"Armenian sources", "Azerbaijani sources", "both sides"}
    if not party:
        return "neither"
    if party == {"Armenian sources"}:
        return "Armenian sources"
    if party == {"Azerbaijani sources"}:
        return "Azerbaijani sources"
    return "mixed"


@exercise("02.3")
def whose_naming(answer, article):
    if not isinstance(answer, dict) or not answer:
        return not_yet("Give a dict: sentence number -> \"Armenian sources\", \"Azerbaijani sources\", \"mixed\" or "
                       "\"neither\".")
    if len(answer) < 3 and len({u.sentence_number for u in narrator_uses(article)}) >= 3:
        return not_yet("Read three sentences (the exercise names them), one entry each.")
    for number, side in answer.items():
        if not is_whole_number(number) or not 1 <= number <= len(article.sentences):
            return not_yet(f"{number!r} is not a sentence number of this article (1 to {len(article.sentences)}).")
        if side not in NAMING_SIDES:
            return not_yet(f"For sentence {number}, answer one of: {', '.join(NAMING_SIDES)}.")
    wrong = {n: s for n, s in answer.items() if s != _sentence_sides(article, n)}
    if not wrong:
        return correct("Each sentence is read term by term: a sentence can mix both sides' words, and "
                       "international usage (\"enclave\", \"Nagorno Karabakh\") is neither side's.")
    number, side = next(iter(wrong.items()))
    expected = _sentence_sides(article, number)
    if expected == "mixed":
        return not_yet(f"Sentence {number}: look again at every term of the list in it. Does one come from each side?")
    if side == "mixed":
        return not_yet(f"Sentence {number}: is every term you counted really one side's? International usage "
                       "(\"enclave\") is neither side's.")
    return not_yet(f"Sentence {number}: look up each of its terms in naming_table() (the column 'preferred by').")


@exercise("02.4")
def neutral_rewrite(answer, article):
    if not isinstance(answer, str) or len(answer.split()) < 6:
        return not_yet("Write the sentence again in full (a string of at least six words).")
    own = narrator_uses(answer, attributions=[])
    if own:
        words = ", ".join(dict.fromkeys(f"\"{u.text}\" ({u.side})" for u in own))
        return not_yet(f"Your rewrite still uses, in its own voice: {words}. Use the neutral alternatives of "
                       "naming_table(), or say who uses the word.")
    lower = answer.lower()
    if "azerbaijan" not in lower or "armenian" not in lower:
        return not_yet("Keep the facts of the sentence: both Azerbaijan (the recognised sovereignty) and the "
                       "ethnic Armenian side (who controlled the region) must stay in it.")
    return complete("Your rewrite passes the narrator-voice test in both directions and keeps both facts. Whether it "
                    "is fair is a judgement: compare it with the rubric (does it state who controls the region "
                    "and who recognises it as whose, without either side's words?).")
