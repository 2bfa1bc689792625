"""The faster date code answers exactly as the plain versions it replaced.

The reference functions are the first versions: every pair of dated mentions
compared, every taken span scanned, conflicts counted afresh for each finding,
the text before a match copied to look behind it, and every publication day
tried. The check now does the same work in about linear time; these tests run
both on the same documents and require the same results.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsqa import Config, Document, Finding
from newsqa.checks.dates import DatesCheck
from newsqa.dates import agreement, events, extract
from newsqa.dates.agreement import agreeing_publication_dates
from newsqa.dates.analysis import TimeMention, resolve_in, time_mentions
from newsqa.dates.events import EventLink, event_links
from newsqa.dates.expression import Expression, Kind
from newsqa.dates.lexicon import Lexicon, lexicon
from newsqa.dates.resolve import FOCUSED_KINDS, resolve
from newsqa.dates.shared import restated_sentence_pairs
from newsqa.dates.tense import Tense
from newsqa.dates.timex import Timex

TODAY = dt.date(2026, 1, 15)
PUBLISHED = dt.date(2024, 7, 24)


def full_search(
    first: TimeMention, second: TimeMention, day_first: bool | None
) -> list[tuple[dt.date, dt.date]] | None:
    """The plain version: resolve both mentions on every day of the window, then judge."""
    start, end = agreement._window(TODAY)
    runs: list[tuple[dt.date, dt.date]] = []
    agreeing = total = 0
    day = start
    run_start: dt.date | None = None
    while day <= end:
        total += 1
        a = resolve_in(first, day, day_first).interval
        b = resolve_in(second, day, day_first).interval
        if a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]:
            agreeing += 1
            run_start = run_start or day
        elif run_start is not None:
            runs.append((run_start, day - dt.timedelta(days=1)))
            run_start = None
        day += dt.timedelta(days=1)
    if run_start is not None:
        runs.append((run_start, end))
    return None if agreeing > agreement._RARE * total else runs


TEXTS = [
    # Two mentions of one holiday agree on every day: the early stop answers None at once.
    "The parade was held at Halloween. Shops stayed open late at Halloween.",
    "On Wednesday the ministers met. The pact signed on 25th September was described as new.",
    "The vote on Tuesday was delayed. The count finished on 12 March, officials said.",
    "Talks resume next month. The deal was signed in March, two weeks ago.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_agreement_matches_the_full_search(text: str) -> None:
    mentions = time_mentions(Document(text))
    assert len(mentions) >= 2
    for first, second in itertools.combinations(mentions, 2):
        for day_first in (None, True):
            expected = full_search(first, second, day_first)
            assert agreeing_publication_dates(first, second, day_first, today=TODAY) == expected


# One phrase or more for every kind of time reference, with the modifiers and forms that move
# with the publication date differently: weekly, monthly, yearly, on leap days, with a weekday.
MOVING_PHRASES = (
    "on Wednesday", "last Friday", "next Monday", "this Tuesday", "Monday last week", "Tuesday week",
    "the weekend", "last weekend", "on 25th September", "25 September this year", "29 February this year",
    "on 29 February", "Monday 4 November", "1-3 August", "from 30 July to 2 August", "on 3/4", "on 12/11",
    "at Christmas", "at Easter", "on Thanksgiving", "at Halloween", "on the Fourth of July", "Christmas last year",
    "yesterday", "today", "last week", "two months ago", "this year", "next month", "a fortnight ago",
    "the week before last", "in July", "last May", "next March", "May of last year", "this summer", "last winter",
    "the third quarter", "last quarter", "Q2", "the second half of this year", "this decade", "this century",
    "now", "recently", "9 a.m. Tuesday", "at 3pm yesterday", "a year earlier", "the next day", "the end of the month",
    "earlier this year", "later this month", "the year-ago quarter", "in three years", "in 2023", "the 1990s",
    "the 20th century",
    "the 1st of next month",
    "the 31st of next month",
    "the summer of last year",
    "from Monday 1 to Wednesday 3 July",
)  # fmt: skip
# Windows of publication days across a leap day and year ends, and across 2100, which has no 29 February.
TABLE_WINDOWS = ((dt.date(2023, 10, 30), 900), (dt.date(2099, 11, 20), 500))


def day_by_day_table(
    expression: Expression, tense: Tense | None, focus: Timex | None, day_first: bool | None, start: dt.date, days: int
) -> tuple[list[int], list[int]]:
    """The plain version: the expression resolved on every publication day of the window."""
    firsts, lasts = [], []
    for offset in range(days):
        interval = resolve(
            expression, start + dt.timedelta(days=offset), tense, focus=focus, day_first=day_first
        ).interval
        firsts.append(interval[0].toordinal() if interval else agreement._NONE)
        lasts.append(interval[1].toordinal() if interval else agreement._NONE)
    return firsts, lasts


def test_the_moving_phrases_cover_every_kind_of_reference() -> None:
    kinds = {e.kind for phrase in MOVING_PHRASES for e in extract.find_expressions(phrase)}
    every_kind = {value for name, value in vars(Kind).items() if name.isupper()}
    assert kinds == every_kind


@pytest.mark.parametrize("phrase", MOVING_PHRASES)
def test_a_reference_resolved_over_a_window_of_publication_days_matches_resolving_it_on_each_day(phrase: str) -> None:
    # The table resolves only the days where the reference may change; on every day it
    # must give what resolving on that day gives.
    (expression,) = extract.find_expressions(phrase)
    expression = attrs.evolve(expression, start=0, end=0, text="")
    foci = (None, Timex.of_date(dt.date(2019, 3, 3))) if expression.kind in FOCUSED_KINDS else (None,)
    for tense, focus, day_first, (start, days) in itertools.product(
        (None, *Tense), foci, (None, True, False), TABLE_WINDOWS
    ):
        firsts, lasts = agreement._interval_table.__wrapped__(expression, tense, focus, day_first, start, days)
        expected = day_by_day_table(expression, tense, focus, day_first, start, days)
        assert (list(firsts), list(lasts)) == expected, (tense, focus, day_first, start)


def reference_event_links(
    document: Document,
    mentions: Sequence[TimeMention],
    restated: Iterable[tuple[int, int]] = (),
) -> list[EventLink]:
    """Pairs of ``mentions`` (day-level ones) that date the same event in ``document``.

    ``restated`` are (earlier, later) sentence indexes of restated passages,
    as :func:`newsqa.dates.shared.restated_sentence_pairs` gives them.
    """
    dated = [m for m in mentions if m.expression.is_day and m.sentence is not None and not m.timex.is_vague]
    restated = list(restated)
    cluster = events._clusters(restated)
    # Restated links are pairwise: only the two sentences of one restatement, not a chain.
    direct = {(min(a, b), max(a, b)) for a, b in restated}
    frames = {id(m): events._frame(document, m) for m in dated}
    # A restated passage shares its words with the passage it restates.
    keys_by_cluster: dict[int, set[str]] = {}
    for m in dated:
        assert m.sentence is not None
        index = m.sentence.index
        keys_by_cluster.setdefault(cluster.get(index, -1 - index), set()).update(frames[id(m)].keys)
    for index in cluster:
        sentence = document.sentences[index]
        words = {
            events._key(w) for w in events._WORD.findall(sentence.text) if w.lower() not in events._words().stopwords
        }
        keys_by_cluster.setdefault(cluster[index], set()).update(words)
    links: list[EventLink] = []
    for i, first in enumerate(dated):
        for second in dated[i + 1 :]:
            a, b = first.sentence, second.sentence
            assert a is not None
            assert b is not None
            if a.index == b.index:
                continue
            group_a, group_b = cluster.get(a.index, -1 - a.index), cluster.get(b.index, -1 - b.index)
            if (min(a.index, b.index), max(a.index, b.index)) in direct and _counterparts(dated, first, second):
                links.append(EventLink(first, second, "restated"))
                continue
            fa, fb = frames[id(first)], frames[id(second)]
            shared = fa.actions & fb.actions
            if (
                not shared
                or fa.different
                or fb.different
                or fa.phases != fb.phases
                or not events._may_be_one_event(document, first, second)
            ):
                continue
            keys_a = keys_by_cluster.get(group_a, set(fa.keys))
            keys_b = keys_by_cluster.get(group_b, set(fb.keys))
            if keys_a & keys_b or fa.definite or fb.definite:
                links.append(EventLink(first, second, "same action", action=sorted(shared)[0]))
    return links


def _counterparts(dated: Sequence[TimeMention], first: TimeMention, second: TimeMention) -> bool:
    """False when either mention's words are also told by another mention in the other's sentence."""
    text_a, text_b = first.expression.text.casefold(), second.expression.text.casefold()
    if text_a == text_b:
        return True
    assert first.sentence is not None
    assert second.sentence is not None
    in_b = [m.expression.text.casefold() for m in dated if m.sentence == second.sentence and m is not second]
    in_a = [m.expression.text.casefold() for m in dated if m.sentence == first.sentence and m is not first]
    return text_a not in in_b and text_b not in in_a


def reference_find(self: Any, text: str) -> list[Expression]:
    chosen: list[Expression] = []
    taken: list[tuple[int, int]] = []
    ranked = sorted(self.candidates(text), key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start))
    for _, expression in ranked:
        span = (expression.start, expression.end)
        if any(s < span[1] and span[0] < e for s, e in taken):
            continue
        if expression.kind in extract._NAMED_KINDS and self._in_a_name(text, *span):
            continue
        taken.append(span)
        chosen.append(expression)
    return sorted(chosen, key=lambda e: e.start)


def reference_group_conflicts(
    check: DatesCheck, document: Document, conflicts: list[tuple[EventLink, str | None]], values: list[str]
) -> Iterator[Finding]:
    remaining = list(conflicts)
    while remaining:
        counts: dict[int, int] = {}
        for link, _ in remaining:
            for m in (link.first, link.second):
                counts[m.start] = counts.get(m.start, 0) + 1
        value_at = {m.start: m.timex.value for link, _ in remaining for m in (link.first, link.second)}
        pivot_start = max(counts, key=lambda s: (counts[s], -values.count(value_at[s]), s))
        mine = [(link, note) for link, note in remaining if pivot_start in (link.first.start, link.second.start)]
        remaining = [c for c in remaining if c not in mine]
        pivot = mine[0][0].first if mine[0][0].first.start == pivot_start else mine[0][0].second
        others = [link.second if link.first is pivot else link.first for link, _ in mine]
        note = next((n for _, n in mine if n), None)
        reasons = sorted({link.reason for link, _ in mine})
        yield check._two_days_finding(document, pivot, others, reasons, note)


SENTENCES = [
    "Ministers signed the pact on 25 September.",
    "Ministers signed the pact on Wednesday, officials said.",
    "Ministers signed the pact on 12 March.",
    "The ministers inked the pact on Friday.",
    "Voters elected the mayor on Tuesday.",
    "Voters elected the mayor on 3 May.",
    "The minister resigned on Monday.",
    "The minister resigned on 14 March.",
    "The council approved the budget on 12 March.",
    "The vote was held on July 3 and the result came a week later.",
    "Talks resume next month, once a week, in Berlin.",
    "The plant reopened yesterday after the strike of 2023.",
    "No. 2019 was the number on the door.",
    "“We met on Friday,” she said. (On Thursday the firm denied it.)",
    "It ran from Monday to Tuesday,then Wednesday-Thursday and 3 March2024.",
    "The company reported results for the first quarter of 2024... Shares rose.",
    "Prices rose twice a year and times a day since 1990.",
    # Stages of an event that lasts, a day before "after", a response to an event.
    "The talks began on Monday in Berlin.",
    "The talks continued on Tuesday in Berlin.",
    "Markets rose on Friday after the pact.",
    "The pact was criticised on Thursday.",
]
ARTICLES = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=20).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(ARTICLES)
def test_expressions_match_the_reference(text: str) -> None:
    extractor = extract._extractor()
    assert extractor.find(text) == reference_find(extractor, text)


@settings(max_examples=150, deadline=None)
@given(ARTICLES, st.sampled_from([PUBLISHED, None]))
def test_event_links_match_the_reference(text: str, published: dt.date | None) -> None:
    document = Document(text, published=published)
    mentions = time_mentions(document)
    restated = restated_sentence_pairs(document)
    assert event_links(document, mentions, restated) == reference_event_links(document, mentions, restated)


def grouped_conflicts(
    check: DatesCheck, document: Document, conflicts: list[tuple[EventLink, str | None]], values: list[str]
) -> Iterator[Finding]:
    """The check's grouping of conflicting links, its mentions named by position in text order."""
    by_start = {m.start: m for link, _ in conflicts for m in (link.first, link.second)}
    linked = [by_start[start] for start in sorted(by_start)]
    position = {m.start: i for i, m in enumerate(linked)}
    yield from check._conflict_findings(
        document,
        linked,
        [(position[link.first.start], position[link.second.start], link.reason, note) for link, note in conflicts],
        values,
    )


@settings(max_examples=150, deadline=None)
@given(ARTICLES)
def test_conflicting_dates_are_grouped_as_before(text: str) -> None:
    document = Document(text, published=PUBLISHED)
    check = DatesCheck(Config())
    mentions = time_mentions(document)
    conflicts: list[tuple[EventLink, str | None]] = []
    for link in event_links(document, mentions, restated_sentence_pairs(document)):
        a, b = link.first.timex.interval, link.second.timex.interval
        if a is not None and b is not None and (a[1] < b[0] or b[1] < a[0]):
            conflicts.append((link, None))
    values = [m.timex.value for m in mentions if m.expression.is_day]
    fast = list(grouped_conflicts(check, document, conflicts, values))
    assert fast == list(reference_group_conflicts(check, document, conflicts, values))


_FREQUENCY = regex.compile(r"(?:once|twice|times|per)\s+$")
TAILS = st.lists(
    st.sampled_from(["per", "once", "twice", "times", " ", "\n", "\t", "x", "\u00a0", "\u2028", "e", "..."]), max_size=8
).map("".join)


@settings(max_examples=500)
@given(TAILS, st.data())
def test_looking_behind_a_match_reads_as_before(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert extract._after_frequency_word(text, offset) == (_FREQUENCY.search(text[:offset]) is not None)
    before = text[:offset].rstrip(" \t\"'“‘(")
    expected = not before or before[-1] in ".!?\n\r:;—–-\u2028\u2029" or before.endswith(("...", "…"))
    assert extract._sentence_start(text, offset) == expected


AFTER = st.lists(st.sampled_from(["-", "end", "of", " ", "that", "when", "x", "\n", "ending", "-end"]), max_size=8).map(
    "".join
)


@settings(max_examples=500)
@given(AFTER, st.data())
def test_looking_ahead_of_a_match_reads_as_before(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    for fast, pattern in (
        (extract._COMPOUND_AFTER, r"-(?!end\b)\w"),
        (extract._THAT_WHEN_AFTER, r"\s+(?:that|when)\b"),
        (extract._OF_AFTER, r"\s+of\b"),
    ):
        assert (fast.match(text, offset) is None) == (regex.match(pattern, text[offset:]) is None)


# Trigger words, figures and the letters and joins that make tokens hard to cut: "5pm" is one
# token, "5PM" two, "2ndMonday" starts a word inside a run of letters, the Kelvin sign lowers to
# an ASCII "k" and "İ" grows when lowered.
TRIGGER_PIECES = [
    *sorted(extract._extractor().trigger_words)[::3],
    "Monday", "MAY", "1990s", "2024", "12", "5pm", "5PM", "3rd", "2ND", "0s", "20ss", "١٩٩٠", "٥",
    "Mondays", "AUGUST", "Eastern", "x", "é", "İ", "\u212a", "ſ", "2ndMonday",
]  # fmt: skip
TRIGGER_TEXTS = st.lists(
    st.tuples(st.sampled_from(TRIGGER_PIECES), st.sampled_from(["", " ", "-", ".", "\n", "/", "'", "é", "5"])),
    min_size=1,
    max_size=12,
).map(lambda pairs: "".join(piece + join for piece, join in pairs))


@settings(max_examples=1000, deadline=None)
@given(TRIGGER_TEXTS)
def test_trigger_windows_match_a_scan_of_every_token(text: str) -> None:
    extractor = extract._extractor()
    windows = extractor.windows(text)
    hits = extractor._token_hits(text)
    for key, pattern in extractor.digit_triggers.items():
        hits[key] = [m.span() for m in pattern.finditer(text)]
    assert {key: spans for key, spans in windows.items() if spans} == {
        key: extract._merged_windows(text, spans) for key, spans in hits.items() if spans
    }


def test_the_trigger_scan_takes_only_words_of_small_ascii_letters() -> None:
    assert extract._word_scan(lexicon(), ["may", "monday"]) is not None
    assert extract._word_scan(lexicon(), ["may", "q2"]) is None
    assert extract._word_scan(lexicon(), ["May"]) is None


def reference_alternation(lex: Lexicon, words: Iterable[str], *, abbreviations: bool = False) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    patterns = []
    for form in forms:
        escaped = regex.escape(form).replace(r"\ ", r"\s+").replace(r"\-", r"[\-\s]")
        if abbreviations and form not in lex.full_names and form.isalpha() and len(form) <= 4:
            escaped += r"\.?"
        patterns.append(escaped)
    return "|".join(patterns)


def _tables(lex: Lexicon) -> list[tuple[str, Iterable[str], bool]]:
    return [
        ("months", lex.months, True),
        ("weekdays", lex.weekdays, True),
        ("numbers", lex.numbers, False),
        ("ordinals", lex.ordinals, False),
        ("units", lex.units, False),
        ("seasons", lex.seasons, False),
        ("parts of day", lex.parts_of_day, False),
        ("holidays", lex.holidays, False),
        ("decade words", lex.decade_words, False),
    ]


@pytest.mark.parametrize("table", range(9))
def test_an_alternation_of_time_words_matches_as_the_longest_first_list(table: int) -> None:
    lex = lexicon()
    _, words, abbreviations = _tables(lex)[table]
    tree = re.compile(rf"(?:{lex.alternation(words, abbreviations=abbreviations)})", re.IGNORECASE)
    flat = re.compile(rf"(?:{reference_alternation(lex, words, abbreviations=abbreviations)})", re.IGNORECASE)
    for word in sorted(words):
        for text in (word, word.upper(), word + ".", word + "s", word + "-", word[:-1], word.replace(" ", "  ")):
            for tail in ("", r"(?!\w)", r"\b"):
                tree_match = re.compile(tree.pattern + tail, re.IGNORECASE).match(text)
                flat_match = re.compile(flat.pattern + tail, re.IGNORECASE).match(text)
                assert (tree_match and tree_match.span()) == (flat_match and flat_match.span()), (word, text, tail)


def test_no_name_holding_a_date_word_is_another_followed_by_more_words() -> None:
    # The names are matched as a tree of shared prefixes, which finds what the list in file
    # order finds only while at most one name can match at a place.
    names = lexicon().not_dates
    for name in names:
        head = re.compile(re.escape(name).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE)
        assert [other for other in names if other != name and head.match(other)] == []


@pytest.mark.parametrize("name", lexicon().not_dates)
def test_each_name_holding_a_date_word_is_found_as_written(name: str) -> None:
    flat = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in lexicon().not_dates) + r")(?!\w)",
        re.IGNORECASE,
    )
    text = f"It ran in the {name.title()} on Sunday, and {name.upper()}s fans saw the {name}."
    found = [m.span() for m in extract._extractor().not_dates.finditer(text)]
    assert found == [m.span() for m in flat.finditer(text)]
    assert found
