"""Finding time expressions in text.

Each pattern below recognises one way of writing a time reference and hands
its match to a builder that turns it into an :class:`Expression`, or rejects
it (a lower-case "may", "Theresa May", "the Sunday Times", "2000 troops").
Overlapping candidates are settled longest first, so "Wednesday 24 July 2024"
is one expression and "two-day" inside "a two-day tour" is a duration, not a
day.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from collections.abc import Callable, Iterable, Iterator

import attrs
import regex

from newsqa.dates.expression import Expression, Kind, TimexType
from newsqa.dates.lexicon import Lexicon, lexicon

__all__ = ["find_expressions"]

Builder = Callable[["re.Match[str]", str], "Expression | None"]

_MOD = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "earlier": None,
    "late": "END",
    "end": "END",
    "later": None,
    "mid": "MID",
    "middle": "MID",
}
_CUES_BEFORE_MONTH = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "during",
        "from",
        "through",
        "to",
        "of",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "between",
        "and",
        "or",
        "throughout",
        "until-",
    ]
)
_DATE_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "before",
        "after",
        "during",
        "from",
        "through",
        "to",
        "of",
        "between",
        "and",
        "or",
        "the",
        "early",
        "late",
        "mid",
        "fiscal",
        "around",
        "about",
        "circa",
        "c.",
        "year",
        "years",
        "his",
        "her",
        "its",
        "their",
        "our",
        "a",
    ]
)
_OFFSETS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "coming": 1,
    "next": 1,
    "following": 1,
    "latest": 0,
    "same": 0,
    "that": 0,
}


# How far a time expression reaches either side of the word that triggers the search.
_REACH = 35
# Words and numbers, scanned once per text to find where the patterns need to run.
_TOKEN = re.compile(r"[A-Za-z]+|\d+[a-z]*")
_YEAR_KEYS = frozenset({"year", "iso"})
# Kinds written with a month, weekday or holiday name, which names such as "the Sunday Times" hold.
_NAMED_KINDS = frozenset({Kind.ABSOLUTE, Kind.WEEKDAY, Kind.MONTH, Kind.HOLIDAY, Kind.SEASON, Kind.TIME})
_DECADE_KEYS = frozenset({"decade"})
# The year and decade tokens of _TOKEN: four figures alone, figures ending in "0s". (regex finds
# figures several times faster than re here.)
_YEAR_TOKEN = regex.compile(r"(?<!\d)\d{4}(?![\da-z])")
_DECADE_TOKEN = regex.compile(r"(?<!\d)\d*0s(?![a-z])")
# Where _TOKEN starts a word inside a run of letters: figures, small letters, then a capital ("2ndMonday").
_WORD_AFTER_FIGURES = regex.compile(r"\d[a-z]+[A-Z]")
# The one letter outside ASCII that str.lower turns into an ASCII letter (the Kelvin sign); "İ" grows.
_LOWERS_TO_ASCII = "\u212a"
# Letters outside ASCII that a case-blind pattern matches to an ASCII letter while str.lower keeps them.
_FOLDS_TO_ASCII = re.compile("[\u0131\u017f]")


@attrs.frozen
class _Pattern:
    name: str
    regex: re.Pattern[str]
    build: Builder
    trigger: str  # the key of the words every match of this pattern contains
    # Words (lower case) or figures one of which every match holds as written, where the
    # trigger's words are wider: a window without any of them is not scanned.
    required: re.Pattern[str] | None = None


def _group(match: re.Match[str], name: str) -> str | None:
    """The text of group ``name``, or None when it took no part or the pattern has no such group."""
    # Not match.groupdict().get(name): that builds a dict of every group for each look-up.
    return match.group(name) if name in match.re.groupindex else None


def _words(match: re.Match[str], group: str) -> str:
    value = _group(match, group)
    return " ".join(value.lower().split()).strip(" .") if value else ""


def _modifier(words: str) -> str | None:
    for word, mod in _MOD.items():
        if word in words.split() or words.startswith(word):
            return mod
    return None


def _capitalised(match: re.Match[str], group: str) -> bool:
    value = match.group(group)
    return bool(value) and value[0].isupper()


def _year(text: str) -> int | None:
    return int(text) if text else None


class _Extractor:
    """The compiled patterns and their builders, made once."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        month = lex.alternation(lex.months, abbreviations=True)
        weekday = lex.alternation(lex.weekdays, abbreviations=True)
        units = lex.alternation(k for k, v in lex.numbers.items() if v < 10)
        tens = lex.alternation(k for k, v in lex.numbers.items() if v >= 20 and v % 10 == 0 and v < 100)
        parts = {
            "MONTH": rf"(?:{month})(?!\w)",
            "WEEKDAY": rf"(?:{weekday})(?!\w)",
            "DAY": r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,]\d|\d|[.:]\d|\w)",
            "YEAR": r"(?<![\d$£€#.,])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\w)",
            "ORD": lex.alternation(lex.ordinals),
            "NUM": rf"(?:\d+(?:\.\d+)?|(?:{tens})[\s\-](?:{units})|(?:{lex.alternation(lex.numbers)}))(?!\w)",
            "UNIT": rf"(?:{lex.alternation(lex.units)})(?!\w)",
            "SEASON": rf"(?:{lex.alternation(lex.seasons)})(?!\w)",
            "POD": rf"(?:{lex.alternation(lex.parts_of_day)})(?!\w)",
            "HOLIDAY": rf"(?:{lex.alternation(lex.holidays)})(?!\w)",
            "DECADEWORD": rf"(?:{lex.alternation(lex.decade_words)})(?!\w)",
            "PRE": (
                r"(?:(?P<pre>early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle)\s+of)"
                r"[\s\-]+)?"
            ),
        }
        # No name is another followed by more words, so at most one can match at a place and the
        # tree of shared prefixes finds what the plain list would.
        self.not_dates = re.compile(r"(?<!\w)(?:" + lex.alternation(lex.not_dates) + r")(?!\w)", re.IGNORECASE)
        specs: list[tuple[str, str, Builder]] = [
            ("iso", r"(?<![\d/\-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d\-]|T\d)", self._iso),
            (
                "numeric",
                r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![\d/.\-]\d|\d)",
                self._numeric,
            ),
            # A day and month in figures without a year ("on 25/09", "by 09/25", "from 24.7.") is a
            # date only after a word that introduces one: bare "3/4" is a fraction, "2/1" odds or a score.
            (
                "numeric_short",
                r"(?:(?<=\bon )|(?<=\bby )|(?<=\bfrom )|(?<=\buntil )|(?<=\btill )|(?<=\bsince )|(?<=\bbefore )|"
                r"(?<=\bafter )|(?<=\bdated )|(?<=\bthrough )|(?<=\bdue )|(?<=\beffective )|(?<=\bas of ))"
                r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|[.,:]\d|\s*(?:%|percent|odds|of\b|on\b|against\b|split\b))",
                self._numeric_short,
            ),
            (
                "numeric_dotted",
                r"(?:(?<=\bon )|(?<=\bfrom )|(?<=\buntil )|(?<=\bsince )|(?<=\bdated ))"
                r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?![\d.])",
                self._numeric_short,
            ),
            (
                "dmy",
                r"(?:(?P<wd>{WEEKDAY})(?:,\s*|\s+)(?:the\s+)?)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})"
                r"(?:(?:,\s*|\s+)(?P<y>{YEAR})|\s+(?P<rely>this|last|next)\s+year)?",
                self._date,
            ),
            (
                "mdy",
                r"(?:(?P<wd>{WEEKDAY})(?:,\s*|\s+)|(?P<det>last|next|this\s+past|this\s+coming)\s+)?"
                r"(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})"
                r"(?:(?:,\s*|\s+)(?P<y>{YEAR})|\s+(?P<rely>this|last|next)\s+year)?",
                self._date,
            ),
            (
                "range_dmy",
                r"(?P<btw>between\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?"
                r"(?:\s*[-–—]\s*|\s+(?P<sep>to|and|until|till|through)\s+)"
                r"(?P<d2>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})(?:(?:,\s*|\s+)(?P<y>{YEAR}))?",
                self._range,
            ),
            (
                "range_mdy",
                r"(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:\s*[-–—]\s*|\s+(?P<sep>to|until|till|through)\s+)"
                r"(?:(?P<m>{MONTH})\s+)?(?P<d2>{DAY})(?:,\s*(?P<y>{YEAR}))?",
                self._range,
            ),
            # The same runs told with their weekdays ("Monday 1 to Wednesday 3 July"), found
            # from the weekday: the plain runs above are many, and these few.
            (
                "range_dmy_weekdays",
                r"(?P<btw>between\s+)?(?P<wd1>{WEEKDAY}),?\s+(?:the\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?"
                r"(?:\s*[-–—]\s*|\s+(?P<sep>to|and|until|till|through)\s+)"
                r"(?:(?P<wd2>{WEEKDAY}),?\s+(?:the\s+)?)?(?P<d2>{DAY})(?:\s+of)?\s+(?P<m>{MONTH})"
                r"(?:(?:,\s*|\s+)(?P<y>{YEAR}))?",
                self._range,
            ),
            (
                "range_mdy_weekdays",
                r"(?P<wd1>{WEEKDAY}),?\s+(?P<m1>{MONTH})\s+(?P<d1>{DAY})"
                r"(?:\s*[-–—]\s*|\s+(?P<sep>to|until|till|through)\s+)"
                r"(?:(?P<wd2>{WEEKDAY}),?\s+)?(?:(?P<m>{MONTH})\s+)?(?P<d2>{DAY})(?:,\s*(?P<y>{YEAR}))?",
                self._range,
            ),
            (
                "ordinal_of",
                r"(?:(?P<wd>{WEEKDAY}),?\s+)?the\s+(?P<o>{ORD})\s+of\s+(?P<m>{MONTH})"
                r"(?:(?:,\s*|\s+)(?P<y>{YEAR})|\s+(?P<rely>this|last|next)\s+year)?",
                self._date,
            ),
            (
                "day_of_month",
                r"(?:(?P<wd>{WEEKDAY}),?\s+)?the\s+(?:(?P<o>{ORD})|(?P<d>{DAY}))\s+of\s+(?P<det>this|last|next)\s+month"
                r"(?!\w|['’]s)",
                self._day_of_month,
            ),
            (
                "month_year",
                r"{PRE}(?P<m>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?:of\s+)?(?P<rely>this|last|next)\s+year)",
                self._month,
            ),
            (
                "month",
                r"(?:(?P<det>last|next|this\s+past|this\s+coming|this|early|late|mid|earlier\s+in|later\s+in|"
                r"the\s+(?:end|beginning|start|middle)\s+of)[\s\-]+)?(?P<m>{MONTH})(?!\s*\d)",
                self._month,
            ),
            (
                "weekday",
                r"(?:(?P<det>last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous|the\s+following|"
                r"early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?P<poss>['’]s)?(?:\s+(?P<pod>{POD}))?"
                r"(?:\s+(?P<relw>last|this|next)\s+week(?!\w)|\s+(?P<wk>week)(?:['’]s)?(?![\w'’-]))?",
                self._weekday,
            ),
            (
                "holiday",
                r"(?:(?P<det>last|next|this)\s+)?(?P<h>{HOLIDAY})(?:,?\s+(?P<y>{YEAR})|\s+(?P<rely>this|last|next)\s+year)?",
                self._holiday,
            ),
            (
                "relative_day",
                r"(?:(?P<det>early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|"
                r"the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)(?:['’]s)?(?:\s+(?P<pod>{POD}))?",
                self._relative_day,
            ),
            ("this_part_of_day", r"(?P<w>this|last)\s+(?P<pod>{POD})", self._relative_day),
            (
                "day_anaphora",
                r"(?:(?P<pre>earlier|later)\s+)?(?P<same>that|the\s+same|that\s+same)\s+(?P<u>day|morning|afternoon|"
                r"evening|night)(?!\w)|the\s+(?P<rel>next|following|previous|preceding)\s+(?P<u2>day|morning|afternoon|"
                r"evening|night)(?!\w)|the\s+day\s+(?P<dir>before|after)(?=\s*[.,;])",
                self._day_anaphora,
            ),
            (
                "ago",
                r"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|over|roughly|around|just|only)\s+)?"
                r"(?P<n>{NUM}|a\s+few|a\s+couple\s+of|several|a|an)[\s\-]+(?P<u>{UNIT})\s+(?:or\s+so\s+)?"
                r"(?P<dir>ago|earlier|later|from\s+now|hence)(?!\w)",
                self._ago,
            ),
            (
                "relative_unit",
                r"{PRE}(?P<det>last|this|next|the\s+past|the\s+previous|the\s+coming|the\s+current|"
                r"the\s+following|the\s+latest|the\s+last|this\s+past|that)\s+"
                r"(?P<u>week|weekend|month|year|quarter|decade|century)(?P<poss>['’]s)?(?!\w)",
                self._relative_unit,
            ),
            (
                "week_on",
                r"a\s+week\s+(?:on\s+(?P<wd>{WEEKDAY})|(?P<w>today|tomorrow))(?!\w)",
                self._week_on,
            ),
            (
                "unit_before_last",
                r"the\s+(?P<u>week|weekend|month|year)\s+(?P<w>before\s+last|after\s+next)(?!\w)",
                self._unit_before_last,
            ),
            ("the_weekend", r"(?P<det>the)\s+(?P<u>weekend)(?!\w)", self._relative_unit),
            (
                "the_year",
                r"(?P<det>the\s+(?:full|current|latest)|the)\s+(?:fiscal\s+)?(?P<u>year)(?!\w|['’]s|\s+\d|\s+(?:before|after|earlier|later|ago|in\b))",
                self._the_year,
            ),
            ("year_end", r"(?:around\s+)?(?P<u>year)(?:[\s\-]|['’]s\s+)end(?!\w)", self._the_year),
            (
                "earlier_in",
                r"(?P<pre>earlier|later)\s+in\s+the\s+(?P<u>week|month|year)(?!\w)",
                self._relative_unit,
            ),
            (
                "end_of_the",
                r"(?P<pre>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<u>week|month|year)(?!\w)",
                self._relative_unit,
            ),
            (
                "quarter",
                r"(?:the\s+|its\s+)?(?:(?P<y1>{YEAR})\s+|(?P<rely>this|last|next)\s+year['’]s\s+)?"
                r"(?:(?:fiscal|calendar)[\s\-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s\-]+"
                r"(?:fiscal[\s\-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR}))?(?!\w)",
                self._quarter,
            ),
            ("q_number", r"(?-i:\bQ(?P<q>[1-4]))(?:\s+(?P<y>{YEAR}))?(?!\w)", self._quarter),
            (
                "quarter_ref",
                r"(?:the|this|that|its)\s+(?:(?P<y>{YEAR})\s+|(?P<rel>(?:comparable\s+)?year[\s\-](?:ago|earlier)|"
                r"latest|current|same|previous|prior|preceding|comparable)\s+)?(?:(?P<q>first|second|third|fourth)"
                r"[\s\-]+)?(?:fiscal\s+)?(?P<noun>quarter|period)(?!\w|-(?!end\b)\w)",
                self._quarter_ref,
            ),
            ("year_ago_adjective", r"(?P<rel>year[\s\-](?:ago|earlier))(?!\w)", self._quarter_ref),
            (
                "half",
                r"the\s+(?P<h>first|second|last|latter)\s+half\s+of\s+(?:(?P<y>{YEAR})|(?P<rely>this|last|next)\s+year|"
                r"the\s+year)",
                self._half,
            ),
            (
                "season",
                r"(?:(?P<det>last|this\s+past|this|next|the|early|late|mid)[\s\-]+)?(?:(?P<mod>early|late|mid)[\s\-]+)?"
                r"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?:of\s+)?(?P<rely>this|last|next)\s+year(?!\w))?",
                self._season,
            ),
            (
                "decade",
                r"(?:the\s+)?(?:(?P<mod>early|late|mid)[\s\-]+)?(?P<d>(?:1[5-9]|20)\d0)['’]?s(?!\w)",
                self._decade,
            ),
            ("decade_short", r"the\s+(?:(?P<mod>early|late|mid)[\s\-]+)?['’](?P<d>\d0)s(?!\w)", self._decade),
            ("decade_word", r"the\s+(?:(?P<mod>early|late|mid)[\s\-]+)?(?P<dw>{DECADEWORD})", self._decade),
            ("century", r"(?:the\s+)?(?P<o>{ORD})[\s\-]+century(?!\w)", self._century),
            (
                "year",
                r"{PRE}(?:(?P<fiscal>fiscal(?:\s+year)?)\s+|the\s+year\s+)?(?P<y>{YEAR})(?:['’]s)?(?!\s*[\-–/]\s*\d)",
                self._year,
            ),
            (
                "spelled_year",
                r"(?:the\s+year\s+)?(?P<w>nineteen[\s\-]+(?:hundred\s+(?:and\s+)?)?[a-z]+(?:[\s\-](?:one|two|three|four|"
                r"five|six|seven|eight|nine))?|two\s+thousand(?:\s+and\s+[a-z]+)?)(?!\w)",
                self._spelled_year,
            ),
            (
                "reference",
                r"(?P<w>right\s+now|now|currently|(?:then[\s\-]+)?current(?=\s+\w)(?!\s+(?:account|accounts|affairs|assets|"
                r"liabilities)\b)|nowadays|these\s+days|at\s+present|presently|recently|lately|"
                r"the\s+past|the\s+near\s+future|the\s+future|in\s+future|the\s+near\s+term|"
                r"recent\s+(?:days|weeks|months|years)|(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters)|"
                r"the\s+short\s+term|a\s+later\s+date|the\s+(?:last|past)\s+few\s+(?:days|weeks|months|years)|"
                r"past\s+years)(?!\w)",
                self._reference,
            ),
            (
                "soon",
                r"(?:(?:will|may|might|could|would|should|shall|to)\s+(?P<w>soon)(?!\s+(?:after|afterwards?|before|as)\b)|"
                r"(?<!as\s)(?<!\w)(?P<w2>soon)\s+(?:will|may|might|could|would|should|shall)\b)",
                self._soon,
            ),
            (
                "duration",
                r"(?:the\s+(?P<det>past|last|next|first|coming|previous|following)\s+)?"
                r"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|roughly|around|just|only|up\s+to|"
                r"at\s+least)\s+)?(?P<n>{NUM}|a\s+few|a\s+couple\s+of|several|a|an)[\s\-]+(?P<u>{UNIT})",
                self._duration,
            ),
            (
                "time",
                r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?-i:[A-Z]{2,4})\b)?"
                r"(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|today|yesterday|tomorrow))?",
                self._time,
            ),
        ]
        self.trigger_words = self._trigger_words(lex)
        self.trigger_scan = _word_scan(lex, self.trigger_words)
        figures = tuple("123456789")  # a day of the month holds one of them, as does a year (1600-2099)
        required = {
            "dmy": figures,
            "range_dmy": figures,
            "range_mdy": figures,
            "range_dmy_weekdays": figures,
            "range_mdy_weekdays": figures,
            "mdy": figures,
            "ordinal_of": ("of",),
            "day_of_month": ("month",),
            "month_year": (*figures, "year"),
            "the_weekend": ("weekend",),
            "the_year": ("year",),
            "year_end": ("year",),
            "earlier_in": ("earlier", "later"),
            "quarter": ("quarter",),
            "q_number": ("q",),
            "quarter_ref": ("quarter", "period"),
            "year_ago_adjective": ("year",),
            "iso": ("-",),
            "week_on": ("week",),
            "unit_before_last": ("before", "after"),
            "end_of_the": ("end", "beginning", "start", "middle"),
        }

        self.digit_triggers = {
            "numeric": regex.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d"),
            "numeric_short": regex.compile(r"\d/\d"),
            "numeric_dotted": regex.compile(r"\d\.\d{1,2}\.(?!\d)"),
            "time": regex.compile(r"\d\s*[ap]\.?m", regex.IGNORECASE),
        }
        trigger_of = {
            "dmy": "month",
            "range_dmy": "month",
            "range_mdy": "month",
            "range_dmy_weekdays": "weekday",
            "range_mdy_weekdays": "weekday",
            "mdy": "month",
            "ordinal_of": "month",
            "month_year": "month",
            "month": "month",
            "this_part_of_day": "part_of_day",
            "relative_unit": "unit",
            "day_of_month": "unit",
            "earlier_in": "unit",
            "end_of_the": "unit",
            "the_weekend": "unit",
            "unit_before_last": "unit",
            "week_on": "unit",
            "the_year": "unit",
            "year_end": "unit",
            "q_number": "quarter",
            "quarter_ref": "quarter",
            "year_ago_adjective": "quarter",
            "decade_short": "decade",
            "decade_word": "decade",
        }
        self.patterns = []
        for name, source, build in specs:
            for key, part in parts.items():
                source = source.replace("{" + key + "}", part)
            trigger = trigger_of.get(name, name)
            # Every expression starts at a word boundary: "now" is not in "know". The standard
            # library's engine runs these ASCII-only patterns faster than ``regex``.
            compiled = re.compile(r"(?<!\w)(?:" + source + ")", re.IGNORECASE)
            words = required.get(name)
            sieve = re.compile("|".join(map(re.escape, words))) if words else None
            if name == "holiday":
                # Every match holds a holiday's name; "year" triggers the pattern (New Year's Day)
                # and is common, so only the windows with a whole name are scanned.
                sieve = re.compile(parts["HOLIDAY"].removesuffix(r"(?!\w)"))
            self.patterns.append(_Pattern(name, compiled, build, trigger, sieve))

    # -- builders ------------------------------------------------------------------------------------

    def _iso(self, m: re.Match[str], text: str) -> Expression | None:
        month, day = int(m.group("m")), int(m.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _expr(m, Kind.ABSOLUTE, year=int(m.group("y")), month=month, day=day)

    def _numeric(self, m: re.Match[str], text: str) -> Expression | None:
        a, b, year_text = int(m.group("a")), int(m.group("b")), m.group("y")
        if m.group("sep") == "." and len(year_text) == 2:
            return None  # 1.5.24 is more often a version or a score than a date
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        if len(year_text) == 2 and year > 2069:
            year -= 100
        readings = tuple((month, day) for month, day in ((b, a), (a, b)) if 1 <= month <= 12 and 1 <= day <= 31)
        if not readings:
            return None
        unique = tuple(dict.fromkeys(readings))
        month, day = unique[0] if len(unique) == 1 else (None, None)
        return _expr(m, Kind.NUMERIC, year=year, month=month, day=day, readings=unique)

    def _numeric_short(self, m: re.Match[str], text: str) -> Expression | None:
        a_text, b_text = m.group("a"), m.group("b")
        if text[max(0, m.start() - 3) : m.start()].lower() == "by " and len(a_text) == len(b_text) == 1:
            return None  # "cut by 1/2" is a fraction; "by 09/25" and "by 25/9" are dates
        a, b = int(a_text), int(b_text)
        readings = tuple((month, day) for month, day in ((b, a), (a, b)) if 1 <= month <= 12 and 1 <= day <= 31)
        if not readings:
            return None
        unique = tuple(dict.fromkeys(readings))
        month, day = unique[0] if len(unique) == 1 else (None, None)
        return _expr(m, Kind.NUMERIC, month=month, day=day, readings=unique)

    def _date(self, m: re.Match[str], text: str) -> Expression | None:
        if not _capitalised(m, "m"):
            return None
        month_word = _words(m, "m")
        month = self.lex.months[month_word]
        told = self._day_and_weekday(m)
        if told is None:
            return None
        day, weekday = told
        rely = _group(m, "rely")
        det = _words(m, "det")
        return _expr(
            m,
            Kind.ABSOLUTE,
            year=_year(m.group("y")),
            month=month,
            day=day,
            weekday=weekday,
            modifier=det or None,
            year_offset=_OFFSETS[rely.lower()] if rely else None,
        )

    def _day_and_weekday(self, m: re.Match[str]) -> tuple[int, int | None] | None:
        """The day of the month (an ordinal word or figures) and the weekday written before it, if any.

        None when the weekday is not capitalised ("monday" is no name of a day in news copy).
        """
        if _group(m, "o"):
            day = self.lex.ordinals[_words(m, "o").replace(" ", "-")]
        else:
            day = int(_DIGITS.match(m.group("d")).group())  # type: ignore[union-attr]
        if not m.group("wd"):
            return day, None
        if not _capitalised(m, "wd"):
            return None
        return day, self.lex.weekdays[_words(m, "wd")]

    def _day_of_month(self, m: re.Match[str], text: str) -> Expression | None:
        """A day of a month told relative to publication: "the 1st of next month"."""
        told = self._day_and_weekday(m)
        if told is None:
            return None
        day, weekday = told
        return _expr(m, Kind.RELATIVE, unit="M", offset=_OFFSETS[_words(m, "det")], day=day, weekday=weekday)

    def _range(self, m: re.Match[str], text: str) -> Expression | None:
        """A run of days: "1-3 August", "between 1 and 3 August", "August 1-3", "30 December to 2 January 2025"."""
        groups = m.groupdict()
        if not all(_capitalised(m, name) for name in ("m1", "m", "wd1", "wd2") if groups.get(name)):
            return None
        if groups.get("sep") == "and" and not groups.get("btw"):
            return None  # "1 and 3 August" names two days, not the days between them
        first_month = self.lex.months[_words(m, "m1" if groups.get("m1") else "m")]
        last_month = self.lex.months[_words(m, "m" if groups.get("m") else "m1")]
        first_day, last_day = (int(_DIGITS.match(m.group(name)).group()) for name in ("d1", "d2"))  # type: ignore[union-attr]
        year = _year(groups.get("y") or "")
        crosses = (last_month, last_day) < (first_month, first_day)
        if (crosses and (first_month, last_month) != (12, 1)) or (last_month, last_day) == (first_month, first_day):
            return None  # a run goes forward, over New Year at most
        first_year = None if year is None else year - 1 if crosses else year
        # 29 February stands when no year is written; a written one must have it.
        for y, month, day in ((first_year or 2000, first_month, first_day), (year or 2000, last_month, last_day)):
            if day > calendar.monthrange(y, month)[1]:
                return None  # "30-31 September": the impossible day is read, and flagged, alone
        weekday, last_weekday = (
            self.lex.weekdays[_words(m, name)] if groups.get(name) else None for name in ("wd1", "wd2")
        )
        return _expr(
            m,
            Kind.RANGE,
            year=first_year,
            month=first_month,
            day=first_day,
            weekday=weekday,
            last_month=last_month,
            last_day=last_day,
            last_weekday=last_weekday,
        )

    def _month(self, m: re.Match[str], text: str) -> Expression | None:
        if not _capitalised(m, "m"):
            return None
        word = _words(m, "m")
        year = _year(_group(m, "y") or "")
        rely = _group(m, "rely")
        det = _words(m, "det") if _group(m, "det") else ""
        pre = _words(m, "pre") if _group(m, "pre") else det
        if year is None and rely is None and not self._month_alone_ok(m, text, word, det):
            return None
        offset = None
        modifier = None
        if det in ("last", "next", "this", "this past", "this coming"):
            modifier = det
        return _expr(
            m,
            Kind.MONTH,
            year=year,
            month=self.lex.months[word],
            modifier=modifier,
            offset=offset,
            year_offset=_OFFSETS[rely.lower()] if rely else None,
            mod=_modifier(pre),
        )

    def _month_alone_ok(self, m: re.Match[str], text: str, word: str, det: str) -> bool:
        after = text[m.end() : m.end() + 30]
        before = text[max(0, m.start() - 30) : m.start()]
        # A capitalised word next to the month makes it part of a name: "Theresa May", "April Ryan".
        if _NAME_AFTER.match(after) and not _AND_OR_AFTER.match(after):
            return False
        previous = _WORD_BEFORE.search(before)
        if det:
            return True  # "last May", "early March": the modifier makes it a month
        if (
            previous
            and previous.group(1)[0].isupper()
            and not _sentence_start(text, max(0, m.start() - 30) + previous.start(1))
            and previous.group(1).lower() not in self.lex.months
        ):
            return False
        if word not in self.lex.ambiguous_months:
            return True
        if det:
            return True
        cue = previous.group(1).lower() if previous else ""
        if cue in _CUES_BEFORE_MONTH:
            # "the march on Washington" is lower case; "by May" still could be the politician,
            # so a name-like follower is excluded above and a verb-like one here.
            return not _VERB_AFTER.match(after)
        return False

    def _weekday(self, m: re.Match[str], text: str) -> Expression | None:
        if not _capitalised(m, "wd"):
            return None
        word = _words(m, "wd")
        if word in self.lex.ambiguous_weekdays:
            return None
        det = _words(m, "det")
        pod = self.lex.parts_of_day.get(_words(m, "pod")) if m.group("pod") else None
        modifier = (
            det
            if det
            in (
                "last",
                "next",
                "this",
                "coming",
                "past",
                "this coming",
                "this past",
                "the previous",
                "the following",
            )
            else None
        )
        if m.group("wk"):
            # "Tuesday week": a week after the coming Tuesday (a British turn of phrase).
            return _expr(m, Kind.WEEKDAY, weekday=self.lex.weekdays[word], modifier="week on", time=pod)
        relw = m.group("relw")
        if relw:
            # "Monday last week": that weekday of the week before the publication's.
            return _expr(
                m, Kind.WEEKDAY, weekday=self.lex.weekdays[word], unit="W", offset=_OFFSETS[relw.lower()], time=pod
            )
        return _expr(m, Kind.WEEKDAY, weekday=self.lex.weekdays[word], modifier=modifier, time=pod, mod=_modifier(det))

    def _week_on(self, m: re.Match[str], text: str) -> Expression | None:
        """Read "a week on Tuesday" (a week after the coming Tuesday), "a week today", "a week tomorrow"."""
        if m.group("wd") is None:
            return _expr(m, Kind.RELATIVE, unit="D", offset=7 if _words(m, "w") == "today" else 8)
        if not _capitalised(m, "wd"):
            return None
        return _expr(m, Kind.WEEKDAY, weekday=self.lex.weekdays[_words(m, "wd")], modifier="week on")

    def _unit_before_last(self, m: re.Match[str], text: str) -> Expression | None:
        """Read "the week before last", "the year after next": two units back or ahead."""
        unit = {"week": "W", "weekend": "WE", "month": "M", "year": "Y"}[_words(m, "u")]
        return _expr(m, Kind.RELATIVE, unit=unit, offset=-2 if _words(m, "w").startswith("before") else 2)

    def _holiday(self, m: re.Match[str], text: str) -> Expression | None:
        if not _capitalised(m, "h"):
            return None
        holiday = self.lex.holidays.get(_words(m, "h").replace(" .", "."))
        if holiday is None:  # a letter outside ASCII the case-blind pattern let in: "Chriſtmas"
            return None
        det = _words(m, "det")
        rely = m.group("rely")
        return _expr(
            m,
            Kind.HOLIDAY,
            holiday=holiday,
            year=_year(m.group("y") or ""),
            year_offset=_OFFSETS[rely.lower()] if rely else None,
            modifier=det or None,
        )

    def _relative_day(self, m: re.Match[str], text: str) -> Expression | None:
        word = _words(m, "w")
        offsets = {
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
            "yesterday": -1,
            "today": 0,
            "tonight": 0,
            "tomorrow": 1,
            "this": 0,
            "last": -1,
        }
        pod = self.lex.parts_of_day.get(_words(m, "pod")) if m.group("pod") else None
        if m.group("w") == "Today" and _ACRONYM_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            return None  # "USA Today", "VOA Today": a title
        if word == "tonight":
            pod = "NI"
        if word == "last" and pod != "NI":
            return None  # "last evening" is rare; "last morning" is not a date
        det = _words(m, "det") if _group(m, "det") else ""
        return _expr(m, Kind.RELATIVE, unit="D", offset=offsets[word], time=pod, mod=_modifier(det))

    def _day_anaphora(self, m: re.Match[str], text: str) -> Expression | None:
        """Read "that same day", "the next morning", "the day before": counted from the story's last day."""
        rel = _words(m, "rel") or {"before": "previous", "after": "next"}.get(_words(m, "dir"), "")
        offset = 1 if rel in ("next", "following") else -1 if rel in ("previous", "preceding") else 0
        part = _words(m, "u") or _words(m, "u2")
        pod = self.lex.parts_of_day.get(part)
        return _expr(m, Kind.ANAPHORIC, unit="D", offset=offset, time=pod)

    def _ago(self, m: re.Match[str], text: str) -> Expression | None:
        unit, amount = _in_weeks(self.lex.units[_words(m, "u")], self._amount(_words(m, "n")))
        if unit in ("H", "MIN"):
            return None
        direction = _words(m, "dir")
        if unit in ("DE", "CE") and amount is not None:
            # "a decade ago" points at a year, ten years back, not at a decade.
            amount, unit = amount * (10 if unit == "DE" else 100), "Y"
        if direction in ("ago", "from now", "hence"):
            sign = -1 if direction == "ago" else 1
            return _expr(
                m,
                Kind.RELATIVE,
                unit=unit,
                offset=None if amount is None else sign * amount,
                modifier="approximate" if amount is None else None,
            )
        sign = -1 if direction == "earlier" else 1
        return _expr(m, Kind.ANAPHORIC, unit=unit, offset=None if amount is None else sign * amount)

    def _amount(self, words: str) -> int | None:
        if words in ("a", "an"):
            return 1
        if words in ("a few", "several", "a couple of"):
            return None
        try:
            return int(float(words))
        except ValueError:
            return self.lex.number(words)

    def _relative_unit(self, m: re.Match[str], text: str) -> Expression | None:
        det = _words(m, "det") if _group(m, "det") else "this"
        pre = _words(m, "pre")
        unit_word = _words(m, "u")
        unit = {
            "week": "W",
            "weekend": "WE",
            "month": "M",
            "year": "Y",
            "quarter": "Q",
            "decade": "DE",
            "century": "CE",
        }[unit_word]
        if _title(m, text):
            return None  # ABC's "This Week": a programme
        if det == "that":
            return _expr(m, Kind.ANAPHORIC, unit=unit, offset=0)
        if det == "the":
            return _expr(m, Kind.WEEKDAY, weekday=6, modifier=None, unit="WE")
        offset = _OFFSETS[det.split()[-1]]
        if det == "the latest":
            # The latest quarter is the one the story reports on, not the one under way.
            return _expr(m, Kind.ANAPHORIC, unit=unit, offset=0)
        if det in ("the last", "the past", "the previous") and unit not in ("WE",):
            offset = -1
        if det in ("the following",):
            return _expr(m, Kind.ANAPHORIC, unit=unit, offset=1)
        kind = Kind.RELATIVE
        return _expr(
            m,
            kind,
            unit=unit,
            offset=offset,
            mod=_modifier(pre),
            modifier=pre if pre in ("earlier", "later") else None,
        )

    def _the_year(self, m: re.Match[str], text: str) -> Expression | None:
        """Read "the year", "the fiscal year" (the year of publication) and "year-end" (a 31 December)."""
        det = _words(m, "det")
        if det == "the" and _THAT_WHEN_AFTER.match(text, m.end()):
            return None  # "the year that the Wall fell" names its own year; "the current year that" does not
        if m.group().lower().endswith("end"):  # the 31 December before or after, as the tense says
            return _expr(m, Kind.ABSOLUTE, month=12, day=31)
        return _expr(m, Kind.RELATIVE, unit="Y", offset=-1 if det == "the latest" else 0)

    def _quarter(self, m: re.Match[str], text: str) -> Expression | None:
        q_word = _words(m, "q")
        q = int(q_word) if q_word.isdigit() else self.lex.ordinals[q_word]
        year = _year(_group(m, "y") or "") or _year(_group(m, "y1") or "")
        rely = _group(m, "rely")
        return _expr(m, Kind.QUARTER, year=year, part=q, year_offset=_OFFSETS[rely.lower()] if rely else None)

    def _quarter_ref(self, m: re.Match[str], text: str) -> Expression | None:
        rel = _words(m, "rel").replace("-", " ")
        noun = _words(m, "noun") if _group(m, "noun") else ""
        q_word = _words(m, "q") if _group(m, "q") else ""
        year = _year(_group(m, "y") or "")
        if noun == "period" and not (rel or year or q_word):
            return None
        part = self.lex.ordinals[q_word] if q_word else None
        if "year" in rel:
            return _expr(m, Kind.ANAPHORIC, unit="Q" if (noun or q_word) else "FOCUS", offset=-4, part=part)
        if year is not None:
            return _expr(m, Kind.QUARTER, year=year, part=part, modifier="focus" if part is None else None)
        if rel in ("previous", "prior", "preceding"):
            return _expr(m, Kind.ANAPHORIC, unit="Q", offset=-1, part=part)
        return _expr(m, Kind.ANAPHORIC, unit="Q", offset=0, part=part)

    def _half(self, m: re.Match[str], text: str) -> Expression | None:
        half = 1 if _words(m, "h") == "first" else 2
        rely = m.group("rely")
        year = _year(m.group("y") or "")
        if year is None and rely is None:
            return _expr(m, Kind.HALF, part=half, year_offset=0)
        return _expr(m, Kind.HALF, part=half, year=year, year_offset=_OFFSETS[rely.lower()] if rely else None)

    def _season(self, m: re.Match[str], text: str) -> Expression | None:
        det = _words(m, "det")
        season_word = _words(m, "s")
        year = _year(m.group("y") or "")
        rely = m.group("rely")
        if year is None and rely is None:
            if not det or (det in ("the", "early", "late", "mid") and season_word in ("fall", "spring")):
                return None
            if det == "the" and _OF_AFTER.match(text, m.end()):
                return None  # "the fall of the Berlin Wall"
        modifier = det if det in ("last", "this past", "this", "next") else None
        return _expr(
            m,
            Kind.SEASON,
            year=year,
            year_offset=_OFFSETS[rely.lower()] if rely else None,
            part=self.lex.seasons[season_word],
            modifier=modifier,
            mod=_modifier(_words(m, "mod") or det),
        )

    def _decade(self, m: re.Match[str], text: str) -> Expression | None:
        groups = m.groupdict()
        if groups.get("dw"):
            year = 1900 + 10 * self.lex.decade_words[_words(m, "dw")]
        elif groups.get("d") and len(m.group("d")) == 2:
            year = 1900 + int(m.group("d"))
        else:
            year = int(m.group("d"))
        return _expr(m, Kind.DECADE, year=year, mod=_modifier(_words(m, "mod")))

    def _century(self, m: re.Match[str], text: str) -> Expression | None:
        number = self.lex.ordinals[_words(m, "o").replace(" ", "-")]
        return _expr(m, Kind.CENTURY, year=(number - 1) * 100)

    def _year(self, m: re.Match[str], text: str) -> Expression | None:
        year = int(m.group("y"))
        if not (m.group("pre") or m.group("fiscal")) and not self._year_alone_ok(m, text):
            return None
        return _expr(m, Kind.YEAR, year=year, mod=_modifier(_words(m, "pre")))

    def _year_alone_ok(self, m: re.Match[str], text: str) -> bool:
        before = text[max(0, m.start("y") - 25) : m.start("y")]
        after = text[m.end() : m.end() + 25]
        previous = _CUE_BEFORE.search(before)
        cue = previous.group(1).lower() if previous else ""
        if _NUMBER_LABEL_BEFORE.search(before):
            return False
        if cue in _DATE_PREPOSITIONS:
            return True
        # "2000 troops", "1600 Pennsylvania Avenue": a count or an address, not a year.
        return not _COUNT_AFTER.match(after)

    def _spelled_year(self, m: re.Match[str], text: str) -> Expression | None:
        words = _words(m, "w")
        if words.startswith("two thousand"):
            rest = words.removeprefix("two thousand").removeprefix(" and").strip()
            extra = self.lex.number(rest) if rest else 0
            return None if extra is None else _expr(m, Kind.YEAR, year=2000 + extra)
        rest = _NINETEEN.sub("", words)
        value = self.lex.number(rest)
        if value is None or value >= 100:
            return None
        return _expr(m, Kind.YEAR, year=1900 + value)

    def _reference(self, m: re.Match[str], text: str) -> Expression | None:
        word = _words(m, "w")
        if word in ("recently", "lately", "the past", "past years") or word.startswith(
            ("recent", "the last", "the past", "then")
        ):
            ref = "PAST_REF"
        elif "future" in word or "coming" in word or word in ("the near term", "the short term", "a later date"):
            ref = "FUTURE_REF"
        else:
            ref = "PRESENT_REF"
        return _expr(m, Kind.REFERENCE, ref=ref)

    def _soon(self, m: re.Match[str], text: str) -> Expression | None:
        """Read "will soon", "may soon", "soon will": a future seen from publication, unlike "was soon released"."""
        group = "w" if m.group("w") else "w2"
        return Expression(
            start=m.start(group),
            end=m.end(group),
            text=m.group(group),
            kind=Kind.REFERENCE,
            type=TimexType.DATE,
            ref="FUTURE_REF",
        )

    def _duration(self, m: re.Match[str], text: str) -> Expression | None:
        amount_words = _words(m, "n")
        unit, amount = _in_weeks(self.lex.units[_words(m, "u")], self._amount(amount_words))
        if amount_words in ("a", "an") and _after_frequency_word(text, m.start()):
            return None  # "once a week" is a frequency
        if _words(m, "u") == "quarter" and _COMPOUND_AFTER.match(text, m.end()):
            return None  # "a quarter-century": a compound, not a quarter of the year
        number = "X" if amount is None else str(amount)
        letter = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE"}.get(unit)
        value = f"PT{number}{unit[0]}" if unit in ("H", "MIN") else f"P{number}{letter}"
        return _expr(m, Kind.DURATION, type=TimexType.DURATION, duration=value, unit=unit, offset=amount)

    def _time(self, m: re.Match[str], text: str) -> Expression | None:
        hour = int(m.group("h"))
        minute = int(m.group("mi") or 0)
        if not (1 <= hour <= 12 and minute < 60):
            return None
        if m.group("ap").lower().startswith("p") and hour != 12:
            hour += 12
        elif m.group("ap").lower().startswith("a") and hour == 12:
            hour = 0
        day_word = _words(m, "wd")
        weekday = self.lex.weekdays.get(day_word)
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(day_word)
        return _expr(
            m,
            Kind.TIME,
            type=TimexType.TIME,
            weekday=weekday,
            time=f"{hour:02d}:{minute:02d}",
            unit="D" if offset is not None else None,
            offset=offset,
        )

    # -- running -------------------------------------------------------------------------------------

    @staticmethod
    def _trigger_words(lex: Lexicon) -> dict[str, set[str]]:
        """Lower-case word -> the keys of the patterns whose matches contain it."""
        table: dict[str, set[str]] = {}

        def add(key: str, words: Iterable[str]) -> None:
            for word in words:
                for part in regex.findall(r"[a-z0-9]+", word.lower()):
                    table.setdefault(part, set()).add(key)

        add("month", lex.months)
        add("weekday", lex.weekdays)
        # One word of each name is enough to find it, and the longest is the telling one: the first
        # word would be "the" (the Fourth of July) or "st", and "valentine's" would add "s".
        add("holiday", (max(regex.findall(r"[a-z0-9]+", h.lower()), key=len) for h in lex.holidays))
        add("relative_day", ["today", "tonight", "tomorrow", "yesterday"])
        add("day_anaphora", ["day", "morning", "afternoon", "evening", "night"])
        add("part_of_day", lex.parts_of_day)
        add("ago", ["ago", "earlier", "later", "now", "hence"])
        add("unit", ["week", "weekend", "month", "year", "quarter", "decade", "century"])
        add("duration", lex.units)
        # "Q2" is two tokens to the trigger scan, "Q" and "2": "q2" would never be seen.
        add("quarter", ["quarter", "period", "q", "year"])
        add("half", ["half"])
        add("season", lex.seasons)
        add("decade", lex.decade_words)
        add("century", ["century"])
        add("soon", ["soon"])
        add("spelled_year", ["nineteen", "thousand"])
        add(
            "reference",
            [
                "now",
                "currently",
                "current",
                "nowadays",
                "days",
                "present",
                "presently",
                "recent",
                "recently",
                "lately",
                "past",
                "future",
                "term",
                "coming",
                "later",
                "few",
                "years",
            ],
        )
        return table

    def windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """For each pattern key, the stretches of ``text`` around words its matches contain, merged.

        The patterns only run there: most of an article holds no time word, and
        scanning all of it with every pattern would cost most of the time.
        """
        lowered = text.lower()
        if (
            self.trigger_scan is not None
            and len(lowered) == len(text)
            and _LOWERS_TO_ASCII not in text
            and not _WORD_AFTER_FIGURES.search(text)
        ):
            hits = self._scanned_hits(text, lowered, self.trigger_scan)
        else:
            hits = self._token_hits(text)
        for key, pattern in self.digit_triggers.items():
            hits[key] = [m.span() for m in pattern.finditer(text)]
        return {key: _merged_windows(text, spans) for key, spans in hits.items()}

    def _token_hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """The spans of the trigger words of each key, from every token of ``text``."""
        hits: dict[str, list[tuple[int, int]]] = {}
        for token in _TOKEN.finditer(text):
            word = token.group().lower()
            keys: frozenset[str] | set[str] | None = self.trigger_words.get(word)
            if keys is None and word[0].isdigit():
                keys = (
                    _YEAR_KEYS if len(word) == 4 and word.isdigit() else _DECADE_KEYS if word.endswith("0s") else None
                )
            for key in keys or ():
                hits.setdefault(key, []).append(token.span())
        return hits

    def _scanned_hits(self, text: str, lowered: str, scan: re.Pattern[str]) -> dict[str, list[tuple[int, int]]]:
        """What :meth:`_token_hits` gives, with the trigger words found by one scan of the lower-cased text.

        Most words are no trigger: looking at each of them in Python cost half
        the date analysis. Holds where lowering keeps every offset and makes no
        ASCII letter of another, and no word starts inside a run of letters.
        """
        hits: dict[str, list[tuple[int, int]]] = {}
        trigger_words = self.trigger_words
        for match in scan.finditer(lowered):
            start = match.start()
            # "5pm" is one token, figures and the small letters after them: "pm" is no word there.
            if start and text[start - 1].isdecimal() and text[start].islower():
                continue
            span = match.span()
            for key in trigger_words[match.group()]:
                hits.setdefault(key, []).append(span)
        for pattern, keys in ((_YEAR_TOKEN, _YEAR_KEYS), (_DECADE_TOKEN, _DECADE_KEYS)):
            spans = [m.span() for m in pattern.finditer(text)]
            if not spans:
                continue
            for key in keys:
                # The words and the figures of one key, in the order of the text.
                hits[key] = sorted(hits.get(key, []) + spans)
        return hits

    def candidates(self, text: str) -> Iterator[tuple[int, Expression]]:
        windows = self.windows(text)
        lowered = text.lower()
        # A pattern's required words are looked for in the lower-cased text, at the offsets of
        # ``text``: not when lowering changes a length ("İ" becomes two characters), nor when the
        # text holds a letter the case-blind patterns take for an ASCII one and lowering does not ("ı", "ſ").
        sieve = len(lowered) == len(text) and not _FOLDS_TO_ASCII.search(text)
        for priority, pattern in enumerate(self.patterns):
            spans = windows.get(pattern.trigger, ())
            if sieve and pattern.required is not None:
                spans = [span for span in spans if pattern.required.search(lowered, *span)]
            for start, end in spans:
                for match in pattern.regex.finditer(text, start, end):
                    expression = pattern.build(match, text)
                    if expression is not None:
                        yield priority, expression

    def _in_a_name(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is part of a name such as "the Sunday Times"."""
        window_start = max(0, start - _REACH)
        return any(
            m.start() < end and start < m.end()
            for m in self.not_dates.finditer(text, window_start, min(len(text), end + _REACH))
        )

    def find(self, text: str) -> list[Expression]:
        chosen: list[Expression] = []
        # The spans taken so far never overlap, so in (start, end) order their ends rise
        # too: a new span overlaps one of them exactly when the last span starting
        # before its end reaches past its start. One bisection instead of a scan of all.
        taken: list[tuple[int, int]] = []
        ranked = sorted(self.candidates(text), key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start))
        for _, expression in ranked:
            span = (expression.start, expression.end)
            before = bisect.bisect_left(taken, (span[1],)) - 1
            if before >= 0 and taken[before][1] > span[0]:
                continue
            named = expression.kind in _NAMED_KINDS or (expression.kind == Kind.NUMERIC and expression.year is None)
            if named and self._in_a_name(text, *span):
                continue
            bisect.insort(taken, span)
            chosen.append(expression)
        return sorted(chosen, key=lambda e: e.start)


def _merged_windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` within reach of the spans (in text order), overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    size = len(text)
    for hit_start, hit_end in spans:
        start, end = max(0, hit_start - _REACH), min(size, hit_end + _REACH)
        # A window ends and starts between words: a pattern sees the end of a window
        # as the end of the text, so "Easter" would match in "Eastern" cut short.
        while end < size and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
        while start > 0 and text[start].isalnum() and text[start - 1].isalnum():
            start -= 1
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _word_scan(lex: Lexicon, words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching exactly the tokens of lower-cased text that are among ``words``.

    The words are written as a tree of their shared prefixes (:meth:`Lexicon.alternation`),
    so the scanner tries one branch per letter. None when a word is not all ASCII letters:
    figures make tokens of their own (see :data:`_TOKEN`) that a scan for letters would cut wrongly.
    """
    words = list(words)
    if not all(word.isascii() and word.isalpha() and word.islower() for word in words):
        return None
    return re.compile(rf"(?<![a-z])(?:{lex.alternation(words)})(?![a-z])")


def _in_weeks(unit: str, amount: int | None) -> tuple[str, int | None]:
    """A number of fortnights as twice as many weeks; any other unit as it is."""
    if unit == "FN":
        return "W", None if amount is None else 2 * amount
    return unit, amount


def _expr(match: re.Match[str], kind: str, **fields: object) -> Expression:
    fields.setdefault("type", TimexType.DATE)
    return Expression(start=match.start(), end=match.end(), text=match.group(), kind=kind, **fields)  # type: ignore[arg-type]


_SPACES_BEFORE = regex.compile(r"(?r)\s+")
# The look-arounds of the builders, compiled once rather than looked up in regex's cache per match.
_DIGITS = regex.compile(r"\d+")
_NAME_AFTER = regex.compile(r"\s+(?:[A-Z][a-z]|[A-Z]\.)")
_AND_OR_AFTER = regex.compile(r"\s+(?:and|or)\b")
_WORD_BEFORE = regex.compile(r"(\p{L}+)[\s\-]+$")
_VERB_AFTER = regex.compile(r"\s+(?:said|says|told|has|have|had|is|was|will|would|could|should)\b")
_ACRONYM_BEFORE = regex.compile(r"\b\p{Lu}{2,}\s+$")
_CUE_BEFORE = regex.compile(r"(\p{L}+\.?)\s*$")
_NUMBER_LABEL_BEFORE = regex.compile(r"(?:No\.|[Nn]umber|#|[Rr]oom|[Ff]light|[Rr]oute|[Pp]age)\s*$")
_COUNT_AFTER = regex.compile(r"\s*[-–]?\s*(?:[A-Z]|[a-z]+s\b(?!['’]))")
_NINETEEN = regex.compile(r"^nineteen[\s\-]+(?:hundred\s+(?:and\s+)?)?")
_TITLE_BEFORE = regex.compile(r"(?:['’]|\p{L})\s+[\"“]$|['’]s\s+$")
# Matched at a position in the text, never on a copy of the rest of it.
_COMPOUND_AFTER = regex.compile(r"-(?!end\b)\w")
_THAT_WHEN_AFTER = regex.compile(r"\s+(?:that|when)\b")
_OF_AFTER = regex.compile(r"\s+of\b")


def _after_frequency_word(text: str, offset: int) -> bool:
    """True when once, twice, times or per and white space come right before ``offset``.

    Reads back from ``offset`` over the white space only; searching the whole text
    before it would make each look-up as long as the text.
    """
    spaces = _SPACES_BEFORE.match(text, 0, offset)
    return spaces is not None and text.endswith(("once", "twice", "times", "per"), 0, spaces.start())


def _title(m: re.Match[str], text: str) -> bool:
    """True when a title-case phrase opens a quotation or follows a possessive: ABC's "This Week"."""
    words = m.group().split()
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    return bool(_TITLE_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))


def _sentence_start(text: str, offset: int) -> bool:
    """True when ``offset`` begins a sentence, line or quotation."""
    # Step back over spaces and opening quotes from ``offset`` rather than copy the text before it.
    end = offset
    while end > 0 and text[end - 1] in " \t\"'“‘(":
        end -= 1
    return end == 0 or text[end - 1] in ".!?\n\r:;—–-\u2028\u2029" or text.endswith(("...", "…"), 0, end)


@functools.cache
def _extractor() -> _Extractor:
    return _Extractor(lexicon())


def find_expressions(text: str) -> list[Expression]:
    """Every time expression in ``text``, in order, without overlaps.

    Expressions are as written; :func:`newsqa.dates.resolve.resolve` gives them values.
    """
    return _extractor().find(text)
