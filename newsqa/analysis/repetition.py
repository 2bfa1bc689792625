"""Passages an article says twice: verbatim, edited, paraphrased, and repeated headings.

:func:`restatements` pairs each sentence with the earlier sentences that say
the same thing; :func:`repeated_runs` finds runs of words repeated word for
word, also where a run crosses sentence boundaries. Both are computed once per
document (:meth:`~newsqa.document.Document.memo`) and shared by the checks that
need them: the repeated-passages check reports them, the dates check uses them
to recognise one event told twice.

Cost grows close to linearly with the length of the text. Candidate pairs come
from two indexes, never from comparing every sentence with every other: a hash
of every run of ``min_run_words`` words (verbatim runs), and postings of content
words (:mod:`newsqa.analysis.wordkeys`), where a word used in more than
``_MAX_POSTINGS`` sentences is too common to propose a pair on its own.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs
import regex
from rapidfuzz import fuzz

from newsqa.analysis.wordkeys import content_key, surface_key
from newsqa.document import Document, Sentence
from newsqa.resources import data_lines, data_sections

__all__ = [
    "KINDS",
    "RepeatedRun",
    "Restatement",
    "Thresholds",
    "repeated_runs",
    "restatements",
]

#: The kinds of restatement, strongest first.
KINDS = ("verbatim", "edited", "paraphrase", "heading")

# A content word in more sentences than this proposes no candidate pair by itself
# (it still counts when a candidate pair is scored): what keeps the cost linear.
_MAX_POSTINGS = 48


@attrs.frozen
class Thresholds:
    """When two sentences count as the same. Scores are 0..1; defaults chosen on data.

    ``edited``: character similarity of the two sentences (case, quote marks and
    spacing ignored) from which a near copy counts as an edited repeat.
    ``paraphrase``: restatement score (shared content words weighted by how
    rare they are in the article, see :func:`_paraphrase_score`) from which a
    sentence counts as saying an earlier one again in other words.
    ``heading``: similarity from which two headings count as the same heading.
    ``min_run_words``: words in a verbatim run repeated across sentences.
    ``min_content_words``: content words a sentence needs to be compared at all;
    shorter formulaic sentences ("He declined to comment.") are left alone
    unless repeated word for word as a run of ``min_run_words``.
    """

    edited: float = 0.8
    paraphrase: float = 0.5
    heading: float = 0.9
    min_run_words: int = 8
    min_content_words: int = 3


DEFAULT_THRESHOLDS = Thresholds()


@attrs.frozen
class Restatement:
    """Sentence ``later`` says again what sentence ``earlier`` said.

    ``kind`` is ``"verbatim"``, ``"edited"``, ``"paraphrase"`` or ``"heading"``
    (both are headings); ``score`` is the similarity behind the judgement, 0..1.
    """

    earlier: Sentence
    later: Sentence
    kind: str
    score: float


@attrs.frozen
class RepeatedRun:
    """Words ``later_start..later_end`` repeat ``earlier_start..earlier_end`` word for word.

    Offsets are code points into the document text; ``words`` counts the words of the run.
    """

    earlier_start: int
    earlier_end: int
    later_start: int
    later_end: int
    words: int


@attrs.frozen
class _Unit:
    """A sentence prepared for comparison."""

    sentence: Sentence
    surface: tuple[str, ...]
    keys: frozenset[str]

    @property
    def text(self) -> str:
        return " ".join(self.surface)


def restatements(
    document: Document,
    thresholds: Thresholds | None = None,
    boilerplate: Sequence[str] = (),
) -> tuple[Restatement, ...]:
    """Pairs of sentences where the later one says again what the earlier one said.

    Ordered by the later sentence, then the earlier. Sentences matching a
    boilerplate pattern (the built-in list, plus ``boilerplate``: regular
    expressions matched case-insensitively against a whole sentence) take no part.
    """
    key = _memo_key("repetition", thresholds, boilerplate)
    return document.memo(
        key, lambda doc: _find_restatements(doc, thresholds or DEFAULT_THRESHOLDS, boilerplate)
    )


def repeated_runs(
    document: Document,
    thresholds: Thresholds | None = None,
    boilerplate: Sequence[str] = (),
) -> tuple[RepeatedRun, ...]:
    """Maximal runs of at least ``min_run_words`` words that occur earlier word for word.

    A run repeated three times appears twice, each later copy paired with the first.
    """
    key = _memo_key("repetition-runs", thresholds, boilerplate)
    return document.memo(
        key, lambda doc: _find_runs(doc, thresholds or DEFAULT_THRESHOLDS, boilerplate)
    )


def _memo_key(name: str, thresholds: Thresholds | None, boilerplate: Sequence[str]) -> str:
    if (thresholds is None or thresholds == DEFAULT_THRESHOLDS) and not boilerplate:
        return name
    return f"{name}:{thresholds!r}:{tuple(boilerplate)!r}"


# -- boilerplate ---------------------------------------------------------------------


def _boilerplate_pattern(extra: Sequence[str]) -> regex.Pattern[str]:
    patterns = [*data_lines("boilerplate.txt"), *extra]
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE | regex.V0)


def _kept_sentences(document: Document, boilerplate: Sequence[str]) -> list[Sentence]:
    pattern = _boilerplate_pattern(boilerplate)
    return [s for s in document.sentences if not pattern.fullmatch(s.text.strip())]


# -- sentences -----------------------------------------------------------------------


def _units(document: Document, sentences: Iterable[Sentence]) -> list[_Unit]:
    units = []
    for sentence in sentences:
        tokens = document.sentence_tokens(sentence)
        surface = tuple(surface_key(t.text) for t in tokens)
        keys = frozenset(k for k in (content_key(t.text) for t in tokens) if k is not None)
        units.append(_Unit(sentence=sentence, surface=surface, keys=keys))
    return units


def _find_restatements(
    document: Document, thresholds: Thresholds, boilerplate: Sequence[str]
) -> tuple[Restatement, ...]:
    sentences = _kept_sentences(document, boilerplate)
    body = _units(document, (s for s in sentences if not s.is_heading))
    found = list(_body_restatements(body, thresholds))
    found.extend(_heading_restatements(_units(document, (s for s in sentences if s.is_heading)), thresholds))
    found.sort(key=lambda r: (r.later.index, r.earlier.index))
    return tuple(found)


def _body_restatements(units: Sequence[_Unit], thresholds: Thresholds) -> Iterable[Restatement]:
    units = [u for u in units if len(u.keys) >= thresholds.min_content_words]
    document_frequency: dict[str, int] = defaultdict(int)
    for unit in units:
        for key in unit.keys:
            document_frequency[key] += 1
    weights = _rarity_weights(document_frequency, len(units))
    postings: dict[str, list[int]] = defaultdict(list)
    first_copy: dict[tuple[str, ...], int] = {}
    for j, unit in enumerate(units):
        earlier = first_copy.setdefault(unit.surface, j)
        if earlier != j:
            yield Restatement(earlier=units[earlier].sentence, later=unit.sentence, kind="verbatim", score=1.0)
        shared: dict[int, float] = defaultdict(float)
        for key in unit.keys:
            posting = postings[key]
            if len(posting) < _MAX_POSTINGS:
                weight = weights[key]
                for i in posting:
                    shared[i] += weight
            posting.append(j)
        unit_weight = sum(weights[k] for k in unit.keys)
        for i, weight in shared.items():
            other = units[i]
            if other.surface == unit.surface:
                continue
            # The best a pair could score is 2*shared/(both): skip the hopeless ones cheaply.
            total = unit_weight + sum(weights[k] for k in other.keys)
            if 2 * weight / total < thresholds.paraphrase * 0.5:
                continue
            judged = _judge(other, unit, weights, thresholds)
            if judged is not None:
                kind, score = judged
                yield Restatement(earlier=other.sentence, later=unit.sentence, kind=kind, score=score)


def _rarity_weights(document_frequency: dict[str, int], sentences: int) -> dict[str, float]:
    """Inverse document frequency within the article: a word both sentences alone use weighs most."""
    return {
        key: math.log((sentences + 1) / (df + 0.5)) + 0.1 for key, df in document_frequency.items()
    }


def _judge(
    earlier: _Unit, later: _Unit, weights: dict[str, float], thresholds: Thresholds
) -> tuple[str, float] | None:
    similarity = fuzz.ratio(earlier.text, later.text) / 100
    if similarity >= thresholds.edited:
        return "edited", round(similarity, 3)
    score = _paraphrase_score(earlier, later, weights)
    if score >= thresholds.paraphrase:
        return "paraphrase", round(score, 3)
    return None


def _paraphrase_score(earlier: _Unit, later: _Unit, weights: dict[str, float]) -> float:
    """Weighted Dice overlap of the two sentences' content words."""
    shared = earlier.keys & later.keys
    if not shared:
        return 0.0
    both = sum(weights[k] for k in earlier.keys) + sum(weights[k] for k in later.keys)
    return 2 * sum(weights[k] for k in shared) / both


# -- headings ------------------------------------------------------------------------


def _heading_families() -> dict[str, str]:
    """Surface text of each formulaic section heading -> the purpose it serves."""
    families: dict[str, str] = {}
    for purpose, headings in data_sections("section_headings.txt").items():
        for heading in headings:
            families[_heading_text(heading)] = purpose
    return families


_HEADING_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}]+)*")


def _heading_text(text: str) -> str:
    return " ".join(surface_key(w) for w in _HEADING_WORD.findall(text))


def _heading_restatements(units: Sequence[_Unit], thresholds: Thresholds) -> Iterable[Restatement]:
    families = _heading_families()
    # Articles have few headings; a long list of them is a table of contents or a
    # list of items, where every pair is compared against the first copy only.
    seen: dict[str, _Unit] = {}
    for unit in units:
        text = unit.text
        purpose = families.get(text)
        if purpose is not None:
            earlier = seen.get(f"purpose:{purpose}")
            if earlier is not None:
                yield Restatement(earlier=earlier.sentence, later=unit.sentence, kind="heading", score=1.0)
                continue
            seen[f"purpose:{purpose}"] = unit
        best: tuple[float, _Unit] | None = None
        for key, earlier in seen.items():
            if key.startswith("purpose:"):
                continue
            similarity = fuzz.ratio(earlier.text, text) / 100
            if similarity >= thresholds.heading and (best is None or similarity > best[0]):
                best = (similarity, earlier)
        if best is not None:
            yield Restatement(
                earlier=best[1].sentence, later=unit.sentence, kind="heading", score=round(best[0], 3)
            )
        else:
            seen.setdefault(f"text:{text}", unit)
        if len(seen) > 200:
            break


# -- verbatim runs -------------------------------------------------------------------


def _find_runs(
    document: Document, thresholds: Thresholds, boilerplate: Sequence[str]
) -> tuple[RepeatedRun, ...]:
    size = thresholds.min_run_words
    tokens = [
        t
        for s in _kept_sentences(document, boilerplate)
        if not s.is_heading
        for t in document.sentence_tokens(s)
    ]
    ids: dict[str, int] = {}
    stream = [ids.setdefault(surface_key(t.text), len(ids)) for t in tokens]
    first: dict[tuple[int, ...], int] = {}
    runs: list[RepeatedRun] = []
    i, last = 0, len(stream) - size
    while i <= last:
        j = first.setdefault(tuple(stream[i : i + size]), i)
        if j == i or j + size > i:
            i += 1
            continue
        length = size
        while i + length < len(stream) and j + length < i and stream[j + length] == stream[i + length]:
            length += 1
        runs.append(
            RepeatedRun(
                earlier_start=tokens[j].start,
                earlier_end=tokens[j + length - 1].end,
                later_start=tokens[i].start,
                later_end=tokens[i + length - 1].end,
                words=length,
            )
        )
        for k in range(i + 1, min(i + length, last + 1)):
            first.setdefault(tuple(stream[k : k + size]), k)
        i += length
    return tuple(runs)
