"""The document model: one text, segmented once, shared by every check.

All offsets are **code-point offsets** into the original string (Python ``str``
indices), ``end`` exclusive; nothing is normalised in place, so
``document.text[start:end]`` is always exactly what a span names. Lines and
columns are 1-based. Browser editors count UTF-16 code units instead: use
:meth:`Document.utf16_offset` and :meth:`Document.offset_from_utf16` to convert.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs
import regex

from newsqa.report import DocumentInfo, Span
from newsqa.resources import data_lines, data_sections

__all__ = [
    "Document",
    "LineIndex",
    "Paragraph",
    "Quotation",
    "Sentence",
    "Token",
    "is_abbreviation",
]

T = TypeVar("T")

_LINE_BREAK = regex.compile(r"\r\n|\r|\n|\u2028|\u2029")
_TOKEN = regex.compile(
    r"""
    (?P<acronym>(?:\p{L}\.){2,})                                  # U.S., e.g.
  | (?P<number>\p{Nd}+(?:[.,:]\p{Nd}+)*[\p{L}\p{M}]*)             # 1,000 3.5m 25th 1990s
  | (?P<word>[\p{L}\p{M}\p{Nd}]+(?:['’\-‐][\p{L}\p{M}\p{Nd}]+)*)   # Britain’s co-operate
    """,
    regex.VERBOSE,
)
# The alphabet of most news copy: Latin letters with their accents and combining marks, general
# punctuation and currency signs. On text written in it alone, _PLAIN_TOKEN, which is _TOKEN for the
# standard library's engine with each Unicode property spelt out as the characters of the alphabet
# that have it, finds the same tokens a third faster.
_PLAIN_ALPHABET = ((0x00, 0x36F), (0x2000, 0x20CF))
_PLAIN_TEXT = re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _PLAIN_ALPHABET) + "]*")


def _plain_class(unicode_class: str) -> str:
    """The characters of :data:`_PLAIN_ALPHABET` that ``unicode_class`` matches in regex, as ranges for re."""
    member = regex.compile(unicode_class).fullmatch
    ranges: list[list[int]] = []
    for low, high in _PLAIN_ALPHABET:
        for code in range(low, high + 1):
            if member(chr(code)):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)


_L, _LM, _LMN, _N = (_plain_class(c) for c in (r"\p{L}", r"[\p{L}\p{M}]", r"[\p{L}\p{M}\p{Nd}]", r"\p{Nd}"))
_PLAIN_TOKEN = re.compile(
    rf"(?P<acronym>(?:[{_L}]\.){{2,}})"
    rf"|(?P<number>[{_N}]+(?:[.,:][{_N}]+)*[{_LM}]*)"
    rf"|(?P<word>[{_LMN}]+(?:['’\-‐][{_LMN}]+)*)"
)
# A candidate sentence end: terminal punctuation, closing quotes or brackets, space.
# Matches only at the start of a run of punctuation and never gives characters
# back, so a long run of dots is scanned once rather than once per dot.
_SENTENCE_END = regex.compile(r"""(?<![.!?…])[.!?…]++['"”’)\]]*+(?=\s)""")
_MATCH_KIND = operator.attrgetter("lastgroup")
_TOKEN_START = operator.itemgetter(0)
_TOKEN_TEXT = operator.itemgetter(2)
_TOKEN_KIND = operator.itemgetter(3)
_NUMBER_KIND = "number"
_TERMINAL = frozenset(".!?…:;,")
_CLOSING_AFTER_TERMINAL = frozenset("\"'”’)]")
_HEADING_MAX_WORDS = 12


@functools.cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    sections = data_sections("abbreviations.txt")
    return frozenset(sections["title"]), frozenset(sections["other"])


def is_abbreviation(word: str) -> bool:
    """True for a word whose full stop ends no sentence by itself (Mr, Corp, Fla), in any case (CORP)."""
    titles, others = _abbreviations()
    return any(form in titles or form in others for form in (word, word.capitalize()))


@functools.cache
def _sentence_openers() -> frozenset[str]:
    return frozenset(data_lines("sentence_openers.txt"))


class Token(NamedTuple):
    """A word or number. ``kind`` is ``"word"``, ``"number"`` or ``"acronym"`` (U.S.).

    A named tuple rather than an attrs class: a document has one for every word,
    and a tuple is built in C without running an ``__init__`` for each (reading a
    field costs a little more than from a slotted class, which the checks that
    read tokens most did not measurably feel).
    """

    start: int
    end: int
    text: str
    kind: str

    @property
    def is_capitalised(self) -> bool:
        """True when the token starts with an upper-case letter."""
        return self.text[:1].isupper()


@attrs.frozen
class Sentence:
    """A sentence, or a heading line. ``tokens`` is a slice into :attr:`Document.tokens`."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    token_start: int
    token_end: int
    is_heading: bool


@attrs.frozen
class Paragraph:
    """A paragraph: a line, a blank-line separated block of wrapped lines, or a heading."""

    index: int
    start: int
    end: int
    text: str
    is_heading: bool


@attrs.frozen
class Quotation:
    """Directly quoted words. ``start``/``end`` include the quote marks, ``inner_*`` do not.

    A quotation left open at the end of its paragraph ends there, as a quote
    that runs on into the next paragraph reopens with a new mark.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    closed: bool


class LineIndex:
    """Maps offsets to 1-based (line, column) in O(log lines)."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def __len__(self) -> int:
        return len(self._starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset`` (``len(text)`` is allowed)."""
        if not 0 <= offset <= len(self._text):
            raise IndexError(f"offset {offset} outside the text")
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]


class Document:
    """A text segmented for checking: paragraphs, sentences, tokens, headings, quotations.

    ``words`` are the tokens that are not numbers.

    Built once and shared read-only by every check. ``published`` is the
    publication date that relative dates resolve against; ``language`` a
    variant such as ``"en-GB"`` when known; ``identifier`` names the source
    (a path, a CMS id) in reports.

    Checks that need the same analysis (for example the repeated passages that
    both the repetition and the date checks use) share it through :meth:`memo`.
    """

    __slots__ = (
        "_memo",
        "_quotation_starts",
        "_sentence_starts",
        "_utf16_prefix",
        "identifier",
        "language",
        "lines",
        "paragraphs",
        "published",
        "quotations",
        "sentences",
        "text",
        "tokens",
        "words",
    )

    def __init__(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        language: str | None = None,
        identifier: str | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise TypeError(f"Document text must be str, not {type(text).__name__}")
        if published is not None and isinstance(published, dt.datetime):
            published = published.date()
        self.text = text
        self.published = published
        self.language = language
        self.identifier = identifier
        self.lines = LineIndex(text)
        self.tokens: tuple[Token, ...] = tuple(_tokenise(text))
        self.paragraphs: tuple[Paragraph, ...] = tuple(_paragraphs(text))
        self.sentences: tuple[Sentence, ...] = tuple(self._split_sentences())
        self.quotations: tuple[Quotation, ...] = tuple(
            q for p in self.paragraphs for q in _quotations(text, p.start, p.end)
        )
        self.words: tuple[Token, ...] = tuple(
            itertools.compress(self.tokens, map(_NUMBER_KIND.__ne__, map(_TOKEN_KIND, self.tokens)))
        )
        self._sentence_starts = [s.start for s in self.sentences]
        self._quotation_starts = [q.inner_start for q in self.quotations]
        self._memo: dict[str, Any] = {}
        self._utf16_prefix: list[int] | None = None

    def __repr__(self) -> str:
        return f"Document(identifier={self.identifier!r}, characters={len(self.text)}, sentences={len(self.sentences)})"

    # -- views -------------------------------------------------------------------------

    @property
    def headings(self) -> tuple[Paragraph, ...]:
        """Paragraphs that read as headings: short lines without final punctuation, or questions."""
        return tuple(p for p in self.paragraphs if p.is_heading)

    @property
    def token_texts(self) -> tuple[str, ...]:
        """The text of each token, in order (computed once, on first use)."""
        return self.memo("token-texts", _token_texts)

    @property
    def token_positions(self) -> Mapping[str, Sequence[int]]:
        """Each distinct token text and the indices of its tokens, in order (computed once)."""
        return self.memo("token-positions", _token_positions)

    @property
    def word_texts(self) -> frozenset[str]:
        """The distinct texts of the tokens of kind ``"word"`` (computed once, on first use)."""
        return self.memo("word-texts", _word_texts)

    def token_indices(self, texts: Iterable[str]) -> list[int]:
        """Indices of the tokens whose text is one of ``texts``, in order.

        Checks decide what they look for once per distinct word, then visit only
        those tokens.
        """
        positions = self.token_positions
        return sorted(itertools.chain.from_iterable(positions.get(text, ()) for text in texts))

    def sentence_tokens(self, sentence: Sentence) -> Sequence[Token]:
        """The tokens of one sentence."""
        return self.tokens[sentence.token_start : sentence.token_end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def in_quotation(self, start: int, end: int | None = None) -> Quotation | None:
        """The quotation whose inner text contains ``start..end``, if any."""
        end = start if end is None else end
        # Quotations do not overlap, so only the last one opening at or before
        # ``start`` can contain the range.
        index = bisect.bisect_right(self._quotation_starts, start) - 1
        if index >= 0 and end <= self.quotations[index].inner_end:
            return self.quotations[index]
        return None

    # -- spans and positions --------------------------------------------------------

    def span(self, start: int, end: int) -> Span:
        """A :class:`~newsqa.report.Span` for ``text[start:end]`` with its line and column."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}..{end} outside a text of {len(self.text)}")
        line, column = self.lines.line_col(start)
        return Span(start=start, end=end, line=line, column=column, text=self.text[start:end])

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        return self.lines.line_col(offset)

    def _utf16(self) -> list[int]:
        if self._utf16_prefix is None:
            # Offsets of characters outside the Basic Multilingual Plane: each
            # takes two UTF-16 code units, so they are the only correction needed.
            self._utf16_prefix = [i for i, ch in enumerate(self.text) if ord(ch) > 0xFFFF]
        return self._utf16_prefix

    def utf16_offset(self, offset: int) -> int:
        """Convert a code-point offset to a UTF-16 code-unit offset (JavaScript string index)."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside the text")
        return offset + bisect.bisect_left(self._utf16(), offset)

    def offset_from_utf16(self, utf16: int) -> int:
        """Convert a UTF-16 code-unit offset back to a code-point offset."""
        astral = self._utf16()
        lo, hi = 0, len(self.text)
        while lo < hi:
            mid = (lo + hi) // 2
            if mid + bisect.bisect_left(astral, mid) < utf16:
                lo = mid + 1
            else:
                hi = mid
        if self.utf16_offset(lo) != utf16:
            raise IndexError(f"UTF-16 offset {utf16} is inside a surrogate pair or outside the text")
        return lo

    # -- sharing ------------------------------------------------------------------------

    def memo(self, key: str, compute: Callable[[Document], T]) -> T:
        """Compute an analysis once per document and share it between checks."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        value: T = self._memo[key]
        return value

    def info(self) -> DocumentInfo:
        """The report's description of this document."""
        return DocumentInfo(
            identifier=self.identifier,
            published=self.published,
            language=self.language,
            characters=len(self.text),
            words=len(self.words),
            sentences=len(self.sentences),
            paragraphs=len(self.paragraphs),
        )

    # -- segmentation -------------------------------------------------------------------

    def _split_sentences(self) -> list[Sentence]:
        text = self.text
        token_starts = list(map(_TOKEN_START, self.tokens))
        abbreviations = _abbreviations()
        openers = _sentence_openers()
        sentences: list[Sentence] = []
        first_token = 0
        for paragraph in self.paragraphs:
            if paragraph.is_heading:
                pieces = [(paragraph.start, paragraph.end)]
            else:
                pieces = _sentence_bounds(text, paragraph.start, paragraph.end, abbreviations, openers)
            for start, end in pieces:
                # Sentences come in order, so each token search starts where the last ended.
                first_token = bisect.bisect_left(token_starts, start, first_token)
                after_token = bisect.bisect_left(token_starts, end, first_token)
                sentences.append(
                    Sentence(
                        len(sentences),
                        start,
                        end,
                        text[start:end],
                        paragraph.index,
                        first_token,
                        after_token,
                        paragraph.is_heading,
                    )
                )
        return sentences


_MAKE_TOKEN = functools.partial(tuple.__new__, Token)


def _token_texts(document: Document) -> tuple[str, ...]:
    return tuple(map(_TOKEN_TEXT, document.tokens))


def _token_positions(document: Document) -> dict[str, list[int]]:
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(map(_TOKEN_TEXT, document.tokens)):
        positions[text].append(index)
    return dict(positions)


def _word_texts(document: Document) -> frozenset[str]:
    # A token's kind follows from its text (a number starts with a digit, an acronym
    # ends with a full stop, a word does neither), so one token of each text tells.
    tokens = document.tokens
    return frozenset(text for text, indices in document.token_positions.items() if tokens[indices[0]].kind == "word")


def _tokenise(text: str) -> list[Token]:
    # The hottest loop of segmenting, so every step runs in C: the match methods
    # mapped over the matches, the fields zipped and each tuple made by
    # ``tuple.__new__``, with no Python call per token. Every alternative of
    # _TOKEN is a named group, so ``lastgroup`` is always the kind.
    plain = _PLAIN_TEXT.fullmatch(text) is not None
    matches: list[Any] = list((_PLAIN_TOKEN if plain else _TOKEN).finditer(text))
    match: Any = re.Match if plain else regex.Match
    fields = zip(
        map(match.start, matches),
        map(match.end, matches),
        map(match.group, matches),
        map(_MATCH_KIND, matches),
        strict=True,
    )
    return list(map(_MAKE_TOKEN, fields))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_wrapped_block(lines: Sequence[tuple[int, int]], text: str) -> bool:
    """True for a block of hard-wrapped lines (one paragraph), false for one line a paragraph.

    A wrapped block has lines of similar, moderate length where at least one
    line break falls mid-sentence (the line does not end in terminal punctuation).
    """
    if len(lines) < 2:
        return False
    body = lines[:-1]
    lengths = [end - start for start, end in body]
    if not 40 <= max(lengths) <= 120 or min(lengths) < 0.6 * max(lengths):
        return False
    return any(text[end - 1] not in _TERMINAL for start, end in body if end > start)


def _is_heading(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    last = line[-1:]
    # The punctuation at the end settles most lines, so words are counted only
    # for those that may still be headings, and only up to one past the limit.
    if last == "?":
        if line.startswith(('"', "“", "``")):
            return False
    elif (
        not last
        or last in _TERMINAL
        or last in "”\"'’"
        or (last in _CLOSING_AFTER_TERMINAL and len(line) > 1 and line[-2] in _TERMINAL)
    ):
        return False
    if "\n" in line or "\r" in line:
        return False
    words = 0
    for _ in _TOKEN.finditer(text, start, end):
        words += 1
        if words > _HEADING_MAX_WORDS:
            return False
    return words > 0


def _paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, int]] = []
    line_start = 0
    breaks = itertools.chain(map(regex.Match.span, _LINE_BREAK.finditer(text)), [(len(text), len(text))])
    for line_end, next_start in breaks:
        # str.strip removes exactly the characters str.isspace calls white space.
        content = text[line_start:line_end].lstrip()
        line_start = next_start
        if content:
            start = line_end - len(content)
            block.append((start, start + len(content.rstrip())))
        elif block:
            _add_block(text, block, paragraphs)
            block = []
    if block:
        _add_block(text, block, paragraphs)
    return paragraphs


def _add_block(text: str, block: list[tuple[int, int]], paragraphs: list[Paragraph]) -> None:
    """Add the paragraphs of a block of lines between blank lines: one, or one a line."""
    groups = [block] if _is_wrapped_block(block, text) else [[line] for line in block]
    for group in groups:
        start, end = group[0][0], group[-1][1]
        is_heading = len(group) == 1 and _is_heading(text, start, end)
        paragraphs.append(Paragraph(len(paragraphs), start, end, text[start:end], is_heading))


def _sentence_bounds(
    text: str,
    start: int,
    end: int,
    abbreviations: tuple[frozenset[str], frozenset[str]],
    openers: frozenset[str],
) -> list[tuple[int, int]]:
    titles, others = abbreviations
    bounds: list[tuple[int, int]] = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if not _is_boundary(text, sentence_start, match.start(), nxt, end, titles, others, openers):
            continue
        bounds.append((sentence_start, cut))
        sentence_start = nxt
    last_start, last_end = _trimmed(text, sentence_start, end)
    if last_end > last_start:
        bounds.append((last_start, last_end))
    return bounds


# Searched right to left from the full stop: a forward search would try every
# start position in the window before the stop.
_WORD_BEFORE = regex.compile(r"(?r)(?:\p{L}\.)*[\p{L}\p{Nd}]+$")
_NEXT_WORD = regex.compile(r"[\p{L}\p{Nd}]+")


def _is_boundary(
    text: str,
    sentence_start: int,
    punct: int,
    nxt: int,
    end: int,
    titles: frozenset[str],
    others: frozenset[str],
    openers: frozenset[str],
) -> bool:
    follower = text[nxt]
    # A lower-case continuation ("etc. and", “Why?” he asked) never starts a sentence.
    if follower.islower():
        return False
    if text[punct] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(sentence_start, punct - 40), punct)
    if before is None:
        return True
    word = before.group()
    if word in titles:
        return False
    next_word_match = _NEXT_WORD.match(text, nxt, end)
    next_word = next_word_match.group() if next_word_match else ""
    # Initials: "John F. Kennedy", "J. K. Rowling".
    if len(word) == 1 and word.isupper():
        return False
    if word in others or word.rstrip(".") in others or "." in word:
        # "No. 10", "Jan. 5": a number follows; "U.S. Embassy": a name follows.
        if follower.isdigit():
            return False
        return next_word in openers
    return True


_QUOTE_PAIRS = {"“": "”", "``": "''", "«": "»", "„": "“"}
_QUOTE_OPENER = regex.compile(r"``|[“«„\"‘]")


def _quotations(text: str, start: int, end: int) -> Iterator[Quotation]:
    """Direct quotations in one paragraph: curly, straight, TeX-style and single curly quotes."""
    i = start
    while i < end:
        # Jump to the next character that can open a quotation instead of
        # stepping through the paragraph one character at a time.
        candidate = _QUOTE_OPENER.search(text, i, end)
        if candidate is None:
            return
        i = candidate.start()
        ch = text[i]
        opener = candidate.group()
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
        close_at = _find_closer(text, inner_start, end, closer)
        if close_at is None:
            inner_end = end
            quote_end = end
            closed = False
        else:
            inner_end = close_at
            quote_end = close_at + len(closer)
            closed = True
        if inner_end > inner_start:
            yield Quotation(
                start=i,
                end=quote_end,
                inner_start=inner_start,
                inner_end=inner_end,
                text=text[i:quote_end],
                closed=closed,
            )
        i = max(quote_end, i + 1)


def _find_closer(text: str, start: int, end: int, closer: str) -> int | None:
    i = start
    while True:
        found = text.find(closer, i, end)
        if found < 0:
            return None
        if closer != "’":
            return found
        # ’ is also the apostrophe (What’s, Britain’s): it closes a quote only when
        # no letter follows it.
        after = found + 1
        if after >= len(text) or not text[after].isalpha():
            return found
        i = after
