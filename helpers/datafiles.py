"""The course's word lists and codebooks, read from plain files when they are used.

Every list the analyses use (reporting verbs, contested terms, label families,
frame lexicons, the Dale-Chall words, ...) is a file in ``helpers/data/`` that
a student can open and extend.  The analyses read them through
:func:`read_data`, which keeps what it read **until the file changes**: edit
``helpers/data/reporting_verbs.csv`` in JupyterLab, save it, and the next call
in the running notebook uses the new list; no restart is needed.
:func:`reload_word_lists` forgets everything read so far (for a file changed
in a way its time stamp does not show).

    >>> from helpers.datafiles import read_json
    >>> "entries" in read_json("contested_terms.json")
    True
"""

from __future__ import annotations

import csv
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

__all__ = ["DATA_DIR", "read_data", "read_csv", "read_json", "reload_word_lists", "CACHE_SIZE"]

#: The folder of the course's plain data files.
DATA_DIR = Path(__file__).resolve().parent / "data"
#: How many parsed files are kept at most (the least recently used is dropped first).
CACHE_SIZE = 64

_cache: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()


def read_data(path: Path | str, parse: Callable[[Path], object]):
    """``parse(path)``, read again only when the file's size or modification time changed.

    ``parse`` gets the path and returns the parsed content; treat what comes
    back as read-only (it is shared by every caller until the file changes).
    """
    path = Path(path)
    stat = path.stat()
    key = (str(path.resolve()), getattr(parse, "__qualname__", repr(parse)), stat.st_mtime_ns, stat.st_size)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = parse(path)
    with _lock:
        stale = [k for k in _cache if k[:2] == key[:2]]
        for k in stale:
            del _cache[k]
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def _json(path: Path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_csv(name: str | Path) -> list[dict]:
    """The rows of a CSV file in ``helpers/data/`` (or at a path) as dicts, re-read when it changes."""
    path = Path(name) if Path(name).is_absolute() else DATA_DIR / name
    return read_data(path, _csv_rows)


def read_json(name: str | Path):
    """A JSON file of ``helpers/data/`` (or at a path), re-read when it changes."""
    path = Path(name) if Path(name).is_absolute() else DATA_DIR / name
    return read_data(path, _json)


def reload_word_lists() -> None:
    """Forget every data file read so far: the next use reads each file again."""
    with _lock:
        _cache.clear()
