"""Step 3: where each attribution's statement lies, its quotations and its kind.

The quotations of a sentence belong to its attribution, and so do
quotation-only sentences after it and a quotation that runs on into the next
paragraph.  The attribution is ``direct`` when the statement is entirely in
quotation marks, ``partial`` when quoted fragments sit in the reporter's
sentence, ``indirect`` without quotation marks.
"""

from __future__ import annotations

import bisect

from .channels import channel_at, find_channel
from .lexicon import AFTER_VERB, MAX_TOKENS, STOP, STOP_WITH_COMMA, WINDOW
from .mentions import full
from .speakers import Draft, after_connective
from .tokens import Context
from .verbs import Verb

__all__ = ["finish_sentence", "attach_continuations"]


def finish_sentence(ctx: Context, sentence, drafts: list[Draft], verbs: list[Verb]) -> None:
    """Set each draft's clause, channel, quotations and kind.

    The sentence is shared between its attributions at their "while"/"but" (``floor``).
    Within its share, the attribution's **content** is everything but the clause
    (speaker, title, verb, channel) and a participial tail (", uring that ...").
    """
    text = ctx.text
    participles = [v for v in verbs if v.participle]
    for k, draft in enumerate(drafts):
        start = sentence.start if k == 0 else draft.floor
        end = drafts[k + 1].floor if k + 1 < len(drafts) else sentence.end
        content_start = after_connective(text, start, end)
        tail = next((p.start for p in participles
                     if draft.verb.end <= p.start < end and text[max(0, p.start - 4):p.start].rstrip().endswith(",")),
                    end)
        if draft.leading:  # "X said that ...": the statement follows the verb
            clause_end = _skip_after_verb(text, draft.clause[1], end)
            stop = STOP_WITH_COMMA.search(text, draft.verb.end, min(end, draft.verb.end + WINDOW))
            channel_end = stop.start() if stop else end
        else:  # "“...,” X said on Facebook": the clause runs to the next quotation or participle
            stop = STOP.search(text, draft.clause[1], tail)
            clause_end = channel_end = stop.start() if stop else tail
        draft.clause = (draft.clause[0], max(clause_end, draft.clause[1]))
        if draft.channel is None:
            draft.channel = find_channel(text, draft.clause[0], max(channel_end, draft.clause[1]))
        if draft.channel is None and content_start > start:  # "In a statement, the police said ..."
            draft.channel = find_channel(text, start, content_start)
        content = [(content_start, draft.clause[0]), (draft.clause[1], tail)]
        main_quotes = [q for a, b in content if b > a for q in ctx.quotes_between(a, b)]
        main_words = [w for a, b in content if b > a for w in ctx.words_outside_quotes(a, b)]
        draft.quotes = ctx.quotes_between(start, end)
        if main_quotes and not main_words:
            draft.kind = "direct"
        elif draft.quotes:
            draft.kind = "partial"
        else:
            draft.kind = "indirect"


def _skip_after_verb(text: str, position: int, end: int) -> int:
    """After "said": skip a channel, "that", a colon or a comma (what follows is the statement)."""
    while position < end:
        rest = text[position:min(end, position + WINDOW)]
        found = channel_at(rest)
        if found:
            position += found[0]
            continue
        small = AFTER_VERB.match(rest)
        if small and small.end() > 0:
            position += small.end()
            continue
        break
    return position


def attach_continuations(ctx: Context, drafts: list[Draft], free: list) -> None:
    """Quotation-only sentences, a quotation running on into the next paragraph, and a cut-off
    apposition ("French Ministry of Foreign Affairs, urging Baku “...”.") belong to the attribution before."""
    owned = {q for draft in drafts for q in draft.quotes}
    verb_starts = [d.verb.start for d in drafts]
    for sentence, verbs in free:
        k = bisect.bisect_left(verb_starts, sentence.start) - 1
        if k < 0:
            continue
        previous = drafts[k]
        quotes = [q for q in ctx.quotes_between(sentence.start, sentence.end)
                  if q not in owned and ctx.outer[q][1] <= sentence.end + 1]
        if not quotes:
            continue
        same_paragraph = previous.sentence.paragraph == sentence.paragraph
        runs_on = sentence.paragraph == previous.sentence.paragraph + 1 and any(
            ctx.quotes[q].continues for q in previous.quotes)
        fragment = False
        participles = [v for v in verbs if v.participle]
        if participles and same_paragraph:
            head = ctx.tokens(sentence.start, participles[0].start)[-MAX_TOKENS:]
            fragment = bool(head) and head[-1].text == "," and full(head[:-1], sentence.start) is not None
        if (same_paragraph or runs_on) and (fragment or not ctx.words_outside_quotes(sentence.start, sentence.end)):
            previous.quotes.extend(quotes)
            owned.update(quotes)

