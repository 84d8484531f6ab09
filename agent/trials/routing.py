"""Routing measured on the user's own eval results (issue #16): each tier alone, the oracle, a
cascade on request-time checks, and a heuristic router fitted on one half of the tests and
reported on the other; with Wilson intervals, cost per 1,000 requests, shares per tier, added
latency, and the quality-versus-cost curve with RouteLLM's figure of merit. Pure: no I/O."""

from __future__ import annotations

import hashlib
import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from agent.trials.batch import evaluate_assertion
from agent.trials.results import TrialRun
from agent.trials.stats import wilson_interval
from catalog.requirements import DAYS_PER_MONTH

# Checks a cascade can run on an answer when it arrives: none needs the reference answer.
REFERENCE_FREE = ("is-json", "json-schema", "regex", "max-length")
# Words that tend to mark a harder request (the course: "simple heuristics like query length,
# keyword detection"); a keyword only matters if the fit on the training half gives it weight.
KEYWORDS = ("why", "explain", "prove", "step", "analy", "compare", "code", "json", "reason", "calculat",
            "summar", "translat", "list", "write")  # fmt: skip
CHARS_PER_TOKEN = 4  # when the eval did not record token counts
QUALITY_TARGET = 0.95  # RouteLLM's figure of merit: the cost saved at 95% of the strong model's quality

PriceOf = Callable[[str], "tuple[float, float] | None"]


class RoutingError(ValueError):
    """Eval results we cannot route on; the message says what is missing and how to fix it."""


@dataclass(frozen=True)
class Test:
    id: str
    prompt: str
    asserts: tuple[dict[str, Any], ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    passed: bool
    text: str = ""
    error: str | None = None
    latency_ms: float | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    cost_usd: float | None = None


@dataclass(frozen=True)
class EvalResults:
    models: tuple[str, ...]
    tests: tuple[Test, ...]
    cells: Mapping[str, Mapping[str, Cell]]


def read_results(data: Any) -> EvalResults:
    """The JSON `tradeoff eval --save` writes (or `--json` prints), checked field by field."""
    if not isinstance(data, dict) or not isinstance(data.get("matrix"), dict) or not data.get("models"):
        raise RoutingError("not tradeoff eval results (no models or matrix); save them with tradeoff eval --save PATH")
    models = tuple(str(m) for m in data["models"])
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        raise RoutingError("the results carry no tests (written by an older tradeoff?); run tradeoff eval --save again")
    tests = []
    for case in cases:
        if not isinstance(case, dict) or not isinstance(case.get("id"), str) or not isinstance(case.get("prompt"), str):
            raise RoutingError("each entry of 'cases' needs an id and a prompt")
        tests.append(Test(case["id"], case["prompt"], tuple(case.get("asserts") or ()), tuple(case.get("tags") or ())))
    cells: dict[str, dict[str, Cell]] = {}
    for model in models:
        row = data["matrix"].get(model)
        if not isinstance(row, dict):
            raise RoutingError(f"the matrix has no row for {model}")
        cells[model] = {}
        for test in tests:
            cell = row.get(test.id)
            if not isinstance(cell, dict) or not isinstance(cell.get("passed"), bool):
                raise RoutingError(f"the matrix has no result for {model} on test {test.id!r}")
            cells[model][test.id] = Cell(
                passed=cell["passed"], text=str(cell.get("text") or ""), error=cell.get("error"),
                latency_ms=_number(cell.get("latency_ms")), input_tokens=_whole(cell.get("input_tokens")),
                output_tokens=_whole(cell.get("output_tokens")), cost_usd=_number(cell.get("cost_usd")),
            )  # fmt: skip
    return EvalResults(models, tuple(tests), cells)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        return None
    return float(value)


def _whole(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None else None


def estimated_tokens(text: str) -> int:
    return max(1, math.ceil(len(text) / CHARS_PER_TOKEN))


def request_costs(
    results: EvalResults, tiers: Sequence[str], price_of: PriceOf
) -> tuple[dict[str, dict[str, float]], list[str]]:
    """USD per request, per model and test: the tokens each answer used at the model's price; the
    eval's own recorded cost where no price is known. Also the notes that say how."""
    costs: dict[str, dict[str, float]] = {}
    notes = []
    for model in tiers:
        price = price_of(model)
        costs[model] = {}
        estimated = 0
        for test in results.tests:
            cell = results.cells[model][test.id]
            if price is not None:
                tokens_in = cell.input_tokens if cell.input_tokens is not None else estimated_tokens(test.prompt)
                tokens_out = cell.output_tokens if cell.output_tokens is not None else estimated_tokens(cell.text)
                estimated += cell.input_tokens is None or cell.output_tokens is None
                costs[model][test.id] = tokens_in * price[0] + tokens_out * price[1]
            elif cell.cost_usd is not None:
                costs[model][test.id] = cell.cost_usd
            else:
                raise RoutingError(f"no price for {model}; give one with --price {model}=IN,OUT (USD per M tokens) "
                                   f"or --priced-as {model}=CATALOG_MODEL")  # fmt: skip
        if price is not None:
            notes.append(f"{model}: ${price[0] * 1e6:g} in / ${price[1] * 1e6:g} out per M tokens, on the tokens "
                         "each answer used in the eval")  # fmt: skip
        else:
            notes.append(f"{model}: the cost the eval recorded for each answer")
        if estimated:
            notes.append(f"{model}: {estimated} answer(s) without token counts, estimated at {CHARS_PER_TOKEN} "
                         "characters a token")  # fmt: skip
    return costs, notes


def cheapest_first(results: EvalResults, models: Sequence[str], price_of: PriceOf) -> list[str]:
    """`models` from the cheapest to the dearest per request on these tests (ties keep their order);
    as given when one has no price (route then says which)."""
    try:
        costs, _ = request_costs(results, models, price_of)
    except RoutingError:
        return list(models)
    return sorted(models, key=lambda m: statistics.fmean(costs[m].values()) if costs[m] else 0.0)


def request_time_check(asserts: Sequence[dict[str, Any]], text: str, error: str | None) -> tuple[bool, str]:
    """What a cascade can know when the answer arrives: an error, or a reference-free check failing."""
    if error:
        return False, "error"
    run = TrialRun(model="?", text=text)
    for assertion in asserts:
        if assertion.get("type") in REFERENCE_FREE:
            ok, why = evaluate_assertion(assertion, run)
            if not ok:
                return False, why
    return True, "checks passed"


@dataclass(frozen=True)
class Decision:
    """Which tiers a router called for one test, in order; the last one's answer is served."""

    calls: tuple[str, ...]

    @property
    def answered_by(self) -> str:
        return self.calls[-1]


@dataclass(frozen=True)
class RouterReport:
    name: str
    description: str
    evaluated_on: str
    tests: int
    passed: int
    pass_rate: float
    wilson: tuple[float, float]
    cost_per_1k_usd: float
    monthly_usd: float
    saving_vs_strong: float | None  # a fraction; negative when it costs more than the strong model
    share: dict[str, float]  # of requests answered by each tier
    called: dict[str, float]  # of requests that called each tier (a cascade calls the cheap one every time)
    calls_per_request: float
    mean_latency_ms: float | None
    added_latency_ms: float | None  # against the strong model on the same tests
    strong_pass_rate: float  # the strong model's on the same tests, for the 95% rule
    realisable: bool = True  # False for the oracle: it knows the answers' grades in advance
    rule: dict[str, Any] = field(default_factory=dict)

    @property
    def reaches_target(self) -> bool:
        return self.pass_rate >= QUALITY_TARGET * self.strong_pass_rate - 1e-12

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"wilson": list(self.wilson), "reaches_95pct_of_strong": self.reaches_target}


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def score(
    name: str, description: str, decisions: Mapping[str, Decision], results: EvalResults, tiers: Sequence[str],
    costs: Mapping[str, Mapping[str, float]], requests_per_day: float, evaluated_on: str,
    realisable: bool = True, rule: dict[str, Any] | None = None,
) -> RouterReport:  # fmt: skip
    """A router's quality, cost, shares and latency over the tests it decided."""
    strong = tiers[-1]
    ids = list(decisions)
    passed = sum(results.cells[d.answered_by][t].passed for t, d in decisions.items())
    per_request = _mean([sum(costs[m][t] for m in d.calls) for t, d in decisions.items()]) or 0.0
    strong_cost = _mean([costs[strong][t] for t in ids]) or 0.0
    latencies = [sum(results.cells[m][t].latency_ms or 0.0 for m in d.calls) for t, d in decisions.items()
                 if all(results.cells[m][t].latency_ms is not None for m in d.calls)]  # fmt: skip
    strong_latencies = [v for t in ids if (v := results.cells[strong][t].latency_ms) is not None]
    mean_latency, strong_latency = _mean(latencies), _mean(strong_latencies)
    return RouterReport(
        name=name, description=description, evaluated_on=evaluated_on, tests=len(ids), passed=passed,
        pass_rate=passed / len(ids) if ids else 0.0, wilson=wilson_interval(passed, len(ids)),
        cost_per_1k_usd=per_request * 1000, monthly_usd=per_request * requests_per_day * DAYS_PER_MONTH,
        saving_vs_strong=(strong_cost - per_request) / strong_cost if strong_cost > 0 else None,
        share={m: sum(d.answered_by == m for d in decisions.values()) / len(ids) if ids else 0.0 for m in tiers},
        called={m: sum(m in d.calls for d in decisions.values()) / len(ids) if ids else 0.0 for m in tiers},
        calls_per_request=_mean([len(d.calls) for d in decisions.values()]) or 0.0,
        mean_latency_ms=mean_latency,
        added_latency_ms=mean_latency - strong_latency if mean_latency is not None and strong_latency is not None
        else None,
        strong_pass_rate=sum(results.cells[strong][t].passed for t in ids) / len(ids) if ids else 0.0,
        realisable=realisable, rule=rule or {},
    )  # fmt: skip


def alone(model: str, tests: Sequence[Test]) -> dict[str, Decision]:
    return {test.id: Decision((model,)) for test in tests}


def oracle(results: EvalResults, tiers: Sequence[str], costs: Mapping[str, Mapping[str, float]]) -> dict[str, Decision]:
    """The cheapest model that passes each test (the cheapest of all when none does): the upper bound."""
    decisions = {}
    for test in results.tests:
        passing = [m for m in tiers if results.cells[m][test.id].passed] or list(tiers)
        decisions[test.id] = Decision((min(passing, key=lambda m: (costs[m][test.id], tiers.index(m))),))
    return decisions


def cascade(results: EvalResults, tiers: Sequence[str]) -> dict[str, Decision]:
    """Cheapest tier first; escalate when its answer fails a request-time check; the last tier serves."""
    decisions = {}
    for test in results.tests:
        calls: list[str] = []
        for model in tiers:
            calls.append(model)
            cell = results.cells[model][test.id]
            if request_time_check(test.asserts, cell.text, cell.error)[0]:
                break
        decisions[test.id] = Decision(tuple(calls))
    return decisions


def split(tests: Sequence[Test]) -> tuple[list[Test], list[Test]]:
    """(fit, report) halves in a fixed order that does not follow the file's order (a hash of each id)."""
    ordered = sorted(tests, key=lambda t: hashlib.sha256(t.id.encode()).hexdigest())
    return ordered[0::2], ordered[1::2]


def features(test: Test, long_above: float) -> set[str]:
    found = {"long prompt"} if estimated_tokens(test.prompt) > long_above else set()
    lowered = test.prompt.lower()
    found |= {f"keyword {word}" for word in KEYWORDS if word in lowered}
    return found | {f"tag {tag}" for tag in test.tags}


@dataclass(frozen=True)
class HeuristicRule:
    """Send to the strong tier when the summed weights of a prompt's features reach the threshold."""

    long_above_tokens: float
    weights: dict[str, float]
    threshold: float

    def score(self, test: Test) -> float:
        return sum(self.weights.get(name, 0.0) for name in features(test, self.long_above_tokens))

    def as_json(self) -> dict[str, Any]:
        return {"long_above_tokens": self.long_above_tokens,
                "threshold": None if math.isinf(self.threshold) else self.threshold,  # None: never escalate
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if v}}  # fmt: skip


def fit_heuristic(results: EvalResults, cheap: str, strong: str, fit_on: Sequence[Test]) -> HeuristicRule:
    """Each feature's weight is how much more often the cheap model needed help (it failed where the
    strong one passed) on prompts with that feature, smoothed towards the base rate; the threshold
    is the one that best separates those prompts on the fitting half (ties: fewer strong calls)."""
    long_above = statistics.median(estimated_tokens(t.prompt) for t in fit_on)
    needs = {t.id: not results.cells[cheap][t.id].passed and results.cells[strong][t.id].passed for t in fit_on}
    base = sum(needs.values()) / len(fit_on)
    seen: dict[str, list[bool]] = {}
    for test in fit_on:
        for name in features(test, long_above):
            seen.setdefault(name, []).append(needs[test.id])
    weights = {name: (sum(flags) + 2 * base) / (len(flags) + 2) - base for name, flags in seen.items()}
    rule = HeuristicRule(long_above, weights, math.inf)
    scores = {t.id: rule.score(t) for t in fit_on}
    best = (sum(not flag for flag in needs.values()), math.inf)  # correct answers when never escalating
    for threshold in sorted(set(scores.values()), reverse=True):
        correct = sum((scores[t] >= threshold) == needs[t] for t in scores)
        if correct > best[0]:
            best = (correct, threshold)
    return HeuristicRule(long_above, weights, best[1])


def heuristic(rule: HeuristicRule, cheap: str, strong: str, tests: Sequence[Test]) -> dict[str, Decision]:
    return {t.id: Decision((strong if rule.score(t) >= rule.threshold else cheap,)) for t in tests}


@dataclass(frozen=True)
class CurvePoint:
    threshold: float
    strong_share: float
    pass_rate: float
    cost_per_1k_usd: float
    saving_vs_strong: float | None


@dataclass(frozen=True)
class RouteReport:
    tiers: tuple[str, ...]
    requests_per_day: float
    routers: tuple[RouterReport, ...]
    curve: tuple[CurvePoint, ...]
    curve_on: str
    saving_at_95pct: float | None  # RouteLLM's figure of merit on the curve
    recommended: str
    conclusion: str
    assumptions: tuple[str, ...]

    def router(self, name: str) -> RouterReport:
        return next(r for r in self.routers if r.name == name)

    def as_json(self) -> dict[str, Any]:
        return {
            "tiers": list(self.tiers), "requests_per_day": self.requests_per_day,
            "routers": [r.as_json() for r in self.routers],
            "curve": [asdict(p) | {"threshold": None if math.isinf(p.threshold) else p.threshold} for p in self.curve],
            "curve_on": self.curve_on, "saving_at_95pct_of_strong": self.saving_at_95pct,
            "recommended": self.recommended, "conclusion": self.conclusion, "assumptions": list(self.assumptions),
        }  # fmt: skip


def curve(
    rule: HeuristicRule, results: EvalResults, cheap: str, strong: str, tests: Sequence[Test],
    costs: Mapping[str, Mapping[str, float]],
) -> list[CurvePoint]:  # fmt: skip
    """Quality and cost as the heuristic's threshold moves from "never escalate" to "always"."""
    scores = {t.id: rule.score(t) for t in tests}
    points = []
    for threshold in [math.inf, *sorted(set(scores.values()), reverse=True)]:
        moved = HeuristicRule(rule.long_above_tokens, rule.weights, threshold)
        decided = score("curve", "", heuristic(moved, cheap, strong, tests), results, (cheap, strong), costs, 0, "")
        points.append(CurvePoint(threshold, decided.share[strong], decided.pass_rate, decided.cost_per_1k_usd,
                                 decided.saving_vs_strong))  # fmt: skip
    if points[-1].strong_share < 1:  # the curve ends at the strong model alone
        decided = score("curve", "", alone(strong, tests), results, (cheap, strong), costs, 0, "")
        points.append(CurvePoint(-math.inf, 1.0, decided.pass_rate, decided.cost_per_1k_usd, decided.saving_vs_strong))
    return points


def saving_at_target(points: Sequence[CurvePoint], strong_pass_rate: float) -> float | None:
    floor = QUALITY_TARGET * strong_pass_rate - 1e-12
    reached = [p.saving_vs_strong for p in points if p.pass_rate >= floor and p.saving_vs_strong is not None]
    return max(reached) if reached else None


def route(results: EvalResults, tiers: Sequence[str], price_of: PriceOf, requests_per_day: float) -> RouteReport:
    """Every router on the same eval results; `tiers` runs from the cheapest to the strongest model."""
    tiers = tuple(tiers)
    if len(tiers) < 2 or len(set(tiers)) != len(tiers):
        raise RoutingError("give at least two different models, cheapest first")
    missing = [m for m in tiers if m not in results.cells]
    if missing:
        raise RoutingError(f"{missing[0]} is not in these results; they hold {', '.join(results.models)}")
    costs, notes = request_costs(results, tiers, price_of)
    cheap, strong = tiers[0], tiers[-1]
    everything = f"all {len(results.tests)} tests"

    def scored(name: str, description: str, decisions: dict[str, Decision], **extra: Any) -> RouterReport:
        return score(name, description, decisions, results, tiers, costs, requests_per_day,
                     extra.pop("evaluated_on", everything), **extra)  # fmt: skip

    routers = [scored(f"{strong} alone", "every request to the strongest tier", alone(strong, results.tests))]
    routers += [scored(f"{m} alone", "every request to this tier", alone(m, results.tests)) for m in tiers[:-1]]
    routers.append(scored("oracle", "the cheapest model that passes each test (knows the grades: an upper bound)",
                          oracle(results, tiers, costs), realisable=False))  # fmt: skip
    checked = sum(any(a.get("type") in REFERENCE_FREE for a in t.asserts) for t in results.tests)
    routers.append(scored(
        "cascade", "cheapest first; escalate when the answer fails a request-time check "
        f"({', '.join(REFERENCE_FREE)}) or errors", cascade(results, tiers),
        rule={"checks": list(REFERENCE_FREE), "tests_with_a_check": checked, "order": list(tiers)},
    ))  # fmt: skip
    points: list[CurvePoint] = []
    curve_on = "not enough tests to fit on one half and report on the other (need 4)"
    fit_on, report_on = split(results.tests)
    if len(results.tests) >= 4:
        rule = fit_heuristic(results, cheap, strong, fit_on)
        held = f"the held-out {len(report_on)} of {len(results.tests)} tests (fitted on the other {len(fit_on)})"
        routers.append(scored("heuristic", f"prompt features (length, keywords, tags) send a request to {strong}; "
                              "fitted on one half", heuristic(rule, cheap, strong, report_on),
                              evaluated_on=held, rule=rule.as_json()))  # fmt: skip
        points, curve_on = curve(rule, results, cheap, strong, report_on, costs), held
    strong_alone = routers[0]
    held_strong = _mean([float(results.cells[strong][t.id].passed) for t in report_on]) if points else None
    figure = saving_at_target(points, held_strong) if held_strong is not None else None
    best = _recommended(routers)
    others_reach = any(r.realisable and r.reaches_target for r in routers[1:])
    errors = sum(results.cells[m][t.id].error is not None for m in tiers for t in results.tests)
    if errors:
        notes.append(f"{errors} of {len(tiers) * len(results.tests)} answers were errors (counted as failures)")
    assumptions = (
        *notes,
        f"{requests_per_day:,.0f} requests a day, {DAYS_PER_MONTH} days a month, each like an average test",
        f"the cascade's checks ran on {checked} of {len(results.tests)} tests; the others have no reference-free "
        "assertion, so their first answer is served unless it errors",
        "a cascade pays for every call it makes and waits for them in turn (added latency)",
        "quality is the eval's pass rate; 95% Wilson intervals",
    )
    return RouteReport(tiers, requests_per_day, tuple(routers), tuple(points), curve_on, figure, best.name,
                       _conclusion(best, strong_alone, figure, others_reach), assumptions)  # fmt: skip


MIN_HELD_OUT = 10  # a heuristic reported on fewer held-out tests is shown, not recommended


def _recommended(routers: Sequence[RouterReport]) -> RouterReport:
    """The cheapest realisable router that keeps 95% of the strong model's quality (on enough tests)."""
    fine = [r for r in routers if r.realisable and r.reaches_target
            and (r.name != "heuristic" or r.tests >= MIN_HELD_OUT)]  # fmt: skip
    return min(fine, key=lambda r: (r.cost_per_1k_usd, -r.pass_rate)) if fine else routers[0]


def _conclusion(best: RouterReport, strong: RouterReport, figure: float | None, others_reach: bool) -> str:
    if strong.passed == 0:
        return (f"Nothing to route on: {strong.name.removesuffix(' alone')} passed none of the tests; fix the eval "
                "(or its assertions) and run it again.")  # fmt: skip
    if best is strong:
        why = ("no router that keeps 95% of its pass rate costs less" if others_reach
               else "no router keeps 95% of its pass rate")  # fmt: skip
        keep = strong.name.removesuffix(" alone")
        return f"Keep {keep} for everything: {why} ({strong.pass_rate:.0%}) on these tests."
    saving = f"saves {best.saving_vs_strong:.0%}" if best.saving_vs_strong is not None else "costs the same"
    use = best.name if best.name.endswith(" alone") else f"the {best.name}"
    line = (f"Use {use}: it {saving} against {strong.name} (${best.monthly_usd:,.0f} vs "
            f"${strong.monthly_usd:,.0f}/month at your volume) at a {best.pass_rate:.0%} pass rate against "
            f"{best.strong_pass_rate:.0%}, on {best.evaluated_on}.")  # fmt: skip
    if figure is not None:
        line += f" The heuristic's curve saves {figure:.0%} at 95% of the strong model's quality."
    return line
