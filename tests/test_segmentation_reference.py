"""The fast segmentation code gives exactly what the plain version it replaced gave.

The reference functions below are the straightforward first versions (one
character at a time, every word counted, a forward search for the word before
a full stop). The document model now uses faster equivalents; these properties
pin the two together on any text, with quote marks, full stops and headings
made likely.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsqa import document as model
from newsqa.document import Quotation

_QUOTE_PAIRS = {"“": "”", "``": "''", "«": "»", "„": "“"}
_WORD_BEFORE = regex.compile(r"(?:\p{L}\.)*[\p{L}\p{Nd}]+$")


def reference_quotations(text: str, start: int, end: int) -> Iterator[Quotation]:
    i = start
    while i < end:
        ch = text[i]
        opener = "``" if text.startswith("``", i) else ch
        closer: str | None = None
        if opener in _QUOTE_PAIRS:
            closer = _QUOTE_PAIRS[opener]
        elif ch == '"':
            closer = '"'
        elif ch == "‘" and (i == start or not text[i - 1].isalnum()):
            closer = "’"
        if closer is None:
            i += 1
            continue
        inner_start = i + len(opener)
        close_at = model._find_closer(text, inner_start, end, closer)
        if close_at is None:
            inner_end = quote_end = end
            closed = False
        else:
            inner_end, quote_end, closed = close_at, close_at + len(closer), True
        if inner_end > inner_start:
            yield Quotation(i, quote_end, inner_start, inner_end, text[i:quote_end], closed)
        i = max(quote_end, i + 1)


def reference_is_heading(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    words = model._TOKEN.findall(line)
    if not words or len(words) > model._HEADING_MAX_WORDS or "\n" in line or "\r" in line:
        return False
    last = line[-1]
    if last == "?":
        return not line.startswith(('"', "“", "``"))
    if last in model._CLOSING_AFTER_TERMINAL and len(line) > 1 and line[-2] in model._TERMINAL:
        return False
    return last not in model._TERMINAL and last not in "”\"'’"


def reference_tokens(text: str) -> list[model.Token]:
    return [
        model.Token(start=m.start(), end=m.end(), text=m.group(), kind=m.lastgroup or "word")
        for m in model._TOKEN.finditer(text)
    ]


PUNCTUATED = st.lists(
    st.one_of(
        st.sampled_from(list("“”‘’\"'`«»„ .?!…:;,()[]\n\r\t")),
        st.sampled_from(["``", "''", "U.S.", "Mr.", "No. 1", "A. B.", "3.5", "Why?", "1990s"]),
        st.characters(codec="utf-8"),
        st.sampled_from(list("abcXYZ019é")),
    ),
    max_size=120,
).map("".join)


@settings(max_examples=600)
@given(PUNCTUATED, st.data())
def test_quotations_match_the_reference(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(model._quotations(text, start, end)) == list(reference_quotations(text, start, end))


@settings(max_examples=600)
@given(PUNCTUATED, st.data())
def test_headings_match_the_reference(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert model._is_heading(text, start, end) == reference_is_heading(text, start, end)


@settings(max_examples=600)
@given(PUNCTUATED, st.data())
def test_word_before_a_full_stop_matches_the_forward_search(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    fast = model._WORD_BEFORE.search(text, start, end)
    slow = _WORD_BEFORE.search(text, start, end)
    assert (fast and fast.span()) == (slow and slow.span())


@settings(max_examples=300)
@given(PUNCTUATED)
def test_tokens_match_the_reference(text: str) -> None:
    assert model._tokenise(text) == reference_tokens(text)


@settings(max_examples=300)
@given(
    st.integers(0, 15).flatmap(
        lambda n: st.lists(
            st.sampled_from(["Why", "U.S.", "talks", "1990s", "’", "-", "“Deal”"]), min_size=n, max_size=n
        )
    ),
    st.sampled_from(["", "?", ".", "!”", ":", "”", '"', "'", ")", " "]),
    st.sampled_from(["", "“", "``", '"', " "]),
)
def test_heading_like_lines_match_the_reference(words: list[str], last: str, first: str) -> None:
    line = first + " ".join(words) + last
    assert model._is_heading(line, 0, len(line)) == reference_is_heading(line, 0, len(line))
