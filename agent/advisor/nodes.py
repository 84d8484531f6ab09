"""The advisor's graph nodes: understand, ask/wait (interview), recommend, retrieve, answer,
explain, compare and what-if. Each reads the state and the tools, and returns an update."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from langgraph.types import Command, interrupt

from agent.advisor import answers, definitions, verdict, why_not
from agent.advisor import economics as economics_answers
from agent.advisor.intents import classify
from agent.advisor.interview import apply_choice, build_requirements, next_question, read_choice
from agent.advisor.llm import LLMUnavailable
from agent.advisor.recommendation import citations_for, ranking_json
from agent.advisor.rules.extract import Extraction, extract
from agent.advisor.rules.size_merge import SIZE_FIELDS, merge_sizes
from agent.advisor.state import AdvisorState, ChatMessage, Citation
from catalog.entries import Catalog
from catalog.freshness import staleness_warnings
from catalog.requirements import Priorities
from catalog.scoring import Ranking, rank

LIST_FIELDS = ("needs", "compliance", "regions", "languages")


@dataclass
class AdvisorTools:
    """What the nodes call: plain functions and data from catalog/ and knowledge/."""

    catalog: Catalog
    today: dt.date
    search: Callable[[str, int], list[Any]] | None = None
    terms: Callable[[str], list[str]] | None = None
    classify_task: Callable[[str], str | None] | None = None
    llm_extract: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None


def say(text: str) -> list[ChatMessage]:
    return [ChatMessage(role="assistant", content=text)]


def merge(requirements: dict[str, Any], found: Extraction) -> dict[str, Any]:
    merged = merge_sizes(requirements, {k: v for k, v in found.fields.items() if k in SIZE_FIELDS})
    for name, value in found.fields.items():
        if name in SIZE_FIELDS:
            continue
        if name == "priority":
            merged["priorities"] = Priorities.preset(value).model_dump()
        elif name in LIST_FIELDS:
            merged[name] = sorted({*merged.get(name, []), *value})
        else:
            merged[name] = value
    if merged.get("privacy") == "region-locked" and not merged.get("regions"):
        merged["regions"] = ["eu"]
    return merged


def _take_llm_fields(found: Extraction, patch: dict[str, Any]) -> None:
    """The model's reading over the rules'. A total the model gives without parts replaces the rules'
    parts, so the parts never disagree with the total; the evidence says who read each field."""
    if "input_tokens" in patch and "input_parts" not in patch:
        found.fields.pop("input_parts", None)
        notes = found.fields.get("size_notes", {})
        found.fields["size_notes"] = {k: v for k, v in notes.items() if k == "output_tokens"}
    if "output_tokens" in patch and "size_notes" in found.fields:
        found.fields["size_notes"].pop("output_tokens", None)
    for name, value in patch.items():
        found.put(name, value, "read by the advisor model")


def understand(state: AdvisorState, tools: AdvisorTools) -> Command[Any]:
    text = state.last_user_message()
    found = extract(text)
    update: dict[str, Any] = {}
    if tools.llm_extract is not None:
        try:
            # The model reads the message; the rules fill in whatever it left out.
            _take_llm_fields(found, tools.llm_extract(text, state.requirements))
        except LLMUnavailable as exc:
            if not state.llm_failed_notice:
                update["llm_failed_notice"] = True
                update["messages"] = say(f"_Note: {exc}; answering with the offline advisor._")
    intent = classify(text, found)
    update |= {"intent": intent.kind, "subject": intent.subject}
    if intent.kind in ("explain", "compare"):
        return Command(update=update, goto=intent.kind)
    if intent.kind == "knowledge":
        return Command(update=update, goto="retrieve")
    if intent.kind in ("what_if", "economics"):
        return Command(update=update, goto=intent.kind)
    requirements = merge(state.requirements, found)
    if intent.kind == "drop":
        for name in intent.subject:
            requirements.pop(name, None)
            if name == "privacy":
                requirements.pop("regions", None)
    if "task" not in requirements and tools.classify_task is not None and len(text.split()) >= 5:
        guessed = tools.classify_task(text)
        if guessed:
            requirements["task"] = guessed
    update["requirements"] = requirements
    if intent.kind == "greeting":
        update["messages"] = update.get("messages", []) + say(
            "Hi! Tell me what you are building (task, volume, latency, budget, privacy) and I will rank "
            "models for it, with the numbers to show why."
        )
    return Command(update=update, goto="ask")


def ask(state: AdvisorState, tools: AdvisorTools) -> Command[Any]:
    """Pick the next interview question, or go straight to the recommendation."""
    if state.intent in ("recommend", "drop"):
        return Command(goto="recommend")
    question = next_question(tools.catalog, state.requirements, state.asked, tools.today)
    if question is None:
        return Command(goto="recommend")
    understood = answers.describe_stated(state.requirements)
    lead = f"Got it so far: {understood}." if understood else ""
    prompt = answers.question_prompt(question, lead)
    return Command(update={"next_question": question, "messages": say(prompt)}, goto="wait")


def wait(state: AdvisorState) -> Command[Any]:
    """Pause for the user's answer (interrupt); a chosen option is applied, free text is understood."""
    question = state.next_question
    assert question is not None
    answer = str(interrupt(question.model_dump()))
    asked = [*state.asked, question.field]
    message = [ChatMessage(role="user", content=answer)]
    chosen, value = read_choice(question, answer)
    if chosen:
        requirements = apply_choice(state.requirements, question.field, value)
        if question.field == "input_tokens" and value == question.default and isinstance(value, dict):
            notes = value.get("size_notes", {}).values()
            message += say("_Assumed: " + "; ".join(dict.fromkeys(notes)) + ". Tell me the real size to change it._")
        update = {"requirements": requirements, "asked": asked, "messages": message, "next_question": None,
                  "intent": "constraints"}  # fmt: skip
        return Command(update=update, goto="ask")
    return Command(update={"asked": asked, "messages": message, "next_question": None}, goto="understand")


def _full_ranking(state: AdvisorState, tools: AdvisorTools) -> Ranking:
    return rank(tools.catalog, build_requirements(state.requirements), tools.today)


def recommend(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    requirements = build_requirements(state.requirements)
    ranking = rank(tools.catalog, requirements, tools.today, top=10)
    citations = citations_for(requirements)
    previous = [r["canonical"] for r in (state.ranking or {}).get("ranked", [])[:5] if "canonical" in r]
    current = [r.canonical for r in ranking.ranked[:5]]
    text = answers.recommendation(ranking, set(state.requirements), citations, answers.movement(previous, current))
    payload = ranking_json(ranking, citations, staleness_warnings(tools.catalog, tools.today))
    for row, item in zip(payload["ranked"], ranking.ranked, strict=True):
        row["canonical"] = item.canonical
    return {
        "ranking": payload,
        "citations": [Citation(id=c["id"], title=c["title"]) for c in citations],
        "messages": say(text),
    }


def retrieve(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    if tools.search is None:
        return {"citations": []}
    results = tools.search(state.last_user_message(), 4)
    return {"citations": [Citation(id=r.id, title=r.title, section=r.section) for r in results],
            "passages": [r.as_json() | {"chunk_id": r.chunk_id} for r in results]}  # fmt: skip


def answer(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    if tools.search is None or tools.terms is None:
        return {"messages": say("The knowledge base is not available; run `tradeoff index` and ask again.")}
    reply = definitions.answer(state.last_user_message(), definitions.passages_of(state.passages), tools.terms,
                               definitions.searcher(tools.search), (state.ranking, state.requirements))  # fmt: skip
    return {"messages": say(reply.text), "citations": [Citation(id=p.id, title=p.title, section=p.section)
                                                       for p in reply.passages]}  # fmt: skip


def explain(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    if state.subject and (kind := economics_answers.named_topic(state.subject[0])):  # "what about batching?"
        return economics(state.model_copy(update={"subject": [kind]}), tools)
    text = why_not.explain(state.subject[0], _full_ranking(state, tools), tools.catalog) if state.subject else None
    return {"messages": say(text or "Which model should I explain?")}


def compare(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    return {"messages": say(verdict.compare(state.subject, _full_ranking(state, tools), tools.catalog))}


def economics(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    """Fine-tuning, distillation, routing, caching, batching or self-hosting at the session's workload."""
    kind = state.subject[0] if state.subject else "routing"
    ranking, question = _full_ranking(state, tools), state.last_user_message()
    text = economics_answers.answer(kind, tools.catalog, ranking, set(state.requirements), question)
    citations = [Citation(id=doc, title=title) for doc, title in economics_answers.CITATIONS[kind]]
    return {"messages": say(text), "citations": citations}


_FACTOR = re.compile(r"(\d+(?:\.\d+)?)\s*x|(double|triple|quadruple|halve|half)", re.IGNORECASE)
_FACTOR_WORDS = {"double": 2, "triple": 3, "quadruple": 4, "halve": 0.5, "half": 0.5}


def what_if(state: AdvisorState, tools: AdvisorTools) -> dict[str, Any]:
    """Change one constraint hypothetically and show how the ranking moves; nothing is committed."""
    text = state.last_user_message()
    changed = merge(state.requirements, extract(text))
    factor = _FACTOR.search(text)
    if factor:
        scale = float(factor.group(1)) if factor.group(1) else _FACTOR_WORDS[factor.group(2).lower()]
        target = "budget_usd_month" if re.search(r"budget", text, re.I) else "requests_per_day"
        base = build_requirements(state.requirements)
        current_value = getattr(base, target)
        if current_value is not None:
            changed[target] = current_value * scale
    now = rank(tools.catalog, build_requirements(state.requirements), tools.today, top=3)
    then = rank(tools.catalog, build_requirements(changed), tools.today, top=3)
    lines = [f"**What if**: {answers.describe(then.requirements)}", ""]
    lines += answers.shortlist_table(then.ranked)
    moved = answers.movement([r.canonical for r in now.ranked], [r.canonical for r in then.ranked])
    if moved:
        lines += ["", moved.replace("Since last time", "Compared with now")]
    lines += ["", "_Your requirements are unchanged; state the change plainly to keep it._"]
    return {"messages": say("\n".join(lines))}
