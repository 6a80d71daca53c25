"""Given names and the gender they usually signal, from public statistics.

The data (``data/given_names.tsv.gz``, see ``data/README.md``) are the US
Social Security Administration's national baby-name counts, 1880-2017:
every name given to at least 200 babies over those years, with the share
of them that were girls. A name is a hint only: a title ("Mr", "Ms") or a
pronoun the article uses for the person outweighs it. Words the lexicon
knows as something else (titles, months, role nouns, US states: "Judge",
"June", "Baker", "Georgia") are not given names here, whatever the
statistics say.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files

from reader.quotes.lexicon import NOT_NAMES, PERSON_NOUNS, ROLE_NOUNS, TITLES, US_STATES

# A name is taken as male or female when at least this share of the babies
# given it were boys or girls ("Kelly" 85% girls: female; "Jordan": neither).
_GENDERED = 80
_NOT_GIVEN = (
    frozenset(w.lower() for w in NOT_NAMES) | frozenset(TITLES) | PERSON_NOUNS | ROLE_NOUNS | US_STATES
)


@cache
def _shares() -> dict[str, int]:
    """Each given name (lower case) and the percentage of girls given it."""
    raw = files("reader.quotes").joinpath("data", "given_names.tsv.gz").read_bytes()
    out: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        name, _, share = line.partition("\t")
        if name not in _NOT_GIVEN:
            out[name] = int(share)
    return out


def _share(word: str) -> int | None:
    # Written as a name: capitalised letters only ("El" in "El Paso" is a
    # name by the statistics, "el" in "Amr el Sayed" and "Don’t" are not).
    if not (word[:1].isupper() and word.isalpha()):
        return None
    return _shares().get(word.lower())


def is_given_name(word: str) -> bool:
    """Whether ``word``, capitalised, is a given name ("Marisol", "Jordan")."""
    return _share(word) is not None


def first_name_gender(first: str) -> str:
    """'m', 'f' or '' (unknown, or given to boys and girls alike) for a first name."""
    share = _share(first)
    if share is None:
        return ""
    if share >= _GENDERED:
        return "f"
    if share <= 100 - _GENDERED:
        return "m"
    return ""
