"""Spelling variants: which words are spellings of one word, and which variety a text uses.

The table (``newsqa/data/spelling_variants.tsv``, generated from SCOWL by
``scripts/build_variants.py``) lists every form of a family (defence,
defences, defense, defenses) with its family key, its slot (the inflection it
spells) and, for each variety, whether it is the preferred spelling (``p``),
an accepted variant (``v``) or not used there (``-``).

:func:`variant_key` tells whether two words are spellings of the same word;
:func:`detect_variety` counts the variety markers of a document. Words inside
the names of institutions that keep their own spelling (the US Department of
Defense) are not evidence of the writer's spelling, so they are left out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping

import attrs

from newsqa.analysis import WORD_CACHE
from newsqa.document import Document
from newsqa.resources import data_lines

# The hyphens that join the parts of a token (see newsqa.document).
_HYPHENS = re.compile("[-‐]")

__all__ = [
    "VARIETIES",
    "VariantForm",
    "VarietyEvidence",
    "counterpart",
    "detect_variety",
    "family_forms",
    "hyphen_parts",
    "normalise",
    "variant_form",
    "variant_key",
    "variant_parts",
    "variant_tokens",
]

#: The varieties the table knows, in the order of its tag columns and of tie-breaking.
VARIETIES = ("en-US", "en-GB", "en-GB-oxendict", "en-CA", "en-AU")
_TIE_ORDER = ("en-GB", "en-GB-oxendict", "en-US", "en-CA", "en-AU")
# House styles the table has no column for read as the variety their spelling follows.
_SPELLS_LIKE = {"en-NZ": "en-GB", "en-ZA": "en-GB", "en-IE": "en-GB"}
_EVIDENCE_WORDS = 12


@attrs.frozen
class VariantForm:
    """One spelling in a variant family, with the varieties that prefer or accept it."""

    form: str
    key: str
    slot: str
    preferred: frozenset[str]
    accepted: frozenset[str]

    @property
    def is_marker(self) -> bool:
        """True when some variety does not prefer this spelling, so it says something of the writer."""
        return len(self.preferred) < len(VARIETIES)

    def used_in(self, variety: str) -> bool:
        """True when ``variety`` prefers or accepts this spelling."""
        return variety in self.preferred or variety in self.accepted


@attrs.frozen
class VarietyEvidence:
    """The spelling variety a document's words point to.

    ``counts`` holds, per variety, how many marker words the variety spells that
    way; ``variety`` is the best supported one (``None`` without markers);
    ``evidence`` the marker words that decided it, most frequent first.
    """

    variety: str | None
    counts: Mapping[str, int]
    evidence: tuple[str, ...]


@functools.cache
def _table() -> dict[str, VariantForm]:
    table: dict[str, VariantForm] = {}
    # Thousands of rows share a few dozen tag columns: each column's sets are made once.
    varieties = functools.cache(_varieties)
    for line in data_lines("spelling_variants.tsv"):
        form, key, slot, tags = line.split("\t")
        preferred, accepted = varieties(tags)
        table[form] = VariantForm(form=form, key=key, slot=slot, preferred=preferred, accepted=accepted)
    return table


def _varieties(tags: str) -> tuple[frozenset[str], frozenset[str]]:
    """The varieties that prefer (``p``) and accept (``v``) a spelling, from its tag column."""
    marked = list(zip(VARIETIES, tags, strict=True))
    return frozenset(v for v, tag in marked if tag == "p"), frozenset(v for v, tag in marked if tag == "v")


@functools.cache
def _families() -> dict[str, tuple[VariantForm, ...]]:
    families: dict[str, list[VariantForm]] = {}
    for entry in _table().values():
        families.setdefault(entry.key, []).append(entry)
    return {key: tuple(forms) for key, forms in families.items()}


def normalise(word: str) -> str:
    """Lower case, typographic apostrophe made plain, possessive ending dropped."""
    word = word.lower()
    if "'" not in word and "\u2019" not in word:
        return word
    word = word.replace("\u2019", "'")
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


@functools.lru_cache(maxsize=WORD_CACHE)
def variant_form(word: str) -> VariantForm | None:
    """The table's entry for ``word`` in any case, with or without a possessive ending."""
    return _table().get(normalise(word))


def variant_key(word: str) -> str | None:
    """The family key of ``word`` when it is one spelling of a variant family, else ``None``.

    >>> variant_key("Defences") == variant_key("defense")
    True
    """
    entry = variant_form(word)
    return entry.key if entry else None


def family_forms(key: str) -> tuple[VariantForm, ...]:
    """Every form of the family ``key``."""
    return _families().get(key, ())


def spelling_variety(variety: str | None) -> str | None:
    """The table's variety for a house style (``en-NZ`` spells like ``en-GB``); ``None`` for plain ``en``."""
    if variety is None:
        return None
    variety = _SPELLS_LIKE.get(variety, variety)
    return variety if variety in VARIETIES else None


def counterpart(word: str, variety: str) -> str | None:
    """How ``variety`` spells ``word``: same inflection, case kept.

    ``None`` when the variety already prefers ``word`` or has no other spelling of it.
    """
    entry = variant_form(word)
    if entry is None or variety in entry.preferred:
        return None
    candidates = [f for f in family_forms(entry.key) if f.slot == entry.slot and variety in f.preferred]
    if not candidates:
        return None
    best = min(candidates, key=lambda f: (_distance(f.form, entry.form), f.form))
    return match_case(best.form, word)


def _distance(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return int(Levenshtein.distance(a, b))


def match_case(form: str, model: str) -> str:
    """``form`` in the case of ``model`` (Defense -> Defence, DEFENSE -> DEFENCE), possessive kept."""
    suffix = ""
    for ending in ("\u2019s", "'s", "\u2019", "'"):
        if model.lower().endswith(ending) and not form.endswith(ending):
            suffix = model[-len(ending) :]
            model = model[: -len(ending)]
            break
    letters = [c for c in model if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return form.upper() + suffix
    if model[:1].isupper():
        return form[:1].upper() + form[1:] + suffix
    return form + suffix


def detect_variety(document: Document) -> VarietyEvidence:
    """The spelling variety of ``document``, with the counts and words behind it (memoised)."""
    return document.memo("variety", _detect)


def variant_tokens(document: Document) -> tuple[tuple[int, VariantForm], ...]:
    """The words of ``document`` that are one spelling of a variant family: (token index, form), in order.

    Memoised: the variety, the protected names and the spelling check all start from these.
    """
    return document.memo("variant-tokens", _variant_tokens)


def variant_parts(document: Document) -> tuple[tuple[int, int, str, VariantForm], ...]:
    """The parts of hyphenated words that are one spelling of a variant family ("centre" of "centre-left").

    (token index, offset of the part, the part, its form), in order; a hyphenated word
    that is itself in the table ("co-operate") is one of :func:`variant_tokens` instead.
    Memoised.
    """
    return document.memo("variant-parts", _variant_parts)


def hyphen_parts(word: str) -> list[tuple[int, str]]:
    """The parts of ``word`` between its hyphens, each with its offset in the word ("centre-left": centre, left)."""
    parts = []
    offset = 0
    for part in _HYPHENS.split(word):
        parts.append((offset, part))
        offset += len(part) + 1
    return parts


def _variant_parts(document: Document) -> tuple[tuple[int, int, str, VariantForm], ...]:
    # Each distinct hyphenated word is split once; then only its tokens are visited.
    parts_of: dict[str, list[tuple[int, str, VariantForm]]] = {}
    for text in document.word_texts:
        if ("-" in text or "‐" in text) and variant_form(text) is None:
            parts = [
                (offset, part, entry)
                for offset, part in hyphen_parts(text)
                if (entry := variant_form(part)) is not None
            ]
            if parts:
                parts_of[text] = parts
    tokens = document.tokens
    return tuple(
        (index, tokens[index].start + offset, part, entry)
        for index in document.token_indices(parts_of)
        for offset, part, entry in parts_of[tokens[index].text]
    )


def _variant_tokens(document: Document) -> tuple[tuple[int, VariantForm], ...]:
    # Looked up once per distinct word, then only the tokens found are visited.
    entries = {text: entry for text in document.word_texts if (entry := variant_form(text)) is not None}
    tokens = document.tokens
    texts = document.token_texts
    return tuple(
        (index, entries[texts[index]]) for index in document.token_indices(entries) if tokens[index].kind == "word"
    )


def _detect(document: Document) -> VarietyEvidence:
    # Imported here: the institutions module looks words up in this one's table, once a word.
    from newsqa.analysis.institutions import protected_tokens

    protected = protected_tokens(document)
    counts: Counter[str] = Counter()
    markers: Counter[str] = Counter()
    for index, entry in variant_tokens(document):
        if index in protected or not entry.is_marker:
            continue
        markers[entry.form] += 1
        for variety in entry.preferred:
            counts[variety] += 1
    if not counts:
        return VarietyEvidence(variety=None, counts=dict.fromkeys(VARIETIES, 0), evidence=())
    best = max(counts.values())
    variety = next(v for v in _TIE_ORDER if counts[v] == best)
    table = _table()
    evidence = tuple(form for form, _ in markers.most_common() if variety in table[form].preferred)
    return VarietyEvidence(
        variety=variety, counts={v: counts[v] for v in VARIETIES}, evidence=evidence[:_EVIDENCE_WORDS]
    )
