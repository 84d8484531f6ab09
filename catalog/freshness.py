"""Flag figures that are old enough to mislead: prices and curated estimates past their shelf life."""

from __future__ import annotations

import datetime as dt

from catalog.entries import Catalog

PRICE_MAX_AGE_DAYS = 90
ESTIMATE_MAX_AGE_DAYS = 180


def staleness_warnings(catalog: Catalog, today: dt.date) -> list[str]:
    """One line per stale figure group, each saying how to refresh it."""
    warnings: list[str] = []
    if catalog.prices_as_of is None:
        warnings.append(
            f"prices: {catalog.version} (undated); run `tradeoff catalog refresh` online for today's prices"
        )
    elif (today - catalog.prices_as_of).days > PRICE_MAX_AGE_DAYS:
        age = (today - catalog.prices_as_of).days
        warnings.append(f"prices: fetched {age} days ago; run `tradeoff catalog refresh`")
    for source in sorted(catalog.sources.values(), key=lambda s: s.id):
        age = (today - source.as_of).days
        if source.estimate and age > ESTIMATE_MAX_AGE_DAYS:
            warnings.append(f"{source.id}: estimates from {source.as_of.isoformat()} are {age} days old")
    return warnings
