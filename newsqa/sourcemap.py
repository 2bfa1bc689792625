"""Offsets between an original file and the text that is checked.

Markup is taken out of a file before checking (:mod:`newsqa.markup`), so the
checked text differs from the file. A :class:`SourceMap` records how: the file
is cut into segments, each *kept* verbatim, *dropped* (markup, code, URLs) or
*replaced* (an entity by its character, a block tag by a paragraph break).
Every checked offset maps back to the exact original offset, so a finding
points at the characters of the file, not of the stripped copy.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import attrs

__all__ = ["Edit", "SourceMap", "apply_edits"]


@attrs.frozen
class Edit:
    """Replace ``original[start:end]`` with ``replacement`` (empty: drop it) for checking."""

    start: int
    end: int
    replacement: str = ""


@attrs.frozen
class _Segment:
    checked_start: int
    checked_end: int
    original_start: int
    original_end: int
    verbatim: bool


class SourceMap:
    """Maps offsets of the checked text to offsets of the original text and back."""

    __slots__ = ("_checked_starts", "_original_starts", "_segments", "checked", "original")

    def __init__(self, original: str, checked: str, segments: Iterable[_Segment]) -> None:
        self.original = original
        self.checked = checked
        self._segments = tuple(segments)
        self._checked_starts = [s.checked_start for s in self._segments]
        self._original_starts = [s.original_start for s in self._segments]

    @classmethod
    def identity(cls, text: str) -> SourceMap:
        """The map of a text checked as it is."""
        return cls(text, text, [_Segment(0, len(text), 0, len(text), True)] if text else [])

    @property
    def is_identity(self) -> bool:
        """True when the checked text is the original text."""
        return self.checked == self.original

    def start_to_original(self, offset: int) -> int:
        """The original offset where a span starting at checked ``offset`` starts."""
        if offset >= len(self.checked):
            return self._after_last()
        segment = self._segments[bisect.bisect_right(self._checked_starts, offset) - 1]
        if segment.verbatim:
            return segment.original_start + offset - segment.checked_start
        return segment.original_start

    def end_to_original(self, offset: int) -> int:
        """The original offset where a span ending at checked ``offset`` ends."""
        if offset <= 0:
            return self._segments[0].original_start if self._segments else 0
        segment = self._segments[bisect.bisect_left(self._checked_starts, offset) - 1]
        if segment.verbatim:
            return segment.original_start + offset - segment.checked_start
        return segment.original_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range of checked ``start..end``."""
        original_start = self.start_to_original(start)
        return original_start, max(original_start, self.end_to_original(end))

    def to_checked(self, offset: int) -> int:
        """The checked offset of original ``offset`` (the next kept character when it was dropped)."""
        index = bisect.bisect_right(self._original_starts, offset) - 1
        if index < 0:
            return 0
        segment = self._segments[index]
        if segment.verbatim and offset < segment.original_end:
            return segment.checked_start + offset - segment.original_start
        if not segment.verbatim and offset == segment.original_start:
            return segment.checked_start
        return segment.checked_end

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when original ``start..end`` was checked exactly as it is written."""
        index = bisect.bisect_right(self._original_starts, start) - 1
        if index < 0:
            return False
        segment = self._segments[index]
        return segment.verbatim and segment.original_start <= start and end <= segment.original_end

    def _after_last(self) -> int:
        return self._segments[-1].original_end if self._segments else len(self.original)


def apply_edits(original: str, edits: Iterable[Edit]) -> SourceMap:
    """The checked text and its map after applying ``edits`` to ``original``.

    Edits are applied in order of position; an edit that overlaps one already
    taken is left out, so the first markup construct found for a stretch of
    text wins.
    """
    pieces: list[str] = []
    segments: list[_Segment] = []
    cursor = 0
    checked_length = 0

    def keep(until: int) -> None:
        nonlocal cursor, checked_length
        if until <= cursor:
            return
        length = until - cursor
        last = segments[-1] if segments else None
        if last is not None and last.verbatim and last.original_end == cursor:
            segments[-1] = attrs.evolve(
                last, checked_end=last.checked_end + length, original_end=last.original_end + length
            )
        else:
            segments.append(_Segment(checked_length, checked_length + length, cursor, until, True))
        pieces.append(original[cursor:until])
        checked_length += length
        cursor = until

    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.end < edit.start:
            continue
        keep(edit.start)
        if edit.replacement:
            length = len(edit.replacement)
            segments.append(_Segment(checked_length, checked_length + length, edit.start, edit.end, False))
            pieces.append(edit.replacement)
            checked_length += length
        elif edit.end > edit.start and segments and not segments[-1].verbatim:
            # A drop right after a replacement widens the replacement's original range.
            segments[-1] = attrs.evolve(segments[-1], original_end=edit.end)
        cursor = max(cursor, edit.end)
    keep(len(original))
    return SourceMap(original, "".join(pieces), segments)
