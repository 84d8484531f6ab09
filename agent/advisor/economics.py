"""The advisor's answers to "should we fine-tune?", "what would routing save?", "when does
self-hosting beat the API?" and distillation: figures from the cost tools at the session's
workload, the assumptions said, the course cited. Pure: the ranking is passed in."""

from __future__ import annotations

import re

from catalog import plans
from catalog.cost import request_cost, routing_savings
from catalog.display import money
from catalog.entries import Catalog, ModelEntry
from catalog.scoring import Ranking

TOPICS: list[tuple[str, re.Pattern[str]]] = [
    ("finetune", re.compile(r"\bfine[- ]?tun", re.I)),
    ("distill", re.compile(r"\bdistil", re.I)),
    ("routing", re.compile(r"\brout(?:e|es|ing|er)\b|\bcascad", re.I)),
    ("selfhost", re.compile(r"\bself[- ]?host|\bown gpus?\b|\bon[- ]?prem", re.I)),
]
_ASKS_ECONOMICS = re.compile(
    r"\b(?:should|worth|pay(?:s|back)?|save|saving|savings|beat|beats|cheaper|roi|break[- ]?even|cost|when)\b", re.I
)
CITATIONS = {
    "finetune": [("module/2.2.3", "Fine-Tuning Economics")],
    "distill": [("module/2.2.3", "Fine-Tuning Economics")],
    "routing": [("module/2.2.2", "Model Routing Architecture"), ("module/2.2.1", "The Model Tier Spectrum")],
    "selfhost": [("guide/open-source-models", "Open Source Models"),
                 ("guide/cost-considerations", "Cost Considerations")],
}


def topic(text: str) -> str | None:
    """The economics question a message asks, if it asks one."""
    if not _ASKS_ECONOMICS.search(text):
        return None
    return next((name for name, pattern in TOPICS if pattern.search(text)), None)


def _cheaper(catalog: Catalog, ranking: Ranking, chosen: ModelEntry) -> ModelEntry | None:
    """The cheapest shortlisted model that costs less than the choice at this workload."""
    cost = {r.model: r.monthly_cost_usd for r in ranking.ranked}
    cheaper = [r.model for r in ranking.ranked if r.monthly_cost_usd < cost[chosen.id] and r.model != chosen.id]
    entries = [entry for name in sorted(cheaper, key=cost.__getitem__) if (entry := catalog.get(name))]
    return next((entry for entry in entries if not entry.is_self_hosted_route), None)


def answer(kind: str, catalog: Catalog, ranking: Ranking, stated: set[str]) -> str:
    req = ranking.requirements
    assumed = [name.replace("_", " ") for name in ("requests_per_day", "input_tokens", "output_tokens")
               if name not in stated]  # fmt: skip
    lines: list[str] = []
    chosen = catalog.get(ranking.ranked[0].model) if ranking.ranked else None
    if chosen is None or not ranking.ranked:
        lines.append("No model meets your constraints yet, so there is no bill to improve on; relax one and ask again.")
    elif kind == "routing":
        lines += _routing(catalog, ranking, chosen)
    elif kind == "selfhost":
        verdict = ranking.self_hosting
        lines.append(f"**Self-hosting**: {verdict.conclusion}" if verdict is not None else
                     "**Self-hosting**: no open-weight model meets your constraints to compare with; try "
                     f"`tradeoff plan selfhost --model {chosen.id} --requests-per-day "
                     f"{req.requests_per_day:.0f}`.")  # fmt: skip
        lines.append("Assumed: GPUs sized for a peak twice the average at 70% utilisation, and a quarter of an "
                     "engineer ($3,125/month) to run them unless you state your own.")  # fmt: skip
    else:
        top = ranking.ranked[0]
        cheaper = _cheaper(catalog, ranking, chosen)
        if kind == "finetune":
            if cheaper is None:
                lines.append(f"Nothing on your shortlist is cheaper than {chosen.id} to fine-tune down to, so "
                             "fine-tuning would only buy quality here.")  # fmt: skip
            else:
                tuned = next(r.monthly_cost_usd for r in ranking.ranked if r.model == cheaper.id)
                plan = plans.finetune(top.monthly_cost_usd, tuned, req.requests_per_day)
                lines.append(f"**Fine-tuning {cheaper.id}** to replace {chosen.id} ({money(top.monthly_cost_usd)} "
                             f"→ {money(tuned)}/month at list prices): {plan.conclusion}")  # fmt: skip
                lines += [f"- {a.line()}" for a in plan.assumptions]
        else:
            per_request = request_cost(chosen.prices, req.input_tokens, req.output_tokens)
            plan = plans.distill(per_request, req.requests_per_day)
            lines.append(f"**Distilling {chosen.id}** into a small model: {plan.conclusion}")
            lines += [f"- {a.line()}" for a in plan.assumptions]
    if assumed:
        lines.append(f"_At {req.requests_per_day:,.0f} requests/day and ~{req.input_tokens:,} in / "
                     f"{req.output_tokens:,} out tokens ({', '.join(assumed)} assumed; tell me yours)._")  # fmt: skip
    command = {"finetune": "tradeoff plan finetune", "distill": "tradeoff plan distill",
               "selfhost": "tradeoff plan selfhost",
               "routing": "tradeoff eval --save, then tradeoff route"}[kind]  # fmt: skip
    lines.append(f"Work it through with your own figures: `{command}`.")
    lines.append("Sources: " + ", ".join(f"[{doc}] {title}" for doc, title in CITATIONS[kind]))
    return "\n".join(lines)


def _routing(catalog: Catalog, ranking: Ranking, chosen: ModelEntry) -> list[str]:
    req = ranking.requirements
    cheaper = _cheaper(catalog, ranking, chosen)
    if cheaper is None or chosen.is_self_hosted_route:
        return [f"Routing saves nothing on this shortlist: no candidate is cheaper than {chosen.id} at your request "
                "size, so sending it traffic would raise the bill. Route to a lower tier instead (e.g. a mini or "
                "flash model) and measure it on your prompts with `tradeoff route`."]  # fmt: skip
    routed = routing_savings(chosen, [(cheaper, 0.7), (chosen, 0.3)], req.requests_per_day, req.input_tokens,
                             req.output_tokens)  # fmt: skip
    return [
        f"**Routing 70% of requests to {cheaper.id}** and 30% to {chosen.id}: {money(routed.routed_monthly_usd)} "
        f"instead of {money(routed.baseline_monthly_usd)}/month, a {routed.savings_fraction:.0%} saving "
        "(an estimate: the course's rule of thumb is 60-80% when 70% goes to a cheap tier).",
        f"- tiers: {chosen.id} is {chosen.tier or 'unrated'}, {cheaper.id} is {cheaper.tier or 'unrated'}",
        "- it assumes the cheaper model handles those 70% well: measure that on your own prompts "
        "(`tradeoff eval ... --save results.json`, then `tradeoff route --results results.json`), which reports "
        "the oracle, a cascade and a heuristic router with their pass rates and savings",
    ]
