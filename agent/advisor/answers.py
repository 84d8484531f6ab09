"""Offline answers composed from the deterministic tools' results and retrieved passages.

Every number here is copied from a ranking or a cost breakdown; nothing is estimated in prose.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agent.advisor.interview import SIZE_CHOICES as SIZED_TASKS
from agent.advisor.interview import build_requirements
from agent.advisor.state import Question
from catalog.display import context_size, milliseconds, money, requirement_word
from catalog.names import makers_rule
from catalog.requirements import PRIORITY_PRESETS, Priorities, Requirements
from catalog.scoring import RankedModel, Ranking

TASK_WORDS = {
    "chat": "a chat assistant", "coding": "coding", "reasoning": "reasoning and maths",
    "creative": "creative writing", "document-analysis": "document analysis", "classification": "classification",
    "extraction": "structured extraction", "vision": "vision", "summarization": "summarisation",
    "rag": "retrieval-augmented answers", "agent": "an agent with tools", "general": "general use",
}  # fmt: skip
DEFAULT_NOTES = {
    "input_tokens": "{v:,} input tokens per request",
    "output_tokens": "{v:,} output tokens per request",
    "requests_per_day": "{v:,.0f} requests a day",
    "task": "a general-purpose task",
}
SIZE_GUESS = (" (a guess: for this task the size of one request changes the cost most; tell me, e.g. "
              "“each document is about 40 pages” or “1,500 tokens of surrounding code”)")  # fmt: skip


def describe(req: Requirements) -> str:
    parts = [f"{TASK_WORDS[req.task]}", f"{req.requests_per_day:,.0f} requests/day",
             f"~{req.input_tokens:,} in / {req.output_tokens:,} out tokens"]  # fmt: skip
    if req.budget_usd_month is not None:
        parts.append(f"budget {money(req.budget_usd_month)}/month")
    if req.max_ttft_ms is not None:
        parts.append(f"TTFT under {req.max_ttft_ms:,.0f} ms")
    if req.privacy != "none":
        parts.append(f"privacy: {req.privacy}")
    if req.compliance:
        parts.append("/".join(requirement_word(c) for c in req.compliance))
    if req.needs:
        parts.append("needs " + ", ".join(req.needs))
    if req.excluded_makers:
        parts.append(makers_rule(req.excluded_makers))
    return ", ".join(parts)


def describe_stated(fields: dict[str, Any], how: Mapping[str, str] | None = None) -> str:
    """What is understood so far, for the interview's "got it so far": each value the advisor inferred
    or assumed says so, so a default never reads as something the user said. `how` is each field's
    latest action (stated, inferred, default...)."""
    how = how or {}

    def marked(text: str, *names: str) -> str:
        actions = {how.get(name) for name in names if name in fields}
        if "default" in actions:
            return f"{text} (assumed)"
        return f"{text} (inferred)" if "inferred" in actions else text

    parts = []
    if "task" in fields:
        parts.append(marked(TASK_WORDS.get(fields["task"], fields["task"]), "task"))
    if "requests_per_day" in fields:
        parts.append(marked(f"{fields['requests_per_day']:,.0f} requests/day", "requests_per_day"))
    if "input_tokens" in fields or "output_tokens" in fields:
        sized = build_requirements(fields)  # the unstated side is its default, which may follow the task
        tokens = f"~{sized.input_tokens:,} in / {sized.output_tokens:,} out tokens"
        parts.append(marked(tokens, "input_tokens", "output_tokens"))
    if fields.get("budget_usd_month") is not None:
        parts.append(marked(f"budget {money(fields['budget_usd_month'])}/month", "budget_usd_month"))
    if fields.get("max_ttft_ms") is not None:
        parts.append(marked(f"TTFT under {fields['max_ttft_ms']:,.0f} ms", "max_ttft_ms"))
    if fields.get("min_context"):
        parts.append(marked(f"{fields['min_context']:,}-token context", "min_context"))
    if fields.get("privacy", "none") != "none":
        parts.append(marked(f"privacy: {fields['privacy']}", "privacy"))
    for name in ("compliance", "needs", "regions", "languages"):
        if fields.get(name):
            parts.append(marked(f"{name}: {', '.join(fields[name])}", name))
    if fields.get("excluded_makers"):
        parts.append(marked(makers_rule(fields["excluded_makers"]), "excluded_makers"))
    if (preset := _preset_of(fields.get("priorities"))) and preset != "balanced":
        parts.append(marked(f"{preset} first", "priorities"))
    return ", ".join(parts)


def _preset_of(weights: Any) -> str | None:
    """The preset a stated set of weights is ("cost" for cost first), or None for weights of one's own."""
    if not isinstance(weights, dict):
        return None
    return next((name for name in PRIORITY_PRESETS if Priorities.preset(name).model_dump() == weights), None)


def shortlist_table(ranked: Sequence[RankedModel], budget: float | None) -> list[str]:
    """One line per model: a table's seven columns would be cut to "6…" in the TUI's chat column,
    and the Shortlist tab already has the full table. With no budget stated, no cost is "within" one."""
    return [
        f"{index}. **{item.model}**: score {item.score:.1f} · {money(item.monthly_cost_usd)}/month "
        f"{_against(budget, item.within_budget)}· TTFT {milliseconds(item.ttft_ms)} · "
        f"{context_size(item.max_input_tokens)} context"
        for index, item in enumerate(ranked, 1)
    ]


def _against(budget: float | None, within: bool) -> str:
    if budget is None:
        return ""
    return "(within budget) " if within else "(over budget) "


def movement(previous: Sequence[tuple[str, str]], current: Sequence[tuple[str, str]]) -> str | None:
    """How the top of the shortlist moved since the last recommendation, in one line. Each entry is
    (canonical model, the route shown): a model is followed across hosts, and named as the list shows it."""
    before = [canonical for canonical, _ in previous]
    now = [canonical for canonical, _ in current]
    if not before or before == now:
        return None if not before else "The top of the shortlist did not change."
    notes = []
    for position, (canonical, shown) in enumerate(current, 1):
        if canonical not in before:
            notes.append(f"{shown} is new at #{position}")
        elif before.index(canonical) + 1 != position:
            notes.append(f"{shown} moved #{before.index(canonical) + 1} → #{position}")
    dropped = [shown for canonical, shown in previous if canonical not in now]
    if dropped:
        notes.append("dropped out: " + ", ".join(dropped))
    return "Since last time: " + "; ".join(notes) + "."


def recommendation(
    ranking: Ranking, stated: set[str], citations: Sequence[dict[str, str]], moved: str | None, top: int = 5
) -> str:
    req = ranking.requirements
    ranked = ranking.ranked[:top]
    out = [f"**Shortlist** for {describe(req)}:", ""]
    if not ranked:
        out.append("No model meets every hard constraint. What eliminated them:")
        out += [f"- {e.model}: {'; '.join(e.reasons)}" for e in ranking.eliminated[:6]]
        out.append("")
        out.append("Relax one constraint (for example: *drop the latency requirement*) and I will re-rank.")
        return "\n".join(out)
    if ranking.budget is not None:  # the first thing to know: nothing fits the money
        options = [f"- {option.detail}{'' if option.fits else ' (still over)'}" for option in ranking.budget.options]
        out = [f"**{ranking.budget.summary}**", "", "What would fit:", *options, "",
               f"**Shortlist** for {describe(req)}, closest to the budget first:", ""]  # fmt: skip
    out += shortlist_table(ranked, req.budget_usd_month)
    best = ranked[0]
    out += ["", f"**My pick: {best.model}**" if ranking.budget is None else f"**Closest to the budget: {best.model}**"]
    out += [f"- {reason}" for reason in (*best.reasons, best.tier_advice)]
    out.append(f"- **fallback** (another model maker): {ranking.fallback or 'none meets every constraint'}")
    if ranking.failover_route:
        out.append(f"- **failover route** (the same model, another host): {ranking.failover_route}")
    if ranking.self_hosting is not None:
        out.append(f"- **self-hosting**: {ranking.self_hosting.conclusion}")
    if moved:
        out += ["", moved]
    if ranking.eliminated:
        sample = "; ".join(f"{e.model} ({e.reasons[0]})" for e in ranking.eliminated[:3])
        out += ["", f"Eliminated {len(ranking.eliminated)} models, e.g. {sample}."]
    assumed = [DEFAULT_NOTES[f].format(v=getattr(req, f)) for f in DEFAULT_NOTES if f not in stated]
    if "input_tokens" not in stated and req.task in SIZED_TASKS:
        assumed = [note + SIZE_GUESS if note.startswith(f"{req.input_tokens:,} input") else note for note in assumed]
    assumed += size_assumptions(req)
    if assumed:
        out += ["", "_Assumed (tell me if wrong): " + ", ".join(assumed) + "._"]
    out += ["", "Sources: " + ", ".join(f"[{c['id']}] {c['title']}" for c in citations)]
    return "\n".join(out)


def size_assumptions(req: Requirements) -> list[str]:
    """Each size worked out from a convention ("40 pages x ~600 tokens a page (assumption)")."""
    keys = [key for key in req.size_notes if key != "input_tokens" or not req.input_parts]
    names = {"input_tokens": "input", "output_tokens": "output", "user_text": "user text",
             "system_prompt": "system prompt"}  # fmt: skip
    return [f"{names.get(key, key)}: {req.size_notes[key]}" for key in keys if "assum" in req.size_notes[key]]


def question_prompt(question: Question, lead: str = "") -> str:
    lines = [lead] if lead else []
    lines.append(f"**{question.text}**")
    lines += [f"{i}. {choice.label}" for i, choice in enumerate(question.choices, 1)]
    lines.append("_Answer with a number, in your own words, or say skip to accept the default._")
    return "\n".join(lines)
