"""Economics plans (issue #16): fine-tuning payback, distillation break-even, self-hosting and TCO,
each with the course's defaults stated as assumptions with their ranges and a one-sentence verdict."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from catalog.cost import (
    DEFAULT_OPERATIONS_USD_MONTH,
    TARGET_UTILISATION,
    SelfHostBreakEven,
    distillation_break_even,
    fine_tuning_roi,
    total_cost_of_ownership,
)
from catalog.display import money
from catalog.requirements import DAYS_PER_MONTH

# Module 2.2, lesson 3: data preparation $5K-$20K, compute $1K-$10K a run, 3-5 runs, $10K-$50K in all.
DATA_PREP_USD = (5_000.0, 20_000.0)
COMPUTE_PER_RUN_USD = (1_000.0, 10_000.0)
RUNS = (3, 5)
PROJECT_USD = (10_000.0, 50_000.0)
ACCURACY_GAIN = (0.20, 0.40)
DISTILL_CHEAPER_BY = (10.0, 100.0)
DEFAULT_CHEAPER_BY = 30.0  # about the geometric middle of 10-100x
HORIZON_MONTHS = 12.0  # new base models arrive every few months: a payback past a year rarely happens
SOURCES = {"finetune": ("module/2.2.3",), "distill": ("module/2.2.3",), "selfhost": ("guide/open-source-models",
           "guide/cost-considerations"), "tco": ("guide/cost-considerations",)}  # fmt: skip


def _mid(pair: tuple[float, float]) -> float:
    return (pair[0] + pair[1]) / 2


@dataclass(frozen=True)
class Assumption:
    what: str
    value: str
    range: str | None  # the span to expect, and whose it is
    stated: bool  # True when the user gave it; otherwise a default

    def line(self) -> str:
        origin = "stated" if self.stated else "assumed"
        span = f"; {self.range}" if self.range else ""
        return f"{self.what}: {self.value} ({origin}{span})"


@dataclass(frozen=True)
class Plan:
    kind: str
    figures: dict[str, Any]
    assumptions: tuple[Assumption, ...]
    conclusion: str
    sources: tuple[str, ...] = ()
    arithmetic: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"assumptions": [asdict(a) | {"line": a.line()} for a in self.assumptions]}


def _per_day(monthly_requests: float) -> str:
    return f"{monthly_requests / DAYS_PER_MONTH:,.0f} requests/day"


def project_cost(
    investment_usd: float | None = None, data_prep_usd: float | None = None, compute_per_run_usd: float | None = None,
    runs: int | None = None,
) -> tuple[float, list[Assumption]]:  # fmt: skip
    """A fine-tuning project's cost: stated as a whole, or built from the course's three parts."""
    if investment_usd is not None:
        return investment_usd, [Assumption("project cost", money(investment_usd), "course: $10K-$50K in all", True)]
    prep = _mid(DATA_PREP_USD) if data_prep_usd is None else data_prep_usd
    per_run = _mid(COMPUTE_PER_RUN_USD) if compute_per_run_usd is None else compute_per_run_usd
    count = 4 if runs is None else runs
    return prep + count * per_run, [
        Assumption("training data preparation", money(prep), "course: $5K-$20K", data_prep_usd is not None),
        Assumption("compute per training run", money(per_run), "course: $1K-$10K a run",
                   compute_per_run_usd is not None),
        Assumption("training runs", str(count), "course: 3-5 runs of iteration", runs is not None),
    ]


def finetune(
    current_usd_month: float, tuned_usd_month: float, requests_per_day: float | None = None, *,
    investment_usd: float | None = None, data_prep_usd: float | None = None,
    compute_per_run_usd: float | None = None, runs: int | None = None, accuracy_gain: float | None = None,
    retry_rate: float = 0.0, horizon_months: float | None = None,
) -> Plan:  # fmt: skip
    """Payback months = investment / (current - projected monthly inference cost), the course's formula;
    retries the fine-tuned model avoids (its accuracy gain) are counted when a retry rate is given."""
    investment, assumptions = project_cost(investment_usd, data_prep_usd, compute_per_run_usd, runs)
    gain = _mid(ACCURACY_GAIN) if accuracy_gain is None else accuracy_gain
    horizon = HORIZON_MONTHS if horizon_months is None else horizon_months
    current = current_usd_month * (1 + retry_rate)
    tuned = tuned_usd_month * (1 + retry_rate * (1 - gain))
    roi = fine_tuning_roi(investment, current, tuned)
    retried = " (the gain cuts them)" if retry_rate else " (no retry saving counted)"
    assumptions += [
        Assumption("accuracy gain on the task", f"{gain:.0%}", "course: 20-40% on domain tasks",
                   accuracy_gain is not None),
        Assumption("retried requests today", f"{retry_rate:.0%}" + retried, None, retry_rate > 0),
        Assumption("horizon", f"{horizon:g} months", "course: new base models arrive every few months",
                   horizon_months is not None),
    ]
    savings = roi.monthly_savings_usd
    figures: dict[str, Any] = {"investment_usd": investment, "current_usd_month": current, "tuned_usd_month": tuned,
                               "monthly_savings_usd": savings, "payback_months": roi.payback_months,
                               "payback_months_at_10k": PROJECT_USD[0] / savings if savings > 0 else None,
                               "payback_months_at_50k": PROJECT_USD[1] / savings if savings > 0 else None,
                               "min_monthly_savings_usd": investment / horizon}  # fmt: skip
    arithmetic = [f"monthly savings = {money(current)} - {money(tuned)} = {money(savings)}"]
    if roi.payback_months is not None:
        arithmetic.append(f"payback = {money(investment)} / {money(savings)} = {roi.payback_months:.1f} months")
    floor = None
    if requests_per_day and savings > 0:
        per_request = savings / (requests_per_day * DAYS_PER_MONTH)
        floor = investment / horizon / per_request
        figures["min_requests_per_day"] = floor / DAYS_PER_MONTH
    conclusion = _payback_sentence("Fine-tuning", roi.payback_months, horizon, floor, investment / horizon, savings)
    return Plan("finetune", figures, tuple(assumptions), conclusion, SOURCES["finetune"], tuple(arithmetic))


def _payback_sentence(
    what: str, months: float | None, horizon: float, floor_requests_month: float | None, floor_savings: float,
    savings: float,
) -> str:  # fmt: skip
    if months is None:
        saved = (f"it costs {money(-savings)} a month more than today" if savings < 0
                 else "it saves nothing a month")  # fmt: skip
        return f"{what} never pays back on cost: {saved}; do it only for quality."
    limit = (f"below {_per_day(floor_requests_month)}" if floor_requests_month is not None
             else f"if it saves less than {money(floor_savings)} a month")  # fmt: skip
    if months <= horizon:
        return f"{what} pays back in {months:.1f} months at your volume; not worth it {limit} (payback past {horizon:g} months)."  # noqa: E501
    return (f"{what} is not worth it at your volume: it pays back in {months:.1f} months, past the {horizon:g}-month "
            f"horizon; it needs {('above ' + _per_day(floor_requests_month)) if floor_requests_month else 'more volume'}.")  # noqa: E501


def distill(
    teacher_per_request_usd: float, requests_per_day: float, *, student_per_request_usd: float | None = None,
    cheaper_by: float | None = None, training_usd: float | None = None, horizon_months: float | None = None,
) -> Plan:  # fmt: skip
    """Break-even requests = training cost / (large - small cost per request); months at your volume."""
    assumptions = []
    if student_per_request_usd is None:
        factor = DEFAULT_CHEAPER_BY if cheaper_by is None else cheaper_by
        student = teacher_per_request_usd / factor
        assumptions.append(Assumption("distilled model's inference cost", f"{factor:g}x cheaper than the large model",
                                      "course: 10-100x cheaper", cheaper_by is not None))  # fmt: skip
    else:
        student = student_per_request_usd
        assumptions.append(Assumption("distilled model's cost per request", f"${student:.6f}",
                                      "course: 10-100x cheaper", True))  # fmt: skip
    training, project = project_cost(training_usd)
    assumptions += [Assumption(a.what.replace("project cost", "training cost"), a.value, a.range, a.stated)
                    for a in project]  # fmt: skip
    horizon = HORIZON_MONTHS if horizon_months is None else horizon_months
    assumptions.append(Assumption("horizon", f"{horizon:g} months", "course: new base models arrive every few months",
                                  horizon_months is not None))  # fmt: skip
    even = distillation_break_even(training, teacher_per_request_usd, student)
    monthly = requests_per_day * DAYS_PER_MONTH
    saving_month = monthly * (teacher_per_request_usd - student)
    months = even.break_even_requests_per_month / monthly if even.break_even_requests_per_month and monthly else None
    floor = even.break_even_requests_per_month / horizon if even.break_even_requests_per_month else None
    figures = {"training_usd": training, "teacher_per_request_usd": teacher_per_request_usd,
               "student_per_request_usd": student, "break_even_requests": even.break_even_requests_per_month,
               "monthly_savings_usd": saving_month, "payback_months": months,
               "min_requests_per_day": floor / DAYS_PER_MONTH if floor else None}  # fmt: skip
    arithmetic = [f"break-even = {money(training)} / (${teacher_per_request_usd:.6f} - ${student:.6f}) = "
                  + (f"{even.break_even_requests_per_month:,.0f} requests" if even.break_even_requests_per_month
                     else "never")]  # fmt: skip
    if months is None and even.break_even_requests_per_month and not monthly:
        conclusion = (f"Distillation pays back after {even.break_even_requests_per_month:,.0f} requests; give a volume "
                      "to turn that into months.")  # fmt: skip
    else:
        conclusion = _payback_sentence("Distillation", months, horizon, floor, training / horizon, saving_month)
    return Plan("distill", figures, tuple(assumptions), conclusion, SOURCES["distill"], tuple(arithmetic))


def selfhost(even: SelfHostBreakEven, operations_stated: bool, gpu: str, usd_per_gpu_hour: float) -> Plan:
    """The break-even the cost tool computed, with its assumptions laid out for the user to change."""
    assumptions = (
        Assumption("GPU rental", f"{gpu} at ${usd_per_gpu_hour:g}/GPU-hour",
                   "the catalog's self-hosting profile; cloud list prices vary 2-3x", False),
        Assumption("utilisation", f"{TARGET_UTILISATION:.0%} of capacity at a peak twice the average",
                   "typical: 50-80%", False),
        Assumption("operations", money(even.operations_usd_month) + "/month",
                   f"default {money(DEFAULT_OPERATIONS_USD_MONTH)}: a quarter of an infrastructure engineer",
                   operations_stated),
    )  # fmt: skip
    figures = {"break_even_requests_month": even.break_even_requests_per_month,
               "break_even_requests_day": (even.break_even_requests_per_month / DAYS_PER_MONTH
                                           if even.break_even_requests_per_month else None),
               "replica_capacity_requests_month": even.replica_capacity_requests_per_month,
               "gpu_usd_per_replica_month": even.gpu_usd_per_replica_month,
               "operations_usd_month": even.operations_usd_month, "api_per_request_usd": even.api_per_request_usd,
               "self_hosted_usd_month": even.self_hosted_monthly_usd,
               "api_usd_month": even.api_monthly_usd}  # fmt: skip
    return Plan("selfhost", figures, assumptions, even.conclusion, SOURCES["selfhost"], even.assumptions)


def tco(
    inference_usd_month: float, *, engineering_hours_month: float | None = None, hourly_rate_usd: float | None = None,
    maintenance_usd_month: float = 0.0, infrastructure_usd_month: float = 0.0,
) -> Plan:  # fmt: skip
    hours = 20.0 if engineering_hours_month is None else engineering_hours_month
    rate = 100.0 if hourly_rate_usd is None else hourly_rate_usd
    result = total_cost_of_ownership(inference_usd_month, hours, rate, maintenance_usd_month, infrastructure_usd_month)
    assumptions = (
        Assumption("engineering time", f"{hours:g} hours/month",
                   "typical: 10-40 h/month of prompt upkeep, evals and incidents",
                   engineering_hours_month is not None),
        Assumption("hourly rate", f"${rate:g}", None, hourly_rate_usd is not None),
    )
    total = result.monthly_usd
    biggest = max(result.parts, key=lambda k: result.parts[k])
    share = result.parts["inference"] / total if total else 0.0
    conclusion = (f"Owning this costs {money(total)}/month, {money(total * 12)} a year; "
                  f"inference is {share:.0%} of it"
                  + (f", and {biggest} is the largest part: cut that first." if biggest != "inference" else
                     ": a cheaper model or routing moves the total most."))  # fmt: skip
    figures = {"monthly_usd": total, "yearly_usd": total * 12, "parts": result.parts, "inference_share": share}
    arithmetic = (*(f"{k} = {money(v)}" for k, v in result.parts.items()), f"total = {money(total)}/month")
    return Plan("tco", figures, assumptions, conclusion, SOURCES["tco"], arithmetic)
