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

Bad input gets a clear message instead of a deep traceback: a missing file
(with the list of course articles), a folder, an empty text, bytes that are
not UTF-8 (with the byte offset), binary files.  Text that looks like HTML
loads, but ``article.warnings`` says so.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import ArticleError, ArticleNotFoundError, BinaryFileError, EmptyArticleError, NotUTF8Error
from .provenance import mask_header, split_header
from .quotes import Quote, scan_quotes
from .spans import Span, split_blocks

__all__ = [
    "Article", "load_article", "as_article", "available_seeds", "SEEDS_DIR", "DEFAULT_SEED",
    "ArticleError", "EmptyArticleError", "NotUTF8Error", "BinaryFileError", "ArticleNotFoundError",
    "split_sentences", "word_spans", "BOILERPLATE_PATTERNS", "ABBREVIATIONS",
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
_TERMINAL = re.compile(r"[.!?…]+(?:[”\"»’')\]]|[ \u00a0\u202f]»)*(?=\s)")
_OPENERS = "“\"«‘'(["
_SPACES = re.compile(r"\s*")
_HTML = re.compile(r"</?(?:p|div|span|a|b|i|em|strong|br|script|style|html|body|head|h[1-6]|ul|li|img|iframe)\b[^>]*>"
                   r"|&(?:amp|lt|gt|quot|nbsp|#\d+|#x[0-9a-f]+);", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class Article:
    """A news article split into its parts.  Create one with :func:`load_article`.

    ``text`` is the file exactly as read (only line endings normalised to
    ``\\n``, a byte-order mark dropped and a provenance header blanked out
    with spaces, so that no analysis counts it); every offset points into it.
    The header itself is in ``header``, its fields in ``provenance``.
    ``sentences`` and ``words`` cover the body paragraphs only.
    """

    text: str
    name: str
    title: Span | None
    subheadings: list[Span]
    paragraphs: list[Span]
    boilerplate: list[Span]
    sentences: list[Span]
    warnings: list[str] = field(default_factory=list)
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

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (a plain string: offsets do not carry over)."""
        return "\n\n".join(self.paragraphs)

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the body paragraph that contains ``offset`` (None outside the body)."""
        return _find(self.paragraphs, self._paragraph_starts, offset)

    def sentence_at(self, offset: int) -> int | None:
        """Index (in ``sentences``) of the sentence that contains ``offset`` (None if none)."""
        return _find(self.sentences, self._sentence_starts, offset)

    def sentences_in(self, paragraph: int) -> list[Span]:
        """The sentences of one body paragraph."""
        return [s for s in self.sentences if s.paragraph == paragraph]

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

    Raises :class:`ArticleNotFoundError` for a missing file and an
    :class:`ArticleError` (a ``ValueError``) for a folder, an empty text,
    bytes that are not UTF-8 or a binary file.
    """
    if text is not None and path is not None:
        raise TypeError("load_article takes a path or text=..., not both")
    if text is None:
        file = _resolve(path)
        text = _read_text(file)
        name = name or file.name
    elif not isinstance(text, str):
        raise TypeError(f"text= must be a string, not {type(text).__name__}")
    else:
        name = name or "<text>"
        if "\x00" in text:
            raise BinaryFileError(f"{name} contains NUL characters: it is binary data, not an article")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyArticleError(f"{name} is empty: there is no text to analyse")
    return _parse(text, name)


def _resolve(path) -> Path:
    if path is None:
        path = SEEDS_DIR / DEFAULT_SEED
    file = Path(path).expanduser()
    if not file.exists() and not file.is_absolute() and (SEEDS_DIR / file.name).exists() and file.parent == Path("."):
        file = SEEDS_DIR / file.name
    if not file.exists():
        seeds = ", ".join(available_seeds()) or "none found"
        raise ArticleNotFoundError(
            f"No article at {str(path)!r}. Check the name and folder; the course's articles "
            f"(in seeds/) are: {seeds}")
    if file.is_dir():
        raise ArticleError(f"{str(path)!r} is a folder, not a text file: give the path of one .txt file")
    return file


def _read_text(file: Path) -> str:
    data = file.read_bytes()
    if b"\x00" in data:
        raise BinaryFileError(
            f"{file.name} is not a text file (it contains NUL bytes at byte offset {data.index(0)}); "
            "save the article as plain text (.txt, UTF-8)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotUTF8Error(
            f"{file.name} is not UTF-8 text: byte {data[err.start]:#04x} at byte offset {err.start} "
            "cannot be decoded. Open it in a text editor and save it as UTF-8") from None


def _parse(text: str, name: str) -> Article:
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
                      _warnings(text, name, quotes, strays) + (header.warnings if header else []),
                      **({"header": header_span, "provenance": fields} if header else {}))
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
        rest = text[_SPACES.match(text, end).end():][:60]
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
