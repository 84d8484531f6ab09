"""Per-task quality from public benchmarks: which leaderboard category measures which dimension,
how its figures are put on the catalog's 0-100 scale, and how several are combined.

The rule, in words (the README says the same):
- A dimension's measures are the leaderboard categories in `DIMENSION_MEASURES`. A LiveBench
  category (or a named set of its tasks, `LIVEBENCH_TASK_SETS`) is the mean of its tasks in the
  newest table that lists the model, with an interval of 1.96 standard errors across those tasks;
  LMArena gives a rating and its published 95% interval; Aider a pass rate with a 95% Wilson
  interval from its counts.
- Why the less obvious pairs: tool use is measured by the agentic coding benchmarks (LiveBench
  Agentic Coding and Aider polyglot both have the model act through a protocol, a shell or an edit
  format, over turns with feedback); long documents by LMArena's long queries (prompts of 500+
  tokens) and LiveBench's two tasks that hand the model a whole passage to work through (reorder a
  shuffled plot synopsis, fix the typos in an abstract without rewriting it).
- Each (measure, dimension) is rescaled linearly so that the catalog models it covers keep the
  mean and spread of their editorial estimates: the benchmark sets the order and the gaps, the
  estimates only set the scale. A measure covering fewer than `MIN_CALIBRATION_MODELS` is unused.
  An older LiveBench table is calibrated on every model it lists, including those whose figure
  comes from the newer table.
- Several measures combine by their plain mean; the interval spans every measure's own rescaled
  interval (the sources' spread plus their published uncertainty), clamped to 0-100.
- Where no measure covers a model's dimension, the editorial estimate stays, labelled an
  estimate, with an interval of +/-`ESTIMATE_HALF_WIDTH`, and it ranks `ESTIMATE_PENALTY` points
  lower than its figure.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from catalog.entries import (
    ESTIMATE_PENALTY,
    BenchmarkFigure,
    ModelEntry,
    QualityEvidence,
    Source,
)
from catalog.scoring import MULTILINGUAL_SHARE, TASK_PROFILES

ESTIMATE_HALF_WIDTH = 10.0
# An editorial estimate has no web page: its address is the project file it is written in.
EDITORIAL_ADDRESS = "catalog/data/overlay.yaml (tradeoff's curated overlay)"
MIN_CALIBRATION_MODELS = 4
LMARENA_LANGUAGES = ("chinese", "french", "german", "japanese", "korean", "russian", "spanish")

# dimension -> (leaderboard, category) pairs that measure it. "livebench" is whichever LiveBench
# table lists the model (newest first); its categories are LiveBench's own task groups.
DIMENSION_MEASURES: dict[str, tuple[tuple[str, str], ...]] = {
    "reasoning": (("livebench", "Reasoning"), ("livebench", "Mathematics"), ("lmarena-text", "hard_6"),
                  ("lmarena-text", "math")),
    "coding": (("livebench", "Coding"), ("livebench", "Agentic Coding"), ("lmarena-text", "coding"),
               ("aider-polyglot", "polyglot")),
    "creative_writing": (("lmarena-text", "creative_writing"), ("livebench", "IF")),
    "long_document": (("lmarena-text", "long_user"), ("livebench", "passages")),
    "classification": (),
    "extraction": (("livebench", "Data Analysis"), ("lmarena-text", "if")),
    "vision": (("lmarena-vision", "full"),),
    "multilingual": (("lmarena-text", "languages"),),
    "tool_use": (("livebench", "Agentic Coding"), ("aider-polyglot", "polyglot")),
}  # fmt: skip
LIVEBENCH_SOURCES = ("livebench-2026-01-08", "livebench-2025-05-30")  # newest first
# Named sets of LiveBench tasks measured together, across its own categories.
LIVEBENCH_TASK_SETS = {"passages": ("plot_unscrambling", "typos")}
CATEGORY_NAMES = {"hard_6": "hard prompts", "long_user": "long queries", "if": "instruction following",
                  "full": "overall", "polyglot": "polyglot pass rate", "languages": "non-English languages",
                  "creative_writing": "creative writing", "IF": "instruction following (writing tasks)",
                  "passages": "whole-passage tasks (plot unscrambling, typos)"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """A measure's value for one model, before rescaling."""

    value: float
    low: float
    high: float
    figures: tuple[Mapping[str, Any], ...]


def _livebench_groups(figures: list[Mapping[str, Any]], group: str) -> list[tuple[str, Reading]]:
    """(table, reading) for every LiveBench table that lists the model, newest first."""
    found = []
    wanted = LIVEBENCH_TASK_SETS.get(group)
    for source in LIVEBENCH_SOURCES:
        tasks = [f for f in figures if f["source"] == source
                 and (f["category"] in wanted if wanted else f["group"] == group)]  # fmt: skip
        if tasks:
            values = [float(f["value"]) for f in tasks]
            mean = statistics.fmean(values)
            half = 1.96 * statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
            found.append((source, Reading(mean, max(0.0, mean - half), min(100.0, mean + half), tuple(tasks))))
    return found


def _readings(figures: list[Mapping[str, Any]], board: str, category: str) -> list[tuple[str, Reading]]:
    """(the measure's source key, its reading) for one model, newest LiveBench table first; empty
    when the measure does not cover the model."""
    if board == "livebench":
        return [(f"{source}:{category}", reading) for source, reading in _livebench_groups(figures, category)]
    wanted = LMARENA_LANGUAGES if category == "languages" else (category,)
    rows = [f for f in figures if f["source"] == board and f["group"] in wanted]
    if not rows:
        return []
    lows = [float(f["interval"][0]) if f["interval"] else float(f["value"]) for f in rows]
    highs = [float(f["interval"][1]) if f["interval"] else float(f["value"]) for f in rows]
    reading = Reading(statistics.fmean(float(f["value"]) for f in rows), statistics.fmean(lows),
                      statistics.fmean(highs), tuple(rows))  # fmt: skip
    return [(f"{board}:{category}", reading)]


@dataclass(frozen=True, slots=True)
class Scale:
    """quality = offset + slope * figure, fitted on the models a measure covers."""

    offset: float
    slope: float
    models: int

    def __call__(self, value: float) -> float:
        return self.offset + self.slope * value


def _calibrate(pairs: list[tuple[float, float]]) -> Scale | None:
    """Match the covered models' benchmark figures to the mean and spread of their estimates."""
    if len(pairs) < MIN_CALIBRATION_MODELS:
        return None
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    spread_x = statistics.pstdev(xs)
    if spread_x == 0:
        return None
    slope = statistics.pstdev(ys) / spread_x
    return Scale(statistics.fmean(ys) - slope * statistics.fmean(xs), slope, len(pairs))


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def _category_label(board: str, category: str) -> str:
    return CATEGORY_NAMES.get(category, category)


def benchmark_evidence(
    models: Iterable[ModelEntry], snapshot: Mapping[str, Any]
) -> dict[str, dict[str, QualityEvidence]]:
    """Catalog model id -> dimension -> benchmark evidence, for the curated models the snapshot covers."""
    by_model: dict[str, list[Mapping[str, Any]]] = {}
    for figure in snapshot.get("figures") or ():
        by_model.setdefault(str(figure["model"]), []).append(figure)
    estimates = {entry.id: entry.quality for entry in models if entry.quality}
    readings: dict[str, dict[str, dict[str, Reading]]] = {}  # model -> dim -> measure key -> reading
    # Every table a model is in calibrates that table's scale, though the model's figure comes from the newest.
    calibration: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for model_id, figures in by_model.items():
        if model_id not in estimates:
            continue
        for dim, measures in DIMENSION_MEASURES.items():
            for board, category in measures:
                found = _readings(figures, board, category)
                if found:
                    readings.setdefault(model_id, {}).setdefault(dim, {})[found[0][0]] = found[0][1]
                if estimates[model_id].get(dim):
                    for key, reading in found:
                        calibration.setdefault((dim, key), []).append((reading.value, estimates[model_id][dim]))
    scales = {measure: _calibrate(pairs) for measure, pairs in calibration.items()}
    result: dict[str, dict[str, QualityEvidence]] = {}
    for model_id, per_dim in readings.items():
        for dim, measured in per_dim.items():
            if not estimates[model_id].get(dim):
                continue  # an estimate of 0 means the model cannot do it (no image input): keep it
            evidence = _combine(dim, measured, scales, estimates[model_id][dim])
            if evidence is not None:
                result.setdefault(model_id, {})[dim] = evidence
    return result


def _combine(
    dim: str, measured: Mapping[str, Reading], scales: Mapping[tuple[str, str], Scale | None], estimate: float
) -> QualityEvidence | None:
    figures: list[BenchmarkFigure] = []
    values: list[float] = []
    lows: list[float] = []
    highs: list[float] = []
    dates: list[dt.date] = []
    for key in sorted(measured):
        scale = scales.get((dim, key))
        if scale is None:
            continue
        reading = measured[key]
        value, low, high = _clamp(scale(reading.value)), _clamp(scale(reading.low)), _clamp(scale(reading.high))
        values.append(value)
        lows.append(low)
        highs.append(high)
        first = reading.figures[0]
        board, category = key.split(":", 1)
        dates.extend(dt.date.fromisoformat(str(f["as_of"])) for f in reading.figures)
        figures.append(BenchmarkFigure(
            benchmark=str(first["benchmark"]), category=_category_label(board, category),
            leaderboard_name=str(first["name"]), setting=first.get("setting"), value=round(reading.value, 1),
            interval=(round(reading.low, 1), round(reading.high, 1)) if reading.high > reading.low else None,
            rescaled=round(value, 1), rescaled_interval=(round(low, 1), round(high, 1)),
            as_of=max(dt.date.fromisoformat(str(f["as_of"])) for f in reading.figures), url=str(first["url"]),
        ))  # fmt: skip
    if not values:
        return None
    value = statistics.fmean(values)
    names = "; ".join(f"{f.benchmark} {f.category}" for f in figures)
    return QualityEvidence(
        value=round(value, 1),
        kind="benchmark",
        interval=(round(min(lows), 1), round(max(highs), 1)),
        source=names,
        url=figures[0].url,
        as_of=min(dates),
        basis=f"public benchmark{'s' if len(figures) > 1 else ''}, rescaled to the catalog's 0-100 scale; "
        "not measured on your workload",
        figures=tuple(figures),
        estimate=estimate,
    )


def estimate_evidence(
    value: float,
    source: Source | None,
    snapshot_as_of: dt.date | None,
    listed: bool = True,
    released: dt.date | None = None,
) -> QualityEvidence:
    """An editorial (or user) estimate kept where no benchmark covers the dimension; `listed` says
    whether the model is on any leaderboard at all, `released` when it came out (models.dev)."""
    when = f" (as of {snapshot_as_of.isoformat()})" if snapshot_as_of else ""
    if source is not None and source.id == "user":
        basis = "your own estimate from your overrides file; not a measurement"
    elif listed:
        basis = f"editorial estimate: no benchmark in the snapshot{when} covers this; not a measurement"
    elif released is not None and snapshot_as_of is not None and released > snapshot_as_of:
        basis = (f"editorial estimate: released {released.isoformat()}, after the benchmark snapshot{when}, so "
                 "no leaderboard in it measured this model, and it borrows no predecessor's score; "
                 "not a measurement")  # fmt: skip
    elif released is not None:
        basis = (f"editorial estimate: released {released.isoformat()}; no leaderboard in the snapshot{when} lists "
                 "the model it serves now, and it borrows no predecessor's score; not a measurement")  # fmt: skip
    else:
        basis = (f"editorial estimate: this model is on no leaderboard in the snapshot{when}, and borrows no "
                 "other model's score; not a measurement")  # fmt: skip
    return QualityEvidence(
        value=value,
        kind="estimate",
        interval=(_clamp(value - ESTIMATE_HALF_WIDTH), _clamp(value + ESTIMATE_HALF_WIDTH)),
        source=source.title if source else "unknown",
        url=source.url or (None if source.id == "user" else EDITORIAL_ADDRESS) if source else None,
        as_of=source.as_of if source else None,
        basis=basis,
        estimate=value,
    )


def with_evidence(
    entry: ModelEntry,
    benchmarks: Mapping[str, QualityEvidence],
    source: Source | None,
    snapshot_as_of: dt.date | None,
    listed: bool = True,
) -> ModelEntry:
    """The entry with one evidence record per quality dimension and the figures ranking uses."""
    released = entry.facts.release_date if entry.facts else None
    return entry.model_copy(update=evidence_fields(entry.quality, benchmarks, source, snapshot_as_of, listed, released))


def evidence_fields(
    quality: Mapping[str, float],
    benchmarks: Mapping[str, QualityEvidence],
    source: Source | None,
    snapshot_as_of: dt.date | None,
    listed: bool = True,
    released: dt.date | None = None,
) -> dict[str, Any]:
    """The ModelEntry fields `with_evidence` sets; routes of one model share them."""
    evidence = {
        dim: benchmarks.get(dim) or estimate_evidence(value, source, snapshot_as_of, listed, released)
        for dim, value in quality.items()
    }
    ranked = {dim: item.ranking_value for dim, item in evidence.items()}
    per_task = {}
    for task, weights in TASK_PROFILES.items():
        plain = sum(ranked.get(dim, 0.0) * weight for dim, weight in weights.items())
        other_languages = (1 - MULTILINGUAL_SHARE) * plain + MULTILINGUAL_SHARE * ranked.get("multilingual", 0.0)
        per_task[task] = (plain, other_languages)
    return {
        "quality": {dim: item.value for dim, item in evidence.items()},
        "quality_evidence": evidence,
        "ranking_quality": ranked,
        "ranked_task_quality": per_task,
        "quality_reasons": {task: _reason(evidence, weights) for task, weights in TASK_PROFILES.items()},
    }


def listed_models(snapshot: Mapping[str, Any] | None) -> frozenset[str]:
    """Catalog ids the snapshot has any figure for."""
    return frozenset(str(f["model"]) for f in (snapshot or {}).get("figures") or ())


def snapshot_date(snapshot: Mapping[str, Any] | None) -> dt.date | None:
    if not snapshot or not snapshot.get("as_of"):
        return None
    return dt.date.fromisoformat(str(snapshot["as_of"]))


def _reason(evidence: Mapping[str, QualityEvidence], weights: Mapping[str, float]) -> str:
    """What a task-quality figure rests on, for a "why" line."""
    parts: list[str] = []
    benchmarked = [dim for dim in weights if dim in evidence and evidence[dim].kind == "benchmark"]
    estimated = [dim for dim in weights if dim in evidence and evidence[dim].kind == "estimate"]
    for dim in benchmarked:
        item = evidence[dim]
        figures = ", ".join(
            f"{f.benchmark.split()[0]} {f.category} {f.value:g}" + (" (higher setting)" if f.setting else "")
            for f in item.figures
        )
        parts.append(f"{dim} {item.value:.0f} benchmark, 95% {item.interval[0]:.0f}-{item.interval[1]:.0f}: "
                     f"{figures}, as of {item.as_of}")  # fmt: skip
    for dim in estimated:
        item = evidence[dim]
        label = "your override" if item.basis.startswith("your own") else "estimate"
        when = f" as of {item.as_of}" if item.as_of and label == "estimate" else ""
        parts.append(f"{dim} {item.value:.0f} {label}{when}, no benchmark, +/-{ESTIMATE_HALF_WIDTH:.0f}")
    penalty = sum(weights[dim] * ESTIMATE_PENALTY for dim in estimated)
    if penalty:
        parts.append(f"ranked {penalty:.1f} lower for the estimates")
    return "; ".join(parts)


def evidence_json(entry: ModelEntry) -> dict[str, Any]:
    """Per dimension: {value, source, url, as_of, kind, interval, basis, figures} (SPEC §11)."""
    return {dim: item.model_dump(mode="json") for dim, item in entry.quality_evidence.items()}


def evidence_lines(entry: ModelEntry, benchmarks_as_of: dt.date | None) -> list[str]:
    """Each quality figure with what it rests on, one dimension per line and one per figure."""
    if not entry.quality_evidence:
        return []
    snapshot = f"benchmark snapshot as of {benchmarks_as_of}" if benchmarks_as_of else "no benchmark snapshot"
    lines = [f"quality (0-100; {snapshot}; estimates rank {ESTIMATE_PENALTY:g} points lower):"]
    for dim, item in entry.quality_evidence.items():
        low, high = item.interval
        lines.append(f"  {dim} {item.value:.0f} [{low:.0f}-{high:.0f}] {item.kind}: {item.basis}")
        if item.kind != "benchmark":
            when = f", as of {item.as_of}" if item.as_of else ""
            where = f"; {item.url}" if item.url else ""
            lines.append(f"    source: {item.source}{when}{where}")
        for figure in item.figures:
            published = f" (95% {figure.interval[0]:g}-{figure.interval[1]:g})" if figure.interval else ""
            setting = f", run at {figure.setting}" if figure.setting else ""
            lines.append(
                f"    source: {figure.benchmark}, {figure.category}: {figure.value:g}{published} "
                f"as {figure.leaderboard_name!r}{setting}, as of {figure.as_of} -> {figure.rescaled:.0f}; {figure.url}"
            )
    return lines
