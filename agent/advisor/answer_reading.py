"""A terse reply read as the answer to the question it replies to: "900 a month" to the budget question is a
budget of $900, not a volume of 30 requests a day, and "uk" alone names where the data may go."""

from __future__ import annotations

import re

from agent.advisor.rules.extract import extract
from agent.advisor.rules.extract_money import read_money
from agent.advisor.rules.extraction import Extraction
from agent.advisor.rules.number_words import Spelled
from agent.advisor.rules.places import known_code

# Words that may stand around a place given as a whole reply: "UK only", "data in the EU please".
_FILLER = re.compile(r"\b(?:only|just|strictly|please|pls|data|in|the|region|hosting|localisation|localization|"
                     r"residency|must|stay|stays|ok|okay|yes)\b|[^\w\s]", re.IGNORECASE)  # fmt: skip


# A reply that is only a figure, perhaps rough or asked back: "2500", "~3k", "maybe 2-3k?", "-500".
_BARE_FIGURE = re.compile(r"^\s*(?:(?:about|around|roughly|approx\.?|maybe|perhaps|probably|like|say|~)\s*)*"
                          r"(?P<minus>-\s*)?(?P<figure>\d[\d,.]*\s?(?:k|m|thousand|million)?"
                          r"(?:\s?(?:-|–|to)\s?\d[\d,.]*\s?(?:k|m|thousand|million)?)?)\s*(?:\?|\.|!|ish)?\s*$",
                          re.IGNORECASE)  # fmt: skip


def read_as_answer(field: str | None, text: str) -> Extraction:
    """What a reply states once it is read as an answer to the question about `field` (None: no question)."""
    found = Extraction()
    parts = re.split(r"\s+(?:or|and)\s+|\s*[,/+]\s*", _FILLER.sub(" ", text).strip())
    places = [code for part in parts if (code := known_code(part))]
    if text.strip() and len(places) == len(parts):
        found.put("privacy", "region-locked", text.strip())
        for place in dict.fromkeys(places):
            found.add_to_list("regions", place, text.strip())
    if field == "requests_per_day" and (figure := _BARE_FIGURE.match(text)):
        # The question asks for a day's requests, so a bare figure ("2500", "maybe 2-3k?") is one; a minus
        # is kept, so the figure fails validation and is said back rather than read as 500.
        volume = extract(f"{figure.group('figure')} a day").fields.get("requests_per_day")
        if volume is not None:
            found.put("requests_per_day", -volume if figure.group("minus") else volume, text.strip())
    if field != "budget_usd_month":
        return found
    spelled = Spelled("budget " + text)  # "two grand" in digits; "2-3k" at its midpoint, as a stated budget
    if re.search(r"\d", spelled.text):
        # The question names the money, so a bare figure is read as if the reply had said "budget".
        money = read_money(spelled.text)
        if money.budget is not None:
            said = spelled.original(money.budget[1].split(" (")[0], midpoints=True)  # the user's words
            found.put("budget_usd_month", money.budget[0], said)
    return found
