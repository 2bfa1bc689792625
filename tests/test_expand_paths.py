"""Expanding the paths of ``newsqa check``: files, folders and globs, one input at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsqa.batch import Input, expand_paths
from newsqa.pipeline import Outcome


def _write(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text.\n", encoding="utf-8")


def _names(items: list[Input | Outcome]) -> list[str]:
    return [item.name for item in items]


def test_a_folder_gives_its_files_in_sorted_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "news/b.txt", "news/a/z.md", "news/a.txt", "news/a b/c.html", "news/.hidden.txt",
           "news/.drafts/d.txt", "news/notes.docx", "news/B.txt")  # fmt: skip
    monkeypatch.chdir(tmp_path)
    found = _names(list(expand_paths(["./news"])))
    expected = sorted(Path(p) for p in ("news/b.txt", "news/a/z.md", "news/a.txt", "news/a b/c.html", "news/B.txt"))
    assert found == [str(p) for p in expected]


def test_a_file_found_again_is_checked_once_and_one_named_twice_twice(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "b.txt")
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    assert _names(list(expand_paths([a, str(tmp_path), a]))) == [a, b, a]
    assert _names(list(expand_paths([str(tmp_path), f"{tmp_path}/*.txt"]))) == [a, b]


def test_an_empty_folder_or_glob_gives_an_error_in_its_place(tmp_path: Path) -> None:
    _write(tmp_path, "full/a.txt")
    (tmp_path / "empty").mkdir()
    items = list(expand_paths([str(tmp_path / "empty"), str(tmp_path / "full"), f"{tmp_path}/*.docx"]))
    assert [type(item) for item in items] == [Outcome, Input, Outcome]
    assert items[0].name == str(tmp_path / "empty")
    assert isinstance(items[2], Outcome)
    assert "no file matches this pattern" in (items[2].error or "")


def test_folders_are_listed_as_the_batch_reaches_them(tmp_path: Path) -> None:
    _write(tmp_path, "a/1.txt", "z/2.txt")
    items = expand_paths([str(tmp_path)])
    assert next(items).name == str(tmp_path / "a" / "1.txt")
    # Written after the batch began, in a folder it has not reached yet: a list made up front would miss it.
    _write(tmp_path, "z/3.txt")
    assert _names(list(items)) == [str(tmp_path / "z" / "2.txt"), str(tmp_path / "z" / "3.txt")]
