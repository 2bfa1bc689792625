"""The ``newsqa`` command line.

Exit codes of ``newsqa check``:

* 0: no finding at or above ``--fail-on`` and every check ran;
* 1: findings at or above ``--fail-on``, or a check did not run (unless ``--allow-skipped``);
* 2: a usage, configuration or input error (reported on standard error, one line each).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

import attrs

from newsqa import __version__
from newsqa.baseline import Baseline
from newsqa.batch import Input, expand_paths, run_batch
from newsqa.checker import Checker
from newsqa.config import Config, find_config, load_config
from newsqa.engines import languagetool_cli
from newsqa.errors import NewsQAError
from newsqa.fix import apply_edits as apply_fixes
from newsqa.fix import atomic_write, plan_fixes, unified_diff
from newsqa.formats import FORMATS, use_colour
from newsqa.inputs import STDIN, read_text
from newsqa.markup import MARKUP_KINDS, kind_for_path
from newsqa.output import OutputWriter
from newsqa.pipeline import Outcome, check_source
from newsqa.progress import Progress, wants_progress
from newsqa.registry import registered_checks
from newsqa.report import Report, Severity

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"newsqa: error: {message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of worker processes") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("the number of worker processes cannot be negative")
    return jobs or os.cpu_count() or 1


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders or glob patterns to check; - reads standard input"
    )
    command.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date (default: the file's front matter or HTML metadata)",
    )
    command.add_argument("--language", help="house style such as en-GB or en-US (overrides the config)")
    command.add_argument(
        "--markup", choices=MARKUP_KINDS, help="read every input as this kind (default: by extension; text for stdin)"
    )
    command.add_argument("--config", type=Path, metavar="FILE", help="newsqa.toml or pyproject.toml to use")
    command.add_argument(
        "--select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="only these checks, codes or code prefixes (comma separated)",
    )
    command.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="leave out these checks, codes or code prefixes (comma separated)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsqa`` command."""
    parser = _Parser(prog="newsqa", description="Pre-publication quality checks for news text.")
    parser.add_argument("--version", action="version", version=f"newsqa {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check news texts and report what is wrong")
    _add_common(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="warning",
        help="lowest severity that makes the run fail (default: warning)",
    )
    check.add_argument("--allow-skipped", action="store_true", help="do not fail because a check could not run")
    check.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="worker processes checking in parallel (0: one per CPU)"
    )
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not in this baseline")
    baseline.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record every finding of this run in a baseline file"
    )
    check.set_defaults(handler=_check_command)

    fix = commands.add_parser("fix", help="apply the suggestions that are safe to apply, and show the diff")
    _add_common(fix)
    fix.add_argument("--write", action="store_true", help="change the files in place (default: only show the diff)")
    fix.add_argument("--backup", action="store_true", help="with --write, keep each original as FILE.bak")
    fix.add_argument("--in-quotations", action="store_true", help="also change words inside quotations")
    fix.set_defaults(handler=_fix_command)

    rules = commands.add_parser("rules", help="list every check and rule code")
    rules.set_defaults(handler=_rules_command)

    languagetool_cli.add_parser(commands)
    return parser


def _config_for(args: argparse.Namespace) -> Config:
    if args.config is not None:
        config = load_config(args.config)
    else:
        first = next((p for p in args.paths if p != STDIN), None)
        config = find_config(first if first is not None and Path(first).exists() else Path.cwd())
    changes: dict[str, object] = {}
    if args.language:
        changes["language"] = args.language
    if args.select:
        changes["select"] = tuple(args.select)
    if args.ignore:
        changes["ignore"] = (*config.ignore, *args.ignore)
    return config.evolve(**changes) if changes else config


def _fails(report: Report, fail_on: str, allow_skipped: bool) -> bool:
    if not report.complete and not allow_skipped:
        return True
    return fail_on != "never" and bool(report.at_or_above(Severity(fail_on)))


def _inputs(args: argparse.Namespace, max_bytes: int, reject: Callable[[Outcome], None]) -> Iterator[Input]:
    """The inputs to check, one at a time; each one that cannot be checked goes to ``reject`` when it is met."""
    for item in expand_paths(args.paths):
        if isinstance(item, Outcome):
            reject(item)
            continue
        if item.path is None:  # standard input is read here: workers have none
            try:
                item = attrs.evolve(item, text=read_text(STDIN, max_bytes=max_bytes))
            except NewsQAError as error:
                reject(Outcome(name=item.name, error=str(error)))
                continue
        yield item


def _say(kind: str, message: str) -> None:
    print(f"newsqa: {kind}: {message}", file=sys.stderr, flush=True)


def _check_command(args: argparse.Namespace) -> int:
    config = _config_for(args)
    baseline = Baseline.load(args.baseline) if args.baseline else None
    recorder = Baseline.empty(args.write_baseline) if args.write_baseline else None
    output = OutputWriter(args.format, sys.stdout, colour=use_colour(sys.stdout), version=__version__)
    # Only a progress line needs the count ahead: inputs are otherwise listed as the batch reaches them.
    counted = wants_progress(sys.stderr)
    total = sum(isinstance(item, Input) for item in expand_paths(args.paths)) if counted else 0
    progress = Progress(total, sys.stderr, enabled=counted)
    errors: list[Outcome] = []

    def reject(error: Outcome) -> None:
        progress.clear()
        _say("error", error.error or error.name)
        output.error(error)
        errors.append(error)

    # Streamed formats keep no outcome, so memory stays flat however long the batch.
    kept: list[tuple[int, Outcome]] = []
    checked = 0
    failed = incomplete = unreadable = False
    items = _inputs(args, config.max_bytes, reject)
    for index, outcome in run_batch(items, config, jobs=args.jobs, markup=args.markup, published=args.published):
        if outcome.error:
            progress.clear()
            _say("error", outcome.error)
        for warning in outcome.warnings:
            progress.clear()
            _say("warning", f"{outcome.name}: {warning}")
        report, text = outcome.report, outcome.text
        if report is not None and text is not None:
            if baseline is not None:
                report = baseline.filter(report, text)
                outcome = attrs.evolve(outcome, report=report)
            if recorder is not None:
                # Recorded findings are accepted: only a check that did not run fails the run.
                recorder.record(report, text)
                failed = failed or _fails(report, "never", args.allow_skipped)
            else:
                failed = failed or _fails(report, args.fail_on, args.allow_skipped)
            incomplete = incomplete or not report.complete
        checked += 1
        unreadable = unreadable or bool(outcome.error)
        if output.needs_outcomes:
            kept.append((index, outcome))
        progress.clear()
        output.add(index, outcome)
        progress.advance()
    progress.close()
    kept.sort(key=lambda pair: pair[0])
    output.finish([*errors, *(outcome for _, outcome in kept)])
    if recorder is not None:
        recorder.save(args.write_baseline)
        _say("info", f"wrote {len(recorder)} findings of {checked} files to the baseline {args.write_baseline}")
    if incomplete and args.allow_skipped:
        _say("warning", "some checks did not run (allowed by --allow-skipped)")
    if errors or unreadable:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_OK


def _fix_command(args: argparse.Namespace) -> int:
    config = _config_for(args)
    changed = 0
    failures = 0

    def reject(error: Outcome) -> None:
        nonlocal failures
        _say("error", error.error or error.name)
        failures += 1

    with Checker(config) as checker:
        for item in _inputs(args, config.max_bytes, reject):
            try:
                text = (
                    item.text
                    if item.text is not None
                    else read_text(item.path or item.name, max_bytes=config.max_bytes)
                )
            except NewsQAError as error:
                _say("error", str(error))
                failures += 1
                continue
            kind = args.markup or (kind_for_path(item.path) if item.path else "text")
            checked = check_source(checker, text, name=item.name, kind=kind, published=args.published)
            plan = plan_fixes(checked, in_quotations=args.in_quotations)
            for finding, reason in plan.skipped:
                _say(
                    "info", f"{item.name}:{finding.span.line}:{finding.span.column}: {finding.code} not fixed: {reason}"
                )
            if not plan.edits:
                continue
            changed += 1
            fixed = apply_fixes(text, plan.edits)
            sys.stdout.write(unified_diff(text, fixed, item.name))
            if args.write and item.path is None:
                _say("warning", "standard input cannot be changed in place: the diff above is all there is")
            elif args.write and item.path is not None:
                if _has_bom(item.path):
                    fixed = "\ufeff" + fixed
                kept = atomic_write(item.path, fixed, backup=args.backup)
                note = f" (original kept as {kept})" if kept else ""
                _say("info", f"{item.name}: applied {len(plan.edits)} fixes{note}")
    if failures:
        return EXIT_ERROR
    return EXIT_FINDINGS if changed and not args.write else EXIT_OK


def _has_bom(path: str) -> bool:
    with open(path, "rb") as stream:
        return stream.read(3) == b"\xef\xbb\xbf"


def _rules_command(args: argparse.Namespace) -> int:
    for name, check in sorted(registered_checks().items()):
        print(f"{name}: {check.description}")
        for rule in check.rules:
            print(f"  {rule.code} {rule.severity.value:7} {rule.name}: {rule.summary}")
    return EXIT_OK


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so that the same clean-up runs."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsqa`` command and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # kill, CI job timeouts and service managers stop a process with SIGTERM. Dying at once
    # would leave a LanguageTool server this command started running on its own; stopping
    # as Ctrl-C does shuts it down first. (Signal handlers belong to the main thread.)
    previous = (
        signal.signal(signal.SIGTERM, _terminate) if threading.current_thread() is threading.main_thread() else None
    )
    try:
        code: int = args.handler(args)
    except NewsQAError as error:
        print(f"newsqa: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except _Terminated:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
