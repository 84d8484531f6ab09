"""Counts per an occasion whose length or frequency the message states, read as rates a day:

- a period it defines: "2 essays per term (a term is 10 weeks)" is 2 / 70 a day;
- a session, a game night, a stream and how often it happens: "30 times a session ... we play once a
  week" is 30 / 7, "30 lines a session (one session a day is typical)" is 30, "100 messages on game
  night, once a week" is 100 / 7, "200 a night, 3 nights a week" is 200 x 3 / 7;
- hours at a time and how often, for a rate per hour: "I stream ~3 hours, 4 nights a week" is 12/7
  hours a day;
- a daily rate said only of some days of the week: "100 prompts per day on saturday and sunday" is
  100 x 2 / 7. A working week (five days or more, or "weekdays") stays a day's rate, as "per working
  day" is read everywhere else.

Each rate carries the words that give its length or frequency, for the evidence. The members who each
have such a rate are counted by the population readers (extract_volume, volume_members). Pure; digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.advisor.rules.digit_groups import written_number
from catalog.requirements import DAYS_PER_MONTH

_ABOUT = r"(?:(?:about|around|roughly|approx\.?|approximately|maybe|typically|usually|like|some|up\s+to|~)\s*)*"
_DAYS = {"day": 1.0, "night": 1.0, "week": 7.0, "month": DAYS_PER_MONTH, "year": 365.0}
_TIMES = {"once": 1, "twice": 2, "thrice": 3}


@dataclass(frozen=True)
class Occasion:
    start: int
    end: int
    per_day: float
    note: str  # the words that give the occasion's length or frequency: "a term is 10 weeks", "once a week"


# "A semester here is about 4 months", "(a term is 10 weeks)", "each sprint lasts 2 weeks"
_DEFINED = re.compile(r"\b(?:a|one|1|each|our|the)\s+(?P<name>semester|trimester|term|season|sprint|cycle|release|"
                      r"campaign|rotation|school\s+year|academic\s+year|tax\s+season|pay\s+period|billing\s+period)"
                      r"\s+(?:here\s+)?(?:is|lasts|runs|takes)\s+"
                      + _ABOUT + r"(?P<n>\d+(?:\.\d+)?)\s+(?P<unit>days?|weeks?|months?)\b", re.IGNORECASE)  # fmt: skip
# A count per the named occasion: "12,000 essays per semester", "30 times a session", "100 messages on game night"
_PER_NAMED = (r"(?<![$€£\d.,])(?P<v>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand)?\s+(?:[\w-]+\s+){0,4}?"
              r"(?:per|a|an|each|every|on|in\s+(?:a|an|each|every|one)|during\s+(?:a|an|each|every|the|one))\s+"
              r"(?:[\w-]+\s+)?NAME\b")  # fmt: skip
_SESSIONS = r"session|game|meeting|class|lesson|stream|match|episode|event|night|evening|raid|party|show|round"
_SESSION_COUNT = re.compile(_PER_NAMED.replace("NAME", rf"(?P<name>{_SESSIONS})"), re.IGNORECASE)
# "~3,000 per consultation and there's about one consultation a month": any rare occasion, named again
_ANY_NAME = r"(?P<name>[a-z][a-z-]*[a-z])"
_PER_ANY = re.compile(_PER_NAMED.replace("|on|in", "|in").replace(r"(?:[\w-]+\s+)?NAME", r"(?:[\w-]+\s+)??NAME")
                      .replace("NAME", _ANY_NAME), re.IGNORECASE)  # fmt: skip
# "Each webinar gets ~400 questions": what people send at it ("each release has 300 commits" is its parts)
_EACH_GETS = re.compile(r"\b(?:each|every)\s+(?:[a-z-]+\s+)??" + _ANY_NAME
                        + r"\s+(?:gets|brings|sees|draws|generates|sends|asks|makes|fires\s+off)\s+"
                        + _ABOUT
                        + r"(?P<v>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand)?\s+(?:[\w-]+\s+)?(?:questions|messages|"
                        r"requests|queries|prompts|calls|chats|submissions|comments|entries|applications)\b",
                        re.IGNORECASE)  # fmt: skip
_NOT_OCCASIONS = {"day", "night", "week", "month", "year", "hour", "minute", "second", "shift", "quarter", "time",
                  "weekday", "workday", "request", "call", "message", "question", "query", "prompt", "turn", "step",
                  "user", "person", "head", "member", "employee", "customer", "student", "agent"}  # fmt: skip
# How often: "once a week", "3 times a month", "every Friday"
_HOW_OFTEN = re.compile(r"\b(?:(?P<word>once|twice|thrice)|(?P<k>\d+)\s+times)\s+(?:a|per|each|every)\s+"
                        r"(?P<period>day|week|month)\b|\bevery\s+(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                        re.IGNORECASE)  # fmt: skip
# How often that very occasion happens: "4 nights a week", "one session a day", "2 classes per week"
# "two semesters a year": a small count in words too
_FEW = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NAMED_OFTEN = (r"(?<![\d.,])(?:(?P<k>\d+(?:\.\d+)?|two|three|four|five|six)|(?P<one>a|an|one))\s+"
                r"(?:(?!(?:hundred|thousand|million|billion|k|m)\b)[\w-]+\s+)?"
                r"NAME(?:e?s)?\s+(?:a|per|each|every)\s+(?P<period>day|week|month|year)\b")


def _value(match: re.Match[str]) -> float:
    return written_number(match.group("v"), scaled=bool(match.group("s"))) * (1e3 if match.group("s") else 1.0)


def _times(named: re.Match[str]) -> float:
    said = (named.group("k") or "1").lower()
    return float(_FEW.get(said, 0) or said)


def _defined(text: str) -> list[Occasion]:
    found = []
    for defined in _DEFINED.finditer(text):
        days = float(defined.group("n")) * _DAYS[defined.group("unit").lower().rstrip("s")]
        name = r"\s+".join(defined.group("name").split())
        for count in re.finditer(_PER_NAMED.replace("NAME", name), text, re.IGNORECASE):
            if days > 0:
                found.append(Occasion(count.start(), count.end(), _value(count) / days, defined.group(0)))
    return found


def _how_often(text: str, name: str) -> tuple[float, str] | None:
    """(occasions a day, the words): the occasion's own frequency first, else a bare one ("once a week")."""
    named = re.search(_NAMED_OFTEN.replace("NAME", re.escape(name)), text, re.IGNORECASE)
    if named:
        return _times(named) / _DAYS[named.group("period").lower()], named.group(0)
    often = _HOW_OFTEN.search(text)
    if often is None:
        return None
    if often.group("weekday"):
        return 1 / 7, often.group(0)
    times = _TIMES.get((often.group("word") or "").lower()) or float(often.group("k"))
    return times / _DAYS[often.group("period").lower()], often.group(0)


def _named_often(text: str, name: str) -> tuple[float, str] | None:
    """How often an occasion of any name happens, when it is rare: "about one consultation a month"; a
    thing that comes many times a day ("200 tickets a day") is work, not an occasion."""
    if name in _NOT_OCCASIONS or name.endswith("s"):
        return None
    named = re.search(_NAMED_OFTEN.replace("NAME", re.escape(name)), text, re.IGNORECASE)
    if named is None:
        return None
    per_day = _times(named) / _DAYS[named.group("period").lower()]
    return (per_day, named.group(0)) if per_day <= 3 else None


# A weekday's rate and a weekend day's: "1,800 emails on a weekday and maybe 300 on each weekend day".
_COUNT = r"(?<![\d.,])(?P<VALUE>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<SCALE>k|thousand)?\s+(?:[\w-]+\s+){0,2}?"
_ON = r"(?:on|per|a|an|each|every)\s+(?:(?:each|every|a|an|the)\s+)?"
_WEEK_SPLIT = re.compile(
    _COUNT.replace("VALUE", "v").replace("SCALE", "s") + _ON
    + r"(?:weekdays?|working\s+days?|work\s*days?|business\s+days?)\b[^.;!?\d]{0,40}?"
    + _COUNT.replace("VALUE", "w").replace("SCALE", "t") + _ON
    + r"(?:weekend\s+days?|weekends?|day\s+(?:of|on|at)\s+(?:the\s+)?weekends?|saturdays?\s+(?:and|or|&)\s+sundays?)\b",
    re.IGNORECASE,
)


def _week_split(text: str) -> list[Occasion]:
    """A weekday's and a weekend day's rates, as their average over the week's seven days."""
    found = []
    for match in _WEEK_SPLIT.finditer(text):
        weekday = _value(match)
        weekend = written_number(match.group("w"), scaled=bool(match.group("t"))) * (1e3 if match.group("t") else 1.0)
        per_day = (5 * weekday + 2 * weekend) / 7
        note = f"5 weekdays x {weekday:,.0f} + 2 weekend days x {weekend:,.0f}, over 7 = {per_day:,.0f} a day"
        found.append(Occasion(match.start(), match.end(), per_day, note))
    return found


def occasion_rates(text: str) -> list[Occasion]:
    """Every count per a defined period, per a session whose frequency is said, or per a rare occasion
    of another name whose own frequency is said; a weekday's rate beside a weekend day's."""
    found = _defined(text) + _week_split(text)
    known: dict[tuple[bool, str], tuple[float, str] | None] = {}  # each name's frequency, read once
    for count in [*_SESSION_COUNT.finditer(text), *_PER_ANY.finditer(text), *_EACH_GETS.finditer(text)]:
        if any(o.start <= count.start() < o.end for o in found):
            continue
        name = count.group("name").lower()
        session = count.re is _SESSION_COUNT or re.fullmatch(_SESSIONS, name, re.IGNORECASE) is not None
        if (session, name) not in known:
            known[session, name] = _how_often(text, name) if session else _named_often(text, name)
        often = known[session, name]
        if often and often[1] not in count.group(0):
            found.append(Occasion(count.start(), count.end(), _value(count) * often[0], often[1]))
    return sorted(found, key=lambda o: o.start)


# Hours at a time and how often: "I stream ~3 hours, 4 nights a week", "twice a week for about 2 hours".
_OCCASIONS = r"(?:(?P<kK>\d+)\s+(?:[a-z]+\s+)?(?:nights|days|evenings|mornings|times|sessions|streams|games|shifts)|" \
             r"(?P<wordK>once|twice|thrice))\s+(?:a|per|each|every)\s+(?P<periodK>week|month)\b"
_SPAN = r"(?P<hK>\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b"
HOURS_AT_A_TIME = re.compile(
    _SPAN.replace("K", "1")
    + r"(?:\s+at\s+a\s+time|\s+(?:a|per|each)\s+(?:night|session|stream|evening|game|time|day))?\s*,?\s*"
    r"(?:and\s+|on\s+)?" + _OCCASIONS.replace("K", "1") + "|"
    + _OCCASIONS.replace("K", "2") + r"\s*,?\s*(?:for\s+)?" + _ABOUT + _SPAN.replace("K", "2"),
    re.IGNORECASE,
)


def hours_at_a_time(text: str) -> tuple[float, str] | None:
    """(hours a day, the words) from hours at a time and how often: "3 hours, 4 nights a week" is 12/7;
    five times a week or more is a working week, so every one of those days counts as a day."""
    match = HOURS_AT_A_TIME.search(text)
    if match is None:
        return None
    k = "1" if match.group("h1") else "2"
    times = _TIMES.get((match.group(f"word{k}") or "").lower()) or float(match.group(f"k{k}"))
    days = _DAYS[match.group(f"period{k}").lower()]
    if days == 7 and times >= 5:
        times = days = 1.0  # "3 hours a night, 5 nights a week": a working week's days are days
    hours = float(match.group(f"h{k}")) * times / days
    if days == 1:
        return (hours, match.group(0)) if 0 < hours < 24 else None
    return (hours, f"{match.group(0)} = {hours:.3g} hours a day") if 0 < hours < 24 else None


_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?"
# "on saturday and sunday", "on Tuesdays and Thursdays", "weekends only", "only 3 days a week"
_SOME_DAYS = re.compile(
    r"\s*,?\s*(?:but\s+)?(?:only\s+)?(?:(?:on|at|over)\s+(?:the\s+)?)?(?:(?P<weekend>weekends?)|"
    r"(?P<days>" + _WEEKDAY + r"(?:\s*(?:,|and|&|or|\+|/)\s*" + _WEEKDAY + r")*))\b(?:\s+only)?|"
    r"\s*,?\s*(?:but\s+)?(?:only\s+)?(?P<n>[1-4])\s+days?\s+(?:a|per|each)\s+week\b",
    re.IGNORECASE,
)
_A_DAY = re.compile(r"\b(?:a|per|each|every|/)\s*day\b|\bdaily\b", re.IGNORECASE)


def days_a_week(text: str, volume_words: str) -> tuple[float, str] | None:
    """(days a week, the words) when a daily volume is said of fewer than five days of the week."""
    at = text.find(volume_words) if volume_words else -1
    if at < 0 or not _A_DAY.search(volume_words):
        return None
    said = _SOME_DAYS.match(text, at + len(volume_words))
    if said is None:
        return None
    if said.group("weekend"):
        days = 2
    elif said.group("days"):
        days = len(re.findall(_WEEKDAY, said.group("days"), re.IGNORECASE))
    else:
        days = int(said.group("n"))
    return (float(days), said.group(0).strip(" ,")) if 0 < days < 5 else None
