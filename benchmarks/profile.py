"""Where the non-grammar pipeline spends its time: a pyinstrument profile of one generated article.

    python -m benchmarks.profile [--words 800] [--runs 200]

Checks the article ``--runs`` times with every registered check but grammar and
writes the call tree to ``benchmarks/results/profile-<words>.txt`` (and prints it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import newsqa
from benchmarks.articles import PUBLISHED, article
from benchmarks.bench_pipeline import non_grammar_checks
from benchmarks.common import RESULTS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed (pip install -e .[benchmark])", file=sys.stderr)
        return 2
    text = article(args.words)
    with newsqa.Checker(newsqa.Config(select=non_grammar_checks())) as checker:
        checker.check(text, published=PUBLISHED)  # tables loaded and patterns compiled outside the profile
        profiler = Profiler(interval=0.0002)
        with profiler:
            for _ in range(args.runs):
                checker.check(text, published=PUBLISHED)
    output = profiler.output_text(unicode=True, color=False)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"profile-{args.words}.txt"
    path.write_text(output, encoding="utf-8")
    print(output)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
