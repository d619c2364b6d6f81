"""The report folder: gradebook, feedback pages, class summary, written answers.

Everything a student wrote is data, not markup: every page escapes it.  Every
file is written atomically (:mod:`helpers.files`), so an interrupted run never
leaves half a gradebook.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from pathlib import Path

from helpers.files import write_bytes, write_text

from .exercises import Exercise
from .grade import VERDICTS, Graded

__all__ = ["write_report", "gradebook_rows", "rubric", "slug"]

ICONS = {"correct": "✅", "complete": "☑", "not yet": "❌", "not answered": "⏳", "error": "⚠",
         "did not run": "⛔", "written": "✎"}
STYLE = """<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;
vertical-align:top;overflow-wrap:anywhere}th{background:#eee}.answer{white-space:pre-wrap}
</style>"""


def slug(name: str) -> str:
    """A safe file name for a student or an exercise."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "unnamed"


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title>{STYLE}</head><body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n")


def gradebook_rows(graded: list[Graded], exercises: list[Exercise]) -> tuple[list[str], list[dict]]:
    """The gradebook: one row per student, one column per exercise, then totals and problems."""
    columns = ["student"] + [e.id for e in exercises] + [
        "correct", "complete", "not yet", "not answered", "error", "did not run", "written",
        "checked exercises", "notebooks", "problems"]
    rows: dict[str, dict] = {}
    for result in graded:
        row = rows.setdefault(result.student, {"student": result.student, "notebooks": [], "problems": []})
        row["notebooks"].append(result.notebook or "?")
        if result.problem:
            row["problems"].append(f"{Path(result.path).name}: {result.problem}")
        for verdict in result.verdicts:
            row[verdict.exercise] = verdict.verdict
    checked = [e.id for e in exercises if e.checked]
    for row in rows.values():
        for verdict in VERDICTS:
            row[verdict] = sum(row.get(e.id) == verdict for e in exercises)
        row["checked exercises"] = len(checked)
        row["notebooks"] = " ".join(row["notebooks"])
        row["problems"] = "; ".join(row["problems"])
        for exercise in exercises:
            row.setdefault(exercise.id, "not submitted")
    return columns, [rows[name] for name in sorted(rows)]


def rubric(exercise: Exercise, guide_dir: Path) -> str:
    """The instructor guide's section on ``exercise`` (its heading names "Exercise N.M"), or ""."""
    number = f"{int(exercise.id[:2])}.{exercise.id[3:]}"
    for page in sorted(guide_dir.glob(f"{exercise.id[:2]}_*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for start, line in enumerate(lines):
            if line.startswith("#") and re.search(rf"Exercise {re.escape(number)}\b", line):
                level = len(line) - len(line.lstrip("#"))
                end = next((k for k in range(start + 1, len(lines))
                            if lines[k].startswith("#") and len(lines[k]) - len(lines[k].lstrip("#")) <= level),
                           len(lines))
                return "\n".join(lines[start:end]).strip()
    return ""


def _summary_chart(graded: list[Graded], exercises: list[Exercise], target: Path) -> bool:
    """Draw the verdicts per exercise, stacked; False when there is nothing to draw."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from helpers import plots

    counts = pd.DataFrame(0, index=[e.id for e in exercises], columns=list(VERDICTS))
    for result in graded:
        for verdict in result.verdicts:
            counts.loc[verdict.exercise, verdict.verdict] += 1
    counts = counts.loc[:, counts.sum() > 0]
    if counts.empty or counts.shape[1] == 0:
        return False
    plots.use_house_style()
    ax = plots.stacked_bar_chart(counts, title="What the class did, exercise by exercise",
                                 xlabel="Exercise", ylabel="Students")
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(ax.figure)
    write_bytes(target, buffer.getvalue())
    return True


def write_report(graded: list[Graded], exercises: list[Exercise], out: Path, guide_dir: Path) -> list[Path]:
    """Write the whole report folder; return the files written."""
    out = Path(out)
    written: list[Path] = []
    columns, rows = gradebook_rows(graded, exercises)
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    written.append(write_text(out / "gradebook.csv", table.getvalue(), encoding="utf-8-sig", newline="\n").path)

    titles = {e.id: e.title for e in exercises}
    by_student: dict[str, list[Graded]] = {}
    for result in graded:
        by_student.setdefault(result.student, []).append(result)
    for student, results in sorted(by_student.items()):
        parts = []
        for result in results:
            parts.append(f"<h2>{html.escape(result.notebook or Path(result.path).name)}</h2>")
            if result.problem:
                parts.append(f"<p><strong>This notebook could not be graded:</strong> {html.escape(result.problem)}</p>")
            rows_html = "".join(
                f"<tr><td>{html.escape(v.exercise)} {html.escape(titles.get(v.exercise, ''))}</td>"
                f"<td>{ICONS[v.verdict]} {html.escape(v.verdict)}</td><td>{html.escape(v.message)}</td>"
                f"<td class=\"answer\">{html.escape(v.written or v.answer)}</td></tr>" for v in result.verdicts)
            parts.append("<table><tr><th>exercise</th><th>verdict</th><th>what the check says</th>"
                         f"<th>your answer</th></tr>{rows_html}</table>")
        page = out / "feedback" / f"{slug(student)}.html"
        written.append(write_text(page, _page(f"Feedback for {student}", "\n".join(parts)), newline="\n").path)

    parts = []
    if _summary_chart(graded, exercises, out / "summary.png"):
        written.append(out / "summary.png")
        parts.append('<p><img src="summary.png" alt="Verdicts per exercise, stacked" style="max-width:100%"></p>')
    parts += ["<table><tr><th>exercise</th>" + "".join(f"<th>{v}</th>" for v in VERDICTS)
             + "<th>most common wrong answers</th><th>most common hints</th></tr>"]
    for exercise in exercises:
        verdicts = [v for r in graded for v in r.verdicts if v.exercise == exercise.id]
        counts = Counter(v.verdict for v in verdicts)
        wrong = Counter(v.answer for v in verdicts if v.verdict == "not yet" and v.answer).most_common(3)
        hints = Counter(v.message for v in verdicts if v.verdict in ("not yet", "error") and v.message).most_common(3)
        parts.append(f"<tr><td>{html.escape(exercise.id)} {html.escape(exercise.title)}</td>"
                     + "".join(f"<td>{counts.get(v, 0)}</td>" for v in VERDICTS)
                     + "<td>" + "<br>".join(f"{html.escape(a)} ({n})" for a, n in wrong) + "</td><td>"
                     + "<br>".join(f"{html.escape(h)} ({n})" for h, n in hints) + "</td></tr>")
    parts.append("</table>")
    written.append(write_text(out / "summary.html", _page("Class summary", "\n".join(parts)), newline="\n").path)

    for exercise in exercises:
        if exercise.written_cell is None:
            continue
        answers = [(r.student, v.written) for r in graded for v in r.verdicts if v.exercise == exercise.id]
        guide = rubric(exercise, guide_dir)
        body = [f"<h2>Rubric</h2><pre class=\"answer\">{html.escape(guide or 'No rubric found in the instructor guide.')}</pre>",
                "<table><tr><th>student</th><th>answer</th><th>mark</th></tr>"]
        body += [f"<tr><td>{html.escape(s)}</td><td class=\"answer\">{html.escape(text or '(no answer)')}</td><td></td></tr>"
                 for s, text in answers]
        body.append("</table>")
        page = out / "written" / f"{slug(exercise.id)}.html"
        title = f"Written answers, exercise {exercise.id}: {exercise.title}"
        written.append(write_text(page, _page(title, "\n".join(body)), newline="\n").path)

    links = ['<li><a href="gradebook.csv">gradebook.csv</a></li>', '<li><a href="summary.html">Class summary</a></li>']
    links += [f'<li><a href="written/{slug(e.id)}.html">Written answers, {html.escape(e.id)}</a></li>'
              for e in exercises if e.written_cell is not None]
    links += [f'<li><a href="feedback/{slug(s)}.html">Feedback for {html.escape(s)}</a></li>' for s in sorted(by_student)]
    written.append(write_text(out / "index.html", _page("Grades", "<ul>" + "".join(links) + "</ul>"), newline="\n").path)
    return written
