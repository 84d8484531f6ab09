"""Requests a day from a developer's words: a rate ("50k a day", "~15 requests per minute", "8k/mo"),
or a population times what each member does ("40 devs, each triggers it ~500 times a day",
"2,000 employees ... each of them about twice a week", "10k students x 5 messages a day"). Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.negation import negated
from agent.advisor.rules.number_words import SHARE_BEFORE, SHARE_WORD, Spelled, share_of
from agent.advisor.rules.people import PEOPLE
from agent.advisor.rules.size_units import sentence_bounds
from agent.advisor.rules.volume_abroad import Abroad
from agent.advisor.rules.volume_chain import chained_volume
from agent.advisor.rules.volume_members import members_times_rate
from agent.advisor.rules.volume_occasions import Occasion, occasion_rates
from agent.advisor.rules.volume_restated import corrected, sized_for_later
from agent.advisor.rules.volume_workloads import workloads
from catalog.cost import DEFAULT_PEAK_TO_AVERAGE
from catalog.requirements import DAYS_PER_MONTH

NUM = r"(?<![\d.,])(\d+(?:[.,]\d+)*)(?:\s?(k|thousand|m|mm|mil|million|b|bn|billion|trillion|lakhs?|crores?))?\b"
_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "million": 1e6, "b": 1e9,
         "bn": 1e9, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
         "grand": 1e3}  # fmt: skip


def number(digits: str, suffix: str | None) -> float:
    """ "40,000", "40.000", "1,5", "2.5" with "k" or "million" after it (rules/digit_groups.py)."""
    return written_number(digits, scaled=bool(suffix)) * _MULT.get((suffix or "").lower(), 1.0)


def named_number(name: str) -> str:
    suffix = rf"(?:\s?(?P<{name}_suffix>k|thousand|m|mm|mil|million|b|bn|billion|trillion))?\b"
    return rf"(?<![\d.,])(?P<{name}>\d+(?:[.,]\d+)*)" + suffix


# A quarter is 90 days.
PERIOD_PER_DAY = {"day": 1, "weekday": 1, "shift": 1, "working day": 1, "business day": 1, "daily": 1, "night": 1,
                  "school day": 1, "trading day": 1, "market day": 1, "busy day": 1, "typical day": 1,
                  "normal day": 1, "clinic day": 1,
                  "nightly": 1, "month": 1 / DAYS_PER_MONTH, "mo": 1 / DAYS_PER_MONTH,
                  "monthly": 1 / DAYS_PER_MONTH, "week": 1 / 7, "wk": 1 / 7, "weekly": 1 / 7, "weekend": 1 / 7,
                  "hour": 24, "hr": 24, "h": 24, "hourly": 24, "minute": 1440, "min": 1440, "second": 86400,
                  "sec": 86400, "s": 86400,
                  "year": 1 / 365, "yr": 1 / 365, "yearly": 1 / 365, "annually": 1 / 365, "quarter": 1 / 90,
                  "quarterly": 1 / 90, "annum": 1 / 365, "p.a.": 1 / 365, "p.a": 1 / 365}  # fmt: skip
_PERIOD = (
    r"(day|night|shift|weekday|working day|business day|school day|trading day|market day|busy day|typical day|"
    r"normal day|clinic day|month|mo|weekend(?![\s-]+days?\b)|week|wk|hour|hr|h|minute|min|second|sec|year|yr|annum|"
    r"quarter)\b"  # a weekend's work is the week's: "60 matches every weekend"
)
_MEASURES = r"(?:words|tokens|pages|lines|chars|characters|sentences|paragraphs|bullets|turns|messages|minutes|hours)\b"
# Words ending in s that count nothing: "800 patients message us daily".
_NOT_PLURAL = r"(?:this|has|was|does|its|always|perhaps|plus|across|towards|thus|less|unless|yes|sometimes)\b"
_PER_PERSON = r"(?:(?:a|per|each|every)\s+(?:" + PEOPLE + r"|head|person)\s+)?"
# A rate: "50k requests a day", "2 questions each per week", "50 NPC lines per player per day", "8k/mo".
# "1 in 20 asks ... each day" is a share, not twenty a day.
_VOLUME = re.compile(
    r"(?<![$€£\d.,])(?<!\b1 in )(?<!\bone in )"
    + NUM
    + r"(?!-(?:page|word|line|minute|min|second|sec|hour|token|slide|paragraph|sentence)s?\b)"  # "100-page": a size
    r"(?!\s*(?:(?:k|m|thousand|million|billion)\s*)?(?:(?:usd|dollars|bucks|eur|euros?|gbp|pounds?|tokens?|tok|ms|"
    r"seconds?|minutes?|mins?|(?:pages?|lines?)(?!\s+(?:views|items))|words?|hours?|hrs?|shifts?|days?|nights?|"
    r"evenings?|weeks?|"
    r"months?)\b|%|[$€£]))"  # "2M words a month", "4 nights a week" are no count
    r"\s*(?:(?:\d+(?:\.\d+)?-)?(?!(?:tokens?|toks?|words|characters|chars)\b)"  # "90M input tokens/month": no count
    r"[a-z-]+(?:\s+|(?=/))){0,2}?"  # "3 100-page reports": the size is one of the words
    r"(?:(?:requests?|queries|calls|messages|conversations|chats|tickets|documents|docs|users?|emails|reqs?|"
    r"prompts|images|items|transactions|photos|videos|files|invoices|contracts|records|times|forms|reviews|orders|"
    r"articles|listings|reports|applications|claims|submissions|responses|"
    r"(?!(?:" + PEOPLE + r"|" + _MEASURES + r"|" + _NOT_PLURAL + r"))[a-z-]{2,}s\b)\s*"  # "350 chest X-ray studies"
    r"(?:of\s+[a-z-]{3,}\s+)?)?"  # "2,500 bills of lading a week"
    r"(?:to\s+[a-z]+\s+|(?:written|generated|created|produced|translated|processed|reviewed)\s+)?"  # "to rewrite"
    + _PER_PERSON
    + r"(?:(?:a|an|per|each|every|/|on\s+an?|for(?=\s+(?:month|week|year)\b)|"
    r"(?:in|during|over)\s+(?:the\s+|a\s+|its\s+)?"
    r"(?:first\s+)?)\s*"
    + _PERIOD
    + r"|((?:daily|monthly|weekly|hourly|yearly|annually|nightly|quarterly)\b|p\.a\.?(?!\w))"  # "p.a.": a year
    + r"(?!\s+(?:active\s+)?(?:"
    + PEOPLE
    + r")\b))",  # "50k monthly active users" are people, not requests
    re.IGNORECASE,
)
_VOLUME_PLAIN = re.compile(
    r"(?<![$\d.,])" + NUM + r"\s*(requests|queries|calls|messages|conversations|chats|tickets|documents|emails)\b",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(r"\b(once|twice|thrice)\s+(?:(?:a|per|each|every)\s+)?" + _PERIOD,
                        re.IGNORECASE)  # fmt: skip
_FREQUENCY_COUNT = {"once": 1, "twice": 2, "thrice": 3}
_POPULATION = re.compile(
    r"(?<![$€£\d.,])" + NUM + r"\s*(?:(?:[a-z]+|[a-z]+-[a-z]+)\s+){0,2}?(?:" + PEOPLE + r")\b|"
    r"(?<![$€£\d.,])(\d+(?:,\d{3})*)[- ](?:person|people|seat|user|employee|strong)\b|"
    r"\b(?=[a-z]+\s*[:=])(?:" + PEOPLE + r")\s*[:=]\s*(\d+(?:,\d{3})*)\b|"  # "Clinicians: 120"
    # "Users ca. 300, maybe 10 questions each": the label opening its clause, then about how many
    r"(?:^|(?<=[.;:!?\n(]))\s*(?:(?:our|the|active|registered|total)\s+)?(?:" + PEOPLE + r")\s+"
    r"(?:ca\.?|circa|approx\.?|approximately|about|around|roughly|~)\s*(\d+(?:,\d{3})*)\b(?![.,]?\d|\s*(?:%|[a-z]))|"
    r"\b(?:team|staff|group|crew|department|squad|unit)\s+of\s+(\d+(?:,\d{3})*)\b|"  # "our ops team of 8"
    r"\b(?:" + PEOPLE + r")\s*\((?:about|around|roughly|approx\.?|~)?\s*(\d+(?:,\d{3})*)\)|"  # "analysts (about 150)"
    r"(?<![$€£\d.,])(\d+(?:,\d{3})*)\s+(?!(?:[a-z]+\s+){0,2}" + _MEASURES + r")(?:[a-z]+\s+){0,2}?[^\W\d_]+s"
    r"(?=\s*,?\s*(?:and\s+|who\s+)?each\b|\s*[x×]\s)",  # "15 copywriters each", "12 cafés and each", "80 surveyors x",
    # not "300 words each"
    re.IGNORECASE,
)
# Words that make a rate each member's own: "each", "who", "x", "sending", "per user".
_EACH_MEMBER = re.compile(r"\beach\b|\bevery\s*one\b|\bapiece\b|\bper\s+(?:" + PEOPLE + r"|head|person)\b|"
                          r"(?:^|\s)(?:x|×|\*)\s|\bwho\b|\bof them\b|\bthey\b|^\W*(?!during)\w+ing\b",
                          re.IGNORECASE)  # fmt: skip
_TOTAL_WORDS = (r"in total|total|altogether|together|combined|overall|across (?:all|the)|between (?:them|us)|"
                r"collectively|as a (?:team|group)|the whole (?:team|group)")
_ALL_TOGETHER = re.compile(rf"\b(?:{_TOTAL_WORDS})\b", re.I)
_LEADING_TOTAL = re.compile(rf"^\s*(?:{_TOTAL_WORDS})\b", re.I)
_SHARE = re.compile(r"(?:(\d+(?:\.\d+)?)\s*%|\b(" + SHARE_WORD + r"))\s+"
                    r"(?:of\s+(?:them|those|us)\b)?", re.IGNORECASE)  # fmt: skip


def _rates(text: str) -> list[tuple[int, int, float]]:
    """(start, end, per day) of every rate."""
    found = []
    for match in _VOLUME.finditer(text):
        found.append((match.start(), match.end(), _per_day(match)))
    for match in _FREQUENCY.finditer(text):
        count = _FREQUENCY_COUNT[match.group(1).lower()]
        found.append((match.start(), match.end(), count * PERIOD_PER_DAY[match.group(2).lower()]))
    return sorted(found + _every(text) + _per_second(text) + _every_bare(text))


# "30 RPS at peak", "12 qps", "40 req/s", "600 rpm"
_PER_SECOND = re.compile(r"(?<![$€£\d.,])" + NUM + r"\s*(rps|qps|req/s|requests/s|rpm|qpm|req/min)\b", re.I)
# "qps ~3", "RPS: 40": the unit first
_PER_SECOND_FIRST = re.compile(r"\b(rps|qps|rpm|qpm)\s*(?:[:=~≈]|is|of|around|about)?\s*~?\s*" + NUM, re.I)


def _per_second(text: str) -> list[tuple[int, int, float]]:
    found = []
    for match in _PER_SECOND.finditer(text):
        per = PERIOD_PER_DAY["second"] if match.group(3).lower() in ("rps", "qps", "req/s", "requests/s") else 1440
        found.append((match.start(), match.end(), number(match.group(1), match.group(2)) * per))
    for match in _PER_SECOND_FIRST.finditer(text):
        per = PERIOD_PER_DAY["second"] if match.group(1).lower() in ("rps", "qps") else 1440
        found.append((match.start(), match.end(), number(match.group(2), match.group(3)) * per))
    return found


# "one question every two weeks", "3 reports every other day"
_EVERY = re.compile(
    r"(?<![$€£\d.,])"
    + NUM
    + r"\s*(?:[a-z-]+\s+){0,2}?every\s+(\d+|two|three|four|five|ten|other)\s+(second|minute|hour|day|week|month)s?\b",
    re.I,
)
_EVERY_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "other": 2}


# "it'd comment every 30 sec or so", "pings the API every 5 minutes": one each time, no count said
_EVERY_BARE = re.compile(r"(?<![\d.,]\s)(?<![\d.,])\b(?:[a-z']+\s+){1,3}?every\s+(?P<n>\d+(?:\.\d+)?)\s*"
                         r"(?P<unit>seconds?|secs?|s|minutes?|mins?|hours?|hrs?)\b", re.I)  # fmt: skip
_UNIT_OF = {"s": "second", "sec": "second", "min": "minute", "hr": "hour"}


def _every_bare(text: str) -> list[tuple[int, int, float]]:
    found = []
    counted = {m.end() for m in _EVERY.finditer(text)}  # "3 reports every 2 days" has its count
    for match in _EVERY_BARE.finditer(text):
        unit = match.group("unit").lower().rstrip("s") or "s"
        per_day = PERIOD_PER_DAY[_UNIT_OF.get(unit, unit)] / float(match.group("n"))
        if match.end() not in counted and per_day > 0:
            found.append((match.start(), match.end(), per_day))
    return found


def _every(text: str) -> list[tuple[int, int, float]]:
    found = []
    for match in _EVERY.finditer(text):
        k = match.group(3).lower()
        periods = float(k) if k[0].isdigit() else _EVERY_COUNT[k]
        per_day = number(match.group(1), match.group(2)) * PERIOD_PER_DAY[match.group(4).lower()] / periods
        found.append((match.start(), match.end(), per_day))
    return found


# "Each of our 12 regional teams", "200 stores, and each store manager": members named again with "each"
_APPROX = r"(?:(?:about|around|roughly|approx\.?|approximately|some|~)\s*)*"
_MEMBERS_EACH = re.compile(
    r"\beach of (?:our|the|its|their|these|those)\s+" + _APPROX + NUM + r"\s+(?:[a-z]+\s+)?[a-z]+s\b|"
    r"(?<![$€£\d.,])" + NUM + r"\s+(?P<noun>[a-z]+)s\b(?=[^.?!]{0,60}\b(?:each|every)\s+(?P=noun)\b)|"
    r"(?<![$€£\d.,])(\d+(?:,\d{3})*)\s+(?:[a-z]+\s+)?[a-z]+s\b(?=[^.?!]{0,80}\beach (?:one )?of (?:them|us)\b)",
    re.I,
)


_EACH_NEXT = re.compile(r"[.!?]\s+(?=(?:each|every\s*one|they each|each of them)\b)", re.I)


def _others_named(sentence: str, people: str) -> bool:
    """ "20 consultants. Each client gets ~40 emails a day": the next sentence's members are not these."""
    named = re.match(r"(?:each|every)\s+(" + PEOPLE + r")\b", sentence, re.I)
    return named is not None and named.group(1).lower().rstrip("s") not in people.lower()


def _population_rate(text: str, rates: list[tuple[int, int, float]], how_often: frozenset[str] = frozenset()
                     ) -> tuple[float, str] | None:
    """Members x what each does, with a share of them when one is said ("a third of them")."""
    for people in [*_POPULATION.finditer(text), *_MEMBERS_EACH.finditer(text)]:
        if negated(text, people.start()) or any(text.startswith(note, people.start()) for note in how_often):
            continue  # "we don't have 300 adjusters"; "2 sessions a week", read with its occasion, is no one
        start = sentence_bounds(text, people.start())[0]
        end = sentence_bounds(text, people.end() - 1)[1]  # "Users ca. 300, ...": the clause goes on past "ca."
        each_next = _EACH_NEXT.match(text, end)  # "100 employees. Each will chat with it 5 times daily."
        if each_next and not _others_named(text[each_next.end() :], people.group(0)):
            end = sentence_bounds(text, each_next.end())[1]
        groups = [people.group(i) for i in range(3, (people.re.groups or 0) + 1)]
        count = next((g for g in groups if g and g[0].isdigit()), "") if not people.group(1) else ""
        size = number(people.group(1), people.group(2)) if people.group(1) else number(count, None)
        for rate_start, rate_end, per_day in rates:
            if not people.end() <= rate_start < end or rate_start - people.end() > 140:
                continue
            after = re.match(r"[\s,]*(?:each|apiece)?", text[rate_end:])
            gap = text[people.end() : rate_end] + (after.group(0) if after else "")
            lead = text[max(start, people.start() - 20) : people.start()]
            marked = people.re is _MEMBERS_EACH or _EACH_MEMBER.search(gap) or re.search(r"each of", lead, re.I)
            # "400 agents in total and each agent takes 50 calls": the total counts the people, not the rate
            rate_gap = _LEADING_TOTAL.sub("", gap)
            if _ALL_TOGETHER.search(rate_gap) or not marked:
                continue
            share = _SHARE.search(gap) or SHARE_BEFORE.search(lead)  # "Half our 10,000 users"
            fraction = 1.0
            if share:
                fraction = float(share.group(1)) / 100 if share.group(1) else share_of(share.group(2))
            at = lead.lower().find("each of")
            first = people.start() - len(lead) + at if at >= 0 else people.start()
            return size * fraction * per_day, text[first:rate_end]
    return None


# "Once a night we rewrite the ~2,000 that changed": a batch run's size at the run's frequency.
_ONCE = re.compile(r"\bonce\s+(?:a|an|per|every|each)\s+(day|night|week|month)\b", re.I)
_BATCH_COUNT = re.compile(
    r"\b(?:the|all|about|around|roughly|some)\s+~?\s?" + NUM + r"(?![-–]|\s*(?:%|[a-z]+\s+(?:tokens?|words?|pages?)\b|"
    r"tokens?|words?|pages?|lines?|chars?|characters?|ms|s\b|seconds?|minutes?|hours?|days?|examples|samples))",
    re.IGNORECASE,
)


_FUTURE = re.compile(r"\b(?:eventually|someday|some\s+day|one\s+day|in\s+the\s+future|down\s+the\s+road|long[- ]term|"
                     r"in\s+(?:a|two|\d+)\s+years?|by\s+next\s+year|could\s+grow\s+to|might\s+(?:grow|reach|hit)|"
                     r"if\s+(?:it|we|this)\s+(?:takes\s+off|scales?|grows?))\b"
                     r"(?:(?!\b(?:but|now|today|currently|for\s+the\s+mvp)\b)[^.;!?])*$", re.IGNORECASE)  # fmt: skip
_USUAL = re.compile(r"\b(?:on average|averaged?|avg|typically|usually|normally|overall)\b", re.I)
_PEAK = re.compile(r"\bpeaks?\b|\bat (?:the )?busiest\b", re.I)


# A peak that is the rate to cost: a season's ("2,000 photos a day in peak season"), or one said to hold
# ("peak is 30 per minute and it runs 24/7 at roughly that rate").
_PEAK_HELD = re.compile(r"\bpeak\s+(?:season|months?|periods?|quarters?|weeks?|days?|times?\s+of\s+(?:the\s+)?year)\b|"
                        r"\b(?:at|around|near)\s+(?:roughly\s+|about\s+)?(?:that|the\s+same)\s+(?:rate|level|pace)\b|"
                        r"\b(?:steady|constant|flat|sustained)\b", re.IGNORECASE)  # fmt: skip
# "~300 req/s at peak, ~50 on average": the average, in the peak's unit.
_BARE_AVERAGE = re.compile(r"~?\s*" + NUM + r"\s+(?:on average|on avg|average|avg|typically|normally|usually)\b|"
                           r"\b(?:average|avg|typically|normally|usually)\s+(?:of\s+|is\s+|around\s+|about\s+|~\s*)*"
                           + NUM.replace("(\\d", "(?P<n2>\\d").replace("(k|", "(?P<s2>k|")
                           + r"(?!\s*(?:[a-z%$€£/]))", re.I)  # fmt: skip


def _average_of_peak(text: str, peaks: list[tuple[int, int, float]]) -> tuple[float, str] | None:
    for start, end, per_day in peaks:
        said = re.search(NUM, text[start:end])
        average = _BARE_AVERAGE.search(text, end, end + 60)
        if said and average:
            digits, suffix = (average.group(1), average.group(2)) if average.group(1) else (average.group("n2"),
                                                                                           average.group("s2"))
            peak = number(said.group(1), said.group(2))
            if peak > 0:
                rate = per_day * number(digits, suffix) / peak
                return rate, f"{text[start:end]} ... {average.group(0).strip()} (the average, in the peak's unit)"
        if share := _AVERAGE_SHARE.search(text, end, end + 80):  # "the daily average is maybe a tenth of that"
            fraction = float(share.group("pct")) / 100 if share.group("pct") else share_of(share.group("word"))
            return per_day * fraction, f"{text[start:end]} ... {share.group(0).strip()} (x {fraction:g})"
    return None


# An average told as a share of the peak before it: "the average is maybe a tenth of that", "about 20% of it".
_AVERAGE_SHARE = re.compile(
    r"\b(?:average|avg|typical(?:ly)?|normal(?:ly)?|usual(?:ly)?)\b[^.;!?\d]{0,30}?\b(?:(?P<pct>\d{1,2}(?:\.\d+)?)\s?%|"
    r"(?P<word>" + SHARE_WORD + r"))\s+of\s+(?:that|it|this|the\s+peak|peak)\b",
    re.IGNORECASE,
)


def _batch_run(text: str) -> tuple[float, str] | None:
    for once in _ONCE.finditer(text):
        start, end = sentence_bounds(text, once.start())
        for count in _BATCH_COUNT.finditer(text, start, end):
            amount = number(count.group(1), count.group(2))
            if amount >= 2:
                period = "day" if once.group(1).lower() == "night" else once.group(1).lower()
                first, last = min(once.start(), count.start()), max(once.end(), count.end())
                return amount * PERIOD_PER_DAY[period], text[first:last]
    return None


def volume(text: str) -> tuple[float, str] | None:
    """Requests a day and the words that say so; a stated population times each member's rate first."""
    spelled = Spelled(text)
    abroad = Abroad(spelled.text)  # "900 consultas al mes" as "900 consultas per month"
    found = workloads(abroad.text, _volume_in_digits) or _volume_in_digits(abroad.text)  # "(a) ... (b) ..." add up
    if found is None:
        return None
    found = corrected(abroad.text, found, _volume_in_digits) or found  # "10k a day - scratch that, 14k"
    per_day, evidence = sized_for_later(abroad.text, found) or found  # "expect to triple; size for Q3"
    return round(per_day, 3), spelled.original(abroad.original(evidence))  # the evidence keeps the user's words


def _clause_after(text: str, at: int) -> str:
    """The words after a rate up to the clause's end: "20 req/min on average", not the next clause's."""
    end = re.search(r"[,;.!?]|\b(?:but|while|whereas)\b", text[at : at + 40])  # "100 rps but average 20"
    return text[at : at + (end.start() if end else 40)]


def _per_day(match: re.Match[str]) -> float:
    period = next(g for g in (match.group(3), match.group(4)) if g).lower()
    return number(match.group(1), match.group(2)) * PERIOD_PER_DAY[period]


# "monthly volume ~ 3M requests", "daily traffic: 40k": the period first, as a label
_LABELLED = re.compile(
    r"\b(daily|monthly|weekly|hourly)\s+(?:volume|traffic|load|requests|throughput|usage)\s*(?:is|of|:|=|~|≈|around|"
    r"about|roughly|\s)*" + NUM
    + r"(?!\s*(?:(?:input|output|prompt|completion)\s+)?(?:tokens?|%|ms|[$€£]|usd|dollars|eur))",
    re.IGNORECASE,
)


# "Every week roughly 3,500 survey answers come in": the period first, then the count
_PERIOD_FIRST = re.compile(
    r"\b(?:every|each|per|(?:in|over)\s+(?:a|an|one)(?:\s+(?:typical|average|normal|busy))?)\s+"  # "Over a week we get"
    r"(day|night|week|month|quarter|year)\b\s*,?\s*(?:we\s+(?:get|see|receive|handle|process)\s+)?"
    r"(?:about|around|roughly|approx\.?|approximately|some|maybe|~)?\s*~?\s*"
    + NUM
    + r"(?![.,]\d)"  # all of "~1,500 tokens", not its "1"
    r"(?!\s*(?:tokens?|words?|pages?|%|ms|[$€£]|usd|dollars|eur|hours?|minutes?|days?|(?:[a-z]+\s+)?(?:"
    + PEOPLE + r"))\b)",  # "In a week, 3 people left"
    re.IGNORECASE,
)


# "Handful of queries a day, maybe 20", "a few dozen tickets a week - say 40": a vague rate, then its figure
_SOFT_FIGURE = re.compile(
    r"\b(?:a\s+)?(?:handful|few|couple|bunch|dozens?|several|some|lots?|loads)\s+(?:of\s+)?(?:dozen\s+)?"
    r"(?:[a-z-]+\s+)?(?P<noun>(?!(?:" + PEOPLE + r"|" + _MEASURES + r"))[a-z-]+s)\s+(?:a|an|per|each|every|/)\s*"
    + _PERIOD.replace("(day", "(?P<period>day", 1) + r"\s*(?:[,;:(]|[-–—])\s*(?:maybe|perhaps|about|around|roughly|say|"
    r"like|approx\.?|approximately|call\s+it|~)\s*~?\s*(?P<n>\d+(?:,\d{3})*)(?!\d)(?:\s+(?P=noun))?"
    r"(?!\s*(?:[%$€£]|[.,]\d|(?!or\s+so\b)[a-z]))",
    re.IGNORECASE,
)


# "nightly re-categorisation of 18k product listings", "weekly re-indexing of 2M documents": a pass over each item
_PERIODIC_PASS = re.compile(
    r"\b(?P<ly>nightly|daily|weekly|monthly|hourly)\s+(?:[a-z-]+\s+)?(?:re-?)?[a-z-]+(?:ation|ing|ment)\s+"
    r"(?:of|over|for|on)\s+(?:the\s+|our\s+|all\s+|about\s+|around\s+|roughly\s+|~\s*)*"
    + named_number("n") + r"\s+(?:[a-z-]+\s+)?(?!(?:" + PEOPLE + r"|" + _MEASURES + r"|models\b))[a-z-]+s\b",
    re.IGNORECASE,
)
_LY = {"nightly": "night", "daily": "day", "weekly": "week", "monthly": "month", "hourly": "hour"}


def _labelled(text: str) -> list[tuple[int, int, float]]:
    found = []
    for each in _PERIODIC_PASS.finditer(text):
        per_day = number(each.group("n"), each.group("n_suffix")) * PERIOD_PER_DAY[_LY[each.group("ly").lower()]]
        found.append((each.start(), each.end(), per_day))
    for soft in _SOFT_FIGURE.finditer(text):
        per_day = number(soft.group("n"), None) * PERIOD_PER_DAY[soft.group("period").lower()]
        found.append((soft.start(), soft.end(), per_day))
    for match in [*_LABELLED.finditer(text), *_PERIOD_FIRST.finditer(text)]:
        found.append(
            (
                match.start(),
                match.end(),
                number(match.group(2), match.group(3)) * PERIOD_PER_DAY[match.group(1).lower()],
            )
        )
    return found


_ONE_MEMBER = re.compile(r"\b(?:per|each|every|a)\s+(?:" + PEOPLE + r"|head|person)\b", re.I)


# "one report per week for each of our ~90 client farms": the rate is each member's, the members counted after it
_FOR_EACH_OF = re.compile(r"\s*,?\s*(?:for|to|from|across|on|at)\s+(?:each|every\s*one|every\s+single\s+one)\s+of\s+"
                          r"(?:our|the|its|their|these|those|my)?\s*" + _APPROX + NUM
                          + r"\s+(?:[a-z-]+\s+)?[a-z-]+s\b", re.I)  # fmt: skip


def _population_after(text: str, rates: list[tuple[int, int, float]]) -> tuple[float, str] | None:
    """A member's rate, then the members: "50 NPC lines per player per day for 2,000 players", "a report a
    week for each of our 90 farms"."""
    for start, end, per_day in rates:
        if each_of := _FOR_EACH_OF.match(text, end):
            return number(each_of.group(1), each_of.group(2)) * per_day, text[start : each_of.end()]
        if not _ONE_MEMBER.search(text, start, end):
            continue
        after = re.match(r"\s*,?\s*(?:for|across|among|with|over)\s+(?:our\s+|the\s+|about\s+|around\s+|~\s*)*",
                         text[end : end + 40])  # fmt: skip
        people = _POPULATION.match(text, end + after.end()) if after else None
        if people and people.group(1):
            return number(people.group(1), people.group(2)) * per_day, text[start : people.end()]
    return None


# A rough figure made exact right after it: "a couple hundred stories a day - call it 250", "~200, let's say 250".
_CALL_IT = re.compile(r"\s*(?:[-–—,;:(]|\.\s)\s*(?:so\s+)?(?:call\s+it|let'?s\s+say|say|make\s+it|"
                      r"round\s+(?:it\s+)?up\s+to)\s+(?:~|about\s+|around\s+|roughly\s+)?" + NUM
                      + r"(?!\s*(?:%|[$€£]|ms|s\b|seconds?|tokens?|words?|pages?|users?|people|employees|staff))",
                      re.IGNORECASE)  # fmt: skip


def _restated(text: str, start: int, end: int, found: tuple[float, str]) -> tuple[float, str]:
    """The rate at the figure the user rounded it to, when they did so right after it."""
    restated = _CALL_IT.match(text, end)
    first = re.search(NUM, text[start:end])
    if restated is None or first is None or not (was := number(first.group(1), first.group(2))):
        return found
    said = number(restated.group(1), restated.group(2))
    return found[0] * said / was, f"{found[1]}{restated.group(0).rstrip()}"


def _at_occasions(rates: list[tuple[int, int, float]], occasions: list[Occasion], text: str
                  ) -> list[tuple[int, int, float]]:
    """The rates with those per an occasion read at its length or frequency ("200 a night, 3 nights a week")."""
    taken = {o.start for o in occasions}
    # "2 sessions a week" that an occasion's count is read at is how often it happens, not work of its own
    how_often = {o.note for o in occasions}
    kept = [r for r in rates if r[0] not in taken and text[r[0] : r[1]] not in how_often]
    return sorted(kept + [(o.start, o.end, o.per_day) for o in occasions])


def _noted(found: tuple[float, str], occasions: list[Occasion], text: str) -> tuple[float, str]:
    """The evidence with the length or frequency of the occasion its rate is per: "(a term is 10 weeks)"."""
    per_day, words = found
    for occasion in occasions:
        if words.endswith(text[occasion.start : occasion.end]) and occasion.note not in words:
            return per_day, f"{words} ({occasion.note})"
    return found


def _volume_in_digits(text: str) -> tuple[float, str] | None:
    occasions = occasion_rates(text)
    rates = _at_occasions(_rates(text), occasions, text)
    if chained := chained_volume(text):  # nested products first: they hold the simple ones inside
        return chained
    # the members counted in another sentence: "20 consultants. ... Each consultant sends ~40 a day"
    how_often = frozenset(o.note for o in occasions)
    product = _population_rate(text, rates, how_often) or _population_after(text, rates)
    if product := product or members_times_rate(text, rates):
        return _noted(product, occasions, text)
    matches = [(m.start(), m.end(), _per_day(m)) for m in _VOLUME.finditer(text)] + _every(text) + _per_second(text)
    matches = _at_occasions(matches + _labelled(text), occasions, text)
    # "10 per user per day" with no count of users is one member's rate, not the volume
    matches = [m for m in matches if not _ONE_MEMBER.search(text, m[0], m[1])]
    # "We might eventually do 1M a day, but for the MVP it's maybe 500": today's rate over a hoped-for one
    matches = [m for m in matches if not _FUTURE.search(text[max(0, m[0] - 50) : m[0]])] or matches
    usual = [m for m in matches if _USUAL.search(text[max(0, m[0] - 25) : m[0]] + _clause_after(text, m[1]))]
    # "1.5k an hour at peak", "peaks at 50/min"
    steady = [m for m in matches if not _PEAK.search(text[max(0, m[0] - 12) : m[0]] + _clause_after(text, m[1]))]
    if not usual and (average := _average_of_peak(text, [m for m in matches if m not in steady])):
        return average
    if matches and not usual and not steady and not _PEAK_HELD.search(text):  # only a peak: it is no average
        start, end, per_day = sorted(matches)[0]
        return per_day / DEFAULT_PEAK_TO_AVERAGE, (
            f"{text[start:end]} (a peak: the average taken as 1/{DEFAULT_PEAK_TO_AVERAGE:g} of it, the "
            "peak-to-average ratio the sizing assumes; say the average to change it)"
        )
    if chosen := (usual or sorted(steady) or sorted(matches))[:1]:  # an average rate over a peak one
        start, end, per_day = chosen[0]
        return _restated(text, start, end, _noted((per_day, text[start:end]), occasions, text))
    if bare := _every_bare(text)[:1]:  # "it'd comment every 30 sec": only when no count is said
        return bare[0][2], text[bare[0][0] : bare[0][1]]
    match = _VOLUME_PLAIN.search(text)
    if match and re.search(r"\bday|daily\b", text, re.IGNORECASE):
        return number(match.group(1), match.group(2)), match.group(0)
    return _batch_run(text)
