"""Grammar, punctuation, spelling, typography and style, from LanguageTool or Harper.

The engine does the linguistics; this check makes its findings fit news copy:

* **The language variant** is the house style (``language = "en-GB"``), else
  the variety the document's own spellings show, else ``en-US``; on that
  default, rules for one variety's own convention (the American comma inside
  closing quotes) are not reported.
* **Names are not typos.** No spelling finding on a word the document uses as
  a proper noun (capitalised mid-sentence, capitalised more than once, or next
  to another capitalised word) or on a word of the config's ``known_names``.
* **One problem, one finding.** A spelling variant (defence/defense) belongs to
  the spelling-consistency check and is not reported again here, and matches
  that overlap are merged into one finding whose other matches are kept in its
  ``data["merged"]``.
* **The document's sentences.** An engine that takes a title ending in ! or ?
  ("Wham!", "Shall We Dance?") or an abbreviation ("Fla.") for the end of a
  sentence, and asks for a capital after it, is not reported.
* **News style.** Rules that news copy does not follow are off by default
  (``newsqa/data/grammar_rules.txt``: accents on loanwords, the serial comma,
  attributive plurals taken for possessives), each with its reason.
* **Quotations are speech.** Findings inside a direct quotation are lowered to
  ``info``; spelling findings are not, as speech has no spelling of its own.
  A quote mark the document's own quotation analysis pairs up (including a
  quotation run on into the next paragraph, news style, and single marks
  around a quotation within a quotation) is not "unpaired".

Each finding keeps the engine's own rule id and category in ``data`` and its
suggestions, best first. Rule codes follow the engine's category; the severity
of one engine rule can be set with ``rule_severity``, and engine rules can be
switched off or on with ``disabled_rules`` and ``enabled_rules``.

Engines: ``engine = "auto"`` (the default) uses LanguageTool when a server can
be had (``url``, ``NEWSQA_LANGUAGETOOL_URL``, or a local server from
``newsqa languagetool fetch``) and Harper (``pip install 'newsqa[harper]'``)
otherwise; the report's check run names the engine and why it was chosen.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import regex

from newsqa.analysis.variants import detect_variety, variant_key
from newsqa.config import LANGUAGES, Config
from newsqa.document import Document, Token, is_abbreviation
from newsqa.engines import EngineFailed, EngineMatch, EngineUnavailable, GrammarEngine
from newsqa.registry import Check, CheckFailed, CheckResult, CheckSkipped, Option, Rule, register_check
from newsqa.report import Finding, JSONValue, Severity
from newsqa.resources import data_lines, data_sections

__all__ = ["GrammarCheck"]

GRAMMAR, PUNCTUATION, SPELLING, TYPOGRAPHY, STYLE = "NQ301", "NQ302", "NQ303", "NQ304", "NQ305"

# Engine categories (LanguageTool's category ids, Harper's lint kinds) by rule code.
# Anything not listed is grammar.
_CODE_BY_CATEGORY = {
    # LanguageTool
    "PUNCTUATION": PUNCTUATION,
    "TYPOS": SPELLING,
    "COMPOUNDING": SPELLING,
    "MULTITOKEN_SPELLING": SPELLING,
    "PROPER_NOUNS": SPELLING,
    "BRE_STYLE_OXFORD_SPELLING": SPELLING,
    "TYPOGRAPHY": TYPOGRAPHY,
    "CASING": TYPOGRAPHY,
    "STYLE": STYLE,
    "REDUNDANCY": STYLE,
    "PLAIN_ENGLISH": STYLE,
    "REPETITIONS_STYLE": STYLE,
    "WIKIPEDIA": STYLE,
    "CREATIVE_WRITING": STYLE,
    "TEXT_ANALYSIS": STYLE,
    "BRITISH_ENGLISH": STYLE,
    "AMERICAN_ENGLISH": STYLE,
    # Harper
    "Punctuation": PUNCTUATION,
    "Spelling": SPELLING,
    "Typo": SPELLING,
    "Capitalization": TYPOGRAPHY,
    "Formatting": TYPOGRAPHY,
    "Style": STYLE,
    "Readability": STYLE,
    "Enhancement": STYLE,
    "Redundancy": STYLE,
    "Regionalism": STYLE,
}

_ENGINES = ("auto", "languagetool", "harper")
_SERVERS = ("newsqa", "language-tool-python")


def _one_of(choices: Sequence[str]) -> Any:
    def validate(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {value!r}")
        return str(value)

    return validate


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError(f"expected a list of rule ids, got {value!r}")


def _severities(value: Any) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a table of rule id = severity, got {value!r}")
    try:
        return {str(rule): Severity(level) for rule, level in value.items()}
    except ValueError:
        raise ValueError(f"severities must be error, warning or info, got {dict(value)!r}") from None


def _positive(kind: type[int] | type[float]) -> Any:
    def validate(value: Any) -> int | float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"expected a positive number, got {value!r}")
        if kind is int and not isinstance(value, int):
            raise TypeError(f"expected a whole number, got {value!r}")
        return kind(value)

    return validate


def _url(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a URL, got {value!r}")
    if value and not value.startswith(("http://", "https://")):
        raise ValueError(f"expected an http:// or https:// URL, got {value!r}")
    return value


def _news_defaults() -> tuple[str, ...]:
    return data_sections("grammar_rules.txt").get("disabled", ())


def _rules_and_families(rules: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Rule ids, and the prefixes of the families among them (``EN_DIACRITICS_REPLACE_ORTHOGRAPHY_*``)."""
    listed = tuple(rules)
    families = tuple(rule.removesuffix("*") for rule in listed if rule.endswith("*"))
    return frozenset(rule for rule in listed if not rule.endswith("*")), families


@functools.cache
def _section_rules(section: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The rule ids of a section of grammar_rules.txt, and the prefixes of its families."""
    return _rules_and_families(data_sections("grammar_rules.txt").get(section, ()))


def _listed(section: str, rule_id: str) -> bool:
    """Whether ``rule_id`` is in a section of grammar_rules.txt, by itself or by its family."""
    rules, families = _section_rules(section)
    return rule_id in rules or rule_id.startswith(families)


@attrs.frozen
class _Candidate:
    """An engine match turned into newsqa terms, before overlaps are merged."""

    match: EngineMatch
    code: str
    severity: Severity
    in_quotation: bool


@register_check
class GrammarCheck(Check):
    """Grammar, punctuation, spelling, typography and style findings for news copy.

    LanguageTool or Harper finds them; names are not typos, spelling variants
    are left to the spelling-consistency check, quotations are speech, and
    overlapping matches are merged.
    """

    name = "grammar"
    description = "Grammar, punctuation, spelling, typography and style, from LanguageTool or Harper."
    rules = (
        Rule(
            code=GRAMMAR,
            name="grammar",
            summary="A grammatical error: an article, agreement, a verb form, a confused word.",
            rationale="Grammatical slips in copy undermine the reader's trust in the facts.",
            severity="warning",
            flagged="The minister gave an speech on Tuesday.",
            fixed="The minister gave a speech on Tuesday.",
        ),
        Rule(
            code=PUNCTUATION,
            name="punctuation",
            summary="Punctuation is missing or wrong: a comma after an introductory word, a dash.",
            rationale="Punctuation carries a sentence's structure; a missing comma can change its meaning.",
            severity="warning",
            flagged="However the minister said the talks had failed.",
            fixed="However, the minister said the talks had failed.",
        ),
        Rule(
            code=SPELLING,
            name="spelling",
            summary="A word is misspelt (names and spelling variants excepted).",
            rationale="A misspelling is the most visible error a story can carry.",
            severity="warning",
            flagged="The goverment announced new measures on Tuesday.",
            fixed="The government announced new measures on Tuesday.",
        ),
        Rule(
            code=TYPOGRAPHY,
            name="typography",
            summary="Spacing, capitals or symbols are set wrongly, such as a space before a full stop.",
            rationale="Typographic slips look careless in print and break text on narrow screens.",
            severity="info",
            flagged="The summit ends on Friday .",
            fixed="The summit ends on Friday.",
        ),
        Rule(
            code=STYLE,
            name="style",
            summary="Wordy, redundant or unidiomatic phrasing, such as 'ATM machine' or 'return back'.",
            rationale="News copy is tight: every redundant word costs the reader time.",
            severity="info",
            flagged="He withdrew cash from the ATM machine.",
            fixed="He withdrew cash from the ATM.",
        ),
    )
    options = (
        Option(
            "engine",
            "auto",
            "auto (LanguageTool if it can be had, else Harper), languagetool or harper",
            validate=_one_of(_ENGINES),
        ),
        Option(
            "url", "", "a LanguageTool server's URL; else NEWSQA_LANGUAGETOOL_URL; else a local server", validate=_url
        ),
        Option(
            "server",
            "newsqa",
            "who runs a local LanguageTool: newsqa (from `newsqa languagetool fetch`) or "
            "language-tool-python (downloads LanguageTool from languagetool.org)",
            validate=_one_of(_SERVERS),
        ),
        Option(
            "disabled_rules",
            (),
            "engine rule ids to switch off (LanguageTool or Harper names); "
            "one ending in * switches off every rule id it begins",
            validate=_strings,
        ),
        Option(
            "enabled_rules",
            (),
            "engine rule ids to switch on, such as LanguageTool's optional rules",
            validate=_strings,
        ),
        Option(
            "rule_severity",
            {},
            'severity by engine rule id, e.g. {MORFOLOGIK_RULE_EN_GB = "info"}',
            validate=_severities,
        ),
        Option("timeout", 60.0, "seconds to wait for LanguageTool's answer to one request", validate=_positive(float)),
        Option(
            "start_timeout",
            120.0,
            "seconds to wait for a local LanguageTool server to start",
            validate=_positive(float),
        ),
        Option("max_chunk", 20_000, "characters sent to LanguageTool in one request", validate=_positive(int)),
    )

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        disabled = self.settings["disabled_rules"]
        enabled = set(self.settings["enabled_rules"])
        switched_off = [rule for rule in (*_news_defaults(), *disabled) if rule not in enabled]
        # A family of rule ids ("EN_DIACRITICS_REPLACE_ORTHOGRAPHY_*", one id for each word): the
        # engine is asked for them and newsqa drops them, unless one of them is switched back on.
        self._disabled, self._disabled_families = _rules_and_families(switched_off)
        self._enabled_set = frozenset(enabled)
        self._enabled = tuple(sorted(enabled))
        self._rule_severity: Mapping[str, Severity] = self.settings["rule_severity"]
        self._known_names = frozenset(word.casefold() for name in config.known_names for word in name.split())
        self.engine, self.reason = self._open_engine()

    # -- engines ------------------------------------------------------------------------

    def _languagetool(self) -> GrammarEngine:
        from newsqa.engines import languagetool

        options: dict[str, Any] = {
            "timeout": self.settings["timeout"],
            "max_chunk": self.settings["max_chunk"],
            "disabled_rules": sorted(self._disabled),
            "enabled_rules": self._enabled,
        }
        url = self.settings["url"] or os.environ.get(languagetool.URL_ENVIRONMENT_VARIABLE, "")
        if url:
            return languagetool.connect(url, **options)
        if self.settings["server"] == "language-tool-python":
            return languagetool.start_with_language_tool_python(**options)
        return languagetool.start_local(start_timeout=self.settings["start_timeout"], **options)

    def _harper(self) -> GrammarEngine:
        from newsqa.engines.harper import HarperEngine

        return HarperEngine(disabled_rules=sorted(self._disabled), enabled_rules=self._enabled)

    def _open_engine(self) -> tuple[GrammarEngine, str]:
        choice = self.settings["engine"]
        try:
            if choice == "harper":
                return self._harper(), "Harper, as configured (grammar.engine = harper)"
            if choice == "languagetool":
                engine = self._languagetool()
                return engine, f"LanguageTool as configured (grammar.engine), at {_where(engine)}"
        except EngineUnavailable as error:
            raise CheckSkipped(str(error)) from None
        except EngineFailed as error:
            raise CheckFailed(str(error)) from None
        try:
            engine = self._languagetool()
            return engine, f"LanguageTool at {_where(engine)}"
        except (EngineUnavailable, EngineFailed) as lt_error:
            try:
                return self._harper(), f"Harper, because LanguageTool could not be used: {lt_error}"
            except EngineUnavailable as harper_error:
                message = f"no grammar engine: LanguageTool: {lt_error}; Harper: {harper_error}"
                if isinstance(lt_error, EngineFailed):
                    raise CheckFailed(message) from None
                raise CheckSkipped(message) from None

    def close(self) -> None:
        self.engine.close()

    # -- checking -----------------------------------------------------------------------

    def run(self, document: Document) -> CheckResult:
        language, source = _language(document)
        defaulted = source == _DEFAULT_LANGUAGE_SOURCE
        try:
            matches = self.engine.check(document.text, language)
        except EngineUnavailable as error:
            raise CheckSkipped(str(error)) from None
        except EngineFailed as error:
            raise CheckFailed(str(error)) from None
        names = document.memo("grammar.names", _proper_nouns)
        dropped = {
            "disabled": 0,
            "names": 0,
            "variants": 0,
            "quotations": 0,
            "sentences": 0,
            "news_style": 0,
            "conventions": 0,
        }
        candidates: list[_Candidate] = []
        for match in matches:
            why = self._drop_reason(document, match, names)
            if why is None and defaulted and _listed("variety_conventions", match.rule_id):
                why = "conventions"
            if why is not None:
                dropped[why] += 1
                continue
            candidates.append(self._candidate(document, match))
        findings = [self._merged(document, group, language) for group in _overlapping(candidates)]
        data: dict[str, JSONValue] = {
            "language": language,
            "language_source": source,
            "engine_matches": len(matches),
            "dropped": dict(dropped),
            "merged": len(candidates) - len(findings),
        }
        restarts = getattr(self.engine, "restarts", 0)
        if restarts:
            data["server_restarts"] = restarts
        return CheckResult(
            findings=findings,
            engine=self.engine.name,
            engine_version=self.engine.version,
            reason=self.reason,
            data=data,
        )

    def _drop_reason(self, document: Document, match: EngineMatch, names: frozenset[str]) -> str | None:
        if match.rule_id in self._disabled or (
            match.rule_id.startswith(self._disabled_families) and match.rule_id not in self._enabled_set
        ):
            return "disabled"
        text = document.text[match.start : match.end]
        if text and set(text) <= _QUOTE_MARKS and match.start in document.memo("grammar.quotes", _paired_marks):
            return "quotations"
        if _listed("sentence_start", match.rule_id) and _sentence_goes_on(document.text, match.start):
            return "sentences"
        if _listed("news_case", match.rule_id) and match.suggestions and _news_case(text, match.suggestions[0]):
            return "news_style"
        code = _code(match)
        if code == SPELLING or _listed("names", match.rule_id):
            if code == SPELLING and variant_key(text) is not None:
                return "variants"
            words = _WORD.findall(text)
            if words and all(word.casefold() in self._known_names or word in names for word in words):
                return "names"
        elif match.suggestions:
            # A style rule offering the other spelling of a variant pair ("colour" for "color").
            key = variant_key(text)
            if key is not None and variant_key(match.suggestions[0]) == key:
                return "variants"
        return None

    def _candidate(self, document: Document, match: EngineMatch) -> _Candidate:
        code = _code(match)
        severity = self._rule_severity.get(match.rule_id) or self.rule(code).severity
        quoted = code != SPELLING and document.in_quotation(match.start, match.end) is not None
        return _Candidate(match, code, Severity.INFO if quoted else severity, in_quotation=quoted)

    def _merged(self, document: Document, group: Sequence[_Candidate], language: str) -> Finding:
        primary = max(group, key=lambda c: (c.severity.rank, c.match.end - c.match.start, -c.match.start))
        start = min(c.match.start for c in group)
        end = max(c.match.end for c in group)
        before = document.text[start : primary.match.start]
        after = document.text[primary.match.end : end]
        match = primary.match
        data: dict[str, JSONValue] = {
            "engine": self.engine.name,
            "rule_id": match.rule_id,
            "category": match.category,
            "language": language,
        }
        if match.issue_type:
            data["issue_type"] = match.issue_type
        if primary.in_quotation:
            data["in_quotation"] = True
        others = [c for c in group if c is not primary]
        if others:
            data["merged"] = [
                {
                    "rule_id": c.match.rule_id,
                    "category": c.match.category,
                    "code": c.code,
                    "message": c.match.message,
                    "start": c.match.start,
                    "end": c.match.end,
                }
                for c in others
            ]
        return self.finding(
            document,
            primary.code,
            start,
            end,
            match.message,
            suggestions=[before + suggestion + after for suggestion in match.suggestions],
            severity=primary.severity,
            data=data,
        )


def _news_case(text: str, suggestion: str) -> bool:
    """True when ``suggestion`` only capitalises words of ``text`` that news style writes in lower case."""
    words, wanted = text.split(), suggestion.split()
    if len(words) != len(wanted) or text.casefold() != suggestion.casefold():
        return False
    changed = [word for word, other in zip(words, wanted, strict=True) if word != other]
    return bool(changed) and all(word.islower() and word in _news_lowercase_words() for word in changed)


@functools.cache
def _news_lowercase_words() -> frozenset[str]:
    return frozenset(data_lines("news_lowercase_words.txt"))


def _code(match: EngineMatch) -> str:
    # Not by LanguageTool's issue type: it calls "an speech" a misspelling too.
    return _CODE_BY_CATEGORY.get(match.category, GRAMMAR)


def _where(engine: GrammarEngine) -> str:
    where = getattr(engine, "where", None)
    version = f" {engine.version}" if engine.version else ""
    return f"{where} (LanguageTool{version})" if where else engine.name


def _language(document: Document) -> tuple[str, str]:
    """The variant to check in, and where it came from."""
    if document.language and document.language != "en":
        return document.language, "house style"
    evidence = detect_variety(document)
    if evidence.variety in LANGUAGES:
        words = ", ".join(evidence.evidence[:5])
        return str(evidence.variety), f"the document's spelling ({words})"
    return "en-US", _DEFAULT_LANGUAGE_SOURCE


_DEFAULT_LANGUAGE_SOURCE = "default (no house style, no telling spellings)"


_OPENING_MARKS = frozenset("\"'“‘«„([:—–-")


def _proper_nouns(document: Document) -> frozenset[str]:
    """Capitalised words the document uses as names.

    A word counts when one of its capitalised uses stands mid-sentence (not
    after an opening quote or a colon), when it is capitalised more than once,
    when it stands next to another capitalised word (``Boris Pistorius``)
    other than a sentence's usual first word (``The``, ``In``), or when it is
    quoted between two (a nickname: ``Marion "Suge" Knight``). A word after a
    particle in lower case counts too (``al-Megrahi``, ``d'Estaing``). Headings are
    left out: their capitals say nothing about names.
    """
    text = document.text
    openers = _sentence_openers()
    seen: dict[str, int] = {}
    names: set[str] = set()
    for sentence in document.sentences:
        if sentence.is_heading:
            continue
        tokens = document.sentence_tokens(sentence)
        starts = [
            i == 0 or any(mark in _OPENING_MARKS for mark in text[tokens[i - 1].end : t.start])
            for i, t in enumerate(tokens)
        ]
        capitalised = [
            t.kind != "number" and t.text[:1].isupper() and not (starts[i] and t.text in openers)
            for i, t in enumerate(tokens)
        ]
        for i, token in enumerate(tokens):
            if not capitalised[i]:
                names.update(_after_particle(token.text))
                continue
            # An engine flags "Sebold" in "Sebold's": the name is the word without its possessive.
            word = _POSSESSIVE.sub("", token.text)
            seen[word] = seen.get(word, 0) + 1
            if (
                seen[word] > 1
                or not starts[i]
                or (i > 0 and capitalised[i - 1] and _adjacent(text, tokens[i - 1], token))
                or (i + 1 < len(tokens) and capitalised[i + 1] and _adjacent(text, token, tokens[i + 1]))
                or (
                    0 < i < len(tokens) - 1
                    and capitalised[i - 1]
                    and capitalised[i + 1]
                    and _nickname(text, tokens[i - 1], token, tokens[i + 1])
                )
            ):
                names.update((word, token.text))
                # ... and "Esquive" in "L'Esquive", "Connor" in "O'Connor".
                names.update(part for part in _ELISION.split(word)[1:] if part[:1].isupper())
    return frozenset(names)


def _after_particle(word: str) -> list[str]:
    """A name after a particle in lower case ("al-Megrahi", "d'Estaing"): the word and its capitalised parts.

    Nothing for any other word: the particle is one to three small letters, and every
    part after it starts with a capital (a possessive aside).
    """
    name = _POSSESSIVE.sub("", word)
    parts = _JOINS.split(name)
    if len(parts) < 2 or not 1 <= len(parts[0]) <= 3 or not parts[0].islower():
        return []
    if not all(part[:1].isupper() for part in parts[1:]):
        return []
    return [word, name, *parts[1:]]


_JOINS = regex.compile(r"['’\-‐]")
_POSSESSIVE = regex.compile(r"['’]s?$")
_ELISION = regex.compile(r"['’]")
_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*")
_QUOTE_MARKS = frozenset("\"'“”‘’«»„`")


def _paired_marks(document: Document) -> frozenset[int]:
    """Offsets of quote marks that the document's quotations pair up.

    A quotation closed in its paragraph pairs both marks. One left open at the
    end of its paragraph pairs its opening mark when the next paragraph opens
    with a quote mark: news style runs a quotation on that way.
    """
    marks: set[int] = set()
    paragraphs = document.paragraphs
    text = document.text
    for quote in document.quotations:
        if quote.closed:
            marks.update(range(quote.start, quote.inner_start))
            marks.update(range(quote.inner_end, quote.end))
            marks.update(_nested_marks(text, quote.inner_start, quote.inner_end))
            continue
        following = next((p for p in paragraphs if p.start >= quote.end), None)
        if following is not None and following.text[:1] in _QUOTE_MARKS:
            marks.update(range(quote.start, quote.inner_start))
    return frozenset(marks)


# A single quote mark opening a quotation within a quotation, and one closing it; an
# apostrophe stands between letters (don't) or after a plural (the players' union).
_NESTED_OPEN = regex.compile(r"(?<![\w'’])['‘](?=\w)")
_NESTED_CLOSE = regex.compile(r"(?<=[\w.,!?])['’](?![\w'’])")


def _nested_marks(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets of the single quote marks that pair up inside ``text[start:end]``: "there was 'something here,'"."""
    position = start
    while (opening := _NESTED_OPEN.search(text, position, end)) is not None:
        closing = _NESTED_CLOSE.search(text, opening.end(), end)
        if closing is None:
            return
        yield opening.start()
        yield closing.start()
        position = closing.end()


_WORD_BEFORE_MARK = regex.compile(r"(\w+)\W*$")


def _sentence_goes_on(text: str, offset: int) -> bool:
    """True when the word at ``offset`` follows a title ending in ! or ? (Wham!) or an abbreviation (Fla.)."""
    end = offset
    while end > 0 and text[end - 1].isspace():
        end -= 1
    mark = text[end - 1 : end]
    if mark not in ("!", "?", "."):
        return False
    before = _WORD_BEFORE_MARK.search(text, max(0, end - 40), end - 1)
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() if mark in "!?" else is_abbreviation(word)


def _adjacent(text: str, left: Token, right: Token) -> bool:
    return text[left.end : right.start] in (" ", "\u00a0", "-")


_NICKNAME_OPENS = frozenset({' "', " “", " '", " ‘"})
_NICKNAME_CLOSES = frozenset({'" ', "” ", "' ", "’ "})


def _nickname(text: str, first: Token, word: Token, last: Token) -> bool:
    """True for a word quoted between two names: Marion "Suge" Knight."""
    return text[first.end : word.start] in _NICKNAME_OPENS and text[word.end : last.start] in _NICKNAME_CLOSES


@functools.cache
def _sentence_openers() -> frozenset[str]:
    return frozenset(data_lines("sentence_openers.txt"))


def _overlapping(candidates: Iterable[_Candidate]) -> list[list[_Candidate]]:
    """Group candidates whose spans overlap (share at least one character)."""
    groups: list[list[_Candidate]] = []
    end = -1
    for candidate in sorted(candidates, key=lambda c: (c.match.start, c.match.end)):
        if groups and candidate.match.start < end:
            groups[-1].append(candidate)
            end = max(end, candidate.match.end)
        else:
            groups.append([candidate])
            end = candidate.match.end
    return groups
