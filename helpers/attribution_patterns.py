"""The words the source extractor looks for, as plain data you can print and extend.

:mod:`helpers.sources` finds attributions ("X said ...") with rules, and every
rule reads one of the lists below.  They live in three files of ``helpers/data/``:

* ``reporting_verbs.csv`` -- the reporting verbs, their forms and their rating;
* ``channels.csv`` -- the channels a statement can go through ("on Facebook");
* ``attribution_words.json`` -- titles, institutions, groups, anonymous sources,
  pronouns and the small words between a speaker and a verb.

To teach the extractor a new reporting verb, title or channel, add it to the
file and save it: the next analysis reads the file again (no restart needed)::

    from helpers.attribution_patterns import REPORTING_VERBS, TITLES
    REPORTING_VERBS["lament"]          # forms, rating and why
    "rights defender" in TITLES        # True

Each name (``REPORTING_VERBS``, ``TITLES``, ...) gives the list as it is in its
file at the moment you import it.

Reporting verbs are rated for the **verb audit** of notebook 04, on two dimensions
(columns ``speech_act`` and ``stance`` of ``reporting_verbs.csv``):

* the **speech act** the verb describes (Searle 1976; Caldas-Coulthard 1994):
  ``neutral`` (*said*, *told*, *added*, *according to*), ``assertive`` (*stated*,
  *announced*, *claimed*), ``directive`` (*asked*, *urged*, *called on*, *warned*),
  ``commissive`` (*promised*, *assured*) or ``expressive`` (*denounced*, *lamented*);
* the **stance** it signals on the truth of what is reported (Bell 1991; the AP,
  Reuters and BBC style guides): ``none``, ``distance`` (*claimed*, *alleged*) or
  ``endorsement`` (*confirmed*, *revealed*, *admitted*, *noted*, *explained*).

A rating is a judgement written down so that it can be discussed: the ``why`` and
``source`` columns give the reason and the reference for each verb.  The older
one-word rating (``neutral``/``loaded``) is derived from the two by
:func:`derived_rating`.  The ``takes`` column says what may stand between the verb
and its statement: the person addressed (``recipient``: "told reporters that"), an
infinitive (``to``: "urged them to leave"), a gerund (``ing``: "denied having met"), a
preposition ("accused them of"), "as" ("described it as"), or a name given (``naming``:
"called it “a disgrace”").
"""

from __future__ import annotations

from pathlib import Path

from .datafiles import DATA_DIR, read_data, read_json

__all__ = [
    "DATA_DIR", "REPORTING_VERBS", "VERB_FORMS", "PARTICIPLES", "TITLES", "TITLE_ABBREVIATIONS",
    "INSTITUTION_NOUNS", "DOCUMENT_NOUNS", "GROUP_NOUNS", "ANONYMOUS_NOUNS", "ANONYMITY_PHRASES", "ANONYMOUS", "PRONOUNS",
    "CHANNELS", "SOCIAL_MEDIA", "CONNECTIVES", "FILLERS", "COORDINATORS", "PLACE_WORDS",
    "SIDES", "SOURCE_TYPES", "SPEECH_ACTS", "STANCES", "derived_rating", "load_reporting_verbs", "load_channels",
    "word_lists",
]

#: The three files (a test or a student may point these names at copies).
VERBS_FILE = DATA_DIR / "reporting_verbs.csv"
CHANNELS_FILE = DATA_DIR / "channels.csv"
WORDS_FILE = DATA_DIR / "attribution_words.json"


def _parse_verbs(path: Path) -> dict[str, dict]:
    import csv

    verbs = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            multiword = " " in row["verb"]
            entry = {key: value for key, value in row.items() if key not in {"verb", "forms", "participles"}}
            entry["forms"] = _multiword_forms(row["forms"]) if multiword else row["forms"].split()
            entry["participles"] = _multiword_forms(row["participles"]) if multiword else row["participles"].split()
            entry["takes"] = (row.get("takes") or "").split()
            if "rating" not in row:
                entry["rating"] = derived_rating(row.get("speech_act", ""), row.get("stance", ""))
            verbs[row["verb"]] = entry
    return verbs


#: The speech acts a reporting verb can describe (Searle 1976; Caldas-Coulthard 1994).
SPEECH_ACTS = {
    "neutral": "only that something was said, written, asked or answered (say, tell, add, according to, write)",
    "assertive": "a statement, named as such (state, announce, explain, claim, deny, confirm)",
    "directive": "an attempt to get someone to act (ask, urge, call on, demand, warn)",
    "commissive": "a commitment of the speaker (promise, pledge, vow, threaten, assure)",
    "expressive": "an attitude or a feeling of the speaker (denounce, condemn, lament, welcome, accuse, joke)",
}
#: What a reporting verb signals about the truth of what is reported (Bell 1991; the style guides).
STANCES = {
    "none": "nothing: the reader is left to judge",
    "distance": "doubt: the reporter keeps a distance from the statement (claim, allege, insist)",
    "endorsement": "truth: the reporter presents the statement as a fact (confirm, reveal, admit, note, explain)",
}


def derived_rating(speech_act: str, stance: str) -> str:
    """The course's older one-word rating, derived from the two dimensions.

    "loaded" when the verb signals the reporter's stance on the truth of the statement
    (doubt or endorsement) or gives the speaker an attitude or a feeling (an expressive:
    "denounced", "lamented"); "neutral" when it only names what was done (said, announced,
    called on, urged, warned, promised).
    """
    return "loaded" if stance in {"distance", "endorsement"} or speech_act == "expressive" else "neutral"


def load_reporting_verbs(path: Path | str | None = None) -> dict[str, dict]:
    """The reporting-verb list: ``{verb: {"forms": [...], "participles": [...], "rating": ..., "why": ..., ...}}``.

    ``path`` defaults to ``helpers/data/reporting_verbs.csv``.  Read through
    :func:`helpers.datafiles.read_data`: read again when the file changes.
    """
    return read_data(VERBS_FILE if path is None else path, _parse_verbs)


def _multiword_forms(text: str) -> list[str]:
    """'called on calls on' -> ['called on', 'calls on'] (pairs of words)."""
    words = text.split()
    return [" ".join(words[k:k + 2]) for k in range(0, len(words), 2)]


def _parse_channels(path: Path) -> list[tuple[str, str, str]]:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [(row["pattern"], row["channel"], row["medium"]) for row in csv.DictReader(handle)]


def load_channels(path: Path | str | None = None) -> list[tuple[str, str, str]]:
    """The channel patterns: ``[(regular expression, channel, medium), ...]`` in order of priority.

    ``path`` defaults to ``helpers/data/channels.csv``.
    """
    return read_data(CHANNELS_FILE if path is None else path, _parse_channels)


def word_lists() -> dict:
    """The lists of ``helpers/data/attribution_words.json`` (titles, institution nouns, pronouns, ...)."""
    return read_json(WORDS_FILE)



#: The sides of the course article's conflict, for the source table (notebook 04).
SIDES = ["Armenia / Karabakh Armenian authorities", "Azerbaijan", "Russia", "EU", "France", "other"]
#: The types of source a student assigns in the source table.
SOURCE_TYPES = ["named person", "government or institution", "anonymous", "civilian"]


def _verb_forms() -> dict[str, str]:
    return {form: verb for verb, entry in load_reporting_verbs().items() for form in entry["forms"]}


def _participles() -> dict[str, str]:
    return {form: verb for verb, entry in load_reporting_verbs().items() for form in entry["participles"]}


#: The names this module offers, each read from its file when it is imported (see the module docstring).
_CURRENT = {
    # Reporting verbs by dictionary form (reporting_verbs.csv).
    "REPORTING_VERBS": load_reporting_verbs,
    # Every finite form (as written) -> its dictionary form: "said" -> "say", "ured" -> "assure".
    "VERB_FORMS": _verb_forms,
    # Participles that continue a statement without starting a new one: "saying", "urging", "uring".
    "PARTICIPLES": _participles,
    # Channels: (regular expression, channel, medium), most specific first (channels.csv).
    "CHANNELS": load_channels,
    # Channels that are social media (the rest are statements, the press, meetings, the telephone).
    "SOCIAL_MEDIA": lambda: sorted({channel for _, channel, medium in load_channels() if medium == "social media"}),
    # Titles and roles of people: a name after (or in apposition to) one of them is a person.
    "TITLES": lambda: list(word_lists()["titles"]),
    # Abbreviated titles written with a full stop.
    "TITLE_ABBREVIATIONS": lambda: list(word_lists()["title_abbreviations"]),
    # Head nouns of institutions: a name ending in (or built on) one of them speaks for an organisation.
    "INSTITUTION_NOUNS": lambda: list(word_lists()["institution_nouns"]),
    # Documents that speak for their authors: "the statement said", "the memo reads".
    "DOCUMENT_NOUNS": lambda: list(word_lists()["document_nouns"]),
    # Plural nouns for groups of people who speak together: "officials said", "residents say".
    "GROUP_NOUNS": lambda: list(word_lists()["group_nouns"]),
    # Singular nouns that make an unnamed source after "a", "an" or "one": "an official said".
    "ANONYMOUS_NOUNS": lambda: list(word_lists()["anonymous_nouns"]),
    # Phrases by which a text says that a source asked not to be named.
    "ANONYMITY_PHRASES": lambda: list(word_lists()["anonymity_phrases"]),
    # Both lists together, for printing.
    "ANONYMOUS": lambda: {"nouns (after a, an, one)": list(word_lists()["anonymous_nouns"]),
                          "phrases": list(word_lists()["anonymity_phrases"])},
    # Pronouns that can stand for a source: number and grammatical gender.
    "PRONOUNS": lambda: {word: tuple(value) for word, value in word_lists()["pronouns"].items()},
    # Words that open a sentence without being part of the reported statement.
    "CONNECTIVES": lambda: list(word_lists()["connectives"]),
    # Words that may stand between a speaker and the verb: "Baku had earlier warned", "The Kremlin then said".
    "FILLERS": lambda: list(word_lists()["fillers"]),
    # Words that start a new clause with its own subject: "..., while supermarkets say ...".
    "COORDINATORS": lambda: list(word_lists()["coordinators"]),
    # Last words of place names (a capitalised name ending in one of them is not a person).
    "PLACE_WORDS": lambda: list(word_lists()["place_words"]),
}


def __getattr__(name: str):
    if name in _CURRENT:
        return _CURRENT[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_CURRENT))
