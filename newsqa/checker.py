"""Running the checks: :class:`Checker` for many documents, :func:`check` for one."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import time
from collections.abc import Iterable, Iterator
from types import TracebackType

import attrs

from newsqa.config import Config
from newsqa.document import Document
from newsqa.registry import Check, CheckFailed, CheckSkipped, registered_checks
from newsqa.report import CheckRun, CheckStatus, DateMention, Finding, Report, Severity

__all__ = ["Checker", "check", "is_selected"]

DateLike = dt.date | str | None


def _as_date(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"publication date {value!r} is not YYYY-MM-DD") from None


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(pattern) for pattern in patterns)


class Checker:
    """Runs the selected checks over documents, keeping engines alive between them.

    One ``Checker`` starts each engine (such as a LanguageTool server) once and
    reuses it for every document; close it, or use it as a context manager, to
    shut engines down::

        with newsqa.Checker(newsqa.Config(language="en-GB")) as checker:
            for report in checker.check_many(texts):
                ...

    A check that raises while checking a document is recorded as ``failed`` in
    that document's report; the other checks still run.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._checks: list[Check] = []
        self._setup_failures: list[CheckRun] = []
        for name, cls in sorted(registered_checks().items()):
            if not self._selected(name, cls):
                continue
            try:
                self._checks.append(cls(self.config))
            except CheckSkipped as error:
                self._setup_failures.append(CheckRun(check=name, status=CheckStatus.SKIPPED, reason=str(error)))
            except Exception as error:  # noqa: BLE001 - reported in every report, never lost
                reason = str(error) if isinstance(error, CheckFailed) else f"could not start: {error!r}"
                self._setup_failures.append(CheckRun(check=name, status=CheckStatus.FAILED, reason=reason))
        self._closed = False

    def _selected(self, name: str, cls: type[Check]) -> bool:
        return is_selected(self.config, name, cls)

    def _keep(self, finding: Finding) -> bool:
        selected = (
            not self.config.select or finding.check in self.config.select or _matches(finding.code, self.config.select)
        )
        return selected and not _matches(finding.code, self.config.ignore)

    @property
    def checks(self) -> tuple[str, ...]:
        """Names of the checks this checker runs."""
        return tuple(check.name for check in self._checks)

    def document(
        self,
        text: str,
        *,
        published: DateLike = None,
        language: str | None = None,
        identifier: str | None = None,
    ) -> Document:
        """Build a :class:`Document` with this checker's house style as its default language."""
        return Document(
            text,
            published=_as_date(published),
            language=language or self.config.language,
            identifier=identifier,
        )

    def check(
        self,
        text: str | Document,
        *,
        published: DateLike = None,
        language: str | None = None,
        identifier: str | None = None,
    ) -> Report:
        """Check one text (or a prepared :class:`Document`) and return its report.

        Python's cyclic garbage collector is paused while the text is checked, and
        turned on again after unless it was off before: a check makes no reference
        cycles, and the collector's passes over the objects a check keeps cost a
        quarter of the time on a 100,000-word article.
        """
        if self._closed:
            raise RuntimeError("this Checker is closed")
        with _collector_paused():
            return self._check(text, published=published, language=language, identifier=identifier)

    def _check(
        self,
        text: str | Document,
        *,
        published: DateLike,
        language: str | None,
        identifier: str | None,
    ) -> Report:
        document = (
            text
            if isinstance(text, Document)
            else self.document(text, published=published, language=language, identifier=identifier)
        )
        runs: list[CheckRun] = list(self._setup_failures)
        findings: list[Finding] = []
        timeline: list[DateMention] = []
        suppressed = 0
        for check in self._checks:
            started = time.perf_counter()
            try:
                result = check.run(document)
            except CheckSkipped as error:
                runs.append(self._run(check, CheckStatus.SKIPPED, started, reason=str(error)))
                continue
            except CheckFailed as error:
                runs.append(self._run(check, CheckStatus.FAILED, started, reason=str(error)))
                continue
            except Exception as error:  # noqa: BLE001 - a bug in one check must not hide the others
                reason = f"internal error: {type(error).__name__}: {error}"
                runs.append(self._run(check, CheckStatus.FAILED, started, reason=reason))
                continue
            runs.append(
                CheckRun(
                    check=check.name,
                    status=CheckStatus.RAN,
                    seconds=time.perf_counter() - started,
                    engine=result.engine,
                    engine_version=result.engine_version,
                    reason=result.reason,
                    data=result.data,
                )
            )
            for finding in result.findings:
                if not self._keep(finding):
                    suppressed += 1
                    continue
                override = self.config.severity.get(finding.code)
                if override is not None and override is not finding.severity:
                    finding = _with_severity(finding, override)
                findings.append(finding)
            timeline.extend(result.timeline)
        runs.sort(key=lambda run: run.check)
        return Report(
            document=document.info(),
            checks=runs,
            findings=findings,
            timeline=timeline,
            suppressed=suppressed,
        )

    @staticmethod
    def _run(check: Check, status: CheckStatus, started: float, *, reason: str) -> CheckRun:
        return CheckRun(check=check.name, status=status, seconds=time.perf_counter() - started, reason=reason)

    def check_many(self, texts: Iterable[str | Document]) -> Iterator[Report]:
        """Check texts one after another, yielding each report as soon as it is ready."""
        for text in texts:
            yield self.check(text)

    def close(self) -> None:
        """Shut down every engine this checker started. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        for check in self._checks:
            check.close()

    def __enter__(self) -> Checker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, and turn it back on after, unless it was off before.

    Checking a text allocates many objects that live as long as the check: tokens,
    sentences, candidate pairs, findings. The collector traversed them again each time
    they had grown by a quarter, which was a quarter of the time on a 100,000-word article
    and a twentieth on an 800-word one. A check makes no reference cycles (a test holds it
    to that), so reference counting alone frees what it leaves behind. The collector's
    switch is one for the whole process: a thread that turns it off while another
    thread's block runs finds it on again when that block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def is_selected(config: Config, name: str, cls: type[Check]) -> bool:
    """True when ``config`` selects the check ``name`` (class ``cls``) and does not ignore all of it."""
    codes = [rule.code for rule in cls.rules]
    if name in config.ignore:
        return False
    if codes and all(_matches(code, config.ignore) for code in codes):
        return False
    if not config.select:
        return True
    return name in config.select or any(_matches(code, config.select) for code in codes)


def _with_severity(finding: Finding, severity: Severity) -> Finding:
    return attrs.evolve(finding, severity=severity)


def check(text: str, *, published: DateLike = None, config: Config | None = None) -> Report:
    """Check one text with a short-lived :class:`Checker` and return its report.

    For many documents use a :class:`Checker`, which keeps engines running
    between documents.
    """
    with Checker(config) as checker:
        return checker.check(text, published=published)
