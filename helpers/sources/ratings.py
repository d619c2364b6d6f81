"""How a reporting verb presents what it reports: the two ratings of the verb audit (notebook 04).

Each verb of ``helpers/data/reporting_verbs.csv`` is rated on two separate dimensions:

* the **speech act** it describes (Searle 1976; Caldas-Coulthard 1994): ``neutral``
  (only that words were said: *said*, *told*, *added*, *according to*), ``assertive``
  (a statement named as such: *stated*, *announced*, *claimed*, *denied*), ``directive``
  (*asked*, *urged*, *called on*, *warned*), ``commissive`` (*promised*, *assured*) or
  ``expressive`` (an attitude or a feeling: *denounced*, *lamented*, *accused*, *joked*);
* the **stance** it signals about the truth of what is reported (Bell 1991; the AP,
  Reuters and BBC style guides): ``none``, ``distance`` (doubt: *claimed*, *alleged*,
  *insisted*) or ``endorsement`` (the reporter presents it as a fact: *confirmed*,
  *revealed*, *admitted*, *noted*, *explained*).

Describing the act can be accurate -- a warning is a warning; the stance is the
reporter's judgement.  The one-word ``rating`` of earlier versions of the course is
derived from the two (:func:`helpers.attribution_patterns.derived_rating`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..attribution_patterns import derived_rating
from .lexicon import LEX, refresh, verb_lemma

__all__ = ["VerbRating", "verb_rating", "verb_scheme"]


@dataclass(frozen=True)
class VerbRating:
    """The ratings of one reporting verb as written ("claimed"), from ``reporting_verbs.csv``."""

    verb: str
    lemma: str
    speech_act: str
    stance: str
    why: str
    source: str

    @property
    def rating(self) -> str:
        """"neutral" or "loaded", derived from the two dimensions (see :func:`derived_rating`)."""
        return derived_rating(self.speech_act, self.stance)

    @property
    def known(self) -> bool:
        """False for a verb that is not in the list (rated neutral, with no reason)."""
        return bool(self.why)


def verb_rating(verb: str) -> VerbRating:
    """The speech act, the stance and the reason for a reporting verb as written.

    >>> r = verb_rating("claimed")
    >>> (r.lemma, r.speech_act, r.stance, r.rating)
    ('claim', 'assertive', 'distance', 'loaded')
    >>> (verb_rating("called on").speech_act, verb_rating("urged").speech_act, verb_rating("urged").rating)
    ('directive', 'directive', 'neutral')
    """
    refresh()
    lemma = verb_lemma(verb)
    entry = LEX.reporting_verbs.get(lemma)
    if entry is None:
        return VerbRating(str(verb), lemma, "neutral", "none", "", "")
    return VerbRating(str(verb), lemma, entry.get("speech_act", "neutral"), entry.get("stance", "none"),
                      entry.get("why", ""), entry.get("source", ""))


def verb_scheme():
    """Every reporting verb with its two ratings, the derived one, the reason and the source (a DataFrame)."""
    import pandas as pd

    refresh()
    rows = [{"verb": verb, "forms": ", ".join(entry["forms"]), "speech act": entry.get("speech_act", ""),
             "stance": entry.get("stance", ""), "rating": entry.get("rating", ""), "why": entry.get("why", ""),
             "source": entry.get("source", "")}
            for verb, entry in LEX.reporting_verbs.items()]
    table = pd.DataFrame(rows)
    table.index = range(1, len(table) + 1)
    return table
