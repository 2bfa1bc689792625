"""Every registered rule documents itself and its examples do what they say."""

from __future__ import annotations

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
