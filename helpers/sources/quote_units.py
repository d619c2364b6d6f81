"""The standard unit: one record per quotation, or per reported clause of indirect speech.

An attribution (:func:`~helpers.sources.find_attributions`) is everything one
speaker mention governs.  Research on quotations in news, and the human
annotation the course is measured against, count smaller pieces; this module
cuts each attribution into them (:class:`~helpers.sources.records.QuoteRecord`):

* a quotation split by its clause is two records: “We are ready,” said Ana
  Ruiz, “and we will stay.”  The first carries the speaker; the second is
  **floating** (its speaker is credited from the clause before);
* a reported clause split by its clause is two records too: The plan, she said,
  was too costly -- both carry the speaker;
* a participle that continues the statement (", saying ...", ", adding that
  ...") is a floating record of its own, with its verb;
* every quotation-only sentence or paragraph is a floating record, credited to
  the source of the attribution before it.

What a record reports is a quotation with its marks, or the reported clause
without "that" and without its final full stop.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .clauses import trimmed
from .complements import statement_start
from .lexicon import verb_lemma
from .records import QuoteRecord
from .speakers import Draft
from .tokens import Context

__all__ = ["quote_units", "within"]



def quote_units(ctx: Context, drafts: list[Draft], free: list,
                inserted: list[tuple[int, int]] = ()) -> list[QuoteRecord]:
    """The records of one article, in reading order (see the module docstring).

    ``inserted``: the offsets of the editorial insertions inside quotations (kept on the records).
    """
    records: list[QuoteRecord] = []
    owned: set[int] = set()
    for index, draft in enumerate(drafts):
        records.extend(_draft_records(ctx, index, draft, owned))
    records.extend(_floating(ctx, drafts, owned))
    records.sort(key=lambda r: (r.content_start, r.content_end))
    if inserted:
        records = [_with_insertions(r, inserted) for r in records]
    return records


def within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted by start) that lie inside text[start:end]."""
    k = bisect.bisect_left(spans, (start, -1))
    out = []
    while k < len(spans) and spans[k][0] < end:
        if spans[k][1] <= end:
            out.append(spans[k])
        k += 1
    return out


def _with_insertions(record: QuoteRecord, inserted: list[tuple[int, int]]) -> QuoteRecord:
    inside = tuple(within(inserted, record.content_start, record.content_end))
    return replace(record, editorial=inside) if inside else record


def _draft_records(ctx: Context, index: int, draft: Draft, owned: set[int]) -> list[QuoteRecord]:
    start, end = draft.share
    out = []
    for a, b, floating in draft.content:
        out.append(_record(ctx, index, draft, a, b, floating=floating))
        owned.update(ctx.quotes_between(a, b))
    participle = draft.participle
    statement = None
    if participle is not None:
        statement = statement_start(ctx, verb_lemma(participle.text), participle.end, end)
        if statement is None and ctx.quotes_between(participle.end, end):
            statement = participle.end  # ", calling the plan “a disgrace”"
    if statement is not None:  # ", saying he was ready": a statement of its own -- not ", denying the charge"
        span = trimmed(ctx, statement, end)
        if span is not None:
            out.append(_record(ctx, index, draft, *span, floating=True, verb=participle))
            owned.update(ctx.quotes_between(*span))
    for q in sorted(set(draft.quotes)):  # quotations of the sentences after it (attached in step 3)
        if q in owned:
            continue
        a, b = ctx.outer[q]
        if a >= start and b <= end:
            continue
        owned.add(q)
        out.append(_record(ctx, index, draft, a, b, floating=True))
    return out


def _record(ctx: Context, index: int, draft: Draft, a: int, b: int, floating: bool = False,
            verb=None) -> QuoteRecord:
    text = ctx.text
    mention = draft.mention
    if verb is None and not floating:
        verb = draft.verb
    verb_text = "" if verb is None or verb.text.lower().startswith("according") else verb.text
    quotes = ctx.quotes_between(a, b)
    words = [t for t in ctx.tokens(a, b) if t.is_word and t.quote is None]
    kind = "indirect" if not quotes else ("partial" if words else "direct")
    return QuoteRecord(
        speaker="" if floating else text[mention.start:mention.end],
        start=None if floating else mention.start, end=None if floating else mention.end,
        verb=verb_text, verb_start=verb.start if verb_text else None, verb_end=verb.end if verb_text else None,
        content_start=a, content_end=b, source=draft.source, floating=floating, kind=kind,
        mention=mention.kind, paragraph=draft.sentence.paragraph, attribution=index, content=text[a:b],
    )


def _floating(ctx: Context, drafts: list[Draft], owned: set[int]) -> list[QuoteRecord]:
    """Quotation-only sentences and paragraphs no attribution owns: credited to the attribution before."""
    article = ctx.article
    starts = [d.verb.start for d in drafts]
    out = []
    for q, quote in enumerate(ctx.quotes):
        if q in owned:
            continue
        a, b = ctx.outer[q]
        k = article.sentence_at(quote.start)
        if k is None:
            continue
        sentence = article.sentences[k]
        if ctx.words_outside_quotes(sentence.start, sentence.end):
            continue
        before = bisect.bisect_left(starts, a) - 1
        if before < 0:
            continue
        owned.add(q)
        out.append(_record(ctx, before, drafts[before], a, b, floating=True))
    return out
