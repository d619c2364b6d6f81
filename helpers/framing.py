"""Framing, made concrete: which words, in whose voice, where in the article.

Entman (1993) defines framing as selecting "some aspects of a perceived
reality" and making them "more salient in a communicating text".  This module
turns that into things a student can count and check:

* :func:`label_uses` -- every place a label ("separatist", "ethnic cleansing")
  occurs, with its sentence and its **voice**: ``"narrator"`` when the words
  stand outside quotation marks (the article's own words), otherwise the
  source the quotation is attributed to (found by
  :func:`helpers.find_attributions`; notebook 04 shows how).  A quotation that
  no one is credited with gets the voice ``"unattributed quote"``.
* :func:`who_calls_it_what` -- a table: label x voice, counts.
* :func:`narrator_uses` -- the attribution test public-service newsrooms
  apply: which contested terms does the article use in its *own* voice?
* :func:`frame_hits` / :func:`frame_presence` -- dictionary frames: which
  frame words occur in which paragraph, with the words as evidence.

How a term is matched (:func:`term_pattern`), in five rules:

1. Case does not matter: "Separatist" finds "separatist".
2. Whole words only: "war" does not find "award" or "software".  A hyphen is a
   word edge, so "terrorist" also finds "anti-terrorist".
3. The last word may take an ending: plural (-s, -es; -y/-ies) and possessive
   ('s): "separatist" finds "separatists", "authority" finds "authorities".
   Write the term in the singular or the plural: both forms are found.
4. A word ending in ``*`` (or ``…``) matches any ending: "injur*" finds
   "injured", "injuries"; "liberat*" finds "liberation".
5. Between the words of a term, any spaces or hyphens: "Nagorno Karabakh"
   finds "Nagorno-Karabakh".

When two terms of one list overlap in the text ("Armenian separatist" and
"separatist authorities" in "Armenian separatist authorities"), the longer
match counts and the other is dropped, so every word is counted once per list.

The word lists are plain data in ``helpers/data/``: ``contested_terms.json``
(the contested terms of the conflict, **documented per side**: whose preferred
word each one is, a neutral alternative and a note), ``labels_seed.json``
(label families of the course article) and ``frame_lexicons.json``.  Load
them, print them, extend them; they are re-read when the file changes.

The narrator-voice test looks in **both directions**: :func:`narrator_uses`
returns every contested term in the article's own voice, each record saying
whose preferred word it is (``use.side``: "Armenian sources", "Azerbaijani
sources", "both sides" or "international usage"); :func:`narrator_voice_test`
sums them up side by side.

Numbers shown to a reader count from 1: ``use.sentence_number`` and the
``sentence`` / ``paragraph`` columns of every table (paragraph 1 is the first
body paragraph).  ``use.sentence`` and ``use.paragraph`` stay Python indexes
into ``article.sentences`` and ``article.paragraphs`` (from 0).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .article import Article, as_article
from .datafiles import read_csv, read_json
from .sources import find_attributions
from .text import shorten

__all__ = [
    "LabelUse", "term_pattern", "find_term", "label_uses", "narrator_uses", "who_calls_it_what",
    "label_table", "quote_voices", "frame_hits", "frame_presence", "load_contested_terms", "load_label_families",
    "load_frame_lexicons", "load_negation_words", "frame_questions", "CONTESTED_TERMS", "NARRATOR",
    "UNATTRIBUTED", "SIDES", "COURSE_VOICE_TERMS", "load_contested_entries", "naming_table", "term_side",
    "narrator_voice_test", "narrator_voice_table", "sentences_with", "label_families_table", "label_voices",
    "frame_density", "double_counted", "sentence_list", "quote_table", "lexicon_table", "reporting_verb_hits", "dictionary_vs_coders", "word_in_context",
]

DATA = Path(__file__).resolve().parent / "data"
#: The voice of words outside quotation marks: the article speaking for itself.
NARRATOR = "narrator"
#: The voice of words inside a quotation that no source is credited with.
UNATTRIBUTED = "unattributed quote"

_SEPARATOR = r"[\s\-‐‑–]+"  # spaces or hyphens between the words of a term
_WORD_BREAKS = re.compile(r"[\s\-‐‑–]+")
_BEFORE = r"(?<![^\W_])"  # not preceded by a letter or digit
_AFTER = r"(?![^\W_])"  # not followed by a letter or digit
_ENDING = r"(?:e?s)?(?:['’]s)?"  # plural and possessive endings of the last word


#: Whose preferred word a contested term is (the ``preferred_by`` values of ``contested_terms.json``).
SIDES = ("Armenian sources", "Azerbaijani sources", "both sides", "international usage")


def _read_json(name: str) -> dict:
    return read_json(name)


def load_contested_entries() -> list[dict]:
    """Every entry of ``helpers/data/contested_terms.json`` as a fresh dict.

    Keys: ``term``, ``topic``, ``preferred_by`` (one of :data:`SIDES`),
    ``neutral_alternative``, ``note``, ``narrator_test`` (the narrator-voice
    test looks for it) and ``course_voice_test`` (the course's own prose must
    not use it as its own description).
    """
    entries = [dict(entry) for entry in _read_json("contested_terms.json")["entries"]]
    for entry in entries:
        if entry.get("preferred_by") not in SIDES:
            raise ValueError(f"contested_terms.json: {entry.get('term')!r} has preferred_by "
                             f"{entry.get('preferred_by')!r}; use one of: {', '.join(SIDES)}")
    return entries


def load_contested_terms(test: str = "narrator") -> list[str]:
    """The terms a test looks for, a fresh list: ``test="narrator"`` (default) or ``"course voice"``."""
    key = {"narrator": "narrator_test", "course voice": "course_voice_test"}.get(test)
    if key is None:
        raise ValueError(f"test must be 'narrator' or 'course voice', not {test!r}")
    return [entry["term"] for entry in load_contested_entries() if entry.get(key)]


def term_side(term: str) -> str | None:
    """Whose preferred word ``term`` is, according to ``contested_terms.json`` (``None`` if not listed)."""
    wanted = term.strip().lower()
    for entry in load_contested_entries():
        if entry["term"].lower() == wanted:
            return entry["preferred_by"]
    return None


def naming_table(topic: str | None = None, notes: bool = False) -> pd.DataFrame:
    """The contested-term list as a table a student reads, numbered from 1.

    Columns: topic, term, preferred by, neutral alternative (and the note with
    ``notes=True``).  ``topic`` keeps one topic ("the region's main city", ...).
    """
    rows = []
    for entry in load_contested_entries():
        if topic is not None and entry["topic"] != topic:
            continue
        neutral = entry["neutral_alternative"] if notes else shorten(entry["neutral_alternative"], 60)
        row = {"topic": entry["topic"], "term": entry["term"], "preferred by": entry["preferred_by"],
               "neutral alternative": neutral}
        if notes:
            row["note"] = entry["note"]
        rows.append(row)
    columns = ["topic", "term", "preferred by", "neutral alternative"] + (["note"] if notes else [])
    table = pd.DataFrame(rows, columns=columns)
    table.index = range(1, len(table) + 1)
    return table


def load_label_families() -> dict[str, list[str]]:
    """The course article's label families (``helpers/data/labels_seed.json``): family -> labels."""
    return {family: list(entry["labels"] if isinstance(entry, Mapping) else entry)
            for family, entry in _read_json("labels_seed.json")["families"].items()}


def label_families_table() -> pd.DataFrame:
    """The label families with the note on each (``labels_seed.json``): family, labels, note; from 1."""
    rows = []
    for family, entry in _read_json("labels_seed.json")["families"].items():
        labels = entry["labels"] if isinstance(entry, Mapping) else entry
        note = entry.get("note", "") if isinstance(entry, Mapping) else ""
        rows.append({"family": family, "labels": ", ".join(labels), "note": note})
    table = pd.DataFrame(rows, columns=["family", "labels", "note"])
    table.index = range(1, len(table) + 1)
    return table


def load_frame_lexicons() -> dict[str, list[str]]:
    """The frame word lists (``helpers/data/frame_lexicons.json``): frame -> words."""
    return {frame: list(entry["words"]) for frame, entry in _read_json("frame_lexicons.json")["frames"].items()}


def frame_questions() -> dict[str, str]:
    """For each frame of ``frame_lexicons.json``, the question its word list tries to answer."""
    return {frame: entry["question"] for frame, entry in _read_json("frame_lexicons.json")["frames"].items()}


def load_negation_words() -> list[str]:
    """Words that turn a statement around ("not", "no", "never", ...), from ``frame_lexicons.json``."""
    return list(_read_json("frame_lexicons.json")["negation"])


#: The terms of the narrator-voice test, both sides' (loaded once; :func:`load_contested_terms`
#: re-reads the file, and ``narrator_uses(article)`` uses the file as it is now).
CONTESTED_TERMS = tuple(load_contested_terms())
#: The terms the course's own prose never uses as its own description (tests/test_course_voice.py).
COURSE_VOICE_TERMS = tuple(load_contested_terms("course voice"))


# ---------------------------------------------------------------- matching terms

def _word_pattern(word: str, last: bool) -> str:
    if word.endswith(("*", "…")):
        return _escape(word[:-1]) + r"[^\W_]*"
    if not last:
        return _escape(word)
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return _escape(word[:-3]) + r"(?:y|ies)(?:['’]s)?"
    if lower.endswith("y") and len(word) > 2 and lower[-2] not in "aeiou":
        return _escape(word[:-1]) + r"(?:y|ies)(?:['’]s)?"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]  # "operations" -> "operation" + optional ending
    return _escape(word) + _ENDING


def _escape(word: str) -> str:
    return "".join("['’]" if ch in "'’" else re.escape(ch) for ch in word)


def term_pattern(term: str) -> str:
    """The regular expression (as text) that finds ``term`` and its word forms (see the module rules).

    >>> bool(re.fullmatch(term_pattern("separatist"), "Separatists", re.IGNORECASE))
    True
    """
    if not isinstance(term, str):
        raise TypeError(f"a term must be a string, not {type(term).__name__}")
    words = [w for w in _WORD_BREAKS.split(term.strip()) if w]
    if not words or not all(any(ch.isalnum() for ch in w) for w in words):
        raise ValueError(f"{term!r} is not a term: each of its words needs at least one letter or digit "
                         "(a * may only end a word, as in injur*)")
    return _SEPARATOR.join(_word_pattern(w, k == len(words) - 1) for k, w in enumerate(words))


@lru_cache(maxsize=256)
def _compile(terms: tuple[str, ...]) -> re.Pattern:
    """One regular expression for a whole list: group k+1 is terms[k].

    Alternatives are grouped by their first letter (so the engine tries only
    the terms that can start there) and longest first.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for k in sorted(range(len(terms)), key=lambda k: -len(terms[k])):
        first = _escape(next(w for w in _WORD_BREAKS.split(terms[k]) if w)[0])  # the pattern starts with it
        groups[first].append(f"(?P<t{k}>{term_pattern(terms[k])})")
    branches = [f"(?={first})(?:{'|'.join(alts)})" for first, alts in groups.items()]
    return re.compile(_BEFORE + "(?:" + "|".join(branches) + ")" + _AFTER, re.IGNORECASE)


def _matches(text: str, terms: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(start, end, term index) of every match, overlaps resolved: longest first, then leftmost."""
    pattern = _compile(terms)
    candidates = []
    position = 0
    while True:
        match = pattern.search(text, position)
        if match is None:
            break
        name = match.lastgroup
        candidates.append((match.start(), match.end(), int(name[1:])))
        position = match.start() + 1  # look again one character on: overlapping terms are candidates too
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(text))
    kept = []
    for start, end, k in candidates:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, k))
    kept.sort()
    return kept


def _terms(terms) -> tuple[str, ...]:
    if isinstance(terms, str):
        terms = [terms]
    terms = tuple(dict.fromkeys(terms))  # drop repeats, keep order
    if not terms:
        raise ValueError("give at least one term")
    for term in terms:
        term_pattern(term)  # clear error for a bad term
    return terms


def find_term(text, term: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every occurrence of ``term`` in ``text`` (a string or an Article)."""
    text = getattr(text, "text", text)
    return [(s, e) for s, e, _ in _matches(text, _terms([term]))]


# ---------------------------------------------------------------- voices

@dataclass(frozen=True)
class LabelUse:
    """One occurrence of a term in an article.

    ``term`` is the entry of your list that matched, ``text`` the words as the
    article writes them (``article.text[start:end]``).  ``part`` is
    "headline", "subheading", "body" or "other" (lines left by the website);
    ``paragraph`` and ``sentence`` index ``article.paragraphs`` and
    ``article.sentences`` (``None`` outside the body).  ``voice`` is
    "narrator", the source of the quotation, or "unattributed quote".
    ``evidence`` is the sentence (or headline, subheading) it stands in.
    ``side`` says whose preferred word the term is when it is an entry of
    ``contested_terms.json`` ("Armenian sources", "Azerbaijani sources",
    "both sides", "international usage"), otherwise ``None``.

    ``sentence_number`` and ``paragraph_number`` are the numbers a reader
    counts and the tables show (from 1); ``sentence`` and ``paragraph`` are
    Python indexes (from 0).
    """

    term: str
    text: str
    start: int
    end: int
    part: str
    paragraph: int | None
    sentence: int | None
    voice: str
    evidence: str
    side: str | None = None

    @property
    def sentence_number(self) -> int | None:
        """The sentence as the tables number it (from 1); ``None`` outside the body."""
        return None if self.sentence is None else self.sentence + 1

    @property
    def paragraph_number(self) -> int | None:
        """The paragraph as the tables number it (1 = the first body paragraph); ``None`` outside the body."""
        return None if self.paragraph is None else self.paragraph + 1


def _field(record, name, default=None):
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def _attributions(article: Article):
    """The article's attributions (:func:`helpers.find_attributions`): whose quotation is whose."""
    return find_attributions(article)


class _Locator:
    """Answers "where is offset x?" for one article: part, paragraph, sentence, quotation, voice."""

    def __init__(self, article: Article, attributions):
        self.article = article
        blocks = []
        if article.title is not None:
            blocks.append((article.title.start, article.title.end, "headline", article.title))
        blocks += [(s.start, s.end, "subheading", s) for s in article.subheadings]
        blocks += [(s.start, s.end, "body", s) for s in article.paragraphs]
        blocks += [(s.start, s.end, "other", s) for s in article.boilerplate]
        self.blocks = sorted(blocks, key=lambda b: b[0])
        self.block_starts = [b[0] for b in self.blocks]
        self.sentence_starts = [s.start for s in article.sentences]
        self.quotes = [q for q in article.quotes if q.level == 0]
        self.quote_starts = [q.start for q in self.quotes]
        self.sources = self._quote_sources(attributions)
        self._evidence: dict[tuple[int, int], str] = {}  # each sentence or block made readable once

    def _readable(self, start: int, end: int, text) -> str:
        key = (start, end)
        if key not in self._evidence:
            self._evidence[key] = " ".join(str(text).split())
        return self._evidence[key]

    def _quote_sources(self, attributions) -> dict[int, str]:
        """Index of each (outer) quotation -> the source it is attributed to."""
        sources: dict[int, str] = {}
        for record in attributions or []:
            source = _field(record, "source") or _field(record, "speaker")
            spans = _field(record, "quotes") or []
            if not spans and _field(record, "quote_start") is not None:
                spans = [(_field(record, "quote_start"), _field(record, "quote_end"))]
            if not source:
                continue
            for start, end in spans:
                k = max(bisect.bisect_right(self.quote_starts, start) - 1, 0)
                while k < len(self.quotes) and self.quotes[k].start < end:
                    if self.quotes[k].end > start:
                        sources.setdefault(k, str(source))
                    k += 1
        return sources

    def quote_index(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.quote_starts, offset) - 1
        if k >= 0 and offset < self.quotes[k].end:
            return k
        return None

    def voice(self, offset: int) -> str:
        k = self.quote_index(offset)
        if k is None:
            return NARRATOR
        return self.sources.get(k, UNATTRIBUTED)

    def block(self, offset: int):
        k = bisect.bisect_right(self.block_starts, offset) - 1
        if k >= 0 and offset < self.blocks[k][1]:
            return self.blocks[k]
        return None

    def sentence(self, offset: int) -> int | None:
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < self.article.sentences[k].end:
            return k
        return None

    def use(self, term: str, start: int, end: int, side: str | None = None) -> LabelUse:
        block = self.block(start)
        part = block[2] if block else "other"
        paragraph = sentence = None
        evidence = self._readable(block[0], block[1], block[3]) if block else \
            " ".join(self.article.text[start:end].split())
        if part == "body":
            paragraph = block[3].paragraph
            sentence = self.sentence(start)
            if sentence is not None:
                found = self.article.sentences[sentence]
                evidence = self._readable(found.start, found.end, found)
        return LabelUse(term, self.article.text[start:end], start, end, part, paragraph, sentence,
                        self.voice(start), evidence, side)


def label_uses(article, terms, attributions=None) -> list[LabelUse]:
    """Every occurrence of ``terms`` in the article, in reading order, each with its voice.

    ``terms`` is one term or a list.  A term is found

    1. in any case ("Separatist" finds "separatist");
    2. as whole words only, a hyphen being a word edge ("terrorist" finds "anti-terrorist");
    3. with plural or possessive endings on its last word ("separatist" finds "separatists");
    4. with any ending where a word ends in ``*`` ("injur*" finds "injured", "injuries");
    5. with spaces or hyphens between its words ("Nagorno Karabakh" finds "Nagorno-Karabakh").

    Where two terms overlap in the text, the longer match counts.
    ``attributions`` defaults to :func:`helpers.find_attributions` of the
    article; pass your own list to test another attribution.  An occurrence
    whose first letter stands inside quotation marks takes the voice of that
    quotation; any other occurrence is the narrator's.
    """
    article = as_article(article)
    terms = _terms(terms)
    if attributions is None:
        attributions = _attributions(article)
    locator = _Locator(article, attributions)
    sides = _sides()
    return [locator.use(terms[k], start, end, sides.get(terms[k].lower()))
            for start, end, k in _matches(article.text, terms)]


def _sides() -> dict[str, str]:
    """term (lower case) -> whose preferred word it is, from contested_terms.json."""
    return {entry["term"].lower(): entry["preferred_by"] for entry in load_contested_entries()}


def quote_voices(article, attributions=None) -> pd.DataFrame:
    """Every (outer) quotation with the voice it is credited to: quote, voice, part, sentence (from 1).

    The voices come from :func:`helpers.find_attributions` (notebook 04 shows
    how it finds them); a quotation credited to no one says "unattributed quote".
    """
    article = as_article(article)
    if attributions is None:
        attributions = _attributions(article)
    locator = _Locator(article, attributions)
    rows = []
    for k, quote in enumerate(locator.quotes):
        block = locator.block(quote.start)
        sentence = locator.sentence(quote.start)
        rows.append({"quote": quote.text, "voice": locator.sources.get(k, UNATTRIBUTED),
                     "part": block[2] if block else "other",
                     "sentence": None if sentence is None else sentence + 1, "start": quote.start})
    table = pd.DataFrame(rows, columns=["quote", "voice", "part", "sentence", "start"])
    table = table.astype({"sentence": "Int64"})
    table.index = range(1, len(table) + 1)
    return table


def narrator_uses(article, terms: Iterable[str] | None = None, attributions=None) -> list[LabelUse]:
    """The narrator-voice test: uses of contested ``terms`` in the article's own voice.

    ``article`` is an Article or a text.  ``terms`` defaults to the narrator-test
    entries of ``contested_terms.json`` as the file is now (both sides'
    preferred words; :data:`CONTESTED_TERMS` holds them as loaded at import).
    Each record carries its sentence as evidence and, in ``use.side``, whose
    preferred word the term is.  An empty list means every contested term is
    in someone's quotation marks.  The test sees quotation marks only: a term
    in indirect speech ("X accused the separatists") counts as the narrator's.
    """
    terms = load_contested_terms() if terms is None else terms
    return [use for use in label_uses(article, terms, attributions) if use.voice == NARRATOR]


def narrator_voice_test(article, terms: Iterable[str] | None = None, attributions=None) -> pd.DataFrame:
    """The narrator-voice test in both directions: one row per side, always all four.

    Columns: ``uses`` (contested terms in the narrator's voice whose preferred
    side is that row's), ``terms`` (which, with their count) and ``sentences``
    (numbered from 1).  Terms outside ``contested_terms.json`` go in a row
    "not in the list".
    """
    uses = narrator_uses(article, terms, attributions)
    rows = []
    sides = list(SIDES) + (["not in the list"] if any(u.side is None for u in uses) else [])
    for side in sides:
        mine = [u for u in uses if (u.side or "not in the list") == side]
        counts = dict.fromkeys(u.term for u in mine)
        for term in counts:
            counts[term] = sum(u.term == term for u in mine)
        numbers = sorted({u.sentence_number for u in mine if u.sentence_number is not None})
        where = ", ".join(map(str, numbers)) + ("; headline" if any(u.part == "headline" for u in mine) else "")
        rows.append({"preferred by": side, "uses": len(mine),
                     "terms": ", ".join(f"{t} ({n})" if n > 1 else t for t, n in counts.items()),
                     "sentences": where.strip("; ")})
    table = pd.DataFrame(rows, columns=["preferred by", "uses", "terms", "sentences"]).set_index("preferred by")
    return table


def narrator_voice_table(article, terms: Iterable[str] | None = None, attributions=None,
                         width: int = 90) -> pd.DataFrame:
    """Every contested term in the narrator's voice, one row each: term, preferred by, sentence, evidence.

    Rows are numbered from 1; ``sentence`` counts from 1 (empty for the
    headline); the evidence sentence is shortened to ``width`` characters.
    """
    rows = [{"term": u.term, "words": u.text, "preferred by": u.side or "not in the list",
             "sentence": u.sentence_number if u.part == "body" else u.part, "evidence": shorten(u.evidence, width)}
            for u in narrator_uses(article, terms, attributions)]
    table = pd.DataFrame(rows, columns=["term", "words", "preferred by", "sentence", "evidence"])
    table.index = range(1, len(table) + 1)
    return table


def sentences_with(article, *words: str) -> list[int]:
    """The numbers (from 1, as the tables show them) of the sentences holding any of ``words``.

    The words are matched like labels (any case, word forms, ``*`` for any
    ending).  A search proposes sentences: read each one before you cite it.
    """
    if not words:
        raise ValueError("give at least one word, e.g. sentences_with(article, \"accus*\")")
    uses = label_uses(article, list(words), attributions=[])
    return sorted({u.sentence_number for u in uses if u.sentence_number is not None})


def _voice_order(voices: Iterable[str]) -> list[str]:
    """Narrator first, then the other voices in order of first appearance, unattributed last."""
    seen = list(dict.fromkeys(voices))
    ordered = [v for v in seen if v not in (NARRATOR, UNATTRIBUTED)]
    return ([NARRATOR] if NARRATOR in seen else []) + ordered + ([UNATTRIBUTED] if UNATTRIBUTED in seen else [])


def label_table(article, families: Mapping[str, Iterable[str]] | None = None, attributions=None) -> pd.DataFrame:
    """Every label use of every family as a table: family, label, words, voice, part, sentence, evidence.

    ``families`` maps a family name to its labels; it defaults to the course
    article's families (:func:`load_label_families`).  Rows and the
    ``sentence`` column are numbered from 1 (empty outside the body).
    """
    article = as_article(article)
    families = load_label_families() if families is None else families
    if attributions is None:
        attributions = _attributions(article)
    rows = []
    for family, labels in families.items():
        for use in label_uses(article, list(labels), attributions):
            rows.append({"family": family, "label": use.term, "words": use.text, "voice": use.voice,
                         "part": use.part, "sentence": use.sentence_number, "start": use.start,
                         "evidence": use.evidence})
    columns = ["family", "label", "words", "voice", "part", "sentence", "start", "evidence"]
    table = pd.DataFrame(rows, columns=columns).astype({"sentence": "Int64"})
    table.index = range(1, len(table) + 1)
    return table


def label_voices(article, families: Mapping[str, Iterable[str]] | None = None, attributions=None,
                 family: str | None = None) -> pd.DataFrame:
    """Who calls it what, narrow: one row per label used, with the narrator's count and the quoted voices.

    Columns: family, label, ``narrator`` (uses outside quotation marks) and
    ``quoted by`` (each voice that uses it inside quotation marks, with its
    count when more than one).  Rows numbered from 1; labels never used are
    left out; ``family`` keeps one family.  :func:`who_calls_it_what` gives
    the same counts one column per voice.
    """
    families = load_label_families() if families is None else families
    if family is not None:
        if family not in families:
            raise ValueError(f"no label family {family!r}; the families are: {', '.join(families)}")
        families = {family: families[family]}
    table = label_table(article, families, attributions)
    rows = []
    for family, labels in families.items():
        for label in dict.fromkeys(labels):
            mine = table[(table["family"] == family) & (table["label"] == label)]
            if mine.empty:
                continue
            quoted = mine.loc[mine["voice"] != NARRATOR, "voice"].value_counts(sort=False)
            rows.append({"family": family, "label": label, "narrator": int((mine["voice"] == NARRATOR).sum()),
                         "quoted by": ", ".join(f"{v} ({n})" if n > 1 else v for v, n in quoted.items())})
    out = pd.DataFrame(rows, columns=["family", "label", "narrator", "quoted by"])
    out.index = range(1, len(out) + 1)
    return out


def who_calls_it_what(article, families: Mapping[str, Iterable[str]] | None = None,
                      attributions=None) -> pd.DataFrame:
    """Who calls it what: one row per label used, one column per voice, cells count the uses.

    Rows follow the order of ``families`` and of the labels within each
    family; labels the article never uses are left out.  Columns: "narrator"
    first, then sources in order of first appearance.  The evidence behind
    every count is in :func:`label_table`.
    """
    table = label_table(article, families, attributions)
    families = load_label_families() if families is None else families
    if table.empty:
        empty = pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["family", "label"]))
        empty.columns.name = "voice"
        return empty
    counts = table.groupby(["family", "label", "voice"]).size().unstack("voice", fill_value=0)
    order = [(family, label) for family, labels in families.items() for label in dict.fromkeys(labels)
             if (family, label) in counts.index]
    voices = _voice_order(table.sort_values("start")["voice"])
    counts = counts.loc[order, voices]
    counts.columns.name = "voice"
    return counts.astype(int)


# ---------------------------------------------------------------- dictionary frames

def frame_hits(article, lexicons: Mapping[str, Iterable[str]] | None = None, attributions=None) -> pd.DataFrame:
    """Every frame word in the article: frame, word (lexicon entry), words as written, voice, place.

    ``lexicons`` maps a frame to its words; it defaults to
    :func:`load_frame_lexicons`.  Each frame is matched on its own, so one
    word may count for two frames ("condemned": conflict and morality).
    ``paragraph`` and ``sentence`` count from 1, as the tables show them.
    """
    article = as_article(article)
    lexicons = load_frame_lexicons() if lexicons is None else lexicons
    if attributions is None:
        attributions = _attributions(article)
    rows = []
    for frame, words in lexicons.items():
        words = list(words)
        if not words:
            continue
        for use in label_uses(article, words, attributions):
            rows.append({"frame": frame, "word": use.term, "text": use.text, "voice": use.voice,
                         "part": use.part, "paragraph": use.paragraph_number, "sentence": use.sentence_number,
                         "start": use.start, "end": use.end, "evidence": use.evidence})
    columns = ["frame", "word", "text", "voice", "part", "paragraph", "sentence", "start", "end", "evidence"]
    table = pd.DataFrame(rows, columns=columns).sort_values(["start", "frame"], kind="stable")
    table = table.astype({"paragraph": "Int64", "sentence": "Int64"})
    table.index = range(1, len(table) + 1)
    return table


def frame_presence(article, lexicons: Mapping[str, Iterable[str]] | None = None, attributions=None) -> pd.DataFrame:
    """Frames paragraph by paragraph: one row per body paragraph (numbered from 1), one column per frame.

    Each frame column counts the frame's words in that paragraph (0 = the
    frame is absent).  The ``evidence`` column lists the words found, frame by
    frame ("conflict: offensive, attack | security: forces").  The headline
    and subheadings are left out: see :func:`frame_hits` for them.
    """
    article = as_article(article)
    lexicons = load_frame_lexicons() if lexicons is None else lexicons
    hits = frame_hits(article, lexicons, attributions)
    body = hits[hits["part"] == "body"]
    frames = list(lexicons)
    found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for paragraph, frame, text in zip(body["paragraph"], body["frame"], body["text"]):
        found[int(paragraph)][frame].append(text.lower())
    paragraphs = range(1, len(article.paragraphs) + 1)
    columns = {frame: [len(found[p][frame]) if p in found else 0 for p in paragraphs] for frame in frames}
    columns["evidence"] = [" | ".join(f"{frame}: {', '.join(found[p][frame])}" for frame in frames if found[p].get(frame))
                           if p in found else "" for p in paragraphs]
    table = pd.DataFrame(columns, index=pd.RangeIndex(1, len(article.paragraphs) + 1, name="paragraph"))
    table.columns.name = "frame"
    return table


# ---------------------------------------------------------------- where the dictionary misleads

def frame_density(article, lexicons: Mapping[str, Iterable[str]] | None = None, attributions=None,
                  per: int = 100) -> pd.DataFrame:
    """Frame words per ``per`` words of each body paragraph (numbered from 1), with the paragraph's length.

    A long paragraph holds more frame words just by being long: dividing by
    its length lets paragraphs be compared.  Columns: ``words`` (the
    paragraph's length), then one column per frame.
    """
    article = as_article(article)
    lexicons = load_frame_lexicons() if lexicons is None else lexicons
    presence = frame_presence(article, lexicons, attributions)
    frames = [f for f in lexicons if f in presence.columns]
    lengths = [len(str(p).split()) for p in article.paragraphs]
    table = pd.DataFrame({"words": lengths}, index=presence.index)
    for frame in frames:
        table[frame] = [round(per * n / w, 1) if w else 0.0 for n, w in zip(presence[frame], lengths)]
    table.columns.name = f"frame words per {per} words"
    return table


def double_counted(article, lexicons: Mapping[str, Iterable[str]] | None = None, attributions=None,
                   width: int = 80) -> pd.DataFrame:
    """Words of the text that count for two frames or more at once: words, frames, sentence, evidence.

    One row per place in the text (numbered from 1).  "Security Council" is
    one name but counts for security and for legal and diplomatic.
    """
    hits = frame_hits(article, lexicons, attributions)
    rows = []
    spans: dict[int, list] = defaultdict(list)
    for row in hits.itertuples():
        spans[row.start].append(row)
    for start in sorted(spans):
        found = spans[start]
        frames = list(dict.fromkeys(r.frame for r in found))
        if len(frames) < 2:
            continue
        longest = max(found, key=lambda r: r.end)
        rows.append({"words": longest.text, "frames": ", ".join(frames),
                     "sentence": longest.sentence, "evidence": shorten(longest.evidence, width)})
    table = pd.DataFrame(rows, columns=["words", "frames", "sentence", "evidence"]).astype({"sentence": "Int64"})
    table.index = range(1, len(table) + 1)
    return table


def _reporting_verb_forms() -> list[str]:
    """Every form of the reporting verbs (``reporting_verbs.csv``), for matching."""
    forms = []
    for row in read_csv("reporting_verbs.csv"):
        for column in ("verb", "forms", "participles"):
            value = (row.get(column) or "").strip()
            if not value:
                continue
            if column == "verb" or " " in value and column != "forms":
                forms.append(value)
            else:
                forms += value.split()
    return [f for f in dict.fromkeys(forms) if any(ch.isalpha() for ch in f)]


def reporting_verb_hits(article, lexicons: Mapping[str, Iterable[str]] | None = None, attributions=None,
                        width: int = 80) -> pd.DataFrame:
    """Frame words that are reporting verbs ("denounced", "urged", "lamented"): frame, words, sentence, evidence.

    A reporting verb says how a source spoke; counted as a frame word, it turns
    the act of reporting into the frame.  Rows numbered from 1.
    """
    article = as_article(article)
    hits = frame_hits(article, lexicons, attributions)
    verbs = {(u.start, u.end) for u in label_uses(article, _reporting_verb_forms(), attributions=[])}
    starts = {s for s, _ in verbs}
    mine = hits[[start in starts for start in hits["start"]]]
    table = pd.DataFrame({"frame": mine["frame"], "words": mine["text"], "sentence": mine["sentence"],
                          "evidence": [shorten(e, width) for e in mine["evidence"]]},
                         columns=["frame", "words", "sentence", "evidence"])
    table.index = range(1, len(table) + 1)
    return table


def word_in_context(article, words: Iterable[str], width: int = 40) -> pd.DataFrame:
    """Each occurrence of ``words`` with the words around it: words, context, sentence (from 1).

    ``context`` shows ``width`` characters on each side, so a reader sees what
    the dictionary counted ("the agreements in force" is not armed force).
    """
    article = as_article(article)
    rows = []
    for use in label_uses(article, list(words), attributions=[]):
        left = " ".join(article.text[max(0, use.start - width):use.start].split())
        right = " ".join(article.text[use.end:use.end + width].split())
        rows.append({"words": use.text, "context": f"…{left} [{use.text}] {right}…",
                     "sentence": use.sentence_number})
    table = pd.DataFrame(rows, columns=["words", "context", "sentence"]).astype({"sentence": "Int64"})
    table.index = range(1, len(table) + 1)
    return table


#: How the dictionary's frames correspond to Semetko & Valkenburg's (frame_lexicons.json -> codebook).
DICTIONARY_TO_CODEBOOK = {
    "responsibility": "attribution of responsibility",
    "human interest": "human interest",
    "conflict": "conflict",
    "morality": "morality",
    "economic": "economic consequences",
}


def dictionary_vs_coders(article, scores: Mapping[str, Mapping[str, float]],
                         lexicons: Mapping[str, Iterable[str]] | None = None, attributions=None) -> pd.DataFrame:
    """The dictionary beside human coders, frame by frame.

    ``scores`` maps a coder's name to that coder's frame scores (frame ->
    score from 0 to 1, as :func:`helpers.frame_scores` gives them).  One row
    per Semetko & Valkenburg frame that the dictionary also has: how many body
    paragraphs hold a word of the frame, and each coder's score.
    """
    presence = frame_presence(article, lexicons, attributions)
    rows = []
    for word_frame, frame in DICTIONARY_TO_CODEBOOK.items():
        if word_frame not in presence.columns:
            continue
        row = {"frame": frame, "paragraphs with its words": int((presence[word_frame] > 0).sum())}
        for coder, coder_scores in scores.items():
            row[f"{coder} score"] = round(float(coder_scores[frame]), 2) if frame in coder_scores else None
        rows.append(row)
    return pd.DataFrame(rows).set_index("frame")


# ---------------------------------------------------------------- narrow tables for the notebooks

def sentence_list(article, width: int = 110) -> pd.DataFrame:
    """The body's sentences as a reader counts them: sentence (from 1), paragraph (from 1), text (shortened)."""
    article = as_article(article)
    starts = [p.start for p in article.paragraphs]
    rows = [{"sentence": k + 1, "paragraph": bisect.bisect_right(starts, s.start),
             "text": shorten(s, width)} for k, s in enumerate(article.sentences)]
    return pd.DataFrame(rows, columns=["sentence", "paragraph", "text"]).set_index("sentence")


def quote_table(article, width: int = 70, attributions=None) -> pd.DataFrame:
    """Every quotation with its voice, narrow: quote (shortened), voice, sentence (from 1); rows from 1."""
    table = quote_voices(article, attributions)
    return pd.DataFrame({"quote": [shorten(q, width) for q in table["quote"]], "voice": table["voice"],
                         "sentence": table["sentence"]}, index=table.index)


def lexicon_table() -> pd.DataFrame:
    """The frame dictionaries (``frame_lexicons.json``): frame, the question its list tries to answer, its words."""
    questions = frame_questions()
    rows = [{"frame": f, "question": questions[f], "words": ", ".join(w)} for f, w in load_frame_lexicons().items()]
    return pd.DataFrame(rows, columns=["frame", "question", "words"]).set_index("frame")
