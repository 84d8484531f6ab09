"""Headless `trial` (live side-by-side runs) and `local serve` (the offline local models)."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from agent.settings import Settings
from tui.cli import UsageError, print_json

MAX_PRICE_PER_MTOK = 10_000.0


def _prices(args: argparse.Namespace) -> dict[str, tuple[float, float]]:
    """--price MODEL=IN,OUT in USD per million tokens: a model name and two finite prices >= 0."""
    import math

    prices = {}
    for item in args.price or []:
        model, _, pair = item.partition("=")
        parts = pair.split(",")
        try:
            values = [float(part) for part in parts]
        except ValueError:
            values = []
        shown = repr(item[:60])
        if not model.strip() or not model.isprintable() or len(values) != 2:
            raise UsageError(f"--price {shown}: write MODEL=IN,OUT in USD per million tokens, e.g. gpt-4.1=2,8")
        if not all(math.isfinite(v) and 0 <= v <= MAX_PRICE_PER_MTOK for v in values):
            raise UsageError(f"--price {shown}: each price must be a number from 0 to {MAX_PRICE_PER_MTOK:,.0f} "
                             "USD per million tokens")  # fmt: skip
        prices[model.strip()] = (values[0] / 1e6, values[1] / 1e6)
    return prices


def run_trial(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.trials.engine import TrialEngine, TrialRequest, catalog_prices, estimate_cost
    from agent.trials.results import summarise

    settings = Settings()
    catalog = load_user_catalog(settings)

    price_of = catalog_prices(catalog)

    from agent.trials.local_servers import LocalModelsUnavailable, resolve_local

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
        prices=_prices(args),
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
            f"estimated cost ${estimate:.4f} is above the ${settings.spend_cap_usd:.2f} cap; "
            "pass --yes to run, or set TRADEOFF_SPEND_CAP_USD"
        )
    if not args.json:
        shown = f"${estimate:.6f}" if estimate is not None else "unknown"
        print(f"Estimated cost at most {shown} ({request.runs} run(s), max_tokens {request.max_tokens}).", flush=True)
    started = time.perf_counter()
    runs = _run_with_local_servers(request, TrialEngine(price_of), settings)
    payload = {
        "results": [run.as_json() for run in runs],
        "summaries": summarise(runs),
        "estimated_cost_usd": estimate,
        "seconds": round(time.perf_counter() - started, 3),
    }
    if args.json:
        print_json(payload)
        return 0
    for run in runs:
        name = f"[{run.label}]" if args.blind else run.model
        ttft = f"{run.ttft_ms:,.0f} ms" if run.ttft_ms is not None else "—"
        speed = f"{run.tokens_per_s:.1f} tok/s" if run.tokens_per_s else "—"
        cost = f"${run.cost_usd:.6f}" if run.cost_usd is not None else "cost ?"
        print(f"\n== {name} (run {run.run}) TTFT {ttft} · {speed} · {run.output_tokens or 0} tokens · {cost}")
        if run.error:
            print(f"   error: {run.error}")
        print("   " + (run.text.strip().replace("\n", "\n   ") or "(no text)"))
    if args.blind:
        _blind_vote(runs, settings)
    return 0


def _run_with_local_servers(request, engine, settings: Settings):  # type: ignore[no-untyped-def]
    """Local models are served for this trial when nothing answers on their ports, then stopped;
    a run whose server died says how, instead of "could not connect"."""
    from agent.trials.local_servers import LocalModelsUnavailable, served

    def say(line: str) -> None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    try:
        with served(request.models, settings.data_dir, settings.local_port, settings.log_dir / "local-server.log",
                    on_start=say) as server:  # fmt: skip
            runs = asyncio.run(engine.run(request))
            if server is not None:
                for run in runs:
                    run.error = server.explain(run.model, run.error)
            return runs
    except LocalModelsUnavailable as exc:
        raise UsageError(f"--models: {exc}") from None


def _blind_vote(runs, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    labels = {run.label: run.model for run in runs}
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


def run_local_serve(args: argparse.Namespace) -> int:
    from agent.trials.local_servers import LocalModelsUnavailable, start_server

    settings = Settings()
    port = args.port or settings.local_port
    try:
        server = start_server(settings.data_dir, port, log=settings.log_dir / "local-server.log")
    except LocalModelsUnavailable as exc:
        raise UsageError(str(exc)) from None
    for alias in server.aliases:
        print(f"Serving {alias} at {server.api_base(alias)} (LiteLLM: openai/{alias} with that api_base)")
    print(f"Try: tradeoff trial --models {','.join(server.litellm_models())} --prompt 'Hi'   (ctrl+c stops)")
    try:
        while server.alive():
            time.sleep(0.5)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
    died = "; ".join(f"{alias}: {report}" for alias in server.aliases if (report := server.crash_report(alias)))
    sys.stderr.write(f"tradeoff local serve: {died}\n")
    return 1


def run_eval(args: argparse.Namespace) -> int:
    """Batch trials: every model on every test, assertions, optional judge, matrix and statistics."""
    from agent.advisor.recommendation import load_user_catalog
    from agent.trials.batch import ResponseCache, TestSetError, judge_top_two, load_tests, run_batch
    from agent.trials.engine import TrialEngine, catalog_prices
    from agent.trials.local_servers import LocalModelsUnavailable, resolve_local

    settings = Settings()
    try:
        cases, providers = load_tests(Path(args.tests))
    except TestSetError as exc:
        raise UsageError(f"--tests: {exc}") from None
    if getattr(args, "save", None) and Path(args.save).exists() and not args.force:
        raise UsageError(f"--save: {args.save} exists; pass --force to overwrite it")  # said before paying for a run
    models = [m.strip() for m in (args.models or "").split(",") if m.strip()] or providers
    if not models:
        raise UsageError("--models: name the models (or list 'providers' in the YAML test file)")
    try:
        bases = {m: r[1] for m in models if (r := resolve_local(m, settings.local_port))}
    except LocalModelsUnavailable as exc:
        raise UsageError(f"--models: {exc}") from None
    catalog = load_user_catalog(settings)

    price_of = catalog_prices(catalog)

    def progress(done: int, total: int) -> None:
        if not args.json:
            filled = int(30 * done / total)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
            sys.stderr.flush()

    cache = None if args.no_cache else ResponseCache(settings.data_dir / "eval-cache.sqlite")
    if cache is not None and cache.notice:
        sys.stderr.write(f"note: {cache.notice}\n")
    batch = run_batch(
        cases,
        models,
        TrialEngine(price_of),
        cache,
        concurrency=args.concurrency,
        max_tokens=args.max_tokens or settings.trial_max_tokens,
        timeout_s=args.timeout,
        api_bases=bases,
        api_base=args.api_base,
        on_progress=progress,
    )
    result = _with_local_servers(models, settings, batch)
    if not args.json:
        sys.stderr.write("\n")
    if args.judge:
        judge, judge_base = args.judge, args.api_base
        local_judge = resolve_local(judge, settings.local_port)
        if local_judge:
            judge, judge_base = local_judge
        try:
            result.judge = asyncio.run(judge_top_two(cases, result, judge, args.rubric, api_base=judge_base))
        except Exception as exc:
            sys.stderr.write(f"tradeoff eval: the judge {args.judge} failed ({exc.__class__.__name__}); "
                             "results below are without it\n")  # fmt: skip
    payload = result.as_json()
    if getattr(args, "save", None):
        _save_results(payload, args.save, args.force)
    if args.json:
        print_json(payload)
        return 0
    width = max(len(t) for t in result.tests) + 2
    print("test".ljust(width) + "  ".join(m[-24:].ljust(24) for m in models))
    for test in result.tests:
        cells = ["pass" if result.matrix[m][test]["passed"] else "FAIL" for m in models]
        print(test.ljust(width) + "  ".join(c.ljust(24) for c in cells))
    for model, rate in payload["pass_rates"].items():
        print(f"{model}: {rate['passed']}/{rate['total']} passed, 95% Wilson "
              f"[{rate['wilson_low']:.2f}, {rate['wilson_high']:.2f}]")  # fmt: skip
    top = payload["top_two"]
    if top:
        verdict = "significant" if top["significant"] else "not significant"
        print(f"{top['a']} vs {top['b']}: exact McNemar p = {top['p_value']:.3f} ({verdict}; "
              f"{top['only_a']} vs {top['only_b']} discordant tests)")  # fmt: skip
    if result.cached:
        print(f"{result.cached} answers came from the response cache (no cost).")
    if result.judge:
        print(f"{result.judge['label']}: {result.judge.get('skipped') or result.judge['tally']}")
    return 0


def _with_local_servers(models: list[str], settings: Settings, batch):  # type: ignore[no-untyped-def]
    """Run the batch with the local models served (started here when nothing answers on their ports)."""
    from agent.trials.local_servers import LocalModelsUnavailable, served

    def say(line: str) -> None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    try:
        with served(models, settings.data_dir, settings.local_port, settings.log_dir / "local-server.log",
                    on_start=say):  # fmt: skip
            return asyncio.run(batch)
    except LocalModelsUnavailable as exc:
        batch.close()
        raise UsageError(f"--models: {exc}") from None


def _save_results(payload: dict[str, object], output: str, force: bool) -> None:
    """The eval's JSON (matrix, pass rates, the tests themselves) for `tradeoff route --results`."""
    import json

    from agent.files import FileExistsRefusal, write_atomic

    text = json.dumps(payload, indent=2, default=str, allow_nan=False) + "\n"
    try:
        path = write_atomic(Path(output), text, force=force)
    except FileExistsRefusal as exc:
        raise UsageError(f"--save: {exc}") from None
    except OSError as exc:
        raise UsageError(f"--save: cannot write {output} ({exc.strerror or exc.__class__.__name__})") from None
    sys.stderr.write(f"saved the results to {path} (for: tradeoff route --results {path})\n")
