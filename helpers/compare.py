"""One event, several articles, side by side.

Framing is learned by comparison: the same day reported in other words, with
other sources.  This module runs the course's method on several articles and
sets the results side by side, **one column per article**, and every cell of
the comparison can show the sentences behind it.

* :func:`load_corpus` -- the articles to compare: the course article and the
  variants the course builds from it (``helpers.variants``), a folder of
  ``.txt`` files, or a list of files; each with its provenance sheet
  (``helpers.provenance``).  A file that cannot be read gets a row with the
  reason; two files of the same name in different folders stay apart.
* :func:`compare` -- the comparison as a long table, one line per piece of
  evidence: ``section``, ``row``, ``article``, ``value`` (what the cell shows),
  ``where`` (headline, sentence N from 1) and ``evidence`` (the sentence).
* :func:`side_by_side` -- one section of it as a narrow table, one column per
  article; :func:`evidence` -- the sentences behind one cell.

The rows, section by section (:data:`SECTIONS`):

1. **headline** -- the headline; its figures; the figures it states in its
   own voice that the body only attributes to a source (the
   *headline-versus-body attribution gap*, :func:`helpers.reading.headline_figures`);
   figures the body never gives; whose quotation the headline carries.
2. **lede and voices** -- the first sentence; the first and the last voice.
3. **naming** -- the contested terms the narrator uses in its own voice,
   one row per side whose preferred word they are (``contested_terms.json``).
4. **sources** -- attributions by side and by type of source; the share of
   the body inside quotation marks.
5. **reporting verbs** -- the verbs by speech act and by stance (the two ratings of
   notebook 04), and the share of loaded verbs derived from them.
6. **frames** -- for each frame of the dictionaries, how many paragraphs hold its words.
7. **readability** -- words, sentences, Flesch-Kincaid grade and Flesch reading ease.

Every number comes from the helpers the other notebooks use, so a surprising
cell can be checked in the notebook that teaches it.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import SEEDS_DIR, Article, load_article
from .errors import CorpusError, CourseError
from .framing import SIDES as NAMING_SIDES
from .framing import frame_hits, load_frame_lexicons, narrator_uses, quote_voices
from .provenance import SHEET_NAME, provenance_record, provenance_sheet, read_sheet
from .quotes import quoted_share
from .readability import MIN_WORDS, hardest_sentences, readability_scores
from .attribution_patterns import SPEECH_ACTS, STANCES
from .datafiles import read_csv
from .sources import find_attributions
from .text import shorten
from .variants import SIDES as CONFLICT_SIDES
from .variants import Variant, course_variants, headline_gap, switched_sides

__all__ = [
    "Entry", "Corpus", "load_corpus", "corpus_table", "provenance_table", "compare", "side_by_side",
    "evidence", "SECTIONS", "ORIGINAL", "SIDES_FILE", "headline_gap", "article_rows", "course_sides",
]

#: The sections of the comparison, in order.
SECTIONS = ("headline", "lede and voices", "naming", "sources", "reporting verbs", "frames", "readability")
#: The label of the course article in the default comparison.
ORIGINAL = "original"
#: A sides table beside the articles (same columns as ``helpers/data/seed_sources.csv``).
SIDES_FILE = "sides.csv"
_COLUMNS = ["section", "row", "article", "value", "where", "evidence"]
_NOT_CLASSIFIED = "not classified"
#: Short names of the two sides of the conflict in the cells ("Armenian side", "Azerbaijani side").
_SHORT_SIDES = {name: short for short, name in CONFLICT_SIDES.items()}
#: The naming rows: whose preferred words the narrator uses (``preferred_by`` of contested_terms.json).
_NAMING_ROWS = {"Armenian sources": "Armenian sources' words", "Azerbaijani sources": "Azerbaijani sources' words",
                "both sides": "both sides' words", "international usage": "flagged international words"}


# ------------------------------------------------------------------------------------ the corpus

@dataclass
class Entry:
    """One article of a corpus: its ``label`` (the column of the comparison), where it comes from,
    the :class:`~helpers.Article` (``None`` if it cannot be read, ``error`` then says why) and its
    provenance record (:func:`helpers.provenance.provenance_record`)."""

    label: str
    file: str
    article: Article | None = None
    error: str = ""
    provenance: dict = field(default_factory=dict)
    variant: Variant | None = None


@dataclass
class Corpus:
    """The articles to compare, with the ``notes`` a reader must see (one article only, files skipped)."""

    entries: list
    sides: pd.DataFrame
    notes: list = field(default_factory=list)

    @property
    def readable(self) -> list:
        """The entries that could be read as articles, in order."""
        return [e for e in self.entries if e.article is not None]

    @property
    def labels(self) -> list:
        return [e.label for e in self.readable]

    def column(self, number: int) -> str:
        """The label of the ``number``-th article (from 1), or of the last one when there are fewer."""
        return self.labels[max(0, min(number, len(self.labels)) - 1)]

    @property
    def variants(self) -> list:
        """The variants among the articles (the default corpus), in order."""
        return [e.variant for e in self.entries if e.variant is not None]

    def __getitem__(self, label: str) -> Article:
        for entry in self.readable:
            if entry.label == label:
                return entry.article
        raise KeyError(f"no article {label!r} in the corpus; its articles are: {', '.join(self.labels)}")

    def __repr__(self) -> str:
        return f"<Corpus: {len(self.readable)} articles ({', '.join(self.labels)})>"


def _one_line(error) -> str:
    return " ".join(str(error).split())


def _shown(path: Path) -> str:
    """A path as the tables show it: relative to the working folder when it can be, never a machine path."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:  # outside the working folder: its folder's name and its own (two report.txt stay apart)
        path = Path(path)
        return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def _files(articles) -> list[tuple[Path, Path | None]]:
    """(file, the folder it was found in) for every article named; a folder gives its .txt files."""
    if isinstance(articles, (str, Path)):
        articles = [articles]
    found = []
    for item in articles:
        if not isinstance(item, (str, Path)):
            raise CorpusError(f"ARTICLES names {item!r}, a {type(item).__name__}: each article must be the path of a "
                              "folder or a .txt file, in quotation marks")
        if not str(item).strip():
            raise CorpusError("ARTICLES names an empty path: write the folder or the .txt file between the quotation "
                              "marks")
        try:
            path = Path(item).expanduser()
            path.resolve()  # raises here, not later, for a NUL character or a name this system cannot hold
            is_folder, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as err:  # UnicodeEncodeError is a ValueError
            raise CorpusError(f"ARTICLES names {str(item)!r}, which is not a usable path: {_one_line(err)}") from None
        if is_folder:
            # every .txt entry that is not a folder: a pipe or a device gets a row with the reason
            files = sorted(p for p in path.rglob("*.txt") if not p.is_dir())
            if not files:
                raise CorpusError(f"The folder {_shown(path)!r} has no .txt articles: save each article as a "
                                  "plain-text file (.txt) in it")
            found += [(p, path) for p in files]
        elif exists or path.suffix == ".txt":
            found.append((path, None))  # a missing .txt file gets a row with the reason
        else:
            raise CorpusError(f"No folder or file at {str(item)!r}: give a folder of .txt articles or a list of "
                              ".txt files (paths are relative to the notebook's folder)")
    return found


def _labels(files: list[tuple[Path, Path | None]]) -> list[str]:
    """A unique label per file: its name without .txt, with as many parent folders as needed to tell it apart."""
    def label(path: Path, root: Path | None, depth: int) -> str:
        if root is not None:
            parts = path.relative_to(root).with_suffix("").parts
        else:
            parts = path.with_suffix("").parts
        return "/".join(parts[-depth:]) if depth <= len(parts) else "/".join(parts)

    labels = [label(p, r, 1) for p, r in files]
    depth = 1
    while len(set(labels)) < len(labels) and depth < 10:
        depth += 1
        repeated = {x for x in labels if labels.count(x) > 1}
        labels = [label(p, r, depth) if x in repeated else x for x, (p, r) in zip(labels, files)]
    seen: Counter = Counter()
    out = []
    for x in labels:  # still the same (the same file given twice): number them
        seen[x] += 1
        out.append(x if seen[x] == 1 else f"{x} ({seen[x]})")
    return out


_SIDES_COLUMNS = ["source", "party", "side", "type", "note"]


def _sides_frame(table: pd.DataFrame, where: str) -> pd.DataFrame:
    """A sides table with every column of :data:`_SIDES_COLUMNS` (a missing ``party`` is the side)."""
    table = table.fillna("").astype(str)
    missing = {"source", "side"} - set(table.columns)
    if missing:
        raise CorpusError(f"{where} has no column {', '.join(sorted(missing))}: its first line must be "
                          "source,side,type,note (a column party may split a side into parties)")
    table = table.copy()
    if "party" not in table.columns:
        table["party"] = table["side"]
    table["party"] = [party or side for party, side in zip(table["party"], table["side"])]
    for column in ("type", "note"):
        if column not in table.columns:
            table[column] = ""
    return table[_SIDES_COLUMNS].reset_index(drop=True)


def course_sides() -> pd.DataFrame:
    """The course article's sides table (``helpers/data/seed_sources.csv``): source, party, side, type, note.

    ``party`` is the actor a source speaks for, ``side`` the grouping of parties
    the analyst chose (notebook 04); a file without parties has each side as its party.
    """
    return _sides_frame(pd.DataFrame(read_csv("seed_sources.csv")), "seed_sources.csv")


def _read_sides_file(path: Path) -> pd.DataFrame:
    """A teacher's ``sides.csv``; raises :class:`CorpusError` (naming the file) when it cannot be used."""
    shown = f"{path.parent.name}/{path.name}"
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CorpusError(f"{shown} is not UTF-8 text: open it in a spreadsheet or text editor and save it as "
                          "CSV UTF-8") from None
    except (ValueError, OSError) as err:  # pandas' ParserError and EmptyDataError are ValueErrors
        raise CorpusError(f"{shown} cannot be read as a table: {_one_line(err)}") from None
    return _sides_frame(table, shown)


def _read_sides(folders, notes: list | None = None) -> pd.DataFrame:
    """The course's sides table, with the teacher's ``sides.csv`` of each folder first.

    A ``sides.csv`` that cannot be used is left out, with the reason in ``notes``.
    """
    sides = course_sides()
    extra = []
    for folder in sorted(folders):
        if (folder / SIDES_FILE).is_file():
            try:
                extra.append(_read_sides_file(folder / SIDES_FILE))
            except CorpusError as err:
                if notes is None:
                    raise
                notes.append(f"{err} (the course's sides table is used instead)")
    if extra:  # the teacher's decisions first: they replace the course's for the same source
        sides = pd.concat([*extra, sides], ignore_index=True).drop_duplicates("source", keep="first")
    return sides.reset_index(drop=True)


def load_corpus(articles=None) -> Corpus:
    """The articles to compare.

    * ``None`` (the default): the course article, labelled "original", and the
      five variants the course builds from it (:func:`helpers.variants.course_variants`);
    * a folder: every ``.txt`` file in it and in its subfolders, in name order,
      labelled by file name (with the subfolder where two files share a name);
    * a list of files or folders.

    Beside the articles, ``provenance.csv`` gives each file's provenance sheet
    and ``sides.csv`` the side and type of each source (as
    ``helpers/data/seed_sources.csv`` does for the course article).  A file
    that cannot be read as an article (empty, not UTF-8, missing) gets an entry
    with the reason and is left out of the comparison.  Raises
    :class:`~helpers.errors.CorpusError` for an empty folder, a path that does
    not exist, or a corpus in which no article can be read.
    """
    if articles is None:
        return _default_corpus()
    if not isinstance(articles, (str, Path, list, tuple)):
        raise CorpusError(f"ARTICLES must be None, a folder, or a list of .txt files, not a {type(articles).__name__}")
    files = _files(articles)
    if not files:
        raise CorpusError("ARTICLES is an empty list: name a folder or at least one .txt file")
    notes = []
    resolved = [p.resolve() for p, _ in files]
    kept, seen = [], set()
    for (path, root), real in zip(files, resolved):
        if real in seen:
            notes.append(f"{_shown(path)} is named twice: it is compared once")
            continue
        seen.add(real)
        kept.append((path, root))
    entries = []
    sheets: dict[Path, dict] = {}
    for (path, root), label in zip(kept, _labels(kept)):
        entry = Entry(label, _shown(path))
        try:
            entry.article = load_article(path, name=label)
        except (CourseError, OSError) as err:  # every article problem is a CourseError; OSError: the unforeseen
            entry.error = _one_line(err)
        folder = path.parent
        if folder not in sheets:
            try:
                sheets[folder] = read_sheet(folder)
            except CourseError as err:
                sheets[folder] = {}
                notes.append(_one_line(err))
        header = entry.article.provenance if entry.article is not None else {}
        entry.provenance = provenance_record(header, sheets[folder].get(path.name))
        entries.append(entry)
    corpus = Corpus(entries, _read_sides({p.parent for p, _ in kept}, notes), notes)
    bad = [e for e in entries if e.article is None]
    if not corpus.readable:
        raise CorpusError("No article could be read: " + "; ".join(f"{e.file}: {e.error}" for e in bad))
    if bad:
        corpus.notes.append(f"{len(bad)} of {len(entries)} files could not be read and are left out of the "
                            f"comparison: {', '.join(e.label for e in bad)} (the table of articles says why)")
    if len(corpus.readable) == 1:
        corpus.notes.append("Only one article could be read: the comparison has a single column. Add a second "
                            "report of the same event to compare.")
    return corpus


def _default_corpus() -> Corpus:
    seed = load_article()
    sheet = read_sheet(SEEDS_DIR).get(seed.name)
    record = provenance_record(seed.provenance, sheet)
    entries = [Entry(ORIGINAL, f"seeds/{seed.name}", seed, provenance=record)]
    for variant in course_variants(seed, provenance=record):
        article = variant.article()
        entries.append(Entry(variant.key, f"built from seeds/{seed.name}", article,
                             provenance=provenance_record(article.provenance, None), variant=variant))
    return Corpus(entries, switched_sides(course_sides()), [])


def corpus_table(corpus: Corpus, width: int = 60) -> pd.DataFrame:
    """The articles of the corpus, numbered from 1: label, file, headline (shortened) or why it cannot be read."""
    rows = []
    for e in corpus.entries:
        if e.article is None:
            status = f"cannot be read: {e.error}"
        elif e.article.title is None:
            status = "(no headline: the first block is a paragraph)"
        else:
            status = shorten(e.article.title, width)
        rows.append({"article": e.label, "file": e.file, "headline": status})
    table = pd.DataFrame(rows, columns=["article", "file", "headline"])
    table.index = range(1, len(table) + 1)
    return table


def provenance_table(corpus: Corpus, width: int = 36) -> pd.DataFrame:
    """The provenance sheet of every article (readable or not), one row each (see :mod:`helpers.provenance`)."""
    return provenance_sheet({e.label: e.provenance for e in corpus.entries}, width=width)


# ------------------------------------------------------------------------------------ measuring one article

def _where(article: Article, offset: int) -> str:
    if article.title is not None and article.title.start <= offset < article.title.end:
        return "headline"
    k = article.sentence_at(offset)
    if k is not None:
        return f"sentence {k + 1}"
    return "subheading"


def _sentence(article: Article, offset: int) -> str:
    k = article.sentence_at(offset)
    if k is not None:
        return str(article.sentences[k])
    return str(article.title) if article.title is not None else ""


class _Rows:
    """Collects the long table's lines for one article."""

    def __init__(self, label: str):
        self.label = label
        self.lines: list[dict] = []

    def add(self, section: str, row: str, value, evidence=()) -> None:
        evidence = list(evidence) or [("", "")]
        for where, text in evidence:
            self.lines.append({"section": section, "row": row, "article": self.label, "value": str(value),
                               "where": where, "evidence": " ".join(str(text).split())})


def _count_list(counter: Counter) -> str:
    return ", ".join(f"{k} ({n})" if n > 1 else k for k, n in counter.most_common())


def _headline_rows(rows: _Rows, article: Article, attributions) -> None:
    title = str(article.title) if article.title is not None else ""
    head = [("headline", title)] if title else []
    rows.add("headline", "headline", shorten(title, 60) if title else "(no headline)", head)
    records = headline_gap(article)
    rows.add("headline", "figures in the headline", ", ".join(r["figure"] for r in records) or "none", head)
    gaps = [r for r in records if r["finding"].startswith("stated in the headline")]
    rows.add("headline", "fact in headline, attributed in body",
             ", ".join(r["figure"] for r in gaps) or "none",
             [(f"sentence {k + 1}", article.sentences[k])
              for k in sorted({b["sentence"] for r in gaps for b in r["body"]})])
    missing = [r for r in records if r["finding"].startswith("not in the body")]
    rows.add("headline", "figures the body never gives", ", ".join(r["figure"] for r in missing) or "none",
             head if missing else [])
    voices = quote_voices(article, attributions)
    in_headline = voices[voices["part"] == "headline"] if len(voices) else voices
    body = voices[voices["part"] == "body"] if len(voices) else voices
    quoted = []
    for quote in in_headline["quote"] if len(in_headline) else []:
        match = [v for q, v in zip(body["quote"], body["voice"]) if quote.lower() in q.lower()]
        quoted.append(f"“{quote}” ({match[0] if match else 'no one in the body'})")
    rows.add("headline", "quoted in the headline", "; ".join(quoted) or "none", head if quoted else [])


def _voice_rows(rows: _Rows, article: Article, attributions, side_of) -> None:
    first = article.sentences[0] if article.sentences else ""
    rows.add("lede and voices", "lede (sentence 1)", shorten(first, 60) if first else "(no body)",
             [("sentence 1", first)] if first else [])
    for name, a in (("first voice", attributions[0] if attributions else None),
                    ("last voice", attributions[-1] if attributions else None)):
        if a is None:
            rows.add("lede and voices", name, "no source is credited")
        else:
            side = _SHORT_SIDES.get(side_of.get(a.source, _NOT_CLASSIFIED), side_of.get(a.source, _NOT_CLASSIFIED))
            rows.add("lede and voices", name, f"{a.source} ({side})", [(_where(article, a.start), _sentence(article, a.start))])


def _naming_rows(rows: _Rows, article: Article, attributions) -> None:
    uses = narrator_uses(article, attributions=attributions)
    for side in NAMING_SIDES:
        mine = [u for u in uses if u.side == side]
        value = f"{len(mine)}: {_count_list(Counter(u.term for u in mine))}" if mine else "0"
        rows.add("naming", _NAMING_ROWS.get(side, side), value,
                 [("headline" if u.part == "headline" else f"sentence {u.sentence_number}" if u.sentence_number
                   else u.part, u.evidence) for u in mine])


def _classify(sources: list[str], sides: pd.DataFrame, column: str) -> list[str]:
    lookup = dict(zip(sides["source"], sides[column]))
    return [lookup.get(source) or _NOT_CLASSIFIED for source in sources]


def _source_rows(rows: _Rows, article: Article, attributions, sides, orders) -> None:
    total = len(attributions)
    rows.add("sources", "attributions", total,
             [(_where(article, a.start), _sentence(article, a.start)) for a in attributions])
    for kind, order in orders.items():
        values = _classify([a.source for a in attributions], sides, kind)
        for name in order:
            picked = [a for a, value in zip(attributions, values) if value == name]
            value = f"{len(picked)} ({len(picked) / total:.0%})" if total else "0"
            rows.add("sources", f"{kind}: {name}", value,
                     [(_where(article, a.start), f"{a.source}: {_sentence(article, a.start)}") for a in picked])
    quotes = [q for q in article.quotes if q.level == 0 and article.paragraph_at(q.start) is not None]
    rows.add("sources", "quoted share of the body", f"{quoted_share(article):.0%}",
             [(_where(article, q.start), f"“{shorten(q.text, 60)}” in: {_sentence(article, q.start)}") for q in quotes])


def _verb_rows(rows: _Rows, article: Article, attributions) -> None:
    """The reporting verbs, rated on the two dimensions of notebook 04: the speech act and the stance."""
    def behind(picked):
        return [(_where(article, a.start), f"{a.verb} ({a.source}): {_sentence(article, a.start)}") for a in picked]

    rows.add("reporting verbs", "verbs", _count_list(Counter(a.verb.lower() for a in attributions)) or "none",
             behind(attributions))
    for act in SPEECH_ACTS:
        mine = [a for a in attributions if a.speech_act == act]
        rows.add("reporting verbs", f"act: {act}", _count_list(Counter(a.verb.lower() for a in mine)) or "none",
                 behind(mine))
    for stance in (s for s in STANCES if s != "none"):
        mine = [a for a in attributions if a.stance == stance]
        rows.add("reporting verbs", f"stance: {stance}", _count_list(Counter(a.verb.lower() for a in mine)) or "none",
                 behind(mine))
    loaded = [a for a in attributions if a.rating == "loaded"]
    rows.add("reporting verbs", "loaded share (expressive or with a stance)",
             f"{len(loaded) / len(attributions):.0%}" if attributions else "no verbs", behind(loaded))


def _frame_rows(rows: _Rows, article: Article, attributions) -> None:
    hits = frame_hits(article, attributions=attributions)
    body = hits[hits["part"] == "body"]
    for frame in load_frame_lexicons():
        mine = body[body["frame"] == frame]
        paragraphs = mine["paragraph"].nunique()
        by_sentence: dict[int, list[str]] = {}
        for sentence, text in zip(mine["sentence"], mine["text"]):
            if pd.notna(sentence):
                by_sentence.setdefault(int(sentence), []).append(text.lower())
        rows.add("frames", f"frame: {frame}", f"{paragraphs} of {len(article.paragraphs)} paragraphs",
                 [(f"sentence {k}", f"[{', '.join(dict.fromkeys(words))}] {article.sentences[k - 1]}")
                  for k, words in sorted(by_sentence.items())])


def _readability_rows(rows: _Rows, article: Article) -> None:
    with warnings.catch_warnings():  # the note below says what matters here
        warnings.simplefilter("ignore")
        try:
            scores = readability_scores(article)
            hardest = hardest_sentences(article, n=1)
        except ValueError:  # a body without words to score
            scores = None
    note = f" (under {MIN_WORDS} words: read with care)" if len(article.words) < MIN_WORDS else ""
    every = [(f"sentence {k}", s) for k, s in enumerate(article.sentences, start=1)]
    rows.add("readability", "words", len(article.words), every)
    rows.add("readability", "sentences", len(article.sentences), every)
    if scores is None:
        rows.add("readability", "Flesch-Kincaid grade", "no words to score")
        rows.add("readability", "Flesch reading ease", "no words to score")
        return
    behind = []
    if len(hardest):
        text = str(hardest["text"].iloc[0])
        k = next((i for i, s in enumerate(article.sentences) if str(s) == text), None)
        behind = [(f"sentence {k + 1}" if k is not None else "", f"the hardest sentence: {text}")]
    rows.add("readability", "Flesch-Kincaid grade", f"{scores['flesch_kincaid_grade']:.1f}{note}", behind)
    rows.add("readability", "Flesch reading ease", f"{scores['flesch_reading_ease']:.1f}{note}", behind)


def article_rows(article: Article, label: str, sides: pd.DataFrame, orders: dict) -> list[dict]:
    """The lines of the long table for one article (see :func:`compare`)."""
    rows = _Rows(label)
    attributions = find_attributions(article)
    side_of = dict(zip(sides["source"], sides["side"]))
    _headline_rows(rows, article, attributions)
    _voice_rows(rows, article, attributions, side_of)
    _naming_rows(rows, article, attributions)
    _source_rows(rows, article, attributions, sides, orders)
    _verb_rows(rows, article, attributions)
    _frame_rows(rows, article, attributions)
    _readability_rows(rows, article)
    return rows.lines


# ------------------------------------------------------------------------------------ the comparison

def _orders(corpus: Corpus) -> dict[str, list[str]]:
    """The sides, parties and types of source found in any article, in the order of the sides table.

    Parties get rows of their own only where the sides table groups several
    parties into one side (then the comparison shows both ways of counting).
    """
    sources = [a.source for entry in corpus.readable for a in find_attributions(entry.article)]

    def ordered(column: str) -> list[str]:
        found = set(_classify(sources, corpus.sides, column))
        known = [x for x in dict.fromkeys(corpus.sides[column]) if x in found]
        return known + sorted(found - set(known) - {_NOT_CLASSIFIED}) + ([_NOT_CLASSIFIED] if _NOT_CLASSIFIED in found else [])

    orders = {"side": ordered("side")}
    if any(p != s for p, s in zip(corpus.sides["party"], corpus.sides["side"])):
        orders["party"] = ordered("party")
    orders["type"] = ordered("type")
    return orders


def compare(corpus: Corpus) -> pd.DataFrame:
    """The comparison of every readable article of ``corpus``, as a long table.

    One line per piece of evidence: ``section`` (see :data:`SECTIONS`), ``row``
    (the measure), ``article`` (the column), ``value`` (what the cell shows),
    ``where`` ("headline", "sentence N", counted from 1) and ``evidence`` (the
    sentence, with the source or the words found).  A cell without evidence
    has one line with ``where`` and ``evidence`` empty.  Lines are numbered
    from 1.
    """
    orders = _orders(corpus)
    lines = []
    for entry in corpus.readable:
        lines += article_rows(entry.article, entry.label, corpus.sides, orders)
    table = pd.DataFrame(lines, columns=_COLUMNS)
    table.index = range(1, len(table) + 1)
    return table


def side_by_side(comparison: pd.DataFrame, section: str | None = None, articles=None,
                 width: int = 26) -> pd.DataFrame:
    """One section of the comparison (all of it with ``section=None``): rows are measures, one column per article.

    ``articles`` keeps some columns, in the order given (all by default).
    Cell values are shortened to ``width`` characters; :func:`evidence` shows
    the sentences behind any cell.
    """
    if section is not None and section not in SECTIONS:
        raise CorpusError(f"no section {section!r}; the sections are: {', '.join(SECTIONS)}")
    part = comparison if section is None else comparison[comparison["section"] == section]
    cells = part.drop_duplicates(["row", "article"])
    rows = list(dict.fromkeys(cells["row"]))
    known = list(dict.fromkeys(cells["article"]))
    if articles is None:
        articles = known
    else:
        articles = [articles] if isinstance(articles, str) else list(articles)
        missing = [a for a in articles if a not in known]
        if missing:
            raise CorpusError(f"no article {missing[0]!r} in the comparison; the articles are: {', '.join(known)}")
    value = {(r, a): v for r, a, v in zip(cells["row"], cells["article"], cells["value"])}
    table = pd.DataFrame([[shorten(value.get((r, a), ""), width) for a in articles] for r in rows],
                         index=pd.Index(rows, name=section or "measure"), columns=articles)
    return table


def evidence(comparison: pd.DataFrame, row: str, article: str, width: int = 160) -> pd.DataFrame:
    """The sentences behind one cell of the comparison: where (headline, sentence N), evidence; from 1.

    ``row`` is a row of :func:`side_by_side` (such as "first voice"),
    ``article`` one of its columns.  The value of the cell is in the table's
    ``attrs["value"]``.  Raises :class:`~helpers.errors.CorpusError` naming the rows or articles there are.
    """
    rows = list(dict.fromkeys(comparison["row"]))
    articles = list(dict.fromkeys(comparison["article"]))
    if row not in rows:
        raise CorpusError(f"no row {row!r} in the comparison; the rows are: {', '.join(rows)}")
    if article not in articles:
        raise CorpusError(f"no article {article!r} in the comparison; the articles are: {', '.join(articles)}")
    cell = comparison[(comparison["row"] == row) & (comparison["article"] == article)]
    cell = cell[cell["evidence"] != ""]
    table = pd.DataFrame({"where": list(cell["where"]), "evidence": [shorten(e, width) for e in cell["evidence"]]},
                         columns=["where", "evidence"])
    table.index = range(1, len(table) + 1)
    value = comparison.loc[(comparison["row"] == row) & (comparison["article"] == article), "value"]
    table.attrs["value"] = value.iloc[0] if len(value) else ""
    return table
