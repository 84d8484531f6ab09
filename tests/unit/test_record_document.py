"""The Markdown record reads as a document (issue #18): the requirements' history (a requirement
stated and later dropped shows as dropped), the context as what the user said with interview
answers as the requirement they set, a cost table per option, what each option's quality rests on
(issue #15), and no Python literal or field name anywhere; a version-1 record still loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agent.advisor.interview import QUESTIONS, apply_choice, size_question
from agent.advisor.state import AdvisorState, ChatMessage, RequirementEvent
from agent.record.costs import cost_projection
from agent.record.decision import RECORD_SCHEMA_VERSION, DecisionRecord, build_record
from agent.record.markdown import render_markdown
from catalog.cost import monthly_cost, self_host_break_even
from catalog.display import money
from catalog.requirements import Requirements
from tests.conftest import TODAY

V1_RECORD = Path(__file__).parents[1] / "golden" / "record_v1.json"
FIRST = "Customer support chatbot for our shop, 50k chats a day, $2,000 a month"


def user(text: str) -> ChatMessage:
    return ChatMessage(role="user", content=text)


def asked(field: str) -> ChatMessage:
    question = QUESTIONS[field]
    choices = "\n".join(f"{i}. {c.label}" for i, c in enumerate(question.choices, 1))
    return ChatMessage(role="assistant", content=f"Got it so far.\n**{question.text}**\n{choices}")


def said(text: str) -> ChatMessage:
    return ChatMessage(role="assistant", content=text)


@pytest.fixture
def dropped_budget(catalog) -> DecisionRecord:
    """Budget stated in message 1, dropped in message 2; the task inferred; latency from an answer."""
    state = AdvisorState(
        messages=[user(FIRST), said("Here is the shortlist."), user("drop the budget"), asked("max_ttft_ms"),
                  user("2"), said("Noted."), user("what is TTFT?"), said("Time to first token is..."), user("ok")],
        requirements={"task": "chat", "requests_per_day": 50_000, "max_ttft_ms": 2_000},
        history=[
            RequirementEvent(field="task", action="inferred", value="chat", evidence="support chatbot", turn=1),
            RequirementEvent(field="requests_per_day", action="stated", value=50_000, evidence="50k chats a day",
                             turn=1),
            RequirementEvent(field="budget_usd_month", action="stated", value=2_000, evidence="$2,000 a month",
                             turn=1),
            RequirementEvent(field="budget_usd_month", action="dropped", evidence="drop the budget", turn=2),
            RequirementEvent(field="max_ttft_ms", action="stated", value=2_000, evidence="2", turn=3),
            RequirementEvent(field="requests_per_day", action="edited", value=50_000,
                             evidence="the requirements panel"),
        ],
    )  # fmt: skip
    return build_record(state, catalog, TODAY)


def section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def test_a_requirement_stated_and_later_dropped_shows_as_dropped(dropped_budget):
    text = render_markdown(dropped_budget)
    history = section(text, "### How the requirements came about")
    assert "| message 1 | monthly budget | stated | $2,000 a month | “$2,000 a month” |" in history
    assert (
        "| message 2 | monthly budget | dropped | no longer a requirement (was $2,000 a month) | “drop the budget” |"
        in (history)
    )
    assert history.index("| stated | $2,000") < history.index("| dropped |")
    drivers = section(text, "## Decision drivers")
    assert "| monthly budget | no fixed budget | dropped in message 2, so the default applies |" in drivers
    assert "| task | chat | inferred from “support chatbot” |" in drivers
    # An edit to the value it already had says so without a "was".
    assert "| — | volume | edited by hand | 50,000 requests a day | the requirements panel |" in history
    assert "| volume | 50,000 requests a day | edited by hand |" in drivers
    assert "kept no history" not in text
    # The JSON keeps the events as the session recorded them.
    again = DecisionRecord.model_validate_json(dropped_budget.model_dump_json())
    assert [(e.field, e.action) for e in again.history][2:4] == [("budget_usd_month", "stated"),
                                                                 ("budget_usd_month", "dropped")]  # fmt: skip


def test_a_changed_requirement_says_what_it_was(catalog):
    state = AdvisorState(
        messages=[user(FIRST), said("Shortlist."), user("actually 2 seconds is fine")],
        requirements={"task": "chat", "requests_per_day": 50_000, "max_ttft_ms": 2_000},
        history=[RequirementEvent(field="max_ttft_ms", action="stated", value=1_000, evidence="within 1 second",
                                  turn=1),
                 RequirementEvent(field="max_ttft_ms", action="changed", value=2_000, evidence="2 seconds", turn=2)],
    )  # fmt: skip
    text = render_markdown(build_record(state, catalog, TODAY))
    assert "| message 2 | time to first token | changed | 2,000 ms (was 1,000 ms) | “2 seconds” |" in text
    assert "| time to first token | 2,000 ms | changed in message 2 |" in text
    assert "> actually 2 seconds is fine" in text


def test_the_context_quotes_what_the_user_said_and_turns_answers_into_requirements(dropped_budget):
    assert dropped_budget.context == [FIRST, "drop the budget"]
    assert [(a.field, a.answer, a.requirement) for a in dropped_budget.interview] == [
        ("max_ttft_ms", "2", "time to first token: 2,000 ms")
    ]
    assert dropped_budget.questions_asked == ["what is TTFT?"]
    assert dropped_budget.replies_not_quoted == 1  # "ok"
    context = section(render_markdown(dropped_budget), "## Context and problem statement")
    assert f"> {FIRST}" in context
    assert "- *How quickly must the first words appear?* answered “2” → time to first token: 2,000 ms" in context
    assert "- “what is TTFT?”" in context and "1 short reply (such as “ok”) is not quoted." in context
    assert "> 2" not in context and "> what is TTFT?" not in context and "> ok" not in context


def test_a_skipped_question_reads_as_the_default_it_took(catalog):
    state = AdvisorState(messages=[user(FIRST), asked("privacy"), user("skip")],
                         requirements={"task": "chat", "requests_per_day": 50_000, "privacy": "none"})  # fmt: skip
    record = build_record(state, catalog, TODAY)
    assert [(a.requirement, a.skipped) for a in record.interview] == [("data sensitivity: not sensitive", True)]
    assert "skipped (the default) → data sensitivity: not sensitive" in render_markdown(record)


def test_without_a_history_the_stated_fields_show_as_stated(catalog):
    state = AdvisorState(messages=[user(FIRST)], requirements={"task": "chat", "requests_per_day": 50_000})
    text = render_markdown(build_record(state, catalog, TODAY))
    history = section(text, "### How the requirements came about")
    assert "kept no history of changes" in history
    assert (
        "| — | task | stated | chat |  |" in history and "| — | volume | stated | 50,000 requests a day |  |" in history
    )
    assert "| time to first token | no limit | assumed: tradeoff's default |" in section(text, "## Decision drivers")


# A list or dict repr, a Python bool or None, or a float written as Python writes it (3000.0).
LITERAL = re.compile(r"\[\s*'|'\s*\]|\{\s*'|\bTrue\b|\bFalse\b|\bNone\b|\b\d{3,}\.0\b")


@pytest.mark.parametrize(
    "requirements",
    [
        {"task": "chat", "requests_per_day": 50_000.0, "budget_usd_month": 3_000.0, "max_ttft_ms": 1_000.0},
        {"task": "coding", "requests_per_day": 5_000, "needs": ["tools", "json"], "open_weights": True,
         "regions": ["eu"], "compliance": ["gdpr"], "cache_hit_rate": 0.5, "batch_share": 0.3,
         "languages": ["german"], "input_tokens": 2_000, "output_tokens": 400},
        {"task": "document-analysis", "requests_per_day": 2_000, "privacy": "self-hosted",
         "operations_usd_month": 1_500.0, "min_context": 128_000},
    ],
)  # fmt: skip
def test_the_markdown_has_no_python_literal_and_no_field_name(catalog, requirements):
    record = build_record(AdvisorState(messages=[user(FIRST)], requirements=requirements), catalog, TODAY)
    text = render_markdown(record)
    assert not LITERAL.findall(text), LITERAL.findall(text)[:5]
    names = [name for name in Requirements.model_fields if "_" in name]
    assert not [name for name in names if name in text]
    assert "usd_month" not in text and "routing_" not in text


def test_the_cost_table_gives_each_option_at_1x_2x_and_10x_from_the_cost_model(catalog):
    requirements = {"task": "chat", "requests_per_day": 20_000, "cache_hit_rate": 0.4}
    record = build_record(AdvisorState(messages=[user(FIRST)], requirements=requirements), catalog, TODAY)
    assert record.costs is not None
    table = record.costs
    assert [s.requests_per_day for s in table.scenarios] == [20_000, 40_000, 200_000, 20_000]
    assert [s.cache_hit_rate for s in table.scenarios] == [0.4, 0.4, 0.4, 0.0]  # the last: no discount
    assert [r.model for r in table.rows][: len(record.options)] == [o["model"] for o in record.options]
    assert table.rows[0].role == "chosen" and any(r.role == "fallback" for r in table.rows)
    text = section(render_markdown(record), "## Cost projection")
    for row in table.rows:
        entry = catalog.get(row.model)
        for scenario, figure in zip(table.scenarios, row.usd_month, strict=True):
            expected = monthly_cost(entry, scenario.requests_per_day, 500, 300, scenario.cache_hit_rate)
            assert figure == pytest.approx(expected.monthly_cost_usd)
        assert f"| {row.model} | {row.role} | " + " | ".join(money(v) for v in row.usd_month) + " |" in text
    option = record.options[0]
    assert table.rows[0].usd_month[0] == pytest.approx(option["monthly_cost_usd"])  # the shortlist's own figure
    assert "volume 20,000 requests a day (stated)" in text
    assert "input per request 500 tokens (assumed: tradeoff's default)" in text
    assert "prompt-cache hit rate 40% of input tokens (stated)" in text


def test_each_option_says_what_its_quality_rests_on(catalog, dropped_budget):
    record = dropped_budget
    assert record.benchmarks_as_of == catalog.benchmarks_as_of is not None
    assert set(record.quality_basis) >= {o["model"] for o in record.options}
    text = render_markdown(record)
    quality = section(text, "### What the quality figures rest on")
    assert f"Public benchmark snapshot: {catalog.benchmarks_as_of.isoformat()}" in quality
    kinds = set()
    for model, rows in record.quality_basis.items():
        entry = catalog.get(model)
        assert sum(row.weight for row in rows) == pytest.approx(1.0)
        for row in rows:
            evidence = entry.quality_evidence[row.dimension]
            assert (row.kind, row.value, row.interval) == (evidence.kind, evidence.value, evidence.interval)
            kinds.add(row.kind)
            if row.kind == "benchmark":
                for figure in evidence.figures:
                    assert f"{figure.benchmark} {figure.category} {figure.value:g}" in row.rests_on
            else:
                assert "editorial estimate" in row.rests_on or "measured by you" in row.rests_on
    assert {"benchmark", "estimate"} <= kinds
    chosen = record.quality_basis[record.chosen]
    estimated = [row for row in chosen if row.kind == "estimate"]
    lines = record.consequences["bad"] + record.consequences["good"]
    if estimated:
        share = sum(row.weight for row in estimated)
        assert any(line.startswith(f"{share:.0%} of {record.chosen}'s chat quality rests on editorial estimates")
                   for line in lines)  # fmt: skip
    assert not any(line.startswith("quality figures are estimates") for line in lines)


def test_a_version_1_record_still_loads_renders_and_imports(catalog, tmp_path):
    from agent.advisor.nodes import AdvisorTools
    from agent.advisor.sessions import Advisor
    from knowledge.lexical import terms

    record = DecisionRecord.model_validate_json(V1_RECORD.read_text())
    assert record.schema_version == 1 < RECORD_SCHEMA_VERSION
    assert record.history == [] and record.costs is None and record.quality_basis == {}
    text = render_markdown(record)
    assert "kept no history of changes" in text
    assert f"{record.chosen} as planned: {money(record.cost_projection['as_planned_usd_month'])} a month." in text
    assert not LITERAL.findall(text)
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY, terms=terms), tmp_path / "sessions.sqlite")
    try:
        state = advisor.state(advisor.import_record(record).session)
    finally:
        advisor.close()
    assert state.ranking["ranked"][0]["model"] == record.chosen


def test_a_size_answer_reads_as_the_size_it_set_and_how_it_was_worked_out(catalog):
    question = size_question("document-analysis")
    prompt = said(f"**{question.text}**\n" + "\n".join(c.label for c in question.choices))
    requirements = apply_choice({"task": "document-analysis", "requests_per_day": 2_000}, "input_tokens",
                                question.choices[1].value)  # fmt: skip
    state = AdvisorState(messages=[user("We need to summarise legal contracts, 2,000 a day"), prompt, user("2")],
                         requirements=requirements)  # fmt: skip
    record = build_record(state, catalog, TODAY)
    assert [a.requirement for a in record.interview] == [f"input per request: {question.choices[1].label}"]
    text = render_markdown(record)
    assert (
        "| input per request | 6,000 tokens |" in text
        and "| what one request carries | documents 6,000 tokens |" in text
    )
    assert "| how the sizes were worked out | stated | ~10 pages x ~600 tokens a page (assumption) |" in text
    assert not LITERAL.findall(text)


def test_the_self_hosting_what_if_reads_as_one_sentence_with_the_break_even_figures(catalog):
    req = Requirements(task="chat", requests_per_day=500_000)
    options = [
        {"model": "deepinfra/deepseek-ai/DeepSeek-V4-Flash", "provider": "deepinfra", "monthly_cost_usd": 1.0},
        {"model": "hosted_vllm/mistral-small-latest", "provider": "self-hosted", "monthly_cost_usd": 2.0},
    ]
    projection = cost_projection(catalog, options, req)
    even = self_host_break_even(catalog.get(options[1]["model"]), catalog.get(options[0]["model"]), 500, 300, None,
                                req.requests_per_month)  # fmt: skip
    fixed = even.gpu_usd_per_replica_month + even.operations_usd_month
    assert projection["self_host_fixed_usd_month"] == pytest.approx(fixed)
    record = DecisionRecord.model_validate_json(V1_RECORD.read_text())
    text = render_markdown(record.model_copy(update={"chosen": options[0]["model"], "cost_projection": projection}))
    line = next(line for line in text.splitlines() if line.startswith("- Self-hosting"))
    assert line.startswith(
        f"- Self-hosting {options[1]['model']}: one replica and its operations cost {money(fixed)} a month"
    )
    assert even.conclusion.rstrip(".") in line and ".." not in line


def test_an_inference_whose_words_already_say_so_is_said_once():
    from agent.record.history import origin

    inferred = RequirementEvent(field="compliance", action="inferred", evidence="inferred from 'Patient data'", turn=1)
    assert origin("compliance", [inferred], [], None) == "inferred from 'Patient data'"
    plain = RequirementEvent(field="task", action="inferred", evidence="support emails", turn=1)
    assert origin("task", [plain], [], None) == "inferred from “support emails”"
