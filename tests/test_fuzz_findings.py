"""Inputs the fuzzers (``nox -s fuzz``) and the property tests found to break newsqa, kept so they stay fixed."""

from __future__ import annotations

import pytest

import newsqa
from newsqa import CheckStatus


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-05", "9999-12-31", "9999-12-26"])
@pytest.mark.parametrize(
    "text",
    [
        "The pact was signed on Wednesday, 25th September, in Berlin.",
        "The vote is next year; the count was last week, on Monday, at Christmas.",
        "Profits rose in the first quarter, a year earlier than in the next decade.",
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_left_unresolved(text: str, published: str) -> None:
    # A weekday before 1 January of year 1, or "next year" told in 9999, has no date:
    # the dates check runs and leaves such values unresolved instead of failing.
    report = newsqa.check(text, published=published, config=newsqa.Config(select=("dates",)))
    (run,) = report.checks
    assert run.status is CheckStatus.RAN, run.reason
    assert report.timeline


@pytest.mark.languagetool
@pytest.mark.usefixtures("languagetool_url")
@pytest.mark.parametrize("text", ["\ud800", "The goverment met\udfff on Tuesday. Its \U0001f600 plan\ud83d was late."])
def test_lone_surrogates_reach_languagetool_as_replacement_characters(text: str) -> None:
    # Found by the property tests: a Python string (not a file, which must be UTF-8) may hold a
    # lone surrogate, which cannot be sent over HTTP; the grammar check used to fail on it.
    config = newsqa.Config(select=("grammar",), checks={"grammar": {"engine": "languagetool"}})
    report = newsqa.check(text, config=config)
    (run,) = report.checks
    assert run.status is CheckStatus.RAN, run.reason
    for finding in report.findings:
        assert text[finding.span.start : finding.span.end] == finding.span.text
    if "goverment" in text:
        assert "goverment" in [finding.span.text for finding in report.findings]
