"""Configuration: the house style, which checks run, and per-check options.

A :class:`Config` is frozen and validated when it is made. It is read from
``[tool.newsqa]`` in ``pyproject.toml`` or from the top level of ``newsqa.toml``,
found by walking up from the checked file (:func:`find_config`), or given
directly (``newsqa.Config(language="en-GB")``). Every unknown key and every bad
value raises :class:`~newsqa.errors.ConfigError` naming the key and the file.

Example ``newsqa.toml``::

    language = "en-GB"            # house style: en-GB, en-GB-oxendict, en-US, en-CA, en-AU
    ignore = ["NQ3"]              # check names, rule codes or code prefixes
    known_names = ["Pistorius"]

    [preferences]                 # explicit preferred forms: found -> preferred
    NATO = "Nato"

    [severity]                    # per-code severity overrides
    NQ201 = "error"

    [grammar]                     # a section per check, keyed by the check's name
    engine = "languagetool"
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from newsqa.errors import ConfigError
from newsqa.report import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["LANGUAGES", "Config", "find_config", "load_config"]

#: Language variants newsqa understands as a house style.
LANGUAGES = ("en", "en-GB", "en-GB-oxendict", "en-US", "en-CA", "en-AU", "en-NZ", "en-ZA", "en-IE")

#: Default limit on the size of one input, in bytes (10 MiB).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_TOP_LEVEL = ("language", "select", "ignore", "severity", "preferences", "known_names", "max_bytes")


def _str_tuple(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{key}: expected a list of strings, got {value!r}")


def _select(value: Any) -> tuple[str, ...]:
    return _str_tuple("select", value)


def _ignore(value: Any) -> tuple[str, ...]:
    return _str_tuple("ignore", value)


def _known_names(value: Any) -> tuple[str, ...]:
    return _str_tuple("known_names", value)


def _language(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise ConfigError(f"language: {value!r} is not one of {', '.join(LANGUAGES)}")
    return value


def _severities(value: Mapping[str, Any]) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"severity: must be a table of code = severity, got {value!r}")
    out = {}
    for code, level in value.items():
        try:
            out[str(code)] = Severity(level)
        except ValueError:
            raise ConfigError(f"severity.{code}: {level!r} is not error, warning or info") from None
    return out


def _preferences(value: Mapping[str, Any]) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f"preferences: expected a table of form = preferred form, got {value!r}")
    return {str(k): v for k, v in value.items()}


def _max_bytes(value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"max_bytes: must be a positive integer, got {value!r}")
    return value


def _sections(value: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"checks must be a table of per-check tables, got {value!r}")
    return {str(k): dict(v) for k, v in value.items()}


@attrs.frozen
class Config:
    """newsqa's configuration. Every field has a working default.

    ``language`` is the house style (``None``: judge each document by its own
    dominant spelling). ``select`` and ``ignore`` take check names, rule codes
    or code prefixes (``"NQ3"``). ``severity`` overrides a rule's severity;
    ``preferences`` maps a form to the house's preferred form
    (``{"NATO": "Nato"}``); ``known_names`` are names that are never typos;
    ``checks`` holds each check's own options by check name; ``max_bytes``
    limits the size of one input; ``source`` is the file it was read from.
    """

    language: str | None = attrs.field(default=None, converter=_language)
    select: tuple[str, ...] = attrs.field(default=(), converter=_select)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignore)
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities)
    preferences: Mapping[str, str] = attrs.field(factory=dict, converter=_preferences)
    known_names: tuple[str, ...] = attrs.field(default=(), converter=_known_names)
    checks: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_sections)
    max_bytes: int = attrs.field(default=DEFAULT_MAX_BYTES, converter=_max_bytes)
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        from newsqa.registry import registered_checks

        checks = registered_checks()
        for name, section in self.checks.items():
            if name not in checks:
                raise ConfigError(self._where(f"unknown check section [{name}]; known: {', '.join(sorted(checks))}"))
            known = {option.name: option for option in checks[name].options}
            for key, value in section.items():
                if key not in known:
                    raise ConfigError(self._where(f"unknown key {name}.{key}"))
                try:
                    known[key].convert(value)
                except (TypeError, ValueError) as error:
                    raise ConfigError(self._where(f"{name}.{key}: {error}")) from None

    def _where(self, message: str) -> str:
        return f"{self.source}: {message}" if self.source else message

    def options_for(self, check: str) -> dict[str, Any]:
        """The options of one check: its defaults, overridden by this config's section."""
        from newsqa.registry import get_check

        section = self.checks.get(check, {})
        return {
            option.name: option.convert(section[option.name]) if option.name in section else option.default
            for option in get_check(check).options
        }

    def evolve(self, **changes: Any) -> Config:
        """A copy with some fields changed (as :func:`attrs.evolve`)."""
        return attrs.evolve(self, **changes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str | None = None) -> Config:
        """Build a config from a parsed TOML table, naming ``source`` in errors."""
        from newsqa.registry import registered_checks

        where = f"{source}: " if source else ""
        top: dict[str, Any] = {}
        sections: dict[str, Any] = {}
        names = registered_checks()
        for key, value in data.items():
            if key in _TOP_LEVEL:
                top[key] = value
            elif key in names:
                if not isinstance(value, Mapping):
                    raise ConfigError(f"{where}[{key}] must be a table")
                sections[key] = value
            else:
                raise ConfigError(f"{where}unknown key {key!r}")
        try:
            return cls(**top, checks=sections, source=source)
        except ConfigError as error:
            message = str(error)
            if source and not message.startswith(source):
                message = f"{source}: {message}"
            raise ConfigError(message) from None


def load_config(path: str | Path) -> Config:
    """Read a config from ``newsqa.toml`` or from ``[tool.newsqa]`` in ``pyproject.toml``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newsqa", {})
    return Config.from_mapping(data, source=str(path))


def find_config(start: str | Path) -> Config:
    """The config that applies to a file or folder.

    That is the nearest ``newsqa.toml``, or ``pyproject.toml`` with a
    ``[tool.newsqa]`` table, walking up from ``start``; defaults when none is found.
    """
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "newsqa.toml"
        if candidate.is_file():
            return load_config(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_newsqa_table(pyproject):
            return load_config(pyproject)
    return Config()


def _has_newsqa_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool", {}).get("newsqa"), Mapping)
