"""The four steps run on one article, once: :func:`find_attributions` and :func:`find_people`.

The result is kept on the article (an :class:`~helpers.article.Article` never
changes), so the source table, the people and the notebooks' other analyses
share one reading.  It is read again when a word list has changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import as_article
from ..quotes import editorial_insertions
from .clauses import attach_continuations, finish_sentence
from .lexicon import refresh
from .quote_units import quote_units, within
from .records import Attribution, Person, QuoteRecord
from .resolution import People, resolve
from .speakers import Draft, attributions_in_sentence
from .tokens import Context
from .verbs import verbs_in

__all__ = ["find_attributions", "find_people", "quote_records", "analysis"]


@dataclass(frozen=True)
class Analysis:
    """What the extractor found in one article."""

    attributions: tuple[Attribution, ...]
    people: tuple[Person, ...]
    records: tuple[QuoteRecord, ...]


def analysis(article) -> Analysis:
    """The extractor's reading of ``article`` (an :class:`Article` or a string), computed once per word lists."""
    article = as_article(article)
    version = refresh()
    kept = article.__dict__.get("_sources_analysis")
    if kept is not None and kept[0] == version:
        return kept[1]
    ctx, drafts, free, people = _analyse(article)
    inserted = sorted((i.start, i.end) for i in editorial_insertions(article))
    result = Analysis(tuple(_freeze(ctx, d, inserted) for d in drafts), _people(people),
                      tuple(quote_units(ctx, drafts, free, inserted)))
    article.__dict__["_sources_analysis"] = (version, result)
    return result


def _analyse(article) -> tuple[Context, list[Draft], list, People]:
    ctx = Context(article)
    drafts: list[Draft] = []
    free = []
    for sentence in ctx.article.sentences:
        if sentence.paragraph in ctx.captions:
            continue  # a photo caption or a video's blurb, copied with the page: not the report
        verbs = verbs_in(ctx, sentence)
        found = attributions_in_sentence(ctx, sentence, verbs)
        found = finish_sentence(ctx, sentence, found, verbs) if found else found
        if found:
            drafts.extend(found)
        else:
            free.append((sentence, verbs))
    attach_continuations(ctx, drafts, free)
    people = resolve(ctx, drafts)
    return ctx, drafts, free, people


def _freeze(ctx: Context, draft: Draft, inserted: list[tuple[int, int]]) -> Attribution:
    mention = draft.mention
    quotes = sorted(set(draft.quotes), key=lambda q: ctx.quotes[q].start)
    spans = tuple((ctx.quotes[q].start, ctx.quotes[q].end) for q in quotes)
    editorial = tuple(found for s, e in spans for found in within(inserted, s, e))
    first = ctx.quotes[quotes[0]] if quotes else None
    return Attribution(
        speaker=ctx.text[mention.start:mention.end], start=mention.start, end=mention.end,
        source=draft.source, verb=draft.verb.text, kind=draft.kind,
        quote=first.text if first else None, quote_start=first.start if first else None,
        quote_end=first.end if first else None, channel=draft.channel, paragraph=draft.sentence.paragraph,
        sentence=str(draft.sentence), quotes=spans, mention=mention.kind, title=draft.title,
        verb_start=draft.verb.start, verb_end=draft.verb.end, editorial=editorial,
    )


def _people(people: People) -> tuple[Person, ...]:
    return tuple(Person(name, people.title.get(name), people.gender.get(name, "not stated"), people.paragraph[name],
                        people.count.get(name, 0))
                 for name in sorted(people.paragraph, key=lambda n: people.paragraph[n]))


def find_attributions(article) -> list[Attribution]:
    """Every attribution in the body of ``article`` (an :class:`Article` or a string), in reading order.

    >>> [(a.source, a.verb, a.kind) for a in find_attributions('Title\\n\\n“We will stay,” the mayor said.')]
    [('mayor', 'said', 'direct')]
    """
    return list(analysis(article).attributions)


def find_people(article) -> list[Person]:
    """The named people of the body, in order of first mention: title, gender as the text states it,
    and how many attributions they have (0: they are named, or act, but do not speak).

    A person is a capitalised name with a title ("Mayor Ana Ruiz"), in apposition to
    one ("The head of EU diplomacy, Josep Borrell"), or a name of two to four
    capitalised words that is not an institution or a place ("with Emmanuel Macron").
    """
    return list(analysis(article).people)


def quote_records(article) -> list[QuoteRecord]:
    """One record per quotation or reported clause of indirect speech, in reading order.

    The standard unit of quote attribution (see :class:`QuoteRecord` for the fields and
    :mod:`helpers.sources.quote_units` for how attributions are cut into records).

    >>> [(r.speaker, r.verb, r.content, r.floating) for r in quote_records(
    ...     'Title\\n\\n“We will stay,” said Ana Ruiz. “The bridge is safe.”')]
    [('Ana Ruiz', 'said', '“We will stay,”', False), ('', '', '“The bridge is safe.”', True)]
    """
    return list(analysis(article).records)
