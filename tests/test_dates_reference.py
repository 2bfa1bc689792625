"""The publication-date search stops early yet answers exactly as the full search over every day did."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from newsqa import Document
from newsqa.dates import agreement
from newsqa.dates.agreement import agreeing_publication_dates
from newsqa.dates.analysis import TimeMention, time_mentions

TODAY = dt.date(2026, 1, 15)


def full_search(
    first: TimeMention, second: TimeMention, day_first: bool | None
) -> list[tuple[dt.date, dt.date]] | None:
    """The plain version: resolve both mentions on every day of the window, then judge."""
    start, end = agreement._window(TODAY)
    runs: list[tuple[dt.date, dt.date]] = []
    agreeing = total = 0
    day = start
    run_start: dt.date | None = None
    while day <= end:
        total += 1
        if agreement._agree(first, second, day, day_first):
            agreeing += 1
            run_start = run_start or day
        elif run_start is not None:
            runs.append((run_start, day - dt.timedelta(days=1)))
            run_start = None
        day += dt.timedelta(days=1)
    if run_start is not None:
        runs.append((run_start, end))
    return None if agreeing > agreement._RARE * total else runs


TEXTS = [
    # Two mentions of one holiday agree on every day: the early stop answers None at once.
    "The parade was held at Halloween. Shops stayed open late at Halloween.",
    "On Wednesday the ministers met. The pact signed on 25th September was described as new.",
    "The vote on Tuesday was delayed. The count finished on 12 March, officials said.",
    "Talks resume next month. The deal was signed in March, two weeks ago.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_agreement_matches_the_full_search(text: str) -> None:
    mentions = time_mentions(Document(text))
    assert len(mentions) >= 2
    for first, second in itertools.combinations(mentions, 2):
        for day_first in (None, True):
            expected = full_search(first, second, day_first)
            assert agreeing_publication_dates(first, second, day_first, today=TODAY) == expected
