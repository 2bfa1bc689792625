"""Run every benchmark and write the results table and the plot.

    python -m benchmarks [--quick] [--only pipeline dates ...] [--out benchmarks/results]

Each module ``benchmarks/bench_<name>.py`` with a ``measure(context)`` function
(see :mod:`benchmarks.common`) is run in turn; a module without one is run as a
script and its output kept as notes. Writes ``RESULTS.md`` (the table: each
benchmark with newsqa's figure, the peer's figure in the same run, their ratio,
the target and whether it was met), ``results.json`` (the same, with every
point measured) and ``scaling.png`` (time against article length).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import pkgutil
import platform
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import newsqa
from benchmarks.common import (
    QUICK_SIZES,
    RESULTS,
    ROOT,
    Context,
    Curve,
    Row,
    Skip,
    describe,
    format_value,
)


@dataclass
class Outcome:
    """What one benchmark module gave."""

    name: str
    rows: list[Row] = field(default_factory=list)
    curves: list[Curve] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: str | None = None
    failed: str | None = None
    seconds: float = 0.0


def discover() -> list[str]:
    """Names of the benchmark modules, ``bench_*`` in this package, sorted."""
    import benchmarks

    return sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))


def run_module(name: str, context: Context) -> Outcome:
    outcome = Outcome(name)
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        measure = getattr(module, "measure", None)
        if measure is None:
            outcome.notes.extend(_run_script(name))
        else:
            for item in measure(context):
                print(f"  {describe(item)}", flush=True)
                if isinstance(item, Row):
                    outcome.rows.append(item)
                elif isinstance(item, Curve):
                    outcome.curves.append(item)
                else:
                    outcome.notes.append(item)
    except Skip as skip:
        outcome.skipped = str(skip)
        print(f"  skipped: {skip}", flush=True)
    except Exception as error:  # noqa: BLE001 - one broken benchmark must not lose the others' figures
        outcome.failed = f"{type(error).__name__}: {error}"
        traceback.print_exc()
    outcome.seconds = time.perf_counter() - started
    return outcome


def _run_script(name: str) -> list[str]:
    """Run a benchmark that has no ``measure`` function as a script; its output lines become notes."""
    completed = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{name}"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if completed.returncode:
        raise RuntimeError(f"exit status {completed.returncode}: {completed.stderr.strip()[-500:]}")
    lines = [line for line in completed.stdout.splitlines() if line.strip()]
    for line in lines:
        print(f"  {line}", flush=True)
    return lines


def _commit() -> str:
    try:
        completed = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, check=False
        )
    except OSError:
        return "unknown"
    return completed.stdout.strip() or "unknown"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ratio(row: Row) -> str:
    return "–" if row.ratio is None else f"{row.ratio:.2f}"


def _met(row: Row) -> str:
    return "" if row.met is None else ("yes" if row.met else "**no**")


def write_markdown(outcomes: Sequence[Outcome], context: Context, command: str, path: Path, plot: Path | None) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `{command}` on {dt.date.today().isoformat()}: newsqa {newsqa.__version__} "
        f"(commit {_commit()}), Python {platform.python_version()}, {platform.system()}, {_cpu()}, "
        f"{os.cpu_count()} logical CPUs.",
        "",
        f"Texts: generated articles of {context.sizes[0]:,} to {context.sizes[-1]:,} words "
        f"(`benchmarks/articles.py`) and {context.eval_source()}.",
        "In-process figures are CPU seconds of the benchmark process (`time.process_time`) pinned to one core; "
        "work done by a server (LanguageTool) and batches with worker processes are timed by the wall clock. "
        "**ratio** is the peer's figure divided by newsqa's: above 1, newsqa is faster (or smaller).",
        "",
        "| benchmark | newsqa | peer | peer time | ratio | target | met? |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for outcome in outcomes:
        for row in outcome.rows:
            lines.append(
                f"| {row.benchmark} | {format_value(row.newsqa, row.unit)} | {row.peer} | "
                f"{format_value(row.peer_value, row.unit)} | {_ratio(row)} | {row.target or '–'} | {_met(row)} |"
            )
    if plot is not None:
        lines += ["", f"![time against article length]({plot.name})"]
    notes = [(o.name, note) for o in outcomes for note in o.notes]
    notes += [(o.name, f"notes: {row.note}") for o in outcomes for row in o.rows if row.note]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- `{name}`: {note}" for name, note in notes]
    lines += ["", "## Benchmarks run", ""]
    for outcome in outcomes:
        state = (
            f"skipped: {outcome.skipped}"
            if outcome.skipped
            else f"FAILED: {outcome.failed}"
            if outcome.failed
            else f"{len(outcome.rows)} rows"
        )
        lines.append(f"- `benchmarks/{outcome.name}.py`: {state} ({outcome.seconds:.0f} s)")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_json(outcomes: Sequence[Outcome], path: Path) -> None:
    data = [
        {
            **asdict(outcome),
            "rows": [{**asdict(row), "ratio": row.ratio} for row in outcome.rows],
        }
        for outcome in outcomes
    ]
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def plot(outcomes: Sequence[Outcome], path: Path) -> Path | None:
    """Seconds against words, log-log, one panel per benchmark; None when matplotlib is missing."""
    curves = [curve for outcome in outcomes for curve in outcome.curves if curve.points]
    if not curves:
        return None
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (pip install -e .[benchmark]): no plot", file=sys.stderr)
        return None
    panels = list(dict.fromkeys(curve.panel for curve in curves))
    columns = min(2, len(panels))
    rows = (len(panels) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(6.5 * columns, 4.5 * rows), squeeze=False)
    for axis, panel in zip(axes.flat, panels, strict=False):
        for curve in (c for c in curves if c.panel == panel):
            words, seconds = zip(*curve.points, strict=True)
            axis.plot(words, seconds, marker="o", linestyle="-" if curve.newsqa else "--", label=curve.tool)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_title(panel)
        axis.set_xlabel("article length (words)")
        axis.set_ylabel("seconds per article")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize="small")
    for axis in list(axes.flat)[len(panels) :]:
        axis.set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few texts, for development")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these benchmarks (pipeline, dates, ...)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for RESULTS.md, results.json, scaling.png")
    parser.add_argument("--repeat", type=int, help="timing runs per measurement (the median counts)")
    parser.add_argument("--eval-limit", type=int, help="articles used from each folder of ../shared/eval")
    args = parser.parse_args(argv)
    context = Context(sizes=QUICK_SIZES, repeat=3, eval_limit=20, peer_budget=10) if args.quick else Context()
    if args.repeat:
        context.repeat = args.repeat
    if args.eval_limit:
        context.eval_limit = args.eval_limit
    names = discover()
    if args.only:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in args.only}
        unknown = wanted - set(names)
        if unknown:
            parser.error(f"no benchmark {', '.join(sorted(unknown))}; known: {', '.join(names)}")
        names = [n for n in names if n in wanted]
    print(f"texts: {context.eval_source()}; generated sizes {', '.join(f'{s:,}' for s in context.sizes)} words")
    outcomes = []
    for name in names:
        print(f"{name}:", flush=True)
        outcomes.append(run_module(name, context))
    args.out.mkdir(parents=True, exist_ok=True)
    picture = plot(outcomes, args.out / "scaling.png")
    command = "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
    write_markdown(outcomes, context, command.strip(), args.out / "RESULTS.md", picture)
    write_json(outcomes, args.out / "results.json")
    print(f"wrote {args.out / 'RESULTS.md'}" + (f" and {picture}" if picture else ""))
    return 1 if any(o.failed for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
