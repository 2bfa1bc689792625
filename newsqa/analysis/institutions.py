"""Names of institutions and places that keep their own spelling, found in a document.

The gazetteer (``newsqa/data/institutions.txt``) lists names such as the US
Department of Defense and the UK Ministry of Defence. A mention is matched
word for word, a word matching when it is spelt the same or is another spelling
of the same word (Defense/Defence, Co-operation/Cooperation), so a name written
in the wrong variety is found as well as one written right.

:func:`protected_tokens` also covers capitalised variant words inside a
sentence that are evidently part of some other proper name (Lincoln Center, the
film "Airplane!", Macy Gray): those the article never uses in lower case and
that stand next to no office word (Secretary, Ministry). Their spelling is the
name's own, not the writer's.
"""

from __future__ import annotations

import functools

import attrs
import regex

from newsqa.analysis import WORD_CACHE
from newsqa.analysis.variants import normalise, variant_key, variant_tokens
from newsqa.document import Document, Token
from newsqa.resources import data_lines, data_sections

__all__ = ["Institution", "InstitutionMention", "institution_mentions", "protected_tokens"]

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’\-‐][\p{L}\p{M}\p{Nd}]+)*|[^\s\p{L}\p{M}\p{Nd}]")
_QUALIFIER_REACH = 3
_OFFICE_REACH = 2


@attrs.frozen
class Institution:
    """A gazetteer entry: the name as the institution spells it."""

    name: str
    country: str
    mode: str
    source: str
    words: tuple[str, ...]


@attrs.frozen
class InstitutionMention:
    """An institution named in a document, and whether it is spelt as the institution spells it."""

    institution: Institution
    start: int
    end: int
    token_start: int
    token_end: int
    exact: bool


@functools.cache
def _gazetteer() -> tuple[dict[str, tuple[Institution, ...]], dict[str, frozenset[str]]]:
    sections = data_sections("institutions.txt")
    by_first: dict[str, list[Institution]] = {}
    for line in sections["names"]:
        name, country, mode, source = (part.strip() for part in line.split("|"))
        words = tuple(m.group() for m in _WORD.finditer(name) if m.group().strip(",") != "")
        if not words[0][:1].isupper():
            # _find looks for names only at capitalised words.
            raise RuntimeError(f"institutions.txt: {name!r} does not start with a capital")
        entry = Institution(name=name, country=country, mode=mode, source=source, words=words)
        by_first.setdefault(_match_key(words[0]), []).append(entry)
    qualifiers: dict[str, frozenset[str]] = {}
    for line in sections["qualifiers"]:
        country, _, names = line.partition(":")
        qualifiers[country.strip()] = frozenset(names.split())
    return {k: tuple(v) for k, v in by_first.items()}, qualifiers


@functools.lru_cache(maxsize=WORD_CACHE)
def _match_key(word: str) -> str:
    plain = normalise(word)
    return variant_key(plain) or plain.replace("-", "").replace("‐", "")


def institution_mentions(document: Document) -> tuple[InstitutionMention, ...]:
    """Every gazetteer name in ``document``, longest match first at each position (memoised)."""
    return document.memo("institutions", _find)


def _find(document: Document) -> tuple[InstitutionMention, ...]:
    by_first, qualifiers = _gazetteer()
    tokens = document.tokens
    # A name starts with a capital (_match holds each word to the case of the listed one),
    # and every listed name does: only the capitalised words are keyed up front.
    texts = [text for text in document.token_positions if text[:1].isupper()]
    keys = _Keys(document.token_texts, dict(zip(texts, map(_match_key, texts), strict=True)))
    starting = {text for text in texts if keys.of_text[text] in by_first}
    mentions: list[InstitutionMention] = []
    after = 0  # the token after the last mention: mentions do not overlap
    # Most words start no name: only the tokens that may start one are tried.
    for i in document.token_indices(starting):
        if i < after:
            continue
        here = [
            mention
            for entry in sorted(by_first[keys[i]], key=lambda e: -len(e.words))
            if (mention := _match(document, tokens, keys, i, entry, qualifiers)) is not None
        ]
        # The longest name; then the one whose country is named before it ("the US Department of
        # Defence" is the Pentagon misspelt, not Australia's department); then the one spelt right.
        found = max(
            here,
            key=lambda m: (
                m.token_end,
                _qualified(tokens, i, qualifiers.get(m.institution.country, frozenset())),
                m.exact,
            ),
            default=None,
        )
        if found is not None:
            mentions.append(found)
            after = found.token_end
    return tuple(mentions)


class _Keys:
    """The match key of each token, looked up by its text."""

    __slots__ = ("of_text", "texts")

    def __init__(self, texts: tuple[str, ...], of_text: dict[str, str]) -> None:
        self.texts = texts
        self.of_text = of_text

    def __getitem__(self, index: int) -> str:
        text = self.texts[index]
        key = self.of_text.get(text)
        if key is None:
            key = self.of_text[text] = _match_key(text)
        return key


def _match(
    document: Document,
    tokens: tuple[Token, ...],
    keys: _Keys,
    i: int,
    entry: Institution,
    qualifiers: dict[str, frozenset[str]],
) -> InstitutionMention | None:
    words = [w for w in entry.words if w not in {",", "."}]
    end = i + len(words)
    if end > len(tokens):
        return None
    exact = True
    for offset, word in enumerate(words):
        token = tokens[i + offset]
        if keys[i + offset] != _match_key(word):
            return None
        if word[:1].isupper() and not token.text[:1].isupper():
            return None
        if offset and not _joined(document.text, tokens[i + offset - 1].end, token.start):
            return None
        exact = exact and _same_spelling(token.text, word)
    if entry.mode == "qualified" and not _qualified(tokens, i, qualifiers.get(entry.country, frozenset())):
        return None
    return InstitutionMention(
        institution=entry,
        start=tokens[i].start,
        end=tokens[end - 1].end,
        token_start=i,
        token_end=end,
        exact=exact,
    )


def _joined(text: str, start: int, end: int) -> bool:
    """Only spaces or a comma between two words of a name."""
    gap = text[start:end]
    return len(gap) <= 3 and gap.strip(" ,") == ""


def _same_spelling(found: str, official: str) -> bool:
    return normalise(found) == official.lower() and found[:1] == official[:1]


def _qualified(tokens: tuple[Token, ...], i: int, words: frozenset[str]) -> bool:
    for token in tokens[max(0, i - _QUALIFIER_REACH) : i]:
        text = token.text.replace("’", "'")
        if text in words or text.removesuffix("'s") in words:
            return True
    return False


def protected_tokens(document: Document) -> frozenset[int]:
    """Indices of tokens whose spelling belongs to a name or another language, not to the writer (memoised)."""
    return document.memo("protected-tokens", _protected)


def _protected(document: Document) -> frozenset[int]:
    protected: set[int] = set()
    for mention in institution_mentions(document):
        protected.update(range(mention.token_start, mention.token_end))
    tokens = document.tokens
    starts = {s.token_start for s in document.sentences}
    offices = _offices()
    lower_keys = set()
    capitalised: list[tuple[int, str]] = []
    particles = _foreign_particles()
    for index, entry in variant_tokens(document):
        before = tokens[index - 1] if index > 0 else None
        if (
            before is not None
            and before.text.lower() in particles
            and document.text[before.end : tokens[index].start] == " "
        ):
            protected.add(index)  # "coup de theatre": French, not British
            continue
        if tokens[index].text[:1].islower():
            lower_keys.add(entry.key)
        elif index not in starts and index not in protected:
            capitalised.append((index, entry.key))
    for index, key in capitalised:
        near = tokens[max(0, index - _OFFICE_REACH) : index + _OFFICE_REACH + 1]
        if any(t.text in offices for t in near):
            continue
        if key not in lower_keys or _in_name(document, index) or _titled(document, index):
            protected.add(index)
    # The same word opening a sentence belongs to the same name (Arbor Networks).
    names = {tokens[i].text for i in protected}
    protected.update(i for i in starts if i < len(tokens) and tokens[i].text in names)
    return frozenset(protected)


# After a title's "!" or "?" its sentence goes on: a comma, a closing quote, a small letter.
_GOES_ON = regex.compile(r"[!?][’'\"”]?\s*(?:[,;:)]|\p{Ll})")


def _titled(document: Document, index: int) -> bool:
    """True when token ``index`` ends a title marked with "!" or "?" inside a sentence.

    "the 1980 comedy Airplane!, starring Leslie Nielsen": the word is the film's.
    """
    return _GOES_ON.match(document.text, document.tokens[index].end) is not None


def _in_name(document: Document, index: int) -> bool:
    """True when a capitalised name word stands right before or after token ``index`` (Media Center)."""
    from newsqa.analysis.nationalities import nationality_words

    tokens = document.tokens
    for other in (index - 1, index + 1):
        if not 0 <= other < len(tokens):
            continue
        token = tokens[other]
        first, last = sorted((index, other))
        if (
            token.text[:1].isupper()
            and not token.text.isupper()
            and token.text not in _NOT_NAME_WORDS
            and token.text not in nationality_words()
            and _joined(document.text, tokens[first].end, tokens[last].start)
            and document.text[tokens[first].end : tokens[last].start] == " "
        ):
            return True
    return False


# Words that open a sentence or a noun phrase without being part of a name.
_NOT_NAME_WORDS = frozenset(
    (
        "The",
        "A",
        "An",
        "His",
        "Her",
        "Its",
        "Our",
        "Their",
        "My",
        "Your",
        "This",
        "That",
        "These",
        "Those",
        "Then",
        "New",
        "Former",
        "Acting",
        "Interim",
        "Shadow",
        "Deputy",
        "Junior",
        "Assistant",
        "Senior",
        "Vice",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    )
)


@functools.cache
def _foreign_particles() -> frozenset[str]:
    return frozenset(data_lines("foreign_particles.txt"))


@functools.cache
def _offices() -> frozenset[str]:
    return frozenset(data_sections("institutions.txt")["offices"])
