"""Who is heard, by party and by side: the source table grouped two ways.

The extractor finds who speaks (``helpers.sources.source_table``: one row per
attribution).  For whom a source speaks is the **analyst's** decision, written
down in a *sides table*, one row per source, so that others can check it:

* ``party``: the actor the source speaks for, as the article itself separates
  them ("Armenia's government", "Karabakh Armenian authorities", "Azerbaijan");
* ``side``: a grouping of parties the analyst may choose to make
  ("Armenia / Karabakh Armenian authorities" groups two parties; for a
  party that is grouped with no other, the side is the party);
* ``type``: named person, government or institution, anonymous, civilian;
* ``note``: why, wherever the decision was not obvious.

Grouping parties is a choice, and a finding such as "this side is heard most"
can depend on it.  So the functions here count **both ways**::

    from helpers.sides import read_sides, classify, heard_by, finding
    sides = read_sides()                      # the course article's table
    rows = classify(source_table(article), sides)
    heard_by(rows, "party")                   # the parties apart
    heard_by(rows, "side")                    # the parties grouped into sides
    finding(rows, "party")                    # the same, as a sentence

Paragraph numbers in the tables shown here count as a reader counts: paragraph 1
is the first body paragraph.  This module works on DataFrames only; it does not
find attributions itself.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd

from .datafiles import DATA_DIR, read_csv
from .text import shorten

__all__ = [
    "SEED_SIDES", "LEVELS", "NOT_CLASSIFIED", "NOT_FILLED_IN", "SIDES_COLUMNS", "read_sides", "sides_frame",
    "assign", "classify", "groupings", "heard_by", "both_ways", "leaders", "finding", "source_view", "full_sentence",
    "kinds_by", "channels_named", "channels_by", "first_heard", "first_and_last", "missing_voices",
    "SPEECH_ACTS", "STANCES", "verb_audit", "verb_finding", "verb_sentences", "heard_chart",
]

#: The course article's sides table.
SEED_SIDES = DATA_DIR / "seed_sources.csv"
#: The two ways of grouping the sources: apart (``party``) or grouped (``side``).
LEVELS = ("party", "side")
#: A source that the sides table does not list.
NOT_CLASSIFIED = "not classified"
#: A source listed with an empty party or side.
NOT_FILLED_IN = "(not filled in)"
#: The columns of a sides table (``party`` may be left out: it is then the side).
SIDES_COLUMNS = ["source", "party", "side", "type", "note"]
_UNSORTED = (NOT_CLASSIFIED, NOT_FILLED_IN)
_KINDS = ["direct", "partial", "indirect"]


# --------------------------------------------------------------------------- the sides table


def read_sides(path: Path | str | None = None) -> pd.DataFrame:
    """A sides table from its CSV file (the course article's, ``helpers/data/seed_sources.csv``, by default).

    Columns ``source, party, side, type, note``.  A file without ``party`` is read
    with each source's side as its party (no grouping); a file without ``side``,
    with each party as its own side.
    """
    path = SEED_SIDES if path is None else Path(path)
    rows = read_csv(path.resolve())
    return sides_frame(pd.DataFrame(rows, dtype=str), where=path.name)


def sides_frame(table: pd.DataFrame, where: str = "the sides table") -> pd.DataFrame:
    """``table`` with the columns of :data:`SIDES_COLUMNS`, filling ``party`` from ``side`` or back.

    Raises ``ValueError`` naming the missing column when there is no ``source``
    column, or neither a ``party`` nor a ``side`` column.
    """
    table = table.fillna("").astype(str)
    if "source" not in table.columns:
        raise ValueError(f"{where} has no column 'source': keep the header line {','.join(SIDES_COLUMNS)}")
    if "party" not in table.columns and "side" not in table.columns:
        raise ValueError(f"{where} has no column 'party' or 'side': keep the header line {','.join(SIDES_COLUMNS)}")
    table = table.copy()
    if "party" not in table.columns:
        table["party"] = table["side"]
    if "side" not in table.columns:
        table["side"] = table["party"]
    table["side"] = [side or party for party, side in zip(table["party"], table["side"])]
    table["party"] = [party or side for party, side in zip(table["party"], table["side"])]
    for column in ("type", "note"):
        if column not in table.columns:
            table[column] = ""
    return table[SIDES_COLUMNS].reset_index(drop=True)


def assign(sides: pd.DataFrame, source: str, party: str, side: str | None = None, type: str = "",
           note: str = "") -> pd.DataFrame:
    """A copy of ``sides`` in which ``source`` speaks for ``party`` (and ``side``: the party's side by default).

    The row of ``source`` is replaced, or added when the table has none.  Use it to
    write down a decision, for example who an unresolved pronoun speaks for::

        my_sides = assign(sides, "they (unresolved)", "Karabakh Armenian authorities")
    """
    sides = sides_frame(sides)
    if side is None:
        known = sides.loc[sides["party"] == party, "side"]
        side = known.iloc[0] if len(known) else party
    row = {"source": source, "party": party, "side": side, "type": type, "note": note}
    kept = sides[sides["source"] != source]
    return pd.concat([kept, pd.DataFrame([row])], ignore_index=True)[SIDES_COLUMNS]


def classify(table: pd.DataFrame, sides: pd.DataFrame) -> pd.DataFrame:
    """The source table with ``party``, ``side`` and ``type`` columns from the sides table.

    A source the sides table does not list is "not classified"; a listed source
    whose party is empty is "(not filled in)".
    """
    sides = sides_frame(sides)
    out = table.copy()
    for column in ("party", "side", "type"):
        lookup = dict(zip(sides["source"], sides[column]))
        out[column] = [NOT_CLASSIFIED if s not in lookup else (lookup[s] or NOT_FILLED_IN) for s in out["source"]]
    return out


def groupings(sides: pd.DataFrame) -> pd.DataFrame:
    """The analyst's groupings: each side that groups more than one party, with its parties.

    An empty table means that no party is grouped with another: counting by
    side and by party then gives the same result.
    """
    sides = sides_frame(sides)
    rows = []
    for side, group in sides.groupby("side", sort=False):
        parties = list(dict.fromkeys(p for p in group["party"] if p))
        if side and len(parties) > 1:
            rows.append({"side": side, "parties grouped": " + ".join(parties)})
    return pd.DataFrame(rows, columns=["side", "parties grouped"])


# --------------------------------------------------------------------------- who is heard


def _check_level(table: pd.DataFrame, level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be 'party' or 'side', not {level!r}")
    if level not in table.columns:
        raise ValueError(f"the table has no {level!r} column: classify(source_table(article), sides) adds it")


def _unsorted_last(index) -> list:
    return [k for k in index if k not in _UNSORTED] + [k for k in _UNSORTED if k in index]


def heard_by(classified: pd.DataFrame, level: str = "party") -> pd.DataFrame:
    """Who is heard, per party or per side: attributions, their share, quoted words, their share, sources.

    Sorted by attributions, then quoted words (most first); "not classified" and
    "(not filled in)" come last.  The shares are of all the table's rows and words.
    """
    _check_level(classified, level)
    columns = ["attributions", "share of attributions", "quoted words", "share of quoted words", "sources"]
    if not len(classified):
        return pd.DataFrame(columns=columns, index=pd.Index([], name=level))
    grouped = classified.groupby(level, sort=False)
    words = int(classified["quoted words"].sum())
    table = pd.DataFrame({
        "attributions": grouped.size(),
        "share of attributions": (grouped.size() / len(classified)).round(2),
        "quoted words": grouped["quoted words"].sum().astype(int),
        "share of quoted words": (grouped["quoted words"].sum() / words if words else 0.0 * grouped.size()).round(2),
        "sources": grouped["source"].nunique(),
    })
    table = table.sort_values(["attributions", "quoted words"], ascending=False, kind="stable")
    table = table.reindex(_unsorted_last(table.index))
    table.index.name = level
    return table


def both_ways(classified: pd.DataFrame) -> pd.DataFrame:
    """Who is heard, with the parties apart *and* grouped, in one table: one row per party, under its side.

    The index is (side, party).  A side that groups several parties gets a first row of
    its own, party "(all)", with the side's totals.  Sides come in the order of
    :func:`heard_by` by side (most attributions first); parties in the order of
    ``heard_by`` by party.  Columns: attributions and quoted words.
    """
    for level in LEVELS:
        _check_level(classified, level)
    columns = ["attributions", "quoted words"]
    by_side, by_party = heard_by(classified, "side"), heard_by(classified, "party")
    rows, index = [], []
    for side in by_side.index:
        parties = [p for p in by_party.index if p in set(classified.loc[classified["side"] == side, "party"])]
        if len(parties) > 1:
            rows.append(by_side.loc[side, columns].tolist())
            index.append((side, "(all)"))
        for party in parties:
            mask = (classified["side"] == side) & (classified["party"] == party)
            rows.append([int(mask.sum()), int(classified.loc[mask, "quoted words"].sum())])
            index.append((side, party))
    table = pd.DataFrame(rows, columns=columns, index=pd.MultiIndex.from_tuples(index, names=["side", "party"]))
    return table.astype(int)


def leaders(classified: pd.DataFrame, level: str = "party", measure: str = "attributions") -> list[str]:
    """The parties (or sides) with the most ``measure`` ("attributions" or "quoted words"); several if tied.

    "not classified" and "(not filled in)" never lead.  An empty list when no one is heard.
    """
    table = heard_by(classified, level)
    table = table.loc[[k for k in table.index if k not in _UNSORTED]]
    if not len(table) or table[measure].max() == 0:
        return []
    return [k for k, n in table[measure].items() if n == table[measure].max()]


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def finding(classified: pd.DataFrame, level: str = "party") -> str:
    """Who is heard most, per party or per side, as a sentence the prose can rely on (numbers included)."""
    table = heard_by(classified, level)
    if not len(table):
        return "No one is heard: the article credits no statement to any source."
    by = "party" if level == "party" else "side (parties grouped)"
    if all(k in _UNSORTED for k in table.index):
        return (f"By {by}: none of the {len(classified)} attributions has a {level} yet; fill in the sides table "
                "(one row per source) and run the notebook again.")
    totals = {"attributions": len(classified), "quoted words": int(classified["quoted words"].sum())}
    tops = {measure: leaders(classified, level, measure) for measure in totals}

    def share(measure):
        top = tops[measure]
        return f"{int(table.loc[top[0], measure])} of {totals[measure]} {measure}" + (" each" if len(top) > 1 else "")

    if tops["attributions"] and tops["attributions"] == tops["quoted words"]:
        top = tops["attributions"]
        verb = "is" if len(top) == 1 else "are"
        return (f"By {by}, {_names(top)} {verb} heard most, by both measures: {share('attributions')} and "
                f"{share('quoted words')}.")
    parts = [f"most {measure}: {_names(tops[measure])} ({share(measure)})" if tops[measure]
             else f"no one has any {measure}" for measure in totals]
    return f"By {by}, " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- reading the table


def source_view(table: pd.DataFrame, columns: list[str] | None = None, width: int = 45) -> pd.DataFrame:
    """A narrow view of a source table: paragraph (from 1), source, verb, kind, the first quotation shortened.

    ``columns`` adds others (such as ``"party"``).  The row numbers are those of the
    full table: ``full_sentence(table, row)`` gives a row's sentence in full.
    """
    shown = ["paragraph", "source", *(columns or []), "verb", "kind", "quote"]
    view = table[[c for c in shown if c in table.columns]].copy()
    view["paragraph"] = view["paragraph"] + 1
    view["quote"] = [shorten(q, width) if q else "" for q in view["quote"]]
    return view


def full_sentence(table: pd.DataFrame, row: int) -> str:
    """The sentence of row ``row`` of a source table (the row numbers shown, from 1), in full."""
    if row not in table.index:
        raise ValueError(f"the table has no row {row}: its rows are {table.index.min()} to {table.index.max()}")
    return str(table.loc[row, "sentence"])


def kinds_by(classified: pd.DataFrame, level: str = "party") -> pd.DataFrame:
    """How each party (or side) is heard: direct, partial and indirect attributions."""
    _check_level(classified, level)
    order = list(heard_by(classified, level).index)
    table = pd.crosstab(classified[level], classified["kind"]).reindex(index=order, columns=_KINDS, fill_value=0)
    table.columns.name, table.index.name = "kind", level
    return table


def channels_named(classified: pd.DataFrame) -> pd.Series:
    """The channels the text names (Facebook, X, press release, ...), with how many attributions each.

    Attributions whose channel the text does not name are left out: count them
    with ``(classified["channel"] == "").sum()``.
    """
    named = classified.loc[classified["channel"] != "", "channel"]
    counts = named.value_counts()
    counts = counts.reindex(sorted(counts.index, key=lambda c: (-counts[c], c)))
    counts.index.name, counts.name = "channel", "attributions"
    return counts.astype(int)


def channels_by(classified: pd.DataFrame, level: str = "party") -> pd.DataFrame:
    """Per party (or side): attributions by medium of the statement, "not stated" last."""
    _check_level(classified, level)
    order = list(heard_by(classified, level).index)
    table = pd.crosstab(classified[level], classified["medium"]).reindex(index=order, fill_value=0)
    table = table[[c for c in table.columns if c != "not stated"] + [c for c in ["not stated"] if c in table.columns]]
    table.columns.name, table.index.name = "medium", level
    return table


def first_heard(classified: pd.DataFrame, level: str = "party") -> pd.DataFrame:
    """The paragraph (from 1) where each party or side is first heard, and the source heard there, in order."""
    _check_level(classified, level)
    rows = classified.drop_duplicates(level)
    table = pd.DataFrame({level: rows[level], "first heard in paragraph": rows["paragraph"] + 1,
                          "source": rows["source"], "verb": rows["verb"]})
    table.index = range(1, len(table) + 1)
    return table


def first_and_last(classified: pd.DataFrame, width: int = 70) -> pd.DataFrame:
    """The first and the last attribution of the body: paragraph (from 1), source, party, side, sentence."""
    if not len(classified):
        return pd.DataFrame(columns=["paragraph", "source", "party", "side", "sentence"])
    ends = classified.iloc[[0, -1]] if len(classified) > 1 else classified.iloc[[0]]
    table = pd.DataFrame({
        "paragraph": ends["paragraph"] + 1, "source": ends["source"],
        "party": ends.get("party", NOT_CLASSIFIED), "side": ends.get("side", NOT_CLASSIFIED),
        "sentence": [shorten(s, width) for s in ends["sentence"]],
    })
    table.index = ["first voice", "last voice"][: len(table)]
    return table


def missing_voices(classified: pd.DataFrame, level: str = "party") -> pd.DataFrame:
    """Attributions to the voices an audit looks for: civilians, observers, anonymous, named people per party."""
    _check_level(classified, level)
    rows = [("civilians", classified["type"] == "civilian"),
            ("independent observers (side 'other')", classified["side"] == "other"),
            ("anonymous sources", classified["type"] == "anonymous")]
    for name in heard_by(classified, level).index:
        if name not in _UNSORTED:
            rows.append((f"named people speaking for {name}",
                         (classified[level] == name) & (classified["type"] == "named person")))
    return pd.DataFrame({"attributions": [int(mask.sum()) for _, mask in rows]},
                        index=pd.Index([name for name, _ in rows], name="voice"))


#: The values of the two verb dimensions, in the order the audit shows them.
SPEECH_ACTS = ["neutral", "assertive", "directive", "commissive", "expressive"]
STANCES = ["none", "distance", "endorsement"]


def verb_audit(classified: pd.DataFrame, level: str = "party") -> pd.DataFrame:
    """Per party (or side): the attributions by the reporting verb's two ratings.

    With the columns ``speech act`` and ``stance`` of the source table, the table has
    two groups of columns: the **speech act** the verb describes (neutral, assertive,
    directive, commissive, expressive) and the **stance** it signals about the truth
    of what is reported (none, distance, endorsement).  A source table with only the
    one-word ``rating`` gets neutral, loaded and the loaded share.
    """
    _check_level(classified, level)
    order = list(heard_by(classified, level).index)
    if {"speech act", "stance"} <= set(classified.columns):
        parts = []
        for dimension, values in (("speech act", SPEECH_ACTS), ("stance", STANCES)):
            values = values + sorted(set(classified[dimension]) - set(values))
            part = pd.crosstab(classified[level], classified[dimension]).reindex(index=order, columns=values,
                                                                                fill_value=0)
            part.columns = pd.MultiIndex.from_product([[dimension], part.columns], names=["dimension", "rating"])
            parts.append(part)
        table = pd.concat(parts, axis=1)
        table.index.name = level
        return table
    table = pd.crosstab(classified[level], classified["rating"]).reindex(
        index=order, columns=["neutral", "loaded"], fill_value=0)
    table["attributions"] = table["neutral"] + table["loaded"]
    table["share loaded"] = (table["loaded"] / table["attributions"].where(table["attributions"] > 0)).round(2)
    table.columns.name, table.index.name = "verb", level
    return table


def verb_finding(classified: pd.DataFrame, level: str = "party") -> str:
    """What the verb audit shows, as a sentence: the verbs that signal a stance, and who gets expressive verbs.

    Works on a source table with the columns ``speech act`` and ``stance``; with only
    the one-word ``rating``, it names the loaded verbs instead.
    """
    _check_level(classified, level)
    if not len(classified):
        return "No attribution, no verb to audit."

    def verbs(rows) -> str:
        return ", ".join(f"“{v}”" for v in dict.fromkeys(rows["verb"].str.lower()))

    if not {"speech act", "stance"} <= set(classified.columns):
        loaded = classified[classified["rating"] == "loaded"]
        return (f"{len(loaded)} of {len(classified)} attributions have a loaded verb"
                + (f": {verbs(loaded)}." if len(loaded) else "."))
    parts = []
    signalled = classified[classified["stance"] != "none"]
    if len(signalled):
        parts.append(f"{len(signalled)} of {len(classified)} verbs {'signals' if len(signalled) == 1 else 'signal'} "
                     f"a stance on the truth of what they report ({verbs(signalled)})")
    else:
        parts.append(f"none of the {len(classified)} verbs signals doubt or endorsement (stance: none)")
    expressive = classified[classified["speech act"] == "expressive"]
    if len(expressive):
        who = "; ".join(f"{name}: {verbs(rows)}" for name, rows in expressive.groupby(level, sort=False))
        parts.append(f"{len(expressive)} {'describes' if len(expressive) == 1 else 'describe'} the act as an "
                     f"expression of attitude ({who})")
    else:
        parts.append("none describes the act as an expression of attitude")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def verb_sentences(classified: pd.DataFrame, verb: str) -> pd.DataFrame:
    """The attributions whose reporting verb is ``verb`` (any case), numbered 1, 2, ...: paragraph, source, sentence."""
    rows = classified[classified["verb"].str.lower() == verb.lower()]
    table = pd.DataFrame({"paragraph": rows["paragraph"] + 1, "source": rows["source"], "sentence": rows["sentence"]})
    table.index = range(1, len(table) + 1)
    return table


def heard_chart(classified: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, measure: str = "attributions"):
    """Two bar charts side by side: ``measure`` by party (left) and by side (right), each titled with its n.

    ``title`` is the figure's title; each panel's title says how many attributions
    (or quoted words) it counts.  End the cell with ``plt.show()``.
    """
    import matplotlib.pyplot as plt

    from .plots import bar_chart

    figure, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    total = len(classified) if measure == "attributions" else int(classified["quoted words"].sum())
    for ax, level, how in zip(axes, LEVELS, ("parties apart", "parties grouped into sides")):
        values = heard_by(classified, level)[measure]
        values.index = [textwrap.fill(str(k), 22) for k in values.index]
        bar_chart(values, horizontal=True, ax=ax, title=f"{how} (n = {total})", xlabel=xlabel,
                  ylabel=f"{ylabel}: {level}")
        ax.xaxis.get_major_locator().set_params(integer=True)
    figure.suptitle(title, fontweight="bold")
    figure.tight_layout()
    return figure
