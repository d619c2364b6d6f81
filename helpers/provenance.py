"""Where an article comes from: its provenance sheet.

Before comparing articles, write down for each one where it comes from: the
**outlet**, the **date**, the **author**, the **URL**, the **language** and
whether it is a **translation**.  The course reads these facts from one of two
places, and shows them beside the comparison.

1. **A header block** at the top of the article's file: one ``Field: value``
   line per fact, then a line of three dashes.  :func:`helpers.load_article`
   sets the block aside, so it is never taken for the headline::

       Outlet: (the outlet's name)
       Date: 2023-09-19
       Author: unknown
       URL: https://...
       Language: English
       Translated: no
       ---
       The headline on its own line

       The first paragraph ...

   A block may also open with a line of three dashes (as in Markdown "front
   matter").  Every line of the block must be ``Field: value``, with no blank
   line inside, at least one field must be one of :data:`FIELDS`, and the
   block must end with the dashes: otherwise the file has no header and its
   first line is the headline (so "Karabakh: two dead ..." stays a headline).

2. **A sheet beside the articles**: a file ``provenance.csv`` in the folder of
   the articles, one row per article, with the columns of :data:`FIELDS` and
   ``file`` (the article's file name)::

       file,outlet,date,author,url,language,translated,note
       report_a.txt,Example Daily,2023-09-19,unknown,https://...,English,no,

   Where both say something, the header block counts and the difference is
   flagged.

The texts the course builds (``helpers.variants``) carry a header whose first
line is ``Constructed teaching text: ...``: they are not news reports, and
they say how they were made.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .datafiles import read_csv
from .errors import CorpusError
from .text import shorten

__all__ = [
    "FIELDS", "CONSTRUCTED", "SHEET_NAME", "NOT_RECORDED", "Header", "split_header", "mask_header",
    "format_header", "read_sheet", "provenance_record", "provenance_sheet",
]

#: The facts a provenance sheet records, in the order the sheet shows them.
FIELDS = ("outlet", "date", "author", "url", "language", "translated", "note")
#: The field that marks a text built by the course (its first header line).
CONSTRUCTED = "constructed teaching text"
#: Further fields of a constructed text: what it was made from, and how.
CONSTRUCTED_FIELDS = (CONSTRUCTED, "made from", "recipe")
#: The file name of the sheet beside the articles.
SHEET_NAME = "provenance.csv"
#: What the sheet shows for a fact nobody wrote down.
NOT_RECORDED = "(not recorded)"

#: Other field names a header may use (any other name is kept, with a warning).
OTHER_FIELDS = ("title", "source", "retrieved", "rights", "section", "original language", "translator", "file")
_FIELD_LINE = re.compile(r"([A-Za-z][A-Za-z .()/_-]{0,40}?)[ \t]*:[ \t]*(.*)")
_DASHES = re.compile(r"-{3,}[ \t]*")
#: How many lines a header block may have at most (a longer one is not a header).
MAX_HEADER_LINES = 30


@dataclass(frozen=True)
class Header:
    """A header block found at the top of a text.

    ``fields`` maps each field name (lower case, single spaces) to its value;
    ``end`` is the offset just after the block (and the line break after it),
    where the article itself starts.  ``warnings`` lists what looked wrong
    (a field given twice).
    """

    fields: dict
    end: int
    warnings: list = field(default_factory=list)

    @property
    def constructed(self) -> bool:
        """True for a text the course built (its header has ``Constructed teaching text``)."""
        return CONSTRUCTED in self.fields


def _field_name(raw: str) -> str:
    return " ".join(raw.lower().replace("_", " ").split())


def split_header(text: str) -> Header | None:
    """The header block at the top of ``text`` (see the module), or ``None`` if it has none.

    >>> text = "Outlet: Example Daily\\nDate: 2023-09-19\\n---\\nHeadline\\n\\nBody."
    >>> header = split_header(text)
    >>> header.fields["outlet"], text[header.end:header.end + 8]
    ('Example Daily', 'Headline')
    >>> split_header("Karabakh: two dead and 23 injured\\n\\nBody.") is None
    True
    """
    lines = text.split("\n")
    position = 0
    first = 0
    if lines and _DASHES.fullmatch(lines[0].strip()):  # "front matter" opening dashes
        position = len(lines[0]) + 1
        first = 1
    fields: dict[str, str] = {}
    warnings: list[str] = []
    for number in range(first, min(len(lines), first + MAX_HEADER_LINES + 1)):
        line = lines[number]
        stripped = line.strip()
        if _DASHES.fullmatch(stripped):
            known = FIELDS + CONSTRUCTED_FIELDS + OTHER_FIELDS
            if not any(name in known for name in fields):
                return None
            unknown = [name for name in fields if name not in known]
            if unknown:
                warnings.append(f"the header has field(s) the course does not know: {', '.join(unknown)} "
                                f"(kept; the sheet shows {', '.join(FIELDS)})")
            end = min(len(text), position + len(line) + 1)
            return Header(fields, end, warnings)
        match = _FIELD_LINE.fullmatch(stripped)
        if not match:
            return None  # a blank line or a line that is not "Field: value": no header
        name = _field_name(match.group(1))
        if name in fields:
            warnings.append(f"the header gives {name!r} twice; the first value is kept")
        else:
            fields[name] = match.group(2).strip()
        position += len(line) + 1
    return None


def mask_header(text: str, header: Header | None) -> str:
    """``text`` with its header block blanked out (spaces, line breaks kept), so offsets stay the same."""
    if header is None or header.end == 0:
        return text
    return re.sub(r"[^\n]", " ", text[:header.end]) + text[header.end:]


def format_header(fields: dict) -> str:
    """A header block for ``fields`` (in their order), ending with the line of dashes and a line break."""
    lines = []
    for name, value in fields.items():
        value = " ".join(str(value).split())
        lines.append(f"{name[:1].upper()}{name[1:]}: {value}")
    return "\n".join(lines) + "\n---\n"


# ------------------------------------------------------------------------- the sheet beside the articles

def read_sheet(folder: Path | str) -> dict[str, dict]:
    """The rows of ``provenance.csv`` in ``folder``, by file name (``{}`` when there is no sheet).

    Column names are read in any case; a row without a ``file`` is skipped.
    Raises :class:`~helpers.errors.CorpusError` naming the file when the sheet
    has no ``file`` column or cannot be read (not UTF-8, not a CSV table).
    """
    path = Path(folder) / SHEET_NAME
    if not path.is_file():
        return {}
    shown = f"{path.name} in {Path(folder).name}/"
    try:
        rows = read_csv(path.resolve())
    except UnicodeDecodeError:
        raise CorpusError(f"{shown} is not UTF-8 text: open it in a spreadsheet or text editor and save it as "
                          "CSV UTF-8") from None
    except (ValueError, OSError) as err:  # csv.Error is not one: see below
        raise CorpusError(f"{shown} cannot be read: {' '.join(str(err).split())}") from None
    except csv.Error as err:
        raise CorpusError(f"{shown} is not a CSV table: {' '.join(str(err).split())}") from None
    out: dict[str, dict] = {}
    for row in rows:
        clean = {_field_name(k): (v if isinstance(v, str) else "").strip() for k, v in row.items() if k}
        if "file" not in clean:
            raise CorpusError(f"{path.name} in {Path(folder).name}/ has no column 'file': its first line must be "
                             f"file,{','.join(FIELDS)}")
        if clean["file"]:
            out[clean["file"]] = clean
    return out


def provenance_record(header: dict | None, sheet_row: dict | None) -> dict:
    """One article's provenance: every field of :data:`FIELDS`, where it was recorded, and conflicts.

    ``header`` is the article's header block (``article.provenance``), ``sheet_row``
    its row of ``provenance.csv``.  The header counts where both give a value;
    ``conflicts`` names the fields where they differ.
    """
    header = dict(header or {})
    sheet_row = dict(sheet_row or {})
    record = {}
    conflicts = []
    for name in FIELDS:
        mine, theirs = header.get(name, ""), sheet_row.get(name, "")
        record[name] = mine or theirs or NOT_RECORDED
        if mine and theirs and mine != theirs:
            conflicts.append(name)
    places = [place for place, given in (("header", header), (SHEET_NAME, sheet_row))
              if any(given.get(name) for name in FIELDS + CONSTRUCTED_FIELDS)]
    record["recorded in"] = " and ".join(places) or "nowhere"
    record["constructed"] = header.get(CONSTRUCTED, "")
    record["conflicts"] = ", ".join(conflicts)
    return record


def provenance_sheet(records: dict[str, dict], columns=("outlet", "date", "author", "language", "translated"),
                     width: int = 40):
    """The provenance sheet as a narrow table: one row per article (numbered from 1), values shortened.

    ``records`` maps an article's label to its :func:`provenance_record`.  A
    built text shows "constructed teaching text" as its outlet; a field
    recorded nowhere shows ``(not recorded)``; the column ``check`` names the
    fields where the header and the sheet disagree.
    """
    import pandas as pd  # only here: load_article reads headers without loading pandas

    rows = []
    for label, record in records.items():
        row = {"article": label}
        for name in columns:
            value = record.get(name, NOT_RECORDED)
            if name == "outlet" and record.get("constructed") and value == NOT_RECORDED:
                value = "constructed teaching text"
            row[name] = shorten(value, width)
        row["recorded in"] = record.get("recorded in", "nowhere")
        if record.get("conflicts"):
            row["recorded in"] += f" (they differ on: {record['conflicts']})"
        rows.append(row)
    table = pd.DataFrame(rows, columns=["article", *columns, "recorded in"])
    table.index = range(1, len(table) + 1)
    return table
