"""Speed of the spelling check against proselint's consistency check, on the same texts.

proselint's ``spelling.consistency`` check is the peer: it looks for 14 hand-listed
pairs (colour/color, organise/organize, ...) with one regular expression per
spelling. newsqa's spelling check makes one pass over the tokens with dictionary
look-ups in about 7,800 variant forms, plus capitals, compounds, names, nationality
adjectives and institution names, so it does far more work per word.

Texts: the articles of ``../shared/eval/news-gb`` and ``news-us`` when present,
and generated articles. newsqa is timed on documents already segmented (the
document is built once and shared by every check); its memoised analyses are
cleared before each run so that every run does the whole work.

    python -m benchmarks.bench_spelling [--quick]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from benchmarks.common import (
    Context,
    Curve,
    Row,
    Skip,
    Text,
    one_core,
    paired_per_text,
    paired_scaling,
    standalone,
    table_points,
)
from newsqa.checks.spelling import SpellingCheck
from newsqa.config import Config
from newsqa.document import Document

PANEL = "spelling consistency"


def proselint_consistency() -> tuple[str, Callable[[Text], object]]:
    try:
        from proselint.checks.spelling.consistency import check
        from proselint.version import __version__ as version
    except ImportError as error:
        raise Skip(f"proselint is not installed (pip install -e .[benchmark]): {error}") from None
    return f"proselint {version} spelling.consistency", lambda text: list(check.check(text.text))


def newsqa_spelling() -> Callable[[Text], object]:
    check = SpellingCheck(Config())
    documents: dict[str, Document] = {}

    def run(text: Text) -> object:
        document = documents.get(text.name)
        if document is None:
            document = documents[text.name] = Document(text.text, published=text.published)
        document._memo.clear()
        return check.run(document)

    return run


def measure(context: Context) -> Iterator[Row | Curve | str]:
    peer, theirs_run = proselint_consistency()
    ours_run = newsqa_spelling()
    with one_core():
        if context.eval_texts:
            texts = context.eval_texts
            ours, theirs = paired_per_text(ours_run, theirs_run, texts)
            found = sum(len(ours_run(text).findings) for text in texts)  # type: ignore[attr-defined]
            their_found = sum(len(theirs_run(text)) for text in texts)  # type: ignore[arg-type]
            yield Row(f"spelling check, per article, {context.eval_source()}", ours, peer, theirs)
            yield f"findings on those articles: newsqa {found}, {peer} {their_found}"
        ours_points, theirs_points = paired_scaling(ours_run, theirs_run, context)
    yield Curve(PANEL, "newsqa spelling check", ours_points)
    yield Curve(PANEL, peer, theirs_points, newsqa=False)
    for words, seconds, other in table_points(ours_points, theirs_points, context):
        yield Row(f"spelling check, generated article of {words:,} words", seconds, peer, other)


if __name__ == "__main__":
    sys.exit(standalone(measure))
