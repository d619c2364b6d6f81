"""Step 1: the reporting verbs of a sentence (*said*, *warned*, *called on*, *according to*).

Every form of a verb in ``helpers/data/reporting_verbs.csv`` outside quotation
marks, unless the words around it show another use: a noun or an adjective
("the reported number"), a passive ("he was told"), a name ("Said"), or a
phrase of anonymity ("who asked not to be named").  A verb inside quotation
marks counts only when it *is* the whole quotation: Josep Borrell also
“condemned”.  Participles (*saying*, *urging*, *uring*) are found too, but they
continue the statement before them; they start no attribution.
"""

from __future__ import annotations

from .lexicon import DET_BEFORE_VERB, LEX, PASSIVE, WEEKDAYS
from .tokens import Context

__all__ = ["Verb", "verbs_in"]


class Verb:
    """A reporting verb found in the text."""

    __slots__ = ("text", "start", "end", "participle", "bare")

    def __init__(self, text: str, start: int, end: int, participle: bool):
        self.text, self.start, self.end, self.participle = text, start, end, participle
        #: A bare form ("explain", "say") with no auxiliary before it: its subject must be plural.
        self.bare = False




#: Words that deny the act: a verb after them reports no statement.
NEGATION = {"not", "never", "no"}
#: Bare forms that are also past forms: "the statement read".
_PAST_AS_BARE = {"read"}
#: After these a bare form is a verb whatever its subject: "will argue", "did say", "can confirm".
_AUXILIARIES = {"will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did"}


def verbs_in(ctx: Context, sentence) -> list[Verb]:
    """The reporting verbs of one sentence, outside quotation marks (a one-word quoted verb counts)."""
    text = ctx.text
    toks = ctx.tokens(sentence.start, sentence.end)
    masked = None  # the anonymity phrases of the sentence, found when a verb is
    verbs = []
    first_words = LEX.verb_first
    for i, tok in enumerate(toks):
        options = first_words.get(tok.low)
        if not options:
            continue
        for words, participle in options:
            if tuple(t.low for t in toks[i:i + len(words)]) == words:
                break
        else:
            continue
        last = toks[i + len(words) - 1]
        if tok.is_cap and tok.start != sentence.start:
            continue  # "Said" inside a sentence is a name
        if masked is None:
            lower = text[sentence.start:sentence.end].lower()
            masked = [m.span() for m in LEX.anonymity.finditer(text, sentence.start, sentence.end)] \
                if "named" in lower or "anonym" in lower or "identified" in lower else []
        if any(a <= tok.start < b for a, b in masked):
            continue  # "who asked not to be named"
        if tok.quote is not None and ctx.quotes[tok.quote].text.strip(" ,.") != text[tok.start:last.end]:
            continue  # the speaker's own words -- unless the verb is the whole quotation: also “condemned”
        previous = next((t.low for t in reversed(toks[max(0, i - 3):i]) if t.is_word), "")
        if previous in DET_BEFORE_VERB or previous in PASSIVE:
            continue  # "the reported number", "he was told"
        if previous in NEGATION or previous.endswith(("n't", "n’t")):
            continue  # "has not said", "did not specify", "never confirmed": no statement is reported
        form = " ".join(words)
        bare = len(words) == 1 and form == LEX.verb_forms.get(form) and form not in _PAST_AS_BARE
        if bare and previous == "to":
            continue  # "declined to comment", "expected to announce": no statement yet
        nxt = toks[i + len(words)] if i + len(words) < len(toks) else None
        if words[0] == "called" and nxt is not None and nxt.low in WEEKDAYS:
            continue
        verb = Verb(text[tok.start:last.end], tok.start, last.end, participle)
        verb.bare = bare and previous not in _AUXILIARIES
        verbs.append(verb)
    return verbs

