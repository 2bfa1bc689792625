"""Many inputs in one run: paths, folders and globs expanded, checked in worker processes.

Each worker process builds its own :class:`~newsqa.Checker` from the
:class:`~newsqa.Config` once and checks every document sent to it; results come
back as each document finishes. Engines are shared through configuration
only: when a LanguageTool server URL is configured (the grammar check's ``url``
option or ``NEWSQA_LANGUAGETOOL_URL``), every worker talks to that one server.
When none is configured and several workers run, the parent starts one local
server, if the grammar check can, and hands its URL to the workers through
``NEWSQA_LANGUAGETOOL_URL``.

A file that cannot be read (missing, not UTF-8, binary, too large) becomes an
:class:`~newsqa.pipeline.Outcome` with an error; the rest of the batch goes on.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import glob
import importlib
import itertools
import multiprocessing
import multiprocessing.util
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from newsqa.checker import Checker, is_selected
from newsqa.config import Config
from newsqa.errors import NewsQAError
from newsqa.inputs import STDIN, read_text
from newsqa.markup import kind_for_path
from newsqa.pipeline import Outcome, check_source
from newsqa.registry import registered_checks

__all__ = ["CHECKED_EXTENSIONS", "LANGUAGETOOL_URL_VARIABLE", "Input", "expand_paths", "run_batch"]

#: Extensions of the files taken from a folder.
CHECKED_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
#: The environment variable that names a LanguageTool server for every worker.
LANGUAGETOOL_URL_VARIABLE = "NEWSQA_LANGUAGETOOL_URL"

_GLOB_CHARACTERS = frozenset("*?[")


@attrs.frozen
class Input:
    """One document to check: a path, or standard input with its text already read."""

    name: str
    path: str | None = None
    text: str | None = None
    kind: str | None = None


def expand_paths(paths: Sequence[str]) -> Iterator[Input | Outcome]:
    """Inputs for files, folders (recursively, files with :data:`CHECKED_EXTENSIONS`) and globs.

    Yields them one at a time in the order given (a file found by several
    folders or globs once, each folder's files in sorted order), and an error
    outcome in place of each folder or glob that matched no file. Nothing is
    listed ahead of the batch, so a long batch does not hold every name.
    """
    seen: set[str] = set()
    for position, path in enumerate(paths):
        # Only a later argument can find a file again: the last one remembers nothing.
        remember = position < len(paths) - 1
        if path == STDIN:
            yield Input(name="<stdin>")
            continue
        if Path(path).is_dir():
            found: Iterable[str] = _folder_files(path)
            missing = f"{path}: no {', '.join(CHECKED_EXTENSIONS)} files in folder"
        elif not Path(path).exists() and _GLOB_CHARACTERS.intersection(path):
            found = sorted(m for m in glob.glob(path, recursive=True) if Path(m).is_file())
            missing = f"{path}: no file matches this pattern"
        else:
            # A file named twice is checked twice; one that folders or globs find again is not.
            if remember:
                seen.add(_identity(path))
            yield Input(name=path, path=path)
            continue
        empty = True
        for file in found:
            empty = False
            key = _identity(file)
            if key not in seen:
                if remember:
                    seen.add(key)
                yield Input(name=file, path=file)
        if empty:
            yield Outcome(name=path, error=missing)


def _identity(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _folder_files(folder: str) -> Iterator[str]:
    """Files under ``folder`` in sorted path order, holding one directory listing per level."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(
                (entry.name, entry.is_dir(follow_symlinks=False), entry.is_dir())
                for entry in listing
                if not entry.name.startswith(".")
            )
    except OSError:
        return  # an unreadable folder below the one named is skipped, as os.walk does
    for name, is_folder, points_to_folder in entries:
        path = os.path.join(folder, name)
        if is_folder:
            yield from _folder_files(path)
        elif not points_to_folder and name.lower().endswith(CHECKED_EXTENSIONS):
            yield str(Path(path))  # named as pathlib names it: "./news/a.txt" is "news/a.txt"


@attrs.frozen
class _Task:
    index: int
    item: Input
    markup: str | None
    published: dt.date | None


def _check_one(checker: Checker, task: _Task, max_bytes: int) -> Outcome:
    item = task.item
    try:
        text = item.text if item.text is not None else read_text(item.path or item.name, max_bytes=max_bytes)
    except NewsQAError as error:
        return Outcome(name=item.name, error=str(error))
    kind = task.markup or item.kind or (kind_for_path(item.path) if item.path else "text")
    checked = check_source(checker, text, name=item.name, kind=kind, published=task.published)
    return Outcome(name=item.name, report=checked.report, text=text, warnings=checked.prepared.warnings)


# -- worker processes -------------------------------------------------------------------

_worker_checker: Checker | None = None


def _start_worker(config: Config, environment: dict[str, str]) -> None:
    global _worker_checker
    os.environ.update(environment)
    _worker_checker = Checker(config)
    # Runs at the worker's exit, whichever way multiprocessing ends it.
    multiprocessing.util.Finalize(None, _worker_checker.close, exitpriority=10)


def _run_in_worker(task: _Task) -> tuple[int, Outcome]:
    assert _worker_checker is not None, "worker not started"
    return task.index, _check_one(_worker_checker, task, _worker_checker.config.max_bytes)


def run_batch(
    inputs: Iterable[Input],
    config: Config,
    *,
    jobs: int = 1,
    markup: str | None = None,
    published: dt.date | None = None,
) -> Iterator[tuple[int, Outcome]]:
    """Check every input and yield ``(index into inputs, outcome)`` as each document finishes.

    ``inputs`` is consumed as the batch goes, a few documents ahead of the
    workers, so a generator keeps a long batch from being listed up front.

    ``jobs`` worker processes check documents in parallel (1: in this process).
    ``markup`` forces a markup kind for every input; otherwise each file's
    extension decides. ``published`` is the publication date for every input.
    """
    tasks: Iterator[_Task] = (_Task(index, item, markup, published) for index, item in enumerate(inputs))
    # Inputs are taken as they are needed; the first few say how many workers are worth starting.
    first = list(itertools.islice(tasks, max(jobs, 1)))
    tasks = itertools.chain(first, tasks)
    if jobs <= 1 or len(first) <= 1:
        with Checker(config) as checker:
            for task in tasks:
                yield task.index, _check_one(checker, task, config.max_bytes)
        return
    with _shared_languagetool(config) as environment:
        yield from _run_pool(tasks, config, len(first), environment)


def _run_pool(
    tasks: Iterator[_Task], config: Config, jobs: int, environment: dict[str, str]
) -> Iterator[tuple[int, Outcome]]:
    context = multiprocessing.get_context("spawn")
    pending = iter(tasks)
    # A bounded number of documents in flight keeps memory flat for long batches.
    window = jobs * 4
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(config, environment)
    ) as pool:
        running: dict[concurrent.futures.Future[tuple[int, Outcome]], _Task] = {}

        def refill() -> None:
            while len(running) < window:
                task = next(pending, None)
                if task is None:
                    return
                running[pool.submit(_run_in_worker, task)] = task

        refill()
        while running:
            done, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                task = running.pop(future)
                try:
                    yield future.result()
                except concurrent.futures.process.BrokenProcessPool:
                    yield task.index, Outcome(name=task.item.name, error=f"{task.item.name}: a worker process died")
                except Exception as error:  # noqa: BLE001 - one document's failure must not end the batch
                    message = f"{task.item.name}: could not be checked: {type(error).__name__}: {error}"
                    yield task.index, Outcome(name=task.item.name, error=message)
            try:
                refill()
            except concurrent.futures.process.BrokenProcessPool:
                for task in pending:
                    yield task.index, Outcome(name=task.item.name, error=f"{task.item.name}: a worker process died")


@contextlib.contextmanager
def _shared_languagetool(config: Config) -> Iterator[dict[str, str]]:
    """The environment that makes every worker use one LanguageTool server.

    Nothing to do when a server is configured, when the grammar check is not
    part of this newsqa or not selected, or when it cannot start a local server
    here: then each worker's grammar check decides for itself and its report
    says what it did.
    """
    if os.environ.get(LANGUAGETOOL_URL_VARIABLE) or config.checks.get("grammar", {}).get("url"):
        yield {}
        return
    server = _start_local_languagetool(config)
    if server is None:
        yield {}
        return
    try:
        yield {LANGUAGETOOL_URL_VARIABLE: str(server.url)}
    finally:
        server.close()


def _start_local_languagetool(config: Config) -> Any:
    grammar = registered_checks().get("grammar")
    if grammar is None or not is_selected(config, "grammar", grammar):
        return None
    try:
        engine = importlib.import_module("newsqa.engines.languagetool")
        return engine.LocalServer().start()
    except Exception:  # noqa: BLE001 - no shared server: each worker's grammar check reports on its own
        return None
