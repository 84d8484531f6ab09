"""Whether the model must have open weights: True when asked for ("open-source weights only", "something
open source we can run ourselves"), False when ruled out ("legal vetoed open-weight models", "we do not want
open-source models"), unset when only not needed ("open weights not required"). Pure."""

from __future__ import annotations

import re

from agent.advisor.rules.given_up import in_the_past, waived
from agent.advisor.rules.negation import denied_after, negated, set_aside
from agent.advisor.rules.self_hosting import WISHED_TERMS, hedged
from agent.advisor.rules.size_units import sentence_bounds

# "an open-source project" is about the user, not the model
_OPEN_WEIGHTS = re.compile(r"open[- ]weights?|open[- ]source (?:models?|only|llms?|ones?|weights?|checkpoints?)|"
                           r"open models? only|\b(?:something|anything|one|ones)\s+open[- ]source\b|"
                           r"\b(?:model|llm|it|weights)\s+(?:must|has\s+to|needs\s+to|should)\s+be\s+open[- ]"
                           r"(?:source|weights?)\b", re.IGNORECASE)  # fmt: skip
# Ruled out before it: "vetoed open-weight models", "we do not want open-source models", "no open models".
_REFUSED_BEFORE = re.compile(
    r"\b(?:veto(?:ed|es)?|ban(?:ned|s)?|prohibit(?:ed|s)?|forb(?:id|ids|idden)|rule[sd]?\s+out|reject(?:ed|s)?|"
    r"exclud(?:e|ed|es)|(?:do(?:es)?\s*n[’']t|do(?:es)?\s+not|won[’']t)\s+(?:want|allow|accept|permit|consider)|"
    r"(?:can[’']?t|cannot|not\s+allowed\s+to|may\s+not|must\s+not|never)\s+(?:use|want|allow|accept|touch|deploy|"
    r"go\s+with)|\bno)\s+"
    r"(?:any\s+|the\s+|all\s+|using\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
# Ruled out after it: "open-source models - security ruled them out", "open weights are not allowed here".
_REFUSED_AFTER = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:(?:ruled|rules)\s+(?:them|it|those)\s+out|(?:are|is)\s+(?:\w+\s+)?(?:banned|vetoed|"
    r"prohibited|forbidden|off\s+the\s+table|out\s+of\s+the\s+question|not\s+(?:allowed|permitted|acceptable|an\s+"
    r"option))|(?:were|was)\s+(?:vetoed|rejected|ruled\s+out|banned))\b",
    re.IGNORECASE,
)


def open_weights(text: str) -> tuple[bool, str] | None:
    """The stated need for open weights and its words; a ruling-out is False, a denial of the need unset."""
    for match in _OPEN_WEIGHTS.finditer(text):
        start, _ = sentence_bounds(text, match.start())
        before = text[max(start, match.start() - 60) : match.start()]
        if refused := _REFUSED_BEFORE.search(before):
            return False, text[match.start() - len(before) + refused.start() : match.end()]
        if refused_after := _REFUSED_AFTER.match(text, match.end()):
            return False, text[match.start() : refused_after.end()]
        if not (negated(text, match.start()) or denied_after(text, match.end()) or set_aside(text, match.start())
                or in_the_past(text, match.start()) or waived(text, match.start())
                or hedged(text, match, WISHED_TERMS)):  # "open weights would be nice but isn't required"
            return True, match.group(0)
    return None
