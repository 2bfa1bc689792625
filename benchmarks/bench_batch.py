"""Documents per second for a batch, on one and on two worker processes, with and without LanguageTool.

Texts: the BBC and US news articles of ../shared/eval (news-gb, news-us); the
benchmark skips cleanly when that folder is absent. Every figure is the whole
batch through :func:`newsqa.batch.run_batch`, worker start-up included, and is
quoted as a ratio against one worker measured in the same run.

    python benchmarks/bench_batch.py [--documents 300]

The LanguageTool rows need the grammar check and a server
(``NEWSQA_LANGUAGETOOL_URL``, or a local one the grammar check can start);
they are skipped, with the reason printed, when either is missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from newsqa import Config
from newsqa.batch import Input, run_batch
from newsqa.registry import registered_checks

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def _documents(limit: int) -> list[Input]:
    files = sorted((EVAL / "news-gb").rglob("*.txt")) + sorted((EVAL / "news-us").glob("*.txt"))
    return [Input(name=str(path), path=str(path)) for path in files[:limit]]


def _rate(inputs: list[Input], config: Config, jobs: int) -> tuple[float, int, set[str]]:
    started = time.perf_counter()
    done = 0
    not_run: set[str] = set()
    for _, outcome in run_batch(inputs, config, jobs=jobs):
        if outcome.report is None:
            raise SystemExit(f"benchmark input failed: {outcome.error}")
        not_run.update(run.check for run in outcome.report.not_run)
        done += 1
    return done / (time.perf_counter() - started), done, not_run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent")
        return 0
    inputs = _documents(args.documents)
    print(f"batch of {len(inputs)} documents from {EVAL}/news-gb and news-us")
    # Worker processes only pay off on idle cores: say how busy the machine was.
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
    setups = [("without LanguageTool", Config(ignore=("grammar",)))]
    if "grammar" in registered_checks():
        setups.append(("with LanguageTool", Config(select=("grammar",))))
    else:
        print("with LanguageTool: skipped (this newsqa has no grammar check yet)")
    for label, config in setups:
        rates = {}
        for jobs in (1, 2):
            rate, done, not_run = _rate(inputs, config, jobs)
            if not_run:
                print(f"{label}, {jobs} worker(s): checks not run: {', '.join(sorted(not_run))}")
            rates[jobs] = rate
            print(f"{label}, {jobs} worker(s): {rate:8.1f} documents/s ({done} documents)")
        print(f"{label}: two workers run at {rates[2] / rates[1]:.2f}x the rate of one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
