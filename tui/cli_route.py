"""Headless `route`: what tier routing would do on the user's own `tradeoff eval` results."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

from agent.settings import Settings
from catalog.display import money
from tui.cli import UsageError, print_json

DEFAULT_REQUESTS_PER_DAY = 10_000.0


def _read(path_text: str, flag: str = "--results") -> Any:
    path = Path(path_text)
    writer, write = (("tradeoff eval --save", "tradeoff eval ... --save") if flag == "--results"
                     else ("tradeoff route --json", "tradeoff route ... --json >"))  # fmt: skip
    if path.is_dir():
        raise UsageError(f"{flag}: {path} is a directory; give the file {writer} wrote")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{flag}: {path} does not exist; write one with {write} {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise UsageError(f"{flag}: {path} is not JSON; write one with {write} PATH") from None
    except OSError as exc:
        raise UsageError(f"{flag}: cannot read {path} ({exc.strerror or exc.__class__.__name__})") from None


def read_routing(path_text: str) -> Any:
    """`route --json`'s output for `export --routing`; one without a date is dated by the file."""
    route = _read(path_text, "--routing")
    if isinstance(route, dict) and "date" not in route:
        route["date"] = dt.date.fromtimestamp(Path(path_text).stat().st_mtime).isoformat()
    return route


def price_lookup(args: argparse.Namespace, catalog: Any):  # type: ignore[no-untyped-def]
    """--price first, then --priced-as (another model's catalog price), then the catalog's own."""
    from agent.trials.engine import catalog_prices
    from tui.cli_trials import _prices

    given = _prices(args)
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
    if args.requests_per_day is not None:
        return float(args.requests_per_day), "stated"
    if args.session:
        from agent.advisor.interview import build_requirements
        from tui.cli_advisor import _advisor

        advisor = _advisor(Settings())
        try:
            if not advisor.exists(args.session):
                raise UsageError(f"--session: no session {args.session!r}; `tradeoff sessions` lists them")
            requirements = build_requirements(advisor.state(args.session).requirements)
        finally:
            advisor.close()
        return requirements.requests_per_day, f"session {args.session}"
    return DEFAULT_REQUESTS_PER_DAY, "assumed; set it with --requests-per-day or --session"


def run_route(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.trials.routing import RoutingError, read_results, route

    try:
        results = read_results(_read(args.results))
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


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.0%}".replace("+", "") if value >= 0 else f"{value:.0%} (dearer)"


def render(report: Any, origin: str) -> list[str]:
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


def add_route_parser(commands: Any) -> None:
    from tui.cli import model_names, number, session_id

    route = commands.add_parser("route", help="what tier routing (oracle, cascade, heuristic) would do on your eval")
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


def export_routing(args: argparse.Namespace) -> int:
    """`export --format litellm --routing ROUTE.json`: the chosen router as a runnable LiteLLM config."""
    import yaml

    from agent.advisor.recommendation import load_user_catalog
    from agent.record.litellm_config import HEADER, routing_config
    from agent.trials.local_servers import LocalModelsUnavailable, resolve_local
    from tui.cli_record import write_or_print

    if args.format != "litellm":
        raise UsageError("--routing: a routing is written as a LiteLLM config; use --format litellm")
    route = _read(args.routing, "--routing")
    settings = Settings()
    catalog = load_user_catalog(settings)

    def resolve(model: str) -> tuple[str, str | None]:
        try:
            local = resolve_local(model, settings.local_port)
        except LocalModelsUnavailable as exc:
            raise UsageError(f"--routing: {exc}") from None
        return local if local else (model, None)

    def provider_of(model: str) -> str | None:
        entry = catalog.get(model)
        return entry.provider if entry is not None else None

    router = args.router or (route.get("recommended") if isinstance(route, dict) else None) or "cascade"
    try:
        config = routing_config(route if isinstance(route, dict) else {}, router, resolve, provider_of)
    except ValueError as exc:
        raise UsageError(f"--routing: {exc}") from None
    write_or_print(HEADER + yaml.safe_dump(config, sort_keys=False), args.output, args.force)
    return 0
