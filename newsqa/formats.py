"""Writing reports for people and programs: text, JSON and JSON Lines."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

from newsqa.report import Finding, Report

__all__ = ["FORMATS", "format_json", "format_jsonl_line", "format_text"]

FORMATS = ("text", "json", "jsonl")

_EXCERPT_WIDTH = 100


def _excerpt(source: str, finding: Finding) -> list[str]:
    """The finding's line with a caret line under its span, cut to a readable width."""
    span = finding.span
    line_start = span.start - (span.column - 1)
    line_end = line_start
    while line_end < len(source) and source[line_end] not in "\r\n\u2028\u2029":
        line_end += 1
    line = source[line_start:line_end]
    col = span.column - 1
    width = max(1, min(span.end, line_end) - span.start)
    left = max(0, min(col - 20, len(line) - _EXCERPT_WIDTH))
    shown = line[left : left + _EXCERPT_WIDTH]
    prefix = "…" if left > 0 else ""
    suffix = "…" if left + _EXCERPT_WIDTH < len(line) else ""
    pad = " " * (len(prefix) + col - left)
    carets = "^" * max(1, min(width, len(shown) - (col - left)))
    # Control and format characters would act on the terminal or vanish; show a
    # visible stand-in of the same width so the carets still line up.
    shown = "".join(" " if ch == "\t" else "·" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in shown)
    return [f"    {prefix}{shown}{suffix}", f"    {pad}{carets}"]


def format_text(report: Report, source: str | None = None) -> str:
    """A report as text: one block per finding, then the checks not run and a summary line.

    With ``source`` (the checked text) each finding shows its line with carets
    under the span.
    """
    name = report.document.identifier or "<text>"
    lines: list[str] = []
    for finding in report.findings:
        span = finding.span
        lines.append(
            f"{name}:{span.line}:{span.column}: {finding.code} {finding.severity.value} "
            f"[{finding.check}] {finding.message}"
        )
        if source is not None:
            lines.extend(_excerpt(source, finding))
        if finding.suggestions and any(finding.suggestions):
            shown = ", ".join(repr(s) for s in finding.suggestions[:3])
            lines.append(f"    suggestion: {shown}")
        for related in finding.related[:5]:
            lines.append(f"    see line {related.line}, column {related.column}: {_short(related.text)}")
    for run in report.not_run:
        lines.append(f"{name}: check {run.check!r} {run.status.value}: {run.reason or 'no reason given'}")
    summary = report.summary
    lines.append(
        f"{name}: {summary['findings']} findings "
        f"({summary['error']} errors, {summary['warning']} warnings, {summary['info']} info)"
        + (f", {summary['suppressed']} suppressed" if report.suppressed else "")
        + ("" if report.complete else f"; NOT RUN: {', '.join(run.check for run in report.not_run)}")
    )
    return "\n".join(lines)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_json(reports: Sequence[Report]) -> str:
    """One report as its JSON object; several as a JSON array of report objects."""
    if len(reports) == 1:
        return reports[0].to_json()
    return json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False)


def format_jsonl_line(report: Report) -> str:
    """One report on one line, for JSON Lines output."""
    return report.to_json(indent=None)
