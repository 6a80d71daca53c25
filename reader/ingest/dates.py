"""Finding and reading dates: ISO stamps from metadata, datelines from text.

Every result is an aware datetime; a date with no zone is taken as UTC.
Zone names resolve through zoneinfo, so "ET" in July is -04:00.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = (
    r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<zone>(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?|[a-z]{1,4}t|z|[+-]\d\d:?\d\d))?"
)
_DATES = (
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    # 11/19/19, 19/11/2019 (slashes: month first unless it cannot be), 19.11.2019
    re.compile(r"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)\b"),
)
_TIME_RE = re.compile(rf"(?<![\d:]){_TIME}(?![\d:])", re.IGNORECASE)
_ZONES = {
    "gmt": "UTC", "utc": "UTC", "z": "UTC", "bst": "Europe/London", "ist": "Asia/Kolkata",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "eet": "Europe/Athens",
    "eest": "Europe/Athens", "wet": "Europe/Lisbon", "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney", "jst": "Asia/Tokyo", "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
}
_WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
_US = {"e": "America/New_York", "c": "America/Chicago", "m": "America/Denver",
       "p": "America/Los_Angeles"}


def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 (or RFC 2822) stamp from metadata, as an aware datetime."""
    value = value.strip()
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return find_date(value)
    return _plausible(_aware(stamp))


# Placeholders that content systems write for "no date": the year 1, the Unix epoch.
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _plausible(stamp: datetime) -> datetime | None:
    """The stamp, unless it is a placeholder or years away from now."""
    if stamp.year < 1800 or stamp == _EPOCH:
        return None
    if stamp > datetime.now(timezone.utc) + timedelta(days=366):
        return None
    return stamp


def find_dateline(text: str, max_other_words: int = 5) -> datetime | None:
    """The date of a dateline: a line that is mostly a date ("Updated: 28 May 2006").

    Lines where the date is a detail of a longer phrase (a photo caption "X in
    Beijing on 28 November 2006") do not count.
    """
    found = _find(text)
    if found is None:
        return None
    stamp, _ = found
    # Every date and time on the line goes ("Published 2 May 2020 9:15 am |
    # Updated 3 May 2020 10:00 am"), and the words that name them.
    rest = _TIME_RE.sub(" ", text)
    for pattern in _DATES:
        rest = pattern.sub(" ", rest)
    words = [
        w for w in re.findall(r"[^\W\d_]+", rest)
        if w.lower()[:3] not in _WEEKDAYS and w.lower() not in _DATE_WORDS
    ]
    return stamp if len(words) <= max_other_words else None


_DATE_WORDS = frozenset(
    "published updated posted last modified at on am pm".split()
)
_CLOCK = re.compile(r"(?<![\d:])[0-2]?\d[:.][0-5]\d(?![\d:])")
_RELATIVE = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b", re.IGNORECASE)


def find_stamp(text: str) -> bool:
    """Whether ``text`` holds a date with a clock time, or a relative time ("2 days ago")."""
    if not _DIGIT.search(text):  # both need a number: most lines go here
        return False
    if _RELATIVE.search(text):
        return True
    return bool(_CLOCK.search(text)) and _find(text) is not None


def find_date(text: str) -> datetime | None:
    """The first date written out in ``text`` (with its time and zone, if given)."""
    found = _find(text)
    return found[0] if found else None


_DIGIT = re.compile(r"\d")


def _find(text: str) -> tuple[datetime, list[tuple[int, int]]] | None:
    if not _DIGIT.search(text):  # every form has a number: most lines go here
        return None
    for pattern in _DATES:
        match = pattern.search(text)
        if match:
            break
    else:
        return None
    spans = [match.span()]
    parts = match.groupdict()
    if parts.get("a"):
        a, b = int(parts["a"]), int(parts["b"])
        month_first = (parts["sep"] == "/" and a <= 12) or b > 12
        parts["mnum"], parts["day"] = (a, b) if month_first else (b, a)
        if len(parts["year"]) == 2:
            parts["year"] = "20" + parts["year"]
    month = MONTHS.get(parts["month"][:3].lower()) if parts.get("month") else int(parts["mnum"])
    try:
        day = datetime(int(parts["year"]), month, int(parts["day"]))
    except (ValueError, TypeError):
        return None
    # The time may come before the date ("Updated 1:39 am EST, Wednesday, ...")
    # or after it ("28 November 2006, 10:45 GMT"); take the nearest.
    times = list(_TIME_RE.finditer(text))
    if not times:
        return day.replace(tzinfo=timezone.utc), spans
    best = min(times, key=lambda t: min(abs(t.start() - match.end()), abs(match.start() - t.end())))
    spans.append(best.span())
    return _with_time(day, best.groupdict()), spans


def _with_time(day: datetime, parts: dict) -> datetime:
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return day.replace(tzinfo=timezone.utc)
    stamp = day.replace(hour=hour, minute=minute, second=int(parts.get("second") or 0))
    stamp = stamp.replace(tzinfo=_zone(parts.get("zone"), stamp))
    return stamp.astimezone(timezone(stamp.utcoffset() or timedelta(0)))


def _zone(name: str | None, stamp: datetime):
    if not name:
        return timezone.utc
    name = name.lower().replace(" ", "")
    offset = re.fullmatch(r"(?:gmt|utc)?([+-])(\d{1,2}):?(\d\d)?", name)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return timezone(sign * delta)
    key = _ZONES.get(name)
    if key is None and len(name) in (2, 3) and name[0] in _US and name.endswith("t"):
        key = _US[name[0]]  # ET, EST, EDT, PT, PST ...
    if key is None:
        return timezone.utc
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(key)
    except Exception:  # no tz database on this system
        return timezone.utc


def _aware(stamp: datetime) -> datetime:
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
