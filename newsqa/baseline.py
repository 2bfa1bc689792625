"""Baselines: record today's findings, report only new ones later.

A newsroom adopting newsqa on an archive writes a baseline once
(``newsqa check --write-baseline newsqa-baseline.json archive/``) and checks
against it afterwards (``--baseline newsqa-baseline.json``): findings already
recorded are left out of the report and counted in ``suppressed``.

A finding is recognised by its *fingerprint*: the rule code, the text of its
span and a little of the text around it, each with case and spacing
normalised, the context taken from the finding's own line. Line and column are not part of it, so a finding survives
paragraphs added above it; editing the words around a finding makes it new.
Each file's fingerprints are counted, so a second identical finding in the
same file is new until it is recorded too. Paths are stored relative to the
baseline file, so the baseline works from any working directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import attrs

from newsqa.errors import InputError
from newsqa.report import Finding, Report

__all__ = ["BASELINE_VERSION", "Baseline", "fingerprint"]

#: Version of the baseline file format.
BASELINE_VERSION = 1

_CONTEXT = 32  # characters of context on each side
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprint(finding: Finding, source: str) -> str:
    """A short hash of the finding's code, span text and surrounding text, independent of its line."""
    span = finding.span
    # Context stops at line breaks, so lines added or removed around a finding leave it alone.
    before = _LINE_BREAK.split(source[max(0, span.start - _CONTEXT) : span.start])[-1]
    after = _LINE_BREAK.split(source[span.end : span.end + _CONTEXT])[0]
    key = "\x1f".join((finding.code, _normalise(span.text), _normalise(before), _normalise(after)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _key(path: str, root: Path) -> str:
    if path == "<stdin>":
        return path
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


@attrs.define
class Baseline:
    """Fingerprint counts per file, relative to the folder of the baseline file (``root``)."""

    root: Path
    files: dict[str, Counter[str]] = attrs.field(factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file, raising :class:`~newsqa.errors.InputError` when it is not one."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise InputError(f"{path}: cannot read baseline: {error.strerror or error}") from None
        except ValueError as error:
            raise InputError(f"{path}: not a newsqa baseline (bad JSON: {error})") from None
        if (
            not isinstance(data, dict)
            or data.get("version") != BASELINE_VERSION
            or not isinstance(data.get("files"), dict)
        ):
            raise InputError(f"{path}: not a newsqa baseline of version {BASELINE_VERSION}")
        files = {
            str(name): Counter({str(k): int(v) for k, v in counts.items()}) for name, counts in data["files"].items()
        }
        return cls(root=path.resolve().parent, files=files)

    @classmethod
    def empty(cls, path: str | Path) -> Baseline:
        """A baseline to record into, to be saved at ``path``."""
        return cls(root=Path(path).resolve().parent)

    def record(self, report: Report, source: str) -> None:
        """Add every finding of a report."""
        name = report.document.identifier or "<text>"
        counts = self.files.setdefault(_key(name, self.root), Counter())
        counts.update(fingerprint(f, source) for f in report.findings)

    def filter(self, report: Report, source: str) -> Report:
        """The report without the findings recorded here, which are added to ``suppressed``."""
        name = report.document.identifier or "<text>"
        remaining = Counter(self.files.get(_key(name, self.root), Counter()))
        kept: list[Finding] = []
        for finding in report.findings:
            key = fingerprint(finding, source)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        if len(kept) == len(report.findings):
            return report
        return attrs.evolve(report, findings=kept, suppressed=report.suppressed + len(report.findings) - len(kept))

    def to_dict(self) -> dict[str, object]:
        """The baseline file's JSON form."""
        files: Mapping[str, Mapping[str, int]] = {
            name: dict(sorted(counts.items())) for name, counts in sorted(self.files.items()) if counts
        }
        return {"version": BASELINE_VERSION, "tool": "newsqa", "files": files}

    def save(self, path: str | Path) -> None:
        """Write the baseline file (UTF-8 JSON, sorted, one run gives the same bytes)."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def __len__(self) -> int:
        return sum(sum(counts.values()) for counts in self.files.values())
