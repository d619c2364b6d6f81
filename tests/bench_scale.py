"""Benchmark: does every helper's time grow linearly with the article's length?

    .venv/bin/python tests/bench_scale.py                 # 0.25 MB and 1 MB: the ratio test (make bench)
    .venv/bin/python tests/bench_scale.py --mb 5          # also the time on 5 MB of each helper that is linear
    .venv/bin/python tests/bench_scale.py --only load_article find_quotes

Each helper runs on two articles of the same kind, one four times the size of
the other, in this one process, and the ratio of the two CPU times is printed:
about 4 for a helper whose time grows linearly, about 16 for a quadratic one.
A ratio above :data:`LIMIT` is reported as NOT linear, and the script then exits
with status 1.  With ``--mb``, the time on that size against the time on the
larger size is a second ratio test of the same kind.  CPU time (not wall-clock time) is measured, and the ratio is taken
between two runs of the same moment, so a busy machine moves both alike.

Three kinds of article: the course article repeated (paragraphs of news); the
same text on one single line (no paragraph breaks at all, as a badly copied
page); and a hostile text (long runs of one punctuation mark, quotation marks
that never close).  A helper that takes more than :data:`CAP` seconds on the
smaller size is not run on the larger (it is reported as too slow).

Not a test (pytest does not collect it): ``make bench`` runs it.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The sizes compared (bytes of UTF-8): the second is FACTOR times the first.
SMALL, FACTOR = 250_000, 4
#: Ratio above which a helper is reported as growing faster than linearly (linear: FACTOR).
LIMIT = FACTOR * 1.75
#: A helper slower than this on the small size (CPU seconds) is not run on the larger one.
CAP = 60.0


def texts(size: int) -> dict[str, str]:
    """The three kinds of article, each of at least ``size`` bytes."""
    from helpers.article import DEFAULT_SEED, SEEDS_DIR

    seed = (SEEDS_DIR / DEFAULT_SEED).read_text(encoding="utf-8")
    news = "\n\n".join([seed] * (size // len(seed.encode("utf-8")) + 1))
    line = " ".join(news.split())
    unit = "Title\n\nHe said “it is over" + "!" * 200 + " and « then " + "." * 50 + " more ‘words. "
    hostile = unit + (" she added “never" + "?" * 100 + " closed. ") * (size // 130)
    return {"news": news, "one line": line, "hostile": hostile}


def measures() -> dict:
    """name -> function of an Article (the helpers of the fuzz test, without the exercise checks)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_fuzz import _article_helpers

    out = {"load_article": None}
    for name, (call, _) in _article_helpers().items():
        out[name] = (lambda article, call=call: _in_new_folder(call, article))
    from helpers.quotes import scan_quotes

    # an Article finds its quotations once, when it is loaded: time the scan itself
    out["find_quotes"] = lambda article: scan_quotes(article.text)
    out["Article: words, sentences_in, paragraph_at, sentence_at, key, body"] = _article_methods
    return out


def _in_new_folder(call, article):
    """Run a helper that writes files in a folder of its own (a file left by an earlier run is not reused)."""
    with tempfile.TemporaryDirectory() as folder:
        return call(article, Path(folder))


def _article_methods(article) -> None:
    article.__dict__.pop("words", None)
    _ = article.words
    for paragraph in range(len(article.paragraphs)):
        article.sentences_in(paragraph)
    for sentence in article.sentences:
        article.paragraph_at(sentence.start)
        article.sentence_at(sentence.start)
    _ = article.key, article.body


def cpu(function, text: str) -> float:
    """CPU seconds of ``function`` on a fresh article of ``text`` (nothing cached from an earlier helper).

    The garbage collector is paused while the clock runs (its passes over a large heap
    would be measured, not the helper); a quick helper is timed three times, the fastest kept.
    """
    from helpers import load_article

    best = None
    for _ in range(3):
        article = load_article(text=text)
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            function(article)
            took = time.process_time() - started
        finally:
            gc.enable()
        best = took if best is None else min(best, took)
        if took > 0.5:
            break
    return best


def load_cpu(text: str) -> float:
    from helpers import load_article

    return cpu(lambda article: load_article(text=text), text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=0, help="also time every helper on an article of this many MB")
    parser.add_argument("--only", nargs="*", default=None, help="names of the helpers to measure")
    parser.add_argument("--kinds", nargs="*", default=["news", "one line", "hostile"])
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT))

    chosen = {k: v for k, v in measures().items() if args.only is None or any(o in k for o in args.only)}
    small, large = texts(SMALL), texts(SMALL * FACTOR)
    huge = texts(int(args.mb * 1_000_000)) if args.mb else {}
    slow = []
    print(f"CPU seconds on {SMALL / 1e6:g} MB and {SMALL * FACTOR / 1e6:g} MB (ratio: about {FACTOR} when linear, "
          f"limit {LIMIT:g})" + (f", and on {args.mb:g} MB" if args.mb else ""))
    for kind in args.kinds:
        print(f"\n{kind}:")
        for name, function in chosen.items():
            if function is None:
                first, second = load_cpu(small[kind]), load_cpu(large[kind])
                extra = load_cpu(huge[kind]) if kind in huge else None
            else:
                try:
                    first = cpu(function, small[kind])
                    second = cpu(function, large[kind]) if first <= CAP else None
                    # the large size only for what grows linearly: a quadratic helper would take hours there
                    linear_so_far = second is not None and (second / max(first, 1e-3) <= LIMIT or second < 0.05)
                    extra = cpu(function, huge[kind]) if kind in huge and linear_so_far else None
                except Exception as error:  # noqa: BLE001 - a crash is a finding, not the end of the benchmark
                    print(f"  {name:<58} crashed: {type(error).__name__}: {str(error)[:80]}")
                    continue
            if second is None:
                verdict, ratio_text = f"NOT linear: {first:.1f} s already on the small size", "   -"
                slow.append(f"{name} ({kind})")
            else:
                ratio = second / max(first, 1e-3)
                linear = ratio <= LIMIT or second < 0.05
                if extra is not None and second >= 0.05:  # the third size is a second ratio test
                    linear = linear and extra / second <= (args.mb * 1e6 / (SMALL * FACTOR)) * LIMIT / FACTOR
                verdict = "linear" if linear else "NOT linear"
                ratio_text = f"{ratio:5.1f}"
                if not linear:
                    slow.append(f"{name} ({kind})")
            huge_text = "" if not args.mb else (f"{extra:8.2f}" if extra is not None else "   (not run)")
            print(f"  {name:<58} {first:7.3f} {second if second is not None else float('nan'):8.3f} "
                  f"{ratio_text}{huge_text}  {verdict}")
    if slow:
        print(f"\nNot linear ({len(slow)}): " + "; ".join(slow))
        return 1
    print("\nEvery helper grows linearly.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
