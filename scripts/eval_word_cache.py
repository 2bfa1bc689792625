"""How well each size of the per-word analysis caches serves real news, and what it costs.

Uses ../shared/eval/news-gb and news-us (skips cleanly when absent). For each
size, a fresh interpreter sets ``newsqa.analysis.WORD_CACHE``, runs every check
but grammar over the articles in a fixed shuffled order, and reports, over the
second half (the first half fills the caches): the share of lookups the four
word caches answer, the misses per article, and the median CPU seconds per
article (``time.process_time``). Each cache entry costs about 250 bytes, so a
size of N holds about N kB across the four caches once full.

    python scripts/eval_word_cache.py [SIZE ...]     # default: 16384 4096 2048
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

_ONE_SIZE = """
import datetime as dt, random, statistics, sys, time
from pathlib import Path
import newsqa.analysis
newsqa.analysis.WORD_CACHE = int(sys.argv[1])
import newsqa
from newsqa.analysis import institutions, variants, wordkeys
caches = (wordkeys.surface_key, wordkeys.content_key, variants.variant_form, institutions._match_key)
eval_dir = Path(sys.argv[2])
files = sorted((eval_dir / "news-gb").rglob("*.txt")) + sorted((eval_dir / "news-us").glob("*.txt"))
random.Random(1).shuffle(files)
texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
checks = tuple(sorted(name for name in newsqa.registered_checks() if name != "grammar"))
checker = newsqa.Checker(newsqa.Config(select=checks))
half = len(texts) // 2
for text in texts[:half]:
    checker.check(text, published=dt.date(2005, 1, 1))
before = [cache.cache_info() for cache in caches]
seconds = []
for text in texts[half:]:
    started = time.process_time()
    checker.check(text, published=dt.date(2005, 1, 1))
    seconds.append(time.process_time() - started)
after = [cache.cache_info() for cache in caches]
hits = sum(b.hits - a.hits for a, b in zip(before, after))
misses = sum(b.misses - a.misses for a, b in zip(before, after))
measured = len(texts) - half
print(f"{int(sys.argv[1]):>6} words: {hits / (hits + misses):.1%} of lookups answered, "
      f"{misses / measured:.0f} misses per article, median {statistics.median(seconds) * 1000:.2f} ms "
      f"per article ({measured} articles)")
"""


def main(argv: list[str]) -> int:
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent")
        return 0
    sizes = [int(size) for size in argv] or [16384, 4096, 2048]
    print(f"word caches on {EVAL / 'news-gb'} and {EVAL / 'news-us'}, every check but grammar")
    for size in sizes:
        subprocess.run([sys.executable, "-c", _ONE_SIZE, str(size), str(EVAL)], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
