"""Build catalog/data/genai_prices.json: a second price source, Pydantic's `genai-prices` (MIT),
for every chat model in LiteLLM's bundled map that genai-prices prices at the same provider.

Run after upgrading litellm or genai-prices: .venv/bin/python scripts/build_genai_prices.py [--check]
Matching is genai-prices' own (its per-provider match rules, maintained with its prices), asked
with our provider mapped explicitly below; a model it prices only through another provider (Azure
falling back to OpenAI's list) is left out, so a route is never compared with another host's price.
Prices are what genai-prices charges for 1,000 input and 1,000 output tokens on the build day,
per token. The app reads only the committed file (importing genai-prices costs ~250 ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "catalog" / "data" / "genai_prices.json"
# LiteLLM provider -> genai-prices provider id.
PROVIDERS = {
    "openai": "openai", "anthropic": "anthropic", "gemini": "google", "vertex_ai-language-models": "google",
    "mistral": "mistral", "deepseek": "deepseek", "groq": "groq", "together_ai": "together",
    "fireworks_ai": "fireworks", "cerebras": "cerebras", "xai": "x-ai", "bedrock": "aws",
    "bedrock_converse": "aws", "azure": "azure", "azure_ai": "azure", "cohere_chat": "cohere",
    "perplexity": "perplexity", "openrouter": "openrouter", "novita": "novita", "moonshot": "moonshotai",
    "zai": "zai", "databricks": "databricks", "minimax": "minimax",
}  # fmt: skip
PROBE_TOKENS = 1000


def litellm_chat_models() -> dict[str, dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from catalog.sources import bundled_price_map_path, read_json_map

    return {k: v for k, v in read_json_map(bundled_price_map_path()).items() if v.get("mode") == "chat"}


def build(today: dt.date) -> dict[str, Any]:
    from genai_prices import Usage, data_snapshot

    snapshot = data_snapshot.get_snapshot()
    when = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
    prices: dict[str, Any] = {}
    for model_id, raw in sorted(litellm_chat_models().items()):
        provider_id = PROVIDERS.get(str(raw.get("litellm_provider")))
        if provider_id is None:
            continue
        ref = model_id.split("/", 1)[1] if "/" in model_id and model_id.split("/", 1)[0] in (
            raw.get("litellm_provider"), "gemini", "together_ai", "fireworks_ai", "xai", "azure", "azure_ai",
            "bedrock", "mistral", "deepseek", "groq", "cerebras", "openrouter", "perplexity") else model_id  # fmt: skip
        try:
            provider, model = snapshot.find_provider_model(ref, None, provider_id, None)
        except LookupError:
            continue
        if not any(own is model for own in provider.models):
            continue  # priced only through another provider's list
        try:
            calc = model.calc_price(Usage(input_tokens=PROBE_TOKENS, output_tokens=PROBE_TOKENS), provider,
                                    genai_request_timestamp=when)
        except Exception:  # a price it cannot compute for this usage shape is simply absent
            continue
        prices[model_id] = {
            "provider": provider.id, "model": model.id,
            "input": float(f"{float(calc.input_price) / PROBE_TOKENS:.8g}"),
            "output": float(f"{float(calc.output_price) / PROBE_TOKENS:.8g}"),
        }  # fmt: skip
    return {
        "about": "Prices from Pydantic's genai-prices for LiteLLM's chat models, built by "
        "scripts/build_genai_prices.py; do not edit by hand.",
        "package": f"genai-prices {importlib.metadata.version('genai-prices')}",
        "url": "https://github.com/pydantic/genai-prices",
        "as_of": today.isoformat(),
        "litellm": f"litellm {importlib.metadata.version('litellm')} bundled price map",
        "prices": prices,
    }


def render(snapshot: dict[str, Any]) -> str:
    head = {k: v for k, v in snapshot.items() if k != "prices"}
    text = json.dumps(head, indent=1, sort_keys=True)[:-2]
    rows = ",\n  ".join(f"{json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in snapshot["prices"].items())
    return f'{text},\n "prices": {{\n  {rows}\n }}\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed prices differ (dates aside)")
    args = parser.parse_args(argv)
    if args.check:
        committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
        fresh = build(dt.date.fromisoformat(committed["as_of"]))
        return 0 if fresh["prices"] == committed["prices"] else 1
    snapshot = build(dt.date.today())
    SNAPSHOT.write_text(render(snapshot), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(snapshot['prices'])} models priced by both")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
