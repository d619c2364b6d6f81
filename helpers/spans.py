"""Pieces of text that remember where they came from.

Every analysis in the course points back at the words that produced it.  A
:class:`Span` is an ordinary Python string (you can print it, search it,
compare it) that also carries ``start`` and ``end``: its position in the
article's ``text``.  So ``article.text[span.start:span.end] == span`` always.
"""

from __future__ import annotations

import re

__all__ = ["Span", "split_blocks", "BLANK_LINE"]

BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")


class Span(str):
    """A string with its position (``start``, ``end``) in the article text.

    ``paragraph`` is the index of the body paragraph it belongs to, or
    ``None`` for text outside the body (headline, subheadings).
    """

    start: int
    end: int
    paragraph: int | None

    def __new__(cls, text: str, start: int, end: int | None = None, paragraph: int | None = None):
        self = super().__new__(cls, text)
        self.start = start
        self.end = start + len(text) if end is None else end
        self.paragraph = paragraph
        return self

    def __reduce__(self):  # keep offsets when copied or pickled
        return (Span, (str(self), self.start, self.end, self.paragraph))


def split_blocks(text: str) -> list[Span]:
    """Split a text into blocks: the lines of a paragraph, headline or heading.

    A block is a run of non-blank lines, so blank lines separate paragraphs.
    A text with no blank line at all is read as one paragraph per line (a
    common shape of copied web articles).  Leading and trailing whitespace is
    not part of a block.
    """
    if BLANK_LINE.search(text):
        separators = BLANK_LINE
    else:
        separators = re.compile(r"\n")
    blocks: list[Span] = []
    position = 0
    for match in separators.finditer(text):
        _append_trimmed(blocks, text, position, match.start())
        position = match.end()
    _append_trimmed(blocks, text, position, len(text))
    return blocks


def _append_trimmed(blocks: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(Span(text[start:end], start, end))
