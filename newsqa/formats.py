"""Writing reports for people and programs: text, JSON and JSON Lines (SARIF and GitHub: own modules)."""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from newsqa.report import Finding, Report, Severity

__all__ = ["FORMATS", "format_json", "format_jsonl_line", "format_text", "use_colour"]

#: The output formats of ``newsqa check``.
FORMATS = ("text", "json", "jsonl", "sarif", "github", "markdown")

_EXCERPT_WIDTH = 100


def _excerpt(source: str, finding: Finding) -> tuple[str, str]:
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
    return f"{prefix}{shown}{suffix}", f"{pad}{carets}"


_SEVERITY_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def use_colour(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal and ``NO_COLOR`` is not set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour and text else text


def format_text(report: Report, source: str | None = None, *, colour: bool = False) -> str:
    """A report as text: the file's findings grouped by check, then the checks not run and a summary.

    With ``source`` (the checked file's text) each finding shows its line with
    carets under the span. ``colour`` adds terminal colours.
    """
    name = report.document.identifier or "<text>"
    lines: list[str] = []
    if report.findings or report.not_run:
        lines.append(_paint(name, "1", colour))
    by_check: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_check.setdefault(finding.check, []).append(finding)
    for check in sorted(by_check):
        findings = by_check[check]
        lines.append(f"  {_paint(check, '1;34', colour)} ({len(findings)})")
        for finding in findings:
            lines.extend(_finding_lines(name, finding, source, colour))
    for run in report.not_run:
        lines.append(f"  check {run.check!r} {run.status.value}: {run.reason or 'no reason given'}")
    summary = report.summary
    lines.append(
        f"{name}: {_count(len(report.findings), 'finding')} "
        f"({_count(report.count(Severity.ERROR), 'error')}, {_count(report.count(Severity.WARNING), 'warning')}, "
        f"{report.count(Severity.INFO)} info)"
        + (f", {summary['suppressed']} suppressed" if report.suppressed else "")
        + ("" if report.complete else f"; NOT RUN: {', '.join(run.check for run in report.not_run)}")
    )
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _finding_lines(name: str, finding: Finding, source: str | None, colour: bool) -> list[str]:
    span = finding.span
    severity = _paint(finding.severity.value, _SEVERITY_COLOURS[finding.severity], colour)
    lines = [f"    {name}:{span.line}:{span.column}: {_paint(finding.code, '1', colour)} {severity} {finding.message}"]
    if source is not None:
        excerpt, carets = _excerpt(source, finding)
        lines.extend((f"      {excerpt}", f"      {_paint(carets, _SEVERITY_COLOURS[finding.severity], colour)}"))
    if finding.suggestions and any(finding.suggestions):
        shown = ", ".join(repr(s) for s in finding.suggestions[:3])
        lines.append(f"      suggestion: {shown}")
    for related in finding.related[:5]:
        lines.append(f"      see line {related.line}, column {related.column}: {_short(related.text)}")
    return lines


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
