"""The check registry: what a check is, and how checks make themselves known.

A check is one module holding one :class:`Check` subclass decorated with
:func:`register_check`. The class owns its rule codes (:class:`Rule`), its
options (:class:`Option`) and their documentation, so the docs catalogue is
generated from the code. Third-party packages register checks through the
``newsqa.checks`` entry-point group; each entry point names a module or a
:class:`Check` subclass, and loading it registers the check.
"""

from __future__ import annotations

import abc
import importlib
import importlib.metadata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from newsqa.errors import NewsQAError
from newsqa.report import DateMention, Finding, JSONValue, Severity

if TYPE_CHECKING:
    from newsqa.config import Config
    from newsqa.document import Document

__all__ = [
    "Check",
    "CheckFailed",
    "CheckResult",
    "CheckSkipped",
    "Option",
    "Rule",
    "get_check",
    "register_check",
    "registered_checks",
    "rule_for_code",
]

ENTRY_POINT_GROUP = "newsqa.checks"
_BUILTIN_PACKAGE = "newsqa.checks"

C = TypeVar("C", bound="type[Check]")


@attrs.frozen
class Rule:
    """One rule code a check can report, with what the docs catalogue shows of it.

    ``flagged`` is a real sentence the rule flags and ``fixed`` the same
    sentence put right; the test suite runs both through the check.
    """

    code: str
    name: str
    summary: str
    rationale: str
    severity: Severity = attrs.field(converter=Severity)
    flagged: str
    fixed: str
    published: str | None = None
    """Publication date (ISO) the examples assume, for date rules."""


@attrs.frozen
class Option:
    """A configuration key of a check: ``[tool.newsqa.<check>] <name> = ...``.

    ``validate`` receives the value from the file and returns it converted, or
    raises ``ValueError``/``TypeError`` with a message for the user.
    """

    name: str
    default: Any
    help: str
    validate: Callable[[Any], Any] | None = None

    def convert(self, value: Any) -> Any:
        """Check and convert a configured value."""
        if self.validate is not None:
            return self.validate(value)
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if expected is tuple and isinstance(value, list):
            return tuple(value)
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            raise TypeError(f"expected {expected.__name__}, got {type(value).__name__}")
        return value


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


def _mentions(value: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return tuple(value)


@attrs.frozen
class CheckResult:
    """What a check returns: its findings, and for some checks timeline and engine facts."""

    findings: Sequence[Finding] = attrs.field(factory=tuple, converter=_findings)
    timeline: Sequence[DateMention] = attrs.field(factory=tuple, converter=_mentions)
    engine: str | None = None
    engine_version: str | None = None
    reason: str | None = None
    data: Mapping[str, JSONValue] = attrs.field(factory=dict)


class CheckSkipped(NewsQAError):
    """Raised by a check that cannot run here (an engine not installed, not configured)."""


class CheckFailed(NewsQAError):
    """Raised by a check that tried to run and could not finish (an engine died, timed out)."""


class Check(abc.ABC):
    """Base class of every check.

    A subclass sets :attr:`name`, :attr:`description`, :attr:`rules` and
    optionally :attr:`options`, implements :meth:`run`, and is decorated with
    :func:`register_check`. One instance serves every document a
    :class:`~newsqa.Checker` checks, so engines and tables are set up once in
    ``__init__`` and released in :meth:`close`.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    rules: ClassVar[tuple[Rule, ...]]
    options: ClassVar[tuple[Option, ...]] = ()

    def __init__(self, config: Config) -> None:
        self.config = config
        self.settings: dict[str, Any] = config.options_for(self.name)

    @abc.abstractmethod
    def run(self, document: Document) -> CheckResult:
        """Check one document. Raise :class:`CheckSkipped` or :class:`CheckFailed` when it cannot."""

    def close(self) -> None:  # noqa: B027 - most checks hold nothing to release
        """Release engines and servers. Called once by the owning checker."""

    def rule(self, code: str) -> Rule:
        """This check's rule with ``code``."""
        for rule in self.rules:
            if rule.code == code:
                return rule
        raise KeyError(f"{self.name} has no rule {code}")

    def finding(
        self,
        document: Document,
        code: str,
        start: int,
        end: int,
        message: str,
        *,
        related: Iterable[tuple[int, int]] = (),
        suggestions: Iterable[str] = (),
        confidence: float = 1.0,
        severity: Severity | None = None,
        data: Mapping[str, JSONValue] | None = None,
    ) -> Finding:
        """Build a finding on ``document.text[start:end]`` with this check's rule ``code``.

        Give ``data={"fix": "safe"}`` when the first suggestion is right whatever
        the context (a house-style spelling, an acronym's case): ``newsqa fix``
        applies only such findings (see ``newsqa.fix``).
        """
        return Finding(
            check=self.name,
            code=code,
            severity=severity or self.rule(code).severity,
            message=message,
            span=document.span(start, end),
            related=tuple(document.span(s, e) for s, e in related),
            suggestions=tuple(suggestions),
            confidence=confidence,
            data=dict(data or {}),
        )


_REGISTRY: dict[str, type[Check]] = {}
_loaded = False


def register_check(cls: C) -> C:
    """Class decorator: make a :class:`Check` subclass available under its ``name``."""
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        raise TypeError("register_check expects a Check subclass")
    for attribute in ("name", "description", "rules"):
        if not hasattr(cls, attribute):
            raise TypeError(f"{cls.__name__} must define {attribute}")
    existing = _REGISTRY.get(cls.name)
    if existing is not None and existing is not cls:
        raise NewsQAError(f"two checks are named {cls.name!r}: {existing!r} and {cls!r}")
    codes = {rule.code for other in _REGISTRY.values() if other is not cls for rule in other.rules}
    clash = codes.intersection(rule.code for rule in cls.rules)
    if clash:
        raise NewsQAError(f"{cls.__name__} reuses rule codes {sorted(clash)}")
    _REGISTRY[cls.name] = cls
    return cls


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    importlib.import_module(_BUILTIN_PACKAGE)
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry_point.load()
        if isinstance(loaded, type) and issubclass(loaded, Check):
            register_check(loaded)


def registered_checks() -> Mapping[str, type[Check]]:
    """Every registered check by name: the built-in ones and those from entry points."""
    _load()
    return dict(_REGISTRY)


def get_check(name: str) -> type[Check]:
    """The registered check called ``name``."""
    checks = registered_checks()
    if name not in checks:
        raise KeyError(f"no check named {name!r}; known: {', '.join(sorted(checks))}")
    return checks[name]


def rule_for_code(code: str) -> tuple[type[Check], Rule]:
    """The check and rule that own a rule code."""
    for check in registered_checks().values():
        for rule in check.rules:
            if rule.code == code:
                return check, rule
    raise KeyError(f"no rule {code!r}")
