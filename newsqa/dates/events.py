"""Which dated mentions report the same event.

Two day-level mentions in different sentences are taken to date the same
event when

* their sentences restate each other (the repetition analysis pairs them), or
* the words next to them name the same kind of action ("inked", "signed",
  "agreed": an agreement) and the same stage of it, if any ("began",
  "continued"), and either the two passages share a participant or topic
  word, or one of them refers to the event as already told of ("the pact").

They are kept apart when one is told as done and the other as still to come,
when a word such as "another" or "previous" marks a different event of the
same kind, when both give their year in full (the writer dated each one on
purpose), or when a date names its event ("the Aug. 7, 1998, bombings").
Mentions in one sentence are never paired: a sentence that gives two days
gives them for two things. A mention is compared by its action with the next
sixteen mentions naming that action, not with all of them: real articles name
an action beside two dated mentions at most, and a list of hundreds of
signings is then checked in time that grows with its length.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs
import regex

from newsqa.analysis import WORD_CACHE
from newsqa.dates.analysis import TimeMention
from newsqa.dates.lexicon import lexicon
from newsqa.dates.shared import variant_key
from newsqa.dates.tense import Tense
from newsqa.document import Document
from newsqa.resources import data_sections

__all__ = ["EventLink", "event_links"]

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*")
_WORD_AFTER = regex.compile(r",?\s*(\p{L}+)")
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
    phases: dict[str, str]
    relations: frozenset[str]
    reactions: frozenset[str]
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
        phases=_classes(sections["phases"]),
        relations=frozenset(sections["relations"]),
        reactions=frozenset(word for line in sections["reactions"] for word in line.split()),
        different=frozenset(sections["different"]),
        stopwords=frozenset(sections["stopwords"]),
    )


class _Actions(NamedTuple):
    """What the words next to a dated mention say of its event."""

    actions: frozenset[str]
    definite: bool
    different: bool
    phases: frozenset[str]


@attrs.frozen
class _Frame:
    """All the words next to a dated mention say of its event, its participants and topic too."""

    actions: frozenset[str]
    definite: bool
    different: bool
    phases: frozenset[str]
    keys: frozenset[str]


def _is_time_word(word: str) -> bool:
    lower = word.lower().rstrip(".")
    words = lexicon()
    return lower in words.months or lower in words.weekdays or lower in words.units


@functools.lru_cache(maxsize=WORD_CACHE)
def _key(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return variant_key(word)


_REACH = 40  # words either side of a date that its frame reads
# A dated mention is compared, for each action it names, with the next this many mentions
# naming that action. Real articles name one action beside two dated mentions at most;
# a text naming it beside hundreds (a list of signings) would otherwise have every mention
# compared with every other, a cost that grows with the square of their number.
_SAME_ACTION_REACH = 16


@functools.lru_cache(maxsize=64)
def _sentence_words(sentence: str) -> tuple[list[int], list[str]]:
    """Start offsets and texts of the words of a sentence, shared by the dates in it."""
    found = list(_WORD.finditer(sentence))
    return [m.start() for m in found], [m.group() for m in found]


def _frame(document: Document, mention: TimeMention) -> _Frame:
    return _Frame(*_frame_actions(mention), _frame_keys(mention))


def _nearby_words(mention: TimeMention) -> tuple[list[tuple[int, str]], int, int]:
    """The words of the mention's sentence up to _REACH either side of it, and where it stands among them.

    A run-on "sentence" of thousands of words would otherwise be read whole for each date.
    Returns (offset, word) pairs, the number of words before the mention and the index of
    the first word after it.
    """
    sentence = mention.sentence
    assert sentence is not None
    starts, texts = _sentence_words(sentence.text)
    first_after = bisect.bisect_left(starts, mention.end - sentence.start)
    last_before = bisect.bisect_left(starts, mention.start - sentence.start)
    low, high = max(0, last_before - _REACH), min(len(starts), first_after + _REACH)
    words = [(starts[i] + sentence.start, texts[i]) for i in range(low, high)]
    return words, last_before - low, first_after - low


def _frame_actions(mention: TimeMention) -> _Actions:
    """The action classes named near the mention, whether one is definite or marked different, and its stages."""
    sentence = mention.sentence
    if sentence is None:
        return _Actions(frozenset(), False, False, frozenset())
    table = _words()
    starts, texts = _sentence_words(sentence.text)
    first_after = bisect.bisect_left(starts, mention.end - sentence.start)
    last_before = bisect.bisect_left(starts, mention.start - sentence.start)
    # _WINDOW words either side, each read with the three words before it, within _REACH words.
    low = max(0, last_before - _REACH)
    near = [*range(max(low, last_before - _WINDOW), last_before)]
    near += range(first_after, min(len(starts), first_after + _REACH, first_after + _WINDOW))
    actions: set[str] = set()
    named: set[str] = set()  # by a noun: "the pact"
    phases: set[str] = set()
    different = reaction = False
    for i in near:
        word = texts[i].lower()
        if word in table.relations and i >= first_after:
            break  # "rose on Tuesday after the attack": what follows is not the date's
        if word in table.phases:
            phases.add(table.phases[word])
            continue
        reaction = reaction or word in table.reactions
        context = [texts[j].lower() for j in range(max(low, i - 3), i)]
        if word in table.verbs:
            actions.add(table.verbs[word])
        elif word in table.nouns and any(w in _DEFINITE for w in context):
            named.add(table.nouns[word])
        else:
            continue
        different = different or any(w in table.different for w in context)
    if reaction:
        named.clear()  # "the ruling was appealed on Friday": the date is the appeal's
    return _Actions(frozenset(actions | named), bool(named), different, frozenset(phases))


def _frame_keys(mention: TimeMention) -> frozenset[str]:
    """The participant and topic words near the mention (keys folded through :func:`_key`)."""
    if mention.sentence is None:
        return frozenset()
    table = _words()
    words, _, _ = _nearby_words(mention)
    return frozenset(
        _key(word)
        for start, word in words
        if not (mention.start <= start < mention.end)
        and word.lower() not in table.stopwords
        and table.action(word.lower()) is None
        and not _is_time_word(word)
        and not word[0].isdigit()
    )


def _explicit(mention: TimeMention) -> bool:
    return mention.expression.year is not None and mention.expression.day is not None


def _names_its_event(document: Document, mention: TimeMention) -> bool:
    """True for a date used as the name of its event: "the Dec. 21, 1988, bombing", "the Tuesday meeting".

    A comma comes between only after a year: "on Tuesday, meeting the president" is a
    clause of its own.
    """
    following = _WORD_AFTER.match(document.text[mention.end : mention.end + 40])
    if following is None or (following.group().startswith(",") and mention.expression.year is None):
        return False
    return following.group(1).lower() in _words().nouns


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
    dated, pairs = linked_pairs(document, mentions, restated)
    return [EventLink(dated[i], dated[j], reason, action) for i, j, reason, action in pairs]


Pair = tuple[int, int, str, "str | None"]


def linked_pairs(
    document: Document,
    mentions: Sequence[TimeMention],
    restated: Iterable[tuple[int, int]] = (),
) -> tuple[list[TimeMention], list[Pair]]:
    """The day-level mentions and the links between them, as (i, j, reason, action) positions among them.

    The links and their order are those of :func:`event_links`; positions spare a
    caller that only filters them the cost of building a link object for each.
    """
    dated = [m for m in mentions if m.expression.is_day and m.sentence is not None and not m.timex.is_vague]
    restated = list(restated)
    cluster = _clusters(restated)
    # A restatement links only the two sentences it pairs, never a chain of them.
    partners: dict[int, set[int]] = {}
    for a, b in restated:
        if a != b:
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)
    sentence_of = [m.sentence.index for m in dated if m.sentence is not None]
    group = [cluster.get(index, -1 - index) for index in sentence_of]
    frames = [_frame_actions(m) for m in dated]
    # Only mentions in one restated cluster, or sharing an action, in different sentences
    # can be linked: look those up rather than compare every pair, which grows with the
    # square of the mentions. Dated mentions are in text order, so the mentions of one
    # sentence are neighbours and ``sentence_end[i]`` is the first one past i's sentence.
    by_sentence: dict[int, list[int]] = {}
    by_action: dict[str, list[int]] = {}
    members: dict[int, list[int]] = {}
    for position, index in enumerate(sentence_of):
        by_sentence.setdefault(index, []).append(position)
        for action in frames[position].actions:
            by_action.setdefault(action, []).append(position)
        members.setdefault(group[position], []).append(position)
    sentence_end = [0] * len(dated)
    end = len(dated)
    for position in range(len(dated) - 1, -1, -1):
        if position + 1 < len(dated) and sentence_of[position + 1] != sentence_of[position]:
            end = position + 1
        sentence_end[position] = end
    group_keys: dict[int, set[str]] = {}

    def keys_of(g: int) -> set[str]:
        # The words of a group (a restated cluster, or one sentence), read only when two
        # mentions of the same action in different groups need them: a restated passage
        # shares its words with the passage it restates.
        if g not in group_keys:
            keys: set[str] = set()
            for position in members[g]:
                keys.update(_frame_keys(dated[position]))
            if g >= 0:
                if not cluster_sentences:
                    for index, root in cluster.items():
                        cluster_sentences.setdefault(root, []).append(index)
                for index in cluster_sentences[g]:
                    sentence = document.sentences[index]
                    keys.update(_key(w) for w in _WORD.findall(sentence.text) if w.lower() not in _words().stopwords)
            group_keys[g] = keys
        return group_keys[g]

    cluster_sentences: dict[int, list[int]] = {}
    pairs: list[Pair] = []
    texts = [m.expression.text.casefold() for m in dated]

    def counterparts(i: int, j: int) -> bool:
        # A restated sentence tells its dates again: when either of the two mentions has its
        # own words in the other sentence ("on Sunday" and "on Sunday"), that is its pair,
        # not this one ("Do They Know It's Christmas?" beside the first "Sunday").
        if texts[i] == texts[j]:
            return True
        return not any(texts[k] == texts[i] for k in by_sentence[sentence_of[j]] if k != j) and not any(
            texts[k] == texts[j] for k in by_sentence[sentence_of[i]] if k != i
        )

    for i in range(len(dated)):
        after = sentence_end[i]
        actions = frames[i].actions
        restated_with = sorted(
            j
            for other in partners.get(sentence_of[i], ())
            for j in by_sentence.get(other, ())
            if j >= after and counterparts(i, j)
        )
        if not actions:
            pairs.extend((i, j, "restated", None) for j in restated_with)
            continue
        pools: list[Sequence[int]] = [by_action[action] for action in actions]
        candidates: set[int] = set()
        for pool in pools:
            first = bisect.bisect_left(pool, after)
            candidates.update(pool[first : first + _SAME_ACTION_REACH])
        candidates.update(restated_with)
        direct = set(restated_with)
        for j in sorted(candidates):
            if j in direct:
                pairs.append((i, j, "restated", None))
                continue
            shared = actions & frames[j].actions
            if (
                not shared
                or frames[i].different
                or frames[j].different
                or frames[i].phases != frames[j].phases
                or not _may_be_one_event(document, dated[i], dated[j])
            ):
                continue
            if frames[i].definite or frames[j].definite or _same_participants(keys_of(group[i]), keys_of(group[j])):
                pairs.append((i, j, "same action", sorted(shared)[0]))
    return dated, pairs


def _same_participants(first: set[str], second: set[str]) -> bool:
    """Whether two passages naming one action tell of the same participants and topic.

    One word in common is not enough when each passage also names someone the other
    does not: "the minister met the president on Monday" and "the minister met the king
    on Tuesday" are two meetings. Two words in common are, and so is one when either
    passage names nothing the other does not ("on Tuesday the leaders met").
    """
    common = first & second
    return len(common) >= 2 or (len(common) == 1 and (first <= second or second <= first))
