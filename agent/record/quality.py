"""What each option's quality figure rests on, per dimension the task weighs: a measurement by the
user, a public benchmark (which one, which figure, which date) or an editorial estimate, penalised."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from catalog.entries import ESTIMATE_PENALTY, ModelEntry, QualityEvidence
from catalog.scoring import MULTILINGUAL_SHARE, TASK_PROFILES


class QualityBasis(BaseModel):
    """One quality dimension of one model, with its share of the task's quality."""

    model_config = ConfigDict(frozen=True)

    dimension: str
    weight: float = Field(ge=0, le=1)
    kind: Literal["measured", "benchmark", "estimate"]
    value: float
    interval: tuple[float, float]
    rests_on: str
    source: str = ""
    as_of: dt.date | None = None
    url: str | None = None


def task_weights(task: str, multilingual: bool) -> dict[str, float]:
    """How much each dimension counts for the task, as the ranking weighs it (catalog/scoring.py)."""
    weights = dict(TASK_PROFILES.get(task, TASK_PROFILES["general"]))
    if multilingual:
        weights = {dim: weight * (1 - MULTILINGUAL_SHARE) for dim, weight in weights.items()}
        weights["multilingual"] = weights.get("multilingual", 0.0) + MULTILINGUAL_SHARE
    return weights


def _rests_on(item: QualityEvidence) -> str:
    if item.kind == "benchmark":
        figures = "; ".join(
            f"{f.benchmark} {f.category} {f.value:g}"
            + (f" [{f.interval[0]:g}-{f.interval[1]:g}]" if f.interval else "")
            + (f" ({f.setting})" if f.setting else "")
            for f in item.figures
        )
        return figures
    if item.kind == "measured":
        return f"measured by you: {item.source}"
    return f"an editorial estimate, no benchmark; ranked {ESTIMATE_PENALTY:g} points lower for it"


def quality_basis(entry: ModelEntry, task: str, multilingual: bool) -> list[QualityBasis]:
    """The task's dimensions for one model, heaviest first; empty when the catalog has no evidence."""
    weights = task_weights(task, multilingual)
    rows = []
    for dim, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
        item = entry.quality_evidence.get(dim)
        if item is None or weight <= 0:
            continue
        rows.append(QualityBasis(dimension=dim, weight=round(weight, 4), kind=item.kind, value=item.value,
                                 interval=item.interval, rests_on=_rests_on(item), source=item.source, as_of=item.as_of,
                                 url=item.url))  # fmt: skip
    return rows


def estimated_share(rows: list[QualityBasis]) -> float:
    """The share of a model's task quality that rests on estimates."""
    return sum(row.weight for row in rows if row.kind == "estimate")
