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
from .quotes import Quote, find_quotes, find_stray_quote_marks, quoted_share
from .spans import Span

__all__ = [
    "Article", "ArticleError", "ArticleNotFoundError", "BinaryFileError", "EmptyArticleError",
    "NotUTF8Error", "Quote", "Span", "available_seeds", "find_quotes", "find_stray_quote_marks",
    "load_article", "quoted_share", "split_sentences", "word_spans",
]
from .display import evidence_table, highlight, setup_notebook, shorten

__all__ += ["evidence_table", "highlight", "setup_notebook", "shorten"]
from .exercises import check

__all__ += ["check"]
from . import plots, reading

__all__ += ["plots", "reading"]
from .readability import (
    ReadabilityWarning, compare_scores, hardest_sentences, paragraph_scores, readability_scores, sentence_scores,
    sentence_length_distribution, voice_scores, word_drivers,
)

__all__ += ["ReadabilityWarning", "compare_scores", "hardest_sentences", "paragraph_scores", "readability_scores",
            "sentence_scores", "sentence_length_distribution", "voice_scores", "word_drivers"]
