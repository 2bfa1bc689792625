"""Reading inputs: bytes to text, with one clear error for anything that is not text.

A file is accepted when it is UTF-8 (a leading byte-order mark is dropped),
holds no NUL byte (the mark of a binary file) and is at most ``max_bytes``
long (:data:`newsqa.config.DEFAULT_MAX_BYTES`, 10 MiB, by default). Anything
else raises :class:`~newsqa.errors.InputError` naming the file; nothing is
decoded with replacement characters, so no text is ever silently lost.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from newsqa.config import DEFAULT_MAX_BYTES
from newsqa.errors import InputError

__all__ = ["STDIN", "decode_text", "read_text"]

#: The path that stands for standard input.
STDIN = "-"


def decode_text(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode the bytes of one input, raising :class:`InputError` for what is not UTF-8 text."""
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the limit of {max_bytes:,} bytes (raise max_bytes to check it)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: UTF-16 text, not UTF-8; convert it to UTF-8 first")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}, line {line}); "
            "convert it to UTF-8 first"
        ) from None
    return text.removeprefix("\ufeff")


def _read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    # Read one byte past the limit so that an oversized input is caught without
    # reading all of it into memory.
    return stream.read(max_bytes + 1)


def read_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read one input as text: a file path, or ``"-"`` for standard input."""
    name = str(path)
    if name == STDIN:
        return decode_text(_read_limited(sys.stdin.buffer, max_bytes), "<stdin>", max_bytes=max_bytes)
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    try:
        with file.open("rb") as stream:
            data = _read_limited(stream, max_bytes)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    return decode_text(data, name, max_bytes=max_bytes)
