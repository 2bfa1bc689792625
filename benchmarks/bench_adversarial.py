"""How the non-grammar pipeline grows on text built to make its pairwise work explode.

Each input repeats one pattern that puts many mentions in one group: one action
dated on many days, one spelling family written both ways, one name with slips,
sentences that restate each other, a quotation used again and again. Code that
compares every member of a group with every other runs in time growing with the
square of the text on these (a growth exponent of 2), where ordinary news never
shows it. Each input is checked at about 10,000, 20,000 and 40,000 words (median
of three runs each, one core); the table gives newsqa's time at the largest size
against a generated news article of the same length, and the growth exponent
(least squares over the three sizes; target 1.3 or less, room left for the
garbage collector's share, which grows with the text; the generated article's own
exponent over the same sizes is given in a note).

    python -m benchmarks.bench_adversarial [--quick]
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Iterator

import newsqa
from benchmarks.articles import article
from benchmarks.bench_pipeline import non_grammar_checks
from benchmarks.common import Context, Row, forget_texts, growth_exponent, median_seconds, one_core, standalone

PUBLISHED = dt.date(2024, 7, 26)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_SURNAMES = ("Kowalski", "Kowalsky", "Pistorius", "Pistorious", "Fernandes", "Fernandez")


def _sentences(make: Callable[[int], str]) -> Callable[[int], str]:
    """Text of ``make(0)``, ``make(1)``, ... until it has at least ``words`` words."""

    def text(words: int) -> str:
        parts: list[str] = []
        count = 0
        while count < words:
            sentence = make(len(parts))
            parts.append(sentence)
            count += len(sentence.split())
        return " ".join(parts)

    return text


INPUTS: dict[str, Callable[[int], str]] = {
    "one action dated on many days": _sentences(
        lambda i: f"Councillors for ward {i} signed the agreement on {_WEEKDAYS[i % 5]}."
    ),
    "one spelling family written both ways": _sentences(
        lambda i: "The defence budget rose." if i % 3 else "The defense budget fell."
    ),
    "names with slips": _sentences(lambda i: f"{_SURNAMES[i % 6]} said the plan for district {i} would work."),
    "sentences restating each other": _sentences(
        lambda i: f"The council in ward {i % 30} approved the budget of {i % 7} million on {_WEEKDAYS[i % 5]}."
    ),
    "one quotation used again and again": _sentences(lambda i: f"“We will act on item {i % 50} now,” she said."),
    "weekdays that miss their dates": _sentences(lambda i: f"Talks were held on Wednesday 25 July 2024 in room {i}."),
    "capitals written two ways": _sentences(lambda i: f"Analyst {i} said PayPal and Paypal both grew."),
}
SIZES = (10_000, 20_000, 40_000)
QUICK = (2_000, 4_000, 8_000)
TARGET = 1.3


def measure(context: Context) -> Iterator[Row | str]:
    checker = newsqa.Checker(newsqa.Config(select=non_grammar_checks()))
    sizes = QUICK if context.sizes[-1] < 20_000 else SIZES
    with checker, one_core():

        def curve(make: Callable[[int], str], published: dt.date | None) -> list[tuple[int, float]]:
            points = []
            for words in sizes:
                text = make(words)
                run = functools.partial(checker.check, text, published=published)
                points.append((len(text.split()), median_seconds(run, 3, before=forget_texts)))
            return points

        news = curve(article, PUBLISHED)
        yield (
            f"adversarial: a generated news article grows with exponent {growth_exponent(news) or 0:.2f} "
            f"from {news[0][0]:,} to {news[-1][0]:,} words"
        )
        for name, make in INPUTS.items():
            for published in (PUBLISHED, None) if name == "one action dated on many days" else (PUBLISHED,):
                points = curve(make, published)
                exponent = growth_exponent(points) or 0.0
                label = name if published else f"{name}, no publication date"
                yield Row(
                    f"adversarial: {label}, {points[-1][0]:,} words (growth exponent from {points[0][0]:,} "
                    f"words: {exponent:.2f})",
                    points[-1][1],
                    f"generated news article of {news[-1][0]:,} words",
                    news[-1][1],
                    target=f"exponent ≤ {TARGET}",
                    met=exponent <= TARGET,
                )


if __name__ == "__main__":
    sys.exit(standalone(measure))
