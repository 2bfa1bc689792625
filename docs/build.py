"""Build the HTML documentation, then run its doctests, in one process.

``nox -s docs`` runs this. Both builds share one doctree cache and, through the
``newsqa_sphinx`` extension, one LanguageTool server, which takes most of a
minute to start on a small machine. Extra arguments go to both builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.cmd.build import build_main

DOCS = Path(__file__).resolve().parent
BUILD = DOCS / "_build"


def main(extra: list[str]) -> int:
    """Exit status: 0 when the HTML build had no warning and every doctest passed."""
    common = ["-W", "--keep-going", "-n", "-d", str(BUILD / "doctrees"), *extra]
    status = build_main([*common, "-E", "-b", "html", str(DOCS), str(BUILD / "html")])
    if status:
        return status
    return build_main([*common, "-b", "doctest", str(DOCS), str(BUILD / "doctest")])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
