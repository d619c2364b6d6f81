"""Re-run the solution notebooks in place, top to bottom, in a fresh kernel.

::

    python -m tools.solutions                               # or: make solutions
    python -m tools.solutions notebooks/01_reading.ipynb    # only some notebooks

For every notebook this

1. rewrites the navigation cells of all solution notebooks (``tools.navigation``);
2. clears every output, starts a new ``python3`` kernel of the current
   environment in the notebook's folder and runs every cell in order (a cell
   that raises stops the run, unless it is tagged ``raises-exception``);
3. stores the outputs in a form that does not depend on the run: execution
   counts 1, 2, 3, ..., stream outputs merged, no timings, no machine-specific
   metadata (see :func:`tidy`), written with :func:`tools.notebooks.write_notebook`;
4. finally regenerates the student edition (``tools.student``).

Running it twice leaves ``git status`` clean.  It prints how long each notebook took.
A notebook that fails keeps its stored outputs (the file is written only after a
whole run), and the exit code is 1.  Ctrl-C stops the whole run at once: no
further notebook starts (exit code 130).

:func:`execute` is the one runner of the course's tools: ``make course`` runs
its notebooks through it too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import ipykernel.kernelspec
import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from traitlets.config import Config

from .navigation import update_navigation
from .notebooks import (
    ensure_ids, minimal_metadata, read_notebook, relative, solution_notebooks, strip_cell_metadata,
    write_notebook,
)

__all__ = ["TIMEOUT", "RunFailed", "tidy", "merge_streams", "clear_outputs", "execute", "run_notebook", "main"]

#: Seconds one cell may run before the run is stopped.
TIMEOUT = 600

#: What a notebook run can end with other than success: a cell raised, a cell ran too long, the kernel died.
RunFailed = (CellExecutionError, CellTimeoutError, DeadKernelError)


def merge_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same stream into one.

    How printed text is cut into pieces depends on timing; merged, it is the same every run.
    """
    merged = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == output.get("name")):
            merged[-1]["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def tidy(nb) -> nbformat.NotebookNode:
    """Make an executed notebook independent of the run that produced it (in place; returns it).

    Notebook metadata is reduced to the kernel and language (no Python version),
    run-specific cell metadata (timings, collapsed/scrolled) is dropped, streams are
    merged, and code cells are numbered 1, 2, 3, ... in order (empty cells stay unnumbered).
    """
    ensure_ids(nb)
    minimal_metadata(nb)
    count = 0
    for cell in nb.cells:
        strip_cell_metadata(cell)
        if cell.cell_type != "code":
            continue
        cell.outputs = merge_streams(cell.outputs)
        if not cell.source.strip():
            cell.execution_count = None
            continue
        count += 1
        cell.execution_count = count
        for output in cell.outputs:
            if output.get("output_type") == "execute_result":
                output["execution_count"] = count
    return nb


class CurrentEnvironmentKernels(KernelSpecManager):
    """``python3`` is always this environment's Python, whatever other kernels are installed."""

    def get_kernel_spec(self, kernel_name):
        if kernel_name == "python3":
            return self.kernel_spec_class(resource_dir=ipykernel.kernelspec.RESOURCES,
                                          **ipykernel.kernelspec.get_kernel_dict())
        return super().get_kernel_spec(kernel_name)


def clear_outputs(nb) -> nbformat.NotebookNode:
    """Remove every output and execution count (in place; returns ``nb``): nothing stored survives a run."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def execute(nb, folder: Path, timeout: int = TIMEOUT, env: dict | None = None) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in a fresh ``python3`` kernel (this environment's Python) in ``folder``.

    Every stored output is cleared first, so a cell the run does not reach shows
    nothing rather than the results of another run.  ``env`` adds environment
    variables for the kernel.  A failure raises one of :data:`RunFailed` (the
    outputs up to the failing cell stay in ``nb``); Ctrl-C (SIGINT) or SIGTERM
    raises ``KeyboardInterrupt``, whatever the cell was doing.
    """
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # silence a debugger notice on stderr
    clear_outputs(nb)
    # Encrypted transport where the kernel supports it (and no warning about plain TCP).
    config = Config({"KernelManager": {"transport_encryption": "auto"}})
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, record_timing=False, config=config,
                            resources={"metadata": {"path": str(folder)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])  # no start-up chatter
    client.km = client.kernel_manager_class(kernel_name="python3", config=config,
                                            kernel_spec_manager=CurrentEnvironmentKernels())
    options = {} if env is None else {"env": {**os.environ, **env}}
    # The kernel's own log goes to a file: shown when the run fails, dropped after Ctrl-C (when the
    # kernel is stopped in the middle of a reply, it logs a traceback that means nothing to a teacher).
    with tempfile.TemporaryFile(mode="w+b") as log:
        try:
            client.execute(stderr=log, **options)
        except CellExecutionError as error:
            if _interrupted(client) or error.ename == "KeyboardInterrupt":
                raise KeyboardInterrupt from None
            _show_log(log)
            raise
        except BaseException:
            if _interrupted(client):
                raise KeyboardInterrupt from None
            _show_log(log)
            raise
        if _interrupted(client):
            raise KeyboardInterrupt
    return nb


def _show_log(log) -> None:
    log.seek(0)
    text = log.read().decode("utf-8", "replace").strip()
    if text:
        print(f"The kernel's log:\n{text}", file=sys.stderr)


def _interrupted(client) -> bool:
    """True when Ctrl-C (or SIGTERM) arrived during the run.

    nbclient answers the signal itself: it shuts the kernel down and lets the run
    fail with whatever error follows (an AssertionError, a dead kernel, ...).  It
    records that answer in ``_async_cleanup_kernel_future`` (nbclient 0.11, pinned
    in requirements.txt; tests/test_course_cli.py sends a real SIGINT to check it).
    """
    return getattr(client, "_async_cleanup_kernel_future", None) is not None


def run_notebook(path: Path, timeout: int = TIMEOUT) -> bool:
    """Execute one solution notebook in place; True if the file changed.

    The file is written only after the whole notebook ran: a failure or Ctrl-C leaves it as it was.
    """
    path = Path(path).resolve()
    nb = read_notebook(path)
    execute(nb, path.parent, timeout)
    return write_notebook(path, tidy(nb))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.solutions", description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="solution notebooks to run (default: all of notebooks/NN_topic.ipynb)")
    parser.add_argument("--no-student", action="store_true", help="do not regenerate the student edition")
    args = parser.parse_args(argv)
    chosen = [p.resolve() for p in args.notebooks]
    folders = {p.parent for p in chosen}
    if len(folders) > 1:
        parser.error("give notebooks of one folder at a time")
    folder = folders.pop() if folders else None
    everything = solution_notebooks(folder)
    chosen = chosen or everything
    if not chosen:
        print("No solution notebooks (notebooks/NN_topic.ipynb) found.")
        return 0
    missing = [p for p in chosen if not p.exists()]
    if missing:
        parser.error(f"no such notebook: {', '.join(map(str, missing))}")
    for path in update_navigation(everything):
        print(f"navigation updated: {relative(path)}")
    failed, total = [], time.perf_counter()
    for done, path in enumerate(chosen):
        start = time.perf_counter()
        try:
            changed = run_notebook(path)
        except KeyboardInterrupt:
            print(f"make solutions: interrupted during {relative(path)}; it was left as it was, and the "
                  f"{len(chosen) - done - 1} notebook(s) after it were not run.", file=sys.stderr)
            return 130
        except RunFailed as error:
            failed.append(path)
            print(f"FAILED  {relative(path)}: the run stopped ({type(error).__name__}); its stored outputs "
                  f"were left as they were.\n{error}", file=sys.stderr)
            continue
        status = "updated" if changed else "unchanged"
        print(f"{time.perf_counter() - start:6.1f} s  {relative(path)} ({status})", flush=True)
    print(f"{time.perf_counter() - total:6.1f} s  in all, {len(chosen)} notebooks")
    if failed:
        return 1
    if args.no_student:
        return 0
    from .student import main as student_main

    return student_main([] if folder is None else ["--dir", str(folder)])


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("make solutions: interrupted", file=sys.stderr)
        sys.exit(130)
