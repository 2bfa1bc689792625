"""What every benchmark module shares: the texts, the timing, and what it reports.

A benchmark is a module ``benchmarks/bench_<name>.py`` with a function
``measure(context) -> Iterator[Row | Curve | str]``: each :class:`Row` becomes a
line of the results table, each :class:`Curve` a line of the plot of time
against article length, each string a note printed under the table. It raises
:class:`Skip` when it cannot run here (a peer not installed, a server absent).
``python -m benchmarks`` runs them all; ``python -m benchmarks.bench_<name>``
runs one with :func:`standalone`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from benchmarks.articles import PUBLISHED, article, word_count

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "benchmarks" / "results"

#: Generated article lengths in words, from a short story to a very long document.
SIZES = (500, 800, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
QUICK_SIZES = (500, 800, 2_000)
#: The generated sizes that get a row in the results table.
TABLE_SIZES = (800, 10_000, 100_000)


class Skip(Exception):
    """Raised by ``measure`` when the benchmark cannot run here; the reason is printed and recorded."""


@dataclass(frozen=True)
class Text:
    """One text both tools get: a name, the text and its publication date."""

    name: str
    text: str
    published: dt.date | None

    @property
    def words(self) -> int:
        return word_count(self.text)


@dataclass(frozen=True)
class Row:
    """One line of the results table: newsqa and its peer on the same input, in the same run.

    ``ratio`` is the peer's figure divided by newsqa's, so for times a ratio
    above 1 means newsqa is faster; ``target`` states the goal on that ratio
    or on newsqa's own figure, and ``met`` says whether this run reached it
    (``None`` when there is no target).
    """

    benchmark: str
    newsqa: float
    peer: str
    peer_value: float | None
    target: str = ""
    met: bool | None = None
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.peer_value is None or self.newsqa <= 0:
            return None
        return self.peer_value / self.newsqa


@dataclass(frozen=True)
class Curve:
    """Seconds against article length in words, for one tool in one plot panel."""

    panel: str
    tool: str
    points: tuple[tuple[int, float], ...]
    newsqa: bool = True


@dataclass
class Context:
    """How big a run is, and where its texts come from."""

    sizes: tuple[int, ...] = SIZES
    repeat: int = 5
    eval_dir: Path | None = field(default_factory=lambda: EVAL if EVAL.is_dir() else None)
    eval_limit: int = 400
    peer_budget: float = 60.0
    """A peer that takes longer than this many seconds on one size is not run on larger ones."""

    @functools.cached_property
    def eval_texts(self) -> tuple[Text, ...]:
        """News articles from ``../shared/eval`` (news-gb, news-us), or none when it is absent."""
        return tuple(eval_articles(self.eval_dir, self.eval_limit)) if self.eval_dir else ()

    def eval_source(self) -> str:
        if not self.eval_texts:
            return "../shared/eval absent"
        return f"{len(self.eval_texts)} articles from ../shared/eval/news-gb and news-us"

    def generated(self, words: int) -> Text:
        """The generated article of ``words`` words."""
        return _generated(words)


@functools.cache
def _generated(words: int) -> Text:
    return Text(f"generated {words:,} words", article(words), PUBLISHED)


def eval_articles(folder: Path, limit: int) -> Iterator[Text]:
    """Up to ``limit`` articles from each of news-gb and news-us, sorted by name, with their dates."""
    gb = sorted((folder / "news-gb").rglob("*.txt"))[:limit]
    for path in gb:
        yield Text(f"news-gb/{path.parent.name}/{path.name}", path.read_text(encoding="utf-8"), None)
    us_folder = folder / "news-us"
    manifest = us_folder / "manifest.json"
    dates: dict[str, dt.date] = {}
    if manifest.is_file():
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            if entry.get("dct"):
                dates[entry["file"]] = dt.date.fromisoformat(entry["dct"][:10])
    for path in sorted(us_folder.glob("*.txt"))[:limit]:
        yield Text(f"news-us/{path.name}", path.read_text(encoding="utf-8"), dates.get(path.name))


Clock = Callable[[], float]

T = TypeVar("T")
U = TypeVar("U")

#: CPU seconds of this process: what in-process work costs on one core, unaffected by
#: other programs competing for the processor. Work done in another process (a
#: LanguageTool server) is timed with :data:`WALL` instead.
CPU: Clock = time.process_time
WALL: Clock = time.perf_counter


def median_seconds(
    run: Callable[[], object], repeat: int, clock: Clock = CPU, *, before: Callable[[], object] | None = None
) -> float:
    """Median seconds of ``run()`` over ``repeat`` runs, after one run to warm up.

    ``before`` is called, untimed, before each timed run (:func:`forget_texts`,
    so that newsqa does not answer from its caches of the same text).
    """
    run()
    times = []
    for _ in range(max(1, repeat)):
        if before is not None:
            before()
        started = clock()
        run()
        times.append(clock() - started)
    return statistics.median(times)


def forget_texts() -> None:
    """Empty newsqa's bounded caches (word keys, date resolutions): what earlier texts left behind.

    Its unbounded caches are the tables and patterns it loads once; those stay,
    as in any process that has checked one article.
    """
    for name, module in list(sys.modules.items()):
        if name != "newsqa" and not name.startswith("newsqa."):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def passes_in_turns(ours: Callable[[], T], theirs: Callable[[], U], rounds: int) -> tuple[list[T], list[U]]:
    """What ``rounds`` passes of newsqa (``ours``) and of its peer gave, the two in turns.

    Which goes first alternates from round to round, so a busy stretch of the
    machine falls on both; newsqa's caches of earlier texts are emptied before
    each of its passes (:func:`forget_texts`), so that no pass answers from the last.
    """
    our_results: list[T] = []
    their_results: list[U] = []
    for round_number in range(max(1, rounds)):
        for side in (0, 1) if round_number % 2 == 0 else (1, 0):
            if side == 0:
                forget_texts()
                our_results.append(ours())
            else:
                their_results.append(theirs())
    return our_results, their_results


def paired_per_text(
    ours: Callable[[Text], object],
    theirs: Callable[[Text], object],
    texts: Sequence[Text],
    rounds: int = 3,
    clock: Clock = CPU,
) -> tuple[float, float]:
    """Mean seconds per text of newsqa and of its peer: the median over ``rounds`` passes each.

    Each pass gives every text once, as a pre-publication gate meets each article
    once (:func:`passes_in_turns`): with newsqa's caches of earlier texts kept, its
    second pass over the news articles was 6-8% faster than its first. Each tool
    is warmed up first on a generated article that is not among ``texts`` (tables
    loaded, patterns compiled).
    """
    warm_up = _generated(500)
    ours(warm_up)
    theirs(warm_up)

    def one_pass(run: Callable[[Text], object]) -> float:
        total = 0.0
        for text in texts:
            started = clock()
            run(text)
            total += clock() - started
        return total / len(texts)

    our_passes, their_passes = passes_in_turns(lambda: one_pass(ours), lambda: one_pass(theirs), rounds)
    return statistics.median(our_passes), statistics.median(their_passes)


def runs_wanted(first: float, repeat: int) -> int:
    """How many timed runs a size gets after a first run of ``first`` seconds (0: the first run stands).

    Long texts get fewer runs so that slow tools finish; the median of those counts.
    """
    return 0 if first > 5 else repeat if first < 0.5 else 3


def paired_scaling(
    ours: Callable[[Text], object],
    theirs: Callable[[Text], object],
    context: Context,
    *,
    clock: Clock = CPU,
) -> tuple[tuple[tuple[int, float], ...], tuple[tuple[int, float], ...]]:
    """(words, median seconds) of newsqa and its peer on each generated size, their runs in turns.

    Timed one after the other, a tool could run while the machine was busier or
    quieter than while the other ran (a peer took 74 ms in one run of the whole
    suite and 129 ms in the next, on the same article, while newsqa's figure held).
    In turns, each size's runs of both tools fall within the same stretch of time.
    newsqa's caches of the text are emptied before each of its runs
    (:func:`forget_texts`): a run answered partly from the last run's word keys
    was 16% faster on the 801-word article than a gate's first look at it.
    The peer stops at the first size that costs it more than ``context.peer_budget``;
    newsqa runs every size.
    """
    ours_points: list[tuple[int, float]] = []
    theirs_points: list[tuple[int, float]] = []
    peer_running = True
    for size in context.sizes:
        text = context.generated(size)
        tools = [(ours, ours_points)] + ([(theirs, theirs_points)] if peer_running else [])
        firsts = [_timed_once(run, text, clock, forget=index == 0) for index, (run, _) in enumerate(tools)]
        wanted = [runs_wanted(first, context.repeat) for first in firsts]
        times: list[list[float]] = [[] for _ in tools]
        for turn in range(max(wanted)):
            order = range(len(tools)) if turn % 2 == 0 else reversed(range(len(tools)))
            for index in order:
                if len(times[index]) < wanted[index]:
                    times[index].append(_timed_once(tools[index][0], text, clock, forget=index == 0))
        for (_, points), first, measured in zip(tools, firsts, times, strict=True):
            points.append((text.words, statistics.median(measured) if measured else first))
        if peer_running and theirs_points[-1][1] > context.peer_budget:
            peer_running = False
    return tuple(ours_points), tuple(theirs_points)


def paired_runs(
    ours: Callable[[Text], object], theirs: Callable[[Text], object], text: Text, runs: int, clock: Clock = CPU
) -> tuple[float, float]:
    """Median seconds of newsqa and of its peer over ``runs`` runs each on ``text``, their runs in turns.

    After one warm-up run each; which goes first alternates, and newsqa's caches
    of the text are emptied before each of its runs (:func:`forget_texts`).
    """
    ours(text)
    theirs(text)
    times: tuple[list[float], list[float]] = ([], [])
    for turn in range(max(1, runs)):
        for side in (0, 1) if turn % 2 == 0 else (1, 0):
            run = ours if side == 0 else theirs
            times[side].append(_timed_once(run, text, clock, forget=side == 0))
    return statistics.median(times[0]), statistics.median(times[1])


def _timed_once(run: Callable[[Text], object], text: Text, clock: Clock, *, forget: bool = False) -> float:
    if forget:
        forget_texts()
    started = clock()
    run(text)
    return clock() - started


def point_at(points: Iterable[tuple[int, float]], words: int) -> float | None:
    """The seconds measured on the generated size nearest ``words`` words (within 10%), if any."""
    for size, seconds in points:
        if abs(size - words) <= words / 10:
            return seconds
    return None


def table_points(
    ours: Sequence[tuple[int, float]], theirs: Sequence[tuple[int, float]], context: Context
) -> Iterator[tuple[int, float, float | None]]:
    """(words, newsqa seconds, peer seconds) at the sizes the table shows; the plot shows every size.

    Each shown size takes the measured point nearest to it (within a quarter), once.
    """
    shown = [size for size in TABLE_SIZES if size in context.sizes] or list(context.sizes)
    used: set[int] = set()
    for size in shown:
        near = [(abs(words - size), words, seconds) for words, seconds in ours if abs(words - size) <= size / 4]
        if not near:
            continue
        _, words, seconds = min(near)
        if words in used:
            continue
        used.add(words)
        yield words, seconds, point_at(theirs, words)


def growth_exponent(points: Sequence[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(time) on log(words): 1 is linear, 2 quadratic."""
    import math

    usable = [(math.log(w), math.log(s)) for w, s in points if s > 0]
    if len(usable) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in usable)
    mean_y = statistics.fmean(y for _, y in usable)
    spread = sum((x - mean_x) ** 2 for x, _ in usable)
    return sum((x - mean_x) * (y - mean_y) for x, y in usable) / spread if spread else None


@contextlib.contextmanager
def one_core() -> Iterator[None]:
    """Pin this process (and processes it starts) to one CPU while timing; a no-op where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    previous = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(previous)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, previous)


def format_value(value: float | None, unit: str) -> str:
    """A figure for the table: seconds in s, ms or µs; other units as given."""
    if value is None:
        return "–"
    if unit == "s":
        if value >= 1:
            return f"{value:.2f} s"
        if value >= 1e-3:
            return f"{value * 1e3:.2f} ms"
        return f"{value * 1e6:.0f} µs"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if not unit:
        return f"{value:.2f}"
    return f"{value:.3g} {unit}".strip()


def standalone(measure: Callable[[Context], Iterable[Row | Curve | str]], argv: Sequence[str] | None = None) -> int:
    """Run one benchmark module on its own and print what it measures."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes and few texts, for development")
    args = parser.parse_args(argv)
    context = Context(sizes=QUICK_SIZES, repeat=3, eval_limit=20) if args.quick else Context()
    try:
        for item in measure(context):
            print(describe(item))
    except Skip as skip:
        print(f"skipped: {skip}")
    return 0


def describe(item: Row | Curve | str) -> str:
    """One line saying what a measured item is."""
    if isinstance(item, Row):
        ratio = f"{item.ratio:.2f}" if item.ratio is not None else "–"
        met = "" if item.met is None else (" (met)" if item.met else " (NOT met)")
        return (
            f"{item.benchmark}: newsqa {format_value(item.newsqa, item.unit)}, {item.peer} "
            f"{format_value(item.peer_value, item.unit)}, ratio {ratio}; target {item.target or '–'}{met}"
        )
    if isinstance(item, Curve):
        points = ", ".join(f"{w}: {format_value(s, 's')}" for w, s in item.points)
        return f"[{item.panel}] {item.tool}: {points}"
    return item
