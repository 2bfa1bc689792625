"""Characters that do not belong in copy: control codes, replacement marks, invisibles.

Copy pasted from PDFs, old systems and chat tools carries characters a reader
never sees but search engines, screen readers and every other check do: a
zero-width space splits a name in two, a U+FFFD shows that text was decoded
with the wrong encoding and something was lost, and an empty document reaching
the publishing gate is a fault of its own.
"""

from __future__ import annotations

import re
import unicodedata

from newsqa.document import Document
from newsqa.registry import Check, CheckResult, Rule, register_check
from newsqa.report import Finding

# The standard library's ``re`` rather than ``regex`` here: the classes are plain
# code points, which ``re`` scans for several times faster.
# Tab, line feed and carriage return are layout; every other C0/C1 control is not.
_CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Zero-width and bidirectional formatting characters, and the soft hyphen.
_INVISIBLE_CHARACTERS = r"\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(rf"[{_CONTROL_CHARACTERS}]+")
_REPLACEMENT = re.compile(r"\ufffd+")
_INVISIBLE = re.compile(rf"[{_INVISIBLE_CHARACTERS}]+")
# Most copy has none of these characters: one scan for any of them settles that.
_ANY = re.compile(rf"[{_CONTROL_CHARACTERS}\ufffd{_INVISIBLE_CHARACTERS}]")
# Removing these is not always right: separators may stand for a line break, and
# joiners hold emoji sequences together; everything else here is removed safely.
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")
_JOINERS = frozenset("\u200c\u200d")
_SAFE_FIX = {"fix": "safe"}  # newsqa fix may apply the suggestion (see newsqa.fix)


@register_check
class CharactersCheck(Check):
    """Flags control characters, U+FFFD replacement characters, invisible characters and empty text."""

    name = "characters"
    description = "Characters that do not belong in copy, and copy with no text at all."
    rules = (
        Rule(
            code="NQ001",
            name="control-character",
            summary="A control character (other than tab and line breaks) is in the text.",
            rationale="Control characters come from broken exports; they corrupt feeds and break search.",
            severity="error",
            flagged="The minister arrived\x07 in Berlin on Wednesday.",
            fixed="The minister arrived in Berlin on Wednesday.",
        ),
        Rule(
            code="NQ002",
            name="replacement-character",
            summary="The text holds U+FFFD, the mark left where a character could not be decoded.",
            rationale="Something was lost when the text was converted: the original character must be restored.",
            severity="error",
            flagged="Talks in Z\ufffdrich ended on Friday.",
            fixed="Talks in Zürich ended on Friday.",
        ),
        Rule(
            code="NQ003",
            name="invisible-character",
            summary="An invisible character (zero-width space, soft hyphen, direction mark) is in the text.",
            rationale="Invisible characters split words for search and spelling without showing on the page.",
            severity="warning",
            flagged="Boris Pisto\u200brius spoke in Berlin.",
            fixed="Boris Pistorius spoke in Berlin.",
        ),
        Rule(
            code="NQ004",
            name="empty-text",
            summary="The document has no words to check.",
            rationale="An empty or whitespace-only file reaching the publishing gate is a fault upstream.",
            severity="error",
            flagged="   ",
            fixed="The minister arrived in Berlin on Wednesday.",
        ),
    )

    def run(self, document: Document) -> CheckResult:
        findings: list[Finding] = []
        text = document.text
        if not document.tokens:
            findings.append(
                self.finding(document, "NQ004", 0, len(text), "The document is empty: there are no words to check.")
            )
        first = _ANY.search(text)
        if first is None:
            return CheckResult(findings=findings)
        start = first.start()
        for match in _CONTROL.finditer(text, start):
            names = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in match.group()}))
            findings.append(
                self.finding(
                    document,
                    "NQ001",
                    match.start(),
                    match.end(),
                    f"Control character {names} in the text.",
                    suggestions=("",),
                    data=_SAFE_FIX if not _SEPARATORS.intersection(match.group()) else None,
                )
            )
        for match in _REPLACEMENT.finditer(text, start):
            findings.append(
                self.finding(
                    document,
                    "NQ002",
                    match.start(),
                    match.end(),
                    "Replacement character U+FFFD: a character was lost when this text was converted.",
                )
            )
        for match in _INVISIBLE.finditer(text, start):
            if match.start() == 0 and match.group() == "\ufeff":
                continue  # a byte-order mark at the very start is an encoding signature
            names = ", ".join(sorted({unicodedata.name(ch, f"U+{ord(ch):04X}").lower() for ch in match.group()}))
            findings.append(
                self.finding(
                    document,
                    "NQ003",
                    match.start(),
                    match.end(),
                    f"Invisible character ({names}) in the text.",
                    suggestions=("",),
                    data=_SAFE_FIX if not _JOINERS.intersection(match.group()) else None,
                )
            )
        return CheckResult(findings=findings)
