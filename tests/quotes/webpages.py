"""Invented web pages, each holding words that look like speakers and are not.

Every page is what ``reader.ingest`` makes of a saved article: a headline
(a heading) and paragraphs. ``speakers`` is the whole list of people and
bodies who speak on the page, checked by hand; ``not_speakers`` names the
traps (sentence openers, contractions, fragments, names cut out of longer
proper nouns, possessives, offices glued to names, documents standing for
their issuer). The sentences and names are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Paragraph


@dataclass(frozen=True)
class Page:
    name: str
    paragraphs: tuple[Paragraph, ...]
    speakers: frozenset[str]  # every speaker byline may name (each form it may take)
    not_speakers: frozenset[str]
    quotes: int | None  # quotations byline should mark (None: any number)


def _page(name, heading, body, speakers, not_speakers, quotes) -> Page:
    paragraphs = (Paragraph(heading, "heading"),) + tuple(Paragraph(t) for t in body)
    return Page(name, paragraphs, frozenset(speakers), frozenset(not_speakers), quotes)


PAGES = (
    _page(
        "openers and contractions",
        "Trail guide: what to pack for the high passes",
        [
            "By Lena Hartwig",
            "You’re told to wait at the ranger station: “Stay in line and keep your permit.”",
            "That’s the first rule: “Nobody walks the ridge alone.”",
            "Quick tip: “Always carry more water than you think.”",
            "Another worry: “The old rope bridge may not hold.”",
            "One thing is clear: “The pass closes in October.”",
            "“We rescue about forty hikers a season,” said Pavel Ostrow, the chief ranger.",
            "Here’s what he adds: “Most of them ignored the weather.”",
        ],
        {"Pavel Ostrow"},
        {"You’re", "That’s", "Quick", "Another", "One", "Here’s", "You", "That"},
        7,
    ),
    _page(
        "fragments",
        "Council treasurer resigns over missing funds",
        [
            "Treasurer Dana Ortiz allegedly told investigators, “I never saw the money.”",
            "Ortiz allegedly kept two sets of books, according to the audit.",
            "Brooke Vance tearfully asked the council, “Can I keep my job?”",
            "Vance still says the audit is “a misunderstanding about dates.”",
            "“The accounts will be published in full,” Mayor Ilse Brandt said.",
            "Another clerk who worked with her said: “She was always careful.”",
        ],
        {"Dana Ortiz", "Brooke Vance", "Ilse Brandt", "clerk", "Another clerk"},
        {"Ortiz allegedly", "Dana Ortiz allegedly", "Brooke Vance tearfully", "Vance still",
         "Another clerk who", "Another clerk who worked with her", "Treasurer Dana Ortiz"},
        5,
    ),
    _page(
        "longer proper nouns",
        "Launch slips a day as storms close in",
        [
            "“We will be ready when the weather is,” the White House said on Tuesday.",
            "“The launch window opens at 6:14 a.m.,” Kennedy Space Center said in a statement.",
            "“Crews are safe and the pad is secured,” the US Embassy in Lisbon said.",
            "“Our forecasters see a break on Thursday,” said Tomas Renner of the Northfield Weather Institute.",
            "Renner added: “Nothing is certain at sea.”",
        ],
        {"White House", "Kennedy Space Center", "US Embassy", "Tomas Renner"},
        {"House", "Kennedy Space", "Kennedy", "Space Center", "Embassy", "Center", "Institute"},
        5,
    ),
    _page(
        "possessives and offices",
        "Prosecutors drop case against harbour pilot",
        [
            "“No comment,” Jane Roe’s lawyer said outside the court.",
            "Jane Roe’s family said in a statement: “We always knew she was innocent.”",
            "Public Prosecution Anna Berg said, “The evidence does not support a trial.”",
            "“We have a deal,” said the ambassador to Norway Liu Xiaming.",
            "“The talks went well,” said the special envoy to Sweden Kurt Volkmann.",
            "Berg later told reporters: “The file is closed.”",
        ],
        {"Jane Roe’s lawyer", "Jane Roe’s family", "Anna Berg", "Liu Xiaming", "Kurt Volkmann"},
        {"Jane Roe’s", "Jane Roe", "Roe’s", "Public Prosecution Anna Berg", "Public Prosecution",
         "Norway Liu Xiaming", "Sweden Kurt Volkmann"},
        6,
    ),
    _page(
        "documents and their issuers",
        "Rail operator apologises for weekend chaos",
        [
            "“We regret the delays,” Norrland Rail said in a statement.",
            "A statement from the Transport Ministry said: “An inquiry will follow.”",
            "“The roads are closed until further notice,” according to an email from the city of Vik.",
            "In an email, Mayor Karin Solberg wrote: “Stay home tonight.”",
            "“Our members were not consulted,” the union said in an email to staff.",
        ],
        {"Norrland Rail", "Transport Ministry", "Vik", "city of Vik", "Karin Solberg", "union"},
        {"statement", "email", "a statement", "an email", "email from the city of Vik",
         "statement from the Transport Ministry"},
        5,
    ),
)

PAGES += (
    _page(
        "offices written with their name",
        "Fishing quotas cut again as stocks fall",
        [
            "Minister of Fisheries Odile Marchetti said the new quotas “leave room for the small boats.”",
            "The Northern Sea High Commissioner for Fisheries said the cut was “late but necessary.”",
            "“Prices will rise by spring,” said Tobias Lindqvist, Head of Market Research at Havbruk.",
            "“Nobody can plan a season like this,” he said.",
            "Chief of Staff Greta Halvorsen told reporters: “The minister will visit the ports.”",
            "Singer-songwriters Mara Quist and Ola Brenn will play at the harbour on Friday.",
            "“We grew up on these boats,” Quist said.",
        ],
        {"Odile Marchetti", "Tobias Lindqvist", "Greta Halvorsen", "Mara Quist",
         "Northern Sea High Commissioner for Fisheries"},
        {"Minister of Fisheries Odile Marchetti", "Fisheries Odile Marchetti", "Sea High Commissioner",
         "High Commissioner", "Market Research", "Head", "Chief of Staff Greta Halvorsen",
         "Staff Greta Halvorsen", "Singer-songwriters Mara Quist"},
        6,
    ),
    _page(
        "participles far from their subject",
        "Seaside town bets on a cheeky tourism campaign",
        [
            "One poster shows a row of pensioners on deckchairs chanting “Wish you were here.”",
            "Geysers like the ones near the harbour delight visitors, because they keep sending "
            "“a warm welcome” into the cold air.",
            "Mayor Ruth Okafor defended the posters on Monday, saying “People are talking about us.”",
        ],
        {"Ruth Okafor", "One poster"},
        {"One", "Geysers"},
        3,
    ),
)

# A page in a language byline has no rules for: quotations may be marked,
# but no speaker may be invented from its words.
FOREIGN = (
    _page(
        "Portuguese",
        "Escolas testam novo método de leitura",
        [
            "No Brasil isso não é muito comum. Quando você fala sobre fluência de leitura, "
            "o professor diz que “a criança precisa ouvir o texto em voz alta”.",
            "“Os alunos gostam muito”, disse Marta Souza, diretora da escola. "
            "Segundo ela, os resultados aparecem depois de um mês.",
            "Para os pais, a mudança é bem-vinda: “Agora meu filho lê todas as noites”, "
            "conta Ana, mãe de um aluno do terceiro ano.",
        ],
        set(),
        {"Quando", "Segundo", "Para", "Agora", "Ana", "Marta Souza", "No Brasil"},
        None,
    ),
    _page(
        "Indonesian",
        "Warga diminta tetap di rumah saat banjir",
        [
            "Hujan deras turun sejak pagi dan air mulai masuk ke rumah warga. "
            "Petugas mengatakan, “Kami akan membuka posko di balai desa.”",
            "Menurut kepala desa, “Semua warga harus siap mengungsi jika air naik lagi.”",
            "Dia juga mengatakan bahwa bantuan sudah dikirim dari kota.",
        ],
        set(),
        {"Petugas", "Menurut", "Dia", "Semua"},
        None,
    ),
)
