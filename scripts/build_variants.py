"""Build ``newsqa/data/spelling_variants.tsv`` from the SCOWL word lists.

Source: the Debian package ``scowl`` (``apt-get install scowl``), which installs
Kevin Atkinson's Spell Checker Oriented Word Lists into ``/usr/share/dict/scowl``.
Each list holds the words of one spelling category at one size: ``english``
(spelt the same everywhere), ``american``, ``british`` (-ise), ``british_z``
(Oxford -ize), ``canadian``, ``australian``, and the accepted-variant categories
(``variant_1`` for American, ``british_variant_1``, ...).

The lists say which words a variety uses, not which words are spellings of the
same word. This script pairs them: every word special to one variety is reduced
to a spelling skeleton by general orthographic correspondences (-our/-or,
-ise/-ize, -re/-er, -ce/-se, doubled l, ae/oe, -ogue/-og, -mme/-m, ...), and
words of complementary varieties that share a skeleton form a family. Families
whose skeletons differ only by an inflection (colour, colours, coloured) share
a key. Then each form is tagged per variety: ``p`` preferred, ``v`` an accepted
variant, ``-`` not used.

A second, smaller source supplies irregular pairs that no correspondence
explains (aluminium/aluminum, grey/gray): the British-to-American table of the
PyPI package ``breame`` (0.1.2, Apache-2.0), used only where SCOWL has both words.

Usage (``apt-get install scowl`` and ``pip install breame==0.1.2`` first)::

    python scripts/build_variants.py [--scowl /usr/share/dict/scowl] [--size 70]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from collections.abc import Iterable
from pathlib import Path

VARIETIES = ("en-US", "en-GB", "en-GB-oxendict", "en-CA", "en-AU")
# The SCOWL categories that make up each variety: (preferred, accepted variants).
CATEGORIES = {
    "en-US": (("american",), ("variant_1",)),
    "en-GB": (("british",), ("british_variant_1",)),
    "en-GB-oxendict": (("british_z",), ("british_variant_1",)),
    "en-CA": (("canadian",), ("canadian_variant_1",)),
    "en-AU": (("australian",), ("australian_variant_1",)),
}
SIZES = (10, 20, 35, 40, 50, 55, 60, 70, 80, 95)
OUTPUT = Path(__file__).resolve().parent.parent / "newsqa" / "data" / "spelling_variants.tsv"

# Orthographic correspondences between the varieties, applied in order to
# reduce every spelling of a word to one skeleton. Each pattern only has to be
# right for words that one variety spells differently: common words never
# enter a family unless a variety-specific word reduces to the same skeleton.
SKELETON_RULES: tuple[tuple[str, str], ...] = (
    (r"^aeroplane", "airplane"),
    (r"ae", "e"),  # anaemia, encyclopaedia
    (r"(?<!sh)oe(?!s$)", "e"),  # foetus, manoeuvre, oestrogen; not shoe, heroes
    (r"our", "or"),  # colour, behaviour, favourite
    (r"ough$", "ow"),  # plough
    (r"ught", "ft"),  # draught
    (r"oul(?=d|t|der)", "ol"),  # mould, moult, smoulder
    (r"ys(?=e|ing|ation|er)", "yz"),  # analyse, paralysing
    (r"is(?=e|ing|ation|able|er)", "iz"),  # organise, realisation
    (r"ence(?=$|s$|d$)", "ense"),  # defence, licence, offence
    (r"(?<=ct)ic(?=e$|es$|ed$|ing$)", "iz"),  # practice / practise
    (r"(?<=[bcdgkptv])re(?=$|s$)", "er"),  # centre, theatre, metre
    (r"(?<=[bcdgkptv])r(?=ed$|ing$)", "er"),  # centred, centring
    (r"ll", "l"),  # travelled, fulfil, jewellery, skilful
    (r"logue(?=$|s$)", "log"),  # catalogue, dialogue, analogue
    (r"gramme(?=$|s$)", "gram"),  # programme, kilogramme
    (r"(?<=dg)e(?=ment)", ""),  # judgement, acknowledgement
    (r"(?<=g)e(?=ing$)", ""),  # ageing
    (r"que(?=$|s$)", "ck"),  # cheque
    (r"^sc(?=ep)", "sk"),  # sceptic
    (r"^kerb", "curb"),
    (r"ph", "f"),  # sulphur
    (r"ey(?=$|s$)", "y"),  # storey, whiskey
    (r"(?<=[^aeiou])ys$", "ies"),  # storeys
    (r"(?<=[a-z])y(?=[a-z])", "i"),  # tyre, pyjamas
    (r"ery$", "ry"),  # jewellery
    (r"eries$", "ries"),
    (r"(?<![ae]n)(?<=[lnm])t$", "ed"),  # learnt, spelt, spoilt, dreamt
    (r"(?<=[gd])st$", ""),  # amongst, amidst
    (r"ilst$", "ile"),  # whilst
    (r"wards$", "ward"),  # towards, backwards
    (r"^enqu", "inqu"),  # enquire, enquiry
    (r"ialit(?=y$|ies$)", "ialt"),  # speciality
    (r"eabl", "abl"),  # sizeable, likeable
    (r"(?<=n)de$", "d"),  # blonde
    (r"(?<=d)ant(?=$|s$)", "ent"),  # dependant
    (r"(?<=t)or(?=$|s$)", "er"),  # adaptor
    (r"xe$", "x"),  # axe
)
INFLECTIONS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
)


def skeleton(word: str) -> str:
    """The spelling skeleton shared by the variant spellings of one word."""
    result = word
    for pattern, replacement in _COMPILED:
        result = pattern.sub(replacement, result)
    return result


_COMPILED = tuple((re.compile(p), r) for p, r in SKELETON_RULES)


def _breame_pairs() -> list[tuple[str, str]]:
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return sorted(BRITISH_ENGLISH_SPELLINGS.items())


def read_category(folder: Path, category: str, size: int) -> set[str]:
    """Lower-case words of one SCOWL category up to ``size`` (possessives dropped)."""
    words: set[str] = set()
    for level in SIZES:
        if level > size:
            break
        path = folder / f"{category}-words.{level}"
        if path.exists():
            for line in path.read_text(encoding="latin-1").splitlines():
                word = line.strip()
                if word and word.islower() and word.isalpha() and word.isascii():
                    words.add(word)
    return words


def build(folder: Path, size: int) -> dict[str, tuple[str, str, str]]:
    """Map each form to its family key, its slot (the inflection it spells) and its per-variety tags."""
    common = read_category(folder, "english", size)

    def words(categories: Iterable[str]) -> set[str]:
        return set().union(*(read_category(folder, c, size) for c in categories))

    preferred = {v: common | words(CATEGORIES[v][0]) for v in VARIETIES}
    accepted = {v: words(CATEGORIES[v][1]) for v in VARIETIES}
    special = set().union(*(preferred[v] - common for v in VARIETIES))
    special |= set().union(*accepted.values()) - common

    # Irregular pairs the correspondences cannot see (aluminium, grey, moustache)
    # come from breame's British-to-American table, for words SCOWL has.
    known = common | special
    alias: dict[str, str] = {}
    for british, american in _breame_pairs():
        if british in known and american in known and skeleton(british) != skeleton(american):
            alias[skeleton(american)] = skeleton(british)

    def group(word: str) -> str:
        key = skeleton(word)
        return alias.get(key, key)

    by_skeleton: dict[str, set[str]] = collections.defaultdict(set)
    for word in special:
        by_skeleton[group(word)].add(word)
    # Common words join a family when a variety-specific word shares their skeleton
    # (licence/license, tyre/tire, storey/story).
    for word in common:
        key = group(word)
        if key in by_skeleton:
            by_skeleton[key].add(word)

    def tags(word: str) -> str:
        return "".join("p" if word in preferred[v] else "v" if word in accepted[v] else "-" for v in VARIETIES)

    families = {key: forms for key, forms in by_skeleton.items() if _is_family(forms, tags)}
    # Inflected forms share the family key of their base word.
    base_of: dict[str, str] = {}
    stems: dict[str, list[str]] = collections.defaultdict(list)
    for key in families:
        base = _base(key, families)
        if base is None:
            stems[_stem(key)].append(key)
        base_of[key] = base or key
    # Inflections of a base word that is spelt alike everywhere (travel: traveled,
    # traveling) have no family of their own to join: they join each other.
    for siblings in stems.values():
        first = min(siblings, key=len)
        for key in siblings:
            base_of[key] = first

    # Resolve chains (colourings -> colouring -> colour).
    def root(key: str) -> str:
        seen = set()
        while base_of[key] != key and key not in seen:
            seen.add(key)
            key = base_of[key]
        return key

    rows: dict[str, tuple[str, str, str]] = {}
    for key, forms in families.items():
        name = _name(families[root(key)], tags)
        slot = _name(forms, tags)
        for form in forms:
            rows[form] = (name, slot, tags(form))
    return rows


def _is_family(forms: set[str], tags: object) -> bool:
    """Two or more forms that some variety tells apart (one preferred, the other not)."""
    if len(forms) < 2:
        return False
    tagged = {form: tags(form) for form in forms}  # type: ignore[operator]
    return any(
        any(tagged[a][i] == "p" and tagged[b][i] != "p" for a in forms for b in forms if a != b)
        for i in range(len(VARIETIES))
    )


def _base(key: str, families: dict[str, set[str]]) -> str | None:
    for suffix, replacement in INFLECTIONS:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            candidate = key[: -len(suffix)] + replacement
            if candidate in families:
                return candidate
            # Doubled consonant before -ed/-ing: "travelled" reduces to "traveled" already.
    return None


def _stem(key: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)]
    return key


def _name(forms: Iterable[str], tags: object) -> str:
    """The family's name: its preferred American base form, else its first form."""
    ordered = sorted(forms)
    for form in ordered:
        if tags(form)[0] == "p":  # type: ignore[operator]
            return form
    return ordered[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--size", type=int, default=70, help="largest SCOWL size to include (default 70)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not (args.scowl / "english-words.10").exists():
        print(f"SCOWL word lists not found in {args.scowl}: apt-get install scowl", file=sys.stderr)
        return 2
    try:
        _breame_pairs()
    except ImportError:
        print("breame is not installed: pip install breame==0.1.2", file=sys.stderr)
        return 2
    rows = build(args.scowl, args.size)
    families = collections.defaultdict(list)
    for form, (key, _slot, _tags) in rows.items():
        families[key].append(form)
    lines = [
        "# Spelling-variant families, one form a line: form, family key, slot (the family's",
        "# American spelling of the same inflection), tags for " + " ".join(VARIETIES) + ".",
        "# Tag p: the variety's preferred spelling; v: an accepted variant; -: not used there.",
        "# Generated by scripts/build_variants.py from SCOWL 2020.12.07 (Debian package scowl),",
        f"# sizes <= {args.size}.",
        "# SCOWL: Copyright 2000-2020 Kevin Atkinson; permissive licence (see newsqa/data/README.md).",
        "# Irregular pairs also from breame 0.1.2 (PyPI, Apache-2.0, Charles Pierse).",
    ]
    for key in sorted(families):
        for form in sorted(families[key]):
            lines.append("\t".join((form, *rows[form])))
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(families)} families, {len(rows)} forms -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
