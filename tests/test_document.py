from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsqa import Document, document


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in Document(text).sentences]


def test_seed_lines_are_paragraphs_and_questions_are_headings(seed_text: str) -> None:
    doc = Document(seed_text)
    lines = seed_text.split("\n")
    assert len(doc.paragraphs) == len(lines) == 18
    assert [p.text for p in doc.paragraphs] == lines
    headings = [doc.line_col(h.start)[0] for h in doc.headings]
    assert headings == [4, 9, 13]
    # Line 15 holds two sentences: a quoted one and its attribution.
    line15 = [s.text for s in doc.sentences if doc.line_col(s.start)[0] == 15]
    assert len(line15) == 2
    assert line15[1].startswith("This was according to a statement")
    assert len(doc.sentences) == 20


def test_seed_quotations_are_found_with_curly_quotes(seed_text: str) -> None:
    doc = Document(seed_text)
    inner = [seed_text[q.inner_start : q.inner_end] for q in doc.quotations]
    assert "coordinated" in inner
    assert "our nation’s economy." in inner
    assert any(text.startswith("This will reinforce the European pillar") for text in inner)
    # The apostrophe in "nation’s" did not close the quotation early.
    assert all(q.closed for q in doc.quotations)


def test_every_span_is_the_slice_it_names(seed_text: str) -> None:
    doc = Document(seed_text)
    for item in (*doc.paragraphs, *doc.sentences, *doc.tokens, *doc.quotations):
        assert seed_text[item.start : item.end] == item.text
    for token in doc.tokens:
        span = doc.span(token.start, token.end)
        line_start = doc.lines.line_start(span.line)
        assert line_start + span.column - 1 == token.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones at No. 10 on Jan. 5. They talked.",
            ["Mr. Smith met Dr. Jones at No. 10 on Jan. 5.", "They talked."],
        ),
        (
            "The U.S. Embassy said so. Officials in the U.S. The statement came later.",
            ["The U.S. Embassy said so.", "Officials in the U.S.", "The statement came later."],
        ),
        (
            "John F. Kennedy and J. K. Rowling were named. Growth was 3.5 per cent.",
            ["John F. Kennedy and J. K. Rowling were named.", "Growth was 3.5 per cent."],
        ),
        (
            "“Why now?” he asked. “Because we must.” She left the room.",
            ["“Why now?” he asked.", "“Because we must.”", "She left the room."],
        ),
        (
            'He said: "We will win." The crowd cheered. Shares rose 1.25% to $10.50.',
            ['He said: "We will win."', "The crowd cheered.", "Shares rose 1.25% to $10.50."],
        ),
        ("Wait... and see. Done!", ["Wait... and see.", "Done!"]),
    ],
)
def test_sentence_splitting_survives_abbreviations_initials_decimals_quotes(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_headings_are_short_lines_without_final_punctuation() -> None:
    text = "Talks in Berlin\n\nThe ministers met on Wednesday.\nWhat happens next?\nThey will meet again."
    doc = Document(text)
    assert [h.text for h in doc.headings] == ["Talks in Berlin", "What happens next?"]
    assert [s.is_heading for s in doc.sentences] == [True, False, True, False]


def test_a_quoted_question_line_is_not_a_heading() -> None:
    doc = Document("“What is this all about?”\nNobody knew.")
    assert doc.headings == ()


def test_hard_wrapped_block_is_one_paragraph() -> None:
    text = (
        "The Kyrgyz Republic is using invisible ink and ultraviolet readers in\n"
        "the country's elections as part of a drive to prevent multiple voting\n"
        "by people who travel between polling stations.\n"
        "\n"
        "The ink is sprayed on a person's left thumb."
    )
    doc = Document(text)
    assert len(doc.paragraphs) == 2
    assert len(doc.sentences) == 2
    assert doc.sentences[0].text.endswith("polling stations.")


def test_crlf_line_ends_keep_offsets_and_lines() -> None:
    text = "First line here.\r\nSecond line here.\r\n\r\nThird."
    doc = Document(text)
    assert [p.text for p in doc.paragraphs] == ["First line here.", "Second line here.", "Third."]
    third = doc.paragraphs[2]
    assert doc.line_col(third.start) == (4, 1)
    assert "\r" not in "".join(s.text for s in doc.sentences)


def test_characters_outside_the_bmp_and_utf16_offsets() -> None:
    text = "Fans 😀 cheered 🇬🇧 Healey."
    doc = Document(text)
    healey = next(t for t in doc.tokens if t.text == "Healey")
    assert text[healey.start : healey.end] == "Healey"
    # JavaScript counts each astral character as two code units.
    encoded = text.encode("utf-16-le")
    utf16 = doc.utf16_offset(healey.start)
    assert encoded[2 * utf16 : 2 * (utf16 + 6)].decode("utf-16-le") == "Healey"
    assert doc.offset_from_utf16(utf16) == healey.start
    assert doc.utf16_offset(len(text)) == len(encoded) // 2
    with pytest.raises(IndexError):
        doc.offset_from_utf16(doc.utf16_offset(text.index("😀")) + 1)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n"])
def test_empty_and_blank_text(text: str) -> None:
    doc = Document(text)
    assert doc.sentences == ()
    assert doc.paragraphs == ()
    assert doc.tokens == ()
    assert doc.info().words == 0


def test_invisible_only_text_has_no_words() -> None:
    doc = Document("\u200b\u200b")
    assert doc.tokens == ()
    assert doc.info().words == 0


def test_tokens_keep_apostrophes_hyphens_and_numbers_with_units() -> None:
    doc = Document("Britain’s co-operation cost £3.5m in the 1990s, on 25th September.")
    assert [(t.text, t.kind) for t in doc.tokens] == [
        ("Britain’s", "word"),
        ("co-operation", "word"),
        ("cost", "word"),
        ("3.5m", "number"),
        ("in", "word"),
        ("the", "word"),
        ("1990s", "number"),
        ("on", "word"),
        ("25th", "number"),
        ("September", "word"),
    ]


def test_memo_computes_once() -> None:
    doc = Document("One sentence.")
    calls: list[int] = []

    def compute(d: Document) -> int:
        calls.append(1)
        return len(d.text)

    assert doc.memo("length", compute) == 13
    assert doc.memo("length", compute) == 13
    assert calls == [1]


def test_published_datetime_is_reduced_to_its_date() -> None:
    doc = Document("Text.", published=dt.datetime(2024, 7, 24, 9, 30))
    assert doc.published == dt.date(2024, 7, 24)


def test_non_string_text_is_refused() -> None:
    with pytest.raises(TypeError):
        Document(b"bytes")  # type: ignore[arg-type]


def test_sentence_at_and_in_quotation() -> None:
    text = "He said “we will act”. Then he left."
    doc = Document(text)
    assert doc.sentence_at(text.index("Then")).text == "Then he left."  # type: ignore[union-attr]
    assert doc.in_quotation(text.index("will")) is not None
    assert doc.in_quotation(text.index("Then")) is None


def test_token_positions_indices_and_word_texts() -> None:
    doc = Document("The U.S. paid 1,000 to the firm. The firm’s 3 staff said the U.S. paid.")
    texts = [t.text for t in doc.tokens]
    assert doc.token_texts == tuple(texts)
    assert doc.token_positions["the"] == [i for i, text in enumerate(texts) if text == "the"]
    assert doc.token_positions["U.S."] == [1, 13]
    # In token order, whatever the order of the texts asked for; unknown texts find nothing.
    assert doc.token_indices(["paid", "The", "absent"]) == [0, 2, 7, 14]
    assert [texts[i] for i in doc.token_indices({"firm", "firm’s"})] == ["firm", "firm’s"]
    # Numbers and acronyms are tokens but not words.
    assert doc.word_texts == {"The", "paid", "to", "the", "firm", "firm’s", "staff", "said"}


def test_tokens_are_immutable_named_fields() -> None:
    token = Document("Berlin talks").tokens[0]
    assert (token.start, token.end, token.text, token.kind) == (0, 6, "Berlin", "word")
    assert token.is_capitalised
    assert token == type(token)(start=0, end=6, text="Berlin", kind="word")
    with pytest.raises(AttributeError):
        token.start = 1  # type: ignore[misc]


# Letters, marks and digits inside and outside the alphabet the standard library's engine is given,
# the characters tokens are joined by, and others beside them that are no part of a token.
TOKEN_PIECES = [
    "a", "Z", "é", "ß", "ł", "ǅ", "ʼ", "ª", "µ", "\u2071", "\u0301", "\u036f", "0", "9", "²", "½", "٣",
    "Ω", "ж", "中", ".", ",", ":", "'", "’", "-", "‐", "‑", "–", "…", " ", "\u00a0", "\n", "\u2028",
    "$", "€", "\x00", "\U0001f600", "U.S.", "1,000", "25th", "co-operate",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=16).map("".join))
@example("Cañón de Dios: 1.5m e.g. Britain’s")
@example("naïve\u0301 x\u036f-y ʼs")
def test_plain_text_is_tokenised_as_regex_tokenises_it(text: str) -> None:
    # Text in the plain alphabet is tokenised by the standard library's engine.
    expected = [(m.start(), m.end(), m.group(), m.lastgroup) for m in document._TOKEN.finditer(text)]
    assert [tuple(token) for token in document._tokenise(text)] == expected
