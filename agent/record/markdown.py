"""Render a DecisionRecord as Markdown in the MADR style: a document a team reviews, in prose and
tables, every figure as the tools computed it and every value in words."""

from __future__ import annotations

from typing import Any

from agent.record import wording
from agent.record.costs import CostTable
from agent.record.decision import DecisionRecord
from agent.record.history import events, history_table, origin
from agent.record.routing import MEASURED_KEY, markdown_lines
from catalog.display import milliseconds, money, money_or_unknown
from catalog.entries import ESTIMATE_PENALTY
from catalog.requirements import DAYS_PER_MONTH

# Optional drivers listed only when they hold something.
_SHOWN_WHEN_SET = frozenset({"input_parts", "max_response_ms", "languages", "operations_usd_month",
                             "reasoning_tokens", "excluded_makers"})  # fmt: skip
# Inputs a monthly cost depends on, in the order the cost table names them.
_COST_INPUTS = ("requests_per_day", "input_tokens", "output_tokens", "cache_hit_rate", "batch_share",
                "reasoning_tokens", "operations_usd_month")  # fmt: skip


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _quote(text: str) -> list[str]:
    return [f"> {line}" if line.strip() else ">" for line in text.strip().splitlines()] + [""]


def _context(record: DecisionRecord) -> list[str]:
    out = ["## Context and problem statement"]
    if not (record.context or record.interview or record.questions_asked):
        return [*out, "The requirements were given on the command line; there was no conversation.", ""]
    if record.context:
        out += ["In the user's words:", ""]
        for text in record.context:
            out += _quote(text)
    if record.interview:
        out += ["Answers to the advisor's questions:"]
        for answer in record.interview:
            how = "skipped (the default)" if answer.skipped else f"answered “{_cell(answer.answer)}”"
            out.append(f"- *{answer.question}* {how} → {answer.requirement}")
        out.append("")
    if record.questions_asked:
        out += ["Questions the user asked along the way:"] + [f"- “{_cell(q)}”" for q in record.questions_asked]
        out.append("")
    if record.replies_not_quoted:
        many = record.replies_not_quoted > 1
        out += [f"{record.replies_not_quoted} short {'replies' if many else 'reply'} (such as “ok”) "
                f"{'are' if many else 'is'} not quoted.", ""]  # fmt: skip
    return out


def _drivers(record: DecisionRecord) -> list[str]:
    req = record.requirements
    notes = req.get("size_notes") or {}
    history = events(record.history, record.stated, req)
    out = ["## Decision drivers", "| requirement | value | where it comes from |", "|---|---|---|"]
    for name, shown in req.items():
        if name == "size_notes" or (name in _SHOWN_WHEN_SET and shown in (None, [], {}) and name not in record.stated):
            continue
        how = origin(name, history, record.stated, notes.get(name))
        out.append(f"| {wording.label(name)} | {_cell(wording.value(name, shown))} | {_cell(how)} |")
    out += ["", "### How the requirements came about"]
    if not record.history:
        out.append("This session kept no history of changes, so each stated requirement shows as stated.")
    if history:
        out += ["", *history_table(history)]
    else:
        out.append("No requirement was stated: every driver above is tradeoff's default.")
    return [*out, ""]


def _within(record: DecisionRecord, option: dict[str, Any]) -> str:
    if record.requirements.get("budget_usd_month") is None:
        return "no budget set"
    return "yes" if option["within_budget"] else "no"


def _options(record: DecisionRecord) -> list[str]:
    out = ["## Considered options", "| # | model | provider | score | per month | within budget | first token |",
           "|---|---|---|---|---|---|---|"]  # fmt: skip
    for index, option in enumerate(record.options, 1):
        out.append(f"| {index} | {option['model']} | {option['provider']} | {option['score']:.1f} | "
                   f"{money_or_unknown(option['monthly_cost_usd'])} | {_within(record, option)} | "
                   f"{milliseconds(option.get('ttft_ms'))} |")  # fmt: skip
    for option in record.options:
        lines = [*_reasons(record, option["model"], option["reasons"]),
                 *([option["tier_advice"]] if option.get("tier_advice") else [])]  # fmt: skip
        out += ["", f"**{option['model']}**"] + [f"- {reason}" for reason in lines]
    return [*out, "", *_quality(record)]


def _reasons(record: DecisionRecord, model: str, reasons: list[str]) -> list[str]:
    """The ranking's reasons; the quality one is cut to its figure when the quality table gives the rest."""
    if model not in record.quality_basis:
        return reasons
    return [reason.split(" (", 1)[0] + ", from the evidence under “What the quality figures rest on”"
            if reason.startswith("quality:") else reason for reason in reasons]  # fmt: skip


def _quality(record: DecisionRecord) -> list[str]:
    if not record.quality_basis:
        return []
    snapshot = record.benchmarks_as_of.isoformat() if record.benchmarks_as_of else "none bundled"
    out = ["### What the quality figures rest on",
           f"Public benchmark snapshot: {snapshot}. Each figure is on a 0-100 scale with its 95% range. A "
           "benchmark figure is the published one (with its own interval), rescaled; it was not measured on your "
           f"workload. An editorial estimate ranks {ESTIMATE_PENALTY:g} points lower than its figure.", "",
           "| model | dimension (share of the task) | figure | kind | rests on | as of |",
           "|---|---|---|---|---|---|"]  # fmt: skip
    for model, rows in record.quality_basis.items():
        for index, row in enumerate(rows):
            low, high = row.interval
            out.append(f"| {model if index == 0 else ''} | {row.dimension.replace('_', ' ')} ({row.weight:.0%}) | "
                       f"{row.value:.0f} [{low:.0f}-{high:.0f}] | {row.kind} | {_cell(row.rests_on)} | "
                       f"{row.as_of or 'undated'} |")  # fmt: skip
    return [*out, ""]


def _outcome(record: DecisionRecord) -> list[str]:
    out = ["## Decision outcome"]
    if record.chosen:
        out.append(f"Chosen: **{record.chosen}**, because:")
        out += [f"- {reason}" for reason in _reasons(record, record.chosen, record.why)]
    else:
        out.append("No model meets every hard constraint; relax one of the drivers above.")
    out += ["", "### Consequences", "Good:"] + [f"- {c}" for c in record.consequences.get("good", [])]
    out += ["", "Bad:"] + [f"- {c}" for c in record.consequences.get("bad", [])]
    out += ["", "## Eliminated models"]
    out += [f"- {e['model']}: {'; '.join(e['reasons'])}" for e in record.eliminated] or ["- none"]
    return [*out, ""]


def _cost_table(record: DecisionRecord, table: CostTable) -> list[str]:
    req = record.requirements
    heads = [f"{s.label} ({s.requests_per_day:,.0f} a day)" for s in table.scenarios]
    out = ["Monthly cost of each option, from the catalog's prices (or, self-hosted, its GPU and operations costs) "
           "and the inputs below:", "",
           "| model | role | " + " | ".join(heads) + " |", "|---|---|" + "---|" * len(heads)]  # fmt: skip
    for row in table.rows:
        out.append(f"| {row.model} | {row.role} | " + " | ".join(money_or_unknown(v) for v in row.usd_month) + " |")
    notes = req.get("size_notes") or {}
    history = events(record.history, record.stated, req)
    inputs = []
    for name in _COST_INPUTS:
        if name in ("reasoning_tokens", "operations_usd_month") and req.get(name) is None:
            continue
        how = origin(name, history, record.stated, notes.get(name))
        inputs.append(f"{wording.label(name)} {wording.value(name, req.get(name))} ({how})")
    out += ["", "Inputs: " + "; ".join(inputs) + f"; {DAYS_PER_MONTH} days a month."]
    for row in table.rows:
        if row.assumptions:
            out.append(f"- {row.model}: " + "; ".join(row.assumptions))
    return out


def _what_ifs(projection: dict[str, Any]) -> list[str]:
    """The chosen model's cost what-ifs, one sentence each."""
    lines = []
    if "with_50pct_cache_hits_usd_month" in projection:
        lines.append(f"With half the input tokens read from the prompt cache: "
                     f"{money(projection['with_50pct_cache_hits_usd_month'])} a month.")  # fmt: skip
    if "with_50pct_batch_usd_month" in projection:
        lines.append(f"With half the requests through the batch API: "
                     f"{money(projection['with_50pct_batch_usd_month'])} a month.")  # fmt: skip
    if "routing_70pct_to" in projection:
        lines.append(f"Routing 70% of requests to {projection['routing_70pct_to']}: "
                     f"{money(projection['routing_usd_month'])} a month, "
                     f"{projection['routing_savings_fraction']:.0%} less ({projection['routing_basis']}).")  # fmt: skip
    elif "routing_recommended" in projection:
        lines.append(f"Routing, {projection['routing_basis']}: {projection['routing_recommended']}.")
    elif "routing_note" in projection:
        lines.append(f"Routing: {projection['routing_note']}.")
    if "self_host_model" in projection:
        even = projection.get("self_host_break_even_requests_month")
        at = f", breaking even at {even:,.0f} requests a month" if isinstance(even, int | float) else ""
        conclusion = str(projection["self_host_conclusion"]).rstrip(".")
        lines.append(f"Self-hosting {projection['self_host_model']}: one replica and its operations cost "
                     f"{money(projection['self_host_fixed_usd_month'])} a month{at}. {conclusion}.")  # fmt: skip
    return [f"- {line}" for line in lines]


def _costs(record: DecisionRecord) -> list[str]:
    out = ["## Cost projection"]
    projection = record.cost_projection
    if record.costs is not None and record.costs.rows:
        out += _cost_table(record, record.costs)
    elif "as_planned_usd_month" in projection:  # a version-1 record: the chosen model alone
        out.append(f"{record.chosen} as planned: {money(projection['as_planned_usd_month'])} a month.")
    if what_ifs := _what_ifs(projection):
        out += ["", f"What-ifs for {record.chosen}:", *what_ifs]
    if isinstance(measured := projection.get(MEASURED_KEY), dict):
        out += markdown_lines(measured)
    if len(out) == 1:
        out.append("No projection: no model qualifies.")
    return [*out, ""]


def _trials(record: DecisionRecord) -> list[str]:
    out = ["## Trial evidence"]
    if record.trials:
        out += [
            "| model | run | first token | tokens/s | output tokens | cost | error |",
            "|---|---|---|---|---|---|---|",
        ]
        for run in record.trials:
            speed = f"{run['tokens_per_s']:.1f}" if run.get("tokens_per_s") else "—"
            out.append(f"| {run['model']} | {run.get('run', 1)} | {milliseconds(run.get('ttft_ms'))} | {speed} | "
                       f"{run.get('output_tokens') or 0} | {money_or_unknown(run.get('cost_usd'))} | "
                       f"{_cell(run.get('error') or '')} |")  # fmt: skip
    else:
        out.append("No trials were run in this session (`/trial` in the TUI, or `tradeoff trial`).")
    if record.votes:
        out += ["", f"Blind votes: {len(record.votes)}"] + [f"- {line}" for line in record.significance]
    return [*out, ""]


def render_markdown(record: DecisionRecord) -> str:
    snapshot = record.benchmarks_as_of.isoformat() if record.benchmarks_as_of else "none"
    out = [
        f"# {record.title}",
        "",
        f"- Status: {record.status}",
        f"- Date: {record.date.isoformat()}",
        f"- Re-evaluate by: {record.reevaluate_by.isoformat()}",
        f"- Catalog: {record.catalog_version}; prices as of {record.prices_as_of or 'the bundled map (undated)'}; "
        f"benchmark snapshot {snapshot}",
        "",
        *_context(record),
        *_drivers(record),
        *_options(record),
        *_outcome(record),
        *_costs(record),
        *_trials(record),
        "## Fallback chain",
        *[f"{i}. {m}" for i, m in enumerate(record.fallback_chain, 1)],
        "",
        "Roll back when:",
        *[f"- {t}" for t in record.rollback_triggers],
        "",
        "## Re-evaluation",
        f"By {record.reevaluate_by.isoformat()}, or earlier on:",
        *[f"- {t}" for t in record.reevaluation_triggers],
        "",
        "## Citations",
        *[f"- {c['id']}: {c['title']}" for c in record.citations],
    ]
    return "\n".join(out) + "\n"
