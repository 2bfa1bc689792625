"""Benchmark the grammar check against its peers, on the same texts in the same run.

Usage::

    python benchmarks/bench_grammar.py [--texts N] [--rounds R]

Figures, each a ratio against a peer measured here:

* **newsqa overhead**: ``GrammarCheck.run`` against language-tool-python's
  ``LanguageTool.check`` on the same texts and the same LanguageTool server
  (the target is at most 10% more time);
* **server start**: a local LanguageTool server from ``newsqa languagetool
  fetch``, from ``java`` to its first answer, against building Harper's linter;
* **Harper against LanguageTool**: the two engines on the same texts.

Texts are the first N articles of ``../shared/eval/news-gb`` when it is there,
otherwise copies of the seed article. The two sides of a comparison take turns
text by text, alternating which goes first, so that warm-up, caching and the
load of other processes favour neither.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import language_tool_python

from newsqa import Config, Document
from newsqa.checks.grammar import GrammarCheck
from newsqa.engines.harper import HarperEngine
from newsqa.engines.languagetool import LocalServer, connect

ROOT = Path(__file__).resolve().parent.parent
NEWS_GB = ROOT.parent / "shared" / "eval" / "news-gb"
SEED = ROOT / "seeds" / "000_100169222cfc808a.txt"
T = TypeVar("T")


def _texts(count: int) -> tuple[str, list[str]]:
    files = sorted(NEWS_GB.glob("*/*.txt"))[:count]
    if files:
        return str(NEWS_GB), [p.read_text(encoding="utf-8", errors="replace") for p in files]
    return str(SEED), [SEED.read_text(encoding="utf-8")] * count


def _timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _paired(
    rounds: int, items: list[T], first: Callable[[T], object], second: Callable[[T], object]
) -> tuple[float, float]:
    """Total seconds of each side over ``rounds`` passes through ``items``.

    The two sides take turns item by item, and which goes first alternates, so
    that load from other processes and caches warmed by one side fall on both.
    """
    totals = [0.0, 0.0]
    for index in range(rounds):
        for position, item in enumerate(items):
            order = (0, 1) if (index + position) % 2 == 0 else (1, 0)
            for side in order:
                function = first if side == 0 else second
                started = time.perf_counter()
                function(item)
                totals[side] += time.perf_counter() - started
    return totals[0] / rounds, totals[1] / rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=40, help="texts per round (default 40)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per comparison (default 5)")
    args = parser.parse_args()
    source, texts = _texts(args.texts)
    words = sum(len(text.split()) for text in texts)
    print(f"texts: {len(texts)} from {source} ({words:,} words); {args.rounds} rounds each")

    server = LocalServer()
    server_start = _timed(server.start)
    try:
        harper_start = _timed(lambda: HarperEngine().check("Warm.", "en-GB"))
        print(
            f"server start: LanguageTool {server_start:.2f} s, Harper linter {harper_start:.2f} s "
            f"(LanguageTool/Harper = {server_start / harper_start:.1f}x)"
        )

        config = Config(language="en-GB", checks={"grammar": {"engine": "languagetool", "url": server.url}})
        check = GrammarCheck(config)
        documents = [Document(text, language="en-GB") for text in texts]
        direct = language_tool_python.LanguageTool("en-GB", remote_server=server.url)
        try:
            for document in documents[:3]:  # warm the server's caches and JIT alike for both sides
                check.run(document)
                direct.check(document.text)
            ours, theirs = _paired(args.rounds, documents, check.run, lambda document: direct.check(document.text))
            print(
                f"newsqa grammar check {ours:.3f} s, language-tool-python {theirs:.3f} s per round "
                f"(newsqa/language-tool-python = {ours / theirs:.3f}, overhead {100 * (ours / theirs - 1):+.1f}%)"
            )
        finally:
            direct.close()
            check.close()

        engine = connect(server.url)
        harper = HarperEngine()
        try:
            lt_seconds, harper_seconds = _paired(
                args.rounds, texts, lambda text: engine.check(text, "en-GB"), lambda text: harper.check(text, "en-GB")
            )
        finally:
            engine.close()
            harper.close()
        print(
            f"engines on the same texts: LanguageTool {lt_seconds:.3f} s, Harper {harper_seconds:.3f} s per round "
            f"(LanguageTool/Harper = {lt_seconds / harper_seconds:.1f}x)"
        )
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
