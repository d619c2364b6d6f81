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

    @property
    def rating(self) -> str:
        """"neutral" or "loaded": the rating of the reporting verb (see :func:`verb_rating`)."""
        return verb_rating(self.verb)


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
