"""Quality gates: ``nox -s tests``, ``nox -s lint``, ``nox -s typing``, ``nox -s docs``."""

from __future__ import annotations

import os
import shutil

import nox

nox.options.sessions = ["tests", "lint", "typing"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite against a real LanguageTool server."""
    session.install("-e", ".[test]")
    # LanguageTool from Maven Central into the user cache (a no-op when it is there already).
    session.run("newsqa", "languagetool", "fetch")
    session.run("pytest", *session.posargs, env={"PYTHONHASHSEED": "0"})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting of the package, tests, benchmarks, fuzz targets and docs."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", "newsqa", "tests", "benchmarks", "fuzz", "docs", "noxfile.py")
    session.run("ruff", "format", "--check", "newsqa", "tests", "benchmarks", "fuzz", "docs", "noxfile.py")


@nox.session(python=PYTHON)
def typing(session: nox.Session) -> None:
    """mypy --strict over the package."""
    session.install("-e", ".[lint,harper]")
    session.run("mypy", "--strict", "newsqa")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation (warnings are errors, every reference checked), then run its doctests.

    The catalogue, the option tables and the seed walkthrough are made by running
    newsqa during the build; docs/build.py runs both builders in one process.
    """
    session.install("-e", ".[docs]")
    # The grammar examples and the seed walkthrough run on LanguageTool (fetched once, cached).
    # Where it cannot be fetched the build still passes and the pages say what did not run,
    # unless NEWSQA_REQUIRE_LANGUAGETOOL is set, as in CI.
    required = os.environ.get("NEWSQA_REQUIRE_LANGUAGETOOL", "") not in ("", "0")
    session.run("newsqa", "languagetool", "fetch", success_codes=[0] if required else [0, 1, 2])
    session.run("python", os.path.join("docs", "build.py"), *session.posargs)


@nox.session(python=PYTHON)
def benchmarks(session: nox.Session) -> None:
    """Every benchmark against its peer; writes benchmarks/results/RESULTS.md and scaling.png.

    Texts from ../shared/eval are used when present (skipped cleanly when absent);
    the grammar benchmarks use LanguageTool (fetched here) and Harper.
    ``nox -s benchmarks -- --quick`` runs small sizes only.
    """
    session.install("-e", ".[benchmark,harper]")
    session.run("newsqa", "languagetool", "fetch")
    session.run("python", "-m", "benchmarks", *session.posargs)


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Coverage-guided fuzzing (atheris) of the date parser and the markup stripping, a fixed number of runs each.

    ``nox -s fuzz -- 100000`` runs more. New inputs and any crash go to a temporary
    folder (the seed corpus in fuzz/corpus is left as it is); a crash fails the session
    and prints the input that caused it.
    """
    session.install("-e", ".[fuzz]")
    runs = session.posargs[0] if session.posargs else "20000"
    scratch = session.create_tmp()
    for target in ("dates", "markup"):
        # Start from the seed corpus alone, so that every run does the same number of the same kind of runs.
        found = os.path.join(scratch, f"corpus-{target}")
        shutil.rmtree(found, ignore_errors=True)
        os.makedirs(found)
        session.run(
            "python",
            os.path.join("fuzz", f"fuzz_{target}.py"),
            f"-runs={runs}",
            "-seed=1",
            "-max_len=2048",
            f"-artifact_prefix={scratch}{os.sep}",
            found,
            os.path.join("fuzz", "corpus", target),
        )
