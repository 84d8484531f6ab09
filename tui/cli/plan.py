"""`tradeoff plan finetune|distill|selfhost|tco`: the course's economics on the user's numbers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.cli.common import UsageError, fraction, model_names, number, print_json, session_id, session_requirements

if TYPE_CHECKING:
    from catalog.entries import Catalog, ModelEntry
    from catalog.plans import Plan

KINDS = ("finetune", "distill", "selfhost", "tco")


def register(commands: Any) -> None:
    money = number(0, 1e10)
    plan = commands.add_parser("plan", help="fine-tuning payback, distillation, self-hosting or TCO, with a verdict")
    plan.set_defaults(run=run)
    plan.add_argument("kind", choices=KINDS)
    add = plan.add_argument
    add("--model", type=model_names, metavar="M", help="the model you use now (the API model, the large model)")
    add("--tuned-model", type=model_names, metavar="M", help="finetune/distill: the smaller model you would train")
    add("--self-hosted", type=model_names, metavar="M", help="selfhost: an open model (default: Llama 3.3 70B)")
    add("--session", type=session_id, metavar="ID", help="take the volume and request size from this session")
    add("--requests-per-day", type=number(0, 1e10), metavar="N")
    add("--input-tokens", type=number(0, 10_000_000, whole=True), metavar="N")
    add("--output-tokens", type=number(0, 1_000_000, whole=True), metavar="N")
    add("--current-usd-month", type=money, metavar="X", help="finetune: today's monthly inference bill")
    add("--tuned-usd-month", type=money, metavar="X", help="finetune: the bill on the fine-tuned model")
    add("--investment-usd", type=money, metavar="X", help="finetune: the whole project (course: $10K-$50K)")
    add("--data-prep-usd", type=money, metavar="X", help="course: $5K-$20K")
    add("--compute-per-run-usd", type=money, metavar="X", help="course: $1K-$10K a run")
    add("--runs", type=number(1, 100, whole=True), metavar="N", help="training runs (course: 3-5)")
    add("--accuracy-gain", type=fraction, metavar="F", help="finetune: course 20-40%%")
    add("--retry-rate", type=fraction, metavar="F", help="finetune: share of requests retried today")
    add("--horizon-months", type=number(0, 120, above=True), metavar="N", help="how long a model lives (default 12)")
    add("--cheaper-by", type=number(1, 10_000), metavar="X", help="distill: inference cost ratio (course: 10-100x)")
    add("--training-usd", type=money, metavar="X", help="distill: cost of training the small model")
    add("--operations-usd-month", type=money, metavar="X", help="selfhost: people and tooling to run GPUs")
    add("--inference-usd-month", type=money, metavar="X", help="tco: the monthly inference bill")
    add("--engineering-hours-month", type=number(0, 10_000), metavar="N", help="tco: default 20")
    add("--hourly-rate-usd", type=number(0, 10_000), metavar="X", help="tco: default $100")
    add("--maintenance-usd-month", type=money, metavar="X")
    add("--infrastructure-usd-month", type=money, metavar="X")
    add("--json", action="store_true")


class _Workload:
    """Volume and request size: flags first, then the session, then the defaults (said so)."""

    def __init__(self, args: argparse.Namespace) -> None:
        from agent.settings import Settings
        from catalog.requirements import Requirements

        fields: dict[str, Any] = {}
        self.origin = "flags"
        if args.session:
            fields = session_requirements(Settings(), args.session).model_dump()
            self.origin = f"session {args.session}"
        defaults = Requirements(task=fields.get("task", "general"))  # the answer's default size follows the task
        self.notes: list[str] = []

        def pick(name: str) -> Any:
            value = getattr(args, name)
            if value is not None:
                return value
            if name in fields:
                return fields[name]
            self.notes.append(f"{name.replace('_', ' ')} {getattr(defaults, name):,} (assumed default)")
            return getattr(defaults, name)

        self.requests_per_day = float(pick("requests_per_day"))
        self.input_tokens = int(pick("input_tokens"))
        self.output_tokens = int(pick("output_tokens"))


def _entry(catalog: Catalog, name: str, flag: str) -> ModelEntry:
    entry = catalog.get(name)
    if entry is None:
        raise UsageError(f"{flag}: unknown model {name!r}; `tradeoff catalog` lists them")
    if not entry.prices.known and not entry.is_self_hosted_route:
        raise UsageError(f"{flag}: {name} has no price in the catalog")
    return entry


def _monthly(catalog: Catalog, name: str, flag: str, work: _Workload) -> float:
    from catalog.cost import monthly_cost

    entry = _entry(catalog, name, flag)
    return monthly_cost(entry, work.requests_per_day, work.input_tokens, work.output_tokens).monthly_cost_usd


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.settings import Settings
    from catalog import plans

    catalog = load_user_catalog(Settings())
    work = _Workload(args)
    notes = list(work.notes)
    plan: Plan
    if args.kind == "finetune":
        current, tuned = args.current_usd_month, args.tuned_usd_month
        if current is None:
            if not args.model:
                raise UsageError("--current-usd-month: give today's bill, or --model with the volume")
            current = _monthly(catalog, args.model, "--model", work)
            notes.append(f"today: {args.model} at {work.requests_per_day:,.0f} requests/day ({work.origin})")
        if tuned is None:
            if not args.tuned_model:
                raise UsageError("--tuned-usd-month: give the projected bill, or --tuned-model with the volume")
            tuned = _monthly(catalog, args.tuned_model, "--tuned-model", work)
            notes.append(f"fine-tuned: {args.tuned_model} at its list price (a provider may charge more for it)")
        volume = work.requests_per_day if (args.requests_per_day is not None or args.session or args.model) else None
        plan = plans.finetune(current, tuned, volume, investment_usd=args.investment_usd,
                              data_prep_usd=args.data_prep_usd, compute_per_run_usd=args.compute_per_run_usd,
                              runs=args.runs, accuracy_gain=args.accuracy_gain, retry_rate=args.retry_rate or 0.0,
                              horizon_months=args.horizon_months)  # fmt: skip
    elif args.kind == "distill":
        from catalog.cost import request_cost

        if not args.model:
            raise UsageError("--model: name the large model the small one would imitate")
        teacher = request_cost(_entry(catalog, args.model, "--model").prices, work.input_tokens, work.output_tokens)
        student = None
        if args.tuned_model:
            student = request_cost(_entry(catalog, args.tuned_model, "--tuned-model").prices, work.input_tokens,
                                   work.output_tokens)  # fmt: skip
        plan = plans.distill(teacher, work.requests_per_day, student_per_request_usd=student,
                             cheaper_by=args.cheaper_by, training_usd=args.training_usd,
                             horizon_months=args.horizon_months)  # fmt: skip
    elif args.kind == "selfhost":
        plan = _selfhost(args, catalog, work)
    else:
        inference = args.inference_usd_month
        if inference is None:
            if not args.model:
                raise UsageError("--inference-usd-month: give the monthly bill, or --model with the volume")
            inference = _monthly(catalog, args.model, "--model", work)
        plan = plans.tco(inference, engineering_hours_month=args.engineering_hours_month,
                         hourly_rate_usd=args.hourly_rate_usd, maintenance_usd_month=args.maintenance_usd_month or 0.0,
                         infrastructure_usd_month=args.infrastructure_usd_month or 0.0)  # fmt: skip
    volume_used = args.kind in ("distill", "selfhost") or args.model or args.tuned_model
    if not volume_used:
        notes = notes[len(work.notes) :]  # the bills were stated: no volume or size went into them
    if args.json:
        print_json(plan.as_json() | {"workload": notes})
        return 0
    print(f"Plan: {args.kind}")
    print("Assumptions (change any with its flag):")
    for assumption in plan.assumptions:
        print(f"  - {assumption.line()}")
    for note in notes:
        print(f"  - {note}")
    print("Arithmetic:")
    for line in plan.arithmetic:
        print(f"  {line}")
    print(f"Sources: {', '.join(plan.sources)}")
    print("")
    print(plan.conclusion)
    return 0


def _selfhost(args: argparse.Namespace, catalog: Catalog, work: _Workload) -> Plan:
    from catalog import plans
    from catalog.cost import self_host_break_even

    hosted_name = args.self_hosted or "hosted_vllm/llama-3.3-70b-instruct"
    hosted = catalog.get(hosted_name)
    if hosted is None or not hosted.is_self_hosted_route or hosted.self_hosting is None:
        raise UsageError(f"--self-hosted: {hosted_name!r} is not a self-hosted route; use a hosted_vllm/... model "
                         "from `tradeoff catalog --all`")  # fmt: skip
    if not args.model:
        raise UsageError("--model: name the API model self-hosting would replace")
    api = _entry(catalog, args.model, "--model")
    even = self_host_break_even(hosted, api, work.input_tokens, work.output_tokens, args.operations_usd_month,
                                work.requests_per_day * 30)  # fmt: skip
    profile = hosted.self_hosting
    return plans.selfhost(even, args.operations_usd_month is not None, f"{profile.gpu_count}x {profile.gpu}",
                          profile.usd_per_gpu_hour)  # fmt: skip
