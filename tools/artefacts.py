"""Write the artefact inventory into ``seeds/README.md`` from its one data file.

::

    python -m tools.artefacts          # rewrite the generated section of seeds/README.md
    python -m tools.artefacts --check  # exit 1 if the section is out of date

The inventory of the course article's copying and translation artefacts lives
in ``helpers/data/artefacts.csv``.  Notebook 01 shows it with
``helpers.reading.artefact_table``; ``seeds/README.md`` shows it between the
markers ``<!-- artefacts:start ... -->`` and ``<!-- artefacts:end -->``, written
by this script (``tests/test_reading.py`` checks that both agree with the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.files import write_text
from helpers.reading import artefact_markdown

README = Path(__file__).resolve().parent.parent / "seeds" / "README.md"
START = "<!-- artefacts:start: generated from helpers/data/artefacts.csv by `python -m tools.artefacts`; do not edit by hand -->"
END = "<!-- artefacts:end -->"


def updated(readme: str) -> str:
    """The README text with its generated section replaced by the inventory of the data file."""
    if "<!-- artefacts:start" not in readme or END not in readme:
        raise SystemExit(f"{README.name}: the markers {START[:22]}... and {END} are missing")
    head = readme[:readme.index("<!-- artefacts:start")]
    tail = readme[readme.index(END):]
    return f"{head}{START}\n{artefact_markdown()}\n{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the section is up to date")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    new = updated(readme)
    if args.check:
        if new != readme:
            print(f"{README.name} is out of date: run `python -m tools.artefacts`")
            return 1
        print(f"{README.name} is up to date")
        return 0
    if new != readme:
        write_text(README, new)
        print(f"rewrote the artefact section of seeds/{README.name}")
    else:
        print(f"seeds/{README.name} was already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
