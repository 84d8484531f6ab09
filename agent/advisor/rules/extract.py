"""Rule-based constraint extraction: a developer's words -> requirement fields, with evidence.

Pure functions. Handles numbers with suffixes and units ("50k", "2 million", "$1,500",
"10M requests per month", "under 500ms", "within a second", "150k tokens"), task keywords,
modalities, JSON/tool needs, privacy phrasing and compliance regimes.
"""

from __future__ import annotations

__all__ = ["Extraction", "extract"]

import re

from agent.advisor.rules.extract_languages import languages
from agent.advisor.rules.extract_latency import latency
from agent.advisor.rules.extract_money import masked, read_money
from agent.advisor.rules.extract_priority import batch_tolerance, priority
from agent.advisor.rules.extract_privacy import privacy
from agent.advisor.rules.extract_sizes import daily_throughput, read_sizes
from agent.advisor.rules.extract_task import read_needs, read_task
from agent.advisor.rules.extract_volume import NUM, number, volume
from agent.advisor.rules.extraction import Extraction
from agent.advisor.rules.negation import denied_after, negated, set_aside
from agent.advisor.rules.number_words import Spelled
from agent.advisor.rules.size_merge import parts_note
from agent.advisor.rules.size_parts import add_history
from agent.advisor.rules.volume_context import (
    active_users_who_ask,
    calls_per_item,
    hours_of_work,
    per_defined_period,
    share_that_acts,
    spread_over_days,
)

# "a context of 1 million tokens", "Context of at least 500k tokens"
_CONTEXT_OF = re.compile(
    r"\bcontext(?:\s+window)?\s+of\s+(?:at least\s+|up to\s+|about\s+|around\s+|~\s*)?" + NUM + r"\s*tokens?",
    re.IGNORECASE,
)
# "a big context window — at least 200k tokens", "context window: 128k tokens minimum"
_CONTEXT_WINDOW_OF = re.compile(
    r"\bcontext(?:\s+window)?\s*(?:[-–—:,(]|of|is|needs to be|has to be|must be|should be|"
    r"(?:needs?\s+to|must|has\s+to|should)\s+(?:hold|fit|take|handle))\s*"
    r"(?:at least|minimum|min\.?|>=|≥|of|about|around|~|up to|\s)*" + NUM + r"\s*(?:tokens?|tok)\b",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    NUM + r"\s*(?:tokens?\s*(?:of\s*)?)?(?:context|context window|token context|tokens? of context)",
    re.IGNORECASE,
)

# "something open source we can run ourselves"; "an open-source project" is about the user, not the model
_OPEN_WEIGHTS = re.compile(r"open[- ]weights?|open[- ]source (?:models?|only|llms?|ones?)|open models? only|"
                           r"\b(?:something|anything|one|ones)\s+open[- ]source\b", re.IGNORECASE)  # fmt: skip


def extract(text: str) -> Extraction:
    """Every requirement field this message states."""
    found = Extraction()
    text = text.replace("≈", "~")  # the same length, so every position and piece of evidence still lines up
    spelled = Spelled(text)
    money = read_money(spelled.text)
    if money.operations:
        found.put("operations_usd_month", money.operations[0], spelled.original(money.operations[1]))
    if money.budget:
        found.put("budget_usd_month", money.budget[0], spelled.original(money.budget[1]))
    money_free = masked(spelled.text, money.spans)  # in digits, with no sum of money left to count
    if rate := volume(money_free):
        found.put("requests_per_day", rate[0], spelled.original(rate[1]))
    for name, ms, said in latency(text):
        found.put(name, ms, said)
    _tokens(text, found)
    _steps_to_requests(text, found)
    _calls_to_requests(text, spelled, money_free, found)
    for language, said in languages(text):
        found.add_to_list("languages", language, said)
    if task := read_task(text):
        found.put("task", task.value, task.words, inferred=task.inferred)
    for need in read_needs(text):
        found.add_to_list("needs", need.value, need.words, inferred=need.inferred)
    privacy(text, found)
    open_weights = next((m for m in _OPEN_WEIGHTS.finditer(text) if not negated(text, m.start())
                         and not denied_after(text, m.end()) and not set_aside(text, m.start())), None)  # fmt: skip
    if open_weights:
        found.put("open_weights", True, open_weights.group(0))
    if valued := priority(text):
        found.put("priority", valued[0], valued[1])
    if share := _batch_share(text):
        found.put("batch_share", share[0], share[1])
    elif wait := batch_tolerance(text):
        found.put("batch_share", 1.0, f"{wait} (every request through the batch API)")
    return found


# "Two-thirds of our jobs are overnight report generation", "30% of the traffic can wait for a batch"
_SHARES = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3,
           "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75}  # fmt: skip
_BATCH_SHARE = re.compile(
    r"\b(?P<share>half|a third|one third|two[- ]thirds|a quarter|one quarter|three[- ]quarters|"
    r"(?P<pct>\d{1,2})\s?%)\s+(?:of\s+"
    r"(?:our\s+|the\s+|all\s+)?(?:(?:[\w-]+\s+){0,2}?(?:jobs|requests|traffic|work|volume|calls|tasks|load|"
    r"generations|drafts|runs|queries|documents|items|messages|reports|scoring)|that|this|it|them)\s+)?"
    r"(?:is|are|can\s+be|can|could)\s+(?:\w+\s+){0,3}?(?:overnight|batch\w*|async\w*|offline|nightly|wait)\b",
    re.IGNORECASE,
)


def _batch_share(text: str) -> tuple[float, str] | None:
    said = _BATCH_SHARE.search(text)
    if said is None:
        return None
    share = float(said.group("pct")) / 100 if said.group("pct") else _SHARES[said.group("share").lower()]
    return round(share, 2), f"{said.group(0)} (that share through the batch API)"


def _tokens(text: str, found: Extraction) -> None:
    sizes = read_sizes(text)
    context = _CONTEXT.search(text) or _CONTEXT_OF.search(text) or _CONTEXT_WINDOW_OF.search(text)
    if context and not any(context.group(0) in sizes.evidence.get(part, "") for part in sizes.parts):
        found.put("min_context", int(number(context.group(1), context.group(2))), context.group(0))
        each = _EACH_REQUEST.match(text, context.end())
        if sizes.total is None and not sizes.parts and each:
            sizes.total = int(number(context.group(1), context.group(2)))  # "context of ~12k tokens per call"
            sizes.notes["input_tokens"] = f"stated: {context.group(0)} for each request"
            sizes.evidence["input_tokens"] = text[context.start() : each.end()]
    elif sizes.context is not None:
        context_words = [sizes.evidence[k] for k in ("min_context", "documents") if k in sizes.evidence][:1]
        found.put("min_context", sizes.context, "; ".join(context_words) or "the documents' size")
    if sizes.output is not None:
        found.put("output_tokens", sizes.output, sizes.evidence["output_tokens"])
    if sizes.turns is not None:
        add_history(sizes, sizes.output)
        _conversations_to_requests(sizes.turns, sizes.evidence["turns"], found)
    throughput = None if "requests_per_day" in found.fields or not sizes.input_tokens else daily_throughput(text)
    if throughput and sizes.input_tokens:
        per_day = round(throughput[0] / sizes.input_tokens, 3)  # "2M tokens a day in chunks of 4k": 500 requests
        found.put("requests_per_day", per_day, f"{throughput[1]} / {sizes.input_tokens:,} tokens a request (derived)")
    material = sizes.total or sum(sizes.parts.get(part, 0) for part in ("documents", "user_text"))
    if sizes.output is None and material and (same := _SAME_LENGTH.search(text)):
        sizes.output = material  # a translation or a rewrite: as long as what it is given
        sizes.notes["output_tokens"] = (
            f"the same length as the input text, {material:,} tokens (stated: {same.group(0)})"
        )
        found.put("output_tokens", material, same.group(0))
    notes = {k: v for k, v in sizes.notes.items() if k == "output_tokens"}
    if sizes.total is not None:
        found.put("input_tokens", sizes.total, sizes.evidence["input_tokens"])
        notes["input_tokens"] = sizes.notes["input_tokens"]
    elif sizes.parts:
        words = "; ".join(sizes.evidence[part] for part in sizes.parts if part in sizes.evidence)
        found.put("input_tokens", sum(sizes.parts.values()), words)
        found.put("input_parts", dict(sizes.parts), words)
        notes |= {part: sizes.notes[part] for part in sizes.parts}
        notes["input_tokens"] = parts_note(sizes.parts, sizes.notes)
    if notes:
        found.put("size_notes", notes, "; ".join(found.evidence[k] for k in ("input_tokens", "output_tokens")
                                                 if k in found.evidence))  # fmt: skip


_EACH_REQUEST = re.compile(r"\s*(?:per|each|every|a|in each|in every|for each)\s+(?:request|call|query|question|prompt|"
                           r"turn|run)\b", re.IGNORECASE)  # fmt: skip
# "A task is around 25 steps and we run 200 tasks/day", "~8 model calls per session": every step is a request.
_STEPS = re.compile(
    r"\b(?:a|each|per|every|one)\s+(?:task|run|job|workflow|session)\s+(?:(?:is|takes|has|makes|needs|uses|runs|=)\s+)?"
    r"(?:(?:about|around|roughly|maybe|approximately|typically|usually|up to)\s+|~\s*)?(?P<n>\d+)\s+(?:\w+\s+)?"
    r"(?:steps|calls|requests|iterations)\b|"
    r"\b(?P<m>\d+)\s+(?:\w+\s+)?(?:steps|calls|requests|iterations)\s+(?:per|a|each|every|in\s+a)\s+"
    r"(?:task|run|job|workflow|session)\b",
    re.IGNORECASE,
)
# "approx same lenght as input" (a common misspelling), "the reply is just the translation"
_SAME_LENGTH = re.compile(
    r"\b(?:same|similar) (?:length|lenght|size)\b|as long as the (?:input|original|source)|"
    r"\btranslat\w*\s+(?:(?!from\b)[\w-]+\s+){0,3}?(?:in)?to\s+[A-Z]\w+|"
    r"\b(?:is|are) (?:just |only |simply )?the translat\w+",
    re.IGNORECASE,
)


def _steps_to_requests(text: str, found: Extraction) -> None:
    steps = _STEPS.search(text)
    evidence = found.evidence.get("requests_per_day", "")
    if (
        steps
        and "requests_per_day" in found.fields
        and re.search(r"tasks?|runs?|jobs?|workflows?|sessions?", evidence, re.I)
    ):
        n = float(steps.group("n") or steps.group("m"))
        found.put("requests_per_day", round(found.fields["requests_per_day"] * n, 3),
                  f"{evidence} x {steps.group(0)} (each step is a request)")  # fmt: skip


def _calls_to_requests(text: str, spelled: Spelled, digits: str, found: Extraction) -> None:
    """The volume as what surrounds its count says (rules/volume_context.py): active users or a headcount
    times the share who ask, a period the user defines, only the hours worked for a sub-day rate, then
    the model calls each item takes (unless turns or steps were multiplied in already) or the share of
    people who ask. `digits` is the message in digits with its money blanked ("15 000 comments over a
    60-day period" is one figure; "a $6,000 budget over 3 months" counts nothing)."""
    evidence = found.evidence.get("requests_per_day", "")
    active = active_users_who_ask(text)
    inside = active is not None and bool(evidence) and text.find(evidence) >= text.find(active[1].split(" x ")[0])
    if active and ("requests_per_day" not in found.fields or inside):  # "4 messages each per day" is one person's
        found.put("requests_per_day", round(active[0], 3), active[1])
        return
    if "requests_per_day" not in found.fields and (defined := per_defined_period(digits) or spread_over_days(digits)):
        found.put("requests_per_day", round(defined[0], 3), spelled.original(defined[1]))
        return
    if "requests_per_day" not in found.fields or "is a request)" in evidence:
        return
    said = evidence  # the user's words for the volume, found again in the text by the readers below
    if hours := hours_of_work(digits, said):  # "runs sixteen hours a day" in digits
        found.put("requests_per_day", round(found.fields["requests_per_day"] * hours[0] / 24, 3),
                  f"{evidence}, {spelled.original(hours[1])} (only those hours)")  # fmt: skip
        evidence = found.evidence["requests_per_day"]
    if calls := calls_per_item(text, said):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * calls[0], 3),
                  f"{evidence} x {calls[1]} (each call is a request)")  # fmt: skip
    elif share := share_that_acts(text, said):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * share[0], 3),
                  f"{evidence} x {share[1]} (the share that asks)")  # fmt: skip


def _conversations_to_requests(turns: float, words: str, found: Extraction) -> None:
    """Every turn of a conversation is a request: N conversations a day x T turns."""
    evidence = found.evidence.get("requests_per_day", "")
    if "requests_per_day" in found.fields and re.search(
        r"conversations?|chats?|sessions?|dialog|calls?\b", evidence, re.I
    ):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * turns, 3),
                  f"{evidence} x {words} (each turn is a request)")  # fmt: skip
