"""The exceptions newsqa raises.

Every error newsqa raises on purpose derives from :class:`NewsQAError`, so an
integrator can catch one class and show its message to the user as it is.
"""

from __future__ import annotations

__all__ = ["ConfigError", "InputError", "NewsQAError"]


class NewsQAError(Exception):
    """Base class of every error newsqa raises on purpose.

    The message is a single line meant for a person: it names the file or key
    at fault and what to do about it.
    """


class ConfigError(NewsQAError):
    """A configuration file or value is wrong (unknown key, bad value, bad TOML)."""


class InputError(NewsQAError):
    """An input cannot be checked: not UTF-8, binary, a directory, too large, missing."""
