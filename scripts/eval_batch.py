"""The batch bar: 1,000 real articles and one bad file through the real CLI, with two workers.

Uses ../shared/eval/news-gb and news-us (skips cleanly when absent). Runs
``newsqa check --jobs 2 --format jsonl`` on the first 1,000 articles with a
file that is not UTF-8 placed among them, then checks that every article has
a valid report, that the bad file is reported on standard error by name, and
that the exit code is 2.

    python scripts/eval_batch.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema

import newsqa

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent")
        return 0
    articles = (sorted((EVAL / "news-gb").rglob("*.txt")) + sorted((EVAL / "news-us").glob("*.txt")))[:1000]
    validator = jsonschema.Draft202012Validator(newsqa.report_schema())
    with tempfile.TemporaryDirectory() as folder:
        bad = Path(folder) / "latin1-story.txt"
        bad.write_bytes("Caf\u00e9 owners in Z\u00fcrich met on Monday.\n".encode("latin-1"))
        paths = [str(p) for p in articles[:500]] + [str(bad)] + [str(p) for p in articles[500:]]
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "newsqa", "check", *paths, "--jobs", "2", "--format", "jsonl", "--allow-skipped"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        seconds = time.perf_counter() - started
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    invalid = sum(1 for report in reports if not validator.is_valid(report))
    reported = {report["document"]["identifier"] for report in reports}
    missing = [p for p in paths if p != str(bad) and p not in reported]
    errors = [line for line in result.stderr.splitlines() if line.startswith("newsqa: error:")]
    findings = sum(len(report["findings"]) for report in reports)
    print(f"folders: {EVAL}/news-gb, {EVAL}/news-us")
    print(f"inputs: {len(paths)} ({len(articles)} articles and 1 file that is not UTF-8)")
    print(f"reports: {len(reports)}, invalid against the schema: {invalid}, articles without a report: {len(missing)}")
    print(f"errors on stderr: {len(errors)}: {errors[:1]}")
    print(
        f"exit code: {result.returncode}; findings: {findings}; {seconds:.1f} s, {len(paths) / seconds:.1f} documents/s"
    )
    ok = (
        len(reports) == len(articles)
        and not invalid
        and not missing
        and len(errors) == 1
        and str(bad) in errors[0]
        and result.returncode == 2
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
