"""Questions about this session's own requirements: "what is the budget you have for me?", "why did you
add tools? I never said that". Answered from the requirements and their history (which message set each
value, from which words, or that it is a default), with how to change it. Pure."""

from __future__ import annotations

import re
from typing import Any

from agent.advisor.state import RequirementEvent
from agent.advisor.view import FIELD_LABELS, format_value
from catalog.display import money
from catalog.requirements import DEFAULT_SIZES

# The words a user names each requirement by.
_FIELD_WORDS: dict[str, str] = {
    "budget_usd_month": r"budget|spend(?:ing)?|money",
    "requests_per_day": r"volume|traffic|requests?(?:\s+(?:a|per)\s+day)?|load|how\s+many\s+requests",
    "input_tokens": r"input(?:\s+size)?|prompt\s+size|tokens\s+in",
    "output_tokens": r"output(?:\s+size)?|answer\s+size|tokens\s+out",
    "max_ttft_ms": r"latency|ttft|time\s+to\s+first\s+token|speed",
    "needs": r"tools?|vision|images?|audio|json|capabilit(?:y|ies)|needs",
    "regions": r"regions?|residency|where\s+the\s+data",
    "privacy": r"privacy|sensitivity|data\s+rules?",
    "task": r"task|use\s+case|job",
    "languages": r"languages?",
    "compliance": r"compliance|hipaa|gdpr|soc\s?2",
    "excluded_makers": r"makers?|ruled[- ]out\s+(?:vendors|makers)",
    "priorities": r"priorit(?:y|ies)|weights?",
}
_WHAT = re.compile(
    r"^\s*(?:so\s+|and\s+|ok(?:ay)?\s*,?\s*)?(?:what(?:'s|’s|\s+is|\s+are|\s+was|\s+were)|which)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?:current\s+)?(?P<what>[\w\s-]{2,40}?)\s+(?:(?:do|did)\s+)?(?:you\s+(?:have|got|are\s+using|assumed?|set|put\s+down|"
    r"used?)|you(?:'re|’re|'ve|’ve)\s+(?:using|got|assumed|set)|is\s+set|(?:is|are)\s+you\s+using|right\s+now|so\s+far|"
    r"again|for\s+(?:me|us))\b",
    re.IGNORECASE,
)
_WHAT_DO_YOU = re.compile(r"^\s*(?:so\s+|and\s+)?(?:what|which)\s+(?P<what>[\w\s-]{2,30}?)\s+(?:do|did)\s+you\s+"
                          r"(?:have|assume|use|set|put\s+down|think\s+I\s+(?:need|said))\b", re.IGNORECASE)  # fmt: skip
# "what's my budget?", "what are my requirements so far?": "my" or "our" makes it this session's
_MINE = re.compile(r"^\s*(?:so\s+|and\s+|ok(?:ay)?\s*,?\s*)?(?:what(?:'s|’s|\s+is|\s+are|\s+was)|which\s+(?:is|are))\s+"
                   r"(?:my|our)\s+(?:current\s+)?(?P<what>[\w\s-]{2,40}?)\s*(?:\?|$|\s+(?:so\s+far|now|again|then)\b)",
                   re.IGNORECASE)  # fmt: skip
# "what volume are you assuming?", "where did the budget come from?", "why is tools required?"
_ASSUMING = re.compile(r"^\s*(?:what|which)\s+(?P<what>[\w\s-]{2,30}?)\s+(?:are|were)\s+you\s+(?:assuming|using|"
                       r"working\s+with|planning\s+(?:for|with))\b", re.IGNORECASE)  # fmt: skip
_WHERE_FROM = re.compile(r"\bwhere\s+did\s+(?:the|my|our|that|this|your)\s+(?P<what>[\w\s$.,-]{2,30}?)\s+come\s+from\b",
                         re.IGNORECASE)  # fmt: skip
_WHY_IS = re.compile(r"\bwhy\s+(?:is|are)\s+(?:the\s+)?(?P<what>[\w\s-]{2,30}?)\s+(?:required|needed|set|on|there|"
                     r"included|assumed|locked)\b", re.IGNORECASE)  # fmt: skip
_WHY = re.compile(r"\bwhy\s+(?:did|do|have|would)\s+you\s+(?:add|set|assume|put|pick|choose|use|include|read|think)"
                  r"\s+(?P<what>[^?.!]{1,50})", re.IGNORECASE)  # fmt: skip


_EVERYTHING = re.compile(r"\b(?:requirements|constraints|needs\s+so\s+far|everything|setup|set-up)\b", re.IGNORECASE)
_ALL_OF_IT = re.compile(r"^\s*what\s+do\s+you\s+(?:think|reckon)\s+(?:I|we)\s+need\b|"
                        r"^\s*what\s+(?:do\s+you\s+know|have\s+I\s+told\s+you)\s+so\s+far\b", re.IGNORECASE)


def recognise(text: str) -> list[str] | None:
    """The requirement asked about, as [field], or None when the message asks no such thing."""
    if _ALL_OF_IT.search(text):
        return ["all"]
    match = next((m for pattern in (_WHAT, _WHAT_DO_YOU, _MINE, _ASSUMING, _WHERE_FROM, _WHY_IS, _WHY)
                  if (m := pattern.search(text))), None)  # fmt: skip
    if match is None:
        return None
    if _EVERYTHING.search(match.group("what")):
        return ["all"]
    for field, words in _FIELD_WORDS.items():
        if re.search(rf"\b(?:{words})\b", match.group("what"), re.IGNORECASE):
            return [field]
    return None


# Names that read in a sentence where the panel's column labels ("budget $/month") do not.
_IN_WORDS = {"budget_usd_month": "monthly budget", "max_ttft_ms": "time-to-first-token limit",
             "needs": "capabilities needed", "min_context": "minimum context",
             "requests_per_day": "volume"}  # fmt: skip


def everything(held: str) -> str:
    """What the advisor holds so far (answers.describe_stated: each value marked when inferred or assumed)."""
    if not held:
        return "Nothing yet: tell me what you are building, how much traffic, and any limits on cost, speed or data."
    return (f"So far: {held}. Ask \"where did the budget come from?\" about any of them, or say \"drop ...\" "
            "or a new value to change one.")


def answer(field: str, requirements: dict[str, Any], origin: RequirementEvent | None, asked_why: bool) -> str:
    """The value, where it came from, and how to change it."""
    label = _IN_WORDS.get(field) or FIELD_LABELS.get(field, field.replace("_", " "))
    if field not in requirements:
        default = DEFAULT_SIZES.get(field)
        assumed = f"I rank with the default, {format_value(default)}" if default is not None else "nothing limits it"
        return f"No {label} is set: {assumed}. Tell me one and I will re-rank."
    value = requirements[field]
    shown = money(value) + "/month" if field == "budget_usd_month" else format_value(value)
    if field == "priorities" and isinstance(value, dict):
        shown = ", ".join(f"{name} {weight:.0%}" for name, weight in value.items())
    elif field == "requests_per_day":
        shown = f"{format_value(value)} requests a day"
    source = _source(origin)
    items = value if isinstance(value, list) else []
    if items:
        change = f"Say \"drop {items[0]}\" to remove it."
    elif field in _DROPPABLE:
        change = f"Say \"drop the {label}\" to remove it, or give a new value."
    else:
        change = "Give a new value to change it."
    lead = "I set it because of" if asked_why else "It came from"
    return f"{label[0].upper()}{label[1:]}: **{shown}**. {lead} {source}. {change}"


_DROPPABLE = frozenset({"budget_usd_month", "max_ttft_ms", "min_context", "privacy", "open_weights", "max_response_ms"})


def _source(origin: RequirementEvent | None) -> str:
    if origin is None:
        return "no message of yours: it is a default"
    said = origin.evidence.strip()
    where = f"message {origin.turn}" if origin.turn else "an edit"
    if origin.action == "default":
        return f"{where}, where the question was skipped ({said})"
    if origin.action == "inferred" or said.startswith("inferred from"):
        return f"{where}, inferred from your words ({said.removeprefix('inferred from ').strip()}), not stated"
    return f"{where}, from your words “{said}”" if said else where
