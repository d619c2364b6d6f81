"""Writing files without losing work.

Every file the course writes (a brief, a source table, a student edition, a
web page) goes through :func:`write_text` or :func:`write_bytes`:

* the new content is written to a temporary file in the same folder and then
  renamed over the old one, so a write that fails half-way (a full disk, text
  that cannot be encoded, Ctrl-C) leaves the old file exactly as it was;
* ``backup=True`` first keeps a copy of the old file, named with the time
  (``brief.md`` -> ``brief.2026-12-01T14-03-07.bak.md``), and returns where it
  is, so an overwrite can always be undone.  The copy lies beside the file, or
  in ``backup_dir`` when one is given (the student edition keeps its copies in
  ``notebooks/exercises/backups/``, where no tool takes them for a notebook).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_text(folder / "note.txt", "first").backup is None
    True
    >>> result = write_text(folder / "note.txt", "second", backup=True)
    >>> result.backup.read_text(encoding="utf-8")
    'first'
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Written", "write_text", "write_bytes", "backup_path", "keep_backup"]


@dataclass(frozen=True)
class Written:
    """Where a file was written, and where the old content was kept (``None``: no backup was needed)."""

    path: Path
    backup: Path | None = None


def backup_path(path: Path | str, when: float | None = None, folder: Path | str | None = None) -> Path:
    """A free name for a timestamped copy of ``path``: ``name.YYYY-MM-DDTHH-MM-SS.bak.ext``.

    The name is in ``path``'s folder, or in ``folder`` if given.
    """
    path = Path(path)
    where = path.parent if folder is None else Path(folder)
    stamp = time.strftime("%Y-%m-%dT%H-%M-%S", time.localtime(time.time() if when is None else when))
    candidate, extra = where / f"{path.stem}.{stamp}.bak{path.suffix}", 1
    while candidate.exists():
        candidate = where / f"{path.stem}.{stamp}-{extra}.bak{path.suffix}"
        extra += 1
    return candidate


def keep_backup(path: Path | str, folder: Path | str | None = None) -> Path | None:
    """Copy ``path`` to a timestamped backup beside it (or in ``folder``), atomically; ``None`` if there is no file."""
    path = Path(path)
    if not path.is_file():
        return None
    target = backup_path(path, folder=folder)
    _replace(target, path.read_bytes())
    return target


def write_bytes(path: Path | str, data: bytes, *, backup: bool = False, backup_dir: Path | str | None = None) -> Written:
    """Write ``data`` to ``path`` atomically (temporary file, then rename); keep a backup if asked.

    The backup is made only when the file exists and its content changes; it goes
    beside the file, or into ``backup_dir``.
    """
    path = Path(path)
    old = None
    if backup and path.is_file() and path.read_bytes() != data:
        old = keep_backup(path, backup_dir)
    _replace(path, data)
    return Written(path, old)


def write_text(path: Path | str, text: str, *, encoding: str = "utf-8", newline: str | None = None,
               backup: bool = False, backup_dir: Path | str | None = None) -> Written:
    """Write ``text`` to ``path`` atomically; keep a timestamped backup of the old file if ``backup``.

    The text is encoded *before* anything is touched, so text that cannot be
    encoded raises ``UnicodeEncodeError`` and leaves the old file as it was.
    ``newline="\\n"`` keeps line endings as they are; ``None`` uses the platform's.
    """
    if newline is None:
        text = text.replace("\n", os.linesep)
    elif newline != "\n":
        text = text.replace("\n", newline)
    return write_bytes(path, text.encode(encoding), backup=backup, backup_dir=backup_dir)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            try:
                os.chmod(temporary, path.stat().st_mode & 0o777)
            except OSError:
                pass
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
