"""`tradeoff cost`: the monthly cost of one model at a volume, with its arithmetic."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING, Any

from tui.cli.common import UsageError, add_volume_options, print_json

if TYPE_CHECKING:
    from catalog.cost import SelfHostBreakEven
    from catalog.entries import Catalog, ModelEntry


def register(commands: Any) -> None:
    cost = commands.add_parser("cost", help="monthly cost of one model at a volume")
    cost.set_defaults(run=run)
    cost.add_argument("--model", required=True, metavar="M", help="litellm model string")
    add_volume_options(cost, required=True)
    cost.add_argument("--explain", action="store_true", help="print the arithmetic behind every figure")
    cost.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.settings import Settings
    from catalog.cost import PriceUnknownError, cost_arithmetic, monthly_cost
    from catalog.display import money

    catalog = load_user_catalog(Settings())
    entry = catalog.get(args.model)
    if entry is None:
        raise UsageError(f"--model: {args.model!r} is not in the catalog (see `tradeoff catalog --all`)")
    if entry.max_input_tokens and args.input_tokens > entry.max_input_tokens:  # no such request can be sent
        raise UsageError(f"--input-tokens: {args.input_tokens:,} tokens exceed {entry.id}'s "
                         f"{entry.max_input_tokens:,}-token context; split the input or pick a longer-context model")
    try:
        result = monthly_cost(
            entry, args.requests_per_day, args.input_tokens, args.output_tokens, args.cache_hit_rate or 0.0,
            args.batch_share or 0.0, reasoning_override=args.reasoning_tokens,
            operations_usd_month=args.operations_usd_month,
        )  # fmt: skip
    except PriceUnknownError:
        raise UsageError(f"--model: {entry.id} has no price in the catalog; add one in your overrides") from None
    verdict = _self_hosting_against_api(catalog, entry, args)
    if args.json:
        print_json({
            "model": entry.id,
            "monthly_cost_usd": result.monthly_cost_usd,
            "per_request_usd": result.per_request_usd,
            "breakdown": result.breakdown(),
            "workload": {"input_tokens": result.input_tokens, "output_tokens": result.output_tokens,
                         "reasoning_tokens": result.reasoning_tokens, "replicas": result.replicas},
            "prices_used": dataclasses.asdict(result.prices) if result.prices is not None else None,
            "assumptions": list(result.assumptions),
            "arithmetic": cost_arithmetic(result),
            "self_hosting": verdict.model_dump(mode="json") if verdict is not None else None,
            "prices_per_token": entry.prices.model_dump(),
            "catalog_version": catalog.version,
        })  # fmt: skip
        return 0
    print(f"{entry.id}: {money(result.monthly_cost_usd)}/month, {result.per_request_usd:.6f} USD/request")
    for name, value in result.breakdown().items():
        if name != "requests_per_month" and value:
            print(f"  {name.removesuffix('_usd').replace('_', ' ')}: {money(value)}")
    print(f"  requests/month: {result.requests_per_month:,.0f}")
    for assumption in result.assumptions:
        print(f"  assumes {assumption}")
    if verdict is not None:
        print(f"\n{verdict.conclusion}")
    if args.explain:
        print("\nArithmetic:")
        for line in cost_arithmetic(result):
            print(f"  {line}")
    return 0


def _self_hosting_against_api(
    catalog: Catalog, entry: ModelEntry, args: argparse.Namespace
) -> SelfHostBreakEven | None:
    """A self-hosted route against the same model's cheapest API route, at the stated volume."""
    from catalog.cost import self_host_break_even

    if not entry.is_self_hosted_route:
        return None
    routes = [e for e in catalog.models if e.canonical == entry.canonical and not e.is_self_hosted_route
              and e.prices.known and e.mode == "chat"]  # fmt: skip
    if not routes:
        return None
    size = (args.input_tokens, args.output_tokens)
    api = min(routes, key=lambda e: (e.prices.input or 0) * size[0] + (e.prices.output or 0) * size[1])
    return self_host_break_even(entry, api, args.input_tokens, args.output_tokens, args.operations_usd_month,
                                args.requests_per_day * 30, cache_hit_rate=args.cache_hit_rate or 0.0,
                                batch_share=args.batch_share or 0.0)  # fmt: skip
