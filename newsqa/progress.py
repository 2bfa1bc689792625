"""A progress line for long runs on a terminal; nothing at all in CI logs and pipes."""

from __future__ import annotations

import os
import time
from typing import TextIO

__all__ = ["Progress", "wants_progress"]

_DELAY = 0.5  # a run shorter than this shows no progress line
_INTERVAL = 0.1  # redraw at most this often
_WIDTH = 24


def wants_progress(stream: TextIO) -> bool:
    """True when ``stream`` is a terminal and not a CI log (``CI`` unset or false)."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """``checking  340/1000 [########----------------]  34%  12.3 docs/s`` on one redrawn line.

    Call :meth:`clear` before writing other output to the same terminal, and
    :meth:`close` at the end, which erases the line.
    """

    def __init__(self, total: int, stream: TextIO, *, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled and total > 1
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._visible = False

    def advance(self) -> None:
        """Count one finished document and redraw when it is time."""
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._started < _DELAY or (now - self._drawn_at < _INTERVAL and self.done < self.total):
            return
        self._drawn_at = now
        rate = self.done / max(now - self._started, 1e-9)
        filled = _WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        percent = 100 * self.done // max(self.total, 1)
        self.stream.write(f"\rchecking {self.done:>{len(str(self.total))}}/{self.total} [{bar}] {percent:3}% "
                          f"{rate:6.1f} docs/s")  # fmt: skip
        self.stream.flush()
        self._visible = True

    def clear(self) -> None:
        """Erase the progress line so other output starts on a clean line."""
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._visible = False

    def close(self) -> None:
        """Erase the line at the end of the run."""
        self.clear()
