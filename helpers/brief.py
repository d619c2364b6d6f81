"""The media-analysis brief: the whole method on one article, as a report to hand in.

:func:`build_brief` runs the course's helpers on an article and collects the
results in sections, each with a short explanation, tables and notes:

1. **Provenance** -- what the file says about where it comes from (website
   leftovers, HTML markup, quotation-mark problems) and the questions only a
   reader can answer (:data:`PROVENANCE_QUESTIONS`);
2. **Structure and quotation** -- paragraphs, sentences, words, quoted share;
3. **Sources** -- the source table with a party, a side and a type for every
   source, and who is heard counted both ways: parties apart and grouped into
   sides (:mod:`helpers.sides`);
4. **Labels by voice** -- the narrator-voice test of contested terms;
5. **Frames** -- frame words paragraph by paragraph;
6. **Readability** -- the scores with their warnings and caveats;
7. **Conclusion** -- yours.

:meth:`Brief.to_markdown` and :meth:`Brief.to_html` render it and
:func:`write_brief` saves both in the output folder (:func:`output_folder`: the
project's ``build/`` folder, :data:`BUILD_DIR`, or the folder of the run that
``make course`` names in the environment variable :data:`OUTPUT_ENV`), named
with the article's :attr:`~helpers.article.Article.key`, unique to each
article: ``build/brief_<key>.md``.  Files are written atomically (a failed
write leaves the old file whole), and text that cannot be saved as UTF-8 is
refused before anything is touched.  Invisible bidirectional control
characters are written visibly, as ``[U+202E]``.

Article text is data, never markup: both renderings escape every piece of
text, so an article containing ``<script>`` or ``<b>`` shows those characters.
In the Markdown file ``<`` is written ``&lt;`` (Markdown viewers would
otherwise render raw HTML) and the characters that format Markdown
(``* [ ] | # ~``, the backquote, an underscore at the edge of a word) get a backslash.
"""

from __future__ import annotations

import html
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import WORD, Article, mark_bidi_controls
from .errors import UnwritableTextError
from .files import write_text
from .framing import CONTESTED_TERMS, frame_presence, frame_questions, narrator_uses, who_calls_it_what
from .quotes import editorial_insertions, find_quotes, quoted_share
from .readability import READABILITY_CAVEATS, flesch_band, hardest_sentences, readability_scores
from .sides import (
    NOT_CLASSIFIED, NOT_FILLED_IN, SIDES_COLUMNS, classify, finding, groupings, heard_by, read_sides, sides_frame, source_view,
)
from .sources import find_attributions, source_table
from .spans import Span
from .text import shorten

__all__ = [
    "ROOT", "BUILD_DIR", "PROVENANCE_QUESTIONS", "SEED_PROVENANCE_ANSWERS", "provenance_answers", "frame_evidence",
    "READABILITY_CAVEATS", "NOT_ANSWERED", "Section", "Brief",
    "provenance_table", "provenance_questions", "structure_table", "paragraph_overview", "sides_template",
    "sides_path", "write_sides_template", "load_sides", "unidentified_attributions", "unidentified_table",
    "side_summary", "term_voices", "voice_summary", "narrator_or_echo", "frame_summary", "paragraphs_with", "readability_table",
    "hardest_table", "count_words", "accuracy_table", "kind_examples", "attribution_marks", "editor_notes",
    "display_voices", "statement_or_action", "people_view", "build_brief", "write_brief", "shown_path", "markdown_escape",
    "OUTPUT_ENV", "output_folder",
]

#: The project folder (the one that holds ``helpers/``), wherever the notebook runs.
ROOT = Path(__file__).resolve().parent.parent
#: Where briefs and sides templates are written by default: ``build/`` in the project folder.
BUILD_DIR = ROOT / "build"
#: The environment variable that names another output folder (``make course`` sets it to the run's own).
OUTPUT_ENV = "COURSE_OUTPUT_DIR"

#: What the file cannot tell you: questions you answer by investigating (SIFT: Investigate, Find, Trace).
PROVENANCE_QUESTIONS = [
    "Who published it (outlet, author, the original if this is a copy)?",
    "When was it written, and when was this copy made?",
    "In which language was it written? Is this a translation?",
    "Where do its statements and figures come from (interviews, posts, press releases)?",
    "Which other coverage of the same events did you compare it with?",
]
#: What notebook 01 found out about the course article, one answer per question of :data:`PROVENANCE_QUESTIONS`.
SEED_PROVENANCE_ANSWERS = [
    "Unknown: a re-publishing website copied it (the lines 'Source link' and 'Leave a Reply'); the original "
    "outlet and author are not in the file. It reads like a wire-style report, but the file does not say so.",
    "It reports 'this Tuesday', the first day of Azerbaijan's military operation; 'X (ex-Twitter)' places it after "
    "Twitter was renamed X in July 2023. The date in the file name was given by the course. When this copy was "
    "made is unknown.",
    "English, machine-translated, most probably from French (notebook 01 lists the marks of translation and of "
    "copying).",
    "Statements of officials, several posted on Facebook or X or issued as press releases; nothing in the text "
    "shows that the reporter interviewed anyone. The casualty figures come from the Karabakh Armenian rights "
    "defender.",
    "Still to do: the original report, other outlets' reports of the same day, and the quoted statements themselves.",
]
#: Shown for a question or a conclusion that is still empty.
NOT_ANSWERED = "(not answered yet)"

#: What every readability score leaves out (notebook 05 shows each on the course article): one list,
#: kept with the formulas in helpers.readability.

_SIDE_TO_FILL = NOT_FILLED_IN


# --------------------------------------------------------------------------- the sections' tables


def provenance_table(article: Article) -> pd.DataFrame:
    """What the file itself says about its origin: one row per sign, with what was found and the evidence."""
    html_notes = [w for w in article.warnings if "HTML markup" in w]
    quote_notes = [w for w in article.warnings if "HTML markup" not in w]
    rows = [
        {"sign": "file", "found": article.name, "evidence": ""},
        {"sign": "headline", "found": "yes" if article.title is not None else "no",
         "evidence": str(article.title) if article.title is not None else "the first block is a paragraph"},
        {"sign": "website leftovers", "found": str(len(article.boilerplate)),
         "evidence": " | ".join(article.boilerplate)},
        {"sign": "HTML markup", "found": "yes" if html_notes else "no", "evidence": " ".join(html_notes)},
        {"sign": "quotation-mark problems", "found": str(len(quote_notes)), "evidence": " ".join(quote_notes)},
    ]
    return pd.DataFrame(rows, columns=["sign", "found", "evidence"])


def provenance_questions(answers: dict | None = None) -> pd.DataFrame:
    """The questions of :data:`PROVENANCE_QUESTIONS` (and any others in ``answers``) with your answers."""
    answers = dict(answers or {})
    questions = PROVENANCE_QUESTIONS + [q for q in answers if q not in PROVENANCE_QUESTIONS]
    rows = [{"question": q, "your answer": str(answers.get(q) or "").strip() or NOT_ANSWERED} for q in questions]
    return pd.DataFrame(rows, columns=["question", "your answer"])


def _numbered(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its rows numbered 1, 2, ... (as a reader counts)."""
    table.index = range(1, len(table) + 1)
    return table


def count_words(text) -> int:
    """The number of words in ``text``, counted as the course counts them (``helpers.article.WORD``).

    >>> count_words("the name given by the Armenians to Nagorno Karabakh, Editor’s note.")
    11
    """
    return len(WORD.findall(str(text)))


def paragraph_overview(article: Article) -> pd.DataFrame:
    """One row per body paragraph (the index, ``paragraph``, from 1): words, share in quotation marks, opening."""
    rows = [{"words": count_words(p), "quoted share": round(quoted_share(p), 2), "opening": shorten(p, 60)}
            for p in article.paragraphs]
    table = pd.DataFrame(rows, columns=["words", "quoted share", "opening"])
    table.index = pd.RangeIndex(1, len(table) + 1, name="paragraph")
    return table


def provenance_answers(article: Article) -> dict:
    """Answers to :data:`PROVENANCE_QUESTIONS` to start from: notebook 01's for the course article, empty otherwise."""
    answers = {question: "" for question in PROVENANCE_QUESTIONS}
    if article.is_seed:
        answers.update(zip(PROVENANCE_QUESTIONS, SEED_PROVENANCE_ANSWERS))
    return answers


def structure_table(article: Article) -> pd.DataFrame:
    """The article's shape in numbers: headline, subheadings, paragraphs, sentences, words, quotation."""
    body_quotes = [q for q in article.quotes if q.level == 0 and article.paragraph_at(q.start) is not None]
    rows = [
        ("headline", "yes" if article.title is not None else "no"),
        ("subheadings", len(article.subheadings)),
        ("body paragraphs", len(article.paragraphs)),
        ("sentences", len(article.sentences)),
        ("words", len(article.words)),
        ("quotations in the body", len(body_quotes)),
        ("share of the body's words in quotation marks", f"{quoted_share(article.body):.0%}"),
    ]
    return pd.DataFrame([{"measure": m, "value": str(v)} for m, v in rows], columns=["measure", "value"])


def sides_template(article: Article) -> pd.DataFrame:
    """A sides table to fill in: one row per source of the article (first speaker first), the rest empty.

    Fill in ``party`` (who the source speaks for) and ``type``; fill in ``side``
    only where you group several parties into one side (an empty side is the party).
    """
    sources = list(dict.fromkeys(a.source for a in find_attributions(article)))
    return pd.DataFrame({"source": sources, "party": "", "side": "", "type": "", "note": ""},
                        columns=SIDES_COLUMNS)


def output_folder() -> Path:
    """Where briefs and sides tables go: the folder in :data:`OUTPUT_ENV` if it is set, else :data:`BUILD_DIR`.

    When the helpers are installed on their own (no course folder around
    them), it is ``build/`` in the current working folder instead.

    ``make course`` sets it to the run's own folder, so the outputs of one
    article never land in (or come from) the project's ``build/``.
    """
    value = os.environ.get(OUTPUT_ENV, "").strip()
    if value:
        return Path(value)
    if (ROOT / "notebooks").is_dir():  # the course's own folder
        return BUILD_DIR
    # helpers installed from a wheel: never write into the installed package's folder
    return Path.cwd() / "build"


def sides_path(article: Article, folder: Path | str | None = None) -> Path:
    """Where the sides table of ``article`` is kept: ``sides_<key>.csv`` in ``folder`` (default :func:`output_folder`)."""
    return (output_folder() if folder is None else Path(folder)) / f"sides_{_stem(article)}.csv"


def write_sides_template(article: Article, folder: Path | str | None = None) -> Path:
    """Write :func:`sides_template` to :func:`sides_path` -- only if that file does not exist yet.

    A file you have filled in is never overwritten.  It is CSV with a byte-order
    mark, which spreadsheet programs read with the right characters, written
    atomically (a failed write leaves no half file).
    """
    path = sides_path(article, folder)
    if not path.exists():
        _write_all([(path, sides_template(article).to_csv(index=False, lineterminator="\n"))], "utf-8-sig")
    return path


def load_sides(article: Article, folder: Path | str | None = None) -> tuple[pd.DataFrame, str]:
    """The sides table to use for ``article``, and where it comes from.

    * the course article: the course's own table, ``helpers/data/seed_sources.csv``;
    * another article whose :func:`sides_path` exists: that file, as you filled it in;
    * otherwise the empty :func:`sides_template`.

    The table has the columns ``source, party, side, type, note``
    (:data:`helpers.sides.SIDES_COLUMNS`); a file of the older shape
    ``source, side, type, note`` is read with each side as its own party.
    """
    if article.is_seed:
        return read_sides(), "helpers/data/seed_sources.csv"
    path = sides_path(article, folder)
    if not path.exists():
        return sides_template(article), "an empty template (no sides file yet)"
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("source", "type") if c not in table.columns]
    if "side" not in table.columns and "party" not in table.columns:
        missing.insert(1, "party (or side)")
    if missing:
        raise ValueError(f"{shown_path(path)} has no column {', '.join(missing)}: keep the header line "
                         + ",".join(SIDES_COLUMNS))
    return sides_frame(table, where=shown_path(path)), shown_path(path)


def unidentified_attributions(article: Article) -> list:
    """Attributions whose source the reader cannot identify: anonymous, or a pronoun the tool could not resolve.

    An anonymous source ("an official who asked not to be named") may speak again
    through a pronoun ("he added"): every attribution credited to an anonymous
    source counts, however the text refers to it.
    """
    found = find_attributions(article)
    anonymous = {a.source for a in found if a.mention == "anonymous"}
    return [a for a in found if a.source in anonymous or a.source.endswith("(unresolved)")]


def unidentified_table(article: Article) -> pd.DataFrame:
    """The :func:`unidentified_attributions` with the evidence a reader needs to identify the speaker.

    One row each: paragraph (from 1), speaker and source as the tool found them,
    the sentence, and the sentence before it (where a pronoun's antecedent usually stands).
    """
    rows = []
    for a in unidentified_attributions(article):
        k = article.sentence_at(a.start)
        before = str(article.sentences[k - 1]) if k else ""
        rows.append({"paragraph": a.paragraph + 1, "speaker": a.speaker, "source": a.source,
                     "sentence before": before, "sentence": a.sentence})
    table = pd.DataFrame(rows, columns=["paragraph", "speaker", "source", "sentence before", "sentence"])
    table.index = range(1, len(table) + 1)
    return table


def side_summary(table: pd.DataFrame, level: str = "side") -> pd.DataFrame:
    """Per side (or ``level="party"``) of a source table with sides: see :func:`helpers.sides.heard_by`.

    An empty side is shown as "(side not filled in)".
    """
    if level not in table.columns and level == "party" and "side" in table.columns:
        table = table.assign(party=table["side"])
    filled = table.assign(**{level: table[level].replace("", _SIDE_TO_FILL)}) if len(table) else table
    return heard_by(filled, level)


def term_voices(article: Article, terms=CONTESTED_TERMS) -> pd.DataFrame:
    """Who uses each term: one row per term the article uses, one column per voice ("narrator" first)."""
    table = who_calls_it_what(article, {"terms": list(terms)})
    table.index = table.index.get_level_values("label") if len(table) else pd.Index([], name="label")
    table.index.name = "term"
    return table


def voice_summary(article: Article, terms=CONTESTED_TERMS) -> pd.DataFrame:
    """A narrow :func:`term_voices`: per term the article uses, its uses in the narrator's voice, its uses inside
    quotation marks, and whom those quotations are credited to."""
    voices = term_voices(article, terms)
    rows = []
    for term, counts in voices.iterrows():
        quoted = {voice: int(n) for voice, n in counts.items() if voice != "narrator" and n}
        rows.append({"term": term, "narrator": int(counts.get("narrator", 0)), "quoted": sum(quoted.values()),
                     "quoted from": ", ".join(quoted)})
    table = pd.DataFrame(rows, columns=["term", "narrator", "quoted", "quoted from"])
    return table.set_index("term")


def frame_summary(article: Article) -> pd.DataFrame:
    """Per frame: its question, in how many body paragraphs its words occur, and how many words in all."""
    presence = frame_presence(article)
    questions = frame_questions()
    frames = [c for c in presence.columns if c != "evidence"]
    rows = [{"frame": f, "question": questions.get(f, ""), "paragraphs": int((presence[f] > 0).sum()),
             "words": int(presence[f].sum())} for f in frames]
    return pd.DataFrame(rows, columns=["frame", "question", "paragraphs", "words"]).set_index("frame")


# --------------------------------------------------------------------------- notebook 04's evidence tables


def accuracy_table() -> pd.DataFrame:
    """The extractor against people's annotations, every set in one table: real news first, then the course's own.

    One row per set: the benchmark of real news (``helpers.evaluation.benchmark_results``,
    at the overlap threshold 0.3), the Gender Gap Tracker's own published figures,
    and each article annotated for the course (``evaluation_table``).  Columns:
    what the set is, how many attributions people marked, precision, recall, F1.
    """
    from .evaluation import benchmark_results, evaluation_table

    names = {"this course": "the course's extractor", "Gender Gap Tracker (published)": "GGT's own tool, published"}
    rows = []
    for (system, threshold), r in benchmark_results().iterrows():
        if threshold == 0.3:
            rows.append({"set": f"real news, {r['set']}: {names.get(system, system)}",
                         "marked by people": r["quotations"], "precision": r["precision"], "recall": r["recall"],
                         "F1": r["f1"]})
    for name, r in evaluation_table().iterrows():
        what = "the course article" if name == "seed" else f"{name} (written for the course)"
        rows.append({"set": what, "marked by people": r["annotated"], "precision": r["precision"],
                     "recall": r["recall"], "F1": r["F1"]})
    table = pd.DataFrame(rows, columns=["set", "marked by people", "precision", "recall", "F1"])
    table["marked by people"] = ["" if pd.isna(n) else str(int(n)) for n in table["marked by people"]]
    return _numbered(table.round({"precision": 2, "recall": 2, "F1": 2}))


def kind_examples(article: Article, width: int = 90) -> pd.DataFrame:
    """One attribution of each kind (direct, partial, indirect), the first in the text: where, who, the sentence."""
    found = find_attributions(article)
    rows = []
    for kind in ("direct", "partial", "indirect"):
        a = next((a for a in found if a.kind == kind), None)
        rows.append({"kind": kind, "paragraph": a.paragraph + 1 if a else None, "source": a.source if a else "",
                     "verb": a.verb if a else "", "sentence": shorten(a.sentence, width) if a else "(none)"})
    table = pd.DataFrame(rows, columns=["kind", "paragraph", "source", "verb", "sentence"])
    return _numbered(table.astype({"paragraph": "Int64"}))


def attribution_marks(article: Article, paragraph: int | None = None) -> tuple[str, list[Span], list[str]]:
    """A paragraph (numbered from 1) with its attributions marked: ``(text, spans, labels)`` for ``highlight``.

    The spans are the speaker mention, the reporting verb and the quotations of
    each attribution, with offsets inside the paragraph.  Without ``paragraph``,
    the paragraph with the most attributions (the first of them if tied).
    """
    found = find_attributions(article)
    if not article.paragraphs:
        return "", [], []
    if paragraph is None:
        counts = [sum(a.paragraph == k for a in found) for k in range(len(article.paragraphs))]
        paragraph = counts.index(max(counts)) + 1
    if not 1 <= paragraph <= len(article.paragraphs):
        raise ValueError(f"paragraph {paragraph}: the article's paragraphs are numbered 1 to {len(article.paragraphs)}")
    text = article.paragraphs[paragraph - 1]
    spans, labels = [], []
    for a in found:
        if a.paragraph != paragraph - 1:
            continue
        spans.append(Span(a.speaker, a.start - text.start))
        labels.append(f"speaker: {a.source}")
        spans.append(Span(a.verb, a.verb_start - text.start))
        labels.append(f"reporting verb ({a.kind})")
        for start, end in a.quotes:
            if text.start <= start < text.end:
                spans.append(Span(article.text[start:end], start - text.start))
                labels.append(f"quotation of {a.source}")
    return str(text), spans, labels


def editor_notes(article: Article) -> pd.DataFrame:
    """Words of the outlet inside a source's quotation marks: "(the name given by ..., Editor's note.)", "[was]".

    One row per insertion that ``helpers.quotes.editorial_insertions`` finds in the
    body: paragraph (from 1), the quotation as printed, the outlet's words, and three
    counts: the words inside the quotation marks, the outlet's words among them, and
    the words left to the source.  Such notes are the narrator speaking inside someone
    else's quotation: the source table does not count them as the source's words.
    """
    insertions = editorial_insertions(article)
    outlet_in = {}  # the outlet's words in each quotation, all its insertions together
    for i in insertions:
        outlet_in[i.quote_start] = outlet_in.get(i.quote_start, 0) + count_words(i.text)
    rows = []
    for i in insertions:
        paragraph = article.paragraph_at(i.quote_start)
        if paragraph is None:
            continue
        quotation = article.text[i.quote_start:i.quote_end]
        rows.append({"paragraph": paragraph + 1, "quotation": quotation, "the outlet's words": i.text,
                     "words in quotation marks": count_words(quotation), "the outlet's": count_words(i.text),
                     "the source's": count_words(quotation) - outlet_in[i.quote_start]})
    return _numbered(pd.DataFrame(rows, columns=["paragraph", "quotation", "the outlet's words",
                                                 "words in quotation marks", "the outlet's", "the source's"]))


def _credited(article: Article, quote) -> list:
    """The attributions whose quotations contain the words of ``quote`` (a quotation outside the body)."""
    wanted = " ".join(quote.text.lower().split())
    found = []
    for a in find_attributions(article):
        for start, end in a.quotes:
            if wanted and wanted in " ".join(article.text[start:end].lower().split()):
                found.append(a)
                break
    return found


def display_voices(article: Article, sides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose words the headline and each subheading carry: their quotations, and who says them in the body.

    One row per part (headline, subheading 1, 2, ...): its text, the words it puts
    in quotation marks, the sources the body credits with those words, and their
    parties (from ``sides``; without it, "not classified").  A part without a
    quotation speaks in the outlet's words: its sources are "none".  Quoted words
    that no attribution of the body holds are credited to "no one in the body",
    party "unknown": a claim to trace.
    """
    side_of = {} if sides is None else dict(zip(sides_frame(sides)["source"], sides_frame(sides)["party"]))
    parts = ([("headline", article.title)] if article.title is not None else []) + \
        [(f"subheading {k}", s) for k, s in enumerate(article.subheadings, start=1)]
    quotes = find_quotes(article)
    rows = []
    for name, span in parts:
        inside = [q for q in quotes if span.start <= q.start < span.end and q.level == 0]
        credited = [a for q in inside for a in _credited(article, q)]
        sources = list(dict.fromkeys(a.source for a in credited))
        parties = list(dict.fromkeys(side_of.get(s, NOT_CLASSIFIED) or NOT_FILLED_IN for s in sources))
        uncredited = bool(inside) and not sources  # quoted words that no attribution of the body holds
        rows.append({"part": name, "text": str(span), "quoted": " | ".join(q.text for q in inside) or "(nothing)",
                     "credited in the body to": "no one in the body" if uncredited else ", ".join(sources) or "none",
                     "party": "unknown" if uncredited else ", ".join(parties) or "none"})
    return _numbered(pd.DataFrame(rows, columns=["part", "text", "quoted", "credited in the body to", "party"]))


#: Notebook 04, exercise 4.1: sentences of the course article that name a source or a person.
_SEED_STATEMENT_OR_ACTION = [
    "Armenian Prime Minister Nikol Pashinian urgently convened his Security Council",
    "The Kremlin then said it was",
    "The European Union has set up an observation mission",
    "Paris requested an",
    "Armenian Prime Minister Nikol Pashinian discussed the situation on the telephone",
]


def statement_or_action(article: Article) -> pd.DataFrame:
    """Sentences that name someone, numbered 1, 2, ...: does the text report what they said, or what they did?

    For the course article, five chosen sentences.  For another article, up to five
    sentences that name a person (:func:`helpers.sources.find_people`) or a source:
    those with an attribution and those without, in reading order.
    """
    from .sources import find_people

    if article.is_seed:
        chosen = [next(s for s in article.sentences if start in s) for start in _SEED_STATEMENT_OR_ACTION]
    else:
        names = {p.name for p in find_people(article)} | {a.source for a in find_attributions(article)}
        chosen = [s for s in article.sentences if s.paragraph is not None and any(n in s for n in names)][:5]
    table = pd.DataFrame({"paragraph": [article.paragraph_at(s.start) + 1 for s in chosen],
                          "sentence": [str(s) for s in chosen]}, columns=["paragraph", "sentence"])
    table.index = range(1, len(table) + 1)
    return table


def people_view(article: Article) -> pd.DataFrame:
    """The named people of the body (``helpers.sources.find_people``), numbered 1, 2, ...

    Columns: name, title, gender as the text states it (from pronouns only, never
    from a first name), attributions, and the paragraph (from 1) where they are first named.
    """
    from .sources import find_people

    people = find_people(article)
    table = pd.DataFrame([{"name": p.name, "title": p.title or "", "gender (from the text)": p.gender,
                           "attributions": p.attributions, "first named in paragraph": p.paragraph + 1}
                          for p in people],
                         columns=["name", "title", "gender (from the text)", "attributions", "first named in paragraph"])
    table.index = range(1, len(table) + 1)
    return table


# --------------------------------------------------------------------------- notebook 07's evidence tables


#: Words with which the reporter draws an inference of their own from a statement ("..., implying that").
INFERENCE_MARKERS = ("implying", "suggesting", "meaning", "in a sign that", "signalling", "signaling")


def narrator_or_echo(article: Article, terms=None) -> pd.DataFrame:
    """Each use of a contested term in the narrator's voice, and where it stands in its sentence.

    The narrator-voice test counts a term outside quotation marks as the article's
    own word.  In a sentence that reports a statement, it may instead stand in the
    source's **reported words** (indirect speech), where the reporter may be echoing
    the source.  One row per use: sentence (from 1), term, the words, and ``stands in``:

    * ``"the name of the speaker"``: the term is part of how the text names or
      describes the speaker ("Armenian separatist authorities announced");
    * ``"reported words of <source>"``: it stands in the reported part of an
      attribution of that sentence, before any inference of the reporter's own
      ("..., implying that ...", :data:`INFERENCE_MARKERS`);
    * ``"the narrator's own sentence"``: everywhere else.
    """
    from .framing import narrator_uses

    uses = narrator_uses(article) if terms is None else narrator_uses(article, terms)
    by_sentence: dict[int, list] = {}
    for a in find_attributions(article):
        by_sentence.setdefault(article.sentence_at(a.start), []).append(a)
    rows = []
    for u in uses:
        if u.sentence is None:
            continue
        sentence = article.sentences[u.sentence]
        where = "the narrator's own sentence"
        for a in by_sentence.get(u.sentence, []):
            title_at = sentence.find(a.title) + sentence.start if a.title and a.title in sentence else -1
            in_title = title_at >= 0 and title_at <= u.start < title_at + len(a.title)
            if a.start <= u.start < a.end or in_title:
                where = "the name of the speaker"
                break
            inference = min((sentence.start + i for m in INFERENCE_MARKERS
                             for i in [str(sentence).lower().find(m)] if i >= 0), default=sentence.end)
            if u.start < inference and not (a.verb_start <= u.start < a.verb_end):
                where = f"reported words of {a.source}"
                break
        rows.append({"sentence": u.sentence + 1, "term": u.term, "words": u.text, "stands in": where,
                     "evidence": str(sentence)})
    table = pd.DataFrame(rows, columns=["sentence", "term", "words", "stands in", "evidence"])
    table.index = range(1, len(table) + 1)
    return table


def paragraphs_with(article: Article, frames) -> list[int]:
    """The body paragraphs (numbered from 1) where words of any of ``frames`` occur.

    >>> from helpers import load_article
    >>> paragraphs_with(load_article(text="T\\n\\nThe army fired.\\n\\nThe market opened."), ["security"])
    [1]
    """
    frames = [frames] if isinstance(frames, str) else list(frames)
    presence = frame_presence(article)
    unknown = [f for f in frames if f not in presence.columns or f == "evidence"]
    if unknown:
        known = ", ".join(c for c in presence.columns if c != "evidence")
        raise ValueError(f"no frame {unknown[0]!r}; the frames are: {known}")
    return [k + 1 for k, (_, row) in enumerate(presence.iterrows()) if any(row[f] > 0 for f in frames)]


def _plus_one(index):
    return None if index is None else index + 1


def hardest_table(article: Article, n: int = 3) -> pd.DataFrame:
    """The ``n`` hardest sentences (``helpers.readability.hardest_sentences``): paragraph (from 1), words, grade, text.

    The sentences are numbered 1, 2, ... from the hardest.
    """
    with warnings.catch_warnings():  # a sentence's grade is a ranking, not a score to read: no warning here
        warnings.simplefilter("ignore")
        hardest = hardest_sentences(article, n=n)
    paragraph_of = {str(s): article.paragraph_at(s.start) for s in article.sentences}
    rows = [{"paragraph": _plus_one(paragraph_of.get(str(r.text))), "words": int(r.words),
             "grade": round(float(r.grade), 1), "sentence": str(r.text)} for r in hardest.itertuples()]
    table = pd.DataFrame(rows, columns=["paragraph", "words", "grade", "sentence"]).astype({"paragraph": "Int64"})
    table.index = range(1, len(table) + 1)
    return table


def frame_evidence(article: Article) -> pd.DataFrame:
    """The frame words found in each body paragraph (the index, ``paragraph``, from 1); paragraphs without any are
    left out."""
    evidence = frame_presence(article)["evidence"].reset_index(drop=True)
    evidence.index = pd.RangeIndex(1, len(evidence) + 1, name="paragraph")  # as a reader counts
    return evidence[evidence != ""].to_frame("evidence")


def readability_table(article: Article) -> tuple[pd.DataFrame, list[str]]:
    """The body's main scores as a table, and the warnings about them as text (never Python warnings).

    An article whose body has no words gets an empty table and a warning saying so.
    """
    try:
        with warnings.catch_warnings():  # the warnings are returned as text instead
            warnings.simplefilter("ignore")
            scores = readability_scores(article)
    except ValueError as err:
        return pd.DataFrame(columns=["score", "value", "reading"]), [str(err)]
    rows = [
        ("words", scores["words"], ""),
        ("sentences (textstat's count)", scores["sentences"], ""),
        ("Flesch reading ease", round(scores["flesch_reading_ease"], 1),
         f"\"{flesch_band(scores['flesch_reading_ease'])}\" (higher is easier)"),
        ("Flesch-Kincaid grade", round(scores["flesch_kincaid_grade"], 1), "US school grade"),
        ("Gunning Fog", round(scores["gunning_fog"], 1), "years of schooling"),
        ("SMOG", round(scores["smog_index"], 1), "US school grade"),
    ]
    table = pd.DataFrame([{"score": s, "value": str(v), "reading": r} for s, v, r in rows],
                         columns=["score", "value", "reading"])
    return table, list(scores["warnings"])


# --------------------------------------------------------------------------- the brief


@dataclass
class Section:
    """One section of the brief: a title, a short explanation, tables (caption, DataFrame) and notes (a list)."""

    title: str
    intro: str
    tables: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Paragraphs of free text (the conclusion), shown after the explanation.
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Brief:
    """A media-analysis brief on one article: its ``sections``, rendered by :meth:`to_markdown` / :meth:`to_html`."""

    article_name: str
    headline: str
    sections: list[Section]
    stem: str = "article"

    def __repr__(self) -> str:
        return f"<Brief on {self.article_name!r}: {len(self.sections)} sections>"

    def outline(self) -> pd.DataFrame:
        """The brief's sections, numbered from 1, with how many tables and notes each holds."""
        rows = [{"section": s.title, "tables": len(s.tables), "notes": len(s.notes) + len(s.paragraphs)}
                for s in self.sections]
        return pd.DataFrame(rows, columns=["section", "tables", "notes"], index=range(1, len(rows) + 1))

    @property
    def title(self) -> str:
        return f"Media-analysis brief: {self.article_name}"

    def to_markdown(self) -> str:
        """The brief as Markdown (article text escaped; tables as Markdown tables)."""
        lines = [f"# {markdown_escape(self.title)}", "", f"**Headline:** {markdown_escape(self.headline)}", ""]
        for number, section in enumerate(self.sections, start=1):
            lines += [f"## {number}. {markdown_escape(section.title)}", "", markdown_escape(section.intro), ""]
            for paragraph in section.paragraphs:
                lines += [markdown_escape(paragraph), ""]
            for caption, table in section.tables:
                lines += [f"**{markdown_escape(caption)}**", "", *_markdown_table(table), ""]
            lines += [f"- {markdown_escape(note)}" for note in section.notes]
            if section.notes:
                lines.append("")
        lines += ["---", "", markdown_escape(_FOOTER), ""]
        return "\n".join(lines)

    def html_body(self) -> str:
        """The brief as an HTML fragment (a ``<div>``), every piece of text escaped."""
        parts = ['<div class="brief">', f"<h1>{_esc(self.title)}</h1>",
                 f"<p><strong>Headline:</strong> {_esc(self.headline)}</p>"]
        for number, section in enumerate(self.sections, start=1):
            parts += [f"<h2>{number}. {_esc(section.title)}</h2>", f"<p>{_esc(section.intro)}</p>"]
            parts += [f"<p>{_esc(paragraph)}</p>" for paragraph in section.paragraphs]
            for caption, table in section.tables:
                parts += [f"<h3>{_esc(caption)}</h3>", _html_table(table) if len(table) else f"<p>{_EMPTY}</p>"]
            if section.notes:
                parts += ["<ul>", *[f"<li>{_esc(note)}</li>" for note in section.notes], "</ul>"]
        parts += [f"<hr><p><small>{_esc(_FOOTER)}</small></p>", "</div>"]
        return "\n".join(parts)

    def to_html(self) -> str:
        """The brief as a complete HTML page (UTF-8, no scripts, every piece of text escaped)."""
        return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{_esc(self.title)}</title>\n'
                f"<style>{_STYLE}</style>\n</head>\n<body>\n{self.html_body()}\n</body>\n</html>\n")

    def _repr_html_(self) -> str:
        return self.html_body()


_FOOTER = ("Every number in this brief was computed by the course's helpers (helpers.reading, helpers.sources, "
           "helpers.framing, helpers.readability) from the text of the article; rule-based tools make mistakes, "
           "so each table comes with its evidence to check.")
_STYLE = ("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5}"
          "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.2em .5em;"
          "text-align:left;vertical-align:top}th{background:#f3f3f3}")


def build_brief(article: Article, *, sides: pd.DataFrame | None = None, terms=None, answers: dict | None = None,
                conclusion: str = "") -> Brief:
    """Run the whole method on ``article`` and collect the results as a :class:`Brief`.

    ``sides``: the sides table (default: :func:`load_sides`); ``terms``: the
    contested terms for the narrator-voice test (default: :data:`CONTESTED_TERMS`);
    ``answers``: your answers to the provenance questions; ``conclusion``: your conclusion.
    """
    sides = load_sides(article)[0] if sides is None else sides
    terms = list(CONTESTED_TERMS) if terms is None else list(terms)
    return Brief(
        article_name=article.name,
        headline=str(article.title) if article.title is not None else "(no headline)",
        sections=[
            _provenance_section(article, answers),
            _structure_section(article),
            _sources_section(article, sides),
            _labels_section(article, terms),
            _frames_section(article),
            _readability_section(article),
            Section("Conclusion", "What the evidence above shows, in the analyst's words.",
                    paragraphs=[p.strip() for p in re.split(r"\n\s*\n", str(conclusion)) if p.strip()]
                    or [NOT_ANSWERED]),
        ],
        stem=_stem(article),
    )


def _provenance_section(article, answers) -> Section:
    return Section(
        "Provenance",
        "Before counting: what the file says about where it comes from, and what a reader must find out elsewhere.",
        tables=[("What the file shows", provenance_table(article)),
                ("What the file cannot tell: questions answered by investigating", provenance_questions(answers))])


def _structure_section(article) -> Section:
    return Section(
        "Structure and quotation",
        "The article's shape, and how much of each paragraph stands inside quotation marks (the sources' words).",
        tables=[("The article in numbers", structure_table(article)),
                ("Paragraph by paragraph (paragraph 1 is the first body paragraph)",
                 paragraph_overview(article).reset_index())])


def _sources_section(article, sides) -> Section:
    table = classify(source_table(article), sides)
    intro = ("Every statement the article credits to a source, with the party and type the analyst assigned to "
             "the source, and who is heard counted with the parties apart and, where the analyst groups parties "
             "into sides, grouped.")
    if not len(table):
        return Section("Sources", intro, notes=["The article credits no statement to any source."])
    rows = source_view(table, ["party", "side", "type"]).assign(rating=table["rating"])
    unidentified = unidentified_attributions(article)
    notes = [f"{len(table)} attributions; {len(unidentified)} of them from an anonymous or unresolved source."]
    notes += [f"Unidentified, paragraph {a.paragraph + 1}: {a.sentence}" for a in unidentified]
    filled = sides_frame(sides)
    if not (filled["party"] != "").any():
        notes.append("The party and type columns are not filled in yet: fill in the sides file, then build the "
                     "brief again.")
    tables = [("Who is heard, by party", heard_by(table, "party").reset_index())]
    grouped = groupings(sides)
    if len(grouped):
        tables += [("The analyst's grouping of parties into sides", grouped),
                   ("Who is heard, by side (parties grouped)", heard_by(table, "side").reset_index())]
        notes.append("Grouping parties is the analyst's choice; the finding both ways: " + finding(table, "party")
                     + " " + finding(table, "side"))
    else:
        notes.append(finding(table, "party"))
    tables.append(("Every attribution", rows))
    return Section("Sources", intro, tables=tables, notes=notes)


def _labels_section(article, terms) -> Section:
    own = narrator_uses(article, terms)
    rows = pd.DataFrame([{"term": u.term, "words": u.text, "part": u.part,
                          "sentence": None if u.sentence is None else u.sentence + 1,
                          "evidence": u.evidence} for u in own],
                        columns=["term", "words", "part", "sentence", "evidence"]).astype({"sentence": "Int64"})
    voices = voice_summary(article, terms).reset_index()
    tables = [("Who uses each term", voices)] if len(voices) else []
    if own:
        tables.append(("The terms in the article's own voice (outside quotation marks)", rows))
        verdict = (f"The article uses {len({u.term for u in own})} contested term(s) in its own voice: "
                   + ", ".join(dict.fromkeys(u.term for u in own)) + ".")
    else:
        verdict = "The article passes the test: no term of the list stands outside quotation marks."
    return Section("Labels by voice",
                   "The narrator-voice test: which contested terms does the article use in its own words rather "
                   "than inside a source's quotation marks? Terms tested: " + ", ".join(terms) + ".",
                   tables=tables, notes=[verdict])


def _frames_section(article) -> Section:
    evidence = frame_evidence(article).reset_index()
    return Section("Frames", "Dictionary frames: where each frame's words occur, paragraph by paragraph. A word is "
                   "a clue to read in context (negation, quotation, irony), not yet a frame.",
                   tables=[("Frames in the body", frame_summary(article).reset_index()),
                           ("The words found, paragraph by paragraph", evidence)])


def _readability_section(article) -> Section:
    scores, notes = readability_table(article)
    tables = []
    if len(scores):
        tables.append(("Scores of the body", scores))
        hardest = hardest_table(article, n=3)
        if len(hardest):
            tables.append(("The hardest sentences (10 words or more)", hardest))
    return Section("Readability", "How hard the body is to read according to the classic formulas, with what the "
                   "formulas leave out.", tables=tables,
                   notes=[f"About this text: {w}" for w in notes] + READABILITY_CAVEATS)


# --------------------------------------------------------------------------- writing and escaping


def write_brief(brief: Brief, folder: Path | str | None = None) -> list[Path]:
    """Write ``brief_<key>.md`` and ``brief_<key>.html`` into ``folder`` (default :func:`output_folder`).

    The folder is created if missing.  Both files are written atomically, and only
    once both texts are known to be writable: an error leaves the old files whole.
    Bidirectional control characters are written visibly (``[U+202E]``).
    """
    folder = output_folder() if folder is None else Path(folder)
    markdown = folder / f"brief_{brief.stem}.md"
    page = folder / f"brief_{brief.stem}.html"
    _write_all([(markdown, mark_bidi_controls(brief.to_markdown())), (page, mark_bidi_controls(brief.to_html()))])
    return [markdown, page]


def _write_all(files: list[tuple[Path, str]], encoding: str = "utf-8") -> None:
    """Write every ``(path, text)`` atomically, after checking that every text can be encoded.

    Raises :class:`~helpers.errors.UnwritableTextError` (naming the character and
    where it is) before any file is touched.
    """
    for path, text in files:
        try:
            text.encode(encoding)
        except UnicodeEncodeError as err:
            raise UnwritableTextError(
                f"{path.name} cannot be saved: character U+{ord(text[err.start]):04X} at position {err.start} "
                f"cannot be written as {encoding.upper()} (a lone surrogate, left by a broken copy). "
                "Remove it from the text you gave, then write again") from None
    for path, text in files:
        write_text(path, text, encoding=encoding, newline="\n")


def shown_path(path: Path | str) -> str:
    """A path as a notebook may print it: relative to the project (``build/brief_x.md``), else the file name."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]|#~])")
#: An underscore formats only at the edge of a word ("_word_"); inside one ("file_name") it is left alone.
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def markdown_escape(text) -> str:
    """``text`` on one line, safe in Markdown: ``< > &`` as HTML entities, formatting characters backslashed."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))
    return _EDGE_UNDERSCORE.sub(r"\\_", text)


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _markdown_table(table: pd.DataFrame) -> list[str]:
    if not len(table):
        return [_EMPTY]
    header = "| " + " | ".join(markdown_escape(c) for c in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    rows = ["| " + " | ".join(markdown_escape(_cell(v)) for v in row) + " |" for row in table.itertuples(index=False)]
    return [header, rule, *rows]


def _html_table(table: pd.DataFrame) -> str:
    return table.to_html(index=False, escape=True, na_rep="", float_format=lambda v: f"{v:.2f}", border=0)


_EMPTY = "(none)"


def _stem(article: Article) -> str:
    """The article's :attr:`~helpers.article.Article.key`: its file name without ``.txt`` (safe in a file name)
    and a fingerprint of where it comes from, so two articles never share a brief or a sides file."""
    return article.key
