"""A routing chosen with `tradeoff route`, as a LiteLLM Router config that runs: each tier a model
group, errors falling back to the next tier, and the cascade or rule as a documented step the
application runs before (rule) or after (cascade) the first call."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from agent.provider_keys import key_variable
from agent.record.provider_params import provider_params
from agent.trials.routing import KEYWORDS, HeuristicRule, Test, request_time_check

LOCAL_KEY = "local-no-key"  # llama.cpp's server ignores it; the OpenAI client wants one

HEADER = """\
# LiteLLM Router config written by `tradeoff export --format litellm --routing ...` (issue #16).
# Each tier is a model group, cheapest first (tier-1). An error on a tier falls back to the next
# (router_settings.fallbacks). LiteLLM itself does not read `tradeoff_routing`: it documents the
# step your code runs, with tradeoff's own helpers if you like (agent/routing_export.py):
#   cascade:   call tier-1; run the request's reference-free checks (is-json, json-schema, regex,
#              max-length) on the answer; when one fails, call the next tier (escalating_completion).
#   heuristic: score the prompt's features before the call (tier_for_prompt) and call that tier.
# Load it with: litellm.Router(model_list=cfg["model_list"], **cfg["router_settings"])
"""


def tier_names(tiers: Sequence[str]) -> list[str]:
    return [f"tier-{index}" for index in range(1, len(tiers) + 1)]


def routing_config(
    route: Mapping[str, Any], router: str, resolve: Callable[[str], tuple[str, str | None]],
    provider_of: Callable[[str], str | None] = lambda model: None, timeout_s: float = 30,
) -> dict[str, Any]:  # fmt: skip
    """The config for `router` (cascade, heuristic, oracle is refused) from `tradeoff route --json`.

    `resolve` maps a model as the eval named it to (LiteLLM model string, api_base or None)."""
    tiers = [str(model) for model in route.get("tiers") or []]
    reports = {str(r.get("name")): r for r in route.get("routers") or [] if isinstance(r, dict)}
    if len(tiers) < 2 or not reports:
        raise ValueError("not the output of tradeoff route --json (no tiers or routers)")
    chosen = reports.get(router)
    if chosen is None:
        raise ValueError(f"no router {router!r} in these results; choose from {', '.join(reports)}")
    if not chosen.get("realisable", True):
        raise ValueError(f"the {router} router knows the answers' grades in advance: it cannot be deployed")
    names = tier_names(tiers)
    model_list = []
    for name, model in zip(names, tiers, strict=True):
        litellm_model, api_base = resolve(model)
        params: dict[str, Any] = {"model": litellm_model, "timeout": timeout_s, "max_retries": 0}
        if api_base:
            params["api_base"] = api_base
            params["api_key"] = LOCAL_KEY
        else:
            provider = provider_of(model)
            if provider:
                params |= provider_params(provider, [])[0]  # references to the environment, never values
            elif variable := key_variable(litellm_model):
                params["api_key"] = f"os.environ/{variable}"
        model_list.append({"model_name": name, "litellm_params": params, "model_info": {"tradeoff_model": model}})
    step = _step(router, chosen, names, tiers)
    return {
        "model_list": model_list,
        "router_settings": {"num_retries": 1, "timeout": timeout_s,
                            "fallbacks": [{names[i]: names[i + 1:]} for i in range(len(names) - 1)]},
        "litellm_settings": {"drop_params": True},
        "tradeoff_routing": step,
    }  # fmt: skip


def _step(router: str, report: Mapping[str, Any], names: list[str], tiers: list[str]) -> dict[str, Any]:
    measured = {"pass_rate": report.get("pass_rate"), "saving_vs_strong": report.get("saving_vs_strong"),
                "evaluated_on": report.get("evaluated_on"), "share": report.get("share")}  # fmt: skip
    rule = dict(report.get("rule") or {})
    if router == "cascade":
        return {"router": "cascade", "entry": names[0], "escalate_in_order": names[1:],
                "checks": rule.get("checks", []), "when": "after each call: a failed check or an error escalates",
                "measured": measured}  # fmt: skip
    if router == "heuristic":
        return {"router": "heuristic", "when": "before the call: tier-N when the prompt's score reaches the threshold",
                "cheap": names[0], "strong": names[-1], "rule": rule, "keywords": list(KEYWORDS),
                "measured": measured}  # fmt: skip
    alone = next((name for name, model in zip(names, tiers, strict=True) if router == f"{model} alone"), names[-1])
    return {"router": "single tier", "entry": alone, "when": "every request", "measured": measured}


def tier_for_prompt(step: Mapping[str, Any], prompt: str, tags: Sequence[str] = ()) -> str:
    """The heuristic's choice for one prompt, from the exported rule."""
    rule = step["rule"]
    threshold = rule.get("threshold")
    fitted = HeuristicRule(float(rule["long_above_tokens"]), dict(rule.get("weights") or {}),
                           math.inf if threshold is None else float(threshold))  # fmt: skip
    score = fitted.score(Test("request", prompt, (), tuple(tags)))
    return str(step["strong"] if score >= fitted.threshold else step["cheap"])


async def escalating_completion(
    router: Any, step: Mapping[str, Any], messages: list[dict[str, str]], checks: Sequence[dict[str, Any]],
    **options: Any,
) -> tuple[Any, list[str]]:  # fmt: skip
    """The cascade: the entry tier first, then each next tier while the answer fails `checks`
    (the request's reference-free assertions). Returns the served response and the groups called."""
    called: list[str] = []
    response = None
    for group in [step["entry"], *step["escalate_in_order"]]:
        called.append(group)
        response = await router.acompletion(model=group, messages=messages, **options)
        text = response.choices[0].message.content or ""
        if request_time_check(checks, text, None)[0]:
            break
    return response, called
