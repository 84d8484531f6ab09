"""Your blind votes in the ranking: measured ahead of public benchmarks, benchmarks ahead of estimates.

The rule: among the models you rated with at least `MIN_VOTES` votes each (two or more of them),
each task's quality keeps its mean over those models, and each model moves from that mean by
`QUALITY_PER_ELO` quality points per point of your Bradley-Terry rating above or below the
models' mean rating. So your votes set the order and the gaps between the models you tried, on
the scale the rest of the catalog uses; models you did not try keep their figures.
`QUALITY_PER_ELO` is the median slope at which LMArena's categories map onto the catalog's scale
in the benchmark snapshot (0.08-0.17 across its categories).
Ratings are only comparable among models linked by votes (directly or through others), so the
rule applies within each such group on its own; a group of one model changes nothing.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from catalog.entries import Catalog, ModelEntry

MIN_VOTES = 10
QUALITY_PER_ELO = 0.15


@dataclass(frozen=True, slots=True)
class MeasuredRating:
    """One model's standing on your leaderboard."""

    rating: float
    low: float
    high: float
    votes: int
    group: str = ""  # models with the same group were compared, directly or through others


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def with_measured_quality(catalog: Catalog, ratings: Mapping[str, MeasuredRating]) -> Catalog:
    """The catalog with your ratings applied to every route of each model you rated (keys are the
    model strings you voted on; a string the catalog does not know is left out)."""
    groups: dict[str, dict[str, MeasuredRating]] = {}
    for model, rating in ratings.items():
        entry = _resolve(catalog, model)
        if entry is not None and entry.rated and rating.votes >= MIN_VOTES:
            groups.setdefault(rating.group, {})[entry.canonical] = rating
    measured = {model: rating for group in groups.values() if len(group) >= 2 for model, rating in group.items()}
    if not measured:
        return catalog
    shifted: dict[str, dict[str, tuple[float, float]]] = {model: {} for model in measured}
    reasons: dict[str, dict[str, str]] = {model: {} for model in measured}
    for group in groups.values():
        if len(group) >= 2:
            _shift(catalog, group, shifted, reasons)
    models = []
    for entry in catalog.models:
        if entry.canonical in measured and entry.rated:
            models.append(_measured(entry, shifted[entry.canonical], reasons[entry.canonical]))
        else:
            models.append(entry)
    return Catalog(models=tuple(models), providers=catalog.providers, sources=catalog.sources,
                   version=catalog.version, prices_as_of=catalog.prices_as_of,
                   benchmarks_as_of=catalog.benchmarks_as_of)  # fmt: skip


def _shift(
    catalog: Catalog,
    group: Mapping[str, MeasuredRating],
    shifted: dict[str, dict[str, tuple[float, float]]],
    reasons: dict[str, dict[str, str]],
) -> None:
    """Each task's quality for one group of models you compared: their mean kept, your ratings the gaps."""
    canonical = {model: catalog.get(model) for model in group}
    mean_rating = statistics.fmean(r.rating for r in group.values())
    tasks = next(iter(canonical.values())).ranked_task_quality.keys()  # type: ignore[union-attr]
    for task in tasks:
        base = {m: e.ranked_task_quality[task] for m, e in canonical.items() if e is not None}
        mean_quality = statistics.fmean(plain for plain, _ in base.values())
        for model, rating in group.items():
            plain, languages = base[model]
            new = _clamp(mean_quality + QUALITY_PER_ELO * (rating.rating - mean_rating))
            shifted[model][task] = (new, _clamp(languages + new - plain))
            reasons[model][task] = (
                f"measured by you: rating {rating.rating:.0f} (95% {rating.low:.0f}-{rating.high:.0f}) over "
                f"{rating.votes} blind votes among {len(group)} models you rated, {plain:.0f} -> {new:.0f}; "
                f"before your votes: {{before}}"
            )


def _resolve(catalog: Catalog, model: str) -> ModelEntry | None:
    """The catalog entry a trial's model string names: as written, without a LiteLLM provider
    prefix (`openai/gpt-4.1`), or a local model under the name the overlay serves it by."""
    bare = model.split("/", 1)[1] if "/" in model else model
    for candidate in (model, bare, f"openai/{bare}" if model.startswith("local/") else None):
        entry = catalog.get(candidate) if candidate else None
        if entry is not None:
            return entry
    return None


def _measured(entry: ModelEntry, per_task: dict[str, tuple[float, float]], reasons: dict[str, str]) -> ModelEntry:
    return entry.model_copy(update={
        "ranked_task_quality": {**entry.ranked_task_quality, **per_task},
        "quality_reasons": {task: text.replace("{before}", entry.quality_reasons.get(task, "no figure"))
                            for task, text in reasons.items()},
    })  # fmt: skip
