"""Coverage-guided fuzzing of the markup stripping (atheris): ``nox -s fuzz``.

Each input is read as Markdown or as HTML. Stripping must keep the original
text whole in its source map, map every checked character to a range inside
the original (the very same character where it was kept verbatim), put every
suppression inside the checked text, and the non-grammar checks must run on
the result with every finding mapped back inside the file. Any exception is a
crash that libFuzzer reports with the input.

    python fuzz/fuzz_markup.py -runs=20000 [corpus folders]
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsqa"]):
    from newsqa import Checker, Config
    from newsqa.markup import prepare
    from newsqa.pipeline import check_source

KINDS = ("markdown", "html")
CHECKER = Checker(Config(ignore=("grammar",)))


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    kind = KINDS[provider.ConsumeIntInRange(0, len(KINDS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    prepared = prepare(text, kind)
    source = prepared.source
    assert source.original == text
    checked = prepared.text
    for index, character in enumerate(checked):
        start, end = source.to_original(index, index + 1)
        assert 0 <= start <= end <= len(text), (index, start, end)
        if end - start == 1 and source.is_verbatim(start, end):
            assert text[start] == character, (index, start)
    for suppression in prepared.suppressions:
        assert 0 <= suppression.offset <= len(checked), suppression
    report = check_source(CHECKER, text, name="fuzz", kind=kind).report
    for finding in report.findings:
        for span in (finding.span, *finding.related):
            assert 0 <= span.start <= span.end <= len(text), finding
            assert text[span.start : span.end] == span.text, finding


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
