"""The records the source extractor returns: :class:`Attribution` and :class:`Person`."""

from __future__ import annotations

from dataclasses import dataclass

from .ratings import verb_rating

__all__ = ["Attribution", "Person"]


@dataclass(frozen=True)
class Attribution:
    """One statement credited to a source.

    ``article.text[start:end] == speaker`` (the words that name the source) and,
    when there is a quotation, ``article.text[quote_start:quote_end] == quote``
    (the first quotation; ``quotes`` lists the offsets of all of them).
    """

    speaker: str
    start: int
    end: int
    source: str
    verb: str
    kind: str
    quote: str | None
    quote_start: int | None
    quote_end: int | None
    channel: str | None
    paragraph: int
    sentence: str
    quotes: tuple[tuple[int, int], ...] = ()
    #: How the text names the source: "name", "pronoun", "description", "anonymous" or "group".
    mention: str = "name"
    #: The title or description the text gives a named speaker ("Russian diplomatic spokesperson").
    title: str | None = None
    #: Offsets of the reporting verb.
    verb_start: int = -1
    verb_end: int = -1
    #: Offsets of the outlet's own words inside the quotations (editor's notes, [brackets]): not the source's.
    editorial: tuple[tuple[int, int], ...] = ()

    @property
    def rating(self) -> str:
        """"neutral" or "loaded": the one-word rating of the reporting verb, derived from the two below."""
        return verb_rating(self.verb).rating

    @property
    def speech_act(self) -> str:
        """The speech act the verb describes: "neutral", "assertive", "directive", "commissive", "expressive"."""
        return verb_rating(self.verb).speech_act

    @property
    def stance(self) -> str:
        """What the verb signals about the truth of the statement: "none", "distance", "endorsement"."""
        return verb_rating(self.verb).stance


@dataclass(frozen=True)
class Person:
    """A named person in the body: do they speak, and what does the text say of their gender?

    ``gender`` comes only from pronouns in the text that refer to the person
    ("he said", "according to her", "for his part"); otherwise it is "not stated".
    First names are never used to guess it.
    """

    name: str
    title: str | None
    gender: str
    paragraph: int
    attributions: int

    @property
    def speaks(self) -> bool:
        return self.attributions > 0


@dataclass(frozen=True)
class QuoteRecord:
    """One quotation, or one reported clause of indirect speech: the standard unit of quote attribution.

    This is the unit of the Gender Gap Tracker's human annotation (and of most research on
    quotations in news): where :class:`Attribution` groups everything one speaker mention
    governs, a record is one stretch of reported words.

    * ``speaker``: the words that name the source in the record's own clause
      (``article.text[start:end] == speaker``); ``""`` with ``start``/``end`` None when the
      record has no speaker of its own (``floating``).
    * ``verb``: the reporting verb as written (``article.text[verb_start:verb_end]``); ``""``
      when there is none: a floating quotation, a quotation introduced by a colon, and
      "according to" (a preposition, not a verb).
    * ``content_start``/``content_end``: what is reported.  A quotation with its quotation
      marks (``“We will stay,”``); the reported clause of indirect speech without "that"
      and without its final full stop; for a partial quotation, the whole clause with its
      quoted words.
    * ``source``: the resolved source (a pronoun or "the ministry" resolved to the name).
    * ``floating``: True when the speaker is credited from outside the record's clause: a
      quotation-only sentence or paragraph after an attribution, the second half of a
      quotation split by "said X", a participle clause (", saying ...").
    * ``kind``: "direct" (quotation marks only), "partial" (quoted words in the reporter's
      clause) or "indirect" (no quotation marks).
    * ``mention``: how the text names the source ("name", "pronoun", "description",
      "anonymous", "group"); ``attribution``: the index of the attribution in
      :func:`find_attributions` it belongs to.
    * ``editorial``: the offsets of editorial insertions inside the quotation ("(the name
      given by ..., Editor’s note.)", "[the ministry]"): the outlet's words, not the source's.
    """

    speaker: str
    start: int | None
    end: int | None
    verb: str
    verb_start: int | None
    verb_end: int | None
    content_start: int
    content_end: int
    source: str
    floating: bool
    kind: str
    mention: str
    paragraph: int
    attribution: int
    content: str = ""
    editorial: tuple[tuple[int, int], ...] = ()
