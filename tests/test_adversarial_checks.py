"""Adversarial inputs for every check and every regular expression in newsqa.

Two bounds on input size, never on seconds:

* every registered check (grammar aside: its engine is a server with its own
  limits) runs on inputs of about 100,000 characters built to make scans and
  patterns work hardest. Linear code takes well under a second on each; a
  quadratic pass would take minutes and an exponential one would never end;
* every regular expression in the package, found both in the source (each
  pattern written as a literal in a call to ``re`` or ``regex``) and at run
  time (patterns compiled from data files, such as the date patterns), is run
  over 2,000-character inputs with ``finditer``: catastrophic backtracking does
  not finish even on that, while a pattern that is merely quadratic when run
  over a whole text (some only ever run on short windows) still does.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from test_adversarial import ADVERSARIAL

import newsqa
from newsqa import Config, Document

SIZE = 100_000
EXTRA = {
    "thousands separators": "1," * (SIZE // 2),
    "numeric dates": "12/12/" * (SIZE // 6),
    "clock times": "10:30 a.m. " * (SIZE // 11),
    "month names": "March " * (SIZE // 6),
    "weekdays with on": "on Monday " * (SIZE // 10),
    "years": "1999 " * (SIZE // 5),
    "ordinals": "25th " * (SIZE // 5),
    "acronyms": "NATO Nato " * (SIZE // 10),
    "capitalised words": "Pistorius Pistorious " * (SIZE // 21),
    "possessives": "Britain’s " * (SIZE // 10),
    "compound hyphens": "co-" * (SIZE // 3) + "operate",
    "open compounds": "per cent " * (SIZE // 9),
    "combining marks": "a\u0301" * (SIZE // 2),
    "emoji and flags": "😀🇬🇧 " * (SIZE // 4),
    "right to left": "\u05d0\u05d1 \u0627\u0644 \u202e" * (SIZE // 7),
    "control characters": "\x00\x07\x1b" * (SIZE // 3),
    "line separators": "a\u2028" * (SIZE // 2),
    "crlf lines": "Word.\r\n" * (SIZE // 7),
    "blank lines": "\n" * SIZE,
    "markup characters": "<[*_`#>" * (SIZE // 7),
    "repeated sentence": "The council approved the budget on Monday. " * (SIZE // 43),
    "repeated quotation": "“We will act,” she said. " * (SIZE // 25),
    "spelling variants": "The defence budget rose. The defense budget fell. " * (SIZE // 50),
    # One action dated on two days, over and over: every mention could be linked with every other.
    "one action on two days": "They signed the deal on Monday. They signed the deal on Tuesday. " * (SIZE // 64),
}
INPUTS = {**ADVERSARIAL, **EXTRA}
CHECKS = sorted(name for name in newsqa.registered_checks() if name != "grammar")


@pytest.fixture(scope="module")
def checks() -> Iterator[dict[str, newsqa.Check]]:
    # The checks themselves rather than a Checker: an exception then fails the test with
    # its traceback instead of being recorded in the report.
    made = {name: cls(Config()) for name, cls in newsqa.registered_checks().items() if name in CHECKS}
    yield made
    for check in made.values():
        check.close()


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_every_check_runs_through_adversarial_text(name: str, checks: dict[str, newsqa.Check]) -> None:
    text = INPUTS[name]
    for published in (dt.date(2024, 7, 24), None):
        document = Document(text, published=published)
        for check in checks.values():
            result = check.run(document)
            for finding in result.findings:
                assert text[finding.span.start : finding.span.end] == finding.span.text


# -- every regular expression ------------------------------------------------------------

_ENGINES = {"re": re, "regex": regex}
_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
# Where the flags argument sits among the positional arguments of each function.
_FLAGS_AT = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "finditer": 2, "findall": 2, "split": 3}


def _modules() -> list[str]:
    package = Path(newsqa.__file__).parent
    return sorted(
        "newsqa." + ".".join(path.relative_to(package).with_suffix("").parts)
        for path in package.rglob("*.py")
        if path.name != "__main__.py"
    )


def _literal_patterns() -> Iterator[tuple[str, Any]]:
    """Every pattern written as a string literal in a call to ``re.*`` or ``regex.*``, compiled as there."""
    package = Path(newsqa.__file__).parent
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in _ENGINES
                and node.func.attr in _CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            engine = _ENGINES[node.func.value.id]
            flags_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
            position = _FLAGS_AT.get(node.func.attr)
            if flags_node is None and position is not None and len(node.args) > position:
                flags_node = node.args[position]
            flags = eval(ast.unparse(flags_node), dict(_ENGINES)) if flags_node is not None else 0
            where = f"{path.relative_to(package.parent)}:{node.lineno}"
            yield where, engine.compile(node.args[0].value, flags)


def _compiled(value: Any, depth: int = 0) -> Iterator[Any]:
    """Compiled patterns in ``value``, looking into containers and plain objects a few levels deep."""
    if isinstance(value, (re.Pattern, regex.Pattern)):
        yield value
    elif depth < 4 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _compiled(item, depth + 1)
    elif depth < 4 and isinstance(value, dict):
        for item in value.values():
            yield from _compiled(item, depth + 1)
    elif depth < 4 and type(value).__module__.startswith("newsqa."):
        slots = [name for cls in type(value).__mro__ for name in getattr(cls, "__slots__", ())]
        fields = {**getattr(value, "__dict__", {}), **{n: getattr(value, n, None) for n in slots}}
        for item in fields.values():
            yield from _compiled(item, depth + 1)


def _runtime_patterns() -> Iterator[tuple[str, Any]]:
    """Patterns held by modules, including those compiled from data files (the date extractor's)."""
    from newsqa.dates.extract import _extractor

    holders: list[tuple[str, Any]] = [(module, importlib.import_module(module)) for module in _modules()]
    holders.append(("newsqa.dates.extract._extractor()", _extractor()))
    for name, holder in holders:
        values = vars(holder).items() if hasattr(holder, "__name__") and name == holder.__name__ else [("", holder)]
        for attribute, value in values:
            for index, pattern in enumerate(_compiled(value)):
                yield f"{name}.{attribute}[{index}]", pattern


def _all_patterns() -> dict[str, Any]:
    found: dict[str, Any] = {}
    seen: set[tuple[str, int, str]] = set()
    for where, pattern in (*_literal_patterns(), *_runtime_patterns()):
        key = (
            pattern.pattern if isinstance(pattern.pattern, str) else repr(pattern.pattern),
            pattern.flags,
            type(pattern).__module__,
        )
        if key not in seen:
            seen.add(key)
            found[where] = pattern
    return found


PATTERNS = _all_patterns()
SHORT = {name: text[:2_000] for name, text in INPUTS.items()}


def test_patterns_are_found() -> None:
    # The collector must see the package's patterns, or the test below proves nothing.
    assert len(PATTERNS) > 50
    assert any("dates/extract.py" in where for where in PATTERNS)
    assert any("_extractor()" in where for where in PATTERNS)


@pytest.mark.parametrize("where", sorted(PATTERNS))
def test_no_pattern_backtracks_catastrophically(where: str) -> None:
    pattern = PATTERNS[where]
    for text in SHORT.values():
        for match in pattern.finditer(text):
            assert match.start() <= match.end()
