"""Baselines and safe fixes, on real checks of real text."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from conftest import check_characters

from newsqa import InputError
from newsqa.baseline import Baseline, fingerprint
from newsqa.fix import apply_edits, atomic_write, plan_fixes, unified_diff

STORY = "Boris Pisto\u200brius spoke in Berlin.\nNato\u200b met on Monday.\n"


def test_fingerprint_survives_a_line_shift_but_not_an_edit_nearby() -> None:
    before = check_characters(STORY).report.findings[0]
    shifted_text = "A new first paragraph.\n\n" + STORY
    after = check_characters(shifted_text).report.findings[0]
    assert after.span.line != before.span.line
    assert fingerprint(after, shifted_text) == fingerprint(before, STORY)
    edited = STORY.replace("Boris", "Mr")
    assert fingerprint(check_characters(edited).report.findings[0], edited) != fingerprint(before, STORY)


def test_baseline_suppresses_known_findings_and_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    recorder = Baseline.empty(path)
    recorder.record(check_characters(STORY, str(tmp_path / "story.txt")).report, STORY)
    recorder.save(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert list(saved["files"]) == ["story.txt"]  # relative to the baseline file
    baseline = Baseline.load(path)
    grown = "Talks ended.\n\n" + STORY + "Pisto\u200brius left.\n"
    report = check_characters(grown, str(tmp_path / "story.txt")).report
    filtered = baseline.filter(report, grown)
    assert [f.span.line for f in filtered.findings] == [5]
    assert filtered.suppressed == report.suppressed + 2
    other = baseline.filter(check_characters(STORY, str(tmp_path / "other.txt")).report, STORY)
    assert len(other.findings) == 2  # another file has nothing recorded


def test_identical_findings_are_counted(tmp_path: Path) -> None:
    text = "Nato\u200b met.\n"
    recorder = Baseline.empty(tmp_path / "b.json")
    recorder.record(check_characters(text, "a.txt").report, text)
    doubled = text + "\n" + text
    filtered = recorder.filter(check_characters(doubled, "a.txt").report, doubled)
    assert len(filtered.findings) == 1


@pytest.mark.parametrize("content", ["{", '{"version": 99, "files": {}}', "[]"])
def test_a_broken_baseline_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="baseline"):
        Baseline.load(path)


def test_fix_applies_safe_suggestions_outside_quotations() -> None:
    text = "Pisto\u200brius said: \u201cNato\u200b will meet.\u201d\nTalks\x07 ended.\n"
    checked = check_characters(text)
    plan = plan_fixes(checked)
    assert [e.finding.code for e in plan.edits] == ["NQ003", "NQ001"]
    assert [reason for _, reason in plan.skipped] == ["inside a quotation"]
    fixed = apply_edits(text, plan.edits)
    assert fixed == "Pistorius said: \u201cNato\u200b will meet.\u201d\nTalks ended.\n"
    everywhere = apply_edits(text, plan_fixes(checked, in_quotations=True).edits)
    assert everywhere == "Pistorius said: \u201cNato will meet.\u201d\nTalks ended.\n"
    diff = unified_diff(text, fixed, "story.txt")
    assert diff.startswith("--- a/story.txt\n+++ b/story.txt\n")
    assert "-Pisto\u200brius said" in diff
    assert "+Pistorius said" in diff


def test_fix_skips_each_quotation_of_many_and_fixes_between_and_after_them() -> None:
    text = (
        "\u201cNato\u200b met,\u201d she said\u200b. \u201cThe talks\x07 ended\u201d and \u201cthey\u200b left.\u201d\n"
        "Pisto\u200brius agreed\x07.\n"
    )
    plan = plan_fixes(check_characters(text))
    kept = apply_edits(text, plan.edits)
    assert [reason for _, reason in plan.skipped] == ["inside a quotation"] * 3
    assert kept == (
        "\u201cNato\u200b met,\u201d she said. \u201cThe talks\x07 ended\u201d and \u201cthey\u200b left.\u201d\n"
        "Pistorius agreed.\n"
    )


def test_fix_leaves_findings_that_are_not_marked_safe() -> None:
    text = "Emoji \U0001f468\u200d\U0001f469 and a page\x0cbreak.\n"
    checked = check_characters(text)
    assert {f.code for f in checked.report.findings} == {"NQ001", "NQ003"}
    assert plan_fixes(checked).edits == ()


def test_fix_in_markdown_keeps_markup(tmp_path: Path) -> None:
    text = "# Talks\n\nThe *minister* Pisto\u200brius left. `Nato\u200b`\n"
    plan = plan_fixes(check_characters(text, "s.md", "markdown"))
    assert apply_edits(text, plan.edits) == "# Talks\n\nThe *minister* Pistorius left. `Nato\u200b`\n"


def test_atomic_write_keeps_mode_and_makes_a_backup_on_request(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("old\r\n", encoding="utf-8", newline="")
    os.chmod(path, 0o640)
    assert atomic_write(path, "new\r\n") is None
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert not (tmp_path / "story.txt.bak").exists()
    backup = atomic_write(path, "newer\n", backup=True)
    assert backup == tmp_path / "story.txt.bak"
    assert backup.read_bytes() == b"new\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt", "story.txt.bak"]
