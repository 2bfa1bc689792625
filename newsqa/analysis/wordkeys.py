"""Comparison keys for words: what two sentences must share to say the same thing.

Two keys per word. The *surface* key ignores case and the shape of quote marks
and apostrophes, and nothing else: two sentences with equal surface keys are
word for word the same. The *content* key also folds spelling variants
(defence = defense, by :func:`~newsqa.analysis.variants.variant_key`),
inflections (signed = signs = sign, by the Snowball English stemmer), numbers
written as words (two = 2) and the synonyms of ``newsqa/data/synonyms.txt``
(pact = deal = agreement); function words
(``newsqa/data/function_words.txt``) have none, as sharing them says nothing.
"""

from __future__ import annotations

import functools

import regex
import snowballstemmer

from newsqa.analysis import WORD_CACHE
from newsqa.analysis.variants import variant_key
from newsqa.resources import data_lines

__all__ = ["content_key", "surface_key"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})
_ORDINAL = regex.compile(r"^(\d+)(?:st|nd|rd|th)$")
_NUMBER = regex.compile(r"^(\d+(?:[.,]\d+)*)([a-z]*)$")
_THOUSANDS_COMMA = regex.compile(r"(?<=\d),(?=\d{3}\b)")
# Unit suffixes written onto a number: 1.76bn = 1.76 billion, 5m, 10km, 3pm.
_NUMBER_SUFFIXES = {"bn": "billion", "m": "million", "k": "thousand", "pc": "percent"}
_NUMBER_WORDS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
    "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
}  # fmt: skip


@functools.cache
def function_words() -> frozenset[str]:
    """English function words and the commonest reporting verbs, in lower case."""
    return frozenset(data_lines("function_words.txt"))


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    stemmer = snowballstemmer.stemmer("english")
    # PyStemmer keeps 10,000 words of its own, filled slowly by a long batch; content_key's
    # bounded cache already holds the stems worth keeping.
    if hasattr(stemmer, "maxCacheSize"):
        stemmer.maxCacheSize = 0
    return stemmer


def _stem(word: str) -> str:
    stem: str = _stemmer().stemWord(word)
    return stem


@functools.cache
def _synonyms() -> dict[str, str]:
    """Stem of each listed word -> stem of the first word of its group."""
    table: dict[str, str] = {}
    for line in data_lines("synonyms.txt"):
        stems = [_stem(_base(word)) for word in line.split()]
        head = table.get(stems[0], stems[0])
        for stem in stems:
            table.setdefault(stem, head)
    return table


def _number_key(number: str) -> str:
    """1,000 -> 1000; 25th -> 25; 1.76bn -> 1.76 (the unit is a word of its own elsewhere)."""
    ordinal = _ORDINAL.match(number)
    if ordinal:
        return ordinal.group(1)
    match = _NUMBER.match(number)
    if match is None:
        return number
    digits, suffix = match.groups()
    digits = _THOUSANDS_COMMA.sub("", digits)
    return digits if suffix in _NUMBER_SUFFIXES or suffix in ("st", "nd", "rd", "th", "") else number


def _base(word: str) -> str:
    """The lower-case word with its spelling variant folded to its family's (defence -> defense)."""
    return variant_key(word) or word


@functools.lru_cache(maxsize=WORD_CACHE)
def surface_key(word: str) -> str:
    """The word with case, quote-mark and hyphen shapes ignored."""
    # Every mark _APOSTROPHES replaces is outside ASCII, and most words are ASCII throughout.
    return (word if word.isascii() else word.translate(_APOSTROPHES)).casefold()


@functools.lru_cache(maxsize=WORD_CACHE)
def content_key(word: str) -> str | None:
    """The key under which two words count as the same content, or None for function words."""
    plain = word if word.isascii() else word.translate(_APOSTROPHES)
    lower = plain.casefold()
    if lower in function_words():
        # US, IT, WHO: an acronym that spells a function word is a name.
        return plain if plain.isupper() and len(plain) > 1 else None
    if lower[:1].isdigit():
        return _number_key(lower)
    # The possessive ending, "'s" or a bare "'" (tokens hold no line break for "$" to stop before).
    lower = lower[:-2] if lower.endswith("'s") else lower.removesuffix("'")
    if lower in _NUMBER_WORDS:
        return _NUMBER_WORDS[lower]
    if not lower or lower == "one":
        return None
    stem = _stem(_base(lower))
    return _synonyms().get(stem, stem)
