"""Render a DecisionRecord as Markdown in the MADR style."""

from __future__ import annotations

from agent.record.decision import DecisionRecord
from agent.record.routing import MEASURED_KEY, markdown_lines
from catalog.display import money_or_unknown

# Optional drivers listed only when they hold something.
_SHOWN_WHEN_SET = frozenset({"input_parts", "size_notes", "max_response_ms", "languages", "operations_usd_month",
                             "reasoning_tokens"})  # fmt: skip


def render_markdown(record: DecisionRecord) -> str:
    req = record.requirements
    out = [
        f"# {record.title}",
        "",
        f"- Status: {record.status}",
        f"- Date: {record.date.isoformat()}",
        f"- Re-evaluate by: {record.reevaluate_by.isoformat()}",
        f"- Catalog: {record.catalog_version}; prices as of {record.prices_as_of or 'the bundled map (undated)'}",
        "",
        "## Context and problem statement",
    ]
    out += [f"> {line}" for line in record.context] or ["(stated through the command line)"]
    out += ["", "## Decision drivers"]
    notes = req.get("size_notes") or {}
    for name, value in req.items():
        if name in _SHOWN_WHEN_SET and value in (None, [], {}) and name not in record.stated:
            continue
        if name == "size_notes":
            continue  # shown as each size's origin
        if name == "priorities":
            value = ", ".join(f"{k} {v:g}" for k, v in value.items())
        origin = notes.get(name) or ("stated" if name in record.stated else "assumed")
        out.append(f"- **{name.replace('_', ' ')}**: {value if value not in (None, []) else '—'} ({origin})")
    out += ["", "## Considered options", "| # | model | provider | score | $/month | within budget | TTFT ms |",
            "|---|---|---|---|---|---|---|"]  # fmt: skip
    for index, option in enumerate(record.options, 1):
        ttft = f"{option['ttft_ms']:,.0f}" if option.get("ttft_ms") is not None else "?"
        out.append(
            f"| {index} | {option['model']} | {option['provider']} | {option['score']:.1f} | "
            f"{money_or_unknown(option['monthly_cost_usd'])} | {'yes' if option['within_budget'] else 'no'} | {ttft} |"
        )
    for option in record.options:
        lines = [*option["reasons"], *([option["tier_advice"]] if option.get("tier_advice") else [])]
        out += ["", f"**{option['model']}**"] + [f"- {reason}" for reason in lines]
    out += ["", "## Decision outcome"]
    if record.chosen:
        out.append(f"Chosen: **{record.chosen}**, because:")
        out += [f"- {reason}" for reason in record.why]
    else:
        out.append("No model meets every hard constraint; relax one of the drivers above.")
    out += ["", "### Consequences", "Good:"] + [f"- {c}" for c in record.consequences.get("good", [])]
    out += ["", "Bad:"] + [f"- {c}" for c in record.consequences.get("bad", [])]
    out += ["", "## Eliminated models"]
    out += [f"- {e['model']}: {'; '.join(e['reasons'])}" for e in record.eliminated] or ["- none"]
    out += ["", "## Cost projection"]
    out += [f"- {k.replace('_', ' ')}: {money_or_unknown(v) if k.endswith('usd_month') else v}"
            for k, v in record.cost_projection.items() if k != MEASURED_KEY] or ["- no projection"]  # fmt: skip
    if isinstance(measured := record.cost_projection.get(MEASURED_KEY), dict):
        out += markdown_lines(measured)
    out += ["", "## Trial evidence"]
    if record.trials:
        out += ["| model | run | TTFT ms | tok/s | tokens | cost $ | error |", "|---|---|---|---|---|---|---|"]
        for run in record.trials:
            ttft = f"{run['ttft_ms']:,.0f}" if run.get("ttft_ms") is not None else "—"
            speed = f"{run['tokens_per_s']:.1f}" if run.get("tokens_per_s") else "—"
            cost = f"{run['cost_usd']:.6f}" if run.get("cost_usd") is not None else "?"
            out.append(f"| {run['model']} | {run.get('run', 1)} | {ttft} | {speed} | {run.get('output_tokens') or 0} | "
                       f"{cost} | {run.get('error') or ''} |")  # fmt: skip
    else:
        out.append("- no trials run in this session (`/trial` in the TUI, or `tradeoff trial`)")
    if record.votes:
        out += ["", f"Blind votes: {len(record.votes)}"] + [f"- {line}" for line in record.significance]
    out += ["", "## Fallback chain"] + [f"{i}. {m}" for i, m in enumerate(record.fallback_chain, 1)]
    out += ["", "Roll back when:"] + [f"- {t}" for t in record.rollback_triggers]
    out += ["", "## Re-evaluation", f"By {record.reevaluate_by.isoformat()}, or earlier on:"]
    out += [f"- {t}" for t in record.reevaluation_triggers]
    out += ["", "## Citations"] + [f"- {c['id']}: {c['title']}" for c in record.citations]
    return "\n".join(out) + "\n"
