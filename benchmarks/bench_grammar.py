"""Benchmark the grammar check against its peers, on the same texts in the same run.

Usage::

    python -m benchmarks.bench_grammar [--quick]

Figures, each a ratio against a peer measured here:

* **newsqa overhead**: ``GrammarCheck.run`` against language-tool-python's
  ``LanguageTool.check`` on the same texts and the same LanguageTool server
  (the target is at most 10% more time);
* **server start**: a local LanguageTool server from ``newsqa languagetool
  fetch``, from ``java`` to its first answer, against building Harper's linter;
* **Harper against LanguageTool**: the two engines on the same texts.

Harper keeps the lints of text it has checked and answers from them when it
sees the text again, while the LanguageTool server checks every request
afresh; a newsroom checks each article once. So Harper is timed cold: each
round, and each run of the plot, gets a new linter, built and warmed on one
word before the clock starts (on the same linter the later rounds took about
half the time of the first).

Texts are the first 40 articles of ``../shared/eval/news-gb`` when it is there,
otherwise copies of the seed article, and generated articles of growing length
for the plot (each side stops at the first length that takes it over a minute).
Skipped, with the reason, when no LanguageTool server can be started. The two sides of a comparison take turns
text by text, alternating which goes first, so that warm-up, caching and the
load of other processes favour neither.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import language_tool_python

from benchmarks.common import WALL, Context, Curve, Row, Skip, paired_scaling, runs_wanted, standalone
from newsqa import Config, Document
from newsqa.checks.grammar import GrammarCheck
from newsqa.engines import EngineFailed, EngineUnavailable
from newsqa.engines.harper import HarperEngine
from newsqa.engines.languagetool import LocalServer, connect

ROOT = Path(__file__).resolve().parent.parent
NEWS_GB = ROOT.parent / "shared" / "eval" / "news-gb"
SEED = ROOT / "seeds" / "000_100169222cfc808a.txt"
PANEL = "grammar"
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
    rounds: int, items: list[T], first: Callable[[T], object], second: Callable[[T], object], *, round_number: int = 0
) -> tuple[float, float]:
    """Total seconds of each side over ``rounds`` passes through ``items``.

    The two sides take turns item by item, and which goes first alternates, so
    that load from other processes and caches warmed by one side fall on both.
    ``round_number`` is the number of the first round, for a caller that runs
    one round at a time: the order still alternates from round to round.
    """
    totals = [0.0, 0.0]
    for index in range(round_number, round_number + rounds):
        for position, item in enumerate(items):
            order = (0, 1) if (index + position) % 2 == 0 else (1, 0)
            for side in order:
                function = first if side == 0 else second
                started = time.perf_counter()
                function(item)
                totals[side] += time.perf_counter() - started
    return totals[0] / rounds, totals[1] / rounds


def measure(context: Context) -> Iterator[Row | Curve | str]:
    count = 40 if context.eval_limit >= 100 else 10
    source, texts = _texts(count)
    rounds = 3 if context.repeat >= 3 else 2
    yield f"texts: {len(texts)} from {source} ({sum(len(t.split()) for t in texts):,} words); {rounds} rounds each"
    server = LocalServer()
    try:
        server_start = _timed(server.start)
    except (EngineUnavailable, EngineFailed) as error:
        raise Skip(f"no local LanguageTool server: {error} (run `newsqa languagetool fetch`)") from None
    try:
        try:
            harper_start = _timed(lambda: HarperEngine().check("Warm.", "en-GB"))
        except (EngineUnavailable, EngineFailed) as error:
            harper_start = None
            yield f"Harper not measured: {error}"
        if harper_start is not None:
            yield f"engine start: LanguageTool server {server_start:.2f} s, Harper linter {harper_start:.2f} s"
        yield from _overhead(server.url, texts, rounds)
        if harper_start is not None:
            yield from _harper_against_languagetool(server.url, texts, rounds)
        yield from _scaling(server.url, context, harper=harper_start is not None)
    finally:
        server.close()


def _overhead(url: str, texts: list[str], rounds: int) -> Iterator[Row]:
    config = Config(language="en-GB", checks={"grammar": {"engine": "languagetool", "url": url}})
    check = GrammarCheck(config)
    documents = [Document(text, language="en-GB") for text in texts]
    direct = language_tool_python.LanguageTool("en-GB", remote_server=url)
    try:
        for document in documents[:3]:  # warm the server's caches and JIT alike for both sides
            check.run(document)
            direct.check(document.text)
        ours, theirs = _paired(rounds, documents, check.run, lambda document: direct.check(document.text))
    finally:
        direct.close()
        check.close()
    yield Row(
        f"grammar check per article, same LanguageTool server, {len(texts)} articles (wall clock)",
        ours / len(texts),
        f"language-tool-python {_version('language-tool-python')} LanguageTool.check",
        theirs / len(texts),
        target="ratio ≥ 0.91 (≤ 10% overhead)",
        met=theirs / ours >= 1 / 1.1,
    )


def _fresh_harper() -> HarperEngine:
    """A Harper engine with its linter built, that has seen no text but one warm-up word."""
    engine = HarperEngine()
    engine.check("Warm.", "en-GB")
    return engine


def _harper_against_languagetool(url: str, texts: list[str], rounds: int) -> Iterator[Row]:
    engine = connect(url)
    distinct = list(dict.fromkeys(texts))  # the seed's copies, when the news articles are absent, once
    lt_seconds = harper_seconds = 0.0
    try:
        for round_number in range(rounds):
            harper = _fresh_harper()
            try:
                on_lt, on_harper = partial(engine.check, language="en-GB"), partial(harper.check, language="en-GB")
                lt, cold = _paired(1, distinct, on_lt, on_harper, round_number=round_number)
            finally:
                harper.close()
            lt_seconds += lt / rounds
            harper_seconds += cold / rounds
    finally:
        engine.close()
    yield Row(
        f"grammar engine per article: newsqa's Harper engine (a new linter each round), "
        f"{len(distinct)} articles (wall clock)",
        harper_seconds / len(distinct),
        "LanguageTool engine (same server)",
        lt_seconds / len(distinct),
    )


def _scaling(url: str, context: Context, *, harper: bool) -> Iterator[Curve]:
    config = Config(language="en-GB", checks={"grammar": {"engine": "languagetool", "url": url}})
    check = GrammarCheck(config)
    direct = language_tool_python.LanguageTool("en-GB", remote_server=url)
    try:
        ours, theirs = paired_scaling(
            lambda text: check.run(Document(text.text, language="en-GB")),
            lambda text: direct.check(text.text),
            context,
            clock=WALL,
        )
    finally:
        direct.close()
        check.close()
    yield Curve(PANEL, "newsqa grammar check (LanguageTool)", ours)
    yield Curve(PANEL, "language-tool-python, same server", theirs, newsqa=False)
    if harper:
        yield Curve(PANEL, "newsqa grammar check (Harper, a new linter each run)", _harper_scaling(context))


def _cold_harper_run(text: str) -> float:
    """Seconds of the Harper grammar check on ``text``, on a new linter built and warmed beforehand."""
    check = GrammarCheck(Config(language="en-GB", checks={"grammar": {"engine": "harper"}}))
    try:
        check.run(Document("Warm.", language="en-GB"))
        return _timed(lambda: check.run(Document(text, language="en-GB")))
    finally:
        check.close()


def _harper_scaling(context: Context) -> tuple[tuple[int, float], ...]:
    """(words, median seconds) of the Harper grammar check on each generated size, each run on a new linter.

    Run counts follow :func:`benchmarks.common.runs_wanted`; the linter is built
    and warmed before the clock starts.
    """
    points = []
    for size in context.sizes:
        text = context.generated(size)
        first = _cold_harper_run(text.text)
        runs = [_cold_harper_run(text.text) for _ in range(runs_wanted(first, context.repeat))]
        points.append((text.words, statistics.median(runs) if runs else first))
        if points[-1][1] > context.peer_budget:
            break
    return tuple(points)


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(standalone(measure))
