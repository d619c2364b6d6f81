"""Step 3: where each attribution's statement lies, its quotations and its kind.

The quotations of a sentence belong to its attribution, and so do
quotation-only sentences after it and a quotation that runs on into the next
paragraph.  The attribution is ``direct`` when the statement is entirely in
quotation marks, ``partial`` when quoted fragments sit in the reporter's
sentence, ``indirect`` without quotation marks.
"""

from __future__ import annotations

import bisect
import re

from ..words import WORD
from .channels import find_channel
from .complements import nothing_after, skip_circumstances, statement_start
from .lexicon import LEX, MAX_TOKENS, verb_lemma
from .mentions import full
from .speakers import Draft, after_connective
from .tokens import Context
from .verbs import Verb

__all__ = ["finish_sentence", "attach_continuations", "trimmed"]


def finish_sentence(ctx: Context, sentence, drafts: list[Draft], verbs: list[Verb]) -> list[Draft]:
    """Set each draft's clause, channel, statement, quotations and kind; return the drafts that report a statement.

    The sentence is shared between its attributions at their "while"/"but" (``floor``).
    Within its share, the clause is the speaker, title, verb, channel and the person
    addressed; the **statement** lies around it (:func:`_pieces`), and a participle
    (", saying ...") continues it.  A verb followed by no statement ("the visitors
    replied two minutes later", "denied the existence of ...") reports none: its draft is dropped.
    """
    text = ctx.text
    participles = [v for v in verbs if v.participle]
    kept = []
    for k, draft in enumerate(drafts):
        start = sentence.start if k == 0 else max(draft.floor, kept[-1].share[1] if kept else 0)
        # the share ends where the next attribution's clause begins: "..., and they say they will stay, after
        # the president rejected the bill" -- not at the next floor, which may lie just after this verb
        end = max(drafts[k + 1].floor, min(drafts[k + 1].clause[0], drafts[k + 1].verb.start)) \
            if k + 1 < len(drafts) else sentence.end
        content_start = after_connective(text, start, end)
        draft.participle = next((p for p in participles if draft.verb.end <= p.start < end
                                 and text[max(0, p.start - 4):p.start].rstrip().endswith(",")), None)
        tail = draft.participle.start if draft.participle is not None else end
        core = max(draft.verb.end, draft.mention.end)
        quoted_verb = next((t.quote for t in ctx.tokens(draft.verb.start, draft.verb.end) if t.quote is not None), None)
        statement = None
        if quoted_verb is None:
            lemma = verb_lemma(draft.verb.text)
            statement = statement_start(ctx, lemma, core, tail) if lemma != "according to" else None
            if lemma == "according to" and draft.mention.end > draft.verb.end:
                rest = text[core:tail]  # "According to the union, 14 farms closed": after the comma
                if rest.lstrip().startswith(",") and WORD.search(rest):
                    statement = core + rest.index(",") + 1
            if statement is None:  # "welcomed the increase but said it came too late": the second verb's
                statement = next((s for v in verbs if not v.participle and core < v.start < tail
                                  for s in [statement_start(ctx, verb_lemma(v.text), v.end, tail)] if s), None)
            if statement is None and _after_what(ctx, draft):
                statement = statement_start(ctx, "", core, tail, gap=True)  # "what officials say is a record"
        if statement is None and quoted_verb is None and draft.mention.start < draft.verb.start:
            statement = _continuation(ctx, core, tail)  # "The plan, she said, was too costly": it goes on
        if statement is not None:  # "X said that ...", "X told reporters the plan was dead"
            clause_end = statement
        else:  # "“...,” X said on Facebook": the clause runs to the participle -- or to a quotation just
            #    after the verb: "requested an “emergency” meeting"
            quoted = ctx.quotes_between(draft.clause[1], tail)
            near = quoted and len(ctx.words_outside_quotes(core, ctx.outer[quoted[0]][0])) <= 4
            clause_end = max(ctx.outer[quoted[0]][0], draft.clause[1]) if near else tail
        if quoted_verb is not None:  # also “condemned” the offensive: the quoted verb is the statement
            clause_end = ctx.outer[quoted_verb][0]
        draft.clause = (draft.clause[0], max(clause_end, draft.clause[1]) if quoted_verb is None else clause_end)
        draft.channel = draft.channel or find_channel(text, draft.clause[0], max(clause_end, draft.clause[1]))
        if draft.channel is None and content_start > start:  # "In a statement, the police said ..."
            draft.channel = find_channel(text, start, content_start)
        draft.share = (start, end)
        bare = statement is None and quoted_verb is None and (
            verb_lemma(draft.verb.text) == "according to" or nothing_after(ctx, core, tail))
        draft.content = tuple(_pieces(ctx, draft, (content_start, min(draft.clause[0], draft.verb.start)),
                                      (draft.clause[1], tail), bare))
        draft.quotes = ctx.quotes_between(start, end)
        if not draft.content and not (draft.participle is not None and draft.quotes) and not (
                statement is None and _demand(ctx, draft, core, tail)):
            continue
        main_quotes = [q for a, b, _ in draft.content for q in ctx.quotes_between(a, b)]
        main_words = [w for a, b, _ in draft.content for w in ctx.words_outside_quotes(a, b)]
        if main_quotes and not main_words:
            draft.kind = "direct"
        elif draft.quotes:
            draft.kind = "partial"
        else:
            draft.kind = "indirect"
        kept.append(draft)
    return kept


def _demand(ctx: Context, draft: Draft, core: int, tail: int) -> bool:
    """A directive verb with a noun phrase for object reports a demand, though no words: "Rome asked for a
    meeting", "the union demanded an apology".  It is an attribution (someone asked for something), but
    it has no reported words, so it makes no quote record."""
    if LEX.speech_act.get(verb_lemma(draft.verb.text)) != "directive":
        return False
    return any(t.is_word for t in ctx.tokens(core, tail))


#: Words that open no continuation of the statement after ", she said,": a relative or adverbial clause.
_NOT_CONTINUING = {"who", "which", "whose", "whom", "where", "when", "though", "although", "because", "as",
                   "while", "after", "before", "since", "if", "unless", "whereas", "until"}


def _continuation(ctx: Context, core: int, tail: int) -> int | None:
    """After a clause set off by commas, the rest of the statement: "The plan, she said, | was too costly",
    "The drugs have few uses, he says, | and are meant for short use" -- not ", raising fears", ", who ..."."""
    text = ctx.text
    position = skip_circumstances(text, core, tail)
    rest = text[position:tail]
    if not rest.lstrip().startswith(","):
        return None
    after = position + rest.index(",") + 1
    word = WORD.search(text, after, tail)
    if word is None or text[after:word.start()].strip():
        return None
    low = word.group(0).lower()
    if low in _NOT_CONTINUING or low.endswith(("ing", "ed")) or word.group(0)[0].isupper() and low not in {
            "i"}:
        return None
    return word.start()


def _after_what(ctx: Context, draft: Draft) -> bool:
    """Is the clause a relative one: "what officials say is a record", "cuts that the panel says are needed"?"""
    before = ctx.tokens(max(0, draft.clause[0] - 12), draft.clause[0])
    return bool(before) and before[-1].low in {"what", "that", "which"}


#: Words that open an adverbial before the clause ("When asked ..., she said ..."): not what is reported.
_OPENERS = {
    "when", "while", "if", "as", "after", "before", "because", "although", "though", "since", "despite", "in",
    "at", "on", "during", "asked", "speaking", "following", "under", "with", "without", "for", "of", "by", "from",
    "earlier", "later", "last", "this", "then", "once", "until", "whenever", "unlike", "like", "rather",
    "mostly", "but", "and", "still", "now", "yet", "so", "also", "however", "meanwhile", "reading", "writing",
}
_LEADING = re.compile(r"[\s,:;—–-]*(?:that\b\s*)?")
_TRAILING = ".!?;:,—–- \n\t\u00a0"
_SET_OFF = re.compile(r"[,”\"’»—–:]")


def trimmed(ctx: Context, a: int, b: int) -> tuple[int, int] | None:
    """text[a:b] without what surrounds a statement ("that", commas, the final full stop); a quotation at
    either edge keeps its marks.  None when no word is left."""
    text = ctx.text
    a = _LEADING.match(text, a, b).end()
    while b > a and text[b - 1] in _TRAILING:
        b -= 1
    if b <= a:
        return None
    for q in ctx.quotes_between(a, b):
        a, b = min(a, ctx.outer[q][0]), max(b, ctx.outer[q][1])
    if not any(c.isalnum() for c in text[a:b]):
        return None
    return a, b


def _pieces(ctx: Context, draft: Draft, before: tuple[int, int], after: tuple[int, int], bare: bool):
    """What the attribution reports, in one or two pieces: (start, end, floating).

    Around the clause lie a piece before it and a piece after it.  Quotations are
    always reported.  Of unquoted words, the piece after the verb is the statement
    ("X said he was ready"); the piece before it only when nothing follows the verb
    and the piece is set off by a comma or a quotation mark ("The plan is dead, he
    said."), or when the clause is set off by commas and the piece is not an
    adverbial opener ("The plan, he said, was too costly"; not "When asked, he said ...").
    The second half of a quotation split by its clause is floating: “A,” said X, “B.”
    """
    text = ctx.text
    first = trimmed(ctx, *before) if before[1] > before[0] else None
    second = trimmed(ctx, *after) if after[1] > after[0] else None
    quoted_first = first is not None and bool(ctx.quotes_between(*first))
    quoted_second = second is not None and bool(ctx.quotes_between(*second))
    if first is not None and second is not None:
        parenthetical = text[max(draft.verb.end, draft.mention.end):after[0] + 1].lstrip().startswith(",")
        word = WORD.search(text, *first)
        opener = word is None or word.group(0).lower() in _OPENERS
        if quoted_first and not quoted_second and not parenthetical:
            second = None  # "“Are there prizes?” she asked before going off."
        elif not quoted_first and not (parenthetical and not opener):
            first = None  # "Despite the doubts, she said she was hopeful."
    elif first is not None and not quoted_first and not (bare and _SET_OFF.search(text, first[1], before[1] + 1)):
        first = None  # "Both clubs confirmed the transfer", "This fall, the city added a lane":
        #               the verb has an object, or nothing sets the clause off from what comes before
    pieces = [p for p in (first, second) if p is not None]
    direct = not any(ctx.words_outside_quotes(a, b) for a, b in pieces)
    return [(a, b, direct and k > 0) for k, (a, b) in enumerate(pieces)]


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
            if previous.kind == "indirect":  # "X said the bridge is safe. “Nobody is hurt.”": words of both kinds
                previous.kind = "partial"

