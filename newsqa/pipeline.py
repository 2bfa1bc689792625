"""One file from bytes to report: markup stripped, checked, suppressions applied, spans mapped back.

:func:`check_source` is what ``newsqa check`` runs for each input, in the
main process or in a worker. The report it returns speaks of the original
file: every span's offsets, line, column and text are those of the file, even
when markup was taken out before checking.
"""

from __future__ import annotations

import bisect
import datetime as dt

import attrs

from newsqa.checker import Checker
from newsqa.document import Document, LineIndex
from newsqa.markup import Prepared, prepare
from newsqa.report import DateMention, Finding, Report, Span
from newsqa.sourcemap import SourceMap

__all__ = ["Checked", "Outcome", "check_source"]


@attrs.frozen
class Outcome:
    """What became of one input: its report and text, or the error that stopped it.

    ``warnings`` are notes for the user that do not stop the check (a
    publication date in the metadata that is not a date).
    """

    name: str
    report: Report | None = None
    text: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


@attrs.frozen
class Checked:
    """A checked source: the report in file positions, and the prepared text and document behind it."""

    report: Report
    prepared: Prepared
    document: Document

    def quotation_ranges(self) -> list[tuple[int, int]]:
        """The inner text of every quotation, as ranges of the original file."""
        source = self.prepared.source
        return [source.to_original(q.inner_start, q.inner_end) for q in self.document.quotations]


def check_source(
    checker: Checker,
    text: str,
    *,
    name: str,
    kind: str = "text",
    published: dt.date | None = None,
) -> Checked:
    """Check one file's text. ``published`` (from the command line) wins over the file's own metadata."""
    prepared = prepare(text, kind)
    document = checker.document(prepared.text, published=published or prepared.published, identifier=name)
    report = checker.check(document)
    if prepared.suppressions:
        report = _apply_suppressions(report, document, prepared)
    if not prepared.source.is_identity:
        report = _to_original(report, prepared.source)
    return Checked(report=report, prepared=prepared, document=document)


def _apply_suppressions(report: Report, document: Document, prepared: Prepared) -> Report:
    # Each comment covers the rest of the first paragraph ending after it, so a finding can
    # only be covered by the comments of the first paragraph ending after its start: both
    # are found by bisection, never by scanning every paragraph or every comment.
    ends = [p.end for p in document.paragraphs]
    covered: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    for suppression in prepared.suppressions:
        index = bisect.bisect_right(ends, suppression.offset)
        if index < len(ends):
            start = max(document.paragraphs[index].start, suppression.offset)
            covered.setdefault(index, []).append((start, suppression.codes))
    kept = [
        finding
        for finding in report.findings
        if not any(
            start <= finding.span.start and (not codes or finding.code.startswith(codes))
            for start, codes in covered.get(bisect.bisect_right(ends, finding.span.start), ())
        )
    ]
    dropped = len(report.findings) - len(kept)
    return attrs.evolve(report, findings=kept, suppressed=report.suppressed + dropped)


def _to_original(report: Report, source: SourceMap) -> Report:
    lines = LineIndex(source.original)

    def span(checked: Span) -> Span:
        start, end = source.to_original(checked.start, checked.end)
        line, column = lines.line_col(start)
        return Span(start=start, end=end, line=line, column=column, text=source.original[start:end])

    def finding(item: Finding) -> Finding:
        return attrs.evolve(item, span=span(item.span), related=tuple(span(s) for s in item.related))

    def mention(item: DateMention) -> DateMention:
        return attrs.evolve(item, span=span(item.span))

    return attrs.evolve(
        report,
        findings=[finding(f) for f in report.findings],
        timeline=[mention(m) for m in report.timeline],
    )
