"""The words of time expressions, read once from ``newsqa/data/date_words.txt``.

Month and weekday names, ordinals, number words, units, holidays and the
names that merely contain a date word ("the Sunday Times") live in that file;
this module turns them into look-up tables and regular-expression alternations.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import attrs
import regex

from newsqa.resources import data_sections

__all__ = ["Lexicon", "holiday_date", "lexicon"]

_FILE = "date_words.txt"


@attrs.frozen
class Lexicon:
    """Look-up tables of time words, keyed by their lower-case written form."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    ambiguous_weekdays: frozenset[str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    decade_words: dict[str, int]
    units: dict[str, str]
    holidays: dict[str, str]
    not_dates: tuple[str, ...]

    full_names: frozenset[str]

    def alternation(self, words: Iterable[str], *, abbreviations: bool = False) -> str:
        """A regex alternation of ``words``, longest first.

        With ``abbreviations`` (month and weekday names) the short forms take an
        optional full stop ("Sept.", "Tues."); no other time word is abbreviated, and
        the stop after "a week." ends the sentence.
        """
        # Written as a tree of shared prefixes ("sep(?:t(?:ember)?)?"): the engine then tries one
        # branch per letter instead of every word at every word start, in the same order.
        trie: _Trie = {}
        for form in set(words):
            node = trie
            for letter in form:
                node = node.setdefault(letter, {})
            node[_END] = {_ABBREVIATION: {}} if abbreviations and _abbreviated(form, self.full_names) else {}
        return _trie_pattern(trie)

    def number(self, word: str) -> int | None:
        """The value of a number written in figures or words ("3", "three", "twenty four")."""
        word = word.lower().strip()
        if word.isdigit():
            return int(word)
        if word in self.numbers:
            return self.numbers[word]
        parts = regex.split(r"[\s\-]+", word)
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, units = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens % 10 == 0 and tens >= 20 and units < 10:
                return tens + units
        return None


_Trie = dict[str, "_Trie"]
_END = ""  # the key of a trie node where a word ends
_ABBREVIATION = "."  # under _END: the word may take a full stop


def _abbreviated(form: str, full_names: frozenset[str]) -> bool:
    # Abbreviations ("Sept", "Jan") may be written with a full stop; "July." ends a sentence.
    return form not in full_names and form.isalpha() and len(form) <= 4


def _letter_pattern(letter: str) -> str:
    if letter == " ":
        return r"\s+"
    if letter == "-":
        return r"[\-\s]"
    return regex.escape(letter)


def _trie_pattern(node: _Trie) -> str:
    """The alternation of the words below ``node``, longer words before their prefixes."""
    branches = [_letter_pattern(letter) + _trie_pattern(child) for letter, child in sorted(node.items()) if letter]
    end = node.get(_END)
    if end is not None:
        branches.append(r"\.?" if _ABBREVIATION in end else "")
    if len(branches) == 1:
        return branches[0]
    if branches[-1] == "":
        return "(?:" + "|".join(branches[:-1]) + ")?"
    return "(?:" + "|".join(branches) + ")"


def _numbered(section: tuple[str, ...], *, phrases: bool = False) -> dict[str, str]:
    """``KEY: form form`` lines (``KEY: phrase|phrase`` with ``phrases``) as form -> key."""
    table: dict[str, str] = {}
    for line in section:
        key, _, forms = line.partition(":")
        for form in forms.split("|") if phrases else forms.split():
            table[form.strip().lower()] = key.strip()
    return table


@functools.cache
def lexicon() -> Lexicon:
    """The time-word tables, loaded once."""
    s = data_sections(_FILE)

    def ints(name: str) -> dict[str, int]:
        return {form: int(key) for form, key in _numbered(s[name]).items()}

    full_names = frozenset(line.partition(":")[2].split()[0] for name in ("months", "weekdays") for line in s[name])
    return Lexicon(
        full_names=full_names,
        months=ints("months"),
        ambiguous_months=frozenset(s["ambiguous_months"]),
        weekdays=ints("weekdays"),
        ambiguous_weekdays=frozenset(s["ambiguous_weekdays"]),
        seasons=_numbered(s["seasons"]),
        parts_of_day=_numbered(s["parts_of_day"]),
        ordinals=ints("ordinals"),
        numbers=ints("numbers"),
        decade_words=ints("decade_words"),
        units=_numbered(s["units"]),
        holidays=_numbered(s["holidays"], phrases=True),
        not_dates=tuple(sorted(s["not_dates"], key=len, reverse=True)),
    )


_MONTH_DAY = regex.compile(r"\d\d-\d\d")


# Cached: without a publication date, the dates check resolves a holiday against every
# day of a span of years (three candidate years each), and the days repeat.
@functools.lru_cache(maxsize=4096)
def holiday_date(key: str, year: int) -> dt.date | None:
    """The day of a holiday key from the data file (``12-25``, ``EASTER``...) in ``year``."""
    if _MONTH_DAY.fullmatch(key):
        month, day = int(key[:2]), int(key[3:])
        return dt.date(year, month, day)
    if key in ("EASTER", "GOOD_FRIDAY"):
        easter = _easter(year)
        return easter - dt.timedelta(days=2) if key == "GOOD_FRIDAY" else easter
    if key == "THANKSGIVING":
        first = dt.date(year, 11, 1)
        first_thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
        return first_thursday + dt.timedelta(weeks=3)
    if key == "ELECTION_DAY":
        first = dt.date(year, 11, 1)
        first_monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return first_monday + dt.timedelta(days=1)
    return None


def _easter(year: int) -> dt.date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month = (h + m - 7 * n + 114) // 31
    day = (h + m - 7 * n + 114) % 31 + 1
    return dt.date(year, month, day)
