"""The example programs the documentation includes run and give the library's own answers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import newsqa

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "docs" / "examples"


def test_process_pool_example_reports_what_a_checker_in_this_process_reports(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("Talks in Z\ufffdrich ended on Friday.\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("The minister arrived in Paris on Thursday.\n", encoding="utf-8")
    paths = [str(broken), str(clean)]

    completed = subprocess.run(
        [sys.executable, str(EXAMPLES / "check_in_processes.py"), *paths],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    expected = []
    with newsqa.Checker(newsqa.find_config(tmp_path)) as checker:
        for path in paths:
            report = checker.check(newsqa.read_text(path), identifier=path)
            status = "complete" if report.complete else "not run: " + ", ".join(run.check for run in report.not_run)
            expected.append(f"{path}: {report.summary['findings']} findings ({status})")
    assert completed.stdout.splitlines() == expected
    assert "NQ002" in {f.code for f in newsqa.check(broken.read_text(encoding="utf-8")).findings}
