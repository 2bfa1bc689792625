"""The built-in checks. Importing this package registers every one of them.

Each check is one module owning its rule codes: ``NQ0xx`` characters,
``NQ1xx`` repeated passages, ``NQ2xx`` spelling consistency, ``NQ3xx``
grammar and usage, ``NQ4xx`` dates.
"""

from newsqa.checks import characters, dates, grammar, repeats, spelling

__all__ = ["characters", "dates", "grammar", "repeats", "spelling"]
