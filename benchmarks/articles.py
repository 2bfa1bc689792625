"""Generated news articles of any length, the same for every tool and every run.

The text is built from sentence templates with the parts news copy is made of:
a headline, attributed quotations, dates relative to publication, numbers,
acronyms, names, British and American spellings side by side, and now and then
a passage restated further down, so every check has real work to do. Each story
has its own cast and subject, so a long article reads like many stories rather
than one sentence pattern repeated thousands of times (which would make every
sentence a near-copy of every other). The same ``(words, seed)`` always gives
the same article.
"""

from __future__ import annotations

import datetime as dt
import random

PUBLISHED = dt.date(2024, 7, 24)

_FIRST_NAMES = (
    "Maria", "John", "Priya", "Tomasz", "Grace", "Henrik", "Amira", "Daniel", "Sophie", "Kwame", "Lucia", "Omar",
    "Ingrid", "Rahul", "Chloe", "Mateo", "Aisha", "Pavel", "Yuki", "Fergus", "Nadia", "Samuel", "Elena", "Tariq",
    "Hannah", "Diego", "Mei", "Oskar", "Zara", "Felix", "Leila", "Connor", "Beatriz", "Jonas", "Imani", "Rowan",
)  # fmt: skip
_SYLLABLES = (
    "al", "ber", "cas", "dor", "en", "fal", "gri", "han", "is", "kov", "lan", "mor", "nor", "ost", "per", "quin",
    "ros", "sel", "tan", "ul", "ven", "wick", "yar", "zel", "bro", "cha", "del", "fen", "gar", "hol",
)  # fmt: skip
_ROLES = (
    "the finance minister", "a spokesperson for the council", "the chief executive", "a senior official",
    "the opposition leader", "an economist at the central bank", "the union's general secretary",
    "a local resident", "the head of the inquiry", "a lawyer for the families", "the mayor", "a police spokesman",
)  # fmt: skip
_BODIES = (
    "NATO", "the UN", "the European Commission", "the Ministry of Defence", "the World Health Organization",
    "the IMF", "the BBC", "the U.S. Treasury", "the Bank of England", "the Federal Reserve",
)  # fmt: skip
_BODY_ADJECTIVES = ("Northern", "Eastern", "National", "Regional", "Coastal", "Central", "Western", "Royal")
_BODY_NOUNS = ("Water Board", "Rail Company", "Health Trust", "Housing Authority", "Ports Agency", "Energy Group")
_PLACES = (
    "Berlin", "Lagos", "Warsaw", "Manchester", "Chicago", "Seoul", "Nairobi", "Lisbon", "Toronto", "Mumbai",
    "Glasgow", "Denver", "Lyon", "Accra", "Osaka", "Valencia", "Leeds", "Perth", "Quito", "Gdansk", "Cardiff",
    "Tucson", "Bergen", "Porto", "Dhaka", "Halifax", "Adelaide", "Bilbao", "Turin", "Memphis",
)  # fmt: skip
_ADJECTIVES = (
    "new", "proposed", "delayed", "controversial", "regional", "national", "emergency", "annual", "revised",
    "long-term", "temporary", "disputed", "local", "federal", "cross-border", "planned", "costly", "public",
)  # fmt: skip
_NOUNS = (
    "defence budget", "defense agreement", "rail fares", "housing plan", "interest rates", "hospital", "water supply",
    "trade deal", "school funding", "election timetable", "bridge", "tax rise", "pension reform", "flood barrier",
    "port expansion", "bus network", "wind farm", "tram line", "airport runway", "prison building", "museum",
    "fishing quota", "data centre", "power station", "broadband rollout", "steel plant", "vaccine programme",
    "recycling scheme", "court ruling", "police budget", "ferry service", "library closure",
)  # fmt: skip
_VERBS = (
    "announced", "approved", "rejected", "criticised", "criticized", "postponed", "welcomed", "questioned",
    "defended", "outlined", "blocked", "backed", "scrapped", "revived", "funded", "reviewed", "suspended",
    "signed", "challenged", "cancelled", "organised", "organized", "expanded", "halted",
)  # fmt: skip
_WHEN = (
    "on Monday", "on Tuesday", "on Wednesday", "last week", "on 12 March", "in 2023", "next month", "on July 3",
    "earlier this year", "in the first quarter", "yesterday", "two years ago", "by the end of the decade",
    "on Friday", "last month", "in May", "since 2019", "this autumn", "next year", "on 4 November",
)  # fmt: skip
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
    "Nobody was injured, according to the fire service",
    "Shares in the company fell after the announcement",
    "Campaigners have promised to take the case to the High Court",
    "The weather delayed work on the site for several weeks",
)
_HEADINGS = ("What happens next?", "Background", "Reaction", "The numbers", "Why it matters", "Elsewhere")

_TEMPLATES = (
    "{org} {verb} the {topic} {when}, {person} said.",
    "{person}, {role}, told reporters in {place} that the {topic} would be decided {when}.",
    "“We have listened to people across {place} and we will act {when},” said {person}.",
    "“This is not the end of the matter,” {person}, {role}, said in a statement.",
    "{quality}.",
    "{org} said {count} people had been affected and that the {topic} would cost £{money} million.",
    "The figures, published {when}, show a rise of {percent}% on the same period {when2}.",
    "In {place}, {count} residents signed a petition against the {topic}.",
    "{person} is expected to meet officials from {org} in {place} {when}.",
    "Asked about the {topic}, {person} said: “We will publish the details in full.”",
    "{org} has {verb} the {topic}, according to documents seen by reporters.",
    "About {percent}% of those surveyed said the {topic} should be a priority.",
    "The {topic} was first proposed {when2} and has divided opinion in {place} ever since.",
    "{person} said the {topic} would create {count} jobs over {years} years.",
    "Opponents of the {topic} gathered outside the town hall in {place} {when}.",
    "A report by {org} found that the {topic} was running {percent}% over budget.",
    "“It is too early to say,” {person} said when asked whether the {topic} would go ahead.",
    "Work on the {topic} is due to begin {when}, with completion expected in {year}.",
)


def _name(rng: random.Random) -> str:
    surname = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
    return f"{rng.choice(_FIRST_NAMES)} {surname.capitalize()}"


def _organisation(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_BODIES)
    return f"the {rng.choice(_BODY_ADJECTIVES)} {rng.choice(_BODY_NOUNS)}"


class _Story:
    """The cast of one story: its people, organisations, place and subject, kept for its sentences."""

    def __init__(self, rng: random.Random) -> None:
        self.people = [_name(rng) for _ in range(rng.randint(2, 4))]
        self.organisations = [_organisation(rng) for _ in range(2)]
        self.place = rng.choice(_PLACES)
        self.topics = [f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}" for _ in range(2)]

    def sentence(self, rng: random.Random) -> str:
        return rng.choice(_TEMPLATES).format(
            org=rng.choice(self.organisations),
            verb=rng.choice(_VERBS),
            topic=rng.choice(self.topics),
            when=rng.choice(_WHEN),
            when2=rng.choice(_WHEN),
            person=rng.choice(self.people),
            role=rng.choice(_ROLES),
            place=self.place if rng.random() < 0.7 else rng.choice(_PLACES),
            quality=rng.choice(_QUALITIES),
            count=f"{rng.randint(2, 40_000):,}",
            money=rng.randint(2, 900),
            percent=rng.randint(1, 99),
            years=rng.randint(2, 15),
            year=rng.randint(2025, 2040),
        )


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def article(words: int, seed: int = 0) -> str:
    """A news article of about ``words`` words (never fewer), the same for the same arguments.

    A long article is a run of stories of 300 to 900 words, each with its own cast
    and subject under a heading, as in a long report or a live page; a short one is
    a single story under its headline.
    """
    rng = random.Random(f"{words}:{seed}")
    story = _Story(rng)
    headline = _capitalise(f"{story.organisations[0]} {rng.choice(_VERBS)} {story.topics[0]}")
    paragraphs: list[str] = [headline]
    written: list[str] = []
    count = len(headline.split())
    story_left = rng.randint(300, 900)
    while count < words:
        if story_left <= 0:
            story, written = _Story(rng), []
            heading = rng.choice(_HEADINGS) if rng.random() < 0.5 else _capitalise(story.topics[0])
            paragraphs.append(heading)
            count += len(heading.split())
            story_left = rng.randint(300, 900)
        sentences: list[str] = []
        for _ in range(rng.randint(1, 3)):
            if written and rng.random() < 0.02:
                # A passage restated later on, as happens when copy is stitched together.
                sentence = rng.choice(written)
            else:
                sentence = _capitalise(story.sentence(rng))
                written.append(sentence)
            sentences.append(sentence)
            count += len(sentence.split())
            story_left -= len(sentence.split())
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.05:
            heading = rng.choice(_HEADINGS)
            paragraphs.append(heading)
            count += len(heading.split())
    return "\n\n".join(paragraphs) + "\n"


def word_count(text: str) -> int:
    """Words as the benchmarks count them: runs of characters between spaces."""
    return len(text.split())
