"""The article prepared once for the rules: its tokens and its quotations.

The words inside a quotation are the speaker's, not the reporter's: of a long
quotation only the marks become tokens, so that no rule takes a verb or a name
inside it for the reporter's.  The words of a one- or two-word quotation stay
tokens (the seed's Josep Borrell also “condemned”).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import NamedTuple

from ..article import Article
from .captions import is_caption
from .lexicon import LEX, QUOTE_MARKS

__all__ = ["Tok", "Context", "noun", "join"]


class Tok(NamedTuple):
    """A word or a punctuation mark, with its offsets and the quotation it stands in (or None)."""

    text: str
    start: int
    end: int
    low: str
    is_word: bool
    is_cap: bool
    quote: int | None

    @property
    def is_possessive(self) -> bool:
        return self.is_word and (self.text.endswith(("’s", "'s")) or self.text[-1] in "’'")


#: word -> (lower case, is a word, is capitalised): computed once per word form.
_WORDS: dict[str, tuple[str, bool, bool]] = {}
_new_tok = tuple.__new__  # builds a Tok without the slower NamedTuple constructor (many thousands per article)


@lru_cache(maxsize=100_000)
def noun(word: str) -> str:
    """The lookup form of a head noun: lower case, without a possessive."""
    word = word.lower()
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word.rstrip("’'")


def join(toks: list[Tok]) -> str:
    return " ".join(t.text for t in toks)


class Context:
    """The article's text, its level-0 quotations (with their marks) and its body tokens."""

    def __init__(self, article: Article):
        self.article = article
        self.text = text = article.text
        self.quotes = [q for q in article.quotes if q.level == 0]
        self.outer = [(mark_start(text, q), mark_end(text, q)) for q in self.quotes]
        self.o_starts = [o[0] for o in self.outer]
        self.toks: list[Tok] = []
        outer, n, k = self.outer, len(self.outer), 0
        for paragraph in article.paragraphs:
            position = paragraph.start
            while k < n and outer[k][1] <= position:
                k += 1
            while k < n and outer[k][0] < paragraph.end:  # the quotations of this paragraph, in order
                begin, finish = max(position, outer[k][0]), min(outer[k][1], paragraph.end)
                self._add_tokens(position, begin, None)  # the reporter's words before the quotation
                if len(self.quotes[k].text.split()) <= 2:
                    self._add_tokens(begin, finish, k)
                else:
                    for mark in sorted({begin, finish - 1}):
                        if begin <= mark < finish and text[mark] in QUOTE_MARKS:
                            self.toks.append(_new_tok(Tok, (text[mark], mark, mark + 1, text[mark], False, False, k)))
                position = max(position, finish)
                k += 1
            self._add_tokens(position, paragraph.end, None)
        self.t_starts = [t.start for t in self.toks]
        #: The paragraphs that are captions (see :mod:`helpers.sources.captions`), by index.
        self.captions = {k for k, paragraph in enumerate(article.paragraphs) if is_caption(paragraph)}

    def _add_tokens(self, start: int, end: int, quote: int | None) -> None:
        """Append the tokens of text[start:end], all standing in ``quote`` (None: outside quotation marks)."""
        append = self.toks.append
        known = _WORDS
        if len(known) > 50_000:
            known.clear()  # a bounded memory of the words seen
        for m in LEX.token.finditer(self.text, start, end):
            word = m.group()
            low, is_word, is_cap = known.get(word) or known.setdefault(
                word, (word.lower(), word[0].isalnum(), word[0].isupper()))
            s, e = m.span()
            append(_new_tok(Tok, (word, s, e, low, is_word, is_cap, quote)))

    def tokens(self, start: int, end: int) -> list[Tok]:
        """The body tokens that lie within text[start:end]."""
        i = bisect.bisect_left(self.t_starts, start)
        j = bisect.bisect_left(self.t_starts, end, lo=i)
        while j > i and self.toks[j - 1].end > end:
            j -= 1
        return self.toks[i:j]

    def quotes_between(self, start: int, end: int) -> list[int]:
        """Indices of the quotations that overlap text[start:end] (marks included)."""
        k = max(bisect.bisect_right(self.o_starts, start) - 1, 0)
        found = []
        while k < len(self.outer) and self.outer[k][0] < end:
            if self.outer[k][1] > start:
                found.append(k)
            k += 1
        return found

    def words_outside_quotes(self, start: int, end: int) -> list[str]:
        return [t.text for t in self.tokens(start, end) if t.is_word and t.quote is None]


def mark_start(text: str, q) -> int:
    """Where a quotation begins, its opening mark included."""
    i = q.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i - 1 if i > 0 and text[i - 1] in QUOTE_MARKS else q.start


def mark_end(text: str, q) -> int:
    """Where a quotation ends, its closing mark included."""
    if not q.close_mark:
        return q.end
    i = q.end
    while i < len(text) and text[i].isspace():
        i += 1
    return i + 1 if i < len(text) and text[i] in QUOTE_MARKS else q.end
