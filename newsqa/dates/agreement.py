"""When two references to one day can agree, if the publication date is unknown.

Without a publication date "on Wednesday" and "25th September this year" are
not yet in conflict: they agree when the article appears in the week after a
Wednesday 25 September. :func:`agreeing_publication_dates` tries every
publication date in a span of years around today and returns the runs of
days on which both references resolve to the same days, so the check can
flag the pair and say exactly when it would be right.
"""

from __future__ import annotations

import calendar
import datetime as dt

from newsqa.dates.analysis import TimeMention, resolve_in

__all__ = ["agreeing_publication_dates", "describe_agreement"]

# Publication dates tried: this many years either side of today.
_YEARS_BEFORE, _YEARS_AFTER = 12, 8
# Pairs that agree on more than this share of publication dates are left alone.
_RARE = 0.05


def _window(today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(today.year - _YEARS_BEFORE, 1, 1), dt.date(today.year + _YEARS_AFTER, 12, 31)


def _agree(first: TimeMention, second: TimeMention, anchor: dt.date, day_first: bool | None) -> bool:
    a = resolve_in(first, anchor, day_first).interval
    b = resolve_in(second, anchor, day_first).interval
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def agreeing_publication_dates(
    first: TimeMention,
    second: TimeMention,
    day_first: bool | None = None,
    *,
    today: dt.date | None = None,
) -> list[tuple[dt.date, dt.date]] | None:
    """Runs (first day, last day) of publication dates on which the two mentions agree.

    An empty list means they never agree; None means they agree too often
    for their pairing to say anything (or cannot be compared at all).
    """
    start, end = _window(today or dt.date.today())
    # Once the pair agrees on more days than the share allows, the rest cannot
    # change the answer: stop there rather than resolve both for every day left.
    too_often = _RARE * ((end - start).days + 1)
    runs: list[tuple[dt.date, dt.date]] = []
    agreeing = total = 0
    day = start
    run_start: dt.date | None = None
    while day <= end:
        total += 1
        if _agree(first, second, day, day_first):
            agreeing += 1
            if agreeing > too_often:
                return None
            run_start = run_start or day
        elif run_start is not None:
            runs.append((run_start, day - dt.timedelta(days=1)))
            run_start = None
        day += dt.timedelta(days=1)
    if run_start is not None:
        runs.append((run_start, end))
    if agreeing > _RARE * total:
        return None
    return runs


def describe_agreement(
    runs: list[tuple[dt.date, dt.date]],
    first: TimeMention,
    second: TimeMention,
    day_first: bool | None = None,
) -> str:
    """An editor's sentence saying when the two mentions would agree."""
    if not runs:
        return "They cannot agree whatever the publication date."
    agreed = [resolve_in(first, run[0], day_first).interval for run in runs]
    days = [interval[0] for interval in agreed if interval is not None and interval[0] == interval[1]]
    lengths = {(b - a).days + 1 for a, b in runs}
    shapes = {(d.weekday(), d.month, d.day) for d in days}
    if len(days) == len(runs) and len(shapes) == 1 and lengths == {7}:
        weekday, month, day_of_month = shapes.pop()
        years = _nearest_years([d.year for d in days])
        return (
            "They agree only if the article was published in the week after a "
            f"{calendar.day_name[weekday]} {day_of_month} {calendar.month_name[month]} "
            f"(as in {_listed(years)}); otherwise one of the two dates is wrong."
        )
    shown = ", ".join(f"{a.isoformat()} to {b.isoformat()}" for a, b in runs[:3])
    more = " and a few other spans" if len(runs) > 3 else ""
    return f"They agree only if the article was published between {shown}{more}."


def _nearest_years(years: list[int], count: int = 4) -> list[int]:
    today = dt.date.today().year
    return sorted(sorted(set(years), key=lambda y: (abs(y - today), y))[:count])


def _listed(years: list[int]) -> str:
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
