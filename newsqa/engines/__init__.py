"""Grammar engines: what the grammar check asks, whichever engine answers.

An engine takes plain text and a language variant and returns
:class:`EngineMatch` objects whose ``start``/``end`` are code-point offsets into
that same text. The grammar check only sees this protocol, so LanguageTool
(:mod:`newsqa.engines.languagetool`) and Harper (:mod:`newsqa.engines.harper`)
are interchangeable behind it.

An engine that cannot be set up raises :class:`EngineUnavailable` (nothing to
run here: not installed, not provisioned, no Java) or :class:`EngineFailed`
(it was there and broke: a server that will not start, does not answer, times
out or dies). Both carry a one-line message an operator can act on.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import attrs

from newsqa.errors import NewsQAError

__all__ = ["EngineFailed", "EngineMatch", "EngineUnavailable", "GrammarEngine"]


class EngineUnavailable(NewsQAError):
    """The engine cannot run on this machine as configured (missing package, files or Java)."""


class EngineFailed(NewsQAError):
    """The engine was there but did not do its job (did not start, did not answer, died)."""


@attrs.frozen
class EngineMatch:
    """One problem an engine reports, in the engine's own terms.

    ``start``/``end`` are code-point offsets into the checked text;
    ``suggestions`` replace ``text[start:end]``, best first. ``rule_id`` and
    ``category`` are the engine's own names (``MORFOLOGIK_RULE_EN_GB`` and
    ``TYPOS`` for LanguageTool, ``SpellCheck`` and ``Spelling`` for Harper).
    """

    start: int
    end: int
    rule_id: str
    category: str
    message: str
    suggestions: tuple[str, ...] = ()
    issue_type: str | None = None
    rule_description: str | None = None


@runtime_checkable
class GrammarEngine(Protocol):
    """What the grammar check needs of an engine."""

    @property
    def name(self) -> str:
        """Short engine name for reports: ``"languagetool"`` or ``"harper"``."""

    @property
    def version(self) -> str | None:
        """The engine's version, where it tells."""

    def check(self, text: str, language: str) -> list[EngineMatch]:
        """Check ``text`` written in ``language`` (``en-GB``, ``en-US``, ...)."""

    def close(self) -> None:
        """Release what the engine holds (a server process, a session). Safe to call twice."""
