"""The conversation's nodes: understand (what the message is, before anything is extracted), update
(a statement or an interview answer changes the requirements, each change recorded with its
words), ask and reask (the interview question, kept pending through side questions)."""

from __future__ import annotations

import copy
import re
from typing import Any, Literal

from langgraph.runtime import Runtime

from agent.advisor import answers, intents, nodes
from agent.advisor.answer_reading import read_as_answer
from agent.advisor.asked_job import job_from_question
from agent.advisor.context import AdvisorTools
from agent.advisor.history import changes, words
from agent.advisor.intents import classify, drop_requirements
from agent.advisor.interview import (
    answer_fields,
    apply_choice,
    beside_the_choice,
    default_label,
    invalid_fields,
    next_question,
    read_choice,
    skipped,
)
from agent.advisor.llm import LLMUnavailable
from agent.advisor.nodes import merge, say, take_llm_fields
from agent.advisor.rules.extract import Extraction, extract
from agent.advisor.rules.extract_latency import names_first_words
from agent.advisor.rules.message_language import written_in
from agent.advisor.rules.places import country_name
from agent.advisor.rules.places_granted import granted_later
from agent.advisor.rules.questions import asked_part, stated_part, statements
from agent.advisor.rules.volume_rescale import rescaled
from agent.advisor.rules.volume_restated import scaled_by_growth
from agent.advisor.state import AdvisorState, ChatMessage, Question, RequirementEvent
from agent.advisor.view import FIELD_LABELS, format_value
from agent.advisor.volume_later import rechained, recounted_members, with_earlier_members
from catalog.display import money
from catalog.names import allow_list, makers_rule

_SKIP_ALONE = re.compile(r"^\s*skip\s*[.!]?\s*$", re.IGNORECASE)


def understand(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """Name the intent from the words alone; a question is routed to its answer and extracts nothing."""
    text = state.last_user_message()
    pending = state.next_question
    intent = classify(text)
    if intent.kind != "recommend" and pending is not None and read_choice(pending, text)[0]:
        return {"intent": "constraints", "subject": []}  # a choice, by number or label, or skip
    if pending is None and _SKIP_ALONE.match(text):
        return {"intent": "recommend", "subject": []}  # nothing to skip: rank with what is known
    if pending is not None and intent.kind == "knowledge" and _tentative_answer(pending, text):
        return {"intent": "constraints", "subject": [], "then_ask": None}
    if not intents.BY_NAME[intent.kind].changes_requirements and _states_requirements(text):
        # "Is Claude or GPT better for this? We're building text-to-SQL, 20k queries a day": the job is
        # read first, then the question is answered on it.
        # with no question mark to split on ("claude haiku or gpt-4o mini, what would u pick for our
        # support bot"), the whole message is the question, answered once its facts are read
        return {"intent": "constraints", "subject": [], "then_ask": asked_part(text) or text}
    return {"intent": intent.kind, "subject": intent.subject, "then_ask": _asked_beside(text, intent.kind)}


def _states_requirements(text: str) -> bool:
    """Whether a message that asks something also states requirements in sentences of their own."""
    stated = statements(text)
    return bool(stated.strip()) and bool(extract(stated).fields)


def _asked_beside(text: str, kind: str) -> str | None:
    """A question asked in a message that also states requirements, when it is one the advisor answers."""
    if kind != "constraints" or not (question := asked_part(text)) or question == text.strip():
        return None
    return question if not intents.BY_NAME[classify(question).kind].changes_requirements else None


def follow_up(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """The question asked beside a statement, answered by its intent's node on the requirements the
    statement just updated ("We run 50k chats a day. Would routing save us money?")."""
    assert state.then_ask is not None
    intent = classify(state.then_ask)
    node = intents.BY_NAME[intent.kind].node
    asked = state.model_copy(update={"messages": [*state.messages, ChatMessage(role="user", content=state.then_ask)],
                                     "intent": intent.kind, "subject": intent.subject})  # fmt: skip
    out: dict[str, Any] = {}
    if node == "retrieve":
        out = nodes.retrieve(asked, runtime)
        asked = asked.model_copy(update=out)
        node = "answer"
    out |= getattr(nodes, node)(asked, runtime)
    return {key: out[key] for key in ("messages", "citations", "passages") if key in out} | {"then_ask": None}


_ASKING_WORD = re.compile(r"^\s*(?:what|how|why|when|where|which|who|is|are|does|do|can|could|should|would|will)\b",
                          re.IGNORECASE)  # fmt: skip


def _tentative_answer(question: Question, text: str) -> bool:
    """ "maybe 10k a day?" to the volume question is an answer said with a question mark, not a question."""
    read = set(extract(text).fields) | set(read_as_answer(question.field, text).fields)
    return not _ASKING_WORD.match(text) and bool(answer_fields(question.field) & read)


def _span(text: str, evidence: str) -> tuple[int, int] | None:
    # the words as typed, without the notes a reader adds ("200-300 (midpoint 250) a month")
    evidence = " ".join(re.sub(r"\s*\((?:midpoint|read as|x |the |a |each )[^()]*\)", "", evidence).split())
    start = text.lower().find(evidence.lower()) if evidence else -1
    return (start, start + len(evidence)) if start >= 0 else None


def _evidence_span(text: str, found: Extraction, name: str) -> tuple[int, int] | None:
    """Where in the message the words a field was read from stand, an inference's quoted words included."""
    return _span(text, found.evidence.get(name, "").removeprefix("inferred from '").rstrip("'"))


def only_the_asked(found: Extraction, field: str, text: str) -> Extraction:
    """An answer to the question about `field` sets that field; another field only when its own words
    say it ("budget 3000 a month" answers the budget and is not also a volume of 3,000 a month)."""
    asked = answer_fields(field)
    if not asked & set(found.fields):
        return found  # it answered something else: read it as a statement
    taken = [span for name in asked if name in found.fields and (span := _span(text, found.evidence.get(name, "")))]
    fields: dict[str, Any] = {}
    for name, value in found.fields.items():
        span = _span(text, found.evidence.get(name, ""))
        separate = span is not None and all(span[1] <= a or span[0] >= b for a, b in taken)
        if name in asked or separate:
            fields[name] = value
    kept = copy.copy(found)  # what else the extraction carries (what it inferred), it keeps
    kept.fields, kept.evidence = fields, {name: said for name, said in found.evidence.items() if name in fields}
    return kept


def _recounted_volume(state: AdvisorState, text: str) -> tuple[float, str] | None:
    """The volume scaled by a new count of the members it was multiplied by ("make it 20 devs", "staff
    numbers are closer to 1,500")."""
    per_day = state.requirements.get("requests_per_day")
    said = _last_evidence(state, "requests_per_day")
    if not per_day or not said:
        return None
    return rescaled(text, float(per_day), said) or recounted_members(stated_part(text), float(per_day), said)


def _volume_in_earlier_terms(state: AdvisorState, text: str, found: Extraction) -> tuple[float, str] | None:
    """A volume stated in terms an earlier turn set: the count a chain started from, or a member's rate."""
    new_per_day, new_said = float(found.fields["requests_per_day"]), found.evidence.get("requests_per_day", "")
    old_per_day, old_said = state.requirements.get("requests_per_day"), _last_evidence(state, "requests_per_day")
    if old_per_day and old_said and (again := rechained(new_said, new_per_day, float(old_per_day), old_said)):
        return again
    earlier = [message.content for message in state.messages if message.role == "user"][:-1]
    return with_earlier_members(stated_part(text), new_per_day, earlier)


def _restate_the_stated_latency(before: dict[str, Any], found: Extraction, text: str) -> None:
    """A bare time in a later message restates the time already stated: "correction: the SLA is 500 ms,
    not a second" after "full answer within a second" is the whole answer's limit, not a first-token one."""
    if ("max_ttft_ms" in found.fields and "max_response_ms" not in found.fields and "max_response_ms" in before
            and "max_ttft_ms" not in before and not names_first_words(text)):  # fmt: skip
        found.put("max_response_ms", found.fields.pop("max_ttft_ms"), found.evidence.pop("max_ttft_ms", text))


def _grant_to_the_lock(before: dict[str, Any], text: str, found: Extraction) -> None:
    """Places a later message grants ("we now have approval for Singapore or Sydney") join a region lock
    already stated; without a lock, approval words name no requirement."""
    if before.get("privacy") != "region-locked" or found.fields.get("privacy") not in (None, "region-locked"):
        return
    # "forget the UK thing, EU is fine too": the grant is the words after the drop, not the drop's own
    cue = intents.drop_cue(text)
    granted = granted_later(stated_part(text[cue[1] :] if cue else text))
    if granted is None:
        return
    places, said = granted
    found.put("privacy", "region-locked", found.evidence.get("privacy", said))
    for place in places:
        if place not in found.fields.get("regions", []):
            found.add_to_list("regions", place, said)


def _last_evidence(state: AdvisorState, field: str) -> str:
    return next((e.evidence for e in reversed(state.history) if e.field == field), "")


def _scaled(state: AdvisorState, text: str, found: Extraction) -> list[ChatMessage]:
    """A stated volume or budget times the factor a later message gives it ("our volume just doubled",
    "make it 3x", "the budget doubled"), when the message gives no figure of its own. Growth only foreseen
    is offered, not applied: "traffic will double next year" sizes nothing until the user says so."""
    if "requests_per_day" in found.fields or "budget_usd_month" in found.fields:
        return []
    scaled = scaled_by_growth(text)
    if not scaled or not (value := state.requirements.get(scaled[0])):
        return []
    field, factor, applies = scaled
    if not applies:
        label, words = FIELD_LABELS.get(field, field), {2.0: "double", 3.0: "triple", 4.0: "quadruple"}
        return say(f"_I kept {label} at {format_value(value)}; say \"size for {words.get(factor, f'{factor:g}x')}\" "
                   f"to plan for {format_value(float(value) * factor)}._")
    said = _last_evidence(state, field) or format_value(value)
    found.put(field, float(value) * factor, f"{said}; now x{factor:g} ('{text.strip()[:80]}')")
    return []


def _inferred(found: Extraction) -> dict[str, str]:
    """The fields the extractor inferred rather than read (Extraction.inferred, a set of names or a
    map to the words they came from), each with its words."""
    inferred = getattr(found, "inferred", None) or ()
    words_for = inferred if isinstance(inferred, dict) else {}
    return {name: str(words_for.get(name) or found.evidence.get(name, "")) for name in inferred}


def update(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """A statement, an interview answer, a drop or "just recommend": the new requirements, the events
    that explain them, and the next question (None: recommend now)."""
    tools = runtime.context
    text, turn = state.last_user_message(), state.turn_number()
    pending = state.next_question
    asked = [*state.asked, pending.field] if pending and pending.field not in state.asked else list(state.asked)
    out: dict[str, Any] = {"next_question": None, "asked": asked}
    messages: list[ChatMessage] = []
    before = state.requirements
    chosen, value = read_choice(pending, text) if pending is not None else (False, None)
    if chosen and pending is not None and skipped(pending, text) and answer_fields(pending.field) & set(
        extract(stated_part(text)).fields
    ):
        chosen = False  # "not sure, but it all has to stay in the EU" answers after all: read it as said
    events: list[RequirementEvent] = []
    dropped = False
    if state.intent == "drop" and (which := intents.ambiguous_drop(text, state.subject, before)):
        return out | {"next_question": pending, "asked": list(state.asked), "messages": say(which)}
    if state.intent == "recommend":
        requirements = dict(before)
    elif pending is not None and chosen:
        default: Literal["skipped"] | None = "skipped" if skipped(pending, text) else None
        requirements, events = _answer_choice(pending, value, before, text, turn, messages, default)
        # "2, and the budget is $500", "whatever is cheapest honestly": the rest states what it says
        if rest := beside_the_choice(text) or (text if default == "skipped" else ""):
            found = extract(rest)
            for name in answer_fields(pending.field) & set(found.fields):
                found.fields.pop(name)
            chosen_only = requirements
            requirements = merge(chosen_only, found)
            events += changes(chosen_only, requirements, turn=turn, evidence=dict(found.evidence),
                              inferred=set(found.inferred), said=text)  # fmt: skip
    else:
        found = extract(stated_part(text))  # "We run 50k chats a day. Do we need tools?" states only the first
        job_from_question(text, found)
        if tools.llm_extract is not None:
            try:
                # The model reads the message; the rules fill in whatever it left out.
                take_llm_fields(found, tools.llm_extract(text, before))
            except LLMUnavailable as exc:
                if not state.llm_failed_notice:
                    out["llm_failed_notice"] = True
                    messages += say(f"_Note: {exc}; answering with the offline advisor._")
        if tools.llm_extract is None and not state.language_notice and (language := written_in(text)):
            out["language_notice"] = True  # the rules read English: say so once rather than miss a lock silently
            messages += say(f"_This reads as {language}. I read requirements in English, so I may have missed "
                            "some: check the requirements panel, and say in English anything it lacks (where data "
                            "must stay, languages, latency, sizes)._")  # fmt: skip
        if "requests_per_day" not in found.fields and (recount := _recounted_volume(state, text)):
            found.put("requests_per_day", *recount)
        elif "requests_per_day" in found.fields and (again := _volume_in_earlier_terms(state, text, found)):
            found.put("requests_per_day", *again)
        messages += _scaled(state, text, found)
        _grant_to_the_lock(before, text, found)
        _restate_the_stated_latency(before, found, text)
        answer = read_as_answer(pending.field if pending else None, text)
        for name in answer.fields.keys() - found.fields.keys():
            found.put(name, answer.fields[name], answer.evidence[name])
        if pending is not None:
            found = only_the_asked(found, pending.field, text)
        if state.intent == "drop":
            _without_the_drops_own_words(found, text)
        requirements = merge(before, found)
        if state.intent == "drop":
            dropped = drop_requirements(before, state.subject) != before
            # What the drop's own words name goes ("Scratch the HIPAA part, we won't send patient data");
            # what other words state now stays ("... not our own hardware. It has to stay in the EU").
            restated = _restated_elsewhere(text, found, state.subject)
            requirements = drop_requirements(requirements, [name for name in state.subject if name not in restated])
        stated_open = "open_weights" in found.fields and "open_weights" not in found.inferred
        inferred_open = "open_weights" in found.inferred or "open_weights" in _inferred_now(state.history)
        if requirements.get("privacy") != "self-hosted" and inferred_open and not stated_open:
            requirements.pop("open_weights", None)  # it was inferred from self-hosting, which no longer holds
        refused = invalid_fields(requirements)
        for name, why in refused.items():
            # "999999999999999999 requests per second" is said back, not ranked silently at the default
            label, value = FIELD_LABELS.get(name, name.replace("_", " ")), format_value(requirements.pop(name))
            kept = f" I kept {format_value(before[name])}." if name in before else ""
            if name in before:
                requirements[name] = before[name]  # a bad new figure never costs the good one stated before
            messages += say(f"_I can't use {label} = {value}: {why.lower()}.{kept} Tell me that figure again._")
            found.fields.pop(name, None)
        budget_words = found.evidence.get("budget_usd_month", "") if "budget_usd_month" in found.fields else ""
        if "at par" in budget_words:  # said once, in the chat, not only in the record
            amount = money(found.fields["budget_usd_month"])
            messages += say(f"_I read {budget_words.split(' (')[0]} as {amount} a month: there is no exchange rate "
                            "offline. Say the budget in US dollars if it differs._")  # fmt: skip
        inferred_words = _inferred(found)
        inferred = set(inferred_words)
        evidence = dict(found.evidence) | {name: said for name, said in inferred_words.items() if said}
        if "task" not in requirements and tools.classify_task is not None and len(text.split()) >= 5:
            guessed = tools.classify_task(text)
            if guessed:
                requirements["task"] = guessed
                inferred.add("task")
                evidence["task"] = f"classified as {guessed} from '{words(text)}'"
        events = changes(before, requirements, turn=turn, evidence=evidence, inferred=inferred, said=text)
        if pending is not None and state.intent in ("constraints", "greeting") and not _answers(pending, events):
            # it said something else, or asked beside a remark with nothing to read in it: keep, ask again
            if events or state.intent == "greeting" or state.then_ask or answer_fields(pending.field) & set(refused):
                out |= {"requirements": requirements, "history": events, "next_question": pending,
                        "asked": list(state.asked)}  # fmt: skip
                return out | ({"messages": messages} if messages else {})
            # nothing in it could be read: take the default, and say so, rather than ask forever
            requirements, events = _answer_choice(pending, pending.default, before, text, turn, messages, "unread")
    out |= {"requirements": requirements, "history": events}
    # A change of mind re-ranks at once; "HIPAA isn't required" in a first message drops nothing: the interview goes on.
    if state.intent == "drop" and dropped and pending is not None:
        # mid-interview, a change of mind is done and said, and the question it interrupted is asked again
        out |= {"next_question": pending, "asked": list(state.asked)}
        messages += say(f"_Dropped {_dropped_words(state.subject, before)}._")
    elif state.intent != "recommend" and not (state.intent == "drop" and dropped):
        out["next_question"] = next_question(tools.catalog, requirements, asked, tools.today)
    if state.intent == "greeting":
        messages = say("Hi! Tell me what you are building (task, volume, latency, budget, privacy) and I will rank "
                       "models for it, with the numbers to show why.") + messages  # fmt: skip
    if messages:
        out["messages"] = messages
    return out


def _without_the_drops_own_words(found: Extraction, text: str) -> None:
    """A field read inside a drop's words is what the drop names, not a new statement ("drop the German
    data lock" states no German)."""
    cue = intents.drop_cue(text)
    for name in list(found.fields):
        span = _evidence_span(text, found, name)
        if cue is not None and span is not None and cue[0] <= span[0] < cue[1]:
            found.fields.pop(name)
            found.evidence.pop(name, None)
            found.inferred.discard(name)


def _dropped_words(subject: list[str], before: dict[str, Any]) -> str:
    """What a drop removed, in words ("German from the languages, Germany from the regions")."""
    words = []
    for name in subject:
        field_name, _, item = name.partition(":")
        label = FIELD_LABELS.get(field_name, field_name.replace("_", " "))
        allowed = allow_list(before.get(field_name, [])) if field_name == "excluded_makers" else []
        if allowed and (not item or item in allowed):
            words.append(f"the rule of {makers_rule(before[field_name])}")
            continue
        if item and item in before.get(field_name, []):
            named = {"regions": country_name, "languages": str.title, "compliance": str.upper}
            shown = named.get(field_name, str)(item)
            words.append(f"{shown} from the {label}")
        elif not item and field_name in before:
            words.append(f"the {label} requirement")
    return ", ".join(words) or "it"


def _restated_elsewhere(text: str, found: Extraction, subject: list[str]) -> set[str]:
    """The dropped fields this message states again in words outside the drop's own ("approved an
    EU-hosted endpoint, so we don't need our own hardware": the hosting is dropped, the EU lock stays)."""
    cue = intents.drop_cue(text)
    if cue is None:
        return set()
    start, end = cue
    out = set()
    for name in subject:
        field_name = name.partition(":")[0]
        span = _evidence_span(text, found, field_name)
        if field_name in found.fields and span is not None and not start <= span[0] < end:
            out.add(name)
    return out


def _inferred_now(history: list[RequirementEvent]) -> frozenset[str]:
    """The fields whose latest change was an inference."""
    latest = {event.field: event.action for event in history}
    return frozenset(name for name, action in latest.items() if action == "inferred")


def _answers(question: Question, events: list[RequirementEvent]) -> bool:
    return any(event.field in answer_fields(question.field) for event in events)


def _answer_choice(
    question: Question, value: Any, before: dict[str, Any], text: str, turn: int, messages: list[ChatMessage],
    default: Literal["skipped", "unread"] | None,
) -> tuple[dict[str, Any], list[RequirementEvent]]:  # fmt: skip
    """A chosen answer applied; a default (skipped, or no answer could be read) is said and recorded."""
    requirements = apply_choice(before, question.field, value)
    if default is None:
        return requirements, changes(before, requirements, turn=turn, said=text)
    label = default_label(question)
    if default == "unread":
        messages += say(f"_I could not read an answer to “{question.text}” in that, so I assumed **{label}**. "
                        "Tell me if that is wrong._")  # fmt: skip
    elif question.field == "input_tokens":
        messages += say(f"_Assumed: {label}. Tell me the real size to change it._")
    else:
        messages += say(f"_Skipped “{question.text}”: I assumed **{label}**. Tell me if that is wrong._")
    events = changes(before, requirements, turn=turn, said=f"skipped; the default is {label}", action="default")
    if not events:  # the default is "no constraint": nothing changes, and the record still says so
        events = [RequirementEvent(field=question.field, action="default", value=value, turn=turn,
                                   evidence=f"skipped; the default is {label}")]  # fmt: skip
    return requirements, events


def ask(state: AdvisorState) -> dict[str, Any]:
    """Say the pending interview question, with what is understood so far."""
    assert state.next_question is not None
    understood = answers.describe_stated(state.requirements, state.latest_actions())
    lead = f"Got it so far: {understood}." if understood else ""
    return {"messages": say(answers.question_prompt(state.next_question, lead))}


def reask(state: AdvisorState) -> dict[str, Any]:
    """A side question was answered; the interview question is still open, so ask it again."""
    assert state.next_question is not None
    return {"messages": say(answers.question_prompt(state.next_question, "Back to my question:"))}
