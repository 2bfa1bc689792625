"""The parts of the documentation generated from newsqa itself, as reStructuredText.

This module needs newsqa but not Sphinx, so the test suite can check what the
documentation will say (every rule in the catalogue, every field of the report
schema) without building the site. The Sphinx extension (``newsqa_sphinx``)
parses the text it returns.

Every rule gets a section labelled with its code (``:ref:`NQ201```), what it
flags and why, and a doctest that runs its flagged example (which must produce
the rule's code) and its fixed example (which must not), so the catalogue
cannot drift from the checks.
"""

from __future__ import annotations

import inspect
import json
import sys
import textwrap
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

from newsqa.config import Config
from newsqa.registry import Check, Rule, registered_checks
from newsqa.report import Finding

__all__ = [
    "CONFIG_KEYS",
    "catalogue",
    "check_section",
    "config_default",
    "doctest_lines",
    "option_table",
    "plain_rst",
    "render_finding",
    "rule_section",
    "rules_by_code",
    "schema_fields",
    "string_literal",
    "toml_value",
    "write_inventories",
]

#: The top-level keys of a config file: the :class:`newsqa.Config` fields a file may set.
CONFIG_KEYS = tuple(field.name for field in attrs.fields(Config) if field.name not in ("checks", "source"))

_EXCERPT_WIDTH = 72
_LINE_BREAKS = "\r\n\u2028\u2029"
_CHECK_UNDERLINE = "-"
_RULE_UNDERLINE = "~"


def rules_by_code() -> dict[str, tuple[type[Check], Rule]]:
    """Every registered rule by its code, with the check that owns it."""
    return {rule.code: (check, rule) for check in registered_checks().values() for rule in check.rules}


def toml_value(value: Any) -> str:
    """A value as it is written in ``newsqa.toml``; ``None`` (no value) as ``(not set)``."""
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(toml_value(item) for item in items) + "]"
    return repr(value)


def config_default(key: str) -> Any:
    """The default of a top-level config key."""
    return getattr(Config(), key)


def _literal(text: str) -> str:
    # Inline literals cannot hold backquotes next to the delimiters; none of our values do.
    return f"``{text}``" if text else "(empty)"


def _doc(obj: object) -> str:
    return inspect.cleandoc(obj.__doc__ or "")


def _module_doc(check: type[Check]) -> str:
    module = sys.modules.get(check.__module__)
    return _doc(module) if module is not None else ""


def _indent(lines: Iterable[str], prefix: str = "   ") -> list[str]:
    return [prefix + line if line else "" for line in lines]


def plain_rst(text: str) -> str:
    """Help text as reStructuredText: ```quoted``` parts as literals, the rest kept from markup."""
    parts = " ".join(text.split()).split("`")
    if len(parts) % 2 == 0:  # an unpaired backquote: nothing is a literal
        parts = [" ".join(parts)]
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f"``{part}``" if part else "")
        else:
            out.append("".join("\\" + ch if ch in "\\*_|[]<>" else ch for ch in part))
    return "".join(out)


def _excerpt(text: str, start: int, end: int) -> list[str]:
    """The line holding ``start`` with carets under ``start:end``, cut around the span."""
    line_start = start
    while line_start > 0 and text[line_start - 1] not in _LINE_BREAKS:
        line_start -= 1
    line_end = start
    while line_end < len(text) and text[line_end] not in _LINE_BREAKS:
        line_end += 1
    line = text[line_start:line_end]
    column = start - line_start
    left = max(0, min(column - 20, len(line) - _EXCERPT_WIDTH))
    shown = line[left : left + _EXCERPT_WIDTH]
    prefix = "…" if left else ""
    suffix = "…" if left + _EXCERPT_WIDTH < len(line) else ""
    width = max(1, min(end, line_end) - start)
    carets = "^" * max(1, min(width, len(shown) - (column - left)))
    # Control and format characters would vanish or act on the page; show a stand-in of the same width.
    visible = "".join(" " if ch == "\t" else "·" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in shown)
    return [prefix + visible + suffix, " " * (len(prefix) + column - left) + carets]


def render_finding(finding: Finding, text: str) -> list[str]:
    """A finding as an editor reads it: where, what, the line with carets, suggestions, related places."""
    span = finding.span
    heading = f"line {span.line}, column {span.column}: {finding.code} {finding.severity.value}: {finding.message}"
    lines = textwrap.wrap(heading, width=_EXCERPT_WIDTH + 4, subsequent_indent="  ", break_on_hyphens=False)
    lines += ["    " + line for line in _excerpt(text, span.start, span.end)]
    if finding.suggestions:
        shown = ", ".join(repr(suggestion) for suggestion in finding.suggestions[:3])
        lines.append(f"    suggestion: {shown}")
    for related in finding.related[:5]:
        quoted = " ".join(related.text.split())
        quoted = quoted if len(quoted) <= 60 else quoted[:59] + "…"
        lines.append(f"    see line {related.line}, column {related.column}: {quoted}")
    return lines


def option_table(check: type[Check]) -> list[str]:
    """The check's options as a table: key, default, meaning."""
    if not check.options:
        return [f"The ``{check.name}`` check has no options.", ""]
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 20 20 60",
        "",
        "   * - Key",
        "     - Default",
        "     - Meaning",
    ]
    for option in check.options:
        lines += [
            f"   * - ``{option.name}``",
            f"     - {_literal(toml_value(option.default))}",
            f"     - {plain_rst(option.help)}",
        ]
    return [*lines, ""]


def string_literal(text: str, width: int = 60) -> list[str]:
    """``text`` as Python string literals that concatenate to it, each at most about ``width`` long."""
    pieces: list[str] = []
    for word in regex.findall(r"\S+\s*|\s+", text) or [""]:
        if pieces and len(pieces[-1]) + len(word) <= width:
            pieces[-1] += word
        else:
            pieces.append(word)
    return [repr(piece) for piece in pieces]


def _call(name: str, text: str, published: str | None) -> list[str]:
    literal = string_literal(text)
    keyword = [f"published={published!r}"] if published else []
    one_line = f"{name} = checker.check({', '.join([*literal, *keyword])})"
    if len(literal) == 1 and len(one_line) <= 80:
        return [f"...     {one_line}"]
    return [
        f"...     {name} = checker.check(",
        *[f"...         {piece}" for piece in literal[:-1]],
        f"...         {literal[-1]},",
        *[f"...         {argument}," for argument in keyword],
        "...     )",
    ]


def doctest_lines(check: type[Check], rule: Rule) -> list[str]:
    """Python session lines that run the rule's two examples through the check."""
    return [
        f">>> config = Config(select=[{rule.code!r}])",
        ">>> with Checker(config) as checker:",
        *_call("flagged", rule.flagged, rule.published),
        *_call("fixed", rule.fixed, rule.published),
        ">>> sorted({finding.code for finding in flagged.findings})",
        f"[{rule.code!r}]",
        ">>> fixed.findings",
        "()",
    ]


def _example(label: str, text: str) -> list[str]:
    literal = repr(text)
    if "`" in literal:  # an inline literal cannot hold backquotes; a code block can
        return [".. code-block:: python", f"   :caption: {label}", "", f"   {literal}", ""]
    return [f"**{label}:** ``{literal}``", ""]


def rule_section(
    check: type[Check],
    rule: Rule,
    *,
    example_output: str | None = None,
    skipif: str | None = None,
) -> list[str]:
    """One rule's catalogue entry: label, title, what and why, examples, doctest.

    ``example_output`` is newsqa's text report on the flagged example, made at
    build time; ``skipif`` is a doctest ``:skipif:`` condition for rules whose
    engine may be missing where the doctests run.
    """
    title = f"{rule.code} {rule.name}"
    published = f" The examples are checked as published on {rule.published}." if rule.published else ""
    lines = [
        f".. _{rule.code}:",
        "",
        title,
        _RULE_UNDERLINE * len(title),
        "",
        f"Check :ref:`{check.name} <check-{check.name}>`, severity **{rule.severity.value}**.{published}",
        "",
        f"**What it flags.** {' '.join(rule.summary.split())}",
        "",
        f"**Why it matters.** {' '.join(rule.rationale.split())}",
        "",
        *_example("Flagged", rule.flagged),
        *_example("Fixed", rule.fixed),
    ]
    if example_output is not None:
        lines += [
            ".. code-block:: text",
            "   :caption: What newsqa reports on the flagged example (produced when this page was built)",
            "",
            *_indent(example_output.splitlines()),
            "",
        ]
    lines += ["Both examples run as a doctest whenever the documentation is tested:", ""]
    lines += [f".. doctest:: {rule.code}"]
    if skipif:
        lines.append(f"   :skipif: {skipif}")
    lines += ["", *_indent(doctest_lines(check, rule)), ""]
    return lines


def check_section(
    check: type[Check],
    *,
    example_outputs: Mapping[str, str] | None = None,
    skipif: str | None = None,
) -> list[str]:
    """One check's part of the catalogue: its docs, options, rule table and rules."""
    title = f"{check.name}"
    lines = [
        f".. _check-{check.name}:",
        "",
        title,
        _CHECK_UNDERLINE * len(title),
        "",
        *_module_doc(check).splitlines(),
        "",
        *_doc(check).splitlines(),
        "",
        f"Defined in ``{check.__module__}``.",
        "",
        ".. rubric:: Rules",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 12 25 12 51",
        "",
        "   * - Code",
        "     - Name",
        "     - Severity",
        "     - What it flags",
    ]
    for rule in check.rules:
        lines += [
            f"   * - :ref:`{rule.code} <{rule.code}>`",
            f"     - {rule.name}",
            f"     - {rule.severity.value}",
            f"     - {' '.join(rule.summary.split())}",
        ]
    lines += ["", ".. rubric:: Options", ""]
    if check.options:
        lines += [f"Set under ``[{check.name}]`` in ``newsqa.toml`` (see :doc:`/configuration`).", ""]
    lines += option_table(check)
    outputs = example_outputs or {}
    for rule in check.rules:
        lines += rule_section(check, rule, example_output=outputs.get(rule.code), skipif=skipif)
    return lines


def catalogue(
    checks: Sequence[type[Check]] | None = None,
    *,
    example_outputs: Mapping[str, str] | None = None,
    skipif: Mapping[str, str] | None = None,
) -> list[str]:
    """The whole catalogue: every check in name order, every rule in the check's order."""
    if checks is None:
        checks = [registered_checks()[name] for name in sorted(registered_checks())]
    lines: list[str] = []
    for check in checks:
        lines += check_section(check, example_outputs=example_outputs, skipif=(skipif or {}).get(check.name))
    return lines


def schema_fields(schema: Mapping[str, Any]) -> Iterator[tuple[str, str, bool]]:
    """Every field of the report schema as (dotted path, JSON type, required), definitions inlined."""
    definitions = schema.get("$defs", {})

    def resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
        ref = node.get("$ref")
        return definitions[ref.rsplit("/", 1)[1]] if ref else node

    def kind(node: Mapping[str, Any]) -> str:
        node = resolve(node)
        if "oneOf" in node or "anyOf" in node:
            return " or ".join(kind(option) for option in node.get("oneOf", node.get("anyOf", [])))
        if "enum" in node:
            return "one of " + ", ".join(f"``{json.dumps(value)}``" for value in node["enum"])
        if "const" in node:
            return f"``{json.dumps(node['const'])}``"
        declared = node.get("type", "any")
        kinds = declared if isinstance(declared, list) else [declared]
        if "array" in kinds and "items" in node:
            kinds = [f"array of {kind(node['items'])}" if k == "array" else k for k in kinds]
        if "format" in node:
            kinds = [f"{k} ({node['format']})" if k == "string" else k for k in kinds]
        return " or ".join(kinds)

    def walk(node: Mapping[str, Any], prefix: str, seen: tuple[str, ...]) -> Iterator[tuple[str, str, bool]]:
        node = resolve(node)
        required = set(node.get("required", ()))
        for name, child in node.get("properties", {}).items():
            path = f"{prefix}{name}"
            yield path, kind(child), name in required
            target = resolve(child)
            ref = child.get("$ref") or target.get("items", {}).get("$ref")
            if ref in seen:
                continue
            if target.get("type") == "array" and "items" in target:
                yield from walk(target["items"], f"{path}[].", (*seen, *([ref] if ref else [])))
            elif "properties" in target:
                yield from walk(target, f"{path}.", (*seen, *([ref] if ref else [])))

    yield from walk(schema, "", ())


def write_inventories(source: Path, target: Path) -> dict[str, Path]:
    """Compile each ``<name>.txt`` under ``source`` into an intersphinx ``<name>.inv`` under ``target``.

    A ``.txt`` file is an inventory as Sphinx writes it, decompressed: four
    header lines, then one object per line. Sphinx reads only the compressed
    form, so it is compressed here, and the build needs no network.
    """
    target.mkdir(parents=True, exist_ok=True)
    compiled: dict[str, Path] = {}
    for text_file in sorted(source.glob("*.txt")):
        lines = text_file.read_text(encoding="utf-8").splitlines(keepends=True)
        header, body = lines[:4], [line for line in lines[4:] if line.strip()]
        if not header or not header[0].startswith("# Sphinx inventory version 2"):
            raise ValueError(f"{text_file}: not a decompressed Sphinx inventory")
        inventory = target / f"{text_file.stem}.inv"
        data = "".join(header).encode("utf-8") + zlib.compress("".join(body).encode("utf-8"), 9)
        if not inventory.exists() or inventory.read_bytes() != data:
            inventory.write_bytes(data)
        compiled[text_file.stem] = inventory
    return compiled
