"""The seven formulas: their published form, textstat's form, their origins and their scales.

Every formula turns a few counts into one number.  ``score_textstat`` computes
them exactly as textstat 0.7 does; ``score_original`` as each author
published them.  Where the two differ in a constant, :data:`FORMULAS` says so.
"""

from __future__ import annotations

__all__ = ["FORMULAS", "SCORE_NAMES", "SCORE_LABELS", "FLESCH_BANDS", "DALE_CHALL_BANDS", "READABILITY_CAVEATS",
           "MIN_WORDS", "MIN_SENTENCES_SMOG", "score_textstat", "score_original", "formula_inputs",
           "flesch_band", "dale_chall_band"]

#: The formulas' authors recommend samples of at least this many words (a recommended sample
#: size for applying a formula, not the size of the passages it was fitted on).
MIN_WORDS = 100
#: SMOG is applied to a sample of 30 sentences (McLaughlin 1969).
MIN_SENTENCES_SMOG = 30

#: The seven classic formulas: the published formula, what textstat does differently, the
#: scale, who made it, and the readers and texts its constants were fitted on.
FORMULAS = {
    "flesch_reading_ease": {
        "name": "Flesch reading ease",
        "formula": "206.835 − 1.015 × words/sentences − 84.6 × syllables/words",
        "textstat": "same formula",
        "scale": "0–100 (can leave it): higher is easier",
        "origin": "Flesch (1948), 'A new readability yardstick', Journal of Applied Psychology",
        "fitted on": "school reading passages (the McCall-Crabbs Standard Test Lessons in Reading)",
    },
    "flesch_kincaid_grade": {
        "name": "Flesch-Kincaid grade",
        "formula": "0.39 × words/sentences + 11.8 × syllables/words − 15.59",
        "textstat": "same formula",
        "scale": "US school grade: higher is harder",
        "origin": "Kincaid, Fishburne, Rogers & Chissom (1975), report for the US Navy",
        "fitted on": "US Navy enlisted personnel reading Navy training manuals",
    },
    "gunning_fog": {
        "name": "Gunning Fog",
        "formula": "0.4 × (words/sentences + 100 × hard words/words); hard: 3+ syllables, "
                   "not capitalised, not a compound of short easy words, not made 3 syllables by -ed or -es",
        "textstat": "hard word = 3+ syllables and not on the Dale-Chall list (names and -ed forms count)",
        "scale": "years of schooling: higher is harder",
        "origin": "Gunning (1952), The Technique of Clear Writing",
        "fitted on": "business and newspaper writing (Gunning's work with newspapers and firms)",
    },
    "smog_index": {
        "name": "SMOG",
        "formula": "1.0430 × √(polysyllables in 30 sentences: 10 at the start, middle and end) + 3.1291",
        "textstat": "all sentences, scaled to 30: 1.043 × √(30 × polysyllables/sentences) + 3.1291",
        "scale": "US school grade: higher is harder",
        "origin": "McLaughlin (1969), 'SMOG grading', Journal of Reading",
        "fitted on": "school reading passages (McCall-Crabbs), read with complete comprehension",
    },
    "coleman_liau_index": {
        "name": "Coleman-Liau",
        "formula": "0.0588 × letters per 100 words − 0.296 × sentences per 100 words − 15.8",
        "textstat": "0.058 instead of 0.0588 (about 0.4 grade lower on news text)",
        "scale": "US school grade: higher is harder",
        "origin": "Coleman & Liau (1975), Journal of Applied Psychology",
        "fitted on": "cloze tests (readers restore deleted words) on graded passages",
    },
    "automated_readability_index": {
        "name": "ARI",
        "formula": "4.71 × letters and digits/words + 0.5 × words/sentences − 21.43",
        "textstat": "counts punctuation as characters, and divides by the pieces between spaces",
        "scale": "US school grade: higher is harder",
        "origin": "Smith & Senter (1967), report for the US Air Force",
        "fitted on": "graded school reading books, for use on US Air Force technical writing",
    },
    "dale_chall_readability_score": {
        "name": "Dale-Chall",
        "formula": "0.1579 × % unfamiliar words + 0.0496 × words/sentences + 3.6365 "
                   "(unfamiliar: not on Dale and Chall's list; inflections, names and figures are familiar)",
        "textstat": "adds 3.6365 only above 5 % unfamiliar words; names, figures and inflections are unfamiliar",
        "scale": "see DALE_CHALL_BANDS: 4.9 or less grade 4; 10 or more college graduate",
        "origin": "Dale & Chall (1948), Educational Research Bulletin",
        "fitted on": "school reading passages (the McCall-Crabbs Standard Test Lessons in Reading)",
    },
}
#: The score names in the order the tables show them.
SCORE_NAMES = list(FORMULAS)
#: Readable names of the scores.
SCORE_LABELS = {name: info["name"] for name, info in FORMULAS.items()}

#: Flesch's reading-ease bands, as commonly cited from 'The Art of Readable Writing' (1949),
#: with the kind of publication he gave as a typical example of each.
FLESCH_BANDS = [
    {"from": 90, "to": 100, "style": "very easy", "typical example (Flesch)": "comics"},
    {"from": 80, "to": 90, "style": "easy", "typical example (Flesch)": "pulp fiction"},
    {"from": 70, "to": 80, "style": "fairly easy", "typical example (Flesch)": "slick fiction"},
    {"from": 60, "to": 70, "style": "standard", "typical example (Flesch)": "digests"},
    {"from": 50, "to": 60, "style": "fairly difficult", "typical example (Flesch)": "quality magazines"},
    {"from": 30, "to": 50, "style": "difficult", "typical example (Flesch)": "academic"},
    {"from": 0, "to": 30, "style": "very difficult", "typical example (Flesch)": "scientific"},
]

#: Dale and Chall's (1948) correction table: raw score -> the school grades it stands for.
DALE_CHALL_BANDS = [
    {"from": 0.0, "to": 4.9, "grades": "4 and below"},
    {"from": 5.0, "to": 5.9, "grades": "5–6"},
    {"from": 6.0, "to": 6.9, "grades": "7–8"},
    {"from": 7.0, "to": 7.9, "grades": "9–10"},
    {"from": 8.0, "to": 8.9, "grades": "11–12"},
    {"from": 9.0, "to": 9.9, "grades": "13–15 (college)"},
    {"from": 10.0, "to": None, "grades": "16 and above (college graduate)"},
]

#: What every readability score leaves out: one list for the notebooks and the brief.
READABILITY_CAVEATS = [
    "The formulas count only sentence length and word length (or familiarity): not order, meaning or the "
    "reader's knowledge.",
    "Their constants were fitted on particular readers and texts: Flesch, Dale-Chall and SMOG on school reading "
    "passages, Flesch-Kincaid on US Navy personnel, ARI for the US Air Force, Gunning on business and newspaper "
    "writing, Coleman-Liau on cloze tests. Their authors recommend samples of 100 words or more (SMOG: 30 "
    "sentences); shorter texts get unstable scores.",
    "Names and technical vocabulary count as hard words although news readers take them in as units.",
    "Two tools give two answers: textstat and the formulas as published count sentences, syllables and hard "
    "words differently.",
    "If the text is a translation, the translation is scored, not the original: its stray full stops and "
    "broken words move the score.",
]


def flesch_band(score: float) -> str:
    """Flesch's name for a reading-ease score ("standard" for 60-70, ...), see :data:`FLESCH_BANDS`."""
    for band in FLESCH_BANDS:
        if score >= band["from"]:
            return band["style"]
    return FLESCH_BANDS[-1]["style"]


def dale_chall_band(score: float) -> str:
    """The school grades Dale and Chall's correction table gives a raw score (10 or more: college graduate)."""
    for band in reversed(DALE_CHALL_BANDS):
        if score >= band["from"]:
            return band["grades"]
    return DALE_CHALL_BANDS[0]["grades"]


def formula_inputs(c: dict, method: str) -> dict:
    """The inputs of every formula, by name: what :func:`score_textstat` or :func:`score_original` reads."""
    original = method == "original"
    return {
        "sentences": c["sentences"], "words": c["words"], "syllables": c["syllables"],
        "hard_words": c["complex_words"], "difficult_words": c["difficult_words"],
        "letters": c["letters"], "characters": c["characters"], "tokens": c["tokens"],
        "polysyllables": c.get("smog_polysyllabic_words", c["polysyllabic_words"]) if original
        else c["polysyllabic_words"],
        "smog_sentences": c.get("smog_sentences", c["sentences"]) if original else c["sentences"],
        "coleman_liau": 0.0588 if original else 0.058,
        "dale_chall_constant": "always" if original else "over 5 %",
    }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _scores(x: dict, guards: bool) -> dict:
    w, s = x["words"], x["sentences"]
    wps = _ratio(w, s)
    spw = _ratio(x["syllables"], w)
    fre = 206.835 - 1.015 * wps - 84.6 * spw
    fk = 0.39 * wps + 11.8 * spw - 15.59
    if guards and (wps == 0 or spw == 0):  # textstat returns 0.0 when a ratio is 0
        fre = fk = 0.0
    fog = 0.4 * (wps + _ratio(100 * x["hard_words"], w)) if w else 0.0
    smog = (1.043 * (30 * _ratio(x["polysyllables"], x["smog_sentences"])) ** 0.5) + 3.1291
    letters_100, sentences_100 = _ratio(x["letters"], w) * 100, _ratio(s, w) * 100
    cli = x["coleman_liau"] * letters_100 - 0.296 * sentences_100 - 15.8
    if guards and (letters_100 == 0 or sentences_100 == 0):
        cli = 0.0
    cpw = _ratio(x["characters"], x["tokens"])
    ari = 4.71 * cpw + 0.5 * wps - 21.43
    if guards and (cpw == 0 or wps == 0):
        ari = 0.0
    pdw = _ratio(100 * x["difficult_words"], w)
    dale = 0.1579 * pdw + 0.0496 * wps
    if x["dale_chall_constant"] == "always" or pdw > 5:
        dale += 3.6365
    return {"flesch_reading_ease": fre, "flesch_kincaid_grade": fk, "gunning_fog": fog, "smog_index": smog,
            "coleman_liau_index": cli, "automated_readability_index": ari, "dale_chall_readability_score": dale}


def score_textstat(counts: dict) -> dict:
    """The seven scores from textstat's counts, exactly as textstat computes them."""
    return _scores(formula_inputs(counts, "textstat"), guards=True)


def score_original(counts: dict) -> dict:
    """The seven scores from the original counts, as published (SMOG on McLaughlin's sample)."""
    return _scores(formula_inputs(counts, "original"), guards=False)


def score_inputs(inputs: dict, guards: bool = False) -> dict:
    """The seven scores from a dict of :func:`formula_inputs` (used to take a difference apart)."""
    return _scores(inputs, guards)
