"""The media-analysis brief: the whole method on one article, as a report to hand in.

:func:`build_brief` runs the course's helpers on an article and collects the
results in sections, each with a short explanation, tables and notes:

1. **Provenance** -- what the file says about where it comes from (website
   leftovers, HTML markup, quotation-mark problems) and the questions only a
   reader can answer (:data:`PROVENANCE_QUESTIONS`);
2. **Structure and quotation** -- paragraphs, sentences, words, quoted share;
3. **Sources** -- the source table with a side and a type for every source;
4. **Labels by voice** -- the narrator-voice test of contested terms;
5. **Frames** -- frame words paragraph by paragraph;
6. **Readability** -- the scores with their warnings and caveats;
7. **Conclusion** -- yours.

:meth:`Brief.to_markdown` and :meth:`Brief.to_html` render it and
:func:`write_brief` saves both in the project's ``build/`` folder
(:data:`BUILD_DIR`), named after the article: ``build/brief_<article>.md``.

Article text is data, never markup: both renderings escape every piece of
text, so an article containing ``<script>`` or ``<b>`` shows those characters.
In the Markdown file ``<`` is written ``&lt;`` (Markdown viewers would
otherwise render raw HTML) and the characters that format Markdown
(``* [ ] | # ~``, the backquote, an underscore at the edge of a word) get a backslash.
"""

from __future__ import annotations

import html
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import Article
from .framing import CONTESTED_TERMS, frame_presence, frame_questions, narrator_uses, who_calls_it_what
from .quotes import quoted_share
from .readability import READABILITY_CAVEATS, flesch_band, hardest_sentences, readability_scores
from .reading import paragraph_table
from .sources import add_sides, find_attributions, seed_sources, source_table

__all__ = [
    "ROOT", "BUILD_DIR", "PROVENANCE_QUESTIONS", "READABILITY_CAVEATS", "NOT_ANSWERED", "Section", "Brief",
    "provenance_table", "provenance_questions", "structure_table", "sides_template", "sides_path",
    "write_sides_template", "load_sides", "unidentified_attributions", "side_summary", "term_voices",
    "frame_summary", "readability_table", "build_brief", "write_brief", "shown_path", "markdown_escape",
]

#: The project folder (the one that holds ``helpers/``), wherever the notebook runs.
ROOT = Path(__file__).resolve().parent.parent
#: Where briefs and sides templates are written: ``build/`` in the project folder.
BUILD_DIR = ROOT / "build"

#: What the file cannot tell you: questions you answer by investigating (SIFT: Investigate, Find, Trace).
PROVENANCE_QUESTIONS = [
    "Who published it (outlet, author, the original if this is a copy)?",
    "When was it written, and when was this copy made?",
    "In which language was it written? Is this a translation?",
    "Where do its statements and figures come from (interviews, posts, press releases)?",
    "Which other coverage of the same events did you compare it with?",
]
#: Shown for a question or a conclusion that is still empty.
NOT_ANSWERED = "(not answered yet)"

#: What every readability score leaves out (notebook 05 shows each on the course article): one list,
#: kept with the formulas in helpers.readability.

_SIDE_TO_FILL = "(side not filled in)"


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
    """A sides table to fill in: one row per source of the article (first speaker first), side and type empty."""
    sources = list(dict.fromkeys(a.source for a in find_attributions(article)))
    return pd.DataFrame({"source": sources, "side": "", "type": "", "note": ""},
                        columns=["source", "side", "type", "note"])


def sides_path(article: Article, folder: Path | str = BUILD_DIR) -> Path:
    """Where the sides table of ``article`` is kept: ``build/sides_<article>.csv``."""
    return Path(folder) / f"sides_{_stem(article)}.csv"


def write_sides_template(article: Article, folder: Path | str = BUILD_DIR) -> Path:
    """Write :func:`sides_template` to :func:`sides_path` -- only if that file does not exist yet.

    A file you have filled in is never overwritten.  It is CSV with a byte-order
    mark, which spreadsheet programs read with the right characters.
    """
    path = sides_path(article, folder)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        sides_template(article).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def load_sides(article: Article, folder: Path | str = BUILD_DIR) -> tuple[pd.DataFrame, str]:
    """The sides table to use for ``article``, and where it comes from.

    * the course article: the course's own table, ``helpers/data/seed_sources.csv``;
    * another article whose :func:`sides_path` exists: that file, as you filled it in;
    * otherwise the empty :func:`sides_template`.
    """
    if article.is_seed:
        return seed_sources(), "helpers/data/seed_sources.csv"
    path = sides_path(article, folder)
    if not path.exists():
        return sides_template(article), "an empty template (no sides file yet)"
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in ("source", "side", "type") if c not in table.columns]
    if missing:
        raise ValueError(f"{shown_path(path)} has no column {', '.join(missing)}: keep the header line "
                         "source,side,type,note")
    if "note" not in table.columns:
        table["note"] = ""
    return table[["source", "side", "type", "note"]], shown_path(path)


def unidentified_attributions(article: Article) -> list:
    """Attributions whose source the reader cannot identify: anonymous, or a pronoun the tool could not resolve.

    An anonymous source ("an official who asked not to be named") may speak again
    through a pronoun ("he added"): every attribution credited to an anonymous
    source counts, however the text refers to it.
    """
    found = find_attributions(article)
    anonymous = {a.source for a in found if a.mention == "anonymous"}
    return [a for a in found if a.source in anonymous or a.source.endswith("(unresolved)")]


def side_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per side (of a source table with sides): attributions, their share, quoted words and distinct sources."""
    sides = table["side"].replace("", _SIDE_TO_FILL) if len(table) else table["side"]
    grouped = table.assign(side=sides).groupby("side", sort=False)
    summary = pd.DataFrame({
        "attributions": grouped.size(),
        "share of attributions": grouped.size() / max(len(table), 1),
        "quoted words": grouped["quoted words"].sum(),
        "sources": grouped["source"].nunique(),
    })
    return summary.sort_values("attributions", ascending=False, kind="stable")


def term_voices(article: Article, terms=CONTESTED_TERMS) -> pd.DataFrame:
    """Who uses each term: one row per term the article uses, one column per voice ("narrator" first)."""
    table = who_calls_it_what(article, {"terms": list(terms)})
    table.index = table.index.get_level_values("label") if len(table) else pd.Index([], name="label")
    table.index.name = "term"
    return table


def frame_summary(article: Article) -> pd.DataFrame:
    """Per frame: its question, in how many body paragraphs its words occur, and how many words in all."""
    presence = frame_presence(article)
    questions = frame_questions()
    frames = [c for c in presence.columns if c != "evidence"]
    rows = [{"frame": f, "question": questions.get(f, ""), "paragraphs": int((presence[f] > 0).sum()),
             "words": int(presence[f].sum())} for f in frames]
    return pd.DataFrame(rows, columns=["frame", "question", "paragraphs", "words"]).set_index("frame")


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
    paragraphs = paragraph_table(article).reset_index()
    return Section(
        "Structure and quotation",
        "The article's shape, and how much of each paragraph stands inside quotation marks (the sources' words).",
        tables=[("The article in numbers", structure_table(article)),
                ("Paragraph by paragraph (paragraph 1 is the lede)", paragraphs[["paragraph", "words", "quoted share", "opening"]])])


def _sources_section(article, sides) -> Section:
    table = add_sides(source_table(article), sides)
    rows = table[["paragraph", "source", "side", "type", "kind", "verb", "rating", "quote"]]
    unidentified = unidentified_attributions(article)
    notes = [f"{len(table)} attributions; {len(unidentified)} of them from an anonymous or unresolved source."]
    notes += [f"Unidentified, paragraph {a.paragraph}: {a.sentence}" for a in unidentified]
    if len(table) and (table["side"] == "").all():
        notes.append("The side and type columns are not filled in yet: fill in the sides file, then build the "
                     "brief again.")
    tables = [("Who is heard, by side", side_summary(table).reset_index()), ("Every attribution", rows)] if len(table) \
        else []
    return Section("Sources", "Every statement the article credits to a source, with the side and type the analyst "
                   "assigned to the source.", tables=tables,
                   notes=notes if len(table) else ["The article credits no statement to any source."])


def _labels_section(article, terms) -> Section:
    own = narrator_uses(article, terms)
    rows = pd.DataFrame([{"term": u.term, "words": u.text, "part": u.part, "sentence": u.sentence,
                          "evidence": u.evidence} for u in own],
                        columns=["term", "words", "part", "sentence", "evidence"]).astype({"sentence": "Int64"})
    voices = term_voices(article, terms).reset_index()
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
    presence = frame_presence(article).reset_index()
    evidence = presence.loc[presence["evidence"] != "", ["paragraph", "evidence"]]
    return Section("Frames", "Dictionary frames: where each frame's words occur, paragraph by paragraph. A word is "
                   "a clue to read in context (negation, quotation, irony), not yet a frame.",
                   tables=[("Frames in the body", frame_summary(article).reset_index()),
                           ("The words found, paragraph by paragraph", evidence)])


def _readability_section(article) -> Section:
    scores, notes = readability_table(article)
    tables = []
    if len(scores):
        tables.append(("Scores of the body", scores))
        with warnings.catch_warnings():  # a sentence's grade is a ranking: the caveats below say so
            warnings.simplefilter("ignore")
            hardest = hardest_sentences(article, n=3)[["paragraph", "words", "grade", "text"]]
        if len(hardest):
            tables.append(("The hardest sentences (10 words or more)", hardest))
    return Section("Readability", "How hard the body is to read according to the classic formulas, with what the "
                   "formulas leave out.", tables=tables,
                   notes=[f"About this text: {w}" for w in notes] + READABILITY_CAVEATS)


# --------------------------------------------------------------------------- writing and escaping


def write_brief(brief: Brief, folder: Path | str = BUILD_DIR) -> list[Path]:
    """Write ``brief_<article>.md`` and ``brief_<article>.html`` into ``folder`` (created if missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / f"brief_{brief.stem}.md"
    page = folder / f"brief_{brief.stem}.html"
    markdown.write_text(brief.to_markdown(), encoding="utf-8")
    page.write_text(brief.to_html(), encoding="utf-8")
    return [markdown, page]


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
    """The article's file name without ``.txt``, safe as part of a file name."""
    return re.sub(r"[^\w.-]+", "_", Path(article.name).stem).strip("._") or "article"
