"""Students meet the course in JupyterLab: start it as `make lab` does and use it in a real browser.

The tests start JupyterLab from this project's environment exactly as ``make lab``
does (serving ``notebooks/``, with the course's settings in ``lab/`` and the start
page as the first view), on a free local port with a random token and throw-away
user settings (no autosave, every cell attached to the page), and drive Debian's
Chromium through Playwright:

* the start page opens rendered, says where to start and shows the course map; no
  news prompt or dialog is in the way; its link opens notebook 00, and a
  notebook's "Course map" link leads back to it;
* in the student edition of notebook 00, run cell by cell with Shift+Enter as a
  student would, the first cells produce output and no error; at 1366×768 with the
  file browser open, every table fits its output area, text aligned left;
* screenshots go to ``build/browser/``.

They need ``/usr/bin/chromium`` (``apt-get install chromium``) and the ``playwright``
package; without them they are skipped, unless ``REQUIRE_BROWSER=1``, where they
fail (see ``conftest.py``).
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
NOTEBOOKS = ROOT / "notebooks"
SCREENSHOTS = ROOT / "build" / "browser"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic"]
#: The JupyterLab options of `make lab` (the Makefile and the README use the same; a test below checks it).
LAB_OPTIONS = ["--LabApp.app_settings_dir={lab}", "--LabApp.default_url=/lab/tree/START_HERE.md"]
#: The screen the course is made for: a small laptop.
SCREEN = {"width": 1366, "height": 768}
#: How many code cells of notebook 00 the first test runs (parameters, set-up and a few more).
CODE_CELLS_TO_RUN = 6
SERVER_START_TIMEOUT = 90  # seconds
KERNEL_TIMEOUT = 90_000  # milliseconds
RUN_TIMEOUT = 120_000  # milliseconds

#: Throw-away user settings: keep the repository untouched and every cell on the page. The news
#: prompt is NOT silenced here: the course's own settings (lab/overrides.json) must do that.
SETTINGS = {
    # no saving behind our back: the student edition in the repository must not change
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # attach every cell to the page, so every output can be inspected
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def notebook_under_test() -> Path:
    """The student edition of notebook 00."""
    from tools.notebooks import solution_notebooks, student_path

    return student_path(solution_notebooks()[0])


def cells_with_stored_output(notebook: Path, positions: list[int]) -> list[int]:
    """Which of these cells have output in the solution notebook (same cell, same source)?

    The student edition has one cell more at the top (its note), hence the shift by one.
    """
    solved = nbformat.read(NOTEBOOKS / notebook.name.replace("_exercises", ""), as_version=4).cells
    mine = nbformat.read(notebook, as_version=4).cells
    return [i for i in positions if 0 < i <= len(solved) and solved[i - 1].source == mine[i].source
            and solved[i - 1].get("outputs")]


def wait_for_idle_kernel(page) -> None:
    """Wait until the notebook's kernel is started and idle.

    The status bar says "Python 3 (ipykernel) | Idle" only once a kernel is
    connected; the toolbar's indicator alone says idle before the kernel exists.
    """
    page.wait_for_selector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status="idle"]')
    page.wait_for_function(
        """() => /\\(ipykernel\\)\\s*\\|\\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent || '')""")


def wait_for_active_cell(page, index: int) -> None:
    """Wait until the notebook's active (selected) cell is cell number ``index`` (from 0)."""
    page.wait_for_function(
        """(index) => {
            const cells = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')];
            return cells.findIndex(c => c.classList.contains('jp-mod-active')) === index;
        }""", arg=index, timeout=10_000)


def lab_setting(url: str, token: str, plugin: str, key: str):
    """The value JupyterLab uses for one setting: the user's, or else the default (which the course's
    lab/overrides.json sets), to prove which settings are read."""
    with urllib.request.urlopen(f"{url}/lab/api/settings/{plugin}?token={token}", timeout=10) as response:
        data = json.load(response)
    if key in data["settings"]:
        return data["settings"][key]
    return data["schema"]["properties"][key].get("default")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_and_the_readme_start_jupyterlab_with_these_options():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "jupyter lab notebooks" in makefile and "jupyter lab notebooks" in readme
    for option in LAB_OPTIONS:
        assert option.split("{")[0] in makefile and option.format(lab="lab") in readme, option


@pytest.fixture()
def jupyterlab(tmp_path):
    """JupyterLab as `make lab` starts it, on a free port; yields its base URL and token."""
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
    command = [sys.executable, "-m", "jupyter", "lab", "notebooks", *(o.format(lab=ROOT / "lab") for o in LAB_OPTIONS),
               "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", "--ServerApp.jpserver_extensions={'jupyter_lsp': False}",
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


@pytest.fixture()
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def _dialogs_and_toasts(page) -> list[str]:
    """The text of every dialog and notification toast in the way."""
    return page.locator(".jp-Dialog, .Toastify__toast").all_inner_texts()


@pytest.mark.browser
@pytest.mark.kernel
def test_the_start_page_says_where_to_start_and_its_links_work(jupyterlab, browser):
    url, token = jupyterlab
    assert lab_setting(url, token, "@jupyterlab/apputils-extension:notification", "fetchNews") == "false"
    assert lab_setting(url, token, "@jupyterlab/apputils-extension:notification", "checkForUpdates") is False
    assert lab_setting(url, token, "@jupyterlab/docmanager-extension:plugin", "defaultViewers") == {
        "markdown": "Markdown Preview"}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport=SCREEN)
    page.set_default_timeout(KERNEL_TIMEOUT)
    page.goto(f"{url}/?token={token}")  # what `make lab` opens: the default URL, the start page
    start = page.locator(".jp-RenderedMarkdown", has_text="Start here")
    start.first.wait_for()
    text = start.first.inner_text()
    assert "How to begin" in text and "Course map" in text and "00 · Notebooks and Python" in text
    assert start.first.locator("table").count() >= 1, "the course map table is not rendered"
    assert page.locator("#jp-main-dock-panel .lm-TabBar-tab", has_text="START_HERE.md").count() == 1
    page.wait_for_timeout(3000)  # the news prompt, when it comes, comes a moment after start-up
    assert _dialogs_and_toasts(page) == [], f"something is in the way: {_dialogs_and_toasts(page)}"
    page.screenshot(path=str(SCREENSHOTS / "start_page.png"))

    start.first.locator("a", has_text="Notebooks and Python for reading the news").first.click()
    page.locator(".lm-TabBar-tab", has_text="00_basics_exercises.ipynb").first.wait_for()
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for()
    wait_for_idle_kernel(page)
    course_map = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown a", has_text="Course map")
    course_map.first.click()  # back to the start page, inside JupyterLab
    page.wait_for_function("""() => [...document.querySelectorAll('#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current')]
                                   .some(t => t.textContent.includes('START_HERE.md'))""")
    assert _dialogs_and_toasts(page) == []


@pytest.mark.browser
@pytest.mark.kernel
def test_a_student_runs_notebook_00_and_its_tables_fit_the_screen(jupyterlab, browser):
    url, token = jupyterlab
    notebook = notebook_under_test()
    before = notebook.read_bytes()
    checkpoint = notebook.parent / ".ipynb_checkpoints" / f"{notebook.stem}-checkpoint.ipynb"
    had_checkpoint = checkpoint.exists()
    cells = nbformat.reads(before.decode("utf-8"), as_version=4).cells
    code_positions = [i for i, cell in enumerate(cells) if cell.cell_type == "code"]
    first = code_positions[:CODE_CELLS_TO_RUN]
    tables = [i for i in code_positions if "show_table(" in cells[i].source]
    assert tables, "notebook 00 shows no table to measure"
    presses = tables[-1] + 1  # Shift+Enter once per cell, markdown included, up to the last table
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    relative = notebook.relative_to(NOTEBOOKS).as_posix()

    page = browser.new_page(viewport=SCREEN)
    page.set_default_timeout(KERNEL_TIMEOUT)
    page.goto(f"{url}/lab/tree/{relative}?token={token}")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for()
    wait_for_idle_kernel(page)
    assert page.locator(".jp-Dialog").count() == 0, "a dialog is in the way: " + page.locator(".jp-Dialog").inner_text()
    browser_panel = page.locator("#filebrowser")
    assert browser_panel.is_visible() and browser_panel.bounding_box()["width"] > 150, "the file browser is not open"
    tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current").inner_text()
    assert "_exercises" in tab, f"the student's tab is called {tab!r}: it must be told apart from the solution"

    cell_nodes = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell")
    cell_nodes.first.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")  # command mode
    wait_for_active_cell(page, 0)
    for k in range(presses):  # one cell at a time, checking each key press moved on
        page.keyboard.press("Shift+Enter")
        wait_for_active_cell(page, k + 1)
    ran = [i for i in code_positions if i < presses]
    try:
        page.wait_for_function(
            """([positions]) => {
                const cells = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell');
                return positions.every(i => /\\[\\d+\\]/.test(cells[i].querySelector('.jp-InputPrompt').textContent));
            }""",
            arg=[ran], timeout=RUN_TIMEOUT)
    except Exception:
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-failure.png"))
        prompts = cell_nodes.locator(".jp-InputPrompt").all_inner_texts()
        pytest.fail(f"cells {[i + 1 for i in ran]} did not all run; prompts: {prompts[:presses]}; "
                    f"see {SCREENSHOTS.name}/{notebook.stem}-failure.png")
    wait_for_idle_kernel(page)
    assert cell_nodes.count() == len(cells)
    for i in cells_with_stored_output(notebook, first):  # they show output in the browser too
        assert cell_nodes.nth(i).locator(".jp-OutputArea-output").count() >= 1, f"cell {i + 1} shows no output"
    errors = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output'
                          '[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, "error output in the browser:\n" + "\n".join(errors.all_inner_texts())

    # Every table fits its output area (no sideways scrolling), its text aligned left and wrapped.
    measured = []
    for i in tables:
        cell_nodes.nth(i).scroll_into_view_if_needed()
        sizes = cell_nodes.nth(i).locator(".jp-OutputArea-output table").evaluate_all("""tables => tables.map(t => {
            const area = t.closest('.jp-OutputArea-output');
            const text = t.querySelector('td.text');
            return {table: t.getBoundingClientRect().width, area: area.clientWidth, scroll: area.scrollWidth,
                    align: text ? getComputedStyle(text).textAlign : 'left',
                    wrap: text ? getComputedStyle(text).whiteSpace : 'normal', columns: t.rows[0].cells.length};
        })""")
        assert sizes, f"cell {i + 1} shows no table"
        measured += sizes
    page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-table.png"))
    for size in measured:
        assert size["table"] <= size["area"] + 1 and size["scroll"] <= size["area"] + 1, (
            f"a table {size['table']:.0f} px wide in an output area of {size['area']} px: it does not fit "
            f"a {SCREEN['width']}×{SCREEN['height']} screen with the file browser open ({size})")
        assert size["align"] in ("left", "start") and size["wrap"] == "normal", size
    assert page.locator(".jp-Dialog").count() == 0
    assert notebook.read_bytes() == before, f"{relative} was changed by the browser session"
    assert checkpoint.exists() == had_checkpoint, f"a checkpoint was written into the repository: {checkpoint}"
    assert (SCREENSHOTS / f"{notebook.stem}-table.png").stat().st_size > 10_000
