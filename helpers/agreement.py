"""Inter-coder agreement: how far do two (or more) human coders agree?

A codebook is only useful if different people, applying it to the same text,
give the same answers.  Content analysts measure that with four numbers:

* :func:`percent_agreement` -- the share of units on which the coders give the
  same answer.  Easy to read, but it ignores agreement by chance: two coders
  who answer "no" to almost everything agree a lot without reading anything.
* :func:`cohen_kappa` -- two coders.  Compares the observed agreement ``p_o``
  with the agreement expected by chance ``p_e`` from each coder's own habits:
  ``kappa = (p_o - p_e) / (1 - p_e)``.  1 is perfect, 0 is chance level,
  below 0 is worse than chance.
* :func:`fleiss_kappa` -- any number of coders who each code every unit
  (a whole class coding the same article).
* :func:`krippendorff_alpha` -- any number of coders, missing answers allowed,
  and answers that are categories (nominal), ranks (ordinal) or numbers
  (interval, ratio).  ``alpha = 1 - D_o / D_e``: one minus observed
  disagreement over the disagreement expected by chance.

How codings are written.  Every function takes the coders' answers as one list
per coder, each list in the same unit order (a dict ``{coder: answers}`` works
too)::

    ana = ["yes", "no", "yes", "yes"]
    ben = ["yes", "no", "no",  "yes"]
    cohen_kappa(ana, ben)

A missing answer is ``None`` (or ``float("nan")``).

Two edge cases, decided here once for the whole course:

* **Units with a missing answer.** Percent agreement and Cohen's kappa use only
  the units both coders answered; Fleiss' kappa needs every unit fully coded
  (it raises an error and points to Krippendorff's alpha); Krippendorff's
  alpha uses every unit with at least two answers.
* **Only one category in the whole data** (every coder always said "no").
  Then the agreement expected by chance is already perfect and the kappas and
  alpha are 0 / 0: *undefined*.  They return ``nan`` ("not a number") rather
  than pretending to a value; percent agreement is still 1.0.  The
  coding tells you nothing about reliability: find units where coders could
  disagree.

Reading the figures: :func:`landis_koch` gives Landis & Koch's (1977) labels
for a kappa ("moderate" for .41-.60, ...), :func:`krippendorff_verdict` what
Krippendorff (2004) advises for an alpha (rely on it at .800, tentative
conclusions from .667).  :func:`reliability_by_item` computes all of them per
question across many units: reliability belongs to a question (a variable),
measured on many coded units, not to one article's pool of different questions.

References (full entries in ``docs/bibliography.md``): Cohen (1960); Fleiss
(1971); Landis & Koch (1977); Krippendorff (2004; 2011, *Computing
Krippendorff's Alpha-Reliability*).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from .errors import CodingError

__all__ = [
    "percent_agreement", "cohen_kappa", "cohen_kappa_parts", "fleiss_kappa", "fleiss_kappa_from_counts",
    "count_table", "krippendorff_alpha", "coincidence_matrix", "agreement_summary", "landis_koch",
    "krippendorff_verdict", "reliability_by_item", "LANDIS_KOCH",
]

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _coders(codings) -> list[list]:
    """One list per coder, all of the same length."""
    if isinstance(codings, Mapping):
        codings = list(codings.values())
    elif hasattr(codings, "values") and hasattr(codings, "index") and hasattr(codings, "columns"):
        codings = codings.values.tolist()  # a pandas DataFrame: one row per coder
    if isinstance(codings, (str, bytes)) or not isinstance(codings, (Sequence, np.ndarray)):
        raise TypeError("codings must be one list of answers per coder (a list of lists or a dict)")
    rows = []
    for row in codings:
        if isinstance(row, (str, bytes)) or not isinstance(row, (Sequence, np.ndarray)):
            raise TypeError(f"each coder's answers must be a list, got {row!r}: "
                            "pass one list per coder, e.g. [coder_a, coder_b]")
        rows.append(list(row))
    if not rows:
        raise CodingError("no codings given: pass one list of answers per coder")
    lengths = {len(row) for row in rows}
    if len(lengths) != 1:
        raise CodingError(f"every coder must answer the same units, but the lists have lengths {sorted(lengths)}")
    return rows


def _pair(coder_a: Sequence, coder_b: Sequence) -> list[tuple]:
    """The units both coders answered, as (a, b) pairs."""
    a, b = _coders([coder_a, coder_b])
    return [(x, y) for x, y in zip(a, b) if not _is_missing(x) and not _is_missing(y)]


def percent_agreement(*codings) -> float:
    """Share of units on which all coders give the same answer (0 to 1).

    ``percent_agreement(ana, ben)`` for two coders, or ``percent_agreement(ana,
    ben, chloe)`` (also a list or dict of codings) for more: a unit counts as an
    agreement only when every coder who answered it gave the same answer.
    Units with fewer than two answers are left out.
    """
    rows = _coders(codings[0] if len(codings) == 1 else codings)
    units = [[v for v in unit if not _is_missing(v)] for unit in zip(*rows)]
    units = [u for u in units if len(u) >= 2]
    if not units:
        raise CodingError("no unit was answered by at least two coders")
    return sum(len(set(u)) == 1 for u in units) / len(units)


def cohen_kappa_parts(coder_a: Sequence, coder_b: Sequence) -> dict:
    """The pieces of Cohen's kappa, to show the calculation step by step.

    Returns a dict with ``n`` (units both coders answered), ``p_o`` (observed
    agreement), ``p_e`` (chance agreement: for each category, the share of
    coder A's answers in it times coder B's, summed) and ``kappa``.
    """
    pairs = _pair(coder_a, coder_b)
    if not pairs:
        raise CodingError("the two coders have no unit that both answered")
    n = len(pairs)
    p_o = sum(a == b for a, b in pairs) / n
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    p_e = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    kappa = math.nan if math.isclose(p_e, 1.0) else (p_o - p_e) / (1 - p_e)
    return {"n": n, "p_o": p_o, "p_e": p_e, "kappa": kappa}


def cohen_kappa(coder_a: Sequence, coder_b: Sequence) -> float:
    """Cohen's kappa for two coders: ``(p_o - p_e) / (1 - p_e)``.

    ``nan`` when both coders used one and the same category for every unit
    (see the module notes).  Units either coder left blank are skipped.
    """
    return cohen_kappa_parts(coder_a, coder_b)["kappa"]


def count_table(codings) -> tuple[np.ndarray, list]:
    """Turn codings (one list per coder) into Fleiss' table of counts.

    Returns ``(counts, categories)``: ``counts[i][j]`` is how many coders put
    unit ``i`` in ``categories[j]``.  Missing answers are not counted.
    """
    rows = _coders(codings)
    values = [v for row in rows for v in row if not _is_missing(v)]
    categories = sorted(set(values), key=lambda v: (str(type(v)), v))
    column = {c: j for j, c in enumerate(categories)}
    counts = np.zeros((len(rows[0]), len(categories)), dtype=int)
    for row in rows:
        for i, value in enumerate(row):
            if not _is_missing(value):
                counts[i, column[value]] += 1
    return counts, categories


def fleiss_kappa_from_counts(counts) -> float:
    """Fleiss' kappa from a table of counts: one row per unit, one column per category.

    Every row must add up to the same number of coders ``m`` (at least 2).

    * ``P_i`` = agreement on unit i = the share of coder pairs that agree,
      ``(sum_j n_ij**2 - m) / (m * (m - 1))``; ``P_bar`` is their mean.
    * ``p_j`` = share of all answers in category j; chance agreement
      ``P_e = sum_j p_j**2``.
    * ``kappa = (P_bar - P_e) / (1 - P_e)``.
    """
    table = np.asarray(counts, dtype=float)
    if table.ndim != 2 or table.shape[0] == 0:
        raise CodingError("counts must be a table: one row per unit, one column per category")
    raters = table.sum(axis=1)
    if not np.allclose(raters, raters[0]):
        raise CodingError("Fleiss' kappa needs the same number of answers for every unit; "
                         "with missing answers use krippendorff_alpha instead")
    m = raters[0]
    if m < 2:
        raise CodingError("Fleiss' kappa needs at least two coders per unit")
    n_units = table.shape[0]
    p_i = ((table ** 2).sum(axis=1) - m) / (m * (m - 1))
    p_bar = p_i.mean()
    p_j = table.sum(axis=0) / (n_units * m)
    p_e = float((p_j ** 2).sum())
    if math.isclose(p_e, 1.0):
        return math.nan
    return float((p_bar - p_e) / (1 - p_e))


def fleiss_kappa(codings) -> float:
    """Fleiss' kappa for several coders who all coded every unit (one list per coder)."""
    rows = _coders(codings)
    if any(_is_missing(v) for row in rows for v in row):
        raise CodingError("Fleiss' kappa needs every coder to answer every unit; "
                         "with missing answers use krippendorff_alpha instead")
    counts, _ = count_table(rows)
    return fleiss_kappa_from_counts(counts)


def coincidence_matrix(codings) -> tuple[np.ndarray, list]:
    """Krippendorff's coincidence matrix and its values (sorted).

    Within each unit with ``m >= 2`` answers, every ordered pair of answers
    from two different coders adds ``1 / (m - 1)`` to cell (c, k).  So each
    pairable answer counts exactly once in its row, and units answered by a
    single coder drop out.
    """
    rows = _coders(codings)
    values = sorted({v for row in rows for v in row if not _is_missing(v)}, key=lambda v: (str(type(v)), v))
    index = {v: i for i, v in enumerate(values)}
    matrix = np.zeros((len(values), len(values)))
    for unit in zip(*rows):
        answers = [index[v] for v in unit if not _is_missing(v)]
        m = len(answers)
        if m < 2:
            continue
        for i, c in enumerate(answers):
            for j, k in enumerate(answers):
                if i != j:
                    matrix[c, k] += 1 / (m - 1)
    return matrix, values


def _distances(values: list, totals: np.ndarray, level: str) -> np.ndarray:
    """Squared difference between every two values, for the level of measurement."""
    size = len(values)
    delta = np.zeros((size, size))
    if level == "nominal":
        return 1.0 - np.eye(size)
    try:
        numbers = np.array([float(v) for v in values])
    except (TypeError, ValueError):
        raise CodingError(f"{level} alpha needs numbers as answers, got {values!r}") from None
    for c in range(size):
        for k in range(size):
            if level == "ordinal":
                low, high = min(c, k), max(c, k)
                delta[c, k] = (totals[low:high + 1].sum() - (totals[c] + totals[k]) / 2) ** 2
            elif level == "interval":
                delta[c, k] = (numbers[c] - numbers[k]) ** 2
            elif level == "ratio":
                total = numbers[c] + numbers[k]
                delta[c, k] = 0.0 if total == 0 else ((numbers[c] - numbers[k]) / total) ** 2
    return delta


def krippendorff_alpha(codings, level: str = "nominal") -> float:
    """Krippendorff's alpha: ``1 - D_o / D_e`` (one list per coder, ``None`` for a missing answer).

    ``level`` is "nominal" (categories: yes/no, frame names), "ordinal"
    (ranks: low < medium < high, given as numbers), "interval" or "ratio".

    Computed from the coincidence matrix ``o`` (see :func:`coincidence_matrix`)
    with ``n_c`` its row totals and ``n`` their sum:

    * observed disagreement ``D_o = sum_ck o_ck * delta2(c, k) / n``
    * expected disagreement ``D_e = sum_ck n_c * n_k * delta2(c, k) / (n * (n - 1))``

    ``nan`` when all answers are one value (see the module notes).
    """
    if level not in LEVELS:
        raise CodingError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    matrix, values = coincidence_matrix(codings)
    n = matrix.sum()
    if n < 2:
        raise CodingError("no unit was answered by at least two coders")
    totals = matrix.sum(axis=1)
    delta = _distances(values, totals, level)
    observed = (matrix * delta).sum() / n
    expected = (np.outer(totals, totals) * delta).sum() / (n * (n - 1))
    if math.isclose(expected, 0.0, abs_tol=1e-12):
        return math.nan
    return float(1 - observed / expected)


def agreement_summary(codings) -> dict:
    """Percent agreement, Fleiss' kappa (or Cohen's for two coders) and nominal alpha, in one dict."""
    rows = _coders(codings)
    summary = {"coders": len(rows), "units": len(rows[0]), "percent agreement": percent_agreement(rows)}
    if len(rows) == 2:
        summary["Cohen's kappa"] = cohen_kappa(*rows)
    elif not any(_is_missing(v) for row in rows for v in row):
        summary["Fleiss' kappa"] = fleiss_kappa(rows)
    summary["Krippendorff's alpha"] = krippendorff_alpha(rows)
    return summary


# ------------------------------------------------------------ reading the figures

#: Landis & Koch (1977, p. 165): labels for ranges of kappa.  Their own words: the
#: divisions are "arbitrary", a common yardstick rather than a rule.
LANDIS_KOCH = ((0.0, "poor"), (0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial"),
               (1.0, "almost perfect"))


def landis_koch(kappa: float) -> str:
    """Landis & Koch's (1977) label for a kappa: "poor" (< 0), "slight" (0-.20), "fair" (.21-.40),
    "moderate" (.41-.60), "substantial" (.61-.80), "almost perfect" (.81-1); "undefined" for nan."""
    if kappa is None or (isinstance(kappa, float) and math.isnan(kappa)):
        return "undefined"
    if kappa < 0:
        return "poor"
    for upper, label in LANDIS_KOCH[1:]:
        if kappa <= upper + 1e-9:
            return label
    return "almost perfect"


def krippendorff_verdict(alpha: float) -> str:
    """What Krippendorff (2004) advises for an alpha: rely on the data at .800 or more, draw only
    tentative conclusions from .667 to .800, and discard the variable below .667."""
    if alpha is None or (isinstance(alpha, float) and math.isnan(alpha)):
        return "undefined: one answer only"
    if alpha >= 0.800:
        return "reliable (≥ .800)"
    if alpha >= 0.667:
        return "tentative conclusions only (.667–.800)"
    return "not reliable (< .667)"


def reliability_by_item(codings: Mapping[str, Mapping[str, Sequence]]) -> "pd.DataFrame":
    """Reliability per question (item), across the units every coder coded.

    ``codings`` maps a coder to ``{item: [answer for unit 1, unit 2, ...]}``
    (units in the same order for every coder; ``None`` for a unit left out).
    One row per item: ``units``, ``share yes`` (how often the answer was yes,
    across coders: an item almost always "no" makes percent agreement high
    and chance-corrected figures unstable, the prevalence problem),
    ``percent agreement``, ``kappa`` (Cohen's for two coders, Fleiss' for more,
    when every unit was coded by everyone), ``Landis & Koch`` (the kappa's
    label), ``alpha`` (Krippendorff's, nominal) and ``Krippendorff`` (what to
    do with the item).
    """
    import pandas as pd

    coders = list(codings)
    if len(coders) < 2:
        raise CodingError("reliability needs at least two coders")
    items = list(dict.fromkeys(item for coder in coders for item in codings[coder]))
    rows = []
    for item in items:
        missing = [c for c in coders if item not in codings[c]]
        if missing:
            raise CodingError(f"item {item!r} was not coded by {', '.join(missing)}")
        rows_of_item = [list(codings[c][item]) for c in coders]
        answers = [v for row in rows_of_item for v in row if not _is_missing(v)]
        yes = sum(1 for v in answers if v in (1, True, "yes")) / len(answers) if answers else math.nan
        complete = not any(_is_missing(v) for row in rows_of_item for v in row)
        if len(coders) == 2:
            kappa = cohen_kappa(*rows_of_item)
        else:
            kappa = fleiss_kappa(rows_of_item) if complete else math.nan
        alpha = krippendorff_alpha(rows_of_item)
        rows.append({"item": item, "units": len(rows_of_item[0]), "share yes": round(yes, 2),
                     "percent agreement": round(percent_agreement(rows_of_item), 2),
                     "kappa": round(kappa, 2), "Landis & Koch": landis_koch(kappa),
                     "alpha": round(alpha, 2), "Krippendorff": krippendorff_verdict(alpha)})
    return pd.DataFrame(rows).set_index("item")
