"""The test suite on each supported Python: ``make matrix``.

For every version of :data:`VERSIONS` whose interpreter is on this machine
(``python3.12`` on the PATH, or a pyenv install such as
``~/.pyenv/versions/3.12.1``), it makes an environment
``build/matrix/py3.12/`` with the pinned versions (``requirements-dev.txt``
with ``constraints.txt``; the first time this needs the package index, later
runs reuse it until a requirement file changes), runs the whole test suite in
it (nbval compares every notebook's stored outputs, so a Python version that
prints a number differently fails), and prints one line per version.  A
version whose interpreter is missing is reported as skipped.

Not part of ``make test``: it takes minutes per version and may download.

    python -m tools.matrix [--versions 3.12,3.13] [-- pytest arguments]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATRIX = ROOT / "build" / "matrix"
#: The Python versions the course supports (``requires-python`` in pyproject.toml starts at the first).
VERSIONS = ("3.11", "3.12", "3.13")
#: The files whose change makes an environment install again.
INSTALL_FILES = ("requirements.txt", "requirements-dev.txt", "constraints.txt", "pyproject.toml")
#: Packages whose versions are printed for each environment (the ones outputs depend on most).
SHOWN = ("numpy", "pandas", "matplotlib", "textstat")


def find_python(version: str) -> Path | None:
    """An interpreter of ``version`` ("3.12"): ``python3.12`` on the PATH, else the newest pyenv install."""
    candidates = []
    on_path = shutil.which(f"python{version}")
    if on_path:
        candidates.append(Path(on_path))
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    installs = sorted(pyenv.glob(f"{version}.*"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
    candidates += [p / "bin" / f"python{version}" for p in reversed(installs)]
    for python in candidates:
        try:
            said = subprocess.run([str(python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                  capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if said == version:
            return python
    return None


def install_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in INSTALL_FILES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def environment(python: Path, version: str) -> Path:
    """``build/matrix/pyX.Y/`` with the pinned packages installed (again only when a requirement file changed)."""
    venv = MATRIX / f"py{version}"
    stamp = venv / ".installed"
    fingerprint = install_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return venv
    if not (venv / "bin" / "python").exists():
        subprocess.run([str(python), "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / "requirements-dev.txt")], check=True, cwd=ROOT)
    subprocess.run([str(venv / "bin" / "python"), "-c", "import matplotlib.pyplot, helpers"], check=True, cwd=ROOT)
    stamp.write_text(fingerprint)
    return venv


def versions_of(venv: Path) -> str:
    code = ("from importlib.metadata import version\n"
            f"print(', '.join(f'{{n}} {{version(n)}}' for n in {SHOWN!r}))")
    return subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True).stdout.strip()


def summary(output: str) -> str:
    lines = [line for line in output.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    return lines[-1].strip("= ") if lines else "(no summary line)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.matrix", description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", default=",".join(VERSIONS), help="comma-separated, e.g. 3.12,3.13")
    parser.add_argument("--install-only", action="store_true", help="make the environments, run no test")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    args = parser.parse_args(argv)
    results, failed = [], False
    for version in [v.strip() for v in args.versions.split(",") if v.strip()]:
        python = find_python(version)
        if python is None:
            results.append(f"Python {version}: skipped, no interpreter found (python{version} or pyenv)")
            continue
        print(f"--- Python {version} ({python})", flush=True)
        started = time.perf_counter()
        try:
            venv = environment(python, version)
        except subprocess.CalledProcessError as error:
            failed = True
            results.append(f"Python {version}: install failed ({error})")
            continue
        installed = time.perf_counter() - started
        if args.install_only:
            results.append(f"Python {version}: installed in {installed:.0f} s ({versions_of(venv)})")
            continue
        log = MATRIX / f"py{version}.log"
        started = time.perf_counter()
        run = subprocess.run([str(venv / "bin" / "python"), "-m", "pytest", "-q", *args.pytest_args],
                             cwd=ROOT, capture_output=True, text=True)
        log.write_text(run.stdout + run.stderr, encoding="utf-8")
        failed |= run.returncode != 0
        results.append(f"Python {version}: {summary(run.stdout)} in {time.perf_counter() - started:.0f} s "
                       f"(install {installed:.0f} s; {versions_of(venv)}; log {log.relative_to(ROOT)})")
        print(results[-1], flush=True)
    print("\nmake matrix:")
    for line in results:
        print("  " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
