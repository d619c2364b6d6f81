"""Does helpers.reading take time in proportion to the text?  Prints ratios (not a test: pytest does not collect it).

    .venv/bin/python tests/bench_reading.py [--size 1.0] [--repeat 5] [--mb5]

Builds two articles from the course article, one of ``--size`` MB and one twice
as large (the body repeated), and times every table of ``helpers.reading`` on
both, in the same run.  Time that grows in proportion to the text doubles: a
ratio near 2.  A helper whose work grows with the square of the text (what
``paragraph_table`` and ``number_claims`` did before, 176 s and 87 s on 5 MB)
shows a ratio near 4.  Each time is the best of ``--repeat`` runs, taken in
turn on the two articles, so a moment of load on a shared machine does not count, and the articles are
frozen out of the garbage collector's view (``gc.freeze``), which would
otherwise add a cost that grows with everything in memory.  A ratio above 3 is
reported as "NOT linear".  ``--mb5`` also prints each helper's time on 5 MB.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 3.0  # a doubling of the text may cost at most this factor


def article_of(mb: float, one_sentence: bool = False):
    """An article of about ``mb`` megabytes: the course article's headline, then its body repeated.

    ``one_sentence=True`` makes the body a single line without a full stop: one paragraph, one
    sentence, the shape of a badly copied page, where per-sentence work must not grow with the square.
    """
    from helpers import load_article

    seed = load_article()
    body = "\n\n".join(seed.paragraphs)
    if one_sentence:
        body = re.sub(r"[.!?…]+(?=[”\"»’')\]]*(?:\s|$))", ",", " ".join(seed.paragraphs))
    copies = max(1, round(mb * 1_000_000 / len(body.encode("utf-8"))))
    joiner = " " if one_sentence else "\n\n"
    return load_article(text=f"{seed.title}\n\n" + joiner.join([body] * copies), name=f"{mb:g} MB")


def helpers_to_time():
    from helpers import reading

    return [
        ("paragraph_table", reading.paragraph_table),
        ("number_claims", reading.number_claims),
        ("figures_to_trace", reading.figures_to_trace),
        ("headline_figures", reading.headline_figures),
        ("sentence_table", reading.sentence_table),
        ("quote_table", reading.quote_table),
        ("short_quotes", reading.short_quotes),
        ("proper_names", reading.proper_names),
        ("actor_mentions", reading.actor_mentions),
        ("time_expressions", reading.time_expressions),
        ("dating_clues", reading.dating_clues),
        ("artefact_table", reading.artefact_table),
    ]


def timed(function, article) -> float:
    started = time.perf_counter()
    function(article)
    return time.perf_counter() - started


def best_time(function, article, repeat: int) -> float:
    return min(timed(function, article) for _ in range(repeat))


def best_pair(function, small, large, repeat: int) -> tuple[float, float]:
    """The best time on each article, the two measured in turn, so a change of load hits both alike."""
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(function, small))
        b.append(timed(function, large))
    return min(a), min(b)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=1.0, help="the smaller article, in MB (the other is twice as large)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (the best one counts)")
    parser.add_argument("--mb5", action="store_true", help="also print each helper's time on a 5 MB article")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT))
    plan = helpers_to_time()
    worst = 0.0
    for shape, size, one_sentence in (("paragraphs", args.size, False), ("one long sentence", args.size / 2, True)):
        small, large = article_of(size, one_sentence), article_of(2 * size, one_sentence)
        # The articles' millions of objects go to the permanent generation, so the garbage collector does not
        # walk them again during every measurement (a cost of everything in memory, not of the work measured).
        gc.collect()
        gc.freeze()
        for _, function in plan:  # warm-up: word lists and patterns load once
            function(small)
        print(f"helpers.reading, {shape}: {len(small.text) / 1e6:.2f} MB and {len(large.text) / 1e6:.2f} MB "
              f"({len(small.sentences)} and {len(large.sentences)} sentences; best of {args.repeat}, one core)")
        for name, function in plan:
            a, b = best_pair(function, small, large, args.repeat)
            ratio = b / a if a > 0.002 else 2.0  # below 2 ms the clock, not the work, is measured
            worst = max(worst, ratio)
            verdict = "linear" if ratio <= LIMIT else "NOT linear"
            print(f"  {name:<18} {a:7.3f} s  {b:7.3f} s   ratio {ratio:4.2f}  {verdict}")
        gc.unfreeze()
        del small, large
    print(f"largest ratio {worst:.2f} (linear is about 2; quadratic about 4; limit {LIMIT})")
    if args.mb5:
        five = article_of(5.0)
        print(f"on {len(five.text) / 1e6:.2f} MB:")
        for name, function in plan:
            print(f"  {name:<18} {best_time(function, five, 1):7.2f} s")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
