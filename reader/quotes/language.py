"""Whether an article is written in English, the one language byline has rules for.

The test is the share of running words that are English function words
("the", "of", "and", ...): about two in five in English news, a few in a
hundred in Portuguese, German or Indonesian, whose own function words
("que", "und", "yang") are counted too and must not outnumber them. Only the first stretch of the article is read,
so the cost stays bounded.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    """the of and to in is that for it was on with as he she his her they at by
    from this be are have has had not but which will would were been who their
    an or its we you said says there than when what after about into also
    can could should them him more one out up new over just""".split()
)
# The commonest function words of other languages written in Latin letters
# (Spanish, Portuguese, French, Italian, German, Dutch, Indonesian), none
# of them an English word.
_OTHER_WORDS = frozenset(
    """el la los las del que por para una con se es lo como más pero sus
    não uma os dos em um ao pela pelo são também
    le les des du est une pour dans qui pas sur au avec sont ce cette
    il di che per non si è della gli sono ha nel alla anche
    der die und den das ist mit von zu sich auf dem nicht ein eine auch für
    het een van en op zijn niet voor dat te met
    yang dan ini itu dengan untuk dari tidak akan pada juga""".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_READ = 6_000  # characters looked at
_MIN_WORDS = 40  # fewer words than this: too little to tell, taken as English
_SHARE = 0.05  # English news runs at 0.35-0.45, lists and recipes near 0.1


def english(texts) -> bool:
    """Whether the text, given as a sequence of strings, reads as English."""
    words = hits = other = 0
    left = _READ
    for text in texts:
        found = _WORD.findall(text[:left].lower())
        words += len(found)
        hits += sum(map(_FUNCTION_WORDS.__contains__, found))
        other += sum(map(_OTHER_WORDS.__contains__, found))
        left -= len(text)
        if left <= 0:
            break
    return words < _MIN_WORDS or (hits >= _SHARE * words and hits > other)
