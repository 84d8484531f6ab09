"""One member's rate times the members counted elsewhere in the message, often a sentence or two before:
"UK recruitment agency, 20 consultants. ... Each consultant sends ~40 a day" is 20 x 40; "for ~12,000
students. Figure about 3 questions per student per school day" is 12,000 x 3; "We're a 250-person
company ... each employee asks ~3 questions a week" counts the company's people. The rate must say whose
it is ("each consultant", "per student", "each of us"), and the count must name the same members (or,
for a firm's own people, any word for them); a count that is itself a rate ("200 tickets a day") counts
no members. Pure; numbers as digits."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.negation import negated
from agent.advisor.rules.number_words import share_before
from agent.advisor.rules.people import OWN_PEOPLE
from agent.advisor.rules.size_units import sentence_bounds

_NUM = r"(?<![$€£\d.,])(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(?P<s>k|thousand))?"
_OWN_COUNT = re.compile(
    _NUM + r"[- ](?:person|people|strong|seat|employee|staff)\b"  # "a 250-person company", "40-strong"
    r"(?:\s+(?:company|firm|team|agency|business|organi[sz]ation|org|office|practice|startup|department|shop))?|"
    + _NUM.replace("<n>", "<n2>").replace("<s>", "<s2>")
    + r"\s+(?:[a-z-]+\s+)?(?:people|persons|employees|staff|staffers|colleagues|workers|teammates|members)\b|"
    r"\b(?:team|staff|group|crew|headcount|company|firm|office)\s+of\s+(?P<n3>\d+(?:,\d{3})*)\b|"
    r"\b(?P<n4>\d+)\s+of\s+us\b|\bwe(?:'re|\s+are)\s+(?:a\s+team\s+of\s+|about\s+|around\s+|~\s*)?(?P<n5>\d+)\b"
    r"(?!\s*(?:%|[a-z]+\s+(?:a|per)\s))",
    re.IGNORECASE,
)
_MEASURE_OR_TIME = {"word", "token", "page", "line", "hour", "minute", "second", "day", "week", "month", "year",
                    "dollar", "euro", "pound", "percent", "time", "shift", "night", "session", "request", "call",
                    "message", "question", "query", "prompt", "ticket", "email", "working", "business", "school",
                    "calendar", "trading", "clinic", "normal", "typical", "busy", "quarter", "annum", "term",
                    "semester", "weekend"}  # fmt: skip
# A count of members is no rate: "20 consultants", not "200 tickets a day".
NOT_A_RATE = (r"(?!\s*(?:a|an|per|each|every|/)\s*(?:day|night|week|month|year|hour|minute|shift)\b|"
               r"\s+(?:daily|weekly|monthly))")
# Whose the rate is, said just before it: "Each consultant sends ~", "each employee asks ~", "each of us".
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+(?:(?P<of>of\s+(?:us|them|the\s+[a-z-]+s|our\s+[a-z-]+s))|"
                          r"(?P<noun>[^\W\d_][\w-]*))\s+(?:[\w~-]+\s+){0,4}?[~\s]*$|"
                          r"\b(?P<everyone>everyone|everybody)\s+(?:[\w~-]+\s+){0,4}?[~\s]*$",
                          re.IGNORECASE)  # fmt: skip
_EACH_AFTER = re.compile(r"\s*(?:each|apiece)\b", re.IGNORECASE)
_PLURAL = re.compile(r"\b([^\W\d_][\w-]*[^\W\ds_]s)\b", re.IGNORECASE)
_NOT_PLURAL = {"has", "was", "this", "its", "does", "always", "perhaps", "plus", "thus", "yes", "sometimes", "across",
               "towards", "afterwards", "unless"}  # fmt: skip
_AFTER_REACH = 200  # a sentence or so
_WORD = re.compile(r"[^\W\d_][\w-]*")
_PER_IN = re.compile(r"\b(?:per|each|every|a)\s+(?P<noun>[^\W\d_][\w-]*)\b", re.IGNORECASE)


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _value(number: str, suffix: str | None) -> float:
    return written_number(number, scaled=bool(suffix)) * (1e3 if suffix else 1.0)


def _whose(text: str, start: int, end: int) -> str | None:
    """The member a rate belongs to, singular ("consultant", "student"), or "us" for one's own people."""
    clause = max(sentence_bounds(text, start)[0], text.rfind(";", 0, start) + 1, start - 80)
    before = _EACH_BEFORE.search(text[clause:start])
    member = None
    if before and before.group("everyone"):
        member = "us"
    elif before and before.group("of"):
        said = before.group("of").split()[-1].lower()
        member = "us" if said in ("us", "them") else _singular(said)
    elif before and before.group("noun"):
        member = _singular(before.group("noun"))
    elif re.search(r"\b(?:each|every)\s+$", text[clause:start], re.I) and (first := _WORD.match(text, start, end)):
        member = _singular(first.group(0))  # "Each | robot queries every 10 seconds": the rate opens on the member
    else:
        pers = (_singular(per.group("noun")) for per in _PER_IN.finditer(text, start, end))
        member = next((noun for noun in pers if noun not in _MEASURE_OR_TIME), None)  # "3 questions per student"
    if member is None and _EACH_AFTER.match(text, end):  # "Devs average 100 requests per working day each"
        plurals = [w for w in _PLURAL.findall(text, clause, start) if w.lower() not in _NOT_PLURAL]
        member = _singular(plurals[-1]) if plurals else None
    return member if member not in _MEASURE_OR_TIME else None


def _members(text: str, member: str, rate_start: int, rate_end: int) -> tuple[float, str] | None:
    """The nearest count of those members before the rate ("20 consultants", "a 250-person company"), or
    with none before it, the first after it ("...; we have 25 robots")."""
    named = re.compile(_NUM + r"\s+(?:[\w-]+\s+){0,2}?" + re.escape(member) + r"(?:e?s)?\b" + NOT_A_RATE,
                       re.IGNORECASE)  # fmt: skip
    counts = [(m.start(), _value(m.group("n"), m.group("s")), m.group(0)) for m in named.finditer(text, 0, rate_start)
              if not negated(text, m.start())]  # "we don't have 300 adjusters"
    if member in OWN_PEOPLE:
        for own in _OWN_COUNT.finditer(text, 0, rate_start):
            number = next(own.group(g) for g in ("n", "n2", "n3", "n4", "n5") if own.group(g))
            counts.append((own.start(), _value(number, own.group("s") or own.group("s2")), own.group(0)))
    if not counts:  # "Each robot queries every 10 seconds ...; we have 25 robots": the count said after the rate
        after = (m for m in named.finditer(text, rate_end, rate_end + _AFTER_REACH) if not negated(text, m.start()))
        counts = [(m.start(), _value(m.group("n"), m.group("s")), m.group(0)) for m in list(after)[:1]]
    if not counts:
        return None
    at, size, words = max(counts)  # the nearest
    if size < 2:
        return None
    if share := share_before(text, at):  # "Half our 10,000 users ask 2 questions each": 5,000 users ask
        return size * share[0], f"{share[1]} {words}"
    return size, words


def members_times_rate(text: str, rates: list[tuple[int, int, float]]) -> tuple[float, str] | None:
    """(requests a day, "20 consultants x 40 a day") from the first rate that is one member's and whose
    members are counted before it."""
    for start, end, per_day in rates:
        member = _whose(text, start, end)
        if member is None:
            continue
        if found := _members(text, member, start, end):
            size, words = found
            return size * per_day, f"{words.strip()} x {text[start:end]}"
    return None
