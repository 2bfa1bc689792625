"""What the documentation generates from the code: the report schema's field table and the inventories.

The generating module lives in docs/_ext and needs no Sphinx, so these run with the rest of
the suite; the catalogue's own tests are in test_rules.py.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsqa

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture(scope="module")
def docgen() -> Any:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import newsqa_docgen
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    return newsqa_docgen


def _paths(value: Any, prefix: str = "") -> Iterator[str]:
    """Every field path of a JSON value, lists written as ``name[]``."""
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}{key}"
            yield path
            yield from _paths(item, f"{path}.")
    elif isinstance(value, list):
        for item in value:
            yield from _paths(item, prefix[:-1] + "[].")


def test_schema_table_names_every_field_a_real_report_has(docgen: Any, seed_text: str) -> None:
    report = newsqa.check(seed_text + "\nZ\ufffdrich.", published="2024-07-24")
    documented = {path for path, _, _ in docgen.schema_fields(newsqa.report_schema())}
    # Free-form maps (counts by code, check-specific data) have no fixed fields to document.
    free = ("summary.by_check.", "summary.by_code.", ".data.", "checks[].data.")
    seen = {path for path in _paths(report.to_dict()) if not any(part in path for part in free)}
    assert "findings[].span.start" in seen
    assert seen <= documented, sorted(seen - documented)


def test_schema_table_marks_required_fields(docgen: Any) -> None:
    rows = {path: (kind, required) for path, kind, required in docgen.schema_fields(newsqa.report_schema())}
    assert rows["schema_version"] == ("string", True)
    assert rows["findings"][0] == "array of object"
    assert rows["findings[].span.line"] == ("integer", True)


def test_inventories_compile_to_what_sphinx_reads(docgen: Any, tmp_path: Path) -> None:
    compiled = docgen.write_inventories(DOCS / "_inventories", tmp_path)
    assert set(compiled) == {"python", "attrs"}
    data = compiled["python"].read_bytes()
    header, _, body = data.partition(b"zlib.\n")
    assert header.startswith(b"# Sphinx inventory version 2\n# Project: Python\n")
    entries = zlib.decompress(body).decode("utf-8").splitlines()
    assert "collections.abc.Mapping py:class 1 library/collections.abc.html#$ -" in entries
    names = {line.split()[0] for line in entries}
    listed = (DOCS / "_inventories" / "python.names").read_text(encoding="utf-8").split("\n")
    assert {name for name in listed if name and not name.startswith("#")} <= names
