"""`tradeoff trial`: one prompt to 2-4 models side by side, streamed and measured; blind if asked."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from tui.cli.common import UsageError, model_names, number, prices, print_json, url

if TYPE_CHECKING:
    from agent.settings import Settings
    from agent.trials.engine import TrialEngine, TrialRequest
    from agent.trials.results import TrialRun


def register(commands: Any) -> None:
    trial = commands.add_parser("trial", help="one prompt to 2-4 models side by side, streamed and measured")
    trial.set_defaults(run=run)
    trial.add_argument(
        "--models", type=model_names, required=True, metavar="M1,M2[,M3,M4]", help="litellm model strings"
    )
    trial.add_argument("--prompt", required=True, metavar="TEXT")
    trial.add_argument("--system", metavar="TEXT")
    trial.add_argument(
        "--runs", type=number(1, 20, whole=True), default=1, metavar="N", help="runs per model (median and spread)"
    )
    trial.add_argument("--blind", action="store_true", help="label outputs A-D in random order; vote, then reveal")
    trial.add_argument(
        "--api-base", type=url, metavar="URL", help="OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, proxy)"
    )
    trial.add_argument(
        "--timeout", type=number(0, 3600, above=True), default=60.0, metavar="S", help="seconds per run (default 60)"
    )
    trial.add_argument(
        "--max-tokens",
        type=number(1, 1_000_000, whole=True),
        metavar="N",
        help="output cap (default from settings: 512)",
    )
    trial.add_argument("--price", action="append", metavar="MODEL=IN,OUT", help="USD per million tokens")
    trial.add_argument("--yes", action="store_true", help="run even above the spend cap")
    trial.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.settings import Settings
    from agent.trials.engine import TrialEngine, TrialRequest, catalog_prices, estimate_cost
    from agent.trials.local_servers import LocalModelsUnavailable, resolve_local
    from agent.trials.results import summarise
    from catalog.display import money

    settings = Settings()
    price_of = catalog_prices(load_user_catalog(settings))
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    try:
        local = {m: resolved[1] for m in models if (resolved := resolve_local(m, settings.local_port))}
    except LocalModelsUnavailable as exc:
        raise UsageError(f"--models: {exc}") from None
    request = TrialRequest(
        models=models,
        api_bases=local,
        prompt=args.prompt,
        system=args.system,
        runs=args.runs,
        max_tokens=args.max_tokens or settings.trial_max_tokens,
        timeout_s=args.timeout,
        api_base=args.api_base or settings.trial_api_base,
        blind=args.blind,
        prices=prices(args.price),
    )
    try:
        request.validate()
    except ValueError as exc:
        raise UsageError(f"--models/--prompt: {exc}") from None
    estimate = estimate_cost(request, price_of)
    if estimate is None and not args.yes:
        raise UsageError("--models: no price known for a model; add --price MODEL=IN,OUT or pass --yes to run anyway")
    if estimate is not None and estimate > settings.spend_cap_usd and not args.yes:
        raise UsageError(
            f"estimated cost {money(estimate)} is above the {money(settings.spend_cap_usd)} cap; "
            "pass --yes to run, or set TRADEOFF_SPEND_CAP_USD"
        )
    if not args.json:
        # Six decimals: a trial often costs a few millionths of a dollar.
        shown = f"at most ${estimate:.6f}" if estimate is not None else "unknown (a model has no known price)"
        print(f"Estimated cost {shown} ({request.runs} run(s), max_tokens {request.max_tokens}).", flush=True)
    started = time.perf_counter()
    runs = _run_with_local_servers(request, TrialEngine(price_of), settings)
    if args.json:
        print_json({
            "results": [run.as_json() for run in runs],
            "summaries": summarise(runs),
            "estimated_cost_usd": estimate,
            "seconds": round(time.perf_counter() - started, 3),
        })  # fmt: skip
        return 0
    for trial_run in runs:
        name = f"[{trial_run.label}]" if args.blind else trial_run.model
        ttft = f"{trial_run.ttft_ms:,.0f} ms" if trial_run.ttft_ms is not None else "—"
        speed = f"{trial_run.tokens_per_s:.1f} tok/s" if trial_run.tokens_per_s else "—"
        cost = f"${trial_run.cost_usd:.6f}" if trial_run.cost_usd is not None else "cost ?"
        print(
            f"\n== {name} (run {trial_run.run}) TTFT {ttft} · {speed} · {trial_run.output_tokens or 0} tokens · {cost}"
        )
        if trial_run.error:
            print(f"   error: {trial_run.error}")
        print("   " + (trial_run.text.strip().replace("\n", "\n   ") or "(no text)"))
    if args.blind:
        _blind_vote(runs, settings)
    return 0


def _run_with_local_servers(request: TrialRequest, engine: TrialEngine, settings: Settings) -> list[TrialRun]:
    """Local models are served for this trial when nothing answers on their ports, then stopped;
    a run whose server died says how, instead of "could not connect"."""
    import asyncio

    from agent.trials.local_servers import LocalModelsUnavailable, served

    def say(line: str) -> None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    try:
        with served(request.models, settings.data_dir, settings.local_port, settings.log_dir / "local-server.log",
                    on_start=say) as server:  # fmt: skip
            runs = asyncio.run(engine.run(request))
            if server is not None:
                for trial_run in runs:
                    trial_run.error = server.explain(trial_run.model, trial_run.error)
            return runs
    except LocalModelsUnavailable as exc:
        raise UsageError(f"--models: {exc}") from None


def _blind_vote(runs: list[TrialRun], settings: Settings) -> None:
    labels = {trial_run.label: trial_run.model for trial_run in runs}
    vote = None
    if sys.stdin.isatty():
        answer = input(f"\nWhich is better? {'/'.join(sorted(labels))}, tie or bad: ").strip()
        vote = (
            answer.upper() if answer.upper() in labels else answer.lower() if answer.lower() in ("tie", "bad") else None
        )
    print("\nRevealed: " + ", ".join(f"{label} = {model}" for label, model in sorted(labels.items())))
    if vote is not None:
        from agent.trials.votes import append_vote

        path = append_vote(
            settings.data_dir / "votes.jsonl",
            {"models": sorted(labels.values()), "winner": labels.get(vote), "vote": vote},
        )
        print(f"Vote saved to {path}.")
