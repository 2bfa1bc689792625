"""Repeated passages: an article that says the same thing twice.

Rewritten and merged copy often restates its own first paragraphs further
down, word for word, with small edits, or in other words. The finding sits on
the later occurrence, with the earlier one(s) as related spans; three or more
occurrences of one passage are reported once, on the last. Each finding's
``data`` holds the ``kind`` (verbatim, edited, paraphrase, heading, quotation)
and the similarity ``score`` behind it.

Sentences that match a boilerplate pattern (agency credits, "Read more"
lines; add your own with the ``boilerplate`` option) are never repeats, and
short formulaic sentences are only compared word for word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

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


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise ValueError(f"expected a number above 0 and at most 1, got {value!r}")
    return float(value)


def _word_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 100:
        raise ValueError(f"expected a whole number of words from 2 to 100, got {value!r}")
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


@attrs.frozen
class _Occurrence:
    start: int
    end: int


@attrs.frozen
class _Link:
    earlier: _Occurrence
    later: _Occurrence
    kind: str
    score: float


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
            rationale="Merged copy often tells the same facts twice; the second telling adds nothing.",
            severity="warning",
            flagged=(
                "Flooding forced 2,000 residents of Carlisle to leave their homes on Sunday. "
                "Forecasters expect more rain this week. "
                "On Sunday about 2,000 people in Carlisle had to be evacuated from their houses "
                "because of the floods."
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
                "“We will not close a single library,” the council leader said. "
                "Budgets for parks will fall by a tenth."
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
            "Restatement score (0-1) from which a sentence restates an earlier one.",
            _threshold,
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
            heading=self.settings["heading_threshold"],
            min_run_words=self.settings["min_run_words"],
            min_content_words=self.settings["min_content_words"],
        )
        self.boilerplate: tuple[str, ...] = self.settings["boilerplate"]

    def run(self, document: Document) -> CheckResult:
        pairs = restatements(document, self.thresholds, self.boilerplate)
        runs = repeated_runs(document, self.thresholds, self.boilerplate)
        told_by_runs = _inside_runs(document, pairs, runs)
        kept = [pair for n, pair in enumerate(pairs) if n not in told_by_runs]
        links = [*_sentence_links(kept), *_run_links(runs, kept)]
        links += _quotation_links(repeated_quotations(document, self.thresholds, self.boilerplate), links)
        findings = [self._group_finding(document, group) for group in _groups(links)]
        return CheckResult(findings=findings)

    def _group_finding(self, document: Document, links: Sequence[_Link]) -> Finding:
        later = max((link.later for link in links), key=lambda o: o.start)
        earlier = sorted(
            {o for link in links for o in (link.earlier, link.later) if o != later}, key=lambda o: o.start
        )
        direct = [link for link in links if link.later == later]
        strongest = min(direct, key=lambda link: (_STRENGTH.index(link.kind), -link.score))
        code = _CODES[strongest.kind]
        line = document.line_col(later.start)[0]
        lines = [document.line_col(o.start)[0] for o in earlier]
        data: dict[str, JSONValue] = {
            "kind": strongest.kind,
            "score": strongest.score,
            "occurrences": len(earlier) + 1,
            "earlier_lines": list(lines),
        }
        return self.finding(
            document,
            code,
            later.start,
            later.end,
            _message(document, strongest, later, earlier, line, lines),
            related=[(o.start, o.end) for o in earlier],
            confidence=max(0.0, min(1.0, strongest.score)),
            data=data,
        )


def _sentence_links(pairs: Iterable[Restatement]) -> Iterable[_Link]:
    for pair in pairs:
        yield _Link(
            earlier=_Occurrence(pair.earlier.start, pair.earlier.end),
            later=_Occurrence(pair.later.start, pair.later.end),
            kind=pair.kind,
            score=pair.score,
        )


def _run_links(runs: Iterable[RepeatedRun], pairs: Sequence[Restatement]) -> Iterable[_Link]:
    """Verbatim runs not already told by a pair of sentences that contain them."""
    for run in runs:
        covered = any(
            p.later.start <= run.later_start
            and run.later_end <= p.later.end
            and p.earlier.start <= run.earlier_start
            and run.earlier_end <= p.earlier.end
            for p in pairs
        )
        if not covered:
            yield _Link(
                earlier=_Occurrence(run.earlier_start, run.earlier_end),
                later=_Occurrence(run.later_start, run.later_end),
                kind="verbatim",
                score=1.0,
            )


def _quotation_links(quotations: Iterable[RepeatedQuotation], told: Sequence[_Link]) -> list[_Link]:
    """Quotations used twice, unless the sentences or runs around them are already told."""
    links = []
    for quotation in quotations:
        earlier = _Occurrence(quotation.earlier.start, quotation.earlier.end)
        later = _Occurrence(quotation.later.start, quotation.later.end)
        if not any(_overlap(later, link.later) and _overlap(earlier, link.earlier) for link in told):
            links.append(_Link(earlier=earlier, later=later, kind="quotation", score=quotation.score))
    return links


def _overlap(a: _Occurrence, b: _Occurrence) -> bool:
    return a.start < b.end and b.start < a.end


def _inside_runs(document: Document, pairs: Sequence[Restatement], runs: Sequence[RepeatedRun]) -> set[int]:
    """Indexes of the pairs whose two sentences lie inside a longer verbatim run, told by the run."""
    inside = set()
    for n, pair in enumerate(pairs):
        for run in runs:
            if _within(document, pair.later, run.later_start, run.later_end) and _within(
                document, pair.earlier, run.earlier_start, run.earlier_end
            ):
                if not (run.later_start >= pair.later.start and run.later_end <= pair.later.end):
                    inside.add(n)
                break
    return inside


def _within(document: Document, sentence: Sentence, start: int, end: int) -> bool:
    """True when every word of ``sentence`` lies in ``start..end``."""
    tokens = document.sentence_tokens(sentence)
    return bool(tokens) and start <= tokens[0].start and tokens[-1].end <= end


def _groups(links: Sequence[_Link]) -> list[list[_Link]]:
    """Links that share or overlap an occurrence, transitively: one group per passage said 2+ times."""
    parent: dict[_Occurrence, _Occurrence] = {}

    def root(node: _Occurrence) -> _Occurrence:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: _Occurrence, b: _Occurrence) -> None:
        parent[root(a)] = root(b)

    for link in links:
        union(link.later, link.earlier)
    # Overlapping occurrences are one passage: "the best song of the last 25 years" and
    # "NOT the best song of the last 25 years" found as two runs.
    occurrences = sorted(parent, key=lambda o: (o.start, o.end))
    reach: _Occurrence | None = None
    for occurrence in occurrences:
        if reach is not None and occurrence.start < reach.end:
            union(occurrence, reach)
            if occurrence.end > reach.end:
                reach = occurrence
        else:
            reach = occurrence
    groups: dict[_Occurrence, list[_Link]] = {}
    for link in links:
        groups.setdefault(root(link.earlier), []).append(link)
    return list(groups.values())


def _excerpt(document: Document, occurrence: _Occurrence) -> str:
    text = " ".join(document.text[occurrence.start : occurrence.end].split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _line_list(lines: Sequence[int]) -> str:
    unique = sorted(set(lines))
    if len(unique) == 1:
        return f"line {unique[0]}"
    return "lines " + ", ".join(str(n) for n in unique[:-1]) + f" and {unique[-1]}"


def _message(
    document: Document,
    link: _Link,
    later: _Occurrence,
    earlier: Sequence[_Occurrence],
    line: int,
    lines: Sequence[int],
) -> str:
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
