"""Close-reading tables: the structure of an article and the claims to trace.

These functions turn an :class:`~helpers.article.Article` into small pandas
tables a student can sort and read.  Each row carries its evidence: the
paragraph number and the sentence it comes from.

* :func:`paragraph_table`  -- one row per body paragraph (words, sentences, quoted share)
* :func:`sentence_table`   -- one row per sentence (words)
* :func:`quote_table`      -- one row per quotation (words, marks, flags)
* :func:`proper_names`     -- capitalised names (people, places, institutions) and how often they appear
* :func:`time_expressions` -- days, months, years and durations: the article's timeline
* :func:`number_claims`    -- every number in the body: figures worth tracing to their source
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from .article import WORD, Article
from .text import shorten
from .quotes import find_quotes, quoted_share

__all__ = [
    "paragraph_table", "sentence_table", "quote_table", "proper_names", "time_expressions",
    "number_claims", "WEEKDAYS", "MONTHS", "NUMBER_WORDS", "NAME_CONNECTORS",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
#: Number words a reporter may spell out (figures are found as digits too).
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                "millions", "both"]
#: Small words allowed inside a name: "Republic of Artsakh", "Ministry of Foreign Affairs".
NAME_CONNECTORS = ["of", "of the", "for", "de", "von", "van", "al-", "el-"]
_DURATION_UNITS = r"(?:day|week|month|year|decade|hour|minute)s?"
_TIME = re.compile(
    r"\b(?:(?:this|last|next|on|since|until)\s+)?(?:%s)\b" % "|".join(WEEKDAYS)
    + r"|\b(?:in\s+|since\s+)?(?:%s)(?:\s+\d{4})?\b" % "|".join(MONTHS)
    + r"|\b(?:1[89]\d\d|20\d\d)\b"
    + r"|\b(?:(?:a\s+few|several|%s|\d+)\s+%s(?:\s+(?:ago|later|earlier|after|before))?)\b"
    % ("|".join(NUMBER_WORDS[:12]), _DURATION_UNITS)
    + r"|\b(?:today|yesterday|tomorrow|earlier|later|then|now|at the start of the (?:morning|afternoon|evening|day))\b",
    re.IGNORECASE,
)
#: Capitalised function words that start a run of capitals without being part of the name.
_LEADING = re.compile(r"^(?:(?:The|A|An|This|That|These|Those|His|Her|Its|Their|Our|For|In|At|On|As|"
                      r"According|Furthermore|However|Meanwhile)\s+)+")
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:%s)\b" % "|".join(NUMBER_WORDS[:-1]), re.IGNORECASE)


def _kind_of_time(text: str) -> str:
    low = text.lower()
    if any(day.lower() in low for day in WEEKDAYS):
        return "weekday"
    if any(month.lower() in low for month in MONTHS):
        return "month"
    if re.fullmatch(r"\d{4}", text):
        return "year"
    if re.search(_DURATION_UNITS, low):
        return "duration"
    return "relative"


def paragraph_table(article: Article) -> pd.DataFrame:
    """One row per body paragraph: words, sentences, share of words in quotation marks, its opening."""
    rows = []
    for index, paragraph in enumerate(article.paragraphs):
        rows.append({
            "paragraph": index,
            "words": len(WORD.findall(paragraph)),
            "sentences": len(article.sentences_in(index)),
            "quoted share": round(quoted_share(paragraph), 2),
            "opening": shorten(paragraph, 70),
        })
    return pd.DataFrame(rows, columns=["paragraph", "words", "sentences", "quoted share", "opening"]).set_index("paragraph")


def sentence_table(article: Article) -> pd.DataFrame:
    """One row per body sentence: its paragraph, length in words and text."""
    rows = [{"sentence": k, "paragraph": s.paragraph, "words": len(WORD.findall(s)), "text": str(s)}
            for k, s in enumerate(article.sentences)]
    return pd.DataFrame(rows, columns=["sentence", "paragraph", "words", "text"]).set_index("sentence")


def quote_table(article: Article) -> pd.DataFrame:
    """One row per quotation in the article: where it is, how long, which marks, any flag."""
    rows = []
    for q in find_quotes(article):
        paragraph = article.paragraph_at(q.start)
        flags = [name for name, on in (("mixed marks", q.mixed), ("never closed", q.unbalanced),
                                       ("continues", q.continues), ("nested", q.level > 0)) if on]
        rows.append({
            "where": "headline" if article.title is not None and article.title.start <= q.start < article.title.end
            else ("body" if paragraph is not None else "subheading"),
            "paragraph": paragraph,
            "words": len(WORD.findall(q.text)),
            "marks": f"{q.open_mark} {q.close_mark or '(none)'}",
            "quote": q.text,
            "flag": ", ".join(flags),
        })
    table = pd.DataFrame(rows, columns=["where", "paragraph", "words", "marks", "quote", "flag"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    table.index = range(1, len(table) + 1)
    return table


def proper_names(article: Article, min_mentions: int = 1) -> pd.DataFrame:
    """Capitalised names in the headline and body, most mentioned first.

    A name is a run of capitalised words, which may contain the small words in
    ``NAME_CONNECTORS`` ("Ministry of Defense").  A capitalised word that only
    ever appears at the start of a sentence ("Tensions", "Yesterday") is not
    counted: capitals there are grammar, not names.  This is a rough, readable
    rule -- it finds "Nikol Pashinian" and "Stepanakert"; it also finds
    adjectives such as "Armenian", and it cuts "French" from "French Ministry
    of Foreign Affairs" when that phrase opens a sentence.
    """
    starts_of_sentences = {s.start + (len(s) - len(s.lstrip("“\"«‘'(["))) for s in article.sentences}
    texts = ([article.title] if article.title is not None else []) + list(article.paragraphs)
    connector = "|".join(re.escape(c) for c in sorted(NAME_CONNECTORS, key=len, reverse=True))
    cap = r"(?:[A-Z][\w’'-]*)"
    pattern = re.compile(rf"{cap}(?:\s+(?:(?:{connector})\s+)?{cap})*")
    # First pass: which capitalised words ever appear in the middle of a sentence?
    runs: list[tuple[str, int, bool]] = []
    mid_sentence_words: set[str] = set()
    for block in texts:
        for m in pattern.finditer(block):
            offset = block.start + m.start()
            at_start = offset in starts_of_sentences or m.start() == 0
            runs.append((m.group(0), offset, at_start))
            words = m.group(0).split()
            mid_sentence_words.update(words if not at_start else words[1:])
    # Second pass: at the start of a sentence, drop leading words never capitalised elsewhere.
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for run, offset, at_start in runs:
        name = _LEADING.sub("", run)
        offset += len(run) - len(name)
        if at_start:
            words = name.split()
            while words and words[0] not in mid_sentence_words:
                offset += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
        name = re.sub(r"’s$|'s$", "", name)
        if not name or not name[0].isupper() or name.split()[-1] in NAME_CONNECTORS:
            continue
        counts[name] += 1
        first.setdefault(name, offset)
    rows = []
    for name, n in counts.items():
        if n < min_mentions:
            continue
        offset = first[name]
        sentence = article.sentence_at(offset)
        rows.append({"name": name, "mentions": n,
                     "first paragraph": article.paragraph_at(offset),
                     "first seen in": shorten(article.sentences[sentence], 90) if sentence is not None else "(headline)"})
    table = pd.DataFrame(rows, columns=["name", "mentions", "first paragraph", "first seen in"])
    table["first paragraph"] = table["first paragraph"].astype("Int64")
    order = table.assign(_first=[first[n] for n in table["name"]]).sort_values(["mentions", "_first"], ascending=[False, True])
    table = order.drop(columns="_first").reset_index(drop=True)
    table.index = range(1, len(table) + 1)
    return table


def time_expressions(article: Article) -> pd.DataFrame:
    """Every day, month, year and duration in the body, in reading order, with its sentence."""
    rows = []
    for k, sentence in enumerate(article.sentences):
        for m in _TIME.finditer(sentence):
            rows.append({"expression": m.group(0), "kind": _kind_of_time(m.group(0)), "paragraph": sentence.paragraph,
                         "sentence": k, "evidence": shorten(sentence, 100)})
    table = pd.DataFrame(rows, columns=["expression", "kind", "paragraph", "sentence", "evidence"])
    table.index = range(1, len(table) + 1)
    return table


def number_claims(article: Article) -> pd.DataFrame:
    """Every number in the body (digits or number words) with its sentence: the figures to trace.

    Years are left out (see :func:`time_expressions`).  Whether a figure sits
    inside quotation marks tells you if the reporter gives it or a source does.
    """
    quotes = [(q.start, q.end) for q in find_quotes(article) if q.level == 0]
    rows = []
    for k, sentence in enumerate(article.sentences):
        for m in _NUMBER.finditer(sentence):
            value = m.group(0).rstrip(".,")
            if re.fullmatch(r"(?:1[89]\d\d|20\d\d)", value):
                continue
            offset = sentence.start + m.start()
            rows.append({"number": value, "paragraph": sentence.paragraph, "sentence": k,
                         "in quotation marks": any(a <= offset < b for a, b in quotes),
                         "evidence": shorten(sentence, 110)})
    table = pd.DataFrame(rows, columns=["number", "paragraph", "sentence", "in quotation marks", "evidence"])
    table.index = range(1, len(table) + 1)
    return table
