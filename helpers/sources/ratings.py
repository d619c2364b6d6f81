"""The rating of a reporting verb, for the verb audit of notebook 04."""

from __future__ import annotations

from .lexicon import LEX, refresh

__all__ = ["verb_rating"]


def verb_rating(verb: str) -> str:
    """"neutral" or "loaded" for a reporting verb as written ("said" -> "neutral", "lamented" -> "loaded")."""
    refresh()
    form = " ".join(str(verb).lower().split())
    lemma = LEX.verb_forms.get(form) or LEX.participles.get(form) or form
    entry = LEX.reporting_verbs.get(lemma)
    return entry["rating"] if entry else "neutral"
