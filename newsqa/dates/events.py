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


def _frame(document: Document, mention: TimeMention) -> _Frame:
    sentence = mention.sentence
    if sentence is None:
        return _Frame(frozenset(), False, False, frozenset())
    table = _words()
    words = [(m.start() + sentence.start, m.group()) for m in _WORD.finditer(sentence.text)]
    before = [i for i, (start, _) in enumerate(words) if start < mention.start]
    after = [i for i, (start, _) in enumerate(words) if start >= mention.end]
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
    links: list[EventLink] = []
    for i, first in enumerate(dated):
        for second in dated[i + 1 :]:
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
