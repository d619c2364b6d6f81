"""Who speaks in an article: attributions, resolved sources and the source table.

An **attribution** is a statement, a view or a demand that the text credits to
a source: "Russia ... called on both parties to “respect” the agreements",
"“...,” lamented on X (ex-Twitter) Gegham Stepanyan", "According to her, ...".
:func:`find_attributions` finds them with rules a student can read, in four
steps, one module each:

1. **Reporting verbs** (:mod:`~helpers.sources.verbs`): every form of a verb of
   ``helpers/data/reporting_verbs.csv`` outside quotation marks (*said*,
   *warned*, *called on*, *according to*, ...).
2. **The speaker** (:mod:`~helpers.sources.speakers`, noun phrases in
   :mod:`~helpers.sources.mentions`): the noun phrase just before the verb, or,
   when the verb follows a quotation or a comma and has no subject, the noun
   phrase after it ("lamented on X (ex-Twitter) Gegham Stepanyan").
3. **Quotations and kind** (:mod:`~helpers.sources.clauses`): the quotations of
   the sentence and of the quotation-only sentences after it; ``direct``,
   ``partial`` or ``indirect``.
4. **The source** (:mod:`~helpers.sources.resolution`): pronouns and
   descriptions resolved to the nearest compatible source named before.

A sentence that reports an action ("Pashinian urgently convened his Security
Council") is not an attribution, and neither is a verb with no statement after it
("The visitors replied two minutes later", "denied the existence of ..."):
:func:`find_people` lists the people an article names, whether they speak or only act.

:func:`quote_records` cuts the same analysis into the **standard unit** of research
on quotations (:mod:`~helpers.sources.quote_units`): one record per quotation or per
reported clause, with the speaker, the verb, what is reported and whether the speaker
is credited from elsewhere (``floating``).  The outlet's own words inside quotation
marks (an editor's note, words in [brackets]) are listed by
:func:`helpers.quotes.editorial_insertions` and not counted as the source's.

The other modules: :mod:`~helpers.sources.complements` (what follows a verb: is it a
statement?), :mod:`~helpers.sources.captions` (photo captions and video blurbs, not the report), :mod:`~helpers.sources.lexicon` (the word lists as lookups,
read again when a file in ``helpers/data/`` changes), :mod:`~helpers.sources.tokens`
(the article prepared for the rules), :mod:`~helpers.sources.channels`
("on Facebook"), :mod:`~helpers.sources.ratings` (the verb audit),
:mod:`~helpers.sources.records` (what is returned), :mod:`~helpers.sources.analysis`
(the steps run once per article) and :mod:`~helpers.sources.tables` (the source
table and its CSV export).

The rules are written down in ``helpers/data/annotations/README.md`` and
measured against a hand annotation by :mod:`helpers.evaluation`.
"""

from .analysis import find_attributions, find_people, quote_records
from .channels import channel_medium
from .ratings import VerbRating, verb_rating, verb_scheme
from .records import Attribution, Person, QuoteRecord
from .tables import add_sides, export_source_table, seed_sources, source_table

__all__ = [
    "Attribution", "Person", "QuoteRecord", "quote_records", "find_attributions", "find_people", "source_table", "export_source_table",
    "seed_sources", "add_sides", "verb_rating", "VerbRating", "verb_scheme", "channel_medium",
]
