"""Teaching texts built from the course article, to compare with it.

Comparing coverage needs several reports of one event.  Other outlets' reports
belong to their publishers, so the course does not ship them (a teacher can
build a corpus: see notebook 06).  Instead it builds **variants** of the course
article at run time.  Each one changes one choice a newsroom makes, and
re-uses only the article's own sentences and quotations:

* :func:`one_side_voices` -- the same report with only one side's voices:
  every sentence that quotes or reports another source is left out, and so are
  a headline clause and a subheading that quote one.  Built for **both** sides.
* :func:`switch_naming` -- the narrator's names switched to the names one side
  prefers (``helpers/data/naming_switch.csv``: Stepanakert or Khankendi, ...),
  **only outside quotation marks**: no quoted word ever changes, so no words
  are put in anyone's mouth.  Built in **both** directions.  A switch inside
  reported speech (a source's statement in the reporter's words) is flagged.
* :func:`attribute_headline` -- the headline rewritten to credit its figures to
  the source the body credits them to ("..., according to ...").

Every variant's text starts with a provenance header whose first line says
that it is a constructed teaching text and how it was made;
:func:`helpers.load_article` sets the header aside.  ``variant.changes`` lists
every change, sentence by sentence, and :func:`recipe_table` shows them.

    from helpers.variants import course_variants
    variants = course_variants()              # the five variants of the course article
    variants[0].article()                     # each one as an Article
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import Article, as_article, load_article
from .datafiles import read_csv
from .errors import CorpusError
from .framing import find_term, load_contested_terms
from .provenance import CONSTRUCTED, format_header
from .reading import NUMBER_WORDS, headline_figures, number_claims
from .sources import find_attributions, seed_sources
from .text import shorten

__all__ = [
    "Variant", "SWITCH_FILE", "SIDES", "one_side_voices", "switch_naming", "attribute_headline",
    "course_variants", "recipe_table", "recipes", "naming_switch_table", "headline_gap",
    "write_variants", "switch_names", "switched_sides", "switch_table", "voices_table",
]

#: The names switched by :func:`switch_naming` (one row per name found, the replacement per side).
SWITCH_FILE = "naming_switch.csv"
#: The two sides of the conflict, as the course article's sides table names them, with a short name.
SIDES = {"Armenian side": "Armenia / Karabakh Armenian authorities", "Azerbaijani side": "Azerbaijan"}
#: The two naming directions: the columns of ``naming_switch.csv``.
NAMING = ("Armenian sources", "Azerbaijani sources")

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class Variant:
    """A teaching text built from an article.

    ``key`` is its short name (the column of the comparison), ``recipe`` says
    how it was made, ``text`` is the whole file (header, headline, body) and
    ``changes`` lists what changed: one record per change with ``where`` (in
    the original: "headline", "subheading", "sentence N" from 1), ``before``,
    ``after`` (empty for a sentence left out) and ``why``.
    """

    key: str
    recipe: str
    text: str
    made_from: str
    changes: tuple = field(default_factory=tuple)

    @property
    def name(self) -> str:
        """A file name for the variant: its key in lower case, with hyphens."""
        return re.sub(r"[^a-z0-9]+", "-", self.key.lower()).strip("-") + ".txt"

    def article(self) -> Article:
        """The variant read as an article (the header set aside, as for any file)."""
        return load_article(text=self.text, name=self.name)


# ------------------------------------------------------------------------------------ assembling a text

def _count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _header(recipe: str, made_from: str, provenance: dict | None) -> str:
    fields = {CONSTRUCTED: f"{recipe} Built by the course from {made_from}; not a news report.",
              "made from": made_from, "outlet": "none (a text built by the course)"}
    for name in ("date", "language", "translated"):
        value = (provenance or {}).get(name)
        if value and not value.startswith("("):
            fields[name] = f"{value} (as {made_from})"
    return format_header(fields)


def _assemble(header: str, headline: str | None, blocks: list[str]) -> str:
    parts = ([headline] if headline else []) + [b for b in blocks if b.strip()]
    return header + "\n\n".join(parts) + "\n"


def _structure(article: Article) -> list[tuple[str, object]]:
    """The article in reading order: ("headline", span), ("subheading", span), ("paragraph", index)."""
    items = []
    if article.title is not None:
        items.append((article.title.start, "headline", article.title))
    items += [(s.start, "subheading", s) for s in article.subheadings]
    items += [(p.start, "paragraph", k) for k, p in enumerate(article.paragraphs)]
    return [(kind, what) for _, kind, what in sorted(items, key=lambda item: item[0])]


def _quote_spans(article: Article) -> list[tuple[int, int]]:
    """The outer quotations with their marks, as (start, end) offsets of the text."""
    return [(q.start - len(q.open_mark), q.end + len(q.close_mark)) for q in article.quotes if q.level == 0]


class _Spans:
    """(start, end) spans, ready for :meth:`overlaps` by binary search (one long article stays linear)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach, furthest = [], -1  # reach[i]: the largest end among the first i + 1 spans
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span overlaps [start, end): one that starts before ``end`` and ends after ``start``."""
        k = bisect.bisect_left(self.starts, end)  # the spans that start before end
        return k > 0 and self.reach[k - 1] > start


def _inside(start: int, end: int, spans) -> bool:
    spans = spans if isinstance(spans, _Spans) else _Spans(spans)
    return spans.overlaps(start, end)


# ------------------------------------------------------------------------------------ whose voices where

def _side_lookup(sides: pd.DataFrame | None) -> dict[str, str]:
    sides = seed_sources() if sides is None else sides
    return dict(zip(sides["source"], sides["side"]))


def _sentence_voices(article: Article, attributions) -> dict[int, list[str]]:
    """Body sentence index -> the sources credited in it (speaker or quotation), in order."""
    voices: dict[int, list[str]] = {}

    def add(offset: int, source: str) -> None:
        k = article.sentence_at(offset)
        if k is not None and source not in voices.setdefault(k, []):
            voices[k].append(source)

    covered = []
    for a in attributions:
        add(a.start, a.source)
        for start, end in a.quotes:
            covered.append((start, end))
            for k in {article.sentence_at(start), article.sentence_at(max(start, end - 1))} - {None}:
                if a.source and a.source not in voices.setdefault(k, []):
                    voices[k].append(a.source)
    covered = _Spans(covered)
    for q in article.quotes:
        if q.level == 0 and article.paragraph_at(q.start) is not None and not _inside(q.start, q.end, covered):
            add(q.start, "(a quotation credited to no one)")
    return voices


def _quote_voice(text: str, article: Article, attributions) -> list[str]:
    """Whose words the quotations of a headline or subheading are: the body's quotation with the same words."""
    sources = []
    for q in load_article(text=text).quotes if text.strip() else []:
        if q.level != 0:
            continue
        words = " ".join(q.text.lower().split())
        found = None
        for a in attributions:
            for start, end in a.quotes:
                if words and words in " ".join(article.text[start:end].lower().split()):
                    found = a.source
                    break
            if found:
                break
        sources.append(found or "(a quotation credited to no one)")
    return sources


def _clause_voices(clause: str, article: Article, attributions) -> list[str]:
    voices = list(_quote_voice(clause, article, attributions))
    if _count_words(clause) >= 2:
        for a in find_attributions(load_article(text=clause)):
            if a.source and a.source not in voices:
                voices.insert(0, a.source)
    return [v for v in dict.fromkeys(voices)]


# ------------------------------------------------------------------------------------ recipe 1: one side's voices

def one_side_voices(article=None, side: str = "Azerbaijan", sides: pd.DataFrame | None = None,
                    key: str | None = None, provenance: dict | None = None) -> Variant:
    """The same report with the voices of one side only.

    ``side`` is a side of the sides table (``helpers/data/seed_sources.csv`` by
    default: "Armenia / Karabakh Armenian authorities", "Azerbaijan", ...).
    A body sentence stays when every source it quotes or reports is of that
    side, or when it reports no source at all (the narrator's own sentences);
    every other sentence is left out, and so is a sentence with a quotation
    credited to no one.  A headline clause (cut at ", ") or a subheading that
    quotes another side is left out too; so are a subheading whose section is
    left empty and a paragraph cut down to fewer than three words.
    """
    article = load_article() if article is None else as_article(article)
    lookup = _side_lookup(sides)
    attributions = find_attributions(article)
    voices = _sentence_voices(article, attributions)
    label = next((short for short, name in SIDES.items() if name == side), side)
    key = key or f"{label.split()[0]} voices only"

    def others(found: list[str]) -> list[str]:
        return [v for v in found if lookup.get(v, "not classified") != side]

    changes = []
    headline = None
    if article.title is not None:
        kept = []
        for clause in re.split(r",\s+", str(article.title)):
            foreign = others(_clause_voices(clause, article, attributions))
            if foreign:
                changes.append({"where": "headline", "before": clause, "after": "",
                                "why": f"quotes or reports {', '.join(foreign)}"})
            else:
                kept.append(clause)
        headline = ", ".join(kept) if kept else None
    blocks: list[tuple[str, str]] = []
    for kind, what in _structure(article):
        if kind == "subheading":
            foreign = others(_quote_voice(str(what), article, attributions))
            if foreign:
                changes.append({"where": "subheading", "before": str(what), "after": "",
                                "why": f"quotes {', '.join(foreign)}"})
            else:
                blocks.append(("subheading", str(what)))
        elif kind == "paragraph":
            kept_sentences = []
            for s in article.sentences_in(what):
                k = article.sentence_at(s.start)  # by position: two sentences may read the same
                foreign = others(voices.get(k, []))
                if foreign:
                    changes.append({"where": f"sentence {k + 1}", "before": str(s), "after": "",
                                    "why": f"quotes or reports {', '.join(foreign)}"})
                else:
                    kept_sentences.append(str(s))
            text = " ".join(kept_sentences)
            whole = len(kept_sentences) == len(article.sentences_in(what))
            if whole or _count_words(text) >= 3:
                blocks.append(("paragraph", text))
            elif text:
                changes.append({"where": f"paragraph {what + 1}", "before": text, "after": "",
                                "why": "all that was left of the paragraph (fewer than three words)"})
    # a subheading whose section is left without a paragraph goes too
    final = []
    for k, (kind, text) in enumerate(blocks):
        if kind == "subheading" and (k + 1 == len(blocks) or blocks[k + 1][0] == "subheading"):
            changes.append({"where": "subheading", "before": text, "after": "", "why": "its section is left empty"})
            continue
        final.append(text)
    recipe = (f"The same report with only the voices of one side ({side}): every sentence that quotes or reports "
              f"another source left out, with the headline clauses and subheadings that quote one; the narrator's "
              f"own sentences kept.")
    return Variant(key, recipe, _assemble(_header(recipe, article.name, provenance), headline, final),
                   article.name, tuple(changes))


# ------------------------------------------------------------------------------------ recipe 2: naming switched

def naming_switch_table() -> pd.DataFrame:
    """The names :func:`switch_naming` switches (``helpers/data/naming_switch.csv``), numbered from 1."""
    rows = read_csv(SWITCH_FILE)
    table = pd.DataFrame(rows, columns=["topic", "found", *NAMING])
    table.index = range(1, len(table) + 1)
    return table


def _switch_pattern(direction: str) -> tuple[re.Pattern | None, dict[str, str]]:
    replacements = {}
    for row in read_csv(SWITCH_FILE):
        target = (row.get(direction) or "").strip()
        found = (row.get("found") or "").strip()
        if found and target:
            replacements[" ".join(found.lower().split())] = target
    if not replacements:
        return None, {}
    alternatives = sorted(replacements, key=len, reverse=True)
    body = "|".join(r"[\s\-‐‑–]+".join(re.escape(w) for w in phrase.split()) for phrase in alternatives)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE), replacements


def switch_names(text: str, direction: str) -> str:
    """``text`` with the names of ``naming_switch.csv`` switched to those ``direction`` prefers (no quotation check).

    For names of sources, not for article text: :func:`switch_naming` keeps quotations as they are.
    """
    pattern, replacements = _switch_pattern(direction)
    if pattern is None:
        return text
    return pattern.sub(lambda m: replacements[" ".join(re.split(r"[\s\-‐‑–]+", m.group(0).lower()))], text)


def switched_sides(sides: pd.DataFrame) -> pd.DataFrame:
    """A sides table with extra rows for the sources' names as the naming switch writes them.

    "Armenian separatist authorities" becomes "Artsakh authorities" in a
    variant: the extra row gives it the same side and type, so the variant's
    sources are counted as the original's.
    """
    extra = []
    for direction in NAMING:
        for row in sides.to_dict("records"):
            renamed = switch_names(row["source"], direction)
            if renamed != row["source"]:
                extra.append({**row, "source": renamed, "note": f"{row['source']}, with the names {direction} prefer"})
    table = pd.concat([sides, pd.DataFrame(extra, columns=sides.columns)], ignore_index=True)
    return table.drop_duplicates("source", keep="first").reset_index(drop=True)


def switch_naming(article=None, direction: str = "Azerbaijani sources", key: str | None = None,
                  provenance: dict | None = None, reported_speech: bool = True) -> Variant:
    """The report with the narrator's names switched to those ``direction`` prefers.

    ``direction`` is "Armenian sources" or "Azerbaijani sources" (a column of
    ``helpers/data/naming_switch.csv``).  Every name of the file found
    **outside quotation marks**, in the headline, the subheadings or the body,
    is replaced by that side's name; words inside quotation marks never
    change.  A switch in a sentence that reports a source's statement without
    quoting it whole (an indirect or partial quotation), outside the words
    that name the source, is flagged "in reported speech": the reporter's
    paraphrase of that source now uses the names of ``direction``.  With
    ``reported_speech=False`` those names are left as they are (a stricter
    recipe: only the narrator's own sentences and its names for sources change).
    """
    if direction not in NAMING:
        raise CorpusError(f"direction must be one of {', '.join(NAMING)}, not {direction!r}")
    article = load_article() if article is None else as_article(article)
    pattern, replacements = _switch_pattern(direction)
    quotes = _Spans(_quote_spans(article))
    attributions = find_attributions(article)
    speakers = _Spans((a.start, a.end) for a in attributions)
    reporting: dict[int, list[str]] = {}  # sentence -> the sources it reports without quoting them whole
    for a in attributions:
        if a.kind != "direct":  # a direct quotation's content is inside its quotation marks
            reporting.setdefault(article.sentence_at(a.start), []).append(a.source)
    changes = []

    def reported(start: int) -> str:
        if speakers.overlaps(start, start + 1):
            return ""  # the words that name the source: the narrator's naming of it
        k = article.sentence_at(start)
        found = reporting.get(k, []) if k is not None else []
        return f"in reported speech ({', '.join(dict.fromkeys(found))})" if found else ""

    def switch(span, where) -> str:
        text = str(span)
        if pattern is None:
            return text
        out, position = [], 0
        for m in pattern.finditer(text):
            start = span.start + m.start()
            if _inside(start, span.start + m.end(), quotes):
                continue
            target = replacements[" ".join(re.split(r"[\s\-‐‑–]+", m.group(0).lower()))]
            why = reported(start)
            if why and not reported_speech:
                continue
            before = m.start()  # at the start of the text or of a sentence: after [.!?] and a space
            while before > 0 and text[before - 1].isspace():
                before -= 1
            at_start = before == 0 or (before < m.start() and text[before - 1] in ".!?")
            if at_start and target[:1].islower():
                target = target[:1].upper() + target[1:]
            out.append(text[position:m.start()] + target)
            position = m.end()
            number = article.sentence_at(start)
            changes.append({"where": where if number is None else f"sentence {number + 1}", "before": m.group(0),
                            "after": target, "why": why or "in the narrator's own words"})
        out.append(text[position:])
        return "".join(out)

    headline = switch(article.title, "headline") if article.title is not None else None
    blocks = []
    for kind, what in _structure(article):
        if kind == "subheading":
            blocks.append(switch(what, "subheading"))
        elif kind == "paragraph":
            blocks.append(switch(article.paragraphs[what], "paragraph"))
    label = "Armenian" if direction == "Armenian sources" else "Azerbaijani"
    key = key or f"{label} names"
    recipe = (f"The same report with the narrator's names switched to those {direction} prefer "
              f"({SWITCH_FILE}), only outside quotation marks: no quoted word changed"
              + ("." if reported_speech else "; names in reported speech kept as they were."))
    return Variant(key, recipe, _assemble(_header(recipe, article.name, provenance), headline, blocks),
                   article.name, tuple(changes))


# ------------------------------------------------------------------------------------ recipe 3: the headline attributed

def _number_value(figure: str):
    """The value of a figure's number as :func:`helpers.reading.number_claims` writes it ("23", "two dead")."""
    token = str(figure).split()[0].lower().replace(",", "") if str(figure).split() else ""
    if token.isdigit():
        return int(token)
    units = NUMBER_WORDS[:20]  # zero ... nineteen, in order
    return units.index(token) if token in units else token


def _same_kind(a: str, b: str) -> bool:
    return {a, b} <= {"casualties", "people"} or a == b


def headline_gap(article) -> list[dict]:
    """The headline's figures (:func:`helpers.reading.headline_figures`), each with the body sentences that give it.

    One record per figure of the headline: ``figure`` ("two dead"), ``finding``
    (the headline-versus-body attribution gap is "stated in the headline, only
    attributed in the body"), ``voice`` in the headline, and ``body``: the body's
    figures of the same value and kind (:func:`helpers.reading.number_claims`),
    each with its ``sentence`` (index from 0) and ``voice``.
    """
    article = as_article(article)
    claims = number_claims(article)
    body = [row for row in claims.to_dict("records") if row["where"] == "body" and pd.notna(row["sentence"])]
    out = []
    for row in headline_figures(article).to_dict("records"):
        value = _number_value(row["figure"])
        matches = [{"sentence": int(b["sentence"]) - 1, "voice": b["voice"]} for b in body
                   if _number_value(b["figure"]) == value and _same_kind(b["counts"], row["counts"])]
        out.append({"figure": row["figure"], "counts": row["counts"], "voice": row["in the headline"],
                    "finding": row["finding"], "body": matches})
    return out


def _credits(article: Article, sentences: list[int], attributions) -> list:
    """The attributions that credit what the given body sentences say (a quotation in them, or a speaker)."""
    found = []
    for k in sentences:
        sentence = article.sentences[k]
        quoted = [a for a in attributions if any(s < sentence.end and sentence.start < e for s, e in a.quotes)]
        speaking = [a for a in attributions if article.sentence_at(a.start) == k]
        for a in quoted or speaking:
            if a not in found:
                found.append(a)
    return found


def _who(source: str, title: str | None, speaker: str | None = None, mention: str | None = None) -> str:
    """How the headline names a source: its title's head and its name ("rights defender Gegham Stepanyan").

    Only words the body uses; the title is left out when it holds a contested term of either side.  A
    source the body names by a description ("the mayor") keeps the body's words for it.
    """
    if mention in ("description", "group", "anonymous") and speaker:
        words = speaker[:1].lower() + speaker[1:] if speaker.split()[0].lower() in ("the", "a", "an") else speaker
        if not any(find_term(words, term) for term in load_contested_terms()):
            return words
    if title:
        head = re.sub(r"^(the|a|an)\s+", "", title.strip(), flags=re.IGNORECASE).split(" of ")[0]
        contested = any(find_term(head, term) for term in load_contested_terms())
        if 2 <= _count_words(head) <= 4 and not contested and head.lower() not in source.lower():
            return f"{head} {source}"
    return source


def attribute_headline(article=None, key: str = "headline attributed", provenance: dict | None = None) -> Variant:
    """The report with a headline that credits its figures to the source the body credits them to.

    Every figure the headline states in its own voice while the body gives it
    only as a source's words (inside quotation marks or in reported speech: the
    gap of :func:`headline_gap`) gets ", according to <the source>" after the
    last such figure, built from the body's own attribution.  Nothing else changes.  Without such
    a figure the text is the original's, and ``changes`` is empty.
    """
    article = load_article() if article is None else as_article(article)
    gaps = [r for r in headline_gap(article) if r["finding"].startswith("stated in the headline")]
    headline = str(article.title) if article.title is not None else None
    changes = []
    if gaps:
        attributions = find_attributions(article)
        sentences = sorted({b["sentence"] for r in gaps for b in r["body"]})
        credits = _credits(article, sentences, attributions)
        names = list(dict.fromkeys(_who(a.source, a.title, a.speaker, a.mention) for a in credits))
        ends = [headline.find(r["figure"]) + len(r["figure"]) for r in gaps if r["figure"] in headline]
        if names and ends:
            cut = max(ends)
            rest = headline[cut:]
            new = headline[:cut] + ", according to " + " and ".join(names) + (
                "" if not rest or rest[:1] in ",.;:" else ",") + rest
            changes.append({"where": "headline", "before": headline, "after": new,
                            "why": f"the body credits {' and '.join(r['figure'] for r in gaps)} to "
                                   f"{' and '.join(dict.fromkeys(a.source for a in credits))} "
                                   f"(sentence {', '.join(str(k + 1) for k in sentences)})"})
            headline = new
    blocks = []
    for kind, what in _structure(article):
        if kind == "subheading":
            blocks.append(str(what))
        elif kind == "paragraph":
            blocks.append(str(article.paragraphs[what]))
    recipe = ("The same report with a headline that credits its figures to the source the body credits them to "
              "(\", according to ...\"); nothing else changed.")
    return Variant(key, recipe, _assemble(_header(recipe, article.name, provenance), headline, blocks),
                   article.name, tuple(changes))


# ------------------------------------------------------------------------------------ all of them

def course_variants(article=None, sides: pd.DataFrame | None = None, provenance: dict | None = None) -> list[Variant]:
    """The five variants of the course article (or of ``article``), in a fixed order.

    Only one side's voices (the Armenian side, then the Azerbaijani side),
    the naming switched (to Armenian sources' names, then to Azerbaijani
    sources'), and the headline attributed.
    """
    article = load_article() if article is None else as_article(article)
    return [
        *(one_side_voices(article, side, sides, provenance=provenance) for side in SIDES.values()),
        *(switch_naming(article, direction, provenance=provenance) for direction in NAMING),
        attribute_headline(article, provenance=provenance),
    ]


def recipe_table(variant: Variant, width: int = 70) -> pd.DataFrame:
    """Every change of a variant: where (in the original), before, after, why; numbered from 1."""
    rows = [{"where": c["where"], "before": shorten(c["before"], width), "after": shorten(c["after"], width) or "(left out)",
             "why": c["why"]} for c in variant.changes]
    table = pd.DataFrame(rows, columns=["where", "before", "after", "why"])
    table.index = range(1, len(table) + 1)
    return table


def recipes(variants: list[Variant], width: int = 110) -> pd.DataFrame:
    """One row per variant: its name, how it was made (shortened) and how many changes; numbered from 1."""
    rows = [{"variant": v.key, "recipe": shorten(v.recipe, width), "changes": len(v.changes)} for v in variants]
    table = pd.DataFrame(rows, columns=["variant", "recipe", "changes"])
    table.index = range(1, len(table) + 1)
    return table


def switch_table(article=None, flags: bool = False, width: int = 300) -> pd.DataFrame:
    """Every name the naming switch changes, both directions side by side; numbered from 1.

    Columns: ``sentence`` (from 1; or headline, subheading), ``in the original``,
    ``Armenian names`` and ``Azerbaijani names`` (what each direction writes:
    the same words when a direction keeps them) and ``text`` (the sentence, cut at
    ``width`` characters).  ``flags=True`` adds ``reported speech``: the source whose
    statement the switch rewords, when it stands in reported speech.
    """
    article = load_article() if article is None else as_article(article)
    rows: dict[tuple, dict] = {}
    for direction in NAMING:
        variant = switch_naming(article, direction)
        counts: dict[tuple, int] = {}
        for c in variant.changes:
            base = (c["where"], c["before"].lower())
            counts[base] = counts.get(base, 0) + 1
            key = (*base, counts[base])
            row = rows.setdefault(key, {"where": c["where"], "in the original": c["before"], "flag": ""})
            row[direction] = c["after"]
            if c["why"].startswith("in reported speech"):
                row["flag"] = c["why"][len("in reported speech ("):-1]
    def number(where: str) -> int:
        return int(where.split()[-1]) if where.startswith("sentence") else 0
    out = []
    for key in sorted(rows, key=lambda k: (number(k[0]), k[0])):
        row = rows[key]
        where = row["where"]
        text = str(article.sentences[number(where) - 1]) if number(where) else where
        record = {"sentence": number(where) or where, "in the original": row["in the original"],
                  "Armenian names": row.get("Armenian sources", row["in the original"]),
                  "Azerbaijani names": row.get("Azerbaijani sources", row["in the original"])}
        if flags:
            record["reported speech"] = row["flag"] or "no: the narrator's own words"
        record["text"] = shorten(text, width)
        out.append(record)
    columns = ["sentence", "in the original", "Armenian names", "Azerbaijani names"] + (
        ["reported speech"] if flags else []) + ["text"]
    table = pd.DataFrame(out, columns=columns)
    table.index = range(1, len(table) + 1)
    return table


def voices_table(article=None, sides: pd.DataFrame | None = None, width: int = 60) -> pd.DataFrame:
    """Which sentences each one-side variant keeps: sentence (from 1), voices, kept in, text; numbered from 1.

    ``voices`` are the sources the sentence quotes or reports (empty: the
    narrator's own sentence); ``kept in`` says which of the two variants of
    :func:`one_side_voices` keeps it ("both", one of them, or "neither").
    """
    article = load_article() if article is None else as_article(article)
    voices = _sentence_voices(article, find_attributions(article))
    left_out = {}
    for short, side in SIDES.items():
        kept_text = "\n".join(one_side_voices(article, side, sides).article().paragraphs)
        left_out[short] = {k for k, s in enumerate(article.sentences, start=1) if str(s) not in kept_text}
    rows = []
    for k, sentence in enumerate(article.sentences, start=1):
        kept = [short.split()[0] for short in SIDES if k not in left_out[short]]
        rows.append({"sentence": k, "voices": ", ".join(voices.get(k - 1, [])),
                     "kept in": "both" if len(kept) == len(SIDES) else (f"{kept[0]} voices only" if kept else "neither"),
                     "text": shorten(sentence, width)})
    table = pd.DataFrame(rows, columns=["sentence", "voices", "kept in", "text"])
    table.index = range(1, len(table) + 1)
    return table


def write_variants(folder: Path | str, variants: list[Variant] | None = None) -> list[Path]:
    """Write the variants as ``.txt`` files into ``folder`` (atomic writes); return their paths."""
    from .files import write_text

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    variants = course_variants() if variants is None else variants
    return [write_text(folder / v.name, v.text).path for v in variants]
