"""The faster spelling passes report exactly what the plain versions they replaced reported.

The reference functions below are the first versions of the capitals, compounds
and names passes of the spelling check, which built a record for every word and
compared every pair of names. The check now looks only at the words that can
differ; these properties run both on articles built from words written several
ways and require the same findings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsqa import Config, Document, Finding
from newsqa.analysis.institutions import protected_tokens
from newsqa.analysis.nationalities import nationality_words
from newsqa.analysis.variants import detect_variety, match_case, spelling_variety, variant_form
from newsqa.analysis.wordkeys import function_words
from newsqa.checks.spelling import (
    _ACRONYM_MAX_LETTERS,
    _CASE_MIN_LETTERS,
    _COMPOUND_MIN_LETTERS,
    _MAX_RELATED,
    _NAME_LONG,
    _NAME_MIN_LENGTH,
    _RARE_SHARE,
    _TIME_NAMES,
    SpellingCheck,
    _case_winner,
    _compound_data,
    _compound_style,
    _counts,
    _different_names,
    _different_people,
    _first_name,
    _inflection_base,
    _looks_misspelt,
    _Occurrence,
    _restyled,
    _shouting_tokens,
    _strip_possessive,
)


def reference_capitals(
    self: SpellingCheck, document: Document, dominant: str | None, house: str | None
) -> Iterable[Finding]:
    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    initial = {s.token_start for s in document.sentences}
    skipped = _shouting_tokens(document)
    for index, token in enumerate(document.tokens):
        if token.kind == "number" or index in skipped:
            continue
        word = _strip_possessive(token.text)
        if len(word) < _CASE_MIN_LETTERS or not word[:1].isupper() or not word.isalpha():
            continue
        # Long words in capitals are typography (a company name in a listing), not acronyms.
        if word.isupper() and len(word) > _ACRONYM_MAX_LETTERS:
            continue
        groups[word.lower()].append(_Occurrence(index, token.start, token.start + len(word), word))
    for occurrences in groups.values():
        shapes = {o.text for o in occurrences}
        if len(shapes) < 2:
            continue
        # A capital at a sentence start may be a lower-case word's, which says nothing
        # of how the word is capitalised.
        lower_words = function_words() | {t.text for t in document.tokens if t.kind == "word"}
        counted = [
            o for o in occurrences if o.token not in initial or o.text.isupper() or o.text.lower() not in lower_words
        ]
        forms = Counter(o.text for o in counted)
        if len(forms) < 2:
            continue
        winner, reason = _case_winner(forms, counted, dominant or house)
        for occurrence in counted:
            if occurrence.text == winner:
                continue
            others = [o for o in counted if o.text == winner]
            yield self.finding(
                document,
                "NQ203",
                occurrence.start,
                occurrence.end,
                f"{occurrence.text!r} is written {winner!r} elsewhere in the article ({_counts(forms)}); {reason}",
                related=[(o.start, o.end) for o in others[:_MAX_RELATED]],
                suggestions=(winner,),
                data={"counts": dict(forms), "winner": winner},
            )


def reference_compounds(self: SpellingCheck, document: Document) -> Iterable[Finding]:
    open_pairs, distinct = _compound_data()
    groups: dict[str, list[_Occurrence]] = defaultdict(list)
    tokens = document.tokens
    for index, token in enumerate(tokens):
        if token.kind != "word":
            continue
        word = _strip_possessive(token.text)
        lower = word.lower()
        if lower in distinct:
            continue
        key = lower.replace("-", "").replace("‐", "") if "-" in lower or "‐" in lower else lower
        if len(key) >= _COMPOUND_MIN_LETTERS:
            groups[_inflection_base(key)].append(_Occurrence(index, token.start, token.start + len(word), word))
        if index + 1 < len(tokens) and document.text[token.end : tokens[index + 1].start] == " ":
            pair = f"{lower} {tokens[index + 1].text.lower()}"
            solid = open_pairs.get(pair)
            if solid is not None:
                nxt = tokens[index + 1]
                groups[_inflection_base(solid)].append(
                    _Occurrence(index, token.start, nxt.end, document.text[token.start : nxt.end])
                )
    for occurrences in groups.values():
        if len(occurrences) < 2:
            continue
        styles = Counter(_compound_style(o.text) for o in occurrences)
        if len(styles) < 2:
            continue
        forms = Counter(o.text.lower() for o in occurrences)
        first_style = _compound_style(occurrences[0].text)
        top = max(styles.values())
        leaders = [s for s, n in styles.items() if n == top]
        winner_style = leaders[0] if len(leaders) == 1 else first_style
        reason = "the majority form" if len(leaders) == 1 else "tied; the form used first"
        model = next(o for o in occurrences if _compound_style(o.text) == winner_style)
        for occurrence in occurrences:
            style = _compound_style(occurrence.text)
            if style == winner_style:
                continue
            suggestion = match_case(_restyled(occurrence.text, model.text), occurrence.text)
            yield self.finding(
                document,
                "NQ204",
                occurrence.start,
                occurrence.end,
                f"{occurrence.text!r} is {style}, but the article writes the word {winner_style} elsewhere "
                f"({_counts(forms)}); {reason} is {winner_style}: {suggestion!r}.",
                related=[(o.start, o.end) for o in occurrences if o is not occurrence][:_MAX_RELATED],
                suggestions=(suggestion,),
                data={"counts": dict(forms), "winner": model.text.lower()},
            )


def reference_names(self: SpellingCheck, document: Document, protected: frozenset[int]) -> Iterable[Finding]:
    tokens = document.tokens
    initial = {s.token_start for s in document.sentences}
    for quotation in document.quotations:
        initial.add(next((i for i, t in enumerate(tokens) if t.start >= quotation.inner_start), len(tokens)))
    headings = {i for s in document.sentences if s.is_heading for i in range(s.token_start, s.token_end)}
    known = frozenset(self.config.known_names)
    places = nationality_words()
    occurrences: dict[str, list[_Occurrence]] = defaultdict(list)
    for index, token in enumerate(tokens):
        if token.kind != "word" or index in headings:
            continue
        word = _strip_possessive(token.text)
        if (
            len(word) < _NAME_MIN_LENGTH - 1
            or not word[:1].isupper()
            or not word[1:].islower()
            or not word.isalpha()
            or variant_form(word) is not None
        ):
            continue
        occurrences[word].append(_Occurrence(index, token.start, token.start + len(word), word))
    names = dict(occurrences)
    ranked = sorted(names, key=lambda w: (-len(names[w]), names[w][0].start))
    for i, anchor in enumerate(ranked):
        # A name written once anchors only where a first name goes before it.
        introduced = _first_name(document, names[anchor][0], at_sentence_start=True)
        if len(names[anchor]) == 1 and (
            introduced is None or introduced in _TIME_NAMES or introduced.lower() in function_words()
        ):
            continue
        # A capitalised word seen only at sentence starts is an ordinary word, not a name;
        # a misspelling may be shorter than the name.
        if len(anchor) < _NAME_MIN_LENGTH or all(o.token in initial for o in names[anchor]):
            continue
        for rare in ranked[i + 1 :]:
            # A rare spelling seen only at sentence starts may be an ordinary word
            # (While, White); only a long name makes such a slip likely.
            if len(anchor) < _NAME_LONG - 1 and all(o.token in initial for o in names[rare]):
                continue
            rare_count, anchor_count = len(names[rare]), len(names[anchor])
            if rare in known:
                continue
            if anchor_count == 1:
                # Only a spelling written once, later, with no first name of its own.
                if rare_count > 1 or _first_name(document, names[rare][0], at_sentence_start=False) is not None:
                    continue
            elif not (rare_count == 1 < anchor_count or anchor_count >= _RARE_SHARE * rare_count):
                continue
            # Country names and adjectives, and the plural nouns of those (Africans), anchor a
            # misspelling but are never one.
            if rare in places or rare.removesuffix("s") in places or not _looks_misspelt(anchor, rare):
                continue
            if _different_people(document, names[anchor], names[rare]):
                continue
            if _different_names(document, names[anchor], names[rare]):
                continue
            for occurrence in names[rare]:
                yield self.finding(
                    document,
                    "NQ205",
                    occurrence.start,
                    occurrence.end,
                    f"{rare!r} is spelt {anchor!r} elsewhere in the article "
                    f"({anchor} {len(names[anchor])}, {rare} {len(names[rare])}); "
                    + (
                        f"the article introduces {introduced} {anchor}."
                        if anchor_count == 1
                        else f"the most frequent spelling is {anchor!r}."
                    ),
                    related=[(o.start, o.end) for o in names[anchor][:_MAX_RELATED]],
                    suggestions=(anchor,),
                    confidence=0.8 if anchor_count > 1 else 0.6,
                    data={
                        "counts": {anchor: len(names[anchor]), rare: len(names[rare])},
                        "winner": anchor,
                    },
                )


def article(words: list[str]) -> st.SearchStrategy[str]:
    """Articles of up to 60 words drawn from ``words``, with sentence and paragraph breaks between them."""
    gaps = st.sampled_from([" ", " ", " ", " ", ". ", ", ", "\n\n"])
    return st.lists(st.tuples(st.sampled_from(words), gaps), max_size=60).map(
        lambda pairs: "".join(word + gap for word, gap in pairs)
    )


CAPITALS = article(
    [
        "Nato",
        "NATO",
        "nato",
        "Covid",
        "COVID",
        "BBC",
        "Bbc",
        "THE",
        "FIRM",
        "Firm",
        "NASA’s",
        "Nasa's",
        "the",
        "said",
        "Who",
        "WHO",
    ]
)
COMPOUNDS = article(
    [
        "co-operate", "cooperate", "co‐operate", "co-operates", "cooperated", "Cooper", "co-operation",
        "per cent", "percent", "Per cent", "web site", "website", "e-mails", "emailed",
        "web-site", "re-sign", "resign", "health care", "healthcare", "the", "said",
    ]
)  # fmt: skip
NAMES = article(
    ["Pistorius", "Pistorious", "Boris", "Healey", "Healy", "John", "Haley", "Merkel", "Merkle", "Zelenskyy", "said"]
)


def _check() -> SpellingCheck:
    return SpellingCheck(Config(known_names=("Healy",)))


@settings(max_examples=400, deadline=None)
@given(CAPITALS)
def test_capitals_match_the_reference(text: str) -> None:
    document = Document(text)
    check = _check()
    house = spelling_variety(document.language or check.config.language)
    dominant = detect_variety(document).variety
    assert list(check._capitals(document, dominant, house)) == list(
        reference_capitals(check, document, dominant, house)
    )


@settings(max_examples=400, deadline=None)
@given(COMPOUNDS)
def test_compounds_match_the_reference(text: str) -> None:
    document = Document(text)
    check = _check()
    assert list(check._compounds(document)) == list(reference_compounds(check, document))


@settings(max_examples=400, deadline=None)
@given(NAMES)
@example("Angela Merkel said the talks went well. Merkel said the Merkle view was known. Merkel left.")
def test_names_match_the_reference(text: str) -> None:
    document = Document(text)
    check = _check()
    protected = protected_tokens(document)
    assert list(check._names(document, protected)) == list(reference_names(check, document, protected))


@given(st.text(min_size=1, max_size=12), st.text(min_size=1, max_size=12))
def test_a_slip_keeps_the_first_letter(anchor: str, rare: str) -> None:
    # The names pass compares only names with the same first letter because of this.
    if _looks_misspelt(anchor, rare):
        assert anchor[0] == rare[0]
