"""Who speaks in an article: attributions, resolved sources and the source table.

An **attribution** is a statement, a view or a demand that the text credits to
a source: "Russia ... called on both parties to “respect” the agreements",
"“...,” lamented on X (ex-Twitter) Gegham Stepanyan", "According to her, ...".
:func:`find_attributions` finds them with rules a student can read, in four steps:

1. **Reporting verbs.**  Every form of a verb in
   :data:`~helpers.attribution_patterns.REPORTING_VERBS` outside quotation marks
   (*said*, *warned*, *called on*, *according to*, ...).  A verb inside quotation
   marks counts only when it *is* the whole quotation: Josep Borrell also
   “condemned”.  Participles (*saying*, *urging*, *uring*) never start an
   attribution: they continue the statement before them.
2. **The speaker.**  The noun phrase just before the verb ("Armenian separatist
   authorities announced", "the ministry stressed", "Russia, regional power and
   guarantor ..., called on"), or, when the verb follows a quotation or a comma
   and has no subject, the noun phrase after it ("lamented on X (ex-Twitter)
   Gegham Stepanyan", "announced in a press release the Azerbaijani Ministry of
   Defense").  Titles are split from names ("Russian diplomatic spokesperson
   Maria Zakharova"), appositions read ("The head of EU diplomacy, Josep Borrell,").
3. **Quotations and kind.**  The quotations of the sentence belong to its
   attribution, and so do quotation-only sentences after it and a quotation
   that runs on into the next paragraph.  The attribution is ``direct`` when
   the statement is entirely in quotation marks, ``partial`` when quoted
   fragments sit in the reporter's sentence, ``indirect`` without quotation marks.
4. **The source.**  Pronouns ("he", "she", "they", "her") and descriptions
   ("the ministry", "the union") are resolved to the nearest compatible source
   named before -- in the same paragraph or the one before it.  Metonyms
   ("Baku", "Paris", "Kremlin") stay sources of their own.

A sentence that reports an action ("Pashinian urgently convened his Security
Council") is not an attribution: :func:`find_people` lists the people an article
names, whether they speak or only act.

The word lists live in :mod:`helpers.attribution_patterns` and are read when this
module is imported: after changing them, restart the kernel.

The rules are written down in ``helpers/data/annotations/README.md`` and
measured against a hand annotation by :mod:`helpers.evaluation`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from pathlib import Path

import pandas as pd

from .article import WORD, Article, as_article
from .attribution_patterns import (
    ANONYMITY_PHRASES, ANONYMOUS_NOUNS, CHANNELS, CONNECTIVES, COORDINATORS, DATA_DIR, FILLERS, GROUP_NOUNS,
    INSTITUTION_NOUNS, PARTICIPLES, PLACE_WORDS, PRONOUNS, REPORTING_VERBS, TITLE_ABBREVIATIONS,
    TITLES, VERB_FORMS,
)

__all__ = [
    "Attribution", "Person", "find_attributions", "find_people", "source_table", "export_source_table",
    "seed_sources", "add_sides", "verb_rating", "channel_medium",
]

# ---------------------------------------------------------------------------------------------
# The records
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Word lists turned into lookups (built once, when the module is imported)
# ---------------------------------------------------------------------------------------------

#: The last word of each title: "prime minister" -> "minister", "rights defender" -> "defender".
_TITLE_WORDS = {title.split()[-1] for title in TITLES}
_TITLE_PHRASES = set(TITLES)
_TITLE_ABBR = {a.lower() for a in TITLE_ABBREVIATIONS}
_INSTITUTION = set(INSTITUTION_NOUNS)
_GROUP = set(GROUP_NOUNS)
_ANONYMOUS = set(ANONYMOUS_NOUNS)
_PLACE = set(PLACE_WORDS)
_FILLERS = set(FILLERS)
_COORDINATORS = set(COORDINATORS)
_COMMON_HEADS = _GROUP | _TITLE_WORDS | _ANONYMOUS | _INSTITUTION
_SUBJECT_PRONOUNS = {"he", "she", "they", "it"}
_OBJECT_PRONOUNS = {"him", "her", "them", "it"}  # after "according to"
_INDEFINITE = {"a", "an", "one"}
_DEFINITE = {"the", "its", "his", "her", "their", "our"}
_DETERMINERS = _INDEFINITE | _DEFINITE | {"some", "several", "many", "most", "two", "three", "four", "five",
                                          "other", "both", "all"}
_PREPOSITIONS = {"of", "for", "at", "from", "in", "on", "with"}
#: Small words inside names: "Ministry of Defense", "President of the European Council".
_NAME_CONNECTORS = {"of", "for", "de", "du", "von", "van", "al", "el"}
#: A name after one of these is more likely a place than a person ("in Nagorno Karabakh").
_PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "into", "of", "for", "on", "across", "over", "under",
                       "between", "toward", "towards", "through", "around"}
_VERB_WORDS = {w for form in list(VERB_FORMS) + list(PARTICIPLES) for w in form.split()} - {"to", "on", "for"}
#: Words that never belong to the noun phrase of a speaker.
_NOT_IN_PHRASE = {
    "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "being", "to", "and",
    "or", "but", "nor", "if", "because", "as", "than", "so", "this", "these", "those", "there", "here", "when",
    "where", "after", "before", "since", "by", "about", "over", "into", "through", "against", "during",
    "without", "under", "between", "among", "near", "he", "she", "it", "they", "we", "i", "you", "him",
    "them", "us", "me", "no", "can", "could", "should", "may", "might", "must", "shall", "while", "whereas",
    "what", "how", "why", "very", "more", "only", "including", "such", "like", "notably", "especially",
} | _FILLERS | _VERB_WORDS
_NOT_IN_PP = _NOT_IN_PHRASE | _PREPOSITIONS
_PRONOUN_WORDS = _SUBJECT_PRONOUNS | _OBJECT_PRONOUNS
_NOT_PERSON = _COMMON_HEADS | _PLACE
#: Capitalised only because they open the sentence: "Shop owners say", "Other researchers cautioned".
_OPENING_COMMON = _COMMON_HEADS | {"shop", "some", "other"}
_PASSIVE = {"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"}
#: A verb form after one of these is a noun or an adjective: "the reported number", "a say".
_DET_BEFORE_VERB = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                    "my", "your", "no", "so-called"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_TIME_NOUNS = {"week", "month", "year", "night", "morning", "afternoon", "evening", "weekend"}
_QUOTE_MARKS = set("“”«»„\"‘’‹›'")
_CLAUSE_END = {",", ".", ";", ":", "!", "?"}

#: Reporting verbs by their first word: "called" -> [("called", "on"), ("called", "for")], longest first.
_VERB_FIRST: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _form, _participle in [(f, False) for f in VERB_FORMS] + [(f, True) for f in PARTICIPLES]:
    _VERB_FIRST.setdefault(_form.split()[0], []).append((tuple(_form.split()), _participle))
for _options in _VERB_FIRST.values():
    _options.sort(key=lambda option: -len(option[0]))

_ABBR = "|".join(re.escape(a) for a in TITLE_ABBREVIATIONS)
#: Words (with inner hyphens and apostrophes, a possessive ’s or s’), abbreviated titles, single marks.
_TOKEN = re.compile(r"(?:%s)(?!\w)|[^\W_]+(?:[-‐'’][^\W_]+)*(?:(?<=s)[’'](?![^\W_]))?|[^\w\s]" % _ABBR)
_ANONYMITY = re.compile("|".join(re.escape(p) for p in sorted(ANONYMITY_PHRASES, key=len, reverse=True)),
                        re.IGNORECASE)
_CHANNELS = [(re.compile(pattern, 0 if re.search(r"\b[A-Z]", pattern) else re.IGNORECASE), channel)
             for pattern, channel, _ in CHANNELS]
#: All channel patterns in one expression, to see quickly whether a stretch of text names any channel.
_ANY_CHANNEL = re.compile("|".join("(?:%s)" % p if re.search(r"\b[A-Z]", p) else "(?i:%s)" % p
                                   for p, _, _ in CHANNELS))
_MEDIUM = {channel: medium for _, channel, medium in CHANNELS}
_CONNECTIVES = sorted(CONNECTIVES, key=len, reverse=True)  # longest first: "for its part" before "for"
_CONNECTIVE = re.compile(r"\s*(?:%s)\b[\s,]*" % "|".join(map(re.escape, _CONNECTIVES)), re.IGNORECASE)
#: A question put to the source, before its answer: "Asked whether the plant would close, Smith said: ..."
_ASKED = re.compile(r"\s*asked\s+(?:about|whether|if|why|how|what|when|who)\b[^,“”\"«»]*,\s*", re.IGNORECASE)
_FOR_ONES_PART = re.compile(r"\s*,?\s*for (his|her|its|their) part\b", re.IGNORECASE)
_TIME_FILLER = re.compile(r"\s*(?:then|also|later|on (?:%s))\b" % "|".join(_WEEKDAYS), re.IGNORECASE)
_AFTER_VERB = re.compile(r"\s*(?:that\b|:|,|last (?:week|month|year)\b|on (?:%s)\b)" % "|".join(_WEEKDAYS),
                         re.IGNORECASE)
_STOP_WITH_COMMA = re.compile(r"[“«„\"‘‹:;,]|\bthat\b")
_STOP = re.compile(r"[“«„\"‘‹:;]|\bthat\b")
#: How far (in characters or tokens) the rules look around a verb: speakers are short phrases.
_WINDOW = 300
_MAX_TOKENS = 60


def verb_rating(verb: str) -> str:
    """"neutral" or "loaded" for a reporting verb as written ("said" -> "neutral", "lamented" -> "loaded")."""
    form = " ".join(str(verb).lower().split())
    lemma = VERB_FORMS.get(form) or PARTICIPLES.get(form) or form
    entry = REPORTING_VERBS.get(lemma)
    return entry["rating"] if entry else "neutral"


def channel_medium(channel: str | None) -> str:
    """The kind of channel: "social media", "official statement", "press", "other", or "not stated"."""
    if not channel:
        return "not stated"
    return _MEDIUM.get(channel, "other")


# ---------------------------------------------------------------------------------------------
# Tokens and noun phrases
# ---------------------------------------------------------------------------------------------


class _Tok(NamedTuple):
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


_new_tok = tuple.__new__  # builds a _Tok without the slower NamedTuple constructor (many thousands per article)


@lru_cache(maxsize=100_000)
def _noun(word: str) -> str:
    """The lookup form of a head noun: lower case, without a possessive."""
    word = word.lower()
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word.rstrip("’'")


def _join(toks: list[_Tok]) -> str:
    return " ".join(t.text for t in toks)


def _is_head(tok: _Tok) -> bool:
    """Can this word end a noun phrase that names a source?"""
    if tok.is_possessive and not tok.text.endswith(("s’", "s'")):
        return False
    if tok.is_cap and tok.low not in _DETERMINERS:
        return True
    return _noun(tok.text) in _COMMON_HEADS


class _Mention:
    """A noun phrase that may name a source (``toks``), and what kind of phrase it is.

    ``kind`` is "name", "pronoun", "description", "anonymous", "group" or "one" (as in
    "one of them", which needs a name in apposition).  The speaker's words start at
    ``toks[name_from]``: after "the" for a name, after the title for "Mayor Ana Ruiz".
    """

    def __init__(self, toks, kind, name_from=0, title=None, person=False, plural=False, resolvable=False):
        self.toks, self.kind, self.name_from, self.title = toks, kind, name_from, title
        self.person, self.plural, self.resolvable = person, plural, resolvable

    @property
    def start(self) -> int:
        return self.toks[self.name_from].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


def _parse_mention(toks: list[_Tok], sentence_start: int = -1) -> tuple[_Mention | None, int]:
    """Read a noun phrase at the start of ``toks``; return it and the number of tokens it used.

    The phrase is ``[determiner] words... head [prepositional phrase]``, where the
    head is a capitalised name or a noun from the title, institution, group or
    anonymous lists.  A lone pronoun is a mention too.
    """
    n = len(toks)
    if not n or not toks[0].is_word:
        return None, 0
    first = toks[0]
    if first.low in _PRONOUN_WORDS and not (
            n > 1 and toks[1].is_word and first.low in {"her", "his", "its", "their"}):
        return _Mention([first], "pronoun", plural=PRONOUNS.get(first.low, ("singular",))[0] == "plural"), 1
    i = 0
    det = None
    if first.low in _DETERMINERS:
        det, i = first, 1
        if first.low == "one" and n > 2 and toks[1].low == "of" and toks[2].low in {"them", "us", "those"}:
            return _Mention(toks[:3], "one"), 3
    body_start = i
    while i < n:
        tok = toks[i]
        if tok.low in _TITLE_ABBR or (tok.is_cap and tok.is_word and tok.low not in _NOT_IN_PHRASE
                                      and tok.low not in _PREPOSITIONS):
            i += 1
            if tok.is_possessive and i < n and toks[i].is_cap:
                break  # "Nikol Pashinian’s Security Council": the name ends at the possessive
            continue
        if tok.low in _NAME_CONNECTORS and i > body_start and toks[i - 1].is_cap and _cap_follows(toks, i + 1):
            i += 2 if toks[i + 1].low == "the" else 1  # "Ministry of Defense", "President of the European ..."
            continue
        if tok.is_word and not tok.is_cap and tok.low not in _NOT_IN_PHRASE and tok.low not in _PREPOSITIONS \
                and not tok.text[0].isdigit():
            i += 1
            continue
        break
    while i > body_start and not _is_head(toks[i - 1]):
        i -= 1  # "Nikol Pashinian’s" alone is not a speaker
    if i == body_start:
        return None, 0
    head = toks[i - 1]
    if i + 1 < n and toks[i].low == "close" and toks[i + 1].low == "to":  # "sources close to the talks"
        i += 1
    if (not head.is_cap or _noun(head.text) in _COMMON_HEADS) and i < n and toks[i].low in _PREPOSITIONS | {"to"} \
            and (toks[i].low != "to" or toks[i - 1].low == "close"):
        i = _prepositional_phrase(toks, i)  # "Officials in Washington", "a spokesperson for the ... office"
    body = toks[body_start:_head_end(toks, body_start, i)]
    mention = _classify(toks[:i], det, body, sentence_start) if body else None
    return mention, (i if mention else 0)


def _head_end(toks: list[_Tok], body_start: int, end: int) -> int:
    """End of the noun phrase before its prepositional phrase."""
    for k in range(body_start, end):
        if toks[k].low == "close" and k + 1 < end and toks[k + 1].low == "to":
            return k
        if toks[k].low in _PREPOSITIONS and not (toks[k].low in _NAME_CONNECTORS and k > body_start
                                                  and toks[k - 1].is_cap and _cap_follows(toks, k + 1)):
            return k
    return end


def _cap_follows(toks: list[_Tok], i: int) -> bool:
    if i < len(toks) and toks[i].low == "the":
        i += 1
    return i < len(toks) and toks[i].is_cap and toks[i].is_word


def _prepositional_phrase(toks: list[_Tok], i: int) -> int:
    """Extend over "of the separatist region", "at one of the large chains": return the new end."""
    n = len(toks)
    end = i
    while i < n and (toks[i].low in _PREPOSITIONS or toks[i].low == "to" and toks[i - 1].low == "close"):
        j = i + 1
        if j < n and toks[j].low in _DETERMINERS:
            j += 1
        k = j
        while k < n and toks[k].is_word and (toks[k].is_cap or toks[k].low not in _NOT_IN_PP):
            k += 1
        if k == j and not (j > i + 1 and toks[j - 1].low == "one"):
            break
        end = i = k
    return end


def _classify(toks: list[_Tok], det: _Tok | None, body: list[_Tok], sentence_start: int) -> _Mention | None:
    """Name, description, anonymous source or group?  ``body`` is the phrase without determiner and PP."""
    head = body[-1]
    noun = _noun(head.text)
    # A capital that only opens the sentence ("Officials said", "Shop owners say") is not a name.
    opening = body[0].start == sentence_start and _noun(body[0].text) in _OPENING_COMMON
    caps = [t for t in body if t.is_cap and not (t is body[0] and opening)]
    if head.is_cap and not (head is body[0] and opening):
        return _name_mention(toks, body)
    if noun == "sources":  # "sources close to the talks": unnamed by definition
        return _Mention(toks, "anonymous", plural=True)
    if noun in _GROUP or (noun.endswith("s") and noun[:-1] in _ANONYMOUS):
        return _Mention(toks, "group", plural=True)
    if noun in _INSTITUTION and caps:  # "Armenian separatist authorities", "Azerbaijani diplomacy"
        return _Mention(toks, "name", name_from=1 if det is not None and det.low == "the" else 0,
                        plural=noun.endswith("s"))
    if det is None and noun in _INSTITUTION:  # "local authorities", "police"
        return _Mention(toks, "description", plural=noun.endswith("s"))
    if det is None:
        possessive = [t for t in body[:-1] if t.is_possessive]
        det = possessive[0] if possessive else None  # "Nikol Pashinian’s spokesperson" works like "the ..."
    if det is not None and det.low in _INDEFINITE and (noun in _ANONYMOUS or noun in _TITLE_WORDS):
        return _Mention(toks, "anonymous")
    if det is not None and (det.low in _DEFINITE or det.low == "other" or det.is_possessive):
        resolvable = det.low == "the" and (len(toks) == 2 or _join(toks[1:]).lower() in _TITLE_PHRASES)
        return _Mention(toks, "description", resolvable=resolvable, plural=noun in _GROUP)
    return None


def _name_mention(toks: list[_Tok], body: list[_Tok]) -> _Mention:
    """A capitalised name, split from a title in front of it: "Armenian Prime Minister | Nikol Pashinian"."""
    offset = toks.index(body[0])
    split = None
    for k in range(len(body) - 1):
        word = _noun(body[k].text)
        if (word in _TITLE_WORDS or word in _INSTITUTION or body[k].low in _TITLE_ABBR) and \
                all(t.is_cap and t.low not in _NAME_CONNECTORS for t in body[k + 1:]):
            split = k
    if split is not None:
        title_toks = body[: split + 1]
        person = any(_noun(t.text) in _TITLE_WORDS or t.low in _TITLE_ABBR for t in title_toks)
        return _Mention(toks, "name", name_from=offset + split + 1, title=_join(title_toks), person=person)
    person = 2 <= len(body) <= 4 and all(t.is_cap for t in body) and not any(
        _noun(t.text) in _NOT_PERSON or t.text.isupper() for t in body)
    plural = _noun(body[-1].text) in _INSTITUTION and body[-1].low.endswith("s")
    return _Mention(toks, "name", name_from=offset, person=person, plural=plural)


def _is_title_phrase(mention: _Mention | None) -> bool:
    """ "the rights defender of the separatist region", "Its chair", "a retired teacher" """
    return (mention is not None and mention.kind in {"description", "anonymous"}
            and any(_noun(t.text) in _TITLE_WORDS for t in mention.toks))


def _full(toks: list[_Tok], sentence_start: int) -> _Mention | None:
    """The mention that uses all of ``toks``, or None."""
    mention, used = _parse_mention(toks, sentence_start)
    return mention if mention is not None and used == len(toks) else None


def _segment(toks: list[_Tok]) -> list[_Tok]:
    """The tokens up to the next comma, full stop or quotation mark."""
    out = []
    for tok in toks:
        if tok.text in _CLAUSE_END or tok.text in _QUOTE_MARKS:
            break
        out.append(tok)
    return out


# ---------------------------------------------------------------------------------------------
# The article, prepared once: tokens, quotation spans
# ---------------------------------------------------------------------------------------------


class _Context:
    """The article's text, its level-0 quotations (with their marks) and its body tokens."""

    def __init__(self, article: Article):
        self.article = article
        self.text = text = article.text
        self.quotes = [q for q in article.quotes if q.level == 0]
        self.outer = [(_mark_start(text, q), _mark_end(text, q)) for q in self.quotes]
        self.o_starts = [o[0] for o in self.outer]
        # The words inside a quotation are the speaker's, not the reporter's: of a quotation only the
        # marks become tokens, and the words of a one- or two-word quotation (also “condemned”).
        self.toks: list[_Tok] = []
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
                        if begin <= mark < finish and text[mark] in _QUOTE_MARKS:
                            self.toks.append(_new_tok(_Tok, (text[mark], mark, mark + 1, text[mark], False, False, k)))
                position = max(position, finish)
                k += 1
            self._add_tokens(position, paragraph.end, None)
        self.t_starts = [t.start for t in self.toks]

    def _add_tokens(self, start: int, end: int, quote: int | None) -> None:
        """Append the tokens of text[start:end], all standing in ``quote`` (None: outside quotation marks)."""
        append = self.toks.append
        for m in _TOKEN.finditer(self.text, start, end):
            word = m.group()
            first = word[0]
            append(_new_tok(_Tok, (word, m.start(), m.end(), word.lower(), first.isalnum(), first.isupper(), quote)))

    def tokens(self, start: int, end: int) -> list[_Tok]:
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


def _mark_start(text: str, q) -> int:
    i = q.start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i - 1 if i > 0 and text[i - 1] in _QUOTE_MARKS else q.start


def _mark_end(text: str, q) -> int:
    if not q.close_mark:
        return q.end
    i = q.end
    while i < len(text) and text[i].isspace():
        i += 1
    return i + 1 if i < len(text) and text[i] in _QUOTE_MARKS else q.end


# ---------------------------------------------------------------------------------------------
# Steps 1 and 2: reporting verbs and their speakers, sentence by sentence
# ---------------------------------------------------------------------------------------------


class _Verb:
    """A reporting verb found in the text."""

    __slots__ = ("text", "start", "end", "participle")

    def __init__(self, text: str, start: int, end: int, participle: bool):
        self.text, self.start, self.end, self.participle = text, start, end, participle


@dataclass
class _Draft:
    """An attribution being built."""

    mention: _Mention
    verb: _Verb
    sentence: object  # the Span of the sentence
    clause: tuple[int, int]  # speaker (or title) ... verb, then extended over channel and apposition
    title: str | None = None
    gender_hint: str | None = None
    channel: str | None = None
    leading: bool = False  # the speaker and verb come before the statement ("X said that ...")
    floor: int = 0  # where the clause may begin (after a quotation or "while")
    kind: str = "indirect"
    quotes: list[int] = field(default_factory=list)
    source: str = ""


def _verbs_in(ctx: _Context, sentence) -> list[_Verb]:
    """The reporting verbs of one sentence, outside quotation marks (a one-word quoted verb counts)."""
    text = ctx.text
    toks = ctx.tokens(sentence.start, sentence.end)
    masked = None  # the anonymity phrases of the sentence, found when a verb is
    verbs = []
    for i, tok in enumerate(toks):
        options = _VERB_FIRST.get(tok.low)
        if not options:
            continue
        for words, participle in options:
            if tuple(t.low for t in toks[i:i + len(words)]) == words:
                break
        else:
            continue
        last = toks[i + len(words) - 1]
        if tok.is_cap and tok.start != sentence.start:
            continue  # "Said" inside a sentence is a name
        if masked is None:
            lower = text[sentence.start:sentence.end].lower()
            masked = [m.span() for m in _ANONYMITY.finditer(text, sentence.start, sentence.end)] \
                if "named" in lower or "anonym" in lower or "identified" in lower else []
        if any(a <= tok.start < b for a, b in masked):
            continue  # "who asked not to be named"
        if tok.quote is not None and ctx.quotes[tok.quote].text.strip(" ,.") != text[tok.start:last.end]:
            continue  # the speaker's own words -- unless the verb is the whole quotation: also “condemned”
        previous = next((t.low for t in reversed(toks[max(0, i - 3):i]) if t.is_word), "")
        if previous in _DET_BEFORE_VERB or previous in _PASSIVE:
            continue  # "the reported number", "he was told"
        nxt = toks[i + len(words)] if i + len(words) < len(toks) else None
        if words[0] == "called" and nxt is not None and nxt.low in _WEEKDAYS:
            continue
        verbs.append(_Verb(text[tok.start:last.end], tok.start, last.end, participle))
    return verbs


def _attributions_in_sentence(ctx: _Context, sentence, verbs: list[_Verb]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for verb in verbs:
        if verb.participle:
            continue  # "saying", "urging": the statement before goes on
        floor = _clause_floor(ctx, sentence, verb, drafts)
        if floor is None:
            continue
        draft = None
        if verb.text.lower().split()[0] != "according":
            draft = _speaker_before(ctx, sentence, floor, verb)
        if draft is None:
            draft = _speaker_after(ctx, sentence, floor, verb)
        if draft is not None:
            draft.floor = floor
            draft.leading = _is_leading(ctx, floor if drafts else sentence.start, draft)
            drafts.append(draft)
    return drafts


def _after_connective(text: str, start: int, end: int) -> int:
    """Where the statement may begin: after "Furthermore,", "For its part,", "Asked whether ...,"."""
    found = _CONNECTIVE.match(text, start, end) or _ASKED.match(text, start, end)
    return found.end() if found else start


def _is_leading(ctx: _Context, start: int, draft: _Draft) -> bool:
    """Does the clause (speaker, verb) come before the statement, as in "X said that ..." or "According to X, ..."?"""
    content_start = _after_connective(ctx.text, start, draft.clause[0])
    return not ctx.words_outside_quotes(content_start, draft.clause[0]) and \
        not ctx.quotes_between(content_start, draft.clause[0])


def _clause_floor(ctx: _Context, sentence, verb: _Verb, drafts: list[_Draft]) -> int | None:
    """Where the clause of ``verb`` may begin; None when it starts no new attribution."""
    floor = sentence.start
    if drafts:
        previous = drafts[-1]
        between = [t for t in ctx.tokens(previous.verb.end, verb.start) if t.quote is None]
        coordinator = [t for t in between if t.low in _COORDINATORS]
        if coordinator:
            floor = coordinator[-1].end  # "..., while supermarkets say"
        else:
            words = [t for t in between if t.is_word and t.low not in _FILLERS]
            if not words or words[-1].low in {"and", "but"}:
                return None  # "welcomed the increase but said": the same speaker goes on
            if previous.leading:
                return None  # "According to X, farmers have reported ...": a report inside a report
            floor = previous.verb.end
    for k in ctx.quotes_between(floor, verb.start):  # start after a quotation that closes before the verb
        if ctx.outer[k][1] <= verb.start:
            floor = max(floor, ctx.outer[k][1])
    return floor


def _strip_fillers(toks: list[_Tok]) -> list[_Tok]:
    """Drop "had earlier", "then", ", however," and "on Tuesday" between a speaker and the verb."""
    toks = list(toks)
    while toks:
        if toks[-1].low in _FILLERS:
            toks.pop()
        elif len(toks) >= 2 and toks[-2].low in {"on", "last", "this"} and (
                toks[-1].low in _WEEKDAYS or toks[-1].low in _TIME_NOUNS):
            del toks[-2:]
        elif len(toks) >= 3 and toks[-1].text == "," and toks[-2].low in _FILLERS and toks[-3].text == ",":
            del toks[-2:]
        else:
            break
    return toks


def _split_commas(toks: list[_Tok]) -> list[list[_Tok]]:
    out: list[list[_Tok]] = [[]]
    for tok in toks:
        if tok.text == ",":
            out.append([])
        else:
            out[-1].append(tok)
    return out


def _speaker_before(ctx: _Context, sentence, floor: int, verb: _Verb) -> _Draft | None:
    """Normal order: "Armenian separatist authorities announced", "Russia, regional power ..., called on"."""
    toks = [t for t in ctx.tokens(floor, verb.start) if t.text not in _QUOTE_MARKS][-_MAX_TOKENS:]
    toks = _strip_fillers(toks)
    if not toks or toks[-1].low in {"and", "but", "or", "who", "which", "that"}:
        return None
    s0 = sentence.start
    segments = _split_commas(toks)
    mention = title_phrase = None
    last = segments[-1]
    if last:  # the longest phrase that ends at the verb: "... by Azerbaijani forces, | Armenian separatist authorities"
        for i in range(max(0, len(last) - 12), len(last)):
            mention = _full(last[i:], s0)
            if mention is not None:
                break
        relative = next((j for j, t in enumerate(last) if t.low in {"who", "which"}), 0)
        if mention is None and relative:  # "An official who asked not to be named said"
            mention = _full(last[:relative], s0)
        if mention is not None and mention.kind == "name" and len(segments) >= 2:
            before = _full(segments[-2], s0)
            title_phrase = before if _is_title_phrase(before) else None
    elif len(segments) >= 2:  # the phrase before the verb ends with a comma: an apposition
        mention = _full(segments[-2], s0)
        earlier = _full(segments[-3], s0) if len(segments) >= 3 else None
        if mention is not None and mention.kind == "name" and _is_title_phrase(earlier):
            title_phrase = earlier  # "The head of EU diplomacy, Josep Borrell, also “condemned”"
        elif _is_title_phrase(mention) and earlier is not None and earlier.kind == "name":
            mention, title_phrase = earlier, mention  # "Josep Borrell, head of EU diplomacy, said"
        elif mention is None and len(segments) >= 3:
            # "Jonas Berg, who milks 80 cows near Eskby, said": the subject opens the clause.
            first, used = _parse_mention(segments[0], s0)
            rest = segments[0][used:]
            if first is not None and (not rest or rest[0].low in {"who", "which", "whose"}):
                mention = first
                title_phrase = next((m for m in (_full(seg, s0) for seg in segments[1:-1]) if _is_title_phrase(m)),
                                    None)
    if mention is None or mention.kind == "one":
        return None
    title = _join(title_phrase.toks) if title_phrase is not None else mention.title
    clause_start = min(m.toks[0].start for m in (title_phrase, mention) if m is not None)
    return _Draft(mention, verb, sentence, (clause_start, verb.end), title=title)


def _speaker_after(ctx: _Context, sentence, floor: int, verb: _Verb) -> _Draft | None:
    """Inverted order: "lamented on X (ex-Twitter) Gegham Stepanyan", "According to her"."""
    text = ctx.text
    before = [t for t in ctx.tokens(floor, verb.start) if t.text not in _QUOTE_MARKS]
    according = verb.text.lower().split()[0] == "according"
    if before and not according and before[-1].text != ",":
        return None  # words before the verb but no subject: not an inverted attribution
    position, limit = verb.end, min(sentence.end, verb.end + _WINDOW)
    gender = channel = None
    while True:  # skip "for his part", "on X (ex-Twitter)", "in a press release", "then"
        rest = text[position:limit]
        part = _FOR_ONES_PART.match(rest)
        if part:
            gender = {"his": "male", "her": "female"}.get(part.group(1).lower(), gender)
            position += part.end()
            continue
        found = _channel_at(rest)
        if found:
            position, channel = position + found[0], found[1]
            continue
        filler = _TIME_FILLER.match(rest)
        if filler:
            position += filler.end()
            continue
        break
    toks = ctx.tokens(position, limit)[:_MAX_TOKENS]
    mention, used = _parse_mention(toks, sentence.start)
    if mention is None or (mention.kind == "pronoun" and not according
                           and mention.toks[0].low in {"him", "her", "them"}):
        return None
    title = mention.title
    after = toks[used:]
    if after and after[0].text == ",":  # appositions: "one of them, Joan Miller, a retired teacher"
        segment = _segment(after[1:])
        other = _full(segment, sentence.start) if segment else None
        if other is not None and other.kind == "name" and (mention.kind == "one" or _is_title_phrase(mention)):
            title = None if mention.kind == "one" else _join(mention.toks)
            mention = other
            after = after[1 + len(segment):]
            if after and after[0].text == ",":
                third = _full(_segment(after[1:]), sentence.start)
                if _is_title_phrase(third):
                    title = _join(third.toks)
        elif mention.kind == "name" and _is_title_phrase(other):
            title = _join(other.toks)  # "Gegham Stepanyan, the rights defender of the separatist region"
    if mention.kind == "one":
        return None
    if not according:  # the phrase must end the clause: "said Mayor Ana Ruiz." -- not "warned Baku that ..."
        nxt = after[0] if after else None
        if nxt is not None and nxt.is_word and nxt.low not in {"on", "in", "who", "after", "before", "during"} \
                and not _channel_at(text[nxt.start:nxt.start + _WINDOW]):
            return None
    draft = _Draft(mention, verb, sentence, (verb.start, mention.end), title=title, gender_hint=gender,
                   channel=channel)
    return draft


def _channel_at(text: str) -> tuple[int, str] | None:
    """A channel phrase at the start of ``text``: (characters used, channel)."""
    stripped = text.lstrip()
    if not _ANY_CHANNEL.match(stripped):
        return None
    for pattern, channel in _CHANNELS:
        found = pattern.match(stripped)
        if found:
            return len(text) - len(stripped) + found.end(), channel
    return None


def _find_channel(text: str, start: int, end: int) -> str | None:
    end = min(end, start + _WINDOW)
    if not _ANY_CHANNEL.search(text, start, end):
        return None
    for pattern, channel in _CHANNELS:
        if pattern.search(text, start, end):
            return channel
    return None


# ---------------------------------------------------------------------------------------------
# Step 3: clause boundaries, quotations, kind
# ---------------------------------------------------------------------------------------------


def _finish_sentence(ctx: _Context, sentence, drafts: list[_Draft], verbs: list[_Verb]) -> None:
    """Set each draft's clause, channel, quotations and kind.

    The sentence is shared between its attributions at their "while"/"but" (``floor``).
    Within its share, the attribution's **content** is everything but the clause
    (speaker, title, verb, channel) and a participial tail (", uring that ...").
    """
    text = ctx.text
    participles = [v for v in verbs if v.participle]
    for k, draft in enumerate(drafts):
        start = sentence.start if k == 0 else draft.floor
        end = drafts[k + 1].floor if k + 1 < len(drafts) else sentence.end
        content_start = _after_connective(text, start, end)
        tail = next((p.start for p in participles
                     if draft.verb.end <= p.start < end and text[max(0, p.start - 4):p.start].rstrip().endswith(",")),
                    end)
        if draft.leading:  # "X said that ...": the statement follows the verb
            clause_end = _skip_after_verb(text, draft.clause[1], end)
            stop = _STOP_WITH_COMMA.search(text, draft.verb.end, min(end, draft.verb.end + _WINDOW))
            channel_end = stop.start() if stop else end
        else:  # "“...,” X said on Facebook": the clause runs to the next quotation or participle
            stop = _STOP.search(text, draft.clause[1], tail)
            clause_end = channel_end = stop.start() if stop else tail
        draft.clause = (draft.clause[0], max(clause_end, draft.clause[1]))
        if draft.channel is None:
            draft.channel = _find_channel(text, draft.clause[0], max(channel_end, draft.clause[1]))
        if draft.channel is None and content_start > start:  # "In a statement, the police said ..."
            draft.channel = _find_channel(text, start, content_start)
        content = [(content_start, draft.clause[0]), (draft.clause[1], tail)]
        main_quotes = [q for a, b in content if b > a for q in ctx.quotes_between(a, b)]
        main_words = [w for a, b in content if b > a for w in ctx.words_outside_quotes(a, b)]
        draft.quotes = ctx.quotes_between(start, end)
        if main_quotes and not main_words:
            draft.kind = "direct"
        elif draft.quotes:
            draft.kind = "partial"
        else:
            draft.kind = "indirect"


def _skip_after_verb(text: str, position: int, end: int) -> int:
    """After "said": skip a channel, "that", a colon or a comma (what follows is the statement)."""
    while position < end:
        rest = text[position:min(end, position + _WINDOW)]
        found = _channel_at(rest)
        if found:
            position += found[0]
            continue
        small = _AFTER_VERB.match(rest)
        if small and small.end() > 0:
            position += small.end()
            continue
        break
    return position


def _attach_continuations(ctx: _Context, drafts: list[_Draft], free: list) -> None:
    """Quotation-only sentences, a quotation running on into the next paragraph, and a cut-off
    apposition ("French Ministry of Foreign Affairs, urging Baku “...”.") belong to the attribution before."""
    owned = {q for draft in drafts for q in draft.quotes}
    verb_starts = [d.verb.start for d in drafts]
    for sentence, verbs in free:
        k = bisect.bisect_left(verb_starts, sentence.start) - 1
        if k < 0:
            continue
        previous = drafts[k]
        quotes = [q for q in ctx.quotes_between(sentence.start, sentence.end)
                  if q not in owned and ctx.outer[q][1] <= sentence.end + 1]
        if not quotes:
            continue
        same_paragraph = previous.sentence.paragraph == sentence.paragraph
        runs_on = sentence.paragraph == previous.sentence.paragraph + 1 and any(
            ctx.quotes[q].continues for q in previous.quotes)
        fragment = False
        participles = [v for v in verbs if v.participle]
        if participles and same_paragraph:
            head = ctx.tokens(sentence.start, participles[0].start)[-_MAX_TOKENS:]
            fragment = bool(head) and head[-1].text == "," and _full(head[:-1], sentence.start) is not None
        if (same_paragraph or runs_on) and (fragment or not ctx.words_outside_quotes(sentence.start, sentence.end)):
            previous.quotes.extend(quotes)
            owned.update(quotes)


# ---------------------------------------------------------------------------------------------
# Step 4: resolving names, pronouns and descriptions
# ---------------------------------------------------------------------------------------------


@dataclass
class _Entity:
    name: str
    start: int
    paragraph: int
    person: bool
    plural: bool
    spoke: bool  # it is the source of an attribution
    title: str | None = None


class _People:
    """The named people of the article, with the gender the text gives them."""

    def __init__(self):
        self.title: dict[str, str | None] = {}
        self.gender: dict[str, str] = {}
        self.paragraph: dict[str, int] = {}
        self.count: dict[str, int] = {}
        self.by_last_word: dict[str, str] = {}

    def add(self, name: str, paragraph: int, title: str | None = None) -> None:
        if name not in self.paragraph:
            self.paragraph[name] = paragraph
            self.count[name] = 0
            self.title[name] = None
            if len(name.split()) > 1:
                self.by_last_word.setdefault(name.split()[-1], name)
        if title and not self.title[name]:
            self.title[name] = title

    def alias(self, word: str) -> str | None:
        """The full name of a person mentioned earlier by a short form ("Ruiz" -> "Ana Ruiz")."""
        return self.by_last_word.get(word)


def _narrative_names(ctx: _Context) -> list[_Entity]:
    """Capitalised names outside quotation marks (people and institutions), in reading order."""
    entities = []
    for sentence in ctx.article.sentences:
        toks = [t for t in ctx.tokens(sentence.start, sentence.end) if t.quote is None]
        i = 0
        while i < len(toks):
            tok = toks[i]
            if not (tok.is_cap and tok.is_word) and tok.low not in _TITLE_ABBR:
                i += 1
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if tok.low not in _TITLE_ABBR and _noun(tok.text) not in _INSTITUTION and not (
                    nxt is not None and (nxt.is_cap and nxt.is_word or nxt.low in _NAME_CONNECTORS)):
                i += 1  # a single capitalised word ("Baku", "Tensions") names no person and no institution
                continue
            start = i - 1 if i > 0 and toks[i - 1].low in _DETERMINERS else i
            mention, used = _parse_mention(toks[start:start + 25], sentence.start)
            if mention is None or mention.kind in {"pronoun", "one"}:
                i += 1
                continue
            if mention.kind == "name":
                words = mention.toks[mention.name_from:]
                words = words[:next((k + 1 for k, t in enumerate(words) if t.is_possessive), len(words))]
                name = re.sub(r"[’']s?$", "", _join(words))
                prep = toks[start - 1].low if start > 0 else ""
                person = mention.person and (mention.title is not None or prep not in _PLACE_PREPOSITIONS)
                entities.append(_Entity(name, words[0].start, sentence.paragraph, person, mention.plural, False,
                                        mention.title))
            else:  # "Nikol Pashinian’s spokesperson": the possessive names a person
                names = [k for k, t in enumerate(mention.toks) if t.is_cap and t.is_possessive]
                if names:
                    j = end = names[0]
                    while j > 0 and mention.toks[j - 1].is_cap:
                        j -= 1
                    words = mention.toks[j:end + 1]
                    if len(words) >= 2:
                        entities.append(_Entity(re.sub(r"[’']s?$", "", _join(words)), words[0].start,
                                                sentence.paragraph, True, False, False))
            i = start + max(used, 1)
    return entities


def _resolve(ctx: _Context, drafts: list[_Draft]) -> _People:
    """Set ``draft.source`` for every draft, in reading order; return the people and their gender."""
    names = _narrative_names(ctx)
    people = _People()
    for entity in names:
        if entity.person:
            people.add(entity.name, entity.paragraph, entity.title)
    events = sorted([(e.start, 0, n, e) for n, e in enumerate(names)] +
                    [(d.mention.start, 1, n, d) for n, d in enumerate(drafts)], key=lambda item: item[:3])
    seen: list[_Entity] = []
    by_word: dict[str, _Entity] = {}  # the latest name with this word in it (for "the ministry")
    by_title: dict[str, _Entity] = {}  # the latest person with this title (for "the prime minister")
    sentence_index = {s.start: k for k, s in enumerate(ctx.article.sentences)}

    def remember(entity: _Entity) -> None:
        seen.append(entity)
        for word in entity.name.split():
            by_word[_noun(word)] = entity
        if entity.person and entity.title:
            words = entity.title.lower().split()
            for k in range(len(words)):
                by_title[" ".join(words[k:])] = entity

    for offset, is_draft, _, item in events:
        if not is_draft:
            remember(item)
            continue
        draft: _Draft = item
        mention = draft.mention
        paragraph = draft.sentence.paragraph
        words = ctx.text[mention.start:mention.end]
        person, plural = mention.person, mention.plural
        if mention.kind == "name":
            source = words
            if " " not in words and people.alias(words):
                source, person = people.alias(words), True
            if person:
                people.add(source, paragraph, draft.title)
        elif mention.kind == "pronoun":
            pronoun = mention.toks[0].low
            target = _antecedent(seen, pronoun, paragraph, people)
            if target is None:
                source = f"{words} (unresolved)"
            else:
                source, person, plural = target.name, target.person, target.plural
                gender = PRONOUNS.get(pronoun, (None, None))[1]
                if person and gender in {"male", "female"}:
                    people.gender.setdefault(source, gender)
        elif mention.resolvable:
            described = by_title.get(_join(mention.toks[1:]).lower())
            if described is not None and described.paragraph >= paragraph - 1:
                source, person = described.name, True  # "the mayor" -> Mayor Ana Ruiz
            else:
                head = _noun(mention.toks[-1].text)
                source = _description_antecedent(ctx, by_word, head, draft, sentence_index) or _without_the(words)
        else:
            source = _without_the(words)
        if draft.gender_hint and person:
            people.gender.setdefault(source, draft.gender_hint)
        if person and source in people.count:
            people.count[source] += 1
        draft.source = source
        remember(_Entity(source, offset, paragraph, person, plural, True, draft.title))
    return people


def _without_the(words: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", words)


def _antecedent(seen: list[_Entity], pronoun: str, paragraph: int, people: _People) -> _Entity | None:
    """The nearest earlier entity a pronoun can stand for, in this paragraph or the one before.

    "he"/"she": the nearest person whose gender does not contradict the pronoun;
    if no person is named there, the nearest singular source (the seed's "He also
    said" is the ministry: French *il*).  "they": the nearest plural source.
    "it": the nearest singular source that is not a person.
    """
    number, gender = PRONOUNS.get(pronoun, ("singular", None))
    window = []
    for entity in reversed(seen[-200:]):
        if entity.paragraph < paragraph - 1:
            break
        window.append(entity)
    if number == "plural":
        return next((e for e in window if e.plural and e.spoke), None)
    if gender in {"male", "female"}:
        for e in window:
            if e.person and people.gender.get(e.name, gender) == gender:
                return e
    return next((e for e in window if e.spoke and not e.person and not e.plural), None)


def _description_antecedent(ctx: _Context, by_word: dict[str, _Entity], head: str, draft: _Draft,
                            sentence_index: dict[int, int]) -> str | None:
    """ "the ministry": the latest name with "ministry" in it if it is in the same paragraph; else a
    name that opens the next sentence (an apposition cut off by a full stop); else the latest before."""
    latest = by_word.get(head)
    paragraph = draft.sentence.paragraph
    if latest is not None and latest.paragraph == paragraph:
        return latest.name
    sentences = ctx.article.sentences
    k = sentence_index.get(draft.sentence.start)
    if k is not None and k + 1 < len(sentences) and sentences[k + 1].paragraph == paragraph:
        nxt = sentences[k + 1]
        toks = ctx.tokens(nxt.start, nxt.end)[:25]
        mention, used = _parse_mention(toks, nxt.start)
        if mention is not None and mention.kind == "name" and used < len(toks) and toks[used].text == ",":
            name = ctx.text[mention.start:mention.end]
            if head in {_noun(w) for w in name.split()}:
                return name
    return latest.name if latest is not None else None


# ---------------------------------------------------------------------------------------------
# The public functions
# ---------------------------------------------------------------------------------------------


def _analyse(article) -> tuple[_Context, list[_Draft], _People]:
    ctx = _Context(as_article(article))
    drafts: list[_Draft] = []
    free = []
    for sentence in ctx.article.sentences:
        verbs = _verbs_in(ctx, sentence)
        found = _attributions_in_sentence(ctx, sentence, verbs)
        if found:
            _finish_sentence(ctx, sentence, found, verbs)
            drafts.extend(found)
        else:
            free.append((sentence, verbs))
    _attach_continuations(ctx, drafts, free)
    people = _resolve(ctx, drafts)
    return ctx, drafts, people


def _freeze(ctx: _Context, draft: _Draft) -> Attribution:
    mention = draft.mention
    quotes = sorted(set(draft.quotes), key=lambda q: ctx.quotes[q].start)
    spans = tuple((ctx.quotes[q].start, ctx.quotes[q].end) for q in quotes)
    first = ctx.quotes[quotes[0]] if quotes else None
    return Attribution(
        speaker=ctx.text[mention.start:mention.end], start=mention.start, end=mention.end,
        source=draft.source, verb=draft.verb.text, kind=draft.kind,
        quote=first.text if first else None, quote_start=first.start if first else None,
        quote_end=first.end if first else None, channel=draft.channel, paragraph=draft.sentence.paragraph,
        sentence=str(draft.sentence), quotes=spans, mention=mention.kind, title=draft.title,
        verb_start=draft.verb.start, verb_end=draft.verb.end,
    )


def find_attributions(article) -> list[Attribution]:
    """Every attribution in the body of ``article`` (an :class:`Article` or a string), in reading order.

    >>> [(a.source, a.verb, a.kind) for a in find_attributions('Title\\n\\n“We will stay,” the mayor said.')]
    [('mayor', 'said', 'direct')]
    """
    article = as_article(article)
    found = article.__dict__.get("_attributions")  # an Article never changes: reuse what was found
    if found is None:
        ctx, drafts, _ = _analyse(article)
        found = article.__dict__["_attributions"] = tuple(_freeze(ctx, d) for d in drafts)
    return list(found)


def find_people(article) -> list[Person]:
    """The named people of the body, in order of first mention: title, gender as the text states it,
    and how many attributions they have (0: they are named, or act, but do not speak).

    A person is a capitalised name with a title ("Mayor Ana Ruiz"), in apposition to
    one ("The head of EU diplomacy, Josep Borrell"), or a name of two to four
    capitalised words that is not an institution or a place ("with Emmanuel Macron").
    """
    _, _, people = _analyse(article)
    return [Person(name, people.title.get(name), people.gender.get(name, "not stated"), people.paragraph[name],
                   people.count.get(name, 0))
            for name in sorted(people.paragraph, key=lambda n: people.paragraph[n])]


def source_table(article) -> pd.DataFrame:
    """One row per attribution: who, how (verb, rating, kind, channel), the first quotation and the sentence.

    ``quoted words`` counts the words of all the attribution's quotations.  Save the
    table for a spreadsheet with ``.to_csv(...)`` or :func:`export_source_table`.
    """
    article = as_article(article)
    rows = []
    for a in find_attributions(article):
        words = sum(len(WORD.findall(article.text, s, e)) for s, e in a.quotes)
        rows.append({
            "paragraph": a.paragraph, "speaker": a.speaker, "source": a.source, "mention": a.mention,
            "title": a.title or "", "verb": a.verb, "rating": a.rating, "kind": a.kind,
            "channel": a.channel or "", "medium": channel_medium(a.channel), "quote": a.quote or "",
            "quotations": len(a.quotes), "quoted words": words, "start": a.start, "sentence": a.sentence,
        })
    table = pd.DataFrame(rows, columns=_TABLE_COLUMNS)
    table.index = range(1, len(table) + 1)
    return table


_TABLE_COLUMNS = ["paragraph", "speaker", "source", "mention", "title", "verb", "rating", "kind", "channel",
                  "medium", "quote", "quotations", "quoted words", "start", "sentence"]


def export_source_table(article, path) -> Path:
    """Write the source table to ``path`` as CSV (UTF-8 with a byte-order mark, so spreadsheets read it)."""
    from .files import write_text  # atomic: an error (text that cannot be encoded, ...) leaves the old file whole

    path = Path(path)
    write_text(path, source_table(article).to_csv(index_label="row", lineterminator="\n"), encoding="utf-8-sig",
               newline="\n")
    return path


def seed_sources(path: Path | str = DATA_DIR / "seed_sources.csv") -> pd.DataFrame:
    """The course article's sources with their side and type (``helpers/data/seed_sources.csv``).

    For another article, copy the file, write one row per source and pass its path.
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False)[["source", "side", "type", "note"]]


def add_sides(table: pd.DataFrame, sides: pd.DataFrame | None = None) -> pd.DataFrame:
    """The source table with ``side`` and ``type`` columns from a sides table ("not classified" if missing)."""
    sides = seed_sources() if sides is None else sides
    side = dict(zip(sides["source"], sides["side"]))
    kind = dict(zip(sides["source"], sides["type"]))
    out = table.copy()
    out["side"] = [side.get(s, "not classified") for s in out["source"]]
    out["type"] = [kind.get(s, "not classified") for s in out["source"]]
    return out
