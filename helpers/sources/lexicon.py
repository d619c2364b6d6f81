"""The word lists of :mod:`helpers.attribution_patterns` turned into fast lookups.

The rules of the extractor ask questions such as "is this word a title?" or
"can this word end the name of a source?" thousands of times per article.
:data:`LEX` answers them with sets and regular expressions built from the word
lists.  :func:`refresh` (called at the start of every analysis) rebuilds them
when one of the files in ``helpers/data/`` has changed, so an edited word list
takes effect at the next call, in a running notebook too.

The small words of English grammar (determiners, prepositions, weekdays) are
not meant to be edited: they are constants of this module.
"""

from __future__ import annotations

import os
import re
from types import SimpleNamespace

from .. import attribution_patterns as patterns

__all__ = ["LEX", "refresh", "Lexicon", "verb_lemma"]

#: Grammar words (fixed).
SUBJECT_PRONOUNS = {"he", "she", "they", "it"}
OBJECT_PRONOUNS = {"him", "her", "them", "it"}  # after "according to"
INDEFINITE = {"a", "an", "one"}
DEFINITE = {"the", "its", "his", "her", "their", "our"}
DETERMINERS = INDEFINITE | DEFINITE | {"some", "several", "many", "most", "two", "three", "four", "five",
                                       "other", "both", "all"}
PREPOSITIONS = {"of", "for", "at", "from", "in", "on", "with"}
#: Small words inside names: "Ministry of Defense", "President of the European Council".
NAME_CONNECTORS = {"of", "for", "de", "du", "von", "van", "al", "el"}
#: A name after one of these is more likely a place than a person ("in Nagorno Karabakh").
PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "into", "of", "for", "on", "across", "over", "under",
                      "between", "toward", "towards", "through", "around"}
PASSIVE = {"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"}
#: A verb form after one of these is a noun or an adjective: "the reported number", "a say".
DET_BEFORE_VERB = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                   "my", "your", "no", "so-called"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_NOUNS = {"week", "month", "year", "night", "morning", "afternoon", "evening", "weekend"}
QUOTE_MARKS = set("“”«»„\"‘’‹›'")
CLAUSE_END = {",", ".", ";", ":", "!", "?"}
#: Words that never belong to the noun phrase of a speaker (the data-derived ones are added by the lexicon).
_NOT_IN_PHRASE = {
    "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "being", "to", "and",
    "or", "but", "nor", "if", "because", "as", "than", "so", "this", "these", "those", "there", "here", "when",
    "where", "after", "before", "since", "by", "about", "over", "into", "through", "against", "during",
    "without", "under", "between", "among", "near", "he", "she", "it", "they", "we", "i", "you", "him",
    "them", "us", "me", "no", "can", "could", "should", "may", "might", "must", "shall", "while", "whereas",
    "what", "how", "why", "very", "more", "only", "including", "such", "like", "notably", "especially",
    "i’d", "i'd", "i’m", "i'm", "i’ll", "i'll", "i’ve", "i've",
}

#: A question put to the source, before its answer: "Asked whether the plant would close, Smith said: ..."
ASKED = re.compile(r"\s*asked\s+(?:about|whether|if|why|how|what|when|who)\b[^,“”\"«»]*,\s*", re.IGNORECASE)
FOR_ONES_PART = re.compile(r"\s*,?\s*for (his|her|its|their) part\b", re.IGNORECASE)
TIME_FILLER = re.compile(r"\s*(?:then|also|later|on (?:%s))\b" % "|".join(WEEKDAYS), re.IGNORECASE)
AFTER_VERB = re.compile(r"\s*(?:that\b|:|,|last (?:week|month|year)\b|on (?:%s)\b)" % "|".join(WEEKDAYS),
                        re.IGNORECASE)
STOP_WITH_COMMA = re.compile(r"[“«„\"‘‹:;,]|\bthat\b")
STOP = re.compile(r"[“«„\"‘‹:;]|\bthat\b")
#: How far (in characters or tokens) the rules look around a verb: speakers are short phrases.
WINDOW = 300
MAX_TOKENS = 60


class Lexicon:
    """Lookups built from the three word-list files (see the module docstring)."""

    def __init__(self, verbs: dict, channels: list, words: dict):
        self.built_from = (verbs, channels, words)
        verb_forms = {form: verb for verb, entry in verbs.items() for form in entry["forms"]}
        participles = {form: verb for verb, entry in verbs.items() for form in entry["participles"]}
        self.reporting_verbs, self.verb_forms, self.participles = verbs, verb_forms, participles
        #: What may come between a verb and its statement ("recipient", "to", "of", "as", "naming").
        self.takes = {verb: set(entry.get("takes", ())) for verb, entry in verbs.items()}
        self.speech_act = {verb: entry.get("speech_act", "") for verb, entry in verbs.items()}
        titles = words["titles"]
        #: The last word of each title: "prime minister" -> "minister", "rights defender" -> "defender".
        self.title_words = {title.split()[-1] for title in titles}
        self.title_phrases = set(titles)
        self.title_abbr = {a.lower() for a in words["title_abbreviations"]}
        self.institution = set(words["institution_nouns"])
        #: Documents that "say" for their authors: "the statement said", "the memo reads".
        self.document = set(words.get("document_nouns", ()))
        self.group = set(words["group_nouns"])
        self.anonymous = set(words["anonymous_nouns"])
        self.place = set(words["place_words"])
        self.fillers = set(words["fillers"])
        self.coordinators = set(words["coordinators"])
        self.pronouns = {word: tuple(value) for word, value in words["pronouns"].items()}
        self.common_heads = self.group | self.title_words | self.anonymous | self.institution | self.document
        self.verb_words = {w for form in list(verb_forms) + list(participles) for w in form.split()} - {
            "to", "on", "for"}
        self.not_in_phrase = _NOT_IN_PHRASE | self.fillers | self.verb_words
        self.not_in_pp = self.not_in_phrase | PREPOSITIONS
        self.pronoun_words = SUBJECT_PRONOUNS | OBJECT_PRONOUNS
        #: Words that make a capitalised name something other than a person ("HuffPost Canada", "Ice Complex").
        self.not_person = self.common_heads | self.place | set(words.get("not_person_words", ()))
        #: Capitalised only because they open the sentence: "Shop owners say", "Other researchers cautioned".
        self.opening_common = self.common_heads | {"shop", "some", "other"}
        #: Reporting verbs by their first word: "called" -> [("called", "on"), ("called", "for")], longest first.
        first: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for form, participle in [(f, False) for f in verb_forms] + [(f, True) for f in participles]:
            first.setdefault(form.split()[0], []).append((tuple(form.split()), participle))
        for options in first.values():
            options.sort(key=lambda option: -len(option[0]))
        self.verb_first = first

        abbr = "|".join(re.escape(a) for a in words["title_abbreviations"])
        #: Words (with inner hyphens and apostrophes, a possessive ’s or s’), abbreviated titles, initialisms
        #: ("U.S."), numbers with thousands separators ("1,300"), single marks;
        #: zero-width spaces and joiners (left by web pages inside names: "Ana Ruiz\u200b said") are no tokens.
        self.token = re.compile(r"(?:%s)(?!\w)|(?:[A-Z]\.){2,}(?![^\W_])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
                                r"|[^\W_]+(?:[-‐'’][^\W_]+)*(?:(?<=s)[’'](?![^\W_]))?|[^\w\s\u200b-\u200f\u2060\ufeff]" % abbr)
        self.anonymity = re.compile("|".join(re.escape(p) for p in sorted(words["anonymity_phrases"], key=len,
                                                                          reverse=True)), re.IGNORECASE)
        self.channels = [(re.compile(pattern, 0 if re.search(r"\b[A-Z]", pattern) else re.IGNORECASE), channel)
                         for pattern, channel, _ in channels]
        #: All channel patterns in one expression, to see quickly whether a stretch of text names any channel.
        self.any_channel = re.compile("|".join("(?:%s)" % p if re.search(r"\b[A-Z]", p) else "(?i:%s)" % p
                                               for p, _, _ in channels))
        self.medium = {channel: medium for _, channel, medium in channels}
        connectives = sorted(words["connectives"], key=len, reverse=True)  # "for its part" before "for"
        self.connective = re.compile(r"\s*(?:%s)\b[\s,]*" % "|".join(map(re.escape, connectives)), re.IGNORECASE)


#: The lexicon the rules read (``LEX.title_words``, ``LEX.token``, ...): the attributes of the
#: latest :class:`Lexicon`, copied onto one object so that the rules' inner loops read them plainly.
LEX = SimpleNamespace(version=0, built_from=None)


_STATS: dict = {}


def refresh() -> int:
    """Rebuild :data:`LEX` if a word-list file changed since it was built; return its version number.

    A look at the three files' size and time stamp is all it costs when nothing changed.
    """
    files = (patterns.VERBS_FILE, patterns.CHANNELS_FILE, patterns.WORDS_FILE)
    try:
        stats = tuple((str(f), os.stat(f).st_mtime_ns, os.stat(f).st_size) for f in files)
    except OSError:
        stats = None
    if stats is not None and stats == _STATS.get("files") and LEX.built_from is not None:
        return LEX.version
    _STATS["files"] = stats
    sources = (patterns.load_reporting_verbs(), patterns.load_channels(), patterns.word_lists())
    if LEX.built_from is None or any(a is not b for a, b in zip(LEX.built_from, sources)):
        version = LEX.version + 1
        LEX.__dict__.update(vars(Lexicon(*sources)))
        LEX.version = version
    return LEX.version


refresh()


def verb_lemma(verb: str) -> str:
    """The dictionary form of a reporting verb as written: "said" -> "say", "called on" -> "call on"."""
    form = " ".join(str(verb).lower().split())
    return LEX.verb_forms.get(form) or LEX.participles.get(form) or form
