"""models.dev facts (release date, knowledge cutoff, modalities, open weights, structured output,
limits) attached to catalog entries, with every disagreement with LiteLLM's map stated.

LiteLLM's map stays the source for limits and capabilities (it is what routing and billing use);
models.dev fills a limit only where the map has none, and the entry's `inherited` says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from catalog.entries import ModelEntry, ModelFacts


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def model_facts(raw: Mapping[str, Any], package: str, url: str) -> ModelFacts:
    """One model's facts as the snapshot (catalog/data/models_dev.json) records them."""
    return ModelFacts(
        source=f"models.dev ({package})", url=url, key=str(raw["key"]), release_date=_date(raw.get("release_date")),
        knowledge_cutoff=raw.get("knowledge_cutoff"), input_modalities=tuple(raw.get("input_modalities") or ()),
        output_modalities=tuple(raw.get("output_modalities") or ()), open_weights=raw.get("open_weights"),
        structured_output=raw.get("structured_output"), tool_call=raw.get("tool_call"),
        reasoning=raw.get("reasoning"), context_tokens=raw.get("input_tokens") or raw.get("context_tokens"),
        output_tokens=raw.get("output_tokens"),
    )  # fmt: skip


def facts_by_model(snapshot: Mapping[str, Any] | None) -> dict[str, ModelFacts]:
    if not snapshot:
        return {}
    package, url = str(snapshot.get("package", "models.dev")), str(snapshot.get("url", "https://models.dev"))
    return {model: model_facts(raw, package, url) for model, raw in (snapshot.get("models") or {}).items()}


_CAPABILITIES = (("vision", "image input"), ("tools", "tool calling"), ("json", "structured output"),
                 ("reasoning", "reasoning"))  # fmt: skip


def _claims(facts: ModelFacts) -> dict[str, bool | None]:
    image = "image" in facts.input_modalities if facts.input_modalities else None
    return {"vision": image, "tools": facts.tool_call, "json": facts.structured_output, "reasoning": facts.reasoning}


def with_facts(entry: ModelEntry, facts: ModelFacts) -> ModelEntry:
    """The entry with its model's facts; a limit the map lacks is filled, every disagreement stated."""
    where = f"{entry.provider} route" if entry.id != entry.canonical else "LiteLLM"
    notes: list[str] = []
    update: dict[str, Any] = {}
    inherited = dict(entry.inherited)
    for field, theirs, label in (("max_input_tokens", facts.context_tokens, "context"),
                                 ("max_output_tokens", facts.output_tokens, "output limit")):  # fmt: skip
        ours = getattr(entry, field)
        if theirs is None:
            continue
        if ours is None:
            update[field] = theirs
            inherited[field] = f"{facts.source}, {facts.key}: LiteLLM's map has no figure"
        elif ours != theirs and field not in entry.inherited:
            notes.append(f"{label}: {where} {ours:,} vs models.dev {theirs:,} tokens; using LiteLLM's, which "
                         "routing and billing use")  # fmt: skip
    claims = _claims(facts)
    for capability, label in _CAPABILITIES:
        theirs = claims[capability]
        ours = capability in entry.capabilities
        if theirs is not None and theirs != ours:
            notes.append(f"{label}: {where} {'yes' if ours else 'no'}, models.dev {'yes' if theirs else 'no'}; "
                         f"using LiteLLM's{'' if ours else ': a capability the map does not list is not assumed'}")
    if facts.open_weights is not None and facts.open_weights != entry.open_weights:
        notes.append(f"open weights: our overlay {'yes' if entry.open_weights else 'no'}, models.dev "
                     f"{'yes' if facts.open_weights else 'no'}; using the overlay's, which names the licence")
    if update:
        update["inherited"] = inherited
    update["facts"] = facts.model_copy(update={"disagreements": tuple(notes)}) if notes else facts
    return entry.model_copy(update=update)


def facts_lines(entry: ModelEntry) -> list[str]:
    """The facts for `catalog show`, each with its source."""
    facts = entry.facts
    if facts is None:
        return ["facts: models.dev does not list this model at its maker's API"]
    lines = [f"facts from {facts.source} ({facts.key}; {facts.url}):"]
    if facts.release_date:
        lines.append(f"  released {facts.release_date}")
    if facts.knowledge_cutoff:
        lines.append(f"  knowledge cutoff {facts.knowledge_cutoff}")
    inputs, outputs = ", ".join(facts.input_modalities) or "?", ", ".join(facts.output_modalities) or "?"
    lines.append(f"  input {inputs}; output {outputs}")
    flags = {"open weights": facts.open_weights, "structured output": facts.structured_output,
             "tool calling": facts.tool_call, "reasoning": facts.reasoning}  # fmt: skip
    lines.append("  " + ", ".join(f"{name} {'yes' if v else 'no'}" for name, v in flags.items() if v is not None))
    limits = [f"context {facts.context_tokens:,}" if facts.context_tokens else "",
              f"output {facts.output_tokens:,}" if facts.output_tokens else ""]  # fmt: skip
    if any(limits):
        lines.append("  limits: " + ", ".join(x for x in limits if x))
    for note in facts.disagreements:
        lines.append(f"  disagrees: {note}")
    return lines
