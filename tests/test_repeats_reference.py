"""The faster repeated-passage code answers exactly as the plain versions it replaced.

The reference functions are the first versions: each restated passage grown by
looking at every pair of every later sentence in reach, and each repeated
quotation compared with every link already told. The check now finds the same
by bisection; these tests run both on articles built from sentences, quotations
and passages written several times, and require the same results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from newsqa import Config, Document
from newsqa.analysis import repetition
from newsqa.analysis.repetition import (
    DEFAULT_THRESHOLDS,
    RepeatedQuotation,
    ScoredPair,
    Thresholds,
    repeated_quotations,
    repeated_runs,
    restatements,
    scored_pairs,
)
from newsqa.checks import repeats
from newsqa.checks.repeats import RepeatsCheck

REACH = repetition._PASSAGE_REACH
Link = repeats._Link


def reference_restated_passages(pairs: Sequence[ScoredPair], thresholds: Thresholds) -> dict[tuple[int, int], int]:
    """The pairs that belong to a restated passage, numbered by passage, by (earlier, later) sentence index.

    A passage is ``passage_sentences`` or more pairs, one to one, whose earlier
    sentences lie close together (no more than ``REACH`` apart) before
    their later sentences, which lie close together too.
    """
    eligible = [
        p
        for p in pairs
        if not p.adjacent
        and not p.other_numbers
        and (p.identical or p.paraphrase_score >= thresholds.passage or p.similarity >= thresholds.edited)
    ]
    if len(eligible) < thresholds.passage_sentences:
        return {}
    by_later: dict[int, list[ScoredPair]] = defaultdict(list)
    for pair in eligible:
        by_later[pair.later.index].append(pair)
    # Pairs are known by their sentence indexes (each pair of sentences is scored once):
    # hashing the pairs themselves hashes both sentences every time.
    passage_of: dict[tuple[int, int], int] = {}
    seen: set[tuple[int, int]] = set()
    for pair in eligible:
        if (pair.earlier.index, pair.later.index) in seen:
            continue
        group, frontier = [pair], [pair]
        seen.add((pair.earlier.index, pair.later.index))
        while frontier:
            current = frontier.pop()
            reach = range(current.later.index - REACH, current.later.index + REACH + 1)
            for later in reach:
                for other in by_later.get(later, ()):
                    key = (other.earlier.index, other.later.index)
                    if key not in seen and abs(other.earlier.index - current.earlier.index) <= REACH:
                        seen.add(key)
                        group.append(other)
                        frontier.append(other)
        matched = repetition._one_to_one(group)
        if len(matched) >= thresholds.passage_sentences and max(p.earlier.index for p in matched) < min(
            p.later.index for p in matched
        ):
            number = min(p.later.index for p in matched)
            passage_of.update(((p.earlier.index, p.later.index), number) for p in matched)
    return passage_of


def reference_quotation_links(
    quotations: Iterable[RepeatedQuotation], told: Sequence[repeats._Link]
) -> list[repeats._Link]:
    """Quotations used twice, unless the sentences or runs around them are already told."""
    links = []
    for quotation in quotations:
        earlier = repeats._Occurrence(quotation.earlier.start, quotation.earlier.end)
        later = repeats._Occurrence(quotation.later.start, quotation.later.end)
        if not any(repeats._overlap(later, link.later) and repeats._overlap(earlier, link.earlier) for link in told):
            links.append(repeats._Link(earlier=earlier, later=later, kind="quotation", score=quotation.score))
    return links


SENTENCES = [
    "The council approved the new budget for the city's schools on Monday.",
    "The city council approved its new schools budget on Monday evening.",
    "“We will publish the details in full,” the mayor said.",
    "The mayor said the details would be published in full.",
    "Shares in the company fell sharply after the announcement of the merger.",
    "Shares fell sharply after the company announced the merger.",
    "Nobody was injured in the fire, according to the fire service.",
    "According to the fire service, nobody was hurt in the blaze.",
    "“It is too early to say,” said the minister.",
    "Opponents gathered outside the town hall in the rain.",
    "The bridge will close for repairs next month, engineers said.",
    "Engineers said the bridge would close next month for repairs.",
]
PASSAGE = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join)
ARTICLES = st.lists(PASSAGE, min_size=1, max_size=16).map("\n\n".join)


@settings(max_examples=200, deadline=None)
@given(ARTICLES)
def test_restated_passages_match_the_reference(text: str) -> None:
    document = Document(text)
    pairs = scored_pairs(document)
    for thresholds in (DEFAULT_THRESHOLDS, Thresholds(passage_sentences=2)):
        fast = repetition._restated_passages(pairs, thresholds)
        slow = reference_restated_passages(pairs, thresholds)
        assert fast == slow


@settings(max_examples=200, deadline=None)
@given(ARTICLES)
def test_quotation_links_match_the_reference(text: str) -> None:
    document = Document(text)
    check = RepeatsCheck(Config())
    quotations = repeated_quotations(document, check.thresholds, check.boilerplate)
    pairs = restatements(document, check.thresholds, check.boilerplate)
    runs = repeated_runs(document, check.thresholds, check.boilerplate)
    told = repeats._pair_and_run_links(document, pairs, runs, check.thresholds.min_run_words)
    assert repeats._quotation_links(quotations, told) == reference_quotation_links(quotations, told)
