"""Harper as a grammar engine: in process, no Java, no server.

Harper (https://writewithharper.com, Apache-2.0) is an English grammar checker
written in Rust; ``harper-py`` binds it for Python. It is an optional extra:
``pip install 'newsqa[harper]'``. It knows fewer rules than LanguageTool but
starts in about a second and checks a news story in about a tenth of a second,
which makes it the fallback when no LanguageTool server can be had.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsqa.engines import EngineMatch, EngineUnavailable
from newsqa.engines.chunks import paragraph_chunks

if TYPE_CHECKING:
    import harper

__all__ = ["HarperEngine"]

_INSTALL_HINT = "harper-py is not installed: pip install 'newsqa[harper]'"
# Harper's time grows faster than the text (40,000 words in one piece: 9.4 s; in pieces
# of this size: 5.8 s); an article of up to about 3,000 words is one piece.
_MAX_CHUNK = 20_000
# Harper's dialects by newsqa language; the other Commonwealth styles spell as British English.
_DIALECTS = {
    "en-US": "AMERICAN",
    "en": "AMERICAN",
    "en-GB": "BRITISH",
    "en-GB-oxendict": "BRITISH",
    "en-IE": "BRITISH",
    "en-NZ": "BRITISH",
    "en-ZA": "BRITISH",
    "en-AU": "AUSTRALIAN",
    "en-CA": "CANADIAN",
}


class HarperEngine:
    """Checks text with Harper. One linter per dialect, built on first use and kept.

    ``disabled_rules`` and ``enabled_rules`` name rules to switch off or on;
    the Harper names among them (``OxfordComma``, ``SpellCheck``) apply.
    """

    name = "harper"

    def __init__(self, *, disabled_rules: Sequence[str] = (), enabled_rules: Sequence[str] = ()) -> None:
        try:
            import harper
        except ImportError:
            raise EngineUnavailable(_INSTALL_HINT) from None
        self._harper = harper
        self._linters: dict[str, harper.Linter] = {}
        # The rule lists name LanguageTool's rules too; Harper takes the names it knows.
        known = harper.get_default_lint_config()
        self._config: dict[str, bool | None] = {rule: False for rule in disabled_rules if rule in known}
        self._config.update({rule: True for rule in enabled_rules if rule in known})
        self._version = importlib.metadata.version("harper-py")

    @property
    def version(self) -> str | None:
        """The installed harper-py version."""
        return self._version

    def _linter(self, language: str) -> harper.Linter:
        dialect = _DIALECTS.get(language, "AMERICAN")
        linter = self._linters.get(dialect)
        if linter is None:
            linter = self._harper.Linter(self._harper.Dialect[dialect])
            if self._config:
                config = linter.get_lint_config()
                config.update(self._config)
                linter.set_lint_config(config)
            self._linters[dialect] = linter
        return linter

    def check(self, text: str, language: str) -> list[EngineMatch]:
        """Check plain ``text`` in paragraph-aligned pieces; Harper's spans are code points into each."""
        linter = self._linter(language)
        matches: list[EngineMatch] = []
        for start, end in paragraph_chunks(text, _MAX_CHUNK):
            if text[start:end].strip():
                matches.extend(self._check_piece(linter, text, start, end))
        matches.sort(key=lambda m: (m.start, m.end, m.rule_id))
        return matches

    def _check_piece(self, linter: harper.Linter, text: str, offset: int, piece_end: int) -> list[EngineMatch]:
        kinds = self._harper.SuggestionKind
        matches: list[EngineMatch] = []
        organised = linter.organized_lints(text[offset:piece_end], language=self._harper.Language.PLAINTEXT)
        for rule, lints in organised.items():
            for lint in lints:
                start, end = offset + lint.span.start, offset + lint.span.end
                suggestions = []
                for suggestion in lint.suggestions[:5]:
                    if suggestion.kind == kinds.REMOVE:
                        suggestions.append("")
                    elif suggestion.kind == kinds.INSERT_AFTER:
                        suggestions.append(text[start:end] + suggestion.replacement_text)
                    else:
                        suggestions.append(suggestion.replacement_text)
                matches.append(
                    EngineMatch(
                        start=start,
                        end=end,
                        rule_id=rule,
                        category=lint.lint_kind,
                        message=lint.message,
                        suggestions=tuple(suggestions),
                    )
                )
        return matches

    def close(self) -> None:
        """Drop the linters."""
        self._linters.clear()
