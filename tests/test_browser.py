"""Students meet the course in JupyterLab: open the student edition in a real browser and run it.

The test starts JupyterLab from this project's environment on a free local
port (with a random token and throw-away settings: no news prompt, no
autosave, every cell attached to the page), opens notebook 01 in Debian's
Chromium through Playwright, waits for the kernel, runs the first cells with
Shift+Enter as a student would, checks that they produce output and that no
error shows, and saves a screenshot to ``build/browser/``.

It needs ``/usr/bin/chromium`` (``apt-get install chromium``) and the
``playwright`` package; without them it is skipped, unless
``REQUIRE_BROWSER=1``, where it fails (see ``conftest.py``).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "build" / "browser"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic"]
#: How many code cells of the notebook the test runs (the parameters and set-up cells and a few more).
CODE_CELLS_TO_RUN = 6
SERVER_START_TIMEOUT = 90  # seconds
KERNEL_TIMEOUT = 90_000  # milliseconds
RUN_TIMEOUT = 120_000  # milliseconds

#: User settings that silence first-run prompts and keep the repository untouched.
SETTINGS = {
    # "Would you like to receive official Jupyter news?" and the update check
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # no saving behind our back: the student edition in the repository must not change
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # attach every cell to the page, so every output can be inspected
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def notebook_under_test() -> Path:
    """The student edition of notebook 01 (the solution notebook until the student edition exists)."""
    student = ROOT / "notebooks" / "exercises" / "01_reading.ipynb"
    return student if student.is_file() else ROOT / "notebooks" / "01_reading.ipynb"


def cells_with_stored_output(notebook: Path, positions: list[int]) -> list[int]:
    """Which of these cells have output in the solution notebook (same cell, same source)?"""
    solved = nbformat.read(ROOT / "notebooks" / notebook.name, as_version=4).cells
    mine = nbformat.read(notebook, as_version=4).cells
    return [i for i in positions
            if i < len(solved) and solved[i].source == mine[i].source and solved[i].get("outputs")]


def wait_for_idle_kernel(page) -> None:
    """Wait until the notebook's kernel is started and idle.

    The status bar says "Python 3 (ipykernel) | Idle" only once a kernel is
    connected; the toolbar's indicator alone says idle before the kernel exists.
    """
    page.wait_for_selector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]')
    page.wait_for_function(
        """() => /\\(ipykernel\\)\\s*\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || '')""")


def wait_for_active_cell(page, index: int) -> None:
    """Wait until the notebook's active (selected) cell is cell number ``index`` (from 0)."""
    page.wait_for_function(
        """(index) => {
            const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
            return cells.findIndex(c => c.classList.contains('jp-mod-active')) === index;
        }""", arg=index, timeout=10_000)


def lab_setting(url: str, token: str, plugin: str, key: str):
    """The value JupyterLab uses for one setting (to prove the throw-away settings are read)."""
    with urllib.request.urlopen(f"{url}/lab/api/settings/{plugin}?token={token}", timeout=10) as response:
        return json.load(response)["settings"].get(key)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def jupyterlab(tmp_path):
    """A JupyterLab server on a free port, rooted at the repository; yields its base URL and token."""
    port, token = free_port(), secrets.token_hex(16)
    dirs = {name: tmp_path / name
            for name in ("config", "data", "runtime", "settings", "workspaces", "ipython", "checkpoints")}
    for folder in dirs.values():
        folder.mkdir()
    for plugin, values in SETTINGS.items():
        target = dirs["settings"] / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(dirs["config"]), "JUPYTER_DATA_DIR": str(dirs["data"]),
           "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]), "JUPYTERLAB_SETTINGS_DIR": str(dirs["settings"]),
           "JUPYTERLAB_WORKSPACES_DIR": str(dirs["workspaces"]), "IPYTHONDIR": str(dirs["ipython"])}
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={ROOT}", "--LabApp.news_url=", "--ServerApp.jpserver_extensions={'jupyter_lsp': False}",
               # JupyterLab makes a checkpoint of every notebook it opens: keep it out of the repository
               f"--FileCheckpoints.checkpoint_dir={dirs['checkpoints']}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    log = (tmp_path / "jupyterlab.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {server.returncode}:\n{(tmp_path / 'jupyterlab.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n"
                            f"{(tmp_path / 'jupyterlab.log').read_text()}")
            time.sleep(0.5)
        yield url, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
        log.close()


@pytest.mark.browser
@pytest.mark.kernel
def test_student_opens_notebook_01_and_runs_its_first_cells(chromium, jupyterlab):
    from playwright.sync_api import sync_playwright

    url, token = jupyterlab
    assert lab_setting(url, token, "@jupyterlab/docmanager-extension:plugin", "autosave") is False
    assert lab_setting(url, token, "@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
    notebook = notebook_under_test()
    before = notebook.read_bytes()
    checkpoint = notebook.parent / ".ipynb_checkpoints" / f"{notebook.stem}-checkpoint.ipynb"
    had_checkpoint = checkpoint.exists()
    cells = nbformat.reads(before.decode("utf-8"), as_version=4).cells
    code_positions = [i for i, cell in enumerate(cells) if cell.cell_type == "code"][:CODE_CELLS_TO_RUN]
    presses = code_positions[-1] + 1  # Shift+Enter once per cell, markdown included, up to the last code cell to run
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / f"{notebook.stem}.png"
    relative = notebook.relative_to(ROOT).as_posix()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(KERNEL_TIMEOUT)
            page.goto(f"{url}/lab/tree/{relative}?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell")
            wait_for_idle_kernel(page)
            assert page.locator(".jp-Dialog").count() == 0, "a dialog is in the way: " + page.locator(".jp-Dialog").inner_text()

            page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
            page.keyboard.press("Escape")  # command mode
            wait_for_active_cell(page, 0)
            for k in range(presses):  # one cell at a time, checking each key press moved on
                page.keyboard.press("Shift+Enter")
                wait_for_active_cell(page, k + 1)
            # Wait until every code cell we ran shows an execution number (not [*] or blank).
            try:
                page.wait_for_function(
                    """([positions]) => {
                        const cells = document.querySelectorAll('.jp-Notebook .jp-Cell');
                        return positions.every(i => /\\[\\d+\\]/.test(cells[i].querySelector('.jp-InputPrompt').textContent));
                    }""",
                    arg=[code_positions], timeout=RUN_TIMEOUT)
            except Exception:
                page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-failure.png"))
                prompts = page.locator(".jp-Notebook .jp-Cell .jp-InputPrompt").all_inner_texts()
                errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
                pytest.fail(f"cells {[i + 1 for i in code_positions]} did not all run; prompts: {prompts[:presses]}; "
                            f"errors: {errors.all_inner_texts()}; see {SCREENSHOTS.name}/{notebook.stem}-failure.png")
            wait_for_idle_kernel(page)
            page.screenshot(path=str(screenshot), full_page=False)

            all_cells = page.locator(".jp-Notebook .jp-Cell")
            assert all_cells.count() == len(cells)
            outputs = [all_cells.nth(i).locator(".jp-OutputArea-output") for i in code_positions]
            assert sum(o.count() for o in outputs) >= 1, "the first cells produced no output at all"
            for i in cells_with_stored_output(notebook, code_positions):  # they show output in the browser too
                assert all_cells.nth(i).locator(".jp-OutputArea-output").count() >= 1, f"cell {i + 1} shows no output"
            errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
            assert errors.count() == 0, "error output in the browser:\n" + "\n".join(errors.all_inner_texts())
            assert page.locator(".jp-Dialog").count() == 0
        finally:
            browser.close()
    assert notebook.read_bytes() == before, f"{relative} was changed by the browser session"
    assert checkpoint.exists() == had_checkpoint, f"a checkpoint was written into the repository: {checkpoint}"
    assert screenshot.stat().st_size > 10_000
