"""The ``newsqa`` command line.

Exit codes of ``newsqa check``:

* 0: no finding at or above ``--fail-on`` and every check ran;
* 1: findings at or above ``--fail-on``, or a check did not run (unless ``--allow-skipped``);
* 2: a usage, configuration or input error (reported on standard error, one line each).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from newsqa import __version__
from newsqa.checker import Checker
from newsqa.config import Config, find_config, load_config
from newsqa.errors import NewsQAError
from newsqa.formats import FORMATS, format_json, format_jsonl_line, format_text
from newsqa.inputs import STDIN, read_text
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsqa`` command."""
    parser = _Parser(prog="newsqa", description="Pre-publication quality checks for news text.")
    parser.add_argument("--version", action="version", version=f"newsqa {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check news texts and report what is wrong")
    check.add_argument("paths", nargs="+", metavar="PATH", help="files to check; - reads standard input")
    check.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date")
    check.add_argument("--language", help="house style such as en-GB or en-US (overrides the config)")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="warning",
        help="lowest severity that makes the run fail (default: warning)",
    )
    check.add_argument("--config", type=Path, metavar="FILE", help="newsqa.toml or pyproject.toml to use")
    check.add_argument(
        "--select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="only these checks, codes or code prefixes (comma separated)",
    )
    check.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="leave out these checks, codes or code prefixes (comma separated)",
    )
    check.add_argument("--allow-skipped", action="store_true", help="do not fail because a check could not run")
    check.set_defaults(handler=_check_command)

    rules = commands.add_parser("rules", help="list every check and rule code")
    rules.set_defaults(handler=_rules_command)
    return parser


def _config_for(args: argparse.Namespace) -> Config:
    if args.config is not None:
        config = load_config(args.config)
    else:
        first = next((p for p in args.paths if p != STDIN), None)
        config = find_config(first if first is not None else Path.cwd())
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


def _check_command(args: argparse.Namespace) -> int:
    config = _config_for(args)
    reports: list[Report] = []
    failed = False
    incomplete = False
    input_errors = 0
    out = sys.stdout
    with Checker(config) as checker:
        for path in args.paths:
            try:
                text = read_text(path, max_bytes=config.max_bytes)
            except NewsQAError as error:
                print(f"newsqa: error: {error}", file=sys.stderr)
                input_errors += 1
                continue
            identifier = "<stdin>" if path == STDIN else str(path)
            report = checker.check(text, published=args.published, identifier=identifier)
            failed = failed or _fails(report, args.fail_on, args.allow_skipped)
            incomplete = incomplete or not report.complete
            if args.format == "text":
                print(format_text(report, text), file=out)
            elif args.format == "jsonl":
                print(format_jsonl_line(report), file=out, flush=True)
            else:
                reports.append(report)
    if args.format == "json" and reports:
        print(format_json(reports), file=out)
    if incomplete and args.allow_skipped:
        print("newsqa: warning: some checks did not run (allowed by --allow-skipped)", file=sys.stderr)
    if input_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_OK


def _rules_command(args: argparse.Namespace) -> int:
    for name, check in sorted(registered_checks().items()):
        print(f"{name}: {check.description}")
        for rule in check.rules:
            print(f"  {rule.code} {rule.severity.value:7} {rule.name}: {rule.summary}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsqa`` command and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except NewsQAError as error:
        print(f"newsqa: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
