"""What follows a reporting verb: does a statement begin there?

"She said **that** the bridge would close", "he told reporters **the plan**
**was** dead", "they urged residents **to leave**", "she asked **whether** ...",
"he said: “...”" -- after the verb (and the person addressed, the channel, the
time) comes what was said.  But "the visitors replied two minutes later", "they
added another goal", "she asked Tom for an autograph", "the company denied the
existence of a link": after the verb comes no statement, and the verb is used
in another sense, or reports an act rather than words.

:func:`statement_start` answers with rules on the words that follow, without a
parser: a statement opens with "that", a colon, a quotation mark, a question
word, "to" after a verb of asking or urging, "yes" or "no", or a clause -- a
subject pronoun, or a few words followed by a finite verb (an auxiliary such as
*is*, *has*, *will*, a past form in *-ed* or an irregular past such as *went*).
"""

from __future__ import annotations

import re

from .channels import channel_at
from .lexicon import DETERMINERS, LEX, PREPOSITIONS, WEEKDAYS
from .mentions import parse_mention
from .tokens import Context, Tok

__all__ = ["statement_start", "looks_like_clause", "skip_circumstances", "nothing_after"]

_SUBJECTS = {"he", "she", "it", "they", "we", "i", "you", "there"}
_OBJECTS = {"him", "her", "them", "us", "me", "you", "reporters", "journalists", "media", "everyone", "people"}
_QUESTION = {"whether", "if", "why", "how", "what", "when", "where", "who", "which"}
#: Auxiliaries and modals: a clause has one of them, or another finite verb.
_FINITE = {
    "is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can", "could", "should", "may",
    "might", "must", "shall", "does", "did", "do", "isn't", "wasn't", "won't", "can't", "don't",
}
_IRREGULAR_PAST = {
    "went", "made", "got", "took", "came", "saw", "knew", "thought", "told", "found", "gave", "felt", "became",
    "left", "kept", "began", "brought", "bought", "built", "held", "lost", "met", "paid", "ran", "sent", "spent",
    "stood", "won", "wrote", "said", "led", "fell", "grew", "rose", "shot", "hit", "put", "set", "cut", "meant",
    "sold", "taught", "caught", "fought", "understood", "drank", "ate", "broke", "chose", "drove", "flew",
    "forgot", "hid", "hung", "heard", "laid", "lay", "rang", "sang", "sat", "slept", "spoke", "stole", "struck",
    "swore", "threw", "wore", "woke",
}
#: Common verbs in the present ("prices rise", "the city plans"): a clause when they follow a word that
#: is not a determiner or a preposition (after one, "the run", "its support", they are nouns).
_PRESENT = {
    "run", "rise", "fall", "want", "need", "plan", "expect", "remain", "seem", "say", "think", "believe", "know",
    "feel", "go", "come", "make", "take", "get", "give", "show", "hope", "face", "pay", "cost", "work", "live",
    "die", "use", "keep", "help", "continue", "lack", "hold", "mean", "include", "look", "stay", "leave", "lose",
    "support", "oppose", "agree", "disagree", "deserve", "like", "love", "hate", "prefer", "understand", "fear",
    "worry", "intend", "try", "become", "exist", "happen", "matter", "depend", "suffer", "struggle", "earn",
    "spend", "owe", "count", "reach", "grow", "drop", "rank", "account", "represent", "require", "involve",
    "raise", "suggest", "point", "play", "put", "bring", "cause", "create", "lead", "offer", "provide", "serve",
    "turn", "allow", "affect", "increase", "reduce", "hurt", "benefit", "violate", "threaten", "undermine",
    "favour", "favor", "stand", "begin", "start", "stop", "change", "move", "win", "fail", "appear", "attend",
    "go", "want", "feel", "plan", "deny", "agree", "return", "receive", "accept", "pose", "remain", "total",
}
#: Words in -ed that are not past forms.
_NOT_PAST = {"need", "red", "bed", "hundred", "speed", "seed", "feed", "shed", "indeed", "bred", "sled", "wed",
             "creed", "greed", "bleed", "deed", "weed", "reed", "steed", "breed", "proceed", "exceed", "succeed"}
#: Words after which the first clause of the statement is over: a relative or adverbial clause begins.
_CLAUSE_STOP = {"when", "which", "who", "whom", "whose", "where", "because", "while", "although", "as", "after",
                "before", "since", "until", "unless", "but", "whereas", "than", "so"}
_BREAK = {",", ";", ".", "(", ")", ":", "—", "–", "!", "?", "["}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
#: Time and place between a verb and its statement: "said on Monday that", "told reporters Thursday".
_CIRCUMSTANCE = re.compile(
    r"\s*(?:(?:on|last|this|next|early|late|earlier|later|on\s+the\s+phone)\s+)?(?:(?:%s)(?:\s+(?:morning|afternoon|"
    r"evening|night))?|week|weekend|month|year|night|morning|afternoon|evening|today|yesterday|tonight|again|also|"
    r"previously|publicly|repeatedly|recently|earlier|later|once|too|then|now|privately|simply|only|"
    r"(?:in|on|since|until|by)\s+(?:(?:early|late|mid-?)\s*)?(?:%s)\.?(?:\s+\d{1,2}(?:,\s*\d{4})?)?|"
    r"(?:in|at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:statement|interview|release|email|"
    r"e-mail|letter|post|tweet|message|report|speech|address|briefing|conference|video|meeting|hearing|session|"
    r"documents?|filing|court|parliament|legislature|house|commons|senate|news\s+conference)"
    r"|to\s+(?:reporters|journalists|the\s+media|the\s+press|(?:the\s+)?(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})))\b"
    % ("|".join(WEEKDAYS), "|".join(MONTHS)), re.IGNORECASE)

#: A word set off by commas between the verb and the statement: "warned, however, that ...".
_INTERJECTED = re.compile(r"\s*,?\s*(?:however|though|too|also|meanwhile|instead|then|again|in fact|of course|"
                          r"at the same time|for (?:his|her|its|their) part)\s*,", re.IGNORECASE)


def statement_start(ctx: Context, lemma: str, position: int, end: int, gap: bool = False) -> int | None:
    """Where the statement after a reporting verb begins (``position``: just after the verb or the
    speaker after it), or None when the words up to ``end`` do not read as one.

    ``gap``: the statement's subject stands before the clause ("what officials say is a record"),
    so the statement may open with its verb.
    """
    text = ctx.text
    position = skip_circumstances(text, position, end)
    toks = ctx.tokens(position, end)[:40]
    if gap:
        return toks[0].start if toks and toks[0].low in _FINITE | _IRREGULAR_PAST else None
    takes = LEX.takes.get(lemma, set())
    prepositions = takes - {"recipient", "to", "naming", "ing"}
    i = 0
    if "naming" in takes:  # "called it “a disgrace”", "called the plan the worst in years"
        return _naming(toks)
    if ("recipient" in takes or "as" in takes) and toks and toks[0].is_word and toks[0].quote is None:
        if toks[0].low in _OBJECTS:
            i = 1
        elif toks[0].low not in {"that", "to"} | _QUESTION | _SUBJECTS:
            mention, used = parse_mention(toks, -1)
            markers = prepositions | {"that"} | _QUESTION | ({"to"} if "to" in takes else set())
            # what introduces the statement, a few words on: "urged local residents | to leave",
            # "accused the chains and their allies | of ..."; else the end of the phrase: "told CTV News | the ..."
            marker = next((k for k in range(1, min(len(toks), 8)) if toks[k].low in markers
                           and all(t.is_word and t.low not in _FINITE for t in toks[:k])), None)
            if marker is not None:
                i = marker
            elif mention is not None and mention.kind != "pronoun" and "recipient" in takes:
                i = used
        if i:
            after = skip_circumstances(text, toks[i - 1].end, end)
            while i < len(toks) and toks[i].start < after:
                i += 1
    comma = i == 0 and i < len(toks) and toks[i].text == ","  # "said, “...”" -- not "told the press, she ..."
    if comma:
        i += 1
    if i >= len(toks) or (comma and toks[i].low in _CLAUSE_STOP):
        return None  # "said Tom Baker, who runs the harbour", "he said, though ...": not the statement
    first = toks[i]
    if first.quote is not None:
        return first.start  # a quotation
    if first.low == "that":
        return toks[i + 1].start if i + 1 < len(toks) else None
    if first.text == ":":
        return toks[i + 1].start if i + 1 < len(toks) else None
    if first.low in _QUESTION or first.low in {"yes", "no"}:
        return first.start
    if first.low == "to" and "to" in takes:
        return first.start  # "urged residents to leave"
    if "ing" in takes and first.is_word and not first.is_cap and first.low.endswith("ing") and i + 1 < len(toks):
        return first.start  # "residents report experiencing delays", "he denied having met her"
    if first.low in prepositions and i + 1 < len(toks):
        if first.low == "as":
            return toks[i + 1].start  # "described the deal as “a disaster”"
        return first.start  # "accused the chains of squeezing suppliers", "cautioned against ..."
    if looks_like_clause(toks[i:]):
        return first.start
    return _quotation_after(toks[i:])


def _quotation_after(toks: list[Tok]) -> int | None:
    """A quotation after a short phrase and a comma or colon: "claimed of the new rink, “...”", "joked in
    his turn to answer, “...”", "explained the numbers this way: “...”"."""
    for k, tok in enumerate(toks[:16]):
        if tok.quote is not None:
            return tok.start if k and toks[k - 1].text in {",", ":"} else None
        if tok.is_word and (tok.low in _FINITE or tok.low in _SUBJECTS) or tok.text in {".", ";", "!", "?"}:
            return None
    return None


def _naming(toks: list[Tok]) -> int | None:
    """After "called": the thing named (a pronoun or a few words), then the name it was given -- a
    quotation or a phrase with "a", "an" or "the".  "called police" or "called a meeting" names nothing."""
    for k, tok in enumerate(toks[:6]):
        if k and (tok.quote is not None or tok.low in {"a", "an", "the"}):
            return tok.start
        if not tok.is_word or (k and tok.low in _OBJECTS) or tok.low in _FINITE:
            return None
        if tok.low in _OBJECTS | {"it", "this", "that"} and k == 0:
            continue
    return None


def skip_circumstances(text: str, position: int, end: int) -> int:
    while position < end:
        found = channel_at(text[position:min(end, position + 200)])
        if found:
            position += found[0]
            continue
        found = _CIRCUMSTANCE.match(text, position, end) or _INTERJECTED.match(text, position, end)
        if found and found.end() > position:
            position = found.end()
            continue
        break
    return position


def nothing_after(ctx: Context, position: int, end: int) -> bool:
    """Is there nothing after the verb (or the speaker after it) but a time, a place, a channel, or a comma
    ("said X, who ...", "X said, raising fears")?  Then the verb has no object: its statement can come before it."""
    text = ctx.text
    position = skip_circumstances(text, position, end)
    rest = text[position:end].strip(" \t\n\u00a0.!?;:")
    return not rest or rest.startswith(",")  # "..., the agency said, raising fears"


def looks_like_clause(toks: list[Tok]) -> bool:
    """Do these tokens open a clause: a subject pronoun, or words followed by a finite verb?"""
    if not toks:
        return False
    first = toks[0]
    if first.is_word and re.split(r"[’']", first.low)[0] in _SUBJECTS:
        return len(toks) > 1 and toks[1].is_word or "’" in first.text or "'" in first.text  # not "admits it."
    if first.is_word and not first.is_cap and (first.low.endswith("ed") or first.low == "to"):
        return False  # a participle or an infinitive: "unauthorized to speak", "to leave"
    if first.is_word and not first.is_cap and first.low.endswith("ing"):  # "having him back was a boost"
        return any(t.is_word and t.low in _FINITE for t in toks[1:25])
    previous = None
    for k, tok in enumerate(toks[:25]):
        if tok.text == "." and previous is not None and len(previous.text) == 1 and previous.is_cap:
            previous = tok
            continue  # the full stops of an initialism: "U.S."
        if tok.text in _BREAK or (k and tok.low in _CLAUSE_STOP and not (tok.low == "who" and previous.is_word)
                                  and not (tok.low == "as" and previous.low == "such")):
            return False  # (a relative "who" goes on: "smaller brewers who are always ...", and "such as")
        if tok.is_word and not tok.is_cap and k:  # a verb with a subject before it
            low = tok.low
            if low in _FINITE or low.endswith(("n't", "n’t")) or low in _IRREGULAR_PAST:
                return True
            if low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST and not (
                    previous is not None and previous.low in DETERMINERS | PREPOSITIONS):
                return True
            after_word = previous is not None and previous.is_word and not previous.is_possessive and \
                previous.low not in DETERMINERS | PREPOSITIONS | {"to"}
            if after_word and (low in _PRESENT or (low.endswith("s") and low[:-1] in _PRESENT)
                               or (low.endswith("es") and low[:-2] in _PRESENT)):
                return True  # "prices rise", "the city plans", "buses run"
            if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 and previous is not None \
                    and previous.is_cap and previous.is_word and not previous.is_possessive:
                return True  # "Canada needs", "Ottawa wants": a name, then a verb in -s
        previous = tok
    return False
