"""Re-run the solution notebooks in place, top to bottom, in a fresh kernel.

::

    python -m tools.solutions                               # or: make solutions
    python -m tools.solutions notebooks/01_reading.ipynb    # only some notebooks

For every notebook this

1. rewrites the navigation cells of all solution notebooks (``tools.navigation``);
2. starts a new ``python3`` kernel of the current environment in the notebook's
   folder and runs every cell in order (a cell that raises stops the run, unless
   it is tagged ``raises-exception``);
3. stores the outputs in a form that does not depend on the run: execution
   counts 1, 2, 3, ..., stream outputs merged, no timings, no machine-specific
   metadata (see :func:`tidy`), written with :func:`tools.notebooks.write_notebook`;
4. finally regenerates the student edition (``tools.student``).

Running it twice leaves ``git status`` clean.  It prints how long each notebook took.
"""

from __future__ import annotations

import argparse
import os
import sys
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

__all__ = ["TIMEOUT", "tidy", "merge_streams", "execute", "run_notebook", "main"]

#: Seconds one cell may run before the run is stopped.
TIMEOUT = 600


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


def execute(nb, folder: Path, timeout: int = TIMEOUT) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in a fresh ``python3`` kernel (this environment's Python) in ``folder``."""
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # silence a debugger notice on stderr
    # Encrypted transport where the kernel supports it (and no warning about plain TCP).
    config = Config({"KernelManager": {"transport_encryption": "auto"}})
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, record_timing=False, config=config,
                            resources={"metadata": {"path": str(folder)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])  # no start-up chatter
    client.km = client.kernel_manager_class(kernel_name="python3", config=config,
                                            kernel_spec_manager=CurrentEnvironmentKernels())
    client.execute()
    return nb


def run_notebook(path: Path, timeout: int = TIMEOUT) -> bool:
    """Execute one solution notebook in place; True if the file changed."""
    path = Path(path).resolve()
    nb = read_notebook(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
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
    for path in chosen:
        start = time.perf_counter()
        try:
            changed = run_notebook(path)
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
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
    sys.exit(main(sys.argv[1:]))
