"""What a smaller model would save against a bigger one at this session's workload ("how much would a
small model save us against a frontier one?", "could an 8B model instead of a 70B save anything?"):
both bills on the cost tool, each side read from the words as a tier or a parameter count. Routing
splits traffic between two tiers; this replaces one with the other. Pure: ranking and catalog in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.advisor.savings import bill
from catalog.cost import PriceUnknownError
from catalog.display import money
from catalog.entries import Catalog, ModelEntry
from catalog.scoring import RankedModel, Ranking

_SMALL = (r"smaller|small|cheaper|cheap|lighter|lightweight|light|mini|tiny|budget|low[- ]end|lower[- ]tier|"
          r"mid[- ](?:tier|size|sized|range)|mid|medium|mid-?level")  # fmt: skip
_BIG = (r"frontier|flagship|bigger|big|larger|large|top[- ](?:tier|end|shelf)|premium|high[- ]end|"
        r"state[- ]of[- ]the[- ]art|sota|heavyweight|best[- ]in[- ]class")  # fmt: skip
_SIZE = r"\d{1,4}(?:\.\d)?\s?b"
_GAP = r"[^.?!]{0,40}?"
_TO_SMALL = r"\b(?:vs\.?|versus|instead of|rather than|over|compared (?:to|with)|against|than|in place of)\b"
# "a small model instead of a frontier one", "switching from a 70B to an 8B"; never a question about routing.
ASKS_DOWNSIZE = re.compile(
    rf"^(?!.*\b(?:rout|cascad))(?:.*?\b(?:{_SMALL}|{_SIZE})\b{_GAP}{_TO_SMALL}{_GAP}\b(?:{_BIG}|{_SIZE})\b"
    rf"|.*?\b(?:from|replac\w*|swap\w*|switch\w*|mov\w*|downgrad\w*|drop\w*)\s+{_GAP}\b(?:{_BIG}|{_SIZE})\b{_GAP}"
    rf"\b(?:to|with|for)\b{_GAP}\b(?:{_SMALL}|{_SIZE})\b)",
    re.IGNORECASE,
)
_SIZE_SAID = re.compile(r"(?<![\w.])(\d{1,4}(?:\.\d)?)\s?b\b", re.IGNORECASE)
_SMALL_SAID = re.compile(rf"\b(?:{_SMALL})\b", re.IGNORECASE)
_MID_SAID = re.compile(r"\b(?:mid[- ]?\w*|medium)\b", re.IGNORECASE)
_BIG_SAID = re.compile(rf"\b(?:{_BIG})\b", re.IGNORECASE)
# Variants of a family that are no general model of its size: a safety filter, a coder, a distillation.
_VARIANT = re.compile(r"guard|code|coder|distill|vision|embed|reward|math|lunaris|euryale|hermes|nemotron|dobby|"
                      r"cogito|intern", re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class Side:
    """One side of the swap: the route billed, how the user named it, and where it ranks (if it does)."""

    entry: ModelEntry
    said: str
    position: int | None = None
    item: RankedModel | None = None


def _sizes(question: str) -> list[float]:
    return sorted({float(m[1]) for m in _SIZE_SAID.finditer(question)})


def _size_in(model_id: str, size: float) -> bool:
    return any(float(m[1]) == size for m in _SIZE_SAID.finditer(model_id.replace("-", " ").replace("_", " ")))


def _stem(model_id: str, size: float) -> str:
    return _SIZE_SAID.sub(lambda m: "{}" if float(m[1]) == size else m[0], model_id.lower())


def _priced(catalog: Catalog, name: str) -> ModelEntry | None:
    entry = catalog.get(name)
    return entry if entry is not None and entry.prices.known and not entry.is_self_hosted_route else None


def _by_tier(catalog: Catalog, ranking: Ranking, tier: str, said: str) -> Side | None:
    """The best-ranked model of a tier on this user's shortlist."""
    for position, item in enumerate(ranking.ranked, 1):
        entry = _priced(catalog, item.model)
        if entry is not None and (item.tier or entry.tier) == tier:
            return Side(entry, said, position, item)
    return None


def _ranked_side(catalog: Catalog, ranking: Ranking, entry: ModelEntry, said: str) -> Side:
    for position, item in enumerate(ranking.ranked, 1):
        if item.model == entry.id:
            return Side(entry, said, position, item)
    return Side(entry, said)


def _by_sizes(catalog: Catalog, ranking: Ranking, small: float, big: float) -> tuple[Side, Side] | None:
    """Two routes of one family that differ only in size ("...-3.1-8B-Instruct" and "...-3.1-70B-Instruct"),
    from the provider of a shortlisted model of that size when there is one."""
    stems: dict[str, dict[float, ModelEntry]] = {}
    for entry in catalog.models:
        for size in (small, big):
            if _size_in(entry.id, size) and not _VARIANT.search(entry.id) and _priced(catalog, entry.id):
                stems.setdefault(_stem(entry.id, size), {})[size] = entry
    pairs = [pair for pair in stems.values() if len(pair) == 2]
    if not pairs:
        return None
    providers = [item.provider for item in ranking.ranked if _size_in(item.model, big) or _size_in(item.model, small)]

    def preference(pair: dict[float, ModelEntry]) -> tuple[bool, bool, int, str]:
        model_id = pair[big].id
        return (not any(model_id.startswith(p) for p in providers), "instruct" not in model_id.lower(),
                len(model_id), model_id)  # fmt: skip

    pair = min(pairs, key=preference)
    return (_ranked_side(catalog, ranking, pair[small], f"{small:g}B"),
            _ranked_side(catalog, ranking, pair[big], f"{big:g}B"))  # fmt: skip


def _by_size(catalog: Catalog, ranking: Ranking, size: float) -> Side | None:
    """A model of that size: the best-ranked on the shortlist, else the cheapest general route in the catalog."""
    for position, item in enumerate(ranking.ranked, 1):
        if _size_in(item.model, size) and (entry := _priced(catalog, item.model)):
            return Side(entry, f"{size:g}B", position, item)
    routes = [e for e in catalog.models
              if _size_in(e.id, size) and not _VARIANT.search(e.id) and _priced(catalog, e.id)]  # fmt: skip
    if not routes:
        return None
    return Side(min(routes, key=lambda e: (e.prices.input or 0) + (e.prices.output or 0)), f"{size:g}B")


def sides(question: str, catalog: Catalog, ranking: Ranking) -> tuple[Side | None, Side | None]:
    """(the smaller, the bigger) the question weighs, each None when the catalog has nothing that fits."""
    sizes = _sizes(question)
    if len(sizes) >= 2:
        paired = _by_sizes(catalog, ranking, sizes[0], sizes[-1])
        if paired:
            return paired
        return _by_size(catalog, ranking, sizes[0]), _by_size(catalog, ranking, sizes[-1])
    small_tier = "mid" if _MID_SAID.search(question) and not re.search(r"\bsmall", question, re.I) else "small"
    if sizes and _BIG_SAID.search(question):
        return _by_size(catalog, ranking, sizes[0]), _by_tier(catalog, ranking, "frontier", "frontier")
    if sizes:
        return _by_tier(catalog, ranking, small_tier, small_tier), _by_size(catalog, ranking, sizes[0])
    small = _by_tier(catalog, ranking, small_tier, "smaller") if _SMALL_SAID.search(question) else None
    return small, _by_tier(catalog, ranking, "frontier", "frontier")


def _article(said: str) -> str:
    """ "an 8B", "an 11B", "a 70B", "a smaller"."""
    return "an" if re.match(r"(?:8|11|18|[aeio])", said, re.I) else "a"


def _describe(side: Side) -> str:
    where = f"#{side.position} on your shortlist" if side.position else "not on your shortlist, so unchecked"
    tier = f"{side.entry.tier}, " if side.entry.tier else ""
    return f"{side.entry.id} ({tier}{where})"


def answer(question: str, catalog: Catalog, ranking: Ranking) -> list[str]:
    """The saving of the smaller model against the bigger one, first, then what it gives up."""
    small, big = sides(question, catalog, ranking)
    if small is None or big is None:
        missing = "smaller" if small is None else "bigger"
        return [f"I found no {missing} model for that comparison that meets your constraints with a price in the "
                "catalog; name the two models (*how much cheaper is A than B?*) and I will price both."]  # fmt: skip
    req = ranking.requirements
    try:
        small_usd, big_usd = bill(small.entry, req).monthly_cost_usd, bill(big.entry, req).monthly_cost_usd
    except PriceUnknownError:
        return ["The catalog has no complete price for one of those models, so I cannot price the swap."]
    saved = big_usd - small_usd
    share = saved / big_usd if big_usd else 0.0
    small_named, big_named = f"{_article(small.said).title()} {small.said}", f"{_article(big.said)} {big.said}"
    head = (f"**{small_named} model instead of {big_named} one would save about {money(saved)}/month** "
            f"({share:.0%} of the bill)" if saved > 0 else
            f"**{small_named} model would save $0/month here: it costs {money(-saved)}/month more**")  # fmt: skip
    lines = [f"{head}: {_describe(small)} costs {money(small_usd)}/month against {money(big_usd)} for "
             f"{_describe(big)} at your workload."]  # fmt: skip
    if small.item and big.item:
        lines.append(f"- What it gives up: {req.task} quality {small.item.quality:.0f} against {big.item.quality:.0f} "
                     f"on the ranking's scale.")  # fmt: skip
    else:
        lines.append("- The catalog has no quality figures for both on your task, so what the smaller one gives up is "
                     "unmeasured: expect it to be weaker on the hard requests.")  # fmt: skip
    lines.append("- It holds only if the smaller model is good enough on your requests: measure both on your prompts "
                 "(`tradeoff eval`); routing only the easy share to it is the middle way [module/2.2.1].")  # fmt: skip
    return lines
