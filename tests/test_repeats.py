"""The repeated-passages check and the repetition analysis it shares with the dates check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from conftest import run_cli
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks.articles import article
from newsqa import Checker, Config
from newsqa.analysis import repetition, wordkeys
from newsqa.analysis.repetition import (
    DEFAULT_THRESHOLDS,
    Restatement,
    Thresholds,
    repeated_quotations,
    repeated_runs,
    restatements,
    scored_pairs,
)
from newsqa.analysis.wordkeys import content_key, surface_key
from newsqa.document import Document
from newsqa.errors import ConfigError
from newsqa.report import Finding


def repeats(text: str, **options: object) -> list[Finding]:
    config = Config(select=["repeats"], checks={"repeats": options} if options else {})
    with Checker(config) as checker:
        report = checker.check(text)
    assert report.complete, report.not_run
    return list(report.findings)


def lines_of(document: Document, pair: Restatement) -> tuple[int, int]:
    return document.line_col(pair.earlier.start)[0], document.line_col(pair.later.start)[0]


# -- the seed article ---------------------------------------------------------------


def test_seed_restatements_are_exactly_the_marked_pairs(seed_text: str) -> None:
    document = Document(seed_text)
    found = {lines_of(document, pair): pair.kind for pair in restatements(document)}
    assert found == {(1, 7): "paraphrase", (2, 6): "paraphrase", (3, 8): "paraphrase", (4, 9): "heading"}


def test_seed_restated_passage_is_one_finding_on_the_later_lines(seed_text: str) -> None:
    passage, heading = repeats(seed_text)
    lines = seed_text.splitlines()
    assert passage.code == "NQ103"
    assert passage.span.text == "\n".join(lines[5:8])
    assert [r.text for r in passage.related] == lines[0:3]
    assert passage.message.startswith(
        "Lines 6–8 restate lines 1–3, sentence by sentence: "
        "line 6 restates line 2, line 7 restates line 1, line 8 restates line 3"
    )
    assert [pair[:2] for pair in passage.data["pairs"]] == [[2, 6], [1, 7], [3, 8]]
    assert heading.code == "NQ104"
    assert heading.span.text == "What is this all about?"
    assert [r.text for r in heading.related] == ["What’s happening?"]


def test_restatements_are_shared_through_the_document_memo(seed_text: str) -> None:
    document = Document(seed_text)
    assert restatements(document) is restatements(document)


# -- verbatim -----------------------------------------------------------------------------


def test_a_sentence_repeated_word_for_word_is_flagged_on_its_second_copy() -> None:
    text = (
        "The council approved the new budget on Tuesday after a long debate.\n\n"
        "Residents had asked for more money for libraries and parks.\n\n"
        "Opposition members walked out before the final vote.\n\n"
        "The Council approved the new budget on Tuesday after a long debate."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ101"
    assert finding.span.line == 7
    assert finding.span.text.startswith("The Council approved")
    assert [r.line for r in finding.related] == [1]
    assert finding.message.startswith("Line 7 repeats line 1 word for word")


def test_a_run_of_eight_words_inside_other_sentences_is_a_verbatim_repeat() -> None:
    text = (
        "Flights were cancelled at Heathrow. Heavy snow closed both runways for most of the morning. "
        "Passengers slept in the terminal overnight. By noon the airport said that heavy snow closed "
        "both runways for most of the morning. Trains were also delayed across the south."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ101"
    assert finding.span.text == "heavy snow closed both runways for most of the morning"
    assert finding.related[0].text == "Heavy snow closed both runways for most of the morning"


def test_a_run_of_mostly_common_words_is_a_formula_not_a_repeat() -> None:
    text = (
        "Leaflets tell parents what they can do if it happens to them. "
        "The scheme starts in March. "
        "Teachers were also told what they can do if it happens to them."
    )
    document = Document(text)
    assert len(repeated_runs(document, Thresholds(min_run_content_words=1))) == 1
    assert repeats(text) == []


def test_a_run_that_crosses_a_sentence_end_is_a_verbatim_repeat() -> None:
    text = (
        "Snow closed both runways for most of the morning. Passengers slept in the terminal overnight.\n\n"
        "Flights to Europe were the worst hit.\n\n"
        "Airlines said the snow closed both runways for most of the morning. Passengers slept in the "
        "terminal, they added."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ101"
    run = "snow closed both runways for most of the morning. Passengers slept in the terminal"
    # The finding covers the place repeated: at least the run, which crosses the sentence end.
    assert run in finding.span.text
    assert "S" + run[1:] in finding.related[0].text
    assert finding.message.startswith("Line 5 repeats line 1 word for word")


def test_runs_that_cross_sentence_boundaries_are_reported_once_as_a_passage() -> None:
    passage = (
        "The hospital opened a new cancer ward on Monday. It has forty beds and two operating "
        "theatres. Patients will be moved there from next month."
    )
    text = f"{passage}\n\nThe building cost twelve million pounds.\n\n{passage}"
    [finding] = repeats(text)
    assert finding.code == "NQ101"
    assert finding.span.text == passage.rstrip(".")
    assert finding.span.line == 5


def test_a_passage_said_three_times_is_reported_once_with_both_earlier_copies() -> None:
    sentence = "The bridge will stay closed to traffic until the repairs are finished in spring."
    text = "\n\n".join(
        [sentence, "Engineers found cracks in two of its supports.", sentence, "Buses will run instead.", sentence]
    )
    [finding] = repeats(text)
    assert finding.span.line == 9
    assert [r.line for r in finding.related] == [1, 5]
    assert finding.data["occurrences"] == 3
    assert "lines 1 and 5" in finding.message


def test_short_formulaic_sentences_are_not_repeats() -> None:
    text = (
        "The minister resigned on Friday. He declined to comment. "
        "His deputy will take over the department. She declined to comment."
    )
    assert repeats(text) == []


_LISTING = (
    "Five films to watch this spring\n\n"
    "The director's long-awaited thriller follows a detective through a flooded city. "
    "Released 4 April in cinemas.\n\n"
    "An animated fable about a fox who runs a bakery, voiced by a cast of stand-up comedians. "
    "Released 18 April on Netflix.\n\n"
    "A documentary about the last lighthouse keepers of the Hebrides, filmed over two winters. "
    "Released 2 May in cinemas.\n\n"
    "A courtroom drama set in 1970s Glasgow, with a star turn from its young lead. "
    "Released 9 May on Netflix."
)


def test_entries_of_a_listing_are_not_repeats() -> None:
    # "Released 4 April in cinemas." and "Released 2 May in cinemas." name different dates
    # in the listing's own frame: parallel entries, not an edited copy or a restatement.
    assert repeats(_LISTING) == []


def test_a_copy_beside_the_entries_of_a_listing_is_still_flagged() -> None:
    text = (
        "The ferry to the island was cancelled on Friday because of high winds. "
        "Released 4 April in cinemas. Released 18 April on Netflix. Released 2 May in cinemas. "
        "The ferry to the island was cancelled on Friday due to high winds."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ102"
    assert finding.span.text == "The ferry to the island was cancelled on Friday due to high winds."


def test_a_short_sentence_with_one_place_changed_is_still_an_edited_copy() -> None:
    # The frame shares no word the article uses three times: a copy whose place was edited.
    text = (
        "The mayor resigned after the vote in Leeds. Councillors had met for six hours. "
        "Protesters gathered outside the town hall. The mayor resigned after the vote in York."
    )
    [finding] = repeats(text)
    assert (finding.code, finding.span.text) == ("NQ102", "The mayor resigned after the vote in York.")


_LETTERS = (
    "Is this the best album of the last ten years? Your views\n\n"
    "I have played it every morning since it came out and it is the best album of the last ten years "
    "by a mile. Anna, Leeds\n\n"
    "Great songs, yes, but calling it the best album of the last ten years is nonsense. Tom, Cardiff\n\n"
    "My children love it too, so for our family it really is the best album of the last ten years. "
    "Priya, Derby\n\n"
    "Anyone who thinks this is the best album of the last ten years should listen to more music. Sam, Bristol"
)


def test_a_phrase_said_in_every_letter_is_a_refrain_not_a_repeat() -> None:
    assert repeats(_LETTERS) == []


def test_a_reader_asking_the_refrain_as_a_sentence_of_its_own_is_no_pasted_copy() -> None:
    # "The best album of the last ten years?" is a whole sentence of eight words, but it
    # is there once: the other places say the words inside longer sentences.
    asked = "The best album of the last ten years? I doubt it. Mo, Hull"
    assert repeats(_LETTERS + "\n\n" + asked) == []


def test_a_letter_pasted_twice_among_a_refrain_is_still_reported() -> None:
    pasted = "My children love it too, so for our family it really is the best album of the last ten years."
    [finding] = repeats(_LETTERS + "\n\n" + pasted + " Priya, Derby")
    assert finding.code == "NQ101"
    assert finding.span.text.startswith(pasted[:40])
    assert finding.span.line == 11


# -- edited and paraphrased ------------------------------------------------------------


def test_an_edited_copy_is_flagged_with_its_similarity() -> None:
    text = (
        "The company said it would cut 300 jobs at its plant in Leeds by the end of the year.\n\n"
        "Unions called the decision a betrayal of the workforce.\n\n"
        "Shares rose by four per cent in early trading.\n\n"
        "The firm said it will cut 300 jobs at the plant in Leeds by the end of the year."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ102"
    assert 0.8 <= float(str(finding.data["score"])) < 1
    assert "with small edits" in finding.message


def test_spelling_variants_do_not_hide_an_edited_copy() -> None:
    text = (
        "The defence ministry will organise a review of the programme this autumn.\n\n"
        "Critics say the review comes too late.\n\n"
        "The ministry's budget was cut last year.\n\n"
        "The defense ministry will organize a review of the program this autumn."
    )
    assert [f.code for f in repeats(text)] == ["NQ102"]


def test_a_restatement_in_other_words_is_flagged() -> None:
    text = (
        "Flooding forced 2,000 residents of Carlisle to leave their homes on Sunday.\n\n"
        "Forecasters expect more rain this week.\n\n"
        "The Environment Agency has issued three severe warnings.\n\n"
        "About 2,000 residents of Carlisle had to leave their homes on Sunday because of the flooding."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ103"
    assert finding.message.startswith("Line 7 restates line 1: “Flooding forced 2,000 residents")
    assert finding.span.text == text.split("\n\n")[3]


def test_a_restatement_with_its_verbs_changed_and_its_clauses_turned_round_is_flagged() -> None:
    text = (
        "The museum will close for six months while its roof is repaired, the trust said.\n\n"
        "Residents had campaigned for the repairs for two years.\n\n"
        "A public meeting is planned for the spring.\n\n"
        "The trust said the museum would shut for six months so the roof can be repaired."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ103"
    assert finding.span.text == text.split("\n\n")[3]
    assert finding.related[0].text == text.split("\n\n")[0]


def test_sentences_on_one_topic_are_not_restatements() -> None:
    text = (
        "The Bank of England raised interest rates to 5.25% on Thursday.\n\n"
        "It was the fourteenth rise in a row.\n\n"
        "Mortgage lenders are expected to pass the rise on to borrowers within days.\n\n"
        "The Bank's governor said inflation was still far too high.\n\n"
        "Economists had expected rates to rise by a quarter of a point."
    )
    assert repeats(text) == []


def test_a_restated_passage_needs_less_from_each_sentence_than_a_single_restatement() -> None:
    earlier = [
        "Storm Ciaran brought winds of 100mph to Cornwall on Thursday morning.",
        "Thousands of homes lost power across the south-west.",
        "Dozens of schools in Devon were closed for the day.",
    ]
    later = [
        "Cornwall was hit by gusts of up to 100mph on Thursday as Storm Ciaran arrived.",
        "Across the south-west, thousands of households were left without electricity.",
        "In Devon, dozens of schools shut their doors for the day.",
    ]
    middle = ["The Met Office had issued an amber warning.", "Trains were cancelled across the region."]
    document = Document("\n\n".join([*earlier, *middle, *later]))
    pairs = {lines_of(document, pair) for pair in restatements(document)}
    assert pairs == {(1, 11), (3, 13), (5, 15)}
    # Each pair on its own would not be enough.
    alone = Thresholds(passage_sentences=10)
    assert len(restatements(document, alone)) < 3


def test_the_same_content_words_reworded_are_a_restatement() -> None:
    earlier = "More than 200 people were killed in the earthquake."
    later = "The earthquake killed over 200 people."
    middle = "Rescue teams from six countries arrived in the region overnight."
    document = Document(f"{earlier}\n\n{middle}\n\n{later}")
    [pair] = scored_pairs(document)
    assert pair.content == 1.0
    assert pair.paraphrase_score < DEFAULT_THRESHOLDS.paraphrase
    [restatement] = restatements(document)
    assert (restatement.earlier.text, restatement.later.text, restatement.kind) == (earlier, later, "paraphrase")
    assert restatement.score == 0.9
    # The paraphrase threshold still rules: at 1.0 only the model's certain pairs are restatements.
    assert restatements(document, Thresholds(paraphrase=1.0)) == ()
    # The same words with one denial are not a restatement.
    denied = Document(
        "The company will appeal against the fine imposed by regulators.\n\n"
        f"{middle}\n\nRegulators imposed the fine, and the company will never appeal against it."
    )
    [contrary] = scored_pairs(denied)
    assert (contrary.content, contrary.other_polarity) == (1.0, 1.0)
    assert restatements(denied) == ()


def test_adjacent_sentences_are_never_paraphrases_of_each_other() -> None:
    text = (
        "Police said three men were arrested after a raid on a warehouse in Salford on Monday. "
        "Greater Manchester Police said three men had been arrested after the raid on a Salford warehouse on Monday."
    )
    document = Document(text)
    [pair] = scored_pairs(document)
    assert pair.adjacent
    assert pair.paraphrase_score > DEFAULT_THRESHOLDS.paraphrase
    assert pair.similarity < DEFAULT_THRESHOLDS.edited
    assert restatements(document) == ()


# -- headings and quotations -----------------------------------------------------------


def test_two_headings_doing_the_same_job_are_a_minor_finding() -> None:
    text = (
        "What is going on?\nThe strike began on Monday and has closed every school in the city.\n"
        "Why does it matter?\nParents have had to take time off work.\n"
        "What's happening?\nTalks between the union and the council resume on Friday."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ104"
    assert finding.severity.value == "info"
    assert finding.span.text == "What's happening?"
    assert finding.related[0].text == "What is going on?"


def test_different_headings_are_not_repeats() -> None:
    text = (
        "What happens next?\nThe strike began on Monday.\n"
        "A restart with the EU?\nTalks resume on Friday.\n"
        "Who pays?\nThe council has not said."
    )
    assert repeats(text) == []


def test_a_quotation_used_twice_is_a_repeat() -> None:
    text = (
        "“We will not close a single library,” the council leader said on Monday. "
        "Budgets for parks will fall by a tenth. Staff will be offered early retirement. "
        "Asked about the cuts, she repeated: “We will not close a single library.”"
    )
    [finding] = repeats(text)
    assert finding.code == "NQ105"
    assert finding.span.text == "“We will not close a single library.”"
    assert finding.related[0].text == "“We will not close a single library,”"
    document = Document(text)
    assert len(repeated_quotations(document)) == 1


def test_short_quoted_phrases_may_be_quoted_again() -> None:
    text = (
        "Critics called the plan “a disgrace” on Monday. The minister defended it. "
        "Local papers repeated the word “disgrace” in their headlines."
    )
    assert repeats(text) == []


# -- configuration ---------------------------------------------------------------------


def test_boilerplate_lines_are_never_repeats() -> None:
    credit = "Additional reporting by Anna Smith and John Brown in London and Paris."
    text = f"Prices rose again.\n\n{credit}\n\nWages did not.\n\nRents fell.\n\n{credit}"
    assert repeats(text) == []


# Words of the built-in boilerplate lines, and the characters on which the two engines differ
# or nearly do: combining marks, superscripts, the separators \x1c-\x1f, "İ", "ı", "ſ", the Kelvin sign.
BOILERPLATE_PIECES = [
    "Read more", "see also", "Related stories:", "Click here", "follow us on", "Share this article",
    "Sign up", "Advertisement", "Copyright", "©", "(c)", "All rights reserved", "contributed reporting",
    "to this report", "Reporting by", "(Reuters)", "AFP", "has more", "the story from", "reports from",
    "This story was updated", "BBC", "the", "Jane Doe", "", " ", ".", "!", "\u201c", "\u2019", "-", "\n",
    "\u0301", "\u00b2", "\u00bd", "\x1c", "\u0130", "\u0131", "\u017f", "\u212a", "\u203f", "\u00e9", "\u0142",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(BOILERPLATE_PIECES), max_size=12).map("".join))
@example("Cl\u0131ck here to subscribe")
@example("CL\u0130CK HERE")
@example("Read more\u00b2 of this")
@example("Sign up\u203f now")
@example("Read more\u0301")
def test_the_boilerplate_lines_match_as_with_regex_alone(text: str) -> None:
    # The built-in lines run on the standard library's engine where it reads them as regex does.
    lines = repetition._boilerplate(())
    assert lines.fullmatch(text) == (lines.builtin.fullmatch(text) is not None)
    for case in (text.upper(), text.lower()):
        assert lines.fullmatch(case) == (lines.builtin.fullmatch(case) is not None)


def test_broadcast_hand_overs_are_boilerplate() -> None:
    text = (
        "NPR's Elaine Corey has more from San Francisco.\n\n"
        "Fog closed the Golden Gate Bridge for two hours on Monday.\n\n"
        "Commuters were stuck in long queues.\n\n"
        "NPR's Elaine Corey has more from San Francisco."
    )
    assert repeats(text) == []


def test_items_of_a_list_are_parallel_not_repeats() -> None:
    text = (
        "The winners were announced on Sunday night.\n\n"
        "- Best lighting design - His Dark Materials designed by Paule Constable at the Olivier\n"
        "- Best sound design - The Woman in White designed by Mick Potter at the Palace\n"
        "- Best set design - The Woman in White designed by William Dudley at the Palace\n\n"
        "The ceremony was held at the Hilton hotel."
    )
    assert repeats(text) == []


def test_a_list_item_given_twice_is_a_repeat() -> None:
    item = "- Best sound design - The Woman in White designed by Mick Potter at the Palace"
    text = f"The winners were announced.\n\n{item}\n- Best actor - Richard Griffiths\n{item}"
    [finding] = repeats(text)
    assert finding.code == "NQ101"
    assert finding.span.line == 5


def test_configured_boilerplate_is_ignored() -> None:
    line = "Sign our petition to keep the town centre library open all week."
    text = f"{line}\n\nThe library opens four days a week.\n\nVolunteers run the café.\n\n{line}"
    assert [f.code for f in repeats(text)] == ["NQ101"]
    assert repeats(text, boilerplate=[r"sign our petition\b.*"]) == []


def test_thresholds_are_options_of_the_check() -> None:
    text = (
        "The company said it would cut 300 jobs at its plant in Leeds by the end of the year.\n\n"
        "Unions called the decision a betrayal of the workforce.\n\n"
        "Shares rose by four per cent in early trading.\n\n"
        "The firm said it will cut 300 jobs at the plant in Leeds by the end of the year."
    )
    assert [f.code for f in repeats(text, edited_threshold=0.99, min_content_words=3)] == ["NQ101"]
    assert repeats(text, edited_threshold=0.99, paraphrase_threshold=1.0, min_run_words=20) == []


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("edited_threshold", 1.5),
        ("paraphrase_threshold", "high"),
        ("min_run_words", 1),
        ("boilerplate", ["(unclosed"]),
        ("boilerplate", "Read more"),
    ],
)
def test_bad_options_are_clear_config_errors(option: str, value: object) -> None:
    with pytest.raises(ConfigError, match=f"repeats.{option}"):
        Config(checks={"repeats": {option: value}})


# -- words and edge cases ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("defence", "Defense"),
        ("organised", "organizing"),
        ("colour", "colors"),
        ("centre", "center"),
        ("signed", "inked"),
        ("pact", "agreements"),
        ("1,000", "1000"),
        ("25th", "25"),
        ("two", "2"),
        ("Britain’s", "Britain"),
    ],
)
def test_content_keys_fold_variants_inflections_and_synonyms(a: str, b: str) -> None:
    assert content_key(a) == content_key(b) is not None


def test_function_words_have_no_content_key_but_acronyms_that_spell_them_do() -> None:
    assert content_key("the") is None
    assert content_key("said") is None
    assert content_key("US") == "US"
    assert surface_key("What’s") == surface_key("what's")


@pytest.mark.parametrize("mark", ["’", "‘", "ʼ", "‐", "‑"])
def test_typographic_apostrophes_and_hyphens_key_as_plain_ones(mark: str) -> None:
    # The keys skip the mapping for ASCII words: every mark mapped must lie outside ASCII.
    plain = "'" if mark in "’‘ʼ" else "-"
    assert surface_key(f"Ministers{mark}") == surface_key(f"ministers{plain}")
    assert content_key(f"co{mark}op") == content_key(f"co{plain}op")
    assert all(code > 127 for code in wordkeys._APOSTROPHES)


@pytest.mark.parametrize("text", ["", "   \n\n ", "Hello.", "What?\nWhat?", "“”"])
def test_texts_with_little_or_nothing_in_them_give_no_repeats(text: str) -> None:
    document = Document(text)
    assert repeated_runs(document) == ()
    assert all(r.kind == "heading" for r in restatements(document))


def test_parallel_sentences_with_other_numbers_are_not_repeats() -> None:
    text = (
        "Third-quarter sales rose to $3 million from $2.9 million.\n\n"
        "Net income fell 12% to $210,000.\n\n"
        "The company's chairman retired in June.\n\n"
        "Nine-month sales rose to $9.8 million from $8.9 million."
    )
    assert repeats(text) == []


def test_a_word_used_in_every_sentence_does_not_make_every_pair_a_candidate() -> None:
    sentences = [f"Officials in district {n} reported {n * 7} new cases of measles this week." for n in range(200)]
    document = Document(" ".join(sentences))
    # Every sentence shares "officials", "district", "reported", "cases", "measles" and "week":
    # an all-pairs comparison would score 19,900 pairs.
    assert len(scored_pairs(document)) < 200 * 60


# -- the command line ---------------------------------------------------------------------


def test_the_report_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    # Sets of words iterate in an order that follows PYTHONHASHSEED; ties between equally
    # rare words and sums over a set once let it change which sentences a passage listed.
    story = tmp_path / "story.txt"
    story.write_text(article(10_000), encoding="utf-8")
    reports = []
    for seed in ("1", "2", "3"):
        found = run_cli("check", "--select", "repeats", "--format", "json", str(story), env={"PYTHONHASHSEED": seed})
        assert found.returncode == 1, found.stderr
        reports.append(json.loads(found.stdout)["findings"])
    assert reports[0] == reports[1] == reports[2]
    assert len(reports[0]) > 10


def test_the_command_reports_repeats_and_reads_boilerplate_from_config(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    line = "Sign our petition to keep the town centre library open all week."
    article.write_text(
        f"{line}\n\nThe library opens four days a week.\n\nVolunteers run the café.\n\n{line}\n", encoding="utf-8"
    )
    found = run_cli("check", "--select", "repeats", "--format", "json", str(article))
    assert found.returncode == 1, found.stderr
    [finding] = json.loads(found.stdout)["findings"]
    assert (finding["code"], finding["span"]["line"], finding["related"][0]["line"]) == ("NQ101", 7, 1)
    (tmp_path / "newsqa.toml").write_text('[repeats]\nboilerplate = ["sign our petition\\\\b.*"]\n', encoding="utf-8")
    quiet = run_cli("check", "--select", "repeats", "--format", "json", str(article))
    assert quiet.returncode == 0, quiet.stderr
    assert json.loads(quiet.stdout)["findings"] == []
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "newsqa.toml").write_text("[repeats]\nparaphrase_threshold = 2\n", encoding="utf-8")
    (broken / "story.txt").write_text("Text.", encoding="utf-8")
    failed = run_cli("check", "--select", "repeats", str(broken / "story.txt"))
    assert failed.returncode == 2
    assert "repeats.paraphrase_threshold" in failed.stderr
    assert "Traceback" not in failed.stderr


# -- the restatement model and the rules chosen with it ---------------------------------


def test_a_denial_of_an_earlier_claim_is_not_a_restatement() -> None:
    claim = "Campaigners say the new road breaches planning rules."
    denial = "The council denied that the new road breached planning rules."
    restated = "The new road breaches planning rules, campaigners say."
    middle = "Work on the road began in May.\n\nIt is due to open next spring."
    denied = scored_pairs(Document(f"{claim}\n\n{middle}\n\n{denial}"))[0]
    agreed = scored_pairs(Document(f"{claim}\n\n{middle}\n\n{restated}"))[0]
    assert denied.other_polarity == 1.0
    assert agreed.other_polarity == 0.0
    assert denied.paraphrase_score < agreed.paraphrase_score
    assert restatements(Document(f"{claim}\n\n{middle}\n\n{denial}")) == ()


def test_parallel_sentences_that_share_one_number_still_report_other_facts() -> None:
    text = (
        "Exports rose 4% to $2.1 billion from $2.02 billion.\n\n"
        "The figures were published on Monday.\n\n"
        "Shipping costs stayed high all year.\n\n"
        "Exports to Asia rose 4% to $640 million from $615 million."
    )
    [pair] = scored_pairs(Document(text))
    assert pair.other_numbers
    assert repeats(text) == []


def test_a_run_with_three_content_words_is_a_verbatim_repeat() -> None:
    text = (
        "The mayor said the city would not be able to pay for it this year. "
        "Council tax will rise by 5%. Libraries will open for fewer hours. "
        "Asked again on Friday, she repeated that the city would not be able to pay for it."
    )
    [finding] = repeats(text)
    assert finding.code == "NQ101"
    assert finding.span.text == "the city would not be able to pay for it"


def test_the_restatement_score_comes_from_the_shipped_model() -> None:
    text = (
        "Heavy rain flooded the main road into the village on Tuesday.\n\n"
        "Residents were told to stay indoors.\n\n"
        "Schools stayed open.\n\n"
        "On Tuesday heavy rain flooded the main road into the village."
    )
    [pair] = scored_pairs(Document(text))
    assert 0 < pair.paraphrase_score < 1
    assert pair.paraphrase_score == repetition.restatement_probability(pair.measures)
    assert len(pair.measures) == len(repetition.MEASURES)
    assert pair.paraphrase_score >= DEFAULT_THRESHOLDS.paraphrase


def test_a_restated_sentence_holding_an_earlier_run_is_told_as_restated() -> None:
    # Line 5 restates line 3 and also holds a run of words from line 1: the finding spans
    # the whole sentence, so it tells of the restatement, not of the run inside it.
    text = (
        "In late trading on the London Stock Exchange, Barclays shares rose 5 pence to 310 pence. "
        "The bank said profits had doubled.\n\nAnalysts expect further gains this year. "
        "Lloyds shares closed unchanged at 48 pence in late trading on the London Stock Exchange. "
        "The chairman is due to retire in March.\n\n"
        "Lloyds stock closed at 48 pence, unchanged in late trading on the London Stock Exchange."
    )
    (finding,) = repeats(text)
    assert finding.span.text == (
        "Lloyds stock closed at 48 pence, unchanged in late trading on the London Stock Exchange."
    )
    assert finding.code in ("NQ102", "NQ103")
    assert "word for word" not in finding.message
    assert "Lloyds shares closed unchanged at 48 pence" in finding.message


@pytest.mark.parametrize("words", [800, 2_000, 10_000])
def test_a_word_for_word_finding_spans_the_words_it_quotes(words: int) -> None:
    quoted_words = regex.compile(r"word for word: “(.*)”\.$")
    told = 0
    for finding in repeats(article(words)):
        match = quoted_words.search(finding.message)
        if match is None or match.group(1).endswith("…"):
            continue
        told += 1
        assert " ".join(finding.span.text.split()).casefold() == match.group(1).casefold(), finding.message
    assert told
