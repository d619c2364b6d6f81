"""What notebook 05 shows: narrow tables and charts of the readability helpers.

Each function is one notebook cell's worth of display code, kept here so the
notebook reads as one call per idea.  Tables number sentences and paragraphs
from 1 and round scores to one decimal (the formulas are not more exact than
that); charts use :mod:`helpers.plots` (imported when a chart is drawn).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

from ..errors import ReadabilityWarning
from ..text import shorten
from . import original_rules, textstat_rules
from .formulas import (
    DALE_CHALL_BANDS, FLESCH_BANDS, MIN_WORDS, SCORE_LABELS, SCORE_NAMES, dale_chall_band, flesch_band,
)
from .scores import _score, formula_table, text_of
from .tables import paragraph_scores, sentence_length_distribution, sentence_scores, side_scores, word_drivers

__all__ = ["score_table", "count_table", "sentence_differences", "side_table", "side_chart", "sides_for",
           "paragraph_chart", "sentence_length_chart", "band_table", "norms_table", "names_as_one_syllable",
           "gunning_candidates", "name_candidates", "hard_because", "why_hard", "rewrite_target",
           "syllables_table", "syllable_check", "repair_comparison", "paragraph_scores",
           "sentence_length_distribution", "main_cause", "gunning_hard", "names_among", "long_enough_sides",
           "candidate_table", "formula_table", "EXAMPLE_REWRITES", "MODEL_REWRITE", "NEWS_NORMS",
           "REFERENCE_SENTENCE"]

#: Rules of thumb for news writing, as the notebook states them (what, norm, score compared, source).
NEWS_NORMS = [
    ("Flesch's 'standard' band", "reading ease 60 to 70", "flesch_reading_ease", "Flesch (1949)"),
    ("US newspapers, a commonly cited rule of thumb", "grade 11 to 12", "flesch_kincaid_grade",
     "no single source: a rule of thumb"),
    ("Most US stories Meyer scored", "above grade 8", "flesch_kincaid_grade", "Meyer (2004)"),
    ("Wide audiences, says a writing coach", "grade 10 or less", "flesch_kincaid_grade", "Hart (2006)"),
]
#: The sentence length that :func:`why_hard` compares a sentence with (words).
REFERENCE_SENTENCE = 20


def _quiet(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadabilityWarning)
        return function(*args, **kwargs)


def score_table(text_or_article, method: str = "textstat"):
    """The seven scores of a text, one decimal, with Flesch's band and Dale and Chall's grades."""
    import pandas as pd

    result = _quiet(_score, text_or_article, method)
    rows = []
    for name in SCORE_NAMES:
        value = result[name]
        reading = ("US school grade" if name not in ("flesch_reading_ease", "dale_chall_readability_score")
                   else f"Flesch: {flesch_band(value)}" if name == "flesch_reading_ease"
                   else f"grades {dale_chall_band(value)}")
        rows.append({"score": round(value, 1), "reading": reading})
    return pd.DataFrame(rows, index=[SCORE_LABELS[n] for n in SCORE_NAMES])


def count_table(text_or_article, method: str = "textstat"):
    """The counts behind the scores, one row each, with what each formula uses it for."""
    import pandas as pd

    result = _quiet(_score, text_or_article, method)
    uses = {
        "sentences": "every formula", "words": "every formula", "syllables": "Flesch, Flesch-Kincaid",
        "polysyllabic_words": "SMOG (3 syllables or more)", "complex_words": "Gunning Fog (hard words)",
        "difficult_words": "Dale-Chall (unfamiliar words)", "letters": "Coleman-Liau",
        "characters": "ARI", "tokens": "ARI (textstat divides characters by these)",
    }
    return pd.DataFrame([{"count": result[k], "used by": v} for k, v in uses.items()], index=list(uses))


def sentence_differences(article):
    """The course's sentences that textstat counts differently, with the arithmetic that reconciles the counts.

    Columns: ``sentence`` (numbered from 1), ``textstat counts`` (0: a fragment of
    two words or fewer, dropped; 2: cut in two at a full stop) and ``text``.
    ``attrs["summary"]`` says how the course's count becomes textstat's.
    """
    import pandas as pd

    rows = []
    for k, sentence in enumerate(original_rules.text_sentences(article)):
        counted = sum(1 for _, kept in textstat_rules.sentence_pieces(textstat_rules.normalise_apostrophes(sentence))
                      if kept)
        if counted != 1:
            rows.append({"sentence": k + 1, "textstat counts": counted, "text": shorten(sentence, 100)})
    table = pd.DataFrame(rows, columns=["sentence", "textstat counts", "text"]).set_index("sentence")
    ours = len(original_rules.text_sentences(article))
    theirs = textstat_rules.sentence_count(textstat_rules.normalise_apostrophes(text_of(article)))
    dropped = int((table["textstat counts"] == 0).sum())
    extra = int((table["textstat counts"] - 1).clip(lower=0).sum())
    table.attrs["summary"] = (f"course sentences {ours} − {dropped} dropped + {extra} cut in two = {ours - dropped + extra}"
                              f"; textstat's count: {theirs}")
    return table


def sides_for(article) -> dict | None:
    """Source -> side for the course article (``helpers/data/seed_sources.csv``); None for another article."""
    if not getattr(article, "is_seed", False):
        return None
    from ..sources import seed_sources  # imported when needed: readability does not depend on sources

    table = seed_sources()
    return dict(zip(table["source"], table["side"]))


def side_table(article, side_of: Mapping[str, str] | None = None, method: str = "textstat"):
    """Each side's sentences scored, narrow: words, sentences, Flesch-Kincaid grade (one decimal), sample.

    ``sample`` says "too short" under :data:`MIN_WORDS` words.  Rows sorted by
    grade, hardest first, "not classified" last.
    """
    import pandas as pd

    table = _quiet(side_scores, article, side_of, method=method)
    if table.empty:
        return pd.DataFrame(columns=["words", "sentences", "grade", "sample"])
    out = pd.DataFrame({
        "words": table["words"], "sentences": table["sentences"],
        "grade": table["flesch_kincaid_grade"].round(1),
        "sample": ["too short" if w < MIN_WORDS else f"{MIN_WORDS}+ words" for w in table["words"]],
    })
    order = sorted(out.index, key=lambda side: (side == "not classified", -out.loc[side, "grade"]))
    return out.loc[order]


def side_chart(table, *, title: str, xlabel: str, ylabel: str):
    """Bars of a :func:`side_table`: sorted, "not classified" last, each bar with its sample size.

    A sample under :data:`MIN_WORDS` words is drawn hatched and pale: too short for
    the formula to mean much (say so in ``xlabel``).
    """
    from .. import plots

    labels = [f"{side} ({int(row.words)} words)" for side, row in table.iterrows()]
    short = [w < MIN_WORDS for w in table["words"]]
    colors = ["#bcd6ea" if s else plots.PALETTE[0] for s in short]
    ax = plots.bar_chart(dict(zip(labels, table["grade"])), horizontal=True, title=title, color=colors,
                         xlabel=xlabel, ylabel=ylabel, annotate=False)
    for patch, is_short in zip(ax.patches, short):
        if is_short:
            patch.set_hatch("//")
    ax.bar_label(ax.containers[0], fmt="%.1f", padding=2)
    return ax


def paragraph_chart(article, *, title: str, xlabel: str, ylabel: str):
    """The Flesch-Kincaid grade paragraph by paragraph (numbered from 1), with the whole body's grade."""
    from .. import plots

    table = _quiet(paragraph_scores, article)
    whole = _quiet(_score, article, "textstat")["flesch_kincaid_grade"]
    ax = plots.line_chart(table["paragraph"], table["flesch_kincaid_grade"], label="paragraph",
                          title=title, xlabel=xlabel, ylabel=ylabel)
    ax.axhline(whole, color="#000000", linestyle="--", linewidth=1, label="whole body")
    ax.legend(frameon=False)
    return ax


def sentence_length_chart(article, *, title: str, xlabel: str, ylabel: str):
    """A histogram of sentence lengths (words, textstat's count), bands of 5 words."""
    from .. import plots

    lengths = _quiet(sentence_scores, article)["words"]
    top = int(lengths.max()) if len(lengths) else 0
    return plots.histogram(lengths, bins=[0.5 + 5 * k for k in range(top // 5 + 2)],
                           title=title, xlabel=xlabel, ylabel=ylabel)


def band_table(score: float, which: str = "flesch"):
    """Flesch's reading-ease bands or Dale and Chall's grade table, with the band of ``score`` marked."""
    import pandas as pd

    if which == "flesch":
        table = pd.DataFrame(FLESCH_BANDS)
        here = flesch_band(score)
        table["this text"] = ["◀" if b["style"] == here else "" for b in FLESCH_BANDS]
        table.index = [f"{b['from']}–{b['to']}" for b in FLESCH_BANDS]
        return table.drop(columns=["from", "to"]).rename_axis("reading ease")
    table = pd.DataFrame(DALE_CHALL_BANDS)
    here = dale_chall_band(score)
    table["this text"] = ["◀" if b["grades"] == here else "" for b in DALE_CHALL_BANDS]
    table.index = [f"{b['from']:.1f}–{b['to']:.1f}" if b["to"] else f"{b['from']:.0f} and above"
                   for b in DALE_CHALL_BANDS]
    return table.drop(columns=["from", "to"]).rename_axis("Dale-Chall score")


def norms_table(article):
    """The news norms of :data:`NEWS_NORMS` beside the article's score (one decimal)."""
    import pandas as pd

    result = _quiet(_score, article, "textstat")
    return pd.DataFrame([{"reference point": what, "norm": norm, "source": source,
                          "this article": f"{SCORE_LABELS[score]} {result[score]:.1f}"}
                         for what, norm, score, source in NEWS_NORMS]).set_index("reference point")


def names_as_one_syllable(article, method: str = "textstat") -> dict:
    """How much the names weigh in the Flesch-Kincaid grade: their syllables beyond one each, and the grade without.

    Names are the ``name`` rows of :func:`word_drivers` (people, places, groups;
    not titles, months, days or platforms).
    """
    drivers = _quiet(word_drivers, article, method)
    result = _quiet(_score, article, method)
    names = drivers[drivers["name"]]
    extra = int((names["count"] * (names["syllables"] - 1)).sum())
    words, sentences = result["words"], result["sentences"]
    fewer = 0.39 * words / sentences + 11.8 * (result["syllables"] - extra) / words - 15.59
    return {"names": int(names["count"].sum()), "extra syllables": extra, "syllables": result["syllables"],
            "grade": result["flesch_kincaid_grade"], "grade with names as one syllable": fewer}


def gunning_candidates(article, k: int = 6) -> list[str]:
    """Words of 3 syllables or more for Exercise 5.3, in reading order: some that Gunning counts as hard
    words and some he leaves out (a capitalised word, an -ed/-es form, a compound of easy words, a figure)."""
    analysis = original_rules.analyse(article)
    kinds: dict[str, list[str]] = {}
    seen = set()
    for word in analysis.words:
        if word.syllables < 3 or word.text in seen:
            continue
        seen.add(word.text)
        if "-" in word.text:
            continue
        kind = ("hard" if word.hard else "capitalised" if "capitalised" in word.hard_reason
                else "figure" if word.source == "figure" else "inflection" if "-ed/-es" in word.hard_reason
                else "compound" if "combination" in word.hard_reason else "other")
        kinds.setdefault(kind, []).append(word.text)
    chosen = []
    for kind, n in (("capitalised", 1), ("inflection", 1), ("compound", 1), ("figure", 1), ("hard", 2)):
        chosen += kinds.get(kind, [])[:n]
    chosen += [w for w in kinds.get("hard", [])[2:] if len(chosen) < k][: max(0, k - len(chosen))]
    order = {w: i for i, w in enumerate(dict.fromkeys(w.text for w in analysis.words))}
    return sorted(chosen[:k], key=order.get)


def name_candidates(article, k: int = 6) -> list[str]:
    """Capitalised words for Exercise 5.6, in reading order: half names, half titles, months, days or platforms.

    From each group, the rarest words, then the longest (one per stem).
    """
    drivers = _quiet(word_drivers, article, "original")
    analysis = original_rules.analyse(article)
    capitalised = {w.text for w in analysis.words if w.capitalised and "-" not in w.text}
    table = drivers[drivers["word"].isin(capitalised)]
    picked = []
    for is_name in (True, False):  # the rarest words first, then the longest
        group = table[table["name"] == is_name].sort_values(["count", "syllables"], ascending=[True, False],
                                                             kind="stable")
        stems: list[str] = []
        for word in group["word"]:
            stem = word.lower()[:6]
            if stem not in stems:
                stems.append(stem)
                picked.append(word)
            if len(stems) == k // 2:
                break
    order = {w: i for i, w in enumerate(dict.fromkeys(w.text for w in analysis.words))}
    return sorted(picked, key=order.get)


def why_hard(words: int, syllables: int, name_extra: int) -> str:
    """"length" or "names": which makes a sentence's grade higher, by the rule of Exercise 5.5.

    Length adds 0.39 grade for every word beyond :data:`REFERENCE_SENTENCE`;
    the names add 11.8 × (their syllables beyond one each) / words.  The larger wins.
    """
    length = 0.39 * max(0, words - REFERENCE_SENTENCE)
    names = 11.8 * name_extra / words if words else 0.0
    return "length" if length >= names else "names"


def hard_because(article, n: int = 3, min_words: int = 10):
    """Three hard sentences (original counts) with the evidence for Exercise 5.5.

    Among the sentences of ``min_words`` words or more that score at least the
    median grade: the one whose length adds most to its grade, the one whose
    names add most, and the hardest one not already chosen (reading order).
    Columns: ``sentence`` (numbered from 1), ``words``, ``grade``, ``names``
    (each with its syllables) and ``text``; ``attrs["answer"]`` holds
    :func:`why_hard` of each row, ``attrs["parts"]`` the two numbers it compares
    (grade from length beyond 20 words, grade from the names' extra syllables).
    """
    import pandas as pd

    analysis = original_rules.analyse(article)
    found = []
    for k, sentence in enumerate(analysis.sentences):
        words = [w for w in analysis.words if w.sentence == k]
        count = len(words)
        if count < min_words:
            continue
        syllables = sum(w.syllables for w in words)
        names = [w for w in words if w.name]
        extra = sum(w.syllables - 1 for w in names)
        found.append({"k": k, "sentence": sentence, "words": count, "syllables": syllables, "names": names,
                      "grade": 0.39 * count + 11.8 * syllables / count - 15.59,
                      "length part": 0.39 * max(0, count - REFERENCE_SENTENCE), "names part": 11.8 * extra / count,
                      "extra": extra})
    if found:
        median = sorted(f["grade"] for f in found)[len(found) // 2]
        found = [f for f in found if f["grade"] >= median]
    chosen: list[dict] = []
    for key in ("length part", "names part", "grade"):
        for f in sorted(found, key=lambda f: -f[key]):
            if f not in chosen:
                chosen.append(f)
                break
    chosen = sorted(chosen[:n], key=lambda f: f["k"])
    number = {s.start: k + 1 for k, s in enumerate(original_rules.text_sentences(article))}
    rows = [{"sentence": number[f["sentence"].start], "words": f["words"], "grade": round(f["grade"], 1),
             "names": ", ".join(f"{w.text} ({w.syllables})" for w in f["names"]) or "none",
             "text": shorten(f["sentence"], 120)} for f in chosen]
    table = pd.DataFrame(rows, columns=["sentence", "words", "grade", "names", "text"]).set_index("sentence")
    table.attrs["answer"] = [why_hard(f["words"], f["syllables"], f["extra"]) for f in chosen]
    table.attrs["parts"] = [(round(f["length part"], 2), round(f["names part"], 2)) for f in chosen]
    return table


def rewrite_target(article, skip: tuple[int, ...] = ()) -> int | None:
    """The paragraph to rewrite (0-based index): the hardest by Flesch-Kincaid that names a source and has
    no fragment (a sentence of fewer than 3 words), leaving out the paragraphs in ``skip``.

    None when no paragraph names a source.
    """
    from ..sources import find_attributions  # imported when needed

    table = _quiet(paragraph_scores, article)
    attributed = {a.paragraph for a in find_attributions(article)}
    fragments = {s.paragraph for s in article.sentences if len(textstat_rules.words(s)) < 3}
    candidates = [k for k in range(len(article.paragraphs))
                  if k in attributed and k not in fragments and k not in skip]
    if not candidates:
        return None
    return max(candidates, key=lambda k: (table.loc[k + 1, "flesch_kincaid_grade"], -k))


#: The course article's paragraph 7 rewritten three ways (Exercise 5.7).  A is the rewrite the course's
#: content review tried on the old check: it names no source and puts "separatist regime" in the
#: reporter's voice.  B names the source but still says "separatist" in the reporter's voice.  C keeps the
#: source, quotes only the ministry's words, and says who demands what ("the diplomats said").
EXAMPLE_REWRITES = {
    "A": ("Peace in the region has one path. The Armenian armed forces must leave the Azerbaijani region of "
          "Karabakh. They must leave fully and with no conditions. The separatist regime must be dissolved. "
          "That is the only way to peace and stability."),
    "B": ("Azerbaijan's diplomats set one condition for peace. The Armenian armed forces must leave the "
          "Azerbaijani region of Karabakh, they said. The separatist regime must also be dissolved, the "
          "diplomats said."),
    "C": ("Azerbaijan's diplomats set one condition for peace. They called it “the only way”. All Armenian "
          "armed forces must leave what they call “the Azerbaijani region of Karabakh”, the diplomats said. "
          "They must leave fully and with no conditions, they said. The diplomats also want the local "
          "Armenian authorities to be dissolved. They call them “the so-called separatist regime”."),
}
#: The model rewrite of paragraph 7: every demand credited to the ones who make it.
MODEL_REWRITE = EXAMPLE_REWRITES["C"]


def syllables_table(words):
    """How textstat and the original method count the syllables of some words, and where each count comes from."""
    import pandas as pd

    from .syllables import word_syllables

    rows = []
    for word in words:
        glued = textstat_rules.words(textstat_rules.normalise_apostrophes(word))
        theirs = sum(textstat_rules.syllables(w) for w in glued)
        ours, source = word_syllables(word)
        rows.append({"word": word, "textstat reads": " ".join(glued), "textstat": theirs,
                     "in the dictionary (textstat)": all(textstat_rules.in_dictionary(w) for w in glued),
                     "original": ours, "original's source": source})
    return pd.DataFrame(rows).set_index("word")


def syllable_check():
    """The rule-based counter and pyphen (textstat's guess) on the course's list of names and rare words
    that the CMU dictionary lacks (``helpers/data/readability_syllables.csv``, counted by hand).

    One row per part of the list: "development" and "check" were written before
    the rules were tuned on them, "unseen" after the rules were fixed.
    """
    import pandas as pd

    from ..datafiles import read_csv
    from .dictionary import hyphenator
    from .syllables import word_syllables

    rows = read_csv("readability_syllables.csv")
    out = []
    for part in ("development", "check", "unseen", "all"):
        chosen = [r for r in rows if part == "all" or r["set"] == part]
        ours = sum(word_syllables(r["word"])[0] == int(r["syllables"]) for r in chosen)
        theirs = sum(len(hyphenator().positions(r["word"].lower())) + 1 == int(r["syllables"]) for r in chosen)
        out.append({"words": len(chosen), "rules right": f"{ours / len(chosen):.0%}",
                    "pyphen right": f"{theirs / len(chosen):.0%}"})
    return pd.DataFrame(out, index=["development", "check", "unseen", "all"])


def candidate_table(words, article):
    """The candidate words of an exercise with their syllables (as said) and the first sentence they stand in."""
    import pandas as pd

    analysis = original_rules.analyse(article)
    first = {}
    for word in analysis.words:
        first.setdefault(word.text, (word.syllables, analysis.sentences[word.sentence]))
    return pd.DataFrame([{"word": w, "syllables": first[w][0], "in the sentence": shorten(first[w][1], 90)}
                         for w in words]).set_index("word")


def repair_comparison(article, broken: str = "Lachin road. to allow", repaired: str = "Lachin road to allow"):
    """The Flesch-Kincaid grade of the body as published and with one artefact repaired, by both methods.

    On the course article the artefact is the stray full stop of paragraph 8 ("the Lachin road. to allow").
    An article without it gets the same number twice.
    """
    import pandas as pd

    body = text_of(article)
    fixed = body.replace(broken, repaired)
    rows = {}
    for method in ("textstat", "original"):
        published, mended = _quiet(_score, body, method), _quiet(_score, fixed, method)
        rows[method] = {"sentences as published": published["sentences"], "sentences repaired": mended["sentences"],
                        "grade as published": round(published["flesch_kincaid_grade"], 2),
                        "grade repaired": round(mended["flesch_kincaid_grade"], 2)}
    return pd.DataFrame.from_dict(rows, orient="index")


def main_cause(article, score: str = "Flesch reading ease") -> tuple[str, str]:
    """("harder", "easier" or "same", the cause that moves ``score`` most) between the two methods."""
    from .scores import compare_methods

    table = _quiet(compare_methods, article)
    difference = table.loc[score, "difference"]
    steps = table.attrs["steps"][score]
    higher_is_harder = score != "Flesch reading ease"
    direction = "same" if abs(difference) < 0.05 else (
        "harder" if (difference > 0) == higher_is_harder else "easier")
    return direction, max(steps, key=lambda cause: abs(steps[cause]))


def gunning_hard(words, article) -> list[str]:
    """The words of ``words`` that Gunning counts as hard words in this article."""
    hard = {w.text for w in original_rules.analyse(article).words if w.hard}
    return [w for w in words if w in hard]


def names_among(words, article) -> list[str]:
    """The words of ``words`` that the word tables mark as names in this article."""
    drivers = _quiet(word_drivers, article, "original")
    names = set(drivers.loc[drivers["name"], "word"])
    return [w for w in words if w in names]


def long_enough_sides(table) -> list[str]:
    """The sides of a :func:`side_table` whose sample reaches :data:`MIN_WORDS` words (Exercise 5.4)."""
    return [side for side in table.index if table.loc[side, "sample"] != "too short"]
