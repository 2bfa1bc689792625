"""Generated news articles of any length, the same for every tool and every run.

The text is built from sentence templates with the parts news copy is made of:
a headline, datelines, attributed quotations, dates relative to publication,
numbers, acronyms, names, British and American spellings side by side, and now
and then a passage restated further down, so every check has real work to do.
The same ``(words, seed)`` always gives the same article.
"""

from __future__ import annotations

import datetime as dt
import random

PUBLISHED = dt.date(2024, 7, 24)

_PEOPLE = (
    "Maria Alvarez",
    "John Healey",
    "Priya Natarajan",
    "Tomasz Nowak",
    "Grace Okafor",
    "Henrik Larsen",
    "Amira Haddad",
    "Daniel Cho",
    "Sophie Martin",
    "Kwame Mensah",
)
_ROLES = (
    "the finance minister",
    "a spokesperson for the council",
    "the chief executive",
    "a senior official",
    "the opposition leader",
    "an economist at the central bank",
    "the union's general secretary",
    "a local resident",
)
_ORGANISATIONS = (
    "NATO",
    "the UN",
    "the European Commission",
    "the Ministry of Defence",
    "the city council",
    "the World Health Organization",
    "the IMF",
    "the national rail operator",
    "the BBC",
    "the U.S. Treasury",
)
_PLACES = ("Berlin", "Lagos", "Warsaw", "Manchester", "Chicago", "Seoul", "Nairobi", "Lisbon", "Toronto", "Mumbai")
_TOPICS = (
    "the defence budget",
    "the defense agreement",
    "rail fares",
    "the housing shortage",
    "interest rates",
    "the new hospital",
    "water quality",
    "the trade deal",
    "school funding",
    "the election timetable",
)
_VERBS = (
    "announced",
    "approved",
    "rejected",
    "criticised",
    "criticized",
    "postponed",
    "welcomed",
    "questioned",
    "defended",
    "outlined",
)
_WHEN = (
    "on Monday",
    "on Tuesday",
    "last week",
    "on 12 March",
    "in 2023",
    "next month",
    "on July 3",
    "earlier this year",
    "in the first quarter",
    "yesterday",
    "two years ago",
    "by the end of the decade",
)
_QUALITIES = (
    "The decision was the first of its kind in more than a decade",
    "Critics said the plan would cost taxpayers far more than officials had admitted",
    "The programme will be reviewed by an independent panel",
    "The program has already been delayed twice",
    "Officials did not say how the scheme would be organised",
    "Analysts expect the measure to be organized in three stages",
    "The colour of the new banknotes was chosen after a public vote",
    "Turnout fell sharply compared with the previous vote",
    "The centre will open to the public in the autumn",
    "Local businesses have complained about the lack of consultation",
)
_HEADINGS = ("What happens next?", "Background", "Reaction", "The numbers", "Why it matters")

_TEMPLATES = (
    "{org} {verb} {topic} {when}, {person} said.",
    "{person}, {role}, told reporters in {place} that {topic} would be decided {when}.",
    "“We have listened to people across {place} and we will act {when},” said {person}.",
    "“This is not the end of the matter,” {person}, {role}, said in a statement.",
    "{quality}.",
    "{org} said {count} people had been affected and that {topic} would cost £{money} million.",
    "The figures, published {when}, show a rise of {percent}% on the same period {when2}.",
    "In {place}, {count} residents signed a petition against {topic}.",
    "{person} is expected to meet officials from {org} in {place} {when}.",
    "Asked about {topic}, {person} said: “We will publish the details in full.”",
    "{org} has {verb} {topic}, according to documents seen by reporters.",
    "About {percent}% of those surveyed said {topic} should be a priority.",
)


def _sentence(rng: random.Random) -> str:
    return rng.choice(_TEMPLATES).format(
        org=rng.choice(_ORGANISATIONS),
        verb=rng.choice(_VERBS),
        topic=rng.choice(_TOPICS),
        when=rng.choice(_WHEN),
        when2=rng.choice(_WHEN),
        person=rng.choice(_PEOPLE),
        role=rng.choice(_ROLES),
        place=rng.choice(_PLACES),
        quality=rng.choice(_QUALITIES),
        count=f"{rng.randint(2, 40_000):,}",
        money=rng.randint(2, 900),
        percent=rng.randint(1, 99),
    )


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def article(words: int, seed: int = 0) -> str:
    """A news article of about ``words`` words (never fewer), the same for the same arguments."""
    rng = random.Random(f"{words}:{seed}")
    headline = _capitalise(f"{rng.choice(_ORGANISATIONS)} {rng.choice(_VERBS)} {rng.choice(_TOPICS)}")
    paragraphs: list[str] = [headline]
    written: list[str] = []
    count = len(headline.split())
    while count < words:
        sentences: list[str] = []
        for _ in range(rng.randint(1, 3)):
            if written and rng.random() < 0.02:
                # A passage restated later on, as happens when copy is stitched together.
                sentence = rng.choice(written)
            else:
                sentence = _capitalise(_sentence(rng))
                written.append(sentence)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.08:
            heading = rng.choice(_HEADINGS)
            paragraphs.append(heading)
            count += len(heading.split())
    return "\n\n".join(paragraphs) + "\n"


def word_count(text: str) -> int:
    """Words as the benchmarks count them: runs of characters between spaces."""
    return len(text.split())
