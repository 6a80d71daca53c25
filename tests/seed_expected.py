"""What the bundled seed article must give, counted by hand.

The seed (``seeds/000_8c01498c710a7303.txt``, a BBC page from 2006 saved as
plain text) has seven quotations: four by Kim Kye-gwan, two by Christopher
Hill and one by a Chinese foreign ministry spokesperson. Each layer of the
suite (analysis, ingest, library, CLI, app) checks these, so no layer can
lose the quotations without a test failing.
"""

from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_8c01498c710a7303.txt"

KIM = "Kim Kye-gwan"
HILL = "Christopher Hill"
SPOKESPERSON = "Chinese foreign ministry spokesperson"

# (start of the quoted words, speaker), in reading order.
QUOTES = [
    ("equal level", KIM),
    ("very soon", HILL),
    ("relevant parties can have", SPOKESPERSON),
    ("any time", KIM),
    ("We have taken defensive m", KIM),
    ("As we have attained that ", KIM),
    ("get going at some point v", HILL),
]

# Speakers in order of first appearance, with their number of quotations.
SPEAKERS = [(KIM, 4), (HILL, 2), (SPOKESPERSON, 1)]


def quoted_words(text: str) -> str:
    """A quotation's words without the marks around them."""
    return text.strip("\"'“”‘’«» ")


def check_quotes(quotes, speakers) -> None:
    """Assert the seven quotations (model objects or their dicts) and speakers."""
    def field(obj, name):
        return obj[name] if isinstance(obj, dict) else getattr(obj, name)

    got = [(quoted_words(field(q, "text"))[:25], field(q, "speaker")) for q in quotes]
    assert got == [(start[:25], who) for start, who in QUOTES]
    assert [(field(s, "name"), field(s, "quotes")) for s in speakers] == SPEAKERS
