"""Speed of the spelling check against proselint's consistency check, on the same texts.

proselint's ``spelling.consistency`` check is the peer: it looks for 14 hand-listed
pairs (colour/color, organise/organize, ...) with one regular expression per
spelling. newsqa's spelling check makes one pass over the tokens with dictionary
look-ups in about 7,800 variant forms, plus capitals, compounds, names, nationality
adjectives and institution names.

Texts: the articles of ``shared/eval/news-gb`` and ``shared/eval/news-us`` when
present (measurement only), else the seed article. Each side runs over all texts
``--rounds`` times; the best round counts. newsqa is timed twice: the check alone
on documents already segmented (as the Checker runs it, the document being shared
by every check) and including building the document.

Usage::

    pip install 'newsqa[benchmark]'
    python benchmarks/bench_spelling.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's newsqa, not an installed one

from newsqa.checks.spelling import SpellingCheck  # noqa: E402
from newsqa.config import Config  # noqa: E402
from newsqa.document import Document  # noqa: E402

EVAL = next((p for p in (ROOT.parent / "shared" / "eval", Path("/work/shared/eval")) if p.exists()), None)


def texts() -> tuple[str, list[str]]:
    """The texts to check and where they came from."""
    if EVAL is not None:
        found = [
            path.read_text(encoding="utf-8", errors="replace")
            for folder in ("news-gb", "news-us")
            for path in sorted((EVAL / folder).rglob("*.txt"))
            if not path.name.upper().startswith("README")
        ]
        if found:
            return f"{EVAL}/news-gb + news-us", found
    seed = (ROOT / "seeds" / "000_100169222cfc808a.txt").read_text(encoding="utf-8")
    return "seed article x 200", [seed] * 200


def best_of(rounds: int, work: Callable[[], int]) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(rounds):
        started = time.perf_counter()
        found = work()
        best = min(best, time.perf_counter() - started)
    return best, found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        from proselint.checks.spelling.consistency import check as proselint_check
    except ImportError:
        print("proselint is not installed (pip install 'newsqa[benchmark]'): skipped")
        return 0
    source, corpus = texts()
    words = sum(len(text.split()) for text in corpus)
    check = SpellingCheck(Config())
    documents = [Document(text) for text in corpus]
    check.run(documents[0])  # load the tables once, as a long-running Checker would

    def newsqa_check_only() -> int:
        # A fresh document each round would re-segment; memoised analyses are cleared instead.
        for document in documents:
            document._memo.clear()
        return sum(len(check.run(document).findings) for document in documents)

    def newsqa_with_document() -> int:
        return sum(len(check.run(Document(text)).findings) for text in corpus)

    def proselint_consistency() -> int:
        return sum(len(list(proselint_check.check(text))) for text in corpus)

    peer, peer_found = best_of(args.rounds, proselint_consistency)
    alone, found = best_of(args.rounds, newsqa_check_only)
    whole, _ = best_of(args.rounds, newsqa_with_document)
    print(f"texts: {source}: {len(corpus)} documents, {words:,} words; best of {args.rounds} rounds")
    print(f"proselint spelling.consistency: {peer:.3f} s, {peer_found} findings")
    print(f"newsqa spelling check:           {alone:.3f} s, {found} findings ({alone / peer:.2f} x proselint)")
    print(f"newsqa incl. building Document:  {whole:.3f} s ({whole / peer:.2f} x proselint)")
    print(f"newsqa throughput: {words / alone:,.0f} words/s (check alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
