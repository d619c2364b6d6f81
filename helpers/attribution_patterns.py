"""The words the source extractor looks for, as plain data you can print and extend.

:mod:`helpers.sources` finds attributions ("X said ...") with rules, and every
rule reads one of the lists below.  To teach the extractor a new reporting
verb, title or channel, add it here (or to the CSV files in ``helpers/data/``),
restart the kernel (the lists are read once, when ``helpers`` is imported) and
run it again::

    from helpers.attribution_patterns import REPORTING_VERBS, TITLES
    REPORTING_VERBS["lament"]          # forms, rating and why
    "rights defender" in TITLES        # True

Reporting verbs are rated for the **verb audit** of notebook 04:

* ``neutral`` -- the verb only says that something was said, written or asked
  (*said*, *told*, *added*, *according to*, *announced*, *asked*, *called on*);
* ``loaded`` -- the verb also **characterises** the statement or the speaker:
  an emotion (*lamented*), a moral judgement (*denounced*, *condemned*), a
  charge (*accused*), a danger (*warned*), an emphasis (*stressed*, *urged*),
  or doubt and truth (*claimed*, *admitted*, *confirmed*).

The rating is a judgement written down so that it can be discussed: the
``why`` column of ``helpers/data/reporting_verbs.csv`` gives the reason for
each verb.  Style guides advise *said* because it adds nothing; a reporter who
writes "lamented" or "denounced" tells the reader how to hear the quotation.
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = [
    "DATA_DIR", "REPORTING_VERBS", "VERB_FORMS", "PARTICIPLES", "TITLES", "TITLE_ABBREVIATIONS",
    "INSTITUTION_NOUNS", "GROUP_NOUNS", "ANONYMOUS_NOUNS", "ANONYMITY_PHRASES", "ANONYMOUS", "PRONOUNS",
    "CHANNELS", "SOCIAL_MEDIA", "CONNECTIVES", "FILLERS", "COORDINATORS", "PLACE_WORDS",
    "SIDES", "SOURCE_TYPES", "load_reporting_verbs", "load_channels",
]

#: The folder with the course's plain data files.
DATA_DIR = Path(__file__).resolve().parent / "data"


def load_reporting_verbs(path: Path | str = DATA_DIR / "reporting_verbs.csv") -> dict[str, dict]:
    """Read the reporting-verb list: ``{verb: {"forms": [...], "participles": [...], "rating": ..., "why": ...}}``."""
    verbs = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            verbs[row["verb"]] = {
                "forms": row["forms"].split(" ") if " " not in row["verb"] else _multiword_forms(row["forms"]),
                "participles": _multiword_forms(row["participles"]) if " " in row["verb"]
                else row["participles"].split(),
                "rating": row["rating"],
                "why": row["why"],
            }
    return verbs


def _multiword_forms(text: str) -> list[str]:
    """'called on calls on' -> ['called on', 'calls on'] (pairs of words)."""
    words = text.split()
    return [" ".join(words[k:k + 2]) for k in range(0, len(words), 2)]


def load_channels(path: Path | str = DATA_DIR / "channels.csv") -> list[tuple[str, str, str]]:
    """Read the channel patterns: ``[(regular expression, channel, medium), ...]`` in order of priority."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [(row["pattern"], row["channel"], row["medium"]) for row in csv.DictReader(handle)]


#: Reporting verbs by dictionary form, read from ``helpers/data/reporting_verbs.csv``.
REPORTING_VERBS: dict[str, dict] = load_reporting_verbs()
#: Every finite form (as written) -> its dictionary form: "said" -> "say", "ured" -> "assure".
VERB_FORMS: dict[str, str] = {form: verb for verb, entry in REPORTING_VERBS.items() for form in entry["forms"]}
#: Participles that continue a statement without starting a new one: "saying", "urging", "uring".
PARTICIPLES: dict[str, str] = {form: verb for verb, entry in REPORTING_VERBS.items() for form in entry["participles"]}

#: Titles and roles of people.  A name after (or in apposition to) one of them is a person.
TITLES = [
    "president", "vice president", "prime minister", "minister", "foreign minister", "deputy minister",
    "spokesperson", "spokesman", "spokeswoman", "press secretary", "secretary", "secretary-general",
    "mayor", "councillor", "council member", "governor", "senator", "representative", "ambassador", "envoy",
    "chair", "chairman", "chairwoman", "director", "director-general", "chief", "head", "leader", "deputy",
    "commander", "general", "colonel", "officer", "rights defender", "ombudsman", "judge", "prosecutor",
    "lawyer", "professor", "researcher", "scientist", "climatologist", "economist", "analyst", "engineer",
    "doctor", "nurse", "teacher", "farmer", "executive", "chief executive", "manager", "official",
    "diplomat", "colleague", "adviser", "advisor", "aide", "founder", "owner", "editor", "correspondent",
    "coordinator", "king", "queen", "pope", "patriarch", "activist", "campaigner", "resident", "witness",
]
#: Abbreviated titles written with a full stop.
TITLE_ABBREVIATIONS = ["Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Gen.", "Col.", "Sen.", "Rep.", "Gov.", "Amb."]
#: Head nouns of institutions: a name ending in (or built on) one of them speaks for an organisation.
INSTITUTION_NOUNS = [
    "ministry", "department", "government", "authorities", "authority", "administration", "agency", "office",
    "council", "committee", "commission", "parliament", "assembly", "court", "police", "army", "forces",
    "services", "service", "military", "presidency", "embassy", "union", "party", "cooperative", "company",
    "bank", "network", "institute", "university", "organisation", "organization", "foundation", "association",
    "federation", "board", "diplomacy", "secretariat", "cabinet", "coalition", "alliance", "mission",
    "centre", "center", "hospital", "charity", "firm", "group", "kremlin", "pentagon", "white house",
]
#: Plural nouns for groups of people who speak together: "officials said", "residents say".
GROUP_NOUNS = [
    "officials", "opponents", "critics", "supporters", "residents", "locals", "analysts", "experts",
    "observers", "witnesses", "protesters", "demonstrators", "activists", "campaigners", "lawyers", "doctors",
    "nurses", "scientists", "researchers", "economists", "teachers", "parents", "students", "farmers",
    "workers", "employees", "engineers", "members", "leaders", "sources", "diplomats", "politicians",
    "lawmakers", "legislators", "voters", "villagers", "owners", "traders", "businesses", "companies", "firms",
    "supermarkets", "retailers", "banks", "investors", "unions", "families", "relatives", "survivors",
    "refugees", "civilians", "citizens", "people", "commuters", "drivers", "passengers", "organisers",
    "organizers", "neighbours", "neighbors", "colleagues", "others", "representatives", "executives",
]
#: Singular nouns that make an unnamed source after "a", "an" or "one": "an official said".
ANONYMOUS_NOUNS = [
    "official", "source", "diplomat", "spokesperson", "spokesman", "spokeswoman", "resident", "witness",
    "engineer", "executive", "employee", "officer", "aide", "adviser", "advisor", "insider", "person",
    "member", "worker", "analyst", "expert", "doctor", "nurse", "teacher", "farmer", "student", "soldier",
]
#: Phrases by which a text says that a source asked not to be named.
ANONYMITY_PHRASES = [
    "who asked not to be named", "who asked not to be identified", "who asked to remain anonymous",
    "who requested anonymity", "who declined to be named", "who did not want to be named",
    "speaking on condition of anonymity", "on condition of anonymity", "speaking anonymously",
]
#: Both lists together, for printing.
ANONYMOUS = {"nouns (after a, an, one)": ANONYMOUS_NOUNS, "phrases": ANONYMITY_PHRASES}

#: Pronouns that can stand for a source: number and grammatical gender.
PRONOUNS = {
    "he": ("singular", "male"), "him": ("singular", "male"), "his": ("singular", "male"),
    "she": ("singular", "female"), "her": ("singular", "female"),
    "they": ("plural", None), "them": ("plural", None),
    "it": ("singular", "neuter"),
}

#: Channels: (regular expression, channel, medium), most specific first; from ``helpers/data/channels.csv``.
CHANNELS: list[tuple[str, str, str]] = load_channels()
#: Channels that are social media (the rest are statements, the press, meetings, the telephone).
SOCIAL_MEDIA = sorted({channel for _, channel, medium in CHANNELS if medium == "social media"})

#: Words that open a sentence without being part of the reported statement.
CONNECTIVES = [
    "furthermore", "moreover", "however", "meanwhile", "in addition", "also", "but", "and", "still", "yet",
    "for its part", "for his part", "for her part", "for their part", "on the other hand", "then", "later",
    "earlier", "separately", "finally", "in a statement", "in turn",
]
#: Words that may stand between a speaker and the verb: "Baku had earlier warned", "The Kremlin then said".
FILLERS = [
    "also", "then", "later", "earlier", "again", "further", "previously", "already", "once", "repeatedly",
    "publicly", "separately", "urgently", "immediately", "quickly", "recently", "however", "meanwhile",
    "too", "had", "has", "have", "would", "will", "did", "does", "do", "not", "only", "first", "finally",
]
#: Words that start a new clause with its own subject: "..., while supermarkets say ...".
COORDINATORS = ["while", "whereas", "but", ";"]
#: Last words of place names (a capitalised name ending in one of them is not a person).
PLACE_WORDS = [
    "street", "road", "avenue", "square", "river", "valley", "glacier", "bridge", "lake", "mountain",
    "mountains", "sea", "island", "islands", "city", "county", "province", "region", "republic", "border",
    "corridor", "crossing", "airport", "station", "park", "hall", "tunnel",
]

#: The sides of the course article's conflict, for the source table (notebook 04).
SIDES = ["Armenia / Karabakh Armenian authorities", "Azerbaijan", "Russia", "EU", "France", "other"]
#: The types of source a student assigns in the source table.
SOURCE_TYPES = ["named person", "government or institution", "anonymous", "civilian"]
