"""A Markdown decision record (MADR style) from one `recommend` result, for `--record`."""

from __future__ import annotations

import datetime as dt
from typing import Any


def _requirement_lines(requirements: dict[str, Any]) -> list[str]:
    lines = []
    for name, value in requirements.items():
        if value in (None, [], False) and name not in ("open_weights",):
            continue
        lines.append(f"- **{name.replace('_', ' ')}**: {value}")
    return lines


def recommendation_markdown(payload: dict[str, Any], today: dt.date) -> str:
    """Title, status, drivers, options, outcome, eliminations, fallback and citations."""
    ranked = payload["ranked"]
    chosen = ranked[0] if ranked else None
    task = payload["requirements"]["task"]
    out = [
        f"# Model choice for {task}: {chosen['model'] if chosen else 'no model qualifies'}",
        "",
        "- Status: proposed",
        f"- Date: {today.isoformat()}",
        f"- Catalog: {payload['catalog_version']}",
        "",
        "## Decision drivers",
        *_requirement_lines(payload["requirements"]),
        "",
        "## Considered options",
        "| # | model | provider | score | $/month | within budget | TTFT ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for index, item in enumerate(ranked, 1):
        ttft = f"{item['ttft_ms']:,.0f}" if item["ttft_ms"] is not None else "?"
        out.append(
            f"| {index} | {item['model']} | {item['provider']} | {item['score']:.1f} | "
            f"{item['monthly_cost_usd']:,.2f} | {'yes' if item['within_budget'] else 'no'} | {ttft} |"
        )
    out += ["", "## Decision outcome"]
    if chosen:
        out.append(f"Chosen: **{chosen['model']}**, because:")
        out += [f"- {reason}" for reason in chosen["reasons"]]
    else:
        out.append("No model meets every hard constraint; relax one of the drivers above.")
    out += ["", "## Fallback", f"- {payload['fallback'] or 'none meets every constraint'}", ""]
    if payload["eliminated"]:
        out.append("## Eliminated")
        out += [f"- {e['model']}: {'; '.join(e['reasons'])}" for e in payload["eliminated"]]
        out.append("")
    out.append("## Citations")
    out += [f"- {c['id']}: {c['title']}" for c in payload["citations"]]
    if payload.get("warnings"):
        out += ["", "## Notes", *[f"- {w}" for w in payload["warnings"]]]
    return "\n".join(out) + "\n"
