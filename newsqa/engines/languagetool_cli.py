"""``newsqa languagetool``: fetch LanguageTool, or run its server in the foreground.

``newsqa languagetool fetch`` resolves LanguageTool from Maven Central into the
cache folder (``$NEWSQA_LANGUAGETOOL_HOME`` or ``~/.cache/newsqa/languagetool/<version>``)
and prints that folder; it does nothing when LanguageTool is already there.
``newsqa languagetool serve`` starts a server from it and keeps it running
until interrupted, for a newsroom to share through ``NEWSQA_LANGUAGETOOL_URL``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsqa.engines import languagetool

__all__ = ["add_parser"]


def add_parser(commands: Any) -> argparse.ArgumentParser:
    """Add the ``languagetool`` command to the ``newsqa`` command's subparsers."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "languagetool", help="fetch LanguageTool from Maven Central, or run its server"
    )
    actions = parser.add_subparsers(dest="languagetool_command", required=True)
    home_help = "folder to fetch into and start from (default: $NEWSQA_LANGUAGETOOL_HOME or the user cache)"

    fetch = actions.add_parser("fetch", help="fetch LanguageTool with Maven and print its folder")
    fetch.add_argument("--home", type=Path, help=home_help)
    fetch.set_defaults(handler=_fetch)

    serve = actions.add_parser("serve", help="run a LanguageTool server in the foreground")
    serve.add_argument("--home", type=Path, help=home_help)
    serve.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (default: 8081)")
    serve.set_defaults(handler=_serve)
    return parser


def _fetch(args: argparse.Namespace) -> int:
    home = languagetool.fetch(args.home, log=lambda line: print(line, file=sys.stderr))
    print(home)
    return 0


def _serve(args: argparse.Namespace) -> int:
    server = languagetool.LocalServer(args.home, port=args.port)
    try:
        server.start()
        print(
            f"LanguageTool {server.version} serving at {server.url} (started in {server.start_seconds:.1f} s); "
            f"use it with {languagetool.URL_ENVIRONMENT_VARIABLE}={server.url}; Ctrl-C stops it",
            file=sys.stderr,
            flush=True,
        )
        code = server.wait()
        print(f"newsqa: error: the LanguageTool server exited with code {code}: {server.log_tail()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # Ctrl-C, or SIGTERM (see newsqa.cli.main), even while the server is still starting.
        return 0
    finally:
        server.close()
