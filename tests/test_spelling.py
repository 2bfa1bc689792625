from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

import newsqa
from newsqa.checks import spelling as spelling_module
from newsqa.report import Finding

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_100169222cfc808a.txt"


def spelling(text: str, language: str | None = None, **config: object) -> list[Finding]:
    report = newsqa.check(text, config=newsqa.Config(language=language, select=["spelling"], **config))
    return list(report.findings)


def spelling_data(text: str, language: str | None = None) -> dict[str, object]:
    report = newsqa.check(text, config=newsqa.Config(language=language, select=["spelling"]))
    (run,) = [r for r in report.checks if r.check == "spelling"]
    return dict(run.data)


def by_code(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


# -- variant families ------------------------------------------------------------------


def test_minority_spelling_is_flagged_with_counts_and_related_spans() -> None:
    text = (
        "The defence review will be published in June. Ministers said defence spending must rise, "
        "and the defense budget would be protected."
    )
    (finding,) = by_code(spelling(text), "NQ201")
    assert finding.span.text == "defense"
    assert text[finding.span.start : finding.span.end] == "defense"
    assert finding.suggestions == ("defence",)
    assert "defence 2, defense 1" in finding.message
    assert [r.text for r in finding.related] == ["defence", "defence"]
    assert finding.data["reason"] == "majority"


@pytest.mark.parametrize("house", [None, "en-GB"])
def test_the_spellings_a_slip_is_told_of_are_gathered_once_not_once_a_slip(
    house: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each finding names the family's other spellings; gathering them afresh for every slip
    # read every occurrence once per slip, which grows with the square of the article.
    read = 0
    quoted_forms = spelling_module._quoted_forms

    def counting(forms: Iterable[str]) -> str:
        nonlocal read
        forms = list(forms)
        read += len(forms)
        return quoted_forms(forms)

    monkeypatch.setattr(spelling_module, "_quoted_forms", counting)

    def occurrences_read(slips: int) -> int:
        nonlocal read
        read = 0
        text = "The defence budget rose. " * (2 * slips) + "The defense budget fell. " * slips
        assert len(by_code(spelling(text, house), "NQ201")) == slips
        return read

    some = occurrences_read(100)
    assert some > 0
    assert occurrences_read(200) <= 2.2 * some


def test_inflections_count_in_one_family() -> None:
    text = "Both defences held. The defense minister praised the defences of the city, and its defenders."
    (finding,) = by_code(spelling(text), "NQ201")
    assert finding.span.text == "defense"
    assert finding.suggestions == ("defence",)


def test_house_style_wins_over_majority() -> None:
    text = "Defense officials said the defense budget and the defence review were linked."
    findings = by_code(spelling(text, "en-GB"), "NQ201")
    assert [f.span.text for f in findings] == ["Defense", "defense"]
    assert [f.suggestions for f in findings] == [("Defence",), ("defence",)]
    assert all("house style (en-GB)" in f.message for f in findings)


def test_tie_is_broken_by_the_dominant_variety() -> None:
    text = "The colour of the centre court was chosen by the organisers. The defence and defense teams met."
    (finding,) = by_code(spelling(text), "NQ201")
    assert finding.span.text == "defense"
    assert finding.data["reason"] == "dominant-variety"


def test_lone_off_style_word_is_flagged_with_a_house_style() -> None:
    text = "The minister was traveling to Berlin on Wednesday for talks."
    (finding,) = spelling(text, "en-GB")
    assert finding.code == "NQ202"
    assert finding.suggestions == ("travelling",)
    assert spelling(text) == []
    assert spelling(text, "en-US") == []


def test_a_part_of_a_hyphenated_word_is_a_spelling_too() -> None:
    text = "The centre-left party gained seats. The center-right party lost ground."
    (finding,) = spelling(text)
    assert (finding.code, finding.span.text, finding.suggestions) == ("NQ201", "center", ("centre",))
    assert finding.span.start == text.index("center-right")
    assert [r.text for r in finding.related] == ["centre"]
    (house,) = spelling("The Center-Right party lost ground.", "en-GB")
    assert (house.code, house.span.text, house.suggestions) == ("NQ202", "Center", ("Centre",))
    # A hyphenated word listed whole is judged whole.
    assert spelling("The firms co-operate closely.", "en-US") == []


def test_lone_word_in_an_undecided_article_is_reported() -> None:
    text = (
        "The defence minister said defence cooperation would grow. Officials said defense "
        "spending and the defense industry would benefit. He was traveling to Berlin."
    )
    (lone,) = by_code(spelling(text), "NQ202")
    assert lone.span.text == "traveling"
    assert lone.suggestions == ("travelling",)
    assert lone.severity is newsqa.Severity.INFO


def test_oxford_spelling_is_one_style() -> None:
    text = "The organizers said the colour of the theatre would be finalized by the centre's director."
    assert spelling(text) == []
    assert spelling(text, "en-GB-oxendict") == []
    flagged = spelling(text, "en-GB")
    assert {f.span.text for f in flagged} == {"organizers", "finalized"}


@pytest.mark.parametrize(
    "text",
    [
        "The firm's licence was suspended, and it is not licensed to trade.",
        "She will practise every day; practice makes perfect.",
        "The BBC programme showed how the computer program was written.",
        "He checked the tyres, which tire quickly on hot roads.",
    ],
)
def test_meaning_differing_pairs_are_not_flagged_alone(text: str) -> None:
    assert spelling(text, "en-GB") == []
    assert spelling(text) == []


def test_canadian_and_australian_house_styles() -> None:
    text = "The organisers said the colour of the centre was chosen."
    assert {f.suggestions[0] for f in spelling(text, "en-CA")} == {"organizers"}
    assert spelling(text, "en-AU") == []


def test_report_carries_variety_and_evidence() -> None:
    data = spelling_data("The colour of the programme was chosen by the organisers of the centre.")
    assert data["variety"] == "en-GB"
    assert "colour" in data["evidence"]
    assert data["counts"]["en-GB"] > data["counts"]["en-US"]  # type: ignore[index]


# -- institutions ----------------------------------------------------------------------


def test_institutions_keep_their_spelling_in_a_british_article() -> None:
    text = (
        "The US Department of Defense and the World Health Organization both sent officials, "
        "and Australia's Labor Party welcomed the defence agreement."
    )
    assert spelling(text, "en-GB") == []


def test_misspelt_uk_ministry_is_an_error() -> None:
    text = "In addition, Britain's Ministry of Defense noted that the two states would co-operate."
    (finding,) = spelling(text, "en-GB")
    assert finding.code == "NQ207"
    assert finding.span.text == "Ministry of Defense"
    assert finding.suggestions == ("Ministry of Defence",)
    assert finding.severity is newsqa.Severity.ERROR


def test_the_institution_of_the_country_named_before_it_is_meant() -> None:
    # Australia's department is spelt "Defence"; after "US" the name is the Pentagon's.
    (finding,) = spelling("Officials at the US Department of Defence declined to comment.", "en-GB")
    assert (finding.code, finding.span.text, finding.suggestions) == (
        "NQ207",
        "Department of Defence",
        ("Department of Defense",),
    )
    assert spelling("Officials at Australia's Department of Defence declined to comment.", "en-GB") == []
    (labour,) = spelling("Britain's Labor Party says it will vote against the budget.", "en-US")
    assert (labour.code, labour.suggestions) == ("NQ207", ("Labour Party",))


def test_proper_names_keep_their_spelling() -> None:
    text = "The band played at the Lincoln Center in New York and at Pearl Harbor, the singer Macy Gray said."
    assert spelling(text, "en-GB") == []


def test_a_title_marked_with_an_exclamation_inside_a_sentence_keeps_its_spelling() -> None:
    text = "The disaster film was spoofed in the comedy Airplane!, which starred Leslie Nielsen. The airplane landed."
    assert [(f.code, f.span.text) for f in spelling(text, "en-GB")] == [("NQ202", "airplane")]


def test_a_word_of_a_french_phrase_is_no_variant_of_english() -> None:
    text = (
        '"Without some unexpected coup de theatre, I don\'t see what will block the bid," the analyst said. '
        "The chairman is organizing his own defense."
    )
    assert spelling(text) == []


def test_a_variant_after_an_english_word_is_still_compared() -> None:
    text = "The theatre reopened in March. The theater's director is organizing a gala."
    assert [f.span.text for f in by_code(spelling(text), "NQ201")] == ["theater"]


# -- capitals, compounds ------------------------------------------------------------------


def test_acronym_capitals() -> None:
    text = "Nato leaders met in Vilnius. Officials said Nato would grow, and NATO would spend more."
    (finding,) = spelling(text)
    assert finding.code == "NQ203"
    assert finding.span.text == "NATO"
    assert finding.suggestions == ("Nato",)


def test_acronym_capitals_opening_a_sentence_still_count() -> None:
    # Nobody writes "nato" in lower case, so "Nato" opening a sentence is Nato in title case.
    text = "Nato leaders met in Vilnius on Tuesday. NATO said it would spend more on Wednesday."
    (finding,) = spelling(text)
    assert finding.code == "NQ203"
    assert finding.span.text == "NATO"
    assert finding.suggestions == ("Nato",)


def test_an_ordinary_word_capitalised_by_a_sentence_start_is_not_an_acronym() -> None:
    assert spelling("Who will pay for the vaccines? The WHO said donors would.") == []
    text = "Aids such as ramps were installed. AIDS charities welcomed the aids to access."
    assert spelling(text) == []


def test_initialism_tie_keeps_capitals() -> None:
    text = "The BBC said it would appeal. A Bbc spokesman declined to comment."
    (finding,) = spelling(text)
    assert finding.span.text == "Bbc"
    assert finding.suggestions == ("BBC",)


def test_capitals_in_datelines_and_headlines_are_typography() -> None:
    text = "MOSCOW (AP) _ Russia said on Monday that Moscow would reply."
    assert spelling(text) == []


def test_an_acronym_opening_a_paragraph_is_no_dateline() -> None:
    text = "NATO leaders met in Brussels on Tuesday.\n\nNato said the summit had gone well."
    (finding,) = spelling(text)
    assert (finding.code, finding.span.text, finding.suggestions) == ("NQ203", "Nato", ("NATO",))


@pytest.mark.parametrize(
    "opening",
    ["ROME (AP) _ The", "ROME, Italy (AP) - The", "ROME \u2014 The", "ROME: The", "ROME Ltd. said the"],
)
def test_a_dateline_or_a_company_name_in_capitals_opening_a_paragraph_is_typography(opening: str) -> None:
    text = f"{opening} pope spoke on Sunday.\n\nRome was quiet, and crowds left Rome early."
    assert spelling(text) == []


def test_explicit_preference_is_house_style() -> None:
    text = "NATO leaders met in Vilnius on Tuesday."
    (finding,) = spelling(text, preferences={"NATO": "Nato"})
    assert finding.code == "NQ202"
    assert finding.suggestions == ("Nato",)


def test_hyphenation_variants() -> None:
    text = "The firms agreed to cooperate. They will co-operate on research and cooperate on sales."
    (finding,) = spelling(text)
    assert finding.code == "NQ204"
    assert finding.span.text == "co-operate"
    assert finding.suggestions == ("cooperate",)


def test_inflections_of_one_compound_are_one_family() -> None:
    (finding,) = spelling("The company co-operates with the police. It will cooperate fully.")
    assert (finding.code, finding.span.text, finding.suggestions) == ("NQ204", "cooperate", ("co-operate",))
    (solid,) = spelling("The firms agreed to co-operate. They cooperated fully last year, and they cooperate still.")
    assert (solid.span.text, solid.suggestions) == ("co-operate", ("cooperate",))
    # Only endings of inflection and "-ion" are cut: a name is a word of its own.
    assert spelling("Anderson Cooper reported that the firms co-operate. Cooper said they co-operate closely.") == []


def test_a_compound_and_its_noun_in_ion_are_one_family() -> None:
    (finding,) = spelling("The company will cooperate with the police. Its co-operation has been praised.")
    assert (finding.code, finding.span.text, finding.suggestions) == ("NQ204", "co-operation", ("cooperation",))
    (plural,) = spelling("Both firms co-ordinate closely. Such coordinations are rare.")
    assert (plural.span.text, plural.suggestions) == ("coordinations", ("co-ordinations",))


def test_open_and_solid_compounds() -> None:
    text = "Prices rose 3 per cent in May and 4 percent in June, after 2 per cent in April."
    (finding,) = spelling(text)
    assert finding.span.text == "percent"
    assert finding.suggestions == ("per cent",)


def test_hyphenated_words_with_another_meaning_are_not_variants() -> None:
    assert spelling("He will re-sign his contract after the manager said he would resign.") == []


# -- names ------------------------------------------------------------------------------


def test_misspelt_name_is_anchored_on_the_frequent_form() -> None:
    text = (
        "Boris Pistorius met reporters in Berlin. Pistorius said the talks went well. "
        "Later Pistorious thanked his hosts."
    )
    (finding,) = spelling(text)
    assert finding.code == "NQ205"
    assert finding.span.text == "Pistorious"
    assert finding.suggestions == ("Pistorius",)
    assert len(finding.related) == 2


def test_a_name_given_in_full_once_anchors_a_slip_written_once_later() -> None:
    text = "Campaign manager Matt Behrmann issued a statement. It was crass, Berhrmann said."
    (finding,) = spelling(text)
    assert (finding.code, finding.span.text, finding.suggestions) == ("NQ205", "Berhrmann", ("Behrmann",))
    assert "introduces Matt Behrmann" in finding.message
    assert finding.confidence == 0.6
    assert [r.text for r in finding.related] == ["Behrmann"]


@pytest.mark.parametrize(
    "text",
    [
        # The rare spelling comes first: neither is the introduction.
        "Berhrmann issued a statement on Monday. Campaign manager Matt Behrmann later spoke.",
        # Each is given in full: two people.
        "Matt Behrmann issued a statement. His cousin Anna Berhrmann disagreed.",
        # Neither is given in full ("The" and "On" are no first names).
        "The Behrmann campaign spoke on Monday. The Berhrmann family did not.",
        "On Behrmann Street the march began. Later, Berhrmann Park filled.",
    ],
)
def test_a_name_written_once_anchors_nothing_else(text: str) -> None:
    assert by_code(spelling(text), "NQ205") == []


def test_two_listed_spellings_of_one_name_are_reported() -> None:
    (finding,) = spelling("Kyiv said the attack failed. Kiev later denied it.")
    assert (finding.code, finding.span.text, finding.suggestions) == ("NQ205", "Kiev", ("Kyiv",))
    assert "two spellings of one name; tied, and 'Kyiv' comes first" in finding.message
    text = "Officials blamed al-Qaeda. Al-Qaida's leaders denied it, and al-Qaeda's allies were silent."
    (part,) = spelling(text)
    assert (part.span.text, part.suggestions) == ("Qaida", ("Qaeda",))
    assert part.span.start == text.index("Qaida")
    assert spelling("Kyiv said the attack failed. Kiev later denied it.", known_names=["Kiev"]) == []
    # One spelling, however often, is no finding.
    assert spelling("Kiev said the attack failed. Kiev later denied it.") == []


def test_transliteration_variant_is_found() -> None:
    text = "Volodymyr Zelensky spoke on Monday. Zelensky said aid was needed. Zelenskyy also met donors."
    (finding,) = spelling(text)
    assert finding.span.text == "Zelenskyy"


def test_different_people_are_not_confused() -> None:
    text = (
        "John Healey visited Berlin. Healey met officials, and Healey spoke to reporters. "
        "In Washington, Nikki Haley criticised the plan."
    )
    assert spelling(text) == []


def test_words_with_other_endings_are_not_name_slips() -> None:
    text = "The Democrat said the Democratic party and the Democratic leadership agreed."
    assert by_code(spelling(text), "NQ205") == []


def test_a_word_opening_a_quotation_is_capitalised_by_its_place() -> None:
    text = 'Jack Black starred in the film. Black said the role suited him. He said: "Back then nobody knew who I was."'
    assert by_code(spelling(text), "NQ205") == []


@pytest.mark.parametrize(
    "text",
    [
        # The established spelling always opens the band's name; the song title is another name.
        "Ozzy Osbourne said Black Sabbath would tour again. Black Sabbath last played in 1997. "
        "The encore was the Beatles number Get Back.",
        # The rare spelling opens the film's title, which the actor's name never does.
        "Annette Bening stars as an ageing actress. Bening plays the lead in Being Julia, which opens on Friday.",
    ],
)
def test_words_of_other_names_are_not_name_slips(text: str) -> None:
    assert by_code(spelling(text), "NQ205") == []


def test_a_day_after_a_misspelt_name_makes_no_other_name() -> None:
    text = (
        "Chancellor Angela Merkel arrived in Paris for talks. Merkel said the meeting went well, "
        "according to a statement released by Merkle Tuesday."
    )
    (finding,) = by_code(spelling(text), "NQ205")
    assert finding.span.text == "Merkle"


def test_a_people_is_no_slip_of_another_people() -> None:
    text = (
        "The embassy told Americans living in Nairobi to stay indoors. "
        "Officials said Americans and Africans alike queued for visas."
    )
    assert by_code(spelling(text), "NQ205") == []


def test_known_names_are_never_slips() -> None:
    text = "Boris Pistorius met reporters. Pistorius said so. Pistorious thanked them."
    assert spelling(text, known_names=["Pistorious"]) == []


# -- nationality adjectives ---------------------------------------------------------------


def test_country_for_adjective() -> None:
    text = "Healey held discussions with his Germany counterpart, and later with his German counterpart again."
    (finding,) = spelling(text)
    assert finding.code == "NQ206"
    assert finding.span.text == "Germany"
    assert finding.suggestions == ("German",)
    assert [r.text for r in finding.related] == ["German counterpart"]


def test_an_embassy_named_for_its_country_is_fine() -> None:
    text = "Ten of the twelve American victims of the Kenya embassy bombing were flown back on Tuesday."
    assert spelling(text) == []


def test_country_before_a_sports_noun_is_fine() -> None:
    assert spelling("He was named the England captain, and his Germany teammates cheered.") == []


# -- the seed article -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en-GB", None])
def test_seed_spelling_items(language: str | None) -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = spelling(text, language)
    lines = {(f.code, f.span.line, f.span.text) for f in findings}
    # defence/defense, including "Secretary of Defence" (1) against "Defense Secretary" (7).
    family = [f for f in findings if f.code == "NQ201"]
    flagged = {f.span.line for f in family}
    related = {r.line for f in family for r in f.related}
    assert {1, 7} <= flagged | related
    assert {2, 3, 5, 6, 8, 11, 17} <= flagged | related
    assert ("NQ203", 8, "NATO") in lines
    assert ("NQ207", 12, "Ministry of Defense") in lines
    assert any(code == "NQ202" and line == 7 and word == "traveling" for code, line, word in lines)
    assert ("NQ206", 1, "Germany") in lines
    if language == "en-GB":
        assert {f.span.text.lower() for f in family} == {"defense"}
