"""The grammar check on a real LanguageTool server (started once per session) and on Harper."""

from __future__ import annotations

import pytest

import newsqa
from newsqa.checks.grammar import GrammarCheck
from newsqa.report import CheckStatus, Severity


def _lt(**options: object) -> newsqa.Config:
    return newsqa.Config(checks={"grammar": {"engine": "languagetool", **options}})


def _grammar(report: newsqa.Report) -> list[newsqa.Finding]:
    return [f for f in report.findings if f.check == "grammar"]


def _run(report: newsqa.Report) -> newsqa.CheckRun:
    return next(run for run in report.checks if run.check == "grammar")


def _all_dropped(text: str, reason: str) -> int:
    """Check ``text`` on LanguageTool, assert no grammar finding is left, count the matches dropped for ``reason``."""
    report = newsqa.check(text, config=_lt())
    assert _grammar(report) == []
    dropped = _run(report).data["dropped"]
    assert isinstance(dropped, dict)
    count = dropped[reason]
    assert isinstance(count, int)
    return count


@pytest.mark.parametrize("rule", GrammarCheck.rules, ids=lambda rule: rule.code)
def test_rule_examples_on_languagetool(languagetool_url: str, rule: newsqa.Rule) -> None:
    with newsqa.Checker(_lt()) as checker:
        flagged = checker.check(rule.flagged)
        fixed = checker.check(rule.fixed)
    assert rule.code in {f.code for f in _grammar(flagged)}
    assert rule.code not in {f.code for f in _grammar(fixed)}


def test_auto_engine_uses_the_server_and_says_so(languagetool_url: str) -> None:
    report = newsqa.check("The goverment announced new measures on Tuesday.")
    run = _run(report)
    assert run.status is CheckStatus.RAN
    assert run.engine == "languagetool"
    assert run.engine_version == "6.8"
    assert run.reason is not None
    assert languagetool_url in run.reason
    (finding,) = _grammar(report)
    assert finding.code == "NQ303"
    assert finding.span.text == "goverment"
    assert finding.suggestions[0] == "government"
    assert finding.data["rule_id"] == "MORFOLOGIK_RULE_EN_US"
    assert finding.data["category"] == "TYPOS"


def test_one_server_serves_every_document_of_a_checker(languagetool_url: str) -> None:
    with newsqa.Checker(_lt()) as checker:
        first = checker.check("He were in Paris on Monday.")
        second = checker.check("The talks has ended without a deal.")
        (check,) = (c for c in checker._checks if c.name == "grammar")
        engine = check.engine  # type: ignore[attr-defined]
    assert [f.span.text for f in _grammar(first)] == ["were"]
    assert [f.span.text for f in _grammar(second)] == ["has"]
    assert engine.url == languagetool_url


# -- language -----------------------------------------------------------------------------


def test_house_style_decides_the_variant(languagetool_url: str) -> None:
    text = "The colour of the flag was changed."
    gb = newsqa.check(text, config=newsqa.Config(language="en-GB"))
    us = newsqa.check(text, config=newsqa.Config(language="en-US", checks={"grammar": {"engine": "languagetool"}}))
    assert _run(gb).data["language"] == "en-GB"
    assert _run(gb).data["language_source"] == "house style"
    assert _run(us).data["language"] == "en-US"


def test_without_house_style_the_document_spelling_decides(languagetool_url: str) -> None:
    report = newsqa.check("The defence ministers met again. Their defence pact is the first of its kind.")
    assert _run(report).data["language"] == "en-GB"
    assert str(_run(report).data["language_source"]).startswith("the document's spelling")


def test_without_any_evidence_the_variant_is_us_english(languagetool_url: str) -> None:
    report = newsqa.check("The ministers met on Tuesday.")
    assert _run(report).data["language"] == "en-US"
    assert str(_run(report).data["language_source"]).startswith("default")


def test_one_varietys_convention_waits_for_that_variety(languagetool_url: str) -> None:
    # Without telling spellings en-US is only a default: British copy puts the comma outside.
    text = '"It was a masterpiece", she said of the film.'
    plain = newsqa.check(text, config=_lt())
    assert _grammar(plain) == []
    assert _run(plain).data["dropped"]["conventions"] == 1  # type: ignore[index]
    american = newsqa.check(
        text, config=newsqa.Config(language="en-US", checks={"grammar": {"engine": "languagetool"}})
    )
    assert [(f.code, f.data["rule_id"]) for f in _grammar(american)] == [("NQ302", "QUOTATION_MARKS_COMMA")]


# -- news-aware filtering -------------------------------------------------------------------


def test_names_used_as_proper_nouns_are_not_typos(languagetool_url: str) -> None:
    text = "Talks with Olumide Adebayokunle ended on Monday. Adebayokunle said the goverment would reply."
    report = newsqa.check(text, config=_lt())
    flagged = [f.span.text for f in _grammar(report)]
    assert flagged == ["goverment"]
    assert _run(report).data["dropped"]["names"] >= 2  # type: ignore[index]


def test_a_name_in_the_possessive_is_a_name(languagetool_url: str) -> None:
    report = newsqa.check("Critics praised Alice Sebold's novel on Monday.", config=_lt())
    assert _grammar(report) == []
    assert _run(report).data["dropped"]["names"] == 1  # type: ignore[index]


def test_a_name_after_an_elided_article_is_a_name(languagetool_url: str) -> None:
    text = "Critics praised the film L'Esquive on Friday."
    plain = newsqa.check(text, config=_lt())
    assert _grammar(plain) == []
    assert _run(plain).data["dropped"]["names"] == 1  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors said Abdel Basset Ali al-Megrahi was charged with murder on Monday.",
        "The former French president Valery Giscard d'Estaing attended with his wife.",
    ],
)
def test_a_name_after_a_particle_in_lower_case_is_a_name(languagetool_url: str, text: str) -> None:
    assert _all_dropped(text, "names") >= 1
    # A slip beside it is still found.
    slipped = newsqa.check(text.replace("with", "wiht"), config=_lt())
    assert [f.span.text for f in _grammar(slipped)] == ["wiht"]


@pytest.mark.parametrize(
    "text",
    [
        "Stocks rose on Monday, pushing the Dow Jones industrial average up 72 points.",
        "The ceremony was chosen by Albright, who as secretary of state is the depository of the treaty.",
        "The film had already earned him a prestigious Golden Globe award.",
    ],
)
def test_news_style_lower_case_after_a_name_or_in_a_title_is_left_alone(languagetool_url: str, text: str) -> None:
    assert _all_dropped(text, "news_style") == 1


def test_a_proper_name_in_lower_case_is_still_reported(languagetool_url: str) -> None:
    report = newsqa.check("The US military buildup in the Persian gulf continues apace.", config=_lt())
    assert [(f.span.text, f.suggestions) for f in _grammar(report)] == [("Persian gulf", ("Persian Gulf",))]


def test_a_nickname_quoted_inside_a_name_is_a_name(languagetool_url: str) -> None:
    report = newsqa.check('Record executive Marion "Suge" Knight appeared in court on Monday.', config=_lt())
    assert _grammar(report) == []
    assert _run(report).data["dropped"]["names"] >= 1  # type: ignore[index]


def test_a_capitalised_one_off_word_is_still_checked_unless_it_is_a_known_name(languagetool_url: str) -> None:
    text = "Zbigniewska said the talks had failed."
    plain = newsqa.check(text, config=_lt())
    assert [f.span.text for f in _grammar(plain)] == ["Zbigniewska"]
    known = newsqa.check(text, config=_lt().evolve(known_names=("Anna Zbigniewska",)))
    assert _grammar(known) == []


def test_spelling_variants_are_left_to_the_spelling_check(languagetool_url: str) -> None:
    text = "The defence ministers met. They agreed on defense spending and a new colour scheme."
    report = newsqa.check(text, config=newsqa.Config(language="en-GB", checks={"grammar": {"engine": "languagetool"}}))
    assert "defense" not in [f.span.text for f in _grammar(report)]
    assert _run(report).data["dropped"]["variants"] >= 1  # type: ignore[index]


def test_findings_inside_quotations_are_lowered_to_info(languagetool_url: str) -> None:
    quoted = newsqa.check("“They was in Paris on Monday,” she said.", config=_lt())
    (inside,) = _grammar(quoted)
    assert (inside.span.text, inside.code, inside.severity) == ("was", "NQ301", Severity.INFO)
    assert inside.data["in_quotation"] is True
    plain = newsqa.check("They was in Paris on Monday, she said.", config=_lt())
    (outside,) = _grammar(plain)
    assert (outside.span.text, outside.severity) == ("was", Severity.WARNING)


def test_spelling_inside_quotations_keeps_its_severity(languagetool_url: str) -> None:
    report = newsqa.check("“The goverment must act,” she said.", config=_lt())
    (finding,) = _grammar(report)
    assert (finding.span.text, finding.severity) == ("goverment", Severity.WARNING)


def test_severity_per_engine_rule_and_disabled_rules(languagetool_url: str) -> None:
    text = "The goverment announced new measures on Tuesday."
    lowered = newsqa.check(text, config=_lt(rule_severity={"MORFOLOGIK_RULE_EN_US": "info"}))
    assert [(f.code, f.severity) for f in _grammar(lowered)] == [("NQ303", Severity.INFO)]
    disabled = newsqa.check(text, config=_lt(disabled_rules=["MORFOLOGIK_RULE_EN_US"]))
    assert _grammar(disabled) == []


def test_config_severity_overrides_by_code(languagetool_url: str) -> None:
    config = _lt().evolve(severity={"NQ303": "error"})
    report = newsqa.check("The goverment announced new measures on Tuesday.", config=config)
    assert [f.severity for f in _grammar(report)] == [Severity.ERROR]


# -- offsets and chunks -----------------------------------------------------------------------


def test_offsets_are_code_points_after_astral_characters(languagetool_url: str) -> None:
    # LanguageTool counts UTF-16 code units: each of these emoji and letters counts two.
    text = "🎉🎉 Fans cheered. 𝐁𝐨𝐥𝐝 text follows.\nThe goverment said 🇬🇧 they was ready."
    report = newsqa.check(text, config=_lt())
    spans = sorted((f.span.start, f.span.end) for f in _grammar(report))
    goverment = text.index("goverment")
    was = text.index(" was ") + 1
    assert spans == [(goverment, goverment + len("goverment")), (was, was + len("was"))]


def test_long_text_in_small_chunks_gives_the_same_findings(languagetool_url: str) -> None:
    paragraphs = [
        f"Paragraph {i} says the goverment met on Tuesday. 🎉 They was in Paris on day {i}." for i in range(30)
    ]
    text = "\n\n".join(paragraphs)
    whole = newsqa.check(text, config=_lt())
    chunked = newsqa.check(text, config=_lt(max_chunk=300))
    assert len(_grammar(whole)) == 60
    assert [(f.code, f.span.start, f.span.end) for f in _grammar(chunked)] == [
        (f.code, f.span.start, f.span.end) for f in _grammar(whole)
    ]
    assert {f.span.text for f in _grammar(chunked)} == {"goverment", "was"}


# -- the Java-free engine -----------------------------------------------------------------------


def test_harper_engine_runs_without_java_or_server() -> None:
    pytest.importorskip("harper")
    config = newsqa.Config(checks={"grammar": {"engine": "harper"}})
    report = newsqa.check("This is an test of the the new system.", config=config)
    run = _run(report)
    assert (run.status, run.engine) == (CheckStatus.RAN, "harper")
    found = {(f.span.text, f.code) for f in _grammar(report)}
    assert ("an", "NQ301") in found
    for finding in _grammar(report):
        assert finding.span.text == report_text_slice(finding)


def report_text_slice(finding: newsqa.Finding) -> str:
    text = "This is an test of the the new system."
    return text[finding.span.start : finding.span.end]


def test_harper_leaves_names_and_news_style_alone() -> None:
    pytest.importorskip("harper")
    config = newsqa.Config(language="en-GB", checks={"grammar": {"engine": "harper"}})
    text = "Boris Pistorius met ministers from France, Poland and Estonia. Pistorius spoke first."
    report = newsqa.check(text, config=config)
    assert _grammar(report) == []
    assert _run(report).data["dropped"]["names"] >= 1  # type: ignore[index]


@pytest.mark.parametrize("engine", ["languagetool", "harper"])
def test_a_quotation_run_on_into_the_next_paragraph_is_not_unpaired(
    engine: str, request: pytest.FixtureRequest
) -> None:
    if engine == "languagetool":
        request.getfixturevalue("languagetool_url")
    else:
        pytest.importorskip("harper")
    config = newsqa.Config(checks={"grammar": {"engine": engine}})
    run_on = "“We will return next week,” she said. “The talks were hard.\n\n“Nothing is agreed yet,” she added."
    report = newsqa.check(run_on, config=config)
    assert _grammar(report) == []
    assert _run(report).data["dropped"]["quotations"] == 1  # type: ignore[index]
    unpaired = "She said “the talks were hard.\n\nNothing is agreed yet, officials added."
    (finding,) = _grammar(newsqa.check(unpaired, config=config))
    assert (finding.span.text, finding.span.start) == ("“", unpaired.index("“"))


def test_a_quotation_within_a_quotation_is_paired(languagetool_url: str) -> None:
    nested = "He wrote on his website: \"Suddenly it was clear there was 'something happening here,'\" the singer said."
    report = newsqa.check(nested, config=_lt())
    assert _grammar(report) == []
    assert _run(report).data["dropped"]["quotations"] == 2  # type: ignore[index]
    # An apostrophe is no quote mark: the one left open is still told.
    unpaired = "He wrote: \"The players' union was 'angry about the cuts.\" Officials declined to comment."
    assert [f.span.text for f in _grammar(newsqa.check(unpaired, config=_lt()))] == ["'"]


def test_news_style_writes_loanwords_without_accents(languagetool_url: str) -> None:
    text = "The net cafes were closed, and the cafe owner, a protege of the mayor, called it a cliche."
    assert _grammar(newsqa.check(text, config=_lt())) == []
    # One word of the family switched back on is told again; the rest stay off.
    config = newsqa.Config(
        checks={"grammar": {"engine": "languagetool", "enabled_rules": ["EN_DIACRITICS_REPLACE_ORTHOGRAPHY_PROTEGE"]}}
    )
    assert [f.span.text for f in _grammar(newsqa.check(text, config=config))] == ["protege"]


@pytest.mark.parametrize(
    "text",
    [
        "The documentary follows his days in Wham! through to his solo career.",
        "The band topped a poll of Kerrang! magazine readers in London.",
        "Richard Gere's comedy Shall We Dance? entered the chart at number three.",
        "Shares of the Tampa, Fla. home builder rose 5% on Monday.",
    ],
)
def test_a_title_or_an_abbreviation_does_not_end_the_sentence(languagetool_url: str, text: str) -> None:
    assert _all_dropped(text, "sentences") == 1


def test_a_lower_case_sentence_start_after_a_plain_word_is_still_told(languagetool_url: str) -> None:
    report = newsqa.check("The crowd loved it. It was great! the band played on until midnight.", config=_lt())
    assert [f.span.text for f in _grammar(report)] == ["the"]


def test_attributive_plurals_and_a_name_after_a_number_are_not_possessives(languagetool_url: str) -> None:
    assert _grammar(newsqa.check("The show was a ratings loser for the network.", config=_lt())) == []
    names = newsqa.check("The performer is one of the members of 50 Cent's G-Unit group.", config=_lt())
    assert _grammar(names) == []
    assert _run(names).data["dropped"]["names"] == 1  # type: ignore[index]


def test_a_compound_the_engine_writes_solid_is_left_alone_in_a_name(languagetool_url: str) -> None:
    # The engine has a rule id of its own for each compound: the family is listed, not the word.
    company = newsqa.check("Shoppers queued outside Wal-Mart stores, and Wal-Mart said sales rose.", config=_lt())
    assert _grammar(company) == []
    assert _run(company).data["dropped"]["names"] == 2  # type: ignore[index]
    equipment = newsqa.check("The firm rents audio-visual equipment to schools.", config=_lt())
    assert [(f.code, f.span.text) for f in _grammar(equipment)] == [("NQ301", "audio-visual")]


def test_overlapping_matches_become_one_finding_over_their_union() -> None:
    # Single engines rarely overlap themselves, so the matches are given here as an engine
    # would report them; the merge itself is newsqa's and runs as in a real check.
    pytest.importorskip("harper")
    from newsqa.checks.grammar import _overlapping
    from newsqa.engines import EngineMatch

    check = GrammarCheck(newsqa.Config(checks={"grammar": {"engine": "harper"}}))
    try:
        text = "The goverment were ready. Talks went on."
        document = newsqa.Document(text)
        spelling = EngineMatch(4, 13, "SPELL", "TYPOS", "Possible spelling mistake.", ("government",))
        style = EngineMatch(10, 18, "STYLE_RULE", "STYLE", "Wordy.", ("x",))
        later = EngineMatch(26, 31, "OTHER", "GRAMMAR", "Check this.", ())
        groups = _overlapping([check._candidate(document, m) for m in (later, style, spelling)])
        assert [[c.match.rule_id for c in group] for group in groups] == [["SPELL", "STYLE_RULE"], ["OTHER"]]
        merged = check._merged(document, groups[0], "en-US")
        assert (merged.span.start, merged.span.end, merged.span.text) == (4, 18, "goverment were")
        assert merged.code == "NQ303"  # the warning leads, the info-level style match follows
        assert merged.suggestions == ("government were",)
        assert [m["rule_id"] for m in merged.data["merged"]] == ["STYLE_RULE"]  # type: ignore[union-attr, index]
    finally:
        check.close()


def test_harper_gets_a_long_text_in_pieces_and_reports_on_the_whole_text() -> None:
    # Harper's time grows faster than its input, so a long text goes to it a piece at a
    # time, cut at paragraph ends; what it finds must land where it would in each paragraph.
    pytest.importorskip("harper")
    from newsqa.engines.harper import HarperEngine

    paragraph = "Their going to the the meeting in Berlin on Monday, the minister said. " * 30
    text = "\n\n".join([paragraph] * 24)  # about 51,000 characters
    engine, alone = HarperEngine(), HarperEngine()
    linter = engine._linter("en-GB")
    pieces: list[int] = []

    class Watched:
        """The real linter, with the length of each text it is given written down."""

        def organized_lints(self, piece: str, **options: object) -> object:
            pieces.append(len(piece))
            return linter.organized_lints(piece, **options)

    engine._linters["BRITISH"] = Watched()  # type: ignore[assignment]
    try:
        found = [(m.start, m.end, m.rule_id, m.suggestions) for m in engine.check(text, "en-GB")]
        once = alone.check(paragraph, "en-GB")
    finally:
        engine.close()
        alone.close()
    assert len(pieces) > 1
    assert max(pieces) <= 20_000
    assert once
    step = len(paragraph) + 2
    expected = [(m.start + i * step, m.end + i * step, m.rule_id, m.suggestions) for i in range(24) for m in once]
    assert found == sorted(expected)
