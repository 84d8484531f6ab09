"""The recommendation service the CLI, the advisor and the TUI share: catalog + ranking + citations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from agent.settings import Settings
from catalog.entries import Catalog
from catalog.freshness import staleness_warnings
from catalog.requirements import Requirements
from catalog.scoring import Ranking, rank
from catalog.sources import load_catalog

# Course documents that back each part of a recommendation; cited by id.
CITATIONS_BY_TASK: dict[str, str] = {
    "coding": "course/4.1",
    "reasoning": "course/4.2",
    "creative": "course/4.3",
    "document-analysis": "course/4.4",
    "classification": "course/4.5",
    "vision": "course/4.6",
    "extraction": "course/4.7",
    "chat": "guide/use-case-fit",
    "summarization": "course/4.4",
    "rag": "guide/use-case-fit",
    "agent": "course/3.5",
    "general": "guide/decision-tree",
}
CITATION_TITLES: dict[str, str] = {
    "course/1.2": "Cost, quality, and latency triangle",
    "course/3.2": "Cost: per million tokens input and output",
    "course/3.3": "Latency: time to first token",
    "course/3.4": "Context window size",
    "course/3.5": "Feature set: tools, vision, structured output",
    "course/3.7": "Data Privacy and Compliance",
    "course/4.1": "Coding: GPT-4.1, Claude Sonnet, Gemini 2.5 Pro",
    "course/4.2": "Reasoning and math: o3, DeepSeek R1, QwQ",
    "course/4.3": "Creative writing: Claude Opus, GPT-4.1",
    "course/4.4": "Document analysis: long context models",
    "course/4.5": "Classification: small models Haiku/GPT-4o-mini",
    "course/4.6": "Vision tasks: GPT-4.1, Gemini 2.5 Pro, Llama 4",
    "course/4.7": "Structured extraction: top performers",
    "course/5.4": "Caching identical requests",
    "course/5.5": "Batch API discounts",
    "course/5.6": "Open source for high-volume",
    "course/7.7": "Fallback configuration",
    "guide/use-case-fit": "Use Case Fit",
    "guide/decision-tree": "Decision Tree",
}


def citations_for(req: Requirements) -> list[dict[str, str]]:
    """The course documents behind this ranking's criteria, most specific first."""
    ids = [CITATIONS_BY_TASK[req.task], "course/1.2", "course/3.2"]
    if req.max_ttft_ms is not None:
        ids.append("course/3.3")
    if req.min_context or req.input_tokens > 32_000:
        ids.append("course/3.4")
    if req.needs:
        ids.append("course/3.5")
    if req.privacy != "none" or req.compliance or req.regions:
        ids.append("course/3.7")
    if req.needs_self_hosting or req.open_weights:
        ids.append("course/5.6")
    if req.cache_hit_rate > 0:
        ids.append("course/5.4")
    if req.batch_share > 0:
        ids.append("course/5.5")
    ids.append("course/7.7")
    unique = list(dict.fromkeys(ids))
    return [{"id": doc_id, "title": CITATION_TITLES[doc_id]} for doc_id in unique]


def load_user_catalog(settings: Settings) -> Catalog:
    """The catalog with your overrides, and your blind votes (the data folder's votes.jsonl and every
    session's) ranked ahead of public benchmarks for the models you rated (catalog/measured.py)."""
    catalog = load_catalog(overrides_path=settings.overrides_path, prices_dir=settings.prices_dir)
    votes_path = settings.data_dir / "votes.jsonl"
    if not votes_path.exists() and not settings.sessions_path.exists():
        return catalog
    from agent.trials.evidence import your_votes
    from agent.trials.leaderboard import measured_ratings
    from agent.trials.stats import tallied_votes
    from catalog.measured import with_measured_quality

    votes = tallied_votes(your_votes(votes_path, settings.sessions_path).votes)
    return with_measured_quality(catalog, measured_ratings(votes)) if votes else catalog


def recommend(
    catalog: Catalog, req: Requirements, today: dt.date, top: int | None = None
) -> tuple[Ranking, list[dict[str, str]], list[str]]:
    """Ranking, citations and staleness warnings for one set of requirements."""
    return rank(catalog, req, today, top=top), citations_for(req), staleness_warnings(catalog, today)


def ranking_json(ranking: Ranking, citations: list[dict[str, str]], warnings: list[str]) -> dict[str, Any]:
    """The `recommend --json` contract of SPEC §7."""
    return {
        "requirements": ranking.requirements.model_dump(mode="json"),
        "ranked": [
            {
                "model": r.model,
                "provider": r.provider,
                "score": r.score,
                "subscores": r.subscores,
                "monthly_cost_usd": r.monthly_cost_usd,
                "within_budget": r.within_budget,
                "ttft_ms": r.ttft_ms,
                "tokens_per_s": r.tokens_per_s,
                "quality": r.quality,
                "tier": r.tier,
                "open_weights": r.open_weights,
                "max_input_tokens": r.max_input_tokens,
                "capabilities": list(r.capabilities),
                "reasons": list(r.reasons),
                "tier_advice": r.tier_advice,
                "maker": r.maker,
                "total_ms": r.total_ms,
                "costing": r.costing,
                "latency": r.latency_formula,
            }
            for r in ranking.ranked
        ],
        "workload": ranking.workload.model_dump(mode="json") if ranking.workload else None,
        "budget": ranking.budget.model_dump(mode="json") if ranking.budget else None,
        "self_hosting": ranking.self_hosting.model_dump(mode="json") if ranking.self_hosting else None,
        "fallback": ranking.fallback,
        "failover_route": ranking.failover_route,
        "eliminated": [{"model": e.model, "reasons": list(e.reasons)} for e in ranking.eliminated],
        "pareto": list(ranking.pareto),
        "citations": citations,
        "unrated_models": ranking.unrated_count,
        "catalog_version": ranking.catalog_version,
        "warnings": warnings,
    }
