"""False findings and injected-error recall of the spelling check on real news.

Reads ``shared/eval/news-gb`` (BBC, British) and ``shared/eval/news-us`` (US
agencies and papers) for measurement only. Two measurements:

``false``: every spelling finding on this professionally edited copy counts as a
false finding (an upper bound: a few may be real slips). Run with each folder's
house style (news-gb: en-GB, news-us: en-US) and without a house style.

``inject``: into each article, one inconsistency is injected at a time by
:func:`inject` (a variant word switched to another variety's spelling, an
acronym recased, a name misspelt once), and the check runs without a house style.
A hit is a finding whose span is the injected word with the right rule code.
Recall = hits / injections. Precision = hits / (findings on injected
articles that were not there before injection); findings the article already
had are not counted again.

Usage::

    python scripts/eval_spelling.py false [--show 20]
    python scripts/eval_spelling.py inject [--seed 1] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's newsqa, not an installed one

import attrs  # noqa: E402

import newsqa  # noqa: E402
from newsqa.analysis.institutions import protected_tokens  # noqa: E402
from newsqa.analysis.variants import VARIETIES, counterpart, variant_form  # noqa: E402
from newsqa.document import Document  # noqa: E402

# An injected slip is an inconsistency only against a form the article uses repeatedly:
# with two uses, one switched leaves a tie that no reader could settle either.
REPEATS = 3
EVAL = next((p for p in (ROOT.parent / "shared" / "eval", Path("/work/shared/eval")) if p.exists()), None)


def articles(folder: str) -> Iterator[tuple[str, str]]:
    """(name, text) of each article in an eval folder."""
    assert EVAL is not None
    base = EVAL / folder
    for path in sorted(base.rglob("*.txt")):
        if path.name.upper().startswith("README"):
            continue
        yield str(path.relative_to(base)), path.read_text(encoding="utf-8", errors="replace")


@attrs.frozen
class Injection:
    kind: str  # variant, acronym, name
    code: str
    start: int
    end: int
    text: str


def inject(text: str, rng: random.Random) -> list[tuple[str, Injection]]:
    """Texts with one injected inconsistency each: a variant switched, an acronym recased, a name misspelt."""
    document = Document(text)
    protected = protected_tokens(document)
    out: list[tuple[str, Injection]] = []
    initial = {s.token_start for s in document.sentences}
    initial |= {i for s in document.sentences if s.is_heading for i in range(s.token_start, s.token_end)}
    tokens = document.tokens
    # A variant word used at least REPEATS times: switch one occurrence to another variety.
    by_form: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        entry = variant_form(token.text)
        if entry is not None and entry.is_marker and i not in protected and token.text.isalpha():
            by_form.setdefault(entry.key, []).append(i)
    candidates = [[i for i in idx if i not in initial] for idx in by_form.values() if len(idx) >= REPEATS]
    candidates = [idx for idx in candidates if idx]
    if candidates:
        indexes = rng.choice(candidates)
        i = rng.choice(indexes)
        token = tokens[i]
        original = variant_form(token.text)
        options = [counterpart(token.text, v) for v in VARIETIES]
        # Only a spelling no variety writes together with the original makes an inconsistency
        # (program beside programme is British usage for software, not a slip).
        switched = sorted(
            {
                o
                for o in options
                if o and o.lower() != token.text.lower() and not _same_variety(original, variant_form(o))
            }
        )
        if switched:
            new = rng.choice(switched)
            out.append(_replace(text, token.start, token.end, new, "variant", "NQ201"))
    # An acronym written in capitals at least REPEATS times: write one in title case.
    acronyms = Counter(t.text for t in tokens if t.text.isupper() and t.text.isalpha() and len(t.text) >= 3)
    usable = [a for a, n in acronyms.items() if n >= REPEATS]
    if usable:
        acronym = rng.choice(sorted(usable))
        spots = [i for i, t in enumerate(tokens) if t.text == acronym and i not in initial]
        if spots:
            token = tokens[rng.choice(spots)]
            out.append(_replace(text, token.start, token.end, acronym.title(), "acronym", "NQ203"))
    # A name (capitalised mid-sentence, 5+ letters) used at least REPEATS times: misspell one.
    names = Counter(
        t.text
        for i, t in enumerate(tokens)
        if i not in initial and t.text.isalpha() and len(t.text) >= 5 and t.text[0].isupper() and t.text[1:].islower()
    )
    usable = [n for n, c in names.items() if c >= REPEATS and variant_form(n) is None]
    if usable:
        name = rng.choice(sorted(usable))
        spots = [i for i, t in enumerate(tokens) if t.text == name and i not in initial]
        token = tokens[rng.choice(spots)]
        out.append(_replace(text, token.start, token.end, _misspell(name, rng), "name", "NQ205"))
    return out


def _same_variety(one: object, other: object) -> bool:
    if one is None or other is None:
        return True
    return bool(one.preferred & other.preferred)  # type: ignore[attr-defined]


def _misspell(name: str, rng: random.Random) -> str:
    """One typing slip in the body of a name: a doubled, dropped, swapped or changed letter."""
    i = rng.randrange(2, len(name) - 1)
    kind = rng.choice(("double", "drop", "swap", "vowel"))
    if kind == "double":
        return name[:i] + name[i] + name[i:]
    if kind == "drop":
        return name[:i] + name[i + 1 :]
    if kind == "swap" and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    vowels = "aeiou"
    if name[i] in vowels:
        return name[:i] + rng.choice([v for v in vowels if v != name[i]]) + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


def _replace(text: str, start: int, end: int, new: str, kind: str, code: str) -> tuple[str, Injection]:
    return text[:start] + new + text[end:], Injection(kind, code, start, start + len(new), new)


def measure_false(show: int) -> None:
    runs = (("news-gb", "en-GB"), ("news-gb", None), ("news-us", "en-US"), ("news-us", None))
    for folder, language in runs:
        config = newsqa.Config(language=language, select=["spelling"])
        total = 0
        per_code: Counter[str] = Counter()
        examples: list[str] = []
        count = 0
        with newsqa.Checker(config) as checker:
            for name, text in articles(folder):
                count += 1
                report = checker.check(text)
                failed = [run for run in report.checks if run.status != "ran"]
                if failed:
                    print(f"    check did not run on {name}: {failed}")
                for finding in report.findings:
                    total += 1
                    per_code[finding.code] += 1
                    if len(examples) < show:
                        examples.append(f"    {name}:{finding.span.line} {finding.code} {finding.message}")
        print(
            f"{folder} house style {language or 'none'}: {count} articles, {total} findings, "
            f"{total / count:.3f} per article (1 per {count / max(total, 1):.0f}); by code {dict(per_code)}"
        )
        for line in examples:
            print(line)


def measure_injection(seed: int, show: int) -> None:
    rng = random.Random(seed)
    config = newsqa.Config(select=["spelling"])
    hits: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    extra = 0
    misses: list[str] = []
    with newsqa.Checker(config) as checker:
        for folder in ("news-gb", "news-us"):
            for name, text in articles(folder):
                before = {(f.code, f.span.text, f.message.split("(")[0]) for f in checker.check(text).findings}
                for changed, injection in inject(text, rng):
                    tried[injection.kind] += 1
                    report = checker.check(changed)
                    new = [f for f in report.findings if (f.code, f.span.text, f.message.split("(")[0]) not in before]
                    hit = [f for f in new if f.code == injection.code and f.span.start == injection.start]
                    if hit:
                        hits[injection.kind] += 1
                    elif len(misses) < show:
                        misses.append(f"    miss {folder}/{name} {injection}")
                    extra += len(new) - (1 if hit else 0)
                    for finding in new:
                        if finding not in hit and len(misses) < show:
                            misses.append(
                                f"    extra {folder}/{name} {finding.code} {finding.span.text!r} {finding.message}"
                            )
    total_hits = sum(hits.values())
    total = sum(tried.values())
    print(f"news-gb + news-us, no house style, seed {seed}: {total} injections {dict(tried)}")
    for kind in tried:
        print(f"  {kind}: recall {hits[kind] / tried[kind]:.3f} ({hits[kind]}/{tried[kind]})")
    print(
        f"  all: recall {total_hits / total:.3f}; precision {total_hits / max(total_hits + extra, 1):.3f} "
        f"({extra} other new findings)"
    )
    for line in misses:
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("false", "inject"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="print this many findings or misses")
    args = parser.parse_args(argv)
    if EVAL is None:
        print("shared/eval not found: skipped")
        return 0
    if args.what == "false":
        measure_false(args.show)
    else:
        measure_injection(args.seed, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
