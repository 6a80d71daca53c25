"""Word lists: reporting verbs and their inflections, titles, pronouns.

General English vocabulary, kept as data so the rules in the other modules
stay short. The reporting verbs were chosen from a list of cue lemmas ranked
by how often they introduce quotations in news text.
"""

from __future__ import annotations

# Verbs that report speech on their own ("said", "warned", "tweeted").
_STRONG = """
say tell write add ask tweet note report describe explain state argue respond
declare reply accuse claim conclude promise chant warn pledge suggest insist
point recall remark admit cite vow acknowledge blast boast comment quote shout
speak yell announce answer assert assure joke predict concede criticize
mock repeat sing urge agree complain denounce emphasize lament proclaim allege
demand wonder caution charge estimate exclaim muse quip reiterate stress
testify tout advise affirm confirm contend counter decry observe remind retort
whisper clarify declaim deny disagree disclose dispute inform maintain preach
rave reassert reassure reckon recommend reconfirm restate scoff snap
underscore interject continue post email text message recount begin
cry scream thunder bark beam boom echo confess
interrupt laugh sigh gush chime plead fume
elaborate demur surmise blog retweet implore blurt groan grumble grouse marvel
gasp murmur mutter stammer sneer snarl taunt rant roar bellow hiss chide scold
rebuke opine intone enthuse beg crow brag vent fret wail sob howl volunteer
concur relay posit theorize speculate protest counsel admonish beseech
""".split()

# Verbs that report speech only next to a quotation or a colon.
_WEAK = """
call go read release issue question put use find think believe hope fear
worry accept present persist ensure illustrate demonstrate show see want
refuse praise label defend talk liken dub brand shoot fire press portray blame refer take make send publish know
""".split()

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "sing": ("sings", "sang", "singing", "sung"),
    "go": ("goes", "went", "going", "gone"),
    "read": ("reads", "read", "reading"),
    "put": ("puts", "put", "putting"),
    "find": ("finds", "found", "finding"),
    "think": ("thinks", "thought", "thinking"),
    "show": ("shows", "showed", "showing", "shown"),
    "see": ("sees", "saw", "seeing", "seen"),
    "take": ("takes", "took", "taking", "taken"),
    "make": ("makes", "made", "making"),
    "send": ("sends", "sent", "sending"),
    "know": ("knows", "knew", "knowing", "known"),
    "begin": ("begins", "began", "beginning", "begun"),
    "shoot": ("shoots", "shot", "shooting"),
    "snap": ("snaps", "snapped", "snapping"),
    "quip": ("quips", "quipped", "quipping"),
    "admit": ("admits", "admitted", "admitting"),
    "refer": ("refers", "referred", "referring"),
    "text": ("texts", "texted", "texting"),
    "cry": ("cries", "cried", "crying"),
}

_VOWELS = set("aeiou")


def inflections(lemma: str) -> tuple[str, ...]:
    """The regular -s, -ed and -ing forms of a verb (a small English morphology)."""
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, ing)


# Base forms, which are verbs only after "to", a modal or a plural subject.
BARE_FORMS: frozenset[str] = frozenset(_STRONG + _WEAK) - {"read", "put"}

STRONG_CUES: frozenset[str] = frozenset(f for v in _STRONG for f in inflections(v))
WEAK_CUES: frozenset[str] = frozenset(f for v in _WEAK for f in inflections(v)) - STRONG_CUES

# Words that may sit between a subject and its verb: adverbs ("he later
# said") and auxiliaries ("she had said", "he would add").
ADVERBS = frozenset(
    """also later then again once previously earlier recently simply further
    quickly finally flatly bluntly repeatedly often frequently reportedly
    famously""".split()
)
AUXILIARIES = frozenset("has had have was would will".split())
BEFORE_VERB = ADVERBS | AUXILIARIES

# Courtesy and office titles that precede a name; the value is the gender
# they imply ("" when none).
TITLES: dict[str, str] = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
    "dr": "", "dr.": "", "prof": "", "prof.": "", "professor": "",
    "president": "", "vice": "", "sen": "", "sen.": "", "senator": "",
    "rep": "", "rep.": "", "representative": "", "gov": "", "gov.": "",
    "governor": "", "mayor": "", "gen": "", "gen.": "", "general": "",
    "judge": "", "justice": "", "secretary": "", "minister": "",
    "prime": "", "chancellor": "", "ambassador": "", "envoy": "",
    "chairman": "m", "chairwoman": "f", "chair": "", "speaker": "",
    "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "father": "m", "rev": "", "rev.": "", "reverend": "", "pope": "m",
    "chief": "", "col": "", "col.": "", "lt": "", "lt.": "", "sgt": "",
    "sgt.": "", "capt": "", "capt.": "", "adm": "", "adm.": "",
    "attorney": "", "commissioner": "", "director": "", "officer": "",
    "spokesman": "m", "spokeswoman": "f", "spokesperson": "",
    "candidate": "", "nominee": "", "leader": "", "founder": "",
    "ceo": "", "pastor": "", "coach": "", "detective": "", "sheriff": "",
    "state": "", "sens.": "", "reps.": "", "u.s.": "", "us": "",
    "former": "", "first": "", "madam": "f",
}
# Military, police, religious and civic ranks and offices; they stay in the
# written form of a name ("Captain Ellen Marsh") like "Mr" does.
RANKS: dict[str, str] = {
    "captain": "", "lieutenant": "", "sergeant": "", "colonel": "", "major": "",
    "admiral": "", "commander": "", "commodore": "", "brigadier": "",
    "corporal": "", "marshal": "", "inspector": "", "superintendent": "",
    "constable": "", "trooper": "", "bishop": "", "archbishop": "",
    "cardinal": "", "rabbi": "", "imam": "", "sheikh": "m", "ayatollah": "m",
    "monsignor": "m", "deacon": "", "vicar": "", "chaplain": "",
    "councillor": "", "councilor": "", "councilman": "m", "councilwoman": "f",
    "alderman": "m", "alderwoman": "f", "assemblyman": "m",
    "assemblywoman": "f", "assemblymember": "", "congressman": "m",
    "congresswoman": "f", "deputy": "", "premier": "", "magistrate": "",
    "coroner": "", "duchess": "f", "baron": "m",
    "baroness": "f", "countess": "f", "emir": "m", "sultan": "m",
    "maj": "", "maj.": "", "cmdr": "", "cmdr.": "", "cpl": "", "cpl.": "",
    "insp": "", "insp.": "", "supt": "", "supt.": "", "det": "", "det.": "",
    "cllr": "", "cllr.": "", "fr": "m", "fr.": "m", "brig": "", "brig.": "",
}
TITLES.update(RANKS)

# Titles that are also common surnames or given names ("Jo Major", "Dana
# Duke", "Lee King"): titles only at the head of a name, before another
# capitalised word.
SURNAME_TITLES = frozenset(
    "major bishop cardinal constable marshal deacon baron king chancellor".split()
)

# Titles kept in the written form of a name ("Mr Kim", "Sgt. Dunn").
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss sir dame lord lady dr dr. prof prof. professor madam
    gen gen. general col col. lt lt. sgt sgt. capt capt. adm adm. father rev
    rev. reverend pastor""".split()
) | frozenset(RANKS)

PRONOUNS: dict[str, str] = {
    "he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "it": "n",
}

# Gendered words that refer back to someone; used to guess a person's gender.
GENDER_WORDS: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}

# Lower-case words that can head a descriptive speaker ("a spokesperson").
PERSON_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman official officials source sources
    aide aides adviser advisers advisor strategist analyst expert experts
    spokesmen spokeswomen statement letter report ad announcer narrator
    doctor lawyer attorney professor president senator governor mayor
    candidate nominee voter voters supporter supporters critic critics
    member members leader leaders chairman chairwoman director manager
    operative person man woman officer group campaign
    memo email press secretary minister ministry envoy diplomat
    representative resident residents worker workers protester protesters
    organizer organizers executive chief agent friend neighbor witness
    police website post tweet release editorial article study
    survey poll host anchor moderator reporter author writer historian
    economist scientist researcher student teacher pastor judge prosecutor
    lawmaker lawmakers congressman congresswoman delegate delegates
    veteran mother father wife husband son daughter sister brother""".split()
)

# Nouns for what someone does, written before a name ("campaigner Aled
# Hughes", "Shopkeeper Dev Sharma"); with the person nouns above and the
# agent endings below they mark a role, not a first name.
ROLE_NOUNS = frozenset(
    """campaigner activist shopkeeper stallholder trader owner landlord tenant
    economist analyst scientist artist novelist journalist columnist
    commentator broadcaster presenter singer actor actress musician player
    footballer striker goalkeeper manager trainer farmer fisherman builder
    engineer architect designer nurse surgeon physician dentist vet pilot
    driver cyclist commuter passenger pensioner parent grandmother
    grandfather headteacher headmaster principal lecturer academic
    researcher historian chef baker butcher landlady entrepreneur founder
    boss chief executive chairman councillor organiser organizer volunteer
    paramedic firefighter soldier sailor veteran survivor victim resident
    neighbour neighbor friend colleague mother father teacher student
    lawyer barrister solicitor attorney judge prosecutor official adviser
    advisor spokesman spokeswoman spokesperson strategist pollster expert
    """.split()
)
_ROLE_ENDINGS = ("er", "ist", "or", "ian", "ant")
# Words with those endings that are not agent nouns.
_NOT_ROLES = frozenset(
    """after later water never other under over ever rather whether together
    however another neither either further former latter earlier border
    number major minor prior senior junior interior exterior
    superior inferior labor labour honor honour favor favour humor error
    mirror sector factor floor door motor tower power paper matter
    center centre winter summer silver river corner quarter chapter order
    october november december september christian want grant pleasant
    giant""".split()
)


# Given names with those endings ("Tucker Hale", "Julian Ross").
_NAMES_LIKE_ROLES = frozenset(
    """oliver victor trevor taylor connor conor hunter carter tucker spencer
    parker porter walker tanner sawyer harper piper asher ryder archer
    chester dexter lester sylvester jasper xavier skyler schuyler baxter
    fletcher webster chandler foster palmer heather esther amber jennifer
    christopher alexander peter walter roger tyler homer julian adrian
    damian fabian vivian lillian gillian jillian marian dorian sebastian
    maximilian brian christian bryant hector eleanor igor gregor nestor
    salvador tudor luther sander elmer grover dieter pieter rainer""".split()
)
# Person nouns that also name things, and family words that open names
# ("Mother Jones"): never a role before a name.
_THINGS = frozenset(
    """statement letter report ad memo email press website post tweet release
    editorial article study survey poll campaign group ministry police
    source sources mother father wife husband son daughter sister brother
    friend""".split()
)


def role_strength(word: str) -> int:
    """2 if ``word`` (any case) is a listed role ("Economist"), 1 if it only
    ends like an agent noun ("Campaigner", "Shopkeeper"), else 0. A compound
    of roles with a listed one among them is listed ("Singer-guitarists")."""
    low = word.lower()
    whole = _role(low)
    if whole or "-" not in low:
        return whole
    parts = low.split("-")
    strengths = [_role_or_plural(p) for p in parts]
    return 2 if len(parts) > 1 and all(strengths) and 2 in strengths else 0


def _role_or_plural(low: str) -> int:
    return _role(low) or (_role(low[:-1]) if low.endswith("s") else 0)


def _role(low: str) -> int:
    if low in _NAMES_LIKE_ROLES or low in _THINGS:
        return 0
    if low in ROLE_NOUNS or low in PERSON_NOUNS:
        return 2
    return int(len(low) >= 6 and low.endswith(_ROLE_ENDINGS) and low not in _NOT_ROLES)


# Words that start a descriptive (unnamed) speaker phrase.
DETERMINERS = frozenset("a an the another one two three some several many his her their its".split())

# Capitalised words that are not names when they open a sentence.
NOT_NAMES = frozenset(
    """The A An And But Or So Yet For In On At To Of By With From As If When
    While After Before Since Because Although Though This That These Those
    It He She They We I You His Her Their Our My Your Its There Here What
    Who Why How Where Which Then Now Still Also Even Just Only Not No Yes
    Asked Speaking Meanwhile However According Last Next Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Mr Mrs Ms
    Earlier Later Today Yesterday Tonight Instead Indeed Like Unlike
    Both All Some Many Most Such Each Every Other Another During
    Despite Under Over Through Among Without Within Including Following Given
    Amid Across Against Toward Towards Upon Until Unless Whether Once Whatever
    Whoever Perhaps Maybe Sometimes Often Already Nor Did Does Do Is Are Was
    Were Has Have Had Will Would Can Could Should Must Might Shall Please
    Thank Thanks Sure Well Oh Ok OK Dear Hey Hello Let Look See Read More
    Watch Related Photo Video Image Source Getty Reuters AP Likewise Similarly
    Moreover Furthermore Additionally Again Separately Overall Besides
    Nonetheless Nevertheless Regardless Otherwise Thus Hence Therefore""".split()
)

# The US states, often given names too ("Georgia", "Dakota"): in news text
# a place, never a person's given name nor a pronoun's antecedent.
US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut
    delaware florida georgia hawaii idaho illinois indiana iowa kansas
    kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia wisconsin
    wyoming""".split()
)

# Last words that mark the name of an organisation ("Royal Widget Group",
# "State Department"), by the common nouns that stand for one ("the
# company said"): a description of that kind points back to the latest
# such name in the article.
_COMPANY = "inc inc. corp corp. co co. company group llc ltd ltd. plc holdings partners energy motors airlines".split()
_AGENCY = "department agency administration bureau office ministry service commission".split()
_PRESS = "times post journal news herald tribune gazette daily magazine network telegraph guardian".split()
_BODY = "association foundation institute council committee union party coalition league society".split()
ORGANISATION_WORDS: dict[str, frozenset[str]] = {
    "company": frozenset(_COMPANY),
    "firm": frozenset(_COMPANY),
    "agency": frozenset(_AGENCY),
    "department": frozenset(_AGENCY),
    "ministry": frozenset(_AGENCY),
    "newspaper": frozenset(_PRESS),
    "paper": frozenset(_PRESS),
    "daily": frozenset(_PRESS),
    "network": frozenset(_PRESS),
    "magazine": frozenset(_PRESS),
    "organization": frozenset(_COMPANY + _AGENCY + _BODY),
    "organisation": frozenset(_COMPANY + _AGENCY + _BODY),
    "group": frozenset(_COMPANY + _BODY),
}

# Countries written in one word (and the first word of a few longer names):
# before a name they say where, not who ("the ambassador to Norway Liu Wei").
COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia
    austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium
    belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
    burundi cambodia cameroon canada chile china colombia comoros congo
    croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia
    germany ghana greece grenada guatemala guinea guyana haiti honduras
    hungary iceland india indonesia iran iraq ireland italy jamaica japan
    kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon
    lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia
    moldova monaco mongolia montenegro morocco mozambique myanmar burma
    namibia nauru nepal netherlands nicaragua niger nigeria norway oman
    pakistan palau palestine panama paraguay peru philippines poland portugal
    qatar romania russia rwanda samoa senegal serbia seychelles singapore
    slovakia slovenia somalia spain sudan suriname sweden switzerland syria
    taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan
    tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen
    zambia zimbabwe britain england scotland wales""".split()
)
