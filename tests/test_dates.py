"""The date check and the date analysis, on real sentences and on the seed article."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import pytest

import newsqa
from newsqa.config import Config
from newsqa.dates.analysis import time_mentions
from newsqa.dates.events import event_links
from newsqa.dates.expression import Kind
from newsqa.dates.extract import find_expressions
from newsqa.dates.lexicon import lexicon
from newsqa.dates.resolve import resolve_relative_date
from newsqa.dates.shared import restated_sentence_pairs
from newsqa.dates.tense import Tense, clause_tense
from newsqa.document import Document
from newsqa.report import Report

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_100169222cfc808a.txt"
DATES_ONLY = Config(select=("dates",))


def check(text: str, published: str | None = None, language: str | None = None) -> Report:
    config = Config(select=("dates",), language=language)
    return newsqa.check(text, published=published, config=config)


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


def texts(text: str) -> list[str]:
    return [e.text for e in find_expressions(text)]


# -- finding time expressions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The accord was signed on 25 September 2024 in Paris.", ["25 September 2024"]),
        ("Voters go to the polls on September 25, 2024, officials said.", ["September 25, 2024"]),
        ("The pact was inked on 25th September this year.", ["25th September this year"]),
        ("Shares fell on Sept. 25 after the report.", ["Sept. 25"]),
        ("Talks resume on Wednesday 24 July in Brussels.", ["Wednesday 24 July"]),
        ("The filing is dated 2024-07-24.", ["2024-07-24"]),
        ("Last week the minister resigned; two weeks ago he denied it.", ["Last week", "two weeks ago"]),
        ("Inflation rose in the 1990s and again in early September.", ["the 1990s", "early September"]),
        ("Third-quarter profit rose 19% from a year earlier.", ["Third-quarter", "a year earlier"]),
    ],
)
def test_finds_newsroom_date_forms(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May said the talks would continue.",
        "Protesters march on parliament every year.",
        "You may march if you wish.",
        "The Sunday Times reported the story first.",
        "More than 2000 troops were sent to the border.",
    ],
)
def test_names_verbs_and_counts_are_not_dates(sentence: str) -> None:
    assert texts(sentence) == []


def test_durations_are_found_as_durations() -> None:
    found = find_expressions("Healey began a two-day tour after a 24-hour strike.")
    assert [(e.text, e.type, e.duration) for e in found] == [
        ("two-day", "DURATION", "P2D"),
        ("24-hour", "DURATION", "PT24H"),
    ]


def test_holiday_spelt_with_a_letter_that_folds_to_ascii_is_no_holiday() -> None:
    # The case-blind pattern takes the long s for "s"; no holiday of the lexicon is spelt so.
    report = newsqa.check("The party on Chri\u017ftmas Eve was cancelled.", config=Config(select=("dates",)))
    assert [run.status for run in report.checks] == [newsqa.CheckStatus.RAN]
    assert texts("The party on Chri\u017ftmas Eve was cancelled, as on Christmas Eve last year.") == [
        "Christmas Eve last year"
    ]


def test_may_and_march_as_months_with_context() -> None:
    assert texts("The law took effect in May and lapsed in March 2024.") == ["May", "March 2024"]


def values(text: str, published: dt.date = dt.date(2024, 7, 24)) -> list[tuple[str, str]]:
    return [(m.expression.text, m.timex.value) for m in time_mentions(Document(text, published=published))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board blamed current market conditions for the delay.", [("current", "PRESENT_REF")]),
        ("Holders may buy shares at half the then-current market price.", [("then-current", "PAST_REF")]),
        ("The firm expects sales in the current fiscal year that are flat.", [("the current fiscal year", "2024")]),
        ("Regulators say the lender may soon face fines.", [("soon", "FUTURE_REF")]),
        ("The chain soon will open stores in Ohio.", [("soon", "FUTURE_REF")]),
    ],
)
def test_vague_present_and_future_references(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain's current account deficit widened again.",
        "The pound hit its lowest level in a quarter-century.",
        "He was taken to hospital but was soon released.",
        "The family wants the boy back as soon as possible.",
        'Baker, speaking on ABC\'s "This Week," backed the plan.',
        "The poll was published by USA Today and CNN.",
    ],
)
def test_titles_compounds_and_narrative_soon_are_not_dates(sentence: str) -> None:
    assert texts(sentence) == []


# -- tense and resolution ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "tense"),
    [
        ("The ministers signed the pact on Wednesday.", "Wednesday", Tense.PAST),
        ("The ministers will sign the pact on Wednesday.", "Wednesday", Tense.FUTURE),
        ("The treaty is expected to be ratified on Friday.", "Friday", Tense.FUTURE),
        ("On Wednesday, the two governments announced closer ties.", "Wednesday", Tense.PAST),
        ("Officials are planning to meet on Monday.", "Monday", Tense.FUTURE),
        ("The team planned to leave Nairobi on Thursday.", "Thursday", Tense.FUTURE),
        ("On Friday, the government planned to pay the families.", "Friday", Tense.PAST),
        ("Fund sales fell this year through August.", "August", Tense.PAST),
        ("The boy could be flown home as soon as Tuesday, lawyers said.", "Tuesday", Tense.FUTURE),
        ("The new bridge opens on Tuesday, the council said.", "Tuesday", None),
        ("The talks ended on Tuesday, according to unconfirmed reports.", "Tuesday", Tense.PAST),
        ("On Friday, the minister said the deal would be signed soon.", "Friday", Tense.PAST),
    ],
)
def test_clause_tense(sentence: str, phrase: str, tense: Tense | None) -> None:
    start = sentence.index(phrase)
    assert clause_tense(sentence, start, start + len(phrase)) is tense


@pytest.mark.parametrize(
    ("phrase", "published", "tense", "value"),
    [
        ("last week", dt.date(2024, 7, 24), None, "2024-W29"),
        ("on Wednesday", dt.date(2024, 7, 24), "past", "2024-07-24"),
        ("on Wednesday", dt.date(2024, 7, 25), "past", "2024-07-24"),
        ("on Wednesday", dt.date(2024, 7, 25), "future", "2024-07-31"),
        ("next Friday", dt.date(2024, 7, 24), None, "2024-07-26"),
        ("yesterday", dt.date(2024, 3, 1), None, "2024-02-29"),
        ("this year", dt.date(2024, 7, 24), None, "2024"),
        ("two months ago", dt.date(2024, 1, 15), None, "2023-11"),
        ("25th September", None, None, "XXXX-09-25"),
        ("on Wednesday", None, "past", "XXXX-WXX-3"),
        ("in July", dt.date(2024, 3, 1), "past", "2023-07"),
        ("in July", dt.date(2024, 3, 1), "future", "2024-07"),
        ("the third quarter", dt.date(2024, 10, 25), "past", "2024-Q3"),
        ("Christmas", dt.date(2024, 12, 27), "past", "2024-12-25"),
        ("the nineties", None, None, "199"),
        ("recently", dt.date(2024, 7, 24), None, "PAST_REF"),
    ],
)
def test_resolve_relative_date(phrase: str, published: dt.date | None, tense: str | None, value: str) -> None:
    resolved = resolve_relative_date(phrase, published, tense)
    assert resolved is not None
    assert resolved.value == value


def test_days_counted_from_the_story() -> None:
    text = "Rebels seized the airport on 3 March. The next morning they took the port."
    mentions = time_mentions(Document(text, published=dt.date(2024, 3, 10)))
    assert [(m.expression.text, m.timex.value) for m in mentions] == [
        ("3 March", "2024-03-03"),
        ("The next morning", "2024-03-04"),
    ]


def test_resolve_relative_date_without_a_date() -> None:
    assert resolve_relative_date("the minister spoke at length", dt.date(2024, 7, 24)) is None


def test_numeric_dates_follow_the_document_variety() -> None:
    british = Document("The hearing was adjourned on 03/04/2024.", published=dt.date(2024, 5, 1), language="en-GB")
    american = Document("The hearing was adjourned on 03/04/2024.", published=dt.date(2024, 5, 1), language="en-US")
    unknown = Document("The hearing was adjourned on 03/04/2024.", published=dt.date(2024, 5, 1))
    assert time_mentions(british)[0].timex.value == "2024-04-03"
    assert time_mentions(american)[0].timex.value == "2024-03-04"
    assert time_mentions(unknown)[0].timex.value == "2024-XX-XX"


# -- numeric dates without a year ---------------------------------------------------------------------

BRITISH_ARTICLE = (
    "The organisation said the centre would reopen on 03/04 after the programme of repairs.\n"
    "Its chairman apologised to families and said the colour scheme had been finalised."
)
AMERICAN_ARTICLE = (
    "The organization said the center would reopen on 03/04 after the program of repairs.\n"
    "Its chairman apologized to families and said the color scheme had been finalized."
)


def test_day_and_month_without_a_year_are_found_after_a_date_word() -> None:
    assert texts("The talks resume on 25/09 in Geneva.") == ["25/09"]
    assert texts("Applications are due by 09/25, the council said.") == ["09/25"]
    assert texts("The festival runs from 24.7. until the weekend.") == ["24.7.", "the weekend"]
    [expression] = find_expressions("The talks resume on 25/09 in Geneva.")
    assert (expression.month, expression.day, expression.year) == (9, 25, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Security at airports has been tighter since 9/11.",
        "The families of those killed after 9/11 met the president.",
        "The helpline is staffed on 24/7 rotas by volunteers.",
        "Turnout fell by 1/2 in the rural wards.",
        "The bill passed on 3/4 of the votes cast.",
        "Red Rum started at 9/1 and the favourite went off at 2/1 odds.",
        "The board split 5/4 on the question.",
        "Shares in the bank rose by 24.7.",
        "The ratio of teachers to pupils was 1/25 in the district.",
    ],
)
def test_events_fractions_scores_and_ratios_are_not_dates(sentence: str) -> None:
    assert [e for e in find_expressions(sentence) if e.kind == "numeric"] == []


def test_year_of_a_numeric_day_and_month_follows_the_tense() -> None:
    published = dt.date(2024, 7, 24)
    future = Document("The talks will resume on 25/09 in Geneva.", published=published, language="en-GB")
    past = Document("The talks resumed on 25/09 in Geneva.", published=published, language="en-GB")
    undated = Document("The talks will resume on 25/09 in Geneva.", language="en-GB")
    assert time_mentions(future)[0].timex.value == "2024-09-25"
    assert time_mentions(past)[0].timex.value == "2023-09-25"
    assert time_mentions(undated)[0].timex.value == "XXXX-09-25"


def test_british_and_american_articles_read_the_order_of_their_spelling() -> None:
    british = check(BRITISH_ARTICLE, "2024-01-10")
    american = check(AMERICAN_ARTICLE, "2024-01-10")
    assert [(m.span.text, m.value) for m in british.timeline] == [("03/04", "2024-04-03")]
    assert [(m.span.text, m.value) for m in american.timeline] == [("03/04", "2024-03-04")]
    assert codes(british) == codes(american) == []


def test_year_less_ambiguous_numeric_date_is_marked_not_guessed() -> None:
    text = "The hearing on 03/04 was called off, the court said."
    report = check(text, "2024-07-24")
    assert codes(report) == ["NQ406"]
    assert report.findings[0].span.text == "03/04"
    assert report.findings[0].suggestions == ("3 April", "4 March")
    assert report.findings[0].data["readings"] == ["2024-04-03", "2024-03-04"]
    [mention] = report.timeline
    assert (mention.kind, mention.value) == ("numeric-ambiguous", "XXXX-XX-XX")
    assert codes(check(text, "2024-07-24", language="en-US")) == []
    assert [m.value for m in check(text, "2024-07-24", language="en-US").timeline] == ["2024-03-04"]


# -- the seed article ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("published", ["2024-07-24", "2024-07-25"])
def test_seed_with_publication_date(seed: str, published: str) -> None:
    report = check(seed, published)
    by_code = {f.code: f for f in report.findings}
    two_days = by_code["NQ404"]
    assert two_days.span.text == "25th September this year"
    assert two_days.severity.value == "error"
    assert [s.text for s in two_days.related]
    assert all(s.text == "Wednesday" for s in two_days.related)
    assert all(s.line in (2, 6) for s in two_days.related)
    out_of_time = by_code["NQ403"]
    assert out_of_time.span.text == "25th September this year"
    assert "2024-09-25" in out_of_time.message
    timeline = {(m.span.line, m.span.text): m.value for m in report.timeline}
    assert timeline[(2, "Wednesday")] == "2024-07-24"
    assert timeline[(6, "Wednesday")] == "2024-07-24"
    assert timeline[(3, "25th September this year")] == "2024-09-25"
    assert timeline[(17, "last week")] == "2024-W29"
    last_week = next(m for m in report.timeline if m.span.text == "last week")
    assert (last_week.start, last_week.end) == (dt.date(2024, 7, 15), dt.date(2024, 7, 21))
    assert timeline[(14, "two day")] == "P2D"
    assert set(codes(report)) == {"NQ403", "NQ404"}


def test_seed_without_publication_date(seed: str) -> None:
    report = check(seed)
    assert codes(report) == ["NQ404"]
    finding = report.findings[0]
    assert finding.severity.value == "warning"
    assert finding.span.text == "25th September this year"
    assert "week after a Wednesday 25 September" in finding.message
    years = [int(word) for word in finding.message.replace(",", " ").replace(")", " ").split() if word.isdigit()]
    named = [y for y in years if y > 1900]
    assert named
    assert all(calendar.weekday(y, 9, 25) == calendar.WEDNESDAY for y in named)
    assert 2024 in named
    timeline = {m.span.text: m.value for m in report.timeline}
    assert timeline["25th September this year"] == "XXXX-09-25"
    assert timeline["Wednesday"] == "XXXX-WXX-3"


def test_seed_this_year_is_the_publication_year(seed: str) -> None:
    document = Document(seed, published=dt.date(2024, 7, 24))
    mention = next(m for m in time_mentions(document) if "this year" in m.expression.text)
    assert mention.expression.year_offset == 0
    assert mention.timex.year == 2024


def test_seed_restated_pairs_link_the_wednesday_and_25th_september_sentences(seed: str) -> None:
    document = Document(seed, published=dt.date(2024, 7, 24))
    restated = restated_sentence_pairs(document)
    # "On Wednesday, the two governments announced ..." / "On Wednesday, Germany and UK agreed ...",
    # and "The bilateral defence pact inked ... on 25th September" / "Both ministers signed ...".
    assert {(1, 5), (2, 7)} <= set(restated)
    mentions = time_mentions(document)
    links = event_links(document, mentions, restated)
    pairs = {(link.reason, link.first.expression.text, link.second.expression.text) for link in links}
    assert ("restated", "Wednesday", "Wednesday") in pairs
    assert ("same action", "25th September this year", "Wednesday") in pairs
    # Without the restated pairs the two Wednesdays are not tied to one event.
    assert all(link.reason != "restated" for link in event_links(document, mentions))


# -- findings on real sentences --------------------------------------------------------------------------


def test_impossible_dates() -> None:
    assert codes(check("The ceasefire was agreed on 31 September 2024 in Doha.", "2024-10-02")) == ["NQ401"]
    assert codes(check("The deal was signed on 30 February in Madrid.", "2024-03-05")) == ["NQ401"]
    leap = check("Results were published on 29 February 2023, the agency said.", "2023-03-10")
    assert codes(leap) == ["NQ401"]
    assert "not a leap year" in leap.findings[0].message
    assert codes(check("Results were published on 29 February 2024, the agency said.", "2024-03-10")) == []


def test_a_day_of_next_month_that_does_not_exist_or_has_another_weekday() -> None:
    assert codes(check("The rent rises on the 31st of next month, the council said.", "2024-08-24")) == ["NQ401"]
    assert codes(check("The rent rises on the 30th of next month, the council said.", "2024-08-24")) == []
    report = check("The new rules will apply from Tuesday the 1st of next month, the minister said.", "2024-07-24")
    assert codes(report) == ["NQ402"]
    assert report.findings[0].suggestions == ("Thursday the 1st of next month",)
    assert codes(check("The new rules apply from Thursday the 1st of next month.", "2024-07-24")) == []


def test_weekdays_that_miss_the_days_of_a_run() -> None:
    both = check("The festival ran from Tuesday 1 to Thursday 3 July 2024, organisers said.", "2024-07-24")
    (finding,) = both.findings
    assert finding.code == "NQ402"
    assert finding.message == "1 July 2024 is a Monday, not a Tuesday. 3 July 2024 is a Wednesday, not a Thursday."
    assert finding.suggestions == ("Monday 1 to Wednesday 3 July 2024",)
    last = check("The festival ran from Monday 1 to Monday 8 July 2024, organisers said.", "2024-07-24")
    assert codes(last) == []
    wrong_last = check("The festival ran from Monday 1 to Tuesday 8 July 2024, organisers said.", "2024-07-24")
    assert [f.suggestions for f in wrong_last.findings] == [("Monday 1 to Monday 8 July 2024",)]
    assert codes(check("The festival ran from Monday 1 to Wednesday 3 July 2024.", "2024-07-24")) == []


def test_a_closing_attribution_does_not_date_what_it_attributes() -> None:
    # "said" is when the organisers spoke; "opens" and "runs" tell nothing of the past.
    assert codes(check("The festival opens on 1 August 2024, organisers said.", "2024-07-24")) == []
    assert codes(check("The festival runs from 1 to 3 August 2024, organisers said.", "2024-07-24")) == []
    assert codes(check("The festival ran from 1 to 3 August 2024, organisers said.", "2024-07-24")) == ["NQ403"]
    assert codes(check("The festival ended on 1 August 2024, organisers said.", "2024-07-24")) == ["NQ403"]


def test_an_attribution_with_its_verb_before_the_speaker_does_not_date_what_it_attributes() -> None:
    opens = "The festival opens on 1 August 2024, said Jane Doe, a spokeswoman for the organisers."
    assert codes(check(opens, "2024-07-24")) == []
    ended = "The festival ended on 1 August 2024, said Jane Doe, a spokeswoman for the organisers."
    assert codes(check(ended, "2024-07-24")) == ["NQ403"]


def test_weekday_that_does_not_match_its_date() -> None:
    report = check("The ministers met in Berlin on Wednesday 25 July 2024.", "2024-07-26")
    assert codes(report) == ["NQ402"]
    assert report.findings[0].suggestions == ("Thursday 25 July 2024",)
    across = check("The summit opened on Wednesday, 25 September 2025, in Brussels.", "2025-09-30")
    assert codes(across) == ["NQ402"]
    assert codes(check("The summit opened on Thursday, 25 September 2025, in Brussels.", "2025-09-30")) == []


def test_past_event_after_publication_and_future_event_before_it() -> None:
    done = check("The treaty was signed in Vilnius on 12 September 2024.", "2024-07-24")
    assert codes(done) == ["NQ403"]
    to_come = check("The minister will visit Kyiv on 3 July 2024, officials said.", "2024-07-24")
    assert codes(to_come) == ["NQ403"]
    assert codes(check("The restriction lasts until 31 December 2025.", "2024-07-24")) == []
    assert codes(check("The treaty was signed in Vilnius on 12 July 2024.", "2024-07-24")) == []


def test_a_day_without_its_year_told_by_the_verb_before_it_is_out_of_time() -> None:
    # Without a year the day is taken within ten months of publication: days after it told as
    # done, or days before it told as still to come, contradict the copy's date.
    blaze = check("Firefighters said the blaze broke out on 26 July near the harbour.", "2024-07-24")
    assert [(f.code, f.span.text) for f in blaze.findings] == [("NQ403", "26 July")]
    final = check("The final will be played on 20 July at Wembley.", "2024-07-24")
    assert [(f.code, f.span.text) for f in final.findings] == [("NQ403", "20 July")]
    assert codes(check("Firefighters said the blaze broke out on 22 July near the harbour.", "2024-07-24")) == []
    assert codes(check("The final will be played on 28 July at Wembley.", "2024-07-24")) == []


def test_a_month_without_its_year_told_by_the_verb_before_it_is_out_of_time() -> None:
    strike = check("The strike began in August, union leaders said.", "2024-07-24")
    assert [(f.code, f.span.text) for f in strike.findings] == [("NQ403", "August")]
    elections = check("Elections will be held in June, the commission said.", "2024-07-24")
    assert [(f.code, f.span.text) for f in elections.findings] == [("NQ403", "June")]
    assert codes(check("The strike began in July, union leaders said.", "2024-07-24")) == []
    assert codes(check("The company reported sales in August rose sharply.", "2024-07-24")) == []


def test_a_year_alone_told_by_the_verb_before_it_is_out_of_time() -> None:
    closed = check("The factory closed in 2026, the company said.", "2024-07-24")
    assert [(f.code, f.span.text) for f in closed.findings] == [("NQ403", "2026")]
    opens = check("The stadium will open in 2023, officials said.", "2024-07-24")
    assert [(f.code, f.span.text) for f in opens.findings] == [("NQ403", "2023")]
    assert codes(check("The factory closed in 2023, the company said.", "2024-07-24")) == []
    # A year naming something, a fiscal year, or a year with no verb of its own before it.
    assert codes(check("Mr Doyle, who yesterday trimmed his 2025 earnings projection, spoke.", "2024-07-24")) == []
    assert codes(check("Tickets for the 2026 World Cup went on sale on Monday.", "2024-07-24")) == []
    assert codes(check("Profits rose in fiscal 2025, the company said.", "2024-07-24")) == []
    assert codes(check("The government announced plans for 2026 on Monday.", "2024-07-24")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Work is due to begin soon, with completion expected in August.",
        "The report, expected on 30 July, will be published by the ministry.",
        "Work is due to begin soon, with completion expected in 2025.",
    ],
)
def test_a_participle_that_looks_ahead_tells_no_tense_of_its_date(text: str) -> None:
    assert codes(check(text, "2024-07-24")) == []


def test_a_day_without_its_year_is_not_dated_by_a_verb_further_off() -> None:
    # The clause's tense comes from "invited", "said" or "preferred", none of them the date's own verb.
    summit = "The chancellor invited her counterparts to a summit in Vienna on 26 July."
    assert codes(check(summit, "2024-07-24")) == []
    assert codes(check("Holders of record will receive the preferred shares on 26 July.", "2024-07-24")) == []
    # A reporting period named by its last day is often the year before's.
    assert codes(check("Sales fell 4% in the quarter ended 26 July, the retailer said.", "2024-07-24")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister visited Paris on Tuesday for talks with the French president. "
        "Officials in London said the prime minister visited Paris on Monday.",
        "The council announced the library closures on Monday. "
        "Campaigners said the library closures were announced on Tuesday without warning.",
        # A clause after the date, not the name of an event ("the Tuesday meeting").
        "The prime minister visited Paris on Tuesday, meeting the French president. "
        "Officials in London said the prime minister visited Paris on Monday.",
    ],
)
def test_a_visit_or_an_announcement_told_on_two_days(text: str) -> None:
    assert codes(check(text, "2024-07-24")) == ["NQ404"]


@pytest.mark.parametrize(
    "text",
    [
        "The talks began on Monday. The talks continued on Tuesday.",
        "The summit opened on Monday 22 July. The summit ended on Tuesday 23 July.",
        "The meeting was adjourned on Monday. The meeting resumed on Wednesday.",
        "The leaders met on Monday. Their meeting was postponed on Tuesday.",
    ],
)
def test_stages_of_an_event_that_lasts_are_told_on_their_own_days(text: str) -> None:
    assert codes(check(text, "2024-07-24")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the base on Monday. Troops returned on Tuesday after the attack.",
        "The two leaders met on Monday. Markets rose on Tuesday after the meeting.",
        "The market crashed on Monday. Prices recovered on Tuesday after the crash.",
        "Shares crashed on Monday. The crash deepened on Tuesday as investors fled.",
        # A response to the event is dated, not the event.
        "The verdict was delivered on Monday. The ruling was appealed on Friday.",
        "The deal was signed on Monday. The deal was criticised on Tuesday by the opposition.",
        # "A third victim" died on another day than the first two.
        "Two people died in the attack on Saturday. A third victim died in hospital on Monday.",
    ],
)
def test_an_event_named_after_a_day_and_a_relation_is_not_dated_by_it(text: str) -> None:
    assert codes(check(text, "2024-07-24")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks began on Monday in Geneva. The talks started on Tuesday, officials said.",
        "The crash happened on Monday. Investigators said the crash occurred on Sunday.",
        "The train derailed on Monday near Leeds. The train derailed on Sunday, officials said.",
        "The vote took place on Tuesday. The vote was held on Wednesday.",
        "The ruling came on Monday. Lawyers said the ruling was issued on Tuesday.",
    ],
)
def test_one_stage_a_crash_or_a_vote_told_on_two_days(text: str) -> None:
    assert codes(check(text, "2024-07-24")) == ["NQ404"]


def test_one_action_with_different_participants_is_two_events() -> None:
    assert (
        codes(check("The minister met the president on Monday. The minister met the king on Tuesday.", "2024-07-24"))
        == []
    )
    # Those who tell of the meeting take no part in it.
    told = "The two leaders met in Geneva on Monday. On Tuesday the leaders met, officials said."
    assert codes(check(told, "2024-07-24")) == ["NQ404"]


def test_same_event_on_two_days_through_the_same_action() -> None:
    text = (
        "On Tuesday, the two unions signed the wage agreement in Leeds.\n"
        "The wage agreement was signed by both unions on 3 July."
    )
    report = check(text, "2024-07-24")
    assert codes(report) == ["NQ404"]
    finding = report.findings[0]
    assert {finding.span.text, *(s.text for s in finding.related)} == {"Tuesday", "3 July"}
    fixed = text.replace("3 July", "23 July")
    assert codes(check(fixed, "2024-07-24")) == []


def test_different_events_of_one_kind_are_not_paired() -> None:
    text = (
        "Spain and Portugal signed a water treaty on Monday.\n"
        "A previous treaty was signed by the two countries on 12 March."
    )
    assert codes(check(text, "2024-07-24")) == []
    planned = (
        "The committee met on Monday to discuss the budget.\nThe committee will meet again on Thursday, its chair said."
    )
    assert codes(check(planned, "2024-07-24")) == []


def test_same_event_through_restated_passages() -> None:
    text = (
        "Rescuers reached the trapped miners on Friday after a long search.\n"
        "The miners were brought to the surface on Saturday, officials said.\n"
        "After a long search, rescuers got to the trapped miners on Sunday."
    )
    document = Document(text, published=dt.date(2024, 7, 24))
    mentions = time_mentions(document)
    # The pairing the repetition analysis would give: the third sentence restates the first.
    links = event_links(document, mentions, restated=[(0, 2)])
    assert [(link.first.expression.text, link.second.expression.text, link.reason) for link in links] == [
        ("Friday", "Sunday", "restated")
    ]
    assert event_links(document, mentions, restated=[]) == []


def test_relative_reference_contradicting_the_publication_date() -> None:
    report = check("The vote took place yesterday (Tuesday) in the Commons.", "2024-07-25")
    assert codes(report) == ["NQ405"]
    assert report.findings[0].span.text == "yesterday (Tuesday"
    assert codes(check("The vote took place yesterday (Wednesday) in the Commons.", "2024-07-25")) == []


def test_relative_references_contradicting_each_other_without_publication_date() -> None:
    text = "The bill passed yesterday (Tuesday) after a long debate.\nPeers will vote on it tomorrow (Friday)."
    report = check(text)
    assert codes(report) == ["NQ405"]
    assert "Wednesday" in report.findings[0].message
    assert "Thursday" in report.findings[0].message
    consistent = "The bill passed yesterday (Tuesday) after a long debate.\nPeers will vote on it tomorrow (Thursday)."
    assert codes(check(consistent)) == []


def test_ambiguous_numeric_date_is_marked_not_guessed() -> None:
    report = check("The hearing is set for 03/04/2025 in the High Court.")
    assert codes(report) == ["NQ406"]
    assert report.findings[0].suggestions == ("3 April 2025", "4 March 2025")
    assert codes(check("The hearing is set for 03/04/2025 in the High Court.", language="en-GB")) == []
    assert codes(check("The hearing is set for 25/09/2025 in the High Court.")) == []


def test_a_holiday_name_inside_a_longer_word_is_no_date() -> None:
    # "year" opens a window 35 characters long for "New Year's Day"; here it ends just
    # after "Easter" inside "Eastern", which must not read as the holiday.
    text = "It was a bad year for all the records sold in Eastern Europe."
    assert text.index("year") + len("year") + 35 == text.index("Eastern") + len("Easter")
    assert find_expressions(text) == []
    assert [e.text for e in find_expressions("He said the records were stolen at Easter.")] == ["Easter"]


def test_every_holiday_name_in_the_word_list_is_found() -> None:
    holidays = lexicon().holidays
    assert len(holidays) > 20
    for name, key in holidays.items():
        written = name.title().replace("'S", "'s").replace("’S", "’s").replace("Of", "of")
        text = f"The council met on {written}, and again in March."
        found = [e for e in find_expressions(text) if e.text == written]
        assert len(found) == 1, text
        # "the Fourth of July" reads as the date it names, 4 July: the same day.
        day = f"{found[0].month:02d}-{found[0].day:02d}" if found[0].kind == Kind.ABSOLUTE else None
        assert key in (found[0].holiday, day), text


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("The shop was shut at Christmas last year.", "2024-12-28", "Christmas last year", "2023-12-25"),
        ("Polls open on Election Day next year.", "2024-07-24", "Election Day next year", "2025-11-04"),
        ("It rained on the fourth of July last year.", "2024-07-24", "the fourth of July last year", "2023-07-04"),
    ],
)
def test_a_holiday_or_day_told_with_last_or_next_year_is_in_that_year(
    sentence: str, published: str, text: str, value: str
) -> None:
    # Read apart, "Christmas" took the nearest Christmas and "last year" stood alone.
    assert values(sentence, dt.date.fromisoformat(published)) == [(text, value)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The minister resigned on Monday last week.", "Monday last week", "2024-07-15"),
        ("Talks resume on Friday next week.", "Friday next week", "2024-08-02"),
        ("The vote is on Sunday this week.", "Sunday this week", "2024-07-28"),
        ("Sales fell the week before last.", "the week before last", "2024-W28"),
        ("The plant opens the year after next.", "the year after next", "2026"),
        ("MPs vote on Tuesday week.", "Tuesday week", "2024-08-06"),
        ("MPs vote a week on Tuesday.", "a week on Tuesday", "2024-08-06"),
        ("MPs vote on Wednesday week.", "Wednesday week", "2024-07-31"),
        ("MPs vote a week tomorrow.", "a week tomorrow", "2024-08-01"),
    ],
)
def test_a_weekday_with_last_or_next_week_and_a_unit_before_last_are_read_whole(
    sentence: str, text: str, value: str
) -> None:
    # Published on Wednesday 24 July 2024. Read apart, "Monday" was this week's and
    # "last week" stood alone; "the week before last" was not read at all; "Tuesday week"
    # (British: a week after the coming Tuesday) was the coming Tuesday.
    assert values(sentence) == [(text, value)]


def test_a_month_of_last_year_is_in_last_year() -> None:
    # Read apart, "September" was the last September before an October article: this year's.
    sentence = "The factory closed in September of last year."
    assert values(sentence, dt.date(2024, 10, 15)) == [("September of last year", "2023-09")]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The new fares apply from the 1st of next month.", "the 1st of next month", "2024-08-01"),
        ("Tenants must pay by the first of next month.", "the first of next month", "2024-08-01"),
        ("The order was made on the 30th of last month.", "the 30th of last month", "2024-06-30"),
        ("The court sits again on the 29th of this month.", "the 29th of this month", "2024-07-29"),
    ],
)
def test_a_day_of_a_month_told_from_publication_is_that_day(sentence: str, text: str, value: str) -> None:
    # Read apart, "next month" stood alone and the day was lost.
    assert values(sentence) == [(text, value)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The plant closed in the summer of last year.", "the summer of last year", "2023-SU"),
        ("The plant closed in summer last year.", "summer last year", "2023-SU"),
        ("The new show will launch in the spring of next year.", "the spring of next year", "2025-SP"),
    ],
)
def test_a_season_of_last_or_next_year_is_in_that_year(sentence: str, text: str, value: str) -> None:
    # Read apart, "last year" stood alone and the season was lost.
    assert values(sentence) == [(text, value)]


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        (
            "The festival ran from Monday 1 to Wednesday 3 July.",
            "2024-07-24",
            "Monday 1 to Wednesday 3 July",
            "2024-07-01/2024-07-03",
        ),
        (
            "The strike will run from Monday, August 5 to Friday, August 9.",
            "2024-07-24",
            "Monday, August 5 to Friday, August 9",
            "2024-08-05/2024-08-09",
        ),
        # The weekdays choose the year: 1 July was a Monday in 2024, not in 2025.
        (
            "The festival ran from Monday 1 to Wednesday 3 July.",
            "2025-01-10",
            "Monday 1 to Wednesday 3 July",
            "2024-07-01/2024-07-03",
        ),
    ],
)
def test_a_run_of_days_with_their_weekdays_is_one_run(sentence: str, published: str, text: str, value: str) -> None:
    # Read apart, "Monday" was the Monday before publication and the run was lost.
    assert values(sentence, dt.date.fromisoformat(published)) == [(text, value)]


def test_tuesday_weeks_is_a_week_after_the_coming_tuesday() -> None:
    assert values("The talks were put off until Tuesday week's summit in Rome.") == [("Tuesday week's", "2024-08-06")]


def test_a_weekday_before_a_week_long_thing_is_the_weekday_alone() -> None:
    assert texts("On Tuesday week-long talks began in Geneva.") == ["Tuesday"]


def test_monday_last_week_agrees_with_its_own_date_and_not_with_this_weeks_monday() -> None:
    story = (
        "The health minister resigned from the cabinet on Monday last week, her office said.\n\n"
        "The health minister resigned from the cabinet on {day}, her office said in a statement."
    )
    assert codes(check(story.format(day="15 July"), "2024-07-24")) == []
    report = check(story.format(day="22 July"), "2024-07-24")
    assert [(f.code, f.span.text) for f in report.findings] == [("NQ404", "22 July")]


def test_a_time_word_ending_a_sentence_leaves_the_full_stop_out_of_its_span() -> None:
    text = "The strike lasted a week. Sales rose last fall. Talks end on Sept. 3, after three days."
    report = check(text, "2024-07-24")
    assert [m.span.text for m in report.timeline] == ["a week", "last fall", "Sept. 3", "three days"]


def test_a_fortnight_counts_as_two_weeks() -> None:
    assert values("The plant closed a fortnight ago.") == [("a fortnight ago", "2024-W28")]
    assert values("The plant closed two weeks ago.") == [("two weeks ago", "2024-W28")]
    lasted = find_expressions("The strike lasted a fortnight.")
    assert [(e.text, e.duration) for e in lasted] == [("a fortnight", "P2W")]


def test_every_trigger_word_is_a_word_the_trigger_scan_can_see() -> None:
    # A pattern runs only around its trigger words; one the scan never yields ("q2") starves it.
    from newsqa.dates.extract import _TOKEN, _extractor

    assert [word for word in _extractor().trigger_words if not _TOKEN.fullmatch(word)] == []


def test_a_quarter_written_q2_is_read() -> None:
    # The trigger scan reads "Q2" as "Q" and "2"; a trigger word "q2" was never seen.
    assert texts("Profits rose in Q2, and Q4 2023 sales fell.") == ["Q2", "Q4 2023"]
    assert values("Profits rose in Q2.") == [("Q2", "2024-Q2")]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The festival runs 1-3 August in Edinburgh.", "1-3 August", "2024-08-01/2024-08-03"),
        ("The festival runs from 1 to 3 August.", "1 to 3 August", "2024-08-01/2024-08-03"),
        ("The festival runs between 1 and 3 August.", "between 1 and 3 August", "2024-08-01/2024-08-03"),
        ("The festival runs Aug. 1-3, 2025.", "Aug. 1-3, 2025", "2025-08-01/2025-08-03"),
        ("The festival runs July 30-Aug. 2.", "July 30-Aug. 2", "2024-07-30/2024-08-02"),
        ("Shops shut from 30 December to 2 January 2025.", "30 December to 2 January 2025", "2024-12-30/2025-01-02"),
    ],
)
def test_a_run_of_days_is_one_mention_covering_every_day(sentence: str, text: str, value: str) -> None:
    report = check(sentence, "2024-07-24")
    assert [(m.span.text, m.kind, m.value) for m in report.timeline] == [(text, "range", value)]
    first, last = value.split("/")
    assert (report.timeline[0].start, report.timeline[0].end) == (
        dt.date.fromisoformat(first),
        dt.date.fromisoformat(last),
    )


def test_two_days_and_backwards_or_impossible_runs_are_not_runs() -> None:
    assert texts("Talks were held on 1 and 3 August.") == ["3 August"]
    assert texts("The score was 3-1 August's best.") == ["1 August"]
    report = check("The fair runs 30-31 September.", "2024-07-24")
    assert codes(report) == ["NQ401"]
    assert report.findings[0].span.text == "31 September"


def test_a_day_inside_a_restated_run_of_days_is_no_conflict_and_one_outside_is() -> None:
    # Read as its last day alone, "1 to 3 August" put "1 August" at odds with it.
    story = (
        "The Edinburgh festival will run from 1 to 3 August in the city centre, organisers said.\n\n"
        "The Edinburgh festival will run on {day} in the city centre, organisers said in a statement."
    )
    assert codes(check(story.format(day="1 August"), "2024-07-24")) == []
    report = check(story.format(day="10 August"), "2024-07-24")
    assert [(f.code, f.span.text) for f in report.findings] == [("NQ404", "10 August")]
    assert "2024-08-01/2024-08-03" in report.findings[0].message


def test_a_run_of_days_reported_as_done_after_publication_is_out_of_time() -> None:
    report = check("The festival ran 1-3 August 2024, organisers said.", "2024-07-24")
    assert [(f.code, f.span.text) for f in report.findings] == [("NQ403", "1-3 August 2024")]


def test_a_restated_date_pairs_with_its_own_words_not_with_a_date_word_in_a_title() -> None:
    # The earlier sentence holds "Christmas" (in a game's name) and "Sunday"; the restatement
    # says "Sunday" again. Its "Sunday" is the first one's, and nothing is at odds.
    story = (
        "A new toy shop opened its doors in Leeds on Friday.\n\n"
        "Best-selling board game Is It Christmas Yet? is expected to sell at least 50,000 boxes "
        "by the time the winter fair closes on Sunday.\n\n"
        "Shoppers in York formed long lines outside the store before it opened.\n\n"
        "The game was first made by a small family firm in 1987.\n\n"
        "Retailers predict that the board game will sell 50,000 boxes across Britain by the time "
        "the winter fair closes on {day}."
    )
    for published in (None, "2024-11-27"):
        assert codes(check(story.format(day="Sunday"), published)) == []
        report = check(story.format(day="Monday"), published)
        assert [(f.code, f.span.text) for f in report.findings] == [("NQ404", "Monday")]


def test_durations_never_conflict() -> None:
    text = "The two-day summit ended on Wednesday.\nA 24-hour strike followed on Thursday."
    assert codes(check(text, "2024-07-26")) == []


def test_timeline_spans_point_at_the_text() -> None:
    text = "Talks began last week and ended yesterday.\nMinisters meet again on 3 September."
    report = check(text, "2024-07-24")
    assert [m.span.text for m in report.timeline] == ["last week", "yesterday", "3 September"]
    for mention in report.timeline:
        assert text[mention.span.start : mention.span.end] == mention.span.text
    assert [m.value for m in report.timeline] == ["2024-W29", "2024-07-23", "2024-09-03"]


def test_cli_style_round_trip_keeps_the_timeline(seed: str) -> None:
    report = check(seed, "2024-07-24")
    again = Report.from_json(report.to_json())
    assert again.timeline == report.timeline


def test_a_closing_attribution_is_looked_for_in_the_last_words_only() -> None:
    # A run-on "sentence" of thousands of dates is not read back to each date for it.
    from newsqa.dates import tense

    class CountingWords(list[str]):
        reads = 0

        def __getitem__(self, index):  # type: ignore[no-untyped-def]
            CountingWords.reads += 1
            return super().__getitem__(index)

    words = CountingWords(["talks", "resumed", "on", "Tuesday"] * 2_500)
    assert tense._closing_attribution(words, tense._words()) is None
    assert CountingWords.reads <= 2 * (tense._ATTRIBUTION_WORDS + 1)
