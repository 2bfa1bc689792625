"""Peak memory of a batch: 10,000 documents must need no more than 1,000 do.

``newsqa check FOLDER --format jsonl`` runs in a child process over a folder of
generated articles (about 400 words each, every one different); its peak
resident memory (``ru_maxrss`` of the largest process, the command or one of
its workers) is read with :mod:`resource` once it has finished. The peer is
the same command on a tenth of the documents, measured in the same run: the
ratio of the two peaks is 1 when memory does not grow with the batch. The
grammar check is left out (its server's memory is its own), every other check
runs, on one and on two worker processes. The batch is one day's copy: the
publication date is given on the command line, as a newsroom's gate does.

    python -m benchmarks.bench_memory [--quick]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.articles import PUBLISHED, article
from benchmarks.common import ROOT, Context, Row, Skip, standalone

LARGE = 10_000
WORDS = 400
# Runs in a fresh interpreter so that only the command's own processes are counted.
_PEAK = """
import resource, subprocess, sys
completed = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
if completed.returncode not in (0, 1):
    sys.exit(completed.stderr.decode()[-2000:] or f"exit status {completed.returncode}")
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def write_articles(folder: Path, count: int) -> None:
    for index in range(count):
        (folder / f"{index:05d}.txt").write_text(article(WORDS, seed=index), encoding="utf-8")


def peak_mib(folder: Path, jobs: int) -> float:
    """Peak resident memory in MiB of ``newsqa check folder`` on ``jobs`` workers."""
    command = [
        sys.executable,
        "-m",
        "newsqa",
        "check",
        str(folder),
        "--format",
        "jsonl",
        "--ignore",
        "grammar",
        "--fail-on",
        "never",
        "--published",
        PUBLISHED.isoformat(),
        "--jobs",
        str(jobs),
    ]
    completed = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if completed.returncode:
        raise RuntimeError(f"newsqa check failed: {completed.stderr.strip()[-1000:]}")
    return int(completed.stdout.split()[-1]) / 1024


def measure(context: Context) -> Iterator[Row | str]:
    large = LARGE if context.sizes[-1] >= 50_000 else LARGE // 10
    small = large // 10
    if not hasattr(__import__("resource"), "getrusage"):
        raise Skip("the resource module cannot read peak memory here")
    with tempfile.TemporaryDirectory(prefix="newsqa-memory-") as root:
        small_folder, large_folder = Path(root, "small"), Path(root, "large")
        small_folder.mkdir()
        large_folder.mkdir()
        write_articles(small_folder, small)
        write_articles(large_folder, large)
        yield f"batches of generated {WORDS}-word articles, written to a temporary folder"
        for jobs in (1, 2):
            peer = peak_mib(small_folder, jobs)
            ours = peak_mib(large_folder, jobs)
            yield Row(
                f"peak memory, batch of {large:,} documents, {jobs} worker process{'es' if jobs > 1 else ''}",
                ours,
                f"same command, {small:,} documents",
                peer,
                target="ratio ≥ 0.9 (flat)",
                met=peer / ours >= 0.9,
                unit="MiB",
            )


if __name__ == "__main__":
    sys.exit(standalone(measure))
