"""Date links stay pairwise and findings stay readable on long texts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import newsqa
from benchmarks.articles import PUBLISHED, article
from newsqa.checks.dates import MAX_RELATED
from newsqa.config import Config
from newsqa.dates import agreement
from newsqa.dates.analysis import time_mentions
from newsqa.dates.events import event_links
from newsqa.dates.resolve import FOCUSED_KINDS, resolve
from newsqa.dates.shared import restated_sentence_pairs
from newsqa.dates.timex import Timex
from newsqa.document import Document

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def test_a_chain_of_restatements_does_not_link_its_ends() -> None:
    document = Document(article(10_000), published=PUBLISHED)
    restated = restated_sentence_pairs(document)
    direct = {(min(a, b), max(a, b)) for a, b in restated}
    partners: dict[int, set[int]] = {}
    for a, b in direct:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    chains = {
        (min(a, c), max(a, c))
        for b, around in partners.items()
        for a in around
        for c in around
        if a != c and (min(a, c), max(a, c)) not in direct
    }
    assert chains, "the article should hold restatements that chain"
    links = event_links(document, time_mentions(document), restated)
    restated_links = {
        (link.first.sentence.index, link.second.sentence.index)
        for link in links
        if link.reason == "restated" and link.first.sentence is not None and link.second.sentence is not None
    }
    assert restated_links
    assert restated_links <= direct
    assert not restated_links & chains


def test_a_finding_relates_at_most_a_handful_of_spans() -> None:
    lines = ["Ministers signed the pact on 25 September."]
    lines += [f"Ministers signed the pact on {day} March." for day in range(1, 10)]
    report = newsqa.check(" ".join(lines), published=dt.date(2024, 7, 24), config=Config(select=("dates",)))
    findings = [f for f in report.findings if f.code == "NQ404"]
    assert findings
    widest = max(findings, key=lambda f: len(f.related) + f.data["more"])
    assert len(widest.related) == MAX_RELATED
    assert widest.data["more"] > 0
    assert f"and {widest.data['more']} more mention" in widest.message


def test_mentions_of_one_action_are_linked_in_numbers_that_grow_with_them_not_with_their_square() -> None:

    def links(count: int) -> int:
        text = " ".join(
            f"Councillors for ward {number} signed the agreement on {WEEKDAYS[number % 5]}."
            for number in range(1, count + 1)
        )
        document = Document(text, published=dt.date(2024, 7, 26))
        found = event_links(document, time_mentions(document), restated_sentence_pairs(document))
        return sum(link.reason == "same action" for link in found)

    some = links(200)
    assert some > 0
    # Twice the mentions: about twice the links, where comparing each with every other gives four times.
    assert links(400) <= 2.2 * some


def test_a_weekday_told_after_many_years_is_resolved_over_the_window_once_without_a_publication_date() -> None:
    # Without a publication date each linked pair is tried against every day of a window of
    # years; "on Monday" does not depend on the year the story is about, so however many
    # years come before it, it is resolved over the window once.
    text = " ".join(
        f"In {1950 + number}, the council signed the agreement on {WEEKDAYS[number % 5]}." for number in range(60)
    )
    agreement._interval_table.cache_clear()
    agreement._agreeing.cache_clear()
    report = newsqa.check(text, config=Config(select=("dates",)))
    assert [run.status.value for run in report.checks] == ["ran"]
    assert any(f.code == "NQ404" for f in report.findings)
    assert agreement._interval_table.cache_info().misses <= 2 * len(WEEKDAYS)


def test_only_the_focused_kinds_of_expression_depend_on_the_focus() -> None:
    text = (
        "The results for the quarter, published on Monday 3 March, beat forecasts; a year earlier "
        "the company lost money. In 1998 the plant closed on 25 September, reopened last week, was sold "
        "in the spring and is due to reopen next month, two days after Christmas, at 10 a.m. on Friday, "
        "as 12/11 approaches in the 1990s."
    )
    mentions = time_mentions(Document(text, published=dt.date(2024, 7, 24)))
    kinds = {m.expression.kind for m in mentions}
    assert len(kinds - FOCUSED_KINDS) >= 6
    assert kinds & FOCUSED_KINDS
    focuses = [
        m.timex
        for m in time_mentions(
            Document(
                "In 1987 the mill closed; in the third quarter of 2001 it was sold.", published=dt.date(2024, 7, 24)
            )
        )
    ]
    changed = set()
    for mention in mentions:
        for focus in focuses:
            for anchor in (dt.date(2024, 7, 24), dt.date(2011, 2, 28)):
                with_focus = resolve(mention.expression, anchor, mention.tense, focus=focus, day_first=True)
                without = resolve(mention.expression, anchor, mention.tense, focus=None, day_first=True)
                if with_focus != without:
                    changed.add(mention.expression.kind)
    assert changed
    assert changed <= FOCUSED_KINDS


def test_a_day_the_text_fixes_is_not_resolved_again_for_each_publication_day(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without a publication date a linked pair is tried against every day of a window of
    # years; a date given in full, and "the next day" after it, are the same on every one.
    calls = 0
    real_resolve = agreement.resolve

    def counting(*args: Any, **kwargs: Any) -> Timex:
        nonlocal calls
        calls += 1
        return real_resolve(*args, **kwargs)

    monkeypatch.setattr(agreement, "resolve", counting)
    agreement._interval_table.cache_clear()
    agreement._agreeing.cache_clear()
    text = (
        "The union signed the pay agreement with the council on 3 March 1990 after a week of talks in Leeds. "
        "Bus drivers had walked out in February. "
        "Their leaders said the offer was the best in a decade. "
        "The union signed the pay agreement with the council on 4 March 1990 after a week of talks in Leeds."
    )
    report = newsqa.check(text, config=Config(select=("dates",)))
    assert [f.code for f in report.findings] == ["NQ404"]
    assert agreement._interval_table.cache_info().misses > 0
    assert calls <= 2 * agreement._interval_table.cache_info().misses


def test_a_day_the_text_fixes_is_the_same_whenever_the_article_appears() -> None:
    text = (
        "The plant closed on 3 March 1990, and the next day the union signed a new agreement. "
        "Talks resumed on Christmas Day 2019 and ended on Wednesday 25 July 2018. "
        "The ruling of 12/11/2021 was appealed two days later, and a week after that the court sat again. "
        "She will stand down on 1 January 2030; on Monday she met the board, and yesterday it voted."
    )
    mentions = time_mentions(Document(text))
    fixed = 0
    for mention in mentions:
        for day_first in (True, False):
            alone = resolve(mention.expression, None, mention.tense, focus=mention.focus, day_first=day_first)
            if alone.interval is None:
                continue
            fixed += 1
            for anchor in (dt.date(1991, 1, 1), dt.date(2019, 12, 24), dt.date(2024, 7, 24), dt.date(2040, 2, 29)):
                told = resolve(mention.expression, anchor, mention.tense, focus=mention.focus, day_first=day_first)
                assert told.interval == alone.interval, mention.expression.text
    assert fixed >= 10
