""""Why not X?" when X is not one model id: a family ("why not Llama?": its best-ranked member), a kind of
model ("why not just use an open model we host ourselves?", "why not a cheaper one?"), or a model; each
answered with why_not's reason and a verdict for this user's requirements. Pure: ranking and catalog in."""

from __future__ import annotations

import re

from agent.advisor.intents import find_models
from agent.advisor.why_not import canonical_named, explain
from catalog.display import money
from catalog.entries import Catalog
from catalog.scoring import RankedModel, Ranking

_SELF_HOSTED = re.compile(r"\bself[- ]?host\w*|\bon[- ]?prem\w*|\b(?:host|run|serve|deploy)\w*\b.*\b(?:ourselves|"
                          r"our own|in[- ]house|locally|myself)\b|\blocal(?:ly)?\b", re.I)  # fmt: skip
_OPEN = re.compile(r"\bopen(?:[- ]?(?:weights?|source|model))?\b", re.I)
_CHEAP = re.compile(r"\b(?:cheap(?:er|est)?|smaller|small|budget|mini|lighter|tiny)\b", re.I)
_STRONG = re.compile(r"\b(?:frontier|flagship|biggest|bigger|best|top[- ]tier|most (?:capable|powerful)|smartest|"
                     r"strongest|premium)\b", re.I)  # fmt: skip


def _verdict(named: RankedModel | None, ranking: Ranking, what: str) -> str:
    top = ranking.ranked[0] if ranking.ranked else None
    if top is None:
        return "**Verdict:** nothing meets your requirements yet; relax one and ask again."
    if named is not None and named.canonical == top.canonical:
        return f"**Verdict: {top.model}** is the one to use for your requirements."
    if named is None:
        return f"**Verdict: not {what}** for your requirements: it fails them; your top pick is {top.model}."
    return f"**Verdict: {top.model}** for your requirements, not {what}."


def _family_pick(name: str, ranking: Ranking, catalog: Catalog) -> RankedModel | None:
    """The best-ranked member of a family named by one word ("Llama", "Claude"); a fuller name
    ("gpt-4.1", "gemini flash") means that model, as why_not reads it."""
    if not re.fullmatch(r"[A-Za-z]+", name.strip()):
        return None
    members = {entry.canonical for entry in find_models(name, catalog.models)}
    return next((item for item in ranking.ranked if item.canonical in members), None) if len(members) > 1 else None


def _self_hosting(ranking: Ranking) -> str:
    verdict = ranking.self_hosting
    if verdict is None:
        return ("No open-weight model you could host yourselves meets your constraints with a self-hosting profile "
                "in the catalog, so there is no self-hosted bill to set against the API.")  # fmt: skip
    if verdict.self_hosted_monthly_usd is not None and verdict.api_monthly_usd is not None:
        return (f"Hosting it yourselves costs about {money(verdict.self_hosted_monthly_usd)}/month for GPUs and "
                f"operations against {money(verdict.api_monthly_usd)} on the API at your volume: "
                f"{verdict.conclusion}")  # fmt: skip
    return verdict.conclusion


def _kind(name: str, ranking: Ranking, catalog: Catalog) -> str | None:
    """The answer for a kind of model ("an open one", "a cheaper model"), or None when the name is no kind."""
    ranked = ranking.ranked
    if _SELF_HOSTED.search(name) or _OPEN.search(name):
        opened = next((item for item in ranked if item.open_weights), None)
        lines = []
        if opened is not None:
            lines.append(f"_The best-ranked open-weight model on your list:_ {explain(opened.model, ranking, catalog)}")
        else:
            lines.append("No open-weight model meets your constraints.")
        return "\n\n".join([*lines, _verdict(opened, ranking, "an open model")])
    if _CHEAP.search(name) and ranked:
        cheapest = min(ranked, key=lambda item: item.monthly_cost_usd)
        return "\n\n".join([f"_The cheapest model on your list:_ {explain(cheapest.model, ranking, catalog)}",
                            _verdict(cheapest, ranking, cheapest.model)])  # fmt: skip
    if _STRONG.search(name) and ranked:
        strongest = max(ranked, key=lambda item: item.quality)
        return "\n\n".join([f"_The strongest model on your list:_ {explain(strongest.model, ranking, catalog)}",
                            _verdict(strongest, ranking, strongest.model)])  # fmt: skip
    return None


_VERB = re.compile(r"^(?:run|host|deploy|serve|self[- ]?host|switch to|move to|go for|stick with|stay with)\s+", re.I)


def why_not(name: str, ranking: Ranking, catalog: Catalog, question: str = "") -> str:
    """Why the thing named sits where it does for this user, then the verdict; hosting it yourselves,
    when the question says so ("why not run llama on our own servers?"), is priced first."""
    name = _VERB.sub("", name.strip())
    hosting = [_self_hosting(ranking)] if _SELF_HOSTED.search(f"{question} {name}") else []
    if (family := _family_pick(name, ranking, catalog)) is not None:
        lead = f"_The best-ranked {name.strip()} on your list:_ {explain(family.model, ranking, catalog)}"
        return "\n\n".join([*hosting, lead, _verdict(family, ranking, family.model)])
    canonical = canonical_named(name, ranking, catalog)
    if canonical is None:
        kind = _kind(name, ranking, catalog)
        return "\n\n".join([*hosting, kind]) if kind else explain(name, ranking, catalog)
    named = next((item for item in ranking.ranked if item.canonical == canonical), None)
    shown = named.model if named else canonical
    return "\n\n".join([*hosting, explain(name, ranking, catalog), _verdict(named, ranking, shown)])
