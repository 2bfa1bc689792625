"""Countries and their adjectives (Germany: German), from ``newsqa/data/nationalities.tsv``."""

from __future__ import annotations

import functools

from newsqa.resources import data_lines

__all__ = ["adjective_of", "country_of", "nationality_words"]


@functools.cache
def _countries() -> dict[str, str]:
    countries: dict[str, str] = {}
    for line in data_lines("nationalities.tsv"):
        country, adjective = line.split("\t")
        countries[country] = adjective
    return countries


@functools.cache
def _adjectives() -> dict[str, str]:
    return {adjective: country for country, adjective in _countries().items()}


def adjective_of(country: str) -> str | None:
    """The adjective of a country name (``"Germany"`` -> ``"German"``), else ``None``."""
    return _countries().get(country)


def country_of(adjective: str) -> str | None:
    """The country of an adjective (``"German"`` -> ``"Germany"``), else ``None``."""
    return _adjectives().get(adjective)


@functools.cache
def nationality_words() -> frozenset[str]:
    """Every country name and adjective in the table."""
    return frozenset(_countries()) | frozenset(_adjectives())
