"""Every registered rule documents itself and its examples do what they say."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
import regex

import newsqa
from newsqa import Checker, Config
from newsqa.registry import Rule, registered_checks

ALL_RULES = [(name, rule) for name, check in sorted(registered_checks().items()) for rule in check.rules]
CODE = regex.compile(r"^NQ[0-9]{3}$")


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for _, rule in ALL_RULES]
    assert len(codes) == len(set(codes))
    assert all(CODE.match(code) for code in codes)


@pytest.mark.parametrize(("check", "rule"), ALL_RULES, ids=[rule.code for _, rule in ALL_RULES])
def test_rule_is_documented(check: str, rule: Rule) -> None:
    cls = registered_checks()[check]
    assert cls.__doc__
    assert __import__(cls.__module__, fromlist=["_"]).__doc__
    for field in (rule.name, rule.summary, rule.rationale, rule.fixed):
        assert field.strip()
    assert rule.flagged  # may be blank text: the empty-document rule flags exactly that
    assert rule.flagged != rule.fixed


@pytest.mark.parametrize(("check", "rule"), ALL_RULES, ids=[rule.code for _, rule in ALL_RULES])
def test_flagged_example_is_flagged_and_fixed_example_is_not(check: str, rule: Rule) -> None:
    with Checker(Config(select=(check,))) as checker:
        flagged = checker.check(rule.flagged, published=rule.published)
        fixed = checker.check(rule.fixed, published=rule.published)
    assert flagged.complete, flagged.not_run
    assert rule.code in {f.code for f in flagged.findings}
    assert rule.code not in {f.code for f in fixed.findings}


def test_public_api_is_documented() -> None:
    for name in newsqa.__all__:
        if name.startswith("__") or name == "SCHEMA_VERSION":
            continue
        assert getattr(newsqa, name).__doc__, name


# The documentation's check catalogue is generated from the registry (docs/_ext); these
# tests hold it to one entry per rule code with both examples in a doctest.
DOCS_EXT = Path(__file__).resolve().parent.parent / "docs" / "_ext"


@pytest.fixture(scope="module")
def catalogue_text() -> str:
    sys.path.insert(0, str(DOCS_EXT))
    try:
        import newsqa_docgen
    finally:
        sys.path.remove(str(DOCS_EXT))
    return "\n" + "\n".join(newsqa_docgen.catalogue())


@pytest.mark.parametrize(("check", "rule"), ALL_RULES, ids=[rule.code for _, rule in ALL_RULES])
def test_catalogue_has_an_entry_with_both_examples_as_a_doctest(catalogue_text: str, check: str, rule: Rule) -> None:
    entry = catalogue_text.split(f"\n.. _{rule.code}:\n", 1)[1].split("\n.. _", 1)[0]
    assert f"{rule.code} {rule.name}" in entry
    assert " ".join(rule.summary.split()) in entry
    assert " ".join(rule.rationale.split()) in entry
    doctest = entry.split(f".. doctest:: {rule.code}\n", 1)[1]
    source = "\n".join(line[7:] for line in doctest.splitlines() if line.startswith(("   >>> ", "   ... ")))
    calls = {
        node.targets[0].id: node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
    }
    for name, text in (("flagged", rule.flagged), ("fixed", rule.fixed)):
        call = calls[name]
        assert ast.literal_eval(call.args[0]) == text
        keywords = {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}
        assert keywords == ({"published": rule.published} if rule.published else {})
    assert f"   [{rule.code!r}]" in doctest


@pytest.mark.parametrize("check", sorted(registered_checks()))
def test_every_option_is_documented_in_the_catalogue(catalogue_text: str, check: str) -> None:
    entry = catalogue_text.split(f"\n.. _check-{check}:\n", 1)[1].split("\n.. _check-", 1)[0]
    for option in registered_checks()[check].options:
        assert option.help.strip(), f"{check}.{option.name} has no help text"
        assert f"``{option.name}``" in entry


def test_every_public_name_has_an_api_reference_entry() -> None:
    api = (DOCS_EXT.parent / "api.rst").read_text(encoding="utf-8")
    entries = set(
        regex.findall(
            r"^\.\. (?:auto)?(?:class|function|decorator|exception|data|type|py:type)::\s+(\S+)", api, flags=regex.M
        )
    )
    for name in newsqa.__all__:
        assert {f"newsqa.{name}", name} & entries, f"newsqa.{name} has no entry in docs/api.rst"
