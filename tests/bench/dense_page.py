"""Large pages for the import-memory benchmark (run by hand, not part of the suite).

    python tests/bench/dense_page.py DIR [--mb 8]

writes three pages of about ``--mb`` megabytes each into DIR:

* ``dense.html``: an article page whose body is nothing but short quoted
  paragraphs (``<p>"We will look at it again," said Olga Brandt.</p>``),
  the worst case for the quote analysis and for everything it stores;
* ``dense.txt``: the same page as a plain-text dump (what a browser's
  "save as text" gives: a menu, the headline, one paragraph a line);
* ``plain.html``: a page of the same size with long paragraphs of prose
  and no quotation at all.

Sentences, names and verbs are drawn from a seeded RNG, so the pages are
the same on every run; no sentence comes from any corpus.
"""

from __future__ import annotations

import argparse
import html
import random
from pathlib import Path

FIRST = "Olga Kwame Hiroshi Elena Mateo Priya Lars Amara Fatima Dmitri Grace Rafael Ingrid".split()
LAST = "Brandt Mensah Tanaka Petrov Ruiz Raman Holm Okafor Haddad Volkov Finch Serra Lund".split()
VERBS = ["said", "says", "told reporters", "added", "insisted", "warned", "explained"]
WORDS = """we will look at it again the council has not decided yet and nobody
expects the plan to pass before the spring our members want answers about the
budget the roads the schools and the water supply this is not what was promised
people here are tired of waiting for a decision that keeps slipping""".split()


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return words[0].capitalize() + " " + " ".join(words[1:])


def _quoted(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return f'"{_sentence(rng, 4, 10)}," {rng.choice(VERBS)} {name}.'


def _prose(rng: random.Random) -> str:
    return " ".join(_sentence(rng, 10, 24) + "." for _ in range(rng.randint(4, 9)))


def _paragraphs(rng: random.Random, make, size: int, sep: int = 8) -> list[str]:
    """Paragraphs until their text (each with ``sep`` bytes of markup) reaches ``size``."""
    out, total = [], 0
    while total < size:
        out.append(make(rng))
        total += len(out[-1]) + sep
    return out


def _html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | The Valley Courier</title>"
        '<meta property="og:site_name" content="The Valley Courier">'
        '<meta property="article:published_time" content="2024-03-05T09:00:00Z">'
        "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
        f"<article><h1>{title}</h1>\n{body}\n</article>"
        "<footer>© The Valley Courier</footer></body></html>\n"
    )


def write_pages(folder: Path, mb: float = 8, seed: int = 14) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    size = int(mb * 1024 * 1024)
    rng = random.Random(seed)
    dense = _paragraphs(rng, _quoted, size - 2000)
    plain = _paragraphs(random.Random(seed + 1), _prose, size - 2000)
    title = "Residents press the council on the delayed plan"
    paths = {
        "dense.html": folder / "dense.html",
        "dense.txt": folder / "dense.txt",
        "plain.html": folder / "plain.html",
    }
    paths["dense.html"].write_text(_html(title, dense), encoding="utf-8")
    dump = _paragraphs(random.Random(seed), _quoted, size - 2000, sep=2)
    text = "Home\nNews\nSport\n\n" + title + "\n\n" + "\n\n".join(dump) + "\n\n© The Valley Courier\n"
    paths["dense.txt"].write_text(text, encoding="utf-8")
    paths["plain.html"].write_text(_html("A long read on the valley", plain), encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--mb", type=float, default=8)
    args = parser.parse_args()
    for name, path in write_pages(args.folder, args.mb).items():
        print(f"{path}  {path.stat().st_size / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
