"""GitHub Actions: workflow annotations, and a Markdown summary for a pull-request comment.

Annotations are workflow commands, one line each, that GitHub shows on the
changed lines of a pull request::

    ::warning file=story.md,line=3,col=5,endLine=3,endColumn=9,title=NQ201 spelling::Message

Values are escaped as the runner expects: ``%``, CR and LF everywhere, and
``:`` and ``,`` inside properties. The Markdown summary has a table of counts
and one section per file with its findings; it stays under GitHub's limit for
a comment by leaving out the rest with a note.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from newsqa.document import LineIndex
from newsqa.pipeline import Outcome
from newsqa.report import Severity

__all__ = ["COMMENT_LIMIT", "annotation_lines", "escape_data", "escape_property", "markdown_summary"]

#: GitHub refuses comments and step summaries longer than this many characters.
COMMENT_LIMIT = 65_536

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape the message of a workflow command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=``) of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, message: str, **properties: object) -> str:
    shown = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {shown}::{escape_data(message)}" if shown else f"::{kind}::{escape_data(message)}"


def annotation_lines(outcome: Outcome) -> Iterator[str]:
    """The workflow commands for one input: its findings, checks not run, or why it was not read."""
    if outcome.report is None or outcome.text is None:
        yield _command("error", outcome.error or "not checked", file=outcome.name, title="newsqa: input error")
        return
    lines = LineIndex(outcome.text)
    for finding in outcome.report.findings:
        span = finding.span
        end_line, end_column = lines.line_col(span.end)
        properties: dict[str, object] = {"file": outcome.name, "line": span.line, "col": span.column}
        properties.update(endLine=end_line, endColumn=end_column)
        properties["title"] = f"{finding.code} {finding.check}"
        message = finding.message
        if finding.suggestions:
            best = finding.suggestions[0]
            message += f" Suggestion: {best!r}." if best else " Suggestion: delete it."
        yield _command(_COMMANDS[finding.severity], message, **properties)
    for run in outcome.report.not_run:
        reason = f"check {run.check!r} {run.status.value}: {run.reason or 'no reason given'}"
        yield _command("warning", reason, file=outcome.name, title="newsqa: check not run")


def _cell(text: str, limit: int = 300) -> str:
    # Invisible and control characters are named, or the cell would look empty.
    text = "".join(f"U+{ord(c):04X}" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # Characters that would end the cell, start markup or HTML in a GitHub table.
    for character in ("\\", "|", "`", "*", "_", "<", ">", "[", "]"):
        text = text.replace(character, "\\" + character)
    return text


def markdown_summary(outcomes: Sequence[Outcome], *, limit: int = COMMENT_LIMIT) -> str:
    """A Markdown report of the whole run, for a pull-request comment or a job summary."""
    checked = [o for o in outcomes if o.report is not None]
    failed = [o for o in outcomes if o.report is None]
    counts = {severity: sum(o.report.count(severity) for o in checked if o.report) for severity in Severity}
    suppressed = sum(o.report.suppressed for o in checked if o.report)
    with_findings = [o for o in checked if o.report and o.report.findings]
    head = [
        "## newsqa report",
        "",
        f"{len(checked)} files checked, {len(with_findings)} with findings"
        + (f", **{len(failed)} could not be checked**" if failed else "")
        + ".",
        "",
        "| errors | warnings | info | suppressed |",
        "| ---: | ---: | ---: | ---: |",
        f"| {counts[Severity.ERROR]} | {counts[Severity.WARNING]} | {counts[Severity.INFO]} | {suppressed} |",
        "",
    ]
    if failed:
        head.append("### Could not be checked")
        head.append("")
        head.extend(f"- {_cell(o.error or o.name)}" for o in failed)
        head.append("")
    sections: list[str] = []
    for outcome in with_findings:
        report = outcome.report
        assert report is not None
        rows = [
            f"### `{outcome.name.replace('`', '')}`",
            "",
            "| line | code | severity | message | text |",
            "| ---: | --- | --- | --- | --- |",
        ]
        for f in report.findings:
            where = f"{f.span.line}:{f.span.column}"
            rows.append(f"| {where} | {f.code} | {f.severity.value} | {_cell(f.message)} | {_cell(f.span.text, 60)} |")
        not_run = ", ".join(run.check for run in report.not_run)
        if not_run:
            rows.append(f"\nChecks not run: {_cell(not_run)}")
        sections.append("\n".join(rows) + "\n")
    text = "\n".join(head)
    for number, section in enumerate(sections):
        note = f"\n_{len(sections) - number} more files with findings are not shown: the comment would be too long._\n"
        if len(text) + len(section) + len(note) + 1 > limit:
            return text + note
        text += "\n" + section
    return text
