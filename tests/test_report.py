from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import assert_valid_report

import newsqa
from newsqa import CheckRun, CheckStatus, DateMention, Document, Finding, Report, Severity, Span


def sample_report() -> Report:
    text = "Nato met on Wednesday. 😀 NATO said “yes”.\nLine two."
    doc = Document(text, published=dt.date(2024, 7, 24), language="en-GB", identifier="a.txt")
    late = Finding(
        check="spelling",
        code="NQ201",
        severity="warning",
        message="NATO is written Nato elsewhere.",
        span=doc.span(text.index("NATO"), text.index("NATO") + 4),
        related=(doc.span(0, 4),),
        suggestions=("Nato",),
        confidence=0.9,
        data={"counts": {"Nato": 1, "NATO": 1}, "forms": ["Nato", "NATO"]},
    )
    early = Finding(check="x", code="NQ999", severity=Severity.INFO, message="m", span=doc.span(0, 4))
    mention = DateMention(
        span=doc.span(12, 21), kind="weekday", value="2024-07-24", start="2024-07-24", end=dt.date(2024, 7, 24)
    )
    return Report(
        document=doc.info(),
        checks=(
            CheckRun(check="spelling", status="ran", seconds=0.001),
            CheckRun(check="grammar", status=CheckStatus.SKIPPED, reason="no server"),
        ),
        findings=(late, early),
        timeline=(mention,),
        suppressed=2,
    )


def test_findings_are_sorted_by_position() -> None:
    report = sample_report()
    assert [f.code for f in report.findings] == ["NQ999", "NQ201"]


def test_json_round_trip_is_exact() -> None:
    report = sample_report()
    again = Report.from_json(report.to_json())
    assert again == report
    assert again.to_dict() == report.to_dict()
    assert json.loads(report.to_json(indent=None)) == report.to_dict()


def test_json_is_valid_against_the_shipped_schema() -> None:
    assert_valid_report(sample_report().to_dict())


def test_schema_rejects_a_broken_report() -> None:
    data = sample_report().to_dict()
    data["findings"][0]["severity"] = "fatal"  # type: ignore[index]
    with pytest.raises(AssertionError, match="severity"):
        assert_valid_report(data)


def test_summary_counts_and_completeness() -> None:
    report = sample_report()
    summary = report.summary
    assert summary["findings"] == 2
    assert summary["warning"] == 1
    assert summary["info"] == 1
    assert summary["suppressed"] == 2
    assert summary["by_code"] == {"NQ201": 1, "NQ999": 1}
    assert summary["not_run"] == ["grammar"]
    assert not report.complete
    assert [f.code for f in report.at_or_above(Severity.WARNING)] == ["NQ201"]


def test_span_must_match_its_text() -> None:
    with pytest.raises(ValueError, match="does not match"):
        Span(start=0, end=4, line=1, column=1, text="abc")
    with pytest.raises(ValueError, match="bad span"):
        Span(start=5, end=4, line=1, column=1, text="")


def test_confidence_is_bounded() -> None:
    doc = Document("Text here.")
    with pytest.raises(ValueError, match="confidence"):
        Finding(check="c", code="NQ001", severity="info", message="m", span=doc.span(0, 4), confidence=1.5)


def test_from_dict_refuses_another_major_schema_version() -> None:
    data = sample_report().to_dict()
    data["schema_version"] = "2.0"
    with pytest.raises(ValueError, match="schema version"):
        Report.from_dict(data)


def test_severity_order() -> None:
    assert Severity.INFO.rank < Severity.WARNING.rank < Severity.ERROR.rank
    assert str(Severity.ERROR) == "error"


def test_schema_is_shipped_in_the_package() -> None:
    schema = newsqa.report_schema()
    assert schema["title"] == "newsqa report"
    assert set(schema["required"]) == set(sample_report().to_dict())
