"""The analyses the date check shares with other checks: spelling variety and restated passages.

Both live in ``newsqa.analysis`` and are computed once per document (memoised
on it) for every check that needs them.
"""

from __future__ import annotations

from newsqa.analysis import repetition, variants
from newsqa.document import Document

__all__ = ["detected_variety", "restated_sentence_pairs", "variant_key"]


def detected_variety(document: Document) -> str | None:
    """The spelling variety ("en-GB", "en-US") the text is written in, if its spellings tell."""
    return variants.detect_variety(document).variety


def variant_key(word: str) -> str:
    """The family key of a spelling variant ("defence" and "defense" share one), else the word itself."""
    return variants.variant_key(word) or word


def restated_sentence_pairs(document: Document) -> tuple[tuple[int, int], ...]:
    """(earlier, later) indexes of sentences that restate each other, from the repetition analysis."""
    return tuple((r.earlier.index, r.later.index) for r in repetition.restatements(document))
