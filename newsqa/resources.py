"""Reading the data files shipped in ``newsqa/data`` (word lists, gazetteers, tables)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["data_json", "data_lines", "data_sections", "data_text"]


@functools.cache
def data_text(name: str) -> str:
    """The text of ``newsqa/data/<name>``."""
    return resources.files("newsqa").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of a data file, with ``#`` comment lines dropped and spaces trimmed."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.cache
def data_sections(name: str) -> dict[str, tuple[str, ...]]:
    """Lines of a data file grouped under ``[section]`` headers."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for line in data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return {key: tuple(value) for key, value in sections.items() if value}


@functools.cache
def data_json(name: str) -> Any:
    """A JSON data file, parsed."""
    return json.loads(data_text(name))
