"""`tradeoff eval`: batch trials over a test set, with assertions, an optional judge and statistics."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import UsageError, model_names, number, print_json, url

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from agent.settings import Settings


def register(commands: Any) -> None:
    evaluate = commands.add_parser("eval", help="batch trials over a test set (JSONL, CSV, promptfoo-style YAML)")
    evaluate.set_defaults(run=run)
    evaluate.add_argument(
        "--models", type=model_names, metavar="M1,M2,...", help="litellm model strings (or the YAML's providers)"
    )
    evaluate.add_argument("--tests", required=True, metavar="FILE")
    evaluate.add_argument(
        "--judge", type=model_names, metavar="MODEL", help="LLM-as-judge between the top two, positions swapped"
    )
    evaluate.add_argument("--rubric", default="correct, complete and concise", help="what the judge looks for")
    evaluate.add_argument("--concurrency", type=number(1, 64, whole=True), default=4, metavar="N")
    evaluate.add_argument("--api-base", type=url, metavar="URL")
    evaluate.add_argument("--timeout", type=number(0, 3600, above=True), default=60.0, metavar="S")
    evaluate.add_argument("--max-tokens", type=number(1, 1_000_000, whole=True), metavar="N")
    evaluate.add_argument("--no-cache", action="store_true", help="ignore the response cache")
    evaluate.add_argument("--save", metavar="PATH", help="also write the results as JSON (for tradeoff route)")
    evaluate.add_argument("--force", action="store_true", help="overwrite an existing --save file")
    evaluate.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    """Every model on every test, assertions, optional judge, matrix and statistics."""
    import asyncio

    from agent.advisor.recommendation import load_user_catalog
    from agent.settings import Settings
    from agent.trials.batch import ResponseCache, TestSetError, judge_top_two, load_tests, run_batch
    from agent.trials.engine import TrialEngine, catalog_prices
    from agent.trials.local_servers import LocalModelsUnavailable, resolve_local

    settings = Settings()
    try:
        cases, providers = load_tests(Path(args.tests))
    except TestSetError as exc:
        raise UsageError(f"--tests: {exc}") from None
    if args.save and Path(args.save).exists() and not args.force:
        raise UsageError(f"--save: {args.save} exists; pass --force to overwrite it")  # said before paying for a run
    models = [m.strip() for m in (args.models or "").split(",") if m.strip()] or providers
    if not models:
        raise UsageError("--models: name the models (or list 'providers' in the YAML test file)")
    try:
        bases = {m: r[1] for m in models if (r := resolve_local(m, settings.local_port))}
    except LocalModelsUnavailable as exc:
        raise UsageError(f"--models: {exc}") from None
    price_of = catalog_prices(load_user_catalog(settings))

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
    if args.save:
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


def _with_local_servers(models: list[str], settings: Settings, batch: Coroutine[Any, Any, Any]) -> Any:
    """Run the batch with the local models served (started here when nothing answers on their ports)."""
    import asyncio

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


def _save_results(payload: dict[str, Any], output: str, force: bool) -> None:
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
