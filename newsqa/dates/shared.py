"""The analyses the date check shares with other checks: spelling variety and restated passages.

Both live in ``newsqa.analysis`` and are computed once per document (memoised
on it) for every check that needs them. The repetition analysis is looked up
when first used, so the date analysis still works, with less to go on, in a
tree that lacks it.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

from newsqa.analysis import variants
from newsqa.document import Document

__all__ = ["detected_variety", "restated_sentence_pairs", "variant_key"]


def detected_variety(document: Document) -> str | None:
    """The spelling variety ("en-GB", "en-US") the text is written in, if its spellings tell."""
    return variants.detect_variety(document).variety


def variant_key(word: str) -> str:
    """The family key of a spelling variant ("defence" and "defense" share one), else the word itself."""
    return variants.variant_key(word) or word


@functools.cache
def _restatements() -> Callable[[Document], Any] | None:
    module = "newsqa.analysis.repetition"
    try:
        found: Callable[[Document], Any] = importlib.import_module(module).restatements
    except ModuleNotFoundError as error:
        if error.name != module:
            raise  # a broken analysis must not pass for a missing one
        return None
    return found


def restated_sentence_pairs(document: Document) -> tuple[tuple[int, int], ...]:
    """(earlier, later) indexes of sentences that restate each other, from the repetition analysis."""
    restatements = _restatements()
    if restatements is None:
        return ()
    return tuple((r.earlier.index, r.later.index) for r in restatements(document))
