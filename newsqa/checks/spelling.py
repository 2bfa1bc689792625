"""Spelling consistency: one spelling of each word, one variety, names spelt alike throughout.

An article that writes "defence" and "defense", "Nato" and "NATO", or
"Pistorius" and "Pistorious" looks careless. This check finds the families of
spellings by itself, from data rather than hand-made pairs:

- British, American, Canadian and Australian spellings of one word, with all its
  inflections (``newsqa/data/spelling_variants.tsv``, generated from SCOWL).
  Words a variety spells both ways in different senses (British licence/license,
  practice/practise, program for software) are not inconsistent on their own,
  and Oxford spelling (British with -ize) is a style of its own, not a mixture.
- Capitalisation of one acronym (Nato/NATO, Covid/COVID).
- Compounds written solid, hyphenated or open (co-operate/cooperate, per cent/percent).
- Names that differ by a letter or two (Pistorius/Pistorious), anchored on the
  most frequent form, but never two people with different first names, nor a
  word of another name (Black Sabbath and the song Get Back; Annette Bening and
  the film Being Julia), nor a word capitalised only where a sentence or a
  quotation opens.
- A country name where its adjective belongs ("his Germany counterpart").
- Institution names, which keep their own spelling: the US Department of
  Defense is right in a British article, the UK's "Ministry of Defense" is not.

Which spelling wins is said in each finding: the house style when one is set
(``language`` = en-GB, en-GB-oxendict, en-US, en-CA, en-AU, and explicit
``preferences`` such as ``NATO = "Nato"``), otherwise the article's majority,
with ties broken by its dominant variety and then by first use. With a house
style every off-style word is reported, even when the article has no other
spelling of it. The report's check data carries the detected variety and the
words that decided it.
"""

from __future__ import annotations

import calendar
import functools
import operator
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import regex
from rapidfuzz.distance import OSA

from newsqa.analysis import WORD_CACHE
from newsqa.analysis.institutions import institution_mentions, protected_tokens
from newsqa.analysis.nationalities import adjective_of, nationality_words
from newsqa.analysis.variants import (
    VARIETIES,
    VariantForm,
    counterpart,
    detect_variety,
    hyphen_parts,
    match_case,
    spelling_variety,
    variant_form,
    variant_parts,
    variant_tokens,
)
from newsqa.analysis.wordkeys import function_words
from newsqa.document import Document, Token
from newsqa.registry import Check, CheckResult, Rule, register_check
from newsqa.report import Finding, JSONValue, Severity
from newsqa.resources import data_lines, data_sections

_VARIETY_NAMES = {
    "en-US": "American",
    "en-GB": "British",
    "en-GB-oxendict": "British (Oxford, -ize)",
    "en-CA": "Canadian",
    "en-AU": "Australian",
}
_COUNTRY_NAMES = {"GB": "the UK's", "US": "the US", "AU": "Australia's", "CA": "Canada's", "INT": "the"}
_MAX_RELATED = 20
_TIME_NAMES = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])
_TOKEN_START = operator.attrgetter("start")
_NAME_MIN_LENGTH = 5
_NAME_LONG = 8  # names this long may differ by two letters
_CASE_MIN_LETTERS = 3
_ACRONYM_MAX_LETTERS = 6
_COMPOUND_MIN_LETTERS = 4
# What follows the place name of a dateline: a comma, a bracketed agency, a dash or an underscore.
_DATELINE_AFTER = regex.compile(r"\s*[,(_\-–—:]|\s*$")
_INITIALISM_MAX_LETTERS = 3
_RARE_SHARE = 4  # a name spelt two ways more than once is reported when one form is this much rarer
# In an article whose markers split between two varieties, the minority must reach
# this share for the variety to count as undecided (every marker then reported).
_UNDECIDED_SHARE = 1 / 3
_UNDECIDED_MIN = 2


class _Occurrence(NamedTuple):
    # A tuple rather than an attrs class: one is made for most words of an
    # article, and a tuple is made in a third of the time.
    token: int
    start: int
    end: int
    text: str


@register_check
class SpellingCheck(Check):
    """Inconsistent spellings of one word, acronym, compound or name, and spellings off the house style."""

    name = "spelling"
    description = "One spelling of each word and name, in one variety of English."
    rules = (
        Rule(
            code="NQ201",
            name="inconsistent-variant",
            summary="A word is spelt in two varieties in one article (defence and defense).",
            rationale=(
                "Readers notice a word spelt two ways; one spelling must win: the house style, "
                "else the article's majority."
            ),
            severity="warning",
            flagged="The defence secretary said defense spending would rise next year.",
            fixed="The defence secretary said defence spending would rise next year.",
        ),
        Rule(
            code="NQ202",
            name="off-style-variant",
            summary=(
                "A word is spelt in another variety than the house style, or than the rest of an "
                "article that mixes varieties."
            ),
            rationale=("A house style fixes one variety; a lone American spelling in a British article is a slip."),
            severity="warning",
            flagged="The defence minister, who was traveling, said defense and defence budgets differ.",
            fixed="The defence minister, who was travelling, said defence budgets differ.",
        ),
        Rule(
            code="NQ203",
            name="inconsistent-capitals",
            summary="An acronym or name is capitalised two ways (Nato and NATO).",
            rationale="Style guides fix one form for each acronym; mixing them looks careless.",
            severity="warning",
            flagged="Nato leaders met in Vilnius, where Nato agreed that NATO would grow.",
            fixed="Nato leaders met in Vilnius, where Nato agreed that Nato would grow.",
        ),
        Rule(
            code="NQ204",
            name="inconsistent-compound",
            summary=("A compound is written solid, hyphenated or open in one article (co-operate and cooperate)."),
            rationale=(
                "One spelling of a compound throughout, in all its forms (co-operates, cooperated, co-operation); "
                "the house style or the majority decides."
            ),
            severity="warning",
            flagged=("The two firms agreed to cooperate, and they will co-operate on research and cooperate on sales."),
            fixed=("The two firms agreed to cooperate, and they will cooperate on research and cooperate on sales."),
        ),
        Rule(
            code="NQ205",
            name="name-variant",
            summary="A name is spelt differently once (Pistorius and Pistorious), or two ways (Kyiv and Kiev).",
            rationale=(
                "A misspelt name is the error readers and the named forgive least. A slip of a letter or two "
                "is found against the name's usual spelling, or against the full name that introduces a "
                "person; names transliterated more than one way are listed in name_variants.txt."
            ),
            severity="error",
            flagged=(
                "Boris Pistorius met reporters. Pistorius said the talks went well, and Pistorious thanked his hosts."
            ),
            fixed=(
                "Boris Pistorius met reporters. Pistorius said the talks went well, and Pistorius thanked his hosts."
            ),
        ),
        Rule(
            code="NQ206",
            name="country-for-adjective",
            summary="A country name stands where its adjective belongs (his Germany counterpart).",
            rationale=("Before a noun such as counterpart or government, English uses the adjective: German, French."),
            severity="warning",
            flagged="John Healey held talks in Berlin with his Germany counterpart on Wednesday.",
            fixed="John Healey held talks in Berlin with his German counterpart on Wednesday.",
        ),
        Rule(
            code="NQ207",
            name="institution-spelling",
            summary=("An institution's name is spelt otherwise than the institution spells it (Ministry of Defense)."),
            rationale=(
                "Names keep their own spelling: the UK Ministry of Defence and the US Department of "
                "Defense are both right, in any article."
            ),
            severity="error",
            flagged="A spokesperson for Britain's Ministry of Defense declined to comment.",
            fixed="A spokesperson for Britain's Ministry of Defence declined to comment.",
        ),
    )

    def run(self, document: Document) -> CheckResult:
        house = spelling_variety(document.language or self.config.language)
        evidence = detect_variety(document)
        protected = protected_tokens(document)
        findings: dict[tuple[int, int], Finding] = {}

        def add(finding: Finding) -> None:
            findings.setdefault((finding.span.start, finding.span.end), finding)

        for finding in self._preferences(document):
            add(finding)
        for finding in self._institutions(document):
            add(finding)
        variants = _VariantAnalysis(self, document, house, evidence.variety, protected)
        for finding in variants.findings():
            add(finding)
        for finding in self._capitals(document, evidence.variety, house):
            add(finding)
        for finding in self._compounds(document):
            add(finding)
        for finding in self._listed_names(document):
            add(finding)
        for finding in self._names(document, protected):
            add(finding)
        for finding in self._nationality(document):
            add(finding)
        data: dict[str, JSONValue] = {
            "variety": evidence.variety,
            "counts": dict(evidence.counts),
            "evidence": list(evidence.evidence),
            "house_style": house,
            "mixed": variants.mixed,
        }
        ordered = sorted(findings.values(), key=lambda f: (f.span.start, f.code))
        return CheckResult(findings=ordered, data=data)

    # -- explicit preferences -----------------------------------------------------------

    def _preferences(self, document: Document) -> Iterable[Finding]:
        for found, preferred in self.config.preferences.items():
            if not found or found == preferred:
                continue
            flags = 0 if found != found.lower() else regex.IGNORECASE
            edge = r"[\p{L}\p{Nd}\-]"
            pattern = regex.compile(rf"(?<!{edge}){regex.escape(found)}(?!{edge})", flags)
            for match in pattern.finditer(document.text):
                suggestion = preferred if flags == 0 else match_case(preferred, match.group())
                if match.group() == suggestion:
                    continue
                yield self.finding(
                    document,
                    "NQ202",
                    match.start(),
                    match.end(),
                    f"House style prefers {preferred!r} to {match.group()!r}.",
                    suggestions=(suggestion,),
                    # The house named this form itself, so newsqa fix may apply it.
                    data={"winner": preferred, "reason": "house-preference", "fix": "safe"},
                )

    # -- institutions ----------------------------------------------------------------

    def _institutions(self, document: Document) -> Iterable[Finding]:
        for mention in institution_mentions(document):
            entry = mention.institution
            if mention.exact or entry.mode == "keep":
                continue
            owner = _COUNTRY_NAMES.get(entry.country, "the")
            yield self.finding(
                document,
                "NQ207",
                mention.start,
                mention.end,
                f"Names keep their own spelling: {owner} {entry.name!r}, not "
                f"{document.text[mention.start : mention.end]!r}.",
                suggestions=(entry.name,),
                data={"institution": entry.name, "country": entry.country, "source": entry.source},
            )

    # -- capitals ------------------------------------------------------------------------

    def _capitals(self, document: Document, dominant: str | None, house: str | None) -> Iterable[Finding]:
        # Most articles capitalise every word one way: find the words written two
        # ways first, and look closer (typography, sentence starts) only at those.
        # Each distinct word is looked at once; a word is written two ways when two
        # distinct words share their lower case.
        # Only a capitalised word can be written two ways here: most words are not even looked up.
        case_words = {
            text: word for text in document.word_texts if text[:1].isupper() and (word := _case_word(text)) is not None
        }
        shapes: dict[str, set[str]] = defaultdict(set)
        for word in case_words.values():
            shapes[word.lower()].add(word)
        mixed = {lower for lower, words in shapes.items() if len(words) > 1}
        if not mixed:
            return
        groups: dict[str, list[_Occurrence]] = defaultdict(list)
        initial = {s.token_start for s in document.sentences}
        skipped = _shouting_tokens(document)
        tokens = document.tokens
        wanted = {text for text, word in case_words.items() if word.lower() in mixed}
        for index in document.token_indices(wanted):
            if index in skipped:
                continue
            token = tokens[index]
            word = case_words[token.text]
            groups[word.lower()].append(_Occurrence(index, token.start, token.start + len(word), word))
        for occurrences in groups.values():
            if all(o.text == occurrences[0].text for o in occurrences):
                continue
            # A capital at a sentence start may be an ordinary word's ("Who said so?" beside
            # the WHO): there it counts only for a word that is never written in lower case.
            counted = [
                o
                for o in occurrences
                if o.token not in initial or o.text.isupper() or not _may_be_lower_case(o.text, document)
            ]
            forms = Counter(o.text for o in counted)
            if len(forms) < 2:
                continue
            winner, reason = _case_winner(forms, counted, dominant or house)
            others = [o for o in counted if o.text == winner]
            for occurrence in counted:
                if occurrence.text == winner:
                    continue
                yield self.finding(
                    document,
                    "NQ203",
                    occurrence.start,
                    occurrence.end,
                    f"{occurrence.text!r} is written {winner!r} elsewhere in the article ({_counts(forms)}); {reason}",
                    related=[(o.start, o.end) for o in others[:_MAX_RELATED]],
                    suggestions=(winner,),
                    data={"counts": dict(forms), "winner": winner},
                )

    # -- compounds -----------------------------------------------------------------------

    def _compounds(self, document: Document) -> Iterable[Finding]:
        open_pairs, _ = _compound_data()
        open_starts = _open_pair_starts()
        tokens = document.tokens
        # Each distinct word is looked at once: its form without a possessive, in
        # lower case, and its key with the hyphens taken out.
        words = {text: found for text in document.word_texts if (found := _compound_forms(text)) is not None}
        # Only a family with a hyphenated or open form can mix styles, and most articles
        # have none: find those families first, then gather only their words. A family
        # holds the inflections of one compound ("co-operates", "cooperate").
        not_solid = {_inflection_base(key) for _, lower, key in words.values() if key != lower}
        opening = {text for text, (_, lower, _) in words.items() if lower in open_starts}
        for index in document.token_indices(opening):
            if tokens[index].kind != "word":
                continue
            solid = _open_compound(document, index, words[tokens[index].text][1], open_pairs)
            if solid is not None:
                not_solid.add(_inflection_base(solid))
        if not not_solid:
            return
        groups: dict[str, list[_Occurrence]] = defaultdict(list)
        # A family is the start of each of its keys: most keys start no family, and their
        # inflections need not be cut.
        families = tuple(not_solid)
        family_of = {
            text: family
            for text, (_, _, key) in words.items()
            if len(key) >= _COMPOUND_MIN_LETTERS
            and key.startswith(families)
            and (family := _inflection_base(key)) in not_solid
        }
        for index in document.token_indices(opening | family_of.keys()):
            token = tokens[index]
            if token.kind != "word":
                continue
            word, lower, _ = words[token.text]
            if token.text in family_of:
                groups[family_of[token.text]].append(_Occurrence(index, token.start, token.start + len(word), word))
            solid = _open_compound(document, index, lower, open_pairs)
            if solid is not None:
                nxt = tokens[index + 1]
                groups[_inflection_base(solid)].append(
                    _Occurrence(index, token.start, nxt.end, document.text[token.start : nxt.end])
                )
        for occurrences in groups.values():
            if len(occurrences) < 2:
                continue
            styles = Counter(_compound_style(o.text) for o in occurrences)
            if len(styles) < 2:
                continue
            forms = Counter(o.text.lower() for o in occurrences)
            first_style = _compound_style(occurrences[0].text)
            top = max(styles.values())
            leaders = [s for s, n in styles.items() if n == top]
            winner_style = leaders[0] if len(leaders) == 1 else first_style
            reason = "the majority form" if len(leaders) == 1 else "tied; the form used first"
            model = next(o for o in occurrences if _compound_style(o.text) == winner_style)
            for occurrence in occurrences:
                style = _compound_style(occurrence.text)
                if style == winner_style:
                    continue
                suggestion = match_case(_restyled(occurrence.text, model.text), occurrence.text)
                yield self.finding(
                    document,
                    "NQ204",
                    occurrence.start,
                    occurrence.end,
                    f"{occurrence.text!r} is {style}, but the article writes the word {winner_style} elsewhere "
                    f"({_counts(forms)}); {reason} is {winner_style}: {suggestion!r}.",
                    # The first few others only: the whole list for each of many would be quadratic.
                    related=[(o.start, o.end) for o in occurrences[: _MAX_RELATED + 1] if o is not occurrence][
                        :_MAX_RELATED
                    ],
                    suggestions=(suggestion,),
                    data={"counts": dict(forms), "winner": model.text.lower()},
                )

    # -- names ---------------------------------------------------------------------------

    def _names(self, document: Document, protected: frozenset[int]) -> Iterable[Finding]:
        tokens = document.tokens
        # A word opening a sentence or a quotation is capitalised by its place ("Back then you'd hear").
        initial = {s.token_start for s in document.sentences}
        initial.update(bisect_left(tokens, q.inner_start, key=_TOKEN_START) for q in document.quotations)
        headings = {i for s in document.sentences if s.is_heading for i in range(s.token_start, s.token_end)}
        known = frozenset(self.config.known_names)
        places = nationality_words()
        occurrences: dict[str, list[_Occurrence]] = defaultdict(list)
        candidates = {
            text: word for text in document.word_texts if text[:1].isupper() and (word := _name_word(text)) is not None
        }
        for index in document.token_indices(candidates):
            token = tokens[index]
            if token.kind != "word" or index in headings:
                continue
            word = candidates[token.text]
            occurrences[word].append(_Occurrence(index, token.start, token.start + len(word), word))
        names = dict(occurrences)
        ranked = sorted(names, key=lambda w: (-len(names[w]), names[w][0].start))
        # A slip keeps the first letter and changes the length by two letters at most
        # (see _looks_misspelt), so each name is compared only with the less frequent
        # names of that initial and a length near its own, in rank order: comparing
        # every pair grows with the square of the names in a long text.
        by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in ranked:
            by_shape[(word[0], len(word))].append(word)
        rank = {word: n for n, word in enumerate(ranked)}
        for anchor in ranked:
            # A capitalised word seen only at sentence starts is an ordinary word, not a name;
            # a misspelling may be shorter than the name.
            if len(anchor) < _NAME_MIN_LENGTH or all(o.token in initial for o in names[anchor]):
                continue
            # Most names written once have no capitalised word before them: no introduction.
            once = len(names[anchor]) < 2
            if once and (names[anchor][0].token == 0 or not tokens[names[anchor][0].token - 1].text[:1].isupper()):
                continue
            here = rank[anchor]
            near = [
                word
                for size in range(len(anchor) - 2, len(anchor) + 3)
                for word in by_shape.get((anchor[0], size), ())
                if rank[word] > here
            ]
            if not near:
                continue
            # A name written once anchors only where it is given in full ("Oscar Pistorius"),
            # as a person is introduced, and then only a spelling written once, later, alone.
            introduced = None
            if once:
                introduced = _first_name(document, names[anchor][0], at_sentence_start=True)
                if introduced is None or introduced in _TIME_NAMES or introduced.lower() in function_words():
                    continue
            for rare in sorted(near, key=rank.__getitem__):
                # A rare spelling seen only at sentence starts may be an ordinary word
                # (While, White); only a long name makes such a slip likely.
                if len(anchor) < _NAME_LONG - 1 and all(o.token in initial for o in names[rare]):
                    continue
                rare_count, anchor_count = len(names[rare]), len(names[anchor])
                if rare in known:
                    continue
                if introduced is not None:
                    if rare_count > 1 or _first_name(document, names[rare][0], at_sentence_start=False) is not None:
                        continue
                elif not (rare_count == 1 < anchor_count or anchor_count >= _RARE_SHARE * rare_count):
                    continue
                # Country names and adjectives, and the plural nouns of those (Africans), anchor a
                # misspelling but are never one.
                if rare in places or rare.removesuffix("s") in places or not _looks_misspelt(anchor, rare):
                    continue
                if _different_people(document, names[anchor], names[rare]):
                    continue
                if _different_names(document, names[anchor], names[rare]):
                    continue
                reason = (
                    f"the article introduces {introduced} {anchor}"
                    if introduced is not None
                    else f"the most frequent spelling is {anchor!r}"
                )
                for occurrence in names[rare]:
                    yield self.finding(
                        document,
                        "NQ205",
                        occurrence.start,
                        occurrence.end,
                        f"{rare!r} is spelt {anchor!r} elsewhere in the article "
                        f"({anchor} {len(names[anchor])}, {rare} {len(names[rare])}); {reason}.",
                        related=[(o.start, o.end) for o in names[anchor][:_MAX_RELATED]],
                        suggestions=(anchor,),
                        # One spelling against one: a query more than a verdict.
                        confidence=0.8 if introduced is None else 0.6,
                        data={
                            "counts": {anchor: len(names[anchor]), rare: len(names[rare])},
                            "winner": anchor,
                        },
                    )

    def _listed_names(self, document: Document) -> Iterable[Finding]:
        """Two spellings of one name of ``name_variants.txt`` in one article: Kyiv and Kiev."""
        spellings = _name_variants()
        # Most articles hold none of the listed names: one scan of the text says so.
        if _name_variant_scan().search(document.text) is None:
            return
        known = frozenset(self.config.known_names)
        tokens = document.tokens
        # Each part of a hyphenated word too: "al-Qaeda" and "al-Qaida". Most words are one
        # part without a possessive, and looked up as they are.
        parts = {
            text: found
            for text in document.word_texts
            if (text in spellings and (found := [(0, text)]))
            or (
                not text.isalpha() and (found := [(offset, part) for offset, part in _parts(text) if part in spellings])
            )
        }
        families: dict[str, list[_Occurrence]] = defaultdict(list)
        for index in document.token_indices(parts):
            token = tokens[index]
            for offset, part in parts[token.text]:
                start = token.start + offset
                families[spellings[part]].append(_Occurrence(index, start, start + len(part), part))
        for occurrences in families.values():
            forms = Counter(o.text for o in occurrences)
            if len(forms) < 2:
                continue
            top = max(forms.values())
            leaders = [form for form, n in forms.items() if n == top]
            winner = leaders[0]  # the first used of the most frequent: Counter keeps the order of first use
            reason = f"the most frequent is {winner!r}" if len(leaders) == 1 else f"tied, and {winner!r} comes first"
            others = [o for o in occurrences if o.text == winner]
            for occurrence in occurrences:
                if occurrence.text == winner or occurrence.text in known:
                    continue
                yield self.finding(
                    document,
                    "NQ205",
                    occurrence.start,
                    occurrence.end,
                    f"{occurrence.text!r} is spelt {winner!r} elsewhere in the article ({_counts(forms)}), "
                    f"two spellings of one name; {reason}.",
                    related=[(o.start, o.end) for o in others[:_MAX_RELATED]],
                    suggestions=(winner,),
                    data={"counts": dict(forms), "winner": winner},
                )

    # -- nationality adjectives ----------------------------------------------------------

    def _nationality(self, document: Document) -> Iterable[Finding]:
        determiners, nouns = _nationality_phrases()
        tokens = document.tokens
        adjective_uses: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        slips: list[tuple[Token, Token, str]] = []
        noun_texts = {text for text in document.word_texts if text.lower() in nouns and not text[:1].isupper()}
        for after in document.token_indices(noun_texts):
            index = after - 1
            if not 1 <= index < len(tokens) - 1:
                continue
            token, noun = tokens[index], tokens[after]
            adjective = adjective_of(token.text)
            if adjective is not None and tokens[index - 1].text.lower() in determiners:
                slips.append((token, noun, adjective))
            elif token.text[:1].isupper():
                adjective_uses[(token.text, noun.text.lower())].append((token.start, noun.end))
        for token, noun, adjective in slips:
            related = adjective_uses.get((adjective, noun.text.lower()), [])
            elsewhere = f" (the article also writes '{adjective} {noun.text.lower()}')" if related else ""
            yield self.finding(
                document,
                "NQ206",
                token.start,
                token.end,
                f"Before {noun.text!r} use the adjective: {adjective!r}, not {token.text!r}{elsewhere}.",
                related=related[:_MAX_RELATED],
                suggestions=(adjective,),
                data={"country": token.text, "adjective": adjective},
            )


class _VariantAnalysis:
    """Spelling-variant families of one document, judged against the house style or the article itself."""

    def __init__(
        self,
        check: SpellingCheck,
        document: Document,
        house: str | None,
        dominant: str | None,
        protected: frozenset[int],
    ) -> None:
        self.check = check
        self.document = document
        self.house = house
        self.dominant = dominant
        self.families: dict[str, list[tuple[_Occurrence, VariantForm]]] = defaultdict(list)
        tokens = document.tokens
        for index, entry in variant_tokens(document):
            if index in protected:
                continue
            token = tokens[index]
            word = _strip_possessive(token.text)
            occurrence = _Occurrence(index, token.start, token.start + len(word), word)
            self.families[entry.key].append((occurrence, entry))
        for index, start, part, entry in variant_parts(document):
            if index in protected:
                continue
            word = _strip_possessive(part)
            self.families[entry.key].append((_Occurrence(index, start, start + len(word), word), entry))
        for items in self.families.values():
            items.sort(key=lambda item: item[0].start)
        self.mixed = self._mixed()

    def _mixed(self) -> bool:
        markers = {entry.form: entry for items in self.families.values() for _, entry in items if entry.is_marker}
        return bool(markers) and not any(
            all(variety in entry.preferred for entry in markers.values()) for variety in VARIETIES
        )

    def findings(self) -> Iterable[Finding]:
        lone: list[tuple[_Occurrence, VariantForm]] = []
        camps = self._camps()
        for items in self.families.values():
            if self.house is not None:
                yield from self._against_house(items)
                continue
            forms = {entry.form: entry for _, entry in items}
            if any(all(v in e.preferred for e in forms.values()) for v in VARIETIES):
                lone.extend(items)
                continue
            yield from self._inconsistent(items)
        if self.house is None and self.mixed:
            yield from self._mixed_lone(lone, camps)

    def _against_house(self, items: Sequence[tuple[_Occurrence, VariantForm]]) -> Iterable[Finding]:
        house = self.house
        assert house is not None
        right = [(o, e) for o, e in items if house in e.preferred]
        # Named once for the family, not once for each occurrence it is written wrong.
        right_forms = _quoted_forms(e.form for _, e in right)
        counts = Counter(e.form for _, e in items)
        for occurrence, entry in items:
            if entry.used_in(house):
                continue
            suggestion = counterpart(occurrence.text, house)
            if suggestion is None:
                continue
            name = _VARIETY_NAMES[house]
            if right:
                yield self.check.finding(
                    self.document,
                    "NQ201",
                    occurrence.start,
                    occurrence.end,
                    f"{occurrence.text!r} here, {right_forms} elsewhere "
                    f"({_counts(counts)}); the house style ({house}) spells it {suggestion!r}.",
                    related=[(o.start, o.end) for o, _ in right[:_MAX_RELATED]],
                    suggestions=(suggestion,),
                    data=_family_data(entry, counts, suggestion, "house-style", house),
                )
            else:
                yield self.check.finding(
                    self.document,
                    "NQ202",
                    occurrence.start,
                    occurrence.end,
                    f"{occurrence.text!r} is not {name} spelling; the house style ({house}) spells it {suggestion!r}.",
                    suggestions=(suggestion,),
                    data=_family_data(entry, counts, suggestion, "house-style", house),
                )

    def _inconsistent(self, items: Sequence[tuple[_Occurrence, VariantForm]]) -> Iterable[Finding]:
        # Forms no variety prefers (only accepted as variants) never win.
        classes: Counter[frozenset[str]] = Counter(e.preferred for _, e in items if e.preferred)
        if not classes:
            return
        top = max(classes.values())
        leaders = [c for c, n in classes.items() if n == top]
        if len(leaders) == 1:
            winner, reason = leaders[0], "majority"
        elif self.dominant is not None and any(self.dominant in c for c in leaders):
            winner, reason = next(c for c in leaders if self.dominant in c), "dominant-variety"
        else:
            winner = next(e.preferred for _, e in items if e.preferred)
            reason = "first-use"
        target = self.dominant if self.dominant in winner else next(v for v in VARIETIES if v in winner)
        counts = Counter(e.form for _, e in items)
        right = [(o, e) for o, e in items if target in e.preferred]
        # Named once for the family, not once for each occurrence it is written wrong.
        right_forms = _quoted_forms(e.form for _, e in right)
        for occurrence, entry in items:
            if target in entry.preferred:
                continue
            suggestion = counterpart(occurrence.text, target)
            if suggestion is None:
                continue
            because = {
                "majority": f"the majority spelling is {suggestion.lower()!r}",
                "dominant-variety": f"tied, and the article's spelling is mostly {_VARIETY_NAMES[target]}",
                "first-use": f"tied, and {right[0][1].form!r} comes first" if right else "tied",
            }[reason]
            yield self.check.finding(
                self.document,
                "NQ201",
                occurrence.start,
                occurrence.end,
                f"{occurrence.text!r} here, {right_forms} elsewhere "
                f"({_counts(counts)}); {because}: use {suggestion!r}.",
                related=[(o.start, o.end) for o, _ in right[:_MAX_RELATED]],
                suggestions=(suggestion,),
                data=_family_data(entry, counts, suggestion, reason, target),
            )

    def _camps(self) -> dict[str, Counter[str]]:
        """Marker words of the document by camp: British, American, -ise and -ize."""
        camps: dict[str, Counter[str]] = defaultdict(Counter)
        for items in self.families.values():
            for _, entry in items:
                for camp in _camps_of(entry):
                    camps[camp][entry.form] += 1
        return camps

    def _mixed_lone(
        self, lone: Sequence[tuple[_Occurrence, VariantForm]], camps: Mapping[str, Counter[str]]
    ) -> Iterable[Finding]:
        for occurrence, entry in lone:
            for camp in _camps_of(entry):
                rival = _RIVAL[camp]
                ours, theirs = (
                    sum(camps.get(camp, Counter()).values()),
                    sum(camps.get(rival, Counter()).values()),
                )
                # Only the minority's words, unless the split is too even to tell.
                undecided = min(ours, theirs) >= _UNDECIDED_MIN and theirs >= _UNDECIDED_SHARE * (ours + theirs)
                if not theirs or (ours > theirs and not undecided):
                    continue
                suggestion = counterpart(occurrence.text, _CAMP_VARIETY[rival])
                if suggestion is None:
                    continue
                summary = "; ".join(f"{_CAMP_NAMES[c]}: {_counts(camps[c])}" for c in (camp, rival) if camps.get(c))
                yield self.check.finding(
                    self.document,
                    "NQ202",
                    occurrence.start,
                    occurrence.end,
                    f"{occurrence.text!r} is {_CAMP_NAMES[camp]} spelling in an article that also uses "
                    f"{_CAMP_NAMES[rival]} spelling ({summary}); choose one. "
                    f"{_CAMP_NAMES[rival].capitalize()}: {suggestion!r}.",
                    suggestions=(suggestion,),
                    confidence=0.6,
                    severity=Severity.INFO,
                    data=_family_data(entry, Counter({entry.form: 1}), suggestion, "mixed-article", None),
                )
                break


_RIVAL = {"british": "american", "american": "british", "ise": "ize", "ize": "ise"}
_CAMP_VARIETY = {"british": "en-GB", "american": "en-US", "ise": "en-GB", "ize": "en-GB-oxendict"}
_CAMP_NAMES = {"british": "British", "american": "American", "ise": "-ise", "ize": "-ize"}


def _camps_of(entry: VariantForm) -> list[str]:
    if not entry.is_marker:
        return []
    # A camp's word is one the other camp does not use at all, not even as a variant.
    preferred = entry.preferred
    camps = []
    if ("en-GB" in preferred or "en-GB-oxendict" in preferred) and not entry.used_in("en-US"):
        camps.append("british")
    elif "en-US" in preferred and not (entry.used_in("en-GB") or entry.used_in("en-GB-oxendict")):
        camps.append("american")
    if "en-GB" in preferred and not entry.used_in("en-GB-oxendict"):
        camps.append("ise")
    elif "en-GB-oxendict" in preferred and not entry.used_in("en-GB"):
        camps.append("ize")
    return camps


def _family_data(
    entry: VariantForm, counts: Mapping[str, int], suggestion: str, reason: str, variety: str | None
) -> dict[str, JSONValue]:
    return {
        "family": entry.key,
        "counts": dict(counts),
        "winner": suggestion.lower(),
        "reason": reason,
        "variety": variety,
    }


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{form} {n}" for form, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _quoted_forms(forms: Iterable[str]) -> str:
    unique = sorted(set(forms))
    return "/".join(repr(f) for f in unique) if unique else "no other spelling"


@functools.lru_cache(maxsize=WORD_CACHE)
def _compound_forms(text: str) -> tuple[str, str, str] | None:
    """The word without a possessive, in lower case, and its key with the hyphens taken out.

    None for a word the compounds rule leaves alone (a listed pair of distinct words).
    """
    word = _strip_possessive(text)
    lower = word.lower()
    if lower in _compound_data()[1]:
        return None
    key = lower.replace("-", "").replace("‐", "") if "-" in lower or "‐" in lower else lower
    return word, lower, key


@functools.lru_cache(maxsize=WORD_CACHE)
def _case_word(text: str) -> str | None:
    """The word whose capitals the capitals rule compares, or None for a token it ignores."""
    # Most tokens are lower-case words; stripping a possessive never changes the first letter.
    # A number starts with a digit, so it is never upper case.
    if not text[:1].isupper():
        return None
    word = _strip_possessive(text)
    if len(word) < _CASE_MIN_LETTERS or not word[:1].isupper() or not word.isalpha():
        return None
    # Long words in capitals are typography (a company name in a listing), not acronyms.
    if word.isupper() and len(word) > _ACRONYM_MAX_LETTERS:
        return None
    return word


@functools.lru_cache(maxsize=WORD_CACHE)
def _name_word(text: str) -> str | None:
    """The word the names rule compares, or None for a word that cannot be a name."""
    word = _strip_possessive(text)
    if (
        len(word) < _NAME_MIN_LENGTH - 1
        or not word[:1].isupper()
        or not word[1:].islower()
        or not word.isalpha()
        or variant_form(word) is not None
    ):
        return None
    return word


def _strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word
    for ending in ("’s", "'s", "’", "'"):
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def _shouting_tokens(document: Document) -> frozenset[int]:
    """Tokens whose capitals are typography: headings, capitalised sentences, datelines, runs of capitals."""
    skipped: set[int] = set()
    tokens = document.tokens
    for sentence in document.sentences:
        words = [t for t in document.sentence_tokens(sentence) if t.kind != "number" and len(t.text) > 1]
        upper = sum(1 for t in words if t.text.isupper())
        if sentence.is_heading or (words and upper * 2 > len(words)):
            skipped.update(range(sentence.token_start, sentence.token_end))
    paragraph_starts = {bisect_left(tokens, p.start, key=lambda t: t.start) for p in document.paragraphs}
    for index, token in enumerate(tokens):
        if not (token.text.isupper() and len(token.text) > 1):
            continue
        neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
        # A paragraph opening "ROME (AP) -" or "KYIV, Ukraine -" has a dateline, one opening
        # "ONEIDA Ltd. declared" a company's name in capitals; one opening "NATO leaders met" an acronym.
        typography = index in paragraph_starts and (
            _DATELINE_AFTER.match(document.text, token.end) is not None
            or (index + 1 < len(tokens) and tokens[index + 1].text in _company_designators())
        )
        if typography or any(t.text.isupper() and len(t.text) > 1 for t in neighbours):
            skipped.add(index)
    return frozenset(skipped)


@functools.cache
def _name_variants() -> dict[str, str]:
    """Each listed spelling of a name -> the first spelling of its line."""
    return {spelling: line.split()[0] for line in data_lines("name_variants.txt") for spelling in line.split()}


@functools.cache
def _name_variant_scan() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(_name_variants(), key=len, reverse=True))))


def _parts(word: str) -> list[tuple[int, str]]:
    """The parts of a word between its hyphens, each without a possessive, with its offset in the word."""
    return [(offset, _strip_possessive(part)) for offset, part in hyphen_parts(word)]


@functools.cache
def _company_designators() -> frozenset[str]:
    return frozenset(data_lines("company_designators.txt"))


def _may_be_lower_case(word: str, document: Document) -> bool:
    """Whether ``word``, opening a sentence, may be a lower-case word capitalised by its place."""
    lower = word.lower()
    return lower in function_words() or lower in document.word_texts


def _case_winner(forms: Counter[str], occurrences: Sequence[_Occurrence], variety: str | None) -> tuple[str, str]:
    top = max(forms.values())
    leaders = [form for form, n in forms.items() if n == top]
    if len(leaders) == 1:
        return leaders[0], f"the majority form is {leaders[0]!r}."
    # Three capitals are an initialism read letter by letter (BBC, FBI, AOL): they stay capitals.
    spelt_out = [f for f in leaders if f.isupper() and len(f) <= _INITIALISM_MAX_LETTERS]
    if spelt_out:
        return spelt_out[0], f"tied, and {spelt_out[0]!r} is an initialism."
    # British newsrooms write acronyms spoken as words in title case (Nato, Unesco),
    # American ones in capitals (NATO, UNESCO).
    if variety in ("en-GB", "en-GB-oxendict", "en-AU"):
        titled = [f for f in leaders if f[:1].isupper() and f[1:].islower()]
        if titled:
            return titled[0], f"tied, and British style writes {titled[0]!r}."
    if variety in ("en-US", "en-CA"):
        capitals = [f for f in leaders if f.isupper()]
        if capitals:
            return capitals[0], f"tied, and American style writes {capitals[0]!r}."
    first = next(o.text for o in occurrences if o.text in leaders)
    return first, f"tied, and {first!r} comes first."


def _open_compound(document: Document, index: int, lower: str, open_pairs: Mapping[str, str]) -> str | None:
    """The solid form when token ``index`` (``lower`` in lower case) opens a compound written open."""
    tokens = document.tokens
    if lower not in _open_pair_starts() or index + 1 >= len(tokens):
        return None
    nxt = tokens[index + 1]
    if document.text[tokens[index].end : nxt.start] != " ":
        return None
    return open_pairs.get(f"{lower} {nxt.text.lower()}")


@functools.cache
def _open_pair_starts() -> frozenset[str]:
    return frozenset(pair.partition(" ")[0] for pair in _compound_data()[0])


def _inflection_base(key: str) -> str:
    """``key`` (a compound in lower case, without hyphens) less its ending: cooperates, cooperation -> cooperat.

    Only endings of inflection and the noun's "-ion" are cut, so that "Cooper" stays a
    word of its own.
    """
    for ending in ("ions", "ion", "ing", "ed", "es", "s", "e"):
        if key.endswith(ending) and len(key) - len(ending) >= _COMPOUND_MIN_LETTERS:
            return key[: -len(ending)]
    return key


_SEPARATORS = frozenset("-‐ ")


def _restyled(text: str, model: str) -> str:
    """``text`` in lower case, written in the style of ``model``: hyphens or spaces where the model has them.

    Each separator of the model goes after as many letters as it follows in the model
    ("cooperates" after "co-operate": "co-operates"); when the two words part before
    one of them, the suggestion is the model itself.
    """
    letters = "".join(c for c in text.lower() if c not in _SEPARATORS)
    model = model.lower()
    model_letters = "".join(c for c in model if c not in _SEPARATORS)
    pieces: list[str] = []
    taken = position = 0
    for char in model:
        if char not in _SEPARATORS:
            position += 1
            continue
        if letters[:position] != model_letters[:position]:
            return model
        pieces.append(letters[taken:position] + char)
        taken = position
    pieces.append(letters[taken:])
    return "".join(pieces)


def _compound_style(text: str) -> str:
    if "-" in text or "‐" in text:
        return "hyphenated"
    return "open" if " " in text else "solid"


@functools.cache
def _compound_data() -> tuple[dict[str, str], frozenset[str]]:
    sections = data_sections("compounds.txt")
    open_pairs = {}
    for line in sections["open"]:
        two, _, one = (part.strip() for part in line.partition("|"))
        open_pairs[two] = one
    return open_pairs, frozenset(sections["distinct"])


@functools.cache
def _honorifics() -> frozenset[str]:
    return frozenset(data_lines("honorifics.txt"))


@functools.cache
def _nationality_phrases() -> tuple[frozenset[str], frozenset[str]]:
    sections = data_sections("nationality_nouns.txt")
    return frozenset(sections["determiners"]), frozenset(sections["nouns"])


def _looks_misspelt(anchor: str, rare: str) -> bool:
    """True when ``rare`` differs from ``anchor`` by a slip of a letter or two, not by an ending."""
    shorter, longer = sorted((anchor, rare), key=len)
    limit = 2 if len(shorter) >= _NAME_LONG else 1
    if anchor[0] != rare[0] or OSA.distance(anchor, rare, score_cutoff=limit) > limit:
        return False
    if longer.startswith(shorter):  # an ending added: Christmas, Christmases
        return longer == shorter + shorter[-1]
    if anchor[-1] == rare[-1]:
        return True
    # Words that differ in their endings are other words (Democrat, Democratic; Tokyo,
    # Tokyu), unless the ending's letters are swapped (Japanees) or the last one doubled
    # (Zelensky, Zelenskyy).
    stem = next((i for i, (a, b) in enumerate(zip(anchor, rare, strict=False)) if a != b), len(shorter))
    tails = sorted(anchor[stem:]), sorted(rare[stem:])
    return tails[0] == tails[1] or longer == shorter + shorter[-1]


def _different_names(document: Document, anchors: Sequence[_Occurrence], rares: Sequence[_Occurrence]) -> bool:
    """True when one spelling always opens a longer name that the other never opens.

    Black Sabbath, Black Sabbath and "Get Back"; Bening, Bening and the film
    Being Julia: the words are parts of other names, not one name slipped.
    """

    def next_names(occurrences: Sequence[_Occurrence]) -> list[str | None]:
        following: list[str | None] = []
        for occurrence in occurrences:
            after = document.tokens[occurrence.token + 1] if occurrence.token + 1 < len(document.tokens) else None
            opens = (
                after is not None
                and after.kind == "word"
                and after.text[:1].isupper()
                and document.text[occurrence.end : after.start] == " "
                # "said Merkle Wednesday": a date after a name makes no longer name.
                and after.text not in _TIME_NAMES
                and _strip_possessive(after.text) not in spellings
            )
            following.append(after.text if opens and after is not None else None)
        return following

    spellings = {anchors[0].text, rares[0].text}
    anchor_next, rare_next = next_names(anchors), next_names(rares)
    return any(
        all(one) and not set(one) & set(other) for one, other in ((anchor_next, rare_next), (rare_next, anchor_next))
    )


def _different_people(document: Document, anchors: Sequence[_Occurrence], rares: Sequence[_Occurrence]) -> bool:
    """True when the two spellings follow different first names (John Healey, Nikki Haley)."""
    # A capitalised word opening the sentence before the rare spelling ("Later Pistorious")
    # is no evidence of a first name; before the established spelling it usually is.
    anchor_names = {_first_name(document, o, at_sentence_start=True) for o in anchors} - {None}
    rare_names = {_first_name(document, o, at_sentence_start=False) for o in rares} - {None}
    return bool(anchor_names and rare_names and not anchor_names & rare_names)


def _first_name(document: Document, occurrence: _Occurrence, *, at_sentence_start: bool) -> str | None:
    """The first name written just before a name ("Oscar" of "Oscar Pistorius"), if any.

    A capitalised word opening a sentence counts only with ``at_sentence_start``.
    """
    if occurrence.token == 0:
        return None
    before = document.tokens[occurrence.token - 1]
    if (
        document.text[before.end : occurrence.start] != " "
        or not before.text[:1].isupper()
        or not before.text[1:].islower()
        or before.text in _honorifics()
    ):
        return None
    sentence = document.sentence_at(before.start)
    if not at_sentence_start and sentence is not None and sentence.start == before.start:
        return None
    return before.text
