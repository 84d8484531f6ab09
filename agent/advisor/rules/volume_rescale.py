"""A new count of the members a volume was multiplied by: "make it 20 devs" after "12 devs, 50 calls each
a day" scales the volume by 20/12 rather than being left unread. Pure; the evidence is the volume's own."""

from __future__ import annotations

import re

from agent.advisor.rules.digit_groups import written_number
from agent.advisor.rules.volume_members import NOT_A_RATE

# "make it 20 devs", "we're 30 agents now", "actually 8 stores": a count with no rate after it.
MEMBER_COUNT = re.compile(r"(?<![$€£\d.,])(?P<n>\d+(?:,\d{3})*)\s+(?P<noun>[a-z][a-z-]*?s)\b" + NOT_A_RATE,
                          re.IGNORECASE)


# Words people use for the same members: "10 developers" then "make it 20 devs".
_SAME_MEMBERS = [("dev", "developer", "engineer", "programmer", "coder", "software engineer"),
                 ("rep", "representative", "agent", "support agent"), ("doc", "document"), ("employee", "staff member"),
                 ("msg", "message"), ("convo", "conversation", "chat"), ("store", "shop", "branch"),
                 ("user", "customer", "client")]  # fmt: skip


def _names_for(stem: str) -> str:
    """A pattern for the member in the singular, with the other words for it."""
    same = next((group for group in _SAME_MEMBERS if stem in group), (stem,))
    return "|".join(re.escape(word) for word in sorted(same, key=len, reverse=True))


def rescaled(text: str, per_day: float, evidence: str) -> tuple[float, str] | None:
    """(requests a day, the words) when the message recounts a factor the volume's evidence multiplied."""
    for match in MEMBER_COUNT.finditer(text):
        names = _names_for(match.group("noun").lower()[:-1])
        counts = list(re.finditer(rf"(?<![\d.,])(\d+(?:,\d{{3}})*)\s+(?:[\w-]+\s+)?(?:{names})s?\b", evidence, re.I))
        if not counts:
            continue
        old = counts[-1]  # the latest count: "12 devs ...; now 20 devs (x 20/12)" is 20 devs
        before, now = written_number(old.group(1)), written_number(match.group("n"))
        if before >= 2 and now != before:
            return round(per_day * now / before, 3), f"{evidence}; now {match.group(0)} (x {now:g}/{before:g})"
    return None
