"""``newsqa fix``: apply the suggestions that are safe to apply without an editor.

The contract for check authors: a finding is applied by ``newsqa fix`` only
when its check marks it safe, with ``data={"fix": "safe"}``, and gives at least
one suggestion; the first suggestion replaces ``span.text``. Mark a finding
safe only when the replacement is right whatever the context: a house-style
spelling, an acronym's case, an invisible character removed. A choice between
readings, or a fix that needs the sentence rewritten, is never safe.

Edits are also left alone when they would change quoted words (unless asked:
a quotation is what someone said), when they overlap another edit, or when
the span holds markup that was taken out for checking.
"""

from __future__ import annotations

import bisect
import difflib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import attrs

from newsqa.pipeline import Checked
from newsqa.report import Finding

__all__ = ["SAFE_FIX", "Edit", "FixPlan", "apply_edits", "atomic_write", "is_safe_fix", "plan_fixes", "unified_diff"]

#: The ``data`` a check gives a finding that ``newsqa fix`` may apply.
SAFE_FIX = {"fix": "safe"}


def is_safe_fix(finding: Finding) -> bool:
    """True when the finding's check marked it safe to apply and it has a suggestion."""
    return finding.data.get("fix") == "safe" and bool(finding.suggestions)


@attrs.frozen
class Edit:
    """Replace ``text[start:end]`` with ``replacement``, because of ``finding``."""

    start: int
    end: int
    replacement: str
    finding: Finding


@attrs.frozen
class FixPlan:
    """The edits to make to one file, and the safe findings left alone with the reason."""

    edits: tuple[Edit, ...]
    skipped: tuple[tuple[Finding, str], ...]


def plan_fixes(checked: Checked, *, in_quotations: bool = False) -> FixPlan:
    """The edits ``newsqa fix`` makes to one checked file."""
    quotations = [] if in_quotations else checked.quotation_ranges()
    # Quotations never overlap, so only the last one opening at or before a span can hold it.
    quotation_starts = [start for start, _ in quotations]
    source = checked.prepared.source
    edits: list[Edit] = []
    skipped: list[tuple[Finding, str]] = []
    last_end = -1
    for finding in checked.report.findings:
        if not is_safe_fix(finding):
            continue
        span = finding.span
        holder = bisect.bisect_right(quotation_starts, span.start) - 1
        if holder >= 0 and span.end <= quotations[holder][1]:
            skipped.append((finding, "inside a quotation"))
        elif not source.is_verbatim(span.start, span.end):
            skipped.append((finding, "the span holds markup"))
        elif span.start < last_end:
            skipped.append((finding, "overlaps another fix"))
        else:
            edits.append(Edit(span.start, span.end, finding.suggestions[0], finding))
            last_end = max(span.end, span.start + 1)
    return FixPlan(edits=tuple(edits), skipped=tuple(skipped))


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` (sorted by position) applied."""
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of one file, as ``git diff`` shows it."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def atomic_write(path: str | Path, text: str, *, backup: bool = False) -> Path | None:
    """Replace a file's content in one step, keeping its permissions; returns the backup's path.

    The new text is written to a temporary file beside it and renamed over it,
    so a reader sees the old file or the new one, never half of one. With
    ``backup`` the old file is kept as ``<name>.bak``.
    """
    # Through a symbolic link to the file itself, so the link stays a link.
    path = Path(path).resolve()
    kept: Path | None = None
    if backup:
        kept = path.with_name(path.name + ".bak")
        shutil.copy2(path, kept)
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return kept
