"""Faults in the middle of a batch: nothing is dropped, every failure is said, the exit status is true.

Each test runs the real ``newsqa check`` command over a folder of 200 short
articles and acts while its JSON Lines stream in: a real LanguageTool server
killed mid-run (one the command reached by URL, which it cannot restart, and
one it started itself, which it restarts), a file deleted while it waits in
the queue. Only the server that accepts requests and never answers is a
stand-in (a socket that reads and stays silent), as a real LanguageTool cannot
be made to hang on demand.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsqa.engines.languagetool import URL_ENVIRONMENT_VARIABLE, LocalServer

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = 200
EXIT_OK, EXIT_INCOMPLETE, EXIT_ERROR = 0, 1, 2


def _articles(folder: Path, count: int = DOCUMENTS) -> list[Path]:
    folder.mkdir()
    paths = []
    for index in range(count):
        path = folder / f"{index:03d}.txt"
        path.write_text(
            f"Report {index}: the goverment met the union on Tuesday. The talks ended without a deal.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _config(folder: Path, **grammar: object) -> Path:
    lines = ["[grammar]", 'engine = "languagetool"'] + [
        f"{key} = {json.dumps(value)}" for key, value in grammar.items()
    ]
    path = folder / "newsqa.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Run:
    """The ``newsqa check`` command running in a subprocess, its reports read as they arrive."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsqa", "check", *args, "--format", "jsonl", "--fail-on", "never"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        # A hang must fail the test, not the test run.
        self._watchdog = threading.Timer(540, self.process.kill)
        self._watchdog.start()
        self.reports: list[dict[str, Any]] = []

    def reports_as_they_come(self) -> Iterator[dict[str, Any]]:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            report = json.loads(line)
            self.reports.append(report)
            yield report

    def finish(self) -> tuple[int, str]:
        for _ in self.reports_as_they_come():
            pass
        assert self.process.stderr is not None
        errors = self.process.stderr.read()
        code = self.process.wait()
        self._watchdog.cancel()
        return code, errors


def _grammar(report: dict[str, Any]) -> dict[str, Any]:
    return next(run for run in report["checks"] if run["check"] == "grammar")


def _others_ran(report: dict[str, Any]) -> bool:
    return all(run["status"] == "ran" for run in report["checks"] if run["check"] != "grammar")


def _names(reports: list[dict[str, Any]]) -> list[str]:
    return sorted(Path(report["document"]["identifier"]).name for report in reports)


@pytest.fixture
def environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != URL_ENVIRONMENT_VARIABLE}
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.fixture
def own_server(languagetool_url: str) -> Iterator[LocalServer]:
    """A LanguageTool server of this test's own, to kill (never the session's)."""
    server = LocalServer().start()
    yield server
    server.stop()


@pytest.mark.languagetool
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_server_killed_mid_batch_fails_grammar_for_the_rest_and_loses_nothing(
    tmp_path: Path, environment: dict[str, str], own_server: LocalServer, jobs: int
) -> None:
    paths = _articles(tmp_path / "articles")
    config = _config(tmp_path)
    environment[URL_ENVIRONMENT_VARIABLE] = own_server.url
    run = Run(str(tmp_path / "articles"), "--config", str(config), "--jobs", str(jobs), env=environment)
    killed_after = None
    for count, _ in enumerate(run.reports_as_they_come(), start=1):
        if count == 50:
            assert own_server.pid is not None
            os.kill(own_server.pid, signal.SIGKILL)
            killed_after = count
    code, errors = run.finish()
    assert killed_after == 50
    # Every article has its report: nothing dropped, nothing twice.
    assert _names(run.reports) == [path.name for path in paths]
    statuses = [_grammar(report)["status"] for report in run.reports]
    assert statuses[:40] == ["ran"] * 40  # before the kill (workers may be a few ahead)
    failed = [report for report in run.reports if _grammar(report)["status"] == "failed"]
    assert len(failed) >= DOCUMENTS - 50 - 4 * jobs
    assert all(_grammar(report)["reason"] for report in failed)
    assert all(_others_ran(report) for report in run.reports)
    assert all("grammar" in report["summary"]["not_run"] for report in failed)
    # A check that did not run makes the run fail: exit status 1, not 0, and not an input error.
    assert code == EXIT_INCOMPLETE, errors


def _languagetool_children(pid: int) -> list[int]:
    """Process ids of the LanguageTool servers among the descendants of ``pid`` (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = (task / "children").read_text(encoding="utf-8").split()
            for child in map(int, children):
                queue.append(child)
                try:
                    command = Path(f"/proc/{child}/cmdline").read_bytes()
                except OSError:
                    continue
                if b"org.languagetool.server.HTTPServer" in command:
                    found.append(child)
    return found


@pytest.mark.languagetool
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the server's process through /proc")
def test_a_server_the_command_started_is_restarted_mid_batch(
    tmp_path: Path, environment: dict[str, str], languagetool_url: str
) -> None:
    paths = _articles(tmp_path / "articles")
    config = _config(tmp_path)
    run = Run(str(tmp_path / "articles"), "--config", str(config), env=environment)
    killed: list[int] = []
    for count, _ in enumerate(run.reports_as_they_come(), start=1):
        if count == 50:
            killed = _languagetool_children(run.process.pid)
            assert len(killed) == 1
            os.kill(killed[0], signal.SIGKILL)
    code, errors = run.finish()
    assert _names(run.reports) == [path.name for path in paths]
    grammar = [_grammar(report) for report in run.reports]
    restarted = [g for g in grammar if g.get("data", {}).get("server_restarts") == 1]
    assert restarted, "no report says the server was restarted"
    # At most the article in flight when the server died fails; every other one is checked.
    failed = [g for g in grammar if g["status"] != "ran"]
    assert len(failed) <= 1
    assert all(g["reason"] for g in failed)
    assert code == (EXIT_INCOMPLETE if failed else EXIT_OK), errors


def test_a_server_that_hangs_fails_grammar_in_every_report_and_the_batch_ends(
    tmp_path: Path, environment: dict[str, str], silent_server: str
) -> None:
    paths = _articles(tmp_path / "articles", count=12)
    config = _config(tmp_path, url=silent_server, timeout=0.5)
    run = Run(str(tmp_path / "articles"), "--config", str(config), "--jobs", "2", env=environment)
    code, errors = run.finish()
    assert _names(run.reports) == [path.name for path in paths]
    for report in run.reports:
        grammar = _grammar(report)
        assert grammar["status"] == "failed"
        assert "did not answer within 0.5 s" in grammar["reason"]
        assert _others_ran(report)
    assert code == EXIT_INCOMPLETE, errors


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_deleted_while_queued_is_an_error_and_the_rest_are_checked(
    tmp_path: Path, environment: dict[str, str], jobs: int
) -> None:
    paths = _articles(tmp_path / "articles")
    doomed = paths[150]
    run = Run(str(tmp_path / "articles"), "--ignore", "grammar", "--jobs", str(jobs), env=environment)
    for count, _ in enumerate(run.reports_as_they_come(), start=1):
        if count == 1:
            doomed.unlink()
    code, errors = run.finish()
    assert _names(run.reports) == [path.name for path in paths if path != doomed]
    assert f"{doomed}: no such file" in errors
    assert all(not report["summary"]["not_run"] for report in run.reports)
    # An input that could not be read is an error of the run: exit status 2.
    assert code == EXIT_ERROR
