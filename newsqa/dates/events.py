"""Which dated mentions report the same event.

Two day-level mentions in different sentences are taken to date the same
event when

* their sentences restate each other (the repetition analysis pairs them), or
* the words next to them name the same kind of action ("inked", "signed",
  "agreed": an agreement) and either the two passages share a participant or
  topic word, or one of them refers to the event as already told of
  ("the pact").

They are kept apart when one is told as done and the other as still to come,
when a word such as "another" or "previous" marks a different event of the
same kind, when both give their year in full (the writer dated each one on
purpose), or when a date names its event ("the Aug. 7, 1998, bombings").
Mentions in one sentence are never paired: a sentence that gives two days
gives them for two things.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence

import attrs
import regex

from newsqa.dates.analysis import TimeMention
from newsqa.dates.lexicon import lexicon
from newsqa.dates.shared import variant_key
from newsqa.dates.tense import Tense
from newsqa.document import Document
from newsqa.resources import data_sections

__all__ = ["EventLink", "event_links"]

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*")
_WINDOW = 6  # words either side of a date that can name its action
_DEFINITE = frozenset({"the", "this", "that"})


@attrs.frozen
class EventLink:
    """Two mentions that date the same event, and why they are taken to."""

    first: TimeMention
    second: TimeMention
    reason: str  # "restated" or "same action"
    action: str | None = None


@attrs.frozen
class _Words:
    verbs: dict[str, str]
    nouns: dict[str, str]
    different: frozenset[str]
    stopwords: frozenset[str]

    def action(self, word: str) -> str | None:
        return self.verbs.get(word) or self.nouns.get(word)


def _classes(lines: tuple[str, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in lines:
        name, _, words = line.partition(":")
        for word in words.split():
            table[word] = name.strip()
    return table


@functools.cache
def _words() -> _Words:
    sections = data_sections("event_words.txt")
    return _Words(
        verbs=_classes(sections["action_verbs"]),
        nouns=_classes(sections["action_nouns"]),
        different=frozenset(sections["different"]),
        stopwords=frozenset(sections["stopwords"]),
    )


@attrs.frozen
class _Frame:
    actions: frozenset[str]
    definite: bool
    different: bool
    keys: frozenset[str]


def _is_time_word(word: str) -> bool:
    lower = word.lower().rstrip(".")
    words = lexicon()
    return lower in words.months or lower in words.weekdays or lower in words.units


def _key(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return variant_key(word)


_REACH = 40  # words either side of a date that its frame reads


@functools.lru_cache(maxsize=64)
def _sentence_words(sentence: str) -> tuple[list[int], list[str]]:
    """Start offsets and texts of the words of a sentence, shared by the dates in it."""
    found = list(_WORD.finditer(sentence))
    return [m.start() for m in found], [m.group() for m in found]


def _frame(document: Document, mention: TimeMention) -> _Frame:
    sentence = mention.sentence
    if sentence is None:
        return _Frame(frozenset(), False, False, frozenset())
    table = _words()
    starts, texts = _sentence_words(sentence.text)
    # The words of the sentence, up to _REACH either side of the date: a run-on
    # "sentence" of thousands of words would otherwise be read whole for each date.
    first_after = bisect.bisect_left(starts, mention.end - sentence.start)
    last_before = bisect.bisect_left(starts, mention.start - sentence.start)
    low, high = max(0, last_before - _REACH), min(len(starts), first_after + _REACH)
    words = [(starts[i] + sentence.start, texts[i]) for i in range(low, high)]
    before = list(range(last_before - low))
    after = list(range(first_after - low, high - low))
    near = before[-_WINDOW:] + after[:_WINDOW]
    actions: set[str] = set()
    definite = different = False
    for i in near:
        word = words[i][1].lower()
        context = [words[j][1].lower() for j in range(max(0, i - 3), i)]
        marked_definite = any(w in _DEFINITE for w in context)
        if word in table.verbs:
            actions.add(table.verbs[word])
        elif word in table.nouns and marked_definite:
            actions.add(table.nouns[word])
            definite = True
        else:
            continue
        different = different or any(w in table.different for w in context)
    keys = frozenset(
        _key(word)
        for start, word in words
        if not (mention.start <= start < mention.end)
        and word.lower() not in table.stopwords
        and table.action(word.lower()) is None
        and not _is_time_word(word)
        and not word[0].isdigit()
    )
    return _Frame(frozenset(actions), definite, different, keys)


def _explicit(mention: TimeMention) -> bool:
    return mention.expression.year is not None and mention.expression.day is not None


def _names_its_event(document: Document, mention: TimeMention) -> bool:
    """True for a date used as the name of its event: "the Dec. 21, 1988, bombing"."""
    following = regex.match(r",?\s*(\p{L}+)", document.text[mention.end : mention.end + 40])
    return following is not None and following.group(1).lower() in _words().nouns


def _may_be_one_event(document: Document, first: TimeMention, second: TimeMention) -> bool:
    tenses = {first.tense, second.tense}
    if tenses >= {Tense.PAST, Tense.FUTURE}:
        return False  # one done, one still to come
    if _explicit(first) and _explicit(second):
        return False
    return not (_names_its_event(document, first) or _names_its_event(document, second))


def _clusters(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(a)] = root(b)
    return {i: root(i) for i in list(parent)}


def event_links(
    document: Document,
    mentions: Sequence[TimeMention],
    restated: Iterable[tuple[int, int]] = (),
) -> list[EventLink]:
    """Pairs of ``mentions`` (day-level ones) that date the same event in ``document``.

    ``restated`` are (earlier, later) sentence indexes of restated passages,
    as :func:`newsqa.dates.shared.restated_sentence_pairs` gives them.
    """
    dated = [m for m in mentions if m.expression.is_day and m.sentence is not None and not m.timex.is_vague]
    cluster = _clusters(restated)
    frames = {id(m): _frame(document, m) for m in dated}
    # A restated passage shares its words with the passage it restates.
    keys_by_cluster: dict[int, set[str]] = {}
    for m in dated:
        assert m.sentence is not None
        index = m.sentence.index
        keys_by_cluster.setdefault(cluster.get(index, -1 - index), set()).update(frames[id(m)].keys)
    for index in cluster:
        sentence = document.sentences[index]
        words = {_key(w) for w in _WORD.findall(sentence.text) if w.lower() not in _words().stopwords}
        keys_by_cluster.setdefault(cluster[index], set()).update(words)
    # Only mentions in one restated cluster, or sharing an action, in different sentences
    # can be linked: look those up rather than compare every pair, which grows with the
    # square of the mentions. Dated mentions are in text order, so the mentions of one
    # sentence are neighbours and ``sentence_end[i]`` is the first one past i's sentence.
    by_cluster: dict[int, list[int]] = {}
    by_action: dict[str, list[int]] = {}
    sentence_end = [0] * len(dated)
    for position, m in enumerate(dated):
        assert m.sentence is not None
        if m.sentence.index in cluster:
            by_cluster.setdefault(cluster[m.sentence.index], []).append(position)
        for action in frames[id(m)].actions:
            by_action.setdefault(action, []).append(position)
    end = len(dated)
    for position in range(len(dated) - 1, -1, -1):
        following, current = (
            dated[position + 1].sentence if position + 1 < len(dated) else None,
            dated[position].sentence,
        )
        if following is not None and current is not None and following.index != current.index:
            end = position + 1
        sentence_end[position] = end
    links: list[EventLink] = []
    for i, first in enumerate(dated):
        assert first.sentence is not None
        pools = [by_action[action] for action in frames[id(first)].actions]
        if first.sentence.index in cluster:
            pools.append(by_cluster[cluster[first.sentence.index]])
        candidates = {j for pool in pools for j in pool[bisect.bisect_left(pool, sentence_end[i]) :]}
        for second in (dated[j] for j in sorted(candidates)):
            a, b = first.sentence, second.sentence
            assert a is not None
            assert b is not None
            if a.index == b.index:
                continue
            group_a, group_b = cluster.get(a.index, -1 - a.index), cluster.get(b.index, -1 - b.index)
            if group_a == group_b:
                links.append(EventLink(first, second, "restated"))
                continue
            fa, fb = frames[id(first)], frames[id(second)]
            shared = fa.actions & fb.actions
            if not shared or fa.different or fb.different or not _may_be_one_event(document, first, second):
                continue
            keys_a = keys_by_cluster.get(group_a, set(fa.keys))
            keys_b = keys_by_cluster.get(group_b, set(fb.keys))
            if keys_a & keys_b or fa.definite or fb.definite:
                links.append(EventLink(first, second, "same action", action=sorted(shared)[0]))
    return links
