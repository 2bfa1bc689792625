"""How much of VarCon's US/UK spelling pairs newsqa's variant table covers.

Reads ``/work/shared/eval/varcon/varcon.txt`` (or ``--varcon``) for measurement only:
nothing from it is copied into newsqa. A VarCon line gives the preferred American
(tag ``A``) and British (tag ``B``) spelling of one inflected word; where they
differ, the pair is one US/UK pair. A pair is *common* when its more frequent
spelling is among the N most frequent English words of ``wordfreq`` (default
N = 20,000), the other spelling is attested there too (Zipf frequency >= 1,
about once per 100 million words), and VarCon's cluster is at level 70 or below
(VarCon: "can be found in the dictionary"), which drops fragments such as
"et / aet". wordfreq is independent of VarCon, SCOWL and breame.

A pair is *covered* when ``variant_key`` puts both spellings in one family, and
*converted* when ``counterpart`` turns the American spelling into the British one
where British English does not use the American spelling itself (licence/license
and tyre/tire are not converted: British English uses both, in different senses).

Usage::

    python scripts/eval_variant_coverage.py [--top 20000] [--misses 30]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's newsqa, not an installed one

DEFAULT_VARCON = Path(__file__).resolve().parents[2] / "shared" / "eval" / "varcon" / "varcon.txt"
FALLBACK_VARCON = Path("/work/shared/eval/varcon/varcon.txt")


def us_uk_pairs(path: Path, max_level: int = 100) -> list[tuple[str, str]]:
    """(American, British) preferred spellings that differ, one per VarCon line, in clusters up to a level."""
    pairs: set[tuple[str, str]] = set()
    level = 0
    for raw in path.read_text(encoding="latin-1").splitlines():
        header = re.match(r"# \S.*\(level (\d+)\)", raw)
        if header:
            level = int(header.group(1))
        if level > max_level:
            continue
        line = raw.split("#", 1)[0].split("|", 1)[0].strip()
        if not line or ":" not in line:
            continue
        us = uk = None
        for entry in line.split(" / "):
            tags, _, word = entry.partition(":")
            tag_set = tags.split()
            word = word.strip()
            if "A" in tag_set:
                us = word
            if "B" in tag_set:
                uk = word
        if us and uk and us != uk and "'" not in us + uk:
            pairs.add((us, uk))
    return sorted(pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--varcon", type=Path, default=None)
    parser.add_argument("--top", type=int, default=20000, help="how many wordfreq words count as common")
    parser.add_argument("--misses", type=int, default=0, help="print this many uncovered common pairs")
    args = parser.parse_args(argv)
    path = args.varcon or next((p for p in (DEFAULT_VARCON, FALLBACK_VARCON) if p.exists()), None)
    if path is None or not path.exists():
        print("VarCon not found (shared/eval/varcon): skipped")
        return 0
    try:
        import wordfreq
    except ImportError:
        print("wordfreq is not installed (pip install 'newsqa[eval]'): skipped")
        return 0
    from newsqa.analysis.variants import counterpart, variant_form, variant_key

    common_words = set(wordfreq.top_n_list("en", args.top))
    pairs = us_uk_pairs(path)
    dictionary = us_uk_pairs(path, max_level=70)
    common = [
        (us, uk)
        for us, uk in dictionary
        if (us in common_words or uk in common_words)
        and min(wordfreq.zipf_frequency(us, "en"), wordfreq.zipf_frequency(uk, "en")) >= 1
    ]

    def covered(pair: tuple[str, str]) -> bool:
        key = variant_key(pair[0])
        return key is not None and key == variant_key(pair[1])

    def convertible(pair: tuple[str, str]) -> bool:
        entry = variant_form(pair[0])
        return entry is not None and not entry.used_in("en-GB")

    def converted(pair: tuple[str, str]) -> bool:
        return counterpart(pair[0], "en-GB") == pair[1]

    print(f"VarCon: {path}")
    labelled = (
        (f"common (VarCon level <= 70, wordfreq top {args.top})", common),
        ("VarCon level <= 70", dictionary),
        ("all", pairs),
    )
    for label, subset in labelled:
        n = len(subset)
        hit = sum(covered(p) for p in subset)
        to_convert = [p for p in subset if covered(p) and convertible(p)]
        conv = sum(converted(p) for p in to_convert)
        print(
            f"{label}: {n} US/UK pairs; covered {hit} ({hit / n:.1%}); "
            f"US->GB converted {conv} of {len(to_convert)} not used in British English"
        )
    if args.misses:
        misses = [p for p in common if not covered(p)]
        print(f"first {args.misses} uncovered common pairs:")
        for us, uk in misses[: args.misses]:
            print(f"  {us} / {uk}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
