"""Evaluate the grammar check: recall on the seed article, false findings on edited news.

Usage::

    python benchmarks/eval_grammar.py [--engine languagetool|harper|both] [--limit N]

* **Recall** on the grammar-and-usage list of ``../shared/seeds/README.md``: each
  item is a line of the seed article and the words the sub-editor marked; an
  item counts as found when a finding on that line overlaps those words.
  Measured on the raw engine matches ("before") and on the check's findings
  ("after" the news-aware filtering).
* **False findings per 1,000 words** on ``../shared/eval/news-gb`` (BBC, checked
  as en-GB) and ``../shared/eval/news-us`` (US wire copy, checked as en-US):
  professionally edited copy, so every finding is counted as a false alarm
  (an upper bound: a few are real slips). "Before" counts the engine's
  matches, "after" the check's findings and those at warning or above.

LanguageTool is reached as the check reaches it: ``NEWSQA_LANGUAGETOOL_URL`` or
a local server from ``newsqa languagetool fetch``. Skips cleanly when the
evaluation folder is absent.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from newsqa import Config, Document
from newsqa.checks.grammar import GrammarCheck
from newsqa.report import Severity

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_100169222cfc808a.txt"

# The sub-editor's grammar-and-usage marks of ../shared/seeds/README.md: (line, marked words).
SEED_MARKS = (
    (1, "Healey paid"),  # broken sentence
    (1, "Germany"),  # his Germany counterpart
    (5, "Ukraine said"),  # comma before the attribution
    (6, "UK"),  # the UK
    (8, "defense which"),  # comma before a non-restrictive which
    (10, "expressed"),  # said
    (11, "Healey who"),  # comma
    (13, "EU"),  # the EU
    (14, "two day"),  # two-day
    (15, "Europe safety"),  # European
    (15, "UK new"),  # the UK's
    (16, "Furthermore"),  # comma
    (16, "determine"),  # determined
    (16, "that;"),  # stray semicolon
    (16, "her relationship"),  # its
    (17, "In fact he"),  # comma
    (17, "of European"),  # the European Political Community
    (18, "and EU"),  # the EU
)


def _mark_spans(text: str) -> list[tuple[int, int, int]]:
    lines = text.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    spans = []
    for line, words in SEED_MARKS:
        at = lines[line - 1].index(words)
        spans.append((line, starts[line - 1] + at, starts[line - 1] + at + len(words)))
    return spans


def _recall(spans: list[tuple[int, int]], marks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    return [mark for mark in marks if any(start < mark[2] and mark[1] < end for start, end in spans)]


def seed_recall(check: GrammarCheck) -> None:
    text = SEED.read_text(encoding="utf-8")
    marks = _mark_spans(text)
    document = Document(text, language="en-GB")
    raw = check.engine.check(text, "en-GB")
    findings = check.run(document).findings
    before = _recall([(m.start, m.end) for m in raw], marks)
    after = _recall([(f.span.start, f.span.end) for f in findings], marks)
    print(f"  seed recall before filtering: {len(before)}/{len(marks)} ({len(raw)} engine matches)")
    print(f"  seed recall after filtering:  {len(after)}/{len(marks)} ({len(findings)} findings)")
    found = [SEED_MARKS[i] for i, mark in enumerate(marks) if mark in after]
    print("  found:", "; ".join(f"line {line} {words!r}" for line, words in found) or "nothing")


def _news_gb(limit: int | None) -> Iterator[Path]:
    files = sorted((SHARED / "eval" / "news-gb").glob("*/*.txt"))
    yield from files[:limit]


def _news_us(limit: int | None) -> Iterator[Path]:
    files = sorted(p for p in (SHARED / "eval" / "news-us").glob("*.txt"))
    yield from files[:limit]


def false_findings(check: GrammarCheck, name: str, files: Iterator[Path], language: str) -> None:
    words = before = after = serious = documents = 0
    by_rule: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for path in files:
        document = Document(path.read_text(encoding="utf-8", errors="replace"), language=language)
        result = check.run(document)
        documents += 1
        words += len(document.words)
        before += int(result.data["engine_matches"])  # type: ignore[call-overload]
        after += len(result.findings)
        serious += sum(1 for f in result.findings if f.severity.rank >= Severity.WARNING.rank)
        by_rule.update(f"{f.code} {f.data['rule_id']}" for f in result.findings)
    seconds = time.perf_counter() - started
    if not documents:
        print(f"  {name}: no documents")
        return
    per_k = 1000 / words
    print(
        f"  {name} ({documents} documents, {words:,} words, {language}, {seconds:.1f} s): "
        f"before {before * per_k:.2f}, after {after * per_k:.2f}, "
        f"after at warning or above {serious * per_k:.2f} false findings per 1,000 words"
    )
    print("    most frequent after filtering:", ", ".join(f"{rule} x{n}" for rule, n in by_rule.most_common(8)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("languagetool", "harper", "both"), default="both")
    parser.add_argument("--limit", type=int, help="documents per corpus (default: all)")
    args = parser.parse_args()
    if not (SHARED / "eval").is_dir():
        print(f"skipped: {SHARED / 'eval'} is not here")
        return 0
    engines = ("languagetool", "harper") if args.engine == "both" else (args.engine,)
    for engine in engines:
        check = GrammarCheck(Config(checks={"grammar": {"engine": engine}}))
        try:
            print(f"{engine} {check.engine.version}: {check.reason}")
            seed_recall(check)
            false_findings(check, "eval/news-gb", _news_gb(args.limit), "en-GB")
            false_findings(check, "eval/news-us", _news_us(args.limit), "en-US")
        finally:
            check.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
