"""helpers: the tested toolbox of the media-analysis course.

The notebooks call these functions instead of re-writing the logic, so every
notebook counts in the same way.  Start with::

    from helpers import load_article, find_quotes
    article = load_article()          # the course article
    article.paragraphs[0]             # the first body paragraph

``import helpers`` is quick: each function is imported from its module the
first time it is used (``from helpers import find_quotes`` loads
``helpers.quotes`` and nothing else), so a notebook pays only for the
analyses it runs.

For maintainers: :data:`EXPORTS` says where each name of the package lives.
To export a new name, add it there (``"name": "module"``); ``helpers.__all__``,
``from helpers import name`` and ``dir(helpers)`` follow from it, and
``tests/test_imports.py`` checks that the module defines the name.
"""

from __future__ import annotations

import importlib
import importlib.util

#: Where each name of the package lives: ``helpers.<name>`` is ``helpers.<module>.<name>``.
#: A name mapped to ``None`` is a module of its own (``helpers.plots``).
EXPORTS: dict[str, str | None] = {
    # an article and its parts (helpers.article, helpers.spans), the course's errors (helpers.errors)
    "Article": "article", "available_seeds": "article", "load_article": "article",
    "split_sentences": "article", "word_spans": "article", "Span": "spans",
    "ArticleError": "errors", "ArticleNotFoundError": "errors", "BinaryFileError": "errors",
    "EmptyArticleError": "errors", "NotUTF8Error": "errors", "ReadabilityWarning": "errors",
    # quotations
    "Quote": "quotes", "editorial_insertions": "quotes", "find_quotes": "quotes", "find_stray_quote_marks": "quotes", "quoted_share": "quotes",
    # showing evidence, charts, exercises
    "evidence_table": "display", "highlight": "display", "setup_notebook": "display", "show_table": "display",
    "shorten": "text",
    "check": "exercises", "plots": None, "primer": None, "reading": None,
    # readability
    "compare_methods": "readability", "compare_scores": "readability", "count_differences": "readability",
    "hardest_sentences": "readability", "paragraph_scores": "readability",
    "readability_scores": "readability", "sentence_scores": "readability",
    "sentence_length_distribution": "readability", "side_scores": "readability", "side_sentences": "readability",
    "voice_scores": "readability", "word_drivers": "readability",
    # agreement between coders
    "cohen_kappa": "agreement", "cohen_kappa_parts": "agreement", "fleiss_kappa": "agreement",
    "krippendorff_alpha": "agreement", "percent_agreement": "agreement",
    # codebooks
    "check_coding": "codebooks", "coding_answers": "codebooks", "coding_table": "codebooks",
    "entman_table": "codebooks", "frame_scores": "codebooks", "load_codebook": "codebooks",
    "load_example_codings": "codebooks", "peace_war_lean": "codebooks", "peace_war_tally": "codebooks",
    # framing
    "CONTESTED_TERMS": "framing", "frame_hits": "framing", "frame_presence": "framing", "label_table": "framing",
    "label_uses": "framing", "load_frame_lexicons": "framing", "load_label_families": "framing",
    "narrator_uses": "framing", "who_calls_it_what": "framing",
    # sources
    "Attribution": "sources", "Person": "sources", "QuoteRecord": "sources", "add_sides": "sources", "export_source_table": "sources",
    "find_attributions": "sources", "find_people": "sources", "seed_sources": "sources",
    "quote_records": "sources", "source_table": "sources", "verb_rating": "sources",
    # several articles
    "analyse_corpus": "corpus",
}

__all__ = list(EXPORTS)


def __getattr__(name: str):
    """``helpers.name``: import the module that defines ``name`` (once) and return the name.

    A module of the package not in the table (``helpers.brief``) is imported too.
    """
    if name not in EXPORTS:
        if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = EXPORTS[name] or name
    value = importlib.import_module(f"{__name__}.{module}")
    if EXPORTS[name] is not None:
        value = getattr(value, name)
    globals()[name] = value  # later uses find it without calling __getattr__
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
