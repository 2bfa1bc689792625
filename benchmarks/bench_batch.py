"""Seconds per document for a batch on two worker processes, against one worker, with and without LanguageTool.

Texts: the BBC and US news articles of ../shared/eval (news-gb, news-us); the
benchmark skips cleanly when that folder is absent. Every figure is the whole
batch through :func:`newsqa.batch.run_batch`, worker start-up included, timed
by the wall clock, and is quoted as a ratio against one worker measured in the
same run (the ratio is the speed-up of the second worker).

The LanguageTool rows need the grammar check and a server
(``NEWSQA_LANGUAGETOOL_URL``, or a local one the grammar check can start);
they are skipped, with the reason noted, when either is missing.

    python -m benchmarks.bench_batch [--quick]
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import Context, Row, Skip, standalone
from newsqa import Config
from newsqa.batch import Input, run_batch
from newsqa.registry import registered_checks


def _documents(folder: Path, limit: int) -> list[Input]:
    files = sorted((folder / "news-gb").rglob("*.txt")) + sorted((folder / "news-us").glob("*.txt"))
    return [Input(name=str(path), path=str(path)) for path in files[:limit]]


def _seconds_per_document(inputs: list[Input], config: Config, jobs: int) -> tuple[float, set[str]]:
    started = time.perf_counter()
    done = 0
    not_run: set[str] = set()
    for _, outcome in run_batch(inputs, config, jobs=jobs):
        if outcome.report is None:
            raise RuntimeError(f"benchmark input failed: {outcome.error}")
        not_run.update(run.check for run in outcome.report.not_run)
        done += 1
    return (time.perf_counter() - started) / done, not_run


def measure(context: Context) -> Iterator[Row | str]:
    if context.eval_dir is None:
        raise Skip("../shared/eval is absent")
    inputs = _documents(context.eval_dir, min(300, 2 * context.eval_limit))
    # Worker processes only pay off on idle cores: say how busy the machine was.
    yield (
        f"batch of {len(inputs)} articles from ../shared/eval/news-gb and news-us; {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the start"
    )
    setups = [("every check but grammar", Config(ignore=("grammar",)), inputs)]
    if "grammar" in registered_checks():
        # LanguageTool takes a good part of a second per article: a third of the batch says as much.
        some = inputs[: max(20, len(inputs) // 3)]
        setups.append(("grammar check (LanguageTool)", Config(select=("grammar",)), some))
    else:
        yield "grammar check: not measured (this newsqa has no grammar check)"
    for label, config, batch in setups:
        one, not_run = _seconds_per_document(batch, config, 1)
        if not_run:
            yield f"{label}: checks that did not run, so not measured: {', '.join(sorted(not_run))}"
            continue
        two, _ = _seconds_per_document(batch, config, 2)
        yield Row(
            f"batch of {len(batch)} articles, {label}, per document, 2 worker processes (wall clock)",
            two,
            "newsqa, 1 worker",
            one,
        )


if __name__ == "__main__":
    sys.exit(standalone(measure))
