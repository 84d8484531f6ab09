"""Requests a day as a nested product whose units cancel: "12 warehouses, each with about 30 pickers.
Each picker snaps 5 photos per shift and we run two shifts a day" is warehouses x pickers/warehouse x
photos/(picker shift) x shifts/day. Every figure is a stated fact "N Ys (per X) (a period)"; a chain that
leaves a unit unresolved gives nothing rather than a guess. Pure; reads text with numbers as digits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.negation import negated
from agent.advisor.rules.number_words import share_before
from agent.advisor.rules.people import OWN_PEOPLE, PEOPLE
from agent.advisor.rules.volume_devices import one_device_each
from agent.advisor.rules.volume_occasions import HOURS_AT_A_TIME
from agent.advisor.rules.volume_same import restates
from catalog.requirements import DAYS_PER_MONTH

_NUM = r"(?<![$€£\d.,])(\d+(?:[.,]\d+)*)(?:\s?(k|thousand|m|million)\b)?"
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}
_APPROX = r"(?:(?:about|around|roughly|approx\.?|approximately|maybe|some|up to|~)\s*)*"
_REACH, _WINDOW = 200, 12  # characters back to a clause's start; facts either side of a chain's work
_TIME_PER_DAY = {"day": 1.0, "night": 1.0, "weekday": 1.0, "workday": 1.0, "week": 1 / 7, "month": 1 / DAYS_PER_MONTH,
                 "quarter": 1 / 90, "year": 1 / 365}
# A quantity: "30 pickers", "5 photos of damaged packages per shift", "~40 orders an hour", "2 shifts a day".
_QUANTITY_WORDS = (
    r"\s+(?:[a-z-]+\s+|\d+[- ]hours?\s+)??(?P<noun>[a-z][a-z-]*[a-z])PLURAL\b"
    r"(?P<period>(?:\s+(?!per\b|each\b)[a-z-]+){0,3}?"
    r"(?:\s+(?P<each>each))?(?:\s+per\s+(?P<owner>[a-z][a-z-]*[a-z]))?"  # "60 calls each", "18 deliveries per driver"
    r"\s+(?:a|an|per|each|every)\s+(?:business\s+|working\s+|work\s+|\d+[- ]hours?\s+)?"
    r"(?P<unit>hour|shift|day|night|weekday|workday|week|month|quarter|year)\b)?"
    r"(?:\s+(?:per|every|a)\s+(?P<member>[a-z][a-z-]*[a-z])\b)?"  # "200 scans a day per till"
)
_QUANTITY = re.compile(_NUM + _QUANTITY_WORDS.replace("PLURAL", "s"), re.I)
_ONE_OF = re.compile(r"(?<![$€£\d.,])(1)()" + _QUANTITY_WORDS.replace("PLURAL", ""), re.I)  # "1 call each per quarter"
# "10-hour business day", "8-hour trading day", "a single 8-hour shift"; "open 16 hours a day" is a plain quantity
_SPAN = re.compile(r"(?<![\d.,])(\d+)[- ]hours?\s+(?:[a-z]+\s+)?(day|shift)\b", re.I)
# Opening hours: "9 to 5", "9am-7pm", "from 8:00 to 18:00" are that many hours a day.
_HOURS = re.compile(r"\b(?:from\s+)?(\d{1,2})(?::00)?[ \t]?(am|a\.m\.)?[ \t]?(?:to|-|–|until|till)[ \t]?("
                    r"\d{1,2})(?::00)?"
                    r"[ \t]?(pm|p\.m\.)?(?=\W|$)", re.I)  # fmt: skip
_OPEN = re.compile(r"\b(?:hours|open|staffed|manned|opening|business|office|working|works?|worked|support|shop|store|"
                   r"runs?|operates?|operating)\b", re.I)  # fmt: skip
_ALL_DAY = re.compile(r"24\s*/\s*7|\b(?:a)?round[- ]the[- ]clock\b|\ball day and night\b", re.I)
# "15,000 daily active users", "8k DAU": a population counted per day.
_DAILY_PEOPLE = re.compile(_NUM + r"\s+(?:daily(?:\s+active)?\s+(?P<noun>[a-z]+?)s\b|(?P<dau>dau)s?\b)", re.I)
# "Our dispatchers (about 60 of them, each ...)": the count of the plural named just before.
_OF_THEM = re.compile(_NUM + r"\s+of\s+(?:them|us)\b", re.I)
_PLURAL_BEFORE = re.compile(r"\b([a-z][a-z-]*[a-z])s\b(?!.*\b[a-z][a-z-]*[a-z]s\b)", re.I | re.S)
_TIMES = re.compile(r"\s*(?:x|×|\*|times)\s*$", re.I)  # "300 stores x 4 photos a day"
_EACH = re.compile(r"\b(?:each|every)\s+(?:(?:with|having|has|of them|working|doing|of(?:\s+(?:our|the|"
                   r"their|these|those))?)\b|"
                   r"(?P<noun>(?!(?:of|our|the|their|these|those|one)\b)[a-z][a-z-]*))", re.I)
# A member's rate with no noun: "roughly 25 per ward per shift" (either order of member and period).
_BARE_RATE = re.compile(_NUM + r"\s+(?:per|a|an|each|every)\s+(?P<a>[a-z][a-z-]*[a-z])\s+(?:per|a|an|each|every)\s+"
                        r"(?P<b>[a-z][a-z-]*[a-z])\b", re.I)  # fmt: skip
# How often one member does it: "each student uses it about twice a week", "a clip every 10 minutes".
_HOW_OFTEN = re.compile(r"\b(?P<word>once|twice|thrice)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month)\b|"
                        r"\b(?:a|an|one|1)\s+(?P<noun>[a-z][a-z-]*[a-z])\s+every\s+(?P<n>\d+)\s*"
                        r"(?P<every>minutes?|mins?|seconds?|secs?|hours?|hrs?)\b(?P<each>\s+each)?", re.I)  # fmt: skip
_OFTEN = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_EVERY_PER_HOUR = {"m": 60.0, "s": 3600.0, "h": 1.0}
_PERSON = re.compile(PEOPLE, re.I)
_FUNCTION_WORDS = {"of", "in", "on", "at", "or", "and", "to", "the", "by", "for", "with", "from", "per", "than"}
_CHOICE = re.compile(r"\b(?:one|1|any|out)\s+of\s+(?:the\s+)?$", re.I)
_AFTER_EACH = re.compile(r"\s*(?:each|apiece)\b(?=\s*(?:[,.;)]|and\b|$))", re.I)  # "30 pickers each,"
# Measures and money are sizes, not work; people's own hours are not requests.
_NOT_WORK = {"word", "token", "page", "line", "char", "character", "sentence", "paragraph", "bullet", "minute",
             "hour", "second", "day", "week", "month", "year", "dollar", "euro", "buck", "percent", "shift",
             "turn"}  # fmt: skip
# Calls per session are turns, which extract.py multiplies in once already.
_SESSIONS = {"session", "conversation", "chat", "dialogue", "dialog", "thread"}
_UNITS_OF_WORK = {"task", "job", "run", "workflow", "line", "item", "document", "ticket", "email", "page", "file"}
# What one request reads or fills in an item: "15 fields", "30 columns", "8 labels" per invoice are one call's.
_PARTS = {"field", "column", "attribute", "label", "tag", "property", "entity", "key", "value", "datapoint"}
_TURNS = {"call", "turn", "step", "message", "round", "exchange", "request", "query", "prompt", "iteration"}


@dataclass(frozen=True)
class _Fact:
    value: float
    noun: str  # what is counted, singular
    per: str | None  # the member it belongs to ("picker"), or None
    period: str | None  # hour, shift, day, week, month, or None
    start: int
    end: int


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith(("ie", "che", "she", "sse", "xe")) else word  # "boxes" -> "box"


def _key(noun: str) -> str:
    """One spelling for a noun counted ("librari", from "libraries") and named as an owner ("per library")."""
    return noun[:-1] + "y" if noun.endswith("i") else noun[:-2] + "y" if noun.endswith("ie") else noun


def _value(match: re.Match[str]) -> float:
    return written_number(match.group(1), scaled=bool(match.group(2))) * _MULT.get((match.group(2) or "").lower(), 1.0)


def _facts(text: str) -> list[_Fact]:
    facts: list[_Fact] = []
    for match in _DAILY_PEOPLE.finditer(text):
        value = _value(match)
        noun = "user" if match.group("dau") else _singular(match.group("noun"))
        facts.append(_Fact(value, noun, None, "day", match.start(), match.end()))
    for match in _OF_THEM.finditer(text):
        named = _PLURAL_BEFORE.search(text, max(0, match.start() - 60), match.start())
        if named:
            value = _value(match)
            facts.append(_Fact(value, _singular(named.group(1)), None, None, match.start(), match.end()))
    for one in one_device_each(text):  # "3 production lines, each camera ...": a camera a line
        facts.append(_Fact(1.0, one.device, _singular(one.unit), None, one.start, one.end))
    every = {i for m in _HOW_OFTEN.finditer(text) if m.group("n") for i in range(*m.span())}  # "every 15 minutes"
    for match in sorted([*_QUANTITY.finditer(text), *_ONE_OF.finditer(text)], key=lambda m: m.start()):
        value = _value(match)
        choice = _CHOICE.search(text, max(0, match.start() - 20), match.start())
        if any(f.start <= match.start() < f.end for f in facts) or choice or match.start() in every:
            continue  # "tag each ticket w/ one of 12 categories": a set to choose from, not a count
        noun, after = _singular(match.group("noun")), match.group("member")
        if noun in _FUNCTION_WORDS or negated(text, match.start()):
            continue  # "one of", "1 in 10": no count of anything; "we don't have 300 adjusters"
        after = after or match.group("owner")  # "18 deliveries per driver per day"
        member = _singular(after[:-1] if after.endswith("s") else after) if after else _member(text, match, facts)
        period = (match.group("unit") or "").lower() or None
        if noun == "shift" and member is None and period in (None, "shift"):  # "we run two shifts": a day's
            period = "day"
        facts.append(_Fact(value, noun, member, period, match.start(), match.end()))
    facts += _rate_facts(text, facts)
    for match in _SPAN.finditer(text):
        facts.append(_Fact(float(match.group(1)), "hour", None, match.group(2).lower(), match.start(), match.end()))
    for match in _HOURS.finditer(text) if not _ALL_DAY.search(text) else ():  # "we work 9 to 5, the bot 24/7"
        if hours := _opening_hours(match, text):
            facts.append(_Fact(hours, "hour", None, "day", match.start(), match.end()))
    # "each shift handles about 1,200 queries" is a shift's work; "each shift about 40 operators file ..." staff it
    owners = {f.per for f in facts}
    facts = [_Fact(f.value, f.noun, None, "shift", f.start, f.end) if f.per == "shift" and f.period is None
             and f.noun not in owners else f for f in facts]  # fmt: skip
    at_a_time = [m.span() for m in HOURS_AT_A_TIME.finditer(text)]  # "2 hours, twice a week": no day's hours
    facts = [f for f in facts if f.noun != "hour" or not any(a <= f.start < b for a, b in at_a_time)]
    return _without_restatements(text, sorted(facts, key=lambda fact: fact.start))


def _without_restatements(text: str, facts: list[_Fact]) -> list[_Fact]:
    """ "4 exchanges (so 4 model calls)": the second names the first again, so it counts once."""
    kept: list[_Fact] = []
    for fact in facts:
        if not (kept and restates(text, kept[-1].end, fact.start)):
            kept.append(fact)
    return kept


def _rate_facts(text: str, facts: list[_Fact]) -> list[_Fact]:
    """Rates with no counted noun: "25 per ward per shift", "twice a week", "a clip every 10 minutes"."""
    found = []
    for match in _BARE_RATE.finditer(text):
        a, b = match.group("a").lower(), match.group("b").lower()
        member, period = (b, a) if a in _TIME_PER_DAY or a == "shift" else (a, b)
        if period in ("hour", "shift", *_TIME_PER_DAY) and member not in _TIME_PER_DAY and member != "shift":
            found.append(_Fact(_value(match), "request", _singular(member.rstrip("s")), period, *match.span()))
    hours_said = any(f.noun == "hour" and f.period for f in facts) or _HOURS.search(text)
    for match in _HOW_OFTEN.finditer(text):
        if negated(text, match.start()):
            continue
        if match.group("word"):
            value, noun, unit = _OFTEN[match.group("word").lower()], "time", match.group("unit").lower()
        else:  # "every 10 minutes" is 6 an hour; round the clock unless the hours are said
            value = _EVERY_PER_HOUR[match.group("every")[0].lower()] / max(float(match.group("n")), 1.0)
            noun, unit = _singular(match.group("noun")), "hour"
            value, unit = (value, unit) if hours_said else (value * 24, "day")
        found.append(_Fact(value, noun, _member(text, match, [*facts, *found]), unit, *match.span()))
    return found


def clock_hours(text: str) -> tuple[float, str] | None:
    """(hours a day, the words) of the first opening or working hours said by the clock: "6am to 10pm"."""
    for match in _HOURS.finditer(text):
        if hours := _opening_hours(match, text):
            return hours, match.group(0)
    return None


def _opening_hours(match: re.Match[str], text: str) -> float | None:
    """ "9 to 5" (8 hours) said of opening or working hours; a range of figures ("5 to 10 requests") is not."""
    start, end = int(match.group(1)), int(match.group(3))
    if not _OPEN.search(text, max(0, match.start() - 40), match.start()) and not (match.group(2) or match.group(4)):
        return None
    if re.match(r"\s*(?:[a-z]+\s+)?(?:requests|calls|messages|tickets|per|a\s|an\s|%|k\b)", text[match.end():], re.I):
        return None
    if end < 12 and (match.group(4) or (end <= start and not match.group(2))):
        end += 12  # "9 to 5", "9am to 7pm", "6am to 10pm"
    hours = end - start
    return float(hours) if 0 < hours <= 24 else None


def _member(text: str, match: re.Match[str], before: list[_Fact]) -> str | None:
    """Whose the count is: "each picker ... 5 photos", "each with 30 pickers", "30 pickers each"."""
    floor = max(0, match.start() - _REACH)
    clause_start = max(floor, *(text.rfind(mark, floor, match.start()) for mark in (". ", "; ", " and ", "\n", ": ")))
    each = next(reversed(list(_EACH.finditer(text, clause_start, match.start()))), None)  # the nearest "each"
    owners = [f for f in before[-4:] if f.per is None and f.noun not in _NOT_WORK and f.start >= floor]
    previous = owners[-1].noun if owners else None  # "12 warehouses, each with 30 pickers": the warehouses
    if owners and _TIMES.match(text[owners[-1].end : match.start()]):
        return previous  # "300 stores x 4 photos a day"
    if each is not None:
        between = [f for f in before[-4:] if each.end() <= f.start and f.end <= match.start()]
        if between:  # "each shift about 120 nurses write ~6 notes": the notes are each nurse's
            return between[-1].noun if between[-1].period is None else None  # "~25 orders an hour, open 12 hours"
        named = _singular(each.group("noun") or "")
        # "each picker snaps 5 photos"; "each maybe 5 requests", "each handles 80 messages" are the previous count's
        if named and (named in {f.noun for f in before} or not previous):
            return named
        # "20 consultants. Each client gets ~40 emails", "2,000 employees. Each lawyer asks ...": not those
        # members, though "150 seats ... each agent" are the agents' seats
        others = _PERSON.fullmatch(named) and named not in OWN_PEOPLE and previous != "seat"
        return None if others else previous
    said_each = _AFTER_EACH.match(text, match.end()) or match.group("each")  # "~60 calls each per day"
    if said_each and owners and owners[-1].start >= clause_start:
        return previous
    return None


def _resolve(unit: str, facts: list[_Fact], used: list[_Fact], depth: int) -> tuple[float, bool] | None:
    """How many of `unit` a day, from the facts; (value, whether a stated hours/shifts-per-day was used)."""
    if depth > 6:
        return None
    if unit in _TIME_PER_DAY:
        return _TIME_PER_DAY[unit], False
    for fact in facts:
        if _key(fact.noun) != _key(unit) or fact in used or fact.per == unit:
            continue
        inner = _multiply(fact, facts, used, depth + 1)
        if inner is not None:
            return inner[0], True if unit in ("hour", "shift") else inner[1]
    if unit == "shift":  # a shift a day unless the number of shifts is said
        return 1.0, False
    return None


def _multiply(fact: _Fact, facts: list[_Fact], used: list[_Fact], depth: int) -> tuple[float, bool] | None:
    used.append(fact)
    value, stated = fact.value, False
    members_from = len(used)
    for unit in (fact.per, fact.period):
        if unit is None:
            continue
        if unit == fact.period and fact.per is not None and any(f.period == unit for f in used[members_from:]):
            continue  # "60 agents per shift ... each handles 50 chats per shift": the members are a shift's already
        found = _resolve(unit, facts, used, depth)
        if found is None:
            return None
        value, stated = value * found[0], stated or found[1]
    if fact.period is None and not _reaches_time(used):
        return None
    return value, stated


def _reaches_time(used: list[_Fact]) -> bool:
    return any(f.period for f in used)


def chained_volume(text: str) -> tuple[float, str] | None:
    """A product of two or more stated facts whose units cancel down to a period: requests a day."""
    every = _facts(text)
    best: tuple[float, list[_Fact]] | None = None
    for at, fact in enumerate(every):
        window = every[max(0, at - _WINDOW) : at + _WINDOW]  # a chain is told in a few sentences: bounded work
        found = _chain_from(fact, window, text)
        # The chain that uses the most facts: "60 agents per shift, 2 shifts" is inside "... 50 chats per shift".
        if found and (best is None or len(found[1]) > len(best[1])):
            best = found
    if best is None:
        return None
    first, last = min(f.start for f in best[1]), max(f.end for f in best[1])
    said = f"{text[first:last]} ({_arithmetic(best[0], best[1])})"
    if share := share_before(text, first):  # "Half our 10,000 users ask 2 each a day": half of them ask
        return round(best[0] * share[0], 3), f"{share[1]} {said} (x {share[0]:g})"
    return round(best[0], 3), said


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.3g}"


def _arithmetic(per_day: float, used: list[_Fact]) -> str:
    """ "20 x 6 x 2 = 240": the stated figures, and the days of a weekly or monthly one, multiplied out."""
    product = 1.0
    for fact in used:
        product *= fact.value
    figures = " x ".join(_figure(f.value) for f in used)
    time = per_day / product if product else 1.0
    if abs(time - 1) > 1e-9 and time > 0:
        figures += f" / {_figure(1 / time)}" if abs(1 / time - round(1 / time)) < 1e-6 else f" x {time:.3g}"
    return f"{figures} = {_figure(per_day)}"


def _handled_one_by_one(noun: str, text: str, member: str | None = None) -> bool:
    """ "30k SKUs a month, each SKU has 4 photos" is 4 requests a SKU only when each photo is a request ("looks
    at each photo"); "each ticket gets 2 tags", "every call includes the last 8 messages" are one request's parts.
    Calls or turns per task are multiplied in by the size reader, once."""
    if noun in _TURNS:  # a person's messages are requests; a conversation's or a task's are its turns
        return member is not None and member not in _SESSIONS | _TURNS | _UNITS_OF_WORK
    return re.search(rf"\b(?:each|every|per)\s+(?:[a-z-]+\s+)?{re.escape(noun)}\b", text, re.I) is not None


def _chain_from(work: _Fact, facts: list[_Fact], text: str) -> tuple[float, list[_Fact]] | None:
    """The day's count of `work` when it is a member's or a shift's or an hour's and everything resolves."""
    dens = {f.per for f in facts if f.noun not in _NOT_WORK}  # "3 bullets" per note leave the note the work
    if work.noun in _NOT_WORK or work.noun in dens or (work.per in _SESSIONS and work.value != 1):
        return None
    if work.per is None and work.period not in ("hour", "shift"):
        return None
    used: list[_Fact] = []
    found = _multiply(work, facts, used, 0)
    if found is None or not _reaches_time(used) or len(used) < 2:
        return None
    one_each = work.value == 1  # "one suggestion per chat": as many as the chats, however they are made
    # "15 fields per page, one page per invoice": a count per page or item, or of fields, however deep, is the
    # item's parts ("2 model calls per exchange, 3 exchanges per chat" are calls; "50 agents handle ~30 chats")
    deep = used[1].period is None and (work.noun in _PARTS or work.per in _NOT_WORK | _UNITS_OF_WORK)
    if work.period is None and (used[1].period is not None or deep) and not one_each and not _handled_one_by_one(
        work.noun, text, work.per
    ):
        return None
    # A lone "300 claims per shift" with no shifts a day is the simple reader's to take.
    return (found[0], used) if work.per is not None or found[1] else None
