"""`tradeoff recommend`: rank models for requirements given as flags or a file, and print why."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import (
    UsageError,
    add_volume_options,
    capability_list,
    duration_ms,
    language_list,
    maker_list,
    number,
    print_json,
    region,
    validation_message,
)

if TYPE_CHECKING:
    from catalog.entries import Catalog
    from catalog.requirements import Requirements

# flag (argparse dest) -> Requirements field
FLAGS = {
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
    "exclude_makers": "excluded_makers",
    "reasoning_tokens": "reasoning_tokens",
    "operations_usd_month": "operations_usd_month",
}


def register(commands: Any) -> None:
    from catalog.requirements import CAPABILITIES, PRIORITY_PRESETS, TASKS

    rec = commands.add_parser("recommend", help="rank models for your requirements")
    rec.set_defaults(run=run)
    rec.add_argument("--task", choices=TASKS, help="what the model will do")
    add_volume_options(rec, required=False)
    rec.add_argument(
        "--max-ttft-ms", type=number(0, 3_600_000, above=True), metavar="N", help="time-to-first-token target"
    )
    rec.add_argument(
        "--max-response-ms", type=duration_ms, metavar="T", help="target for the whole answer: 800 (ms), 10s, 2min"
    )
    rec.add_argument(
        "--languages",
        type=language_list,
        metavar="LIST",
        help="languages besides English the model must handle (german,french)",
    )
    makers = rec.add_mutually_exclusive_group()
    makers.add_argument(
        "--exclude-makers",
        type=maker_list,
        metavar="LIST",
        help="model makers ruled out, whoever hosts them (openai,google)",
    )
    makers.add_argument(
        "--only-makers",
        type=maker_list,
        metavar="LIST",
        help="the only model makers allowed (anthropic); every other maker is ruled out",
    )
    rec.add_argument("--budget-usd-month", type=number(0, 1e9), metavar="X", help="monthly budget in USD")
    rec.add_argument(
        "--min-context", type=number(0, 100_000_000, whole=True), metavar="N", help="minimum context window"
    )
    rec.add_argument(
        "--needs",
        type=capability_list,
        metavar="LIST",
        help=f"required capabilities: {','.join(CAPABILITIES)}",
    )
    rec.add_argument("--privacy", choices=["none", "no-training", "region-locked", "self-hosted"])
    rec.add_argument(
        "--region",
        "--regions",
        type=region,
        action="append",
        metavar="R",
        help="allowed region (repeatable): us, eu, asia",
    )
    rec.add_argument("--compliance", action="append", choices=["hipaa", "gdpr", "soc2", "eu-residency"])
    rec.add_argument("--deployment", choices=["api", "self-hosted", "either"])
    rec.add_argument("--open-weights", action="store_true", default=None, help="only open-weight models")
    rec.add_argument("--priority", choices=PRIORITY_PRESETS, help="what matters most")
    rec.add_argument("--requirements", metavar="FILE", help="YAML or JSON requirements; flags override it")
    rec.add_argument(
        "--top",
        type=number(0, 10_000, whole=True),
        default=5,
        metavar="K",
        help="how many to show (default 5; 0 shows all)",
    )
    rec.add_argument("--record", metavar="PATH", help="also write a Markdown decision record")
    rec.add_argument("--force", action="store_true", help="overwrite an existing --record file")
    rec.add_argument("--json", action="store_true", help="machine-readable output")


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
    from pydantic import ValidationError

    from catalog.names import every_maker_but
    from catalog.requirements import Priorities, Requirements

    fields: dict[str, Any] = _requirements_file(args.requirements) if args.requirements else {}
    source = f"--requirements {args.requirements}" if args.requirements else "requirements"
    for flag, field in FLAGS.items():
        value = getattr(args, flag, None)
        if value is not None:
            fields[field] = value
    if args.priority:
        fields["priorities"] = Priorities.preset(args.priority)
    if args.only_makers:
        fields["excluded_makers"] = every_maker_but(args.only_makers)
    if fields.get("privacy") == "region-locked" and not fields.get("regions"):
        raise UsageError("--privacy region-locked needs at least one --region (e.g. --region eu)")
    try:
        return Requirements.model_validate(fields)
    except ValidationError as exc:
        raise UsageError(validation_message(exc, source)) from None


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog, ranking_json, recommend
    from agent.settings import Settings
    from catalog.display import context_size, money

    req = requirements_from_args(args)
    catalog = load_user_catalog(Settings())
    ranking, citations, warnings = recommend(catalog, req, dt.date.today(), top=args.top or None)
    payload = ranking_json(ranking, citations, warnings)
    if args.record is not None:
        if not args.record.strip():
            raise UsageError("--record: give a file path, e.g. --record decision.md")
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
            budget = "—" if ranking.requirements.budget_usd_month is None else "ok" if item.within_budget else "OVER"
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
    from agent.files import FileExistsRefusal, write_atomic
    from agent.record.export import record_from_requirements, render

    record = record_from_requirements(req, catalog, dt.date.today())
    try:
        write_atomic(path, render(record, catalog, "md"), force=force)
    except FileExistsRefusal as exc:
        raise UsageError(f"--record: {exc}") from None
    except OSError as exc:
        raise UsageError(f"--record: cannot write {path} ({exc.strerror or exc.__class__.__name__})") from None
