"""Shared fixtures. Every report a test produces through a Checker is validated
against the shipped JSON Schema, so the contract is tested on real output."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomllib

import newsqa
from newsqa.checker import Checker
from newsqa.pipeline import Checked, check_source

pytest_plugins = ["languagetool_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_100169222cfc808a.txt"
# The seed's publication date comes from its metadata file beside it.
SEED_PUBLISHED = str(tomllib.loads(SEED.with_suffix(".toml").read_text(encoding="utf-8"))["published"])


@functools.cache
def check_characters(source: str, name: str = "story.txt", kind: str = "text") -> Checked:
    """``source`` checked as ``newsqa check`` does, with the characters check alone (no engine needed)."""
    with Checker(newsqa.Config(select=("characters",))) as checker:
        return check_source(checker, source, name=name, kind=kind)


def _validator() -> jsonschema.protocols.Validator:
    schema = newsqa.report_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_report(data: Any) -> None:
    """Fail with the schema's own message when ``data`` is not a valid report."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.fixture(autouse=True)
def _validate_every_report(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Checker.check

    def checked(self: Checker, *args: Any, **kwargs: Any) -> newsqa.Report:
        report = original(self, *args, **kwargs)
        assert_valid_report(report.to_dict())
        return report

    monkeypatch.setattr(Checker, "check", checked)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real ``newsqa`` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    # The package under test, whatever the working folder: not another installed copy.
    paths = [full_env.get("PYTHONPATH", ""), str(ROOT)]
    full_env["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    completed = subprocess.run(
        [sys.executable, "-m", "newsqa", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=600,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


@pytest.fixture
def cli() -> Any:
    return run_cli
