"""Benchmark: one article through the ``newsqa check`` command, start-up included, against proselint's command.

A pre-publication gate runs the command once per commit or article, so the
process's start (importing the package, building the checks, loading tables
and compiling patterns on first use) counts as much as the checking. Both
commands get the seed article (``seeds/``) in a fresh process each time, in
turns, timed by the wall clock: ``newsqa check`` with every check but grammar,
``proselint check`` with its default checks. Both run as installed packages
do, from their compiled bytecode: each command runs once before the timing,
with ``PYTHONDONTWRITEBYTECODE`` cleared so that run can write it. Notes split newsqa's time into
importing the package, making the checker, the first check and a later check of
the same text, measured in one further process.

    python -m benchmarks.bench_startup [--quick]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.bench_pipeline import non_grammar_checks
from benchmarks.common import Context, Row, Skip, standalone

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_100169222cfc808a.txt"
PUBLISHED = "2024-07-24"
# Run in a fresh interpreter: what one ``newsqa check`` process spends before and on its check.
_PHASES = """
import datetime as dt, json, sys, time
started = time.perf_counter()
import newsqa
imported = time.perf_counter()
checker = newsqa.Checker(newsqa.Config(select=tuple(sys.argv[2].split(","))))
made = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
checker.check(text, published=dt.date(2024, 7, 24))
first = time.perf_counter()
checker.check(text, published=dt.date(2024, 7, 24))
second = time.perf_counter()
print(json.dumps([imported - started, made - imported, first - made, second - first]))
"""


# A package imported from source it may not cache compiles every module at every start.
_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _wall(command: Sequence[str]) -> float:
    started = time.perf_counter()
    # The exit status says whether findings were made; only a crash matters here.
    done = subprocess.run(command, capture_output=True, text=True, env=_ENVIRONMENT)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command[2]} exited with {done.returncode}: {done.stderr[-500:]}")
    return time.perf_counter() - started


def measure(context: Context) -> Iterator[Row | str]:
    try:
        import proselint  # noqa: F401
    except ImportError as error:
        raise Skip(f"proselint is not installed (pip install -e .[benchmark]): {error}") from None
    checks = ",".join(non_grammar_checks())
    ours = [sys.executable, "-m", "newsqa", "check", str(SEED), "--published", PUBLISHED, "--select", checks]
    theirs = [sys.executable, "-m", "proselint", "check", str(SEED)]
    baseline = [sys.executable, "-c", "pass"]
    times: dict[str, list[float]] = {"newsqa": [], "proselint": [], "python": []}
    _wall(ours)  # bytecode written and files cached before the timing
    _wall(theirs)
    for _ in range(max(5, 2 * context.repeat)):
        times["newsqa"].append(_wall(ours))
        times["proselint"].append(_wall(theirs))
        times["python"].append(_wall(baseline))
    median = {tool: statistics.median(seconds) for tool, seconds in times.items()}
    yield Row(
        f"`newsqa check` command on {SEED.name} ({len(SEED.read_text(encoding='utf-8').split())} words), "
        f"every check but grammar, fresh process, wall clock, median of {len(times['newsqa'])}",
        median["newsqa"],
        "`proselint check` command",
        median["proselint"],
    )
    phases = subprocess.run(
        [sys.executable, "-c", _PHASES, str(SEED), checks],
        capture_output=True,
        text=True,
        check=True,
        env=_ENVIRONMENT,
    )
    imported, made, first, second = json.loads(phases.stdout)
    yield (
        f"start-up: a bare `python -c pass` takes {median['python'] * 1000:.0f} ms; in one newsqa process, "
        f"`import newsqa` {imported * 1000:.0f} ms, making the checker {made * 1000:.0f} ms, the first check "
        f"{first * 1000:.0f} ms (tables loaded, patterns compiled), a second check of the same text "
        f"{second * 1000:.1f} ms"
    )


if __name__ == "__main__":
    sys.exit(standalone(measure))
