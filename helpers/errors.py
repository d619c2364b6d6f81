"""The course's own errors and warnings, in one place.

Every problem the course can explain to a student is one of these.  Each
message says what was wrong and where the course looked, in one line, so a
notebook can show it without a traceback (``setup_notebook`` does).

* :class:`CourseError` -- the base of every error below; catch it to catch them all.
* :class:`ArticleError` -- the text cannot be read as an article (empty, not
  UTF-8, binary, too large, not a regular file, ...).
* :class:`ArticleNotFoundError` -- no file at that path (the message lists the
  course's articles).
* :class:`CodingError` -- a codebook coding that cannot be read.
* :class:`NotRegularFileError`, :class:`ArticleTooLargeError`, :class:`UnreadableFileError`
  -- kinds of :class:`ArticleError`: a pipe or device instead of a file, a text
  over the size limit, a file without read permission.
* :class:`RecordError` -- a record the course tools keep is damaged (a merge conflict, say).
* :class:`UnwritableTextError` -- text that cannot be saved as UTF-8.
* :class:`ReadabilityWarning` -- a readability score was computed where its
  formula is not valid (a text too short, too few sentences, ...).
* :class:`ReadabilityError` -- a text cannot be scored at all (empty, or no words).
"""

from __future__ import annotations

__all__ = [
    "CourseError", "ArticleError", "EmptyArticleError", "NotUTF8Error", "BinaryFileError",
    "ArticleNotFoundError", "CodingError", "ReadabilityWarning", "CourseWarning", "ReadabilityError",
    "NotRegularFileError", "ArticleTooLargeError", "UnreadableFileError", "RecordError", "UnwritableTextError",
    "CorpusError",
]


class CourseError(Exception):
    """Something the course can explain in one line (the base of the course's errors)."""


class ArticleError(CourseError, ValueError):
    """The text cannot be read as an article (the message says why)."""


class EmptyArticleError(ArticleError):
    """The text is empty or only whitespace."""


class NotUTF8Error(ArticleError):
    """The file's bytes are not UTF-8 text."""


class BinaryFileError(ArticleError):
    """The file is not text at all (it contains NUL bytes)."""


class ArticleNotFoundError(CourseError, FileNotFoundError):
    """No file at that path (the message lists the course's articles)."""


class CodingError(CourseError, ValueError):
    """A coding (codebook answers) that cannot be read; the message says which answer and why."""


class CourseWarning(UserWarning):
    """A result was computed, but a reader should know its limits (the base of the course's warnings)."""


class ReadabilityWarning(CourseWarning):
    """A readability score was computed where its formula is not valid."""


class ReadabilityError(CourseError, ValueError):
    """A text cannot be scored: it is empty, or has no words (only punctuation or symbols)."""


class NotRegularFileError(ArticleError):
    """The path is not an ordinary file (a pipe, a device, a socket): reading it could wait forever."""


class ArticleTooLargeError(ArticleError):
    """The text is larger than the course reads (``helpers.article.MAX_BYTES``)."""


class UnreadableFileError(ArticleError):
    """The file exists but cannot be read (no permission, or the system refused)."""


class RecordError(CourseError, ValueError):
    """A file the course tools keep (such as ``notebooks/exercises/.generated.json``) cannot be read."""


class UnwritableTextError(CourseError, ValueError):
    """Text that cannot be saved as UTF-8 (a lone surrogate such as ``"\\ud800"``); the message says where."""


class CorpusError(CourseError, ValueError):
    """A set of articles to compare that cannot be used (an empty folder, a path that does not exist, ...)."""
