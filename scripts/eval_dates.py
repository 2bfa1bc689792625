"""Evaluate newsqa's date finding and resolution on TimeBank/AQUAINT (TempEval-3 TBAQ-cleaned).

Reads the TimeML files under ``../shared/eval/timebank`` (or ``--data``), gives
each document's text to newsqa with the document creation time as the
publication date, and compares the DATE expressions newsqa finds with the gold
``TIMEX3 type="DATE"`` annotations, the TempEval-3 way:

* relaxed span match: a system and a gold expression match when they overlap;
* value: a matched pair counts as correct when the TIMEX3 values are equal;
  value precision is correct / system expressions, value recall correct / gold.
  Strict compares the strings as written; canonical first pads ISO week numbers
  (the gold writes "2000-W7" for 2000-W07) and drops trailing unknown parts
  ("1968-XX" for 1968), two spellings of one value found in the gold.

Prints the figures and the commonest misses. Then runs the date check itself over
the same documents, over ``news-us`` (publication dates from its manifest) and over
``news-gb`` (no publication dates), all edited copy, and lists the conflict findings
it makes there: each is a false alarm unless the copy really is wrong. Exits cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import html
import json
import sys
from pathlib import Path

import regex

from newsqa.checker import Checker
from newsqa.config import Config
from newsqa.dates.analysis import time_mentions
from newsqa.dates.expression import TimexType
from newsqa.document import Document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "timebank"
NEWS_US = DEFAULT.parent / "news-us"
_TAG = regex.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = regex.compile(r'(\w+)="([^"]*)"')


def read_timeml(path: Path) -> tuple[str, dt.date, list[tuple[int, int, str, str]]]:
    """(text, creation date, gold TIMEX3 as (start, end, type, value)) of one TimeML file."""
    source = path.read_text(encoding="utf-8")
    dct_match = regex.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", source, regex.DOTALL)
    if dct_match is None:
        raise ValueError(f"{path}: no document creation time")
    body = source.split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
    pieces: list[str] = []
    length = 0
    gold: list[tuple[int, int, str, str]] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):
            if open_timex is not None:
                start, attrs = open_timex
                gold.append((start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    pieces.append(html.unescape(body[position:]))
    return "".join(pieces), dt.date.fromisoformat(dct_match.group(1)), gold


def canonical(value: str) -> str:
    """One spelling of a TIMEX3 value: ISO weeks padded, trailing unknown parts dropped."""
    value = regex.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    return regex.sub(r"^(\d{4})(?:-XX)+$", r"\1", value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="the timebank folder")
    parser.add_argument("--misses", type=int, default=15, help="how many of each kind of miss to list")
    args = parser.parse_args(argv)
    files = sorted(args.data.glob("*/*.tml")) if args.data.is_dir() else []
    if not files:
        print(f"no TimeML files under {args.data}; nothing to evaluate")
        return 0
    gold_count = system_count = span_matches = value_matches = canonical_matches = 0
    not_found: collections.Counter[str] = collections.Counter()
    spurious: collections.Counter[str] = collections.Counter()
    wrong: collections.Counter[str] = collections.Counter()
    for path in files:
        text, dct, gold = read_timeml(path)
        dates = [(s, e, v) for s, e, kind, v in gold if kind == "DATE"]
        others = [(s, e) for s, e, kind, _ in gold if kind != "DATE"]
        document = Document(text, published=dct, language="en-US")
        system = [m for m in time_mentions(document) if m.expression.type == TimexType.DATE]
        gold_count += len(dates)
        used: set[int] = set()
        for mention in system:
            match = next(
                (i for i, (s, e, _) in enumerate(dates) if i not in used and s < mention.end and mention.start < e),
                None,
            )
            if match is None:
                if not any(s < mention.end and mention.start < e for s, e in others):
                    system_count += 1
                    spurious[mention.expression.text.lower()] += 1
                continue
            system_count += 1
            used.add(match)
            span_matches += 1
            s, e, value = dates[match]
            if mention.timex.value == value:
                value_matches += 1
            if canonical(mention.timex.value) == canonical(value):
                canonical_matches += 1
            else:
                wrong[f"{text[s:e]!r} gold {value} got {mention.timex.value}"] += 1
        for i, (s, e, value) in enumerate(dates):
            if i not in used:
                not_found[f"{text[s:e].lower()!r} ({value})"] += 1

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    span_p, span_r = span_matches / max(system_count, 1), span_matches / max(gold_count, 1)
    value_p, value_r = value_matches / max(system_count, 1), value_matches / max(gold_count, 1)
    print(f"data: {args.data} ({len(files)} TimeML documents)")
    print(
        f"DATE expressions: gold {gold_count}, newsqa {system_count} (system DATEs overlapping a gold "
        "TIME/DURATION/SET are left out of both counts)"
    )
    canon_p, canon_r = canonical_matches / max(system_count, 1), canonical_matches / max(gold_count, 1)
    print(f"relaxed span      P {span_p:.3f}  R {span_r:.3f}  F1 {f1(span_p, span_r):.3f}")
    print(
        f"value, canonical  P {canon_p:.3f}  R {canon_r:.3f}  F1 {f1(canon_p, canon_r):.3f}"
        f"  (accuracy on matched spans {canonical_matches / max(span_matches, 1):.3f})"
    )
    print(
        f"value, strict     P {value_p:.3f}  R {value_r:.3f}  F1 {f1(value_p, value_r):.3f}"
        f"  (accuracy on matched spans {value_matches / max(span_matches, 1):.3f})"
    )
    for title, counter in (
        ("gold DATEs not found", not_found),
        ("wrong values", wrong),
        ("found but not gold", spurious),
    ):
        print(f"\ncommonest {title}:")
        for key, count in counter.most_common(args.misses):
            print(f"  {count:4d}  {key}")
    clean_findings(files, args.data.parent / "news-us")
    return 0


def clean_findings(timeml: list[Path], news_us: Path) -> None:
    """Run the date check over edited copy and list every finding it makes."""
    american: list[tuple[str, str, dt.date | None]] = []
    for path in timeml:
        text, dct, _ = read_timeml(path)
        american.append((f"timebank/{path.name}", text, dct))
    manifest = news_us / "manifest.json"
    if manifest.is_file():
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            text = (news_us / entry["file"]).read_text(encoding="utf-8")
            american.append((f"news-us/{entry['file']}", text, dt.date.fromisoformat(entry["dct"][:10])))
    # BBC copy comes without publication dates: the check reasons with what the text fixes.
    british = [
        (f"news-gb/{path.relative_to(news_us.parent / 'news-gb')}", path.read_text(encoding="utf-8"), None)
        for path in sorted((news_us.parent / "news-gb").rglob("*.txt"))
    ]
    for label, language, documents in (
        ("timebank with their creation dates and news-us with its manifest's", "en-US", american),
        ("news-gb, no publication dates", "en-GB", british),
    ):
        if documents:
            _report_findings(label, language, documents)


def _report_findings(label: str, language: str, documents: list[tuple[str, str, dt.date | None]]) -> None:
    counts: collections.Counter[str] = collections.Counter()
    listed: list[str] = []
    with Checker(Config(select=("dates",), language=language)) as checker:
        for name, text, published in documents:
            report = checker.check(text, published=published, identifier=name)
            for finding in report.findings:
                counts[finding.code] += 1
                listed.append(f"  {finding.code} {name}:{finding.span.line} {finding.span.text!r}: {finding.message}")
    conflicts = sum(n for code, n in counts.items() if code != "NQ406")
    print(f"\ndate check on {len(documents)} edited documents ({label}): {dict(sorted(counts.items()))}")
    print(f"conflict findings (NQ401-NQ405) per 50 documents: {50 * conflicts / max(len(documents), 1):.2f}")
    print("\n".join(listed))


if __name__ == "__main__":
    sys.exit(main())
