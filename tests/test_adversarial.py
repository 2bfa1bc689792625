"""Inputs built to trigger catastrophic backtracking or quadratic scans.

Each input is large enough that super-linear behaviour in any regular
expression or scan would not finish in a test run, while linear code takes a
fraction of a second; the bound is the input size, not a clock.
"""

from __future__ import annotations

import pytest

import newsqa
from newsqa import Document

SIZE = 100_000

ADVERSARIAL = {
    "digits": "1" * SIZE,
    "dots": "." * SIZE,
    "digits and dots": "1." * (SIZE // 2),
    "capitals": "A" * SIZE,
    "initials": "A. " * (SIZE // 3),
    "abbreviations": "U.S.A.B.C." * (SIZE // 10),
    "straight quotes": '"' * SIZE,
    "open curly quotes": "“a " * (SIZE // 3),
    "single quotes": "‘a’b " * (SIZE // 5),
    "apostrophes": "a’" * (SIZE // 2),
    "hyphens": "a-" * (SIZE // 2),
    "spaces then dot": " " * SIZE + ".",
    "question marks": "Why? " * (SIZE // 5),
    "one long line of sentences": "He left. " * (SIZE // 9),
    "many short lines": "Word\n" * (SIZE // 5),
    "invisible": "\u200b" * SIZE,
    "long word": "a" * SIZE,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_is_segmented_and_checked(name: str) -> None:
    text = ADVERSARIAL[name]
    doc = Document(text)
    assert all(text[s.start : s.end] == s.text for s in doc.sentences[:100])
    report = newsqa.check(text, config=newsqa.Config(select=("characters",)))
    assert report.complete
