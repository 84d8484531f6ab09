"""The decision record: a session's outcome as data (JSON, schema-versioned), Markdown (MADR style)
and a LiteLLM router config. Built from the session state and the deterministic tools only."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from agent.advisor.interview import build_requirements
from agent.advisor.state import AdvisorState, RequirementEvent
from agent.record.conversation import InterviewAnswer, summarise
from agent.record.costs import CostTable, cost_projection, cost_table
from agent.record.provider_params import provider_params
from agent.record.quality import QualityBasis, estimated_share, quality_basis
from catalog.entries import Catalog
from catalog.scoring import rank

# 2: the requirements' history, the interview's answers and the questions asked, a cost table per
# option, and what each option's quality rests on. Version-1 records still load (those fields empty).
RECORD_SCHEMA_VERSION = 2
REVIEW_AFTER_DAYS = 90
ROLLBACK_TRIGGERS = [
    "error rate above twice the baseline for 5 minutes or more",
    "user satisfaction down by more than 20%",
    "monthly cost more than 25% over the projection",
    "critical functionality broken, or a manual decision by the team",
]
REEVALUATION_TRIGGERS = [
    "a price change of more than 20% for the chosen model or an alternative",
    "a deprecation date announced for the chosen model",
    "a new model that matches quality at lower cost (tradeoff recheck reports it)",
    "a new requirement: region, compliance regime, modality or 10x volume",
]


class RecordError(ValueError):
    """A decision record we will not load: one line naming the field and what is wrong."""


def _non_finite(value: Any, where: str = "") -> str | None:
    """The path of the first NaN or Infinity anywhere in `value`, if any."""
    if isinstance(value, float) and not math.isfinite(value):
        return where or "(top level)"
    if isinstance(value, dict):
        return next((found for k, v in value.items() if (found := _non_finite(v, f"{where}.{k}".lstrip(".")))), None)
    if isinstance(value, list):
        return next((found for i, v in enumerate(value) if (found := _non_finite(v, f"{where}[{i}]"))), None)
    return None


class DecisionRecord(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)

    schema_version: int = Field(RECORD_SCHEMA_VERSION, ge=1)
    title: str = Field(max_length=500)
    status: Literal["proposed", "accepted", "rejected", "deprecated", "superseded"] = "proposed"
    date: dt.date
    session: str | None = None
    context: list[str] = Field(default_factory=list, description="the problem, in the user's words")
    interview: list[InterviewAnswer] = Field(default_factory=list, description="answers to the advisor's questions")
    questions_asked: list[str] = Field(default_factory=list, description="the user's own questions along the way")
    replies_not_quoted: int = Field(0, ge=0, description="short replies such as 'ok', counted, not quoted")
    requirements: dict[str, Any]
    stated: list[str]
    history: list[RequirementEvent] = Field(default_factory=list, description="how each requirement came about")
    options: list[dict[str, Any]]
    eliminated: list[dict[str, Any]] = Field(default_factory=list)
    chosen: str | None
    why: list[str] = Field(default_factory=list)
    fallback_chain: list[str] = Field(default_factory=list)
    prices: dict[str, dict[str, float | None]] = Field(default_factory=dict, description="USD per token used")
    cost_projection: dict[str, Any] = Field(default_factory=dict)
    costs: CostTable | None = Field(None, description="each option's monthly cost at 1x, 2x and 10x the volume")
    quality_basis: dict[str, list[QualityBasis]] = Field(default_factory=dict, description="model -> what its "
                                                         "quality rests on, per dimension the task weighs")  # fmt: skip
    consequences: dict[str, list[str]] = Field(default_factory=dict)
    trials: list[dict[str, Any]] = Field(default_factory=list)
    votes: list[dict[str, Any]] = Field(default_factory=list)
    significance: list[str] = Field(default_factory=list)
    rollback_triggers: list[str] = Field(default_factory=lambda: list(ROLLBACK_TRIGGERS))
    reevaluate_by: dt.date
    reevaluation_triggers: list[str] = Field(default_factory=lambda: list(REEVALUATION_TRIGGERS))
    citations: list[dict[str, str]] = Field(default_factory=list)
    catalog_version: str
    prices_as_of: dt.date | None = None
    benchmarks_as_of: dt.date | None = None

    @model_validator(mode="before")
    @classmethod
    def _readable(cls, data: Any) -> Any:
        if isinstance(data, dict):
            version = data.get("schema_version", RECORD_SCHEMA_VERSION)
            if isinstance(version, int) and version > RECORD_SCHEMA_VERSION:
                raise RecordError(f"schema_version {version} is from a newer tradeoff (this one reads up to "
                                  f"{RECORD_SCHEMA_VERSION}); upgrade tradeoff to read it")  # fmt: skip
            if (where := _non_finite(data)) is not None:
                raise RecordError(f"field {where!r} holds NaN or Infinity; give a number")
        return data

    @model_validator(mode="after")
    def _requirements_valid(self) -> DecisionRecord:
        """Stated requirements validate exactly as typed input would; nothing bad becomes a default."""
        from pydantic import ValidationError

        from catalog.requirements import Requirements

        unknown = [name for name in self.stated if name not in Requirements.model_fields]
        if unknown:
            raise RecordError(f"field 'stated' names {unknown[0]!r}, which is not a requirement")
        missing = [name for name in self.stated if name not in self.requirements]
        if missing:
            raise RecordError(f"field 'stated' names {missing[0]!r}, which 'requirements' does not give")
        try:
            # every value the record gives, stated or not: an edited default (cache_hit_rate 7) is refused
            # aloud rather than dropped on import
            Requirements.model_validate({k: v for k, v in self.requirements.items() if k in Requirements.model_fields})
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"])
            message = str(error["msg"]).removeprefix("Value error, ")
            raise RecordError(f"field 'requirements.{field}': {message}") from None
        for model, prices in self.prices.items():
            if any(value is not None and value < 0 for value in prices.values()):
                raise RecordError(f"field 'prices.{model}': a price below 0")
        for field, rows in (("options", self.options), ("trials", self.trials)):
            for index, row in enumerate(rows):
                if (problem := _row_problem(row)) is not None:
                    raise RecordError(f"field '{field}[{index}]': {problem}")
        return self


_MEASURES = ("score", "monthly_cost_usd", "ttft_ms", "latency_ms", "output_tokens", "input_tokens", "tokens_per_s",
             "cost_usd", "quality")  # fmt: skip


def _row_problem(row: dict[str, Any]) -> str | None:
    """What is wrong with one option or trial row: a model that is not a name, a measure below 0."""
    model = row.get("model")
    if not isinstance(model, str) or not model or not model.isprintable():
        return "'model' must be a model name"
    for key in _MEASURES:
        value = row.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value < 0):
            return f"'{key}' must be a number >= 0"
    return None


def _quality_consequence(model: str, task: str, rows: list[QualityBasis], snapshot: dt.date | None) -> tuple[str, str]:
    """('good' or 'bad', a line on what the chosen model's quality rests on)."""
    measured = sum(row.weight for row in rows if row.kind == "measured")
    estimated = estimated_share(rows)
    when = f"the benchmark snapshot of {snapshot.isoformat()}" if snapshot else "no benchmark snapshot"
    if estimated:
        dims = ", ".join(row.dimension.replace("_", " ") for row in rows if row.kind == "estimate")
        return "bad", (f"{estimated:.0%} of {model}'s {task} quality rests on editorial estimates ({dims}), ranked "
                       "lower for it: confirm with a trial on your own prompts")  # fmt: skip
    if measured >= 1 - 1e-9:
        return "good", f"{model}'s {task} quality is measured by you, on your own prompts"
    return "bad", (
        f"{model}'s {task} quality rests on public benchmarks ({when}), not on your workload: "
        "confirm with a trial on your own prompts"
    )


def _consequences(
    options: list[dict[str, Any]], catalog: Catalog, task: str, basis: dict[str, list[QualityBasis]]
) -> dict[str, list[str]]:
    if not options:
        return {"good": [], "bad": ["no model meets every hard constraint"]}
    best = options[0]
    entry = catalog.get(best["model"])
    # The quality line is the long one; the section on what quality rests on gives it in full.
    good = [reason for reason in best["reasons"] if not reason.startswith("quality:")][:3]
    bad = []
    if not best["within_budget"]:
        bad.append("the chosen model is over the stated budget")
    if entry is not None and not entry.open_weights:
        bad.append("proprietary weights: moving off this provider means re-testing another model")
    if rows := basis.get(best["model"]):
        kind, line = _quality_consequence(best["model"], task, rows, catalog.benchmarks_as_of)
        (good if kind == "good" else bad).append(line)
    if entry is not None and entry.deprecation_date is not None:
        bad.append(f"deprecation date on record: {entry.deprecation_date.isoformat()}")
    return {"good": good, "bad": bad or ["none found by the tools; watch the re-evaluation triggers"]}


def build_record(state: AdvisorState, catalog: Catalog, today: dt.date, session: str | None = None) -> DecisionRecord:
    from agent.advisor.recommendation import citations_for
    from agent.trials.stats import tallied_votes, win_rate_lines

    requirements = build_requirements(state.requirements)
    ranking = rank(catalog, requirements, today, top=5)
    options: list[dict[str, Any]] = [
        {"model": r.model, "provider": r.provider, "score": r.score, "subscores": r.subscores,
         "monthly_cost_usd": r.monthly_cost_usd, "within_budget": r.within_budget, "ttft_ms": r.ttft_ms,
         "quality": r.quality, "reasons": list(r.reasons), "tier_advice": r.tier_advice}
        for r in ranking.ranked
    ]  # fmt: skip
    chosen = ranking.ranked[0].model if ranking.ranked else None
    # The chain: the choice, the fallback from another provider, then the best from a third provider.
    chain: list[str] = [chosen] if chosen else []
    if ranking.fallback:
        chain.append(ranking.fallback)
    used = {r.provider for r in ranking.ranked if r.model in chain}
    chain += [r.model for r in ranking.ranked if r.model not in chain and r.provider not in used][:1]
    prices: dict[str, dict[str, float | None]] = {}
    for model in sorted({r.model for r in ranking.ranked} | set(chain)):
        entry = catalog.get(model)
        if entry is not None:
            prices[model] = {"input": entry.prices.input, "output": entry.prices.output}
    votes = tallied_votes(state.votes)
    said = summarise(state.messages, {event.turn for event in state.history})
    basis = {model: rows for model in dict.fromkeys([*(o["model"] for o in options), *chain])
             if (entry := catalog.get(model)) is not None
             and (rows := quality_basis(entry, requirements.task, bool(requirements.languages)))}  # fmt: skip
    return DecisionRecord(
        title=f"Model choice for {requirements.task}: {chosen or 'no model qualifies'}",
        date=today,
        session=session,
        context=said.said,
        interview=said.answers,
        questions_asked=said.questions,
        replies_not_quoted=said.unquoted,
        requirements=requirements.model_dump(mode="json"),
        stated=sorted(state.requirements),
        history=list(state.history),
        options=options,
        eliminated=[{"model": e.model, "reasons": list(e.reasons)} for e in ranking.eliminated],
        chosen=chosen,
        why=options[0]["reasons"] if options else [],
        fallback_chain=chain,
        prices=prices,
        cost_projection=cost_projection(catalog, options, requirements),
        costs=cost_table(catalog, requirements, [o["model"] for o in options], ranking.fallback) if options else None,
        quality_basis=basis,
        consequences=_consequences(options, catalog, requirements.task, basis),
        trials=list(state.trials),
        votes=list(state.votes),
        significance=win_rate_lines(votes) if votes else [],
        reevaluate_by=today + dt.timedelta(days=REVIEW_AFTER_DAYS),
        citations=citations_for(requirements),
        catalog_version=catalog.version,
        prices_as_of=catalog.prices_as_of,
        benchmarks_as_of=catalog.benchmarks_as_of,
    )


def litellm_config(record: DecisionRecord, catalog: Catalog) -> dict[str, Any]:
    """A LiteLLM Router / proxy config: the chosen model, its fallbacks, retries and timeouts.
    Keys are references to environment variables (os.environ/NAME), never values."""
    model_list = []
    allowed = build_requirements(record.requirements).effective_regions  # EU residency implies the EU
    for index, model in enumerate(record.fallback_chain):
        entry = catalog.get(model)
        provider = entry.provider if entry else model.split("/", 1)[0] if "/" in model else "openai"
        extra, note = provider_params(provider, allowed)
        params = {"model": model, "timeout": 30, "max_retries": 0, **extra}
        name = "primary" if index == 0 else f"fallback-{index}"
        item: dict[str, Any] = {"model_name": name, "litellm_params": params}
        if note:
            item["model_info"] = {"tradeoff_region": note}  # LiteLLM keeps model_info as given
        model_list.append(item)
    names = [item["model_name"] for item in model_list]
    return {
        "model_list": model_list,
        "router_settings": {"num_retries": 2, "timeout": 30, "retry_after": 1,
                            "fallbacks": [{"primary": names[1:]}] if len(names) > 1 else []},
        "litellm_settings": {"num_retries": 2, "request_timeout": 30, "drop_params": True},
    }  # fmt: skip
