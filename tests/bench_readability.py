"""How fast is helpers.readability?  Prints the real figures (not a test: pytest does not collect it).

Run from the project folder:

    .venv/bin/python tests/bench_readability.py

Each measurement runs in a fresh Python process, so "first call" really is the
first: it includes reading the CMU dictionary and the hyphenation patterns.
The goals: first call under 1 s, later calls on the article under 20 ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

ONE_RUN = """
import json, time
start = time.perf_counter()
import helpers.readability as readability
imported = time.perf_counter() - start
from helpers import load_article
article = load_article()

def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start

first = timed(readability.readability_scores, article)
later = sorted(timed(readability.readability_scores, article) for _ in range(20))[10]
# the body with one more sentence: a text of the article's size that no cache has seen
new_body = timed(readability.readability_scores, article.body + " The end.")
print(json.dumps({
    "import helpers.readability (with pandas, textstat, nltk)": imported,
    "first readability_scores(article), dictionary load included": first,
    "later readability_scores(article), median of 20": later,
    "readability_scores of a new article-sized text, dictionary loaded": new_body,
    "sentence_scores(article)": timed(readability.sentence_scores, article),
    "word_drivers(article)": timed(readability.word_drivers, article),
    "paragraph_scores(article)": timed(readability.paragraph_scores, article),
}))
"""


def main() -> None:
    runs = []
    for _ in range(RUNS):
        done = subprocess.run([sys.executable, "-W", "ignore", "-c", ONE_RUN], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout))
    print(f"helpers.readability timings, median of {RUNS} fresh processes (milliseconds):")
    for name in runs[0]:
        values = [run[name] * 1000 for run in runs]
        print(f"  {statistics.median(values):8.1f}  (min {min(values):7.1f}, max {max(values):7.1f})  {name}")


if __name__ == "__main__":
    main()
