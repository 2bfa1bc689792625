"""Writing the outcomes of ``newsqa check`` in the chosen format, streaming where the format allows."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from newsqa.formats import format_json, format_jsonl_line, format_text
from newsqa.github import annotation_lines, markdown_summary
from newsqa.pipeline import Outcome
from newsqa.sarif import format_sarif

__all__ = ["OutputWriter"]

_STREAMED = ("jsonl", "github")


class OutputWriter:
    """Writes outcomes to ``stream`` in one format.

    JSON Lines and annotations go out as each document finishes, text in the
    order the inputs were given, JSON, SARIF and Markdown once at the end.
    """

    def __init__(self, format: str, stream: TextIO, *, colour: bool, version: str) -> None:
        self.format = format
        self.stream = stream
        self.colour = colour
        self.version = version
        self._waiting: dict[int, Outcome] = {}
        self._next = 0

    @property
    def needs_outcomes(self) -> bool:
        """True when :meth:`finish` needs every outcome; streamed formats need none kept."""
        if self.format == "github":
            return bool(os.environ.get("GITHUB_STEP_SUMMARY"))
        return self.format not in (*_STREAMED, "text")

    def add(self, index: int, outcome: Outcome) -> None:
        """Take the outcome of input ``index``, as soon as it is ready."""
        if self.format in _STREAMED:
            self._write(outcome)
        elif self.format == "text":
            self._waiting[index] = outcome
            while self._next in self._waiting:
                self._write(self._waiting.pop(self._next))
                self._next += 1

    def error(self, outcome: Outcome) -> None:
        """Take an input that failed before checking began (a glob that matched nothing, unreadable stdin)."""
        if self.format == "github":
            self._write(outcome)

    def _write(self, outcome: Outcome) -> None:
        if self.format == "github":
            for line in annotation_lines(outcome):
                print(line, file=self.stream)
        elif outcome.report is None:
            return  # errors go to standard error, one line each
        elif self.format == "jsonl":
            print(format_jsonl_line(outcome.report), file=self.stream)
        else:
            print(format_text(outcome.report, outcome.text, colour=self.colour), file=self.stream)
        self.stream.flush()

    def finish(self, outcomes: Sequence[Outcome]) -> None:
        """Write what waits for the whole run. ``outcomes`` holds every input, errors first, then in input order."""
        if self.format == "github":
            summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
            if summary_file:
                with open(summary_file, "a", encoding="utf-8") as summary:
                    summary.write(markdown_summary(outcomes) + "\n")
        elif self.format == "json":
            reports = [o.report for o in outcomes if o.report is not None]
            if reports:
                print(format_json(reports), file=self.stream)
        elif self.format == "sarif":
            print(format_sarif(outcomes, version=self.version), file=self.stream)
        elif self.format == "markdown":
            print(markdown_summary(outcomes), file=self.stream)
        self.stream.flush()
