"""Long texts cut into pieces for an engine: at paragraph ends, else after sentences, else at spaces.

LanguageTool's servers refuse long requests, and Harper takes more than twice
as long on a text twice as long; both are given pieces of a bounded size, and
the pieces' offsets are added back to what they report.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import regex

__all__ = ["paragraph_chunks"]

_LINE_END = regex.compile(r"\r\n|\r|\n|\u2028|\u2029")
_SENTENCE_GAP = regex.compile(r"(?<=[.!?…][\"'”’)\]]*)\s+")
_SPACE = regex.compile(r"\s+")


def _cuts(text: str, start: int, end: int, pattern: regex.Pattern[str]) -> list[int]:
    return [m.end() for m in pattern.finditer(text, start, end) if start < m.end() < end]


def _pack(cuts: Sequence[int], start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Greedily group the pieces between ``cuts`` into runs of at most ``limit`` characters."""
    bounds = [start, *cuts, end]
    run_start = start
    for previous, here in itertools.pairwise(bounds):
        if here - run_start > limit and previous > run_start:
            yield run_start, previous
            run_start = previous
    yield run_start, end


def paragraph_chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Split ``text`` into ``(start, end)`` pieces of at most ``limit`` characters.

    Pieces end at line breaks (paragraph ends) wherever possible; a paragraph
    longer than ``limit`` is cut after a sentence, then at a space, and only a
    run of ``limit`` characters without either is cut mid-word. The pieces
    cover the text exactly, in order.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    if not text:
        return []
    chunks: list[tuple[int, int]] = []
    for start, end in _pack(_cuts(text, 0, len(text), _LINE_END), 0, len(text), limit):
        if end - start <= limit:
            chunks.append((start, end))
            continue
        for s_start, s_end in _pack(_cuts(text, start, end, _SENTENCE_GAP), start, end, limit):
            if s_end - s_start <= limit:
                chunks.append((s_start, s_end))
                continue
            for w_start, w_end in _pack(_cuts(text, s_start, s_end, _SPACE), s_start, s_end, limit):
                chunks.extend((i, min(i + limit, w_end)) for i in range(w_start, w_end, limit))
    return chunks
