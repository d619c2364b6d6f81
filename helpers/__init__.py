"""helpers: the tested toolbox of the media-analysis course.

The notebooks call these functions instead of re-writing the logic, so every
notebook counts in the same way.  Start with::

    from helpers import load_article, find_quotes
    article = load_article()          # the course article
    article.paragraphs[0]             # the first body paragraph
"""

from .article import (
    Article, ArticleError, ArticleNotFoundError, BinaryFileError, EmptyArticleError, NotUTF8Error,
    available_seeds, load_article, split_sentences, word_spans,
)
from .quotes import Quote, editorial_insertions, find_quotes, find_stray_quote_marks, quoted_share
from .spans import Span

__all__ = [
    "Article", "ArticleError", "ArticleNotFoundError", "BinaryFileError", "EmptyArticleError",
    "NotUTF8Error", "Quote", "Span", "available_seeds", "editorial_insertions", "find_quotes", "find_stray_quote_marks",
    "load_article", "quoted_share", "split_sentences", "word_spans",
]
from .display import evidence_table, highlight, setup_notebook, shorten, show_table

__all__ += ["evidence_table", "highlight", "setup_notebook", "shorten", "show_table"]
from .exercises import check

__all__ += ["check"]
from . import plots, primer, reading

__all__ += ["plots", "primer", "reading"]
from .readability import (
    ReadabilityWarning, compare_methods, compare_scores, count_differences, hardest_sentences, paragraph_scores,
    readability_scores, sentence_scores, sentence_length_distribution, side_scores, side_sentences, voice_scores,
    word_drivers,
)

__all__ += ["ReadabilityWarning", "compare_methods", "compare_scores", "count_differences", "hardest_sentences",
            "paragraph_scores", "readability_scores", "sentence_scores", "sentence_length_distribution",
            "side_scores", "side_sentences", "voice_scores", "word_drivers"]
from .agreement import cohen_kappa, cohen_kappa_parts, fleiss_kappa, krippendorff_alpha, percent_agreement
from .codebooks import (
    check_coding, coding_answers, coding_table, entman_table, frame_scores, load_codebook, load_example_codings,
    peace_war_lean, peace_war_tally,
)
from .framing import (
    CONTESTED_TERMS, frame_hits, frame_presence, label_table, label_uses, load_frame_lexicons, load_label_families,
    narrator_uses, who_calls_it_what,
)

__all__ += ["cohen_kappa", "cohen_kappa_parts", "fleiss_kappa", "krippendorff_alpha", "percent_agreement",
            "check_coding", "coding_answers", "coding_table", "entman_table", "frame_scores", "load_codebook",
            "load_example_codings", "peace_war_lean", "peace_war_tally",
            "CONTESTED_TERMS", "frame_hits", "frame_presence", "label_table", "label_uses", "load_frame_lexicons",
            "load_label_families", "narrator_uses", "who_calls_it_what"]
from .sources import (
    Attribution, Person, QuoteRecord, add_sides, export_source_table, find_attributions, find_people,
    quote_records, seed_sources, source_table, verb_rating,
)

__all__ += ["Attribution", "Person", "QuoteRecord", "add_sides", "export_source_table", "find_attributions",
            "find_people", "quote_records", "seed_sources", "source_table", "verb_rating"]
from .corpus import analyse_corpus

__all__ += ["analyse_corpus"]
