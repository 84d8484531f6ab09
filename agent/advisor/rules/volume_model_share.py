"""The share of a stated volume that reaches the model: "10k emails a day, but only the ~15% in French go
through the model" is 1,500 calls; "2.4M searches a month. About 70% are repeats we cache, so only the
rest hits the model" is the other 30%. A share counts only when its words say it is the one sent to the
model ("only ...", "the other 30%", "the rest"); "20% of them are in Spanish" says nothing of the calls.
Pure; numbers as digits."""

from __future__ import annotations

import re

from agent.advisor.rules.number_words import SHARE_WORD, share_of

_ABOUT = r"(?:(?:about|around|roughly|approx\.?|approximately|maybe|some|perhaps|~)\s*)*"
_SHARE = r"(?:(?P<pct>\d+(?:\.\d+)?)\s?%|\b(?:one|1)\s+in\s+(?P<den>\d+)\b|\b(?P<word>" + SHARE_WORD + r")\b)"
# "go through the model", "get sent to the LLM", "hits the model", "need the AI", "are escalated to GPT"
_TO_MODEL = (
    r"\b(?:go(?:es)?\s+(?:through|to|into)|(?:are|is|get|gets|be|being)\s+(?:sent|routed|passed|forwarded|"
    r"escalated|handed\s+(?:off|over))\s+(?:on\s+)?to|hits?|reach(?:es)?|needs?|requires?|make\s+it\s+to|"
    r"(?:are|is)\s+worth\s+sending\s+to)\s+(?:the\s+|our\s+|an?\s+)?(?:model|llm|ai|gpt|language\s+model)\b"
)
# "only the ~15% that are in French need to go through the model", "the other 30% go to the LLM"; not "only 20%
# are urgent, the rest go to the model" or "only 5% are French but all of them go through the model"
_ONLY_SHARE = re.compile(
    r"\b(?:(?:only|just)\s+(?:the\s+)?|the\s+(?:other|remaining)\s+)"
    + _ABOUT
    + _SHARE
    + r"(?P<between>(?:(?!\b(?:rest|remainder|others|but|while|whereas|all|every|each)\b)[^.;!?]){0,80}?)"
    + _TO_MODEL,
    re.IGNORECASE,
)
# "About 70% are repeats that we cache ..., so only the rest hits the model": the share not sent, then the rest
_REST = re.compile(
    _ABOUT + _SHARE + r"(?P<between>[^.;!?]{0,100}?)\b(?:(?:only|just)\s+)?the\s+(?:rest|remainder|others)\b"
    r"[^.;!?]{0,30}?" + _TO_MODEL,
    re.IGNORECASE,
)
_REACH = 200


def _fraction(match: re.Match[str]) -> float:
    if match.group("pct"):
        return float(match.group("pct")) / 100
    if match.group("den"):
        return 1 / float(match.group("den"))
    return share_of(match.group("word"))


def _of_something_else(match: re.Match[str], volume_words: str) -> bool:
    """ "only 10% of the managers need the model" counts managers, not the volume's emails."""
    of = re.match(r"\s*of\s+(?:the\s+|our\s+|those\s+|these\s+|them\b|those\b)?(?P<noun>[a-z][a-z-]*)?",
                  match.group("between"), re.IGNORECASE)  # fmt: skip
    noun = (of.group("noun") or "") if of else ""
    return bool(noun) and not re.search(rf"\b{re.escape(noun.rstrip('s'))}", volume_words, re.IGNORECASE)


def share_for_the_model(text: str, volume_words: str) -> tuple[float, str] | None:
    """(the share, its words) when the words after the volume say only part of it is sent to the model."""
    at = text.find(volume_words) if volume_words else -1
    if at < 0:
        return None
    end = at + len(volume_words)
    for pattern, rest in ((_ONLY_SHARE, False), (_REST, True)):
        match = pattern.search(text, end, end + _REACH)
        if match is None or (not rest and _of_something_else(match, volume_words)):
            continue
        share = 1 - _fraction(match) if rest else _fraction(match)
        if 0 < share < 1:
            return share, match.group(0).strip()
    return None
