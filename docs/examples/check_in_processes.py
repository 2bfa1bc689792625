"""Check files in a pool of worker processes, one newsqa.Checker per worker.

Usage: python check_in_processes.py FILE...

Each worker makes its checker once, in the pool's initializer, and reuses it for
every file it is given; reports come back to the parent pickled. Set
NEWSQA_LANGUAGETOOL_URL to a running LanguageTool server so that the workers
share it instead of each starting a server of its own.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

import newsqa

_checker: newsqa.Checker | None = None


def _start_worker(config: newsqa.Config) -> None:
    global _checker
    _checker = newsqa.Checker(config)


def _check(path: str) -> newsqa.Report:
    assert _checker is not None, "the pool's initializer makes the checker"
    return _checker.check(newsqa.read_text(path), identifier=path)


def check_files(paths: list[str], config: newsqa.Config, workers: int = 2) -> list[newsqa.Report]:
    """Reports for ``paths``, in order, checked by ``workers`` processes."""
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(config,)) as pool:
        return list(pool.map(_check, paths))


if __name__ == "__main__":
    for report in check_files(sys.argv[1:], newsqa.find_config(".")):
        status = "complete" if report.complete else "not run: " + ", ".join(run.check for run in report.not_run)
        print(f"{report.document.identifier}: {report.summary['findings']} findings ({status})")
