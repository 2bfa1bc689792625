"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning and others).

One run with newsqa as the tool: every rule with its summary, rationale and
examples as help text; every finding as a result with its region (lines,
code-point columns, character offsets and the snippet), related locations for
the other places a finding refers to (the earlier copy, the other spelling,
the conflicting date), a line-independent fingerprint (the one baselines use)
and, for findings safe to apply, the fix. Files that could not be read and
checks that did not run are tool execution notifications.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsqa.baseline import fingerprint
from newsqa.document import LineIndex
from newsqa.fix import is_safe_fix
from newsqa.pipeline import Outcome
from newsqa.registry import Rule, registered_checks
from newsqa.report import Finding, Severity, Span

__all__ = ["SARIF_SCHEMA_URI", "format_sarif", "sarif_log"]

#: The ``$schema`` newsqa's SARIF names: the OASIS SARIF 2.1.0 schema (errata 01).
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SRCROOT = "SRCROOT"


def _uri(name: str) -> dict[str, str]:
    if name == "<stdin>":
        return {"uri": "stdin"}
    path = Path(name)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": urllib.parse.quote(path.as_posix()), "uriBaseId": _SRCROOT}


def _rule_descriptor(check: str, rule: Rule) -> dict[str, Any]:
    example = f"Flagged: {rule.flagged!r}\nFixed: {rule.fixed!r}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {
            "text": f"{rule.summary}\n\n{rule.rationale}\n\n{example}",
            "markdown": (
                f"**{rule.summary}**\n\n{rule.rationale}\n\n"
                f"Flagged:\n\n```text\n{rule.flagged}\n```\n\nFixed:\n\n```text\n{rule.fixed}\n```"
            ),
        },
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"check": check, "tags": ["news", check]},
    }


class _Regions:
    """Regions of one file: lines and code-point columns of both ends, offsets and snippet."""

    def __init__(self, text: str) -> None:
        self.lines = LineIndex(text)

    def region(self, span: Span) -> dict[str, Any]:
        end_line, end_column = self.lines.line_col(span.end)
        region: dict[str, Any] = {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": end_line,
            "endColumn": end_column,
            "charOffset": span.start,
            "charLength": span.end - span.start,
        }
        if span.text:
            region["snippet"] = {"text": span.text}
        return region


def _result(
    finding: Finding, text: str, regions: _Regions, location: dict[str, Any], rule_index: int | None
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": regions.region(finding.span)}}],
        "partialFingerprints": {"newsqaFinding/v1": fingerprint(finding, text)},
        "properties": {"check": finding.check, "confidence": finding.confidence},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {"artifactLocation": location, "region": regions.region(span)},
                "message": {"text": f"related: {' '.join(span.text.split())[:200]}"},
            }
            for number, span in enumerate(finding.related, start=1)
        ]
    if finding.suggestions:
        result["properties"]["suggestions"] = list(finding.suggestions)
    if is_safe_fix(finding):
        replacement = finding.suggestions[0]
        result["fixes"] = [
            {
                "description": {"text": f"Replace {finding.span.text!r} with {replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {"deletedRegion": regions.region(finding.span), "insertedContent": {"text": replacement}}
                        ],
                    }
                ],
            }
        ]
    return result


def sarif_log(outcomes: Sequence[Outcome], *, version: str) -> dict[str, Any]:
    """The SARIF log object of one run over ``outcomes``."""
    descriptors: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    for check_name, check in sorted(registered_checks().items()):
        for rule in check.rules:
            rule_index[rule.code] = len(descriptors)
            descriptors.append(_rule_descriptor(check_name, rule))
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    suppressed = 0
    for outcome in outcomes:
        location: dict[str, Any] = dict(_uri(outcome.name))
        if outcome.report is None or outcome.text is None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": outcome.error or f"{outcome.name}: not checked"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
            continue
        location["index"] = len(artifacts)
        artifacts.append({"location": _uri(outcome.name), "length": len(outcome.text.encode("utf-8"))})
        report = outcome.report
        suppressed += report.suppressed
        regions = _Regions(outcome.text)
        for finding in report.findings:
            index = rule_index.get(finding.code)
            results.append(_result(finding, outcome.text, regions, location, index))
        for check_run in report.not_run:
            status = check_run.status.value
            notifications.append(
                {
                    "level": "error" if status == "failed" else "warning",
                    "message": {"text": f"check {check_run.check!r} {status}: {check_run.reason or 'no reason given'}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                    "descriptor": {"id": check_run.check},
                }
            )
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newsqa",
                "version": version,
                "semanticVersion": version,
                "informationUri": "https://newsqa.readthedocs.io",
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": all(o.report is not None for o in outcomes),
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {_SRCROOT: {"uri": Path(os.getcwd()).as_uri() + "/"}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"suppressed": suppressed},
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_sarif(outcomes: Sequence[Outcome], *, version: str) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(sarif_log(outcomes, version=version), indent=2, ensure_ascii=False)
