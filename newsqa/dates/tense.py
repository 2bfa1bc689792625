"""The tense of the clause around a time expression.

Resolution needs it: "on Wednesday" told in the past is the last Wednesday on
or before publication, told in the future the next one. The tense is read
from the verb words nearest the expression in its sentence: future markers
("will", "is expected to"), past auxiliaries and past forms ("had",
"signed", "inked"), present auxiliaries ("is"). A past participle after
"will be" or "to be" belongs to the future.
"""

from __future__ import annotations

import bisect
import enum
import functools

import attrs
import regex

from newsqa.analysis.wordkeys import function_words
from newsqa.resources import data_sections

__all__ = ["Tense", "clause_tense", "verb_tense"]

_WORD = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)?|['’](?:ll|d|ve)\b|[;:—–,]")
_CLAUSE_END = frozenset(";:—–")
# Words ending in -ed that are not past forms.
_NOT_PAST = frozenset(
    [
        "need",
        "needed",
        "speed",
        "seed",
        "feed",
        "bed",
        "red",
        "shed",
        "bleed",
        "breed",
        "deed",
        "greed",
        "hundred",
        "united",
        "limited",
        "based",
        "indeed",
        "proceed",
        "exceed",
        "succeed",
        "weed",
        "reed",
        "steed",
        "embed",
        "alleged",
        "so-called",
        "naked",
        "wicked",
        "sacred",
        "kindred",
        "hatred",
        "rugged",
        "ragged",
        "beloved",
        "learned",
        "aged",
    ]
)
_BE = frozenset(["be", "been", "being"])
_BE_FORMS = frozenset(["is", "are", "was", "were", "am", "be", "been"])
_HAVE = frozenset(["has", "have", "'ve", "’ve"])
_PAST_AUXILIARIES = frozenset(["had", "hadn't", "hadn’t", "was", "were", "wasn't", "wasn’t", "weren't", "weren’t"])


def _participle(word: str, table: _Words) -> bool:
    return word in table.irregular or (len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST)


_TO_FUTURE = frozenset(["set", "going", "due", "about", "is", "are", "was", "were"])


class Tense(str, enum.Enum):
    """The time of a clause relative to its telling."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class _Words:
    future: frozenset[str]
    future_with_to: frozenset[str]
    adverbs: frozenset[str]
    past: frozenset[str]
    present: frozenset[str]
    irregular: frozenset[str]
    future_prepositions: frozenset[str]
    past_prepositions: frozenset[str]
    reporting: frozenset[str]
    attribution_tail: frozenset[str]
    future_phrases: tuple[list[str], ...]  # the future prepositions of more than one word
    markers: frozenset[str]  # every word that may tell a tense, but the regular pasts in -ed


@functools.cache
def _words() -> _Words:
    s = data_sections("tense_words.txt")
    markers = _TO_FUTURE | _BE_FORMS
    for section in ("future", "future_with_to", "past", "present", "irregular_past"):
        markers |= frozenset(s[section])
    return _Words(
        markers=markers,
        future=frozenset(s["future"]),
        future_with_to=frozenset(s["future_with_to"]),
        adverbs=frozenset(s["adverbs"]),
        future_prepositions=frozenset(s["future_prepositions"]),
        past_prepositions=frozenset(s["past_prepositions"]),
        past=frozenset(s["past"]),
        present=frozenset(s["present"]),
        irregular=frozenset(s["irregular_past"]),
        reporting=frozenset(s["reporting"]),
        attribution_tail=frozenset(s["attribution_tail"]),
        future_phrases=tuple(phrase.split() for phrase in s["future_prepositions"] if " " in phrase),
    )


def _marker(words: list[str], index: int, table: _Words) -> Tense | None:
    word = words[index].lower().replace("’", "'")
    # Most words tell no tense: settled before the word after them is read.
    if word not in table.markers and not word.endswith("ed"):
        return None
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    if (word in _TO_FUTURE or word in table.future_with_to) and following == "to":
        return Tense.FUTURE
    if word in _BE_FORMS and (following in table.future or following in ("planning", "going", "set", "due")):
        return Tense.FUTURE  # "were planning to", "is scheduled to"
    if word in table.future and word not in ("due", "set"):
        return Tense.FUTURE
    if word in table.present:
        return Tense.PRESENT
    if word in table.past:
        if word in _HAVE and not (following in _BE or _participle(following, table)):
            return Tense.PRESENT  # "the bank has an option": possession, not the perfect
        return Tense.PAST
    if word in table.irregular or (
        len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST and words[index][0].islower()
    ):
        # "will be signed", "to be signed": a participle in a future clause. Only through "be":
        # in "according to unconfirmed reports" the "to" is a preposition.
        passive = False
        for back in range(index - 1, max(index - 4, -1), -1):
            previous = words[back].lower().replace("’", "'")
            if previous in _BE or previous in table.adverbs:
                passive = passive or previous in _BE
                continue
            if passive and (previous in ("will", "'ll", "shall", "would", "to") or previous in table.future):
                return Tense.FUTURE
            if previous in ("is", "are", "am"):
                return Tense.PRESENT  # "when the case is heard in May"
            break
        return Tense.PAST
    return None


_CLAUSE_REACH = 40  # words either side of a date


@functools.lru_cache(maxsize=64)
def _tokens(sentence: str) -> tuple[list[int], list[int], list[str], dict[int, Tense | None]]:
    """Start offsets, end offsets and texts of the words of a sentence, and the tense markers read so far.

    All are shared by the sentence's mentions: a word's marker depends on the words
    around it only, so it is read once however many dates look at it.
    """
    tokens = list(_WORD.finditer(sentence))
    # The match methods mapped in C rather than called from Python once a word.
    return (
        list(map(regex.Match.start, tokens)),
        list(map(regex.Match.end, tokens)),
        list(map(regex.Match.group, tokens)),
        {},
    )


def clause_tense(sentence: str, start: int, end: int) -> Tense | None:
    """The tense of the clause in ``sentence`` around ``sentence[start:end]``, or None when no verb tells.

    Offsets are relative to ``sentence``. The nearest tense marker wins, looked
    for first between the commas around the expression and then in the whole
    clause (``;``, ``:`` and dashes end it), leaving out a closing attribution
    (", organisers said"). A preposition that sets a limit or an earliest time
    ("by May", "effective Feb. 1", "as soon as Tuesday") makes it future, "since" past.
    """
    table = _words()
    starts, ends, words, markers = _tokens(sentence)
    # A clause never runs further than this from its date: in a run-on "sentence" of
    # thousands of words, reading all of it for every date would grow with its square.
    first_after = bisect.bisect_left(starts, end)
    last_before = bisect.bisect_right(ends, start)
    before = list(range(max(0, last_before - _CLAUSE_REACH), last_before))
    # A closing attribution after the date (", organisers said") is left out of its clause.
    attribution = _attribution(sentence)
    clause_end = attribution if attribution is not None and attribution >= first_after else len(words)
    after = list(range(first_after, min(clause_end, first_after + _CLAUSE_REACH)))
    preposition = words[before[-1]].lower() if before else ""
    if preposition in table.future_prepositions or any(
        len(before) >= len(phrase) and [words[i].lower() for i in before[-len(phrase) :]] == phrase
        for phrase in table.future_phrases
    ):
        # "by May", "postponed until Tuesday": a limit still ahead, unless the clause looks back
        # from the past ("had filed by Wednesday").
        if any(words[i].lower() in _PAST_AUXILIARIES for i in before[-8:] + after[:8]):
            return Tense.PAST
        return Tense.FUTURE
    if preposition in table.past_prepositions:
        return Tense.PAST
    for stops in (_CLAUSE_END | {","}, _CLAUSE_END):
        tense = _nearest(words, before, after, stops, table, markers)
        if tense is not None:
            return tense
    return None


# Words a verb may stand before "on" and its date: "broke out on", "died in hospital on".
_VERB_REACH = 3


def verb_tense(sentence: str, start: int) -> Tense | None:
    """The tense of a verb right before ``sentence[start:]``, or None when none stands there.

    Only the few words before the expression (and an "on" or "in" before it) are read,
    up to a comma or a clause break: "broke out on 26 July" and "resigned on
    Thursday" are past, "will be held on 20 July" is future, while "invited the
    ministers to a ceremony in Independence on March 12" has no verb there.
    """
    table = _words()
    _, ends, words, markers = _tokens(sentence)
    index = bisect.bisect_right(ends, start) - 1
    if index >= 0 and words[index].lower() in ("on", "in"):
        index -= 1
    for back in range(index, max(index - _VERB_REACH - 1, -1), -1):
        if words[back] == "," or words[back] in _CLAUSE_END:
            return None
        tense = markers[back] if back in markers else markers.setdefault(back, _marker(words, back, table))
        if tense is None:
            continue
        # A form in -ed before a noun is an adjective more often than a verb ("preferred shares").
        word = words[back].lower()
        following = words[back + 1].lower() if back < index else ""
        if back < index and word.endswith("ed") and following not in function_words():
            continue
        # "completion expected in 2025", "the report, planned for 30 July": a participle that
        # looks ahead, which tells no tense of the date.
        if word in table.future_with_to and word.endswith("ed"):
            return None
        return tense
    return None


# A closing attribution is short: ", a spokesman for the regional council said in a statement."
_ATTRIBUTION_WORDS = 10


@functools.lru_cache(maxsize=64)
def _attribution(sentence: str) -> int | None:
    """The index among the sentence's words of the comma before its closing attribution, if it ends in one."""
    return _closing_attribution(_tokens(sentence)[2], _words())


def _closing_attribution(words: list[str], table: _Words) -> int | None:
    """The index of the comma before a closing attribution (", organisers said."), if the words end in one.

    ", the council said in a statement", ", she told reporters" and ", said
    Jane Doe, the council's leader" are attributions; ", the minister said the
    deal would be signed" is a clause of its own, and so is ", the two
    governments announced closer ties".
    """
    # Only the last words can hold one: a run-on sentence is not read back to its date for
    # every date in it. Its words are in lower case: no verb there, no attribution.
    last = words[-_ATTRIBUTION_WORDS - 1 :]
    if table.reporting.isdisjoint(last):
        return None
    for back in range(len(last) - 1, -1, -1):
        if last[back] in _CLAUSE_END:
            return None
        if last[back] != ",":
            continue
        tail = last[back + 1 :]
        verbs = [i for i, word in enumerate(tail) if word in table.reporting]
        if not verbs:
            continue  # ", a spokesman for the council": the attribution may start a comma earlier
        verb, rest = tail[verbs[-1]], tail[verbs[-1] + 1 :]
        closing = (
            not rest
            or verbs[-1] == 0  # ", said Jane Doe": the verb before its speaker
            or rest[0] in table.attribution_tail
            or verb == "according"
            or (verb in ("told", "tells") and len(rest) <= 2)
        )
        return len(words) - len(last) + back if closing else None
    return None


def _nearest(
    words: list[str],
    before: list[int],
    after: list[int],
    stops: frozenset[str],
    table: _Words,
    markers: dict[int, Tense | None],
) -> Tense | None:
    best: tuple[int, Tense] | None = None
    distance = 0
    for index in reversed(before):
        if words[index] in stops:
            break
        if words[index] == ",":
            continue
        distance += 1
        tense = markers[index] if index in markers else markers.setdefault(index, _marker(words, index, table))
        if tense is not None:
            best = (distance, tense)
            break
    distance = 0
    for index in after:
        if words[index] in stops or (best is not None and distance >= best[0]):
            break
        if words[index] == ",":
            continue
        distance += 1
        tense = markers[index] if index in markers else markers.setdefault(index, _marker(words, index, table))
        if tense is Tense.FUTURE and words[index].lower().endswith("ed") and words[index + 1 : index + 2] == ["to"]:
            # "On Friday, the government planned to pay": the date is when the plan was made.
            tense = Tense.PAST
        if tense is not None:
            best = (distance, tense)
            break
    return best[1] if best else None
