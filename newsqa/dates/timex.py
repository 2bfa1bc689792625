"""Resolved time values and their TimeML TIMEX3 ``value`` strings.

A :class:`Timex` is what a time reference means once resolved as far as the
publication date allows: a day, an ISO week, a month, a quarter, a year, a
decade, a vague reference (``PRESENT_REF``) or a duration. Unknown parts stay
unknown and print as ``X`` (``XXXX-09-25``), so a partly resolved reference is
still a value, and :attr:`Timex.interval` gives the days it covers only when
they are known.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs

__all__ = ["Granularity", "Timex", "iso_week_start", "shift_months"]


class Granularity:
    """The granularities a :class:`Timex` can have, coarsest last."""

    DAY = "day"
    DAYS = "days"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    REF = "ref"
    DURATION = "duration"


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def iso_week_start(year: int, week: int) -> dt.date:
    """The Monday of ISO week ``week`` of ``year``."""
    return dt.date.fromisocalendar(year, week, 1)


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` after ``year``-``month`` (negative goes back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


@attrs.frozen
class Timex:
    """A time value, resolved as far as it can be.

    ``part`` is the week number, quarter, half or season code (``"SU"``) for
    those granularities; ``weekday`` (1 = Monday) is kept for a day whose date
    is unknown; ``time`` is a part of day (``"MO"``) or ``"HH:MM"``.
    ``ref`` holds ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` and ``duration``
    an ISO 8601 duration (``P2D``) for those granularities. A run of days
    (``DAYS``) starts on ``year``, ``month`` and ``day`` and ends on
    ``last_month`` and ``last_day``, in the next year when those come first in
    the calendar; its value is the two days joined by a slash
    (``2024-08-01/2024-08-03``), as ISO 8601 writes an interval.
    """

    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: int | str | None = None
    weekday: int | None = None
    time: str | None = None
    ref: str | None = None
    duration: str | None = None
    last_month: int | None = None
    last_day: int | None = None

    @classmethod
    def of_date(cls, date: dt.date, *, time: str | None = None) -> Timex:
        """The day ``date``."""
        return cls(Granularity.DAY, date.year, date.month, date.day, time=time)

    @property
    def value(self) -> str:
        """The TIMEX3 ``value`` attribute."""
        g = self.granularity
        if g == Granularity.REF:
            return self.ref or "PRESENT_REF"
        if g == Granularity.DURATION:
            return self.duration or "PXX"
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if g == Granularity.DAYS:
            last_year = self._last_year()
            last = f"{last_year:04d}" if last_year is not None else "XXXX"
            first_day = f"{self.month or 0:02d}-{self.day or 0:02d}"
            return f"{year}-{first_day}/{last}-{self.last_month or 0:02d}-{self.last_day or 0:02d}"
        if g == Granularity.DAY:
            if self.month is None and self.day is None and self.weekday is not None:
                text = f"{year}-WXX-{self.weekday}"
            else:
                month = f"{self.month:02d}" if self.month else "XX"
                day = f"{self.day:02d}" if self.day else "XX"
                text = f"{year}-{month}-{day}"
            # A part of day ("night") stays an attribute: the value names the day, as most
            # annotated news does; clock times are part of the value.
            return f"{text}T{self.time}" if self.time and ":" in self.time else text
        if g in (Granularity.WEEK, Granularity.WEEKEND):
            week = f"W{int(self.part):02d}" if isinstance(self.part, int) else "WXX"
            return f"{year}-{week}" + ("-WE" if g == Granularity.WEEKEND else "")
        if g == Granularity.MONTH:
            return f"{year}-{self.month:02d}" if self.month else f"{year}-XX"
        if g == Granularity.QUARTER:
            return f"{year}-Q{self.part or 'X'}"
        if g == Granularity.HALF:
            return f"{year}-H{self.part or 'X'}"
        if g == Granularity.SEASON:
            return f"{year}-{self.part}"
        if g == Granularity.DECADE:
            return f"{self.year // 10:03d}" if self.year is not None else "XXX"
        if g == Granularity.CENTURY:
            return f"{self.year // 100:02d}" if self.year is not None else "XX"
        return year

    @property
    def is_vague(self) -> bool:
        """True for references (``PAST_REF``) and durations, which place nothing on a calendar."""
        return self.granularity in (Granularity.REF, Granularity.DURATION)

    @property
    def date(self) -> dt.date | None:
        """The day, for a fully known day."""
        if self.granularity == Granularity.DAY and self.year and self.month and self.day:
            return _safe_date(self.year, self.month, self.day)
        return None

    @property
    def interval(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day covered, when the value is fully known."""
        g, year = self.granularity, self.year
        if year is None or self.is_vague:
            return None
        try:
            if g == Granularity.DAY:
                day = self.date
                return (day, day) if day else None
            if g == Granularity.DAYS and self.month and self.day and self.last_month and self.last_day:
                return dt.date(year, self.month, self.day), dt.date(
                    self._last_year() or year, self.last_month, self.last_day
                )
            if g in (Granularity.WEEK, Granularity.WEEKEND) and isinstance(self.part, int):
                monday = iso_week_start(year, self.part)
                if g == Granularity.WEEKEND:
                    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
                return monday, monday + dt.timedelta(days=6)
            if g == Granularity.MONTH and self.month:
                return _month_interval(year, self.month, 1)
            if g == Granularity.QUARTER and isinstance(self.part, int):
                return _month_interval(year, 3 * self.part - 2, 3)
            if g == Granularity.HALF and isinstance(self.part, int):
                return _month_interval(year, 6 * self.part - 5, 6)
            if g == Granularity.SEASON and isinstance(self.part, str):
                first, _ = _SEASON_MONTHS[self.part]
                return _month_interval(year, first, 3)
            if g == Granularity.YEAR:
                return dt.date(year, 1, 1), dt.date(year, 12, 31)
            if g == Granularity.DECADE:
                start = year - year % 10
                return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
            if g == Granularity.CENTURY:
                start = year - year % 100
                return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
        except ValueError:
            return None
        return None

    def _last_year(self) -> int | None:
        """The year of a run's last day: the next year when the run crosses New Year."""
        if self.year is None:
            return None
        crosses = (self.last_month or 0, self.last_day or 0) < (self.month or 0, self.day or 0)
        return self.year + 1 if crosses else self.year


def _month_interval(year: int, month: int, months: int) -> tuple[dt.date, dt.date]:
    last_year, last_month = shift_months(year, month, months - 1)
    last_day = calendar.monthrange(last_year, last_month)[1]
    return dt.date(year, month, 1), dt.date(last_year, last_month, last_day)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
