"""Each formula's counts as its authors defined them (method="original").

* **Sentences**: the course's own sentence splitter (:func:`helpers.split_sentences`,
  the sentences of ``article.sentences``), which knows abbreviations and does not
  cut "the Lachin road. to allow" in two.  A "sentence" without a word is skipped.
* **Words**: runs of letters or digits; a hyphenated word ("large-scale"), a
  contraction or a possessive, a figure ("4,500", "23%") and initials ("U.N.") are one word.
* **Syllables** as the word is said (:mod:`helpers.readability.syllables`):
  the CMU dictionary, figures read aloud, hyphenated words part by part, and a
  rule-based count for words the dictionary lacks.
* **Gunning's hard words** (Fog): three syllables or more, *except* (Gunning 1952)
  capitalised words, combinations of short easy words ("however", "large-scale")
  and verbs made three syllables by -ed or -es ("created", "trespasses").
  Figures are not hard words either (they are read as easy number words).
* **Dale and Chall's unfamiliar words**: not on their list of familiar words
  (textstat's copy), where a regular inflection of a listed word (-s, -es, -ies,
  -'s, -d, -ed, -ied, -ing, -er, -est) is familiar, and so are names of persons
  and places and figures.  A hyphenated word is familiar when all its parts are.
* **SMOG's polysyllables**: every word of three syllables or more, names and
  figures included (McLaughlin 1969), counted in McLaughlin's sample when the text
  has 30 sentences or more: 10 at the start, 10 in the middle, 10 at the end.
* **Letters** (Coleman-Liau) and **characters** (ARI): the letters and digits of the words.

What counts as a name: a capitalised word that is not only capitalised because
it starts a sentence (it is capitalised elsewhere, or the dictionary does not
know it), and is not a title, an institution, a month, a day or a platform
(``helpers/data/readability_not_names.json``).
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from typing import NamedTuple

from ..article import split_sentences
from ..datafiles import DATA_DIR, read_json
from ..spans import Span, split_blocks
from .dictionary import cmu, easy_words
from .syllables import dictionary_syllables, is_figure, word_syllables

__all__ = ["WordInfo", "Analysis", "analyse", "text_sentences", "word_tokens", "is_familiar", "not_names",
           "SMOG_SAMPLE"]

#: McLaughlin's sample: 10 sentences at the start, 10 in the middle, 10 at the end.
SMOG_SAMPLE = 10

# a word: letters or digits, joined by inner hyphens, apostrophes, full stops or commas (ex-Twitter,
# Editor’s, U.N, 4,500, 1.5), with a % sign; the word after an opening quotation mark or bracket is "initial"
_WORD_PATTERN = r"[^\W_]+(?:[-‐‑'’.,][^\W_]+)*%?"
_WORD_AFTER = re.compile(rf"((?<![^\W_])[“\"«‘'(\[{{„‹]\s*)?({_WORD_PATTERN})")
_WORD_ONLY = re.compile(_WORD_PATTERN)
# a word right after an opening quotation mark or bracket that does not stand inside a word ("Azerbaijan's")
_AFTER_OPENER = re.compile(rf"[“\"«‘'(\[{{„‹](?<![^\W_][“\"«‘'(\[{{„‹])\s*({_WORD_PATTERN})")
# a word holding a full stop or a comma (4,500, U.N, road.to)
_WORD_WITH_STOP = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*[.,][^\W_]+(?:[-‐‑'’.,][^\W_]+)*%?")
_ANY_OPENER = re.compile(r"[“\"«‘'(\[{„‹]")
_FIGURE_OR_INITIALS = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?|(?:[A-Za-z]\.)+[A-Za-z]")
_INNER_STOP = re.compile(r"[.,]")
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]")
_POSSESSIVE = re.compile(r"'s?$")
_STOP_INSIDE = re.compile(r"[.,](?<=[^\W_][.,])(?=[^\W_])")
_HYPHENS = re.compile(r"[-‐‑]")
_OPENERS = set("“\"«‘'([{„‹")


@dataclass
class WordInfo:
    """One word of the text, with every count and decision the original formulas need."""

    text: str
    sentence: int          # index in Analysis.sentences
    initial: bool          # first word of the sentence or of a quotation
    syllables: int
    source: str            # where the syllables come from: dictionary, figure, letters, rules
    letters: int           # letters and digits
    capitalised: bool = False
    name: bool = False
    hard: bool = False     # Gunning
    hard_reason: str = ""  # why a word of 3+ syllables is not hard (or why it is)
    difficult: bool = False  # Dale-Chall
    familiar_reason: str = ""


def text_sentences(text_or_article) -> list[Span]:
    """The course's sentences: ``article.sentences`` for an Article, else each block of the string split."""
    if hasattr(text_or_article, "sentences"):
        return list(text_or_article.sentences)
    return [s for index, block in enumerate(split_blocks(text_or_article))
            for s in split_sentences(block, offset=block.start, paragraph=index)]


def word_tokens(sentence: str) -> list[tuple[str, bool]]:
    """The words of one sentence: (word, initial), initial for the first word and after an opening mark."""
    tokens = [(word, k == 0 or bool(opener)) for k, (opener, word) in enumerate(_WORD_AFTER.findall(sentence))]
    if _STOP_INSIDE.search(sentence):
        tokens = [split for token in tokens for split in _split_inner_stops(token)]
    return tokens


def sentence_words(sentence: str) -> tuple[list[str], list[str]]:
    """(every word, the words that stand first: in the sentence or after an opening mark) of one sentence.

    The same words as :func:`word_tokens`, found faster: the counts need to
    know how often a word stands first, not where.
    """
    words = _WORD_ONLY.findall(sentence)
    if not words:
        return words, []
    split = _STOP_INSIDE.search(sentence) is not None and not all(
        _whole(word) for word in _WORD_WITH_STOP.findall(sentence))
    if split:  # a full stop without its space ("road.to"): two words
        kept: list[str] = []
        for word in words:
            if "." in word or "," in word:
                kept += [piece for piece, _ in _split_inner_stops((word, False))]
            else:
                kept.append(word)
        words = kept
    first = [words[0]]
    if _ANY_OPENER.search(sentence):
        first_start = _WORD_ONLY.search(sentence).start()
        for match in _AFTER_OPENER.finditer(sentence):
            if match.start(1) != first_start:
                word = match.group(1)
                first.append(_split_inner_stops((word, True))[0][0] if split else word)
    return words, first


@functools.lru_cache(maxsize=4096)
def _whole(word: str) -> bool:
    """True when a word with a full stop or comma inside stays one word: a figure or initials (4,500, U.N)."""
    return any(_FIGURE_OR_INITIALS.fullmatch(part) for part in _HYPHENS.split(word))


def _split_inner_stops(token: tuple[str, bool]) -> list[tuple[str, bool]]:
    """Keep 4,500, 1.5 and U.N. whole; split "road.to" (a full stop without its space) into two words."""
    word, initial = token
    if ("." not in word and "," not in word) or _whole(word):
        return [token]
    pieces = [p for p in _INNER_STOP.split(word) if p]
    return [(piece, initial and k == 0) for k, piece in enumerate(pieces)]


_NOT_NAMES_FILE = DATA_DIR / "readability_not_names.json"
_not_names_seen: list = [None, frozenset()]  # (size, modification time) of the file read, and its words


def not_names() -> frozenset[str]:
    """Capitalised words that are not names (``helpers/data/readability_not_names.json``), re-read when edited."""
    stat = os.stat(_NOT_NAMES_FILE)
    stamp = (stat.st_size, stat.st_mtime_ns)
    if _not_names_seen[0] != stamp:
        data = read_json(_NOT_NAMES_FILE)
        _not_names_seen[:] = [stamp, _not_names(tuple(tuple(v) for k, v in sorted(data.items())
                                                      if isinstance(v, list)))]
    return _not_names_seen[1]


@functools.lru_cache(maxsize=4)
def _not_names(lists: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(word.lower() for words in lists for word in words)


@functools.lru_cache(maxsize=16384)
def is_familiar(word: str) -> str:
    """Why a lower-case word is familiar by Dale and Chall's rules ("" if it is not).

    On the list, or a regular inflection of a listed word: plural or third
    person (-s, -es, -ies), possessive ('s, s'), past (-d, -ed, -ied, a doubled
    consonant + ed), -ing (also with a dropped e or a doubled consonant),
    comparative and superlative (-r, -er, -ier, -st, -est, -iest).
    """
    easy = easy_words()
    word = word.replace("’", "'")
    if word in easy:
        return "on the list"
    candidates = []
    if word.endswith("'s"):
        candidates.append(word[:-2])
    elif word.endswith("s'"):
        candidates.append(word[:-1])
    for ending, replacements in _INFLECTIONS_BY_LAST.get(word[-1:], ()):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            for replacement in replacements:
                candidates.append(stem + replacement)
            if ending in ("ed", "ing", "er", "est") and len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # stopped, bigger
    for candidate in candidates:
        if candidate in easy:
            return f"a form of '{candidate}'"
    return ""


_INFLECTIONS = [
    ("ies", ("y",)), ("ied", ("y",)), ("ier", ("y",)), ("iest", ("y",)),
    ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e")),
    ("est", ("", "e")), ("er", ("", "e")), ("st", ("",)), ("r", ("",)),
]
_INFLECTIONS_BY_LAST: dict[str, list] = {}
for _ending, _replacements in _INFLECTIONS:
    _INFLECTIONS_BY_LAST.setdefault(_ending[-1], []).append((_ending, _replacements))


@functools.lru_cache(maxsize=16384)
def _gunning_part(part: str) -> tuple[bool, str]:
    """(hard, reason) for one lower-case part of 3+ syllables that is not capitalised or a figure."""
    syllables, _ = word_syllables(part)
    if syllables < 3:
        return False, ""
    for stem in _inflection_stems(part):
        stem_syllables = dictionary_syllables(stem)
        if stem_syllables is not None and stem_syllables <= 2 and stem_syllables == syllables - 1:
            return False, f"an -ed/-es form of '{stem}'"
    compound = _easy_compound(part)
    if compound:
        return False, "combination of short easy words: " + " + ".join(compound)
    return True, ""


def _inflection_stems(part: str) -> list[str]:
    stems = []
    if part.endswith("ied") or part.endswith("ies"):
        stems.append(part[:-3] + "y")
    if part.endswith(("ed", "es")):
        stems += [part[:-2], part[:-1]]
        if len(part) > 4 and part[-3] == part[-4]:
            stems.append(part[:-3])
    return stems


@functools.lru_cache(maxsize=8192)
def _easy_compound(word: str) -> tuple[str, ...]:
    """The short easy words (3 letters or more, on the Dale-Chall list) a word is made of, or ()."""
    easy = easy_words()
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        if left in easy and (dictionary_syllables(left) or 9) <= 2:
            if is_familiar(right) and (dictionary_syllables(right) or 9) <= 2:
                return (left, right)
            rest = _easy_compound(right)
            if rest:
                return (left, *rest)
    return ()


class Analysis:
    """Every word and sentence of a text, counted by the original rules.

    ``sentences`` are the sentences that have words; ``words`` one
    :class:`WordInfo` per word, in reading order; :meth:`counts` the totals.
    """

    def __init__(self, sentences: list[Span], words: list[list[str]], decisions: dict, counts: dict,
                 skip: frozenset[str] = frozenset()):
        self.sentences = sentences
        self._skip = skip
        self._words = words          # per sentence: its words
        self._decisions = decisions  # word -> _word_decisions(word)
        self._capitalised_inside = None
        self._counts = counts

    @functools.cached_property
    def words(self) -> list[WordInfo]:
        """Every word, in reading order, with its decisions (built when a table asks for it)."""
        capitalised = self._counts["_capitalised_inside"]
        out = []
        for index, sentence in enumerate(self.sentences):
            for text, initial in word_tokens(str(sentence)):
                info = self._decisions[text]
                context = 0 if not (initial and info[0]) else 1 if info[1] in capitalised else 2
                _, syllables, source, letters = _facts(text)
                decision = info[3] if context == 0 else _decide(text, context, self._skip)
                out.append(WordInfo(text, index, initial, syllables, source, letters, *decision[:6]))
        return out

    def counts(self) -> dict:
        """The counts the seven formulas use (SMOG's on McLaughlin's sample when there are 30 sentences)."""
        return {k: v for k, v in self._counts.items() if not k.startswith("_")}


def smog_sample(n_sentences: int) -> list[int]:
    """McLaughlin's 30 sentences (indexes): 10 at the start, 10 in the middle, 10 at the end; [] under 30."""
    if n_sentences < 3 * SMOG_SAMPLE:
        return []
    middle = (n_sentences - SMOG_SAMPLE) // 2
    return (list(range(SMOG_SAMPLE)) + list(range(middle, middle + SMOG_SAMPLE))
            + list(range(n_sentences - SMOG_SAMPLE, n_sentences)))


def analyse(text_or_article) -> Analysis:
    """Count every word of a text (a string or an Article's body) by the original rules.

    The last analyses are kept (an Article by identity, a string by value), so a
    notebook that asks for the same article's tables many times counts it once.
    """
    return _analyse(text_or_article, not_names())


class _Part(NamedTuple):
    """What the rules say about one part of a word (a hyphenated word has several), whatever its context."""

    text: str
    base: str              # lower case, without a possessive 's
    capital: bool          # starts with a capital letter (not "I", not a figure)
    figure: bool
    syllables: int
    hard: bool             # Gunning's hard word, if it is not a proper noun
    hard_reason: str
    familiar: str          # Dale and Chall's reason, "" if unfamiliar (before names are considered)
    known: bool            # the dictionary or the Dale-Chall list knows it in lower case


@functools.lru_cache(maxsize=16384)
def _facts(text: str) -> tuple[tuple[_Part, ...], int, str, int]:
    """(parts, syllables, source, letters and digits) of a word: everything that does not depend on the text."""
    syllables, source = word_syllables(text)
    parts = []
    for part in _parts(text) or (text,):
        lower = part.lower().replace("’", "'")
        base = _POSSESSIVE.sub("", lower)
        figure = is_figure(part)
        if figure:
            parts.append(_Part(part, base, False, True, 0, False, "", "a figure", True))
            continue
        hard, reason = _gunning_part(lower)
        familiar = is_familiar(lower)
        known = base in cmu() or lower in cmu() or bool(familiar)
        parts.append(_Part(part, base, part[:1].isupper() and part != "I", False, word_syllables(part)[0],
                           hard, reason, familiar, known))
    return tuple(parts), syllables, source, len(_NOT_LETTER_OR_DIGIT.sub("", text))


@functools.lru_cache(maxsize=16)
def _analyse(text_or_article, skip: frozenset[str]) -> Analysis:
    """The analysis of a list of sentences (cached: the notebook asks for the same article many times).

    Decisions are taken once per distinct word: a word's decision depends only
    on whether it stands first (in its sentence or after an opening mark), so
    the counts need how often each word stands first, not where.
    """
    sentences: list[Span] = []
    per_sentence: list[list[str]] = []
    first_words: list[str] = []
    for sentence in text_sentences(text_or_article):
        words, first = sentence_words(sentence)
        if not words:
            continue
        sentences.append(sentence)
        per_sentence.append(words)
        first_words += first
    every = Counter(chain.from_iterable(per_sentence))
    first_count = Counter(first_words)
    sample = smog_sample(len(sentences))
    sampled = Counter(chain.from_iterable(per_sentence[k] for k in sample)) if sample else None
    decisions = {}
    capitalised_inside = set()  # a capitalised word is a proper noun where a sentence does not start
    syllables = letters = polysyllabic = in_sample = hard = difficult = 0
    starting = []  # capitalised words that stand first somewhere: decided once every name is known
    known = _known_decisions(skip)
    for word, n in every.items():
        info = known.get(word)
        if info is None:
            info = known[word] = _word_decisions(word, skip)
        decisions[word] = info
        ordinary = info[3]
        count = ordinary[6]
        syllables += n * count
        letters += n * ordinary[7]
        if count >= 3:
            polysyllabic += n
            if sampled is not None:
                in_sample += sampled.get(word, 0)
        first = first_count.get(word, 0) if info[0] else 0
        if info[0] and n > first:
            capitalised_inside.add(info[1])
        if info[2]:
            capitalised_inside.update(info[2])
        if first:
            starting.append((word, info, n - first, first))
        else:
            hard += n * ordinary[2]
            difficult += n * ordinary[4]
    for word, info, inside, first in starting:
        at_start = _decide(word, 1 if info[1] in capitalised_inside else 2, skip)
        hard += inside * info[3][2] + first * at_start[2]
        difficult += inside * info[3][4] + first * at_start[4]
    total = sum(every.values())
    counts = {
        "sentences": len(sentences), "words": total, "syllables": syllables,
        "polysyllabic_words": polysyllabic, "complex_words": hard, "difficult_words": difficult,
        "letters": letters, "characters": letters, "tokens": total,
        "smog_sentences": len(sample) if sample else len(sentences),
        "smog_polysyllabic_words": in_sample if sample else polysyllabic,
        "_capitalised_inside": frozenset(capitalised_inside),
    }
    return Analysis(sentences, per_sentence, decisions, counts, skip)


_KNOWN_MAX = 50_000
_known: list = [None, {}]  # the not-names list the decisions were taken with, and word -> decisions


def _known_decisions(skip: frozenset[str]) -> dict:
    """The decisions taken so far with this list of not-names (forgotten when it changes or grows too big)."""
    if _known[0] is not skip or len(_known[1]) > _KNOWN_MAX:
        _known[:] = [skip, {}]
    return _known[1]


def _word_decisions(word: str, skip: frozenset[str]) -> tuple:
    """(first part capitalised, its base, the bases of the other capitalised parts, and the word's
    decision where it does not start a sentence: :func:`_decide` with context 0) of a word."""
    parts = _facts(word)[0]
    return (parts[0].capital, parts[0].base, tuple(p.base for p in parts[1:] if p.capital), _decide(word, 0, skip))


@functools.lru_cache(maxsize=16384)
def _parts(text: str) -> tuple[str, ...]:
    return tuple(p for p in _HYPHENS.split(text) if p)


@functools.lru_cache(maxsize=16384)
def _decide(text: str, context: int, skip: frozenset[str]) -> tuple:
    """(capitalised, name, hard, hard reason, difficult, familiar reason, syllables, letters) of a word in its text.

    ``context`` is 0 when the word does not start a sentence with a capital, 1
    when it does and the text also capitalises it elsewhere, 2 when it does and
    the text does not.
    """
    parts, syllables, _, letters = _facts(text)
    hard_parts, familiar_parts, reasons, familiar_reasons = [], [], [], []
    capitalised_any = name_any = False
    for k, part in enumerate(parts):
        if part.figure:
            hard_parts.append(False)
            familiar_parts.append(True)
            familiar_reasons.append(part.familiar)
            continue
        # a proper noun: capitalised where no sentence starts, or capitalised elsewhere in the text,
        # or a sentence's first word that neither the dictionary nor the list knows ("Pashinian said ...")
        proper = part.capital and (k > 0 or context != 2 or not part.known)
        is_name = proper and part.base not in skip
        capitalised_any |= proper
        name_any |= is_name
        if proper:
            hard_parts.append(False)
            if part.syllables >= 3:
                reasons.append("capitalised")
        else:
            hard_parts.append(part.hard)
            if part.hard_reason:
                reasons.append(part.hard_reason)
        if is_name:
            familiar_parts.append(True)
            familiar_reasons.append("a name")
        else:
            familiar_parts.append(bool(part.familiar))
            if part.familiar:
                familiar_reasons.append(part.familiar)
    hard = any(hard_parts)
    if len(parts) > 1 and not hard and syllables >= 3 and not any(r != "capitalised" for r in reasons):
        reasons = ["no part of 3 syllables or more: " + " + ".join(p.text for p in parts)]
    difficult = not all(familiar_parts)
    return (capitalised_any, name_any, hard, "; ".join(reasons) if not hard else "3 syllables or more",
            difficult, "; ".join(familiar_reasons) if not difficult else "", syllables, letters)
