"""LanguageTool plumbing: chunks, offsets, and the ``newsqa languagetool`` command."""

from __future__ import annotations

import http.server
import itertools
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import regex
import requests
from hypothesis import given
from hypothesis import strategies as st

from newsqa import Config, Document
from newsqa.checks.grammar import GrammarCheck
from newsqa.engines.languagetool import (
    HOME_ENVIRONMENT_VARIABLE,
    URL_ENVIRONMENT_VARIABLE,
    LanguageToolEngine,
    LocalServer,
    _Utf16Map,
    is_provisioned,
    language_code,
    languagetool_home,
    paragraph_chunks,
)

ROOT = Path(__file__).resolve().parent.parent

texts = st.text(alphabet=st.sampled_from(list("ab .!?\n\r\u2029é🎉")), max_size=400)


@given(texts, st.integers(min_value=1, max_value=60))
def test_chunks_cover_the_text_exactly_and_respect_the_limit(text: str, limit: int) -> None:
    chunks = paragraph_chunks(text, limit)
    assert "".join(text[start:end] for start, end in chunks) == text
    assert all(0 < end - start <= limit for start, end in chunks)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(chunks))


def test_chunks_end_at_paragraphs_then_sentences_then_spaces() -> None:
    text = "First paragraph here.\nSecond one.\n\nA long paragraph. It has two sentences and many words in it."
    chunks = [text[start:end] for start, end in paragraph_chunks(text, 40)]
    assert chunks == [
        "First paragraph here.\nSecond one.\n\n",
        "A long paragraph. ",
        "It has two sentences and many words in ",
        "it.",
    ]
    assert paragraph_chunks(text, len(text)) == [(0, len(text))]
    assert paragraph_chunks("", 10) == []
    with pytest.raises(ValueError, match="positive"):
        paragraph_chunks(text, 0)


@given(st.text(max_size=200))
def test_utf16_offsets_map_back_to_code_points(text: str) -> None:
    positions = _Utf16Map(text)
    for index in range(len(text) + 1):
        utf16 = len(text[:index].encode("utf-16-le")) // 2
        assert positions.code_points(utf16) == index


def test_house_styles_map_to_languagetool_variants() -> None:
    assert language_code("en-GB-oxendict") == "en-GB"
    assert language_code("en-IE") == "en-GB"
    assert language_code("en-AU") == "en-AU"
    assert language_code("en") == "en-US"


def test_home_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(HOME_ENVIRONMENT_VARIABLE, str(tmp_path))
    assert languagetool_home() == tmp_path
    assert not is_provisioned()
    monkeypatch.delenv(HOME_ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert languagetool_home("6.8") == tmp_path / "cache" / "newsqa" / "languagetool" / "6.8"


# -- the command ------------------------------------------------------------------------------


def test_fetch_prints_the_folder_it_fetched_into(cli: Any) -> None:
    if not is_provisioned():
        pytest.skip("LanguageTool is not fetched; this would download it")
    result = cli("languagetool", "fetch")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(languagetool_home())


def test_fetch_without_maven_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    result = cli("languagetool", "fetch", "--home", str(tmp_path / "lt"), env={"PATH": str(tmp_path)})
    assert result.returncode == 2
    assert "Maven (mvn) is not on PATH" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "lt" / "lib").exists()


def test_check_fails_when_grammar_could_not_run_unless_allowed(cli: Any, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "newsqa.toml").write_text(
        f'[grammar]\nengine = "languagetool"\nurl = "http://127.0.0.1:{port}"\n', encoding="utf-8"
    )
    story = tmp_path / "story.txt"
    story.write_text("The ministers met on Tuesday.\n", encoding="utf-8")
    failed = cli("check", str(story), "--fail-on", "never")
    assert failed.returncode == 1
    assert "does not answer" in failed.stdout + failed.stderr
    allowed = cli("check", str(story), "--fail-on", "never", "--allow-skipped")
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr


def test_the_local_server_answers_kept_alive_connections_without_waiting_for_acks(tmp_path: Path) -> None:
    # Java's HTTP server leaves Nagle's algorithm on unless told otherwise, and on the
    # connection newsqa keeps open each answer then waited for the client's delayed ACK
    # (about 35 ms a request; benchmarks/bench_grammar.py shows it as overhead against
    # language-tool-python). The option is the JVM's, so it must come before the main class.
    command = LocalServer(tmp_path).command("java", 8081)
    assert "-Dsun.net.httpserver.nodelay=true" in command
    assert command.index("-Dsun.net.httpserver.nodelay=true") < command.index("org.languagetool.server.HTTPServer")


def _default_interrupt() -> None:
    # A shell starting a job in the background without job control makes it ignore SIGINT,
    # and the job's children inherit that: give the command Ctrl-C's usual meaning.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.languagetool
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["interrupt", "terminate"])
def test_serve_runs_a_server_until_interrupted_or_terminated(languagetool_url: str, stop: signal.Signals) -> None:
    if not is_provisioned():
        pytest.skip("the session server is not a fetched copy")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != URL_ENVIRONMENT_VARIABLE}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsqa", "languagetool", "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        preexec_fn=_default_interrupt,
    )
    try:
        assert process.stderr is not None
        announced = process.stderr.readline()
        assert f"serving at http://127.0.0.1:{port}" in announced, announced
        answer = requests.post(
            f"http://127.0.0.1:{port}/v2/check", data={"language": "en-GB", "text": "He were here."}, timeout=60
        ).json()
        assert [m["rule"]["id"] for m in answer["matches"]] == ["PERS_PRONOUN_AGREEMENT"]
        process.send_signal(stop)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/v2/healthcheck", timeout=5)


def _java_children(parent: int) -> list[int]:
    """Process ids of the Java processes whose parent is ``parent`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
            ppid = int(fields[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and name == "java":
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.languagetool
@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="finds the Java process through /proc")
def test_a_terminated_check_shuts_down_the_languagetool_server_it_started(
    languagetool_url: str, tmp_path: Path
) -> None:
    # A CI job that runs out of time is stopped with SIGTERM: the server newsqa started for
    # the grammar check must go with it, not run on by itself.
    if not is_provisioned():
        pytest.skip("the session server is not a fetched copy")
    story = tmp_path / "story.txt"
    story.write_text("The minister were in Berlin on Monday, and he have said so. " * 5_000, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != URL_ENVIRONMENT_VARIABLE}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsqa", "check", str(story), "--select", "grammar", "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    java: list[int] = []
    try:
        for _ in range(600):
            java = _java_children(process.pid)
            if java or process.poll() is not None:
                break
            time.sleep(0.1)
        assert java, "newsqa check started no LanguageTool server"
        time.sleep(1)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 128 + signal.SIGTERM
        assert not [pid for pid in java if _running(pid)]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in java:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.languagetool
@pytest.mark.parametrize("house_style", [None, "en-GB"])
def test_a_new_server_readies_only_the_variant_the_article_is_checked_in(
    languagetool_url: str, monkeypatch: pytest.MonkeyPatch, house_style: str | None
) -> None:
    # A server readies each variant on its first request to it, which takes seconds: a probe
    # that checked a sentence in American English readied it for a British article for nothing.
    if not is_provisioned():
        pytest.skip("the session server is not a fetched copy")
    monkeypatch.delenv(URL_ENVIRONMENT_VARIABLE)
    check = GrammarCheck(Config(language=house_style, checks={"grammar": {"engine": "languagetool"}}))
    try:
        text = "The defence minister travelled to Berlin to organise the programme."
        result = check.run(Document(text, language=house_style))
        assert result.data["language"] == "en-GB"
        assert isinstance(check.engine, LanguageToolEngine)
        assert check.engine.server is not None
        assert check.engine.version == "6.8"
        done: list[str] = []
        for _ in range(100):  # the server may write its log line just after it answers
            done = regex.findall(r"Check done: \d+ chars, ([\w-]+),", check.engine.server.log_tail(lines=1_000))
            if done:
                break
            time.sleep(0.1)
    finally:
        check.close()
    assert done == ["en-GB"]


@pytest.mark.languagetool
def test_a_server_without_an_info_endpoint_is_probed_with_a_check(languagetool_url: str) -> None:
    # An older or proxied server may not have /v2/info: the probe falls back to a check,
    # which names the version too. The real server sits behind a pass-through that hides it.
    asked: list[str] = []

    class WithoutInfo(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_error(404)

        def do_POST(self) -> None:
            asked.append(self.path)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = requests.post(
                f"{languagetool_url}{self.path}",
                data=body,
                headers={"Content-Type": self.headers["Content-Type"]},
                timeout=60,
            )
            self.send_response(answer.status_code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), WithoutInfo) as proxy:
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        engine = LanguageToolEngine(f"http://127.0.0.1:{proxy.server_address[1]}")
        try:
            assert engine.probe().version == "6.8"
            matches = engine.check("She go to school every day.", "en-US")
        finally:
            engine.close()
            proxy.shutdown()
    assert asked[:2] == ["/v2/info", "/v2/check"]
    assert [(m.start, m.end) for m in matches] == [(4, 6)]
