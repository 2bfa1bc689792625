"""Where one article's time goes, component by component, against an earlier revision in the same run.

    python -m benchmarks.components [--words 800 10000] [--against REV] [--repeat N]

For each generated article (:func:`benchmarks.articles.article`) it times, in CPU
seconds of this process (``time.process_time``, pinned to one core): building the
:class:`~newsqa.Document`; each non-grammar check run on a freshly built document
(the document is timed apart, so a check's figure is what it adds); and one whole
``Checker.check`` with every non-grammar check. Figures are medians over the
repetitions.

With ``--against REV`` the ``newsqa`` package of that git revision is extracted
from this repository into a temporary folder, renamed ``newsqa_against`` and
imported next to this checkout's, and the two are timed in alternation, one
repetition each in turn, so that load from other programs falls on both alike;
the table then shows both figures and their ratio (above 1: this checkout is
faster). Needs ``git``.
"""

from __future__ import annotations

import argparse
import importlib
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import newsqa
from benchmarks.articles import PUBLISHED, article
from benchmarks.bench_pipeline import non_grammar_checks
from benchmarks.common import one_core

ROOT = Path(__file__).resolve().parents[1]
RENAMED = "newsqa_against"
PIPELINE = "check (all but grammar)"


def extract(revision: str, folder: Path) -> ModuleType:
    """Import the ``newsqa`` package of ``revision`` as ``newsqa_against``."""
    archive = folder / "against.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", revision, "newsqa"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    package = folder / RENAMED
    (folder / "newsqa").rename(package)
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bnewsqa\b", RENAMED, source), encoding="utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module(RENAMED)


class Subject:
    """One newsqa package set up to time one article."""

    def __init__(self, package: Any, text: str) -> None:
        self.package = package
        self.text = text
        self.checker = package.Checker(package.Config(select=non_grammar_checks()))
        self.checks = {check.name: check for check in self.checker._checks}
        self.checker.check(text, published=PUBLISHED)  # tables loaded, patterns compiled
        self.samples: dict[str, list[float]] = {"document": [], **{name: [] for name in self.checks}, PIPELINE: []}

    def repeat(self) -> None:
        clock = time.process_time
        for name, check in self.checks.items():
            started = clock()
            document = self.package.Document(self.text, published=PUBLISHED)
            built = clock()
            check.run(document)
            self.samples["document"].append(built - started)
            self.samples[name].append(clock() - built)
        started = clock()
        self.checker.check(self.text, published=PUBLISHED)
        self.samples[PIPELINE].append(clock() - started)

    def medians(self) -> dict[str, float]:
        return {name: statistics.median(values) for name, values in self.samples.items()}


def measure(words: int, repeat: int, against: Any | None) -> list[str]:
    text = article(words)
    subjects: list[Subject] = [Subject(newsqa, text)]
    if against is not None:
        subjects.append(Subject(against, text))
    for _ in range(repeat):
        for subject in subjects:
            subject.repeat()
    ours = subjects[0].medians()
    theirs = subjects[1].medians() if against is not None else None
    lines = [f"{words:,}-word article, median of {repeat} repetitions, CPU ms on one core:"]
    for name, seconds in ours.items():
        line = f"  {name:<26} {seconds * 1e3:9.3f}"
        if theirs is not None and name in theirs:
            line += f"   against {theirs[name] * 1e3:9.3f}   ratio {theirs[name] / seconds:5.2f}"
        lines.append(line)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.components", description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[800, 10_000])
    parser.add_argument("--against", metavar="REV", help="an earlier git revision to time in the same run")
    parser.add_argument("--repeat", type=int, help="repetitions (default: 320,000 words' worth, at least 9)")
    args = parser.parse_args(argv)

    def run(against: Any | None) -> None:
        with one_core():
            for words in args.words:
                repeat = args.repeat or max(9, 320_000 // words)
                print("\n".join(measure(words, repeat, against)), flush=True)

    if args.against is None:
        run(None)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        print(f"against {args.against}: ratio = its time / this checkout's time")
        run(extract(args.against, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
