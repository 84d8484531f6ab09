"""Whether something a message names is given up rather than wanted: done in the past and abandoned ("we
used to self-host Llama ... so we're done with that"), a feature dropped ("we dropped the photo feature"), or
waived by the user ("please skip all the GDPR stuff", "no need to worry about SOC 2"). Pure.

The past counts only for ways of hosting and kinds of model, never for a task: "we used GPT-4 for
summaries, now we want a cheaper model" still wants summaries."""

from __future__ import annotations

import re

from agent.advisor.rules.size_units import sentence_bounds

# A time gone by before the words: "we used to self-host", "previously we ran it on-prem", "back when we had
# our own GPUs". "We've been self-hosting for a year" is today's setup, so it is not here.
_PAST_BEFORE = re.compile(
    r"\b(?:used\s+to|previously|formerly|originally|in\s+the\s+past|at\s+one\s+point|back\s+(?:then|when|in)|"
    r"(?:we|i)\s+once|(?:we|i)\s+had\s+been|(?<!since\s)last\s+(?:year|time))\b",
    re.IGNORECASE,
)
# A turn to the present between the past and the words: "we used to call OpenAI, but now it must be on-prem".
# A move to the words is today's setup too: "last year we moved to open-weight models".
_NOW = re.compile(r"\b(?:now|today|currently|these\s+days|nowadays|but|however|instead|again|going\s+forward|"
                  r"(?:moved|switched|migrated|went|changed|converted|upgraded)\s+(?:over\s+)?to)\b",
                  re.IGNORECASE)  # fmt: skip
# It was given up, said after the words in their sentence or the next: "so we're done with that", "never
# again", "we moved off it", "until last year".
_ABANDONED_AFTER = re.compile(
    r"\b(?:done\s+with\s+(?:that|it|this|them|all\s+that)|never\s+again|(?:gave|give|giving)\s+(?:it|that|this|them)\s+"
    r"up|gave\s+up\s+on\s+(?:it|that|this|them)|(?:moved|moving|migrated|migrating|switched|switching)\s+(?:away\s+"
    r"from|off)\s+(?:it|that|this|them)|(?:shut|shutting|wound|winding)\s+(?:it|that|this|them)\s+down|"
    r"(?:decommissioned|abandoned|retired|dropped|ditched|scrapped)\s+(?:it|that|this|them)|"
    r"no\s+more\s+of\s+(?:that|it)|not\s+going\s+back|until\s+(?:recently|last\s+\w+|earlier\s+this\s+\w+))\b",
    re.IGNORECASE,
)


def in_the_past(text: str, start: int) -> bool:
    """True when the words at `start` tell what was done once and is done no more."""
    sentence_start, sentence_end = sentence_bounds(text, start, semicolons=True)
    past = list(_PAST_BEFORE.finditer(text, sentence_start, start))
    if past and not _NOW.search(text, past[-1].end(), start):
        return True
    next_end = sentence_end
    if sentence_end < len(text):
        next_end = sentence_bounds(text, min(len(text), sentence_end + 2), semicolons=True)[1]
    return _ABANDONED_AFTER.search(text, start, next_end) is not None


# A feature taken out of the product: "we dropped the photo feature", "removed image uploads", "we've cut
# voice input". The verb alone is not enough ("drop the images into the folder"): a feature noun follows.
_DROPPED_BEFORE = re.compile(
    r"\b(?:dropped|dropping|removed|removing|scrapped|scrapping|killed|killing|ditched|ditching|cut|axed|"
    r"abandoned|retired|sunset|sunsetted|shelved|got\s+rid\s+of|took\s+out|pulled)\s+(?:the\s+|our\s+|that\s+|"
    r"this\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+){0,1}$",
    re.IGNORECASE,
)
_FEATURE_AFTER = re.compile(r"(?:[\s-]+[\w-]+){0,1}?[\s-]+(?:features?|functionality|support|options?|modes?|"
                            r"uploads?|inputs?|flows?|parts?|side|capabilit(?:y|ies)|handling|step)\b",
                            re.IGNORECASE)  # fmt: skip


def dropped(text: str, start: int, end: int) -> bool:
    """True when the words at text[start:end] name a feature the product no longer has."""
    return bool(_DROPPED_BEFORE.search(text[max(0, start - 40) : start]) and _FEATURE_AFTER.match(text, end))


# Waived by the user right before the words: "skip all the GDPR stuff", "ignore HIPAA", "forget about the
# images", "no need to worry about SOC 2", "leave out the on-prem question".
_WAIVED_BEFORE = re.compile(
    r"\b(?:skip(?:ping)?|ignor(?:e|ing)|forget\s+about|disregard(?:ing)?|leave\s+out|leaving\s+out|"
    r"never\s+mind|no\s+need\s+(?:for|to\s+(?:worry|think|bother)\s+about)|"
    r"(?:don[’']?t|do\s+not|doesn[’']?t|does\s+not)\s+(?:need\s+to\s+)?(?:worry|bother|care)\s+about|"
    r"not\s+(?:worried|bothered|concerned)\s+about)\s+"
    r"(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|that\s+|this\s+|those\s+|any\s+)?(?:[\w/-]+\s+){0,2}?$",
    re.IGNORECASE,
)


_NOT_BEFORE = re.compile(r"(?:\b(?:never|not|cannot)\b|n[’']t)\s*(?:\w+\s+)?$", re.IGNORECASE)


def _waiver(text: str, start: int) -> tuple[bool, bool]:
    """(a waiver stands before `start`, that waiver is itself denied: "you can't skip the HIPAA part")."""
    window_start = max(0, start - 60)
    said = _WAIVED_BEFORE.search(text[window_start:start])
    if said is None:
        return False, False
    if said.group(0).lower().startswith(("don", "do ", "doesn", "does ", "not ", "no ")):
        return True, False  # the waiver carries its own "not": "don't worry about GDPR"
    at = window_start + said.start()
    return True, _NOT_BEFORE.search(text[max(0, at - 20) : at]) is not None


def waived(text: str, start: int) -> bool:
    """True when the user waives the words at `start` ("please skip the GDPR / EU residency stuff")."""
    said, denied = _waiver(text, start)
    return said and not denied


def insisted(text: str, start: int) -> bool:
    """True when a waiver of the words is denied ("it must never ignore the screenshots"): the double "not"
    asks for them, so the negation before them rules nothing out."""
    said, denied = _waiver(text, start)
    return said and denied
