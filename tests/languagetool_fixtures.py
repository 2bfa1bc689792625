"""One real LanguageTool server for the whole test session.

Registered from ``conftest.py`` through ``pytest_plugins``. The server is
started from the copy that ``newsqa languagetool fetch`` put in the cache and
its URL is exported as ``NEWSQA_LANGUAGETOOL_URL``, so every ``Checker`` the
tests build, and every ``newsqa`` subprocess they run, uses this one server
instead of starting its own. When LanguageTool is not fetched the tests that
need it are skipped, unless ``NEWSQA_REQUIRE_LANGUAGETOOL=1`` (set by CI),
which turns that into a failure.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator

import pytest

from newsqa.engines import EngineFailed, EngineUnavailable
from newsqa.engines.languagetool import URL_ENVIRONMENT_VARIABLE, LocalServer

REQUIRE_VARIABLE = "NEWSQA_REQUIRE_LANGUAGETOOL"


def _required() -> bool:
    return os.environ.get(REQUIRE_VARIABLE, "") not in ("", "0")


@pytest.fixture(scope="session", autouse=True)
def languagetool_session() -> Iterator[str | None]:
    """Start one server for the session; its URL, or None when LanguageTool cannot run here."""
    external = os.environ.get(URL_ENVIRONMENT_VARIABLE)
    if external:
        yield external
        return
    server = LocalServer()
    try:
        server.start()
    except (EngineUnavailable, EngineFailed) as error:
        if _required():
            pytest.fail(f"{REQUIRE_VARIABLE} is set but no LanguageTool server could be started: {error}")
        yield None
        return
    os.environ[URL_ENVIRONMENT_VARIABLE] = server.url
    try:
        yield server.url
    finally:
        os.environ.pop(URL_ENVIRONMENT_VARIABLE, None)
        server.close()


@pytest.fixture
def languagetool_url(languagetool_session: str | None) -> str:
    """The session server's URL; skips the test (fails it in CI) when there is none."""
    if languagetool_session is None:
        message = "LanguageTool is not available: run `newsqa languagetool fetch` (needs Java 17 and Maven)"
        if _required():
            pytest.fail(message)
        pytest.skip(message)
    return languagetool_session


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket that accepts connections and reads requests but never answers: a hanging server."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()
