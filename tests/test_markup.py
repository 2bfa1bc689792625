"""Markdown and HTML inputs: what is checked, and spans that point at the file's own characters."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from conftest import check_characters
from hypothesis import given
from hypothesis import strategies as st

from newsqa import Checker, Config
from newsqa.markup import kind_for_path, prepare
from newsqa.sourcemap import Edit, apply_edits

CHARACTERS = Config(select=("characters",))


def test_kind_by_extension() -> None:
    assert kind_for_path("a/story.MD") == "markdown"
    assert kind_for_path("story.htm") == "html"
    assert kind_for_path("story.txt") == "text"
    assert kind_for_path("story") == "text"


def test_source_map_maps_both_ends_past_dropped_markup() -> None:
    original = "The *big* deal &amp; more"
    source = apply_edits(original, [Edit(4, 5), Edit(8, 9), Edit(15, 20, "&")])
    assert source.checked == "The big deal & more"
    start = source.checked.index("big")
    assert source.to_original(start, start + 3) == (5, 8)
    amp = source.checked.index("&")
    assert source.to_original(amp, amp + 1) == (15, 20)
    assert source.to_checked(original.index("more")) == source.checked.index("more")
    assert source.is_verbatim(5, 8)
    assert not source.is_verbatim(15, 20)


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.sampled_from(["", "x", "\n\n"])), max_size=8))
def test_kept_text_maps_back_to_identical_characters(raw: list[tuple[int, int, str]]) -> None:
    original = "Nato and the EU met on Monday in Berlin, officials said."
    edits = [Edit(min(s, len(original)), min(s + n, len(original)), r) for s, n, r in raw]
    source = apply_edits(original, edits)
    for index, character in enumerate(source.checked):
        start, end = source.to_original(index, index + 1)
        if source.is_verbatim(start, end) and end - start == 1:
            assert original[start] == character
        assert 0 <= start <= end <= len(original)


MARKDOWN = """---
title: Defence talks
published: 2024-07-24
---
# Defence talks in [Berlin](https://example.com/berlin "The city")

The minister met Nato officials on Monday, see https://example.com/page.
Talks were *constructive*, **officials** said &amp; left.

```python
x = "code\u200b is never checked"
```

    indented\u200b code is not checked either

Inline `code\u200b` is skipped; ![chart\u200b](chart.png) too.
"""


def test_markdown_strips_markup_but_keeps_words() -> None:
    prepared = prepare(MARKDOWN, "markdown")
    text = prepared.text
    assert "Defence talks in Berlin" in text
    assert "Talks were constructive, officials said & left." in text
    for hidden in ("https://", "python", "code\u200b", "indented", "title:", "chart", "#", "*"):
        assert hidden not in text
    assert prepared.published == dt.date(2024, 7, 24)
    assert text.count("\n") == MARKDOWN.count("\n")  # the line structure is kept


def test_markdown_findings_point_at_the_file() -> None:
    source = MARKDOWN.replace("Nato officials", "Nato\u200b officials") + "Boris Pisto\u200brius spoke.\n"
    checked = check_characters(source, "story.md", "markdown")
    spans = [f.span for f in checked.report.findings]
    assert len(spans) == 2  # the zero-width spaces in code, indented code and the image are not checked
    for span in spans:
        assert source[span.start : span.end] == span.text == "\u200b"
        line = source.splitlines()[span.line - 1]
        assert line[span.column - 1] == "\u200b"
    assert checked.report.document.published == dt.date(2024, 7, 24)


def test_front_matter_date_and_bad_date_warning() -> None:
    assert prepare("---\ndate: 2023-05-01T09:30:00Z\n---\nText.\n", "markdown").published == dt.date(2023, 5, 1)
    toml = prepare("+++\ntitle = 'x'\ndate = 2022-01-31\n+++\nText.\n", "markdown")
    assert toml.published == dt.date(2022, 1, 31)
    bad = prepare("---\npublished: 2024-13-45\n---\nText.\n", "markdown")
    assert bad.published is None
    assert bad.warnings == ("front matter published: '2024-13-45' is not a date in the form YYYY-MM-DD; ignored",)


HTML = """<!DOCTYPE html>
<html><head><title>Defence talks</title>
<meta property="article:published_time" content="2024-07-24T08:00:00+01:00">
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2020-01-01"}]}</script>
<style>p { color: red; }</style>
</head>
<body><h1>Defence talks in Berlin</h1><p>Britain&rsquo;s defence secretary met <a href="https://example.com/x\u200b"
title="Nato\u200b">Nato officials</a> &amp; EU ministers.</p>
<pre>code\u200b block</pre><p>Pisto\u200brius said so.</p><script>var s = "\u200b";</script></body></html>
"""


def test_html_checks_text_not_tags_attributes_or_code() -> None:
    prepared = prepare(HTML, "html")
    text = prepared.text
    assert "Britain’s defence secretary met Nato officials & EU ministers." in text
    for hidden in ("href", "example", "color", "Defence talks\n\nDefence", "code", "var s", "NewsArticle"):
        assert hidden not in text
    assert prepared.published == dt.date(2024, 7, 24)  # the meta tag comes before the JSON-LD
    report = check_characters(HTML, "story.html", "html").report
    assert [f.span.text for f in report.findings] == ["\u200b"]
    finding = report.findings[0]
    assert HTML[finding.span.start - 5 : finding.span.end + 4] == "Pisto\u200brius"


def test_html_entity_span_is_the_whole_entity() -> None:
    html = "<p>Britain&rsquo;s army\u200b&nbsp;moved.</p>"
    prepared = prepare(html, "html")
    assert "Britain’s army\u200b\u00a0moved." in prepared.text
    start = prepared.text.index("Britain’s")
    assert prepared.source.to_original(start, start + 9) == (3, 18)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<script type="application/ld+json">{"datePublished": "2021-03-04T10:00:00Z"}</script>', dt.date(2021, 3, 4)),
        ('<meta itemprop="datePublished" content="2019-02-03">', dt.date(2019, 2, 3)),
        ('<!-- <meta property="article:published_time" content="2000-01-01"> -->', None),
    ],
)
def test_html_publication_date_sources(head: str, expected: dt.date | None) -> None:
    assert prepare(f"<html><head>{head}</head><body><p>Text.</p></body></html>", "html").published == expected


def test_inline_suppression_covers_the_next_paragraph_only() -> None:
    source = (
        "Pisto\u200brius arrived.\n\n"
        "<!-- newsqa: ignore NQ003 -->\n"
        "Pisto\u200brius spoke.\n\n"
        "Pisto\u200brius left.\n\n"
        "<!-- newsqa: ignore NQ001 -->\n"
        "Pisto\u200brius stayed.\n"
    )
    report = check_characters(source, "story.md", "markdown").report
    assert [source[f.span.start - 5 : f.span.start] for f in report.findings] == ["Pisto"] * 3
    assert [f.span.line for f in report.findings] == [1, 6, 9]
    assert report.suppressed == 1


def test_a_comment_inside_a_paragraph_covers_the_rest_of_it_for_its_own_codes() -> None:
    source = (
        "Pisto\u200brius arrived <!-- newsqa: ignore NQ003 --> and Pisto\u200brius spoke "
        "<!-- newsqa: ignore NQ001 --> while Pisto\u200brius rang the bell\x07.\n\n"
        "Pisto\u200brius left.\n\n"
        "<!-- newsqa: ignore -->\n"
    )
    report = check_characters(source, "story.md", "markdown").report
    kept = [(f.code, source[f.span.start - 5 : f.span.start]) for f in report.findings]
    # Before the first comment, and in the next paragraph, nothing is covered; after the
    # second comment, its code (NQ001) and the first comment's (NQ003) both are.
    assert kept == [("NQ003", "Pisto"), ("NQ003", "Pisto")]
    assert [f.span.line for f in report.findings] == [1, 3]
    assert report.suppressed == 3


def test_suppression_without_codes_covers_every_code_in_html() -> None:
    html = "<p>A\u200b.</p><!-- newsqa: ignore --><p>B\u200b and C\x07.</p><p>D\u200b.</p>"
    report = check_characters(html, "story.html", "html").report
    assert [html[f.span.start - 1] for f in report.findings] == ["A", "D"]
    assert report.suppressed == 2


_PIECES = st.sampled_from(
    [
        "The minister met Nato officials on Monday.",
        "Britain&rsquo;s army &amp; navy",
        "*constructive* talks",
        "[Berlin](https://example.com/a)",
        "`x = 1`",
        "see https://example.com/page",
        "<!-- newsqa: ignore NQ003 -->",
        "<em>officials</em>",
        "\n\n```\ncode block\n```\n\n",
        "\n\n# Heading\n\n",
        "\n> quoted words\n",
        "\n- item\n",
        " ",
        "\n",
    ]
)


@given(st.lists(_PIECES, max_size=12), st.sampled_from(["markdown", "html"]))
def test_every_checked_word_maps_to_the_same_word_in_the_file(pieces: list[str], kind: str) -> None:
    original = "".join(pieces)
    prepared = prepare(original, kind)
    source = prepared.source
    if kind == "markdown":
        assert "code block" not in prepared.text
    assert "example.com" not in prepared.text
    with Checker(CHARACTERS) as checker:
        document = checker.document(prepared.text)
    for token in document.tokens:
        start, end = source.to_original(token.start, token.end)
        assert 0 <= start < end <= len(original)
        if source.is_verbatim(start, end):
            assert original[start:end] == token.text
        else:  # markup or an entity inside the word: its letters are still there, in order
            letters = iter(html.unescape(original[start:end]))
            assert all(letter in letters for letter in token.text)


SIZE = 100_000
ADVERSARIAL = {
    "stray tag openers": "x<y " * (SIZE // 4),
    "attributes that never close": "<a" + " b" * (SIZE // 2),
    "unclosed quoted attributes": '<a b="' * (SIZE // 6),
    "declarations that never close": "<!a " * (SIZE // 4),
    "emphasis that never closes": "*a " * (SIZE // 3),
    "underscores": "_a " * (SIZE // 3),
    "brackets": "[" * SIZE,
    "nested brackets": "[[a]" * (SIZE // 4),
    "link targets that never close": "[a](" * (SIZE // 4),
    "image openers": "![" * (SIZE // 2),
    "backticks": "`a " * (SIZE // 3),
    "comment openers": "<!--" * (SIZE // 4),
    "entities without semicolons": "&amp" * (SIZE // 4),
    "spaces without a line break": " " * SIZE + "x",
    "pipes": "|" * SIZE,
    "fences": "```\n" * (SIZE // 4),
    "quote markers": "> " * (SIZE // 2),
}


@pytest.mark.parametrize("kind", ["markdown", "html"])
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_markup_is_stripped_in_linear_time(name: str, kind: str) -> None:
    # Super-linear scanning of inputs this size would not finish in a test run.
    prepared = prepare(ADVERSARIAL[name], kind)
    assert len(prepared.text) <= 2 * SIZE
