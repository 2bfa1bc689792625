"""The report contract: spans, findings, check runs, the timeline and the report.

Every class here is a frozen, slotted attrs class. The JSON form produced by
:meth:`Report.to_dict` is the public contract; its JSON Schema ships in the
package (:func:`report_schema`) and :meth:`Report.from_dict` reads it back.

Offsets are code-point offsets into the original text (Python ``str`` indices),
``end`` exclusive. Lines and columns are 1-based; a column counts code points
from the start of the line. :func:`newsqa.document.Document.utf16_offset`
converts an offset for editors that count UTF-16 code units.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, Union

import attrs

__all__ = [
    "SCHEMA_VERSION",
    "CheckRun",
    "CheckStatus",
    "DateMention",
    "DocumentInfo",
    "Finding",
    "JSONValue",
    "Report",
    "Severity",
    "Span",
    "report_schema",
]

#: Version of the JSON report contract. Bumped on any incompatible change.
SCHEMA_VERSION = "1.0"

JSONValue = Union[str, int, float, bool, None, list["JSONValue"], dict[str, "JSONValue"]]  # noqa: UP007
"""A value that survives a JSON round trip unchanged."""


class Severity(str, enum.Enum):
    """How serious a finding is. Ordered: ``INFO < WARNING < ERROR``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self]

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class CheckStatus(str, enum.Enum):
    """Whether a check ran. A report with a check not ``RAN`` is incomplete."""

    RAN = "ran"
    SKIPPED = "skipped"
    FAILED = "failed"

    def __str__(self) -> str:
        return self.value


def _freeze_mapping(value: Mapping[str, JSONValue] | None) -> Mapping[str, JSONValue]:
    # A plain dict copy: attrs instances are frozen, and copying keeps a caller's
    # later mutation of its own dict from leaking into a finished report.
    return dict(value or {})


@attrs.frozen
class Span:
    """A stretch of the document: ``text == document.text[start:end]``.

    ``line`` and ``column`` are 1-based and locate ``start``.
    """

    start: int
    end: int
    line: int
    column: int
    text: str

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if self.end - self.start != len(self.text):
            raise ValueError("span text does not match its offsets")

    def to_dict(self) -> dict[str, JSONValue]:
        """The span's JSON form."""
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Read a span from its JSON form."""
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            line=int(data["line"]),
            column=int(data["column"]),
            text=str(data["text"]),
        )


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _seconds(value: float) -> float:
    # Kept to microseconds so that the JSON round trip is exact.
    return round(float(value), 6)


def _check_runs(value: Iterable[CheckRun]) -> tuple[CheckRun, ...]:
    return tuple(value)


@attrs.frozen
class Finding:
    """One problem for an editor to look at.

    ``span`` is where the problem is; ``related`` are the other places that
    make it a problem (the earlier copy of a repeated passage, the other
    spelling, the conflicting date). ``suggestions`` are replacements for
    ``span.text``, best first. ``data`` holds check-specific facts as JSON values.
    """

    check: str
    code: str
    severity: Severity = attrs.field(converter=Severity)
    message: str
    span: Span
    related: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    suggestions: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    confidence: float = 1.0
    data: Mapping[str, JSONValue] = attrs.field(factory=dict, converter=_freeze_mapping)

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside 0..1")

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        """Position first, then code and message, for a stable order."""
        return (self.span.start, self.span.end, self.code, self.message)

    def to_dict(self) -> dict[str, JSONValue]:
        """The finding's JSON form."""
        return {
            "check": self.check,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "span": self.span.to_dict(),
            "related": [s.to_dict() for s in self.related],
            "suggestions": list(self.suggestions),
            "confidence": self.confidence,
            "data": dict(self.data),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Read a finding from its JSON form."""
        return cls(
            check=data["check"],
            code=data["code"],
            severity=Severity(data["severity"]),
            message=data["message"],
            span=Span.from_dict(data["span"]),
            related=tuple(Span.from_dict(s) for s in data.get("related", ())),
            suggestions=tuple(data.get("suggestions", ())),
            confidence=float(data.get("confidence", 1.0)),
            data=dict(data.get("data", {})),
        )


@attrs.frozen
class CheckRun:
    """What happened to one check on one document.

    ``engine`` and ``engine_version`` name the engine a check used (for
    example LanguageTool 6.8); ``reason`` says why a check was skipped or
    failed, or which engine was chosen and why.
    """

    check: str
    status: CheckStatus = attrs.field(converter=CheckStatus)
    seconds: float = attrs.field(default=0.0, converter=_seconds)
    engine: str | None = None
    engine_version: str | None = None
    reason: str | None = None
    data: Mapping[str, JSONValue] = attrs.field(factory=dict, converter=_freeze_mapping)

    def to_dict(self) -> dict[str, JSONValue]:
        """The check run's JSON form."""
        return {
            "check": self.check,
            "status": self.status.value,
            "seconds": self.seconds,
            "engine": self.engine,
            "engine_version": self.engine_version,
            "reason": self.reason,
            "data": dict(self.data),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckRun:
        """Read a check run from its JSON form."""
        return cls(
            check=data["check"],
            status=CheckStatus(data["status"]),
            seconds=float(data.get("seconds", 0.0)),
            engine=data.get("engine"),
            engine_version=data.get("engine_version"),
            reason=data.get("reason"),
            data=dict(data.get("data", {})),
        )


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@attrs.frozen
class DateMention:
    """A time reference found in the text, for the report's timeline.

    ``value`` is in TimeML TIMEX3 value syntax: ``2024-07-24``, ``2024-W30``,
    ``2024-07``, ``2024``, ``XXXX-09-25`` when the year is unknown, ``PRESENT_REF``;
    a run of days ("1-3 August") is its first and last day joined by a slash, as
    ISO 8601 writes an interval (``2024-08-01/2024-08-03``).
    ``start`` and ``end`` are the first and last day it covers, where known.
    ``kind`` says how it was written: ``absolute``, ``range``, ``weekday``,
    ``relative``, ``duration`` and the like.
    """

    span: Span
    kind: str
    value: str
    start: dt.date | None = attrs.field(default=None, converter=_date_or_none)
    end: dt.date | None = attrs.field(default=None, converter=_date_or_none)

    def to_dict(self) -> dict[str, JSONValue]:
        """The mention's JSON form."""
        return {
            "span": self.span.to_dict(),
            "kind": self.kind,
            "value": self.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateMention:
        """Read a mention from its JSON form."""
        return cls(
            span=Span.from_dict(data["span"]),
            kind=data["kind"],
            value=data["value"],
            start=data.get("start"),
            end=data.get("end"),
        )


@attrs.frozen
class DocumentInfo:
    """What the report says about the document it describes."""

    identifier: str | None
    published: dt.date | None = attrs.field(converter=_date_or_none)
    language: str | None
    characters: int
    words: int
    sentences: int
    paragraphs: int

    def to_dict(self) -> dict[str, JSONValue]:
        """The metadata's JSON form."""
        return {
            "identifier": self.identifier,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "characters": self.characters,
            "words": self.words,
            "sentences": self.sentences,
            "paragraphs": self.paragraphs,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentInfo:
        """Read the metadata from its JSON form."""
        return cls(
            identifier=data.get("identifier"),
            published=data.get("published"),
            language=data.get("language"),
            characters=int(data["characters"]),
            words=int(data["words"]),
            sentences=int(data["sentences"]),
            paragraphs=int(data["paragraphs"]),
        )


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: f.sort_key))


def _sorted_timeline(mentions: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end)))


@attrs.frozen
class Report:
    """Everything newsqa found in one document.

    Findings are kept sorted by position and the timeline by position, whatever
    order they were given in. ``suppressed`` counts findings left out on request
    (ignored codes, inline suppressions, a baseline) so a report never hides
    that something was dropped.
    """

    document: DocumentInfo
    checks: tuple[CheckRun, ...] = attrs.field(converter=_check_runs)
    findings: tuple[Finding, ...] = attrs.field(converter=_sorted_findings)
    timeline: tuple[DateMention, ...] = attrs.field(default=(), converter=_sorted_timeline)
    suppressed: int = 0
    schema_version: str = SCHEMA_VERSION

    @property
    def complete(self) -> bool:
        """True when every check ran."""
        return all(run.status is CheckStatus.RAN for run in self.checks)

    @property
    def not_run(self) -> tuple[CheckRun, ...]:
        """The check runs that were skipped or failed."""
        return tuple(run for run in self.checks if run.status is not CheckStatus.RAN)

    def count(self, severity: Severity) -> int:
        """How many findings have exactly this severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def at_or_above(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings whose severity is ``severity`` or worse."""
        return tuple(f for f in self.findings if f.severity.rank >= severity.rank)

    @property
    def summary(self) -> dict[str, JSONValue]:
        """Counts by severity, by check and by code, and the checks not run."""
        by_check = Counter(f.check for f in self.findings)
        by_code = Counter(f.code for f in self.findings)
        return {
            "findings": len(self.findings),
            "error": self.count(Severity.ERROR),
            "warning": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "suppressed": self.suppressed,
            "by_check": {key: by_check[key] for key in sorted(by_check)},
            "by_code": {key: by_code[key] for key in sorted(by_code)},
            "not_run": [run.check for run in self.not_run],
        }

    def to_dict(self) -> dict[str, JSONValue]:
        """The report's JSON form: the public contract, see :func:`report_schema`."""
        return {
            "schema_version": self.schema_version,
            "document": self.document.to_dict(),
            "summary": self.summary,
            "checks": [run.to_dict() for run in self.checks],
            "findings": [f.to_dict() for f in self.findings],
            "timeline": [m.to_dict() for m in self.timeline],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON text of :meth:`to_dict` (UTF-8 safe, non-ASCII kept as is)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Read a report from its JSON form. ``summary`` is derived, so it is not read."""
        version = str(data.get("schema_version", ""))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"unsupported report schema version {version!r}")
        summary = data.get("summary") or {}
        return cls(
            document=DocumentInfo.from_dict(data["document"]),
            checks=tuple(CheckRun.from_dict(c) for c in data.get("checks", ())),
            findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            timeline=tuple(DateMention.from_dict(m) for m in data.get("timeline", ())),
            suppressed=int(summary.get("suppressed", 0)),
            schema_version=version,
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Read a report from its JSON text."""
        return cls.from_dict(json.loads(text))


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :meth:`Report.to_dict`, as shipped in the package."""
    source = resources.files("newsqa").joinpath("schema/report.schema.json")
    schema: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return schema
