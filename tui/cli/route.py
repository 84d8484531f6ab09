"""`tradeoff route`: what tier routing (oracle, cascade, heuristic) would do on the user's own eval results."""

from __future__ import annotations

import argparse
import datetime as dt
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.cli.common import (
    UsageError,
    model_names,
    number,
    prices,
    print_json,
    read_json,
    session_id,
    session_requirements,
)

if TYPE_CHECKING:
    from agent.trials.routing import RouteReport
    from catalog.entries import Catalog

DEFAULT_REQUESTS_PER_DAY = 10_000.0


def register(commands: Any) -> None:
    route = commands.add_parser("route", help="what tier routing (oracle, cascade, heuristic) would do on your eval")
    route.set_defaults(run=run)
    route.add_argument("--results", required=True, metavar="FILE", help="the JSON written by tradeoff eval --save")
    route.add_argument("--models", type=model_names, metavar="CHEAP,...,STRONG",
                       help="tiers from the cheapest to the strongest (default: the eval's order)")  # fmt: skip
    route.add_argument("--requests-per-day", type=number(0, 1e10, above=True), metavar="N",
                       help="volume for the monthly figures (default: --session's, else 10,000)")  # fmt: skip
    route.add_argument("--session", type=session_id, metavar="ID", help="take the volume from this advisor session")
    route.add_argument("--price", action="append", metavar="MODEL=IN,OUT", help="USD per million tokens")
    route.add_argument("--priced-as", action="append", metavar="MODEL=CATALOG_MODEL",
                       help="price a model (e.g. a local one) at a catalog model's list price")  # fmt: skip
    route.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.settings import Settings
    from agent.trials.routing import RoutingError, read_results, route

    eval_json = read_json(args.results, "--results", "tradeoff eval --save", "tradeoff eval ... --save")
    try:
        results = read_results(eval_json)
    except RoutingError as exc:
        raise UsageError(f"--results: {exc}") from None
    tiers = [m.strip() for m in (args.models or "").split(",") if m.strip()] or list(results.models)
    volume, origin = _volume(args)
    price_of = price_lookup(args, load_user_catalog(Settings()))
    try:
        report = route(results, tiers, price_of, volume)
    except RoutingError as exc:
        flag = "--models" if "model" in str(exc) or "tier" in str(exc) else "--price"
        raise UsageError(f"{flag}: {exc}") from None
    if args.json:
        extra = {"requests_per_day_origin": origin, "tests": len(results.tests), "date": dt.date.today().isoformat(),
                 "source": str(args.results)}  # fmt: skip
        print_json(report.as_json() | extra)
        return 0
    for line in render(report, origin):
        print(line)
    return 0


def price_lookup(args: argparse.Namespace, catalog: Catalog) -> Callable[[str], tuple[float, float] | None]:
    """--price first, then --priced-as (another model's catalog price), then the catalog's own."""
    from agent.trials.engine import catalog_prices

    given = prices(args.price)
    listed = catalog_prices(catalog)
    borrowed: dict[str, tuple[float, float]] = {}
    for item in args.priced_as or []:
        model, _, other = item.partition("=")
        price = listed(other.strip()) if other.strip() else None
        if not model.strip() or price is None:
            raise UsageError(f"--priced-as {item[:60]!r}: write MODEL=CATALOG_MODEL with a model the catalog prices, "
                             "e.g. local/gemma3-270m=gpt-4.1")  # fmt: skip
        borrowed[model.strip()] = price
    return lambda model: given.get(model) or borrowed.get(model) or listed(model)


def _volume(args: argparse.Namespace) -> tuple[float, str]:
    from agent.settings import Settings

    if args.requests_per_day is not None:
        return float(args.requests_per_day), "stated"
    if args.session:
        return session_requirements(Settings(), args.session).requests_per_day, f"session {args.session}"
    return DEFAULT_REQUESTS_PER_DAY, "assumed; set it with --requests-per-day or --session"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.0%}".replace("+", "") if value >= 0 else f"{value:.0%} (dearer)"


def render(report: RouteReport, origin: str) -> list[str]:
    from catalog.display import money

    tiers = report.tiers
    lines = [f"Routing on your eval results: {' -> '.join(tiers)} (cheapest first)",
             f"Volume: {report.requests_per_day:,.0f} requests/day ({origin})", ""]  # fmt: skip
    header = f"{'router':<34}{'pass':>6}  {'95% Wilson':<11}{'$/1k req':>10}{'$/month':>11}  {'saving':<14}"
    shares = "share " + "/".join(m.rsplit("/", 1)[-1][:12] for m in tiers)
    share_width = len(shares) + 2
    header += f"{shares:<{share_width}}calls  +latency"
    lines.append(header)
    for router in report.routers:
        latency = "—" if router.added_latency_ms is None else f"{router.added_latency_ms:+,.0f} ms"
        share = "/".join(f"{router.share[m]:.0%}" for m in tiers)
        lines.append(f"{router.name[:33]:<34}{router.pass_rate:>6.0%}  {router.wilson[0]:.2f}-{router.wilson[1]:.2f}  "
                     f"{money(router.cost_per_1k_usd):>10}{money(router.monthly_usd):>11}  "
                     f"{_pct(router.saving_vs_strong):<14}{share:<{share_width}}"
                     f"{router.calls_per_request:.2f}  {latency}")  # fmt: skip
    cascade = next((r for r in report.routers if r.name == "cascade"), None)
    if cascade is not None:
        lines += ["", "The cascade called " + ", ".join(f"{m} on {cascade.called[m]:.0%}" for m in tiers)
                  + " of requests."]  # fmt: skip
    lines += ["", "Evaluated on:"] + [f"  {r.name}: {r.evaluated_on}" for r in report.routers
                                      if r.evaluated_on != report.routers[0].evaluated_on]  # fmt: skip
    if len(lines) and lines[-1] == "Evaluated on:":
        lines.pop()
    if all(r.cost_per_1k_usd == 0 for r in report.routers):
        lines += ["", "Every model costs $0 here (local models): price them with --price MODEL=IN,OUT or "
                  "--priced-as MODEL=CATALOG_MODEL to see what routing saves."]  # fmt: skip
    lines += ["", f"Quality vs cost as the heuristic's threshold moves ({report.curve_on}):"]
    if report.curve:
        lines.append(f"  {'threshold':>9}  {'to ' + tiers[-1].rsplit('/', 1)[-1][:14]:>17}  {'pass':>5}  "
                     f"{'$/1k req':>9}  saving")  # fmt: skip
        for point in report.curve:
            threshold = "never" if point.threshold == math.inf else "always" if point.threshold == -math.inf else (
                f"{point.threshold:.3f}")  # fmt: skip
            lines.append(f"  {threshold:>9}  {point.strong_share:>17.0%}  {point.pass_rate:>5.0%}  "
                         f"{money(point.cost_per_1k_usd):>9}  {_pct(point.saving_vs_strong)}")  # fmt: skip
    figure = report.saving_at_95pct
    lines.append("RouteLLM's figure of merit (cost saved at 95% of the strong model's quality): "
                 + (f"{figure:.0%}" if figure is not None else "not reached on the curve"))  # fmt: skip
    lines += ["", report.conclusion, "", "Assumptions:"] + [f"  - {a}" for a in report.assumptions]
    return lines
