"""Rule-based constraint extraction: a developer's words -> requirement fields, with evidence.

Pure functions. Handles numbers with suffixes and units ("50k", "2 million", "$1,500",
"10M requests per month", "under 500ms", "within a second", "150k tokens"), task keywords,
modalities, JSON/tool needs, privacy phrasing and compliance regimes.
"""

from __future__ import annotations

__all__ = ["Extraction", "extract"]

import re

from agent.advisor.rules.extract_batch import batch_share, stated_share
from agent.advisor.rules.extract_languages import languages
from agent.advisor.rules.extract_latency import latency
from agent.advisor.rules.extract_money import masked, read_money
from agent.advisor.rules.extract_priority import priority
from agent.advisor.rules.extract_privacy import privacy
from agent.advisor.rules.extract_sizes import read_sizes
from agent.advisor.rules.extract_task import read_needs, read_task
from agent.advisor.rules.extract_volume import volume
from agent.advisor.rules.extraction import Extraction
from agent.advisor.rules.makers import only_makers, ruled_out_makers
from agent.advisor.rules.negation import negated, set_aside
from agent.advisor.rules.number_words import Spelled
from agent.advisor.rules.open_weights import open_weights
from agent.advisor.rules.size_context import stated_window
from agent.advisor.rules.size_merge import parts_note
from agent.advisor.rules.size_parts import add_history
from agent.advisor.rules.size_units import Sizes
from agent.advisor.rules.volume_batches import items_per_call
from agent.advisor.rules.volume_context import (
    active_users_who_ask,
    calls_per_item,
    hours_of_work,
    names_the_counted,
    share_that_acts,
    spread_over_days,
)
from agent.advisor.rules.volume_model_share import share_for_the_model
from agent.advisor.rules.volume_occasions import days_a_week
from agent.advisor.rules.volume_same import restated_calls
from agent.advisor.rules.volume_tokens import calls_from_tokens
from catalog.names import every_maker_but


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
    rate = volume(money_free)
    if rate:
        found.put("requests_per_day", rate[0], _volume_words(spelled, rate[1]))
    task = read_task(text)
    for name, ms, said in latency(text):
        found.put(name, ms, said)
    _tokens(text, found, spelled)
    _steps_to_requests(text, found)
    _calls_to_requests(spelled, money_free, rate[1] if rate else "", found)
    for language, said in languages(text):
        found.add_to_list("languages", language, said)
    if task:
        found.put("task", task.value, task.words, inferred=task.inferred)
    for need in read_needs(text):
        found.add_to_list("needs", need.value, need.words, inferred=need.inferred)
    privacy(text, found)
    if (open_need := open_weights(text)) is not None:
        found.put("open_weights", *open_need)  # False when ruled out: "legal vetoed open-weight models"
    if ruled_out := ruled_out_makers(text) or _every_maker_but(only_makers(text)):
        found.put("excluded_makers", *ruled_out)  # "we can't use OpenAI": GPT on Azure is out too
    if valued := priority(text):
        found.put("priority", valued[0], valued[1])
    if (share := batch_share(text)) and (stated_share(text) or not _awaited_within_the_hour(found)):
        found.put("batch_share", share[0], share[1])
    return found


def _awaited_within_the_hour(found: Extraction) -> bool:
    """ "No rush, a review can take 2 minutes": a reply awaited within the hour is no batch work (a batch
    API answers within a day); a stated share of batch work stands beside any time limit."""
    limit = found.fields.get("max_response_ms") or found.fields.get("max_ttft_ms")
    return limit is not None and limit < 3_600_000


def _add_sizes_in_words(sizes: Sizes, in_digits: Sizes, spelled: Spelled) -> None:
    """The side of a request the words gave only in words ("twenty out"), read with its numbers as digits."""
    if sizes.output is None and in_digits.output is not None:
        sizes.output = in_digits.output
        for key in ("output_tokens",):
            if key in in_digits.notes:
                sizes.notes[key] = spelled.original(in_digits.notes[key])
            if key in in_digits.evidence:
                sizes.evidence[key] = spelled.original(in_digits.evidence[key])
    if sizes.input_tokens is None and in_digits.input_tokens is not None:
        sizes.parts, sizes.total = dict(in_digits.parts), in_digits.total
        for key in [*in_digits.parts, "input_tokens"]:
            if key in in_digits.notes:
                sizes.notes[key] = spelled.original(in_digits.notes[key])
            if key in in_digits.evidence:
                sizes.evidence[key] = spelled.original(in_digits.evidence[key])


def _tokens(text: str, found: Extraction, spelled: Spelled) -> None:
    sizes = read_sizes(text)
    if spelled.text != text and (sizes.output is None or sizes.input_tokens is None):
        _add_sizes_in_words(sizes, read_sizes(spelled.text), spelled)  # "... tokens in and twenty out"
    carried = [sizes.evidence.get(part, "") for part in (*sizes.parts, "input_tokens")]
    if context := stated_window(text, carried):  # a window stated beats one derived
        found.put("min_context", context.tokens, context.words)
        each = None if context.floor else _EACH_REQUEST.match(text, context.end)
        if sizes.total is None and not sizes.parts and each:
            sizes.total = context.tokens  # "context of ~12k tokens per call"
            sizes.notes["input_tokens"] = f"stated: {context.words} for each request"
            sizes.evidence["input_tokens"] = text[context.end - len(context.words) : each.end()]
    elif sizes.context is not None:
        context_words = [sizes.evidence[k] for k in ("min_context", "documents") if k in sizes.evidence][:1]
        found.put("min_context", sizes.context, "; ".join(context_words) or "the documents' size")
    if sizes.output is not None:
        found.put("output_tokens", sizes.output, sizes.evidence["output_tokens"])
    if sizes.turns is not None:
        add_history(sizes, sizes.output)
        _conversations_to_requests(text, sizes.turns, sizes.evidence["turns"], found)
    if "requests_per_day" not in found.fields and (calls := calls_from_tokens(text, sizes)):
        found.put("requests_per_day", round(calls[0], 3), calls[1])  # "90M input tokens/month, ~3k in a call"
    material = sizes.total or sum(sizes.parts.get(part, 0) for part in ("documents", "user_text"))
    if sizes.output is None and material:
        _as_long_as_the_input(text, material, sizes, found)
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
    r"\b(?:is|are) (?:just |only |simply )?the translat\w+",
    re.IGNORECASE,
)
# "translate our articles", "a translator for support chats": the job, whose answer is as long as its input;
# not "translation is done upstream", "the translated manuals" it is given, or "no translation needed".
_TRANSLATES = re.compile(r"\btranslat(?:e|es|ing|ion|ions|or)\b(?!\s+(?:is|are|gets?)\s+(?:already\s+)?"
                         r"(?:done|handled))", re.IGNORECASE)  # fmt: skip
# A job beside the translation whose answer is shorter than its input: "translate and summarise".
_SHORTER = re.compile(r"\bsummar|\bclassif|\bextract|\bcategori[sz]|\btag(?:s|ging)?\b|\blabel", re.IGNORECASE)


def _as_long_as_the_input(text: str, material: int, sizes: Sizes, found: Extraction) -> None:
    """A translation or a rewrite is as long as what it is given: stated when the words say so ("same length
    as the input"), inferred from the input when the job is translating."""
    input_words = sizes.evidence.get("input_tokens") or "; ".join(
        sizes.evidence[part] for part in ("documents", "user_text") if part in sizes.evidence
    )
    if same := _SAME_LENGTH.search(text):
        sizes.notes["output_tokens"] = f"the same length as the input text, {material:,} tokens (stated: {same[0]})"
        found.put("output_tokens", material, same.group(0))
    elif not _SHORTER.search(text) and (job := _translating(text)):
        said = f"{_clause_from(text, job.start())} ... {input_words}"
        sizes.notes["output_tokens"] = (f"a translation is about as long as its input: {material:,} tokens "
                                        f"(inferred from the input, {input_words})")  # fmt: skip
        found.put("output_tokens", material, said, inferred=True)
    else:
        return
    sizes.output = material


def _translating(text: str) -> re.Match[str] | None:
    said = (m for m in _TRANSLATES.finditer(text) if not negated(text, m.start()) and not set_aside(text, m.start()))
    return next(said, None)


def _clause_from(text: str, at: int) -> str:
    """The words from `at` to the end of their clause: "translate our articles into Portuguese"."""
    end = re.compile(r"[.;,:!?\n]|\s(?:and|but|so|while)\s").search(text, at)
    return text[at : end.start() if end else len(text)].strip()[:80]


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


def _volume_words(spelled: Spelled, words: str) -> str:
    """The volume's words as the user said them; a product says the midpoint of a range it multiplied
    ("800 patients x 5 to 6 (midpoint 5.5) messages each"), while a plain reading stays their own words."""
    return spelled.original(words, midpoints=" x " in words)


def _findable(text: str, said: str) -> str:
    """The volume's words as they stand in the text: without a note ("(once a week)") or the members a rate
    was multiplied by ("20 consultants x 40 a day" is found as "40 a day")."""
    for candidate in (said, re.sub(r"\s*\([^()]*\)$", "", said)):
        for piece in (candidate, candidate.split(" x ")[-1]):
            if piece and piece in text:
                return piece
    return said


def _every_maker_but(only: tuple[list[str], str] | None) -> tuple[list[str], str] | None:
    """An allow-list as the makers it rules out: "Anthropic models only" rules out every other maker."""
    if only is None:
        return None
    return every_maker_but(only[0]), f"{only[1]} (every other maker ruled out)"


def _calls_to_requests(spelled: Spelled, money_free: str, said: str, found: Extraction) -> None:
    """The volume as what surrounds its count says (rules/volume_context.py): active users or a headcount
    times the share who ask, a period the user defines, only the hours worked for a sub-day rate, then
    the model calls each item takes (unless turns or steps were multiplied in already) or the share of
    people who ask. The readers see numbers as digits (`said` is the volume's words so) and ranges as
    their midpoints; evidence is put back into the user's words. `money_free` is that text with its money
    blanked, for the span readers ("a $6,000 budget over 3 months" counts nothing)."""
    text, evidence, rate_words = spelled.text, found.evidence.get("requests_per_day", ""), said
    if _volume_words(spelled, said).strip() != evidence:
        said = evidence  # multiplied since it was read, or read by another reader
    active = active_users_who_ask(text)
    at = text.find(_findable(text, said)) if said else -1
    inside = active is not None and at >= 0 and at >= text.find(active[1].split(" x ")[0])
    if active and ("requests_per_day" not in found.fields or inside):  # "4 messages each per day" is one person's
        found.put("requests_per_day", round(active[0], 3), _volume_words(spelled, active[1]))
        return
    if "requests_per_day" not in found.fields and (defined := spread_over_days(money_free)):
        found.put("requests_per_day", round(defined[0], 3), _volume_words(spelled, defined[1]))
        return
    # turns or steps multiplied in already: only the hours and days of the rate they multiplied are left to read
    multiplied = "is a request)" in evidence
    if "requests_per_day" not in found.fields or (
        multiplied and not (rate_words and evidence.startswith(_volume_words(spelled, rate_words).strip()))
    ):
        return
    # the words grow with each factor below; the readers find `said`
    words, said = said, _findable(text, rate_words if multiplied else said)
    if hours := hours_of_work(text, said):  # "runs sixteen hours a day" in digits
        found.put("requests_per_day", round(found.fields["requests_per_day"] * hours[0] / 24, 3),
                  _volume_words(spelled, f"{words}, {hours[1]} (only those hours)"))  # fmt: skip
        words = f"{words}, {hours[1]} (only those hours)"
    if days := days_a_week(text, said):  # "100 prompts per day on saturday and sunday"
        found.put("requests_per_day", round(found.fields["requests_per_day"] * days[0] / 7, 3),
                  _volume_words(spelled, f"{words}, {days[1]} (x {days[0]:g}/7 days a week)"))  # fmt: skip
        words = f"{words}, {days[1]} (x {days[0]:g}/7 days a week)"
    if (sent := share_for_the_model(text, said)) and not share_that_acts(text, said):  # "only the 15% in French"
        words = f"{words} x {sent[1]} (only that share reaches the model)"
        found.put("requests_per_day", round(found.fields["requests_per_day"] * sent[0], 3),
                  _volume_words(spelled, words))  # fmt: skip
    if multiplied:
        return
    if batch := items_per_call(text, said):  # "3M lines a night, 2,000 lines per call"
        found.put("requests_per_day", round(found.fields["requests_per_day"] / batch[0], 3),
                  _volume_words(spelled, f"{words} / {batch[1]} (each call takes {batch[0]:g})"))  # fmt: skip
    elif calls := calls_per_item(text, said):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * calls[0], 3),
                  _volume_words(spelled, f"{words} x {calls[1]} (each call is a request)"))  # fmt: skip
    elif share := share_that_acts(text, said):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * share[0], 3),
                  _volume_words(spelled, f"{words} x {share[1]} (the share that asks)"))  # fmt: skip


_PEOPLE_A_DAY = (r"\b(?:customers?|users?|visitors?|people|patients?|students?|employees?|callers?|players?|"
                 r"guests?|shoppers?|clients?|members?)\s+(?:a|per|each|every)\s+day\b")


def _conversations_to_requests(text: str, turns: float, words: str, found: Extraction) -> None:
    """Every turn of a conversation is a request: N conversations a day x T turns, or the calls the turns
    are said to be ("4 exchanges (so 8 model calls)"); a product that multiplied the turns in already stays."""
    evidence = found.evidence.get("requests_per_day", "")
    if words in re.sub(r"\s*\([^()]*\)$", "", evidence):
        return  # "1,500 chats a day, each 4 exchanges, each exchange 2 calls" counted the turns
    at = text.find(words)
    if restated := restated_calls(text, at + len(words)) if at >= 0 else None:
        turns, words = restated[0], f"{words}{restated[1]}"
    # "2,500 customers a day, each chats roughly 6 turns": people a day, each one a conversation of those turns
    each_person = words.lower().startswith("each") and re.search(_PEOPLE_A_DAY, evidence, re.I)
    if "requests_per_day" in found.fields and (
        re.search(r"conversations?|chats?|sessions?|dialog|calls?\b", evidence, re.I) or each_person
        or names_the_counted(words, evidence)  # "3,500 orders a day, each order conversation ~10 turns"
    ):
        found.put("requests_per_day", round(found.fields["requests_per_day"] * turns, 3),
                  f"{evidence} x {words} (each turn is a request)")  # fmt: skip
