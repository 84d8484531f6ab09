"""Whether a word is ruled out by a negation before it in the same clause ("no audio", "we don't need
vision", "no audio, images or video"). Pure."""

from __future__ import annotations

import re

_CUE = re.compile(r"(?:\b(?:no|not|never|without|nor|neither|excluding|except|zero|cannot)\b|n[’']t)"
                  r"(?:\s+(?:really|strictly|actually|necessarily))?"
                  r"(?:\s+(?:need|want|use|require|have|support|handle)s?\b)?", re.IGNORECASE)  # fmt: skip
# A negation reaches over a list of nouns, not past a new clause, a contrast or a line.
_BREAK = re.compile(
    r"[.;:!?()—\n]|\b(?:but|however|though|although|just|only|instead|yet|so|because|since|while|whereas|which|that|"
    r"we|our|it|it's|they|i|you|is|are|must|should|will|need|needs|want|wants|then|also|plus|more|rather|actually|"
    r"mostly|mainly|really|matter|matters|apply|applies|count|counts)\b",
    re.IGNORECASE,
)
# "no idea - the cheapest that works", "not sure, but cheap": a hedge, not a negation of what follows
_HEDGE = re.compile(r"\s+(?:idea|clue|worries|problem|preference|sure|certain)\b", re.IGNORECASE)
_REACH = 60  # characters: a cue further back governs another phrase
_NEW_SUBJECT = re.compile(r"\s*(?:the\s+|our\s+|its\s+)?[\w-]+\s+(?:can|could|may|might|will|would|must|should)\b",
                          re.IGNORECASE)  # fmt: skip


# "HIPAA doesn't apply", "open weights not required": a negation after the word.
_DENIED_AFTER = re.compile(
    r"\s*(?:track|part|side|bit|stuff)?\s*(?:[:=–—]\s*|\s-\s*)?(?:is|are|does|do|would be|will be)?\s*"
    r"(?:n[’']t|not|no longer)\s+(?:\w+\s+)?"
    r"(?:apply|applies|required|"
    r"needed|necessary|relevant|applicable|an issue|a concern|a must|a requirement|important|matter|matters|"
    r"a factor|in scope|a thing|our problem)\b|"
    r"\s*(?:is|are)\s+(?:out\s+of\s+scope|irrelevant|n/a|moot)(?![\w/])|"
    r"[,;]?\s*(?:but|though)\s+not\s+(?:now|yet|today|for\s+now|at\s+the\s+moment|initially|for\s+the\s+mvp)\b|"
    # a field answered no: "Images: no", "Audio: none", "Vision: n/a"
    r"\s*[:=–—]\s*(?:no|none|n/?a|nope)\b(?=\s*(?:[.,;)\n]|$))",
    re.IGNORECASE,
)


def denied_after(text: str, end: int) -> bool:
    """True when the words right after a phrase deny it ("... doesn't apply", "... not required")."""
    return _DENIED_AFTER.match(text, end) is not None


def negated(text: str, start: int) -> bool:
    """True when the word at `start` sits inside a negation's scope."""
    window = text[max(0, start - _REACH) : start]
    cues = [cue for cue in _CUE.finditer(window) if not _HEDGE.match(window, cue.end())]
    if not cues:
        return False
    gap = window[cues[-1].end() :]
    if "," in gap and len(gap.split(",")[0].split()) > 2:
        return False  # "not looking for the cheapest option, quality first": a new phrase, not a list
    if gap.rstrip().endswith(",") and re.match(r"(?:the|our|my|their|this)\b", text[start:], re.IGNORECASE):
        return False  # "as long as it's not garbage, the bill is what we care about": a new clause
    if "," in gap and _NEW_SUBJECT.match(text, start - len(gap) + gap.rindex(",") + 1):
        return False  # "latency: not important, results can come next morning": a subject and its verb
    return len(gap.split()) <= 6 and not _BREAK.search(gap)


# An option weighed and dropped ("We looked at self-hosting Llama but we don't have GPU people", "considered
# on-prem but decided against it") or only asked about ("Could we self-host something for this?").
_WEIGHED = re.compile(r"\b(?:considered|looked\s+(?:at|into)|thought\s+about|explored|evaluated|tried|toyed\s+with)\b"
                      r"[^.;!?]{0,80}?\b(?:but|decided\s+against|ruled\s+(?:it\s+)?out|rejected|dropped)\b|"
                      r"\bdecided\s+against\b|\b(?:is|was)\s+(?:that\s+)?overkill\b", re.IGNORECASE)  # fmt: skip
_ASKING = re.compile(r"^\s*(?:could|can|should|would|do|does|is|are|when|how|what|why)\b[^.!?]*\?", re.IGNORECASE)


def set_aside(text: str, at: int) -> bool:
    """True when the sentence around `at` weighs an option and drops it, or asks about it."""
    start = max(text.rfind(mark, 0, at) for mark in (". ", "! ", "? ", "\n", ": ")) + 1
    ends = [i for i in (text.find(mark, at) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    sentence = text[start : min(ends) + 1 if ends else len(text)]
    return bool(_WEIGHED.search(sentence) or _ASKING.match(sentence))
