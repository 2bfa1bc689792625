"""A time expression as written, before it is resolved against a publication date."""

from __future__ import annotations

import attrs

__all__ = ["Expression", "Kind", "TimexType"]


class TimexType:
    """The TIMEX3 ``type`` of an expression."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"


class Kind:
    """How an expression was written; decides how it is resolved and what it may conflict with."""

    ABSOLUTE = "absolute"  # 25 September 2024, Sept. 25, 2024-09-25
    RANGE = "range"  # 1-3 August, August 1-3, from 30 July to 2 August
    NUMERIC = "numeric"  # 25/09/2024
    WEEKDAY = "weekday"  # on Wednesday, last Friday
    HOLIDAY = "holiday"  # Christmas, Easter
    RELATIVE = "relative"  # yesterday, last week, two months ago, this year
    ANAPHORIC = "anaphoric"  # a year earlier, the year-ago quarter: relative to the story's time
    MONTH = "month"  # in July, last May, July 2023
    QUARTER = "quarter"  # the third quarter, Q3 2024
    HALF = "half"  # the first half of 2024
    SEASON = "season"  # last summer
    YEAR = "year"  # in 2023, fiscal 1990
    DECADE = "decade"  # the 1990s
    CENTURY = "century"  # the 20th century
    REFERENCE = "reference"  # now, recently, the future
    DURATION = "duration"  # two-day, 24-hour, three weeks
    TIME = "time"  # 9 a.m. Tuesday


@attrs.frozen
class Expression:
    """One time expression found in a text, with the parts it was written with.

    Offsets are code-point offsets into the text it was found in. Parts not
    written stay ``None``: "25th September" has ``month=9, day=25`` and no
    year. ``offset`` and ``unit`` carry relative references ("last week" is
    ``offset=-1, unit="W"``; "two days ago" is ``offset=-2, unit="D"``);
    ``modifier`` keeps the word that shifts a weekday, month or season
    ("last", "next", "this"); ``year_offset`` is set when the year is given
    relative to publication ("25 September this year"); ``readings`` lists
    the (month, day) readings of a numeric date whose order is unclear. A run
    of days ("1-3 August") has its first day in ``month`` and ``day`` (and
    ``year``) and its last in ``last_month`` and ``last_day``, with the weekdays
    written before them, if any, in ``weekday`` and ``last_weekday``.
    """

    start: int
    end: int
    text: str
    kind: str
    type: str = TimexType.DATE
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: int | str | None = None
    time: str | None = None
    unit: str | None = None
    offset: int | None = None
    modifier: str | None = None
    year_offset: int | None = None
    ref: str | None = None
    duration: str | None = None
    holiday: str | None = None
    mod: str | None = None
    readings: tuple[tuple[int, int], ...] = ()
    last_month: int | None = None
    last_day: int | None = None
    last_weekday: int | None = None

    @property
    def is_day(self) -> bool:
        """True for expressions that name the day of an event (a date, a weekday, yesterday, 1-3 August)."""
        if self.kind in (Kind.ABSOLUTE, Kind.NUMERIC, Kind.WEEKDAY, Kind.HOLIDAY, Kind.RANGE):
            return True
        return self.kind == Kind.RELATIVE and (self.unit == "D" or self.day is not None)
