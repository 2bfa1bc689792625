"""Repeated passages: an article that says the same thing twice.

Rewritten and merged copy often restates its own first paragraphs further
down, word for word, with small edits, or in other words. The finding sits on
the later occurrence, with the earlier one(s) as related spans; three or more
occurrences of one passage are reported once, on the last. Each finding's
``data`` holds the ``kind`` (verbatim, edited, paraphrase, heading, quotation)
and the similarity ``score`` behind it.

Whether a sentence restates an earlier one in other words is scored by a
small restatement model over measures of the two sentences (character
similarity, shared content words and word pairs, names, numbers, length,
negation: "Sky denied the programme breached the guidelines" does not restate
"the programme breaches the guidelines"). Sentences that report other numbers
in the same frame are never repeats. Every threshold is an option; the
defaults were chosen on development data.

Sentences that match a boilerplate pattern (agency credits, "Read more"
lines; add your own with the ``boilerplate`` option) are never repeats, and
short formulaic sentences are only compared word for word. Entries of a
listing written as sentences ("Released 25 February on PC." ... "Released 11
March on Xbox.") name different things in the article's own formula and are
not repeats; nor is a refrain, a run of words said in four or more sentences
that are not copies of each other (the question every reader answers on a
letters page).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import attrs
import regex

from newsqa.analysis.repetition import (
    RepeatedQuotation,
    RepeatedRun,
    Restatement,
    Thresholds,
    repeated_quotations,
    repeated_runs,
    restatements,
)
from newsqa.document import Document, Sentence
from newsqa.registry import Check, CheckResult, Option, Rule, register_check
from newsqa.report import Finding, JSONValue

_CODES = {
    "verbatim": "NQ101",
    "edited": "NQ102",
    "paraphrase": "NQ103",
    "heading": "NQ104",
    "quotation": "NQ105",
}
# When one passage is repeated in several ways, the finding names the strongest.
_STRENGTH = ("verbatim", "edited", "quotation", "paraphrase", "heading")
_EXCERPT = 70
# A run of words in this many sentences or more is a refrain of the piece, not a repeat.
_REFRAIN_PLACES = 4


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ValueError(f"expected a number above 0 and at most 1, got {value!r}")
    return float(value)


def _word_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 100:
        raise ValueError(f"expected a whole number from 2 to 100, got {value!r}")
    return value


def _patterns(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise TypeError(f"expected a list of regular expressions, got {value!r}")
    for pattern in value:
        if not isinstance(pattern, str):
            raise TypeError(f"expected a regular expression, got {pattern!r}")
        try:
            regex.compile(pattern)
        except regex.error as error:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {error}") from None
    return tuple(value)


_DEFAULTS = Thresholds()


# Named tuples rather than attrs classes: an article that restates much makes one of each per
# restatement (13,517 in the generated article of 100,007 words), and a tuple is built in C.
class _Occurrence(NamedTuple):
    start: int
    end: int


class _Link(NamedTuple):
    earlier: _Occurrence
    later: _Occurrence
    kind: str
    score: float
    passage: int | None = None
    #: A run of words found twice (not a pair of sentences).
    run: bool = False
    #: The link repeats a whole sentence of eight or more words, verbatim or with small edits.
    copies_sentence: bool = False


@register_check
class RepeatsCheck(Check):
    """Flags sentences and runs of words that repeat, edit or restate an earlier part of the article."""

    name = "repeats"
    description = "Passages said twice: verbatim, with small edits, in other words; repeated headings."
    rules = (
        Rule(
            code="NQ101",
            name="verbatim-repeat",
            summary="A sentence, or a run of eight or more words, appears twice word for word.",
            rationale="Copy pasted twice during a rewrite or a merge: readers notice, and trust the story less.",
            severity="error",
            flagged=(
                "The council approved the new budget on Tuesday after a long debate. "
                "Residents had asked for more money for libraries. "
                "The council approved the new budget on Tuesday after a long debate."
            ),
            fixed=(
                "The council approved the new budget on Tuesday after a long debate. "
                "Residents had asked for more money for libraries."
            ),
        ),
        Rule(
            code="NQ102",
            name="edited-repeat",
            summary="A sentence reappears with only small edits.",
            rationale="A near copy left behind by a rewrite says the same thing twice in almost the same words.",
            severity="warning",
            flagged=(
                "The company said it would cut 300 jobs at its plant in Leeds by the end of the year. "
                "Unions called the decision a betrayal. "
                "The firm said it will cut 300 jobs at the plant in Leeds by the end of the year."
            ),
            fixed=(
                "The company said it would cut 300 jobs at its plant in Leeds by the end of the year. "
                "Unions called the decision a betrayal."
            ),
        ),
        Rule(
            code="NQ103",
            name="restatement",
            summary="A sentence says again, in other words, what an earlier sentence said.",
            rationale=(
                "Merged copy often tells the same facts twice; the second telling adds nothing. A sentence "
                "restates another when its restatement score reaches paraphrase_threshold: the restatement "
                "model's score, and at least 0.9 when the two use the same content words with the same "
                "polarity, however reworded."
            ),
            severity="warning",
            flagged=(
                "Flooding forced 2,000 residents of Carlisle to leave their homes on Sunday. "
                "Forecasters expect more rain this week. "
                "The Environment Agency has issued three severe warnings. "
                "About 2,000 residents of Carlisle had to leave their homes on Sunday because of the flooding."
            ),
            fixed=(
                "Flooding forced 2,000 residents of Carlisle to leave their homes on Sunday. "
                "Forecasters expect more rain this week."
            ),
        ),
        Rule(
            code="NQ104",
            name="repeated-heading",
            summary="Two section headings of the article do the same job.",
            rationale="Two headings that both ask what is going on split one section into two.",
            severity="info",
            flagged="What is going on?\nThe strike began on Monday.\nWhat's happening?\nTalks resume on Friday.",
            fixed="What is going on?\nThe strike began on Monday.\nWhat happens next?\nTalks resume on Friday.",
        ),
        Rule(
            code="NQ105",
            name="repeated-quotation",
            summary="A quotation of four or more words is used twice.",
            rationale="Readers take a second quotation as something new; quoting the same words twice misleads.",
            severity="warning",
            flagged=(
                "“We will not close a single library,” the council leader said. "
                "Budgets for parks will fall by a tenth. "
                "Asked about the cuts, she repeated: “We will not close a single library.”"
            ),
            fixed=(
                "“We will not close a single library,” the council leader said. Budgets for parks will fall by a tenth."
            ),
        ),
    )
    options = (
        Option(
            "edited_threshold",
            _DEFAULTS.edited,
            "Character similarity (0-1) from which a near copy is an edited repeat.",
            _threshold,
        ),
        Option(
            "paraphrase_threshold",
            _DEFAULTS.paraphrase,
            "Restatement score (0-1, the restatement model's probability) from which a sentence restates an "
            "earlier one.",
            _threshold,
        ),
        Option(
            "passage_threshold",
            _DEFAULTS.passage,
            "Restatement score (0-1) each sentence of a passage restated sentence by sentence needs.",
            _threshold,
        ),
        Option(
            "passage_sentences",
            _DEFAULTS.passage_sentences,
            "Sentences a restated passage needs before passage_threshold applies to them.",
            _word_count,
        ),
        Option(
            "heading_threshold",
            _DEFAULTS.heading,
            "Similarity (0-1) from which two headings are the same heading.",
            _threshold,
        ),
        Option(
            "min_run_words",
            _DEFAULTS.min_run_words,
            "Words in a run repeated word for word, across sentences too, to be reported.",
            _word_count,
        ),
        Option(
            "min_content_words",
            _DEFAULTS.min_content_words,
            "Content words a sentence needs to be compared as a restatement.",
            _word_count,
        ),
        Option(
            "min_run_content_words",
            _DEFAULTS.min_run_content_words,
            "Different content words a repeated run needs to be reported.",
            _word_count,
        ),
        Option(
            "min_quote_words",
            _DEFAULTS.min_quote_words,
            "Words a quotation needs for its second use to be reported.",
            _word_count,
        ),
        Option(
            "boilerplate",
            (),
            "Regular expressions for lines that are never repeats (matched against a whole "
            "sentence, ignoring case), added to the built-in credit and 'Read more' lines.",
            _patterns,
        ),
    )

    def __init__(self, config: Any) -> None:
        super().__init__(config)
        self.thresholds = Thresholds(
            edited=self.settings["edited_threshold"],
            paraphrase=self.settings["paraphrase_threshold"],
            passage=self.settings["passage_threshold"],
            passage_sentences=self.settings["passage_sentences"],
            heading=self.settings["heading_threshold"],
            min_run_words=self.settings["min_run_words"],
            min_content_words=self.settings["min_content_words"],
            min_run_content_words=self.settings["min_run_content_words"],
            min_quote_words=self.settings["min_quote_words"],
        )
        self.boilerplate: tuple[str, ...] = self.settings["boilerplate"]

    def run(self, document: Document) -> CheckResult:
        pairs = restatements(document, self.thresholds, self.boilerplate)
        runs = repeated_runs(document, self.thresholds, self.boilerplate)
        links = _pair_and_run_links(document, pairs, runs, self.thresholds.min_run_words)
        passages: dict[int, list[_Link]] = {}
        for link in links:
            if link.passage is not None:
                passages.setdefault(link.passage, []).append(link)
        whole = {number for number, members in passages.items() if len(members) > 1}
        single = [link for link in links if link.passage not in whole]
        single += _quotation_links(repeated_quotations(document, self.thresholds, self.boilerplate), links)
        findings = [self._group_finding(document, group) for group in _groups(single) if not _refrain(group)]
        findings += [self._passage_finding(document, passages[number]) for number in sorted(whole)]
        return CheckResult(findings=findings)

    def _passage_finding(self, document: Document, links: Sequence[_Link]) -> Finding:
        """One finding for a passage restated sentence by sentence."""
        links = sorted(links, key=lambda link: link.later.start)
        strongest = min(links, key=lambda link: (_STRENGTH.index(link.kind), -link.score))
        earlier = sorted((link.earlier for link in links), key=lambda o: o.start)
        start, end = links[0].later.start, max(link.later.end for link in links)
        pairs = [(document.line_col(link.earlier.start)[0], document.line_col(link.later.start)[0]) for link in links]
        later_lines = _span_of_lines(document, start, end)
        earlier_lines = _span_of_lines(document, earlier[0].start, max(o.end for o in earlier))
        told = ", ".join(f"line {b} restates line {a}" for a, b in dict.fromkeys(pairs))
        verb = "restate" if later_lines.startswith("lines") else "restates"
        message = f"{later_lines.capitalize()} {verb} {earlier_lines}, sentence by sentence: {told}."
        score = round(sum(link.score for link in links) / len(links), 3)
        earlier_lines_data: list[JSONValue] = [a for a in sorted({a for a, _ in pairs})]  # noqa: C416
        pairs_data: list[JSONValue] = [[a, b, link.kind, link.score] for (a, b), link in zip(pairs, links, strict=True)]
        data: dict[str, JSONValue] = {
            "kind": strongest.kind,
            "score": score,
            "occurrences": 2,
            "earlier_lines": earlier_lines_data,
            "pairs": pairs_data,
        }
        return self.finding(
            document,
            _CODES[strongest.kind],
            start,
            end,
            message,
            related=[(o.start, o.end) for o in earlier],
            confidence=max(0.0, min(1.0, score)),
            data=data,
        )

    def _group_finding(self, document: Document, group: _Group) -> Finding:
        place, earlier = group.places[-1], group.places[:-1]
        direct = [link for link in group.links if _overlap(link.later, place)]
        # The finding tells of one link and spans what that link's later words are: a run
        # of words inside a restated sentence would be quoted "word for word" under the
        # whole sentence. A link that covers the whole place tells of it best.
        covering = [link for link in direct if link.later.start <= place.start and place.end <= link.later.end]
        strongest = min(covering or direct, key=lambda link: (_STRENGTH.index(link.kind), -link.score))
        later = strongest.later
        line = document.line_col(later.start)[0]
        lines = [document.line_col(o.start)[0] for o in earlier]
        data: dict[str, JSONValue] = {
            "kind": strongest.kind,
            "score": strongest.score,
            "occurrences": len(group.places),
            "earlier_lines": list(lines),
        }
        return self.finding(
            document,
            _CODES[strongest.kind],
            later.start,
            later.end,
            _message(document, strongest, line, lines),
            related=[(o.start, o.end) for o in earlier],
            confidence=max(0.0, min(1.0, strongest.score)),
            data=data,
        )


def _pair_and_run_links(
    document: Document, pairs: Sequence[Restatement], runs: Sequence[RepeatedRun], sentence_words: int
) -> list[_Link]:
    """Sentence pairs and verbatim runs, each repeat told once.

    A run inside a pair of sentences judged verbatim or edited is told by the
    pair; a paraphrase pair with a run of repeated words inside is told by the
    run, which is exact. Pairs of sentences inside a longer run are told by the run.
    A link copies a sentence when both places hold the whole of a sentence of
    ``sentence_words`` or more words.
    """
    by_later: dict[int, list[int]] = {}
    for n, pair in enumerate(pairs):
        by_later.setdefault(pair.later.index, []).append(n)
    starts = [sentence.start for sentence in document.sentences]
    dropped: set[int] = set()
    links: list[_Link] = []
    for run in runs:
        told_by_pair = False
        first = max(0, bisect.bisect_right(starts, run.later_start) - 1)
        last = bisect.bisect_left(starts, run.later_end)
        for index in range(first, last):
            for n in by_later.get(index, ()):
                pair = pairs[n]
                if _contains(pair.later, run.later_start, run.later_end) and _contains(
                    pair.earlier, run.earlier_start, run.earlier_end
                ):
                    if pair.kind in ("verbatim", "edited"):
                        told_by_pair = True
                    else:
                        dropped.add(n)
                elif _within(document, pair.later, run.later_start, run.later_end) and _within(
                    document, pair.earlier, run.earlier_start, run.earlier_end
                ):
                    dropped.add(n)
        if not told_by_pair:
            # A sentence is copied when it is there twice: a whole sentence quoted inside a
            # longer one ("... but it is no way the best song of the past 25 years!") is not.
            copies = _holds_sentence(document, starts, run.later_start, run.later_end, sentence_words) and (
                _holds_sentence(document, starts, run.earlier_start, run.earlier_end, sentence_words)
            )
            links.append(
                _Link(
                    earlier=_Occurrence(run.earlier_start, run.earlier_end),
                    later=_Occurrence(run.later_start, run.later_end),
                    kind="verbatim",
                    score=1.0,
                    run=True,
                    copies_sentence=copies,
                )
            )
    for n, pair in enumerate(pairs):
        if n not in dropped:
            links.append(
                _Link(
                    earlier=_Occurrence(pair.earlier.start, pair.earlier.end),
                    later=_Occurrence(pair.later.start, pair.later.end),
                    kind=pair.kind,
                    score=pair.score,
                    passage=pair.passage,
                    copies_sentence=pair.kind in ("verbatim", "edited")
                    and pair.later.token_end - pair.later.token_start >= sentence_words,
                )
            )
    return links


def _holds_sentence(document: Document, starts: Sequence[int], start: int, end: int, sentence_words: int) -> bool:
    """True when ``start..end`` holds every word of a sentence of ``sentence_words`` or more words."""
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = bisect.bisect_left(starts, end)
    return any(
        s.token_end - s.token_start >= sentence_words and _within(document, s, start, end)
        for s in document.sentences[first:last]
    )


def _contains(sentence: Sentence, start: int, end: int) -> bool:
    return sentence.start <= start and end <= sentence.end


def _quotation_links(quotations: Iterable[RepeatedQuotation], told: Sequence[_Link]) -> list[_Link]:
    """Quotations used twice, unless the sentences or runs around them are already told."""
    # Told links in order of where their later passage starts: only those starting within
    # the longest passage before a quotation can overlap it, so each quotation looks at a
    # few links instead of all of them.
    by_start = sorted(told, key=lambda link: link.later.start)
    starts = [link.later.start for link in by_start]
    longest = max((link.later.end - link.later.start for link in by_start), default=0)
    links = []
    for quotation in quotations:
        earlier = _Occurrence(quotation.earlier.start, quotation.earlier.end)
        later = _Occurrence(quotation.later.start, quotation.later.end)
        near = by_start[bisect.bisect_left(starts, later.start - longest) : bisect.bisect_left(starts, later.end)]
        if not any(_overlap(later, link.later) and _overlap(earlier, link.earlier) for link in near):
            links.append(_Link(earlier=earlier, later=later, kind="quotation", score=quotation.score))
    return links


def _overlap(a: _Occurrence, b: _Occurrence) -> bool:
    return a.start < b.end and b.start < a.end


def _within(document: Document, sentence: Sentence, start: int, end: int) -> bool:
    """True when every word of ``sentence`` lies in ``start..end``."""
    tokens = document.sentence_tokens(sentence)
    return bool(tokens) and start <= tokens[0].start and tokens[-1].end <= end


@attrs.frozen
class _Group:
    """One passage said two or more times: the places it occurs, in order, and the links between them."""

    places: tuple[_Occurrence, ...]
    links: tuple[_Link, ...]


def _groups(links: Sequence[_Link]) -> list[_Group]:
    """Group links into passages said two or more times.

    Overlapping occurrences are one place ("the best song of the last 25 years"
    and "NOT the best song of the last 25 years", or a run that crosses into the
    next sentence and that sentence); links join places, transitively.
    """
    occurrences = sorted({o for link in links for o in (link.earlier, link.later)}, key=lambda o: (o.start, o.end))
    place_of: dict[_Occurrence, int] = {}
    places: list[list[int]] = []
    for occurrence in occurrences:
        if places and occurrence.start < places[-1][1]:
            places[-1][1] = max(places[-1][1], occurrence.end)
        else:
            places.append([occurrence.start, occurrence.end])
        place_of[occurrence] = len(places) - 1
    parent = list(range(len(places)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links:
        parent[root(place_of[link.later])] = root(place_of[link.earlier])
    members: dict[int, set[int]] = {}
    grouped: dict[int, list[_Link]] = {}
    for link in links:
        group = root(place_of[link.earlier])
        members.setdefault(group, set()).update((place_of[link.earlier], place_of[link.later]))
        grouped.setdefault(group, []).append(link)
    return [
        _Group(
            places=tuple(_Occurrence(*places[n]) for n in sorted(members[group])),
            links=tuple(grouped[group]),
        )
        for group in grouped
        if len(members[group]) > 1
    ]


def _refrain(group: _Group) -> bool:
    """A run of words that recurs in many sentences that are not copies of each other.

    A phrase said word for word in four or more places, none of them a copy of
    a whole sentence of eight or more words, is the piece's own refrain: the
    question every reader answers on a letters page. A sentence pasted again
    keeps the group reported.
    """
    return (
        len(group.places) >= _REFRAIN_PLACES
        and any(link.run for link in group.links)
        and not any(link.copies_sentence for link in group.links)
    )


def _span_of_lines(document: Document, start: int, end: int) -> str:
    first, last = document.line_col(start)[0], document.line_col(end)[0]
    return f"line {first}" if first == last else f"lines {first}–{last}"


def _excerpt(document: Document, occurrence: _Occurrence) -> str:
    text = " ".join(document.text[occurrence.start : occurrence.end].split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _line_list(lines: Sequence[int]) -> str:
    unique = sorted(set(lines))
    if len(unique) == 1:
        return f"line {unique[0]}"
    return "lines " + ", ".join(str(n) for n in unique[:-1]) + f" and {unique[-1]}"


def _message(document: Document, link: _Link, line: int, lines: Sequence[int]) -> str:
    where = _line_list(lines)
    if set(lines) == {line}:
        where = "an earlier sentence on the same line"
    quoted = f"“{_excerpt(document, link.earlier)}”"
    if link.kind == "heading":
        return f"The heading on line {line} repeats the heading on {where} ({quoted})."
    if link.kind == "verbatim":
        return f"Line {line} repeats {where} word for word: {quoted}."
    if link.kind == "edited":
        return f"Line {line} repeats {where} with small edits: {quoted}."
    if link.kind == "quotation":
        return f"The quotation on line {line} was already used on {where}: {quoted}."
    return f"Line {line} restates {where}: {quoted}."
