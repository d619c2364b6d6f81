"""Close reading: an article's history, its structure, its names and dates, its figures and voices.

These functions turn an :class:`~helpers.article.Article` into small pandas
tables a student can read.  Each row carries its evidence: where it is and the
words it comes from.  Paragraphs and sentences are **numbered as a reader
counts them: paragraph 1 is the first body paragraph** (the headline and the
subheadings are not body paragraphs).  Inside Python, ``article.paragraphs[0]``
is still that first paragraph: only the numbers shown in tables start at 1.

The text's history (section 1 of notebook 01)

* :func:`first_and_last_lines` -- the file as received, its first and last lines
* :func:`quote_marks`          -- every kind of quotation mark, and how often the text uses it
* :func:`occurrences`          -- how often a string stands as a word, or inside longer words
* :func:`dating_clues`         -- what the text itself says about when it was written
* :func:`artefact_table`       -- the inventory of copying and translation artefacts
  (``helpers/data/artefacts.csv``; :func:`artefact_markdown` writes it for ``seeds/README.md``)

Headline and figures

* :func:`number_claims`     -- every figure, what it counts and in whose voice it stands
* :func:`figures_to_trace`  -- the figures worth tracing: casualties and counts of people
* :func:`headline_figures`  -- the headline's figures against the body's: the attribution gap

Structure

* :func:`structure_summary`, :func:`paragraph_table`, :func:`sentence_table`

Names and time

* :func:`proper_names`     -- capitalised names and how often they appear
* :func:`actor_mentions`   -- the names grouped by actor (``helpers/data/actor_groups.csv``): who is talked about
* :func:`actor_chart`      -- the same as bars, most mentioned first
* :func:`time_expressions` -- days, months, years and durations: the article's timeline
* :func:`course_events`    -- the course article's events in time order, and how each ordering is known

Voices

* :func:`quote_table`   -- one row per quotation
* :func:`short_quotes`  -- quotations of a few words: partial quotations (a source's words) or scare quotes?

Every function reads the text once and then works sentence by sentence, so
its time grows in proportion to the length of the text (``tests/bench_reading.py``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter

import pandas as pd

from .article import WORD, Article, as_article
from .datafiles import read_csv
from .quotes import QUOTE_MARKS, editorial_insertions
from .text import shorten

__all__ = [
    "paragraph_table", "sentence_table", "quote_table", "short_quotes", "structure_summary",
    "first_and_last_lines", "proper_names", "actor_mentions", "actor_chart", "non_actor_names", "time_expressions",
    "dating_clues", "course_events", "event_summary", "number_claims", "figures_to_trace",
    "headline_figures", "quote_marks", "occurrences", "load_artefacts", "artefact_table",
    "artefact_markdown", "WEEKDAYS", "MONTHS", "NUMBER_WORDS", "NAME_CONNECTORS", "VOICES",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = ["dozens", "hundreds", "thousands", "millions", "billions"]
#: Number words a reporter may spell out (figures are found as digits too).
NUMBER_WORDS = _UNITS + _TENS + list(_SCALES) + ["dozen"] + _VAGUE
#: Small words allowed inside a name: "Republic of Artsakh", "Ministry of Foreign Affairs".
NAME_CONNECTORS = ["of", "of the", "for", "de", "von", "van", "al-", "el-"]
#: The voices a figure can stand in.
VOICES = {
    "quoted": "inside quotation marks: a source's words (as translated)",
    "reported speech": "in a clause a reporting verb credits to a source: the source's claim in the reporter's words",
    "narrator": "the reporter's (in the headline, the outlet's) own voice",
}

_DURATION_UNITS = r"(?:day|week|month|year|decade|hour|minute)s?"
_TIME = re.compile(
    r"\b(?:(?:this|last|next|on|since|until)\s+)?(?:%s)\b" % "|".join(WEEKDAYS)
    + r"|\b(?:in\s+|since\s+)?(?:%s)(?:\s+\d{4})?\b" % "|".join(MONTHS)
    + r"|\b(?:1[89]\d\d|20\d\d)\b"
    + r"|\b(?:(?:a\s+few|several|%s|\d+)\s+%s(?:\s+(?:ago|later|earlier|after|before))?)\b"
    % ("|".join(_UNITS[1:13]), _DURATION_UNITS)
    + r"|\b(?:today|yesterday|tomorrow|earlier|later|then|now|at the start of the (?:morning|afternoon|evening|day))\b",
    re.IGNORECASE,
)
#: Capitalised function words that start a run of capitals without being part of the name.
_LEADING = re.compile(r"^(?:(?:The|A|An|This|That|These|Those|His|Her|Its|Their|Our|For|In|At|On|As|"
                      r"According|Furthermore|However|Meanwhile)\s+)+")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)*(?:\s+(?:%s))?(?![\w])" % "|".join(_SCALES)
    + r"|\b(?:%s)(?:(?:\s+|-)(?:%s))*\b" % (_NUMBER_WORD, _NUMBER_WORD),
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)")
_CLAUSE_END = re.compile(r"[,;:.!?…—–]|\s[-–—]\s")
_OPENING_MARKS = "“«„\"‘‹"
_CLOSING_MARKS = "”»’›\""
#: Words before a reporting-verb form that make it a noun ("the states", "two reports").
_NOT_A_VERB_AFTER = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                     "my", "your", "member", "many", "some", "all", "both", "of", "two", "three", "several",
                     "news", "press", "media"}
_PLATFORM_RENAMED = re.compile(r"\bX\s*\((?:ex-|formerly\s+)Twitter\)|\bX,?\s+(?:formerly|ex-)\s*(?:known\s+as\s+)?Twitter\b")

ARTEFACTS_FILE = "artefacts.csv"
ACTOR_GROUPS_FILE = "actor_groups.csv"
FIGURE_WORDS_FILE = "figure_words.csv"
NOT_AN_ACTOR = "(not an actor)"


# --- small shared pieces -------------------------------------------------------------------------

def _clip(text, width: int) -> str:
    """:func:`helpers.text.shorten`, reading only the start of ``text``: a long sentence costs no more than a short one."""
    if len(text) <= 4 * width:
        return shorten(text, width)
    head = " ".join(str(text[: 4 * width]).split())
    return head[: width - 1].rstrip() + "…" if len(head) >= width else head + "…"


def _number(index: int | None):
    """A 0-based index as a reader's number (from 1); None stays missing."""
    return None if index is None else index + 1


def _quote_spans(article: Article) -> tuple[list[int], list[tuple[int, int]]]:
    """The article's outer quotations as sorted (start, end) spans, and their starts (for bisect)."""
    spans = sorted((q.start, q.end) for q in article.quotes if q.level == 0)
    return [a for a, _ in spans], spans


def _inside(offset: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and offset < spans[k][1]


def _merged_spans(spans) -> list[tuple[int, int]]:
    """(start, end) spans sorted, overlapping ones merged: for :func:`_inside`."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _masked(article: Article, start: int, end: int, starts, spans) -> str:
    """article.text[start:end] with the quoted words blanked out (same length, offsets kept)."""
    text = list(article.text[start:end])
    k = max(bisect.bisect_right(starts, start) - 1, 0)
    while k < len(spans) and spans[k][0] < end:
        a, b = spans[k]
        for i in range(max(a, start), min(b, end)):
            text[i - start] = " "
        k += 1
    return "".join(text)


def _blocks(article: Article):
    """(where, paragraph index, sentence index, span) for the headline, the subheadings and each body sentence."""
    if article.title is not None:
        yield "headline", None, None, article.title
    for heading in article.subheadings:
        yield "subheading", None, None, heading
    for k, sentence in enumerate(article.sentences):
        yield "body", sentence.paragraph, k, sentence


def _where(article: Article, offset: int) -> str:
    """"headline", "subheading" or "paragraph N" (counted from 1) for an offset of the text."""
    if article.title is not None and article.title.start <= offset < article.title.end:
        return "headline"
    paragraph = article.paragraph_at(offset)
    return "subheading" if paragraph is None else f"paragraph {paragraph + 1}"


# --- reporting cues (reported speech) ------------------------------------------------------------

def _reporting_forms(rows=None) -> list[str]:
    """Every form of the course's reporting verbs (``helpers/data/reporting_verbs.csv``), longest first."""
    forms = set()
    for row in read_csv("reporting_verbs.csv") if rows is None else rows:
        verb = (row.get("verb") or "").strip()
        for column in ("forms", "participles"):
            words = (row.get(column) or "").split()
            if " " in verb:  # "called on calls on": pairs of words
                forms.update(" ".join(words[k:k + 2]) for k in range(0, len(words), 2))
            else:
                forms.update(words)
    forms.add("according to")
    return sorted((f for f in forms if f), key=len, reverse=True)


_cues_cache: list = [None, None]  # [the rows read, their pattern]: rebuilt when the verb list changes


def _cue_pattern() -> re.Pattern:
    rows = read_csv("reporting_verbs.csv")
    if _cues_cache[0] is not rows:
        alternatives = "|".join(re.escape(f) for f in _reporting_forms(rows))
        _cues_cache[:] = [rows, re.compile(rf"\b(?:{alternatives}|According to)\b")]
    return _cues_cache[1]


def _reporting_cues(masked: str) -> list[re.Match]:
    """The reporting verbs of a sentence whose quoted words are blanked (nouns such as "the states" left out)."""
    cues = []
    for match in _cue_pattern().finditer(masked):
        before = WORD.findall(masked[max(0, match.start() - 30):match.start()])
        if before and before[-1].lower() in _NOT_A_VERB_AFTER:
            continue
        cues.append(match)
    return cues


class _Scopes:
    """The parts of one sentence that a reporting verb credits to a source.

    * "according to X" covers the whole sentence;
    * a verb covers what follows it ("Baku warned that ... six people");
    * a verb that ends its clause, with no "that" and no quotation after it, also covers what
      comes before ("Six people died, the ministry said").  "Armenia denounces “ethnic
      cleansing”" does not reach back: its object follows it.

    ``cue(position)`` gives the verb that covers a position of the sentence ("" if none), in
    time that does not grow with the number of verbs (a bisection).
    """

    def __init__(self, text: str, masked: str):
        self.forward: list[tuple[int, str]] = []   # (where the verb ends, verb): covers what follows
        self.backward: list[tuple[int, str]] = []  # (where the verb starts, verb): covers what precedes
        self.whole = ""
        for match in _reporting_cues(masked):
            cue = match.group(0)
            if cue.lower() == "according to":
                self.whole = self.whole or cue
                continue
            self.forward.append((match.end(), cue))
            end_of_clause = _CLAUSE_END.search(masked, match.end(), match.end() + 200)
            after = text[match.end():end_of_clause.start() if end_of_clause else match.end() + 200]
            if not re.search(r"\bthat\b", after) and not any(mark in after for mark in _OPENING_MARKS):
                self.backward.append((match.start(), cue))
        self._forward_ends = [end for end, _ in self.forward]
        self._backward_starts = [start for start, _ in self.backward]

    def cue(self, position: int) -> str:
        k = bisect.bisect_right(self._forward_ends, position) - 1
        if k >= 0:
            return self.forward[k][1]
        k = bisect.bisect_right(self._backward_starts, position)
        if k < len(self.backward):
            return self.backward[k][1]
        return self.whole


# --- figures -------------------------------------------------------------------------------------

def _figure_words() -> dict[str, str]:
    return {row["word"].strip().lower(): row["counts"].strip() for row in read_csv(FIGURE_WORDS_FILE)
            if row.get("word")}


def _value(text: str):
    """The value of a figure as written ("23", "twenty-three", "4.2 million"); None for "thousands"."""
    low = text.lower().replace(",", "")
    digits = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\w+))?", low)
    if digits:
        value = float(digits.group(1)) * _SCALES.get(digits.group(2) or "", 1)
        return int(value) if value == int(value) else value
    total = current = 0
    for word in re.split(r"[\s-]+", low):
        if word in _VAGUE:
            return None
        if word == "dozen":
            current = (current or 1) * 12
        elif word in _UNITS:
            current += _UNITS.index(word)
        elif word in _TENS:
            current += 20 + 10 * _TENS.index(word)
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
    return total + current


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Up to three words after the figure and four before it, inside its clause (stopping at and/or/but)."""
    stop = _CLAUSE_END.search(text, end, end + 80)
    after = WORD.findall(text[end:stop.start() if stop else end + 80])[:3]
    for k, word in enumerate(after):
        if word.lower() in ("and", "or", "but"):
            after = after[:k]
            break
    head = text[max(0, start - 120):start]
    cuts = list(_CLAUSE_END.finditer(head))
    before = WORD.findall(head[cuts[-1].end():] if cuts else head)
    for k in range(len(before) - 1, -1, -1):
        if before[k].lower() in ("and", "or", "but"):
            before = before[k + 1:]
            break
    return after, before[-4:]


def _counts(after: list[str], before: list[str], words: dict[str, str]) -> str:
    """What a figure counts: "duration", "casualties", "people" or "other"."""
    if after and re.fullmatch(_DURATION_UNITS, after[0], re.IGNORECASE):
        return "duration"
    near = [w.lower() for w in after + before]
    if any(words.get(w) == "casualties" for w in near):
        return "casualties"
    if any(words.get(w) == "people" for w in near) or any(
            re.fullmatch(r"[A-Z]\w+(?:ians|ans|is|ese)", w) for w in after[:2]):
        return "people"
    return "other"


def _phrase(number: str, after: list[str], counts: str, words: dict[str, str]) -> str:
    """The figure with the word it counts, when that word follows it: "two dead", "thousands of civilians"."""
    def counted(word: str) -> bool:
        return bool(words.get(word.lower()) or re.fullmatch(_DURATION_UNITS, word, re.IGNORECASE)
                    or re.fullmatch(r"[A-Z]\w+(?:ians|ans|is|ese)", word))

    if counts == "other" or not after:
        return number
    if after[0].lower() == "of" and len(after) > 1 and counted(after[1]):
        return f"{number} of {after[1]}"
    return f"{number} {after[0]}" if counted(after[0]) else number


def _figures(article: Article) -> list[dict]:
    """Every figure of the headline, subheadings and body, with what it counts and its voice."""
    starts, spans = _quote_spans(article)
    words = _figure_words()
    rows = []
    for where, paragraph, sentence, span in _blocks(article):
        masked = None
        for m in _NUMBER.finditer(span):
            number = m.group(0)
            if _YEAR.fullmatch(number):
                continue
            after, before = _words_around(span, m.start(), m.end())
            counts = _counts(after, before, words)
            if number.lower() == "one" and counts == "other":
                continue  # "one of them", "no one": not a figure
            offset = span.start + m.start()
            if _inside(offset, starts, spans):
                voice, cue = "quoted", ""
            else:
                if masked is None:
                    masked = _masked(article, span.start, span.end, starts, spans)
                    scopes = _Scopes(str(span), masked)
                cue = scopes.cue(m.start())
                voice = "reported speech" if cue else "narrator"
            rows.append({"where": where, "paragraph": _number(paragraph), "sentence": _number(sentence),
                         "figure": _phrase(number, after, counts, words), "value": _value(number),
                         "counts": counts, "voice": voice, "cue": cue, "offset": offset, "text": span})
    return rows


_FIGURE_COLUMNS = ["where", "paragraph", "sentence", "figure", "counts", "voice", "evidence"]


def _figure_table(rows: list[dict], columns=_FIGURE_COLUMNS) -> pd.DataFrame:
    table = pd.DataFrame(
        [{**r, "voice": f"{r['voice']} ({r['cue']})" if r["cue"] else r["voice"], "evidence": _clip(r["text"], 110)}
         for r in rows], columns=list(_FIGURE_COLUMNS))
    for column in ("paragraph", "sentence"):
        table[column] = table[column].astype("Int64")
    table.index = range(1, len(table) + 1)
    return table[columns]


def number_claims(article) -> pd.DataFrame:
    """Every figure in the headline, subheadings and body (digits or number words), in reading order.

    Columns: ``where`` (headline, subheading, body), ``paragraph`` and ``sentence`` (from 1),
    ``figure`` (with the word it counts: "two dead"), ``counts`` (casualties, people, duration,
    other), ``voice`` and ``evidence`` (the sentence).  The voice says who gives the figure:

    * ``quoted``: inside quotation marks, a source's words;
    * ``reported speech (warned)``: in a clause a reporting verb credits to a source, as in
      "Baku had earlier warned that ... the death of six people": the source's claim;
    * ``narrator``: the reporter's own voice (in the headline, the outlet's).

    Years are left out (see :func:`time_expressions`), and so is "one" when it counts nothing
    ("one of them").  The rules are rough and visible: "counts" looks at the three words after
    the figure and the four before it, in its clause, for the words of ``helpers/data/figure_words.csv``.
    """
    return _figure_table(_figures(as_article(article)))


def figures_to_trace(article) -> pd.DataFrame:
    """The figures worth tracing to their source: casualties and counts of people (not durations, not
    "two countries").  The same columns as :func:`number_claims`, without ``sentence``."""
    rows = [r for r in _figures(as_article(article)) if r["counts"] in ("casualties", "people")]
    return _figure_table(rows, ["where", "paragraph", "figure", "counts", "voice", "evidence"])


def _same_figure(a: dict, b: dict) -> bool:
    same_value = a["value"] == b["value"] if a["value"] is not None else a["figure"].split()[0].lower() == \
        b["figure"].split()[0].lower()
    kinds = {a["counts"], b["counts"]}
    return same_value and (kinds <= {"casualties", "people"} or len(kinds) == 1)


def headline_figures(article) -> pd.DataFrame:
    """The headline's figures, each beside the body's figures of the same value and kind.

    The ``finding`` column names a **headline-versus-body attribution gap**: a figure the headline
    states in its own voice while the body gives it only inside quotation marks or in reported speech,
    that is only as a source's claim.  Other findings: "attributed in the headline too", "the body
    states it too" (in the reporter's own voice), "not in the body".
    """
    article = as_article(article)
    rows = _figures(article)
    headline = [r for r in rows if r["where"] == "headline"]
    body = [r for r in rows if r["where"] == "body"]
    out = []
    for figure in headline:
        matches = [r for r in body if _same_figure(figure, r)]
        voices = list(dict.fromkeys(r["voice"] for r in matches))
        if figure["voice"] != "narrator":
            finding = "attributed in the headline too"
        elif not matches:
            finding = "not in the body: ask where the figure comes from"
        elif "narrator" in voices:
            finding = "the body states it too"
        else:
            finding = "stated in the headline, only attributed in the body"
        first = matches[0] if matches else None
        out.append({"figure": figure["figure"], "counts": figure["counts"], "in the headline": figure["voice"],
                    "in the body": ", ".join(voices) or "(not found)",
                    "paragraph": first["paragraph"] if first else None,
                    "body evidence": _clip(first["text"], 100) if first else "",
                    "finding": finding})
    table = pd.DataFrame(out, columns=["figure", "counts", "in the headline", "in the body", "paragraph",
                                       "body evidence", "finding"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    table.index = range(1, len(table) + 1)
    return table


# --- structure -----------------------------------------------------------------------------------

def first_and_last_lines(article, lines: int = 3) -> str:
    """The file's name and size, then its first and last ``lines`` lines, exactly as received."""
    article = as_article(article)
    text_lines = article.text.splitlines()
    return "\n".join([f"{article.name}: {len(article.text)} characters, {len(text_lines)} lines",
                      "--- first lines ---", *text_lines[:lines], "--- last lines ---", *text_lines[-lines:]])


def structure_summary(article) -> str:
    """The headline, each subheading (with the paragraph it comes before) and the body's size."""
    article = as_article(article)
    lines = [f"Headline:    {article.title if article.title is not None else '(none)'}"]
    starts = [p.start for p in article.paragraphs]
    for heading in article.subheadings:
        before = bisect.bisect_right(starts, heading.start)
        where = f"before paragraph {before + 1}" if before < len(starts) else "after the last paragraph"
        lines.append(f"Subheading:  {heading} ({where})")
    lines.append(f"{len(article.paragraphs)} body paragraphs, {len(article.sentences)} sentences, "
                 f"{len(article.words)} words")
    return "\n".join(lines)


def paragraph_table(article) -> pd.DataFrame:
    """One row per body paragraph (numbered from 1): words, sentences, share of words in quotation marks, opening."""
    article = as_article(article)
    sentences = Counter(s.paragraph for s in article.sentences)
    starts, spans = _quote_spans(article)
    # the outlet's words inside quotation marks are not quoted: one sorted list of their (merged) spans
    inserted = _merged_spans((i.start, i.end) for i in editorial_insertions(article))
    inserted_starts = [a for a, _ in inserted]
    rows = []
    for index, paragraph in enumerate(article.paragraphs):
        words = [m.start() + paragraph.start for m in WORD.finditer(paragraph)]
        inside = sum(_inside(w, starts, spans) and not _inside(w, inserted_starts, inserted) for w in words)
        rows.append({
            "paragraph": index + 1,
            "words": len(words),
            "sentences": sentences.get(index, 0),
            "quoted share": round(inside / len(words), 2) if words else 0.0,
            "opening": _clip(paragraph, 70),
        })
    return pd.DataFrame(rows, columns=["paragraph", "words", "sentences", "quoted share", "opening"]).set_index("paragraph")


def sentence_table(article) -> pd.DataFrame:
    """One row per body sentence (numbered from 1): its paragraph (from 1), length in words and text."""
    article = as_article(article)
    rows = [{"sentence": k + 1, "paragraph": s.paragraph + 1, "words": len(WORD.findall(s)), "text": str(s)}
            for k, s in enumerate(article.sentences)]
    return pd.DataFrame(rows, columns=["sentence", "paragraph", "words", "text"]).set_index("sentence")


# --- voices --------------------------------------------------------------------------------------

def quote_table(article) -> pd.DataFrame:
    """One row per quotation: where it is (paragraph from 1), how long, which marks, any flag."""
    article = as_article(article)
    rows = []
    for q in article.quotes:
        paragraph = article.paragraph_at(q.start)
        flags = [name for name, on in (("mixed marks", q.mixed), ("never closed", q.unbalanced),
                                       ("continues", q.continues), ("nested", q.level > 0)) if on]
        rows.append({
            "where": _where(article, q.start).split()[0].replace("paragraph", "body"),
            "paragraph": _number(paragraph),
            "words": len(WORD.findall(q.text)),
            "marks": f"{q.open_mark} {q.close_mark or '(none)'}",
            "quote": _clip(q.text, 90),
            "flag": ", ".join(flags),
        })
    table = pd.DataFrame(rows, columns=["where", "paragraph", "words", "marks", "quote", "flag"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    table.index = range(1, len(table) + 1)
    return table


def short_quotes(article, max_words: int = 3) -> pd.DataFrame:
    """Quotations of at most ``max_words`` words, each with the reporting verb of its sentence, if any.

    A **partial quotation** is a source's own words, credited to that source, inside the reporter's
    sentence: Borrell also “condemned” the offensive.  A **scare quote** is the writer's distance
    from a word, with no speaker behind it: the council's “reform” (the word *so-called* does the
    same without punctuation).  The ``reading`` column says "partial quotation" when the sentence
    has a reporting verb or "according to" outside the quotation (or the quotation is itself a
    reporting verb), and otherwise asks you to read it: a partial quotation of a speaker named in
    an earlier sentence, or a scare quote?
    """
    article = as_article(article)
    starts, spans = _quote_spans(article)
    forms = set(_reporting_forms())
    blocks = {}
    for where, paragraph, _sentence, span in _blocks(article):
        blocks[span.start] = (where, paragraph, span)
    block_starts = sorted(blocks)
    cues_of: dict[int, tuple[list[re.Match], list[int]]] = {}  # each sentence's reporting verbs, found once
    rows = []
    for q in article.quotes:
        if q.level or len(WORD.findall(q.text)) > max_words:
            continue
        k = bisect.bisect_right(block_starts, q.start) - 1
        if k < 0 or not q.start < blocks[block_starts[k]][2].end:
            continue
        where, paragraph, span = blocks[block_starts[k]]
        if span.start not in cues_of:
            found = _reporting_cues(_masked(article, span.start, span.end, starts, spans))
            cues_of[span.start] = (found, [m.start() for m in found])
        found, cue_starts = cues_of[span.start]
        k = bisect.bisect_left(cue_starts, q.start - span.start)  # the nearest verb before, then the next one
        cues = [m.group(0) for m in found[max(k - 1, 0):k + 1]]
        if q.text.strip(" .,").lower() in forms:
            cues.insert(0, q.text.strip(" .,"))
        reading = (f"partial quotation: the sentence names a speaker ({cues[0]})" if cues else
                   "no reporting verb in its sentence: a speaker named earlier, or a scare quote? Read it")
        rows.append({"where": where, "paragraph": _number(paragraph), "quote": q.text, "reading": reading})
    table = pd.DataFrame(rows, columns=["where", "paragraph", "quote", "reading"])
    table["paragraph"] = table["paragraph"].astype("Int64")
    table.index = range(1, len(table) + 1)
    return table


# --- names ---------------------------------------------------------------------------------------

def proper_names(article, min_mentions: int = 1) -> pd.DataFrame:
    """Capitalised names in the headline and body, most mentioned first (``first paragraph`` counted from 1).

    A name is a run of capitalised words, which may contain the small words in
    ``NAME_CONNECTORS`` ("Ministry of Defense").  A capitalised word that only
    ever appears at the start of a sentence ("Tensions", "Yesterday") is not
    counted: capitals there are grammar, not names.  This is a rough, readable
    rule -- it finds "Nikol Pashinian" and "Stepanakert"; it also finds
    adjectives such as "Armenian", platforms ("X", "Twitter") and days, and it
    cuts "French" from "French Ministry of Foreign Affairs" when that phrase
    opens a sentence.  :func:`actor_mentions` groups the names by actor.
    """
    article = as_article(article)
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
                     "first paragraph": _number(article.paragraph_at(offset)),
                     "first seen in": _clip(article.sentences[sentence], 90) if sentence is not None else "(headline)",
                     "_first": offset})
    table = pd.DataFrame(rows, columns=["name", "mentions", "first paragraph", "first seen in", "_first"])
    table["first paragraph"] = table["first paragraph"].astype("Int64")
    table = table.sort_values(["mentions", "_first"], ascending=[False, True]).drop(columns="_first")
    table.index = range(1, len(table) + 1)
    return table


def _actor_groups() -> dict[str, str]:
    return {row["name"].strip(): row["actor"].strip() for row in read_csv(ACTOR_GROUPS_FILE) if row.get("name")}


def _is_actor(name: str, groups: dict[str, str]) -> bool:
    if groups.get(name) == NOT_AN_ACTOR:
        return False
    return not any(word in WEEKDAYS or word in MONTHS for word in name.split())


def actor_mentions(article) -> pd.DataFrame:
    """Who is talked about: the names of :func:`proper_names` grouped by actor, most mentioned first.

    The groups are the rows of ``helpers/data/actor_groups.csv`` (a name and its actor): "Azerbaijan",
    "Azerbaijani" and "Baku" count for one actor; a name the file does not list stays an actor of its
    own.  Platforms ("X", "Twitter"), days, months and the outlet's "Editor" are left out: they are
    not actors (see :func:`non_actor_names`).  The grouping is a reader's decision written down: read
    the ``why`` column of the file, and change it for another article.
    """
    groups = _actor_groups()
    names = proper_names(article)
    totals: Counter = Counter()
    members: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for position, (name, n) in enumerate(zip(names["name"], names["mentions"])):
        if not _is_actor(name, groups):
            continue
        actor = groups.get(name, name)
        totals[actor] += n
        members.setdefault(actor, []).append(f"{name} {n}")
        first.setdefault(actor, position)
    order = sorted(totals, key=lambda a: (-totals[a], first[a]))
    table = pd.DataFrame([{"actor": a, "mentions": totals[a], "names (mentions)": _clip(", ".join(members[a]), 90)}
                          for a in order], columns=["actor", "mentions", "names (mentions)"])
    table.index = range(1, len(table) + 1)
    return table


def actor_chart(article, *, title: str, xlabel: str, ylabel: str, top: int = 8):
    """Horizontal bars of :func:`actor_mentions`: the ``top`` most mentioned actors, most mentioned first.

    Title and axis labels are required, as for every chart of the course (:mod:`helpers.plots`).
    Returns the matplotlib axes; end the cell with ``plt.show()``.
    """
    from . import plots

    actors = actor_mentions(article).head(top)
    return plots.bar_chart(dict(zip(actors["actor"], actors["mentions"])), horizontal=True,
                           title=title, xlabel=xlabel, ylabel=ylabel)


def non_actor_names(article) -> list[str]:
    """The names :func:`actor_mentions` leaves out (platforms, days, months, ...), as "name (mentions)"."""
    groups = _actor_groups()
    names = proper_names(article)
    return [f"{name} ({n})" for name, n in zip(names["name"], names["mentions"]) if not _is_actor(name, groups)]


# --- time ----------------------------------------------------------------------------------------

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


def _times(article: Article) -> list[dict]:
    rows = []
    for k, sentence in enumerate(article.sentences):
        for m in _TIME.finditer(sentence):
            rows.append({"expression": m.group(0), "kind": _kind_of_time(m.group(0)),
                         "paragraph": sentence.paragraph + 1, "sentence": k + 1, "_sentence": sentence})
    return rows


def time_expressions(article) -> pd.DataFrame:
    """Every day, month, year and duration in the body, in reading order, with its sentence (numbered from 1)."""
    rows = [{**r, "evidence": _clip(r["_sentence"], 100)} for r in _times(as_article(article))]
    table = pd.DataFrame(rows, columns=["expression", "kind", "paragraph", "sentence", "evidence"])
    table.index = range(1, len(table) + 1)
    return table


def dating_clues(article) -> pd.DataFrame:
    """What the text itself says about when it was written, each clue with what it tells and its sentence.

    The clues: a weekday ("This Tuesday": the day of writing), the latest year named (written in
    that year or later), "N years after ... YEAR" (about YEAR + N), and "X (ex-Twitter)" (written
    after Twitter was renamed X, in July 2023).  A file name or a date a course gives is not a clue
    of the text: it says when someone saved or labelled the file.
    """
    article = as_article(article)
    rows = []
    times = _times(article)
    for r in times:
        if r["kind"] == "weekday":
            day = next(d for d in WEEKDAYS if d.lower() in r["expression"].lower())
            tells = (f"the day of writing is a {day}" if r["expression"].lower().startswith("this")
                     else f"a {day} near the day of writing")
            rows.append({"clue": r["expression"], "tells": tells, "paragraph": r["paragraph"], "_s": r["_sentence"]})
    years = [(int(m.group(0)), r) for r in times for m in re.finditer(r"\b(?:1[89]\d\d|20\d\d)\b", r["expression"])]
    if years:
        year, r = max(years, key=lambda item: item[0])
        rows.append({"clue": str(year), "tells": f"written in {year} or later (the latest year named)",
                     "paragraph": r["paragraph"], "_s": r["_sentence"]})
    years_in: dict[int, list[int]] = {}
    for y, r in years:
        years_in.setdefault(r["sentence"], []).append(y)
    for r in times:
        later = re.fullmatch(r"(\w+)\s+years?\s+(?:after|later)", r["expression"], re.IGNORECASE)
        named = years_in.get(r["sentence"], [])
        if later and named and _value(later.group(1)):
            rows.append({"clue": f"{r['expression']} … {named[0]}", "tells": f"about {named[0] + _value(later.group(1))}",
                         "paragraph": r["paragraph"], "_s": r["_sentence"]})
    for index, paragraph in enumerate(article.paragraphs):
        match = _PLATFORM_RENAMED.search(paragraph)
        if match:
            sentence = article.sentence_at(paragraph.start + match.start())
            rows.append({"clue": match.group(0), "tells": "written after Twitter was renamed X (July 2023)",
                         "paragraph": index + 1,
                         "_s": article.sentences[sentence] if sentence is not None else paragraph})
            break
    table = pd.DataFrame([{**r, "evidence": _clip(r["_s"], 90)} for r in rows],
                         columns=["clue", "tells", "paragraph", "evidence"])
    table = table.sort_values("paragraph", kind="stable")
    table.index = range(1, len(table) + 1)
    return table


#: The course article's events in the order they happened, as far as anyone can tell:
#: (event, words that find it in the article, how the order is known).
COURSE_EVENTS = [
    ("the previous Karabakh war, from September 2020", "previous Karabakh war",
     "the text: “three years after”, “September 2020”"),
    ("humanitarian aid arrives", "arrival of humanitarian aid", "the text: “on Monday”, before “This Tuesday”"),
    ("a mine explosion that Baku reports killed six people", "mine explosion",
     "outside the text: no day given; whether it came before or after Monday’s aid is not stated"),
    ("Baku announces “anti-terrorist operations”", "anti-terrorist operations",
     "the text: “Baku had earlier warned”, earlier than the reports of paragraph 1"),
    ("the Karabakh Armenian authorities report “intensive fire” on the region’s main city and other towns",
     "intensive fire", "the text: “This Tuesday”"),
    ("the Karabakh ombudsman gives casualty figures", "civilian injuries",
     "outside the text: no time given (“increased to” says the figure changed)"),
    ("Armenia’s prime minister convenes his Security Council", "convened his Security Council",
     "outside the text: only his televised statement is dated (“on Tuesday”)"),
    ("Russia, the EU and France react", "Russia, regional power",
     "partly the text: the Kremlin “then”, Paris “at the start of the afternoon”"),
    ("Pashinian and Macron speak by telephone", "on the telephone", "outside the text: no time given"),
]


def course_events(article) -> pd.DataFrame:
    """The course article's events in time order, the paragraph (from 1) that tells each, and how the order is known.

    Only the course article has this list (empty for another article: build your own from
    :func:`time_expressions`).  The ``order known from`` column keeps the course's rule that every
    claim points to words: an ordering the text does not state comes from outside the text.
    """
    article = as_article(article)
    columns = ["event", "told in paragraph", "order known from"]
    if not article.is_seed:
        return pd.DataFrame(columns=columns)
    rows = [{"event": event, "told in paragraph": _number(article.paragraph_at(article.text.index(words))),
             "order known from": known} for event, words, known in COURSE_EVENTS]
    table = pd.DataFrame(rows, columns=columns)
    table.index = pd.RangeIndex(1, len(table) + 1, name="order in time")
    return table


def event_summary(article) -> str:
    """One sentence: which event the course article tells first, and where it tells the event Baku gives as its reason."""
    events = course_events(article)
    if events.empty:
        return "The event list is written for the course article; build your own from the timeline above."
    first = events["told in paragraph"].idxmin()
    reason = events.loc[3, "told in paragraph"]
    return (f"The article tells event {first} of {len(events)} first, in paragraph "
            f"{events['told in paragraph'].min()}; the event Baku gives as its reason for the operation "
            f"(event 3) comes in paragraph {reason}.")


# --- the text's history: marks, strings, artefacts ----------------------------------------------

def quote_marks(article) -> pd.DataFrame:
    """Every quotation mark the course knows, its Unicode name and code, and how often the text uses it.

    Marks the text never uses are listed too (with 0): an absence is evidence as well.
    """
    text = as_article(article).text
    marks = list(dict.fromkeys(m for group in QUOTE_MARKS.values() for m in group))
    rows = [{"mark": m, "name": unicodedata.name(m).lower(), "code": f"U+{ord(m):04X}", "in the text": text.count(m)}
            for m in marks]
    table = pd.DataFrame(rows, columns=["mark", "name", "code", "in the text"])
    table.index = range(1, len(table) + 1)
    return table


def occurrences(article, strings) -> pd.DataFrame:
    """For each string, how often the whole text has it as a word and inside longer words (ignoring case).

    ``occurrences(article, ["ured", "ass"])``: "ured" stands once as a word and once inside
    "injured"; "ass" appears nowhere.
    """
    text = as_article(article).text
    if isinstance(strings, str):
        strings = [strings]
    rows = []
    for string in strings:
        string = str(string)
        words = Counter(w for w in WORD.findall(text) if string.lower() in w.lower()) if string else Counter()
        alone = sum(n for w, n in words.items() if w.lower() == string.lower())
        inside = {w: n for w, n in words.items() if w.lower() != string.lower()}
        rows.append({"string": string, "as a word": alone, "inside longer words": sum(inside.values()),
                     "longer words": ", ".join(sorted(inside)[:6])})
    table = pd.DataFrame(rows, columns=["string", "as a word", "inside longer words", "longer words"])
    table.index = range(1, len(table) + 1)
    return table


def load_artefacts() -> list[dict]:
    """The artefact inventory of the course article (``helpers/data/artefacts.csv``), one dict per row."""
    return [dict(row) for row in read_csv(ARTEFACTS_FILE)]


_ARTEFACT_COLUMNS = {"as_written": "as written", "where": "where", "kind": "kind", "reading": "likely reading",
                     "evidence": "evidence", "matters": "why it matters"}


def _artefact_rows(article: Article) -> list[dict]:
    rows = []
    for row in load_artefacts():
        offset = article.text.find(row["as_written"])
        if offset >= 0:
            rows.append({**row, "where": _where(article, offset), "_offset": offset})
    return sorted(rows, key=lambda r: r["_offset"])


def artefact_table(article, trace: bool = False) -> pd.DataFrame:
    """The copying and translation artefacts of the inventory found in the article, in reading order.

    The inventory (``helpers/data/artefacts.csv``) is the course article's: for another article only
    the rows whose words it contains appear (usually none; read your article for its own).  Columns:
    ``as written``, ``where``, ``kind`` (copying, translation, punctuation, editing) and ``likely
    reading`` -- a hypothesis to check, not a fact.  ``trace=True`` keeps the rows that bear on
    the facts (who did what, who controlled a place, how many died), with ``why it matters``.
    """
    rows = _artefact_rows(as_article(article))
    if trace:
        rows = [r for r in rows if r.get("trace", "").strip().lower() == "yes"]
    keys = ["as_written", "where", "matters"] if trace else ["as_written", "where", "kind", "reading"]
    table = pd.DataFrame([{_ARTEFACT_COLUMNS[k]: r[k] for k in keys} for r in rows],
                         columns=[_ARTEFACT_COLUMNS[k] for k in keys])
    table.index = range(1, len(table) + 1)
    return table


def artefact_markdown(article=None) -> str:
    """The whole inventory as a Markdown table (for ``seeds/README.md``), located in the course article."""
    from .article import load_article

    article = load_article() if article is None else as_article(article)
    keys = ["as_written", "where", "kind", "reading", "evidence", "matters"]
    lines = ["| " + " | ".join(_ARTEFACT_COLUMNS[k] for k in keys) + " |", "|" + "---|" * len(keys)]
    for row in _artefact_rows(article):
        cells = [row[k].replace("|", "\\|").replace("\n", " ") for k in keys]
        cells[0] = f"“{cells[0]}”" if not cells[0].startswith("“") else cells[0]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
