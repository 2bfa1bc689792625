"""Dates that cannot all be true: impossible days, wrong weekdays, events told out of time.

Every time reference in the article is found and resolved against the
publication date, using the tense of its clause ("on Wednesday" told in the
past is the last Wednesday on or before publication), and put on the
report's timeline in TimeML TIMEX3 value syntax. The check then flags what a
sub-editor would: a day that does not exist, a weekday that does not match
its date, an event reported as done but dated after publication (or still to
come but dated before it), one event placed on two different days, and
relative references that contradict each other or the publication date.
Without a publication date it reasons with what the text fixes, and says
under which publication dates two conflicting references could agree.
Durations ("a two-day tour", "24-hour") are kept out of every conflict.
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs
import regex

from newsqa.dates.agreement import Resolution, agreeing_resolutions, describe_agreement, resolution
from newsqa.dates.analysis import TimeMention, numeric_day_first, resolve_in, time_mentions
from newsqa.dates.events import linked_pairs
from newsqa.dates.expression import Kind
from newsqa.dates.shared import restated_sentence_pairs
from newsqa.dates.tense import Tense, verb_tense
from newsqa.document import Document
from newsqa.registry import Check, CheckResult, Rule, register_check
from newsqa.report import DateMention, Finding, JSONValue, Severity, Span

__all__ = ["DatesCheck"]

_WEEKDAY_NAMES = tuple(calendar.day_name)  # Monday first
# Words before a date that make it a limit or a starting point rather than when the event happened;
# "the quarter ended Oct. 31" names a period by its last day, often the year before.
_NOT_EVENT_DAY = regex.compile(
    r"(?:until|till|by|before|through|to|from|since|effective|starting|beginning|due|deadline|expires?|"
    r"ends?|ending|(?:quarter|half|year|period|months|weeks)\s+ended|runs?|between|after|and|or)"
    r"\s+(?:on\s+|in\s+)?(?:the\s+)?$",
    regex.IGNORECASE,
)
# Words that open a run of days ("from 1 to 3 August", "between 1 and 3 August").
_RUN_OPENER = regex.compile(r"(?:from|between)\s+$", regex.IGNORECASE)
# Text between two mentions that makes the second restate the first: "yesterday (Tuesday)".
_APPOSITION = regex.compile(r"\s*(?:\(|,|—|–|-)\s*(?:on\s+|the\s+)?")


def _month_and_day(mention: TimeMention) -> tuple[int, int] | None:
    """The month and day a mention names: written (25 September) or counted from publication (the 1st of next month)."""
    e = mention.expression
    if e.kind in (Kind.ABSOLUTE, Kind.NUMERIC) and e.month and e.day:
        return e.month, e.day
    if e.kind == Kind.RELATIVE and e.day and mention.timex.month:
        return mention.timex.month, e.day
    return None


def _day_text(day: dt.date) -> str:
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


@register_check
class DatesCheck(Check):
    """Resolves every time reference against the publication date and flags dates that cannot all be true."""

    name = "dates"
    description = "Impossible dates, wrong weekdays, events dated out of time, one event on two days."
    rules = (
        Rule(
            code="NQ401",
            name="impossible-date",
            summary="The date does not exist (31 September, 30 February, 29 February in a common year).",
            rationale="A day that is not on the calendar is a typing or fact error that readers notice.",
            severity="error",
            flagged="The ceasefire was agreed on 31 September 2024 in Doha.",
            fixed="The ceasefire was agreed on 30 September 2024 in Doha.",
            published="2024-10-02",
        ),
        Rule(
            code="NQ402",
            name="weekday-mismatch",
            summary="The weekday given does not fall on the date given.",
            rationale="One of the two is wrong, and the reader cannot tell which.",
            severity="error",
            flagged="The ministers met in Berlin on Wednesday 25 July 2024.",
            fixed="The ministers met in Berlin on Thursday 25 July 2024.",
            published="2024-07-26",
        ),
        Rule(
            code="NQ403",
            name="dated-out-of-time",
            summary="An event told as done is dated after publication, or one still to come before it.",
            rationale=(
                "Either the date or the tense is wrong: a future event cannot be reported as done. "
                "A day or month written without its year is called out only when the verb right "
                'before it tells the tense ("broke out on 26 July", "began in August"), as the '
                'year is then beyond doubt; a year alone only after "in" and its verb ("closed in '
                '2026"), not when it names something ("the 2026 World Cup"). A participle that looks '
                'ahead ("completion expected in August") tells no tense.'
            ),
            severity="error",
            flagged="The treaty was signed in Vilnius on 12 September 2024.",
            fixed="The treaty was signed in Vilnius on 12 July 2024.",
            published="2024-07-24",
        ),
        Rule(
            code="NQ404",
            name="event-on-two-days",
            summary="The same event is placed on two different days.",
            rationale=(
                "A restated or repeated report of one event must give it one date. Only two sentences "
                "that restate each other directly are linked, never a chain of restatements; two passages "
                "naming different stages of an event that lasts (the talks began, the talks continued) "
                "tell of different days, and an event named after a date and a word such as 'after' "
                "(rose on Tuesday after the attack) is not that date's; a finding names at most five "
                "conflicting mentions and counts the rest."
            ),
            severity="error",
            flagged=(
                "On Tuesday, the two unions signed the wage agreement in Leeds.\n"
                "The wage agreement was signed by both unions on 3 July."
            ),
            fixed=(
                "On Tuesday, the two unions signed the wage agreement in Leeds.\n"
                "The wage agreement was signed by both unions on 23 July."
            ),
            published="2024-07-24",
        ),
        Rule(
            code="NQ405",
            name="relative-date-contradiction",
            summary="A relative date contradicts the date beside it, another one or the publication date.",
            rationale='"Yesterday (Tuesday)" in a Thursday paper is wrong whichever word the writer meant.',
            severity="error",
            flagged="The vote took place yesterday (Tuesday) in the Commons.",
            fixed="The vote took place yesterday (Wednesday) in the Commons.",
            published="2024-07-25",
        ),
        Rule(
            code="NQ406",
            name="ambiguous-numeric-date",
            summary="A numeric date reads differently in British and American order.",
            rationale="03/04/2024 is 3 April to one reader and 4 March to another: write the month out.",
            severity="info",
            flagged="The hearing is set for 03/04/2025 in the High Court.",
            fixed="The hearing is set for 3 April 2025 in the High Court.",
        ),
    )

    def run(self, document: Document) -> CheckResult:
        mentions = time_mentions(document)
        findings: list[Finding] = []
        findings.extend(self._impossible(document, mentions))
        findings.extend(self._weekday_mismatches(document, mentions))
        findings.extend(self._out_of_time(document, mentions))
        findings.extend(self._two_days(document, mentions))
        findings.extend(self._appositions(document, mentions))
        findings.extend(self._ambiguous(document, mentions))
        return CheckResult(findings=findings, timeline=[self._timeline(document, m) for m in mentions])

    @staticmethod
    def _timeline(document: Document, mention: TimeMention) -> DateMention:
        interval = mention.timex.interval
        kind = mention.expression.kind
        if kind == Kind.NUMERIC and mention.timex.month is None:
            kind = _AMBIGUOUS_NUMERIC  # order unknown: both readings are in the NQ406 finding
        return DateMention(
            span=document.span(mention.start, mention.end),
            kind=kind,
            value=mention.timex.value,
            start=interval[0] if interval else None,
            end=interval[1] if interval else None,
        )

    # -- NQ401 ------------------------------------------------------------------------------------

    def _impossible(self, document: Document, mentions: Sequence[TimeMention]) -> Iterator[Finding]:
        for mention in mentions:
            e = mention.expression
            named = _month_and_day(mention)
            if named is None:
                continue
            month, day = named
            month_name = calendar.month_name[month]
            year = mention.timex.year
            if (day > 29 and month == 2) or day > calendar.monthrange(2000, month)[1]:
                longest = calendar.monthrange(2000, month)[1]
                yield self.finding(
                    document,
                    "NQ401",
                    e.start,
                    e.end,
                    f"{month_name} has {longest} days at most: there is no {day} {month_name}.",
                    data={"month": month, "day": day},
                )
            elif month == 2 and day == 29 and year is not None and not calendar.isleap(year):
                how = "" if e.year is not None else " (the year the article's date gives it)"
                yield self.finding(
                    document,
                    "NQ401",
                    e.start,
                    e.end,
                    f"{year}{how} is not a leap year: there is no 29 February {year}.",
                    data={"year": year, "month": 2, "day": 29},
                )

    # -- NQ402 ------------------------------------------------------------------------------------

    def _weekday_mismatches(self, document: Document, mentions: Sequence[TimeMention]) -> Iterator[Finding]:
        for mention in mentions:
            e = mention.expression
            # (the day, the weekday written for it, whether it is the last day of a run)
            told: list[tuple[dt.date | None, int | None, bool]]
            if e.kind == Kind.RANGE and mention.timex.interval is not None:
                first, last = mention.timex.interval
                told = [(first, e.weekday, False), (last, e.last_weekday, True)]
            elif _month_and_day(mention) is not None:
                told = [(mention.timex.date, e.weekday, False)]
            else:
                continue
            wrong = [
                (day, _WEEKDAY_NAMES[weekday - 1], at_end)
                for day, weekday, at_end in told
                if weekday is not None and day is not None and day.isoweekday() != weekday
            ]
            if not wrong:
                continue
            fixed = e.text
            for day, named, at_end in wrong:
                fixed = _weekday_fixed(fixed, named, _WEEKDAY_NAMES[day.weekday()], last=at_end)
            day, named, _ = wrong[0]
            data: dict[str, JSONValue] = {"date": day.isoformat(), "weekday": named}
            if len(wrong) > 1:
                data["last_date"], data["last_weekday"] = wrong[1][0].isoformat(), wrong[1][1]
            yield self.finding(
                document,
                "NQ402",
                e.start,
                e.end,
                " ".join(
                    f"{day.day} {calendar.month_name[day.month]} {day.year} is a "
                    f"{_WEEKDAY_NAMES[day.weekday()]}, not a {named}."
                    for day, named, _ in wrong
                ),
                suggestions=[fixed],
                data=data,
            )

    # -- NQ403 ------------------------------------------------------------------------------------

    def _out_of_time(self, document: Document, mentions: Sequence[TimeMention]) -> Iterator[Finding]:
        published = document.published
        if published is None:
            return
        for mention in mentions:
            e = mention.expression
            interval = mention.timex.interval
            if (
                interval is None
                or not self._dated_for_sure(mention)
                or e.kind not in (Kind.ABSOLUTE, Kind.RANGE, Kind.NUMERIC, Kind.MONTH, Kind.YEAR)
                or mention.tense not in (Tense.PAST, Tense.FUTURE)
                or (
                    _NOT_EVENT_DAY.search(document.text, max(0, e.start - 30), e.start)
                    # "from 1 to 3 August": the run's own first word, not a limit.
                    and not (e.kind == Kind.RANGE and _RUN_OPENER.search(document.text, max(0, e.start - 30), e.start))
                )
            ):
                continue
            if mention.tense is Tense.PAST and interval[0] > published:
                yield self.finding(
                    document,
                    "NQ403",
                    e.start,
                    e.end,
                    f"Reported as done, but {mention.timex.value} is after the publication date "
                    f"({published.isoformat()}).",
                    data={"value": mention.timex.value, "published": published.isoformat(), "tense": "past"},
                )
            elif mention.tense is Tense.FUTURE and interval[1] < published:
                yield self.finding(
                    document,
                    "NQ403",
                    e.start,
                    e.end,
                    f"Told as still to come, but {mention.timex.value} is before the publication date "
                    f"({published.isoformat()}).",
                    data={
                        "value": mention.timex.value,
                        "published": published.isoformat(),
                        "tense": "future",
                    },
                )

    @staticmethod
    def _dated_for_sure(mention: TimeMention) -> bool:
        """Whether a date's year and tense are beyond doubt enough to call it out of time.

        With its year written, the clause's tense will do. A day or month told
        without its year ("on 26 July", "in August") is taken within ten months of
        publication, and a clause's tense may come from a verb that does not govern
        it ("invited the ministers to a ceremony on March 12"): only a verb right
        before it counts ("broke out on 26 July", "will be held in June").
        """
        e = mention.expression
        if e.kind == Kind.YEAR:
            # A year alone is often a name's ("the 2026 World Cup", "his 1990 projection") or a
            # fiscal year's: only a plain year after "in" and its verb counts ("closed in 2026").
            sentence = mention.sentence
            before = sentence.text[: e.start - sentence.start] if sentence is not None else ""
            return e.text.isdecimal() and before.endswith(" in ") and _verb_governs(mention)
        if e.year is not None or e.year_offset is not None:
            return True
        if e.kind not in (Kind.ABSOLUTE, Kind.MONTH):
            return False
        return _verb_governs(mention)

    # -- NQ404 ------------------------------------------------------------------------------------

    def _two_days(self, document: Document, mentions: Sequence[TimeMention]) -> Iterator[Finding]:
        if not _may_conflict(document, mentions):
            return  # the restated passages are not even asked for
        dated, pairs = linked_pairs(document, mentions, restated_sentence_pairs(document))
        conflicts: list[_Conflict] = []
        if document.published is not None:
            # Each mention's days once, as day numbers, rather than once per link it is in.
            days = [_ordinals(m.timex.interval) for m in dated]
            for i, j, reason, _ in pairs:
                a, b = days[i], days[j]
                if a is not None and b is not None and (a[1] < b[0] or b[1] < a[0]):
                    conflicts.append((i, j, reason, None))
        elif pairs:
            agreement = _Agreement(dated, numeric_day_first(document))
            for i, j, reason, _ in pairs:
                note = agreement.note(i, j)
                if note is not None:
                    conflicts.append((i, j, reason, note))
        values = [m.timex.value for m in mentions if m.expression.is_day]
        yield from self._conflict_findings(document, dated, conflicts, values)

    def _conflict_findings(
        self, document: Document, mentions: Sequence[TimeMention], conflicts: list[_Conflict], values: list[str]
    ) -> Iterator[Finding]:
        """One finding per mention at odds with others, the one in most conflicts first.

        ``mentions`` are in text order and ``conflicts`` name them by position. On a
        tie, the odd one out comes first: the value fewest other day mentions of the
        article share, then the later mention.
        """
        shared = Counter(values)
        # Conflicts still open per mention, kept up to date as each finding takes its conflicts,
        # rather than counted afresh for every finding.
        counts = [0] * len(mentions)
        touching: list[list[int]] = [[] for _ in mentions]
        for index, (a, b, _, _) in enumerate(conflicts):
            counts[a] += 1
            counts[b] += 1
            touching[a].append(index)
            if b != a:
                touching[b].append(index)
        still_open = [True] * len(conflicts)
        alive = sum(1 for count in counts if count)
        # The mention in most open conflicts, from a heap. Counts only drop, so an entry whose
        # count has since dropped sorts too early: it goes back with its count when it comes
        # up, and an entry that comes up with its count is the true first.
        heap = [
            (-count, shared[mentions[position].timex.value], -position)
            for position, count in enumerate(counts)
            if count
        ]
        heapq.heapify(heap)
        while alive:
            negative_count, tie, negative_position = heapq.heappop(heap)
            pivot = -negative_position
            count = counts[pivot]
            if not count:
                continue
            if count != -negative_count:
                heapq.heappush(heap, (-count, tie, negative_position))
                continue
            others: list[TimeMention] = []
            notes: list[str] = []
            reason_set: set[str] = set()
            for index in touching[pivot]:
                if not still_open[index]:
                    continue
                still_open[index] = False
                a, b, reason, note = conflicts[index]
                counts[a] -= 1
                if not counts[a]:
                    alive -= 1
                counts[b] -= 1
                if not counts[b]:
                    alive -= 1
                others.append(mentions[b if a == pivot else a])
                reason_set.add(reason)
                if note:
                    notes.append(note)
            note = notes[0] if notes else None
            reasons = sorted(reason_set)
            yield self._two_days_finding(document, mentions[pivot], others, reasons, note)

    def _two_days_finding(
        self,
        document: Document,
        pivot: TimeMention,
        others: list[TimeMention],
        reasons: list[str],
        note: str | None,
    ) -> Finding:
        # A mention in conflict with many others is named in many findings: its value, span
        # and quoted text are worked out once.
        table = document.memo("dates.conflict_parts", _new_parts_table)
        shown, more = _shown_others(others)
        parts = [table.get(id(o)) or table.setdefault(id(o), _conflict_parts(document, o)) for o in shown]
        other_texts = ", ".join([quoted for _, _, _, quoted in parts])
        if more:
            other_texts += f" and {more} more mention{'s' if more > 1 else ''}"
        how = "a restated passage" if reasons == ["restated"] else "another passage about the same event"
        if document.published is not None:
            values = ", ".join(sorted({value for _, value, _, _ in parts}))
            message = (
                f"\u201c{pivot.expression.text}\u201d ({pivot.timex.value}) dates an event that {how} "
                f"places on {other_texts} ({values})."
            )
            severity = None
        else:
            message = f"\u201c{pivot.expression.text}\u201d and {other_texts} date the same event ({how}). {note}"
            severity = Severity.WARNING
        finding = self.finding(
            document,
            "NQ404",
            pivot.start,
            pivot.end,
            message,
            severity=severity,
            confidence=0.9 if "restated" in reasons else 0.7,
            data={
                "value": pivot.timex.value,
                "others": [value for _, value, _, _ in parts],
                "more": more,
                "links": list(reasons),
            },
        )
        return attrs.evolve(finding, related=tuple(span for _, _, span, _ in parts))

    # -- NQ405 and NQ402 across a phrase ----------------------------------------------------------

    def _appositions(self, document: Document, mentions: Sequence[TimeMention]) -> Iterator[Finding]:
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(mentions)
            if a.expression.is_day and b.expression.is_day and _APPOSITION.fullmatch(document.text, a.end, b.start)
        ]
        implied: list[tuple[TimeMention, TimeMention, int]] = []
        for a, b in pairs:
            relative = a if a.expression.kind == Kind.RELATIVE else b if b.expression.kind == Kind.RELATIVE else None
            if document.published is not None:
                day_a, day_b = a.timex.date, b.timex.date
                if day_a is None or day_b is None or day_a == day_b:
                    continue
                code = "NQ405" if relative is not None else "NQ402"
                yield self.finding(
                    document,
                    code,
                    a.start,
                    b.end,
                    f"\u201c{a.expression.text}\u201d is {_day_text(day_a)} for an article published on "
                    f"{_day_text(document.published)}, but \u201c{b.expression.text}\u201d beside it is "
                    f"{_day_text(day_b)}.",
                    data={"values": [a.timex.value, b.timex.value]},
                )
            elif relative is not None:
                other = b if relative is a else a
                weekday = other.expression.weekday
                if weekday is not None and relative.expression.offset is not None:
                    implied.append((relative, other, (weekday - 1 - relative.expression.offset) % 7))
        # Without a publication date, two such pairs must imply the same publication weekday.
        for (r1, o1, w1), (r2, o2, w2) in itertools.pairwise(implied):
            if w1 != w2:
                yield self.finding(
                    document,
                    "NQ405",
                    r2.start,
                    max(r2.end, o2.end),
                    f"\u201c{r2.expression.text}\u201d beside \u201c{o2.expression.text}\u201d "
                    "means the article "
                    f"appears on a {_WEEKDAY_NAMES[w2]}, but \u201c{r1.expression.text}\u201d beside "
                    f"\u201c{o1.expression.text}\u201d means a {_WEEKDAY_NAMES[w1]}.",
                    related=[(r1.start, max(r1.end, o1.end))],
                    data={"publication_weekdays": [_WEEKDAY_NAMES[w1], _WEEKDAY_NAMES[w2]]},
                )

    # -- NQ406 ------------------------------------------------------------------------------------

    def _ambiguous(self, document: Document, mentions: Sequence[TimeMention]) -> Iterator[Finding]:
        ambiguous = [m for m in mentions if m.expression.kind == Kind.NUMERIC and len(m.expression.readings) > 1]
        if not ambiguous or numeric_day_first(document) is not None:
            return
        for mention in ambiguous:
            e = mention.expression
            (m1, d1), (m2, d2) = e.readings[:2]
            year = f" {e.year}" if e.year is not None else ""
            british = f"{d1} {calendar.month_name[m1]}{year}"
            american = f"{d2} {calendar.month_name[m2]}{year}"
            yield self.finding(
                document,
                "NQ406",
                e.start,
                e.end,
                f"{e.text} is {british} in British order and {american} in American order; write the month as a word.",
                suggestions=[british, american],
                data={"readings": [resolve_in(mention, document.published, day_first=f).value for f in (True, False)]},
            )


_AMBIGUOUS_NUMERIC = "numeric-ambiguous"
# Two mentions in conflict (positions), why they are linked, and (without a publication date) when they would agree.
_Conflict = tuple[int, int, str, "str | None"]


MAX_RELATED = 5


def _verb_governs(mention: TimeMention) -> bool:
    """Whether the verb right before the mention tells the tense the mention was given."""
    sentence = mention.sentence
    if sentence is None:
        return False
    return verb_tense(sentence.text, mention.expression.start - sentence.start) is mention.tense


def _shown_others(others: list[TimeMention]) -> tuple[list[TimeMention], int]:
    """The conflicting mentions one finding names, and how many more it leaves out.

    A finding stays readable: it names the earliest mention of each conflicting day first,
    then the earliest of the rest, at most ``MAX_RELATED`` in all, in text order.
    """
    ordered = sorted(others, key=lambda m: m.start)
    if len(ordered) <= MAX_RELATED:
        return ordered, 0
    chosen: list[TimeMention] = []
    seen: set[str] = set()
    for mention in ordered:
        if mention.timex.value not in seen and len(chosen) < MAX_RELATED:
            seen.add(mention.timex.value)
            chosen.append(mention)
    for mention in ordered:
        if len(chosen) >= MAX_RELATED:
            break
        if all(mention is not c for c in chosen):
            chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return chosen, len(ordered) - len(chosen)


def _new_parts_table(document: Document) -> dict[int, tuple[TimeMention, str, Span, str]]:
    # Keyed by the mention's identity; the mention is kept in the entry so the key stays its own.
    return {}


def _conflict_parts(document: Document, mention: TimeMention) -> tuple[TimeMention, str, Span, str]:
    """The mention, its value, its span and its text in quotation marks, as a conflict finding names it."""
    return (
        mention,
        mention.timex.value,
        document.span(mention.start, mention.end),
        f"\u201c{mention.expression.text}\u201d",
    )


def _may_conflict(document: Document, mentions: Sequence[TimeMention]) -> bool:
    """False when no two day mentions of the article can place one event on two days.

    With a publication date two mentions conflict only when their days do not
    overlap, and days that all overlap pairwise share one day; without one, two
    mentions in different sentences are needed.
    """
    dated = [m for m in mentions if m.expression.is_day and m.sentence is not None and not m.timex.is_vague]
    if len({m.sentence.index for m in dated if m.sentence is not None}) < 2:
        return False
    if document.published is None:
        return True
    intervals = [interval for m in dated if (interval := m.timex.interval) is not None]
    return len(intervals) > 1 and max(a for a, _ in intervals) > min(b for _, b in intervals)


def _ordinals(interval: tuple[dt.date, dt.date] | None) -> tuple[int, int] | None:
    return None if interval is None else (interval[0].toordinal(), interval[1].toordinal())


class _Agreement:
    """When pairs of dated mentions would agree, resolved once per distinct pair of resolutions.

    Without a publication date every link is tried against every publication date of
    the window; a restated passage pairs the same few resolutions many times.
    """

    def __init__(self, dated: Sequence[TimeMention], day_first: bool | None) -> None:
        self.dated = dated
        self.day_first = day_first
        self.resolutions: dict[int, Resolution] = {}
        self.notes: dict[tuple[Resolution, Resolution], str | None] = {}

    def note(self, i: int, j: int) -> str | None:
        """The sentence for the editor when mentions i and j conflict, None when they may agree."""
        # Both the agreement and its description depend on what resolving the mentions
        # depends on (parts, tense, focus), never on where they stand.
        key = (self._resolution(i), self._resolution(j))
        if key not in self.notes:
            first, second = self.dated[i], self.dated[j]
            agreeing = agreeing_resolutions(*key, self.day_first)
            # None: the text alone leaves them free to agree.
            self.notes[key] = None if agreeing is None else describe_agreement(agreeing, first, second, self.day_first)
        return self.notes[key]

    def _resolution(self, position: int) -> Resolution:
        if position not in self.resolutions:
            self.resolutions[position] = resolution(self.dated[position])
        return self.resolutions[position]


def _weekday_fixed(text: str, wrong: str, right: str, *, last: bool = False) -> str:
    """``text`` with its first (or last) writing of the weekday ``wrong`` made ``right``."""
    pattern = regex.compile(regex.escape(wrong[:3]) + r"[a-z]*\.?", regex.IGNORECASE)
    found = list(pattern.finditer(text))
    if not found:
        return text
    match = found[-1] if last else found[0]
    return text[: match.start()] + right + text[match.end() :]
