"""Prices checked twice: LiteLLM's map against Pydantic's genai-prices (catalog/data/genai_prices.json).

A difference of more than `TOLERANCE` in the input or output price is a disagreement; it is stated
with both figures wherever the price is shown. LiteLLM's figure is the one costed (SPEC §1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from catalog.entries import ModelEntry, PriceCheck

TOLERANCE = 0.05


def _per_million(price: float) -> str:
    return f"${price * 1e6:,.4g}/M"


def _differs(ours: float, theirs: float) -> bool:
    if ours == 0:
        return theirs > 0
    return abs(theirs - ours) / ours > TOLERANCE


def price_check(entry: ModelEntry, raw: Mapping[str, Any], source: str, url: str, as_of: dt.date) -> PriceCheck:
    notes = []
    for kind in ("input", "output"):
        ours, theirs = getattr(entry.prices, kind), float(raw[kind])
        if ours is not None and _differs(ours, theirs):
            change = f" ({(theirs - ours) / ours:+.0%})" if ours else ""
            notes.append(f"{kind}: LiteLLM {_per_million(ours)}, genai-prices {_per_million(theirs)}{change}")
    return PriceCheck(source=source, url=url, as_of=as_of, model=f"{raw['provider']}/{raw['model']}",
                      input=float(raw["input"]), output=float(raw["output"]), disagreements=tuple(notes))  # fmt: skip


def with_price_checks(entries: dict[str, ModelEntry], snapshot: Mapping[str, Any] | None) -> None:
    """Attach the second source's prices to every entry it covers (in place, by id)."""
    if not snapshot:
        return
    source, url = str(snapshot.get("package", "genai-prices")), str(snapshot.get("url", ""))
    as_of = dt.date.fromisoformat(str(snapshot["as_of"]))
    for model_id, raw in (snapshot.get("prices") or {}).items():
        entry = entries.get(model_id)
        if entry is not None and entry.prices.known:
            entries[model_id] = entry.model_copy(update={"price_check": price_check(entry, raw, source, url, as_of)})


def price_note(entry: ModelEntry) -> str | None:
    """One line for a ranking's reasons, when the two sources disagree."""
    check = entry.price_check
    if check is None or not check.disagreements:
        return None
    return (f"prices disagree by over {TOLERANCE:.0%}: {'; '.join(check.disagreements)} ({check.source}, "
            f"{check.as_of}); costed at LiteLLM's")  # fmt: skip


def price_lines(entry: ModelEntry) -> list[str]:
    check = entry.price_check
    if check is None:
        return ["price check: genai-prices has no price for this route"]
    lines = [f"price check against {check.source} ({check.model}, as of {check.as_of}): "
             f"{_per_million(check.input)} in / {_per_million(check.output)} out"]  # fmt: skip
    if check.disagreements:
        lines.extend(f"  disagrees by over {TOLERANCE:.0%}: {note}" for note in check.disagreements)
    else:
        lines.append(f"  agrees with LiteLLM's map within {TOLERANCE:.0%}")
    return lines
