"""A volume a later turn states in terms of one told before: a corrected unit of the count a chain started
from ("1,400 conversations a day, 6 calls each", then "it's 1,400 conversations a week, not a day": 200 a
day x 6), a member's rate for members counted in an earlier turn ("40 lawyers will use it", then "each
lawyer asks ~15 questions a day": 600), and a new count of members named by a general word ("staff
numbers are closer to 1,500" after 40 lawyers x 15). Pure: the earlier words are passed in."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.extract import extract
from agent.advisor.rules.volume_rescale import MEMBER_COUNT

_CHAIN = " x "
_COUNTED = re.compile(r"(?<![\d.,])\d[\d,.]*\s*(?:k|thousand|m|million)?\s+(?P<noun>[a-z][a-z-]*)", re.IGNORECASE)
# A member's rate: "each lawyer would ask", "per agent", "every one of them".
_EACH = re.compile(r"\b(?:each|every|per)\s+(?:one\s+of\s+(?:them|us)|[a-z][\w-]*)\b", re.IGNORECASE)
# A count of members named by a general word: "staff numbers are closer to 1,500", "headcount is now 60".
_GENERAL_COUNT = re.compile(
    r"\b(?:staff(?:\s+numbers?)?|headcount|head\s+count|team\s+size|user\s+base|number\s+of\s+(?:users|staff|people|"
    r"employees|seats|members)|seats|employees|users|people|members)\b[^.?!\d]{0,30}?"
    r"(?<![\d.,$€£])(?P<n>\d+(?:,\d{3})*)\b(?!\s*(?:%|[a-z]+\s+(?:a|per)\s))",
    re.IGNORECASE,
)
_MEMBERS_IN = re.compile(r"\((?P<rate>[\d,.]+) x (?P<members>[\d,.]+) = [\d,.]+\)")


def _stem(noun: str) -> str:
    noun = noun.lower()
    return noun[:-1] if noun.endswith("s") else noun


def rechained(new_evidence: str, new_per_day: float, old_per_day: float, old_evidence: str) -> tuple[float, str] | None:
    """The new count times the factor the old chain put on the same count ("conversations x 6 calls")."""
    if _CHAIN not in old_evidence or _CHAIN in new_evidence or _MEMBERS_IN.search(old_evidence):
        return None
    base_words = old_evidence.split(_CHAIN)[0]
    new_noun, old_noun = _COUNTED.search(new_evidence), _COUNTED.search(base_words)
    if new_noun is None or old_noun is None or _stem(new_noun["noun"]) != _stem(old_noun["noun"]):
        return None
    base = extract(base_words).fields.get("requests_per_day")
    if not base or base <= 0 or abs(old_per_day - base) < 1e-9:
        return None
    factor = old_per_day / float(base)
    return new_per_day * factor, f"{new_evidence}{_CHAIN}{factor:g} as before ({old_evidence.split(_CHAIN, 1)[1]})"


def _counts(said: str) -> set[float]:
    return {written_number(m.group(0).split()[0]) for m in _COUNTED.finditer(said)}


def with_earlier_members(text: str, found_per_day: float, earlier: list[str]) -> tuple[float, str] | None:
    """A member's rate in this turn times the members an earlier turn counted, read as one message."""
    if not _EACH.search(text) or found_per_day <= 0:
        return None
    for said in reversed(earlier):
        joined = extract(f"{said.rstrip(' .!')}. {text}")
        per_day = joined.fields.get("requests_per_day")
        if per_day and per_day > found_per_day and per_day / found_per_day in _counts(said):
            return float(per_day), joined.evidence.get("requests_per_day", "")
    return None


def _members(evidence: str, per_day: float) -> float | None:
    """How many members the volume's words multiplied: "(15 x 40 = 600)", else the first count that
    divides the volume ("25 accountants ... 12 a day")."""
    if members := _MEMBERS_IN.search(evidence):
        return written_number(members["members"])
    counted = (written_number(m["n"]) for m in MEMBER_COUNT.finditer(evidence))  # "25 accountants", not "12 a day"
    return next((n for n in counted if n >= 2 and n != per_day and (per_day / n).is_integer()), None)


def recounted_members(text: str, per_day: float, evidence: str) -> tuple[float, str] | None:
    """A new count of the members a volume multiplied, named by a general word ("staff numbers are
    closer to 1,500" after "15 x 40 = 600")."""
    count = _GENERAL_COUNT.search(text)
    before = _members(evidence, per_day) if count else None
    if count is None or before is None:
        return None
    now = written_number(count["n"])
    if before < 2 or now == before:
        return None
    return round(per_day * now / before, 3), f"{evidence}; now {count.group(0).strip()} (x {now:g}/{before:g})"
