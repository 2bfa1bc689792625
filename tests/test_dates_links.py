"""Date links stay pairwise and findings stay readable on long texts."""

from __future__ import annotations

import datetime as dt

import newsqa
from benchmarks.articles import PUBLISHED, article
from newsqa.checks.dates import MAX_RELATED
from newsqa.config import Config
from newsqa.dates.analysis import time_mentions
from newsqa.dates.events import event_links
from newsqa.dates.shared import restated_sentence_pairs
from newsqa.document import Document


def test_a_chain_of_restatements_does_not_link_its_ends() -> None:
    document = Document(article(10_000), published=PUBLISHED)
    restated = restated_sentence_pairs(document)
    direct = {(min(a, b), max(a, b)) for a, b in restated}
    partners: dict[int, set[int]] = {}
    for a, b in direct:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    chains = {
        (min(a, c), max(a, c))
        for b, around in partners.items()
        for a in around
        for c in around
        if a != c and (min(a, c), max(a, c)) not in direct
    }
    assert chains, "the article should hold restatements that chain"
    links = event_links(document, time_mentions(document), restated)
    restated_links = {
        (link.first.sentence.index, link.second.sentence.index)
        for link in links
        if link.reason == "restated" and link.first.sentence is not None and link.second.sentence is not None
    }
    assert restated_links
    assert restated_links <= direct
    assert not restated_links & chains


def test_a_finding_relates_at_most_a_handful_of_spans() -> None:
    lines = ["Ministers signed the pact on 25 September."]
    lines += [f"Ministers signed the pact on {day} March." for day in range(1, 10)]
    report = newsqa.check(" ".join(lines), published=dt.date(2024, 7, 24), config=Config(select=("dates",)))
    findings = [f for f in report.findings if f.code == "NQ404"]
    assert findings
    widest = max(findings, key=lambda f: len(f.related) + f.data["more"])
    assert len(widest.related) == MAX_RELATED
    assert widest.data["more"] > 0
    assert f"and {widest.data['more']} more mention" in widest.message


def test_mentions_of_one_action_are_linked_in_numbers_that_grow_with_them_not_with_their_square() -> None:
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

    def links(count: int) -> int:
        text = " ".join(
            f"Councillors for ward {number} signed the agreement on {weekdays[number % 5]}."
            for number in range(1, count + 1)
        )
        document = Document(text, published=dt.date(2024, 7, 26))
        found = event_links(document, time_mentions(document), restated_sentence_pairs(document))
        return sum(link.reason == "same action" for link in found)

    some = links(200)
    assert some > 0
    # Twice the mentions: about twice the links, where comparing each with every other gives four times.
    assert links(400) <= 2.2 * some
