"""Merge LiteLLM's price map, our curated overlay and the user's overrides into one `Catalog`.

Everything here is a pure function of already-parsed data; reading files is `catalog.sources`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from catalog.entries import (
    QUALITY_DIMENSIONS,
    Catalog,
    ModelEntry,
    Prices,
    PriceTier,
    ProviderPolicy,
    SelfHosting,
    Source,
)
from catalog.evidence import benchmark_evidence, evidence_fields, listed_models, snapshot_date, with_evidence
from catalog.facts import facts_by_model, with_facts
from catalog.names import is_variant_worth_matching, maker_of, normalise, regions_in_name
from catalog.price_check import with_price_checks
from catalog.requirements import CAPABILITIES

LISTED_MODES = frozenset({"chat", "embedding"})
SELF_HOSTED_PREFIX = "hosted_vllm/"


class CatalogDataError(ValueError):
    """A data file (overlay or user overrides) holds something we cannot use."""


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _capabilities(raw: Mapping[str, Any], video: bool = False) -> frozenset[str]:
    modalities = set(raw.get("supported_modalities") or ())
    found = {
        "vision": bool(raw.get("supports_vision")) or "image" in modalities,
        "video": video or "video" in modalities,
        "audio": bool(raw.get("supports_audio_input")) or "audio" in modalities,
        "tools": bool(raw.get("supports_function_calling")),
        "json": bool(raw.get("supports_response_schema")),
        "reasoning": bool(raw.get("supports_reasoning")),
        "caching": bool(raw.get("supports_prompt_caching")) or "cache_read_input_token_cost" in raw,
        "batch": "input_cost_per_token_batches" in raw,
    }
    return frozenset(name for name, present in found.items() if present)


_ABOVE = re.compile(r"^input_cost_per_token_above_(\d+)k_tokens$")


def _threshold_tiers(raw: Mapping[str, Any]) -> list[PriceTier]:
    """`input_cost_per_token_above_200k_tokens` and its kin: one tier per threshold."""
    tiers = []
    for key in raw:
        # Cheap prefix test first: this runs over every key of ~3,000 price-map rows at start-up.
        match = _ABOVE.match(key) if key.startswith("input_cost_per_token_above_") else None
        if match is None:
            continue
        above = f"above_{match.group(1)}k_tokens"
        tiers.append(PriceTier.model_construct(
            above_tokens=int(match.group(1)) * 1000,
            input=_float(raw.get(f"input_cost_per_token_{above}")),
            output=_float(raw.get(f"output_cost_per_token_{above}")),
            input_batch=_float(raw.get(f"input_cost_per_token_{above}_batches")),
            output_batch=_float(raw.get(f"output_cost_per_token_{above}_batches")),
            cache_read=_float(raw.get(f"cache_read_input_token_cost_{above}")),
            cache_write=_float(raw.get(f"cache_creation_input_token_cost_{above}")),
        ))  # fmt: skip
    return tiers


def _range_tiers(raw: Mapping[str, Any]) -> tuple[list[PriceTier], PriceTier | None]:
    """`tiered_pricing: [{range: [0, 256000], ...}, ...]`: (the tiers above 0, the range from 0)."""
    tiers, base = [], None
    for row in raw.get("tiered_pricing") or ():
        if not isinstance(row, Mapping) or not isinstance(row.get("range"), list | tuple) or not row["range"]:
            continue
        tier = PriceTier.model_construct(
            above_tokens=int(row["range"][0]), input=_float(row.get("input_cost_per_token")),
            output=_float(row.get("output_cost_per_token")), input_batch=None, output_batch=None,
            cache_read=_float(row.get("cache_read_input_token_cost")), cache_write=None,
        )  # fmt: skip
        if tier.above_tokens == 0:
            base = tier
        else:
            tiers.append(tier)
    return tiers, base


def _prices(raw: Mapping[str, Any]) -> Prices:
    ranged, base = _range_tiers(raw) if "tiered_pricing" in raw else ([], None)
    tiers = tuple(sorted(_threshold_tiers(raw) + ranged, key=lambda tier: tier.above_tokens))
    fresh_in, fresh_out = _float(raw.get("input_cost_per_token")), _float(raw.get("output_cost_per_token"))
    return Prices.model_construct(
        input=fresh_in if fresh_in is not None or base is None else base.input,
        output=fresh_out if fresh_out is not None or base is None else base.output,
        input_batch=_float(raw.get("input_cost_per_token_batches")),
        output_batch=_float(raw.get("output_cost_per_token_batches")),
        cache_read=_float(raw.get("cache_read_input_token_cost")),
        cache_write=_float(raw.get("cache_creation_input_token_cost")),
        output_reasoning=_float(raw.get("output_cost_per_reasoning_token")),
        tiers=tiers,
        has_off_peak_pricing="off_peak_pricing" in raw,
    )


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def entry_from_price_map(model_id: str, raw: Mapping[str, Any]) -> ModelEntry:
    """A bare catalog entry from one price-map record, before any overlay."""
    return ModelEntry.model_construct(
        id=model_id,
        provider=str(raw.get("litellm_provider") or "unknown"),
        mode=str(raw.get("mode") or "chat"),
        canonical=model_id,
        family=None,
        prices=_prices(raw),
        price_source="litellm-map",
        max_input_tokens=_int(raw.get("max_input_tokens")),
        max_output_tokens=_int(raw.get("max_output_tokens") or raw.get("max_tokens")),
        capabilities=_capabilities(raw),
        deprecation_date=_date(raw.get("deprecation_date")),
        tier=None,
        open_weights=False,
        licence=None,
        self_hostable=False,
        quality={},
        quality_source=None,
        ttft_ms=None,
        tokens_per_s=None,
        latency_source=None,
        regions=regions_in_name(model_id),
        self_hosting=None,
        measured_ttft_ms=None,
        measured_tokens_per_s=None,
        measured_win_rate=None,
        notes=None,
        maker=None,  # set for curated models and their routes: only rated models are ranked
        reasoning_tokens=None,
        prefill_tokens_per_s=None,
        inherited={},
        quality_evidence={},
        ranking_quality={},
        ranked_task_quality={},
        quality_reasons={},
    )


def _quality(values: Any, where: str) -> dict[str, float]:
    if values is None:
        return {}
    if isinstance(values, Mapping):
        unknown = set(values) - set(QUALITY_DIMENSIONS)
        if unknown:
            raise CatalogDataError(
                f"{where}: unknown quality dimension {sorted(unknown)[0]!r}; use {', '.join(QUALITY_DIMENSIONS)}"
            )
        scores = {str(k): float(v) for k, v in values.items()}
    elif isinstance(values, list) and len(values) == len(QUALITY_DIMENSIONS):
        scores = dict(zip(QUALITY_DIMENSIONS, (float(v) for v in values), strict=True))
    else:
        raise CatalogDataError(
            f"{where}: quality must map dimensions to 0-100 scores "
            f"(or list {len(QUALITY_DIMENSIONS)} numbers in order {', '.join(QUALITY_DIMENSIONS)})"
        )
    for name, score in scores.items():
        if not 0 <= score <= 100:
            raise CatalogDataError(f"{where}: quality.{name} is {score:g}; scores run from 0 to 100")
    return scores


_CURATED_FIELDS = (
    "family",
    "tier",
    "open_weights",
    "licence",
    "ttft_ms",
    "tokens_per_s",
    "notes",
    "maker",
    "reasoning_tokens",
    "prefill_tokens_per_s",
)


def _curate(base: ModelEntry, spec: Mapping[str, Any], defaults: Mapping[str, Any], where: str) -> ModelEntry:
    """Apply one overlay/override record to an entry, validating the result."""
    try:
        return ModelEntry.model_validate(_curated_fields(base, spec, defaults, where))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise CatalogDataError(
            f"{where}: field {field!r}: {first['msg']}; correct the value or remove the field"
        ) from None


def _curated_fields(
    base: ModelEntry, spec: Mapping[str, Any], defaults: Mapping[str, Any], where: str
) -> dict[str, Any]:
    data = base.model_dump()
    for name in _CURATED_FIELDS:
        if name in spec:
            data[name] = spec[name]
    if "quality" in spec:
        data["quality"] = _quality(spec["quality"], where)
        data["quality_source"] = spec.get("quality_source", defaults.get("quality_source"))
        # New figures: their evidence and what ranking reads from it are attached later.
        data["quality_evidence"], data["ranking_quality"] = {}, {}
        data["ranked_task_quality"], data["quality_reasons"] = {}, {}
    if any(name in spec for name in ("ttft_ms", "tokens_per_s", "reasoning_tokens", "prefill_tokens_per_s")):
        data["latency_source"] = spec.get("latency_source", defaults.get("latency_source"))
    if not data["quality"]:
        data["quality_source"] = None
    if data["ttft_ms"] is None and data["tokens_per_s"] is None:
        data["latency_source"] = None
    if spec.get("self_hosting") is not None:
        data["self_hosting"] = SelfHosting.model_validate(spec["self_hosting"])
        data["self_hostable"] = True
    if spec.get("video"):
        data["capabilities"] = frozenset(base.capabilities | {"video"})
    if "capabilities" in spec:
        unknown = set(spec["capabilities"]) - set(CAPABILITIES)
        if unknown:
            raise CatalogDataError(f"{where}: unknown capability {sorted(unknown)[0]!r}; use {', '.join(CAPABILITIES)}")
        data["capabilities"] = frozenset(spec["capabilities"])
    for name in ("provider", "max_input_tokens", "max_output_tokens", "mode", "deprecation_date"):
        if name in spec:
            data[name] = spec[name]
    if "prices" in spec:
        data["price_check"] = None  # checked against the map's prices, not these
        data["prices"] = Prices.model_validate({**base.prices.model_dump(), **spec["prices"]})
        data["price_source"] = spec.get("price_source", "overlay")
    if "regions" in spec:
        data["regions"] = tuple(str(r).lower() for r in spec["regions"])
    return data


_CAPABILITY_KEYS = {"vision": "supports_vision", "tools": "supports_function_calling",
                    "json": "supports_response_schema", "reasoning": "supports_reasoning",
                    "audio": "supports_audio_input"}  # fmt: skip


def _inherit_unknowns(route: ModelEntry, model: ModelEntry, raw: Mapping[str, Any]) -> ModelEntry:
    """What the price map leaves blank on a route (context, output limit, capabilities it does
    not list) is the model's own; each borrowed field names where it came from."""
    update: dict[str, Any] = {}
    where = f"{model.id} (same model; this route's own entry has no figure)"
    for name in ("max_input_tokens", "max_output_tokens"):
        if getattr(route, name) is None and getattr(model, name) is not None:
            update[name] = getattr(model, name)
    # Batch and caching depend on this route's prices; the rest is the model's.
    # A capability the route's row explicitly denies stays denied.
    borrowed = {
        name for name in (model.capabilities - route.capabilities) - {"batch", "caching"}
        if _CAPABILITY_KEYS.get(name) not in raw
    }  # fmt: skip
    if borrowed:
        update["capabilities"] = route.capabilities | borrowed
    if not update:
        return route
    inherited = {name: where for name in update if name != "capabilities"}
    inherited.update({f"capability {name}": where for name in sorted(borrowed)})
    return route.model_copy(update={**update, "inherited": {**route.inherited, **inherited}})


def _self_hosted_route(entry: ModelEntry) -> ModelEntry:
    short = entry.canonical.rsplit("/", 1)[-1]
    return entry.model_copy(
        update={
            "id": SELF_HOSTED_PREFIX + short,
            "provider": "self-hosted",
            "prices": Prices(input=0.0, output=0.0),
            "price_source": "self-hosting profile",
            "price_check": None,
            "regions": ("any",),
            "deprecation_date": None,
            "capabilities": entry.capabilities - {"batch", "caching"},
        }
    )


def build_catalog(
    price_map: Mapping[str, Any],
    overlay: Mapping[str, Any],
    *,
    version: str,
    overrides: Mapping[str, Any] | None = None,
    overrides_name: str = "overrides",
    prices_as_of: dt.date | None = None,
    benchmarks: Mapping[str, Any] | None = None,
    models_dev: Mapping[str, Any] | None = None,
    second_prices: Mapping[str, Any] | None = None,
) -> Catalog:
    """The merged catalog; raises CatalogDataError naming the file, entry and field at fault.
    `benchmarks` is the snapshot of public benchmark figures (catalog/data/benchmarks.json);
    `models_dev` the models.dev facts for curated models (catalog/data/models_dev.json);
    `second_prices` genai-prices' prices for the same routes (catalog/data/genai_prices.json)."""
    sources = {
        key: Source.model_validate({"id": key, **value}) for key, value in (overlay.get("sources") or {}).items()
    }
    providers = {
        key: ProviderPolicy.model_validate({"name": key, **value})
        for key, value in (overlay.get("providers") or {}).items()
    }
    defaults = overlay.get("defaults") or {}

    entries: dict[str, ModelEntry] = {}
    for model_id, raw in price_map.items():
        if isinstance(raw, Mapping) and raw.get("mode") in LISTED_MODES:
            entries[model_id] = entry_from_price_map(model_id, raw)

    curated: list[ModelEntry] = []
    by_name: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for index, spec in enumerate(overlay.get("models") or []):
        where = f"overlay models[{index}] ({spec.get('id', '?')})"
        model_id = str(spec["id"])
        base = entries.get(model_id) or ModelEntry(
            id=model_id, provider=str(spec.get("provider", "unknown")), canonical=model_id
        )
        entry = _curate(base.model_copy(update={"canonical": model_id, "maker": maker_of(model_id)}), spec, defaults,
                        where)  # fmt: skip
        entries[model_id] = entry
        curated.append(entry)
        for name in [normalise(model_id), *spec.get("match", [])]:
            by_name.setdefault(name, (model_id, spec))

    for model_id, entry in list(entries.items()):
        if entry.canonical != model_id or entry.rated or not is_variant_worth_matching(model_id):
            continue
        match = by_name.get(normalise(model_id))
        if match is None or match[0] == model_id:
            continue
        canonical_id, spec = match
        inherited = {
            k: v
            for k, v in spec.items()
            if k not in ("id", "prices", "provider", "max_input_tokens", "max_output_tokens", "capabilities")
        }
        route = _curate(
            entry.model_copy(update={"canonical": canonical_id, "maker": entries[canonical_id].maker}),
            inherited,
            defaults,
            f"overlay ({canonical_id})",
        )
        entries[model_id] = _inherit_unknowns(route, entries[canonical_id], price_map.get(model_id) or {})

    facts = facts_by_model(models_dev)
    for model_id, entry in entries.items():
        if entry.canonical in facts:
            entries[model_id] = with_facts(entry, facts[entry.canonical])

    with_price_checks(entries, second_prices)
    benchmarks_as_of = snapshot_date(benchmarks)
    evidence, listed = benchmark_evidence(curated, benchmarks or {}), listed_models(benchmarks)
    shared: dict[tuple[Any, ...], dict[str, Any]] = {}  # routes of one model share its evidence
    for model_id, entry in entries.items():
        if entry.rated:
            key = (entry.canonical, entry.quality_source, tuple(entry.quality.items()))
            if key not in shared:
                shared[key] = evidence_fields(entry.quality, evidence.get(entry.canonical, {}),
                                              sources.get(entry.quality_source or ""), benchmarks_as_of,
                                              entry.canonical in listed,
                                              entry.facts.release_date if entry.facts else None)  # fmt: skip
            entries[model_id] = entry.model_copy(update=shared[key])

    for entry in curated:
        if entry.self_hosting is not None:
            route = _self_hosted_route(entries[entry.id])
            entries[route.id] = route

    catalog = Catalog(
        models=tuple(entries.values()),
        providers=providers,
        sources=sources,
        version=version,
        prices_as_of=prices_as_of,
        benchmarks_as_of=benchmarks_as_of,
    )
    if overrides:
        catalog = apply_overrides(catalog, overrides, overrides_name)
    return catalog


def _non_finite_or_unprintable(value: Any, where: str = "") -> str | None:
    """The first NaN/Infinity or text with control characters in a user's entry, described."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"{where or 'a value'} is not a finite number"
    if isinstance(value, str) and not value.isprintable():
        return f"{where or 'a value'} holds control characters"
    if isinstance(value, Mapping):
        return next(
            (bad for k, v in value.items() if (bad := _non_finite_or_unprintable(v, f"{where}.{k}".lstrip(".")))), None
        )
    if isinstance(value, list | tuple):
        return next((bad for i, v in enumerate(value) if (bad := _non_finite_or_unprintable(v, f"{where}[{i}]"))), None)
    return None


def apply_overrides(catalog: Catalog, overrides: Mapping[str, Any], name: str) -> Catalog:
    """User entries replace fields of existing models or add new ones; measurements are kept apart."""
    if not isinstance(overrides, Mapping):
        raise CatalogDataError(f"{name}: expected a mapping with 'models:' and/or 'measured:' at the top")
    unknown = set(overrides) - {"models", "measured"}
    if unknown:
        raise CatalogDataError(f"{name}: unknown top-level key {sorted(unknown)[0]!r}; use 'models' or 'measured'")
    entries = {entry.id: entry for entry in catalog.models}
    user_defaults = {"quality_source": "user", "latency_source": "user"}
    models = overrides.get("models") or []
    if not isinstance(models, list):
        raise CatalogDataError(f"{name}: 'models' must be a list of entries, each with an 'id'")
    for index, spec in enumerate(models):
        if not isinstance(spec, Mapping) or not spec.get("id"):
            raise CatalogDataError(f"{name}: models[{index}] needs an 'id' (a litellm model string)")
        model_id = str(spec["id"])
        if not model_id.isprintable() or len(model_id) > 200 or " " in model_id:
            raise CatalogDataError(f"{name}: models[{index}]: the id {model_id[:60]!r} must be a model string "
                                   "(printable, no spaces)")  # fmt: skip
        where = f"{name}: models[{index}] ({model_id})"
        if (bad := _non_finite_or_unprintable(spec)) is not None:
            raise CatalogDataError(f"{where}: {bad}; correct the value or remove the field")
        base = entries.get(model_id)
        if base is None:
            if "prices" not in spec or "provider" not in spec:
                raise CatalogDataError(
                    f"{where}: a new model needs 'provider' and 'prices: {{input: .., output: ..}}' (USD per token)"
                )
            base = ModelEntry(id=model_id, provider=str(spec["provider"]), canonical=model_id)
        try:
            entries[model_id] = _curate(base, spec, user_defaults, where)
        except CatalogDataError:
            raise
        except (TypeError, ValueError) as exc:  # a value of the wrong shape (a word for a number, ...)
            raise CatalogDataError(f"{where}: {str(exc).splitlines()[0][:120]}; check the entry's values") from None
    measured = overrides.get("measured") or {}
    if not isinstance(measured, Mapping):
        raise CatalogDataError(f"{name}: 'measured' must map model ids to measured figures")
    for model_id, figures in measured.items():
        where = f"{name}: measured.{model_id}"
        if model_id not in entries:
            continue  # a measurement of a model no longer in the catalog is harmless
        if not isinstance(figures, Mapping):
            raise CatalogDataError(f"{where}: expected ttft_ms / tokens_per_s / win_rate numbers")
        if (bad := _non_finite_or_unprintable(figures)) is not None:
            raise CatalogDataError(f"{where}: {bad}; correct the value or remove it")
        update = {
            "measured_ttft_ms": _float(figures.get("ttft_ms")),
            "measured_tokens_per_s": _float(figures.get("tokens_per_s")),
            "measured_win_rate": _float(figures.get("win_rate")),
        }
        entries[model_id] = entries[model_id].model_copy(update=update)
    user_source = Source(id="user", title=f"your overrides file ({name})", as_of=dt.date.today(), estimate=True)
    for model_id, entry in entries.items():
        if entry.rated and not entry.quality_evidence:
            source = user_source if entry.quality_source == "user" else catalog.sources.get(entry.quality_source or "")
            entries[model_id] = with_evidence(entry, {}, source, catalog.benchmarks_as_of)
    # Built anew (not model_copy) so the catalog's lookup tables are rebuilt too.
    return Catalog(
        models=tuple(entries.values()),
        providers=catalog.providers,
        sources={**catalog.sources, "user": user_source},
        version=catalog.version,
        prices_as_of=catalog.prices_as_of,
        benchmarks_as_of=catalog.benchmarks_as_of,
    )
