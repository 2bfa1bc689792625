"""A 100 MB input is refused with a clear message, without being read whole.

The default limit (``max_bytes``, 10 MiB) is documented in :mod:`newsqa.inputs`.
The command runs in a child of a small wrapper that reports the child's peak
resident memory, so the test can tell that the file was never read into memory:
a bound on memory, not on time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsqa.config import DEFAULT_MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
HUNDRED_MB = 100 * 1024 * 1024
# Far below the 100 MB a whole read would take, far above what newsqa itself needs.
PEAK_BOUND_MIB = 80
_PEAK = """
import resource, subprocess, sys
stdin = open(sys.argv[1], "rb") if sys.argv[1] != "-" else None
completed = subprocess.run(sys.argv[2:], stdin=stdin, capture_output=True, check=False)
sys.stdout.write(f"{completed.returncode}\\n{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
sys.stdout.write(completed.stderr.decode("utf-8", "replace"))
"""


def _check_with_peak(stdin: str, *args: str) -> tuple[int, float, str]:
    """(exit status, peak resident MiB, standard error) of ``newsqa check`` with ``args``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", _PEAK, stdin, sys.executable, "-m", "newsqa", "check", *args]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=600, check=False)
    code, peak, errors = completed.stdout.split("\n", 2)
    return int(code), int(peak) / 1024, errors


@pytest.fixture(scope="module")
def hundred_megabytes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "huge.txt"
    line = b"The council met on Monday and approved the budget for the coming year.\n"
    with path.open("wb") as file:
        for _ in range(HUNDRED_MB // len(line) + 1):
            file.write(line)
    assert path.stat().st_size > HUNDRED_MB
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="reads peak memory with the resource module")
def test_a_100_mb_file_is_refused_clearly_without_being_read_whole(hundred_megabytes: Path) -> None:
    code, peak, errors = _check_with_peak("-", str(hundred_megabytes), "--ignore", "grammar")
    assert code == 2
    assert f"{hundred_megabytes}: larger than the limit of {DEFAULT_MAX_BYTES:,} bytes" in errors
    assert "raise max_bytes to check it" in errors
    assert "Traceback" not in errors
    assert peak < PEAK_BOUND_MIB, f"peak {peak:.0f} MiB"


@pytest.mark.skipif(sys.platform == "win32", reason="reads peak memory with the resource module")
def test_100_mb_on_standard_input_is_refused_clearly_without_being_read_whole(hundred_megabytes: Path) -> None:
    code, peak, errors = _check_with_peak(str(hundred_megabytes), "-", "--ignore", "grammar")
    assert code == 2
    assert f"<stdin>: larger than the limit of {DEFAULT_MAX_BYTES:,} bytes" in errors
    assert "Traceback" not in errors
    assert peak < PEAK_BOUND_MIB, f"peak {peak:.0f} MiB"


def test_a_file_at_the_limit_is_checked_and_one_byte_more_is_not(tmp_path: Path) -> None:
    (tmp_path / "newsqa.toml").write_text("max_bytes = 2000\n", encoding="utf-8")
    text = ("The council met on Monday. " * 100)[:2000]
    at_limit, over = tmp_path / "at.txt", tmp_path / "over.txt"
    at_limit.write_text(text, encoding="utf-8")
    over.write_text(text + ".", encoding="utf-8")
    code, _, errors = _check_with_peak("-", str(at_limit), "--ignore", "grammar", "--fail-on", "never")
    assert code == 0, errors
    code, _, errors = _check_with_peak("-", str(over), "--ignore", "grammar")
    assert code == 2
    assert f"{over}: larger than the limit of 2,000 bytes" in errors
