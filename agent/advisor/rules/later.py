"""Whether a capability is wished for later rather than needed now ("voice would be cool someday but not
now", "booking through our API is phase 2", "not at launch"). Pure."""

from __future__ import annotations

import re

# Right after the word, in the same clause: "voice would be cool someday", "tool use can come later",
# "voice would be nice, but not now"; "voice now, images maybe later" puts off only the images.
_LATER_AFTER = re.compile(
    r"[^.;!?\n,]{0,40}?(?:,\s*(?=but\b))?(?:but\s+)?\b(?:(?:would|could|might|may)\s+be\s+(?:\w+\s+){0,2}?"
    r"(?:someday|some\s+day|one\s+day|later|eventually|in\s+(?:the\s+)?future|down\s+the\s+(?:line|road)|next\s+year)|"
    r"(?:can|could|will|would|might|may)\s+(?:\w+\s+)?(?:come|wait|follow|be\s+added)\s+later|"
    r"(?:is|are)\s+(?:for\s+)?(?:phase|stage|version)\s+(?:2|two|ii)\b|(?:is|are)\s+(?:for\s+)?(?:a\s+)?(?:v2|later)\b|"
    r"(?:maybe|perhaps|possibly)\s+(?:in\s+)?(?:later|someday|one\s+day|the\s+future|v2|next\s+year)|"
    r"(?:is|are)\s+(?:\w+\s+)?(?:on|in)\s+(?:the|our)\s+(?:roadmap|backlog|wish\s*list)|"  # "are on the roadmap"
    r"(?:is|are)\s+(?:planned|slated|scheduled)\s+for\s+(?:later|next|a\s+later|the\s+next|v2|phase)|"
    r"not\s+(?:for|in|at)\s+(?:this|the\s+first|our\s+first|the\s+initial)\s+(?:launch|release|version|phase|"
    r"mvp|pilot|rollout)|not\s+(?:for|in)\s+(?:the\s+)?(?:mvp|v1|pilot)\b|"
    r"not\s+(?:now|yet(?!\s+(?:sure|decided|known|clear|certain))|for\s+now|in\s+v1|at\s+launch|at\s+first|"
    r"initially))",
    re.IGNORECASE,
)
# Right before it: "someday maybe voice", "later on we might add images", "in phase 2, booking through our API".
_LATER_BEFORE = re.compile(
    r"\b(?:someday|some\s+day|one\s+day|later\s+on|in\s+(?:the\s+)?future|in\s+(?:phase|v)\s*2)\b"
    r"[^.;!?\n]{0,30}$",
    re.IGNORECASE,
)


def for_later(text: str, start: int, end: int) -> bool:
    """True when the words around text[start:end] put it off to some later day."""
    return bool(_LATER_AFTER.match(text, end) or _LATER_BEFORE.search(text[max(0, start - 40) : start]))
