"""The pre-commit hooks, run by pre-commit itself against a temporary repository.

pre-commit installs this repository into a virtual environment of its own
(from PyPI for the dependencies), as a newsroom's repository would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "newsqa tests",
    "GIT_AUTHOR_EMAIL": "tests@newsqa.invalid",
    "GIT_COMMITTER_NAME": "newsqa tests",
    "GIT_COMMITTER_EMAIL": "tests@newsqa.invalid",
}


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)


def test_hooks_check_and_fix_a_newsroom_repository(tmp_path: Path) -> None:
    repository = tmp_path / "newsroom"
    repository.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "NO_COLOR")}
    env.update(GIT_IDENTITY, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    (repository / "story.md").write_text("# Talks\n\nBoris Pisto\u200brius spoke in Berlin.\n", encoding="utf-8")
    (repository / "clean.txt").write_text("The minister spoke in Berlin.\n", encoding="utf-8")
    (repository / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-q", "-m", "stories"]):
        assert _run(command, repository, env).returncode == 0

    # No hook named: every hook of .pre-commit-hooks.yaml runs, in order, from one installation.
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files", "--color", "never"]
    result = _run(command, repository, env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    check_part, fix_part = output.split("newsqa fix...", 1)
    assert "newsqa check" in check_part
    assert "Failed" in check_part
    assert "story.md:3:12: NQ003 warning Invisible character (zero width space) in the text." in check_part
    assert "clean.txt: 0 findings" in check_part
    assert "image.png" not in output  # not text: pre-commit never passes it to newsqa
    assert "files were modified by this hook" in fix_part
    assert (repository / "story.md").read_text(encoding="utf-8") == "# Talks\n\nBoris Pistorius spoke in Berlin.\n"
    assert (repository / "clean.txt").read_text(encoding="utf-8") == "The minister spoke in Berlin.\n"
