"""Resolving time expressions against a publication date.

:func:`resolve` is a pure function of the expression, the publication date
(the anchor), the tense of its clause and the story's current focus (the
last quarter or year the story talked about, for "a year earlier"). Without
an anchor, what the text itself fixes is kept and the rest stays unknown
(``XXXX-09-25``, ``XXXX-WXX-3``). :func:`resolve_relative_date` does the
whole job for one phrase.
"""

from __future__ import annotations

import datetime as dt

from newsqa.dates.expression import Expression, Kind
from newsqa.dates.extract import find_expressions
from newsqa.dates.lexicon import holiday_date
from newsqa.dates.tense import Tense
from newsqa.dates.timex import Granularity, Timex, shift_months

__all__ = ["resolve", "resolve_relative_date"]

_UNIT_GRANULARITY = {
    "D": Granularity.DAY,
    "W": Granularity.WEEK,
    "WE": Granularity.WEEKEND,
    "M": Granularity.MONTH,
    "Q": Granularity.QUARTER,
    "Y": Granularity.YEAR,
    "DE": Granularity.DECADE,
    "CE": Granularity.CENTURY,
}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_PAST_MODIFIERS = frozenset({"last", "past", "this past", "the previous"})
_FUTURE_MODIFIERS = frozenset({"next", "coming", "this coming", "the following"})


#: The kinds of expression whose value depends on the story's focus ("a year earlier",
#: "the quarter"); every other kind resolves the same whatever the focus.
FOCUSED_KINDS = frozenset({Kind.ANAPHORIC, Kind.QUARTER})


def resolve(
    expression: Expression,
    anchor: dt.date | None,
    tense: Tense | None = None,
    *,
    focus: Timex | None = None,
    day_first: bool | None = None,
) -> Timex:
    """The value of ``expression`` told on ``anchor`` in a clause of ``tense``.

    ``focus`` is the quarter or year the story is about when the expression
    is anaphoric ("a year earlier"); ``day_first`` says how to read numeric
    dates whose order is unclear (True for 25/09 British order, False for
    09/25 American, None to leave them unresolved).

    A value that falls outside the calendar (a weekday before 1 January of
    year 1, "next year" told in 9999) stays unresolved, as it would be
    without a publication date.
    """
    try:
        return _resolve(expression, anchor, tense, focus=focus, day_first=day_first)
    except (OverflowError, ValueError):
        if anchor is None and focus is None:
            raise
        return _resolve(expression, None, tense, focus=None, day_first=day_first)


def _resolve(
    expression: Expression,
    anchor: dt.date | None,
    tense: Tense | None,
    *,
    focus: Timex | None,
    day_first: bool | None,
) -> Timex:
    kind = expression.kind
    if kind == Kind.REFERENCE:
        return Timex(Granularity.REF, ref=expression.ref)
    if kind == Kind.DURATION:
        return Timex(Granularity.DURATION, duration=expression.duration)
    if kind in (Kind.ABSOLUTE, Kind.NUMERIC):
        return _day_of_year(expression, anchor, tense, day_first)
    if kind == Kind.RANGE:
        first = _day_of_year(expression, anchor, tense, day_first)
        return Timex(
            Granularity.DAYS,
            year=first.year,
            month=expression.month,
            day=expression.day,
            last_month=expression.last_month,
            last_day=expression.last_day,
        )
    if kind == Kind.HOLIDAY:
        return _holiday(expression, anchor, tense)
    if kind == Kind.WEEKDAY:
        return _weekday(expression, anchor, tense)
    if kind == Kind.TIME:
        return _time(expression, anchor, tense)
    if kind == Kind.RELATIVE:
        return _relative(expression, anchor)
    if kind == Kind.ANAPHORIC:
        return _anaphoric(expression, anchor, focus)
    if kind == Kind.MONTH:
        return _month(expression, anchor, tense)
    if kind == Kind.QUARTER:
        return _quarter(expression, anchor, tense, focus)
    if kind == Kind.HALF:
        year = _explicit_year(expression, anchor)
        return Timex(Granularity.HALF, year=year, part=expression.part)
    if kind == Kind.SEASON:
        return _season(expression, anchor, tense)
    if kind == Kind.DECADE:
        return Timex(Granularity.DECADE, year=expression.year)
    if kind == Kind.CENTURY:
        return Timex(Granularity.CENTURY, year=expression.year)
    return Timex(Granularity.YEAR, year=expression.year)


def resolve_relative_date(
    phrase: str,
    published: dt.date | None,
    tense: Tense | str | None = None,
    *,
    day_first: bool | None = None,
) -> Timex | None:
    """Resolve the first time expression in ``phrase`` against the publication date ``published``.

    >>> resolve_relative_date("last week", dt.date(2024, 7, 24)).value
    '2024-W29'
    >>> resolve_relative_date("on Wednesday", dt.date(2024, 7, 25), "past").value
    '2024-07-24'
    >>> resolve_relative_date("25th September", None).value
    'XXXX-09-25'

    Returns None when the phrase holds no time expression.
    """
    expressions = find_expressions(phrase)
    if not expressions:
        return None
    return resolve(expressions[0], published, Tense(tense) if tense else None, day_first=day_first)


# -- days --------------------------------------------------------------------------------------------


# A day or month told without its year lies within about ten months of publication: a newsroom
# writes the year for anything further off, so a tense pointing further than that is overruled.
_TENSE_REACH_DAYS = 305


def _pick(candidates: list[dt.date], anchor: dt.date, tense: Tense | None, modifier: str | None) -> dt.date:
    """The candidate day a reader would take, given tense and a modifier such as "last"."""
    chosen = _pick_by_tense(candidates, anchor, tense, modifier)
    if chosen is not None and (modifier or abs((chosen - anchor).days) <= _TENSE_REACH_DAYS):
        return chosen
    # No tense to go by: the nearest one, the earlier on a tie (news reports more than it announces).
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))


def _pick_by_tense(
    candidates: list[dt.date], anchor: dt.date, tense: Tense | None, modifier: str | None
) -> dt.date | None:
    if modifier in _PAST_MODIFIERS:
        earlier = [d for d in candidates if d < anchor]
        if earlier:
            return max(earlier)
    if modifier in _FUTURE_MODIFIERS:
        later = [d for d in candidates if d > anchor]
        if later:
            return min(later)
    if tense is Tense.PAST:
        on_or_before = [d for d in candidates if d <= anchor]
        if on_or_before:
            return max(on_or_before)
    if tense is Tense.FUTURE:
        on_or_after = [d for d in candidates if d >= anchor]
        if on_or_after:
            return min(on_or_after)
    return None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit_year(expression: Expression, anchor: dt.date | None) -> int | None:
    if expression.year is not None:
        return expression.year
    if expression.year_offset is not None and anchor is not None:
        return anchor.year + expression.year_offset
    return None


def _day_of_year(expression: Expression, anchor: dt.date | None, tense: Tense | None, day_first: bool | None) -> Timex:
    month, day = expression.month, expression.day
    if expression.kind == Kind.NUMERIC and len(expression.readings) > 1:
        if day_first is None:
            return Timex(Granularity.DAY, year=expression.year)
        month, day = expression.readings[0] if day_first else expression.readings[1]
    year = _explicit_year(expression, anchor)
    if year is None and anchor is not None and month and day:
        candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe(y, month, day))]
        if expression.weekday is not None:
            matching = [d for d in candidates if d.isoweekday() == expression.weekday]
            candidates = matching or candidates
        if candidates:
            year = _pick(candidates, anchor, tense, expression.modifier).year
    return Timex(Granularity.DAY, year=year, month=month, day=day, time=expression.time, weekday=expression.weekday)


def _weekday(expression: Expression, anchor: dt.date | None, tense: Tense | None) -> Timex:
    weekday = expression.weekday or 1
    if anchor is None:
        return Timex(Granularity.DAY, weekday=weekday, time=expression.time)
    monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
    if expression.unit == "W" and expression.offset is not None:  # "Monday last week"
        return Timex.of_date(monday + dt.timedelta(weeks=expression.offset, days=weekday - 1), time=expression.time)
    if expression.modifier == "week on":  # "Tuesday week": a week after the coming Tuesday, today's included
        ahead = (weekday - anchor.isoweekday()) % 7
        return Timex.of_date(anchor + dt.timedelta(days=ahead + 7), time=expression.time)
    modifier = expression.modifier
    if modifier == "this" and tense not in (Tense.PAST, Tense.FUTURE):
        return Timex.of_date(monday + dt.timedelta(days=weekday - 1), time=expression.time)
    if tense is None:
        tense = Tense.PAST  # news reports what happened: an untensed weekday is the latest one
    # The days with that weekday within a week either side of the anchor, earliest first.
    ahead = (weekday - anchor.isoweekday()) % 7
    deltas = (ahead - 7, ahead, 7) if ahead == 0 else (ahead - 7, ahead)
    candidates = [anchor + dt.timedelta(days=delta) for delta in deltas]
    day = _pick(candidates, anchor, tense, modifier)
    if expression.unit == "WE":  # "the weekend": the one holding that Saturday
        year, week, _ = day.isocalendar()
        return Timex(Granularity.WEEKEND, year=year, part=week)
    return Timex.of_date(day, time=expression.time)


def _holiday(expression: Expression, anchor: dt.date | None, tense: Tense | None) -> Timex:
    key = expression.holiday or ""
    year = _explicit_year(expression, anchor)
    if year is not None:
        day = holiday_date(key, year)
        return Timex.of_date(day) if day else Timex(Granularity.DAY, year=year)
    if anchor is None:
        fixed = holiday_date(key, 2000)
        if fixed and key[:2].isdigit():
            return Timex(Granularity.DAY, month=fixed.month, day=fixed.day)
        return Timex(Granularity.DAY)
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := holiday_date(key, y))]
    return Timex.of_date(_pick(candidates, anchor, tense, expression.modifier))


def _time(expression: Expression, anchor: dt.date | None, tense: Tense | None) -> Timex:
    if expression.weekday is not None:
        day = _weekday(expression, anchor, tense)
    elif anchor is not None:
        day = Timex.of_date(anchor + dt.timedelta(days=expression.offset or 0))
    else:
        day = Timex(Granularity.DAY)
    return Timex(
        Granularity.DAY,
        year=day.year,
        month=day.month,
        day=day.day,
        weekday=day.weekday,
        time=expression.time,
    )


# -- relative and anaphoric references ------------------------------------------------------------------


def _shifted(anchor: dt.date, unit: str, offset: int) -> Timex:
    """The unit that is ``offset`` units from the one holding ``anchor``."""
    if unit == "D":
        return Timex.of_date(anchor + dt.timedelta(days=offset))
    if unit in ("W", "WE"):
        year, week, _ = (anchor + dt.timedelta(weeks=offset)).isocalendar()
        return Timex(_UNIT_GRANULARITY[unit], year=year, part=week)
    if unit == "M":
        year, month = shift_months(anchor.year, anchor.month, offset)
        return Timex(Granularity.MONTH, year=year, month=month)
    if unit == "Q":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return Timex(Granularity.QUARTER, year=index // 4, part=index % 4 + 1)
    if unit == "Y":
        return Timex(Granularity.YEAR, year=anchor.year + offset)
    if unit == "DE":
        return Timex(Granularity.DECADE, year=anchor.year + 10 * offset)
    return Timex(Granularity.CENTURY, year=anchor.year + 100 * offset)


def _relative(expression: Expression, anchor: dt.date | None) -> Timex:
    unit = expression.unit or "D"
    granularity = _UNIT_GRANULARITY.get(unit, Granularity.DAY)
    if expression.offset is None:
        return Timex(Granularity.REF, ref="PAST_REF")
    if anchor is None:
        return Timex(granularity, time=expression.time)
    value = _shifted(anchor, unit, expression.offset)
    if expression.day is not None and value.year is not None and value.month is not None:  # the 1st of next month
        return Timex(Granularity.DAY, value.year, value.month, expression.day, weekday=expression.weekday)
    if expression.time:
        return Timex(value.granularity, value.year, value.month, value.day, time=expression.time)
    return value


def _anaphoric(expression: Expression, anchor: dt.date | None, focus: Timex | None) -> Timex:
    unit, offset = expression.unit or "Y", expression.offset
    if unit == "D":  # "that same day", "the next morning": counted from the story's last day
        base = focus.date if focus is not None and focus.date is not None else anchor
        if base is None:
            return Timex(Granularity.DAY, time=expression.time)
        return Timex.of_date(base + dt.timedelta(days=offset or 0), time=expression.time)
    quarter_focus = focus if focus is not None and focus.granularity == Granularity.QUARTER else None
    if offset is None:
        return Timex(Granularity.REF, ref="PAST_REF" if unit else "PRESENT_REF")
    if quarter_focus is not None and quarter_focus.year is not None and unit in ("Q", "FOCUS", "Y"):
        quarters = 4 * offset if unit == "Y" else offset
        part = int(quarter_focus.part or 1) if expression.part is None else int(expression.part)
        index = quarter_focus.year * 4 + (part - 1) + quarters
        return Timex(Granularity.QUARTER, year=index // 4, part=index % 4 + 1)
    if unit == "Q":
        if anchor is None:
            return Timex(Granularity.QUARTER, part=expression.part)
        # Without a quarter in focus, "the quarter" is the last one completed before publication.
        latest = _shifted(anchor, "Q", offset - 1)
        if expression.part is not None and latest.year is not None:
            return Timex(Granularity.QUARTER, year=latest.year, part=expression.part)
        return latest
    if unit == "FOCUS":  # "year-ago results" without a quarter in view: the year before publication
        return Timex(Granularity.YEAR) if anchor is None else _shifted(anchor, "Y", -1)
    base = anchor
    if focus is not None and focus.interval is not None and unit == "Y":
        base = focus.interval[0]
    if base is None:
        return Timex(_UNIT_GRANULARITY.get(unit, Granularity.YEAR))
    return _shifted(base, unit, offset)


# -- months, quarters, seasons ----------------------------------------------------------------------------


def _month(expression: Expression, anchor: dt.date | None, tense: Tense | None) -> Timex:
    month = expression.month
    year = _explicit_year(expression, anchor)
    if year is None and anchor is not None and month:
        if expression.modifier == "this":
            year = anchor.year
        else:
            firsts = [dt.date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
            month_start = anchor.replace(day=1)
            year = _pick(firsts, month_start, tense, expression.modifier).year
    return Timex(Granularity.MONTH, year=year, month=month)


def _quarter(expression: Expression, anchor: dt.date | None, tense: Tense | None, focus: Timex | None) -> Timex:
    year = _explicit_year(expression, anchor)
    part = expression.part
    if part is None and focus is not None and focus.granularity == Granularity.QUARTER:
        part = focus.part
    if year is None and anchor is not None and isinstance(part, int):
        starts = {y: dt.date(y, 3 * part - 2, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)}
        if tense is Tense.FUTURE:
            # Results of a quarter just ended are still to come: count it until two months after its end.
            ends = {y: dt.date(*shift_months(y, 3 * part + 2, 1), 1) for y in starts}
            year = min(y for y, end in ends.items() if end > anchor)
        else:
            year = max(y for y, start in starts.items() if start <= anchor)
    return Timex(Granularity.QUARTER, year=year, part=part)


def _season(expression: Expression, anchor: dt.date | None, tense: Tense | None) -> Timex:
    season = str(expression.part)
    year = _explicit_year(expression, anchor)
    if year is None and anchor is not None:
        start_month = _SEASON_START[season]
        starts = [dt.date(y, start_month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if expression.modifier == "this":
            year = anchor.year
        else:
            modifier = expression.modifier
            if modifier in _PAST_MODIFIERS:
                # "last summer" is the latest summer already over.
                ended = [s for s in starts if dt.date(*shift_months(s.year, s.month, 3), 1) <= anchor]
                year = max(ended).year if ended else starts[0].year
            else:
                year = _pick(starts, anchor, tense, modifier).year
    return Timex(Granularity.SEASON, year=year, part=season)
