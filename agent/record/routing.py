"""The decision record's routing section from a routing measured with `tradeoff route` (or the
TUI's Routing view) on the user's own eval results, in place of the 70% rule-of-thumb estimate.

The measured section is stored in the record's `cost_projection` (a free-form mapping), so it
adds no field to the record's schema: a record with it loads wherever its schema version loads."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from catalog.requirements import DAYS_PER_MONTH

# The estimate's keys (agent/record/costs.py), replaced when a measured routing exists.
ESTIMATE_KEYS = ("routing_70pct_to", "routing_usd_month", "routing_savings_fraction", "routing_basis", "routing_note")
MEASURED_KEY = "routing_measured"


class MeasuredRoutingError(ValueError):
    """Not a routing from `tradeoff route --json`; the message says what is missing."""


def _fraction(value: Any, where: str, allow_none: bool = False, signed: bool = False) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise MeasuredRoutingError(f"{where} must be a number")
    if value < 0 and not signed:
        raise MeasuredRoutingError(f"{where} must be >= 0")
    return float(value)


def measured_routing(route: Any, requests_per_day: float, today: dt.date | None = None) -> dict[str, Any]:
    """The record's routing section from `tradeoff route --json` (or from a section this function
    made: it reads its own output back). Monthly figures are at the record's volume."""
    if not isinstance(route, Mapping):
        raise MeasuredRoutingError("not the output of tradeoff route --json")
    tiers = route.get("tiers")
    routers = route.get("routers")
    if not isinstance(tiers, list) or len(tiers) < 2 or not isinstance(routers, list) or not routers:
        raise MeasuredRoutingError("not the output of tradeoff route --json (no tiers or routers)")
    rows = []
    for index, router in enumerate(routers):
        where = f"routers[{index}]"
        if not isinstance(router, Mapping) or not isinstance(router.get("name"), str):
            raise MeasuredRoutingError(f"{where} has no name")
        wilson = router.get("wilson")
        if not isinstance(wilson, list | tuple) or len(wilson) != 2:
            raise MeasuredRoutingError(f"{where}.wilson must be [low, high]")
        tests = router.get("tests")
        if not isinstance(tests, int) or isinstance(tests, bool) or tests < 0:
            raise MeasuredRoutingError(f"{where}.tests must be a whole number")
        per_1k = _fraction(router.get("cost_per_1k_usd"), f"{where}.cost_per_1k_usd")
        assert per_1k is not None
        rows.append({
            "name": router["name"], "passed": int(_fraction(router.get("passed"), f"{where}.passed") or 0),
            "tests": tests, "pass_rate": _fraction(router.get("pass_rate"), f"{where}.pass_rate"),
            "wilson": [_fraction(wilson[0], f"{where}.wilson"), _fraction(wilson[1], f"{where}.wilson")],
            "cost_per_1k_usd": per_1k,
            "monthly_usd": per_1k / 1000 * requests_per_day * DAYS_PER_MONTH,
            "saving_vs_strong": _fraction(router.get("saving_vs_strong"), f"{where}.saving_vs_strong",
                                          allow_none=True, signed=True),
            "evaluated_on": str(router.get("evaluated_on") or ""),
            "realisable": bool(router.get("realisable", True)),
        })  # fmt: skip
    total = route.get("tests")
    if not isinstance(total, int) or isinstance(total, bool) or total < 1:
        total = rows[0]["tests"]  # the strong model alone runs on every test
    date = route.get("date")
    if not isinstance(date, str):
        date = (today or dt.date.today()).isoformat()
    else:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise MeasuredRoutingError("date must be YYYY-MM-DD") from None
    recommended = route.get("recommended")
    if recommended not in {row["name"] for row in rows}:
        recommended = rows[0]["name"]
    return {
        "basis": f"measured on your eval results ({total} tests, {date})",
        "tests": total, "date": date, "source": str(route.get("source") or "tradeoff route"),
        "tiers": [str(t) for t in tiers], "requests_per_day": requests_per_day,
        "routers": rows, "recommended": recommended,
    }  # fmt: skip


def _saving(value: float | None) -> str:
    if value is None:
        return "no saving to measure (the strong model costs $0 here)"
    return f"saves {value:.0%}" if value >= 0 else f"costs {-value:.0%} more (it pays for every call it makes)"


def with_measured_routing(projection: Mapping[str, Any], section: Mapping[str, Any]) -> dict[str, Any]:
    """The cost projection with the estimate replaced by the measured routing."""
    out = {k: v for k, v in projection.items() if k not in ESTIMATE_KEYS and k != MEASURED_KEY}
    best = next(r for r in section["routers"] if r["name"] == section["recommended"])
    strong = section["tiers"][-1]
    out["routing_basis"] = section["basis"]
    out["routing_recommended"] = (
        f"{best['name']}: {_saving(best['saving_vs_strong'])} against {strong} alone, passing "
        f"{best['pass_rate']:.0%} on {best['evaluated_on'] or 'the eval'}"
    )
    out[MEASURED_KEY] = dict(section)
    return out


def apply_measured_routing(record: Any, route: Any, today: dt.date | None = None) -> Any:
    """A copy of `record` (a DecisionRecord) whose routing section is measured, not estimated."""
    volume = float(record.requirements.get("requests_per_day") or 0)
    section = measured_routing(route, volume, today)
    return record.model_copy(update={"cost_projection": with_measured_routing(record.cost_projection, section)})


def markdown_lines(section: Mapping[str, Any]) -> list[str]:
    """The measured routing as a table in the record's Markdown."""
    strong = section["tiers"][-1]
    lines = ["", f"### Routing, {section['basis']}",
             f"Tiers, cheapest first: {' -> '.join(section['tiers'])}; monthly at "
             f"{section['requests_per_day']:,.0f} requests/day.", "",
             f"| router | pass | 95% Wilson | $/1k requests | $/month | saving vs {strong} | evaluated on |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in section["routers"]:
        saving = r["saving_vs_strong"]
        saving_text = "—" if saving is None else f"{saving:.0%}" if saving >= 0 else f"{-saving:.0%} dearer"
        name = r["name"].replace("|", "\\|") + ("" if r["realisable"] else " (not deployable: knows the grades)")
        lines.append(f"| {name} | {r['passed']}/{r['tests']} ({r['pass_rate']:.0%}) | "
                     f"{r['wilson'][0]:.2f}-{r['wilson'][1]:.2f} | ${r['cost_per_1k_usd']:,.2f} | "
                     f"${r['monthly_usd']:,.0f} | {saving_text} | {r['evaluated_on']} |")  # fmt: skip
    lines += ["", f"Recommended: {section['recommended']}."]
    return lines
