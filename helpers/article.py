"""Reading an article safely: :func:`load_article` and the :class:`Article` it returns.

Close reading starts with the shape of a text.  :func:`load_article` reads a
plain-text news article and splits it into

* ``title``        -- the headline (the first block of a text of several blocks)
* ``subheadings``  -- short lines without sentence punctuation (section titles);
  in a text made only of such short lines, they are the body instead
* ``paragraphs``   -- the body, in order
* ``boilerplate``  -- lines left behind by the website it was copied from
  ("Source link", "Leave a Reply", ...) and separator lines without any
  word ("* * *"), kept apart from the body
* ``header`` and ``provenance`` -- a provenance header block at the top of
  the file ("Outlet: ...", "Date: ...", then a line ``---``; see
  :mod:`helpers.provenance`), set aside: never the headline, never counted
* ``sentences`` and ``words`` of the body.

Every piece is a :class:`~helpers.spans.Span`: a string that knows its
``start`` and ``end`` in ``article.text``, so every count in the course can be
traced back to the exact words behind it.

Bad input gets a clear message instead of a deep traceback (every one a
:class:`~helpers.errors.CourseError`): a missing file (with the list of course
articles), an empty path, a folder, a pipe or device instead of a file (it
could make the reading wait forever), a file without read permission, a file
over :data:`MAX_BYTES` (10 MB), an empty text, UTF-16 text ("save it as
UTF-8"), bytes that are not UTF-8 (with the byte offset), binary files.

Some text loads with a note in ``article.warnings`` instead:

* text that looks like HTML, quotation marks that are never closed or open nothing;
* invisible bidirectional control characters (U+202E RIGHT-TO-LEFT OVERRIDE and
  the others of :data:`BIDI_CONTROLS`): they can make a text *display* in another
  order than it is stored, so the reader may not see what is counted.  The
  course's own pages show each one visibly, as ``[U+202E]``
  (:func:`mark_bidi_controls`);
* lone surrogates (``"\\ud800"``, only possible in a Python string given as
  ``text=``): no file can hold them, so each is replaced by U+FFFD (�), one
  character for one, and every offset stays right.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import (
    ArticleError, ArticleNotFoundError, ArticleTooLargeError, BinaryFileError, EmptyArticleError,
    NotRegularFileError, NotUTF8Error, UnreadableFileError,
)
from .provenance import mask_header, split_header
from .quotes import Quote, scan_quotes
from .spans import Span, split_blocks

__all__ = [
    "Article", "load_article", "as_article", "available_seeds", "SEEDS_DIR", "DEFAULT_SEED",
    "ArticleError", "EmptyArticleError", "NotUTF8Error", "BinaryFileError", "ArticleNotFoundError",
    "NotRegularFileError", "ArticleTooLargeError", "UnreadableFileError",
    "split_sentences", "word_spans", "BOILERPLATE_PATTERNS", "ABBREVIATIONS",
    "MAX_BYTES", "BIDI_CONTROLS", "mark_bidi_controls",
]

def _seeds_dir() -> Path:
    """``helpers/seeds/`` where the package was installed from a wheel (which ships the project's
    ``seeds/`` there), else ``seeds/`` at the top of the project."""
    package = Path(__file__).resolve().parent
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"


#: The folder with the course's articles (``seeds/`` at the top of the project; inside the package when installed).
SEEDS_DIR = _seeds_dir()
#: The article the course is built on.
DEFAULT_SEED = "karabakh_2023-09-19.txt"
#: The largest article the course reads, in bytes of UTF-8 (10 MB: about 1.5 million words, a
#: hundred times a long report).  A larger text is refused with :class:`ArticleTooLargeError`.
MAX_BYTES = 10_000_000

#: Invisible characters that change the order in which text is *displayed* (not stored):
#: embeddings, overrides and isolates, and the direction marks.
BIDI_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE", "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK",
}
_BIDI = re.compile("[" + "".join(BIDI_CONTROLS) + "]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

#: Lines that websites add around a copied article.  Each is a regular
#: expression matched against a whole line, ignoring case.  Add your own.
BOILERPLATE_PATTERNS = [
    r"source link",
    r"leave a (reply|comment)",
    r"(click|tap) here.*",
    r"read (more|also|the full (story|article))\b.*",
    r"share (this|on).*",
    r"related (posts|articles|stories)",
    r"advertisement",
    r"(subscribe|sign up) (to|for) our newsletter.*",
    r"all rights reserved\.?",
    r"(©|copyright).*",
]
_BOILERPLATE = re.compile(r"(?:%s)\s*[:.!]?" % "|".join(BOILERPLATE_PATTERNS), re.IGNORECASE)

#: Words that end with a full stop without ending the sentence ("Mr. Michel").
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "pres", "amb", "rev", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no",
    "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft",
}
#: After an initialism (U.N., U.S.) a sentence ends only if one of these words follows.
SENTENCE_STARTERS = {
    "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "but",
    "and", "in", "on", "at", "a", "an", "its", "his", "her", "their", "there", "meanwhile", "however",
}

#: What counts as a word: letters or digits, with inner hyphens and apostrophes
#: (ex-Twitter, Editor’s, don't stay whole).
WORD = re.compile(r"[^\W_]+(?:[-‐'’][^\W_]+)*")
# A match starts only at the first mark of a run ("!!!"), so a long run is read once, not once per mark.
_TERMINAL = re.compile(r"(?<![.!?…])[.!?…]+(?:[”\"»’')\]]|[ \u00a0\u202f]»)*(?=\s)")
_OPENERS = "“\"«‘'(["
_SPACES = re.compile(r"\s*")
_HTML = re.compile(r"</?(?:p|div|span|a|b|i|em|strong|br|script|style|html|body|head|h[1-6]|ul|li|img|iframe)\b[^>]*>"
                   r"|&(?:amp|lt|gt|quot|nbsp|#\d+|#x[0-9a-f]+);", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class Article:
    """A news article split into its parts.  Create one with :func:`load_article`.

    ``text`` is the file exactly as read (only line endings normalised to
    ``\\n``, a byte-order mark dropped, lone surrogates replaced and a
    provenance header blanked out with spaces, so that no analysis counts it);
    every offset points into it.  The header itself is in ``header``, its
    fields in ``provenance``.  ``sentences`` and ``words`` cover the body
    paragraphs only.  ``path`` is the file it was read from (``None`` for
    ``text=...``); ``key`` names its output files.
    """

    text: str
    name: str
    title: Span | None
    subheadings: list[Span]
    paragraphs: list[Span]
    boilerplate: list[Span]
    sentences: list[Span]
    warnings: list[str] = field(default_factory=list)
    path: Path | None = None
    #: The provenance header block at the top of the file (``None`` if it has none), set aside.
    header: Span | None = None
    #: The header's fields ("outlet", "date", ...; see :mod:`helpers.provenance`), ``{}`` without a header.
    provenance: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"<Article {self.name!r}: {len(self.paragraphs)} paragraphs, "
                f"{len(self.sentences)} sentences, {len(self.words)} words>")

    @cached_property
    def words(self) -> list[Span]:
        """The words of the body paragraphs, in order (punctuation left out)."""
        out: list[Span] = []
        for index, paragraph in enumerate(self.paragraphs):
            out.extend(word_spans(paragraph, offset=paragraph.start, paragraph=index))
        return out

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quotation in the article (headline included), see :func:`helpers.find_quotes`."""
        return scan_quotes(self.text)[0]

    @cached_property
    def is_seed(self) -> bool:
        """True when this is the course article itself (cells about its specific people step aside otherwise)."""
        seed = SEEDS_DIR / DEFAULT_SEED
        return seed.exists() and self.text == _read_text(seed).lstrip("\ufeff").replace("\r\n", "\n")

    @cached_property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (a plain string: offsets do not carry over)."""
        return "\n\n".join(self.paragraphs)

    @cached_property
    def key(self) -> str:
        """A name for this article's output files (briefs, sides tables, course pages), unique to it.

        The file name without ``.txt`` and a short fingerprint of where the
        article comes from, so ``a/report.txt`` and ``b/report.txt`` never share
        files: ``report-1f3a09c2``.  The fingerprint is of the path (relative to
        the course folder when the file is inside it, so it is the same on every
        machine), or of the text itself for ``text=...``.  The course's own
        articles in ``seeds/`` keep their plain name: ``karabakh_2023-09-19``.
        """
        stem = re.sub(r"[^\w.-]+", "_", Path(self.name).stem).strip("._")[:60].strip("._") or "article"
        if self.path is None:
            basis = "text:" + self.text
        else:
            path = Path(self.path)
            if path.parent == SEEDS_DIR.resolve():
                return stem
            try:
                basis = "path:" + path.relative_to(SEEDS_DIR.resolve().parent).as_posix()
            except ValueError:
                basis = "path:" + path.as_posix()
        digest = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        return f"{stem}-{digest}"

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the body paragraph that contains ``offset`` (None outside the body)."""
        return _find(self.paragraphs, self._paragraph_starts, offset)

    def sentence_at(self, offset: int) -> int | None:
        """Index (in ``sentences``) of the sentence that contains ``offset`` (None if none)."""
        return _find(self.sentences, self._sentence_starts, offset)

    def sentences_in(self, paragraph: int) -> list[Span]:
        """The sentences of one body paragraph (found by binary search: fast on any length)."""
        numbers = self._sentence_paragraphs
        return self.sentences[bisect.bisect_left(numbers, paragraph):bisect.bisect_right(numbers, paragraph)]

    @cached_property
    def _sentence_paragraphs(self) -> list[int]:
        return [s.paragraph for s in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]


def _find(spans: list[Span], starts: list[int], offset: int) -> int | None:
    """Binary search: the span that contains ``offset``, if any."""
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and spans[k].start <= offset < max(spans[k].end, spans[k].start + 1):
        return k
    return None


def as_article(article) -> Article:
    """An :class:`Article` as it is, or a string read with ``load_article(text=...)``."""
    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return load_article(text=article)
    raise TypeError(f"expected an Article (from load_article) or a string, not {type(article).__name__}")


def available_seeds() -> list[str]:
    """File names of the articles in the course's ``seeds/`` folder."""
    if not SEEDS_DIR.is_dir():
        return []
    return sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


def load_article(path=None, *, text: str | None = None, name: str | None = None) -> Article:
    """Read an article and split it into title, subheadings, paragraphs, sentences and words.

    * ``load_article()`` -- the course article in ``seeds/``.
    * ``load_article("my_article.txt")`` -- a plain-text file (UTF-8).  A bare
      file name is also looked up in ``seeds/``.
    * ``load_article(text="...")`` -- a text you already have as a string.

    Raises :class:`ArticleNotFoundError` for a missing file (or an empty path)
    and an :class:`ArticleError` (a ``ValueError``) for a folder, a pipe or
    device, an unreadable file, a text over :data:`MAX_BYTES`, an empty text,
    UTF-16 or other bytes that are not UTF-8, or a binary file.  Both are
    :class:`~helpers.errors.CourseError`.  Lone surrogates in ``text=`` are
    replaced by U+FFFD and noted in ``article.warnings``.
    """
    if text is not None and path is not None:
        raise TypeError("load_article takes a path or text=..., not both")
    file = None
    if text is None:
        file = _resolve(path)
        text = _decode(_read_bytes(file), file.name)
        name = name or file.name
    elif not isinstance(text, str):
        raise TypeError(f"text= must be a string, not {type(text).__name__}")
    else:
        name = name or "<text>"
        _check_size(len(text) if len(text) * 4 <= MAX_BYTES else len(text.encode("utf-8", "surrogatepass")), name)
        if "\x00" in text:
            raise BinaryFileError(f"{_printable(name)} contains NUL characters: it is binary data, not an article")
    name = _printable(name)
    text, notes = _without_surrogates(text, name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyArticleError(f"{name} is empty: there is no text to analyse")
    return _parse(text, name, notes, None if file is None else file.resolve())


def _printable(name) -> str:
    """A name that can be shown and saved: lone surrogates (an undecodable file name) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", str(name))


def _without_surrogates(text: str, name: str) -> tuple[str, list[str]]:
    """``text`` with every lone surrogate replaced by U+FFFD (one for one: offsets stay right), and a note."""
    if text.isascii() or not _SURROGATE.search(text):
        return text, []
    found = [m.start() for m in _SURROGATE.finditer(text)]
    where = ", ".join(f"U+{ord(text[k]):04X} at offset {k}" for k in found[:5])
    note = (f"{name} contained {len(found)} lone surrogate(s) ({where}{', ...' if len(found) > 5 else ''}): "
            "characters no file can hold, left by a broken copy or conversion. Each was replaced by "
            "\ufffd (U+FFFD) so that the text can be saved; a character may be missing there.")
    return _SURROGATE.sub("\ufffd", text), [note]


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise ArticleTooLargeError(
            f"{_printable(name)} is {size / 1e6:.1f} MB: the course reads articles of at most "
            f"{MAX_BYTES / 1e6:g} MB. Split it into several files (helpers.analyse_corpus compares them)")


def _resolve(path) -> Path:
    """The file to read: ``path`` (or a bare name found in ``seeds/``), checked to be an ordinary file.

    Only the file's status is read here (``stat`` never waits, even on a pipe).
    """
    if path is None:
        path = SEEDS_DIR / DEFAULT_SEED
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"load_article needs a path (a string or a Path), not {type(path).__name__}")
    shown = _printable(os.fspath(path))
    if not shown.strip():
        raise ArticleNotFoundError(
            "No article path given (the path is an empty string): give the path of a .txt file, "
            "or call load_article() for the course article")
    file = Path(path).expanduser()
    info = _stat(file, shown)
    if info is None and not file.is_absolute() and file.parent == Path(".") and (SEEDS_DIR / file.name).is_file():
        file = SEEDS_DIR / file.name
        info = _stat(file, shown)
    if info is None:
        seeds = ", ".join(available_seeds()) or "none found"
        raise ArticleNotFoundError(
            f"No article at {shown!r}. Check the name and folder; the course's articles "
            f"(in seeds/) are: {seeds}")
    _check_regular(info.st_mode, shown)
    return file


def _stat(file: Path, shown: str):
    """``os.stat`` of ``file``, ``None`` when there is nothing there; a clear error when it cannot be looked at."""
    try:
        return file.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except PermissionError:
        raise UnreadableFileError(f"{shown!r} cannot be read: permission denied (a folder on the way may be "
                                  "closed to you). Copy the article somewhere you can read it") from None
    except (OSError, ValueError) as err:  # a name too long, a loop of links, ...
        raise ArticleError(f"{shown!r} cannot be opened: {getattr(err, 'strerror', None) or err}") from None


_KINDS = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket")]


def _check_regular(mode: int, shown: str) -> None:
    if stat.S_ISDIR(mode):
        raise ArticleError(f"{shown!r} is a folder, not a text file: give the path of one .txt file")
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _KINDS if test(mode)), "not an ordinary file")
        raise NotRegularFileError(f"{shown!r} is {kind}, not a text file: reading it could wait forever. "
                                  "Give the path of a .txt file")


def _read_bytes(file: Path) -> bytes:
    """The bytes of ``file``: opened without waiting (``O_NONBLOCK``), checked again, at most MAX_BYTES read."""
    shown = _printable(file.name)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(file, flags)
    except PermissionError:
        raise UnreadableFileError(f"{shown} cannot be read: permission denied. Copy the article to a file you "
                                  "can read (or change its permissions)") from None
    except IsADirectoryError:
        raise ArticleError(f"{shown!r} is a folder, not a text file: give the path of one .txt file") from None
    except OSError as err:
        raise UnreadableFileError(f"{shown} cannot be read: {err.strerror or err}") from None
    with os.fdopen(handle, "rb") as opened:
        info = os.fstat(opened.fileno())  # the file opened, which may not be the one looked at before
        _check_regular(info.st_mode, shown)
        _check_size(info.st_size, shown)
        try:
            data = opened.read(MAX_BYTES + 1)
        except OSError as err:
            raise UnreadableFileError(f"{shown} cannot be read: {err.strerror or err}") from None
    _check_size(len(data), shown)
    return data


def _read_text(file: Path) -> str:
    """The text of ``file`` (UTF-8), with the course's clear errors."""
    return _decode(_read_bytes(file), file.name)


def _decode(data: bytes, name: str) -> str:
    name = _printable(name)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise NotUTF8Error(f"{name} is encoded in UTF-32: save it as UTF-8 (in a text editor: Save As, "
                           "encoding UTF-8)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in data and _looks_like_utf16(data)):
        raise NotUTF8Error(f"{name} is encoded in UTF-16: save it as UTF-8 (in a text editor: Save As, "
                           "encoding UTF-8)")
    if b"\x00" in data:
        raise BinaryFileError(
            f"{name} is not a text file (it contains NUL bytes at byte offset {data.index(0)}); "
            "save the article as plain text (.txt, UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotUTF8Error(
            f"{name} is not UTF-8 text: byte {data[err.start]:#04x} at byte offset {err.start} "
            "cannot be decoded. Open it in a text editor and save it as UTF-8") from None


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: Latin text has a NUL in every other byte, all on one side."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return len(sample) >= 4 and max(even, odd) >= 0.3 * (len(sample) // 2) and min(even, odd) <= 0.05 * max(even, odd)


def mark_bidi_controls(text: str) -> str:
    """``text`` with every bidirectional control character shown as ``[U+202E]`` (for pages and reports).

    Such characters are invisible but change the order in which the text around
    them is displayed; marked, they can neither hide nor reorder anything.

    >>> mark_bidi_controls("abc\u202edef")
    'abc[U+202E]def'
    """
    text = str(text)
    if text.isascii():
        return text
    return _BIDI.sub(lambda m: f"[U+{ord(m.group(0)):04X}]", text)


def _parse(text: str, name: str, notes: list[str] | None = None, path: Path | None = None) -> Article:
    header = split_header(text)  # a provenance header block is set aside before anything else
    if header is not None:
        block = text[:header.end].rstrip("\n")
        if not text[header.end:].strip():
            raise EmptyArticleError(f"{name} has only a provenance header: the article's text is missing after "
                                    "the line ---")
        text, header_span, fields = mask_header(text, header), Span(block, 0, len(block)), dict(header.fields)
    blocks = split_blocks(text)
    leftover = [bool(_BOILERPLATE.fullmatch(b.strip()) or not WORD.search(b)) for b in blocks]
    boilerplate = [b for b, left in zip(blocks, leftover) if left]
    content = [b for b, left in zip(blocks, leftover) if not left]
    title = None
    if len(content) > 1 and len(WORD.findall(content[0])) <= 30:
        title, content = content[0], content[1:]
    subheadings, paragraphs = [], []
    for block in content:
        if _is_subheading(block):
            subheadings.append(block)
        else:
            paragraphs.append(Span(str(block), block.start, block.end, len(paragraphs)))
    if not paragraphs:  # a very short text: its short lines are all the body it has
        body = [b for b in subheadings] or ([title] if title is not None else [])
        subheadings = []
        if title is not None and body == [title]:
            title = None
        paragraphs = [Span(str(b), b.start, b.end, k) for k, b in enumerate(body)]
    if not paragraphs:
        raise EmptyArticleError(f"{name} has no text besides website leftovers "
                                f"({', '.join(repr(str(b)) for b in boilerplate[:3])}): there is nothing to analyse")
    sentences = [s for index, p in enumerate(paragraphs) for s in split_sentences(p, offset=p.start, paragraph=index)]
    quotes, strays = scan_quotes(text)
    article = Article(text, name, title, subheadings, paragraphs, boilerplate, sentences,
                      list(notes or []) + _warnings(text, name, quotes, strays) + (header.warnings if header else []),
                      path, **({"header": header_span, "provenance": fields} if header else {}))
    article.__dict__["quotes"] = quotes  # fill the cached property: one scan serves everything
    return article


def _is_subheading(block: str) -> bool:
    """A short line (at most 12 words) that does not end like a sentence."""
    words = WORD.findall(block)
    if not words or len(words) > 12 or "\n" in block:
        return False
    ending = block.rstrip("”\"»’')] ")
    return not ending.endswith((".", "!", "?", "…", ":", ";", ","))


def _warnings(text: str, name: str, quotes: list[Quote], strays: list[tuple[int, str]]) -> list[str]:
    notes = []
    tags = sorted({"<" + m.group(0).strip("</>").split()[0].lower() + ">" if m.group(0).startswith("<")
                   else m.group(0) for m in _HTML.finditer(text)})
    if tags:
        notes.append(f"{name} contains HTML markup ({', '.join(tags[:5])}): counts include it as text. "
                     "Save the article as plain text (copy the page text, not its source) for clean results.")
    unbalanced = [q for q in quotes if q.unbalanced]
    if unbalanced:
        where = ", ".join(str(q.start - len(q.open_mark)) for q in unbalanced[:5])
        notes.append(f"{len(unbalanced)} quotation(s) never closed (opening mark at offset {where}); "
                     "each was closed at the end of its paragraph.")
    if strays:
        where = ", ".join(f"{mark} at offset {offset}" for offset, mark in strays[:5])
        notes.append(f"{len(strays)} quotation mark(s) that open nothing ({where}).")
    controls = [] if text.isascii() else [m.start() for m in _BIDI.finditer(text)]
    if controls:
        where = ", ".join(f"U+{ord(text[k]):04X} {BIDI_CONTROLS[text[k]]} at offset {k}" for k in controls[:5])
        notes.append(f"{len(controls)} invisible bidirectional control character(s) ({where}"
                     f"{', ...' if len(controls) > 5 else ''}): they can make the text display in another order "
                     "than it is stored, so what you see may not be what is counted. The course's pages show "
                     "each one as [U+....].")
    return notes


def word_spans(text: str, offset: int = 0, paragraph: int | None = None) -> list[Span]:
    """The words of ``text`` as spans (offsets shifted by ``offset``).

    A word is a run of letters or digits; inner hyphens and apostrophes (’ or ')
    keep it whole: "ex-Twitter", "Editor’s", "don't".
    """
    return [Span(m.group(0), m.start() + offset, m.end() + offset, paragraph) for m in WORD.finditer(text)]


def split_sentences(text: str, offset: int = 0, paragraph: int | None = None) -> list[Span]:
    """Split one paragraph into sentences.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotation
    marks or brackets after it) when the next word starts with a capital
    letter, a digit or an opening quotation mark.  It does not end:

    * after an abbreviation such as "Mr." or "e.g." (see ``ABBREVIATIONS``),
      or a single initial ("J. Borrell");
    * after an initialism such as "U.N." unless a typical sentence opener
      ("The", "He", ...) follows;
    * at an ellipsis marking a cut in a quotation: "(…)" or "[…]";
    * before a lower-case word: “Stop!” he said.

    A quotation may hold several sentences; its closing mark stays with the
    sentence it closes.
    """
    cuts = []
    for match in _TERMINAL.finditer(text):
        end = match.end()
        after = _SPACES.match(text, end).end()
        rest = text[after:after + 60]
        if not rest:
            continue
        nxt = rest.lstrip(_OPENERS)[:1]
        if not (nxt.isupper() or nxt.isdigit() or (rest[0] in _OPENERS and nxt.isalnum())):
            continue
        if not _ends_sentence(text, match.start(), match.group(0), rest):
            continue
        cuts.append(end)
    spans, start = [], 0
    for cut in cuts + [len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            s = start + lead
            spans.append(Span(stripped, s + offset, s + len(stripped) + offset, paragraph))
        start = cut
    return spans


def _ends_sentence(text: str, position: int, punctuation: str, rest: str) -> bool:
    if punctuation.startswith("…") or punctuation.startswith("..."):
        if position > 0 and text[position - 1] in "([":
            return False
    if not punctuation.startswith("."):
        return True
    before = re.search(r"(\S+)$", text[max(0, position - 40):position])
    if not before:
        return True
    word = before.group(1).lstrip(_OPENERS)
    bare = word.lower().rstrip(".")
    if bare in ABBREVIATIONS:
        return False
    if re.fullmatch(r"[A-Za-z]", word):  # an initial: "J. Borrell"
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # e.g, i.e, U.N, U.S
        if word.lower() in {"e.g", "i.e", "c.f"}:
            return False
        following = WORD.match(rest.lstrip(_OPENERS))
        return bool(following) and following.group(0).lower() in SENTENCE_STARTERS
    return True
