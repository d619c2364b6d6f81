"""What counts as a word, for every count of the course.

A word is a run of letters or digits; inner hyphens and apostrophes (’ or ')
keep it whole: "ex-Twitter", "Editor’s", "don't".  This module imports
nothing of the course, so any module may use it.

    >>> [m.group(0) for m in WORD.finditer("The Editor’s note, on ex-Twitter: 2 words.")]
    ['The', 'Editor’s', 'note', 'on', 'ex-Twitter', '2', 'words']
"""

from __future__ import annotations

import re

__all__ = ["WORD", "count_words"]

#: What counts as a word: letters or digits, with inner hyphens and apostrophes.
WORD = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """The number of words in ``text[start:end]``."""
    return len(WORD.findall(text, start, len(text) if end is None else end))
