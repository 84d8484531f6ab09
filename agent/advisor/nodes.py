"""The advisor's answering nodes: recommend, retrieve, answer, explain, compare, economics and
what-if. Each reads the state and the tools (the graph's context) and returns an update; what it
says streams through the graph as it is said (see `say`). The conversation's own nodes (understand,
update, ask) are in understand.py."""

from __future__ import annotations

import re
import uuid
from typing import Any

from langgraph.config import get_config, get_stream_writer
from langgraph.runtime import Runtime, get_runtime

from agent.advisor import answers, definitions, verdict, why_not, why_not_asked
from agent.advisor import economics as economics_answers
from agent.advisor import recall as recall_answers
from agent.advisor.context import AdvisorTools
from agent.advisor.interview import build_requirements
from agent.advisor.recommendation import citations_for, ranking_json
from agent.advisor.rules.extract import Extraction, extract
from agent.advisor.rules.extract_privacy import EVERY_REGION_BUT
from agent.advisor.rules.size_merge import SIZE_FIELDS, merge_sizes
from agent.advisor.rules.volume_restated import growth_factor
from agent.advisor.state import AdvisorState, ChatMessage, Citation, Passage, RankingRows
from catalog.freshness import staleness_warnings
from catalog.requirements import Priorities
from catalog.scoring import Ranking, rank

LIST_FIELDS = ("needs", "compliance", "regions", "languages", "excluded_makers")


def stream(text: str) -> None:
    """Send one message's text to whoever streams the run (stream_mode="custom"), a line at a time
    as it is composed, so a front end shows it while the turn goes on. Outside a run: nothing."""
    try:
        writer = get_stream_writer()
    except (RuntimeError, KeyError):
        return
    lines = text.split("\n")
    for index, line in enumerate(lines):
        writer({"text": line + ("\n" if index < len(lines) - 1 else ""), "start": index == 0})


def say(text: str) -> list[ChatMessage]:
    """What a node says: streamed at once offline; with the advisor model, the `write` node streams
    it at the end of the turn (the model's version of an answer, or this text if the model fails)."""
    try:
        config = get_config()
        node = str(config.get("metadata", {}).get("langgraph_node", ""))
        offline = get_runtime(AdvisorTools).context.llm_write is None
    except (RuntimeError, KeyError, AttributeError):
        node, offline = "", True
    if offline:
        stream(text)
    return [ChatMessage(role="assistant", content=text, id=uuid.uuid4().hex, node=node)]


def merge(requirements: dict[str, Any], found: Extraction) -> dict[str, Any]:
    merged = merge_sizes(requirements, {k: v for k, v in found.fields.items() if k in SIZE_FIELDS})
    for name, value in found.fields.items():
        if name in SIZE_FIELDS:
            continue
        if name == "priority":
            merged["priorities"] = Priorities.preset(value).model_dump()
        elif name == "regions" and merged.get(name) and EVERY_REGION_BUT in found.evidence.get(name, ""):
            # "and no Chinese providers" in an EU-locked session narrows the lock; it never widens it to the US
            merged[name] = sorted(set(merged[name]) & set(value)) or sorted(value)
        elif name in LIST_FIELDS:
            merged[name] = sorted({*merged.get(name, []), *value})
        else:
            merged[name] = value
    if merged.get("privacy") == "region-locked" and not merged.get("regions"):
        merged["regions"] = ["eu"]
    return merged


def take_llm_fields(found: Extraction, patch: dict[str, Any]) -> None:
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


def _full_ranking(state: AdvisorState, tools: AdvisorTools) -> Ranking:
    return rank(tools.catalog, build_requirements(state.requirements), tools.today)


def recommend(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    tools = runtime.context
    requirements = build_requirements(state.requirements)
    ranking = rank(tools.catalog, requirements, tools.today, top=10)
    citations = citations_for(requirements)
    shown_before = (state.ranking["ranked"] if state.ranking else [])[:5]
    previous = [(r["canonical"], r["model"]) for r in shown_before if "canonical" in r]
    current = [(r.canonical, r.model) for r in ranking.ranked[:5]]
    text = answers.recommendation(ranking, set(state.requirements), citations, answers.movement(previous, current))
    payload = ranking_json(ranking, citations, staleness_warnings(tools.catalog, tools.today))
    for row, item in zip(payload["ranked"], ranking.ranked, strict=True):
        row["canonical"] = item.canonical
    rows: RankingRows = payload  # type: ignore[assignment]
    return {
        "ranking": rows,
        "citations": [Citation(id=c["id"], title=c["title"]) for c in citations],
        "messages": say(text),
    }


def _asked(state: AdvisorState) -> str:
    """The question, with the message before it when it only points back ("we should do LoRA. thoughts?"
    then "what does that mean?": LoRA)."""
    text = state.last_user_message()
    before = state.user_message_before_last()
    return f"{before.rstrip(' ?.!')}. {text}" if before and definitions.points_back_alone(text) else text


def retrieve(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    tools = runtime.context
    if tools.search is None:
        return {"citations": []}
    results = tools.search(_asked(state), 4)
    passages: list[Passage] = [r.as_json() | {"chunk_id": r.chunk_id} for r in results]
    return {"citations": [Citation(id=r.id, title=r.title, section=r.section) for r in results],
            "passages": passages}  # fmt: skip


def answer(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    tools = runtime.context
    if tools.search is None or tools.terms is None:
        return {"messages": say("The knowledge base is not available; run `tradeoff index` and ask again.")}
    # definitions reads plain dicts; the state's rows are TypedDicts (dicts at run time)
    passages, ranking = [dict(p) for p in state.passages], dict(state.ranking) if state.ranking else None
    reply = definitions.answer(_asked(state), definitions.passages_of(passages), tools.terms,
                               definitions.searcher(tools.search), (ranking, state.requirements))  # fmt: skip
    return {"messages": say(reply.text), "citations": [Citation(id=p.id, title=p.title, section=p.section)
                                                       for p in reply.passages]}  # fmt: skip


def explain(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    tools = runtime.context
    if state.subject and (kind := economics_answers.named_topic(state.subject[0])):  # "what about batching?"
        return economics(state.model_copy(update={"subject": [kind]}), runtime)
    ranking, question = _full_ranking(state, tools), state.last_user_message()
    text = why_not_asked.why_not(state.subject[0], ranking, tools.catalog, question) if state.subject else None
    return {"messages": say(text or "Which model should I explain?")}


def recall(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """"What budget do you have for me?", "why did you add tools?": the value, its source, how to change it."""
    field = state.subject[0] if state.subject else "all"
    if field == "all":
        held = answers.describe_stated(state.requirements, state.latest_actions())
        return {"messages": say(recall_answers.everything(held))}
    asked_why = state.last_user_message().lower().lstrip().startswith("why") or " why " in state.last_user_message()
    return {"messages": say(recall_answers.answer(field, state.requirements, state.origin(field), asked_why))}


def compare(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    tools = runtime.context
    ranking, asked = _full_ranking(state, tools), state.last_user_message()
    return {"messages": say(verdict.compare(state.subject, ranking, tools.catalog, asked))}


def judge(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """"Is GPT-4o overkill for this?": the model beside this user's top pick (or the runner-up, when it is
    the pick), ending with a verdict."""
    tools = runtime.context
    ranking = _full_ranking(state, tools)
    named = why_not.canonical_named(state.subject[0], ranking, tools.catalog) if state.subject else None
    other = next((item.model for item in ranking.ranked if item.canonical != named), None)
    names = [*state.subject[:1], other] if other else list(state.subject)
    return {"messages": say(verdict.compare(names, ranking, tools.catalog, state.last_user_message()))}


def economics(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """Fine-tuning, distillation, routing, caching, batching or self-hosting at the session's workload."""
    tools = runtime.context
    kind = state.subject[0] if state.subject else "routing"
    ranking, question = _full_ranking(state, tools), state.last_user_message()
    text = economics_answers.answer(kind, tools.catalog, ranking, set(state.requirements), question)
    citations = [Citation(id=doc, title=title) for doc, title in economics_answers.CITATIONS[kind]]
    return {"messages": say(text), "citations": citations}


def what_if(state: AdvisorState, runtime: Runtime[AdvisorTools]) -> dict[str, Any]:
    """Change one constraint hypothetically and show how the ranking moves; nothing is committed."""
    tools = runtime.context
    text = state.last_user_message()
    changed = merge(state.requirements, extract(text))
    scale = growth_factor(text)  # the same reading of "triples", "3x" or "cut in half" as a stated change
    if scale is not None:
        target = "budget_usd_month" if re.search(r"budget", text, re.I) else "requests_per_day"
        base = build_requirements(state.requirements)
        current_value = getattr(base, target)
        if current_value is not None:
            changed[target] = current_value * scale
    now = rank(tools.catalog, build_requirements(state.requirements), tools.today, top=3)
    then = rank(tools.catalog, build_requirements(changed), tools.today, top=3)
    lines = [f"**What if**: {answers.describe(then.requirements)}", ""]
    lines += answers.shortlist_table(then.ranked, then.requirements.budget_usd_month)
    moved = answers.movement([(r.canonical, r.model) for r in now.ranked],
                             [(r.canonical, r.model) for r in then.ranked])  # fmt: skip
    if moved:
        lines += ["", moved.replace("Since last time", "Compared with now")]
    lines += ["", "_Your requirements are unchanged; state the change plainly to keep it._"]
    return {"messages": say("\n".join(lines))}
