"""How much of the quality a user meets rests on a benchmark: the models the rankings recommend most,
and per quality figure of theirs whether it is a benchmark or an estimate (issue #15's check).

"Most recommended" is counted the way a user meets models: every task, under every priority preset,
with each of a few typical requirement sets; a model scores one appearance per ranking whose top 5
it reaches (best route per model, as the shortlist shows them).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from catalog.entries import Catalog
from catalog.requirements import PRIORITY_PRESETS, TASKS, Priorities, Requirements
from catalog.scoring import rank

TOP = 5
# What developers most often add to a bare task (each on its own): structured output, tools,
# open weights, no training on their data, a long context, a tight first-token time.
TYPICAL_REQUIREMENTS: tuple[Mapping[str, Any], ...] = (
    {},
    {"needs": ["json"]},
    {"needs": ["tools"]},
    {"open_weights": True},
    {"privacy": "no-training"},
    {"min_context": 200_000},
    {"max_ttft_ms": 1_000},
)


@dataclass(frozen=True, slots=True)
class Coverage:
    models: tuple[tuple[str, int], ...]  # (canonical id, top-5 appearances), most first
    rankings: int
    benchmark: int
    estimate: int
    undated: tuple[str, ...]  # "model dimension" of figures missing a source address or a date

    @property
    def share(self) -> float:
        total = self.benchmark + self.estimate
        return self.benchmark / total if total else 0.0


def most_recommended(catalog: Catalog, today: dt.date, count: int = 30) -> tuple[list[tuple[str, int]], int]:
    """The `count` models that reach a top 5 most often across tasks, presets and typical needs,
    with their appearance counts (ties broken by id), and how many rankings were counted."""
    appearances: Counter[str] = Counter()
    rankings = 0
    for task in TASKS:
        for preset in PRIORITY_PRESETS:
            priorities = Priorities.preset(preset)
            for extra in TYPICAL_REQUIREMENTS:
                requirements = Requirements.model_validate({"task": task, "priorities": priorities, **extra})
                rankings += 1
                appearances.update(item.canonical for item in rank(catalog, requirements, today, top=TOP).ranked)
    ordered = sorted(appearances.items(), key=lambda pair: (-pair[1], pair[0]))
    return ordered[:count], rankings


def coverage(catalog: Catalog, today: dt.date, count: int = 30) -> Coverage:
    """Benchmark vs estimate per non-zero quality figure of the most-recommended models (a figure of
    0 is a capability the model lacks, not a quality judgement)."""
    models, rankings = most_recommended(catalog, today, count)
    kinds: Counter[str] = Counter()
    undated = []
    for model, _ in models:
        entry = catalog.get(model)
        assert entry is not None, model
        for dim, item in entry.quality_evidence.items():
            if item.value <= 0:
                continue
            kinds[item.kind] += 1
            if not item.url or item.as_of is None:
                undated.append(f"{model} {dim}")
    return Coverage(tuple(models), rankings, kinds["benchmark"], kinds["estimate"], tuple(undated))
