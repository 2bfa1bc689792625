from __future__ import annotations

import datetime as dt
import gc
import sys
from types import FrameType

import pytest

import newsqa
from newsqa import Check, Checker, CheckFailed, CheckResult, CheckStatus, Config, Document, Rule, Severity
from newsqa.registry import _REGISTRY, register_check

TEXT = "Boris Pisto\u200brius spoke\x07 in Berlin."


def test_check_returns_findings_with_exact_spans() -> None:
    report = newsqa.check(TEXT, published="2024-07-24")
    codes = [f.code for f in report.findings if f.check == "characters"]
    assert codes == ["NQ003", "NQ001"]
    for finding in report.findings:
        assert TEXT[finding.span.start : finding.span.end] == finding.span.text
    assert report.document.published == dt.date(2024, 7, 24)


def test_ignore_by_code_counts_as_suppressed() -> None:
    report = newsqa.check(TEXT, config=Config(ignore=("NQ003", "NQ3")))
    assert [f.code for f in report.findings] == ["NQ001"]
    assert report.suppressed == 1


def test_select_by_code_prefix_and_by_check_name() -> None:
    assert [f.code for f in newsqa.check(TEXT, config=Config(select=("NQ001",))).findings] == ["NQ001"]
    assert len(newsqa.check(TEXT, config=Config(select=("characters",))).findings) == 2
    with Checker(Config(select=("NQ9",))) as checker:
        assert checker.checks == ()


def test_ignoring_every_code_of_a_check_removes_the_check() -> None:
    with Checker(Config(ignore=("NQ0",))) as checker:
        assert "characters" not in checker.checks


def test_severity_override() -> None:
    report = newsqa.check(TEXT, config=Config(severity={"NQ003": "error"}))
    assert {f.code: f.severity for f in report.findings}["NQ003"] is Severity.ERROR


def test_house_style_becomes_the_document_language() -> None:
    with Checker(Config(language="en-GB")) as checker:
        assert checker.check("Text.").document.language == "en-GB"
        assert checker.check("Text.", language="en-US").document.language == "en-US"


def test_bad_publication_date_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="not YYYY-MM-DD"):
        newsqa.check("Text.", published="24/07/2024")


@pytest.fixture
def broken_checks():  # type: ignore[no-untyped-def]
    rule = Rule(code="NQ990", name="t", summary="s", rationale="r", severity="info", flagged="a", fixed="b")

    class Explodes(Check):
        """A check with a bug."""

        name = "test-explodes"
        description = "raises"
        rules = (rule,)

        def run(self, document: Document) -> CheckResult:
            raise ZeroDivisionError("division by zero")

    class EngineDown(Check):
        """A check whose engine died."""

        name = "test-engine-down"
        description = "fails"
        rules = (Rule(code="NQ991", name="t", summary="s", rationale="r", severity="info", flagged="a", fixed="b"),)

        def run(self, document: Document) -> CheckResult:
            raise CheckFailed("engine stopped answering")

    class WillNotStart(Check):
        """A check that cannot start."""

        name = "test-no-start"
        description = "no start"
        rules = (Rule(code="NQ992", name="t", summary="s", rationale="r", severity="info", flagged="a", fixed="b"),)

        def __init__(self, config: Config) -> None:
            raise RuntimeError("no engine")

        def run(self, document: Document) -> CheckResult:  # pragma: no cover - never started
            raise AssertionError

    for cls in (Explodes, EngineDown, WillNotStart):
        register_check(cls)
    yield
    for cls in (Explodes, EngineDown, WillNotStart):
        _REGISTRY.pop(cls.name)


@pytest.mark.usefixtures("broken_checks")
def test_a_failing_check_is_reported_and_the_others_still_run() -> None:
    report = newsqa.check(TEXT)
    status = {run.check: run for run in report.checks}
    assert status["characters"].status is CheckStatus.RAN
    assert status["test-explodes"].status is CheckStatus.FAILED
    assert status["test-explodes"].reason == "internal error: ZeroDivisionError: division by zero"
    assert status["test-engine-down"].reason == "engine stopped answering"
    assert status["test-no-start"].status is CheckStatus.FAILED
    assert "no engine" in (status["test-no-start"].reason or "")
    assert not report.complete
    assert len([f for f in report.findings if f.check == "characters"]) == 2


def test_checker_is_reused_and_closed() -> None:
    checker = Checker()
    reports = list(checker.check_many(["One story.", Document("Two\x07 stories.")]))
    assert [len([f for f in r.findings if f.check == "characters"]) for r in reports] == [0, 1]
    checker.close()
    checker.close()
    with pytest.raises(RuntimeError, match="closed"):
        checker.check("Three.")


def test_duplicate_codes_are_refused() -> None:
    class Clash(Check):
        """Reuses NQ001."""

        name = "test-clash"
        description = "clash"
        rules = (Rule(code="NQ001", name="t", summary="s", rationale="r", severity="info", flagged="a", fixed="b"),)

        def run(self, document: Document) -> CheckResult:  # pragma: no cover
            return CheckResult()

    with pytest.raises(newsqa.NewsQAError, match="reuses rule codes"):
        register_check(Clash)


def _non_grammar() -> Config:
    return Config(select=tuple(name for name in newsqa.registered_checks() if name != "grammar"))


def test_the_collector_is_paused_while_a_text_is_checked_and_on_again_after(seed_text: str) -> None:
    collections: list[int] = []
    checking = Checker._check.__code__

    def count(phase: str, info: dict[str, int]) -> None:
        # The collections that start while the text is being checked (one may start as
        # the pause ends, over the young objects the check left).
        frame: FrameType | None = sys._getframe(1)
        while frame is not None and frame.f_code is not checking:
            frame = frame.f_back
        if phase == "start" and frame is not None:
            collections.append(info["generation"])

    with Checker(_non_grammar()) as checker:
        checker.check(seed_text)  # tables loaded, patterns compiled
        gc.collect()
        gc.callbacks.append(count)
        try:
            report = checker.check(seed_text * 20, published="2024-07-24")
        finally:
            gc.callbacks.remove(count)
    assert report.findings
    assert collections == []
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off_and_an_error_turns_it_back_on() -> None:
    with Checker(_non_grammar()) as checker:
        gc.disable()
        try:
            checker.check("The minister resigned on Monday.")
            assert not gc.isenabled()
        finally:
            gc.enable()
        with pytest.raises(ValueError, match="not YYYY-MM-DD"):
            checker.check("The minister resigned on Monday.", published="Monday")
        assert gc.isenabled()


def test_a_check_leaves_no_reference_cycles_behind(seed_text: str) -> None:
    # What makes pausing the collector safe: reference counting frees all a check leaves.
    with Checker(_non_grammar()) as checker:
        checker.check(seed_text)
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            checker.check(seed_text * 5, published="2024-07-24")
            gc.collect()
            garbage = [type(thing).__name__ for thing in gc.garbage]
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
    assert garbage == []
