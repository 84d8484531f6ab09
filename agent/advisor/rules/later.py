"""Whether a capability is wished for later rather than needed now ("voice would be cool someday but not
now", "booking through our API is phase 2", "not at launch", "photo upload (v2)"), or listed under a heading
that puts it off or out ("Out of scope: ...", "Phase 2: ..."). Pure."""

from __future__ import annotations

import functools
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
    r"initially))|"
    # "image analysis (v2)", "voice input (phase 2, next year)", "photos (not now)"
    r"[^.;!?\n(]{0,40}?\(\s*(?:v[23]|version\s*[23]|phase\s*(?:2|two|ii|3)|later|future|someday|eventually|"
    r"not\s+(?:now|yet|in\s+v1|for\s+(?:now|v1|the\s+mvp))|next\s+(?:year|phase|quarter|release|version)|"
    r"post[- ]?(?:mvp|launch|v1)|out\s+of\s+scope|on\s+the\s+roadmap)\b(?:\s+(?:feature|item|work|maybe|probably|"
    r"only|at\s+the\s+earliest|or\s+later))?\s*(?:[,;/–—-][^)\n]{0,30})?\)",  # not "(later we may add audio)"
    re.IGNORECASE,
)
# Right before it: "someday maybe voice", "later on we might add images", "in phase 2, booking through our API".
_LATER_BEFORE = re.compile(
    r"\b(?:someday|some\s+day|one\s+day|later\s+on|in\s+(?:the\s+)?future|in\s+(?:phase|v)\s*2|"
    r"later\s+(?:we|i)\s+(?:may|might|could|will|would|plan\s+to|hope\s+to|want\s+to))\b"
    r"[^.;!?\n]{0,30}$",
    re.IGNORECASE,
)


# A heading whose items are put off or left out: "Out of scope: image analysis", "Non-goals:", "Phase 2 (next
# year, not now): ...", "Future work:", "## Non-goals". It opens a line or a sentence; "future-proofing:" is
# no such heading.
_LATER_CUE = (
    r"(?:(?:explicitly|deliberately|intentionally|definitely|currently|also|things|features|items|what[’']?s)"
    r"[ \t]+){0,2}"
    r"(?:out[- ]of[- ]scope|not\s+in\s+scope|non[- ]?goals?|not\s+(?:needed|required|doing|building)|"
    r"future(?:\s+(?:work|phases?|scope|ideas|features|plans|versions?|releases?))?|later(?:\s+(?:phases?|on))?|"
    r"phase\s*(?:2|two|ii|3|three)|stage\s*(?:2|two)|v[23]|version\s*[23]|someday(?:\s*/\s*maybe)?|roadmap|"
    r"deferred|parked|won[’']t\s+(?:have|do)|not\s+(?:now|yet|for\s+now|for\s+v1|in\s+v1|at\s+launch))"
    r"(?:[ \t]+(?:for|in|of|at|the|this|now|v1|mvp|launch|release|phase|version|project|items?|features?|ideas|"
    r"work|scope)){0,4}(?:[ \t]*\([^)\n]{0,50}\))?[ \t]*(?:\*\*|__)?"
)
_LATER_HEADING = re.compile(
    r"(?:^|(?<=[\n.;!?]))[ \t]*(?:[-*•>]+[ \t]*)?(?:\*\*|__)?" + _LATER_CUE + r"[ \t]*:(?:\*\*|__)?|"
    r"^[ \t]*#+[ \t]*" + _LATER_CUE + r"[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Under a heading that ends its line: its bullets, or else its plain lines, up to a blank line or a new heading.
_BULLET_LINE = re.compile(r"\n[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+[^\n]*")
_PLAIN_LINE = re.compile(r"\n[ \t]*(?![#\s])(?![^\n:]{1,40}:)[^\n]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


@functools.lru_cache(maxsize=8)
def later_sections(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the text listed under a heading that puts them off or out of scope."""
    spans = []
    for heading in _LATER_HEADING.finditer(text):
        end = heading.end()
        rest = _SENTENCE_END.search(text, end)
        if rest is None:
            end = len(text)
        elif rest.group(0) != "\n" or text[end : rest.start()].strip():
            end = rest.end()  # "Out of scope: image analysis. We need JSON." puts off only its own sentence
        else:
            lines = _BULLET_LINE if _BULLET_LINE.match(text, end) else _PLAIN_LINE
            while line := lines.match(text, end):  # "Out of scope:\n- image analysis\n- voice"
                end = line.end()
        spans.append((heading.start(), end))
    return tuple(spans)


def in_later_section(text: str, at: int) -> bool:
    """True when text[at] is listed under a heading that puts it off or out of scope."""
    return any(start <= at < end for start, end in later_sections(text))


def for_later(text: str, start: int, end: int) -> bool:
    """True when the words around text[start:end] put it off to some later day."""
    return bool(_LATER_AFTER.match(text, end) or _LATER_BEFORE.search(text[max(0, start - 40) : start])
                or in_later_section(text, start))
