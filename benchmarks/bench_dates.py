"""Benchmark: newsqa's date finding and resolution against dateparser's ``search_dates``.

Both tools get the same texts and the same anchor date: the TimeML documents of
``../shared/eval/timebank`` (text and document creation time), or, when that
folder is absent, the seed article with its publication date. Reported:

* speed: CPU seconds for each tool over all texts, the median of three passes
  each, every text seen once a pass and the tools' passes in turns, and the
  ratio; newsqa is timed for its date analysis on a segmented document (the
  document is built once and shared by every check) and for the same run
  including building the document;
* value accuracy, side by side, on the gold DATE expressions whose value is a
  calendar day, month or year (the values ``search_dates`` can express): a gold
  expression counts as right for a tool when the tool found an overlapping
  expression with that value. dateparser's datetimes are cut to the gold
  value's precision, which favours it; newsqa's TIMEX3 value must match exactly.

Generated articles of 500 to 100,000 words are timed too (dateparser only up to
the size where one article takes a minute). Needs the ``benchmark`` extra
(``pip install -e .[benchmark]``); skipped cleanly without dateparser.

    python -m benchmarks.bench_dates [--quick]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import regex

from benchmarks.articles import PUBLISHED
from benchmarks.common import (
    EVAL,
    Context,
    Curve,
    Row,
    Skip,
    Text,
    one_core,
    paired_scaling,
    passes_in_turns,
    standalone,
    table_points,
)
from newsqa.dates.analysis import TimeMention, time_mentions
from newsqa.dates.expression import TimexType
from newsqa.document import Document

ROOT = Path(__file__).resolve().parents[1]
TIMEBANK = EVAL / "timebank"
PANEL = "dates"
SEED = ROOT / "seeds" / "000_100169222cfc808a.txt"
_CALENDAR_VALUE = regex.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_TAG = regex.compile(r"<(/?)(\w+)([^>]*)>")

Found = list[tuple[int, int, str]]  # (start, end, value) per expression
Corpus = list[tuple[str, dt.date, list[tuple[int, int, str]]]]


def load_timebank(folder: Path, limit: int) -> Corpus:
    """(text, creation date, gold DATE (start, end, value)) of up to ``limit`` TimeML files."""
    import html

    corpus: Corpus = []
    for path in sorted(folder.glob("*/*.tml"))[:limit]:
        source = path.read_text(encoding="utf-8")
        dct = regex.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", source, regex.DOTALL)
        if dct is None:
            continue
        body = source.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
        pieces: list[str] = []
        length = position = 0
        gold: list[tuple[int, int, str]] = []
        opened: tuple[int, str, str] | None = None
        for tag in _TAG.finditer(body):
            chunk = html.unescape(body[position : tag.start()])
            pieces.append(chunk)
            length += len(chunk)
            position = tag.end()
            if tag.group(2) != "TIMEX3":
                continue
            if tag.group(1) and opened is not None:
                if opened[1] == "DATE":
                    gold.append((opened[0], length, opened[2]))
                opened = None
            elif not tag.group(1):
                attributes = dict(regex.findall(r'(\w+)="([^"]*)"', tag.group(3)))
                opened = (length, attributes.get("type", ""), attributes.get("value", ""))
        pieces.append(html.unescape(body[position:]))
        corpus.append(("".join(pieces), dt.date.fromisoformat(dct.group(1)), gold))
    return corpus


def run_newsqa(text: str, anchor: dt.date) -> Found:
    return _dates(time_mentions(Document(text, published=anchor)))


def _dates(mentions: Sequence[TimeMention]) -> Found:
    return [(m.start, m.end, m.timex.value) for m in mentions if m.expression.type == TimexType.DATE]


def dateparser_runner() -> Callable[[str, dt.date], Found] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def run(text: str, anchor: dt.date) -> Found:
        settings = {"RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day)}
        found: Found = []
        position = 0
        for phrase, when in search_dates(text, languages=["en"], settings=settings) or []:
            start = text.find(phrase, position)
            if start < 0:
                start = text.find(phrase)
            if start < 0:
                continue
            position = start + len(phrase)
            found.append((start, start + len(phrase), when.date().isoformat()))
        return found

    return run


def timed(
    corpus: Corpus, theirs: Callable[[str, dt.date], Found], rounds: int
) -> tuple[list[float], list[Found], list[Found]]:
    """CPU seconds of (newsqa analysis, newsqa with segmenting, dateparser) over the texts, median of passes.

    Each pass gives every text once, as a gate meets each article once; a run
    repeated on the same text finds the processor's caches warm (newsqa's best
    of five runs on each text was a fifth faster than one pass over the texts),
    and newsqa's caches of earlier texts are emptied before each of its passes
    (:func:`~benchmarks.common.passes_in_turns`, which also has the two tools
    take turns). newsqa's run is timed in two parts, building the document and
    the date analysis on it.
    """
    clock = time.process_time
    ours: list[Found] = []
    their_results: list[Found] = []

    def our_pass() -> tuple[float, float]:
        analysis = whole = 0.0
        ours.clear()
        for text, anchor, _ in corpus:
            started = clock()
            document = Document(text, published=anchor)
            built = clock()
            mentions = time_mentions(document)
            analysed = clock()
            analysis += analysed - built
            whole += analysed - started
            ours.append(_dates(mentions))
        return analysis, whole

    def their_pass() -> float:
        their_results.clear()
        started = clock()
        for text, anchor, _ in corpus:
            their_results.append(theirs(text, anchor))
        return clock() - started

    ours_passes, theirs_passes = passes_in_turns(our_pass, their_pass, rounds)
    totals = [
        statistics.median(p[0] for p in ours_passes),
        statistics.median(p[1] for p in ours_passes),
        statistics.median(theirs_passes),
    ]
    return totals, ours, their_results


def accuracy(corpus: Corpus, results: Sequence[Found], *, truncate: bool) -> tuple[int, int]:
    """(right, total) over gold DATEs with a calendar value."""
    right = total = 0
    for (_, _, gold), found in zip(corpus, results, strict=True):
        for start, end, value in gold:
            if not _CALENDAR_VALUE.fullmatch(value):
                continue
            total += 1
            for s, e, got in found:
                if s < end and start < e and (got[: len(value)] if truncate else got) == value:
                    right += 1
                    break
    return right, total


def measure(context: Context) -> Iterator[Row | Curve | str]:
    dateparser_run = dateparser_runner()
    if dateparser_run is None:
        raise Skip("dateparser is not installed (pip install -e .[benchmark])")
    limit = 80 if context.eval_limit >= 100 else context.eval_limit
    corpus = load_timebank(TIMEBANK, limit) if TIMEBANK.is_dir() else []
    source = f"../shared/eval/timebank ({len(corpus)} TimeML documents)"
    if not corpus:
        corpus = [(SEED.read_text(encoding="utf-8"), dt.date(2024, 7, 24), [])]
        source = f"{SEED.name} (timebank absent: no gold values, speed only)"
    # Tables loaded and patterns compiled outside the timing, on a text not among those timed.
    warm_up = context.generated(500)
    run_newsqa(warm_up.text, PUBLISHED)
    dateparser_run(warm_up.text, PUBLISHED)
    with one_core():
        (analysis, ours, theirs), our_results, their_results = timed(corpus, dateparser_run, 3)
    peer = f"dateparser {_version('dateparser')} search_dates"
    count = len(corpus)
    yield Row(
        f"date extraction, per document, {source}",
        analysis / count,
        peer,
        theirs / count,
        target="ratio ≥ 20",
        met=theirs / analysis >= 20,
    )
    yield Row(
        f"date extraction including building the document, per document, {source}",
        ours / count,
        peer,
        theirs / count,
        target="ratio ≥ 20",
        met=theirs / ours >= 20,
    )
    right_ours, total = accuracy(corpus, our_results, truncate=False)
    right_theirs, _ = accuracy(corpus, their_results, truncate=True)
    if total:
        yield (
            f"value accuracy on {total} gold DATEs of {source} with a day, month or year value: "
            f"newsqa {right_ours / total:.3f} (exact TIMEX3 value), "
            f"dateparser {right_theirs / total:.3f} (datetime cut to the gold precision)"
        )

    def ours_on(text: Text) -> object:
        return time_mentions(Document(text.text, published=text.published))

    def theirs_on(text: Text) -> object:
        return dateparser_run(text.text, text.published or dt.date(2024, 7, 24))

    with one_core():
        our_points, their_points = paired_scaling(ours_on, theirs_on, context)
    yield Curve(PANEL, "newsqa date analysis (with building the document)", our_points)
    yield Curve(PANEL, peer, their_points, newsqa=False)
    for words, seconds, other in table_points(our_points, their_points, context):
        if other is not None:
            yield Row(
                f"date extraction including building the document, generated article of {words:,} words",
                seconds,
                peer,
                other,
                target="ratio ≥ 20",
                met=other / seconds >= 20,
            )


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    sys.exit(standalone(measure))
