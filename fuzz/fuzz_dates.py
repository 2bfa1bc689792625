"""Coverage-guided fuzzing of the date parser (atheris): ``nox -s fuzz``.

Each input is a publication date (one of a few, from none to the ends of the
calendar) and a text. The date expressions found must lie in the text, in
order and without overlaps, each ``text`` the slice it names; resolving each
one against the date, in every tense and both numeric orders, must not fail;
and the whole dates check must run and give spans that are slices of the
text. Any exception is a crash that libFuzzer reports with the input.

    python fuzz/fuzz_dates.py -runs=20000 [corpus folders]
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["newsqa"]):
    from newsqa import Config, Document
    from newsqa.checks.dates import DatesCheck
    from newsqa.dates.extract import find_expressions
    from newsqa.dates.resolve import resolve
    from newsqa.dates.tense import Tense

ANCHORS = (None, dt.date(2024, 7, 24), dt.date(2000, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31))
TENSES = (None, *Tense)
CHECK = DatesCheck(Config())


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    anchor = ANCHORS[provider.ConsumeIntInRange(0, len(ANCHORS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    previous_end = 0
    for expression in find_expressions(text):
        assert previous_end <= expression.start <= expression.end <= len(text), expression
        assert text[expression.start : expression.end] == expression.text, expression
        previous_end = expression.end
        for tense in TENSES:
            for day_first in (None, True, False):
                resolve(expression, anchor, tense, day_first=day_first)
    result = CHECK.run(Document(text, published=anchor))
    for finding in result.findings:
        for span in (finding.span, *finding.related):
            assert text[span.start : span.end] == span.text, finding
    for mention in result.timeline:
        assert text[mention.span.start : mention.span.end] == mention.span.text, mention


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
