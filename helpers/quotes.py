"""Finding quotations: the words a text puts inside quotation marks.

News writers (and translation software) use many quotation marks:

* curly double quotes      “like this”
* straight double quotes   "like this"
* French guillemets        « like this »
* German low-high quotes   „like this“
* single quotes inside a double quote:  “he called it ‘a lie’ today”
* and mixed pairs left by translation, such as the seed's  “stable »

:func:`find_quotes` reads a text left to right, one paragraph at a time, and
keeps track of which quotation is open.  A quotation that is still open when
its paragraph ends is closed there and flagged ``unbalanced`` -- unless the
next paragraph opens with a quotation mark, the newspaper convention for a
quotation that continues over several paragraphs (flagged ``continues``).

An apostrophe (Editor’s, don't) is never taken for a quotation mark.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .spans import split_blocks
from .words import WORD, count_words

__all__ = ["Quote", "find_quotes", "find_stray_quote_marks", "scan_quotes", "quoted_share", "QUOTE_MARKS"]

#: Marks that open a double-level quotation, and the marks that close it.
DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»“"  # “ closes a German „quotation“
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
#: Every quotation mark the course knows, for students to print.
QUOTE_MARKS = {
    "double, opening": list("“«„"),
    "double, closing": list("”»"),
    "double, straight (opens or closes)": ['"'],
    "single, opening": list("‘‹"),
    "single, closing": list("’›"),
    "single, straight (inside a double quotation only)": ["'"],
}
_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "‹": "›", "'": "'"}


@dataclass(frozen=True)
class Quote:
    """One quotation.

    ``start`` and ``end`` are the offsets of the quoted words (without the
    marks and surrounding spaces), so ``text[start:end] == quote.text``.
    ``open_mark`` / ``close_mark`` are the marks as written (``close_mark`` is
    ``""`` when the quotation was never closed).  ``level`` is 0 for a
    quotation and 1 for a quotation inside a quotation.
    """

    text: str
    start: int
    end: int
    open_mark: str
    close_mark: str
    level: int = 0
    unbalanced: bool = False
    continues: bool = False

    @property
    def mixed(self) -> bool:
        """True when the closing mark is not the partner of the opening one (“stable »)."""
        return bool(self.close_mark) and _PAIRS.get(self.open_mark) != self.close_mark

    @property
    def words(self) -> int:
        """Number of words inside the quotation."""
        return count_words(self.text)


@dataclass
class _Open:
    mark: str
    mark_start: int
    level: int


def find_quotes(text) -> list[Quote]:
    """Return every quotation in ``text`` (a string or an :class:`Article`), in reading order.

    Nested quotations are listed after the quotation that contains them.

    >>> [q.text for q in find_quotes('He said: “They call it ‘a lie’.”')]
    ['They call it ‘a lie’.', 'a lie']
    """
    if isinstance(getattr(text, "quotes", None), list):  # an Article has them already
        return list(text.quotes)
    return scan_quotes(text)[0]


def find_stray_quote_marks(text) -> list[tuple[int, str]]:
    """Opening single marks that open nothing, as ``(offset, mark)`` pairs.

    The seed has one: the ‘ before “Azerbaijan.” is a translation leftover.
    """
    return scan_quotes(text)[1]


def scan_quotes(text) -> tuple[list[Quote], list[tuple[int, str]]]:
    """One pass over ``text``: its quotations and its stray opening marks."""
    text = getattr(text, "text", text)
    if not isinstance(text, str):
        raise TypeError(f"find_quotes needs a string or an Article, not {type(text).__name__}")
    quotes: list[Quote] = []
    strays: list[tuple[int, str]] = []
    blocks = split_blocks(text)
    for index, block in enumerate(blocks):
        next_block = blocks[index + 1] if index + 1 < len(blocks) else ""
        _scan_block(text, block.start, block.end, quotes, continues_next=_opens_with_quote(next_block), strays=strays)
    quotes.sort(key=lambda q: (q.start - len(q.open_mark), q.level))
    return quotes, strays


def quoted_share(text) -> float:
    """Share of the words of ``text`` that stand inside quotation marks, from 0 to 1.

    Words inside a nested quotation count once.  Quotation marks themselves are
    not words, so ``“abc”`` is entirely quoted.
    """
    text_str = getattr(text, "text", text)
    words = [m.start() for m in WORD.finditer(text_str)]
    if not words:
        return 0.0
    spans = sorted((q.start, q.end) for q in find_quotes(text_str) if q.level == 0)
    starts = [a for a, _ in spans]
    inside = 0
    for w in words:
        k = bisect.bisect_right(starts, w) - 1
        inside += k >= 0 and w < spans[k][1]
    return inside / len(words)


def _opens_with_quote(block: str) -> bool:
    return bool(block) and block[0] in DOUBLE_OPEN + '"'


_MARK = re.compile("[“”«»„\"‘’‹›']")
_SINGLE_CLOSER = re.compile("[’›']")


def _scan_block(text, start, end, quotes, continues_next=False, strays=None):
    """Scan text[start:end] (one paragraph) and append its quotations to ``quotes``."""
    stack: list[_Open] = []
    single_closers = None  # offsets of ’ › ' that are not apostrophes, computed when needed

    def close(open_: _Open, close_start: int, close_mark: str, unbalanced=False, continues=False):
        content_start = open_.mark_start + len(open_.mark)
        content_end = close_start
        while content_start < content_end and text[content_start].isspace():
            content_start += 1
        while content_end > content_start and text[content_end - 1].isspace():
            content_end -= 1
        quotes.append(
            Quote(text[content_start:content_end], content_start, content_end, open_.mark, close_mark,
                  open_.level, unbalanced, continues)
        )

    def close_through(target: _Open, position: int, mark: str, unbalanced=False):
        """Close everything opened after ``target`` (unbalanced), then ``target``."""
        while stack:
            item = stack.pop()
            if item is target:
                close(item, position, mark, unbalanced=unbalanced)
                return
            close(item, position, "", unbalanced=True)

    def open_double() -> _Open | None:
        for item in reversed(stack):
            if item.mark in DOUBLE_OPEN or item.mark == '"':
                return item
        return None

    def has_single_closer_after(position: int) -> bool:
        nonlocal single_closers
        if single_closers is None:
            single_closers = [m.start() for m in _SINGLE_CLOSER.finditer(text, start, end)
                              if not _is_apostrophe(text, m.start(), start, end)]
        k = bisect.bisect_right(single_closers, position)
        return k < len(single_closers) and text[single_closers[k]] != "'"

    for match in _MARK.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        level = 1 if stack else 0
        outer = open_double()
        if ch == '"':
            if outer is not None:
                close_through(outer, i, ch)
            else:
                stack.append(_Open(ch, i, level))
        elif ch in "”»" or (ch == "“" and outer is not None and outer.mark == "„"):
            if outer is not None:
                close_through(outer, i, ch)
            # a closing mark with nothing open is ignored
        elif ch in DOUBLE_OPEN:
            if outer is not None:  # a new quotation starts before the last one closed
                close_through(outer, i, "", unbalanced=True)
                level = 1 if stack else 0
            stack.append(_Open(ch, i, level))
        elif ch in SINGLE_OPEN or (ch == "'" and stack and not _is_letter(text, i - 1, start)):
            if ch == "‘" and _is_letter(text, i - 1, start):
                continue  # a reversed apostrophe inside a word
            if stack and stack[-1].level == 0:
                stack.append(_Open(ch, i, 1))
            elif not stack and has_single_closer_after(i):
                stack.append(_Open(ch, i, 0))
            elif strays is not None:
                strays.append((i, ch))
        elif ch in SINGLE_CLOSE or ch == "'":
            if _is_apostrophe(text, i, start, end):
                continue
            if stack and stack[-1].mark in SINGLE_OPEN + "'":
                close(stack.pop(), i, ch)
    while stack:
        open_ = stack.pop()
        still_open = open_.level == 0 and continues_next
        close(open_, end, "", unbalanced=not still_open, continues=still_open)


def _is_letter(text: str, i: int, start: int) -> bool:
    return i >= start and text[i].isalnum()


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """A ’ or ' between two letters (Editor’s, don't) is an apostrophe."""
    return _is_letter(text, i - 1, start) and i + 1 < end and text[i + 1].isalnum()
