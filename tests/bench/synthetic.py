"""Realistic synthetic libraries for benchmarks (and tests that need many articles).

Articles look like news: a headline, a site, a date over some years, 8-30
paragraphs of a few sentences, quotations with offsets that point at real
quotation marks, speakers with aliases, a canonical URL for most (text dumps
have none), a feed for some. Everything is drawn from a seeded RNG, so
article ``i`` of seed ``s`` is the same on every run.

    from tests.bench.synthetic import build_library, synthetic_article
    library = build_library(tmp_path / "lib", 10_000)

or from a shell: ``python tests/bench/synthetic.py DIR COUNT [--seed N]``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `reader` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.library import Library  # noqa: E402
from reader.model import Article, Mention, Paragraph, Quote, Speaker, article_id  # noqa: E402

SITES = [
    ("BBC News", "www.bbc.co.uk"), ("The Guardian", "www.theguardian.com"),
    ("Reuters", "www.reuters.com"), ("Associated Press", "apnews.com"),
    ("The New York Times", "www.nytimes.com"), ("Le Monde", "www.lemonde.fr"),
    ("Der Spiegel", "www.spiegel.de"), ("Al Jazeera", "www.aljazeera.com"),
    ("The Hindu", "www.thehindu.com"), ("ABC News", "www.abc.net.au"),
    ("CBC News", "www.cbc.ca"), ("The Irish Times", "www.irishtimes.com"),
    ("Politico", "www.politico.com"), ("NPR", "www.npr.org"),
    ("Financial Times", "www.ft.com"), ("The Straits Times", "www.straitstimes.com"),
]
FIRST = """James Maria Wei Olga Ahmed Sofia Kwame Hiroshi Elena Mateo Priya Lars Amara
Jean-Luc Fatima Dmitri Grace Tomás Aisha Björn Chloé Nnamdi Ingrid Rafael Mei Zoë""".split()
LAST = """Smith García Chen Ivanova Haddad Rossi Mensah Tanaka Petrova Fernández Sharma
Nilsson Okafor Dubois Rahman Volkov O'Brien Silva Kowalski Müller Nakamura Adeyemi
Johansson Moreau Park Lindqvist""".split()
ROLES = ["minister", "spokeswoman", "spokesman", "professor", "chief executive",
         "senator", "analyst", "police chief", "mayor", "union leader", "economist"]
TOPICS = """budget election storm vaccine strike tariff summit drought merger court
ceasefire election pipeline satellite refinery harbour referendum glacier airline
pension university stadium railway wildfire inflation data privacy""".split()
VERBS = """warns pledges rejects backs delays unveils questions defends cuts approves
blocks probes""".split()
WORDS = """the government said on Tuesday that new plans would be announced after talks
with regional leaders and officials who have been pressing for months over the cost of
living while critics argued the measures came too late for families and businesses in
the north where unemployment has risen sharply since last year according to figures
published by the statistics office a report found that investment fell by almost half
and the opposition called for an inquiry into how contracts were awarded""".split()
CUES = ["said", "told reporters", "added", "warned", "insisted", "wrote", "argued"]


def _sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    if _VOCABULARY:
        words = rng.choices(_VOCABULARY[0], cum_weights=_VOCABULARY[1], k=rng.randint(low, high))
    else:
        words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


_VOCABULARY: list = []  # (words, cumulative weights) once realistic_vocabulary() is called


def realistic_vocabulary(types: int = 40_000, exponent: float = 1.05) -> None:
    """Draw story text from a Zipf-distributed vocabulary of ``types`` words from now on.

    News text follows Zipf's law: a word's frequency falls as a power of its
    rank. The most frequent ranks are the real words of the bundled sample
    articles (``seeds/``), most frequent first; the long tail is made of
    pronounceable invented words, so a rare word is found in few articles,
    as in a real library. Without this call the short WORDS list is used.
    """
    import re
    from collections import Counter
    from itertools import accumulate

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    counts: Counter[str] = Counter()
    for path in seeds.iterdir():
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8", errors="replace"))
        counts.update(w.lower() for w in re.findall(r"[A-Za-z]{2,}", text))
    words = [w for w, _ in counts.most_common()]
    rng = random.Random(7)
    onsets, vowels, codas = "b c d f g h k l m n p r s t v w z br cr dr gr pl st tr".split(), "a e i o u ai ea ou".split(), "n r s t l m nd st ck".split()
    seen = set(words)
    while len(words) < types:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(1, 3)))
        word += rng.choice(codas) if rng.random() < 0.6 else ""
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1 / (rank ** exponent) for rank in range(1, types + 1)]
    _VOCABULARY[:] = [words, list(accumulate(weights))]


def _speakers(rng: random.Random) -> list[Speaker]:
    people = []
    for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5])):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        if all(p.name != name for p in people):
            people.append(Speaker(name, (last, f"the {rng.choice(ROLES)}")))
    return people


def synthetic_article(i: int, seed: int = 0) -> Article:
    """Article number ``i`` of the synthetic corpus ``seed``."""
    rng = random.Random(seed * 1_000_003 + i)
    site, host = rng.choice(SITES)
    topic = rng.choice(TOPICS)
    people = _speakers(rng)
    who = people[0].name if people else f"{rng.choice(ROLES).capitalize()}"
    title = f"{who} {rng.choice(VERBS)} {topic} plan as {rng.choice(TOPICS)} row deepens"
    paragraphs: list[Paragraph] = []
    quotes: list[Quote] = []
    counts = {p.name: 0 for p in people}
    for n in range(rng.randint(8, 30)):
        if n and rng.random() < 0.08:
            paragraphs.append(Paragraph(f"{rng.choice(TOPICS).capitalize()} concerns", "heading"))
            continue
        text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        if people and rng.random() < 0.45:
            speaker = rng.choice(people)
            alias = rng.choice((speaker.name, *speaker.aliases))
            said = _sentence(rng, 5, 16)[:-1]
            cue = rng.choice(CUES)
            lead = f'"{said}," {alias} {cue}. ' if rng.random() < 0.5 else ""
            start = 0
            if not lead:
                lead = f'{alias} {cue}: "{said}." '
                start = lead.index('"')
            end = lead.rindex('"') + 1
            mention_at = lead.index(alias)
            quotes.append(
                Quote(
                    len(paragraphs), start, end, said, speaker.name,
                    Mention(len(paragraphs), mention_at, mention_at + len(alias), alias), cue,
                    group=len(quotes),
                )
            )
            counts[speaker.name] += 1
            text = lead + text
        paragraphs.append(Paragraph(text))
    published = None
    if rng.random() < 0.9:
        published = datetime(2015, 1, 1, tzinfo=timezone.utc) + timedelta(
            minutes=rng.randrange(60 * 24 * 365 * 11)
        )
    url = None
    if rng.random() < 0.85:
        url = f"https://{host}/news/{topic}-{seed}-{i}-{rng.randrange(10**8):08d}"
    speakers = tuple(
        Speaker(p.name, p.aliases, counts[p.name]) for p in people if counts[p.name]
    )
    paras = tuple(paragraphs)
    return Article(
        id=article_id(url, title, paras),
        title=title,
        paragraphs=paras,
        site=site,
        authors=(f"{rng.choice(FIRST)} {rng.choice(LAST)}",) if rng.random() < 0.7 else (),
        published=published,
        url=url,
        source=url or f"/home/reader/saved/{topic}-{i}.txt",
        summary=_sentence(rng) if rng.random() < 0.5 else None,
        feed=f"https://{host}/rss.xml" if rng.random() < 0.3 else None,
        quotes=tuple(quotes),
        speakers=speakers,
    )


def synthetic_articles(count: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    for i in range(start, start + count):
        yield synthetic_article(i, seed)


def build_library(
    path: str | Path,
    count: int,
    *,
    seed: int = 0,
    read: float = 0.3,
    bookmarked: float = 0.05,
    durable: bool = False,
) -> Library:
    """Create (or extend) a library at ``path`` holding ``count`` synthetic articles.

    A fraction of them are marked read and bookmarked. Written without fsync
    unless ``durable``, which makes building big libraries quick.
    """
    library = Library.open(path, durable=durable)
    have = len(library.list())
    if have < count:
        library.add_many(synthetic_articles(count - have, seed, start=have))
    rng = random.Random(seed)
    ids = [e.id for e in library.list(sort="imported")]
    library.set_read_many([i for i in ids if rng.random() < read])
    library.set_bookmarked_many([i for i in ids if rng.random() < bookmarked])
    library.close()
    return Library.open(path)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    library = build_library(args.dir, args.count, seed=args.seed)
    print(f"{args.dir}: {library.counts()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
