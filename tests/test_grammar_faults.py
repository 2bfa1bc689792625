"""Faults of the grammar check, produced for real where possible.

Java missing, LanguageTool not fetched, a server that will not start, a URL
that does not answer, a server killed mid-run: all real. Only a server that
accepts a request and never answers is a stand-in (a socket that reads and
stays silent), as a real LanguageTool cannot be made to hang on demand.
"""

from __future__ import annotations

import json
import os
import signal
import socket
from pathlib import Path

import pytest

import newsqa
from newsqa.engines.languagetool import (
    HOME_ENVIRONMENT_VARIABLE,
    URL_ENVIRONMENT_VARIABLE,
    LocalServer,
    is_provisioned,
)
from newsqa.report import CheckRun, CheckStatus

TEXT = "The goverment announced new measures on Tuesday."


def _run(report: newsqa.Report) -> CheckRun:
    return next(run for run in report.checks if run.check == "grammar")


def _forced(**options: object) -> newsqa.Config:
    return newsqa.Config(checks={"grammar": {"engine": "languagetool", **options}})


@pytest.fixture
def no_remote(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the check look for a local server instead of the session's URL."""
    monkeypatch.delenv(URL_ENVIRONMENT_VARIABLE, raising=False)


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port  # closed again: nothing listens there


def _other_checks_ran(report: newsqa.Report) -> bool:
    return all(run.status is CheckStatus.RAN for run in report.checks if run.check != "grammar")


def test_java_missing_is_skipped_with_a_reason(
    no_remote: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    if not is_provisioned():
        pytest.skip("needs a fetched LanguageTool so that Java is the only thing missing")
    report = newsqa.check(TEXT, config=_forced())
    run = _run(report)
    assert run.status is CheckStatus.SKIPPED
    assert run.reason is not None
    assert "Java is not installed" in run.reason
    assert _other_checks_ran(report)


def test_java_missing_falls_back_to_harper_in_auto_mode(
    no_remote: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("harper")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    report = newsqa.check(TEXT)
    run = _run(report)
    assert (run.status, run.engine) == (CheckStatus.RAN, "harper")
    assert run.reason is not None
    assert run.reason.startswith("Harper, because LanguageTool could not be used")
    assert [f.span.text for f in report.findings if f.check == "grammar"] == ["goverment"]


def test_not_fetched_is_skipped_with_the_command_to_run(
    no_remote: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(HOME_ENVIRONMENT_VARIABLE, str(tmp_path / "empty"))
    report = newsqa.check(TEXT, config=_forced())
    run = _run(report)
    assert run.status is CheckStatus.SKIPPED
    assert run.reason is not None
    assert "newsqa languagetool fetch" in run.reason
    assert _other_checks_ran(report)


def test_a_server_that_will_not_start_fails_with_its_own_words(
    no_remote: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A fetch that claims to be complete but holds no jars: Java starts and cannot find the server.
    (tmp_path / "lib").mkdir()
    (tmp_path / "newsqa-languagetool.json").write_text(json.dumps({"version": "6.8"}), encoding="utf-8")
    monkeypatch.setenv(HOME_ENVIRONMENT_VARIABLE, str(tmp_path))
    report = newsqa.check(TEXT, config=_forced())
    run = _run(report)
    assert run.status is CheckStatus.FAILED
    assert run.reason is not None
    assert "exited with code" in run.reason
    assert "org.languagetool.server.HTTPServer" in run.reason
    assert _other_checks_ran(report)


def test_a_url_that_does_not_answer_fails(closed_port: int) -> None:
    report = newsqa.check(TEXT, config=_forced(url=f"http://127.0.0.1:{closed_port}"))
    run = _run(report)
    assert run.status is CheckStatus.FAILED
    assert run.reason is not None
    assert f"127.0.0.1:{closed_port}" in run.reason
    assert "does not answer" in run.reason
    assert _other_checks_ran(report)


def test_environment_url_that_does_not_answer_falls_back_in_auto_mode(
    monkeypatch: pytest.MonkeyPatch, closed_port: int
) -> None:
    pytest.importorskip("harper")
    monkeypatch.setenv(URL_ENVIRONMENT_VARIABLE, f"http://127.0.0.1:{closed_port}")
    run = _run(newsqa.check(TEXT))
    assert (run.status, run.engine) == (CheckStatus.RAN, "harper")
    assert run.reason is not None
    assert "does not answer" in run.reason


def test_a_server_that_hangs_times_out(silent_server: str) -> None:
    report = newsqa.check(TEXT, config=_forced(url=silent_server, timeout=0.5))
    run = _run(report)
    assert run.status is CheckStatus.FAILED
    assert run.reason is not None
    assert "did not answer within 0.5 s" in run.reason


def _kill(server: LocalServer) -> int:
    pid = server.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    server.wait()
    return pid


@pytest.mark.languagetool
def test_a_server_killed_mid_run_is_restarted_once(no_remote: None, languagetool_url: str) -> None:
    with newsqa.Checker(_forced()) as checker:
        (check,) = (c for c in checker._checks if c.name == "grammar")
        server: LocalServer = check.engine.server  # type: ignore[attr-defined]
        assert _run(checker.check(TEXT)).status is CheckStatus.RAN

        # The same server reached by URL: newsqa did not start it, so it cannot restart it.
        with newsqa.Checker(_forced(url=server.url)) as remote:
            assert _run(remote.check(TEXT)).status is CheckStatus.RAN
            killed = _kill(server)
            dead = _run(remote.check(TEXT))
        assert dead.status is CheckStatus.FAILED
        assert dead.reason is not None
        assert "does not answer" in dead.reason

        report = checker.check(TEXT)
        run = _run(report)
        assert run.status is CheckStatus.RAN
        assert run.data["server_restarts"] == 1
        assert [f.span.text for f in report.findings if f.check == "grammar"] == ["goverment"]
        assert server.alive()
        assert server.pid != killed

        # Killed again, and this time the restart itself fails: the run fails and says why.
        _kill(server)
        server.home = server.home / "moved-away"
        broken = _run(checker.check(TEXT))
        assert broken.status is CheckStatus.FAILED
        assert broken.reason is not None
        assert "could not be restarted" in broken.reason
        assert "newsqa languagetool fetch" in broken.reason


@pytest.mark.languagetool
def test_closing_the_checker_stops_the_server_it_started(no_remote: None, languagetool_url: str) -> None:
    checker = newsqa.Checker(_forced())
    (check,) = (c for c in checker._checks if c.name == "grammar")
    server = check.engine.server  # type: ignore[attr-defined]
    assert server is not None
    assert server.alive()
    assert _run(checker.check(TEXT)).status is CheckStatus.RAN
    checker.close()
    assert not server.alive()
