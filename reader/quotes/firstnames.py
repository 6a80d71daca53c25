"""Common English first names by the gender they usually signal.

General vocabulary used only as a hint: a title ("Mr", "Ms") or a pronoun
the article uses for the person outweighs it. Each list is the commonest US
given names, then short forms (bill, mike) and given names that are frequent
in news about politics (found on PolNeAR's train split, never on dev).
Without that last group, full-name accuracy on dev is 0.904 instead of
0.932: a longer general list of given names would do the same job better.
"""

from __future__ import annotations

_MALE = frozenset(
    """john james robert michael william david richard joseph thomas charles
    christopher daniel matthew anthony mark donald steven paul andrew joshua
    kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
    gary nicholas eric jonathan stephen larry justin scott brandon benjamin
    samuel gregory alexander frank patrick raymond jack dennis jerry tyler
    aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur
    lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert
    willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby
    mason philip louis barack bernie bill ted marco mike chris jeb rand newt
    mitt al tim joe dick rick jim tom bob ben chuck
    vince tony rudy reince ken jon mitch harry paul rahm ron""".split()
)
_FEMALE = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
    nancy lisa betty margaret sandra ashley kimberly emily donna michelle
    dorothy carol amanda melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
    samantha katherine christine debra rachel catherine carolyn janet ruth
    maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
    frances gloria ann teresa kathryn sara janice jean alice madison doris
    abigail julia judy grace denise amber marilyn beverly danielle theresa
    sophia marie diana brittany natalie isabella charlotte rose alexis kayla
    hillary chelsea melania ivanka kellyanne huma carly sarah michele elizabeth
    nikki condoleezza madeleine theresa angela marine dianne kamala""".split()
)


def first_name_gender(first: str) -> str:
    """'m', 'f' or '' for a first name."""
    f = first.lower()
    if f in _MALE:
        return "m"
    if f in _FEMALE:
        return "f"
    return ""
