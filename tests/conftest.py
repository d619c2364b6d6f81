"""Shared test settings and fixtures.

* Hypothesis runs the ``ci`` profile: a modest number of examples, no
  deadline (a slow machine is not a bug), derandomized so every run tests the
  same inputs.  ``HYPOTHESIS_PROFILE=dev`` explores more.
* Tests marked ``slow`` (the whole course executed again on the test
  articles, a 5 MB article) run only with ``RUN_SLOW=1``, as CI sets it.
* Tests marked ``browser`` need Chromium at ``/usr/bin/chromium`` and the
  ``playwright`` package; without them they are skipped with the reason,
  unless ``REQUIRE_BROWSER=1`` (CI), where a missing browser is a failure.
* The suite runs on two processes (pytest-xdist; ``--dist loadfile`` in
  pyproject.toml keeps each file, each notebook, whole on one of them).
  ``-n 0`` runs it in one, and so do ``--pdb``, Windows and a command line
  that names only files.  Starting a Jupyter kernel picks free TCP ports,
  releases them, and the kernel binds them a moment later: two kernels
  starting at the same time can pick the same port.  So kernels start one at
  a time: each notebook's kernel start (nbval) and every test marked
  ``kernel`` (it starts kernels or JupyterLab itself) holds a lock file
  shared by the processes of the run.  This file sets the number of
  processes (not pyproject.toml), so that a run without it, such as
  ``pytest notebooks/``, stays in one process, where no lock is needed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

try:
    import fcntl
except ImportError:  # Windows: no lock file, so the suite runs in one process there
    fcntl = None

#: How many processes the suite runs on (pytest-xdist); ``-n N`` on the command line overrides it.
PROCESSES = 2

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "articles"
CHROMIUM = Path("/usr/bin/chromium")

settings.register_profile(
    "ci", max_examples=150, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class OneKernelStartAtATime:
    """Kernels start one at a time across the processes of a parallel run (see the module docstring).

    Registered in each process pytest-xdist starts; the lock file lies in the
    run's temporary folder, which holds each process's own.  Hooks of a
    registered plugin apply to every test, the notebooks' cells included.
    """

    def __init__(self, lock: Path):
        self.lock = lock

    @contextlib.contextmanager
    def held(self):
        with open(self.lock, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item):
        """nbval starts a notebook's kernel in the set-up of its first cell."""
        if item.path.suffix == ".ipynb":
            with self.held():
                yield
        else:
            yield

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        """A test marked ``kernel`` runs (set-up, test, tear-down) while no other kernel starts."""
        if item.get_closest_marker("kernel"):
            with self.held():
                yield
        else:
            yield


def only_files(config) -> bool:
    """True when the command line names test files (``pytest tests/test_quotes.py``), not folders."""
    named = config.args_source == pytest.Config.ArgsSource.ARGS
    return named and all(Path(config.invocation_params.dir, arg.split("::")[0]).is_file() for arg in config.args)


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """Run on PROCESSES processes unless ``-n`` says otherwise, or one process is better:
    for a few named files (a second process costs more than it saves), with ``--pdb``
    (the debugger needs the terminal), and on Windows (no lock file)."""
    if hasattr(config, "workerinput") or getattr(config.option, "numprocesses", 0) is not None:
        return  # a process pytest-xdist started, -n given, or pytest-xdist missing
    one = only_files(config) or config.getoption("usepdb") or fcntl is None
    config.option.numprocesses = 0 if one else PROCESSES


def pytest_configure(config):
    workerinput = getattr(config, "workerinput", None)  # set in the processes pytest-xdist starts
    if workerinput is not None and fcntl is not None:
        lock = Path(config.option.basetemp).parent / "kernel-start.lock"
        config.pluginmanager.register(OneKernelStartAtATime(lock), "one-kernel-start-at-a-time")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("RUN_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set RUN_SLOW=1 to include it (CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Path of Debian's Chromium; skips (or fails with REQUIRE_BROWSER=1) when it or Playwright is missing."""
    problems = []
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        problems.append(f"no Chromium at {CHROMIUM} (install it with: apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the playwright package is not installed (pip install -r requirements.txt)")
    if problems:
        reason = "; ".join(problems)
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(f"browser test skipped: {reason}")
    return CHROMIUM


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The course article as text."""
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    return (SEEDS_DIR / DEFAULT_SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def city_council_path() -> Path:
    """A test article on another topic: straight quotes, an anonymous source, <b>, <script> and &."""
    return ARTICLES / "city_council.txt"


@pytest.fixture()
def bad_articles(tmp_path) -> dict[str, Path]:
    """Files that are not articles, by what is wrong with them."""
    files = {
        "missing": tmp_path / "no_such_article.txt",
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "latin1": tmp_path / "latin1.txt",
        "binary": tmp_path / "image.png",
        "folder": tmp_path / "a_folder",
    }
    files["empty"].write_bytes(b"")
    files["blank"].write_text("  \n\n\t \n", encoding="utf-8")
    files["latin1"].write_bytes("Le ministère a déclaré « non ».\n".encode("latin-1"))
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    files["folder"].mkdir()
    return files
