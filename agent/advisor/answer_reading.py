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

_ROUGHLY = (r"(?:about|around|roughly|approx\.?|approximately|maybe|perhaps|probably|possibly|like|say|circa|ca\.|"
            r"something\s+like|somewhere\s+around|in\s+the\s+region\s+of|give\s+or\s+take|~)")
# The same figure said roughly, with its numbers as digits ("two thousand-ish" is "2000-ish"): "2000 or so",
# "2k-ish", "about 2000 requests", "~2k give or take".
_ROUGH_FIGURE = re.compile(r"^\s*(?:" + _ROUGHLY + r"[\s,]*)*(?P<figure>\d[\d,.]*\s?(?:k|m|thousand|million)?)"
                           r"(?:\s*-?\s*ish|\s+or\s+so|\s+or\s+thereabouts|,?\s+give\s+or\s+take|"
                           r"\s+(?:requests|queries|calls|messages|chats|conversations))*\s*(?:\?|\.|!)?\s*$",
                           re.IGNORECASE)  # fmt: skip
_MINUS = re.compile(r"^\s*(?:-|−|minus\s)\s*", re.IGNORECASE)


def _volume_figure(text: str) -> tuple[str, bool] | None:
    """The figure a reply to the volume question is, and whether a minus stands before it."""
    if bare := _BARE_FIGURE.match(text):
        return bare.group("figure"), bool(bare.group("minus"))
    minus = _MINUS.match(text)
    rough = _ROUGH_FIGURE.match(Spelled(text[minus.end() :] if minus else text).text)
    return (rough.group("figure"), bool(minus)) if rough else None


def read_as_answer(field: str | None, text: str) -> Extraction:
    """What a reply states once it is read as an answer to the question about `field` (None: no question)."""
    found = Extraction()
    parts = re.split(r"\s+(?:or|and)\s+|\s*[,/+]\s*", _FILLER.sub(" ", text).strip())
    places = [code for part in parts if (code := known_code(part))]
    if text.strip() and len(places) == len(parts):
        found.put("privacy", "region-locked", text.strip())
        for place in dict.fromkeys(places):
            found.add_to_list("regions", place, text.strip())
    # The question asks for a day's requests, so a bare figure ("2500", "maybe 2-3k?", "two thousand or so") is
    # one; a minus is kept, so the figure fails validation and is said back rather than read as 500.
    if field == "requests_per_day" and (figure := _volume_figure(text)):
        volume = extract(f"{figure[0]} a day").fields.get("requests_per_day")
        if volume is not None:
            found.put("requests_per_day", -volume if figure[1] else volume, text.strip())
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
