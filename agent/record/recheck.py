"""`tradeoff recheck`: a saved decision against today's catalog (prices, deprecations, constraints,
a newer benchmark snapshot). Verdict: still-good, review or act."""

from __future__ import annotations

import datetime as dt
from typing import Any

from agent.advisor.interview import build_requirements
from agent.record.decision import DecisionRecord
from catalog.display import short_model_name
from catalog.entries import Catalog
from catalog.scoring import Ranking, hard_constraint_failures, rank

PRICE_CHANGE_THRESHOLD = 0.10
DEPRECATION_WARNING_DAYS = 90


def recheck(record: DecisionRecord, catalog: Catalog, today: dt.date) -> dict[str, Any]:
    findings: list[dict[str, str]] = []

    def find(level: str, message: str) -> None:
        findings.append({"level": level, "message": message})

    requirements = build_requirements({k: v for k, v in record.requirements.items() if k in record.stated})
    chosen = catalog.get(record.chosen) if record.chosen else None
    if record.chosen and chosen is None:
        find("act", f"{record.chosen} is no longer in the catalog")
    for model, old in record.prices.items():
        entry = catalog.get(model)
        if entry is None or old.get("input") is None or entry.prices.input is None:
            continue
        for side in ("input", "output"):
            before, now = old.get(side), getattr(entry.prices, side)
            if before and now is not None and abs(now - before) / before > PRICE_CHANGE_THRESHOLD:
                find("review", f"{model} {side} price changed {before * 1e6:.3f} -> {now * 1e6:.3f} USD per M tokens")
    if chosen is not None:
        if chosen.deprecation_date is not None and chosen.deprecation_date <= today:
            find("act", f"{chosen.id} was deprecated on {chosen.deprecation_date.isoformat()}")
        elif chosen.deprecation_date is not None and (chosen.deprecation_date - today).days <= DEPRECATION_WARNING_DAYS:
            find("review", f"{chosen.id} is deprecated on {chosen.deprecation_date.isoformat()}")
        failures = hard_constraint_failures(chosen, requirements, catalog, today)
        if failures and not any("deprecated" in f for f in failures):
            find("act", f"{chosen.id} no longer meets the requirements: {'; '.join(failures)}")
    ranking = rank(catalog, requirements, today)
    chosen_row = next((r for r in ranking.ranked if chosen is not None and r.canonical == chosen.canonical), None)
    if chosen_row is not None:
        for other in ranking.ranked:
            if other.canonical == chosen_row.canonical:
                continue
            cheaper = other.monthly_cost_usd < chosen_row.monthly_cost_usd
            if (
                cheaper
                and other.quality >= chosen_row.quality
                and (other.ttft_ms or 1e9) <= (chosen_row.ttft_ms or 1e9)
            ):
                find("act", f"{other.model} now dominates {chosen_row.model}: cheaper "
                     f"(${other.monthly_cost_usd:,.2f} vs ${chosen_row.monthly_cost_usd:,.2f}/month), "
                     f"quality {other.quality:.0f} vs {chosen_row.quality:.0f}, faster or as fast")  # fmt: skip
                break
        cheaper_ok = [r for r in ranking.ranked if r.monthly_cost_usd < chosen_row.monthly_cost_usd * 0.8
                      and r.canonical != chosen_row.canonical]  # fmt: skip
        if cheaper_ok and not any(f["level"] == "act" and "dominates" in f["message"] for f in findings):
            best = cheaper_ok[0]
            find("review", f"{best.model} meets every constraint at ${best.monthly_cost_usd:,.2f}/month "
                 f"(chosen: ${chosen_row.monthly_cost_usd:,.2f})")  # fmt: skip
    for level, message in snapshot_findings(record, catalog, ranking):
        find(level, message)
    if today > record.reevaluate_by:
        find("review", f"the re-evaluation date {record.reevaluate_by.isoformat()} has passed")
    levels = {f["level"] for f in findings}
    verdict = "act" if "act" in levels else "review" if "review" in levels else "still-good"
    return {
        "verdict": verdict,
        "chosen": record.chosen,
        "findings": findings,
        "catalog_version": catalog.version,
        "benchmarks_as_of": {"record": _iso(record.benchmarks_as_of), "now": _iso(catalog.benchmarks_as_of)},
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def snapshot_findings(record: DecisionRecord, catalog: Catalog, ranking: Ranking) -> list[tuple[str, str]]:
    """When the benchmark snapshot is newer than the one the decision was made with (or the record
    does not say): whether the recorded options now rank in another order (today's ranking, same
    requirements), with each option's task quality then and now, the part a snapshot moves."""
    made_with, now = record.benchmarks_as_of, catalog.benchmarks_as_of
    if now is None or (made_with is not None and now <= made_with):
        return []
    recorded = [str(option["model"]) for option in record.options]
    today_order = [row.model for row in ranking.ranked if row.model in recorded]
    before = [model for model in recorded if model in today_order]
    if not before or today_order == before:
        return []
    quality = {row.model: row.quality for row in ranking.ranked}
    moved = []
    for option in record.options:
        then, model = float(option["quality"]), str(option["model"])
        if model in quality and round(then) != round(quality[model]):
            moved.append(f"{short_model_name(model)} {then:.0f} -> {quality[model]:.0f}")
    if today_order[0] != before[0]:
        change = f"{short_model_name(today_order[0])} now ranks first (was {short_model_name(before[0])})"
    else:
        change = "the first stays first, the order below it changed"
    detail = f"; task quality then -> now: {', '.join(moved)}" if moved else ""
    if made_with is None:  # an older record: the snapshot may not be what moved the order
        said = "this record does not say which benchmark snapshot it was made with"
        return [("review", f"{said}; with snapshot {now.isoformat()} the recorded options rank differently: "
                           f"{change}{detail}")]  # fmt: skip
    level = "act" if record.chosen == before[0] != today_order[0] else "review"
    return [(level, f"benchmark snapshot {now.isoformat()} is newer than the decision's {made_with.isoformat()}, "
                    f"and the recorded options rank differently: {change}{detail}")]  # fmt: skip
