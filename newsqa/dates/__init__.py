"""Time references in news text: finding them, resolving them, and telling which report one event.

* :func:`find_expressions` finds every time expression in a text, as written;
* :func:`resolve_relative_date` resolves one phrase against a publication date;
* :func:`time_mentions` gives every reference of a :class:`~newsqa.document.Document`
  resolved against its publication date, shared by the checks that need it.

Values are TimeML TIMEX3 values (:class:`Timex`): ``2024-07-24``, ``2024-W29``,
``2024-07``, ``XXXX-09-25`` when the year is unknown.
"""

from newsqa.dates.analysis import TimeMention, time_mentions
from newsqa.dates.expression import Expression, Kind
from newsqa.dates.extract import find_expressions
from newsqa.dates.resolve import resolve, resolve_relative_date
from newsqa.dates.tense import Tense, clause_tense
from newsqa.dates.timex import Timex

__all__ = [
    "Expression",
    "Kind",
    "Tense",
    "TimeMention",
    "Timex",
    "clause_tense",
    "find_expressions",
    "resolve",
    "resolve_relative_date",
    "time_mentions",
]
