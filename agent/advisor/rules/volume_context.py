"""Volumes read from what surrounds a count, after the simple and chained readers (extract_volume,
volume_chain) have found one. Pure; numbers as digits ("each one" reads "each 1").

- Model calls per counted item: "1,200 reconciliations a day, each one is roughly 8 model calls", "~300
  companies a day, about 12 LLM calls per company", "10k member chats a week, ~4 bot turns each". The
  item must be the one the volume counts (or "each" must follow it), so "3 messages per ticket" read
  into one request stays one. Lines a bot or character says are its calls: "each session ~20 NPC lines".
- The share of people who ask: "1.2M page views a month and 2% of visitors ask", "~200k DAU, 4% of them",
  and what each of them sends: "10000 employees, 1 in 10 uses it daily with 2 queries", "800 patients
  message us daily, 5 to 6 messages each".
- The hours worked, for a rate per second, minute or hour: "1 photo every 6 seconds, the line runs 16
  hours a day", "in business hours (10 hours)", "6am to 10pm", "3 hours, 4 nights a week".
- Spans they state: "180,000 comments over a 60-day period", "the previous week's ~3,500 threads",
  "~300k tweets ..., fine if it trickles through over a week", "90 manuals to do this quarter", "2 million
  scans ... No deadline, this runs over the next year". (Periods the user defines and sessions
  are read with the other rates, in volume_occasions.)
"""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.people import PEOPLE
from agent.advisor.rules.size_units import sentence_bounds
from agent.advisor.rules.volume_chain import chained_volume, clock_hours
from agent.advisor.rules.volume_occasions import hours_at_a_time

_NUM = r"(?P<n>\d+(?:\.\d+)?)"
_ABOUT = r"(?:(?:about|around|roughly|approx\.?|approximately|maybe|typically|usually|like|some|up\s+to|~)\s*)*"
# What a call is called: "model calls", "LLM calls", "bot replies", "agent steps", "completions".
_CALLS = (r"(?:(?:model|llm|api|ai|bot|agent|assistant|gpt|inference|separate|tool-calling|tool)\s+)?"
          r"(?P<calls>calls|requests|steps|iterations|turns|replies|responses|rounds|generations|completions)\b"
          r"|(?:model|llm|bot|ai|assistant)\s+(?P<messages>messages)\b")  # fmt: skip
_PER_ITEM = re.compile(
    # "12 LLM calls per company", "3 bot replies per chat", "5 calls for each ticket"
    _NUM + r"\s+(?:" + _CALLS + r")\s+(?:per|a|an|each|every|for\s+each|for\s+every|in\s+(?:an?|each|every))\s+"
    r"(?P<item>[a-z][a-z-]*)"
    # "each one is roughly 8 model calls", "each ticket takes roughly 5 model calls"
    r"|\b(?:each|every)\s+(?:(?:agent|pipeline|model|llm|ai|workflow)\s+)?(?P<item2>one|1|[a-z][a-z-]*)\s+(?:is|takes|needs|makes|uses|runs|involves|triggers|means|="
    r"|is\s+made\s+of|works?\s+out\s+(?:to|at))\s+" + _ABOUT + _NUM.replace("<n>", "<n2>") + r"\s+(?:"
    + _CALLS.replace("<calls>", "<calls2>").replace("<messages>", "<messages2>") + r")"
    # "~300 tasks/day, each about 25 steps"
    r"|\beach\s+(?:(?:one|1)\s+)?(?:(?:is|takes|needs|has|involves|=)\s+)?" + _ABOUT + _NUM.replace("<n>", "<n6>")
    + r"\s+(?:steps|calls|requests|turns|iterations|model\s+calls|llm\s+calls)\b"
    # "~4 bot turns each"
    r"|" + _NUM.replace("<n>", "<n3>") + r"\s+(?:" + _CALLS.replace("<calls>", "<calls3>").replace(
        "<messages>", "<messages3>") + r")\s+(?P<each>each|apiece)\b"
    # "in each convo the bot replies like 6 times", "answers 4 times per chat"
    r"|\bin\s+(?:each|every)\s+(?P<item4>[a-z][a-z-]*)\b[^.;?!]{0,40}?\b(?:repl(?:y|ies)|respond\w*|answers?|"
    r"talks?|speaks?|is\s+called|gets\s+called|runs?)\s+" + _ABOUT + _NUM.replace("<n>", "<n4>") + r"\s+times\b"
    r"|\b(?:repl(?:y|ies)|respond\w*|answers?|is\s+called|gets\s+called|runs?)\s+" + _ABOUT
    + _NUM.replace("<n>", "<n5>") + r"\s+times\s+(?:per|a|an|each|every|in\s+(?:an?|each|every))\s+"
    r"(?P<item5>[a-z][a-z-]*)"
    # "each session ~20 NPC lines", "every chat about 6 bot replies": lines a character or bot says are its calls
    r"|\b(?:each|every)\s+(?P<item7>[a-z][a-z-]*)\s*,?\s+(?:(?:is|has|takes|needs|gets|averages|involves|=)\s+)?"
    + _ABOUT + _NUM.replace("<n>", "<n7>") + r"\s+(?:(?:npc|character|dialogue|dialog|bot|ai|assistant|generated)\s+"
    r"(?:lines|replies|responses|messages)|(?:model|llm|api|ai)\s+calls)\b",
    re.IGNORECASE,
)
# Names for one conversation: a volume of "chats" counts what "in each convo" names.
_SESSION = {"conversation", "convo", "chat", "session", "thread", "dialog", "dialogue"}
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.0, "quarter": 90.0, "year": 365.0}
_TIME = {"hour", "day", "night", "week", "month", "year", "minute", "second", "shift", "quarter"}
# One handling of whatever the volume counts: "~25 claims a day ... each agent run is about 10 model calls".
_ONE_HANDLING = {"run", "job", "task", "execution", "workflow", "pass"}


def _stem(word: str) -> str:
    word = word.lower()
    if word.rstrip("s") in _SESSION:
        return "conversation"
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word.rstrip("s")


def calls_per_item(text: str, volume_words: str) -> tuple[float, str] | None:
    """(calls per item, the words) when the text says how many model calls each counted item takes."""
    counted = {_stem(word) for word in re.findall(r"[a-z][a-z-]*", volume_words.lower())}
    at = text.lower().find(volume_words.lower()) if volume_words else -1
    for match in _PER_ITEM.finditer(text):
        if at >= 0 and match.start() < at + len(volume_words) and at < match.end():
            continue  # the volume was read from these words already ("each agent takes 35 calls per shift")
        n = float(next(match.group(name) for name in ("n", "n2", "n3", "n4", "n5", "n6", "n7") if match.group(name)))
        item = next((match.group(name) for name in ("item", "item2", "item4", "item5", "item7") if match.group(name)),
                    None)
        if item is not None and item.lower() not in ("one", "1"):
            handling = _stem(item) in _ONE_HANDLING and "conversation" not in counted
            if _stem(item) in _TIME or (_stem(item) not in counted and not handling):
                continue  # "3 calls per hour" is a rate; "per ticket" of a volume of chats is another item
        elif at < 0 or not 0 <= match.start() - (at + len(volume_words)) <= 120:
            continue  # "each one", "each" point back at the volume only right after it
        if 1 < n <= 1_000:
            return n, match.group(0)
    return None


def names_the_counted(words: str, volume_words: str) -> bool:
    """Whether `words` open on one of the things the volume counts: "each order conversation ~10 turns"
    after "3,500 orders a day"."""
    each = re.match(r"\s*(?:each|every)\s+([a-z][a-z-]*)", words, re.IGNORECASE)
    counted = {_stem(word) for word in re.findall(r"[a-z][a-z-]*s\b", volume_words.lower())}
    return each is not None and _stem(each.group(1)) not in _TIME and _stem(each.group(1)) in counted


# "1.2 million page views a month and roughly 2% of visitors ask a question": the share that acts.
_ACTS = (r"ask|asks|talk|talks|use|uses|open|opens|send|sends|chat|chats|start|starts|try|tries|click|clicks|"
         r"type|types|"
         r"message|messages|contact|contacts|reach|write|writes|submit|submits|engage|engages|interact|interacts|"
         r"need|needs|call|calls|trigger|triggers|hit|hits|end\s+up|go\s+on")
_SHARE_OF = re.compile(
    r"(?:(?P<pct>\d+(?:\.\d+)?)\s?%|\b(?:one|1)\s+in\s+(?P<den>\d+)|\b(?P<half>half|a\s+third|a\s+quarter|a\s+tenth))"
    r"\s+(?:of\s+(?:them|those|these|(?:our|the|all|those)?\s*(?:[\w-]+\s+)?(?P<who>[a-z-]+))\s+)?"
    r"(?:\w+\s+)?(?:" + _ACTS + r")\b",
    re.IGNORECASE,
)
_FRACTIONS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "a tenth": 0.1}
# What the volume must count for a share of it to act: people, or their visits.
_POPULATION = re.compile(r"\b(?:users?|visitors?|visits|views|pageviews|sessions|customers?|people|players?|members?|"
                         r"staff|employees?|workers?|clinicians?|agents?|students?|shoppers?|readers?|subscribers?|"
                         r"patients?|callers?|guests?|buyers?|clients?|viewers?|dau|mau|traffic)\b",
                         re.IGNORECASE)  # fmt: skip


def share_that_acts(text: str, volume_words: str, of_anything: bool = False) -> tuple[float, str] | None:
    """(the share, its words) when a volume of people or visits (or, `of_anything`, of any things that
    people use: "2 million connected cars") is followed by the share of them who make a request; "20% of
    them are in Spanish" says nothing of how many ask."""
    at = text.lower().find(volume_words.lower()) if volume_words else -1
    if at < 0 or not (of_anything or _POPULATION.search(volume_words)):
        return None
    end = at + len(volume_words)
    for match in _SHARE_OF.finditer(text, end, end + 150):
        if match.group("pct"):
            share = float(match.group("pct")) / 100
        elif match.group("den"):
            share = 1 / float(match.group("den"))
        else:
            share = _FRACTIONS[" ".join(match.group("half").lower().split())]
        if 0 < share < 1:
            return share, match.group(0)
    return None


# "~1.2M DAU", "40k monthly active users": people counted per day or per month.
_ACTIVE = re.compile(r"(?<![\d.,])(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|m|million|thousand)?\s+"
                     r"(?:(?P<dau>dau|daily\s+(?:active\s+)?(?:users|players|people)|"
                     r"(?:users|players|people|visitors)\s+(?:daily|a\s+day|per\s+day|each\s+day|every\s+day))|"
                     r"(?P<mau>mau|monthly\s+(?:active\s+)?(?:users|players|people)))\b", re.IGNORECASE)  # fmt: skip
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}


def _figure(match: re.Match[str], digits: str = "v") -> float:
    """A count and its scale: "12,000", "12.000", "1.5k"."""
    scale = match.group("s")
    return written_number(match.group(digits), scaled=bool(scale)) * _SCALE.get((scale or "").lower(), 1.0)


# "... ~5% talk to the companion, ~4 messages each per day": what each of that share sends.
_EACH_RATE = re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)\s+(?:[\w-]+\s+)?(?:messages|questions|requests|calls|queries|"
                        r"chats|prompts|turns|times)\s+(?:each\s+)?(?:a|per|each|every)\s+(?P<period>day|week)\b",
                        re.IGNORECASE)  # fmt: skip


# "our 4,000 employees ... 5% of employees use it daily": a headcount with a share that acts each day.
_HEADCOUNT = re.compile(r"(?<![\d.,$€£])(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand|m|million)?\s+"
                        r"(?:[\w-]+\s+)?(?:(?P<people>" + PEOPLE + r")|(?P<things>[a-z][a-z-]*[a-rt-z]s))\b",
                        re.IGNORECASE)  # fmt: skip
_DAILY = re.compile(r"\b(?:daily|each\s+day|every\s+day|a\s+day|per\s+day|in\s+a\s+day|"
                    r"on\s+(?:a|any|an\s+average|a\s+typical|a\s+normal)\s+(?:given\s+)?day)\b", re.IGNORECASE)
# "800 patients message us daily": every one of a headcount acts each day.
_ALL_ACT_DAILY = re.compile(r"\s+(?:(?:all|each|who)\s+)?(?:" + _ACTS + r")\b[^.;!?\d]{0,25}?" + _DAILY.pattern,
                            re.IGNORECASE)  # fmt: skip
_Share = tuple[float, str]


def _populations(text: str) -> list[tuple[re.Match[str], float, _Share | None]]:
    """Active users a day or a month, then headcounts whose share (None: all of them) acts each day:
    (the words, people a day, the share)."""
    found: list[tuple[re.Match[str], float, _Share | None]] = [
        (m, _figure(m, "n") / (1 if m.group("dau") else 30),
         share_that_acts(text, m.group(0)))
        for m in _ACTIVE.finditer(text)]  # fmt: skip
    for match in _HEADCOUNT.finditer(text):
        people, things = _figure(match, "n"), match.group("things")
        if things and _NOT_A_JOB.match(things):
            continue  # "3 weeks", "40 pages": no population
        share = share_that_acts(text, match.group(0), of_anything=bool(things))
        after = text.find(share[1], match.end()) if share else -1
        if share and _DAILY.search(text, after, after + len(share[1]) + 40):  # "use the assistant on a given day"
            found.append((match, people, share))
        elif not share and not things and _ALL_ACT_DAILY.match(text, match.end()):
            found.append((match, people, None))
    return found


# "use it daily, 3 questions each", "uses it daily with 2 queries"
_ASKED = r"\s+(?:[\w-]+\s+)?(?:messages|questions|requests|calls|queries|chats|prompts|turns|lines)\b"
_EACH_COUNT = re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)" + _ASKED + r"\s+(?:each|apiece)\b|"
                         r"\b(?:with|each\s+(?:[a-z]+ing|sends?|asks?|makes?|writes?|types?|triggers?))\s+" + _ABOUT
                         + r"(?P<w>\d+(?:\.\d+)?)" + _ASKED + r"(?!\s*(?:an?|per|every|/)\s*[a-z])|"
                         # "10% chat with support monthly, 4 messages per chat": what each one who acts sends
                         r"(?<![\d.,])(?P<c>\d+(?:\.\d+)?)" + _ASKED
                         + r"\s+(?:per|a|each|in\s+a|in\s+each)\s+(?:chat|conversation|session|visit|thread)\b",
                         re.IGNORECASE)  # fmt: skip


def active_users_who_ask(text: str) -> tuple[float, str] | None:
    """(requests a day, the words) from daily or monthly active users (or a headcount of whom a share
    acts daily), the share of them who ask, and what each of them sends when that is said; a headcount
    that all acts daily counts only with what each sends ("800 patients message us daily, 5 messages each")."""
    for match, per_day, share in _populations(text):
        active = match.re is _ACTIVE
        if share is None and active and not match.group("dau"):
            continue  # what each of a month's users sends is no day's count
        asks = per_day * (share[0] if share else 1.0)
        if share:
            acts, words = share[1], f"{match.group(0)} x {share[1]}"
        elif active:  # "5k players daily each sending ~20 lines"
            acts, words = "", match.group(0)
        else:
            acts = _ALL_ACT_DAILY.match(text, match.end()).group(0).strip()  # type: ignore[union-attr]
            words = f"{match.group(0)} {acts}"
        after = text.find(acts, match.end()) + len(acts) if acts else match.end()
        if rate := _EACH_RATE.search(text, after, after + 80):
            asks *= float(rate.group("n")) / _UNIT_DAYS[rate.group("period").lower()]
            return asks, f"{words} x {rate.group(0)}"
        if each := _EACH_COUNT.search(text, after, after + 80):  # "use it daily, 3 questions each"
            each_words = re.sub(r"^with\s+", "", each.group(0), flags=re.I)  # "x 2 queries", "x each sending 20"
            return asks * float(each.group("n") or each.group("w") or each.group("c")), f"{words} x {each_words}"
        if share:
            return asks, f"{words} (the share that asks)"
    return None


# A rate per second, minute or hour runs only while the work does: "1 photo every 6 seconds and the line
# runs 16 hours a day", "10 decisions per minute, robot runs 8 hours per day".
_SUB_DAY_RATE = re.compile(r"\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|rps|qps|rpm|qpm|req/s|req/min|/s|/min|"
                           r"/h)\b", re.IGNORECASE)  # fmt: skip
_HOURS_A_DAY = re.compile(
    r"(?<![\d.,])(?P<h>\d{1,2}(?:\.\d)?)[- ]?(?:hours?|hrs?|h)\s+(?:a|per|each|every)\s+(?:day|night|shift)\b|"
    r"(?<![\d.,])(?P<h2>\d{1,2})(?:[- ]hours?|[- ]?hrs?|h)\s+(?:[a-z]+\s+)?(?:day|night|shift)\b|"
    r"\b(?:runs?|open|operates?|operating|staffed|online|active|works?)\s+(?:for\s+)?(?:about\s+|around\s+|~\s*)?"
    r"(?P<h3>\d{1,2})\s+(?:hours?|hrs?|h)\b|"
    r"\b(?:so|i\.e\.|=)\s*(?P<h4>\d{1,2})\s*(?:hours?|hrs?|h)\b|"  # "9-5 so 8 hrs"
    r"\b(?:business|working|office|opening|operating|work)\s+hours\s*(?:[(:,=–-]|are|is|of)?\s*"
    r"(?:about\s+|around\s+|roughly\s+|~\s*)?(?P<h5>\d{1,2})\s*(?:hours?|hrs?|h)\b",  # "in business hours (10 hours)"
    re.IGNORECASE,
)
_ENDS_SUB_DAY = re.compile(r"(?:an?|per|each|every|/)\s*(?:hour|hr|h|minute|min|second|sec|s)\s*$", re.IGNORECASE)
_ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|around the clock|round[- ]the[- ]clock|all day and night|24 hours", re.I)


def hours_of_work(text: str, volume_words: str) -> tuple[float, str] | None:
    """(hours a day, the words) when a sub-day rate's volume should count only the stated hours; a
    chain of facts (volume_chain) has multiplied its hours in already."""
    if not _SUB_DAY_RATE.search(volume_words) or _ROUND_THE_CLOCK.search(text) or chained_volume(text):
        return None
    ends_per_hour = _ENDS_SUB_DAY.search(volume_words)
    if at_a_time := hours_at_a_time(text):
        return at_a_time
    for match in _HOURS_A_DAY.finditer(text):
        if match.group(0) in volume_words and not ends_per_hour:
            return None  # the volume already counted these hours (a chain ends with them, not with the rate)
        hours = float(next(g for g in match.group("h", "h2", "h3", "h4", "h5") if g))
        said = match.group(0) + (")" if match.group(0).count("(") > match.group(0).count(")") else "")
        if 0 < hours < 24:
            return hours, said
    clock = clock_hours(text)  # "only during opening hours, 8am to 9pm"
    return clock if clock and clock[1] not in volume_words and clock[0] < 24 else None


# "180,000 comments over a 60-day comment period", "9,000 forms over the next 30 days"
_OVER_DAYS = re.compile(
    r"(?<![\d.,])(?P<v>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand|m|million)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:over|during|in|within|across)\s+(?:a|the|an|one|1)?\s*(?:next\s+|last\s+|coming\s+)?(?P<n>\d+)[- ]"
    r"(?P<unit>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
# "21k products, each refreshed once a week": every item handled at that frequency
_EACH_ONCE = re.compile(
    r"(?<![\d.,])(?P<v>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand|m|million)?\s+(?:[\w-]+\s+){0,2}?[a-z]+s\s*,?\s+"
    r"(?:and\s+)?each\s+(?:(?:one|1)\s+)?(?:is\s+|gets?\s+|being\s+)?(?:[a-z-]+ed|run|re-?run|done)\s+"
    r"(?:(?P<word>once|twice|thrice)|(?P<k>\d+)\s+times)\s+(?:a|per|every)\s+(?P<period>day|week|month)\b",
    re.IGNORECASE,
)


# "classify ~300k tweets by sentiment, fine if it trickles through over a week": a one-off job and the span
# it may take, later in its sentence; "over the past year" is history, not a span of work.
_JOB = re.compile(r"(?<![\d.,$€£])(?P<v>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand|m|million)?\s+"
                  r"(?:[\w-]+\s+){0,3}?(?P<noun>[a-z][a-z-]*[a-rt-z]s)\b", re.IGNORECASE)  # fmt: skip
_SPAN_OF_WORK = re.compile(r"\b(?:over|within|across|in|during)\s+(?:the\s+(?:next|coming)\s+|the\s+course\s+of\s+"
                           r"(?:a|an|one|1)\s+|a\s+|an\s+|one\s+|1\s+)?(?:(?P<n>\d+)[- ]?)?\s*"
                           r"(?P<unit>days?|weeks?|months?|quarters?|years?|fortnight)\b", re.IGNORECASE)  # fmt: skip
# "90 manuals to do this quarter", "we need to clear 600 contracts this month": this period's work, when a job
# is said of the items; "we processed 12,000 claims this year" is history (and a year part gone).
_THIS_SPAN = re.compile(r"\bthis\s+(?P<unit>week|month|quarter|year)\b", re.IGNORECASE)
_TO_DO = re.compile(r"\b(?:to\s+(?!the\b|a\b|an\b|our\b)[a-z]+|need(?:s|ed)?\s+to|have\s+to|has\s+to|must|"
                    r"want\s+to|plan\s+to|due|backlog)\b", re.IGNORECASE)  # fmt: skip
# A deadline the whole job must meet: "the deadline is 3 weeks away", "due in 10 days", "we have 2 weeks left".
_DEADLINE = re.compile(r"\b(?:deadline|due)\b[^.;!?\d]{0,25}?(?P<n>\d+)[- ]?(?P<unit>days?|weeks?|months?)\b|"
                       r"\b(?P<n2>\d+)[- ]?(?P<unit2>days?|weeks?|months?)\s+(?:away|from\s+now|left|to\s+go)\b",
                       re.IGNORECASE)  # fmt: skip
_NOT_A_JOB = re.compile(r"(?:" + PEOPLE + r"|words|tokens|pages|lines|characters|chars|hours|minutes|seconds|days|"
                        r"weeks|months|years|dollars|euros|pounds|percent|times)$", re.IGNORECASE)  # fmt: skip


def _span_days(text: str, start: int, stop: int) -> tuple[re.Match[str], float] | None:
    """The span the job may take, or the deadline it must meet, after its figure and in its sentence."""
    if span := _SPAN_OF_WORK.search(text, start, stop):
        n, unit = span.group("n"), span.group("unit")
    elif span := _DEADLINE.search(text, start, stop):
        n, unit = span.group("n") or span.group("n2"), span.group("unit") or span.group("unit2")
    elif (span := _THIS_SPAN.search(text, start, stop)) and _TO_DO.search(text, sentence_bounds(text, start)[0],
                                                                           span.start()):
        n, unit = None, span.group("unit")
    else:
        return None
    unit = unit.lower().rstrip("s")
    return span, float(n or 1) * (14.0 if unit == "fortnight" else _UNIT_DAYS[unit])


# "2 million page scans ... No deadline really, this runs over the next year": the job's span in a later sentence
_RUNS = re.compile(r"\b(?:this|it|the\s+(?:job|project|work|backfill|migration|whole\s+thing))\s+"
                   r"(?:(?:can|will|would|should|may|could|is\s+going\s+to)\s+)?(?:(?:be\s+)?spread|runs?|takes?|"
                   r"goes|go)\b", re.IGNORECASE)  # fmt: skip


def _runs_over(text: str, after: int, sentence_end: int) -> tuple[re.Match[str], float] | None:
    """The span a later sentence gives the job ("this runs over the next year"), with no other job between."""
    runs = _RUNS.search(text, sentence_end, sentence_end + 300)
    if runs is None or any(not _NOT_A_JOB.match(j.group("noun")) for j in _JOB.finditer(text, after, runs.start())):
        return None
    return _span_days(text, runs.end(), min(sentence_bounds(text, runs.start())[1], runs.end() + 60))


def _job_over_a_span(text: str) -> tuple[float, str] | None:
    for job in _JOB.finditer(text):
        if _NOT_A_JOB.match(job.group("noun")):
            continue
        end = sentence_bounds(text, job.start())[1]
        found = _span_days(text, job.end(), min(end, job.end() + 150)) or _runs_over(text, job.end(), end)
        if found and found[1] > 0:
            span, days = found
            between = "" if span.start() == job.end() + 1 else " ..."
            return _figure(job) / days, f"{job.group(0)}{between} {span.group(0)} (/ {days:g} days)"
    return None


_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_MEMBERS_TIMES = re.compile(r"(?<![\d.,])(?P<m>\d+(?:,\d{3})*)\s?(?P<ms>k|thousand)?\s+(?:[\w-]+\s+)?[^\W\d_]+s\s*"
                            r"(?:x|×|\*)\s*$", re.IGNORECASE)  # fmt: skip


_PERIODS_OWN = re.compile(
    r"\b(?:the|each|a|last|previous|this|that)\s+(?:previous\s+|past\s+|last\s+)?(?P<period>day|week|month)['’]s\s+"
    + _ABOUT + r"(?P<v>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>k|thousand|m|million)?\b",
    re.IGNORECASE,
)


def spread_over_days(text: str) -> tuple[float, str] | None:
    """(requests a day, the words) for a total over a stated span ("180,000 comments over a 60-day
    period", "the previous week's ~3,500 threads"), a set of items each handled at a stated
    frequency, or a one-off job and the span it may take ("~300k tweets ... over a week")."""
    if own := _PERIODS_OWN.search(text):
        return _figure(own) / _UNIT_DAYS[own.group("period").lower()], own.group(0)
    if over := _OVER_DAYS.search(text):
        days = float(over.group("n")) * _UNIT_DAYS[over.group("unit").lower().rstrip("s")]
        if days > 0:
            members = _MEMBERS_TIMES.search(text, max(0, over.start() - 60), over.start())
            if members:  # "150 students x 6 essays over a 15-week semester"
                size = float(members.group("m").replace(",", "")) * (1e3 if members.group("ms") else 1.0)
                return size * _figure(over) / days, f"{members.group(0)}{over.group(0)} (/ {days:g} days)"
            return _figure(over) / days, over.group(0)
    if each := _EACH_ONCE.search(text):
        times = _TIMES.get((each.group("word") or "").lower()) or float(each.group("k"))
        return _figure(each) * times / _UNIT_DAYS[each.group("period").lower()], each.group(0)
    return _job_over_a_span(text)
