"""The real ``newsqa`` command in a subprocess, with every exit code."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from conftest import SEED, SEED_PUBLISHED, assert_valid_report, run_cli


def test_seed_check_prints_a_report_with_exact_spans() -> None:
    result = run_cli("check", str(SEED), "--published", SEED_PUBLISHED, "--format", "json", "--allow-skipped")
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert_valid_report(data)
    assert data["document"]["published"] == SEED_PUBLISHED
    assert data["document"]["identifier"] == str(SEED)
    text = SEED.read_text(encoding="utf-8")
    for finding in data["findings"]:
        for span in (finding["span"], *finding["related"]):
            assert text[span["start"] : span["end"]] == span["text"]


def test_text_output_shows_line_column_code_message_and_excerpt(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Talks went well.\nBoris Pisto\u200brius spoke in Berlin.\n", encoding="utf-8")
    result = run_cli("check", str(article), "--select", "characters")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == str(article)
    assert lines[1] == "  characters (1)"
    assert lines[2] == f"    {article}:2:12: NQ003 warning Invisible character (zero width space) in the text."
    assert lines[3] == "      Boris Pisto·rius spoke in Berlin."
    assert lines[4] == "                 ^"
    assert "\x1b[" not in result.stdout  # no colour outside a terminal
    assert lines[-1].endswith("1 finding (0 errors, 1 warning, 0 info)")


def test_exit_zero_when_nothing_reaches_the_threshold(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Pisto\u200brius spoke.\n", encoding="utf-8")
    result = run_cli("check", str(article), "--select", "characters", "--fail-on", "error")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "NQ003" in result.stdout
    assert run_cli("check", str(article), "--select", "characters", "--fail-on", "never").returncode == 0
    assert run_cli("check", str(article), "--select", "characters", "--fail-on", "info").returncode == 1


def test_stdin_and_many_files_in_json_and_jsonl(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("First story here.\n", encoding="utf-8")
    result = run_cli("check", str(first), "-", "--select", "characters", "--format", "json", stdin=b"Second\x07 story.")
    assert result.returncode == 1
    reports = json.loads(result.stdout)
    assert [r["document"]["identifier"] for r in reports] == [str(first), "<stdin>"]
    for report in reports:
        assert_valid_report(report)
    assert reports[1]["findings"][0]["code"] == "NQ001"
    lines = run_cli("check", str(first), str(first), "--format", "jsonl", "--select", "characters")
    parsed = [json.loads(line) for line in lines.stdout.splitlines()]
    assert len(parsed) == 2
    assert lines.returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at offset 8), not text"),
        (b"caf\xe9 au lait", "not UTF-8 (byte 0xe9 at offset 3, line 1); convert it to UTF-8 first"),
        ("UTF-16 story".encode("utf-16"), "UTF-16 text, not UTF-8; convert it to UTF-8 first"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_two(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("A good story.\n", encoding="utf-8")
    result = run_cli("check", str(bad), str(good), "--select", "characters")
    assert result.returncode == 2
    assert result.stderr.strip() == f"newsqa: error: {bad}: {message}"
    assert "Traceback" not in result.stderr
    # The good file after the bad one was still checked.
    assert f"{good}: 0 findings" in result.stdout


def test_empty_folder_missing_file_and_oversized_input(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path), str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert f"{tmp_path}: no .txt, .text, .md, .markdown, .html, .htm files in folder" in result.stderr
    assert f"{tmp_path / 'nope.txt'}: no such file" in result.stderr
    (tmp_path / "newsqa.toml").write_text("max_bytes = 10\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("This story is longer than ten bytes.", encoding="utf-8")
    result = run_cli("check", str(big))
    assert result.returncode == 2
    assert "larger than the limit of 10 bytes" in result.stderr


def test_empty_file_is_a_marked_finding_not_a_crash(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("check", str(empty), "--select", "characters", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [f["code"] for f in data["findings"]] == ["NQ004"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "x.txt", "--published", "2024-13-01"], "is not a date in the form YYYY-MM-DD"),
        (["check", "x.txt", "--format", "xml"], "invalid choice: 'xml'"),
        (["check", "x.txt", "--language", "en-XX"], "language: 'en-XX' is not one of"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["check"], "the following arguments are required: PATH"),
    ],
)
def test_usage_errors_exit_two(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_config_file_exits_two_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "newsqa.toml"
    config.write_text('colour = "red"\n', encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text("Story.\n", encoding="utf-8")
    result = run_cli("check", str(article))
    assert result.returncode == 2
    assert result.stderr.strip() == f"newsqa: error: {config}: unknown key 'colour'"
    explicit = run_cli("check", str(article), "--config", str(tmp_path / "none.toml"))
    assert explicit.returncode == 2
    assert "cannot read config" in explicit.stderr


def _plugin(tmp_path: Path) -> dict[str, str]:
    """A third-party check installed through the entry-point group, that cannot run here."""
    tmp_path.mkdir()
    (tmp_path / "newsqa_wirecheck.py").write_text(
        textwrap.dedent(
            """
            from newsqa import Check, CheckSkipped, Rule, register_check

            @register_check
            class WireCheck(Check):
                name = "wire"
                description = "Checks copy against the wire service."
                rules = (Rule(code="XW001", name="wire", summary="s", rationale="r",
                              severity="warning", flagged="a", fixed="b"),)

                def run(self, document):
                    raise CheckSkipped("wire service not configured (set WIRE_URL)")
            """
        ),
        encoding="utf-8",
    )
    info = tmp_path / "newsqa_wirecheck-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsqa-wirecheck\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsqa.checks]\nwire = newsqa_wirecheck:WireCheck\n")
    return {"PYTHONPATH": str(tmp_path)}


def test_a_check_that_did_not_run_fails_the_run_unless_allowed(tmp_path: Path) -> None:
    env = _plugin(tmp_path / "plugin")
    article = tmp_path / "story.txt"
    article.write_text("A clean story.\n", encoding="utf-8")
    result = run_cli("check", str(article), "--select", "characters,wire", env=env)
    assert result.returncode == 1
    assert "check 'wire' skipped: wire service not configured (set WIRE_URL)" in result.stdout
    assert "NOT RUN: wire" in result.stdout
    allowed = run_cli("check", str(article), "--select", "characters,wire", "--allow-skipped", env=env)
    assert allowed.returncode == 0
    assert "some checks did not run" in allowed.stderr
    listed = run_cli("rules", env=env)
    assert "XW001" in listed.stdout


def test_version_and_rules() -> None:
    assert run_cli("--version").stdout.startswith("newsqa ")
    listed = run_cli("rules")
    assert listed.returncode == 0
    assert "NQ001" in listed.stdout


def test_a_check_without_grammar_does_not_import_the_http_client() -> None:
    # The HTTP client is for LanguageTool alone; importing it took a third of the
    # start of a ``newsqa check`` that never talks to a server.
    result = run_cli(
        "check", str(SEED), "--select", "characters,dates,repeats,spelling", env={"PYTHONPROFILEIMPORTTIME": "1"}
    )
    timed = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    imported = {line.rsplit("|", 1)[-1].strip() for line in timed}
    assert "newsqa.checks.spelling" in imported
    assert "requests" not in imported
