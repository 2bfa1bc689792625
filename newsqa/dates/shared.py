"""The analyses the date check shares with other checks: spelling variety and restated passages.

Both live in ``newsqa.analysis`` and are computed once per document for every
check that needs them. They are looked up when first used, so the date
analysis still works, with less to go on, in a tree that lacks one of them.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import Any

from newsqa.document import Document

__all__ = ["detected_variety", "restated_sentence_pairs", "variant_key"]


@functools.cache
def _shared(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as error:
        if error.name is None or not (module == error.name or module.startswith(error.name + ".")):
            raise  # a broken analysis must not pass for a missing one
        return None
    return found


def detected_variety(document: Document) -> str | None:
    """The spelling variety ("en-GB", "en-US") the text is written in, where the spelling analysis says."""
    detect = _shared("newsqa.analysis.variants", "detect_variety")
    if detect is None:
        return None
    variety: str | None = detect(document).variety
    return variety


def variant_key(word: str) -> str:
    """The family key of a spelling variant ("defence" and "defense" share one), else the word itself."""
    key_of = _shared("newsqa.analysis.variants", "variant_key")
    key: str | None = key_of(word) if key_of is not None else None
    return key or word


def restated_sentence_pairs(document: Document) -> tuple[tuple[int, int], ...]:
    """(earlier, later) indexes of sentences that restate each other, from the repetition analysis."""
    restatements = _shared("newsqa.analysis.repetition", "restatements")
    if restatements is None:
        return ()
    return tuple((r.earlier.index, r.later.index) for r in restatements(document))
