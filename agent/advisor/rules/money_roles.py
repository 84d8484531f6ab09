"""What a sum of money in a message is for: a limit the user sets, or a bill they pay or paid, a price a
vendor quoted, a price turned down, or a figure they say is no cap. Only a limit is a budget: "We pay
vendor X about $6,200/month and want to get under $4,000" has a budget of $4,000. Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.size_units import sentence_bounds

# What is paid today: "we're spending ~$4k/month right now", "our current bill is $900"; a limit says so.
_NOW = re.compile(r"\b(?:right now|currently|today|at the moment|these days|now|current|existing|"
                  r"(?:we|i)\s+(?:spend|pay)|(?:we|i)(?:'re|’re|\s+are|\s+am|'m)\s+(?:currently\s+)?(?:spending|paying))\b",
                  re.I)  # "We spend about $12k/yr on Azure", "We're paying $4k a month": today's bill
_PAID = re.compile(r"\b(?:spending|paying|(?:we|i)\s+(?:currently\s+|now\s+)?(?:spend|pay)|costs? us|bill is|bill of|"
                   r"invoice)\b", re.I)  # fmt: skip
# What was paid before: "We were on GPT-4 at ~$9k/month", "we used to spend $5k", "it was costing us $3k".
_PAST = re.compile(r"\b(?:(?:we|i)\s+(?:were|was)\s+(?:on|paying|spending|burning)\b|used\s+to\s+(?:pay|spend|cost)|"
                   r"(?:was|were)\s+costing|(?:we|i)\s+(?:paid|spent)|last\s+(?:month|year|quarter)'?s?\s+"
                   r"(?:bill|invoice|spend))\b", re.I)  # fmt: skip
# A vendor's price: "a vendor quoted $0.002 per call with a $1,500/month minimum", "their offer was $3k".
_QUOTED = re.compile(r"\b(?:quoted?|quotes|offered|(?:their|the|vendor'?s?|list)\s+(?:offer|price|pricing|plan))\b",
                     re.I)  # fmt: skip
_MINIMUM_AFTER = re.compile(r"\s*(?:(?:a|per|/)\s*(?:month|mo|year|yr)\s+)?(?:minimum|min\.?)(?:\s+(?:spend|commit"
                            r"(?:ment)?|fee|charge))?\b", re.I)  # fmt: skip
# A limit said beside the figure: "ceiling is $800", "$4k/month max", "want to get under $4,000".
LIMIT = re.compile(r"\b(?:budgets?|afford|cap|capped|ceiling|max(?:imum)?|limit|allocated?|set aside|at most|no more|"
                   r"down to|target|get (?:that|it) to|bring (?:that|it) to|up to|can spend|could spend|"
                   r"(?:willing|happy|able) to (?:spend|pay)|under|below|within|keep|tops)\b", re.I)  # fmt: skip
# The firmer limit words, which outrank a figure with none: "Our hard ceiling now is $10k a month", "we need
# to come in below £1,500" (not "each request under $0.01").
FIRM_LIMIT = re.compile(r"\b(?:budgets?|afford|cap|capped|ceiling|max(?:imum)?|limit|at most|no more than|"
                        r"can spend|hard|(?:get|come|stay|keep|bring)\b(?:\s+\w+){0,2}?\s+(?:under|below))\b",
                        re.I)  # fmt: skip
_FIGURE = re.compile(r"[$€£]|\d")
_CLAUSE_OPEN = re.compile(r",\s|;|\band\b|\bbut\b|\bwhile\b", re.I)


def _limit_beside(text: str, start: int, end: int, clause: str) -> bool:
    """A limit word in the figure's clause before it, or after it before any other figure's clause
    ("$4k/month, which is our budget"; not "$6,200/month and want to get under $4,000")."""
    if LIMIT.search(clause):
        return True
    _, sentence_end = sentence_bounds(text, start)
    after = text[end : min(sentence_end, end + 40)]
    if figure := _FIGURE.search(after):
        opens = [*_CLAUSE_OPEN.finditer(after, 0, figure.start())]
        after = after[: opens[-1].start()] if opens else ""
    return bool(LIMIT.search(after))


def paid_not_limit(text: str, start: int, end: int, clause: str) -> bool:
    """Today's or a past bill, or a vendor's quote, with no limit word beside this amount ("paying $12k/month
    right now and want to get that under $5k": $12k is today's, $5k the budget)."""
    low, high = sentence_bounds(text, start)
    sentence = text[low:high]
    paid = bool(_NOW.search(sentence) and _PAID.search(sentence)) or bool(_PAST.search(sentence))
    quoted = bool(_QUOTED.search(sentence) or _MINIMUM_AFTER.match(text, end))
    return (paid or quoted) and not _limit_beside(text, start, end, clause)


TOO_MUCH = re.compile(r"[^.;!?]*?\b(?:(?:way|far|much|a bit|slightly)\s+)?(?<!not )(?<!n.t )"
                      r"(?:too\s+(?:much|expensive|high|pricey|steep)|"
                      r"can'?t afford|cannot afford|out of (?:our|my) (?:budget|reach)|over (?:our|my) budget)\b",
                      re.IGNORECASE)  # fmt: skip
# "We spend $3k/month today ... I want to cut that bill in half": the budget is what is left.
CUT = re.compile(
    r"\b(?:cut|halve|reduce|lower|bring down|slash|drop)(?:\s+(?:that|the|our|this|my|it|them))?"
    r"(?:\s+(?:bill|cost|costs|spend|spending|invoice|number))?\s+(?:(?P<half>in half|by half|by 50\s?%)|"
    r"by\s+(?:about\s+|around\s+|~\s*)?(?P<pct>\d{1,2})\s?%)|\bhalve\s+(?:that|the|our|this|it)\b(?P<half2>)",
    re.IGNORECASE,
)

# "Ideally under $2k/mo, but that's not a hard cap", "$3k a month is a guide, not a limit": the user says the
# figure binds nothing ("no limit on latency" is about something else).
_NOT_A_CAP = re.compile(r"(?:\bnot|n[’']t|\bno)\s+(?:really\s+|exactly\s+|actually\s+|strictly\s+)?(?:an?\s+)?"
                        r"(?:hard|firm|strict|fixed|real|set)?\s*(?:cap|limit|ceiling|maximum|max|constraint)\b"
                        r"(?!\s+(?:on|for|to)\b)", re.I)  # fmt: skip


def hedged(text: str, figures: list[tuple[int, int]]) -> set[int]:
    """The starts of the figures the user says are no cap: the nearest before the words in their sentence or
    the one before it, or else the first after them in their sentence."""
    denied: set[int] = set()
    for hedge in _NOT_A_CAP.finditer(text):
        low, high = sentence_bounds(text, hedge.start())
        reach = sentence_bounds(text, max(0, low - 2))[0] if low > 0 else low
        before = [start for start, end in figures if reach <= start and end <= hedge.start()]
        after = [start for start, _ in figures if hedge.end() <= start < high]
        if before or after:
            denied.add(before[-1] if before else after[0])
    return denied
