"""When two references to one day can agree, if the publication date is unknown.

Without a publication date "on Wednesday" and "25th September this year" are
not yet in conflict: they agree when the article appears in the week after a
Wednesday 25 September. :func:`agreeing_publication_dates` tries every
publication date in a span of years around today and returns the runs of
days on which both references resolve to the same days, so the check can
flag the pair and say exactly when it would be right.
"""

from __future__ import annotations

import array
import calendar
import datetime as dt
import functools

import attrs

from newsqa.dates.analysis import TimeMention, resolve_in
from newsqa.dates.expression import Expression
from newsqa.dates.resolve import FOCUSED_KINDS, resolve
from newsqa.dates.tense import Tense
from newsqa.dates.timex import Timex

__all__ = ["Resolution", "agreeing_publication_dates", "agreeing_resolutions", "describe_agreement", "resolution"]

# Publication dates tried: this many years either side of today.
_YEARS_BEFORE, _YEARS_AFTER = 12, 8
# Pairs that agree on more than this share of publication dates are left alone.
_RARE = 0.05


def _window(today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(today.year - _YEARS_BEFORE, 1, 1), dt.date(today.year + _YEARS_AFTER, 12, 31)


_NONE = -1


@functools.lru_cache(maxsize=64)
def _interval_table(
    expression: Expression,
    tense: Tense | None,
    focus: Timex | None,
    day_first: bool | None,
    start: dt.date,
    days: int,
) -> tuple[array.array[int], array.array[int]]:
    """First and last days (ordinals; -1 for none) of the expression resolved on each publication day.

    Resolving depends on the expression's parts, tense and focus only, never on
    where it stands, so an article that writes "on Monday" ten times, or pairs
    one date with many others, resolves it over the window once (each table
    takes about 60 kB). Days are resolved only where the reference may change
    (``test_dates_reference`` holds the table to resolving on every day).
    """
    try:
        fixed = resolve(expression, None, tense, focus=focus, day_first=day_first).interval
    except (OverflowError, ValueError):
        fixed = None
    if fixed is not None:
        # A day the text fixes on its own (3 March 1990, "the next day" after it) is the
        # same day whenever the article appears: no need to resolve it once a day.
        return array.array("l", [fixed[0].toordinal()]) * days, array.array("l", [fixed[1].toordinal()]) * days
    firsts, lasts = array.array("l", [_NONE]) * days, array.array("l", [_NONE]) * days

    def resolved(offset: int) -> tuple[int, int] | None:
        interval = resolve(
            expression, start + dt.timedelta(days=offset), tense, focus=focus, day_first=day_first
        ).interval
        if interval is None:
            return None
        firsts[offset], lasts[offset] = interval[0].toordinal(), interval[1].toordinal()
        return firsts[offset], lasts[offset]

    # A reference moves forward with the publication date or stays where it is ("at Halloween"
    # stays on one 31 October for a year), so when the first and last publication days of a
    # stretch resolve alike, every day between does too: only stretches whose ends differ are
    # split, and a reference that changes once a year is resolved a few hundred times instead
    # of once a day. A day that resolves to nothing settles nothing ("29 February this year"
    # is nothing in three years of four), so between two such days every day is tried.
    stack = [(0, resolved(0), days - 1, resolved(days - 1))]
    while stack:
        low, low_value, high, high_value = stack.pop()
        if high - low < 2:
            continue
        if low_value is not None and low_value == high_value:
            firsts[low + 1 : high] = array.array("l", [low_value[0]]) * (high - low - 1)
            lasts[low + 1 : high] = array.array("l", [low_value[1]]) * (high - low - 1)
            continue
        middle = (low + high) // 2
        middle_value = resolved(middle)
        stack.append((low, low_value, middle, middle_value))
        stack.append((middle, middle_value, high, high_value))
    return firsts, lasts


Resolution = tuple[Expression, "Tense | None", "Timex | None"]


def resolution(mention: TimeMention) -> Resolution:
    """What resolving the mention depends on: its parts, tense and focus, never where it stands.

    The focus only where the kind uses it: "on Monday" told after many different years
    is one resolution, resolved over the window once, not once for each year.
    """
    focus = mention.focus if mention.expression.kind in FOCUSED_KINDS else None
    return attrs.evolve(mention.expression, start=0, end=0, text=""), mention.tense, focus


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
    return agreeing_resolutions(resolution(first), resolution(second), day_first, today=today)


def agreeing_resolutions(
    first: Resolution,
    second: Resolution,
    day_first: bool | None = None,
    *,
    today: dt.date | None = None,
) -> list[tuple[dt.date, dt.date]] | None:
    """:func:`agreeing_publication_dates` for two mentions' :func:`resolution`, when the caller has them."""
    start, end = _window(today or dt.date.today())
    runs = _agreeing(first, second, day_first, start, (end - start).days + 1)
    return None if runs is None else list(runs)


@functools.lru_cache(maxsize=1024)
def _agreeing(
    first: Resolution, second: Resolution, day_first: bool | None, start: dt.date, total: int
) -> tuple[tuple[dt.date, dt.date], ...] | None:
    # Kept per pair of resolutions: an article that restates "on Monday" eighty times
    # pairs the same two resolutions thousands of times.
    first_starts, first_ends = _interval_table(*first, day_first, start, total)
    second_starts, second_ends = _interval_table(*second, day_first, start, total)
    # Once the pair agrees on more days than the share allows, the rest cannot
    # change the answer: stop there.
    too_often = _RARE * total
    runs: list[tuple[dt.date, dt.date]] = []
    agreeing = 0
    run_start: int | None = None
    for offset in range(total):
        a0, a1, b0, b1 = first_starts[offset], first_ends[offset], second_starts[offset], second_ends[offset]
        if a0 != _NONE and b0 != _NONE and a0 <= b1 and b0 <= a1:
            agreeing += 1
            if agreeing > too_often:
                return None
            if run_start is None:
                run_start = offset
        elif run_start is not None:
            runs.append((start + dt.timedelta(days=run_start), start + dt.timedelta(days=offset - 1)))
            run_start = None
    if run_start is not None:
        runs.append((start + dt.timedelta(days=run_start), start + dt.timedelta(days=total - 1)))
    return tuple(runs)


def describe_agreement(
    runs: list[tuple[dt.date, dt.date]],
    first: TimeMention,
    second: TimeMention,
    day_first: bool | None = None,
) -> str:
    """An editor's sentence saying when the two mentions would agree."""
    if not runs:
        return "They cannot agree whatever the publication date."
    lengths = {(b - a).days + 1 for a, b in runs}
    # Only runs of a week each can be one day's week: the mentions are resolved for those alone.
    agreed = [resolve_in(first, run[0], day_first).interval for run in runs] if lengths == {7} else []
    days = [interval[0] for interval in agreed if interval is not None and interval[0] == interval[1]]
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
