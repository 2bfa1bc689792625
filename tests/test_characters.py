from __future__ import annotations

import newsqa
from newsqa import Config

ONLY = Config(select=("characters",))


def codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.span.text) for f in newsqa.check(text, config=ONLY).findings]


def test_control_replacement_and_invisible_characters() -> None:
    text = "Talks in Z\ufffdrich\x0c ended. Boris Pisto\u00adrius and Healey\u200b\u200b spoke."
    assert codes(text) == [
        ("NQ002", "\ufffd"),
        ("NQ001", "\x0c"),
        ("NQ003", "\u00ad"),
        ("NQ003", "\u200b\u200b"),
    ]


def test_tabs_line_breaks_and_leading_bom_are_fine() -> None:
    assert codes("\ufeffFirst line.\tSecond part.\r\nNext line.\n") == []


def test_right_to_left_text_is_not_flagged_but_direction_overrides_are() -> None:
    assert codes("The sign read \u05e9\u05dc\u05d5\u05dd in Hebrew.") == []
    assert [c for c, _ in codes("Price \u202e0051\u202c today.")] == ["NQ003", "NQ003"]


def test_empty_document_is_a_finding() -> None:
    report = newsqa.check(" \n ", config=ONLY)
    assert [f.code for f in report.findings] == ["NQ004"]
    assert report.findings[0].span.start == 0
