"""The seed article's body as paragraphs (the 15 paragraphs and one heading)."""

SEED_BODY = [
    "Senior North Korean and US negotiators are meeting in Beijing as part of a push to revive the stalled six-party talks on Pyongyang's nuclear programme.",
    "The envoys of all the other parties to the talks except Russia are also in the Chinese capital for the meetings.",
    'North Korea\'s envoy Kim Kye-gwan said his country was ready for talks, which he said would be on an "equal level" following its 9 October nuclear test.',
    'US envoy Christopher Hill said he expects talks to restart "very soon".',
    "Mr Hill met Kim Kye-gwan earlier on Tuesday. Both men are also meeting separately with diplomats from South Korea, Japan and China.",
    'Beijing hopes the "relevant parties can have an in-depth exchange of ideas in order to promote the early resumption of talks," a Chinese foreign ministry spokesperson said.',
    ("'Defensive measures'", "heading"),
    'Mr Kim, upon arrival in Beijing, said North Korea was ready to start talks at "any time".',
    '"We have taken defensive measures against sanctions imposed on us, through the nuclear experiment," he told reporters.',
    '"As we have attained that position, we can now have discussions on an equal level."',
    "But Mr Kim admitted there were differences with the US that still needed to be narrowed.",
    'Mr Hill told reporters when he arrived in Beijing on Monday that he expected the multi-party talks to "get going at some point very soon".',
    "North Korea's nuclear test on 9 October triggered international alarm and condemnation, and prompted the UN to impose financial and arms sanctions.",
    "But at the end of last month, Pyongyang agreed to restart six-party talks at an informal meeting between Mr Hill and Mr Kim in Beijing.",
    "The talks - which are ultimately aimed at halting North Korea's nuclear ambitions - stalled a year ago after Pyongyang pulled out in protest at US financial sanctions imposed upon it.",
    "While the resumption of talks has been welcomed by all parties to the talks, Japan warned at the time that they were conditional on North Korea giving up its nuclear weapons.",
]
