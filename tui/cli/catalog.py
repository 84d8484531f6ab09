"""`tradeoff catalog list|show|refresh|check-prices`: the model catalog, its prices and their freshness."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from typing import TYPE_CHECKING, Any

from tui.cli.common import UsageError, capability_list, print_json

if TYPE_CHECKING:
    from agent.settings import Settings
    from catalog.entries import Catalog, ModelEntry

ACTIONS = ("list", "show", "refresh", "check-prices")
REMOTE_PRICE_MAP = os.environ.get("TRADEOFF_PRICE_MAP_URL") or (
    "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
)
MIN_ENTRIES = 500


def register(commands: Any) -> None:
    cat = commands.add_parser("catalog", help="list, show or refresh the model catalog, or check its prices")
    cat.set_defaults(run=run)
    cat.add_argument("action", nargs="?", choices=ACTIONS, default="list")
    cat.add_argument("model", nargs="?", help="model id for `show`")
    cat.add_argument("--provider", metavar="P")
    cat.add_argument("--needs", type=capability_list, metavar="LIST")
    cat.add_argument("--open-weights", action="store_true")
    cat.add_argument("--all", action="store_true", help="include unrated models and every provider route")
    cat.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.settings import Settings

    settings = Settings()
    if args.action == "refresh":
        return refresh_prices(settings, as_json=args.json)
    catalog = load_user_catalog(settings)
    if args.action == "show":
        return _show(catalog, args.model, args.json)
    if args.action == "check-prices":
        return _check_prices(catalog, args.json)
    return _list(catalog, args)


def _list(catalog: Catalog, args: argparse.Namespace) -> int:
    from catalog.display import context_size, price_per_million
    from catalog.freshness import staleness_warnings

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
        print_json({"catalog_version": catalog.version, "count": len(entries),
                    "models": [_entry_json(e) for e in entries], "warnings": warnings})  # fmt: skip
        return 0
    print(f"{'model':<50} {'provider':<14} {'tier':<11} {'$in/M':>8} {'$out/M':>8} {'context':>8} {'TTFT':>7}")
    for entry in entries:
        ttft = f"{entry.ttft_ms:,.0f}" if entry.ttft_ms is not None else "-"
        print(
            f"{entry.id[:50]:<50} {entry.provider[:14]:<14} {entry.tier or '-':<11} "
            f"{price_per_million(entry.prices.input):>8} {price_per_million(entry.prices.output):>8} "
            f"{context_size(entry.max_input_tokens):>8} {ttft:>7}"
        )
    print(f"\n{len(entries)} models; {catalog.version}. Figures marked estimate in --json carry their source.")
    for warning in warnings:
        print(f"note: {warning}")
    return 0


def _show(catalog: Catalog, model: str | None, as_json: bool) -> int:
    from catalog.evidence import evidence_json, evidence_lines
    from catalog.facts import facts_lines
    from catalog.price_check import price_lines

    if not model:
        raise UsageError("show needs a model id: tradeoff catalog show gpt-4.1")
    entry = catalog.get(model)
    if entry is None:
        raise UsageError(f"{model!r} is not in the catalog (see `tradeoff catalog --all`)")
    detail = _entry_json(entry)
    if as_json:
        detail["quality_evidence"] = evidence_json(entry)
        detail["benchmarks_as_of"] = catalog.benchmarks_as_of.isoformat() if catalog.benchmarks_as_of else None
        detail["facts"] = entry.facts.model_dump(mode="json") if entry.facts else None
        detail["inherited"] = entry.inherited
        detail["price_check"] = entry.price_check.model_dump(mode="json") if entry.price_check else None
        print_json(detail)
        return 0
    for key, value in detail.items():
        if key not in ("quality", "quality_source"):
            print(f"{key:>20}: {value}")
    for line in [*price_lines(entry), *facts_lines(entry), *evidence_lines(entry, catalog.benchmarks_as_of)]:
        print(line)
    return 0


def _entry_json(entry: ModelEntry) -> dict[str, Any]:
    def per_million(price: float | None) -> float | None:
        return None if price is None else round(price * 1e6, 6)

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
    from catalog.price_check import TOLERANCE

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
    print(
        f"\n{len(disagreeing)} of {len(checked)} routes priced by both {catalog.version} and {source} differ "
        f"by more than {TOLERANCE:.0%} in input or output price; recommendations cost with LiteLLM's."
    )
    return 0


def refresh_prices(settings: Settings, as_json: bool, url: str = REMOTE_PRICE_MAP) -> int:
    """Download, sanity-check and atomically install LiteLLM's price map; exit 1 when offline."""
    import httpx

    from agent.files import write_atomic
    from catalog.sources import REFRESHED_MAP_FILENAME, REFRESHED_STAMP_FILENAME, litellm_version

    try:
        response = httpx.get(url, timeout=10.0, follow_redirects=True)
        response.raise_for_status()
        data = response.json()
    except (httpx.HTTPError, json.JSONDecodeError) as exc:
        message = (
            f"offline or unreachable ({exc.__class__.__name__}): kept the current prices "
            f"(litellm {litellm_version()} bundled map or your last refresh)"
        )
        if as_json:
            print_json({"refreshed": False, "message": message})
        else:
            print(message)
        return 1
    if not isinstance(data, dict) or len(data) < MIN_ENTRIES:
        print("the downloaded price map looks truncated; kept the current prices")
        return 1
    write_atomic(settings.prices_dir / REFRESHED_MAP_FILENAME, json.dumps(data))
    write_atomic(settings.prices_dir / REFRESHED_STAMP_FILENAME, dt.date.today().isoformat())
    message = f"refreshed {len(data):,} price entries into {settings.prices_dir}"
    if as_json:
        print_json({"refreshed": True, "entries": len(data), "message": message})
    else:
        print(message)
    return 0
