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

__all__ = ["Quote", "find_quotes", "find_stray_quote_marks", "scan_quotes", "quoted_share", "QUOTE_MARKS",
           "Insertion", "editorial_insertions", "quoted_words"]

#: Marks that open a double-level quotation, and the marks that close it.
DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»“"  # “ closes a German „quotation“
SINGLE_OPEN = "‘‹‚"  # ‚ opens a German quotation inside a quotation, closed by ‘
SINGLE_CLOSE = "’›"
#: Every quotation mark the course knows, for students to print.
QUOTE_MARKS = {
    "double, opening": list("“«„"),
    "double, closing": list("”»"),
    "double, straight (opens or closes)": ['"'],
    "single, opening": list("‘‹‚"),
    "single, closing": list("’›"),
    "single, straight (inside a double quotation only)": ["'"],
}
_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "‹": "›", "‚": "‘", "'": "'"}


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
    not words, so ``“abc”`` is entirely quoted.  The words of an editorial insertion
    inside a quotation ("(…, Editor’s note.)", "[the ministry]") are the outlet's, not
    the source's: they do not count as quoted (see :func:`editorial_insertions`).
    """
    text_str = getattr(text, "text", text)
    words = [m.start() for m in WORD.finditer(text_str)]
    if not words:
        return 0.0
    quotes = find_quotes(text) if isinstance(getattr(text, "quotes", None), list) else find_quotes(text_str)
    spans = sorted((q.start, q.end) for q in quotes if q.level == 0)
    inserted = sorted((i.start, i.end) for i in editorial_insertions(text_str, quotes))
    starts, inserted_starts = [a for a, _ in spans], [a for a, _ in inserted]
    inside = 0
    for w in words:
        k = bisect.bisect_right(starts, w) - 1
        j = bisect.bisect_right(inserted_starts, w) - 1
        inside += k >= 0 and w < spans[k][1] and not (j >= 0 and w < inserted[j][1])
    return inside / len(words)


@dataclass(frozen=True)
class Insertion:
    """Words of the outlet inside a quotation: an editor's note or words in square brackets.

    ``text[start:end]`` is the insertion with its brackets; ``kind`` is "editor's note"
    ("(the name given by ..., Editor’s note.)", "(ed.)", "(NDLR)") or "brackets"
    ("[the ministry]", "[was]"); ``quote_start``/``quote_end`` are the offsets of the
    quotation it stands in.
    """

    text: str
    start: int
    end: int
    kind: str
    quote_start: int
    quote_end: int

    @property
    def words(self) -> int:
        return count_words(self.text)


#: A parenthesis closed by an editor's or translator's signature: "(…, Editor’s note.)", "(ed.)", "(NDLR)".
_EDITOR_NOTE = re.compile(
    r"\((?:[^()]{0,300}?[\s,;:.–—-])?(?:editor[’']?s?[’']? note|ed\. note|note (?:of|from) the editor|ed\.|ndlr|"
    r"n\.d\.l\.r\.|n\.\s?d\.\s?l\.\s?r\.|translator[’']?s?[’']? note|trans\.|note du traducteur|ndt)\s*\.?\s*\)",
    re.IGNORECASE)
#: Words in square brackets, put into a quotation by the writer: "[the ministry]", "[was]" (not "[…]", a cut).
_BRACKETS = re.compile(r"\[(?!\s*(?:…|\.\.\.)\s*\])[^\[\]\n]{1,120}\]")


def editorial_insertions(text, quotes: list[Quote] | None = None) -> list[Insertion]:
    """The outlet's own words inside quotation marks, in reading order.

    A quotation is the source's words; but editors insert their own: an explanation in
    parentheses signed "Editor's note", "ed.", "NDLR" (French *note de la rédaction*) or
    "translator's note", and words in square brackets, the convention for what the writer
    adds to a quotation ("the ministry [of defence] said").  These are the narrator's
    words inside quotation marks: :func:`quoted_share` and the source table do not count
    them as the source's.

    >>> [i.text for i in editorial_insertions('He said: “Paris (the capital, Editor’s note.) and [its] suburbs.”')]
    ['(the capital, Editor’s note.)', '[its]']
    """
    text_str = getattr(text, "text", text)
    if quotes is None:
        quotes = find_quotes(text)
    found = []
    for q in quotes:
        if q.level:
            continue
        here = []  # this quotation's insertions (outer quotations never overlap: only these can collide)
        for pattern, kind in ((_EDITOR_NOTE, "editor's note"), (_BRACKETS, "brackets")):
            for m in pattern.finditer(text_str, q.start, q.end):
                if not any(a <= m.start() < b for a, b, *_ in here):
                    here.append((m.start(), m.end(), kind, q.start, q.end))
        found += here
    found.sort()
    return [Insertion(text_str[a:b], a, b, kind, qs, qe) for a, b, kind, qs, qe in found]


def quoted_words(text: str, start: int, end: int, insertions: list[Insertion] = ()) -> int:
    """The words of text[start:end] (a quotation) that are the source's: editorial insertions left out."""
    total = count_words(text, start, end)
    for i in insertions:
        if start <= i.start and i.end <= end:
            total -= count_words(text, i.start, i.end)
    return max(total, 0)


def _opens_with_quote(block: str) -> bool:
    return bool(block) and block[0] in DOUBLE_OPEN + '"'


_MARK = re.compile("[“”«»„\"‘’‹›‚']")
_SINGLE_CLOSER = re.compile("[’›']")
_DOUBLE_CLOSER = re.compile('[”»"]')


def _scan_block(text, start, end, quotes, continues_next=False, strays=None):
    """Scan text[start:end] (one paragraph) and append its quotations to ``quotes``.

    Double marks open and close quotations; single marks do too, at any depth: inside a
    double quotation (“he called it ‘a lie’”), and on their own in British style ('We can't
    accept it,' she said).  A single mark between two letters is an apostrophe (can't,
    union's), and so is one after an *s* before a word (teachers' pay) when the quotation it
    might close has a later closing mark.  Quotations nest to any depth: “a ‘b “c” b’ a”.
    """
    stack: list[_Open] = []
    closers = None  # offsets of single marks that can close a quotation (not apostrophes inside words)

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

    def single_closers() -> list[int]:
        nonlocal closers
        if closers is None:
            closers = [m.start() for m in _SINGLE_CLOSER.finditer(text, start, end)
                       if not _is_apostrophe(text, m.start(), start, end) and _can_close(text, m.start(), end)]
        return closers

    def closer_after(position: int, opener: str) -> int | None:
        """The next single mark after ``position`` that can close a quotation opened with ``opener``."""
        found = single_closers()
        k = bisect.bisect_right(found, position)
        while k < len(found):
            if _PAIRS.get(opener) == text[found[k]] or (opener == "‘" and text[found[k]] == "'"):
                return found[k]
            k += 1
        return None

    def is_single(item: _Open | None) -> bool:
        return item is not None and item.mark in SINGLE_OPEN + "'"

    for match in _MARK.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        level = len(stack)
        outer = open_double()
        top = stack[-1] if stack else None
        if ch == '"':
            if top is not None and top.mark == '"':
                close_through(top, i, ch)
            elif outer is not None and not is_single(top):
                close_through(outer, i, ch)  # "a mixed pair“ closed by a straight mark
            else:
                stack.append(_Open(ch, i, level))
        elif ch in "”»" or (ch == "“" and outer is not None and outer.mark == "„"):
            if outer is not None:
                close_through(outer, i, ch)
            # a closing mark with nothing open is ignored
        elif ch in DOUBLE_OPEN:
            # the same mark again before the last one closed: a new quotation (the last was never closed);
            # another double mark nests, as French and German quotations inside quotations do: « a “b” a »
            if outer is not None and top is outer and ch == outer.mark:
                close_through(outer, i, "", unbalanced=True)
                level = len(stack)
            stack.append(_Open(ch, i, level))
        elif ch == "‘" and top is not None and top.mark == "‚":
            close(stack.pop(), i, ch)  # a German ‚quotation‘ inside a „quotation“
        elif (ch in SINGLE_OPEN or ch == "'") and _opens(text, i, start, end):
            if is_single(top):
                if ch != "'" and strays is not None:
                    strays.append((i, ch))
                continue
            if stack or closer_after(i, ch) is not None:
                stack.append(_Open(ch, i, level))
            elif strays is not None and ch != "'":
                strays.append((i, ch))
        elif ch in SINGLE_CLOSE or ch == "'":
            if _is_apostrophe(text, i, start, end) or not is_single(top):
                continue
            if _PAIRS.get(top.mark) != ch and not (top.mark == "‘" and ch == "'"):
                continue
            if _possessive(text, i, end):
                later = closer_after(i, top.mark)
                # "‘an insult to teachers’ goodwill’": the first ’ is an apostrophe, unless the quotation
                # around this one closes first ("a 'b "c 'the teachers' pay" b' a": then it closes here)
                if later is not None and not (outer is not None and _DOUBLE_CLOSER.search(text, i, later)):
                    continue
            close(stack.pop(), i, ch)
    while stack:
        open_ = stack.pop()
        still_open = open_.level == 0 and continues_next
        close(open_, end, "", unbalanced=not still_open, continues=still_open)


#: Words that begin with an apostrophe: 'em, 'til, 'cause, rock 'n' roll.
_ELISIONS = re.compile(r"[’'‘](?:em|til|cause|tis|twas|bout|round)\b|[’'‘]n[’']|[’'‘]\d\ds\b", re.IGNORECASE)


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """Can the single mark at ``i`` open a quotation: not inside a word, followed by what is quoted?"""
    if text[i] == "‹":
        return True  # a guillemet is never an apostrophe (and French spacing puts a space after it)
    if _is_letter(text, i - 1, start):
        return False  # a reversed apostrophe inside a word, or a closing mark
    if i + 1 >= end:
        return False
    nxt = text[i + 1]
    if not (nxt.isalnum() or nxt in "“„«‘‹(…[$£€#" or (nxt == '"' and i + 2 < end and text[i + 2].isalnum())):
        return False  # "son,'\" says": what follows the mark is not quoted
    if _ELISIONS.match(text, i):
        return False
    return True


def _can_close(text: str, i: int, end: int) -> bool:
    """Can the single mark at ``i`` close a quotation: not followed by a letter (that would open one)?"""
    return i + 1 >= end or not text[i + 1].isalnum()


def _possessive(text: str, i: int, end: int) -> bool:
    """A mark after an *s* and before a word: the apostrophe of a plural possessive (teachers' pay)?"""
    return text[i] in "’'" and text[i - 1] in "sS" and i + 2 < end and text[i + 1] == " " and text[i + 2].isalpha() \
        and text[i + 2].islower() and not (i >= 2 and text[i - 2] in "'’")  # after "Monday's" it closes


def _is_letter(text: str, i: int, start: int) -> bool:
    return i >= start and text[i].isalnum()


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """A ’ or ' between two letters (Editor’s, don't) is an apostrophe."""
    return _is_letter(text, i - 1, start) and i + 1 < end and text[i + 1].isalnum()
