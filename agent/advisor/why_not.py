"""Answers to "why not X?": the hard constraint that eliminated X, or the criterion that ranked it
below the top pick, in a sentence with the ranking's own figures. Pure: ranking and catalog in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.advisor.intents import find_models
from catalog.display import milliseconds, money
from catalog.entries import Catalog
from catalog.requirements import PRIORITY_PRESETS, Priorities, Requirements
from catalog.scoring import Elimination, RankedModel, Ranking

_Phrase = Callable[[re.Match[str], Requirements], str]

# Each elimination reason catalog/scoring.py gives, as "what is wrong with X, and what you need".
_REASONS: list[tuple[re.Pattern[str], _Phrase]] = [
    (re.compile(r"privacy/deployment requires self-hosting"),
     lambda m, r: "it is only offered as a hosted API (not self-hostable), and you need self-hosting"),
    (re.compile(r"lacks (?P<what>.+)"), lambda m, r: f"it lacks {m['what']}, which you need"),
    (re.compile(r"context (?P<has>[\d,]+) < (?P<needs>[\d,]+) tokens needed"),
     lambda m, r: f"its context window holds {m['has']} tokens and your requests need {m['needs']}"),
    (re.compile(r"cannot verify context"),
     lambda m, r: f"the catalog has no context size for it, and your requests need {r.required_context:,} tokens"),
    (re.compile(r"TTFT ~(?P<ms>[\d,]+) ms for a (?P<tokens>[\d,]+)-token prompt > (?P<target>[\d,]+) ms"),
     lambda m, r: f"its time to first token, about {m['ms']} ms for your {m['tokens']}-token prompt, is over your "
                  f"{m['target']} ms target"),
    (re.compile(r"cannot verify TTFT"),
     lambda m, r: f"it has no latency on record, so nothing shows it meets your {r.max_ttft_ms:,.0f} ms TTFT target"),
    (re.compile(r"whole answer ~(?P<s>[\d.,]+) s > (?P<target>[\d.,]+) s"),
     lambda m, r: f"a whole answer takes about {m['s']} s, over your {m['target']} s target"),
    (re.compile(r"cannot verify answer time"),
     lambda m, r: "it has no latency or speed on record, so nothing shows it meets your answer-time target"),
    (re.compile(r"(?P<task>[\w-]+) quality (?P<q>[\d.]+) < (?P<floor>[\d.]+) minimum"),
     lambda m, r: f"its {m['task']} quality, {m['q']}, is under the minimum of {m['floor']} the ranking accepts"),
    (re.compile(r"licence forbids production use \((?P<licence>.+)\)"),
     lambda m, r: f"its licence ({m['licence']}) forbids production use, and you need weights you can run"),
    (re.compile(r"weights are not open"), lambda m, r: "its weights are not open, and you need open weights"),
    (re.compile(r"deployment is API-only"), lambda m, r: "this route is self-hosted, and you asked for an API"),
    (re.compile(r"(?P<p>\S+) may train on API data"),
     lambda m, r: f"{m['p']} may train on API data (or publishes no policy), and your data must not be trained on"),
    (re.compile(r"not served in (?P<where>.+)"),
     lambda m, r: f"it is not served in {m['where'].upper()}, and your data must stay there"),
    (re.compile(r"(?P<p>\S+): no HIPAA BAA"),
     lambda m, r: f"{m['p']} has no HIPAA BAA on record, and you need HIPAA"),
    (re.compile(r"(?P<p>\S+): no SOC 2 report"),
     lambda m, r: f"{m['p']} has no SOC 2 report on record, and you need SOC 2"),
    (re.compile(r"(?P<p>\S+): no GDPR data-processing agreement"),
     lambda m, r: f"{m['p']} has no GDPR data-processing agreement on record, and you need GDPR"),
    (re.compile(r"deprecated on (?P<date>\S+)"), lambda m, r: f"it was deprecated on {m['date']}"),
    (re.compile(r"no price in the catalog"), lambda m, r: "the catalog has no price for it, so its cost is unknown"),
]  # fmt: skip


def constraint_clause(reason: str, req: Requirements) -> str:
    """One elimination reason as a clause a user reads: what X lacks and what they need."""
    for pattern, phrase in _REASONS:
        match = pattern.search(reason)
        if match:
            return phrase(match, req)
    return f"it fails a constraint: {reason}"


def eliminated_sentence(elimination: Elimination, req: Requirements) -> str:
    clauses = [constraint_clause(reason, req) for reason in elimination.reasons]
    sentence = f"**{elimination.model}** is out because {clauses[0]}"
    if len(clauses) > 1:
        sentence += "; also, " + "; ".join(clauses[1:3])
    return sentence + "."


def priority_words(priorities: Priorities) -> str:
    """How the sentence ends: "at your cost-first priority", or the weights when they are no preset."""
    for name in PRIORITY_PRESETS:
        if Priorities.preset(name) == priorities:
            return "with balanced priorities" if name == "balanced" else f"at your {name}-first priority"
    weights = priorities.normalised()
    return "with your weights (" + ", ".join(f"{k} {v:.0%}" for k, v in weights.items()) + ")"


@dataclass(frozen=True)
class _Names:
    """How the sentence names the two models: "it" and "the top pick (X)" when explaining one."""

    better: str
    worse: str
    worse_possessive: str


def _criterion(name: str, better: RankedModel, worse: RankedModel, req: Requirements, names: _Names) -> str:
    """How `better` beats `worse` on one criterion, in the ranking's figures."""
    if name == "cost":
        return f"{names.worse} costs {money(worse.monthly_cost_usd)}/month against {money(better.monthly_cost_usd)} for {names.better}"  # noqa: E501
    if name == "quality":
        return f"{names.better} scores {better.quality:.0f} for {req.task} quality against {worse.quality:.0f}"
    if name == "latency" and worse.ttft_ms is None:
        return f"{names.worse} has no latency on record, which scores as slow, against {names.better}'s known one"
    if name == "latency":
        return (f"{names.worse_possessive} time to first token is {milliseconds(worse.ttft_ms)} against "
                f"{milliseconds(better.ttft_ms)} for {names.better}")  # fmt: skip
    fits = [
        next((r.removeprefix("fit: ") for r in m.reasons if r.startswith("fit: ")), "no notes") for m in (better, worse)
    ]
    return f"{names.better} fits your request better ({fits[0]}, against {fits[1]})"


def _lead(name: str, item: RankedModel, other: RankedModel) -> str:
    """What `item` is better at, as the thing that was outweighed."""
    if name == "quality":
        return f"{item.quality - other.quality:.0f}-point quality lead"
    if name == "cost":
        return f"lower bill ({money(item.monthly_cost_usd)} against {money(other.monthly_cost_usd)}/month)"
    if name == "latency":
        return f"faster first token ({milliseconds(item.ttft_ms)} against {milliseconds(other.ttft_ms)})"
    return "better fit"


def deciding_criteria(better: RankedModel, worse: RankedModel, req: Requirements) -> list[tuple[str, float]]:
    """Each criterion's share of the score gap (weight x subscore difference), largest for `better` first."""
    weights = req.priorities.normalised()
    gaps = {k: weights[k] * (better.subscores[k] - worse.subscores[k]) for k in better.subscores}
    return sorted(gaps.items(), key=lambda item: -item[1])


def comparison_sentence(better: RankedModel, worse: RankedModel, req: Requirements, explaining: bool = False) -> str:
    """Why `better` ranks above `worse`: the criterion that decides it, and what it outweighs."""
    names = (_Names(f"the top pick ({better.model})", "it", "its") if explaining else
             _Names(better.model, worse.model, f"{worse.model}'s"))  # fmt: skip
    if better.within_budget and not worse.within_budget and req.budget_usd_month is not None:
        return (f"{names.worse} costs {money(worse.monthly_cost_usd)}/month, over your "
                f"{money(req.budget_usd_month)} budget, while {names.better} fits it at "
                f"{money(better.monthly_cost_usd)}")  # fmt: skip
    if not better.within_budget and not worse.within_budget and req.budget_usd_month is not None:
        # Nothing fits the budget: the ranking puts the closest to it first.
        return (f"nothing fits your {money(req.budget_usd_month)} budget, so the cheaper comes first: "
                f"{names.worse} costs {money(worse.monthly_cost_usd)}/month against "
                f"{money(better.monthly_cost_usd)} for {names.better}")  # fmt: skip
    criteria = deciding_criteria(better, worse, req)
    decider, gap = criteria[0]
    if gap <= 0.05:
        return f"{names.better} and {names.worse} score almost the same ({better.score:.1f} against {worse.score:.1f})"
    sentence = _criterion(decider, better, worse, req, names)
    lead_name, lead_gap = criteria[-1]
    if lead_gap < -0.5:
        sentence += f", which outweighs {names.worse_possessive} {_lead(lead_name, worse, better)}"
    return sentence + f" {priority_words(req.priorities)}"


def _position(ranking: Ranking, canonical: str) -> int | None:
    return next((i for i, item in enumerate(ranking.ranked, 1) if item.canonical == canonical), None)


def canonical_named(name: str, ranking: Ranking, catalog: Catalog) -> str | None:
    """The model a name means: a route or model id exactly as the ranking shows it, else the closest
    catalog name (find_models puts "gpt-4.1" before "gpt-4.1-mini")."""
    wanted = name.strip().lower()
    for item in ranking.ranked:
        if wanted in (item.model.lower(), item.canonical.lower()):
            return item.canonical
    exact = catalog.get(name.strip())
    if exact is not None:
        return exact.canonical
    matches = [e for e in find_models(name, catalog.models) if e.rated] or find_models(name, catalog.models)
    if len(matches) > 1 and not any(_words_of(e.id) == _words_of(name) for e in matches):
        # a family name ("gemini", "claude sonnet"): the one of them that ranks best for this user; a line
        # named keeps to its full size unless a smaller one was named ("gemini flash" is Flash, not Flash-Lite)
        said = set(_words_of(name).split())
        full_size = [e for e in matches if len(said) > 1 and not (set(_words_of(e.id).split()) - said) & _SMALLER_LINES]
        ranked = [e for e in full_size or matches if _position(ranking, e.canonical) is not None]
        if ranked:
            return min(ranked, key=lambda e: _position(ranking, e.canonical) or 0).canonical
    return matches[0].canonical if matches else None


_SMALLER_LINES = frozenset({"lite", "mini", "nano", "micro", "tiny", "small"})


def _words_of(name: str) -> str:
    return " ".join(re.split(r"[\s/_.-]+", name.strip().lower()))


def explain(name: str, ranking: Ranking, catalog: Catalog) -> str:
    """Why the named model sits where it does in this ranking, in a sentence."""
    canonical = canonical_named(name, ranking, catalog)
    if canonical is None:
        return f"I do not know a model called “{name}”. Try `tradeoff catalog` for names."
    eliminated = {e.model: e for e in ranking.eliminated}
    position = _position(ranking, canonical)
    top = ranking.ranked[0] if ranking.ranked else None
    if position == 1 and top is not None:
        runner = ranking.ranked[1] if len(ranking.ranked) > 1 else None
        why = f": {comparison_sentence(top, runner, ranking.requirements)}" if runner else ""
        return f"**{top.model}** is my top pick (score {top.score:.1f}){why}."
    if position is not None and top is not None:
        item = ranking.ranked[position - 1]
        return (f"**{item.model}** ranks #{position} (score {item.score:.1f} against {top.score:.1f}): "
                f"{comparison_sentence(top, item, ranking.requirements, explaining=True)}.")  # fmt: skip
    if canonical in eliminated:
        return eliminated_sentence(eliminated[canonical], ranking.requirements)
    return f"**{canonical}** has no quality figures in the catalog, so it is not ranked."
