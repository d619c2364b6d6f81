"""What follows a reporting verb: does a statement begin there?

"She said **that** the bridge would close", "he told reporters **the plan**
**was** dead", "they urged residents **to leave**", "she asked **whether** ...",
"he said: “...”" -- after the verb (and the person addressed, the channel, the
time) comes what was said.  But "San Jose replied 17 seconds later", "they
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
from .lexicon import DETERMINERS, PREPOSITIONS, WEEKDAYS
from .mentions import parse_mention
from .tokens import Context, Tok

__all__ = ["statement_start", "looks_like_clause", "RECIPIENT_VERBS", "DIRECTIVE_VERBS"]

#: Verbs that may name the person addressed before the statement: "told reporters that ...".
RECIPIENT_VERBS = {
    "tell", "warn", "assure", "inform", "remind", "urge", "ask", "advise", "notify", "convince", "caution",
    "promise", "call on", "reassure", "show", "invite", "encourage", "order", "instruct", "beg", "persuade",
    "press", "challenge", "accuse", "blame", "email", "text", "write", "message",
}
#: Verbs whose statement may be a "to" infinitive: "urged residents to leave", "asked them to wait".
DIRECTIVE_VERBS = {
    "urge", "ask", "call on", "call for", "tell", "warn", "invite", "encourage", "order", "instruct", "beg",
    "persuade", "press", "challenge", "advise", "request", "demand", "promise", "pledge", "vow", "threaten",
    "caution", "remind",
}
#: Verbs whose statement may open with a preposition: "accused X of ...", "cautioned against ...".
PREPOSITION_VERBS = {
    "accuse": {"of"}, "blame": {"for"}, "criticize": {"for"}, "criticise": {"for"}, "praise": {"for"},
    "thank": {"for"}, "caution": {"against"}, "warn": {"against", "of", "about"}, "complain": {"about", "of"},
    "insist": {"on"}, "boast": {"of", "about"}, "speak": {"of", "about"}, "talk": {"about"},
}
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
}
#: Words in -ed that are not past forms.
_NOT_PAST = {"need", "red", "bed", "hundred", "speed", "seed", "feed", "shed", "indeed", "bred", "sled", "wed",
             "creed", "greed", "bleed", "deed", "weed", "reed", "steed", "breed", "proceed", "exceed", "succeed"}
#: Words after which the first clause of the statement is over: a relative or adverbial clause begins.
_CLAUSE_STOP = {"when", "which", "who", "whom", "whose", "where", "because", "while", "although", "as", "after",
                "before", "since", "until", "unless", "but", "whereas", "than", "so"}
_BREAK = {",", ";", ".", "(", ")", ":", "—", "–", "!", "?", "["}
#: Time and place between a verb and its statement: "said on Monday that", "told reporters Thursday".
_CIRCUMSTANCE = re.compile(
    r"\s*(?:(?:on|last|this|next|early|late|earlier|later|on\s+the\s+phone)\s+)?(?:(?:%s)(?:\s+(?:morning|afternoon|"
    r"evening|night))?|week|weekend|month|year|night|morning|afternoon|evening|today|yesterday|tonight|again|also|"
    r"previously|publicly|repeatedly|recently|earlier|later|once|too|then|now|privately|simply|only|"
    r"(?:in|at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:statement|interview|release|email|"
    r"e-mail|letter|post|tweet|message|report|speech|address|briefing|conference|video|meeting|hearing|session|"
    r"documents?|filing|court|parliament|legislature|house|commons|senate|news\s+conference)"
    r"|to\s+(?:reporters|journalists|the\s+media|the\s+press|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}))\b"
    % "|".join(WEEKDAYS), re.IGNORECASE)


def statement_start(ctx: Context, lemma: str, position: int, end: int) -> int | None:
    """Where the statement after a reporting verb begins (``position``: just after the verb or the
    speaker after it), or None when the words up to ``end`` do not read as one."""
    text = ctx.text
    position = _skip_circumstances(text, position, end)
    toks = [t for t in ctx.tokens(position, end)][:40]
    i = 0
    if lemma in RECIPIENT_VERBS and toks and toks[0].is_word and toks[0].quote is None:
        if toks[0].low in _OBJECTS:
            i = 1
        elif toks[0].low not in {"that", "to"} | _QUESTION | _SUBJECTS:
            mention, used = parse_mention(toks, -1)
            markers = PREPOSITION_VERBS.get(lemma, set()) | {"that"} | _QUESTION | (
                {"to"} if lemma in DIRECTIVE_VERBS else set())
            if mention is not None and mention.kind != "pronoun":
                i = used
                i = next((k for k in range(1, used) if toks[k].low in markers), i)  # "accused the chains | of ..."
            else:  # a few words, then what introduces the statement: "urged local residents | to leave"
                i = next((k for k in range(1, min(len(toks), 7)) if toks[k].low in markers
                          and all(t.is_word and t.low not in _FINITE for t in toks[:k])), 0)
        if i:
            after = _skip_circumstances(text, toks[i - 1].end, end)
            while i < len(toks) and toks[i].start < after:
                i += 1
    comma = i < len(toks) and toks[i].text == ","
    if comma:
        i += 1
    if i >= len(toks) or (comma and toks[i].low in {"who", "which", "whose", "whom", "where", "when"}):
        return None  # "said Tom Baker, who runs the harbour": a relative clause
    first = toks[i]
    if first.quote is not None:
        return first.start  # a quotation
    if first.low == "that":
        return toks[i + 1].start if i + 1 < len(toks) else None
    if first.text == ":":
        return toks[i + 1].start if i + 1 < len(toks) else None
    if first.low in _QUESTION or first.low in {"yes", "no"}:
        return first.start
    if first.low == "to" and lemma in DIRECTIVE_VERBS:
        return first.start
    if first.low in PREPOSITION_VERBS.get(lemma, ()) and i + 1 < len(toks):
        return first.start  # "accused the chains of squeezing suppliers", "cautioned against ..."
    if looks_like_clause(toks[i:]):
        return first.start
    return None


def _skip_circumstances(text: str, position: int, end: int) -> int:
    while position < end:
        found = channel_at(text[position:min(end, position + 200)])
        if found:
            position += found[0]
            continue
        found = _CIRCUMSTANCE.match(text, position, end)
        if found and found.end() > position:
            position = found.end()
            continue
        break
    return position


def looks_like_clause(toks: list[Tok]) -> bool:
    """Do these tokens open a clause: a subject pronoun, or words followed by a finite verb?"""
    if not toks:
        return False
    first = toks[0]
    if first.is_word and re.split(r"[’']", first.low)[0] in _SUBJECTS:
        return True
    previous = None
    for k, tok in enumerate(toks[:25]):
        if tok.text in _BREAK or (k and tok.low in _CLAUSE_STOP):
            return False
        if tok.is_word and not tok.is_cap:
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
