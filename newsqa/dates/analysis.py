"""Every time reference of a document, resolved: the analysis the date check and the timeline share.

:func:`time_mentions` finds the expressions, reads the tense of each clause,
keeps track of the quarter or year the story is about (so "a year earlier"
follows the story) and resolves each expression against the publication date.
The result is memoised on the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from newsqa.dates.expression import Expression, Kind
from newsqa.dates.extract import find_expressions
from newsqa.dates.resolve import resolve
from newsqa.dates.shared import detected_variety
from newsqa.dates.tense import Tense, clause_tense
from newsqa.dates.timex import Timex
from newsqa.document import Document, Sentence

__all__ = ["TimeMention", "numeric_day_first", "resolve_in", "time_mentions"]

_DAY_FIRST_VARIETIES = ("en-GB", "en-AU", "en-NZ", "en-IE", "en-ZA", "en-IN")


@attrs.frozen
class TimeMention:
    """A time expression of a document with its clause tense and resolved value."""

    expression: Expression
    timex: Timex
    tense: Tense | None
    sentence: Sentence | None
    focus: Timex | None = None

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.expression.start

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.expression.end


def numeric_day_first(document: Document) -> bool | None:
    """True when numeric dates read day first (25/09), False for month first (09/25), None if unknown.

    The document's declared language decides; without one, the spelling
    variety detected in the text does, where that analysis is available.
    """
    language = document.language or detected_variety(document)
    if not language:
        return None
    if language.startswith(("en-US", "en-PH")):
        return False
    if language.startswith(_DAY_FIRST_VARIETIES):
        return True
    return None


def resolve_in(mention: TimeMention, anchor: dt.date | None, day_first: bool | None = None) -> Timex:
    """The mention's value had the document been published on ``anchor`` (same tense, same focus)."""
    return resolve(mention.expression, anchor, mention.tense, focus=mention.focus, day_first=day_first)


def _analyse(document: Document) -> tuple[TimeMention, ...]:
    anchor = document.published
    expressions = find_expressions(document.text)
    # The variety is only asked for when a numeric date needs it: detecting it reads every word.
    ambiguous = any(e.kind == Kind.NUMERIC and len(e.readings) > 1 for e in expressions)
    day_first = numeric_day_first(document) if ambiguous else None
    mentions: list[TimeMention] = []
    quarter_focus: Timex | None = None
    story_focus: Timex | None = None
    day_focus: Timex | None = None
    for expression in expressions:
        sentence = document.sentence_at(expression.start)
        tense = None
        if sentence is not None:
            tense = clause_tense(sentence.text, expression.start - sentence.start, expression.end - sentence.start)
        if expression.weekday is not None and expression.text.endswith(("'s", "’s")):
            tense = None  # "Wednesday's ruling" names the day of something already known
        focus = day_focus if expression.kind == Kind.ANAPHORIC and expression.unit == "D" else None
        focus = focus or quarter_focus or story_focus
        if quarter_focus is not None and _year_ago(expression):
            # In a results story "a year ago" is the same quarter a year before.
            expression = attrs.evolve(expression, kind=Kind.ANAPHORIC, unit="Y")
        timex = resolve(expression, anchor, tense, focus=focus, day_first=day_first)
        mentions.append(TimeMention(expression, timex, tense, sentence, focus))
        if timex.date is not None:
            day_focus = timex
        if expression.kind == Kind.QUARTER and timex.year is not None:
            quarter_focus = timex
        elif expression.kind in (Kind.YEAR, Kind.ABSOLUTE, Kind.MONTH) and timex.year is not None:
            story_focus = timex
    return tuple(mentions)


def _year_ago(expression: Expression) -> bool:
    return (
        expression.kind == Kind.RELATIVE
        and expression.unit == "Y"
        and expression.offset == -1
        and (expression.text.lower().endswith("ago"))
    )


def time_mentions(document: Document) -> tuple[TimeMention, ...]:
    """Every time reference of ``document`` in text order, resolved against its publication date."""
    compute: Callable[[Document], tuple[TimeMention, ...]] = _analyse
    return document.memo("dates", compute)
