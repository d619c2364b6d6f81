"""Pin every package the course installs: ``make constraints`` rewrites ``constraints.txt``.

``requirements.txt`` (what students need) and ``requirements-dev.txt`` (what the
tests add) pin the packages the course names.  ``constraints.txt`` pins all the
packages those pull in, down to the last dependency, so that every install gets
the same versions: the notebooks' stored outputs depend on them.  Both
requirement files apply it (``-c constraints.txt``).

This command resolves the two files afresh -- ignoring the current constraints
and whatever is installed, installing nothing (``pip install --dry-run
--ignore-installed --report``) -- and writes the result.  It needs the package
index.  Afterwards: ``make test`` (installs the new versions), ``make solutions``
if outputs changed, and commit ``constraints.txt`` with the notebooks.

The set is resolved for the Python that runs this command; run it with the
oldest supported version (the one ``make setup`` uses, see ``requires-python``).

    python -m tools.constraints            # rewrite constraints.txt
    python -m tools.constraints --check    # list installed packages that differ from it
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
#: The requirement files, the students' first.
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
#: The project itself (installed from the working tree, never pinned).
PROJECT = "media-analysis-course-helpers"
#: Installed by the virtual environment itself, not by the requirements.
NOT_PINNED = {"pip"}

HEADER = """\
# Every package the course installs, pinned: what requirements.txt and requirements-dev.txt
# resolve to ({count} packages, resolved on Python {python}).  Both files apply it with
# "-c constraints.txt", so every install gets these versions.
# Do not edit by hand: `make constraints` (python -m tools.constraints) rewrites it.
"""


def canonical(name: str) -> str:
    """A distribution name as pip compares them: ``Jinja2`` and ``jinja2``, ``a_b`` and ``a-b`` are the same."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path = CONSTRAINTS) -> dict[str, str]:
    """The ``name==version`` lines of a requirement or constraints file, by canonical name."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)", line)
        if match:
            pins[canonical(match.group(1))] = match.group(2)
    return pins


def resolve(python: str = sys.executable) -> dict[str, str]:
    """Resolve the requirement files afresh with pip (nothing installed); ``{name: version}``."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in REQUIREMENTS:  # the same files without the old constraints
            lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.strip().startswith(("-c", "--constraint"))]
            lines = [f"-e {ROOT}" if line.strip() == "-e ." else line for line in lines]
            (folder / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = folder / "report.json"
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--dry-run",
                        "--ignore-installed", "--report", str(report), "-r", str(folder / REQUIREMENTS[-1].name)],
                       check=True)
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    resolved = {item["metadata"]["name"]: item["metadata"]["version"] for item in installs}
    return {name: version for name, version in resolved.items()
            if canonical(name) != PROJECT and canonical(name) not in NOT_PINNED}


def constraints_text(pins: dict[str, str]) -> str:
    """The text of ``constraints.txt`` for ``pins`` (sorted by name, one ``name==version`` a line)."""
    lines = [f"{name}=={version}" for name, version in sorted(pins.items(), key=lambda kv: canonical(kv[0]))]
    return HEADER.format(count=len(lines), python=platform.python_version()) + "\n".join(lines) + "\n"


def differences(pins: dict[str, str] | None = None) -> list[str]:
    """Installed packages of this environment whose version differs from ``constraints.txt``."""
    pins = read_pins() if pins is None else pins
    found = []
    for dist in metadata.distributions():
        name = canonical(dist.metadata["Name"])
        if name in pins and pins[name] != dist.version:
            found.append(f"{name}: installed {dist.version}, pinned {pins[name]}")
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.constraints", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list installed packages that differ from it")
    args = parser.parse_args(argv)
    if args.check:
        found = differences()
        print("\n".join(found) if found else f"every installed package pinned in {CONSTRAINTS.name} has its version")
        return 1 if found else 0
    old = read_pins() if CONSTRAINTS.exists() else {}
    new = resolve()
    CONSTRAINTS.write_text(constraints_text(new), encoding="utf-8")
    changed = sorted(set(old.items()) ^ set((canonical(k), v) for k, v in new.items()))
    print(f"Wrote {CONSTRAINTS.name}: {len(new)} packages, {len({n for n, _ in changed})} changed.")
    for name in sorted({n for n, _ in changed}):
        before, after = old.get(name, "-"), {canonical(k): v for k, v in new.items()}.get(name, "-")
        print(f"  {name}: {before} -> {after}")
    if changed:
        print("Next: make test (installs them), make solutions if outputs changed, and commit constraints.txt.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
