"""Headless `recommend`, `cost` and `catalog`: parse, call the catalog tools, print."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from agent.advisor.recommendation import load_user_catalog, ranking_json, recommend
from agent.settings import Settings
from catalog.build import CatalogDataError
from catalog.cost import PriceUnknownError, cost_arithmetic, monthly_cost, self_host_break_even
from catalog.display import context_size, money
from catalog.entries import Catalog, ModelEntry
from catalog.evidence import evidence_json, evidence_lines
from catalog.facts import facts_lines
from catalog.freshness import staleness_warnings
from catalog.price_check import TOLERANCE, price_lines
from catalog.requirements import Priorities, Requirements
from tui.cli import UsageError, print_json

RECOMMEND_FLAGS = {
    "task": "task",
    "requests_per_day": "requests_per_day",
    "input_tokens": "input_tokens",
    "output_tokens": "output_tokens",
    "max_ttft_ms": "max_ttft_ms",
    "budget_usd_month": "budget_usd_month",
    "min_context": "min_context",
    "needs": "needs",
    "privacy": "privacy",
    "region": "regions",
    "compliance": "compliance",
    "deployment": "deployment",
    "open_weights": "open_weights",
    "cache_hit_rate": "cache_hit_rate",
    "batch_share": "batch_share",
    "max_response_ms": "max_response_ms",
    "languages": "languages",
    "reasoning_tokens": "reasoning_tokens",
    "operations_usd_month": "operations_usd_month",
}


def validation_message(exc: ValidationError, source: str) -> str:
    """The first pydantic error as one line: where, what, and the accepted values."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"]) or "(top level)"
    return f"{source}: field {field!r}: {error['msg']}"


def _requirements_file(path_text: str) -> dict[str, Any]:
    import yaml

    path = Path(path_text)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"--requirements: {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--requirements: cannot read {path} ({exc.__class__.__name__})") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError, RecursionError):
        raise UsageError(f"--requirements: {path} is not valid {path.suffix.lstrip('.') or 'YAML'}") from None
    if not isinstance(data, dict):
        raise UsageError(f"--requirements: {path} must hold a mapping of requirement fields")
    return data


def requirements_from_args(args: argparse.Namespace) -> Requirements:
    fields: dict[str, Any] = _requirements_file(args.requirements) if args.requirements else {}
    source = f"--requirements {args.requirements}" if args.requirements else "requirements"
    for flag, field in RECOMMEND_FLAGS.items():
        value = getattr(args, flag, None)
        if value is not None:
            fields[field] = value
    if args.priority:
        fields["priorities"] = Priorities.preset(args.priority)
    if fields.get("privacy") == "region-locked" and not fields.get("regions"):
        raise UsageError("--privacy region-locked needs at least one --region (e.g. --region eu)")
    try:
        return Requirements.model_validate(fields)
    except ValidationError as exc:
        raise UsageError(validation_message(exc, source)) from None


def _catalog(settings: Settings) -> Catalog:
    try:
        return load_user_catalog(settings)
    except CatalogDataError as exc:
        raise UsageError(str(exc)) from None


def run_recommend(args: argparse.Namespace) -> int:
    req = requirements_from_args(args)
    settings = Settings()
    catalog = _catalog(settings)
    today = dt.date.today()
    ranking, citations, warnings = recommend(catalog, req, today, top=args.top or None)
    payload = ranking_json(ranking, citations, warnings)
    if args.record:
        _write_record(req, catalog, Path(args.record), force=args.force)
    if args.json:
        print_json(payload)
        return 0
    print(
        f"Recommendation for {req.task}: {req.requests_per_day:,.0f} requests/day, "
        f"{req.input_tokens:,} in / {req.output_tokens:,} out tokens"
    )
    workload = ranking.workload
    if workload is not None and workload.assumed():
        print(f"Assumed (not stated): {', '.join(workload.assumed())}; state them for a truer cost")
    if ranking.budget is not None:
        print(f"\n{ranking.budget.summary} Ranked below by cost. What would fit:")
        for option in ranking.budget.options:
            print(f"  - {option.kind}: {option.detail}{'' if option.fits else ' (still over)'}")
        print()
    if not ranking.ranked:
        print("No model meets every hard constraint. Eliminated:")
    else:
        header = f" {'#':>2}  {'model':<48} {'score':>6} {'$/month':>12} {'budget':>7} {'TTFT':>9} {'context':>8}"
        print(header)
        for index, item in enumerate(ranking.ranked, 1):
            budget = "ok" if item.within_budget else "OVER"
            ttft = f"{item.ttft_ms:,.0f} ms" if item.ttft_ms is not None else "?"
            print(
                f" {index:>2}  {item.model[:48]:<48} {item.score:>6.1f} {money(item.monthly_cost_usd):>12} "
                f"{budget:>7} {ttft:>9} {context_size(item.max_input_tokens):>8}"
            )
            for reason in (*item.reasons, item.tier_advice):
                print(f"     {reason}")
        print(f"\nFallback (another model maker): {ranking.fallback or 'none meets every constraint'}")
        if ranking.failover_route:
            print(f"Failover route (same model, another host): {ranking.failover_route}")
        if ranking.self_hosting is not None:
            print(ranking.self_hosting.conclusion)
        print(f"Pareto frontier (cost / quality / TTFT): {', '.join(ranking.pareto) or '-'}")
    if ranking.eliminated:
        print(f"\nEliminated ({len(ranking.eliminated)}):")
        for elimination in ranking.eliminated[:8]:
            print(f"  {elimination.model}: {'; '.join(elimination.reasons)}")
        if len(ranking.eliminated) > 8:
            print(f"  ... {len(ranking.eliminated) - 8} more (use --json for all)")
    print("\nSources: " + ", ".join(f"{c['id']} ({c['title']})" for c in citations))
    for warning in warnings:
        print(f"note: {warning}")
    return 0


def _write_record(req: Requirements, catalog: Catalog, path: Path, force: bool) -> None:
    from agent.advisor.state import AdvisorState
    from agent.files import FileExistsRefusal, write_atomic
    from agent.record.decision import build_record
    from agent.record.markdown import render_markdown

    state = AdvisorState(requirements=req.model_dump(include=req.stated_fields()))
    record = build_record(state, catalog, dt.date.today())
    try:
        write_atomic(path, render_markdown(record), force=force)
    except FileExistsRefusal as exc:
        raise UsageError(f"--record: {exc}") from None
    except OSError as exc:
        raise UsageError(f"--record: cannot write {path} ({exc.strerror or exc.__class__.__name__})") from None


def run_cost(args: argparse.Namespace) -> int:
    catalog = _catalog(Settings())
    entry = catalog.get(args.model)
    if entry is None:
        raise UsageError(f"--model: {args.model!r} is not in the catalog (see `tradeoff catalog --all`)")
    try:
        result = monthly_cost(
            entry, args.requests_per_day, args.input_tokens, args.output_tokens, args.cache_hit_rate or 0.0,
            args.batch_share or 0.0, reasoning_override=args.reasoning_tokens,
            operations_usd_month=args.operations_usd_month,
        )  # fmt: skip
    except PriceUnknownError:
        raise UsageError(f"--model: {entry.id} has no price in the catalog; add one in your overrides") from None
    payload = {
        "model": entry.id,
        "monthly_cost_usd": result.monthly_cost_usd,
        "per_request_usd": result.per_request_usd,
        "breakdown": result.breakdown(),
        "workload": {"input_tokens": result.input_tokens, "output_tokens": result.output_tokens,
                     "reasoning_tokens": result.reasoning_tokens, "replicas": result.replicas},
        "prices_used": dataclasses.asdict(result.prices) if result.prices is not None else None,
        "assumptions": list(result.assumptions),
        "arithmetic": cost_arithmetic(result),
        "self_hosting": verdict.model_dump(mode="json") if (verdict := _self_hosting_against_api(catalog, entry, args))
        else None,
        "prices_per_token": entry.prices.model_dump(),
        "catalog_version": catalog.version,
    }
    if args.json:
        print_json(payload)
        return 0
    print(f"{entry.id}: {money(result.monthly_cost_usd)}/month, {result.per_request_usd:.6f} USD/request")
    for name, value in result.breakdown().items():
        if name != "requests_per_month" and value:
            print(f"  {name.removesuffix('_usd').replace('_', ' ')}: {money(value)}")
    print(f"  requests/month: {result.requests_per_month:,.0f}")
    for assumption in result.assumptions:
        print(f"  assumes {assumption}")
    verdict = _self_hosting_against_api(catalog, entry, args)
    if verdict is not None:
        print(f"\n{verdict.conclusion}")
    if args.explain:
        print("\nArithmetic:")
        for line in cost_arithmetic(result):
            print(f"  {line}")
    return 0


def _self_hosting_against_api(catalog: Catalog, entry: ModelEntry, args: argparse.Namespace) -> Any:
    """A self-hosted route against the same model's cheapest API route, at the stated volume."""
    if not entry.is_self_hosted_route:
        return None
    routes = [e for e in catalog.models if e.canonical == entry.canonical and not e.is_self_hosted_route
              and e.prices.known and e.mode == "chat"]  # fmt: skip
    if not routes:
        return None
    size = (args.input_tokens, args.output_tokens)
    api = min(routes, key=lambda e: (e.prices.input or 0) * size[0] + (e.prices.output or 0) * size[1])
    return self_host_break_even(entry, api, args.input_tokens, args.output_tokens, args.operations_usd_month,
                                args.requests_per_day * 30)  # fmt: skip


def _entry_json(entry: ModelEntry) -> dict[str, Any]:
    per_million = lambda price: None if price is None else round(price * 1e6, 6)  # noqa: E731
    return {
        "id": entry.id,
        "provider": entry.provider,
        "canonical": entry.canonical,
        "family": entry.family,
        "mode": entry.mode,
        "tier": entry.tier,
        "input_usd_per_mtok": per_million(entry.prices.input),
        "output_usd_per_mtok": per_million(entry.prices.output),
        "max_input_tokens": entry.max_input_tokens,
        "capabilities": sorted(entry.capabilities),
        "open_weights": entry.open_weights,
        "licence": entry.licence,
        "rated": entry.rated,
        "quality": entry.quality,
        "quality_source": entry.quality_source,
        "ttft_ms": entry.ttft_ms,
        "tokens_per_s": entry.tokens_per_s,
        "latency_source": entry.latency_source,
        "measured_ttft_ms": entry.measured_ttft_ms,
        "deprecation_date": entry.deprecation_date.isoformat() if entry.deprecation_date else None,
        "self_hosting": entry.self_hosting.model_dump() if entry.self_hosting else None,
    }


def _check_prices(catalog: Catalog, as_json: bool) -> int:
    """Every route whose LiteLLM price differs from genai-prices' by more than 5%."""
    checked = [entry for entry in catalog.models if entry.price_check is not None]
    disagreeing = sorted((e for e in checked if e.price_check and e.price_check.disagreements), key=lambda e: e.id)
    source = checked[0].price_check.source if checked and checked[0].price_check else "genai-prices"
    if as_json:
        print_json({
            "compared": len(checked), "tolerance": TOLERANCE, "second_source": source,
            "catalog_version": catalog.version,
            "disagreements": [
                {"model": e.id, "provider": e.provider, "litellm": {"input": e.prices.input, "output": e.prices.output},
                 "genai_prices": {"input": e.price_check.input, "output": e.price_check.output,
                                  "model": e.price_check.model, "as_of": e.price_check.as_of.isoformat()},
                 "notes": list(e.price_check.disagreements)}
                for e in disagreeing if e.price_check
            ],
        })  # fmt: skip
        return 0
    for entry in disagreeing:
        assert entry.price_check is not None
        print(f"{entry.id} ({entry.provider}): {'; '.join(entry.price_check.disagreements)}")
    print(f"\n{len(disagreeing)} of {len(checked)} routes priced by both {catalog.version} and {source} differ "
          f"by more than {TOLERANCE:.0%} in input or output price; recommendations cost with LiteLLM's.")
    return 0


def run_catalog(args: argparse.Namespace) -> int:
    settings = Settings()
    if args.action == "refresh":
        from tui.cli_refresh import refresh_prices

        return refresh_prices(settings, as_json=args.json)
    catalog = _catalog(settings)
    if args.action == "show":
        if not args.model:
            raise UsageError("show needs a model id: tradeoff catalog show gpt-4.1")
        entry = catalog.get(args.model)
        if entry is None:
            raise UsageError(f"{args.model!r} is not in the catalog (see `tradeoff catalog --all`)")
        detail = _entry_json(entry)
        if args.json:
            detail["quality_evidence"] = evidence_json(entry)
            detail["benchmarks_as_of"] = catalog.benchmarks_as_of.isoformat() if catalog.benchmarks_as_of else None
            detail["facts"] = entry.facts.model_dump(mode="json") if entry.facts else None
            detail["inherited"] = entry.inherited
            detail["price_check"] = entry.price_check.model_dump(mode="json") if entry.price_check else None
            print_json(detail)
        else:
            for key, value in detail.items():
                if key not in ("quality", "quality_source"):
                    print(f"{key:>20}: {value}")
            lines = [*price_lines(entry), *facts_lines(entry), *evidence_lines(entry, catalog.benchmarks_as_of)]
            for line in lines:
                print(line)
        return 0
    if args.action == "check-prices":
        return _check_prices(catalog, args.json)
    entries = [
        entry
        for entry in catalog.models
        if (args.all or (entry.rated and entry.id == entry.canonical) or entry.is_self_hosted_route)
        and (not args.provider or entry.provider == args.provider)
        and (not args.needs or set(args.needs) <= entry.capabilities)
        and (not args.open_weights or entry.open_weights)
    ]
    entries.sort(key=lambda e: (e.provider, e.id))
    warnings = staleness_warnings(catalog, dt.date.today())
    if args.json:
        print_json(
            {
                "catalog_version": catalog.version,
                "count": len(entries),
                "models": [_entry_json(e) for e in entries],
                "warnings": warnings,
            }
        )
        return 0
    print(f"{'model':<50} {'provider':<14} {'tier':<11} {'$in/M':>8} {'$out/M':>8} {'context':>8} {'TTFT':>7}")
    for entry in entries:
        price_in = f"{entry.prices.input * 1e6:.2f}" if entry.prices.input is not None else "?"
        price_out = f"{entry.prices.output * 1e6:.2f}" if entry.prices.output is not None else "?"
        ttft = f"{entry.ttft_ms:,.0f}" if entry.ttft_ms is not None else "-"
        print(
            f"{entry.id[:50]:<50} {entry.provider[:14]:<14} {entry.tier or '-':<11} {price_in:>8} "
            f"{price_out:>8} {context_size(entry.max_input_tokens):>8} {ttft:>7}"
        )
    print(f"\n{len(entries)} models; {catalog.version}. Figures marked estimate in --json carry their source.")
    for warning in warnings:
        print(f"note: {warning}")
    return 0
