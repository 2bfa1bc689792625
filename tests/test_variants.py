from __future__ import annotations

import pytest

from newsqa.analysis.institutions import institution_mentions, protected_tokens
from newsqa.analysis.variants import counterpart, detect_variety, variant_key, variant_tokens
from newsqa.document import Document


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("defence", "defense"),
        ("Defences", "defenses"),
        ("colour", "COLOR"),
        ("coloured", "colored"),
        ("organise", "organize"),
        ("organisations", "organizations"),
        ("travelling", "traveled"),
        ("centre", "center"),
        ("programme", "program"),
        ("aeroplane", "airplane"),
        ("aluminium", "aluminum"),
        ("grey", "gray"),
        ("licence", "license"),
        ("judgement", "judgment"),
        ("Britain’s defence", "defense"),
    ],
)
def test_spellings_of_one_word_share_a_key(one: str, other: str) -> None:
    key = variant_key(one.split()[-1])
    assert key is not None
    assert key == variant_key(other)


@pytest.mark.parametrize("word", ["minister", "Berlin", "the", "agreed", ""])
def test_words_without_variants_have_no_key(word: str) -> None:
    assert variant_key(word) is None


def test_unrelated_families_do_not_share_a_key() -> None:
    assert variant_key("colour") != variant_key("defence")
    assert variant_key("price") != variant_key("prize")


@pytest.mark.parametrize(
    ("word", "variety", "expected"),
    [
        ("Defense", "en-GB", "Defence"),
        ("DEFENSES", "en-GB", "DEFENCES"),
        ("traveling", "en-GB", "travelling"),
        ("organise", "en-GB-oxendict", "organize"),
        ("organize", "en-GB", "organise"),
        ("colour", "en-US", "color"),
        ("centre’s", "en-US", "center’s"),
        # British English uses both spellings, for different senses.
        ("license", "en-GB", None),
        ("program", "en-GB", None),
        ("colour", "en-GB", None),
    ],
)
def test_counterpart(word: str, variety: str, expected: str | None) -> None:
    assert counterpart(word, variety) == expected


def test_detects_british_spelling() -> None:
    document = Document(
        "The defence secretary said the colour of the new uniforms was chosen by the programme's "
        "organisers. Travellers were told to check the centre of town."
    )
    evidence = detect_variety(document)
    assert evidence.variety == "en-GB"
    assert evidence.counts["en-GB"] > evidence.counts["en-US"]
    assert "defence" in evidence.evidence


def test_detects_oxford_spelling_as_one_style() -> None:
    document = Document("The organizers said the colour scheme would be finalized by the theatre's director.")
    assert detect_variety(document).variety == "en-GB-oxendict"


def test_detects_american_spelling() -> None:
    document = Document("The Pentagon said defense spending on aluminum armor would center on the program.")
    evidence = detect_variety(document)
    assert evidence.variety == "en-US"
    assert "defense" in evidence.evidence


def test_no_markers_no_variety() -> None:
    evidence = detect_variety(Document("The minister arrived in Berlin on Wednesday."))
    assert evidence.variety is None
    assert set(evidence.counts.values()) == {0}


def test_variety_is_memoised_per_document() -> None:
    document = Document("The colour was grey.")
    assert detect_variety(document) is detect_variety(document)


def test_institution_spelling_is_not_evidence() -> None:
    document = Document("Officials at the US Department of Defense and the World Health Organization met on Monday.")
    assert detect_variety(document).variety is None
    names = [(m.institution.name, m.exact) for m in institution_mentions(document)]
    assert names == [("Department of Defense", True), ("World Health Organization", True)]


def test_misspelt_institution_is_found_with_its_official_name() -> None:
    document = Document("Britain’s Ministry of Defense said the talks went well.")
    (mention,) = institution_mentions(document)
    assert mention.institution.name == "Ministry of Defence"
    assert not mention.exact
    assert document.text[mention.start : mention.end] == "Ministry of Defense"


def test_generic_ministry_needs_a_country_word() -> None:
    document = Document("Russia's Ministry of Defense said the drills were over.")
    assert institution_mentions(document) == ()


def test_words_of_other_proper_names_are_protected() -> None:
    document = Document("Crowds gathered at the Lincoln Center while the German Defense Minister spoke.")
    protected = {document.tokens[i].text for i in protected_tokens(document)}
    assert "Center" in protected
    assert "Defense" not in protected


def test_variant_tokens_are_the_variant_words_in_order() -> None:
    doc = Document("Defence chiefs met. The defense budget and the colour of the Colors were set.")
    found = [(doc.tokens[i].text, entry.key) for i, entry in variant_tokens(doc)]
    assert [text for text, _ in found] == ["Defence", "defense", "colour", "Colors"]
    assert found[0][1] == found[1][1] == variant_key("defence")
    assert found[2][1] == found[3][1] == variant_key("color")
    assert variant_tokens(doc) is variant_tokens(doc)  # memoised on the document
