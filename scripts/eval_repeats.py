"""Measure the repeated-passages check on real articles, clean and with repeats injected.

Uses ``../shared/eval`` beside the project (or the folder in ``NEWSQA_EVAL``):
``news-gb`` and ``news-us`` (clean professionally edited articles) and ``mrpc``
(the Microsoft Research Paraphrase Corpus, training split). Exits cleanly when
the folder is absent. Articles and MRPC pairs are split into two halves by a
hash of their names: ``--half tune`` is the half the defaults were chosen on,
``--half report`` the half the figures are reported on.

Each clean article yields one copy per kind of repeat, with one repeat of that
kind inserted apart from its original: ``verbatim`` (a sentence, a passage of
two or three sentences, or a run of eight or more words inside a new sentence,
copied later word for word), ``edited`` (a sentence copied later with one to
three small edits: a word dropped, added or changed, a number or tense changed,
a spelling variant, the attribution moved), ``paraphrase`` (the two sentences of
an MRPC paraphrase pair, one early and one later) and ``mrpc-negative`` (an MRPC
pair its annotators judged *not* to be paraphrases, to see how often such
near misses are flagged).

Precision of kind K: findings of kind K that point at an injected repeat (one of
their spans on the later copy, another on the earlier: usually the primary and a
related span, but a passage said three times is one finding on its last
occurrence) among all findings of kind K in the injected copies. Recall of kind K: injected repeats of kind K
found by a finding of any kind. Clean: findings per article on the articles as
they are.

    python scripts/eval_repeats.py --half report
    python scripts/eval_repeats.py --half tune --tune
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsqa import Config  # noqa: E402
from newsqa.analysis.repetition import (  # noqa: E402
    Restatement,
    Thresholds,
    _judge,
    scored_pairs,
)
from newsqa.checker import Checker  # noqa: E402
from newsqa.document import Document  # noqa: E402
from newsqa.report import Finding  # noqa: E402

KINDS = ("verbatim", "edited", "paraphrase", "passage", "mrpc-negative")
# Share of the clean-article bar (one finding per 50 articles) the pairs may use in the
# quick search; the best candidates are then checked with the whole check.
CLEAN_SHARE = 1.0
CODE_KIND = {"NQ101": "verbatim", "NQ102": "edited", "NQ103": "paraphrase", "NQ104": "heading"}


def eval_folder() -> Path:
    return Path(os.environ.get("NEWSQA_EVAL", ROOT.parent / "shared" / "eval"))


def half_of(name: str) -> str:
    return "tune" if zlib.crc32(name.encode()) % 2 == 0 else "report"


@dataclass
class Article:
    name: str
    text: str


def load_articles(folder: Path, half: str, unique: bool = True) -> list[Article]:
    """The articles of one half, each text once unless ``unique`` is false.

    news-gb holds some articles twice under two names (72 of 1,044 files); a
    second copy would count its findings twice and could sit in the other half,
    so only the first name (in sorted order) of each text is kept.
    """
    articles = []
    seen: set[str] = set()
    for corpus in ("news-gb", "news-us"):
        for path in sorted((folder / corpus).rglob("*.txt")):
            if path.name.lower() == "readme.txt":
                continue
            name = f"{corpus}/{path.relative_to(folder / corpus)}"
            text = path.read_text(encoding="utf-8", errors="replace")
            normalised = " ".join(text.split())
            if unique and normalised in seen:
                continue
            seen.add(normalised)
            if half in ("all", half_of(name)):
                articles.append(Article(name, text))
    return articles


_QUOTED = regex.compile(r"<QUOTE>\s*(.*?)\s*<QUOTE>")
_DETOKENISE = (
    (regex.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|')(?=\W|$)"), r"\1"),
    (regex.compile(r" ([,.;:?!%)\]])"), r"\1"),
    (regex.compile(r"([$(\[]) "), r"\1"),
    (regex.compile(r"``\s*(.*?)\s*''"), r'"\1"'),
)


def detokenise(sentence: str) -> str:
    """Undo MRPC's tokenisation: 'Amrozi 's brother , he said .' -> "Amrozi's brother, he said."."""
    text = _QUOTED.sub(r'"\1"', sentence.strip())
    text = text.replace("<QUOTE>", '"')
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    if text and text[-1] not in ".!?\"'":
        text += "."
    return text[:1].upper() + text[1:]


def load_mrpc(folder: Path, half: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    positives, negatives = [], []
    with (folder / "mrpc" / "msr_paraphrase_train.txt").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) != 5 or half not in ("all", half_of(row[1] + row[2])):
                continue
            pair = (detokenise(row[3]), detokenise(row[4]))
            (positives if row[0] == "1" else negatives).append(pair)
    return positives, negatives


# -- injection -------------------------------------------------------------------------


@dataclass
class Repeat:
    """One injected repeat: ``later`` (offsets in the sample's text) repeats ``earlier``."""

    kind: str
    earlier: tuple[int, int]
    later: tuple[int, int]


@dataclass
class Sample:
    """An article with repeats of one kind injected."""

    kind: str
    text: str
    repeats: list[Repeat]


def _slots(document: Document) -> list[int]:
    """Offsets where a sentence can be inserted: after each body sentence."""
    return [s.end for s in document.sentences if not s.is_heading]


def _insert(
    text: str, offset: int, sentences: Sequence[str], rng: random.Random, limit: int | None = None
) -> tuple[str, list[tuple[int, int]]]:
    """Insert ``sentences`` after the sentence ending at ``offset``: in its paragraph or as a new one.

    A new paragraph goes at the end of the current one, but never at or past ``limit``.
    Returns the new text and the span of each inserted sentence.
    """
    prefix = " "
    if rng.random() < 0.5:
        line_end = text.find("\n", offset)
        paragraph_end = len(text) if line_end < 0 else line_end
        if limit is None or paragraph_end < limit:
            prefix, offset = "\n\n", paragraph_end
    spans = []
    position = offset + len(prefix)
    for sentence in sentences:
        spans.append((position, position + len(sentence)))
        position += len(sentence) + 1
    return text[:offset] + prefix + " ".join(sentences) + text[offset:], spans


def _two_places(document: Document, rng: random.Random) -> tuple[int, int] | None:
    """Two insertion slots at least two sentences apart: earlier in the first half, later after it."""
    slots = _slots(document)
    if len(slots) < 4:
        return None
    first = rng.randrange(0, len(slots) // 2)
    second = rng.randrange(min(first + 2, len(slots) - 1), len(slots))
    return slots[first], slots[second]


def inject_pairs(article: Article, pairs: Sequence[tuple[str, str]], kind: str, rng: random.Random) -> Sample | None:
    """Insert the first sentences of ``pairs`` together early, their second sentences (shuffled) later."""
    places = _two_places(Document(article.text), rng)
    if places is None:
        return None
    early, late = places
    order = list(range(len(pairs)))
    rng.shuffle(order)
    # The later ones go in first so that the earlier slot's offset stays valid.
    text, later = _insert(article.text, late, [pairs[n][1] for n in order], rng)
    grown = len(text)
    text, earlier = _insert(text, early, [pair[0] for pair in pairs], rng, limit=later[0][0])
    shift = len(text) - grown
    repeats = [Repeat(kind, earlier[n], (later[k][0] + shift, later[k][1] + shift)) for k, n in enumerate(order)]
    return Sample(kind, text, repeats)


def source_sentences(document: Document, minimum_words: int) -> list[int]:
    return [
        i for i, s in enumerate(document.sentences) if not s.is_heading and s.token_end - s.token_start >= minimum_words
    ]


def inject_copy(article: Article, kind: str, rng: random.Random) -> Sample | None:
    """Copy a sentence (or passage, or run of words) of the article later, verbatim or edited."""
    document = Document(article.text)
    sentences = document.sentences
    body = [i for i, s in enumerate(sentences) if not s.is_heading]
    candidates = [i for i in source_sentences(document, 8) if body and i <= body[len(body) // 2]]
    if len(body) < 4 or not candidates:
        return None
    index = rng.choice(candidates)
    source = sentences[index]
    later_slots = [s.end for s in sentences[index + 3 :] if not s.is_heading]
    if not later_slots:
        return None
    slot = rng.choice(later_slots)
    mode = rng.random()
    opener = "\0"
    if kind == "verbatim" and mode < 0.2 and index + 1 < len(sentences) and sentences[index + 1].end < slot:
        # A passage of two or three sentences.
        last = min(index + rng.choice((1, 2)), len(sentences) - 1)
        while sentences[last].end >= slot or sentences[last].paragraph != source.paragraph:
            last -= 1
        earlier = (source.start, sentences[last].end)
        copy = article.text[earlier[0] : earlier[1]]
    elif kind == "verbatim" and mode < 0.4:
        # A run of eight or more words inside a new sentence.
        tokens = document.sentence_tokens(source)
        length = rng.randint(8, max(8, min(14, len(tokens))))
        first = rng.randrange(0, len(tokens) - length + 1)
        earlier = (tokens[first].start, tokens[first + length - 1].end)
        run = article.text[earlier[0] : earlier[1]]
        opener = rng.choice(
            ("Officials have said that", "As reported earlier,", "It is worth noting that", "Critics point out that")
        )
        copy = f"{opener} {run[:1].lower() + run[1:] if not run[:2].isupper() else run}."
    else:
        earlier = (source.start, source.end)
        copy = source.text
        if kind == "edited":
            edited = edit(copy, rng)
            if edited is None:
                return None
            copy = edited
    text, spans = _insert(article.text, slot, [copy], rng)
    later = spans[0]
    if copy.startswith(opener):
        # Only the run itself is the repeat, not the opener or the full stop.
        later = (later[0] + len(opener) + 1, later[1] - 1)
    return Sample(kind, text, [Repeat(kind, earlier, later)])


_SPELLING = (("ise", "ize"), ("our", "or"), ("tre", "ter"), ("ence", "ense"), ("ize", "ise"))
_FUNCTION_SWAPS = {
    "is": "was", "was": "is", "has": "had", "had": "has", "will": "would", "would": "will",
    "the": "a", "a": "the", "said": "says", "says": "said", "are": "were", "were": "are",
    "and": "as well as", "but": "although", "also": "now",
}  # fmt: skip
_INSERTS = ("also", "now", "still", "reportedly", "recently", "already", "even", "then")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")


def edit(sentence: str, rng: random.Random) -> str | None:
    """One to three small edits of the kinds sub-editors make to a sentence they copy."""
    text = sentence
    for _ in range(rng.choice((1, 1, 2, 3))):
        words = list(_WORD.finditer(text))
        if len(words) < 6:
            return None
        operation = rng.choice(("drop", "insert", "swap", "number", "spelling", "attribution"))
        match = rng.choice(words[1:])
        if operation == "drop":
            text = text[: match.start()] + text[match.end() :].lstrip(" ")
        elif operation == "insert":
            text = text[: match.start()] + rng.choice(_INSERTS) + " " + text[match.start() :]
        elif operation == "swap":
            swappable = [m for m in words[1:] if m.group().lower() in _FUNCTION_SWAPS]
            if swappable:
                m = rng.choice(swappable)
                text = text[: m.start()] + _FUNCTION_SWAPS[m.group().lower()] + text[m.end() :]
            else:
                text = text[: match.start()] + text[match.end() :].lstrip(" ")
        elif operation == "number":
            numbers = [m for m in words if m.group().isdigit()]
            if numbers:
                m = rng.choice(numbers)
                text = text[: m.start()] + str(int(m.group()) + rng.randint(1, 9)) + text[m.end() :]
            else:
                text = text[: match.start()] + rng.choice(_INSERTS) + " " + text[match.start() :]
        elif operation == "spelling":
            changed = False
            for m in words:
                for old, new in _SPELLING:
                    if len(m.group()) > 5 and old in m.group()[-6:]:
                        word = m.group()[::-1].replace(old[::-1], new[::-1], 1)[::-1]
                        text = text[: m.start()] + word + text[m.end() :]
                        changed = True
                        break
                if changed:
                    break
            if not changed:
                text = text[: match.start()] + text[match.end() :].lstrip(" ")
        else:
            moved = _move_attribution(text)
            text = moved if moved is not None else text[: match.start()] + text[match.end() :].lstrip(" ")
    return None if text == sentence else text


_ATTRIBUTION = regex.compile(
    r"^(?P<body>.+?),?\s+(?P<who>(?:he|she|they|it|[\p{Lu}][\p{L}.' -]{0,40}?)\s+(?:said|says|added))\.$"
)


def _move_attribution(sentence: str) -> str | None:
    """Move a closing attribution to the front: 'X happened, he said.' becomes 'He said X happened.'."""
    match = _ATTRIBUTION.match(sentence)
    if match is None:
        return None
    body = match.group("body")
    who = match.group("who")
    return f"{who[:1].upper()}{who[1:]} {body[:1].lower() if not body[:2].isupper() else body[:1]}{body[1:]}."


# -- measuring ----------------------------------------------------------------------


def overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    return start < span[1] and span[0] < end


def finding_hits(finding: Finding, repeat: Repeat) -> bool:
    """The finding marks both copies: one on the later, another on the earlier.

    Usually the primary span is the later copy and a related span the earlier;
    a passage said three or more times is one finding on its last occurrence,
    with every other occurrence related, so an injected copy may be related too.
    """
    spans = [finding.span, *finding.related]
    return any(
        overlaps(repeat.later, a.start, a.end) and overlaps(repeat.earlier, b.start, b.end)
        for a in spans
        for b in spans
        if a is not b
    )


def pair_hits(pair: Restatement, repeat: Repeat) -> bool:
    return overlaps(repeat.later, pair.later.start, pair.later.end) and overlaps(
        repeat.earlier, pair.earlier.start, pair.earlier.end
    )


def finding_kind(finding: Finding) -> str:
    kind = finding.data.get("kind")
    return str(kind) if kind else CODE_KIND.get(finding.code, finding.code)


def build_samples(articles: Sequence[Article], folder: Path, half: str, seed: int) -> Iterator[Sample]:
    positives, negatives = load_mrpc(folder, half)
    pair_rng = random.Random(seed)
    pair_rng.shuffle(positives)
    pair_rng.shuffle(negatives)
    positive_pairs = itertools.cycle(positives)
    negative_pairs = itertools.cycle(negatives)
    for article in articles:
        rng = random.Random(f"{seed}:{article.name}")
        for kind in KINDS:
            if kind in ("verbatim", "edited"):
                sample = inject_copy(article, kind, rng)
            elif kind == "paraphrase":
                sample = inject_pairs(article, [next(positive_pairs)], kind, rng)
            elif kind == "passage":
                sample = inject_pairs(article, [next(positive_pairs) for _ in range(3)], kind, rng)
            else:
                sample = inject_pairs(article, [next(negative_pairs)], kind, rng)
            if sample is not None:
                yield sample


@dataclass
class Tally:
    """Counts behind recall and precision, per kind."""

    clean: list[tuple[str, str]] = field(default_factory=list)
    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[tuple[Sample, Repeat]] = field(default_factory=list)
    false_alarms: list[tuple[Sample, str]] = field(default_factory=list)

    def add_sample(self, sample: Sample, reported: Sequence[tuple[str, Callable[[Repeat], bool], str]]) -> None:
        """``reported``: (kind, does it hit this repeat?, description) for each finding or pair."""
        for repeat in sample.repeats:
            self.total[repeat.kind] += 1
            kinds = [kind for kind, hit, _ in reported if hit(repeat)]
            if kinds:
                self.found[repeat.kind] += 1
                self.confusion[repeat.kind][kinds[0]] += 1
            else:
                self.misses.append((sample, repeat))
        if sample.kind == "mrpc-negative":
            return
        for kind, hit, description in reported:
            self.predicted[kind] += 1
            if any(hit(repeat) for repeat in sample.repeats):
                self.correct[kind] += 1
            else:
                self.false_alarms.append((sample, description))

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else float("nan")

    def precision(self, kind: str) -> float:
        return self.correct[kind] / self.predicted[kind] if self.predicted[kind] else float("nan")


def measure_findings(config: Config, articles: Sequence[Article], samples: Sequence[Sample]) -> Tally:
    """Run the repeats check as users do and count its findings."""
    checker = Checker(config)
    tally = Tally()
    for article in articles:
        report = checker.check(article.text, identifier=article.name)
        tally.clean.extend((article.name, f"{f.code} {f.message}") for f in report.findings)
    for sample in samples:
        findings = checker.check(sample.text).findings
        reported = [(finding_kind(f), partial(finding_hits, f), f"{f.code} {f.message}") for f in findings]
        tally.add_sample(sample, reported)
    checker.close()
    return tally


def measure_pairs(documents: Sequence[tuple[Sample | None, Document]], thresholds: Thresholds) -> Tally:
    """Count the sentence pairs judged restatements (fast: for trying many thresholds).

    Judges the candidate pairs of :func:`scored_pairs` as :func:`restatements`
    does; headings, runs and quotations do not depend on the thresholds tried.
    """
    tally = Tally()
    for sample, document in documents:
        pairs = list(_judge(scored_pairs(document, thresholds), thresholds))
        if sample is None:
            # The check reports a group of pairs sharing sentences once, and a restated passage once.
            edges = [(p.earlier.index, p.later.index) for p in pairs]
            first_of: dict[int, int] = {}
            for p in pairs:
                if p.passage is not None:
                    edges.append((first_of.setdefault(p.passage, p.later.index), p.later.index))
            groups = _groups(edges)
            tally.clean.extend((document.identifier or "", f"group of {size}") for size in groups)
            continue
        reported = [(p.kind, partial(pair_hits, p), f"{p.kind} {p.later.text}") for p in pairs]
        tally.add_sample(sample, reported)
    return tally


def _groups(edges: Sequence[tuple[int, int]]) -> list[int]:
    """Sizes of the connected groups of sentences the edges make."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        parent.setdefault(node, node)
        while parent[node] != node:
            node = parent[node]
        return node

    for a, b in edges:
        parent[root(a)] = root(b)
    return list(Counter(root(node) for node in list(parent)).values())


def print_tally(tally: Tally, articles: int, verbose: bool) -> None:
    per_50 = len(tally.clean) / max(articles, 1) * 50
    print(f"clean articles: {articles}, findings: {len(tally.clean)} ({per_50:.2f} per 50 articles)")
    print(f"{'kind':<14}{'injected':>9}{'recall':>8}{'findings':>9}{'precision':>10}")
    for kind in KINDS:
        if kind == "mrpc-negative":
            note = "(flagged: MRPC pairs its annotators judged not to be paraphrases)"
            print(f"{kind:<14}{tally.total[kind]:>9}{tally.recall(kind):>8.3f}  {note}")
        else:
            row = f"{kind:<14}{tally.total[kind]:>9}{tally.recall(kind):>8.3f}"
            print(f"{row}{tally.predicted[kind]:>9}{tally.precision(kind):>10.3f}")
    if tally.predicted["heading"]:
        print(f"{'heading':<31}{tally.predicted['heading']:>9}{tally.precision('heading'):>10.3f}")
    print("found as:", {k: dict(v) for k, v in tally.confusion.items()})
    if verbose:
        for name, description in tally.clean:
            print(f"CLEAN {name}: {description}")
        shown: Counter[str] = Counter()
        for sample, repeat in tally.misses:
            shown[repeat.kind] += 1
            if shown[repeat.kind] > 30:
                continue
            earlier = sample.text[repeat.earlier[0] : repeat.earlier[1]]
            later = sample.text[repeat.later[0] : repeat.later[1]]
            print(f"MISS {repeat.kind}: {earlier!r} -> {later!r}")
        for sample, description in tally.false_alarms[:60]:
            print(f"FALSE in {sample.kind}: {description}")


def tune(articles: Sequence[Article], samples: Sequence[Sample], verbose: bool) -> Thresholds:
    """Choose thresholds: the best recall with clean findings and precision within the bars.

    First the edited threshold (with paraphrases off), then the paraphrase and
    passage thresholds with it.
    """
    documents: list[tuple[Sample | None, Document]] = [(None, Document(a.text, identifier=a.name)) for a in articles]
    documents += [(s, Document(s.text)) for s in samples]
    budget = len(articles) / 50 * CLEAN_SHARE
    kinds = ("verbatim", "edited", "paraphrase", "passage")

    def acceptable(tally: Tally, clean_limit: float, precision: float = 0.9) -> bool:
        return len(tally.clean) <= clean_limit and all(
            tally.precision(k) >= precision for k in kinds if tally.predicted[k]
        )

    def show(thresholds: Thresholds, tally: Tally) -> None:
        if verbose:
            figures = " ".join(f"{k}={tally.recall(k):.3f}/{tally.precision(k):.3f}" for k in kinds)
            print(f"    {thresholds}: clean {len(tally.clean)} {figures}", flush=True)

    off = {"paraphrase": 1.0, "passage": 1.0}
    edited = None
    for value in (0.75, 0.8, 0.85, 0.9, 0.95):
        thresholds = Thresholds(edited=value, **off)
        tally = measure_pairs(documents, thresholds)
        show(thresholds, tally)
        if acceptable(tally, budget / 3):
            edited = value
            break
    if edited is None:
        raise SystemExit("no edited threshold meets the bars on this half")
    ranked: list[tuple[tuple[float, ...], Thresholds]] = []
    # Scores are the restatement model's probabilities (newsqa/data/restatement_model.txt).
    grid = itertools.product(
        (3, 4),
        [round(0.7 + 0.01 * n, 2) for n in range(21)],
        (0.03, 0.05, 0.1, 0.15, 0.2),
        (3,),
    )
    for words, paraphrase, passage, sentences in grid:
        thresholds = Thresholds(
            edited=edited,
            paraphrase=paraphrase,
            passage=passage,
            passage_sentences=sentences,
            min_content_words=words,
        )
        tally = measure_pairs(documents, thresholds)
        show(thresholds, tally)
        if not acceptable(tally, budget, 0.85):
            continue
        # Recall first (single paraphrases and passages), then fewer clean findings.
        objective = (
            round(tally.recall("paraphrase") + tally.recall("passage"), 3),
            -len(tally.clean),
            passage,
        )
        ranked.append((objective, thresholds))
    ranked.sort(key=lambda item: item[0], reverse=True)
    # The pairs leave out runs, quotations and headings: check the best few as users run it.
    for objective, thresholds in ranked[:12]:
        options = {
            "edited_threshold": thresholds.edited,
            "paraphrase_threshold": thresholds.paraphrase,
            "passage_threshold": thresholds.passage,
            "passage_sentences": thresholds.passage_sentences,
            "min_content_words": thresholds.min_content_words,
        }
        tally = measure_findings(Config(select=["repeats"], checks={"repeats": options}), articles, samples)
        kinds_found = [k for k in ("verbatim", "edited", "paraphrase") if tally.predicted[k]]
        fine = (
            len(tally.clean) <= len(articles) / 50
            and all(tally.precision(k) >= 0.9 for k in kinds_found)
            and tally.recall("verbatim") >= 0.99
            and tally.recall("edited") >= 0.99
        )
        print(
            f"  {thresholds}: pairs {objective}, findings on clean {len(tally.clean)}, "
            f"recall verbatim {tally.recall('verbatim'):.3f} edited {tally.recall('edited'):.3f} "
            f"paraphrase {tally.recall('paraphrase'):.3f}, {'meets' if fine else 'misses'} the bars",
            flush=True,
        )
        if fine:
            return thresholds
    raise SystemExit("no thresholds meet the bars on this half")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--option", action="append", default=[], help="repeats option NAME=VALUE")
    parser.add_argument("--tune", action="store_true", help="search thresholds on this half")
    parser.add_argument("--verbose", action="store_true", help="list clean findings, misses and false alarms")
    args = parser.parse_args(argv)
    folder = eval_folder()
    if not (folder / "news-gb").is_dir() or not (folder / "mrpc").is_dir():
        print(f"evaluation data not found at {folder}; nothing measured")
        return 0
    articles = load_articles(folder, args.half)
    if args.limit:
        articles = articles[: args.limit]
    samples = list(build_samples(articles, folder, args.half, args.seed))
    print(f"data: {folder} (news-gb, news-us, mrpc); half: {args.half}; seed: {args.seed}")
    if args.tune:
        chosen = tune(articles, samples, args.verbose)
        print(f"chosen: {chosen}")
        return 0
    options: dict[str, object] = {}
    for item in args.option:
        name, _, value = item.partition("=")
        options[name] = float(value) if "." in value else int(value)
    config = Config(select=["repeats"], checks={"repeats": options} if options else {})
    started = time.perf_counter()
    tally = measure_findings(config, articles, samples)
    print_tally(tally, len(articles), args.verbose)
    print(f"seconds: {time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
