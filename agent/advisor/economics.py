"""The advisor's answers to "should we fine-tune?", "how much would routing / caching / batching
save?", "when does self-hosting beat the API?" and distillation: each opens with the cost tools'
figure at the session's workload, says what was stated and what assumed, and cites the course.
Pure: the ranking is passed in."""

from __future__ import annotations

import re

from agent.advisor import downsize, savings
from catalog import plans
from catalog.cost import request_cost
from catalog.display import money
from catalog.entries import Catalog, ModelEntry
from catalog.scoring import Ranking

TOPICS: list[tuple[str, re.Pattern[str]]] = [
    ("finetune", re.compile(r"\bfine[- ]?tun|\blora\b", re.I)),
    ("distill", re.compile(r"\bdistil", re.I)),
    ("caching", re.compile(r"\bcach(?:e|es|ed|ing)\b|\bcache hits?\b", re.I)),
    ("batching", re.compile(r"\bbatch(?:es|ed|ing)?\b|\basync(?:hronous)? (?:api|jobs?|processing)\b", re.I)),
    ("downsize", downsize.ASKS_DOWNSIZE),  # before routing: "a small model instead of a frontier one" replaces
    ("routing", re.compile(r"\brout(?:e|es|ing|er)\b|\bcascad|\bcheap(?:er)? (?:tier|model) for (?:the )?easy|"
                           r"\b(?:smaller|cheaper|mid[- ]tier|lighter|budget)\s+(?:tier|models?)\b", re.I)),
    (
        "selfhost",
        re.compile(
            r"\bself[- ]?host|\bown (?:gpus?|hardware|servers?)\b|\bon[- ]?prem|"
            r"\brun(?:ning|s)?\s+(?:it|them|the models?|[\w.-]+(?:\s+[\w.-]+)?)\s+(?:ourselves|in[- ]house|on our own|"
            r"locally|ourself|on our (?:own )?(?:gpus?|hardware|servers?|infra\w*))\b|"
            r"\bhost(?:ing)?\s+(?:it|them|[\w.-]+)\s+"
            r"(?:ourselves|in[- ]house|on our own)\b",
            re.I,
        ),
    ),
]
_ASKS_ECONOMICS = re.compile(
    r"\b(?:should|worth|pay(?:s|back)?|save|saves|saving|savings|beat|beats|cheaper|roi|break[- ]?even|cost|costs|"
    r"when|discount|cut|cuts|reduce|lower|how much|bill|spend|economical|viable|"
    r"makes?\s+(?:\w+\s+)?sense|at\s+(?:our|this|my)\s+(?:volume|scale|size))\b",  # "does X make sense at our volume?"
    re.I,
)
CITATIONS = {
    "finetune": [("module/2.2.3", "Fine-Tuning Economics")],
    "distill": [("module/2.2.3", "Fine-Tuning Economics")],
    "routing": [("module/2.2.2", "Model Routing Architecture"), ("module/2.2.1", "The Model Tier Spectrum")],
    "downsize": [("module/2.2.1", "The Model Tier Spectrum")],
    "caching": [("course/5.4", "Caching identical requests")],
    "batching": [("course/5.5", "Batch API discounts")],
    "selfhost": [
        ("guide/open-source-models", "Open Source Models"),
        ("guide/cost-considerations", "Cost Considerations"),
    ],
}
COMMANDS = {
    "finetune": "tradeoff plan finetune", "distill": "tradeoff plan distill", "selfhost": "tradeoff plan selfhost",
    "routing": "tradeoff eval --save, then tradeoff route",
    "downsize": "tradeoff cost --model M --requests-per-day N --input-tokens N --output-tokens N",
    "caching": "tradeoff cost --model M --requests-per-day N --input-tokens N --output-tokens N --cache-hit-rate F",
    "batching": "tradeoff cost --model M --requests-per-day N --input-tokens N --output-tokens N --batch-share F",
}  # fmt: skip


# "When should I use a batch API?" asks what it fits, which the course answers; only money words make
# caching and batching questions about the saving.
_ASKS_SAVING = re.compile(
    r"\b(?:worth|pay(?:s|back)?|save|saves|saving|savings|cheaper|roi|cost|costs|discount|cut|cuts|reduce|lower|"
    r"how much|bill|spend|makes?\s+(?:\w+\s+)?sense|at\s+(?:our|this|my)\s+(?:volume|scale))\b",
    re.I,
)
_SAVING_ONLY = ("caching", "batching")


def topic(text: str) -> str | None:
    """The economics question a message asks, if it asks one ("How much would caching save us?" ->
    "caching"); a message that names a topic but asks nothing of its economics is not one."""
    if not _ASKS_ECONOMICS.search(text):
        return None
    asks_saving = _ASKS_SAVING.search(text) is not None
    named = [name for name, pattern in TOPICS if pattern.search(text)]
    return next((name for name in named if asks_saving or name not in _SAVING_ONLY), None)


_TOPIC_ONLY = re.compile(
    r"(?:the\s+)?(?:(?:prompt|response)\s+)?cach(?:e|es|ing)|batch(?:ing|es)?(?:\s+(?:api|jobs?|processing))?|"
    r"(?:model\s+)?rout(?:ing|er|ers)|cascad(?:e|es|ing)|self[- ]?host(?:ing|ed)?|fine[- ]?tun(?:e|ing)|"
    r"distil(?:l|lation|ling)|lora",
    re.I,
)


def named_topic(name: str) -> str | None:
    """The topic when a name is only a topic ("what about batching?"), not a model that mentions one."""
    if not _TOPIC_ONLY.fullmatch(name.strip()):
        return None
    return next((kind for kind, pattern in TOPICS if pattern.search(name)), None)


def answer(kind: str, catalog: Catalog, ranking: Ranking, stated: set[str], question: str = "") -> str:
    """The economics answer for one topic: the figure first, then how it was reached. A share the
    question supposes ("if half the prompts hit the cache") replaces the assumed one."""
    req = ranking.requirements
    chosen = catalog.get(ranking.ranked[0].model) if ranking.ranked else None
    assumed: list[str] = []
    if chosen is None:
        lines = ["No model meets your constraints yet, so there is no bill to improve on; relax one and ask again."]
    elif kind in ("routing", "caching", "batching"):
        saving = {"routing": savings.routing, "caching": savings.caching, "batching": savings.batching}[kind](
            catalog, ranking, stated, savings.share_in(question)
        )
        lines = [saving] if isinstance(saving, str) else saving.lines
        assumed = [] if isinstance(saving, str) else saving.assumed
    elif kind == "downsize":
        lines = downsize.answer(question, catalog, ranking)
    elif kind == "selfhost":
        lines = _selfhost(ranking, chosen)
        assumed = ["GPUs sized for a peak twice the average at 70% utilisation",
                   "a quarter of an engineer ($3,125/month) to run them unless you state your own"]  # fmt: skip
    elif kind == "finetune":
        lines = _finetune(catalog, ranking, chosen)
    else:
        lines = _distill(ranking, chosen)
    # Blank lines end the bullet list: Markdown would fold the next lines into its last item.
    lines += ["", savings.basis_line(req, stated, assumed), "",
              f"Work it through with your own figures: `{COMMANDS[kind]}`.", "",
              "Sources: " + ", ".join(f"[{doc}] {title}" for doc, title in CITATIONS[kind])]  # fmt: skip
    return "\n".join(lines)


def _selfhost(ranking: Ranking, chosen: ModelEntry) -> list[str]:
    verdict = ranking.self_hosting
    req = ranking.requirements
    if verdict is None and chosen.is_self_hosted_route:
        top = ranking.ranked[0]
        return [f"**Self-hosting {chosen.id} costs {money(top.monthly_cost_usd)}/month** at your volume (GPUs and "
                "operations): your constraints leave no hosted API to compare it with, so there is nothing to "
                "save against; the replica count and GPU price are in the shortlist's cost breakdown."]  # fmt: skip
    if verdict is None:
        return [f"**Self-hosting**: no open-weight model with a self-hosting profile meets your constraints, so there "
                f"is no self-hosted bill to set against {chosen.id}; try `tradeoff plan selfhost --model {chosen.id} "
                f"--requests-per-day {req.requests_per_day:.0f}`."]  # fmt: skip
    lines = []
    if verdict.self_hosted_monthly_usd is not None and verdict.api_monthly_usd is not None:
        difference = verdict.api_monthly_usd - verdict.self_hosted_monthly_usd
        head = (f"would save about {money(difference)}/month" if difference > 0 else
                f"would cost about {money(-difference)}/month more")  # fmt: skip
        lines.append(f"**Self-hosting {head}** at your volume: {money(verdict.self_hosted_monthly_usd)}/month for "
                     f"GPUs and operations against {money(verdict.api_monthly_usd)} on the API.")  # fmt: skip
    lines.append(f"- {verdict.conclusion}" if lines else f"**Self-hosting**: {verdict.conclusion}")
    return lines


def _finetune(catalog: Catalog, ranking: Ranking, chosen: ModelEntry) -> list[str]:
    req, top = ranking.requirements, ranking.ranked[0]
    cheaper = savings.cheaper_than(catalog, ranking, chosen)
    if cheaper is None:
        return [f"**Fine-tuning would save $0/month on inference here**: nothing on your shortlist is cheaper than "
                f"{chosen.id} to fine-tune down to, so fine-tuning would only buy quality."]  # fmt: skip
    tuned = next(r.monthly_cost_usd for r in ranking.ranked if r.model == cheaper.id)
    plan = plans.finetune(top.monthly_cost_usd, tuned, req.requests_per_day)
    saved = plan.figures["monthly_savings_usd"]
    head = (f"**Fine-tuning {cheaper.id} to replace {chosen.id} would save about {money(saved)}/month** on inference "
            f"({money(top.monthly_cost_usd)} → {money(tuned)} at list prices): {plan.conclusion}")  # fmt: skip
    return [head, *[f"- {a.line()}" for a in plan.assumptions]]


def _distill(ranking: Ranking, chosen: ModelEntry) -> list[str]:
    req = ranking.requirements
    per_request = request_cost(chosen.prices, req.input_tokens, req.output_tokens)
    plan = plans.distill(per_request, req.requests_per_day)
    saved = plan.figures["monthly_savings_usd"]
    head = f"**Distilling {chosen.id} into a small model would save about {money(saved)}/month** on inference"
    return [f"{head}: {plan.conclusion}", *[f"- {a.line()}" for a in plan.assumptions]]
