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

Whether a candidate pair restates is decided by a small restatement model: a
logistic function of measures of the two sentences alone (:data:`MEASURES`:
character similarity, shared content words and word pairs, shared names and
numbers, lengths, negation), whose weights are read from
``newsqa/data/restatement_model.txt``. The weights were fitted with
``scripts/fit_repeats.py`` on development data; at run time the score is a
weighted sum and a logistic function, in pure Python.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import math
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple, cast

import attrs
import regex
from rapidfuzz import fuzz

from newsqa.analysis.wordkeys import content_key, surface_key
from newsqa.document import Document, Quotation, Sentence
from newsqa.resources import data_lines, data_sections

__all__ = [
    "DEFAULT_THRESHOLDS",
    "KINDS",
    "MEASURES",
    "RepeatedQuotation",
    "RepeatedRun",
    "Restatement",
    "ScoredPair",
    "Thresholds",
    "repeated_quotations",
    "repeated_runs",
    "restatement_probability",
    "restatements",
    "scored_pairs",
]

#: The kinds of restatement, strongest first.
KINDS = ("verbatim", "edited", "paraphrase", "heading")

# A content word in more sentences than this proposes no candidate pair by itself
# (it still counts when a candidate pair is scored): what keeps the cost linear.
_MAX_POSTINGS = 24


@attrs.frozen
class Thresholds:
    """When two sentences count as the same. Scores are 0..1; the defaults were chosen on data.

    ``edited``: character similarity (case, quote marks and spacing ignored) from
    which a near copy counts as an edited repeat.
    ``paraphrase``: restatement score (:attr:`ScoredPair.paraphrase_score`, the
    restatement model's probability) from which a sentence on its own counts as
    saying an earlier one again.
    ``passage`` and ``passage_sentences``: a restated *passage*, where at least
    ``passage_sentences`` neighbouring sentences each restate one of a group of
    neighbouring earlier sentences, needs only ``passage`` for each pair: one
    restated sentence can be chance, a restated run of them is not.
    ``heading``: character similarity from which two headings are the same heading.
    ``min_run_words``: words in a run repeated word for word, across sentences too.
    ``min_content_words``: content words a sentence needs to be compared as an
    edited copy or a restatement: shorter formulaic sentences ("He declined to
    comment.") only count when copied word for word.
    ``min_run_content_words``: different content words a verbatim run needs:
    runs of function words and one or two others ("what they can do if it
    happens to them") are formulas; three are enough ("the city would not be able to pay for it").
    ``min_quote_words``: words a quotation needs for its reuse to count as a
    repeat (``edited`` applies to its similarity): shorter quoted phrases are
    often quoted again on purpose.
    """

    edited: float = 0.85
    paraphrase: float = 0.74
    passage: float = 0.05
    passage_sentences: int = 3
    heading: float = 0.9
    min_run_words: int = 8
    min_content_words: int = 3
    min_run_content_words: int = 3
    min_quote_words: int = 4


DEFAULT_THRESHOLDS = Thresholds()

# Pairs sharing less than this (weighted) part of their content words are not scored
# at all: copies and restatements share far more. What keeps scoring cheap.
_OVERLAP_FLOOR = 0.2
# Pairs scoring below both floors are not kept as candidates (well below any passage threshold).
_PARAPHRASE_FLOOR = 0.01
_SIMILARITY_FLOOR = 0.6
# Short sentences (at most this many words) that put different names in one frame of
# words, a frame with a word this many sentences or more use, are entries of a listing.
_FORMULA_MAX_WORDS = 10
_FORMULA_SENTENCES = 3
# Sentences of a restated passage lie within this many sentences of each other.
_PASSAGE_REACH = 2
# The restatement score of two sentences with the same content words, whatever their wording.
_SAME_CONTENT_SCORE = 0.9


@attrs.frozen
class Restatement:
    """Sentence ``later`` says again what sentence ``earlier`` said.

    ``kind`` is ``"verbatim"``, ``"edited"``, ``"paraphrase"`` or ``"heading"``
    (both are headings); ``score`` is the similarity behind the judgement, 0..1.
    ``passage`` numbers the restated passage the pair belongs to (pairs with the
    same number restate one passage sentence by sentence), None for a pair on its own.
    """

    earlier: Sentence
    later: Sentence
    kind: str
    score: float
    passage: int | None = None


@attrs.frozen
class ScoredPair:
    """A candidate pair of body sentences with the measures a judgement is made from.

    ``similarity``: character similarity of the two sentences with case, quote
    marks and spacing ignored (rapidfuzz's normalised Indel similarity).
    ``overlap``: shared content words (spelling variants, inflections and
    synonyms folded), each weighted by how rare it is in the article, as a Dice
    coefficient. ``phrases``: shared pairs of consecutive words, as a Dice
    coefficient. ``identical``: the same words in the same order.
    ``other_numbers``: each sentence gives two or more numbers the other lacks,
    so they report different facts in the same frame ("Sales rose 8% to $3 million
    from $2.9 million." against "Sales rose 8% to $9.8 million from $8.9 million.").
    The restatement score (:attr:`paraphrase_score`) weighs the measures that
    depend on the two sentences alone (:data:`MEASURES`): ``similarity``,
    ``phrases``, and ``content``: shared content words as a plain Dice coefficient;
    ``content_order``: rapidfuzz's ``token_set_ratio`` of the content words;
    ``length_ratio``: words of the shorter sentence over words of the longer;
    ``shared_names`` and ``other_names``: capitalised words inside the
    sentences (not the first word) both use, and those only one uses, each as a
    share of all of them; ``shared_number``: 1 when they share a number;
    ``other_number``: 1 when both give numbers and one gives a number the other lacks;
    ``formulaic``: entries of a listing written as sentences: both short (ten
    words or fewer), the same words around different names and numbers, and
    among those words one that three or more sentences of the article use.
    ``other_polarity``: 1 when one sentence is negated (not, never, denied, isn't)
    and the other is not (``newsqa/data/negation_words.txt``).
    """

    earlier: Sentence
    later: Sentence
    similarity: float
    overlap: float
    phrases: float
    identical: bool
    other_numbers: bool = False
    #: The measures the restatement model weighs, in the order of :data:`MEASURES`
    #: (each also has a property of its own name); identical copies are not measured.
    measures: tuple[float, ...] = (1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    #: How strongly the later sentence restates the earlier one, 0..1: the
    #: restatement model (``newsqa/data/restatement_model.txt``) applied to the measures.
    paraphrase_score: float = 1.0
    #: Parallel entries of a listing ("Released 25 February on PC." / "Released 1
    #: March on PC."), not a restatement: see ``formulaic`` above.
    formulaic: bool = False

    @property
    def content(self) -> float:
        """Shared content words as a plain Dice coefficient."""
        return self.measures[2]

    @property
    def content_order(self) -> float:
        """The ``token_set_ratio`` (rapidfuzz) of the two sentences' content words, 0..1."""
        return self.measures[3]

    @property
    def length_ratio(self) -> float:
        """Words of the shorter sentence over words of the longer."""
        return self.measures[4]

    @property
    def shared_names(self) -> float:
        """Capitalised words (not first in the sentence) both use, as a share of all of them."""
        return self.measures[5]

    @property
    def other_names(self) -> float:
        """Capitalised words (not first in the sentence) only one uses, as a share of all of them."""
        return self.measures[6]

    @property
    def shared_number(self) -> float:
        """1.0 when the sentences share a number."""
        return self.measures[7]

    @property
    def other_number(self) -> float:
        """1.0 when both give numbers and one gives a number the other lacks."""
        return self.measures[8]

    @property
    def other_polarity(self) -> float:
        """1.0 when one sentence is negated (not, never, denied) and the other is not."""
        return self.measures[9]

    @property
    def adjacent(self) -> bool:
        """True when no sentence stands between the two."""
        return self.later.index - self.earlier.index <= 1


#: The measures of a :class:`ScoredPair` that the restatement model weighs.
MEASURES = (
    "similarity",
    "phrases",
    "content",
    "content_order",
    "length_ratio",
    "shared_names",
    "other_names",
    "shared_number",
    "other_number",
    "other_polarity",
)


@functools.cache
def _model() -> tuple[float, tuple[float, ...]]:
    """(intercept, weight of each measure) of the restatement model."""
    weights: dict[str, float] = {}
    for line in data_lines("restatement_model.txt"):
        name, value = line.split()
        weights[name] = float(value)
    missing = [name for name in ("intercept", *MEASURES) if name not in weights]
    if missing:
        raise RuntimeError(f"restatement_model.txt lacks the weights of {', '.join(missing)}")
    return weights["intercept"], tuple(weights[name] for name in MEASURES)


# Below it the probability is 0.0 rather than a number of 1e-14 or less.
_LOGIT_FLOOR = -30


def restatement_probability(measures: Sequence[float]) -> float:
    """The restatement model: a logistic function of the weighted measures (in the order of :data:`MEASURES`), 0..1."""
    intercept, weights = _model()
    z = intercept + sum(map(operator.mul, weights, measures))
    if z < _LOGIT_FLOOR:
        return 0.0
    return 1 / (1 + math.exp(-z))


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
class RepeatedQuotation:
    """Quotation ``later`` quotes again, word for word or nearly, what ``earlier`` quoted."""

    earlier: Quotation
    later: Quotation
    score: float


class _Unit(NamedTuple):
    """A sentence prepared for comparison: its words' surface keys and its set of content keys."""

    sentence: Sentence
    surface: tuple[str, ...]
    keys: frozenset[str]


class _Words(NamedTuple):
    """Per token of the document: its surface key, its content key, and whether it is capitalised.

    ``word_pairs`` numbers each token's surface key together with the next token's:
    two numbers are equal when both pairs of words are.
    """

    surfaces: list[str]
    contents: list[str | None]
    has_content: list[bool]
    capitalised: list[bool]
    word_pairs: list[int]

    def content_keys(self, start: int, end: int) -> frozenset[str]:
        """The content keys of tokens ``start..end``, added in the order of the tokens.

        The order a set iterates in depends on the hashes of its items and on the order
        they were added, and it decides the order of candidate pairs: they are added in
        the order of the tokens, whatever builds the set.
        """
        return cast(
            "frozenset[str]", frozenset(itertools.compress(self.contents[start:end], self.has_content[start:end]))
        )


@functools.cache
def _negation_words() -> frozenset[str]:
    return frozenset(data_lines("negation_words.txt"))


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
    thresholds = thresholds or DEFAULT_THRESHOLDS
    key = _memo_key("repetition", thresholds, boilerplate)
    return document.memo(key, lambda doc: _find_restatements(doc, thresholds, boilerplate))


def scored_pairs(
    document: Document, thresholds: Thresholds | None = None, boilerplate: Sequence[str] = ()
) -> tuple[ScoredPair, ...]:
    """Every candidate pair of body sentences the index proposes, with its measures.

    What :func:`restatements` judges; useful to see why a pair was or was not
    reported, and to choose thresholds. Only ``min_content_words`` and
    ``min_run_content_words`` of ``thresholds`` matter here.
    """
    thresholds = thresholds or DEFAULT_THRESHOLDS
    words = (thresholds.min_content_words, thresholds.min_run_content_words)
    key = f"repetition-pairs:{words}:{tuple(boilerplate)!r}"
    return document.memo(key, lambda doc: _scored_pairs(doc, *words, boilerplate))


def repeated_runs(
    document: Document,
    thresholds: Thresholds | None = None,
    boilerplate: Sequence[str] = (),
) -> tuple[RepeatedRun, ...]:
    """Maximal runs of at least ``min_run_words`` words that occur earlier word for word.

    A run repeated three times appears twice, each later copy paired with the first.
    """
    thresholds = thresholds or DEFAULT_THRESHOLDS
    key = _memo_key("repetition-runs", thresholds, boilerplate)
    return document.memo(key, lambda doc: _find_runs(doc, thresholds, boilerplate))


def repeated_quotations(
    document: Document,
    thresholds: Thresholds | None = None,
    boilerplate: Sequence[str] = (),
) -> tuple[RepeatedQuotation, ...]:
    """Quotations of at least ``min_quote_words`` words used again later, exactly or nearly."""
    thresholds = thresholds or DEFAULT_THRESHOLDS
    key = _memo_key("repetition-quotations", thresholds, boilerplate)
    return document.memo(key, lambda doc: _find_quotations(doc, thresholds, boilerplate))


def _memo_key(name: str, thresholds: Thresholds, boilerplate: Sequence[str]) -> str:
    if thresholds == DEFAULT_THRESHOLDS and not boilerplate:
        return name
    return f"{name}:{thresholds!r}:{tuple(boilerplate)!r}"


# -- boilerplate ---------------------------------------------------------------------


# Text on which the standard library's engine and regex read the built-in boilerplate lines alike:
# ASCII but the separators \x1c-\x1f (spaces to re only), Latin-1 and Latin Extended-A and -B but
# superscripts and fractions (word characters to re only), "İ" and "ı" (each folds to an ASCII
# letter in one engine only), and general punctuation but its connectors. Not combining marks.
_ENGINES_AGREE = re.compile(
    "[\x00-\x1b\x20-\x7f\u00a0-\u00b1\u00b4-\u00b8\u00ba\u00bb\u00bf-\u012f\u0132-\u024f"
    "\u2010-\u203e\u2041-\u2053\u2055-\u205f]*"
)


class _Boilerplate:
    """The lines that are never repeats, built in and configured, matched against a whole sentence."""

    def __init__(self, extra: tuple[str, ...]) -> None:
        source = _alternation(data_lines("boilerplate.txt"))
        self.builtin = regex.compile(source, regex.IGNORECASE | regex.V0)
        # The standard library's engine runs the built-in lines twice as fast (tested to agree).
        self.builtin_fast = re.compile(source, re.IGNORECASE)
        self.extra = regex.compile(_alternation(extra), regex.IGNORECASE | regex.V0) if extra else None

    def fullmatch(self, text: str) -> bool:
        builtin = self.builtin_fast if _ENGINES_AGREE.fullmatch(text) else self.builtin
        return builtin.fullmatch(text) is not None or (
            self.extra is not None and self.extra.fullmatch(text) is not None
        )


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@functools.lru_cache(maxsize=64)
def _boilerplate(extra: tuple[str, ...]) -> _Boilerplate:
    return _Boilerplate(extra)


_LIST_MARKER = regex.compile(r"(?:[-–—•*▪●]|\d{1,3}[.)])\s")


def _list_paragraphs(document: Document) -> frozenset[int]:
    """Paragraphs that are items of a list ("- Best actor - Jamie Foxx"): parallel by design."""
    return document.memo(
        "repetition-list-items",
        lambda doc: frozenset(p.index for p in doc.paragraphs if _LIST_MARKER.match(p.text)),
    )


def _kept_sentences(document: Document, boilerplate: Sequence[str]) -> list[Sentence]:
    """The document's sentences less those matching a boilerplate pattern."""
    pattern = _boilerplate(tuple(boilerplate))
    return document.memo(
        f"repetition-kept:{tuple(boilerplate)!r}",
        lambda doc: [s for s in doc.sentences if not pattern.fullmatch(s.text.strip())],
    )


# -- sentences -----------------------------------------------------------------------


def _words(document: Document) -> _Words:
    """The surface key, content key and capitalisation of every token of the document."""

    def compute(doc: Document) -> _Words:
        texts = doc.token_texts
        # Each distinct text is worked out once; every token then looks its text up, in C.
        distinct = dict.fromkeys(texts)
        surface = dict(zip(distinct, map(surface_key, distinct), strict=True))
        content = dict(zip(distinct, map(content_key, distinct), strict=True))
        # Equal surface keys get one number, below the number of tokens: a pair of numbers is
        # then one number, the first times the number of tokens plus the second.
        number_of: dict[str, int] = {}
        numbers = dict(zip(distinct, map(number_of.setdefault, surface.values(), itertools.count()), strict=True))
        ids = list(map(numbers.__getitem__, texts))
        contents = list(map(content.__getitem__, texts))
        pairs = map(operator.add, map(operator.mul, ids, itertools.repeat(len(ids))), ids[1:])
        return _Words(
            list(map(surface.__getitem__, texts)),
            contents,
            list(map(operator.is_not, contents, itertools.repeat(None))),
            [text[:1].isupper() for text in texts],
            list(pairs),
        )

    return document.memo("repetition-words", compute)


def _units(document: Document, sentences: Iterable[Sentence]) -> list[_Unit]:
    words = _words(document)
    surfaces, content_keys = words.surfaces, words.content_keys
    return [
        _Unit(s, tuple(surfaces[s.token_start : s.token_end]), content_keys(s.token_start, s.token_end))
        for s in sentences
    ]


def _find_restatements(
    document: Document, thresholds: Thresholds, boilerplate: Sequence[str]
) -> tuple[Restatement, ...]:
    pairs = scored_pairs(document, thresholds, boilerplate)
    found = list(_judge(pairs, thresholds))
    headings = [s for s in _kept_sentences(document, boilerplate) if s.is_heading]
    found.extend(_heading_restatements(_units(document, headings), thresholds))
    found.sort(key=lambda r: (r.later.index, r.earlier.index))
    return tuple(found)


def _scored_pairs(
    document: Document, min_content_words: int, min_copy_words: int, boilerplate: Sequence[str]
) -> tuple[ScoredPair, ...]:
    lists = _list_paragraphs(document)
    body = [s for s in _kept_sentences(document, boilerplate) if not s.is_heading]
    # List items, and sentences too short to compare as restatements, count only as exact copies.
    found = _identical_copies(_units(document, (s for s in body if s.paragraph in lists)), 1)
    all_units = _units(document, (s for s in body if s.paragraph not in lists))
    short = [u for u in all_units if len(u.keys) < min_content_words]
    found += _identical_copies(short, min_copy_words)
    units = [u for u in all_units if len(u.keys) >= min_content_words]
    unit_keys = [unit.keys for unit in units]
    weights = _rarity_weights(collections.Counter(itertools.chain.from_iterable(unit_keys)), len(units))
    weight_of = weights.__getitem__
    # fsum: a sum over a set would differ in its last digit with the set's order, which
    # follows the hash seed, and so could the findings.
    unit_weights = [math.fsum(map(weight_of, keys)) for keys in unit_keys]
    score = _Scorer(document, units, _formula_words(all_units))
    overlap_floor = _OVERLAP_FLOOR
    postings: dict[str, list[int]] = defaultdict(list)
    for j, keys in enumerate(unit_keys):
        weight_j = unit_weights[j]
        shared, unprobed = _candidates(keys, weight_j, weight_of, postings)
        for i, probed in shared.items():
            # What the two may share at most: the weight probed and all the weight left unprobed.
            if 2 * (probed + unprobed) < overlap_floor * (unit_weights[i] + weight_j):
                continue
            common = keys & unit_keys[i]
            overlap = 2 * math.fsum(map(weight_of, common)) / (unit_weights[i] + weight_j)
            if overlap < overlap_floor:
                continue
            pair = score(i, j, overlap, common)
            if pair is not None:
                found.append(pair)
        for key in keys:
            postings[key].append(j)
    return tuple(found)


def _formula_words(units: Sequence[_Unit]) -> frozenset[str]:
    """Content words of ``_FORMULA_SENTENCES`` or more sentences: the article's own formulas."""
    sentences = collections.Counter(itertools.chain.from_iterable(unit.keys for unit in units))
    return frozenset(key for key, count in sentences.items() if count >= _FORMULA_SENTENCES)


def _identical_copies(units: Sequence[_Unit], min_keys: int) -> list[ScoredPair]:
    """Pairs of units with the same words in the same order, each with ``min_keys`` content words."""
    first: dict[tuple[str, ...], _Unit] = {}
    found = []
    for unit in units:
        if len(unit.keys) < min_keys:
            continue
        earlier = first.setdefault(unit.surface, unit)
        if earlier is not unit:
            found.append(ScoredPair(earlier.sentence, unit.sentence, 1.0, 1.0, 1.0, identical=True))
    return found


def _candidates(
    keys: frozenset[str],
    weight: float,
    weight_of: Callable[[str], float],
    postings: dict[str, list[int]],
) -> tuple[dict[int, float], float]:
    """Earlier sentences sharing content words with a sentence: the weight probed of each, and the weight unprobed.

    Prefix filtering: a pair reaching ``_OVERLAP_FLOOR`` shares at least
    ``_OVERLAP_FLOOR / 2`` of this sentence's weight, so once the words left
    unprobed weigh less than that, every such sentence has turned up through a
    rarer word; the common words skipped are the ones with the longest
    postings. A sentence whose probed share plus everything unprobed cannot
    reach the floor is then dropped by the caller.
    """
    shared: dict[int, float] = {}
    get = shared.get
    remaining = weight
    enough = _OVERLAP_FLOOR / 2 * weight
    # Ties in weight are broken by the word, not by the set's order (the hash seed's).
    for key in sorted(keys, key=lambda key: (weight_of(key), key), reverse=True):
        if remaining < enough:
            break
        key_weight = weight_of(key)
        posting = postings.get(key)
        if posting and len(posting) < _MAX_POSTINGS:
            for i in posting:
                shared[i] = get(i, 0.0) + key_weight
        remaining -= key_weight
    return shared, remaining


def _rarity_weights(document_frequency: Mapping[str, int], sentences: int) -> dict[str, float]:
    """Inverse document frequency within the article: a word both sentences alone use weighs most."""
    return {key: math.log((sentences + 1) / (df + 0.5)) + 0.1 for key, df in document_frequency.items()}


class _Features(NamedTuple):
    """What the measures of a pair need of each sentence (:class:`ScoredPair` says what they are)."""

    text: str
    content_text: str
    words: int
    content_words: int
    bigrams: frozenset[int]
    names: frozenset[str]
    numbers: frozenset[str]
    negated: bool


class _Scorer:
    """The measures and restatement score of pairs of units, from features of each unit worked out once.

    Called with the indexes of the earlier and the later unit, their weighted
    overlap and how many content words they share, it gives the :class:`ScoredPair`,
    or None when the pair scores below both ``_PARAPHRASE_FLOOR`` and ``_SIMILARITY_FLOOR``.
    """

    def __init__(self, document: Document, units: Sequence[_Unit], formula_words: frozenset[str]) -> None:
        self.units = units
        self.token_texts = document.token_texts
        self.formula_words = formula_words
        words = _words(document)
        self.surfaces = words.surfaces
        self.contents = words.contents
        self.capitalised = words.capitalised
        self.word_pairs = words.word_pairs
        self.negation = _negation_words()
        self.number_keys = frozenset(k for k in set().union(*(unit.keys for unit in units)) if k[:1].isdigit())
        # Worked out when a unit is first in a pair that is scored: many never are.
        self.features: list[_Features | None] = [None] * len(units)
        self.paraphrase_floor = _PARAPHRASE_FLOOR
        self.intercept, self.weights = _model()
        self.similarity_floor = _SIMILARITY_FLOOR

    def _features(self, index: int) -> _Features:
        sentence, surface, keys = self.units[index]
        start, end = sentence.token_start, sentence.token_end
        text = " ".join(surface)
        features = _Features(
            text,
            " ".join(sorted(keys)),
            len(surface),
            len(keys),
            frozenset(self.word_pairs[start : max(start, end - 1)]),
            # Capitalised words after the first: names, mostly.
            frozenset(itertools.compress(surface[1:], self.capitalised[start + 1 : end])),
            keys & self.number_keys,
            # A word that turns the sentence into its opposite (not, never, denied, isn't).
            not self.negation.isdisjoint(surface) or "n't" in text,
        )
        self.features[index] = features
        return features

    def __call__(self, i: int, j: int, overlap: float, common: frozenset[str]) -> ScoredPair | None:
        earlier = self.features[i] or self._features(i)
        later = self.features[j] or self._features(j)
        text_i, content_i, words_i, count_i, bigrams_i, names_i, numbers_i, negated_i = earlier
        text_j, content_j, words_j, count_j, bigrams_j, names_j, numbers_j, negated_j = later
        bigrams = len(bigrams_i) + len(bigrams_j)
        names = len(names_i | names_j)
        both_names = len(names_i & names_j)
        # In the order of MEASURES.
        measures = (
            fuzz.ratio(text_i, text_j) / 100,
            2 * len(bigrams_i & bigrams_j) / bigrams if bigrams else 0.0,
            2 * len(common) / (count_i + count_j),
            fuzz.token_set_ratio(content_i, content_j) / 100,
            min(words_i, words_j) / max(words_i, words_j),
            both_names / names if names else 0.0,
            (names - both_names) / names if names else 0.0,
            1.0 if numbers_i & numbers_j else 0.0,
            1.0 if numbers_i and numbers_j and numbers_i != numbers_j else 0.0,
            1.0 if negated_i != negated_j else 0.0,
        )
        # restatement_probability(measures), without two calls a pair.
        z = self.intercept + sum(map(operator.mul, self.weights, measures))
        probability = 0.0 if z < _LOGIT_FLOOR else 1 / (1 + math.exp(-z))
        if probability < self.paraphrase_floor and measures[0] < self.similarity_floor:
            return None
        unit_i, unit_j = self.units[i], self.units[j]
        return ScoredPair(
            unit_i.sentence,
            unit_j.sentence,
            measures[0],
            overlap,
            measures[1],
            unit_i.surface == unit_j.surface,
            len(numbers_i - numbers_j) >= 2 and len(numbers_j - numbers_i) >= 2,
            measures,
            probability,
            self._listing_entries(i, j, earlier, later, common),
        )

    def _listing_entries(self, i: int, j: int, earlier: _Features, later: _Features, common: frozenset[str]) -> bool:
        """Entries of a listing written as sentences: "Released 1 March on PC." and "Released 11 March on Xbox.".

        Both short, in the same frame of words around their names and numbers,
        each naming or numbering something the other does not, and the frame uses a word that three or more
        sentences of the article use (the listing's own formula).
        """
        if earlier.words > _FORMULA_MAX_WORDS or later.words > _FORMULA_MAX_WORDS:
            return False
        if earlier.names == later.names or common.isdisjoint(self.formula_words):
            return False
        slots, other_slots = earlier.names | earlier.numbers, later.names | later.numbers
        if slots <= other_slots or other_slots <= slots:
            return False
        frame = self._frame(self.units[i].sentence)
        return frame == self._frame(self.units[j].sentence) and not self.formula_words.isdisjoint(frame)

    def _frame(self, sentence: Sentence) -> tuple[str, ...]:
        """The sentence's words with each run of names and numbers ("25 February", "Xbox and PC") as one slot."""
        frame: list[str] = []
        slot = False
        start, end = sentence.token_start, sentence.token_end
        for k in range(start, end):
            if k > start and (self.capitalised[k] or self.token_texts[k][:1].isdigit()):
                if not slot:
                    frame.append("")
                slot = True
            elif slot and self.surfaces[k] in ("and", "or") and k + 1 < end and self.capitalised[k + 1]:
                continue
            else:
                frame.append(self.contents[k] or self.surfaces[k])
                slot = False
        return tuple(frame)


def _restatement_score(pair: ScoredPair) -> float:
    """The restatement model's score, at least ``_SAME_CONTENT_SCORE`` for two sentences with the same content words.

    "More than 200 people were killed in the earthquake." and "The earthquake killed
    over 200 people." share every content word and neither denies the other; the
    restatement model, fitted on pairs of sentences from different articles, weighs
    their wording more than their words.
    """
    if pair.content == 1.0 and pair.other_polarity == 0.0:
        return max(pair.paraphrase_score, _SAME_CONTENT_SCORE)
    return pair.paraphrase_score


def _judge(pairs: Sequence[ScoredPair], thresholds: Thresholds) -> Iterable[Restatement]:
    """Restatements among the candidate pairs: copies, single restatements, restated passages."""
    passage_of = _restated_passages(pairs, thresholds)
    for pair in pairs:
        passage = passage_of.get((pair.earlier.index, pair.later.index))
        if pair.identical:
            kind, score = "verbatim", 1.0
        elif pair.other_numbers or pair.formulaic:
            continue
        elif pair.similarity >= thresholds.edited:
            kind, score = "edited", round(pair.similarity, 4)
        elif not pair.adjacent and (
            (restated := _restatement_score(pair)) >= thresholds.paraphrase or passage is not None
        ):
            kind, score = "paraphrase", round(restated, 3)
        else:
            continue
        yield Restatement(earlier=pair.earlier, later=pair.later, kind=kind, score=score, passage=passage)


def _restated_passages(pairs: Sequence[ScoredPair], thresholds: Thresholds) -> dict[tuple[int, int], int]:
    """The pairs that belong to a restated passage, numbered by passage, by (earlier, later) sentence index.

    A passage is ``passage_sentences`` or more pairs, one to one, whose earlier
    sentences lie close together (no more than ``_PASSAGE_REACH`` apart) before
    their later sentences, which lie close together too.
    """
    eligible = [
        p
        for p in pairs
        if p.later.index - p.earlier.index > 1
        and not p.other_numbers
        and not p.formulaic
        and (p.identical or p.paraphrase_score >= thresholds.passage or p.similarity >= thresholds.edited)
    ]
    if len(eligible) < thresholds.passage_sentences:
        return {}
    # Pairs are known by their position among the eligible pairs and by their sentence
    # indexes (each pair of sentences is scored once), never hashed themselves.
    earlier_of = [p.earlier.index for p in eligible]
    later_of = [p.later.index for p in eligible]
    # Per later sentence, the positions of its pairs ordered by earlier sentence: the pairs
    # within reach of an earlier sentence are then found by bisection, and taken in the
    # order of their positions, the order a scan of all of them would meet them.
    by_later: dict[int, list[int]] = defaultdict(list)
    for position, later in enumerate(later_of):
        by_later[later].append(position)
    earliers: dict[int, list[int]] = {}
    for later, positions in by_later.items():
        positions.sort(key=earlier_of.__getitem__)
        earliers[later] = [earlier_of[position] for position in positions]
    passage_of: dict[tuple[int, int], int] = {}
    seen: set[tuple[int, int]] = set()
    for start in range(len(eligible)):
        key = (earlier_of[start], later_of[start])
        if key in seen:
            continue
        group, frontier = [start], [start]
        seen.add(key)
        while frontier:
            current = frontier.pop()
            earlier, later = earlier_of[current], later_of[current]
            for other_later in range(later - _PASSAGE_REACH, later + _PASSAGE_REACH + 1):
                bucket = by_later.get(other_later)
                if not bucket:
                    continue
                keys = earliers[other_later]
                low = bisect.bisect_left(keys, earlier - _PASSAGE_REACH)
                high = bisect.bisect_right(keys, earlier + _PASSAGE_REACH)
                if low == high:
                    continue
                for other in sorted(bucket[low:high]) if high - low > 1 else (bucket[low],):
                    key = (earlier_of[other], other_later)
                    if key not in seen:
                        seen.add(key)
                        group.append(other)
                        frontier.append(other)
        matched = _one_to_one([eligible[position] for position in group])
        if len(matched) >= thresholds.passage_sentences and max(p.earlier.index for p in matched) < min(
            p.later.index for p in matched
        ):
            number = min(p.later.index for p in matched)
            passage_of.update(((p.earlier.index, p.later.index), number) for p in matched)
    return passage_of


def _one_to_one(group: Sequence[ScoredPair]) -> list[ScoredPair]:
    """The strongest pairs of a group such that no sentence is used twice."""
    used_earlier: set[int] = set()
    used_later: set[int] = set()
    matched = []
    for pair in sorted(group, key=lambda p: -p.paraphrase_score):
        if pair.earlier.index not in used_earlier and pair.later.index not in used_later:
            used_earlier.add(pair.earlier.index)
            used_later.add(pair.later.index)
            matched.append(pair)
    return matched


# -- headings ------------------------------------------------------------------------


@functools.cache
def _heading_families() -> dict[str, str]:
    """Surface text of each formulaic section heading -> the purpose it serves (read once)."""
    families: dict[str, str] = {}
    for purpose, headings in data_sections("section_headings.txt").items():
        for heading in headings:
            families[_heading_text(heading)] = purpose
    return families


_HEADING_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}]+)*")


def _heading_text(text: str) -> str:
    return " ".join(surface_key(w) for w in _HEADING_WORD.findall(text))


def _heading_restatements(units: Sequence[_Unit], thresholds: Thresholds) -> Iterable[Restatement]:
    """Headings that repeat an earlier heading: the same words, nearly, or the same formulaic job."""
    families = _heading_families()
    texts = [" ".join(unit.surface) for unit in units]
    purposes = [families.get(text) for text in texts]
    for i, j, score in _near_copies(texts, [unit.keys for unit in units], thresholds.heading, purposes):
        yield Restatement(earlier=units[i].sentence, later=units[j].sentence, kind="heading", score=score)


def _near_copies(
    texts: Sequence[str],
    keys: Sequence[frozenset[str]],
    threshold: float,
    purposes: Sequence[str | None] = (),
) -> Iterator[tuple[int, int, float]]:
    """(earlier, later, similarity) for texts that copy an earlier one exactly or nearly.

    Only texts sharing a content word (``keys``) are compared character by
    character; texts with the same ``purposes`` entry (not None) count as copies outright.
    """
    by_text: dict[str, int] = {}
    by_purpose: dict[str, int] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(texts):
        purpose = purposes[j] if j < len(purposes) else None
        earlier = by_text.get(text)
        if earlier is None and purpose is not None:
            earlier = by_purpose.get(purpose)
        if earlier is not None:
            yield earlier, j, 1.0
            continue
        candidates = {i for key in keys[j] for i in postings[key][-_MAX_POSTINGS:]}
        best = max(((fuzz.ratio(texts[i], text) / 100, i) for i in candidates), default=None)
        if best is not None and best[0] >= threshold:
            yield best[1], j, round(best[0], 3)
            continue
        by_text[text] = j
        if purpose is not None:
            by_purpose[purpose] = j
        for key in keys[j]:
            postings[key].append(j)


# -- quotations ----------------------------------------------------------------------


def _find_quotations(
    document: Document, thresholds: Thresholds, boilerplate: Sequence[str]
) -> tuple[RepeatedQuotation, ...]:
    pattern = _boilerplate(tuple(boilerplate))
    words = _words(document)
    quotes: list[Quotation] = []
    texts: list[str] = []
    keys: list[frozenset[str]] = []
    for quote in document.quotations:
        tokens = _token_range(document, quote.inner_start, quote.inner_end)
        surfaces = words.surfaces[tokens]
        if len(surfaces) < thresholds.min_quote_words or pattern.fullmatch(quote.text.strip()):
            continue
        quotes.append(quote)
        texts.append(" ".join(surfaces))
        keys.append(words.content_keys(tokens.start, tokens.stop))
    return tuple(
        RepeatedQuotation(earlier=quotes[i], later=quotes[j], score=score)
        for i, j, score in _near_copies(texts, keys, thresholds.edited)
    )


_TOKEN_START = operator.attrgetter("start")


def _token_range(document: Document, start: int, end: int) -> slice:
    starts = document.memo("repetition-token-starts", lambda doc: list(map(_TOKEN_START, doc.tokens)))
    return slice(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))


# -- verbatim runs -------------------------------------------------------------------


def _find_runs(document: Document, thresholds: Thresholds, boilerplate: Sequence[str]) -> tuple[RepeatedRun, ...]:
    size = thresholds.min_run_words
    words = _words(document)
    lists = _list_paragraphs(document)
    positions: list[int] = []
    for s in _kept_sentences(document, boilerplate):
        if not s.is_heading and s.paragraph not in lists:
            positions.extend(range(s.token_start, s.token_end))
    surfaces, contents = words.surfaces, words.contents
    stream = list(map(surfaces.__getitem__, positions))
    last = len(stream) - size
    # Each run of ``size`` words as one string (no token holds a space): a string, unlike
    # a tuple, is nothing the garbage collector scans, so a long text does not set it off.
    shingles = (
        list(map(" ".join, zip(*(stream[k : last + 1 + k] for k in range(size)), strict=True))) if last >= 0 else []
    )
    # Where each run of ``size`` words first occurs (the last assignment, from the front, wins).
    first = dict(zip(reversed(shingles), range(last, -1, -1), strict=True))
    firsts = list(map(first.__getitem__, shingles))
    tokens = document.tokens
    runs: list[RepeatedRun] = []
    resume = 0
    # Runs start where a run of ``size`` words occurred before, without overlapping that occurrence.
    for i in [i for i, j in enumerate(firsts) if j + size <= i]:
        if i < resume:
            continue
        j = firsts[i]
        length = size
        while i + length < len(stream) and j + length < i and stream[j + length] == stream[i + length]:
            length += 1
        resume = i + length
        content = {contents[positions[n]] for n in range(i, i + length)} - {None}
        if len(content) < thresholds.min_run_content_words:
            # Mostly function words ("what they can do if it happens to them"): a formula.
            continue
        runs.append(
            RepeatedRun(
                earlier_start=tokens[positions[j]].start,
                earlier_end=tokens[positions[j + length - 1]].end,
                later_start=tokens[positions[i]].start,
                later_end=tokens[positions[i + length - 1]].end,
                words=length,
            )
        )
    return tuple(runs)
