"""LanguageTool as a grammar engine: fetching it, running a server, talking to one.

Three ways to reach LanguageTool:

* **a local server newsqa starts** (the default): ``newsqa languagetool fetch``
  resolves ``org.languagetool:languagetool-server`` and ``language-en`` from
  Maven Central into a cache folder (:func:`languagetool_home`), and
  :class:`LocalServer` runs ``java -cp "<home>/lib/*"
  org.languagetool.server.HTTPServer`` on a free port of ``127.0.0.1``;
* **language-tool-python's own download** (:func:`start_with_language_tool_python`):
  on a machine that reaches languagetool.org, language-tool-python downloads
  LanguageTool and runs the server itself;
* **a remote server** (:func:`connect`): a newsroom's shared server or the
  public Docker image, from the ``url`` option or ``NEWSQA_LANGUAGETOOL_URL``.

Whichever runs the server, :class:`LanguageToolEngine` sends the text over
LanguageTool's HTTP API (``POST /v2/check``) with its own bounded timeouts: long
texts go in paragraph-aligned chunks (:func:`paragraph_chunks`) and offsets,
which LanguageTool counts in UTF-16 code units, are mapped back to code points
of the original text. A local server that died is restarted once.
"""

from __future__ import annotations

import atexit
import bisect
import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from newsqa.engines import EngineFailed, EngineMatch, EngineUnavailable
from newsqa.engines.chunks import paragraph_chunks
from newsqa.resources import data_text

if TYPE_CHECKING:
    import requests

__all__ = [
    "DEFAULT_MAX_CHUNK",
    "LANGUAGETOOL_VERSION",
    "URL_ENVIRONMENT_VARIABLE",
    "LanguageToolEngine",
    "LocalServer",
    "connect",
    "fetch",
    "find_java",
    "is_provisioned",
    "language_code",
    "languagetool_home",
    "paragraph_chunks",
    "start_local",
    "start_with_language_tool_python",
]

#: The LanguageTool release newsqa fetches: the newest that runs on Java 17.
LANGUAGETOOL_VERSION = "6.8"
#: A remote LanguageTool server to use instead of a local one.
URL_ENVIRONMENT_VARIABLE = "NEWSQA_LANGUAGETOOL_URL"
#: Where ``newsqa languagetool fetch`` puts LanguageTool, instead of the user cache.
HOME_ENVIRONMENT_VARIABLE = "NEWSQA_LANGUAGETOOL_HOME"
#: Characters sent in one request. Public servers refuse texts over 20,000 characters.
DEFAULT_MAX_CHUNK = 20_000

_MARKER = "newsqa-languagetool.json"
_SERVER_CLASS = "org.languagetool.server.HTTPServer"
_NO_DELAY = "-Dsun.net.httpserver.nodelay=true"
_FETCH_HINT = "run `newsqa languagetool fetch` (needs Maven and Maven Central)"
# LanguageTool's English variants; newsqa's other house styles map to the nearest.
_LANGUAGES = {
    "en-US": "en-US",
    "en-GB": "en-GB",
    "en-GB-oxendict": "en-GB",
    "en-IE": "en-GB",
    "en-AU": "en-AU",
    "en-CA": "en-CA",
    "en-NZ": "en-NZ",
    "en-ZA": "en-ZA",
    "en": "en-US",
}


def language_code(language: str) -> str:
    """LanguageTool's code for a newsqa language (``en-GB-oxendict`` -> ``en-GB``)."""
    return _LANGUAGES.get(language, language)


# -- provisioning ----------------------------------------------------------------------


def languagetool_home(version: str = LANGUAGETOOL_VERSION) -> Path:
    """The folder LanguageTool is fetched into and started from.

    ``$NEWSQA_LANGUAGETOOL_HOME`` when set, else
    ``$XDG_CACHE_HOME/newsqa/languagetool/<version>`` (``~/.cache`` by default).
    """
    configured = os.environ.get(HOME_ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "newsqa" / "languagetool" / version


def _read_marker(home: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((home / _MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_provisioned(home: Path | None = None, version: str = LANGUAGETOOL_VERSION) -> bool:
    """True when ``home`` holds a complete fetch of LanguageTool ``version``."""
    home = home or languagetool_home(version)
    marker = _read_marker(home)
    return bool(marker and marker.get("version") == version and (home / "lib").is_dir())


def fetch(
    home: Path | None = None,
    *,
    version: str = LANGUAGETOOL_VERSION,
    maven: str = "mvn",
    log: Callable[[str], None] | None = None,
) -> Path:
    """Fetch LanguageTool ``version`` from Maven Central into ``home`` and return ``home``.

    Does nothing when it is already there. The jars are copied into a
    temporary folder first and moved into place only when Maven succeeded, so
    an interrupted fetch never leaves a half-filled ``lib`` behind.
    """
    home = home or languagetool_home(version)
    if is_provisioned(home, version):
        return home
    executable = shutil.which(maven)
    if executable is None:
        raise EngineUnavailable(
            f"cannot fetch LanguageTool: Maven ({maven}) is not on PATH; install Maven "
            f"or point {URL_ENVIRONMENT_VARIABLE} at a LanguageTool server"
        )
    home.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fetch-", dir=home) as work:
        pom = Path(work) / "pom.xml"
        pom.write_text(data_text("languagetool-pom.xml"), encoding="utf-8")
        staging = Path(work) / "lib"
        command = [
            executable,
            "-q",
            "-B",
            "-f",
            str(pom),
            f"-Dlanguagetool.version={version}",
            "dependency:copy-dependencies",
            f"-DoutputDirectory={staging}",
        ]
        if log:
            log(f"fetching LanguageTool {version} from Maven Central into {home} ...")
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            output = (completed.stdout + completed.stderr).strip().splitlines()
            raise EngineFailed(
                f"Maven could not fetch LanguageTool {version} (exit {completed.returncode}): "
                + " | ".join(output[-3:])
            )
        jars = sorted(p.name for p in staging.glob("*.jar"))
        if not any(name.startswith("languagetool-server-") for name in jars):
            raise EngineFailed(f"Maven finished but no languagetool-server jar is in {staging}")
        target = home / "lib"
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    fetched = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    marker = {"version": version, "jars": len(jars), "fetched": fetched}
    (home / _MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return home


def find_java() -> str:
    """The ``java`` executable: ``$JAVA_HOME/bin/java`` or the first on ``PATH``."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("java")
    if found is None:
        raise EngineUnavailable(
            "Java is not installed (no java on PATH or in JAVA_HOME): install Java 17 or later, "
            f"or point {URL_ENVIRONMENT_VARIABLE} at a LanguageTool server"
        )
    return found


# -- the local server --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


_RUNNING: weakref.WeakSet[LocalServer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    # A server outliving its Python process would hold a port and a gigabyte of memory.
    for server in list(_RUNNING):
        server.stop()


class LocalServer:
    """A LanguageTool HTTP server started from a fetched copy, on ``127.0.0.1``.

    :meth:`start` returns once the server answers; it raises
    :class:`~newsqa.engines.EngineUnavailable` when LanguageTool is not fetched
    or Java is missing, and :class:`~newsqa.engines.EngineFailed` when the
    server exits or does not answer within ``start_timeout`` seconds. The
    server's own output goes to a log file whose last lines are quoted in
    those errors.
    """

    def __init__(
        self,
        home: Path | None = None,
        *,
        version: str = LANGUAGETOOL_VERSION,
        port: int | None = None,
        start_timeout: float = 120.0,
    ) -> None:
        self.home = home or languagetool_home(version)
        self.version = version
        self.requested_port = port
        self.port: int | None = None
        self.start_timeout = start_timeout
        self.start_seconds: float | None = None
        self.restarts = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: Path | None = None

    @property
    def url(self) -> str:
        """The server's base URL (``http://127.0.0.1:PORT``)."""
        if self.port is None:
            raise RuntimeError("the server is not started")
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        """The Java process id while it runs."""
        return self._process.pid if self._process is not None else None

    def alive(self) -> bool:
        """True while the Java process runs."""
        return self._process is not None and self._process.poll() is None

    def exit_code(self) -> int | None:
        """The Java process's exit code once it has ended."""
        return self._process.poll() if self._process is not None else None

    def command(self, java: str, port: int) -> list[str]:
        """The command line that runs the server."""
        classpath = str(self.home / "lib" / "*")
        # Java's HTTP server leaves Nagle's algorithm on: on a kept-alive connection the
        # end of each answer then waits for the client's delayed ACK, about 40 ms a request.
        return [java, _NO_DELAY, "-cp", classpath, _SERVER_CLASS, "--port", str(port)]

    def start(self) -> LocalServer:
        """Start the server and wait until it answers."""
        if self.alive():
            return self
        if not is_provisioned(self.home, self.version):
            raise EngineUnavailable(f"LanguageTool {self.version} is not fetched into {self.home}: {_FETCH_HINT}")
        java = find_java()
        self.port = self.requested_port or _free_port()
        if self._log is None:
            handle, name = tempfile.mkstemp(prefix="newsqa-languagetool-", suffix=".log")
            os.close(handle)
            self._log = Path(name)
        started = time.perf_counter()
        with open(self._log, "wb") as log:
            self._process = subprocess.Popen(
                self.command(java, self.port),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.home,
            )
        _RUNNING.add(self)
        self._wait_ready(started)
        self.start_seconds = time.perf_counter() - started
        return self

    def _wait_ready(self, started: float) -> None:
        import requests

        url = f"{self.url}/v2/healthcheck"
        with requests.Session() as session:
            while time.perf_counter() - started < self.start_timeout:
                code = self.exit_code()
                if code is not None:
                    raise EngineFailed(
                        f"the LanguageTool server exited with code {code} while starting: {self.log_tail()}"
                    )
                with contextlib.suppress(requests.RequestException):
                    if session.get(url, timeout=2).ok:
                        return
                time.sleep(0.25)
        self.stop()
        raise EngineFailed(
            f"the LanguageTool server did not answer within {self.start_timeout:g} s of starting "
            f"on port {self.port}: {self.log_tail()}"
        )

    def restart(self) -> None:
        """Start the server again after it died (on a new port when none was asked for)."""
        self.stop()
        self.restarts += 1
        self.start()

    def log_tail(self, lines: int = 3) -> str:
        """The last lines the server wrote, for error messages."""
        if self._log is None:
            return "(no log)"
        try:
            text = self._log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return "(log unreadable)"
        tail = " | ".join(line.strip() for line in text[-lines:] if line.strip())
        return tail or "(the server wrote nothing)"

    def stop(self) -> None:
        """Stop the server. Safe to call twice."""
        process, self._process = self._process, None
        _RUNNING.discard(self)
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def close(self) -> None:
        """Stop the server and remove its log."""
        self.stop()
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.unlink()
            self._log = None

    def wait(self) -> int:
        """Block until the server exits (for ``newsqa languagetool serve``); its exit code."""
        if self._process is None:
            raise RuntimeError("the server is not started")
        return self._process.wait()


_LONE_SURROGATE = regex.compile("[\ud800-\udfff]")


class _Utf16Map:
    """Maps UTF-16 code-unit offsets (LanguageTool's) to code-point offsets of one string."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # UTF-16 offsets at which a character outside the BMP (two code units) starts.
        self._astral: list[int] = []
        units = 0
        for ch in text:
            if ord(ch) > 0xFFFF:
                self._astral.append(units)
                units += 2
            else:
                units += 1

    def code_points(self, utf16: int) -> int:
        if not self._astral:
            return utf16
        return utf16 - bisect.bisect_left(self._astral, utf16)


# -- the engine ----------------------------------------------------------------------------


def _base_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise EngineUnavailable(f"LanguageTool URL {url!r} must start with http:// or https://")
    return url.removesuffix("/v2")


class LanguageToolEngine:
    """Checks text on a LanguageTool server over its HTTP API.

    ``server`` is the :class:`LocalServer` behind ``url`` when newsqa started
    it (so a dead server can be restarted once); ``on_close`` releases a
    server someone else started. ``disabled_rules`` and ``enabled_rules`` are
    LanguageTool rule ids sent with every request; ``timeout`` bounds each
    request in seconds.
    """

    name = "languagetool"

    def __init__(
        self,
        url: str,
        *,
        server: LocalServer | None = None,
        timeout: float = 60.0,
        max_chunk: int = DEFAULT_MAX_CHUNK,
        disabled_rules: Sequence[str] = (),
        enabled_rules: Sequence[str] = (),
        on_close: Callable[[], None] | None = None,
    ) -> None:
        self.url = _base_url(url)
        self.server = server
        self.timeout = timeout
        self.max_chunk = max_chunk
        self.disabled_rules = tuple(disabled_rules)
        self.enabled_rules = tuple(enabled_rules)
        self._on_close = on_close
        import requests  # here, not at the top: a run without grammar never pays for importing it

        self._session = requests.Session()
        self._version: str | None = None
        self._closed = False

    @property
    def version(self) -> str | None:
        """LanguageTool's version as the server reports it (after :meth:`probe`)."""
        return self._version

    @property
    def restarts(self) -> int:
        """How often newsqa restarted its local server after it died."""
        return self.server.restarts if self.server is not None else 0

    @property
    def where(self) -> str:
        """Where the server is, for reasons in reports."""
        if self.server is not None:
            return f"local server on port {self.server.port}"
        return self.url

    def probe(self) -> LanguageToolEngine:
        """Ask the server for its version; raises :class:`EngineFailed` when it does not answer.

        The server's ``/v2/info`` answers at once; a check would make a fresh server
        ready the English variant it is asked in (seconds), perhaps not the one the
        first article needs. A server too old to have ``/v2/info`` gets a check.
        """
        try:
            response = self._send("GET", "/v2/info")
            if response.status_code == 404:
                self._request("Test.", "en-US")
            else:
                self._note_version(self._json(response))
        except _ServerGone:
            raise self._gone() from None
        return self

    def check(self, text: str, language: str) -> list[EngineMatch]:
        """Check ``text`` in paragraph-aligned chunks; offsets are code points into ``text``."""
        code = language_code(language)
        matches: list[EngineMatch] = []
        restarted = False
        for start, end in paragraph_chunks(text, self.max_chunk):
            chunk = text[start:end]
            if not chunk.strip():
                continue
            try:
                data = self._request(chunk, code)
            except _ServerGone:
                if self.server is None or restarted:
                    raise self._gone() from None
                restarted = True
                self._restart()
                try:
                    data = self._request(chunk, code)
                except _ServerGone:
                    raise self._gone(after_restart=True) from None
            matches.extend(self._matches(data, chunk, start))
        return matches

    def _restart(self) -> None:
        assert self.server is not None
        code = self.server.exit_code()
        try:
            self.server.restart()
        except (EngineFailed, EngineUnavailable) as error:
            raise EngineFailed(
                f"the local LanguageTool server died (exit code {code}) and could not be restarted: {error}"
            ) from None
        self.url = self.server.url

    def _gone(self, *, after_restart: bool = False) -> EngineFailed:
        if self.server is not None:
            if after_restart:
                return EngineFailed(
                    f"the local LanguageTool server died again right after a restart: {self.server.log_tail()}"
                )
            return EngineFailed(f"the local LanguageTool server stopped answering: {self.server.log_tail()}")
        return EngineFailed(
            f"the LanguageTool server at {self.url} does not answer (connection refused or reset); "
            f"check that it runs, or change grammar.url / {URL_ENVIRONMENT_VARIABLE}"
        )

    def _request(self, text: str, language: str) -> dict[str, Any]:
        # A Python string may hold a lone surrogate, which no HTTP body can carry; the
        # replacement character takes its place, one UTF-16 unit for one, so offsets hold.
        params = {"language": language, "text": _LONE_SURROGATE.sub("\ufffd", text)}
        if self.disabled_rules:
            params["disabledRules"] = ",".join(self.disabled_rules)
        if self.enabled_rules:
            params["enabledRules"] = ",".join(self.enabled_rules)
        response = self._send("POST", "/v2/check", data=params)
        if response.status_code == 413:
            raise EngineFailed(
                f"LanguageTool at {self.url} refuses texts of {len(text):,} characters: lower grammar.max_chunk"
            )
        data = self._json(response)
        if not isinstance(data.get("matches"), list):
            raise EngineFailed(f"LanguageTool at {self.url} answered JSON without matches")
        self._note_version(data)
        return data

    def _send(self, method: str, path: str, **options: Any) -> requests.Response:
        """The server's answer to one request; :class:`_ServerGone` when nothing answers."""
        import requests

        if self._closed:
            raise EngineFailed("the LanguageTool engine is closed")
        try:
            return self._session.request(method, f"{self.url}{path}", timeout=(5.0, self.timeout), **options)
        except requests.Timeout:
            raise EngineFailed(
                f"LanguageTool at {self.url} did not answer within {self.timeout:g} s "
                "(raise grammar.timeout, or check the server's load)"
            ) from None
        except requests.ConnectionError:
            raise _ServerGone from None

    def _json(self, response: requests.Response) -> dict[str, Any]:
        """The JSON object of a successful answer; :class:`EngineFailed` for anything else."""
        if not response.ok:
            raise EngineFailed(
                f"LanguageTool at {self.url} answered HTTP {response.status_code}: {response.text.strip()[:200]}"
            )
        try:
            data = response.json()
        except ValueError:
            raise EngineFailed(f"LanguageTool at {self.url} answered something that is not JSON") from None
        if not isinstance(data, dict):
            raise EngineFailed(f"LanguageTool at {self.url} answered JSON that is not an object")
        return data

    def _note_version(self, data: dict[str, Any]) -> None:
        software = data.get("software")
        if isinstance(software, dict) and software.get("version"):
            self._version = str(software["version"])

    @staticmethod
    def _matches(data: dict[str, Any], chunk: str, offset: int) -> Iterator[EngineMatch]:
        positions = _Utf16Map(chunk)
        for match in data["matches"]:
            rule = match.get("rule") or {}
            start = positions.code_points(int(match["offset"]))
            end = positions.code_points(int(match["offset"]) + int(match["length"]))
            yield EngineMatch(
                start=offset + start,
                end=offset + end,
                rule_id=str(rule.get("id", "UNKNOWN")),
                category=str((rule.get("category") or {}).get("id", "MISC")),
                message=str(match.get("message", "")),
                suggestions=tuple(str(r["value"]) for r in match.get("replacements", ())[:5] if "value" in r),
                issue_type=rule.get("issueType"),
                rule_description=rule.get("description"),
            )

    def close(self) -> None:
        """Close the HTTP session and stop the server newsqa started. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._session.close()
        if self.server is not None:
            self.server.close()
        if self._on_close is not None:
            self._on_close()


class _ServerGone(Exception):
    """The connection was refused or reset: the server is not there (any more)."""


def connect(url: str, **options: Any) -> LanguageToolEngine:
    """An engine for the LanguageTool server at ``url``, checked to answer."""
    engine = LanguageToolEngine(url, **options)
    try:
        return engine.probe()
    except EngineFailed:
        engine.close()
        raise


def start_local(home: Path | None = None, *, start_timeout: float = 120.0, **options: Any) -> LanguageToolEngine:
    """Start a local server from the fetched copy in ``home`` and return an engine on it."""
    server = LocalServer(home, start_timeout=start_timeout).start()
    try:
        return LanguageToolEngine(server.url, server=server, **options).probe()
    except BaseException:
        server.close()
        raise


def start_with_language_tool_python(**options: Any) -> LanguageToolEngine:
    """Let language-tool-python download LanguageTool (needs languagetool.org) and run it.

    language-tool-python keeps its download in its own cache (``LTP_PATH``) and
    starts the server; newsqa talks to it like any other and stops it on close.
    """
    import language_tool_python

    try:
        tool = language_tool_python.LanguageTool("en-US")
    except Exception as error:  # noqa: BLE001 - its download and Java errors have no common base
        raise EngineFailed(f"language-tool-python could not download or start LanguageTool: {error}") from None
    engine = LanguageToolEngine(tool.url, on_close=tool.close, **options)
    try:
        return engine.probe()
    except BaseException:
        engine.close()
        raise
