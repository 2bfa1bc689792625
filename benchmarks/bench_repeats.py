"""How the repetition analysis scales with article length, against an all-pairs comparison.

For texts of 500 to 100,000 words it times, on one core:

* ``newsqa``: the repeats check on a prepared document (candidate pairs from
  the shingle and content-word indexes, scoring, runs, quotations, grouping);
* ``all-pairs``: the plain alternative, rapidfuzz's ``fuzz.ratio`` of every
  sentence against every earlier one (``process.extract`` loops in C).

``ratio`` is all-pairs time over newsqa time (above 1: newsqa is faster); both
are processor seconds, medians of several runs (for newsqa three above 10,000
words; the peer runs once above 5,000). The document is built beforehand
(segmentation is shared by every check). Texts are news
articles from ``../shared/eval/news-gb`` and ``news-us`` joined end to end,
with a paragraph repeated every 2,000 words or so; without that folder,
generated articles. The all-pairs peer stops at the first size that takes it
longer than a minute.

    python -m benchmarks.bench_repeats [--quick]
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz, process

from benchmarks.common import (
    Context,
    Curve,
    Row,
    Text,
    forget_texts,
    median_seconds,
    one_core,
    standalone,
    table_points,
)
from newsqa import Config
from newsqa.document import Document
from newsqa.registry import get_check

PANEL = "repeated passages"
PEER = "all-pairs rapidfuzz fuzz.ratio"


def text_of(words: int, articles: Sequence[str], rng: random.Random) -> str:
    """Articles joined until at least ``words`` words, with a paragraph repeated every 2,000 words or so."""
    parts: list[str] = []
    count = 0
    pool = list(articles)
    rng.shuffle(pool)
    index = 0
    while count < words:
        article = pool[index % len(pool)]
        index += 1
        parts.append(article)
        count += len(article.split())
        if count // 2000 > (count - len(article.split())) // 2000:
            paragraphs = [p for p in article.split("\n\n") if len(p.split()) > 12]
            if paragraphs:
                parts.append(rng.choice(paragraphs))
    return "\n\n".join(parts)


def all_pairs(sentences: Sequence[str]) -> int:
    """Every sentence against every earlier one with rapidfuzz: pairs at 80 or more."""
    found = 0
    for n in range(1, len(sentences)):
        found += len(process.extract(sentences[n], sentences[:n], scorer=fuzz.ratio, limit=None, score_cutoff=80))
    return found


def measure(context: Context) -> Iterator[Row | Curve | str]:
    check = get_check("repeats")(Config())
    rng = random.Random(7)
    articles = [text.text for text in context.eval_texts]
    source = "news articles of ../shared/eval joined end to end" if articles else "generated articles"
    yield (
        f"texts: {source}, a paragraph repeated every 2,000 words or so; "
        "newsqa's caches of earlier texts emptied before each run"
    )

    def text_for(size: int) -> Text:
        if not articles:
            return context.generated(size)
        return Text(f"{size:,} words of news", text_of(size, articles, rng), None)

    texts = [text_for(size) for size in context.sizes]
    documents = {text.name: Document(text.text) for text in texts}
    sentences = {name: [s.text.casefold() for s in document.sentences] for name, document in documents.items()}

    def ours(text: Text) -> object:
        document = documents[text.name]
        document._memo.clear()
        return check.run(document)

    def theirs(text: Text) -> object:
        return all_pairs(sentences[text.name])

    our_points: list[tuple[int, float]] = []
    their_points: list[tuple[int, float]] = []
    peer_stopped = False
    with one_core():
        for text in texts:
            words = len(documents[text.name].words)
            our_points.append(
                (words, median_seconds(lambda text=text: ours(text), _runs(context, words), before=forget_texts))
            )
            if not peer_stopped:
                seconds = median_seconds(lambda text=text: theirs(text), 1 if words > 5_000 else _runs(context, words))
                their_points.append((words, seconds))
                peer_stopped = seconds > context.peer_budget
    check.close()
    yield Curve(PANEL, "newsqa repeats check", tuple(our_points))
    yield Curve(PANEL, PEER, tuple(their_points), newsqa=False)
    for words, seconds, other in table_points(our_points, their_points, context):
        yield Row(f"repeated passages, {words:,} words ({source})", seconds, PEER, other)


def _runs(context: Context, words: int) -> int:
    # One run of a long text is one draw of the machine's noise (0.74 to 1.03 s at 100,000
    # words from one run to the next here): the median of three costs a few seconds.
    return context.repeat if words <= 10_000 else min(3, context.repeat)


if __name__ == "__main__":
    sys.exit(standalone(measure))
