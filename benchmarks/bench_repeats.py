"""How the repetition analysis scales with article length, against an all-pairs comparison.

For texts of 500 to 100,000 words it times, on one core:

* ``newsqa``: the repeats check on a prepared document (candidate pairs from
  the shingle and content-word indexes, scoring, runs, quotations, grouping);
* ``all-pairs``: the plain alternative, rapidfuzz's ``fuzz.ratio`` of every
  sentence against every earlier one (``process.extract`` loops in C).

``ratio`` is all-pairs time over newsqa time (above 1: newsqa is faster);
``(cpu s)`` is the processor time of one cold run, which a busy shared machine
does not inflate. Building the :class:`~newsqa.document.Document`
(segmentation, shared by every check) is timed on its own. Texts are news
articles from ``../shared/eval/news-gb`` and ``news-us`` joined end to end,
with a paragraph repeated every 2,000 words or so; without that folder the
benchmark measures nothing and says so.

    python benchmarks/bench_repeats.py            # 500 ... 100,000 words
    python benchmarks/bench_repeats.py --sizes 500 5000 --peer-limit 20000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsqa import Config  # noqa: E402
from newsqa.analysis.wordkeys import content_key, surface_key  # noqa: E402
from newsqa.document import Document  # noqa: E402
from newsqa.registry import get_check  # noqa: E402

SIZES = (500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)


def eval_articles() -> list[str]:
    folder = Path(os.environ.get("NEWSQA_EVAL", ROOT.parent / "shared" / "eval"))
    texts = []
    for corpus in ("news-gb", "news-us"):
        for path in sorted((folder / corpus).rglob("*.txt")):
            if path.name.lower() != "readme.txt":
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def text_of(words: int, articles: Sequence[str], rng: random.Random) -> str:
    """Articles joined until at least ``words`` words, with a paragraph repeated every 2,000 words or so."""
    parts: list[str] = []
    count = 0
    pool = list(articles)
    rng.shuffle(pool)
    index = 0
    while count < words:
        article = pool[index % len(pool)]
        index += 1
        parts.append(article)
        count += len(article.split())
        if count // 2000 > (count - len(article.split())) // 2000:
            paragraphs = [p for p in article.split("\n\n") if len(p.split()) > 12]
            if paragraphs:
                parts.append(rng.choice(paragraphs))
    return "\n\n".join(parts)


def clear_word_caches() -> None:
    content_key.cache_clear()
    surface_key.cache_clear()


def best_of(runs: int, action: Callable[[], object]) -> float:
    """Least wall-clock seconds of ``runs`` runs."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def cpu_of(action: Callable[[], object]) -> float:
    """Processor seconds of one run: what a shared, busy machine does not inflate."""
    started = time.process_time()
    action()
    return time.process_time() - started


def all_pairs(sentences: Sequence[str]) -> int:
    """Every sentence against every earlier one with rapidfuzz: pairs at 80 or more."""
    found = 0
    for n in range(1, len(sentences)):
        found += len(process.extract(sentences[n], sentences[:n], scorer=fuzz.ratio, limit=None, score_cutoff=80))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--peer-limit", type=int, default=100_000, help="largest size to time all-pairs on")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    args = parser.parse_args(argv)
    rng = random.Random(7)
    articles = eval_articles()
    if not articles:
        print("evaluation data (../shared/eval news-gb, news-us) not found; nothing measured")
        return 0
    print(f"texts: ../shared/eval news-gb + news-us; one core; best of {args.runs}")
    print(
        f"{'words':>8}{'sentences':>10}{'document s':>12}{'newsqa s':>10}{'(cpu s)':>9}{'all-pairs s':>13}{'ratio':>9}"
    )
    check = get_check("repeats")(Config())
    for size in args.sizes:
        text = text_of(size, articles, rng)
        document_time = best_of(args.runs, lambda text=text: Document(text))
        documents = [Document(text) for _ in range(args.runs)]
        # Word keys are cached across documents; clear them so that every run starts cold.
        ours = min(best_of(1, lambda d=d: (clear_word_caches(), check.run(d))) for d in documents)
        fresh = Document(text)
        clear_word_caches()
        ours_cpu = cpu_of(lambda fresh=fresh: check.run(fresh))
        sentences = [s.text.casefold() for s in documents[0].sentences]
        words = len(documents[0].words)
        if size <= args.peer_limit:
            peer = best_of(1, lambda sentences=sentences: all_pairs(sentences))
            peer_text, ratio = f"{peer:13.3f}", f"{peer / ours:8.2f}x"
        else:
            peer_text, ratio = f"{'-':>13}", f"{'-':>9}"
        row = f"{words:>8}{len(sentences):>10}{document_time:>12.3f}{ours:>10.3f}{ours_cpu:>9.3f}"
        print(f"{row}{peer_text}{ratio}", flush=True)
    check.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
